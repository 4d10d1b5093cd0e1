"""File → Back up now / Restore…: the backups with their date and size; the chosen file is checked (a copy of it,
as the shop's own file is checked at start) before the owner is asked to confirm; restoring backs up the current
database first and reopens the shop on the restored file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..services.backup import Backup, backups_dir, before_restore_name, check_backup, describe_taken, list_backups
from ..services.staff import require_owner
from .actions import approval_missing, watch_approval
from .approval import OwnerApproval
from .context import AppContext
from .errors import show_error


class RestoreDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Restore a backup"))
        self.resize(680, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Choose the backup to go back to. The database as it is now is backed up first, "
                               "so a restore can itself be undone. Everything entered after the backup was taken "
                               "will be gone."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.backups: list[Backup] = list_backups(backups_dir(context.data_dir))
        self.table = QTableWidget(len(self.backups), 3)  # a few dozen backups at most: a plain table
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Size"), self.tr("File")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for r, backup in enumerate(self.backups):
            for c, value in enumerate((f"{backup.taken:%Y-%m-%d %H:%M:%S}", f"{backup.size / 1024:,.0f} KB",
                                       backup.path.name)):
                cell = QTableWidgetItem(value)
                if c == 1:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        if self.backups:
            self.table.selectRow(0)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Approved by (owner):")))
        self.approver = OwnerApproval(context, self)
        row.addWidget(self.approver, 1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.other_button = QPushButton(self.tr("Another file…"))
        self.other_button.setAutoDefault(False)
        self.other_button.clicked.connect(self._other)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        # restoring throws away everything entered since the backup: Enter (or a stray click on the default) is Cancel
        self.restore_button.setAutoDefault(False)
        self.cancel_button.setAutoDefault(True)
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self._chosen)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.chosen: Path | None = None
        self.table.itemSelectionChanged.connect(self.refresh)
        watch_approval(self.approver, self.refresh)
        self.refresh()

    def blocker(self) -> str | None:
        """Why Restore cannot succeed yet, or None."""
        if not self.backups:
            return self.tr("There are no backups in {folder} yet: choose another file.").format(
                folder=backups_dir(self.context.data_dir))
        if not self.table.selectionModel().selectedRows():
            return self.tr("Choose the backup to go back to.")
        return approval_missing(self.approver)

    def refresh(self, *_args: object) -> None:
        reason = self.blocker()
        self.restore_button.setEnabled(reason is None)
        self.restore_button.setToolTip(reason or "")
        approval = approval_missing(self.approver)  # a file from elsewhere needs the owner's go-ahead as well
        self.other_button.setEnabled(approval is None)
        self.other_button.setToolTip(approval or "")

    def _other(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a backup"), str(Path.home()),
                                              self.tr("Backups (*.sqlite3)"))
        if path:
            self.choose(Path(path))

    def _chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.choose(self.backups[rows[0].row()].path)

    def choose(self, path: Path) -> None:
        try:
            require_owner(self.approver.approval())  # restoring is the owner's step
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # integrity_check reads the whole copy
            try:
                check_backup(path, self.context.data_dir)  # a copy, with its -wal, checked as the shop's file is
            finally:
                QApplication.restoreOverrideCursor()
        except Exception as exc:  # a damaged, foreign or newer version's file: say so, change nothing
            show_error(self, exc)
            return
        answer = QMessageBox.question(self, self.tr("Restore"), self.tr(
            "Go back to the backup {name}, taken {taken}? Everything entered after it was taken will be gone. "
            "The database as it is now is first kept as a backup named {safety} in {folder}, and the shop reopens "
            "on the restored file.").format(name=path.name, taken=describe_taken(path),
                                            safety=before_restore_name(),
                                            folder=backups_dir(self.context.data_dir)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = path
            self.accept()
