"""Opening the one SQLite file safely: refuse what must not be opened, then migrate.

Order matters. Before anything writes to the file we look at it read-only: a corrupt file, a file
that is not a database, or a database written by a newer version of the app is refused and left
exactly as it was (not even its journal mode is changed). Only then is it opened for writing,
configured and brought up to date by the numbered migrations in ``migrations/``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

import peewee as pw
from playhouse.migrations import Runner

from .. import clock
from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP
from . import postgres
from .base import db
from .dialect import MigrationDatabase
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
    """The database file cannot be opened; it was left untouched. *kind* says why: "damaged", "newer", "foreign",
    "empty", "busy", "read-only", "directory"."""

    def __init__(self, message: str, kind: str = "damaged", **params: object) -> None:
        super().__init__(message, **params)
        self.kind = kind


@dataclass(frozen=True)
class OpenedDatabase:
    path: Path | None   # the SQLite file; None for a shop in PostgreSQL
    applied: list[str]  # migrations applied by this opening
    version: int        # index of the latest migration now applied
    sqlite_version: str
    url: str | None = None  # the PostgreSQL shop's address (without its password)

    @property
    def where(self) -> str:
        return self.url or str(self.path)


class ShopRunner(Runner):
    """playhouse's migration runner, giving each migration a database that takes SQLite's spelling on both
    backends (models.dialect)."""

    def _run(self, name, module, direction, fake=False):
        real = self.database
        self.database = MigrationDatabase(real)
        try:
            super()._run(name, module, direction, fake=fake)
        finally:
            self.database = real


# Where this process keeps its shop: None = the SQLite file in the data folder; else a PostgreSQL URL (the global
# --database, or this PC's Settings → Database, or SHOP_AFTERSALES_DATABASE), with its password kept apart.
_url: str | None = None
_password: str | None = None
URL_ENV = "SHOP_AFTERSALES_DATABASE"
TEST_ENV = "SHOP_AFTERSALES_TEST_DATABASE"  # the test suite's server: every data folder gets a database of its own


_own_file = False  # the data folder's own file, whatever SHOP_AFTERSALES_DATABASE says (a demo)


def use_database(url: str | None, password: str | None = None, own_file: bool = False) -> None:
    """From now on, open the shop at *url* (None: the data folder's SQLite file, or SHOP_AFTERSALES_DATABASE's
    URL when it is set; *own_file*: the data folder's file even then, as a demo must never touch the real shop)."""
    global _url, _password, _own_file
    _url = (url or "").strip() or None
    _password = password
    _own_file = own_file and _url is None


def database_url(data_dir: Path | None = None, create: bool = True) -> str | None:
    """The PostgreSQL URL this process opens for *data_dir*, or None for its SQLite file. On the test suite's
    server (SHOP_AFTERSALES_TEST_DATABASE) the folder's own database is made when first asked for, unless
    *create* is false: then None when the folder has none yet (as a folder without its SQLite file)."""
    if _url:
        return _url
    if os.environ.get(URL_ENV, "").strip() and not _own_file:
        return os.environ[URL_ENV].strip()
    server = os.environ.get(TEST_ENV, "").strip()
    if server and data_dir is not None:
        return postgres.test_database_url(server, data_dir, create=create)
    return None


def database_password() -> str | None:
    return _password


def in_postgres() -> bool:
    return isinstance(db.obj, pw.PostgresqlDatabase)


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


BUSY_SECONDS = 5  # as long as the app's own busy timeout: another program holding the file longer is "in use"
CORE_TABLES = {"product", "location", "stock_move"}  # what migration 0001 made: a file without them is not ours
SQLITE_BUSY, SQLITE_LOCKED = 5, 6


def _sidecars(path: Path) -> list[Path]:
    return [Path(str(path) + suffix) for suffix in ("-wal", "-shm")]


def _is_busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


def _busy(path: Path) -> DatabaseRefused:
    return DatabaseRefused(
        QT_TRANSLATE_NOOP("Domain", "The database file {path} is in use by another program (it stayed locked for "
                          "more than {seconds} seconds). It was not changed. Close the other program (a backup "
                          "or synchronisation tool, a database viewer) and try again."),
        kind="busy", path=str(path), seconds=BUSY_SECONDS)


def _read_only_file(path: Path) -> bool:
    """A file marked read-only (no write permission bit, as Windows' read-only attribute shows in Python), or one
    this user may not write."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (mode & 0o222) or not os.access(path, os.W_OK)


def inspect_file(path: Path, full: bool = True, thorough: bool = False) -> None:
    """Refuse, without writing a byte to it, a file that must not be opened for writing: a folder where the file
    should be, an empty (0-byte) file, a read-only file, a damaged file, another program's SQLite file, one written
    by a newer version, one another program keeps locked. A missing file is fine (a new shop).
    *full*: read the whole file with SQLite's quick_check; *thorough*: with integrity_check instead (slower; it
    also proves every index matches its table). A -wal or -shm that SQLite made beside a refused file is
    removed again."""
    path = Path(path)
    if path.is_dir():
        raise DatabaseRefused(
            QT_TRANSLATE_NOOP("Domain", "{path} is a folder, not the shop's database file. Nothing was changed. "
                              "Move the folder away, or choose another data folder with --data-dir."),
            kind="directory", path=str(path))
    if not path.exists():
        return
    if path.stat().st_size == 0:
        raise DatabaseRefused(
            QT_TRANSLATE_NOOP("Domain", "The database file {path} is empty (0 bytes): it holds no shop. It was not "
                              "changed. Restore the latest backup ('shop-aftersales restore'), or move the file "
                              "away to start a new shop."), kind="empty", path=str(path))
    if any(_read_only_file(p) for p in [path, *_sidecars(path)] if p.exists()):
        raise DatabaseRefused(
            QT_TRANSLATE_NOOP("Domain", "The database file {path} is read-only, so the shop cannot work on it. It "
                              "was not changed. Make the file writable again (its Properties), then start again."),
            kind="read-only", path=str(path))
    there_before = {p: p.exists() for p in _sidecars(path)}
    try:
        _inspect_read_only(path, full=full, thorough=thorough)
    except DatabaseRefused as refused:
        if refused.kind != "busy":  # a busy file's -wal and -shm may be the other program's
            remove_made_sidecars(path, there_before)
        raise


def remove_made_sidecars(path: Path, there_before: dict[Path, bool]) -> None:
    wal, shm = _sidecars(path)
    try:
        if not there_before[wal] and wal.exists() and wal.stat().st_size == 0:
            wal.unlink()
        if not there_before[shm] and shm.exists() and not wal.exists():
            shm.unlink()
    except OSError:
        log.warning("Could not remove the -wal/-shm SQLite made beside %s", path)


def _inspect_read_only(path: Path, full: bool = True, thorough: bool = False) -> None:
    """Refuse a corrupt database, another program's, or one from a newer app version, without writing to it.
    *full*: run SQLite's quick_check over the whole file (otherwise only the schema and the migration history are
    read); *thorough*: integrity_check."""
    restore_hint = QT_TRANSLATE_NOOP(
        "Domain", "The database file {path} is damaged or is not a Shop Aftersales database ({reason}). "
        "It was not changed. Restore the latest backup (File → Restore a backup…, or "
        "'shop-aftersales restore'), or move the file away to start afresh.")
    foreign = QT_TRANSLATE_NOOP(
        "Domain", "The file {path} is a database of another program, not of Shop Aftersales. It was not changed. "
        "Move it away, or choose another data folder with --data-dir.")
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS)
    except sqlite3.Error as exc:
        raise DatabaseRefused(restore_hint, path=str(path), reason=exc) from exc
    try:
        if full or thorough:
            rows = conn.execute("PRAGMA integrity_check" if thorough else "PRAGMA quick_check").fetchall()
            if not rows or rows[0][0] != "ok":
                reason = "; ".join(str(r[0]) for r in rows[:3]) if rows else "?"
                raise DatabaseRefused(restore_hint, path=str(path), reason=reason)
        tables = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")}
        if HISTORY_TABLE not in tables:
            if tables:
                raise DatabaseRefused(foreign, kind="foreign", path=str(path))
            return  # an empty schema: a shop whose first opening stopped before its first migration
        applied = {r[0] for r in conn.execute(f'SELECT name FROM "{HISTORY_TABLE}"')}
        if (applied or tables - {HISTORY_TABLE}) and (known_migrations()[0] not in applied
                                                      or not CORE_TABLES <= tables):
            raise DatabaseRefused(foreign, kind="foreign", path=str(path))
        unknown = sorted(applied - set(known_migrations()))
        if unknown:
            raise DatabaseRefused(
                QT_TRANSLATE_NOOP("Domain", "This database was written by a newer version of "
                                  "Shop Aftersales (schema {unknown}). Install the newer version "
                                  "to open it. The file was not changed."),
                kind="newer", unknown=", ".join(unknown))
    except sqlite3.DatabaseError as exc:
        if _is_busy(exc):
            raise _busy(path) from exc
        raise DatabaseRefused(restore_hint, path=str(path), reason=exc) from exc
    finally:
        conn.close()


def open_database(data_dir: Path) -> OpenedDatabase:
    """Open (creating if needed) the shop's database and bring its schema up to date: the SQLite file in
    *data_dir*, or the PostgreSQL database this process was pointed at (:func:`use_database`)."""
    data_dir = prepare_data_dir(data_dir)
    url = database_url(data_dir)
    if url:
        return open_postgres_url(url, _password)
    return open_database_file(database_path(data_dir))


def open_postgres_url(url: str, password: str | None = None, read_only: bool = False) -> OpenedDatabase:
    """Open the shop in the PostgreSQL database at *url* (refused as an SQLite file would be, then migrated)."""
    address, applied = postgres.open_postgres(
        url, password, DatabaseRefused, ShopRunner, MIGRATIONS_DIR, HISTORY_TABLE, known_migrations(), CORE_TABLES,
        read_only=read_only)
    return OpenedDatabase(None, applied, schema_version(), sqlite3.sqlite_version, url=address.url)


def open_database_file(path: Path, thorough: bool = False) -> OpenedDatabase:
    """Open the database file *path* (inspected first, see :func:`inspect_file`) and migrate it. *thorough*: the
    inspection runs integrity_check, whatever the marker of a clean close says (a file about to be restored)."""
    path = Path(path).absolute()
    checked = None
    if path.exists() and not path.is_dir() and path.stat().st_size > 0:
        checked = None if thorough else _recently_checked(path)
    inspect_file(path, full=checked is None, thorough=thorough)
    if checked is not None:
        _last_full_check[path.resolve()] = checked
    else:
        _last_full_check.pop(path.resolve(), None)
    postgres.close_current()
    forget_locations()
    db.initialize(pw.SqliteDatabase(str(path), pragmas=PRAGMAS, timeout=5))
    try:
        db.connect()
        runner = ShopRunner(db.obj, directory=str(MIGRATIONS_DIR), table_name=HISTORY_TABLE)
        applied = runner.up()
    except Exception as exc:
        if not db.is_closed():
            db.close()
        if isinstance(exc, sqlite3.OperationalError) and _is_busy(exc):
            raise _busy(path) from exc
        raise
    _last_full_check.setdefault(path.resolve(), clock.now().isoformat(timespec="seconds"))  # checked just now
    log.info("Opened %s (SQLite %s); migrations applied now: %s", path, sqlite3.sqlite_version, applied or "none")
    return OpenedDatabase(path, applied, schema_version(), sqlite3.sqlite_version)


def open_database_read_only(data_dir: Path) -> OpenedDatabase:
    """Open the shop's existing database only to read it, without migrating and without writing a byte (for
    `check` and `export` while the app has the folder): refused when the schema is not this version's."""
    url = database_url(Path(data_dir).expanduser().absolute())
    if url:
        return open_postgres_url(url, _password, read_only=True)
    path = database_path(Path(data_dir).expanduser().absolute())
    if not path.exists():
        raise DatabaseRefused(QT_TRANSLATE_NOOP("Domain", "There is no shop database in {folder}."),
                              kind="missing", folder=str(path.parent))
    inspect_file(path, full=True)
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS)
    try:
        applied = {r[0] for r in conn.execute(f'SELECT name FROM "{HISTORY_TABLE}"')}
    except sqlite3.Error:
        applied = set()
    finally:
        conn.close()
    if set(known_migrations()) - applied:
        raise DatabaseRefused(
            QT_TRANSLATE_NOOP("Domain", "The database in {folder} needs this version's upgrade first, and the app "
                              "(or another command) has the folder open. Close it, then run this again. Nothing "
                              "was changed."), kind="busy", folder=str(path.parent))
    postgres.close_current()
    forget_locations()
    _last_full_check.pop(path.resolve(), None)  # no marker is written for a read-only opening
    pragmas = {k: v for k, v in PRAGMAS.items() if k not in ("journal_mode", "synchronous")}
    db.initialize(pw.SqliteDatabase(f"{path.as_uri()}?mode=ro", pragmas=pragmas, timeout=5, uri=True))
    db.connect()
    return OpenedDatabase(path, [], schema_version(), sqlite3.sqlite_version)


# No ANALYZE / PRAGMA optimize, on purpose: with statistics SQLite plans "items in a status" by the average
# status and walks a whole index for an empty queue; our queries are written (and tests/test_query_plans.py
# checks them) for the planner's defaults.
def close_database() -> None:
    if db.obj is not None and not db.is_closed():
        name = db.database
        db.close()
        if not in_postgres() and not name.startswith("file:"):  # a read-only opening (a URI) leaves no marker
            _mark_sound(Path(name).resolve())


# A quick_check reads the whole file: ~0.4 s for five years of a busy shop, at every start. It is skipped when
# the app itself closed this very file cleanly after a check in the last week: same size and modification time,
# and the same first and last pages (page 1 holds SQLite's file change counter, header bytes 24..27, and the
# schema), so a file put back with its old time stamp or changed behind the app's back is checked in full.
CHECK_EVERY = dt.timedelta(days=7)


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".closed")


def fingerprint(path: Path) -> str:
    """A hash of the file's first and last pages (with the header: the change counter, the schema cookie)."""
    with open(path, "rb") as f:
        head = f.read(100)
        size = int.from_bytes(head[16:18], "big") if len(head) >= 18 else 4096
        page = 65536 if size == 1 else (size or 4096)
        f.seek(0)
        first = f.read(page)
        end = f.seek(0, os.SEEK_END)
        f.seek(max(0, end - page))
        last = f.read(page)
    return hashlib.sha256(first + last).hexdigest()[:32]


def _recently_checked(path: Path) -> str | None:
    """When the last full check was, if the file is as the app left it at a clean close within CHECK_EVERY."""
    marker = _marker(path)
    try:
        size, mtime, checked, printed = marker.read_text(encoding="ascii").split()
        marker.unlink()  # a crash from now on leaves no marker: the next start checks in full
        stat = path.stat()
        age = clock.now() - dt.datetime.fromisoformat(checked)
        fresh = dt.timedelta(0) <= age < CHECK_EVERY  # a check "in the future" (the PC's clock went back) is stale
        same = (int(size), int(mtime)) == (stat.st_size, stat.st_mtime_ns) and printed == fingerprint(path)
        return checked if fresh and same else None
    except (OSError, ValueError):
        return None


_last_full_check: dict[Path, str] = {}


def _mark_sound(path: Path) -> None:
    checked = _last_full_check.get(path)
    if checked is None or not path.exists():
        return
    try:
        stat = path.stat()
        _marker(path).write_text(f"{stat.st_size} {stat.st_mtime_ns} {checked} {fingerprint(path)}",
                                 encoding="ascii")
    except OSError:
        pass  # no marker: the next start checks in full


# quick_check misses damage inside index pages (an index that disagrees with its table). integrity_check finds
# it but reads every index against its table: seconds on a big shop. So it runs at least once a week, after the
# start, on its own read-only connection off the GUI thread (ui: app.py), and its date is kept beside the file.
def _integrity_marker(path: Path) -> Path:
    return path.with_name(path.name + ".integrity")


def integrity_check_due(path: Path) -> bool:
    try:
        checked = dt.datetime.fromisoformat(_integrity_marker(path).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return True
    age = clock.now() - checked
    return not dt.timedelta(0) <= age < CHECK_EVERY


def run_integrity_check(path: Path) -> str | None:
    """SQLite's integrity_check on a read-only connection of its own: None when the file is sound (and the date
    is noted), else what SQLite found. Safe on any thread while the app works on the file."""
    path = Path(path)
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=30, check_same_thread=False)
    try:
        rows = conn.execute("PRAGMA integrity_check(20)").fetchall()
    finally:
        conn.close()
    if rows and rows[0][0] == "ok":
        try:
            _integrity_marker(path).write_text(clock.now().isoformat(timespec="seconds"), encoding="ascii")
        except OSError:
            pass
        return None
    _marker(path).unlink(missing_ok=True)  # and the next start runs quick_check in full
    return "; ".join(str(r[0]) for r in rows[:5]) or "?"
