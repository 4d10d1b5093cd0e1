"""Every print preview of the app, opened from its screen and painted after Python has let go of everything the
opening function made: the preview must own its printer (it used to keep only a pointer to a QPrinter that was
freed when the function returned, and "Print labels…" killed the app)."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

from shop_aftersales.models import AftersalesItem, ResaleListing, ResaleSale, ReturnOrder
from shop_aftersales.ui.item_card import ItemCard
from shop_aftersales.ui.print_ui import PreviewDialog
from shop_aftersales.ui.return_order import ReturnOrderDialog

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _no_preview_of_another_test():
    """A preview an earlier test left on screen (a saved return's labels: its shop's database is gone) is closed
    first, so `painted` paints the one this test opened (topLevelWidgets() is in no particular order)."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, PreviewDialog) and widget.isVisible():
            widget.close()
    yield


def painted(qtbot) -> int:
    """Let go of garbage, then paint the newest preview and say how many pages it shows."""
    previews = [w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewDialog) and w.isVisible()]
    assert previews, "no preview opened"
    dialog = previews[-1]
    gc.collect()
    QApplication.processEvents()
    dialog.grab()  # paints the pages onto the dialog's printer
    widget = dialog.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    qtbot.waitUntil(lambda: widget.pageCount() >= 1)
    pages = widget.pageCount()
    dialog.close()
    gc.collect()
    QApplication.processEvents()
    return pages


def test_every_preview_paints_after_its_opener_returned(window, qtbot):
    order = ReturnOrder.select().order_by(ReturnOrder.id.desc()).first()
    dialog = ReturnOrderDialog(window.context, order.id, window)
    qtbot.addWidget(dialog)
    dialog.print_slip()
    assert painted(qtbot) >= 1
    dialog.print_labels()
    assert painted(qtbot) >= 1

    item = AftersalesItem.select().first()
    card = ItemCard(window.context, item.id, window)
    qtbot.addWidget(card)
    card.print_label()
    assert painted(qtbot) >= 1

    window.repairs_tab.print_progress()
    assert painted(qtbot) >= 1

    listing = ResaleListing.select().where(ResaleListing.active).first()
    window.resale_tab.print_label(listing.item_id)
    assert painted(qtbot) >= 1
    sale = ResaleSale.select().first()
    window.resale_tab.print_receipt(sale.id)
    assert painted(qtbot) >= 1
