"""A return order (退货单): its units and their state, and its slip and labels to print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ..models import ReturnOrder
from ..models.aftersales import STATUSES
from ..printing.label import render_labels
from ..printing.slip import render_slip, slip_pdf
from ..services import Changes
from ..services.cards import order_items
from ..services.returns import order_state
from .context import AppContext
from .item_card import ItemCard
from . import shortcuts
from .paged_model import domain_tr
from .print_ui import ITEM_LABEL, SLIP, PrintOutcome, PreviewDialog, preview, print_document, save_pdf


def slip_document(order_id: int):
    """The slip of return *order_id*: how to render it, and its title."""
    number = ReturnOrder.get_by_id(order_id).number
    return (lambda device: render_slip(order_id, device),
            QCoreApplication.translate("ReturnOrderDialog", "Return slip {number}").format(number=number))


def print_slip(parent: QWidget | None, order_id: int) -> PrintOutcome:
    """Print the slip straight to the printer chosen for slips (the preview opens instead only when there is
    none, saying why)."""
    render, title = slip_document(order_id)
    return print_document(parent, SLIP, render, title, ReturnOrder.get_by_id(order_id).number)


def archive_slip(context: AppContext, order_id: int) -> Path:
    """Write the slip into the data folder's documents/ (kept for every return) and return its path."""
    order = ReturnOrder.get_by_id(order_id)
    folder = context.documents_dir / "return-slips"
    folder.mkdir(parents=True, exist_ok=True)
    return slip_pdf(order_id, folder / f"{order.number}.pdf")


class ReturnOrderDialog(QDialog):
    def __init__(self, context: AppContext, order_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.order_id = order_id
        self.resize(860, 460)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.table = QTableWidget(0, 6)  # the units of one return: a handful of rows
        self.table.setHorizontalHeaderLabels([self.tr("Item code"), self.tr("Product"), self.tr("Serial"),
                                              self.tr("Qty"), self.tr("Status"), self.tr("With the customer")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.open_item(row))
        layout.addWidget(self.table, 1)
        self.printed = QLabel()  # what Save and print (or Print) did with the slip and the labels
        self.printed.setWordWrap(True)
        layout.addWidget(self.printed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        # the print buttons print straight away (Settings → Printers); the preview is beside each
        self.print_button = QPushButton(self.tr("Print slip"))
        self.print_button.clicked.connect(self.print_slip)
        self.preview_button = QPushButton(self.tr("Preview slip…"))
        self.preview_button.clicked.connect(self.preview_slip)
        self.pdf_button = QPushButton(self.tr("Save slip as PDF…"))
        self.pdf_button.clicked.connect(
            lambda: save_pdf(self, lambda p: slip_pdf(order_id, p), Path(f"{self.order.number}.pdf")))
        self.labels_button = QPushButton(self.tr("Print labels"))
        self.labels_button.clicked.connect(self.print_labels)
        self.labels_preview_button = QPushButton(self.tr("Preview labels…"))
        self.labels_preview_button.clicked.connect(self.preview_labels)
        for button in (self.print_button, self.preview_button, self.pdf_button, self.labels_button,
                       self.labels_preview_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        for button in buttons.buttons():
            button.setAutoDefault(False)  # Enter is Print slip wherever the focus is
        self.print_button.setDefault(True)  # the likely next step: the slip for the customer
        layout.addWidget(buttons)
        self.buttons = buttons
        shortcuts.shortcut(shortcuts.PRINT, self, self.print_slip)
        context.changed.connect(self._changed)
        self.reload()
        self.print_button.setFocus()

    def reload(self) -> None:
        self.order = order = ReturnOrder.get_by_id(self.order_id)
        self.setWindowTitle(self.tr("Return {number}").format(number=order.number))
        while self.form.rowCount():
            self.form.removeRow(0)
        customer = order.customer
        self.form.addRow(self.tr("Return no.:"), QLabel(f"<b>{order.number}</b>  {order.created_at:%Y-%m-%d %H:%M}"))
        self.form.addRow(self.tr("Customer:"), QLabel(f"{customer.name}  {customer.phone}" if customer else "—"))
        self.form.addRow(self.tr("Receipt:"), QLabel(order.sale.receipt_no if order.sale_id else self.tr("no receipt")))
        state = self.tr("open: some units are not settled yet") if order_state(order) == "open" else self.tr("settled")
        self.form.addRow(self.tr("State:"), QLabel(state))
        self.items = order_items(self.order_id)
        settled = {"pending": self.tr("not settled"), "done": self.tr("settled"), "declined": self.tr("declined")}
        self.table.setRowCount(len(self.items))
        for r, item in enumerate(self.items):
            values = [item.code, f"{item.product.name} {item.product.model}", item.serial or "", str(item.quantity),
                      domain_tr(STATUSES[item.status]), settled[item.resolution_state]]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if c == 3:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)

    def open_item(self, row: int) -> ItemCard:
        card = ItemCard(self.context, self.items[row].id, self)
        card.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        card.open()
        return card

    def _slip(self):
        return slip_document(self.order_id)

    def _labels(self):
        ids = [i.id for i in self.items]
        return (lambda device: render_labels(ids, device),
                self.tr("Labels of {number}").format(number=self.order.number))

    def print_slip(self) -> PrintOutcome:
        outcome = print_slip(self, self.order_id)
        self._say([(self.tr("Slip"), outcome)])
        return outcome

    def print_all(self) -> list[PrintOutcome]:
        """The slip, then the labels, each to its printer (what Save and print does once the return is saved)."""
        slip = print_slip(self, self.order_id)
        render, title = self._labels()
        labels = print_document(self, ITEM_LABEL, render, title, title)
        self._say([(self.tr("Slip"), slip), (self.tr("Labels"), labels)])
        return [slip, labels]

    def _say(self, outcomes: list[tuple[str, PrintOutcome]]) -> None:
        words = {"printer": self.tr("sent to {printer}"), "pdf": self.tr("saved as {path}"),
                 "preview": self.tr("not printed (see the preview)"), "cancelled": self.tr("not printed")}
        self.printed.setText("   ".join(
            self.tr("{what}: {done}").format(what=what, done=words.get(outcome.route, outcome.route).format(
                printer=outcome.printer, path=outcome.path)) for what, outcome in outcomes))

    def preview_slip(self) -> PreviewDialog:
        render, title = self._slip()
        return preview(self, render, title, SLIP, file_name=self.order.number)

    def print_labels(self) -> PrintOutcome:
        render, title = self._labels()
        outcome = print_document(self, ITEM_LABEL, render, title, title)
        self._say([(self.tr("Labels"), outcome)])
        return outcome

    def preview_labels(self) -> PreviewDialog:
        render, title = self._labels()
        return preview(self, render, title, ITEM_LABEL, file_name=title)

    def _changed(self, changes: Changes) -> None:
        if changes.items:
            self.reload()
