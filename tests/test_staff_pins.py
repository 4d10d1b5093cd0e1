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


def give_pins(owner, clerk) -> None:
    staff_steps.save_staff(owner.id, "店长", "owner", True, "246813", None)  # the first PIN: no approval yet
    staff_steps.save_staff(clerk.id, "店员", "sales", True, "1357", Approval(Staff.get_by_id(owner.id), "246813"))


def test_pins_are_never_stored_in_clear_text(people, tmp_path):
    owner, clerk = people
    give_pins(owner, clerk)
    for table in db.get_tables():  # no value of any row of any table (the change log included) holds a PIN
        for row in db.execute_sql(f'SELECT * FROM "{table}"').fetchall():  # (a hash's hex digits may, by chance)
            assert not [v for v in row if ("246813" in str(v) or "1357" in str(v))
                        and not str(v).startswith("scrypt$")], table
    stored = Staff.get_by_id(owner.id).pin_hash
    assert stored.startswith("scrypt$") and staff_steps.pin_matches(stored, "246813")
    assert not staff_steps.pin_matches(stored, "246812")
    # the same PIN twice gives two different hashes (salted)
    assert staff_steps.hash_pin("246813") != staff_steps.hash_pin("246813")


@pytest.mark.sqlite_only("the bytes of the SQLite file")
def test_the_database_file_holds_no_pin_in_clear_text(people):
    owner, clerk = people
    give_pins(owner, clerk)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = (shop_path := db.database) and open(shop_path, "rb").read()
    assert b"246813" not in raw and b"1357" not in raw


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
    # one name: the dialog is called what the menu calls it
    menu = next(a.text() for m in window.menuBar().actions() for a in m.menu().actions() if "PIN" in a.text())
    assert dialog.windowTitle() == menu.replace("&", "").rstrip("…")
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


# ------------------------------------------------------------------ throttling (issue 16, part 3)

def test_wrong_pins_are_throttled_with_a_growing_wait(people, data_dir):
    import datetime as dt

    from shop_aftersales import clock
    from helpers import TEST_NOW
    from shop_aftersales.models.database import close_database, open_database

    owner, _clerk = people
    staff_steps.save_staff(owner.id, "店长", "owner", True, "246813", None)
    owner = Staff.get_by_id(owner.id)
    for _ in range(2):  # two free tries
        with pytest.raises(DomainError, match=r"^Wrong PIN for 店长\.$"):
            staff_steps.verify(owner, "111111")
    with pytest.raises(staff_steps.PinThrottled, match="After 3 wrong PINs in a row the next try must wait 30 seconds"):
        staff_steps.verify(owner, "111111")
    # while the wait runs the PIN is refused without being checked, the right one too, and it says how long
    with clock.frozen(TEST_NOW + dt.timedelta(seconds=20)):
        with pytest.raises(staff_steps.PinThrottled, match="Try again in 10 seconds"):
            staff_steps.verify(owner, "246813")
    assert Staff.get_by_id(owner.id).pin_failures == 3  # a refused try is not counted
    # kept in the database: a restart does not lift it
    close_database()
    open_database(data_dir)
    with pytest.raises(staff_steps.PinThrottled, match="Try again in 30 seconds"):
        staff_steps.verify(owner, "246813")
    waits = []
    moment = TEST_NOW
    for _ in range(7):
        moment = Staff.get_by_id(owner.id).pin_blocked_until
        with clock.frozen(moment):
            with pytest.raises(staff_steps.PinThrottled) as refused:
                staff_steps.verify(owner, "111111")
            waits.append(refused.value.wait)
    assert waits == [dt.timedelta(seconds=s) for s in (60, 120, 240, 480, 900, 900, 900)]  # capped at 15 min
    assert "wait 15 minutes" in str(refused.value)
    with clock.frozen(Staff.get_by_id(owner.id).pin_blocked_until):
        staff_steps.verify(owner, "246813")  # the wait is over: a right PIN passes and starts the count afresh
        fresh = Staff.get_by_id(owner.id)
        assert (fresh.pin_failures, fresh.pin_blocked_until) == (0, None)
        with pytest.raises(DomainError, match=r"^Wrong PIN for 店长\.$"):
            staff_steps.verify(owner, "111111")


def test_a_wrong_pin_counts_even_when_its_step_is_refused(people):
    """verify runs inside business steps, which roll back on a wrong PIN: the count must not roll back with them."""
    from shop_aftersales.services import settings as shop_settings

    owner, clerk = people
    staff_steps.save_staff(owner.id, "店长", "owner", True, "246813", None)
    owner = Staff.get_by_id(owner.id)
    # an empty PIN field or letters are no guess at a PIN: refused, not counted (a clerk cannot lock the owner
    # out by pressing Save on an empty field)
    for typed in ("", "12ab", "1"):
        with pytest.raises(DomainError, match="Wrong PIN"):
            shop_settings.update({"promise.refund_days": "9"}, clerk, Approval(owner, typed))
    assert Staff.get_by_id(owner.id).pin_failures == 0
    for _ in range(3):
        with pytest.raises(DomainError):
            shop_settings.update({"promise.refund_days": "9"}, clerk, Approval(owner, "111111"))
    assert Staff.get_by_id(owner.id).pin_failures == 3 and Staff.get_by_id(owner.id).pin_blocked_until is not None
    with pytest.raises(staff_steps.PinThrottled, match="Try again in 30 seconds"):
        shop_settings.update({"promise.refund_days": "9"}, clerk, Approval(owner, "246813"))
    assert shop_settings.get("promise.refund_days") == ""


def test_wait_after(shop):
    import datetime as dt

    assert [staff_steps.wait_after(n).total_seconds() for n in range(0, 10)] == [
        0, 0, 0, 30, 60, 120, 240, 480, 900, 900]
    assert staff_steps.wait_after(100) == dt.timedelta(minutes=15)


# ------------------------------------------------------------------ the hash's cost and its parameters

def test_the_real_pin_hash_costs_a_quarter_second(shop):
    """The suite hashes with a fast test-only parameter set (tests/conftest.py); this proves the parameters a shop
    gets. Measured once: a generous bound (a busy machine is only slower)."""
    import time

    real = staff_steps.PIN_HASH
    assert (real.n, real.r, real.p) == (2 ** 17, 8, 1) and real.memory == 128 * 1024 * 1024
    assert staff_steps.pin_hash_params() == staff_steps.FAST_PIN_HASH  # what the rest of the suite uses
    started = time.monotonic()
    stored = staff_steps.hash_pin("2468", params=real)
    elapsed = time.monotonic() - started
    print(f"one scrypt n=2**17 r=8 p=1 PIN hash: {elapsed:.3f} s")
    assert elapsed >= 0.25
    assert stored.startswith("scrypt$131072$8$1$") and staff_steps.pin_matches(stored, "2468")
    assert not staff_steps.needs_rehash(stored)


def test_old_hashes_still_verify_and_are_rehashed_at_the_next_right_pin(people, monkeypatch):
    import hashlib
    import os

    owner, _clerk = people
    salt = os.urandom(16)
    legacy = "scrypt${}${}".format(salt.hex(), hashlib.scrypt(b"246813", salt=salt, n=2 ** 14, r=8, p=1,
                                                              dklen=32).hex())  # as 0006 stored them
    Staff.update(pin_hash=legacy).where(Staff.id == owner.id).execute()
    owner = Staff.get_by_id(owner.id)
    with pytest.raises(DomainError, match="Wrong PIN"):
        staff_steps.verify(owner, "246812")
    assert Staff.get_by_id(owner.id).pin_hash == legacy  # a wrong PIN rehashes nothing
    monkeypatch.setenv(staff_steps.FAST_PIN_HASH_ENV, "0")  # as in a shop
    monkeypatch.setattr(staff_steps, "PIN_HASH", staff_steps.ScryptParams(2 ** 15, 8, 1))  # (quicker for the test)
    assert staff_steps.needs_rehash(legacy)
    staff_steps.verify(owner, "246813")
    stored = Staff.get_by_id(owner.id).pin_hash
    assert stored.startswith("scrypt$32768$8$1$") and staff_steps.pin_matches(stored, "246813")
    assert Staff.get_by_id(owner.id).pin_failures == 0


def test_a_hostile_hash_is_refused_not_computed(shop):
    assert not staff_steps.pin_matches("scrypt$1073741824$8$1$00$00", "1234")  # 1 TiB of memory: not tried
    assert not staff_steps.pin_matches("scrypt$1000$8$1$00$00", "1234")  # n not a power of two
    assert not staff_steps.pin_matches("bcrypt$x$y", "1234") and not staff_steps.pin_matches("", "1234")


def test_a_block_written_by_a_clock_that_ran_ahead_does_not_keep_the_owner_out(people):
    """The PC's clock ran a year ahead while wrong PINs were typed, then was put right: the block it wrote lies
    further off than the longest wait and no longer counts (else the owner, who alone may lift it, is locked out)."""
    import datetime as dt

    from shop_aftersales import clock
    from helpers import TEST_NOW

    owner, _clerk = people
    staff_steps.save_staff(owner.id, "店长", "owner", True, "246813", None)
    owner = Staff.get_by_id(owner.id)
    with clock.frozen(TEST_NOW + dt.timedelta(days=365)):
        for _ in range(3):
            with pytest.raises(DomainError):
                staff_steps.verify(owner, "111111")
    assert Staff.get_by_id(owner.id).pin_blocked_until > TEST_NOW + dt.timedelta(days=300)
    staff_steps.verify(owner, "246813")  # the clock is right again: the PIN is checked, and passes
    assert Staff.get_by_id(owner.id).pin_failures == 0
