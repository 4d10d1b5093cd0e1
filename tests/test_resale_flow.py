"""Resale through the real widgets: check → grade and price → sell (only once the buyer was told) → the
receipt PDF carries the disclosure."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt

from shop_aftersales.models import AftersalesItem, ResaleListing, ResaleSale
from shop_aftersales.printing.resale import shelf_labels_pdf
from shop_aftersales.services.checks import run_checks
from shop_aftersales.ui.resale_dialogs import QualityCheckDialog, SellDialog

from helpers import flat, pdf_text, settle, visible  # noqa: E402

pytestmark = pytest.mark.gui


def test_check_price_sell_and_the_receipt_tells_the_history(window, qtbot, monkeypatch):
    monkeypatch.setattr("shop_aftersales.ui.resale_tab.preview", lambda *a, **k: None)  # no print preview window
    refusals = []
    monkeypatch.setattr("shop_aftersales.ui.resale_dialogs.show_error", lambda p, e: refusals.append(str(e)))
    tab = window.resale_tab
    window.tabs.setCurrentWidget(tab)
    queue = tab.qc
    assert queue.model.total() >= 1
    item_id = queue.model.row_id(0)
    queue.select_row(0)
    from PySide6.QtWidgets import QPushButton

    check_button = next(b for b in queue.findChildren(QPushButton) if b.text() == "Check…")
    qtbot.mouseClick(check_button, Qt.MouseButton.LeftButton)
    dialog = visible(QualityCheckDialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled() and "Mark every check pass or fail first" in ok.toolTip()  # nothing marked yet
    assert dialog.all_pass.isDefault()
    qtbot.mouseClick(dialog.all_pass, Qt.MouseButton.LeftButton)
    assert ok.isEnabled() and ok.isDefault() and ok.text() == "Put on the shelf"
    dialog.grade.setCurrentIndex(dialog.grade.findData("B"))
    dialog.flaws.setText("背面细微划痕")
    assert "背面细微划痕" in dialog.disclosure.toPlainText()
    price = dialog.price.value()
    ok.click()
    settle(qtbot, window)
    assert not refusals
    listing = ResaleListing.get(ResaleListing.item == item_id)
    assert listing.grade == "B" and float(listing.price) == price

    tab.pages.setCurrentWidget(tab.shelf)
    tab.sell(item_id)
    sell = visible(SellDialog)
    ok = sell.buttons.button(sell.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # not before the buyer was told
    assert "背面细微划痕" in sell.disclosure.text()
    sell.buyer.setText("赵六")
    qtbot.mouseClick(sell.told, Qt.MouseButton.LeftButton)
    assert ok.isEnabled()
    ok.click()
    settle(qtbot, window)
    sale = ResaleSale.get(ResaleSale.item == item_id)
    receipt = window.context.documents_dir / "resale-receipts" / f"{sale.number}.pdf"
    text = pdf_text(receipt)
    assert sale.number in text and "背面细微划痕" in text and flat("returned by a customer") in text
    assert AftersalesItem.get_by_id(item_id).status == "sold"
    assert run_checks() == []


def test_a_shelf_label_prints_the_disclosure(window, tmp_path):
    listing = ResaleListing.select().where(ResaleListing.active).first()
    pdf = shelf_labels_pdf([listing.item_id], tmp_path / "label.pdf")
    text = pdf_text(pdf)
    assert listing.item.code in text and "returned" in text


def test_the_online_export_from_the_shelf(window, tmp_path):
    from openpyxl import load_workbook

    path = window.resale_tab.export_online_to(tmp_path / "online.xlsx")
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    online = ResaleListing.select().where(ResaleListing.active & (ResaleListing.channel == "online")).count()
    assert len(rows) == online + 1


def test_the_id_card_shows_what_a_resold_unit_cost_and_recovered(window, qtbot):
    from shop_aftersales.services import resale
    from shop_aftersales.ui.item_card import ItemCard

    sale = ResaleSale.select().first()
    card = ItemCard(window.context, sale.item_id)
    qtbot.addWidget(card)
    texts = [label.text() for label in card.tabs.widget(0).findChildren(type(card.header))]
    result = resale.outcome(AftersalesItem.get_by_id(sale.item_id))
    assert f"¥{sale.price:,.2f}" in texts
    assert any(t.endswith("gained") or t.endswith("lost") for t in texts)
    assert result.resale == sale.price
