"""The item label (about 50×30 mm, size in settings) to stick on a returned unit: its code as a barcode,
product, model and a fault summary. Scanning it in the search box opens the item's ID card."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPagedPaintDevice

from ..models import AftersalesItem
from ..services import settings as shop_settings
from .barcode import draw_code128
from .pages import PDF_DPI, begin, custom_size, document, font, mm, setup, write_pdf

LABEL_WIDTH = "label.width_mm"
LABEL_HEIGHT = "label.height_mm"


def label_size() -> tuple[float, float]:
    def number(key: str, default: float) -> float:
        try:
            value = float(shop_settings.get(key) or default)
        except ValueError:
            return default
        return value if 20 <= value <= 200 else default

    return number(LABEL_WIDTH, 50), number(LABEL_HEIGHT, 30)


@document
def render_labels(item_ids: list[int], device: QPagedPaintDevice) -> None:
    width, height = label_size()
    setup(device, custom_size(width, height), 1.5)
    painter = begin(device)
    try:
        for index, item_id in enumerate(item_ids):
            if index:
                device.newPage()
            item = AftersalesItem.get_by_id(item_id)
            w, h = device.width(), device.height()
            bar_h = h * 0.36
            draw_code128(painter, item.code, QRectF(0, 0, w, bar_h))
            y = bar_h + mm(device, 0.3)
            lines = [(font(7.5, bold=True), item.code + (f"  SN {item.serial}" if item.serial else "")),
                     (font(7), f"{item.product.name} {item.product.model}".strip()),
                     (font(7), (item.fault or item.reason_text or "").replace("\n", " "))]
            for f, text in lines:
                painter.setFont(f)
                metrics = QFontMetricsF(f, device)
                line_h = metrics.height()
                if y + line_h > h:
                    break
                painter.drawText(QRectF(0, y, w, line_h), Qt.AlignmentFlag.AlignLeft,
                                 metrics.elidedText(text, Qt.TextElideMode.ElideRight, w))
                y += line_h
    finally:
        painter.end()


@document
def labels_pdf(item_ids: list[int], path: Path, resolution: int = PDF_DPI) -> Path:
    return write_pdf(path, lambda device: render_labels(item_ids, device),
                     QCoreApplication.translate("Printing", "Item labels"), resolution)
