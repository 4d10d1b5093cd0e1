"""One running writer per data folder, decided by the operating system.

The app (and every CLI command that writes or migrates) holds an OS lock that dies with its process:

- on Linux and macOS an exclusive ``flock`` on the data folder itself (an open descriptor of the directory).
  The folder is what holds the database, so the lock cannot be "deleted": removing or replacing ``shop.lock``
  changes nothing, and a process killed with SIGKILL lets go of it at once;
- on Windows ``msvcrt.locking`` on one byte of ``shop.lock`` far past its text; Windows does not let anyone
  delete a file that a process holds open, so the lock file is the lock.

``shop.lock`` also holds "pid host" of the holder, but only for the message a second start shows: whether the
folder is taken is asked of the OS lock, never read from the file, so an empty, zeroed or garbled lock file (a
power cut) or one naming a dead or reused process id is simply taken over.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

from .errors import DomainError
from .i18n import QT_TRANSLATE_NOOP

LOCK_NAME = "shop.lock"
_WINDOWS_LOCK_OFFSET = 1 << 30  # the byte locked on Windows: far past the "pid host" text others read


class AlreadyRunning(DomainError):
    """Another copy of the app (or a CLI command) has this data folder open."""


class InstanceLock:
    """The held lock of one data folder; :meth:`unlock` (or the process ending) lets it go."""

    def __init__(self, folder: Path, fd: int, info_fd: int | None) -> None:
        self.folder = folder
        self._fd: int | None = fd
        self._info_fd = info_fd

    def isLocked(self) -> bool:  # noqa: N802 - the name QLockFile had, which callers used
        return self._fd is not None

    def unlock(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            if sys.platform == "win32":  # pragma: no cover - Windows only
                import msvcrt

                os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_UN)
        except OSError:
            pass
        finally:
            os.close(fd)
            if self._info_fd is not None and self._info_fd != fd:
                os.close(self._info_fd)
            self._info_fd = None

    def __del__(self) -> None:  # a lock object dropped without unlock() still lets go
        try:
            self.unlock()
        except Exception:  # noqa: BLE001 - at interpreter exit anything may be gone
            pass


def holder(data_dir: Path) -> tuple[str, str]:
    """(pid, host) written by the holder of *data_dir*'s lock, "?" for whatever cannot be read."""
    try:
        text = (Path(data_dir) / LOCK_NAME).read_bytes()[:200].decode("utf-8", "replace")
    except OSError:
        return "?", "?"
    parts = text.split()
    pid = parts[0] if parts and parts[0].isdigit() else "?"
    host = parts[1] if len(parts) > 1 and parts[1].isprintable() else "?"
    return pid, host


def _refused(data_dir: Path) -> AlreadyRunning:
    pid, host = holder(data_dir)
    return AlreadyRunning(QT_TRANSLATE_NOOP("Domain", "Shop Aftersales is already open on this data folder "
                                            "(process {pid} on {host}). Switch to that window, or close it "
                                            "first."), pid=pid, host=host)


def _write_info(fd: int) -> None:
    """Our "pid host" at the start of the lock file (for the message a second process shows)."""
    text = f"{os.getpid()} {socket.gethostname() or '?'}\n".encode("utf-8", "replace")
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, text)
        os.ftruncate(fd, len(text))
    except OSError:
        pass  # the text is only for messages


def acquire(data_dir: Path) -> InstanceLock:
    """Lock *data_dir* for this process; keep the returned object alive for as long as the lock is needed.
    Raises :class:`AlreadyRunning` at once if another process holds it."""
    folder = Path(data_dir).expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    folder = folder.resolve()
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _acquire_windows(folder)
    import fcntl

    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise _refused(folder) from None
    info_fd = None
    try:
        info_fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        _write_info(info_fd)
    except OSError:
        if info_fd is not None:
            os.close(info_fd)
        info_fd = None  # a folder we cannot write to is refused later, with its own message
    return InstanceLock(folder, fd, info_fd)


def _acquire_windows(folder: Path) -> InstanceLock:  # pragma: no cover - Windows only
    import msvcrt

    fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
    try:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        os.close(fd)
        raise _refused(folder) from None
    _write_info(fd)
    return InstanceLock(folder, fd, fd)
