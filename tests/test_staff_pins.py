"""Staff accounts and PINs: stored only as salted slow hashes, checked for owner-only steps and sign-in."""

from decimal import Decimal

import pytest

from shop_aftersales.errors import DomainError
from shop_aftersales.models import Staff, db
from shop_aftersales.services import staff as staff_steps
from shop_aftersales.services.staff import Approval


@pytest.fixture
def people(shop):
    owner = Staff.create(name="店长", role="owner")
    clerk = Staff.create(name="店员", role="sales")
    return owner, clerk


def test_pins_are_never_stored_in_clear_text(people, tmp_path):
    owner, clerk = people
    staff_steps.save_staff(owner.id, "店长", "owner", True, "246813", None)  # the first PIN: no approval yet
    staff_steps.save_staff(clerk.id, "店员", "sales", True, "1357", Approval(Staff.get_by_id(owner.id), "246813"))
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = (shop_path := db.database) and open(shop_path, "rb").read()
    assert b"246813" not in raw and b"1357" not in raw
    stored = Staff.get_by_id(owner.id).pin_hash
    assert stored.startswith("scrypt$") and staff_steps.pin_matches(stored, "246813")
    assert not staff_steps.pin_matches(stored, "246812")
    # the same PIN twice gives two different hashes (salted)
    assert staff_steps.hash_pin("246813") != staff_steps.hash_pin("246813")


def test_owner_only_steps_need_the_owners_pin(people):
    owner, clerk = people
    staff_steps.save_staff(owner.id, "店长", "owner", True, "246813", None)
    owner = Staff.get_by_id(owner.id)
    with pytest.raises(DomainError, match="Wrong PIN for 店长"):
        staff_steps.require_owner(Approval(owner, "000000"))
    with pytest.raises(DomainError, match="owner's approval"):
        staff_steps.require_owner(Approval(clerk, ""))
    assert staff_steps.require_owner(Approval(owner, "246813")) == owner
    with pytest.raises(DomainError, match="Wrong PIN"):
        staff_steps.save_staff(None, "新人", "sales", True, "", Approval(owner, "1"))
    with pytest.raises(DomainError, match="4 to 8 digits"):
        staff_steps.save_staff(None, "新人", "sales", True, "12ab", Approval(owner, "246813"))
    with pytest.raises(DomainError, match="at least one active owner"):
        staff_steps.save_staff(owner.id, "店长", "sales", True, "", Approval(owner, "246813"))
    assert Staff.get_by_id(owner.id).role == "owner"  # nothing was written


def test_a_refund_above_the_price_needs_the_pin(people, tmp_path):
    import datetime as dt

    from shop_aftersales import clock
    from shop_aftersales.models import Product
    from shop_aftersales.services import resolutions
    from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

    owner, clerk = people
    staff_steps.save_staff(owner.id, "店长", "owner", True, "246813", None)
    owner = Staff.get_by_id(owner.id)
    product = Product.create(sku="X", name="X", list_price=Decimal(100))
    with clock.frozen(dt.datetime(2026, 3, 1)):
        item_id = register_return(ReturnRequest(lines=[ReturnLine(product.id, 1, "quality", "used", "refund",
                                                                  unit_price=Decimal(100))],
                                                customer_name="顾客", override_reason="ok"), staff=owner).ids[0]
    with pytest.raises(DomainError, match="Wrong PIN"):
        resolutions.refund(item_id, Decimal(150), "cash", clerk, Approval(owner, "111111"))
    resolutions.refund(item_id, Decimal(150), "cash", clerk, Approval(owner, "246813"))


@pytest.mark.gui
def test_staff_and_pins_through_the_screen(window, qtbot, monkeypatch):
    from helpers import settle
    from shop_aftersales.ui.staff_dialog import StaffDialog

    owner = Staff.get(Staff.role == "owner")
    dialog = StaffDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(next(i for i, p in enumerate(dialog.staff) if p.id == owner.id))
    dialog.pin.setText("9876")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    settle(qtbot, window)
    assert staff_steps.pin_matches(Staff.get_by_id(owner.id).pin_hash, "9876")
    # from now on a change needs the owner's PIN
    shown = []
    monkeypatch.setattr("shop_aftersales.ui.staff_dialog.show_error", lambda p, e: shown.append(str(e)))
    dialog.new()
    dialog.name.setText("新店员")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    settle(qtbot, window)
    assert shown and "Wrong PIN" in shown[0] and dialog.name.text() == "新店员"  # the input is kept
    dialog.approver.pin.setText("9876")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    settle(qtbot, window)
    assert Staff.select().where(Staff.name == "新店员").exists()


@pytest.mark.gui
def test_switching_operator_asks_their_pin(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    clerk = Staff.get(Staff.name == "李娜")
    staff_steps.save_staff(clerk.id, clerk.name, clerk.role, True, "4321", None)
    before = window.context.staff
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("0000", True)))
    monkeypatch.setattr("shop_aftersales.ui.errors.QMessageBox.warning", lambda *a, **k: None)
    window.staff_combo.setCurrentIndex(window.staff_combo.findData(clerk.id))
    assert window.context.staff.id == before.id  # a wrong PIN keeps the previous operator
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("4321", True)))
    window.staff_combo.setCurrentIndex(window.staff_combo.findData(clerk.id))
    assert window.context.staff.id == clerk.id
