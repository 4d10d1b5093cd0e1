"""Every figure of the analysis on a small hand-made shop whose answers are known in advance, and the
accountant's workbook re-opened."""

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from shop_aftersales import clock
from shop_aftersales.errors import DomainError
from shop_aftersales.models import AftersalesItem, Category, Customer, Product, Sale, SaleLine, Staff, Supplier
from shop_aftersales.reports import analytics
from shop_aftersales.reports.accounting import export_workbook
from shop_aftersales.services import items, repairs, resolutions
from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

MARCH = analytics.Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))


@pytest.fixture
def small_shop(shop):
    """Phones from supplier 甲 (list ¥1000, cost ¥600) and earbuds from 乙 (¥200, cost ¥100), sold in March;
    some come back in March and one in April."""
    owner = Staff.create(name="店长", role="owner")
    tech = Staff.create(name="张师傅", role="technician")
    repairs.save_technician(tech.id, "specialist", Decimal(8), "1234567", Decimal("40"), [])
    phones, buds = Category.create(name="手机"), Category.create(name="耳机")
    jia, yi = Supplier.create(name="甲"), Supplier.create(name="乙")
    phone = Product.create(sku="P1", name="手机", category=phones, supplier=jia, list_price=Decimal(1000),
                           cost=Decimal(600))
    bud = Product.create(sku="E1", name="耳机", category=buds, supplier=yi, list_price=Decimal(200),
                         cost=Decimal(100))
    customer = Customer.create(name="=1+1", phone="138")  # a hostile name: must stay text in the workbook
    sale = Sale.create(receipt_no="XS-3", sold_at=dt.datetime(2026, 3, 2, 10), customer=customer)
    phone_line = SaleLine.create(sale=sale, line_no=1, product=phone, quantity=8, unit_price=Decimal(1000),
                                 supplier=jia, batch="B1")
    bud_a = SaleLine.create(sale=sale, line_no=2, product=bud, quantity=10, unit_price=Decimal(200), supplier=yi,
                            batch="E-A")
    bud_b = SaleLine.create(sale=sale, line_no=3, product=bud, quantity=10, unit_price=Decimal(200), supplier=yi,
                            batch="E-B")

    def back(line, qty, reason, when, shipping=0):
        with clock.frozen(when):
            return register_return(ReturnRequest(
                lines=[ReturnLine(line.product_id, qty, reason, "used", "refund", sale_line_id=line.id)],
                sale_id=sale.id, shipping_cost=Decimal(shipping), override_reason="ok"), staff=owner).ids[0]

    phone_item = back(phone_line, 2, "quality", dt.datetime(2026, 3, 5, 10), shipping=20)
    bud_items = [back(bud_a, 2, "quality", dt.datetime(2026, 3, 6, 10)),
                 back(bud_a, 1, "changed_mind", dt.datetime(2026, 3, 7, 10))]
    back(bud_b, 1, "quality", dt.datetime(2026, 4, 2, 10))
    with clock.frozen(dt.datetime(2026, 3, 8, 10)):
        resolutions.refund(phone_item, Decimal(2000), "cash", owner)            # ¥2000 refunded in March
        resolutions.scrap(phone_item, "碎屏", owner, owner, Decimal(1200))        # ¥1200 written off
        items.inspect(bud_items[0], "可修", "repairable", owner)
        repair = AftersalesItem.get_by_id(bud_items[0]).repairs.get()
        repairs.start_repair(repair.id, tech)
        repairs.log_hours(repair.id, Decimal(2), staff=tech)                    # 2 h × ¥40 = ¥80
        part = Product.get_by_id(repairs.save_part("PJ", "电池").ids[0])
        repairs.receive_parts(part.id, 5, Decimal(15))
        repairs.use_part(repair.id, part.id, 1)                                 # ¥15
    with clock.frozen(dt.datetime(2026, 3, 10, 10)):
        repairs.finish_repair(repair.id, True, "好了", tech)
    return {"phone": phone, "bud": bud, "jia": jia, "yi": yi, "phones": phones}


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(DomainError, match="starts \\(2026-03-31\\) after it ends"):
        analytics.Period(dt.date(2026, 3, 31), dt.date(2026, 3, 1))


def test_counts_and_reasons(small_shop):
    assert [(c.key, c.units) for c in analytics.counts(MARCH)] == [("2026-03", 5)]
    reasons = analytics.reasons(MARCH)
    assert [(r.reason, r.units) for r in reasons] == [("quality", 4), ("changed_mind", 1)]
    assert (reasons[0].share, reasons[-1].cumulative) == (0.8, 1.0)
    only_buds = analytics.Period(MARCH.start, MARCH.end, category_id=small_shop["bud"].category_id)
    assert [(r.reason, r.units) for r in analytics.reasons(only_buds)] == [("quality", 2), ("changed_mind", 1)]
    assert analytics.items_in(MARCH, "2026-03") == [i.id for i in AftersalesItem.select()
                                                    .where(AftersalesItem.created_at < dt.datetime(2026, 4, 1))
                                                    .order_by(AftersalesItem.id)]


def test_return_rates_worst_first(small_shop):
    by_supplier = analytics.return_rates(MARCH, "supplier")
    # 甲: 2 of 8 phones = 25 %; 乙: 4 of 20 earbuds (one came back in April, it was sold in March) = 20 %
    assert [(r.key, r.sold, r.returned) for r in by_supplier] == [("甲", 8, 2), ("乙", 20, 4)]
    assert by_supplier[0].rate == 0.25
    by_batch = analytics.return_rates(MARCH, "batch")
    assert [(r.key, r.returned) for r in by_batch][:2] == [("E1 / E-A", 3), ("P1 / B1", 2)]


def test_repair_costs(small_shop):
    rows = analytics.repair_costs(MARCH, "technician")
    assert [(r.key, r.labour, r.parts, r.outside, r.total) for r in rows] == [
        ("张师傅", Decimal("80.00"), Decimal("15.00"), Decimal("0.00"), Decimal("95.00"))]
    assert [r.key for r in analytics.repair_costs(MARCH, "category")] == ["耳机"]
    assert analytics.repair_costs(analytics.Period(dt.date(2026, 4, 1), dt.date(2026, 4, 30))) == []


def test_cost_of_aftersales(small_shop):
    cost = analytics.cost_of_aftersales(MARCH)
    assert (cost.refunds, cost.shipping, cost.repairs, cost.write_offs, cost.resale) == (
        Decimal("2000.00"), Decimal("20.00"), Decimal("95.00"), Decimal("1200.00"), Decimal("0.00"))
    assert cost.net == Decimal("3315.00")
    phones_only = analytics.cost_of_aftersales(
        analytics.Period(MARCH.start, MARCH.end, category_id=small_shop["phones"].id))
    assert (phones_only.refunds, phones_only.shipping, phones_only.repairs) == (
        Decimal("2000.00"), Decimal("20.00"), Decimal("0.00"))


def test_processing_times_and_ageing(small_shop):
    times = analytics.processing_times(MARCH)
    assert times.settled == 1 and times.average_days == pytest.approx(3.0)  # the phone: 5 → 8 March
    assert times.within_promise == 1.0
    states = {s: (n, d) for s, n, d in times.by_state}
    assert states["repairable"][1] == pytest.approx(0.0)  # repaired the day it became repairable
    assert states["in_repair"][1] == pytest.approx(2.0)   # 8 → 10 March
    ageing = {a.zone: a for a in analytics.ageing(analytics.Period(dt.date(2026, 4, 1), dt.date(2026, 4, 30)))}
    assert ageing["inspection"].buckets == (0, 1, 1, 0)  # on 1 May: the April unit (29 days), a March one (55)
    assert ageing["qc"].buckets[2] == 2  # the two repaired earbuds (one item) wait for the check since 10 March


def test_spikes_against_the_trailing_months(shop):
    owner = Staff.create(name="店长", role="owner")
    product = Product.create(sku="X", name="X", list_price=Decimal(10))
    pattern = {1: 1, 2: 2, 3: 1, 4: 2, 5: 1, 6: 2, 7: 9}  # months of 2026 → units
    for month, units in pattern.items():
        for n in range(units):
            with clock.frozen(dt.datetime(2026, month, 3 + n, 12)):
                register_return(ReturnRequest(lines=[ReturnLine(product.id, 1, "quality", "used", "refund")],
                                              customer_name="顾客", override_reason="ok"), staff=owner)
    result = analytics.counts(analytics.Period(dt.date(2026, 7, 1), dt.date(2026, 7, 31)))
    assert [(c.key, c.units, c.spike) for c in result] == [("2026-07", 9, True)]
    assert result[0].mean == pytest.approx(1.5)
    calm = analytics.counts(analytics.Period(dt.date(2026, 6, 1), dt.date(2026, 6, 30)))
    assert [(c.key, c.spike) for c in calm] == [("2026-06", False)]


def test_the_workbook(small_shop, tmp_path):
    """The structure as written (the figures, recalculated by LibreOffice, are in test_workbook_office.py)."""
    path = export_workbook(tmp_path / "march.xlsx", MARCH, shop_name="测试店")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Summary", "Charts", "Trend", "Notes", "Returns", "Items", "Refunds", "Repairs", "Labour", "Parts used",
                             "Exchanges", "Resale", "Scrap", "Supplier returns", "Shipments to customers", "Supplier scorecard", "Stock by zone", "Stock adjustments"]
    assert wb.properties.title == "测试店 After-sales report 2026-03-01 to 2026-03-31"
    summary = wb["Summary"]
    cells = {row[0].value: row[1] for row in summary.iter_rows() if row and row[0].value}
    assert cells["Net cost"].data_type == "f" and cells["Net cost"].value.startswith("=SUM(")
    assert cells["Refunds"].data_type == "f" and cells["Refunds"].value == "='Refunds'!E3"
    assert cells["Recovered by resale"].value.startswith("=-'Resale'!")
    assert len(wb["Charts"]._charts) == 3
    returns = wb["Returns"]
    assert returns.freeze_panes == "A2" and returns.auto_filter.ref == "A1:G4"
    customer = returns["C2"]
    assert customer.value == "=1+1" and customer.data_type == "s"  # text, never a formula
    assert isinstance(returns["B2"].value, dt.datetime) and returns["B2"].number_format == "yyyy-mm-dd hh:mm"
    assert returns["G2"].number_format == '"¥"#,##0.00' and returns["G2"].style == "sa_money"
    assert returns["F5"].value == "=SUM(F2:F4)" and returns["F5"].data_type == "f"  # totals are formulas
    assert returns.column_dimensions["G"].width >= 16  # room for the total, not only for the rows
    setup = returns.page_setup
    assert (setup.paperSize, setup.fitToWidth, setup.fitToHeight) in (("9", 1, 0), (9, 1, 0))
    assert returns.sheet_properties.pageSetUpPr.fitToPage and returns.print_title_rows == "$1:$1"
    assert "Page &P of &N" in returns.oddFooter.center.text and returns.oddHeader.left.text == "测试店"
    repairs_sheet = wb["Repairs"]
    assert repairs_sheet.page_setup.orientation == "landscape"
    header = [c.value for c in repairs_sheet[1]]
    row = [c.value for c in repairs_sheet[2]]
    assert row[header.index("Labour")] == 80 and row[header.index("Total")] == "=I2+J2+K2"


def test_an_empty_period_says_so(small_shop, tmp_path):
    empty = analytics.Period(dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    wb = load_workbook(export_workbook(tmp_path / "empty.xlsx", empty))
    texts = [r[0] for r in wb["Summary"].iter_rows(values_only=True) if r and r[0]]
    assert "No after-sales in this period." in texts
    assert [c.value for c in wb["Returns"][2]][:1] == ["Total"] and wb["Returns"].max_row == 2  # header, zero total


def test_an_unwritable_path_leaves_nothing(small_shop, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(DomainError, match="does not exist"):
        export_workbook(out / "missing" / "x.xlsx", MARCH)
    target = out / "dir.xlsx"
    target.mkdir()  # a folder where the file should go
    with pytest.raises(DomainError, match="could not be written"):
        export_workbook(target, MARCH)
    assert sorted(p.name for p in out.iterdir()) == ["dir.xlsx"]


def test_a_week_across_new_year_keeps_all_its_returns(shop):
    """The week of Monday 2026-12-28 runs into 2027: six returns on both sides of New Year are one week's six
    (SQLite's %W called 1-3 January "2027-W00" while Python named the week after its Monday in December)."""
    owner = Staff.create(name="店长", role="owner")
    bud = Product.create(sku="E1", name="耳机", list_price=Decimal(200))
    sale = Sale.create(receipt_no="XS-12", sold_at=dt.datetime(2026, 12, 20, 10))
    line = SaleLine.create(sale=sale, line_no=1, product=bud, quantity=10, unit_price=Decimal(200))
    days = [dt.datetime(2026, 12, 28, 10), dt.datetime(2026, 12, 30, 11), dt.datetime(2026, 12, 31, 23, 30),
            dt.datetime(2027, 1, 1, 0, 10), dt.datetime(2027, 1, 2, 15), dt.datetime(2027, 1, 3, 20)]
    for when in days + [dt.datetime(2027, 1, 4, 9)]:  # and one on the Monday after
        with clock.frozen(when):
            register_return(ReturnRequest(lines=[ReturnLine(bud.id, 1, "quality", "used", "refund",
                                                            sale_line_id=line.id)],
                                          sale_id=sale.id, override_reason="ok"), staff=owner)
    period = analytics.Period(dt.date(2026, 12, 28), dt.date(2027, 1, 10))
    weeks = {c.key: c.units for c in analytics.counts(period, "week")}
    assert weeks == {"2026-12-28": 6, "2027-01-04": 1}
    assert len(analytics.items_in(period, "2026-12-28", "week")) == 6
    # by month the same returns split where the calendar does
    months = {c.key: c.units for c in analytics.counts(period, "month")}
    assert (months["2026-12"], months["2027-01"]) == (3, 4)


def test_every_month_of_the_period_is_on_the_repair_cost_axis(small_shop):
    """A month without repairs is a 0 on the chart and in its table, not a month left out (issue 17)."""
    quarter = analytics.Period(dt.date(2026, 2, 1), dt.date(2026, 4, 30))
    rows = analytics.repair_costs(quarter, "month")
    assert [r.key for r in rows] == ["2026-02", "2026-03", "2026-04"]
    assert [r.total for r in rows] == [Decimal("0.00"), Decimal("95.00"), Decimal("0.00")]
    exact: list = []
    analytics.repair_costs(quarter, "month", exact_total=exact)
    assert exact == [Decimal("95.00")]  # the filled months add nothing


def test_the_charts_of_the_workbook_name_their_series_and_show_every_month(small_shop, tmp_path):
    """The Charts sheet's series are named by the real column headers of the table behind them (never "Series1"
    or "Key"), and the month table behind the trend has every month of the period."""
    quarter = analytics.Period(dt.date(2026, 2, 1), dt.date(2026, 4, 30))
    wb = load_workbook(export_workbook(tmp_path / "q.xlsx", quarter, shop_name="测试店"))
    summary = wb["Summary"]

    def cell(ref: str):
        sheet, address = ref.split("!")
        return wb[sheet.strip("'")][address.replace("$", "")].value

    names = []
    for chart in wb["Charts"]._charts:
        names.append([cell(series.tx.strRef.f) for series in chart.series])
        assert chart.x_axis.delete is False and chart.y_axis.delete is False
    # the last: the trend of the last 12 periods, from the Trend sheet
    assert names == [["Amount"], ["Units returned"], ["Repair costs", "Return shipping", "Refunds"]]
    month_rows = [(r[0], r[1]) for r in summary.iter_rows(values_only=True)
                  if isinstance(r[0], str) and len(r[0]) == 7 and r[0][4] == "-"]
    assert month_rows == [("2026-02", 0), ("2026-03", 5), ("2026-04", 1)]
    assert "Key" not in [c for row in wb["Charts"].iter_rows(values_only=True) for c in row]
