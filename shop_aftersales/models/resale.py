"""Resale of refurbished and open-box units: the quality check (质量检测) with its checklist, the grade and
price on the resale shelf, and the sale with the buyer told the unit's history (信息披露)."""

from __future__ import annotations

import peewee as pw

from ..i18n import QT_TRANSLATE_NOOP
from .aftersales import AftersalesItem
from .base import BaseModel, MoneyField, created_now
from .catalog import Category
from .parties import Staff
from .stock import StockMove

GRADES = ("A", "B", "C")
GRADE_MEANINGS = {
    "A": QT_TRANSLATE_NOOP("Domain", "Like new, no visible signs of use"),
    "B": QT_TRANSLATE_NOOP("Domain", "Light signs of use or small scratches"),
    "C": QT_TRANSLATE_NOOP("Domain", "Visible cosmetic flaws, works perfectly"),
}
CHANNELS = {
    "shelf": QT_TRANSLATE_NOOP("Domain", "Clearance shelf in the shop"),
    "online": QT_TRANSLATE_NOOP("Domain", "Online shop (特价商品)"),
}


class QualityChecklist(BaseModel):
    """The checks for a category (or the default for all, category NULL), one per line, as JSON."""

    category = pw.ForeignKeyField(Category, null=True, unique=True, on_delete="CASCADE")
    lines = pw.TextField(default="[]")


class QualityCheck(BaseModel):
    item = pw.ForeignKeyField(AftersalesItem, backref="quality_checks", on_delete="RESTRICT")
    checked_at = pw.DateTimeField(default=created_now)
    staff = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    results = pw.TextField(default="[]")  # JSON: [{"check": ..., "passed": bool, "note": ...}]
    passed = pw.BooleanField()
    notes = pw.TextField(default="")


class PricingRule(BaseModel):
    """Resale price as a share of the new price per grade, and a floor, per category (NULL: default)."""

    category = pw.ForeignKeyField(Category, null=True, unique=True, on_delete="CASCADE")
    grade_a = pw.IntegerField(default=85)
    grade_b = pw.IntegerField(default=70)
    grade_c = pw.IntegerField(default=55)
    floor_pct = pw.IntegerField(default=40)
    rounding = pw.CharField(default="fen")  # how the suggested price is rounded (services.resale.ROUNDINGS)


class ResaleListing(BaseModel):
    item = pw.ForeignKeyField(AftersalesItem, unique=True, backref="listing", on_delete="RESTRICT")
    check = pw.ForeignKeyField(QualityCheck, on_delete="RESTRICT")
    grade = pw.CharField()
    flaws = pw.TextField(default="")
    disclosure = pw.TextField()
    suggested = MoneyField()
    floor = MoneyField()
    price = MoneyField(constraints=[pw.Check("price > 0")])
    channel = pw.CharField(default="shelf")
    approved_by = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    listed_at = pw.DateTimeField(default=created_now, index=True)
    active = pw.BooleanField(default=True)


class ResaleSale(BaseModel):
    number = pw.CharField(unique=True)
    item = pw.ForeignKeyField(AftersalesItem, unique=True, backref="resale", on_delete="RESTRICT")
    listing = pw.ForeignKeyField(ResaleListing, on_delete="RESTRICT")
    price = MoneyField(constraints=[pw.Check("price > 0")])
    channel = pw.CharField()
    sold_at = pw.DateTimeField(default=created_now, index=True)
    buyer_name = pw.CharField(default="")
    buyer_phone = pw.CharField(default="")
    disclosure = pw.TextField()  # what the buyer was told, as printed
    disclosed = pw.BooleanField(constraints=[pw.Check("disclosed = 1")])  # 已告知顾客, confirmed by staff
    staff = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    move = pw.ForeignKeyField(StockMove, on_delete="RESTRICT")
