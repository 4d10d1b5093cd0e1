"""peewee models over one embedded SQLite file. No Qt here."""

from .aftersales import (AftersalesItem, Exchange, ItemEvent, ItemPhoto, Refund, RefundReversal, ReturnOrder,
                         ReturnPolicy, ScrapRecord, SupplierReturn)
from .base import BaseModel, MoneyField, db
from .counts import CountSchedule, StockCount, StockCountLine
from .catalog import Category, Product, Supplier
from .documents import DocumentSequence, ImportLog, Setting, SettingChange
from .measures import Measure
from .parties import ROLES, Customer, Staff
from .resale import PricingRule, QualityCheck, QualityChecklist, ResaleListing, ResaleSale
from .repairs import LabourLog, PartReceipt, RepairOrder, RepairPart, Technician, TechnicianCategory
from .sales import Sale, SaleLine
from .shipping import Shipment
from .staff_alias import StaffAlias
from .stock import Location, StockMove, StockQuant, StockSerial

ALL_MODELS = [
    Supplier, Category, Product, Customer, Staff, Sale, SaleLine,
    Location, StockMove, StockQuant, StockSerial, DocumentSequence, Setting, ImportLog,
    ReturnPolicy, ReturnOrder, AftersalesItem, ItemPhoto, ItemEvent, Refund, RefundReversal, Exchange, ScrapRecord,
    SupplierReturn,
    Technician, TechnicianCategory, RepairOrder, LabourLog, RepairPart, PartReceipt,
    QualityChecklist, QualityCheck, PricingRule, ResaleListing, ResaleSale, StockCount, StockCountLine, SettingChange,
    CountSchedule, Measure, Shipment, StaffAlias,
]

__all__ = [
    "ALL_MODELS", "AftersalesItem", "Exchange", "ItemEvent", "ItemPhoto", "Refund", "RefundReversal", "ReturnOrder", "ReturnPolicy",
    "ScrapRecord", "SupplierReturn", "LabourLog", "PartReceipt", "RepairOrder", "RepairPart", "Technician",
    "TechnicianCategory", "StockCount", "StockCountLine", "PricingRule", "QualityCheck", "QualityChecklist", "ResaleListing", "ResaleSale", "ROLES", "BaseModel", "Category", "Customer", "DocumentSequence", "ImportLog",
    "Location", "MoneyField", "Product", "Sale", "SaleLine", "Setting", "SettingChange", "Staff", "StockMove",
    "StockQuant", "StockSerial", "Supplier", "db", "CountSchedule", "Measure", "Shipment", "StaffAlias",
]
