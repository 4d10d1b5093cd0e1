"""The schedule board through the real widgets: drag a card onto a technician's day, plan by keyboard,
plan for me, and the progress through a repair."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from shop_aftersales.clock import today
from shop_aftersales.models import AftersalesItem, RepairOrder, Technician
from shop_aftersales.models.repairs import WAITING
from shop_aftersales.services import repairs
from shop_aftersales.services.checks import run_checks
from shop_aftersales.ui.repair_board import card_mime
from shop_aftersales.ui.repair_dialogs import FinishDialog, LogHoursDialog, ProposalDialog, RepairDialog

from helpers import settle, visible  # noqa: E402

pytestmark = pytest.mark.gui


def unplanned(window, qtbot) -> RepairOrder:
    """Take one waiting repair off the board so it lies on the unscheduled pile."""
    repair = RepairOrder.select().where(RepairOrder.state == WAITING).order_by(RepairOrder.id).first()
    window.context.ops.run(repairs.plan, repair.id, None, None)
    settle(qtbot, window)
    return repair


@pytest.fixture
def board(window):
    window.tabs.setCurrentWidget(window.repairs_tab)
    return window.repairs_tab.board


def drop(widget, repair_id: int) -> None:
    """What a mouse drag does at its end: a drag-enter and a drop carrying the card's data."""
    pos = widget.rect().center()
    mime = card_mime(repair_id)  # (kept alive while the events point at it)
    enter = QDragEnterEvent(pos, Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(pos.toPointF(), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def next_working_day(tech: Technician) -> dt.date:
    day = today()
    while not tech.works_on(day):
        day += dt.timedelta(days=1)
    return day


def test_dragging_a_card_onto_a_day_plans_it(window, board, qtbot):
    repair = unplanned(window, qtbot)
    assert repair.id in board.cards and board.cards[repair.id].parent() is board.pile
    tech = next(t for t in repairs.technicians() if t.works_on(next_working_day(t)))
    day = next_working_day(tech)
    if (tech.id, day) not in board.cells:  # the working day is next week
        window.repairs_tab.show_week(day)
    drop(board.cells[(tech.id, day)], repair.id)
    settle(qtbot, window)
    planned = RepairOrder.get_by_id(repair.id)
    assert (planned.technician_id, planned.planned_on) == (tech.id, day)
    assert board.cards[repair.id].parent() is board.cells[(tech.id, day)]  # the board redrew itself
    # and back onto the pile
    drop(board.pile, repair.id)
    settle(qtbot, window)
    assert RepairOrder.get_by_id(repair.id).planned_on is None


def test_a_day_off_does_not_take_a_card(window, board, qtbot):
    repair = unplanned(window, qtbot)
    off = next(((t, d) for (t, d), cell in board.cells.items() if not cell.accepts), None)
    if off is None:
        pytest.skip("every technician works every day this week")
    cell = board.cells[off]
    mime = card_mime(repair.id)
    enter = QDragEnterEvent(cell.rect().center(), Qt.DropAction.MoveAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(cell, enter)
    assert not enter.isAccepted()


def test_planning_by_keyboard(window, board, qtbot):
    repair = unplanned(window, qtbot)
    card = board.cards[repair.id]
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Return)
    dialog = visible(RepairDialog)
    tech = repairs.technicians()[0]
    dialog.tech.setCurrentIndex(dialog.tech.findData(tech.id))
    day = next_working_day(tech)
    dialog.day.setDate(day)
    dialog.plan_button.setFocus()
    qtbot.keyClick(dialog.plan_button, Qt.Key.Key_Space)
    settle(qtbot, window)
    assert RepairOrder.get_by_id(repair.id).planned_on == day
    dialog.close()


def test_plan_for_me_shows_the_proposal_before_applying_it(window, board, qtbot):
    repair = unplanned(window, qtbot)
    qtbot.mouseClick(window.repairs_tab.plan_button, Qt.MouseButton.LeftButton)
    proposal = visible(ProposalDialog)
    assert repair.id in [p.repair.id for p in proposal.proposals]
    assert RepairOrder.get_by_id(repair.id).planned_on is None  # shown, not yet written
    proposal.buttons.button(proposal.buttons.StandardButton.Apply).click()
    settle(qtbot, window)
    assert RepairOrder.get_by_id(repair.id).planned_on is not None
    assert run_checks() == []


def test_start_log_and_finish_through_the_repair_dialog(window, board, qtbot):
    repair = RepairOrder.select().where(RepairOrder.state == WAITING).order_by(RepairOrder.id).first()
    dialog = window.repairs_tab.open_repair(repair.id)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert RepairOrder.get_by_id(repair.id).state == "in_progress"
    assert AftersalesItem.get_by_id(repair.item_id).status == "in_repair"
    qtbot.mouseClick(dialog.hours_button, Qt.MouseButton.LeftButton)
    hours = visible(LogHoursDialog)
    hours.hours.setValue(2.5)
    hours.buttons.button(hours.buttons.StandardButton.Ok).click()
    settle(qtbot, window)
    assert repairs.repair_cost(RepairOrder.get_by_id(repair.id)).labour_hours == Decimal("2.50")
    assert "2.5 h" in dialog.costs.text()
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    finish = visible(FinishDialog)
    finish.note.setPlainText("换屏后测试正常")
    finish.buttons.button(finish.buttons.StandardButton.Ok).click()
    settle(qtbot, window)
    item = AftersalesItem.get_by_id(repair.item_id)
    assert item.status in ("qc", "ready_for_pickup")
    assert RepairOrder.get_by_id(repair.id).state == "done"
    assert run_checks() == []


def test_finishing_a_repair_never_started_is_refused_on_screen(window, board, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr("shop_aftersales.ui.actions.show_error", lambda parent, error: shown.append(str(error)))
    repair = RepairOrder.select().where(RepairOrder.state == WAITING).first()
    dialog = window.repairs_tab.open_repair(repair.id)
    assert not dialog.finish_button.isEnabled()  # the screen does not offer it
    finish = FinishDialog(window.context, repair, dialog)  # and the step refuses it anyway
    finish.note.setPlainText("想直接完成")
    finish.submit()
    settle(qtbot, window)
    assert shown and "never started" in shown[0]
    assert finish.note.toPlainText() == "想直接完成"


def test_technicians_and_spare_parts_through_their_dialogs(window, board, qtbot):
    from shop_aftersales.models import Product
    from shop_aftersales.ui.repair_dialogs import PartDialog, ReceivePartsDialog, TechniciansDialog

    techs = TechniciansDialog(window.context)
    qtbot.addWidget(techs)
    row = next(r for r in range(techs.people.count()) if techs.people.item(r).text() == "周工")
    techs.people.setCurrentRow(row)
    techs.capacity.setValue(5)
    techs.days[6].setChecked(False)  # no more Sundays
    techs.buttons.button(techs.buttons.StandardButton.Save).click()
    settle(qtbot, window)
    zhou = Technician.get(Technician.staff == techs.staff[row])
    assert zhou.capacity == Decimal("5.00") and "7" not in zhou.working_days

    part = PartDialog(window.context)
    qtbot.addWidget(part)
    part.sku.setText("PJ-TEST")
    part.name.setText("测试配件")
    part.bin.setText("Z-9")
    part.buttons.button(part.buttons.StandardButton.Ok).click()
    settle(qtbot, window)
    created = Product.get(Product.sku == "PJ-TEST")
    assert created.kind == "part" and created.bin == "Z-9"
    receive = ReceivePartsDialog(window.context, created.id)
    qtbot.addWidget(receive)
    receive.quantity.setValue(4)
    receive.cost.setValue(12.5)
    receive.buttons.button(receive.buttons.StandardButton.Ok).click()
    settle(qtbot, window)
    assert Product.get_by_id(created.id).cost == Decimal("12.50")
    assert [p.on_hand for p in repairs.parts_stock() if p.part.id == created.id] == [4]


def test_the_pickup_message_is_copied_for_sms(window, board, qtbot):
    from PySide6.QtGui import QGuiApplication

    tab = window.repairs_tab
    tab.pages.setCurrentWidget(tab.pickup)
    assert tab.pickup.model.total() >= 1
    item_id = tab.pickup.model.row_id(0)
    text = tab.copy_message(item_id)
    assert QGuiApplication.clipboard().text() == text
    assert AftersalesItem.get_by_id(item_id).code in text and "星河生活馆" in text


def late_rows(page) -> int:
    return sum(1 for entry in page.entries if entry.late)


def test_the_board_moves_on_when_the_date_changes(window, board, qtbot):
    """A window left open over the weekend: on Monday morning the board shows the new week, and yesterday's
    cells (now past) take no card; without the refresh the old week stayed, accepting drops the service then
    refused."""
    from shop_aftersales import clock

    start = today()
    assert start in board.board.days
    warehouse = window.today_tab.queue_pages["warehouse"]
    inspect_late_before = late_rows(warehouse)
    next_monday = clock.monday_of(start) + dt.timedelta(days=7)
    with clock.frozen(dt.datetime.combine(next_monday, dt.time(8, 0))):
        assert window.context.check_date()
        settle(qtbot, window)
        # the queues were read again: what was promised for this week is late now
        assert late_rows(warehouse) > inspect_late_before
        assert board.board.days[0] == next_monday
        assert all(day >= next_monday for _tech, day in board.cells)
        tech = next(t for t in repairs.technicians() if t.works_on(next_monday))
        assert board.cells[(tech.id, next_monday)].accepts
        assert window.repairs_tab.week_label.text().startswith(next_monday.isoformat())
        assert not window.context.check_date()  # nothing more until the next day


def test_date_fields_start_on_the_app_clocks_today(window, qtbot):
    """The test clock stands at 2026-06-17 whatever the calendar says: every date field defaults to it."""
    from PySide6.QtCore import QDate

    from shop_aftersales.ui.intake_form import NoReceiptDialog

    expected = QDate(today())
    no_receipt = NoReceiptDialog(window)
    qtbot.addWidget(no_receipt)
    assert no_receipt.date.date() == expected
    repair = RepairOrder.select().where(RepairOrder.state == WAITING, RepairOrder.planned_on.is_null()).first()
    dialog = window.repairs_tab.open_repair(repair.id)
    assert dialog.day.date() == expected
    dialog.close()
    from shop_aftersales.ui.audit_dialog import AuditDialog

    audit = AuditDialog(window.context, window)
    qtbot.addWidget(audit)
    assert audit.end.date() == expected and audit.start.date() == expected.addDays(-30)
