"""The returns flow through the real widgets: scan a receipt, pick two lines, save, read the printed slip
back, classify one unit repairable and one scrap, refund the scrapped one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from shop_aftersales.clock import now
from shop_aftersales.models import AftersalesItem, Refund, ReturnOrder, Sale, SaleLine, ScrapRecord, StockMove
from shop_aftersales.services.checks import run_checks
from shop_aftersales.services.ledger import on_hand
from shop_aftersales.services.returns import returned_quantity
from shop_aftersales.ui.actions import InspectDialog, RefundDialog, ScrapDialog
from shop_aftersales.ui.item_card import ItemCard
from shop_aftersales.ui.return_order import ReturnOrderDialog

from helpers import pdf_text, settle, visible  # noqa: E402

pytestmark = pytest.mark.gui


def recent_sale_with_two_lines() -> Sale:
    since = now() - dt.timedelta(days=5)
    for sale in Sale.select().where((Sale.sold_at >= since) & Sale.customer.is_null(False)).order_by(Sale.id):
        lines = list(sale.lines)
        if len(lines) >= 2 and not any(returned_quantity(line.id) for line in lines):
            return sale
    raise AssertionError("the demo shop has no recent sale with two lines")


def test_scan_pick_save_print_inspect_scrap_refund(window, qtbot):
    sale = recent_sale_with_two_lines()
    intake = window.intake_tab
    form = intake.form
    form.find_edit.setFocus()
    qtbot.keyClicks(form.find_edit, sale.receipt_no)
    qtbot.keyClick(form.find_edit, Qt.Key.Key_Return)
    assert len(form.rows) == sale.lines.count()
    assert sale.receipt_no in form.sale_label.text()

    for row in (0, 1):
        form.set_checked(row, True)
        form.table.selectRow(row)
        form.reason.setCurrentIndex(form.reason.findData("quality"))
        form.condition.setCurrentIndex(form.condition.findData("used"))
        qtbot.keyClicks(form.accessories, "box")
    form.fault.setPlainText("屏幕闪烁")
    assert "Allowed" in form.verdict.text()
    moves_before = StockMove.select().count()

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    order = ReturnOrder.select().order_by(ReturnOrder.id.desc()).get()
    assert order.sale_id == sale.id and order.items.count() == 2
    assert StockMove.select().count() == moves_before + 2
    assert order.number in form.result.text()
    dialog = visible(ReturnOrderDialog)
    assert dialog.order_id == order.id

    slip = window.context.documents_dir / "return-slips" / f"{order.number}.pdf"
    text = pdf_text(slip)
    assert order.number in text and sale.customer.name in text

    first, second = sorted(order.items, key=lambda i: i.id)
    # classify the first unit repairable, from the inspection queue
    intake.pages.setCurrentWidget(intake.inspection)
    queue = intake.inspection
    row = next(r for r in range(queue.model.rowCount()) if queue.model.row_id(r) == first.id)
    queue.select_row(row)
    inspect_button = next(b for b in queue.findChildren(QPushButton) if b.text() == "Inspect…")
    qtbot.mouseClick(inspect_button, Qt.MouseButton.LeftButton)
    inspect = visible(InspectDialog)
    inspect.findings.setPlainText("主板虚焊,可修")
    inspect.choose("repairable")
    inspect.buttons.button(inspect.buttons.StandardButton.Ok).click()
    settle(qtbot, window)
    assert AftersalesItem.get_by_id(first.id).status == "repairable"

    # scrap the second from its ID card, then refund it
    card = intake.open_card(second.id)
    assert isinstance(card, ItemCard)
    in_inspection = on_hand(second.product, "inspection")  # other units of the product may be there too
    qtbot.mouseClick(card.action_buttons["scrapped"], Qt.MouseButton.LeftButton)
    scrap = visible(ScrapDialog)
    scrap.reason.setPlainText("外壳碎裂,无法修复")
    scrap.buttons.button(scrap.buttons.StandardButton.Ok).click()
    settle(qtbot, window)
    second = AftersalesItem.get_by_id(second.id)
    assert second.status == "scrapped"
    assert ScrapRecord.get(ScrapRecord.item == second).approved_by.role == "owner"

    qtbot.mouseClick(card.action_buttons["refund"], Qt.MouseButton.LeftButton)
    refund = visible(RefundDialog)
    expected = second.unit_price * second.quantity
    assert Decimal(str(refund.amount.value())).quantize(Decimal("0.01")) == expected
    refund.buttons.button(refund.buttons.StandardButton.Ok).click()
    settle(qtbot, window)
    assert Refund.get(Refund.item == second).amount == expected
    assert AftersalesItem.get_by_id(second.id).resolution_state == "done"
    assert "Refund paid" in card.history_table.item(card.history_table.rowCount() - 1, 2).text()
    assert on_hand(second.product, "inspection") == in_inspection - second.quantity  # it left for scrap
    assert run_checks() == []


def test_a_refused_return_keeps_everything_typed(window, qtbot, monkeypatch):
    """What the form cannot foresee (here: another counter registered the same unit meanwhile) is refused by the
    step, said, and leaves the form as it was."""
    from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

    shown = []
    monkeypatch.setattr("shop_aftersales.ui.intake_form.show_error", lambda parent, error: shown.append(str(error)))
    sale = recent_sale_with_two_lines()
    form = window.intake_tab.form
    form.find_edit.setText(sale.receipt_no)
    form.find_sale()
    form.set_checked(0, True)
    form.table.selectRow(0)
    assert not form.save_button.isEnabled()  # no reason yet: Save cannot succeed, and says why
    assert "Give the reason why" in form.save_button.toolTip() and "Give the reason why" in form.save_hint.text()
    form.reason.setCurrentIndex(form.reason.findData("quality"))
    form.fault.setPlainText("屏幕闪烁")
    form.note.setText("顾客很着急")
    assert form.save_button.isEnabled() and form.save_hint.text() == ""
    line = sale.lines.order_by(SaleLine.line_no).first()
    register_return(ReturnRequest(lines=[ReturnLine(product_id=line.product_id, quantity=line.quantity,
                                                    reason="quality", condition="opened",
                                                    requested_resolution="refund", sale_line_id=line.id)],
                                  sale_id=sale.id))  # the other counter
    orders_before = ReturnOrder.select().count()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert shown and "can still come back" in shown[0]
    assert form.rows[0].checked and form.fault.toPlainText() == "屏幕闪烁"
    assert form.note.text() == "顾客很着急" and form.sale is not None
    assert form.save_button.isEnabled()  # ready to try again once it is sorted out
    assert ReturnOrder.select().count() == orders_before


def test_a_scanned_item_label_opens_the_id_card(window, qtbot):
    sale = recent_sale_with_two_lines()
    line = sale.lines.order_by(SaleLine.line_no).first()
    form = window.intake_tab.form
    form.find_edit.setText(sale.receipt_no)
    form.find_sale()
    form.set_checked(0, True)
    form.table.selectRow(0)
    form.reason.setCurrentIndex(form.reason.findData("quality"))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    item = AftersalesItem.get(AftersalesItem.sale_line == line)
    window.search.setText(item.code)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    card = visible(ItemCard)
    assert card.item_id == item.id and item.code in card.windowTitle()


def test_a_receipt_found_with_the_search_box_starts_a_return(window, qtbot):
    from shop_aftersales.ui.records import SaleDialog

    sale = recent_sale_with_two_lines()
    window.search.setText(sale.receipt_no)  # its number scanned: the return form, that receipt loaded
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.intake_tab
    assert window.intake_tab.form.sale.id == sale.id and len(window.intake_tab.form.rows) == sale.lines.count()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, SaleDialog) and w.isVisible()]

    window.intake_tab.form.clear()
    window.tabs.setCurrentWidget(window.today_tab)
    line = sale.lines.where(SaleLine.serial.is_null(False)).first() or sale.lines.first()
    if line.serial:  # found by a line's serial: the receipt opens, Register a return… is its default button
        window.search.setText(line.serial)
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
        dialog = visible(SaleDialog)
    else:
        dialog = SaleDialog(sale.id, window, window.start_return)
        qtbot.addWidget(dialog)
        dialog.show()
    assert dialog.return_button.isDefault()
    qtbot.mouseClick(dialog.return_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.intake_tab
    assert window.intake_tab.form.sale.id == sale.id and len(window.intake_tab.form.rows) == sale.lines.count()


def test_the_slip_prints_through_a_printer(window, tmp_path):
    """What the print preview does: render the slip onto a QPrinter (here writing PDF)."""
    from PySide6.QtPrintSupport import QPrinter

    from shop_aftersales.printing.slip import render_slip

    order = ReturnOrder.select().first()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    render_slip(order.id, printer)
    del printer
    assert order.number in pdf_text(tmp_path / "printed.pdf")
