"""The same shop gives the same figures on both backends: the demo shop seeded into an SQLite file and into a
PostgreSQL database, and every report the Reports tab and the workbook show computed on each, over a few fixed
periods (a month, twelve months by days, a quarter narrowed to a supplier, this month so far narrowed to a
category), then compared figure by figure: money exactly (a Decimal on both sides), counts exactly (an int on
both sides), shares and days to a hair (floats), and the accountant's workbook cell by cell.

The raw SQL of reports/ is written once for both backends (models/dialect.py); what differs between them (a
timestamp read back as text or as a datetime, an AVG or a SUM read back as a float or a Decimal, the order of
NULLs, GROUP BY strictness) shows up here as a difference, whichever report it is in."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import PG_SERVER
from shop_aftersales.models import dialect, postgres
from shop_aftersales.models.database import DB_FILE_NAME, close_database, open_database_file, open_postgres_url

pytestmark = pytest.mark.postgres_only("compares the SQLite file with a PostgreSQL database of the same shop")

MONTH = (dt.date(2026, 5, 1), dt.date(2026, 5, 31))
TWELVE_MONTHS = (dt.date(2025, 6, 18), dt.date(2026, 6, 17))  # by days: the previous period is by days too
QUARTER = (dt.date(2026, 1, 1), dt.date(2026, 3, 31))         # the bad batch of earbuds is in March
SO_FAR = (dt.date(2026, 6, 1), dt.date(2026, 6, 17))          # this month, to the tests' today
PERIOD_LABELS = ("month", "twelve months", "quarter, the earbuds' supplier", "so far, the earbuds' category")


def _plain(value):
    """A report's result as plain values (dataclasses as dicts of their fields), for comparing."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {key: _plain(v) for key, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _periods():
    """The periods compared, each with its filters looked up by name (the ids are the backend's own)."""
    from shop_aftersales.models import Product
    from shop_aftersales.reports.analytics import Period
    from shop_aftersales.services.demo import BAD_SKU

    earbuds = Product.get(Product.sku == BAD_SKU)
    periods = [Period(*MONTH), Period(*TWELVE_MONTHS), Period(*QUARTER, supplier_id=earbuds.supplier_id),
               Period(*SO_FAR, category_id=earbuds.category_id)]
    return dict(zip(PERIOD_LABELS, periods))


def _reports() -> dict[str, object]:
    """Every report of the open shop, by name: what the Reports tab, its pages and the workbook show."""
    from shop_aftersales.models import AftersalesItem
    from shop_aftersales.reports import analytics, salespeople, scorecard

    found: dict[str, object] = {}
    for label, period in _periods().items():
        def put(name: str, value) -> None:
            found[f"{label}: {name}"] = _plain(value)

        for unit in ("month", "week"):
            counts = analytics.counts(period, unit)
            put(f"counts by {unit}", counts)
            busiest = max(counts, key=lambda c: (c.units, c.key))
            ids = analytics.items_in(period, busiest.key, unit)
            codes = {i.id: i.code for i in AftersalesItem.select().where(AftersalesItem.id.in_(ids))}
            put(f"items of the busiest {unit} {busiest.key}", [codes[i] for i in ids])
            put(f"what the busiest {unit} is made of", salespeople.spike_breakdown(ids))
        put("reasons", analytics.reasons(period))
        for by in ("supplier", "product", "batch"):
            put(f"return rates by {by}", analytics.return_rates(period, by))
        for by in ("month", "technician", "category"):
            exact: list = []
            put(f"repair costs by {by}", analytics.repair_costs(period, by, exact_total=exact))
            put(f"repair costs by {by}, exact total", exact)
        put("cost of after-sales", analytics.cost_of_aftersales(period))
        for promise in (7, 3):
            put(f"processing times, {promise} days promised", analytics.processing_times(period, promise))
        put("ageing", analytics.ageing(period))
        put("units returned", analytics.units_returned(period))
        put("figures", analytics.figures(period))
        put("figures of the previous period", analytics.figures(analytics.previous_period(period)))
        put("before and after", analytics.before_after(period))
        put("trend", analytics.trend(period))
        put("scorecard", scorecard.scorecard(period))
        put("return rates by salesperson", salespeople.return_rate_by_salesperson(period))
        put("return rates by salesperson, from 5 units", salespeople.return_rate_by_salesperson(period, 5))
        put("reasons by salesperson", salespeople.reasons_by_salesperson(period))
        put("what the period's returns are made of", salespeople.spike_breakdown(period))
    return found


def _workbook(folder: Path) -> dict[str, list[tuple]]:
    """The accountant's workbook of the twelve months (and of the filtered quarter), every sheet's cells."""
    from openpyxl import load_workbook

    from shop_aftersales.reports.accounting import export_workbook

    cells: dict[str, list[tuple]] = {}
    periods = _periods()
    for label in ("twelve months", "quarter, the earbuds' supplier"):
        path = export_workbook(folder / f"{label}.xlsx", periods[label], shop_name="对照店")
        book = load_workbook(path)
        for ws in book.worksheets:
            cells[f"{label}: {ws.title}"] = [tuple(row) for row in ws.iter_rows(values_only=True)]
    return cells


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """{"sqlite": (reports, workbook cells), "postgresql": (…)} of the demo shop seeded on each backend."""
    from shop_aftersales.services.demo import seed_demo_shop

    results = {}
    folder = tmp_path_factory.mktemp("agree-sqlite")
    open_database_file(folder / DB_FILE_NAME)
    try:
        assert not dialect.postgres()
        seed_demo_shop()
        results["sqlite"] = (_reports(), _workbook(folder))
    finally:
        close_database()
    name = f"sa_{postgres.worker()}_agree_demo"  # conftest drops it after the test that made it
    postgres.drop_database(PG_SERVER, name)
    postgres.create_database(PG_SERVER, name)
    open_postgres_url(postgres.parse(PG_SERVER).with_database(name).url)
    try:
        assert dialect.postgres()
        seed_demo_shop()
        results["postgresql"] = (_reports(), _workbook(tmp_path_factory.mktemp("agree-postgresql")))
    finally:
        close_database()
    return results


def _differences(a, b, where: str, found: list[str], numbers_as_cells: bool = False) -> None:
    """Every difference between *a* (SQLite's) and *b* (PostgreSQL's), as "where: a != b" lines."""
    if len(found) > 40:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b), key=str):
            if key not in a or key not in b:
                found.append(f"{where}.{key}: only on {'PostgreSQL' if key not in a else 'SQLite'}")
            else:
                _differences(a[key], b[key], f"{where}.{key}", found, numbers_as_cells)
        return
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            found.append(f"{where}: {len(a)} rows on SQLite, {len(b)} on PostgreSQL: {a!r} != {b!r}"[:600])
            return
        for index, (x, y) in enumerate(zip(a, b)):
            _differences(x, y, f"{where}[{index}]", found, numbers_as_cells)
        return
    if isinstance(a, tuple) and isinstance(b, tuple):
        _differences(list(a), list(b), where, found, numbers_as_cells)
        return
    number = (int, float, Decimal)
    if numbers_as_cells and isinstance(a, number) and isinstance(b, number) \
            and not isinstance(a, bool) and not isinstance(b, bool):  # a workbook's cell: a number is a number
        if not math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9):
            found.append(f"{where}: {a!r} != {b!r}")
        return
    if type(a) is not type(b):  # a Decimal on one side and a float or an int on the other is a difference
        found.append(f"{where}: {a!r} ({type(a).__name__}) != {b!r} ({type(b).__name__})")
    elif isinstance(a, float):
        if not math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12):
            found.append(f"{where}: {a!r} != {b!r}")
    elif a != b:
        found.append(f"{where}: {a!r} != {b!r}")


REPORT_NAMES = ("counts by month", "counts by week", "items of the busiest", "what the busiest", "reasons",
                "return rates by supplier", "return rates by product", "return rates by batch", "repair costs by",
                "cost of after-sales", "processing times", "ageing", "units returned", "figures", "before and after",
                "trend", "scorecard", "return rates by salesperson", "reasons by salesperson",
                "what the period's returns are made of")


@pytest.mark.parametrize("report", REPORT_NAMES)
def test_every_report_gives_the_same_figures_on_both_backends(both, report):
    sqlite, pg = both["sqlite"][0], both["postgresql"][0]
    assert set(sqlite) == set(pg)
    names = [name for name in sqlite if name.split(": ", 1)[1].startswith(report)]
    assert len(names) >= len(PERIOD_LABELS), names  # the report over every period
    found: list[str] = []
    for name in names:
        _differences(sqlite[name], pg[name], name, found)
    assert not found, "\n".join(found)


def test_the_reports_are_about_something(both):
    """The comparison is not of empty lists: the periods hold returns, money, repairs and a spike."""
    sqlite = both["sqlite"][0]
    twelve = sqlite["twelve months: cost of after-sales"]
    assert all(isinstance(v, Decimal) for v in twelve.values()) and twelve["refunds"] > 0 and twelve["repairs"] > 0
    assert sqlite["twelve months: units returned"] > 100
    assert any(c["spike"] for c in sqlite["twelve months: counts by month"])  # the bad batch
    assert len(sqlite["twelve months: scorecard"]["suppliers"]) >= 3
    assert sqlite["quarter, the earbuds' supplier: return rates by batch"]
    assert sqlite["twelve months: processing times, 7 days promised"]["by_state"]


def test_the_workbook_is_the_same_cell_by_cell_on_both_backends(both):
    sqlite, pg = both["sqlite"][1], both["postgresql"][1]
    assert list(sqlite) == list(pg)
    assert any(len(rows) > 50 for rows in sqlite.values())
    found: list[str] = []
    for sheet in sqlite:
        _differences(sqlite[sheet], pg[sheet], sheet, found, numbers_as_cells=True)
    assert not found, "\n".join(found)
