"""The original sales that returns link to (usually imported from the shop's POS)."""

from __future__ import annotations

import peewee as pw

from .base import BaseModel, MoneyField, created_now
from .catalog import Product, Supplier
from .parties import Customer, Staff


class Sale(BaseModel):
    receipt_no = pw.CharField(unique=True)
    sold_at = pw.DateTimeField(index=True)
    customer = pw.ForeignKeyField(Customer, null=True, backref="sales", on_delete="RESTRICT")
    staff = pw.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    source = pw.CharField(default="import")  # import | manual
    created_at = pw.DateTimeField(default=created_now)


class SaleLine(BaseModel):
    sale = pw.ForeignKeyField(Sale, backref="lines", on_delete="CASCADE")
    line_no = pw.IntegerField()
    product = pw.ForeignKeyField(Product, backref="sale_lines", on_delete="RESTRICT")
    serial = pw.CharField(null=True, index=True)
    quantity = pw.IntegerField(constraints=[pw.Check("quantity > 0")])
    unit_price = MoneyField(constraints=[pw.Check("unit_price >= 0")])
    supplier = pw.ForeignKeyField(Supplier, null=True, on_delete="RESTRICT")
    batch = pw.CharField(default="", index=True)

    class Meta:
        indexes = ((("sale", "line_no"), True),
                   # covering index for the return-rate report (migration 0008)
                   (("sale", "product", "supplier", "batch", "quantity"), False))
