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
            if all(v is None or isinstance(v, (int, float)) for v in values):  # numbers: check the order
                present = [v for v in values if v is not None]
                assert present == sorted(present, reverse=descending), (name, source.columns[column].key)
