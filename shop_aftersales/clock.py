"""The one clock of the app.

Times are shop wall-clock time (naive ``datetime`` in the PC's local zone), stored by peewee as
ISO text 'YYYY-MM-DD HH:MM:SS.ffffff', which sorts and compares correctly in SQL. A one-shop app
has one time zone; tests freeze the clock with :func:`frozen`.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
from typing import Iterator

_frozen: _dt.datetime | None = None


def now() -> _dt.datetime:
    return _frozen if _frozen is not None else _dt.datetime.now().replace(microsecond=0)


def today() -> _dt.date:
    return now().date()


@contextlib.contextmanager
def frozen(at: _dt.datetime) -> Iterator[None]:
    global _frozen
    previous, _frozen = _frozen, at
    try:
        yield
    finally:
        _frozen = previous
