"""Stock counts (盘点): expected from the ledger, counted or scanned, differences posted as adjustment moves."""

from decimal import Decimal

import pytest
from openpyxl import load_workbook

from shop_aftersales.errors import DomainError
from shop_aftersales.models import Product, StockCount, StockCountLine, StockMove
from shop_aftersales.services import stock_count
from shop_aftersales.services.base import business_step
from shop_aftersales.services.checks import run_checks
from shop_aftersales.services.ledger import MoveRequest, move, on_hand, serial_location


@pytest.fixture
def shelf(shop):
    chair = Product.create(sku="YZ", name="餐椅", bin="B-01", list_price=Decimal(100))
    phone = Product.create(sku="SJ", name="手机", serialised=True, list_price=Decimal(1000))

    @business_step
    def stock():
        move(MoveRequest(chair, 10, "adjustment", "sellable"))
        for serial in ("S1", "S2", "S3"):
            move(MoveRequest(phone, 1, "adjustment", "sellable", serial=serial))
        move(MoveRequest(phone, 1, "adjustment", "inspection", serial="S9"))

    stock()
    return {"chair": chair, "phone": phone}


def lines(count_id):
    return {(l.product.sku, l.serial): l for l in StockCountLine.select().where(StockCountLine.count == count_id)}


def test_count_scan_and_post(shelf, tmp_path):
    count_id = stock_count.start_count(["sellable"]).ids[0]
    found = lines(count_id)
    assert found[("YZ", None)].expected == 10 and found[("SJ", "S1")].expected == 1
    sheet = stock_count.count_sheet(count_id, tmp_path / "sheet.xlsx")
    assert [c.value for c in load_workbook(sheet).active[1]] == ["Zone", "Bin", "SKU", "Product", "Serial", "Counted"]
    stock_count.set_counted(count_id, found[("YZ", None)].id, 8)     # two chairs missing
    stock_count.scan(count_id, "S1")
    stock_count.scan(count_id, "S2")
    stock_count.set_counted(count_id, found[("SJ", "S3")].id, 0)     # S3 is not on the shelf
    stock_count.scan(count_id, "S9")                                 # S9 found here, the ledger had it in inspection
    with pytest.raises(DomainError, match="reason"):
        stock_count.post(count_id, " ")
    assert StockMove.select().where(StockMove.reference.startswith("PD")).count() == 0
    stock_count.post(count_id, "年末盘点")
    assert on_hand(shelf["chair"], "sellable") == 8 and on_hand(shelf["chair"], "adjustment", None) == 0
    assert serial_location(shelf["phone"], "S3").code == "adjustment"
    assert serial_location(shelf["phone"], "S9").code == "sellable"
    count = StockCount.get_by_id(count_id)
    assert count.state == "posted" and count.reason == "年末盘点"
    assert StockMove.select().where(StockMove.reference == count.number).count() == 3
    assert run_checks() == []
    with pytest.raises(DomainError, match="already closed"):
        stock_count.post(count_id, "again")


def test_posting_needs_every_line_counted_and_unchanged_stock(shelf):
    count_id = stock_count.start_count(["sellable"]).ids[0]
    with pytest.raises(DomainError, match="not counted yet"):
        stock_count.post(count_id, "盘点")
    for line in lines(count_id).values():
        stock_count.set_counted(count_id, line.id, line.expected)
    business_step(lambda: move(MoveRequest(shelf["chair"], 1, "sellable", "customer")))()
    with pytest.raises(DomainError, match="moved since the count began"):
        stock_count.post(count_id, "盘点")
    with pytest.raises(DomainError, match="cannot be negative"):
        stock_count.set_counted(count_id, lines(count_id)[("YZ", None)].id, -1)
    with pytest.raises(DomainError, match="Nothing has the code"):
        stock_count.scan(count_id, "NOPE")
    stock_count.cancel(count_id)
    assert run_checks() == []
