"""The Today tab (今日待办): one queue per role, each entry saying what to do next and by when, late first and
marked. Opening an entry opens the thing itself; a customer message is filled in to copy for SMS or WeChat,
and sending it is recorded."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ..models import ROLES, AftersalesItem
from ..services import Changes, queues
from .context import AppContext
from .errors import show_error
from .paged_model import domain_tr
from .widgets import fit_columns, open_keys
from .work_tab import WorkTab


def entry_key(entry: queues.Entry) -> tuple:
    """What an entry is about, whatever row it is shown on: the unit or repair and the step."""
    return (entry.role, entry.item_id, entry.repair_id, entry.message, getattr(entry, "zone", ""))


class QueuePage(QWidget):
    def __init__(self, tab: "TodayTab", role: str) -> None:
        super().__init__()
        self.tab = tab
        self.role = role
        self.entries: list[queues.Entry] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.summary = QLabel()
        bar.addWidget(self.summary, 1)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(lambda: self.open_entry(self.selected_entry()))
        self.message_button = QPushButton(self.tr("Copy the message for the customer"))
        self.message_button.clicked.connect(lambda: self.copy_entry_message(self.selected_entry()))
        bar.addWidget(self.open_button)
        bar.addWidget(self.message_button)
        layout.addLayout(bar)
        # a queue is tens of entries, rebuilt whenever work is done anywhere: a plain table widget
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Due"), "", self.tr("Whose"), self.tr("What to do")])
        self.table.setColumnHidden(2, role != "owner")  # the owner's list gathers what is late everywhere
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.cellDoubleClicked.connect(lambda row, _c: self.open(row))
        self.table.itemSelectionChanged.connect(self._selected)
        open_keys(self.table, lambda: self.open_entry(self.selected_entry()))
        layout.addWidget(self.table)
        self._selected()

    def selected_entry(self) -> queues.Entry | None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def select_entry(self, entry: queues.Entry | None) -> bool:
        """Select the row showing *entry* (by what it is about, not by its row); False if it is no longer listed."""
        if entry is not None:
            key = entry_key(entry)
            for row, shown in enumerate(self.entries):
                if entry_key(shown) == key:
                    self.table.selectRow(row)
                    return True
        self.table.clearSelection()
        self.table.setCurrentCell(-1, -1)
        return False

    def _selected(self) -> None:
        chosen = self.selected_entry()
        self.open_button.setEnabled(chosen is not None)
        reason = self._no_message_reason(chosen)
        self.message_button.setEnabled(chosen is not None and not reason)
        self.message_button.setToolTip(reason)

    def _no_message_reason(self, entry: queues.Entry | None) -> str:
        """Why the message cannot be sent for *entry* ("" if it can)."""
        if entry is None:
            return ""
        if not entry.message:
            return self.tr("There is no message to send for this one.")
        item = AftersalesItem.get_or_none(AftersalesItem.id == entry.item_id)
        customer = item.order.customer if item is not None else None
        if customer is None or not ((customer.name or "").strip() or (customer.phone or "").strip()):
            return self.tr("The customer left no name and no phone: a contact is needed to send the message. "
                           "Add it to the return order, or tell the customer at the counter.")
        return ""

    def show_entries(self, entries: list[queues.Entry]) -> None:
        chosen = self.selected_entry()
        self.table.blockSignals(True)
        self.table.selectionModel().blockSignals(True)
        try:
            self.entries = entries
            self.table.clearSelection()
            self.table.setRowCount(len(entries))
            late_brush = QBrush(QColor("#c62828"))
            for r, entry in enumerate(entries):
                cells = [QTableWidgetItem(f"{entry.due:%Y-%m-%d %H:%M}"),
                         QTableWidgetItem(self.tr("LATE") if entry.late else ""),
                         QTableWidgetItem(domain_tr(ROLES[entry.role])), QTableWidgetItem(entry.what)]
                for c, cell in enumerate(cells):
                    if entry.late:
                        cell.setForeground(late_brush)
                    self.table.setItem(r, c, cell)
            # the same entry stays selected (never its row: that is another customer once the list has changed)
            self.select_entry(chosen)
        finally:
            self.table.selectionModel().blockSignals(False)
            self.table.blockSignals(False)
        self._selected()
        fit_columns(self.table, stretch=3, maximum=240)  # "what to do" takes the page's width
        late = sum(1 for e in entries if e.late)
        self.summary.setText(self.tr("{count} to do, {late} late").format(count=len(entries), late=late))

    def open(self, row: int) -> QDialog | None:
        return self.open_entry(self.entries[row] if 0 <= row < len(self.entries) else None)

    def open_entry(self, entry: queues.Entry | None) -> QDialog | None:
        if entry is None:
            return None
        if isinstance(entry, queues.CountEntry):  # a zone due for its count: the count, that zone ticked
            from .stock_count_dialog import StockCountDialog

            return self.tab.show_dialog(StockCountDialog(self.tab.context, self.tab, zones=[entry.zone]))
        if entry.repair_id is not None:
            from .repair_dialogs import RepairDialog

            return self.tab.show_dialog(RepairDialog(self.tab.context, entry.repair_id, self.tab))
        return self.tab.open_card(entry.item_id)

    def copy_message(self, row: int) -> str:
        return self.copy_entry_message(self.entries[row] if 0 <= row < len(self.entries) else None)

    def copy_entry_message(self, entry: queues.Entry | None) -> str:
        if entry is None or self._no_message_reason(entry):
            return ""
        text = queues.message_for(AftersalesItem.get_by_id(entry.item_id), entry.message)
        QGuiApplication.clipboard().setText(text)
        self.tab.context.ops.run(queues.customer_told, entry.item_id, entry.message, self.tab.context.staff,
                                 on_failure=lambda e: show_error(self, e))
        self.window().statusBar().showMessage(self.tr("Copied (and noted as told): {text}").format(text=text), 10_000)
        return text


class TodayTab(WorkTab):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.queue_pages: dict[str, QueuePage] = {}
        for role in queues.ROLES_ORDER:
            page = QueuePage(self, role)
            self.queue_pages[role] = page
            self.pages.addTab(page, domain_tr(ROLES[role]))
        context.changed.connect(self._changed)
        context.staff_changed.connect(lambda _s: self.show_mine())
        self.reload()
        self.show_mine()

    def reload(self) -> None:
        all_queues = queues.queues()
        for index, role in enumerate(queues.ROLES_ORDER):
            entries = all_queues[role]
            self.queue_pages[role].show_entries(entries)
            late = sum(1 for e in entries if e.late)
            label = domain_tr(ROLES[role])
            self.pages.setTabText(index, self.tr("{role} ({count}, {late} late)").format(
                role=label, count=len(entries), late=late) if late else
                self.tr("{role} ({count})").format(role=label, count=len(entries)))
        self.counts = {role: len(entries) for role, entries in all_queues.items()}

    def show_mine(self) -> None:
        staff = self.context.staff
        if staff is not None and staff.role in self.queue_pages:
            self.pages.setCurrentWidget(self.queue_pages[staff.role])

    def _changed(self, changes: Changes) -> None:
        if changes.items or changes.repairs or changes.stock or changes.settings:
            self.reload()
