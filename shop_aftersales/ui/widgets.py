"""Small widgets shared by several screens."""

from __future__ import annotations

import datetime as dt

from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QDate, QEvent, QModelIndex, QObject, QSize, Qt
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QStyle,
                               QStyleOptionHeader, QTableView, QVBoxLayout, QWidget)

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
    view.setHorizontalHeader(WrappingHeader(view))
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


# The width a table may take at the 1280 px the app is laid out for (window, tab and page margins off).
FIT_WIDTH = 1200


def wrap_title(title: str) -> str:
    """A column title on two lines, broken at the space nearest its middle ("Ready for\npickup"); a title
    without a space (a Chinese one) stays as it is."""
    title = title.replace("\n", " ")
    spaces = [i for i, ch in enumerate(title) if ch == " "]
    if not spaces:
        return title
    cut = min(spaces, key=lambda i: abs(i - len(title) / 2))
    return title[:cut] + "\n" + title[cut + 1:]


class WrappingHeader(QHeaderView):
    """A table's column titles, where a long one can be shown on two lines (the model's title stays whole)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)  # as QTableView's own header: a click on a title sorts by it
        self.wrapped: set[int] = set()

    def set_wrapped(self, col: int, wrapped: bool) -> None:
        if (col in self.wrapped) != wrapped:
            (self.wrapped.add if wrapped else self.wrapped.discard)(col)
            self.headerDataChanged(Qt.Orientation.Horizontal, col, col)  # a new height for the header
            self.updateGeometry()
            self.viewport().update()

    def shown_title(self, col: int) -> str:
        title = str(self.model().headerData(col, Qt.Orientation.Horizontal) or "") if self.model() else ""
        return wrap_title(title) if col in self.wrapped else title

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        size = super().sectionSizeFromContents(logicalIndex)
        if logicalIndex not in self.wrapped:
            return size
        metrics = self.fontMetrics()
        whole = str(self.model().headerData(logicalIndex, Qt.Orientation.Horizontal) or "")
        lines = self.shown_title(logicalIndex).split("\n")
        narrower = metrics.horizontalAdvance(whole) - max(metrics.horizontalAdvance(line) for line in lines)
        return QSize(size.width() - narrower, size.height() + metrics.lineSpacing() * (len(lines) - 1))

    def paintSection(self, painter, rect, logicalIndex: int) -> None:
        if logicalIndex not in self.wrapped:
            super().paintSection(painter, rect, logicalIndex)
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        self.initStyleOptionForIndex(option, logicalIndex)
        option.rect = rect
        option.text = self.shown_title(logicalIndex)
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.restore()


def _wrap_header(view: QTableView, col: int, wrapped: bool) -> None:
    header = view.horizontalHeader()
    if isinstance(header, WrappingHeader):
        header.set_wrapped(col, wrapped)


def wrapping_header(view: QTableView) -> WrappingHeader:
    """Give *view* (a QTableView or QTableWidget) a header that can show long titles on two lines."""
    header = view.horizontalHeader()
    if isinstance(header, WrappingHeader):
        return header
    new = WrappingHeader(view)
    new.setHighlightSections(header.highlightSections())
    new.setSectionsClickable(header.sectionsClickable())
    new.setStretchLastSection(header.stretchLastSection())
    new.setSortIndicatorShown(header.isSortIndicatorShown())
    view.setHorizontalHeader(new)
    return new


def title_width(view: QTableView, col: int) -> int:
    """The width column *col*'s title needs to show uncut: its longest line, the header's margins and, on the
    column the table is sorted by, the sort arrow."""
    header = view.horizontalHeader()
    title = (header.shown_title(col) if isinstance(header, WrappingHeader)
             else str(view.model().headerData(col, Qt.Orientation.Horizontal) or ""))
    metrics = header.fontMetrics()
    margin = header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin, None, header)
    width = max((metrics.horizontalAdvance(line) for line in title.split("\n")), default=0) + 2 * margin + 6
    if header.isSortIndicatorShown() and header.sortIndicatorSection() == col:
        width += metrics.height() + margin
    return width


def fit_columns(view: QTableView, minimum: int = 60, maximum: int = 320, stretch: int | None = None,
                width: int | None = None) -> None:
    """Size columns to their title and the rows loaded so far (only the first page: cheap), so that the table
    fills its page: one text column (*stretch*, else the widest text column) takes what is left, no grey void at
    the right. When the columns would not fit in *width* (the view's, else FIT_WIDTH), long titles of columns
    whose values are narrower go on two lines instead of being cut ("Alread…") or scrolled to."""
    header = view.horizontalHeader()
    model = view.model()
    if model is None or not model.columnCount():
        return
    columns = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)]
    if not columns:
        return
    metrics = view.fontMetrics()
    numeric: set[int] = set()
    contents: dict[int, int] = {}
    for col in columns:
        width_ = 0
        for row in range(min(model.rowCount(), 60)):
            index = model.index(row, col)
            width_ = max(width_, metrics.horizontalAdvance(str(index.data() or "")) + 24)
            align = index.data(Qt.ItemDataRole.TextAlignmentRole)
            if align is not None and int(align) & int(Qt.AlignmentFlag.AlignRight):
                numeric.add(col)
        contents[col] = width_
    for col in columns:
        _wrap_header(view, col, False)
    titles = {col: title_width(view, col) for col in columns}

    def natural(col: int) -> int:  # a column of figures may be narrower than one of text
        return max(minimum if col not in numeric else min(minimum, 40), min(max(titles[col], contents[col]), maximum))

    budget = width or (view.viewport().width() if view.isVisible() else FIT_WIDTH)
    if sum(natural(c) for c in columns) > budget:
        for col in columns:
            title = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            if titles[col] > contents[col] and " " in title.strip():
                _wrap_header(view, col, True)
                titles[col] = title_width(view, col)
    if (stretch is None or stretch not in columns) and hasattr(model, "stretch_column"):
        stretch = model.stretch_column()
    if stretch is None or stretch not in columns:
        text_columns = [c for c in columns if c not in numeric] or columns
        stretch = max(text_columns, key=lambda c: (contents[c], -c))
    widths = {col: natural(col) for col in columns if col != stretch}
    # still too wide: the other text columns give up width down to their title's (their values are cut with
    # "…", a long one shows whole in its tooltip), so that the stretching column keeps room for its values
    wanted = max(titles[stretch], min(contents[stretch], 180))
    excess = sum(widths.values()) + wanted - budget
    give = {col: widths[col] - max(titles[col], minimum) for col in widths if col not in numeric}
    if excess > 0 and sum(give.values()) > 0:
        share = min(1.0, excess / sum(give.values()))
        for col, spare in give.items():
            widths[col] -= int(spare * share + 0.999)
    header.setStretchLastSection(False)
    for col in columns:
        if col == stretch:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, widths[col])


def header_fits(view: QTableView) -> list[str]:
    """The titles of the visible columns cut short by their section's width (for tests and screenshots)."""
    header = view.horizontalHeader()
    model = view.model()
    cut = []
    for col in range(model.columnCount() if model is not None else 0):
        if not header.isSectionHidden(col) and header.sectionSize(col) < title_width(view, col):
            cut.append(str(model.headerData(col, Qt.Orientation.Horizontal) or ""))
    return cut


OPEN_KEYS = (QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter),
             QKeySequence(Qt.KeyboardModifier.ControlModifier | Qt.Key.Key_O))


class _OpenKeys(QObject):
    """Enter and Ctrl+O on a table open its selected row (taken before any window or dialog shortcut)."""

    def __init__(self, view: QAbstractItemView, callback: Callable[[], object]) -> None:
        super().__init__(view)
        self.callback = callback

    @staticmethod
    def _is_open_key(event: QKeyEvent) -> bool:
        combo = QKeySequence(event.keyCombination())
        return any(combo.matches(key) == QKeySequence.SequenceMatch.ExactMatch for key in OPEN_KEYS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._is_open_key(event):
            event.accept()  # the key press comes to the table, not to a shortcut of the window
            return True
        if event.type() == QEvent.Type.KeyPress and self._is_open_key(event):
            self.callback()
            return True
        return False


def open_keys(view: QAbstractItemView, callback: Callable[[], object]) -> None:
    """Enter and Ctrl+O on *view* call *callback* (which opens the selected row: its ID card, as a rule)."""
    view.installEventFilter(_OpenKeys(view, callback))
