"""The hot look-ups use an index (EXPLAIN QUERY PLAN on the demo shop, after ANALYZE as a shop's own database
would have it): a search by serial, phone, item code or receipt, stock by zone, an item's history, the queues.
A full table scan here is what makes a five-year-old shop slow."""

import pytest

from shop_aftersales.models import (AftersalesItem, Customer, ItemEvent, Product, Refund, RepairOrder, ReturnOrder,
                                    Sale, SaleLine, StockMove, StockQuant, StockSerial, db)


def plan(query) -> list[str]:
    sql, params = query.sql()
    return [row[-1] for row in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()]


LOOKUPS = {
    "item by code": lambda: AftersalesItem.select().where(AftersalesItem.code == "SH2026-000001"),
    "item by serial": lambda: AftersalesItem.select().where(AftersalesItem.serial == "SN1"),
    "return by number": lambda: ReturnOrder.select().where(ReturnOrder.number == "TH2026-000001"),
    "sale by receipt": lambda: Sale.select().where(Sale.receipt_no == "XS-1"),
    "sale line by serial": lambda: SaleLine.select().where(SaleLine.serial == "SN1"),
    "product by sku": lambda: Product.select().where(Product.sku == "SJ-1"),
    "product by barcode": lambda: Product.select().where(Product.barcode == "690"),
    "unit in stock by serial": lambda: StockSerial.select().where(StockSerial.serial == "SN1"),
    "sales by phone": lambda: (Sale.select().join(Customer).where(Customer.phone == "13800138000")
                               .order_by(Sale.sold_at.desc())),
    "stock of a zone": lambda: StockQuant.select().where(StockQuant.location == 1),
    "stock of a product in a zone": lambda: StockQuant.select().where((StockQuant.product == 1)
                                                                      & (StockQuant.location == 1)),
    "moves of a product": lambda: StockMove.select().where(StockMove.product == 1),
    "history of an item": lambda: ItemEvent.select().where(ItemEvent.item == 1),
    "items in a status": lambda: AftersalesItem.select().where(AftersalesItem.status == "received"),
    "repair of an item": lambda: RepairOrder.select().where(RepairOrder.item == 1),
    "repairs due": lambda: RepairOrder.select().where(RepairOrder.due_date <= "2026-12-01"),
    "refunds paid since": lambda: Refund.select().where(Refund.paid_at >= "2026-11-01"),
    "sales of a period": lambda: Sale.select().where(Sale.sold_at >= "2026-01-01"),
    "lines of a sale": lambda: SaleLine.select().where(SaleLine.sale == 1),
}


@pytest.fixture(scope="module")
def analysed(tmp_path_factory, _demo_template):
    import shutil

    from shop_aftersales.models.database import DB_FILE_NAME, close_database, open_database

    folder = tmp_path_factory.mktemp("plans")
    shutil.copy(_demo_template, folder / DB_FILE_NAME)
    open_database(folder)
    db.execute_sql("ANALYZE")
    yield
    close_database()


@pytest.mark.parametrize("name", LOOKUPS)
def test_the_lookup_uses_an_index(analysed, name):
    steps = plan(LOOKUPS[name]())
    assert steps and all("SCAN" not in step for step in steps), steps
    assert any("USING" in step and "INDEX" in step for step in steps), steps

