"""Printouts of the resale: the buyer's receipt on a thermal roll and the shelf label, both carrying the written
disclosure (信息披露) of the unit's history and grade.

The receipt is laid out first and measured, then printed on a page exactly as long as it (a custom page size on
the roll): nothing is cut, however long the disclosure, and the buyer's signature line always comes last. The
shelf label keeps its fonts at 7 pt or more; a disclosure too long for it is shortened at a word or character
boundary with an ellipsis and the line "Full text on the receipt", never cut silently.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPagedPaintDevice, QPainter, QPen, QTextDocument

from ..models import ResaleListing, ResaleSale
from ..models.resale import CHANNELS
from ..money import format_yuan
from ..services import settings as shop_settings
from ..services.resale import grade_meaning
from .barcode import draw_code128
from .pages import PDF_DPI, begin, custom_size, document, draw_part, font, mm, page_breaks, setup, write_pdf

ROLLS_MM = (58, 80)
# The part of each roll a thermal printer's head reaches (58 mm: 48 mm, 80 mm: 72 mm), as left/right margins.
ROLL_SIDE_MARGIN_MM = {58: 5.0, 80: 4.0}
RECEIPT_TOP_MM, RECEIPT_BOTTOM_MM = 3.0, 6.0  # the bottom margin keeps the signature clear of the tear bar
RECEIPT_BODY_PT = 8.0
# A receipt longer than this goes on as a further part: drivers cap a custom paper length (often at 1–3 m).
MAX_PAGE_MM = 1000.0
CONTINUED_MM = 5.0
MIN_LABEL_PT = 7.0


def _d(text: str) -> str:
    return QCoreApplication.translate("Domain", text)


def _e(text: object) -> str:
    return html.escape(str(text or ""))


def _pre(text: str) -> str:
    """Text with its own line breaks kept, for HTML."""
    return "<br>".join(_e(line) for line in (text or "").splitlines())


def check_roll(roll_mm: int) -> int:
    if roll_mm not in ROLLS_MM:
        raise ValueError(QCoreApplication.translate("Printing", "A receipt roll is 58 mm or 80 mm wide, not {width} mm.")
                         .format(width=roll_mm))
    return roll_mm


# ------------------------------------------------------------------ the receipt

@document
def receipt_html(sale: ResaleSale, roll_mm: int = 80) -> str:
    """Everything on the receipt above its barcode, for a roll *roll_mm* wide.

    (ResaleSale keeps no payment method and no warranty: the receipt prints what the sale holds.)"""
    return _receipt_html(sale, roll_mm, _pre(sale.disclosure))


def _receipt_html(sale: ResaleSale, roll_mm: int, disclosure_html: str, head: bool = True, total: bool = True) -> str:
    item = sale.item
    shop = shop_settings.get(shop_settings.SHOP_NAME) or QCoreApplication.translate("Printing", "Our shop")
    contact = "  ".join(x for x in (shop_settings.get(shop_settings.SHOP_ADDRESS),
                                     shop_settings.get(shop_settings.SHOP_PHONE)) if x)
    title = QCoreApplication.translate("Printing", "Receipt — refurbished goods")
    grade = sale.listing.grade
    rows = [
        (QCoreApplication.translate("Printing", "Sale no."), sale.number),
        (QCoreApplication.translate("Printing", "Date"), f"{sale.sold_at:%Y-%m-%d %H:%M}"),
        (QCoreApplication.translate("Printing", "Product"), f"{item.product.name} {item.product.model}".strip()),
        (QCoreApplication.translate("Printing", "Item code"), item.code + (f" / {item.serial}" if item.serial else "")),
        (QCoreApplication.translate("Printing", "Grade"), f"{grade} — {grade_meaning(grade)}"),
        (QCoreApplication.translate("Printing", "Channel"), _d(CHANNELS.get(sale.channel, sale.channel))),
    ]
    if sale.staff_id:
        rows.append((QCoreApplication.translate("Printing", "Served by"), sale.staff.name))
    if sale.buyer_name or sale.buyer_phone:
        rows.append((QCoreApplication.translate("Printing", "Buyer"), f"{sale.buyer_name} {sale.buyer_phone}".strip()))
    key_width = "34%" if roll_mm == 58 else "26%"
    table = "".join(f"<tr><td width='{key_width}' style='color:#333'>{_e(k)}</td><td>{_e(v)}</td></tr>"
                    for k, v in rows)
    told = QCoreApplication.translate("Printing", "About this unit (told to the buyer before the sale):")
    total_l = QCoreApplication.translate("Printing", "Total")
    shop_pt = 10 if roll_mm == 58 else 12
    top = (f"<p align='center' style='font-size:{shop_pt}pt; font-weight:bold'>{_e(shop)}</p>"
           + (f"<p align='center' style='font-size:7pt'>{_e(contact)}</p>" if contact else "")
           + f"<hr><p align='center' style='font-size:9pt; font-weight:bold'>{_e(title)}</p>"
           f"<table width='100%' cellspacing='0' cellpadding='1'>{table}</table>"
           f"<p style='margin-top:6px'><b>{_e(told)}</b></p>") if head else ""
    end = (f"<hr><table width='100%' cellspacing='0' cellpadding='1'><tr>"
           f"<td style='font-size:11pt; font-weight:bold'>{_e(total_l)}</td>"
           f"<td align='right' style='font-size:11pt; font-weight:bold'>{_e(format_yuan(sale.price))}</td></tr></table>"
           ) if total else ""
    return f"{top}<p>{disclosure_html}</p>{end}"


_PLACEHOLDER = "\u2063"  # where the disclosure goes, put in as plain text (so its characters can be counted)


def _disclosure(sale: ResaleSale) -> str:
    return "\n".join(sale.disclosure.splitlines())


def _receipt_document(sale: ResaleSale, device: QPagedPaintDevice, width: float, roll_mm: int,
                      chunk: str | None = None, head: bool = True, total: bool = True) -> QTextDocument:
    """The receipt's text (or, for a receipt over several parts, one part: *chunk* of the disclosure, with the
    head or the total or neither). ``doc.property("disclosure_at")`` is where the disclosure starts in it."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font(RECEIPT_BODY_PT))
    doc.setHtml(_receipt_html(sale, roll_mm, _PLACEHOLDER, head, total))
    cursor = doc.find(_PLACEHOLDER)
    start = cursor.selectionStart()
    cursor.insertText(_disclosure(sale) if chunk is None else chunk)
    doc.setProperty("disclosure_at", start)
    doc.setTextWidth(width)
    return doc


def _receipt_tail(device: QPagedPaintDevice, roll_mm: int) -> dict[str, float]:
    """The heights (device pixels) of what follows the text: the barcode, its number, the signature."""
    number_h = QFontMetricsF(font(RECEIPT_BODY_PT, bold=True), device).height()
    label_h = QFontMetricsF(font(RECEIPT_BODY_PT), device).height()
    parts = {"gap": mm(device, 3), "bars": mm(device, 9 if roll_mm == 58 else 10), "number": number_h + mm(device, 0.5),
             "sign_space": mm(device, 11), "sign_label": label_h}
    parts["total"] = sum(parts.values())
    return parts


def _draw_receipt_tail(painter: QPainter, device: QPagedPaintDevice, sale: ResaleSale, y: float, width: float,
                       tail: dict[str, float]) -> None:
    y += tail["gap"]
    draw_code128(painter, sale.number, QRectF(0, y, width, tail["bars"]))
    y += tail["bars"]
    painter.setFont(font(RECEIPT_BODY_PT, bold=True))
    painter.drawText(QRectF(0, y + mm(device, 0.5), width, tail["number"]), Qt.AlignmentFlag.AlignHCenter, sale.number)
    y += tail["number"] + tail["sign_space"]
    pen = QPen(Qt.GlobalColor.black)
    pen.setWidthF(max(1.0, mm(device, 0.25)))
    painter.setPen(pen)
    painter.drawLine(QPointF(0, y), QPointF(width, y))
    painter.setPen(Qt.GlobalColor.black)
    painter.setFont(font(RECEIPT_BODY_PT))
    painter.drawText(QRectF(0, y + mm(device, 0.5), width, tail["sign_label"]), Qt.AlignmentFlag.AlignLeft,
                     QCoreApplication.translate("Printing", "Buyer's signature"))


@document
def receipt_layout(sale_id: int, device: QPagedPaintDevice, roll_mm: int = 80) -> list[float]:
    """The length in millimetres of each page the receipt takes on *device* (one, unless it is longer than
    :data:`MAX_PAGE_MM`). Sets the device's page width for the roll."""
    check_roll(roll_mm)
    sale = ResaleSale.get_by_id(sale_id)
    side = ROLL_SIDE_MARGIN_MM[roll_mm]
    setup(device, custom_size(roll_mm, MAX_PAGE_MM), (side, RECEIPT_TOP_MM, side, RECEIPT_BOTTOM_MM))
    return [length for length, _doc, _part in _receipt_pages(sale, device, device.width(), roll_mm)]


def _receipt_pages(sale: ResaleSale, device: QPagedPaintDevice, width: float, roll_mm: int
                   ) -> list[tuple[float, QTextDocument, tuple[float, float]]]:
    """(page length in mm, the text it carries, the part of that text) per page: one page as long as the text
    and the tail; past MAX_PAGE_MM, full pages cut between lines of the disclosure (each its own document with
    its share of the disclosure, so no page carries another's lines) and a last one as long as what is left."""
    px_per_mm = mm(device, 1)
    margins = RECEIPT_TOP_MM + RECEIPT_BOTTOM_MM
    tail = _receipt_tail(device, roll_mm)["total"]
    full = _receipt_document(sale, device, width, roll_mm)

    def length(part_h: float) -> float:
        return max(roll_mm + 10.0, margins + (part_h + tail) / px_per_mm + 0.5)

    text_h = full.size().height()
    if text_h + tail <= (MAX_PAGE_MM - margins) * px_per_mm:
        return [(length(text_h), full, (0.0, text_h))]
    parts = page_breaks(full, (MAX_PAGE_MM - margins - CONTINUED_MM) * px_per_mm)  # room for "continued"
    cuts = [_disclosure_offset(full, top) for top, _bottom in parts[1:]]
    if None in cuts:  # a break outside the disclosure: the pages show parts of the whole text
        return ([(MAX_PAGE_MM, full, part) for part in parts[:-1]]
                + [(length(parts[-1][1] - parts[-1][0]), full, parts[-1])])
    text = _disclosure(sale)
    bounds = [0, *cuts, len(text)]
    pages = []
    for index in range(len(bounds) - 1):
        last = index == len(bounds) - 2
        doc = _receipt_document(sale, device, width, roll_mm, text[bounds[index]:bounds[index + 1]],
                                head=index == 0, total=last)
        height = doc.size().height()
        pages.append((length(height) if last else MAX_PAGE_MM, doc, (0.0, height)))
    return pages


def _disclosure_offset(doc: QTextDocument, y: float) -> int | None:
    """Where in the disclosure the line of *doc* that starts at *y* begins (None: no line of it starts there)."""
    start = doc.property("disclosure_at")
    layout = doc.documentLayout()
    block = doc.findBlock(start)
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        lines = block.layout()
        for index in range(lines.lineCount()):
            line = lines.lineAt(index)
            if abs(top + line.y() - y) < 0.01:
                offset = block.position() + line.textStart() - start
                return offset if offset > 0 else None
        block = block.next()
    return None


@document
def render_receipt(sale_id: int, device: QPagedPaintDevice, roll_mm: int = 80) -> None:
    """The buyer's receipt on a thermal roll *roll_mm* (58 or 80) wide, its page as long as its content."""
    check_roll(roll_mm)
    sale = ResaleSale.get_by_id(sale_id)
    side = ROLL_SIDE_MARGIN_MM[roll_mm]
    margins = (side, RECEIPT_TOP_MM, side, RECEIPT_BOTTOM_MM)
    setup(device, custom_size(roll_mm, MAX_PAGE_MM), margins)  # the width is known before the length
    # the roll's printable width, not the device's: a driver that refuses the custom size keeps its default
    # paper, and text laid out to that would run off the roll
    width = min(device.width(), mm(device, roll_mm - 2 * side))
    pages = _receipt_pages(sale, device, width, roll_mm)
    tail = _receipt_tail(device, roll_mm)
    setup(device, custom_size(roll_mm, pages[0][0]), margins)
    painter = begin(device)
    try:
        for index, (length, doc, part) in enumerate(pages):
            if index:
                setup(device, custom_size(roll_mm, length), margins)
                device.newPage()
            draw_part(painter, doc, part)
            part_h = part[1] - part[0]
            if index < len(pages) - 1:
                painter.setFont(font(RECEIPT_BODY_PT))
                painter.drawText(QRectF(0, part_h + mm(device, 1), width, mm(device, CONTINUED_MM - 1)),
                                 Qt.AlignmentFlag.AlignRight,
                                 QCoreApplication.translate("Printing", "Continued on the next part ({part} of {parts})")
                                 .format(part=index + 1, parts=len(pages)))
            else:
                _draw_receipt_tail(painter, device, sale, part_h, width, tail)
    finally:
        painter.end()


@document
def receipt_pdf(sale_id: int, path: Path, roll_mm: int = 80, resolution: int = PDF_DPI) -> Path:
    check_roll(roll_mm)
    number = ResaleSale.get_by_id(sale_id).number
    return write_pdf(path, lambda d: render_receipt(sale_id, d, roll_mm),
                     QCoreApplication.translate("Printing", "Receipt {number}").format(number=number), resolution)


# ------------------------------------------------------------------ the shelf label

SHELF_LABEL_MM = (70.0, 50.0)
SHELF_MARGIN_MM = 2.0
_WORD_CHAR = re.compile(r"[0-9A-Za-z\u00C0-\u024F]")


def _plain_height(text: str, f: QFont, width: float, device: QPagedPaintDevice) -> float:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    doc.setDefaultFont(f)
    doc.setPlainText(text)
    doc.setTextWidth(width)
    return doc.size().height()


def shorten(text: str, fits) -> str:
    """The longest prefix of *text* that, with "…", *fits* (a test on the shortened text); cut between words
    where the text has words (Latin letters or digits on both sides of the cut), else between characters."""
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits
        middle = (low + high + 1) // 2
        if fits(text[:middle].rstrip() + "…"):
            low = middle
        else:
            high = middle - 1
    cut = low
    if 0 < cut < len(text) and _WORD_CHAR.match(text[cut - 1]) and _WORD_CHAR.match(text[cut]):
        start = cut
        while start > 0 and _WORD_CHAR.match(text[start - 1]):
            start -= 1
        if start > 0:  # a word cut in two: end before it (a single enormous word is cut where it must be)
            cut = start
    return text[:cut].rstrip() + "…"


def fit_disclosure(text: str, width: float, height: float, device: QPagedPaintDevice) -> tuple[str, float, bool]:
    """What of the disclosure the label shows in *width* × *height* device pixels: (text, font size, shortened).
    The font goes down to 7 pt; below that the text is shortened and the caller prints "Full text on the
    receipt" under it (room for that line is kept out of *height* here)."""
    text = text.strip()
    for points in (8.0, 7.5, MIN_LABEL_PT):
        if _plain_height(text, font(points), width, device) <= height:
            return text, points, False
    f = font(MIN_LABEL_PT)
    room = height - QFontMetricsF(font(MIN_LABEL_PT, bold=True), device).height()
    return shorten(text, lambda t: _plain_height(t, f, width, device) <= room), MIN_LABEL_PT, True


def _elided_lines(text: str, f: QFont, width: float, lines: int, device: QPagedPaintDevice) -> str:
    """*text* in at most *lines* lines of *width*, shortened with an ellipsis if longer."""
    limit = QFontMetricsF(f, device).height() * lines + 1
    if _plain_height(text, f, width, device) <= limit:
        return text
    return shorten(text, lambda t: _plain_height(t, f, width, device) <= limit)


@document
def render_shelf_labels(item_ids: list[int], device: QPagedPaintDevice) -> None:
    """70 × 50 mm: product, price, grade, the disclosure, the item code as a barcode with the code under it."""
    setup(device, custom_size(*SHELF_LABEL_MM), SHELF_MARGIN_MM)
    painter = begin(device)
    try:
        for index, item_id in enumerate(item_ids):
            if index:
                device.newPage()
            listing = ResaleListing.get(ResaleListing.item == item_id)
            item = listing.item
            w, h = device.width(), device.height()
            price_font, name_font, small = font(15, bold=True), font(8, bold=True), font(MIN_LABEL_PT)
            price_text = format_yuan(listing.price)
            price_w = QFontMetricsF(price_font, device).horizontalAdvance(price_text) + mm(device, 1.5)
            name_w = max(w * 0.45, w - price_w)
            name = _elided_lines(f"{item.product.name} {item.product.model}".strip(), name_font, name_w, 2, device)
            painter.setFont(price_font)
            price_h = QFontMetricsF(price_font, device).height()
            painter.drawText(QRectF(w - price_w, 0, price_w, price_h), Qt.AlignmentFlag.AlignRight, price_text)
            name_h = _draw_plain(painter, device, name, name_font, QRectF(0, 0, name_w, h))
            y = max(price_h, name_h) + mm(device, 0.3)
            grade = QCoreApplication.translate("Printing", "Grade {grade} · new {price}").format(
                grade=listing.grade, price=format_yuan(item.product.list_price))
            painter.setFont(small)
            small_h = QFontMetricsF(small, device).height()
            painter.drawText(QRectF(0, y, w, small_h), Qt.AlignmentFlag.AlignLeft, grade)
            y += small_h + mm(device, 0.6)
            bars_h, code_h = mm(device, 7.5), QFontMetricsF(small, device).height()
            bottom = h - bars_h - code_h - mm(device, 0.8)
            text, points, shortened = fit_disclosure(listing.disclosure, w, bottom - y, device)
            used = _draw_plain(painter, device, text, font(points), QRectF(0, y, w, bottom - y))
            if shortened:
                marker = font(MIN_LABEL_PT, bold=True)
                painter.setFont(marker)
                painter.drawText(QRectF(0, y + used, w, QFontMetricsF(marker, device).height()),
                                 Qt.AlignmentFlag.AlignLeft,
                                 QCoreApplication.translate("Printing", "Full text on the receipt"))
            draw_code128(painter, item.code, QRectF(0, h - bars_h - code_h, w, bars_h))
            painter.setFont(small)
            painter.drawText(QRectF(0, h - code_h, w, code_h), Qt.AlignmentFlag.AlignHCenter, item.code)
    finally:
        painter.end()


def _draw_plain(painter: QPainter, device: QPagedPaintDevice, text: str, f: QFont, rect: QRectF) -> float:
    """Draw *text* wrapped in *rect*; returns the height it took."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    doc.setDefaultFont(f)
    doc.setPlainText(text)
    doc.setTextWidth(rect.width())
    painter.save()
    painter.translate(rect.topLeft())
    doc.drawContents(painter, QRectF(0, 0, rect.width(), rect.height()))
    painter.restore()
    return doc.size().height()


@document
def shelf_labels_pdf(item_ids: list[int], path: Path, resolution: int = PDF_DPI) -> Path:
    return write_pdf(path, lambda d: render_shelf_labels(item_ids, d),
                     QCoreApplication.translate("Printing", "Shelf labels"), resolution)
