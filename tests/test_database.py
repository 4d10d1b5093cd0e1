"""Opening the database: pragmas, migrations, and refusing what must not be opened."""

import hashlib
import os
import sqlite3
import sys

import peewee as pw
import pytest

from shop_aftersales.models import ALL_MODELS, Location, StockMove, db, dialect, postgres
from shop_aftersales.models.database import (DB_FILE_NAME, DatabaseRefused, close_database, known_migrations,
                                             open_database)

from conftest import PG_SERVER
from helpers import raw_sql

FILE_ONLY = "about the SQLite file itself"


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_migrated(data_dir):
    """A new shop gets every migration (on PostgreSQL: its database was made from the suite's migrated template,
    so the one made here from nothing is opened instead)."""
    if PG_SERVER:
        empty_database(data_dir)
    opened = open_database(data_dir)
    try:
        assert opened.applied == known_migrations()
        codes = {loc.code for loc in Location.select()}
        assert {"sellable", "inspection", "repairable", "customer", "scrap", "adjustment"} <= codes
    finally:
        close_database()
    reopened = open_database(data_dir)
    close_database()
    assert reopened.applied == []


@pytest.mark.sqlite_only("the SQLite file's pragmas")
def test_a_new_file_is_configured(data_dir):
    open_database(data_dir)
    try:
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000
    finally:
        close_database()


@pytest.mark.postgres_only("PostgreSQL's transaction isolation")
def test_a_postgresql_shop_works_serializable(shop):
    """Every business step runs SERIALIZABLE (services.base retries the one that lost a race)."""
    from shop_aftersales.services.base import business_step

    isolation = business_step(lambda: db.execute_sql("SHOW transaction_isolation").fetchone()[0])()
    assert isolation == "serializable"


def empty_database(data_dir):
    """*data_dir*'s own database on the test server, empty (not made from the migrated template)."""
    name = postgres.test_database_name(data_dir.resolve())
    postgres.drop_database(PG_SERVER, name)
    postgres.create_database(PG_SERVER, name)
    return postgres.parse(PG_SERVER).with_database(name).url


def test_every_yes_no_column_is_known_to_the_dialect_by_name():
    """A yes/no column is BOOLEAN on PostgreSQL because its name is in dialect.BOOLEAN_COLUMNS (the migrations
    spell it INTEGER): every BooleanField's column is there, and no other column has one of those names."""
    yes_no = {f.column_name for m in ALL_MODELS for f in m._meta.sorted_fields if isinstance(f, pw.BooleanField)}
    other = {f.column_name for m in ALL_MODELS for f in m._meta.sorted_fields if not isinstance(f, pw.BooleanField)}
    assert yes_no <= set(dialect.BOOLEAN_COLUMNS)
    assert not other & set(dialect.BOOLEAN_COLUMNS)


def test_models_match_the_migrated_schema(shop):
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {c.name for c in db.get_columns(table)}
        assert columns == {f.column_name for f in model._meta.sorted_fields}, table
        indexes = {i.name for i in db.get_indexes(table)}
        assert {index._name for index in model._meta.fields_to_index()} <= indexes, table


def test_stock_moves_cannot_be_edited_or_deleted(shop):
    from shop_aftersales.models import Product
    from shop_aftersales.services.base import business_step
    from shop_aftersales.services.ledger import MoveRequest, move

    product = Product.create(sku="A", name="A")
    business_step(lambda: move(MoveRequest(product, 3, "adjustment", "sellable")))()
    with pytest.raises(Exception, match="append-only"):
        StockMove.update(quantity=1).execute()
    with pytest.raises(Exception, match="append-only"):
        StockMove.delete().execute()
    assert StockMove.get().quantity == 3


@pytest.mark.sqlite_only("the file byte for byte")
def test_a_database_from_a_newer_version_is_refused_and_untouched(data_dir):
    open_database(data_dir)
    db.execute_sql("INSERT INTO schema_migration (name, applied) VALUES ('0999_from_the_future', '2030-01-01')")
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database()
    path = data_dir / DB_FILE_NAME
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="newer version") as info:
        open_database(data_dir)
    assert "0999_from_the_future" in str(info.value)
    assert digest(path) == before


@pytest.mark.postgres_only("a PostgreSQL shop written by a newer version")
def test_a_postgresql_database_from_a_newer_version_is_refused_and_untouched(data_dir):
    open_database(data_dir)
    raw_sql("INSERT INTO schema_migration (name, applied) VALUES ('0999_from_the_future', '2030-01-01')")
    before = db.execute_sql("SELECT name FROM schema_migration ORDER BY name").fetchall()
    close_database()
    with pytest.raises(DatabaseRefused, match="newer version") as info:
        open_database(data_dir)
    assert info.value.kind == "newer" and "0999_from_the_future" in str(info.value)
    server = postgres.make_database(postgres.parse(postgres.test_database_url(PG_SERVER, data_dir.resolve())))
    try:
        assert server.execute_sql("SELECT name FROM schema_migration ORDER BY name").fetchall() == before
    finally:
        server.close()


@pytest.mark.postgres_only("another program's PostgreSQL database")
def test_another_programs_postgresql_database_is_refused_and_not_migrated(data_dir):
    url = empty_database(data_dir)
    other = postgres.make_database(postgres.parse(url))
    try:
        other.execute_sql("CREATE TABLE invoices (id SERIAL PRIMARY KEY, total NUMERIC)")
        with pytest.raises(DatabaseRefused, match="another program") as info:
            open_database(data_dir)
        assert info.value.kind == "foreign"
        assert postgres.table_names(other) == {"invoices"}
    finally:
        other.close()


@pytest.mark.postgres_only("a PostgreSQL shop whose tables are gone")
def test_a_postgresql_shop_missing_its_core_tables_is_refused_as_damaged(data_dir):
    open_database(data_dir)
    db.execute_sql("DROP TABLE stock_move CASCADE")  # PostgreSQL's spelling: the test is PostgreSQL's alone
    close_database()
    with pytest.raises(DatabaseRefused, match="stock_move") as info:
        open_database(data_dir)
    assert info.value.kind == "damaged"


@pytest.mark.sqlite_only(FILE_ONLY)
def test_a_corrupt_file_is_refused_with_restore_advice_and_never_overwritten(data_dir):
    path = data_dir / DB_FILE_NAME
    path.write_bytes(b"this is not a database" * 100)
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="Restore the latest backup"):
        open_database(data_dir)
    assert digest(path) == before
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_FILE_NAME]


@pytest.mark.sqlite_only(FILE_ONLY)
def test_a_damaged_page_is_refused(data_dir):
    open_database(data_dir)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database()
    path = data_dir / DB_FILE_NAME
    raw = bytearray(path.read_bytes())
    page = 4096
    raw[page * 2: page * 2 + 200] = b"\xff" * 200  # scribble over a b-tree page
    path.write_bytes(bytes(raw))
    with pytest.raises(DatabaseRefused):
        open_database(data_dir)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root ignores permissions")
def test_a_read_only_folder_is_refused(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(DatabaseRefused, match="read-only"):
            open_database(folder)
    finally:
        folder.chmod(0o700)


def test_a_folder_that_refuses_writes_is_refused(data_dir):
    """Root (as in CI) ignores permission bits; a folder where the write probe cannot be written
    takes the same path as a read-only folder."""
    (data_dir / ".write-test").mkdir()
    with pytest.raises(DatabaseRefused, match="read-only"):
        open_database(data_dir)
    assert not (data_dir / DB_FILE_NAME).exists()


def test_a_missing_drive_is_refused(tmp_path):
    """A path that cannot be created (here: below a file, as below an unplugged drive letter)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(DatabaseRefused, match="cannot be created"):
        open_database(blocker / "shop")


def test_sqlite_version_is_reported(data_dir):
    opened = open_database(data_dir)
    close_database()
    assert opened.sqlite_version == sqlite3.sqlite_version


def test_an_older_database_is_upgraded_and_keeps_its_data(data_dir, tmp_path):
    """A shop that ran version 0001 of the schema opens with every later migration applied."""
    import shutil as sh

    from playhouse.migrations import Runner

    from shop_aftersales.models import Product, StockQuant
    from shop_aftersales.models.database import CORE_TABLES, HISTORY_TABLE, MIGRATIONS_DIR, PRAGMAS, ShopRunner

    old = tmp_path / "old-migrations"
    old.mkdir()
    sh.copy(MIGRATIONS_DIR / "0001_initial.py", old)
    if PG_SERVER:  # an empty database set up by 0001 alone, as the app of then did
        postgres.open_postgres(empty_database(data_dir), None, DatabaseRefused, ShopRunner, old, HISTORY_TABLE,
                               ["0001_initial"], CORE_TABLES)
    else:
        db.init(str(data_dir / DB_FILE_NAME), pragmas=PRAGMAS)
        db.connect()
        Runner(db, directory=str(old), table_name="schema_migration").up()
    raw_sql("INSERT INTO product (sku, name, model, brand, list_price, cost, serialised, active, created_at) "
            "VALUES ('OLD-1', '旧商品', '', '', 100, 50, FALSE, TRUE, '2025-01-01 00:00:00')")
    raw_sql("INSERT INTO stock_quant (product_id, location_id, quantity) VALUES (1, 1, 5)")
    close_database()

    opened = open_database(data_dir)
    try:
        assert opened.applied == known_migrations()[1:]
        assert Product.get(Product.sku == "OLD-1").name == "旧商品"
        quant = StockQuant.get()
        assert quant.quantity == 5 and quant.customer_owned is False
    finally:
        close_database()


@pytest.mark.sqlite_only(FILE_ONLY)
def test_the_full_check_is_skipped_only_for_the_file_the_app_closed_cleanly(data_dir, monkeypatch):
    import sqlite3

    from shop_aftersales.models.database import _marker

    statements: list[str] = []
    real_connect = sqlite3.connect

    def traced(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(sqlite3, "connect", traced)

    open_database(data_dir)
    path = data_dir / DB_FILE_NAME
    db.execute_sql("CREATE TABLE filler (x)")
    db.execute_sql("INSERT INTO filler VALUES (randomblob(4096))")
    close_database()
    marker = _marker(path.resolve())
    checked = marker.read_text().split()[2]
    statements.clear()
    open_database(data_dir)
    assert "PRAGMA quick_check" not in statements  # closed cleanly by the app: the full read is skipped
    assert not marker.exists()  # while open there is none: a crash means a full check next time
    close_database()
    assert marker.read_text().split()[2] == checked  # the quick check was carried over, not run again
    marker.rename(marker.with_suffix(".kept"))  # as after a crash: no marker
    statements.clear()
    open_database(data_dir)
    assert "PRAGMA quick_check" in statements
    close_database()
    raw = bytearray(path.read_bytes())  # damaged behind the app's back: a b-tree page scribbled over
    raw[4096 * 2: 4096 * 2 + 200] = b"\xff" * 200
    path.write_bytes(bytes(raw))
    with pytest.raises(DatabaseRefused):
        open_database(data_dir)


# ------------------------------------------------------------------ bad files and odd states (issue 16, part 4)

def sidecars(path):
    return [p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-")]


def refused(data_dir, kind):
    path = data_dir / DB_FILE_NAME
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(DatabaseRefused) as info:
        open_database(data_dir)
    assert info.value.kind == kind, info.value.message()
    if before is not None:
        assert path.read_bytes() == before  # byte for byte
        assert sidecars(path) == []  # and no -wal / -shm left beside it
    return info.value.message()


@pytest.mark.sqlite_only(FILE_ONLY)
def test_a_zero_byte_database_is_refused_not_made_a_new_empty_shop(data_dir):
    (data_dir / DB_FILE_NAME).write_bytes(b"")
    assert "is empty (0 bytes)" in refused(data_dir, "empty")


@pytest.mark.sqlite_only(FILE_ONLY)
def test_another_programs_sqlite_file_is_refused_and_not_migrated(data_dir):
    path = data_dir / DB_FILE_NAME
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=wal")
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    conn.commit()
    conn.close()
    assert "database of another program" in refused(data_dir, "foreign")
    conn = sqlite3.connect(path)  # and a foreign file that happens to keep a schema_migration table
    conn.execute("CREATE TABLE schema_migration (id INTEGER PRIMARY KEY, name TEXT, applied TEXT)")
    conn.execute("INSERT INTO schema_migration (name, applied) VALUES ('20240101_accounts', '2024-01-01')")
    conn.commit()
    conn.close()
    refused(data_dir, "foreign")


@pytest.mark.sqlite_only(FILE_ONLY)
def test_a_folder_where_the_database_should_be_is_refused(data_dir):
    (data_dir / DB_FILE_NAME).mkdir()
    assert "is a folder" in refused(data_dir, "directory")


@pytest.mark.sqlite_only(FILE_ONLY)
def test_a_read_only_database_file_is_refused(data_dir):
    open_database(data_dir)
    close_database()
    path = data_dir / DB_FILE_NAME
    path.chmod(0o444)
    try:
        assert "read-only" in refused(data_dir, "read-only")
    finally:
        path.chmod(0o644)


@pytest.mark.sqlite_only(FILE_ONLY)
def test_a_refused_newer_database_gets_no_wal_or_shm_beside_it(data_dir):
    open_database(data_dir)
    db.execute_sql("INSERT INTO schema_migration (name, applied) VALUES ('0999_from_the_future', '2030-01-01')")
    close_database()
    refused(data_dir, "newer")


@pytest.mark.sqlite_only(FILE_ONLY)
def test_a_database_locked_by_another_program_is_called_busy_not_damaged(data_dir):
    import subprocess
    import time

    open_database(data_dir)
    close_database()
    path = data_dir / DB_FILE_NAME
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "c.execute('PRAGMA locking_mode=EXCLUSIVE'); c.execute('BEGIN EXCLUSIVE'); "
        "c.execute('CREATE TABLE other_programs_work (x)'); print('holding', flush=True); time.sleep(60)"),
        str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        before = path.read_bytes()
        started = time.monotonic()
        with pytest.raises(DatabaseRefused) as info:
            open_database(data_dir)
        assert info.value.kind == "busy"
        assert "in use by another program" in info.value.message() and "damaged" not in info.value.message()
        assert time.monotonic() - started < 30
        assert path.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.sqlite_only(FILE_ONLY)
def test_the_full_check_is_not_skipped_for_a_file_changed_with_its_old_size_and_time(data_dir, monkeypatch):
    """The clean-close marker holds a hash of the first and last pages: a file changed behind the app's back and
    given back its size and modification time is still checked in full."""
    statements: list[str] = []
    real_connect = sqlite3.connect

    def traced(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(sqlite3, "connect", traced)
    open_database(data_dir)
    close_database()
    path = data_dir / DB_FILE_NAME
    stat = path.stat()
    raw = bytearray(path.read_bytes())
    raw[24:28] = (int.from_bytes(raw[24:28], "big") + 1).to_bytes(4, "big")  # SQLite's file change counter
    path.write_bytes(bytes(raw))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    statements.clear()
    open_database(data_dir)
    close_database()
    assert "PRAGMA quick_check" in statements


def damage_an_index(path):
    """Change one key inside an index page, keeping the b-tree well formed: quick_check does not compare an index
    with its table, integrity_check does."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("CREATE INDEX notes_body ON notes (body)")
    conn.executemany("INSERT INTO notes VALUES (?)", [(f"note-{n:04d}",) for n in range(50)])
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'notes_body'").fetchone()[0]
    conn.close()
    raw = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    at = raw.index(b"note-0049", start, start + page_size)
    raw[at + 8: at + 9] = b"Z"  # still the largest key
    path.write_bytes(bytes(raw))


@pytest.mark.sqlite_only(FILE_ONLY)
def test_integrity_check_finds_what_quick_check_misses(data_dir):
    from shop_aftersales.models.database import integrity_check_due, run_integrity_check

    open_database(data_dir)
    close_database()
    path = data_dir / DB_FILE_NAME
    assert integrity_check_due(path)
    assert run_integrity_check(path) is None and not integrity_check_due(path)  # sound: not due for a week
    damage_an_index(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"  # what the start reads says nothing
    conn.close()
    found = run_integrity_check(path)
    assert found and "notes_body" in found


@pytest.mark.gui
@pytest.mark.sqlite_only(FILE_ONLY)
def test_the_weekly_integrity_check_runs_off_the_gui_thread_and_says_what_it_found(window, qtbot):
    from shop_aftersales.app import integrity_check_in_background

    path = window.context.data_dir / DB_FILE_NAME
    close_database()
    damage_an_index(path)
    open_database(window.context.data_dir)
    thread = integrity_check_in_background(window, path)
    qtbot.waitUntil(lambda: hasattr(window, "integrity_result"), timeout=30_000)
    thread.join(5)
    assert "found damage in the database" in window.statusBar().currentMessage()
    assert "notes_body" in window.integrity_result
