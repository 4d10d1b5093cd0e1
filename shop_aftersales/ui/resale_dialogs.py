"""Dialogs of the Resale tab: the quality check (pass with grade and price, or fail), the sale with the
disclosure confirmed, and a price change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QRadioButton,
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


class QualityCheckDialog(QDialog):
    """质量检测: tick every check; pass → grade, flaws, price and channel, with the disclosure; fail → back to
    repair, or scrap with the owner's approval."""

    def __init__(self, context: AppContext, item_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.item = item = AftersalesItem.get_by_id(item_id)
        self.setWindowTitle(self.tr("Quality check {code}").format(code=item.code))
        self.resize(860, 720)
        layout = QVBoxLayout(self)
        header = QLabel(f"<b>{item.code}</b> · {item.product.name} {item.product.model}"
                        + (f" · SN {item.serial}" if item.serial else "") + "<br>"
                        + self.tr("Findings: {findings}").format(findings=item.findings or item.fault or "—"))
        header.setWordWrap(True)
        layout.addWidget(header)
        checks = resale.checklist_for(item.product.category_id)
        self.table = QTableWidget(len(checks), 3)  # a checklist of a handful of lines, ticked in place
        self.table.setHorizontalHeaderLabels([self.tr("Check"), self.tr("Passed"), self.tr("Note")])
        self.table.verticalHeader().setVisible(False)
        for r, check in enumerate(checks):
            name = QTableWidgetItem(check)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(r, 0, name)
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            tick.setCheckState(Qt.CheckState.Unchecked)
            self.table.setItem(r, 1, tick)
            self.table.setItem(r, 2, QTableWidgetItem(""))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)

        outcome = QHBoxLayout()
        self.to_shelf = QRadioButton(self.tr("Passed: onto the resale shelf"))
        self.to_sellable = QRadioButton(self.tr("Passed: back to sellable stock"))
        self.to_repair = QRadioButton(self.tr("Failed: back to repair"))
        self.to_scrap = QRadioButton(self.tr("Failed: scrap"))
        self.to_shelf.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.to_shelf, self.to_sellable, self.to_repair, self.to_scrap):
            group.addButton(button)
            outcome.addWidget(button)
            button.toggled.connect(self._enable)
        layout.addLayout(outcome)

        self.shelf_box = QGroupBox(self.tr("Grade, price and what the buyer is told"))
        form = QFormLayout(self.shelf_box)
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
        self.disclosure.setFixedHeight(90)
        form.addRow(self.tr("Disclosure:"), self.disclosure)
        self.approver = OwnerApproval(context, self, optional=True)
        form.addRow(self.tr("Below the floor, approved by:"), self.approver)
        layout.addWidget(self.shelf_box)
        self.fail_box = QGroupBox(self.tr("What failed"))
        fail_form = QFormLayout(self.fail_box)
        self.fail_notes = QPlainTextEdit()
        self.fail_notes.setFixedHeight(60)
        fail_form.addRow(self.tr("Notes:"), self.fail_notes)
        self.scrap_approver = OwnerApproval(context, self)
        fail_form.addRow(self.tr("Scrap approved by (owner):"), self.scrap_approver)
        layout.addWidget(self.fail_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._auto_disclosure = ""
        self.grade.currentIndexChanged.connect(self._regrade)
        self.flaws.textChanged.connect(self._redisclose)
        self._regrade()
        self._enable()

    def tick_all(self, passed: bool = True) -> None:
        for r in range(self.table.rowCount()):
            self.table.item(r, 1).setCheckState(Qt.CheckState.Checked if passed else Qt.CheckState.Unchecked)

    def lines(self) -> list[resale.CheckLine]:
        return [resale.CheckLine(self.table.item(r, 0).text(),
                                 self.table.item(r, 1).checkState() == Qt.CheckState.Checked,
                                 self.table.item(r, 2).text()) for r in range(self.table.rowCount())]

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

    def _enable(self) -> None:
        self.shelf_box.setVisible(self.to_shelf.isChecked())
        self.fail_box.setVisible(self.to_repair.isChecked() or self.to_scrap.isChecked())
        self.scrap_approver.setEnabled(self.to_scrap.isChecked())

    def submit(self) -> None:
        staff = self.context.staff
        if self.to_shelf.isChecked() or self.to_sellable.isChecked():
            args = (resale.pass_check, self.item.id, self.lines(), self.grade.currentData(), self.flaws.text(),
                    to_money(self.price), self.channel.currentData(), self.disclosure.toPlainText(), staff,
                    self.approver.approval(), self.to_sellable.isChecked())
        else:
            scrapper = self.scrap_approver.approval() if self.to_scrap.isChecked() else None
            if self.to_scrap.isChecked() and scrapper is None:
                QMessageBox.warning(self, self.tr("Not possible"), self.tr("Scrapping must be approved by the owner."))
                return
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
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sell"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.told.toggled.connect(self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.sale_number = ""

    def submit(self) -> None:
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
    def __init__(self, context: AppContext, item_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.item_id = item_id
        listing = resale.listing_of(item_id)
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
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def submit(self) -> None:
        self.context.ops.run(resale.reprice, self.item_id, to_money(self.price), self.context.staff,
                             self.approver.approval(),
                             on_success=lambda _r: self.accept(), on_failure=lambda e: show_error(self, e))
