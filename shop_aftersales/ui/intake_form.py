"""New return (退货登记): find the original sale by scanning or typing its receipt number, the customer's
phone or a serial; tick the lines coming back; describe each unit; see the policy's verdict; save.

Saving creates the return order and one after-sales item per unit in one transaction, keeps the slip as
a PDF in the data folder and prints the slip and the labels straight to the printers chosen under Settings →
Printers (the return then opens, its preview one click away). A refusal shows why and keeps the form exactly as
it was.

At the counter it is driven by the keyboard: a scanned receipt loads (a receipt of one line has it ticked) and the
focus waits on the reason; the choice lists are numbered (a digit picks), Tab goes on to what the customer asks
for, and Enter (or Ctrl+S) is Save and print. Save stays disabled, saying what is missing, until it can succeed.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
                               QListWidget, QPlainTextEdit, QPushButton, QSpinBox, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ..clock import now
from ..models import Product, Sale
from ..models.aftersales import CONDITIONS, REASONS, RESOLUTIONS, VERDICTS
from ..services import Changes
from ..services.policy import ALLOWED, NOT_ALLOWED
from ..services.returns import ReturnLine, ReturnRequest, register_return, returnable_lines, verdict_for
from ..services.search import SALE, search
from .actions import money_box, to_money
from .approval import OwnerApproval
from .context import AppContext
from .errors import show_error
from .paged_model import domain_tr
from .widgets import date_edit, fit_columns, wrapping_header

DESTINATIONS = (("received", "Inspection"), ("repairable", "Repairable"), ("supplier_return", "Return to supplier"))


@dataclass
class UnitRow:
    """One line of the form: a sale line (or a unit without a receipt) and how it comes back."""

    product: Product
    sold: int
    back_already: int
    sale_line_id: int | None = None
    serial: str = ""
    unit_price: Decimal = Decimal(0)
    checked: bool = False
    quantity: int = 1
    reason: str = ""
    reason_text: str = ""
    fault: str = ""
    condition: str = "opened"
    accessories: str = ""
    resolution: str = "refund"
    destination: str = "received"
    photos: list[Path] = field(default_factory=list)

    @property
    def returnable(self) -> int:
        return max(self.sold - self.back_already, 0)

    def line(self) -> ReturnLine:
        return ReturnLine(product_id=self.product.id, quantity=self.quantity, reason=self.reason,
                          condition=self.condition, requested_resolution=self.resolution,
                          sale_line_id=self.sale_line_id, serial=self.serial or None,
                          unit_price=self.unit_price if self.sale_line_id is None else None,
                          reason_text=self.reason_text, fault=self.fault, accessories=self.accessories,
                          destination=self.destination, photos=tuple(self.photos))


class NoReceiptDialog(QDialog):
    """A unit that comes back without a receipt (or bought elsewhere)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unit without a receipt"))
        form = QFormLayout(self)
        self.product = QComboBox()
        self.product.setEditable(True)
        self.product.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.product.lineEdit().setPlaceholderText(self.tr("Type a SKU, barcode or name"))
        for p in Product.select().where(Product.active).order_by(Product.sku):
            self.product.addItem(f"{p.sku}  {p.name}  {p.model}", p.id)
        self.product.setCurrentIndex(-1)
        self.product.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.product.completer().setCompletionMode(self.product.completer().CompletionMode.PopupCompletion)
        form.addRow(self.tr("Product:"), self.product)
        self.serial = QLineEdit()
        form.addRow(self.tr("Serial:"), self.serial)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 9999)
        form.addRow(self.tr("Quantity:"), self.quantity)
        self.price = money_box()
        form.addRow(self.tr("Price paid per unit:"), self.price)
        self.date_known = QCheckBox(self.tr("Purchase date known"))
        self.date = date_edit()
        self.date.setEnabled(False)
        self.date_known.toggled.connect(self.date.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.date_known)
        row.addWidget(self.date)
        form.addRow(self.tr("Bought on:"), row)
        self.elsewhere = QCheckBox(self.tr("Bought elsewhere"))
        form.addRow("", self.elsewhere)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        form.addRow(self.error)

    def product_id(self) -> int | None:
        index = self.product.findText(self.product.currentText())
        return self.product.itemData(index) if index >= 0 else self.product.currentData()

    def _accept(self) -> None:
        if self.product_id() is None:
            self.error.setText(self.tr("Choose the product from the list."))
            return
        self.accept()


class IntakeForm(QWidget):
    saved = Signal(object)  # Changes of the saved return

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.sale: Sale | None = None
        self.rows: list[UnitRow] = []
        self.no_receipt_date: dt.date | None = None
        self._loading = False
        self._current = -1
        self._refused: list = []  # the ticked units the policy says no to, with its verdict
        layout = QVBoxLayout(self)

        find = QHBoxLayout()
        find.addWidget(QLabel(self.tr("Receipt no., phone or serial:")))
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("Scan the receipt's barcode or type, then Enter"))
        self.find_edit.returnPressed.connect(self.find_sale)
        find.addWidget(self.find_edit, 1)
        self.find_button = QPushButton(self.tr("Find"))
        self.find_button.clicked.connect(self.find_sale)
        find.addWidget(self.find_button)
        self.no_receipt_button = QPushButton(self.tr("Without receipt…"))
        self.no_receipt_button.clicked.connect(self.add_without_receipt)
        find.addWidget(self.no_receipt_button)
        layout.addLayout(find)
        self.sale_label = QLabel(self.tr("Find the sale the goods come from, or register them without a receipt."))
        self.sale_label.setWordWrap(True)
        layout.addWidget(self.sale_label)

        customer = QHBoxLayout()
        self.customer_name = QLineEdit()
        self.customer_name.setPlaceholderText(self.tr("Customer's name"))
        self.customer_phone = QLineEdit()
        self.customer_phone.setPlaceholderText(self.tr("Phone"))
        self.customer_box = QWidget()
        self.customer_box.setLayout(customer)
        customer.setContentsMargins(0, 0, 0, 0)
        customer.addWidget(QLabel(self.tr("Customer:")))
        customer.addWidget(self.customer_name, 1)
        customer.addWidget(self.customer_phone, 1)
        self.elsewhere = QCheckBox(self.tr("Bought elsewhere"))
        customer.addWidget(self.elsewhere)
        self.customer_box.setVisible(False)
        layout.addWidget(self.customer_box)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableWidget(0, 7)  # the lines of one receipt: a handful, edited in place
        self.table.setHorizontalHeaderLabels([self.tr("Back"), self.tr("Product"), self.tr("Model"), self.tr("Serial"),
                                              self.tr("Sold"), self.tr("Already back"), self.tr("Returning")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Up/Down choose the line, Space ticks it, Tab goes on to its reason
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))
        wrapping_header(self.table)  # "Already back" on two lines rather than cut or scrolled to
        self._fit_table()
        splitter.addWidget(self.table)
        self._details_box()
        splitter.addWidget(self.details_holder)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.verdict)
        override = QHBoxLayout()
        override.addWidget(QLabel(self.tr("Exception:")))
        self.override = QLineEdit()
        self.override.setPlaceholderText(self.tr("When the policy says no and the shop goes ahead: why, and who agreed"))
        override.addWidget(self.override, 1)
        override.addWidget(QLabel(self.tr("Approved by (owner):")))
        self.override_approval = OwnerApproval(context, self, optional=True)
        override.addWidget(self.override_approval)
        layout.addLayout(override)

        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Return shipping paid by the shop:")))
        self.shipping = money_box(100_000)
        bottom.addWidget(self.shipping)
        bottom.addWidget(QLabel(self.tr("Note:")))
        self.note = QLineEdit()
        bottom.addWidget(self.note, 1)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self.clear)
        bottom.addWidget(self.clear_button)
        self.save_hint = QLabel()  # what keeps Save disabled, in words
        self.save_hint.setObjectName("save-hint")
        self.save_hint.setStyleSheet("color: #a15c00; font-weight: bold;")
        self.save_hint.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save and print"))
        self.save_button.setDefault(True)  # Enter anywhere on the form (keyPressEvent) or Ctrl+S
        self.save_button.clicked.connect(self.save)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        self.save_hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.save_hint)
        self._saving = False
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        self._set_details_enabled(False)
        for edit in (self.customer_name, self.customer_phone, self.override):
            edit.textChanged.connect(self._update_save)
        self._tab_order()
        self._update_verdict()

    def _tab_order(self) -> None:
        """Find → the lines → the decisions (reason, request, where it goes) → the description → the exception →
        shipping, note → Save: the order the counter works in."""
        chain = [self.find_edit, self.find_button, self.no_receipt_button, self.customer_name, self.customer_phone,
                 self.elsewhere, self.table, self.reason, self.resolution, self.destination, self.condition,
                 self.fault, self.reason_text, self.accessories, self.photos, self.add_photo_button,
                 self.remove_photo_button, self.override, self.override_approval, self.shipping, self.note,
                 self.clear_button, self.save_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # ---------------------------------------------------------------- the details of the selected unit
    def _details_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("The selected unit"))
        form = QFormLayout(box)
        # the decisions first, each list numbered: a digit picks its entry (the combo's keyboard search)
        self.reason = QComboBox()
        self.reason.addItem(self.tr("Choose…"), "")
        for number, (code, label) in enumerate(REASONS.items(), start=1):
            self.reason.addItem(f"{number}  {domain_tr(label)}", code)
        form.addRow(self.tr("Reason:"), self.reason)
        self.resolution = QComboBox()
        for number, (code, label) in enumerate(RESOLUTIONS.items(), start=1):
            self.resolution.addItem(f"{number}  {domain_tr(label)}", code)
        form.addRow(self.tr("Customer asks for:"), self.resolution)
        self.destination = QComboBox()
        for number, (code, label) in enumerate(DESTINATIONS, start=1):
            self.destination.addItem(f"{number}  {domain_tr(label)}", code)
        form.addRow(self.tr("Goes to:"), self.destination)
        self.condition = QComboBox()
        for number, (code, label) in enumerate(CONDITIONS.items(), start=1):
            self.condition.addItem(f"{number}  {domain_tr(label)}", code)
        form.addRow(self.tr("Condition:"), self.condition)
        self.fault = QPlainTextEdit()
        self.fault.setPlaceholderText(self.tr("What is wrong with it, as seen at the counter"))
        self.fault.setFixedHeight(64)
        self.fault.setTabChangesFocus(True)  # Tab goes on to the next field, as everywhere else on the form
        form.addRow(self.tr("Fault:"), self.fault)
        self.reason_text = QLineEdit()
        self.reason_text.setPlaceholderText(self.tr("In the customer's words"))
        form.addRow(self.tr("Customer says:"), self.reason_text)
        self.accessories = QLineEdit()
        self.accessories.setPlaceholderText(self.tr("e.g. box, charger, manual"))
        form.addRow(self.tr("Accessories:"), self.accessories)
        photos = QHBoxLayout()
        self.photos = QListWidget()
        self.photos.setFixedHeight(60)
        photos.addWidget(self.photos, 1)
        buttons = QVBoxLayout()
        self.add_photo_button = QPushButton(self.tr("Add…"))
        self.add_photo_button.clicked.connect(self._add_photo)
        self.remove_photo_button = remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove_photo)
        buttons.addWidget(self.add_photo_button)
        buttons.addWidget(remove)
        photos.addLayout(buttons)
        form.addRow(self.tr("Photos:"), photos)
        for combo in (self.reason, self.condition, self.resolution, self.destination):
            combo.currentIndexChanged.connect(self._store)
        for edit in (self.reason_text, self.accessories):
            edit.textChanged.connect(self._store)
        self.fault.textChanged.connect(self._store)
        self.details = box
        outer = QGroupBox()
        outer.setFlat(True)
        column = QVBoxLayout(outer)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(box)
        column.addStretch(1)
        self.details_holder = outer
        return box

    def _set_details_enabled(self, enabled: bool) -> None:
        """The details describe a unit that comes back: disabled for a line not ticked (or no line)."""
        self.details.setEnabled(enabled)

    def _select(self, row: int) -> None:
        self._current = row
        if not 0 <= row < len(self.rows):
            self._set_details_enabled(False)
            return
        unit = self.rows[row]
        self._loading = True
        self.reason.setCurrentIndex(max(self.reason.findData(unit.reason), 0))
        self.reason_text.setText(unit.reason_text)
        self.fault.setPlainText(unit.fault)
        self.condition.setCurrentIndex(max(self.condition.findData(unit.condition), 0))
        self.accessories.setText(unit.accessories)
        self.resolution.setCurrentIndex(max(self.resolution.findData(unit.resolution), 0))
        self.destination.setCurrentIndex(max(self.destination.findData(unit.destination), 0))
        self.photos.clear()
        self.photos.addItems([p.name for p in unit.photos])
        self._loading = False
        self._set_details_enabled(unit.checked)
        self.details.setTitle(self.tr("The selected unit: {product}").format(product=unit.product.name))

    def _store(self) -> None:
        if self._loading or not 0 <= self._current < len(self.rows):
            return
        unit = self.rows[self._current]
        unit.reason = self.reason.currentData() or ""
        unit.reason_text = self.reason_text.text()
        unit.fault = self.fault.toPlainText()
        unit.condition = self.condition.currentData()
        unit.accessories = self.accessories.text()
        unit.resolution = self.resolution.currentData()
        unit.destination = self.destination.currentData()
        self._update_verdict()

    def _add_photo(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Photos of the unit"), str(Path.home()),
                                                self.tr("Images (*.jpg *.jpeg *.png *.gif *.bmp *.webp)"))
        self.add_photos([Path(p) for p in paths])

    def add_photos(self, paths: list[Path]) -> None:
        if 0 <= self._current < len(self.rows) and paths:
            self.rows[self._current].photos.extend(paths)
            self.photos.addItems([p.name for p in paths])

    def _remove_photo(self) -> None:
        row = self.photos.currentRow()
        if 0 <= self._current < len(self.rows) and row >= 0:
            del self.rows[self._current].photos[row]
            self.photos.takeItem(row)

    # ---------------------------------------------------------------- lines
    def find_sale(self) -> None:
        text = self.find_edit.text().strip()
        if not text:
            return
        hits = [h for h in search(text) if h.kind == SALE]
        exact = [h for h in hits if h.exact]
        choices = exact or hits
        if not choices:
            self.sale_label.setText(self.tr("No sale found for “{text}”. Check the number, or register the goods "
                                            "without a receipt.").format(text=html.escape(text)))
            self.find_edit.selectAll()
            return
        if len(choices) == 1:
            self.load_sale(choices[0].id)
            return
        labels = [f"{h.title}   {h.detail}" for h in choices]
        label, ok = QInputDialog.getItem(self, self.tr("Which sale?"),
                                         self.tr("{count} sales match. Choose one:").format(count=len(choices)),
                                         labels, 0, False)
        if ok:
            self.load_sale(choices[labels.index(label)].id)

    def load_sale(self, sale_id: int) -> None:
        sale = Sale.get_by_id(sale_id)
        self.sale = sale
        self.customer_box.setVisible(False)
        customer = sale.customer
        days = (now().date() - sale.sold_at.date()).days
        who = f"{customer.name}  {customer.phone}" if customer else self.tr("walk-in customer")
        self.sale_label.setText(self.tr("Receipt <b>{receipt}</b> · {date} ({days} days ago) · {who}").format(
            receipt=html.escape(sale.receipt_no), date=f"{sale.sold_at:%Y-%m-%d}", days=days, who=html.escape(who)))
        self.rows = [UnitRow(product=r.line.product, sold=r.line.quantity, back_already=r.returned,
                             sale_line_id=r.line.id, serial=r.line.serial or "", unit_price=r.line.unit_price,
                             quantity=max(min(1, r.returnable), 1)) for r in returnable_lines(sale_id)]
        still = [unit for unit in self.rows if unit.returnable > 0]
        if len(still) == 1:  # one line can come back: it is the one
            still[0].checked = True
        self._fill_table()
        if len(still) == 1:
            row = self.rows.index(still[0])
            self.table.selectRow(row)
            self._select(row)
            self.reason.setFocus()  # the next thing to say: why it comes back
        else:
            self.table.setFocus()  # Down to the line, Space ticks it, Tab to its reason
        self.result.clear()

    def add_without_receipt(self) -> None:
        dialog = NoReceiptDialog(self)
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: self.add_unit_without_receipt(
            Product.get_by_id(dialog.product_id()), dialog.quantity.value(), dialog.serial.text().strip(),
            to_money(dialog.price), dialog.date.date().toPython() if dialog.date_known.isChecked() else None,
            dialog.elsewhere.isChecked()))
        dialog.open()

    def add_unit_without_receipt(self, product: Product, quantity: int, serial: str, price: Decimal,
                                 bought_on: dt.date | None, elsewhere: bool) -> None:
        if self.sale is not None:
            self.clear()
        self.sale = None
        self.no_receipt_date = bought_on
        self.customer_box.setVisible(True)
        self.elsewhere.setChecked(self.elsewhere.isChecked() or elsewhere)
        self.sale_label.setText(self.tr("Without a receipt: write down who brings it back. The owner decides "
                                        "what the policy cannot."))
        self.rows.append(UnitRow(product=product, sold=quantity, back_already=0, serial=serial, unit_price=price,
                                 checked=True, quantity=quantity))
        self._fill_table()
        self.table.selectRow(len(self.rows) - 1)

    def _fit_table(self) -> None:
        """The receipt's lines fill the table's width, the product name stretching; no sideways scrolling."""
        visible = self.table.isVisible() and self.table.viewport().width() > 100
        fit_columns(self.table, minimum=40, stretch=1,
                    width=self.table.viewport().width() if visible else 560)
        self.table.horizontalHeader().resizeSection(6, max(self.table.horizontalHeader().sectionSize(6), 64))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_table()

    def _fill_table(self) -> None:
        self._loading = True
        self.table.setRowCount(len(self.rows))
        for r, unit in enumerate(self.rows):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            check.setCheckState(Qt.CheckState.Checked if unit.checked else Qt.CheckState.Unchecked)
            if unit.returnable == 0:
                check.setFlags(Qt.ItemFlag.ItemIsEnabled)
                check.setToolTip(self.tr("Everything sold on this line is already back."))
            self.table.setItem(r, 0, check)
            for c, value in enumerate((unit.product.name, unit.product.model, unit.serial, str(unit.sold),
                                       str(unit.back_already)), start=1):
                cell = QTableWidgetItem(value)
                if c >= 4:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, cell)
            spin = QSpinBox()
            spin.setRange(1, max(unit.returnable, 1))
            spin.setValue(min(max(unit.quantity, 1), max(unit.returnable, 1)))
            spin.setEnabled(unit.returnable > 1 and not unit.product.serialised)
            spin.valueChanged.connect(lambda value, u=unit: self._quantity(u, value))
            self.table.setCellWidget(r, 6, spin)
        self._fit_table()
        self._loading = False
        if self.rows:
            self.table.selectRow(0)
            self._select(0)
        else:
            self._select(-1)
        self._update_verdict()

    def set_checked(self, row: int, checked: bool) -> None:
        self.table.item(row, 0).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _quantity(self, unit: UnitRow, value: int) -> None:
        unit.quantity = value
        self._update_verdict()

    def _item_changed(self, cell: QTableWidgetItem) -> None:
        if self._loading or cell.column() != 0:
            return
        self.rows[cell.row()].checked = cell.checkState() == Qt.CheckState.Checked
        if cell.row() == self._current:
            self._set_details_enabled(self.rows[cell.row()].checked)
        self._update_verdict()

    # ---------------------------------------------------------------- verdict and saving
    def chosen(self) -> list[UnitRow]:
        return [unit for unit in self.rows if unit.checked]

    def _update_verdict(self) -> None:
        chosen = self.chosen()
        self._refused = []
        if not chosen:
            self.verdict.setText(self.tr("Tick the units that are coming back."))
            self._update_save()
            return
        purchased = self.sale.sold_at.date() if self.sale is not None else self.no_receipt_date
        lines = []
        colours = {ALLOWED: "#1b7f3b", NOT_ALLOWED: "#b00020"}
        for unit in chosen:
            if not unit.reason:
                lines.append(self.tr("{product}: {verdict}").format(
                    product=f"<b>{html.escape(unit.product.name)}</b>", verdict=html.escape(self.tr("choose a reason"))))
                continue
            verdict = verdict_for(unit.line(), purchased)
            if verdict.outcome != ALLOWED:
                self._refused.append((unit, verdict))
            colour = colours.get(verdict.outcome, "#a15c00")
            said = (f"<span style='color:{colour}'><b>{html.escape(domain_tr(VERDICTS[verdict.outcome]))}</b></span> — "
                    f"{html.escape(verdict.text())}")
            lines.append(self.tr("{product}: {verdict}").format(
                product=f"<b>{html.escape(unit.product.name)}</b>", verdict=said))
        self.verdict.setText(self.tr("Return policy:") + "<br>" + "<br>".join(lines))
        self._update_save()

    def missing(self) -> tuple[str, QWidget | None]:
        """What keeps the return from being saved, in words, and the field to fill ("" when it can be saved)."""
        chosen = self.chosen()
        if not chosen:
            return self.tr("Tick the units that are coming back."), self.table
        for unit in chosen:
            if not unit.reason:
                return (QCoreApplication.translate("Domain", "Give the reason why {product} comes back.")
                        .format(product=unit.product.name), self.reason)
            if unit.product.serialised and not unit.serial.strip():
                return (QCoreApplication.translate(
                    "Domain", "{product} is tracked by serial number: give the serial of the unit.")
                        .format(product=unit.product.name), self.table)
        if self.sale is None and not (self.customer_name.text().strip() or self.customer_phone.text().strip()):
            return (QCoreApplication.translate("Domain", "Without a receipt, write down the customer's name or "
                                                         "phone."), self.customer_name)
        refused = self._refused
        if refused and not self.override.text().strip():
            unit, verdict = refused[0]
            return (QCoreApplication.translate(
                "Domain", "The return policy says no for {product}: {why} To go ahead anyway, write the reason for "
                          "the exception.").format(product=unit.product.name, why=verdict.text()), self.override)
        return "", None

    def _update_save(self) -> None:
        """Save is enabled only when it can succeed; otherwise its tooltip and the hint beside it say why. The
        exception fields are enabled only when the policy says no."""
        needs_exception = bool(self._refused)
        self.override.setEnabled(needs_exception)
        self.override_approval.setEnabled(needs_exception)
        why, _field = self.missing()
        if self._saving:
            why = self.tr("Saving…")
        self.save_button.setEnabled(not why)
        # the hint beside Save says what is missing, unless the policy box above says the same already
        self.save_hint.setText(why if self.rows and why != self.verdict.text() else "")
        self.save_button.setToolTip(why or self.tr("Save the return, then print its slip and item labels on the "
                                                   "printers chosen under Settings → Printers (Enter or Ctrl+S)."))

    def save_from_keyboard(self) -> bool:
        """Enter or Ctrl+S: Save and print when it can succeed; otherwise the focus goes to what is missing and
        the main window's status bar says it. True when the save was started."""
        if self.save_button.isEnabled():
            self.save()
            return True
        why, field = self.missing()
        if field is not None and field.isEnabled():
            field.setFocus()
        if why:
            from .print_ui import say

            say(self, why)
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter that no field used (a combo, a line edit, the table let it through) is the default button, as in
        a dialog; Enter in the find box only finds, and on another button it is that button's."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            focus = self.focusWidget()
            if focus is not self.find_edit and not (isinstance(focus, QPushButton) and focus is not self.save_button):
                self.save_from_keyboard()
                event.accept()
                return
        super().keyPressEvent(event)

    def request(self) -> ReturnRequest:
        return ReturnRequest(lines=[unit.line() for unit in self.chosen()],
                             sale_id=self.sale.id if self.sale is not None else None,
                             customer_name=self.customer_name.text(), customer_phone=self.customer_phone.text(),
                             bought_elsewhere=self.elsewhere.isChecked(), purchased_on=self.no_receipt_date,
                             shipping_cost=to_money(self.shipping), override_reason=self.override.text(),
                             override_approval=self.override_approval.approval(), note=self.note.text())

    def save(self) -> None:
        """Save the return (on the writer thread); once saved its slip and labels print (IntakeTab)."""
        self._store()
        if self._saving:
            return
        self._saving = True
        self._update_save()
        self.context.ops.run(register_return, self.request(), self.context.staff, self.context.attachments_dir,
                             on_success=self._saved, on_failure=self._failed)

    def _failed(self, error: BaseException) -> None:
        self._saving = False
        self._update_save()
        show_error(self, error)

    def _saved(self, changes: Changes) -> None:
        from ..models import ReturnOrder
        from .return_order import archive_slip

        self._saving = False
        order = ReturnOrder.get(ReturnOrder.number == changes.reference)
        try:
            slip = archive_slip(self.context, order.id)
            kept = self.tr("The slip is kept at {path}.").format(path=slip)
        except OSError as exc:
            kept = self.tr("The slip could not be kept as PDF: {reason}").format(reason=exc.strerror or exc)
        self.clear()
        self.result.setText(self.tr("Saved return {number} with {count} unit(s). {kept}").format(
            number=order.number, count=len(changes.ids), kept=kept))
        self.last_order_id = order.id
        self.saved.emit(changes)

    def clear(self) -> None:
        self.sale = None
        self.rows = []
        self.no_receipt_date = None
        for edit in (self.find_edit, self.customer_name, self.customer_phone, self.override, self.note):
            edit.clear()
        self.elsewhere.setChecked(False)
        self.shipping.setValue(0)
        self.customer_box.setVisible(False)
        self.sale_label.setText(self.tr("Find the sale the goods come from, or register them without a receipt."))
        self.result.clear()
        self._fill_table()
        self.find_edit.setFocus()
