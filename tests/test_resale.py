"""Resale through the services: the check, grading and pricing with known answers, every refusal, the
sale with the disclosure, and what a unit cost and recovered."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from shop_aftersales import clock
from shop_aftersales.errors import DomainError
from shop_aftersales.models import (AftersalesItem, Category, Customer, ItemEvent, Product, QualityCheck,
                                    ResaleListing, ResaleSale, Sale, SaleLine, ScrapRecord, Staff)
from shop_aftersales.models.aftersales import EVENT_QC
from shop_aftersales.services import items, repairs, resale, resolutions
from shop_aftersales.services.checks import run_checks
from shop_aftersales.services.ledger import serial_location
from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

DAY = dt.datetime(2026, 4, 6, 10, 0)


@pytest.fixture
def shelf(shop):
    with clock.frozen(DAY):
        phones = Category.create(name="手机")
        owner = Staff.create(name="陈建国", role="owner")
        clerk = Staff.create(name="李娜", role="sales")
        tech = Staff.create(name="张师傅", role="technician")
        repairs.save_technician(tech.id, "specialist", Decimal(8), "1234567", Decimal("40"), [])
        phone = Product.create(sku="SJ-1", name="智能手机 X1", model="8+256G", category=phones,
                               list_price=Decimal("3000"), cost=Decimal("2100"), serialised=True)
        sale = Sale.create(receipt_no="XS-1", sold_at=dt.datetime(2026, 4, 2, 12),
                           customer=Customer.create(name="王芳", phone="138"))
        lines = [SaleLine.create(sale=sale, line_no=n, product=phone, serial=f"SN{n}", quantity=1,
                                 unit_price=Decimal("3000")) for n in (1, 2)]
        ids = register_return(ReturnRequest(
            lines=[ReturnLine(phone.id, 1, "quality", "used", "refund", sale_line_id=l.id, fault="屏幕闪烁")
                   for l in lines], sale_id=sale.id, shipping_cost=Decimal("20")), staff=clerk).ids
    return {"owner": owner, "clerk": clerk, "tech": tech, "phone": phone, "ids": ids}


def repaired_unit(s, hours=Decimal("2")):
    """The first unit: refunded, repaired (2 h × ¥40 = ¥80), waiting for the check."""
    item_id = s["ids"][0]
    with clock.frozen(DAY):
        resolutions.refund(item_id, Decimal("3000"), "wechat", s["owner"])
        items.inspect(item_id, "屏幕排线松动", "repairable", s["owner"])
        repair = AftersalesItem.get_by_id(item_id).repairs.get()
        repairs.start_repair(repair.id, s["tech"])
        repairs.log_hours(repair.id, hours, note="重插排线", staff=s["tech"])
        repairs.finish_repair(repair.id, True, "测试正常", s["tech"])
    return AftersalesItem.get_by_id(item_id)


def passed_lines(item):
    return [resale.CheckLine(c, True) for c in resale.checklist_for(item.product.category_id)]


def test_the_pricing_rule_with_known_answers(shelf):
    item = repaired_unit(shelf)
    assert resale.price_advice(item, "A") == resale.PriceAdvice(Decimal("2550.00"), Decimal("1200.00"), 85)
    assert resale.price_advice(item, "C").suggested == Decimal("1650.00")
    resale.save_pricing(item.product.category_id, 90, 60, 30, 35)
    assert resale.price_advice(item, "C") == resale.PriceAdvice(Decimal("1050.00"), Decimal("1050.00"), 30)
    # what was sunk into the unit is a floor too
    resale.save_pricing(item.product.category_id, 90, 60, 1, 1)
    assert resale.price_advice(item, "C") == resale.PriceAdvice(Decimal("80.00"), Decimal("80.00"), 1)
    with pytest.raises(DomainError, match="at least as much"):
        resale.save_pricing(None, 50, 60, 40, 10)
    with pytest.raises(DomainError, match="grade"):
        resale.price_advice(item, "D")


def test_check_grade_price_sell_and_the_outcome(shelf):
    item = repaired_unit(shelf)
    disclosure = resale.default_disclosure(item, "B", "背面细微划痕")
    assert "returned by a customer (Quality fault)" in disclosure and "屏幕排线松动" in disclosure
    assert "Repaired: 测试正常." in disclosure and "Grade B" in disclosure and "背面细微划痕" in disclosure
    with clock.frozen(DAY + dt.timedelta(days=1)):
        resale.pass_check(item.id, passed_lines(item), "B", "背面细微划痕", Decimal("2100"), "online", disclosure,
                          shelf["owner"])
    listing = resale.listing_of(item.id)
    assert (listing.grade, listing.price, listing.suggested, listing.floor) == (
        "B", Decimal("2100.00"), Decimal("2100.00"), Decimal("1200.00"))
    assert serial_location(item.product, "SN1").code == "resale"
    with clock.frozen(DAY + dt.timedelta(days=3)):
        number = resale.sell(item.id, Decimal("2050"), "online", True, shelf["clerk"], "赵六", "139").reference
    sold = ResaleSale.get(ResaleSale.number == number)
    assert sold.disclosed and sold.disclosure == disclosure and sold.buyer_name == "赵六"
    assert serial_location(item.product, "SN1").code == "customer"
    assert not ResaleListing.get_by_id(listing.id).active
    result = resale.outcome(AftersalesItem.get_by_id(item.id))
    # refund 3000 + shipping share 10 + repair 80 - resale 2050 = a loss of 1040
    assert (result.refunds, result.shipping, result.repairs, result.resale) == (
        Decimal("3000.00"), Decimal("10.00"), Decimal("80.00"), Decimal("2050.00"))
    assert result.net == Decimal("-1040.00")
    assert run_checks() == []


def test_the_disclosure_says_what_was_done_not_what_was_wrong(shelf):
    """The repair order's fault ("气压棒损坏,需更换") is what was wrong; the buyer signs for what was done: the
    technician's finish note and the parts fitted."""
    item_id = shelf["ids"][0]
    with clock.frozen(DAY):
        items.inspect(item_id, "屏幕排线松动", "repairable", shelf["owner"])
        repair = AftersalesItem.get_by_id(item_id).repairs.get()
        repairs.update_repair(repair.id, "屏幕总成损坏,需更换", "complex", Decimal(2), repair.due_date, 2)
        part = Product.get_by_id(repairs.save_part("PJ-PM", "X1 屏幕总成").ids[0])
        repairs.receive_parts(part.id, 3, Decimal("380"))
        repairs.start_repair(repair.id, shelf["tech"])
        repairs.use_part(repair.id, part.id, 1, shelf["tech"])
        repairs.finish_repair(repair.id, True, "已更换屏幕总成,测试正常", shelf["tech"])
    disclosure = resale.default_disclosure(AftersalesItem.get_by_id(item_id), "B", "")
    assert "Repaired: 已更换屏幕总成,测试正常." in disclosure
    assert "Parts replaced: X1 屏幕总成 × 1." in disclosure
    assert "需更换" not in disclosure and "屏幕闪烁" not in disclosure  # neither the order's fault nor the customer's
    assert "Fault found: 屏幕排线松动." in disclosure


def test_every_refusal(shelf):
    owner, clerk = shelf["owner"], shelf["clerk"]
    item = repaired_unit(shelf)
    other = shelf["ids"][1]  # still waiting for inspection: never checked
    disclosure = resale.default_disclosure(item, "A", "")
    with pytest.raises(DomainError, match="not passed its quality check"):
        resale.sell(other, Decimal("100"), "shelf", True, clerk)
    failed = passed_lines(item)[:-1] + [resale.CheckLine("已清洁", False, "有污渍")]
    with pytest.raises(DomainError, match="1 check\\(s\\) failed"):
        resale.pass_check(item.id, failed, "A", "", Decimal("2500"), "shelf", disclosure, clerk)
    with pytest.raises(DomainError, match="more than ¥0.00"):
        resale.pass_check(item.id, passed_lines(item), "A", "", Decimal("0"), "shelf", disclosure, clerk)
    with pytest.raises(DomainError, match="buyer is told"):
        resale.pass_check(item.id, passed_lines(item), "A", "", Decimal("2500"), "shelf", "  ", clerk)
    with pytest.raises(DomainError, match="below the floor of ¥1,200.00; only the owner"):
        resale.pass_check(item.id, passed_lines(item), "A", "", Decimal("999"), "shelf", disclosure, clerk)
    resale.pass_check(item.id, passed_lines(item), "A", "", Decimal("999"), "shelf", disclosure, clerk,
                      approved_by=owner)
    assert resale.listing_of(item.id).approved_by == owner
    with pytest.raises(DomainError, match="more than ¥0.00"):
        resale.sell(item.id, Decimal("-1"), "shelf", True, clerk)
    with pytest.raises(DomainError, match="told the customer"):
        resale.sell(item.id, Decimal("999"), "shelf", False, clerk)
    resale.sell(item.id, Decimal("999"), "shelf", True, clerk)
    with pytest.raises(DomainError, match="already been sold"):
        resale.sell(item.id, Decimal("999"), "shelf", True, clerk)
    assert ResaleSale.select().count() == 1
    assert run_checks() == []


def test_a_failed_check_goes_back_to_repair_or_scrap(shelf):
    item = repaired_unit(shelf)
    with pytest.raises(DomainError, match="Every check passed"):
        resale.fail_check(item.id, passed_lines(item), "", shelf["clerk"])
    with pytest.raises(DomainError, match="checklist first"):
        resale.fail_check(item.id, [], "", shelf["clerk"])
    lines = [resale.CheckLine("外观完好", True), resale.CheckLine("屏幕", False, "仍然闪屏。"),
             resale.CheckLine("电池", False)]
    resale.fail_check(item.id, lines, "", shelf["clerk"])  # the failed lines say what failed: no second note
    item = AftersalesItem.get_by_id(item.id)
    assert item.status == "repairable" and repairs.open_repair(item) is not None  # back on the board
    check = item.quality_checks.order_by(QualityCheck.id.desc()).get()
    assert not check.passed and check.notes == "Failed: 屏幕 (仍然闪屏), 电池."
    assert [(r["check"], r["passed"]) for r in json.loads(check.results)] == [
        ("外观完好", True), ("屏幕", False), ("电池", False)]
    event = item.events.where(ItemEvent.code == EVENT_QC).order_by(ItemEvent.id.desc()).get()
    assert event.note == "Failed: 屏幕 (仍然闪屏), 电池." and json.loads(event.data)["failed"] == ["屏幕", "电池"]
    other = shelf["ids"][1]
    with clock.frozen(DAY):
        items.inspect(other, "外壳开裂", "qc", shelf["owner"])
    resale.fail_check(other, [resale.CheckLine("外观完好", False, "外壳开裂")], "无法修复", shelf["clerk"],
                      shelf["owner"])  # scrapped, with the owner's approval: the reason names the failed check
    assert AftersalesItem.get_by_id(other).status == "scrapped"
    assert ScrapRecord.get(ScrapRecord.item == other).reason == "Failed: 外观完好 (外壳开裂). 无法修复"
    assert run_checks() == []


def test_markdowns_after_the_shelf_period(shelf):
    item = repaired_unit(shelf)
    with clock.frozen(DAY):
        resale.pass_check(item.id, passed_lines(item), "B", "", Decimal("2100"), "shelf",
                          resale.default_disclosure(item, "B", ""), shelf["owner"])
    listing = resale.listing_of(item.id)
    from shop_aftersales.services.resale_lists import ShelfList

    with clock.frozen(DAY + dt.timedelta(days=29)):
        assert resale.markdown_suggestion(listing) is None
        assert ShelfList().stale_count() == 0  # the Resale tab's "to mark down" count
    with clock.frozen(DAY + dt.timedelta(days=30)):
        assert resale.markdown_suggestion(listing) == Decimal("1890.00")  # 10% off
        assert ShelfList().stale_count() == 1

        shelf_row = ShelfList().fetch(0, 10)[0]
        assert shelf_row[-1] == 189000  # the shelf shows the same suggestion, in fen, computed in SQL
        resale.reprice(item.id, Decimal("1890"), shelf["clerk"])
    listing = resale.listing_of(item.id)
    assert listing.price == Decimal("1890.00")
    with pytest.raises(DomainError, match="below the floor"):
        resale.reprice(item.id, Decimal("100"), shelf["clerk"])


def test_the_online_listings_export(shelf, tmp_path):
    item = repaired_unit(shelf)
    resale.pass_check(item.id, passed_lines(item), "A", "", Decimal("2550"), "online",
                      "=HYPERLINK(\"http://x\") 本商品为退回品", shelf["owner"])
    path = resale.export_online_listings(tmp_path / "online.xlsx")
    ws = load_workbook(path).active
    header = [c.value for c in ws[1]]
    assert header == ["Item code", "Title", "Grade", "Price", "New price", "Disclosure", "Listed"]
    row = [c for c in ws[2]]
    assert row[0].value == item.code and "refurbished, grade A" in row[1].value
    assert row[3].value == 2550 and row[3].number_format == '"¥"#,##0.00'
    assert row[5].data_type == "s" and row[5].value.startswith("=HYPERLINK")  # text, never a formula


def test_a_unit_is_not_resold_while_its_customers_refund_is_unpaid(shelf):
    """Steps a clerk could take: repair and check a returned unit, put it on the shelf and sell it, all before
    finance has paid the customer back. The sale is refused until the refund is paid."""
    item_id = shelf["ids"][0]
    with clock.frozen(DAY):
        items.inspect(item_id, "屏幕排线松动", "repairable", shelf["owner"])
        repair = AftersalesItem.get_by_id(item_id).repairs.get()
        repairs.start_repair(repair.id, shelf["tech"])
        repairs.finish_repair(repair.id, True, "重插排线,测试正常", shelf["tech"])
        item = AftersalesItem.get_by_id(item_id)
        resale.pass_check(item_id, passed_lines(item), "A", "", Decimal("2500"), "shelf",
                          resale.default_disclosure(item, "A", ""), shelf["owner"])
        with pytest.raises(DomainError, match="refund is not paid yet. Pay the refund first"):
            resale.sell(item_id, Decimal("2500"), "shelf", True, shelf["clerk"])
        assert AftersalesItem.get_by_id(item_id).status == "resale" and resale.listing_of(item_id).active
        resolutions.refund(item_id, Decimal("3000"), "wechat", shelf["owner"])
        resale.sell(item_id, Decimal("2500"), "shelf", True, shelf["clerk"])
    assert AftersalesItem.get_by_id(item_id).status == "sold"
    assert run_checks() == []


def test_a_unit_whose_return_was_declined_is_the_customers_not_for_sale(shelf):
    item_id = shelf["ids"][1]
    with clock.frozen(DAY):
        items.inspect(item_id, "外观完好", "qc", shelf["owner"])
        item = AftersalesItem.get_by_id(item_id)
        resale.pass_check(item_id, passed_lines(item), "A", "", Decimal("2500"), "shelf",
                          resale.default_disclosure(item, "A", ""), shelf["owner"])
        resolutions.decline(item_id, "超出退货期限,不退不换", shelf["owner"])
        with pytest.raises(DomainError, match="settled without a refund or an exchange, so the unit is theirs"):
            resale.sell(item_id, Decimal("2500"), "shelf", True, shelf["clerk"])
    assert AftersalesItem.get_by_id(item_id).status == "resale"
    assert run_checks() == []
