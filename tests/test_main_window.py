"""The main window through real widgets, on a real SQLite file, driven by qtbot."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFrame

from shop_aftersales import __version__
from shop_aftersales.models import Customer, Product, Sale, SaleLine
from shop_aftersales.services.base import business_step
from shop_aftersales.services.ledger import MoveRequest, move
from shop_aftersales.ui.context import AppContext
from shop_aftersales.ui.main_window import MainWindow
from shop_aftersales.ui.records import ProductDialog, SaleDialog
from shop_aftersales.ui.search import SearchResultsDialog

pytestmark = pytest.mark.gui


def open_window(qtbot, data_dir) -> MainWindow:
    window = MainWindow(AppContext(data_dir))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def open_dialogs(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def close_dialogs():
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QDialog) and w.isVisible():
            w.close()


def test_it_opens_on_the_demo_shop(window, demo_shop):
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["Today", "Intake", "Stock", "Repairs", "Resale", "Reports"]
    assert window.tabs.currentWidget() is window.today_tab  # each role starts from its queue
    assert "星河生活馆" in window.windowTitle()
    assert window.stock_tab.model.rowCount() == Product.select().count()
    assert window.staff_combo.count() == 7
    assert str(demo_shop) in window.data_label.text()
    assert window.search.hasFocus()
    assert __version__ in window.about_text()


def test_stock_is_read_from_the_ledger_per_zone(window, qtbot):
    from shop_aftersales.services.ledger import on_hand

    window.tabs.setCurrentWidget(window.stock_tab)
    tab = window.stock_tab
    model = tab.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:5] == ["SKU", "Product", "Model", "Category", "Sellable stock"] and headers[-1] == "Total"
    zones = {"Sellable stock": "sellable", "Inspection": "inspection", "Repairable": "repairable",
             "Resale shelf": "resale"}
    for r in range(model.rowCount()):  # the shop's stock: its own units only
        product = Product.get(Product.sku == model.index(r, 0).data())
        for title, code in zones.items():
            shown = model.index(r, headers.index(title)).data()
            assert int(shown or 0) == on_hand(product, code, customer_owned=False), (product.sku, code)

    tab.zone.setCurrentIndex(tab.zone.findData("inspection"))
    in_inspection = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert in_inspection == {p.sku for p in Product.select() if on_hand(p, "inspection", customer_owned=False)}
    tab.zone.setCurrentIndex(tab.zone.findData(None))
    # customers' units in for warranty repair are listed apart, never with the shop's
    tab.whose.setCurrentIndex(1)
    theirs = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert theirs and theirs == {p.sku for p in Product.select()
                                 if any(on_hand(p, code, customer_owned=True)
                                        for code in ("inspection", "repairable", "in_repair", "pickup"))}
    assert f"({model.total()})" in tab.whose.itemText(1)
    tab.whose.setCurrentIndex(0)
    tab.zone.setCurrentIndex(tab.zone.findData(None))
    tab.filter.setText("no-such-product")
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    assert tab.stack.currentWidget() is tab.view  # a filter with no rows is not "no stock yet"
    tab.filter.clear()

    tab.filter.insert("椅")  # typed through an input method (QTest cannot type CJK keys)
    chairs = 7  # four chairs for sale and the three spare parts for chairs (气压棒, 椅子扶手, 静音滚轮) have stock
    qtbot.waitUntil(lambda: model.rowCount() == chairs)
    assert all("椅" in model.index(r, 1).data() + model.index(r, 3).data() for r in range(chairs))
    assert tab.count.text() == f"{chairs} products"


def test_sorting_happens_in_the_database(window):
    view = window.stock_tab.view
    total = window.stock_tab.model.columnCount() - 1
    view.sortByColumn(total, Qt.SortOrder.DescendingOrder)
    values = [int(window.stock_tab.model.index(r, total).data()) for r in range(window.stock_tab.model.rowCount())]
    assert values == sorted(values, reverse=True)


def test_double_click_opens_the_product_with_its_moves(window, qtbot):
    view = window.stock_tab.view
    rect = view.visualRect(window.stock_tab.model.index(0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialogs = open_dialogs(ProductDialog)
    assert len(dialogs) == 1
    moves = dialogs[0].moves_model
    assert moves.rowCount() >= 1
    pairs = {(moves.index(r, 1).data(), moves.index(r, 2).data()) for r in range(moves.rowCount())}
    assert ("Stock adjustment", "Sellable stock") in pairs  # its opening stock
    close_dialogs()


def test_a_scanned_receipt_opens_the_return_form(window, qtbot):
    from shop_aftersales.services.returns import returnable_lines

    sale = next(s for s in Sale.select().order_by(Sale.id.desc())
                if any(line.returnable for line in returnable_lines(s.id)))
    qtbot.keyClicks(window.search, sale.receipt_no)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert open_dialogs(SaleDialog) == []
    assert window.current_page() is window.intake_tab.form and window.intake_tab.form.sale.id == sale.id
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.selectedText() == sale.receipt_no  # back in the search box, the next scan replaces it


def test_a_scanned_receipt_with_everything_back_opens_the_sale(window, qtbot):
    from shop_aftersales.services.returns import returnable_lines

    sale = next(s for s in Sale.select().order_by(Sale.id.desc())
                if not any(line.returnable for line in returnable_lines(s.id)))
    qtbot.keyClicks(window.search, sale.receipt_no)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    dialogs = open_dialogs(SaleDialog)
    assert [d.windowTitle() for d in dialogs] == [f"Receipt {sale.receipt_no}"]
    assert dialogs[0].return_button.isDefault()
    close_dialogs()


def test_a_scanned_serial_finds_the_sale_it_was_sold_on(window, qtbot):
    line = SaleLine.select().where(SaleLine.serial.is_null(False)).first()
    window.search.setText(line.serial)
    qtbot.keyClick(window.search, Qt.Key.Key_Enter)
    assert [d.windowTitle() for d in open_dialogs(SaleDialog)] == [f"Receipt {line.sale.receipt_no}"]
    close_dialogs()


def test_a_phone_number_lists_that_customers_sales(window, qtbot):
    customer = (Customer.select().join(Sale).group_by(Customer.id)
                .order_by(Customer.id).first())
    expected = Sale.select().where(Sale.customer == customer).count()
    assert expected > 1
    window.search.setText(customer.phone)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    results = open_dialogs(SearchResultsDialog)
    assert len(results) == 1 and results[0].list.count() == expected
    results[0].list.setCurrentRow(0)
    qtbot.keyClick(results[0].list, Qt.Key.Key_Return)
    assert len(open_dialogs(SaleDialog)) == 1
    close_dialogs()


def test_nothing_found_says_so_and_keeps_the_text(window, qtbot):
    window.search.setText("no-such-thing-42")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert "Nothing found" in window.statusBar().currentMessage()
    assert window.search.text() == "no-such-thing-42"


def test_ctrl_f_focuses_the_search_box(window, qtbot):
    window.stock_tab.filter.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()


def test_an_empty_shop_shows_what_the_stock_tab_is_for(qtbot, shop):
    window = open_window(qtbot, shop)
    try:
        assert window.stock_tab.stack.currentWidget() is window.stock_tab.empty
        assert window.staff_combo.currentText() == "(no staff yet)"
    finally:
        window.context.ops.shutdown()


def test_a_long_list_loads_page_by_page(qtbot, shop):
    @business_step
    def many_products():
        for i in range(450):
            product = Product.create(sku=f"P{i:04d}", name=f"商品 {i}", list_price=Decimal("9.90"))
            move(MoveRequest(product, 1 + i % 5, "adjustment", "sellable"))

    many_products()
    window = open_window(qtbot, shop)
    try:
        model = window.stock_tab.model
        assert model.total() == 450
        assert model.rowCount() == model.PAGE
        view = window.stock_tab.view
        while model.canFetchMore(QModelIndex()):
            view.scrollToBottom()
            qtbot.wait(10)
        assert model.rowCount() == 450
        assert model.index(449, 0).data() == "P0449" or model.index(449, 1).data()
    finally:
        window.context.ops.shutdown()


def _status_bar_apart(window) -> None:
    """The count, the staff box and the data folder stand apart: at least a separator's width between them."""
    window.resize(1280, 780)
    QApplication.processEvents()
    bar = window.statusBar()
    waiting = window.waiting_label.geometry()
    staff = window.staff_label.geometry()
    combo = window.staff_combo.geometry()
    data = window.data_label.geometry()
    assert window.waiting_label.text() and waiting.width() >= window.waiting_label.sizeHint().width()
    assert waiting.right() + 12 <= staff.left(), (waiting, staff)  # the count is not read as part of the name
    assert combo.right() + 12 <= data.left(), (combo, data)
    assert data.right() <= bar.width() and waiting.left() >= 0
    separators = [w for w in bar.findChildren(QFrame) if w.frameShape() == QFrame.Shape.VLine and w.isVisible()]
    assert len(separators) >= 2
    boxes = [waiting, staff, combo, data]
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:]), boxes  # none overlaps


def test_the_status_bar_count_stands_apart_from_the_staff_box(window, tmp_path):
    _status_bar_apart(window)
    window.grab().save(str(tmp_path / "main-en.png"))


def test_in_chinese_the_status_bar_and_the_title(qtbot, demo_shop, tmp_path):
    from shop_aftersales import translations

    translations.install("zh_CN")
    try:
        window = open_window(qtbot, demo_shop)
        try:
            assert window.windowTitle().endswith(" — 售后管家")
            assert "waiting" not in window.waiting_label.text()
            _status_bar_apart(window)
            window.grab().save(str(tmp_path / "main-zh_CN.png"))
        finally:
            window.context.ops.shutdown()
    finally:
        translations.uninstall()


def test_the_display_name_is_translated(tmp_path):
    """On Windows Qt ends every dialog's title with the application's display name: in Chinese, 售后管家."""
    import subprocess
    import sys

    from helpers import app_env

    code = ("from shop_aftersales.app import create_application\n"
            "app = create_application([], 'zh_CN')\n"
            "print(app.applicationDisplayName())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env=app_env(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path)), check=True).stdout
    assert out.strip().splitlines()[-1] == "售后管家"
