"""What the shop sells and who supplies it."""

from __future__ import annotations

import peewee as pw

from .base import BaseModel, MoneyField, created_now


class Supplier(BaseModel):
    name = pw.CharField(unique=True)
    contact = pw.CharField(default="")
    phone = pw.CharField(default="")
    note = pw.TextField(default="")


class Category(BaseModel):
    name = pw.CharField(unique=True)


class Product(BaseModel):
    sku = pw.CharField(unique=True)
    barcode = pw.CharField(null=True, index=True)
    name = pw.CharField(index=True)
    model = pw.CharField(default="")
    category = pw.ForeignKeyField(Category, null=True, backref="products", on_delete="RESTRICT")
    brand = pw.CharField(default="")
    supplier = pw.ForeignKeyField(Supplier, null=True, backref="products", on_delete="RESTRICT")
    list_price = MoneyField(default=0)
    cost = MoneyField(default=0)
    serialised = pw.BooleanField(default=False)
    active = pw.BooleanField(default=True)
    created_at = pw.DateTimeField(default=created_now)
    kind = pw.CharField(default="goods")  # goods | part (a spare part, kept in the parts store)
    bin = pw.CharField(default="")  # 货位: where a spare part lies in the parts store
    reorder_level = pw.IntegerField(default=0)
