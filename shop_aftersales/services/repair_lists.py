"""Lists of the Repairs tab: the progress table (维修进度表), units ready for pickup, spare parts."""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from ..i18n import QT_TRANSLATE_NOOP
from ..models import AftersalesItem, Customer, Location, Product, RepairOrder, ReturnOrder, Staff, StockQuant, Technician
from ..models.aftersales import READY_FOR_PICKUP
from ..models.repairs import OPEN_STATES, REPAIR_STATES
from .lists import days_since
from .paging import Column, PagedSource


@dataclass
class RepairProgress(PagedSource):
    """Every open repair with its state, technician and days open."""

    text: str = ""

    def __post_init__(self) -> None:
        self.id_field = RepairOrder.id
        self.columns = [
            Column("number", QT_TRANSLATE_NOOP("Domain", "Repair no."), RepairOrder.number),
            Column("code", QT_TRANSLATE_NOOP("Domain", "Item code"), AftersalesItem.code),
            Column("product", QT_TRANSLATE_NOOP("Domain", "Product"), Product.name),
            Column("fault", QT_TRANSLATE_NOOP("Domain", "Fault"), RepairOrder.fault),
            Column("state", QT_TRANSLATE_NOOP("Domain", "State"),
                   pw.Case(RepairOrder.state, list(REPAIR_STATES.items())), translate=True),
            Column("tech", QT_TRANSLATE_NOOP("Domain", "Technician"), Staff.name),
            Column("planned", QT_TRANSLATE_NOOP("Domain", "Planned"), RepairOrder.planned_on),
            Column("due", QT_TRANSLATE_NOOP("Domain", "Due"), RepairOrder.due_date),
            Column("days", QT_TRANSLATE_NOOP("Domain", "Days open"), days_since(RepairOrder.created_at), numeric=True),
        ]

    def query(self) -> pw.ModelSelect:
        q = (RepairOrder.select(RepairOrder.id, *[c.expr for c in self.columns])
             .join(AftersalesItem).join(Product).switch(RepairOrder)
             .join(Technician, pw.JOIN.LEFT_OUTER).join(Staff, pw.JOIN.LEFT_OUTER)
             .where(RepairOrder.state.in_(OPEN_STATES)))
        if self.text.strip():
            t = self.text.strip()
            q = q.where(RepairOrder.number.contains(t) | AftersalesItem.code.contains(t) | Product.name.contains(t)
                        | Staff.name.contains(t))
        return q


@dataclass
class ReadyForPickup(PagedSource):
    """Customers' units repaired (or not) and waiting to be picked up."""

    text: str = ""

    def __post_init__(self) -> None:
        self.id_field = AftersalesItem.id
        self.columns = [
            Column("since", QT_TRANSLATE_NOOP("Domain", "Ready since"), AftersalesItem.status_since),
            Column("days", QT_TRANSLATE_NOOP("Domain", "Days waiting"), days_since(AftersalesItem.status_since),
                   numeric=True),
            Column("code", QT_TRANSLATE_NOOP("Domain", "Item code"), AftersalesItem.code),
            Column("product", QT_TRANSLATE_NOOP("Domain", "Product"), Product.name),
            Column("customer", QT_TRANSLATE_NOOP("Domain", "Customer"), Customer.name),
            Column("phone", QT_TRANSLATE_NOOP("Domain", "Phone"), Customer.phone),
        ]

    def query(self) -> pw.ModelSelect:
        return (AftersalesItem.select(AftersalesItem.id, *[c.expr for c in self.columns])
                .join(Product).switch(AftersalesItem).join(ReturnOrder).join(Customer, pw.JOIN.LEFT_OUTER)
                .where(AftersalesItem.status == READY_FOR_PICKUP))


@dataclass
class PartsList(PagedSource):
    """The spare-parts catalogue with what the parts store holds; low stock first when sorted by it."""

    text: str = ""
    low_only: bool = False

    def __post_init__(self) -> None:
        self.id_field = Product.id
        self.held = pw.fn.COALESCE(
            StockQuant.select(pw.fn.SUM(StockQuant.quantity)).join(Location)
            .where((StockQuant.product == Product.id) & (Location.code == "parts")), 0)
        self.columns = [
            Column("sku", QT_TRANSLATE_NOOP("Domain", "Part code"), Product.sku),
            Column("name", QT_TRANSLATE_NOOP("Domain", "Part"), Product.name),
            Column("model", QT_TRANSLATE_NOOP("Domain", "Spec"), Product.model),
            Column("bin", QT_TRANSLATE_NOOP("Domain", "Bin"), Product.bin),
            Column("held", QT_TRANSLATE_NOOP("Domain", "On hand"), self.held, numeric=True),
            Column("reorder", QT_TRANSLATE_NOOP("Domain", "Reorder at"), Product.reorder_level, numeric=True),
            Column("cost", QT_TRANSLATE_NOOP("Domain", "Average cost"), Product.cost, numeric=True),
        ]

    def query(self) -> pw.ModelSelect:
        q = Product.select(Product.id, *[c.expr for c in self.columns]).where(Product.kind == "part")
        if self.low_only:
            q = q.where(self.held <= Product.reorder_level)
        if self.text.strip():
            t = self.text.strip()
            q = q.where(Product.sku.contains(t) | Product.name.contains(t) | (Product.bin == t))
        return q
