"""The schedule board (维修排程): technicians by days, each repair a card. Drag a card from the unscheduled
pile onto a technician's day to plan it, between days or technicians to move it, back onto the pile to
unplan it. Over-capacity days and cards that need another skill are flagged where you see them. Keyboard
users select a card with Tab and press Enter to plan it in its dialog."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QByteArray, QLocale, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDrag, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ..clock import today
from ..models import RepairOrder, Technician
from ..models.repairs import format_hours, DIFFICULTIES, IN_PROGRESS, SKILLS
from ..services import repairs
from .paged_model import domain_tr

MIME = "application/x-shop-aftersales-repair"
# A card is as wide as its day (at least CARD_MIN): the pile, the technicians and seven days fit the 1280 px the
# app is laid out for, so the week is seen whole without scrolling sideways.
CARD_WIDTH = 140  # on the pile
CARD_MIN = 116
DAY_MIN = CARD_MIN + 10


def weekday_name(day: dt.date) -> str:
    """The weekday in the user's language (Qt's locale knows 周一 and Mon)."""
    return QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)


class RepairCard(QFrame):
    """One repair on the board. Drag it; double-click or Enter opens it."""

    activated = Signal(int)

    def __init__(self, repair: RepairOrder, flags: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repair_id = repair.id
        self.setObjectName("repairCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumWidth(CARD_MIN)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        started = repair.state == IN_PROGRESS
        overdue = repair.due_date < today()
        background = "#fff3e0" if started else "#e8f1fb"
        border = "#c62828" if overdue else ("#ef6c00" if started else "#5b8def")
        self.setStyleSheet(
            f"#repairCard {{ background: {background}; border: 1px solid {border}; border-left: 5px solid {border};"
            f" border-radius: 4px; }} #repairCard:focus {{ border: 2px solid #1a1a1a; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(1)
        item = repair.item
        title = QLabel(f"<b>{html.escape(item.code)}</b>")
        product = QLabel(html.escape(f"{item.product.name} {item.product.model}".strip()))
        fault = QLabel(html.escape(repair.fault or "—"))
        for label in (product, fault):
            label.setWordWrap(True)
        fault.setStyleSheet("color: #444;")
        facts = QLabel(self.tr("{hours} h · {difficulty} · due {due}").format(
            hours=format_hours(repair.estimate), difficulty=domain_tr(DIFFICULTIES[repair.difficulty]),
            due=repair.due_date.strftime("%m-%d")))
        facts.setWordWrap(True)
        facts.setStyleSheet("color: #c62828; font-weight: bold;" if overdue else "color: #555;")
        for widget in (title, product, fault, facts):
            layout.addWidget(widget)
        if started:
            state = QLabel(self.tr("● repairing"))
            state.setStyleSheet("color: #ef6c00;")
            layout.addWidget(state)
        for flag in flags:
            warn = QLabel("⚠ " + html.escape(flag))
            warn.setWordWrap(True)
            warn.setStyleSheet("color: #c62828;")
            layout.addWidget(warn)
        self.setToolTip(self.tr("Drag onto a technician's day to plan it; double-click or Enter to open."))
        self._press: QPoint | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        self.setFocus()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not (event.buttons() & Qt.MouseButton.LeftButton):
            return
        if (event.position().toPoint() - self._press).manhattanLength() < 8:
            return
        self._press = None
        drag = QDrag(self)
        drag.setMimeData(card_mime(self.repair_id))
        drag.setPixmap(self.grab())
        drag.setHotSpot(event.position().toPoint())
        drag.exec(Qt.DropAction.MoveAction)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.activated.emit(self.repair_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.repair_id)
        else:
            super().keyPressEvent(event)


def card_mime(repair_id: int) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME, QByteArray(str(repair_id).encode()))
    return mime


def repair_id_of(mime: QMimeData) -> int | None:
    if not mime.hasFormat(MIME):
        return None
    try:
        return int(bytes(mime.data(MIME)).decode())
    except ValueError:
        return None


class DropArea(QFrame):
    """A place cards can be dropped on: a technician's day, or the unscheduled pile."""

    dropped = Signal(int, object, object)  # repair id, technician id | None, day | None

    def __init__(self, technician_id: int | None, day: dt.date | None, accepts: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.technician_id = technician_id
        self.day = day
        self.accepts = accepts
        self.setAcceptDrops(accepts)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 4, 4, 4)
        self.layout_.setSpacing(4)

    def dragEnterEvent(self, event) -> None:
        if self.accepts and repair_id_of(event.mimeData()) is not None:
            event.acceptProposedAction()
            self.setProperty("hover", "true")
            self.style().polish(self)
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:
        self.setProperty("hover", "false")
        self.style().polish(self)

    def dropEvent(self, event) -> None:
        self.setProperty("hover", "false")
        self.style().polish(self)
        repair_id = repair_id_of(event.mimeData())
        if repair_id is None or not self.accepts:
            event.ignore()
            return
        event.acceptProposedAction()
        self.dropped.emit(repair_id, self.technician_id, self.day)


class BoardView(QWidget):
    """The grid of technicians × days plus the unscheduled pile, rebuilt from services.repairs.board()."""

    plan_requested = Signal(int, object, object)
    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = today()
        self.cells: dict[tuple[int, dt.date], DropArea] = {}
        self.cards: dict[int, RepairCard] = {}
        outer = QGridLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pile = DropArea(None, None)
        self.pile.setObjectName("pile")
        self.pile.setStyleSheet("#pile { background: #f4f4f4; border: 1px dashed #999; }"
                                "#pile[hover=\"true\"] { background: #e3f2fd; }")
        self.pile.dropped.connect(self.plan_requested)
        self.pile_title = QLabel()
        self.pile_title.setStyleSheet("font-weight: bold;")
        self.pile.layout_.addWidget(self.pile_title)
        pile_scroll = QScrollArea()
        pile_scroll.setWidgetResizable(True)
        pile_scroll.setWidget(self.pile)
        pile_scroll.setFixedWidth(CARD_WIDTH + 34)
        pile_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(pile_scroll, 0, 0)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(3)
        self.grid_scroll = grid_scroll = QScrollArea()
        grid_scroll.setWidgetResizable(True)
        grid_scroll.setWidget(self.grid_host)
        outer.addWidget(grid_scroll, 0, 1)
        outer.setColumnStretch(1, 1)

    def _clear(self) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        while self.pile.layout_.count() > 1:
            widget = self.pile.layout_.takeAt(1).widget()
            if widget is not None:
                widget.deleteLater()
        self.cells.clear()
        self.cards.clear()

    def _card(self, repair: RepairOrder, tech: Technician | None, categories: set[int] | None) -> RepairCard:
        card = RepairCard(repair, [str(f) for f in repairs.card_flags(repair, tech, categories)])
        card.activated.connect(self.open_requested)
        self.cards[repair.id] = card
        return card

    def reload(self, day: dt.date | None = None) -> None:
        if day is not None:
            self.day = day
        self._clear()
        data = repairs.board(self.day)
        self.board = data
        self.pile_title.setText(self.tr("Not planned ({count})").format(count=len(data.backlog)))
        for repair in data.backlog:
            self.pile.layout_.addWidget(self._card(repair, None, None))
        self.pile.layout_.addStretch(1)
        corner = QLabel(self.tr("Technician"))
        corner.setStyleSheet("font-weight: bold;")
        self.grid.addWidget(corner, 0, 0)
        for c, day in enumerate(data.days, start=1):
            label = QLabel(f"{weekday_name(day)}\n{day:%m-%d}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            style = "font-weight: bold;" + (" color: white; background: #1565c0; border-radius: 3px;"
                                            if day == today() else "")
            label.setStyleSheet(style)
            self.grid.addWidget(label, 0, c)
            self.grid.setColumnMinimumWidth(c, DAY_MIN)
            self.grid.setColumnStretch(c, 1)
        if not data.technicians:
            hint = QLabel(self.tr("No technicians yet: add them with “Technicians…” above."))
            hint.setStyleSheet("color: palette(placeholder-text); padding: 20px;")
            self.grid.addWidget(hint, 1, 0, 1, len(data.days) + 1)
        for r, tech in enumerate(data.technicians, start=1):
            who = QLabel(f"<b>{html.escape(tech.staff.name)}</b><br>"
                         f"{html.escape(domain_tr(SKILLS.get(tech.skill, tech.skill)))}<br>"
                         + self.tr("{hours} h a day").format(hours=format_hours(tech.capacity)))
            who.setAlignment(Qt.AlignmentFlag.AlignTop)
            who.setWordWrap(True)
            who.setMinimumWidth(80)
            self.grid.addWidget(who, r, 0)
            for c, day in enumerate(data.days, start=1):
                cell_data = data.cells[(tech.id, day)]
                cell = DropArea(tech.id, day, accepts=cell_data.working and day >= today())
                cell.setObjectName("dayCell")
                if not cell_data.working:
                    colour = "#ececec"
                elif cell_data.over_capacity:
                    colour = "#ffebee"
                else:
                    colour = "#ffffff"
                cell.setStyleSheet(f"#dayCell {{ background: {colour}; border: 1px solid #d0d0d0; }}"
                                   "#dayCell[hover=\"true\"] { background: #e3f2fd; border: 1px solid #1565c0; }")
                cell.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
                if cell_data.working:
                    load = QLabel(self.tr("{load} / {capacity} h").format(load=format_hours(cell_data.load),
                                                                          capacity=format_hours(cell_data.capacity)))
                    if cell_data.over_capacity:
                        load.setText(load.text() + "  " + self.tr("over capacity"))
                        load.setStyleSheet("color: #c62828; font-weight: bold;")
                    else:
                        load.setStyleSheet("color: #777;")
                    cell.layout_.addWidget(load)
                else:
                    off = QLabel(self.tr("day off"))
                    off.setStyleSheet("color: #999;")
                    cell.layout_.addWidget(off)
                for repair in cell_data.repairs:
                    cell.layout_.addWidget(self._card(repair, tech, data.categories[tech.id]))
                cell.layout_.addStretch(1)
                cell.dropped.connect(self.plan_requested)
                self.cells[(tech.id, day)] = cell
                self.grid.addWidget(cell, r, c)
        self.grid.setRowStretch(len(data.technicians) + 1, 1)
