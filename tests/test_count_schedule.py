"""Counts that come round on time (issue 18, part 4): how often each zone is counted (owner-only, recorded), when a
zone is due, its entries in the owner's and the warehouse's Today queues, and the history's variance, on a
hand-made shop with known answers and the app clock frozen."""

import datetime as dt
from decimal import Decimal

import peewee as pw
import pytest

from shop_aftersales import clock
from shop_aftersales.errors import DomainError
from shop_aftersales.models import Product, Staff, StockCount, StockCountLine, db
from shop_aftersales.models.counts import CountSchedule
from shop_aftersales.models.documents import SettingChange
from shop_aftersales.services import queues, stock_count
from shop_aftersales.services import staff as staff_steps
from shop_aftersales.services.base import business_step
from shop_aftersales.services.ledger import MoveRequest, move
from shop_aftersales.services.staff import Approval

DAY_1 = dt.datetime(2026, 7, 1, 10, 0)  # the resale shelf is counted; a monthly schedule is due on day 31


def day(n: int, hour: int = 10):
    """The app clock on day *n* of the story (day 1 = 1 July 2026)."""
    return clock.frozen(DAY_1.replace(hour=hour) + dt.timedelta(days=n - 1))


@pytest.fixture
def shelves(shop):
    """On the resale shelf: 10 chairs at ¥60 cost, 3 lamps at ¥25, phones S1 and S2 at ¥700; phone S9 in
    inspection."""
    with clock.frozen(DAY_1 - dt.timedelta(days=30)):
        chair = Product.create(sku="YZ", name="餐椅", cost=Decimal("60"), list_price=Decimal("100"))
        lamp = Product.create(sku="TD", name="台灯", cost=Decimal("25"), list_price=Decimal("49"))
        phone = Product.create(sku="SJ", name="手机", serialised=True, cost=Decimal("700"), list_price=Decimal("999"))
        keeper = Staff.create(name="仓管小李", role="warehouse")

        @business_step
        def stock():
            move(MoveRequest(chair, 10, "adjustment", "resale"))
            move(MoveRequest(lamp, 3, "adjustment", "resale"))
            for serial in ("S1", "S2"):
                move(MoveRequest(phone, 1, "adjustment", "resale", serial=serial))
            move(MoveRequest(phone, 1, "adjustment", "inspection", serial="S9"))

        stock()
    return {"chair": chair, "lamp": lamp, "phone": phone, "keeper": keeper}


def count_resale_on_day_1(keeper) -> int:
    """Day 1's count of the resale shelf: 2 chairs missing, 2 lamps more than expected, S2 missing, S9 found here."""
    with day(1):
        count_id = stock_count.start_count(["resale"], keeper).ids[0]
        lines = {(l.product.sku, l.serial): l for l in StockCountLine.select().where(StockCountLine.count == count_id)}
        stock_count.set_counted(count_id, lines[("YZ", None)].id, 8)
        stock_count.set_counted(count_id, lines[("TD", None)].id, 5)
        stock_count.scan(count_id, "S1")
        stock_count.set_counted(count_id, lines[("SJ", "S2")].id, 0)
        stock_count.scan(count_id, "S9")
        stock_count.post(count_id, "月度盘点", keeper)
    return count_id


def schedule_of(code):
    return next(z for z in stock_count.zone_schedules() if z.zone == code)


def count_entries(role):
    return [e for e in queues.queues()[role] if isinstance(e, queues.CountEntry)]


def test_the_schedule_table_matches_its_model(shop):
    columns = {c.name for c in db.get_columns("count_schedule")}
    assert columns == {f.column_name for f in CountSchedule._meta.sorted_fields}
    indexes = {i.name for i in db.get_indexes("count_schedule")}
    assert {index._name for index in CountSchedule._meta.fields_to_index()} <= indexes
    assert "posted_by_id" in {c.name for c in db.get_columns("stock_count")}


def test_monthly_count_not_due_on_day_20_due_on_day_31_late_after(shelves):
    with day(1, hour=9):
        stock_count.set_count_schedule({"resale": 30})
    count_id = count_resale_on_day_1(shelves["keeper"])
    number = StockCount.get_by_id(count_id).number
    with day(20):
        assert not schedule_of("resale").is_due()
        assert count_entries("warehouse") == [] and count_entries("owner") == []
    with day(30, hour=23):
        assert not schedule_of("resale").is_due()
    with day(31, hour=8):
        resale = schedule_of("resale")
        assert resale.due == dt.date(2026, 7, 31) and resale.is_due() and not resale.is_late()
        assert resale.last_number == number and resale.last_counted == DAY_1
        [entry] = count_entries("warehouse")
        assert entry.zone == "resale" and entry.role == "warehouse"
        assert entry.due == dt.datetime(2026, 7, 31, 23, 59, 59) and not entry.late
        assert entry.what == f"Count “Resale shelf”: due every 30 days, last counted 2026-07-01 ({number})"
        assert count_entries("owner") == [entry]  # the owner's queue has it too, once
    with day(32):
        assert schedule_of("resale").is_late()
        [entry] = count_entries("warehouse")
        assert entry.late
        owner = queues.queues()["owner"]
        assert [e for e in owner if isinstance(e, queues.CountEntry)] == [entry]  # late: still once, not twice
        assert owner.index(entry) == 0  # late entries first
    with day(33):  # counted again: not due until 30 days after this count
        again = stock_count.start_count(["resale"]).ids[0]
        for line in StockCountLine.select().where(StockCountLine.count == again):
            stock_count.set_counted(again, line.id, line.expected)
        stock_count.post(again, "补盘")
        assert count_entries("warehouse") == []
        assert schedule_of("resale").due == dt.date(2026, 9, 1)


def test_a_scheduled_zone_never_counted_is_due_at_once(shelves):
    with day(1):
        stock_count.set_count_schedule({"inspection": 7, "resale": 90})
        inspection = schedule_of("inspection")
        assert inspection.last_count_id is None and inspection.due == dt.date(2026, 7, 1) and inspection.is_due()
        entries = count_entries("warehouse")
        end_of_day_1 = dt.datetime(2026, 7, 1, 23, 59, 59)
        assert [(e.zone, e.what, e.due, e.late) for e in entries] == [
            ("inspection", "Count “Inspection”: due every 7 days, never counted yet", end_of_day_1, False),
            ("resale", "Count “Resale shelf”: due every 90 days, never counted yet", end_of_day_1, False)]
        assert count_entries("owner") == entries
        assert schedule_of("sellable").interval_days is None and schedule_of("sellable").due is None
    with day(2):
        assert [e.zone for e in count_entries("owner")] == ["inspection", "resale"]
        assert all(e.late for e in count_entries("owner"))
    with day(3):
        stock_count.set_count_schedule({"inspection": None, "resale": 0})  # no longer scheduled
        assert count_entries("warehouse") == [] and CountSchedule.select().count() == 0


def test_the_history_shows_each_count_and_each_zone_with_its_variance(shelves):
    with day(1):
        stock_count.set_count_schedule({"resale": 30})
    count_id = count_resale_on_day_1(shelves["keeper"])
    with day(2):
        cancelled = stock_count.start_count(["sellable"]).ids[0]
        stock_count.cancel(cancelled)  # a cancelled count is not history
    [record] = stock_count.count_history()
    assert record.count_id == count_id and record.posted_at == DAY_1 and record.zones == ["resale"]
    assert record.posted_by == "仓管小李"
    assert StockCount.get_by_id(count_id).posted_by_id == shelves["keeper"].id
    # lines: chairs, lamps, S1, S2 and S9 (found here);
    # + 2 lamps (¥50) and S9 (¥700); − 2 chairs (¥120) and S2 (¥700)
    v = record.variance
    assert (v.lines, v.found, v.missing, v.net) == (5, 3, 3, 0)
    assert (v.found_value, v.missing_value, v.net_value) == (Decimal("750.00"), Decimal("820.00"), Decimal("-70.00"))
    assert record.by_zone == {"resale": v}
    zones = {z.zone: (z, variance) for z, variance in stock_count.zone_history()}
    resale, variance = zones["resale"]
    assert resale.last_count_id == count_id and resale.interval_days == 30 and variance == v
    assert zones["sellable"] == (zones["sellable"][0], None)  # never counted
    assert zones["inspection"][1] is None  # S9 left it, but the count was of the resale shelf


def test_a_count_of_two_zones_is_the_last_count_of_each(shelves):
    with day(1):
        stock_count.set_count_schedule({"resale": 14, "inspection": 7})
        count_id = stock_count.start_count(["resale", "inspection"]).ids[0]
        for line in StockCountLine.select().where(StockCountLine.count == count_id):
            stock_count.set_counted(count_id, line.id, line.expected - 1 if line.serial == "S9" else line.expected)
        stock_count.post(count_id, "双区盘点")
    [record] = stock_count.count_history()
    assert record.by_zone["inspection"].missing == 1 and record.by_zone["inspection"].missing_value == Decimal("700")
    assert record.by_zone["resale"].missing == 0 and record.variance.lines == 5
    assert record.posted_by == ""  # nobody was signed in
    assert schedule_of("inspection").due == dt.date(2026, 7, 8) and schedule_of("resale").due == dt.date(2026, 7, 15)
    with day(8):
        assert [e.zone for e in count_entries("warehouse")] == ["inspection"]


def test_the_schedule_is_the_owners_and_every_change_is_recorded(shelves):
    owner = Staff.create(name="店长", role="owner")
    staff_steps.save_staff(owner.id, "店长", "owner", True, "246813", None)  # the owner's PIN: protection on
    owner = Staff.get_by_id(owner.id)
    keeper = shelves["keeper"]
    before = SettingChange.select().count()
    with pytest.raises(DomainError, match="Only the owner can change this"):
        stock_count.set_count_schedule({"resale": 30}, keeper)
    with pytest.raises(DomainError, match="Wrong PIN"):
        stock_count.set_count_schedule({"resale": 30}, keeper, Approval(owner, "000000"))
    with pytest.raises(pw.IntegrityError, match="owner-only"):  # round the service: the database refuses it
        with db.atomic():
            CountSchedule.create(location=1, interval_days=30)
    assert CountSchedule.select().count() == 0 and SettingChange.select().count() == before
    with day(1):
        stock_count.set_count_schedule({"resale": 30, "inspection": 7, "sellable": None}, keeper,
                                       Approval(owner, "246813"))
    assert {z.zone: z.interval_days for z in stock_count.zone_schedules() if z.interval_days} == {
        "resale": 30, "inspection": 7}
    with day(2):
        stock_count.set_count_schedule({"resale": 10, "inspection": 7}, keeper, Approval(owner, "246813"))
    assert schedule_of("resale").since == DAY_1  # still due from the day it was first scheduled
    changes = [(c.area, c.subject, c.before, c.after, c.staff_id, c.approved_by_id)
               for c in SettingChange.select().where(SettingChange.id > 0).order_by(SettingChange.id)][before:]
    assert changes == [
        ("other", "Count schedule: Resale shelf", "Not scheduled", "Monthly (every 30 days)", keeper.id, owner.id),
        ("other", "Count schedule: Inspection", "Not scheduled", "Weekly", keeper.id, owner.id),
        ("other", "Count schedule: Resale shelf", "Monthly (every 30 days)", "Every 10 days", keeper.id, owner.id),
    ]
    assert stock_count.set_count_schedule({"resale": 10}, keeper).created == 0  # nothing changes: nothing asked


@pytest.mark.parametrize("intervals, message", [
    ({"customer": 30}, "no zone “customer” to count"),   # not a zone of the shop's stock
    ({"nowhere": 30}, "no zone “nowhere” to count"),
    ({"resale": 400}, "every 1 to 366 days"),
    ({"resale": -7}, "every 1 to 366 days"),
    ({"resale": "30"}, "every 1 to 366 days"),
])
def test_a_bad_schedule_is_refused_and_changes_nothing(shelves, intervals, message):
    with pytest.raises(DomainError, match=message):
        stock_count.set_count_schedule({"inspection": 7, **intervals})
    assert CountSchedule.select().count() == 0 and SettingChange.select().count() == 0
