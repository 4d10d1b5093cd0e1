"""Tamper evidence for the two histories: the stock ledger (``stock_move``) and the items' history (``item_event``).

Each row of those tables is a link of a hash chain: ``chain_hash = sha256(previous row's chain_hash + content)``,
where *content* is the row's columns (:data:`CHAINS`, in that order) as compact JSON (UTF-8, no ASCII escaping,
``[1,"2026-06-17 10:30:00",null,…]``), exactly as SQLite stores them. The first row links to the empty string.
The head of each chain (the id and hash of the last row the app wrote) is kept apart in ``history_chain`` and
moved in the same transaction, so deleting the newest rows shows too. ``services.checks`` recomputes every link.

SQLite's triggers already refuse any edit of these rows; the chain is what still tells when someone dropped the
triggers first. It is tamper *evidence*, not a lock: whoever owns the file and knows this recipe can rewrite the
whole chain, head included; they can no longer change one row quietly with a database tool. Migration 0011 wrote
the chain for the rows that existed before it (with a frozen copy of this recipe).

The app has one writer per shop (a lock, and one writing thread), and every row is appended inside the business
step's transaction (which already holds SQLite's write lock once a step has written anything), so "the previous
row" is always the head this transaction read.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Iterable, TypeVar

from . import dialect
from .base import BaseModel, db

CHAINS: dict[str, tuple[str, ...]] = {
    "stock_move": ("id", "created_at", "product_id", "quantity", "from_location_id", "to_location_id", "serial",
                   "reference", "note", "staff_id", "customer_owned"),
    "item_event": ("id", "item_id", "created_at", "staff_id", "code", "from_status", "to_status", "note", "data",
                   "move_id"),
}
HEAD_TABLE = "history_chain"
GENESIS = b""

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def content(values: Iterable[object]) -> bytes:
    """The canonical bytes of one row's values (as SQLite returns them)."""
    return _encode(list(values)).encode("utf-8")


def row_content(values: Iterable[object]) -> bytes:
    """:func:`content` of a row as read back from either backend (PostgreSQL returns moments as datetimes, where
    SQLite returns the text it stored)."""
    return content([_stored(v) for v in values])


def link(previous: bytes, row_content: bytes) -> bytes:
    return hashlib.sha256(previous + row_content).digest()


def _stored(value: object) -> object:
    """*value* as the sqlite3 driver will store it (the adapters peewee registers), so the hash made before the
    insert is the hash of what is read back."""
    if isinstance(value, bool):
        return int(value)
    adapt = sqlite3.adapters.get((type(value), sqlite3.PrepareProtocol))
    return adapt(value) if adapt is not None else value


def head(table: str) -> tuple[int, bytes] | None:
    row = dialect.execute(f"SELECT last_id, last_hash FROM {HEAD_TABLE} WHERE name = ?", (table,)).fetchone()
    return (row[0], _link_bytes(row[1])) if row else None


def _link_bytes(value: object) -> bytes:
    return value if isinstance(value, bytes) else GENESIS  # a hash someone replaced by text or NULL links as none


M = TypeVar("M", bound=BaseModel)


def append(model: type[M], **data: object) -> M:
    """Insert one row of a chained table as the next link of its chain, and move the chain's head. Call inside the
    business step's transaction (the caller checks it)."""
    table = model._meta.table_name
    columns = CHAINS[table]
    last_id = dialect.execute(f'SELECT MAX(id) FROM "{table}"').fetchone()[0] or 0
    current = head(table)
    # Rows deleted behind the head: link to the head, so the gap stays visible. Rows added after it behind the
    # app's back (or the head deleted): link to the last row, so only those rows stay flagged, not the app's own.
    if current is None or last_id > current[0]:
        last = dialect.execute(f'SELECT chain_hash FROM "{table}" WHERE id = ?', (last_id,)).fetchone()
        current = (last_id, _link_bytes(last[0]) if last else GENESIS)
    row = model(**data)
    row.id = current[0] + 1
    by_column = model._meta.columns
    values = [_stored(by_column[c].db_value(row.__data__.get(by_column[c].name))) for c in columns]
    row.chain_hash = link(current[1], content(values))
    row.save(force_insert=True)
    dialect.identity_follows(table, row.id)
    moved = dialect.execute(f"UPDATE {HEAD_TABLE} SET last_id = ?, last_hash = ? WHERE name = ?",
                           (row.id, row.chain_hash, table)).rowcount
    if not moved:
        dialect.execute(f"INSERT INTO {HEAD_TABLE} (name, last_id, last_hash) VALUES (?, ?, ?)",
                       (table, row.id, row.chain_hash))
    return row
