"""The supplier scorecard (issue 18, part 3) on a hand-made shop whose answers are known in advance: every figure,
the workbook sheet re-opened and recalculated by LibreOffice, the printout read back, the page sorted by clicks."""

import datetime as dt
from decimal import Decimal

import pytest
from helpers import TEST_NOW, flat, pdf_text
from office import needs_libreoffice, recalculate
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from shop_aftersales import clock
from shop_aftersales.models import (
    AftersalesItem,
    Category,
    Product,
    Sale,
    SaleLine,
    Staff,
    Supplier,
)
from shop_aftersales.reports import analytics
from shop_aftersales.reports import scorecard as sc
from shop_aftersales.reports.workbook import BookInfo, add_styles
from shop_aftersales.services import items, repairs, resolutions
from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

MARCH = analytics.Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
LISTED = TEST_NOW - dt.timedelta(days=10)  # the open supplier return: listed 10 days before "now"


@pytest.fixture
def two_suppliers(shop):
    """甲 sells phones (cost ¥600), 乙 earbuds (cost ¥100); 丙 sells nothing. Sold on 2 March: 8 phones, 25 earbuds
    (batches E-A 10, E-B 15); one phone sold in February.

    甲: 2 phones back for a quality fault (refunded, scrapped: ¥1200 written off); the February phone back in March
    (not of the units sold in March) and listed for the supplier 10 days before now: open, 10 days old.
    乙: 2 earbuds quality (repaired: 2 h × ¥40 + a ¥15 part + ¥25 outside fees = ¥120), 1 changed mind, 1 not as
    described (sent back to 乙 with a ¥90 credit), and in April 1 damaged in transit (sold in March: it counts)."""
    owner = Staff.create(name="店长", role="owner")
    tech = Staff.create(name="张师傅", role="technician")
    repairs.save_technician(tech.id, "specialist", Decimal(8), "1234567", Decimal(40), [])
    jia, yi = Supplier.create(name="甲"), Supplier.create(name="乙")
    Supplier.create(name="丙")
    phone = Product.create(sku="P1", name="手机", category=Category.create(name="手机"), supplier=jia,
                           list_price=Decimal(1000), cost=Decimal(600))
    bud = Product.create(sku="E1", name="耳机", category=Category.create(name="耳机"), supplier=yi,
                         list_price=Decimal(200), cost=Decimal(100))
    february = Sale.create(receipt_no="XS-2", sold_at=dt.datetime(2026, 2, 20, 10))
    old_phone = SaleLine.create(sale=february, line_no=1, product=phone, quantity=1, unit_price=Decimal(1000),
                                supplier=jia, batch="B0")
    sale = Sale.create(receipt_no="XS-3", sold_at=dt.datetime(2026, 3, 2, 10))
    phones = SaleLine.create(sale=sale, line_no=1, product=phone, quantity=8, unit_price=Decimal(1000), supplier=jia,
                             batch="B1")
    bud_a = SaleLine.create(sale=sale, line_no=2, product=bud, quantity=10, unit_price=Decimal(200), supplier=yi,
                            batch="E-A")
    bud_b = SaleLine.create(sale=sale, line_no=3, product=bud, quantity=15, unit_price=Decimal(200), supplier=yi,
                            batch="E-B")

    def back(line, qty, reason, when):
        with clock.frozen(when):
            return register_return(ReturnRequest(
                lines=[ReturnLine(line.product_id, qty, reason, "used", "refund", sale_line_id=line.id)],
                sale_id=line.sale_id, override_reason="ok"), staff=owner).ids[0]

    broken_phones = back(phones, 2, "quality", dt.datetime(2026, 3, 5, 10))
    repaired = back(bud_a, 2, "quality", dt.datetime(2026, 3, 6, 10))
    back(bud_a, 1, "changed_mind", dt.datetime(2026, 3, 7, 10))
    credited = back(bud_b, 1, "not_as_described", dt.datetime(2026, 3, 9, 10))
    waiting = back(old_phone, 1, "wrong_item", dt.datetime(2026, 3, 15, 10))
    back(bud_b, 1, "transit_damage", dt.datetime(2026, 4, 2, 10))
    with clock.frozen(dt.datetime(2026, 3, 8, 10)):
        resolutions.refund(broken_phones, Decimal(2000), "cash", owner)
        resolutions.scrap(broken_phones, "碎屏", owner, owner, Decimal(1200))
        items.inspect(repaired, "可修", "repairable", owner)
        repair = AftersalesItem.get_by_id(repaired).repairs.get()
        repairs.update_repair(repair.id, "耳机不响", "simple", Decimal(2), dt.date(2026, 3, 15), 2,
                              outside_fees=Decimal(25))
        repairs.start_repair(repair.id, tech)
        repairs.log_hours(repair.id, Decimal(2), staff=tech)
        part = Product.get_by_id(repairs.save_part("PJ", "电池").ids[0])
        repairs.receive_parts(part.id, 5, Decimal(15))
        repairs.use_part(repair.id, part.id, 1)
    with clock.frozen(dt.datetime(2026, 3, 10, 10)):
        repairs.finish_repair(repair.id, True, "好了", tech)
        items.inspect(credited, "与描述不符", "supplier_return", owner)
    with clock.frozen(dt.datetime(2026, 3, 12, 10)):
        resolutions.ship_to_supplier(credited, Decimal(90), "RMA-1", owner)
    with clock.frozen(LISTED):
        items.inspect(waiting, "发错货，退供应商", "supplier_return", owner)
    return {"jia": jia, "yi": yi, "phone": phone, "bud": bud}


def test_every_figure_of_the_scorecard(two_suppliers):
    card = sc.scorecard(MARCH)
    assert card.as_of == TEST_NOW.date()
    jia, yi = card.suppliers  # 丙 sold nothing and had nothing back: not listed; the worst return rate first
    assert (jia.name, jia.sold, jia.returned, jia.rate) == ("甲", 8, 2, 0.25)
    assert jia.reasons == (("quality", 2),)  # the February phone is not of the units sold in March
    assert (jia.repair_cost, jia.write_offs, jia.credits) == (Decimal("0.00"), Decimal("1200.00"), Decimal("0.00"))
    assert (jia.open_returns, jia.oldest_open_days) == (1, 10)
    assert (yi.name, yi.sold, yi.returned, yi.rate) == ("乙", 25, 5, 0.2)  # the April return counts
    assert yi.reasons == (("quality", 2), ("changed_mind", 1), ("not_as_described", 1))  # the top 3 of 4
    assert (yi.repair_cost, yi.write_offs, yi.credits) == (Decimal("120.00"), Decimal("0.00"), Decimal("90.00"))
    assert (yi.open_returns, yi.oldest_open_days) == (0, None)
    assert (card.sold, card.returned, card.open_returns, card.oldest_open_days) == (33, 7, 1, 10)
    assert sc.reasons_text(yi) == "Quality fault 2, Changed mind 1, Not as described 1"
    # the same basis as the Reports tab: the return rates, the repair cost, the cost of after-sales
    assert [(r.key, r.sold, r.returned) for r in analytics.return_rates(MARCH, "supplier")] == [
        (s.name, s.sold, s.returned) for s in card.suppliers]
    cost = analytics.cost_of_aftersales(MARCH)
    assert (card.repair_cost, card.write_offs, card.credits) == (cost.repairs, cost.write_offs, cost.supplier_credits)
    assert card.repair_cost == sum(r.total for r in analytics.repair_costs(MARCH, "category"))


def test_the_period_and_the_filters_narrow_it(two_suppliers):
    april = sc.scorecard(analytics.Period(dt.date(2026, 4, 1), dt.date(2026, 4, 30)))
    # nothing sold, repaired, scrapped or credited in April: only the supplier return still open today
    assert [(s.name, s.sold, s.returned, s.repair_cost, s.open_returns, s.oldest_open_days)
            for s in april.suppliers] == [("甲", 0, 0, Decimal("0.00"), 1, 10)]
    only_yi = sc.scorecard(analytics.Period(MARCH.start, MARCH.end, supplier_id=two_suppliers["yi"].id))
    assert [(s.name, s.returned, s.repair_cost, s.credits) for s in only_yi.suppliers] == [
        ("乙", 5, Decimal("120.00"), Decimal("90.00"))]
    phones = sc.scorecard(analytics.Period(MARCH.start, MARCH.end, category_id=two_suppliers["phone"].category_id))
    assert [s.name for s in phones.suppliers] == ["甲"]


def test_an_empty_shop_has_an_empty_scorecard(shop):
    card = sc.scorecard(MARCH)
    assert card.suppliers == [] and card.rate == 0.0 and card.oldest_open_days is None


def _sheet(period, tmp_path, name="card.xlsx"):
    wb = Workbook(write_only=True)
    add_styles(wb)
    sheet = sc.write_scorecard_sheet(wb, period, info=BookInfo("测试店", "2026-03-01 to 2026-03-31"))
    wb.save(tmp_path / name)
    return sheet, tmp_path / name


def test_the_sheet_as_written(two_suppliers, tmp_path):
    sheet, path = _sheet(MARCH, tmp_path)
    assert sheet.title == "Supplier scorecard" and sheet.total_row == 5  # caption, header, 2 suppliers, total
    ws = load_workbook(path)["Supplier scorecard"]
    assert ws["A1"].value == "Supplier scorecard 2026-03-01 to 2026-03-31; open supplier returns as of 2026-06-17"
    assert [c.value for c in ws[2]] == ["Supplier", "Units sold", "Units returned", "Return rate", "Main reasons",
                                        "Repair cost", "Scrap write-offs", "Credits received",
                                        "Open supplier returns", "Oldest open (days)"]
    assert [c.value for c in ws[3]] == ["甲", 8, 2, "=IF(B3=0,0,C3/B3)", "Quality fault 2", 0, 1200, 0, 1, 10]
    assert [c.value for c in ws[4]][:5] == ["乙", 25, 5, "=IF(B4=0,0,C4/B4)",
                                           "Quality fault 2, Changed mind 1, Not as described 1"]
    assert ws["F4"].value == 120 and ws["H4"].value == 90 and ws["J4"].value is None
    total = [c.value for c in ws[5]]
    assert total == ["Total", "=SUM(B3:B4)", "=SUM(C3:C4)", "=IF(B5=0,0,C5/B5)", None, "=SUM(F3:F4)",
                     "=SUM(G3:G4)", "=SUM(H3:H4)", "=SUM(I3:I4)", "=MAX(J3:J4)"]
    assert all(ws.cell(5, c).data_type == "f" for c in (2, 3, 4, 6, 7, 8, 9, 10))
    assert ws["D3"].number_format == "0.0%" and ws["D5"].number_format == "0.0%"
    assert ws["F3"].style == "sa_money" and ws["F5"].style == "sa_total_money"
    assert ws.freeze_panes == "A3" and ws.auto_filter.ref == "A2:J4" and ws.print_title_rows == "$1:$2"
    assert ws.page_setup.orientation == "landscape" and ws.oddHeader.left.text == "测试店"


def test_an_empty_period_writes_a_zero_total(shop, tmp_path):
    _sheet_written, path = _sheet(MARCH, tmp_path)
    ws = load_workbook(path)["Supplier scorecard"]
    assert ws.max_row == 3 and ws["A3"].value == "Total" and ws["B3"].value == 0 and ws["J3"].value == 0


def test_the_scorecard_workbook_and_its_refusals(two_suppliers, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    path = sc.export_scorecard(tmp_path / "card.xlsx", MARCH, shop_name="测试店")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Supplier scorecard"] and wb.properties.title.startswith("测试店 Supplier scorecard")
    from shop_aftersales.errors import DomainError

    with pytest.raises(DomainError, match="does not exist"):
        sc.export_scorecard(tmp_path / "missing" / "x.xlsx", MARCH)
    (tmp_path / "dir.xlsx").mkdir()
    with pytest.raises(DomainError, match="could not be written"):
        sc.export_scorecard(tmp_path / "dir.xlsx", MARCH)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["card.xlsx", "dir.xlsx"]  # no half-written file


@needs_libreoffice
def test_the_sheet_recalculated_by_libreoffice(two_suppliers, tmp_path):
    path = sc.export_scorecard(tmp_path / "card.xlsx", MARCH, shop_name="测试店")
    book = recalculate(path, pdf=tmp_path / "card.pdf")
    assert all(not errors for errors in book.errors.values()), book.errors
    rows = book.rows("Supplier scorecard")
    header = rows[1]
    by_name = {row[0]: dict(zip(header, row)) for row in rows[2:]}
    jia, yi, total = by_name["甲"], by_name["乙"], by_name["Total"]
    assert jia["Return rate"] == pytest.approx(0.25) and yi["Return rate"] == pytest.approx(0.2)
    assert (jia["Scrap write-offs"], jia["Open supplier returns"], jia["Oldest open (days)"]) == (1200, 1, 10)
    assert (yi["Repair cost"], yi["Credits received"]) == (120, 90)
    assert (total["Units sold"], total["Units returned"], total["Repair cost"], total["Scrap write-offs"],
            total["Credits received"], total["Open supplier returns"], total["Oldest open (days)"]) == (
        33, 7, 120, 1200, 90, 1, 10)
    assert total["Return rate"] == pytest.approx(7 / 33)
    formulas = {(r, c) for r, c, _f in book.formulas["Supplier scorecard"]}
    assert {(4, c) for c in (1, 2, 3, 5, 6, 7, 8, 9)} <= formulas  # the total row is formulas, not numbers
    printed = pdf_text(tmp_path / "card.pdf")
    assert "###" not in printed and flat("Supplier scorecard") in printed


def test_the_printout_names_the_supplier_and_its_figures(two_suppliers, qapp, tmp_path):
    from shop_aftersales.printing.scorecard import ALL, scorecard_pdf

    card = sc.scorecard(MARCH)
    one = pdf_text(scorecard_pdf(tmp_path / "jia.pdf", card, two_suppliers["jia"].id))
    for text in ("Supplier scorecard: 甲", "2026-03-01 to 2026-03-31", "Units sold8", "25.0%",
                 "Return rate of all suppliers21.2%", "¥1,200.00", "Open supplier returns (units)1",
                 "Oldest open return (days waiting)10", "Quality fault2", "Page 1 of 1"):
        assert flat(text) in one, text
    assert "乙" not in one
    everyone = pdf_text(scorecard_pdf(tmp_path / "all.pdf", card, ALL))
    for text in ("甲8225.0%", "乙255", "20.0%", "Quality fault 2, Changed mind 1, Not as described 1", "¥120.00",
                 "¥90.00", "Total337", "21.2%", "¥1,200.00"):
        assert flat(text) in everyone, text


@pytest.fixture
def page(shop, two_suppliers, qtbot):
    from shop_aftersales.ui.context import AppContext
    from shop_aftersales.ui.scorecard_page import ScorecardPage

    context = AppContext(shop)
    widget = ScorecardPage(context)
    qtbot.addWidget(widget)
    widget.resize(1240, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_period(MARCH)
    yield widget
    context.ops.shutdown()


def _click_title(qtbot, view, column):
    """A click on a column's title, as the user makes it (apart from the last: never taken for a double click)."""
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    header = view.horizontalHeader()
    point = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _names(page):
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def test_the_page_sorts_by_return_rate_with_header_clicks(page, qtbot):
    assert _names(page) == ["甲", "乙"]  # worst return rate first
    assert page.model.index(0, sc.RATE).data() == "25.0%"
    assert page.model.index(0, sc.RATE).data(Qt.ItemDataRole.UserRole) == 0.25  # sorted as a number
    _click_title(qtbot, page.table, sc.SOLD)  # a number column: 8 before 25 ascending (as text "25" < "8")
    assert _names(page) == ["甲", "乙"]
    _click_title(qtbot, page.table, sc.SOLD)
    assert _names(page) == ["乙", "甲"]
    _click_title(qtbot, page.table, sc.RATE)
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == sc.RATE
    first = _names(page)
    _click_title(qtbot, page.table, sc.RATE)
    assert _names(page) == list(reversed(first))
    ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert _names(page) == (["乙", "甲"] if ascending else ["甲", "乙"])
    assert not page.table.horizontalScrollBar().isVisible()


def test_the_page_prints_one_supplier_or_all_and_exports(page, qtbot, tmp_path):
    assert page.print_button.isEnabled()
    page.scope.setCurrentIndex(page.scope.findData("selected"))
    assert not page.print_button.isEnabled() and "Select a supplier" in page.print_button.toolTip()
    page.table.selectRow(1)
    assert page.print_button.isEnabled()
    dialog = page.preview_scorecard()  # no printer while testing: the preview
    assert dialog.windowTitle() == "Supplier scorecard: 乙"
    dialog.close()
    page.export_to(tmp_path / "card.xlsx")
    qtbot.waitUntil(lambda: not page.context.ops.busy and (tmp_path / "card.xlsx").exists(), timeout=20_000)
    assert load_workbook(tmp_path / "card.xlsx").sheetnames == ["Supplier scorecard"]


def test_the_printout_is_in_the_shops_document_language(two_suppliers, qapp, tmp_path):
    from shop_aftersales import translations
    from shop_aftersales.printing.scorecard import ALL, scorecard_pdf
    from shop_aftersales.services import settings as shop_settings

    translations.install("en")  # the screens speak English…
    try:
        shop_settings.adopt_document_language("zh_CN")  # …the shop's documents are Chinese
        text = pdf_text(scorecard_pdf(tmp_path / "zh.pdf", sc.scorecard(MARCH), ALL))
    finally:
        translations.uninstall()
    assert "合计" in text and "质量问题" in text and "Total" not in text  # the total row and the reasons
