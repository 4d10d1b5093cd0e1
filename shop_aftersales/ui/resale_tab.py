"""The Resale tab (特价再销售): units waiting for the quality check, the resale shelf with markdown
suggestions, and what was resold."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton, QWidget

from ..clock import today
from ..models import AftersalesItem, ResaleSale
from ..printing.resale import receipt_pdf, render_receipt, render_shelf_labels
from ..services import Changes, resale
from ..services.resale_lists import QCQueue, ShelfList, SoldList
from .context import AppContext
from .list_page import ListPage
from .print_ui import RECEIPT, SHELF_LABEL, PrintOutcome, PreviewDialog, preview, print_document, printer_choice
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
        self.shelf.add_button(self.tr("Print shelf label"), self.print_label)
        self.shelf.add_button(self.tr("Preview shelf label…"), self.preview_label)
        self.shelf.add_button(self.tr("ID card"), self.open_card)
        export = QPushButton(self.tr("Export online listings…"))
        export.clicked.connect(self.export_online)
        self.shelf.buttons.addWidget(export)
        self.sold = ListPage(context, lambda text: SoldList(text=text), self.tr("Filter"), self.print_receipt,
                             sort_column=1, descending=True,
                             open_card=lambda sale_id: self.open_card(ResaleSale.get_by_id(sale_id).item_id))
        self.sold.add_button(self.tr("Print receipt"), self.print_receipt)
        self.sold.add_button(self.tr("Preview receipt…"), self.preview_receipt)
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
            kept = receipt_pdf(sale.id, folder / f"{number}.pdf", printer_choice(RECEIPT).roll_mm)
            self.window().statusBar().showMessage(self.tr("Sold as {number}; the receipt is kept at {path}.").format(
                number=number, path=kept), 10_000)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Receipt"), str(exc))
        self.print_receipt(sale.id)  # straight to the receipt printer, as at any till

    def reprice(self, item_id: int) -> QDialog:
        return self.show_dialog(RepriceDialog(self.context, item_id, self))

    def print_label(self, item_id: int) -> PrintOutcome:
        return print_document(self, SHELF_LABEL, lambda device: render_shelf_labels([item_id], device),
                              self.tr("Shelf label"), self._label_file(item_id))

    def preview_label(self, item_id: int) -> PreviewDialog:
        return preview(self, lambda device: render_shelf_labels([item_id], device), self.tr("Shelf label"),
                       SHELF_LABEL, file_name=self._label_file(item_id))

    def _label_file(self, item_id: int) -> str:
        return self.tr("Shelf label {code}").format(code=AftersalesItem.get_by_id(item_id).code)

    def _receipt(self, sale_id: int):
        """The receipt's renderer for the roll this PC's receipt printer takes, and its title."""
        roll = printer_choice(RECEIPT).roll_mm
        number = ResaleSale.get_by_id(sale_id).number
        return (lambda device: render_receipt(sale_id, device, roll_mm=roll),
                self.tr("Receipt {number}").format(number=number), number)

    def print_receipt(self, sale_id: int) -> PrintOutcome:
        render, title, number = self._receipt(sale_id)
        return print_document(self, RECEIPT, render, title, number)

    def preview_receipt(self, sale_id: int) -> PreviewDialog:
        render, title, number = self._receipt(sale_id)
        return preview(self, render, title, RECEIPT, file_name=number)

    def export_online(self) -> Path | None:
        default = str(Path.home() / self.online_listings_file_name())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export online listings"), default,
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return None
        return self.export_online_to(Path(path))

    def online_listings_file_name(self) -> str:
        """The suggested name in the user's language (online-listings-2026-12-02.xlsx, in Chinese its own words)."""
        return self.tr("online-listings-{date}").format(date=f"{today():%Y-%m-%d}") + ".xlsx"

    def export_online_to(self, path: Path) -> Path | None:
        try:
            written = resale.export_online_listings(path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return None
        self.window().statusBar().showMessage(self.tr("Online listings saved to {path}").format(path=written), 8000)
        return written
