"""The Intake tab (退货入库): register a new return, work the inspection queue, look up return orders and
ship faulty units back to their supplier."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from ..models import AftersalesItem
from ..services import Changes
from ..services.lists import InspectionQueue, ReturnOrders, SupplierReturnList
from . import actions
from .context import AppContext
from .intake_form import IntakeForm
from .list_page import ListPage
from .work_tab import WorkTab
from .return_order import ReturnOrderDialog


class IntakeTab(WorkTab):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.form = IntakeForm(context)
        self.form.saved.connect(self._saved)
        self.inspection = ListPage(context, lambda text: InspectionQueue(text=text),
                                   self.tr("Filter by item code, product, serial or customer"), self.open_card)
        self.inspection.add_button(self.tr("Inspect…"), self.inspect)
        self.inspection.add_button(self.tr("ID card"), self.open_card)
        self.orders = ListPage(context, lambda text: ReturnOrders(text=text),
                               self.tr("Filter by return no., customer, phone or receipt"), self.open_order,
                               sort_column=1, descending=True)
        self.orders.add_button(self.tr("Open"), self.open_order)
        self.supplier = ListPage(context, lambda text: SupplierReturnList(text=text), self.tr("Filter"),
                                 self.open_card)
        self.supplier.add_button(self.tr("Shipped back…"), self.ship)
        self.supplier.add_button(self.tr("ID card"), self.open_card)
        self.pages.addTab(self.form, self.tr("New return"))
        self.pages.addTab(self.inspection, self.tr("Inspection"))
        self.pages.addTab(self.orders, self.tr("Return orders"))
        self.pages.addTab(self.supplier, self.tr("Return to supplier"))
        context.changed.connect(self._update_titles)
        self._update_titles()

    def _update_titles(self, _changes: Changes | None = None) -> None:
        self.pages.setTabText(1, self.tr("Inspection ({count})").format(count=self.inspection.model.total()))
        self.pages.setTabText(3, self.tr("Return to supplier ({count})").format(count=self.supplier.model.total()))

    def open_order(self, order_id: int) -> QDialog:
        return self.show_dialog(ReturnOrderDialog(self.context, order_id, self))

    def inspect(self, item_id: int) -> QDialog:
        return self.show_dialog(actions.InspectDialog(self.context, AftersalesItem.get_by_id(item_id), self))

    def ship(self, item_id: int) -> QDialog:
        return self.show_dialog(actions.ShipToSupplierDialog(self.context, AftersalesItem.get_by_id(item_id), self))

    def _saved(self, changes: Changes) -> None:
        """A return saved with Save and print: its slip and labels go to their printers (Settings → Printers) and
        the return opens, with the previews one click away."""
        dialog = self.open_order(self.form.last_order_id)
        dialog.print_all()

    def print_order_slip(self, order_id: int):
        """Ctrl+P on the list of returns: the selected return's slip, straight to the slip printer."""
        from .return_order import print_slip

        return print_slip(self, order_id)

    def focus_scan(self) -> None:
        self.pages.setCurrentWidget(self.form)
        self.form.find_edit.setFocus()
