"""Tamper evidence (issue 16, part 4): records that are written once refuse edits made with sqlite3 on the shop's
real file (or with a connection of one's own to its PostgreSQL database); records the app changes refuse what must not change and log the rest; and the items' history and the
stock ledger are hash chains that `check` recomputes, so an edit, a deletion or an insertion is found with the first
entry where the chain breaks even when the triggers were dropped first."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import peewee as pw
import pytest

from shop_aftersales.models import AftersalesItem, ItemEvent, Staff, StockMove, SupplierReturn, db
from shop_aftersales.models import chain, dialect, postgres
from shop_aftersales.models.database import DB_FILE_NAME, MIGRATIONS_DIR, close_database, open_database
from shop_aftersales.services.checks import run_checks

from conftest import PG_SERVER, copy_shop_database
from helpers import app_env

MIGRATION = "0011_tamper_evidence"


# what a refused statement raises: sqlite3's error, or on PostgreSQL peewee's (a trigger refuses with SQLSTATE 23000)
REFUSED = (sqlite3.DatabaseError, pw.DatabaseError)


def raw(shop: Path, *statements: str, params: tuple = ()) -> None:
    """Someone with sqlite3 on the shop's file, behind the app's back (their own connection, committed); on
    PostgreSQL, with a connection of their own to the shop's database (the statements in SQLite's spelling).
    ``PRAGMA foreign_keys = OFF`` is ``session_replication_role = replica`` there, which turns the triggers off as
    well: only a statement whose triggers were dropped anyway turns the foreign keys off."""
    if PG_SERVER:
        database = postgres.make_database(postgres.parse(postgres.test_database_url(PG_SERVER, shop.resolve())))
        database.connect()
        try:
            with database.atomic():
                for statement in statements:
                    if statement == "PRAGMA foreign_keys = OFF":
                        database.execute_sql("SET LOCAL session_replication_role = replica")
                        continue
                    for each in dialect.postgres_statements(statement):
                        database.execute_sql(dialect.to_pyformat(each), params if "?" in statement else ())
        finally:
            database.close()
        return
    con = sqlite3.connect(shop / DB_FILE_NAME)
    try:
        for statement in statements:
            con.execute(statement, params if "?" in statement else ())
        con.commit()
    finally:
        con.close()


def findings() -> list[str]:
    return [str(f) for f in run_checks()]


@pytest.fixture
def shop(demo_shop):
    assert findings() == []
    return demo_shop


# ---------------------------------------------------------------- 1. written once, or changed only as the app does

ONCE = [  # table, an edit someone might try
    ("refund", "UPDATE refund SET amount = 1 WHERE id = (SELECT MIN(id) FROM refund)"),
    ("exchange", "UPDATE exchange SET quantity = 2 WHERE id = (SELECT MIN(id) FROM exchange)"),
    ("resale_sale", "UPDATE resale_sale SET price = 1 WHERE id = (SELECT MIN(id) FROM resale_sale)"),
    ("scrap_record", "UPDATE scrap_record SET write_off = 0 WHERE id = (SELECT MIN(id) FROM scrap_record)"),
    ("quality_check", "UPDATE quality_check SET passed = NOT passed WHERE id = (SELECT MIN(id) FROM quality_check)"),
    ("sale_line", "UPDATE sale_line SET unit_price = unit_price + 100 WHERE id = (SELECT MIN(id) FROM sale_line)"),
    ("sale", "UPDATE sale SET sold_at = '2020-01-01 00:00:00' WHERE id = (SELECT MIN(id) FROM sale)"),
    ("sale", "UPDATE sale SET receipt_no = 'XS-FAKE' WHERE id = (SELECT MIN(id) FROM sale)"),
    ("sale", "UPDATE sale SET customer_id = (SELECT MAX(id) FROM customer) "
             "WHERE id = (SELECT MIN(id) FROM sale WHERE customer_id IS NOT NULL "
             "AND customer_id <> (SELECT MAX(id) FROM customer))"),
    ("supplier_return", "UPDATE supplier_return SET credit = credit + 10000 "
                        "WHERE id = (SELECT MIN(id) FROM supplier_return WHERE shipped_at IS NOT NULL)"),
    ("supplier_return", "UPDATE supplier_return SET item_id = item_id + 1 "
                        "WHERE id = (SELECT MIN(id) FROM supplier_return WHERE shipped_at IS NULL)"),
    ("staff", "UPDATE staff SET id = 99 WHERE id = 1"),
    ("import_log", "UPDATE import_log SET rows = 0"),
    ("change_log", "UPDATE change_log SET new_value = 'x'"),
]


@pytest.mark.parametrize("table, edit", ONCE, ids=[f"{t}-{n}" for n, (t, _e) in enumerate(ONCE)])
def test_what_is_written_once_refuses_an_edit_with_sqlite3(shop, table, edit):
    raw(shop, "INSERT INTO import_log (created_at, kind, file_name, rows, created, skipped) "
              "VALUES ('2026-06-17 10:00:00', 'sales', 'x.xlsx', 3, 3, 0)")
    before = db.execute_sql(f"SELECT * FROM {table} ORDER BY id").fetchall()
    assert before
    with pytest.raises(REFUSED, match="append-only|never change|keeps its customer|final once"):
        raw(shop, edit)
    assert db.execute_sql(f"SELECT * FROM {table} ORDER BY id").fetchall() == before


@pytest.mark.parametrize("table", ["refund", "exchange", "resale_sale", "scrap_record", "quality_check", "sale",
                                   "sale_line", "supplier_return", "staff", "change_log", "history_chain",
                                   "item_event", "stock_move"])
def test_nothing_of_it_is_deleted(shop, table):
    """Refused by the table's own safeguard (which runs before any foreign key is looked at)."""
    count = db.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    key = "name" if table == "history_chain" else "id"
    with pytest.raises(REFUSED, match="append-only|never deleted|chain head stays"):
        raw(shop, f"DELETE FROM {table} WHERE {key} = (SELECT MAX({key}) FROM {table})")
    assert db.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == count


def test_the_chain_head_only_moves_forward(shop):
    with pytest.raises(REFUSED, match="only moves forward"):
        raw(shop, "UPDATE history_chain SET last_id = last_id - 1")


def test_the_apps_own_changes_are_allowed_and_logged(shop):
    """Staff changes (name, role, PIN) and shipping a supplier return go through, and each change is in the log."""
    from shop_aftersales.services import resolutions, staff as staff_steps

    clerk = Staff.get(Staff.role == "sales")
    old_name = clerk.name
    staff_steps.save_staff(clerk.id, old_name + "二", "warehouse", True, "2468", None)
    listed = SupplierReturn.select().where(SupplierReturn.shipped_at.is_null()).first()
    owner = Staff.get(Staff.role == "owner")
    resolutions.ship_to_supplier(listed.item_id, Decimal("12.50"), "RMA-1", staff=owner)
    log = {(t, r, f): (o, n) for t, r, f, o, n in db.execute_sql(
        "SELECT table_name, row_id, field, old_value, new_value FROM change_log WHERE old_value IS NOT NULL "
        "OR table_name = 'supplier_return' AND field = 'credit' ORDER BY id")}
    assert log[("staff", clerk.id, "name")] == (old_name, old_name + "二")
    assert log[("staff", clerk.id, "role")] == ("sales", "warehouse")
    assert log[("staff", clerk.id, "pin_hash")][1].startswith("scrypt$")
    # the log, which is never deleted, keeps no PIN digest an offline guesser could test PINs against
    digest = Staff.get_by_id(clerk.id).pin_hash.rsplit("$", 1)[1]
    assert not [v for (v,) in db.execute_sql("SELECT new_value FROM change_log WHERE field = 'pin_hash' "
                                              "UNION SELECT old_value FROM change_log WHERE field = 'pin_hash'")
                if v and (digest in v or v.rsplit("$", 1)[1])]
    assert log[("supplier_return", listed.id, "credit")] == (None, "1250")
    assert log[("supplier_return", listed.id, "reference")][1] == "RMA-1"
    assert findings() == []


def test_a_logged_record_edited_with_the_trigger_dropped_is_found(shop):
    """The owner's PIN hash swapped for one whose PIN someone knows, and a supplier's credit raised."""
    owner = Staff.get(Staff.role == "owner")
    shipped = SupplierReturn.select().where(SupplierReturn.shipped_at.is_null(False)).first()
    raw(shop, "DROP TRIGGER staff_log_pin_hash", "DROP TRIGGER supplier_return_shipped_final",
        "DROP TRIGGER supplier_return_log_credit",
        f"UPDATE staff SET pin_hash = 'scrypt$known' WHERE id = {owner.id}",
        f"UPDATE supplier_return SET credit = 999900 WHERE id = {shipped.id}")
    found = findings()
    assert f"Row {owner.id} of staff has a pin_hash that its change log never recorded: it was changed behind the " \
           "app's back." in found
    assert f"Row {shipped.id} of supplier_return has a credit that its change log never recorded: it was changed " \
           "behind the app's back." in found
    assert "The safeguard staff_log_pin_hash is missing: what it protects could be changed without a trace." in found


def test_a_staff_member_added_or_deleted_behind_the_apps_back_is_found(shop):
    gone = Staff.get(Staff.role == "finance")
    raw(shop, "DROP TRIGGER staff_log_insert", "DROP TRIGGER staff_no_delete", "PRAGMA foreign_keys = OFF",
        "INSERT INTO staff (name, role, active, pin_hash) VALUES ('影子店长', 'owner', TRUE, '')",
        f"DELETE FROM staff WHERE id = {gone.id}")
    added = db.execute_sql("SELECT id FROM staff WHERE name = '影子店长'").fetchone()[0]
    found = findings()
    assert f"Row {added} of staff has a name that its change log never recorded: it was changed behind the app's " \
           "back." in found
    assert f"Row {gone.id} of staff is in the change log but no longer in the database: it was deleted." in found


def test_money_edited_with_the_triggers_dropped_disagrees_with_the_chained_history(shop):
    """A refund, a resale price and a supplier's credit edited by someone who dropped their safeguards first: the
    items' history (a hash chain) still says what was paid, and `check` compares."""
    from shop_aftersales.models import Refund, ResaleSale

    refund, sold = Refund.select().first(), ResaleSale.select().first()
    shipped = SupplierReturn.select().where(SupplierReturn.shipped_at.is_null(False)).first()
    raw(shop, "DROP TRIGGER refund_no_update", "DROP TRIGGER resale_sale_no_update",
        "DROP TRIGGER supplier_return_shipped_final", "DROP TRIGGER supplier_return_log_credit",
        f"UPDATE refund SET amount = amount + 5000 WHERE id = {refund.id}",
        f"UPDATE resale_sale SET price = price - 1000 WHERE id = {sold.id}",
        f"UPDATE supplier_return SET credit = COALESCE(credit, 0) + 100 WHERE id = {shipped.id}")
    found = findings()
    assert f"Refund {refund.number} does not agree with the items' history: it was changed behind the app's " \
           "back." in found
    assert f"Resale sale {sold.number} does not agree with the items' history: it was changed behind the app's " \
           "back." in found
    assert f"The supplier's credit for item {shipped.item.code} does not agree with its history: it was changed " \
           "behind the app's back." in found


# ---------------------------------------------------------------- 2. the hash chains

HISTORIES = {"item_event": "The items' history", "stock_move": "The stock ledger"}


def _unguard(table: str) -> tuple[str, ...]:
    return (f"DROP TRIGGER {table}_no_update", f"DROP TRIGGER {table}_no_delete")


def _when(table: str, row_id: int) -> str:
    return str(dialect.execute(f"SELECT created_at FROM {table} WHERE id = ?", (row_id,)).fetchone()[0])[:16]


@pytest.mark.parametrize("table", HISTORIES)
def test_an_entry_edited_with_the_triggers_dropped_is_found(shop, table):
    row_id = db.execute_sql(f"SELECT MIN(id) + 40 FROM {table}").fetchone()[0]
    edit = ("UPDATE item_event SET note = '顾客同意' WHERE id = ?" if table == "item_event"
            else "UPDATE stock_move SET quantity = quantity + 1 WHERE id = ?")
    raw(shop, *_unguard(table))
    raw(shop, edit, params=(row_id,))
    found = findings()
    assert (f"{HISTORIES[table]} has been tampered with: entry #{row_id} of {_when(table, row_id)} was changed or "
            "put in behind the app's back.") in found
    assert not any("breaks in" in f for f in found)  # the one entry, not every one after it


@pytest.mark.parametrize("table", HISTORIES)
def test_an_entry_deleted_from_the_middle_is_found(shop, table):
    row_id = db.execute_sql(f"SELECT MIN(id) + 10 FROM {table}").fetchone()[0]
    raw(shop, *_unguard(table), "PRAGMA foreign_keys = OFF")
    raw(shop, "PRAGMA foreign_keys = OFF", f"DELETE FROM {table} WHERE id IN (?, ?)", params=(row_id, row_id + 30))
    found = findings()
    assert (f"{HISTORIES[table]} has been tampered with: entry #{row_id}, before entry #{row_id + 1} of "
            f"{_when(table, row_id + 1)}, was deleted.") in found
    assert (f"{HISTORIES[table]} breaks in 2 places; the first is entry #{row_id + 1} of "
            f"{_when(table, row_id + 1)}.") in found


@pytest.mark.parametrize("table", HISTORIES)
def test_the_last_entry_deleted_is_found(shop, table):
    last = chain.head(table)[0]
    raw(shop, *_unguard(table))
    raw(shop, "PRAGMA foreign_keys = OFF", f"DELETE FROM {table} WHERE id = ?", params=(last,))
    assert any(f.startswith(f"{HISTORIES[table]} has been tampered with: it ends at entry #{last - 1} of ")
               and f.endswith(f"but the app wrote up to #{last}; the newest entries were deleted.")
               for f in findings())


def test_an_entry_put_in_is_found_and_the_app_writes_on_after_it(shop):
    """A made-up history line appended with sqlite3 (the insert needs no trigger dropped), then the shop goes on
    working: the fake line stays flagged, the app's next lines are whole."""
    from shop_aftersales.services import items

    item = AftersalesItem.select().where(AftersalesItem.status == "received").first()
    raw(shop, "INSERT INTO item_event (item_id, created_at, staff_id, code, from_status, to_status, note, data) "
              "VALUES (?, '2026-06-17 09:00:00', NULL, 100, '', '', '已与顾客协商一致', '{}')", params=(item.id,))
    fake = db.execute_sql("SELECT MAX(id) FROM item_event").fetchone()[0]
    items.add_note(item.id, "真的备注", None)
    found = findings()
    assert (f"The items' history has been tampered with: entry #{fake} of 2026-06-17 09:00 was changed or put in "
            "behind the app's back.") in found
    assert not any(f"#{fake + 1}" in f for f in found)
    assert ItemEvent.select().where(ItemEvent.id > fake).count() == 1


def test_a_row_slipped_into_a_deleted_rows_place_is_found(shop):
    raw(shop, *_unguard("stock_move"), "PRAGMA foreign_keys = OFF")
    row = db.execute_sql("SELECT * FROM stock_move WHERE id = 20").fetchone()
    columns = [d[0] for d in db.execute_sql("SELECT * FROM stock_move LIMIT 0").description]
    replaced = dict(zip(columns, row), note="盘点调整")
    raw(shop, "PRAGMA foreign_keys = OFF", "DELETE FROM stock_move WHERE id = 20",
        f"INSERT INTO stock_move ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        params=tuple(replaced.values()))
    assert (f"The stock ledger has been tampered with: entry #20 of {_when('stock_move', 20)} was changed or put "
            "in behind the app's back.") in findings()


def test_every_column_of_a_history_row_is_in_its_hash(shop):
    for table, columns in chain.CHAINS.items():
        stored = [d[0] for d in db.execute_sql(f"SELECT * FROM {table} LIMIT 0").description]
        assert sorted(columns) == sorted(c for c in stored if c != "chain_hash"), table


def test_the_chain_the_app_writes_is_the_one_the_migration_computes(shop):
    """Take migration 0011 back on a copy of the demo shop and run it again: every link it computes for the
    existing history is the link the app wrote row by row (the recipe is the same in both places)."""
    written = {t: db.execute_sql(f"SELECT id, chain_hash FROM {t} ORDER BY id").fetchall() for t in chain.CHAINS}
    heads = db.execute_sql("SELECT * FROM history_chain ORDER BY name").fetchall()
    close_database()
    import importlib.util

    spec = importlib.util.spec_from_file_location("m0011", MIGRATIONS_DIR / f"{MIGRATION}.py")
    m0011 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m0011)
    new = {statement.split()[2] for statement in m0011.TRIGGERS}
    raw(shop, *(f"DROP TRIGGER {name}" for name in sorted(new)),
        "DROP TABLE change_log", "DROP TABLE history_chain",
        "ALTER TABLE stock_move DROP COLUMN chain_hash", "ALTER TABLE item_event DROP COLUMN chain_hash",
        f"DELETE FROM schema_migration WHERE name = '{MIGRATION}'")
    opened = open_database(shop)
    assert opened.applied == [MIGRATION]
    assert {t: db.execute_sql(f"SELECT id, chain_hash FROM {t} ORDER BY id").fetchall() for t in chain.CHAINS} \
        == written
    assert db.execute_sql("SELECT * FROM history_chain ORDER BY name").fetchall() == heads
    assert m0011.CHAINS == chain.CHAINS
    assert findings() == []


def test_check_on_the_command_line_names_the_break(shop, tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    last = db.execute_sql("SELECT MAX(id) FROM stock_move").fetchone()[0]
    close_database()
    copy_shop_database(shop, copy)
    raw(copy, *_unguard("stock_move"), "PRAGMA foreign_keys = OFF")
    raw(copy, "PRAGMA foreign_keys = OFF", "DELETE FROM stock_move WHERE id = ?", params=(last,))
    result = subprocess.run([sys.executable, "-m", "shop_aftersales", "check", "--data-dir", str(copy),
                             "--lang", "en"], capture_output=True, text=True, env=app_env(), timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"but the app wrote up to #{last}; the newest entries were deleted." in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    open_database(shop)  # for the fixture to close


def test_history_written_in_one_step_is_one_chain(shop):
    """Many rows in one business step (a return of three units: three moves, three events) link one after the
    other, and a step that fails leaves the chain's head where it was."""
    from shop_aftersales.errors import DomainError
    from shop_aftersales.services.returns import ReturnLine, ReturnRequest, register_return

    from shop_aftersales.models import Product
    from shop_aftersales.services.base import business_step
    from shop_aftersales.services.ledger import MoveRequest, move

    product = db.execute_sql("SELECT id FROM product WHERE NOT serialised AND kind = 'goods' LIMIT 1").fetchone()[0]

    @business_step
    def half_done() -> None:
        move(MoveRequest(Product.get_by_id(product), 1, "adjustment", "sellable"))
        raise DomainError("Refused.")

    heads = db.execute_sql("SELECT * FROM history_chain ORDER BY name").fetchall()
    with pytest.raises(DomainError):
        half_done()
    assert db.execute_sql("SELECT * FROM history_chain ORDER BY name").fetchall() == heads
    register_return(ReturnRequest(lines=[ReturnLine(product, 1, "quality", "used", "refund", fault=f"#{n}")
                                         for n in range(3)], customer_name="测试", override_reason="ok"),
                    staff=Staff.get(Staff.role == "owner"))
    assert StockMove.select().order_by(StockMove.id.desc()).first().id == chain.head("stock_move")[0]
    assert findings() == []
