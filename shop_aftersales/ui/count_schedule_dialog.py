"""The count schedule (盘点计划): how often each zone is counted (not scheduled, weekly, every 2 weeks, monthly,
quarterly, or every N days). A zone due for its count appears in the owner's and the warehouse's Today queue.
The schedule is the owner's: once the owner has a PIN, saving it takes the owner's approval; every change is kept
in the record of setting changes."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox, QLabel,
                               QSpinBox, QVBoxLayout, QWidget)

from ..services import stock_count
from ..services.staff import owner_protection_on
from .actions import approval_missing, watch_approval
from .approval import add_owner_row
from .context import AppContext
from .errors import show_error
from .paged_model import domain_tr
from .settings_log_dialog import add_changes_button

CUSTOM = -1  # the combo's "Every N days" (the number in the spin box beside it)


class CountScheduleDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Count schedule"))
        self.setMinimumWidth(900)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("How often each zone is counted. A zone is due once its last posted count is that many "
                              "days old (a zone never counted: at once); it then waits in the owner's and the "
                              "warehouse's Today queue, late in red after its due day."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        box = QGroupBox(self.tr("Zones"))
        grid = QGridLayout(box)
        grid.setColumnStretch(3, 1)
        self.choices: dict[str, QComboBox] = {}
        self.days: dict[str, QSpinBox] = {}
        self.states: dict[str, QLabel] = {}
        self.zones = stock_count.zone_schedules()
        for row, zone in enumerate(self.zones):
            grid.addWidget(QLabel(self.tr("{zone}:").format(zone=domain_tr(zone.name))), row, 0)
            choice = QComboBox()
            choice.addItem(stock_count.interval_words(None), 0)
            for days in stock_count.INTERVALS:
                choice.addItem(stock_count.interval_words(days), days)
            choice.addItem(self.tr("Every N days"), CUSTOM)
            days_box = QSpinBox()
            days_box.setRange(1, stock_count.MAX_INTERVAL_DAYS)
            days_box.setSuffix(self.tr(" days"))
            days_box.setValue(zone.interval_days or 60)
            index = choice.findData(zone.interval_days or 0)
            choice.setCurrentIndex(index if index >= 0 else choice.findData(CUSTOM))
            choice.currentIndexChanged.connect(self.refresh)
            days_box.valueChanged.connect(self.refresh)
            state = QLabel(self.state_text(zone))
            if zone.is_late():
                state.setStyleSheet("color: #c62828;")  # late, as in the Today queue
            self.choices[zone.zone], self.days[zone.zone], self.states[zone.zone] = choice, days_box, state
            grid.addWidget(choice, row, 1)
            grid.addWidget(days_box, row, 2)
            grid.addWidget(state, row, 3)
        layout.addWidget(box)
        approval_form = QFormLayout()
        self.approver = add_owner_row(approval_form, context, self)  # the schedule is the owner's to change
        layout.addLayout(approval_form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        add_changes_button(self.buttons, self, context, "other")
        layout.addWidget(self.buttons)
        watch_approval(self.approver, self.refresh)
        self.shown = self.values()
        self.refresh()

    def state_text(self, zone: stock_count.ZoneSchedule) -> str:
        """Where the zone stands: its last count and, if scheduled, when the next is due."""
        last = (self.tr("last counted {date} ({number})").format(date=f"{zone.last_counted:%Y-%m-%d}",
                                                                  number=zone.last_number)
                if zone.last_count_id else self.tr("never counted"))
        if zone.due is None:
            return last
        if zone.is_late():
            due = self.tr("late since {date}").format(date=f"{zone.due:%Y-%m-%d}")
        elif zone.is_due():
            due = self.tr("due today")
        else:
            due = self.tr("next due {date}").format(date=f"{zone.due:%Y-%m-%d}")
        return self.tr("{last} · {due}").format(last=last, due=due)

    def values(self) -> dict[str, int | None]:
        """zone code -> the interval chosen (None: not scheduled)."""
        result = {}
        for code, choice in self.choices.items():
            days = choice.currentData()
            result[code] = self.days[code].value() if days == CUSTOM else (days or None)
        return result

    def changed(self) -> dict[str, int | None]:
        return {code: days for code, days in self.values().items() if days != self.shown.get(code)}

    def blocker(self) -> str | None:
        """Why Save cannot succeed yet, or None."""
        if not self.changed():
            return self.tr("Nothing has been changed.")
        return approval_missing(self.approver) if owner_protection_on() else None

    def refresh(self, *_args: object) -> None:
        for code, choice in self.choices.items():
            self.days[code].setVisible(choice.currentData() == CUSTOM)
        reason = self.blocker()
        self.save_button.setEnabled(reason is None)
        self.save_button.setToolTip(reason or "")

    def save(self) -> None:
        self.refresh()
        if not self.save_button.isEnabled():
            return
        self.context.ops.run(stock_count.set_count_schedule, self.changed(), self.context.staff,
                             self.approver.approval(), on_success=lambda _r: self.accept(),
                             on_failure=lambda e: show_error(self, e))
