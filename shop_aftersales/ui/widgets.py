"""Small widgets shared by several screens."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout,
                               QWidget)

from ..clock import today


def date_edit(day: dt.date | None = None, parent=None) -> QDateEdit:
    """A date field showing *day*, or the app clock's today (never Qt's own idea of the date)."""
    edit = QDateEdit(QDate(day or today()), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class HeldRowsModel(QAbstractTableModel):
    """A table model over rows held in a Python list, with its column headers; subclasses give data()."""

    def __init__(self, headers: list[str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.headers: list[str] = list(headers or [])
        self.rows: list = []

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class EmptyState(QWidget):
    """A friendly page that says what will be here and what to do, instead of a blank screen."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.title = QLabel(title)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setFixedWidth(600)
        self.text.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.title)
        layout.addSpacing(12)
        row = QHBoxLayout()  # (not an alignment flag: that breaks the wrapped label's height-for-width)
        row.addStretch(1)
        row.addWidget(self.text)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(3)


def make_table_view(parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def fit_columns(view: QTableView, minimum: int = 60, maximum: int = 320) -> None:
    """Size columns to the header and the rows loaded so far (only the first page: cheap)."""
    header = view.horizontalHeader()
    model = view.model()
    if model is None:
        return
    metrics = view.fontMetrics()
    for col in range(model.columnCount()):
        title = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
        width = metrics.horizontalAdvance(title) + 36
        for row in range(min(model.rowCount(), 60)):
            text = str(model.index(row, col).data() or "")
            width = max(width, metrics.horizontalAdvance(text) + 24)
        header.resizeSection(col, max(minimum, min(width, maximum)))
