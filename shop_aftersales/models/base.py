"""The database handle and the field types every model shares."""

from __future__ import annotations

from decimal import Decimal

import peewee as pw

from ..clock import now
from ..money import from_fen, to_fen

# Initialised at start-up by models.database.open_database(); one process, one database file.
db = pw.SqliteDatabase(None)


class MoneyField(pw.IntegerField):
    """Money as integer fen in SQLite, Decimal yuan in Python. Never float."""

    def db_value(self, value):
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("money must not be a float")
        return to_fen(Decimal(value))

    def python_value(self, value):
        return None if value is None else from_fen(value)


class BaseModel(pw.Model):
    class Meta:
        database = db
        legacy_table_names = False


def created_now():
    return now()
