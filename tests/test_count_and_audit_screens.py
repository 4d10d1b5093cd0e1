"""The stock-count screen and the audit log through the real widgets."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from helpers import settle  # noqa: E402
from shop_aftersales.models import AftersalesItem, ItemEvent, StockCount
from shop_aftersales.services.checks import run_checks
from shop_aftersales.ui.audit_dialog import AuditDialog
from shop_aftersales.ui.stock_count_dialog import StockCountDialog

pytestmark = pytest.mark.gui


def test_a_count_through_the_screen(window, qtbot):
    dialog = window.stock_tab.open_count()
    assert isinstance(dialog, StockCountDialog) and dialog.start_button.isEnabled()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert dialog.count is not None and dialog.table.rowCount() > 0
    # type every counted quantity as expected, one short
    for row in range(dialog.table.rowCount()):
        expected = int(dialog.table.item(row, 5).text())
        dialog.table.item(row, 6).setText(str(expected - 1 if row == 0 and expected > 0 else expected))
        settle(qtbot, window)
    assert "1 differences" in dialog.summary.text() and "0 not counted" in dialog.summary.text()
    count_id = dialog.count.id
    dialog.post("盘亏")
    settle(qtbot, window)
    assert StockCount.get_by_id(count_id).state == "posted"
    assert dialog.summary.text().startswith("Posted PD") and not dialog.post_button.isEnabled()
    assert run_checks() == []


def test_the_audit_log_filters_and_exports(window, qtbot, tmp_path):
    dialog = AuditDialog(window.context, window)
    qtbot.addWidget(dialog)
    total = ItemEvent.select().count()
    assert dialog.model.total() == total
    item = AftersalesItem.select().first()
    dialog.filter.setText(item.code)
    qtbot.waitUntil(lambda: dialog.model.total() == ItemEvent.select().where(ItemEvent.item == item).count())
    dialog.staff.setCurrentIndex(1)
    from shop_aftersales.services.audit import export

    path = export(dialog.source(), tmp_path / "audit.xlsx")
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0] == ("When", "Who", "Item code", "Event", "Note")
    assert len(rows) - 1 == dialog.model.total()
