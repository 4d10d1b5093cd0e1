"""Who sold what came back: return rates and reasons per salesperson (``sale.staff``, filled by the sales import's
salesperson column), and what a spike of returns is made of — the salespeople and the batches side by side, so
the owner sees at once whether a jump is a batch or a person. Every figure is one SQL aggregation, on the same
basis as analytics.return_rates: the units sold in the period (by sale date) and the units of those sales that
came back (whenever they came back), narrowed by the period's category, supplier and product filters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..i18n import QT_TRANSLATE_NOOP
from ..models import dialect
from ..models import db
from .analytics import Period

# Below this many units sold in the period a salesperson's rate is listed but never flagged: two returns out of
# five units sold say little about how someone sells.
MIN_SOLD = 20
NOT_RECORDED = QT_TRANSLATE_NOOP("Domain", "(not recorded)")  # the sales without a salesperson, as one line
NO_BATCH = QT_TRANSLATE_NOOP("Domain", "(no batch)")
FLAG_RULE = QT_TRANSLATE_NOOP(
    "Domain", "Units sold in the period (by sale date) and how many of them came back, worst first. Flagged: at "
              "least {min} units sold and a return rate above the shop's {rate} for the same sales. Sales imported "
              "without a salesperson are one line, never flagged.")


@dataclass(frozen=True)
class SalespersonRate:
    staff_id: int | None   # None: the sales without a salesperson ("(not recorded)")
    name: str              # the staff member's name; "" for the sales without one
    sold: int
    returned: int
    enough: bool           # sold at least the minimum volume
    flagged: bool          # enough, and a return rate above the shop's (never the "(not recorded)" line)

    @property
    def rate(self) -> float:
        return self.returned / self.sold if self.sold else 0.0


@dataclass(frozen=True)
class SalespeopleRates:
    rows: list[SalespersonRate]
    sold: int        # all the period's units sold, salesperson or not
    returned: int
    min_sold: int

    @property
    def rate(self) -> float:
        """The shop's return rate over the same sales: what a salesperson is flagged against."""
        return self.returned / self.sold if self.sold else 0.0


def _rows(sql: str, args: list) -> list[tuple]:
    return list(dialect.execute(sql, args).fetchall())


def _where(period: Period) -> tuple[str, list]:
    return period.product_filter(supplier="COALESCE(sl.supplier_id, p.supplier_id)")


def return_rate_by_salesperson(period: Period, min_sold: int = MIN_SOLD) -> SalespeopleRates:
    """Per salesperson: units sold in *period*, units of those sales returned, the rate; worst first (then the
    most returned, then by name), the sales without a salesperson as one line at the end. A salesperson who sold
    at least *min_sold* units with a rate above the shop's is flagged; fewer units are listed, never flagged."""
    where, args = _where(period)
    sold = dict(_rows(f"""SELECT sa.staff_id, SUM(sl.quantity) FROM sale_line sl JOIN sale sa ON sa.id = sl.sale_id
                          JOIN product p ON p.id = sl.product_id
                          WHERE sa.sold_at >= ? AND sa.sold_at < ? {where} GROUP BY sa.staff_id""",
                      [period.lo, period.hi, *args]))
    # driven from the after-sales items (far fewer than the lines sold), as analytics.return_rates is
    returned = dict(_rows(f"""SELECT sa.staff_id, SUM(i.quantity) FROM aftersales_item i
                              {dialect.join_in_order()} sale_line sl ON sl.id = i.sale_line_id JOIN sale sa ON sa.id = sl.sale_id
                              JOIN product p ON p.id = sl.product_id
                              WHERE i.created_at >= ? AND sa.sold_at >= ? AND sa.sold_at < ? {where}
                              GROUP BY sa.staff_id""", [period.lo, period.lo, period.hi, *args]))
    names = _staff_names(k for k in sold if k is not None)
    total_sold, total_returned = sum(int(n) for n in sold.values()), sum(int(n) for n in returned.values())
    shop_rate = total_returned / total_sold if total_sold else 0.0
    rows = []
    for staff_id, units in sold.items():
        units, back = int(units), int(returned.get(staff_id) or 0)
        enough = staff_id is not None and units >= min_sold
        rows.append(SalespersonRate(staff_id, names.get(staff_id, ""), units, back, enough,
                                    enough and back / units > shop_rate))
    rows.sort(key=lambda r: (r.staff_id is None, -r.rate, -r.returned, r.name))
    return SalespeopleRates(rows, total_sold, total_returned, min_sold)


def _staff_names(ids: Iterable[int]) -> dict[int, str]:
    ids = list(ids)
    if not ids:
        return {}
    return dict(_rows(f"SELECT id, name FROM staff WHERE id IN ({','.join('?' * len(ids))})", ids))


@dataclass(frozen=True)
class ReasonCount:
    staff_id: int | None
    name: str
    reason: str   # code; analytics.reason_label(reason) is its label
    units: int


def reasons_by_salesperson(period: Period) -> list[ReasonCount]:
    """The reasons the units of the period's sales came back for, per salesperson, with counts (the same units
    as the "returned" of :func:`return_rate_by_salesperson`): the salesperson with the most returned first, each
    one's reasons most frequent first; the sales without a salesperson last."""
    where, args = _where(period)
    found = _rows(f"""SELECT sa.staff_id, i.reason, SUM(i.quantity) FROM aftersales_item i
                      {dialect.join_in_order()} sale_line sl ON sl.id = i.sale_line_id JOIN sale sa ON sa.id = sl.sale_id
                      JOIN product p ON p.id = sl.product_id
                      WHERE i.created_at >= ? AND sa.sold_at >= ? AND sa.sold_at < ? {where}
                      GROUP BY sa.staff_id, i.reason""", [period.lo, period.lo, period.hi, *args])
    names = _staff_names({s for s, _r, _n in found if s is not None})
    totals: dict[int | None, int] = {}
    for staff_id, _reason, units in found:
        totals[staff_id] = totals.get(staff_id, 0) + int(units)
    rows = [ReasonCount(s, names.get(s, ""), r, int(n)) for s, r, n in found]
    rows.sort(key=lambda r: (r.staff_id is None, -totals[r.staff_id], r.name, -r.units, r.reason))
    return rows


# ------------------------------------------------------------------ what a spike is made of

@dataclass(frozen=True)
class Share:
    key: str | None   # a salesperson's name or a batch ("SKU / batch"); None: not recorded / no batch
    units: int
    share: float      # of all the units looked at


@dataclass(frozen=True)
class SpikeBreakdown:
    units: int
    by_salesperson: list[Share]
    by_batch: list[Share]
    points_to: str  # "batch", "salesperson", "both" (one batch sold by one person), "neither"

    @property
    def top_salesperson(self) -> Share | None:
        return next((s for s in self.by_salesperson if s.key is not None), None)

    @property
    def top_batch(self) -> Share | None:
        return next((s for s in self.by_batch if s.key is not None), None)


CONCENTRATED = 0.6  # one salesperson or one batch with at least this share of the units stands out …
MARGIN = 0.2        # … when its share is at least this much above the other side's largest


def spike_breakdown(period_or_items: Period | Iterable[int]) -> SpikeBreakdown:
    """The units behind a spike — the after-sales items received in a period (with its filters), or the items
    given by id (the Reports tab's click-through, analytics.items_in) — counted per salesperson of the sale they
    came from and per batch ("SKU / batch"), most first. *points_to* says which side one key dominates: a batch
    sold by several salespeople is "batch", one salesperson selling several batches "salesperson"."""
    if isinstance(period_or_items, Period):
        where, args = period_or_items.product_filter(supplier="COALESCE(sl.supplier_id, p.supplier_id)")
        chosen, chosen_args = (f"i.created_at >= ? AND i.created_at < ? {where}",
                               [period_or_items.lo, period_or_items.hi, *args])
        per_person, per_batch = _breakdown(chosen, chosen_args)
    else:
        ids = sorted(set(int(i) for i in period_or_items))
        per_person, per_batch = [], []
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            person, batch = _breakdown(f"i.id IN ({','.join('?' * len(part))})", part)
            per_person += person
            per_batch += batch
    people, batches = _merge(per_person), _merge(per_batch)
    units = sum(people.values())
    return SpikeBreakdown(units, _shares(people, units), _shares(batches, units), _points_to(people, batches, units))


def _breakdown(chosen: str, args: list) -> tuple[list[tuple], list[tuple]]:
    """(salesperson's name, units) and (batch, units) of the chosen items; None for not recorded / no batch."""
    base = """FROM aftersales_item i JOIN product p ON p.id = i.product_id
              LEFT JOIN sale_line sl ON sl.id = i.sale_line_id LEFT JOIN sale sa ON sa.id = sl.sale_id
              LEFT JOIN staff st ON st.id = sa.staff_id"""
    person = _rows(f"SELECT st.name, SUM(i.quantity) {base} WHERE {chosen} GROUP BY st.id", args)
    batch = _rows(f"""SELECT CASE WHEN COALESCE(sl.batch, '') = '' THEN NULL ELSE p.sku || ' / ' || sl.batch END,
                             SUM(i.quantity) {base} WHERE {chosen} GROUP BY 1""", args)
    return person, batch


def _merge(rows: list[tuple]) -> dict[str | None, int]:
    merged: dict[str | None, int] = {}
    for key, units in rows:
        merged[key] = merged.get(key, 0) + int(units or 0)
    return merged


def _shares(counts: dict[str | None, int], units: int) -> list[Share]:
    shares = [Share(k, n, n / units if units else 0.0) for k, n in counts.items()]
    return sorted(shares, key=lambda s: (s.key is None, -s.units, s.key or ""))


def _points_to(people: dict[str | None, int], batches: dict[str | None, int], units: int) -> str:
    if not units:
        return "neither"
    person = max((n for k, n in people.items() if k is not None), default=0) / units
    batch = max((n for k, n in batches.items() if k is not None), default=0) / units
    if max(person, batch) < CONCENTRATED:
        return "neither"
    if abs(person - batch) < MARGIN:
        return "both"
    return "batch" if batch > person else "salesperson"
