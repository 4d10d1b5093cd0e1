"""Small dialogs for one business step each. They run the step through the operations runner; on a
refusal the message is shown and the dialog stays open with everything the user typed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QRadioButton, QVBoxLayout, QWidget)

from ..models import AftersalesItem, Refund
from ..models.aftersales import (PAYMENT_METHODS, RETURNED_TO_CUSTOMER, RETURNED_TO_SUPPLIER, SCRAPPED, STATUSES,
                                 SUPPLIER_RETURN, TERMINAL, Transition, allowed_for)
from ..money import FEN, format_yuan
from ..services import items as item_steps
from ..services import resolutions
from ..services.staff import has_pin
from .approval import OwnerApproval
from .context import AppContext
from .errors import show_error
from .paged_model import domain_tr


def money_box(maximum: float = 1_000_000) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setDecimals(2)
    box.setRange(0, maximum)
    box.setPrefix("¥")
    box.setGroupSeparatorShown(True)
    box.setMinimumWidth(140)
    return box


def to_money(box: QDoubleSpinBox) -> Decimal:
    return Decimal(str(round(box.value(), 2))).quantize(FEN)


class StepDialog(QDialog):
    """A form with its step's button and Cancel that runs one business step.

    The step's button is named for what it does (*action_text*, else "OK") and is the default (Enter) for the
    likely next step; a *destructive* step (scrap, post a count, reverse a refund…) makes Cancel the default, so
    Enter or a stray click on the default destroys nothing. While the step cannot succeed (:meth:`blocker` says
    why) its button is disabled with the reason as its tooltip; subclasses call :meth:`refresh` when a field
    that decides it changes."""

    destructive = False

    def __init__(self, context: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self.result_value: Any = None
        self._running = False
        self.set_action(None, self.destructive)

    def set_action(self, text: str | None, destructive: bool) -> None:
        """Name the step's button and choose the default: the step, or Cancel when the step destroys something."""
        if text:
            self.ok_button.setText(text)
        self.destructive = destructive
        self.ok_button.setAutoDefault(not destructive)  # focus on it does not make it the default either
        self.ok_button.setDefault(not destructive)
        self.cancel_button.setAutoDefault(destructive)
        self.cancel_button.setDefault(destructive)

    def blocker(self) -> str | None:
        """Why the step cannot succeed as the form stands (shown as the disabled button's tooltip), or None."""
        return None

    def refresh(self, *_args: object) -> None:
        reason = None if self._running else self.blocker()
        self.ok_button.setEnabled(reason is None and not self._running)
        self.ok_button.setToolTip(reason or "")

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.refresh()
        super().showEvent(event)

    def note_box(self, placeholder: str) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setPlaceholderText(placeholder)
        box.setFixedHeight(80)
        box.setTabChangesFocus(True)  # Tab leaves the note for the next field, as in every other box
        return box

    def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self._running = True
        self.buttons.setEnabled(False)
        self.context.ops.run(fn, *args, on_success=self._ok, on_failure=self._failed, **kwargs)

    def _ok(self, result: Any) -> None:
        self.result_value = result
        self._running = False
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._running = False
        self.buttons.setEnabled(True)
        self.refresh()
        show_error(self, error)

    def _go(self) -> bool:
        """Whether submit may run: the step's button is there to press (not blocked, not running)."""
        self.refresh()
        return self.ok_button.isEnabled()

    def submit(self) -> None:  # each dialog runs its own step
        raise TypeError(type(self).__name__)


def approval_missing(approver: OwnerApproval) -> str | None:
    """Why the owner's approval in *approver* cannot succeed yet (no owner chosen, the PIN not typed), or None."""
    staff = approver.staff()
    if staff is None:
        if all(approver.owner.itemData(i) is None for i in range(approver.owner.count())):
            return QCoreApplication.translate("ItemActions", "There is no owner among the staff to approve it.")
        return QCoreApplication.translate("ItemActions", "Choose the owner who approves it.")
    if has_pin(staff) and not approver.pin.text():
        return QCoreApplication.translate("ItemActions", "The owner types the owner's PIN.")
    return None


def watch_approval(approver: OwnerApproval, slot: Callable[..., None]) -> None:
    approver.owner.currentIndexChanged.connect(slot)
    approver.pin.textChanged.connect(slot)


class InspectDialog(StepDialog):
    """Record findings and send the unit where it belongs; choices come from the transition table."""

    def __init__(self, context: AppContext, item: AftersalesItem, parent: QWidget | None = None,
                 target: str | None = None) -> None:
        super().__init__(context, self.tr("Inspect {code}").format(code=item.code), parent)
        self.item = item
        self.set_action(self.tr("Record the inspection"), False)
        self.findings = self.note_box(self.tr("What did the inspection find?"))
        self.findings.setPlainText(item.findings)
        self.form.addRow(self.tr("Findings:"), self.findings)
        self.group = QButtonGroup(self)
        box = QVBoxLayout()
        for step in allowed_for(item):
            if step.target == SCRAPPED or step.via_count:
                continue  # scrap has its own dialog with the scrap record; "missing" is a count's finding
            radio = QRadioButton(domain_tr(step.action))
            radio.setProperty("target", step.target)
            self.group.addButton(radio)
            box.addWidget(radio)
            if step.target == (target or "repairable"):
                radio.setChecked(True)
        self.form.addRow(self.tr("Send it to:"), box)
        self.group.buttonToggled.connect(self.refresh)

    def choose(self, target: str) -> None:
        for button in self.group.buttons():
            if button.property("target") == target:
                button.setChecked(True)

    def blocker(self) -> str | None:
        return None if self.group.checkedButton() is not None else self.tr("Choose where the unit goes.")

    def submit(self) -> None:
        if not self._go():
            return
        chosen = self.group.checkedButton()
        self.run(item_steps.inspect, self.item.id, self.findings.toPlainText(), chosen.property("target"),
                 self.context.staff, self.item.status)  # the status this dialog was opened on


class ScrapDialog(StepDialog):
    destructive = True  # the unit leaves stock for good: Enter is Cancel

    def __init__(self, context: AppContext, item: AftersalesItem, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Scrap {code}").format(code=item.code), parent)
        self.item = item
        self.set_action(self.tr("Scrap it"), True)
        self.form.addRow(self.tr("Product:"), QLabel(f"{item.product.name} {item.product.model}  ×{item.quantity}"))
        self.reason = self.note_box(self.tr("Why it cannot be repaired or resold"))
        self.reason.setPlainText(item.findings)
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.write_off = money_box()
        self.write_off.setValue(float(item.product.cost * item.quantity))
        self.form.addRow(self.tr("Write-off value (at cost):"), self.write_off)
        self.approver = OwnerApproval(context, self)
        self.form.addRow(self.tr("Approved by (owner):"), self.approver)
        self.reason.textChanged.connect(self.refresh)
        watch_approval(self.approver, self.refresh)

    def blocker(self) -> str | None:
        if not self.reason.toPlainText().strip():
            return QCoreApplication.translate("Domain", "Give the reason for scrapping.")
        return approval_missing(self.approver)

    def submit(self) -> None:
        if not self._go():
            return
        self.run(resolutions.scrap, self.item.id, self.reason.toPlainText(), self.approver.approval(),
                 self.context.staff, to_money(self.write_off))


class RefundDialog(StepDialog):
    def __init__(self, context: AppContext, item: AftersalesItem, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Refund {code}").format(code=item.code), parent)
        self.item = item
        self.set_action(self.tr("Refund"), False)
        self.limit = limit = resolutions.refundable_amount(item)
        self.form.addRow(self.tr("Paid by the customer:"),
                         QLabel(f"¥{item.unit_price * item.quantity:,.2f}  (¥{item.unit_price:,.2f} × {item.quantity})"))
        self.amount = money_box()
        self.amount.setValue(float(limit))
        self.form.addRow(self.tr("Refund:"), self.amount)
        hint = QLabel(self.tr("Up to ¥{limit} without the owner's approval.").format(limit=f"{limit:,.2f}"))
        hint.setStyleSheet("color: palette(placeholder-text);")
        self.form.addRow("", hint)
        self.method = QComboBox()
        for code, label in PAYMENT_METHODS.items():
            self.method.addItem(domain_tr(label), code)
        self.form.addRow(self.tr("Paid back by:"), self.method)
        self.approver = OwnerApproval(context, self, optional=True)
        self.form.addRow(self.tr("Approved by (owner):"), self.approver)
        self.note = QLineEdit()
        self.form.addRow(self.tr("Note:"), self.note)
        self.amount.valueChanged.connect(self.refresh)
        watch_approval(self.approver, self.refresh)

    def over_limit(self) -> bool:
        return to_money(self.amount) > self.limit

    def _owner_acts(self) -> bool:
        staff = self.context.staff
        return staff is not None and staff.role == "owner" and bool(staff.active)

    def refresh(self, *args: object) -> None:
        # the owner's approval matters only above what the customer paid: the field is off until then
        self.approver.setEnabled(self.over_limit())
        super().refresh(*args)

    def blocker(self) -> str | None:
        if to_money(self.amount) <= 0:
            return QCoreApplication.translate("Domain", "A refund must be more than ¥0.00.")
        if self.over_limit() and not (self._owner_acts() and self.approver.staff() is None):
            missing = approval_missing(self.approver)
            if missing is not None:
                return self.tr("¥{amount} is more than the ¥{limit} the customer paid (less any restocking fee): "
                               "{missing}").format(amount=f"{to_money(self.amount):,.2f}", limit=f"{self.limit:,.2f}",
                                                   missing=missing)
        return None

    def submit(self) -> None:
        if not self._go():
            return
        approval = self.approver.approval() if self.over_limit() else None
        self.run(resolutions.refund, self.item.id, to_money(self.amount), self.method.currentData(),
                 self.context.staff, approval, self.note.text())


class ReverseRefundDialog(StepDialog):
    """Reverse a refund given by mistake (wrong amount, wrong unit, the customer changed their mind before taking
    the money): the owner approves, a reason is required, and the unit's return is open again."""

    destructive = True  # money already booked is taken back: Enter is Cancel

    def __init__(self, context: AppContext, refund: Refund, parent: QWidget | None = None) -> None:
        self.refund = refund = Refund.get_by_id(refund.id if isinstance(refund, Refund) else refund)
        self.item = item = AftersalesItem.get_by_id(refund.item_id)
        self.words = resolutions.refund_words(refund)
        self.reversed_by = resolutions.reversal_of(refund.id)  # as the dialog opens (the service checks again)
        super().__init__(context, self.tr("Reverse refund {number}").format(number=refund.number), parent)
        self.set_action(self.tr("Reverse the refund"), True)
        method = domain_tr(PAYMENT_METHODS.get(refund.method, refund.method))
        what = QLabel(self.tr("Refund {number} of {amount}, paid back by {method} on {date}, for {code} "
                              "{product}.").format(number=refund.number, amount=format_yuan(refund.amount),
                                                   method=method, date=self.words["date"], code=item.code,
                                                   product=item.product.name))
        what.setWordWrap(True)
        self.form.addRow(self.tr("Refund:"), what)
        then = QLabel(self.tr("The refund stays on record and a reversal of {amount} is written beside it. {code} is "
                              "the customer's again and its return is open: refund it again with the right amount, "
                              "exchange it or give it back.").format(amount=format_yuan(refund.amount),
                                                                     code=item.code))
        then.setWordWrap(True)
        then.setStyleSheet("color: palette(placeholder-text);")
        self.form.addRow("", then)
        self.reason = self.note_box(self.tr("Why the refund is reversed (wrong amount, wrong unit, the customer "
                                            "changed their mind…)"))
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.approver = OwnerApproval(context, self)
        self.form.addRow(self.tr("Approved by (owner):"), self.approver)
        self.reason.textChanged.connect(self.refresh)
        watch_approval(self.approver, self.refresh)

    def blocker(self) -> str | None:
        words = self.words
        done = self.reversed_by
        if done is not None:
            return QCoreApplication.translate(
                "Domain", "Refund {number} of ¥{amount} ({date}) was already reversed by {reversal} on "
                "{reversed_on}; a refund is reversed only once.").format(
                reversal=done.number, reversed_on=str(done.created_at)[:10], **words)
        if self.item.status in TERMINAL:
            return QCoreApplication.translate(
                "Domain", "Refund {number} of ¥{amount} ({date}) cannot be reversed: since the refund, {code} is "
                "“{status}” and can no longer become the customer's unit again.").format(
                code=self.item.code, status=domain_tr(STATUSES[self.item.status]), **words)
        if not self.reason.toPlainText().strip():
            return QCoreApplication.translate("Domain", "Give the reason for reversing refund {number} of ¥{amount} "
                                              "({date}).").format(**words)
        return approval_missing(self.approver)

    def submit(self) -> None:
        if not self._go():
            return
        self.run(resolutions.reverse_refund, self.refund.id, self.reason.toPlainText(), self.approver.approval(),
                 self.context.staff)


class ExchangeDialog(StepDialog):
    def __init__(self, context: AppContext, item: AftersalesItem, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Exchange {code}").format(code=item.code), parent)
        self.item = item
        self.set_action(self.tr("Hand over the replacement"), False)
        self.form.addRow(self.tr("Replacement:"), QLabel(f"{item.product.name} {item.product.model}  ×{item.quantity}"))
        self.serial = QLineEdit()
        self.serial.setPlaceholderText(self.tr("Scan the serial of the replacement unit"))
        if item.product.serialised:
            self.form.addRow(self.tr("Serial:"), self.serial)
        self.serial.textChanged.connect(self.refresh)

    def blocker(self) -> str | None:
        if self.item.product.serialised and not self.serial.text().strip():
            return self.tr("Scan the serial of the replacement unit")
        return None

    def submit(self) -> None:
        if not self._go():
            return
        self.run(resolutions.exchange, self.item.id, self.context.staff, None, self.serial.text())


class ShipToSupplierDialog(StepDialog):
    def __init__(self, context: AppContext, item: AftersalesItem, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Shipped back to the supplier: {code}").format(code=item.code), parent)
        self.item = item
        self.set_action(self.tr("Record the shipment"), False)
        self.credit = money_box()
        self.credit.setValue(float(item.product.cost * item.quantity))
        self.form.addRow(self.tr("Supplier's credit:"), self.credit)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("Waybill or the supplier's reference"))
        self.form.addRow(self.tr("Reference:"), self.reference)

    def submit(self) -> None:
        if not self._go():
            return
        self.run(resolutions.ship_to_supplier, self.item.id, to_money(self.credit), self.reference.text(),
                 self.context.staff)


class NoteStepDialog(StepDialog):
    """A step that needs only a note: give back, settle without refund, a plain move, a note. *required*: the
    step needs the note (its button is disabled, saying so, while the note is empty)."""

    def __init__(self, context: AppContext, title: str, placeholder: str, step: Callable[..., Any],
                 parent: QWidget | None = None, required: bool = False) -> None:
        super().__init__(context, title, parent)
        self.step = step
        self.required = required
        self.set_action(self.tr("Save"), False)
        self.note = self.note_box(placeholder)
        self.form.addRow(self.tr("Note:"), self.note)
        self.note.textChanged.connect(self.refresh)

    def blocker(self) -> str | None:
        if self.required and not self.note.toPlainText().strip():
            return self.tr("Write the note first.")
        return None

    def submit(self) -> None:
        if not self._go():
            return
        self.run(self.step, self.note.toPlainText(), self.context.staff)


def dialog_for(context: AppContext, item: AftersalesItem, step: Transition, parent: QWidget | None) -> QDialog:
    """The dialog that carries out *step* (a row of the transition table) for *item*."""
    if step.target == SCRAPPED:
        return ScrapDialog(context, item, parent)
    if step.target == RETURNED_TO_SUPPLIER:
        return ShipToSupplierDialog(context, item, parent)
    if item.status == "received" or step.target == SUPPLIER_RETURN:
        dialog = InspectDialog(context, item, parent, step.target)
        return dialog
    title = QCoreApplication.translate("ItemActions", "{code}: {step}").format(code=item.code,
                                                                              step=domain_tr(step.action))
    if step.target == RETURNED_TO_CUSTOMER:
        return NoteStepDialog(context, title, QCoreApplication.translate("ItemActions",
                                                                          "How and when the customer got it back"),
                              lambda note, staff: resolutions.give_back(item.id, note, staff), parent)
    return NoteStepDialog(context, title, domain_tr(STATUSES[step.target]),
                          lambda note, staff: item_steps.move_item(item.id, step.target, staff, note), parent)
