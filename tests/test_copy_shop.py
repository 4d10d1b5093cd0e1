"""`shop-aftersales copy-shop`: a whole shop from an SQLite file into PostgreSQL and back, every row with its id,
`check` sound on both sides, the same counts, money sums and report figures; and a PostgreSQL shop backed up into
one SQLite file and restored from it."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from shop_aftersales.models import Product, db, postgres
from shop_aftersales.models.database import DB_FILE_NAME, TEST_ENV, close_database, open_database_file
from shop_aftersales.reports import analytics
from shop_aftersales.services import copy_shop
from shop_aftersales.services.checks import run_checks

from helpers import app_env

PG_SERVER = os.environ.get(TEST_ENV, "").strip() or None
needs_postgres = pytest.mark.postgres_only("copies between an SQLite file and a PostgreSQL database")
PERIOD = analytics.Period(dt.date(2025, 6, 1), dt.date(2026, 6, 17))


def new_database(label: str) -> str:
    """An empty database of this test on the server (conftest drops it after the test); its URL."""
    name = f"sa_{postgres.worker()}_copy_{label}"
    postgres.drop_database(PG_SERVER, name)
    postgres.create_database(PG_SERVER, name)
    return postgres.parse(PG_SERVER).with_database(name).url


@pytest.fixture(scope="module")
def sqlite_demo(tmp_path_factory) -> Path:
    """The demo shop in an SQLite file (on either run of the suite), made once for the module."""
    from shop_aftersales.services.demo import seed_demo_shop

    folder = tmp_path_factory.mktemp("sqlite-demo")
    open_database_file(folder / DB_FILE_NAME)
    try:
        seed_demo_shop()
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        close_database()
    return folder


@pytest.fixture
def demo_folder(sqlite_demo, tmp_path) -> Path:
    """A data folder of this test holding a copy of the SQLite demo shop."""
    import shutil

    folder = tmp_path / "shop"
    folder.mkdir()
    shutil.copy(sqlite_demo / DB_FILE_NAME, folder / DB_FILE_NAME)
    return folder


def cli(*args, env_extra: dict | None = None):
    env = app_env(LANG="en_US.UTF-8", LC_ALL="en_US.UTF-8", **(env_extra or {}))
    env.pop(TEST_ENV, None)  # a data folder given here is its SQLite file, not the suite's database of it
    return subprocess.run([sys.executable, "-m", "shop_aftersales", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=300)


def state(side: copy_shop.Where):
    """What a shop holds, seen through the app: every table's rows and sums, `check`, the reports' headline
    figures, and a few rows read back by id."""
    copy_shop.open_normally(side)
    try:
        tables = copy_shop.table_order(copy_shop.tables_of(db.obj) - set(copy_shop.NOT_COPIED))
        measured = copy_shop.measure(db.obj, tables)
        cost = analytics.cost_of_aftersales(PERIOD)
        products = [(p.id, p.sku, p.list_price, p.serialised, p.created_at)
                    for p in Product.select().order_by(Product.id)]
        return {"rows": measured.rows, "sums": measured.sums, "checks": [str(f) for f in run_checks()],
                "figures": analytics.figures(PERIOD, cost), "counts": analytics.counts(PERIOD),
                "reasons": analytics.reasons(PERIOD), "products": products}
    finally:
        close_database()


def same_rows(a: Path, b: Path, tables) -> None:
    """Every row of every table, value for value, in the SQLite files *a* and *b* (ids, yes/no, moments, hashes)."""
    first, second = sqlite3.connect(a), sqlite3.connect(b)
    try:
        for table in tables:
            query = f'SELECT * FROM "{table}" ORDER BY 1'
            assert first.execute(query).fetchall() == second.execute(query).fetchall(), table
    finally:
        first.close()
        second.close()


def test_an_sqlite_shop_copied_into_a_new_data_folder(demo_folder, tmp_path):
    """SQLite to SQLite (no server needed): the same rows, sound, and a second copy onto it refused."""
    new = tmp_path / "new-pc"
    report = copy_shop.copy_shop(copy_shop.where(demo_folder), copy_shop.where(new))
    assert report.sound, (report.differences, report.source_findings, report.target_findings)
    assert set(report.source_measures.rows) >= {"history_chain", "change_log", "stock_move", "setting_change"}
    assert "schema_migration" not in report.source_measures.rows
    same_rows(demo_folder / DB_FILE_NAME, new / DB_FILE_NAME, report.source_measures.rows)
    before = (new / DB_FILE_NAME).read_bytes()
    result = cli("copy-shop", demo_folder, new)
    assert result.returncode == 1 and "already holds a shop" in result.stderr, result.stderr
    assert (new / DB_FILE_NAME).read_bytes() == before
    nothing = cli("copy-shop", tmp_path / "no-shop-here", tmp_path / "elsewhere")
    assert nothing.returncode == 1 and "There is no shop in" in nothing.stderr
    assert not (tmp_path / "elsewhere" / DB_FILE_NAME).exists()


@needs_postgres
def test_the_demo_shop_goes_to_postgresql_and_back_with_the_command(demo_folder, tmp_path):
    url = new_database("cli")
    back = tmp_path / "back"
    to_pg = cli("copy-shop", demo_folder, url)
    assert to_pg.returncode == 0, to_pg.stdout + to_pg.stderr
    assert "OK: every table" in to_pg.stdout and "sale_line" in to_pg.stdout and "Σ refund.amount" in to_pg.stdout
    to_sqlite = cli("copy-shop", url, back)
    assert to_sqlite.returncode == 0, to_sqlite.stdout + to_sqlite.stderr
    assert (back / DB_FILE_NAME).is_file()
    assert cli("check", "--data-dir", back).returncode == 0
    there = cli("check", "--database", url)
    assert there.returncode == 0, there.stdout + there.stderr
    original, in_postgres, returned = (state(copy_shop.where(x)) for x in (demo_folder, url, back))
    assert original["checks"] == in_postgres["checks"] == returned["checks"] == []
    assert original["rows"]["sale_line"] > 1000 and original["rows"]["item_event"] > 100
    for key in ("rows", "sums", "figures", "counts", "reasons", "products"):
        assert original[key] == in_postgres[key] == returned[key], key
    assert original["figures"]["refunds"] > 0 and original["figures"]["net"] != 0


@needs_postgres
def test_the_service_copies_every_row_with_its_id_and_value(demo_folder, tmp_path):
    url = new_database("service")
    report = copy_shop.copy_shop(copy_shop.where(demo_folder), copy_shop.where(url))
    assert report.sound, (report.differences, report.source_findings, report.target_findings)
    assert report.source_measures.rows == report.target_measures.rows
    assert report.source_measures.sums["refund.amount"] == report.target_measures.sums["refund.amount"] > 0
    back = copy_shop.copy_shop(copy_shop.where(url), copy_shop.where(tmp_path / "back"))
    assert back.sound and back.target_measures.rows == report.source_measures.rows
    # every row of every table, value for value, as the original file holds it (ids, yes/no, moments, hashes)
    same_rows(demo_folder / DB_FILE_NAME, tmp_path / "back" / DB_FILE_NAME, report.source_measures.rows)
    # PostgreSQL's ids go on after the copied ones: the next row written there gets a new id
    copy_shop.open_normally(copy_shop.where(url))
    try:
        top = Product.select().order_by(Product.id.desc()).first().id
        assert Product.create(sku="NEW", name="after the copy", list_price=Decimal(1)).id == top + 1
    finally:
        close_database()


@needs_postgres
def test_a_target_that_holds_a_shop_is_refused_and_left_as_it_was(demo_folder, tmp_path):
    url = new_database("full")
    assert cli("copy-shop", demo_folder, url).returncode == 0
    before = state(copy_shop.where(url))
    again = cli("copy-shop", demo_folder, url)
    assert again.returncode == 1 and "already holds a shop" in again.stderr and "Nothing was copied" in again.stderr
    assert "Traceback" not in again.stderr
    assert state(copy_shop.where(url)) == before
    # a data folder whose file holds a shop, the same way
    other = tmp_path / "other"
    assert cli("copy-shop", url, other).returncode == 0
    with pytest.raises(copy_shop.CopyRefused, match="already holds a shop"):
        copy_shop.copy_shop(copy_shop.where(demo_folder), copy_shop.where(other))
    # and a shop is never copied onto itself
    with pytest.raises(copy_shop.CopyRefused, match="the same shop"):
        copy_shop.copy_shop(copy_shop.where(url), copy_shop.where(url + "?sslmode=prefer"))


@needs_postgres
def test_bad_addresses_are_refused_with_a_clear_message_and_no_password(demo_folder, tmp_path):
    no_database = cli("copy-shop", demo_folder, "postgresql://shop:s3cret-pw@127.0.0.1:55432")
    assert no_database.returncode == 1 and "is not a database address" in no_database.stderr
    unreachable = cli("copy-shop", demo_folder, "postgresql://shop:s3cret-pw@127.0.0.1:1/shop")
    assert unreachable.returncode in (1, 3) and "cannot be reached" in unreachable.stderr
    missing = cli("copy-shop", demo_folder, postgres.parse(PG_SERVER).with_database(
        f"sa_{postgres.worker()}_copy_not_there").url)
    assert missing.returncode in (1, 3) and "does not exist" in missing.stderr
    nothing = cli("copy-shop", tmp_path / "no-shop-here", new_database("empty"))
    assert nothing.returncode == 1 and "There is no shop in" in nothing.stderr
    for result in (no_database, unreachable, missing, nothing):
        assert "s3cret-pw" not in result.stdout + result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "no-shop-here" / DB_FILE_NAME).exists()


@needs_postgres
def test_a_postgresql_shop_is_backed_up_into_one_sqlite_file_and_restored(demo_folder, tmp_path):
    from shop_aftersales.models.database import open_database, use_database
    from shop_aftersales.services import backup

    url = new_database("backup")
    assert copy_shop.copy_shop(copy_shop.where(demo_folder), copy_shop.where(url)).sound
    data_dir = tmp_path / "pc"
    use_database(url)
    try:
        open_database(data_dir)
        before = copy_shop.measure(db.obj, copy_shop.table_order(copy_shop.tables_of(db.obj)
                                                                 - set(copy_shop.NOT_COPIED)))
        taken = backup.back_up(data_dir, "manual")
        assert taken.parent == data_dir / "backups" and taken.name.endswith(".sqlite3")
        assert [p.name for p in taken.parent.iterdir()] == [taken.name]  # one file: no -wal, no .part beside it
        Product.create(sku="AFTER", name="entered after the backup", list_price=Decimal(1))
        # the backup is an ordinary shop file: it opens, and holds what the shop held
        check_dir = tmp_path / "check"
        check_dir.mkdir()
        (check_dir / DB_FILE_NAME).write_bytes(taken.read_bytes())
        assert cli("check", "--data-dir", check_dir).returncode == 0
        backup.check_backup(taken, data_dir)
        safety = backup.restore(data_dir, taken)
        assert safety is not None and "before-restore" in safety.name
        assert db.obj is not None and copy_shop.is_postgres(db.obj)
        assert not Product.select().where(Product.sku == "AFTER").exists()
        assert run_checks() == []
        tables = list(before.rows)
        assert copy_shop.measure(db.obj, tables).rows == before.rows
        assert copy_shop.measure(db.obj, tables).sums == before.sums
        backup.restore(data_dir, safety)  # and the restore itself can be undone
        assert Product.select().where(Product.sku == "AFTER").exists() and run_checks() == []
        close_database()
    finally:
        use_database(None)
        close_database()


@needs_postgres
def test_a_refused_restore_leaves_the_postgresql_shop_as_it_was(demo_folder, tmp_path):
    from shop_aftersales.models.database import open_database, use_database
    from shop_aftersales.services import backup

    url = new_database("refused")
    assert copy_shop.copy_shop(copy_shop.where(demo_folder), copy_shop.where(url)).sound
    newer = tmp_path / "shop-20260601-000000-manual.sqlite3"
    newer.write_bytes((demo_folder / DB_FILE_NAME).read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO schema_migration (name, applied) VALUES ('0999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database" * 100)
    data_dir = tmp_path / "pc"
    use_database(url)
    try:
        open_database(data_dir)
        Product.create(sku="KEEP", name="entered today", list_price=Decimal(1))
        before = state_here()
        with pytest.raises(backup.RestoreRefused, match="newer version"):
            backup.restore(data_dir, newer)
        with pytest.raises(backup.RestoreRefused, match="not a sound Shop Aftersales backup"):
            backup.restore(data_dir, damaged)
        assert state_here() == before and Product.select().where(Product.sku == "KEEP").exists()
        assert not (data_dir / "backups").exists() or not list((data_dir / "backups").iterdir())
        assert not [p for p in data_dir.iterdir() if "restoring" in p.name or "checking" in p.name]
    finally:
        use_database(None)
        close_database()


def state_here():
    tables = copy_shop.table_order(copy_shop.tables_of(db.obj) - set(copy_shop.NOT_COPIED))
    measured = copy_shop.measure(db.obj, tables)
    return measured.rows, measured.sums


def test_a_source_that_check_finds_fault_with_exits_1_saying_so(demo_folder, tmp_path):
    """The copy goes through (the target is set up by its own migrations, safeguards included), but `check` of the
    source finds a safeguard removed behind the app's back: exit 1, and what it found."""
    conn = sqlite3.connect(demo_folder / DB_FILE_NAME)
    conn.execute("DROP TRIGGER refund_no_update")
    conn.commit()
    conn.close()
    result = cli("copy-shop", demo_folder, tmp_path / "new")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"problem(s) in {demo_folder / DB_FILE_NAME}" in result.stderr and "OK:" not in result.stdout
    assert "refund" in result.stderr
    assert cli("check", "--data-dir", tmp_path / "new").returncode == 0  # the copy has every safeguard
