"""The database handle and the field types every model shares."""

from __future__ import annotations

from decimal import Decimal

import peewee as pw

from ..clock import now
from ..money import from_fen, to_fen

# Initialised at start-up by models.database.open_database(): the shop's SQLite file, or its PostgreSQL database
# (models.postgres). One process, one shop.
class _ShopDatabase(pw.DatabaseProxy):
    """peewee's proxy, which also answers "closed" before any shop was opened."""

    def is_closed(self) -> bool:
        return self.obj is None or self.obj.is_closed()


db = _ShopDatabase()


class MoneyField(pw.IntegerField):
    """Money as integer fen in the database, Decimal yuan in Python. Never float."""

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
