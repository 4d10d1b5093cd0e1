"""The Repairs tab (维修排程): the schedule board, the progress table, customers' units ready for pickup,
and the spare parts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QCheckBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from ..clock import today
from ..models import AftersalesItem
from ..printing.table import render_table
from ..services import Changes, queues, repairs, resolutions
from ..services.repair_lists import PartsList, ReadyForPickup, RepairProgress
from . import actions
from .context import AppContext
from .errors import show_error
from .list_page import ListPage
from .paged_model import domain_tr
from .print_ui import SLIP, PrintOutcome, PreviewDialog, preview, print_document
from .repair_board import BoardView
from .work_tab import WorkTab
from .repair_dialogs import PartDialog, ProposalDialog, ReceivePartsDialog, RepairDialog, TechniciansDialog


class RepairsTab(WorkTab):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)

        board_page = QWidget()
        board_layout = QVBoxLayout(board_page)
        bar = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("◀ Previous week"))
        self.this_button = QPushButton(self.tr("This week"))
        self.next_button = QPushButton(self.tr("Next week ▶"))
        self.week_label = QLabel()
        self.week_label.setStyleSheet("font-weight: bold; padding: 0 12px;")
        self.plan_button = QPushButton(self.tr("Plan for me…"))
        self.techs_button = QPushButton(self.tr("Technicians…"))
        for widget in (self.prev_button, self.this_button, self.next_button, self.week_label):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.plan_button)
        bar.addWidget(self.techs_button)
        board_layout.addLayout(bar)
        self.board = BoardView()
        self.board.plan_requested.connect(self.plan)
        self.board.open_requested.connect(self.open_repair)
        board_layout.addWidget(self.board, 1)
        self.prev_button.clicked.connect(lambda: self.show_week(self.board.day - dt.timedelta(days=7)))
        self.next_button.clicked.connect(lambda: self.show_week(self.board.day + dt.timedelta(days=7)))
        self.this_button.clicked.connect(lambda: self.show_week(today()))
        self.plan_button.clicked.connect(self.plan_for_me)
        self.techs_button.clicked.connect(lambda: self.show_dialog(TechniciansDialog(self.context, self)))

        self.progress = ListPage(context, lambda text: RepairProgress(text=text),
                                 self.tr("Filter by repair no., item code, product or technician"), self.open_repair,
                                 sort_column=7)
        self.progress.add_button(self.tr("Open"), self.open_repair)
        print_button = QPushButton(self.tr("Print"))
        print_button.clicked.connect(self.print_progress)
        self.progress.buttons.addWidget(print_button)
        preview_button = QPushButton(self.tr("Preview…"))
        preview_button.clicked.connect(self.preview_progress)
        self.progress.buttons.addWidget(preview_button)

        self.pickup = ListPage(context, lambda text: ReadyForPickup(text=text), self.tr("Filter"), self.open_card)
        self.pickup.add_button(self.tr("Copy message for the customer"), self.copy_message)
        self.pickup.add_button(self.tr("Picked up…"), self.picked_up)
        self.pickup.add_button(self.tr("Ship to the customer…"), self.ship)
        self.pickup.add_button(self.tr("ID card"), self.open_card)

        self.low_only = QCheckBox(self.tr("Low stock only"))
        self.parts = ListPage(context, lambda text: PartsList(text=text, low_only=self.low_only.isChecked()),
                              self.tr("Filter by part code, name or bin"), self.receive_parts)
        self.parts.buttons.insertWidget(0, self.low_only)
        self.low_only.toggled.connect(self.parts.reload)
        new_part = QPushButton(self.tr("New part…"))
        new_part.clicked.connect(lambda: self.show_dialog(PartDialog(self.context, self)))
        self.parts.buttons.addWidget(new_part)
        self.parts.add_button(self.tr("Receive…"), self.receive_parts)

        self.pages.addTab(board_page, self.tr("Schedule board"))
        self.pages.addTab(self.progress, self.tr("Progress"))
        self.pages.addTab(self.pickup, self.tr("Ready for pickup"))
        self.pages.addTab(self.parts, self.tr("Spare parts"))
        context.changed.connect(self._changed)
        context.day_changed.connect(self._new_day)
        self.show_week(today())
        self._titles()

    # ---------------------------------------------------------------- board
    def show_week(self, day: dt.date) -> None:
        self.board.reload(day)
        days = self.board.board.days
        self._following_today = today() in days
        self.week_label.setText(f"{days[0]:%Y-%m-%d} — {days[-1]:%m-%d}")

    def _new_day(self, day: dt.date) -> None:
        """After midnight (or a weekend asleep): a board that showed the current week moves on with the date; past
        days stop taking cards either way (the reload that follows the change)."""
        if self._following_today:
            self.show_week(day)

    def plan(self, repair_id: int, technician_id: int | None, day: dt.date | None) -> None:
        self.context.ops.run(repairs.plan, repair_id, technician_id, day, self.context.staff,
                             on_failure=lambda e: show_error(self, e))

    def plan_for_me(self) -> QDialog:
        return self.show_dialog(ProposalDialog(self.context, max(self.board.board.days[0], today()), self))

    def open_repair(self, repair_id: int) -> QDialog:
        return self.show_dialog(RepairDialog(self.context, repair_id, self))

    # ---------------------------------------------------------------- lists
    def _progress_table(self):
        from .. import i18n

        source = RepairProgress(text=self.progress.filter.text())
        rows = source.fetch(0, 10_000, 7)
        with i18n.in_document_language():  # a printout: in the shop's document language
            headers = [domain_tr(c.title) for c in source.columns]
            data = [[domain_tr(v) if source.columns[i].translate and v else v for i, v in enumerate(row[1:])]
                    for row in rows]
            title = self.tr("Repair progress")
        return lambda device: render_table(device, title, headers, data), title

    def print_progress(self) -> PrintOutcome:
        render, title = self._progress_table()
        return print_document(self, SLIP, render, title, f"{title} {today():%Y-%m-%d}")

    def preview_progress(self) -> PreviewDialog:
        render, title = self._progress_table()
        return preview(self, render, title, SLIP, file_name=f"{title} {today():%Y-%m-%d}")

    def copy_message(self, item_id: int) -> str:
        text = repairs.pickup_message(AftersalesItem.get_by_id(item_id))
        QGuiApplication.clipboard().setText(text)
        # copying it is taken as sending it: the reminder leaves the sales queue
        self.context.ops.run(queues.customer_told, item_id, "message.ready", self.context.staff,
                             on_failure=lambda e: show_error(self, e))
        self.window().statusBar().showMessage(self.tr("Copied: {text}").format(text=text), 8000)
        return text

    def picked_up(self, item_id: int) -> QDialog:
        item = AftersalesItem.get_by_id(item_id)
        return self.show_dialog(actions.NoteStepDialog(
            self.context, self.tr("{code} picked up").format(code=item.code),
            self.tr("Who picked it up, anything said"),
            lambda note, staff: resolutions.give_back(item_id, note, staff), self))

    def ship(self, item_id: int) -> QDialog:
        """Send the repaired unit back by courier instead of waiting for the customer to pick it up."""
        from .shipping_dialog import ShipDialog

        return self.show_dialog(ShipDialog(self.context, item_id, self))

    def receive_parts(self, part_id: int) -> QDialog:
        return self.show_dialog(ReceivePartsDialog(self.context, part_id, self))

    def _titles(self) -> None:
        self.pages.setTabText(2, self.tr("Ready for pickup ({count})").format(count=self.pickup.model.total()))
        low = len(repairs.low_stock())
        self.pages.setTabText(3, self.tr("Spare parts ({count} low)").format(count=low) if low
                              else self.tr("Spare parts"))

    def _changed(self, changes: Changes) -> None:
        if changes.repairs or changes.items or changes.people or changes.stock:
            self.board.reload()
            self._titles()
