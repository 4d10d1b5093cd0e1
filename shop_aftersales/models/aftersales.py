"""After-sales items (售后品): return orders, each returned unit with its history, and what was done
about it (refunds, exchanges, scrap records, returns to the supplier).

The item's allowed status transitions live in ONE table here (:data:`TRANSITIONS`); services refuse
anything not in it and the UI enables its actions from it.
"""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from ..i18n import QT_TRANSLATE_NOOP
from .base import BaseModel, MoneyField, created_now
from .catalog import Category, Product, Supplier
from .parties import Customer, Staff
from .sales import Sale, SaleLine
from .stock import StockMove


# ------------------------------------------------------------------ vocabularies (stable codes)

REASONS = {
    "quality": QT_TRANSLATE_NOOP("Domain", "Quality fault"),
    "wrong_item": QT_TRANSLATE_NOOP("Domain", "Wrong item shipped"),
    "transit_damage": QT_TRANSLATE_NOOP("Domain", "Damaged in transit"),
    "not_as_described": QT_TRANSLATE_NOOP("Domain", "Not as described"),
    "allergy": QT_TRANSLATE_NOOP("Domain", "Allergy or adverse reaction"),
    "changed_mind": QT_TRANSLATE_NOOP("Domain", "Changed mind"),
    "other": QT_TRANSLATE_NOOP("Domain", "Other"),
}
CONDITIONS = {
    "unopened": QT_TRANSLATE_NOOP("Domain", "Unopened"),
    "opened": QT_TRANSLATE_NOOP("Domain", "Opened"),
    "used": QT_TRANSLATE_NOOP("Domain", "Used"),
    "damaged": QT_TRANSLATE_NOOP("Domain", "Damaged"),
}
RESOLUTIONS = {
    "refund": QT_TRANSLATE_NOOP("Domain", "Refund"),
    "exchange": QT_TRANSLATE_NOOP("Domain", "Exchange"),
    "repair": QT_TRANSLATE_NOOP("Domain", "Repair"),
}
VERDICTS = {
    "allowed": QT_TRANSLATE_NOOP("Domain", "Allowed"),
    "not_allowed": QT_TRANSLATE_NOOP("Domain", "Not allowed"),
    "needs_approval": QT_TRANSLATE_NOOP("Domain", "Needs the owner's approval"),
}
PAYMENT_METHODS = {
    "cash": QT_TRANSLATE_NOOP("Domain", "Cash"),
    "wechat": QT_TRANSLATE_NOOP("Domain", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("Domain", "Alipay"),
    "card": QT_TRANSLATE_NOOP("Domain", "Bank card"),
    "original": QT_TRANSLATE_NOOP("Domain", "Back to the original payment"),
}

# ------------------------------------------------------------------ statuses and the one transition table

RECEIVED = "received"
REPAIRABLE = "repairable"
IN_REPAIR = "in_repair"
QC_WAITING = "qc"  # repaired, or resold as is: waits for the quality check (质量检测)
READY_FOR_PICKUP = "ready_for_pickup"
SELLABLE = "sellable"
RESALE = "resale"
SUPPLIER_RETURN = "supplier_return"
RETURNED_TO_SUPPLIER = "returned_to_supplier"
SCRAPPED = "scrapped"
SOLD = "sold"  # resold to a new buyer
RETURNED_TO_CUSTOMER = "returned_to_customer"
LOST = "lost"  # not found where it should be at a stock count: written off to the adjustment location

STATUSES = {
    RECEIVED: QT_TRANSLATE_NOOP("Domain", "Waiting for inspection"),
    REPAIRABLE: QT_TRANSLATE_NOOP("Domain", "Repairable"),
    IN_REPAIR: QT_TRANSLATE_NOOP("Domain", "In repair"),
    QC_WAITING: QT_TRANSLATE_NOOP("Domain", "Waiting for the quality check"),
    READY_FOR_PICKUP: QT_TRANSLATE_NOOP("Domain", "Ready for pickup"),
    SELLABLE: QT_TRANSLATE_NOOP("Domain", "Back in sellable stock"),
    RESALE: QT_TRANSLATE_NOOP("Domain", "On the resale shelf"),
    SUPPLIER_RETURN: QT_TRANSLATE_NOOP("Domain", "To return to the supplier"),
    RETURNED_TO_SUPPLIER: QT_TRANSLATE_NOOP("Domain", "Returned to the supplier"),
    SCRAPPED: QT_TRANSLATE_NOOP("Domain", "Scrapped"),
    RETURNED_TO_CUSTOMER: QT_TRANSLATE_NOOP("Domain", "Back with the customer"),
    SOLD: QT_TRANSLATE_NOOP("Domain", "Resold"),
    LOST: QT_TRANSLATE_NOOP("Domain", "Missing at a stock count"),
}

# Where the unit is while it has each status: the ledger location code.
STATUS_LOCATION = {
    RECEIVED: "inspection",
    REPAIRABLE: "repairable",
    IN_REPAIR: "in_repair",
    QC_WAITING: "qc",
    READY_FOR_PICKUP: "pickup",
    SELLABLE: "sellable",
    RESALE: "resale",
    SUPPLIER_RETURN: "supplier_return",
    RETURNED_TO_SUPPLIER: "supplier",
    SCRAPPED: "scrap",
    RETURNED_TO_CUSTOMER: "customer",
    SOLD: "customer",
    LOST: "adjustment",
}
TERMINAL = {SELLABLE, RETURNED_TO_SUPPLIER, SCRAPPED, RETURNED_TO_CUSTOMER, SOLD, LOST}


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    action: str          # English source label of the action (context Domain)
    shop_only: bool = False      # never for a customer's own unit (in for warranty repair)
    customer_only: bool = False  # only for a customer's own unit
    via_repair: bool = False     # taken by the repair order's steps (start, finish), not a plain move
    via_qc: bool = False         # taken by the quality check (pass or fail) or the resale sale, not a plain move
    customers_unit: bool = False  # only while the unit is still the customer's (see owner_of)
    shops_unit: bool = False     # only once the unit is the shop's (the customer refunded or given a replacement)
    declined_only: bool = False  # only for a unit whose return was settled without refund or exchange: theirs
    via_count: bool = False      # taken by posting a stock count that did not find the unit, not a plain move


TRANSITIONS: tuple[Transition, ...] = (
    Transition(RECEIVED, REPAIRABLE, QT_TRANSLATE_NOOP("Domain", "Repairable")),
    Transition(RECEIVED, SCRAPPED, QT_TRANSLATE_NOOP("Domain", "Beyond repair: scrap"), shop_only=True),
    Transition(RECEIVED, SELLABLE, QT_TRANSLATE_NOOP("Domain", "No fault: back to sellable stock"), shop_only=True),
    Transition(RECEIVED, QC_WAITING, QT_TRANSLATE_NOOP("Domain", "Resell as is: to the quality check"),
               shop_only=True),
    Transition(RECEIVED, SUPPLIER_RETURN, QT_TRANSLATE_NOOP("Domain", "Faulty from the supplier"), shop_only=True),
    Transition(RECEIVED, RETURNED_TO_CUSTOMER, QT_TRANSLATE_NOOP("Domain", "Give back to the customer"),
               customers_unit=True),
    Transition(REPAIRABLE, IN_REPAIR, QT_TRANSLATE_NOOP("Domain", "Start the repair"), via_repair=True),
    Transition(REPAIRABLE, SCRAPPED, QT_TRANSLATE_NOOP("Domain", "Beyond repair: scrap"), shop_only=True),
    Transition(REPAIRABLE, SUPPLIER_RETURN, QT_TRANSLATE_NOOP("Domain", "Faulty from the supplier"), shop_only=True),
    Transition(REPAIRABLE, RETURNED_TO_CUSTOMER, QT_TRANSLATE_NOOP("Domain", "Give back to the customer"), customer_only=True),
    Transition(IN_REPAIR, REPAIRABLE, QT_TRANSLATE_NOOP("Domain", "Pause the repair"), via_repair=True),
    Transition(IN_REPAIR, QC_WAITING, QT_TRANSLATE_NOOP("Domain", "Repaired: to the quality check"), shop_only=True,
               via_repair=True),
    Transition(IN_REPAIR, READY_FOR_PICKUP, QT_TRANSLATE_NOOP("Domain", "Ready for the customer to pick up"),
               customer_only=True, via_repair=True),
    Transition(IN_REPAIR, SCRAPPED, QT_TRANSLATE_NOOP("Domain", "Beyond repair: scrap"), shop_only=True,
               via_repair=True),
    Transition(QC_WAITING, SELLABLE, QT_TRANSLATE_NOOP("Domain", "Checked: back to sellable stock"), shop_only=True,
               via_qc=True),
    Transition(QC_WAITING, RESALE, QT_TRANSLATE_NOOP("Domain", "Checked: to the resale shelf"), shop_only=True,
               via_qc=True),
    Transition(QC_WAITING, REPAIRABLE, QT_TRANSLATE_NOOP("Domain", "Failed the check: repair again"), shop_only=True,
               via_qc=True),
    Transition(QC_WAITING, SCRAPPED, QT_TRANSLATE_NOOP("Domain", "Failed the check: scrap"), shop_only=True),
    Transition(RESALE, SOLD, QT_TRANSLATE_NOOP("Domain", "Sold"), shop_only=True, via_qc=True, shops_unit=True),
    Transition(RESALE, QC_WAITING, QT_TRANSLATE_NOOP("Domain", "Take off the shelf: check again"), shop_only=True),
    Transition(READY_FOR_PICKUP, RETURNED_TO_CUSTOMER, QT_TRANSLATE_NOOP("Domain", "Picked up by the customer"),
               customer_only=True),
    Transition(SUPPLIER_RETURN, RETURNED_TO_SUPPLIER, QT_TRANSLATE_NOOP("Domain", "Shipped back to the supplier"), shop_only=True),
    Transition(SUPPLIER_RETURN, RECEIVED, QT_TRANSLATE_NOOP("Domain", "Supplier refused: inspect again"), shop_only=True),
) + tuple(
    # a return settled without refund or exchange leaves the unit the customer's: from wherever it waits in the
    # shop it goes back to them (and never into the shop's stock, the shelf, scrap or to the supplier)
    Transition(zone, RETURNED_TO_CUSTOMER, QT_TRANSLATE_NOOP("Domain", "Give back to the customer"),
               shop_only=True, declined_only=True)
    for zone in (REPAIRABLE, QC_WAITING, RESALE, SUPPLIER_RETURN)
) + tuple(
    # a shop unit a stock count did not find leaves its zone as a unit (its listing, its repair order with it)
    Transition(zone, LOST, QT_TRANSLATE_NOOP("Domain", "Not found at the stock count"), shop_only=True, via_count=True)
    for zone in (RECEIVED, REPAIRABLE, IN_REPAIR, QC_WAITING, RESALE, SUPPLIER_RETURN)
)


def transition(source: str, target: str) -> Transition | None:
    return next((t for t in TRANSITIONS if t.source == source and t.target == target), None)


CUSTOMER, SHOP = "customer", "shop"


def owner_of(customer_owned: bool, resolution_state: str) -> str:
    """Whose the unit is: a customer's own unit in for repair is the customer's throughout; a returned unit is
    the customer's until the return is settled, and the shop's once the customer had the refund or the
    replacement ("done"). Settled without either ("declined"), it is still the customer's, to take back."""
    if customer_owned or resolution_state != "done":
        return CUSTOMER
    return SHOP


def allowed_targets(status: str, customer_owned: bool, owner: str = CUSTOMER, declined: bool = False
                    ) -> list[Transition]:
    """What may happen next to a unit in *status*, by whose it is (no step gives a customer both the goods and
    the money: a unit the shop paid for is never handed back) and whether its return was *declined* (settled
    without refund or exchange: the unit is the customer's to take back, not the shop's to keep)."""
    return [t for t in TRANSITIONS if t.source == status
            and not (customer_owned and t.shop_only) and not (not customer_owned and t.customer_only)
            and not (t.customers_unit and owner != CUSTOMER) and not (t.shops_unit and owner != SHOP)
            and (t.declined_only == declined or (declined and not t.shop_only))]


def allowed_for(item) -> list[Transition]:
    declined = not item.customer_owned and item.resolution_state == "declined"
    return allowed_targets(item.status, item.customer_owned, owner_of(item.customer_owned, item.resolution_state),
                           declined)


# Stable event codes (never renumbered); the text is made when shown, so history is translatable.
EVENT_RECEIVED = 10
EVENT_STATUS = 20
EVENT_POLICY_OVERRIDE = 30
EVENT_REFUND = 40
EVENT_EXCHANGE = 50
EVENT_SCRAPPED = 60
EVENT_SUPPLIER_CREDIT = 70
EVENT_INSPECTED = 80
EVENT_PHOTO = 90
EVENT_NOTE = 100
EVENT_RESOLUTION = 110
EVENT_REPAIR = 120
EVENT_QC = 130
EVENT_RESALE = 140
EVENT_REFUND_REVERSED = 150

EVENT_NAMES = {
    EVENT_RECEIVED: QT_TRANSLATE_NOOP("Domain", "Received"),
    EVENT_STATUS: QT_TRANSLATE_NOOP("Domain", "Moved"),
    EVENT_POLICY_OVERRIDE: QT_TRANSLATE_NOOP("Domain", "Policy overridden"),
    EVENT_REFUND: QT_TRANSLATE_NOOP("Domain", "Refund paid"),
    EVENT_EXCHANGE: QT_TRANSLATE_NOOP("Domain", "Exchanged"),
    EVENT_SCRAPPED: QT_TRANSLATE_NOOP("Domain", "Scrap record"),
    EVENT_SUPPLIER_CREDIT: QT_TRANSLATE_NOOP("Domain", "Supplier credit"),
    EVENT_INSPECTED: QT_TRANSLATE_NOOP("Domain", "Inspected"),
    EVENT_PHOTO: QT_TRANSLATE_NOOP("Domain", "Photo added"),
    EVENT_NOTE: QT_TRANSLATE_NOOP("Domain", "Note"),
    EVENT_RESOLUTION: QT_TRANSLATE_NOOP("Domain", "Resolution"),
    EVENT_REPAIR: QT_TRANSLATE_NOOP("Domain", "Repair"),
    EVENT_QC: QT_TRANSLATE_NOOP("Domain", "Quality check result"),
    EVENT_RESALE: QT_TRANSLATE_NOOP("Domain", "Resale"),
    EVENT_REFUND_REVERSED: QT_TRANSLATE_NOOP("Domain", "Refund reversed"),
}

# ------------------------------------------------------------------ tables


class ReturnPolicy(BaseModel):
    """退换货政策 for one category, or the shop-wide default (category NULL)."""

    category = pw.ForeignKeyField(Category, null=True, unique=True, on_delete="CASCADE")
    return_days = pw.IntegerField(default=7)
    exchange_days = pw.IntegerField(default=15)
    warranty_months = pw.IntegerField(default=12)
    refund_opened = pw.BooleanField(default=True)
    refund_used = pw.BooleanField(default=False)
    restocking_fee_pct = pw.IntegerField(default=0)
    # reason code -> the resolutions it allows, as JSON: {"quality": ["refund", "exchange", "repair"], ...}
    reason_rules = pw.TextField(default="{}")
    # the reason codes that pay no restocking fee, as a JSON list (migration 0012)
    fee_exempt = pw.TextField(default='["allergy", "not_as_described", "quality", "transit_damage", "wrong_item"]')


class ReturnOrder(BaseModel):
    """退货单: what came back together, from one customer."""

    number = pw.CharField(unique=True)
    created_at = pw.DateTimeField(default=created_now, index=True)
    sale = pw.ForeignKeyField(Sale, null=True, backref="returns", on_delete="RESTRICT")
    customer = pw.ForeignKeyField(Customer, null=True, backref="returns", on_delete="RESTRICT")
    no_receipt = pw.BooleanField(default=False)
    bought_elsewhere = pw.BooleanField(default=False)
    staff = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    shipping_cost = MoneyField(default=0)
    note = pw.TextField(default="")


class AftersalesItem(BaseModel):
    """售后品: one returned unit (or a lot of identical non-serialised units) with its own code."""

    code = pw.CharField(unique=True)
    order = pw.ForeignKeyField(ReturnOrder, backref="items", on_delete="RESTRICT")
    sale_line = pw.ForeignKeyField(SaleLine, null=True, backref="returned", on_delete="RESTRICT")
    product = pw.ForeignKeyField(Product, on_delete="RESTRICT")
    serial = pw.CharField(null=True, index=True)
    quantity = pw.IntegerField(default=1, constraints=[pw.Check("quantity > 0")])
    unit_price = MoneyField(default=0)  # what the customer paid per unit
    purchased_at = pw.DateTimeField(null=True)
    reason = pw.CharField()
    reason_text = pw.TextField(default="")
    fault = pw.TextField(default="")
    condition = pw.CharField(default="opened")
    accessories = pw.CharField(default="")
    requested_resolution = pw.CharField(default="refund")
    resolution_state = pw.CharField(default="pending")  # pending | done | declined
    verdict = pw.CharField(default="allowed")
    verdict_text = pw.TextField(default="")  # the verdict in words as made at intake (kept for older rows, search)
    verdict_reasons = pw.TextField(default="")  # its sentences as JSON [[source, {params}]], worded when shown
    override_reason = pw.TextField(default="")
    status = pw.CharField(default=RECEIVED, index=True)
    status_since = pw.DateTimeField(default=created_now)
    customer_owned = pw.BooleanField(default=False)
    findings = pw.TextField(default="")
    created_at = pw.DateTimeField(default=created_now, index=True)


class ItemPhoto(BaseModel):
    item = pw.ForeignKeyField(AftersalesItem, backref="photos", on_delete="CASCADE")
    file_name = pw.CharField()  # relative to the data folder's attachments/
    original_name = pw.CharField(default="")
    added_at = pw.DateTimeField(default=created_now)


class ItemEvent(BaseModel):
    """One line of an item's history: who, when, from, to, why. Written once."""

    item = pw.ForeignKeyField(AftersalesItem, backref="events", on_delete="CASCADE")
    created_at = pw.DateTimeField(default=created_now, index=True)
    staff = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    code = pw.IntegerField()
    from_status = pw.CharField(default="")
    to_status = pw.CharField(default="")
    note = pw.TextField(default="")
    data = pw.TextField(default="{}")  # JSON of details (amounts as strings of yuan)
    move = pw.ForeignKeyField(StockMove, null=True, on_delete="RESTRICT")
    chain_hash = pw.BlobField(null=True)  # sha256 link of the history's hash chain (models/chain.py)


class Refund(BaseModel):
    number = pw.CharField(unique=True)
    item = pw.ForeignKeyField(AftersalesItem, backref="refunds", on_delete="RESTRICT")
    amount = MoneyField(constraints=[pw.Check("amount > 0")])
    method = pw.CharField()
    paid_at = pw.DateTimeField(default=created_now, index=True)
    staff = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    approved_by = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT", backref="approved_refunds")
    note = pw.TextField(default="")


class RefundReversal(BaseModel):
    """冲销: a refund given by mistake, reversed with the owner's approval (migration 0015). Written once; a refund
    is reversed at most once; its amount is the refund's. The unit's return is open again (services.resolutions)."""

    number = pw.CharField(unique=True)
    refund = pw.ForeignKeyField(Refund, unique=True, backref="reversals", on_delete="RESTRICT")
    amount = MoneyField(constraints=[pw.Check("amount > 0")])
    reason = pw.TextField()
    staff = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    approved_by = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT", backref="approved_refund_reversals")
    created_at = pw.DateTimeField(default=created_now, index=True)


def standing_refund(item_id: int) -> Refund | None:
    """The item's refund that is not reversed (a return is settled at most once), or None."""
    return (Refund.select().join(RefundReversal, pw.JOIN.LEFT_OUTER, on=(RefundReversal.refund == Refund.id))
            .where((Refund.item == item_id) & RefundReversal.id.is_null()).order_by(Refund.id.desc()).first())


class Exchange(BaseModel):
    item = pw.ForeignKeyField(AftersalesItem, backref="exchanges", on_delete="RESTRICT")
    product = pw.ForeignKeyField(Product, on_delete="RESTRICT")
    serial = pw.CharField(null=True)
    quantity = pw.IntegerField(default=1)
    move = pw.ForeignKeyField(StockMove, on_delete="RESTRICT")
    created_at = pw.DateTimeField(default=created_now)
    staff = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")


class ScrapRecord(BaseModel):
    number = pw.CharField(unique=True)
    item = pw.ForeignKeyField(AftersalesItem, backref="scrap_records", on_delete="RESTRICT")
    product_name = pw.CharField()
    model = pw.CharField(default="")
    quantity = pw.IntegerField(default=1)
    reason = pw.TextField()
    write_off = MoneyField(default=0)
    approved_by = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT", backref="approved_scraps")
    staff = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    created_at = pw.DateTimeField(default=created_now, index=True)


class SupplierReturn(BaseModel):
    item = pw.ForeignKeyField(AftersalesItem, unique=True, backref="supplier_return", on_delete="RESTRICT")
    supplier = pw.ForeignKeyField(Supplier, null=True, on_delete="RESTRICT")
    listed_at = pw.DateTimeField(default=created_now)
    shipped_at = pw.DateTimeField(null=True)
    credit = MoneyField(null=True)
    reference = pw.CharField(default="")
    staff = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
