"""Printing from the screens: a print preview for the shop's printer, or a PDF file."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def preview(parent: QWidget | None, render: Callable[[QPagedPaintDevice], None], title: str) -> QPrintPreviewDialog:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(render)
    dialog.resize(900, 800)
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
