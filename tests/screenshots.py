"""Render the screens to PNG offscreen, to look at them (and for the README).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/screenshots.py OUT_DIR [zh_CN|en]

Not a test (pytest does not collect it): it writes pictures for a person to look at.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(out: Path, language: str) -> None:
    from openpyxl import Workbook
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QApplication

    QStandardPaths.setTestModeEnabled(True)
    from shop_aftersales.app import create_application, open_shop
    from shop_aftersales.models import Customer, Sale, SaleLine, StockCountLine
    from shop_aftersales.ui.import_dialog import ImportDialog
    from shop_aftersales.ui.records import ProductDialog, SaleDialog
    from shop_aftersales.ui.search import SearchResultsDialog
    from shop_aftersales.services.search import search

    import shop_aftersales.ui.intake_form as intake_form

    def fail(_parent, error):  # a modal error box would hang an offscreen run: fail loudly instead
        raise error

    intake_form.show_error = fail
    out.mkdir(parents=True, exist_ok=True)
    app = create_application([], language)
    data = Path(tempfile.mkdtemp(prefix="shots-"))
    window = open_shop(data, demo=True, temporary=True)
    window.resize(1280, 760)
    window.show()
    app.processEvents()

    def shot(widget, name):
        widget.show()
        for _ in range(3):
            app.processEvents()
        widget.grab().save(str(out / f"{name}-{language}.png"))

    shot(window, "main-window")
    for role in ("owner", "sales", "warehouse"):
        window.today_tab.pages.setCurrentWidget(window.today_tab.queue_pages[role])
        shot(window, f"today-{role}")
    from shop_aftersales.ui.promise_dialog import PromisesDialog

    shot(PromisesDialog(window.context, window), "promises")
    for tab, name in ((window.intake_tab, "tab-intake"), (window.repairs_tab, "tab-repairs")):
        window.tabs.setCurrentWidget(tab)
        shot(window, name)
    window.tabs.setCurrentWidget(window.stock_tab)

    line = SaleLine.select().where(SaleLine.serial.is_null(False)).first()
    shot(ProductDialog(line.product_id, window), "product")
    shot(SaleDialog(line.sale_id, window), "sale")
    customer = Customer.select().join(Sale).first()
    shot(SearchResultsDialog(customer.phone, search(customer.phone), window), "search")

    bad = data / "bad.xlsx"
    wb = Workbook()
    wb.active.append(["单号", "日期", "客户", "商品编码", "数量", "单价"])
    wb.active.append(["XS-1", "2026-02-30", "王芳", "SJ-X1-256B", 1, 2999])
    wb.active.append(["XS-2", "2026-03-01", "李雷", "NO-SUCH", -1, "abc"])
    wb.save(bad)
    dialog = ImportDialog(window.context, window)
    dialog.path.setText(str(bad))
    dialog.show()
    dialog.start_import()
    while window.context.ops.busy:
        app.processEvents()
    shot(dialog, "import-problems")
    # the intake flow on a recent receipt
    import datetime as dt

    from shop_aftersales.clock import now
    from shop_aftersales.models import AftersalesItem, ReturnOrder
    from shop_aftersales.ui.item_card import ItemCard
    from shop_aftersales.ui.return_order import ReturnOrderDialog

    since = now() - dt.timedelta(days=5)
    from shop_aftersales.services.returns import returned_quantity

    sale = next(s for s in Sale.select().where((Sale.sold_at >= since) & Sale.customer.is_null(False))
                if s.lines.count() >= 2 and not any(returned_quantity(line.id) for line in s.lines))
    window.tabs.setCurrentWidget(window.intake_tab)
    form = window.intake_tab.form
    form.find_edit.setText(sale.receipt_no)
    form.find_sale()
    for row in (0, 1):
        form.set_checked(row, True)
        form.table.selectRow(row)
        form.reason.setCurrentIndex(form.reason.findData("quality" if row == 0 else "changed_mind"))
        form.condition.setCurrentIndex(form.condition.findData("used" if row == 0 else "unopened"))
        form.accessories.setText("包装盒、充电器" if row == 0 else "")
    form.table.selectRow(0)
    form.fault.setPlainText("屏幕闪烁，偶尔黑屏")
    shot(window, "intake-form")
    form.save()
    while window.context.ops.busy:
        app.processEvents()
    order = ReturnOrder.select().order_by(ReturnOrder.id.desc()).get()
    for w in QApplication.topLevelWidgets():
        if isinstance(w, ReturnOrderDialog) and w.isVisible():
            shot(w, "return-order")
            w.close()
    first = order.items.order_by(AftersalesItem.id).first()
    window.intake_tab.pages.setCurrentIndex(1)
    shot(window, "inspection-queue")
    card = ItemCard(window.context, first.id, window)
    card.resize(980, 640)
    shot(card, "item-card")
    card.tabs.setCurrentIndex(1)
    shot(card, "item-card-history")
    from shop_aftersales.printing.slip import slip_pdf
    from shop_aftersales.printing.label import labels_pdf

    slip_pdf(order.id, out / f"slip-{language}.pdf")
    labels_pdf([i.id for i in order.items], out / f"labels-{language}.pdf")
    from shop_aftersales.ui.settings_dialogs import PolicyDialog

    shot(PolicyDialog(window.context, window), "policy")
    from shop_aftersales.ui.settings_dialogs import ShopDialog

    shot(ShopDialog(window.context, window), "shop-settings")
    window.tabs.setCurrentWidget(window.stock_tab)
    shot(window, "stock")
    window.tabs.setCurrentWidget(window.intake_tab)
    window.intake_tab.pages.setCurrentIndex(2)
    shot(window, "return-orders")
    # the workshop
    from shop_aftersales.models import RepairOrder
    from shop_aftersales.ui.repair_dialogs import ProposalDialog, RepairDialog

    window.tabs.setCurrentWidget(window.repairs_tab)
    window.resize(1500, 900)
    shot(window, "repairs-board")
    started = RepairOrder.select().where(RepairOrder.state == "in_progress").first()
    if started is not None:
        shot(RepairDialog(window.context, started.id, window), "repair-order")
    shot(ProposalDialog(window.context, now().date(), window), "plan-for-me")
    for index, name in ((1, "repairs-progress"), (3, "spare-parts")):
        window.repairs_tab.pages.setCurrentIndex(index)
        shot(window, name)
    # resale
    from shop_aftersales.models import ResaleListing
    from shop_aftersales.printing.resale import receipt_pdf, shelf_labels_pdf
    from shop_aftersales.models import ResaleSale
    from shop_aftersales.ui.resale_dialogs import QualityCheckDialog, SellDialog

    window.tabs.setCurrentWidget(window.resale_tab)
    window.resale_tab.pages.setCurrentIndex(1)
    shot(window, "resale-shelf")
    waiting = window.resale_tab.qc.model
    if waiting.total():
        check = QualityCheckDialog(window.context, waiting.row_id(0), window)
        check.tick_all()
        check.flaws.setText("背面细微划痕")
        shot(check, "quality-check")
    listing = ResaleListing.select().where(ResaleListing.active).first()
    shot(SellDialog(window.context, listing.item_id, window), "sell")
    from shop_aftersales.ui.settings_dialogs import ResaleRulesDialog

    shot(ResaleRulesDialog(window.context, window), "resale-rules")
    shelf_labels_pdf([listing.item_id], out / f"shelf-label-{language}.pdf")
    receipt_pdf(ResaleSale.select().first().id, out / f"receipt-{language}.pdf")
    receipt_pdf(ResaleSale.select().first().id, out / f"receipt-58-{language}.pdf", roll_mm=58)
    from shop_aftersales.models import Exchange, Refund
    from shop_aftersales.printing.refund import exchange_slip_pdf, refund_slip_pdf
    from shop_aftersales.ui.printer_settings import PrinterSettingsDialog

    refund_slip_pdf(Refund.select().first().id, out / f"refund-slip-{language}.pdf")
    if Exchange.select().exists():
        exchange_slip_pdf(Exchange.select().first().id, out / f"exchange-slip-{language}.pdf")
    shot(PrinterSettingsDialog(window), "printer-settings")
    # stock count and the audit log
    from shop_aftersales.services import stock_count as counting
    from shop_aftersales.ui.audit_dialog import AuditDialog
    from shop_aftersales.ui.stock_count_dialog import StockCountDialog

    count_id = counting.start_count(["sellable", "resale"]).ids[0]
    for n, line in enumerate(StockCountLine.select().where(StockCountLine.count == count_id)):
        if n < 12:
            counting.set_counted(count_id, line.id, max(line.expected - (1 if n == 3 else 0), 0))
    shot(StockCountDialog(window.context, window), "stock-count")
    from shop_aftersales.printing.count_sheet import count_sheet_pdf

    count_sheet_pdf(out / f"count-sheet-{language}.pdf", count_id)
    shot(AuditDialog(window.context, window), "audit-log")
    window.resize(1280, 760)
    reports = window.reports_tab
    window.tabs.setCurrentWidget(reports)
    reports.preset.setCurrentIndex(reports.preset.findData("last_12"))
    shot(window, "reports-over-time")
    reports.pages.setCurrentWidget(reports.rates)
    reports.rates.by.setCurrentIndex(reports.rates.by.findData("batch"))
    shot(window, "reports-rates-by-batch")
    reports.pages.setCurrentWidget(reports.ageing)
    shot(window, "reports-ageing")
    for page, name in ((reports.cost, "reports-cost-trend"), (reports.salespeople, "reports-salespeople"),
                       (reports.scorecard, "reports-scorecard"), (reports.repair_cost, "reports-repair-cost")):
        reports.pages.setCurrentWidget(page)
        for _ in range(3):
            app.processEvents()
        shot(window, name)
    spikes = [row for row, c in enumerate(reports._counts) if c.spike]
    if spikes:
        reports.pages.setCurrentWidget(reports.over_time)
        units = reports.open_period(spikes[0])
        shot(units.open_breakdown(), "spike-breakdown")
        units.close()
    # issue 18: the count schedule and history, shipping back, reversing a refund; the keyboard shortcuts
    from shop_aftersales.models import AftersalesItem, Refund as RefundRow
    from shop_aftersales.services import resolutions as settling
    from shop_aftersales.ui.actions import ReverseRefundDialog
    from shop_aftersales.ui.count_schedule_dialog import CountScheduleDialog
    from shop_aftersales.ui.shipping_dialog import ShipDialog
    from shop_aftersales.ui.shortcuts import ShortcutsDialog

    shot(CountScheduleDialog(window.context, window), "count-schedule")
    history = StockCountDialog(window.context, window)
    history.tabs.setCurrentIndex(1) if hasattr(history, "tabs") else None
    shot(history, "stock-count-history")
    pickup = AftersalesItem.select().where(AftersalesItem.status == "pickup").first()
    if pickup is not None:
        shot(ShipDialog(window.context, pickup.id, window), "ship-to-customer")
    standing = next((r for r in RefundRow.select() if settling.standing_refund(r.item_id) == r), None)
    if standing is not None:
        shot(ReverseRefundDialog(window.context, standing, window), "reverse-refund")
    shot(ShortcutsDialog(window), "keyboard-shortcuts")
    reports.product.setFocus()
    reports.product.completer().setCompletionPrefix("P3")
    reports.product.lineEdit().setText("P3")
    reports.product.completer().complete()
    for _ in range(3):
        app.processEvents()
    window.grab().save(str(out / f"reports-product-search-{language}.png"))
    popup = reports.product.completer().popup()
    popup.grab().save(str(out / f"reports-product-popup-{language}.png"))
    reports.product.setEditText("")
    window.context.ops.shutdown()
    print("\n".join(sorted(str(p) for p in out.glob(f"*-{language}.png"))))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"), sys.argv[2] if len(sys.argv) > 2 else "zh_CN")
