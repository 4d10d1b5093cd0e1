"""Code 128 barcodes drawn on the printer's own dots.

python-barcode (a maintained library) encodes the text into Code 128's module pattern ('1' a black module, '0' a
white one, start, checksum and stop included); the bars are drawn here as filled rectangles on the device's pixel
grid. Every module is the same whole number of device dots wide, the widest that fits the space given, with a
quiet zone of at least :data:`QUIET_MODULES` modules on each side. A thermal printer at 203 dpi therefore gets
bars of exactly 2, 3… dots, never the 1.3–1.8 dots a scaled drawing gave, which no scanner could read.

Device pixels: a QPrinter paints in its printer's dots; a QPdfWriter in units of its resolution, whose integer
coordinates fall on the page's pixel grid when the PDF is rasterised at that resolution (Qt translates the page
by whole pixels). A painter that was translated or scaled is allowed for: the bars are placed in device pixels.
"""

from __future__ import annotations

import math
from functools import lru_cache

import barcode
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintDevice

QUIET_MODULES = 10  # white space either side, in modules (the standard asks for 10)


@lru_cache(maxsize=512)
def code128_pattern(code: str) -> str:
    """The module pattern of *code* as Code 128, e.g. '11010010000…1100011101011' (start to stop)."""
    return "".join(barcode.get("code128", code).build())


def code128_modules(code: str, quiet_modules: int = QUIET_MODULES) -> int:
    """How many modules wide *code* is, quiet zones included."""
    return len(code128_pattern(code)) + 2 * quiet_modules


def device_dpi(device: QPaintDevice) -> int:
    """The resolution the device paints in (a QPrinter's or a QPdfWriter's resolution)."""
    return device.logicalDpiX()


def code128_width(code: str, dpi: float, module_dots: int = 2, quiet_modules: int = QUIET_MODULES) -> float:
    """The width (in pixels of a *dpi* device) *code* needs with modules of *module_dots* dots."""
    return float(code128_modules(code, quiet_modules) * module_dots)


def module_dots_for(code: str, width_dots: float, quiet_modules: int = QUIET_MODULES) -> int:
    """The widest whole-dot module with which *code* and its quiet zones fit *width_dots* (0: it does not fit)."""
    return int(math.floor(width_dots + 1e-6)) // code128_modules(code, quiet_modules)


def _bars(pattern: str) -> list[tuple[int, int]]:
    """The black runs of *pattern* as (first module, number of modules)."""
    runs, start = [], None
    for index, bit in enumerate(pattern + "0"):
        if bit == "1" and start is None:
            start = index
        elif bit != "1" and start is not None:
            runs.append((start, index - start))
            start = None
    return runs


def draw_code128(painter: QPainter, code: str, rect: QRectF, quiet_modules: int = QUIET_MODULES) -> QRectF:
    """Draw *code* as Code 128 in *rect* (in the painter's coordinates), centred, bars as tall as the rect.

    The module is the widest whole number of device dots with which the symbol and its quiet zones fit the rect's
    width; the quiet zones are painted white. Returns the rectangle the bars take (without the quiet zones), in the
    painter's coordinates, so the caller can print the number right under them.

    A rect too narrow even for 1-dot modules keeps 1-dot modules and narrows the quiet zones (then lets the bars
    spill over the rect, centred) rather than drawing bars thinner than a dot that no scanner reads.
    """
    pattern = code128_pattern(code)
    to_device = painter.deviceTransform()
    to_painter, invertible = to_device.inverted()
    if not invertible or rect.width() <= 0 or rect.height() <= 0:
        return QRectF()
    area = to_device.mapRect(QRectF(rect))  # in device pixels
    width_dots = int(math.floor(area.width() + 1e-6))
    module = max(1, width_dots // (len(pattern) + 2 * quiet_modules))
    quiet = quiet_modules
    if (len(pattern) + 2 * quiet) * module > width_dots:  # only with 1-dot modules: narrow the quiet zones
        quiet = max(0, (width_dots - len(pattern)) // 2)
    symbol_dots = (len(pattern) + 2 * quiet) * module
    left = int(round(area.left() + (area.width() - symbol_dots) / 2))
    top = int(math.ceil(area.top() - 1e-6))
    bottom = int(math.floor(area.bottom() + 1e-6))
    if bottom <= top:
        return QRectF()

    def back(x0: int, x1: int) -> QRectF:
        """Device pixels x0..x1 × top..bottom in the painter's coordinates."""
        return QRectF(to_painter.map(QPointF(x0, top)), to_painter.map(QPointF(x1, bottom))).normalized()

    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.fillRect(back(left, left + symbol_dots), QColor("white"))
        bars_left = left + quiet * module
        black = QColor("black")
        for start, length in _bars(pattern):
            x0 = bars_left + start * module
            painter.fillRect(back(x0, x0 + length * module), black)
    finally:
        painter.restore()
    return back(bars_left, bars_left + len(pattern) * module)
