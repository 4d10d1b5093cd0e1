"""The search box's look-ups on the demo shop: an exact code means that one thing; otherwise partial matches on
receipt numbers (typed in lower case too), the end of a phone number, product and customer names."""

from shop_aftersales.models import AftersalesItem, Customer, Sale
from shop_aftersales.services.search import ITEM, PRODUCT, SALE, search


def test_an_exact_code_finds_only_that(demo_shop):
    item = AftersalesItem.select().first()
    hits = search(item.code)
    assert [(h.kind, h.id) for h in hits] == [(ITEM, item.id)] and hits[0].exact


def test_partial_matches_when_nothing_matches_exactly(demo_shop):
    sale = Sale.select().order_by(Sale.receipt_no.desc()).first()
    prefix = sale.receipt_no[:8]
    hits = search(prefix.lower())
    assert hits and all(h.kind == SALE and h.title.startswith(prefix) and not h.exact for h in hits)
    assert hits[0].title == sale.receipt_no  # newest number first

    customer = Customer.select().join(Sale).order_by(Customer.id).first()
    assert any(h.kind == SALE and customer.phone in h.detail for h in search(customer.phone[-5:]))
    assert any(h.kind == SALE and customer.name in h.detail for h in search(customer.name))
    assert {h.kind for h in search("耳机")} == {PRODUCT}
    assert search("没有这种东西") == []
