"""Returns through the services, with the ledger's invariants checked after every step."""

import datetime as dt
import json
from decimal import Decimal

import pytest

from shop_aftersales import clock
from shop_aftersales.errors import DomainError
from shop_aftersales.models import (AftersalesItem, Category, Customer, Exchange, ItemEvent, ItemPhoto, Product,
                                    Refund, ReturnOrder, Sale, SaleLine, ScrapRecord, Staff, StockMove,
                                    SupplierReturn, Supplier)
from shop_aftersales.models.aftersales import TRANSITIONS, allowed_for, allowed_targets
from shop_aftersales.services import items, resolutions
from shop_aftersales.services.base import business_step
from shop_aftersales.services.checks import run_checks
from shop_aftersales.services.ledger import MoveRequest, move, on_hand, serial_location
from shop_aftersales.services.policy import Rules, evaluate, rules_for, save_policy
from shop_aftersales.services.returns import (ReturnLine, ReturnRequest, find_sale, order_state, register_return,
                                              returnable_lines)

TODAY = dt.datetime(2026, 3, 23, 10, 0)  # five days after the sale


@pytest.fixture
def shop_with_sale(shop):
    with clock.frozen(TODAY):
        supplier = Supplier.create(name="深圳星河电子")
        phones = Category.create(name="手机")
        chairs = Category.create(name="椅子")
        phone = Product.create(sku="SJ-1", name="智能手机 X1", model="8+256G", category=phones, supplier=supplier,
                               list_price=Decimal("2999"), cost=Decimal("2100"), serialised=True)
        chair = Product.create(sku="YZ-1", name="餐椅", model="橡木", category=chairs, list_price=Decimal("459"),
                               cost=Decimal("260"))
        owner = Staff.create(name="陈建国", role="owner")
        clerk = Staff.create(name="李娜", role="sales")
        customer = Customer.create(name="王芳", phone="13800138000")
        sale = Sale.create(receipt_no="XS-0318", sold_at=dt.datetime(2026, 3, 18, 15, 0), customer=customer)
        SaleLine.create(sale=sale, line_no=1, product=phone, serial="SN0001", quantity=1, unit_price=Decimal("2999"),
                        supplier=supplier, batch="B1")
        SaleLine.create(sale=sale, line_no=2, product=chair, quantity=4, unit_price=Decimal("459"), batch="C7")

        @business_step
        def stock():
            move(MoveRequest(chair, 10, "adjustment", "sellable"))
            move(MoveRequest(phone, 1, "adjustment", "sellable", serial="SN0099"))

        stock()
    return {"sale": sale, "phone": phone, "chair": chair, "owner": owner, "clerk": clerk}


def lines_of(sale):
    return {rl.line.product.sku: rl.line for rl in returnable_lines(sale.id)}


def sound():
    assert [str(f) for f in run_checks()] == []


def test_policy_verdicts_in_words():
    rules = Rules(reason_rules={"quality": ["refund", "exchange", "repair"], "changed_mind": ["refund", "exchange"]})
    bought = dt.date(2026, 3, 18)
    v = evaluate(rules, bought, dt.date(2026, 3, 27), "changed_mind", "unopened", "refund")
    assert v.outcome == "not_allowed"
    assert v.text() == "Bought 9 days ago, past the 7-day return period. Still within the 15-day exchange period."
    assert evaluate(rules, bought, dt.date(2026, 3, 25), "quality", "used", "refund").outcome == "allowed"
    assert evaluate(rules, bought, dt.date(2026, 3, 27), "changed_mind", "unopened", "exchange").outcome == "allowed"
    v = evaluate(rules, bought, dt.date(2027, 4, 1), "quality", "used", "repair")
    assert v.outcome == "allowed" and "2027-03-18" in v.text() and "paid by the customer" in v.text()
    assert evaluate(rules, bought, dt.date(2026, 3, 20), "allergy", "opened", "refund").outcome == "not_allowed"
    assert evaluate(rules, None, dt.date(2026, 3, 20), "quality", "opened", "refund").outcome == "needs_approval"
    strict = Rules(refund_opened=False, restocking_fee_pct=10, reason_rules={"changed_mind": ["refund"]})
    v = evaluate(strict, bought, dt.date(2026, 3, 20), "changed_mind", "opened", "refund")
    assert v.outcome == "needs_approval" and "10%" in v.text()


def test_the_verdict_is_worded_in_chinese(qapp):
    from shop_aftersales import translations

    translations.install("zh_CN")
    try:
        rules = Rules(reason_rules={"changed_mind": ["refund", "exchange"]})
        v = evaluate(rules, dt.date(2026, 3, 18), dt.date(2026, 3, 27), "changed_mind", "unopened", "refund")
        assert v.text() == "购买已 9 天，超过 7 天退货期限。仍在 15 天换货期内。"
    finally:
        translations.uninstall()


def test_category_rules_override_the_shop_default(shop_with_sale):
    chair = shop_with_sale["chair"]
    assert rules_for(chair.category_id).return_days == 7
    save_policy(chair.category_id, Rules(return_days=30, exchange_days=30, reason_rules={"changed_mind": ["refund"]}))
    assert rules_for(chair.category_id).return_days == 30
    assert rules_for(shop_with_sale["phone"].category_id).return_days == 7
    with pytest.raises(DomainError, match="0 to 100"):
        save_policy(None, Rules(restocking_fee_pct=150))


def register(sale, *lines, **kwargs):
    with clock.frozen(TODAY):
        return register_return(ReturnRequest(lines=list(lines), sale_id=sale.id, **kwargs))


def test_a_return_of_two_lines_then_repair_scrap_and_refund(shop_with_sale):
    sale, owner = shop_with_sale["sale"], shop_with_sale["owner"]
    lines = lines_of(sale)
    changes = register(sale,
                       ReturnLine(lines["SJ-1"].product_id, 1, "quality", "used", "refund", sale_line_id=lines["SJ-1"].id,
                                  fault="屏幕闪烁"),
                       ReturnLine(lines["YZ-1"].product_id, 2, "quality", "used", "refund", sale_line_id=lines["YZ-1"].id,
                                  fault="椅腿断裂"))
    order = ReturnOrder.get(ReturnOrder.number == changes.reference)
    assert order.number.startswith("TH2026-") and order.customer.name == "王芳"
    phone_item, chair_item = sorted(order.items, key=lambda i: i.product.sku)
    assert phone_item.serial == "SN0001" and phone_item.quantity == 1 and phone_item.unit_price == Decimal("2999.00")
    assert chair_item.quantity == 2 and chair_item.serial is None
    assert serial_location(phone_item.product, "SN0001").code == "inspection"
    assert on_hand(chair_item.product, "inspection") == 2
    assert order_state(order) == "open"
    sound()

    items.inspect(phone_item.id, "主板虚焊,可修", "repairable", owner)
    assert serial_location(phone_item.product, "SN0001").code == "repairable"
    sound()
    resolutions.scrap(chair_item.id, "椅腿断裂无法修复", approved_by=owner, staff=owner)
    record = ScrapRecord.get(ScrapRecord.item == chair_item)
    assert record.write_off == Decimal("520.00") and record.product_name == "餐椅"
    assert on_hand(chair_item.product, "inspection") == 0
    sound()
    resolutions.refund(chair_item.id, Decimal("918.00"), "wechat", staff=owner)
    assert Refund.get().amount == Decimal("918.00")
    resolutions.refund(phone_item.id, Decimal("2999"), "cash", staff=owner)
    assert order_state(ReturnOrder.get_by_id(order.id)) == "settled"
    sound()
    history = [e.code for e in ItemEvent.select().where(ItemEvent.item == chair_item).order_by(ItemEvent.id)]
    assert history == [10, 60, 40]  # received, scrapped, refunded


def test_the_same_unit_cannot_come_back_twice(shop_with_sale):
    sale = shop_with_sale["sale"]
    lines = lines_of(sale)
    register(sale, ReturnLine(lines["YZ-1"].product_id, 3, "quality", "used", "refund", sale_line_id=lines["YZ-1"].id))
    with pytest.raises(DomainError, match="3 coming back, but only 1 of the 4 sold"):
        register(sale, ReturnLine(lines["YZ-1"].product_id, 3, "quality", "used", "refund",
                                  sale_line_id=lines["YZ-1"].id))
    register(sale, ReturnLine(lines["SJ-1"].product_id, 1, "quality", "used", "refund", sale_line_id=lines["SJ-1"].id))
    with pytest.raises(DomainError, match="only 0 of the 1 sold"):
        register(sale, ReturnLine(lines["SJ-1"].product_id, 1, "quality", "used", "refund",
                                  sale_line_id=lines["SJ-1"].id))
    assert AftersalesItem.select().count() == 2
    sound()


def test_refusals_write_nothing(shop_with_sale, tmp_path):
    sale = shop_with_sale["sale"]
    lines = lines_of(sale)
    phone_line = lines["SJ-1"]
    before = (ReturnOrder.select().count(), StockMove.select().count())
    with pytest.raises(DomainError, match="There is no receipt XS-404"):
        find_sale("XS-404")
    with pytest.raises(DomainError, match="Give the reason"):
        register(sale, ReturnLine(phone_line.product_id, 1, "", "used", "refund", sale_line_id=phone_line.id))
    with pytest.raises(DomainError, match="Pick at least one"):
        register(sale)
    not_a_photo = tmp_path / "photo.jpg"
    not_a_photo.write_text("I am text")
    with pytest.raises(DomainError, match="is not a photo"):
        register(sale, ReturnLine(phone_line.product_id, 1, "quality", "used", "refund", sale_line_id=phone_line.id,
                                  photos=(not_a_photo,)))
    with pytest.raises(DomainError, match="return policy says no"):  # an allergy is refunded, not exchanged
        register(sale, ReturnLine(phone_line.product_id, 1, "allergy", "unopened", "exchange",
                                  sale_line_id=phone_line.id))
    assert (ReturnOrder.select().count(), StockMove.select().count()) == before


def test_a_serial_already_in_the_shop_is_refused(shop_with_sale):
    phone = shop_with_sale["phone"]
    with clock.frozen(TODAY):
        with pytest.raises(DomainError, match="already in the shop"):
            register_return(ReturnRequest(lines=[ReturnLine(phone.id, 1, "quality", "used", "repair",
                                                            serial="SN0099")],
                                          customer_name="路人", bought_elsewhere=True))


def test_a_serial_already_back_names_the_open_return_it_came_in_on(shop_with_sale):
    sale = shop_with_sale["sale"]
    line = lines_of(sale)["SJ-1"]
    number = register(sale, ReturnLine(line.product_id, 1, "quality", "used", "refund", sale_line_id=line.id)).reference
    order = ReturnOrder.get(ReturnOrder.number == number)
    before = (ReturnOrder.select().count(), StockMove.select().count())
    with clock.frozen(TODAY), pytest.raises(DomainError) as refused:
        register_return(ReturnRequest(lines=[ReturnLine(line.product_id, 1, "quality", "used", "repair",
                                                        serial="SN0001")], customer_name="路人",
                                      bought_elsewhere=True))
    message = refused.value.message()
    assert "already in the shop" in message and number in message and f"{order.created_at:%Y-%m-%d}" in message
    assert order.items.first().code in message
    assert (ReturnOrder.select().count(), StockMove.select().count()) == before


def test_a_policy_override_is_kept_in_the_history(shop_with_sale):
    sale = shop_with_sale["sale"]
    line = lines_of(sale)["SJ-1"]
    changes = register(sale, ReturnLine(line.product_id, 1, "allergy", "unopened", "exchange", sale_line_id=line.id),
                       override_reason="老顾客,店长同意", override_approval=shop_with_sale["owner"])
    item = AftersalesItem.get_by_id(changes.ids[0])
    assert item.verdict == "not_allowed" and item.override_reason == "老顾客,店长同意"
    override = ItemEvent.get((ItemEvent.item == item) & (ItemEvent.code == 30))
    assert override.note == "老顾客,店长同意" and "gives no “Exchange” for “Allergy or adverse reaction”" in override.data
    data = json.loads(override.data)  # the sentences are kept too, their labels as codes
    assert ["The policy gives no “{resolution}” for “{reason}”.", {"resolution": "exchange", "reason": "allergy"}] \
        in data["reasons"]


def test_refund_limits_and_the_owners_approval(shop_with_sale):
    sale, owner, clerk = shop_with_sale["sale"], shop_with_sale["owner"], shop_with_sale["clerk"]
    line = lines_of(sale)["YZ-1"]
    item_id = register(sale, ReturnLine(line.product_id, 1, "quality", "used", "refund", sale_line_id=line.id)).ids[0]
    with pytest.raises(DomainError, match="only the owner can approve"):
        resolutions.refund(item_id, Decimal("500"), "cash", staff=clerk)
    with pytest.raises(DomainError, match="more than ¥0.00"):
        resolutions.refund(item_id, Decimal("0"), "cash", staff=clerk)
    resolutions.refund(item_id, Decimal("500"), "cash", staff=clerk, approved_by=owner)
    assert Refund.get().approved_by == owner
    with pytest.raises(DomainError, match="already settled"):
        resolutions.refund(item_id, Decimal("1"), "cash", staff=clerk)


def test_exchange_takes_a_replacement_from_sellable_stock(shop_with_sale):
    sale, clerk = shop_with_sale["sale"], shop_with_sale["clerk"]
    lines = lines_of(sale)
    chair_id = register(sale, ReturnLine(lines["YZ-1"].product_id, 2, "quality", "used", "exchange",
                                         sale_line_id=lines["YZ-1"].id)).ids[0]
    resolutions.exchange(chair_id, clerk)
    assert on_hand(shop_with_sale["chair"], "sellable") == 8
    phone_id = register(sale, ReturnLine(lines["SJ-1"].product_id, 1, "quality", "used", "exchange",
                                         sale_line_id=lines["SJ-1"].id)).ids[0]
    with pytest.raises(DomainError, match="Scan the serial"):
        resolutions.exchange(phone_id, clerk)
    with pytest.raises(DomainError, match="not in sellable stock"):
        resolutions.exchange(phone_id, clerk, serial="SN0001")
    resolutions.exchange(phone_id, clerk, serial="SN0099")
    assert serial_location(shop_with_sale["phone"], "SN0099").code == "customer"
    assert Exchange.select().count() == 2
    sound()


def test_exchange_is_refused_when_nothing_is_in_stock(shop_with_sale):
    sale, clerk = shop_with_sale["sale"], shop_with_sale["clerk"]
    line = lines_of(sale)["YZ-1"]

    @business_step
    def empty_the_shelf():
        move(MoveRequest(shop_with_sale["chair"], 10, "sellable", "customer"))

    empty_the_shelf()
    chair_id = register(sale, ReturnLine(line.product_id, 1, "quality", "used", "exchange", sale_line_id=line.id)).ids[0]
    with pytest.raises(DomainError, match="No replacement in stock"):
        resolutions.exchange(chair_id, clerk)
    assert AftersalesItem.get_by_id(chair_id).resolution_state == "pending"


def test_supplier_return_and_credit(shop_with_sale):
    sale, clerk = shop_with_sale["sale"], shop_with_sale["clerk"]
    line = lines_of(sale)["SJ-1"]
    item_id = register(sale, ReturnLine(line.product_id, 1, "quality", "used", "refund", sale_line_id=line.id)).ids[0]
    items.inspect(item_id, "电池批次缺陷", "supplier_return", clerk)
    listed = SupplierReturn.get()
    assert listed.supplier.name == "深圳星河电子" and listed.shipped_at is None
    resolutions.ship_to_supplier(item_id, Decimal("2100"), "SF123", clerk)
    item = AftersalesItem.get_by_id(item_id)
    assert item.status == "returned_to_supplier" and SupplierReturn.get().credit == Decimal("2100.00")
    assert serial_location(item.product, "SN0001").code == "supplier"
    sound()


def test_a_unit_in_the_workshop_found_faulty_from_the_supplier_goes_on_the_supplier_list(shop_with_sale):
    """The Inspect dialog also carries "repairable → faulty from the supplier": the unit's status as the person saw
    it goes with the step, so the step is taken from there, and refused once the unit has moved on."""
    sale, clerk = shop_with_sale["sale"], shop_with_sale["clerk"]
    line = lines_of(sale)["SJ-1"]
    item_id = register(sale, ReturnLine(line.product_id, 1, "quality", "used", "refund", sale_line_id=line.id)).ids[0]
    items.inspect(item_id, "主板故障", "repairable", clerk)
    with pytest.raises(DomainError, match="no longer"):  # a screen that still showed it waiting for inspection
        items.inspect(item_id, "电池批次缺陷", "supplier_return", clerk)
    items.inspect(item_id, "电池批次缺陷，整批有问题", "supplier_return", clerk, seen="repairable")
    assert AftersalesItem.get_by_id(item_id).status == "supplier_return"
    assert SupplierReturn.get().item_id == item_id
    sound()


def test_a_customers_warranty_repair_stays_the_customers(shop_with_sale):
    sale, clerk = shop_with_sale["sale"], shop_with_sale["clerk"]
    line = lines_of(sale)["SJ-1"]
    item_id = register(sale, ReturnLine(line.product_id, 1, "quality", "used", "repair", sale_line_id=line.id)).ids[0]
    item = AftersalesItem.get_by_id(item_id)
    assert item.customer_owned
    assert on_hand(item.product, "inspection") == 0  # not the shop's stock value
    assert on_hand(item.product, "inspection", customer_owned=True) == 1
    with pytest.raises(DomainError, match="not refunded"):
        resolutions.refund(item_id, Decimal("1"), "cash", clerk)
    with pytest.raises(DomainError, match="cannot go to"):
        items.inspect(item_id, "无故障", "sellable", clerk)
    items.inspect(item_id, "需更换屏幕", "repairable", clerk)
    resolutions.give_back(item_id, "已修好取走", clerk)
    item = AftersalesItem.get_by_id(item_id)
    assert item.status == "returned_to_customer" and item.resolution_state == "done"
    sound()


def test_a_unit_the_customer_was_paid_for_is_never_handed_back(shop_with_sale):
    """Refund paid (or replacement handed over), then "give back to the customer": the customer would keep the
    goods and the money. The table no longer offers it for the shop's unit, and the step says why."""
    from shop_aftersales.models.aftersales import SHOP, allowed_for, owner_of

    sale, clerk = shop_with_sale["sale"], shop_with_sale["clerk"]
    lines = lines_of(sale)
    refunded = register(sale, ReturnLine(lines["YZ-1"].product_id, 1, "changed_mind", "unopened", "refund",
                                         sale_line_id=lines["YZ-1"].id)).ids[0]
    item = AftersalesItem.get_by_id(refunded)
    assert "returned_to_customer" in [t.target for t in allowed_for(item)]  # not settled: it is still theirs
    resolutions.refund(refunded, resolutions.refundable_amount(item), "cash", staff=clerk)
    item = AftersalesItem.get_by_id(refunded)
    assert owner_of(item.customer_owned, item.resolution_state) == SHOP
    assert "returned_to_customer" not in [t.target for t in allowed_for(item)]
    with pytest.raises(DomainError, match="is the shop's now: the customer has had the refund"):
        resolutions.give_back(refunded, "顾客又要回去了", clerk)
    with pytest.raises(DomainError, match="is the shop's now"):
        items.move_item(refunded, "returned_to_customer", clerk)
    exchanged = register(sale, ReturnLine(lines["YZ-1"].product_id, 1, "quality", "used", "exchange",
                                          sale_line_id=lines["YZ-1"].id)).ids[0]
    resolutions.exchange(exchanged, clerk)
    with pytest.raises(DomainError, match="is the shop's now"):
        resolutions.give_back(exchanged, "", clerk)
    assert AftersalesItem.get_by_id(refunded).status == AftersalesItem.get_by_id(exchanged).status == "received"
    # settled without either (the policy said no): the unit goes back to its customer, as it should
    declined = register(sale, ReturnLine(lines["YZ-1"].product_id, 1, "changed_mind", "used", "refund",
                                         sale_line_id=lines["YZ-1"].id), override_reason="试试",
                        override_approval=shop_with_sale["owner"]).ids[0]
    resolutions.decline(declined, "政策不允许,退回顾客", clerk)
    resolutions.give_back(declined, "顾客取回", clerk)
    assert AftersalesItem.get_by_id(declined).status == "returned_to_customer"
    sound()


def test_illegal_transitions_are_refused_from_the_one_table(shop_with_sale):
    sale, owner = shop_with_sale["sale"], shop_with_sale["owner"]
    line = lines_of(sale)["YZ-1"]
    item_id = register(sale, ReturnLine(line.product_id, 1, "quality", "used", "refund", sale_line_id=line.id)).ids[0]
    resolutions.scrap(item_id, "坏了", approved_by=owner, staff=owner)
    assert allowed_targets("scrapped", False) == []
    with pytest.raises(DomainError, match="cannot go to"):
        items.move_item(item_id, "sellable", owner)
    with pytest.raises(DomainError, match="approved by the owner"):
        resolutions.scrap(item_id, "x", approved_by=shop_with_sale["clerk"], staff=shop_with_sale["clerk"])
    assert all(t.source != "scrapped" for t in TRANSITIONS)
    sound()


def test_photos_are_copied_into_the_data_folder(shop_with_sale, tmp_path):
    sale = shop_with_sale["sale"]
    line = lines_of(sale)["SJ-1"]
    photo = tmp_path / "crack.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    attachments = tmp_path / "attachments"
    with clock.frozen(TODAY):
        changes = register_return(ReturnRequest(lines=[ReturnLine(line.product_id, 1, "quality", "used", "refund",
                                                                  sale_line_id=line.id, photos=(photo,))],
                                                sale_id=sale.id), attachments=attachments)
    stored = ItemPhoto.get()
    assert (attachments / stored.file_name).read_bytes() == photo.read_bytes()
    assert stored.item_id == changes.ids[0]


def test_without_a_receipt_the_customer_is_written_down(shop_with_sale):
    chair = shop_with_sale["chair"]
    with clock.frozen(TODAY):
        with pytest.raises(DomainError, match="name or phone"):
            register_return(ReturnRequest(lines=[ReturnLine(chair.id, 1, "quality", "used", "exchange")]))
        changes = register_return(ReturnRequest(lines=[ReturnLine(chair.id, 1, "quality", "used", "exchange",
                                                                  unit_price=Decimal("400"))],
                                                customer_name="张三", customer_phone="13700000000",
                                                bought_elsewhere=True, override_reason="没有小票,店长同意换货",
                                                override_approval=shop_with_sale["owner"]))
    order = ReturnOrder.get(ReturnOrder.number == changes.reference)
    assert order.no_receipt and order.bought_elsewhere and order.customer.phone == "13700000000"
    assert AftersalesItem.get().verdict == "needs_approval"


def test_check_finds_an_item_whose_status_was_edited_by_hand(shop_with_sale):
    sale = shop_with_sale["sale"]
    line = lines_of(sale)["YZ-1"]
    item_id = register(sale, ReturnLine(line.product_id, 1, "quality", "used", "exchange", sale_line_id=line.id)).ids[0]
    resolutions.exchange(item_id, shop_with_sale["clerk"])  # same product leaves for the customer: not the item
    sound()
    AftersalesItem.update(status="sellable").where(AftersalesItem.id == item_id).execute()
    found = [str(f) for f in run_checks()]
    assert any("history ends at “received”" in f for f in found)
    assert any("last stock move took it to “inspection”" in f for f in found)
    with pytest.raises(Exception, match="append-only"):
        ItemEvent.delete().execute()


def test_an_exception_to_the_policy_is_the_owners(shop_with_sale):
    from shop_aftersales.services import staff as staff_steps
    from shop_aftersales.services.staff import Approval

    sale, owner, clerk = shop_with_sale["sale"], shop_with_sale["owner"], shop_with_sale["clerk"]
    line = lines_of(sale)["SJ-1"]
    request = dict(sale_id=sale.id, override_reason="熟客")
    bad = ReturnLine(line.product_id, 1, "allergy", "unopened", "exchange", sale_line_id=line.id)
    with clock.frozen(TODAY):
        with pytest.raises(DomainError, match="owner's approval"):
            register_return(ReturnRequest(lines=[bad], **request), staff=clerk)
        staff_steps.save_staff(owner.id, owner.name, "owner", True, "2468", None)
        owner = Staff.get_by_id(owner.id)
        with pytest.raises(DomainError, match="Wrong PIN"):
            register_return(ReturnRequest(lines=[bad], override_approval=Approval(owner, "1111"), **request),
                            staff=clerk)
        assert ReturnOrder.select().count() == 0
        register_return(ReturnRequest(lines=[bad], override_approval=Approval(owner, "2468"), **request), staff=clerk)
    assert ReturnOrder.select().count() == 1


def test_a_declined_return_goes_back_to_its_customer_not_into_stock(shop_with_sale):
    """Settled without refund or exchange, the unit is the customer's: the shop may not take it into its stock,
    scrap it or send it to the supplier, and can give it back from wherever it waits; a unit already gone
    cannot be declined."""
    sale, owner, clerk = shop_with_sale["sale"], shop_with_sale["owner"], shop_with_sale["clerk"]
    line = lines_of(sale)["YZ-1"]
    item_id = register(sale, ReturnLine(line.product_id, 1, "changed_mind", "used", "refund", sale_line_id=line.id),
                       override_reason="试试", override_approval=owner).ids[0]
    items.inspect(item_id, "外观完好", "qc", owner)
    resolutions.decline(item_id, "超出退货期限", clerk)
    item = AftersalesItem.get_by_id(item_id)
    assert [t.target for t in allowed_for(item)] == ["returned_to_customer"]
    with pytest.raises(DomainError, match="is the customer's: the return was settled without a refund"):
        items.move_item(item_id, "sellable", clerk)
    with pytest.raises(DomainError, match="is the customer's"):
        resolutions.scrap(item_id, "坏了", owner, owner)
    resolutions.give_back(item_id, "顾客取回", clerk)
    assert AftersalesItem.get_by_id(item_id).status == "returned_to_customer"
    gone = register(sale, ReturnLine(line.product_id, 1, "quality", "used", "refund", sale_line_id=line.id)).ids[0]
    resolutions.scrap(gone, "无法修复", owner, owner)
    with pytest.raises(DomainError, match="is no longer in the shop"):
        resolutions.decline(gone, "不退", clerk)
    sound()
