"""Dialogs of the Resale tab: the quality check (pass with grade and price, or fail), the sale with the
disclosure confirmed, and a price change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QRadioButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..models import AftersalesItem
from ..models.resale import CHANNELS, GRADES
from ..money import format_yuan
from ..services import resale
from .actions import money_box, to_money
from .approval import OwnerApproval
from .context import AppContext
from .errors import show_error
from .paged_model import domain_tr


PASS_COLUMN, FAIL_COLUMN, NOTE_COLUMN = 1, 2, 3


class QualityCheckDialog(QDialog):
    """质量检测: every line of the checklist is marked pass or fail (or all at once: All pass). The lines decide the
    outcome: all pass → the resale shelf (grade, flaws, price, channel, disclosure) or sellable stock; any fail →
    back to repair, or scrap with the owner's approval. What does not matter for the outcome is disabled, and the
    button says what it will do — disabled, with the reason as its tooltip, until it can succeed."""

    def __init__(self, context: AppContext, item_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.item = item = AftersalesItem.get_by_id(item_id)
        self.setWindowTitle(self.tr("Quality check {code}").format(code=item.code))
        self.resize(860, 640)  # (grows to what the checklist needs; fits 1280 × 800)
        layout = QVBoxLayout(self)
        header = QLabel(f"<b>{item.code}</b> · {item.product.name} {item.product.model}"
                        + (f" · SN {item.serial}" if item.serial else "") + "<br>"
                        + self.tr("Findings: {findings}").format(findings=item.findings or item.fault or "—"))
        header.setWordWrap(True)
        layout.addWidget(header)
        checks = resale.checklist_for(item.product.category_id)
        top = QHBoxLayout()
        self.all_pass = QPushButton(self.tr("All pass"))
        self.all_pass.setToolTip(self.tr("Mark every check as passed"))
        self.all_pass.clicked.connect(lambda: self.tick_all(True))
        self.decided = QLabel()
        top.addWidget(self.all_pass)
        top.addWidget(self.decided, 1)
        layout.addLayout(top)
        self.table = QTableWidget(len(checks), 4)  # a checklist of a handful of lines, marked in place
        self.table.setHorizontalHeaderLabels([self.tr("Check"), self.tr("Pass"), self.tr("Fail"), self.tr("Note")])
        self.table.verticalHeader().setVisible(False)
        self._marking = False
        for r, check in enumerate(checks):
            name = QTableWidgetItem(check)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(r, 0, name)
            for column in (PASS_COLUMN, FAIL_COLUMN):
                tick = QTableWidgetItem()
                tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsSelectable)
                tick.setCheckState(Qt.CheckState.Unchecked)
                self.table.setItem(r, column, tick)
            self.table.setItem(r, NOTE_COLUMN, QTableWidgetItem(""))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(self._marked)
        shown = min(len(checks), 8)  # every line of a usual checklist in sight, a long one scrolls
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + sum(self.table.rowHeight(r) for r in range(shown))
                                    + 2 * self.table.frameWidth() + 2)
        layout.addWidget(self.table, 1)

        self.shelf_box = QGroupBox(self.tr("All passed"))
        form = QFormLayout(self.shelf_box)
        where = QHBoxLayout()
        self.to_shelf = QRadioButton(self.tr("Onto the resale shelf"))
        self.to_sellable = QRadioButton(self.tr("Back to sellable stock"))
        self.to_shelf.setChecked(True)
        passed_group = QButtonGroup(self)
        for button in (self.to_shelf, self.to_sellable):
            passed_group.addButton(button)
            where.addWidget(button)
            button.toggled.connect(self._enable)
        where.addStretch(1)
        form.addRow(self.tr("Goes:"), where)
        self.grade = QComboBox()
        for grade in GRADES:
            self.grade.addItem(f"{grade} — {resale.grade_meaning(grade)}", grade)
        self.grade.setCurrentIndex(1)
        form.addRow(self.tr("Grade:"), self.grade)
        self.flaws = QLineEdit()
        self.flaws.setPlaceholderText(self.tr("Remaining flaws, in plain words"))
        form.addRow(self.tr("Flaws:"), self.flaws)
        price_row = QHBoxLayout()
        self.price = money_box()
        self.advice = QLabel()
        price_row.addWidget(self.price)
        price_row.addWidget(self.advice, 1)
        form.addRow(self.tr("Price:"), price_row)
        self.channel = QComboBox()
        for code, label in CHANNELS.items():
            self.channel.addItem(domain_tr(label), code)
        form.addRow(self.tr("Sold on:"), self.channel)
        self.disclosure = QPlainTextEdit()
        self.disclosure.setFixedHeight(76)
        form.addRow(self.tr("Disclosure:"), self.disclosure)
        self.approver = OwnerApproval(context, self, optional=True)
        form.addRow(self.tr("Below the floor, approved by:"), self.approver)
        self.shelf_fields = (self.grade, self.price, self.channel, self.disclosure, self.approver)
        layout.addWidget(self.shelf_box)

        self.fail_box = QGroupBox(self.tr("A check failed"))
        fail_form = QFormLayout(self.fail_box)
        self.failed_label = QLabel()
        self.failed_label.setWordWrap(True)
        fail_form.addRow(self.failed_label)
        fail_where = QHBoxLayout()
        self.to_repair = QRadioButton(self.tr("Back to repair"))
        self.to_scrap = QRadioButton(self.tr("Scrap"))
        self.to_repair.setChecked(True)
        failed_group = QButtonGroup(self)
        for button in (self.to_repair, self.to_scrap):
            failed_group.addButton(button)
            fail_where.addWidget(button)
            button.toggled.connect(self._enable)
        fail_where.addStretch(1)
        fail_form.addRow(self.tr("Goes:"), fail_where)
        self.fail_notes = QPlainTextEdit()
        self.fail_notes.setFixedHeight(48)
        self.fail_notes.setPlaceholderText(self.tr("For the technician (optional): the failed checks are named "
                                                   "already"))
        fail_form.addRow(self.tr("Notes:"), self.fail_notes)
        self.scrap_approver = OwnerApproval(context, self)
        fail_form.addRow(self.tr("Scrap approved by (owner):"), self.scrap_approver)
        layout.addWidget(self.fail_box)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._auto_disclosure = ""
        self.grade.currentIndexChanged.connect(self._regrade)
        self.flaws.textChanged.connect(self._redisclose)
        self.price.valueChanged.connect(self._enable)
        self.disclosure.textChanged.connect(self._enable)
        self.approver.owner.currentIndexChanged.connect(self._enable)
        self.scrap_approver.owner.currentIndexChanged.connect(self._enable)
        self._regrade()
        self._enable()

    # ---------------------------------------------------------------- the lines

    def mark(self, row: int, passed: bool | None) -> None:
        """Line *row* passed (True), failed (False) or not decided yet (None)."""
        self._marking = True
        try:
            for column, on in ((PASS_COLUMN, passed is True), (FAIL_COLUMN, passed is False)):
                self.table.item(row, column).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        finally:
            self._marking = False
        self._enable()

    def tick_all(self, passed: bool = True) -> None:
        for r in range(self.table.rowCount()):
            self.mark(r, passed)
        if passed and self.ok.isEnabled():
            self.ok.setFocus()  # the next Enter puts it on the shelf

    def decision(self, row: int) -> bool | None:
        if self.table.item(row, PASS_COLUMN).checkState() == Qt.CheckState.Checked:
            return True
        if self.table.item(row, FAIL_COLUMN).checkState() == Qt.CheckState.Checked:
            return False
        return None

    def _marked(self, changed: QTableWidgetItem) -> None:
        """A tick in Pass clears Fail on the same line, and the other way round (a note: the summary follows)."""
        if self._marking:
            return
        if changed.column() in (PASS_COLUMN, FAIL_COLUMN) and changed.checkState() == Qt.CheckState.Checked:
            self.mark(changed.row(), changed.column() == PASS_COLUMN)
        else:
            self._enable()

    def lines(self) -> list[resale.CheckLine]:
        return [resale.CheckLine(self.table.item(r, 0).text(), self.decision(r) is True,
                                 self.table.item(r, NOTE_COLUMN).text()) for r in range(self.table.rowCount())]

    def undecided(self) -> int:
        return sum(self.decision(r) is None for r in range(self.table.rowCount()))

    def failed(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount()) if self.decision(r) is False]

    # ---------------------------------------------------------------- price and disclosure

    def _regrade(self) -> None:
        advice = resale.price_advice(self.item, self.grade.currentData())
        self.price.setValue(float(advice.suggested))
        self.advice.setText(self.tr("suggested {price} ({pct}% of new) · floor {floor}").format(
            price=format_yuan(advice.suggested), pct=advice.share_pct, floor=format_yuan(advice.floor)))
        self._redisclose()

    def _redisclose(self) -> None:
        text = resale.default_disclosure(self.item, self.grade.currentData(), self.flaws.text())
        if self.disclosure.toPlainText() in ("", self._auto_disclosure):  # keep what the user rewrote
            self.disclosure.setPlainText(text)
        self._auto_disclosure = text

    # ---------------------------------------------------------------- what can be done now

    def outcome(self) -> str:
        """'shelf', 'sellable', 'repair' or 'scrap': what the button does, as the lines decide."""
        if self.failed():
            return "scrap" if self.to_scrap.isChecked() else "repair"
        return "sellable" if self.to_sellable.isChecked() else "shelf"

    def blocked(self) -> str:
        """Why the button cannot succeed now, in words; "" when it can."""
        rows = self.table.rowCount()
        if not rows:
            return self.tr("This category has no checklist: set one in Settings → Resale rules.")
        outcome, left = self.outcome(), self.undecided()
        if left:
            return self.tr("Mark every check pass or fail first ({count} of {total} left).").format(
                count=left, total=rows)
        if outcome == "scrap" and self.scrap_approver.staff() is None:
            return self.tr("Scrapping must be approved by the owner.")
        if outcome != "shelf":
            return ""
        price, floor = to_money(self.price), resale.price_advice(self.item, self.grade.currentData()).floor
        if price <= 0:
            return self.tr("Enter the price (more than ¥0.00).")
        if not self.disclosure.toPlainText().strip():
            return self.tr("Write what the buyer is told about the unit's history.")
        if price < floor and self.approver.staff() is None:
            return self.tr("{price} is below the floor of {floor}: choose the owner who approves it.").format(
                price=format_yuan(price), floor=format_yuan(floor))
        return ""

    def _enable(self) -> None:
        failed, left = self.failed(), self.undecided()
        rows = self.table.rowCount()
        self.decided.setText(self.tr("{done} of {total} checks marked").format(done=rows - left, total=rows)
                             if left else "")
        self.shelf_box.setEnabled(not failed)
        on_shelf = not failed and self.to_shelf.isChecked()
        for field in self.shelf_fields:
            field.setEnabled(on_shelf)
        floor = resale.price_advice(self.item, self.grade.currentData()).floor
        self.approver.setEnabled(on_shelf and to_money(self.price) < floor)  # asked only below the floor
        self.fail_box.setEnabled(bool(failed))
        self.failed_label.setText(resale.failed_summary(
            [line for line in self.lines() if line.check in failed]) if failed else "")
        self.scrap_approver.setEnabled(bool(failed) and self.to_scrap.isChecked())
        self.ok.setText({"shelf": self.tr("Put on the shelf"), "sellable": self.tr("Back to sellable stock"),
                         "repair": self.tr("Send back to repair"), "scrap": self.tr("Scrap")}[self.outcome()])
        reason = self.blocked()
        self.ok.setEnabled(not reason)
        self.ok.setToolTip(reason)
        # the likely next step: All pass while nothing failed and some lines wait, else the outcome
        next_step = self.all_pass if left and not failed else self.ok
        self.all_pass.setEnabled(any(self.decision(r) is not True for r in range(rows)))
        for button in (self.all_pass, self.ok):
            button.setDefault(button is next_step)

    def submit(self) -> None:
        if self.blocked():  # (Enter on a disabled default does nothing; this is for a direct call)
            return
        staff, outcome = self.context.staff, self.outcome()
        if outcome in ("shelf", "sellable"):
            args = (resale.pass_check, self.item.id, self.lines(), self.grade.currentData(), self.flaws.text(),
                    to_money(self.price), self.channel.currentData(), self.disclosure.toPlainText(), staff,
                    self.approver.approval(), outcome == "sellable")
        else:
            scrapper = self.scrap_approver.approval() if outcome == "scrap" else None
            args = (resale.fail_check, self.item.id, self.lines(), self.fail_notes.toPlainText(), staff, scrapper)
        self.buttons.setEnabled(False)
        self.context.ops.run(*args, on_success=lambda _r: self.accept(), on_failure=self._failed)

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        show_error(self, error)


class SellDialog(QDialog):
    """The sale: the buyer is told the unit's history first; the assistant confirms it (已告知顾客)."""

    def __init__(self, context: AppContext, item_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.item = item = AftersalesItem.get_by_id(item_id)
        self.listing = listing = resale.listing_of(item_id)
        self.setWindowTitle(self.tr("Sell {code}").format(code=item.code))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{item.product.name} {item.product.model}</b> · "
                                + self.tr("grade {grade}").format(grade=listing.grade)))
        told = QLabel(self.tr("Tell the buyer, before the sale:"))
        told.setStyleSheet("font-weight: bold;")
        layout.addWidget(told)
        self.disclosure = QLabel(listing.disclosure)
        self.disclosure.setWordWrap(True)
        self.disclosure.setStyleSheet("background: #fff8e1; border: 1px solid #f0c36d; padding: 8px;")
        layout.addWidget(self.disclosure)
        form = QFormLayout()
        self.price = money_box()
        self.price.setValue(float(listing.price))
        form.addRow(self.tr("Price:"), self.price)
        self.channel = QComboBox()
        for code, label in CHANNELS.items():
            self.channel.addItem(domain_tr(label), code)
        self.channel.setCurrentIndex(max(self.channel.findData(listing.channel), 0))
        form.addRow(self.tr("Sold on:"), self.channel)
        self.buyer = QLineEdit()
        self.buyer_phone = QLineEdit()
        form.addRow(self.tr("Buyer (if known):"), self.buyer)
        form.addRow(self.tr("Buyer's phone:"), self.buyer_phone)
        layout.addLayout(form)
        self.told = QCheckBox(self.tr("I told the buyer the unit's history and grade (已告知顾客)"))
        layout.addWidget(self.told)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Sell"))
        self.ok.setDefault(True)  # the likely next step, once it can succeed
        self.told.toggled.connect(self._enable)
        self.price.valueChanged.connect(self._enable)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.sale_number = ""
        self._enable()

    def blocked(self) -> str:
        """Why the sale cannot succeed now, in words; "" when it can."""
        if to_money(self.price) <= 0:
            return self.tr("Enter the price (more than ¥0.00).")
        if not self.told.isChecked():
            return self.tr("Tell the buyer the unit's history and tick “told the customer” first.")
        return ""

    def _enable(self) -> None:
        reason = self.blocked()
        self.ok.setEnabled(not reason)
        self.ok.setToolTip(reason)

    def submit(self) -> None:
        if self.blocked():
            return
        self.buttons.setEnabled(False)
        self.context.ops.run(resale.sell, self.item.id, to_money(self.price), self.channel.currentData(),
                             self.told.isChecked(), self.context.staff, self.buyer.text(), self.buyer_phone.text(),
                             on_success=self._sold, on_failure=self._failed)

    def _sold(self, changes) -> None:
        self.sale_number = changes.reference
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        show_error(self, error)


class RepriceDialog(QDialog):
    """A new price for a unit on the shelf (the markdown suggested after the shelf period); below the floor only
    with the owner's approval."""

    def __init__(self, context: AppContext, item_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.item_id = item_id
        self.listing = listing = resale.listing_of(item_id)
        self.setWindowTitle(self.tr("Change the price of {code}").format(code=listing.item.code))
        form = QFormLayout(self)
        form.addRow(self.tr("Now:"), QLabel(format_yuan(listing.price)))
        self.price = money_box()
        suggestion = resale.markdown_suggestion(listing)
        self.price.setValue(float(suggestion or listing.price))
        form.addRow(self.tr("New price:"), self.price)
        hint = self.tr("Markdown suggested after {days} days on the shelf.").format(days=resale.markdown_days())
        form.addRow("", QLabel(hint if suggestion else self.tr("Floor {floor}.").format(
            floor=format_yuan(listing.floor))))
        self.approver = OwnerApproval(context, self, optional=True)
        form.addRow(self.tr("Below the floor, approved by:"), self.approver)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Change the price"))
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.price.valueChanged.connect(self._enable)
        self.approver.owner.currentIndexChanged.connect(self._enable)
        self._enable()

    def blocked(self) -> str:
        """Why the change cannot succeed (or would change nothing), in words; "" when it can."""
        price = to_money(self.price)
        if price <= 0:
            return self.tr("Enter the price (more than ¥0.00).")
        if price == self.listing.price:
            return self.tr("That is the price now.")
        if price < self.listing.floor and self.approver.staff() is None:
            return self.tr("{price} is below the floor of {floor}: choose the owner who approves it.").format(
                price=format_yuan(price), floor=format_yuan(self.listing.floor))
        return ""

    def _enable(self) -> None:
        reason = self.blocked()
        self.ok.setEnabled(not reason)
        self.ok.setToolTip(reason)
        self.approver.setEnabled(to_money(self.price) < self.listing.floor)

    def submit(self) -> None:
        if self.blocked():
            return
        self.context.ops.run(resale.reprice, self.item_id, to_money(self.price), self.context.staff,
                             self.approver.approval(),
                             on_success=lambda _r: self.accept(), on_failure=lambda e: show_error(self, e))
