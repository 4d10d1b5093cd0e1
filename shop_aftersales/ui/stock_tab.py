"""The Stock tab (库存分区): on-hand quantity of every product in every zone, from the ledger."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QStackedLayout, QVBoxLayout,
                               QWidget)

from ..services import Changes
from ..services.stock import StockOverview, internal_locations
from .context import AppContext
from .paged_model import PagedTableModel, domain_tr
from .records import ProductDialog
from .widgets import EmptyState, fit_columns, make_table_view, open_keys


class StockTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.whose = QComboBox()
        self.whose.addItem(self.tr("Shop stock"), False)
        self.whose.addItem(self.tr("Customers' units in for repair"), True)
        self.whose.setToolTip(self.tr("Customers' own units in for warranty repair are not the shop's stock: they "
                                      "are listed apart and never counted in a stock count."))
        bar.addWidget(self.whose)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Zone:")))
        self.zone = QComboBox()
        self.zone.addItem(self.tr("All zones"), None)
        for loc in internal_locations():
            self.zone.addItem(domain_tr(loc.name), loc.code)
        bar.addWidget(self.zone)
        bar.addSpacing(12)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by SKU, product, model or category"))
        self.filter.setClearButtonEnabled(True)
        bar.addWidget(self.filter, 1)
        self.count = QLabel()
        bar.addWidget(self.count)
        self.count_button = QPushButton(self.tr("Stock count…"))
        self.count_button.clicked.connect(self.open_count)
        bar.addWidget(self.count_button)
        layout.addLayout(bar)

        self.stack = QStackedLayout()
        self.view = make_table_view(self)
        self.model = PagedTableModel(StockOverview(), blank_zero=True, parent=self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.doubleClicked.connect(self.open_product)
        open_keys(self.view, lambda: self.open_product(self.view.currentIndex()))
        self.empty = EmptyState(
            self.tr("No stock yet"),
            self.tr("Every unit the shop holds is listed here per zone: sellable stock, inspection, repairable, "
                    "in repair, the resale shelf and more, always summed from the stock moves. Import opening "
                    "stock with File → Import…, or register a return on the Intake tab."))
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout.addLayout(self.stack, 1)

        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.reload)
        self.filter.textChanged.connect(self._debounce.start)
        self.zone.currentIndexChanged.connect(self.reload)
        self.whose.currentIndexChanged.connect(self.reload)
        context.changed.connect(self._on_changed)
        self._fitted = False
        self._update_state()

    def _on_changed(self, changes: Changes) -> None:
        if changes.stock or changes.catalog:
            self.reload()

    def reload(self) -> None:
        self.model.set_source(StockOverview(zone=self.zone.currentData(), text=self.filter.text(),
                                            customers=bool(self.whose.currentData())))
        self._update_state()

    def _update_state(self) -> None:
        filtered = (bool(self.filter.text().strip()) or self.zone.currentData() is not None
                    or bool(self.whose.currentData()))
        total = self.model.total()
        self.count.setText(self.tr("{count} products").format(count=total))
        customers = StockOverview(customers=True).count()
        self.whose.setItemText(1, self.tr("Customers' units in for repair ({count})").format(count=customers))
        self.stack.setCurrentWidget(self.view if total or filtered else self.empty)
        if not self._fitted and self.model.rowCount():
            fit_columns(self.view, stretch=1)  # the product's name takes the spare width
            self._fitted = True

    def open_count(self):
        from .stock_count_dialog import StockCountDialog

        dialog = StockCountDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def open_product(self, index: QModelIndex) -> ProductDialog | None:
        if not index.isValid():
            return None
        dialog = ProductDialog(self.model.row_id(index.row()), self)
        dialog.open()
        self.last_dialog = dialog
        return dialog
