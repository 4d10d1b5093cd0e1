"""Repairs: repair orders (维修单) for repairable units, planned onto technicians' days by skill and
capacity, started, costed (labour, parts at moving-average cost, outside fees) and finished.

Planning is flagged, not refused, when a day is over capacity or a complex repair sits with a general
technician: the workshop lead sees it on the board and decides. A day the technician does not work is
refused.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import peewee as pw

from ..clock import monday_of, now, today
from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..models import (AftersalesItem, LabourLog, PartReceipt, Product, RepairOrder, RepairPart, Staff, Technician,
                      TechnicianCategory)
from ..models.aftersales import (EVENT_REPAIR, IN_REPAIR, READY_FOR_PICKUP, QC_WAITING, REPAIRABLE)
from ..models.repairs import CANCELLED, DIFFICULTIES, DONE, IN_PROGRESS, OPEN_STATES, PRIORITIES, UNREPAIRABLE, WAITING
from ..money import FEN
from . import settings
from .base import Changes, business_step
from .items import change_status, get_item, record
from .ledger import MoveRequest, move, on_hand
from .numbering import next_number

TURNAROUND_DAYS = "repair.turnaround_days"  # the promise for a simple repair
COMPLEX_DAYS = "repair.complex_days"
COST_WARNING_PCT = "repair.cost_warning_pct"
EXPECTED_VALUE_PCT = "repair.expected_value_pct"


def _int_setting(key: str, default: int) -> int:
    try:
        return int(settings.get(key) or default)
    except ValueError:
        return default


def turnaround_days(difficulty: str = "simple") -> int:
    """The days the shop promises for a repair of this difficulty (its due date from the day it was opened)."""
    if difficulty == "complex":
        return _int_setting(COMPLEX_DAYS, 14)
    return _int_setting(TURNAROUND_DAYS, 7)


# ------------------------------------------------------------------ technicians

@business_step
def save_technician(staff_id: int, skill: str, capacity: Decimal, working_days: str, hourly_rate: Decimal,
                    category_ids: list[int]) -> Changes:
    if skill not in ("general", "specialist"):
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose the technician's skill level."))
    capacity = Decimal(capacity)
    if not Decimal(0) < capacity <= 24:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "A day's capacity is between 0 and 24 hours."))
    days = "".join(sorted({d for d in working_days if d in "1234567"}))
    if not days:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "A technician works on at least one day of the week."))
    if Decimal(hourly_rate) < 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The hourly rate cannot be negative."))
    tech = Technician.get_or_none(Technician.staff == staff_id)
    if tech is None:
        tech = Technician.create(staff=staff_id, skill=skill, capacity=capacity, working_days=days,
                                 hourly_rate=hourly_rate)
    else:
        Technician.update(skill=skill, capacity=capacity, working_days=days, hourly_rate=hourly_rate,
                          active=True).where(Technician.id == tech.id).execute()
    TechnicianCategory.delete().where(TechnicianCategory.technician == tech).execute()
    for category_id in set(category_ids):
        TechnicianCategory.create(technician=tech, category=category_id)
    return Changes(people=True, repairs=True)


def technicians() -> list[Technician]:
    return list(Technician.select(Technician, Staff).join(Staff).where(Technician.active & Staff.active)
                .order_by(Technician.id))


def categories_of(tech: Technician) -> set[int]:
    return {tc.category_id for tc in TechnicianCategory.select().where(TechnicianCategory.technician == tech)}


# ------------------------------------------------------------------ repair orders

def open_repair(item: AftersalesItem) -> RepairOrder | None:
    return (RepairOrder.select().where((RepairOrder.item == item) & RepairOrder.state.in_(OPEN_STATES))
            .order_by(RepairOrder.id.desc()).first())


def ensure_repair(item: AftersalesItem, staff: Staff | None, fault: str = "") -> RepairOrder:
    """The item's open repair order, created with defaults when it has none (inside a business step)."""
    existing = open_repair(item)
    if existing is not None:
        return existing
    number = next_number("repair")
    repair = RepairOrder.create(number=number, item=item, fault=(fault or item.findings or item.fault).strip(),
                                due_date=today() + dt.timedelta(days=turnaround_days()))
    record(item, EVENT_REPAIR, staff, note=repair.fault, data={"number": number})
    return repair


def cancel_open_repairs(item: AftersalesItem) -> None:
    """Close the item's open repair orders (inside the business step that takes it elsewhere)."""
    RepairOrder.update(state=CANCELLED, finished_at=now()).where(
        (RepairOrder.item == item) & RepairOrder.state.in_(OPEN_STATES)).execute()


@business_step
def update_repair(repair_id: int, fault: str, difficulty: str, estimate: Decimal, due_date: dt.date,
                  priority: int, outside_fees: Decimal | None = None) -> Changes:
    repair = _repair(repair_id)
    if repair.state not in OPEN_STATES:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Repair {number} is closed."), number=repair.number)
    if difficulty not in DIFFICULTIES or priority not in PRIORITIES:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose the difficulty and the priority."))
    if Decimal(estimate) <= 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The estimate must be more than 0 hours."))
    if outside_fees is not None and Decimal(outside_fees) < 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Outside fees cannot be negative."))
    if difficulty != repair.difficulty and due_date == repair.due_date:
        # the due date was left as it was: it follows the promise for the new difficulty
        due_date = repair.created_at.date() + dt.timedelta(days=turnaround_days(difficulty))
    data = dict(fault=fault.strip(), difficulty=difficulty, estimate=Decimal(estimate), due_date=due_date,
                priority=priority)
    if outside_fees is not None:
        data["outside_fees"] = Decimal(outside_fees).quantize(FEN)
    RepairOrder.update(**data).where(RepairOrder.id == repair.id).execute()
    return Changes(repairs=True)


def _repair(repair_id: int) -> RepairOrder:
    repair = RepairOrder.get_or_none(RepairOrder.id == repair_id)
    if repair is None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "There is no repair order #{id}."), id=repair_id)
    return repair


# ------------------------------------------------------------------ planning

@business_step
def plan(repair_id: int, technician_id: int | None, day: dt.date | None, staff: Staff | None = None) -> Changes:
    """Put a repair on a technician's day, or back on the unscheduled pile (None, None)."""
    repair = _repair(repair_id)
    if repair.state != WAITING:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Repair {number} has already started; it stays where it is."),
                          number=repair.number)
    if (technician_id is None) != (day is None):
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose both the technician and the day."))
    if technician_id is not None:
        tech = Technician.get_or_none(Technician.id == technician_id)
        if tech is None or not tech.active:
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose an active technician."))
        if not tech.works_on(day):
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "{name} does not work on {day}."),
                              name=tech.staff.name, day=day.isoformat())
        if day < today():
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "A repair cannot be planned on a day that has passed."))
    RepairOrder.update(technician=technician_id, planned_on=day).where(RepairOrder.id == repair.id).execute()
    return Changes(repairs=True)


@dataclass(frozen=True)
class Flag:
    source: str
    params: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        return translate("Domain", self.source).format(**dict(self.params))


def card_flags(repair: RepairOrder, tech: Technician | None, tech_categories: set[int] | None = None) -> list[Flag]:
    flags = []
    if repair.due_date < today() and repair.state in OPEN_STATES:
        flags.append(Flag(QT_TRANSLATE_NOOP("Domain", "Overdue since {date}"),
                          (("date", repair.due_date.isoformat()),)))
    if repair.state == IN_PROGRESS and repair.started_at and repair.started_at.date() < today():
        flags.append(Flag(QT_TRANSLATE_NOOP("Domain", "Under way since {date}"),
                          (("date", repair.started_at.date().isoformat()),)))
    if tech is not None:
        if repair.difficulty == "complex" and tech.skill != "specialist":
            flags.append(Flag(QT_TRANSLATE_NOOP("Domain", "Complex: needs a specialist")))
        cats = categories_of(tech) if tech_categories is None else tech_categories
        category = repair.item.product.category_id
        if cats and category not in cats:
            flags.append(Flag(QT_TRANSLATE_NOOP("Domain", "Not a category this technician repairs")))
    return flags


@dataclass
class DayCell:
    day: dt.date
    working: bool
    capacity: Decimal
    repairs: list[RepairOrder] = field(default_factory=list)

    @property
    def load(self) -> Decimal:
        return sum((r.estimate for r in self.repairs), Decimal(0))

    @property
    def over_capacity(self) -> bool:
        return self.load > self.capacity


@dataclass
class Board:
    days: list[dt.date]
    technicians: list[Technician]
    cells: dict[tuple[int, dt.date], DayCell]
    backlog: list[RepairOrder]  # waiting and not planned (or planned on a day that has passed)
    categories: dict[int, set[int]]


def week_of(day: dt.date) -> list[dt.date]:
    monday = monday_of(day)
    return [monday + dt.timedelta(days=n) for n in range(7)]


def _open_repairs() -> pw.ModelSelect:
    return (RepairOrder.select(RepairOrder, AftersalesItem, Product)
            .join(AftersalesItem).join(Product).where(RepairOrder.state.in_(OPEN_STATES)))


def board(day: dt.date) -> Board:
    days = week_of(day)
    techs = technicians()
    cells = {(t.id, d): DayCell(d, t.works_on(d), t.capacity if t.works_on(d) else Decimal(0))
             for t in techs for d in days}
    backlog = []
    this_week = today() in days
    for repair in _open_repairs().order_by(RepairOrder.due_date, RepairOrder.priority, RepairOrder.id):
        key = (repair.technician_id, repair.planned_on)
        if key in cells:
            cells[key].repairs.append(repair)
        elif repair.state == IN_PROGRESS and this_week and (repair.technician_id, today()) in cells:
            # under way but planned in another week (started last week, or early): it is on the bench now, so
            # the current week carries it in today's cell (its card says since when)
            cells[(repair.technician_id, today())].repairs.append(repair)
        elif repair.technician_id is None or repair.planned_on is None or (
                repair.state == WAITING and repair.planned_on < today()):
            backlog.append(repair)
    return Board(days, techs, cells, backlog, {t.id: categories_of(t) for t in techs})


@dataclass(frozen=True)
class Proposal:
    repair: RepairOrder
    technician: Technician
    day: dt.date


def propose_plan(start: dt.date | None = None, horizon: int = 14) -> list[Proposal]:
    """Fill the coming days from the backlog: earliest due date first (then priority), each to the
    least-loaded technician with the skill and the category who still has room that day. Nothing is
    written: the proposal is shown first, and apply_plan() writes it."""
    start = max(start or today(), today())
    days = [start + dt.timedelta(days=n) for n in range(horizon)]
    techs = technicians()
    cats = {t.id: categories_of(t) for t in techs}
    load: dict[tuple[int, dt.date], Decimal] = defaultdict(Decimal)
    for repair in _open_repairs().where(RepairOrder.planned_on.in_(days) & RepairOrder.technician.is_null(False)):
        load[(repair.technician_id, repair.planned_on)] += repair.estimate
    backlog = [r for r in _open_repairs().where(RepairOrder.state == WAITING)
               .order_by(RepairOrder.due_date, RepairOrder.priority, RepairOrder.created_at, RepairOrder.id)
               if r.technician_id is None or r.planned_on is None or r.planned_on < today()]
    proposals = []
    for repair in backlog:
        able = [t for t in techs if (repair.difficulty != "complex" or t.skill == "specialist")
                and (not cats[t.id] or repair.item.product.category_id in cats[t.id])]
        chosen = None
        for day in days:
            fits = [t for t in able if t.works_on(day)
                    and (load[(t.id, day)] + repair.estimate <= t.capacity or load[(t.id, day)] == 0)]
            if fits:
                chosen = min(fits, key=lambda t: (load[(t.id, day)], t.id))
                load[(chosen.id, day)] += repair.estimate
                proposals.append(Proposal(repair, chosen, day))
                break
    return proposals


@business_step
def apply_plan(proposals: list[Proposal], staff: Staff | None = None) -> Changes:
    for proposal in proposals:
        plan(proposal.repair.id, proposal.technician.id, proposal.day, staff)
    return Changes(repairs=True, created=len(proposals))


# ------------------------------------------------------------------ doing the repair

@business_step
def start_repair(repair_id: int, staff: Staff | None = None, note: str = "") -> Changes:
    repair = _repair(repair_id)
    if repair.state != WAITING:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Repair {number} is not waiting to start."),
                          number=repair.number)
    item = repair.item
    change_status(item, IN_REPAIR, staff, note, code=EVENT_REPAIR, data={"number": repair.number})
    values = {RepairOrder.state: IN_PROGRESS, RepairOrder.started_at: now()}
    if repair.technician_id is None:  # started straight away by whoever is doing it
        tech = Technician.get_or_none(Technician.staff == staff) if staff else None
        if tech is not None:
            values.update({RepairOrder.technician: tech.id, RepairOrder.planned_on: today()})
    RepairOrder.update(values).where(RepairOrder.id == repair.id).execute()
    return Changes(repairs=True, items=True, stock=True)


@business_step
def pause_repair(repair_id: int, staff: Staff | None = None, note: str = "") -> Changes:
    repair = _repair(repair_id)
    if repair.state != IN_PROGRESS:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Repair {number} was never started."), number=repair.number)
    change_status(repair.item, REPAIRABLE, staff, note, code=EVENT_REPAIR, data={"number": repair.number})
    RepairOrder.update(state=WAITING, planned_on=None, technician=None).where(RepairOrder.id == repair.id).execute()
    return Changes(repairs=True, items=True, stock=True)


@business_step
def log_hours(repair_id: int, hours: Decimal, technician_id: int | None = None, note: str = "",
              staff: Staff | None = None) -> Changes:
    repair = _repair(repair_id)
    hours = Decimal(hours)
    if hours <= 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Hours worked must be more than 0."))
    if hours > 24:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "More than 24 hours in one entry: split it by day."))
    if repair.state not in OPEN_STATES:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Repair {number} is closed."), number=repair.number)
    tech = Technician.get_or_none(Technician.id == (technician_id or repair.technician_id))
    if tech is None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose who did the work."))
    LabourLog.create(repair=repair, technician=tech, hours=hours, rate=tech.hourly_rate, note=note.strip())
    record(repair.item, EVENT_REPAIR, staff, note=note,
           data={"number": repair.number, "hours": str(hours), "technician": tech.staff.name})
    return Changes(repairs=True, items=True)


@business_step
def use_part(repair_id: int, product_id: int, quantity: int, staff: Staff | None = None) -> Changes:
    repair = _repair(repair_id)
    part = Product.get_or_none(Product.id == product_id)
    if part is None or part.kind != "part":
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose a spare part."))
    if repair.state not in OPEN_STATES:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Repair {number} is closed."), number=repair.number)
    if quantity <= 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The quantity must be at least 1."))
    available = on_hand(part, "parts")
    if quantity > available:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Only {available} × {part} in the parts store; {qty} asked."),
                          available=available, part=part.name, qty=quantity)
    stock_move = move(MoveRequest(product=part, quantity=quantity, source="parts", target="repair_use",
                                  reference=repair.number, staff=staff))
    RepairPart.create(repair=repair, product=part, quantity=quantity, unit_cost=part.cost, move=stock_move)
    record(repair.item, EVENT_REPAIR, staff, data={"number": repair.number, "part": part.name, "qty": quantity})
    return Changes(repairs=True, stock=True, items=True)


@business_step
def finish_repair(repair_id: int, repaired: bool, note: str = "", staff: Staff | None = None,
                  approved_by: Staff | None = None) -> Changes:
    """Done → a shop unit goes to the quality check, a customer's to the pickup shelf. Cannot be
    repaired → a shop unit is scrapped (owner's approval, scrap record), a customer's goes back unrepaired."""
    repair = _repair(repair_id)
    if repair.state != IN_PROGRESS:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Repair {number} was never started."), number=repair.number)
    item = get_item(repair.item_id)
    RepairOrder.update(state=DONE if repaired else UNREPAIRABLE, finished_at=now()).where(
        RepairOrder.id == repair.id).execute()
    data = {"number": repair.number, "total": str(repair_cost(repair).total)}
    if item.customer_owned:
        change_status(item, READY_FOR_PICKUP, staff, note, code=EVENT_REPAIR, data=data)
    elif repaired:
        change_status(item, QC_WAITING, staff, note, code=EVENT_REPAIR, data=data)
    else:
        from .resolutions import scrap

        scrap(item.id, note or translate("Domain", QT_TRANSLATE_NOOP("Domain", "Cannot be repaired")),
              approved_by, staff)
    return Changes(repairs=True, items=True, stock=True)


# ------------------------------------------------------------------ cost

@dataclass(frozen=True)
class RepairCost:
    labour_hours: Decimal
    labour: Decimal
    parts: Decimal
    outside: Decimal

    @property
    def total(self) -> Decimal:
        return self.labour + self.parts + self.outside


def repair_cost(repair: RepairOrder) -> RepairCost:
    logs = list(LabourLog.select().where(LabourLog.repair == repair))
    hours = sum((log.hours for log in logs), Decimal(0))
    labour = sum(((log.hours * log.rate).quantize(FEN) for log in logs), Decimal(0))
    parts = sum(((p.unit_cost * p.quantity).quantize(FEN) for p in RepairPart.select().where(RepairPart.repair == repair)),
                Decimal(0))
    return RepairCost(hours, labour, parts, repair.outside_fees)


def item_repair_cost(item: AftersalesItem) -> Decimal:
    return sum((repair_cost(r).total for r in RepairOrder.select().where(RepairOrder.item == item)), Decimal(0))


def expected_value(item: AftersalesItem) -> Decimal:
    """What the unit is expected to fetch once repaired: a share (settings) of its list price."""
    return (item.product.list_price * item.quantity * _int_setting(EXPECTED_VALUE_PCT, 60) / 100).quantize(FEN)


def cost_warning(repair: RepairOrder) -> str | None:
    """A warning when the repair costs more than a share (settings) of what the unit will fetch."""
    item = repair.item
    if item.customer_owned:
        return None
    limit = (expected_value(item) * _int_setting(COST_WARNING_PCT, 50) / 100).quantize(FEN)
    cost = item_repair_cost(item)
    if limit and cost > limit:
        return translate("Domain", QT_TRANSLATE_NOOP(
            "Domain", "Repair cost ¥{cost} is more than {pct}% of the ¥{value} the unit should fetch: is it worth "
                      "repairing?")).format(cost=f"{cost:,.2f}", pct=_int_setting(COST_WARNING_PCT, 50),
                                            value=f"{expected_value(item):,.2f}")
    return None


# ------------------------------------------------------------------ pickup

def pickup_message(item: AftersalesItem) -> str:
    """The "ready to pick up" text for SMS or WeChat (the template is set under Promises and messages), in the
    shop's document language (queues.message_for)."""
    from .queues import message_for

    return message_for(item, "message.ready")


# ------------------------------------------------------------------ spare parts

@business_step
def save_part(sku: str, name: str, model: str = "", bin: str = "", reorder_level: int = 0,
              supplier_id: int | None = None, category_id: int | None = None) -> Changes:
    sku, name = sku.strip(), name.strip()
    if not sku or not name:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "A spare part needs a code and a name."))
    if reorder_level < 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The reorder level cannot be negative."))
    existing = Product.get_or_none(Product.sku == sku)
    if existing is not None and existing.kind != "part":
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{sku} is already a product for sale."), sku=sku)
    data = dict(name=name, model=model.strip(), bin=bin.strip(), reorder_level=reorder_level, kind="part",
                supplier=supplier_id, category=category_id)
    if existing is None:
        part = Product.create(sku=sku, **data)
    else:
        Product.update(**data).where(Product.id == existing.id).execute()
        part = existing
    return Changes(catalog=True, ids=(part.id,))


@business_step
def receive_parts(product_id: int, quantity: int, unit_cost: Decimal, supplier_id: int | None = None,
                  staff: Staff | None = None) -> Changes:
    """Parts arrive from a supplier: into the parts store, the part's cost becomes the moving average."""
    part = Product.get_or_none(Product.id == product_id)
    if part is None or part.kind != "part":
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose a spare part."))
    if quantity <= 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The quantity must be at least 1."))
    unit_cost = Decimal(unit_cost).quantize(FEN)
    if unit_cost < 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "An amount cannot be negative (got {value})."), value=unit_cost)
    held = on_hand(part, "parts")
    average = ((part.cost * held + unit_cost * quantity) / (held + quantity)).quantize(FEN)
    number = next_number("parts_receipt")
    stock_move = move(MoveRequest(product=part, quantity=quantity, source="supplier", target="parts",
                                  reference=number, staff=staff))
    PartReceipt.create(number=number, product=part, supplier=supplier_id or part.supplier_id, quantity=quantity,
                       unit_cost=unit_cost, move=stock_move, staff=staff)
    Product.update(cost=average).where(Product.id == part.id).execute()
    return Changes(stock=True, catalog=True, reference=number)


@dataclass(frozen=True)
class PartStock:
    part: Product
    on_hand: int

    @property
    def low(self) -> bool:
        return self.on_hand <= self.part.reorder_level


def parts_stock(category_first: int | None = None) -> list[PartStock]:
    """The spare parts with what the parts store holds, by code; with *category_first*, the parts for that
    category (the unit's on the bench) come first."""
    from ..models import Location, StockQuant

    held = {row.product_id: row.quantity for row in StockQuant.select().join(Location)
            .where(Location.code == "parts")}
    parts = [PartStock(p, held.get(p.id, 0)) for p in Product.select().where(Product.kind == "part")
             .order_by(Product.sku)]
    if category_first is not None:
        parts.sort(key=lambda stock: stock.part.category_id != category_first)  # stable: by code within each
    return parts


def low_stock() -> list[PartStock]:
    return [p for p in parts_stock() if p.low]
