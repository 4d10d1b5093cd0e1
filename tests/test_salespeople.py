"""Who sold what came back (issue 18, part 1): return rates and reasons per salesperson, and what a spike is made
of, on a small hand-made shop whose answers are known; and the page and the spike dialog that show them."""

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest

from shop_aftersales import clock
from shop_aftersales.models import Category, Product, Sale, SaleLine, Staff, Supplier
from shop_aftersales.reports import analytics
from shop_aftersales.reports.salespeople import (reasons_by_salesperson, return_rate_by_salesperson,
                                                 spike_breakdown)
from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

MARCH = analytics.Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
APRIL = analytics.Period(dt.date(2026, 4, 1), dt.date(2026, 4, 30))
MAY = analytics.Period(dt.date(2026, 5, 1), dt.date(2026, 5, 31))


@pytest.fixture
def sellers_shop(shop):
    """Sold in March (49 units), by salesperson:

    ==========  =========================================  ====  ==========================================
    receipt     lines (product / batch × units)             sold  came back (units, reason, when)
    ==========  =========================================  ====  ==========================================
    L1 李娜     E1 / E-A × 10, P1 / B1 × 10                  20   E-A 3 quality (April), P1 1 changed mind (March)
    W1 王丽     E1 / E-A × 10, E1 / E-B × 10                 20   E-A 3 quality (April); May: E-A 2 quality,
                                                                  E-B 2 changed mind
    Z1 赵强     P1 / B1 × 4                                   4   P1 2 quality (March)
    N1 —        E1 / E-B × 5 (no salesperson recorded)        5   E-B 1 quality (March)
    ==========  =========================================  ====  ==========================================

    14 of 49 came back: the shop's rate is 28.6 %. April's returns are one batch (E-A) sold by both 李娜 and
    王丽: a batch. May's are 王丽's, from two batches: a person."""
    owner = Staff.create(name="店长", role="owner")
    li, wang, zhao = (Staff.create(name=n, role="sales") for n in ("李娜", "王丽", "赵强"))
    phones, buds = Category.create(name="手机"), Category.create(name="耳机")
    jia, yi = Supplier.create(name="甲"), Supplier.create(name="乙")
    phone = Product.create(sku="P1", name="手机", category=phones, supplier=jia, list_price=Decimal(1000))
    bud = Product.create(sku="E1", name="耳机", category=buds, supplier=yi, list_price=Decimal(200))
    lines = {}

    def sale(receipt, seller, *sold):
        s = Sale.create(receipt_no=receipt, sold_at=dt.datetime(2026, 3, 2, 10), staff=seller)
        for n, (product, batch, qty) in enumerate(sold, start=1):
            lines[(receipt, batch)] = SaleLine.create(sale=s, line_no=n, product=product, quantity=qty,
                                                      unit_price=product.list_price, batch=batch)

    sale("L1", li, (bud, "E-A", 10), (phone, "B1", 10))
    sale("W1", wang, (bud, "E-A", 10), (bud, "E-B", 10))
    sale("Z1", zhao, (phone, "B1", 4))
    sale("N1", None, (bud, "E-B", 5))

    def back(receipt, batch, qty, reason, when):
        line = lines[(receipt, batch)]
        with clock.frozen(when):
            return register_return(ReturnRequest(
                lines=[ReturnLine(line.product_id, qty, reason, "used", "refund", sale_line_id=line.id)],
                sale_id=line.sale_id, override_reason="ok"), staff=owner).ids

    back("L1", "B1", 1, "changed_mind", dt.datetime(2026, 3, 20, 10))
    back("Z1", "B1", 2, "quality", dt.datetime(2026, 3, 22, 10))
    back("N1", "E-B", 1, "quality", dt.datetime(2026, 3, 25, 10))
    april = back("L1", "E-A", 3, "quality", dt.datetime(2026, 4, 6, 10)) + back(
        "W1", "E-A", 3, "quality", dt.datetime(2026, 4, 7, 10))
    may = back("W1", "E-A", 2, "quality", dt.datetime(2026, 5, 4, 10)) + back(
        "W1", "E-B", 2, "changed_mind", dt.datetime(2026, 5, 5, 10))
    return {"li": li, "wang": wang, "zhao": zhao, "phones": phones, "april": april, "may": may}


def test_return_rate_by_salesperson_worst_first_flagging_only_enough_volume(sellers_shop):
    rates = return_rate_by_salesperson(MARCH, min_sold=10)
    assert (rates.sold, rates.returned) == (49, 14)
    assert rates.rate == pytest.approx(14 / 49)
    assert [(r.name, r.sold, r.returned, r.enough, r.flagged) for r in rates.rows] == [
        ("赵强", 4, 2, False, False),   # 50 %, the worst, but 4 units are too few to flag
        ("王丽", 20, 7, True, True),    # 35 %: above the shop's 28.6 %
        ("李娜", 20, 4, True, False),   # 20 %
        ("", 5, 1, False, False),       # the sales without a salesperson: one line, last, never flagged
    ]
    assert rates.rows[1].rate == 0.35 and rates.rows[-1].staff_id is None
    # a higher minimum: nobody has the volume, nobody is flagged, everybody is still listed
    assert [r.flagged for r in return_rate_by_salesperson(MARCH, min_sold=21).rows] == [False] * 4
    # the period's filters narrow it: phones only
    phones = analytics.Period(MARCH.start, MARCH.end, category_id=sellers_shop["phones"].id)
    assert [(r.name, r.sold, r.returned) for r in return_rate_by_salesperson(phones, 1).rows] == [
        ("赵强", 4, 2), ("李娜", 10, 1)]
    # nothing sold in April
    assert return_rate_by_salesperson(APRIL).rows == []


def test_reasons_by_salesperson(sellers_shop):
    reasons = [(r.name, r.reason, r.units) for r in reasons_by_salesperson(MARCH)]
    assert reasons == [("王丽", "quality", 5), ("王丽", "changed_mind", 2),
                       ("李娜", "quality", 3), ("李娜", "changed_mind", 1),
                       ("赵强", "quality", 2),
                       ("", "quality", 1)]


def test_a_spike_of_one_batch_sold_by_both_is_the_batch(sellers_shop):
    ids = analytics.items_in(APRIL, "2026-04")
    assert sorted(ids) == sorted(sellers_shop["april"])
    breakdown = spike_breakdown(ids)
    assert breakdown.units == 6
    assert [(s.key, s.units, s.share) for s in breakdown.by_salesperson] == [("李娜", 3, 0.5), ("王丽", 3, 0.5)]
    assert [(s.key, s.units, s.share) for s in breakdown.by_batch] == [("E1 / E-A", 6, 1.0)]
    assert breakdown.points_to == "batch"
    assert spike_breakdown(APRIL) == breakdown  # the same, from the period


def test_a_spike_of_one_salesperson_across_batches_is_the_person(sellers_shop):
    breakdown = spike_breakdown(sellers_shop["may"])
    assert [(s.key, s.units) for s in breakdown.by_salesperson] == [("王丽", 4)]
    assert [(s.key, s.units, s.share) for s in breakdown.by_batch] == [("E1 / E-A", 2, 0.5), ("E1 / E-B", 2, 0.5)]
    assert breakdown.points_to == "salesperson"
    march = spike_breakdown(MARCH)  # 4 units from three salespeople (one not recorded) and two batches
    assert [(s.key, s.units) for s in march.by_salesperson] == [("赵强", 2), ("李娜", 1), (None, 1)]
    assert [(s.key, s.units) for s in march.by_batch] == [("P1 / B1", 3), ("E1 / E-B", 1)]
    assert march.points_to == "batch"  # 3 of 4 from batch B1, at most 2 of 4 from one person
    assert spike_breakdown([]).points_to == "neither"


# --------------------------------------------------------------------- the page and the spike dialog

# SALESPEOPLE_SHOTS=DIR keeps the renders there (to look at); they go into the test's tmp_path otherwise
SHOTS = Path(os.environ["SALESPEOPLE_SHOTS"]) if os.environ.get("SALESPEOPLE_SHOTS") else None


@pytest.fixture(params=["en", "zh_CN"])
def language(request):
    from shop_aftersales import translations

    if request.param != "en":
        translations.install(request.param)
    yield request.param
    if request.param != "en":
        translations.uninstall()


def cells(model):
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


@pytest.mark.gui
def test_the_salespeople_page_shows_counts_rates_flags_and_reasons(sellers_shop, qtbot, tmp_path, language):
    from PySide6.QtCore import Qt

    from shop_aftersales.ui.salespeople_page import SalespeoplePage
    from shop_aftersales.ui.widgets import header_fits

    page = SalespeoplePage(None)
    qtbot.addWidget(page)
    page.resize(1240, 560)
    page.show()
    page.min_sold.setValue(10)
    page.show_period(MARCH)
    rows = cells(page.rates)
    assert [r[:4] for r in rows] == [["赵强", "4", "2", "50.0%"], ["王丽", "20", "7", "35.0%"],
                                     ["李娜", "20", "4", "20.0%"], [rows[3][0], "5", "1", "20.0%"]]
    assert rows[1][4] and not rows[2][4] and rows[0][4]  # flagged; nothing; too few to judge
    assert page.rates.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # the flagged row in red
    assert "28.6%" in page.note.text() and "14" in page.note.text() and "49" in page.note.text()
    assert cells(page.reasons)[0][0] == "王丽" and cells(page.reasons)[1][0] == ""  # the name once per block
    assert [r[2] for r in cells(page.reasons)] == ["5", "2", "3", "1", "2", "1"]
    page.min_sold.setValue(30)  # the minimum changes: shown again at once, nobody flagged
    assert not any(r[4] == rows[1][4] for r in cells(page.rates))
    page.min_sold.setValue(10)
    if language == "en":
        assert rows[3][0] == "(not recorded)"
        assert header_fits(page.rates_view) == [] and header_fits(page.reasons_view) == []
    assert page.rates_view.horizontalScrollBar().maximum() == 0  # no sideways scrolling at 1280 px
    qtbot.wait(20)  # the layout takes the note's wrapped height
    page.grab().save(str((SHOTS or tmp_path) / f"salespeople-page-{language}.png"))


@pytest.mark.gui
def test_the_spike_breakdown_dialog_puts_salespeople_and_batches_side_by_side(sellers_shop, qtbot, tmp_path,
                                                                           language):
    from shop_aftersales.ui.salespeople_page import SpikeBreakdown

    dialog = SpikeBreakdown(analytics.items_in(APRIL, "2026-04"), None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert cells(dialog.people) == [["李娜", "3", "50.0%"], ["王丽", "3", "50.0%"]]
    assert cells(dialog.batches) == [["E1 / E-A", "6", "100.0%"]]
    assert "E1 / E-A" in dialog.verdict.text() and "100.0%" in dialog.verdict.text()
    if language == "en":
        assert "the batch, not a person" in dialog.verdict.text()
    qtbot.wait(20)
    dialog.grab().save(str((SHOTS or tmp_path) / f"spike-batch-{language}.png"))
    person = SpikeBreakdown(sellers_shop["may"], None)
    qtbot.addWidget(person)
    person.show()
    assert cells(person.people) == [["王丽", "4", "100.0%"]]
    assert "王丽" in person.verdict.text()
    if language == "en":
        assert "how they were sold, not a batch" in person.verdict.text()
    qtbot.wait(20)
    person.grab().save(str((SHOTS or tmp_path) / f"spike-person-{language}.png"))
    empty = SpikeBreakdown([], None)
    qtbot.addWidget(empty)
    assert "No single batch or salesperson stands out" in empty.verdict.text() or language != "en"
