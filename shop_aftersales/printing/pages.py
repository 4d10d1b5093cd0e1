"""What every printout shares: a page in millimetres on any paged device (QPdfWriter for a PDF file,
QPrinter from the print preview), and the fonts."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Callable, TypeVar

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPdfWriter, QTextDocument

from .. import i18n
from ..services import settings as _shop_settings  # noqa: F401 - it tells i18n where the document language is

F = TypeVar("F", bound=Callable)


def document(func: F) -> F:
    """A document's entry point: everything it writes (ours and Qt's translations) is in the shop's document
    language (Shop settings), whatever the UI's; the screens speak their own language again afterwards."""

    @functools.wraps(func)
    def in_document_language(*args, **kwargs):
        with i18n.in_document_language():
            return func(*args, **kwargs)

    return in_document_language  # type: ignore[return-value]

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


def setup(device: QPagedPaintDevice, size: QPageSize, margins_mm: float | tuple[float, float, float, float],
          orientation: QPageLayout.Orientation = QPageLayout.Orientation.Portrait) -> None:
    """The page: *size*, and margins in millimetres (one for all sides, or left, top, right, bottom)."""
    left, top, right, bottom = margins_mm if isinstance(margins_mm, tuple) else (margins_mm,) * 4
    device.setPageLayout(QPageLayout(size, orientation, QMarginsF(left, top, right, bottom),
                                     QPageLayout.Unit.Millimeter))


def write_pdf(path: Path, render: Callable[[QPagedPaintDevice], None], title: str, resolution: int = PDF_DPI) -> Path:
    """Render to a PDF file; the file appears only when complete.

    *resolution* is the grid the PDF is drawn on (barcodes are drawn on whole dots of it): the default suits a
    laser printer; 203 gives the PDF a thermal printer at 203 dpi prints bar for bar."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(resolution)
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


def _line_spans(doc: QTextDocument) -> list[tuple[float, float]]:
    """(top, bottom) of every laid-out line of *doc*, table cells included, in document coordinates."""
    layout = doc.documentLayout()
    spans = []
    block = doc.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        text_layout = block.layout()
        for index in range(text_layout.lineCount()):
            line = text_layout.lineAt(index)
            spans.append((top + line.y(), top + line.y() + line.height()))
        block = block.next()
    return spans


def page_breaks(doc: QTextDocument, height: float) -> list[tuple[float, float]]:
    """Cut *doc* (laid out, no page size) into parts at most *height* tall, never through a line of text (nor
    through a line of any cell beside it): (top, bottom) of each part, in document coordinates. A single line
    taller than *height* is cut where it must be."""
    total = doc.size().height()
    spans = _line_spans(doc)
    parts, start = [], 0.0
    while start < total - 0.5:
        cut = min(start + height, total)
        if cut < total:
            moved = True
            while moved:
                moved = False
                for top, bottom in spans:
                    if top < cut - 0.01 and bottom > cut + 0.01 and top > start + 0.01:
                        cut, moved = top, True
        parts.append((start, cut))
        start = cut
    return parts or [(0.0, total)]


def draw_part(painter: QPainter, doc: QTextDocument, part: tuple[float, float], y: float = 0.0) -> None:
    """Draw the part (top, bottom) of *doc* at *y*. The clip stays 1.5 pixels inside the part (Qt widens it to
    whole pixels), so the lines that end at its top or start at its bottom are not drawn at all (nor found by a PDF
    text reader on this page)."""
    top, bottom = part
    painter.save()
    painter.translate(0, y - top)
    doc.drawContents(painter, QRectF(0, top + 1.5, doc.textWidth(), max(0.0, bottom - top - 3)))
    painter.restore()
