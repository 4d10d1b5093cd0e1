"""Writing workbooks the accountant can trust: real numbers and dates, and text that stays text."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

YUAN_FORMAT = '"¥"#,##0.00'
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """Strip characters Excel cannot store (they would raise IllegalCharacterError)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def set_value(cell, value: object) -> None:
    """Write *value* so Excel shows exactly it: numbers as numbers, dates as dates, and any text
    that starts like a formula (= + - @ tab CR) as text that never runs."""
    if isinstance(value, str):
        value = safe_text(value)
        cell.value = value
        if value.startswith(_FORMULA_STARTS):
            cell.data_type = "s"
            cell.quotePrefix = True
    elif isinstance(value, Decimal):
        cell.value = value
        cell.number_format = YUAN_FORMAT
    elif isinstance(value, dt.datetime):
        cell.value = value
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        cell.value = value


def _width(value: object) -> int:
    text = str(value) if value is not None else ""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)  # CJK takes two columns


def write_table(path: Path, title: str, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    """One sheet with a bold frozen header, filters and fitting widths. Written to a temporary file
    and moved into place, so a failure never leaves half a workbook behind."""
    wb = Workbook()
    ws = wb.active
    ws.title = safe_text(title)[:31] or "Sheet1"
    widths = [_width(h) for h in headers]
    for col, header in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=col)
        set_value(cell, header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(vertical="center")
    count = 0
    for r, row in enumerate(rows, start=2):
        count += 1
        for c, value in enumerate(row, start=1):
            set_value(ws.cell(row=r, column=c), value)
            widths[c - 1] = max(widths[c - 1], _width(value))
    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = min(max(w + 2, 8), 60)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(count + 1, 1)}"
    return save_atomically(wb, path)


def save_atomically(wb: Workbook, path: Path) -> Path:
    path = Path(path)
    fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=path.parent if path.parent.exists() else None)
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path
