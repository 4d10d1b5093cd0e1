"""Every list a screen shows can be sorted by any of its columns, both ways, in SQL: a click on any header
works (sorting Return orders by "Units", a subquery, used to raise) and really orders the rows."""

from __future__ import annotations

import peewee as pw
import pytest

from shop_aftersales.models import AftersalesItem, Product, StockMove
from shop_aftersales.services.audit import AuditLog
from shop_aftersales.services.cards import ItemMoves
from shop_aftersales.services.lists import InspectionQueue, ReturnOrders, SupplierReturnList
from shop_aftersales.services.repair_lists import PartsList, ReadyForPickup, RepairProgress
from shop_aftersales.services.resale_lists import QCQueue, ShelfList, SoldList
from shop_aftersales.services.stock import ProductMoves, StockOverview


def sources():
    busiest = (StockMove.select(StockMove.product).group_by(StockMove.product)
               .order_by(pw.fn.COUNT(StockMove.id).desc()).scalar())
    code = AftersalesItem.select(AftersalesItem.code).order_by(AftersalesItem.id).scalar()
    return {"stock": StockOverview(), "inspection": InspectionQueue(), "return orders": ReturnOrders(),
            "supplier returns": SupplierReturnList(), "repairs": RepairProgress(), "pickup": ReadyForPickup(),
            "parts": PartsList(), "qc": QCQueue(), "shelf": ShelfList(), "sold": SoldList(), "audit": AuditLog(),
            "item moves": ItemMoves(code=code), "product moves": ProductMoves(product_id=busiest)}


def _key(value):
    return (value is None, value if value is not None else 0)


@pytest.mark.parametrize("name", ["stock", "inspection", "return orders", "supplier returns", "repairs", "pickup",
                                  "parts", "qc", "shelf", "sold", "audit", "item moves", "product moves"])
def test_every_column_sorts_both_ways(demo_shop, name):
    source = sources()[name]
    assert Product.select().count() and source.count() >= 0
    for column in range(len(source.columns)):
        for descending in (False, True):
            rows = source.fetch(0, 200, column, descending)
            values = [row[column + 1] for row in rows]
            # blanks first ascending, last descending, on both backends (PostgreSQL's own order is the reverse)
            blanks = [v is None for v in values]
            assert blanks == sorted(blanks, reverse=not descending), (name, source.columns[column].key, descending)
            if all(v is None or isinstance(v, (int, float)) for v in values):  # numbers: check the order
                present = [v for v in values if v is not None]
                assert present == sorted(present, reverse=descending), (name, source.columns[column].key)


@pytest.mark.parametrize("name", ["stock", "return orders", "audit", "product moves"])
def test_a_kept_statement_returns_what_a_fresh_query_does(demo_shop, name):
    """fetch() keeps each order's SQL (not its rows): page after page, and after a write, it matches the query
    built afresh, and a changed filter gets a statement of its own."""
    source = sources()[name]
    for column in (0, len(source.columns) - 1):
        for offset in (0, 7, 30):
            fresh = list(source.ordered(column, True).offset(offset).limit(25))
            assert source.fetch(offset, 25, column, True) == fresh
    if hasattr(source, "text"):
        first = source.fetch(0, 1000)
        source.text = "zz-matches-nothing"
        assert source.fetch(0, 1000) == [] != first
        source.text = ""
        assert source.fetch(0, 1000) == first


def test_a_kept_statement_sees_new_rows(demo_shop):
    from shop_aftersales.models import Product
    from shop_aftersales.services.base import business_step
    from shop_aftersales.services.ledger import MoveRequest, move

    product = Product.select().where(~Product.serialised & (Product.kind == "goods")).first()
    source = sources()["product moves"]
    source.product_id = product.id
    before = source.fetch(0, 10_000, 0, True)
    business_step(lambda: move(MoveRequest(product=product, quantity=1, source="adjustment",
                                           target="sellable", note="found")))()
    after = source.fetch(0, 10_000, 0, True)
    assert len(after) == len(before) + 1 and after[0][0] not in {row[0] for row in before}  # newest first
