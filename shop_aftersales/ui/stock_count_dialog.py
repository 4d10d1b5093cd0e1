"""Stock count (盘点): choose zones, count (type the quantities, or scan serials and barcodes one by one), see
the differences, print or export the count sheet, and post the adjustments with a reason. The History tab shows
when each zone was last counted and how often it should be (Schedule…), and every posted count with its variance
(+ found / − missing, in units and at cost)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QColor, QRegularExpressionValidator
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QStyledItemDelegate, QTabWidget, QVBoxLayout,
                               QWidget)

from ..models import Location, StockCount
from ..money import format_yuan
from ..services import stock_count
from ..services.stock import internal_locations
from ..errors import DomainError
from .actions import approval_missing, watch_approval
from .approval import OwnerApproval
from .context import AppContext
from .errors import show_error
from .paged_model import domain_tr
from .widgets import HeldRowsModel, fit_columns, make_table_view

EXPECTED = 5  # hidden in a blind count until it is posted
COUNTED = 6  # the column typed into


class CountLinesModel(HeldRowsModel):
    """The count's lines (a zone of a busy shop has 20 000): plain tuples read in one query, and after an edit or
    a scan only the rows that changed are read again. Typing into “Counted” asks the dialog to save it; the row
    shows the new value once the database has it."""

    counted_typed = Signal(int, object)  # line id, the counted quantity or None (cleared)

    def __init__(self, headers: list[str], parent=None) -> None:
        super().__init__(headers, parent)
        self.rows: list[tuple] = []  # (id, zone, bin, sku, name, model, serial, expected, counted)
        self._row_of: dict[int, int] = {}
        self.blind = False  # a blind count: the expected quantities and the differences are not shown
        self.editable = True  # a posted count is shown, not edited

    def set_rows(self, rows: list[tuple]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._row_of = {row[0]: r for r, row in enumerate(rows)}
        self.endResetModel()

    def update_rows(self, rows: list[tuple]) -> bool:
        """Replace these lines in place; False if one is new (the caller reads the whole count again)."""
        if any(row[0] not in self._row_of for row in rows):
            return False
        for row in rows:
            r = self._row_of[row[0]]
            self.rows[r] = row
            self.dataChanged.emit(self.index(r, 0), self.index(r, COUNTED))
        return True

    def row_of(self, line_id: int) -> int | None:
        return self._row_of.get(line_id)

    def is_serial(self, r: int) -> bool:
        return bool(self.rows[r][6])

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == COUNTED and self.editable else base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        _id, zone, bin_, sku, name, model, serial, expected, counted = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (domain_tr(zone), bin_, sku, f"{name} {model}".strip(), serial or "",
                    "" if self.blind else str(expected), "" if counted is None else str(counted))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == COUNTED and counted is not None \
                and counted != expected and not self.blind:
            return QColor("#fff3a0")  # a difference
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != COUNTED:
            return False
        text = str(value).strip()
        counted = None if text == "" else int(text)  # the editor only lets whole numbers through
        if counted != self.rows[index.row()][8]:
            self.counted_typed.emit(self.rows[index.row()][0], counted)
        return False  # shown once saved (update_rows)


class CountedDelegate(QStyledItemDelegate):
    """The “Counted” editor takes whole numbers only (0 or 1 for a unit with a serial); empty = not counted."""

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        serial = index.model().is_serial(index.row())
        pattern = r"[01]?" if serial else r"\d{0,6}"  # nothing else can be typed: no error to show
        editor.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), editor))
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor


def signed_units(units: int, sign: str) -> str:
    """+3 found, −2 missing (a true minus sign), 0 for none."""
    return f"{sign}{units}" if units else "0"


def signed_yuan(amount) -> str:
    """+¥750.00, −¥820.00, ¥0.00."""
    text = format_yuan(abs(amount))
    return ("+" if amount > 0 else "−" if amount < 0 else "") + text


class TextRowsModel(HeldRowsModel):
    """Rows already worded, for a short list: (cells, marked); the columns in *numeric* right-aligned, a marked row
    (a zone late for its count) in red."""

    def __init__(self, headers: list[str], numeric: set[int], parent=None) -> None:
        super().__init__(headers, parent)
        self.numeric = numeric

    def set_rows(self, rows: list[tuple[list[str], bool]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        cells, marked = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return cells[index.column()] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and marked:
            return QColor("#c62828")  # late, as in the Today queue
        return None


class CountHistoryPage(QWidget):
    """When each zone was last counted (and how often it should be), and every posted count with its variance:
    + found / − missing, in units and at each product's cost."""

    def __init__(self, dialog: "StockCountDialog") -> None:
        super().__init__(dialog)
        self.dialog = dialog
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Each zone: how often it is counted, its last count and what that count found "
                                     "against the ledger")), 1)
        self.schedule_button = QPushButton(self.tr("Schedule…"))
        self.schedule_button.setToolTip(self.tr("How often each zone is counted"))
        self.schedule_button.clicked.connect(dialog.open_schedule)
        bar.addWidget(self.schedule_button)
        layout.addLayout(bar)
        self.zones_model = TextRowsModel(
            [self.tr("Zone"), self.tr("How often"), self.tr("Last counted"), self.tr("Count"),
             self.tr("Found (+)"), self.tr("Missing (−)"), self.tr("Net at cost"), self.tr("Next due")],
            {4, 5, 6}, self)
        self.zones_view = self._view(self.zones_model)
        layout.addWidget(self.zones_view)
        layout.addWidget(QLabel(self.tr("Posted counts, newest first (units, and their value at cost)")))
        self.counts_model = TextRowsModel(
            [self.tr("Count"), self.tr("Posted"), self.tr("Zones"), self.tr("Posted by"), self.tr("Lines"),
             self.tr("Found (+)"), self.tr("Missing (−)"), self.tr("Net at cost")], {4, 5, 6, 7}, self)
        self.counts_view = self._view(self.counts_model)
        layout.addWidget(self.counts_view, 1)

    def _view(self, model: TextRowsModel):
        view = make_table_view(self)
        view.setSortingEnabled(False)  # in their own order: the zones' order, the newest count first
        view.setModel(model)
        return view

    def reload(self) -> None:
        comma = QCoreApplication.translate("Domain", ", ")
        rows = []
        for zone, variance in stock_count.zone_history():
            if zone.due is None:
                due = "—"
            elif zone.is_late():
                due = self.tr("{date} (late)").format(date=f"{zone.due:%Y-%m-%d}")
            elif zone.is_due():
                due = self.tr("{date} (due)").format(date=f"{zone.due:%Y-%m-%d}")
            else:
                due = f"{zone.due:%Y-%m-%d}"
            counted = variance is not None
            rows.append(([domain_tr(zone.name), stock_count.interval_words(zone.interval_days),
                          f"{zone.last_counted:%Y-%m-%d %H:%M}" if counted else self.tr("never"),
                          zone.last_number or "",
                          self._found(variance) if counted else "", self._missing(variance) if counted else "",
                          signed_yuan(variance.net_value) if counted else "", due], zone.is_late()))
        self.zones_model.set_rows(rows)
        rows = []
        for record in stock_count.count_history():
            v = record.variance
            rows.append(([record.number, f"{record.posted_at:%Y-%m-%d %H:%M}",
                          comma.join(domain_tr(Location.by_code(code).name) for code in record.zones),
                          record.posted_by or "—", str(v.lines), self._found(v), self._missing(v),
                          signed_yuan(v.net_value)], False))
        self.counts_model.set_rows(rows)
        fit_columns(self.zones_view, stretch=0)
        fit_columns(self.counts_view, stretch=2)
        view = self.zones_view  # the zones are few: all of them in view, the counts below take the rest
        view.setFixedHeight(view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
                            + sum(view.rowHeight(r) for r in range(self.zones_model.rowCount())) + 2)

    @staticmethod
    def _found(v: stock_count.Variance) -> str:
        return f"{signed_units(v.found, '+')} · {signed_yuan(v.found_value)}"  # units · their value at cost

    @staticmethod
    def _missing(v: stock_count.Variance) -> str:
        return f"{signed_units(v.missing, '−')} · {signed_yuan(-v.missing_value)}"


class StockCountDialog(QDialog):
    """*zones*: the zones to tick for a new count (a Today entry of a zone due for its count); by default the
    sellable stock. A count still open is shown instead, whatever *zones* says."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, zones: list[str] | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.count: StockCount | None = StockCount.select().where(StockCount.state == "open").order_by(
            StockCount.id.desc()).first()
        self.setWindowTitle(self.tr("Stock count"))
        self.resize(980, 640)
        outer = QVBoxLayout(self)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)
        self.count_page = QWidget()
        self.tabs.addTab(self.count_page, self.tr("Count"))
        self.history = CountHistoryPage(self)
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.currentChanged.connect(lambda i: self.history.reload() if self.tabs.widget(i) is self.history
                                         else None)
        layout = QVBoxLayout(self.count_page)
        self.zones_row = QHBoxLayout()
        self.zone_boxes: dict[str, QCheckBox] = {}
        self.zones_row.addWidget(QLabel(self.tr("Count these zones:")))
        ticked = set(zones) if zones else {"sellable"}
        for loc in internal_locations():
            box = QCheckBox(domain_tr(loc.name))
            box.setChecked(loc.code in ticked)
            self.zone_boxes[loc.code] = box
            self.zones_row.addWidget(box)
        self.zones_row.addStretch(1)
        self.blind_start = QCheckBox(self.tr("Blind count"))
        self.blind_start.setChecked(True)  # as the printed count sheet: the counter writes what is there
        self.blind_start.setToolTip(self.tr("The expected quantities and the differences stay hidden until the "
                                            "count is posted, so the counter writes what is there, not what the "
                                            "ledger says should be."))
        self.start_button = QPushButton(self.tr("Start the count"))
        self.start_button.clicked.connect(self.start)
        layout.addLayout(self.zones_row)
        start_row = QHBoxLayout()  # its own row: the zones alone fill 1280 px
        start_row.addWidget(self.blind_start)
        self.due_label = QLabel()  # the zones due for their scheduled count
        self.due_label.setStyleSheet("color: #c62828;")
        start_row.addWidget(self.due_label, 1)
        self.schedule_button = QPushButton(self.tr("Schedule…"))
        self.schedule_button.setToolTip(self.tr("How often each zone is counted"))
        self.schedule_button.clicked.connect(self.open_schedule)
        start_row.addWidget(self.schedule_button)
        start_row.addWidget(self.start_button)
        layout.addLayout(start_row)
        self.header = QLabel()
        self.header.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.header)
        scan_row = QHBoxLayout()
        scan_row.addWidget(QLabel(self.tr("Scan:")))
        self.scan_edit = QLineEdit()
        self.scan_edit.setPlaceholderText(self.tr("Scan a serial (one unit) or a barcode / SKU (adds one), then Enter"))
        self.scan_edit.returnPressed.connect(self.scan)
        scan_row.addWidget(self.scan_edit, 1)
        layout.addLayout(scan_row)
        self.model = CountLinesModel([self.tr("Zone"), self.tr("Bin"), self.tr("SKU"), self.tr("Product"),
                                      self.tr("Serial"), self.tr("Expected"), self.tr("Counted")], self)
        self.model.counted_typed.connect(self._typed)
        self.table = make_table_view(self)
        self.table.setSortingEnabled(False)  # counting order: zone, bin, SKU
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COUNTED, CountedDelegate(self.table))
        self.table.setEditTriggers(self.table.EditTrigger.DoubleClicked | self.table.EditTrigger.EditKeyPressed
                                   | self.table.EditTrigger.AnyKeyPressed)
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        sheet_row = QHBoxLayout()
        self.blind_box = QCheckBox(self.tr("Blind count sheet (without the expected quantities)"))
        self.blind_box.setChecked(True)  # the counter writes what is there, not what the ledger says should be
        self.blind_box.setToolTip(self.tr("Untick to print the ledger's expected quantity beside each line."))
        sheet_row.addWidget(self.blind_box)
        sheet_row.addStretch(1)
        self.print_sheet_button = QPushButton(self.tr("Print count sheet…"))
        self.print_sheet_button.clicked.connect(self.print_sheet)
        sheet_row.addWidget(self.print_sheet_button)
        self.sheet_button = QPushButton(self.tr("Export count sheet…"))
        self.sheet_button.clicked.connect(self.export_sheet)
        sheet_row.addWidget(self.sheet_button)
        layout.addLayout(sheet_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel the count"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.clicked.connect(self.cancel_count)
        self.post_button = self.buttons.addButton(self.tr("Post adjustments…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.post_button.clicked.connect(self.ask_post)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.reload()

    # ---------------------------------------------------------------- state
    def reload(self) -> None:
        state = StockCount.get_by_id(self.count.id).state if self.count is not None else None
        if state is not None:
            self.count = StockCount.get_by_id(self.count.id)
        open_count, posted = state == "open", state == "posted"  # a posted count stays in view, read-only
        if not (open_count or posted):
            self.count = None
        for box in self.zone_boxes.values():
            box.setEnabled(not open_count)
        self._show_due()
        self.blind_start.setEnabled(not open_count)
        self.start_button.setEnabled(not open_count)
        for widget in (self.scan_edit, self.sheet_button, self.print_sheet_button, self.blind_box, self.cancel_button,
                       self.post_button):
            widget.setEnabled(open_count)
        blind = open_count and stock_count.is_blind(self.count)
        self.model.blind, self.model.editable = blind, open_count
        self.table.setColumnHidden(EXPECTED, blind)
        if blind:  # the sheet of a blind count is blind too
            self.blind_box.setChecked(True)
            self.blind_box.setEnabled(False)
            self.blind_box.setToolTip(self.tr("A blind count prints blind: the expected quantities show once it "
                                              "is posted."))
        else:
            self.blind_box.setToolTip(self.tr("Untick to print the ledger's expected quantity beside each line."))
        if self.tabs.currentWidget() is self.history:
            self.history.reload()  # a count posted or cancelled shows there at once
        if not (open_count or posted):
            self.header.setText(self.tr("Choose the zones and start: the ledger's quantities are frozen as "
                                        "“expected” until the count is posted."))
            self.model.set_rows([])
            self.summary.clear()
            return
        zones = QCoreApplication.translate("Domain", ", ").join(
            domain_tr(Location.get(Location.code == c).name) for c in stock_count.count_zones(self.count))
        if posted:
            self.header.setText(self.tr("Count {number} · {zones} · posted {when}").format(
                number=self.count.number, zones=zones, when=f"{self.count.posted_at:%Y-%m-%d %H:%M}"))
        elif blind:
            self.header.setText(self.tr("Count {number} · {zones} · started {when} · blind: the expected "
                                        "quantities show once it is posted").format(
                number=self.count.number, zones=zones, when=f"{self.count.created_at:%Y-%m-%d %H:%M}"))
        else:
            self.header.setText(self.tr("Count {number} · {zones} · started {when}").format(
                number=self.count.number, zones=zones, when=f"{self.count.created_at:%Y-%m-%d %H:%M}"))
        self.model.set_rows(stock_count.line_rows(self.count.id))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self._summary()

    def _show_due(self) -> None:
        due = stock_count.due_counts()
        self.due_label.setText(self.tr("Due for their count: {zones}").format(
            zones=QCoreApplication.translate("Domain", ", ").join(domain_tr(z.name) for z in due)) if due else "")

    def open_schedule(self):
        """The count schedule (the owner's); the history and the zones due follow what is saved."""
        from .count_schedule_dialog import CountScheduleDialog

        dialog = CountScheduleDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._schedule_saved)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def _schedule_saved(self) -> None:
        self._show_due()
        self.history.reload()

    def _summary(self) -> None:
        done = stock_count.progress(self.count.id)
        open_count = self.count.state == "open"
        if open_count:
            self.post_button.setEnabled(done.uncounted == 0)
            self.post_button.setToolTip("" if done.uncounted == 0 else QCoreApplication.translate(
                "Domain", "{count} line(s) are not counted yet: enter 0 for what is not there.").format(
                count=done.uncounted))
        if self.model.blind:
            self.summary.setText(self.tr("{lines} lines · {missing} not counted yet").format(
                lines=done.lines, missing=done.uncounted))
            return
        diffs = stock_count.differences(self.count.id, limit=8)
        text = self.tr("{lines} lines · {missing} not counted yet · {diffs} differences").format(
            lines=done.lines, missing=done.uncounted, diffs=done.differing)
        if diffs:
            text += ": " + "; ".join(f"{d.line.product.name}{' ' + d.line.serial if d.line.serial else ''} "
                                     f"{d.delta:+d}" for d in diffs)
            if done.differing > len(diffs):
                text += " …"
        self.summary.setText(text)

    def _refresh_lines(self, line_ids: tuple[int, ...], show: bool = False) -> None:
        """After an edit or a scan: those rows and the summary, not the whole count (unless a line is new)."""
        if self.count is None:
            return
        if not self.model.update_rows(stock_count.line_rows(self.count.id, list(line_ids))):
            self.reload()
        else:
            self._summary()
        row = self.model.row_of(line_ids[-1]) if line_ids else None
        if show and row is not None:  # the scanned line, so the assistant sees what was counted
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, COUNTED))

    def _run(self, fn, *args, then=None, lines: bool = False, failed=None) -> None:
        """Run a step on the writer. *lines*: it changed single lines (an edit, a scan); only those are redrawn."""
        def ok(result) -> None:
            if lines:
                self._refresh_lines(result.ids, show=fn is stock_count.scan)
                if fn is stock_count.scan and result.messages and result.messages[0] != args[1]:
                    self.summary.setText(result.messages[0])  # found where the ledger did not expect it
                return
            if then is not None and fn is stock_count.start_count:
                then(result)  # the new count must be known before the screen is redrawn
            self.reload()
            if then is not None and fn is not stock_count.start_count:
                then(result)  # a message that the redraw must not wipe

        def not_done(error) -> None:
            if failed is not None:
                failed()
            show_error(self, error)

        self.context.ops.run(fn, *args, on_success=ok, on_failure=not_done)

    # ---------------------------------------------------------------- actions
    def start(self) -> None:
        zones = [code for code, box in self.zone_boxes.items() if box.isChecked()]

        def started(changes) -> None:
            self.count = StockCount.get_by_id(changes.ids[0])

        self._run(stock_count.start_count, zones, self.context.staff, self.blind_start.isChecked(), then=started)

    def _typed(self, line_id: int, counted: int | None) -> None:
        if self.count is not None:
            self._run(stock_count.set_counted, self.count.id, line_id, counted, lines=True)

    def scan(self) -> None:
        code = self.scan_edit.text().strip()
        if code and self.count is not None:
            self.scan_edit.clear()  # ready for the next scan at once

            def give_back() -> None:  # an unknown code comes back into the box, to be read or corrected
                if not self.scan_edit.text():
                    self.scan_edit.setText(code)
                    self.scan_edit.selectAll()

            self._run(stock_count.scan, self.count.id, code, lines=True, failed=give_back)

    def export_sheet(self) -> None:
        """Save the count sheet as .xlsx (read and written off the GUI thread: a zone can have 20 000 lines)."""
        if self.count is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export count sheet"),
                                              str(Path.home() / f"{self.count.number}.xlsx"),
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"

        def saved(result) -> None:
            self.summary.setText(self.tr("Count sheet saved to {path}.").format(path=result))

        def not_saved(error) -> None:
            if isinstance(error, OSError):
                QMessageBox.warning(self, self.tr("Not saved"), self.tr("The count sheet could not be saved: {reason}")
                                    .format(reason=error.strerror or error))
            else:
                show_error(self, error)

        self.context.ops.run(stock_count.count_sheet, self.count.id, Path(path),
                             show_expected=not self.blind_box.isChecked(), on_success=saved, on_failure=not_saved)

    def print_sheet(self):
        """The count sheet in the print preview (print it, or save it as PDF from there)."""
        if self.count is None:
            return None
        from ..printing.count_sheet import render_count_sheet
        from .print_ui import preview

        from .. import i18n

        with i18n.in_document_language():  # a printout: in the shop's document language, title included
            sheet = stock_count.count_sheet_data(self.count.id, show_expected=not self.blind_box.isChecked())
        return preview(self, lambda device: render_count_sheet(device, sheet), sheet.title)

    def cancel_count(self) -> None:
        """Throw the count away (what was counted is lost): asked first, with No as the default."""
        answer = QMessageBox.question(
            self, self.tr("Cancel the count"),
            self.tr("Cancel count {number}? What was counted so far is thrown away; stock does not change.").format(
                number=self.count.number),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self._run(stock_count.cancel, self.count.id)

    def ask_post(self) -> "PostCountDialog | None":
        """Ask for the reason (and the owner, if needed) only once the count can be posted at all: lines not
        counted, or stock moved since the count began, are said first and no reason is typed in vain."""
        if self.count is None:
            return None
        try:
            stock_count.check_postable(self.count.id)
        except DomainError as refused:
            self._summary()
            show_error(self, refused)
            return None
        dialog = PostCountDialog(self.context, stock_count.pulled_back(self.count.id), self, count=self.count,
                                 post=self.post)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def post(self, reason: str, approval=None, done=None, failed=None) -> None:
        """Post the count; *done* / *failed* tell the reason dialog (which stays open, with what was typed, on a
        refusal)."""
        def posted(changes) -> None:
            self.summary.setText(self.tr("Posted {number}: {count} adjustment(s).").format(
                number=changes.reference, count=changes.created))
            if done is not None:
                done()

        self._run(stock_count.post, self.count.id, reason, self.context.staff, approval, then=posted, failed=failed)


class PostCountDialog(QDialog):
    """The reason for the adjustments; and, when the count found units the ledger has with a customer or a
    supplier, which ones and the owner's approval to take them back into stock. Posting cannot be undone:
    Cancel is the default. *post(reason, approval, done, failed)* posts; the dialog closes once it is posted and
    keeps what was typed when it is refused."""

    def __init__(self, context, pulled: list, parent: QWidget | None = None, count: StockCount | None = None,
                 post=None) -> None:
        super().__init__(parent)
        self._post = post
        self.setWindowTitle(self.tr("Post adjustments of {number}").format(number=count.number) if count is not None
                            else self.tr("Post adjustments"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. monthly count of the resale shelf"))
        form.addRow(self.tr("Reason (kept with each move):"), self.reason)
        self.owner: OwnerApproval | None = None
        if pulled:
            units = "".join(f"<li>{html.escape(p.serial)} · {html.escape(p.product)} — "
                            + html.escape(self.tr("the ledger has it with “{place}”").format(place=p.place))
                            + "</li>" for p in pulled)
            note = QLabel(self.tr("Found here, though the ledger has them outside the shop:") + f"<ul>{units}</ul>"
                          + self.tr("Taking them back into stock needs the owner's approval."))
            note.setWordWrap(True)
            layout.addWidget(note)
            self.owner = OwnerApproval(context, self)
            form.addRow(self.tr("Approved by (owner):"), self.owner)
        layout.addLayout(form)
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                                  | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Post adjustments"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setAutoDefault(False)  # posting cannot be undone: Enter is Cancel
        self.ok_button.setDefault(False)
        self.cancel_button.setAutoDefault(True)
        self.cancel_button.setDefault(True)
        self.reason.textChanged.connect(self.refresh)
        if self.owner is not None:
            watch_approval(self.owner, self.refresh)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def blocker(self) -> str | None:
        if not self.reason.text().strip():
            return self.tr("Give the reason first.")
        return approval_missing(self.owner) if self.owner is not None else None

    def refresh(self, *_args: object) -> None:
        reason = self.blocker()
        self.ok_button.setEnabled(reason is None)
        self.ok_button.setToolTip(reason or "")

    def submit(self) -> None:
        self.refresh()
        if not self.ok_button.isEnabled():
            return
        if self._post is None:
            self.accept()
            return
        self.buttons.setEnabled(False)

        def failed() -> None:
            self.buttons.setEnabled(True)
            self.refresh()

        self._post(self.reason.text(), self.approval(), self.accept, failed)

    def approval(self):
        return self.owner.approval() if self.owner is not None else None
