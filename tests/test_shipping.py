"""Issue 18, part 5: back to the customer either way. A customer's repaired unit waiting for pickup (or the
replacement of an exchange) is shipped instead — carrier, tracking number, shipping cost, date — in one business
step that moves it out as a pickup does; the customer is told it is on its way; the sales queue follows it until
delivered; the shipping cost counts in the cost of after-sales. On a real shop file, `check` sound after each step;
the dialogs with qtbot, rendered in English and Chinese."""

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from helpers import query_plan, raw_sql, uses_an_index

from shop_aftersales import clock
from shop_aftersales.errors import DomainError
from shop_aftersales.models import (AftersalesItem, Category, Customer, ItemEvent, Product, Sale, SaleLine, Shipment,
                                    Staff, StockMove, db)
from shop_aftersales.models.shipping import EVENT_DELIVERED, EVENT_SHIPPED
from shop_aftersales.reports.analytics import Period
from shop_aftersales.services import items, queues, repairs, resolutions, settings, shipping
from shop_aftersales.services.base import business_step
from shop_aftersales.services.cards import history
from shop_aftersales.services.checks import run_checks
from shop_aftersales.services.ledger import MoveRequest, move, serial_location
from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

MONDAY = dt.datetime(2026, 6, 8, 9, 0)  # the week before TEST_NOW (Wednesday 2026-06-17)


def at(day: int, hour: int = 10):
    return clock.frozen(dt.datetime(2026, 6, day, hour))


def sound():
    assert [str(f) for f in run_checks()] == []


def counted():
    return (ItemEvent.select().count(), StockMove.select().count(), Shipment.select().count())


@pytest.fixture
def counter(shop):
    with clock.frozen(MONDAY):
        owner = Staff.create(name="陈建国", role="owner")
        sales = Staff.create(name="李娜", role="sales")
        phones = Category.create(name="手机")
        chairs = Category.create(name="椅子")
        phone = Product.create(sku="SJ-1", name="智能手机 X1", category=phones, list_price=Decimal("3000"),
                               cost=Decimal("2100"), serialised=True)
        chair = Product.create(sku="YZ-1", name="人体工学椅", category=chairs, list_price=Decimal("1000"),
                               cost=Decimal("600"))
        customer = Customer.create(name="王芳", phone="13800138000")
        sale = Sale.create(receipt_no="XS-1", sold_at=dt.datetime(2026, 6, 1, 10), customer=customer)
        lines = [SaleLine.create(sale=sale, line_no=n, product=p, serial=s, quantity=1, unit_price=p.list_price)
                 for n, (p, s) in enumerate([(phone, "SN1"), (phone, "SN2"), (chair, None), (phone, "SN3")],
                                            start=1)]
        settings.update({settings.SHOP_NAME: "星河生活馆", settings.SHOP_PHONE: "0571-1234"})
    return {"owner": owner, "sales": sales, "lines": lines, "phone": phone, "chair": chair, "phones": phones,
            "chairs": chairs}


def bring_back(c, index, resolution):
    line = c["lines"][index]
    with clock.frozen(MONDAY):
        changes = register_return(ReturnRequest(lines=[ReturnLine(line.product_id, 1, "quality", "used", resolution,
                                                                  sale_line_id=line.id, fault="坏了")],
                                                sale_id=line.sale_id), staff=c["owner"])
    return AftersalesItem.get_by_id(changes.ids[0])


def repaired(c, index, day=10):
    """A customer's own unit in for a warranty repair, repaired on June *day*: ready for pickup."""
    item = bring_back(c, index, "repair")
    with at(day):
        items.inspect(item.id, "电池鼓包", "repairable", c["owner"])
        repair = repairs.open_repair(AftersalesItem.get_by_id(item.id))
        repairs.start_repair(repair.id, c["owner"])
        repairs.finish_repair(repair.id, True, "换电池", c["owner"])
    item = AftersalesItem.get_by_id(item.id)
    assert item.status == "ready_for_pickup" and item.customer_owned
    return item


def test_ship_then_the_queue_follows_it_until_delivered(counter):
    item = repaired(counter, 0)
    sound()
    with at(12, 15):
        changes = shipping.ship(item.id, " 顺丰速运 ", "sf 1234 5678", Decimal("18.00"), dt.date(2026, 6, 12),
                                counter["sales"], "客户要求寄回")
    assert changes.stock and changes.items
    item = AftersalesItem.get_by_id(item.id)
    # out the way a pickup goes: to the customers' location; the repair is settled with the customer
    assert item.status == "returned_to_customer" and item.resolution_state == "done"
    assert serial_location(counter["phone"], "SN1").code == "customer"
    shipment = Shipment.get(Shipment.item == item)
    assert (shipment.carrier, shipment.tracking_no, shipment.cost, shipment.shipped_on, shipment.delivered_on) == (
        "顺丰速运", "SF12345678", Decimal("18.00"), dt.date(2026, 6, 12), None)
    assert shipment.move.from_location.code == "pickup" and shipment.move.to_location.code == "customer"
    event = ItemEvent.select().where(ItemEvent.item == item).order_by(ItemEvent.id.desc()).get()
    assert (event.code, event.from_status, event.to_status, event.move_id) == (
        EVENT_SHIPPED, "ready_for_pickup", "returned_to_customer", shipment.move_id)
    assert event.note == "顺丰速运 SF12345678 · 客户要求寄回"
    assert json.loads(event.data) == {"carrier": "顺丰速运", "tracking": "SF12345678", "shipping": "18.00",
                                      "shipped_on": "2026-06-12", "replacement": ""}
    _when, who, what, note = history(item.id)[-1]
    assert who == "李娜" and what.startswith("Shipped to the customer · Ready for pickup → Back with the customer")
    assert "SF12345678" in note
    sound()

    with at(12, 16):
        sales = queues.queues()["sales"]
        tell, follow = ([e for e in sales if e.message == "message.shipped"],
                        [e for e in sales if "not yet confirmed delivered" in e.what])
        assert [e.what for e in tell] == [f"Tell 王芳 that {item.code} is on its way (顺丰速运, tracking no. SF12345678)"]
        assert tell[0].due == dt.datetime(2026, 6, 12, 23, 59, 59)  # the same day, as the first answer
        assert [e.what for e in follow] == [f"Shipped, not yet confirmed delivered: {item.code} · 智能手机 X1 to 王芳 "
                                            "(顺丰速运, tracking no. SF12345678)"]
        assert follow[0].due == dt.datetime(2026, 6, 15, 23, 59, 59) and not follow[0].late  # 3 days by default
        assert follow[0].item_id == item.id and follow[0].message == ""
        # the message, in the shop's document language, with the carrier and the tracking number
        text = queues.message_for(item, "message.shipped")
        assert text == (f"[星河生活馆] Hello 王芳, your 智能手机 X1 (no. {item.code}) is on its way: 顺丰速运, "
                        "tracking no. SF12345678. Tel. 0571-1234")
        queues.customer_told(item.id, "message.shipped", counter["sales"])
        assert [e.what for e in queues.queues()["sales"] if e.item_id == item.id] == [follow[0].what]
    with at(16):  # not confirmed by its due day: late, red, and in the owner's queue too
        [late] = [e for e in queues.queues()["sales"] if e.item_id == item.id]
        assert late.late and late.what == follow[0].what
        assert late.what in [e.what for e in queues.queues()["owner"]]
    settings.update({shipping.DELIVERY_DAYS: "5"})  # the promise is a setting (Settings → Promises and messages)
    with at(16):
        [entry] = [e for e in queues.queues()["sales"] if e.item_id == item.id]
        assert entry.due == dt.datetime(2026, 6, 17, 23, 59, 59) and not entry.late
    sound()

    with at(16, 11):
        shipping.delivered(item.id, dt.date(2026, 6, 15), counter["sales"], "本人签收")
        assert [e for e in queues.queues()["sales"] if e.item_id == item.id] == []
        assert [e for e in queues.queues()["owner"] if e.item_id == item.id] == []
    shipment = Shipment.get_by_id(shipment.id)
    assert shipment.delivered_on == dt.date(2026, 6, 15) and shipment.delivered_by.name == "李娜"
    event = ItemEvent.select().where(ItemEvent.item == item).order_by(ItemEvent.id.desc()).get()
    assert (event.code, event.to_status, event.move_id, event.note) == (EVENT_DELIVERED, "", None,
                                                                         "顺丰速运 SF12345678 · 本人签收")
    assert history(item.id)[-1][2].startswith("Delivered to the customer")
    sound()


def test_the_replacement_of_an_exchange_is_shipped_without_a_second_move(counter):
    item = bring_back(counter, 1, "exchange")
    with at(9):
        business_step(lambda: move(MoveRequest(counter["phone"], 1, "adjustment", "sellable", serial="SN9")))()
        items.inspect(item.id, "屏幕坏点", "repairable", counter["owner"])
        resolutions.exchange(item.id, counter["owner"], None, "SN9")
    exchange = AftersalesItem.get_by_id(item.id).exchanges.get()
    moves = StockMove.select().count()
    with at(10):
        changes = shipping.ship(item.id, "中通快递", "ZT778899", "12.5", dt.date(2026, 6, 10), counter["owner"])
    assert not changes.stock and StockMove.select().count() == moves  # the replacement left stock at the exchange
    shipment = Shipment.get(Shipment.item == item)
    assert shipment.exchange_id == exchange.id and shipment.move_id == exchange.move_id
    assert shipment.cost == Decimal("12.50")
    item = AftersalesItem.get_by_id(item.id)
    assert item.status == "repairable"  # the returned unit itself stays where it is, the shop's
    assert serial_location(counter["phone"], "SN9").code == "customer"
    data = json.loads(ItemEvent.select().where(ItemEvent.item == item).order_by(ItemEvent.id.desc()).get().data)
    assert data["replacement"] == "智能手机 X1" and data["tracking"] == "ZT778899"
    with at(10):
        assert "is on its way: 中通快递, tracking no. ZT778899" in queues.message_for(item, "message.shipped")
        assert any(e.item_id == item.id and "not yet confirmed" in e.what for e in queues.queues()["sales"])
    sound()


def test_a_replacement_handed_over_long_ago_is_not_offered_for_shipping(counter):
    """An exchange's replacement is shipped soon after the exchange, if at all: weeks later it was handed over at
    the counter, and "Ship to the customer…" is no longer offered (nor accepted)."""
    item = bring_back(counter, 1, "exchange")
    with at(9):
        business_step(lambda: move(MoveRequest(counter["phone"], 1, "adjustment", "sellable", serial="SN8")))()
        items.inspect(item.id, "屏幕坏点", "repairable", counter["owner"])
        resolutions.exchange(item.id, counter["owner"], None, "SN8")
    assert shipping.why_not(item.id) is None  # the same week: it may go by courier
    with clock.frozen(MONDAY + dt.timedelta(days=shipping.REPLACEMENT_SHIP_DAYS + 2)):
        assert "handed over on" in (shipping.why_not(item.id) or "")
        before = counted()
        with pytest.raises(DomainError, match="handed over on"):
            shipping.ship(item.id, "中通快递", "ZT1", "0", None, counter["owner"])
        assert counted() == before


def test_the_shipping_cost_counts_in_the_cost_of_aftersales(counter, tmp_path):
    phone = repaired(counter, 0)
    chair = repaired(counter, 2)
    late = repaired(counter, 3, day=16)
    with at(12):
        shipping.ship(phone.id, "顺丰速运", "SF1", Decimal("18.00"), dt.date(2026, 6, 11), counter["owner"])
        shipping.ship(chair.id, "德邦物流", "DB2", Decimal("45.50"), dt.date(2026, 6, 12), counter["owner"])
    with at(17):
        shipping.ship(late.id, "顺丰速运", "SF3", Decimal("0"), dt.date(2026, 6, 17), counter["owner"])
    assert (shipping.cost_of(phone.id), shipping.cost_of(chair.id), shipping.cost_of(late.id)) == (
        Decimal("18.00"), Decimal("45.50"), Decimal("0.00"))
    assert shipping.cost_of(bring_back(counter, 1, "refund").id) == Decimal("0.00")  # never shipped
    june = Period(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    assert shipping.outbound_costs(june) == Decimal("63.50")
    # by the day shipped, both ends of the period included
    assert shipping.outbound_costs(Period(dt.date(2026, 6, 12), dt.date(2026, 6, 17))) == Decimal("45.50")
    assert shipping.outbound_costs(Period(dt.date(2026, 6, 11), dt.date(2026, 6, 11))) == Decimal("18.00")
    assert shipping.outbound_costs(Period(dt.date(2026, 5, 1), dt.date(2026, 5, 31))) == Decimal("0.00")
    # narrowed by the filters, as the other cost lines
    assert shipping.outbound_costs(Period(june.start, june.end, category_id=counter["phones"].id)) == Decimal("18.00")
    assert shipping.outbound_costs(Period(june.start, june.end, product_id=counter["chair"].id)) == Decimal("45.50")
    rows = shipping.sheet_rows(june)
    assert [(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows] == [
        (dt.date(2026, 6, 11), phone.code, "王芳", "顺丰速运", "SF1", None, Decimal("18.00")),
        (dt.date(2026, 6, 12), chair.code, "王芳", "德邦物流", "DB2", None, Decimal("45.50")),
        (dt.date(2026, 6, 17), late.code, "王芳", "顺丰速运", "SF3", None, Decimal("0.00"))]
    assert shipping.carriers()[:2] == ["顺丰速运", "德邦物流"]  # the shop's own, most used first
    # in every money figure: the ID card, the cost of after-sales (Reports tab, before/after) and the workbook
    from openpyxl import load_workbook

    from shop_aftersales.models import AftersalesItem
    from shop_aftersales.reports import analytics
    from shop_aftersales.reports.accounting import export_workbook
    from shop_aftersales.services.cards import costs

    card = costs(AftersalesItem.get_by_id(chair.id))
    assert card.shipping_out == Decimal("45.50") and card.total >= Decimal("45.50")
    cost = analytics.cost_of_aftersales(june)
    assert cost.shipping_out == Decimal("63.50")
    assert analytics.figures(june)["shipping_out"] == Decimal("63.50")
    without = analytics.CostOfAftersales(cost.refunds, cost.shipping, cost.repairs, cost.write_offs,
                                         cost.replacements, cost.resale, cost.supplier_credits)
    assert cost.net - without.net == Decimal("63.50")
    book = load_workbook(export_workbook(tmp_path / "june.xlsx", june))
    sheet = book["Shipments to customers"]
    assert [row[1] for row in sheet.iter_rows(values_only=True) if row[1] in (phone.code, chair.code, late.code)] \
        == [phone.code, chair.code, late.code]
    summary = [row for row in book["Summary"].iter_rows(values_only=True) if row[0] == "Shipping to customers"]
    assert summary and str(summary[0][1]).startswith("=")  # a formula over the sheet's total
    sound()


def test_refusals_change_nothing(counter):
    ready = repaired(counter, 0)
    in_repair = bring_back(counter, 1, "repair")
    shops = bring_back(counter, 2, "refund")  # a return the customer wants refunded: not theirs to send back
    with at(10):
        items.inspect(in_repair.id, "主板", "repairable", counter["owner"])
    before = counted()
    refusals = [
        (lambda: shipping.ship(ready.id, "顺丰速运", "SF1", 10, dt.date(2026, 6, 12)), "Choose who you are first"),
        (lambda: shipping.ship(shops.id, "顺丰速运", "SF1", 10, dt.date(2026, 6, 12), counter["owner"]),
         "is not the customer's unit to send back"),
        (lambda: shipping.ship(in_repair.id, "顺丰速运", "SF1", 10, dt.date(2026, 6, 12), counter["owner"]),
         r"is not ready to go back yet \(“Repairable”\)"),
        (lambda: shipping.ship(ready.id, "  ", "SF1", 10, dt.date(2026, 6, 12), counter["owner"]),
         "Choose or type the carrier"),
        (lambda: shipping.ship(ready.id, "顺丰速运", " ", 10, dt.date(2026, 6, 12), counter["owner"]),
         "Type the tracking number"),
        (lambda: shipping.ship(ready.id, "顺丰速运", "SF1", Decimal("-0.01"), dt.date(2026, 6, 12), counter["owner"]),
         r"cannot be negative \(got ¥-0.01\)"),
        (lambda: shipping.ship(ready.id, "顺丰速运", "SF1", "十元", dt.date(2026, 6, 12), counter["owner"]),
         "is not an amount"),
        (lambda: shipping.ship(ready.id, "顺丰速运", "SF1", 10, dt.date(2026, 6, 18), counter["owner"]),
         "2026-06-18 is in the future"),
        (lambda: shipping.ship(ready.id, "顺丰速运", "SF1", 10, dt.date(2026, 6, 9), counter["owner"]),
         r"before the unit was ready to go \(2026-06-10\)"),
        (lambda: shipping.delivered(ready.id, dt.date(2026, 6, 12), counter["owner"]), "was not shipped"),
    ]
    for step, message in refusals:
        with pytest.raises(DomainError, match=message):
            step()
        assert counted() == before, message
    sound()
    shipping.ship(ready.id, "顺丰速运", "SF1", 10, dt.date(2026, 6, 12), counter["owner"])
    before = counted()
    for step, message in [
        (lambda: shipping.ship(ready.id, "中通快递", "ZT2", 10, dt.date(2026, 6, 12), counter["owner"]),
         r"was already shipped on 2026-06-12 \(顺丰速运, tracking no. SF1\)"),
        (lambda: shipping.delivered(ready.id, dt.date(2026, 6, 11), counter["owner"]), r"before the parcel was shipped \(2026-06-12\)"),
        (lambda: shipping.delivered(ready.id, dt.date(2026, 6, 18), counter["owner"]), "is in the future"),
    ]:
        with pytest.raises(DomainError, match=message):
            step()
        assert counted() == before, message
    with pytest.raises(DomainError, match="Choose who you are first"):  # the history names who confirmed it
        shipping.delivered(ready.id, dt.date(2026, 6, 14))
    assert counted() == before
    shipping.delivered(ready.id, dt.date(2026, 6, 14), counter["owner"])
    with pytest.raises(DomainError, match=r"already confirmed \(2026-06-14\)"):
        shipping.delivered(ready.id, dt.date(2026, 6, 15), counter["owner"])
    # a unit the customer picked up at the counter is not shipped afterwards
    other = repaired(counter, 3)
    resolutions.give_back(other.id, "已取走", counter["owner"])
    with pytest.raises(DomainError, match="already back with the customer"):
        shipping.ship(other.id, "顺丰速运", "SF9", 10, None, counter["owner"])
    assert shipping.why_not(other.id).endswith("there is nothing left to ship.")
    assert shipping.why_not(ready.id).startswith(f"{ready.code} was already shipped")
    sound()


def test_a_shipment_is_written_once_and_its_delivery_once(counter):
    item = repaired(counter, 0)
    shipping.ship(item.id, "顺丰速运", "SF1", Decimal("18"), dt.date(2026, 6, 12), counter["owner"])
    columns = {c.name for c in db.get_columns("shipment")}
    assert columns == {f.column_name for f in Shipment._meta.sorted_fields}
    indexes = {i.name for i in db.get_indexes("shipment")}
    assert {index._name for index in Shipment._meta.fields_to_index()} <= indexes
    # the queue's look-up of parcels not yet delivered uses an index, not a scan of every shipment ever made
    steps = query_plan(Shipment.select().where(Shipment.delivered_on.is_null()))
    assert uses_an_index(steps), steps
    with pytest.raises(Exception, match="written once"):
        Shipment.update(cost=0).execute()
    with pytest.raises(Exception, match="kept"):
        Shipment.delete().execute()
    with pytest.raises(Exception, match="(?i)check"):  # SQLite: CHECK constraint failed; PostgreSQL: check constraint
        raw_sql("INSERT INTO shipment (item_id, move_id, carrier, tracking_no, cost, shipped_on, created_at) "
                "SELECT item_id, move_id, carrier, 'X', -1, shipped_on, created_at FROM shipment")
    shipping.delivered(item.id, dt.date(2026, 6, 13), counter["owner"])
    with pytest.raises(Exception, match="written once"):
        Shipment.update(delivered_on=dt.date(2026, 6, 14)).execute()
    assert Shipment.get().cost == Decimal("18.00") and Shipment.get().delivered_on == dt.date(2026, 6, 13)
    sound()


# ------------------------------------------------------------------ the dialogs

@pytest.fixture
def context(shop, counter):
    from shop_aftersales.ui.context import AppContext

    ctx = AppContext(shop)
    yield ctx
    ctx.ops.shutdown()


@pytest.fixture
def shots(tmp_path):
    folder = Path(__import__("os").environ.get("SHIPPING_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_ship_dialog_says_what_is_missing_then_ships(qtbot, counter, context, shots):
    from shop_aftersales.ui.shipping_dialog import DeliveredDialog, ShipDialog

    item = repaired(counter, 0)
    dialog = ShipDialog(context, item.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "智能手机 X1 SN1" in dialog.what.text() and dialog.ok_button.text() == "Record the shipment"
    assert dialog.carrier.itemText(0) == "顺丰速运" and dialog.carrier.currentText() == ""
    assert not dialog.ok_button.isEnabled() and "Choose who you are first" in dialog.ok_button.toolTip()
    context.set_staff(counter["sales"].id)
    assert dialog.ok_button.toolTip() == "Choose or type the carrier first."
    dialog.carrier.setCurrentIndex(0)
    assert dialog.ok_button.toolTip() == "Type the tracking number first."
    qtbot.keyClicks(dialog.tracking, "SF1234567890")
    dialog.cost.setValue(18)
    dialog.day.setDate(QDate(2026, 6, 16))
    assert dialog.ok_button.isEnabled() and dialog.ok_button.isDefault() and dialog.ok_button.toolTip() == ""
    dialog.grab().save(str(shots / "ship-dialog-en.png"))
    with qtbot.waitSignal(context.changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    shipment = Shipment.get(Shipment.item == item.id)
    assert (shipment.carrier, shipment.tracking_no, shipment.cost, shipment.shipped_on, shipment.staff.name) == (
        "顺丰速运", "SF1234567890", Decimal("18.00"), dt.date(2026, 6, 16), "李娜")
    assert AftersalesItem.get_by_id(item.id).status == "returned_to_customer"
    sound()

    again = ShipDialog(context, item.id)  # already shipped: says so, nothing to press
    qtbot.addWidget(again)
    again.show()
    assert not again.ok_button.isEnabled() and "was already shipped on 2026-06-16" in again.ok_button.toolTip()
    assert not again.carrier.isEnabled()

    delivered = DeliveredDialog(context, item.id)
    qtbot.addWidget(delivered)
    delivered.show()
    assert delivered.ok_button.text() == "Delivered" and delivered.ok_button.isEnabled()
    assert delivered.day.minimumDate() == QDate(2026, 6, 16) and delivered.day.maximumDate() == QDate(2026, 6, 17)
    delivered.grab().save(str(shots / "delivered-dialog-en.png"))
    with qtbot.waitSignal(context.changed, timeout=10_000):
        qtbot.mouseClick(delivered.ok_button, Qt.MouseButton.LeftButton)
    assert Shipment.get_by_id(shipment.id).delivered_on == dt.date(2026, 6, 17)
    assert [e for e in queues.queues()["sales"] if e.item_id == item.id] == []
    sound()


def test_a_unit_not_ready_opens_the_dialog_disabled_with_the_reason(qtbot, counter, context):
    from shop_aftersales.ui.shipping_dialog import DeliveredDialog, ShipDialog

    item = bring_back(counter, 1, "repair")
    context.set_staff(counter["owner"].id)
    dialog = ShipDialog(context, item.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    assert "is not ready to go back yet (“Waiting for inspection”)" in dialog.ok_button.toolTip()
    assert not dialog.tracking.isEnabled()
    delivered = DeliveredDialog(context, item.id)
    qtbot.addWidget(delivered)
    delivered.show()
    assert not delivered.ok_button.isEnabled() and "was not shipped" in delivered.ok_button.toolTip()


def test_the_dialogs_and_the_promises_in_chinese(qtbot, counter, context, shots):
    from shop_aftersales import translations
    from shop_aftersales.ui.promise_dialog import PromisesDialog
    from shop_aftersales.ui.shipping_dialog import DeliveredDialog, ShipDialog, copy_shipped_message

    item = repaired(counter, 0)
    exchanged = bring_back(counter, 1, "exchange")
    with at(11):
        business_step(lambda: move(MoveRequest(counter["phone"], 1, "adjustment", "sellable", serial="SN9")))()
        resolutions.exchange(exchanged.id, counter["owner"], None, "SN9")
    context.set_staff(counter["owner"].id)
    translations.install("zh_CN")
    try:
        for name, widget in (("ship-dialog", ShipDialog(context, item.id)),
                             ("ship-replacement-dialog", ShipDialog(context, exchanged.id)),
                             ("promises", PromisesDialog(context))):
            qtbot.addWidget(widget)
            widget.show()
            qtbot.waitExposed(widget)
            assert widget.sizeHint().width() <= 1280 and widget.sizeHint().height() <= 800, name
            widget.grab().save(str(shots / f"{name}-zh_CN.png"))
        promises = widget
        assert "message.shipped" in promises.texts and "promise.delivery_days" in promises.days
        assert promises.days["promise.delivery_days"].value() == 3
        shipping.ship(item.id, "顺丰速运", "SF1", Decimal("18"), dt.date(2026, 6, 12), counter["owner"])
        delivered = DeliveredDialog(context, item.id)
        qtbot.addWidget(delivered)
        delivered.show()
        delivered.grab().save(str(shots / "delivered-dialog-zh_CN.png"))
        with qtbot.waitSignal(context.changed, timeout=10_000):
            text = copy_shipped_message(context, item.id)
        assert "SF1" in text and "顺丰速运" in text
        qtbot.waitUntil(lambda: not context.ops.busy)
        assert [e for e in queues.queues()["sales"] if e.message == "message.shipped"] == []
    finally:
        translations.uninstall()
