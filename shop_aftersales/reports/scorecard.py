"""The supplier scorecard: per supplier for a period, what the owner brings to a talk with the supplier — units
sold, units returned of those sold, the return rate, the main reasons, the repair cost spent on their goods, scrap
write-offs, credits received back, and the supplier returns still open with the days the oldest has waited.

Each figure is one SQL aggregation grouped by supplier, on the same basis as the Reports tab (analytics): the
supplier of a unit is its batch's (the sale line's), else its product's; units sold and returned are those of
``analytics.return_rates``; the repair cost is ``analytics.repair_costs`` itself, grouped by supplier, of the goods that
were worked on in the period (labour by the date logged, parts by the date used, outside fees with the repair's
opening); write-offs by the scrap date; credits by the date shipped back. Open supplier returns are what is on the
return-to-supplier list now (listed, not yet shipped), whatever the period."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from .. import clock
from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..models import dialect
from ..models import db
from ..models.aftersales import SUPPLIER_RETURN
from . import analytics

if TYPE_CHECKING:  # openpyxl is imported when a sheet is written, not with the figures (the screens import them)
    from openpyxl import Workbook

    from .workbook import BookInfo, StreamSheet

Progress = Callable[[int], None]
TOP_REASONS = 3
PERCENT_FORMAT = "0.0%"
_ZERO = Decimal("0.00")
# the supplier a supplier return went to (set when it was listed), else the unit's
_RETURN_SUPPLIER = f"COALESCE(x.supplier_id, {analytics._ITEM_SUPPLIER})"
_ITEM_JOIN = "JOIN product p ON p.id = i.product_id LEFT JOIN sale_line sl ON sl.id = i.sale_line_id"


def _t(text: str) -> str:
    return translate("Domain", text)


def _rows(sql: str, args: list) -> list[tuple]:
    return list(dialect.execute(sql, args).fetchall())


def _money(fen) -> Decimal:
    return (Decimal(fen or 0) / 100).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class SupplierScore:
    supplier_id: int | None  # None: goods with no supplier recorded
    name: str                # "" for those
    sold: int
    returned: int            # of the units sold in the period, those that came back (whenever)
    reasons: tuple[tuple[str, int], ...]  # the main reasons of those returns: (code, units), most first
    repair_cost: Decimal     # labour + parts + outside fees, as analytics.repair_costs
    write_offs: Decimal
    credits: Decimal
    open_returns: int        # units on the return-to-supplier list now
    oldest_open_days: int | None  # days the oldest of them has waited, None when there is none

    @property
    def rate(self) -> float:
        return self.returned / self.sold if self.sold else 0.0


@dataclass(frozen=True)
class Scorecard:
    period: analytics.Period
    as_of: dt.date  # the day the open supplier returns are counted on (today)
    suppliers: list[SupplierScore]

    def supplier(self, supplier_id: int | None) -> SupplierScore | None:
        return next((s for s in self.suppliers if s.supplier_id == supplier_id), None)

    @property
    def sold(self) -> int:
        return sum(s.sold for s in self.suppliers)

    @property
    def returned(self) -> int:
        return sum(s.returned for s in self.suppliers)

    @property
    def rate(self) -> float:
        return self.returned / self.sold if self.sold else 0.0

    @property
    def repair_cost(self) -> Decimal:
        return sum((s.repair_cost for s in self.suppliers), _ZERO)

    @property
    def write_offs(self) -> Decimal:
        return sum((s.write_offs for s in self.suppliers), _ZERO)

    @property
    def credits(self) -> Decimal:
        return sum((s.credits for s in self.suppliers), _ZERO)

    @property
    def open_returns(self) -> int:
        return sum(s.open_returns for s in self.suppliers)

    @property
    def oldest_open_days(self) -> int | None:
        return max((s.oldest_open_days for s in self.suppliers if s.oldest_open_days is not None), default=None)


def supplier_name(score: SupplierScore) -> str:
    """The supplier's name, or "No supplier" (translated) for goods without one."""
    return score.name or _t(QT_TRANSLATE_NOOP("Domain", "No supplier"))


def reasons_text(score: SupplierScore) -> str:
    """"Quality fault 3, Changed mind 1" in the current language."""
    return _t(QT_TRANSLATE_NOOP("Domain", ", ")).join(
        _t(QT_TRANSLATE_NOOP("Domain", "{reason} {units}")).format(reason=_t(analytics.reason_label(code)), units=n)
        for code, n in score.reasons)


def scorecard(period: analytics.Period) -> Scorecard:
    """The scorecard of every supplier with sales, returns, repairs, write-offs, credits or open supplier returns
    in *period* (narrowed by its category / supplier / product filters), the worst return rate first."""
    lo, hi = period.lo, period.hi
    where, args = period.product_filter(supplier=analytics._ITEM_SUPPLIER)
    # units sold and returned: the two aggregations of analytics.return_rates, grouped by the supplier's id
    sold_where, sold_args = period.product_filter(supplier="COALESCE(sl.supplier_id, p.supplier_id)")
    sold = dict(_rows(f"""SELECT COALESCE(sl.supplier_id, p.supplier_id), SUM(sl.quantity)
                          FROM sale_line sl JOIN sale sa ON sa.id = sl.sale_id JOIN product p ON p.id = sl.product_id
                          WHERE sa.sold_at >= ? AND sa.sold_at < ? {sold_where} GROUP BY 1""", [lo, hi, *sold_args]))
    reasons: dict[int | None, list[tuple[str, int]]] = {}
    for supplier, reason, units in _rows(f"""
            SELECT COALESCE(sl.supplier_id, p.supplier_id), i.reason, SUM(i.quantity) FROM aftersales_item i
            {dialect.join_in_order()} sale_line sl ON sl.id = i.sale_line_id JOIN sale sa ON sa.id = sl.sale_id
            JOIN product p ON p.id = sl.product_id
            WHERE i.created_at >= ? AND sa.sold_at >= ? AND sa.sold_at < ? {sold_where}
            GROUP BY 1, 2""", [lo, lo, hi, *sold_args]):
        reasons.setdefault(supplier, []).append((reason, int(units)))
    write_offs = dict(_rows(f"""SELECT {analytics._ITEM_SUPPLIER}, SUM(x.write_off) FROM scrap_record x
                                JOIN aftersales_item i ON i.id = x.item_id {_ITEM_JOIN}
                                WHERE x.created_at >= ? AND x.created_at < ? {where} GROUP BY 1""", [lo, hi, *args]))
    # credits on the same basis as the cost of after-sales and the workbook's Supplier returns sheet (the unit's
    # supplier): with a supplier filter the scorecard and the summary cannot disagree
    credits = dict(_rows(f"""SELECT {analytics._ITEM_SUPPLIER}, SUM(x.credit) FROM supplier_return x
                             JOIN aftersales_item i ON i.id = x.item_id {_ITEM_JOIN}
                             WHERE x.shipped_at >= ? AND x.shipped_at < ? {where} GROUP BY 1""", [lo, hi, *args]))
    ret_where, ret_args = period.product_filter(supplier=_RETURN_SUPPLIER)
    as_of = clock.today()
    # the return-to-supplier list as the Stock tab shows it: listed, not shipped, the unit still waiting there
    open_returns = {s: (int(n), int(days)) for s, n, days in _rows(f"""
        SELECT {_RETURN_SUPPLIER}, SUM(i.quantity), MAX({dialect.days_between(dialect.day_of('?'), dialect.day_of('x.listed_at'))})
        FROM supplier_return x JOIN aftersales_item i ON i.id = x.item_id {_ITEM_JOIN}
        WHERE x.shipped_at IS NULL AND i.status = ? {ret_where} GROUP BY 1""",
                                                                 [as_of.isoformat(), SUPPLIER_RETURN, *ret_args])}
    # the repair cost is analytics.repair_costs itself, grouped by the batch's supplier (three queries, not three
    # per supplier: on a shared PostgreSQL server each query costs a round trip and its planning)
    repair: dict[int | None, Decimal] = {}
    analytics.repair_costs(period, "supplier", exact_by_key=repair)
    keys = set(sold) | set(reasons) | set(write_offs) | set(credits) | set(open_returns) | set(repair)
    names = dict(_rows("SELECT id, name FROM supplier", []))
    scores = []
    for key in keys:
        found = sorted(reasons.get(key, []), key=lambda r: (-r[1], r[0]))
        waiting = open_returns.get(key)
        scores.append(SupplierScore(
            key, names.get(key, "") if key is not None else "", int(sold.get(key) or 0),
            sum(n for _r, n in found), tuple(found[:TOP_REASONS]), repair.get(key, _ZERO),
            _money(write_offs.get(key)), _money(credits.get(key)), waiting[0] if waiting else 0,
            waiting[1] if waiting else None))
    scores.sort(key=lambda s: (-s.rate, -s.returned, s.supplier_id is None, s.name))
    return Scorecard(period, as_of, scores)


# ------------------------------------------------------------------ the workbook sheet

COLUMNS = (  # (title, kind): the sheet's columns, and the page's
    (QT_TRANSLATE_NOOP("Domain", "Supplier"), "text"),
    (QT_TRANSLATE_NOOP("Domain", "Units sold"), "count"),
    (QT_TRANSLATE_NOOP("Domain", "Units returned"), "count"),
    (QT_TRANSLATE_NOOP("Domain", "Return rate"), "rate"),
    (QT_TRANSLATE_NOOP("Domain", "Main reasons"), "text"),
    (QT_TRANSLATE_NOOP("Domain", "Repair cost"), "money"),
    (QT_TRANSLATE_NOOP("Domain", "Scrap write-offs"), "money"),
    (QT_TRANSLATE_NOOP("Domain", "Credits received"), "money"),
    (QT_TRANSLATE_NOOP("Domain", "Open supplier returns"), "count"),
    (QT_TRANSLATE_NOOP("Domain", "Oldest open (days)"), "days"),
)
SOLD, RETURNED, RATE, REASONS_COL, REPAIR, WRITE_OFFS, CREDITS, OPEN, OLDEST = range(1, 10)
SHEET_TITLE = QT_TRANSLATE_NOOP("Domain", "Supplier scorecard")


def _sheet_class():
    """A StreamSheet whose return rate is a formula (returned ÷ sold) on every row and on the total row, and whose
    total of the oldest open return is the MAX of the column rather than a sum."""
    from openpyxl.utils import get_column_letter

    from .workbook import Formula, StreamSheet

    class ScorecardSheet(StreamSheet):
        def _cells(self, values, bold: bool = False):
            values = list(values)
            sold, returned = get_column_letter(SOLD + 1), get_column_letter(RETURNED + 1)
            if bold:
                row = self.total_row
                oldest = get_column_letter(OLDEST + 1)
                values[RATE] = Formula(f"=IF({sold}{row}=0,0,{returned}{row}/{sold}{row})")
                values[OLDEST] = Formula(f"=MAX({oldest}{self.first_row}:{oldest}{row - 1})") if self.count else 0
            cells = super()._cells(values, bold)
            if not isinstance(cells[RATE], (str, int, float, type(None))):
                cells[RATE].number_format = PERCENT_FORMAT
            return cells

    return ScorecardSheet


def write_scorecard_sheet(wb: Workbook, period: analytics.Period, info: BookInfo | None = None,
                          progress: Progress | None = None, card: Scorecard | None = None) -> StreamSheet:
    """Add the scorecard of *period* to *wb* (a write-only workbook with the named styles of workbook.add_styles)
    as one sheet: a caption, a frozen header, one row per supplier (the return rate a formula), and a total row of
    formulas (sums; the rate over the totals; the oldest open return the column's MAX). Returns the sheet (its
    total_row / total_cell for a summary to refer to). *card*: the figures, if already computed."""
    from openpyxl.utils import get_column_letter

    from .workbook import Formula

    card = card if card is not None else scorecard(period)
    caption = _t(QT_TRANSLATE_NOOP("Domain", "Supplier scorecard {start} to {end}; open supplier returns as of "
                                             "{day}")).format(start=period.start.isoformat(),
                                                              end=period.end.isoformat(), day=card.as_of.isoformat())
    sheet = _sheet_class()(wb, _t(SHEET_TITLE), [_t(title) for title, _kind in COLUMNS],
                            money=[REPAIR, WRITE_OFFS, CREDITS], totals=[SOLD, RETURNED, REPAIR, WRITE_OFFS,
                                                                         CREDITS, OPEN],
                            progress=progress, info=info, caption=caption, texts=[0, REASONS_COL])
    first = sheet.first_row
    sold, returned = get_column_letter(SOLD + 1), get_column_letter(RETURNED + 1)
    sheet.rows([supplier_name(s), s.sold, s.returned,
                Formula(f"=IF({sold}{row}=0,0,{returned}{row}/{sold}{row})"), reasons_text(s), s.repair_cost,
                s.write_offs, s.credits, s.open_returns, s.oldest_open_days]
               for row, s in enumerate(card.suppliers, start=first))
    return sheet


def export_scorecard(path: Path, period: analytics.Period, shop_name: str = "",
                     progress: Progress | None = None) -> Path:
    """A workbook of the scorecard alone (the page's Export…). A failure or a cancel leaves nothing behind."""
    path = Path(path)
    if not path.parent.is_dir():
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The folder {folder} does not exist."), folder=str(path.parent))
    from openpyxl import Workbook

    from .accounting import period_text
    from .workbook import BookInfo, add_styles, save_atomically

    wb = Workbook(write_only=True)
    add_styles(wb)
    title = _t(SHEET_TITLE)
    wb.properties.title = f"{shop_name} {title} {period_text(period)}".strip()
    wb.properties.creator = shop_name or "Shop Aftersales"
    exported = clock.now().replace(microsecond=0)
    info = BookInfo(shop_name, period_text(period), _t(QT_TRANSLATE_NOOP("Domain", "Exported at {moment}")).format(
        moment=exported.isoformat(" ", "minutes")))
    write_scorecard_sheet(wb, period, info=info, progress=progress)
    try:
        return save_atomically(wb, path)
    except OSError as exc:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The workbook could not be written to {path}: {reason}"),
                          path=str(path), reason=exc.strerror or exc) from exc
