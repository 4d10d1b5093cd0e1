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
