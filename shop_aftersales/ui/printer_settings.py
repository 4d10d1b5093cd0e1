"""Settings → Printers: which printer (and roll) each kind of printout goes to on this PC. Kept in the PC's own
QSettings, not in the shop's database: the counter's label printer is not the office's. Choosing them is still
the owner's step once the owner has a PIN, and every change is recorded in the shop's record of setting changes
(services.owner_settings.record_printers) before the PC keeps it."""

from __future__ import annotations

from PySide6.QtCore import QSysInfo
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout,
                               QWidget)

from ..printing import resale as resale_printing
from ..printing.label import label_size
from ..services.owner_settings import record_printers
from . import print_ui
from .approval import add_owner_row
from .errors import show_error
from .print_ui import (DEFAULT, ITEM_LABEL, KINDS, PDF, PRINTER, RECEIPT, ROLL_WIDTHS, SHELF_LABEL, SLIP,
                       PrinterChoice, printer_choice, save_printer_choice)


class PrinterSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, context=None) -> None:
        super().__init__(parent)
        self.context = context if context is not None else getattr(parent, "context", None)
        self.setWindowTitle(self.tr("Printers"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Print buttons print straight to the printer chosen here, without asking; the preview "
                               "is one click away beside them. These choices are kept on this PC only."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.printers = print_ui.installed_printers()
        self.no_printer_label: QLabel | None = None
        if not self.printers:
            none = QLabel(self.tr("No printer is installed on this PC: printing opens the preview instead, from which "
                                  "you can save a PDF."))
            none.setWordWrap(True)
            none.setStyleSheet("color: #a15c00; font-weight: bold;")
            layout.addWidget(none)
            self.no_printer_label = none
        self.combos: dict[str, QComboBox] = {}
        width, height = label_size()
        shelf_w, shelf_h = getattr(resale_printing, "SHELF_LABEL_MM", (70, 50))
        papers = {SLIP: self.tr("A5 slips (return, refund and exchange slips); A4 lists"),
                  ITEM_LABEL: self.tr("{width} × {height} mm (size under Settings → Shop settings)").format(
                      width=f"{width:g}", height=f"{height:g}"),
                  SHELF_LABEL: self.tr("{width} × {height} mm").format(width=f"{shelf_w:g}", height=f"{shelf_h:g}")}
        # (receipts: the roll's width is chosen below)
        titles = {SLIP: self.tr("Slips and lists"), ITEM_LABEL: self.tr("Item labels"),
                  SHELF_LABEL: self.tr("Shelf labels"), RECEIPT: self.tr("Receipts")}
        self.titles = titles
        for kind in KINDS:
            box = QGroupBox(titles[kind])
            form = QFormLayout(box)
            combo = QComboBox()
            combo.setMinimumWidth(320)
            self._fill(combo, printer_choice(kind))
            form.addRow(self.tr("Printer:"), combo)
            self.combos[kind] = combo
            if kind == RECEIPT:
                self.roll = QComboBox()
                for roll in ROLL_WIDTHS:
                    self.roll.addItem(self.tr("{width} mm roll").format(width=roll), roll)
                self.roll.setCurrentIndex(max(self.roll.findData(printer_choice(RECEIPT).roll_mm), 0))
                form.addRow(self.tr("Paper:"), self.roll)
            else:
                form.addRow(self.tr("Paper:"), QLabel(papers[kind]))
            layout.addWidget(box)
        layout.addStretch(1)
        approval_form = QFormLayout()
        self.approver = add_owner_row(approval_form, self.context, self)
        layout.addLayout(approval_form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        if self.context is not None:
            from .settings_log_dialog import add_changes_button

            add_changes_button(self.buttons, self, self.context, "printers")
        layout.addWidget(self.buttons)
        self.shown = {kind: self.choice(kind) for kind in KINDS}

    def _fill(self, combo: QComboBox, current: PrinterChoice) -> None:
        """System default, every installed printer, Save as PDF…, and a remembered printer that is not installed
        (kept visible, so the choice is not lost while the printer is unplugged)."""
        default = print_ui.default_printer()
        combo.addItem(self.tr("System default ({printer})").format(printer=default) if default
                      else self.tr("System default (none set)"), (DEFAULT, ""))
        for name in self.printers:
            combo.addItem(name, (PRINTER, name))
        combo.addItem(self.tr("Save as PDF…"), (PDF, ""))
        if current.destination == PRINTER and current.printer not in self.printers:
            combo.addItem(self.tr("{printer} (not installed)").format(printer=current.printer),
                          (PRINTER, current.printer))
        for index in range(combo.count()):
            if tuple(combo.itemData(index)) == (current.destination, current.printer):
                combo.setCurrentIndex(index)
                break

    def choice(self, kind: str) -> PrinterChoice:
        destination, printer = self.combos[kind].currentData()
        roll = self.roll.currentData() if kind == RECEIPT else 80
        return PrinterChoice(destination, printer, roll)

    def choose(self, kind: str, destination: str, printer: str = "") -> bool:
        """Pick an entry of *kind*'s list (for a keyboard user's script and the tests); False when not listed."""
        combo = self.combos[kind]
        for index in range(combo.count()):
            if tuple(combo.itemData(index)) == (destination, printer):
                combo.setCurrentIndex(index)
                return True
        return False

    def describe(self, kind: str, choice: PrinterChoice) -> str:
        """A choice in words, for the record of changes."""
        if choice.destination == PDF:
            text = self.tr("Save as PDF…")
        elif choice.destination == PRINTER:
            text = choice.printer
        else:
            text = self.tr("System default")
        return self.tr("{printer}, {width} mm roll").format(printer=text, width=choice.roll_mm) \
            if kind == RECEIPT else text

    def save(self) -> None:
        """Approved and recorded in the shop's database first (on the writer thread), then kept on this PC."""
        chosen = {kind: self.choice(kind) for kind in KINDS}
        changes = {self.titles[kind]: (self.describe(kind, self.shown[kind]), self.describe(kind, choice))
                   for kind, choice in chosen.items() if choice != self.shown[kind]}

        def keep(_result=None) -> None:
            for kind, choice in chosen.items():
                save_printer_choice(kind, choice)
            self.accept()

        if not changes:
            keep()
            return
        staff = getattr(self.context, "staff", None)
        args = (changes, QSysInfo.machineHostName(), staff, self.approver.approval())
        if self.context is None:  # opened on its own (no window, no writer thread): the step runs here
            try:
                record_printers(*args)
            except Exception as exc:  # noqa: BLE001 - shown, never a traceback
                show_error(self, exc)
                return
            keep()
            return
        self.context.ops.run(record_printers, *args, on_success=keep, on_failure=lambda e: show_error(self, e))
