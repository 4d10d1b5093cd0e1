"""Writing workbooks the accountant can trust: real numbers and dates, the app's own formulas as formulas, text
from the data always as text, and every sheet ready to print."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from ..i18n import QT_TRANSLATE_NOOP, translate

Progress = Callable[[int], None]
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
BOLD = Font(bold=True)
THIN = Side(style="thin", color="808080")

YUAN_FORMAT = '"¥"#,##0.00'
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MONEY_WIDTH = 16  # "¥999,999,999.99" and a margin: a column total never shows ###
NUMBER_WIDTH = 9


class Formula(str):
    """A formula the app writes itself (a total, a row's sum). Only these are written as formulas: any text
    that came from the data, however it starts, is written as text that never runs."""


def safe_text(value: str) -> str:
    """Strip characters Excel cannot store (they would raise IllegalCharacterError)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def sheet_ref(title: str, cell: str) -> str:
    """A reference to *cell* on another sheet, quoted whatever the sheet's name holds (spaces, Chinese, ')."""
    return "'{}'!{}".format(title.replace("'", "''"), cell)


# ------------------------------------------------------------------ named styles

STYLE_HEADER = "sa_header"
STYLE_MONEY = "sa_money"
STYLE_DATE = "sa_date"
STYLE_DATETIME = "sa_datetime"
STYLE_TOTAL = "sa_total"
STYLE_TOTAL_MONEY = "sa_total_money"
STYLE_TEXT = "sa_text"


def add_styles(wb: Workbook) -> None:
    """The workbook's named styles (Excel lists them under Cell Styles): header, money, dates, totals."""
    existing = set(wb.named_styles)
    top = Border(top=Side(style="thin"), bottom=Side(style="double"))
    for style in (
        NamedStyle(STYLE_HEADER, font=Font(bold=True), fill=HEADER_FILL,
                   alignment=Alignment(vertical="center", wrap_text=True), border=Border(bottom=THIN)),
        NamedStyle(STYLE_MONEY, number_format=YUAN_FORMAT),
        NamedStyle(STYLE_DATE, number_format=DATE_FORMAT),
        NamedStyle(STYLE_DATETIME, number_format=DATETIME_FORMAT),
        NamedStyle(STYLE_TOTAL, font=Font(bold=True), border=top),
        NamedStyle(STYLE_TOTAL_MONEY, font=Font(bold=True), border=top, number_format=YUAN_FORMAT),
        NamedStyle(STYLE_TEXT, number_format="@"),
    ):
        if style.name not in existing:
            wb.add_named_style(style)


def set_value(cell, value: object) -> None:
    """Write *value* so Excel shows exactly it: numbers as numbers, dates as dates, the app's Formula as a
    formula, and any other text that starts like a formula (= + - @ tab CR) as text that never runs."""
    if isinstance(value, Formula):
        cell.value = str(value)
        cell.data_type = "f"
    elif isinstance(value, str):
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


_TOKENS = re.compile(r"\s+|[^\s\u2e80-\uffff]+|[\u2e80-\uffff]")
_NO_LINE_START = set("，。；：？！、）》」』”’")


def wrap(text: str, width: int) -> list[str]:
    """*text* in lines of at most *width* columns (a Chinese character takes two): broken at spaces in
    English, between characters in Chinese, never before a closing punctuation mark."""
    lines, line = [], ""
    for token in _TOKENS.findall(text):
        if token.isspace():
            line += " " if line else ""
            continue
        if line and _width(line + token) > width and token not in _NO_LINE_START:
            lines.append(line.rstrip())
            line = ""
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


# ------------------------------------------------------------------ print-ready

def _hf(text: str) -> str:
    return text.replace("&", "&&")  # '&' starts a code in Excel's header and footer


def print_ready(ws, *, title: str, shop: str, period: str = "", landscape: bool | None = None,
                header_rows: int = 1, width: int = 0, footer: str = "") -> None:
    """Page setup for paper: A4, fit to the page's width (as many pages down as it takes), landscape when wide,
    the header row(s) repeated on every page, and a header / footer with the shop, the title, the period and
    "page x of y". *width*: the sheet's width in characters, to choose the orientation when *landscape* is None.
    In a write-only sheet, call it before the first row: the fit-to-page flag is written with the sheet's start."""
    ws.page_setup.paperSize = "9"  # A4
    if landscape is None:
        landscape = width > 100
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if header_rows:
        ws.print_title_rows = f"1:{header_rows}"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.25
    ws.print_options.horizontalCentered = True
    ws.oddHeader.left.text = _hf(shop)
    ws.oddHeader.center.text = _hf(title)
    ws.oddHeader.right.text = _hf(period)
    ws.oddFooter.left.text = _hf(footer)
    ws.oddFooter.center.text = translate("Domain", QT_TRANSLATE_NOOP("Domain", "Page &P of &N"))
    for part in (ws.oddHeader.left, ws.oddHeader.center, ws.oddHeader.right, ws.oddFooter.left,
                 ws.oddFooter.center):
        part.size = 9


class BookInfo:
    """What every sheet of one workbook prints in its header and footer."""

    def __init__(self, shop: str = "", period: str = "", footer: str = "") -> None:
        self.shop, self.period, self.footer = shop, period, footer


def write_table(path: Path, title: str, headers: Sequence[str], rows: Iterable[Sequence[object]],
                progress: Progress | None = None, info: BookInfo | None = None) -> Path:
    """One sheet with a bold frozen header, filters and fitting widths, streamed (an audit log of 300 000
    events is written without holding it). Written to a temporary file and moved into place, so a failure
    never leaves half a workbook behind."""
    wb = Workbook(write_only=True)
    add_styles(wb)
    wb.properties.title = safe_text(title)
    StreamSheet(wb, safe_text(title)[:31] or "Sheet1", headers, progress=progress, info=info).rows(rows)
    return save_atomically(wb, path)


class StreamSheet:
    """A sheet of a write-only workbook: a bold frozen header (under an optional caption line), rows streamed
    from an iterator (memory stays flat however many), widths measured on the first rows, a filter over all, a
    total row of SUM formulas under the chosen columns (its row number in total_row, for other sheets to refer
    to), and the page set up for printing. *money*: columns shown as ¥."""

    def __init__(self, wb: Workbook, title: str, headers: Sequence[str], money: Sequence[int] = (),
                 totals: Sequence[int] = (), progress: Progress | None = None, info: BookInfo | None = None,
                 caption: str = "", texts: Sequence[int] = ()) -> None:
        self.title = safe_text(title)[:31]
        self.ws = wb.create_sheet(self.title)
        self.headers = list(headers)
        self.money, self.totals, self.texts = set(money), list(totals), set(texts)
        self.widths = [_width(h) for h in headers]
        self.count = 0
        self.progress = progress
        self.info = info or BookInfo()
        self.caption = caption
        self.header_row = 2 if caption else 1
        self.total_row = 0
        self.ws.freeze_panes = f"A{self.header_row + 1}"

    @property
    def first_row(self) -> int:
        return self.header_row + 1

    def total_cell(self, index: int) -> str:
        """The cell (e.g. 'G12') holding the total of column *index* (0-based), once the rows are written."""
        return f"{get_column_letter(index + 1)}{self.total_row}"

    def _cells(self, values: Sequence[object], bold: bool = False) -> list[object]:
        """The row as openpyxl wants it. Plain values (numbers, None, ordinary text) go in as they are —
        openpyxl reuses one cell object for them; only what needs a format or a guard gets its own cell."""
        cells: list[object] = []
        for index, value in enumerate(values):
            money = index in self.money
            if not bold and not money and index not in self.texts and _is_plain(value):
                cells.append(value)
                continue
            cell = WriteOnlyCell(self.ws)
            if (money or bold) and type(value) in (Decimal, int, float):
                cell.value = value  # its format comes with the style below: one style change, not two
            else:
                set_value(cell, value)
            if bold:
                cell.style = STYLE_TOTAL_MONEY if money else STYLE_TOTAL
            elif money and isinstance(value, (Decimal, int, float, Formula)):
                cell.style = STYLE_MONEY
            elif index in self.texts:
                cell.style = STYLE_TEXT
                cell.data_type = "s" if not isinstance(value, Formula) else "f"
            cells.append(cell)
        return cells

    def _measure(self, values: Sequence[object]) -> None:
        for index, value in enumerate(values[:len(self.widths)]):
            if isinstance(value, Formula):
                continue
            if isinstance(value, dt.datetime):
                value = "2026-01-01 00:00"
            elif isinstance(value, Decimal):
                value = f"¥{value:,.2f}"
            self.widths[index] = max(self.widths[index], _width(value))

    def _header(self) -> None:
        # column widths must be set before the first row in write-only mode; money and summed columns are
        # wide enough for their total, which is not known until the last row
        for index, width in enumerate(self.widths):
            if index in self.money:
                width = max(width, MONEY_WIDTH)
            elif index in self.totals:
                width = max(width, NUMBER_WIDTH)
            self.widths[index] = min(max(width + 2, 9), 48)
            self.ws.column_dimensions[get_column_letter(index + 1)].width = self.widths[index]
        print_ready(self.ws, title=self.title, shop=self.info.shop, period=self.info.period,
                    header_rows=self.header_row, width=sum(self.widths), footer=self.info.footer)
        if self.caption:
            cell = WriteOnlyCell(self.ws, value=safe_text(self.caption))
            cell.font = Font(bold=True, size=12)
            self.ws.append([cell])
        cells = []
        for header in self.headers:
            cell = WriteOnlyCell(self.ws, value=header)
            cell.style = STYLE_HEADER
            cells.append(cell)
        self.ws.append(cells)

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
        self.ws.auto_filter.ref = f"A{self.header_row}:{last}{self.header_row + max(self.count, 1)}"
        if self.totals:
            self.total_row = self.first_row + self.count
            total: list[object] = [None] * len(self.headers)
            total[0] = translate("Domain", QT_TRANSLATE_NOOP("Domain", "Total"))
            for index in self.totals:
                col = get_column_letter(index + 1)
                # an empty sheet totals 0 (a number), so a summary referring to it still reads 0
                total[index] = (Formula(f"=SUM({col}{self.first_row}:{col}{self.total_row - 1})") if self.count
                                else (Decimal(0) if index in self.money else 0))
            self.ws.append(self._cells(total, bold=True))


def save_atomically(wb: Workbook, path: Path) -> Path:
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".part.xlsx",
                               dir=path.parent if path.parent.exists() else None)  # see services/housekeeping
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path
