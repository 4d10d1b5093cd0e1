"""A salesperson's name as the till writes it, mapped to a staff member (migration 0019)."""

from __future__ import annotations

import peewee as pw

from .base import BaseModel, created_now
from .parties import Staff


class StaffAlias(BaseModel):
    name = pw.CharField(unique=True)  # as matched: services.salespeople.name_key
    written = pw.CharField()          # as the file first wrote it
    staff = pw.ForeignKeyField(Staff, backref="aliases", on_delete="RESTRICT")
    created_by = pw.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    created_at = pw.DateTimeField(default=created_now)

    class Meta:
        table_name = "staff_alias"
