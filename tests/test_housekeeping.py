"""What killed processes leave behind is removed at the next start: half-written backups, restores and exports,
and photos copied by an intake that never committed."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from shop_aftersales.models import AftersalesItem, ItemPhoto
from shop_aftersales.models.database import close_database
from shop_aftersales.services import backup, settings
from shop_aftersales.services.housekeeping import clean_leftovers

from conftest import PG_SERVER
from helpers import app_env  # noqa: E402


def cli(*args, cwd=None):
    env = app_env(LANG="en_US.UTF-8", LC_ALL="en_US.UTF-8")
    return subprocess.run([sys.executable, "-m", "shop_aftersales", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=180, cwd=cwd)


def leave_leftovers(folder: Path, usb: Path) -> dict[str, list[Path]]:
    """What SIGKILL at the wrong moment leaves: (the names the code itself uses), and what must stay."""
    item = AftersalesItem.select().first()
    kept_photo = folder / "attachments" / item.code / "photo-1.jpg"
    kept_photo.parent.mkdir(parents=True, exist_ok=True)
    kept_photo.write_bytes(b"\xff\xd8 a photo of the unit")
    ItemPhoto.create(item=item, file_name=f"{item.code}/photo-1.jpg", original_name="unit.jpg")
    orphan = folder / "attachments" / "SH-NEVER-SAVED" / "photo-1.jpg"  # the intake rolled back, or was killed
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"\xff\xd8 an orphan")
    orphan_beside = kept_photo.with_name("photo-2.jpg")
    orphan_beside.write_bytes(b"\xff\xd8 an orphan beside a kept one")
    (folder / "backups").mkdir(exist_ok=True)
    usb.mkdir()
    settings.update({backup.SECOND_FOLDER: str(usb)})
    part = folder / "backups" / ("shop-20260617-101500-daily.sqlite3" + backup.PART)
    part.write_bytes(b"\0" * 100_000)
    usb_part = usb / ("shop-20260617-101500-daily.sqlite3" + backup.PART)
    usb_part.write_bytes(b"\0" * 1000)
    staging = folder / ("shop.sqlite3" + backup.STAGING)
    staging.write_bytes(b"\0" * 1000)
    replaced = folder / ("shop.sqlite3" + backup.REPLACED)
    replaced.write_bytes(b"\0" * 1000)
    checking = folder / ("shop.sqlite3" + backup.CHECKING + "-abc123")
    checking.mkdir()
    (checking / "shop.sqlite3").write_bytes(b"x")
    export_part = folder / "documents" / ".month.k2j3h4.part.xlsx"
    export_part.parent.mkdir(exist_ok=True)
    export_part.write_bytes(b"PK half a workbook")
    os.utime(export_part, (1_700_000_000, 1_700_000_000))  # killed long ago
    fresh_export = folder / ".another.q8w7e6.part.xlsx"  # still being written (a few minutes at most)
    fresh_export.write_bytes(b"PK")
    download = usb / "film.mp4.part"  # another program's unfinished download on the same stick: not ours
    download.write_bytes(b"half a film")
    attachments = folder / "attachments"
    database = [] if PG_SERVER else [folder / "shop.sqlite3"]  # (a PostgreSQL shop has no file in the folder)
    return {"gone": [orphan, orphan_beside, part, usb_part, staging, replaced, checking, export_part],
            "kept": [kept_photo, fresh_export, *database, download,
                     attachments / ".orphaned" / "SH-NEVER-SAVED" / "photo-1.jpg",  # set aside, never deleted
                     attachments / ".orphaned" / kept_photo.parent.name / "photo-2.jpg"]}


def test_the_next_start_removes_what_killed_processes_left(demo_shop, tmp_path):
    files = leave_leftovers(demo_shop, tmp_path / "usb")
    close_database()
    result = cli("backup", "--data-dir", demo_shop)  # any command that holds the folder cleans up first
    assert result.returncode == 0, result.stderr
    for path in files["gone"]:
        assert not path.exists(), path
    for path in files["kept"]:
        assert path.exists(), path
    assert not (demo_shop / "attachments" / "SH-NEVER-SAVED").exists()  # its emptied folder too


def test_photos_set_aside_come_back_when_the_database_names_them_again(demo_shop):
    """A restored older backup does not know the newest items' photos: they are set aside, and come back when the
    restore is undone (the database names them again)."""
    from shop_aftersales.models import AftersalesItem, ItemPhoto

    item = AftersalesItem.select().first()
    photo = demo_shop / "attachments" / item.code / "late.jpg"
    photo.parent.mkdir(parents=True, exist_ok=True)
    photo.write_bytes(b"\xff\xd8 taken after the backup")
    clean_leftovers(demo_shop)
    aside = demo_shop / "attachments" / ".orphaned" / item.code / "late.jpg"
    assert not photo.exists() and aside.read_bytes() == b"\xff\xd8 taken after the backup"
    ItemPhoto.create(item=item, file_name=f"{item.code}/late.jpg", original_name="late.jpg")  # named again
    clean_leftovers(demo_shop)
    assert photo.read_bytes() == b"\xff\xd8 taken after the backup" and not aside.exists()


def test_a_shop_without_items_keeps_every_photo(shop):
    """A new or lost database (no items at all) must not cost the photos of the shop's folder."""
    photo = shop / "attachments" / "SH2026-000001" / "photo-1.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"\xff\xd8")
    assert clean_leftovers(shop) == [] and photo.exists()


@pytest.mark.gui
def test_the_apps_start_cleans_up_too(qtbot, demo_shop, tmp_path):
    from helpers import settle
    from shop_aftersales.app import open_shop

    files = leave_leftovers(demo_shop, tmp_path / "usb")
    close_database()
    window = open_shop(demo_shop)
    qtbot.addWidget(window)
    try:
        for path in files["gone"]:
            assert not path.exists(), path
        for path in files["kept"]:
            assert path.exists(), path
    finally:
        settle(qtbot, window, timeout=30_000)
        window.context.ops.shutdown()
        window.context.instance_lock.unlock()
        close_database()


def test_clean_leftovers_never_raises(shop, tmp_path):
    (shop / "attachments").write_text("a file where the folder should be")
    assert clean_leftovers(shop) == []


def test_an_export_writes_a_recognisable_part_file_beside_its_target_and_the_next_export_removes_a_stale_one(
        tmp_path, monkeypatch):
    """The workbook is written as .<name>.*.part.xlsx beside the target and renamed when complete; a killed
    export's part file is removed by the next export to the same file (and by the next start, see above)."""
    folder = tmp_path / "shop"
    assert cli("demo-data", "--data-dir", folder).returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".month.a1b2c3.part.xlsx"  # as a killed export left it
    stale.write_bytes(b"PK half a workbook")
    other = out / ".notes.z9y8x7.part.xlsx"  # another file's: not this export's to remove
    other.write_bytes(b"PK")
    result = cli("export", "--from", "2026-01-01", "--to", "2026-06-30", "-o", "out/month.xlsx",
                 "--data-dir", folder, cwd=tmp_path)  # a relative target: from the current folder
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [".notes.z9y8x7.part.xlsx", "month.xlsx"]

    from shop_aftersales.models.database import open_database
    from shop_aftersales.reports import accounting
    from shop_aftersales.reports.analytics import Period
    import datetime as dt

    written = []
    real_replace = os.replace

    def watching(src, dst):
        written.append(Path(src))
        return real_replace(src, dst)

    open_database(folder)
    try:
        monkeypatch.setattr(os, "replace", watching)
        accounting.export_workbook(out / "second.xlsx", Period(dt.date(2026, 1, 1), dt.date(2026, 1, 31)))
    finally:
        monkeypatch.undo()
        close_database()
    [part] = written
    assert part.parent == out and part.name.startswith(".second.") and part.name.endswith(".part.xlsx")
    assert not part.exists() and (out / "second.xlsx").exists()
