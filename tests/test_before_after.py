"""Before and after (issue 18, part 2): each figure beside the previous period of the same length, the last 12
periods' trend, and the owner's measures — on the hand-made shop of test_reports.py, whose answers are known."""

import datetime as dt
from decimal import Decimal

import pytest

from shop_aftersales import clock
from shop_aftersales.errors import DomainError
from shop_aftersales.models import Staff, db
from shop_aftersales.models.measures import Measure
from shop_aftersales.reports import analytics
from shop_aftersales.services import measures

from test_reports import MARCH, small_shop  # noqa: F401  (the hand-made shop with answers known in advance)

APRIL = analytics.Period(dt.date(2026, 4, 1), dt.date(2026, 4, 30))


def test_the_previous_period_has_the_same_length():
    assert analytics.previous_period(MARCH) == analytics.Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert analytics.previous_period(APRIL) == MARCH
    # 15 days → the 15 days before
    days = analytics.Period(dt.date(2026, 3, 10), dt.date(2026, 3, 24))
    assert analytics.previous_period(days) == analytics.Period(dt.date(2026, 2, 23), dt.date(2026, 3, 9))
    quarter = analytics.Period(dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert analytics.previous_period(quarter) == analytics.Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    so_far = analytics.Period(dt.date(2026, 3, 1), dt.date(2026, 3, 15))  # this month so far: the same days
    assert analytics.previous_period(so_far) == analytics.Period(dt.date(2026, 2, 1), dt.date(2026, 2, 15))
    across = analytics.Period(dt.date(2026, 1, 1), dt.date(2026, 1, 31), category_id=7)  # filters kept
    assert analytics.previous_period(across) == analytics.Period(dt.date(2025, 12, 1), dt.date(2025, 12, 31),
                                                                 category_id=7)
    assert analytics.shifted(MARCH, 12) == analytics.Period(dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert analytics.period_name(MARCH) == "2026-03" and analytics.period_name(days) == "2026-03-10 – 2026-03-24"


def test_april_beside_march(small_shop):  # noqa: F811
    changes = analytics.before_after(APRIL)
    units, refunds, net = changes["units"], changes["refunds"], changes["net"]
    assert (units.previous, units.current, units.amount, units.share) == (5, 1, -4, -0.8)
    assert units.direction == analytics.NOT_JUDGED  # a count of units is neutral
    assert (refunds.previous, refunds.current, refunds.amount, refunds.share) == (
        Decimal("2000.00"), Decimal("0.00"), Decimal("-2000.00"), -1.0)
    assert refunds.direction == analytics.GOOD  # a cost that fell
    assert (net.previous, net.current, net.direction) == (Decimal("3315.00"), Decimal("0.00"), analytics.GOOD)
    assert changes["resale"].direction == analytics.SAME and changes["resale"].share is None


def test_march_beside_an_empty_february_is_new(small_shop):  # noqa: F811
    changes = analytics.before_after(MARCH)
    shipping = changes["shipping"]
    assert (shipping.previous, shipping.current, shipping.amount) == (Decimal("0.00"), Decimal("20.00"),
                                                                      Decimal("20.00"))
    assert shipping.is_new and shipping.share is None and shipping.direction == analytics.BAD
    assert changes["units"].is_new and changes["units"].current == 5
    assert not changes["resale"].is_new  # 0 and 0: unchanged, not new


def test_fifteen_days_beside_the_fifteen_before(small_shop):  # noqa: F811
    days = analytics.Period(dt.date(2026, 3, 10), dt.date(2026, 3, 24))
    changes = analytics.before_after(days)
    # 23 Feb – 9 Mar holds every March event (5–8 March); 10–24 March only the repair's finish, which costs nothing
    assert {code: (c.previous, c.current) for code, c in changes.items() if code in ("units", "repairs", "refunds")} \
        == {"units": (5, 0), "repairs": (Decimal("95.00"), Decimal("0.00")),
            "refunds": (Decimal("2000.00"), Decimal("0.00"))}
    assert changes["repairs"].share == -1.0


def test_the_trend_of_the_last_12_periods(small_shop):  # noqa: F811
    points = analytics.trend(APRIL)
    assert [analytics.period_short_name(p.period) for p in points] == [
        "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01",
        "2026-02", "2026-03", "2026-04"]
    assert [p.figures["repairs"] for p in points] == [Decimal("0.00")] * 10 + [Decimal("95.00"), Decimal("0.00")]
    assert [p.figures["refunds"] for p in points] == [Decimal("0.00")] * 10 + [Decimal("2000.00"), Decimal("0.00")]
    assert [p.figures["shipping"] for p in points] == [Decimal("0.00")] * 10 + [Decimal("20.00"), Decimal("0.00")]
    assert [p.figures["units"] for p in points][-2:] == [5, 1]
    assert points[-2].period == analytics.previous_period(APRIL)  # the trend's last but one is the previous period
    # a measure from 1 April stands on the edge between March and April; one from mid-April inside April
    assert analytics.measure_position(points, dt.date(2026, 4, 1)) == pytest.approx(10.5)
    assert analytics.measure_position(points, dt.date(2026, 4, 16)) == pytest.approx(11.0)
    assert analytics.measure_position(points, dt.date(2024, 1, 1)) is None


def test_measures_are_added_listed_and_removed_with_who(shop):
    seller = Staff.create(name="小王", role="sales")
    with clock.frozen(dt.datetime(2026, 9, 30, 17)):
        first = measures.add_measure(dt.date(2026, 10, 1), "  新快递公司  从今天起 ", seller).ids[0]
    measures.add_measure(dt.date(2026, 8, 1), "供应商甲 停止合作", None)
    listed = measures.list_measures()
    assert [(m.date, m.text) for m in listed] == [(dt.date(2026, 8, 1), "供应商甲 停止合作"),
                                                  (dt.date(2026, 10, 1), "新快递公司 从今天起")]
    kept = Measure.get_by_id(first)
    assert kept.staff.name == "小王" and kept.created_at == dt.datetime(2026, 9, 30, 17)
    assert [m.text for m in measures.list_measures(dt.date(2026, 9, 1), dt.date(2026, 12, 31))] == ["新快递公司 从今天起"]
    measures.remove_measure(first, seller)
    assert [m.text for m in measures.list_measures()] == ["供应商甲 停止合作"]
    with pytest.raises(DomainError, match="no longer there"):
        measures.remove_measure(first, seller)


@pytest.mark.parametrize("day, text, message", [
    (dt.date(2026, 10, 1), "   ", "Say what the measure was"),
    (dt.date(2026, 10, 1), "x" * 201, "at most 200 characters"),
    (dt.date(2026, 10, 1), "新快递\x07", "control character"),
    (dt.date(1999, 12, 31), "新快递", "before the year 2000"),
    (None, "新快递", "Give the day"),
])
def test_a_bad_measure_is_refused_and_changes_nothing(shop, day, text, message):
    with pytest.raises(DomainError, match=message):
        measures.add_measure(day, text, None)
    assert Measure.select().count() == 0


def test_the_measure_table_is_the_models(shop):
    columns = {c.name for c in db.get_columns("measure")}
    assert columns == {f.column_name for f in Measure._meta.sorted_fields}
    # PostgreSQL lists the primary key's own index too (measure_pkey); SQLite's rowid needs none
    assert {i.name for i in db.get_indexes("measure") if i.columns != ["id"]} == {"measure_date", "measure_staff_id"}


def test_a_period_ending_on_the_29th_or_30th_steps_back_into_february():
    """1–30 March beside 1–28 February (February has no 30th; this month's trend on the 30th passes through one)."""
    thirty = analytics.Period(dt.date(2026, 3, 1), dt.date(2026, 3, 30))
    assert analytics.previous_period(thirty) == analytics.Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    so_far = analytics.Period(dt.date(2026, 12, 1), dt.date(2026, 12, 30))  # "this month" on 30 December
    feb = [p for p in analytics.trend_periods(so_far) if p.start.month == 2]
    assert feb == [analytics.Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28))]
    leap = analytics.Period(dt.date(2028, 3, 1), dt.date(2028, 3, 29))
    assert analytics.previous_period(leap).end == dt.date(2028, 2, 29)
