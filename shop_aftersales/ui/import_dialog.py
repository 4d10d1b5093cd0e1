"""File → Import: bring in products, the original sales or opening stock from an .xlsx file.

The import runs off the GUI thread with a progress dialog that can be cancelled; a refused file
lists every problem (row, column, what is wrong) right here, and the chosen file stays chosen so
the user can fix the workbook and press Import again. A sales file naming salespeople who are no staff
member shows a small table, one name a row, where each is created as a sales staff member or mapped to a
staff member; Import again then imports with those choices (remembered for the next imports unless unticked).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
                               QProgressDialog, QPushButton, QVBoxLayout, QWidget)

from ..errors import DomainError
from ..models import ROLES, Staff
from ..services import Cancelled, Changes
from ..services.importing import IMPORTERS, ImportFailed, write_template
from ..services.salespeople import NameChoice, UnknownName, UnknownSalespeople
from ..services.staff import owner_protection_on
from .approval import OwnerApproval
from .context import AppContext
from .errors import show_error
from .paged_model import domain_tr
from .widgets import make_table_view

CREATE = -1  # the combo's choice "create as a sales staff member"


class ImportDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, kind: str = "sales") -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Import from Excel"))
        self.resize(760, 520)
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
        self.sellers = SalespeopleChoices(context, self)
        self.sellers.setVisible(False)
        layout.addWidget(self.sellers, 1)
        self.path.textChanged.connect(self._forget_names)
        self.kind.currentIndexChanged.connect(self._forget_names)
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
        extra = {}
        if self.kind.currentData() == "sales" and self.sellers.isVisible():
            extra = {"salespeople": self.sellers.choices(), "remember": self.sellers.remember.isChecked(),
                     "approval": self.sellers.approval()}
        self.context.ops.run(importer, Path(text), staff=self.context.staff, progress=self._on_progress,
                             on_success=self._done, on_failure=self._failed, **extra)

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
        self.sellers.setVisible(False)
        self.report.setPlainText("\n".join(changes.messages) or self.tr("Imported."))

    def _forget_names(self) -> None:
        """Another file or another kind: the names asked about were this file's."""
        self.sellers.setVisible(False)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, Cancelled):
            self.report.setPlainText(self.tr("Cancelled. Nothing was imported."))
        elif isinstance(error, UnknownSalespeople):
            self.report.setPlainText(error.report(hint=False) + "\n\n" + self.tr(
                "Choose below what each salesperson's name is, then press Import again."))
            self.sellers.ask(error.names)
        elif isinstance(error, ImportFailed):
            self.report.setPlainText(error.report())
        elif isinstance(error, DomainError) and self.sellers.isVisible():
            # the owner's approval of new staff missing or wrong: said here, beside the choices, which stay
            self.report.setPlainText(self.tr("Nothing was imported: {reason}").format(reason=error.message()))
            self.sellers.approver.pin.setFocus()
        else:
            self.report.setPlainText(self.tr("Nothing was imported."))
            show_error(self, error)


class SalespeopleChoices(QGroupBox):
    """One row per salesperson's name that is no staff member: the name, its rows, and a combo: create it as a
    sales staff member, or map it to a staff member. The owner approves creating staff once the owner has a PIN."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("ImportDialog", "Salespeople who are not among the staff"),
                         parent)
        self.context = context
        layout = QVBoxLayout(self)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([QCoreApplication.translate("ImportDialog", "Name in the file"),
                                              QCoreApplication.translate("ImportDialog", "Rows"),
                                              QCoreApplication.translate("ImportDialog", "Read it as")])
        self.view = make_table_view(self)
        self.view.setSortingEnabled(False)
        self.view.setModel(self.model)
        layout.addWidget(self.view, 1)
        self.remember = QCheckBox(QCoreApplication.translate("ImportDialog", "Remember the names mapped to staff "
                                                                             "members for the next imports"))
        self.remember.setChecked(True)
        layout.addWidget(self.remember)
        form = QFormLayout()
        self.approver = OwnerApproval(context, self)
        form.addRow(QCoreApplication.translate("ImportDialog", "New staff approved by (owner):"), self.approver)
        self.approver_label = form.labelForField(self.approver)
        layout.addLayout(form)
        self.combos: list[tuple[UnknownName, QComboBox]] = []
        self._show_approver()

    def ask(self, names: list[UnknownName]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        self.combos = []
        staff = list(Staff.select().order_by(Staff.active.desc(), Staff.name))
        for name in names:
            rows = ", ".join(str(r) for r in name.rows[:8]) + ("…" if len(name.rows) > 8 else "")
            self.model.appendRow([QStandardItem(name.name), QStandardItem(rows), QStandardItem("")])
            combo = QComboBox()
            combo.addItem(QCoreApplication.translate("ImportDialog", "Create as a sales staff member"), CREATE)
            for member in staff:
                label = QCoreApplication.translate("ImportDialog", "Map to {name} ({role})").format(
                    name=member.name, role=domain_tr(ROLES.get(member.role, member.role)))
                if not member.active:
                    label += QCoreApplication.translate("ImportDialog", " – no longer active")
                combo.addItem(label, member.id)
            combo.currentIndexChanged.connect(self._show_approver)
            self.view.setIndexWidget(self.model.index(self.model.rowCount() - 1, 2), combo)
            self.combos.append((name, combo))
        header = self.view.horizontalHeader()
        header.resizeSection(0, 200)
        header.resizeSection(1, 120)
        self.setVisible(True)
        self._show_approver()
        if self.combos:
            self.combos[0][1].setFocus()

    def choices(self) -> list[NameChoice]:
        return [NameChoice(name.name, None if combo.currentData() == CREATE else combo.currentData())
                for name, combo in self.combos]

    def creates(self) -> bool:
        return any(combo.currentData() == CREATE for _name, combo in self.combos)

    def approval(self):
        return self.approver.approval() if self.creates() and owner_protection_on() else None

    def _show_approver(self) -> None:
        needed = self.creates() and owner_protection_on()
        self.approver.setVisible(needed)
        if self.approver_label is not None:
            self.approver_label.setVisible(needed)


def template_file_name(kind: str) -> str:
    """The suggested name of an empty import template, in the user's language (导入模板-商品.xlsx)."""
    what = {"products": QCoreApplication.translate("ImportDialog", "products"),
            "sales": QCoreApplication.translate("ImportDialog", "sales"),
            "opening": QCoreApplication.translate("ImportDialog", "opening stock")}.get(kind, kind)
    return QCoreApplication.translate("ImportDialog", "import template - {what}.xlsx").format(what=what)
