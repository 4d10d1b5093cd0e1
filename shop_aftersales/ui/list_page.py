"""A work list: a filter box over a paged table, with buttons acting on the selected row. Enter or Ctrl+O opens
the selected row's ID card (the unit's, for a list of units; the repair, for a list of repairs), a double-click
does the list's own action."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..models import AftersalesItem, RepairOrder
from ..services import Changes
from ..services.paging import PagedSource
from .context import AppContext
from .paged_model import PagedTableModel
from .widgets import fit_columns, make_table_view, open_keys


class ListPage(QWidget):
    def __init__(self, context: AppContext, make_source: Callable[[str], PagedSource], hint: str,
                 open_row: Callable[[int], object], parent: QWidget | None = None, *, sort_column: int = 0,
                 descending: bool = False, open_card: Callable[[int], object] | None = None,
                 stretch: int | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.make_source = make_source
        self.open_row = open_row
        self.open_card = open_card  # what Enter / Ctrl+O opens for a row id (else found from the rows' kind)
        self.stretch = stretch  # the column that takes the page's spare width (else the widest text column)
        self.last_dialog: QDialog | None = None
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
        self._chosen: int | None = None
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSortIndicator(
            sort_column, self.view.horizontalHeader().sortIndicatorOrder().DescendingOrder if descending
            else self.view.horizontalHeader().sortIndicatorOrder().AscendingOrder)
        self.view.doubleClicked.connect(self._activated)
        open_keys(self.view, self.open_selected)
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

    def _remember_selection(self) -> None:
        self._chosen = self.selected_id()

    def _restore_selection(self) -> None:
        """After a reload or a sort the same row stays selected (by its id: its place may have changed)."""
        chosen, self._chosen = self._chosen, None
        if chosen is None:
            return
        for row in range(self.model.rowCount()):
            if self.model.row_id(row) == chosen:
                self.view.selectRow(row)
                return

    def _update_count(self) -> None:
        self.count.setText(self.tr("{count} rows").format(count=self.model.total()))
        if not self._fitted and self.model.rowCount():
            fit_columns(self.view, stretch=self.stretch)  # once, on the first rows: later refreshes keep the user's widths
            self._fitted = True

    def open_selected(self) -> object:
        """Enter / Ctrl+O: the ID card of the selected row (a unit's card, a repair's dialog), else the row's own
        action."""
        row_id = self.selected_id()
        if row_id is None:
            current = self.view.currentIndex()
            if not current.isValid():
                return None
            row_id = self.model.row_id(current.row())
        if self.open_card is not None:
            return self.open_card(row_id)
        kind = getattr(self.model.source, "id_field", None)
        if kind is not None and kind.model is AftersalesItem:
            from .item_card import ItemCard

            return self._show(ItemCard(self.context, row_id, self))
        if kind is not None and kind.model is RepairOrder:
            from .repair_dialogs import RepairDialog

            return self._show(RepairDialog(self.context, row_id, self))
        return self.open_row(row_id)

    def _show(self, dialog: QDialog) -> QDialog:
        self.last_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_row(self.model.row_id(index.row()))

    def _changed(self, changes: Changes) -> None:
        if changes.items or changes.stock:
            self.reload()
