"""The supplier scorecard page of the Reports tab: one row per supplier for the period, sortable by any column
(numbers sort as numbers), printable for one supplier or all, and exported as a workbook of its own."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..clock import today
from ..money import format_yuan
from ..reports import analytics
from ..reports.scorecard import (
    COLUMNS,
    RATE,
    Scorecard,
    SupplierScore,
    reasons_text,
    scorecard,
    supplier_name,
)
from ..services import settings
from .context import AppContext
from .errors import show_error
from .exporting import export_in_background
from .paged_model import domain_tr
from .print_ui import SLIP, PreviewDialog, PrintOutcome, preview, print_document
from .widgets import HeldRowsModel, fit_columns, make_table_view

SORT_ROLE = Qt.ItemDataRole.UserRole


def _values(score: SupplierScore) -> list[object]:
    """A row's values in the columns' order, each as it sorts (numbers as numbers; no open return sorts first)."""
    return [supplier_name(score), score.sold, score.returned, score.rate, reasons_text(score), score.repair_cost,
            score.write_offs, score.credits, score.open_returns,
            -1 if score.oldest_open_days is None else score.oldest_open_days]


class ScorecardModel(HeldRowsModel):
    """The scorecard's rows, sorted in place by the view's header (a click on a title)."""

    def __init__(self, parent=None) -> None:
        super().__init__([domain_tr(title) for title, _kind in COLUMNS], parent)
        self.kinds = [kind for _title, kind in COLUMNS]
        self.rows: list[SupplierScore] = []
        self._sort: tuple[int, Qt.SortOrder] = (RATE, Qt.SortOrder.DescendingOrder)

    def set_rows(self, scores: list[SupplierScore]) -> None:
        self.beginResetModel()
        self.rows = list(scores)
        self._apply_sort()
        self.endResetModel()

    def score(self, row: int) -> SupplierScore | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        score, col = self.rows[index.row()], index.column()
        value = _values(score)[col]
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            kind = self.kinds[col]
            if kind == "rate":
                return f"{value * 100:.1f}%"
            if kind == "money":
                return format_yuan(value)
            if kind == "days":
                return "" if value < 0 else str(value)
            return str(value)
        if role == Qt.ItemDataRole.ToolTipRole and self.kinds[col] == "text" and value:
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.kinds[col] != "text":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _key(self, score: SupplierScore, column: int):
        value = _values(score)[column]
        if isinstance(value, str):
            return (0, value.casefold())
        return (0, float(value) if isinstance(value, Decimal) else value)

    def _apply_sort(self) -> None:
        column, order = self._sort
        # ties by the supplier's name, always A→Z, so a re-sort is stable whichever way the column goes
        self.rows.sort(key=lambda s: supplier_name(s).casefold())
        self.rows.sort(key=lambda s: self._key(s, column), reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.headers):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort()
        self.layoutChanged.emit()


class ScorecardPage(QWidget):
    """The scorecard for the period the Reports tab shows (``show_period``)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.card: Scorecard | None = None
        self.period: analytics.Period | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.scope = QComboBox()
        self.scope.addItem(self.tr("All suppliers"), "all")
        self.scope.addItem(self.tr("The selected supplier"), "selected")
        self.print_button = QPushButton(self.tr("Print"))
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the scorecard alone as an Excel workbook."))
        bar.addWidget(QLabel(self.tr("Print:")))
        for widget in (self.scope, self.print_button, self.preview_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.headline = QLabel()
        self.headline.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.headline)
        self.note = QLabel(self.tr(
            "Units returned: of the units sold in the period, those that came back (whenever). Repair cost: labour, "
            "parts and outside fees of the period on the supplier's goods. Open supplier returns: units on the "
            "return-to-supplier list today, and the days the oldest has waited. Click a column title to sort."))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        layout.addWidget(self.note)
        self.model = ScorecardModel(self)
        self.table: QTableView = make_table_view(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSortIndicator(RATE, Qt.SortOrder.DescendingOrder)  # the worst return rate first
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        self.table.setSortingEnabled(True)  # a click on a title sorts the model (numbers as numbers)
        layout.addWidget(self.table, 1)
        self.print_button.clicked.connect(self.print_scorecard)
        self.preview_button.clicked.connect(self.preview_scorecard)
        self.export_button.clicked.connect(self.export)
        self.scope.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    # ---------------------------------------------------------------- the figures
    def show_period(self, period: analytics.Period) -> None:
        """Compute and show the scorecard of *period* (the Reports tab's period and filters)."""
        try:
            card = scorecard(period)
        except Exception as exc:  # noqa: BLE001 - said to the user, never a traceback
            show_error(self, exc)
            return
        self.period, self.card = period, card
        self.model.set_rows(card.suppliers)
        if card.suppliers:
            self.headline.setText(self.tr("All suppliers: {sold} units sold, {returned} returned ({rate}); repair "
                                          "cost {repairs}, write-offs {write_offs}, credits {credits}").format(
                sold=card.sold, returned=card.returned, rate=f"{card.rate * 100:.1f}%",
                repairs=format_yuan(card.repair_cost), write_offs=format_yuan(card.write_offs),
                credits=format_yuan(card.credits)))
        else:
            self.headline.setText(self.tr("No supplier had sales or after-sales in this period."))
        fit_columns(self.table, stretch=4, maximum=360)  # the main reasons take the spare width

    def selected(self) -> SupplierScore | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.score(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        reason = ""
        if self.card is None or not self.card.suppliers:
            reason = self.tr("No supplier had sales or after-sales in this period.")
        elif self.scope.currentData() == "selected" and self.selected() is None:
            reason = self.tr("Select a supplier in the table first.")
        for button in (self.print_button, self.preview_button):
            button.setEnabled(not reason)
            button.setToolTip(reason)
        self.export_button.setEnabled(self.period is not None)

    # ---------------------------------------------------------------- printing
    def _printout(self):
        from .. import i18n
        from ..printing.scorecard import ALL, render_scorecard, title

        card = self.card
        supplier_id = ALL
        if self.scope.currentData() == "selected":
            score = self.selected()
            supplier_id = score.supplier_id if score is not None else ALL
        with i18n.in_document_language():  # the job's name, as the printout: in the shop's document language
            name = title(card, supplier_id)
        return (lambda device: render_scorecard(device, card, supplier_id)), name

    def print_scorecard(self) -> PrintOutcome | None:
        if not self.print_button.isEnabled():
            return None
        render, name = self._printout()
        return print_document(self, SLIP, render, name, f"{name} {today():%Y-%m-%d}")

    def preview_scorecard(self) -> PreviewDialog | None:
        if not self.preview_button.isEnabled():
            return None
        render, name = self._printout()
        return preview(self, render, name, SLIP, file_name=f"{name} {today():%Y-%m-%d}")

    # ---------------------------------------------------------------- export
    def export_file_name(self) -> str:
        period = self.period
        return self.tr("supplier-scorecard-{start}-to-{end}").format(
            start=period.start.isoformat(), end=period.end.isoformat()) + ".xlsx"

    def export(self) -> None:
        if self.period is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the supplier scorecard"),
                                              str(Path.home() / self.export_file_name()),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path):
        from ..reports.scorecard import export_scorecard  # openpyxl when first needed

        self.export_progress = export_in_background(self, self.context, export_scorecard, path, self.period,
                                                    shop_name=settings.get(settings.SHOP_NAME))
        return self.export_progress
