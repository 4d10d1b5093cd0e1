"""Printing from the screens: a print preview for the shop's printer, or a PDF file."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class PreviewDialog(QPrintPreviewDialog):
    """A print preview that owns its printer. QPrintPreviewDialog keeps only a pointer to the QPrinter it is
    given: a printer made in a function and left there was freed when the function returned, and the preview
    then painted onto freed memory (a segmentation fault on "Print labels…")."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        super().__init__(printer, parent)
        self.printer = printer  # lives as long as the dialog
        self.setWindowTitle(title)
        self.resize(900, 800)


_open_previews: set[PreviewDialog] = set()  # a preview without a parent is kept until it is closed


def preview(parent: QWidget | None, render: Callable[[QPagedPaintDevice], None], title: str) -> PreviewDialog:
    dialog = PreviewDialog(title, parent)
    dialog.paintRequested.connect(render)
    _open_previews.add(dialog)
    dialog.finished.connect(lambda _result: _open_previews.discard(dialog))
    dialog.open()
    return dialog


def save_pdf(parent: QWidget | None, write: Callable[[Path], Path], suggested: Path) -> Path | None:
    title = QCoreApplication.translate("PrintUi", "Save as PDF")
    path, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), "PDF (*.pdf)")
    if not path:
        return None
    try:
        return write(Path(path))
    except OSError as exc:
        QMessageBox.warning(parent, title, QCoreApplication.translate("PrintUi", "The PDF could not be saved: {reason}")
                            .format(reason=exc.strerror or exc))
        return None
