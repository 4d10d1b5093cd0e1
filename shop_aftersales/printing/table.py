"""A list printed as a table (e.g. the repair progress table 维修进度表), landscape A4, page by page."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPagedPaintDevice, QTextDocument

from ..clock import now
from ..services import settings as shop_settings
from .pages import begin, document, font, mm, setup, write_pdf


def table_html(title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th align='left'>{html.escape(str(h))}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
                   for row in rows)
    return (f"<h3>{html.escape(title)}</h3>"
            f"<table width='100%' cellspacing='0' cellpadding='3' border='0.5' style='border-collapse:collapse'>"
            f"<tr style='background:#eee'>{head}</tr>{body}</table>")


@document
def render_paged_html(device: QPagedPaintDevice, html: str, stamp: str, margins_mm: float = 12,
                      points: float = 8.5) -> None:
    """*html* on A4 landscape pages, as many as it takes (the layout repeats a <thead> row on every page), with
    *stamp* (shop, date) bottom left and "Page x of y" bottom right of each page."""
    setup(device, QPageSize(QPageSize.PageSizeId.A4), margins_mm, QPageLayout.Orientation.Landscape)
    painter = begin(device)
    try:
        page = QRectF(0, 0, device.width(), device.height())
        footer = mm(device, 6)
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        doc.setDefaultFont(font(points))
        doc.setHtml(html)
        doc.setTextWidth(page.width())
        body = page.height() - footer
        doc.setPageSize(QSizeF(page.width(), body))
        pages = max(1, doc.pageCount())
        for index in range(pages):
            if index:
                device.newPage()
            painter.save()
            painter.translate(0, -index * body)
            doc.drawContents(painter, QRectF(0, index * body, page.width(), body))
            painter.restore()
            painter.setFont(font(7))
            painter.drawText(QRectF(0, page.height() - footer, page.width(), footer),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, stamp)
            painter.drawText(QRectF(0, page.height() - footer, page.width(), footer),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                             QCoreApplication.translate("Printing", "Page {page} of {pages}").format(
                                 page=index + 1, pages=pages))
    finally:
        painter.end()


@document
def render_table(device: QPagedPaintDevice, title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    render_paged_html(device, table_html(title, headers, rows),
                      f"{shop_settings.get(shop_settings.SHOP_NAME)}  {now():%Y-%m-%d %H:%M}")


@document
def table_pdf(path: Path, title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    return write_pdf(path, lambda device: render_table(device, title, headers, rows), title)
