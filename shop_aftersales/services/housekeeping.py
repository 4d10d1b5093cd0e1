"""Cleaning up after a process that was killed half-way: run at start (the app, and every CLI command that holds
the data folder's lock, so nothing else of this shop is writing them at the same moment).

- ``backups/*.part`` (and the second folder's): a backup killed while being written;
- ``shop.sqlite3.restoring`` / ``.replaced`` / ``.checking-*``: a restore or a backup check killed half-way (the
  live file is whole either way: the swap is one rename);
- ``.<name>.*.part.xlsx``: a workbook export killed before its rename, in the data folder, its documents/ and the
  user's home folder (where exports go by default), once it is a few minutes old;
- photos in ``attachments/`` that no item refers to: copied by an intake that was rolled back or killed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import shutil
from pathlib import Path

from ..instance import LOCK_NAME
from ..models import AftersalesItem, ItemPhoto
from ..models.database import DB_FILE_NAME
from . import settings
from .backup import CHECKING, PART, REPLACED, SECOND_FOLDER, STAGING, backups_dir
from .backup import PREFIX as BACKUP_PREFIX
from .backup import SUFFIX as BACKUP_SUFFIX

log = logging.getLogger(__name__)

EXPORT_PART_GLOB = ".*.part.xlsx"  # reports: mkstemp(prefix=".<target>.", suffix=".part.xlsx") beside the target
STALE_EXPORT = dt.timedelta(minutes=10)  # an export still being written by a process of another shop is younger


def export_part_prefix(target: Path) -> str:
    """The prefix of the temporary file an export to *target* writes beside it."""
    return f".{Path(target).stem}."


def _file_clock_now(data_dir: Path) -> float | None:
    """Now, as the file system stamps files: the time of the lock file the holder of the folder just wrote (file
    times are the OS clock's, not the shop's, which tests and SHOP_AFTERSALES_NOW move)."""
    try:
        return (Path(data_dir) / LOCK_NAME).stat().st_mtime
    except OSError:
        return None


def remove_stale_export_parts(folder: Path, now: float | None, min_age: dt.timedelta = STALE_EXPORT,
                              prefix: str = ".") -> list[Path]:
    """Unfinished workbook exports (``.<name>.*.part.xlsx``, *prefix* narrowing the name) in *folder* last written
    *min_age* before *now* (file-system time; None: every one, e.g. those of the export about to write there)."""
    removed: list[Path] = []
    limit = None if now is None else now - min_age.total_seconds()
    with contextlib.suppress(OSError):
        for path in Path(folder).glob(EXPORT_PART_GLOB):
            with contextlib.suppress(OSError):
                if path.name.startswith(prefix) and path.is_file() and (limit is None
                                                                        or path.stat().st_mtime <= limit):
                    path.unlink()
                    removed.append(path)
    return removed


def _remove(path: Path, removed: list[Path]) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
        removed.append(path)
    except OSError as exc:
        log.warning("Could not remove the leftover %s: %s", path, exc)


ORPHANED = ".orphaned"  # photos no item names, set aside (never deleted): a restore may name them again


def orphan_photos(attachments: Path) -> list[Path]:
    """Files under *attachments* that no ItemPhoto names (the database must be open), the set-aside ones apart."""
    attachments = Path(attachments)
    if not attachments.is_dir():
        return []
    known = {name for (name,) in ItemPhoto.select(ItemPhoto.file_name).tuples()}
    return [path for path in sorted(attachments.rglob("*"))
            if path.is_file() and path.relative_to(attachments).parts[0] != ORPHANED
            and path.relative_to(attachments).as_posix() not in known]


def set_aside_orphan_photos(attachments: Path, moved: list[Path]) -> None:
    """Photos no item names (an intake rolled back after its photos were copied; or items a restored older backup
    does not have yet) go to attachments/.orphaned; those the database names again (the restore undone) come
    back. Nothing is deleted, and nothing is touched while the shop has no items at all (a new or lost database
    must not cost the photos)."""
    attachments = Path(attachments)
    if not attachments.is_dir() or not AftersalesItem.select().exists():
        return
    aside = attachments / ORPHANED
    if aside.is_dir():
        known = {name for (name,) in ItemPhoto.select(ItemPhoto.file_name).tuples()}
        for path in sorted(aside.rglob("*")):
            relative = path.relative_to(aside).as_posix()
            if path.is_file() and relative in known and not (attachments / relative).exists():
                (attachments / relative).parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, attachments / relative)
    for path in orphan_photos(attachments):
        target = aside / path.relative_to(attachments)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
            moved.append(path)
        except OSError as exc:
            log.warning("Could not set the orphan photo %s aside: %s", path, exc)


def clean_leftovers(data_dir: Path, attachments: Path | None = None) -> list[Path]:
    """Remove what killed processes left behind (see the module's doc). The database must be open and the data
    folder's lock held. Never raises: a leftover that cannot be removed is logged and tried again next time."""
    data_dir = Path(data_dir)
    removed: list[Path] = []
    try:
        folders = [backups_dir(data_dir)]
        with contextlib.suppress(Exception):
            second = settings.get(SECOND_FOLDER).strip()
            if second:
                folders.append(Path(second))
        for folder in folders:
            with contextlib.suppress(OSError):
                # our own unfinished backups only: the second folder may be a USB stick or Downloads, where
                # other programs' .part files are not ours to remove
                for path in folder.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}{PART}"):
                    if path.is_file():
                        _remove(path, removed)
        for suffix in (STAGING, REPLACED):
            for extra in ("", "-wal", "-shm", "-journal"):
                path = data_dir / f"{DB_FILE_NAME}{suffix}{extra}"
                if path.exists():
                    _remove(path, removed)
        for path in data_dir.glob(f"{DB_FILE_NAME}{CHECKING}-*"):
            _remove(path, removed)
        file_now = _file_clock_now(data_dir)
        if file_now is not None:
            for folder in (data_dir, data_dir / "documents", Path.home()):
                removed += remove_stale_export_parts(folder, file_now)
        attachments = Path(attachments) if attachments is not None else data_dir / "attachments"
        set_aside_orphan_photos(attachments, removed)
        if attachments.is_dir():
            for folder in sorted((p for p in attachments.iterdir() if p.is_dir() and p.name != ORPHANED),
                                 reverse=True):
                with contextlib.suppress(OSError):
                    folder.rmdir()  # only when empty
    except Exception:  # noqa: BLE001 - housekeeping must never keep the shop from opening
        log.exception("Cleaning up leftovers in %s failed", data_dir)
    if removed:
        log.info("Removed leftovers of interrupted work: %s", ", ".join(str(p) for p in removed))
    return removed
