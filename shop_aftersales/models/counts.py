"""Stock counts (盘点): what the ledger expected in each counted zone, what was found, and the adjustments
posted as moves to or from the stock-adjustment location."""

from __future__ import annotations

import peewee as pw

from .base import BaseModel, created_now
from .catalog import Product
from .parties import Staff
from .stock import Location


class StockCount(BaseModel):
    number = pw.CharField(unique=True)
    created_at = pw.DateTimeField(default=created_now)
    staff = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    zones = pw.TextField(default="[]")  # JSON list of location codes
    state = pw.CharField(default="open")  # open | posted | cancelled
    posted_at = pw.DateTimeField(null=True)
    reason = pw.TextField(default="")
    # the owner who approved taking back units the ledger had outside the shop (migration 0009)
    approved_by = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT", backref="approved_counts")
    # who posted it (migration 0017; counts posted before name only who started them)
    posted_by = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT", backref="posted_counts")


class StockCountLine(BaseModel):
    count = pw.ForeignKeyField(StockCount, backref="lines", on_delete="CASCADE")
    product = pw.ForeignKeyField(Product, on_delete="RESTRICT")
    location = pw.ForeignKeyField(Location, on_delete="RESTRICT")
    serial = pw.CharField(null=True)
    expected = pw.IntegerField(default=0)
    counted = pw.IntegerField(null=True)  # None: not counted yet

    class Meta:
        indexes = ((("count", "product", "location", "serial"), True),)


class CountSchedule(BaseModel):
    """How often the owner wants a zone counted (migration 0017): a zone without a row is not scheduled. A zone is
    due when its last posted count + *interval_days* is today or earlier; never counted, from *since* (the day it
    was scheduled). Owner-only: the table refuses changes without the owner's grant once the owner has a PIN."""

    location = pw.ForeignKeyField(Location, unique=True, on_delete="RESTRICT")
    interval_days = pw.IntegerField()
    since = pw.DateTimeField(default=created_now)
