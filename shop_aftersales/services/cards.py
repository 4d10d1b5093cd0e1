"""What the item's ID card (售后品档案) and a return order show: read-only views over the models."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

import peewee as pw

from ..i18n import QT_TRANSLATE_NOOP, translate
from ..models import (AftersalesItem, Exchange, ItemEvent, Location, Product, Refund, RepairOrder, ReturnOrder,
                      ScrapRecord, Staff, StockMove, SupplierReturn)
from ..models.aftersales import EVENT_NAMES, STATUSES
from ..models.repairs import format_hours
from ..money import FEN
from .paging import Column, PagedSource
from .policy import event_rule


@dataclass(frozen=True)
class Costs:
    refunds: Decimal
    shipping_share: Decimal  # this unit's share of the return order's shipping cost
    write_off: Decimal
    replacement_cost: Decimal  # the exchanged unit, at cost
    supplier_credit: Decimal
    repairs: Decimal = Decimal(0)  # labour, parts and outside fees of its repair orders
    shipping_out: Decimal = Decimal(0)  # shipping the unit or its replacement back to the customer

    @property
    def total(self) -> Decimal:
        return (self.refunds + self.shipping_share + self.write_off + self.replacement_cost + self.repairs
                + self.shipping_out - self.supplier_credit)


def costs(item: AftersalesItem) -> Costs:
    from ..models import RefundReversal

    # net of reversals: a refund reversed (given by mistake) cost the shop nothing
    refunds = sum((r.amount for r in Refund.select().where(Refund.item == item)), Decimal(0)) - sum(
        (x.amount for x in RefundReversal.select().join(Refund).where(Refund.item == item)), Decimal(0))
    units = AftersalesItem.select(pw.fn.SUM(AftersalesItem.quantity)).where(
        AftersalesItem.order == item.order_id).scalar() or 1
    shipping = (item.order.shipping_cost * item.quantity / units).quantize(FEN)
    write_off = sum((s.write_off for s in ScrapRecord.select().where(ScrapRecord.item == item)), Decimal(0))
    replacement = sum((e.product.cost * e.quantity for e in Exchange.select(Exchange, Product).join(Product)
                       .where(Exchange.item == item)), Decimal(0))
    credit = sum((s.credit or Decimal(0) for s in SupplierReturn.select().where(SupplierReturn.item == item)),
                 Decimal(0))
    from .repairs import item_repair_cost

    from .shipping import cost_of

    return Costs(refunds, shipping, write_off, replacement, credit, item_repair_cost(item), cost_of(item.id))


def event_text(event: ItemEvent) -> str:
    """The event in words, in the user's language (made when shown, from its code and data)."""
    name = translate("Domain", EVENT_NAMES.get(event.code, "?"))
    data = json.loads(event.data or "{}")
    if data.get("reasons"):  # the policy's rule of an override, worded now in the reader's language
        data["rule"] = event_rule(data)
    parts = [name]
    if event.from_status or event.to_status:
        parts.append(" → ".join(translate("Domain", STATUSES.get(s, s)) for s in (event.from_status, event.to_status)
                                if s))
    details = []
    if data.get("part"):  # a spare part fitted in a repair: which one and how many
        parts.append(translate("Domain", QT_TRANSLATE_NOOP("Domain", "Part used: {part} ×{qty}")).format(
            part=data["part"], qty=data.get("qty", 1)))
    if data.get("hours"):  # hours logged on a repair: how many, by whom
        if data.get("technician"):
            parts.append(translate("Domain", QT_TRANSLATE_NOOP("Domain", "Hours logged: {hours} h by {technician}"))
                         .format(hours=_hours(data["hours"]), technician=data["technician"]))
        else:
            parts.append(translate("Domain", QT_TRANSLATE_NOOP("Domain", "Hours logged: {hours} h")).format(
                hours=_hours(data["hours"])))
    for key, label in (("number", QT_TRANSLATE_NOOP("Domain", "No.")), ("amount", QT_TRANSLATE_NOOP("Domain", "Amount")),
                       ("write_off", QT_TRANSLATE_NOOP("Domain", "Write-off")),
                       ("credit", QT_TRANSLATE_NOOP("Domain", "Credit")),
                       ("approved_by", QT_TRANSLATE_NOOP("Domain", "Approved by")),
                       ("product", QT_TRANSLATE_NOOP("Domain", "Replacement")),
                       ("serial", QT_TRANSLATE_NOOP("Domain", "Serial")),
                       ("rule", QT_TRANSLATE_NOOP("Domain", "Rule")),
                       ("reference", QT_TRANSLATE_NOOP("Domain", "Reference"))):
        value = data.get(key)
        if value:
            if key in ("amount", "write_off", "credit"):
                value = f"¥{Decimal(value):,.2f}"
            details.append(translate("Domain", QT_TRANSLATE_NOOP("Domain", "{label} {value}")).format(
                label=translate("Domain", label), value=value))
    if details:
        parts.append(translate("Domain", QT_TRANSLATE_NOOP("Domain", ", ")).join(details))
    return " · ".join(parts)


def _hours(value: object) -> str:
    try:
        return format_hours(Decimal(str(value)))
    except (ArithmeticError, ValueError):
        return str(value)


def repairs_of(item_id: int) -> list[RepairOrder]:
    """The item's repair orders (维修单), oldest first: the ID card links to each."""
    return list(RepairOrder.select().where(RepairOrder.item == item_id).order_by(RepairOrder.created_at, RepairOrder.id))


def history(item_id: int) -> list[tuple]:
    """(when, who, what, note) per event, oldest first."""
    rows = (ItemEvent.select(ItemEvent, Staff).join(Staff, pw.JOIN.LEFT_OUTER)
            .where(ItemEvent.item == item_id).order_by(ItemEvent.created_at, ItemEvent.id))
    return [(e.created_at, e.staff.name if e.staff_id else "", event_text(e), e.note) for e in rows]


@dataclass
class ItemMoves(PagedSource):
    """The stock moves of one after-sales item (all carry its code as their reference)."""

    code: str = ""

    def __post_init__(self) -> None:
        self.id_field = StockMove.id
        self.Src = Location.alias()
        self.Dst = Location.alias()
        self.columns = [
            Column("when", QT_TRANSLATE_NOOP("Domain", "When"), StockMove.created_at),
            Column("product", QT_TRANSLATE_NOOP("Domain", "Product"), Product.name),
            Column("from", QT_TRANSLATE_NOOP("Domain", "From"), self.Src.name, translate=True),
            Column("to", QT_TRANSLATE_NOOP("Domain", "To"), self.Dst.name, translate=True),
            Column("qty", QT_TRANSLATE_NOOP("Domain", "Quantity"), StockMove.quantity, numeric=True),
            Column("serial", QT_TRANSLATE_NOOP("Domain", "Serial"), StockMove.serial),
        ]

    def query(self) -> pw.ModelSelect:
        return (StockMove.select(StockMove.id, *[c.expr for c in self.columns]).join(Product)
                .switch(StockMove).join(self.Src, on=(StockMove.from_location == self.Src.id))
                .switch(StockMove).join(self.Dst, on=(StockMove.to_location == self.Dst.id))
                .where(StockMove.reference == self.code))


def order_items(order_id: int) -> list[AftersalesItem]:
    return list(AftersalesItem.select(AftersalesItem, Product).join(Product)
                .where(AftersalesItem.order == order_id).order_by(AftersalesItem.id))


def order_by_number(number: str) -> ReturnOrder | None:
    return ReturnOrder.get_or_none(ReturnOrder.number == number)
