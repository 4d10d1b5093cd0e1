"""The only writer of stock: moves between locations (DESIGN.md §3).

Every change of where goods are is a :class:`StockMove`, written once. The caches
``StockQuant`` (on-hand per product and internal location) and ``StockSerial`` (where each
serialised unit is) are updated in the same transaction, and a move that would take an
internal location below zero, or move a serialised unit from where it is not, is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP
from ..models import Location, Product, Staff, StockMove, StockQuant, StockSerial, db
from ..models import chain
from ..models.stock import INTERNAL


def location(code: str) -> Location:
    try:
        return Location.by_code(code)
    except Location.DoesNotExist:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Unknown stock location '{code}'."), code=code) from None


def _loc(code_or_loc: str | Location) -> Location:
    return code_or_loc if isinstance(code_or_loc, Location) else location(code_or_loc)


@dataclass(frozen=True)
class MoveRequest:
    product: Product
    quantity: int
    source: str | Location
    target: str | Location
    serial: str | None = None
    reference: str = ""
    note: str = ""
    staff: Staff | None = None
    customer_owned: bool = False


def on_hand(product: Product | int, loc: str | Location, customer_owned: bool | None = False) -> int:
    """Units of *product* in *loc*: the shop's own (default), customers' (True) or all (None)."""
    location_ = _loc(loc)
    query = (StockQuant.select(pw.fn.COALESCE(pw.fn.SUM(StockQuant.quantity), 0))
             .where((StockQuant.product == product) & (StockQuant.location == location_)))
    if customer_owned is not None:
        query = query.where(StockQuant.customer_owned == customer_owned)
    return query.scalar()


def serial_location(product: Product | int, serial: str) -> Location | None:
    row = (StockSerial.select(StockSerial, Location).join(Location)
           .where((StockSerial.product == product) & (StockSerial.serial == serial)).first())
    return row.location if row else None


def _add_quant(product_id: int, location_id: int, delta: int, customer_owned: bool) -> None:
    updated = (StockQuant.update(quantity=StockQuant.quantity + delta)
               .where((StockQuant.product == product_id) & (StockQuant.location == location_id)
                      & (StockQuant.customer_owned == customer_owned))
               .execute())
    if not updated:
        StockQuant.insert(product=product_id, location=location_id, quantity=delta,
                          customer_owned=customer_owned).execute()


def move(req: MoveRequest) -> StockMove:
    """Write one move. Call inside a business step (it asserts a transaction is open)."""
    if not db.in_transaction():
        raise RuntimeError("stock moves are written inside a business step")
    product = req.product
    source, target = _loc(req.source), _loc(req.target)
    if req.quantity <= 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "A quantity to move must be at least 1 (got {qty})."),
                          qty=req.quantity)
    if source.id == target.id:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "A move needs two different locations."))
    # only a serialised product's units are tracked one by one; a serial noted on anything else stays on its
    # document (e.g. the item's card) and never enters the ledger
    serial = ((req.serial or "").strip() or None) if product.serialised else None
    if product.serialised:
        if serial is None:
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "{product} is tracked by serial number: "
                                                "give the serial of the unit."), product=product.name)
        if req.quantity != 1:
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "A serialised unit moves one at a time."))
        where = serial_location(product, serial)
        if where is not None and where.id != source.id:
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "Unit {serial} of {product} is in "
                                                "'{where}', not in '{source}'."),
                              serial=serial, product=product.name,
                              where=location_label(where), source=location_label(source))
        if where is None and source.kind == INTERNAL:
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "Unit {serial} of {product} is not in "
                                                "'{source}'."),
                              serial=serial, product=product.name, source=location_label(source))
    if source.kind == INTERNAL:
        available = on_hand(product, source, req.customer_owned)
        if available < req.quantity:
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "Only {available} of {product} in "
                                                "'{source}'; cannot move {qty}."),
                              available=available, product=product.name,
                              source=location_label(source), qty=req.quantity)
        _add_quant(product.id, source.id, -req.quantity, req.customer_owned)
    if target.kind == INTERNAL:
        _add_quant(product.id, target.id, req.quantity, req.customer_owned)
    if serial is not None:
        (StockSerial.insert(product=product.id, serial=serial, location=target.id)
         .on_conflict(conflict_target=[StockSerial.product, StockSerial.serial],
                      update={StockSerial.location: target.id})
         .execute())
    return chain.append(  # the next link of the ledger's hash chain (models/chain.py)
        StockMove, product=product, quantity=req.quantity, from_location=source, to_location=target,
        serial=serial, reference=req.reference, note=req.note, staff=req.staff,
        customer_owned=req.customer_owned)


def location_label(loc: Location) -> str:
    from ..i18n import translate

    return translate("Domain", loc.name)


def product_history(product: Product | int) -> pw.ModelSelect:
    """Every move of a product, newest first."""
    Src = Location.alias()
    Dst = Location.alias()
    return (StockMove.select(StockMove, Src, Dst, Staff)
            .join(Src, on=(StockMove.from_location == Src.id), attr="src")
            .switch(StockMove).join(Dst, on=(StockMove.to_location == Dst.id), attr="dst")
            .switch(StockMove).join(Staff, pw.JOIN.LEFT_OUTER)
            .where(StockMove.product == product)
            .order_by(StockMove.created_at.desc(), StockMove.id.desc()))
