"""Settings → … → Changes…: the record of changes to the shop's settings, newest first (who, when, approved by
which owner, before → after). Read-only: the record is append-only (migration 0010)."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..models import ROLES
from ..models.aftersales import REASONS, RESOLUTIONS
from ..services import settings as shop_settings
from ..services.resale import ROUNDINGS
from .paged_model import domain_tr


class SettingChangesDialog(QDialog):
    def __init__(self, context, parent: QWidget | None = None, area: str | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Changes to the settings"))
        self.resize(1000, 520)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.area = QComboBox()
        self.area.addItem(self.tr("All settings"), None)
        for code, label in shop_settings.AREAS.items():
            self.area.addItem(domain_tr(label), code)
        self.area.setCurrentIndex(max(self.area.findData(area), 0))
        bar.addWidget(self.area)
        bar.addStretch(1)
        self.count = QLabel()
        bar.addWidget(self.count)
        layout.addLayout(bar)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Approved by"),
                                              self.tr("What"), self.tr("Setting"), self.tr("Before"),
                                              self.tr("After")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.area.currentIndexChanged.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        rows = shop_settings.changes_made(self.area.currentData())
        self.table.setRowCount(len(rows))
        for r, change in enumerate(rows):
            before, after = self.describe(change.before, change.after)
            values = [change.created_at.strftime("%Y-%m-%d %H:%M:%S") if hasattr(change.created_at, "strftime")
                      else str(change.created_at),
                      change.staff.name if change.staff_id else "—",
                      change.approved_by.name if change.approved_by_id else "—",
                      domain_tr(shop_settings.AREAS.get(change.area, change.area)),
                      self.subject(change.subject), before, after]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeRowsToContents()
        self.count.setText(self.tr("Changes: {count}").format(count=len(rows)))

    def subject(self, key: str) -> str:
        """What was changed, in words: a setting's name (not its key), a category or a staff member's name."""
        names = {
            "*": self.tr("Shop-wide default"),
            "shop.name": self.tr("Shop name"), "shop.address": self.tr("Address"), "shop.phone": self.tr("Phone"),
            "label.width_mm": self.tr("Item label width"), "label.height_mm": self.tr("Item label height"),
            "slip.terms": self.tr("Return terms on the slip"),
            "shop.document_language": self.tr("Document language"),
            "backup.second_folder": self.tr("Second backup folder"),
            "repair.expected_value_pct": self.tr("A repaired unit fetches (share of list price)"),
            "repair.cost_warning_pct": self.tr("Repair cost warning (share of that)"),
            "repair.turnaround_days": self.tr("Repair turnaround (days)"),
            "repair.complex_days": self.tr("Complex repair (days)"),
            "message.received": self.tr("Message: return received"),
            "message.ready": self.tr("Message: ready for pickup"),
            "message.refunded": self.tr("Message: refund paid"),
            "message.shipped": self.tr("Message: on its way"),
            "resale.markdown_days": self.tr("Markdown after (days on the shelf)"),
            "resale.markdown_pct": self.tr("Markdown (%)"),
            "returns.promise_days": self.tr("Return settled within (days)"),
        }
        from ..services.queues import PROMISES

        if key in PROMISES:  # the promises' own names, as the Promises screen shows them
            return domain_tr(PROMISES[key][0])
        return names.get(key, key)

    def describe(self, before: str, after: str) -> tuple[str, str]:
        """Before and after in words: for a record of several fields (a policy, a pricing rule, a staff member),
        only the fields that changed."""
        old, new = _json(before), _json(after)
        if not isinstance(old, dict) or not isinstance(new, dict):
            return (before or self.tr("(empty)"), after or self.tr("(empty)"))
        keys = [k for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k)]
        if not old:
            keys = sorted(new)
        if not new:
            return (self.tr("; ").join(self._field(k, old.get(k)) for k in sorted(old)), self.tr("(removed)"))
        return (self.tr("; ").join(self._field(k, old[k]) for k in keys if k in old) or self.tr("(new)"),
                self.tr("; ").join(self._field(k, new[k]) for k in keys if k in new))

    def _field(self, key: str, value) -> str:
        labels = {"return_days": self.tr("Refund within (days)"), "exchange_days": self.tr("Exchange within (days)"),
                  "warranty_months": self.tr("Warranty (months)"), "refund_opened": self.tr("Opened goods refunded"),
                  "refund_used": self.tr("Used goods refunded"), "restocking_fee_pct": self.tr("Restocking fee %"),
                  "reason_rules": self.tr("What each reason allows"), "grade_a": self.tr("Grade A %"),
                  "grade_b": self.tr("Grade B %"), "grade_c": self.tr("Grade C %"), "floor_pct": self.tr("Floor %"),
                  "checklist": self.tr("Checklist"), "name": self.tr("Name"), "role": self.tr("Role"),
                  "active": self.tr("Works here"), "pin": self.tr("PIN"),
                  "rounding": self.tr("Rounding of the suggested price"),
                  "fee_exempt": self.tr("No restocking fee for")}
        if isinstance(value, bool):
            text = self.tr("yes") if value else self.tr("no")
        elif key == "pin" and value == "changed":
            text = self.tr("changed")
        elif key == "role":
            text = domain_tr(ROLES.get(value, value))
        elif key == "fee_exempt" and isinstance(value, list):
            text = domain_tr(", ").join(domain_tr(REASONS.get(reason, reason)) for reason in value) or self.tr("none")
        elif key == "rounding":
            text = domain_tr(ROUNDINGS.get(value, value))
        elif key == "reason_rules" and isinstance(value, dict):
            text = self.tr("; ").join(
                self.tr("{label}: {value}").format(label=domain_tr(REASONS.get(reason, reason)),
                                                   value="/".join(domain_tr(RESOLUTIONS.get(x, x)) for x in allowed))
                for reason, allowed in sorted(value.items()))
        elif isinstance(value, list):
            text = " / ".join(str(v) for v in value)
        else:
            text = str(value)
        return self.tr("{label}: {value}").format(label=labels.get(key, key), value=text)


def _json(text: str):
    if not text or text[0] not in "{[":
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def add_changes_button(buttons: QDialogButtonBox, parent: QWidget, context, area: str | None):
    """A "Changes…" button on a settings screen, opening the record of that screen's changes."""
    from PySide6.QtCore import QCoreApplication

    button = buttons.addButton(QCoreApplication.translate("SettingChangesDialog", "Changes…"),
                               QDialogButtonBox.ButtonRole.HelpRole)

    def show() -> None:
        dialog = SettingChangesDialog(context, parent, area)
        parent.changes_dialog = dialog  # kept (and reachable by the tests)
        dialog.show()

    button.clicked.connect(show)
    return button
