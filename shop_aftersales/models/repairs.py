"""Repairs: technicians, repair orders (维修单) planned onto a technician's day, the hours logged, the
spare parts (配件) used, and what it all cost."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import peewee as pw

from ..i18n import QT_TRANSLATE_NOOP
from .aftersales import AftersalesItem
from .base import BaseModel, MoneyField, created_now
from .catalog import Category, Product, Supplier
from .parties import Staff
from .stock import StockMove

HOUR = Decimal("0.01")


def format_hours(hours: Decimal) -> str:
    """1.50 -> '1.5', 8.00 -> '8'."""
    text = f"{Decimal(hours):.2f}".rstrip("0").rstrip(".")
    return text or "0"


class HoursField(pw.IntegerField):
    """Hours as integer hundredths in SQLite, Decimal in Python (1.5 h is stored as 150)."""

    def db_value(self, value):
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("hours must not be a float")
        return int((Decimal(value) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    def python_value(self, value):
        return None if value is None else (Decimal(int(value)) / 100).quantize(HOUR)


SKILLS = {
    "general": QT_TRANSLATE_NOOP("Domain", "General"),
    "specialist": QT_TRANSLATE_NOOP("Domain", "Specialist"),
}
DIFFICULTIES = {
    "simple": QT_TRANSLATE_NOOP("Domain", "Simple"),
    "complex": QT_TRANSLATE_NOOP("Domain", "Complex"),
}
PRIORITIES = {
    1: QT_TRANSLATE_NOOP("Domain", "Urgent"),
    2: QT_TRANSLATE_NOOP("Domain", "Normal"),
    3: QT_TRANSLATE_NOOP("Domain", "Low"),
}
WAITING, IN_PROGRESS, DONE, UNREPAIRABLE = "waiting", "in_progress", "done", "unrepairable"
CANCELLED = "cancelled"  # the unit left the repair zones another way (given back, scrapped, to the supplier)
REPAIR_STATES = {
    WAITING: QT_TRANSLATE_NOOP("Domain", "Waiting for repair"),
    IN_PROGRESS: QT_TRANSLATE_NOOP("Domain", "Repairing"),
    DONE: QT_TRANSLATE_NOOP("Domain", "Done"),
    UNREPAIRABLE: QT_TRANSLATE_NOOP("Domain", "Cannot be repaired"),
    CANCELLED: QT_TRANSLATE_NOOP("Domain", "Cancelled"),
}
OPEN_STATES = (WAITING, IN_PROGRESS)


class Technician(BaseModel):
    staff = pw.ForeignKeyField(Staff, unique=True, backref="technician", on_delete="RESTRICT")
    skill = pw.CharField(default="general")
    capacity = HoursField(default=Decimal(8))  # hours a working day
    working_days = pw.CharField(default="12345")  # ISO weekdays, 1 = Monday
    hourly_rate = MoneyField(default=0)
    active = pw.BooleanField(default=True)

    def works_on(self, day) -> bool:
        return str(day.isoweekday()) in self.working_days


class TechnicianCategory(BaseModel):
    technician = pw.ForeignKeyField(Technician, backref="categories", on_delete="CASCADE")
    category = pw.ForeignKeyField(Category, on_delete="CASCADE")

    class Meta:
        indexes = ((("technician", "category"), True),)


class RepairOrder(BaseModel):
    number = pw.CharField(unique=True)
    item = pw.ForeignKeyField(AftersalesItem, backref="repairs", on_delete="RESTRICT")
    fault = pw.TextField(default="")
    difficulty = pw.CharField(default="simple")
    estimate = HoursField(default=Decimal(1))
    due_date = pw.DateField(index=True)
    priority = pw.IntegerField(default=2)
    state = pw.CharField(default=WAITING, index=True)
    technician = pw.ForeignKeyField(Technician, null=True, backref="repairs", on_delete="RESTRICT")
    planned_on = pw.DateField(null=True, index=True)
    outside_fees = MoneyField(default=0)
    created_at = pw.DateTimeField(default=created_now)
    started_at = pw.DateTimeField(null=True)
    finished_at = pw.DateTimeField(null=True)


class LabourLog(BaseModel):
    repair = pw.ForeignKeyField(RepairOrder, backref="labour", on_delete="RESTRICT")
    technician = pw.ForeignKeyField(Technician, on_delete="RESTRICT")
    hours = HoursField(constraints=[pw.Check("hours > 0")])
    rate = MoneyField()  # the technician's hourly rate when the hours were logged
    logged_at = pw.DateTimeField(default=created_now)
    note = pw.TextField(default="")


class RepairPart(BaseModel):
    repair = pw.ForeignKeyField(RepairOrder, backref="parts", on_delete="RESTRICT")
    product = pw.ForeignKeyField(Product, on_delete="RESTRICT")
    quantity = pw.IntegerField(constraints=[pw.Check("quantity > 0")])
    unit_cost = MoneyField()  # moving average cost when taken from stock
    move = pw.ForeignKeyField(StockMove, on_delete="RESTRICT")
    created_at = pw.DateTimeField(default=created_now)


class PartReceipt(BaseModel):
    number = pw.CharField(index=True)
    product = pw.ForeignKeyField(Product, on_delete="RESTRICT")
    supplier = pw.ForeignKeyField(Supplier, null=True, on_delete="RESTRICT")
    quantity = pw.IntegerField(constraints=[pw.Check("quantity > 0")])
    unit_cost = MoneyField()
    move = pw.ForeignKeyField(StockMove, on_delete="RESTRICT")
    staff = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    created_at = pw.DateTimeField(default=created_now)
