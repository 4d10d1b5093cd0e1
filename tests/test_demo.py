"""The demo shop a new user first sees is full on any day of the year: the board, the queues and the reports
have something to show whether it is the 1st of a month, a Sunday, New Year's Eve, 29 February or a holiday
week. Each date is seeded afresh with the app clock frozen there."""

from __future__ import annotations

import datetime as dt

import pytest

from shop_aftersales import clock
from shop_aftersales.models import AftersalesItem, Technician
from shop_aftersales.models.aftersales import QC_WAITING, READY_FOR_PICKUP, RECEIVED
from shop_aftersales.models.database import close_database, open_database
from shop_aftersales.models.repairs import IN_PROGRESS, WAITING
from shop_aftersales.reports import analytics
from shop_aftersales.services import queues, repairs
from shop_aftersales.services.checks import run_checks
from shop_aftersales.services.demo import seed_demo_shop

DATES = [
    dt.datetime(2026, 12, 1, 9, 5),     # the 1st of a month (a Tuesday), first thing in the morning
    dt.datetime(2027, 3, 1, 10, 0),     # the 1st of a month, a Monday
    dt.datetime(2026, 12, 6, 16, 0),    # a Sunday
    dt.datetime(2027, 1, 10, 11, 0),    # a Sunday, the first ten days of a month
    dt.datetime(2026, 12, 31, 23, 59, 50),  # New Year's Eve, ten seconds to midnight
    dt.datetime(2027, 1, 1, 0, 0, 30),  # New Year's Day, just after midnight (a Friday)
    dt.datetime(2028, 2, 29, 14, 0),    # 29 February
    dt.datetime(2027, 10, 4, 10, 0),    # the National Day holiday week (a Monday)
    dt.datetime(2027, 2, 8, 10, 0),     # the Spring Festival week (a Monday)
    dt.datetime(2027, 6, 14, 0, 1),     # a Monday, a minute after midnight
    dt.datetime(2027, 7, 10, 18, 30),   # a Saturday
    dt.datetime(2027, 5, 5, 10, 30),    # an ordinary Wednesday
]


@pytest.fixture(params=DATES, ids=[d.strftime("%Y-%m-%d_%H%M") for d in DATES])
def demo_on(request, tmp_path):
    moment = request.param
    with clock.frozen(moment):
        open_database(tmp_path)
        seed_demo_shop()
        yield moment
        close_database()


def test_the_first_screen_is_full_on_any_day(demo_on):
    today = demo_on.date()
    week = repairs.week_of(today)
    board = repairs.board(today)
    on_board = [r for cell in board.cells.values() for r in cell.repairs]
    unplanned = [r for r in board.backlog if r.state == WAITING and r.planned_on is None]
    planned_ahead = [r for r in on_board if r.state == WAITING and r.planned_on in week and r.planned_on >= today]
    running = [r for r in on_board if r.state == IN_PROGRESS]
    assert len(unplanned) >= 2, "repairs on the unscheduled pile"
    assert len(planned_ahead) >= 2, "repairs planned on the days of this week still to come"
    assert running, "a repair on the bench, on this week's board"
    # each planned card sits on a day its technician works (so the board shows it where it can be done)
    for repair in planned_ahead:
        assert Technician.get_by_id(repair.technician_id).works_on(repair.planned_on)

    def count(status: str) -> int:
        return AftersalesItem.select().where(AftersalesItem.status == status).count()

    assert count(RECEIVED) >= 2, "units waiting for inspection"
    assert count(QC_WAITING) >= 1, "units waiting for the quality check"
    assert count(READY_FOR_PICKUP) >= 1, "a customer's unit ready for pickup"

    monday = dt.datetime.combine(week[0], dt.time())
    assert AftersalesItem.select().where((AftersalesItem.created_at >= monday)
                                         & (AftersalesItem.created_at <= demo_on)).count() >= 2, \
        "returns in the current week"
    assert AftersalesItem.select().where(AftersalesItem.created_at > demo_on).count() == 0, "nothing from the future"

    for role in ("owner", "sales", "warehouse", "technician", "finance"):
        assert queues.queues()[role], f"the {role}'s queue is empty"

    # Reports opens on the last 12 months: returns in it, and the bad batch is the one spike
    period = analytics.Period(analytics.add_months(today.replace(day=1), -11), today)
    months = analytics.counts(period, "month")
    assert sum(c.units for c in months) > 0
    assert len([c for c in months if c.spike]) == 1, [(c.key, c.units, c.mean) for c in months]
    assert run_checks() == []


def test_the_demo_is_a_chinese_shop_whatever_the_language_of_the_pc(demo_shop):
    """Seeded in this (untranslated, English) process, the demo still says its documents are Chinese, and keeps its
    verdicts as sentences to word when shown (tests/test_document_language.py prints them)."""
    from shop_aftersales.services import settings

    assert settings.stored_document_language() == "zh_CN"
    assert not AftersalesItem.select().where(AftersalesItem.verdict_reasons == "").exists()
