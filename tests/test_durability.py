"""Nothing lost: a process killed with SIGKILL in the middle of many writes leaves a sound database with every
committed return in it; and random sequences of business steps never break the ledger's invariants."""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, settings as hsettings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from shop_aftersales.clock import now
from shop_aftersales.errors import DomainError
from shop_aftersales.models import AftersalesItem, Product, ReturnOrder, Staff, db
from shop_aftersales.models.database import close_database, open_database
from shop_aftersales.services import items, repairs, resale, resolutions
from shop_aftersales.services.base import business_step
from shop_aftersales.services.checks import run_checks
from shop_aftersales.services.ledger import MoveRequest, move
from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

from helpers import app_env  # noqa: E402

WRITER = """
import sys
from decimal import Decimal
from shop_aftersales.models import Product, Staff
from shop_aftersales.models.database import open_database
from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return
open_database(sys.argv[1])
staff = Staff.get_or_create(name="店长", role="owner")[0]
product = Product.get_or_create(sku="K1", defaults={"name": "测试商品", "list_price": Decimal(10)})[0]
n = 0
while True:
    n += 1
    changes = register_return(ReturnRequest(lines=[ReturnLine(product.id, 1, "quality", "used", "refund",
                                                              fault=f"#{n}")],
                                            customer_name=f"顾客{n}", override_reason="ok"), staff=staff)
    print(changes.reference, flush=True)  # printed only after the transaction committed
"""


def test_sigkill_in_the_middle_of_writes_loses_nothing_committed(tmp_path):
    folder = tmp_path / "shop"
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(folder)], stdout=subprocess.PIPE, text=True,
                             env=app_env())
    committed = []
    try:
        while len(committed) < 60:
            line = child.stdout.readline()
            assert line, "the writer stopped by itself"
            committed.append(line.strip())
    finally:
        child.send_signal(signal.SIGKILL)  # no chance to clean up, mid-transaction most likely
        child.wait()
    open_database(folder)
    try:
        assert run_checks() == []
        numbers = {o.number for o in ReturnOrder.select()}
        assert set(committed) <= numbers  # every return the writer saw committed is there
        assert AftersalesItem.select().count() == len(numbers)
    finally:
        close_database()


# ---------------------------------------------------------------- random sequences of business steps

class Shop(RuleBasedStateMachine):
    """Random intake, inspection, repair, quality check, sale, scrap, refund, exchange and stock count; the ledger's
    invariants (services.checks) must hold after every step, refused steps included."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="hypo-"))
        open_database(self.folder)
        self.owner = Staff.create(name="店长", role="owner")
        self.clerk = Staff.create(name="店员", role="sales")
        tech = Staff.create(name="技师", role="technician")
        repairs.save_technician(tech.id, "specialist", Decimal(8), "1234567", Decimal(30), [])
        self.tech = tech
        self.products = [Product.create(sku=f"G{n}", name=f"商品{n}", list_price=Decimal(100), cost=Decimal(60),
                                        serialised=(n == 0)) for n in range(3)]

        @business_step
        def stock():
            for n, product in enumerate(self.products):
                if product.serialised:
                    for k in range(3):
                        move(MoveRequest(product, 1, "adjustment", "sellable", serial=f"S{k}"))
                else:
                    move(MoveRequest(product, 5, "adjustment", "sellable"))

        stock()
        self.serial = 100

    def teardown(self) -> None:
        close_database()

    def _items(self, status: str | None = None) -> list[AftersalesItem]:
        query = AftersalesItem.select()
        if status:
            query = query.where(AftersalesItem.status == status)
        return list(query.order_by(AftersalesItem.id))

    def _try(self, fn, *args, **kwargs) -> None:
        try:
            fn(*args, **kwargs)
        except DomainError:
            pass  # a refusal is a legal outcome; it must have written nothing (checked by the invariant)

    @rule(product=st.integers(0, 2), qty=st.integers(1, 3), resolution=st.sampled_from(["refund", "exchange", "repair"]),
          receipt=st.booleans(), reason=st.sampled_from(["quality", "changed_mind"]))
    def intake(self, product: int, qty: int, resolution: str, receipt: bool, reason: str) -> None:
        """A return at the counter, from a receipt (the POS sale imported) or without one."""
        from shop_aftersales.models import Sale, SaleLine

        p = self.products[product]
        self.serial += 1
        serial = f"R{self.serial}" if p.serialised else None
        qty = 1 if p.serialised else qty
        sale_id = line_id = None
        if receipt:
            sale = Sale.create(receipt_no=f"XS-{self.serial}", sold_at=now() - dt.timedelta(days=2))
            line_id = SaleLine.create(sale=sale, line_no=1, product=p, serial=serial, quantity=qty,
                                      unit_price=p.list_price).id
            sale_id = sale.id
        self._try(register_return, ReturnRequest(
            lines=[ReturnLine(p.id, qty, reason, "used", resolution, serial=serial, sale_line_id=line_id)],
            sale_id=sale_id, customer_name="" if receipt else "顾客", override_reason="ok",
            override_approval=self.owner), staff=self.clerk)

    @precondition(lambda self: AftersalesItem.select().where(AftersalesItem.status == "received").exists())
    @rule(pick=st.integers(0, 50), to=st.sampled_from(["repairable", "qc", "sellable", "supplier_return",
                                                      "returned_to_customer"]))
    def inspect(self, pick: int, to: str) -> None:
        waiting = self._items("received")
        self._try(items.inspect, waiting[pick % len(waiting)].id, "检测", to, self.owner)

    @precondition(lambda self: AftersalesItem.select().where(AftersalesItem.status == "repairable").exists())
    @rule(pick=st.integers(0, 50), repaired=st.booleans())
    def repair(self, pick: int, repaired: bool) -> None:
        item = (lambda xs: xs[pick % len(xs)])(self._items("repairable"))
        order = repairs.open_repair(item)
        self._try(repairs.start_repair, order.id, self.tech)
        self._try(repairs.log_hours, order.id, Decimal(1), None, "", self.tech)
        self._try(repairs.finish_repair, order.id, repaired, "完成", self.tech, self.owner)

    @precondition(lambda self: AftersalesItem.select().where(AftersalesItem.status == "repairable").exists())
    @rule(pick=st.integers(0, 50))
    def start_and_pause(self, pick: int) -> None:
        item = (lambda xs: xs[pick % len(xs)])(self._items("repairable"))
        order = repairs.open_repair(item)
        self._try(repairs.start_repair, order.id, self.tech)
        self._try(repairs.use_part, order.id, self.products[1].id, 1, self.tech)  # not a part: refused
        self._try(repairs.pause_repair, order.id, self.tech)

    @precondition(lambda self: AftersalesItem.select().where(AftersalesItem.status == "qc").exists())
    @rule(pick=st.integers(0, 50), grade=st.sampled_from("ABC"), passed=st.booleans())
    def quality_check(self, pick: int, grade: str, passed: bool) -> None:
        item = (lambda xs: xs[pick % len(xs)])(self._items("qc"))
        lines = [resale.CheckLine(c, passed) for c in resale.checklist_for(None)]
        if passed:
            self._try(resale.pass_check, item.id, lines, grade, "", resale.price_advice(item, grade).suggested,
                      "shelf", "说明", self.owner, to_sellable=grade == "A")
        else:
            self._try(resale.fail_check, item.id, lines, "不合格", self.owner)

    @precondition(lambda self: AftersalesItem.select().where(AftersalesItem.status == "resale").exists())
    @rule(pick=st.integers(0, 50), told=st.booleans())
    def sell(self, pick: int, told: bool) -> None:
        item = (lambda xs: xs[pick % len(xs)])(self._items("resale"))
        self._try(resale.sell, item.id, Decimal(50), "shelf", told, self.owner)

    @precondition(lambda self: AftersalesItem.select().exists())
    @rule(pick=st.integers(0, 50), action=st.sampled_from(["scrap", "refund", "exchange", "ship", "give_back",
                                                          "decline", "refund_above", "pickup"]))
    def settle(self, pick: int, action: str) -> None:
        item = (lambda xs: xs[pick % len(xs)])(self._items())
        if action == "decline":
            self._try(resolutions.decline, item.id, "政策不允许", self.clerk)
        elif action == "refund_above":  # more than was paid: a clerk is refused, the owner approves
            self._try(resolutions.refund, item.id, Decimal(500), "cash", self.clerk)
            self._try(resolutions.refund, item.id, Decimal(500), "cash", self.clerk, approved_by=self.owner)
        elif action == "pickup":
            self._try(items.move_item, item.id, "returned_to_customer", self.clerk, "已取走")
        elif action == "scrap":
            self._try(resolutions.scrap, item.id, "坏了", self.owner, self.owner)
        elif action == "refund":
            self._try(resolutions.refund, item.id, Decimal(10), "cash", self.owner)
        elif action == "exchange":
            self._try(resolutions.exchange, item.id, self.owner, None, "S1")
        elif action == "ship":
            self._try(resolutions.ship_to_supplier, item.id, Decimal(5), "SF", self.owner)
        else:
            self._try(resolutions.give_back, item.id, "", self.owner)

    @precondition(lambda self: AftersalesItem.select().where(AftersalesItem.resolution_state == "done").exists())
    @rule(pick=st.integers(0, 50), approved=st.booleans(), again=st.booleans())
    def reverse_refund(self, pick: int, approved: bool, again: bool) -> None:
        """A refund given by mistake, reversed (by the owner, or refused for a clerk), maybe refunded again."""
        from shop_aftersales.models import Refund
        from shop_aftersales.services.staff import Approval

        refunds = list(Refund.select().order_by(Refund.id))
        if not refunds:
            return
        refund = refunds[pick % len(refunds)]
        self._try(resolutions.reverse_refund, refund.id, "金额输错",
                  Approval(self.owner if approved else self.clerk), self.owner)
        if again:
            self._try(resolutions.refund, refund.item_id, Decimal(5), "cash", self.owner)

    @precondition(lambda self: AftersalesItem.select().where(AftersalesItem.status == "pickup").exists()
                  or AftersalesItem.select().exists())
    @rule(pick=st.integers(0, 50), cost=st.sampled_from(["0", "12.50", "-1"]), confirm=st.booleans())
    def ship_to_customer(self, pick: int, cost: str, confirm: bool) -> None:
        """A repaired customer's unit (or an exchange's replacement) sent back by courier, maybe delivered."""
        from shop_aftersales.services import shipping

        item = (lambda xs: xs[pick % len(xs)])(self._items())
        self._try(shipping.ship, item.id, "顺丰速运", f"SF{item.id}", Decimal(cost), None, self.clerk)
        if confirm:
            self._try(shipping.delivered, item.id, None, self.clerk)

    @rule(zones=st.sets(st.sampled_from(["sellable", "inspection", "repairable", "qc", "resale"]), min_size=1),
          short=st.integers(0, 20), shortfall=st.integers(0, 2), found=st.sampled_from(["", "G1", "given", "item"]),
          approved=st.booleans(), typed=st.booleans())
    def stock_count(self, zones: set, short: int, shortfall: int, found: str, approved: bool, typed: bool) -> None:
        """A count of some zones, typed or scanned, one line short; maybe a unit found that the ledger has with
        a customer (exchanged out), or one an after-sales item still follows; posted by a clerk, with or
        without the owner's approval."""
        from shop_aftersales.models import Exchange, StockCountLine
        from shop_aftersales.services import stock_count as counting

        try:
            count_id = counting.start_count(sorted(zones), self.clerk).ids[0]
        except DomainError:
            return
        lines = list(StockCountLine.select().where(StockCountLine.count == count_id).order_by(StockCountLine.id))
        for n, line in enumerate(lines):
            missing = shortfall if lines and n == short % len(lines) else 0
            if line.serial and not typed and not missing:
                self._try(counting.scan, count_id, line.serial)
            else:
                self._try(counting.set_counted, count_id, line.id, max(line.expected - missing, 0))
        if found == "G1":
            self._try(counting.scan, count_id, "G1")  # one more G1 than the ledger knows
        elif found == "given":
            given = Exchange.select().where(Exchange.serial.is_null(False)).first()
            if given is not None:
                self._try(counting.scan, count_id, given.serial)
        elif found == "item":
            followed = AftersalesItem.select().where(AftersalesItem.serial.is_null(False)
                                                     & AftersalesItem.status.in_(("repairable", "in_repair"))).first()
            if followed is not None:
                self._try(counting.scan, count_id, followed.serial)
        self._try(counting.post, count_id, "随机盘点", self.clerk, self.owner if approved else None)
        self._try(counting.cancel, count_id)  # a count refused at posting is not left open

    @invariant()
    def ledger_is_sound(self) -> None:
        assert not db.in_transaction()
        assert [str(f) for f in run_checks()] == []


# Steps per run: the "ci" profile (the default, conftest.py) runs 50 sequences of 40 steps, 2 000 steps with
# `check` after each; `--hypothesis-profile=deep` runs 500 × 40 = 20 000 (README, Tests).
TestShopStateMachine = Shop.TestCase
TestShopStateMachine.settings = hsettings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
