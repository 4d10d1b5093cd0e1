"""File → Import: bring in products, the original sales or opening stock from an .xlsx file.

The import runs off the GUI thread with a progress dialog that can be cancelled; a refused file
lists every problem (row, column, what is wrong) right here, and the chosen file stays chosen so
the user can fix the workbook and press Import again.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QProgressDialog, QPushButton,
                               QVBoxLayout, QWidget)

from ..services import Cancelled, Changes
from ..services.importing import IMPORTERS, ImportFailed, write_template
from .context import AppContext
from .errors import show_error


class ImportDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, kind: str = "sales") -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Import from Excel"))
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Choose what to import and the .xlsx file exported from your till or 进销存 "
                               "system: one sheet, a header row in Chinese or English, one record per row. "
                               "A file with any problem imports nothing; a receipt already imported is skipped."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Products"), "products")
        self.kind.addItem(self.tr("Sales (receipts customers bring back)"), "sales")
        self.kind.addItem(self.tr("Opening stock per product and zone"), "opening")
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        form.addRow(self.tr("What:"), self.kind)
        file_row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Path of the .xlsx file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        form.addRow(self.tr("File:"), file_row)
        layout.addLayout(form)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setPlaceholderText(self.tr("The result of the import shows here."))
        layout.addWidget(self.report, 1)
        buttons = QDialogButtonBox()
        self.template_button = buttons.addButton(self.tr("Save template…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.template_button.clicked.connect(self._save_template)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.start_import)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.progress: QProgressDialog | None = None
        self._cancel = threading.Event()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the Excel file"), self.path.text(),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.path.setText(path)

    def _save_template(self) -> None:
        kind = self.kind.currentData()
        default = str(Path.home() / template_file_name(kind))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save import template"), default,
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.save_template_to(Path(path))

    def save_template_to(self, path: Path) -> None:
        try:
            write_template(path, self.kind.currentData(), chinese=QLocale().language() == QLocale.Language.Chinese)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), self.tr("The template could not be saved: {reason}").format(
                reason=exc.strerror or exc))
            return
        self.report.setPlainText(self.tr("Template saved to {path}. Fill in one row per record, keep the header "
                                         "row, and import it here.").format(path=path))

    def start_import(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.report.setPlainText(self.tr("Choose a file first."))
            self.path.setFocus()
            return
        self._cancel.clear()
        self.import_button.setEnabled(False)
        self.report.setPlainText(self.tr("Importing…"))
        self.progress = QProgressDialog(self.tr("Reading and checking the file…"), self.tr("Cancel"), 0, 0, self)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)
        self.progress.canceled.connect(self._cancel.set)
        importer = IMPORTERS[self.kind.currentData()]
        self.context.ops.run(importer, Path(text), staff=self.context.staff, progress=self._on_progress,
                             on_success=self._done, on_failure=self._failed)

    def _on_progress(self, rows: int) -> None:  # runs on the worker thread
        if self._cancel.is_set():
            raise Cancelled()

    def _finish(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        self.import_button.setEnabled(True)

    def _done(self, changes: Changes) -> None:
        self._finish()
        self.report.setPlainText("\n".join(changes.messages) or self.tr("Imported."))

    def _failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, Cancelled):
            self.report.setPlainText(self.tr("Cancelled. Nothing was imported."))
        elif isinstance(error, ImportFailed):
            self.report.setPlainText(error.report())
        else:
            self.report.setPlainText(self.tr("Nothing was imported."))
            show_error(self, error)


def template_file_name(kind: str) -> str:
    """The suggested name of an empty import template, in the user's language (导入模板-商品.xlsx)."""
    what = {"products": QCoreApplication.translate("ImportDialog", "products"),
            "sales": QCoreApplication.translate("ImportDialog", "sales"),
            "opening": QCoreApplication.translate("ImportDialog", "opening stock")}.get(kind, kind)
    return QCoreApplication.translate("ImportDialog", "import template - {what}.xlsx").format(what=what)
