"""Document numbers (unique per type, never reused), shop settings and the import log."""

from __future__ import annotations

import peewee as pw

from .base import BaseModel, created_now
from .parties import Staff


class DocumentSequence(BaseModel):
    """The next number per document type. Only ever incremented, inside the business step's
    transaction: a step that fails rolls its number back, so an issued number is never reused."""

    doc_type = pw.CharField(primary_key=True)
    prefix = pw.CharField()
    next_value = pw.IntegerField(default=1)


class Setting(BaseModel):
    """Shop-wide settings that travel with the database (shop name, address, phone...)."""

    key = pw.CharField(primary_key=True)
    value = pw.TextField(default="")


class SettingChange(BaseModel):
    """One change of a setting, of the return policy, the resale rules, a PC's printers or the staff list: who,
    when, the owner who approved it, before → after (text or JSON, services.settings). Append-only (0010)."""

    created_at = pw.DateTimeField(default=created_now, index=True)
    staff = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT", backref="setting_changes")
    approved_by = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT", backref="approved_setting_changes")
    area = pw.CharField(index=True)
    subject = pw.CharField(default="")
    before = pw.TextField(default="")
    after = pw.TextField(default="")


class ImportLog(BaseModel):
    created_at = pw.DateTimeField(default=created_now)
    kind = pw.CharField()
    file_name = pw.CharField()
    rows = pw.IntegerField(default=0)
    created = pw.IntegerField(default=0)
    skipped = pw.IntegerField(default=0)
    staff = pw.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
