"""Reversing a refund given by mistake (issue 17, part 2): the owner approves, a reason is required, a reversal
(冲销, CX…) is written once beside the refund, the unit is the customer's again and its return open; money is net
of reversals on the ID card, the Reports tab and the workbook; `check` proves the new invariants; the dialog
defaults to Cancel. On real copies of the demo shop."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from helpers import TEST_NOW, raw_sql, settle
from shop_aftersales.errors import DomainError
from shop_aftersales.models import AftersalesItem, DocumentSequence, ItemEvent, Refund, RefundReversal, Staff
from shop_aftersales.models.aftersales import (CUSTOMER, EVENT_REFUND_REVERSED, SHOP, TERMINAL, allowed_for,
                                               owner_of)
from shop_aftersales.reports import analytics
from shop_aftersales.reports.accounting import export_workbook
from shop_aftersales.services import cards, items as item_steps, resolutions
from shop_aftersales.services import staff as staff_steps
from shop_aftersales.services.checks import run_checks
from shop_aftersales.services.staff import Approval

JUNE = analytics.Period(dt.date(2026, 6, 1), dt.date(2026, 6, 30))


def findings() -> list[str]:
    return [str(f) for f in run_checks()]


def owner() -> Staff:
    return Staff.get(Staff.role == "owner")


def clerk() -> Staff:
    return Staff.get(Staff.role == "sales")


def refundable(status: str = "received") -> AftersalesItem:
    """A shop unit whose return waits for its refund, in *status*."""
    return (AftersalesItem.select().where((AftersalesItem.resolution_state == "pending") & ~AftersalesItem.customer_owned
                                          & (AftersalesItem.status == status))
            .order_by(AftersalesItem.id).first())


def refunded(amount: Decimal | None = None, status: str = "received") -> tuple[AftersalesItem, Refund]:
    item = refundable(status)
    amount = resolutions.refundable_amount(item) if amount is None else amount
    number = resolutions.refund(item.id, amount, "wechat", staff=clerk()).reference
    return AftersalesItem.get_by_id(item.id), Refund.get(Refund.number == number)


def snapshot(item_id: int) -> tuple:
    """Everything a refused reversal must leave as it was."""
    item = AftersalesItem.get_by_id(item_id)
    return (RefundReversal.select().count(), ItemEvent.select().count(), item.resolution_state, item.status,
            [(d.doc_type, d.next_value) for d in DocumentSequence.select().order_by(DocumentSequence.doc_type)])


@pytest.fixture
def shop(demo_shop):
    assert run_checks() == []
    return demo_shop


# ------------------------------------------------------------------ the step


def test_a_refund_reversed_opens_the_return_again_and_the_right_refund_follows(shop, tmp_path):
    """The whole path on a real shop file: refund (wrong amount) → reverse → the unit is the customer's and pending
    → refund again with the right amount → `check` is sound; the figures before and after."""
    item = refundable()
    right = resolutions.refundable_amount(item)
    wrong = right - Decimal("10.00")
    before = analytics.cost_of_aftersales(JUNE).refunds
    card_before = cards.costs(item).refunds

    item, refund = refunded(wrong)
    assert analytics.cost_of_aftersales(JUNE).refunds == before + wrong
    assert owner_of(item.customer_owned, item.resolution_state) == SHOP
    assert "returned_to_customer" not in {t.target for t in allowed_for(item)}  # the shop's now

    changes = resolutions.reverse_refund(refund.id, "金额输错了", Approval(owner()), staff=clerk())
    reversal = RefundReversal.get(RefundReversal.refund == refund.id)
    assert changes.reference == reversal.number and reversal.number.startswith(f"CX{TEST_NOW.year}-")
    assert reversal.amount == wrong and reversal.reason == "金额输错了"
    assert reversal.staff_id == clerk().id and reversal.approved_by_id == owner().id
    item = AftersalesItem.get_by_id(item.id)
    assert item.resolution_state == "pending" and item.status == "received"
    assert owner_of(item.customer_owned, item.resolution_state) == CUSTOMER
    assert "returned_to_customer" in {t.target for t in allowed_for(item)}  # the customer's again
    event = ItemEvent.select().where(ItemEvent.item == item.id).order_by(ItemEvent.id.desc()).first()
    assert event.code == EVENT_REFUND_REVERSED and event.note == "金额输错了"
    assert json.loads(event.data) == {"number": refund.number, "amount": f"{wrong:.2f}", "reference": reversal.number,
                                      "approved_by": owner().name}
    shown = cards.history(item.id)[-1][2]
    assert "Refund reversed" in shown and refund.number in shown and f"¥{wrong:,.2f}" in shown
    assert resolutions.standing_refund(item.id) is None
    assert run_checks() == []  # the history's chain included
    # net of the reversal: as before the refund, on the ID card and the Reports tab
    assert cards.costs(item).refunds == card_before
    assert analytics.cost_of_aftersales(JUNE).refunds == before

    again = resolutions.refund(item.id, right, "cash", staff=clerk()).reference
    assert Refund.get(Refund.number == again).amount == right
    assert resolutions.standing_refund(item.id).number == again
    assert AftersalesItem.get_by_id(item.id).resolution_state == "done"
    assert cards.costs(item).refunds == card_before + right
    assert analytics.cost_of_aftersales(JUNE).refunds == before + right
    assert run_checks() == []

    # the workbook: the reversal is a negative line of its own, each line naming the other; the total is net
    path = export_workbook(tmp_path / "june.xlsx", JUNE, shop_name="演示店")
    sheet = load_workbook(path)["Refunds"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = rows[0]
    assert header[-1] == "Reversal"
    by_number = {row[0]: dict(zip(header, row)) for row in rows[1:] if row[0]}
    assert Decimal(str(by_number[refund.number]["Amount"])) == wrong
    assert by_number[refund.number]["Reversal"] == f"Reversed by {reversal.number} on {TEST_NOW.date()}"
    line = by_number[reversal.number]
    assert Decimal(str(line["Amount"])) == -wrong and line["Item code"] == item.code
    assert line["Reversal"] == f"Reverses refund {refund.number} of {TEST_NOW.date()}: 金额输错了"
    assert line["Approved by"] == owner().name and line["Paid back by"] == "WeChat Pay"
    assert Decimal(str(by_number[again]["Amount"])) == right and by_number[again]["Reversal"] in ("", None)
    amounts = [Decimal(str(r[4])) for r in rows[1:] if r[0] and r[0] != "Total" and isinstance(r[4], (int, float))]
    assert sum(amounts) == analytics.cost_of_aftersales(JUNE).refunds


def test_the_workbook_recalculated_in_libreoffice_is_net_of_reversals(shop, tmp_path):
    from office import available, recalculate

    if not available():
        pytest.skip("LibreOffice is not installed")
    item, refund = refunded(Decimal("50.00"))
    resolutions.reverse_refund(refund.id, "顾客改主意，没拿钱", Approval(owner()), staff=clerk())
    book = recalculate(export_workbook(tmp_path / "june.xlsx", JUNE, shop_name="演示店"))
    assert all(not errors for errors in book.errors.values()), book.errors
    summary = {k: v for k, v in book.labelled("Summary").items() if isinstance(v, float)}
    cost = analytics.cost_of_aftersales(JUNE)
    assert abs(summary["Refunds"] - float(cost.refunds)) < 0.005
    assert abs(summary["Net cost"] - float(cost.net)) < 0.005
    assert -50.0 in book.column("Refunds", "Amount")


@pytest.mark.parametrize("status", ["qc", "repairable"])
def test_a_unit_still_in_the_workshop_or_the_check_is_the_customers_again(shop, status):
    """Refunded, then inspected on into the workshop or to the quality check: still in the shop, so the unit is
    the customer's again (and waits there for the return to be settled anew)."""
    item, refund = refunded()
    item_steps.inspect(item.id, "检查过", status, owner())
    resolutions.reverse_refund(refund.id, "退错了单", Approval(owner()), staff=owner())
    item = AftersalesItem.get_by_id(item.id)
    assert item.status == status and item.resolution_state == "pending"
    assert run_checks() == []


def test_refusals_name_the_refund_and_change_nothing(shop):
    item, refund = refunded(Decimal("20.00"))
    named = (refund.number, "¥20.00", f"({TEST_NOW.date()})")
    state = snapshot(item.id)

    def refused(match: str, *args, **kwargs) -> str:
        with pytest.raises(DomainError, match=match) as error:
            resolutions.reverse_refund(*args, **kwargs)
        assert snapshot(item.id) == state
        return str(error.value)

    assert refused("There is no refund #999999", 999999, "x", Approval(owner()), staff=clerk())
    for reason in ("", "   "):  # no reason
        text = refused("Give the reason", refund.id, reason, Approval(owner()), staff=clerk())
        assert all(part in text for part in named), text
    for approval in (None, Approval(clerk()), Approval(None)):  # no owner
        text = refused("must be approved by the owner", refund.id, "写错金额", approval, staff=clerk())
        assert all(part in text for part in named), text
    staff_steps.save_staff(owner().id, owner().name, "owner", True, "246813", None)
    refused("Wrong PIN", refund.id, "写错金额", Approval(owner(), "135790"), staff=clerk())
    refused("Choose who you are first", refund.id, "写错金额", Approval(owner(), "246813"), staff=None)

    resolutions.reverse_refund(refund.id, "写错金额", Approval(owner(), "246813"), staff=clerk())
    reversal = RefundReversal.get(RefundReversal.refund == refund.id)
    state = snapshot(item.id)
    text = refused("already reversed", refund.id, "再来一次", Approval(owner(), "246813"), staff=clerk())
    assert all(part in text for part in named) and reversal.number in text, text


@pytest.mark.parametrize("gone", ["scrapped", "sellable"])
def test_a_unit_that_left_after_the_refund_is_not_the_customers_again(shop, gone):
    """Scrapped, or back in sellable stock (to be sold on) after the refund: the refund cannot be reversed."""
    item, refund = refunded(Decimal("30.00"))
    if gone == "scrapped":
        resolutions.scrap(item.id, "无法修复", approved_by=owner(), staff=owner())
        status = "Scrapped"
    else:
        item_steps.inspect(item.id, "无故障", "sellable", owner())
        status = "Back in sellable stock"
    assert AftersalesItem.get_by_id(item.id).status in TERMINAL
    state = snapshot(item.id)
    with pytest.raises(DomainError) as error:
        resolutions.reverse_refund(refund.id, "退错了", Approval(owner()), staff=owner())
    text = str(error.value)
    assert refund.number in text and "¥30.00" in text and item.code in text and f"“{status}”" in text, text
    assert snapshot(item.id) == state


def test_a_reversal_is_written_once(shop):
    item, refund = refunded()
    resolutions.reverse_refund(refund.id, "录错了", Approval(owner()), staff=owner())
    with pytest.raises(Exception, match="append-only"):
        RefundReversal.update(reason="改过").execute()
    with pytest.raises(Exception, match="append-only"):
        RefundReversal.delete().execute()
    with pytest.raises(Exception, match="UNIQUE|unique constraint"):  # a refund is reversed at most once, in the database too
        raw_sql("INSERT INTO refund_reversal (number, refund_id, amount, reason, created_at) "
                       "VALUES ('CX-TWICE', ?, ?, 'x', '2026-06-17')", (refund.id, int(refund.amount * 100)))
    other_item, other = refunded(Decimal("10.00"))
    with pytest.raises(Exception, match="whole amount"):
        raw_sql("INSERT INTO refund_reversal (number, refund_id, amount, reason, created_at) "
                       "VALUES ('CX-PART', ?, 500, 'x', '2026-06-17')", (other.id,))
    assert run_checks() == []


# ------------------------------------------------------------------ `check`, each invariant broken by hand


def test_check_sees_a_reversal_that_is_not_its_refunds_amount(shop):
    item, refund = refunded()
    number = resolutions.reverse_refund(refund.id, "录错了", Approval(owner()), staff=owner()).reference
    raw_sql("DROP TRIGGER refund_reversal_no_update")
    raw_sql("UPDATE refund_reversal SET amount = amount - 100 WHERE number = ?", (number,))
    found = findings()
    assert (f"Reversal {number} is for ¥{refund.amount - 1:,.2f}, but the refund it reverses, {refund.number}, was "
            f"¥{refund.amount:,.2f}.") in found
    assert f"Refund reversal {number} does not agree with the items' history: it was changed behind the app's back." \
        in found
    assert "The safeguard refund_reversal_no_update is missing: what it protects could be changed without a " \
           "trace." in found


def test_check_sees_an_item_still_settled_by_its_reversed_refund(shop):
    item, refund = refunded()
    number = resolutions.reverse_refund(refund.id, "录错了", Approval(owner()), staff=owner()).reference
    # nothing guards the item's state: put back as if the refund still settled it
    raw_sql("UPDATE aftersales_item SET resolution_state = 'done' WHERE id = ?", (item.id,))
    assert (f"Item {item.code} says it is settled, but its refund {refund.number} ({number}) was reversed and "
            "nothing else settles it.") in findings()


def test_check_sees_refunds_net_of_reversals_above_what_was_paid(shop):
    item = refundable()
    paid = item.unit_price * item.quantity
    first = resolutions.refund(item.id, resolutions.refundable_amount(item), "cash", staff=clerk()).reference
    reversal = resolutions.reverse_refund(Refund.get(Refund.number == first).id, "录错了", Approval(owner()),
                                          staff=clerk()).reference
    resolutions.refund(item.id, resolutions.refundable_amount(item), "cash", staff=clerk())
    assert run_checks() == []
    # the reversal deleted: the customer got the money twice, and no owner said so
    raw_sql("DROP TRIGGER refund_reversal_no_delete")
    raw_sql("DELETE FROM refund_reversal WHERE number = ?", (reversal,))
    net = 2 * resolutions.refundable_amount(item)
    assert net > paid
    found = findings()
    assert (f"Item {item.code} was refunded ¥{net:,.2f} net of reversals, more than the ¥{paid:,.2f} the customer "
            "paid, and no owner approved it.") in found
    assert (f"The items' history has refund reversal {reversal}, but the reversal is not in the database: it was "
            "deleted behind the app's back.") in found


def test_check_sees_a_reversal_no_owner_approved(shop):
    item, refund = refunded()
    number = resolutions.reverse_refund(refund.id, "录错了", Approval(owner()), staff=owner()).reference
    raw_sql("DROP TRIGGER refund_reversal_no_update")
    raw_sql("UPDATE refund_reversal SET approved_by_id = ? WHERE number = ?", (clerk().id, number))
    assert f"Reversal {number} of refund {refund.number} names no owner who approved it." in findings()


# ------------------------------------------------------------------ the dialog


@pytest.mark.gui
def test_the_dialog_names_the_refund_defaults_to_cancel_and_reverses_only_when_filled(window, qtbot, monkeypatch,
                                                                                       tmp_path):
    from PySide6.QtWidgets import QLabel

    from shop_aftersales.ui.actions import ReverseRefundDialog

    shown: list[str] = []
    monkeypatch.setattr("shop_aftersales.ui.actions.show_error", lambda parent, error: shown.append(str(error)))

    item, refund = refunded(Decimal("88.00"))
    staff_steps.save_staff(owner().id, owner().name, "owner", True, "246813", None)
    window.context.set_staff(clerk().id)
    dialog = ReverseRefundDialog(window.context, refund, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert refund.number in text and "¥88.00" in text and str(TEST_NOW.date()) in text and "WeChat Pay" in text
    assert refund.number in dialog.windowTitle()
    assert dialog.ok_button.text() == "Reverse the refund"
    assert dialog.cancel_button.isDefault() and not dialog.ok_button.isDefault() and not dialog.ok_button.autoDefault()
    assert not dialog.ok_button.isEnabled() and "Give the reason" in dialog.ok_button.toolTip()
    assert refund.number in dialog.ok_button.toolTip()
    dialog.reason.setPlainText("顾客改主意，钱还没拿")
    dialog.approver.owner.setCurrentIndex(dialog.approver.owner.findData(owner().id))
    assert not dialog.ok_button.isEnabled() and "PIN" in dialog.ok_button.toolTip()
    dialog.approver.pin.setText("246813")
    assert dialog.ok_button.isEnabled() and dialog.ok_button.toolTip() == ""

    qtbot.keyClick(dialog.approver.pin, Qt.Key.Key_Return)  # Enter, even filled in: Cancel, nothing reversed
    settle(qtbot, window)
    assert not dialog.isVisible()
    assert not RefundReversal.select().where(RefundReversal.refund == refund.id).exists()

    dialog = ReverseRefundDialog(window.context, refund.id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reason.setPlainText("顾客改主意，钱还没拿")
    dialog.approver.owner.setCurrentIndex(dialog.approver.owner.findData(owner().id))
    dialog.approver.pin.setText("000000")  # a wrong PIN: refused, the dialog stays open with what was typed
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert shown and "Wrong PIN" in shown[-1]
    assert dialog.isVisible() and dialog.reason.toPlainText() == "顾客改主意，钱还没拿"
    dialog.approver.pin.setText("246813")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    reversal = RefundReversal.get(RefundReversal.refund == refund.id)
    assert dialog.result_value.reference == reversal.number and not dialog.isVisible()
    assert AftersalesItem.get_by_id(item.id).resolution_state == "pending"
    del tmp_path

    again = ReverseRefundDialog(window.context, refund, window)  # reversed: the dialog says so, disabled
    qtbot.addWidget(again)
    again.show()
    assert not again.ok_button.isEnabled() and reversal.number in again.ok_button.toolTip()
    assert run_checks() == []


@pytest.mark.gui
def test_the_dialog_says_why_when_the_unit_has_left(window, qtbot):
    from shop_aftersales.ui.actions import ReverseRefundDialog

    item, refund = refunded(Decimal("30.00"))
    resolutions.scrap(item.id, "无法修复", approved_by=owner(), staff=owner())
    dialog = ReverseRefundDialog(window.context, refund, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reason.setPlainText("退错了")
    assert not dialog.ok_button.isEnabled()
    assert refund.number in dialog.ok_button.toolTip() and "“Scrapped”" in dialog.ok_button.toolTip()


@pytest.mark.gui
def test_the_reports_tab_shows_refunds_net_of_reversals(window, qtbot):
    """The Reports tab's Cost page, before the refund, after it, after its reversal and after the right refund."""
    from PySide6.QtCore import QDate

    tab = window.reports_tab
    window.tabs.setCurrentWidget(tab)
    tab.preset.setCurrentIndex(tab.preset.findData("custom"))
    tab.start.setDate(QDate(2026, 6, 1))
    tab.end.setDate(QDate(2026, 6, 30))
    tab.pages.setCurrentWidget(tab.cost)

    def shown() -> tuple[object, object]:
        tab.refresh()
        rows = {row[0]: row[1] for row in tab.cost.model.rows}
        return rows["Refunds"], rows["Net cost"]

    before = shown()
    item = refundable()
    wrong = resolutions.refundable_amount(item) - Decimal("100.00")
    number = resolutions.refund(item.id, wrong, "cash", staff=clerk()).reference
    refunded_once = shown()
    assert refunded_once != before
    resolutions.reverse_refund(Refund.get(Refund.number == number).id, "金额输错了", Approval(owner()), staff=clerk())
    assert shown() == before
    resolutions.refund(item.id, wrong + Decimal("100.00"), "cash", staff=clerk())
    after = shown()
    assert after not in (before, refunded_once)
    refunds = analytics.cost_of_aftersales(JUNE).refunds  # the figure shown is the analysis's, net of reversals
    assert after[0] == refunds or f"{refunds:,.2f}" in str(after[0])


def test_a_reversed_refund_is_not_a_settlement_nor_a_message_to_send(shop):
    """Reversed, the refund was not paid: the sales queue does not ask to tell the customer it was, and the
    processing times do not count the unit as settled on the day of the mistake."""
    import datetime as dt

    from shop_aftersales import clock
    from shop_aftersales.reports import analytics
    from shop_aftersales.services import queues
    from shop_aftersales.services.staff import Approval

    item, refund = refunded(Decimal("1.00"))
    told = [e for e in queues.queues()["sales"] if e.item_id == item.id and e.message == "message.refunded"]
    assert told  # before the reversal: tell the customer the refund was paid
    resolutions.reverse_refund(refund.id, "金额输错", Approval(owner()), owner())
    assert not [e for e in queues.queues()["sales"] if e.item_id == item.id and e.message == "message.refunded"]
    day = item.created_at.date()
    period = analytics.Period(day, day)
    settled_before = analytics.processing_times(period).settled
    with clock.frozen(clock.now() + dt.timedelta(days=3)):
        resolutions.refund(item.id, resolutions.refundable_amount(item), "wechat", staff=clerk())
    assert analytics.processing_times(period).settled == settled_before + 1  # settled once: by the refund that stands
    assert findings() == []
