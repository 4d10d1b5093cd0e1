"""Settings → Database: where this PC's shop is kept — the data folder's SQLite file, or a PostgreSQL database
that several PCs share — with a test of the connection; and what the start asks when that database needs a
password or cannot be reached.

The choice is this PC's (QSettings, per data folder, the URL without its password: database_choice); the password
goes to the PC's credential store (services.credentials) only when "remember" is ticked and the PC has one. A new
choice takes effect at the next start.
"""

from __future__ import annotations

import threading
from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QRadioButton, QSpinBox, QVBoxLayout,
                               QWidget)

from .. import database_choice
from ..errors import DomainError
from ..models import postgres
from ..models.database import database_path
from ..services import credentials
from ..services.database_probe import SHOP, UPGRADE, EMPTY, probe


def build_url(host: str, port: int, database: str, user: str) -> str:
    """postgresql://user@host:port/database, each part quoted (never a password)."""
    host = host.strip()
    netloc = quote(user.strip(), safe="") + "@" + (f"[{host}]" if ":" in host else host)
    if port and port != 5432:
        netloc += f":{port}"
    return f"postgresql://{netloc}/{quote(database.strip(), safe='')}"


class _Probed(QObject):
    finished = Signal(object)  # a services.database_probe.Found


class DatabaseDialog(QDialog):
    """This PC's shop is kept in: ( ) this computer's data folder (SQLite) / ( ) a shared PostgreSQL database."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.setWindowTitle(self.tr("Database"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("This PC's shop is kept in:")))
        self.sqlite_choice = QRadioButton(self.tr("this computer's data folder (SQLite)"))
        self.postgres_choice = QRadioButton(self.tr("a shared PostgreSQL database (several PCs, one shop)"))
        choices = QButtonGroup(self)
        choices.addButton(self.sqlite_choice)
        choices.addButton(self.postgres_choice)
        layout.addWidget(self.sqlite_choice)
        where = QLabel(str(database_path(self.data_dir)))
        where.setContentsMargins(24, 0, 0, 6)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setStyleSheet("color: #555;")
        layout.addWidget(where)
        layout.addWidget(self.postgres_choice)

        self.server_box = QGroupBox()
        form = QFormLayout(self.server_box)
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.10"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        server_row = QHBoxLayout()
        server_row.addWidget(self.host, 1)
        server_row.addWidget(QLabel(self.tr("Port:")))
        server_row.addWidget(self.port)
        form.addRow(self.tr("Server:"), server_row)
        self.database = QLineEdit()
        self.database.setPlaceholderText("shop")
        form.addRow(self.tr("Database:"), self.database)
        self.user = QLineEdit()
        self.user.setPlaceholderText("shop")
        form.addRow(self.tr("User:"), self.user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Password:"), self.password)
        self.remember = QCheckBox(self.tr("Remember the password on this PC"))
        self.store_available = credentials.available()
        if self.store_available:
            self.remember.setChecked(True)
            self.remember.setToolTip(self.tr("Kept in this PC's credential store, never in the data folder."))
        else:
            self.remember.setEnabled(False)
        form.addRow("", self.remember)
        self.store_note = QLabel(
            self.tr("The password is kept in this PC's credential store, never in the data folder.")
            if self.store_available else
            self.tr("This PC has no credential store, so the password cannot be remembered: it is asked at each "
                    "start."))
        self.store_note.setWordWrap(True)
        self.store_note.setStyleSheet("color: #555;" if self.store_available else "color: #a15c00;")
        form.addRow("", self.store_note)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test the connection"))
        self.test_button.clicked.connect(self.test_connection)
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        form.addRow("", test_row)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.result_label)
        box_margin = QHBoxLayout()
        box_margin.setContentsMargins(24, 0, 0, 0)
        box_margin.addWidget(self.server_box)
        layout.addLayout(box_margin)

        note = QLabel(self.tr("The data folder stays this PC's own for logs, documents, photos and backups. A new "
                              "choice takes effect when Shop Aftersales starts again."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.testing: threading.Thread | None = None
        self.found = None  # what the last test found
        self.saved_url: str | None = None
        self.remembered: bool | None = None  # after save: the password is in the credential store
        self._load(database_choice.saved_url(self.data_dir))
        self.sqlite_choice.toggled.connect(self._update)
        for edit in (self.host, self.database, self.user, self.password):
            edit.textChanged.connect(self._forget_result)
        self.port.valueChanged.connect(self._forget_result)
        self._update()

    def _load(self, url: str | None) -> None:
        if not url:
            self.sqlite_choice.setChecked(True)
            return
        self.postgres_choice.setChecked(True)
        address = postgres.parse(url)
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)
        remembered = credentials.load(url)
        if remembered:
            self.password.setText(remembered)
        elif self.store_available:
            self.remember.setChecked(False)

    def _update(self) -> None:
        on = self.postgres_choice.isChecked()
        self.server_box.setEnabled(on)
        self.remember.setEnabled(on and self.store_available)

    def _forget_result(self) -> None:
        self.found = None
        if self.testing is None:
            self.result_label.clear()

    def missing(self) -> str | None:
        """What must still be filled in before the PostgreSQL choice can be tested or saved, or None."""
        for edit, name in ((self.host, self.tr("the server")), (self.database, self.tr("the database")),
                           (self.user, self.tr("the user"))):
            if not edit.text().strip():
                return self.tr("Fill in {what} first.").format(what=name)
        return None

    def url(self) -> str:
        return build_url(self.host.text(), self.port.value(), self.database.text(), self.user.text())

    # -- testing -----------------------------------------------------------------------------------------
    def test_connection(self) -> threading.Thread | None:
        """Connect on a thread of its own (at most a few seconds) and say what is there; the dialog stays
        usable meanwhile. Returns the thread (None when a field is missing)."""
        if self.testing is not None:
            return self.testing
        missing = self.missing()
        if missing:
            self._show_result(missing, ok=False)
            return None
        url, password = self.url(), self.password.text() or None
        address = postgres.parse(url)
        self.found = None
        self.test_button.setEnabled(False)
        self._show_result(self.tr("Connecting to {server}…").format(server=f"{address.host}:{address.port}"),
                          ok=None)
        report = _Probed(self)
        report.finished.connect(self._tested)
        self._report = report  # kept alive until it reports

        def work() -> None:
            found = probe(url, password)
            try:
                report.finished.emit(found)
            except RuntimeError:  # the dialog is gone
                pass

        self.testing = threading.Thread(target=work, name="database-test", daemon=True)
        self.testing.start()
        return self.testing

    def _tested(self, found) -> None:
        self.testing = None
        self.test_button.setEnabled(True)
        self.found = found
        self._show_result(found.message(), ok=found.kind in (SHOP, UPGRADE, EMPTY))

    def _show_result(self, text: str, ok: bool | None) -> None:
        colour = {True: "#1b7d2e", False: "#b00020", None: "#555"}[ok]
        self.result_label.setStyleSheet(f"color: {colour};")
        self.result_label.setText(text)

    # -- saving ------------------------------------------------------------------------------------------
    def save(self) -> None:
        before = database_choice.saved_url(self.data_dir)
        if self.sqlite_choice.isChecked():
            database_choice.save_url(self.data_dir, None)
            if before:
                credentials.forget(before)
            self.saved_url = None
        else:
            missing = self.missing()
            if missing:
                QMessageBox.warning(self, self.tr("Not saved"), missing)
                return
            url = self.url()
            database_choice.save_url(self.data_dir, url)
            if before and postgres.parse(before).url != url:
                credentials.forget(before)
            password = self.password.text()
            self.remembered = False
            if self.remember.isChecked() and self.remember.isEnabled() and password:
                self.remembered = credentials.save(url, password)
            else:
                credentials.forget(url)
            self.saved_url = url
        if self.saved_url is None:
            text = self.tr("Saved. From the next start of Shop Aftersales, this PC's shop is the SQLite file in its "
                           "data folder.")
        else:
            text = self.tr("Saved. From the next start of Shop Aftersales, this PC opens the shop in {where}.").format(
                where=postgres.display(self.saved_url))
        if self.saved_url and self.remembered is False and self.remember.isChecked() and self.password.text():
            text += "\n\n" + self.tr("The password could not be kept in this PC's credential store: it is asked at "
                                     "each start.")
        self.saved_message = text
        QMessageBox.information(self, self.tr("Database"), text)
        self.accept()

    def done(self, result: int) -> None:
        self.password.clear()  # not kept in memory longer than the dialog
        super().done(result)


class PasswordDialog(QDialog):
    """The start's question when the shop's database wants a password this PC does not remember."""

    def __init__(self, url: str, parent: QWidget | None = None, wrong: bool = False) -> None:
        super().__init__(parent)
        address = postgres.parse(url)
        self.setWindowTitle(self.tr("Database password"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        text = self.tr("The shop's database {database} on {server} needs the password of the user {user}.").format(
            database=address.database, server=f"{address.host}:{address.port}", user=address.user)
        if wrong:
            text = self.tr("That password was not accepted.") + " " + text
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Password:"), self.password)
        self.remember = QCheckBox(self.tr("Remember the password on this PC"))
        form.addRow("", self.remember)
        if credentials.available():
            self.remember.setChecked(True)
        else:
            self.remember.setEnabled(False)
            note = QLabel(self.tr("This PC has no credential store, so the password cannot be remembered: it is "
                                  "asked at each start."))
            note.setWordWrap(True)
            note.setStyleSheet("color: #a15c00;")
            form.addRow("", note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open the shop"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.password.setFocus()


RETRY, SETTINGS, QUIT = "retry", "settings", "quit"


def refusal_box(refused: DomainError, parent: QWidget | None = None) -> QMessageBox:
    """The start's message when the shop's PostgreSQL database cannot be opened: why (the refusal, translated),
    and Try again / Settings → Database… / Quit."""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Errors", "Cannot open the shop"),
                      refused.message(), parent=parent)
    role = QMessageBox.ButtonRole
    retry = box.addButton(QCoreApplication.translate("DatabaseDialog", "Try again"), role.AcceptRole)
    settings = box.addButton(QCoreApplication.translate("DatabaseDialog", "Settings → Database…"), role.ActionRole)
    quit_ = box.addButton(QCoreApplication.translate("DatabaseDialog", "Quit"), role.RejectRole)
    box.setDefaultButton(retry)
    box.setEscapeButton(quit_)
    box.answers = {retry: RETRY, settings: SETTINGS, quit_: QUIT}
    return box


def ask_after_refusal(refused: DomainError, parent: QWidget | None = None) -> str:
    """RETRY, SETTINGS or QUIT, as the person answers :func:`refusal_box`."""
    box = refusal_box(refused, parent)
    box.exec()
    return box.answers.get(box.clickedButton(), QUIT)


def ask_password(url: str, parent: QWidget | None = None, wrong: bool = False) -> tuple[str, bool] | None:
    """(password, remember) as typed at the start, or None when the person cancelled."""
    dialog = PasswordDialog(url, parent, wrong=wrong)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.password.text(), dialog.remember.isChecked() and dialog.remember.isEnabled()
