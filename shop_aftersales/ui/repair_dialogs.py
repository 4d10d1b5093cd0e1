"""Dialogs of the Repairs tab: one repair order, logging hours, using parts, finishing, the plan-for-me
proposal, technicians and spare parts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QDoubleSpinBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton, QRadioButton,
                               QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..clock import today
from ..models import Category, Product, RepairOrder, Staff, Supplier, Technician
from ..models.repairs import format_hours, DIFFICULTIES, IN_PROGRESS, OPEN_STATES, PRIORITIES, REPAIR_STATES, SKILLS, WAITING
from ..money import format_yuan
from ..services import Changes, repairs
from .actions import StepDialog, approval_missing, money_box, to_money, watch_approval
from .approval import OwnerApproval
from .context import AppContext
from .errors import show_error
from .paged_model import domain_tr
from .widgets import date_edit


def hours_box(maximum: float = 24) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setDecimals(2)
    box.setRange(0, maximum)
    box.setSingleStep(0.5)
    box.setSuffix(QCoreApplication.translate("RepairDialogs", " h"))
    return box


def to_hours(box: QDoubleSpinBox) -> Decimal:
    return Decimal(str(round(box.value(), 2)))


class RepairDialog(QDialog):
    """A repair order: what is wrong, its estimate and promise, where it is planned, what it has cost,
    and the steps its state allows."""

    def __init__(self, context: AppContext, repair_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.repair_id = repair_id
        self.resize(720, 620)
        self.last_dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.header)
        details = QGroupBox(self.tr("Repair order"))
        form = QFormLayout(details)
        self.fault = QPlainTextEdit()
        self.fault.setFixedHeight(60)
        form.addRow(self.tr("Fault:"), self.fault)
        self.difficulty = QComboBox()
        for code, label in DIFFICULTIES.items():
            self.difficulty.addItem(domain_tr(label), code)
        form.addRow(self.tr("Difficulty:"), self.difficulty)
        self.estimate = hours_box(200)
        form.addRow(self.tr("Estimate:"), self.estimate)
        self.due = date_edit()
        form.addRow(self.tr("Due (promised):"), self.due)
        self.priority = QComboBox()
        for code, label in PRIORITIES.items():
            self.priority.addItem(domain_tr(label), code)
        form.addRow(self.tr("Priority:"), self.priority)
        self.outside = money_box()
        form.addRow(self.tr("Outside fees:"), self.outside)
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.clicked.connect(self.save)
        form.addRow("", self.save_button)
        layout.addWidget(details)

        planning = QGroupBox(self.tr("Plan"))
        row = QHBoxLayout(planning)
        self.tech = QComboBox()
        for tech in repairs.technicians():
            self.tech.addItem(tech.staff.name, tech.id)
        self.day = date_edit()
        self.plan_button = QPushButton(self.tr("Plan"))
        self.plan_button.clicked.connect(self.plan)
        self.unplan_button = QPushButton(self.tr("Take off the board"))
        self.unplan_button.clicked.connect(self.unplan)
        row.addWidget(QLabel(self.tr("Technician:")))
        row.addWidget(self.tech, 1)
        row.addWidget(QLabel(self.tr("Day:")))
        row.addWidget(self.day)
        row.addWidget(self.plan_button)
        row.addWidget(self.unplan_button)
        layout.addWidget(planning)

        self.costs = QLabel()
        self.costs.setWordWrap(True)
        layout.addWidget(self.costs)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #c62828; font-weight: bold;")
        layout.addWidget(self.warning)

        actions = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start the repair"))
        self.start_button.clicked.connect(lambda: self._run(repairs.start_repair, self.repair_id, self.context.staff))
        self.hours_button = QPushButton(self.tr("Log hours…"))
        self.hours_button.clicked.connect(lambda: self._open(LogHoursDialog(self.context, self.repair, self)))
        self.part_button = QPushButton(self.tr("Use a part…"))
        self.part_button.clicked.connect(lambda: self._open(UsePartDialog(self.context, self.repair, self)))
        self.finish_button = QPushButton(self.tr("Finish…"))
        self.finish_button.clicked.connect(lambda: self._open(FinishDialog(self.context, self.repair, self)))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.clicked.connect(lambda: self._run(repairs.pause_repair, self.repair_id, self.context.staff))
        self.card_button = QPushButton(self.tr("ID card"))
        self.card_button.clicked.connect(self.open_card)
        for button in (self.start_button, self.hours_button, self.part_button, self.finish_button, self.pause_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.card_button)
        layout.addLayout(actions)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        context.changed.connect(self._changed)
        self.reload()

    def reload(self) -> None:
        self.repair = repair = RepairOrder.get_by_id(self.repair_id)
        item = repair.item
        self.setWindowTitle(self.tr("Repair {number}").format(number=repair.number))
        where = (self.tr("planned for {name} on {day}").format(name=repair.technician.staff.name,
                                                                day=repair.planned_on.isoformat())
                 if repair.technician_id and repair.planned_on else self.tr("not planned"))
        owner = self.tr(" · the customer's own unit") if item.customer_owned else ""
        self.header.setText(f"<span style='font-size:14pt; font-weight:bold'>{repair.number}</span>  "
                            f"{item.code} · {item.product.name} {item.product.model}<br>"
                            + self.tr("State: <b>{state}</b> · {where}").format(
                                state=domain_tr(REPAIR_STATES[repair.state]), where=where) + owner)
        self.fault.setPlainText(repair.fault)
        self.difficulty.setCurrentIndex(max(self.difficulty.findData(repair.difficulty), 0))
        self.estimate.setValue(float(repair.estimate))
        self.due.setDate(QDate(repair.due_date))
        self.priority.setCurrentIndex(max(self.priority.findData(repair.priority), 0))
        self.outside.setValue(float(repair.outside_fees))
        if repair.technician_id:
            self.tech.setCurrentIndex(max(self.tech.findData(repair.technician_id), 0))
        self.day.setDate(QDate(repair.planned_on or today()))
        cost = repairs.repair_cost(repair)
        self.costs.setText(self.tr("Cost so far: labour {hours} h = {labour} · parts {parts} · outside {outside} · "
                                   "<b>total {total}</b>").format(
            hours=format_hours(cost.labour_hours), labour=format_yuan(cost.labour), parts=format_yuan(cost.parts),
            outside=format_yuan(cost.outside), total=format_yuan(cost.total)))
        self.warning.setText(repairs.cost_warning(repair) or "")
        is_open = repair.state in OPEN_STATES
        waiting, started = repair.state == WAITING, repair.state == IN_PROGRESS
        state = domain_tr(REPAIR_STATES[repair.state])
        closed = self.tr("The repair is closed ({state}).").format(state=state)
        not_waiting = self.tr("Only a repair that waits to be started is planned or started; this one is "
                              "“{state}”.").format(state=state)
        not_started = self.tr("Start the repair first; it is “{state}”.").format(state=state)
        no_tech = self.tr("Add a technician first.") if self.tech.count() == 0 else None
        for widget in (self.save_button, self.hours_button, self.part_button):
            self._allow(widget, None if is_open else closed)
        self._allow(self.plan_button, not_waiting if not waiting else no_tech)
        self._allow(self.unplan_button, not_waiting if not waiting else (
            None if repair.technician_id or repair.planned_on else self.tr("It is not on the board.")))
        self._allow(self.start_button, None if waiting else not_waiting)
        self._allow(self.finish_button, None if started else not_started)
        self._allow(self.pause_button, None if started else not_started)

    @staticmethod
    def _allow(button: QPushButton, reason: str | None) -> None:
        """Enable *button*, or disable it with *reason* as its tooltip."""
        button.setEnabled(reason is None)
        button.setToolTip(reason or "")

    def _run(self, fn, *args) -> None:
        self.context.ops.run(fn, *args, on_failure=lambda e: show_error(self, e))

    def _open(self, dialog: QDialog) -> QDialog:
        self.last_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def save(self) -> None:
        self._run(repairs.update_repair, self.repair_id, self.fault.toPlainText(), self.difficulty.currentData(),
                  to_hours(self.estimate), self.due.date().toPython(), self.priority.currentData(),
                  to_money(self.outside))

    def plan(self) -> None:
        if self.tech.currentData() is None:
            QMessageBox.warning(self, self.tr("Not possible"), self.tr("Add a technician first."))
            return
        self._run(repairs.plan, self.repair_id, self.tech.currentData(), self.day.date().toPython(),
                  self.context.staff)

    def unplan(self) -> None:
        self._run(repairs.plan, self.repair_id, None, None, self.context.staff)

    def open_card(self) -> None:
        from .item_card import ItemCard

        self._open(ItemCard(self.context, self.repair.item_id, self))

    def _changed(self, changes: Changes) -> None:
        if changes.repairs or changes.items:
            self.reload()


class LogHoursDialog(StepDialog):
    def __init__(self, context: AppContext, repair: RepairOrder, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Log hours on {number}").format(number=repair.number), parent)
        self.repair = repair
        self.set_action(self.tr("Save"), False)  # the likely next step: Enter saves the hours
        self.tech = QComboBox()
        for tech in repairs.technicians():
            self.tech.addItem(tech.staff.name, tech.id)
        if repair.technician_id:
            self.tech.setCurrentIndex(max(self.tech.findData(repair.technician_id), 0))
        self.form.addRow(self.tr("Who:"), self.tech)
        self.hours = hours_box()
        self.hours.setValue(1)
        self.form.addRow(self.tr("Hours worked:"), self.hours)
        self.note = QLineEdit()
        self.form.addRow(self.tr("What was done:"), self.note)
        self.hours.valueChanged.connect(self.refresh)

    def blocker(self) -> str | None:
        if self.tech.currentData() is None:
            return self.tr("Add a technician first.")
        if self.hours.value() <= 0:
            return QCoreApplication.translate("Domain", "Hours worked must be more than 0.")
        return None

    def submit(self) -> None:
        if not self._go():
            return
        self.run(repairs.log_hours, self.repair.id, to_hours(self.hours), self.tech.currentData(), self.note.text(),
                 self.context.staff)


class UsePartDialog(StepDialog):
    def __init__(self, context: AppContext, repair: RepairOrder, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Use a part on {number}").format(number=repair.number), parent)
        self.repair = repair
        self.set_action(self.tr("Use the part"), False)
        self.part = QComboBox()
        self.held: dict[int, int] = {}
        for stock in repairs.parts_stock(category_first=repair.item.product.category_id):  # the unit's first
            part = stock.part
            self.held[part.id] = stock.on_hand
            self.part.addItem(self.tr("{sku} {name} (bin {bin}, {held} in stock)").format(
                sku=part.sku, name=part.name, bin=part.bin or "—", held=stock.on_hand), part.id)
        self.form.addRow(self.tr("Part:"), self.part)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 9999)
        self.form.addRow(self.tr("Quantity:"), self.quantity)
        self.part.currentIndexChanged.connect(self.refresh)
        self.quantity.valueChanged.connect(self.refresh)

    def blocker(self) -> str | None:
        part_id = self.part.currentData()
        if part_id is None:
            return self.tr("There are no spare parts in the catalogue yet.")
        held = self.held.get(part_id, 0)
        if self.quantity.value() > held:
            return self.tr("Only {held} of this part in the parts store.").format(held=held)
        return None

    def submit(self) -> None:
        if not self._go():
            return
        self.run(repairs.use_part, self.repair.id, self.part.currentData(), self.quantity.value(), self.context.staff)


class FinishDialog(StepDialog):
    """Repaired, or not: a shop unit that cannot be repaired is scrapped (the owner approves, Cancel is the
    default); the approver's field is off while "Repaired" is chosen."""

    def __init__(self, context: AppContext, repair: RepairOrder, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Finish {number}").format(number=repair.number), parent)
        self.repair = repair
        self.customer = customer = repair.item.customer_owned
        self.repaired = QRadioButton(self.tr("Repaired — to the pickup shelf for the customer") if customer
                                     else self.tr("Repaired — to the quality check"))
        self.unrepaired = QRadioButton(self.tr("Cannot be repaired — back to the customer unrepaired") if customer
                                       else self.tr("Cannot be repaired — scrap it"))
        self.repaired.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.repaired)
        group.addButton(self.unrepaired)
        self.form.addRow(self.repaired)
        self.form.addRow(self.unrepaired)
        self.note = self.note_box(self.tr("What was done, or why it cannot be repaired"))
        self.form.addRow(self.tr("Note:"), self.note)
        self.approver = OwnerApproval(context, self)
        if not customer:
            self.form.addRow(self.tr("Scrap approved by (owner):"), self.approver)
        group.buttonToggled.connect(self.refresh)
        watch_approval(self.approver, self.refresh)
        self.refresh()

    def scrapping(self) -> bool:
        return self.unrepaired.isChecked() and not self.customer

    def refresh(self, *args: object) -> None:
        scrap = self.scrapping()
        self.approver.setEnabled(scrap)  # irrelevant while "Repaired" is chosen
        if scrap:
            self.set_action(self.tr("Scrap it"), True)
        elif self.unrepaired.isChecked():
            self.set_action(self.tr("Give it back unrepaired"), False)
        else:
            self.set_action(self.tr("Finish the repair"), False)
        super().refresh(*args)

    def blocker(self) -> str | None:
        return approval_missing(self.approver) if self.scrapping() else None

    def submit(self) -> None:
        if not self._go():
            return
        self.run(repairs.finish_repair, self.repair.id, self.repaired.isChecked(), self.note.toPlainText(),
                 self.context.staff, self.approver.approval() if self.scrapping() else None)


class ProposalDialog(QDialog):
    """Plan for me: shows what would be planned; nothing is written until Apply."""

    def __init__(self, context: AppContext, start: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Plan for me"))
        self.resize(760, 460)
        self.proposals = repairs.propose_plan(start)
        layout = QVBoxLayout(self)
        waiting = sum(1 for _ in repairs.board(start).backlog)
        intro = QLabel(self.tr("{planned} of {waiting} unplanned repairs fit into the next two weeks: earliest due "
                               "date first, each to a technician with the skill and the category who has room that "
                               "day. Nothing is changed until you apply it.").format(
            planned=len(self.proposals), waiting=waiting))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.proposals), 6)  # a proposal of a few dozen rows at most
        self.table.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Technician"), self.tr("Repair"),
                                              self.tr("Product"), self.tr("Estimate"), self.tr("Due")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, p in enumerate(self.proposals):
            values = [p.day.isoformat(), p.technician.staff.name, p.repair.number,
                      f"{p.repair.item.product.name} {p.repair.item.product.model}", format_hours(p.repair.estimate) + " h",
                      p.repair.due_date.isoformat()]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).setEnabled(bool(self.proposals))
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def apply(self) -> None:
        self.buttons.setEnabled(False)
        self.context.ops.run(repairs.apply_plan, self.proposals, self.context.staff,
                             on_success=lambda _r: self.accept(),
                             on_failure=lambda e: (self.buttons.setEnabled(True), show_error(self, e)))


class TechniciansDialog(QDialog):
    """Who repairs: skill level, categories, daily capacity, working days and hourly rate."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Technicians"))
        self.resize(720, 480)
        layout = QHBoxLayout(self)
        self.people = QListWidget()
        self.staff = list(Staff.select().where(Staff.active & (Staff.role == "technician")).order_by(Staff.id))
        for person in self.staff:
            QListWidgetItem(person.name, self.people)
        self.people.currentRowChanged.connect(self._show)
        layout.addWidget(self.people, 1)
        right = QVBoxLayout()
        form = QFormLayout()
        self.skill = QComboBox()
        for code, label in SKILLS.items():
            self.skill.addItem(domain_tr(label), code)
        form.addRow(self.tr("Skill level:"), self.skill)
        self.capacity = hours_box()
        form.addRow(self.tr("Hours a day:"), self.capacity)
        days = QHBoxLayout()
        self.days = []
        from .repair_board import weekday_name

        monday = today() - dt.timedelta(days=today().weekday())
        for n in range(7):
            check = QCheckBox(weekday_name(monday + dt.timedelta(days=n)))
            self.days.append(check)
            days.addWidget(check)
        form.addRow(self.tr("Works on:"), days)
        self.rate = money_box()
        form.addRow(self.tr("Hourly rate:"), self.rate)
        right.addLayout(form)
        box = QGroupBox(self.tr("Repairs these categories (none ticked: all)"))
        grid = QGridLayout(box)
        self.categories: dict[int, QCheckBox] = {}
        for n, category in enumerate(Category.select().order_by(Category.name)):
            check = QCheckBox(category.name)
            self.categories[category.id] = check
            grid.addWidget(check, n // 3, n % 3)
        right.addWidget(box)
        right.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        right.addWidget(self.buttons)
        if not self.staff:
            right.insertWidget(0, QLabel(self.tr("No staff member has the technician role yet.")))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        layout.addLayout(right, 2)
        if self.staff:
            self.people.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.staff):
            return
        tech = Technician.get_or_none(Technician.staff == self.staff[row])
        self.skill.setCurrentIndex(max(self.skill.findData(tech.skill if tech else "general"), 0))
        self.capacity.setValue(float(tech.capacity) if tech else 8)
        working = tech.working_days if tech else "12345"
        for n, check in enumerate(self.days, start=1):
            check.setChecked(str(n) in working)
        self.rate.setValue(float(tech.hourly_rate) if tech else 0)
        chosen = repairs.categories_of(tech) if tech else set()
        for category_id, check in self.categories.items():
            check.setChecked(category_id in chosen)

    def save(self) -> None:
        row = self.people.currentRow()
        days = "".join(str(n) for n, check in enumerate(self.days, start=1) if check.isChecked())
        self.context.ops.run(repairs.save_technician, self.staff[row].id, self.skill.currentData(),
                             to_hours(self.capacity), days, to_money(self.rate),
                             [c for c, check in self.categories.items() if check.isChecked()],
                             on_failure=lambda e: show_error(self, e))


class PartDialog(StepDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("New spare part"), parent)
        self.set_action(self.tr("Save"), False)
        self.sku, self.name, self.spec, self.bin = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.form.addRow(self.tr("Part code:"), self.sku)
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.tr("Spec:"), self.spec)
        self.form.addRow(self.tr("Bin (货位):"), self.bin)
        self.reorder = QSpinBox()
        self.reorder.setRange(0, 100000)
        self.form.addRow(self.tr("Reorder at:"), self.reorder)
        self.supplier = QComboBox()
        self.supplier.addItem(self.tr("(none)"), None)
        for supplier in Supplier.select().order_by(Supplier.name):
            self.supplier.addItem(supplier.name, supplier.id)
        self.form.addRow(self.tr("Supplier:"), self.supplier)
        self.sku.textChanged.connect(self.refresh)
        self.name.textChanged.connect(self.refresh)

    def blocker(self) -> str | None:
        if not self.sku.text().strip() or not self.name.text().strip():
            return QCoreApplication.translate("Domain", "A spare part needs a code and a name.")
        return None

    def submit(self) -> None:
        if not self._go():
            return
        self.run(repairs.save_part, self.sku.text(), self.name.text(), self.spec.text(), self.bin.text(),
                 self.reorder.value(), self.supplier.currentData())


class ReceivePartsDialog(StepDialog):
    def __init__(self, context: AppContext, part_id: int, parent: QWidget | None = None) -> None:
        part = Product.get_by_id(part_id)
        super().__init__(context, self.tr("Receive {name}").format(name=part.name), parent)
        self.part = part
        self.set_action(self.tr("Receive"), False)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 100000)
        self.form.addRow(self.tr("Quantity:"), self.quantity)
        self.cost = money_box()
        self.cost.setValue(float(part.cost))
        self.form.addRow(self.tr("Unit cost:"), self.cost)
        self.supplier = QComboBox()
        for supplier in Supplier.select().order_by(Supplier.name):
            self.supplier.addItem(supplier.name, supplier.id)
        self.supplier.setCurrentIndex(max(self.supplier.findData(part.supplier_id), 0))
        self.form.addRow(self.tr("From:"), self.supplier)

    def submit(self) -> None:
        if not self._go():
            return
        self.run(repairs.receive_parts, self.part.id, self.quantity.value(), to_money(self.cost),
                 self.supplier.currentData(), self.context.staff)
