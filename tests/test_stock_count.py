"""Stock counts (盘点): expected from the ledger, counted or scanned, differences posted as adjustment moves."""

from decimal import Decimal

import pytest
from openpyxl import load_workbook

from shop_aftersales.errors import DomainError
from shop_aftersales.models import Product, StockCount, StockCountLine, StockMove
from shop_aftersales.services import stock_count
from shop_aftersales.services.base import business_step
from shop_aftersales.services.checks import run_checks
from shop_aftersales.services.ledger import MoveRequest, move, on_hand, serial_location


@pytest.fixture
def shelf(shop):
    chair = Product.create(sku="YZ", name="餐椅", bin="B-01", list_price=Decimal(100))
    phone = Product.create(sku="SJ", name="手机", serialised=True, list_price=Decimal(1000))

    @business_step
    def stock():
        move(MoveRequest(chair, 10, "adjustment", "sellable"))
        for serial in ("S1", "S2", "S3"):
            move(MoveRequest(phone, 1, "adjustment", "sellable", serial=serial))
        move(MoveRequest(phone, 1, "adjustment", "inspection", serial="S9"))

    stock()
    return {"chair": chair, "phone": phone}


def lines(count_id):
    return {(l.product.sku, l.serial): l for l in StockCountLine.select().where(StockCountLine.count == count_id)}


def test_count_scan_and_post(shelf, tmp_path):
    count_id = stock_count.start_count(["sellable"]).ids[0]
    found = lines(count_id)
    assert found[("YZ", None)].expected == 10 and found[("SJ", "S1")].expected == 1
    sheet = stock_count.count_sheet(count_id, tmp_path / "sheet.xlsx")
    assert [c.value for c in load_workbook(sheet).active[4]] == ["Zone", "Bin", "SKU", "Product", "Serial", "Counted",
                                                                 "Note"]  # under the title block; blind
    stock_count.set_counted(count_id, found[("YZ", None)].id, 8)     # two chairs missing
    stock_count.scan(count_id, "S1")
    stock_count.scan(count_id, "S2")
    stock_count.set_counted(count_id, found[("SJ", "S3")].id, 0)     # S3 is not on the shelf
    stock_count.scan(count_id, "S9")                                 # S9 found here, the ledger had it in inspection
    with pytest.raises(DomainError, match="reason"):
        stock_count.post(count_id, " ")
    assert StockMove.select().where(StockMove.reference.startswith("PD")).count() == 0
    stock_count.post(count_id, "年末盘点")
    assert on_hand(shelf["chair"], "sellable") == 8 and on_hand(shelf["chair"], "adjustment", None) == 0
    assert serial_location(shelf["phone"], "S3").code == "adjustment"
    assert serial_location(shelf["phone"], "S9").code == "sellable"
    count = StockCount.get_by_id(count_id)
    assert count.state == "posted" and count.reason == "年末盘点"
    assert StockMove.select().where(StockMove.reference == count.number).count() == 3
    assert run_checks() == []
    with pytest.raises(DomainError, match="already closed"):
        stock_count.post(count_id, "again")


def test_posting_needs_every_line_counted_and_unchanged_stock(shelf):
    count_id = stock_count.start_count(["sellable"]).ids[0]
    with pytest.raises(DomainError, match="not counted yet"):
        stock_count.post(count_id, "盘点")
    with pytest.raises(DomainError, match="not counted yet"):  # said before the reason is asked for
        stock_count.post(count_id, "")
    with pytest.raises(DomainError, match="not counted yet"):
        stock_count.check_postable(count_id)
    for line in lines(count_id).values():
        stock_count.set_counted(count_id, line.id, line.expected)
    business_step(lambda: move(MoveRequest(shelf["chair"], 1, "sellable", "customer")))()
    with pytest.raises(DomainError, match="moved since the count began"):
        stock_count.post(count_id, "盘点")
    with pytest.raises(DomainError, match="cannot be negative"):
        stock_count.set_counted(count_id, lines(count_id)[("YZ", None)].id, -1)
    with pytest.raises(DomainError, match="Nothing has the code"):
        stock_count.scan(count_id, "NOPE")
    stock_count.cancel(count_id)
    assert run_checks() == []


def test_a_customers_unit_in_the_zone_is_not_counted_as_the_shops(shop):
    """A customer's chair in for warranty repair sits in the repairable zone beside the shop's own: the count
    expects the shop's chair only, so counting that one chair writes nothing off."""
    import datetime as dt

    from shop_aftersales import clock
    from shop_aftersales.models import AftersalesItem, Sale, SaleLine, Staff
    from shop_aftersales.services import items
    from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

    owner = Staff.create(name="店长", role="owner")
    chair = Product.create(sku="YZ", name="人体工学椅", list_price=Decimal(1000))
    sale = Sale.create(receipt_no="XS-1", sold_at=clock.now() - dt.timedelta(days=3))
    line = SaleLine.create(sale=sale, line_no=1, product=chair, quantity=2, unit_price=Decimal(1000))

    def back(resolution):
        item_id = register_return(ReturnRequest(
            lines=[ReturnLine(chair.id, 1, "quality", "used", resolution, sale_line_id=line.id)], sale_id=sale.id,
            override_reason="ok"), staff=owner).ids[0]
        items.inspect(item_id, "气压棒下沉", "repairable", owner)
        return AftersalesItem.get_by_id(item_id)

    theirs, ours = back("repair"), back("refund")
    assert theirs.customer_owned and not ours.customer_owned
    count_id = stock_count.start_count(["repairable"]).ids[0]
    assert [(l.product.sku, l.expected) for l in lines(count_id).values()] == [("YZ", 1)]
    stock_count.set_counted(count_id, lines(count_id)[("YZ", None)].id, 1)
    stock_count.post(count_id, "月度盘点", owner)
    assert on_hand(chair, "repairable") == 1 and on_hand(chair, "repairable", customer_owned=True) == 1
    assert StockMove.select().where(StockMove.reference == StockCount.get_by_id(count_id).number).count() == 0
    assert run_checks() == []


def _count_all_as_expected(count_id, but=()):
    """Count every line as the ledger expects, except the (sku, serial) keys in *but* (counted 0)."""
    for key, line in lines(count_id).items():
        stock_count.set_counted(count_id, line.id, 0 if key in but else line.expected)


def test_a_unit_counted_missing_leaves_the_shelf_with_its_item_and_listing(demo_shop):
    """The resale shelf holds units that after-sales items follow: one not found at the count goes to
    "missing" as a unit — its item, its listing — so the items, the listings and the ledger still agree."""
    from shop_aftersales.models import AftersalesItem, ResaleListing, Staff

    owner = Staff.get(Staff.role == "owner")
    item = (AftersalesItem.select().join(ResaleListing).where((AftersalesItem.status == "resale") & ResaleListing.active
                                                              & AftersalesItem.serial.is_null(False)).first())
    count_id = stock_count.start_count(["resale"], owner).ids[0]
    _count_all_as_expected(count_id, but={(item.product.sku, item.serial)})
    stock_count.post(count_id, "月度盘点", owner)
    item = AftersalesItem.get_by_id(item.id)
    assert item.status == "lost" and serial_location(item.product, item.serial).code == "adjustment"
    number = StockCount.get_by_id(count_id).number  # the move is the count's, in the accountant's adjustments sheet
    assert StockMove.select().where((StockMove.reference == number) & (StockMove.serial == item.serial)).count() == 1
    assert not ResaleListing.get(ResaleListing.item == item).active
    assert run_checks() == []


def test_a_unit_the_ledger_has_with_a_customer_needs_the_owner_to_come_back(demo_shop):
    """A serial handed to a customer in an exchange, scanned during a count of the resale shelf: posting it
    would pull the customer's unit back into stock. Only the owner can approve that; a clerk is refused."""
    from shop_aftersales.models import Exchange, Staff

    owner, clerk = Staff.get(Staff.role == "owner"), Staff.get(Staff.role == "sales")
    given = Exchange.select().where(Exchange.serial.is_null(False)).first()
    assert serial_location(given.product, given.serial).code == "customer"
    count_id = stock_count.start_count(["resale"], clerk).ids[0]
    _count_all_as_expected(count_id)
    stock_count.scan(count_id, given.serial)
    assert [(p.serial, p.place) for p in stock_count.pulled_back(count_id)] == [(given.serial, "Customers")]
    with pytest.raises(DomainError, match="the ledger has it with “Customers”. Taking it back into stock needs the "
                                          "owner's approval"):
        stock_count.post(count_id, "盘点", clerk)
    assert serial_location(given.product, given.serial).code == "customer"  # nothing was posted
    stock_count.post(count_id, "盘点:顾客换货时未取走", clerk, approved_by=owner)
    assert serial_location(given.product, given.serial).code == "resale"
    assert StockCount.get_by_id(count_id).approved_by == owner
    assert run_checks() == []


def test_a_unit_an_item_still_follows_is_not_moved_by_a_count(demo_shop):
    from shop_aftersales.models import AftersalesItem, Staff

    owner = Staff.get(Staff.role == "owner")
    item = AftersalesItem.select().where((AftersalesItem.status == "repairable")
                                         & AftersalesItem.serial.is_null(False) & ~AftersalesItem.customer_owned).first()
    count_id = stock_count.start_count(["sellable"], owner).ids[0]
    _count_all_as_expected(count_id)
    stock_count.scan(count_id, item.serial)
    with pytest.raises(DomainError, match=f"it is after-sales item {item.code} \\(Repairable\\). Move it on its ID card"):
        stock_count.post(count_id, "盘点", owner)
    assert AftersalesItem.get_by_id(item.id).status == "repairable"
    assert run_checks() == []


def test_units_without_serial_counted_missing_take_their_items_with_them(shop):
    """Two dining chairs (no serial) wait for the quality check, each an after-sales item; one is not found: the
    older item goes to "missing" with the unit, the other stays, and the items still match the ledger."""
    import datetime as dt

    from shop_aftersales import clock
    from shop_aftersales.models import AftersalesItem, Sale, SaleLine, Staff
    from shop_aftersales.services import items
    from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

    owner = Staff.create(name="店长", role="owner")
    chair = Product.create(sku="CY", name="实木餐椅", list_price=Decimal(459))
    sale = Sale.create(receipt_no="XS-2", sold_at=clock.now() - dt.timedelta(days=3))
    line = SaleLine.create(sale=sale, line_no=1, product=chair, quantity=2, unit_price=Decimal(459))
    ids = []
    for hours in (2, 1):
        with clock.frozen(clock.now() - dt.timedelta(hours=hours)):
            item_id = register_return(ReturnRequest(
                lines=[ReturnLine(chair.id, 1, "changed_mind", "unopened", "refund", sale_line_id=line.id)],
                sale_id=sale.id), staff=owner).ids[0]
            items.inspect(item_id, "未拆封", "qc", owner)
        ids.append(item_id)
    count_id = stock_count.start_count(["qc"], owner).ids[0]
    [only] = lines(count_id).values()
    stock_count.set_counted(count_id, only.id, 1)
    stock_count.post(count_id, "盘点", owner)
    assert [AftersalesItem.get_by_id(i).status for i in ids] == ["lost", "qc"]
    assert on_hand(chair, "qc") == 1
    assert run_checks() == []


def test_customers_identical_units_scanned_do_not_become_shop_stock(shop):
    """A customer's chair (no serial) in for repair beside the shop's own: scanning the barcode twice counts two,
    one more than the shop has. Posting that would turn the customer's chair into shop stock: refused."""
    import datetime as dt

    from shop_aftersales import clock
    from shop_aftersales.models import Sale, SaleLine, Staff
    from shop_aftersales.services import items
    from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

    owner = Staff.create(name="店长", role="owner")
    chair = Product.create(sku="YZ", name="人体工学椅", barcode="6900000000017", list_price=Decimal(1000))
    sale = Sale.create(receipt_no="XS-1", sold_at=clock.now() - dt.timedelta(days=3))
    line = SaleLine.create(sale=sale, line_no=1, product=chair, quantity=2, unit_price=Decimal(1000))
    for resolution in ("repair", "refund"):
        item_id = register_return(ReturnRequest(
            lines=[ReturnLine(chair.id, 1, "quality", "used", resolution, sale_line_id=line.id)], sale_id=sale.id,
            override_reason="ok"), staff=owner).ids[0]
        items.inspect(item_id, "气压棒下沉", "repairable", owner)
    count_id = stock_count.start_count(["repairable"], owner).ids[0]
    stock_count.scan(count_id, "6900000000017")
    stock_count.scan(count_id, "6900000000017")
    with pytest.raises(DomainError, match="customers' unit\\(s\\) in for repair are there too and are not counted"):
        stock_count.post(count_id, "盘点", owner)
    assert on_hand(chair, "repairable") == 1 and on_hand(chair, "repairable", customer_owned=True) == 1
    assert run_checks() == []


def test_a_customers_serialised_unit_is_not_counted(demo_shop):
    from shop_aftersales.models import AftersalesItem, Staff

    owner = Staff.get(Staff.role == "owner")
    theirs = AftersalesItem.select().where(AftersalesItem.customer_owned & AftersalesItem.serial.is_null(False)
                                           & (AftersalesItem.status == "ready_for_pickup")).first()
    count_id = stock_count.start_count(["pickup"], owner).ids[0]
    assert all(line.serial != theirs.serial for line in lines(count_id).values())
    with pytest.raises(DomainError, match="is a customer's unit in for repair .* not counted"):
        stock_count.scan(count_id, theirs.serial)


def test_a_count_is_blind_unless_chosen_otherwise(shelf):
    blind = StockCount.get_by_id(stock_count.start_count(["sellable"]).ids[0])
    assert stock_count.is_blind(blind) and stock_count.count_zones(blind) == ["sellable"]
    stock_count.cancel(blind.id)
    open_ = StockCount.get_by_id(stock_count.start_count(["sellable"], None, False).ids[0])
    assert not stock_count.is_blind(open_)
    old = StockCount.create(number="PD-OLD", zones='["sellable", "resale"]')  # a count from before blind counts
    assert not stock_count.is_blind(old) and stock_count.count_zones(old) == ["sellable", "resale"]
