"""Each role's work queue: contents, promised times and lateness with a frozen clock, hand-offs from one role
to the next, customer messages; and the Today tab following work done elsewhere in the app."""

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from helpers import settle, visible
from shop_aftersales import clock
from shop_aftersales.models import (AftersalesItem, Category, Customer, ItemEvent, Product, RepairOrder, Sale,
                                    SaleLine, Staff)
from shop_aftersales.services import items, queues, repairs, resolutions, settings
from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

MONDAY = dt.datetime(2026, 3, 23, 9, 0)


@pytest.fixture
def counter(shop):
    with clock.frozen(MONDAY):
        owner = Staff.create(name="陈建国", role="owner")
        phones = Category.create(name="手机")
        phone = Product.create(sku="SJ-1", name="智能手机 X1", category=phones, list_price=Decimal("3000"),
                               cost=Decimal("2100"), serialised=True)
        customer = Customer.create(name="王芳", phone="13800138000")
        sale = Sale.create(receipt_no="XS-1", sold_at=dt.datetime(2026, 3, 20, 10), customer=customer)
        lines = [SaleLine.create(sale=sale, line_no=n, product=phone, serial=f"SN{n}", quantity=1,
                                 unit_price=phone.list_price) for n in (1, 2)]
        settings.update({settings.SHOP_NAME: "星河生活馆", settings.SHOP_PHONE: "0571-1234"})
    return {"owner": owner, "sale": sale, "lines": lines}


def bring_back(c, index, resolution="refund"):
    line = c["lines"][index]
    with clock.frozen(MONDAY):
        changes = register_return(ReturnRequest(lines=[ReturnLine(line.product_id, 1, "quality", "used", resolution,
                                                                  sale_line_id=line.id, fault="屏幕闪")],
                                                sale_id=c["sale"].id), staff=c["owner"])
    return AftersalesItem.get_by_id(changes.ids[0])


def at(day: int, hour: int = 10):
    return clock.frozen(dt.datetime(2026, 3, day, hour))


def whats(role):
    return [e.what for e in queues.queues()[role]]


def test_a_new_return_waits_for_inspection_and_for_the_customer_to_be_told(counter):
    item = bring_back(counter, 0)
    with at(23):
        q = queues.queues()
        [inspect] = q["warehouse"]
        assert inspect.what == f"Inspect {item.code} · 智能手机 X1" and inspect.item_id == item.id
        assert inspect.due == dt.datetime(2026, 3, 25, 23, 59, 59) and not inspect.late  # two days by default
        [tell] = q["sales"]
        assert tell.message == "message.received" and tell.due.date() == dt.date(2026, 3, 23)  # the same day
        assert q["owner"] == [] and q["technician"] == [] and q["finance"] == []
    with at(26):  # Thursday: the inspection is late, the first answer too; the owner sees both
        assert all(e.late for e in queues.queues()["warehouse"])
        assert {e.what for e in queues.queues()["owner"]} == {inspect.what, tell.what}
    settings.update({"promise.inspection_days": "5"})
    with at(26):
        assert not queues.queues()["warehouse"][0].late


def test_telling_the_customer_fills_the_template_and_is_recorded(counter):
    item = bring_back(counter, 0)
    text = queues.message_for(item, "message.received")
    assert "王芳" in text and item.code in text and "星河生活馆" in text and "0571-1234" in text
    with at(23, 11):
        queues.customer_told(item.id, "message.received", counter["owner"])
        assert whats("sales") == []
    event = ItemEvent.select().where(ItemEvent.item == item).order_by(ItemEvent.id.desc()).first()
    assert event.note == text and '"told": "message.received"' in event.data
    settings.update({"message.received": "{name}您好,{item}已收到({code}),{oops}"})
    assert queues.message_for(item, "message.received") == f"王芳您好,智能手机 X1已收到({item.code}),{{oops}}"
    settings.update({"message.received": "少了括号 {name"})  # a mistyped template falls back to the standard one
    assert queues.message_for(item, "message.received") == text


def test_inspection_hands_the_repair_to_the_technician_and_a_refund_to_finance(counter):
    item = bring_back(counter, 0, "refund")
    with at(23, 15):
        items.inspect(item.id, "可修", "repairable", counter["owner"])
        q = queues.queues()
        assert not any(item.code in e.what for e in q["warehouse"])
        [pay] = q["finance"]
        assert pay.what == f"Pay the refund for {item.code} · 智能手机 X1"
        assert pay.due == dt.datetime(2026, 3, 26, 23, 59, 59)
        assert q["technician"] == []  # due in 7 days and not planned today: not yet on today's list
    repair = RepairOrder.get(RepairOrder.item == item)
    with at(29):  # the day before it is due
        [fix] = queues.queues()["technician"]
        assert fix.repair_id == repair.id and fix.what == f"Repair {repair.number} · 智能手机 X1" and not fix.late
    with at(31):
        [fix] = queues.queues()["technician"]
        assert fix.late and fix in queues.queues()["owner"]
    with at(24):
        resolutions.refund(item.id, Decimal("3000"), "wechat", counter["owner"])
        q = queues.queues()
        assert q["finance"] == []
        [tell] = [e for e in q["sales"] if e.message == "message.refunded"]
        assert tell.what == f"Tell 王芳 the refund for {item.code} was paid"
        queues.customer_told(item.id, "message.refunded", counter["owner"])
        assert [e for e in queues.queues()["sales"] if e.message == "message.refunded"] == []


def test_a_complex_repair_is_promised_later(counter):
    item = bring_back(counter, 0, "repair")
    with at(23, 15):
        items.inspect(item.id, "主板坏", "repairable", counter["owner"])
    repair = RepairOrder.get(RepairOrder.item == item)
    assert repair.due_date == dt.date(2026, 3, 30)
    repairs.update_repair(repair.id, repair.fault, "complex", Decimal(4), repair.due_date, 2)
    assert RepairOrder.get_by_id(repair.id).due_date == dt.date(2026, 4, 6)  # 14 days for a complex repair
    repairs.update_repair(repair.id, repair.fault, "complex", Decimal(4), dt.date(2026, 4, 2), 2)
    assert RepairOrder.get_by_id(repair.id).due_date == dt.date(2026, 4, 2)  # a date set by hand stays


def test_exchanges_wait_for_stock_and_the_owner_sees_units_left_too_long(counter):
    item = bring_back(counter, 1, "exchange")
    with at(23, 15):
        items.inspect(item.id, "外观完好", "repairable", counter["owner"])
        assert f"Exchange {item.code}: no 智能手机 X1 in stock; order one" in whats("sales")
    with clock.frozen(dt.datetime(2026, 4, 30, 9)):
        stale = [e for e in queues.queues()["owner"] if e.what.startswith(item.code)]
        assert [e.what for e in stale] == [f"{item.code} has been “Repairable” for 37 days"] and stale[0].late
        q = queues.queues()["owner"]
        assert all(e.late for e in q) and q == sorted(q, key=lambda e: e.due)


def test_finishing_an_inspection_puts_the_repair_in_the_technicians_queue(window, qtbot):
    from shop_aftersales.ui.item_card import ItemCard
    from shop_aftersales.ui.repair_dialogs import RepairDialog

    today = window.today_tab
    assert window.tabs.currentWidget() is today
    received = AftersalesItem.select().where(AftersalesItem.status == "received").order_by(AftersalesItem.id).first()
    tech_page = today.queue_pages["technician"]
    before = len(tech_page.entries)
    assert not any(e.item_id == received.id for e in tech_page.entries)
    warehouse = today.queue_pages["warehouse"]
    row = next(r for r, e in enumerate(warehouse.entries) if e.item_id == received.id)
    card = warehouse.open(row)  # opening the entry opens the unit's ID card
    assert isinstance(card, ItemCard) and card.item_id == received.id
    card.close()
    settings.update({repairs.TURNAROUND_DAYS: "1"})  # promised for tomorrow: on today's list
    window.context.ops.run(items.inspect, received.id, "排线松动", "repairable", window.context.staff)
    settle(qtbot, window)
    assert len(tech_page.entries) == before + 1
    row = next(r for r, e in enumerate(tech_page.entries) if e.item_id == received.id)
    assert not any(e.item_id == received.id for e in warehouse.entries)
    tech = next(s for s in Staff.select() if s.role == "technician")
    window.staff_combo.setCurrentIndex(window.staff_combo.findData(tech.id))
    assert today.pages.currentWidget() is tech_page
    assert window.waiting_label.text() == f"{len(tech_page.entries)} waiting for you"
    tech_page.table.selectRow(row)
    qtbot.mouseClick(tech_page.open_button, Qt.MouseButton.LeftButton)
    dialog = visible(RepairDialog)  # the repair itself
    assert dialog.repair_id == RepairOrder.get(RepairOrder.item == received).id


def test_the_message_is_copied_and_the_customer_noted_as_told(window, qtbot):
    from PySide6.QtGui import QGuiApplication

    sales = window.today_tab.queue_pages["sales"]
    row = next(r for r, e in enumerate(sales.entries) if e.message)
    entry = sales.entries[row]
    text = sales.copy_message(row)
    assert QGuiApplication.clipboard().text() == text and AftersalesItem.get_by_id(entry.item_id).code in text
    settle(qtbot, window)
    assert entry not in sales.entries
    assert ItemEvent.select().where((ItemEvent.item == entry.item_id) & ItemEvent.data.contains("told")).exists()


def test_units_too_long_in_a_zone_are_listed_oldest_first_and_the_rest_counted(counter, monkeypatch):
    monkeypatch.setattr(queues, "STALE_SHOWN", 1)
    first, second = bring_back(counter, 0), bring_back(counter, 1)
    with clock.frozen(dt.datetime(2026, 5, 1, 9)):
        stale = [e for e in queues.queues()["owner"] if "“Waiting for inspection” for" in e.what]
    assert [e.what for e in stale] == [f"{first.code} has been “Waiting for inspection” for 39 days",
                                       "…and 1 more units “Waiting for inspection” for over 30 days"]
    assert stale[1].item_id == second.id and stale[1].late


def test_a_zone_due_for_its_count_waits_in_the_owners_and_the_warehouses_today(window, qtbot):
    """Scheduling a zone that was never counted puts it in both queues at once; the next day it is late, in red,
    first in the list."""
    from helpers import TEST_NOW
    from shop_aftersales.services import stock_count

    today = window.today_tab
    stock_count.set_count_schedule({"resale": None, "inspection": None}, window.context.staff)  # the demo's own
    window.context.ops.run(stock_count.set_count_schedule, {"resale": 30}, window.context.staff)
    settle(qtbot, window)  # the schedule is a settings change: the Today tab follows it
    for role in ("warehouse", "owner"):
        page = today.queue_pages[role]
        [entry] = [e for e in page.entries if isinstance(e, queues.CountEntry)]
        assert entry.zone == "resale" and not entry.late
        assert entry.what == "Count “Resale shelf”: due every 30 days, never counted yet"
        row = page.entries.index(entry)
        assert page.table.item(row, 0).text() == f"{TEST_NOW:%Y-%m-%d} 23:59"
        assert page.table.item(row, 1).text() == ""
        page.table.selectRow(row)
        assert page.open_button.isEnabled() and not page.message_button.isEnabled()  # no customer to tell
    with clock.frozen(TEST_NOW + dt.timedelta(days=1)):
        today.reload()
        page = today.queue_pages["warehouse"]
        [entry] = [e for e in page.entries if isinstance(e, queues.CountEntry)]
        row = page.entries.index(entry)
        assert entry.late and page.table.item(row, 1).text() == "LATE"
        assert page.table.item(row, 3).foreground().color().name() == "#c62828"
        owner = today.queue_pages["owner"].entries
        assert [e for e in owner if isinstance(e, queues.CountEntry)] == [entry]  # once, though late
    today.reload()


def test_opening_a_due_count_opens_the_stock_count_with_its_zone_ticked(window, qtbot):
    from shop_aftersales.services import stock_count
    from shop_aftersales.ui.stock_count_dialog import StockCountDialog

    window.context.ops.run(stock_count.set_count_schedule, {"inspection": 7, "resale": None}, window.context.staff)
    settle(qtbot, window)
    page = window.today_tab.queue_pages["warehouse"]
    [entry] = [e for e in page.entries if isinstance(e, queues.CountEntry)]
    page.table.selectRow(page.entries.index(entry))
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    dialog = visible(StockCountDialog)
    assert [code for code, box in dialog.zone_boxes.items() if box.isChecked()] == ["inspection"]
    dialog.close()
