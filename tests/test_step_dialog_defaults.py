"""Defaults a shop assistant can trust (issue 17, part 2): a destructive dialog defaults to Cancel and names its
button for what it does; the likely next step is the default elsewhere; a button that cannot succeed is disabled
with a tooltip saying why; fields irrelevant to the choice are disabled. Driven through the real dialogs."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from helpers import settle  # noqa: E402
from shop_aftersales.models import AftersalesItem, RepairOrder, ScrapRecord, StockCount
from shop_aftersales.models.aftersales import SCRAPPED, allowed_for
from shop_aftersales.models.repairs import IN_PROGRESS
from shop_aftersales.services import backup, stock_count
from shop_aftersales.ui.actions import RefundDialog, ScrapDialog
from shop_aftersales.ui.backup_dialog import RestoreDialog
from shop_aftersales.ui.repair_dialogs import FinishDialog, LogHoursDialog
from shop_aftersales.ui.stock_count_dialog import PostCountDialog

pytestmark = pytest.mark.gui


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def press_enter(qtbot, dialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Return)


def scrappable() -> AftersalesItem:
    return next(i for i in AftersalesItem.select().order_by(AftersalesItem.id)
                if any(step.target == SCRAPPED for step in allowed_for(i)))


def test_scrap_defaults_to_cancel_and_is_disabled_until_it_can_succeed(window, qtbot):
    item = scrappable()
    dialog = shown(qtbot, ScrapDialog(window.context, item, window))
    assert dialog.ok_button.text() == "Scrap it"
    assert dialog.cancel_button.isDefault() and not dialog.ok_button.isDefault()
    assert not dialog.ok_button.autoDefault()
    dialog.reason.setPlainText("")
    assert not dialog.ok_button.isEnabled() and "reason" in dialog.ok_button.toolTip()
    dialog.reason.setPlainText("外壳碎裂，无法修复")
    dialog.approver.owner.setCurrentIndex(0)
    if dialog.approver.pin.isVisible():  # the owner's PIN is needed: disabled, saying so, until it is typed
        assert not dialog.ok_button.isEnabled() and "PIN" in dialog.ok_button.toolTip()
    press_enter(qtbot, dialog)  # Enter is Cancel: nothing is scrapped
    settle(qtbot, window)
    assert not dialog.isVisible()
    assert AftersalesItem.get_by_id(item.id).status != SCRAPPED
    assert not ScrapRecord.select().where(ScrapRecord.item == item.id).exists()


def test_refund_above_what_was_paid_is_disabled_without_the_owner_and_the_approver_only_then(window, qtbot):
    from shop_aftersales.models import Staff

    item = next(i for i in AftersalesItem.select().where((AftersalesItem.resolution_state == "pending")
                                                         & ~AftersalesItem.customer_owned).order_by(AftersalesItem.id))
    window.context.set_staff(Staff.get(Staff.role == "sales").id)  # not the owner: above the limit needs the owner
    dialog = shown(qtbot, RefundDialog(window.context, item, window))
    assert dialog.ok_button.isDefault() and dialog.ok_button.isEnabled()  # the likely next step
    assert not dialog.approver.isEnabled()  # irrelevant up to what the customer paid
    dialog.amount.setValue(float(dialog.limit) + 10)
    assert dialog.approver.isEnabled()
    assert not dialog.ok_button.isEnabled() and "owner" in dialog.ok_button.toolTip()
    dialog.amount.setValue(0)
    assert not dialog.ok_button.isEnabled() and "¥0.00" in dialog.ok_button.toolTip()


def in_progress_shop_repair() -> RepairOrder:
    return next(r for r in RepairOrder.select().where(RepairOrder.state == IN_PROGRESS).order_by(RepairOrder.id)
                if not r.item.customer_owned)


def test_finish_scrap_approver_only_when_scrapping_and_then_cancel_is_the_default(window, qtbot):
    repair = in_progress_shop_repair()
    dialog = shown(qtbot, FinishDialog(window.context, repair, window))
    assert dialog.repaired.isChecked() and not dialog.approver.isEnabled()
    assert dialog.ok_button.isDefault() and dialog.ok_button.text() == "Finish the repair"
    dialog.unrepaired.setChecked(True)
    assert dialog.approver.isEnabled()
    assert dialog.ok_button.text() == "Scrap it"
    assert dialog.cancel_button.isDefault() and not dialog.ok_button.isDefault()
    press_enter(qtbot, dialog)
    settle(qtbot, window)
    assert RepairOrder.get_by_id(repair.id).state == IN_PROGRESS  # nothing scrapped
    dialog2 = shown(qtbot, FinishDialog(window.context, repair, window))
    dialog2.unrepaired.setChecked(True)
    dialog2.repaired.setChecked(True)  # back to "Repaired": the approver is off again, Finish the default
    assert not dialog2.approver.isEnabled() and dialog2.ok_button.isDefault()


def test_log_hours_saves_on_enter(window, qtbot):
    from shop_aftersales.services import repairs

    repair = in_progress_shop_repair()
    before = repairs.repair_cost(repair).labour_hours
    dialog = shown(qtbot, LogHoursDialog(window.context, repair, window))
    assert dialog.ok_button.text() == "Save" and dialog.ok_button.isDefault()
    dialog.hours.setValue(0)
    assert not dialog.ok_button.isEnabled() and "more than 0" in dialog.ok_button.toolTip()
    dialog.hours.setValue(1.5)
    dialog.note.setFocus()
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # Enter in the last field saves
    settle(qtbot, window)
    assert repairs.repair_cost(RepairOrder.get_by_id(repair.id)).labour_hours == before + Decimal("1.5")


def test_restore_defaults_to_cancel_and_asks_with_no_as_the_default(window, qtbot, monkeypatch):
    taken = backup.back_up(window.context.data_dir, "manual")
    asked = []

    def question(parent, title, text, buttons=None, default=None):
        asked.append((text, default))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    dialog = shown(qtbot, RestoreDialog(window.context, window))
    assert dialog.restore_button.text() == "Restore"
    assert dialog.cancel_button.isDefault() and not dialog.restore_button.isDefault()
    press_enter(qtbot, dialog)  # Enter cancels: no question, no restore
    assert not asked and dialog.chosen is None and not dialog.isVisible()
    dialog = shown(qtbot, RestoreDialog(window.context, window))
    dialog.table.clearSelection()
    assert not dialog.restore_button.isEnabled() and dialog.restore_button.toolTip()
    dialog.table.selectRow(0)
    if dialog.restore_button.isEnabled():
        dialog.restore_button.click()
        text, default = asked[-1]
        assert default == QMessageBox.StandardButton.No  # the confirmation defaults to No as well
        assert taken.name in text and "before-restore" in text and "20" in text  # the file, its date, the safety copy
        assert dialog.chosen is None


def test_post_count_dialog_defaults_to_cancel_and_is_named_for_what_it_does(window, qtbot):
    count = StockCount.create(number="PD-TEST", zones='["sellable"]')
    dialog = shown(qtbot, PostCountDialog(window.context, [], window, count=count))
    assert dialog.ok_button.text() == "Post adjustments"
    assert dialog.cancel_button.isDefault() and not dialog.ok_button.isDefault()
    assert not dialog.ok_button.isEnabled() and dialog.ok_button.toolTip()
    dialog.reason.setText("月度盘点")
    assert dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter in the reason: Cancel, not Post
    assert dialog.result() == PostCountDialog.DialogCode.Rejected
