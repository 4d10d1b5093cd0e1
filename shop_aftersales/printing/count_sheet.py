"""The stock count sheet printed through the print preview: the same content as the .xlsx count sheet (title,
zone, bin, SKU, product, serial, an empty bordered "Counted" column and notes, the signature line under the
rows), A4 landscape, the header row repeated on every page."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice

from ..services.stock_count import CountSheet, count_sheet_data
from .pages import document, write_pdf
from .table import render_paged_html


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


@document
def render_count_sheet(device: QPagedPaintDevice, sheet: CountSheet) -> None:
    render_paged_html(device, count_sheet_html(sheet), f"{sheet.shop}  {sheet.printed}".strip(), margins_mm=10,
                      points=9)


@document
def render_count(device: QPagedPaintDevice, count_id: int, show_expected: bool = False) -> None:
    """The count sheet of count *count_id*, its words made in the document language (render_count_sheet prints a
    sheet already made, in the language it was made in)."""
    render_count_sheet(device, count_sheet_data(count_id, show_expected))


@document
def count_sheet_pdf(path: Path, count_id: int, show_expected: bool = False) -> Path:
    sheet = count_sheet_data(count_id, show_expected)
    return write_pdf(path, lambda device: render_count_sheet(device, sheet), sheet.title)
