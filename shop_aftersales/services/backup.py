"""Backups through SQLite's online backup API (a copy of the open file is not a backup), kept in rotation
(7 daily, 4 weekly, 12 monthly) in the data folder's backups/ and optionally in a second folder such as a USB
drive; and restoring one: the chosen file (with its -wal) is copied beside the live one and proven there as the
shop's own file is at start, the current file is backed up, and only then swapped with one atomic rename; the
database is reopened on it (see :func:`restore`).

A shop kept in PostgreSQL is backed up the same way into one SQLite file of the same name (services.copy_shop
copies every table into a new file), rotated alike; restoring such a file (or any backup) into it replaces every
row in one transaction, after the shop as it was has been backed up."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import tempfile
import time
import logging
from dataclasses import dataclass
from pathlib import Path

import peewee

from ..clock import now
from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..models import db
from ..models.database import (DB_FILE_NAME, DatabaseRefused, remove_made_sidecars, close_database,
                               database_path, database_url, in_postgres, inspect_file, open_database,
                               open_database_file, prepare_data_dir)
from . import settings

SECOND_FOLDER = "backup.second_folder"
PREFIX = "shop-"
SUFFIX = ".sqlite3"
KEEP = {"daily": 7, "weekly": 4, "monthly": 12}
PART = ".part"  # a backup being written; a killed one's is removed at the next start (housekeeping)
BEFORE_RESTORE = "before-restore"  # the reason in the name of the backup a restore makes of the database it replaces

log = logging.getLogger(__name__)


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


def describe_taken(path: Path) -> str:
    """When the backup *path* was taken, as shown to the user: from its name (the app's own backups), else the
    file's last change; "" when neither can be read."""
    taken = _taken(Path(path))
    if taken is None:
        with contextlib.suppress(OSError, ValueError, OverflowError):
            taken = dt.datetime.fromtimestamp(Path(path).stat().st_mtime)
    return f"{taken:%Y-%m-%d %H:%M}" if taken is not None else ""


def before_restore_name() -> str:
    """What the backup a restore makes first is called (its time of day is the moment of the restore)."""
    return f"{PREFIX}{now():%Y%m%d}-…-{BEFORE_RESTORE}{SUFFIX}"


def restored_message(chosen: Path, safety: Path | None) -> str:
    """What the user is told after a restore, naming the backup (its file name and date) and the before-restore
    backup made of the database it replaced (translated)."""
    chosen = Path(chosen)
    if safety is None:
        return translate("Domain", QT_TRANSLATE_NOOP("Domain", "Restored {name} (taken {taken}); there was no "
                                                               "database before.")).format(
            name=chosen.name, taken=describe_taken(chosen))
    return translate("Domain", QT_TRANSLATE_NOOP("Domain", "Restored {name} (taken {taken}). The database as it was "
                                                           "before is kept as the backup {safety}.")).format(
        name=chosen.name, taken=describe_taken(chosen), safety=Path(safety).name)


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


# A backup step that finds the file locked (another program holding it, a read-only file whose journal cannot be
# recovered) is retried by sqlite3 for ever: after this long without progress it is given up, with a message.
STALL_SECONDS = 30.0
SQLITE_BUSY, SQLITE_LOCKED = 5, 6


class _Stalled(Exception):
    pass


def _stall_guard(seconds: float | None = None):
    """A progress callback for sqlite3's backup() that aborts it after *seconds* of BUSY/LOCKED steps."""
    limit = STALL_SECONDS if seconds is None else seconds
    last = [time.monotonic()]

    def progress(status: int, remaining: int, total: int) -> None:
        if status in (SQLITE_BUSY, SQLITE_LOCKED):
            if time.monotonic() - last[0] > limit:
                raise _Stalled()
        else:
            last[0] = time.monotonic()

    return progress


def _stalled(seconds: float) -> DomainError:
    return DomainError(QT_TRANSLATE_NOOP("Domain", "The backup was given up: the database stayed locked for more "
                                         "than {seconds} seconds (is the file read-only, or open in another "
                                         "program?). Nothing was backed up."), seconds=round(seconds))


def _read_only_uri(path: Path) -> str:
    return f"{Path(path).absolute().as_uri()}?mode=ro"


def _copy_online(target: Path, source_path: Path | str | None = None) -> None:
    """Copy the database (the open one, or *source_path*) page by page with sqlite3's backup API, through a
    read-only connection of its own; the copy is written as a .part file and renamed once it is proven."""
    source = sqlite3.connect(_read_only_uri(Path(source_path or db.database)), uri=True, timeout=5)
    tmp = target.with_name(target.name + PART)
    try:
        dest = sqlite3.connect(tmp)
        try:
            try:
                source.backup(dest, pages=256, progress=_stall_guard())
            except _Stalled:
                raise _stalled(STALL_SECONDS) from None
            except sqlite3.OperationalError as exc:
                if "readonly" in str(exc) or "locked" in str(exc) or "busy" in str(exc):
                    raise _stalled(STALL_SECONDS) from exc
                raise
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


def _copy_from_postgres(target: Path) -> None:
    """The open PostgreSQL shop copied into a new SQLite file (services.copy_shop), written as a .part file and
    renamed once it is proven: a backup in the same form as an SQLite shop's."""
    from . import copy_shop

    tmp = target.with_name(target.name + PART)
    _remove_file_and_sidecars(tmp)
    try:
        copy_shop.postgres_to_file(tmp, target.name)
        os.replace(tmp, target)
    except peewee.DatabaseError as exc:  # the server went away while it was read
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The backup could not be written to {folder}: {reason}"),
                          folder=str(target.parent), reason=reason) from exc
    finally:
        _remove_file_and_sidecars(tmp)


def back_up(data_dir: Path, reason: str = "manual", second_folder: bool = True) -> Path:
    """Back up now into backups/ (and the second folder, if set and *second_folder*), then rotate. Returns the
    new backup."""
    folder = backups_dir(data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / _name(now(), reason)
        if in_postgres():
            _copy_from_postgres(target)
        else:
            _copy_online(target)
    except OSError as exc:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The backup could not be written to {folder}: {reason}"),
                          folder=str(folder), reason=exc.strerror or exc) from exc
    except sqlite3.Error as exc:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The backup could not be written to {folder}: {reason}"),
                          folder=str(folder), reason=str(exc)) from exc
    rotate(folder)
    second = settings.get(SECOND_FOLDER).strip() if second_folder else ""
    if second:
        part = Path(second) / (target.name + PART)
        try:
            Path(second).mkdir(parents=True, exist_ok=True)
            shutil.copy2(target, part)  # a pulled drive or a kill leaves a .part, never a half backup by its name
            os.replace(part, Path(second) / target.name)
            rotate(Path(second))
        except OSError as exc:
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)
            raise DomainError(QT_TRANSLATE_NOOP("Domain", "Backed up to {path}, but not to the second folder "
                                                "{second} ({reason}). Is the drive plugged in?"),
                              path=str(target), second=second, reason=exc.strerror or exc) from exc
    return target


def backed_up_today(data_dir: Path) -> bool:
    newest = list_backups(backups_dir(data_dir))
    return bool(newest) and newest[0].taken.date() == now().date()


# ------------------------------------------------------------------------------------------------ restoring

STAGING = ".restoring"  # the chosen backup, copied beside the live file and proven there
REPLACED = ".replaced"  # the live file as it was, kept (a hard link) until the restored one has opened
CHECKING = ".checking"  # the dialog's check of a backup, copied beside the live file


class RestoreRefused(DomainError):
    """The backup was not restored; the shop's database is exactly as it was."""


def _chosen_file(backup: Path) -> Path:
    """The chosen backup as an absolute path (a relative one is taken from the current folder)."""
    path = Path(backup).expanduser()
    path = path if path.is_absolute() else Path.cwd() / path
    if not path.is_file():
        raise RestoreRefused(QT_TRANSLATE_NOOP("Domain", "There is no backup file {path}. Nothing was changed."),
                             path=str(path))
    return path


# Why a file is not a sound backup: each reason is its own sentence, translated whole (no English reason
# inside a Chinese message); SQLite's own wording goes to the log file only.
EMPTY = QT_TRANSLATE_NOOP("Domain", "{name} is not a sound Shop Aftersales backup: the file is empty (0 bytes). "
                                    "Nothing was changed.")
LOCKED = QT_TRANSLATE_NOOP("Domain", "{name} is not a sound Shop Aftersales backup to restore now: another program "
                                     "kept it locked while it was being read. Close that program (a backup or "
                                     "synchronisation tool, a database viewer) and try again. Nothing was changed.")
NO_SHOP = QT_TRANSLATE_NOOP("Domain", "{name} is not a sound Shop Aftersales backup: it is an empty database without "
                                      "any shop in it. Nothing was changed.")
DAMAGED = QT_TRANSLATE_NOOP("Domain", "{name} is not a sound Shop Aftersales backup: it is damaged, or not a database "
                                      "at all (SQLite's check of it failed). Nothing was changed; choose an older "
                                      "backup.")
UNREADABLE = QT_TRANSLATE_NOOP("Domain", "{name} could not be read for restoring: the file or its drive cannot be "
                                         "read (is the drive still plugged in?). Nothing was changed.")
NOT_ALLOWED = QT_TRANSLATE_NOOP("Domain", "{name} could not be read for restoring: you are not allowed to read "
                                          "this file. Copy it into a folder of your own, or ask whoever made it. "
                                          "Nothing was changed.")
NOT_UPGRADED = QT_TRANSLATE_NOOP("Domain", "{name} could not be brought up to this version of Shop Aftersales; "
                                           "nothing was changed. What went wrong is written in the log file.")
DID_NOT_OPEN = QT_TRANSLATE_NOOP("Domain", "The restored database {name} did not open; the shop's database was put "
                                           "back as it was. What went wrong is written in the log file.")
DID_NOT_OPEN_BECAUSE = QT_TRANSLATE_NOOP("Domain", "The restored database {name} did not open: {reason} The shop's "
                                                   "database was put back as it was.")


def _not_sound(name: str, why: str, detail: object = None) -> RestoreRefused:
    """*why*: one of the sentences above; *detail* (SQLite's or the system's own words) goes to the log."""
    if detail is not None:
        log.warning("Backup %s refused: %s", name, detail)
    return RestoreRefused(why, name=name)


def _refusal(refused: DatabaseRefused, name: str) -> RestoreRefused:
    if refused.kind == "newer":
        return RestoreRefused(QT_TRANSLATE_NOOP("Domain", "{name} was made by a newer version of Shop Aftersales "
                                                "(schema {unknown}). Install that version to restore it. Nothing "
                                                "was changed."), name=name, unknown=refused.params.get("unknown"))
    if refused.kind == "foreign":
        return RestoreRefused(QT_TRANSLATE_NOOP("Domain", "{name} is a database of another program, not a Shop "
                                                "Aftersales backup; nothing was changed."), name=name)
    if refused.kind == "empty":
        return _not_sound(name, EMPTY)
    if refused.kind == "busy":
        return _not_sound(name, LOCKED)
    return _not_sound(name, DAMAGED, refused.params.get("reason") or refused.kind)


def _remove_file_and_sidecars(path: Path) -> None:
    for p in (path, *(Path(str(path) + s) for s in ("-wal", "-shm", "-journal"))):
        with contextlib.suppress(OSError):
            p.unlink(missing_ok=True)


def _stage(backup: Path, staging: Path) -> None:
    """Copy *backup* into *staging* through SQLite's backup API on a read-only connection: what the backup's
    -wal holds (a copy taken while it was open, or a raw before-restore copy) comes along."""
    _remove_file_and_sidecars(staging)
    if backup.stat().st_size == 0:
        raise _not_sound(backup.name, EMPTY)
    sidecars = [Path(str(backup) + s) for s in ("-wal", "-shm")]
    there_before = {p: p.exists() for p in sidecars}
    uri = _read_only_uri(backup)
    if not os.access(backup.parent, os.W_OK) and not sidecars[0].exists():
        uri += "&immutable=1"  # a write-protected drive: SQLite could not make the -shm a WAL file needs to be read
    try:
        source = sqlite3.connect(uri, uri=True, timeout=5)
        try:
            dest = sqlite3.connect(staging)
            try:
                source.backup(dest, pages=1024, progress=_stall_guard())
            finally:
                dest.close()
        finally:
            source.close()
    except _Stalled:
        _remove_file_and_sidecars(staging)
        raise _not_sound(backup.name, LOCKED) from None
    except (sqlite3.Error, OSError) as exc:
        _remove_file_and_sidecars(staging)
        if isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error):
            raise _not_sound(backup.name, NOT_ALLOWED if isinstance(exc, PermissionError) else UNREADABLE,
                             exc) from exc
        raise _not_sound(backup.name, DAMAGED, exc) from exc
    finally:
        remove_made_sidecars(backup, there_before)
    _require_history(staging, backup.name)


def _require_history(copy: Path, name: str) -> None:
    """A backup is a shop's database: an empty SQLite file (which the start would take for a new shop) is not."""
    conn = sqlite3.connect(_read_only_uri(copy), uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as exc:
        tables, why, detail = set(), DAMAGED, exc
    else:
        why, detail = NO_SHOP, None
    finally:
        conn.close()
    if "schema_migration" not in tables:
        _remove_file_and_sidecars(copy)
        if tables:
            raise _refusal(DatabaseRefused("", kind="foreign"), name)
        raise _not_sound(name, why, detail)


def check_backup(path: Path, data_dir: Path | None = None) -> None:
    """Refuse a file that is not a sound Shop Aftersales database of this version or an older one: its copy
    (with what its -wal holds) is checked exactly as the shop's own file is at start, with integrity_check.
    Changes nothing (the copy is made beside the shop's database, or in the system's temporary folder)."""
    path = _chosen_file(path)
    with _checked_copy(path, Path(data_dir) if data_dir is not None else None):
        pass  # checking is all: _checked_copy refuses a bad file while it makes the copy


@contextlib.contextmanager
def _checked_copy(path: Path, folder: Path | None):
    """A copy of the backup *path* (with what its -wal holds) in a temporary folder in *folder*, checked as the
    shop's own file is at start, with integrity_check; yields the copy's path. The folder is named as a backup
    check's copy, so housekeeping removes it when the process is killed."""
    with tempfile.TemporaryDirectory(prefix=DB_FILE_NAME + CHECKING + "-", dir=folder) as work:
        copy = Path(work) / DB_FILE_NAME
        _stage(path, copy)
        try:
            inspect_file(copy, full=True, thorough=True)
        except DatabaseRefused as refused:
            raise _refusal(refused, path.name) from None
        yield copy


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _raw_copy(live: Path, data_dir: Path) -> Path:
    """The live file byte for byte (with its -wal), for when it cannot be opened: damaged, or a newer version's."""
    folder = backups_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / _name(now(), BEFORE_RESTORE)
    for suffix in ("", "-wal"):
        source = Path(str(live) + suffix)
        if source.exists():
            part = Path(str(target) + suffix + PART)
            shutil.copy2(source, part)
            os.replace(part, Path(str(target) + suffix))
    return target


def _safety_backup(data_dir: Path, live: Path) -> Path | None:
    """Back the live database up before it is replaced: through the online backup when it opens, as a raw copy
    when it does not. Leaves the database closed."""
    if not live.exists():
        return None
    try:
        open_database_file(live)
    except DatabaseRefused:
        return _raw_copy(live, data_dir)
    try:
        # into backups/ only: a USB drive left at home must not stop the restore (nor be blamed for it)
        return back_up(data_dir, BEFORE_RESTORE, second_folder=False)
    finally:
        close_database()


def restore(data_dir: Path, backup: Path) -> Path | None:
    """Replace the shop's database with *backup* (a relative path is taken from the current folder).

    The chosen file is copied beside the live one with SQLite's backup API (taking in its -wal), and that copy is
    proven as the shop's own file is at start (integrity_check, a newer version's, another program's) and
    brought up to this version's schema; only then is the current database backed up (kept as a
    'before-restore' backup, returned) and swapped for the copy with one atomic rename. A refusal or a failure at
    any point leaves the shop's database as it was; the database is open again (on the restored file, or on the
    old one) when this returns or raises, if it can be opened at all."""
    chosen = _chosen_file(backup)
    data_dir = prepare_data_dir(data_dir)  # a new PC's empty folder too
    if database_url(data_dir):
        return _restore_into_postgres(data_dir, chosen)
    live = database_path(data_dir)
    existed = live.exists()
    if chosen.resolve() == live.resolve():
        raise RestoreRefused(QT_TRANSLATE_NOOP("Domain", "{name} is the shop's database itself, not a backup. "
                                               "Nothing was changed."), name=chosen.name)
    staging = live.with_name(live.name + STAGING)
    replaced = live.with_name(live.name + REPLACED)
    close_database()
    swapped = False
    try:
        _stage(chosen, staging)
        try:
            open_database_file(staging, thorough=True)  # proven and migrated as the shop's own file would be
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except DatabaseRefused as refused:
            raise _refusal(refused, chosen.name) from None
        except DomainError:
            raise
        except Exception as exc:  # noqa: BLE001 - a migration that fails on this backup
            log.error("Backup %s could not be migrated", chosen.name, exc_info=exc)
            raise RestoreRefused(NOT_UPGRADED, name=chosen.name) from exc
        finally:
            if not db.is_closed():
                db.close()
        safety = _safety_backup(data_dir, live)
        wal, shm = (Path(str(live) + s) for s in ("-wal", "-shm"))
        if wal.exists() and wal.stat().st_size > 0:  # commits not yet in the main file: someone has it open
            if safety is not None:
                safety.unlink(missing_ok=True)
            raise RestoreRefused(QT_TRANSLATE_NOOP("Domain", "The shop's database is still in use by another "
                                                   "program; nothing was changed. Close it and try again."))
        replaced.unlink(missing_ok=True)
        if live.exists():
            try:
                os.link(live, replaced)
            except OSError:
                shutil.copy2(live, replaced)
        wal.unlink(missing_ok=True)  # empty; and the old file's wal-index must not meet the new file
        shm.unlink(missing_ok=True)
        os.replace(staging, live)
        swapped = True
        _fsync_folder(data_dir)
        for marker in (live.with_name(live.name + ".closed"), live.with_name(live.name + ".integrity")):
            marker.unlink(missing_ok=True)
        try:
            open_database(data_dir)
        except Exception as exc:
            if replaced.exists():  # put the old file back: the shop is as it was
                close_database()
                for suffix in ("-wal", "-shm"):
                    Path(str(live) + suffix).unlink(missing_ok=True)
                os.replace(replaced, live)
                swapped = False
            if isinstance(exc, DomainError):  # its own translated sentence
                raise RestoreRefused(DID_NOT_OPEN_BECAUSE, name=chosen.name, reason=exc.message()) from exc
            log.error("The restored database %s did not open", chosen.name, exc_info=exc)
            raise RestoreRefused(DID_NOT_OPEN, name=chosen.name) from exc
        replaced.unlink(missing_ok=True)
        return safety
    except BaseException:
        _remove_file_and_sidecars(staging)
        if not swapped:
            replaced.unlink(missing_ok=True)
        if db.is_closed() and existed:
            with contextlib.suppress(Exception):
                open_database(data_dir)  # the old file, as it was (a refused one stays closed)
        raise


def _restore_into_postgres(data_dir: Path, chosen: Path) -> Path | None:
    """Restore the backup file *chosen* into the PostgreSQL shop of *data_dir*: the file is copied beside the
    data folder's other files with SQLite's backup API (taking in its -wal), proven (integrity_check, a newer
    version's, another program's) and brought up to this version's schema there; the shop as it is now is backed
    up into a file (returned; None when the database held no shop yet); then, in one transaction, every table is
    emptied and the file's shop copied in (services.copy_shop). A refusal or a failure leaves the shop as it was,
    and open."""
    from . import copy_shop

    with _checked_copy(chosen, data_dir) as staging:
        try:
            copy_shop.new_sqlite_shop(staging).close()  # migrated as the shop's own file would be
        except DomainError:
            raise
        except Exception as exc:  # noqa: BLE001 - a migration that fails on this backup
            log.error("Backup %s could not be migrated", chosen.name, exc_info=exc)
            raise RestoreRefused(NOT_UPGRADED, name=chosen.name) from exc
        if db.is_closed() or not in_postgres():
            open_database(data_dir)
        from ..models import notify

        tables = copy_shop.table_order(copy_shop.tables_of(db.obj) - set(copy_shop.NOT_COPIED))
        with db.atomic():
            # Other PCs keep reading but cannot write until the restore commits: nothing they do falls between the
            # backup of the shop as it is now and the restore (the backup reads on a connection of its own, which
            # EXCLUSIVE lets through).
            db.execute_sql("LOCK TABLE " + ", ".join(f'"{t}"' for t in tables) + " IN EXCLUSIVE MODE")
            safety = None
            if copy_shop.business_tables(db.obj, tables):
                safety = back_up(data_dir, BEFORE_RESTORE, second_folder=False)  # an empty one has nothing to keep
            copy_shop.file_to_open_postgres(staging, chosen.name)
            notify.send({flag: True for flag in notify.FLAGS})  # the other PCs read everything again
    open_database(data_dir)  # as at a start: what the app keeps in memory of the shop is read again
    return safety
