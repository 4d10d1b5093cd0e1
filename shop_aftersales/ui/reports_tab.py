"""The Reports tab (分析报表): a period and filters, and the analysis of why goods come back and what it costs,
with charts; the accountant's workbook in one click (written off the GUI thread, cancellable)."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QStringListModel, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QCompleter, QDialog, QDialogButtonBox, QFileDialog, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QTabWidget, QTableView, QVBoxLayout,
                               QWidget)

from .. import config
from ..clock import today
from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP, join_sentences
from ..models import AftersalesItem, Category, Product, Supplier
from ..models.aftersales import STATUSES
from ..money import format_yuan
from ..reports import analytics
from ..services import measures, settings
from .context import AppContext
from .errors import show_error
from .exporting import export_in_background
from .paged_model import domain_tr
from .widgets import HeldRowsModel, date_edit, fit_columns, make_table_view, open_keys


class RowsModel(HeldRowsModel):
    """Aggregated rows (a report's result): held whole, which is right at that size."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent)
        self.numeric: set[int] = set()
        self.colours: dict[tuple[int, int], str] = {}

    def set(self, headers: list[str], rows: list[list[object]], numeric: set[int] = frozenset(),
            colours: dict[tuple[int, int], str] | None = None) -> None:
        """*colours*: the text colour of some cells by (row, column), e.g. a change for the better in green."""
        self.beginResetModel()
        self.headers, self.rows, self.numeric = headers, rows, set(numeric)
        self.colours = dict(colours or {})
        self.endResetModel()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, Decimal):
                return format_yuan(value)
            if isinstance(value, float):
                return f"{value:.1f}"
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and (index.row(), index.column()) in self.colours:
            return QColor(self.colours[index.row(), index.column()])
        return None


def _pct(share: float | None) -> str:
    return "" if share is None else f"{share * 100:.1f}%"


GREEN, RED, GREY = "#2e7d32", "#c62828", "#666666"
DIRECTION_COLOURS = {analytics.GOOD: GREEN, analytics.BAD: RED, analytics.SAME: GREY, analytics.NOT_JUDGED: GREY}


def _signed(value: Decimal | int | float, money: bool) -> str:
    if money:
        text = format_yuan(abs(Decimal(value)))
    elif isinstance(value, float):
        text = f"{abs(value):.1f}"
    else:
        text = str(abs(value))
    return ("+" if value > 0 else "−" if value < 0 else "±") + text


def change_texts(change: analytics.Change, money: bool = True) -> tuple[str, str, str]:
    """(the change as an amount, as a share of the previous figure, its direction in words) — e.g. ("−¥2,000.00",
    "−100.0%", "▼ better"); a figure that was 0 before reads "new", never a division by zero."""
    amount = _signed(change.amount, money)
    if change.is_new:
        share = QCoreApplication.translate("ReportsTab", "new")
    elif change.share is None:
        share = "—"
    else:
        share = ("+" if change.share > 0 else "−" if change.share < 0 else "±") + f"{abs(change.share) * 100:.1f}%"
    direction = change.direction
    if direction == analytics.SAME:
        words = QCoreApplication.translate("ReportsTab", "= unchanged")
    elif direction == analytics.GOOD:
        words = QCoreApplication.translate("ReportsTab", "▼ better") if change.amount < 0 else QCoreApplication.translate("ReportsTab", "▲ better")
    elif direction == analytics.BAD:
        words = QCoreApplication.translate("ReportsTab", "▲ worse") if change.amount > 0 else QCoreApplication.translate("ReportsTab", "▼ worse")
    else:
        words = QCoreApplication.translate("ReportsTab", "▲ up (neutral)") if change.amount > 0 else QCoreApplication.translate("ReportsTab", "▼ down (neutral)")
    return amount, share, words


class ReportPage(QWidget):
    """A chart over a table, with an optional choice (by what) and a note."""

    def __init__(self, choices: list[tuple[str, str]] | None = None, chart: bool = True,
                 parent: QWidget | None = None, chart_kind: str = "bar", side: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart_kind = chart_kind  # "bar" (charts.BarChart) or "trend" (charts.TrendChart)
        layout = QVBoxLayout(self)
        self.by = QComboBox()
        if choices:
            row = QHBoxLayout()
            for label, code in choices:
                self.by.addItem(label, code)
            row.addWidget(self.by)
            row.addStretch(1)
            layout.addLayout(row)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        layout.addWidget(self.note)
        self.chart = None
        self._pending_draw: object | None = None
        self.chart_holder = QVBoxLayout()
        if side is not None:  # e.g. the measures beside the trend they mark
            beside = QHBoxLayout()
            beside.addLayout(self.chart_holder, 3)
            beside.addWidget(side, 1)
            layout.addLayout(beside, 3)
        else:
            layout.addLayout(self.chart_holder, 3 if chart else 0)
        self.wants_chart = chart
        self.model = RowsModel(self)
        self.table: QTableView = make_table_view(self)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        # widths from the first rows only: a list of thousands of products would otherwise be measured in full
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        self.table.setModel(self.model)
        layout.addWidget(self.table, 2)

    def draw_chart(self, draw) -> None:
        """Call *draw(chart)*. Once the chart library is loaded (the app loads it when idle after start) that is
        at once; before, the page shows its table first and the chart follows on the next turn of the event loop,
        so the first visit is not held up by importing pyqtgraph. A newer draw replaces one still waiting."""
        if not self.wants_chart:
            return
        if "pyqtgraph" in sys.modules:
            draw(self.ensure_chart())
            return
        token = self._pending_draw = object()
        QTimer.singleShot(0, self, lambda: self._pending_draw is token and draw(self.ensure_chart()))

    def ensure_chart(self):
        if self.wants_chart and self.chart is None:
            from .charts import bar_chart, trend_chart

            self.chart = trend_chart(self) if self.chart_kind == "trend" else bar_chart(self)
            self.chart_holder.addWidget(self.chart.widget)
        return self.chart

    def show_rows(self, headers: list[str], rows: list[list[object]], numeric: set[int] = frozenset(),
                  colours: dict[tuple[int, int], str] | None = None) -> None:
        self.model.set(headers, rows, numeric, colours)
        fit_columns(self.table, stretch=0, maximum=400)  # the first column (what a row is) takes the spare width


class ItemsDialog(QDialog):
    """The units behind a bar (a spike's click-through)."""

    def __init__(self, context: AppContext, title: str, item_ids: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        self.ids = item_ids
        self.model = RowsModel(self)
        rows = []
        for item in (AftersalesItem.select(AftersalesItem, Product).join(Product)  # one query, not one per unit
                     .where(AftersalesItem.id.in_(item_ids)).order_by(AftersalesItem.id)):
            rows.append([item.code, f"{item.created_at:%Y-%m-%d}", f"{item.product.name} {item.product.model}",
                         item.quantity, domain_tr(analytics.reason_label(item.reason)),
                         domain_tr(STATUSES.get(item.status, item.status))])
        self.model.set([self.tr("Item code"), self.tr("Received"), self.tr("Product"), self.tr("Qty"),
                        self.tr("Reason"), self.tr("Status")], rows, {3})
        view = make_table_view(self)
        view.setModel(self.model)
        fit_columns(view, stretch=2, width=720)  # the product takes the spare width
        view.doubleClicked.connect(self._open)
        open_keys(view, lambda: self._open(view.currentIndex()))
        self.view = view
        layout.addWidget(view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        # a batch or a person? the salespeople and the batches behind these units, side by side
        self.breakdown_button = buttons.addButton(self.tr("Who sold them, which batch…"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.breakdown_button.clicked.connect(self.open_breakdown)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def open_breakdown(self) -> QDialog:
        from .salespeople_page import SpikeBreakdown

        dialog = SpikeBreakdown(self.ids, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def _open(self, index: QModelIndex) -> QDialog | None:
        if not index.isValid():
            return None
        from .item_card import ItemCard

        card = ItemCard(self.context, self.ids[index.row()], self)
        card.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        card.open()
        self.last_dialog = card
        return card


class MeasuresPanel(QGroupBox):
    """The owner's measures ("new courier from 2026-10-01", "supplier X dropped"): a day and a short note, added
    and removed as business steps on the writer thread. Open to all staff (a note changes no money); each keeps who
    noted it. The trend charts mark every measure."""

    def __init__(self, context: AppContext, on_changed, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Measures"))
        self.context = context
        self.on_changed = on_changed
        layout = QVBoxLayout(self)
        self.model = RowsModel(self)
        self.view = make_table_view(self)
        self.view.setModel(self.model)
        layout.addWidget(self.view, 1)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("e.g. new courier, supplier dropped"))
        self.text.setMaxLength(measures.MAX_LENGTH)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        self.date = date_edit()
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        row.addWidget(self.date)
        row.addWidget(self.add_button)
        row.addStretch(1)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.ids: list[int] = []
        self.text.textChanged.connect(self._enable)
        self.text.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self.reload()

    def _enable(self) -> None:
        has_text = bool(self.text.text().strip())
        self.add_button.setEnabled(has_text)
        self.add_button.setToolTip(self.tr("Note the measure on the chosen day.") if has_text
                                   else self.tr("Type what the measure was first."))
        chosen = self.view.selectionModel().hasSelection()
        self.remove_button.setEnabled(chosen)
        self.remove_button.setToolTip(self.tr("Remove the chosen measure from the charts.") if chosen
                                      else self.tr("Choose a measure in the list first."))

    def reload(self) -> None:
        rows, self.ids = [], []
        for measure in reversed(measures.list_measures()):  # the newest first
            rows.append([measure.date.isoformat(), measure.text, measure.staff.name if measure.staff else ""])
            self.ids.append(measure.id)
        self.model.set([self.tr("Date"), self.tr("Measure"), self.tr("Noted by")], rows)
        fit_columns(self.view, stretch=1, maximum=200)
        self._enable()

    def add(self) -> None:
        if not self.text.text().strip():
            return
        self.context.ops.run(measures.add_measure, self.date.date().toPython(), self.text.text(), self.context.staff,
                             on_success=self._added, on_failure=lambda exc: show_error(self, exc))

    def _added(self, _changes) -> None:
        self.text.clear()
        self._changed()

    def remove(self) -> None:
        row = self.view.currentIndex().row()
        if not 0 <= row < len(self.ids):
            return
        self.context.ops.run(measures.remove_measure, self.ids[row], self.context.staff,
                             on_success=lambda _c: self._changed(), on_failure=lambda exc: show_error(self, exc))

    def _changed(self) -> None:
        self.reload()
        self.on_changed()


def export_file_name(start: dt.date, end: dt.date) -> str:
    """The workbook's suggested name in the user's language: a month (售后报表-2026-12.xlsx; "this month" so far
    counts as the month) or a range (售后报表-2026-01-01至2026-03-31.xlsx)."""
    next_month = analytics.add_months(start, 1)
    if start.day == 1 and start <= end < next_month and (end == next_month - dt.timedelta(days=1) or end == today()):
        name = QCoreApplication.translate("ReportsTab", "after-sales-report-{month}").format(month=f"{start:%Y-%m}")
    else:
        name = QCoreApplication.translate("ReportsTab", "after-sales-report-{start}-to-{end}").format(
            start=start.isoformat(), end=end.isoformat())
    return name + ".xlsx"


PRESETS = ("this_month", "last_month", "this_quarter", "this_year", "last_12", "custom")
# The tab opens on the period the user chose last time (kept per PC), else on the last 12 months: "this month"
# may have begun this morning and hold nothing yet.
DEFAULT_PRESET = "last_12"
SETTING_PRESET, SETTING_START, SETTING_END = "reports/period", "reports/start", "reports/end"


def preset_range(preset: str, day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    if preset == "last_month":
        end = first - dt.timedelta(days=1)
        return end.replace(day=1), end
    if preset == "this_quarter":
        return first.replace(month=(day.month - 1) // 3 * 3 + 1), day
    if preset == "this_year":
        return day.replace(month=1, day=1), day
    if preset == "last_12":
        return analytics.add_months(first, -11), day
    return first, day


class ReportsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.last_dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.preset = QComboBox()
        for code, label in zip(PRESETS, (self.tr("This month"), self.tr("Last month"), self.tr("This quarter"),
                                         self.tr("This year"), self.tr("Last 12 months"), self.tr("Custom"))):
            self.preset.addItem(label, code)
        self.start, self.end = date_edit(), date_edit()
        self.category, self.supplier, self.product = QComboBox(), QComboBox(), QComboBox()
        self.category.addItem(self.tr("All categories"), None)
        for c in Category.select().order_by(Category.name):
            self.category.addItem(c.name, c.id)
        self.supplier.addItem(self.tr("All suppliers"), None)
        for s in Supplier.select().order_by(Supplier.name):
            self.supplier.addItem(s.name, s.id)
        # the products are filled in when the tab is first shown; a plain string list holds 20 000 in a blink
        self._product_ids: list[int | None] = [None]
        self.product.setModel(QStringListModel([self.tr("All products")], self.product))
        # A busy shop has thousands of products that came back: type part of a code or name to find one.
        self.product.setEditable(True)
        self.product.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.product.setMinimumContentsLength(18)
        self.product.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.product.lineEdit().setPlaceholderText(self.tr("All products"))
        self.product.setToolTip(self.tr("Type part of a product's code or name, or leave empty for all products."))
        completer = self.product.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.show_button = QPushButton(self.tr("Show"))
        self.export_button = QPushButton(self.tr("Export workbook…"))
        for widget in (QLabel(self.tr("Period:")), self.preset, self.start, QLabel("—"), self.end, self.category,
                       self.supplier, self.product, self.show_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.headline = QLabel()
        self.headline.setStyleSheet("font-size: 11pt; font-weight: bold; padding: 4px 0 0 0;")
        layout.addWidget(self.headline)
        self.compared = QLabel()  # the headline's figures beside the previous period of the same length
        self.compared.setTextFormat(Qt.TextFormat.RichText)
        self.compared.setWordWrap(True)
        layout.addWidget(self.compared)
        self.pages = QTabWidget()
        self._fill: dict[QWidget, object] = {}
        self.over_time = ReportPage([(self.tr("By month"), "month"), (self.tr("By week"), "week")])
        self.reasons = ReportPage()
        self.rates = ReportPage([(self.tr("By supplier"), "supplier"), (self.tr("By product"), "product"),
                                 (self.tr("By batch"), "batch")], chart=False)
        self.repair_cost = ReportPage([(self.tr("By month"), "month"), (self.tr("By technician"), "technician"),
                                       (self.tr("By category"), "category")])
        self.measures = MeasuresPanel(context, lambda: self._show_page(self.cost, again=True))
        self.cost = ReportPage(chart_kind="trend", side=self.measures)
        self.times = ReportPage(chart=False)
        self.ageing = ReportPage(chart=False)
        # the page list: one add_page per page (the tab's other pages are added the same way)
        self.add_page(self.over_time, self.tr("Returns over time"), self._over_time)
        self.add_page(self.reasons, self.tr("Reasons"), self._reasons)
        self.add_page(self.rates, self.tr("Return rates"), self._rates)
        self.add_page(self.repair_cost, self.tr("Repair cost"), self._repair_cost)
        self.add_page(self.cost, self.tr("Cost of after-sales"), self._cost)
        self.add_page(self.times, self.tr("Processing time"), self._times)
        self.add_page(self.ageing, self.tr("Ageing"), self._ageing)
        from .scorecard_page import ScorecardPage

        from .salespeople_page import SalespeoplePage

        self.scorecard = ScorecardPage(context, self)
        self.add_page(self.scorecard, self.tr("Supplier scorecard"), self.scorecard.show_period)
        self.salespeople = SalespeoplePage(context, self)
        self.add_page(self.salespeople, self.tr("Salespeople"), self.salespeople.show_period, index=3)
        layout.addWidget(self.pages, 1)
        self.preset.currentIndexChanged.connect(self._preset)
        self.preset.activated.connect(lambda _i: self._remember_period())  # chosen by the user, not by code
        self.show_button.clicked.connect(self.refresh)
        self.show_button.clicked.connect(self._remember_period)  # a custom period is kept once it is shown
        self.export_button.clicked.connect(self.export)
        self.over_time.by.currentIndexChanged.connect(self.refresh)  # the headline's counts follow it
        for page in (self.rates, self.repair_cost):
            page.by.currentIndexChanged.connect(lambda _i, page=page: self._show_page(page, again=True))
        self.pages.currentChanged.connect(lambda _i: self._show_page(self.pages.currentWidget()))
        self._period: analytics.Period | None = None
        self._cost_figures: analytics.CostOfAftersales | None = None
        self._changes: dict[str, analytics.Change] = {}
        self._previous: analytics.Period | None = None
        self._stale: set[QWidget] = set()
        self.over_time.table.doubleClicked.connect(lambda index: self.open_period(index.row()))
        open_keys(self.over_time.table, lambda: self.open_period(self.over_time.table.currentIndex().row()))
        self._counts: list[analytics.PeriodCount] = []
        self._shown = False
        self._restore_period()
        context.day_changed.connect(self._new_day)

    def add_page(self, page: QWidget, title: str, fill, index: int | None = None) -> None:
        """Add a page to the tab: *fill(period)* fills it when it is opened after the period (or a filter)
        changed; at *index*, or after the others."""
        self._fill[page] = fill
        if index is None:
            self.pages.addTab(page, title)
        else:
            self.pages.insertTab(index, page, title)

    # ---------------------------------------------------------------- period
    def _new_day(self, _day) -> None:
        """After midnight "the last 12 months" (or this month…) ends on the new today. A bound method, so Qt
        drops the connection when the tab is gone."""
        self._preset()

    def _restore_period(self) -> None:
        prefs = config.settings()
        code = prefs.value(SETTING_PRESET, DEFAULT_PRESET, str)
        index = self.preset.findData(code if code in PRESETS else DEFAULT_PRESET)
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(index)
        self.preset.blockSignals(False)
        if code == "custom":
            for edit, key in ((self.start, SETTING_START), (self.end, SETTING_END)):
                try:
                    edit.setDate(QDate(dt.date.fromisoformat(prefs.value(key, "", str))))
                except ValueError:
                    pass  # nothing kept (or garbled): the dates stay at today
        self._preset()

    def _remember_period(self) -> None:
        prefs = config.settings()
        code = self.preset.currentData()
        prefs.setValue(SETTING_PRESET, code)
        if code == "custom":
            prefs.setValue(SETTING_START, self.start.date().toPython().isoformat())
            prefs.setValue(SETTING_END, self.end.date().toPython().isoformat())

    def _preset(self) -> None:
        code = self.preset.currentData()
        custom = code == "custom"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            start, end = preset_range(code, today())
            self.start.setDate(QDate(start))
            self.end.setDate(QDate(end))
        if self._shown:
            self.refresh()

    def period(self) -> analytics.Period:
        return analytics.Period(self.start.date().toPython(), self.end.date().toPython(), self.category.currentData(),
                                self.supplier.currentData(), self._product_id())

    def _product_id(self) -> int | None:
        """The product typed or picked; empty or “All products” means all. Text that names no product is refused
        (and stays in the box to be corrected) rather than silently reporting on something else."""
        text = self.product.currentText().strip()
        if not text or text == self.product.itemText(0):
            return None
        index = self.product.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "No product matches “{text}”: pick one from the list, "
                                                          "or leave the box empty for all products."), text=text)
        return self._product_ids[index]

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown:  # the charts (and pyqtgraph) are built the first time the tab is seen
            self._shown = True
            self._fill_products()
            self.refresh()

    def _fill_products(self) -> None:
        """Only products that ever came back (the others have no reports): thousands in a busy shop."""
        from ..models import AftersalesItem

        rows = (Product.select(Product.id, Product.sku, Product.name)
                .where((Product.kind == "goods") & Product.id.in_(AftersalesItem.select(AftersalesItem.product)))
                .order_by(Product.sku).tuples())
        labels, ids = [self.tr("All products")], [None]
        for product_id, sku, name in rows:
            labels.append(f"{sku} {name}")
            ids.append(product_id)
        typed = self.product.currentText()
        self.product.model().setStringList(labels)
        self._product_ids = ids
        self.product.setEditText(typed if typed != labels[0] else "")

    # ---------------------------------------------------------------- the reports
    def refresh(self) -> None:
        """The headline at once; of the pages only the one in view. The others are computed when they are opened
        (on a busy shop each is a query over a year of sales or item histories)."""
        try:
            period = self.period()
        except Exception as exc:  # a start after the end, an unknown product: say so, keep what was typed
            show_error(self, exc)
            return
        self._period = period
        self._counts = counts = analytics.counts(period, self.over_time.by.currentData())
        total = sum(c.units for c in counts if c.start <= period.end)
        self._cost_figures = cost = analytics.cost_of_aftersales(period)
        self._previous = analytics.previous_period(period)
        self._changes = changes = analytics.before_after(period, cost)
        if total == 0:
            self.headline.setText(self.tr("No after-sales in this period."))
        else:
            self.headline.setText(self.tr("{units} units came back · net cost of after-sales {net}").format(
                units=total, net=format_yuan(cost.net)))
        self.compared.setText(self._compared_text(changes))
        self._stale = set(self._fill)
        self._show_page(self.pages.currentWidget())

    def _compared_text(self, changes: dict[str, analytics.Change]) -> str:
        """'Against 2026-02 (the previous period of the same length): units 5 → 1, −4 (−80.0%) ▼ down (neutral) ·
        net cost ¥3,315.00 → ¥0.00, ...', each direction in its colour."""
        def part(label: str, code: str, money: bool) -> str:
            change = changes[code]
            amount, share, words = change_texts(change, money)
            show = format_yuan if money else str
            return (f"{label} {show(change.previous)} → {show(change.current)}, {amount} ({share}) "
                    f"<span style='color:{DIRECTION_COLOURS[change.direction]}; font-weight:bold'>{words}</span>")

        previous = analytics.period_name(self._previous) if self._previous else ""
        return (self.tr("Against {previous}, the previous period of the same length:").format(previous=previous)
                + " " + part(self.tr("units returned"), "units", False)
                + " · " + part(self.tr("net cost"), "net", True))

    def _show_page(self, page: QWidget, again: bool = False) -> None:
        if self._period is None or page not in self._fill or not (again or page in self._stale):
            return
        self._stale.discard(page)
        self._fill[page](self._period)

    def _over_time(self, period: analytics.Period) -> None:
        counts = self._counts
        page = self.over_time
        page.note.setText(join_sentences([domain_tr(analytics.SPIKE_RULE).format(window=analytics.WINDOW),
                                          self.tr("Click a bar or double-click a row to see its units.")]))
        title = self.tr("Units returned")

        weekly = self.over_time.by.currentData() == "week"

        def draw(chart) -> None:
            chart.show([f"{c.start:%m-%d}" if weekly else c.key for c in counts], [c.units for c in counts],
                       [c.spike for c in counts], title=title)
            chart.on_click(self.open_period)

        page.draw_chart(draw)
        page.show_rows([self.tr("Period"), self.tr("Units"), self.tr("Trailing mean"), self.tr("Spike")],
                       [[self.period_label(c), c.units, c.mean, self.tr("▲ spike") if c.spike else ""]
                        for c in counts], {1, 2})

    def period_label(self, count: analytics.PeriodCount) -> str:
        """'2026-03' for a month; a week is named by its Monday, as the key is."""
        if self.over_time.by.currentData() == "week":
            return self.tr("Week of {date}").format(date=count.start.isoformat())
        return count.key

    def open_period(self, row: int) -> QDialog | None:
        if not 0 <= row < len(self._counts):
            return None
        count = self._counts[row]
        ids = analytics.items_in(self._period or self.period(), count.key, self.over_time.by.currentData())
        dialog = ItemsDialog(self.context, self.tr("Units returned in {period}").format(
            period=self.period_label(count)), ids, self)
        self.last_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _reasons(self, period: analytics.Period) -> None:
        rows = analytics.reasons(period)
        labels = [domain_tr(analytics.reason_label(r.reason)) for r in rows]
        self.reasons.note.setText(self.tr("Pareto: the reasons that account for most returns come first; the line "
                                          "is the cumulative share."))
        title = self.tr("Return reasons")
        self.reasons.draw_chart(lambda chart: chart.show(labels, [r.units for r in rows],
                                                         line=[r.cumulative for r in rows], title=title))
        before = {r.reason: r.units for r in analytics.reasons(analytics.previous_period(period))}
        table, colours = [], {}
        gone = [code for code in before if code not in {r.reason for r in rows}]  # no longer a reason: shown as 0
        for index, (code, label, units, share, cumulative) in enumerate(
                [(r.reason, label, r.units, _pct(r.share), _pct(r.cumulative)) for label, r in zip(labels, rows)]
                + [(code, domain_tr(analytics.reason_label(code)), 0, "", "") for code in gone]):
            amount, change, words = change_texts(analytics.Change("units", units, before.get(code, 0)), money=False)
            table.append([label, units, share, cumulative, before.get(code, 0), amount, change])
            colours[index, 5] = GREY
        self.reasons.show_rows([self.tr("Reason"), self.tr("Units"), self.tr("Share"), self.tr("Cumulative"),
                                self.tr("Previous period"), self.tr("Change"), self.tr("Change %")], table,
                               {1, 2, 3, 4, 5, 6}, colours)

    def _rates(self, period: analytics.Period) -> None:
        by = self.rates.by.currentData()
        rows = analytics.return_rates(period, by)
        before = {r.key: r for r in analytics.return_rates(analytics.previous_period(period), by)}
        notes = [self.tr("Units returned ÷ units sold in the period (whenever they came back), the worst first, "
                         "beside the previous period of the same length (a rate that rises is worse).")]
        if by != "supplier":
            notes.append(self.tr("Only those with returns are listed."))
        self.rates.note.setText(join_sentences(notes))
        table, colours = [], {}
        for index, r in enumerate(rows):
            old = before.get(r.key)
            if old is None or not old.sold:
                table.append([r.key, r.sold, r.returned, _pct(r.rate), "", ""])
                continue
            points = (r.rate - old.rate) * 100
            direction = analytics.SAME if abs(points) < 0.05 else analytics.BAD if points > 0 else analytics.GOOD
            table.append([r.key, r.sold, r.returned, _pct(r.rate), _pct(old.rate),
                          self.tr("{sign}{points} pt").format(sign="+" if points > 0 else "−" if points < 0 else "±",
                                                              points=f"{abs(points):.1f}")])
            colours[index, 5] = DIRECTION_COLOURS[direction]
        self.rates.show_rows([self.tr("Supplier / product / batch"), self.tr("Sold"), self.tr("Returned"),
                              self.tr("Return rate"), self.tr("Previous period"), self.tr("Change")],
                             table, {1, 2, 3, 4, 5}, colours)

    def _repair_cost(self, period: analytics.Period) -> None:
        rows = analytics.repair_costs(period, self.repair_cost.by.currentData())
        title = self.tr("Repair cost (¥)")
        stacked = [(self.tr("Labour"), [float(r.labour) for r in rows], "#5b8def"),
                   (self.tr("Parts"), [float(r.parts) for r in rows], "#ef6c00"),
                   (self.tr("Outside fees"), [float(r.outside) for r in rows], "#8e24aa")]
        self.repair_cost.draw_chart(lambda chart: chart.show([r.key for r in rows], [], title=title,
                                                             stacked=stacked))
        by = {"month": self.tr("Month"), "technician": self.tr("Technician"), "category": self.tr("Category")}
        headers = [by[self.repair_cost.by.currentData()], self.tr("Labour"), self.tr("Parts"), self.tr("Outside fees"),
                   self.tr("Total")]
        table = [[r.key, r.labour, r.parts, r.outside, r.total] for r in rows]
        colours = {}
        if self.repair_cost.by.currentData() != "month":  # a technician or category beside its previous period
            previous = analytics.repair_costs(analytics.previous_period(period), self.repair_cost.by.currentData())
            before = {r.key: r.total for r in previous}
            keys = {r.key for r in rows}
            table += [[r.key, Decimal("0.00"), Decimal("0.00"), Decimal("0.00"), Decimal("0.00")]
                      for r in previous if r.key not in keys]
            headers += [self.tr("Previous period"), self.tr("Change"), self.tr("Change %"), self.tr("Direction")]
            for index, line in enumerate(table):
                change = analytics.Change("repairs", line[4], before.get(line[0], Decimal("0.00")))
                line += [change.previous, *change_texts(change)]
                colours[index, 6] = colours[index, 8] = DIRECTION_COLOURS[change.direction]
        self.repair_cost.note.setText(self._total_note(self._changes["repairs"]) if self._changes else "")
        self.repair_cost.show_rows(headers, table, {1, 2, 3, 4, 5, 6, 7}, colours)

    def _total_note(self, change: analytics.Change) -> str:
        amount, share, words = change_texts(change)
        return self.tr("In all {current}; in {previous_period}, the previous period of the same length, {previous}: "
                       "{amount} ({share}) {direction}. The trend of the last periods is on the Cost of after-sales "
                       "page.").format(current=format_yuan(change.current), previous=format_yuan(change.previous),
                                       previous_period=analytics.period_name(self._previous), amount=amount,
                                       share=share, direction=words)

    def _cost(self, period: analytics.Period) -> None:
        changes = self._changes
        lines = [(self.tr("Refunds"), "refunds"), (self.tr("Return shipping"), "shipping"),
                 (self.tr("Shipping to customers"), "shipping_out"),
                 (self.tr("Repairs"), "repairs"), (self.tr("Scrap write-offs"), "write_offs"),
                 (self.tr("Replacements at cost"), "replacements"), (self.tr("Recovered by resale"), "resale"),
                 (self.tr("Credits from suppliers"), "supplier_credits"), (self.tr("Net cost"), "net")]
        rows, colours = [], {}
        for index, (label, code) in enumerate(lines):
            change = changes[code]
            amount, share, words = change_texts(change)
            rows.append([label, change.current, change.previous, amount, share, words])
            colours[index, 5] = colours[index, 3] = DIRECTION_COLOURS[change.direction]
        previous = analytics.period_name(self._previous)
        self.cost.note.setText(self.tr("Each cost beside {previous}, the previous period of the same length: a cost "
                                       "that falls is better (green ▼), one that rises worse (red ▲). The chart shows "
                                       "the last {count} periods and the measures noted beside it.").format(
            previous=previous, count=analytics.TREND_PERIODS))
        self.cost.show_rows([self.tr("Cost of after-sales"), self.tr("Amount"), self.tr("Previous period"),
                             self.tr("Change"), self.tr("Change %"), self.tr("Direction")], rows, {1, 2, 3, 4},
                            colours)
        self.measures.reload()  # another PC (or the command line) may have noted one since
        self._draw_trend(period)

    def _draw_trend(self, period: analytics.Period) -> None:
        """Repair cost, return shipping and refunds over the last 12 periods, each measure marked where it fell."""
        points = self._trend = analytics.trend(period)
        labels = [analytics.period_short_name(p.period) for p in points]
        names = {"repairs": (self.tr("Repair cost"), "#8e24aa"), "shipping": (self.tr("Return shipping"), "#ef6c00"),
                 "refunds": (self.tr("Refunds"), "#5b8def")}
        series = [(names[code][0], [float(p.figures[code]) for p in points], names[code][1])
                  for code in analytics.TREND_FIGURES]
        marks = []
        for measure in measures.list_measures(points[0].period.start, points[-1].period.end):
            x = analytics.measure_position(points, measure.date)
            if x is not None:
                marks.append((x, f"{measure.date:%m-%d} {measure.text}"))
        title = (self.tr("The last {count} months (¥)") if analytics.trend_is_monthly(period)
                 else self.tr("The last {count} periods (¥)")).format(count=len(points))
        self.cost.draw_chart(lambda chart: chart.show(labels, series, marks, title=title))

    def _times(self, period: analytics.Period) -> None:
        promise = int(settings.get("returns.promise_days") or 7)
        times = analytics.processing_times(period, promise)
        before = analytics.processing_times(analytics.previous_period(period), promise)
        self.times.note.setText(self.tr("{settled} units settled with the customer, on average in {days} days; "
                                        "{share} within the promised {promise} days. {repeats} units came back more "
                                        "than once.").format(
            settled=times.settled, days=f"{times.average_days:.1f}" if times.average_days is not None else "—",
            share=_pct(times.within_promise) or "—", promise=times.promise_days, repeats=times.repeat_units)
            + "\n" + self.tr("The previous period of the same length ({previous}): {settled} settled, on average in "
                             "{days} days; {share} within the promise.").format(
                previous=analytics.period_name(analytics.previous_period(period)), settled=before.settled,
                days=f"{before.average_days:.1f}" if before.average_days is not None else "—",
                share=_pct(before.within_promise) or "—"))
        self.times.show_rows([self.tr("State"), self.tr("Stays"), self.tr("Average days")],
                             [[domain_tr(STATUSES.get(s, s)), n, d] for s, n, d in times.by_state], {1, 2})

    def _ageing(self, period: analytics.Period) -> None:
        from ..models import Location

        names = {loc.code: domain_tr(loc.name) for loc in Location.select()}
        rows = analytics.ageing(period)
        before = {a.zone: a for a in analytics.ageing(analytics.previous_period(period))}
        self.ageing.note.setText(self.tr("Units in each zone at the end of the period by days there, and how many "
                                         "left it during the period and after how long, beside the previous period "
                                         "of the same length."))
        self.ageing.show_rows([self.tr("Zone"), "0–7", "8–30", "31–90", "> 90", self.tr("Left in period"),
                               self.tr("Average stay (days)"), self.tr("Average stay before")],
                              [[names.get(a.zone, a.zone), *a.buckets, a.left_in_period, a.average_stay,
                                before[a.zone].average_stay if a.zone in before else None]
                               for a in rows], {1, 2, 3, 4, 5, 6, 7})

    # ---------------------------------------------------------------- the accountant's workbook
    def export(self) -> None:
        try:
            period = self.period()
        except Exception as exc:
            show_error(self, exc)
            return
        default = Path.home() / export_file_name(period.start, period.end)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export workbook"), str(default),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        from ..reports.accounting import export_workbook  # openpyxl is imported when first needed, not at start

        self.export_progress = export_in_background(self, self.context, export_workbook, path, self.period(),
                                                    shop_name=settings.get(settings.SHOP_NAME))
