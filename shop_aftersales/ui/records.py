"""Read-only views of one record: a product with its stock and moves, a sale with its lines."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from ..models import Product, Sale
from ..money import format_yuan
from ..services import ledger
from ..services.search import sale_lines
from ..services.stock import ProductMoves, internal_locations
from .paged_model import PagedTableModel, domain_tr
from .widgets import fit_columns, make_table_view


def _value_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(label.textInteractionFlags() | label.textInteractionFlags().TextSelectableByMouse)
    return label


class ProductDialog(QDialog):
    """A product's card: what it is, where its stock is now, and every move of it (the ledger)."""

    def __init__(self, product_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        product = Product.get_by_id(product_id)
        self.setWindowTitle(self.tr("Product {sku}").format(sku=product.sku))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Product:"), _value_label(f"{product.name}  {product.model}".strip()))
        form.addRow(self.tr("SKU / barcode:"), _value_label(f"{product.sku}  {product.barcode or ''}".strip()))
        category = product.category.name if product.category_id else ""
        form.addRow(self.tr("Category / brand:"), _value_label(" / ".join(x for x in (category, product.brand) if x)))
        form.addRow(self.tr("Supplier:"), _value_label(product.supplier.name if product.supplier_id else ""))
        form.addRow(self.tr("List price / cost:"),
                    _value_label(f"{format_yuan(product.list_price)} / {format_yuan(product.cost)}"))
        form.addRow(self.tr("Tracked by serial:"), _value_label(self.tr("Yes") if product.serialised else self.tr("No")))
        stock = [f"{domain_tr(loc.name)} {qty}" for loc in internal_locations()
                 if (qty := ledger.on_hand(product, loc))]
        form.addRow(self.tr("On hand now:"), _value_label("   ".join(stock) or self.tr("none")))
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Stock moves, newest first:")))
        self.moves = make_table_view(self)
        self.moves_model = PagedTableModel(ProductMoves(product_id=product_id), descending=True, parent=self)
        self.moves.setModel(self.moves_model)
        self.moves.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        fit_columns(self.moves)
        layout.addWidget(self.moves, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class SaleDialog(QDialog):
    """An original sale (receipt): who bought what, when and at what price."""

    def __init__(self, sale_id: int, parent: QWidget | None = None,
                 start_return: Callable[[int], None] | None = None) -> None:
        super().__init__(parent)
        sale = Sale.get_by_id(sale_id)
        self.setWindowTitle(self.tr("Receipt {number}").format(number=sale.receipt_no))
        self.resize(860, 420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Receipt no.:"), _value_label(sale.receipt_no))
        form.addRow(self.tr("Date:"), _value_label(f"{sale.sold_at:%Y-%m-%d %H:%M}"))
        customer = sale.customer
        form.addRow(self.tr("Customer:"), _value_label(f"{customer.name}  {customer.phone}" if customer
                                                       else self.tr("(walk-in, not recorded)")))
        if sale.staff_id:
            form.addRow(self.tr("Sold by:"), _value_label(sale.staff.name))
        layout.addLayout(form)
        lines = sale_lines(sale_id)
        headers = [self.tr("Product"), self.tr("Model"), self.tr("Serial"), self.tr("Qty"), self.tr("Unit price"),
                   self.tr("Amount"), self.tr("Batch")]
        # A receipt has a handful of lines: a plain table widget is the right tool here.
        table = QTableWidget(len(lines), len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        total = 0
        for r, line in enumerate(lines):
            amount = line.unit_price * line.quantity
            total += amount
            values = [line.product.name, line.product.model, line.serial or "", str(line.quantity),
                      format_yuan(line.unit_price), format_yuan(amount), line.batch]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c in (3, 4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(table, 1)
        layout.addWidget(QLabel(self.tr("Total: {amount}").format(amount=format_yuan(total))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self.return_button = None
        if start_return is not None:
            self.return_button = buttons.addButton(self.tr("Register a return…"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
            self.return_button.clicked.connect(lambda: (self.accept(), start_return(sale_id)))
            for button in buttons.buttons():
                button.setAutoDefault(False)  # Enter is Register a return… wherever the focus is
            self.return_button.setDefault(True)  # the likely next step at the counter
        layout.addWidget(buttons)
        if self.return_button is not None:
            self.return_button.setFocus()
