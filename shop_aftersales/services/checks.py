"""`shop-aftersales check`: the database is sound and the ledger keeps its invariants (DESIGN.md §3)."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import QT_TRANSLATE_NOOP, translate
from ..models import db
from .numbering import PREFIXES


@dataclass(frozen=True)
class Finding:
    source: str
    params: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        return translate("Domain", self.source).format(**dict(self.params))


def _f(source: str, **params: object) -> Finding:
    return Finding(source, tuple(params.items()))


def _rows(sql: str, params: tuple = ()) -> list[tuple]:
    return list(db.execute_sql(sql, params).fetchall())


# On-hand per (product, internal location) recomputed from the moves alone.
_LEDGER_SUMS = """
    SELECT product_id, location_id, owned, SUM(qty) FROM (
        SELECT m.product_id, m.to_location_id AS location_id, m.customer_owned AS owned, m.quantity AS qty
        FROM stock_move m
        UNION ALL
        SELECT m.product_id, m.from_location_id, m.customer_owned, -m.quantity FROM stock_move m
    ) JOIN location l ON l.id = location_id WHERE l.kind = 'internal'
    GROUP BY product_id, location_id, owned
"""


def run_checks(limit: int = 50) -> list[Finding]:
    """Every problem found, or an empty list when the database is sound."""
    findings: list[Finding] = []
    integrity = _rows("PRAGMA integrity_check")
    if integrity != [("ok",)]:
        findings += [_f(QT_TRANSLATE_NOOP("Domain", "SQLite integrity: {detail}"), detail=r[0]) for r in integrity[:limit]]
        return findings  # nothing below can be trusted
    for table, rowid, parent, _fk in _rows("PRAGMA foreign_key_check")[:limit]:
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Row {rowid} of {table} points to a missing {parent}."),
                           rowid=rowid, table=table, parent=parent))

    ledger = {(p, l, o): q for p, l, o, q in _rows(_LEDGER_SUMS)}
    for (product, loc, _owned), qty in ledger.items():
        if qty < 0:
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Product #{product} is negative ({qty}) in location #{loc}."),
                               product=product, loc=loc, qty=qty))
    quants = {(p, l, o): q for p, l, o, q in
              _rows("SELECT product_id, location_id, customer_owned, quantity FROM stock_quant")}
    for key in sorted(set(ledger) | set(quants)):
        if ledger.get(key, 0) != quants.get(key, 0):
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "On-hand of product #{product} in location #{loc} is {cached}, but its "
                                 "moves add up to {ledger}."),
                               product=key[0], loc=key[1], cached=quants.get(key, 0), ledger=ledger.get(key, 0)))
    # A serialised unit is in exactly one place: its moves form one chain, each leaving where the last arrived.
    for product, serial, n in _rows("""
            SELECT product_id, serial, COUNT(*) FROM stock_move WHERE serial IS NOT NULL AND quantity <> 1
            GROUP BY product_id, serial"""):
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Serial {serial} of product #{product} moved more than one unit at once."),
                           serial=serial, product=product))
    for product, serial, inside in _rows("""
            SELECT product_id, serial, SUM(qty) FROM (
                SELECT m.product_id, m.serial, m.to_location_id AS loc, 1 AS qty FROM stock_move m WHERE m.serial IS NOT NULL
                UNION ALL
                SELECT m.product_id, m.serial, m.from_location_id, -1 FROM stock_move m WHERE m.serial IS NOT NULL
            ) JOIN location l ON l.id = loc WHERE l.kind = 'internal'
            GROUP BY product_id, serial HAVING SUM(qty) NOT IN (0, 1)"""):
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Serial {serial} of product #{product} is in {count} places at once."),
                           serial=serial, product=product, count=inside))
    for product, serial in _rows("""
            SELECT s.product_id, s.serial FROM stock_serial s
            WHERE s.location_id <> (SELECT m.to_location_id FROM stock_move m
                                    WHERE m.product_id = s.product_id AND m.serial = s.serial
                                    ORDER BY m.id DESC LIMIT 1)"""):
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Serial {serial} of product #{product} is recorded where its last move did "
                                       "not take it."), serial=serial, product=product))
    for product, serial in _rows("""
            SELECT m.product_id, m.serial FROM stock_move m
            JOIN stock_move prev ON prev.id = (SELECT MAX(p.id) FROM stock_move p
                                               WHERE p.product_id = m.product_id AND p.serial = m.serial AND p.id < m.id)
            WHERE m.serial IS NOT NULL AND prev.to_location_id <> m.from_location_id"""):
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Serial {serial} of product #{product} left a place it was not in."),
                           serial=serial, product=product))
    # Every status change of an after-sales item has an event: its status is where its history says it went,
    # and the unit is where the ledger says that status keeps it.
    for code, status, last in _rows("""
            SELECT i.code, i.status, (SELECT e.to_status FROM item_event e WHERE e.item_id = i.id AND e.to_status <> ''
                                      ORDER BY e.id DESC LIMIT 1)
            FROM aftersales_item i"""):
        if last != status:
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Item {code} is “{status}” but its history ends at “{last}”."),
                               code=code, status=status, last=last or "-"))
    from ..models.aftersales import STATUS_LOCATION

    for code, status, place in _rows("""
            SELECT i.code, i.status, (SELECT l.code FROM item_event e JOIN stock_move m ON m.id = e.move_id
                                      JOIN location l ON l.id = m.to_location_id
                                      WHERE e.item_id = i.id AND e.to_status <> '' ORDER BY e.id DESC LIMIT 1)
            FROM aftersales_item i"""):
        if place != STATUS_LOCATION.get(status):
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Item {code} is “{status}” but its last stock move took it to “{place}”."),
                               code=code, status=status, place=place or "-"))
    # A unit in the workshop has exactly one open repair order, and an open order's unit is in the workshop.
    for code, status, open_orders in _rows("""
            SELECT i.code, i.status, (SELECT COUNT(*) FROM repair_order r WHERE r.item_id = i.id
                                      AND r.state IN ('waiting', 'in_progress'))
            FROM aftersales_item i"""):
        in_workshop = status in ("repairable", "in_repair")
        if (in_workshop and open_orders != 1) or (not in_workshop and open_orders):
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Item {code} is “{status}” with {count} open repair "
                                                 "order(s)."), code=code, status=status, count=open_orders))
    # Moves are append-only: the triggers that enforce it must be there.
    triggers = {r[0] for r in _rows("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for name in ("stock_move_no_update", "stock_move_no_delete", "item_event_no_update", "item_event_no_delete"):
        if name not in triggers:
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "The safeguard {name} that keeps stock moves unchanged is missing."),
                               name=name))
    # Document numbers are unique and never reused: every sequence is ahead of every number issued.
    for doc_type, prefix, next_value in _rows("SELECT doc_type, prefix, next_value FROM document_sequence"):
        if prefix != PREFIXES.get(doc_type, prefix):
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Document type {doc_type} has the wrong prefix {prefix}."),
                               doc_type=doc_type, prefix=prefix))
        used = _rows("SELECT MAX(CAST(substr(reference, instr(reference, '-') + 1) AS INTEGER)) FROM stock_move "
                     "WHERE reference LIKE ? || '____-%'", (prefix,))[0][0]
        if used is not None and used >= next_value:
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Number {used} of {doc_type} documents is in use, but the next number "
                                           "would be {next}: numbers could repeat."),
                               used=used, doc_type=doc_type, next=next_value))
    return findings[: limit * 4]
