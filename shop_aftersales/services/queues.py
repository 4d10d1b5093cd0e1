"""Each role's work queue: what to do next and by when, late first. Finishing one role's step puts the next step
in the next role's queue by itself (the queues are read from the items' states, never kept by hand)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import peewee as pw

from ..clock import now
from ..i18n import QT_TRANSLATE_NOOP, in_document_language, translate
from ..models import (AftersalesItem, Customer, ItemEvent, Product, Refund, RefundReversal, RepairOrder, ReturnOrder,
                      Staff)
from ..models.aftersales import (EVENT_NOTE, IN_REPAIR, QC_WAITING, READY_FOR_PICKUP, RECEIVED, REPAIRABLE,
                                 STATUSES, SUPPLIER_RETURN)
from ..models.repairs import OPEN_STATES
from . import settings
from .base import Changes, business_step
from .items import get_item, record
from .ledger import on_hand

ROLES_ORDER = ("owner", "sales", "warehouse", "technician", "finance")
STALE_SHOWN = 20  # units too long in a zone listed one by one per status; the rest are counted in one entry
PROMISES = {  # setting key -> (English label, default days)
    "promise.first_response_days": (QT_TRANSLATE_NOOP("Domain", "First answer to a return (0 = the same day)"), 0),
    "promise.inspection_days": (QT_TRANSLATE_NOOP("Domain", "Inspection and quality check within"), 2),
    "promise.refund_days": (QT_TRANSLATE_NOOP("Domain", "Refund paid within"), 3),
    "promise.pickup_reminder_days": (QT_TRANSLATE_NOOP("Domain", "Remind the customer to pick up after"), 3),
    "promise.zone_days": (QT_TRANSLATE_NOOP("Domain", "Too long in any zone after"), 30),
    # a parcel shipped to the customer (services.shipping) is confirmed delivered within
    "promise.delivery_days": (QT_TRANSLATE_NOOP("Domain", "Confirm a parcel to the customer was delivered within"), 3),
}
MESSAGES = {  # setting key -> default template (English source, translated when used)
    "message.received": QT_TRANSLATE_NOOP(
        "Domain", "[{shop}] Hello {name}, we have received your {item} (no. {code}) and will get back to you soon. "
                  "Tel. {shop_phone}"),
    "message.ready": QT_TRANSLATE_NOOP(
        "Domain", "[{shop}] Hello {name}, your {item} (no. {code}) is ready. Please pick it up at the shop with your "
                  "slip. Tel. {shop_phone}"),
    "message.refunded": QT_TRANSLATE_NOOP(
        "Domain", "[{shop}] Hello {name}, the refund for your {item} (no. {code}) has been paid. Tel. {shop_phone}"),
    "message.shipped": QT_TRANSLATE_NOOP(  # services.shipping fills {carrier} and {tracking}
        "Domain", "[{shop}] Hello {name}, your {item} (no. {code}) is on its way: {carrier}, tracking no. {tracking}. "
                  "Tel. {shop_phone}"),
}


def promise(key: str) -> int:
    try:
        return int(settings.get(key) or PROMISES[key][1])
    except ValueError:
        return PROMISES[key][1]


def template(key: str) -> str:
    return settings.get(key) or translate("Domain", MESSAGES[key])


@dataclass(frozen=True)
class Entry:
    role: str
    what: str        # in words, in the user's language
    due: dt.datetime
    item_id: int | None = None
    repair_id: int | None = None
    message: str = ""  # the MESSAGES key of the message to send the customer, if any

    @property
    def late(self) -> bool:
        return self.due < now()


def _end_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 59, 59))


def _t(source: str, **params: object) -> str:
    return translate("Domain", source).format(**params)


def _who(customer: Customer | None) -> str:
    """The customer as named in a sentence: their name, else "the customer" (never "—", which reads "—的…")."""
    name = (customer.name or "").strip() if customer is not None else ""
    return name or translate("Domain", QT_TRANSLATE_NOOP("Domain", "the customer"))


def _items(status: str | tuple[str, ...]):
    statuses = (status,) if isinstance(status, str) else status
    return _with_customer(AftersalesItem.select(AftersalesItem, Product, ReturnOrder, Customer).join(Product)
                          .switch(AftersalesItem)).where(AftersalesItem.status.in_(statuses)).order_by(AftersalesItem.id)


def _with_customer(query):
    """Join the return order and its customer (one query, not one per entry)."""
    return (query.join(ReturnOrder, on=(AftersalesItem.order == ReturnOrder.id))
            .join(Customer, pw.JOIN.LEFT_OUTER, on=(ReturnOrder.customer == Customer.id)))


def _told(item_ids: list[int], message: str) -> set[int]:
    if not item_ids:
        return set()
    rows = ItemEvent.select(ItemEvent.item, ItemEvent.data).where(
        (ItemEvent.code == EVENT_NOTE) & ItemEvent.item.in_(item_ids) & ItemEvent.data.contains(message))
    return {row.item_id for row in rows if json.loads(row.data or "{}").get("told") == message}


def queues() -> dict[str, list[Entry]]:
    """Every role's queue, late entries first, then by when they are due."""
    result: dict[str, list[Entry]] = {role: [] for role in ROLES_ORDER}
    inspection = promise("promise.inspection_days")
    first = promise("promise.first_response_days")

    received = list(_items(RECEIVED))
    for item in received:
        result["warehouse"].append(Entry("warehouse", _t(QT_TRANSLATE_NOOP("Domain", "Inspect {code} · {product}"),
                                                         code=item.code, product=item.product.name),
                                         _end_of(item.created_at.date() + dt.timedelta(days=inspection)), item.id))
    told = _told([i.id for i in received], "message.received")
    for item in received:
        if item.id not in told and item.order.customer_id:
            result["sales"].append(Entry("sales", _t(QT_TRANSLATE_NOOP("Domain", "Tell {customer} that {code} was "
                                                                       "received"), customer=_who(item.order.customer),
                                                     code=item.code),
                                         _end_of(item.created_at.date() + dt.timedelta(days=first)), item.id,
                                         message="message.received"))
    for item in _items(QC_WAITING):
        result["warehouse"].append(Entry("warehouse", _t(QT_TRANSLATE_NOOP("Domain", "Quality check {code} · "
                                                                           "{product}"), code=item.code,
                                                         product=item.product.name),
                                         _end_of(item.status_since.date() + dt.timedelta(days=inspection)), item.id))
    horizon = now().date() + dt.timedelta(days=1)
    for repair in (RepairOrder.select(RepairOrder, AftersalesItem, Product).join(AftersalesItem).join(Product)
                   .where(RepairOrder.state.in_(OPEN_STATES)
                          & ((RepairOrder.due_date <= horizon) | (RepairOrder.planned_on <= now().date())))):
        result["technician"].append(Entry("technician", _t(QT_TRANSLATE_NOOP("Domain", "Repair {number} · {product}"),
                                                           number=repair.number, product=repair.item.product.name),
                                          _end_of(repair.due_date), repair.item_id, repair.id))
    reminder = promise("promise.pickup_reminder_days")
    ready = list(_items(READY_FOR_PICKUP))
    told = _told([i.id for i in ready], "message.ready")
    for item in ready:
        if item.id in told:
            continue
        customer = item.order.customer
        named = customer is not None and (customer.name or "").strip()
        ready = (QT_TRANSLATE_NOOP("Domain", "{customer}'s {product} is ready: ask them to pick it up") if named
                 else QT_TRANSLATE_NOOP("Domain", "The customer's {product} is ready: ask them to pick it up"))
        result["sales"].append(Entry("sales", _t(ready, customer=_who(customer), product=item.product.name),
                                     item.status_since + dt.timedelta(days=reminder), item.id, message="message.ready"))
    refund_days = promise("promise.refund_days")
    for item in (AftersalesItem.select(AftersalesItem, Product).join(Product)
                 .where((AftersalesItem.requested_resolution == "refund") & (AftersalesItem.resolution_state == "pending")
                        & ~AftersalesItem.customer_owned & (AftersalesItem.status != RECEIVED))):
        result["finance"].append(Entry("finance", _t(QT_TRANSLATE_NOOP("Domain", "Pay the refund for {code} · "
                                                                       "{product}"), code=item.code,
                                                     product=item.product.name),
                                       _end_of(item.created_at.date() + dt.timedelta(days=refund_days)), item.id))
    for item in (AftersalesItem.select(AftersalesItem, Product).join(Product)
                 .where((AftersalesItem.requested_resolution == "exchange")
                        & (AftersalesItem.resolution_state == "pending") & ~AftersalesItem.customer_owned)):
        if on_hand(item.product, "sellable") < item.quantity:
            result["sales"].append(Entry("sales", _t(QT_TRANSLATE_NOOP("Domain", "Exchange {code}: no {product} in "
                                                                       "stock; order one"), code=item.code,
                                                     product=item.product.name),
                                         _end_of(item.created_at.date() + dt.timedelta(days=refund_days)), item.id))
    recent = now() - dt.timedelta(days=7)  # refunds paid this week whose customer has not been told yet
    reversed_ = RefundReversal.select(RefundReversal.refund)  # a reversed refund was not paid: nobody is told it was
    refunds = list(_with_customer(Refund.select(Refund, AftersalesItem, Product, ReturnOrder, Customer)
                                  .join(AftersalesItem).join(Product).switch(AftersalesItem))
                   .where((Refund.paid_at >= recent) & Refund.id.not_in(reversed_)))
    told = _told([r.item_id for r in refunds], "message.refunded")
    for refund in refunds:
        item = refund.item
        if item.id not in told and item.order.customer_id:
            result["sales"].append(Entry("sales", _t(QT_TRANSLATE_NOOP("Domain", "Tell {customer} the refund for "
                                                                       "{code} was paid"),
                                                     customer=_who(item.order.customer), code=item.code),
                                         _end_of(refund.paid_at.date() + dt.timedelta(days=first)), item.id,
                                         message="message.refunded"))
    zone_days = promise("promise.zone_days")
    # (the resale shelf has its own rule: markdowns after a period). The oldest few per status one by one, the
    # rest as one entry: a list of thousands is not a to-do list.
    limit = now() - dt.timedelta(days=zone_days)
    for status in (RECEIVED, REPAIRABLE, IN_REPAIR, QC_WAITING, SUPPLIER_RETURN, READY_FOR_PICKUP):
        stale = (_items(status).where(AftersalesItem.status_since < limit)
                 .order_by(AftersalesItem.status_since, AftersalesItem.id))
        status_name = translate("Domain", STATUSES[status])
        for item in stale.limit(STALE_SHOWN):
            result["owner"].append(Entry("owner", _t(QT_TRANSLATE_NOOP("Domain", "{code} has been “{status}” for "
                                                                       "{days} days"), code=item.code,
                                                     status=status_name, days=(now() - item.status_since).days),
                                         item.status_since + dt.timedelta(days=zone_days), item.id))
        more = stale.count() - STALE_SHOWN
        if more > 0:
            first = stale.offset(STALE_SHOWN).first()
            result["owner"].append(Entry("owner", _t(QT_TRANSLATE_NOOP("Domain", "…and {count} more units "
                                                                       "“{status}” for over {days} days"),
                                                     count=more, status=status_name, days=zone_days),
                                         first.status_since + dt.timedelta(days=zone_days), first.id))
    from .shipping import queue_entries  # parcels to customers until delivered (issue 18, part 5)

    for entry in queue_entries():
        result[entry.role].append(entry)
    for role in ("sales", "warehouse", "technician", "finance"):
        result["owner"] += [e for e in result[role] if e.late]  # the owner sees what is late everywhere
    _due_counts(result)  # after the line above: the owner sees each zone due for its count once
    for role, entries in result.items():
        entries.sort(key=lambda e: (not e.late, e.due))
    return result


@dataclass(frozen=True)
class CountEntry(Entry):
    """A zone due for its scheduled stock count (services.stock_count.due_counts): opening it opens the stock
    count with *zone* ticked."""

    zone: str = ""


def _due_counts(result: dict[str, list[Entry]]) -> None:
    """The zones due for their stock count, in the warehouse's queue and the owner's (who sets the schedule):
    due by the end of the due day, late (red) from the next."""
    from .stock_count import due_counts

    for zone in due_counts():
        label = translate("Domain", zone.name)
        what = (_t(QT_TRANSLATE_NOOP("Domain", "Count “{zone}”: due every {days} days, last counted {date} "
                                     "({number})"), zone=label, days=zone.interval_days,
                   date=f"{zone.last_counted:%Y-%m-%d}", number=zone.last_number) if zone.last_count_id else
                _t(QT_TRANSLATE_NOOP("Domain", "Count “{zone}”: due every {days} days, never counted yet"),
                   zone=label, days=zone.interval_days))
        entry = CountEntry("warehouse", what, _end_of(zone.due), zone=zone.zone)
        result["warehouse"].append(entry)
        result["owner"].append(entry)


def waiting_for(staff: Staff | None) -> list[Entry]:
    if staff is None:
        return []
    return queues().get(staff.role, [])


def message_for(item: AftersalesItem, key: str) -> str:
    """The message *key* for *item*'s customer, in the shop's document language (the default text; a template the
    owner wrote is sent as written)."""
    customer = item.order.customer
    values = _Blanks(shop=settings.get(settings.SHOP_NAME), name=customer.name if customer else "",
                     item=item.product.name, code=item.code, shop_phone=settings.get(settings.SHOP_PHONE))
    if key == "message.shipped":  # the parcel's carrier and tracking number
        from .shipping import message_values

        values.update(message_values(item))
    with in_document_language():
        try:
            return template(key).format_map(values)
        except (ValueError, IndexError, AttributeError):  # a template the owner mistyped (a lone brace): the default
            return translate("Domain", MESSAGES[key]).format_map(values)


class _Blanks(dict):
    """A placeholder the owner typed that we do not know ({nmae}) is shown as typed, never a crash."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@business_step
def customer_told(item_id: int, key: str, staff: Staff | None = None) -> Changes:
    """Record that the customer was sent *key*'s message (it leaves the sales queue)."""
    item = get_item(item_id)
    record(item, EVENT_NOTE, staff, note=message_for(item, key), data={"told": key})
    return Changes(items=True)
