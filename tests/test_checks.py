"""`check` sees every disagreement between the units, the ledger and the money: each business invariant is broken
by hand on a copy of the demo shop (raw SQL, or a ledger move no business step made, as a stock count once did)
and `check` must name it."""

from __future__ import annotations

import pytest

from shop_aftersales.models import (AftersalesItem, Location, Product, Refund, ResaleListing, ResaleSale, ScrapRecord,
                                    StockQuant)
from shop_aftersales.services.base import business_step
from shop_aftersales.services.checks import run_checks
from shop_aftersales.services.ledger import MoveRequest, move

from helpers import raw_sql


@business_step
def ledger_only(request: MoveRequest) -> None:
    """A move that no after-sales step made (a stock count posting, before it kept the items in step)."""
    move(request)


def findings() -> list[str]:
    return [str(f) for f in run_checks()]


@pytest.fixture
def shop(demo_shop):
    assert run_checks() == []  # sound to begin with
    return demo_shop


def test_a_serialised_unit_the_ledger_moved_without_its_item(shop):
    """What a stock count did: the unit left the resale shelf in the ledger while its item stayed there."""
    item = AftersalesItem.select().where((AftersalesItem.status == "resale") & AftersalesItem.serial.is_null(False)).first()
    ledger_only(MoveRequest(product=item.product, quantity=1, source="resale", target="adjustment",
                            serial=item.serial, reference="PD-TEST"))
    assert f"Item {item.code} is “resale”, but the ledger has its unit in “adjustment”." in findings()


def test_units_without_serial_the_ledger_no_longer_has(shop):
    item = AftersalesItem.select().where(AftersalesItem.status.in_(("received", "qc")) & AftersalesItem.serial.is_null()
                                         & ~AftersalesItem.customer_owned).first()
    zone = {"received": "inspection", "qc": "qc"}[item.status]
    held = StockQuant.get((StockQuant.product == item.product) & ~StockQuant.customer_owned
                          & (StockQuant.location == Location.get(Location.code == zone)))
    ledger_only(MoveRequest(product=item.product, quantity=held.quantity, source=zone, target="adjustment",
                            reference="PD-TEST"))
    assert any(f"unit(s) of product #{item.product_id} are “{item.status}” on their items, but the ledger has 0 "
               "there" in f for f in findings())


def test_a_customers_unit_counted_as_the_shops(shop):
    item = AftersalesItem.select().where(AftersalesItem.customer_owned
                                         & AftersalesItem.status.in_(("repairable", "in_repair",
                                                                      "ready_for_pickup"))).first()
    raw_sql("UPDATE aftersales_item SET customer_owned = FALSE WHERE id = ?", (item.id,))
    found = findings()
    assert f"Item {item.code} is not owned by whom its stock moves say." in found
    assert any("customers' unit(s) of product" in f and "customers' items there add up to" in f for f in found)


def test_a_customers_quantity_turned_into_shop_stock(shop):
    quant = StockQuant.select().where(StockQuant.customer_owned & (StockQuant.quantity > 0)).first()
    raw_sql("UPDATE stock_quant SET customer_owned = FALSE WHERE id = ?", (quant.id,))
    assert any("but its moves add up to" in f for f in findings())


def test_a_return_settled_twice(shop):
    refund = Refund.select().first()
    raw_sql("INSERT INTO refund (number, item_id, amount, method, paid_at, note) "
                   "VALUES ('TK-TWICE', ?, 100, 'cash', '2026-06-17 10:00:00', '')", (refund.item_id,))
    assert f"Item {refund.item.code} was settled 2 times (refunds and exchanges)." in findings()


def test_the_goods_and_the_money(shop):
    refund = Refund.select().join(AftersalesItem).where(AftersalesItem.status == "scrapped").first() \
        or Refund.select().first()
    raw_sql("UPDATE aftersales_item SET status = 'returned_to_customer' WHERE id = ?", (refund.item_id,))
    assert (f"Item {refund.item.code} went back to its customer after a refund or an exchange: the customer has "
            "both the goods and the money.") in findings()


def test_settled_without_the_money_changing_hands(shop):
    item = AftersalesItem.select().where((AftersalesItem.resolution_state == "pending")
                                         & ~AftersalesItem.customer_owned).first()
    raw_sql("UPDATE aftersales_item SET resolution_state = 'done' WHERE id = ?", (item.id,))
    assert f"Item {item.code} says “done” but has 0 refund(s) or exchange(s)." in findings()


def test_a_listing_for_a_unit_no_longer_on_the_shelf(shop):
    sold = ResaleSale.select().first()
    raw_sql("UPDATE resale_listing SET active = TRUE WHERE item_id = ?", (sold.item_id,))
    assert ResaleListing.get(ResaleListing.item == sold.item_id).active
    assert f"Item {sold.item.code} has an active resale listing but is not on the resale shelf." in findings()


def unguard(*tables: str) -> None:
    """Refunds, scrap records and resale sales are written once (migration 0011): whoever edits one by hand drops
    its safeguard first, which `check` reports as well."""
    for table in tables:
        raw_sql(f"DROP TRIGGER {table}_no_update")


def test_what_the_owner_approves_names_the_owner(shop):
    unguard("scrap_record", "refund")
    scrap = ScrapRecord.select().first()
    raw_sql("UPDATE scrap_record SET approved_by_id = NULL WHERE id = ?", (scrap.id,))
    refund = Refund.select().first()
    raw_sql("UPDATE refund SET amount = amount * 3, approved_by_id = NULL WHERE id = ?", (refund.id,))
    found = findings()
    assert f"Scrap record {scrap.number} names no owner who approved it." in found
    assert f"Refund {refund.number} is more than the customer paid and no owner approved it." in found
    assert "The safeguard refund_no_update is missing: what it protects could be changed without a trace." in found


def test_what_moves_money_or_goods_names_who_did_it(shop):
    unguard("refund", "resale_sale")
    refund = Refund.select().first()
    raw_sql("UPDATE refund SET staff_id = NULL WHERE id = ?", (refund.id,))
    sold = ResaleSale.select().first()
    raw_sql("UPDATE resale_sale SET staff_id = NULL WHERE id = ?", (sold.id,))
    found = findings()
    assert f"A refund of item {refund.item.code} names no one who did it." in found
    assert f"A resale of item {sold.item.code} names no one who did it." in found


def test_a_step_that_moves_money_says_who_did_it(shop):
    """With nobody chosen in the staff box, a refund is refused (and nothing is written)."""
    from shop_aftersales.errors import DomainError
    from shop_aftersales.services import resolutions

    item = AftersalesItem.select().where((AftersalesItem.resolution_state == "pending")
                                         & (AftersalesItem.requested_resolution == "refund")
                                         & ~AftersalesItem.customer_owned).first()
    before = Refund.select().count()
    with pytest.raises(DomainError, match="Choose who you are first"):
        resolutions.refund(item.id, resolutions.refundable_amount(item), "cash", staff=None)
    assert Refund.select().count() == before


def test_every_item_is_compared_not_only_the_first(shop):
    """The limit cuts the findings, never the items looked at: the last unit broken is found."""
    from shop_aftersales.services.checks import business_findings

    item = (AftersalesItem.select().join(Product).where(AftersalesItem.status.in_(("resale", "qc", "repairable"))
                                                        & Product.serialised).order_by(AftersalesItem.id.desc()).first())
    zone = {"resale": "resale", "qc": "qc", "repairable": "repairable"}[item.status]
    ledger_only(MoveRequest(product=item.product, quantity=1, source=zone, target="adjustment", serial=item.serial,
                            reference="PD-TEST"))
    assert [str(f) for f in business_findings(limit=1)] == [
        f"Item {item.code} is “{item.status}”, but the ledger has its unit in “adjustment”."]
