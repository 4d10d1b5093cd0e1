"""The return slip (退货单), A5: the shop, the number as a barcode, the customer, each unit with its reason,
condition, the policy's verdict and the resolution asked for, what the shop promises (inspection, repair, refund
and the refund due), the shop's return terms, and lines to sign.

Two copies, each on its own A5 pages: the shop copy (店铺联), which the customer signs and the shop files, and the
customer copy (顾客联), which the customer takes home and brings back to collect the unit or the refund. A5 is the
smallest sheet the table of units and the signatures fit on; halving it with a cut line would leave two A6
copies too small for either, and a shop's A4 printer prints A5 sheets (or two A5 pages per A4 sheet) as they are.
Each copy's pages repeat the table's column headers and carry "Page n of m".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPageSize, QPagedPaintDevice, QTextDocument

from .. import i18n
from ..models import AftersalesItem, Refund, RepairOrder, ReturnOrder
from ..models.aftersales import CONDITIONS, REASONS, RESOLUTIONS, VERDICTS
from ..models.repairs import OPEN_STATES
from ..money import format_yuan
from ..services import queues
from ..services import settings as shop_settings
from ..services.policy import verdict_text
from ..services.resolutions import refundable_amount
from .barcode import draw_code128
from .pages import PDF_DPI, begin, document, draw_part, font, mm, page_breaks, setup, write_pdf

SLIP_TERMS = "slip.terms"  # the shop's return terms printed on every slip ("" = the standard text below)
SHOP_COPY, CUSTOMER_COPY = "shop", "customer"
SLIP_COPIES = (SHOP_COPY, CUSTOMER_COPY)


def _d(text: str) -> str:
    return QCoreApplication.translate("Domain", text)


def _e(text: object) -> str:
    return html.escape(str(text or ""))


def standard_terms(language: str | None = None) -> str:
    """The standard return terms, in *language* (default: the current language, the document's on a slip)."""
    with i18n.language(language) if language else contextlib.nullcontext():
        return QCoreApplication.translate(
            "Printing", "Returns and exchanges follow the shop's return policy and the national rules for returns, "
                        "exchanges and repairs (三包). Every unit is inspected before the refund, exchange or repair "
                        "is confirmed; a refund is paid back the way the goods were paid for. Please keep this slip "
                        "and bring it when you collect a unit or a refund.")


def slip_terms() -> str:
    """The return terms the slip prints: the shop's own (Shop settings), else the standard text in the language
    the slip is printed in."""
    return shop_settings.get(SLIP_TERMS).strip() or standard_terms()


def copy_name(copy: str) -> str:
    if copy == SHOP_COPY:
        return QCoreApplication.translate("Printing", "Shop copy")
    return QCoreApplication.translate("Printing", "Customer copy")


def _due(start: dt.datetime, days: int) -> str:
    return f"{start.date() + dt.timedelta(days=days):%Y-%m-%d}"


def promises(order: ReturnOrder, items: list[AftersalesItem]) -> list[tuple[str, str]]:
    """What the shop promises the customer on this return, as (label, value) rows: the inspection's date (the
    answer), the refund due and by when it is paid, what is refunded already (Settings → Promises and messages
    give the days)."""
    rows = [(QCoreApplication.translate("Printing", "Inspected and answered by"),
             _due(order.created_at, queues.promise("promise.inspection_days")))]
    asked = [i for i in items if i.requested_resolution == "refund" and not i.customer_owned]
    pending = [i for i in asked if i.resolution_state == "pending"]
    if pending:
        due = sum((refundable_amount(i) for i in pending), Decimal(0))
        rows.append((QCoreApplication.translate("Printing", "Refund due"),
                     QCoreApplication.translate("Printing", "{amount}, paid by {date}").format(
                         amount=format_yuan(due), date=_due(order.created_at, queues.promise("promise.refund_days")))))
    paid = sum((r.amount for r in Refund.select().where(Refund.item.in_([i.id for i in asked]))), Decimal(0)) \
        if asked else Decimal(0)
    if paid:
        rows.append((QCoreApplication.translate("Printing", "Refunded"), format_yuan(paid)))
    return rows


def _repair_promises(items: list[AftersalesItem]) -> dict[int, list[RepairOrder]]:
    repairs: dict[int, list[RepairOrder]] = {}
    if items:
        for repair in (RepairOrder.select().where(RepairOrder.item.in_([i.id for i in items])
                                                  & RepairOrder.state.in_(OPEN_STATES)).order_by(RepairOrder.id)):
            repairs.setdefault(repair.item_id, []).append(repair)
    return repairs


@dataclass
class SlipParts:
    """The slip's body in pieces, so pages can be made of whole units: the title and the return's details, the
    table's header row, one piece per unit (its row and the row of its details), and what closes the slip."""

    intro: str
    header: str
    rows: list[str]
    closing: str

    def page(self, rows: Sequence[str], intro: bool, closing: bool) -> str:
        table = (f"<table width='100%' cellspacing='0' cellpadding='3' border='0.5' style='border-collapse:collapse'>"
                 f"<thead>{self.header}</thead>{''.join(rows)}</table>") if rows else ""
        return (self.intro if intro else "") + table + (self.closing if closing else "")


COLUMN_WIDTHS = (7, 23, 20, 6, 12, 12, 20)  # per cent: the same on every page


@document
def slip_parts(order: ReturnOrder) -> SlipParts:
    # (lupdate does not look inside f-strings: every label is translated on its own line first)
    reason_l = QCoreApplication.translate("Printing", "Reason")
    fault_l = QCoreApplication.translate("Printing", "Fault")
    accessories_l = QCoreApplication.translate("Printing", "Accessories")
    policy_l = QCoreApplication.translate("Printing", "Policy")
    verdict_l = QCoreApplication.translate("Printing", "{verdict}. {why}")
    exception_l = QCoreApplication.translate("Printing", "Exception approved")
    repair_l = QCoreApplication.translate("Printing", "Repair {number} promised by {date}")
    labelled = QCoreApplication.translate("Printing", "{label}: {value}")
    customer = order.customer
    sale = order.sale
    items = list(order.items.order_by(AftersalesItem.id))
    repairs = _repair_promises(items)
    rows = []
    for n, item in enumerate(items, start=1):
        product = item.product
        detail = [labelled.format(label=reason_l, value=_d(REASONS.get(item.reason, item.reason)))
                  + (f" — {item.reason_text}" if item.reason_text else "")]
        if item.fault:
            detail.append(labelled.format(label=fault_l, value=item.fault))
        if item.accessories:
            detail.append(labelled.format(label=accessories_l, value=item.accessories))
        verdict = verdict_l.format(verdict=_d(VERDICTS.get(item.verdict, item.verdict)), why=verdict_text(item))
        detail.append(labelled.format(label=policy_l, value=verdict.strip()))
        if item.override_reason:
            detail.append(labelled.format(label=exception_l, value=item.override_reason))
        for repair in repairs.get(item.id, []):
            detail.append(repair_l.format(number=repair.number, date=f"{repair.due_date:%Y-%m-%d}"))
        rows.append(
            f"<tr><td align='center'>{n}</td><td><b>{_e(product.name)}</b><br>{_e(product.model)}</td>"
            f"<td>{_e(item.code)}<br>{_e(item.serial or '')}</td><td align='right'>{item.quantity}</td>"
            f"<td align='right'>{_e(format_yuan(item.unit_price))}</td>"
            f"<td>{_e(_d(CONDITIONS.get(item.condition, item.condition)))}</td>"
            f"<td>{_e(_d(RESOLUTIONS.get(item.requested_resolution, item.requested_resolution)))}</td></tr>"
            f"<tr><td></td><td colspan='6' style='color:#333'>{'<br>'.join(_e(x) for x in detail)}</td></tr>")
    who = f"{customer.name}  {customer.phone}" if customer else QCoreApplication.translate("Printing", "(not recorded)")
    if sale is not None:
        bought = QCoreApplication.translate("Printing", "{main}  ({detail})").format(main=sale.receipt_no, detail=f"{sale.sold_at:%Y-%m-%d}")
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
    info += promises(order, items)
    info_html = "".join(f"<tr><td style='color:#555' width='30%'>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in info)
    headers = [QCoreApplication.translate("Printing", "#"), QCoreApplication.translate("Printing", "Product"),
               QCoreApplication.translate("Printing", "Item code / serial"), QCoreApplication.translate("Printing", "Qty"),
               QCoreApplication.translate("Printing", "Price paid"), QCoreApplication.translate("Printing", "Condition"),
               QCoreApplication.translate("Printing", "Customer asks for")]
    head = "".join(f"<th align='left' width='{w}%'>{_e(h)}</th>" for h, w in zip(headers, COLUMN_WIDTHS))
    note_l = QCoreApplication.translate("Printing", "Note")
    note_text = QCoreApplication.translate("Printing", "{label}: {value}").format(label=note_l, value=order.note)
    note = f"<p>{_e(note_text)}</p>" if order.note else ""
    title = QCoreApplication.translate("Printing", "Return slip")
    keep = QCoreApplication.translate("Printing", "Keep this slip. Each unit is tracked by its item code.")
    terms_l = QCoreApplication.translate("Printing", "Return terms")
    terms = "<br>".join(_e(line) for line in slip_terms().splitlines())
    return SlipParts(
        intro=(f"<h2 align='center'>{_e(title)}</h2>"
               f"<table width='100%' cellspacing='0' cellpadding='2'>{info_html}</table><br>"),
        header=f"<tr style='background:#eee'>{head}</tr>",
        rows=rows,
        closing=(f"{note}<p style='margin-top:8px'><b>{_e(terms_l)}</b><br>{terms}</p>"
                 f"<p style='color:#555'>{_e(keep)}</p>"),
    )


@document
def slip_html(order: ReturnOrder) -> str:
    """The whole body of the slip as one HTML text (<thead>: Qt repeats the header row on each page)."""
    parts = slip_parts(order)
    return parts.page(parts.rows, intro=True, closing=True)


def slip_pages(parts: SlipParts, device: QPagedPaintDevice, width: float, height: float
               ) -> list[tuple[QTextDocument, tuple[float, float]]]:
    """The body cut into pages of *width* × *height* device pixels, never through a unit: the intro and as many
    units as fit on the first page, as many as fit on each next one (each page its own table with its header
    row), and the closing text where it fits. A single unit longer than a page goes on over the next pages, cut
    between lines. Returns (document, the part of it) per page."""

    def document(html_text: str) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        doc.setDefaultFont(font(8.5))
        doc.setHtml(html_text)
        doc.setTextWidth(width)
        return doc

    def fits(rows: Sequence[str], intro: bool, closing: bool) -> bool:
        return document(parts.page(rows, intro, closing)).size().height() <= height

    pages: list[tuple[list[str], bool, bool]] = []
    rows, first = parts.rows, True
    while rows:
        count = 0
        while count < len(rows) and fits(rows[:count + 1], first, False):
            count += 1
        count = max(count, 1)
        pages.append((rows[:count], first, False))
        rows, first = rows[count:], False
    if pages and fits(pages[-1][0], pages[-1][1], True):
        pages[-1] = (pages[-1][0], pages[-1][1], True)
    else:
        pages.append(([], not pages, True))
    sheets = []
    for page_rows, intro, closing in pages:
        doc = document(parts.page(page_rows, intro, closing))
        sheets += [(doc, part) for part in page_breaks(doc, height)]
    return sheets


def _draw_shop(painter, device: QPagedPaintDevice, shop: str, contact: str, width: float) -> None:
    """The shop's name (as large as fits one line, else wrapped on two) and its contact details."""
    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    for points in (13, 12, 11, 10):
        f = font(points, bold=True)
        if QFontMetricsF(f, device).horizontalAdvance(shop) <= width:
            break
    painter.setFont(f)
    box = QFontMetricsF(f, device).boundingRect(QRectF(0, 0, width, mm(device, 30)), flags, shop)
    name_h = min(box.height(), mm(device, 10))
    painter.drawText(QRectF(0, 0, width, name_h), flags, shop)
    painter.setFont(font(8))
    painter.drawText(QRectF(0, name_h + mm(device, 0.5), width, mm(device, 20.5) - name_h), flags, contact)


@document
def render_slip(order_id: int, device: QPagedPaintDevice, copies: Sequence[str] = SLIP_COPIES) -> None:
    """The slip, once per copy in *copies* (the shop copy, then the customer copy), each on its own pages."""
    order = ReturnOrder.get_by_id(order_id)
    setup(device, QPageSize(QPageSize.PageSizeId.A5), 10)
    painter = begin(device)
    try:
        page = QRectF(0, 0, device.width(), device.height())
        shop = shop_settings.get(shop_settings.SHOP_NAME) or QCoreApplication.translate("Printing", "Our shop")
        contact = "  ".join(x for x in (shop_settings.get(shop_settings.SHOP_ADDRESS),
                                         shop_settings.get(shop_settings.SHOP_PHONE)) if x)
        header_h = mm(device, 24)
        footer_h = mm(device, 18)
        body_h = page.height() - header_h - footer_h
        sheets = slip_pages(slip_parts(order), device, page.width(), body_h)
        signatures = (QCoreApplication.translate("Printing", "Customer signature"),
                      QCoreApplication.translate("Printing", "Staff signature"),
                      QCoreApplication.translate("Printing", "Date"))
        first = True
        for copy in copies:
            for number, (doc, part) in enumerate(sheets, start=1):
                if not first:
                    device.newPage()
                first = False
                _draw_shop(painter, device, shop, contact, page.width() * 0.57)
                bar = QRectF(page.width() * 0.6, 0, page.width() * 0.4, mm(device, 12))
                draw_code128(painter, order.number, bar)
                painter.setFont(font(9, bold=True))
                painter.drawText(QRectF(bar.left(), mm(device, 12.5), bar.width(), mm(device, 5)),
                                 Qt.AlignmentFlag.AlignHCenter, order.number)
                painter.setFont(font(10, bold=True))
                painter.drawText(QRectF(bar.left(), mm(device, 17), bar.width(), mm(device, 5)),
                                 Qt.AlignmentFlag.AlignRight, copy_name(copy))
                painter.drawLine(0, int(header_h - mm(device, 2)), int(page.width()), int(header_h - mm(device, 2)))
                draw_part(painter, doc, part, header_h)
                line_y = page.height() - mm(device, 10)
                painter.setFont(font(9))
                third = page.width() / 3
                for n, label in enumerate(signatures):
                    x = n * third
                    painter.drawLine(int(x + mm(device, 2)), int(line_y), int(x + third - mm(device, 4)), int(line_y))
                    painter.drawText(QRectF(x + mm(device, 2), line_y + mm(device, 0.8), third, mm(device, 4.5)),
                                     Qt.AlignmentFlag.AlignLeft, label)
                painter.setFont(font(7))
                footer = QRectF(0, page.height() - mm(device, 3.5), page.width(), mm(device, 3.5))
                painter.drawText(footer, Qt.AlignmentFlag.AlignLeft, f"{order.number} · {copy_name(copy)}")
                painter.drawText(footer, Qt.AlignmentFlag.AlignRight,
                                 QCoreApplication.translate("Printing", "Page {page} of {pages}").format(
                                     page=number, pages=len(sheets)))
    finally:
        painter.end()


@document
def slip_pdf(order_id: int, path: Path, resolution: int = PDF_DPI, copies: Sequence[str] = SLIP_COPIES) -> Path:
    number = ReturnOrder.get_by_id(order_id).number
    return write_pdf(path, lambda device: render_slip(order_id, device, copies),
                     QCoreApplication.translate("Printing", "Return slip {number}").format(number=number), resolution)
