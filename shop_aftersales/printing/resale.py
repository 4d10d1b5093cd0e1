"""Printouts of the resale: the buyer's receipt and the shelf label, both carrying the written disclosure
(信息披露) of the unit's history and grade."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QPagedPaintDevice, QTextDocument

from ..models import ResaleListing, ResaleSale
from ..models.resale import CHANNELS
from ..money import format_yuan
from ..services import settings as shop_settings
from .barcode import draw_code128
from .pages import begin, custom_size, font, mm, setup, write_pdf


def _d(text: str) -> str:
    return QCoreApplication.translate("Domain", text)


def receipt_html(sale: ResaleSale) -> str:
    item = sale.item
    title = QCoreApplication.translate("Printing", "Receipt — refurbished goods")
    rows = [
        (QCoreApplication.translate("Printing", "Sale no."), sale.number),
        (QCoreApplication.translate("Printing", "Date"), f"{sale.sold_at:%Y-%m-%d %H:%M}"),
        (QCoreApplication.translate("Printing", "Product"), f"{item.product.name} {item.product.model}".strip()),
        (QCoreApplication.translate("Printing", "Item code"), item.code + (f" / {item.serial}" if item.serial else "")),
        (QCoreApplication.translate("Printing", "Grade"), sale.listing.grade),
        (QCoreApplication.translate("Printing", "Channel"), _d(CHANNELS.get(sale.channel, sale.channel))),
        (QCoreApplication.translate("Printing", "Price"), format_yuan(sale.price)),
    ]
    if sale.buyer_name or sale.buyer_phone:
        rows.append((QCoreApplication.translate("Printing", "Buyer"), f"{sale.buyer_name} {sale.buyer_phone}".strip()))
    table = "".join(f"<tr><td style='color:#555'>{html.escape(k)}</td><td>{html.escape(str(v))}</td></tr>"
                    for k, v in rows)
    told = QCoreApplication.translate("Printing", "About this unit (told to the buyer before the sale):")
    sign = QCoreApplication.translate("Printing", "Buyer's signature: ____________________")
    return (f"<h3 align='center'>{html.escape(title)}</h3><table width='100%' cellpadding='1'>{table}</table>"
            f"<p><b>{html.escape(told)}</b><br>{html.escape(sale.disclosure)}</p><p>{html.escape(sign)}</p>")


def render_receipt(sale_id: int, device: QPagedPaintDevice) -> None:
    sale = ResaleSale.get_by_id(sale_id)
    setup(device, custom_size(80, 130), 4)
    painter = begin(device)
    try:
        width = device.width()
        painter.setFont(font(10, bold=True))
        painter.drawText(QRectF(0, 0, width, mm(device, 6)), Qt.AlignmentFlag.AlignHCenter,
                         shop_settings.get(shop_settings.SHOP_NAME))
        painter.setFont(font(6.5))
        contact = "  ".join(x for x in (shop_settings.get(shop_settings.SHOP_ADDRESS),
                                         shop_settings.get(shop_settings.SHOP_PHONE)) if x)
        painter.drawText(QRectF(0, mm(device, 6), width, mm(device, 8)),
                         Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, contact)
        draw_code128(painter, sale.number, QRectF(width * 0.1, mm(device, 14), width * 0.8, mm(device, 9)))
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        doc.setDefaultFont(font(7.5))
        doc.setHtml(receipt_html(sale))
        doc.setTextWidth(width)
        painter.save()
        painter.translate(0, mm(device, 25))
        doc.drawContents(painter, QRectF(0, 0, width, device.height() - mm(device, 25)))
        painter.restore()
    finally:
        painter.end()


def receipt_pdf(sale_id: int, path: Path) -> Path:
    number = ResaleSale.get_by_id(sale_id).number
    return write_pdf(path, lambda d: render_receipt(sale_id, d),
                     QCoreApplication.translate("Printing", "Receipt {number}").format(number=number))


def render_shelf_labels(item_ids: list[int], device: QPagedPaintDevice) -> None:
    """70 × 50 mm: price, grade, product, the disclosure, the item code as a barcode."""
    setup(device, custom_size(70, 50), 2)
    painter = begin(device)
    try:
        for index, item_id in enumerate(item_ids):
            if index:
                device.newPage()
            listing = ResaleListing.get(ResaleListing.item == item_id)
            item = listing.item
            w, h = device.width(), device.height()
            painter.setFont(font(7, bold=True))
            painter.drawText(QRectF(0, 0, w * 0.62, mm(device, 8)), Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                             f"{item.product.name} {item.product.model}".strip())
            painter.setFont(font(15, bold=True))
            painter.drawText(QRectF(w * 0.6, 0, w * 0.4, mm(device, 8)), Qt.AlignmentFlag.AlignRight,
                             format_yuan(listing.price))
            painter.setFont(font(6.5))
            grade = QCoreApplication.translate("Printing", "Grade {grade} · new {price}").format(
                grade=listing.grade, price=format_yuan(item.product.list_price))
            painter.drawText(QRectF(0, mm(device, 8.5), w, mm(device, 4)), Qt.AlignmentFlag.AlignLeft, grade)
            doc = QTextDocument()
            doc.documentLayout().setPaintDevice(device)
            doc.setDefaultFont(font(5.5))
            doc.setPlainText(listing.disclosure)
            doc.setTextWidth(w)
            doc.setPageSize(QSizeF(w, h - mm(device, 25)))
            painter.save()
            painter.translate(0, mm(device, 13))
            doc.drawContents(painter, QRectF(0, 0, w, h - mm(device, 25)))
            painter.restore()
            draw_code128(painter, item.code, QRectF(0, h - mm(device, 11), w * 0.7, mm(device, 7)))
            painter.setFont(font(6))
            painter.drawText(QRectF(0, h - mm(device, 3.8), w, mm(device, 3.8)), Qt.AlignmentFlag.AlignLeft,
                             item.code)
    finally:
        painter.end()


def shelf_labels_pdf(item_ids: list[int], path: Path) -> Path:
    return write_pdf(path, lambda d: render_shelf_labels(item_ids, d),
                     QCoreApplication.translate("Printing", "Shelf labels"))
