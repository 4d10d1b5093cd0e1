"""Several PCs on one PostgreSQL shop: telling the others what a step changed, and a connection that went away.

A business step that commits tells every other PC, in the same transaction (so only a committed step is heard of),
with ``NOTIFY shop_changes, '<json>'``: which kinds of data changed, the document it made and the ids, and who sent
it (this process's token and id, so a PC ignores its own). :class:`Listener` waits for those on a connection of its
own, on a thread of its own, and hands each one from another process to a callback (ui.live turns it into the
app's one "data changed" signal). When the server goes away it tries again, waiting longer each time, and once it
is back it says so (the screens then refresh in full: what was said meanwhile was lost).

A step whose connection broke fails with :class:`ConnectionLost`; the broken connection is dropped
(:func:`forget_broken_connection`) so the next step opens a new one. On SQLite none of this runs.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import uuid
from dataclasses import dataclass
from typing import Any, Callable

import peewee as pw

from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP
from .base import db

try:  # the driver PostgreSQL shops use (models.postgres.make_database); absent, there is no PostgreSQL shop
    import psycopg
except ImportError:  # pragma: no cover - psycopg is a dependency of the app
    psycopg = None

log = logging.getLogger(__name__)

CHANNEL = "shop_changes"
LISTENER_NAME = "shop-aftersales-listener"  # its application_name: the listening connection, told apart
SIDE_NAME = "shop-aftersales-side"          # a short side connection (services.staff's PIN count)
# The kinds of data a step changes (services.base.Changes' yes/no fields), in the order they are sent.
FLAGS = ("catalog", "people", "sales", "stock", "settings", "items", "repairs")
# PostgreSQL refuses a payload of 8000 bytes or more: the ids are left out of a longer one (the kinds are enough
# for a screen to refresh).
MAX_PAYLOAD = 7000
# This process, as the sender of its notifications: a process id alone may repeat on another PC.
SENDER = uuid.uuid4().hex[:16]
FIRST_RETRY = 0.25   # seconds the listener waits before trying the server again, doubled each time ...
LONGEST_RETRY = 8.0  # ... up to this
POLL = 0.25          # how often the listener looks whether it must stop
LOCK_SECONDS = 2     # how long a side connection waits for a row another connection holds


class ConnectionLost(DomainError):
    """The connection to the PostgreSQL server broke during a step (or could not be made again)."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Domain", "The connection to the shop's database was lost. Nothing of this step was saved; what you "
            "typed is still here. The app reconnects when the network is back."))


def in_postgres(database: Any = None) -> bool:
    return isinstance(database if database is not None else db.obj, pw.PostgresqlDatabase)


# --- what a step says to the other PCs ---------------------------------------------------------------------------

def payload(flags: dict[str, bool], reference: str = "", ids: tuple[int, ...] = ()) -> str:
    """The notification's text: the kinds that changed, the document, the ids, and who sends it."""
    message: dict[str, Any] = {"sender": SENDER, "pid": os.getpid(),
                               "changed": [name for name in FLAGS if flags.get(name)]}
    if reference:
        message["reference"] = reference
    if ids:
        message["ids"] = [int(i) for i in ids]
    text = json.dumps(message, ensure_ascii=False, separators=(",", ":"))
    if len(text.encode("utf-8")) > MAX_PAYLOAD:
        message.pop("ids", None)
        message["more"] = True  # more was created than a notification holds
        text = json.dumps(message, ensure_ascii=False, separators=(",", ":"))
    return text


def send(flags: dict[str, bool], reference: str = "", ids: tuple[int, ...] = ()) -> None:
    """Within the step's transaction: tell the other PCs (delivered at its commit, never if it rolls back)."""
    if not in_postgres() or not any(flags.get(name) for name in FLAGS) and not reference:
        return
    db.execute_sql("SELECT pg_notify(%s, %s)", (CHANNEL, payload(flags, reference, ids)))


@dataclass(frozen=True)
class Heard:
    """A notification from another process, read back."""

    changed: frozenset[str]
    reference: str = ""
    ids: tuple[int, ...] = ()
    pid: int = 0
    sender: str = ""


def read(text: str) -> Heard | None:
    """*text* as sent by :func:`payload`, or None when it is not one of ours."""
    try:
        message = json.loads(text)
        changed = frozenset(str(name) for name in message.get("changed", ()) if name in FLAGS)
        ids = tuple(int(i) for i in message.get("ids", ()))
        return Heard(changed, str(message.get("reference", "")), ids, int(message.get("pid", 0)),
                     str(message.get("sender", "")))
    except (ValueError, TypeError, AttributeError):
        return None


# --- a connection that went away ---------------------------------------------------------------------------------

_LOST_STATES = ("08", "57P01", "57P02", "57P03")  # connection exception; admin/crash shutdown; cannot connect now


def _causes(exc: BaseException):
    seen: set[int] = set()
    todo = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo.extend(a for a in getattr(current, "args", ()) if isinstance(a, BaseException))
        todo.extend((current.__cause__, current.__context__))


def connection_lost(exc: BaseException, database: Any = None) -> bool:
    """True when *exc* says the connection to the PostgreSQL server broke or cannot be made (a server that went
    away, a network cut, a backend ended by the server) — not when a statement was merely refused."""
    if psycopg is None or isinstance(exc, DomainError) or not in_postgres(database):
        return False
    for cause in _causes(exc):
        if isinstance(cause, psycopg.Error):
            state = getattr(cause, "sqlstate", None)
            if state is None:  # the driver's own errors: no answer from the server at all
                if isinstance(cause, (psycopg.OperationalError, psycopg.InterfaceError)):
                    return True
            elif state.startswith(_LOST_STATES[0]) or state in _LOST_STATES[1:]:
                return True
    conn = _current_connection(database)
    return conn is not None and bool(getattr(conn, "closed", False) or getattr(conn, "broken", False)) \
        and isinstance(exc, (pw.OperationalError, pw.InterfaceError))


def _current_connection(database: Any = None):
    database = database if database is not None else db.obj
    state = getattr(database, "_state", None)
    return getattr(state, "conn", None) if state is not None and not state.closed else None


def forget_broken_connection(database: Any = None, always: bool = False) -> bool:
    """Drop this thread's connection to the server when it is broken (or, *always*, whenever it is open and no
    transaction is running on it), so the next use opens a new one. True when one was dropped."""
    database = database if database is not None else db.obj
    if not in_postgres(database):
        return False
    conn = _current_connection(database)
    if conn is None:
        return False
    broken = bool(conn.closed or conn.broken)
    if not broken and (not always or database.in_transaction()):
        return False
    try:
        conn.close()
    except Exception:  # noqa: BLE001 - it is being thrown away
        pass
    database._state.reset()  # peewee forgets it (and the transactions it thought were open on it)
    log.info("Dropped the connection to the database server (%s); the next step reconnects",
             "broken" if broken else "after a lost connection")
    return True


def lost(exc: BaseException) -> ConnectionLost | None:
    """For a step that failed with *exc*: a ConnectionLost (and this thread's broken connection dropped) when the
    connection went away, else None."""
    if not connection_lost(exc):
        return None
    log.warning("The connection to the database server was lost during a step: %s", exc)
    forget_broken_connection(always=True)
    error = ConnectionLost()
    error.__cause__ = exc
    return error


def _safe_again(sql: str) -> bool:
    """A statement that may simply be sent again on a new connection: it reads, or begins a transaction."""
    return sql.lstrip().split(None, 1)[:1] in (["SELECT"], ["select"], ["BEGIN"], ["WITH"], ["SHOW"])


class ShopPostgresqlDatabase(pw.PostgresqlDatabase):
    """The shop's PostgreSQL database: a connection the server dropped while it stood idle (a server restarted, a
    backend ended, a firewall that forgets quiet connections) is replaced at its next use, when that use is a
    read outside a transaction or the BEGIN of a step — nothing had been sent on it, so nothing is done twice. A
    connection lost in the middle of a step fails the step (ConnectionLost, said by the UI), and is replaced at
    the next one."""

    def execute_sql(self, sql, params=None):
        try:
            return super().execute_sql(sql, params)
        except (pw.OperationalError, pw.InterfaceError) as exc:
            if self.in_transaction() or not _safe_again(sql) or not connection_lost(exc, self):
                raise
            self._replace_connection(exc)
            return super().execute_sql(sql, params)

    def begin(self, *args, **kwargs):
        try:
            return super().begin(*args, **kwargs)
        except (pw.OperationalError, pw.InterfaceError) as exc:
            if self.transaction_depth() > 1 or not connection_lost(exc, self):
                raise
            self._replace_connection(exc)
            return super().begin(*args, **kwargs)

    def _replace_connection(self, exc: BaseException) -> None:
        log.info("The database server dropped an idle connection (%s); opening a new one", exc)
        conn = _current_connection(self)
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - it is being thrown away
                pass
        transactions = list(self._state.transactions)  # the step being begun keeps its place
        self._state.reset()
        self.connect()
        self._state.transactions = transactions


def side_connection(database: Any = None):
    """A short-lived connection of its own to the shop's PostgreSQL database, in autocommit (its statements are
    committed at once, whatever the step's own transaction does). It waits at most LOCK_SECONDS for a row."""
    database = database if database is not None else db.obj
    params = dict(database.connect_params)
    params["application_name"] = SIDE_NAME
    params["options"] = (params.get("options", "") + f" -c lock_timeout={LOCK_SECONDS * 1000}").strip()
    return psycopg.connect(conninfo=database.database, autocommit=True, **params)


# --- hearing the other PCs ---------------------------------------------------------------------------------------

class Listener:
    """Waits for the other PCs' notifications on a connection of its own, on a daemon thread.

    *on_heard(Heard)* is called (on that thread) for each notification from another process; *on_back()* once the
    server is reachable again after the connection was lost (what was said meanwhile is lost: refresh in full).
    It stops by itself when the process opens another shop (db.obj is no longer *database*) or the database is
    gone from the server."""

    def __init__(self, database: pw.PostgresqlDatabase, on_heard: Callable[[Heard], None],
                 on_back: Callable[[], None] | None = None, on_lost: Callable[[], None] | None = None) -> None:
        self.database = database
        self.on_heard = on_heard
        self.on_back = on_back
        self.on_lost = on_lost
        self._stop = threading.Event()
        self.listening = threading.Event()  # set while LISTEN is in force (tests wait for it)
        self.backend_pid: int | None = None  # the listening connection's server process
        self.reconnections = 0
        self._thread = threading.Thread(target=self._run, name="db-listener", daemon=True)

    def start(self) -> "Listener":
        self._thread.start()
        return self

    def stop(self, wait: float = 1.0) -> None:
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(wait)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _wanted(self) -> bool:
        return not self._stop.is_set() and db.obj is self.database

    def _connect(self):
        params = dict(self.database.connect_params)
        params["application_name"] = LISTENER_NAME
        return psycopg.connect(conninfo=self.database.database, autocommit=True, **params)

    def _run(self) -> None:
        delay = FIRST_RETRY
        was_lost = False
        while self._wanted():
            try:
                conn = self._connect()
            except psycopg.Error as exc:
                if "does not exist" in str(exc):  # the shop's database was dropped: nothing to wait for
                    log.info("The shop's database is gone; no longer listening for other PCs")
                    return
                if not was_lost:
                    log.warning("Cannot listen for the other PCs' changes (%s); trying again", exc)
                    was_lost = True
                    self._call(self.on_lost)
                self._stop.wait(delay)
                delay = min(delay * 2, LONGEST_RETRY)
                continue
            try:
                conn.execute(f"LISTEN {CHANNEL}")
                self.backend_pid = conn.info.backend_pid
                self.listening.set()
                delay = FIRST_RETRY
                if was_lost:
                    was_lost = False
                    self.reconnections += 1
                    log.info("Listening for the other PCs' changes again")
                    self._call(self.on_back)
                while self._wanted():
                    for note in conn.notifies(timeout=POLL):
                        heard = read(note.payload) if note.channel == CHANNEL else None
                        if heard is not None and heard.sender != SENDER:
                            self._call(self.on_heard, heard)
            except psycopg.Error as exc:
                self.listening.clear()
                if not self._wanted():
                    return
                log.warning("Lost the connection that listens for the other PCs' changes (%s); reconnecting", exc)
                was_lost = True
                self._call(self.on_lost)
                self._stop.wait(FIRST_RETRY)
            finally:
                self.listening.clear()
                try:
                    conn.close()
                except Exception:  # noqa: BLE001
                    pass

    @staticmethod
    def _call(callback, *args) -> None:
        if callback is None:
            return
        try:
            callback(*args)
        except RuntimeError:  # the Qt object it reports to is gone (the window was closed)
            pass
        except Exception:  # noqa: BLE001 - a listener must go on listening
            log.exception("A live-refresh callback failed")
