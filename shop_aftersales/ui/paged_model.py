"""A QTableView model over a services.paging.PagedSource: rows arrive a page at a time as the
view scrolls (canFetchMore/fetchMore), and sorting is done by the database, so 100 000 rows open
as fast as 100."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from ..money import format_yuan
from ..services.paging import PagedSource

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def domain_tr(text: str) -> str:
    return QCoreApplication.translate("Domain", text)


class PagedTableModel(QAbstractTableModel):
    PAGE = 200

    def __init__(self, source: PagedSource, *, blank_zero: bool = False, sort_column: int = 0,
                 descending: bool = False, parent=None) -> None:
        super().__init__(parent)
        self._source = source
        self._rows: list[tuple] = []
        self._total = 0
        self._sort = (sort_column, descending)
        self._blank_zero = blank_zero
        self.refresh()

    # -- the source ---------------------------------------------------------------
    @property
    def source(self) -> PagedSource:
        return self._source

    def set_source(self, source: PagedSource) -> None:
        self._source = source
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._total = self._source.count()
        self._rows = self._source.fetch(0, self.PAGE, *self._sort) if self._total else []
        self.endResetModel()

    # the column that takes a page's spare width (widgets.fit_columns): what a row is, in words
    STRETCH_KEYS = ("product", "name", "fault", "findings", "note", "customer")

    def stretch_column(self) -> int | None:
        keys = [c.key for c in self._source.columns]
        for wanted in self.STRETCH_KEYS:
            if wanted in keys:
                return keys.index(wanted)
        return None

    def total(self) -> int:
        return self._total

    def row_id(self, row: int) -> int:
        return self._rows[row][0]

    # -- Qt model -----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._source.columns)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if parent.isValid():
            return
        rows = self._source.fetch(len(self._rows), self.PAGE, *self._sort)
        if not rows:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return domain_tr(self._source.columns[section].title)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            if self._source.columns[section].numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self._source.columns[index.column()]
        value = self._rows[index.row()][index.column() + 1]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.money and isinstance(value, int):
                return format_yuan(value, fen=True)
            return self._display(value, column.translate)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ID_ROLE:
            return self._rows[index.row()][0]
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) and len(value) > 30:
            return value
        return None

    def _display(self, value, translate: bool) -> str:
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == " ":
            return value[:16]  # a datetime that came back as text from an aggregate
        if isinstance(value, Decimal):
            return format_yuan(value)
        if isinstance(value, int) and value == 0 and self._blank_zero:
            return ""
        if translate:
            return domain_tr(str(value))
        return str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        wanted = (column, order == Qt.SortOrder.DescendingOrder)
        if wanted == self._sort:  # e.g. the view announcing the order the model already has: no second query
            return
        self._sort = wanted
        self.refresh()
