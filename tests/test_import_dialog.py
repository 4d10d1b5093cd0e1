"""File → Import through the real dialog: refused files explain themselves and keep the input."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from openpyxl import load_workbook

from shop_aftersales.models import Product, Sale, StockMove
from shop_aftersales.ui.import_dialog import ImportDialog

pytestmark = pytest.mark.gui


def start(qtbot, window, kind, path) -> ImportDialog:
    window.import_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog) and w.isVisible())
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.path.setText(str(path))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    return dialog


def test_a_bad_file_lists_every_problem_and_keeps_the_chosen_file(window, qtbot, xlsx):
    path = xlsx([["单号", "日期", "商品编码", "数量", "单价"],
                 ["N-1", "yesterday", "HZ-MS-5", 1, 129],
                 ["N-2", "2026-03-01", "NOPE", 1, 129]])
    sales_before = Sale.select().count()
    dialog = start(qtbot, window, "sales", path)
    report = dialog.report.toPlainText()
    assert "2 problem(s)" in report and "row 2, column '日期'" in report and "NOPE" in report
    assert dialog.path.text() == str(path)  # nothing the user typed is lost
    assert Sale.select().count() == sales_before
    dialog.close()


def test_opening_stock_imports_and_the_stock_tab_refreshes(window, qtbot, xlsx):
    from shop_aftersales.services.ledger import on_hand

    tab = window.stock_tab
    tab.zone.setCurrentIndex(tab.zone.findData("repairable"))
    column = next(c for c in range(tab.model.columnCount())
                  if tab.model.headerData(c, Qt.Orientation.Horizontal) == "Repairable")

    def shown(sku):
        rows = [r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == sku]
        return int(tab.model.index(rows[0], column).data() or 0) if rows else 0

    mask = Product.get(Product.sku == "HZ-MS-5")
    before = on_hand(mask, "repairable")
    assert shown("HZ-MS-5") == before
    path = xlsx([["SKU", "Zone", "Quantity"], ["HZ-MS-5", "可维修区", 3], ["FZ-CY-M", "repairable", 1]])
    moves_before = StockMove.select().count()
    dialog = start(qtbot, window, "opening", path)
    assert "2 opening stock line(s) posted as QC" in dialog.report.toPlainText()
    assert StockMove.select().count() == moves_before + 2
    qtbot.waitUntil(lambda: shown("HZ-MS-5") == before + 3)
    assert shown("FZ-CY-M") >= 1
    assert "posted" in window.statusBar().currentMessage()
    dialog.close()


def test_cancelling_an_import_writes_nothing(window, qtbot, xlsx):
    import threading

    rows = [["商品编码", "商品名称", "售价"]] + [[f"C{i:05d}", f"商品{i}", 10] for i in range(3000)]
    path = xlsx(rows)
    window.import_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog) and w.isVisible())
    dialog.kind.setCurrentIndex(dialog.kind.findData("products"))
    dialog.path.setText(str(path))
    products_before = Product.select().count()
    # hold the writer thread so that Cancel is surely pressed while the import waits its turn
    gate = threading.Event()
    window.context.ops.run(gate.wait, 10)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    dialog.progress.canceled.emit()  # what its Cancel button does
    gate.set()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    assert dialog.report.toPlainText() == "Cancelled. Nothing was imported."
    assert Product.select().count() == products_before
    dialog.close()


def test_save_template_from_the_dialog(window, qtbot, tmp_path):
    window.import_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog) and w.isVisible())
    dialog.kind.setCurrentIndex(dialog.kind.findData("sales"))
    dialog.save_template_to(tmp_path / "t.xlsx")
    assert "Template saved" in dialog.report.toPlainText()
    header = [c.value for c in load_workbook(tmp_path / "t.xlsx").active[1]]
    assert "Receipt no*" in header or "单号*" in header
    dialog.close()


def test_a_damaged_or_forged_file_is_refused_in_the_dialog_naming_the_file_and_the_cell(window, qtbot, tmp_path):
    """What crashed with a traceback before (issue 16): a cell its type cannot hold, an XML entity attack."""
    import hostile_imports as hostile

    damaged = hostile.one_sheet(tmp_path / "收银导出.xlsx", "sales", hostile.with_value(
        "sales", "单价", hostile.Raw('<c r="{ref}" t="d"><v>not-a-date</v></c>')))
    sales_before = Sale.select().count()
    dialog = start(qtbot, window, "sales", damaged)
    report = dialog.report.toPlainText()
    assert report.startswith("收银导出.xlsx: The file was not imported:") and "Nothing was written" in report
    assert "row 3, column '单价': The cell is stored as a date but holds 'not-a-date'" in report
    dialog.grab().save(str(tmp_path / "import-dialog-damaged.png"))
    cases = {c.name: c for c in hostile.corpus(tmp_path / "corpus", "sales", big=False)}
    for name in ("xxe-sheet", "no-sheets", "encrypted", "1e400-number"):
        dialog.path.setText(str(cases[name].path))
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
        assert cases[name].path.name in dialog.report.toPlainText() and "Nothing was written" in dialog.report.toPlainText()
    assert Sale.select().count() == sales_before
    dialog.close()


def test_unknown_salespeople_are_created_or_mapped_in_the_dialog_and_remembered(window, qtbot, xlsx, tmp_path):
    """Issue 18: a till's nicknames stop the import before anything is written; the dialog asks, per name,
    create or map; Import again goes through; next month's file with the same nickname imports without asking."""
    from shop_aftersales.models import Staff
    from shop_aftersales.services.staff import Approval, save_staff
    from shop_aftersales.ui.import_dialog import CREATE

    header = ["单号", "日期", "商品编码", "数量", "单价", "营业员"]
    path = xlsx([header, ["NS-1", "2026-05-01", "HZ-MS-5", 1, 129, "小李"],
                 ["NS-2", "2026-05-01", "HZ-MS-5", 1, 129, "阿强"],
                 ["NS-3", "2026-05-02", "HZ-MS-5", 1, 129, " 赵敏 "],
                 ["NS-4", "2026-05-02", "HZ-MS-5", 1, 129, "小李"]])
    sales_before, staff_before = Sale.select().count(), Staff.select().count()
    dialog = start(qtbot, window, "sales", path)
    report = dialog.report.toPlainText()
    assert "No staff member is called '小李' (row(s) 2, 5)" in report and "'阿强' (row(s) 3)" in report
    assert "赵敏" not in report  # a staff member's name, written with spaces around it
    assert Sale.select().count() == sales_before and Staff.select().count() == staff_before
    assert dialog.sellers.isVisible()
    names = [dialog.sellers.model.index(r, 0).data() for r in range(dialog.sellers.model.rowCount())]
    assert names == ["小李", "阿强"]
    (_li, li_combo), (_qiang, qiang_combo) = dialog.sellers.combos
    assert li_combo.currentData() == CREATE  # the first choice offered
    li_na = Staff.get(Staff.name == "李娜")
    li_combo.setCurrentIndex(li_combo.findData(li_na.id))
    assert not dialog.sellers.approver.isVisible()  # the demo's owner has no PIN: anyone may add staff
    shots = Path(os.environ.get("SALESPEOPLE_SHOTS") or tmp_path)
    dialog.grab().save(str(shots / "import-dialog-salespeople.png"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    report = dialog.report.toPlainText()
    assert "4 receipt(s) imported" in report and "New sales staff: 阿强." in report, report
    assert "小李 → 李娜" in report and not dialog.sellers.isVisible()
    sold_by = {s.receipt_no: s.staff.name for s in Sale.select().where(Sale.receipt_no.startswith("NS-"))}
    assert sold_by == {"NS-1": "李娜", "NS-2": "阿强", "NS-3": "赵敏", "NS-4": "李娜"}
    # next month: 小李 again, and a new nickname while the owner now has a PIN
    owner = Staff.get(Staff.role == "owner")
    save_staff(owner.id, owner.name, "owner", True, "2468", Approval(owner, ""))
    later = xlsx([header, ["NS-5", "2026-06-01", "HZ-MS-5", 1, 129, "小李"],
                  ["NS-6", "2026-06-01", "HZ-MS-5", 1, 129, "小周"]])
    dialog.path.setText(str(later))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    assert [n.name for n, _c in dialog.sellers.combos] == ["小周"]  # 小李 is remembered
    assert dialog.sellers.approver.isVisible()  # creating 小周 is the owner's step now
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # without the PIN: refused, nothing written
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    assert not Sale.select().where(Sale.receipt_no == "NS-5").exists()
    assert "Nothing was imported: " in dialog.report.toPlainText() and dialog.sellers.isVisible()
    dialog.sellers.approver.owner.setCurrentIndex(dialog.sellers.approver.owner.findData(owner.id))
    dialog.sellers.approver.pin.setText("2468")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    assert "remembered from earlier imports: 小李 → 李娜" in dialog.report.toPlainText()
    assert Sale.get(Sale.receipt_no == "NS-5").staff.name == "李娜"
    assert Sale.get(Sale.receipt_no == "NS-6").staff.name == "小周"
    dialog.close()
