"""Stock counts (盘点): freeze what the ledger expects in the chosen zones, take the counted quantities (or
scanned serials one by one), show the differences, and post them as moves to or from the stock-adjustment
location with a reason. Nothing changes stock until the count is posted, in one transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from ..clock import now
from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..models import Location, Product, Staff, StockCount, StockCountLine, StockQuant, StockSerial
from ..models.stock import ADJUSTMENT, INTERNAL
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


@business_step
def start_count(zone_codes: list[str], staff: Staff | None = None) -> Changes:
    """Open a count of *zone_codes*: one line per product and zone, one per unit for serialised products."""
    zones = list(Location.select().where(Location.code.in_(zone_codes) & (Location.kind == INTERNAL)))
    if not zones:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose at least one zone to count."))
    number = next_number("count")
    count = StockCount.create(number=number, staff=staff, zones=json.dumps([z.code for z in zones]))
    lines = []
    for zone in zones:
        quants = (StockQuant.select(StockQuant.product, pw.fn.SUM(StockQuant.quantity)).join(Product)
                  .where((StockQuant.location == zone) & (StockQuant.quantity > 0) & ~Product.serialised)
                  .group_by(StockQuant.product).tuples())
        lines += [{"count": count.id, "product": p, "location": zone.id, "serial": None, "expected": q}
                  for p, q in quants]
        lines += [{"count": count.id, "product": s.product_id, "location": zone.id, "serial": s.serial,
                   "expected": 1} for s in StockSerial.select().where(StockSerial.location == zone)]
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
    zones = json.loads(count.zones)
    zone_code = zone_code or zones[0]
    line = (StockCountLine.select().join(Location).where((StockCountLine.count == count) & (StockCountLine.serial == code))
            .first())
    if line is not None:
        StockCountLine.update(counted=1).where(StockCountLine.id == line.id).execute()
        return Changes(messages=(code,), ids=(line.id,))
    product = Product.select().where((Product.sku == code) | (Product.barcode == code)).first()
    zone = Location.get(Location.code == zone_code)
    if product is None:
        serial_of = StockSerial.select().where(StockSerial.serial == code).first()
        if serial_of is None:
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "Nothing has the code {code}."), code=code)
        # a unit found where the ledger did not expect it
        line = StockCountLine.create(count=count, product=serial_of.product_id, location=zone, serial=code,
                                     expected=0, counted=1)
        return Changes(ids=(line.id,))
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


@business_step
def post(count_id: int, reason: str, staff: Staff | None = None) -> Changes:
    """Post the differences as adjustment moves. Every line must be counted, the reason given, and the zones
    unchanged since the count began (else: count again)."""
    count = _open(count_id)
    if not reason.strip():
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Give the reason for the adjustments."))
    missing = uncounted(count_id)
    if missing:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{count} line(s) are not counted yet: enter 0 for what is "
                                            "not there."), count=missing)
    held = (StockQuant.select(pw.fn.COALESCE(pw.fn.SUM(StockQuant.quantity), 0))
            .where((StockQuant.product == StockCountLine.product) & (StockQuant.location == StockCountLine.location)))
    moved = (StockCountLine.select().where((StockCountLine.count == count) & StockCountLine.serial.is_null()
                                           & (StockCountLine.expected > 0) & (held != StockCountLine.expected))
             .first())  # one query over the lines, not one per line: a zone can have 20 000
    if moved is not None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Stock of {product} in “{zone}” moved since the count "
                                            "began; count it again."),
                          product=moved.product.name, zone=location_label(moved.location))
    adjustments = 0
    for diff in differences(count_id):
        line = diff.line
        if line.serial:
            if diff.delta < 0:  # the unit is not on the shelf: it leaves for the adjustment location
                source, target = line.location, ADJUSTMENT
            else:  # found here: it comes from wherever the ledger had it (another zone, or nowhere)
                where = serial_location(line.product, line.serial)
                source, target = (where if where is not None else ADJUSTMENT), line.location
            move(MoveRequest(product=line.product, quantity=1, source=source, target=target, serial=line.serial,
                             reference=count.number, note=reason, staff=staff))
        elif diff.delta < 0:
            move(MoveRequest(product=line.product, quantity=-diff.delta, source=line.location, target=ADJUSTMENT,
                             reference=count.number, note=reason, staff=staff))
        else:
            move(MoveRequest(product=line.product, quantity=diff.delta, source=ADJUSTMENT, target=line.location,
                             reference=count.number, note=reason, staff=staff))
        adjustments += 1
    StockCount.update(state="posted", posted_at=now(), reason=reason.strip()).where(
        StockCount.id == count.id).execute()
    return Changes(stock=True, created=adjustments, reference=count.number)


@business_step
def cancel(count_id: int) -> Changes:
    count = _open(count_id)
    StockCount.update(state="cancelled").where(StockCount.id == count.id).execute()
    return Changes(stock=True)


def count_sheet(count_id: int, path: Path, show_expected: bool = False) -> Path:
    """A sheet to count on paper: zone, bin, SKU, product, serial, (expected), an empty 'counted' column."""
    from ..reports.workbook import write_table

    count = _count(count_id)
    headers = [translate("Domain", h) for h in (
        QT_TRANSLATE_NOOP("Domain", "Zone"), QT_TRANSLATE_NOOP("Domain", "Bin"), QT_TRANSLATE_NOOP("Domain", "SKU"),
        QT_TRANSLATE_NOOP("Domain", "Product"), QT_TRANSLATE_NOOP("Domain", "Serial"))]
    if show_expected:
        headers.append(translate("Domain", QT_TRANSLATE_NOOP("Domain", "Expected")))
    headers.append(translate("Domain", QT_TRANSLATE_NOOP("Domain", "Counted")))
    rows = []
    for line in (StockCountLine.select(StockCountLine, Product, Location).join(Product).switch(StockCountLine)
                 .join(Location).where(StockCountLine.count == count).order_by(Location.sort_order, Product.bin,
                                                                               Product.sku)):
        row = [location_label(line.location), line.product.bin, line.product.sku,
               f"{line.product.name} {line.product.model}".strip(), line.serial or ""]
        if show_expected:
            row.append(line.expected)
        row.append(line.counted if line.counted is not None else None)
        rows.append(row)
    return write_table(Path(path), count.number, headers, rows)
