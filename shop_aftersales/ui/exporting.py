"""Writing a workbook off the GUI thread: a progress dialog with Cancel, the file written on the writer thread
(workbooks stream from SQLite cursors), a word in the status bar when it is saved or cancelled, the error shown
if it fails. Used by the Reports tab (the accountant's workbook) and the audit log."""

from __future__ import annotations

import threading
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMainWindow, QProgressDialog, QWidget

from ..services import Cancelled
from .context import AppContext
from .errors import show_error


def _status(widget: QWidget, text: str) -> None:
    window = widget.window()
    while isinstance(window, QDialog) and window.parentWidget() is not None:  # a dialog: its main window
        window = window.parentWidget().window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 10_000)


def export_in_background(widget: QWidget, context: AppContext, write: Callable[..., object], *args,
                         **kwargs) -> QProgressDialog:
    """Run ``write(*args, **kwargs, progress=tick)`` on the writer thread; *tick* raises Cancelled once Cancel is
    pressed (the writer leaves nothing behind then). Returns the progress dialog (shown after 0.3 s)."""
    cancel = threading.Event()
    progress = QProgressDialog(QCoreApplication.translate("Exporting", "Writing the workbook…"),
                               QCoreApplication.translate("Exporting", "Cancel"), 0, 0, widget)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    progress.canceled.connect(cancel.set)

    def tick(_rows: int) -> None:  # on the writer thread
        if cancel.is_set():
            raise Cancelled()

    def done(result) -> None:
        progress.reset()
        _status(widget, QCoreApplication.translate("Exporting", "Workbook saved to {path}").format(path=result))

    def failed(error: BaseException) -> None:
        progress.reset()
        if isinstance(error, Cancelled):
            _status(widget, QCoreApplication.translate("Exporting", "Export cancelled; nothing was written."))
        else:
            show_error(widget, error)

    context.ops.run(lambda: write(*args, **kwargs, progress=tick), on_success=done, on_failure=failed)
    return progress
