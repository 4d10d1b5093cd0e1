"""Measures the owner notes on a date ("new courier from 2026-10-01", "supplier X dropped"), so the figures before
and after can be read against them: marked on the Reports tab's trend charts and listed in the workbook's trend
table (migration 0016). Open to every staff member, since a note changes no money, and kept with who wrote it."""

from __future__ import annotations

import peewee as pw

from .base import BaseModel, created_now
from .parties import Staff


class Measure(BaseModel):
    date = pw.DateField(index=True)  # the day the measure took effect
    text = pw.TextField()
    staff = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")  # who noted it
    created_at = pw.DateTimeField(default=created_now)
