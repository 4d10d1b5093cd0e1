"""An after-sales item's path through the zones: every status change is a transition from the one
table (models.aftersales.TRANSITIONS), a stock move between the matching locations and an event in
the item's history, in one transaction."""

from __future__ import annotations

import json
from decimal import Decimal

from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..models import AftersalesItem, ItemEvent, Product, Staff
from ..models import chain
from ..models.aftersales import (EVENT_INSPECTED, EVENT_NOTE, EVENT_STATUS, RECEIVED, RETURNED_TO_CUSTOMER,
                                 STATUS_LOCATION, STATUSES, allowed_for, transition)
from ..clock import now
from .base import Changes, business_step, raced
from .ledger import MoveRequest, move


def get_item(item_id: int) -> AftersalesItem:
    # with its product: nearly every step moves the unit, and a move needs the product (one query, not two)
    item = (AftersalesItem.select(AftersalesItem, Product).join(Product)
            .where(AftersalesItem.id == item_id).first())
    if item is None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "There is no after-sales item #{id}."), id=item_id)
    return item


def record(item: AftersalesItem, code: int, staff: Staff | None, *, from_status: str = "", to_status: str = "",
           note: str = "", data: dict | None = None, stock_move=None) -> ItemEvent:
    def plain(value):
        return str(value) if isinstance(value, Decimal) else value

    # the next link of the history's hash chain (models/chain.py)
    return chain.append(ItemEvent, item=item, code=code, staff=staff, from_status=from_status, to_status=to_status,
                        note=note.strip(), data=json.dumps({k: plain(v) for k, v in (data or {}).items()},
                                                           ensure_ascii=False),
                        move=stock_move)


def require_staff(staff: Staff | None) -> Staff:
    """Who does a step that moves money or goods (refund, exchange, scrap, resale): it must say who."""
    if staff is None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose who you are first (the staff box at the bottom of the "
                                            "window): a refund, an exchange, a scrap or a sale names who did it."))
    return staff


def change_status(item: AftersalesItem, target: str, staff: Staff | None, note: str = "", code: int = EVENT_STATUS,
                  data: dict | None = None, reference: str = "", by_count: bool = False) -> AftersalesItem:
    """Move *item* to *target* if the transition table allows it. Call inside a business step. The stock move's
    document is the item's code unless the step names another (a stock count's number)."""
    allowed = [t for t in allowed_for(item) if t.target == target and (by_count or not t.via_count)]
    step = allowed[0] if allowed else transition(item.status, target)
    if not allowed and step is not None and step.customers_unit:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{code} is the shop's now: the customer has had the refund or the "
                                            "replacement. Handing the unit back as well would leave the customer "
                                            "with both the goods and the money."), code=item.code)
    if not allowed and item.resolution_state == "declined" and not item.customer_owned:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{code} is the customer's: the return was settled without a "
                                            "refund or an exchange, so the unit goes back to them, not into the "
                                            "shop's stock."), code=item.code)
    if not allowed:
        raise moved_on(item, target=target)
    stock_move = move(MoveRequest(product=item.product, quantity=item.quantity, source=STATUS_LOCATION[item.status],
                                  target=STATUS_LOCATION[target], serial=item.serial, reference=reference or item.code,
                                  note=note, staff=staff, customer_owned=item.customer_owned))
    record(item, code, staff, from_status=item.status, to_status=target, note=note, data=data, stock_move=stock_move)
    if item.status == "resale":  # off the shelf, whichever way: its listing goes with it
        from ..models import ResaleListing

        ResaleListing.update(active=False).where(ResaleListing.item == item).execute()
    item.status = target
    item.status_since = now()
    item.save(only=[AftersalesItem.status, AftersalesItem.status_since])
    if target == RETURNED_TO_CUSTOMER and item.resolution_state == "pending":
        # the customer has the goods back: that settles the return (a repair is done; a refund or an exchange
        # will not follow, or the customer would have both the goods and the money)
        item.resolution_state = "done" if item.customer_owned else "declined"
        item.save(only=[AftersalesItem.resolution_state])
    if target == "repairable" and step.source != "in_repair":
        from .repairs import ensure_repair

        ensure_repair(item, staff, note)  # a repairable unit waits on the repair board
    elif step.source in ("repairable", "in_repair") and target not in ("repairable", "in_repair"):
        from .repairs import cancel_open_repairs

        cancel_open_repairs(item)  # it left the workshop another way: off the board
    return item


def moved_on(item: AftersalesItem, before: str | None = None, target: str = "") -> DomainError:
    """The refusal of a step whose unit is not where the step needs it: *before* (the status the step needs), or
    any status from which it may go to *target*. Most often another PC has just moved it (:func:`base.raced`: at
    the same moment; the history then says from where)."""
    def said(status: str) -> str:
        return translate("Domain", STATUSES.get(status, status))

    if before is None and raced():
        last = (ItemEvent.select(ItemEvent.from_status)
                .where((ItemEvent.item == item) & (ItemEvent.to_status == item.status))
                .order_by(ItemEvent.id.desc()).first())
        before = last.from_status if last is not None and last.from_status else None
    since = f"{item.status_since:%Y-%m-%d %H:%M}" if item.status_since else "?"
    if before is not None and before != item.status:
        if raced():
            return DomainError(QT_TRANSLATE_NOOP(
                "Domain", "Item {code} is no longer “{before}”: another PC has just moved it to “{current}”. Nothing "
                "was changed here; look at the item again."),
                code=item.code, before=said(before), current=said(item.status))
        return DomainError(QT_TRANSLATE_NOOP(
            "Domain", "Item {code} is no longer “{before}”: since {time} it is “{current}”. Nothing was changed "
            "here; look at the item again."),
            code=item.code, before=said(before), current=said(item.status), time=since)
    return DomainError(QT_TRANSLATE_NOOP(
        "Domain", "Item {code} is “{current}” (since {time}); it cannot go to “{target}” from there. Nothing was "
        "changed."), code=item.code, current=said(item.status), target=said(target), time=since)


@business_step
def move_item(item_id: int, target: str, staff: Staff | None = None, note: str = "") -> Changes:
    """A plain transition (e.g. repairable → in repair) with an optional note."""
    change_status(get_item(item_id), target, staff, note)
    return Changes(stock=True, items=True)


@business_step
def inspect(item_id: int, findings: str, target: str, staff: Staff | None = None, seen: str = RECEIVED) -> Changes:
    """Record what inspection found and send the unit on (repairable, sellable, resale shelf, to the
    supplier list, back to the customer). Scrap has its own step with a scrap record. *seen*: the status the unit
    had when the person looked at it (waiting for inspection; or repairable, when a unit in the workshop turns out
    faulty from the supplier): a unit that has moved on since (on another PC, most likely) is refused."""
    item = get_item(item_id)
    if item.status != seen:
        raise moved_on(item, before=seen)
    if not findings.strip():
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Write down what the inspection found."))
    if target == "scrapped":
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Scrapping needs a scrap record: use Scrap."))
    if target == "supplier_return":
        from .resolutions import list_for_supplier

        item.findings = findings.strip()
        item.save(only=[AftersalesItem.findings])
        list_for_supplier(item, staff, findings)
    else:
        item.findings = findings.strip()
        item.save(only=[AftersalesItem.findings])
        change_status(item, target, staff, findings, code=EVENT_INSPECTED)
    return Changes(stock=True, items=True)


@business_step
def add_note(item_id: int, note: str, staff: Staff | None = None) -> Changes:
    if not note.strip():
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The note is empty."))
    record(get_item(item_id), EVENT_NOTE, staff, note=note)
    return Changes(items=True)
