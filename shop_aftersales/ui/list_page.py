"""A work list: a filter box over a paged table, with buttons acting on the selected row."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..services import Changes
from ..services.paging import PagedSource
from .context import AppContext
from .paged_model import PagedTableModel
from .widgets import fit_columns, make_table_view


class ListPage(QWidget):
    def __init__(self, context: AppContext, make_source: Callable[[str], PagedSource], hint: str,
                 open_row: Callable[[int], object], parent: QWidget | None = None, *, sort_column: int = 0,
                 descending: bool = False) -> None:
        super().__init__(parent)
        self.context = context
        self.make_source = make_source
        self.open_row = open_row
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(hint)
        self.filter.setClearButtonEnabled(True)
        bar.addWidget(self.filter, 1)
        self.count = QLabel()
        bar.addWidget(self.count)
        self.buttons = QHBoxLayout()
        bar.addLayout(self.buttons)
        layout.addLayout(bar)
        self.view = make_table_view(self)
        self.model = PagedTableModel(make_source(""), sort_column=sort_column, descending=descending, parent=self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSortIndicator(
            sort_column, self.view.horizontalHeader().sortIndicatorOrder().DescendingOrder if descending
            else self.view.horizontalHeader().sortIndicatorOrder().AscendingOrder)
        self.view.doubleClicked.connect(self._activated)
        layout.addWidget(self.view, 1)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.reload)
        self.filter.textChanged.connect(self._debounce.start)
        context.changed.connect(self._changed)
        self._fitted = False
        self._update_count()

    def add_button(self, text: str, slot: Callable[[int], object]) -> QPushButton:
        """A button acting on the selected row's id."""
        button = QPushButton(text)
        button.clicked.connect(lambda: self.selected_id() is not None and slot(self.selected_id()))
        self.buttons.addWidget(button)
        return button

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_id(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def reload(self) -> None:
        self.model.set_source(self.make_source(self.filter.text()))
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(self.tr("{count} rows").format(count=self.model.total()))
        if not self._fitted and self.model.rowCount():
            fit_columns(self.view)  # once, on the first rows: later refreshes keep the user's widths
            self._fitted = True

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_row(self.model.row_id(index.row()))

    def _changed(self, changes: Changes) -> None:
        if changes.items or changes.stock:
            self.reload()
