"""Stock count (盘点): choose zones, count (type the quantities, or scan serials and barcodes one by one), see
the differences, print or export the count sheet, and post the adjustments with a reason."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QInputDialog, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from ..models import Location, Product, StockCount, StockCountLine
from ..services import stock_count
from ..services.stock import internal_locations
from .context import AppContext
from .errors import show_error
from .paged_model import domain_tr


class StockCountDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.count: StockCount | None = StockCount.select().where(StockCount.state == "open").order_by(
            StockCount.id.desc()).first()
        self.setWindowTitle(self.tr("Stock count"))
        self.resize(900, 620)
        layout = QVBoxLayout(self)
        self.zones_row = QHBoxLayout()
        self.zone_boxes: dict[str, QCheckBox] = {}
        self.zones_row.addWidget(QLabel(self.tr("Count these zones:")))
        for loc in internal_locations():
            box = QCheckBox(domain_tr(loc.name))
            box.setChecked(loc.code == "sellable")
            self.zone_boxes[loc.code] = box
            self.zones_row.addWidget(box)
        self.zones_row.addStretch(1)
        self.start_button = QPushButton(self.tr("Start the count"))
        self.start_button.clicked.connect(self.start)
        self.zones_row.addWidget(self.start_button)
        layout.addLayout(self.zones_row)
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
        self.table = QTableWidget(0, 7)  # edited in place; the counted column is typed into
        self.table.setHorizontalHeaderLabels([self.tr("Zone"), self.tr("Bin"), self.tr("SKU"), self.tr("Product"),
                                              self.tr("Serial"), self.tr("Expected"), self.tr("Counted")])
        self.table.verticalHeader().setVisible(False)
        self.table.itemChanged.connect(self._edited)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.sheet_button = self.buttons.addButton(self.tr("Export count sheet…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.sheet_button.clicked.connect(self.export_sheet)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel the count"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.clicked.connect(self.cancel_count)
        self.post_button = self.buttons.addButton(self.tr("Post adjustments…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.post_button.clicked.connect(self.ask_post)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._filling = False
        self.reload()

    # ---------------------------------------------------------------- state
    def reload(self) -> None:
        open_count = self.count is not None and StockCount.get_by_id(self.count.id).state == "open"
        if not open_count:
            self.count = None
        for box in self.zone_boxes.values():
            box.setEnabled(not open_count)
        self.start_button.setEnabled(not open_count)
        for widget in (self.scan_edit, self.sheet_button, self.cancel_button, self.post_button):
            widget.setEnabled(open_count)
        if not open_count:
            self.header.setText(self.tr("Choose the zones and start: the ledger's quantities are frozen as "
                                        "“expected” until the count is posted."))
            self.table.setRowCount(0)
            self.summary.clear()
            return
        zones = ", ".join(domain_tr(Location.get(Location.code == c).name) for c in json.loads(self.count.zones))
        self.header.setText(self.tr("Count {number} · {zones} · started {when}").format(
            number=self.count.number, zones=zones, when=f"{self.count.created_at:%Y-%m-%d %H:%M}"))
        self.lines = list(StockCountLine.select(StockCountLine, Product, Location).join(Product)
                          .switch(StockCountLine).join(Location).where(StockCountLine.count == self.count)
                          .order_by(Location.sort_order, Product.bin, Product.sku, StockCountLine.serial))
        self._filling = True
        self.table.setRowCount(len(self.lines))
        for r, line in enumerate(self.lines):
            values = [domain_tr(line.location.name), line.product.bin, line.product.sku,
                      f"{line.product.name} {line.product.model}".strip(), line.serial or "", str(line.expected)]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if c == 5:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, cell)
            counted = QTableWidgetItem("" if line.counted is None else str(line.counted))
            counted.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if line.counted is not None and line.counted != line.expected:
                counted.setBackground(Qt.GlobalColor.yellow)
            self.table.setItem(r, 6, counted)
        self._filling = False
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        diffs = stock_count.differences(self.count.id)
        missing = stock_count.uncounted(self.count.id)
        self.summary.setText(self.tr("{lines} lines · {missing} not counted yet · {diffs} differences").format(
            lines=len(self.lines), missing=missing, diffs=len(diffs)) + (
            ": " + "; ".join(f"{d.line.product.name}{' ' + d.line.serial if d.line.serial else ''} "
                             f"{d.delta:+d}" for d in diffs[:8]) if diffs else ""))

    def _run(self, fn, *args, then=None) -> None:
        def ok(result) -> None:
            if then is not None and fn is stock_count.start_count:
                then(result)  # the new count must be known before the screen is redrawn
            self.reload()
            if then is not None and fn is not stock_count.start_count:
                then(result)  # a message that the redraw must not wipe

        self.context.ops.run(fn, *args, on_success=ok, on_failure=lambda e: show_error(self, e))

    # ---------------------------------------------------------------- actions
    def start(self) -> None:
        zones = [code for code, box in self.zone_boxes.items() if box.isChecked()]

        def started(changes) -> None:
            self.count = StockCount.get_by_id(changes.ids[0])

        self._run(stock_count.start_count, zones, self.context.staff, then=started)

    def _edited(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() != 6 or self.count is None:
            return
        text = cell.text().strip()
        try:
            value = None if text == "" else int(text)
        except ValueError:
            QMessageBox.warning(self, self.tr("Not possible"), self.tr("“{text}” is not a whole number.").format(text=text))
            self.reload()
            return
        self._run(stock_count.set_counted, self.count.id, self.lines[cell.row()].id, value)

    def scan(self) -> None:
        code = self.scan_edit.text().strip()
        if code and self.count is not None:
            self.scan_edit.clear()
            self._run(stock_count.scan, self.count.id, code)

    def export_sheet(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export count sheet"),
                                              str(Path.home() / f"{self.count.number}.xlsx"),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            stock_count.count_sheet(self.count.id, Path(path))

    def cancel_count(self) -> None:
        self._run(stock_count.cancel, self.count.id)

    def ask_post(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Post adjustments"),
                                          self.tr("Reason for the adjustments (kept with each move):"))
        if ok:
            self.post(reason)

    def post(self, reason: str) -> None:
        def posted(changes) -> None:
            self.summary.setText(self.tr("Posted {number}: {count} adjustment(s).").format(
                number=changes.reference, count=changes.created))

        self._run(stock_count.post, self.count.id, reason, self.context.staff, then=posted)
