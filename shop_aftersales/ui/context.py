"""What every screen shares: the data folder, who is working, and the one "data changed" signal.

Screens never call each other to refresh: a finished business step emits ``changed`` with its
:class:`Changes`, and each screen that shows those data refreshes itself (after Anki's
"operation did execute"). On a PostgreSQL shop the other PCs' committed steps arrive on the same
signal (ui.live). Who is working is this PC's own: each app chooses its staff member.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..clock import today
from ..models import Staff
from ..services import Changes

# How often the app looks whether the date has changed (a window left open past midnight or over a weekend).
DATE_CHECK_MS = 30_000


class AppContext(QObject):
    changed = Signal(object)        # Changes
    staff_changed = Signal(object)  # Staff | None
    day_changed = Signal(object)    # the new date (datetime.date), after midnight

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.instance_lock = None  # the data folder's lock (instance.acquire), held while the app runs
        self.demo_temporary = False  # the demo shop, in a temporary folder made for it (--demo)
        self._staff_id: int | None = None
        from .operations import OpRunner

        self.ops = OpRunner(self)
        from .live import LiveRefresh

        self.live = LiveRefresh.start_for(self)  # a PostgreSQL shop: the other PCs' steps refresh these screens
        self.today = today()
        self._date_timer = QTimer(self)
        self._date_timer.timeout.connect(self.check_date)
        self._date_timer.start(DATE_CHECK_MS)

    def stop_watching_the_date(self) -> None:
        """At shutdown: no more "new day" checks, nor the other PCs' changes (the screens are going away)."""
        self._date_timer.stop()
        if self.live is not None:
            self.live.stop()

    def check_date(self) -> bool:
        """A new day on the app clock: every screen that shows "today" (the board's week and which days take a
        card, lateness in the queues, days on the shelf) is told, and refreshes. True when the date changed."""
        day = today()
        if day == self.today:
            return False
        self.today = day
        self.day_changed.emit(day)
        self.announce(Changes(items=True, repairs=True, stock=True, sales=True))
        return True

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def attachments_dir(self) -> Path:
        """Photos of returned units, one folder per item code."""
        return self.data_dir / "attachments"

    @property
    def documents_dir(self) -> Path:
        """Every return slip printed, kept as PDF."""
        return self.data_dir / "documents"

    @property
    def staff(self) -> Staff | None:
        return Staff.get_or_none(Staff.id == self._staff_id) if self._staff_id else None

    def set_staff(self, staff_id: int | None) -> None:
        if staff_id != self._staff_id:
            self._staff_id = staff_id
            self.staff_changed.emit(self.staff)

    def announce(self, changes: Changes) -> None:
        self.changed.emit(changes)
