"""The stock count sheet printed through the print preview: the same content as the .xlsx count sheet (title,
zone, bin, SKU, product, serial, an empty bordered "Counted" column and notes, the signature line under the
rows), A4 landscape, the header row repeated on every page."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPagedPaintDevice, QTextDocument

from ..services.stock_count import CountSheet, count_sheet_data
from .pages import begin, font, mm, setup, write_pdf


def count_sheet_html(sheet: CountSheet) -> str:
    columns = len(sheet.headers)
    counted, notes = columns - 2, columns - 1
    expected = counted - 1 if columns == 8 else None

    def td(i: int, value: object) -> str:
        shown = "" if value is None else html.escape(str(value))
        align = " align='right'" if i in (counted, expected) else ""
        width = " width='16%'" if i == notes else " width='9%'" if i == counted else ""
        return f"<td{align}{width}>{shown or '&nbsp;'}</td>"

    head = "".join(f"<th align='center'>{html.escape(h)}</th>" for h in sheet.headers)
    body = "".join("<tr>" + "".join(td(i, v) for i, v in enumerate(row)) + "</tr>" for row in sheet.rows)
    return (f"<h3>{html.escape(sheet.title)}</h3><p style='font-size:small'>{html.escape(sheet.subtitle)}</p>"
            f"<table width='100%' cellspacing='0' cellpadding='5' border='1' style='border-collapse:collapse; border-style:solid; border-color:#000000'>"
            f"<thead><tr style='background:#ddebf7'>{head}</tr></thead><tbody>{body}</tbody></table>"
            f"<p><br/><br/>{html.escape(sheet.signature).replace('    ', '&nbsp;' * 8)}</p>")


def render_count_sheet(device: QPagedPaintDevice, sheet: CountSheet) -> None:
    setup(device, QPageSize(QPageSize.PageSizeId.A4), 10, QPageLayout.Orientation.Landscape)
    painter = begin(device)
    try:
        page = QRectF(0, 0, device.width(), device.height())
        footer = mm(device, 6)
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        doc.setDefaultFont(font(9))
        doc.setHtml(count_sheet_html(sheet))
        doc.setTextWidth(page.width())
        body = page.height() - footer
        doc.setPageSize(QSizeF(page.width(), body))  # the layout repeats the <thead> row on every page
        pages = max(1, doc.pageCount())
        stamp = f"{sheet.shop}  {sheet.printed}".strip()
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


def count_sheet_pdf(path: Path, count_id: int, show_expected: bool = False) -> Path:
    sheet = count_sheet_data(count_id, show_expected)
    return write_pdf(path, lambda device: render_count_sheet(device, sheet), sheet.title)
