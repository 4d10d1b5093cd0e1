"""Settings → Printers through the real dialog, and printing from the screens with what it chose: straight to the
chosen printer, into a PDF file when "Save as PDF…" is chosen, the preview one click away, and on a PC without a
printer (this one, offscreen) the preview with the reason, never a silent nothing."""

from __future__ import annotations

import gc
import itertools
import subprocess

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QFileDialog

from shop_aftersales import config
from shop_aftersales.models import ResaleSale, ReturnOrder
from shop_aftersales.ui import print_ui
from shop_aftersales.ui.print_ui import (DEFAULT, ITEM_LABEL, PDF, PRINTER, RECEIPT, SHELF_LABEL, SLIP, PreviewDialog,
                                         PrinterChoice, printer_choice, save_printer_choice)
from shop_aftersales.ui.printer_settings import PrinterSettingsDialog
from shop_aftersales.ui.return_order import ReturnOrderDialog

from helpers import pdf_text, visible  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def no_printer_choices(qapp):
    """Every test starts from "System default" everywhere and leaves nothing behind for the next."""
    config.settings().remove("printing")
    yield
    config.settings().remove("printing")


@pytest.fixture
def save_to(monkeypatch, tmp_path):
    """The Save as PDF dialog answered with a file in tmp_path; what it proposed is kept."""
    asked: list[str] = []
    names = itertools.count()

    def answer(_parent, _title, proposed, _filter=""):
        asked.append(proposed)
        return str(tmp_path / f"printed-{next(names)}.pdf"), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


def pages_painted(dialog: PreviewDialog, qtbot) -> int:
    gc.collect()
    QApplication.processEvents()
    dialog.grab()
    widget = dialog.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    qtbot.waitUntil(lambda: widget.pageCount() >= 1)
    return widget.pageCount()


def entries(combo) -> list[tuple[str, tuple]]:
    return [(combo.itemText(i), tuple(combo.itemData(i))) for i in range(combo.count())]


def test_the_dialog_lists_the_printers_and_remembers_the_choices(shop, qtbot):
    save_printer_choice(ITEM_LABEL, PrinterChoice(PRINTER, "Brother QL-820NWB"))  # chosen once, unplugged since
    dialog = PrinterSettingsDialog()
    qtbot.addWidget(dialog)
    assert print_ui.installed_printers() == []  # the test machine (and the suite) sees no printer
    assert dialog.no_printer_label.isVisibleTo(dialog) and "No printer is installed" in dialog.no_printer_label.text()
    assert entries(dialog.combos[SLIP]) == [("System default (none set)", (DEFAULT, "")), ("Save as PDF…", (PDF, ""))]
    labels = dialog.combos[ITEM_LABEL]
    assert labels.currentText() == "Brother QL-820NWB (not installed)"  # the choice is shown, not lost
    assert [dialog.roll.itemText(i) for i in range(dialog.roll.count())] == ["58 mm roll", "80 mm roll"]
    assert dialog.roll.currentData() == 80

    assert dialog.choose(SLIP, PDF) and dialog.choose(SHELF_LABEL, PDF) and dialog.choose(ITEM_LABEL, DEFAULT)
    assert not dialog.choose(RECEIPT, PRINTER, "No such printer")
    dialog.roll.setCurrentIndex(dialog.roll.findData(58))
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    fresh = QSettings()  # what another start of the app on this PC reads
    assert fresh.value("printing/slip/destination") == PDF
    assert fresh.value("printing/item_label/destination") == DEFAULT
    assert int(fresh.value("printing/receipt/roll_mm")) == 58
    assert printer_choice(SLIP) == PrinterChoice(PDF, "", 80)
    assert printer_choice(RECEIPT) == PrinterChoice(DEFAULT, "", 58)

    again = PrinterSettingsDialog()
    qtbot.addWidget(again)
    assert tuple(again.combos[SLIP].currentData()) == (PDF, "")
    assert again.combos[SHELF_LABEL].currentText() == "Save as PDF…"
    assert again.roll.currentData() == 58
    again.choose(SLIP, DEFAULT)
    again.buttons.button(again.buttons.StandardButton.Cancel).click()  # cancelled: nothing changes
    assert printer_choice(SLIP).destination == PDF


def test_settings_printers_is_in_the_menu(window, qtbot):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Settings")
    action = next(a for a in menu.actions() if a.text() == "Pri&nters…")
    action.trigger()
    dialog = visible(PrinterSettingsDialog)
    assert set(dialog.combos) == {SLIP, ITEM_LABEL, SHELF_LABEL, RECEIPT}
    dialog.reject()


def test_print_with_save_as_pdf_writes_the_pdf_without_a_preview(window, qtbot, save_to, tmp_path):
    save_printer_choice(SLIP, PrinterChoice(PDF))
    order = ReturnOrder.select().order_by(ReturnOrder.id.desc()).first()
    dialog = ReturnOrderDialog(window.context, order.id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.print_button.text() == "Print slip"
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "printed-0.pdf"
    assert order.number in pdf_text(written)
    assert save_to[0].endswith(f"{order.number}.pdf")
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewDialog) and w.isVisible()]
    assert str(written) in window.statusBar().currentMessage()
    # the next PDF is proposed in the folder the last one went to
    outcome = dialog.print_slip()
    assert outcome.route == "pdf" and save_to[1] == str(tmp_path / f"{order.number}.pdf")


def test_the_preview_is_one_click_beside_the_print_button(window, qtbot):
    order = ReturnOrder.select().order_by(ReturnOrder.id.desc()).first()
    dialog = ReturnOrderDialog(window.context, order.id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    preview = visible(PreviewDialog)
    assert preview.windowTitle() == f"Return slip {order.number}" and preview.notice_bar is None  # nothing to explain
    assert pages_painted(preview, qtbot) >= 1
    preview.close()
    qtbot.mouseClick(dialog.labels_preview_button, Qt.MouseButton.LeftButton)
    labels = visible(PreviewDialog)
    assert pages_painted(labels, qtbot) == order.items.count()  # one label per unit
    labels.close()


def test_without_a_printer_print_opens_the_preview_and_says_why(window, qtbot, save_to, tmp_path):
    order = ReturnOrder.select().order_by(ReturnOrder.id.desc()).first()
    dialog = ReturnOrderDialog(window.context, order.id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    preview = visible(PreviewDialog)
    assert preview.notice_bar is not None and preview.notice_bar.isVisible()
    assert "Nothing was printed: no printer is installed on this PC" in preview.notice.text()
    assert pages_painted(preview, qtbot) >= 1
    preview.grab().save(str(tmp_path / "no-printer.png"))
    qtbot.mouseClick(preview.pdf_button, Qt.MouseButton.LeftButton)  # the PDF route, from the notice
    assert order.number in pdf_text(tmp_path / "printed-0.pdf")
    preview.close()

    save_printer_choice(ITEM_LABEL, PrinterChoice(PRINTER, "Zebra ZD421"))
    outcome = dialog.print_labels()
    assert outcome.route == "preview" and outcome.preview.isVisible()
    assert "the printer “Zebra ZD421” chosen for item labels under Settings → Printers is not installed" \
        in outcome.preview.notice.text()
    outcome.preview.close()


def test_the_receipt_prints_on_the_roll_chosen(window, qtbot, save_to, tmp_path):
    sale = ResaleSale.select().first()
    for roll in (58, 80):
        save_printer_choice(RECEIPT, PrinterChoice(PDF, roll_mm=roll))
        outcome = window.resale_tab.print_receipt(sale.id)
        assert outcome.route == "pdf" and sale.number in pdf_text(outcome.path)
        info = subprocess.run(["pdfinfo", str(outcome.path)], capture_output=True, text=True, check=True).stdout
        width_pt = float(next(line for line in info.splitlines() if line.startswith("Page size:")).split()[2])
        assert abs(width_pt / 72 * 25.4 - roll) < 0.5, info


def test_every_print_button_has_its_preview(window, qtbot):
    """The ID card's label, the shelf label, the receipt and the progress table: print, and preview beside it."""
    from shop_aftersales.models import AftersalesItem, ResaleListing
    from shop_aftersales.ui.item_card import ItemCard

    card = ItemCard(window.context, AftersalesItem.select().first().id, window)
    qtbot.addWidget(card)
    assert card.action_buttons["label"].text() == "Print label"
    card.action_buttons["label_preview"].click()
    assert pages_painted(visible(PreviewDialog), qtbot) == 1
    visible(PreviewDialog).close()
    listing = ResaleListing.select().where(ResaleListing.active).first()
    for opened in (window.resale_tab.preview_label(listing.item_id),
                   window.resale_tab.preview_receipt(ResaleSale.select().first().id),
                   window.repairs_tab.preview_progress()):
        assert pages_painted(opened, qtbot) >= 1
        opened.close()
    outcome = window.repairs_tab.print_progress()
    assert outcome.route == "preview" and "no printer is installed" in outcome.reason
    outcome.preview.close()


def test_print_goes_straight_to_the_chosen_printer(window, qtbot, monkeypatch, tmp_path):
    """With a printer installed (stood in for here: the test machine has none, and the suite never sees the PC's
    own), Print sends the job to it without a dialog or a preview; one that cannot be opened opens the preview with
    the reason."""
    from PySide6.QtPrintSupport import QPrinter

    jobs: list[tuple[str, QPrinter]] = []

    def to_file(name, title):  # the job lands in a PDF file instead of on paper
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / f"job-{len(jobs)}.pdf"))
        printer.setDocName(title)
        jobs.append((name, printer))
        return printer

    monkeypatch.setattr(print_ui, "installed_printers", lambda: ["Office Laser", "Xprinter XP-420B"])
    monkeypatch.setattr(print_ui, "default_printer", lambda: "Office Laser")
    monkeypatch.setattr(print_ui, "printer_for", to_file)
    save_printer_choice(ITEM_LABEL, PrinterChoice(PRINTER, "Xprinter XP-420B"))
    order = ReturnOrder.select().order_by(ReturnOrder.id.desc()).first()
    dialog = ReturnOrderDialog(window.context, order.id, window)
    qtbot.addWidget(dialog)
    dialog.show()

    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)  # slips: the system default
    qtbot.mouseClick(dialog.labels_button, Qt.MouseButton.LeftButton)  # labels: the label printer chosen
    assert [name for name, _ in jobs] == ["Office Laser", "Xprinter XP-420B"]
    assert jobs[0][1].docName() == f"Return slip {order.number}"
    del jobs[:]  # the printers let go: their files are complete
    assert order.number in pdf_text(tmp_path / "job-0.pdf")
    assert order.items.first().code in pdf_text(tmp_path / "job-1.pdf")
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewDialog) and w.isVisible()]
    assert "sent to the printer “Xprinter XP-420B”" in window.statusBar().currentMessage()

    settings_dialog = PrinterSettingsDialog()  # the installed printers are listed by name
    qtbot.addWidget(settings_dialog)
    assert [text for text, _ in entries(settings_dialog.combos[SLIP])] == [
        "System default (Office Laser)", "Office Laser", "Xprinter XP-420B", "Save as PDF…"]
    assert settings_dialog.combos[ITEM_LABEL].currentText() == "Xprinter XP-420B"

    def offline(name, title):  # a printer whose job cannot be opened (Qt refuses to begin painting on it)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "no-such-folder" / "job.pdf"))
        return printer

    monkeypatch.setattr(print_ui, "printer_for", offline)
    outcome = dialog.print_slip()
    assert outcome.route == "preview" and "could not be sent to the printer “Office Laser”" in outcome.reason
    assert outcome.preview.notice.text() == outcome.reason
    outcome.preview.close()

    monkeypatch.setattr(print_ui, "default_printer", lambda: "")  # printers, but none is the default
    outcome = dialog.print_slip()
    assert outcome.route == "preview" and "this PC has no default printer" in outcome.reason
    assert "Choose the printer for slips and lists under Settings → Printers" in outcome.reason
    outcome.preview.close()
