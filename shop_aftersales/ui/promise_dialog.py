"""Settings → Promises and messages: the days the shop promises its customers (they set when a queue entry
turns late) and the texts sent to customers by SMS or WeChat."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QPlainTextEdit,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from ..i18n import translate
from ..services import queues, repairs
from ..services import settings as shop_settings
from .approval import add_owner_row
from .context import AppContext
from .errors import show_error
from .paged_model import domain_tr
from .settings_log_dialog import add_changes_button


class PromisesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Promises and messages"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        promises = QGroupBox(self.tr("What the shop promises (a queue entry turns late after)"))
        form = QFormLayout(promises)
        self.days: dict[str, QSpinBox] = {}
        for key, (label, _default) in queues.PROMISES.items():
            box = QSpinBox()
            box.setRange(0, 365)
            box.setSuffix(self.tr(" days"))
            box.setValue(queues.promise(key))
            self.days[key] = box
            form.addRow(domain_tr(label) + ":", box)
        self.repair_days: dict[str, QSpinBox] = {}
        for key, difficulty, label in ((repairs.TURNAROUND_DAYS, "simple", self.tr("Simple repair done within:")),
                                       (repairs.COMPLEX_DAYS, "complex", self.tr("Complex repair done within:"))):
            box = QSpinBox()
            box.setRange(1, 90)
            box.setSuffix(self.tr(" days"))
            box.setValue(repairs.turnaround_days(difficulty))
            self.repair_days[key] = box
            form.addRow(label, box)
        layout.addWidget(promises)
        messages = QGroupBox(self.tr("Messages to customers"))
        form = QFormLayout(messages)
        hint = QLabel(self.tr("These fill in by themselves: {shop} shop name, {shop_phone} shop phone, {name} "
                              "customer, {item} product, {code} item number."))
        hint.setWordWrap(True)
        form.addRow(hint)
        self.texts: dict[str, QPlainTextEdit] = {}
        titles = {"message.received": self.tr("Return received:"), "message.ready": self.tr("Ready to pick up:"),
                  "message.refunded": self.tr("Refund paid:"),
                  "message.shipped": self.tr("On its way ({carrier}, {tracking}):")}
        for key in queues.MESSAGES:
            edit = QPlainTextEdit(queues.template(key))
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4)
            self.texts[key] = edit
            form.addRow(titles[key], edit)
        reset = QPushButton(self.tr("Back to the standard texts"))
        reset.clicked.connect(self.reset_texts)
        form.addRow("", reset)
        layout.addWidget(messages)
        approval_form = QFormLayout()
        self.approver = add_owner_row(approval_form, context, self)  # the promises are the owner's to change
        layout.addLayout(approval_form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        add_changes_button(self.buttons, self, context, "promises")
        layout.addWidget(self.buttons)
        self.shown = self.values()

    def reset_texts(self) -> None:
        for key, edit in self.texts.items():
            edit.setPlainText(translate("Domain", queues.MESSAGES[key]))

    def values(self) -> dict[str, str]:
        values = {key: str(box.value()) for key, box in (self.days | self.repair_days).items()}
        for key, edit in self.texts.items():
            text = edit.toPlainText().strip()
            # the standard text is kept as "" so it follows the language the app runs in
            values[key] = "" if text == translate("Domain", queues.MESSAGES[key]) else text
        return values

    def save(self) -> None:
        # only what was changed here is saved (a default shown and left alone stays the default)
        values = {key: value for key, value in self.values().items() if value != self.shown.get(key)}
        self.context.ops.run(shop_settings.update, values, self.context.staff, self.approver.approval(),
                             on_success=lambda _r: self.accept(), on_failure=lambda e: show_error(self, e))
