"""Resale: the quality check before anything is resold, grading and the suggested price, the resale shelf
with markdowns, and the sale — never without the buyer being told the unit's history (信息披露)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from pathlib import Path

from ..clock import now
from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP, in_document_language, join_sentences, translate
from ..models import (AftersalesItem, ItemEvent, Product, PricingRule, QualityCheck, QualityChecklist, RepairOrder,
                      ResaleListing, ResaleSale, Staff)
from ..models.aftersales import (EVENT_QC, EVENT_RESALE, QC_WAITING, READY_FOR_PICKUP, REASONS, REPAIRABLE, RESALE,
                                 SELLABLE, SOLD)
from ..models.repairs import DONE
from ..models.resale import CHANNELS, GRADE_MEANINGS, GRADES
from ..money import FEN
from . import settings
from .base import Changes, business_step
from .items import change_status, get_item, record, require_staff
from .numbering import next_number
from .repairs import item_repair_cost

MARKDOWN_DAYS = "resale.markdown_days"
MARKDOWN_PCT = "resale.markdown_pct"


def _setting_int(key: str, default: int) -> int:
    try:
        return int(settings.get(key) or default)
    except ValueError:
        return default


def grade_meaning(grade: str) -> str:
    custom = settings.get(f"resale.grade.{grade}")
    return custom or translate("Domain", GRADE_MEANINGS[grade])


# ------------------------------------------------------------------ checklists and pricing rules

def checklist_for(category_id: int | None) -> list[str]:
    row = QualityChecklist.get_or_none(QualityChecklist.category == category_id) if category_id else None
    row = row or QualityChecklist.select().where(QualityChecklist.category.is_null()).first()
    return json.loads(row.lines) if row else []


@business_step
def save_checklist(category_id: int | None, lines: list[str]) -> Changes:
    lines = [line.strip() for line in lines if line.strip()]
    if not lines:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "A checklist needs at least one check."))
    where = QualityChecklist.category.is_null() if category_id is None else QualityChecklist.category == category_id
    data = json.dumps(lines, ensure_ascii=False)
    if not QualityChecklist.update(lines=data).where(where).execute():
        QualityChecklist.create(category=category_id, lines=data)
    return Changes(settings=True)


def pricing_for(category_id: int | None) -> PricingRule:
    row = PricingRule.get_or_none(PricingRule.category == category_id) if category_id else None
    return row or PricingRule.select().where(PricingRule.category.is_null()).first() or PricingRule()


# how a pricing rule rounds the suggested price (pricing_rule.rounding), in the order the settings offer them
ROUNDINGS = {
    "fen": QT_TRANSLATE_NOOP("Domain", "To the fen (¥77.46)"),
    "jiao": QT_TRANSLATE_NOOP("Domain", "To ¥0.10 (¥77.50)"),
    "yuan": QT_TRANSLATE_NOOP("Domain", "To the yuan (¥77)"),
    "nine": QT_TRANSLATE_NOOP("Domain", "Ending in 9 (¥79, ¥129; under ¥10: ¥4.90)"),
}


@business_step
def save_pricing(category_id: int | None, grade_a: int, grade_b: int, grade_c: int, floor_pct: int,
                 rounding: str | None = None) -> Changes:
    """A category's pricing rule (None: the default for all); *rounding* None keeps the rule's rounding."""
    if not all(0 < pct <= 100 for pct in (grade_a, grade_b, grade_c)) or not 0 <= floor_pct <= 100:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Shares of the new price are percentages from 1 to 100."))
    if not grade_a >= grade_b >= grade_c:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Grade A must fetch at least as much as B, and B as C."))
    if rounding is not None and rounding not in ROUNDINGS:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose how the suggested price is rounded."))
    data = dict(grade_a=grade_a, grade_b=grade_b, grade_c=grade_c, floor_pct=floor_pct)
    if rounding is not None:
        data["rounding"] = rounding
    where = PricingRule.category.is_null() if category_id is None else PricingRule.category == category_id
    if not PricingRule.update(**data).where(where).execute():
        PricingRule.create(category=category_id, **data)
    return Changes(settings=True)


def _round_yuan(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal(1), rounding=ROUND_HALF_UP).quantize(FEN)


_STEPS = {"fen": FEN, "jiao": Decimal("0.1"), "yuan": Decimal(1)}
# the prices "ending in 9", per range: ¥0.09, ¥0.19 … ¥0.99; ¥1.90, ¥2.90 … ¥9.90; ¥19, ¥29, ¥39 …
# as (lowest, step, highest or None) — every price lowest + k × step up to highest
_NINES = ((Decimal("0.09"), Decimal("0.1"), Decimal("0.99")), (Decimal("1.9"), Decimal(1), Decimal("9.9")),
          (Decimal(19), Decimal(10), None))


def _nine_below(amount: Decimal) -> Decimal | None:
    """The highest price ending in 9 at or below *amount* (None below ¥0.09)."""
    best = None
    for lowest, step, highest in _NINES:
        if amount >= lowest:
            k = ((amount - lowest) / step).to_integral_value(rounding=ROUND_FLOOR)
            candidate = lowest + k * step
            best = candidate if highest is None or candidate <= highest else highest
    return best


def _nine_above(amount: Decimal) -> Decimal:
    """The lowest price ending in 9 at or above *amount*."""
    for lowest, step, highest in _NINES:
        if highest is None or amount <= highest:
            k = max(((amount - lowest) / step).to_integral_value(rounding=ROUND_CEILING), Decimal(0))
            return lowest + k * step
    raise AssertionError("the last range has no end")


def round_price(amount: Decimal, rounding: str, floor: Decimal = Decimal(0)) -> Decimal:
    """*amount* rounded as the pricing rule says, never below *floor*.

    'fen', 'jiao', 'yuan': to the nearest fen, ¥0.10 or yuan (halves up). 'nine': to the nearest price ending in
    9 — ¥0.09 … ¥0.99, ¥1.90 … ¥9.90, then ¥19, ¥29 … ¥79 … ¥129 … (halfway between two, the lower one): 60 % of
    ¥129.00 = ¥77.40 → ¥79.00, ¥74.00 → ¥69.00, ¥5.30 → ¥4.90, ¥0.99 stays. When the rounded price would be
    below the floor, the first price of the kind at or above the floor is taken instead (a floor of ¥80.00:
    ¥80.00 to the fen or ¥0.10, ¥80 to the yuan, ¥89 ending in 9). Never ¥0.00."""
    amount, floor = Decimal(amount), Decimal(floor).quantize(FEN, rounding=ROUND_CEILING)
    if rounding == "nine":
        below, above = _nine_below(amount), _nine_above(amount)
        price = above if below is None or above - amount < amount - below else below
        return (price if price >= floor else _nine_above(floor)).quantize(FEN)
    step = _STEPS.get(rounding, FEN)
    price = (amount / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
    if price < floor:
        price = (floor / step).to_integral_value(rounding=ROUND_CEILING) * step
    return max(price, step).quantize(FEN)  # never ¥0.00 (¥0.40 to the yuan: ¥1)


@dataclass(frozen=True)
class PriceAdvice:
    suggested: Decimal
    floor: Decimal
    share_pct: int


def price_advice(item: AftersalesItem, grade: str) -> PriceAdvice:
    """Suggested price: the grade's share of the new price, rounded as the rule says (round_price), never below
    the floor — the larger of the rule's floor share (to the fen) and what was sunk into the unit (its repairs)."""
    if grade not in GRADES:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose the grade: A, B or C."))
    rule = pricing_for(item.product.category_id)
    share = {"A": rule.grade_a, "B": rule.grade_b, "C": rule.grade_c}[grade]
    new_price = item.product.list_price * item.quantity
    floor = max((new_price * rule.floor_pct / 100).quantize(FEN, rounding=ROUND_HALF_UP),
                item_repair_cost(item).quantize(FEN))
    return PriceAdvice(round_price(new_price * share / 100, rule.rounding, floor), floor, share)


def work_done(item: AftersalesItem) -> tuple[list[str], list[str]]:
    """What the finished repairs of the unit did: the technicians' finish notes, and the parts fitted
    ("X1 电池 × 1"). Never the fault the repair order was opened for: that says what was wrong, not what was done."""
    from ..models import RepairPart
    from ..models.aftersales import EVENT_REPAIR

    repairs = list(RepairOrder.select().where((RepairOrder.item == item) & (RepairOrder.state == DONE))
                   .order_by(RepairOrder.id))
    numbers = {r.number for r in repairs}
    notes = []
    for event in (ItemEvent.select().where((ItemEvent.item == item) & (ItemEvent.code == EVENT_REPAIR)
                                           & (ItemEvent.to_status.in_((QC_WAITING, READY_FOR_PICKUP))))
                  .order_by(ItemEvent.id)):
        if json.loads(event.data or "{}").get("number") in numbers and event.note.strip():
            notes.append(event.note.strip())
    fitted: dict[str, int] = {}
    for part in (RepairPart.select(RepairPart, Product).join(Product)
                 .where(RepairPart.repair.in_([r.id for r in repairs])).order_by(RepairPart.id)):
        fitted[part.product.name] = fitted.get(part.product.name, 0) + part.quantity
    return notes, [f"{name} × {qty}" for name, qty in fitted.items()]


@in_document_language()
def default_disclosure(item: AftersalesItem, grade: str, flaws: str) -> str:
    """What the buyer is told, in words: that it came back, why, what was repaired, its grade and flaws."""
    parts = [translate("Domain", QT_TRANSLATE_NOOP(
        "Domain", "This unit was returned by a customer ({reason}) and checked by the shop.")).format(
        reason=translate("Domain", REASONS.get(item.reason, item.reason)))]
    found = item.findings.strip()  # what the shop's inspection found (not the customer's words)
    if found:
        parts.append(translate("Domain", QT_TRANSLATE_NOOP("Domain", "Fault found: {fault}.")).format(
            fault=found.rstrip("。.")))
    done, replaced = work_done(item)
    if done:
        parts.append(translate("Domain", QT_TRANSLATE_NOOP("Domain", "Repaired: {what}.")).format(
            what="; ".join(note.rstrip("。.") for note in done)))
    if replaced:
        parts.append(translate("Domain", QT_TRANSLATE_NOOP("Domain", "Parts replaced: {parts}.")).format(
            parts=", ".join(replaced)))
    parts.append(translate("Domain", QT_TRANSLATE_NOOP("Domain", "Grade {grade}: {meaning}.")).format(
        grade=grade, meaning=grade_meaning(grade).rstrip("。.")))
    if flaws.strip():
        parts.append(translate("Domain", QT_TRANSLATE_NOOP("Domain", "Remaining flaws: {flaws}.")).format(
            flaws=flaws.strip().rstrip("。.")))
    return join_sentences(parts)


# ------------------------------------------------------------------ the quality check

@dataclass(frozen=True)
class CheckLine:
    check: str
    passed: bool
    note: str = ""


def _results(lines: list[CheckLine]) -> str:
    return json.dumps([{"check": l.check, "passed": bool(l.passed), "note": l.note.strip()} for l in lines],
                      ensure_ascii=False)


def _below_floor_approval(price: Decimal, floor: Decimal, staff: Staff | None, approval) -> Staff | None:
    """None when the price is not below the floor; else the approving owner (PIN checked), or a refusal."""
    if price >= floor:
        return None
    from .staff import owner_approval

    try:
        return owner_approval(staff if approval is None else None, approval)
    except DomainError as refused:
        if refused.source != QT_TRANSLATE_NOOP("Domain", "This needs the owner's approval."):
            raise
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "¥{price} is below the floor of ¥{floor}; only the owner can "
                                            "approve that."), price=f"{price:,.2f}", floor=f"{floor:,.2f}") from None


def _in_qc(item_id: int) -> AftersalesItem:
    item = get_item(item_id)
    if item.status != QC_WAITING:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{code} is not waiting for a quality check."), code=item.code)
    return item


@business_step
def pass_check(item_id: int, lines: list[CheckLine], grade: str, flaws: str, price: Decimal, channel: str,
               disclosure: str, staff: Staff | None = None, approved_by: Staff | None = None,
               to_sellable: bool = False) -> Changes:
    """Every check passed: the unit goes on the resale shelf graded and priced (or back to sellable stock)."""
    item = _in_qc(item_id)
    if not lines:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Go through the checklist first."))
    failed = [l.check for l in lines if not l.passed]
    if failed:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{count} check(s) failed ({checks}): send the unit back to "
                                            "repair or scrap it."), count=len(failed), checks=", ".join(failed))
    check = QualityCheck.create(item=item, staff=staff, results=_results(lines), passed=True, notes=flaws.strip())
    if to_sellable:
        change_status(item, SELLABLE, staff, flaws, code=EVENT_QC, data={"passed": True})
        return Changes(items=True, stock=True)
    advice = price_advice(item, grade)
    price = Decimal(price).quantize(FEN)
    if price <= 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The price must be more than ¥0.00."))
    if channel not in CHANNELS:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose where it is sold."))
    if not disclosure.strip():
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Write what the buyer is told about the unit's history."))
    owner = _below_floor_approval(price, advice.floor, staff, approved_by)
    change_status(item, RESALE, staff, flaws, code=EVENT_QC,
                  data={"passed": True, "grade": grade, "amount": price})
    ResaleListing.insert(item=item, check=check, grade=grade, flaws=flaws.strip(), disclosure=disclosure.strip(),
                         suggested=advice.suggested, floor=advice.floor, price=price, channel=channel,
                         approved_by=owner if price < advice.floor else None, listed_at=now(), active=True).on_conflict(
        conflict_target=[ResaleListing.item],
        update={ResaleListing.check: check.id, ResaleListing.grade: grade, ResaleListing.flaws: flaws.strip(),
                ResaleListing.disclosure: disclosure.strip(), ResaleListing.suggested: advice.suggested,
                ResaleListing.floor: advice.floor, ResaleListing.price: price, ResaleListing.channel: channel,
                ResaleListing.listed_at: now(), ResaleListing.active: True}).execute()
    return Changes(items=True, stock=True)


def _join_list(words: list[str]) -> str:
    """Words one after the other as a list: "屏幕、电池" in Chinese, "screen, battery" in English."""
    joined = ""
    for word in words:
        joined = word if not joined else translate("Domain", QT_TRANSLATE_NOOP(
            "Domain", "{first}, {second}")).format(first=joined, second=word)
    return joined


def failed_summary(lines: list[CheckLine]) -> str:
    """The failed checks named, each with its note: "Failed: screen (still flickers), battery." (未通过：…)."""
    named = [translate("Domain", QT_TRANSLATE_NOOP("Domain", "{check} ({note})")).format(
        check=l.check, note=l.note.strip().rstrip("。.")) if l.note.strip() else l.check
        for l in lines if not l.passed]
    return translate("Domain", QT_TRANSLATE_NOOP("Domain", "Failed: {checks}.")).format(checks=_join_list(named))


@business_step
def fail_check(item_id: int, lines: list[CheckLine], notes: str = "", staff: Staff | None = None,
               scrap_approved_by: Staff | None = None) -> Changes:
    """A check failed: back to the repair board, or to scrap when the owner approves. The failed lines are what
    failed: the result and the history name them (with their notes), then *notes* if any."""
    item = _in_qc(item_id)
    if not lines:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Go through the checklist first."))
    failed = [l.check for l in lines if not l.passed]
    if not failed:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Every check passed: the unit passes."))
    text = join_sentences([failed_summary(lines)] + ([notes.strip()] if notes.strip() else []))
    QualityCheck.create(item=item, staff=staff, results=_results(lines), passed=False, notes=text)
    if scrap_approved_by is not None:
        from .resolutions import scrap

        scrap(item.id, text, scrap_approved_by, staff)
    else:
        change_status(item, REPAIRABLE, staff, text, code=EVENT_QC, data={"passed": False, "failed": failed})
    return Changes(items=True, stock=True, repairs=True)


# ------------------------------------------------------------------ the shelf

def listing_of(item_id: int) -> ResaleListing | None:
    return ResaleListing.get_or_none(ResaleListing.item == item_id)


@business_step
def reprice(item_id: int, price: Decimal, staff: Staff | None = None, approved_by: Staff | None = None,
            channel: str | None = None) -> Changes:
    item = get_item(item_id)
    listing = listing_of(item_id)
    if item.status != RESALE or listing is None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{code} is not on the resale shelf."), code=item.code)
    price = Decimal(price).quantize(FEN)
    if price <= 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The price must be more than ¥0.00."))
    owner = _below_floor_approval(price, listing.floor, staff, approved_by)
    if channel is not None and channel not in CHANNELS:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose where it is sold."))
    record(item, EVENT_RESALE, staff, data={"amount": price, "previous": listing.price})
    ResaleListing.update(price=price, channel=channel or listing.channel,
                         approved_by=owner if price < listing.floor else listing.approved_by).where(
        ResaleListing.id == listing.id).execute()
    return Changes(items=True)


def markdown_days() -> int:
    return _setting_int(MARKDOWN_DAYS, 30)


def markdown_suggestion(listing: ResaleListing) -> Decimal | None:
    """After the markdown period on the shelf, a lower price (a share off, settings), never below the floor."""
    days = (now() - listing.listed_at).days
    if days < markdown_days():
        return None
    lower = max(_round_yuan(listing.price * (100 - _setting_int(MARKDOWN_PCT, 10)) / 100), listing.floor)
    return lower if lower < listing.price else None


# ------------------------------------------------------------------ the sale

@business_step
def sell(item_id: int, price: Decimal, channel: str, disclosed: bool, staff: Staff | None = None,
         buyer_name: str = "", buyer_phone: str = "") -> Changes:
    require_staff(staff)
    item = get_item(item_id)
    if ResaleSale.select().where(ResaleSale.item == item).exists():
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{code} has already been sold."), code=item.code)
    listing = listing_of(item_id)
    passed = QualityCheck.select().where((QualityCheck.item == item) & QualityCheck.passed).exists()
    if item.status != RESALE or listing is None or not passed:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{code} has not passed its quality check; it cannot be "
                                            "resold."), code=item.code)
    unsettled_refund(item)
    price = Decimal(price).quantize(FEN)
    if price <= 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The price must be more than ¥0.00."))
    if channel not in CHANNELS:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose where it is sold."))
    if not listing.disclosure.strip():
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Write what the buyer is told about the unit's history."))
    if not disclosed:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Tell the buyer the unit's history and tick “told the "
                                            "customer” before the sale."))
    number = next_number("resale")
    change_status(item, SOLD, staff, "", code=EVENT_RESALE, data={"number": number, "amount": price})
    stock_move = ItemEvent.select().where(ItemEvent.item == item).order_by(ItemEvent.id.desc()).first().move
    ResaleSale.create(number=number, item=item, listing=listing, price=price, channel=channel,
                      buyer_name=buyer_name.strip(), buyer_phone=buyer_phone.strip(), disclosure=listing.disclosure,
                      disclosed=True, staff=staff, move=stock_move)  # (leaving the shelf ended the listing)
    return Changes(items=True, stock=True, reference=number)


# ------------------------------------------------------------------ what a unit cost and recovered

def settled(item: AftersalesItem) -> bool:
    """The return is settled with the customer (refund paid, exchange handed over, or settled without either):
    from then on the unit is the shop's to sell."""
    return item.customer_owned or item.resolution_state != "pending"


def the_shops(item: AftersalesItem) -> bool:
    """The shop's to sell: the customer had the refund or the replacement (owner_of in the one table)."""
    from ..models.aftersales import SHOP, owner_of

    return owner_of(item.customer_owned, item.resolution_state) == SHOP


def unsettled_refund(item: AftersalesItem) -> None:
    """Refuse to resell a unit that is still the customer's: the same customer must never keep the money while
    a buyer takes the goods, nor the shop sell what it has not paid for."""
    if the_shops(item):
        return
    if settled(item):  # settled without a refund or an exchange: the unit is theirs to take back
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{code} is still the customer's: the return was settled "
                                            "without a refund or an exchange, so the unit is theirs to take back, "
                                            "not the shop's to sell."), code=item.code)
    if item.requested_resolution == "refund":
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{code}: the customer's refund is not paid yet. Pay the refund "
                                            "first; until then the unit is still the customer's and cannot be "
                                            "sold."), code=item.code)
    raise DomainError(QT_TRANSLATE_NOOP("Domain", "{code}: the customer's return is not settled yet (the exchange "
                                        "is not handed over). Settle it first; until then the unit is still the "
                                        "customer's and cannot be sold."), code=item.code)


@dataclass(frozen=True)
class Outcome:
    refunds: Decimal
    shipping: Decimal
    repairs: Decimal
    resale: Decimal

    @property
    def net(self) -> Decimal:
        """Positive: the unit earned back more than it cost; negative: a loss."""
        return self.resale - self.refunds - self.shipping - self.repairs


def outcome(item: AftersalesItem) -> Outcome:
    from .cards import costs

    c = costs(item)
    sale = ResaleSale.get_or_none(ResaleSale.item == item)
    return Outcome(c.refunds, c.shipping_share, c.repairs, sale.price if sale else Decimal(0))


# ------------------------------------------------------------------ the online listings export

def export_online_listings(path: Path) -> Path:
    """An .xlsx of the units listed for the online shop's 特价商品 section, ready to paste."""
    from ..reports.workbook import write_table

    rows = []
    query = (ResaleListing.select(ResaleListing, AftersalesItem, Product).join(AftersalesItem).join(Product)
             .where(ResaleListing.active & (ResaleListing.channel == "online")).order_by(ResaleListing.listed_at))
    for listing in query:
        item = listing.item
        title = translate("Domain", QT_TRANSLATE_NOOP("Domain", "{product} {model} (refurbished, grade {grade})")).format(
            product=item.product.name, model=item.product.model, grade=listing.grade).replace("  ", " ")
        rows.append([item.code, title, listing.grade, listing.price, item.product.list_price, listing.disclosure,
                     listing.listed_at])
    headers = [translate("Domain", h) for h in (
        QT_TRANSLATE_NOOP("Domain", "Item code"), QT_TRANSLATE_NOOP("Domain", "Title"),
        QT_TRANSLATE_NOOP("Domain", "Grade"), QT_TRANSLATE_NOOP("Domain", "Price"),
        QT_TRANSLATE_NOOP("Domain", "New price"), QT_TRANSLATE_NOOP("Domain", "Disclosure"),
        QT_TRANSLATE_NOOP("Domain", "Listed"))]
    return write_table(Path(path), translate("Domain", QT_TRANSLATE_NOOP("Domain", "Online listings")), headers, rows)
