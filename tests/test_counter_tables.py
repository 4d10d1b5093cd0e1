"""What a shop assistant trips on in the lists (issue 17, part 4), through the real widgets on the demo shop: the
Today selection follows its entry, a message needs a contact, tables fill their page at 1280 px in English and
Chinese, the repair board shows the whole week, Enter / Ctrl+O open the selected row, the ID card links to its
repairs and says which part and how many hours, the repair-cost chart's legend and axis, the export's name."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QScrollArea, QTabWidget

from helpers import settle, visible
from shop_aftersales.models import AftersalesItem, Customer, ItemEvent, RepairOrder, RepairPart, ResaleSale
from shop_aftersales.services import queues

pytestmark = pytest.mark.gui


def told(item_id: int) -> bool:
    return ItemEvent.select().where((ItemEvent.item == item_id) & ItemEvent.data.contains("told")).exists()


def message_entries(page) -> list[int]:
    return [r for r, e in enumerate(page.entries) if e.message]


# ------------------------------------------------------------------ Today


def test_the_selected_entry_stays_selected_when_the_list_changes(window, qtbot):
    """Select X; another customer's entry above it leaves the list (told elsewhere): X is still the one selected,
    and "copy the message" tells X's customer, not the one now on X's old row."""
    sales = window.today_tab.queue_pages["sales"]
    window.today_tab.pages.setCurrentWidget(sales)
    rows = message_entries(sales)
    assert len(rows) >= 3, "the demo's sales queue has customers to tell"
    above, chosen = sales.entries[rows[0]], sales.entries[rows[1]]
    sales.table.selectRow(rows[1])
    assert sales.entries[sales.table.currentRow()] is chosen
    window.context.ops.run(queues.customer_told, above.item_id, above.message, window.context.staff)
    settle(qtbot, window)
    assert above.item_id not in [e.item_id for e in sales.entries if e.message == above.message]  # the list changed
    selected = sales.table.selectionModel().selectedRows()
    assert len(selected) == 1
    now_selected = sales.entries[selected[0].row()]
    assert (now_selected.item_id, now_selected.message) == (chosen.item_id, chosen.message)
    neighbour = sales.entries[rows[1]] if rows[1] < len(sales.entries) else None
    qtbot.mouseClick(sales.message_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert told(chosen.item_id)
    if neighbour is not None and neighbour.item_id != chosen.item_id:
        assert not told(neighbour.item_id)  # the customer now on the old row was not marked as told


def test_an_entry_that_leaves_the_list_leaves_nothing_selected(window, qtbot):
    sales = window.today_tab.queue_pages["sales"]
    rows = message_entries(sales)
    chosen = sales.entries[rows[0]]
    sales.table.selectRow(rows[0])
    window.context.ops.run(queues.customer_told, chosen.item_id, chosen.message, window.context.staff)
    settle(qtbot, window)
    assert sales.table.selectionModel().selectedRows() == []
    assert not sales.message_button.isEnabled() and not sales.open_button.isEnabled()


def test_a_customer_without_name_or_phone_cannot_be_sent_a_message(window, qtbot):
    sales = window.today_tab.queue_pages["sales"]
    entry = sales.entries[message_entries(sales)[0]]
    customer = AftersalesItem.get_by_id(entry.item_id).order.customer
    Customer.update(name="", phone="").where(Customer.id == customer.id).execute()
    window.today_tab.reload()
    row = next(r for r, e in enumerate(sales.entries) if (e.item_id, e.message) == (entry.item_id, entry.message))
    what = sales.entries[row].what
    assert "—" not in what and "the customer" in what.lower()  # never "—的…": a missing name reads "the customer"
    sales.table.selectRow(row)
    assert not sales.message_button.isEnabled()
    assert "contact" in sales.message_button.toolTip()
    assert sales.copy_message(row) == ""
    settle(qtbot, window)
    assert not told(entry.item_id)


def test_no_sentence_glues_a_dash_to_a_missing_name(window):
    """Every queue text that names the customer: none reads "—'s …" (in Chinese "—的…")."""
    Customer.update(name="").execute()
    texts = [e.what for entries in queues.queues().values() for e in entries]
    naming = [t for t in texts if t.startswith("Tell ") or "'s " in t]
    assert naming and not [t for t in texts if "—" in t or "  " in t or t.startswith("'")]
    assert all("the customer" in t.lower() for t in naming), naming


# ------------------------------------------------------------------ 1280 px, en and zh_CN


@pytest.fixture(params=["en", "zh_CN"])
def wide_window(request, qtbot, demo_shop):
    from shop_aftersales import translations
    from shop_aftersales.ui.context import AppContext
    from shop_aftersales.ui.main_window import MainWindow

    if request.param != "en":
        translations.install(request.param)
    try:
        w = MainWindow(AppContext(demo_shop))
        qtbot.addWidget(w)
        w.resize(1280, 800)
        w.show()
        qtbot.waitExposed(w)
        yield w
        w.context.ops.shutdown()
    finally:
        if request.param != "en":
            translations.uninstall()


def pages_of(window):
    """(name, page) for every tab and sub-page this part of the app owns."""
    for tab in (window.today_tab, window.stock_tab, window.repairs_tab, window.resale_tab, window.reports_tab,
                window.intake_tab):
        window.tabs.setCurrentWidget(tab)
        pages = getattr(tab, "pages", None)
        if not isinstance(pages, QTabWidget):
            yield type(tab).__name__, tab
            continue
        for index in range(pages.count()):
            pages.setCurrentIndex(index)
            yield f"{type(tab).__name__}/{index}", pages.currentWidget()


def cut_titles(view) -> list[str]:
    """The column titles narrower than their text (QFontMetrics): shown cut, "Alread…"."""
    header, model = view.horizontalHeader(), view.model()
    metrics = header.fontMetrics()
    margin = header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin, None, header)
    cut = []
    for col in range(model.columnCount()):
        title = (header.shown_title(col) if hasattr(header, "shown_title")  # as drawn, maybe on two lines
                 else str(model.headerData(col, Qt.Orientation.Horizontal) or ""))
        need = max(metrics.horizontalAdvance(line) for line in title.split("\n")) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == col:
            need += metrics.height()
        if not header.isSectionHidden(col) and header.sectionSize(col) < need:
            cut.append(title)
    return cut


def test_every_list_fills_its_page_at_1280_px(wide_window, qtbot, tmp_path):
    problems = []
    for name, page in pages_of(wide_window):
        qtbot.wait(30)
        views = [v for v in page.findChildren(QAbstractItemView) if v.isVisible() and hasattr(v, "horizontalHeader")]
        for view in views:
            header, model = view.horizontalHeader(), view.model()
            if view.horizontalScrollBar().isVisible():
                problems.append(f"{name}: scrolls sideways")
            cut = cut_titles(view)
            if cut:
                problems.append(f"{name}: titles cut {cut}")
            shown = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)]
            if shown:
                right = header.sectionViewportPosition(shown[-1]) + header.sectionSize(shown[-1])
                if right < view.viewport().width() - 2:
                    problems.append(f"{name}: {view.viewport().width() - right} px of grey at the right")
        for area in page.findChildren(QAbstractScrollArea):
            if area.isVisible() and not isinstance(area, QAbstractItemView) and area.horizontalScrollBar().isVisible():
                problems.append(f"{name}: {type(area).__name__} scrolls sideways")
        wide_window.grab().save(str(tmp_path / f"{name.replace('/', '-')}.png"))
    assert not problems, problems


def test_the_repair_board_shows_the_whole_week_at_1280_px(wide_window, qtbot):
    wide_window.tabs.setCurrentWidget(wide_window.repairs_tab)
    board = wide_window.repairs_tab.board
    qtbot.wait(30)
    assert len(board.board.days) == 7
    [scroll] = [area for area in board.findChildren(QScrollArea) if area.widget() is board.grid_host]
    assert not scroll.horizontalScrollBar().isVisible()
    viewport = scroll.viewport().rect()
    for (_tech, day), cell in board.cells.items():
        place = cell.mapTo(scroll.viewport(), cell.rect().topRight())
        assert viewport.contains(place), day  # every day's right edge is in view


def test_a_long_title_goes_on_two_lines_rather_than_being_cut(window):
    stock = window.stock_tab
    window.tabs.setCurrentWidget(stock)
    header = stock.view.horizontalHeader()
    titles = [header.shown_title(c) for c in range(stock.model.columnCount())]
    assert any("\n" in t for t in titles)  # "Ready for\npickup" as drawn; the model's title stays whole
    assert "Ready for pickup" in [stock.model.headerData(c, Qt.Orientation.Horizontal)
                                  for c in range(stock.model.columnCount())]
    assert cut_titles(stock.view) == []


# ------------------------------------------------------------------ Enter and Ctrl+O open the selected row


@pytest.mark.parametrize("key", ["enter", "ctrl+o"])
def test_enter_and_ctrl_o_open_the_selected_rows_id_card(window, qtbot, key):
    from shop_aftersales.ui.item_card import ItemCard
    from shop_aftersales.ui.records import ProductDialog
    from shop_aftersales.ui.repair_dialogs import RepairDialog

    def press(view):
        view.setFocus()
        if key == "enter":
            qtbot.keyClick(view, Qt.Key.Key_Return)
        else:
            qtbot.keyClick(view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)

    def opened(kind):
        dialog = visible(kind)
        dialog.close()
        return dialog

    lists = [(window.intake_tab, window.intake_tab.inspection), (window.resale_tab, window.resale_tab.qc),
             (window.resale_tab, window.resale_tab.shelf), (window.resale_tab, window.resale_tab.sold),
             (window.repairs_tab, window.repairs_tab.pickup)]
    for tab, page in lists:
        window.tabs.setCurrentWidget(tab)
        tab.pages.setCurrentWidget(page)
        page.view.selectRow(0)
        row_id = page.model.row_id(0)
        press(page.view)
        expected = ResaleSale.get_by_id(row_id).item_id if page is window.resale_tab.sold else row_id
        assert opened(ItemCard).item_id == expected, page.model.source  # the unit's ID card
    repairs = window.repairs_tab
    window.tabs.setCurrentWidget(repairs)
    repairs.pages.setCurrentWidget(repairs.progress)
    repairs.progress.view.selectRow(0)
    press(repairs.progress.view)
    assert opened(RepairDialog).repair_id == repairs.progress.model.row_id(0)  # a repair's card: the repair
    window.tabs.setCurrentWidget(window.stock_tab)
    window.stock_tab.view.selectRow(0)
    press(window.stock_tab.view)
    opened(ProductDialog)  # a product's
    today = window.today_tab
    window.tabs.setCurrentWidget(today)
    warehouse = today.queue_pages["warehouse"]
    today.pages.setCurrentWidget(warehouse)
    row = next(r for r, e in enumerate(warehouse.entries) if e.repair_id is None)
    warehouse.table.selectRow(row)
    press(warehouse.table)
    assert opened(ItemCard).item_id == warehouse.entries[row].item_id


# ------------------------------------------------------------------ the ID card


def test_the_id_card_links_to_its_repair_and_names_parts_and_hours(window, qtbot):
    from shop_aftersales.ui.item_card import ItemCard
    from shop_aftersales.ui.repair_dialogs import RepairDialog

    used = RepairPart.select().order_by(RepairPart.id).first()
    repair = RepairOrder.get_by_id(used.repair_id)
    card = ItemCard(window.context, repair.item_id, window)
    qtbot.addWidget(card)
    card.show()
    assert repair.number in card.repairs_link.text()
    card.repairs_link.linkActivated.emit(str(repair.id))
    dialog = card.last_dialog
    assert isinstance(dialog, RepairDialog) and dialog.repair_id == repair.id
    dialog.close()
    whats = [card.history_table.item(r, 2).text() for r in range(card.history_table.rowCount())]
    part = used.product.name
    assert any(f"Part used: {part} ×{used.quantity}" in w for w in whats), whats
    hours = [w for w in whats if "Hours logged: " in w]
    assert hours and all(" h" in w for w in hours)
    card.close()


# ------------------------------------------------------------------ the repair-cost chart and the export's name


def test_the_repair_cost_chart_names_each_series_once_beside_the_bars(window, qtbot):
    import pyqtgraph as pg

    reports = window.reports_tab
    window.tabs.setCurrentWidget(reports)
    reports.pages.setCurrentWidget(reports.repair_cost)
    page = reports.repair_cost
    qtbot.waitUntil(lambda: page.chart is not None)
    reports._show_page(page, again=True)  # a second drawing must not add the names again
    chart = page.chart
    scene = chart.widget.scene()
    legends = [item for item in scene.items() if isinstance(item, pg.LegendItem) and item.isVisible()]
    names = [label.text for legend in legends for _sample, label in legend.items]
    assert names == ["Labour", "Parts", "Outside fees"]
    qtbot.wait(30)
    plot_area = chart.plot.vb.sceneBoundingRect()
    assert not any(legend.sceneBoundingRect().intersects(plot_area) for legend in legends)  # not over the bars
    keys = [row[0] for row in page.model.rows]
    ticks = [label for _pos, label in chart.plot.getAxis("bottom")._tickLevels[0]]
    assert ticks == keys
    start, end = reports.period().start, reports.period().end
    months = []
    day = start.replace(day=1)
    while day <= end:
        months.append(f"{day:%Y-%m}")
        day = (day + dt.timedelta(days=32)).replace(day=1)
    assert keys == months  # every month of the period
    assert page.model.headers[0] == "Month" and "Key" not in page.model.headers
    page.by.setCurrentIndex(page.by.findData("technician"))
    assert page.model.headers[0] == "Technician"


def test_the_suggested_workbook_name_is_in_the_users_words():
    from shop_aftersales.ui.reports_tab import export_file_name

    assert export_file_name(dt.date(2026, 12, 1), dt.date(2026, 12, 31)) == "after-sales-report-2026-12.xlsx"
    assert (export_file_name(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
            == "after-sales-report-2026-01-01-to-2026-03-31.xlsx")
    assert (export_file_name(dt.date(2026, 2, 3), dt.date(2026, 2, 20))
            == "after-sales-report-2026-02-03-to-2026-02-20.xlsx")


def test_a_list_keeps_its_selected_row_when_it_is_refreshed(window, qtbot):
    """A work list reloads on every change; the unit selected stays selected, wherever its row went."""
    shelf = window.resale_tab.shelf
    window.tabs.setCurrentWidget(window.resale_tab)
    window.resale_tab.pages.setCurrentWidget(shelf)
    assert shelf.model.rowCount() >= 3
    chosen = shelf.model.row_id(2)
    shelf.view.selectRow(2)
    shelf.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # the rows come back in another order
    shelf.reload()
    assert shelf.selected_id() == chosen


def test_the_suggested_online_listings_name_is_translated_and_dated(window):
    from shop_aftersales.clock import today

    assert window.resale_tab.online_listings_file_name() == f"online-listings-{today():%Y-%m-%d}.xlsx"


def test_the_intake_form_shows_a_receipt_whole_at_1280_px(wide_window, qtbot, tmp_path):
    """The receipt's lines on the intake form: every column title whole ("Already back", not "Alread…"), no
    sideways scrolling, in English and Chinese."""
    from shop_aftersales.models import Sale, SaleLine

    wide_window.tabs.setCurrentWidget(wide_window.intake_tab)
    form = wide_window.intake_tab.form
    sale = max(Sale.select(), key=lambda s: (SaleLine.select().where(SaleLine.sale == s).count(), s.id))
    form.load_sale(sale.id)
    qtbot.wait(30)
    assert form.table.rowCount() >= 3
    assert not form.table.horizontalScrollBar().isVisible()
    assert cut_titles(form.table) == []
    wide_window.grab().save(str(tmp_path / "intake.png"))


def test_a_click_on_a_column_title_sorts_the_list(wide_window, qtbot):
    """Every list's titles are clickable (the header that wraps long titles once was not: no list sorted)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    wide_window.tabs.setCurrentWidget(wide_window.intake_tab)
    wide_window.intake_tab.pages.setCurrentIndex(2)  # the return orders
    page = wide_window.intake_tab.pages.currentWidget()
    view = next(v for v in page.findChildren(QAbstractItemView) if v.isVisible() and hasattr(v, "horizontalHeader"))
    header = view.horizontalHeader()
    assert header.sectionsClickable()
    before = header.sortIndicatorSection()
    column = 1 if before != 1 else 2
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    point = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.wait(50)
    assert header.sortIndicatorSection() == column
    assert view.model()._sort[0] == column  # the rows were fetched again in that order
