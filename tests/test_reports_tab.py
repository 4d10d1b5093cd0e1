"""The Reports tab through the real widgets, on the demo shop (a year of returns with one bad batch)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QLabel
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from helpers import settle  # noqa: E402
from shop_aftersales.ui.reports_tab import ItemsDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def reports(window, qtbot):
    window.tabs.setCurrentWidget(window.reports_tab)
    tab = window.reports_tab
    tab.preset.setCurrentIndex(tab.preset.findData("last_12"))
    return tab


def test_the_bad_batch_shows_as_a_spike_and_its_units_open(reports, qtbot):
    assert "units came back" in reports.headline.text()
    spikes = [c for c in reports._counts if c.spike]
    assert len(spikes) == 1  # the demo's bad batch of earbuds
    row = reports._counts.index(spikes[0])
    assert reports.over_time.model.rows[row][3] == "▲ spike"
    dialog = reports.open_period(row)
    assert isinstance(dialog, ItemsDialog) and len(dialog.ids) == spikes[0].units or len(dialog.ids) > 0
    assert any("P3" in r[2] for r in dialog.model.rows)
    # a batch or a person? the spike's salespeople and batches side by side, one click away
    breakdown = dialog.open_breakdown()
    qtbot.waitUntil(breakdown.isVisible)
    texts = " ".join(label.text() for label in breakdown.findChildren(QLabel))
    assert "batch" in texts and "EJ-P3" in texts  # the demo's bad batch of earbuds, whoever sold it
    breakdown.close()
    dialog.close()


def test_the_charts_show_the_figures_of_their_tables(reports, qtbot):
    import pyqtgraph as pg

    def bars(page):
        qtbot.waitUntil(lambda: page.chart is not None)
        return [item for item in page.chart.plot.items if isinstance(item, pg.BarGraphItem)]

    over_time = bars(reports.over_time)
    assert len(over_time) == 1
    assert list(over_time[0].opts["height"]) == [float(c.units) for c in reports._counts]
    reports.pages.setCurrentWidget(reports.repair_cost)
    stacked = bars(reports.repair_cost)  # labour, parts and outside fees, stacked
    assert len(stacked) == 3 and len(stacked[0].opts["x"]) == len(reports.repair_cost.model.rows)


def test_return_rates_put_the_bad_batch_first(reports, qtbot):
    reports.pages.setCurrentWidget(reports.rates)
    reports.rates.by.setCurrentIndex(reports.rates.by.findData("batch"))
    first = reports.rates.model.rows[0]
    assert first[0].startswith("EJ-P3-WH /") and first[3] == "100.0%"


def test_reasons_and_costs_are_shown(reports):
    reports.pages.setCurrentWidget(reports.reasons)
    reasons = reports.reasons.model.rows
    assert reasons and reasons[-1][3] == "100.0%"
    reports.pages.setCurrentWidget(reports.cost)
    labels = [r[0] for r in reports.cost.model.rows]
    assert labels[0] == "Refunds" and labels[-1] == "Net cost"
    reports.pages.setCurrentWidget(reports.ageing)
    reports.pages.setCurrentWidget(reports.times)
    assert reports.ageing.model.rows and reports.times.note.text()


def test_a_page_is_computed_when_it_is_opened(reports):
    """On a busy shop each page is a query over a year: only the headline and the page in view are computed."""
    assert reports.pages.currentWidget() is reports.over_time and reports.over_time.model.rows
    assert reports.rates.model.rows == [] and reports.ageing.model.rows == []
    reports.pages.setCurrentWidget(reports.rates)
    by_supplier = list(reports.rates.model.rows)
    assert by_supplier
    reports.pages.setCurrentWidget(reports.over_time)
    reports.preset.setCurrentIndex(reports.preset.findData("this_month"))  # a new period: pages go stale
    reports.pages.setCurrentWidget(reports.rates)
    assert reports.rates.model.rows != by_supplier  # recomputed for the new period on opening


def test_the_product_filter_finds_a_product_by_part_of_its_name(reports, qtbot):
    reports.pages.setCurrentWidget(reports.rates)
    combo = reports.product
    assert combo.count() > 1 and combo.isEditable()
    earbuds = next(i for i in range(1, combo.count()) if combo.itemText(i).startswith("EJ-P3-WH"))
    completer = combo.completer()
    completer.setCompletionPrefix("p3-wh")  # part of the code, in lower case
    assert completer.completionCount() >= 1 and completer.currentCompletion() == combo.itemText(earbuds)
    combo.setEditText(combo.itemText(earbuds))  # what picking the suggestion leaves in the box
    reports.rates.by.setCurrentIndex(reports.rates.by.findData("product"))
    reports.refresh()
    from shop_aftersales.models import Product

    assert reports.period().product_id == Product.get(Product.sku == "EJ-P3-WH").id
    assert [r[0] for r in reports.rates.model.rows] == [combo.itemText(earbuds)]  # that product and no other


def test_a_product_that_does_not_exist_is_refused_and_kept(reports, monkeypatch):
    shown = []
    monkeypatch.setattr("shop_aftersales.ui.reports_tab.show_error", lambda p, e: shown.append(str(e)))
    before = reports.headline.text()
    reports.product.setEditText("no such thing")
    reports.refresh()
    assert shown and "No product matches" in shown[0]
    assert reports.product.currentText() == "no such thing" and reports.headline.text() == before
    reports.product.setEditText("")  # empty means all products again
    assert reports.period().product_id is None


def test_a_period_that_ends_before_it_starts_keeps_the_dates(reports, monkeypatch):
    shown = []
    monkeypatch.setattr("shop_aftersales.ui.reports_tab.show_error", lambda p, e: shown.append(str(e)))
    reports.preset.setCurrentIndex(reports.preset.findData("custom"))
    reports.start.setDate(reports.end.date().addDays(5))
    reports.refresh()
    assert shown and "after it ends" in shown[0]
    assert reports.start.date() > reports.end.date()  # what was typed is kept


def test_an_empty_period_says_so(reports):
    from PySide6.QtCore import QDate

    reports.preset.setCurrentIndex(reports.preset.findData("custom"))
    reports.start.setDate(QDate(2020, 1, 1))
    reports.end.setDate(QDate(2020, 1, 31))
    reports.refresh()
    assert reports.headline.text() == "No after-sales in this period."


def test_the_workbook_is_written_off_the_gui_thread(reports, qtbot, window, tmp_path):
    path = tmp_path / "year.xlsx"
    reports.export_to(path)
    settle(qtbot, window, 30_000)
    assert "Summary" in load_workbook(path, read_only=True).sheetnames
    assert "Workbook saved" in window.statusBar().currentMessage()


def test_cancelling_the_export_writes_nothing(reports, qtbot, window, tmp_path):
    gate = threading.Event()
    window.context.ops.run(gate.wait, 10)  # hold the writer so Cancel is pressed before the export runs
    out = tmp_path / "out"
    out.mkdir()
    reports.export_to(out / "cancelled.xlsx")
    reports.export_progress.canceled.emit()
    gate.set()
    settle(qtbot, window, 30_000)
    assert list(out.iterdir()) == []  # neither the workbook nor a temporary file
    assert "cancelled" in window.statusBar().currentMessage()


def test_the_tab_opens_on_the_last_12_months_then_on_the_users_choice(window, qtbot):
    """Not on "this month", which on the 1st holds nothing yet; a period the user picks is kept for next time."""
    import datetime as dt

    from shop_aftersales import clock, config
    from shop_aftersales.clock import today
    from shop_aftersales.reports.analytics import add_months
    from shop_aftersales.ui.reports_tab import SETTING_END, SETTING_PRESET, SETTING_START, ReportsTab

    tab = window.reports_tab
    assert tab.preset.currentData() == "last_12"
    assert tab.start.date().toPython() == add_months(today().replace(day=1), -11)
    assert tab.end.date().toPython() == today()
    with clock.frozen(clock.now() + dt.timedelta(days=1)):  # the window is left open past midnight
        window.context.check_date()
        assert tab.end.date().toPython() == clock.today()
    window.context.check_date()
    try:
        custom = tab.preset.findData("custom")
        tab.preset.setCurrentIndex(custom)
        tab.preset.activated.emit(custom)  # what a click in the list sends
        tab.start.setDate(dt.date(2026, 2, 1))
        tab.end.setDate(dt.date(2026, 4, 30))
        qtbot.mouseClick(tab.show_button, Qt.MouseButton.LeftButton)
        again = ReportsTab(window.context)
        qtbot.addWidget(again)
        assert again.preset.currentData() == "custom"
        assert (again.start.date().toPython(), again.end.date().toPython()) == (dt.date(2026, 2, 1),
                                                                               dt.date(2026, 4, 30))
    finally:
        for key in (SETTING_PRESET, SETTING_START, SETTING_END):
            config.settings().remove(key)


def test_every_cost_beside_the_previous_period_and_a_measure_on_the_trend(reports, qtbot, window):
    """Issue 18, part 2: the headline and the Cost page show the previous period of the same length and the
    change with its direction; a measure added in the panel is marked on the trend chart with its label."""
    import datetime as dt

    from PySide6.QtCore import QDate

    from shop_aftersales.reports import analytics

    reports.preset.setCurrentIndex(reports.preset.findData("custom"))
    reports.start.setDate(QDate(2026, 3, 1))
    reports.end.setDate(QDate(2026, 3, 31))
    reports.refresh()
    ours = analytics.before_after(reports.period())
    assert "Against 2026-02, the previous period of the same length:" in reports.compared.text()
    reports.pages.setCurrentWidget(reports.cost)
    model = reports.cost.model
    assert model.headers == ["Cost of after-sales", "Amount", "Previous period", "Change", "Change %", "Direction"]
    refunds = model.rows[0]
    assert (refunds[1], refunds[2]) == (ours["refunds"].current, ours["refunds"].previous)
    expected = {analytics.GOOD: "▼ better", analytics.BAD: "▲ worse", analytics.SAME: "= unchanged"}
    assert refunds[5] == expected[ours["refunds"].direction]
    colour = model.data(model.index(0, 5), Qt.ItemDataRole.ForegroundRole).name()
    assert colour == {analytics.GOOD: "#2e7d32", analytics.BAD: "#c62828", analytics.SAME: "#666666"}[
        ours["refunds"].direction]
    qtbot.waitUntil(lambda: reports.cost.chart is not None)
    chart = reports.cost.chart
    assert chart.legend_names() == ["Repair cost", "Return shipping", "Refunds"]
    assert chart.axis_labels()[-2:] == ["2026-02", "2026-03"] and len(chart.axis_labels()) == 12
    points = analytics.trend(reports.period())
    import pyqtgraph as pg

    lines = [item for item in chart.plot.items if isinstance(item, pg.PlotDataItem)]
    assert [list(line.yData) for line in lines][2] == [float(p.figures["refunds"]) for p in points]
    # a measure noted in the panel: on the chart at its day, with its label, and listed with who noted it
    panel = reports.measures
    assert not panel.add_button.isEnabled()  # nothing typed yet
    panel.date.setDate(QDate(2026, 3, 16))
    panel.text.setText("换了新快递公司")
    assert panel.add_button.isEnabled()
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: chart.mark_labels() != [])
    [(x, label)] = chart.mark_labels()
    assert label == "03-16 换了新快递公司" and x == pytest.approx(11 - 0.5 + 15 / 31)
    assert panel.model.rows[0][:2] == ["2026-03-16", "换了新快递公司"]
    panel.view.selectRow(0)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: chart.mark_labels() == [])
    assert panel.model.rows == []
    del dt


def test_the_page_list_takes_another_page(reports):
    from shop_aftersales.ui.reports_tab import ReportPage

    filled = []
    page = ReportPage(chart=False)
    reports.add_page(page, "Salespeople", filled.append, index=3)
    assert reports.pages.tabText(3) == "Salespeople"
    reports.refresh()
    reports.pages.setCurrentWidget(page)
    assert filled == [reports.period()]


def test_reasons_and_repair_costs_beside_the_previous_period(reports):
    from shop_aftersales.reports import analytics

    reports.pages.setCurrentWidget(reports.reasons)
    period = reports.period()
    before = {analytics.reason_label(r.reason): r.units for r in analytics.reasons(analytics.previous_period(period))}
    assert reports.reasons.model.headers[4:] == ["Previous period", "Change", "Change %"]
    for row in reports.reasons.model.rows:
        assert row[4] == before.get(row[0], 0) or row[0] not in before  # labels in English here
    reports.pages.setCurrentWidget(reports.repair_cost)
    assert "the previous period of the same length" in reports.repair_cost.note.text()
    reports.repair_cost.by.setCurrentIndex(reports.repair_cost.by.findData("technician"))
    model = reports.repair_cost.model
    assert model.headers[5:] == ["Previous period", "Change", "Change %", "Direction"]
    previous = {r.key: r.total for r in analytics.repair_costs(analytics.previous_period(period), "technician")}
    assert all(row[5] == previous.get(row[0], 0) for row in model.rows)


def test_rates_times_and_ageing_stand_beside_the_previous_period(reports, qtbot):
    """Every page compares: a supplier's return rate beside its rate in the period before (a rise in red), the
    processing times and each zone's average stay beside the previous period's."""
    from shop_aftersales.reports import analytics

    period = reports.period()
    previous = analytics.previous_period(period)
    reports.pages.setCurrentWidget(reports.rates)
    reports.rates.by.setCurrentIndex(reports.rates.by.findData("supplier"))
    qtbot.waitUntil(lambda: bool(reports.rates.model.rows))
    before = {r.key: r for r in analytics.return_rates(previous, "supplier")}
    for row in reports.rates.model.rows:
        old = before.get(row[0])
        assert row[4] == (f"{old.rate * 100:.1f}%" if old and old.sold else "")
    reports.pages.setCurrentWidget(reports.times)
    qtbot.waitUntil(lambda: "previous period" in reports.times.note.text())
    old_times = analytics.processing_times(previous, 7)
    assert f"{old_times.settled} settled" in reports.times.note.text()
    reports.pages.setCurrentWidget(reports.ageing)
    qtbot.waitUntil(lambda: bool(reports.ageing.model.rows))
    stays = {a.zone: a.average_stay for a in analytics.ageing(previous)}
    assert all(len(row) == 8 for row in reports.ageing.model.rows)
    assert [row[7] for row in reports.ageing.model.rows] == [stays.get(a.zone) for a in analytics.ageing(period)]
