"""How errors reach the user: in her language, with her input kept, never a raw traceback."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..errors import DomainError

log = logging.getLogger("shop_aftersales")

_log_file: str = ""


def set_log_file(path: str) -> None:
    global _log_file
    _log_file = path


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """A refused business step shows its reason; anything unexpected is logged and apologised for."""
    from ..models.notify import lost
    from ..services.importing import ImportFailed

    error = lost(error) or error  # the shop's server went away: said in words; the next use reconnects
    if isinstance(error, ImportFailed):
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Errors", "Not imported"), error.message(), parent=parent)
        box.setDetailedText("\n".join(str(p) for p in error.problems))
        box.exec()
    elif isinstance(error, DomainError):
        QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Not possible"), error.message())
    else:
        log.error("Unexpected error", exc_info=(type(error), error, error.__traceback__))
        report_unexpected(parent)


def report_unexpected(parent: QWidget | None = None) -> None:
    text = QCoreApplication.translate("Errors", "Something went wrong that the program did not expect. Nothing you saved is lost; "
              "the step you were doing was not saved.")
    if _log_file:
        text += "\n\n" + QCoreApplication.translate("Errors", "Details were written to {path}. Please send that file to your support.").format(
            path=_log_file)
    QMessageBox.critical(parent, QCoreApplication.translate("Errors", "Unexpected error"), text)


def install_excepthook() -> None:
    """Unexpected exceptions from slots go to the log file and a friendly dialog."""

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("Unhandled exception:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        from ..models.notify import lost

        exc = lost(exc) or exc  # a screen read while the shop's server was away: said; the next read reconnects
        if isinstance(exc, DomainError):
            QMessageBox.warning(None, QCoreApplication.translate("Errors", "Not possible"), exc.message())
        else:
            report_unexpected(None)

    sys.excepthook = hook
