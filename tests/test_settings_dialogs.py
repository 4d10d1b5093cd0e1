"""Settings → Shop details and Settings → Return policy through the real dialogs."""

import pytest
from PySide6.QtCore import Qt

from shop_aftersales.models import Category
from shop_aftersales.printing.label import label_size
from shop_aftersales.printing.slip import SLIP_TERMS, slip_pdf, standard_terms
from shop_aftersales.services import settings
from shop_aftersales.services.policy import rules_for, save_policy
from shop_aftersales.ui.context import AppContext
from shop_aftersales.ui.settings_dialogs import PolicyDialog, ShopDialog

from helpers import flat, pdf_text

pytestmark = pytest.mark.gui


@pytest.fixture
def context(demo_shop):
    ctx = AppContext(demo_shop)
    yield ctx
    ctx.ops.shutdown()


def test_shop_details_are_saved(qtbot, context):
    dialog = ShopDialog(context)
    qtbot.addWidget(dialog)
    dialog.name.setText("星河生活馆(西湖店)")
    dialog.label_w.setValue(60)
    with qtbot.waitSignal(context.changed):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert settings.get(settings.SHOP_NAME) == "星河生活馆(西湖店)"
    assert label_size() == (60.0, 30.0)
    assert settings.get(SLIP_TERMS) == ""  # the standard terms, left as they were, follow the slip's language


def test_the_shops_return_terms_go_on_the_slip(qtbot, context, tmp_path):
    from shop_aftersales.models import ReturnOrder

    dialog = ShopDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.terms.toPlainText() == standard_terms()
    dialog.terms.setPlainText("七天无理由退货，十五天质量问题换货。")
    with qtbot.waitSignal(context.changed):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    order = ReturnOrder.select().order_by(ReturnOrder.id.desc()).get()
    text = pdf_text(slip_pdf(order.id, tmp_path / "slip.pdf"))
    assert flat("七天无理由退货，十五天质量问题换货。") in text and flat(standard_terms()) not in text


def test_promises_and_messages_are_saved(qtbot, context):
    from shop_aftersales.models import AftersalesItem, ReturnOrder
    from shop_aftersales.services import queues, repairs
    from shop_aftersales.ui.promise_dialog import PromisesDialog

    dialog = PromisesDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.days["promise.refund_days"].value() == 3
    dialog.days["promise.refund_days"].setValue(1)
    dialog.repair_days[repairs.COMPLEX_DAYS].setValue(10)
    dialog.texts["message.ready"].setPlainText("{name}您好,{item}修好了,编号{code}。电话{shop_phone}")
    with qtbot.waitSignal(context.changed):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert queues.promise("promise.refund_days") == 1 and repairs.turnaround_days("complex") == 10
    assert settings.get("message.received") == ""  # untouched: stays the standard text, in the user's language
    item = AftersalesItem.select().join(ReturnOrder).where(ReturnOrder.customer.is_null(False)).first()
    text = queues.message_for(item, "message.ready")
    assert text.startswith(item.order.customer.name + "您好") and item.code in text


def test_a_category_gets_its_own_rules(qtbot, context):
    dialog = PolicyDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.list.item(0).text() == "Shop-wide default"
    assert dialog.return_days.value() == 7 and dialog.rule_boxes[("quality", "repair")].isChecked()
    chairs = Category.get(Category.name == "椅子")
    dialog.return_days.setValue(30)
    dialog.rule_boxes[("changed_mind", "exchange")].setChecked(False)
    with qtbot.waitSignal(context.changed):
        # what "Rules for a category…" does once the category is picked in its list
        context.ops.run(save_policy, chairs.id, dialog.current_rules(), on_success=lambda _r: dialog.reload(chairs.id))
    qtbot.waitUntil(lambda: dialog.list.count() == 2)
    assert dialog.list.currentItem().text() == "椅子"
    assert rules_for(chairs.id).return_days == 30 and not rules_for(chairs.id).allows("changed_mind", "exchange")
    assert rules_for(None).return_days == 7  # the default is untouched
    dialog.remove.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    assert rules_for(chairs.id).return_days == 7


def test_the_default_rules_are_edited_in_place(qtbot, context):
    dialog = PolicyDialog(context)
    qtbot.addWidget(dialog)
    dialog.fee.setValue(10)
    dialog.refund_opened.setChecked(False)
    with qtbot.waitSignal(context.changed):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert rules_for(None).restocking_fee_pct == 10 and not rules_for(None).refund_opened


def test_resale_rules_per_category(qtbot, context):
    from shop_aftersales.services import resale
    from shop_aftersales.ui.settings_dialogs import ResaleRulesDialog

    dialog = ResaleRulesDialog(context)
    qtbot.addWidget(dialog)
    chairs = Category.get(Category.name == "椅子")
    dialog.list.setCurrentRow(dialog.categories.index(chairs.id))
    dialog.checklist.setPlainText("椅腿牢固\n无晃动\n\n气压棒正常")
    dialog.shares["A"].setValue(80)
    dialog.meanings["C"].setText("外观有明显磨损")
    dialog.markdown_days.setValue(21)
    with qtbot.waitSignal(context.changed):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert resale.checklist_for(chairs.id) == ["椅腿牢固", "无晃动", "气压棒正常"]
    assert resale.pricing_for(chairs.id).grade_a == 80
    assert resale.checklist_for(None) == ["外观完好", "功能正常", "配件齐全", "已清洁"]  # the default is untouched
    assert resale.grade_meaning("C") == "外观有明显磨损" and resale.markdown_days() == 21


def test_a_clerk_cannot_widen_the_policy_on_screen_without_the_owners_pin(qtbot, context, monkeypatch, tmp_path):
    """Issue 16: a clerk widened the policy, then an out-of-policy refund was saved as "allowed"."""
    from shop_aftersales.models import Staff
    from shop_aftersales.models.documents import SettingChange
    from shop_aftersales.services.staff import save_staff
    from shop_aftersales.ui.settings_log_dialog import SettingChangesDialog

    owner = Staff.get(Staff.role == "owner")
    clerk = Staff.get(Staff.name == "李娜")
    save_staff(owner.id, owner.name, "owner", True, "2468", None)  # from now on the policy is the owner's
    context.set_staff(clerk.id)
    dialog = PolicyDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.approver.isVisibleTo(dialog) and dialog.approver.pin.isVisibleTo(dialog)
    shown = []
    monkeypatch.setattr("shop_aftersales.ui.settings_dialogs.show_error", lambda parent, e: shown.append(str(e)))
    dialog.return_days.setValue(90)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: bool(shown))
    assert "Wrong PIN for" in shown[0] and rules_for(None).return_days == 7
    assert dialog.return_days.value() == 90  # the input is kept
    dialog.approver.pin.setText("2468")
    with qtbot.waitSignal(context.changed):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert rules_for(None).return_days == 90
    change = SettingChange.select().where(SettingChange.area == "policy").get()
    assert (change.staff_id, change.approved_by_id) == (clerk.id, owner.id)

    changes = SettingChangesDialog(context, dialog, "policy")
    qtbot.addWidget(changes)
    changes.resize(1000, 300)
    cells = [changes.table.item(0, c).text() for c in range(7)]
    assert cells[1:5] == ["李娜", owner.name, "Return policy", "Shop-wide default"]
    assert cells[5] == "Refund within (days): 7" and cells[6] == "Refund within (days): 90"
    changes.grab().save(str(tmp_path / "setting-changes.png"))
    dialog.grab().save(str(tmp_path / "policy.png"))
    print(tmp_path)


def test_a_clerk_changes_the_shop_name_but_not_the_backup_folder(qtbot, context, monkeypatch, tmp_path):
    from shop_aftersales.models import Staff
    from shop_aftersales.services.backup import SECOND_FOLDER
    from shop_aftersales.services.staff import save_staff

    owner = Staff.get(Staff.role == "owner")
    save_staff(owner.id, owner.name, "owner", True, "2468", None)
    context.set_staff(Staff.get(Staff.name == "李娜").id)
    dialog = ShopDialog(context)
    qtbot.addWidget(dialog)
    dialog.name.setText("星河生活馆(西湖店)")  # the shop's details: open to staff, no PIN asked
    with qtbot.waitSignal(context.changed):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert settings.get(settings.SHOP_NAME) == "星河生活馆(西湖店)"
    dialog = ShopDialog(context)
    qtbot.addWidget(dialog)
    shown = []
    monkeypatch.setattr("shop_aftersales.ui.settings_dialogs.show_error", lambda parent, e: shown.append(str(e)))
    dialog.second_folder.setText(str(tmp_path / "usb"))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: bool(shown))
    assert settings.get(SECOND_FOLDER) == "" and "Wrong PIN" in shown[0]
    dialog.approver.pin.setText("2468")
    with qtbot.waitSignal(context.changed):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert settings.get(SECOND_FOLDER) == str(tmp_path / "usb")
    dialog.grab().save(str(tmp_path / "shop.png"))
