"""Writing workbooks the accountant can trust: real numbers and dates, and text that stays text."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..i18n import QT_TRANSLATE_NOOP, translate

Progress = Callable[[int], None]
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
BOLD = Font(bold=True)

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


def _is_plain(value: object) -> bool:
    """True for a value openpyxl writes correctly by itself: a number, nothing, or text that is neither
    formula-like nor carrying characters Excel refuses."""
    if value is None or type(value) in (int, float):
        return True
    return type(value) is str and not value.startswith(_FORMULA_STARTS) and not ILLEGAL_CHARACTERS_RE.search(value)


def _width(value: object) -> int:
    text = str(value) if value is not None else ""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)  # CJK takes two columns


def write_table(path: Path, title: str, headers: Sequence[str], rows: Iterable[Sequence[object]],
                progress: Progress | None = None) -> Path:
    """One sheet with a bold frozen header, filters and fitting widths, streamed (an audit log of 300 000
    events is written without holding it). Written to a temporary file and moved into place, so a failure
    never leaves half a workbook behind."""
    wb = Workbook(write_only=True)
    StreamSheet(wb, safe_text(title)[:31] or "Sheet1", headers, progress=progress).rows(rows)
    return save_atomically(wb, path)


class StreamSheet:
    """A sheet of a write-only workbook: a bold frozen header, rows streamed from an iterator (memory stays flat
    however many), widths measured on the first rows, a filter over all, and an optional total row of SUM
    formulas under the chosen columns. *money*: columns shown as ¥."""

    def __init__(self, wb: Workbook, title: str, headers: Sequence[str], money: Sequence[int] = (),
                 totals: Sequence[int] = (), progress: Progress | None = None) -> None:
        self.ws = wb.create_sheet(title[:31])
        self.headers = list(headers)
        self.money, self.totals = set(money), list(totals)
        self.widths = [_width(h) for h in headers]
        self.count = 0
        self.progress = progress
        self.ws.freeze_panes = "A2"
        self._pending_header = True

    def _cells(self, values: Sequence[object], bold: bool = False) -> list[object]:
        """The row as openpyxl wants it. Plain values (numbers, None, ordinary text) go in as they are —
        openpyxl reuses one cell object for them; only what needs a format or a guard gets its own cell."""
        cells: list[object] = []
        for index, value in enumerate(values):
            if not bold and index not in self.money and _is_plain(value):
                cells.append(value)
                continue
            cell = WriteOnlyCell(self.ws)
            set_value(cell, value)
            if index in self.money and isinstance(value, (Decimal, int, float)) or (
                    index in self.money and isinstance(value, str) and value.startswith("=SUM")):
                cell.number_format = '"¥"#,##0.00'
            if bold:
                cell.font = BOLD
            cells.append(cell)
        return cells

    def _measure(self, values: Sequence[object]) -> None:
        for index, value in enumerate(values[:len(self.widths)]):
            sample = "2026-01-01 00:00" if isinstance(value, dt.datetime) else value
            self.widths[index] = max(self.widths[index], _width(sample))

    def _header(self) -> None:
        # column widths must be set before the first row in write-only mode
        for index, width in enumerate(self.widths, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 9), 48)
        cells = []
        for header in self.headers:
            cell = WriteOnlyCell(self.ws, value=header)
            cell.font = BOLD
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(vertical="center")
            cells.append(cell)
        self.ws.append(cells)
        self._pending_header = False

    def rows(self, rows: Iterable[Sequence[object]]) -> None:
        if self.progress is not None:
            self.progress(0)  # a cancel is seen at every sheet, however short
        rows = iter(rows)
        first = list(itertools.islice(rows, 200))
        for row in first:  # widths from the first rows (cheap): they must be set before anything is written
            self._measure(row)
        self._header()
        for row in itertools.chain(first, rows):  # the rest streams from the cursor: write-only keeps memory flat
            self.ws.append(self._cells(row))
            self.count += 1
            if self.progress is not None and self.count % 500 == 0:
                self.progress(self.count)
        last = get_column_letter(len(self.headers))
        self.ws.auto_filter.ref = f"A1:{last}{self.count + 1}"
        if self.totals and self.count:
            total = [""] * len(self.headers)
            total[0] = translate("Domain", QT_TRANSLATE_NOOP("Domain", "Total"))
            for index in self.totals:
                col = get_column_letter(index + 1)
                total[index] = f"=SUM({col}2:{col}{self.count + 1})"
            self.ws.append(self._cells(total, bold=True))


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
