"""Several PCs at once on one PostgreSQL shop: real processes (tests/racer.py) race on a real database.

Each test makes a database of its own on the test server, from the worker's migrated template (named
``sa_<worker>_race_…``, so conftest drops it afterwards), starts its racers once (each opens the shop once), and then
runs its rounds: the test sets up the round's return or unit in this process, sends every racer its step, waits
until all are ready, then tells them all "go" at once. The steps run SERIALIZABLE; the one that lost the race is
run again by services.base.business_step and ends with the app's ordinary refusal. After the rounds the shop is
sound (services.checks).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from shop_aftersales.errors import DomainError
from shop_aftersales.models import (AftersalesItem, Category, Customer, DocumentSequence, Exchange, ItemEvent,
                                    Product, ReturnOrder, Sale, SaleLine, Staff, db, postgres)
from shop_aftersales.models.aftersales import EVENT_INSPECTED, EVENT_EXCHANGE
from shop_aftersales.models.database import TEST_ENV, close_database, open_postgres_url
from shop_aftersales.services import base, items
from shop_aftersales.services.base import business_step
from shop_aftersales.services.checks import run_checks
from shop_aftersales.services.ledger import MoveRequest, move, on_hand
from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

from helpers import TEST_NOW

SERVER = os.environ.get(TEST_ENV, "").strip()
ROUNDS = 200
RACER = Path(__file__).with_name("racer.py")
NO_STOCK = "No replacement in stock: {product} has {available} in sellable stock, {qty} needed."
MOVED_ON = ("Item {code} is no longer “{before}”: another PC has just moved it to “{current}”. Nothing was changed "
            "here; look at the item again.",
            "Item {code} is no longer “{before}”: since {time} it is “{current}”. Nothing was changed here; look "
            "at the item again.")

racing = pytest.mark.postgres_only("PCs racing on one PostgreSQL database")


class Racer:
    """One racing PC: a process with the shop open, driven through its stdin and stdout."""

    def __init__(self, url: str, log: Path) -> None:
        self.log = open(log, "w", encoding="utf-8")
        self.process = subprocess.Popen([sys.executable, str(RACER), url, TEST_NOW.isoformat()],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log, text=True,
                                        encoding="utf-8", bufsize=1)
        assert self.answer() == {"started": True}

    def answer(self) -> dict:
        line = self.process.stdout.readline()
        assert line, f"the racer died: {Path(self.log.name).read_text(encoding='utf-8')[-3000:]}"
        answer = json.loads(line)
        assert "crash" not in answer, answer["crash"]
        return answer

    def send(self, text: str) -> None:
        self.process.stdin.write(text + "\n")
        self.process.stdin.flush()

    def stop(self) -> None:
        try:
            if self.process.poll() is None:
                self.send(json.dumps({"op": "quit"}))
                self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        finally:
            self.log.close()


def race(racers: list[Racer], commands: list[dict]) -> list[dict]:
    """Give each racer its step; when all are ready, fire them together; their answers, in the same order."""
    for racer, command in zip(racers, commands):
        racer.send(json.dumps(command))
    for racer in racers:
        assert racer.answer() == {"ready": True}
    for racer in racers:  # the barrier opens: one line each, back to back
        racer.send("go")
    return [racer.answer() for racer in racers]


@pytest.fixture
def race_shop(request, tmp_path):
    """A shop of its own on the test server, open here; ``start(n)`` starts n racers on it."""
    name = f"sa_{postgres.worker()}_race_{request.node.name.removeprefix('test_')[:30]}"
    postgres.drop_database(SERVER, name)
    postgres.create_database(SERVER, name, template=postgres.template_name())
    url = postgres.parse(SERVER).with_database(name).url
    open_postgres_url(url)
    racers: list[Racer] = []

    def start(count: int) -> list[Racer]:
        racers.extend(Racer(url, tmp_path / f"racer{len(racers) + i}.log") for i in range(count))
        return racers

    try:
        yield {**furnished(), "start": start, "url": url}
    finally:
        for racer in racers:
            racer.stop()
        close_database()


@pytest.fixture
def counter(shop):
    """The same shop on this PC alone (either backend)."""
    return furnished()


def furnished() -> dict:
    """A chair to sell and take back, the owner, a customer."""
    category = Category.create(name="椅子")
    chair = Product.create(sku="YZ-1", name="餐椅", model="橡木", category=category, list_price=Decimal("459"),
                           cost=Decimal("260"))
    return {"chair": chair, "staff": Staff.create(name="陈建国", role="owner"),
            "customer": Customer.create(name="王芳", phone="13800138000")}


def new_sale(shop, number: int, lines: int) -> tuple[Sale, list[SaleLine]]:
    """Receipt XS-<number>: *lines* lines of one chair each, sold two days ago."""
    sale = Sale.create(receipt_no=f"XS-{number:05d}", sold_at=TEST_NOW - dt.timedelta(days=2),
                       customer=shop["customer"])
    SaleLine.insert_many([{"sale": sale.id, "line_no": n, "product": shop["chair"].id, "quantity": 1,
                           "unit_price": Decimal("459")} for n in range(1, lines + 1)]).execute()
    return sale, list(SaleLine.select().where(SaleLine.sale == sale).order_by(SaleLine.line_no))


def returned(shop, sale: Sale, sale_lines: list[SaleLine], resolution: str) -> list[int]:
    """The after-sales items of a return of every line of *sale* (one chair each), waiting for inspection."""
    return list(register_return(ReturnRequest(
        lines=[ReturnLine(shop["chair"].id, 1, "quality", "used", resolution, sale_line_id=line.id)
               for line in sale_lines], sale_id=sale.id), shop["staff"]).ids)


@business_step
def put_on_shelf(product: Product, quantity: int) -> None:
    move(MoveRequest(product, quantity, "adjustment", "sellable"))


def sound() -> None:
    assert [str(f) for f in run_checks()] == []


@racing
def test_two_pcs_hand_out_the_last_unit_in_stock_once(race_shop):
    """Two exchanges at the same moment, one replacement on the shelf: one customer gets it, the other PC is told
    there is none, and its return is left exactly as it was (it waits for stock, and races again next round
    against a new return)."""
    racers = race_shop["start"](2)
    chair, staff = race_shop["chair"], race_shop["staff"]
    raced_rounds, winners = 0, []
    sale, lines = new_sale(race_shop, 0, 1)
    waiting = returned(race_shop, sale, lines, "exchange")[0]  # the loser of the round before
    for round_no in range(1, ROUNDS + 1):
        sale, lines = new_sale(race_shop, round_no, 1)
        item_ids = [waiting, returned(race_shop, sale, lines, "exchange")[0]][::1 if round_no % 2 else -1]
        put_on_shelf(chair, 1)
        answers = race(racers, [{"op": "exchange", "item": i, "staff": staff.id} for i in item_ids])
        assert sorted(a["ok"] for a in answers) == [False, True], answers
        [(winner, _), (waiting, loser)] = sorted(zip(item_ids, answers), key=lambda pair: not pair[1]["ok"])
        assert loser["source"] == NO_STOCK, loser
        assert loser["message"] == "No replacement in stock: 餐椅 has 0 in sellable stock, 1 needed."
        winners.append(winner)
        raced_rounds += sum(a["lost_races"] for a in answers) > 0
        assert on_hand(chair, "sellable") == 0
    # one replacement per round, each to the round's winner; the last loser still waits, untouched
    assert sorted(e.item_id for e in Exchange.select()) == sorted(winners) and len(set(winners)) == ROUNDS
    assert (ItemEvent.select().where(ItemEvent.code == EVENT_EXCHANGE).count()) == ROUNDS
    assert {i.id: i.resolution_state for i in AftersalesItem.select()} == {
        **{i: "done" for i in winners}, waiting: "pending"}
    # the processes really met: in a good share of the rounds a step lost its race and ran again
    assert raced_rounds >= ROUNDS // 10, raced_rounds
    sound()


@racing
def test_pcs_taking_document_numbers_at_the_same_moment_never_share_one(race_shop):
    """Two PCs register a return each at the same moment, round after round: every return and item number is
    taken once, and none is skipped (a step that lost its race gave its number back with its rollback). A third PC
    would only queue up behind the other two (six runs a round instead of three); a step that loses again and
    again is the next test but one."""
    racers = race_shop["start"](2)
    staff, chair = race_shop["staff"], race_shop["chair"]
    numbers, codes, raced_rounds = [], [], 0
    for round_no in range(ROUNDS):
        sale, lines = new_sale(race_shop, round_no, len(racers))
        answers = race(racers, [{"op": "register", "sale": sale.id, "line": line.id, "product": chair.id,
                                 "staff": staff.id} for line in lines])
        assert all(a["ok"] for a in answers), answers
        numbers += [a["reference"] for a in answers]
        codes += [code for a in answers for code in a["codes"]]
        raced_rounds += sum(a["lost_races"] for a in answers) > 0
    taken = ROUNDS * len(racers)
    assert len(set(numbers)) == len(numbers) == taken
    assert sorted(numbers) == [f"TH{TEST_NOW.year}-{n:06d}" for n in range(1, taken + 1)]
    assert sorted(codes) == [f"SH{TEST_NOW.year}-{n:06d}" for n in range(1, taken + 1)]
    assert sorted(o.number for o in ReturnOrder.select()) == sorted(numbers)
    assert DocumentSequence.get(DocumentSequence.doc_type == "return").next_value == taken + 1
    assert on_hand(chair, "inspection") == taken
    assert raced_rounds >= ROUNDS // 10, raced_rounds
    sound()


@racing
def test_two_pcs_inspecting_the_same_unit_one_wins_the_other_is_told_it_moved_on(race_shop):
    """Both PCs inspect the same unit at the same moment, one sending it to repair, the other back to sellable
    stock: one inspection is recorded, the other PC is told the unit has moved on, in words."""
    racers = race_shop["start"](2)
    staff = race_shop["staff"]
    targets = ["repairable", "sellable"]
    told = {source: 0 for source in MOVED_ON}
    for round_no in range(ROUNDS):
        sale, lines = new_sale(race_shop, round_no, 1)
        [item_id] = returned(race_shop, sale, lines, "refund")
        code = AftersalesItem.get_by_id(item_id).code
        answers = race(racers, [{"op": "inspect", "item": item_id, "target": t, "staff": staff.id}
                                for t in targets])
        assert sorted(a["ok"] for a in answers) == [False, True], answers
        won = next(t for a, t in zip(answers, targets) if a["ok"])
        loser = next(a for a in answers if not a["ok"])
        assert loser["source"] in MOVED_ON, loser
        told[loser["source"]] += 1
        current = {"repairable": "Repairable", "sellable": "Back in sellable stock"}[won]
        assert loser["message"].startswith(f"Item {code} is no longer “Waiting for inspection”: "), loser
        assert f"“{current}”" in loser["message"], loser
        item = AftersalesItem.get_by_id(item_id)
        assert item.status == won
        assert ItemEvent.select().where((ItemEvent.item == item_id) & (ItemEvent.code == EVENT_INSPECTED)).count() == 1
    # some losers lost the race itself (and ran again), the others started after the winner had committed
    assert told[MOVED_ON[0]] >= ROUNDS // 10, told
    sound()


@racing
def test_a_step_that_keeps_losing_is_refused_in_words_and_changes_nothing(race_shop):
    """Another PC changes the row this step has read, each time before the step writes it: after base.ATTEMPTS
    runs the step is refused with a clear message, and none of its writes is left."""
    from shop_aftersales.services.numbering import next_number

    other = postgres.make_database(postgres.parse(race_shop["url"]))  # the other PC's own connection
    other.connect()
    runs = []

    @business_step
    def scrap_and_repair_numbers():
        runs.append(base.raced())
        next_number("scrap")  # this PC writes...
        DocumentSequence.get(DocumentSequence.doc_type == "repair")  # ...and reads the repair counter
        other.execute_sql("UPDATE document_sequence SET next_value = next_value + 1 WHERE doc_type = 'repair'")
        return next_number("repair")  # its write of a row the other PC changed since cannot be serialised

    with db.atomic():
        for doc_type, prefix in (("scrap", "BF"), ("repair", "WX")):
            DocumentSequence.get_or_create(doc_type=doc_type, defaults={"prefix": prefix, "next_value": 1})

    def counters() -> tuple[int, int]:
        return tuple(DocumentSequence.get(DocumentSequence.doc_type == t).next_value for t in ("scrap", "repair"))

    scrap_before, repair_before = counters()
    before = base.lost_races()
    try:
        with pytest.raises(DomainError) as refused:
            scrap_and_repair_numbers()
        assert isinstance(refused.value, base.RaceLost)
        assert refused.value.message() == ("Another PC changed the same thing at the same moment; nothing was "
                                           "changed. Try again.")
        assert runs == [False] + [True] * (base.ATTEMPTS - 1)
        assert base.lost_races() - before == base.ATTEMPTS - 1
        assert counters() == (scrap_before, repair_before + base.ATTEMPTS)  # only the other PC's changes stayed

        runs.clear()  # a step inside a transaction already is part of a bigger one: that one decides, not the step
        with pytest.raises(Exception) as failed:
            with db.atomic():
                scrap_and_repair_numbers()
        assert base.sqlstate(failed.value) == "40001" and runs == [False]
        assert counters() == (scrap_before, repair_before + base.ATTEMPTS + 1)
    finally:
        other.close()
    sound()


def test_a_refused_step_is_not_run_again(counter):
    """Only a lost race runs a step again: the app's own refusal comes back at once, and nothing is written."""
    runs = []

    @business_step
    def refused_step():
        runs.append(base.raced())
        put_on_shelf(counter["chair"], 1)
        raise DomainError("Write down why nothing is refunded or exchanged.")

    with pytest.raises(DomainError, match="Write down why"):
        refused_step()
    assert runs == [False] and on_hand(counter["chair"], "sellable") == 0


def test_a_unit_another_pc_moved_meanwhile_is_refused_in_words(counter):
    """The screen still showed the unit waiting for inspection, but it was inspected (on another PC) since: the
    refusal says where it is now and since when; a move the unit cannot make from there says so."""
    sale, lines = new_sale(counter, 1, 1)
    [item_id] = returned(counter, sale, lines, "refund")
    code = AftersalesItem.get_by_id(item_id).code
    items.inspect(item_id, "主板虚焊", "repairable", counter["staff"])
    events = ItemEvent.select().count()
    with pytest.raises(DomainError) as refused:
        items.inspect(item_id, "无故障", "sellable", counter["staff"])
    assert refused.value.message() == (
        f"Item {code} is no longer “Waiting for inspection”: since {TEST_NOW:%Y-%m-%d %H:%M} it is “Repairable”. "
        "Nothing was changed here; look at the item again.")
    with pytest.raises(DomainError) as refused:
        items.move_item(item_id, "resale", counter["staff"])
    assert refused.value.message() == (
        f"Item {code} is “Repairable” (since {TEST_NOW:%Y-%m-%d %H:%M}); it cannot go to “On the resale shelf” "
        "from there. Nothing was changed.")
    assert AftersalesItem.get_by_id(item_id).status == "repairable" and ItemEvent.select().count() == events


@racing
def test_a_step_caught_in_a_deadlock_runs_again_and_succeeds(race_shop, caplog):
    """This PC holds one counter and waits for a second that another PC holds, while the other waits for the first:
    the server breaks the deadlock by rolling this step back, and the step runs again once the other is through."""
    import threading
    import time

    import psycopg

    from shop_aftersales.services.numbering import next_number

    with db.atomic():
        for doc_type, prefix in (("scrap", "BF"), ("repair", "WX")):
            DocumentSequence.get_or_create(doc_type=doc_type, defaults={"prefix": prefix, "next_value": 1})
    holding = threading.Event()

    def other_pc():
        with psycopg.connect(race_shop["url"]) as conn:  # one transaction: repair's counter, then scrap's
            conn.execute("UPDATE document_sequence SET next_value = next_value + 10 WHERE doc_type = 'repair'")
            holding.set()
            time.sleep(0.3)  # this PC is waiting for the repair counter by now
            conn.execute("UPDATE document_sequence SET next_value = next_value + 10 WHERE doc_type = 'scrap'")

    runs, other = [], threading.Thread(target=other_pc, daemon=True)

    @business_step
    def scrap_then_repair():
        runs.append(base.raced())
        scrap = next_number("scrap")
        if len(runs) == 1:
            other.start()
            holding.wait(10)
        return scrap, next_number("repair")

    caplog.set_level("INFO", logger="shop_aftersales.services.base")
    assert scrap_then_repair() == (f"BF{TEST_NOW.year}-000011", f"WX{TEST_NOW.year}-000011")
    other.join(10)
    assert runs[:2] == [False, True]
    assert "deadlock" in caplog.records[0].getMessage()
