"""Shipments to customers (发货): a customer's repaired unit, or the replacement of an exchange, sent back by courier
instead of being picked up at the counter (migration 0018). The unit leaves the shop the way a pickup does (the
stock move to the customers' location is the shipment's ``move``); the shipment keeps the carrier, the tracking
number, what the shipping cost the shop and, once confirmed, the day it was delivered. Written once, its delivery
recorded once (the triggers of 0018 refuse anything else)."""

from __future__ import annotations

import peewee as pw

from ..i18n import QT_TRANSLATE_NOOP
from .aftersales import EVENT_NAMES, AftersalesItem, Exchange
from .base import BaseModel, MoneyField, created_now
from .parties import Staff
from .stock import StockMove

# Stable event codes of the item's history (never renumbered), named like the others (models.aftersales).
EVENT_SHIPPED = 200
EVENT_DELIVERED = 210
EVENT_NAMES.setdefault(EVENT_SHIPPED, QT_TRANSLATE_NOOP("Domain", "Shipped to the customer"))
EVENT_NAMES.setdefault(EVENT_DELIVERED, QT_TRANSLATE_NOOP("Domain", "Delivered to the customer"))


class Shipment(BaseModel):
    """One unit shipped back to its customer: an item ships at most once (its repaired unit, or its replacement)."""

    item = pw.ForeignKeyField(AftersalesItem, unique=True, backref="shipments", on_delete="RESTRICT")
    exchange = pw.ForeignKeyField(Exchange, null=True, on_delete="RESTRICT")  # set when the replacement is shipped
    move = pw.ForeignKeyField(StockMove, on_delete="RESTRICT")  # the move that took the unit to the customer
    carrier = pw.CharField()
    tracking_no = pw.CharField(index=True)
    cost = MoneyField(default=0, constraints=[pw.Check("cost >= 0")])
    shipped_on = pw.DateField(index=True)
    delivered_on = pw.DateField(null=True, index=True)  # the queue reads those not yet delivered (NULL)
    staff = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT")
    delivered_by = pw.ForeignKeyField(Staff, null=True, on_delete="RESTRICT", backref="deliveries_confirmed")
    created_at = pw.DateTimeField(default=created_now)
