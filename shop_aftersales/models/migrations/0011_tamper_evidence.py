"""0011: tamper evidence (issue 16, part 4).

- The items' history (``item_event``) and the stock ledger (``stock_move``) become hash chains: every row's
  ``chain_hash`` is sha256(the previous row's chain_hash + the row's columns as compact JSON); the first row links
  to b"". ``history_chain`` keeps each chain's head (the last id and hash the app wrote), moved in the same
  transaction, so deleting the newest rows shows as well. The rows that exist now are chained here, with a frozen
  copy of the recipe in models/chain.py (which must stay byte-for-byte the same).
- Records that are never changed once written are append-only, like the history: refunds, exchanges, resale
  sales, scrap records, quality checks, sale lines (their prices), the import log, and this change log.
- Records the app legitimately changes refuse changes to what must not change and log every allowed change in
  ``change_log`` (table, row id, field, before → after, when, by SQLite's clock: a trigger cannot ask the app's):
  a sale (only its customer may be given, once); a supplier return (supplier, listing date, shipping date,
  credit, reference until it is shipped, then nothing); staff (name, role, active, PIN hash; any other column,
  e.g. PIN throttling, stays free). Staff and supplier returns also log their values when written and now, so
  `check` compares every row with its log. Nothing of these is ever deleted.

Frozen SQL (see 0001).
"""

import datetime as dt
import hashlib
import json

CHAINS = {
    "stock_move": ("id", "created_at", "product_id", "quantity", "from_location_id", "to_location_id", "serial",
                   "reference", "note", "staff_id", "customer_owned"),
    "item_event": ("id", "item_id", "created_at", "staff_id", "code", "from_status", "to_status", "note", "data",
                   "move_id"),
}
NO_UPDATE = {
    "stock_move": "CREATE TRIGGER stock_move_no_update BEFORE UPDATE ON stock_move "
                  "BEGIN SELECT RAISE(ABORT, 'stock moves are append-only'); END",
    "item_event": "CREATE TRIGGER item_event_no_update BEFORE UPDATE ON item_event "
                  "BEGIN SELECT RAISE(ABORT, 'item history is append-only'); END",
}

SCHEMA = [
    'ALTER TABLE "stock_move" ADD COLUMN "chain_hash" BLOB',
    'ALTER TABLE "item_event" ADD COLUMN "chain_hash" BLOB',
    'CREATE TABLE "history_chain" ("name" VARCHAR(255) NOT NULL PRIMARY KEY, "last_id" INTEGER NOT NULL, '
    '"last_hash" BLOB NOT NULL)',
    'CREATE TABLE "change_log" ("id" INTEGER NOT NULL PRIMARY KEY, "changed_at" DATETIME NOT NULL, '
    '"table_name" VARCHAR(255) NOT NULL, "row_id" INTEGER NOT NULL, "field" VARCHAR(255) NOT NULL, '
    '"old_value" TEXT, "new_value" TEXT)',
    'CREATE INDEX "change_log_table_name_row_id_field" ON "change_log" ("table_name", "row_id", "field")',
]

APPEND_ONLY = {
    "refund": "refunds", "exchange": "exchanges", "resale_sale": "resale sales", "scrap_record": "scrap records",
    "quality_check": "quality checks", "sale_line": "sale lines", "import_log": "the import log",
    "change_log": "the change log",
}
# what the app changes, per table; everything else of the row is fixed
LOGGED = {
    "sale": ("customer_id",),
    "supplier_return": ("supplier_id", "listed_at", "shipped_at", "credit", "reference"),
    "staff": ("name", "role", "active", "pin_hash"),
}
FIXED = {
    "sale": ("id", "receipt_no", "sold_at", "staff_id", "source", "created_at"),
    "supplier_return": ("id", "item_id", "staff_id"),
    "staff": ("id",),
}
SNAPSHOT = ("supplier_return", "staff")  # small tables whose every row `check` compares with its log

NOW = "strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')"


def _abort(message: str) -> str:
    return f"BEGIN SELECT RAISE(ABORT, '{message}'); END"


# A yes/no is logged as 0 or 1 on both backends (PostgreSQL would write "true"). A PIN's hash is logged without its digest (scheme, parameters and salt only): a new PIN still shows as a new
# salt, and the log, which is never deleted, keeps nothing an offline guesser could test a PIN against.
LOGGED_AS = {("staff", "pin_hash"): "rtrim({x}, '0123456789abcdef')", ("staff", "active"): "CAST({x} AS INTEGER)"}


def logged(table: str, field: str, x: str) -> str:
    """The SQL of what the change log keeps of *x* (a column or OLD./NEW. reference) of *table*.*field*."""
    return LOGGED_AS.get((table, field), "{x}").format(x=x)


def _log(table: str, field: str, old: str) -> str:
    old = old if old == "NULL" else logged(table, field, old)
    return (f"INSERT INTO change_log (changed_at, table_name, row_id, field, old_value, new_value) "
            f"VALUES ({NOW}, '{table}', NEW.id, '{field}', {old}, {logged(table, field, 'NEW.' + field)});")


TRIGGERS = [
    statement
    for table, what in APPEND_ONLY.items()
    for statement in (f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} {_abort(what + ' are append-only')}",
                      f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} {_abort(what + ' are append-only')}")
] + [
    statement
    for table, fields in LOGGED.items()
    for statement in (
        f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} {_abort(table + ' rows are never deleted')}",
        f"CREATE TRIGGER {table}_fixed BEFORE UPDATE OF {', '.join(FIXED[table])} ON {table} "
        f"WHEN {' OR '.join(f'NEW.{c} IS NOT OLD.{c}' for c in FIXED[table])} "
        f"{_abort('these ' + table + ' fields never change')}",
        *(f"CREATE TRIGGER {table}_log_{field} AFTER UPDATE OF {field} ON {table} "
          f"WHEN NEW.{field} IS NOT OLD.{field} BEGIN {_log(table, field, f'OLD.{field}')} END" for field in fields),
    )
] + [
    # a sale's customer is given once (a sale imported without one); a shipped supplier return is final
    "CREATE TRIGGER sale_customer_once BEFORE UPDATE OF customer_id ON sale "
    "WHEN OLD.customer_id IS NOT NULL AND NEW.customer_id IS NOT OLD.customer_id "
    f"{_abort('a sale keeps its customer')}",
    "CREATE TRIGGER supplier_return_shipped_final BEFORE UPDATE ON supplier_return WHEN OLD.shipped_at IS NOT NULL "
    f"{_abort('a supplier return is final once shipped')}",
] + [
    f"CREATE TRIGGER {table}_log_insert AFTER INSERT ON {table} BEGIN "
    + " ".join(_log(table, field, "NULL") for field in LOGGED[table]) + " END"
    for table in SNAPSHOT
] + [
    f"CREATE TRIGGER history_chain_no_delete BEFORE DELETE ON history_chain {_abort('the chain head stays')}",
    "CREATE TRIGGER history_chain_forward BEFORE UPDATE ON history_chain "
    "WHEN NEW.name IS NOT OLD.name OR NEW.last_id < OLD.last_id "
    f"{_abort('the chain head only moves forward')}",
]


def _as_stored(value):
    """A value as SQLite stores it: PostgreSQL returns a moment as a datetime and a yes/no as a bool, where the
    SQLite file holds the text and the 0/1 the app wrote (the same on SQLite, where every value already is)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return str(value)
    return value


def _chain(db, table: str) -> None:
    """Chain the rows already there (the trigger that refuses updates is lifted for it and put back)."""
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    columns = ", ".join(CHAINS[table])
    previous, last_id, links = b"", 0, []
    for row in db.execute_sql(f"SELECT {columns} FROM {table} ORDER BY id").fetchall():
        previous = hashlib.sha256(previous + encode([_as_stored(v) for v in row]).encode("utf-8")).digest()
        last_id = row[0]
        links.append((previous, last_id))
    db.execute_sql(f"DROP TRIGGER IF EXISTS {table}_no_update")
    cursor = db.cursor()
    cursor.executemany(f"UPDATE {table} SET chain_hash = ? WHERE id = ?", links)
    db.execute_sql(NO_UPDATE[table])
    db.execute_sql("INSERT INTO history_chain (name, last_id, last_hash) VALUES (?, ?, ?)",
                   (table, last_id, previous))


def up(migrator, db):
    for statement in SCHEMA:
        db.execute_sql(statement)
    for table in CHAINS:
        _chain(db, table)
    for statement in TRIGGERS:
        db.execute_sql(statement)
    for table in SNAPSHOT:  # what each row holds now, for `check` to compare with from here on
        for field in LOGGED[table]:
            db.execute_sql(f"INSERT INTO change_log (changed_at, table_name, row_id, field, old_value, new_value) "
                           f"SELECT {NOW}, '{table}', id, '{field}', NULL, {logged(table, field, field)} "
                           f"FROM {table} ORDER BY id")
