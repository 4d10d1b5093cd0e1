"""What the work tabs (Intake, Repairs, Resale) share: sub-pages, and dialogs opened without blocking."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from .context import AppContext


class WorkTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.last_dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QTabWidget()
        layout.addWidget(self.pages)

    def show_dialog(self, dialog: QDialog) -> QDialog:
        self.last_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_card(self, item_id: int) -> QDialog:
        """The item's ID card (售后品档案)."""
        from .item_card import ItemCard

        return self.show_dialog(ItemCard(self.context, item_id, self))
