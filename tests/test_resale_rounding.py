"""Issue 17, part 4: how the suggested resale price is rounded is a pricing-rule setting (to the fen by default,
to ¥0.10, to the yuan, ending in 9), never below the floor; changing it is the owner's, and recorded."""

import json
from decimal import Decimal

import peewee as pw
import pytest

from shop_aftersales.errors import DomainError
from shop_aftersales.models import AftersalesItem, Category, PricingRule, Product, ReturnOrder, Staff
from shop_aftersales.models.documents import SettingChange
from shop_aftersales.services import owner_settings, resale
from shop_aftersales.services import staff as staff_steps
from shop_aftersales.services.staff import Approval

D = Decimal

# amount, floor -> to the fen, to ¥0.10, to the yuan, ending in 9
KNOWN = [
    ("77.40", "0", "77.40", "77.40", "77.00", "79.00"),  # 60 % of ¥129.00
    ("77.45", "0", "77.45", "77.50", "77.00", "79.00"),
    ("74.00", "0", "74.00", "74.00", "74.00", "69.00"),  # halfway between ¥69 and ¥79: the lower one
    ("129.00", "0", "129.00", "129.00", "129.00", "129.00"),
    ("130.00", "0", "130.00", "130.00", "130.00", "129.00"),
    ("2549.50", "0", "2549.50", "2549.50", "2550.00", "2549.00"),
    ("0.99", "0", "0.99", "1.00", "1.00", "0.99"),
    ("0.94", "0", "0.94", "0.90", "1.00", "0.89"),
    ("0.40", "0", "0.40", "0.40", "1.00", "0.39"),  # never ¥0.00 to the yuan
    ("0.03", "0", "0.03", "0.10", "1.00", "0.09"),
    ("5.30", "0", "5.30", "5.30", "5.00", "4.90"),
    ("12.00", "0", "12.00", "12.00", "12.00", "9.90"),
    ("14.60", "0", "14.60", "14.60", "15.00", "19.00"),
    # the floor wins: the first price of the kind at or above it
    ("77.40", "80.00", "80.00", "80.00", "80.00", "89.00"),
    ("77.40", "77.41", "77.41", "77.50", "78.00", "79.00"),
    ("77.40", "79.01", "79.01", "79.10", "80.00", "89.00"),
    ("0.50", "0.91", "0.91", "1.00", "1.00", "0.99"),
    ("9.00", "9.95", "9.95", "10.00", "10.00", "19.00"),
]


@pytest.mark.parametrize("amount, floor, fen, jiao, yuan, nine", KNOWN)
def test_each_rounding_with_known_answers(amount, floor, fen, jiao, yuan, nine):
    got = {mode: resale.round_price(D(amount), mode, D(floor)) for mode in ("fen", "jiao", "yuan", "nine")}
    assert got == {"fen": D(fen), "jiao": D(jiao), "yuan": D(yuan), "nine": D(nine)}
    assert all(price >= D(floor) and price > 0 and price == price.quantize(D("0.01")) for price in got.values())


def test_ending_in_9_is_always_a_price_ending_in_9_and_never_below_the_floor():
    for fen in range(1, 30_000, 7):
        amount = D(fen) / 100
        for floor in (D(0), amount - D("3.33"), amount + D("0.01"), amount * 2):
            floor = max(floor, D(0)).quantize(D("0.01"))
            price = resale.round_price(amount, "nine", floor)
            text = f"{price:.2f}".rstrip("0").rstrip(".")
            assert text.endswith("9") and price >= floor, (amount, floor, price)
            if floor <= amount:  # within a step of the computed price
                assert abs(price - amount) <= (10 if amount >= 10 else 1 if amount >= 1 else D("0.1")), (amount, price)


@pytest.fixture
def phones(shop):
    category = Category.create(name="手机")
    product = Product.create(sku="SJ-9", name="蓝牙音箱", category=category, list_price=D("129.00"), cost=D("60"))
    order = ReturnOrder.create(number="TH-1", no_receipt=True)
    item = AftersalesItem.create(code="SH-1", order=order, product=product, quantity=1, reason="quality",
                                 condition="used", requested_resolution="refund", status="qc")
    return category, item


def test_the_suggested_price_follows_the_rule_and_is_to_the_fen_by_default(phones):
    category, item = phones
    resale.save_pricing(category.id, 85, 60, 50, 40)
    assert resale.pricing_for(category.id).rounding == "fen"
    assert resale.price_advice(item, "B") == resale.PriceAdvice(D("77.40"), D("51.60"), 60)  # not ¥77.00
    for mode, price in (("jiao", "77.40"), ("yuan", "77.00"), ("nine", "79.00"), ("fen", "77.40")):
        resale.save_pricing(category.id, 85, 60, 50, 40, mode)
        assert resale.price_advice(item, "B").suggested == D(price), mode
    resale.save_pricing(category.id, 85, 60, 50, 62, "nine")  # the floor share: ¥79.98
    assert resale.price_advice(item, "B") == resale.PriceAdvice(D("89.00"), D("79.98"), 60)
    resale.save_pricing(category.id, 85, 60, 50, 40)  # no rounding given: the rule keeps its own
    assert resale.pricing_for(category.id).rounding == "nine"
    with pytest.raises(DomainError, match="how the suggested price is rounded"):
        resale.save_pricing(category.id, 85, 60, 50, 10, "cents")
    rule = resale.pricing_for(category.id)
    assert (rule.floor_pct, rule.rounding) == (40, "nine")  # nothing changed
    assert resale.pricing_for(None).rounding == "fen"  # the default for every category is its own rule


def test_changing_the_rounding_is_the_owners_and_recorded(phones):
    category, item = phones
    owner = Staff.create(name="店长", role="owner")
    clerk = Staff.create(name="店员", role="sales")
    staff_steps.save_staff(owner.id, "店长", "owner", True, "246813", None)
    owner = Staff.get_by_id(owner.id)
    with pytest.raises(DomainError, match="Only the owner"):
        owner_settings.save_resale_rules(category.id, ["外观完好"], 85, 60, 50, 40, {}, clerk, None, "nine")
    with pytest.raises(pw.IntegrityError, match="owner-only"):
        resale.save_pricing(category.id, 85, 60, 50, 40, "nine")  # round the screens, into the table
    assert not PricingRule.select().where(PricingRule.category == category.id).exists()
    owner_settings.save_resale_rules(category.id, ["外观完好"], 85, 60, 50, 40, {}, clerk,
                                     Approval(owner, "246813"), "nine")
    assert resale.pricing_for(category.id).rounding == "nine" and resale.price_advice(item, "B").suggested == D(79)
    owner_settings.save_resale_rules(category.id, ["外观完好"], 85, 60, 50, 40, {}, clerk,
                                     Approval(owner, "246813"), "yuan")
    changes = list(SettingChange.select().where(SettingChange.area == "resale").order_by(SettingChange.id))
    assert [(json.loads(c.before).get("rounding"), json.loads(c.after)["rounding"]) for c in changes] == [
        (None, "nine"), ("nine", "yuan")]
    assert all(c.approved_by_id == owner.id and c.staff_id == clerk.id for c in changes)
