"""The one clock of the app.

Times are shop wall-clock time (naive ``datetime`` in the PC's local zone), stored by peewee as
ISO text 'YYYY-MM-DD HH:MM:SS.ffffff', which sorts and compares correctly in SQL. A one-shop app
has one time zone; tests freeze the clock with :func:`frozen`.

Nothing else in the app reads the wall clock for a business date (Qt's ``QDate.currentDate()`` included):
every "today" comes from here, so a frozen clock rules the whole app.

``SHOP_AFTERSALES_NOW=2026-06-17T10:30`` in the environment starts the clock at that moment and lets it run
on from there: the tests use it for the processes they start (demo-data, check, the CLI), and it shows the
demo shop as it would look on a date of one's choosing, without changing the PC's clock.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
from typing import Iterator

ENV = "SHOP_AFTERSALES_NOW"

_frozen: _dt.datetime | None = None


def _offset_from_environment() -> _dt.timedelta:
    value = os.environ.get(ENV, "").strip()
    if not value:
        return _dt.timedelta(0)
    try:
        start = _dt.datetime.fromisoformat(value)
    except ValueError:
        raise SystemExit(f"{ENV}={value!r} is not a date and time such as 2026-06-17T10:30") from None
    if start.tzinfo is not None:  # the shop's wall-clock time has no zone: take the moment in the PC's own
        start = start.astimezone().replace(tzinfo=None)
    return start - _dt.datetime.now()


_offset = _offset_from_environment()


def now() -> _dt.datetime:
    if _frozen is not None:
        return _frozen
    return (_dt.datetime.now() + _offset).replace(microsecond=0)


def today() -> _dt.date:
    return now().date()


def monday_of(day: _dt.date) -> _dt.date:
    """The Monday of the week *day* falls in (weeks run Monday to Sunday, as in China)."""
    return day - _dt.timedelta(days=day.weekday())


@contextlib.contextmanager
def frozen(at: _dt.datetime) -> Iterator[None]:
    global _frozen
    previous, _frozen = _frozen, at
    try:
        yield
    finally:
        _frozen = previous
