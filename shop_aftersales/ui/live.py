"""Live screens across PCs: what another PC's step changed reaches this app's one ``changed`` signal.

On a PostgreSQL shop the context starts a :class:`LiveRefresh`: the listener (models.notify) hears each committed
step of another PC on a thread of its own; its notification crosses to the GUI thread through a queued signal and
is announced as :class:`RemoteChanges` (a :class:`Changes`), so every screen refreshes as it does after a step of
this PC. Notifications that arrive close together are announced once (a PC importing a sales file does not make
the others redraw a hundred times). When the server was away and is back, the screens refresh in full and this
PC's connections are opened afresh. On SQLite nothing of this runs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ..models import db, notify
from ..services import Changes

log = logging.getLogger(__name__)

GATHER_MS = 100  # notifications arriving within this are announced together (still well within a second)

EVERYTHING = dict.fromkeys(notify.FLAGS, True)


@dataclass(frozen=True)
class RemoteChanges(Changes):
    """What another PC's step changed (or, after the connection was back, possibly everything)."""


def remote_changes(heard: notify.Heard) -> RemoteChanges:
    return RemoteChanges(**{name: name in heard.changed for name in notify.FLAGS}, reference=heard.reference,
                         ids=heard.ids)


class LiveRefresh(QObject):
    """Listens for the other PCs' steps (on PostgreSQL) and announces them on *context*'s ``changed``."""

    _heard = Signal(object)  # notify.Heard, from the listener's thread
    _back = Signal()         # the server is reachable again, from the listener's thread
    announced = Signal(object)  # the RemoteChanges just announced (for the status bar, and the tests)

    def __init__(self, context) -> None:
        super().__init__(context)
        self._context = context
        self._gathered: RemoteChanges | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(GATHER_MS)
        self._timer.timeout.connect(self._announce)
        self._heard.connect(self._gather)  # queued: emitted on the listener's thread, run on the GUI thread
        self._back.connect(self._reconnected)
        self.listener = notify.Listener(db.obj, on_heard=self._heard.emit, on_back=self._back.emit)

    @classmethod
    def start_for(cls, context) -> "LiveRefresh | None":
        """A started LiveRefresh when the shop open now is in PostgreSQL, else None."""
        if not notify.in_postgres():
            return None
        live = cls(context)
        live.listener.start()
        return live

    def stop(self) -> None:
        self._timer.stop()
        self.listener.stop()

    @Slot(object)
    def _gather(self, heard: notify.Heard) -> None:
        changes = remote_changes(heard)
        self._gathered = changes if self._gathered is None else RemoteChanges(**vars(self._gathered | changes))
        if not self._timer.isActive():
            self._timer.start()

    @Slot()
    def _announce(self) -> None:
        changes, self._gathered = self._gathered, None
        if changes is not None:
            self._context.announce(changes)
            self.announced.emit(changes)

    @Slot()
    def _reconnected(self) -> None:
        """Back after the server was away: what the other PCs did meanwhile was not heard, so every screen
        refreshes; this thread's connection and the writer's are opened afresh (they went away with the server)."""
        notify.forget_broken_connection(always=True)
        self._context.ops.reconnect()
        self._gathered = RemoteChanges(**EVERYTHING) if self._gathered is None \
            else RemoteChanges(**vars(self._gathered | Changes(**EVERYTHING)))
        self._timer.start(0)
