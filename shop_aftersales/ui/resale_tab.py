"""The Resale tab (特价再销售): units waiting for the quality check, the resale shelf with markdown
suggestions, and what was resold."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton, QWidget

from ..models import ResaleSale
from ..printing.resale import receipt_pdf, render_receipt, render_shelf_labels
from ..services import Changes, resale
from ..services.resale_lists import QCQueue, ShelfList, SoldList
from .context import AppContext
from .list_page import ListPage
from .print_ui import preview
from .work_tab import WorkTab
from .resale_dialogs import QualityCheckDialog, RepriceDialog, SellDialog


class ResaleTab(WorkTab):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.qc = ListPage(context, lambda text: QCQueue(text=text), self.tr("Filter by item code, product or serial"),
                           self.check)
        self.qc.add_button(self.tr("Check…"), self.check)
        self.qc.add_button(self.tr("ID card"), self.open_card)
        self.shelf = ListPage(context, lambda text: ShelfList(text=text),
                              self.tr("Filter by item code, product or grade"), self.sell, sort_column=1,
                              descending=True)
        self.shelf.add_button(self.tr("Sell…"), self.sell)
        self.shelf.add_button(self.tr("Change price…"), self.reprice)
        self.shelf.add_button(self.tr("Shelf label…"), self.print_label)
        self.shelf.add_button(self.tr("ID card"), self.open_card)
        export = QPushButton(self.tr("Export online listings…"))
        export.clicked.connect(self.export_online)
        self.shelf.buttons.addWidget(export)
        self.sold = ListPage(context, lambda text: SoldList(text=text), self.tr("Filter"), self.print_receipt,
                             sort_column=1, descending=True)
        self.sold.add_button(self.tr("Print receipt…"), self.print_receipt)
        self.pages.addTab(self.qc, self.tr("Quality check"))
        self.pages.addTab(self.shelf, self.tr("Resale shelf"))
        self.pages.addTab(self.sold, self.tr("Resold"))
        context.changed.connect(self._titles)
        self._titles()

    def _titles(self, _changes: Changes | None = None) -> None:
        self.pages.setTabText(0, self.tr("Quality check ({count})").format(count=self.qc.model.total()))
        stale = self.shelf.model.source.stale_count()
        self.pages.setTabText(1, self.tr("Resale shelf ({count}, {stale} to mark down)").format(
            count=self.shelf.model.total(), stale=stale) if stale else
            self.tr("Resale shelf ({count})").format(count=self.shelf.model.total()))

    def check(self, item_id: int) -> QDialog:
        return self.show_dialog(QualityCheckDialog(self.context, item_id, self))

    def sell(self, item_id: int) -> QDialog:
        dialog = SellDialog(self.context, item_id, self)
        dialog.accepted.connect(lambda: self._after_sale(dialog.sale_number))
        return self.show_dialog(dialog)

    def _after_sale(self, number: str) -> None:
        sale = ResaleSale.get_or_none(ResaleSale.number == number)
        if sale is None:
            return
        folder = self.context.documents_dir / "resale-receipts"
        folder.mkdir(parents=True, exist_ok=True)
        try:
            kept = receipt_pdf(sale.id, folder / f"{number}.pdf")
            self.window().statusBar().showMessage(self.tr("Sold as {number}; the receipt is kept at {path}.").format(
                number=number, path=kept), 10_000)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Receipt"), str(exc))
        preview(self, lambda device: render_receipt(sale.id, device), self.tr("Receipt {number}").format(number=number))

    def reprice(self, item_id: int) -> QDialog:
        return self.show_dialog(RepriceDialog(self.context, item_id, self))

    def print_label(self, item_id: int) -> None:
        preview(self, lambda device: render_shelf_labels([item_id], device), self.tr("Shelf label"))

    def print_receipt(self, sale_id: int) -> None:
        sale = ResaleSale.get_by_id(sale_id)
        preview(self, lambda device: render_receipt(sale_id, device),
                self.tr("Receipt {number}").format(number=sale.number))

    def export_online(self) -> Path | None:
        default = str(Path.home() / "online-listings.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export online listings"), default,
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return None
        return self.export_online_to(Path(path))

    def export_online_to(self, path: Path) -> Path | None:
        try:
            written = resale.export_online_listings(path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return None
        self.window().statusBar().showMessage(self.tr("Online listings saved to {path}").format(path=written), 8000)
        return written
