"""People: the shop's customers and staff."""

from __future__ import annotations

import peewee as pw

from ..i18n import QT_TRANSLATE_NOOP
from .base import BaseModel, created_now

# Stable role codes; the label is translated when shown.
ROLES = {
    "owner": QT_TRANSLATE_NOOP("Domain", "Owner"),
    "sales": QT_TRANSLATE_NOOP("Domain", "Sales"),
    "warehouse": QT_TRANSLATE_NOOP("Domain", "Warehouse"),
    "technician": QT_TRANSLATE_NOOP("Domain", "Technician"),
    "finance": QT_TRANSLATE_NOOP("Domain", "Finance"),
}


class Customer(BaseModel):
    name = pw.CharField(index=True)
    phone = pw.CharField(default="", index=True)
    note = pw.TextField(default="")
    created_at = pw.DateTimeField(default=created_now)


class Staff(BaseModel):
    name = pw.CharField(unique=True)
    role = pw.CharField(default="sales")
    active = pw.BooleanField(default=True)
    pin_hash = pw.CharField(default="")  # "scrypt$n$r$p$salt$digest" (services.staff); never the PIN itself
    pin_failures = pw.IntegerField(default=0)  # wrong PINs in a row (migration 0010)
    pin_blocked_until = pw.DateTimeField(null=True)  # after 3 wrong PINs: refused unchecked until then
