"""Backups through SQLite's online backup API, their rotation, restore round trips, and one writer per folder."""

import datetime as dt
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from shop_aftersales import clock
from shop_aftersales.errors import DomainError
from shop_aftersales.models import Product, db
from shop_aftersales.models.database import TEST_ENV
from shop_aftersales.services import backup, settings
from shop_aftersales.services.checks import run_checks

from helpers import app_env  # noqa: E402

PG_SERVER = os.environ.get(TEST_ENV, "").strip() or None


def make(folder: Path, moments: list[dt.datetime]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for moment in moments:
        (folder / backup._name(moment, "daily")).write_bytes(b"x")


def test_rotation_keeps_7_daily_4_weekly_12_monthly(tmp_path):
    start = dt.datetime(2026, 11, 30, 9)
    # two a day for a year and a half
    moments = [start - dt.timedelta(hours=12 * n) for n in range(2 * 550)]
    make(tmp_path, moments)
    with clock.frozen(start):
        backup.rotate(tmp_path)
    kept = sorted(b.taken for b in backup.list_backups(tmp_path))
    days = {t.date() for t in kept}
    assert {start.date() - dt.timedelta(days=n) for n in range(7)} <= days
    assert len({t.isocalendar()[:2] for t in kept}) >= 4
    assert len({(t.year, t.month) for t in kept}) == 12
    assert len(kept) <= 4 + 7 + 4 + 12  # the last two days' four, then one a day, a week, a month
    assert max(kept) == start  # the newest is always kept


def test_back_up_and_restore_round_trip(demo_shop):
    before = Product.select().count()
    taken = backup.back_up(demo_shop, "manual")
    assert taken.parent == demo_shop / "backups" and backup.backed_up_today(demo_shop)
    Product.create(sku="AFTER", name="added after the backup", list_price=Decimal(1))
    safety = backup.restore(demo_shop, taken)
    assert Product.select().count() == before  # the shop is back as it was
    assert not Product.select().where(Product.sku == "AFTER").exists()
    assert run_checks() == []
    backup.restore(demo_shop, safety)  # and the restore itself can be undone
    assert Product.select().where(Product.sku == "AFTER").exists()


def test_a_restore_does_not_need_the_second_folder(demo_shop, tmp_path):
    """The USB drive of the second backup folder is not plugged in: the restore goes ahead (its safety copy goes
    to backups/ only) instead of failing with a message about the drive."""
    from shop_aftersales.services import settings as shop_settings

    taken = backup.back_up(demo_shop, "manual")
    missing = tmp_path / "usb-not-plugged-in"
    missing.write_text("a file, so no folder can be made there")
    shop_settings.update({backup.SECOND_FOLDER: str(missing / "ShopBackups")})
    Product.create(sku="AFTER", name="added after the backup", list_price=Decimal(1))
    safety = backup.restore(demo_shop, taken)
    assert safety.parent == demo_shop / "backups" and not Product.select().where(Product.sku == "AFTER").exists()


def test_a_damaged_backup_is_refused_and_nothing_changes(demo_shop, tmp_path):
    damaged = tmp_path / "shop-20260101-000000-daily.sqlite3"
    damaged.write_bytes(b"not a database" * 100)
    count = Product.select().count()
    with pytest.raises(DomainError, match="not a sound Shop Aftersales backup"):
        backup.restore(demo_shop, damaged)
    assert Product.select().count() == count
    assert not list((demo_shop / "backups").glob("*before-restore*")) if (demo_shop / "backups").exists() else True


def test_a_second_folder_gets_a_copy(demo_shop, tmp_path):
    usb = tmp_path / "usb"
    settings.update({backup.SECOND_FOLDER: str(usb)})
    taken = backup.back_up(demo_shop)
    assert (usb / taken.name).read_bytes() == taken.read_bytes()
    settings.update({backup.SECOND_FOLDER: str(tmp_path / "file-not-folder" / "x")})
    (tmp_path / "file-not-folder").write_text("x")
    with pytest.raises(DomainError, match="Is the drive plugged in"):
        with clock.frozen(dt.datetime(2030, 1, 1)):
            backup.back_up(demo_shop)


def cli(*args):
    env = app_env(LANG="en_US.UTF-8", LC_ALL="en_US.UTF-8")
    return subprocess.run([sys.executable, "-m", "shop_aftersales", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=120)


def test_backup_and_restore_from_the_command_line(tmp_path):
    folder = tmp_path / "shop"
    assert cli("demo-data", "--data-dir", folder).returncode == 0
    result = cli("backup", "--data-dir", folder)
    assert result.returncode == 0, result.stderr
    made = Path(result.stdout.strip())
    listing = cli("restore", "--data-dir", folder)
    assert made.name in listing.stdout
    result = cli("restore", made, "--data-dir", folder)
    assert result.returncode == 0 and "Restored" in result.stdout
    assert cli("check", "--data-dir", folder).returncode == 0


def test_one_writer_per_data_folder(tmp_path):
    """While one process holds the folder, a second writer is refused with a clear message."""
    folder = tmp_path / "shop"
    folder.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from shop_aftersales.instance import acquire; "
        f"lock = acquire({str(folder)!r}); print('locked', flush=True); time.sleep(30)")],
        stdout=subprocess.PIPE, text=True, env=app_env())
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = cli("backup", "--data-dir", folder)
        assert result.returncode == 1 and "already open on this data folder" in result.stderr
    finally:
        holder.kill()
        holder.wait()
    # a lock left by a process that died is taken over
    result = cli("demo-data", "--data-dir", folder)
    assert result.returncode == 0, result.stderr


@pytest.mark.gui
def test_restore_through_the_window(window, qtbot):
    from helpers import settle
    from shop_aftersales.ui.backup_dialog import RestoreDialog

    taken = backup.back_up(window.context.data_dir, "manual")
    Product.create(sku="LATE", name="entered after the backup", list_price=Decimal(1))
    dialog = RestoreDialog(window.context, window)
    assert dialog.backups[0].path == taken
    new_window = window.restore_backup(taken)
    qtbot.addWidget(new_window)
    try:
        assert not Product.select().where(Product.sku == "LATE").exists()
        assert "Restored" in new_window.statusBar().currentMessage()
        assert run_checks() == []
    finally:
        settle(qtbot, new_window)
        new_window.context.ops.shutdown()


def test_the_days_first_start_backs_up_on_the_writer_thread(qtbot, data_dir, _demo_template):
    """On five busy years the backup takes ~7 s: the window opens without waiting for it, says what it is doing,
    and a step started meanwhile runs after it on the same thread."""
    from conftest import use_template
    from helpers import settle
    from shop_aftersales.app import open_shop
    from shop_aftersales.models.database import close_database

    use_template(_demo_template, data_dir)
    window = open_shop(data_dir)
    qtbot.addWidget(window)
    try:
        assert window.statusBar().currentMessage() == "Making the daily backup…"
        order = []
        window.context.ops.run(lambda: order.append(backup.backed_up_today(data_dir)))
        settle(qtbot, window)
        assert order == [True]  # the step queued after the backup saw it done
        assert "Backed up to" in window.statusBar().currentMessage()
    finally:
        window.context.ops.shutdown()
        window.context.instance_lock.unlock()
        close_database()


# ------------------------------------------------------------------ restoring, for real (issue 16, part 1)

def shop_state(folder: Path):
    """The live file byte for byte (on PostgreSQL: every table's rows and sums): a refused restore changes
    neither."""
    from shop_aftersales.models.database import close_database, in_postgres, open_database
    from shop_aftersales.services import copy_shop

    if not PG_SERVER:
        return (folder / "shop.sqlite3").read_bytes()
    open_database(folder)
    try:
        assert in_postgres()
        measured = copy_shop.measure(db.obj, copy_shop.table_order(copy_shop.tables_of(db.obj)
                                                                   - set(copy_shop.NOT_COPIED)))
        return measured.rows, measured.sums
    finally:
        close_database()


def newer_version_backup(folder: Path, demo_shop: Path) -> Path:
    taken = backup.back_up(demo_shop, "manual")
    newer = folder / "shop-20260601-000000-manual.sqlite3"
    shutil_copy(taken, newer)
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO schema_migration (name, applied) VALUES ('0999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    return newer


def shutil_copy(a, b):
    import shutil

    shutil.copyfile(a, b)


import sqlite3  # noqa: E402


def test_a_backup_from_a_newer_version_is_refused_before_anything_is_replaced(demo_shop, tmp_path):
    from shop_aftersales.models import db
    from shop_aftersales.models.database import close_database, open_database

    newer = newer_version_backup(tmp_path, demo_shop)
    Product.create(sku="KEEP", name="entered today", list_price=Decimal(1))
    made = {p.name for p in (demo_shop / "backups").iterdir()}
    with pytest.raises(backup.RestoreRefused, match="newer version") as info:
        backup.restore(demo_shop, newer)
    assert "Nothing was changed" in str(info.value)
    assert not db.is_closed() and Product.select().where(Product.sku == "KEEP").exists()  # open, as it was
    assert {p.name for p in (demo_shop / "backups").iterdir()} == made  # no before-restore backup either
    assert sorted(p.name for p in demo_shop.iterdir() if "restoring" in p.name) == []
    close_database()
    open_database(demo_shop)  # and it opens again
    assert run_checks() == []


def test_a_foreign_or_empty_file_is_refused_as_a_backup(demo_shop, tmp_path):
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    with pytest.raises(backup.RestoreRefused, match="another program"):
        backup.restore(demo_shop, other)
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    with pytest.raises(backup.RestoreRefused, match="not a sound Shop Aftersales backup"):
        backup.restore(demo_shop, empty)
    assert run_checks() == []


def test_commits_in_a_backups_wal_are_restored(demo_shop, tmp_path):
    """A copy of a file taken while it was open: its latest commits are still in its -wal beside it."""
    taken = backup.back_up(demo_shop, "manual")
    hot = tmp_path / "hot.sqlite3"
    shutil_copy(taken, hot)
    conn = sqlite3.connect(hot, isolation_level=None)
    conn.execute("PRAGMA journal_mode=wal")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("INSERT INTO product (sku, name, model, brand, list_price, cost, serialised, active, created_at) "
                 "VALUES ('IN-THE-WAL', 'only in the wal', '', '', 100, 50, 0, 1, '2026-06-17 10:00:00')")
    copy = tmp_path / "shop-20260617-100000-copy.sqlite3"
    shutil_copy(hot, copy)  # copied as a file manager copies it: the main file and its -wal
    shutil_copy(Path(str(hot) + "-wal"), Path(str(copy) + "-wal"))
    conn.close()
    assert sqlite3.connect(f"file:{copy}?immutable=1", uri=True).execute(
        "SELECT count(*) FROM product WHERE sku = 'IN-THE-WAL'").fetchone()[0] == 0  # not in the main file
    backup.check_backup(copy, demo_shop)
    backup.restore(demo_shop, copy)
    assert Product.select().where(Product.sku == "IN-THE-WAL").exists()
    assert run_checks() == []


@pytest.mark.sqlite_only("the swap of the SQLite file by a rename")
def test_a_failure_while_swapping_leaves_the_shop_as_it_was_and_open(demo_shop, monkeypatch):
    import os

    taken = backup.back_up(demo_shop, "manual")
    Product.create(sku="KEEP", name="entered after the backup", list_price=Decimal(1))
    real_replace = os.replace

    def failing(src, dst):
        if str(src).endswith(".restoring"):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OSError):
        backup.restore(demo_shop, taken)
    monkeypatch.undo()
    assert Product.select().where(Product.sku == "KEEP").exists()
    assert [p.name for p in demo_shop.iterdir() if ".restoring" in p.name or ".replaced" in p.name] == []
    assert run_checks() == []


def test_restoring_onto_an_empty_folder_a_new_pc(demo_shop, tmp_path):
    from shop_aftersales.models.database import close_database

    taken = backup.back_up(demo_shop, "manual")
    count = Product.select().count()
    close_database()
    new_pc = tmp_path / "new-pc"
    assert backup.restore(new_pc, taken) is None  # nothing to keep from before
    assert Product.select().count() == count


def test_restore_from_the_command_line_tells_the_truth(demo_shop, tmp_path):
    from shop_aftersales.models.database import close_database

    newer = newer_version_backup(tmp_path, demo_shop)
    good = backup.back_up(demo_shop, "manual")
    close_database()
    folder = demo_shop
    before = shop_state(folder)
    result = cli("restore", newer, "--data-dir", folder)
    assert result.returncode == 1, result.stderr
    assert "newer version" in result.stderr and "Nothing was changed" in result.stderr
    assert "Traceback" not in result.stderr
    assert shop_state(folder) == before
    assert cli("check", "--data-dir", folder).returncode == 0  # not stranded
    relative = subprocess.run(  # a path relative to the current folder
        [sys.executable, "-m", "shop_aftersales", "restore", f"backups/{good.name}", "--data-dir", str(folder)],
        capture_output=True, text=True, env=app_env(LANG="en_US.UTF-8", LC_ALL="en_US.UTF-8"), cwd=folder,
        timeout=120)
    assert relative.returncode == 0, relative.stderr
    assert "Restored" in relative.stdout
    missing = cli("restore", "no/such/backup.sqlite3", "--data-dir", folder)
    assert missing.returncode == 1 and "There is no backup file" in missing.stderr
    assert "Traceback" not in missing.stderr


@pytest.mark.sqlite_only("a damaged SQLite file, kept byte for byte")
def test_a_damaged_shop_can_still_be_restored(demo_shop):
    """The way back: the live file does not open (here damaged); restoring a backup still works, and the damaged
    file is kept byte for byte as the before-restore backup."""
    from shop_aftersales.models.database import close_database

    good = backup.back_up(demo_shop, "manual")
    close_database()
    live = demo_shop / "shop.sqlite3"
    raw = bytearray(live.read_bytes())
    raw[4096 * 2: 4096 * 2 + 200] = b"\xff" * 200
    live.write_bytes(bytes(raw))
    assert cli("check", "--data-dir", demo_shop).returncode == 3
    result = cli("restore", good, "--data-dir", demo_shop)
    assert result.returncode == 0, result.stderr
    kept = [p for p in (demo_shop / "backups").iterdir() if "before-restore" in p.name]
    assert [p.read_bytes() for p in kept] == [bytes(raw)]
    assert cli("check", "--data-dir", demo_shop).returncode == 0


def test_a_backup_of_a_database_that_stays_locked_gives_up(data_dir, monkeypatch):
    """sqlite3's backup() retries a locked source for ever (the GUI's daily backup of a read-only or busy file
    never ended, and the window could not close): it now gives up with a message."""
    import time

    path = data_dir / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "c.execute('BEGIN EXCLUSIVE'); c.execute('INSERT INTO t VALUES (1)'); print('holding', flush=True); "
        "time.sleep(60)"), str(path)], stdout=subprocess.PIPE, text=True)
    monkeypatch.setattr(backup, "STALL_SECONDS", 1.0)
    try:
        assert holder.stdout.readline().strip() == "holding"
        started = time.monotonic()
        with pytest.raises(DomainError, match="The backup was given up"):
            backup._copy_online(data_dir / "copy.sqlite3", path)
        assert time.monotonic() - started < 30
        assert not list(data_dir.glob("copy.sqlite3*"))  # no .part left either
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.sqlite_only("the kill-safety of swapping the SQLite file (on PostgreSQL one transaction)")
@pytest.mark.parametrize("delay", [0.3, 0.6, 0.9, 1.2, 1.6, 2.2])
def test_a_restore_killed_at_any_moment_leaves_one_whole_shop(data_dir, _demo_template, delay):
    """SIGKILL somewhere in a restore (copying, proving, the safety backup, the swap): the shop opens and is
    sound, either as it was or as the backup; the next command cleans up what the restore left."""
    import shutil
    import signal
    import time

    from shop_aftersales.models.database import close_database, open_database

    shutil.copy(_demo_template, data_dir / "shop.sqlite3")
    open_database(data_dir)
    taken = backup.back_up(data_dir, "manual")
    Product.create(sku="AFTER", name="entered after the backup", list_price=Decimal(1))
    close_database()
    child = subprocess.Popen([sys.executable, "-m", "shop_aftersales", "restore", str(taken), "--data-dir",
                              str(data_dir)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=app_env())
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait()
    result = cli("check", "--data-dir", data_dir)  # takes the lock the dead restore held, cleans up, checks
    assert result.returncode == 0, result.stderr
    assert not [p.name for p in data_dir.iterdir() if ".restoring" in p.name or ".replaced" in p.name]
    assert not list((data_dir / "backups").glob("*.part"))
    open_database(data_dir)
    try:
        assert Product.select().where(Product.sku == "AFTER").count() in (0, 1)
    finally:
        close_database()


def test_restore_refusals_are_whole_sentences_naming_the_file(demo_shop, tmp_path):
    """No English reason inside a translated sentence: each reason is its own translatable string, which names
    the file; and the message after a restore names the backup, its date and the before-restore backup."""
    from shop_aftersales.i18n import translate

    empty = tmp_path / "shop-20260101-000000-daily.sqlite3"
    empty.write_bytes(b"")
    conn = sqlite3.connect(tmp_path / "blank2.sqlite3")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")
    conn.commit()
    conn.close()
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database" * 100)
    for path in (empty, tmp_path / "blank2.sqlite3", damaged):  # 0 bytes; a database without a shop; not one
        with pytest.raises(backup.RestoreRefused) as refused:
            backup.restore(demo_shop, path)
        assert "{reason}" not in refused.value.source and set(refused.value.params) == {"name"}
        assert refused.value.source in (backup.EMPTY, backup.NO_SHOP, backup.DAMAGED)
        assert path.name in refused.value.message() and translate("Domain", refused.value.source)
    taken = backup.back_up(demo_shop, "manual")
    safety = backup.restore(demo_shop, taken)
    said = backup.restored_message(taken, safety)
    assert taken.name in said and safety.name in said and backup.describe_taken(taken) in said
    assert backup.describe_taken(taken) == f"{backup._taken(taken):%Y-%m-%d %H:%M}"


# ------------------------------------------------------------------ a shop kept in PostgreSQL (issue 19, part 2)

@pytest.mark.postgres_only("the restore into PostgreSQL replaces every row in one transaction")
def test_a_failure_while_copying_into_postgresql_leaves_the_shop_as_it_was(demo_shop, monkeypatch):
    from shop_aftersales.services import copy_shop

    taken = backup.back_up(demo_shop, "manual")
    Product.create(sku="KEEP", name="entered after the backup", list_price=Decimal(1))
    tables = copy_shop.table_order(copy_shop.tables_of(db.obj) - set(copy_shop.NOT_COPIED))
    before = copy_shop.measure(db.obj, tables)
    real_copy = copy_shop._copy_table

    def failing(source, target, table, columns):
        if table == "stock_move":  # half-way: the zones, products, sales… are in already
            raise OSError(28, "No space left on device")
        return real_copy(source, target, table, columns)

    monkeypatch.setattr(copy_shop, "_copy_table", failing)
    with pytest.raises(DomainError, match="failed .*No space left on device.*Nothing there was changed"):
        backup.restore(demo_shop, taken)
    monkeypatch.undo()
    after = copy_shop.measure(db.obj, tables)
    assert (after.rows, after.sums) == (before.rows, before.sums)
    assert Product.select().where(Product.sku == "KEEP").exists()
    assert run_checks() == []  # the triggers are all back, the chains whole
    assert not [p.name for p in demo_shop.iterdir() if ".checking" in p.name or ".restoring" in p.name]


@pytest.mark.postgres_only("the restore into PostgreSQL is one transaction: a killed one changes nothing")
@pytest.mark.parametrize("delay", [0.8, 2.0, 3.5])
def test_a_restore_into_postgresql_killed_at_any_moment_leaves_one_whole_shop(demo_shop, delay):
    import signal
    import time

    from shop_aftersales.models.database import close_database, open_database

    taken = backup.back_up(demo_shop, "manual")
    Product.create(sku="AFTER", name="entered after the backup", list_price=Decimal(1))
    close_database()
    child = subprocess.Popen([sys.executable, "-m", "shop_aftersales", "restore", str(taken), "--data-dir",
                              str(demo_shop)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=app_env())
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait()
    open_database(demo_shop)
    try:
        from shop_aftersales.services.housekeeping import clean_leftovers

        clean_leftovers(demo_shop)
        assert run_checks() == []
        assert Product.select().where(Product.sku == "AFTER").count() in (0, 1)
        assert not [p.name for p in demo_shop.iterdir() if ".checking" in p.name]
        assert not list((demo_shop / "backups").glob("*.part"))
    finally:
        close_database()
