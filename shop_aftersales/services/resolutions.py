"""What is done about a returned unit: refund, exchange, scrap with its record, the return to the
supplier with the credit received, and giving a customer's unit back. One transaction each."""

from __future__ import annotations

import json
from decimal import Decimal


from ..clock import now
from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..models import (AftersalesItem, Exchange, ItemEvent, Product, Refund, RefundReversal, ScrapRecord, Staff,
                      SupplierReturn)
from ..models.aftersales import standing_refund as _standing_refund
from ..models.aftersales import (EVENT_EXCHANGE, EVENT_POLICY_OVERRIDE, EVENT_REFUND, EVENT_REFUND_REVERSED,
                                 EVENT_RESOLUTION, EVENT_SCRAPPED,
                                 EVENT_SUPPLIER_CREDIT, PAYMENT_METHODS, RETURNED_TO_CUSTOMER,
                                 RETURNED_TO_SUPPLIER, SCRAPPED, STATUSES, SUPPLIER_RETURN, TERMINAL)
from ..money import FEN
from .base import Changes, business_step
from .items import change_status, get_item, record, require_staff
from .ledger import MoveRequest, move, on_hand, serial_location
from .numbering import next_number
from .policy import rules_for
from .staff import owner_approval, require_owner


def refundable_amount(item: AftersalesItem) -> Decimal:
    """Price paid for the unit(s), less the restocking fee where the policy charges one."""
    paid = (item.unit_price * item.quantity).quantize(FEN)
    fee = rules_for(item.product.category_id).fee_pct(item.reason)
    return (paid * (100 - fee) / 100).quantize(FEN)


def _pending_resolution(item: AftersalesItem) -> None:
    if item.resolution_state != "pending":
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{code} is already settled with the customer."), code=item.code)


@business_step
def refund(item_id: int, amount: Decimal, method: str, staff: Staff | None = None,
           approved_by=None, note: str = "") -> Changes:
    """*approved_by*: a services.staff.Approval (owner and PIN), needed above what the customer paid."""
    require_staff(staff)
    item = get_item(item_id)
    _pending_resolution(item)
    if item.customer_owned:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{code} is the customer's own unit in for repair; it is not "
                                            "refunded."), code=item.code)
    if method not in PAYMENT_METHODS:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose how the money was paid back."))
    amount = Decimal(amount).quantize(FEN)
    if amount <= 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "A refund must be more than ¥0.00."))
    limit = refundable_amount(item)
    approver = None
    if amount > limit:
        try:
            approver = owner_approval(staff, approved_by)
        except DomainError as refused:
            if refused.source != QT_TRANSLATE_NOOP("Domain", "This needs the owner's approval."):
                raise
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "¥{amount} is more than the ¥{limit} the customer paid "
                                                "(less any restocking fee); only the owner can approve that."),
                              amount=f"{amount:,.2f}", limit=f"{limit:,.2f}") from None
    number = next_number("refund")
    Refund.create(number=number, item=item, amount=amount, method=method, staff=staff,
                  approved_by=approver if amount > limit else None, note=note.strip())
    record(item, EVENT_REFUND, staff, note=note, data={"number": number, "amount": amount, "method": method,
                                                       "approved_by": approver.name if approver else ""})
    item.resolution_state = "done"
    item.save(only=[AftersalesItem.resolution_state])
    return Changes(items=True, reference=number)


def refund_words(refund: Refund) -> dict[str, str]:
    """How a message names a refund: its number, amount and the day it was paid (the {number}, {amount}, {date}
    of the messages below)."""
    paid = refund.paid_at
    return {"number": refund.number, "amount": f"{refund.amount:,.2f}",
            "date": paid.strftime("%Y-%m-%d") if hasattr(paid, "strftime") else str(paid)[:10]}


def reversal_of(refund_id: int) -> RefundReversal | None:
    """The reversal of the refund, or None while it stands."""
    return RefundReversal.get_or_none(RefundReversal.refund == refund_id)


def standing_refund(item_id: int) -> Refund | None:
    """The item's refund that is not reversed (a return is settled at most once), or None."""
    return _standing_refund(item_id)


@business_step
def reverse_refund(refund_id: int, reason: str, approval, staff: Staff | None = None) -> Changes:
    """Reverse a refund given by mistake (wrong amount, wrong unit, the customer changed their mind before taking
    the money), with the owner's approval (*approval*: a services.staff.Approval) and a reason. The refund stays
    on record; a reversal (冲销, CX…) of its whole amount is written beside it, and the unit's return is open
    again: the unit is the customer's until it is settled anew (refunded again, exchanged, or given back).
    Refused when the unit has left the shop's after-sales path since the refund (back in sellable stock, resold,
    scrapped, shipped to the supplier, missing)."""
    require_staff(staff)
    refund = (Refund.select(Refund, AftersalesItem).join(AftersalesItem).where(Refund.id == refund_id).first()
              if refund_id is not None else None)
    if refund is None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "There is no refund #{id}."), id=refund_id)
    words = refund_words(refund)
    done = reversal_of(refund.id)
    if done is not None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Refund {number} of ¥{amount} ({date}) was already reversed "
                                            "by {reversal} on {reversed_on}; a refund is reversed only once."),
                          reversal=done.number, reversed_on=str(done.created_at)[:10], **words)
    if not (reason or "").strip():
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Give the reason for reversing refund {number} of ¥{amount} "
                                            "({date})."), **words)
    item = get_item(refund.item_id)
    if item.status in TERMINAL:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Refund {number} of ¥{amount} ({date}) cannot be reversed: "
                                            "since the refund, {code} is “{status}” and can no longer become the "
                                            "customer's unit again."),
                          code=item.code, status=translate("Domain", STATUSES[item.status]), **words)
    if standing_refund(item.id) != refund or item.resolution_state != "done":
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Refund {number} of ¥{amount} ({date}) is not what settles "
                                            "{code} now, so there is nothing to reverse."), code=item.code, **words)
    try:  # last of the checks, before anything is written (a wrong PIN is counted)
        approver = require_owner(approval)
    except DomainError as refused:
        if refused.source != QT_TRANSLATE_NOOP("Domain", "This needs the owner's approval."):
            raise
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Reversing refund {number} of ¥{amount} ({date}) must be "
                                            "approved by the owner."), **words) from None
    number = next_number("refund_reversal")
    RefundReversal.create(number=number, refund=refund, amount=refund.amount, reason=reason.strip(), staff=staff,
                          approved_by=approver)
    # the refund's number and amount, as the history of the refund wrote them; the reversal's own number as
    # its reference (check compares the reversal with this line)
    record(item, EVENT_REFUND_REVERSED, staff, note=reason,
           data={"number": refund.number, "amount": refund.amount, "reference": number,
                 "approved_by": approver.name})
    item.resolution_state = "pending"
    item.save(only=[AftersalesItem.resolution_state])
    return Changes(items=True, reference=number)


@business_step
def exchange(item_id: int, staff: Staff | None = None, product_id: int | None = None, serial: str = "") -> Changes:
    """Hand the customer a replacement from sellable stock (the same product unless another is chosen)."""
    require_staff(staff)
    item = get_item(item_id)
    _pending_resolution(item)
    if item.customer_owned:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{code} is the customer's own unit in for repair; it is not "
                                            "exchanged."), code=item.code)
    product = Product.get_by_id(product_id) if product_id else item.product
    serial = (serial.strip() or None) if product.serialised else None
    if product.serialised:
        if serial is None:
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "Scan the serial of the replacement {product}."),
                              product=product.name)
        where = serial_location(product, serial)
        if where is None or where.code != "sellable":
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "Unit {serial} of {product} is not in sellable stock."),
                              serial=serial, product=product.name)
    elif on_hand(product, "sellable") < item.quantity:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "No replacement in stock: {product} has {available} in sellable "
                                            "stock, {qty} needed."),
                          product=product.name, available=on_hand(product, "sellable"), qty=item.quantity)
    stock_move = move(MoveRequest(product=product, quantity=1 if product.serialised else item.quantity,
                                  source="sellable", target="customer", serial=serial, reference=item.code,
                                  staff=staff))
    Exchange.create(item=item, product=product, serial=serial, quantity=stock_move.quantity, move=stock_move,
                    staff=staff)
    record(item, EVENT_EXCHANGE, staff, data={"product": product.name, "sku": product.sku, "serial": serial or "",
                                              "approved_by": _exception_approver(item)}, stock_move=stock_move)
    item.resolution_state = "done"
    item.save(only=[AftersalesItem.resolution_state])
    return Changes(items=True, stock=True)


def _exception_approver(item: AftersalesItem) -> str:
    """Who approved the exception to the policy this return was taken under (the exchange is granted under it),
    or "" when the policy allowed it."""
    event = (ItemEvent.select().where((ItemEvent.item == item) & (ItemEvent.code == EVENT_POLICY_OVERRIDE))
             .order_by(ItemEvent.id.desc()).first())
    return json.loads(event.data or "{}").get("approved_by", "") if event else ""


@business_step
def decline(item_id: int, note: str, staff: Staff | None = None) -> Changes:
    """Settle with the customer without refund or exchange (e.g. the policy said no and the unit went back)."""
    item = get_item(item_id)
    _pending_resolution(item)
    if item.status in TERMINAL and item.status != RETURNED_TO_CUSTOMER:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{code} is no longer in the shop (“{status}”): there is nothing "
                                            "to give back, so the return cannot be settled without a refund or an "
                                            "exchange."), code=item.code, status=translate("Domain", STATUSES[item.status]))
    if not note.strip():
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Write down why nothing is refunded or exchanged."))
    record(item, EVENT_RESOLUTION, staff, note=note)
    item.resolution_state = "declined"
    item.save(only=[AftersalesItem.resolution_state])
    return Changes(items=True)


@business_step
def scrap(item_id: int, reason: str, approved_by, staff: Staff | None = None,
          write_off: Decimal | None = None) -> Changes:
    """Beyond repair: the unit leaves stock for the scrap location, with a scrap record."""
    require_staff(staff)
    item = get_item(item_id)
    if not reason.strip():
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Give the reason for scrapping."))
    try:
        approved_by = require_owner(approved_by)
    except DomainError as refused:
        if refused.source != QT_TRANSLATE_NOOP("Domain", "This needs the owner's approval."):
            raise
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Scrapping must be approved by the owner.")) from None
    value = (item.product.cost * item.quantity).quantize(FEN) if write_off is None else Decimal(write_off).quantize(FEN)
    if value < 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The write-off value cannot be negative."))
    number = next_number("scrap")
    change_status(item, SCRAPPED, staff, reason, code=EVENT_SCRAPPED,
                  data={"number": number, "write_off": value, "approved_by": approved_by.name})
    ScrapRecord.create(number=number, item=item, product_name=item.product.name, model=item.product.model,
                       quantity=item.quantity, reason=reason.strip(), write_off=value, approved_by=approved_by,
                       staff=staff)
    return Changes(items=True, stock=True, reference=number)


def list_for_supplier(item: AftersalesItem, staff: Staff | None, note: str = "") -> None:
    """Put the unit on the return-to-supplier list (inside the caller's business step)."""
    supplier_id = (item.sale_line.supplier_id if item.sale_line_id and item.sale_line.supplier_id
                   else item.product.supplier_id)
    change_status(item, SUPPLIER_RETURN, staff, note)
    SupplierReturn.insert(item=item, supplier=supplier_id, staff=staff, listed_at=now()).on_conflict(
        conflict_target=[SupplierReturn.item],
        update={SupplierReturn.supplier: supplier_id, SupplierReturn.listed_at: now(), SupplierReturn.shipped_at: None,
                SupplierReturn.credit: None}).execute()


@business_step
def ship_to_supplier(item_id: int, credit: Decimal, reference: str = "", staff: Staff | None = None) -> Changes:
    """The unit was shipped back; the supplier's credit (0 if none) is recorded."""
    item = get_item(item_id)
    credit = Decimal(credit).quantize(FEN)
    if credit < 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The supplier's credit cannot be negative."))
    change_status(item, RETURNED_TO_SUPPLIER, staff, reference, code=EVENT_SUPPLIER_CREDIT,
                  data={"credit": credit, "reference": reference})
    SupplierReturn.update(shipped_at=now(), credit=credit, reference=reference.strip()).where(
        SupplierReturn.item == item).execute()
    return Changes(items=True, stock=True)


@business_step
def give_back(item_id: int, note: str = "", staff: Staff | None = None) -> Changes:
    """The unit leaves the shop for its customer (a repaired unit picked up, or a return that was refused)."""
    change_status(get_item(item_id), RETURNED_TO_CUSTOMER, staff, note)  # which settles the return
    return Changes(items=True, stock=True)
