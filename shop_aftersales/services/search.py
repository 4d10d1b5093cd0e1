"""The search box: one text (typed, or scanned and Enter) finds products and sales.

Exact codes (SKU, barcode, receipt number, serial, phone) come first; then names.
"""

from __future__ import annotations

import functools
import operator

import peewee as pw

from dataclasses import dataclass

from peewee import JOIN

from ..models import AftersalesItem, Customer, Product, ReturnOrder, Sale, SaleLine, StockSerial

PRODUCT = "product"
SALE = "sale"
ITEM = "item"      # an after-sales item: its ID card
RETURN = "return"  # a return order


@dataclass(frozen=True)
class Hit:
    kind: str    # PRODUCT, SALE, ITEM or RETURN
    id: int
    title: str
    detail: str
    exact: bool  # the text is this thing's code: a scanner hit


def search(text: str, limit: int = 50) -> list[Hit]:
    text = text.strip()
    if not text:
        return []
    hits: list[Hit] = []
    seen: set[tuple[str, int]] = set()

    def add(kind: str, id_: int, title: str, detail: str, exact: bool) -> None:
        if (kind, id_) not in seen and len(hits) < limit:
            seen.add((kind, id_))
            hits.append(Hit(kind, id_, title, detail, exact))

    def add_sales(query, exact: bool, why: str) -> None:
        for sale in query.limit(limit):
            customer = sale.customer
            who = f"{customer.name} {customer.phone}".strip() if customer else ""
            add(SALE, sale.id, sale.receipt_no, f"{sale.sold_at:%Y-%m-%d} {who} {why}".strip(), exact)

    # after-sales items and return orders first: a scanned label or slip
    for item in (AftersalesItem.select(AftersalesItem, Product).join(Product)
                 .where((AftersalesItem.code == text) | (AftersalesItem.serial == text))
                 .order_by(AftersalesItem.id.desc()).limit(limit)):
        add(ITEM, item.id, item.code, f"{item.product.name} {item.serial or ''}".strip(), True)
    for order in ReturnOrder.select().where(ReturnOrder.number == text):
        add(RETURN, order.id, order.number, f"{order.created_at:%Y-%m-%d}", True)

    sale_base = Sale.select(Sale, Customer).join(Customer, on=(Sale.customer == Customer.id), join_type=JOIN.LEFT_OUTER)
    # exact codes
    add_sales(sale_base.where(Sale.receipt_no == text), True, "")
    for line in (SaleLine.select(SaleLine, Sale, Product).join(Sale).switch(SaleLine).join(Product)
                 .where(SaleLine.serial == text).limit(limit)):
        add(SALE, line.sale.id, line.sale.receipt_no,
            f"{line.sale.sold_at:%Y-%m-%d} {line.product.name} SN {line.serial}", True)
    for product in Product.select().where((Product.sku == text) | (Product.barcode == text)):
        add(PRODUCT, product.id, product.name, f"{product.sku} {product.model}".strip(), True)
    for unit in StockSerial.select(StockSerial, Product).join(Product).where(StockSerial.serial == text):
        add(PRODUCT, unit.product.id, unit.product.name, f"{unit.product.sku} SN {unit.serial}", True)
    add_sales(sale_base.where(Customer.phone == text).order_by(Sale.sold_at.desc()), True, "")
    # partial matches, only when nothing matched exactly (a scanned code or a whole phone number means that one)
    if len(text) >= 2 and not hits:
        like = f"%{text}%"
        # a range on the receipt number's index (LIKE 'x%' cannot use it), newest number first
        prefixes = {text, text.upper()}
        add_sales(sale_base.where(functools.reduce(operator.or_, [(Sale.receipt_no >= p) & (Sale.receipt_no < p + "\U0010ffff")
                                                           for p in prefixes]))
                  .order_by(Sale.receipt_no.desc()), False, "")
        if text.isdigit() and len(text) >= 4:
            add_sales(sale_base.where(Sale.customer.in_(_customers(Customer.phone.endswith(text))))
                      .order_by(Sale.sold_at.desc()), False, "")
        for product in (Product.select().where((Product.name ** like) | (Product.model ** like)
                                               | Product.sku.startswith(text)).order_by(Product.name).limit(limit)):
            add(PRODUCT, product.id, product.name, f"{product.sku} {product.model}".strip(), False)
        add_sales(sale_base.where(Sale.customer.in_(_customers(Customer.name ** like))).order_by(Sale.sold_at.desc()),
                  False, "")
    return hits


def _customers(condition) -> pw.ModelSelect:
    """The customers matching *condition* first (one pass over the customers), then their sales by the index on
    sale.customer_id; joining first would walk every sale newest first and probe each one's customer."""
    return Customer.select(Customer.id).where(condition).limit(200)


def sale_lines(sale_id: int) -> list[SaleLine]:
    return list(SaleLine.select(SaleLine, Product).join(Product).where(SaleLine.sale == sale_id)
                .order_by(SaleLine.line_no))
