"""Opening the one SQLite file safely: refuse what must not be opened, then migrate.

Order matters. Before anything writes to the file we look at it read-only: a corrupt file, a file
that is not a database, or a database written by a newer version of the app is refused and left
exactly as it was (not even its journal mode is changed). Only then is it opened for writing,
configured and brought up to date by the numbered migrations in ``migrations/``.
"""

from __future__ import annotations

import datetime as dt

import logging
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from playhouse.migrations import Runner

from .. import clock
from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP
from .base import db
from .stock import forget_locations

log = logging.getLogger(__name__)

DB_FILE_NAME = "shop.sqlite3"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
HISTORY_TABLE = "schema_migration"

PRAGMAS = {
    "journal_mode": "wal",
    # FULL, not NORMAL: in WAL mode NORMAL survives an application crash but can lose the last
    # commits on a power cut, and shops have power cuts. FULL costs an fsync per commit, which is
    # thousands of commits a second: far more than a counter ever needs.
    "synchronous": "full",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -32_000,  # 32 MB page cache
    "temp_store": "memory",
}


class DatabaseRefused(DomainError):
    """The database file cannot be opened; it was left untouched."""


@dataclass(frozen=True)
class OpenedDatabase:
    path: Path
    applied: list[str]  # migrations applied by this opening
    version: int        # index of the latest migration now applied
    sqlite_version: str


def known_migrations() -> list[str]:
    return [p.stem for p in sorted(MIGRATIONS_DIR.glob("[0-9]*.py"))]


def schema_version() -> int:
    names = known_migrations()
    return int(names[-1].split("_", 1)[0]) if names else 0


def database_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_FILE_NAME


def _is_network_path(path: Path) -> bool:
    """SQLite's locking is unreliable on network shares; we refuse them."""
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0]
        if drive:
            DRIVE_REMOTE = 4
            return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE
        return False
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False
    best, fstype = "", ""
    resolved = str(Path(text).resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and (resolved == parts[1] or resolved.startswith(parts[1].rstrip("/") + "/")):
            if len(parts[1]) > len(best):
                best, fstype = parts[1], parts[2]
    return fstype in {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p"}


def prepare_data_dir(data_dir: Path) -> Path:
    """Create the data folder if needed and prove it can be written. Returns it resolved."""
    data_dir = Path(data_dir).expanduser()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseRefused(
            QT_TRANSLATE_NOOP("Domain", "The data folder {path} cannot be created ({reason}). "
                              "Is the drive connected? Choose another folder with --data-dir."),
            path=str(data_dir), reason=exc.strerror or exc) from exc
    if _is_network_path(data_dir):
        raise DatabaseRefused(
            QT_TRANSLATE_NOOP("Domain", "The data folder {path} is on a network drive. The database "
                              "must be on this computer's own disk, or it can be damaged."),
            path=str(data_dir))
    probe = data_dir / ".write-test"
    try:
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise DatabaseRefused(
            QT_TRANSLATE_NOOP("Domain", "The data folder {path} is read-only ({reason}). "
                              "Choose a folder you can write to."),
            path=str(data_dir), reason=exc.strerror or exc) from exc
    return data_dir.resolve()


def _inspect_read_only(path: Path, full: bool = True) -> None:
    """Refuse a corrupt database or one from a newer app version, without writing to it. *full*: run SQLite's
    quick_check over the whole file (otherwise only the schema and the migration history are read)."""
    restore_hint = QT_TRANSLATE_NOOP(
        "Domain", "The database file {path} is damaged or is not a Shop Aftersales database ({reason}). "
        "It was not changed. Restore the latest backup (Help → Restore, or "
        "'shop-aftersales restore'), or move the file away to start afresh.")
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseRefused(restore_hint, path=str(path), reason=exc) from exc
    try:
        if full:
            row = conn.execute("PRAGMA quick_check").fetchone()
            if row is None or row[0] != "ok":
                raise DatabaseRefused(restore_hint, path=str(path), reason=row[0] if row else "?")
        has_history = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (HISTORY_TABLE,)
        ).fetchone()
        if has_history:
            applied = {r[0] for r in conn.execute(f'SELECT name FROM "{HISTORY_TABLE}"')}
            unknown = sorted(applied - set(known_migrations()))
            if unknown:
                raise DatabaseRefused(
                    QT_TRANSLATE_NOOP("Domain", "This database was written by a newer version of "
                                      "Shop Aftersales (schema {unknown}). Install the newer version "
                                      "to open it. The file was not changed."),
                    unknown=", ".join(unknown))
    except sqlite3.DatabaseError as exc:
        raise DatabaseRefused(restore_hint, path=str(path), reason=exc) from exc
    finally:
        conn.close()


def open_database(data_dir: Path) -> OpenedDatabase:
    """Open (creating if needed) the shop's database in *data_dir* and bring its schema up to date."""
    data_dir = prepare_data_dir(data_dir)
    path = database_path(data_dir)
    if path.exists() and path.stat().st_size > 0:
        checked = _recently_checked(path)
        _inspect_read_only(path, full=checked is None)
        if checked is not None:
            _last_full_check[path.resolve()] = checked
    if not db.is_closed():
        db.close()
    forget_locations()
    db.init(str(path), pragmas=PRAGMAS, timeout=5)
    try:
        db.connect()
        runner = Runner(db, directory=str(MIGRATIONS_DIR), table_name=HISTORY_TABLE)
        applied = runner.up()
    except Exception:
        if not db.is_closed():
            db.close()
        raise
    _last_full_check.setdefault(path.resolve(), clock.now().isoformat(timespec="seconds"))  # a new file
    log.info("Opened %s (SQLite %s); migrations applied now: %s", path, sqlite3.sqlite_version, applied or "none")
    return OpenedDatabase(path, applied, schema_version(), sqlite3.sqlite_version)


# No ANALYZE / PRAGMA optimize, on purpose: with statistics SQLite plans "items in a status" by the average
# status and walks a whole index for an empty queue; our queries are written (and tests/test_query_plans.py
# checks them) for the planner's defaults.
def close_database() -> None:
    if not db.is_closed():
        path = Path(db.database).resolve()
        db.close()
        _mark_sound(path)


# A quick_check reads the whole file: ~0.4 s for five years of a busy shop, at every start. It is skipped when
# the app itself closed this very file cleanly (same size and modification time) after a check in the last week.
CHECK_EVERY = dt.timedelta(days=7)


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".closed")


def _recently_checked(path: Path) -> str | None:
    """When the last full check was, if the file is as the app left it at a clean close within CHECK_EVERY."""
    marker = _marker(path)
    try:
        size, mtime, checked = marker.read_text(encoding="ascii").split()
        marker.unlink()  # a crash from now on leaves no marker: the next start checks in full
        stat = path.stat()
        age = clock.now() - dt.datetime.fromisoformat(checked)
        fresh = dt.timedelta(0) <= age < CHECK_EVERY  # a check "in the future" (the PC's clock went back) is stale
        return checked if fresh and (int(size), int(mtime)) == (stat.st_size, stat.st_mtime_ns) else None
    except (OSError, ValueError):
        return None


_last_full_check: dict[Path, str] = {}


def _mark_sound(path: Path) -> None:
    checked = _last_full_check.get(path)
    if checked is None or not path.exists():
        return
    try:
        stat = path.stat()
        _marker(path).write_text(f"{stat.st_size} {stat.st_mtime_ns} {checked}", encoding="ascii")
    except OSError:
        pass  # no marker: the next start checks in full
