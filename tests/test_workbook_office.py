"""The accountant's workbook as the accountant gets it: opened and recalculated by LibreOffice (not by us), every
figure compared with the app's own, and printed by LibreOffice to see what the paper shows."""

import datetime as dt
import re
import subprocess
from decimal import Decimal

import pytest

from shop_aftersales import clock
from shop_aftersales.models import Product
from shop_aftersales.reports import analytics
from shop_aftersales.reports.accounting import export_workbook
from shop_aftersales.services import stock_count
from shop_aftersales.services.base import business_step
from shop_aftersales.services.importing import OPENING_NOTE, import_opening_stock
from shop_aftersales.services.ledger import MoveRequest, move

from conftest import write_xlsx
from helpers import TEST_NOW, raw_sql
from office import needs_libreoffice, recalculate
from test_reports import MARCH, small_shop  # noqa: F401  (the hand-made shop with answers known in advance)

pytestmark = needs_libreoffice
CENT = 0.005


def close(a, b) -> bool:
    return abs(float(a) - float(b)) < CENT


def summary_values(book) -> dict[str, float]:
    return {k: v for k, v in book.labelled("Summary").items() if isinstance(v, float)}


def assert_summary_is_the_apps(book, period):
    """Every figure of the summary, as LibreOffice computes it from the sheets, is the app's own figure."""
    assert all(not errors for errors in book.errors.values()), book.errors
    values = summary_values(book)
    cost = analytics.cost_of_aftersales(period)
    expected = {"Refunds": cost.refunds, "Return shipping": cost.shipping, "Repair costs": cost.repairs,
                "Scrap write-offs": cost.write_offs, "Replacements at cost": cost.replacements,
                "Recovered by resale": -cost.resale, "Credits from suppliers": -cost.supplier_credits,
                "Net cost": cost.net}
    for label, amount in expected.items():
        assert close(values[label], amount), (label, values[label], amount)
    units = raw_sql("SELECT COALESCE(SUM(i.quantity), 0) FROM aftersales_item i JOIN product p "
                    "ON p.id = i.product_id LEFT JOIN sale_line sl ON sl.id = i.sale_line_id "
                    f"WHERE i.created_at >= ? AND i.created_at < ? "
                    f"{period.product_filter(supplier=analytics._ITEM_SUPPLIER)[0]}",
                    [period.lo, period.hi, *period.product_filter()[1]]).fetchone()[0]
    assert values["Units returned"] == units
    months = [row for row in book.rows("Summary") if isinstance(row[0], str) and re.fullmatch(r"\d{4}-\d\d", row[0])]
    if months:
        assert sum(row[1] for row in months) == units and values["Total"] == units
    return values


def total_row(book, sheet):
    rows = book.rows(sheet)
    header = 1 if len([c for c in rows[0] if c not in ("", None)]) == 1 else 0  # under a caption line, or first
    totals = [row for row in rows[header + 1:] if row[0] == "Total"]
    assert len(totals) == 1, f"{sheet} has no single total row"
    return dict(zip(rows[header], totals[0]))


def test_march_recalculated_in_libreoffice(small_shop, tmp_path):  # noqa: F811
    path = export_workbook(tmp_path / "march.xlsx", MARCH, shop_name="测试店")
    book = recalculate(path, pdf=tmp_path / "march.pdf")
    # the app's formulas are formulas (LibreOffice found and computed them), the data's text is text
    assert any("SUM(" in f for _r, _c, f in book.formulas["Summary"])
    for sheet in ("Returns", "Refunds", "Repairs", "Labour", "Parts used", "Scrap"):
        assert book.formulas[sheet], f"{sheet} holds no formula"
    assert book.column("Returns", "Customer")[0] == "=1+1"  # a hostile customer name stays text
    values = assert_summary_is_the_apps(book, MARCH)
    assert values["Refunds"] == 2000 and values["Units returned"] == 5 and values["Repair costs"] == 95
    assert values["Net cost"] == 2000 + 20 + 95 + 1200
    repairs = total_row(book, "Repairs")
    assert repairs["Labour"] == 80 and repairs["Parts"] == 15 and repairs["Total"] == 95
    assert total_row(book, "Labour")["Amount"] == 80 and total_row(book, "Parts used")["Amount"] == 15
    assert book.column("Repairs", "Total")[0] == 95  # the row's own formula, computed
    # on paper: no ### anywhere, every page says which shop, which sheet and page x of y
    pages = subprocess.run(["pdfinfo", str(book.pdf)], capture_output=True, text=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", pages).group(1))
    text = subprocess.run(["pdftotext", "-layout", str(book.pdf), "-"], capture_output=True, text=True).stdout
    assert "###" not in text
    sheets = text.split("\f")[:count]
    assert all("测试店" in page and re.search(r"Page \d+ of \d+", page) for page in sheets)
    assert count == 18  # 18 sheets, each on one page (was 35–42 portrait pages with columns split)
    repairs_page = next(page for page in sheets if "Repair no." in page)
    assert "Outside fees" in repairs_page and "Technician" in repairs_page  # all columns on one page


def test_a_shop_year_recalculated_and_printed(demo_shop, tmp_path):
    """The demo's year: every figure, the stock at cost, and a money column wide enough for its total."""
    year = analytics.Period(TEST_NOW.date().replace(year=TEST_NOW.year - 1) + dt.timedelta(days=1), TEST_NOW.date())
    path = export_workbook(tmp_path / "year.xlsx", year, shop_name="演示店")
    book = recalculate(path, pdf=tmp_path / "year.pdf")
    values = assert_summary_is_the_apps(book, year)
    assert values["Units returned"] > 50 and values["Net cost"] > 0
    stock_value = raw_sql("SELECT SUM(q.quantity * p.cost) FROM stock_quant q JOIN product p "
                          "ON p.id = q.product_id WHERE q.customer_owned = FALSE").fetchone()[0] / 100
    stock = [v for k, v in book.labelled("Summary").items() if k.startswith("Stock at cost as of")]
    assert stock and close(stock[0], stock_value)
    assert book.rows("Stock by zone")[0][0].startswith("The shop's own stock as of")
    text = subprocess.run(["pdftotext", str(book.pdf), "-"], capture_output=True, text=True).stdout
    assert "###" not in text
    # a sheet longer than a page repeats its header row on every page
    pages = [page for page in text.split("\f") if re.search(r"SH\d{4}-\d{6}", page)]
    assert len(pages) > 4 and all("Item code" in page for page in pages)


def test_a_supplier_filter_narrows_every_sheet_alike(small_shop, tmp_path):  # noqa: F811
    period = analytics.Period(MARCH.start, MARCH.end, supplier_id=small_shop["yi"].id)
    book = recalculate(export_workbook(tmp_path / "yi.xlsx", period, shop_name="测试店"))
    values = assert_summary_is_the_apps(book, period)
    assert values["Units returned"] == 3 and values["Refunds"] == 0 and values["Repair costs"] == 95
    assert book.labelled("Summary")["Filter"] == "Supplier: 乙"


def test_adjustments_are_signed_and_valued_at_cost(shop, tmp_path):
    chair = Product.create(sku="YZ", name="餐椅", list_price=Decimal(100), cost=Decimal("37.50"))
    with clock.frozen(dt.datetime(2026, 2, 1, 9)):
        business_step(lambda: move(MoveRequest(chair, 10, "adjustment", "sellable")))()  # opening stock in Feb
    with clock.frozen(dt.datetime(2026, 3, 20, 9)):
        count_id = stock_count.start_count(["sellable"]).ids[0]
        line = next(iter(stock_count.StockCountLine.select().where(stock_count.StockCountLine.count == count_id)))
        stock_count.set_counted(count_id, line.id, 7)
        stock_count.post(count_id, "盘点", approved_by=None)
    with clock.frozen(dt.datetime(2026, 3, 25, 9)):
        business_step(lambda: move(MoveRequest(chair, 1, "adjustment", "sellable", note="找到")))()
        # opening stock imported during the month is a starting balance, not a difference found; a count whose
        # reason someone typed as "Opening stock" is still a count
        import_opening_stock(write_xlsx(tmp_path / "opening.xlsx", [["商品编码", "库区", "数量"], ["YZ", "配件库", 5]]))
        business_step(lambda: move(MoveRequest(chair, 1, "sellable", "adjustment", reference="PD2026-000009",
                                               note=OPENING_NOTE)))()
    book = recalculate(export_workbook(tmp_path / "adj.xlsx", MARCH))
    quantities = book.column("Stock adjustments", "Quantity")
    assert quantities[:3] == [-3, 1, -1]
    totals = total_row(book, "Stock adjustments")
    assert totals["Quantity"] == -3 and close(totals["Value at cost"], -3 * 37.5)
    summary = book.labelled("Summary")
    assert close(summary["Stock adjustments at cost (+ found, − missing)"], -3 * 37.5)
    stock_total = total_row(book, "Stock by zone")
    assert stock_total["Total"] == 12 and close(stock_total["Value at cost"], 12 * 37.5)


def test_the_previous_period_and_the_change_are_formulas_libreoffice_computes(small_shop, tmp_path):  # noqa: F811
    """April beside March (issue 18, part 2): LibreOffice computes the previous figures from the Trend sheet and
    the change and its % from the two, and they are analytics' own; March beside an empty February reads "new"."""
    april = analytics.Period(dt.date(2026, 4, 1), dt.date(2026, 4, 30))
    book = recalculate(export_workbook(tmp_path / "april.xlsx", april, shop_name="测试店"))
    assert all(not errors for errors in book.errors.values()), book.errors
    summary_formulas = {(r, c): f for r, c, f in book.formulas["Summary"]}
    assert any(c == 2 and "Trend" in f for (_r, c), f in summary_formulas.items())  # previous: over the Trend
    assert any(c == 4 and "ABS(" in f for (_r, c), f in summary_formulas.items())      # %: guarded, a formula
    previous, change, share, direction = (book.labelled("Summary", column) for column in (2, 3, 4, 5))
    ours = analytics.before_after(april)
    labels = {"Units returned": "units", "Refunds": "refunds", "Return shipping": "shipping",
              "Repair costs": "repairs", "Scrap write-offs": "write_offs", "Replacements at cost": "replacements",
              "Recovered by resale": "resale", "Credits from suppliers": "supplier_credits", "Net cost": "net"}
    for label, code in labels.items():
        assert close(previous[label], ours[code].previous), label
        assert close(change[label], ours[code].amount), label
        if ours[code].share is not None:
            assert close(share[label], ours[code].share), label
    assert (previous["Refunds"], change["Refunds"], share["Refunds"], direction["Refunds"]) == (2000, -2000, -1,
                                                                                                "▼ better")
    assert (previous["Units returned"], direction["Units returned"]) == (5, "▼ down (neutral)")
    assert direction["Recovered by resale"] == "= unchanged" and share["Recovered by resale"] == 0
    trend = book.rows("Trend")
    assert trend[0][:4] == ["Period", "From", "To", "Units returned"] and len(trend) == 13
    assert [row[0] for row in trend[1:]][-2:] == ["2026-03", "2026-04"]
    header = trend[0]
    assert [row[header.index("Repair costs")] for row in trend[1:]] == [0] * 10 + [95, 0]
    assert trend[-1][header.index("Net cost")] == float(analytics.cost_of_aftersales(april).net)  # formulas, computed

    march = recalculate(export_workbook(tmp_path / "march.xlsx", MARCH, shop_name="测试店"))
    assert all(not errors for errors in march.errors.values()), march.errors
    share = march.labelled("Summary", 4)
    assert share["Return shipping"] == "new" and share["Units returned"] == "new"  # 0 before: no division by zero
    assert march.labelled("Summary", 5)["Return shipping"] == "▲ worse"


def test_a_long_period_trends_by_month_and_compares_with_the_period_before(small_shop, tmp_path):  # noqa: F811
    """A quarter (or a year): the trend is its last 12 months — not 12 quarters, mostly empty — and the summary
    compares the whole quarter with the quarter before, LibreOffice computing the change."""
    spring = analytics.Period(dt.date(2026, 3, 1), dt.date(2026, 5, 31))
    assert [p.start for p in analytics.trend_periods(spring)][-3:] == [dt.date(2026, 3, 1), dt.date(2026, 4, 1),
                                                                       dt.date(2026, 5, 1)]
    assert len(analytics.trend_periods(spring)) == 12 and analytics.trend_periods(spring)[0].start == dt.date(2025, 6, 1)
    # whole calendar months, the last up to the period's end (the last 12 months of "Jan 1st to today" too)
    so_far = analytics.trend_periods(analytics.Period(dt.date(2026, 1, 1), dt.date(2026, 12, 2)))
    assert [(p.start.day, (p.end + dt.timedelta(days=1)).day) for p in so_far[:-1]] == [(1, 1)] * 11
    assert (so_far[-1].start, so_far[-1].end) == (dt.date(2026, 12, 1), dt.date(2026, 12, 2))
    assert [analytics.period_short_name(p) for p in so_far][::11] == ["2026-01", "2026-12"]
    book = recalculate(export_workbook(tmp_path / "spring.xlsx", spring, shop_name="测试店"))
    assert all(not errors for errors in book.errors.values()), book.errors
    trend = book.rows("Trend")
    header = trend[0]
    months = [row for row in trend[1:13]]
    assert [row[0] for row in months][-3:] == ["2026-03", "2026-04", "2026-05"]
    assert [row[header.index("Repair costs")] for row in months] == [0] * 9 + [95, 0, 0]
    previous_row, this_row = trend[-2], trend[-1]
    assert previous_row[0] == "Previous period: 2025-12 – 2026-02" and this_row[0] == "This period: 2026-03 – 2026-05"
    ours = analytics.before_after(spring)
    assert this_row[header.index("Net cost")] == float(analytics.cost_of_aftersales(spring).net)
    previous, change = book.labelled("Summary", 2), book.labelled("Summary", 3)
    assert close(previous["Net cost"], ours["net"].previous) and close(change["Net cost"], ours["net"].amount)
    assert close(previous["Units returned"], ours["units"].previous)
