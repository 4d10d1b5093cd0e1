"""The owner's analysis: every figure is one SQL aggregation over the period and the filters; only the
handful of aggregated numbers that come back are combined in Python (e.g. a spike's mean and deviation)."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass
from decimal import Decimal

from ..clock import monday_of
from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP
from ..models import dialect
from ..models import db
from ..models.aftersales import EVENT_EXCHANGE, EVENT_REFUND, EVENT_RESOLUTION, REASONS

FEN = Decimal("0.01")


@dataclass(frozen=True)
class Period:
    """Whole days from *start* to *end*, both included, optionally narrowed to a category, supplier or product."""

    start: dt.date
    end: dt.date
    category_id: int | None = None
    supplier_id: int | None = None
    product_id: int | None = None

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "The period starts ({start}) after it ends ({end})."),
                              start=self.start.isoformat(), end=self.end.isoformat())

    @property
    def lo(self) -> str:
        return f"{self.start.isoformat()} 00:00:00"

    @property
    def hi(self) -> str:
        """Exclusive upper bound: the day after the end."""
        return f"{(self.end + dt.timedelta(days=1)).isoformat()} 00:00:00"

    def product_filter(self, product: str = "p", supplier: str = "p.supplier_id") -> tuple[str, list]:
        """SQL (AND ...) narrowing to the filters, for a query where *product* is the product table's alias."""
        sql, args = "", []
        if self.category_id:
            sql += f" AND {product}.category_id = ?"
            args.append(self.category_id)
        if self.supplier_id:
            sql += f" AND {supplier} = ?"
            args.append(self.supplier_id)
        if self.product_id:
            sql += f" AND {product}.id = ?"
            args.append(self.product_id)
        return sql, args


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    return dt.date(day.year + month // 12, month % 12 + 1, 1)


def _rows(sql: str, args: list | tuple = ()) -> list[tuple]:
    return list(dialect.execute(sql, list(args)).fetchall())


def _money(fen: int | None) -> Decimal:
    return (Decimal(fen or 0) / 100).quantize(FEN)


# The units that came back: after-sales items, with the supplier of their batch when known.
_ITEMS = """
    FROM aftersales_item i
    JOIN product p ON p.id = i.product_id
    LEFT JOIN sale_line sl ON sl.id = i.sale_line_id
"""
_ITEM_SUPPLIER = "COALESCE(sl.supplier_id, p.supplier_id)"


# ------------------------------------------------------------------ counts per period, with spikes

@dataclass(frozen=True)
class PeriodCount:
    key: str        # '2026-03', or a week's Monday: '2026-12-28' (the same key in SQL and Python, across New Year)
    start: dt.date
    units: int
    mean: float | None   # of the trailing periods
    stdev: float | None
    spike: bool


SPIKE_RULE = QT_TRANSLATE_NOOP(
    "Domain", "A spike is a period with at least 3 units, more than the mean of the {window} periods before it "
              "plus two standard deviations, and at least half as many again as that mean (needs 3 periods of "
              "history).")
WINDOW = 6


def _period_key(unit: str) -> str:
    # a week is named by its Monday: strftime('%W') would call the first days of January "W00" and split the
    # week across New Year in two (Python names that week after its Monday in December)
    return dialect.month("i.created_at") if unit == "month" else dialect.week_of("i.created_at")


def _periods(period: Period, unit: str, history: int) -> list[tuple[str, dt.date]]:
    if unit == "month":
        first = add_months(month_start(period.start), -history)
        keys, day = [], first
        while day <= period.end:
            keys.append((day.strftime("%Y-%m"), day))
            day = add_months(day, 1)
        return keys
    monday = monday_of(period.start) - dt.timedelta(weeks=history)
    keys = []
    while monday <= period.end:
        keys.append((monday.isoformat(), monday))
        monday += dt.timedelta(weeks=1)
    return keys


def counts(period: Period, unit: str = "month") -> list[PeriodCount]:
    """Units returned per month or week of the period, each checked against the trailing periods for a spike."""
    keys = _periods(period, unit, WINDOW)
    lo = f"{keys[0][1].isoformat()} 00:00:00"
    where, args = period.product_filter(supplier=_ITEM_SUPPLIER)
    found = dict(_rows(f"SELECT {_period_key(unit)}, SUM(i.quantity) {_ITEMS} "
                       f"WHERE i.created_at >= ? AND i.created_at < ? {where} GROUP BY 1", [lo, period.hi, *args]))
    series = [(key, start, int(found.get(key) or 0)) for key, start in keys]
    # history only counts from the shop's first after-sales record: months before it are unknown, not calm
    first = _rows("SELECT MIN(created_at) FROM aftersales_item")[0][0]
    known_from = dialect.read_day(first) or period.end
    known_from = month_start(known_from) if unit == "month" else monday_of(known_from)
    result = []
    for index, (key, start, units) in enumerate(series):
        before = [u for _k, s, u in series[max(0, index - WINDOW):index] if s >= known_from]
        mean = statistics.fmean(before) if len(before) >= 3 else None
        stdev = statistics.pstdev(before) if len(before) >= 3 else None
        spike = mean is not None and units >= 3 and units > mean + 2 * stdev and units >= 1.5 * mean
        if start >= (month_start(period.start) if unit == "month" else monday_of(period.start)):
            result.append(PeriodCount(key, start, units, mean, stdev, spike))
    return result


def items_in(period: Period, key: str, unit: str = "month") -> list[int]:
    """The after-sales items behind one bar (for the click-through from a spike)."""
    where, args = period.product_filter(supplier=_ITEM_SUPPLIER)
    return [r[0] for r in _rows(f"SELECT i.id {_ITEMS} WHERE {_period_key(unit)} = ? {where} ORDER BY i.id",
                                [key, *args])]


# ------------------------------------------------------------------ reasons (Pareto)

@dataclass(frozen=True)
class ReasonShare:
    reason: str  # code; REASONS[reason] is its label
    units: int
    share: float
    cumulative: float


def reasons(period: Period) -> list[ReasonShare]:
    where, args = period.product_filter(supplier=_ITEM_SUPPLIER)
    rows = _rows(f"SELECT i.reason, SUM(i.quantity) AS n {_ITEMS} WHERE i.created_at >= ? AND i.created_at < ? "
                 f"{where} GROUP BY i.reason ORDER BY n DESC, i.reason", [period.lo, period.hi, *args])
    total = sum(n for _r, n in rows) or 1
    result, running = [], 0
    for reason, units in rows:
        running += units
        result.append(ReasonShare(reason, units, units / total, running / total))
    return result


def reason_label(code: str) -> str:
    return REASONS.get(code, code)


# ------------------------------------------------------------------ return rates

@dataclass(frozen=True)
class ReturnRate:
    key: str
    sold: int
    returned: int

    @property
    def rate(self) -> float:
        return self.returned / self.sold if self.sold else 0.0


_RATE_KEYS = {  # (label, what to group by, join); a label is the group's one value (MIN: PostgreSQL asks for an
    # aggregate of a column not grouped by, though p.id = sl.product_id makes it one per group)
    "supplier": ("COALESCE(s.name, '')", "s.id",
                 "LEFT JOIN supplier s ON s.id = COALESCE(sl.supplier_id, p.supplier_id)"),
    "product": ("MIN(p.sku || ' ' || p.name)", "sl.product_id", ""),
    "batch": ("MIN(p.sku || ' / ' || sl.batch)", "sl.product_id, sl.batch", ""),
}


def return_rates(period: Period, by: str = "supplier", min_sold: int = 1) -> list[ReturnRate]:
    """Units returned ÷ units sold, over the units sold in the period, worst first.

    By supplier every supplier with sales is listed; by product or batch only those with returns (a busy shop
    sells tens of thousands of products and batches a year, and a list of zeros hides the ones that matter).
    Two aggregations rather than one with a subquery per sale line: the units sold (a year of a busy shop is
    ~100 000 lines, read from a covering index) and the units returned (driven from the far fewer after-sales
    items, each looking up its sale line)."""
    label, group, join = _RATE_KEYS[by]
    where, args = period.product_filter(supplier="COALESCE(sl.supplier_id, p.supplier_id)")
    if by == "batch":
        where += " AND sl.batch <> ''"
    tail = f"""JOIN product p ON p.id = sl.product_id {join}
        WHERE sa.sold_at >= ? AND sa.sold_at < ? {where} GROUP BY {group}"""
    params = [period.lo, period.hi, *args]
    # a CROSS JOIN keeps the items outermost (SQLite would otherwise walk the year's sales again); a unit sold in
    # the period can only have come back after the period began.
    returned = dict(_rows(f"""SELECT {label}, SUM(i.quantity) FROM aftersales_item i
                              {dialect.join_in_order()} sale_line sl ON sl.id = i.sale_line_id
                              JOIN sale sa ON sa.id = sl.sale_id
                              {tail.replace("WHERE", "WHERE i.created_at >= ? AND", 1)}""", [period.lo, *params]))
    only_returned = by != "supplier"
    if only_returned:  # the lines of products that never came back need not be read at all
        tail = tail.replace("WHERE", """WHERE +sl.product_id IN (SELECT product_id FROM aftersales_item
                                                                WHERE created_at >= ? AND sale_line_id IS NOT NULL)
                                        AND""", 1)
        params = [period.lo, *params]
    sold = _rows(f"""SELECT {label}, SUM(sl.quantity) FROM sale_line sl JOIN sale sa ON sa.id = sl.sale_id {tail}
                     HAVING SUM(sl.quantity) >= ?""", [*params, min_sold])
    rates = [ReturnRate(k or "—", int(n), int(returned.get(k) or 0)) for k, n in sold
             if not only_returned or k in returned]
    return sorted(rates, key=lambda r: (-r.rate, -r.returned, r.key))


# ------------------------------------------------------------------ repair cost

@dataclass(frozen=True)
class RepairCostRow:
    key: str
    labour: Decimal
    parts: Decimal
    outside: Decimal

    @property
    def total(self) -> Decimal:
        return self.labour + self.parts + self.outside


def _cost_keys(by: str) -> tuple[str, str, str]:
    """(labour key, parts key, outside key) over aliases: l = labour_log / rp = repair_part / r = repair_order."""
    return {
        "month": lambda: (dialect.month("l.logged_at"), dialect.month("rp.created_at"), dialect.month("r.created_at")),
        "technician": lambda: ("st.name", "COALESCE(st.name, '')", "COALESCE(st.name, '')"),
        "category": lambda: ("COALESCE(c.name, '')", "COALESCE(c.name, '')", "COALESCE(c.name, '')"),
        "supplier": lambda: (_ITEM_SUPPLIER, _ITEM_SUPPLIER, _ITEM_SUPPLIER),  # the batch's supplier (id or NULL)
    }[by]()


def repair_costs(period: Period, by: str = "month", exact_total: list | None = None,
                 exact_by_key: dict | None = None) -> list[RepairCostRow]:
    """Labour (hours × rate), parts at their cost and outside fees, per month, technician, category or supplier
    (the supplier's id as the key). *exact_total*, if given, receives the period's total summed before rounding
    (the workbook's basis); *exact_by_key* each key's total summed before rounding."""
    labour_key, parts_key, outside_key = _cost_keys(by)
    where, args = period.product_filter(supplier=_ITEM_SUPPLIER)  # the batch's supplier, as everywhere else
    base = """JOIN repair_order r ON r.id = {x}.repair_id JOIN aftersales_item i ON i.id = r.item_id
              JOIN product p ON p.id = i.product_id LEFT JOIN sale_line sl ON sl.id = i.sale_line_id
              LEFT JOIN category c ON c.id = p.category_id"""
    # fractions of a fen (0.33 h at an odd rate) are kept until the end, as the workbook's sums keep them
    labour = _rows(f"""SELECT {labour_key}, SUM(l.hours * l.rate) / 100.0 FROM labour_log l {base.format(x='l')}
                       JOIN technician t ON t.id = l.technician_id JOIN staff st ON st.id = t.staff_id
                       WHERE l.logged_at >= ? AND l.logged_at < ? {where} GROUP BY 1""",
                   [period.lo, period.hi, *args])
    parts = _rows(f"""SELECT {parts_key}, SUM(rp.quantity * rp.unit_cost) FROM repair_part rp {base.format(x='rp')}
                      LEFT JOIN technician t ON t.id = r.technician_id LEFT JOIN staff st ON st.id = t.staff_id
                      WHERE rp.created_at >= ? AND rp.created_at < ? {where} GROUP BY 1""",
                  [period.lo, period.hi, *args])
    outside = _rows(f"""SELECT {outside_key}, SUM(r.outside_fees) FROM repair_order r
                        JOIN aftersales_item i ON i.id = r.item_id JOIN product p ON p.id = i.product_id
                        LEFT JOIN sale_line sl ON sl.id = i.sale_line_id
                        LEFT JOIN category c ON c.id = p.category_id
                        LEFT JOIN technician t ON t.id = r.technician_id LEFT JOIN staff st ON st.id = t.staff_id
                        WHERE r.created_at >= ? AND r.created_at < ? AND r.outside_fees > 0 {where} GROUP BY 1""",
                    [period.lo, period.hi, *args])
    keys = sorted({k for k, _v in labour + parts + outside}, key=lambda k: (k is None, k if k is not None else 0))
    if by == "month" and keys:  # every month of the period on the chart's axis: one without repairs shows as 0
        keys = sorted(set(keys) | {key for key, _start in _periods(period, "month", 0)})
    table = {name: dict(rows) for name, rows in (("labour", labour), ("parts", parts), ("outside", outside))}
    rows = [RepairCostRow(k or "—", _money(table["labour"].get(k)), _money(table["parts"].get(k)),
                          _money(table["outside"].get(k))) for k in keys]
    if exact_total is not None:  # the sum of the exact figures, rounded once (each row is rounded to the fen)
        exact_total.append(_money(sum(float(v or 0) for t in table.values() for v in t.values())))
    if exact_by_key is not None:
        exact_by_key.update({k: _money(sum(float(t.get(k) or 0) for t in table.values())) for k in keys})
    return rows


# ------------------------------------------------------------------ the cost of after-sales

@dataclass(frozen=True)
class CostOfAftersales:
    refunds: Decimal
    shipping: Decimal
    repairs: Decimal
    write_offs: Decimal
    replacements: Decimal
    resale: Decimal
    supplier_credits: Decimal
    shipping_out: Decimal = Decimal(0)  # sending repaired units and replacements back to customers (carriers)

    @property
    def net(self) -> Decimal:
        return (self.refunds + self.shipping + self.shipping_out + self.repairs + self.write_offs + self.replacements
                - self.resale - self.supplier_credits)


def cost_of_aftersales(period: Period) -> CostOfAftersales:
    where, args = period.product_filter(supplier=_ITEM_SUPPLIER)
    span = [period.lo, period.hi]

    def total(sql: str, extra: list | None = None) -> Decimal:
        return _money(_rows(sql, span + (extra if extra is not None else args))[0][0])

    # net of reversals: a refund by the date it was paid, less a reversal by the date it was reversed (the
    # workbook's Refunds sheet lists both lines, so the two always agree)
    refunds = total(f"SELECT SUM(x.amount) FROM refund x JOIN aftersales_item i ON i.id = x.item_id "
                    f"JOIN product p ON p.id = i.product_id LEFT JOIN sale_line sl ON sl.id = i.sale_line_id "
                    f"WHERE x.paid_at >= ? AND x.paid_at < ? {where}") - total(
        f"SELECT SUM(v.amount) FROM refund_reversal v JOIN refund x ON x.id = v.refund_id "
        f"JOIN aftersales_item i ON i.id = x.item_id JOIN product p ON p.id = i.product_id "
        f"LEFT JOIN sale_line sl ON sl.id = i.sale_line_id WHERE v.created_at >= ? AND v.created_at < ? {where}")
    if where:  # shipping belongs to a return order: share it over the order's units
        shipping = total(f"""SELECT SUM(o.shipping_cost * i.quantity * 1.0 /
                                 (SELECT SUM(j.quantity) FROM aftersales_item j WHERE j.order_id = o.id))
                             FROM return_order o JOIN aftersales_item i ON i.order_id = o.id
                             JOIN product p ON p.id = i.product_id LEFT JOIN sale_line sl ON sl.id = i.sale_line_id
                             WHERE o.created_at >= ? AND o.created_at < ? {where}""")
    else:
        shipping = total("SELECT SUM(shipping_cost) FROM return_order WHERE created_at >= ? AND created_at < ?", [])
    exact: list[Decimal] = []
    repair_costs(period, "month", exact_total=exact)
    repairs = exact[0]
    write_offs = total(f"SELECT SUM(x.write_off) FROM scrap_record x JOIN aftersales_item i ON i.id = x.item_id "
                       f"JOIN product p ON p.id = i.product_id LEFT JOIN sale_line sl ON sl.id = i.sale_line_id "
                       f"WHERE x.created_at >= ? AND x.created_at < ? {where}")
    replacements = total(f"SELECT SUM(e.quantity * rp.cost) FROM exchange e JOIN product rp ON rp.id = e.product_id "
                         f"JOIN aftersales_item i ON i.id = e.item_id JOIN product p ON p.id = i.product_id "
                         f"LEFT JOIN sale_line sl ON sl.id = i.sale_line_id "
                         f"WHERE e.created_at >= ? AND e.created_at < ? {where}")
    resale = total(f"SELECT SUM(x.price) FROM resale_sale x JOIN aftersales_item i ON i.id = x.item_id "
                   f"JOIN product p ON p.id = i.product_id LEFT JOIN sale_line sl ON sl.id = i.sale_line_id "
                   f"WHERE x.sold_at >= ? AND x.sold_at < ? {where}")
    credits = total(f"SELECT SUM(x.credit) FROM supplier_return x JOIN aftersales_item i ON i.id = x.item_id "
                    f"JOIN product p ON p.id = i.product_id LEFT JOIN sale_line sl ON sl.id = i.sale_line_id "
                    f"WHERE x.shipped_at >= ? AND x.shipped_at < ? {where}")
    from ..services.shipping import outbound_costs

    return CostOfAftersales(refunds, shipping, repairs, write_offs, replacements, resale, credits,
                            outbound_costs(period))


# ------------------------------------------------------------------ processing time

SETTLING_EVENTS = (EVENT_REFUND, EVENT_EXCHANGE, EVENT_RESOLUTION)


@dataclass(frozen=True)
class ProcessingTimes:
    settled: int
    average_days: float | None
    within_promise: float | None  # share settled within the promised days
    promise_days: int
    by_state: list[tuple[str, int, float]]  # status code, stays, average days
    repeat_units: int  # units that came back more than once


def processing_times(period: Period, promise_days: int = 7) -> ProcessingTimes:
    where, args = period.product_filter(supplier=_ITEM_SUPPLIER)
    first_settled = f"""(SELECT MIN(e.created_at) FROM item_event e
                WHERE e.item_id = i.id AND (e.code IN ({",".join("?" * len(SETTLING_EVENTS))})
                                            OR e.to_status = 'returned_to_customer')
                  -- a refund given by mistake and reversed settled nothing: the settlement that stands counts
                  AND NOT (e.code = {EVENT_REFUND} AND {dialect.json_text("e.data", "number")} IN (
                      SELECT r.number FROM refund r JOIN refund_reversal x ON x.refund_id = r.id)))"""
    settled = _rows(f"""
        SELECT {dialect.days_between(first_settled, "i.created_at")}
        {_ITEMS} WHERE i.created_at >= ? AND i.created_at < ? {where}""",
                    [*SETTLING_EVENTS, period.lo, period.hi, *args])
    days = [d for (d,) in settled if d is not None]
    # The window runs over the chosen items' events only, not over every event the shop ever recorded.
    by_state = _rows(f"""
        WITH chosen AS (SELECT i.id {_ITEMS} WHERE i.created_at >= ? AND i.created_at < ? {where}),
        stays AS (
            SELECT e.to_status AS status,
                   {dialect.days_between("LEAD(e.created_at) OVER (PARTITION BY e.item_id ORDER BY e.id)",
                                         "e.created_at")} AS days
            FROM item_event e WHERE e.to_status <> '' AND e.item_id IN (SELECT id FROM chosen))
        SELECT status, COUNT(*), AVG(days) FROM stays WHERE days IS NOT NULL
        GROUP BY status ORDER BY AVG(days) DESC, status""", [period.lo, period.hi, *args])
    # Serials that came back in the period and had come back before: start from the period's returns.
    repeats = _rows(f"""
        SELECT COUNT(*) FROM (SELECT DISTINCT i.product_id, i.serial {_ITEMS}
                              WHERE i.serial IS NOT NULL AND i.created_at >= ? AND i.created_at < ? {where}) x
        WHERE (SELECT COUNT(*) {_ITEMS} WHERE i.serial = x.serial AND i.product_id = x.product_id
               AND i.created_at < ? {where}) > 1""", [period.lo, period.hi, *args, period.hi, *args])[0][0]
    return ProcessingTimes(len(days), statistics.fmean(days) if days else None,
                           sum(1 for d in days if d <= promise_days) / len(days) if days else None, promise_days,
                           [(s, int(n), float(a)) for s, n, a in by_state], int(repeats))


# ------------------------------------------------------------------ ageing and turnover

BUCKETS = ((0, 7), (8, 30), (31, 90), (91, None))
INTERNAL = ("received", "repairable", "in_repair", "qc", "resale", "supplier_return", "ready_for_pickup")


@dataclass(frozen=True)
class Ageing:
    zone: str  # location code
    buckets: tuple[int, int, int, int]  # units 0–7, 8–30, 31–90, over 90 days in the zone
    left_in_period: int  # units that left the zone in the period
    average_stay: float | None  # days, of the units that left it in the period


def ageing(period: Period) -> list[Ageing]:
    """Per internal zone, what sits there now by days in the zone, and how fast units leave it."""
    from ..models.aftersales import STATUS_LOCATION

    where, args = period.product_filter(supplier=_ITEM_SUPPLIER)
    as_of = f"{(period.end + dt.timedelta(days=1)).isoformat()} 00:00:00"
    now_rows = _rows(f"""
        SELECT i.status,
               SUM(CASE WHEN d <= 7 THEN i.quantity ELSE 0 END), SUM(CASE WHEN d BETWEEN 8 AND 30 THEN i.quantity ELSE 0 END),
               SUM(CASE WHEN d BETWEEN 31 AND 90 THEN i.quantity ELSE 0 END), SUM(CASE WHEN d > 90 THEN i.quantity ELSE 0 END)
        FROM (SELECT i.status, i.quantity, {dialect.whole_days_between("?", "i.status_since")} AS d {_ITEMS}
              WHERE i.status IN ({",".join("?" * len(INTERNAL))}) {where}) i
        GROUP BY i.status""", [as_of, *INTERNAL, *args])
    # A unit that left a zone in the period changed status then, so its status_since is at or after the
    # period's start: only those units' events go through the window.
    left = _rows(f"""
        WITH chosen AS (SELECT i.id, i.quantity {_ITEMS} WHERE i.status_since >= ? AND i.created_at < ? {where}),
        stays AS (
            SELECT e.item_id, e.to_status AS status, e.created_at AS entered,
                   LEAD(e.created_at) OVER (PARTITION BY e.item_id ORDER BY e.id) AS left_at
            FROM item_event e WHERE e.to_status <> '' AND e.item_id IN (SELECT id FROM chosen))
        SELECT s.status, SUM(c.quantity), AVG({dialect.days_between("s.left_at", "s.entered")})
        FROM stays s JOIN chosen c ON c.id = s.item_id
        WHERE s.left_at >= ? AND s.left_at < ? GROUP BY s.status""", [period.lo, period.hi, *args, period.lo, period.hi])
    current = {status: tuple(int(x or 0) for x in rest) for status, *rest in now_rows}
    leaving = {status: (int(n or 0), avg) for status, n, avg in left}
    result = []
    for status in INTERNAL:
        n, avg = leaving.get(status, (0, None))
        result.append(Ageing(STATUS_LOCATION[status], current.get(status, (0, 0, 0, 0)), n, avg))
    return result


# ------------------------------------------------------------------ before and after: the previous period, trends

def _month_end(day: dt.date) -> dt.date:
    return add_months(day, 1) - dt.timedelta(days=1)


def shifted(period: Period, steps: int) -> Period:
    """The period *steps* lengths before *period* (the same filters). A period that starts on the 1st of a month
    moves by whole months — March → February, a quarter → the quarter before, 1–15 March → 1–15 February, and a
    period that ends on a month's last day ends on the last day there — any other by its number of days
    (2026-03-10..2026-03-24 → the 15 days before)."""
    from dataclasses import replace

    if steps == 0:
        return period
    if period.start.day == 1:
        months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
        start = add_months(period.start, -months * steps)
        end_month = add_months(month_start(period.end), -months * steps)
        last = _month_end(end_month)
        # 1–30 March → 1–28 February: the day is capped before the date is made (February has no 30th)
        end = last if period.end == _month_end(period.end) else end_month.replace(day=min(period.end.day, last.day))
        return replace(period, start=start, end=end)
    days = (period.end - period.start).days + 1
    return replace(period, start=period.start - dt.timedelta(days=days * steps),
                   end=period.end - dt.timedelta(days=days * steps))


def previous_period(period: Period) -> Period:
    return shifted(period, 1)


def period_name(period: Period) -> str:
    """'2026-03' for a whole month, '2026-01 – 2026-03' for whole months, else '2026-03-10 – 2026-03-24'."""
    whole = period.start.day == 1 and period.end == _month_end(period.end)
    if whole and (period.start.year, period.start.month) == (period.end.year, period.end.month):
        return f"{period.start:%Y-%m}"
    if whole:
        return f"{period.start:%Y-%m} – {period.end:%Y-%m}"
    return f"{period.start.isoformat()} – {period.end.isoformat()}"


def period_short_name(period: Period) -> str:
    """Under a chart's bar: '2026-03' for a month (whole, or this month so far), else the first day ('03-10',
    with the year if needed)."""
    if period.start.day == 1 and (period.start.year, period.start.month) == (period.end.year, period.end.month):
        return f"{period.start:%Y-%m}"
    return f"{period.start:%y-%m-%d}" if period.start.year != period.end.year else f"{period.start:%m-%d}"


# How a change of each figure reads: a cost that falls is good. Resale and supplier credits count as what they add to
# the cost (a negative amount, as on the Cost page and in the workbook), so more of them is a fall, and good too. A
# count of units is neither (more returns may only mean more sales): the screen says it is neutral.
COST, NEUTRAL = "cost", "neutral"
GOOD, BAD, SAME, NOT_JUDGED = "good", "bad", "same", "neutral"

FIGURES = (  # (code, label, kind): the figures the Reports tab and the workbook's summary compare
    ("units", QT_TRANSLATE_NOOP("Domain", "Units returned"), NEUTRAL),
    ("refunds", QT_TRANSLATE_NOOP("Domain", "Refunds"), COST),
    ("shipping", QT_TRANSLATE_NOOP("Domain", "Return shipping"), COST),
    ("shipping_out", QT_TRANSLATE_NOOP("Domain", "Shipping to customers"), COST),
    ("repairs", QT_TRANSLATE_NOOP("Domain", "Repair costs"), COST),
    ("write_offs", QT_TRANSLATE_NOOP("Domain", "Scrap write-offs"), COST),
    ("replacements", QT_TRANSLATE_NOOP("Domain", "Replacements at cost"), COST),
    ("resale", QT_TRANSLATE_NOOP("Domain", "Recovered by resale"), COST),
    ("supplier_credits", QT_TRANSLATE_NOOP("Domain", "Credits from suppliers"), COST),
    ("net", QT_TRANSLATE_NOOP("Domain", "Net cost"), COST),
)
FIGURE_KINDS = {code: kind for code, _label, kind in FIGURES}
TREND_FIGURES = ("repairs", "shipping", "refunds")  # the figures whose last 12 periods are drawn
TREND_PERIODS = 12


@dataclass(frozen=True)
class Change:
    """One figure now and in the previous period of the same length."""

    code: str
    current: Decimal | int
    previous: Decimal | int

    @property
    def kind(self) -> str:
        return FIGURE_KINDS.get(self.code, NEUTRAL)

    @property
    def amount(self) -> Decimal | int:
        return self.current - self.previous

    @property
    def share(self) -> float | None:
        """The change as a share of the previous figure; None when there was nothing before (see *is_new*)."""
        return float(self.amount) / abs(float(self.previous)) if self.previous else None

    @property
    def is_new(self) -> bool:
        """Nothing in the previous period and something now: a change of "new", never a division by zero."""
        return not self.previous and bool(self.current)

    @property
    def direction(self) -> str:
        if self.amount == 0:
            return SAME
        if self.kind == NEUTRAL:
            return NOT_JUDGED
        return BAD if self.amount > 0 else GOOD


def units_returned(period: Period) -> int:
    where, args = period.product_filter(supplier=_ITEM_SUPPLIER)
    return int(_rows(f"SELECT COALESCE(SUM(i.quantity), 0) {_ITEMS} WHERE i.created_at >= ? AND i.created_at < ? "
                     f"{where}", [period.lo, period.hi, *args])[0][0])


def figures(period: Period, cost: CostOfAftersales | None = None) -> dict[str, Decimal | int]:
    """Every compared figure of *period* by code; resale and supplier credits negative (they take off the cost)."""
    cost = cost if cost is not None else cost_of_aftersales(period)
    return {"units": units_returned(period), "refunds": cost.refunds, "shipping": cost.shipping,
            "shipping_out": cost.shipping_out,
            "repairs": cost.repairs, "write_offs": cost.write_offs, "replacements": cost.replacements,
            "resale": -cost.resale, "supplier_credits": -cost.supplier_credits, "net": cost.net}


def before_after(period: Period, cost: CostOfAftersales | None = None) -> dict[str, Change]:
    """Each figure of *period* beside the previous period of the same length."""
    now, before = figures(period, cost), figures(previous_period(period))
    return {code: Change(code, now[code], before[code]) for code, _label, _kind in FIGURES}


@dataclass(frozen=True)
class TrendPoint:
    period: Period
    figures: dict[str, Decimal | int]


def trend_periods(period: Period, count: int = TREND_PERIODS) -> list[Period]:
    """The periods of *period*'s trend, oldest first, the last ending where *period* ends. A period of a month or
    less (a week, a month, 15 days): the last *count* periods of its length, *period* itself last. A longer one (a
    quarter, a year, the last 12 months): its last *count* months, the last one up to the period's end — a trend
    of years or quarters would be mostly empty for a young shop and say little to an owner judging a measure."""
    from dataclasses import replace

    if (period.end - period.start).days <= 31:
        return [shifted(period, steps) for steps in range(count - 1, -1, -1)]
    first_of_last = month_start(period.end)
    months = []
    for steps in range(count - 1, 0, -1):  # whole calendar months…
        start = add_months(first_of_last, -steps)
        months.append(replace(period, start=start, end=_month_end(start)))
    return months + [replace(period, start=first_of_last)]  # …and the last one up to the period's end


def trend_is_monthly(period: Period) -> bool:
    return (period.end - period.start).days > 31


def trend(period: Period, count: int = TREND_PERIODS) -> list[TrendPoint]:
    """The trend of *period* (see trend_periods), each point with every compared figure."""
    return [TrendPoint(p, figures(p)) for p in trend_periods(period, count)]


def measure_position(points: list[TrendPoint], day: dt.date) -> float | None:
    """Where a measure dated *day* stands on a trend chart whose period *i* is drawn at x = i: the periods' edges
    are at i ± 0.5, so a measure from the first day of a period is drawn on the edge before it. None: outside."""
    for index, point in enumerate(points):
        p = point.period
        if p.start <= day <= p.end:
            return index - 0.5 + (day - p.start).days / ((p.end - p.start).days + 1)
    return None
