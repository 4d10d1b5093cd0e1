"""The stock ledger: locations and append-only moves between them (DESIGN.md §3).

On-hand quantity is the sum of moves in minus moves out. ``StockQuant`` and ``StockSerial``
are caches of that sum kept in the same transaction as each move (as Odoo keeps stock.quant);
``services.ledger`` is the only writer and ``services.checks`` proves they agree with the moves.
"""

from __future__ import annotations

import peewee as pw

from ..i18n import QT_TRANSLATE_NOOP
from .base import BaseModel, created_now
from .catalog import Product
from .parties import Staff

INTERNAL = "internal"
VIRTUAL = "virtual"

# Stable location codes. Internal ones are shop stock (counted in a stock count),
# virtual ones are counterparts. Names are English source strings, translated when shown.
SELLABLE = "sellable"
INSPECTION = "inspection"
REPAIRABLE = "repairable"
IN_REPAIR = "in_repair"
QC = "qc"
PICKUP = "pickup"
REPAIR_USE = "repair_use"
RESALE = "resale"
SUPPLIER_RETURN = "supplier_return"
PARTS = "parts"
CUSTOMER = "customer"
SUPPLIER = "supplier"
SCRAP = "scrap"
ADJUSTMENT = "adjustment"

STANDARD_LOCATIONS = (
    # code, kind, English name, sort order
    (SELLABLE, INTERNAL, QT_TRANSLATE_NOOP("Domain", "Sellable stock"), 10),
    (INSPECTION, INTERNAL, QT_TRANSLATE_NOOP("Domain", "Inspection"), 20),
    (REPAIRABLE, INTERNAL, QT_TRANSLATE_NOOP("Domain", "Repairable"), 30),
    (IN_REPAIR, INTERNAL, QT_TRANSLATE_NOOP("Domain", "In repair"), 40),
    (QC, INTERNAL, QT_TRANSLATE_NOOP("Domain", "Quality check"), 45),
    (PICKUP, INTERNAL, QT_TRANSLATE_NOOP("Domain", "Ready for pickup"), 47),
    (RESALE, INTERNAL, QT_TRANSLATE_NOOP("Domain", "Resale shelf"), 50),
    (SUPPLIER_RETURN, INTERNAL, QT_TRANSLATE_NOOP("Domain", "Return to supplier"), 60),
    (PARTS, INTERNAL, QT_TRANSLATE_NOOP("Domain", "Spare parts store"), 70),
    (CUSTOMER, VIRTUAL, QT_TRANSLATE_NOOP("Domain", "Customers"), 100),
    (SUPPLIER, VIRTUAL, QT_TRANSLATE_NOOP("Domain", "Suppliers"), 110),
    (SCRAP, VIRTUAL, QT_TRANSLATE_NOOP("Domain", "Scrap"), 120),
    (ADJUSTMENT, VIRTUAL, QT_TRANSLATE_NOOP("Domain", "Stock adjustment"), 130),
    (REPAIR_USE, VIRTUAL, QT_TRANSLATE_NOOP("Domain", "Used in repairs"), 140),
)


class Location(BaseModel):
    code = pw.CharField(unique=True)
    name = pw.CharField()
    kind = pw.CharField()  # internal | virtual
    parent = pw.ForeignKeyField("self", null=True, backref="children", on_delete="RESTRICT")
    sort_order = pw.IntegerField(default=0)
    active = pw.BooleanField(default=True)

    @property
    def internal(self) -> bool:
        return self.kind == INTERNAL

    @classmethod
    def by_code(cls, code: str) -> "Location":
        """The location with *code*. Locations are fixed rows written by the migrations and never changed by the
        app, so they are read once per opened database (every stock move names two of them by code)."""
        key = (cls._meta.database.database, code)
        found = _BY_CODE.get(key)
        if found is None:
            found = _BY_CODE[key] = cls.get(cls.code == code)
        return found


_BY_CODE: dict[tuple[str, str], Location] = {}


def forget_locations() -> None:
    """Called when a database is opened (or reopened after a restore)."""
    _BY_CODE.clear()


class StockMove(BaseModel):
    """One move of a quantity of a product (and, if serialised, one unit). Never updated or deleted."""

    created_at = pw.DateTimeField(default=created_now, index=True)
    product = pw.ForeignKeyField(Product, backref="moves", on_delete="RESTRICT")
    quantity = pw.IntegerField(constraints=[pw.Check("quantity > 0")])
    from_location = pw.ForeignKeyField(Location, on_delete="RESTRICT")
    to_location = pw.ForeignKeyField(Location, on_delete="RESTRICT")
    serial = pw.CharField(null=True, index=True)
    reference = pw.CharField(default="", index=True)  # the document number behind the move
    note = pw.TextField(default="")
    staff = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    customer_owned = pw.BooleanField(default=False)  # in for warranty repair: not the shop's stock
    chain_hash = pw.BlobField(null=True)  # sha256 link of the ledger's hash chain (models/chain.py)

    class Meta:
        indexes = (
            (("product", "from_location"), False),
            (("product", "to_location"), False),
        )
        constraints = [pw.Check("from_location_id <> to_location_id")]


class StockQuant(BaseModel):
    """Cached on-hand quantity of a product in an internal location (sum of its moves), kept apart for
    the shop's own units and customers' units in for repair (which are not the shop's stock value)."""

    product = pw.ForeignKeyField(Product, on_delete="RESTRICT")
    location = pw.ForeignKeyField(Location, on_delete="RESTRICT")
    quantity = pw.IntegerField(constraints=[pw.Check("quantity >= 0")])
    customer_owned = pw.BooleanField(default=False)

    class Meta:
        indexes = ((("product", "location", "customer_owned"), True), (("location", "product"), False))


class StockSerial(BaseModel):
    """Where each serialised unit the ledger knows is now (the target of its latest move)."""

    product = pw.ForeignKeyField(Product, on_delete="RESTRICT")
    serial = pw.CharField(index=True)  # a scanned serial is looked up without knowing the product
    location = pw.ForeignKeyField(Location, on_delete="RESTRICT")

    class Meta:
        indexes = ((("product", "serial"), True),)
