"""What an import reads a cell as: the problems it reports (row, column, what is wrong) and the parsers of
each kind of column (codes, free text, amounts, quantities, dates, yes/no), which refuse what cannot be read
unambiguously rather than guess. No Qt, no database."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .. import clock
from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..money import to_decimal

# ---------------------------------------------------------------- problems

@dataclass(frozen=True)
class Problem:
    row: int      # spreadsheet row number (1-based, as Excel shows it); 0 for the whole file
    column: str   # the column's header as found in the file, or ""
    source: str   # English message source (context "Domain")
    params: tuple[tuple[str, object], ...] = ()

    def message(self) -> str:
        return translate("Domain", self.source).format(**dict(self.params))

    def __str__(self) -> str:
        if self.row and self.column:
            where = QT_TRANSLATE_NOOP("Domain", "row {row}, column '{column}': {message}")
        elif self.row:
            where = QT_TRANSLATE_NOOP("Domain", "row {row}: {message}")
        else:
            return self.message()
        return translate("Domain", where).format(row=self.row, column=self.column, message=self.message())


class ImportFailed(DomainError):
    """The file was refused; nothing was written. ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem], file: str = "") -> None:
        super().__init__(QT_TRANSLATE_NOOP("Domain", "The file was not imported: {count} problem(s) found. Nothing was written."),
                         count=len(problems))
        self.problems = problems
        self.file = file  # its name, which the message starts with

    def message(self) -> str:
        if not self.file:
            return super().message()
        return translate("Domain", QT_TRANSLATE_NOOP("Domain", "{file}: {message}")).format(
            file=self.file, message=super().message())

    def report(self, limit: int | None = None) -> str:
        lines = [self.message()]
        shown = self.problems if limit is None else self.problems[:limit]
        lines += [f"  • {p}" for p in shown]
        if limit is not None and len(self.problems) > limit:
            lines.append(translate("Domain", QT_TRANSLATE_NOOP("Domain", "  … and {more} more.")).format(
                more=len(self.problems) - limit))
        return "\n".join(lines)


def problem(row: int, column: str, source: str, /, **params: object) -> Problem:
    return Problem(row, column, source, tuple(params.items()))


# ---------------------------------------------------------------- columns and cell parsers

class CellError(ValueError):
    def __init__(self, source: str, **params: object) -> None:
        super().__init__(source)
        self.source, self.params = source, params


MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_CODE_CHARS = 100     # a SKU, barcode, receipt number, phone, serial or batch
MAX_TEXT_CHARS = 1_000   # a name, a model, a customer...
EARLIEST_SALE = dt.datetime(2000, 1, 1)

# Characters that show as nothing: zero-width spaces and joiners, the word joiner, a byte-order mark, the soft
# hyphen, and the direction marks and overrides (which can make a code look like another)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f"
                                    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\t\r\n"), " ")  # no-break spaces, line breaks in a cell
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class Damaged:
    """What a cell holds that the file has but that cannot be read (a damaged or forged file)."""

    __slots__ = ()


DAMAGED = Damaged()


def text(value: object) -> str:
    """A cell as text, leniently (headers, emptiness): invisible characters dropped, control characters as spaces."""
    if value is None or isinstance(value, Damaged):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # codes typed as numbers come back as 12345.0
    return _CONTROL.sub(" ", str(value).translate(_INVISIBLE)).strip()


def shown(value: object, limit: int = 40) -> str:
    """*value* as a message shows it: short, with control characters written as \\xNN."""
    if isinstance(value, float):
        return f"{value:.6g}"
    raw = str(value)
    if len(raw) > limit:
        raw = raw[:limit] + "…"
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", raw)


def _strict(raw: str, limit: int, length: int | None = None) -> str:
    if len(raw) > limit:
        raise CellError(QT_TRANSLATE_NOOP("Domain", "This cell holds {length} characters; at most {max} fit here."),
                        length=length or len(raw), max=limit)
    found = _CONTROL.search(raw)
    if found:
        raise CellError(QT_TRANSLATE_NOOP("Domain", "'{value}' holds a control character (\\x{code}), which cannot "
                                          "be typed: delete it and type the text again."),
                        value=shown(raw), code=f"{ord(found.group()):02x}")
    return raw


def words(value: object) -> str:
    """A free text (a name, a model): invisible characters dropped, no-break spaces and line breaks as spaces,
    trimmed; a control character or a text longer than :data:`MAX_TEXT_CHARS` is refused."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    raw = str(value)
    length = len(raw)
    if length > MAX_CELL_CHARS:
        raw = raw[:MAX_TEXT_CHARS + 1]  # the length is all the message needs
    return _strict(raw.translate(_INVISIBLE).translate(_SPACES).strip(), MAX_TEXT_CHARS,
                   length if length > MAX_CELL_CHARS else None)


# how a spreadsheet shows a long number it has rounded (1.23457E+20): a code such as 12E45 or 3E100 is a code
_SCIENTIFIC = re.compile(r"^\d(?:[.,]\d+)?E\+\d+$")


def _code_text(raw: str) -> str:
    """A code as typed, the way a scanner or a till would see it: full-width letters, digits and signs as their
    ordinary forms (NFKC: ＳＪ－１００１ is SJ-1001), invisible characters (a zero-width space, a BOM, direction
    marks: every format character) dropped, trimmed; a control character inside (a line break between two
    serials) is refused."""
    length = len(raw)
    if length > MAX_CELL_CHARS:
        raw = raw[:MAX_CODE_CHARS + 1]
    raw = unicodedata.normalize("NFKC", raw)
    raw = "".join(ch for ch in raw if unicodedata.category(ch) != "Cf")
    return _strict(raw.strip(), MAX_CODE_CHARS, length if length > MAX_CELL_CHARS else None)


def code(value: object) -> str:
    """A code (SKU, barcode, receipt, phone, serial): text, exactly as written (see :func:`_code_text`). A long
    code that a spreadsheet stored as a number has already lost digits (15 significant digits at most, or shown
    as 1.23457E+20) and cannot be recovered: it is refused rather than imported wrong."""
    if isinstance(value, bool):
        return text(value)
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not value.is_integer() or abs(value) >= 10 ** 15:
            raise CellError(QT_TRANSLATE_NOOP("Domain", "'{value}' was stored as a number and has lost digits. "
                                              "Format the column as text and type the code again."),
                            value=_shown_number(value))
        return text(value)
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise CellError(QT_TRANSLATE_NOOP("Domain", "'{value}' is a date or a time, not a code. Format the column "
                                          "as text and type the code again."), value=shown(value))
    raw = _code_text(str(value))
    if _SCIENTIFIC.match(raw):
        raise CellError(QT_TRANSLATE_NOOP("Domain", "'{value}' was stored as a number and has lost digits. "
                                          "Format the column as text and type the code again."), value=raw)
    return raw


def _shown_number(value: float | int) -> str:
    return f"{value:.6g}" if isinstance(value, float) else shown(value)


# Amounts and quantities written as text. The decimal point is a point (as in China); thousands may be grouped
# with commas, or with spaces. What a spreadsheet in a European language writes is read only where it cannot
# mean anything else: 1.299,00 and 1 299,00 (groups of three, then a decimal comma), 1.299.000 (two or more
# groups of three), 2999,5 (a comma followed by one or two digits: never a thousands group). 1,2999 and the
# like are refused; a text with more decimals than fen (1.299) is refused rather than rounded.
_NUMBER_FORMS = (
    (re.compile(r"\d+(?:\.\d+)?"), lambda s: s),
    (re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"), lambda s: s.replace(",", "")),
    (re.compile(r"\d{1,3}(?: \d{3})+(?:\.\d+)?"), lambda s: s.replace(" ", "")),
    (re.compile(r"\d{1,3}(?: \d{3})+,\d+"), lambda s: s.replace(" ", "").replace(",", ".")),
    (re.compile(r"\d{1,3}(?:\.\d{3})+,\d+"), lambda s: s.replace(".", "").replace(",", ".")),
    (re.compile(r"\d{1,3}(?:\.\d{3}){2,}"), lambda s: s.replace(".", "")),
    (re.compile(r"\d+,\d{1,2}"), lambda s: s.replace(",", ".")),
)
_BIGGEST = 15  # digits before the point: no amount or quantity of one shop has more


def _number(value: object, not_a_number: str, too_large: str, *, fen: bool) -> Decimal:
    """*value* (a number, or text as above) as a Decimal; *not_a_number* and *too_large* are the messages.
    *fen*: text may have at most two decimals that are not zero."""
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise CellError(not_a_number, value=shown(value))
    if isinstance(value, float) and not math.isfinite(value):
        raise CellError(too_large if math.isinf(value) else not_a_number, value=shown(value))
    if isinstance(value, (int, float, Decimal)):
        d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        written = None
    else:
        written = unicodedata.normalize("NFKC", str(value)).translate(_INVISIBLE).strip()
        raw = written.removesuffix("元").strip().removeprefix("¥").strip()
        sign = ""
        if raw[:1] in ("-", "−", "+"):
            sign, raw = ("" if raw[0] == "+" else "-"), raw[1:].strip()
        for pattern, plain in _NUMBER_FORMS:
            if pattern.fullmatch(raw):
                raw = plain(raw)
                break
        else:
            raise CellError(not_a_number, value=shown(written))
        d = Decimal(sign + raw)
    if not d.is_finite():
        raise CellError(not_a_number, value=shown(value))
    if d and d.adjusted() >= _BIGGEST:
        raise CellError(too_large, value=shown(written if written is not None else value))
    if fen and written is not None and d != d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP):
        raise CellError(QT_TRANSLATE_NOOP("Domain", "'{value}' has more than two decimal places. Write the amount in "
                                          "yuan with at most two, such as 1299.00 or 1.30."), value=shown(written))
    return d


def quantity(value: object) -> int:
    d = _number(value, QT_TRANSLATE_NOOP("Domain", "'{value}' is not a whole number."),
                QT_TRANSLATE_NOOP("Domain", "The quantity {value} is implausibly large."), fen=False)
    if d != d.to_integral_value():
        raise CellError(QT_TRANSLATE_NOOP("Domain", "'{value}' is not a whole number."), value=shown(value))
    if d <= 0:
        raise CellError(QT_TRANSLATE_NOOP("Domain", "The quantity must be more than zero (got {value})."),
                        value=shown(value))
    if d > 1_000_000:
        raise CellError(QT_TRANSLATE_NOOP("Domain", "The quantity {value} is implausibly large."), value=shown(value))
    return int(d)


def price(value: object) -> Decimal:
    d = _number(value, QT_TRANSLATE_NOOP("Domain", "'{value}' is not an amount of money."),
                QT_TRANSLATE_NOOP("Domain", "The amount {value} is implausibly large."), fen=True)
    if d < 0:
        raise CellError(QT_TRANSLATE_NOOP("Domain", "An amount cannot be negative (got {value})."), value=shown(value))
    if d > Decimal("100000000"):
        raise CellError(QT_TRANSLATE_NOOP("Domain", "The amount {value} is implausibly large."), value=shown(value))
    return to_decimal(d)


_DATE_PATTERNS = (
    "%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y年%m月%d日", "%Y年%m月%d日 %H:%M", "%d.%m.%Y",
)


def date(value: object) -> dt.datetime:
    """The day (and time) of a sale: a date cell, an Excel serial number or text as in :data:`_DATE_PATTERNS`;
    refused before 2000 and after tomorrow (the app clock's), where a sale cannot be."""
    if isinstance(value, float) and not math.isfinite(value):
        raise CellError(QT_TRANSLATE_NOOP("Domain", "'{value}' is not a date (write it like 2026-03-18)."),
                        value=shown(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20_000 < value < 80_000:
        from openpyxl.utils.datetime import from_excel  # a date typed into a cell with a number format

        value = from_excel(value)
    if isinstance(value, dt.datetime):
        result = value.replace(microsecond=0, tzinfo=None)
    elif isinstance(value, dt.date):
        result = dt.datetime(value.year, value.month, value.day)
    else:
        raw = unicodedata.normalize("NFKC", text(value))
        raw = re.sub(r"\s+", " ", raw)
        for pattern in _DATE_PATTERNS:
            try:
                result = dt.datetime.strptime(raw, pattern)
                break
            except ValueError:
                continue
        else:
            raise CellError(QT_TRANSLATE_NOOP("Domain", "'{value}' is not a date (write it like 2026-03-18)."),
                            value=shown(raw))
    latest = clock.today() + dt.timedelta(days=1)
    if result.date() > latest:
        raise CellError(QT_TRANSLATE_NOOP("Domain", "The date {value} is in the future (after {latest}): check "
                                          "the year."), value=result.date().isoformat(), latest=latest.isoformat())
    if result < EARLIEST_SALE:
        raise CellError(QT_TRANSLATE_NOOP("Domain", "The date {value} is before 2000: check the year."),
                        value=result.date().isoformat())
    return result


_YES = {"是", "y", "yes", "true", "1", "有", "√", "x"}
_NO = {"否", "n", "no", "false", "0", "无", ""}


def yes_no(value: object) -> bool:
    raw = text(value).lower()
    if raw in _YES:
        return True
    if raw in _NO:
        return False
    raise CellError(QT_TRANSLATE_NOOP("Domain", "'{value}' is not yes or no (是/否)."), value=raw)
