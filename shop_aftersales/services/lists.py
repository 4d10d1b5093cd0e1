"""The after-sales work lists the screens page through: the inspection queue, return orders and the
return-to-supplier list. Sorting and filtering happen in SQL (services.paging)."""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from ..clock import now
from ..i18n import QT_TRANSLATE_NOOP
from ..models import dialect
from ..models import AftersalesItem, Customer, Product, ReturnOrder, Sale, Supplier, SupplierReturn
from ..models.aftersales import RECEIVED
from .paging import Column, PagedSource


def days_since(field) -> pw.Node:
    """Whole days from *field* to the app clock's now (so tests can freeze it)."""
    return dialect.fn_whole_days(now().isoformat(sep=" "), field)


@dataclass
class _Source(PagedSource):
    text: str = ""


@dataclass
class InspectionQueue(_Source):
    """Units waiting for inspection, oldest first, with days waiting."""

    def __post_init__(self) -> None:
        self.id_field = AftersalesItem.id
        self.columns = [
            Column("received", QT_TRANSLATE_NOOP("Domain", "Received"), AftersalesItem.created_at),
            Column("days", QT_TRANSLATE_NOOP("Domain", "Days waiting"), days_since(AftersalesItem.created_at),
                   numeric=True),
            Column("code", QT_TRANSLATE_NOOP("Domain", "Item code"), AftersalesItem.code),
            Column("product", QT_TRANSLATE_NOOP("Domain", "Product"), Product.name),
            Column("serial", QT_TRANSLATE_NOOP("Domain", "Serial"), AftersalesItem.serial),
            Column("qty", QT_TRANSLATE_NOOP("Domain", "Qty"), AftersalesItem.quantity, numeric=True),
            Column("fault", QT_TRANSLATE_NOOP("Domain", "Fault"), AftersalesItem.fault),
            Column("customer", QT_TRANSLATE_NOOP("Domain", "Customer"), Customer.name),
        ]

    def query(self) -> pw.ModelSelect:
        q = (AftersalesItem.select(AftersalesItem.id, *[c.expr for c in self.columns])
             .join(Product).switch(AftersalesItem).join(ReturnOrder)
             .join(Customer, pw.JOIN.LEFT_OUTER).where(AftersalesItem.status == RECEIVED))
        if self.text.strip():
            t = self.text.strip()
            q = q.where((AftersalesItem.code.contains(t)) | (Product.name.contains(t)) | (AftersalesItem.serial == t)
                        | (Customer.name.contains(t)) | (Customer.phone == t))
        return q


@dataclass
class ReturnOrders(_Source):
    """Every return order, newest first, with how many of its units still wait to be settled."""

    def __post_init__(self) -> None:
        self.id_field = ReturnOrder.id
        Pending = AftersalesItem.alias()
        pending = (Pending.select(pw.fn.COUNT(Pending.id))
                   .where((Pending.order == ReturnOrder.id) & (Pending.resolution_state == "pending")))
        units = AftersalesItem.select(pw.fn.SUM(AftersalesItem.quantity)).where(AftersalesItem.order == ReturnOrder.id)
        self.columns = [
            Column("number", QT_TRANSLATE_NOOP("Domain", "Return no."), ReturnOrder.number),
            Column("date", QT_TRANSLATE_NOOP("Domain", "Date"), ReturnOrder.created_at),
            Column("customer", QT_TRANSLATE_NOOP("Domain", "Customer"), Customer.name),
            Column("phone", QT_TRANSLATE_NOOP("Domain", "Phone"), Customer.phone),
            Column("receipt", QT_TRANSLATE_NOOP("Domain", "Receipt"), Sale.receipt_no),
            Column("units", QT_TRANSLATE_NOOP("Domain", "Units"), units, numeric=True),
            Column("pending", QT_TRANSLATE_NOOP("Domain", "Not settled"), pending, numeric=True),
        ]

    def query(self) -> pw.ModelSelect:
        q = (ReturnOrder.select(ReturnOrder.id, *[c.expr for c in self.columns])
             .join(Customer, pw.JOIN.LEFT_OUTER).switch(ReturnOrder).join(Sale, pw.JOIN.LEFT_OUTER))
        if self.text.strip():
            t = self.text.strip()
            q = q.where(ReturnOrder.number.contains(t) | Customer.name.contains(t) | (Customer.phone == t)
                        | (Sale.receipt_no == t))
        return q


@dataclass
class SupplierReturnList(_Source):
    """Units faulty from the supplier, waiting to be shipped back."""

    def __post_init__(self) -> None:
        self.id_field = AftersalesItem.id
        self.columns = [
            Column("supplier", QT_TRANSLATE_NOOP("Domain", "Supplier"), Supplier.name),
            Column("listed", QT_TRANSLATE_NOOP("Domain", "Listed"), SupplierReturn.listed_at),
            Column("code", QT_TRANSLATE_NOOP("Domain", "Item code"), AftersalesItem.code),
            Column("product", QT_TRANSLATE_NOOP("Domain", "Product"), Product.name),
            Column("serial", QT_TRANSLATE_NOOP("Domain", "Serial"), AftersalesItem.serial),
            Column("qty", QT_TRANSLATE_NOOP("Domain", "Qty"), AftersalesItem.quantity, numeric=True),
            Column("findings", QT_TRANSLATE_NOOP("Domain", "Findings"), AftersalesItem.findings),
        ]

    def query(self) -> pw.ModelSelect:
        return (SupplierReturn.select(AftersalesItem.id, *[c.expr for c in self.columns])
                .join(AftersalesItem).join(Product).switch(SupplierReturn).join(Supplier, pw.JOIN.LEFT_OUTER)
                .where(SupplierReturn.shipped_at.is_null() & (AftersalesItem.status == "supplier_return")))
