"""Several PCs on one PostgreSQL shop, as real processes: a step committed on one PC refreshes the others' screens
within a second; a PC does not hear its own steps twice; a connection the server dropped fails the step in words,
keeps what was typed, and the next step reconnects; the listener comes back after its connection was killed; a
wrong PIN counts on every PC even when its step is refused.

This file is also the other PC: ``python tests/test_live_refresh.py URL MOMENT`` opens the shop once and runs the
steps it is sent on stdin, one JSON line each, answering one JSON line each after its commit.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.postgres_only("several PCs share one PostgreSQL shop")]

HERE = Path(__file__).resolve()
LOST = "The connection to the shop's database was lost. Nothing of this step was saved"


# --- the other PC -----------------------------------------------------------------------------------------------

def _other_pc(url: str, moment: str) -> None:
    from shop_aftersales import clock
    from shop_aftersales.errors import DomainError
    from shop_aftersales.models import Staff
    from shop_aftersales.models.database import open_postgres_url
    from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return
    from shop_aftersales.services.staff import save_staff, verify

    def say(answer: dict) -> None:
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    with clock.frozen(dt.datetime.fromisoformat(moment)):
        open_postgres_url(url)
        say({"started": True})
        while line := sys.stdin.readline():
            cmd = json.loads(line)
            try:
                if cmd["op"] == "quit":
                    break
                if cmd["op"] == "staff":
                    changes = save_staff(None, cmd["name"], "sales", True, "", None)
                elif cmd["op"] == "return":
                    changes = register_return(ReturnRequest(lines=[ReturnLine(
                        cmd["product"], 1, "quality", "used", "refund", sale_line_id=cmd["line"])],
                        sale_id=cmd["sale"]))
                elif cmd["op"] == "pin":  # the owner's PIN typed on this PC
                    verify(Staff.get_by_id(cmd["staff"]), cmd["pin"])
                    say({"ok": True})
                    continue
                else:
                    raise ValueError(cmd)
                say({"ok": True, "reference": changes.reference, "ids": list(changes.ids)})
            except DomainError as refused:
                say({"ok": False, "source": refused.source, "message": refused.message()})


class OtherPC:
    """A process of its own on the same shop (another PC)."""

    def __init__(self, url: str) -> None:
        from helpers import TEST_NOW, app_env

        self.process = subprocess.Popen([sys.executable, str(HERE), url, TEST_NOW.isoformat()],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        env=app_env(), cwd=str(HERE.parent.parent))
        assert self._answer() == {"started": True}

    def _answer(self) -> dict:
        line = self.process.stdout.readline()
        assert line, "the other PC's process ended"
        return json.loads(line)

    def run(self, **cmd) -> dict:
        """Run a step there; returns once it has committed (or was refused)."""
        self.process.stdin.write(json.dumps(cmd, ensure_ascii=False) + "\n")
        self.process.stdin.flush()
        return self._answer()

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.process.stdin.write('{"op": "quit"}\n')
                self.process.stdin.close()
                self.process.wait(10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()


@pytest.fixture
def other_pc():
    """Another PC on the shop open now (started on first use, ended after the test)."""
    from shop_aftersales.models import db

    started: list[OtherPC] = []

    def start() -> OtherPC:
        started.append(OtherPC(db.obj.database))
        return started[-1]

    yield start
    for pc in started:
        pc.close()


# --- helpers of the tests -----------------------------------------------------------------------------------------

def listening(qtbot, context) -> None:
    qtbot.waitUntil(context.live.listener.listening.is_set, timeout=10_000)


def server():
    """A connection of the test's own to the shop's database (the hand that pulls the plug)."""
    import psycopg

    from shop_aftersales.models import db

    return psycopg.connect(conninfo=db.obj.database, autocommit=True)


def kill(application_name: str) -> list[int]:
    """End the server processes of the app's connections called *application_name* (not the test's own)."""
    import psycopg

    from shop_aftersales.models import db
    from shop_aftersales.models.database import TEST_ENV

    name = db.obj.database.rsplit("/", 1)[1]
    with psycopg.connect(conninfo=os.environ[TEST_ENV], autocommit=True) as conn:  # the server's own database
        pids = [row[0] for row in conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND application_name = %s",
            (name, application_name))]
        for pid in pids:
            conn.execute("SELECT pg_terminate_backend(%s, 5000)", (pid,))
    return pids


def a_returnable_line():
    from shop_aftersales.clock import now
    from shop_aftersales.models import Sale
    from shop_aftersales.services.returns import returnable_lines

    since = now() - dt.timedelta(days=5)
    for sale in Sale.select().where(Sale.sold_at >= since).order_by(Sale.id.desc()):
        for line in returnable_lines(sale.id):
            if line.returnable >= 1:
                return sale, line.line
    raise AssertionError("the demo shop has no recent returnable line")


def remote(changes) -> bool:
    from shop_aftersales.ui.live import RemoteChanges

    return isinstance(changes, RemoteChanges)


# --- the tests ----------------------------------------------------------------------------------------------------

def test_a_return_registered_on_another_pc_refreshes_this_one_within_a_second(window, qtbot, other_pc):
    from shop_aftersales.models import ReturnOrder

    context = window.context
    listening(qtbot, context)
    pc = other_pc()
    sale, line = a_returnable_line()
    with qtbot.waitSignal(context.changed, timeout=1000, check_params_cb=remote) as heard:
        answer = pc.run(op="return", sale=sale.id, line=line.id, product=line.product_id)
        committed = time.monotonic()  # nothing reaches this window while the test waits for the other PC
    assert answer["ok"], answer
    changes = heard.args[0]
    assert changes.items and changes.stock and changes.reference == answer["reference"]
    assert list(changes.ids) == answer["ids"] and not changes.messages
    assert time.monotonic() - committed < 1.0
    assert ReturnOrder.get(ReturnOrder.number == answer["reference"]).items.count() == 1  # and it is there to see

    # a screen that shows the data refreshes: a new staff member on the other PC is in this PC's staff box
    with qtbot.waitSignal(context.changed, timeout=1000, check_params_cb=remote):
        assert pc.run(op="staff", name="远程新同事")["ok"]
    names = [window.staff_combo.itemText(i) for i in range(window.staff_combo.count())]
    assert any("远程新同事" in name for name in names), names

    # a step refused there (rolled back) is never heard of here
    with qtbot.assertNotEmitted(context.changed, wait=1000):
        refused = pc.run(op="staff", name="")
    assert not refused["ok"] and refused["source"] == "Give the staff member's name."


def test_this_pcs_own_steps_are_not_heard_twice(window, qtbot, other_pc):
    from shop_aftersales.models import notify
    from shop_aftersales.services.staff import save_staff
    from helpers import settle

    context = window.context
    listening(qtbot, context)
    seen = []
    context.changed.connect(seen.append)
    with server() as spy:  # hears everything said on the channel, this PC's own notifications too
        spy.execute(f"LISTEN {notify.CHANNEL}")
        context.ops.run(save_staff, None, "本机新同事", "sales", True, "", None)
        settle(qtbot, window)
        qtbot.wait(1000)  # time enough for an echo, would there be one
        said = [json.loads(n.payload) for n in spy.notifies(timeout=1.0, stop_after=1)]
    assert said and said[0]["sender"] == notify.SENDER and said[0]["pid"] == os.getpid()
    assert said[0]["changed"] == ["people"]
    assert len(seen) == 1 and not remote(seen[0]) and seen[0].people  # announced once, by the step itself
    # ... while the listener does hear the other PC
    with qtbot.waitSignal(context.changed, timeout=1000, check_params_cb=remote):
        assert other_pc().run(op="staff", name="另一台的同事")["ok"]
    assert len(seen) == 2


def test_a_connection_the_server_dropped_while_idle_is_replaced_unnoticed(window, qtbot):
    """Nothing had been sent on it: the screens' next read and the next step simply open a new connection."""
    from shop_aftersales.models import Staff
    from shop_aftersales.services.staff import save_staff
    from helpers import settle

    context = window.context
    done, failures = [], []
    context.ops.run(save_staff, None, "断线前的同事", "sales", True, "", None, on_success=done.append)
    settle(qtbot, window)
    staff_before = Staff.select().count()
    assert kill("shop-aftersales")  # this PC's connections (the screens'; the writer's, were it open)
    assert Staff.select().count() == staff_before  # a read on a new connection
    context.ops.run(save_staff, None, "断线后的同事", "sales", True, "", None, on_success=done.append,
                    on_failure=failures.append)
    settle(qtbot, window)
    assert len(done) == 2 and failures == []
    assert Staff.select().where(Staff.name == "断线后的同事").exists()


def test_a_connection_lost_in_the_middle_of_a_step_keeps_the_form_and_the_next_step_reconnects(
        window, qtbot, monkeypatch):
    from PySide6.QtCore import Qt

    from shop_aftersales.models import AftersalesItem, ReturnOrder, StockMove, db
    from shop_aftersales.services import returns
    from shop_aftersales.services.checks import run_checks
    from helpers import settle

    shown, killed = [], []
    monkeypatch.setattr("shop_aftersales.ui.intake_form.show_error", lambda parent, error: shown.append(str(error)))
    real_move = returns.move

    def move_then_pull_the_plug(*args, **kwargs):  # the server ends the step's connection halfway through it
        moved = real_move(*args, **kwargs)
        if not killed:
            pid = db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
            with server() as conn:
                killed.append(conn.execute("SELECT pg_terminate_backend(%s, 5000)", (pid,)).fetchone()[0])
        return moved

    monkeypatch.setattr(returns, "move", move_then_pull_the_plug)
    sale, line = a_returnable_line()
    form = window.intake_tab.form
    form.find_edit.setText(sale.receipt_no)
    form.find_sale()
    row = next(i for i, unit in enumerate(form.rows) if unit.sale_line_id == line.id)
    form.set_checked(row, True)
    form.table.selectRow(row)
    form.reason.setCurrentIndex(form.reason.findData("quality"))
    form.fault.setPlainText("屏幕闪烁")
    form.note.setText("顾客很着急")
    counts = (ReturnOrder.select().count(), AftersalesItem.select().count(), StockMove.select().count())
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert killed == [True]
    assert len(shown) == 1 and shown[0].startswith(LOST), shown
    assert form.rows[row].checked and form.fault.toPlainText() == "屏幕闪烁" and form.note.text() == "顾客很着急"
    assert form.sale is not None and form.save_button.isEnabled()  # what was typed is still there
    assert (ReturnOrder.select().count(), AftersalesItem.select().count(), StockMove.select().count()) == counts
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)  # the next try, on a new connection
    settle(qtbot, window)
    assert len(shown) == 1, shown
    assert ReturnOrder.select().count() == counts[0] + 1 and "Saved return" in form.result.text()
    assert [str(f) for f in run_checks()] == []


def test_the_listener_comes_back_after_its_connection_was_killed(window, qtbot, other_pc):
    from shop_aftersales.models import notify
    from shop_aftersales.ui.live import EVERYTHING

    context = window.context
    listening(qtbot, context)
    pc = other_pc()
    first = context.live.listener.backend_pid

    def everything(changes) -> bool:
        return remote(changes) and all(getattr(changes, name) for name in EVERYTHING)

    with qtbot.waitSignal(context.changed, timeout=5000, check_params_cb=everything):  # it reconnects: all refresh
        assert kill(notify.LISTENER_NAME) == [first]
    listening(qtbot, context)
    assert context.live.listener.backend_pid != first and context.live.listener.reconnections == 1
    with qtbot.waitSignal(context.changed, timeout=1000, check_params_cb=remote) as heard:
        assert pc.run(op="staff", name="断线后的同事")["ok"]
    assert heard.args[0].people


def test_a_server_away_for_a_while(window, qtbot, other_pc):
    """The database refuses every connection for a while (the server PC is off): steps fail in words, the listener
    waits; once it is back, the next step succeeds and the screens refresh in full."""
    import psycopg

    from shop_aftersales.models import Staff, db, notify
    from shop_aftersales.models.database import TEST_ENV
    from shop_aftersales.services.staff import save_staff
    from shop_aftersales.ui.live import EVERYTHING
    from helpers import settle

    context = window.context
    listening(qtbot, context)
    name = db.obj.database.rsplit("/", 1)[1]
    failures = []
    with psycopg.connect(conninfo=os.environ[TEST_ENV], autocommit=True) as conn:  # the server's own database
        conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        try:
            kill("shop-aftersales")
            kill(notify.LISTENER_NAME)
            qtbot.waitUntil(lambda: not context.live.listener.listening.is_set(), timeout=5000)
            for attempt in range(2):  # no new connection can be opened for them
                context.ops.run(save_staff, None, f"停电时的同事{attempt}", "sales", True, "", None,
                                on_failure=failures.append)
                settle(qtbot, window)
            qtbot.wait(1500)  # the listener tries again meanwhile, and again
            assert not context.live.listener.listening.is_set()
        finally:
            conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    assert [type(f).__name__ for f in failures] == ["ConnectionLost", "ConnectionLost"]
    assert all(f.message().startswith(LOST) for f in failures)

    def everything(changes) -> bool:
        return remote(changes) and all(getattr(changes, name) for name in EVERYTHING)

    with qtbot.waitSignal(context.changed, timeout=LONGEST_WAIT_MS, check_params_cb=everything):
        pass  # back: every screen refreshes (what the other PCs did meanwhile was not heard)
    done = []
    context.ops.run(save_staff, None, "来电后的同事", "sales", True, "", None, on_success=done.append,
                    on_failure=failures.append)
    settle(qtbot, window)
    assert done and len(failures) == 2
    assert not Staff.select().where(Staff.name.startswith("停电时")).exists()
    assert Staff.select().where(Staff.name == "来电后的同事").exists()
    with qtbot.waitSignal(context.changed, timeout=1000, check_params_cb=remote):
        assert other_pc().run(op="staff", name="又一台的同事")["ok"]


LONGEST_WAIT_MS = 12_000  # the listener's longest pause between two tries (notify.LONGEST_RETRY) and a margin


def test_a_wrong_pin_counts_on_every_pc_even_when_its_step_is_refused(window, qtbot, other_pc):
    """The PIN count is written on a side connection of its own: another PC sees it at once, and is refused too."""
    from shop_aftersales.errors import DomainError
    from shop_aftersales.models import Staff
    from shop_aftersales.services import settings as shop_settings
    from shop_aftersales.services import staff as staff_steps
    from shop_aftersales.services.staff import Approval

    owner = Staff.select().where(Staff.role == "owner").order_by(Staff.id).first()
    clerk = Staff.select().where(Staff.role == "sales").order_by(Staff.id).first()
    staff_steps.save_staff(owner.id, owner.name, "owner", True, "246813", None)
    owner = Staff.get_by_id(owner.id)
    pc = other_pc()
    for _ in range(2):
        with pytest.raises(DomainError, match="Wrong PIN"):
            shop_settings.update({"promise.refund_days": "9"}, clerk, Approval(owner, "111111"))
    with server() as conn:  # committed, seen by every other connection
        assert conn.execute('SELECT "pin_failures" FROM "staff" WHERE "id" = %s', (owner.id,)).fetchone() == (2,)
    assert not staff_steps._pending
    wrong = pc.run(op="pin", staff=owner.id, pin="222222")  # the third, on the other PC: the PIN is now blocked
    assert not wrong["ok"] and "the next try must wait 30 seconds" in wrong["message"]
    with pytest.raises(staff_steps.PinThrottled, match="Try again in 30 seconds"):
        shop_settings.update({"promise.refund_days": "9"}, clerk, Approval(owner, "246813"))  # here: blocked too
    assert shop_settings.get("promise.refund_days") != "9"


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    _other_pc(sys.argv[1], sys.argv[2])
