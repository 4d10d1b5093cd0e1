"""The owner's go-ahead on screen: who approves, and their PIN (asked only once the owner has set one)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QWidget

from ..models import Staff
from ..services.staff import Approval, has_pin, owner_protection_on


class OwnerApproval(QWidget):
    def __init__(self, context, parent: QWidget | None = None, optional: bool = False) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.owner = QComboBox()
        if optional:
            self.owner.addItem("—", None)
        for staff in Staff.select().where((Staff.role == "owner") & Staff.active).order_by(Staff.id):
            self.owner.addItem(staff.name, staff.id)
        current = getattr(context, "staff", None)  # (a screen opened without the app's context: nobody)
        if current is not None and current.role == "owner" and not optional:
            self.owner.setCurrentIndex(max(self.owner.findData(current.id), 0))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("Owner's PIN"))
        self.pin.setMaximumWidth(140)
        layout.addWidget(self.owner, 1)
        layout.addWidget(self.pin)
        self.owner.currentIndexChanged.connect(self._pin_needed)
        self._pin_needed()

    def _pin_needed(self) -> None:
        staff = self.staff()
        self.pin.setVisible(has_pin(staff))

    def staff(self) -> Staff | None:
        staff_id = self.owner.currentData()
        return Staff.get_or_none(Staff.id == staff_id) if staff_id else None

    def approval(self) -> Approval | None:
        staff = self.staff()
        return Approval(staff, self.pin.text()) if staff is not None else None


def add_owner_row(form: QFormLayout, context, parent: QWidget | None = None) -> OwnerApproval:
    """The "Approved by (owner)" row of an owner-only settings screen: the owner (the one signed in, if it is
    the owner) and the owner's PIN. Shown once an owner has a PIN; before that anyone may change the settings."""
    approver = OwnerApproval(context, parent)
    form.addRow(QCoreApplication.translate("OwnerApproval", "Approved by (owner):"), approver)
    if not owner_protection_on():
        approver.setVisible(False)
        label = form.labelForField(approver)
        if label is not None:
            label.setVisible(False)
    return approver
