"""Stock counts (盘点): freeze what the ledger expects in the chosen zones, take the counted quantities (or
scanned serials one by one), show the differences, and post them as moves to or from the stock-adjustment
location with a reason. Nothing changes stock until the count is posted, in one transaction."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import peewee as pw

from ..clock import now
from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..models import dialect
from ..models import (AftersalesItem, Location, Product, Staff, StockCount, StockCountLine, StockQuant, StockSerial,
                      db)
from ..models.aftersales import LOST, STATUS_LOCATION, STATUSES, TERMINAL
from ..models.counts import CountSchedule
from ..models.stock import ADJUSTMENT, INTERNAL
from ..money import from_fen
from .base import Changes, business_step
from .ledger import MoveRequest, location_label, move, serial_location
from .numbering import next_number


def _count(count_id: int) -> StockCount:
    count = StockCount.get_or_none(StockCount.id == count_id)
    if count is None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "There is no stock count #{id}."), id=count_id)
    return count


def _open(count_id: int) -> StockCount:
    count = _count(count_id)
    if count.state != "open":
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Stock count {number} is already closed."), number=count.number)
    return count


def count_zones(count: StockCount) -> list[str]:
    """The codes of the zones *count* counts. (``zones`` holds them as a JSON list, or, since blind counts, as
    ``{"zones": [...], "blind": true|false}``.)"""
    stored = json.loads(count.zones or "[]")
    return list(stored.get("zones", [])) if isinstance(stored, dict) else list(stored)


def is_blind(count: StockCount) -> bool:
    """A blind count hides what the ledger expects (and so the differences) from the counter until it is posted;
    chosen when the count starts. Counts from before blind counts were not blind."""
    stored = json.loads(count.zones or "[]")
    return bool(stored.get("blind", False)) if isinstance(stored, dict) else False


@business_step
def start_count(zone_codes: list[str], staff: Staff | None = None, blind: bool = True) -> Changes:
    """Open a count of *zone_codes*: one line per product and zone, one per unit for serialised products.
    *blind* (the default, as the printed count sheet is): the expected quantities stay hidden until posted."""
    zones = list(Location.select().where(Location.code.in_(zone_codes) & (Location.kind == INTERNAL)))
    if not zones:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose at least one zone to count."))
    number = next_number("count")
    count = StockCount.create(number=number, staff=staff,
                              zones=json.dumps({"zones": [z.code for z in zones], "blind": bool(blind)}))
    lines = []
    # only the shop's goods are counted: a customer's unit in for warranty repair is not shop stock
    customers = set(AftersalesItem.select(AftersalesItem.product, AftersalesItem.serial)
                    .where(AftersalesItem.customer_owned & AftersalesItem.serial.is_null(False)
                           & ~AftersalesItem.status.in_(tuple(TERMINAL))).tuples())
    for zone in zones:
        quants = (StockQuant.select(StockQuant.product, pw.fn.SUM(StockQuant.quantity)).join(Product)
                  .where((StockQuant.location == zone) & (StockQuant.quantity > 0) & ~Product.serialised
                         & ~StockQuant.customer_owned)
                  .group_by(StockQuant.product).tuples())
        lines += [{"count": count.id, "product": p, "location": zone.id, "serial": None, "expected": q}
                  for p, q in quants]
        lines += [{"count": count.id, "product": s.product_id, "location": zone.id, "serial": s.serial,
                   "expected": 1} for s in StockSerial.select().where(StockSerial.location == zone)
                  if (s.product_id, s.serial) not in customers]
    for start in range(0, len(lines), 500):
        StockCountLine.insert_many(lines[start:start + 500]).execute()
    return Changes(stock=True, reference=number, ids=(count.id,))


@business_step
def set_counted(count_id: int, line_id: int, counted: int | None) -> Changes:
    _open(count_id)
    if counted is not None and counted < 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "A counted quantity cannot be negative."))
    line = StockCountLine.get_or_none((StockCountLine.id == line_id) & (StockCountLine.count == count_id))
    if line is None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "That line is not part of this count."))
    if line.serial and counted not in (None, 0, 1):
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "A serialised unit is there (1) or not (0)."))
    StockCountLine.update(counted=counted).where(StockCountLine.id == line.id).execute()
    return Changes(stock=False, ids=(line.id,))


@business_step
def scan(count_id: int, code: str, zone_code: str | None = None) -> Changes:
    """A scanned serial marks its unit found; a scanned SKU or barcode adds one to that product's line."""
    count = _open(count_id)
    code = code.strip()
    zones = count_zones(count)
    zone_code = zone_code or zones[0]
    line = (StockCountLine.select().join(Location).where((StockCountLine.count == count) & (StockCountLine.serial == code))
            .first())
    if line is not None:
        StockCountLine.update(counted=1).where(StockCountLine.id == line.id).execute()
        return Changes(messages=(code,), ids=(line.id,))
    theirs = (AftersalesItem.select().where((AftersalesItem.serial == code) & AftersalesItem.customer_owned
                                            & ~AftersalesItem.status.in_(tuple(TERMINAL))).first())
    if theirs is not None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{serial} is a customer's unit in for repair ({code}): customers' "
                                            "units are not the shop's stock and are not counted."),
                          serial=code, code=theirs.code)
    product = Product.select().where((Product.sku == code) | (Product.barcode == code)).first()
    zone = Location.get(Location.code == zone_code)
    if product is None:
        serial_of = StockSerial.select().where(StockSerial.serial == code).first()
        if serial_of is None:
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "Nothing has the code {code}."), code=code)
        # a unit found where the ledger did not expect it: the line says where the ledger has it
        line = StockCountLine.create(count=count, product=serial_of.product_id, location=zone, serial=code,
                                     expected=0, counted=1)
        where = Location.get_by_id(serial_of.location_id)
        message = translate("Domain", QT_TRANSLATE_NOOP(
            "Domain", "{serial} was not expected here: the ledger has it in “{place}”. Posting the count brings it "
                      "here{approval}.")).format(
            serial=code, place=location_label(where), approval="" if where.internal or where.code == ADJUSTMENT
            else translate("Domain", QT_TRANSLATE_NOOP("Domain", ", with the owner's approval")))
        return Changes(ids=(line.id,), messages=(message,))
    if product.serialised:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{product} is counted unit by unit: scan each serial."),
                          product=product.name)
    line = StockCountLine.get_or_none((StockCountLine.count == count) & (StockCountLine.product == product)
                                      & (StockCountLine.location == zone) & StockCountLine.serial.is_null())
    if line is None:
        line = StockCountLine.create(count=count, product=product, location=zone, expected=0, counted=1)
    else:
        StockCountLine.update(counted=pw.fn.COALESCE(StockCountLine.counted, 0) + 1).where(
            StockCountLine.id == line.id).execute()
    return Changes(ids=(line.id,))


@dataclass(frozen=True)
class Difference:
    line: StockCountLine
    delta: int  # counted − expected


def differences(count_id: int, limit: int | None = None) -> list[Difference]:
    """The counted lines that differ from what the ledger expected (chosen in SQL: a zone can have 20 000 lines)."""
    lines = (StockCountLine.select(StockCountLine, Product, Location).join(Product).switch(StockCountLine)
             .join(Location).where((StockCountLine.count == count_id) & StockCountLine.counted.is_null(False)
                                   & (StockCountLine.counted != StockCountLine.expected))
             .order_by(Location.sort_order, Product.sku, StockCountLine.serial))
    if limit is not None:
        lines = lines.limit(limit)
    return [Difference(line, line.counted - line.expected) for line in lines]


@dataclass(frozen=True)
class Progress:
    lines: int
    uncounted: int
    differing: int


def progress(count_id: int) -> Progress:
    """How far the count is: lines, not counted yet, counted with a difference — one aggregate query."""
    lines, uncounted, differing = (StockCountLine.select(
        pw.fn.COUNT(StockCountLine.id),
        pw.fn.SUM(pw.Case(None, [(StockCountLine.counted.is_null(), 1)], 0)),
        pw.fn.SUM(pw.Case(None, [(StockCountLine.counted != StockCountLine.expected, 1)], 0)))
        .where(StockCountLine.count == count_id).tuples().first())
    return Progress(int(lines or 0), int(uncounted or 0), int(differing or 0))


def uncounted(count_id: int) -> int:
    return StockCountLine.select().where((StockCountLine.count == count_id) & StockCountLine.counted.is_null()).count()


def line_rows(count_id: int, line_ids: list[int] | None = None) -> list[tuple]:
    """What the count screen shows, in counting order (zone, bin, SKU, serial), as plain tuples:
    (line id, zone name, bin, SKU, product name, model, serial, expected, counted)."""
    query = (StockCountLine.select(StockCountLine.id, Location.name, Product.bin, Product.sku, Product.name,
                                   Product.model, StockCountLine.serial, StockCountLine.expected,
                                   StockCountLine.counted)
             .join(Product).switch(StockCountLine).join(Location).where(StockCountLine.count == count_id))
    if line_ids is not None:
        query = query.where(StockCountLine.id.in_(line_ids))
    return list(query.order_by(Location.sort_order, Product.bin, Product.sku, StockCountLine.serial,
                               StockCountLine.id).tuples())


def check_postable(count_id: int) -> StockCount:
    """Refuse a count that cannot be posted whatever reason is given: lines not counted yet, or stock that moved
    since the count began. The count screen asks for the reason only once this passes."""
    count = _open(count_id)
    missing = uncounted(count_id)
    if missing:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{count} line(s) are not counted yet: enter 0 for what is "
                                            "not there."), count=missing)
    held = (StockQuant.select(pw.fn.COALESCE(pw.fn.SUM(StockQuant.quantity), 0))
            .where((StockQuant.product == StockCountLine.product) & (StockQuant.location == StockCountLine.location)
                   & ~StockQuant.customer_owned))
    moved = (StockCountLine.select().where((StockCountLine.count == count) & StockCountLine.serial.is_null()
                                           & (StockCountLine.expected > 0) & (held != StockCountLine.expected))
             .first())  # one query over the lines, not one per line: a zone can have 20 000
    if moved is not None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Stock of {product} in “{zone}” moved since the count "
                                            "began; count it again."),
                          product=moved.product.name, zone=location_label(moved.location))
    return count


@business_step
def post(count_id: int, reason: str, staff: Staff | None = None, approved_by=None) -> Changes:
    """Post the differences as adjustment moves. Every line must be counted, the reason given, and the zones
    unchanged since the count began (else: count again). The units stay in step with their items: a unit not
    found leaves its zone as "missing", item and listing with it; a unit found that the ledger has outside the
    shop comes back only with the owner's approval (*approved_by*); one that an after-sales item still follows
    is moved on its ID card, not by a count."""
    count = check_postable(count_id)  # first: a count that cannot be posted does not need a reason
    if not reason.strip():
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Give the reason for the adjustments."))
    pulled = pulled_back(count_id)
    approver = None
    if pulled:  # a unit the ledger has with a customer or a supplier: taking it back is the owner's decision
        from .staff import owner_approval

        try:
            approver = owner_approval(staff, approved_by)
        except DomainError as refused:
            if refused.source != QT_TRANSLATE_NOOP("Domain", "This needs the owner's approval."):
                raise
            first = pulled[0]
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "Unit {serial} of {product} was found here, but the ledger "
                                                "has it with “{place}”. Taking it back into stock needs the owner's "
                                                "approval."), serial=first.serial, product=first.product,
                              place=first.place) from None
    adjustments = 0
    for diff in differences(count_id):
        line = diff.line
        if line.serial:
            item = _followed_item(line.product_id, line.serial)
            if diff.delta < 0 and item is not None and STATUS_LOCATION[item.status] == line.location.code:
                _lose(item, count.number, reason, staff)  # the unit leaves its zone as a unit, item and all
            elif diff.delta < 0:  # the unit is not on the shelf: it leaves for the adjustment location
                move(MoveRequest(product=line.product, quantity=1, source=line.location, target=ADJUSTMENT,
                                 serial=line.serial, reference=count.number, note=reason, staff=staff))
            else:  # found here: it comes from wherever the ledger had it (another zone, or nowhere)
                where = serial_location(line.product, line.serial)
                if where is not None and where.id == line.location_id:
                    continue  # it came here after the count began: the ledger already has it here
                if item is not None:
                    raise DomainError(QT_TRANSLATE_NOOP("Domain", "Unit {serial} was found in “{zone}”, but it is "
                                                        "after-sales item {code} ({status}). Move it on its ID card, "
                                                        "not by a count."),
                                      serial=line.serial, zone=location_label(line.location), code=item.code,
                                      status=translate("Domain", STATUSES[item.status]))
                move(MoveRequest(product=line.product, quantity=1, source=where if where is not None else ADJUSTMENT,
                                 target=line.location, serial=line.serial, reference=count.number, note=reason,
                                 staff=staff))
        elif diff.delta < 0:
            missing = _lose_lots(line, -diff.delta, count.number, reason, staff)
            if missing:
                move(MoveRequest(product=line.product, quantity=missing, source=line.location, target=ADJUSTMENT,
                                 reference=count.number, note=reason, staff=staff))
        else:
            theirs = (StockQuant.select(pw.fn.COALESCE(pw.fn.SUM(StockQuant.quantity), 0))
                      .where((StockQuant.product == line.product) & (StockQuant.location == line.location)
                             & StockQuant.customer_owned).scalar())
            if theirs:  # more counted than the shop has, where customers' identical units also sit
                raise DomainError(QT_TRANSLATE_NOOP("Domain", "{counted} of {product} were counted in “{zone}”, more "
                                                    "than the shop's {expected}; {theirs} customers' unit(s) in for "
                                                    "repair are there too and are not counted. Count only the shop's "
                                                    "and post again."),
                                  counted=line.counted, product=line.product.name, zone=location_label(line.location),
                                  expected=line.expected, theirs=theirs)
            move(MoveRequest(product=line.product, quantity=diff.delta, source=ADJUSTMENT, target=line.location,
                             reference=count.number, note=reason, staff=staff))
        adjustments += 1
    StockCount.update(state="posted", posted_at=now(), reason=reason.strip(), approved_by=approver,
                      posted_by=staff).where(StockCount.id == count.id).execute()
    return Changes(stock=True, created=adjustments, reference=count.number)


@dataclass(frozen=True)
class PulledBack:
    serial: str
    product: str
    place: str  # where the ledger has it: a customer, a supplier, scrap…


def pulled_back(count_id: int) -> list[PulledBack]:
    """The units found in the count that the ledger has outside the shop (with a customer, a supplier, in
    scrap): posting brings them back into stock, which needs the owner's approval."""
    result = []
    for line in (StockCountLine.select(StockCountLine, Product).join(Product)
                 .where((StockCountLine.count == count_id) & StockCountLine.serial.is_null(False)
                        & (StockCountLine.expected == 0) & (StockCountLine.counted == 1))):
        where = serial_location(line.product, line.serial)
        if where is not None and not where.internal and where.code != ADJUSTMENT:
            result.append(PulledBack(line.serial, line.product.name, location_label(where)))
    return result


def _followed_item(product_id: int, serial: str) -> AftersalesItem | None:
    """The after-sales item that still follows this unit (not yet back in stock, sold or gone), if any."""
    return (AftersalesItem.select().where((AftersalesItem.product == product_id) & (AftersalesItem.serial == serial)
                                          & ~AftersalesItem.status.in_(tuple(TERMINAL)))
            .order_by(AftersalesItem.id.desc()).first())


def _lose(item: AftersalesItem, number: str, reason: str, staff: Staff | None) -> None:
    """A shop unit the count did not find: its item goes to "missing" (the move to the adjustment location),
    off the resale shelf and off the repair board with it (change_status ends its listing and repair order)."""
    from .items import change_status

    change_status(item, LOST, staff, reason, data={"number": number}, reference=number, by_count=True)


def _lose_lots(line: StockCountLine, missing: int, number: str, reason: str, staff: Staff | None) -> int:
    """Units without a serial missing from a zone where after-sales items hold some of them: the items that no
    longer fit in what is left are marked missing, oldest first. Returns what is still missing beyond them
    (moved as plain units). Refused when a lot would have to be split."""
    held = (StockQuant.select(pw.fn.COALESCE(pw.fn.SUM(StockQuant.quantity), 0))
            .where((StockQuant.product == line.product) & (StockQuant.location == line.location)
                   & ~StockQuant.customer_owned).scalar())
    statuses = [s for s, code in STATUS_LOCATION.items() if code == line.location.code and s not in TERMINAL]
    lots = list(AftersalesItem.select().where((AftersalesItem.product == line.product)  # not tracked by serial
                                              & ~AftersalesItem.customer_owned & AftersalesItem.status.in_(statuses))
                .order_by(AftersalesItem.status_since, AftersalesItem.id))
    on_items = sum(i.quantity for i in lots)
    left = held - missing
    while lots and on_items > left and missing > 0:
        fitting = [i for i in lots if i.quantity <= missing]  # the oldest lot that fits in what is missing
        if not fitting:
            item = lots[0]
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "{missing} of {product} are missing in “{zone}”, but they "
                                                "belong to after-sales item {code} of {qty} units. Settle it on its ID "
                                                "card, or count again."),
                              missing=missing, product=line.product.name, zone=location_label(line.location),
                              code=item.code, qty=item.quantity)
        item = fitting[0]
        lots.remove(item)
        _lose(item, number, reason, staff)
        on_items -= item.quantity
        missing -= item.quantity
    return missing


@business_step
def cancel(count_id: int) -> Changes:
    count = _open(count_id)
    StockCount.update(state="cancelled").where(StockCount.id == count.id).execute()
    return Changes(stock=True)


# ---------------------------------------------------------------- the count schedule and the history (issue 18)

# The choices of the schedule screen: interval in days -> its name. Any other number of days is "every N days".
INTERVALS = {
    7: QT_TRANSLATE_NOOP("Domain", "Weekly"),
    14: QT_TRANSLATE_NOOP("Domain", "Every 2 weeks"),
    30: QT_TRANSLATE_NOOP("Domain", "Monthly (every 30 days)"),
    90: QT_TRANSLATE_NOOP("Domain", "Quarterly (every 90 days)"),
}
MAX_INTERVAL_DAYS = 366  # the table's CHECK (migration 0017)
HISTORY_SHOWN = 200  # the newest posted counts the history lists (each zone's last count is always among them)


def interval_words(days: int | None) -> str:
    """A schedule in words, translated: "Not scheduled", "Weekly", … "Every 10 days"."""
    if not days:
        return translate("Domain", QT_TRANSLATE_NOOP("Domain", "Not scheduled"))
    if days in INTERVALS:
        return translate("Domain", INTERVALS[days])
    return translate("Domain", QT_TRANSLATE_NOOP("Domain", "Every {days} days")).format(days=days)


@dataclass(frozen=True)
class ZoneSchedule:
    """A zone's count schedule and where it stands: its last posted count and when the next one is due."""

    zone: str                          # the location's code
    name: str                          # its name: an English source, translated when shown
    interval_days: int | None          # None: not scheduled
    since: dt.datetime | None          # when it was scheduled
    last_count_id: int | None          # its last posted count (None: never counted)
    last_number: str | None
    last_counted: dt.datetime | None   # when that count was posted
    due: dt.date | None                # the last count's day + the interval; never counted: the day it was scheduled

    def is_due(self, today: dt.date | None = None) -> bool:
        return self.due is not None and self.due <= (today or now().date())

    def is_late(self, today: dt.date | None = None) -> bool:
        """Due before today (a count is due by the end of its due day, as every queue entry)."""
        return self.due is not None and self.due < (today or now().date())


def last_counts() -> dict[str, StockCount]:
    """Each zone's last posted count (zone code -> the count); a count of several zones is the last of each."""
    last: dict[str, StockCount] = {}
    for count in (StockCount.select(StockCount.id, StockCount.number, StockCount.zones, StockCount.posted_at)
                  .where(StockCount.state == "posted").order_by(StockCount.posted_at, StockCount.id)):
        for code in count_zones(count):
            last[code] = count
    return last


def zone_schedules() -> list[ZoneSchedule]:
    """Every zone a count can count (the shop's internal locations, in their order), scheduled or not: three
    queries, whatever the number of counts' lines."""
    schedules = {row.location_id: row for row in CountSchedule.select()}
    last = last_counts()
    result = []
    for zone in Location.select().where((Location.kind == INTERNAL) & Location.active).order_by(Location.sort_order):
        row, count = schedules.get(zone.id), last.get(zone.code)
        due = None
        if row is not None:
            due = (count.posted_at.date() + dt.timedelta(days=row.interval_days) if count is not None
                   else row.since.date())  # scheduled and never counted: due at once
        result.append(ZoneSchedule(zone.code, zone.name, row.interval_days if row else None,
                                   row.since if row else None, count.id if count else None,
                                   count.number if count else None, count.posted_at if count else None, due))
    return result


def due_counts(today: dt.date | None = None) -> list[ZoneSchedule]:
    """The scheduled zones due for their count by *today* (the app clock's day), the longest overdue first."""
    return sorted((z for z in zone_schedules() if z.is_due(today)), key=lambda z: z.due)


@business_step
def set_count_schedule(intervals: dict[str, int | None], staff: Staff | None = None, approval=None) -> Changes:
    """How often each zone is counted: zone code -> days (None or 0: not scheduled; 7 weekly, 14 every two weeks,
    30 monthly, 90 quarterly, or any 1–366). Only the zones whose schedule changes are written. The schedule
    rules the shop's work, so it is the owner's, as in services.owner_settings: once the owner has a PIN the
    change needs the owner's approval (and the table refuses it without the owner's grant, migration 0017), and
    each change is kept in the record of setting changes (area "other", the zone and the schedules in words)."""
    from .settings import approve, owner_grant, record_change

    zones = {loc.code: loc for loc in Location.select().where(Location.kind == INTERNAL)}
    current = {row.location_id: row for row in CountSchedule.select()}
    changed = []
    for code, days in intervals.items():
        zone = zones.get(code)
        if zone is None:
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "There is no zone “{zone}” to count."), zone=code)
        if days is not None and (isinstance(days, bool) or not isinstance(days, int)
                                 or not 0 <= days <= MAX_INTERVAL_DAYS):
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "A zone is counted every 1 to {most} days (0: not "
                                                "scheduled)."), most=MAX_INTERVAL_DAYS)
        row = current.get(zone.id)
        before, after = (row.interval_days if row is not None else None), (days or None)
        if before != after:
            changed.append((zone, row, before, after))
    if not changed:
        return Changes()
    approver = approve(staff, approval)
    with owner_grant() if approver is not None else contextlib.nullcontext():
        for zone, row, before, after in changed:
            if after is None:
                CountSchedule.delete().where(CountSchedule.id == row.id).execute()
            elif row is None:
                CountSchedule.create(location=zone, interval_days=after)
            else:
                CountSchedule.update(interval_days=after).where(CountSchedule.id == row.id).execute()
            subject = translate("Domain", QT_TRANSLATE_NOOP("Domain", "Count schedule: {zone}")).format(
                zone=location_label(zone))
            record_change("other", subject, interval_words(before), interval_words(after), staff or approver,
                          approver)
    return Changes(settings=True, created=len(changed))


@dataclass(frozen=True)
class Variance:
    """What a count found against what the ledger expected when it began: units and their value at each
    product's cost (as the workbook's stock adjustments), + found beyond it, − missing."""

    lines: int = 0
    found: int = 0
    missing: int = 0
    found_value: Decimal = Decimal("0.00")
    missing_value: Decimal = Decimal("0.00")

    @property
    def net(self) -> int:
        return self.found - self.missing

    @property
    def net_value(self) -> Decimal:
        return self.found_value - self.missing_value

    def __add__(self, other: "Variance") -> "Variance":
        return Variance(self.lines + other.lines, self.found + other.found, self.missing + other.missing,
                        self.found_value + other.found_value, self.missing_value + other.missing_value)


@dataclass(frozen=True)
class CountRecord:
    """A posted count in the history."""

    count_id: int
    number: str
    posted_at: dt.datetime
    zones: list[str]                 # the codes of the zones it counted
    posted_by: str                   # who posted it (counts posted before migration 0017: who started it); "" nobody
    variance: Variance               # all its zones together
    by_zone: dict[str, Variance] = field(default_factory=dict)


def _variances(count_ids: list[int]) -> dict[int, dict[str, Variance]]:
    """count id -> zone code -> its variance: one SQL aggregation over the counts' lines."""
    if not count_ids:
        return {}
    result: dict[int, dict[str, Variance]] = {}
    marks = ", ".join("?" for _ in count_ids)
    gain = dialect.greater("COALESCE(l.counted, 0) - l.expected", "0")
    loss = dialect.greater("l.expected - COALESCE(l.counted, 0)", "0")
    for count_id, code, lines, found, missing, found_fen, missing_fen in dialect.execute(f"""
            SELECT l.count_id, z.code, COUNT(*),
                   SUM({gain}), SUM({loss}), SUM({gain} * p.cost), SUM({loss} * p.cost)
            FROM stock_count_line l JOIN product p ON p.id = l.product_id JOIN location z ON z.id = l.location_id
            WHERE l.count_id IN ({marks}) GROUP BY l.count_id, z.code""", count_ids):
        result.setdefault(count_id, {})[code] = Variance(int(lines), int(found or 0), int(missing or 0),
                                                         from_fen(found_fen or 0), from_fen(missing_fen or 0))
    return result


def count_history(limit: int = HISTORY_SHOWN, include: tuple[int, ...] = ()) -> list[CountRecord]:
    """The posted counts, newest first (the newest *limit*, and those of *include*), each with who posted it, its
    lines and its variance, in all and per zone."""
    newest = (StockCount.select(StockCount.id).where(StockCount.state == "posted")
              .order_by(StockCount.posted_at.desc(), StockCount.id.desc()).limit(limit))
    ids = sorted({c.id for c in newest} | set(include))
    if not ids:
        return []
    counts = list(StockCount.select().where(StockCount.id.in_(ids) & (StockCount.state == "posted"))
                  .order_by(StockCount.posted_at.desc(), StockCount.id.desc()))
    people = {c.posted_by_id or c.staff_id for c in counts} - {None}
    names = dict(Staff.select(Staff.id, Staff.name).where(Staff.id.in_(people)).tuples()) if people else {}
    variances = _variances(ids)
    result = []
    for count in counts:
        by_zone = variances.get(count.id, {})
        zones = count_zones(count)
        total = sum((by_zone.get(code, Variance()) for code in zones), Variance())
        result.append(CountRecord(count.id, count.number, count.posted_at, zones,
                                  names.get(count.posted_by_id or count.staff_id, ""), total,
                                  {code: by_zone.get(code, Variance()) for code in zones}))
    return result


def zone_history() -> list[tuple[ZoneSchedule, Variance | None]]:
    """Each zone with its schedule, when it was last counted and that count's variance in the zone (None: never
    counted)."""
    zones = zone_schedules()
    records = {r.count_id: r for r in count_history(limit=0, include=tuple(z.last_count_id for z in zones
                                                                            if z.last_count_id is not None))}
    return [(z, records[z.last_count_id].by_zone.get(z.zone, Variance()) if z.last_count_id in records else None)
            for z in zones]


@dataclass(frozen=True)
class CountSheet:
    """What the paper count sheet says, for the .xlsx and the printout alike (all text already translated)."""
    title: str                     # "Stock count PD… · Sellable stock"
    subtitle: str                  # shop, date (app clock), blind or not
    headers: list[str]             # zone, bin, SKU, product, serial, [expected], counted, notes
    rows: list[list[object]]       # counted (column -2) empty unless already counted; notes (column -1) empty
    signature: str                 # "Counted by ____  Date ____", printed below the rows
    shop: str
    printed: str                   # the app clock's date and time


def count_sheet_data(count_id: int, show_expected: bool = False) -> CountSheet:
    """The count sheet's content in counting order (zone, bin, SKU, serial). *show_expected*: with the ledger's
    expected quantities; by default the count is blind, so the counter writes what is there, not what should be."""
    from . import settings as shop_settings

    count = _count(count_id)
    tr = lambda source: translate("Domain", source)  # noqa: E731 - the sources are marked where they are written
    headers = [tr(QT_TRANSLATE_NOOP("Domain", "Zone")), tr(QT_TRANSLATE_NOOP("Domain", "Bin")),
               tr(QT_TRANSLATE_NOOP("Domain", "SKU")), tr(QT_TRANSLATE_NOOP("Domain", "Product")),
               tr(QT_TRANSLATE_NOOP("Domain", "Serial"))]
    if show_expected:
        headers.append(tr(QT_TRANSLATE_NOOP("Domain", "Expected")))
    headers += [tr(QT_TRANSLATE_NOOP("Domain", "Counted")), tr(QT_TRANSLATE_NOOP("Domain", "Note"))]
    rows = []
    for _id, zone, bin_, sku, name, model, serial, expected, counted in line_rows(count_id):
        row: list[object] = [translate("Domain", zone), bin_ or "", sku, f"{name} {model or ''}".strip(), serial or ""]
        if show_expected:
            row.append(expected)
        row += [counted, None]
        rows.append(row)
    zones = tr(QT_TRANSLATE_NOOP("Domain", ", ")).join(location_label(loc) for loc in Location.select().where(Location.code.in_(count_zones(count)))
                      .order_by(Location.sort_order))
    printed = f"{now():%Y-%m-%d %H:%M}"
    shop = shop_settings.get(shop_settings.SHOP_NAME)
    how = (tr(QT_TRANSLATE_NOOP("Domain", "With the expected quantities.")) if show_expected else
           tr(QT_TRANSLATE_NOOP("Domain", "Blind count: write what you find (0 for what is not there).")))
    return CountSheet(
        title=tr(QT_TRANSLATE_NOOP("Domain", "Stock count {number} · {zones}")).format(number=count.number, zones=zones),
        subtitle=tr(QT_TRANSLATE_NOOP("Domain", "{shop} · started {started} · printed {printed} · {lines} line(s). "
                                                "{how}")).format(
            shop=shop, started=f"{count.created_at:%Y-%m-%d %H:%M}", printed=printed, lines=len(rows),
            how=how).lstrip(" ·"),
        headers=headers, rows=rows, shop=shop, printed=printed,
        signature=tr(QT_TRANSLATE_NOOP("Domain", "Counted by ____________________    Date ______________    "
                                                 "Checked by ____________________")))


def _width(value: object) -> int:
    raw = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in raw)  # CJK takes two columns


def count_sheet(count_id: int, path: Path, show_expected: bool = False) -> Path:
    """The count sheet as an .xlsx to print and count on: a title block (count number, zones, the date), zone,
    bin, SKU, product and serial beside an empty bordered "Counted" column and a notes column (the expected
    quantities only if *show_expected*), the header repeated on every page, fitting the page width, and the
    counter's signature line under the rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    from ..reports.workbook import print_ready, safe_text, save_atomically, set_value

    data = count_sheet_data(count_id, show_expected)
    columns = len(data.headers)
    counted_col, notes_col = columns - 2, columns - 1
    product_col = 3
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(safe_text(_count(count_id).number)[:31])
    # widths from the data (write-only: before any row); the product wraps, the counted and notes leave room to write
    widths = [max([_width(h) for h in data.headers[i:i + 1]] + [_width(r[i]) for r in data.rows[:2000]]) + 2
              for i in range(columns)]
    widths[product_col] = min(max(widths[product_col], 24), 44)
    for i in range(columns):
        if i not in (product_col, counted_col, notes_col):
            widths[i] = min(max(widths[i], 8), 24)
    widths[counted_col] = max(widths[counted_col], 12)
    widths[notes_col] = max(widths[notes_col], 24)
    if show_expected:
        widths[counted_col - 1] = max(widths[counted_col - 1], 9)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    header_row = 4
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    last = get_column_letter(columns)

    def cell(value, *, font=None, border=None, alignment=None, fill=None):
        c = WriteOnlyCell(ws)
        set_value(c, value)  # a product named "-5% 特价" stays text, as on every sheet the app writes
        if font is not None:
            c.font = font
        if border is not None:
            c.border = border
        if alignment is not None:
            c.alignment = alignment
        if fill is not None:
            c.fill = fill
        return c

    signature_row = header_row + len(data.rows) + 1  # right under the rows (its height leaves the gap)
    # write-only: what goes before the rows in the file (sheet properties, frozen panes, row heights) first
    ws.freeze_panes = f"A{header_row + 1}"
    print_ready(ws, title=data.title, shop=data.shop, period=data.printed, landscape=sum(widths) > 100,
                header_rows=0)
    ws.print_title_rows = f"{header_row}:{header_row}"  # the column header, under the title block, on every page
    ws.print_area = f"A1:{last}{signature_row}"
    for number in range(header_row + 1, header_row + 1 + len(data.rows)):
        ws.row_dimensions[number].height = 20  # room to write a number by hand
    ws.row_dimensions[signature_row].height = 32
    ws.append([cell(data.title, font=Font(bold=True, size=14))])
    ws.append([cell(data.subtitle, font=Font(size=9))])
    ws.append([])
    ws.merged_cells.add(f"A1:{last}1")
    ws.merged_cells.add(f"A2:{last}2")
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.append([cell(h, font=bold, border=box, fill=fill, alignment=centre) for h in data.headers])
    wrap = Alignment(vertical="center", wrap_text=True)
    middle = Alignment(vertical="center")
    numbers = Alignment(horizontal="right", vertical="center")
    align = [wrap if i == product_col else middle for i in range(columns)]
    align[counted_col] = numbers
    if show_expected:
        align[counted_col - 1] = numbers
    for row in data.rows:
        ws.append([cell(value, border=box, alignment=align[i]) for i, value in enumerate(row)])
    ws.append([cell(data.signature, font=Font(size=11), alignment=Alignment(vertical="bottom"))])
    ws.merged_cells.add(f"A{signature_row}:{last}{signature_row}")
    return save_atomically(wb, Path(path))
