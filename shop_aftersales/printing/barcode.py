"""Barcodes from a maintained library (python-barcode, Code 128 as SVG), drawn as vectors with QtSvg,
so a scanner reads them from paper as well as from a PDF."""

from __future__ import annotations

import re
from functools import lru_cache

import barcode
from barcode.writer import SVGWriter
from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgRenderer


@lru_cache(maxsize=256)
def code128_svg(code: str) -> bytes:
    """Code 128 bars only (no human-readable text: the caller prints it in the shop's font)."""
    symbol = barcode.get("code128", code, writer=SVGWriter())
    svg = symbol.render({"write_text": False, "module_width": 0.33, "module_height": 12.0, "quiet_zone": 2.5,
                         "background": "white", "foreground": "black"}).decode("utf-8")
    # Qt's SVG renderer scales millimetre units on shapes differently from the root's size: make every
    # length a plain number in a millimetre viewBox, so the bars keep their exact proportions.
    size = re.search(r'<svg[^>]*width="([\d.]+)mm" height="([\d.]+)mm"', svg)
    svg = re.sub(r'(\d+(?:\.\d+)?)mm"', r'\1"', svg)
    if size:
        svg = svg.replace("<svg ", f'<svg viewBox="0 0 {size.group(1)} {size.group(2)}" ', 1)
    return svg.encode("utf-8")


def draw_code128(painter: QPainter, code: str, rect: QRectF) -> None:
    """Draw *code* as Code 128 filling *rect* (aspect ratio kept, centred)."""
    renderer = QSvgRenderer(QByteArray(code128_svg(code)))
    renderer.setAspectRatioMode(Qt.AspectRatioMode.IgnoreAspectRatio)
    size = renderer.defaultSize()
    if size.width() <= 0 or size.height() <= 0:
        return
    scale = min(rect.width() / size.width(), rect.height() / size.height())
    width, height = size.width() * scale, rect.height()
    target = QRectF(rect.left() + (rect.width() - width) / 2, rect.top(), width, height)
    renderer.render(painter, target)
