"""File → Audit log: every event of every after-sales item, filtered by item, staff member and dates."""

from __future__ import annotations

import datetime as dt

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QLabel, QLineEdit, QVBoxLayout, QWidget)

from ..clock import today
from ..models import Staff
from ..services.audit import AuditLog, export
from .exporting import export_in_background
from .context import AppContext
from .paged_model import PagedTableModel
from .widgets import date_edit, fit_columns, make_table_view


class AuditDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1100, 640)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Item code, serial or product"))
        self.filter.setClearButtonEnabled(True)
        self.staff = QComboBox()
        self.staff.addItem(self.tr("Everyone"), None)
        for person in Staff.select().order_by(Staff.name):
            self.staff.addItem(person.name, person.id)
        self.dated = QCheckBox(self.tr("From"))
        # the last 30 days, not "this month" (on the 1st that would be today alone)
        self.start, self.end = date_edit(today() - dt.timedelta(days=30)), date_edit()
        for widget in (self.filter, self.staff, self.dated, self.start, QLabel(self.tr("to")), self.end):
            bar.addWidget(widget, 2 if widget is self.filter else 0)
        self.count = QLabel()
        bar.addWidget(self.count)
        layout.addLayout(bar)
        self.view = make_table_view(self)
        self.model = PagedTableModel(self.source(), sort_column=0, descending=True, parent=self)
        self.view.setModel(self.model)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(self.tr("Export…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self._export)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.reload)
        self.filter.textChanged.connect(self._debounce.start)
        for signal in (self.staff.currentIndexChanged, self.dated.toggled, self.start.dateChanged,
                       self.end.dateChanged):
            signal.connect(self.reload)
        self.reload()
        fit_columns(self.view)

    def source(self) -> AuditLog:
        dated = self.dated.isChecked()
        return AuditLog(text=self.filter.text(), staff_id=self.staff.currentData(),
                        start=self.start.date().toPython() if dated else None,
                        end=self.end.date().toPython() if dated else None)

    def reload(self) -> None:
        self.model.set_source(self.source())
        self.count.setText(self.tr("{count} events").format(count=self.model.total()))

    def _export(self) -> None:
        suggested = self.tr("audit log {date}.xlsx").format(date=f"{today():%Y-%m-%d}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"), str(Path.home() / suggested),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Written on the writer thread with a cancellable progress dialog: five years are 300 000 events."""
        self.export_progress = export_in_background(self, self.context, export, self.source(), path)
