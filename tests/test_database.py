"""Opening the database: pragmas, migrations, and refusing what must not be opened."""

import hashlib
import os
import sqlite3
import sys

import pytest

from shop_aftersales.models import ALL_MODELS, Location, StockMove, db
from shop_aftersales.models.database import (DB_FILE_NAME, DatabaseRefused, close_database, known_migrations,
                                             open_database)


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_configured_and_migrated(data_dir):
    opened = open_database(data_dir)
    try:
        assert opened.applied == known_migrations()
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000
        codes = {loc.code for loc in Location.select()}
        assert {"sellable", "inspection", "repairable", "customer", "scrap", "adjustment"} <= codes
    finally:
        close_database()
    reopened = open_database(data_dir)
    close_database()
    assert reopened.applied == []


def test_models_match_the_migrated_schema(shop):
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {row[1] for row in db.execute_sql(f'PRAGMA table_info("{table}")')}
        assert columns == {f.column_name for f in model._meta.sorted_fields}, table
        indexes = {row[1] for row in db.execute_sql(f'PRAGMA index_list("{table}")')}
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


def test_a_corrupt_file_is_refused_with_restore_advice_and_never_overwritten(data_dir):
    path = data_dir / DB_FILE_NAME
    path.write_bytes(b"this is not a database" * 100)
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="Restore the latest backup"):
        open_database(data_dir)
    assert digest(path) == before
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_FILE_NAME]


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
    from shop_aftersales.models.database import MIGRATIONS_DIR, PRAGMAS

    old = tmp_path / "old-migrations"
    old.mkdir()
    sh.copy(MIGRATIONS_DIR / "0001_initial.py", old)
    db.init(str(data_dir / DB_FILE_NAME), pragmas=PRAGMAS)
    db.connect()
    Runner(db, directory=str(old), table_name="schema_migration").up()
    db.execute_sql("INSERT INTO product (sku, name, model, brand, list_price, cost, serialised, active, created_at) "
                   "VALUES ('OLD-1', '旧商品', '', '', 100, 50, 0, 1, '2025-01-01 00:00:00')")
    db.execute_sql("INSERT INTO stock_quant (product_id, location_id, quantity) VALUES (1, 1, 5)")
    close_database()

    opened = open_database(data_dir)
    try:
        assert opened.applied == known_migrations()[1:]
        assert Product.get(Product.sku == "OLD-1").name == "旧商品"
        quant = StockQuant.get()
        assert quant.quantity == 5 and quant.customer_owned is False
    finally:
        close_database()


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
