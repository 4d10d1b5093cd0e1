"""The stock-count screen and the audit log through the real widgets."""

from __future__ import annotations

import pytest
import shiboken6
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from helpers import settle  # noqa: E402
from shop_aftersales.models import AftersalesItem, ItemEvent, StockCount
from shop_aftersales.services.checks import run_checks
from shop_aftersales.ui.audit_dialog import AuditDialog
from shop_aftersales.ui.stock_count_dialog import StockCountDialog

pytestmark = pytest.mark.gui


def test_a_count_through_the_screen(window, qtbot):
    dialog = window.stock_tab.open_count()
    assert isinstance(dialog, StockCountDialog) and dialog.start_button.isEnabled()
    assert dialog.blind_start.isChecked()  # blind by default; this count shows what the ledger expects
    dialog.blind_start.setChecked(False)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    model = dialog.model
    assert dialog.count is not None and model.rowCount() > 0
    # type every counted quantity as expected, one short: into the table's editor, as a person does
    view = dialog.table
    for row in range(model.rowCount()):
        expected = int(model.index(row, 5).data())
        typed = str(expected - 1 if row == 0 and expected > 0 else expected)
        index = model.index(row, 6)
        view.setCurrentIndex(index)
        view.edit(index)
        editor = view.indexWidget(index)  # the delegate's editor
        assert isinstance(editor, QLineEdit)
        editor.setText(typed)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.state() != view.State.EditingState)  # the delegate commits queued
        settle(qtbot, window)
        assert model.index(row, 6).data() == typed  # saved, and shown from the database
    assert "1 differences" in dialog.summary.text() and "0 not counted" in dialog.summary.text()
    assert model.index(0, 6).data(Qt.ItemDataRole.BackgroundRole) is not None  # the difference is marked
    count_id = dialog.count.id
    dialog.post("盘亏")
    settle(qtbot, window)
    assert StockCount.get_by_id(count_id).state == "posted"
    assert dialog.summary.text().startswith("Posted PD") and not dialog.post_button.isEnabled()
    assert run_checks() == []


def test_scanning_counts_the_line_and_shows_it(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr("shop_aftersales.ui.stock_count_dialog.show_error", lambda p, e: shown.append(str(e)))
    dialog = window.stock_tab.open_count()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    model = dialog.model
    last = model.rowCount() - 1
    serial = next(r for r in range(last, -1, -1) if model.index(r, 4).data())  # a unit far down the list
    qtbot.keyClicks(dialog.scan_edit, model.index(serial, 4).data())
    qtbot.keyClick(dialog.scan_edit, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert model.index(serial, 6).data() == "1" and dialog.table.currentIndex().row() == serial
    assert dialog.scan_edit.text() == "" and not shown
    qtbot.keyClicks(dialog.scan_edit, "NO-SUCH-CODE")
    qtbot.keyClick(dialog.scan_edit, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert shown and "Nothing has the code NO-SUCH-CODE" in shown[0]
    assert dialog.scan_edit.text() == "NO-SUCH-CODE"  # given back to be read or corrected, not lost
    editor_index = model.index(serial, 6)
    dialog.table.edit(editor_index)
    editor = dialog.table.indexWidget(editor_index)
    qtbot.keyClicks(editor, "x7")
    assert editor.text() == "1"  # a serialised unit is 0 or 1: letters and 7 never get in


def test_the_audit_log_filters_and_exports(window, qtbot, tmp_path):
    dialog = AuditDialog(window.context, window)
    qtbot.addWidget(dialog)
    total = ItemEvent.select().count()
    assert dialog.model.total() == total
    item = AftersalesItem.select().first()
    dialog.filter.setText(item.code)
    qtbot.waitUntil(lambda: dialog.model.total() == ItemEvent.select().where(ItemEvent.item == item).count())
    dialog.staff.setCurrentIndex(1)
    from shop_aftersales.services.audit import export

    path = export(dialog.source(), tmp_path / "audit.xlsx")
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0] == ("When", "Who", "Item code", "Event", "Note")
    assert len(rows) - 1 == dialog.model.total()
    dialog.staff.setCurrentIndex(0)  # everyone: the item's whole history, worded as on its ID card
    from shop_aftersales.services.cards import history

    path = export(dialog.source(), tmp_path / "item.xlsx")
    rows = list(load_workbook(path).active.iter_rows(values_only=True))[1:]
    assert [(row[1], row[3], row[4]) for row in rows] == [(who, what, note or None) for _w, who, what, note in
                                                          history(item.id)]


def test_the_audit_log_is_exported_off_the_gui_thread_even_when_huge(window, qtbot, tmp_path):
    """33 000 events (more than SQLite takes as parameters of one query: the export used to fail on a busy
    shop), written by the writer thread while the window stays responsive."""
    import datetime as dt

    from shop_aftersales.models import db
    from shop_aftersales.models.aftersales import EVENT_NOTE

    item = AftersalesItem.select().first()
    start = dt.datetime(2020, 1, 1)
    rows = [{"item": item.id, "code": EVENT_NOTE, "created_at": start + dt.timedelta(minutes=n), "note": f"n{n}",
             "data": "{}", "from_status": "", "to_status": ""} for n in range(33_000)]
    with db.atomic():
        for chunk in range(0, len(rows), 2000):
            ItemEvent.insert_many(rows[chunk:chunk + 2000]).execute()
    dialog = AuditDialog(window.context, window)
    qtbot.addWidget(dialog)
    path = tmp_path / "audit.xlsx"
    dialog.export_to(path)
    settle(qtbot, window, 60_000)
    sheet = load_workbook(path, read_only=True).active
    assert sum(1 for _row in sheet.iter_rows(values_only=True)) == 1 + ItemEvent.select().count()
    assert "Workbook saved" in window.statusBar().currentMessage()


def test_a_unit_found_that_the_ledger_has_with_a_customer_asks_the_owner(window, qtbot):
    """Scanned in a count of the resale shelf: a serial handed to a customer in an exchange. The screen says
    where the ledger has it; posting asks for the owner's approval, and Cancel is the default."""
    from shop_aftersales.models import Exchange, Staff
    from shop_aftersales.services import stock_count
    from shop_aftersales.services.ledger import serial_location
    from shop_aftersales.ui.stock_count_dialog import PostCountDialog

    given = Exchange.select().where(Exchange.serial.is_null(False)).first()
    dialog = window.stock_tab.open_count()
    for code, box in dialog.zone_boxes.items():
        box.setChecked(code == "resale")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    for line in stock_count.line_rows(dialog.count.id):
        window.context.ops.run(stock_count.set_counted, dialog.count.id, line[0], line[7])
    settle(qtbot, window)
    qtbot.keyClicks(dialog.scan_edit, given.serial)
    qtbot.keyClick(dialog.scan_edit, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert "the ledger has it in “Customers”" in dialog.summary.text()
    dialog.reload()
    count_id = dialog.count.id
    post = dialog.ask_post()
    assert isinstance(post, PostCountDialog) and post.owner is not None
    assert not post.ok_button.isEnabled()  # the reason first
    post.reason.setText("盘点：换货时顾客未取走")
    assert post.ok_button.isEnabled()
    post.owner.owner.setCurrentIndex(post.owner.owner.findData(Staff.get(Staff.role == "owner").id))
    post.ok_button.click()
    settle(qtbot, window)
    assert StockCount.get_by_id(count_id).state == "posted"
    assert serial_location(given.product, given.serial).code == "resale"
    assert run_checks() == []


def test_a_blind_count_hides_the_expected_until_posted_and_asks_the_reason_only_when_it_can_post(window, qtbot,
                                                                                                  monkeypatch):
    """Blind by default: no expected quantity, no difference on the screen while counting; Post is disabled
    (saying why) while lines are uncounted, and the reason is asked only once the count can be posted."""
    from shop_aftersales.services import stock_count
    from shop_aftersales.ui.stock_count_dialog import EXPECTED, PostCountDialog

    refused = []
    monkeypatch.setattr("shop_aftersales.ui.stock_count_dialog.show_error", lambda p, e: refused.append(str(e)))
    dialog = window.stock_tab.open_count()
    assert dialog.blind_start.isChecked()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert stock_count.is_blind(dialog.count) and not dialog.blind_start.isEnabled()
    model = dialog.model
    assert dialog.table.isColumnHidden(EXPECTED)
    assert all(model.index(r, EXPECTED).data() == "" for r in range(model.rowCount()))
    assert "differences" not in dialog.summary.text()
    assert dialog.blind_box.isChecked() and not dialog.blind_box.isEnabled()  # its sheet is blind as well
    assert not dialog.post_button.isEnabled() and "not counted yet" in dialog.post_button.toolTip()
    assert dialog.ask_post() is None and refused and "not counted yet" in refused[0]  # no reason asked in vain
    lines = stock_count.line_rows(dialog.count.id)
    for n, line in enumerate(lines):  # one short, as a person would find it
        window.context.ops.run(stock_count.set_counted, dialog.count.id, line[0],
                               max(line[7] - 1, 0) if n == 0 else line[7])
    settle(qtbot, window)
    dialog.reload()
    assert dialog.post_button.isEnabled()
    assert model.index(0, 6).data(Qt.ItemDataRole.BackgroundRole) is None  # the difference is not shown either
    post = dialog.ask_post()
    assert isinstance(post, PostCountDialog)
    post.reason.setText("月度盘点")
    post.ok_button.click()
    settle(qtbot, window)
    assert not shiboken6.isValid(post) or not post.isVisible()  # closed once posted (and deleted on close)
    count = StockCount.get_by_id(dialog.count.id)
    assert count.state == "posted" and count.reason == "月度盘点"
    # posted: the count stays in view with what the ledger expected and the differences
    assert not dialog.table.isColumnHidden(EXPECTED)
    assert model.index(0, EXPECTED).data() == str(lines[0][7])
    assert dialog.summary.text().startswith("Posted PD") and not dialog.post_button.isEnabled()
    assert dialog.start_button.isEnabled() and run_checks() == []



def _no_schedule_yet() -> None:
    """The demo shop's owner schedules the resale shelf and inspection: these tests start from no schedule."""
    from shop_aftersales.models import Staff
    from shop_aftersales.services import stock_count

    stock_count.set_count_schedule({"resale": None, "inspection": None}, Staff.get(Staff.role == "owner"))

def test_schedule_count_and_history_through_the_screens(window, qtbot):
    """A zone due for its count opens ticked; the owner schedules zones on the schedule screen; a count posted
    through the screen shows in the History tab with its variance, and the zone's next due date moves on."""
    import datetime as dt

    from helpers import TEST_NOW
    from shop_aftersales.models import Product, StockCountLine
    from shop_aftersales.models.counts import CountSchedule
    from shop_aftersales.services import stock_count
    from shop_aftersales.ui.count_schedule_dialog import CUSTOM, CountScheduleDialog

    _no_schedule_yet()
    dialog = StockCountDialog(window.context, window, zones=["resale"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert [code for code, box in dialog.zone_boxes.items() if box.isChecked()] == ["resale"]
    assert dialog.due_label.text() == ""  # nothing is scheduled yet

    schedule = dialog.open_schedule()
    assert isinstance(schedule, CountScheduleDialog)
    assert not schedule.save_button.isEnabled() and schedule.save_button.toolTip() == "Nothing has been changed."
    schedule.choices["resale"].setCurrentIndex(schedule.choices["resale"].findData(30))
    inspection = schedule.choices["inspection"]
    assert not schedule.days["inspection"].isVisibleTo(schedule)  # the number of days only for "every N days"
    inspection.setCurrentIndex(inspection.findData(CUSTOM))
    assert schedule.days["inspection"].isVisibleTo(schedule)
    schedule.days["inspection"].setValue(10)
    assert schedule.save_button.isEnabled()
    qtbot.mouseClick(schedule.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert not schedule.isVisible()
    assert {row.location.code: row.interval_days for row in CountSchedule.select()} == {"resale": 30, "inspection": 10}
    # never counted: due at once, and the count screen says so
    assert dialog.due_label.text() == "Due for their count: Inspection, Resale shelf"

    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    count_id = dialog.count.id
    assert stock_count.count_zones(dialog.count) == ["resale"]
    lines = list(StockCountLine.select().where(StockCountLine.count == count_id).order_by(StockCountLine.id))
    assert lines
    short = lines[0]  # one unit of the first line is missing, the rest is as the ledger says
    for line in lines:
        stock_count.set_counted(count_id, line.id, line.expected - 1 if line.id == short.id else line.expected)
    cost = Product.get_by_id(short.product_id).cost
    dialog.reload()
    dialog.post("月度盘点")
    settle(qtbot, window)
    assert StockCount.get_by_id(count_id).state == "posted"

    dialog.tabs.setCurrentWidget(dialog.history)
    zones = dialog.history.zones_model
    rows = {zones.index(r, 0).data(): [zones.index(r, c).data() for c in range(zones.columnCount())]
            for r in range(zones.rowCount())}
    number = StockCount.get_by_id(count_id).number
    due = (TEST_NOW.date() + dt.timedelta(days=30)).isoformat()
    assert rows["Resale shelf"] == ["Resale shelf", "Monthly (every 30 days)", f"{TEST_NOW:%Y-%m-%d %H:%M}", number,
                                    "0 · ¥0.00", f"−1 · −¥{cost:,.2f}", f"−¥{cost:,.2f}", due]
    assert rows["Inspection"][1:4] == ["Every 10 days", "never", ""]
    assert rows["Inspection"][7] == f"{TEST_NOW:%Y-%m-%d} (due)"
    assert rows["Sellable stock"][1] == "Not scheduled" and rows["Sellable stock"][7] == "—"
    counts = dialog.history.counts_model
    assert [counts.index(0, c).data() for c in range(counts.columnCount())] == [
        number, f"{TEST_NOW:%Y-%m-%d %H:%M}", "Resale shelf", window.context.staff.name, str(len(lines)),
        "0 · ¥0.00", f"−1 · −¥{cost:,.2f}", f"−¥{cost:,.2f}"]
    assert dialog.due_label.text() == "Due for their count: Inspection"  # the resale shelf was just counted
    dialog.history.grab().save(str(window.context.data_dir / "history.png"))


def test_the_schedule_takes_the_owners_pin(window, qtbot):
    from shop_aftersales.models import Staff
    from shop_aftersales.models.counts import CountSchedule
    from shop_aftersales.models.documents import SettingChange
    from shop_aftersales.services import staff as staff_steps
    from shop_aftersales.ui.count_schedule_dialog import CountScheduleDialog

    owner = Staff.select().where(Staff.role == "owner").first()
    _no_schedule_yet()
    staff_steps.save_staff(owner.id, owner.name, "owner", True, "246813", None)
    dialog = CountScheduleDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choices["resale"].setCurrentIndex(dialog.choices["resale"].findData(7))
    assert dialog.approver.isVisible()
    dialog.approver.owner.setCurrentIndex(dialog.approver.owner.findData(owner.id))
    assert not dialog.save_button.isEnabled() and dialog.save_button.toolTip() == "The owner types the owner's PIN."
    qtbot.keyClicks(dialog.approver.pin, "246813")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert [(r.location.code, r.interval_days) for r in CountSchedule.select()] == [("resale", 7)]
    change = SettingChange.select().order_by(SettingChange.id.desc()).first()
    assert (change.subject, change.before, change.after, change.approved_by_id) == (
        "Count schedule: Resale shelf", "Not scheduled", "Weekly", owner.id)
