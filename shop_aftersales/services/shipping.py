"""Back to the customer by courier instead of at the counter (issue 18, part 5): a customer's repaired unit waiting
for pickup, or the replacement an exchange handed out, is shipped — carrier, tracking number, shipping cost, date —
the customer is told it is on its way, and the sales queue follows it until it is confirmed delivered.

Where the unit goes in the ledger: to the customers' location, by the very move a pickup makes (ready for pickup →
back with the customer, which settles the repair). Handed to the carrier, the unit is no longer in the shop: a stock
count must not expect it on the pickup shelf, and no after-sales status or internal zone is left holding it, so
every invariant `check` proves (each item's status is where its last move took it, customers' units are never the
shop's, a serial is in one place) holds as it is. "In transit" is a fact of the shipment (not yet delivered), not a
place of stock; a replacement already left sellable stock for the customer at the exchange, so shipping it adds no
move and names the exchange's.

The shipping cost counts in the cost of after-sales: :func:`cost_of` per item (the ID card's costs),
:func:`outbound_costs` for a period (the Reports tab and the workbook), by the day shipped."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import peewee as pw

from ..clock import today
from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..models import AftersalesItem, Customer, Exchange, ItemEvent, Product, ReturnOrder, Staff
from ..models import dialect
from ..models.aftersales import READY_FOR_PICKUP, RETURNED_TO_CUSTOMER, STATUSES
from ..models.shipping import EVENT_DELIVERED, EVENT_SHIPPED, Shipment
from ..money import FEN, to_decimal
from .base import Changes, business_step
from .items import change_status, get_item, record, require_staff

DELIVERY_DAYS = "promise.delivery_days"  # days after shipping by which a delivery should be confirmed (queues)
# carriers offered before the shop has shipped anything itself (their own names, as the shop writes them)
COMMON_CARRIERS = ("顺丰速运", "中通快递", "圆通速递", "韵达快递", "申通快递", "京东物流", "EMS")


@dataclass(frozen=True)
class Shippable:
    """What would go to the customer for an item: its own repaired unit, or the replacement of its exchange."""

    item: AftersalesItem
    exchange: Exchange | None

    @property
    def replacement(self) -> bool:
        return self.exchange is not None

    @property
    def product_name(self) -> str:
        return (self.exchange.product if self.exchange is not None else self.item.product).name


def shipment_of(item_id: int) -> Shipment | None:
    return Shipment.get_or_none(Shipment.item == item_id)


def _exchange_of(item: AftersalesItem) -> Exchange | None:
    return (Exchange.select(Exchange, Product).join(Product).where(Exchange.item == item)
            .order_by(Exchange.id.desc()).first())


# A replacement is shipped, if at all, soon after the exchange: later the exchange was handed over at the counter
REPLACEMENT_SHIP_DAYS = 14

def shippable(item: AftersalesItem) -> Shippable:
    """What can be shipped for *item*, or a DomainError saying why nothing can (already shipped, back with the
    customer already, not the customer's unit, not ready yet)."""
    shipped = shipment_of(item.id)
    if shipped is not None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{code} was already shipped on {date} ({carrier}, tracking no. "
                                            "{tracking})."), code=item.code, date=shipped.shipped_on.isoformat(),
                          carrier=shipped.carrier, tracking=shipped.tracking_no)
    exchange = None if item.customer_owned else _exchange_of(item)
    if exchange is not None and (today() - exchange.created_at.date()).days <= REPLACEMENT_SHIP_DAYS:
        return Shippable(item, exchange)
    if exchange is not None:  # handed over long ago (at the counter): there is no parcel to record now
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The replacement for {code} was handed over on {date}; a "
                                            "replacement is shipped within {days} days of the exchange."),
                          code=item.code, date=exchange.created_at.date().isoformat(), days=REPLACEMENT_SHIP_DAYS)
    if item.status == RETURNED_TO_CUSTOMER:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{code} is already back with the customer: there is nothing "
                                            "left to ship."), code=item.code)
    if not item.customer_owned:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{code} is not the customer's unit to send back: only a "
                                            "customer's repaired unit, or the replacement handed out in an exchange, "
                                            "is shipped to the customer."), code=item.code)
    if item.status != READY_FOR_PICKUP:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{code} is not ready to go back yet (“{status}”): a customer's "
                                            "unit is shipped once its repair is finished."),
                          code=item.code, status=translate("Domain", STATUSES[item.status]))
    return Shippable(item, None)


def why_not(item_id: int) -> str | None:
    """Why nothing can be shipped for the item, in words (for a disabled button's tooltip), or None if it can."""
    try:
        shippable(get_item(item_id))
    except DomainError as refused:
        return refused.message()
    return None


def _cost(value: object) -> Decimal:
    try:
        cost = to_decimal(value if value not in (None, "") else 0)
    except ValueError:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The shipping cost “{value}” is not an amount."),
                          value=value) from None
    if cost < 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The shipping cost cannot be negative (got ¥{value})."),
                          value=f"{cost:,.2f}")
    return cost


@business_step
def ship(item_id: int, carrier: str, tracking_no: str, cost: object, shipped_on: dt.date | None = None,
         staff: Staff | None = None, note: str = "") -> Changes:
    """Ship the customer's repaired unit (it leaves the pickup shelf for the customer, as at a pickup, which settles
    the repair) or the replacement of the item's exchange (already with the customer in the ledger: no move)."""
    require_staff(staff)
    item = get_item(item_id)
    what = shippable(item)
    carrier = " ".join((carrier or "").split())
    tracking_no = "".join((tracking_no or "").split()).upper()
    if not carrier:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose or type the carrier."))
    if not tracking_no:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Type the tracking number so the customer and the shop "
                                            "can follow the parcel."))
    amount = _cost(cost)
    shipped_on = shipped_on or today()
    if shipped_on > today():
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The shipping date {date} is in the future."),
                          date=shipped_on.isoformat())
    ready = (what.exchange.created_at if what.exchange is not None else item.status_since).date()
    if shipped_on < ready:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The shipping date {date} is before the unit was ready to go "
                                            "({ready})."), date=shipped_on.isoformat(), ready=ready.isoformat())
    data = {"carrier": carrier, "tracking": tracking_no, "shipping": amount, "shipped_on": shipped_on.isoformat(),
            "replacement": what.product_name if what.replacement else ""}
    text = " · ".join(part for part in (f"{carrier} {tracking_no}", note.strip()) if part)
    if what.exchange is None:
        change_status(item, RETURNED_TO_CUSTOMER, staff, text, code=EVENT_SHIPPED, data=data)
        # the event change_status just wrote names the move that took the unit to the customer
        move_id = ItemEvent.select(ItemEvent.move).where(ItemEvent.item == item).order_by(ItemEvent.id.desc()).scalar()
    else:
        record(item, EVENT_SHIPPED, staff, note=text, data=data)
        move_id = what.exchange.move_id
    Shipment.create(item=item, exchange=what.exchange, move=move_id, carrier=carrier, tracking_no=tracking_no,
                    cost=amount, shipped_on=shipped_on, staff=staff)
    return Changes(items=True, stock=what.exchange is None, reference=tracking_no)


def _awaiting(item: AftersalesItem) -> Shipment:
    """The item's shipment still waiting for its delivery to be confirmed, or a DomainError saying why there is none."""
    shipment = shipment_of(item.id)
    if shipment is None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{code} was not shipped: there is no delivery to confirm."),
                          code=item.code)
    if shipment.delivered_on is not None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The delivery of {code} was already confirmed ({date})."),
                          code=item.code, date=shipment.delivered_on.isoformat())
    return shipment


def why_not_delivered(item_id: int) -> str | None:
    """Why no delivery can be confirmed for the item (not shipped, confirmed already), in words, or None."""
    try:
        _awaiting(get_item(item_id))
    except DomainError as refused:
        return refused.message()
    return None


@business_step
def delivered(item_id: int, delivered_on: dt.date | None = None, staff: Staff | None = None,
              note: str = "") -> Changes:
    """The customer has the parcel: the shipment is closed (it leaves the sales queue)."""
    require_staff(staff)  # the history says who confirmed the delivery
    item = get_item(item_id)
    shipment = _awaiting(item)
    delivered_on = delivered_on or today()
    if delivered_on > today():
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The delivery date {date} is in the future."),
                          date=delivered_on.isoformat())
    if delivered_on < shipment.shipped_on:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The delivery date {date} is before the parcel was shipped "
                                            "({shipped})."), date=delivered_on.isoformat(),
                          shipped=shipment.shipped_on.isoformat())
    Shipment.update(delivered_on=delivered_on, delivered_by=staff).where(Shipment.id == shipment.id).execute()
    text = " · ".join(part for part in (f"{shipment.carrier} {shipment.tracking_no}", note.strip()) if part)
    record(item, EVENT_DELIVERED, staff, note=text,
           data={"carrier": shipment.carrier, "tracking": shipment.tracking_no,
                 "delivered_on": delivered_on.isoformat()})
    return Changes(items=True)


# ------------------------------------------------------------------ what the queues and the messages read

def awaiting_delivery() -> list[Shipment]:
    """Shipments not yet confirmed delivered, oldest first, with their item, product, order and customer."""
    return list(Shipment.select(Shipment, AftersalesItem, Product, ReturnOrder, Customer)
                .join(AftersalesItem).join(Product).switch(AftersalesItem)
                .join(ReturnOrder, on=(AftersalesItem.order == ReturnOrder.id))
                .join(Customer, pw.JOIN.LEFT_OUTER, on=(ReturnOrder.customer == Customer.id))
                .where(Shipment.delivered_on.is_null()).order_by(Shipment.shipped_on, Shipment.id))


def message_values(item: AftersalesItem) -> dict[str, str]:
    """The placeholders the "on its way" message fills in: {carrier} and {tracking}; for a replacement, {item} is the
    product sent (it may not be the one returned)."""
    shipment = shipment_of(item.id)
    if shipment is None:
        return {"carrier": "", "tracking": ""}
    values = {"carrier": shipment.carrier, "tracking": shipment.tracking_no}
    if shipment.exchange_id is not None:
        values["item"] = shipment.exchange.product.name
    return values


def carriers() -> list[str]:
    """The carriers to offer: those the shop used, most used first, then the common ones it has not used."""
    used = [row.carrier for row in Shipment.select(Shipment.carrier, pw.fn.COUNT(Shipment.id).alias("n"))
            .group_by(Shipment.carrier).order_by(pw.SQL("n").desc(), Shipment.carrier)]
    return used + [c for c in COMMON_CARRIERS if c not in used]


# ------------------------------------------------------------------ what it cost

def cost_of(item_id: int) -> Decimal:
    """What shipping the item's unit (or replacement) back to the customer cost the shop (¥0.00 if not shipped)."""
    shipment = shipment_of(item_id)
    return shipment.cost if shipment is not None else Decimal("0.00")


def outbound_costs(period) -> Decimal:
    """Shipping to customers in *period* (a reports.analytics.Period), by the day shipped, narrowed by its filters
    on the returned item's product, category and supplier (the supplier of its batch when known), as the other
    cost lines are."""
    where, args = period.product_filter(supplier="COALESCE(sl.supplier_id, p.supplier_id)")
    fen = dialect.execute(
        f"""SELECT SUM(s.cost) FROM shipment s JOIN aftersales_item i ON i.id = s.item_id
            JOIN product p ON p.id = i.product_id LEFT JOIN sale_line sl ON sl.id = i.sale_line_id
            WHERE s.shipped_on >= ? AND s.shipped_on <= ? {where}""",
        [period.start.isoformat(), period.end.isoformat(), *args]).fetchone()[0]
    return (Decimal(fen or 0) / 100).quantize(FEN)


# The shipments of a period for the workbook's sheet: one row per shipment (columns of SHEET_COLUMNS).
SHEET_COLUMNS = (QT_TRANSLATE_NOOP("Domain", "Shipped"), QT_TRANSLATE_NOOP("Domain", "Item code"),
                 QT_TRANSLATE_NOOP("Domain", "Customer"), QT_TRANSLATE_NOOP("Domain", "Carrier"),
                 QT_TRANSLATE_NOOP("Domain", "Tracking no."), QT_TRANSLATE_NOOP("Domain", "Delivered"),
                 QT_TRANSLATE_NOOP("Domain", "Shipping cost"))


def sheet_rows(period) -> list[tuple]:
    """(shipped on, item code, customer, carrier, tracking no., delivered on or None, cost) per shipment of
    *period*, by the day shipped; their costs add up to :func:`outbound_costs`."""
    where, args = period.product_filter(supplier="COALESCE(sl.supplier_id, p.supplier_id)")
    rows = dialect.execute(
        f"""SELECT s.shipped_on, i.code, COALESCE(cu.name, ''), s.carrier, s.tracking_no, s.delivered_on, s.cost
            FROM shipment s JOIN aftersales_item i ON i.id = s.item_id
            JOIN return_order o ON o.id = i.order_id LEFT JOIN customer cu ON cu.id = o.customer_id
            JOIN product p ON p.id = i.product_id LEFT JOIN sale_line sl ON sl.id = i.sale_line_id
            WHERE s.shipped_on >= ? AND s.shipped_on <= ? {where} ORDER BY s.shipped_on, s.id""",
        [period.start.isoformat(), period.end.isoformat(), *args]).fetchall()
    return [(dialect.read_day(shipped), code, customer, carrier, tracking,
             dialect.read_day(done), (Decimal(fen) / 100).quantize(FEN))
            for shipped, code, customer, carrier, tracking, done, fen in rows]


def queue_entries() -> list:
    """The sales queue's shipping entries (services.queues adds them): tell the customer the parcel is on its way
    (until told, with the message to copy), and confirm it was delivered (due DELIVERY_DAYS after shipping, late
    after that, until :func:`delivered` closes it)."""
    from . import queues

    entries = []
    waiting = awaiting_delivery()
    told = queues._told([s.item_id for s in waiting], "message.shipped")
    first = queues.promise("promise.first_response_days")
    days = queues.promise(DELIVERY_DAYS)
    for shipment in waiting:
        item = shipment.item
        customer = item.order.customer
        params = dict(customer=queues._who(customer), code=item.code, product=item.product.name,
                      carrier=shipment.carrier, tracking=shipment.tracking_no)
        if item.id not in told and item.order.customer_id:
            entries.append(queues.Entry("sales", queues._t(QT_TRANSLATE_NOOP(
                "Domain", "Tell {customer} that {code} is on its way ({carrier}, tracking no. {tracking})"), **params),
                queues._end_of(shipment.shipped_on + dt.timedelta(days=first)), item.id, message="message.shipped"))
        entries.append(queues.Entry("sales", queues._t(QT_TRANSLATE_NOOP(
            "Domain", "Shipped, not yet confirmed delivered: {code} · {product} to {customer} ({carrier}, tracking "
                      "no. {tracking})"), **params),
            queues._end_of(shipment.shipped_on + dt.timedelta(days=days)), item.id))
    return entries
