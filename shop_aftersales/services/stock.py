"""Read side of the ledger for screens and the CLI: stock per zone, a product's moves."""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from ..i18n import QT_TRANSLATE_NOOP
from ..models import Category, Location, Product, StockMove, StockQuant
from ..models.stock import INTERNAL
from .paging import Column, PagedSource


def internal_locations() -> list[Location]:
    return list(Location.select().where((Location.kind == INTERNAL) & Location.active)
                .order_by(Location.sort_order))


def all_locations() -> list[Location]:
    return list(Location.select().order_by(Location.sort_order))


@dataclass
class StockOverview(PagedSource):
    """One row per product that has stock: its quantity in each internal zone and in total.

    The pivot, filtering and sorting all happen in SQL, a page at a time.
    """

    zone: str | None = None  # a location code, or None for all zones
    text: str = ""
    # The shop's stock counts only the shop's own units; customers' units in for warranty repair are not the
    # shop's goods (nor its stock value) and are listed apart (customers=True).
    customers: bool = False

    def __post_init__(self) -> None:
        self.id_field = Product.id
        self.zones = internal_locations()
        cols = [
            Column("sku", QT_TRANSLATE_NOOP("Domain", "SKU"), Product.sku),
            Column("name", QT_TRANSLATE_NOOP("Domain", "Product"), Product.name),
            Column("model", QT_TRANSLATE_NOOP("Domain", "Model"), Product.model),
            Column("category", QT_TRANSLATE_NOOP("Domain", "Category"), Category.name),
        ]
        for loc in self.zones:
            expr = pw.fn.SUM(pw.Case(None, [(StockQuant.location == loc.id, StockQuant.quantity)], 0))
            cols.append(Column(f"zone:{loc.code}", loc.name, expr, numeric=True))
        cols.append(Column("total", QT_TRANSLATE_NOOP("Domain", "Total"), pw.fn.SUM(StockQuant.quantity),
                           numeric=True))
        self.columns = cols

    def query(self) -> pw.ModelSelect:
        q = (StockQuant.select(Product.id.alias("product_id"), *[c.expr.alias(c.key.replace(":", "_"))
                                                                  for c in self.columns])
             .join(Product).switch(Product).join(Category, pw.JOIN.LEFT_OUTER)
             .where((StockQuant.quantity > 0) & (StockQuant.customer_owned == self.customers)))
        if self.zone:
            q = q.where(Product.id.in_(
                StockQuant.select(StockQuant.product).join(Location)
                .where((Location.code == self.zone) & (StockQuant.quantity > 0)
                       & (StockQuant.customer_owned == self.customers))))
        if self.text.strip():
            like = f"%{self.text.strip()}%"
            q = q.where(Product.sku.contains(self.text.strip()) | (Product.name ** like)
                        | (Product.model ** like) | (Product.barcode == self.text.strip())
                        | (Category.name ** like))
        return q.group_by(Product.id, Category.id)  # PostgreSQL: every column shown is grouped by its key


@dataclass
class ProductMoves(PagedSource):
    """Every move of one product, newest first: its history in the ledger."""

    product_id: int = 0

    def __post_init__(self) -> None:
        self.id_field = StockMove.id
        self.Src = Location.alias()
        self.Dst = Location.alias()
        self.columns = [
            Column("when", QT_TRANSLATE_NOOP("Domain", "When"), StockMove.created_at),
            Column("from", QT_TRANSLATE_NOOP("Domain", "From"), self.Src.name, translate=True),
            Column("to", QT_TRANSLATE_NOOP("Domain", "To"), self.Dst.name, translate=True),
            Column("qty", QT_TRANSLATE_NOOP("Domain", "Quantity"), StockMove.quantity, numeric=True),
            Column("serial", QT_TRANSLATE_NOOP("Domain", "Serial"), StockMove.serial),
            Column("reference", QT_TRANSLATE_NOOP("Domain", "Document"), StockMove.reference),
            # notes the app writes are English source strings (e.g. "Opening stock"); typed ones pass unchanged
            Column("note", QT_TRANSLATE_NOOP("Domain", "Note"), StockMove.note, translate=True),
        ]

    def query(self) -> pw.ModelSelect:
        return (StockMove.select(StockMove.id, *[c.expr for c in self.columns])
                .join(self.Src, on=(StockMove.from_location == self.Src.id))
                .switch(StockMove).join(self.Dst, on=(StockMove.to_location == self.Dst.id))
                .where(StockMove.product == self.product_id))

