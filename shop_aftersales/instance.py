"""One running writer per data folder: the app (and the CLI's writing commands) hold a lock file there, so a
second start says so instead of becoming a second writer. A lock left by a crashed process is taken over."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from .errors import DomainError
from .i18n import QT_TRANSLATE_NOOP

LOCK_NAME = "shop.lock"


class AlreadyRunning(DomainError):
    """Another copy of the app (or a CLI command) has this data folder open."""


def acquire(data_dir: Path) -> QLockFile:
    """Lock *data_dir* for this process; keep the returned object alive for as long as the lock is needed."""
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(Path(data_dir) / LOCK_NAME))
    lock.setStaleLockTime(0)  # only a dead owner's lock is stale (Qt checks the process id)
    if not lock.tryLock(200):
        info = lock.getLockInfo()  # (pid, host, app), with a leading success flag in some bindings
        info = info[1:] if len(info) == 4 else info
        pid, host = (info[0], info[1]) if len(info) >= 2 else ("?", "?")
        raise AlreadyRunning(QT_TRANSLATE_NOOP("Domain", "Shop Aftersales is already open on this data folder "
                                               "(process {pid} on {host}). Switch to that window, or close it "
                                               "first."), pid=pid or "?", host=host or "?")
    return lock
