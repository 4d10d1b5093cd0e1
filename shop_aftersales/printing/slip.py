"""The return slip (退货单), A5: the shop, the number as a barcode, the customer, each unit with its reason,
condition, the policy's verdict and the resolution asked for, and lines to sign."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QPageSize, QPagedPaintDevice, QTextDocument

from ..models import AftersalesItem, ReturnOrder
from ..models.aftersales import CONDITIONS, REASONS, RESOLUTIONS, VERDICTS
from ..money import format_yuan
from ..services import settings as shop_settings
from .barcode import draw_code128
from .pages import begin, font, mm, setup, write_pdf


def _d(text: str) -> str:
    return QCoreApplication.translate("Domain", text)


def _e(text: object) -> str:
    return html.escape(str(text or ""))


def slip_html(order: ReturnOrder) -> str:
    # (lupdate does not look inside f-strings: every label is translated on its own line first)
    reason_l = QCoreApplication.translate("Printing", "Reason")
    fault_l = QCoreApplication.translate("Printing", "Fault")
    accessories_l = QCoreApplication.translate("Printing", "Accessories")
    policy_l = QCoreApplication.translate("Printing", "Policy")
    exception_l = QCoreApplication.translate("Printing", "Exception approved")
    customer = order.customer
    sale = order.sale
    items = list(order.items.order_by(AftersalesItem.id))
    rows = []
    for n, item in enumerate(items, start=1):
        product = item.product
        detail = [f"{reason_l}: {_d(REASONS.get(item.reason, item.reason))}"
                  + (f" — {item.reason_text}" if item.reason_text else "")]
        if item.fault:
            detail.append(f"{fault_l}: {item.fault}")
        if item.accessories:
            detail.append(f"{accessories_l}: {item.accessories}")
        verdict = _d(VERDICTS.get(item.verdict, item.verdict))
        detail.append(f"{policy_l}: {verdict}. {item.verdict_text}")
        if item.override_reason:
            detail.append(f"{exception_l}: {item.override_reason}")
        rows.append(
            f"<tr><td align='center'>{n}</td><td><b>{_e(product.name)}</b><br>{_e(product.model)}</td>"
            f"<td>{_e(item.code)}<br>{_e(item.serial or '')}</td><td align='right'>{item.quantity}</td>"
            f"<td align='right'>{_e(format_yuan(item.unit_price))}</td>"
            f"<td>{_e(_d(CONDITIONS.get(item.condition, item.condition)))}</td>"
            f"<td>{_e(_d(RESOLUTIONS.get(item.requested_resolution, item.requested_resolution)))}</td></tr>"
            f"<tr><td></td><td colspan='6' style='color:#333'>{'<br>'.join(_e(x) for x in detail)}</td></tr>")
    who = f"{customer.name}  {customer.phone}" if customer else QCoreApplication.translate("Printing", "(not recorded)")
    if sale is not None:
        bought = f"{sale.receipt_no}  ({sale.sold_at:%Y-%m-%d})"
    else:
        bought = QCoreApplication.translate("Printing", "No receipt")
        if order.bought_elsewhere:
            bought += " · " + QCoreApplication.translate("Printing", "bought elsewhere")
    info = [
        (QCoreApplication.translate("Printing", "Return no."), order.number),
        (QCoreApplication.translate("Printing", "Date"), f"{order.created_at:%Y-%m-%d %H:%M}"),
        (QCoreApplication.translate("Printing", "Customer"), who),
        (QCoreApplication.translate("Printing", "Original sale"), bought),
        (QCoreApplication.translate("Printing", "Handled by"), order.staff.name if order.staff_id else ""),
    ]
    if order.shipping_cost:
        info.append((QCoreApplication.translate("Printing", "Return shipping paid by the shop"),
                     format_yuan(order.shipping_cost)))
    info_html = "".join(f"<tr><td style='color:#555' width='28%'>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in info)
    headers = [QCoreApplication.translate("Printing", "#"), QCoreApplication.translate("Printing", "Product"),
               QCoreApplication.translate("Printing", "Item code / serial"), QCoreApplication.translate("Printing", "Qty"),
               QCoreApplication.translate("Printing", "Price paid"), QCoreApplication.translate("Printing", "Condition"),
               QCoreApplication.translate("Printing", "Customer asks for")]
    head = "".join(f"<th align='left'>{_e(h)}</th>" for h in headers)
    note_l = QCoreApplication.translate("Printing", "Note")
    note = f"<p>{_e(note_l)}: {_e(order.note)}</p>" if order.note else ""
    title = QCoreApplication.translate("Printing", "Return slip")
    keep = QCoreApplication.translate("Printing", "Keep this slip. Each unit is tracked by its item code.")
    return (
        f"<h2 align='center'>{_e(title)}</h2>"
        f"<table width='100%' cellspacing='0' cellpadding='2'>{info_html}</table><br>"
        f"<table width='100%' cellspacing='0' cellpadding='3' border='0.5' style='border-collapse:collapse'>"
        f"<tr style='background:#eee'>{head}</tr>{''.join(rows)}</table>{note}"
        f"<p style='color:#555'>{_e(keep)}</p>"
    )


def render_slip(order_id: int, device: QPagedPaintDevice) -> None:
    order = ReturnOrder.get_by_id(order_id)
    setup(device, QPageSize(QPageSize.PageSizeId.A5), 10)
    painter = begin(device)
    try:
        page = QRectF(0, 0, device.width(), device.height())
        shop = shop_settings.get(shop_settings.SHOP_NAME) or QCoreApplication.translate("Printing", "Our shop")
        contact = "  ".join(x for x in (shop_settings.get(shop_settings.SHOP_ADDRESS),
                                         shop_settings.get(shop_settings.SHOP_PHONE)) if x)
        header_h = mm(device, 24)
        footer_h = mm(device, 22)

        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        doc.setDefaultFont(font(8.5))
        doc.setHtml(slip_html(order))
        doc.setTextWidth(page.width())
        body_h = page.height() - header_h - footer_h
        doc.setPageSize(QSizeF(page.width(), body_h))
        pages = max(1, doc.pageCount())
        for index in range(pages):
            if index:
                device.newPage()
            painter.setFont(font(13, bold=True))
            painter.drawText(QRectF(0, 0, page.width() * 0.58, mm(device, 8)), Qt.AlignmentFlag.AlignLeft, shop)
            painter.setFont(font(8))
            painter.drawText(QRectF(0, mm(device, 8), page.width() * 0.58, mm(device, 12)),
                             Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, contact)
            bar = QRectF(page.width() * 0.6, 0, page.width() * 0.4, mm(device, 12))
            draw_code128(painter, order.number, bar)
            painter.setFont(font(9, bold=True))
            painter.drawText(QRectF(bar.left(), mm(device, 12.5), bar.width(), mm(device, 5)),
                             Qt.AlignmentFlag.AlignHCenter, order.number)
            painter.drawLine(0, int(header_h - mm(device, 2)), int(page.width()), int(header_h - mm(device, 2)))
            painter.save()
            painter.translate(0, header_h - index * body_h)
            clip = QRectF(0, index * body_h, page.width(), body_h)
            doc.drawContents(painter, clip)
            painter.restore()
            y = page.height() - footer_h + mm(device, 8)
            painter.setFont(font(9))
            third = page.width() / 3
            for n, label in enumerate((QCoreApplication.translate("Printing", "Customer signature"), QCoreApplication.translate("Printing", "Staff signature"), QCoreApplication.translate("Printing", "Date"))):
                x = n * third
                painter.drawLine(int(x + mm(device, 2)), int(y + mm(device, 7)), int(x + third - mm(device, 4)),
                                 int(y + mm(device, 7)))
                painter.drawText(QRectF(x + mm(device, 2), y + mm(device, 8), third, mm(device, 5)),
                                 Qt.AlignmentFlag.AlignLeft, label)
            painter.setFont(font(7))
            painter.drawText(QRectF(0, page.height() - mm(device, 4), page.width(), mm(device, 4)),
                             Qt.AlignmentFlag.AlignRight, QCoreApplication.translate("Printing", "Page {page} of {pages}").format(page=index + 1, pages=pages))
    finally:
        painter.end()


def slip_pdf(order_id: int, path: Path) -> Path:
    number = ReturnOrder.get_by_id(order_id).number
    return write_pdf(path, lambda device: render_slip(order_id, device), QCoreApplication.translate("Printing", "Return slip {number}").format(number=number))
