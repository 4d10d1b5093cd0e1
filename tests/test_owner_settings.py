"""Owner-only settings (issue 16, part 3): the return policy, the resale rules, promises and messages, the backup
folders, the printers and the staff need the owner's approval once the owner has a PIN — refused by the
services (and by the database), not only by the screens — and every change is recorded, append-only."""

import datetime as dt
import json
from decimal import Decimal

import peewee as pw
import pytest

from shop_aftersales import clock
from shop_aftersales.errors import DomainError
from shop_aftersales.models import Category, Product, Setting, Staff, db
from shop_aftersales.models.documents import SettingChange
from shop_aftersales.services import owner_settings, policy, resale
from shop_aftersales.services import settings as shop_settings
from shop_aftersales.services import staff as staff_steps
from shop_aftersales.services.staff import Approval

PIN = "246813"


def recorded():
    """The record of changes, oldest first, without the fixture's own (the owner's first PIN)."""
    return list(SettingChange.select().where(SettingChange.subject != "店长").order_by(SettingChange.id))


@pytest.fixture
def people(shop):
    owner = Staff.create(name="店长", role="owner")
    clerk = Staff.create(name="店员", role="sales")
    staff_steps.save_staff(owner.id, "店长", "owner", True, PIN, None)  # the first PIN: protection starts
    return Staff.get_by_id(owner.id), clerk


def test_a_clerk_cannot_widen_the_policy_without_the_owner(people):
    from shop_aftersales.services.policy import ALLOWED
    from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

    owner, clerk = people
    wide = policy.Rules(return_days=90, exchange_days=90, reason_rules={"changed_mind": ["refund", "exchange"]})
    with pytest.raises(DomainError, match="Only the owner can change this"):
        owner_settings.save_return_policy(None, wide, clerk, None)
    with pytest.raises(DomainError, match="owner's approval"):
        owner_settings.save_return_policy(None, wide, clerk, Approval(clerk, "1357"))  # a clerk is no owner
    with pytest.raises(DomainError, match="Wrong PIN for 店长"):
        owner_settings.save_return_policy(None, wide, clerk, Approval(owner, "111111"))
    # the old way round the screens is refused too: by the database itself
    with pytest.raises(pw.IntegrityError, match="owner-only"):
        policy.save_policy(None, wide)
    assert policy.rules_for(None).return_days == 7
    assert recorded() == []

    # so a changed-mind return after 30 days is still out of policy: it needs a written exception and the owner
    product = Product.create(sku="E1", name="耳机", list_price=Decimal(100))
    request = dict(lines=[ReturnLine(product.id, 1, "changed_mind", "unopened", "refund", unit_price=Decimal(100))],
                   customer_name="顾客", purchased_on=clock.today() - dt.timedelta(days=30))
    with pytest.raises(DomainError, match="return policy says no"):
        register_return(ReturnRequest(**request), staff=clerk)
    with pytest.raises(DomainError, match="owner's approval"):
        register_return(ReturnRequest(override_reason="老顾客", **request), staff=clerk)

    # with the owner's PIN it is the owner's decision, and it is recorded
    owner_settings.save_return_policy(None, wide, clerk, Approval(owner, PIN))
    assert policy.rules_for(None).return_days == 90
    [change] = recorded()
    assert (change.area, change.subject, change.staff_id, change.approved_by_id) == ("policy", "*", clerk.id, owner.id)
    assert json.loads(change.before)["return_days"] == 7 and json.loads(change.after)["return_days"] == 90
    assert change.created_at == clock.now()
    assert policy.evaluate(policy.rules_for(None), clock.today() - dt.timedelta(days=30), clock.today(),
                           "changed_mind", "unopened", "refund").outcome == ALLOWED


def test_a_category_policy_and_its_removal_need_the_owner(people):
    owner, clerk = people
    chairs = Category.create(name="椅子")
    with pytest.raises(DomainError, match="Only the owner"):
        owner_settings.save_return_policy(chairs.id, policy.Rules(return_days=30), clerk, None)
    owner_settings.save_return_policy(chairs.id, policy.Rules(return_days=30), owner, Approval(owner, PIN))
    with pytest.raises(pw.IntegrityError, match="owner-only"):
        policy.remove_category_policy(chairs.id)
    with pytest.raises(DomainError, match="Only the owner"):
        owner_settings.remove_return_policy(chairs.id, clerk, None)
    assert policy.rules_for(chairs.id).return_days == 30
    owner_settings.remove_return_policy(chairs.id, clerk, Approval(owner, PIN))
    assert policy.rules_for(chairs.id).return_days == 7
    assert [(c.subject, json.loads(c.after).get("return_days")) for c in recorded()] == [("椅子", 30), ("椅子", None)]


def test_resale_rules_need_the_owner(people):
    owner, clerk = people
    with pytest.raises(DomainError, match="Only the owner"):
        owner_settings.save_resale_rules(None, ["外观完好"], 90, 60, 30, 5, {resale.MARKDOWN_PCT: "50"}, clerk, None)
    with pytest.raises(pw.IntegrityError, match="owner-only"):
        resale.save_pricing(None, 90, 60, 30, 5)  # a lower floor, round the screens
    with pytest.raises(pw.IntegrityError, match="owner-only"):
        resale.save_checklist(None, ["随便看看"])
    assert resale.pricing_for(None).floor_pct == 40
    owner_settings.save_resale_rules(None, ["外观完好", "功能正常"], 90, 60, 30, 5, {resale.MARKDOWN_PCT: "50"}, clerk,
                                     Approval(owner, PIN))
    assert resale.pricing_for(None).floor_pct == 5 and shop_settings.get(resale.MARKDOWN_PCT) == "50"
    assert [(c.area, c.subject) for c in recorded()] == [("resale", "*"), ("resale", resale.MARKDOWN_PCT)]
    assert all(c.approved_by_id == owner.id and c.staff_id == clerk.id for c in recorded())


def test_owner_only_settings_and_open_shop_details(people, tmp_path):
    owner, clerk = people
    # the shop's details stay open to every staff member, and are recorded
    shop_settings.update({shop_settings.SHOP_NAME: "星河生活馆", "label.width_mm": "60"}, clerk)
    assert shop_settings.get(shop_settings.SHOP_NAME) == "星河生活馆"
    with pytest.raises(DomainError, match="Wrong PIN"):
        shop_settings.update({"promise.refund_days": "30"}, clerk, Approval(owner, "000000"))
    for key, value in (("promise.refund_days", "30"), ("message.ready", "来拿"), ("repair.turnaround_days", "60"),
                       ("repair.cost_warning_pct", "99"), ("backup.second_folder", str(tmp_path / "usb")),
                       ("resale.grade.A", "随便")):
        with pytest.raises(DomainError, match="Only the owner"):
            shop_settings.update({key: value, shop_settings.SHOP_PHONE: "110"}, clerk)
        with pytest.raises(pw.IntegrityError, match="owner-only"):  # round the service, into the table
            Setting.insert(key=key, value=value).on_conflict(conflict_target=[Setting.key],
                                                             update={Setting.value: value}).execute()
        assert shop_settings.get(key) == "" and shop_settings.get(shop_settings.SHOP_PHONE) == ""
    staff_steps.verify(owner, PIN)  # (the wrong PINs above are counted; a right one starts afresh)
    shop_settings.update({"backup.second_folder": str(tmp_path / "usb"), shop_settings.SHOP_PHONE: "110"}, clerk,
                         Approval(owner, PIN))
    assert shop_settings.get("backup.second_folder") == str(tmp_path / "usb")
    # saving what is already there changes nothing and needs nobody
    shop_settings.update({"backup.second_folder": str(tmp_path / "usb")}, clerk)
    rows = [(c.area, c.subject, c.before, c.after, c.approved_by_id) for c in recorded()]
    assert rows == [("shop", "shop.name", "", "星河生活馆", None), ("shop", "label.width_mm", "", "60", None),
                    ("backup", "backup.second_folder", "", str(tmp_path / "usb"), owner.id),
                    ("shop", "shop.phone", "", "110", owner.id)]
    assert [c.area for c in shop_settings.changes_made("backup")] == ["backup"]


def test_the_service_and_the_database_agree_on_what_is_owner_only(people):
    keys = ["promise.zone_days", "message.received", "repair.complex_days", "repair.expected_value_pct",
            "resale.markdown_days", "resale.grade.B", "returns.promise_days", "backup.second_folder",
            "backup.third_folder", "shop.name", "shop.address", "shop.phone", "label.width_mm", "label.height_mm",
            "slip.terms", "check.staff_named_after", "backup.last_backup_at"]
    for key in keys:
        try:
            with db.atomic() as tx:
                Setting.insert(key=key, value="x").on_conflict(conflict_target=[Setting.key],
                                                               update={Setting.value: "x"}).execute()
                tx.rollback()
            refused = False
        except pw.IntegrityError:
            refused = True
        assert refused == shop_settings.owner_only(key), key
    assert not any(shop_settings.owner_only(key) for key in shop_settings.OPEN_KEYS)


def test_before_the_owner_has_a_pin_anyone_sets_the_shop_up(shop):
    clerk = Staff.create(name="店员", role="sales")
    Staff.create(name="店长", role="owner")
    owner_settings.save_return_policy(None, policy.Rules(return_days=10), clerk, None)
    shop_settings.update({"promise.refund_days": "2"}, clerk)
    assert policy.rules_for(None).return_days == 10 and shop_settings.get("promise.refund_days") == "2"
    assert [(c.area, c.staff_id, c.approved_by_id) for c in recorded()] == [
        ("policy", clerk.id, None), ("promises", clerk.id, None)]


def test_the_record_of_changes_is_append_only(people):
    owner, clerk = people
    shop_settings.update({shop_settings.SHOP_NAME: "星河"}, clerk)
    assert len(recorded()) == 1
    with pytest.raises(pw.IntegrityError, match="append-only"):
        SettingChange.update(after="别的").execute()
    with pytest.raises(pw.IntegrityError, match="append-only"):
        SettingChange.delete().execute()
    with pytest.raises(pw.IntegrityError, match="owner-only"):  # a grant cannot be left behind by a step
        db.execute_sql("INSERT INTO setting (key, value) VALUES ('promise.refund_days', '9')")
    assert db.execute_sql("SELECT COUNT(*) FROM setting_grant").fetchone()[0] == 0


def test_printers_and_staff_changes_need_the_owner_and_are_recorded(people):
    owner, clerk = people
    change = {"Receipts": ("System default, 80 mm roll", "Xprinter XP-58, 58 mm roll")}
    with pytest.raises(DomainError, match="Only the owner"):
        owner_settings.record_printers(change, "COUNTER-PC", clerk, None)
    assert owner_settings.record_printers({"Receipts": ("A", "A")}, "COUNTER-PC", clerk, None).settings is False
    owner_settings.record_printers(change, "COUNTER-PC", clerk, Approval(owner, PIN))
    with pytest.raises(DomainError, match="owner's approval|Wrong PIN"):
        staff_steps.save_staff(clerk.id, "店员", "owner", True, "", Approval(clerk, "1357"))  # no self-promotion
    staff_steps.save_staff(clerk.id, "店员", "sales", True, "1357", Approval(owner, PIN), acting=clerk)
    rows = [(c.area, c.subject, c.staff_id, c.approved_by_id) for c in SettingChange.select().order_by(
        SettingChange.id)]
    assert rows[-2:] == [("printers", "COUNTER-PC · Receipts", clerk.id, owner.id),
                         ("staff", "店员", clerk.id, owner.id)]
    staff_change = SettingChange.select().order_by(SettingChange.id.desc()).get()
    assert json.loads(staff_change.before)["pin"] is False and json.loads(staff_change.after)["pin"] is True
    assert "1357" not in staff_change.after and "scrypt" not in staff_change.after  # never the PIN nor its hash
