"""Repairs through the services: planning by skill, capacity and due date; costing with known answers;
every refusal; the ledger's invariants after each step."""

import datetime as dt
from decimal import Decimal

import pytest

from shop_aftersales import clock
from shop_aftersales.errors import DomainError
from shop_aftersales.models import (AftersalesItem, Category, Customer, Product, RepairOrder, Sale, SaleLine,
                                    ScrapRecord, Staff, Technician)
from shop_aftersales.services import items, repairs, settings
from shop_aftersales.services.checks import run_checks
from shop_aftersales.services.ledger import on_hand, serial_location
from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

from helpers import pdf_text  # noqa: E402

MONDAY = dt.datetime(2026, 3, 23, 9, 0)  # a Monday


@pytest.fixture
def workshop(shop):
    with clock.frozen(MONDAY):
        phones = Category.create(name="手机")
        chairs = Category.create(name="椅子")
        owner = Staff.create(name="陈建国", role="owner")
        zhang = Staff.create(name="张师傅", role="technician")
        zhou = Staff.create(name="周工", role="technician")
        repairs.save_technician(zhang.id, "specialist", Decimal(8), "12345", Decimal("40"), [phones.id])
        repairs.save_technician(zhou.id, "general", Decimal(6), "123456", Decimal("30"), [])
        phone = Product.create(sku="SJ-1", name="智能手机 X1", category=phones, list_price=Decimal("3000"),
                               cost=Decimal("2100"), serialised=True)
        chair = Product.create(sku="YZ-1", name="人体工学椅", category=chairs, list_price=Decimal("1000"),
                               cost=Decimal("600"))
        customer = Customer.create(name="王芳", phone="13800138000")
        sale = Sale.create(receipt_no="XS-1", sold_at=dt.datetime(2026, 3, 20, 10), customer=customer)
        lines = [SaleLine.create(sale=sale, line_no=n, product=p, serial=s, quantity=1, unit_price=p.list_price)
                 for n, (p, s) in enumerate([(phone, "SN1"), (phone, "SN2"), (chair, None)], start=1)]
    return {"owner": owner, "zhang": Technician.get(Technician.staff == zhang),
            "zhou": Technician.get(Technician.staff == zhou), "sale": sale, "lines": lines, "phone": phone,
            "chair": chair}


def bring_back(w, index, resolution="refund"):
    line = w["lines"][index]
    with clock.frozen(MONDAY):
        changes = register_return(ReturnRequest(lines=[ReturnLine(line.product_id, 1, "quality", "used", resolution,
                                                                  sale_line_id=line.id, fault="坏了")],
                                                sale_id=w["sale"].id), staff=w["owner"])
        items.inspect(changes.ids[0], "可修", "repairable", w["owner"])
    return AftersalesItem.get_by_id(changes.ids[0])


def repair_of(item):
    return RepairOrder.get(RepairOrder.item == item)


def sound():
    assert [str(f) for f in run_checks()] == []


def test_a_repairable_unit_gets_a_repair_order_with_the_default_turnaround(workshop):
    item = bring_back(workshop, 0)
    repair = repair_of(item)
    assert repair.number.startswith("WX2026-") and repair.state == "waiting" and repair.fault == "可修"
    assert repair.due_date == dt.date(2026, 3, 30)  # 7 days by default
    settings.update({repairs.TURNAROUND_DAYS: "3"})
    with clock.frozen(MONDAY):
        other = repair_of(bring_back(workshop, 1))
    assert other.due_date == dt.date(2026, 3, 26)


def test_planning_refuses_a_day_off_and_flags_skill_and_capacity(workshop):
    zhang, zhou = workshop["zhang"], workshop["zhou"]
    item = bring_back(workshop, 0)
    repair = repair_of(item)
    repairs.update_repair(repair.id, "主板", "complex", Decimal("5"), dt.date(2026, 3, 25), 1)
    with clock.frozen(MONDAY):
        with pytest.raises(DomainError, match="does not work on 2026-03-28"):
            repairs.plan(repair.id, zhang.id, dt.date(2026, 3, 28))  # Saturday
        with pytest.raises(DomainError, match="day that has passed"):
            repairs.plan(repair.id, zhang.id, dt.date(2026, 3, 20))
        repairs.plan(repair.id, zhou.id, dt.date(2026, 3, 24))
        second = repair_of(bring_back(workshop, 1))
        repairs.update_repair(second.id, "屏幕", "simple", Decimal("2"), dt.date(2026, 3, 27), 2)
        repairs.plan(second.id, zhou.id, dt.date(2026, 3, 24))
        b = repairs.board(dt.date(2026, 3, 24))
    cell = b.cells[(zhou.id, dt.date(2026, 3, 24))]
    assert [r.number for r in cell.repairs] == [repair.number, second.number]
    assert cell.load == Decimal("7") and cell.over_capacity  # 7 h on a 6 h day
    flags = [str(f) for f in repairs.card_flags(cell.repairs[0], zhou)]
    assert "Complex: needs a specialist" in flags
    assert b.cells[(zhang.id, dt.date(2026, 3, 28))].working is False
    assert RepairOrder.get_by_id(repair.id).planned_on == dt.date(2026, 3, 24)


def test_plan_for_me_goes_by_due_date_skill_category_and_capacity(workshop):
    zhang, zhou = workshop["zhang"], workshop["zhou"]
    with clock.frozen(MONDAY):
        complex_phone = repair_of(bring_back(workshop, 0))
        simple_phone = repair_of(bring_back(workshop, 1))
        chair = repair_of(bring_back(workshop, 2))
        repairs.update_repair(complex_phone.id, "主板", "complex", Decimal("6"), dt.date(2026, 3, 27), 2)
        repairs.update_repair(simple_phone.id, "屏幕", "simple", Decimal("4"), dt.date(2026, 3, 24), 2)
        repairs.update_repair(chair.id, "气压棒", "simple", Decimal("5"), dt.date(2026, 3, 25), 2)
        proposal = repairs.propose_plan()
        got = {p.repair.id: (p.technician.id, p.day) for p in proposal}
        # the phone due first goes first; only Zhang repairs phones (his categories), so the complex one
        # (6 h) no longer fits his 8 h Monday after the 4 h one and moves to Tuesday
        assert got[simple_phone.id] == (zhang.id, dt.date(2026, 3, 23))
        assert got[chair.id] == (zhou.id, dt.date(2026, 3, 23))
        assert got[complex_phone.id] == (zhang.id, dt.date(2026, 3, 24))
        assert RepairOrder.select().where(RepairOrder.planned_on.is_null(False)).count() == 0  # nothing written yet
        repairs.apply_plan(proposal)
        assert repairs.propose_plan() == []  # no double booking: planned repairs are not proposed again
        b = repairs.board(MONDAY.date())
    assert all(not cell.over_capacity for cell in b.cells.values())
    assert b.backlog == []


def test_costing_with_known_answers(workshop):
    zhang = workshop["zhang"]
    with clock.frozen(MONDAY):
        item = bring_back(workshop, 2)
        repair = repair_of(item)
        part = Product.get_by_id(repairs.save_part("PJ-QYB", "气压棒", "150mm", "A-03", 2).ids[0])
        repairs.receive_parts(part.id, 10, Decimal("5.00"))
        repairs.receive_parts(part.id, 10, Decimal("7.00"))
        assert Product.get_by_id(part.id).cost == Decimal("6.00")  # moving average
        repairs.plan(repair.id, zhang.id, dt.date(2026, 3, 23))
        repairs.start_repair(repair.id, workshop["owner"])
        assert on_hand(item.product, "in_repair") == 1
        repairs.log_hours(repair.id, Decimal("2.5"), note="拆装")
        repairs.use_part(repair.id, part.id, 3)
        repairs.update_repair(repair.id, "气压棒", "simple", Decimal("3"), dt.date(2026, 3, 30), 2, Decimal("15"))
        cost = repairs.repair_cost(RepairOrder.get_by_id(repair.id))
    assert (cost.labour_hours, cost.labour, cost.parts, cost.outside, cost.total) == (
        Decimal("2.50"), Decimal("100.00"), Decimal("18.00"), Decimal("15.00"), Decimal("133.00"))
    assert on_hand(part, "parts") == 17
    assert [p.part.sku for p in repairs.low_stock()] == []
    sound()


def test_refusals(workshop):
    zhang = workshop["zhang"]
    with clock.frozen(MONDAY):
        item = bring_back(workshop, 2)
        repair = repair_of(item)
        part = Product.get_by_id(repairs.save_part("PJ-LZ", "滚轮", reorder_level=5).ids[0])
        repairs.receive_parts(part.id, 2, Decimal("3"))
        with pytest.raises(DomainError, match="never started"):
            repairs.finish_repair(repair.id, True)
        with pytest.raises(DomainError, match="more than 0"):
            repairs.log_hours(repair.id, Decimal("-1"), zhang.id)
        with pytest.raises(DomainError, match="Only 2 × 滚轮"):
            repairs.use_part(repair.id, part.id, 3)
        assert [p.part.sku for p in repairs.low_stock()] == ["PJ-LZ"]
        with pytest.raises(DomainError, match="at least one day"):
            repairs.save_technician(zhang.staff_id, "general", Decimal(8), "", Decimal(1), [])
        repairs.start_repair(repair.id)
        with pytest.raises(DomainError, match="not waiting to start"):
            repairs.start_repair(repair.id)
        with pytest.raises(DomainError, match="already started"):
            repairs.plan(repair.id, zhang.id, dt.date(2026, 3, 24))
    sound()


def test_completion_paths(workshop):
    owner = workshop["owner"]
    with clock.frozen(MONDAY):
        shop_unit = bring_back(workshop, 0)
        customers = bring_back(workshop, 1, resolution="repair")
        hopeless = bring_back(workshop, 2)
        for item in (shop_unit, customers, hopeless):
            repairs.start_repair(repair_of(item).id, owner)
        repairs.finish_repair(repair_of(shop_unit).id, True, "换屏", owner)
        repairs.finish_repair(repair_of(customers).id, True, "换电池", owner)
        with pytest.raises(DomainError, match="Choose who you are first"):
            repairs.finish_repair(repair_of(hopeless).id, False, "配件停产")
        with pytest.raises(DomainError, match="approved by the owner"):
            repairs.finish_repair(repair_of(hopeless).id, False, "配件停产", workshop["zhang"].staff)
        repairs.finish_repair(repair_of(hopeless).id, False, "配件停产", owner, approved_by=owner)
    assert serial_location(workshop["phone"], "SN1").code == "qc"
    assert AftersalesItem.get_by_id(customers.id).status == "ready_for_pickup"
    settings.update({settings.SHOP_NAME: "星河生活馆", settings.SHOP_PHONE: "0571-1234"})
    message = repairs.pickup_message(AftersalesItem.get_by_id(customers.id))
    assert "王芳" in message and customers.code in message and "0571-1234" in message
    items.move_item(customers.id, "returned_to_customer", owner, "已取走")
    assert serial_location(workshop["phone"], "SN2").code == "customer"
    assert ScrapRecord.get(ScrapRecord.item == hopeless).reason == "配件停产"
    assert RepairOrder.get(RepairOrder.item == hopeless).state == "unrepairable"
    sound()


def test_a_warning_when_repairing_is_not_worth_it(workshop):
    with clock.frozen(MONDAY):
        item = bring_back(workshop, 2)  # a ¥1000 chair: expected to fetch 60% = ¥600; warn above 50% = ¥300
        repair = repair_of(item)
        repairs.start_repair(repair.id)
        repairs.log_hours(repair.id, Decimal("7"), workshop["zhang"].id)  # 7 h × ¥40 = ¥280
        assert repairs.cost_warning(repair) is None
        repairs.log_hours(repair.id, Decimal("1"), workshop["zhang"].id)  # ¥320
        assert "more than 50% of the ¥600.00" in repairs.cost_warning(repair)


def test_a_unit_that_leaves_the_workshop_another_way_leaves_the_board(workshop):
    owner = workshop["owner"]
    with clock.frozen(MONDAY):
        customers = bring_back(workshop, 1, resolution="repair")
        items.move_item(customers.id, "returned_to_customer", owner, "顾客不修了,直接取回")
        assert repair_of(customers).state == "cancelled"
        assert repairs.board(MONDAY.date()).backlog == []
    sound()


def test_the_id_card_counts_the_repair(workshop):
    from shop_aftersales.services.cards import costs

    with clock.frozen(MONDAY):
        item = bring_back(workshop, 2)
        repair = repair_of(item)
        repairs.start_repair(repair.id)
        repairs.log_hours(repair.id, Decimal("1.5"), workshop["zhou"].id)  # ¥30 an hour
    assert costs(AftersalesItem.get_by_id(item.id)).repairs == Decimal("45.00")


def test_the_progress_table_prints(workshop, tmp_path, qapp):
    from shop_aftersales.printing.table import table_pdf
    from shop_aftersales.services.repair_lists import RepairProgress

    with clock.frozen(MONDAY):
        bring_back(workshop, 0)
        bring_back(workshop, 2)
        source = RepairProgress()
        rows = [row[1:] for row in source.fetch(0, 100)]
    pdf = table_pdf(tmp_path / "progress.pdf", "维修进度表", [c.title for c in source.columns], rows)
    text = pdf_text(pdf)
    assert "维修进度表" in text and "WX2026-000001" in text and "人体工学椅" in text


def test_a_repair_under_way_since_last_week_stays_on_this_weeks_board(workshop):
    """Planned and started last Friday, still on the bench on Wednesday: the current week carries it in today's
    cell of its technician, with a flag saying since when (it used to vanish from the board altogether)."""
    item = bring_back(workshop, 2)  # the chair: 周工 works Monday to Saturday
    repair = repair_of(item)
    friday, wednesday = dt.datetime(2026, 3, 27, 10), dt.datetime(2026, 4, 1, 9)
    with clock.frozen(friday):
        repairs.plan(repair.id, workshop["zhou"].id, friday.date(), workshop["owner"])
        repairs.start_repair(repair.id)
    with clock.frozen(wednesday):
        board = repairs.board(wednesday.date())
        cell = board.cells[(workshop["zhou"].id, wednesday.date())]
        assert [r.id for r in cell.repairs] == [repair.id]
        assert repair.id not in [r.id for r in board.backlog]
        flags = [str(f) for f in repairs.card_flags(cell.repairs[0], workshop["zhou"])]
        assert "Under way since 2026-03-27" in flags
        # a week to come does not carry it (it is on the bench now, not then), last week shows it on its day
        assert all(repair.id not in [r.id for r in c.repairs]
                   for c in repairs.board(dt.date(2026, 4, 8)).cells.values())
        assert [r.id for r in repairs.board(friday.date()).cells[(workshop["zhou"].id, friday.date())].repairs] \
            == [repair.id]


def test_the_parts_picker_offers_the_units_category_first(workshop, qtbot, data_dir):
    """At the bench the technician picks the part for the unit in front of him: a phone's parts come first, though
    a chair's part sorts before them by code."""
    from shop_aftersales.ui.context import AppContext
    from shop_aftersales.ui.repair_dialogs import UsePartDialog

    phones, chairs = workshop["phone"].category_id, workshop["chair"].category_id
    repairs.save_part("A-LUN", "静音滚轮", category_id=chairs)
    repairs.save_part("B-PM", "X1 屏幕总成", category_id=phones)
    repairs.save_part("C-DC", "X1 电池", category_id=phones)
    assert [s.part.sku for s in repairs.parts_stock()] == ["A-LUN", "B-PM", "C-DC"]
    assert [s.part.sku for s in repairs.parts_stock(category_first=phones)] == ["B-PM", "C-DC", "A-LUN"]
    item = bring_back(workshop, 0)
    context = AppContext(data_dir)
    dialog = UsePartDialog(context, repair_of(item))
    qtbot.addWidget(dialog)
    assert [dialog.part.itemText(i).split()[0] for i in range(dialog.part.count())] == ["B-PM", "C-DC", "A-LUN"]
    assert dialog.part.currentText().startswith("B-PM")
    context.ops.shutdown()
