"""Who sold what came back: the Reports tab's page of return rates and reasons per salesperson, and the dialog
that shows what a spike of returns is made of (the salespeople and the batches side by side)."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QSpinBox, QTableView, QVBoxLayout,
                               QWidget)

from ..reports import analytics
from ..reports import salespeople as report
from .paged_model import domain_tr
from .widgets import HeldRowsModel, fit_columns, make_table_view

FLAG_COLOUR = QColor("#b00020")


def _pct(share: float) -> str:
    return f"{share * 100:.1f}%"


class FigureRows(HeldRowsModel):
    """Rows of a few figures: *numeric* columns right-aligned, *marked* rows in red and bold."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent)
        self.numeric: set[int] = set()
        self.marked: set[int] = set()
        self.quiet: set[int] = set()  # rows in grey (the line of sales without a salesperson)

    def set(self, headers: list[str], rows: list[list[object]], numeric: Iterable[int] = (),
            marked: Iterable[int] = (), quiet: Iterable[int] = ()) -> None:
        self.beginResetModel()
        self.headers, self.rows = headers, rows
        self.numeric, self.marked, self.quiet = set(numeric), set(marked), set(quiet)
        self.endResetModel()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.rows[index.row()][index.column()]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if index.row() in self.marked:
                return QBrush(FLAG_COLOUR)
            if index.row() in self.quiet:
                return QBrush(QColor("#666666"))
        if role == Qt.ItemDataRole.FontRole and index.row() in self.marked:
            font = QFont()
            font.setBold(True)
            return font
        return None


def _table(parent: QWidget) -> tuple[QTableView, FigureRows]:
    model = FigureRows(parent)
    view = make_table_view(parent)
    view.setSortingEnabled(False)
    view.setModel(model)
    return view, model


def _titled(title: str, view: QTableView) -> QVBoxLayout:
    box = QVBoxLayout()
    label = QLabel(title)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    box.addWidget(label)
    box.addWidget(view, 1)
    return box


def _note_label() -> QLabel:
    note = QLabel()
    note.setWordWrap(True)
    note.setStyleSheet("color: #555;")
    return note


class SalespeoplePage(QWidget):
    """Return rate by salesperson (counts, rate, flag) beside the reasons per salesperson, for a period."""

    def __init__(self, context=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.period: analytics.Period | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Flag from")))
        self.min_sold = QSpinBox()
        self.min_sold.setRange(1, 1_000_000)
        self.min_sold.setValue(report.MIN_SOLD)
        self.min_sold.setSuffix(self.tr(" units sold"))
        self.min_sold.setToolTip(self.tr("A salesperson who sold fewer units in the period is listed but not "
                                         "flagged: a few returns say little about how someone sells."))
        self.min_sold.valueChanged.connect(self._again)
        row.addWidget(self.min_sold)
        row.addStretch(1)
        layout.addLayout(row)
        self.note = _note_label()
        layout.addWidget(self.note)
        tables = QHBoxLayout()
        self.rates_view, self.rates = _table(self)
        self.reasons_view, self.reasons = _table(self)
        tables.addLayout(_titled(self.tr("Return rate by salesperson"), self.rates_view), 3)
        tables.addLayout(_titled(self.tr("Reasons per salesperson"), self.reasons_view), 2)
        layout.addLayout(tables, 1)

    def seller_name(self, name: str, staff_id: int | None) -> str:
        return name if staff_id is not None else domain_tr(report.NOT_RECORDED)

    def show_period(self, period: analytics.Period) -> None:
        self.period = period
        rates = report.return_rate_by_salesperson(period, self.min_sold.value())
        self.note.setText(domain_tr(report.FLAG_RULE).format(min=rates.min_sold, rate=_pct(rates.rate)) + " "
                          + self.tr("The whole shop: {returned} of {sold} units came back ({rate}).").format(
                              returned=rates.returned, sold=rates.sold, rate=_pct(rates.rate)))
        rows, marked, quiet = [], [], []
        for n, r in enumerate(rates.rows):
            if r.flagged:
                flag = self.tr("▲ above the shop's rate")
                marked.append(n)
            elif r.staff_id is not None and not r.enough:
                flag = self.tr("too few sold to judge")
            else:
                flag = ""
            if r.staff_id is None:
                quiet.append(n)
            rows.append([self.seller_name(r.name, r.staff_id), r.sold, r.returned, _pct(r.rate), flag])
        self.rates.set([self.tr("Salesperson"), self.tr("Sold"), self.tr("Returned"), self.tr("Return rate"),
                        self.tr("Flag")], rows, numeric={1, 2, 3}, marked=marked, quiet=quiet)
        fit_columns(self.rates_view, stretch=4, width=700)
        reasons = report.reasons_by_salesperson(period)
        totals: dict[int | None, int] = {}
        for r in reasons:
            totals[r.staff_id] = totals.get(r.staff_id, 0) + r.units
        rows, previous = [], object()
        for r in reasons:
            shown = self.seller_name(r.name, r.staff_id) if r.staff_id != previous else ""
            previous = r.staff_id
            rows.append([shown, domain_tr(analytics.reason_label(r.reason)), r.units,
                         _pct(r.units / totals[r.staff_id])])
        self.reasons.set([self.tr("Salesperson"), self.tr("Reason"), self.tr("Units"),
                          self.tr("Share of their returns")], rows, numeric={2, 3})
        fit_columns(self.reasons_view, stretch=1, width=500)

    def _again(self) -> None:
        if self.period is not None:
            self.show_period(self.period)


class SpikeBreakdown(QDialog):
    """The units behind a spike, counted per salesperson and per batch side by side, with what they point to."""

    def __init__(self, item_ids: Iterable[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who sold them, which batch"))
        self.resize(900, 460)
        self.breakdown = report.spike_breakdown(list(item_ids))
        layout = QVBoxLayout(self)
        self.verdict = QLabel(self.verdict_text(self.breakdown))
        self.verdict.setWordWrap(True)
        font = QFont(self.verdict.font())
        font.setBold(True)
        self.verdict.setFont(font)
        layout.addWidget(self.verdict)
        tables = QHBoxLayout()
        self.people_view, self.people = _table(self)
        self.batches_view, self.batches = _table(self)
        b = self.breakdown
        self.people.set([self.tr("Salesperson"), self.tr("Units"), self.tr("Share")],
                        [[s.key if s.key is not None else domain_tr(report.NOT_RECORDED), s.units, _pct(s.share)]
                         for s in b.by_salesperson], numeric={1, 2},
                        marked=[0] if b.points_to in ("salesperson", "both") and b.by_salesperson
                        and b.by_salesperson[0].key is not None else [])
        self.batches.set([self.tr("Batch"), self.tr("Units"), self.tr("Share")],
                         [[s.key if s.key is not None else domain_tr(report.NO_BATCH), s.units, _pct(s.share)]
                          for s in b.by_batch], numeric={1, 2},
                         marked=[0] if b.points_to in ("batch", "both") and b.by_batch
                         and b.by_batch[0].key is not None else [])
        tables.addLayout(_titled(self.tr("By salesperson"), self.people_view), 1)
        tables.addLayout(_titled(self.tr("By batch"), self.batches_view), 1)
        layout.addLayout(tables, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_columns(self.people_view, stretch=0, width=420)
        fit_columns(self.batches_view, stretch=0, width=420)

    def verdict_text(self, b: report.SpikeBreakdown) -> str:
        person, batch = b.top_salesperson, b.top_batch
        people = sum(1 for s in b.by_salesperson if s.key is not None)
        batches = sum(1 for s in b.by_batch if s.key is not None)
        if b.points_to == "batch":
            return self.tr("{share} of these {units} units are from one batch, {batch}, sold by {people} "
                           "salesperson(s): it looks like the batch, not a person.").format(
                share=_pct(batch.share), units=b.units, batch=batch.key, people=people)
        if b.points_to == "salesperson":
            return self.tr("{share} of these {units} units were sold by {name}, from {batches} batch(es): it "
                           "looks like how they were sold, not a batch.").format(
                share=_pct(person.share), units=b.units, name=person.key, batches=batches)
        if b.points_to == "both":
            return self.tr("{batch_share} of these {units} units are from batch {batch} and {person_share} were "
                           "sold by {name}: here the batch and the salesperson go together, so the figures alone "
                           "cannot tell which it is.").format(
                batch_share=_pct(batch.share), units=b.units, batch=batch.key, person_share=_pct(person.share),
                name=person.key)
        return self.tr("No single batch or salesperson stands out among these {units} units.").format(units=b.units)
