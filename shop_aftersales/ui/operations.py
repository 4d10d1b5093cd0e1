"""Running business steps off the GUI thread, one at a time, on ONE writer connection.

All writes go through :class:`OpRunner`: a single worker thread executes them in order (so the
SQLite file only ever has one writing connection, DESIGN.md §7), the window stays responsive,
and the result comes back on the GUI thread. A step that returns :class:`Changes` is announced
through ``AppContext.changed`` so screens refresh.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..models import db, notify
from ..services import Changes

log = logging.getLogger(__name__)


@dataclass
class Job:
    fn: Callable[..., Any]
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    on_success: Callable[[Any], None] | None = None
    on_failure: Callable[[BaseException], None] | None = None
    cancel_flag: threading.Event = field(default_factory=threading.Event)


class _Worker(QObject):
    done = Signal(object, object, object)  # job, result, error

    @Slot(object)
    def run(self, job: Job) -> None:
        try:
            result = job.fn(*job.args, **job.kwargs)
        except BaseException as exc:  # reported on the GUI thread
            # a connection that went away: said in words, and dropped, so that the next step reconnects
            self.done.emit(job, None, notify.lost(exc) or exc)
        else:
            self.done.emit(job, result, None)

    @Slot()
    def close_connection(self) -> None:
        if not db.is_closed():
            db.close()

    @Slot()
    def reconnect(self) -> None:
        """After the server was away: the writer's next step opens a new connection."""
        notify.forget_broken_connection(always=True)


class OpRunner(QObject):
    _submit = Signal(object)
    _close = Signal()
    _reconnect = Signal()
    busy_changed = Signal(bool)

    def __init__(self, context) -> None:
        super().__init__(context)
        self._context = context
        self._pending = 0
        self._thread = QThread()
        self._thread.setObjectName("db-writer")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._close.connect(self._worker.close_connection)
        self._reconnect.connect(self._worker.reconnect)
        self._worker.done.connect(self._finished)
        self._thread.start()

    def run(self, fn: Callable[..., Any], *args: Any, on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[BaseException], None] | None = None, **kwargs: Any) -> Job:
        job = Job(fn, args, kwargs, on_success, on_failure)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._submit.emit(job)
        return job

    @property
    def busy(self) -> bool:
        return self._pending > 0

    @Slot(object, object, object)
    def _finished(self, job: Job, result: Any, error: BaseException | None) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if error is not None:
            if isinstance(error, notify.ConnectionLost):  # the GUI thread's own connection went with it
                notify.forget_broken_connection(always=True)
            if job.on_failure is not None:
                job.on_failure(error)
            else:
                from .errors import show_error

                show_error(None, error)
            return
        if isinstance(result, Changes):
            self._context.announce(result)
        if job.on_success is not None:
            job.on_success(result)

    def reconnect(self) -> None:
        """The writer's connection is opened afresh before its next step (queued after the steps waiting)."""
        self._reconnect.emit()

    def shutdown(self) -> None:
        """Finish queued steps, close the writer's connection and stop the thread (and the context's daily
        check of the date: nothing is left running behind a closed window)."""
        self._context.stop_watching_the_date()
        if self._thread.isRunning():
            self._close.emit()
            self._thread.quit()
            self._thread.wait(10_000)
