"""What every business step shares: its transaction and the description of what it changed."""

from __future__ import annotations

import contextvars
import functools
import logging
import random
import time
from dataclasses import dataclass, field
from typing import Callable, ParamSpec, TypeVar

from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP
from ..models import db, notify
from ..models.dialect import postgres

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")


class Cancelled(Exception):
    """Raised by a progress callback when the user cancels a long step; its transaction rolls back."""


Progress = Callable[[int], None]  # called now and then with how many rows are done


@dataclass(frozen=True)
class Changes:
    """What a business step changed, for screens to decide whether to refresh."""

    catalog: bool = False
    people: bool = False
    sales: bool = False
    stock: bool = False
    settings: bool = False
    items: bool = False  # after-sales items, return orders and what was done about them
    repairs: bool = False  # repair orders, technicians, the board
    created: int = 0
    skipped: int = 0
    messages: tuple[str, ...] = field(default_factory=tuple)
    reference: str = ""  # the document the step created (e.g. a return order number)
    ids: tuple[int, ...] = ()  # ids of what it created

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(
            catalog=self.catalog or other.catalog,
            people=self.people or other.people,
            sales=self.sales or other.sales,
            stock=self.stock or other.stock,
            settings=self.settings or other.settings,
            items=self.items or other.items,
            repairs=self.repairs or other.repairs,
            created=self.created + other.created,
            skipped=self.skipped + other.skipped,
            messages=self.messages + other.messages,
            reference=self.reference or other.reference,
            ids=self.ids + other.ids,
        )


def business_step(fn: Callable[P, R]) -> Callable[P, R]:
    """Run *fn* as one transaction: it all commits, or nothing is written.

    Nested steps become savepoints of the outer one (peewee's atomic()). On PostgreSQL, where several PCs share
    the shop and every step runs SERIALIZABLE, the outermost step that lost a race with another PC (a
    serialization failure or a deadlock: the server rolled it back) is run again from the start, so it reads the
    database as the other PC left it and either succeeds or gives the step's ordinary refusal (nothing left in
    stock, the unit has moved on...). After :data:`ATTEMPTS` lost races in a row it is refused in words.
    """

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if db.transaction_depth() or not postgres():
            with db.atomic():
                return _told(fn(*args, **kwargs))
        return _with_retries(fn, args, kwargs)

    return wrapper


# --- losing a race with another PC (PostgreSQL) -------------------------------------------------------------------

ATTEMPTS = 6                # runs of one step before it is refused
BACKOFF_SECONDS = 0.01      # the pause before the n-th run again is random, up to this × 2ⁿ⁻¹ (10, 20, 40... ms)
RACE_SQLSTATES = {"40001": "serialization failure", "40P01": "deadlock"}

_raced: contextvars.ContextVar[int] = contextvars.ContextVar("shop_aftersales_raced", default=0)
_lost_races = 0  # in this process, since it started: how often a step was run again (read by the tests)


class RaceLost(DomainError):
    """Another PC kept changing the same rows: the step was tried :data:`ATTEMPTS` times; nothing was written."""


def sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE of a database error (peewee's wrapper, or the driver's own error, or what it was raised from),
    or None."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        each = todo.pop(0)
        if each is None or id(each) in seen:
            continue
        seen.add(id(each))
        state = getattr(each, "sqlstate", None) or getattr(each, "pgcode", None)
        if isinstance(state, str) and state:
            return state
        if isinstance(each, BaseException):
            todo += [getattr(each, "orig", None), each.__cause__, each.__context__,
                     *(a for a in each.args[:1] if isinstance(a, BaseException))]
    return None


def lost_race(exc: BaseException) -> bool:
    """Did the server roll the transaction back because another one changed the same rows at the same moment?"""
    return isinstance(exc, Exception) and not isinstance(exc, DomainError) and sqlstate(exc) in RACE_SQLSTATES


def raced() -> bool:
    """Is the business step running now a second (or later) run, after it lost a race with another PC? Refusals
    use it to say that another PC has just changed what the step needed."""
    return _raced.get() > 0


def lost_races() -> int:
    """How many times, in this process, a step lost a race and ran again."""
    return _lost_races


def _with_retries(fn: Callable[..., R], args, kwargs) -> R:
    global _lost_races
    for attempt in range(ATTEMPTS):
        token = _raced.set(attempt)
        try:
            with db.atomic():
                return _told(fn(*args, **kwargs))
        except Exception as exc:
            if not lost_race(exc):
                raise
            log.info("%s lost a race with another PC (%s, run %d of %d)", getattr(fn, "__qualname__", fn),
                     RACE_SQLSTATES[sqlstate(exc)], attempt + 1, ATTEMPTS)
            if attempt + 1 == ATTEMPTS:
                raise RaceLost(QT_TRANSLATE_NOOP(
                    "Domain", "Another PC changed the same thing at the same moment; nothing was changed. Try "
                    "again.")) from exc
            _lost_races += 1
        finally:
            _raced.reset(token)
        time.sleep(random.uniform(0, BACKOFF_SECONDS * 2 ** attempt))
    raise AssertionError("unreachable")  # pragma: no cover


# --- telling the other PCs (PostgreSQL) ---------------------------------------------------------------------------

def _told(result: R) -> R:
    """*result* of a step, after telling the other PCs what it changed: on PostgreSQL, inside the step's own
    transaction, so they hear of it only if it commits (models.notify; a nested step says only which kinds of data
    changed, the outermost its document and ids too). On SQLite nothing is sent."""
    if isinstance(result, Changes) and notify.in_postgres():
        flags = {name: getattr(result, name) for name in notify.FLAGS}
        if db.transaction_depth() > 1:
            notify.send(flags)
        else:
            notify.send(flags, result.reference, result.ids)
    return result
