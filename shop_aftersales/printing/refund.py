"""The refund slip (退款单) and the exchange slip (换货单), A5, for the customer to sign: the shop, the document's
number, the date, the customer, the unit that came back (product, item code and serial, reason), the amount
refunded and how, or the unit handed out in exchange, who did it and who approved it, the item code as a barcode
(scanning it opens the unit's ID card), and the signature and date lines.

Each prints twice on one job: the shop's copy (店铺联), which the customer signs, and the customer's (顾客联)."""

from __future__ import annotations

import html
import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPageSize, QPagedPaintDevice, QPainter, QTextDocument

from ..models import AftersalesItem, Exchange, ItemEvent, Product, Refund
from ..models.aftersales import EVENT_EXCHANGE, PAYMENT_METHODS, REASONS, standing_refund
from ..money import format_yuan
from ..services import settings as shop_settings
from .barcode import draw_code128
from .pages import begin, document, font, mm, setup, write_pdf

SHOP_COPY, CUSTOMER_COPY = "shop", "customer"


def _with(main: str, detail: str) -> str:
    """"TH2026-000140  (2026-12-02)", in Chinese "TH2026-000140（2026-12-02）"."""
    return QCoreApplication.translate("Printing", "{main}  ({detail})").format(main=main, detail=detail)


def _d(text: str) -> str:
    return QCoreApplication.translate("Domain", text)


def _e(text: object) -> str:
    return html.escape(str(text or ""))


def refund_of(item_id: int) -> Refund | None:
    """The refund that settles the unit (a return is settled once; a reversed refund no longer does), or None."""
    return standing_refund(item_id)


def exchange_of(item_id: int) -> Exchange | None:
    """The exchange that settled the unit's return, or None."""
    return Exchange.select().where(Exchange.item == item_id).order_by(Exchange.id.desc()).first()


def _customer(item: AftersalesItem) -> str:
    customer = item.order.customer
    if customer is None:
        return QCoreApplication.translate("Printing", "(not recorded)")
    return f"{customer.name}  {customer.phone}".strip()


def _returned_unit_rows(item: AftersalesItem) -> list[tuple[str, str]]:
    product = item.product
    order = item.order
    sale = order.sale
    bought = (_with(sale.receipt_no, f"{sale.sold_at:%Y-%m-%d}") if sale is not None
              else QCoreApplication.translate("Printing", "No receipt"))
    reason = _d(REASONS.get(item.reason, item.reason)) + (f" — {item.reason_text}" if item.reason_text else "")
    rows = [
        (QCoreApplication.translate("Printing", "Product"), _with(f"{product.name} {product.model}", product.sku)),
        (QCoreApplication.translate("Printing", "Item code / serial"),
         item.code + (f" / {item.serial}" if item.serial else "")),
        (QCoreApplication.translate("Printing", "Qty"), str(item.quantity)),
        (QCoreApplication.translate("Printing", "Return no."), _with(order.number, f"{order.created_at:%Y-%m-%d}")),
        (QCoreApplication.translate("Printing", "Original sale"), bought),
        (QCoreApplication.translate("Printing", "Reason"), reason),
    ]
    if item.fault:
        rows.append((QCoreApplication.translate("Printing", "Fault"), item.fault))
    return rows


def _table(rows: list[tuple[str, str]], strong: set[str] = frozenset()) -> str:
    cells = []
    for key, value in rows:
        shown = _e(value).replace("\n", "<br>")
        if key in strong:
            shown = f"<b style='font-size:12pt'>{shown}</b>"
        cells.append(f"<tr><td style='color:#555' width='30%'>{_e(key)}</td><td>{shown}</td></tr>")
    return f"<table width='100%' cellspacing='0' cellpadding='2'>{''.join(cells)}</table>"


def _section(title: str) -> str:
    return f"<p style='margin-top:6px; margin-bottom:2px'><b>{_e(title)}</b></p>"


@document
def refund_html(refund: Refund) -> str:
    item = refund.item
    amount_l = QCoreApplication.translate("Printing", "Amount refunded")
    head = [
        (QCoreApplication.translate("Printing", "Refund no."), refund.number),
        (QCoreApplication.translate("Printing", "Date"), f"{refund.paid_at:%Y-%m-%d %H:%M}"),
        (QCoreApplication.translate("Printing", "Customer"), _customer(item)),
    ]
    money = [
        (amount_l, format_yuan(refund.amount)),
        (QCoreApplication.translate("Printing", "Paid back by"), _d(PAYMENT_METHODS.get(refund.method, refund.method))),
    ]
    if refund.note:
        money.append((QCoreApplication.translate("Printing", "Note"), refund.note))
    people = [
        (QCoreApplication.translate("Printing", "Handled by"), refund.staff.name if refund.staff_id else "—"),
        (QCoreApplication.translate("Printing", "Approved by"),
         refund.approved_by.name if refund.approved_by_id else
         QCoreApplication.translate("Printing", "— (within what the customer paid)")),
    ]
    received = QCoreApplication.translate("Printing", "I have received the refund above.")
    return (_table(head) + _section(QCoreApplication.translate("Printing", "Returned unit"))
            + _table(_returned_unit_rows(item)) + _section(QCoreApplication.translate("Printing", "Refund"))
            + _table(money, strong={amount_l}) + "<br>" + _table(people)
            + f"<p style='margin-top:8px'>{_e(received)}</p>")


def exchange_approver(exchange: Exchange) -> str:
    """Who approved the exception to the policy the exchange was granted under ("" when the policy allowed it), as
    the exchange step recorded it in the unit's history."""
    event = (ItemEvent.select().where((ItemEvent.item == exchange.item_id) & (ItemEvent.code == EVENT_EXCHANGE))
             .order_by(ItemEvent.id.desc()).first())
    try:
        return json.loads(event.data or "{}").get("approved_by", "") if event else ""
    except ValueError:
        return ""


@document
def exchange_html(exchange: Exchange) -> str:
    item = exchange.item
    product: Product = exchange.product
    head = [
        (QCoreApplication.translate("Printing", "Exchange of"), item.code),
        (QCoreApplication.translate("Printing", "Date"), f"{exchange.created_at:%Y-%m-%d %H:%M}"),
        (QCoreApplication.translate("Printing", "Customer"), _customer(item)),
    ]
    given_l = QCoreApplication.translate("Printing", "Replacement")
    given = [
        (given_l, _with(f"{product.name} {product.model}", product.sku)),
        (QCoreApplication.translate("Printing", "Serial"), exchange.serial or "—"),
        (QCoreApplication.translate("Printing", "Qty"), str(exchange.quantity)),
    ]
    approver = exchange_approver(exchange)
    people = [
        (QCoreApplication.translate("Printing", "Handled by"), exchange.staff.name if exchange.staff_id else "—"),
        (QCoreApplication.translate("Printing", "Approved by"),
         approver or QCoreApplication.translate("Printing", "— (allowed by the return policy)")),
    ]
    received = QCoreApplication.translate("Printing", "I have received the replacement above in good order.")
    return (_table(head) + _section(QCoreApplication.translate("Printing", "Returned unit"))
            + _table(_returned_unit_rows(item))
            + _section(QCoreApplication.translate("Printing", "Handed out in exchange"))
            + _table(given, strong={given_l}) + "<br>" + _table(people)
            + f"<p style='margin-top:8px'>{_e(received)}</p>")


def _render(device: QPagedPaintDevice, title: str, number: str, code: str, body: str,
            copies: tuple[str, ...]) -> None:
    """One A5 page per copy: the shop and the barcode of *code* on top, *title*, the copy's name and *number* (if
    it is not the code already under the barcode), the *body*
    (HTML, shrunk to fit one page), the signature lines at the foot."""
    setup(device, QPageSize(QPageSize.PageSizeId.A5), 10)
    painter = begin(device)
    try:
        width, height = device.width(), device.height()
        header_h, title_h, footer_h = mm(device, 22), mm(device, 11), mm(device, 20)
        body_h = height - header_h - title_h - footer_h
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        doc.setHtml(body)
        doc.setTextWidth(width)
        for points in (9.0, 8.5, 8.0, 7.5, 7.0, 6.5):  # long names or notes: a smaller type, still one page
            doc.setDefaultFont(font(points))
            doc.setHtml(body)
            if doc.size().height() <= body_h:
                break
        names = {SHOP_COPY: QCoreApplication.translate("Printing", "Shop copy"),
                 CUSTOMER_COPY: QCoreApplication.translate("Printing", "Customer copy")}
        for index, copy in enumerate(copies):
            if index:
                device.newPage()
            _header(painter, device, code)
            painter.setFont(font(14, bold=True))
            painter.drawText(QRectF(0, header_h, width, title_h), Qt.AlignmentFlag.AlignHCenter, title)
            painter.setFont(font(8))
            painter.drawText(QRectF(0, header_h, width, title_h), Qt.AlignmentFlag.AlignRight,
                             "\n".join(x for x in (names.get(copy, copy), number) if x))
            painter.save()
            painter.translate(0, header_h + title_h)
            doc.drawContents(painter, QRectF(0, 0, width, body_h))
            painter.restore()
            _signatures(painter, device, height - footer_h)
    finally:
        painter.end()


def _header(painter: QPainter, device: QPagedPaintDevice, code: str) -> None:
    width = device.width()
    shop = shop_settings.get(shop_settings.SHOP_NAME) or QCoreApplication.translate("Printing", "Our shop")
    contact = "  ".join(x for x in (shop_settings.get(shop_settings.SHOP_ADDRESS),
                                     shop_settings.get(shop_settings.SHOP_PHONE)) if x)
    room = width * 0.56
    for points in (13, 12, 11, 10, 9):  # a long shop name: smaller, then cut with an ellipsis
        name_font = font(points, bold=True)
        metrics = QFontMetricsF(name_font, device)
        if metrics.horizontalAdvance(shop) <= room:
            break
    painter.setFont(name_font)
    painter.drawText(QRectF(0, 0, room, mm(device, 8)), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     metrics.elidedText(shop, Qt.TextElideMode.ElideRight, room))
    painter.setFont(font(8))
    painter.drawText(QRectF(0, mm(device, 8), width * 0.56, mm(device, 12)),
                     Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, contact)
    bar = QRectF(width * 0.58, 0, width * 0.42, mm(device, 12))
    draw_code128(painter, code, bar)
    painter.setFont(font(9, bold=True))
    painter.drawText(QRectF(bar.left(), mm(device, 12.5), bar.width(), mm(device, 5)),
                     Qt.AlignmentFlag.AlignHCenter, code)
    line_y = int(mm(device, 20))
    painter.drawLine(0, line_y, int(width), line_y)


def _signatures(painter: QPainter, device: QPagedPaintDevice, top: float) -> None:
    width = device.width()
    painter.setFont(font(9))
    labels = (QCoreApplication.translate("Printing", "Customer signature"),
              QCoreApplication.translate("Printing", "Staff signature"),
              QCoreApplication.translate("Printing", "Date"))
    widths = (0.42, 0.33, 0.25)  # the customer's signature gets the most room
    x = 0.0
    y = top + mm(device, 9)
    for label, share in zip(labels, widths):
        w = width * share
        painter.drawLine(int(x + mm(device, 1)), int(y), int(x + w - mm(device, 4)), int(y))
        painter.drawText(QRectF(x + mm(device, 1), y + mm(device, 1), w, mm(device, 5)), Qt.AlignmentFlag.AlignLeft,
                         label)
        x += w


@document
def render_refund_slip(refund_id: int, device: QPagedPaintDevice,
                       copies: tuple[str, ...] = (SHOP_COPY, CUSTOMER_COPY)) -> None:
    refund = Refund.get_by_id(refund_id)
    _render(device, QCoreApplication.translate("Printing", "Refund slip"), refund.number, refund.item.code,
            refund_html(refund), copies)


@document
def render_exchange_slip(exchange_id: int, device: QPagedPaintDevice,
                         copies: tuple[str, ...] = (SHOP_COPY, CUSTOMER_COPY)) -> None:
    exchange = Exchange.get_by_id(exchange_id)
    code = exchange.item.code
    _render(device, QCoreApplication.translate("Printing", "Exchange slip"), "", code, exchange_html(exchange),
            copies)


@document
def refund_slip_title(refund_id: int) -> str:
    return QCoreApplication.translate("Printing", "Refund slip {number}").format(
        number=Refund.get_by_id(refund_id).number)


@document
def exchange_slip_title(exchange_id: int) -> str:
    return QCoreApplication.translate("Printing", "Exchange slip {code}").format(
        code=Exchange.get_by_id(exchange_id).item.code)


@document
def refund_slip_pdf(refund_id: int, path: Path) -> Path:
    return write_pdf(path, lambda device: render_refund_slip(refund_id, device), refund_slip_title(refund_id))


@document
def exchange_slip_pdf(exchange_id: int, path: Path) -> Path:
    return write_pdf(path, lambda device: render_exchange_slip(exchange_id, device), exchange_slip_title(exchange_id))
