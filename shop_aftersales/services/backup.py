"""Backups through SQLite's online backup API (a copy of the open file is not a backup), kept in rotation
(7 daily, 4 weekly, 12 monthly) in the data folder's backups/ and optionally in a second folder such as a USB
drive; and restoring one: the current file is backed up first, the chosen one is checked before anything is
replaced, and the database is reopened on it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..clock import now
from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP
from ..models import db
from ..models.database import DB_FILE_NAME, close_database, open_database
from . import settings

SECOND_FOLDER = "backup.second_folder"
PREFIX = "shop-"
SUFFIX = ".sqlite3"
KEEP = {"daily": 7, "weekly": 4, "monthly": 12}


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: dt.datetime
    size: int


def backups_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "backups"


def _name(moment: dt.datetime, reason: str) -> str:
    return f"{PREFIX}{moment:%Y%m%d-%H%M%S}-{reason}{SUFFIX}"


def _taken(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(path.name[len(PREFIX):len(PREFIX) + 15], "%Y%m%d-%H%M%S")
    except ValueError:
        return None


def list_backups(folder: Path) -> list[Backup]:
    """Newest first."""
    found = []
    for path in Path(folder).glob(f"{PREFIX}*{SUFFIX}"):
        taken = _taken(path)
        if taken is not None:
            found.append(Backup(path, taken, path.stat().st_size))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def keep_set(backups: list[Backup]) -> set[Path]:
    """Which to keep: everything from the last two days, then the newest of each of the last 7 days, 4 ISO weeks
    and 12 months (grandfather-father-son)."""
    recent = now() - dt.timedelta(days=2)
    keep: set[Path] = {b.path for b in backups if b.taken >= recent}
    for kind, count in KEEP.items():
        seen: list[object] = []
        for backup in backups:  # newest first
            key = {"daily": backup.taken.date(), "weekly": backup.taken.isocalendar()[:2],
                   "monthly": (backup.taken.year, backup.taken.month)}[kind]
            if key not in seen:
                seen.append(key)
                if len(seen) <= count:
                    keep.add(backup.path)
    return keep


def rotate(folder: Path) -> list[Path]:
    backups = list_backups(folder)
    keep = keep_set(backups)
    removed = []
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def _copy_online(target: Path) -> None:
    """Copy the open database page by page with sqlite3's backup API, through its own connection."""
    source = sqlite3.connect(db.database)
    tmp = target.with_name(target.name + ".part")
    try:
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest, pages=256)
            check = dest.execute("PRAGMA integrity_check").fetchone()[0]
            if check != "ok":
                raise DomainError(QT_TRANSLATE_NOOP("Domain", "The backup failed its integrity check ({detail})."),
                                  detail=check)
        finally:
            dest.close()
        os.replace(tmp, target)
    finally:
        source.close()
        tmp.unlink(missing_ok=True)


def back_up(data_dir: Path, reason: str = "manual") -> Path:
    """Back up now into backups/ (and the second folder, if set), then rotate. Returns the new backup."""
    folder = backups_dir(data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / _name(now(), reason)
        _copy_online(target)
    except OSError as exc:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The backup could not be written to {folder}: {reason}"),
                          folder=str(folder), reason=exc.strerror or exc) from exc
    rotate(folder)
    second = settings.get(SECOND_FOLDER).strip()
    if second:
        try:
            Path(second).mkdir(parents=True, exist_ok=True)
            shutil.copy2(target, Path(second) / target.name)
            rotate(Path(second))
        except OSError as exc:
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "Backed up to {path}, but not to the second folder "
                                                "{second} ({reason}). Is the drive plugged in?"),
                              path=str(target), second=second, reason=exc.strerror or exc) from exc
    return target


def backed_up_today(data_dir: Path) -> bool:
    newest = list_backups(backups_dir(data_dir))
    return bool(newest) and newest[0].taken.date() == now().date()


def check_backup(path: Path) -> None:
    """Refuse a file that is not a sound Shop Aftersales database."""
    try:
        conn = sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            has_schema = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_migration'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        ok, has_schema = False, None
    if not ok or not has_schema:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "{name} is not a sound Shop Aftersales backup; nothing was "
                                            "changed."), name=Path(path).name)


def restore(data_dir: Path, backup: Path) -> Path:
    """Replace the shop's database with *backup*. The current one is backed up first (kept as a
    'before-restore' backup) and the database is reopened on the restored file."""
    backup = Path(backup)
    check_backup(backup)
    live = Path(data_dir) / DB_FILE_NAME
    tmp = live.with_name(live.name + ".restoring")
    shutil.copyfile(backup, tmp)  # taken aside first: the safety backup's rotation may prune the chosen file
    try:
        safety = back_up(data_dir, "before-restore")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    close_database()
    try:
        for suffix in ("-wal", "-shm"):
            Path(str(live) + suffix).unlink(missing_ok=True)
        os.replace(tmp, live)
    finally:
        tmp.unlink(missing_ok=True)
        open_database(data_dir)
    return safety
