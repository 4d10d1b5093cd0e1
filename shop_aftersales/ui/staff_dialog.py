"""Settings → Staff and PINs…: accounts with a role and a PIN (the owner's step, approved with the owner's PIN)."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from ..clock import now
from ..models import ROLES, Staff
from ..services.staff import save_staff
from .approval import OwnerApproval
from .context import AppContext
from .errors import show_error
from .paged_model import domain_tr
from .settings_log_dialog import add_changes_button


class StaffDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Staff and PINs"))
        self.resize(640, 420)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show)
        left.addWidget(self.list, 1)
        add = QPushButton(self.tr("New staff member"))
        add.clicked.connect(self.new)
        left.addWidget(add)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        form = QFormLayout()
        self.name = QLineEdit()
        form.addRow(self.tr("Name:"), self.name)
        self.role = QComboBox()
        for code, label in ROLES.items():
            self.role.addItem(domain_tr(label), code)
        form.addRow(self.tr("Role:"), self.role)
        self.active = QCheckBox(self.tr("Works here"))
        form.addRow("", self.active)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("4–8 digits; empty keeps the PIN as it is"))
        form.addRow(self.tr("New PIN:"), self.pin)
        self.pin_state = QLabel()
        form.addRow("", self.pin_state)
        right.addLayout(form)
        right.addStretch(1)
        approval_row = QFormLayout()
        self.approver = OwnerApproval(context, self)
        approval_row.addRow(self.tr("Approved by (owner):"), self.approver)
        right.addLayout(approval_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        add_changes_button(self.buttons, self, context, "staff")
        right.addWidget(self.buttons)
        layout.addLayout(right, 2)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.approver._pin_needed()  # the owner may just have set a first PIN
        self.approver.pin.clear()
        self.staff = list(Staff.select().order_by(Staff.id))
        self.list.blockSignals(True)
        self.list.clear()
        for person in self.staff:
            suffix = "" if person.active else " " + self.tr("(left)")
            QListWidgetItem(f"{person.name} · {domain_tr(ROLES.get(person.role, person.role))}{suffix}", self.list)
        self.list.blockSignals(False)
        row = next((i for i, p in enumerate(self.staff) if p.id == select), 0)
        self.list.setCurrentRow(row)
        self._show(row)

    def _show(self, row: int) -> None:
        self.current_id = self.staff[row].id if 0 <= row < len(self.staff) else None
        person = self.staff[row] if self.current_id else None
        self.name.setText(person.name if person else "")
        self.role.setCurrentIndex(max(self.role.findData(person.role if person else "sales"), 0))
        self.active.setChecked(person.active if person else True)
        self.pin.clear()
        state = self.tr("Has a PIN.") if person and person.pin_hash else self.tr("No PIN yet.")
        if person and person.pin_blocked_until is not None and person.pin_blocked_until > now():
            state += " " + self.tr("Refused until {time} after wrong PINs (a new PIN lifts this).").format(
                time=person.pin_blocked_until.strftime("%H:%M:%S"))
        self.pin_state.setText(state)

    def new(self) -> None:
        self.list.clearSelection()
        self.current_id = None
        self.name.clear()
        self.role.setCurrentIndex(self.role.findData("sales"))
        self.active.setChecked(True)
        self.pin.clear()
        self.pin_state.setText(self.tr("No PIN yet."))
        self.name.setFocus()

    def save(self) -> None:
        self.context.ops.run(save_staff, self.current_id, self.name.text(), self.role.currentData(),
                             self.active.isChecked(), self.pin.text(), self.approver.approval(), self.context.staff,
                             on_success=lambda changes: self.reload(changes.ids[0]),
                             on_failure=lambda e: show_error(self, e))
