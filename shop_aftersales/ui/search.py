"""The search box that is always at hand: Ctrl+F, or a barcode scanner's code + Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QVBoxLayout, QWidget)

from ..services.search import ITEM, PRODUCT, RETURN, SALE, Hit, search
from .records import ProductDialog, SaleDialog


class SearchBox(QLineEdit):
    """Enter runs the search: one exact hit opens at once (a scan), several are listed."""

    nothing_found = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Scan or type: receipt no., phone, serial, SKU, name…  (Ctrl+F)"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(360)
        self.returnPressed.connect(self.run)
        self.last_dialog: QDialog | None = None

    def run(self) -> None:
        text = self.text().strip()
        if not text:
            return
        hits = search(text)
        exact = [h for h in hits if h.exact]
        items = [h for h in exact if h.kind == ITEM]
        if len(exact) == 1 or len(items) == 1:  # a scan: a unit back in the shop wins over its old sale
            self.selectAll()  # the next scan replaces the text
            hit = items[0] if len(items) == 1 else exact[0]
            start_return = getattr(self.window(), "start_return", None)
            if start_return is not None and is_receipt_to_return(hit, text):
                start_return(hit.id)  # a receipt scanned at the counter: the return form, that receipt loaded
                return
            open_hit(hit, self.window())
        elif hits:
            dialog = SearchResultsDialog(text, exact or hits, self.window())
            self.last_dialog = dialog
            dialog.open()
        else:
            self.nothing_found.emit(text)
            self.selectAll()


def is_receipt_to_return(hit: Hit, text: str) -> bool:
    """*hit* is the receipt whose number *text* is, with something on it that can still come back (a receipt
    already all returned opens as a receipt)."""
    from ..services.returns import returnable_lines

    return hit.kind == SALE and hit.title.casefold() == text.strip().casefold() \
        and any(line.returnable > 0 for line in returnable_lines(hit.id))


def open_hit(hit: Hit, parent: QWidget | None) -> QDialog:
    if hit.kind == ITEM:
        from .item_card import ItemCard

        dialog: QDialog = ItemCard(_context(parent), hit.id, parent)
    elif hit.kind == RETURN:
        from .return_order import ReturnOrderDialog

        dialog = ReturnOrderDialog(_context(parent), hit.id, parent)
    elif hit.kind == PRODUCT:
        dialog = ProductDialog(hit.id, parent)
    else:
        window = parent.window() if parent is not None else None
        dialog = SaleDialog(hit.id, parent, getattr(window, "start_return", None))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _context(widget: QWidget | None):
    """The AppContext of the main window *widget* belongs to."""
    window = widget.window() if widget is not None else None
    context = getattr(window, "context", None)
    if context is None and window is not None and window.parentWidget() is not None:
        return _context(window.parentWidget())
    return context


class SearchResultsDialog(QDialog):
    def __init__(self, text: str, hits: list[Hit], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Search: {text}").format(text=text))
        self.resize(560, 420)
        self.hits = hits
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{count} found. Double-click or press Enter to open.").format(count=len(hits))))
        self.list = QListWidget(self)
        kinds = {PRODUCT: self.tr("Product"), ITEM: self.tr("After-sales item"), RETURN: self.tr("Return order")}
        for hit in hits:
            kind = kinds.get(hit.kind, self.tr("Receipt"))
            item = QListWidgetItem(f"[{kind}]  {hit.title}    {hit.detail}")
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(self._open)  # Enter reaches the default Open button
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(lambda: self._open(self.list.currentItem()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _open(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            open_hit(self.hits[self.list.row(item)], self.parentWidget())
