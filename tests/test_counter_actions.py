"""At the counter, counted: from a scanned receipt to a printed return slip in at most six actions of the user, on
the real main window. Every key press and click the test makes goes through one counter, and every key goes to
the widget that has the focus (as a person's keyboard does): where the focus lands after each step is part of what
is tested. A scanner's code + Enter is one action; free text typed into a field is one action per field.

Printing is redirected as in test_printer_settings.py: the suite sees no printer, so one is stood in for whose
jobs land in PDF files, read back with pdftotext. Then: the shortcuts of ui/shortcuts.py, each listed in Help →
Keyboard shortcuts and each doing what it says; the defaults of the receipt and the return; the status bar."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QWidget

from shop_aftersales import config
from shop_aftersales.clock import now
from shop_aftersales.models import AftersalesItem, ReturnOrder, Sale, SaleLine
from shop_aftersales.services.checks import run_checks
from shop_aftersales.services.returns import returned_quantity
from shop_aftersales.ui import print_ui, shortcuts
from shop_aftersales.ui.print_ui import PreviewDialog
from shop_aftersales.ui.records import SaleDialog
from shop_aftersales.ui.return_order import ReturnOrderDialog

from helpers import pdf_text, settle, visible  # noqa: E402

pytestmark = pytest.mark.gui

LIMIT = 6  # the promise: receipt → printed slip in at most six actions


class Counter:
    """The user's hands: every key and click goes through here and is counted."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.done: list[str] = []

    @staticmethod
    def focus() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def scan(self, code: str) -> None:
        """A barcode scanner: the code and Enter, into whatever has the focus (one action)."""
        widget = self.focus()
        self.done.append(f"scan {code} into {type(widget).__name__}")
        self.qtbot.keyClicks(widget, code)
        self.qtbot.keyClick(widget, Qt.Key.Key_Return)

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QWidget:
        widget = self.focus()
        self.done.append(f"key {key.name} {modifier.name} on {type(widget).__name__}")
        self.qtbot.keyClick(widget, key, modifier)
        return widget

    def type(self, text: str) -> None:
        """Free text into the focused field (one action per field)."""
        widget = self.focus()
        self.done.append(f"type {text!r} into {type(widget).__name__}")
        self.qtbot.keyClicks(widget, text)

    def click(self, widget: QWidget) -> None:
        self.done.append(f"click {type(widget).__name__} {getattr(widget, 'text', lambda: '')()}")
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def __len__(self) -> int:
        return len(self.done)


@pytest.fixture
def printers(monkeypatch, tmp_path):
    """Two printers stood in for (the office laser is the default, the label printer is chosen for labels);
    every job lands in a PDF file. Returns the list of (printer, file) printed, in order."""
    jobs: list[tuple[str, str]] = []
    keep: list[QPrinter] = []

    def to_file(name, title):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        path = tmp_path / f"job-{len(jobs)}.pdf"
        printer.setOutputFileName(str(path))
        printer.setDocName(title)
        jobs.append((name, str(path)))
        keep.append(printer)
        return printer

    config.settings().remove("printing")
    monkeypatch.setattr(print_ui, "installed_printers", lambda: ["Office Laser", "Xprinter XP-420B"])
    monkeypatch.setattr(print_ui, "default_printer", lambda: "Office Laser")
    monkeypatch.setattr(print_ui, "printer_for", to_file)
    print_ui.save_printer_choice(print_ui.ITEM_LABEL, print_ui.PrinterChoice(print_ui.PRINTER, "Xprinter XP-420B"))
    yield jobs
    del keep[:]
    config.settings().remove("printing")


def recent_sale(lines: int, serialised: bool | None = None) -> Sale:
    """A sale of the last five days with a known customer, *lines* lines (at least, for more than one) and nothing
    returned yet."""
    since = now() - dt.timedelta(days=5)
    for sale in Sale.select().where((Sale.sold_at >= since) & Sale.customer.is_null(False)).order_by(Sale.id):
        sold = list(sale.lines)
        if (len(sold) == lines if lines == 1 else len(sold) >= lines) \
                and not any(returned_quantity(line.id) for line in sold) \
                and (serialised is None or sold[0].product.serialised == serialised):
            return sale
    raise AssertionError(f"the demo shop has no recent sale with {lines} line(s)")


def read_jobs(jobs) -> list[tuple[str, str]]:
    QApplication.processEvents()
    import gc

    gc.collect()  # the QPrinters let go: their files are complete
    return [(name, pdf_text(path)) for name, path in jobs]


def test_a_scanned_receipt_to_a_printed_slip_in_six_actions(window, qtbot, printers):
    sale = recent_sale(1, serialised=True)
    line = sale.lines.get()
    orders_before = ReturnOrder.select().count()
    hands = Counter(qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.search.hasFocus())  # the search box has the focus after start

    hands.scan(sale.receipt_no)  # 1: the scanner reads the receipt's barcode
    form = window.intake_tab.form
    assert window.tabs.currentWidget() is window.intake_tab and window.intake_tab.pages.currentWidget() is form
    assert form.sale is not None and form.sale.id == sale.id  # the return form, that receipt loaded
    assert form.rows[0].checked  # its only line is ticked
    assert hands.focus() is form.reason  # the next thing to say: why
    assert not form.save_button.isEnabled()  # not yet: it says what is missing
    assert "Give the reason why" in form.save_button.toolTip() and form.save_hint.text() == form.save_button.toolTip()

    hands.key(Qt.Key.Key_1)  # 2: the numbered list: 1 is Quality fault
    assert form.rows[0].reason == "quality"
    hands.key(Qt.Key.Key_Tab)  # 3: on to what the customer asks for
    assert hands.focus() is form.resolution
    hands.key(Qt.Key.Key_2)  # 4: 2 is Exchange
    assert form.rows[0].resolution == "exchange"
    assert form.save_button.isEnabled() and form.save_hint.text() == ""
    assert not form.override.isEnabled()  # the policy allows it: no exception to write
    hands.key(Qt.Key.Key_Return)  # 5: Enter is Save and print
    settle(qtbot, window)

    assert len(hands) <= LIMIT, hands.done
    assert ReturnOrder.select().count() == orders_before + 1
    order = ReturnOrder.select().order_by(ReturnOrder.id.desc()).get()
    item = AftersalesItem.get(AftersalesItem.order == order)
    assert order.sale_id == sale.id and item.sale_line_id == line.id
    assert (item.reason, item.requested_resolution, item.serial) == ("quality", "exchange", line.serial)
    printed = read_jobs(printers)
    assert [name for name, _ in printed] == ["Office Laser", "Xprinter XP-420B"]  # the slip, then the labels
    assert order.number in printed[0][1] and sale.customer.name in printed[0][1]
    assert item.code in printed[1][1]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewDialog) and w.isVisible()]
    opened = visible(ReturnOrderDialog)  # the return, with its previews one click away
    assert opened.order_id == order.id and opened.preview_button.isVisible() and opened.labels_preview_button.isVisible()
    assert "Office Laser" in opened.printed.text() and "Xprinter XP-420B" in opened.printed.text()
    assert run_checks() == []


def test_a_receipt_of_several_lines_ticks_nothing_and_goes_by_keyboard(window, qtbot, printers):
    sale = recent_sale(2)
    lines = list(sale.lines.order_by(SaleLine.line_no))
    hands = Counter(qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.search.hasFocus())
    hands.scan(sale.receipt_no)
    form = window.intake_tab.form
    assert form.sale.id == sale.id and len(form.rows) == len(lines)
    assert not any(unit.checked for unit in form.rows)  # which ones come back is the customer's to say
    assert hands.focus() is form.table
    assert not form.details.isEnabled()  # nothing ticked: nothing to describe
    assert not form.save_button.isEnabled() and "Tick the units" in form.save_button.toolTip()
    assert "Tick the units" in form.verdict.text() and form.save_hint.text() == ""  # said once, not twice

    hands.key(Qt.Key.Key_Down)  # the second line
    hands.key(Qt.Key.Key_Space)  # ticked
    assert [unit.checked for unit in form.rows][:2] == [False, True]
    assert form.details.isEnabled()
    hands.key(Qt.Key.Key_Tab)
    assert hands.focus() is form.reason
    hands.key(Qt.Key.Key_6)  # 6: Changed mind
    hands.key(Qt.Key.Key_Tab)
    hands.key(Qt.Key.Key_1)  # a refund
    hands.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S: Save and print
    settle(qtbot, window)
    order = ReturnOrder.select().order_by(ReturnOrder.id.desc()).get()
    item = AftersalesItem.get(AftersalesItem.order == order)
    assert order.sale_id == sale.id and item.sale_line_id == lines[1].id
    assert (item.reason, item.requested_resolution) == ("changed_mind", "refund")
    printed = read_jobs(printers)
    assert order.number in printed[0][1] and item.code in printed[1][1]


def test_save_is_disabled_until_it_can_succeed_and_says_why(window, qtbot, printers):
    sale = recent_sale(1)
    form = window.intake_tab.form
    window.start_return(sale.id)
    assert not form.save_button.isEnabled()
    assert "Give the reason why" in form.save_button.toolTip()
    assert form.save_hint.isVisible() and form.save_hint.text() == form.save_button.toolTip()
    orders_before = ReturnOrder.select().count()
    form.fault.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S: nothing saved, it says why
    settle(qtbot, window)
    assert ReturnOrder.select().count() == orders_before
    assert "Give the reason why" in window.statusBar().currentMessage()
    assert form.reason.hasFocus()  # and goes where it is missing
    form.set_checked(0, False)
    assert "Tick the units" in form.save_button.toolTip() and not form.details.isEnabled()
    form.set_checked(0, True)
    form.reason.setCurrentIndex(form.reason.findData("quality"))
    assert form.save_button.isEnabled() and "Settings → Printers" in form.save_button.toolTip()


def test_the_receipt_and_the_return_default_to_the_next_step(window, qtbot, printers):
    sale = recent_sale(2)
    # a receipt found otherwise than by its number (here: the serial of a line) opens as a receipt
    dialog = SaleDialog(sale.id, window, window.start_return)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.return_button.isDefault()
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert not close.isDefault() and not close.autoDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible() and window.intake_tab.form.sale.id == sale.id

    order = ReturnOrder.select().order_by(ReturnOrder.id.desc()).first()
    shown = ReturnOrderDialog(window.context, order.id, window)
    qtbot.addWidget(shown)
    shown.show()
    assert shown.print_button.isDefault()
    qtbot.keyClick(shown, Qt.Key.Key_Return)  # Enter prints the slip
    assert order.number in read_jobs(printers)[0][1]
    qtbot.keyClick(shown, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # and so does Ctrl+P
    assert len(printers) == 2 and "Office Laser" in shown.printed.text()


# ------------------------------------------------------------------ the shortcuts

def test_help_lists_every_shortcut_in_the_table(window, qtbot):
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    action = next(a for a in help_menu.actions() if a.text() == "&Keyboard shortcuts…")
    action.trigger()
    dialog = visible(shortcuts.ShortcutsDialog)
    assert dialog.names() == [entry.name for entry in shortcuts.TABLE]
    for row, entry in enumerate(shortcuts.TABLE):
        assert dialog.table.item(row, 0).text() == shortcuts.keys_text(entry) != ""
        assert dialog.table.item(row, 1).text() == entry.description
    assert dialog.table.item(0, 0).text() == "Ctrl+F"
    keys = {entry.name: shortcuts.keys_text(entry) for entry in shortcuts.TABLE}
    assert keys[shortcuts.NEXT_TAB] == "Ctrl+Tab  /  Ctrl+PgDown"
    # every installed entry is a real action of the window with exactly the keys listed
    for entry in shortcuts.TABLE:
        if entry.installed:
            made = window.shortcut_actions[entry.name]
            assert [k.toString() for k in made.shortcuts()] == list(entry.keys), entry.name
    dialog.grab().save(str(window.context.data_dir / "shortcuts.png"))
    dialog.reject()


def test_each_shortcut_does_what_it_says(window, qtbot, printers):
    window.activateWindow()
    qtbot.waitUntil(lambda: window.search.hasFocus())
    tabs = window.tabs
    assert tabs.currentIndex() == 0

    def press(key, modifier=Qt.KeyboardModifier.NoModifier):
        qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)

    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    press(Qt.Key.Key_Tab, ctrl)
    assert tabs.currentIndex() == 1
    press(Qt.Key.Key_PageDown, ctrl)
    assert tabs.currentIndex() == 2
    press(Qt.Key.Key_PageUp, ctrl)
    assert tabs.currentIndex() == 1
    press(Qt.Key.Key_Backtab, ctrl | shift)  # what Ctrl+Shift+Tab sends
    assert tabs.currentIndex() == 0
    press(Qt.Key.Key_Backtab, ctrl | shift)  # round the end
    assert tabs.currentIndex() == tabs.count() - 1

    window.stock_tab.filter.setFocus()
    press(Qt.Key.Key_F, ctrl)
    assert window.search.hasFocus()

    press(Qt.Key.Key_I, ctrl)  # a new return, ready for the scan
    form = window.intake_tab.form
    assert window.current_page() is form and form.find_edit.hasFocus()

    sale = recent_sale(1)
    qtbot.keyClicks(form.find_edit, sale.receipt_no)
    qtbot.keyClick(form.find_edit, Qt.Key.Key_Return)  # the form's own find box loads it, and only finds
    assert form.sale.id == sale.id and form.reason.hasFocus()
    assert ReturnOrder.select().where(ReturnOrder.sale == sale).count() == 0
    form.reason.setCurrentIndex(form.reason.findData("quality"))
    form.accessories.setFocus()
    press(Qt.Key.Key_S, ctrl)  # save in the intake form
    settle(qtbot, window)
    order = ReturnOrder.get(ReturnOrder.sale == sale)
    assert order.number in read_jobs(printers)[0][1]
    visible(ReturnOrderDialog).close()

    window.activateWindow()
    window.intake_tab.pages.setCurrentWidget(window.intake_tab.orders)
    orders = window.intake_tab.orders
    qtbot.waitUntil(lambda: orders.model.rowCount() > 0)
    orders.select_row(0)
    before = len(printers)
    qtbot.waitUntil(window.isActiveWindow)
    orders.setFocus()
    press(Qt.Key.Key_P, ctrl)  # Ctrl+P on the list of returns: the selected one's slip
    assert len(printers) == before + 1
    assert ReturnOrder.get_by_id(orders.model.row_id(0)).number in read_jobs(printers)[-1][1]

    press(Qt.Key.Key_F1)
    assert visible(shortcuts.ShortcutsDialog).isVisible()
    visible(shortcuts.ShortcutsDialog).reject()


def test_ctrl_i_is_a_new_return_and_import_moved(window):
    assert window.import_action.shortcut().toString() == "Ctrl+Shift+I"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_the_numbered_lists_pick_with_a_digit(window, qtbot):
    form = window.intake_tab.form
    window.start_return(recent_sale(1).id)
    for combo in (form.reason, form.resolution, form.destination, form.condition):
        assert isinstance(combo, QComboBox)
        numbered = [combo.itemText(i) for i in range(combo.count()) if combo.itemData(i)]
        assert [text.split()[0] for text in numbered] == [str(n) for n in range(1, len(numbered) + 1)]
    form.resolution.setFocus()
    qtbot.keyClick(form.resolution, Qt.Key.Key_3)
    assert form.resolution.currentData() == "repair"
