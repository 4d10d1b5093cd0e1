"""Backups through SQLite's online backup API, their rotation, restore round trips, and one writer per folder."""

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from shop_aftersales import clock
from shop_aftersales.errors import DomainError
from shop_aftersales.models import Product
from shop_aftersales.services import backup, settings
from shop_aftersales.services.checks import run_checks

from helpers import app_env  # noqa: E402


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
    import shutil

    from helpers import settle
    from shop_aftersales.app import open_shop
    from shop_aftersales.models.database import DB_FILE_NAME, close_database

    shutil.copy(_demo_template, data_dir / DB_FILE_NAME)
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
