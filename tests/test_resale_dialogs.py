"""Issue 17, part 4, through the real dialogs on the demo shop: the quality check marks each line pass or fail (or
all pass in one click) and the lines decide the outcome; what does not matter is disabled; the likely next step is
the default button and a button that cannot succeed is disabled, saying why — in the check, the sale and a price
change; the rounding of the suggested price round-trips through Settings → Resale rules."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from shop_aftersales.models import AftersalesItem, ItemEvent, QualityCheck, ResaleListing
from shop_aftersales.models.aftersales import EVENT_QC
from shop_aftersales.services import resale
from shop_aftersales.services.checks import run_checks
from shop_aftersales.ui.context import AppContext
from shop_aftersales.ui.resale_dialogs import FAIL_COLUMN, PASS_COLUMN, QualityCheckDialog, RepriceDialog, SellDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def context(demo_shop):
    ctx = AppContext(demo_shop)
    yield ctx
    ctx.ops.shutdown()


def waiting() -> AftersalesItem:
    return AftersalesItem.select().where(AftersalesItem.status == "qc").order_by(AftersalesItem.id).first()


def open_check(qtbot, context) -> QualityCheckDialog:
    dialog = QualityCheckDialog(context, waiting().id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def submit(qtbot, dialog) -> None:
    with qtbot.waitSignal(dialog.context.changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)


def test_all_pass_in_one_click_then_onto_the_shelf(qtbot, context):
    dialog = open_check(qtbot, context)
    rows = dialog.table.rowCount()
    assert rows >= 3
    assert not dialog.ok.isEnabled() and dialog.all_pass.isDefault()
    assert dialog.ok.toolTip() == f"Mark every check pass or fail first ({rows} of {rows} left)."
    qtbot.mouseClick(dialog.all_pass, Qt.MouseButton.LeftButton)
    assert all(dialog.decision(r) is True for r in range(rows)) and dialog.undecided() == 0
    assert dialog.ok.isEnabled() and dialog.ok.isDefault() and not dialog.all_pass.isDefault()
    assert dialog.ok.text() == "Put on the shelf" and dialog.ok.toolTip() == ""
    # all passed: the back-to-repair fields do not matter, the shelf's do
    assert not dialog.fail_box.isEnabled() and not dialog.fail_notes.isEnabled()
    assert dialog.shelf_box.isEnabled() and all(f.isEnabled() for f in dialog.shelf_fields[:-1])
    assert not dialog.approver.isEnabled()  # no approval asked above the floor
    # a button that cannot succeed says why
    dialog.price.setValue(0)
    assert not dialog.ok.isEnabled() and "Enter the price" in dialog.ok.toolTip()
    dialog.price.setValue(1)
    assert not dialog.ok.isEnabled() and "below the floor" in dialog.ok.toolTip() and dialog.approver.isEnabled()
    dialog.approver.owner.setCurrentIndex(1)  # the owner approves the low price
    assert dialog.ok.isEnabled()
    dialog.approver.owner.setCurrentIndex(0)
    dialog.disclosure.setPlainText(" ")
    assert not dialog.ok.isEnabled() and "buyer is told" in dialog.ok.toolTip()
    dialog.disclosure.setPlainText("")
    dialog.grade.setCurrentIndex(0)  # another grade: its price suggested, the emptied disclosure written again
    assert dialog.ok.isEnabled() and dialog.disclosure.toPlainText()
    # back to sellable stock: grade, price, channel and disclosure do not matter
    dialog.to_sellable.setChecked(True)
    assert dialog.ok.text() == "Back to sellable stock" and dialog.ok.isEnabled()
    assert not any(f.isEnabled() for f in dialog.shelf_fields) and dialog.flaws.isEnabled()
    dialog.to_shelf.setChecked(True)
    item_id, price = dialog.item.id, dialog.price.value()
    submit(qtbot, dialog)
    listing = ResaleListing.get(ResaleListing.item == item_id)
    assert float(listing.price) == price and AftersalesItem.get_by_id(item_id).status == "resale"


def test_fail_per_line_names_the_failed_checks_and_sends_it_back_to_repair(qtbot, context):
    dialog = open_check(qtbot, context)
    item_id, rows = dialog.item.id, dialog.table.rowCount()
    checks = [dialog.table.item(r, 0).text() for r in range(rows)]
    dialog.table.item(0, FAIL_COLUMN).setCheckState(Qt.CheckState.Checked)  # the user ticks Fail on line 1
    assert dialog.decision(0) is False
    # a line fails: the outcome is the fail path, the shelf fields are off, there is no other place to say so
    assert dialog.ok.text() == "Send back to repair" and not dialog.shelf_box.isEnabled()
    assert dialog.fail_box.isEnabled() and dialog.fail_notes.isEnabled() and dialog.ok.isDefault()
    assert not dialog.ok.isEnabled() and f"({rows - 1} of {rows} left)" in dialog.ok.toolTip()
    assert not dialog.all_pass.isDefault()
    dialog.table.item(0, PASS_COLUMN).setCheckState(Qt.CheckState.Checked)  # changed its mind: Pass clears Fail
    assert dialog.decision(0) is True and dialog.shelf_box.isEnabled() and not dialog.fail_box.isEnabled()
    qtbot.mouseClick(dialog.all_pass, Qt.MouseButton.LeftButton)
    dialog.mark(1, False)
    dialog.mark(2, False)
    dialog.table.item(1, 3).setText("仍然闪屏")
    assert dialog.ok.isEnabled() and dialog.ok.text() == "Send back to repair"
    assert dialog.failed_label.text() == f"Failed: {checks[1]} (仍然闪屏), {checks[2]}."
    assert not dialog.scrap_approver.isEnabled()
    dialog.to_scrap.setChecked(True)
    assert dialog.scrap_approver.isEnabled() and dialog.ok.text() == "Scrap"
    dialog.to_repair.setChecked(True)
    submit(qtbot, dialog)  # no second note needed: the failed lines say what failed
    item = AftersalesItem.get_by_id(item_id)
    assert item.status == "repairable"
    check = QualityCheck.select().where(QualityCheck.item == item_id).order_by(QualityCheck.id.desc()).get()
    assert not check.passed and check.notes == f"Failed: {checks[1]} (仍然闪屏), {checks[2]}."
    event = ItemEvent.select().where((ItemEvent.item == item_id) & (ItemEvent.code == EVENT_QC)).order_by(
        ItemEvent.id.desc()).get()
    assert event.note == check.notes
    assert run_checks() == []


def test_the_sale_and_a_price_change_default_to_their_step_and_say_why_not(qtbot, context):
    listing = ResaleListing.select().where(ResaleListing.active).order_by(ResaleListing.id).first()
    sell = SellDialog(context, listing.item_id)
    qtbot.addWidget(sell)
    assert sell.ok.isDefault() and not sell.ok.isEnabled() and "told the customer" in sell.ok.toolTip()
    sell.told.setChecked(True)
    assert sell.ok.isEnabled() and sell.ok.toolTip() == ""
    sell.price.setValue(0)
    assert not sell.ok.isEnabled() and "Enter the price" in sell.ok.toolTip()

    reprice = RepriceDialog(context, listing.item_id)
    qtbot.addWidget(reprice)
    assert reprice.ok.isDefault() and reprice.ok.text() == "Change the price"
    reprice.price.setValue(float(listing.price))
    assert not reprice.ok.isEnabled() and reprice.ok.toolTip() == "That is the price now."
    assert not reprice.approver.isEnabled()  # above the floor no approval is asked
    reprice.price.setValue(float(listing.floor) - 1)
    assert not reprice.ok.isEnabled() and "below the floor" in reprice.ok.toolTip()
    assert reprice.approver.isEnabled()
    reprice.approver.owner.setCurrentIndex(1)
    assert reprice.ok.isEnabled()
    reprice.price.setValue(float(listing.floor) + 1)
    with qtbot.waitSignal(context.changed, timeout=10_000):
        qtbot.mouseClick(reprice.ok, Qt.MouseButton.LeftButton)
    assert ResaleListing.get_by_id(listing.id).price == listing.floor + 1


def test_the_rounding_round_trips_through_the_resale_rules(qtbot, context):
    from shop_aftersales.ui.settings_dialogs import ResaleRulesDialog

    item = waiting()
    category_id = item.product.category_id
    dialog = ResaleRulesDialog(context)
    qtbot.addWidget(dialog)
    assert [dialog.rounding.itemData(i) for i in range(dialog.rounding.count())] == ["fen", "jiao", "yuan", "nine"]
    dialog.list.setCurrentRow(dialog.categories.index(category_id))
    assert dialog.rounding.currentData() == "fen"  # the default
    dialog.rounding.setCurrentIndex(dialog.rounding.findData("nine"))
    with qtbot.waitSignal(context.changed, timeout=10_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert resale.pricing_for(category_id).rounding == "nine"
    assert resale.pricing_for(None).rounding == "fen"  # the other rules keep theirs
    dialog.list.setCurrentRow(0)
    assert dialog.rounding.currentData() == "fen"
    dialog.list.setCurrentRow(dialog.categories.index(category_id))
    assert dialog.rounding.currentData() == "nine"
    again = ResaleRulesDialog(context)
    qtbot.addWidget(again)
    again.list.setCurrentRow(again.categories.index(category_id))
    assert again.rounding.currentData() == "nine"
    check = open_check(qtbot, context)  # the check suggests a price ending in 9
    suggested = resale.price_advice(item, check.grade.currentData()).suggested
    assert Decimal(str(check.price.value())).quantize(Decimal("0.01")) == suggested
    assert f"{suggested:.2f}".rstrip("0").rstrip(".").endswith("9")


def test_enter_twice_passes_every_check_and_puts_it_on_the_shelf(qtbot, context):
    dialog = open_check(qtbot, context)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the default: All pass
    assert dialog.undecided() == 0 and dialog.ok.isDefault() and dialog.isVisible()
    with qtbot.waitSignal(context.changed, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the default now: Put on the shelf
    assert AftersalesItem.get_by_id(dialog.item.id).status == "resale"
