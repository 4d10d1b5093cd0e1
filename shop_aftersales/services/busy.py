"""Five years of a busy shop, for measuring: tens of thousands of products, half a million sales lines, tens of
thousands of after-sales items with full histories and repairs.

The catalogue, customers and sales are bulk-inserted (they come from the till in real life); every after-sales
item goes through the real business steps (intake, inspection, repair, refund, scrap…) with the clock set to when
it happened, so its history, stock moves and numbers are exactly what the app would have written, and
``shop-aftersales check`` passes on the result.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from .. import clock
from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP
from ..models import AftersalesItem, Category, Customer, Product, RepairOrder, Sale, SaleLine, Staff, Supplier, db
from ..models.stock import ADJUSTMENT, SELLABLE
from . import items as item_steps
from . import repairs, resale, resolutions, settings
from .demo import FAULTS, GIVEN, PRODUCTS, SHOP, STAFF, SURNAMES, DemoRefused, _demo_check, has_data
from .importing import OPENING_NOTE
from .ledger import MoveRequest, move
from .numbering import next_number
from .returns import ReturnLine, ReturnRequest, register_return

CHUNK = 5_000


@dataclass(frozen=True)
class Scale:
    products: int
    customers: int
    lines: int
    items: int
    repairs: int
    years: int = 5


SCALES = {
    "busy": Scale(products=20_000, customers=40_000, lines=500_000, items=60_000, repairs=15_000),
    "medium": Scale(products=4_000, customers=8_000, lines=100_000, items=12_000, repairs=3_000),
    "small": Scale(products=300, customers=400, lines=3_000, items=300, repairs=80, years=1),
}


def _bulk(model, rows: list[dict]) -> None:
    for start in range(0, len(rows), CHUNK):
        model.insert_many(rows[start:start + CHUNK]).execute()


def seed_busy_shop(scale: Scale, seed: int = 2021, progress: Callable[[str], None] | None = None) -> dict:
    """Fill an EMPTY database. Returns how many of each thing were made."""
    say = progress or (lambda _m: None)
    if has_data():
        raise DemoRefused(QT_TRANSLATE_NOOP("Domain", "This data folder already has a shop in it; the demo is only "
                                            "put into an empty one."))
    rng = random.Random(seed)
    end = clock.now().replace(hour=0, minute=0, second=0)
    start = end - dt.timedelta(days=365 * scale.years)
    with db.atomic():
        settings.update(SHOP)
        staff = [Staff.create(name=n, role=r) for n, r in STAFF]
        suppliers = [Supplier.create(name=f"供应商 {n:03d}", contact=rng.choice(SURNAMES) + "经理",
                                     phone=f"0571-{rng.randrange(10**7, 10**8)}") for n in range(1, 61)]
        categories = {name: Category.create(name=name) for name in sorted({p[3] for p in PRODUCTS})}
        templates = PRODUCTS
        rows = []
        for n in range(scale.products):
            sku, name, model, cat, brand, _sup, price, cost, serialised, _demand = templates[n % len(templates)]
            factor = Decimal(rng.randint(80, 130)) / 100
            rows.append({"sku": f"{sku}-{n:05d}", "barcode": f"69{n:011d}", "name": f"{name} {n // len(templates)}",
                         "model": model, "category": categories[cat].id, "brand": brand,
                         "supplier": suppliers[n % len(suppliers)].id,
                         "list_price": (Decimal(price) * factor).quantize(Decimal("1")),
                         "cost": (Decimal(cost) * factor).quantize(Decimal("1")), "serialised": serialised,
                         "created_at": start})
        _bulk(Product, rows)
        products = list(Product.select(Product.id, Product.serialised, Product.list_price, Product.supplier,
                                       Product.sku).order_by(Product.id))
        _bulk(Customer, [{"name": rng.choice(SURNAMES) + rng.choice(GIVEN),
                          "phone": f"1{rng.choice('3456789')}{n:09d}", "created_at": start}
                         for n in range(scale.customers)])
        customer_ids = [c.id for c in Customer.select(Customer.id)]
        sellers = [s.id for s in staff if s.role in ("sales", "owner")]
    say(f"{scale.products} products, {scale.customers} customers")

    # sales: about two lines a receipt, spread over the years, busier at weekends
    sales_count = scale.lines // 2
    span = (end - start).total_seconds()
    times = sorted(start + dt.timedelta(seconds=rng.random() * span) for _ in range(sales_count))
    with db.atomic():
        _bulk(Sale, [{"receipt_no": f"XS{when:%Y%m%d}-{n:07d}", "sold_at": when.replace(microsecond=0),
                      "customer": rng.choice(customer_ids) if rng.random() < 0.7 else None,
                      "staff": rng.choice(sellers), "source": "import", "created_at": when.replace(microsecond=0)}
                     for n, when in enumerate(times, start=1)])
        sale_rows = list(Sale.select(Sale.id, Sale.sold_at).order_by(Sale.id).tuples())
        lines, line_no, serial = [], {}, 0
        for n in range(scale.lines):
            sale_id, sold_at = sale_rows[n % len(sale_rows)] if n < len(sale_rows) else rng.choice(sale_rows)
            product = rng.choice(products)
            line_no[sale_id] = line_no.get(sale_id, 0) + 1
            if product.serialised:
                serial += 1
            lines.append({"sale": sale_id, "line_no": line_no[sale_id], "product": product.id,
                          "serial": f"SN{serial:09d}" if product.serialised else None,
                          "quantity": 1 if product.serialised else rng.choice((1, 1, 2, 3)),
                          "unit_price": product.list_price, "supplier": product.supplier_id,
                          "batch": f"B{sold_at:%y%m}"})
            if len(lines) >= CHUNK:
                _bulk(SaleLine, lines)
                lines.clear()
        _bulk(SaleLine, lines)
    say(f"{sales_count} receipts, {scale.lines} lines")

    with db.atomic():  # some stock on the shelves, so exchanges can happen
        reference = next_number("opening")
        for product in rng.sample([p for p in products if not p.serialised], k=min(2_000, len(products) // 3)):
            move(MoveRequest(product=product, quantity=rng.randint(20, 60), source=ADJUSTMENT, target=SELLABLE,
                             reference=reference, note=OPENING_NOTE))
    owner = next(s for s in staff if s.role == "owner")
    for tech in (s for s in staff if s.role == "technician"):
        repairs.save_technician(tech.id, "specialist", Decimal(8), "123456", Decimal(40), [])
    techs = [t.id for t in repairs.technicians()]
    made = _returns(rng, scale, owner, [s for s in staff if s.role in ("sales", "warehouse")], techs, end, say)
    return {"products": scale.products, "customers": scale.customers, "receipts": sales_count,
            "lines": scale.lines, **made}


def _returns(rng: random.Random, scale: Scale, owner: Staff, clerks: list[Staff], techs: list[int],
             end: dt.datetime, say: Callable[[str], None]) -> dict:
    """Items through the real steps, oldest first, in transactions of a few hundred."""
    total = SaleLine.select().count()
    picks = sorted(rng.sample(range(1, total + 1), k=min(scale.items, total)))
    repair_share = scale.repairs / max(scale.items, 1)
    made = {"items": 0, "repairs": 0, "refunds": 0, "scrapped": 0}
    for start in range(0, len(picks), 500):
        with db.atomic():
            for line in (SaleLine.select(SaleLine, Sale, Product).join(Sale).switch(SaleLine).join(Product)
                         .where(SaleLine.id.in_(picks[start:start + 500])).order_by(Sale.sold_at)):
                when = line.sale.sold_at + dt.timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 3))
                if when > end - dt.timedelta(days=1):
                    continue
                _one(rng, line, when, owner, rng.choice(clerks), rng.choice(techs), repair_share, end, made)
        say(f"{made['items']} after-sales items")
    return made


def _one(rng, line, when, owner, clerk, tech, repair_share, end, made) -> None:
    category = line.product.category.name if line.product.category_id else ""
    quality = rng.random() < 0.7
    repair = quality and rng.random() < repair_share * 1.5
    resolution = "repair" if repair and rng.random() < 0.3 else ("exchange" if rng.random() < 0.2 else "refund")
    with clock.frozen(when):
        changes = register_return(ReturnRequest(
            lines=[ReturnLine(line.product_id, 1, "quality" if quality else "changed_mind",
                              "used" if quality else "unopened", resolution, sale_line_id=line.id,
                              fault=rng.choice(FAULTS.get(category, ["有问题"])) if quality else "")],
            sale_id=line.sale_id, override_reason="店长同意", override_approval=owner), staff=clerk)
    made["items"] += 1
    item = AftersalesItem.get_by_id(changes.ids[0])
    step = min(when + dt.timedelta(days=1), end)
    with clock.frozen(step):
        if repair:
            item_steps.inspect(item.id, "确认故障,可维修", "repairable", owner)
            order = RepairOrder.get(RepairOrder.item == item.id)
            repairs.start_repair(order.id, owner)
            repairs.log_hours(order.id, Decimal(rng.choice((1, 2, 3))), tech, staff=owner)
        elif not quality:
            item_steps.inspect(item.id, "未拆封,无故障", "sellable", owner)
        elif rng.random() < 0.5:
            resolutions.scrap(item.id, "损坏严重,维修不划算", approved_by=owner, staff=owner)
            made["scrapped"] += 1
        else:
            item_steps.inspect(item.id, "批次质量问题,退供应商", "supplier_return", owner)
            if (end - step).days > 45:  # shipped back with the next batch; the last weeks' are still waiting
                resolutions.ship_to_supplier(item.id, line.product.cost, f"SF{rng.randrange(10**9, 10**10)}", owner)
    # settled with the customer the day it was inspected, before anything else happens to the unit
    if resolution == "refund" and not item.customer_owned:
        with clock.frozen(min(step + dt.timedelta(hours=3), end)):
            resolutions.refund(item.id, resolutions.refundable_amount(AftersalesItem.get_by_id(item.id)),
                               rng.choice(["wechat", "alipay", "cash"]), staff=owner)
            made["refunds"] += 1
    elif resolution == "exchange" and not item.customer_owned:
        with clock.frozen(min(step + dt.timedelta(hours=3), end)):
            try:
                with db.atomic():
                    resolutions.exchange(item.id, clerk)
            except DomainError:  # nothing on the shelf: the customer takes the money instead
                resolutions.refund(item.id, resolutions.refundable_amount(AftersalesItem.get_by_id(item.id)),
                                   "original", staff=owner)
                made["refunds"] += 1
    if repair:
        finished = min(step + dt.timedelta(days=rng.randint(1, 6)), end)
        with clock.frozen(finished):
            repairs.finish_repair(order.id, True, "已修复", owner)
            made["repairs"] += 1
        if (end - finished).days > 14:  # long done: picked up, or checked and back in stock / on the shelf
            with clock.frozen(finished + dt.timedelta(days=rng.randint(1, 5))):
                if item.customer_owned:
                    item_steps.move_item(item.id, "returned_to_customer", owner, "已取走")
                else:
                    to_shelf = rng.random() < 0.3
                    _demo_check(rng, item, owner, to_sellable=not to_shelf)
                    # sold once the customer is settled with (an exchange still waiting keeps it the customer's)
                    if to_shelf and (end - finished).days > 60 and resale.the_shops(AftersalesItem.get_by_id(item.id)):
                        listing = resale.listing_of(item.id)
                        resale.sell(item.id, listing.price, "shelf", True, owner)
