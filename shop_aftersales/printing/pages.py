"""What every printout shares: a page in millimetres on any paged device (QPdfWriter for a PDF file,
QPrinter from the print preview), and the fonts."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPdfWriter

PDF_DPI = 300
# Fonts that carry Chinese on Windows, macOS and Linux; Qt falls back along the list.
FONT_FAMILIES = ["Microsoft YaHei", "SimHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Sans Serif"]


def tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def font(points: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(FONT_FAMILIES)
    f.setPointSizeF(points)
    f.setBold(bold)
    return f


def mm(device: QPagedPaintDevice, millimetres: float) -> float:
    """Millimetres in the device's pixels."""
    return millimetres * device.logicalDpiX() / 25.4


def setup(device: QPagedPaintDevice, size: QPageSize, margins_mm: float,
          orientation: QPageLayout.Orientation = QPageLayout.Orientation.Portrait) -> None:
    device.setPageLayout(QPageLayout(size, orientation, QMarginsF(margins_mm, margins_mm, margins_mm, margins_mm),
                                     QPageLayout.Unit.Millimeter))


def write_pdf(path: Path, render: Callable[[QPagedPaintDevice], None], title: str) -> Path:
    """Render to a PDF file; the file appears only when complete."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(PDF_DPI)
    writer.setTitle(title)
    writer.setCreator("Shop Aftersales")
    try:
        render(writer)
        del writer  # finishes the file
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def begin(device: QPagedPaintDevice) -> QPainter:
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(QCoreApplication.translate("Printing", "The printer or PDF file could not be opened."))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    return painter


def custom_size(width_mm: float, height_mm: float) -> QPageSize:
    return QPageSize(QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.ExactMatch)
