"""Printing from the screens: straight to the printer chosen for the kind of document under Settings → Printers
(remembered per PC), the print preview one click away, or a PDF file.

Each kind of printout has its printer: slips and lists (A5 slips, refund and exchange slips, the A4 progress
table), item labels, shelf labels and receipts (a thermal roll, 58 or 80 mm). A choice is "the system's default
printer", a named printer, or "Save as PDF…". ``print_document`` sends the job with no dialog; when there is no
printer to send it to (none installed, the chosen one unplugged or renamed) it says why inside the print preview it
opens instead, from which the user prints or saves a PDF: nothing fails silently.

While the test suite runs (QStandardPaths' test mode, which tests/conftest.py turns on) the PC's printers are not
seen: a test that presses every Print button never puts paper through a developer's printer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QMainWindow, QMessageBox, QPushButton, QVBoxLayout,
                               QWidget)

from .. import config
from ..printing.pages import write_pdf

Render = Callable[[QPagedPaintDevice], None]

# the kinds of printout, each with its own printer
SLIP, ITEM_LABEL, SHELF_LABEL, RECEIPT = "slip", "item_label", "shelf_label", "receipt"
KINDS = (SLIP, ITEM_LABEL, SHELF_LABEL, RECEIPT)
# where a kind prints
DEFAULT, PRINTER, PDF = "default", "printer", "pdf"
ROLL_WIDTHS = (58, 80)  # thermal receipt rolls, mm
SETTING_PDF_FOLDER = "printing/pdf_folder"  # the folder the last PDF was saved in


def kind_name(kind: str) -> str:
    return {SLIP: QCoreApplication.translate("PrintUi", "slips and lists"),
            ITEM_LABEL: QCoreApplication.translate("PrintUi", "item labels"),
            SHELF_LABEL: QCoreApplication.translate("PrintUi", "shelf labels"),
            RECEIPT: QCoreApplication.translate("PrintUi", "receipts")}.get(kind, kind)


@dataclass(frozen=True)
class PrinterChoice:
    destination: str = DEFAULT  # DEFAULT, PRINTER or PDF
    printer: str = ""           # the printer's name, for PRINTER
    roll_mm: int = 80           # receipts only: the roll's width


def _key(kind: str, name: str) -> str:
    return f"printing/{kind}/{name}"


def printer_choice(kind: str) -> PrinterChoice:
    """What this PC prints *kind* on (QSettings, so each PC of the shop has its own printers)."""
    prefs = config.settings()
    destination = prefs.value(_key(kind, "destination"), DEFAULT, str)
    printer = prefs.value(_key(kind, "printer"), "", str)
    if destination not in (DEFAULT, PRINTER, PDF) or (destination == PRINTER and not printer):
        destination = DEFAULT
    try:
        roll = int(prefs.value(_key(kind, "roll_mm"), 80))
    except (TypeError, ValueError):
        roll = 80
    return PrinterChoice(destination, printer if destination == PRINTER else "", roll if roll in ROLL_WIDTHS else 80)


def save_printer_choice(kind: str, choice: PrinterChoice) -> None:
    prefs = config.settings()
    prefs.setValue(_key(kind, "destination"), choice.destination)
    prefs.setValue(_key(kind, "printer"), choice.printer if choice.destination == PRINTER else "")
    if kind == RECEIPT:
        prefs.setValue(_key(kind, "roll_mm"), choice.roll_mm if choice.roll_mm in ROLL_WIDTHS else 80)
    prefs.sync()


def printers_visible() -> bool:
    """False while the test suite runs: the PC's own printers are then neither listed nor printed on."""
    return not QStandardPaths.isTestModeEnabled()


def installed_printers() -> list[str]:
    """The names of the printers installed on this PC."""
    if not printers_visible():
        return []
    return [info.printerName() for info in QPrinterInfo.availablePrinters()]


def default_printer() -> str:
    """The system's default printer, or "" when there is none."""
    if not printers_visible():
        return ""
    info = QPrinterInfo.defaultPrinter()
    return "" if info.isNull() else info.printerName()


# ------------------------------------------------------------------ the preview

class PreviewDialog(QPrintPreviewDialog):
    """A print preview that owns its printer. QPrintPreviewDialog keeps only a pointer to the QPrinter it is
    given: a printer made in a function and left there was freed when the function returned, and the preview
    then painted onto freed memory (a segmentation fault on "Print labels…").

    Its printer is the one chosen for *kind*, so its Print button prints there. With a *notice* (why nothing was
    printed), a bar above the pages says so and offers Save as PDF… and Settings → Printers."""

    def __init__(self, title: str, parent: QWidget | None = None, kind: str | None = None, notice: str = "",
                 render: Render | None = None, file_name: str = "") -> None:
        name = _printer_name(kind) if kind else ""
        printer = QPrinter(QPrinterInfo.printerInfo(name), QPrinter.PrinterMode.HighResolution) if name \
            else QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        super().__init__(printer, parent)
        self.printer = printer  # lives as long as the dialog
        self.kind = kind
        self.title = title
        self.render_pages = render
        self.file_name = file_name or title
        self.setWindowTitle(title)
        self.resize(900, 800)
        self.notice = QLabel(notice)
        self.notice_bar: QWidget | None = None
        self.pdf_button = self.settings_button = None
        if notice:
            self._add_notice_bar()

    def _add_notice_bar(self) -> None:
        self.notice_bar = QWidget(self)
        self.notice_bar.setObjectName("print-notice")
        self.notice_bar.setStyleSheet("#print-notice { background: #fff4d6; border-bottom: 1px solid #e0c36a; }")
        bar = QHBoxLayout(self.notice_bar)
        bar.setContentsMargins(10, 6, 10, 6)
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addWidget(self.notice, 1)
        if self.render_pages is not None:
            self.pdf_button = QPushButton(QCoreApplication.translate("PrintUi", "Save as PDF…"))
            self.pdf_button.clicked.connect(self.save_as_pdf)
            bar.addWidget(self.pdf_button)
        self.settings_button = QPushButton(QCoreApplication.translate("PrintUi", "Printer settings…"))
        self.settings_button.clicked.connect(self.open_printer_settings)
        bar.addWidget(self.settings_button)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.notice_bar)
        else:  # not the layout Qt has always given it: the bar goes on top anyway
            self.notice_bar.setGeometry(0, 0, self.width(), self.notice_bar.sizeHint().height())

    def save_as_pdf(self) -> Path | None:
        if self.render_pages is None:
            return None
        render, title = self.render_pages, self.title
        return save_pdf(self, lambda path: write_pdf(path, render, title), Path(pdf_file_name(self.file_name)))

    def open_printer_settings(self):
        from .printer_settings import PrinterSettingsDialog

        dialog = PrinterSettingsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


_open_previews: set[PreviewDialog] = set()  # a preview without a parent is kept until it is closed


def preview(parent: QWidget | None, render: Render, title: str, kind: str | None = None, notice: str = "",
            file_name: str = "") -> PreviewDialog:
    """Open the print preview of *render* (its Print button prints on the printer chosen for *kind*)."""
    dialog = PreviewDialog(title, parent, kind, notice, render, file_name)
    dialog.paintRequested.connect(render)
    _open_previews.add(dialog)
    dialog.finished.connect(lambda _result: _open_previews.discard(dialog))
    dialog.open()
    return dialog


# ------------------------------------------------------------------ printing straight away

@dataclass
class PrintOutcome:
    route: str                           # "printer", "pdf", "preview" (nowhere to print: it says why), "cancelled"
    printer: str = ""                    # the printer it went to
    path: Path | None = None             # the PDF written
    preview: PreviewDialog | None = None  # the preview opened instead
    reason: str = ""                     # why the preview opened instead


def _printer_name(kind: str) -> str:
    """The installed printer *kind* goes to, or "" (none installed, the chosen one gone, or Save as PDF)."""
    choice = printer_choice(kind)
    if choice.destination == PDF:
        return ""
    if choice.destination == PRINTER:
        return choice.printer if choice.printer in installed_printers() else ""
    return default_printer()


def no_printer_reason(kind: str) -> str:
    """Why *kind* cannot go to a printer on this PC, or "" when it can (or is saved as PDF)."""
    choice = printer_choice(kind)
    if choice.destination == PDF or _printer_name(kind):
        return ""
    if choice.destination == PRINTER:
        return QCoreApplication.translate(
            "PrintUi", "Nothing was printed: the printer “{printer}” chosen for {kind} under Settings → Printers is "
                       "not installed on this PC (unplugged, renamed or removed). Print or save a PDF from this "
                       "preview, or choose another printer.").format(printer=choice.printer, kind=kind_name(kind))
    if installed_printers():
        return QCoreApplication.translate(
            "PrintUi", "Nothing was printed: this PC has no default printer. Choose the printer for {kind} under "
                       "Settings → Printers, or print from this preview.").format(kind=kind_name(kind))
    return QCoreApplication.translate(
        "PrintUi", "Nothing was printed: no printer is installed on this PC. Save it as a PDF from here, or install "
                   "a printer and choose it under Settings → Printers.")


def print_document(parent: QWidget | None, kind: str, render: Render, title: str,
                   file_name: str = "") -> PrintOutcome:
    """Print *render* where this PC prints *kind*: straight to its printer (no dialog), or into a PDF file asked
    for; with no printer to print on, the preview opens and says why. *file_name*: the PDF's suggested name."""
    choice = printer_choice(kind)
    if choice.destination == PDF:
        path = save_pdf(parent, lambda target: write_pdf(target, render, title),
                        Path(pdf_file_name(file_name or title)))
        if path is None:
            return PrintOutcome("cancelled")
        return PrintOutcome("pdf", path=path)
    name = _printer_name(kind)
    if not name:
        reason = no_printer_reason(kind)
        return PrintOutcome("preview", preview=preview(parent, render, title, kind, reason, file_name), reason=reason)
    printer = printer_for(name, title)
    try:
        render(printer)  # the document sets its own paper (A5, the label, the roll) on the printer
    except OSError as exc:
        reason = QCoreApplication.translate(
            "PrintUi", "“{title}” could not be sent to the printer “{printer}”: {reason} Print or save a PDF from "
                       "this preview.").format(title=title, printer=name, reason=exc.strerror or exc)
        return PrintOutcome("preview", preview=preview(parent, render, title, kind, reason, file_name), reason=reason)
    say(parent, QCoreApplication.translate("PrintUi", "“{title}” sent to the printer “{printer}”.").format(
        title=title, printer=name))
    return PrintOutcome("printer", printer=name)


def printer_for(name: str, title: str) -> QPrinter:
    """A QPrinter on the installed printer *name*, the job called *title*."""
    printer = QPrinter(QPrinterInfo.printerInfo(name), QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    return printer


def say(parent: QWidget | None, text: str) -> None:
    """*text* in the status bar of the main window *parent* is in (nothing when there is none)."""
    widget = parent
    while widget is not None:
        window = widget.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10_000)
            return
        widget = window.parentWidget()


# ------------------------------------------------------------------ PDF files

def pdf_file_name(name: str) -> str:
    """*name* as a file name: no characters Windows refuses, ending in .pdf."""
    cleaned = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in name).strip(" .") or "document"
    return cleaned if cleaned.lower().endswith(".pdf") else cleaned + ".pdf"


def pdf_folder() -> Path:
    """Where a PDF is proposed: the folder the last one went to, else the user's Documents."""
    saved = config.settings().value(SETTING_PDF_FOLDER, "", str)
    if saved and Path(saved).is_dir():
        return Path(saved)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def save_pdf(parent: QWidget | None, write: Callable[[Path], Path], suggested: Path) -> Path | None:
    """Ask where to save, then *write* the PDF there. *suggested*: a file name, proposed in the last folder used
    (a full path keeps its own folder only when no PDF was saved yet)."""
    title = QCoreApplication.translate("PrintUi", "Save as PDF")
    suggested = Path(suggested)
    folder = pdf_folder() if (config.settings().value(SETTING_PDF_FOLDER, "", str) or not suggested.parent.name) \
        else suggested.parent
    path, _ = QFileDialog.getSaveFileName(parent, title, str(folder / suggested.name), "PDF (*.pdf)")
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    try:
        written = write(target)
    except OSError as exc:
        QMessageBox.warning(parent, title, QCoreApplication.translate("PrintUi", "The PDF could not be saved: {reason}")
                            .format(reason=exc.strerror or exc))
        return None
    config.settings().setValue(SETTING_PDF_FOLDER, str(written.parent))
    say(parent, QCoreApplication.translate("PrintUi", "Saved to {path}").format(path=written))
    return written
