"""Settings that belong to the shop's data: its name and contact details for the printouts, the label
size, and the return policy (退换货政策) per category with a shop-wide default."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from ..models import Category
from ..models.aftersales import REASONS, RESOLUTIONS
from ..printing.label import LABEL_HEIGHT, LABEL_WIDTH, label_size
from ..printing.slip import SLIP_TERMS, slip_terms, standard_terms
from ..services import repairs
from ..services import settings as shop_settings
from ..services.owner_settings import remove_return_policy, save_resale_rules, save_return_policy
from ..services.policy import Rules, all_policies
from .approval import add_owner_row
from .context import AppContext
from .errors import show_error
from .settings_log_dialog import add_changes_button
from .paged_model import domain_tr


class ShopDialog(QDialog):
    """The shop's details (open to all staff) and, below them, owner-only settings: what a repaired unit fetches,
    the repair-cost warning and the second backup folder (changing those needs the owner's approval)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Shop settings"))
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        self.name = QLineEdit(shop_settings.get(shop_settings.SHOP_NAME))
        self.address = QLineEdit(shop_settings.get(shop_settings.SHOP_ADDRESS))
        self.phone = QLineEdit(shop_settings.get(shop_settings.SHOP_PHONE))
        form.addRow(self.tr("Shop name:"), self.name)
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.tr("Phone:"), self.phone)
        from PySide6.QtWidgets import QComboBox

        self.language = QComboBox()  # each language in its own words, as in Settings → Language
        for code, label in (("zh_CN", "简体中文"), ("en", "English")):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(self.language.findData(shop_settings.document_language()), 0))
        self.language.setToolTip(self.tr("The language of the slips, labels, receipts and lists the shop prints "
                                         "and of the messages to customers, whatever the language of the screens."))
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(self.tr("Document language:"), self.language)
        width, height = label_size()
        self.label_w, self.label_h = QDoubleSpinBox(), QDoubleSpinBox()
        for box, value in ((self.label_w, width), (self.label_h, height)):
            box.setRange(20, 200)
            box.setDecimals(0)
            box.setSuffix(" mm")
            box.setValue(value)
        size = QHBoxLayout()
        size.addWidget(self.label_w)
        size.addWidget(QLabel("×"))
        size.addWidget(self.label_h)
        size.addStretch(1)
        form.addRow(self.tr("Item label size:"), size)
        self.expected, self.warning = QSpinBox(), QSpinBox()
        for box, key, default in ((self.expected, repairs.EXPECTED_VALUE_PCT, 60),
                                  (self.warning, repairs.COST_WARNING_PCT, 50)):
            box.setRange(1, 100)
            box.setSuffix(" %")
            box.setValue(int(shop_settings.get(key) or default))
        form.addRow(self.tr("A repaired unit fetches (share of list price):"), self.expected)
        form.addRow(self.tr("Warn when a repair costs more than (share of that):"), self.warning)
        from ..services.backup import SECOND_FOLDER

        self.second_folder_key = SECOND_FOLDER
        self.second_folder = QLineEdit(shop_settings.get(SECOND_FOLDER))
        self.second_folder.setPlaceholderText(self.tr("Optional, e.g. a USB drive: E:\\ShopBackups"))
        form.addRow(self.tr("Also back up to:"), self.second_folder)
        # the shop's return terms, printed on every return slip; left as the standard text, the slip follows
        # the language it is printed in
        self.terms = QPlainTextEdit(shop_settings.get(SLIP_TERMS).strip() or standard_terms(self._document_language()))
        self.terms.setTabChangesFocus(True)
        self.terms.setMinimumHeight(90)
        form.addRow(self.tr("Return terms on the slip:"), self.terms)
        note = QLabel(self.tr("The repair shares and the backup folder are the owner's to change."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        form.addRow(note)
        self.approver = add_owner_row(form, context, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        add_changes_button(self.buttons, self, context, None)
        form.addRow(self.buttons)
        self.shown = self.values()

    def values(self) -> dict[str, str]:
        return {shop_settings.SHOP_NAME: self.name.text(), shop_settings.SHOP_ADDRESS: self.address.text(),
                  shop_settings.SHOP_PHONE: self.phone.text(), LABEL_WIDTH: str(int(self.label_w.value())),
                  LABEL_HEIGHT: str(int(self.label_h.value())),
                  repairs.EXPECTED_VALUE_PCT: str(self.expected.value()),
                  repairs.COST_WARNING_PCT: str(self.warning.value()),
                  self.second_folder_key: self.second_folder.text(), SLIP_TERMS: self._terms(),
                  shop_settings.DOCUMENT_LANGUAGE: self._document_language()}

    def save(self) -> None:
        # only what was changed here is saved: a default shown but not touched is not a change (nor the owner's)
        values = {key: value for key, value in self.values().items() if value != self.shown.get(key)}
        self.context.ops.run(shop_settings.update, values, self.context.staff, self.approver.approval(),
                             on_success=lambda _r: self.accept(), on_failure=lambda e: show_error(self, e))

    def _document_language(self) -> str:
        return self.language.currentData()

    def _is_standard(self, text: str) -> bool:
        return text.strip() in {standard_terms(lang).strip() for lang in ("zh_CN", "en")}

    def _language_changed(self) -> None:
        # the standard terms follow the language the slip is printed in; the shop's own words stay as typed
        if self._is_standard(self.terms.toPlainText()):
            self.terms.setPlainText(standard_terms(self._document_language()))

    def _terms(self) -> str:
        text = self.terms.toPlainText().strip()
        return "" if self._is_standard(text) else text


class PolicyDialog(QDialog):
    """One set of rules per category, and the shop-wide default for every other category."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Return policy"))
        self.resize(820, 560)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show)
        left.addWidget(self.list, 1)
        add = QPushButton(self.tr("Rules for a category…"))
        add.clicked.connect(self._add_category)
        self.remove = QPushButton(self.tr("Use the default for it"))
        self.remove.clicked.connect(self._remove_category)
        left.addWidget(add)
        left.addWidget(self.remove)
        layout.addLayout(left, 1)

        right = QVBoxLayout()
        form = QFormLayout()
        self.return_days, self.exchange_days, self.warranty, self.fee = QSpinBox(), QSpinBox(), QSpinBox(), QSpinBox()
        self.return_days.setRange(0, 365)
        self.exchange_days.setRange(0, 365)
        self.warranty.setRange(0, 120)
        self.fee.setRange(0, 100)
        self.return_days.setSuffix(self.tr(" days"))
        self.exchange_days.setSuffix(self.tr(" days"))
        self.warranty.setSuffix(self.tr(" months"))
        self.fee.setSuffix(" %")
        form.addRow(self.tr("Refund within:"), self.return_days)
        form.addRow(self.tr("Exchange within:"), self.exchange_days)
        form.addRow(self.tr("Warranty (repair):"), self.warranty)
        self.refund_opened = QCheckBox(self.tr("Opened goods can be refunded"))
        self.refund_used = QCheckBox(self.tr("Used goods can be refunded"))
        form.addRow("", self.refund_opened)
        form.addRow("", self.refund_used)
        form.addRow(self.tr("Restocking fee (reasons not exempt below):"), self.fee)
        right.addLayout(form)
        box = QGroupBox(self.tr("What each reason allows"))
        grid = QGridLayout(box)
        self.rule_boxes: dict[tuple[str, str], QCheckBox] = {}
        self.fee_boxes: dict[str, QCheckBox] = {}  # per reason: pays no restocking fee
        for c, (res, label) in enumerate(RESOLUTIONS.items(), start=1):
            grid.addWidget(QLabel(domain_tr(label)), 0, c, Qt.AlignmentFlag.AlignHCenter)
        fee_column = len(RESOLUTIONS) + 1
        grid.addWidget(QLabel(self.tr("No restocking fee")), 0, fee_column, Qt.AlignmentFlag.AlignHCenter)
        for r, (reason, label) in enumerate(REASONS.items(), start=1):
            grid.addWidget(QLabel(domain_tr(label)), r, 0)
            for c, res in enumerate(RESOLUTIONS, start=1):
                check = QCheckBox()
                self.rule_boxes[(reason, res)] = check
                grid.addWidget(check, r, c, Qt.AlignmentFlag.AlignHCenter)
            exempt = QCheckBox()
            exempt.setToolTip(self.tr("A refund for this reason pays no restocking fee."))
            self.fee_boxes[reason] = exempt
            grid.addWidget(exempt, r, fee_column, Qt.AlignmentFlag.AlignHCenter)
        right.addWidget(box)
        note = QLabel(self.tr("Faults of the goods (quality, wrong item, transit damage, not as described) are refunded "
                              "whatever the condition. The restocking fee is not charged for the reasons ticked "
                              "under “No restocking fee”."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        right.addWidget(note)
        right.addStretch(1)
        approval_form = QFormLayout()
        self.approver = add_owner_row(approval_form, context, self)
        right.addLayout(approval_form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        add_changes_button(self.buttons, self, context, "policy")
        right.addWidget(self.buttons)
        layout.addLayout(right, 2)
        self.policies: list[tuple[int | None, Rules]] = []
        self.reload()

    def reload(self, select: int | None = None) -> None:
        if hasattr(self, "approver"):
            self.approver.pin.clear()  # a PIN typed for one change is not left for the next person
        self.policies = [(c.id if c else None, rules) for c, rules in all_policies()]
        self.policies.sort(key=lambda p: (p[0] is not None, p[0] or 0))
        self.list.blockSignals(True)
        self.list.clear()
        for category_id, _rules in self.policies:
            name = Category.get_by_id(category_id).name if category_id else self.tr("Shop-wide default")
            QListWidgetItem(name, self.list)
        self.list.blockSignals(False)
        index = next((i for i, (c, _r) in enumerate(self.policies) if c == select), 0)
        self.list.setCurrentRow(index)
        self._show(index)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.policies):
            return
        category_id, rules = self.policies[row]
        self.return_days.setValue(rules.return_days)
        self.exchange_days.setValue(rules.exchange_days)
        self.warranty.setValue(rules.warranty_months)
        self.fee.setValue(rules.restocking_fee_pct)
        self.refund_opened.setChecked(rules.refund_opened)
        self.refund_used.setChecked(rules.refund_used)
        for (reason, res), check in self.rule_boxes.items():
            check.setChecked(rules.allows(reason, res))
        for reason, check in self.fee_boxes.items():
            check.setChecked(reason in rules.fee_exempt)
        self.remove.setEnabled(category_id is not None)

    def current_rules(self) -> Rules:
        reasons: dict[str, list[str]] = {}
        for (reason, res), check in self.rule_boxes.items():
            if check.isChecked():
                reasons.setdefault(reason, []).append(res)
        exempt = tuple(sorted(reason for reason, check in self.fee_boxes.items() if check.isChecked()))
        return Rules(self.return_days.value(), self.exchange_days.value(), self.warranty.value(),
                     self.refund_opened.isChecked(), self.refund_used.isChecked(), self.fee.value(), reasons, exempt)

    def save(self) -> None:
        category_id = self.policies[self.list.currentRow()][0]
        self.context.ops.run(save_return_policy, category_id, self.current_rules(), self.context.staff,
                             self.approver.approval(), on_success=lambda _r: self.reload(category_id),
                             on_failure=lambda e: show_error(self, e))

    def _add_category(self) -> None:
        taken = {c for c, _r in self.policies if c}
        free = [c for c in Category.select().order_by(Category.name) if c.id not in taken]
        if not free:
            return
        name, ok = QInputDialog.getItem(self, self.tr("Rules for a category"), self.tr("Category:"),
                                        [c.name for c in free], 0, False)
        if ok:
            category = next(c for c in free if c.name == name)
            self.context.ops.run(save_return_policy, category.id, self.current_rules(), self.context.staff,
                                 self.approver.approval(), on_success=lambda _r: self.reload(category.id),
                                 on_failure=lambda e: show_error(self, e))

    def _remove_category(self) -> None:
        category_id = self.policies[self.list.currentRow()][0]
        if category_id is not None:
            self.context.ops.run(remove_return_policy, category_id, self.context.staff, self.approver.approval(),
                                 on_success=lambda _r: self.reload(),
                                 on_failure=lambda e: show_error(self, e))


class ResaleRulesDialog(QDialog):
    """Quality checklists and resale pricing per category (with a default for all), what grades A/B/C mean,
    and when the shelf suggests a markdown."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QComboBox

        from ..services import resale

        self.resale = resale
        self.context = context
        self.setWindowTitle(self.tr("Resale rules"))
        self.resize(860, 600)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.categories: list[int | None] = [None] + [c.id for c in Category.select().order_by(Category.name)]
        for category_id in self.categories:
            name = Category.get_by_id(category_id).name if category_id else self.tr("Default for every category")
            QListWidgetItem(name, self.list)
        self.list.currentRowChanged.connect(self._show)
        left.addWidget(self.list)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        box = QGroupBox(self.tr("Quality checklist (one check per line)"))
        box_layout = QVBoxLayout(box)
        self.checklist = QPlainTextEdit()
        box_layout.addWidget(self.checklist)
        right.addWidget(box)
        pricing = QGroupBox(self.tr("Resale price, as a share of the new price"))
        form = QFormLayout(pricing)
        self.shares = {}
        for grade in ("A", "B", "C"):
            spin = QSpinBox()
            spin.setRange(1, 100)
            spin.setSuffix(" %")
            self.shares[grade] = spin
            form.addRow(self.tr("Grade {grade}:").format(grade=grade), spin)
        self.floor = QSpinBox()
        self.floor.setRange(0, 100)
        self.floor.setSuffix(" %")
        form.addRow(self.tr("Never below (floor):"), self.floor)
        self.rounding = QComboBox()
        for code, label in resale.ROUNDINGS.items():
            self.rounding.addItem(domain_tr(label), code)
        self.rounding.setToolTip(self.tr("Ending in 9: the nearest price ending in 9, never below the floor (then "
                                         "the first one above it)."))
        form.addRow(self.tr("Round the suggested price:"), self.rounding)
        right.addWidget(pricing)
        shop_wide = QGroupBox(self.tr("For the whole shop"))
        shop_form = QFormLayout(shop_wide)
        self.meanings = {}
        for grade in ("A", "B", "C"):
            edit = QLineEdit(resale.grade_meaning(grade))
            self.meanings[grade] = edit
            shop_form.addRow(self.tr("Grade {grade} means:").format(grade=grade), edit)
        self.markdown_days, self.markdown_pct = QSpinBox(), QSpinBox()
        self.markdown_days.setRange(1, 365)
        self.markdown_days.setSuffix(self.tr(" days"))
        self.markdown_days.setValue(resale.markdown_days())
        self.markdown_pct.setRange(1, 90)
        self.markdown_pct.setSuffix(" %")
        self.markdown_pct.setValue(int(shop_settings.get(resale.MARKDOWN_PCT) or 10))
        shop_form.addRow(self.tr("Suggest a markdown after:"), self.markdown_days)
        shop_form.addRow(self.tr("Markdown by:"), self.markdown_pct)
        right.addWidget(shop_wide)
        approval_form = QFormLayout()
        self.approver = add_owner_row(approval_form, context, self)
        right.addLayout(approval_form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        add_changes_button(self.buttons, self, context, "resale")
        right.addWidget(self.buttons)
        layout.addLayout(right, 2)
        self.list.setCurrentRow(0)
        self.shown = self.shop_wide_values()

    def shop_wide_values(self) -> dict[str, str]:
        values = {f"resale.grade.{g}": e.text() for g, e in self.meanings.items()}
        values.update({self.resale.MARKDOWN_DAYS: str(self.markdown_days.value()),
                       self.resale.MARKDOWN_PCT: str(self.markdown_pct.value())})
        return values

    def _show(self, row: int) -> None:
        category_id = self.categories[row]
        self.checklist.setPlainText("\n".join(self.resale.checklist_for(category_id)))
        rule = self.resale.pricing_for(category_id)
        for grade, value in (("A", rule.grade_a), ("B", rule.grade_b), ("C", rule.grade_c)):
            self.shares[grade].setValue(value)
        self.floor.setValue(rule.floor_pct)
        self.rounding.setCurrentIndex(max(self.rounding.findData(rule.rounding), 0))

    def save(self) -> None:
        category_id = self.categories[self.list.currentRow()]
        lines = self.checklist.toPlainText().splitlines()
        values = {k: v for k, v in self.shop_wide_values().items() if v != self.shown.get(k)}
        shares = self.shares
        self.context.ops.run(save_resale_rules, category_id, lines, shares["A"].value(), shares["B"].value(),
                             shares["C"].value(), self.floor.value(), values, self.context.staff,
                             self.approver.approval(), self.rounding.currentData(),
                             on_success=lambda _r: self._saved(), on_failure=lambda e: show_error(self, e))

    def _saved(self) -> None:
        self.shown = self.shop_wide_values()
        self.approver.pin.clear()
