"""`shop-aftersales check`: the database is sound and the ledger keeps its invariants (DESIGN.md §3)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..i18n import QT_TRANSLATE_NOOP, translate
from ..models import dialect
from ..models import chain, db
from ..models.aftersales import (EVENT_REFUND, EVENT_REFUND_REVERSED, EVENT_RESALE, EVENT_SCRAPPED,
                                 EVENT_SUPPLIER_CREDIT)
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
    return list(dialect.execute(sql, params).fetchall())


# On-hand per (product, internal location) recomputed from the moves alone.
_LEDGER_SUMS = """
    SELECT product_id, location_id, owned, SUM(qty) FROM (
        SELECT m.product_id, m.to_location_id AS location_id, m.customer_owned AS owned, m.quantity AS qty
        FROM stock_move m
        UNION ALL
        SELECT m.product_id, m.from_location_id, m.customer_owned, -m.quantity FROM stock_move m
    ) moves JOIN location l ON l.id = location_id WHERE l.kind = 'internal'
    GROUP BY product_id, location_id, owned
"""


def run_checks(limit: int = 50) -> list[Finding]:
    """Every problem found, or an empty list when the database is sound. Every query reads one snapshot of the
    shop (one transaction): on PostgreSQL other PCs write meanwhile, and a move committed between reading the
    ledger's chain and its head would look like a deletion."""
    if db.in_transaction():
        return _run_checks(limit)
    with db.atomic():
        if dialect.postgres():
            db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        return _run_checks(limit)


def _run_checks(limit: int) -> list[Finding]:
    findings: list[Finding] = []
    # PostgreSQL checks its own pages and always enforces the foreign keys; SQLite is asked
    integrity = [("ok",)] if dialect.postgres() else _rows("PRAGMA integrity_check")
    if integrity != [("ok",)]:
        findings += [_f(QT_TRANSLATE_NOOP("Domain", "SQLite integrity: {detail}"), detail=r[0]) for r in integrity[:limit]]
        return findings  # nothing below can be trusted
    for table, rowid, parent, _fk in ([] if dialect.postgres() else _rows("PRAGMA foreign_key_check"))[:limit]:
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
            ) moves JOIN location l ON l.id = loc WHERE l.kind = 'internal'
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
    findings += business_findings(limit)
    # Moves are append-only: the triggers that enforce it must be there.
    triggers = dialect.trigger_names()
    for name in ("stock_move_no_update", "stock_move_no_delete", "item_event_no_update", "item_event_no_delete"):
        if name not in triggers:
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "The safeguard {name} that keeps stock moves unchanged is missing."),
                               name=name))
    findings += tamper_findings(triggers, limit)
    # Document numbers are unique and never reused: every sequence is ahead of every number issued.
    for doc_type, prefix, next_value in _rows("SELECT doc_type, prefix, next_value FROM document_sequence"):
        if prefix != PREFIXES.get(doc_type, prefix):
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Document type {doc_type} has the wrong prefix {prefix}."),
                               doc_type=doc_type, prefix=prefix))
        dash = dialect.position("'-'", "reference")
        used = _rows(f"SELECT MAX(CAST(substr(reference, {dash} + 1) AS INTEGER)) "
                     "FROM stock_move WHERE reference LIKE ? || '____-%'", (prefix,))[0][0]
        if used is not None and used >= next_value:
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Number {used} of {doc_type} documents is in use, but the next number "
                                           "would be {next}: numbers could repeat."),
                               used=used, doc_type=doc_type, next=next_value))
    return findings[: limit * 4]


_STEP_NAMES = {"refund": QT_TRANSLATE_NOOP("Domain", "refund"), "exchange": QT_TRANSLATE_NOOP("Domain", "exchange"),
               "scrap": QT_TRANSLATE_NOOP("Domain", "scrap"), "resale": QT_TRANSLATE_NOOP("Domain", "resale")}

# Where an item still in the after-sales flow keeps its unit. Once it is back in sellable stock, resold or
# gone back to a customer or supplier, the item no longer follows the unit (it may be sold on, exchanged out…).
_FOLLOWED = ("received", "repairable", "in_repair", "qc", "ready_for_pickup", "resale", "supplier_return")


def business_findings(limit: int = 50) -> list[Finding]:
    """The business invariants (DESIGN.md §3): the units agree with the ledger, customers' units are never shop
    stock, a return is settled at most once and never with both the goods and the money, listings are on the
    shelf, and what needs the owner's approval names the owner."""
    from ..models.aftersales import STATUS_LOCATION

    findings: list[Finding] = []
    followed = ", ".join(f"'{s}'" for s in _FOLLOWED)
    zone_of = "CASE i.status " + " ".join(f"WHEN '{s}' THEN '{STATUS_LOCATION[s]}'" for s in _FOLLOWED) + " END"
    # a unit of a product tracked by serial: where its last move took it is where its item's status keeps it
    # (compared in SQL, all of them; a serial noted on a product not tracked by serial is not in the ledger)
    for code, status, place in _rows(f"""
            SELECT i.code, i.status, l.code FROM aftersales_item i JOIN product p ON p.id = i.product_id
            LEFT JOIN stock_serial s ON s.product_id = i.product_id AND s.serial = i.serial
            LEFT JOIN location l ON l.id = s.location_id
            WHERE p.serialised AND i.serial IS NOT NULL AND i.status IN ({followed})
              AND (l.code IS NULL OR l.code <> {zone_of})
            LIMIT ?""", (limit,)):
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Item {code} is “{status}”, but the ledger has its unit in "
                                             "“{place}”."), code=code, status=status, place=place or "-"))
    # units without a serial: the items in a zone never hold more than the ledger has there, for the shop's
    # units and the customers' apart (one query over the grouped items)
    for product, status, on_items, in_ledger in _rows(f"""
            SELECT g.product_id, g.status, g.n, COALESCE((
                SELECT SUM(q.quantity) FROM stock_quant q JOIN location l ON l.id = q.location_id
                WHERE q.product_id = g.product_id AND l.code = g.zone AND q.customer_owned = g.owned), 0)
            FROM (SELECT i.product_id, i.customer_owned AS owned, i.status, {zone_of} AS zone, SUM(i.quantity) AS n
                  FROM aftersales_item i JOIN product p ON p.id = i.product_id
                  WHERE NOT p.serialised AND i.status IN ({followed})
                  GROUP BY i.product_id, i.customer_owned, i.status) g
            WHERE g.n > COALESCE((
                SELECT SUM(q.quantity) FROM stock_quant q JOIN location l ON l.id = q.location_id
                WHERE q.product_id = g.product_id AND l.code = g.zone AND q.customer_owned = g.owned), 0)
            LIMIT ?""", (limit,)):
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "{count} unit(s) of product #{product} are “{status}” on "
                                             "their items, but the ledger has {ledger} there."),
                           count=on_items, product=product, status=status, ledger=in_ledger))
    # customers' units are never shop stock: every customer-owned quantity in the ledger belongs to a customer's
    # item that is there, and a customer's item is never counted as the shop's
    for product, place, in_ledger, on_items in _rows(f"""
            SELECT q.product_id, l.code, q.quantity,
                   (SELECT COALESCE(SUM(i.quantity), 0) FROM aftersales_item i
                    WHERE i.product_id = q.product_id AND i.customer_owned AND i.status IN ({followed})
                      AND {zone_of} = l.code)
            FROM stock_quant q JOIN location l ON l.id = q.location_id
            WHERE q.customer_owned AND q.quantity > 0"""):
        if in_ledger != on_items:
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "The ledger holds {ledger} customers' unit(s) of product "
                                                 "#{product} in “{place}”, but customers' items there add up to "
                                                 "{items}."), ledger=in_ledger, product=product, place=place,
                               items=on_items))
    for (code,) in _rows("""
            SELECT i.code FROM aftersales_item i
            JOIN item_event e ON e.id = (SELECT MIN(f.id) FROM item_event f WHERE f.item_id = i.id AND f.move_id IS NOT NULL)
            JOIN stock_move m ON m.id = e.move_id
            WHERE m.customer_owned <> i.customer_owned""")[:limit]:
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Item {code} is not owned by whom its stock moves say."),
                           code=code))
    # settled at most once, and never with both the goods and the money (a refund reversed settles nothing)
    for code, refunds, exchanges, status, state, owned, reversed_ in _rows(f"""
            SELECT i.code, (SELECT COUNT(*) FROM refund r WHERE r.item_id = i.id AND NOT EXISTS (
                                SELECT 1 FROM refund_reversal v WHERE v.refund_id = r.id)),
                   (SELECT COUNT(*) FROM exchange x WHERE x.item_id = i.id), i.status, i.resolution_state,
                   i.customer_owned,
                   (SELECT {dialect.joined("r.number || ' (' || v.number || ')'")} FROM refund r
                    JOIN refund_reversal v ON v.refund_id = r.id WHERE r.item_id = i.id)
            FROM aftersales_item i"""):
        if reversed_ and not owned and state == "done" and refunds + exchanges == 0:
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Item {code} says it is settled, but its refund {refunds} "
                                                 "was reversed and nothing else settles it."),
                               code=code, refunds=reversed_))
            continue
        if refunds + exchanges > 1:
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Item {code} was settled {count} times (refunds and "
                                                 "exchanges)."), code=code, count=refunds + exchanges))
        if refunds + exchanges and status == "returned_to_customer":
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Item {code} went back to its customer after a refund or an "
                                                 "exchange: the customer has both the goods and the money."),
                               code=code))
        if not owned and (refunds + exchanges == 1) != (state == "done"):
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Item {code} says “{state}” but has {count} refund(s) or "
                                                 "exchange(s)."), code=code, state=state, count=refunds + exchanges))
        if owned and refunds + exchanges:
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Item {code} is a customer's own unit in for repair, yet "
                                                 "it was refunded or exchanged."), code=code))
    # a listing is on the shelf
    for (code,) in _rows("""SELECT i.code FROM resale_listing r JOIN aftersales_item i ON i.id = r.item_id
                            WHERE r.active AND i.status <> 'resale'"""):
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Item {code} has an active resale listing but is not on the "
                                             "resale shelf."), code=code))
    # what moves money or goods names who did it (asked since migration 0009: older rows were allowed without)
    import json

    after = json.loads((_rows("SELECT value FROM setting WHERE key = 'check.staff_named_after'") or [("{}",)])[0][0])
    for table, label in (("refund", "refund"), ("exchange", "exchange"), ("scrap_record", "scrap"),
                         ("resale_sale", "resale")):
        for (item_code,) in _rows(f"""SELECT i.code FROM {table} t JOIN aftersales_item i ON i.id = t.item_id
                                      WHERE t.staff_id IS NULL AND t.id > ? LIMIT ?""",
                                  (int(after.get(table, 0)), limit)):
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "A {step} of item {code} names no one who did it."),
                               step=translate("Domain", _STEP_NAMES[label]), code=item_code))
    # what needs the owner's approval names an owner
    for (number,) in _rows("""SELECT r.number FROM refund r JOIN aftersales_item i ON i.id = r.item_id
                              WHERE r.amount > i.unit_price * i.quantity
                                AND (r.approved_by_id IS NULL OR r.approved_by_id NOT IN
                                     (SELECT id FROM staff WHERE role = 'owner'))"""):
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Refund {number} is more than the customer paid and no owner "
                                             "approved it."), number=number))
    for (number,) in _rows("""SELECT number FROM scrap_record WHERE approved_by_id IS NULL OR approved_by_id NOT IN
                              (SELECT id FROM staff WHERE role = 'owner')"""):
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Scrap record {number} names no owner who approved it."),
                           number=number))
    findings += reversal_findings(limit)
    return findings


def reversal_findings(limit: int = 50) -> list[Finding]:
    """Refunds reversed (migration 0015): a reversal is for its refund's whole amount and names the owner who
    approved it, and what the customer got back net of reversals is never more than they paid unless an owner
    approved it. (That a reversed refund no longer settles its item is checked with the settlements above.)"""
    findings: list[Finding] = []
    for number, refund, amount, refunded in _rows("""
            SELECT v.number, r.number, v.amount, r.amount FROM refund_reversal v JOIN refund r ON r.id = v.refund_id
            WHERE v.amount <> r.amount LIMIT ?""", (limit,)):
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Reversal {number} is for ¥{amount}, but the refund it "
                                             "reverses, {refund}, was ¥{refunded}."), number=number, refund=refund,
                           amount=f"{amount / 100:,.2f}", refunded=f"{refunded / 100:,.2f}"))
    for number, refund in _rows("""
            SELECT v.number, r.number FROM refund_reversal v JOIN refund r ON r.id = v.refund_id
            WHERE v.approved_by_id IS NULL OR v.approved_by_id NOT IN (SELECT id FROM staff WHERE role = 'owner')
            LIMIT ?""", (limit,)):
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Reversal {number} of refund {refund} names no owner who "
                                             "approved it."), number=number, refund=refund))
    for code, net, paid in _rows("""
            SELECT i.code, n.net, i.unit_price * i.quantity FROM aftersales_item i
            JOIN (SELECT r.item_id, SUM(r.amount) - COALESCE(SUM(v.amount), 0) AS net FROM refund r
                  LEFT JOIN refund_reversal v ON v.refund_id = r.id GROUP BY r.item_id) n ON n.item_id = i.id
            WHERE n.net > i.unit_price * i.quantity AND NOT EXISTS (
                SELECT 1 FROM refund r WHERE r.item_id = i.id
                AND NOT EXISTS (SELECT 1 FROM refund_reversal v WHERE v.refund_id = r.id)
                AND r.approved_by_id IN (SELECT id FROM staff WHERE role = 'owner'))
            LIMIT ?""", (limit,)):
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Item {code} was refunded ¥{net} net of reversals, more than "
                                             "the ¥{paid} the customer paid, and no owner approved it."),
                           code=code, net=f"{net / 100:,.2f}", paid=f"{paid / 100:,.2f}"))
    return findings


# ------------------------------------------------------------------ tamper evidence (migration 0011, models/chain.py)

# The safeguards of migration 0011: what is written once, and what only changes in the ways the app changes it.
SAFEGUARDS = tuple(f"{t}_no_{e}" for t in ("refund", "exchange", "resale_sale", "scrap_record", "quality_check",
                                             "sale_line", "import_log", "change_log") for e in ("update", "delete")) + (
    "sale_no_delete", "sale_fixed", "sale_customer_once", "sale_log_customer_id",
    "supplier_return_no_delete", "supplier_return_fixed", "supplier_return_shipped_final",
    "supplier_return_log_insert", "staff_no_delete", "staff_fixed", "staff_log_insert",
    "history_chain_no_delete", "history_chain_forward",
    "refund_reversal_no_update", "refund_reversal_no_delete", "refund_reversal_amount",  # migration 0015
    *(f"supplier_return_log_{f}" for f in ("supplier_id", "listed_at", "shipped_at", "credit", "reference")),
    *(f"staff_log_{f}" for f in ("name", "role", "active", "pin_hash")),
)
# Rows `check` compares with their change log, field by field (their values when written are logged too).
LOGGED = {"staff": ("name", "role", "active", "pin_hash"),
          "supplier_return": ("supplier_id", "listed_at", "shipped_at", "credit", "reference")}

_HISTORY_NAMES = {"stock_move": QT_TRANSLATE_NOOP("Domain", "The stock ledger"),
                  "item_event": QT_TRANSLATE_NOOP("Domain", "The items' history")}
_DATE_COLUMN = "created_at"


def tamper_findings(triggers: set[str] | None = None, limit: int = 50) -> list[Finding]:
    """The history's hash chains are whole, the safeguards are there, and the logged records agree with their log."""
    if triggers is None:
        triggers = dialect.trigger_names()
    findings = [_f(QT_TRANSLATE_NOOP("Domain", "The safeguard {name} is missing: what it protects could be changed "
                                     "without a trace."), name=name) for name in SAFEGUARDS if name not in triggers]
    for table in chain.CHAINS:
        findings += chain_findings(table, limit)
    findings += change_log_findings(limit)
    findings += money_findings(limit)
    return findings


def _fen(path: str) -> str:
    """The yuan amount at *path* of an event's JSON data, in fen (NULL where the data is not JSON)."""
    return f"CAST(ROUND({dialect.json_number('e.data', path.removeprefix('$.'))} * 100) AS INTEGER)"


_NUMBERED = {  # record, its event code, the amount in the record and in the event's data
    "refund": (QT_TRANSLATE_NOOP("Domain", "Refund"), EVENT_REFUND, "amount", "$.amount"),
    "scrap_record": (QT_TRANSLATE_NOOP("Domain", "Scrap record"), EVENT_SCRAPPED, "write_off", "$.write_off"),
    "resale_sale": (QT_TRANSLATE_NOOP("Domain", "Resale sale"), EVENT_RESALE, "price", "$.amount"),
}


def money_findings(limit: int = 50) -> list[Finding]:
    """What moved money agrees with the items' history, whose chain `check` proves: the refund, write-off,
    resale price and supplier credit each item's history wrote down when it happened."""
    findings: list[Finding] = []
    for table, (label, code, amount, path) in _NUMBERED.items():
        for (number,) in _rows(f"""
                SELECT t.number FROM {table} t WHERE NOT EXISTS (
                    SELECT 1 FROM item_event e WHERE e.item_id = t.item_id AND e.code = {code}
                    AND {dialect.json_text('e.data', 'number')} = t.number
                    AND {_fen(path)} = t.{amount})
                LIMIT ?""", (limit,)):
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "{record} {number} does not agree with the items' history: "
                                                 "it was changed behind the app's back."),
                               record=translate("Domain", label), number=number))
    # a reversal and its line in the history (the refund's number and amount, the reversal's as its reference)
    for (number,) in _rows(f"""
            SELECT v.number FROM refund_reversal v JOIN refund r ON r.id = v.refund_id WHERE NOT EXISTS (
                SELECT 1 FROM item_event e WHERE e.item_id = r.item_id AND e.code = {EVENT_REFUND_REVERSED}
                AND {dialect.json_text('e.data', 'reference')} = v.number
                AND {dialect.json_text('e.data', 'number')} = r.number
                AND {_fen('$.amount')} = v.amount)
            LIMIT ?""", (limit,)):
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "{record} {number} does not agree with the items' history: "
                                             "it was changed behind the app's back."),
                           record=translate("Domain", QT_TRANSLATE_NOOP("Domain", "Refund reversal")), number=number))
    for (number,) in _rows(f"""
            SELECT ref FROM (SELECT {dialect.json_text('e.data', 'reference')} AS ref FROM item_event e
                             WHERE e.code = {EVENT_REFUND_REVERSED}) reversals
            WHERE NOT EXISTS (SELECT 1 FROM refund_reversal v WHERE v.number = ref)
            LIMIT ?""", (limit,)):
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "The items' history has refund reversal {number}, but the "
                                             "reversal is not in the database: it was deleted behind the app's "
                                             "back."), number=number or "-"))
    for (code,) in _rows(f"""
            SELECT i.code FROM supplier_return t JOIN aftersales_item i ON i.id = t.item_id
            WHERE t.shipped_at IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM item_event e WHERE e.item_id = t.item_id AND e.code = {EVENT_SUPPLIER_CREDIT}
                AND {_fen('$.credit')} {dialect.same()} COALESCE(t.credit, 0))
            LIMIT ?""", (limit,)):
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "The supplier's credit for item {code} does not agree with its "
                                             "history: it was changed behind the app's back."), code=code))
    return findings


def chain_findings(table: str, limit: int = 50) -> list[Finding]:
    """Recompute every link of *table*'s hash chain, oldest first: an edited or inserted row breaks its own link,
    a deleted one the link of the row after it, and deleting the newest rows leaves the chain short of its head.

    The row's content is read as JSON made by SQLite (fast); a link that does not match is computed once more from
    the row's values with Python's JSON, the recipe itself, before it is reported."""
    history = translate("Domain", _HISTORY_NAMES[table])
    columns = ", ".join(chain.CHAINS[table])
    findings: list[Finding] = []
    breaks, first = 0, None
    previous, previous_id = chain.GENESIS, 0
    sha256 = hashlib.sha256

    def when(row_id: int) -> str:
        found = _rows(f"SELECT {_DATE_COLUMN} FROM {table} WHERE id = ?", (row_id,))
        return str(found[0][0] if found and found[0][0] else "-")[:16]

    # SQLite: the JSON as UTF-8 bytes straight from SQLite (no decoding and encoding again in Python); PostgreSQL
    # has no JSON of SQLite's spelling, so there each row's values are made into the recipe's JSON here
    if dialect.postgres():
        rows = ((r[0], r[1], chain.row_content(r[2:])) for r in dialect.execute(
            f"SELECT id, chain_hash, {columns} FROM {table} ORDER BY id"))
    else:
        rows = dialect.execute(f"SELECT id, chain_hash, CAST(json_array({columns}) AS BLOB) FROM {table} ORDER BY id")
    for row_id, stored, content in rows:
        if stored != sha256(previous + content).digest() and stored != _python_link(table, row_id, previous):
            breaks += 1
            first = first or (row_id, when(row_id))
            if len(findings) < limit:
                if row_id == previous_id + 2:
                    findings.append(_f(QT_TRANSLATE_NOOP(
                        "Domain", "{history} has been tampered with: entry #{gone}, before entry #{id} of "
                        "{when}, was deleted."), history=history, gone=previous_id + 1, id=row_id,
                        when=when(row_id)))
                elif row_id != previous_id + 1:
                    findings.append(_f(QT_TRANSLATE_NOOP(
                        "Domain", "{history} has been tampered with: entries #{first} to #{last}, before entry "
                        "#{id} of {when}, were deleted."), history=history, first=previous_id + 1,
                        last=row_id - 1, id=row_id, when=when(row_id)))
                else:
                    findings.append(_f(QT_TRANSLATE_NOOP(
                        "Domain", "{history} has been tampered with: entry #{id} of {when} was changed or put in "
                        "behind the app's back."), history=history, id=row_id, when=when(row_id)))
        previous = stored if isinstance(stored, bytes) else chain.GENESIS
        previous_id = row_id
    if breaks > 1:
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "{history} breaks in {count} places; the first is entry #{id} "
                                             "of {when}."), history=history, count=breaks, id=first[0],
                           when=first[1]))
    head = chain.head(table)
    if head is None:
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "{history} has lost the record of its last entry: it was "
                                             "deleted behind the app's back."), history=history))
    elif previous_id < head[0]:
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "{history} has been tampered with: it ends at entry #{last} "
                                             "of {when}, but the app wrote up to #{head}; the newest entries were "
                                             "deleted."), history=history, last=previous_id, when=when(previous_id),
                           head=head[0]))
    elif previous_id > head[0]:
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "{history} has been tampered with: the app wrote up to entry "
                                             "#{head}, but it goes on to #{last}; entries were added behind the "
                                             "app's back."), history=history, head=head[0], last=previous_id))
    elif previous != head[1]:
        findings.append(_f(QT_TRANSLATE_NOOP("Domain", "{history} has been tampered with: its last entry #{id} of "
                                             "{when} is not the one the app wrote."), history=history, id=previous_id,
                           when=when(previous_id)))
    return findings


def _python_link(table: str, row_id: int, previous: bytes) -> bytes:
    values = _rows(f"SELECT {', '.join(chain.CHAINS[table])} FROM {table} WHERE id = ?", (row_id,))[0]
    return chain.link(previous, chain.row_content(values))


_LOGGED_AS = {("staff", "pin_hash"): "rtrim({x}, '0123456789abcdef')", ("staff", "active"): "CAST({x} AS INTEGER)"}  # as migration 0011 logs it


def logged_as(table: str, field: str, x: str) -> str:
    return _LOGGED_AS.get((table, field), "{x}").format(x=x)


def change_log_findings(limit: int = 50) -> list[Finding]:
    """Every staff member and supplier return holds what its change log last wrote, and nothing logged is gone."""
    findings: list[Finding] = []
    for table, fields in LOGGED.items():
        for field in fields:
            for (row_id,) in _rows(f"""
                    SELECT t.id FROM {table} t
                    WHERE CAST({logged_as(table, field, "t." + field)} AS TEXT) {dialect.differs()} (
                        SELECT c.new_value FROM change_log c
                        WHERE c.table_name = '{table}' AND c.row_id = t.id AND c.field = '{field}'
                        ORDER BY c.id DESC LIMIT 1)
                    LIMIT ?""", (limit,)):
                findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Row {id} of {table} has a {field} that its change "
                                                     "log never recorded: it was changed behind the app's back."),
                                   id=row_id, table=table, field=field))
        for (row_id,) in _rows(f"""SELECT DISTINCT c.row_id FROM change_log c WHERE c.table_name = '{table}'
                                   AND c.row_id NOT IN (SELECT id FROM {table}) LIMIT ?""", (limit,)):
            findings.append(_f(QT_TRANSLATE_NOOP("Domain", "Row {id} of {table} is in the change log but no longer "
                                                 "in the database: it was deleted."), id=row_id, table=table))
    return findings
