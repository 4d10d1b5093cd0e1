"""Ship to the customer instead of a pickup (issue 18, part 5): the carrier, the tracking number, what the shipping
cost and the day it left (services.shipping.ship); and, when the customer has it, the day it was delivered
(services.shipping.delivered), which closes its entry in the sales queue. Both run as one business step each
through the writer thread, and stay open with what was typed when the step is refused."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from ..clock import today
from ..models import AftersalesItem
from ..money import format_yuan
from ..services import queues, shipping
from .actions import StepDialog, money_box, to_money
from .context import AppContext
from .errors import show_error
from .widgets import date_edit


def _day(edit) -> dt.date:
    return edit.date().toPython()


def _say_refused(dialog, fields) -> None:
    """A step that cannot be taken on this unit: why, in red under the form, and its fields switched off."""
    if not dialog.refusal:
        return
    refused = QLabel(dialog.refusal)
    refused.setWordWrap(True)
    refused.setStyleSheet("color: #b00020")
    dialog.form.addRow("", refused)
    for field in fields:
        field.setEnabled(False)


def _no_staff(context: AppContext) -> str | None:
    if context.staff is None:
        return QCoreApplication.translate("Shipping", "Choose who you are first (the staff box at the bottom of the "
                                                      "window): a shipment names who sent it.")
    return None


def _customer(item: AftersalesItem) -> str:
    customer = item.order.customer
    if customer is None:
        return "—"
    return "  ".join(part for part in ((customer.name or "").strip(), (customer.phone or "").strip()) if part) or "—"


class ShipDialog(StepDialog):
    """Ship a customer's repaired unit (ready for pickup), or the replacement of an exchange, to the customer."""

    def __init__(self, context: AppContext, item_id: int, parent: QWidget | None = None) -> None:
        self.item = item = AftersalesItem.get_by_id(item_id)
        super().__init__(context, self.tr("Ship to the customer: {code}").format(code=item.code), parent)
        self.setMinimumWidth(520)
        self.set_action(self.tr("Record the shipment"), False)
        self.refusal = shipping.why_not(item.id)  # as the dialog opens (the step checks again)
        exchange = None if self.refusal else shipping.shippable(item).exchange
        if exchange is not None:
            what = self.tr("The replacement {product} {serial} (exchange for {code})").format(
                product=exchange.product.name, serial=exchange.serial or "", code=item.code)
        else:
            what = self.tr("{product} {serial} ({code}), repaired").format(
                product=item.product.name, serial=item.serial or "", code=item.code)
        self.what = QLabel(" ".join(what.split()))
        self.what.setWordWrap(True)
        self.form.addRow(self.tr("Goes to the customer:"), self.what)
        self.form.addRow(self.tr("Customer:"), QLabel(_customer(item)))
        self.carrier = QComboBox()
        self.carrier.setEditable(True)
        self.carrier.addItems(shipping.carriers())
        self.carrier.setCurrentIndex(-1)
        self.carrier.lineEdit().setPlaceholderText(self.tr("Choose or type the carrier"))
        self.form.addRow(self.tr("Carrier:"), self.carrier)
        self.tracking = QLineEdit()
        self.tracking.setPlaceholderText(self.tr("The carrier's tracking number"))
        self.form.addRow(self.tr("Tracking no.:"), self.tracking)
        self.cost = money_box(100_000)
        self.form.addRow(self.tr("Shipping cost:"), self.cost)
        hint = QLabel(self.tr("What the shop pays the carrier; it counts in the cost of after-sales."))
        hint.setStyleSheet("color: palette(placeholder-text);")
        hint.setWordWrap(True)
        self.form.addRow("", hint)
        self.day = date_edit()
        self.day.setMaximumDate(self.day.date())  # never after today (the app clock's)
        self.form.addRow(self.tr("Shipped on:"), self.day)
        self.note = self.note_box(self.tr("Anything worth knowing (optional)"))
        self.note.setFixedHeight(56)
        self.form.addRow(self.tr("Note:"), self.note)
        _say_refused(self, (self.carrier, self.tracking, self.cost, self.day, self.note))
        self.carrier.currentTextChanged.connect(self.refresh)
        self.tracking.textChanged.connect(self.refresh)
        self.day.dateChanged.connect(self.refresh)
        context.staff_changed.connect(self.refresh)

    def blocker(self) -> str | None:
        if self.refusal:
            return self.refusal
        missing = _no_staff(self.context)
        if missing:
            return missing
        if not self.carrier.currentText().strip():
            return self.tr("Choose or type the carrier first.")
        if not self.tracking.text().strip():
            return self.tr("Type the tracking number first.")
        if _day(self.day) > today():
            return self.tr("The shipping date cannot be in the future.")
        return None

    def submit(self) -> None:
        if not self._go():
            return
        self.run(shipping.ship, self.item.id, self.carrier.currentText(), self.tracking.text(), to_money(self.cost),
                 _day(self.day), self.context.staff, self.note.toPlainText())


class DeliveredDialog(StepDialog):
    """The customer has the parcel: the day it was delivered closes the shipment's entry in the sales queue."""

    def __init__(self, context: AppContext, item_id: int, parent: QWidget | None = None) -> None:
        self.item = item = AftersalesItem.get_by_id(item_id)
        super().__init__(context, self.tr("Delivered: {code}").format(code=item.code), parent)
        self.set_action(self.tr("Delivered"), False)
        self.shipment = shipment = shipping.shipment_of(item.id)
        self.refusal = shipping.why_not_delivered(item.id)  # as the dialog opens (the step checks again)
        if shipment is not None:
            self.form.addRow(self.tr("Parcel:"), QLabel(self.tr("{carrier}, tracking no. {tracking}").format(
                carrier=shipment.carrier, tracking=shipment.tracking_no)))
            self.form.addRow(self.tr("Shipped on:"), QLabel(shipment.shipped_on.isoformat()))
            self.form.addRow(self.tr("Shipping cost:"), QLabel(format_yuan(shipment.cost)))
        self.form.addRow(self.tr("Customer:"), QLabel(_customer(item)))
        self.day = date_edit()
        self.day.setMaximumDate(self.day.date())
        if shipment is not None:
            self.day.setMinimumDate(shipment.shipped_on)
        self.form.addRow(self.tr("Delivered on:"), self.day)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. signed for by the customer"))
        self.form.addRow(self.tr("Note:"), self.note)
        _say_refused(self, (self.day, self.note))
        self.day.dateChanged.connect(self.refresh)

    def blocker(self) -> str | None:
        if self.refusal:
            return self.refusal
        missing = _no_staff(self.context)
        if missing:
            return missing
        if _day(self.day) > today():
            return self.tr("The delivery date cannot be in the future.")
        if _day(self.day) < self.shipment.shipped_on:
            return self.tr("The delivery date cannot be before the parcel was shipped.")
        return None

    def submit(self) -> None:
        if not self._go():
            return
        self.run(shipping.delivered, self.item.id, _day(self.day), self.context.staff, self.note.text())


def copy_shipped_message(context: AppContext, item_id: int, parent: QWidget | None = None) -> str:
    """Copy the "on its way" message for the item's customer and record that the customer was told (as the Today
    tab's Copy the message does); the text copied."""
    text = queues.message_for(AftersalesItem.get_by_id(item_id), "message.shipped")
    QGuiApplication.clipboard().setText(text)
    context.ops.run(queues.customer_told, item_id, "message.shipped", context.staff,
                    on_failure=lambda e: show_error(parent, e))
    return text
