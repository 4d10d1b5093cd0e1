"""Intake: registering what a customer brings back as a return order (退货单) with one after-sales item
per unit (identical non-serialised units share one item with a quantity), each moved customer → inspection
(or straight on to another zone when the fault is obvious at the counter). One transaction."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import peewee as pw

from ..clock import now
from ..errors import DomainError
from .. import i18n
from ..i18n import QT_TRANSLATE_NOOP
from ..models import AftersalesItem, Customer, ItemPhoto, Product, ReturnOrder, Sale, SaleLine, Staff
from ..models.aftersales import (EVENT_PHOTO, EVENT_POLICY_OVERRIDE, EVENT_RECEIVED, RECEIVED, REPAIRABLE,
                                 RETURNED_TO_CUSTOMER, SUPPLIER_RETURN, TERMINAL)
from ..models.stock import INTERNAL
from ..money import FEN
from .base import Changes, business_step
from .items import change_status, record
from .ledger import MoveRequest, location_label, move, serial_location
from .numbering import next_number
from .policy import ALLOWED, Verdict, evaluate, rules_for

COUNTER_DESTINATIONS = (RECEIVED, REPAIRABLE, SUPPLIER_RETURN)
IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")
MAX_PHOTO_BYTES = 20 * 1024 * 1024


@dataclass
class ReturnLine:
    product_id: int
    quantity: int
    reason: str
    condition: str = "opened"
    requested_resolution: str = "refund"
    sale_line_id: int | None = None
    serial: str | None = None
    unit_price: Decimal | None = None  # a line without a receipt: what the customer says they paid
    reason_text: str = ""
    fault: str = ""
    accessories: str = ""
    destination: str = RECEIVED
    photos: tuple[Path, ...] = ()


@dataclass
class ReturnRequest:
    lines: list[ReturnLine]
    sale_id: int | None = None
    customer_name: str = ""
    customer_phone: str = ""
    bought_elsewhere: bool = False
    purchased_on: dt.date | None = None  # without a receipt, if known
    shipping_cost: Decimal = Decimal(0)
    override_reason: str = ""
    override_approval: object = None  # services.staff.Approval of the owner, for an exception to the policy
    note: str = ""
    extra: dict = field(default_factory=dict)


# ------------------------------------------------------------------ look-ups for the intake screen

def find_sale(receipt_no: str) -> Sale:
    sale = Sale.get_or_none(Sale.receipt_no == receipt_no.strip())
    if sale is None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "There is no receipt {receipt}."), receipt=receipt_no.strip())
    return sale


def returned_quantity(sale_line_id: int) -> int:
    """Units of the line now back in the shop or settled with the customer (not those handed back to them)."""
    return (AftersalesItem.select(pw.fn.COALESCE(pw.fn.SUM(AftersalesItem.quantity), 0))
            .where((AftersalesItem.sale_line == sale_line_id) & (AftersalesItem.status != RETURNED_TO_CUSTOMER))
            .scalar())


@dataclass(frozen=True)
class ReturnableLine:
    line: SaleLine
    returned: int

    @property
    def returnable(self) -> int:
        return max(self.line.quantity - self.returned, 0)


def returnable_lines(sale_id: int) -> list[ReturnableLine]:
    lines = list(SaleLine.select(SaleLine, Product).join(Product).where(SaleLine.sale == sale_id)
                 .order_by(SaleLine.line_no))
    return [ReturnableLine(line, returned_quantity(line.id)) for line in lines]


def verdict_for(line: ReturnLine, purchased: dt.date | None, today: dt.date | None = None) -> Verdict:
    product = Product.get_by_id(line.product_id)
    return evaluate(rules_for(product.category_id), purchased, today or now().date(), line.reason, line.condition,
                    line.requested_resolution)


def is_image(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError:
        return False
    return head.startswith(IMAGE_SIGNATURES) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


def check_photo(path: Path) -> None:
    path = Path(path)
    if not path.is_file():
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The photo {name} does not exist."), name=str(path))
    if not is_image(path):
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{name} is not a photo (JPEG, PNG, GIF, BMP or WebP)."),
                          name=path.name)
    if path.stat().st_size > MAX_PHOTO_BYTES:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The photo {name} is larger than 20 MB."), name=path.name)


# ------------------------------------------------------------------ the business step

def _customer(req: ReturnRequest, sale: Sale | None) -> Customer | None:
    if sale is not None and sale.customer_id:
        return sale.customer
    name, phone = req.customer_name.strip(), req.customer_phone.strip()
    if not name and not phone:
        return None
    found = Customer.select().where(Customer.phone == phone).first() if phone else None
    return found or Customer.create(name=name or phone, phone=phone)


def _validate(req: ReturnRequest, sale: Sale | None, staff: Staff | None = None
              ) -> tuple[list[tuple[ReturnLine, Product, SaleLine | None, Verdict]], Staff | None]:
    """The lines checked against the policy, and the owner who approved an exception to it (None if none)."""
    if not req.lines:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Pick at least one item that is coming back."))
    if Decimal(req.shipping_cost) < 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The return shipping cost cannot be negative."))
    if sale is None and not (req.customer_name.strip() or req.customer_phone.strip()):
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Without a receipt, write down the customer's name or phone."))
    asked: dict[int, int] = {}
    serials: set[tuple[int, str]] = set()
    checked = []
    for line in req.lines:
        product = Product.get_or_none(Product.id == line.product_id)
        if product is None:
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose the product that is coming back."))
        if not line.reason:
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "Give the reason why {product} comes back."),
                              product=product.name)
        if line.quantity <= 0:
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "The quantity of {product} must be at least 1."),
                              product=product.name)
        if line.destination not in COUNTER_DESTINATIONS:
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "At the counter a unit goes to inspection, the repairable "
                                                "zone or the return-to-supplier list."))
        sale_line = None
        if line.sale_line_id is not None:
            sale_line = SaleLine.get_or_none(SaleLine.id == line.sale_line_id)
            if sale_line is None or sale is None or sale_line.sale_id != sale.id:
                raise DomainError(QT_TRANSLATE_NOOP("Domain", "That line is not on receipt {receipt}."),
                                  receipt=sale.receipt_no if sale else "?")
            asked[sale_line.id] = asked.get(sale_line.id, 0) + line.quantity
            available = sale_line.quantity - returned_quantity(sale_line.id)
            if asked[sale_line.id] > available:
                raise DomainError(QT_TRANSLATE_NOOP("Domain", "{product}: {qty} coming back, but only {available} of "
                                                    "the {sold} sold on this receipt can still come back."),
                                  product=product.name, qty=asked[sale_line.id], available=max(available, 0),
                                  sold=sale_line.quantity)
            if sale_line.serial:
                line.serial = sale_line.serial
        elif sale is not None:
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "Pick the lines of receipt {receipt} that come back."),
                              receipt=sale.receipt_no)
        serial = (line.serial or "").strip() or None
        line.serial = serial
        if product.serialised:
            if serial is None:
                raise DomainError(QT_TRANSLATE_NOOP("Domain", "{product} is tracked by serial number: give the serial "
                                                    "of the unit."), product=product.name)
            if line.quantity != 1:
                raise DomainError(QT_TRANSLATE_NOOP("Domain", "A serialised unit moves one at a time."))
        if serial is not None:
            if (product.id, serial) in serials:
                raise DomainError(QT_TRANSLATE_NOOP("Domain", "Serial {serial} is listed twice."), serial=serial)
            serials.add((product.id, serial))
            where = serial_location(product, serial)
            if where is not None and where.kind == INTERNAL:
                _already_in_shop(product, serial, location_label(where))
        for photo in line.photos:
            check_photo(photo)
        purchased = sale.sold_at.date() if sale is not None else req.purchased_on
        checked.append((line, product, sale_line, verdict_for(line, purchased)))
    refused = [(p, v) for _l, p, _s, v in checked if v.outcome != ALLOWED]
    if refused and not req.override_reason.strip():
        product, verdict = refused[0]
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The return policy says no for {product}: {why} To go ahead "
                                            "anyway, write the reason for the exception."),
                          product=product.name, why=verdict.text())
    approver = None
    if refused:  # an exception to the policy is the owner's decision
        from .staff import owner_approval

        approver = owner_approval(staff, req.override_approval)
    return checked, approver


def open_return_of(product: Product, serial: str) -> AftersalesItem | None:
    """The after-sales item (with its return order) that still follows unit *serial* of *product*, if any."""
    return (AftersalesItem.select(AftersalesItem, ReturnOrder).join(ReturnOrder)
            .where((AftersalesItem.product == product) & (AftersalesItem.serial == serial)
                   & AftersalesItem.status.not_in(tuple(TERMINAL)))
            .order_by(AftersalesItem.id.desc()).first())


def _already_in_shop(product: Product, serial: str, where: str) -> None:
    """Refuse a unit the ledger has in the shop, naming the open return it came in on (number and date)."""
    item = open_return_of(product, serial)
    if item is not None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Unit {serial} of {product} is already in the shop "
                                            "(“{where}”): it came back on return {number} of {date} (item "
                                            "{code})."),
                          serial=serial, product=product.name, where=where, number=item.order.number,
                          date=f"{item.order.created_at:%Y-%m-%d}", code=item.code)
    raise DomainError(QT_TRANSLATE_NOOP("Domain", "Unit {serial} of {product} is already in the shop "
                                        "(“{where}”)."), serial=serial, product=product.name, where=where)


def _copy_photos(item: AftersalesItem, photos: tuple[Path, ...], attachments: Path, staff, copied: list[Path]) -> None:
    folder = attachments / item.code
    for index, photo in enumerate(photos, start=1):
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"photo-{index}{Path(photo).suffix.lower() or '.jpg'}"
        shutil.copyfile(photo, target)
        copied.append(target)
        relative = target.relative_to(attachments).as_posix()
        ItemPhoto.create(item=item, file_name=relative, original_name=Path(photo).name)
        record(item, EVENT_PHOTO, staff, data={"file": relative})


def register_return(req: ReturnRequest, staff: Staff | None = None, attachments: Path | None = None) -> Changes:
    """Save the return order and its items in one transaction. Copied photos are removed if it fails."""
    copied: list[Path] = []
    try:
        return _register(req, staff, attachments, copied)
    except BaseException:
        _forget_copies(copied)
        raise


@business_step
def _register(req: ReturnRequest, staff: Staff | None, attachments: Path | None, copied: list[Path]) -> Changes:
    _forget_copies(copied)  # a run that lost a race with another PC (and was rolled back) copied these
    sale = Sale.get_or_none(Sale.id == req.sale_id) if req.sale_id is not None else None
    if req.sale_id is not None and sale is None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "There is no receipt {receipt}."), receipt=str(req.sale_id))
    checked, approver = _validate(req, sale, staff)
    if any(line.photos for line in req.lines) and attachments is None:
        raise RuntimeError("photos need the attachments folder")
    number = next_number("return")
    order = ReturnOrder.create(number=number, sale=sale, customer=_customer(req, sale), no_receipt=sale is None,
                               bought_elsewhere=req.bought_elsewhere, staff=staff,
                               shipping_cost=Decimal(req.shipping_cost).quantize(FEN), note=req.note.strip())
    ids = []
    for line, product, sale_line, verdict in checked:
        customer_owned = line.requested_resolution == "repair"
        with i18n.in_document_language():  # the words as said then: for items' search and older readers
            written = verdict.text()
        price = sale_line.unit_price if sale_line is not None else Decimal(line.unit_price or 0).quantize(FEN)
        purchased = sale.sold_at if sale is not None else (
            dt.datetime.combine(req.purchased_on, dt.time()) if req.purchased_on else None)
        item = AftersalesItem.create(
            code=next_number("item"), order=order, sale_line=sale_line, product=product, serial=line.serial,
            quantity=line.quantity, unit_price=price, purchased_at=purchased, reason=line.reason,
            reason_text=line.reason_text.strip(), fault=line.fault.strip(), condition=line.condition,
            accessories=line.accessories.strip(), requested_resolution=line.requested_resolution,
            verdict=verdict.outcome, verdict_text=written, verdict_reasons=verdict.reasons_json(),
            override_reason=req.override_reason.strip() if verdict.outcome != ALLOWED else "",
            customer_owned=customer_owned, status=RECEIVED)
        stock_move = move(MoveRequest(product=product, quantity=line.quantity, source="customer", target="inspection",
                                      serial=line.serial, reference=item.code, staff=staff,
                                      customer_owned=customer_owned))
        record(item, EVENT_RECEIVED, staff, to_status=RECEIVED, note=line.fault,
               data={"order": number, "verdict": verdict.outcome}, stock_move=stock_move)
        if verdict.outcome != ALLOWED:
            record(item, EVENT_POLICY_OVERRIDE, staff, note=req.override_reason,
                   data={"verdict": verdict.outcome, "rule": written, "reasons": json.loads(verdict.reasons_json()),
                         "approved_by": approver.name if approver else ""})
        if line.photos:
            _copy_photos(item, tuple(line.photos), attachments, staff, copied)
        if line.destination != RECEIVED:
            if line.destination == SUPPLIER_RETURN:
                from .resolutions import list_for_supplier

                list_for_supplier(item, staff, line.fault)
            else:
                change_status(item, line.destination, staff, line.fault)
        ids.append(item.id)
    return Changes(items=True, stock=True, reference=number, ids=tuple(ids))


def _forget_copies(copied: list[Path]) -> None:
    for path in copied:
        path.unlink(missing_ok=True)
    copied.clear()


def add_photo(item_id: int, photo: Path, attachments: Path, staff: Staff | None = None) -> Changes:
    """Add a photo to an item's ID card. The copied file is removed if the step fails, at its commit included."""
    copied: list[Path] = []
    try:
        return _add_photo(item_id, photo, attachments, staff, copied)
    except BaseException:
        _forget_copies(copied)
        raise


@business_step
def _add_photo(item_id: int, photo: Path, attachments: Path, staff: Staff | None, copied: list[Path]) -> Changes:
    from .items import get_item

    _forget_copies(copied)  # a run that lost a race with another PC (and was rolled back) copied this
    check_photo(photo)
    item = get_item(item_id)
    index = item.photos.count() + 1
    folder = attachments / item.code
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"photo-{index}{Path(photo).suffix.lower() or '.jpg'}"
    shutil.copyfile(photo, target)
    copied.append(target)
    relative = target.relative_to(attachments).as_posix()
    ItemPhoto.create(item=item, file_name=relative, original_name=Path(photo).name)
    record(item, EVENT_PHOTO, staff, data={"file": relative})
    return Changes(items=True)


def order_state(order: ReturnOrder) -> str:
    """'open' while any unit waits to be settled with the customer, else 'settled'."""
    pending = order.items.where(AftersalesItem.resolution_state == "pending").exists()
    return "open" if pending else "settled"
