"""The accountant's workbook for a period: a summary with native Excel charts, and one data sheet per kind of
record (returns, items, refunds, repairs with costs, parts used, resale sales, scrap records, stock by zone,
stock adjustments). Real numbers and dates with ¥ and date formats, a frozen header, filters, fitting widths,
totals as Excel formulas; written in write-only mode, to a temporary file moved into place at the end."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference

from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..models import db
from ..models.aftersales import CONDITIONS, REASONS, STATUSES
from ..models.resale import CHANNELS
from . import analytics
from .workbook import BOLD, StreamSheet, set_value

Progress = Callable[[int], None]


def _t(text: str) -> str:
    return translate("Domain", text)


def _q(sql: str, args: Sequence[object]) -> Iterable[tuple]:
    return db.execute_sql(sql, list(args))


def _dt(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _yuan(fen: int | None) -> Decimal:
    return (Decimal(fen or 0) / 100).quantize(Decimal("0.01"))


def export_workbook(path: Path, period: analytics.Period, progress: Progress | None = None,
                    shop_name: str = "") -> Path:
    """Write the workbook for *period* to *path*. A failure or a cancel leaves nothing behind."""
    path = Path(path)
    if not path.parent.is_dir():
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The folder {folder} does not exist."), folder=str(path.parent))
    fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=path.parent)
    os.close(fd)
    wb = Workbook(write_only=True)
    try:
        try:
            _build(wb, period, progress, shop_name)
        except BaseException:
            for ws in wb.worksheets:  # finish the half-written sheets' streams before the file is dropped
                with contextlib.suppress(Exception):  # already failing: the first error is the one to report
                    ws.close()
            raise
        wb.save(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The workbook could not be written to {path}: {reason}"),
                          path=str(path), reason=exc.strerror or exc) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _build(wb: Workbook, period: analytics.Period, progress: Progress | None, shop_name: str) -> None:
    lo, hi = period.lo, period.hi
    _summary(wb, period, shop_name)

    returns = StreamSheet(wb, _t(QT_TRANSLATE_NOOP("Domain", "Returns")), [_t(h) for h in (
        QT_TRANSLATE_NOOP("Domain", "Return no."), QT_TRANSLATE_NOOP("Domain", "Date"), QT_TRANSLATE_NOOP("Domain", "Customer"), QT_TRANSLATE_NOOP("Domain", "Phone"),
        QT_TRANSLATE_NOOP("Domain", "Receipt"), QT_TRANSLATE_NOOP("Domain", "Units"), QT_TRANSLATE_NOOP("Domain", "Return shipping"))], money=[6], totals=[5, 6],
        progress=progress)
    returns.rows((n, _dt(d), c or "", ph or "", r or "", u, _yuan(s)) for n, d, c, ph, r, u, s in _q("""
        SELECT o.number, o.created_at, cu.name, cu.phone, sa.receipt_no,
               (SELECT SUM(quantity) FROM aftersales_item WHERE order_id = o.id), o.shipping_cost
        FROM return_order o LEFT JOIN customer cu ON cu.id = o.customer_id LEFT JOIN sale sa ON sa.id = o.sale_id
        WHERE o.created_at >= ? AND o.created_at < ? ORDER BY o.created_at""", [lo, hi]))

    items = StreamSheet(wb, _t(QT_TRANSLATE_NOOP("Domain", "Items")), [_t(h) for h in (
        QT_TRANSLATE_NOOP("Domain", "Item code"), QT_TRANSLATE_NOOP("Domain", "Received"), QT_TRANSLATE_NOOP("Domain", "Return no."), QT_TRANSLATE_NOOP("Domain", "SKU"),
        QT_TRANSLATE_NOOP("Domain", "Product"), QT_TRANSLATE_NOOP("Domain", "Serial"), QT_TRANSLATE_NOOP("Domain", "Quantity"), QT_TRANSLATE_NOOP("Domain", "Price paid"),
        QT_TRANSLATE_NOOP("Domain", "Reason"), QT_TRANSLATE_NOOP("Domain", "Condition"), QT_TRANSLATE_NOOP("Domain", "Status"))], money=[7], totals=[6],
        progress=progress)
    items.rows((code, _dt(at), order, sku, name, serial or "", qty, _yuan(price), _t(REASONS.get(reason, reason)),
                _t(CONDITIONS.get(cond, cond)), _t(STATUSES.get(status, status)))
               for code, at, order, sku, name, serial, qty, price, reason, cond, status in _q("""
        SELECT i.code, i.created_at, o.number, p.sku, p.name, i.serial, i.quantity, i.unit_price, i.reason,
               i.condition, i.status
        FROM aftersales_item i JOIN return_order o ON o.id = i.order_id JOIN product p ON p.id = i.product_id
        WHERE i.created_at >= ? AND i.created_at < ? ORDER BY i.created_at""", [lo, hi]))

    refunds = StreamSheet(wb, _t(QT_TRANSLATE_NOOP("Domain", "Refunds")), [_t(h) for h in (
        QT_TRANSLATE_NOOP("Domain", "No."), QT_TRANSLATE_NOOP("Domain", "Paid"), QT_TRANSLATE_NOOP("Domain", "Item code"), QT_TRANSLATE_NOOP("Domain", "Customer"),
        QT_TRANSLATE_NOOP("Domain", "Amount"), QT_TRANSLATE_NOOP("Domain", "Paid back by"), QT_TRANSLATE_NOOP("Domain", "Staff"), QT_TRANSLATE_NOOP("Domain", "Approved by"))],
        money=[4], totals=[4], progress=progress)
    from ..models.aftersales import PAYMENT_METHODS

    refunds.rows((n, _dt(at), code, cust or "", _yuan(amount), _t(PAYMENT_METHODS.get(m, m)), st or "", ap or "")
                 for n, at, code, cust, amount, m, st, ap in _q("""
        SELECT r.number, r.paid_at, i.code, cu.name, r.amount, r.method, s.name, a.name
        FROM refund r JOIN aftersales_item i ON i.id = r.item_id JOIN return_order o ON o.id = i.order_id
        LEFT JOIN customer cu ON cu.id = o.customer_id LEFT JOIN staff s ON s.id = r.staff_id
        LEFT JOIN staff a ON a.id = r.approved_by_id
        WHERE r.paid_at >= ? AND r.paid_at < ? ORDER BY r.paid_at""", [lo, hi]))

    repairs = StreamSheet(wb, _t(QT_TRANSLATE_NOOP("Domain", "Repairs")), [_t(h) for h in (
        QT_TRANSLATE_NOOP("Domain", "Repair no."), QT_TRANSLATE_NOOP("Domain", "Opened on"), QT_TRANSLATE_NOOP("Domain", "Finished"), QT_TRANSLATE_NOOP("Domain", "Item code"),
        QT_TRANSLATE_NOOP("Domain", "Product"), QT_TRANSLATE_NOOP("Domain", "Technician"), QT_TRANSLATE_NOOP("Domain", "State"), QT_TRANSLATE_NOOP("Domain", "Hours"),
        QT_TRANSLATE_NOOP("Domain", "Labour"), QT_TRANSLATE_NOOP("Domain", "Parts"), QT_TRANSLATE_NOOP("Domain", "Outside fees"), QT_TRANSLATE_NOOP("Domain", "Total"))],
        money=[8, 9, 10, 11], totals=[7, 8, 9, 10, 11], progress=progress)
    from ..models.repairs import REPAIR_STATES

    repair_rows = []
    for row_no, (n, opened, finished, code, name, tech, state, hours, labour, parts, outside) in enumerate(_q("""
        SELECT r.number, r.created_at, r.finished_at, i.code, p.name, s.name, r.state,
               (SELECT SUM(hours) FROM labour_log WHERE repair_id = r.id),
               (SELECT SUM(hours * rate) / 100 FROM labour_log WHERE repair_id = r.id),
               (SELECT SUM(quantity * unit_cost) FROM repair_part WHERE repair_id = r.id), r.outside_fees
        FROM repair_order r JOIN aftersales_item i ON i.id = r.item_id JOIN product p ON p.id = i.product_id
        LEFT JOIN technician t ON t.id = r.technician_id LEFT JOIN staff s ON s.id = t.staff_id
        WHERE r.created_at >= ? AND r.created_at < ? ORDER BY r.created_at""", [lo, hi]), start=2):
        repair_rows.append((n, _dt(opened), _dt(finished), code, name, tech or "", _t(REPAIR_STATES.get(state, state)),
                            float(Decimal(hours or 0) / 100), _yuan(labour), _yuan(parts), _yuan(outside),
                            f"=I{row_no}+J{row_no}+K{row_no}"))
    repairs.money.add(11)
    repairs.rows(repair_rows)

    parts = StreamSheet(wb, _t(QT_TRANSLATE_NOOP("Domain", "Parts used")), [_t(h) for h in (
        QT_TRANSLATE_NOOP("Domain", "Date"), QT_TRANSLATE_NOOP("Domain", "Repair no."), QT_TRANSLATE_NOOP("Domain", "Part code"), QT_TRANSLATE_NOOP("Domain", "Part"),
        QT_TRANSLATE_NOOP("Domain", "Quantity"), QT_TRANSLATE_NOOP("Domain", "Unit cost"), QT_TRANSLATE_NOOP("Domain", "Amount"))], money=[5, 6], totals=[4, 6],
        progress=progress)
    parts.rows((_dt(at), n, sku, name, qty, _yuan(cost), f"=E{i}*F{i}") for i, (at, n, sku, name, qty, cost)
               in enumerate(_q("""
        SELECT rp.created_at, r.number, p.sku, p.name, rp.quantity, rp.unit_cost
        FROM repair_part rp JOIN repair_order r ON r.id = rp.repair_id JOIN product p ON p.id = rp.product_id
        WHERE rp.created_at >= ? AND rp.created_at < ? ORDER BY rp.created_at""", [lo, hi]), start=2))

    resale = StreamSheet(wb, _t(QT_TRANSLATE_NOOP("Domain", "Resale")), [_t(h) for h in (
        QT_TRANSLATE_NOOP("Domain", "Sale no."), QT_TRANSLATE_NOOP("Domain", "Sold"), QT_TRANSLATE_NOOP("Domain", "Item code"), QT_TRANSLATE_NOOP("Domain", "Product"),
        QT_TRANSLATE_NOOP("Domain", "Grade"), QT_TRANSLATE_NOOP("Domain", "Channel"), QT_TRANSLATE_NOOP("Domain", "Price"), QT_TRANSLATE_NOOP("Domain", "Buyer"),
        QT_TRANSLATE_NOOP("Domain", "Told the customer"))], money=[6], totals=[6], progress=progress)
    resale.rows((n, _dt(at), code, name, grade, _t(CHANNELS.get(ch, ch)), _yuan(price), buyer or "",
                 _t(QT_TRANSLATE_NOOP("Domain", "Yes")) if told else "")
                for n, at, code, name, grade, ch, price, buyer, told in _q("""
        SELECT x.number, x.sold_at, i.code, p.name, l.grade, x.channel, x.price, x.buyer_name, x.disclosed
        FROM resale_sale x JOIN aftersales_item i ON i.id = x.item_id JOIN product p ON p.id = i.product_id
        JOIN resale_listing l ON l.id = x.listing_id
        WHERE x.sold_at >= ? AND x.sold_at < ? ORDER BY x.sold_at""", [lo, hi]))

    scrap = StreamSheet(wb, _t(QT_TRANSLATE_NOOP("Domain", "Scrap")), [_t(h) for h in (
        QT_TRANSLATE_NOOP("Domain", "No."), QT_TRANSLATE_NOOP("Domain", "Date"), QT_TRANSLATE_NOOP("Domain", "Item code"), QT_TRANSLATE_NOOP("Domain", "Product"),
        QT_TRANSLATE_NOOP("Domain", "Model"), QT_TRANSLATE_NOOP("Domain", "Quantity"), QT_TRANSLATE_NOOP("Domain", "Reason"), QT_TRANSLATE_NOOP("Domain", "Write-off"),
        QT_TRANSLATE_NOOP("Domain", "Approved by"))], money=[7], totals=[5, 7], progress=progress)
    scrap.rows((n, _dt(at), code, name, model, qty, reason, _yuan(value), ap or "")
               for n, at, code, name, model, qty, reason, value, ap in _q("""
        SELECT x.number, x.created_at, i.code, x.product_name, x.model, x.quantity, x.reason, x.write_off, s.name
        FROM scrap_record x JOIN aftersales_item i ON i.id = x.item_id LEFT JOIN staff s ON s.id = x.approved_by_id
        WHERE x.created_at >= ? AND x.created_at < ? ORDER BY x.created_at""", [lo, hi]))

    from ..services.stock import StockOverview

    overview = StockOverview()
    stock = StreamSheet(wb, _t(QT_TRANSLATE_NOOP("Domain", "Stock by zone")), [_t(c.title) for c in overview.columns],
                   totals=list(range(4, len(overview.columns))), progress=progress)
    stock.rows(row[1:] for row in overview.fetch(0, 1_000_000))

    adjustments = StreamSheet(wb, _t(QT_TRANSLATE_NOOP("Domain", "Stock adjustments")), [_t(h) for h in (
        QT_TRANSLATE_NOOP("Domain", "When"), QT_TRANSLATE_NOOP("Domain", "Document"), QT_TRANSLATE_NOOP("Domain", "SKU"), QT_TRANSLATE_NOOP("Domain", "Product"),
        QT_TRANSLATE_NOOP("Domain", "From"), QT_TRANSLATE_NOOP("Domain", "To"), QT_TRANSLATE_NOOP("Domain", "Quantity"), QT_TRANSLATE_NOOP("Domain", "Note"))], totals=[6],
        progress=progress)
    adjustments.rows((_dt(at), ref, sku, name, _t(src), _t(dst), qty, _t(note) if note else "")
                     for at, ref, sku, name, src, dst, qty, note in _q("""
        SELECT m.created_at, m.reference, p.sku, p.name, a.name, b.name, m.quantity, m.note
        FROM stock_move m JOIN product p ON p.id = m.product_id JOIN location a ON a.id = m.from_location_id
        JOIN location b ON b.id = m.to_location_id
        WHERE (a.code = 'adjustment' OR b.code = 'adjustment') AND m.created_at >= ? AND m.created_at < ?
        ORDER BY m.created_at""", [lo, hi]))


def _summary(wb: Workbook, period: analytics.Period, shop_name: str) -> None:
    ws = wb.create_sheet(_t(QT_TRANSLATE_NOOP("Domain", "Summary")))
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 16

    def row(*values, bold=False, money=False):
        cells = []
        for value in values:
            cell = WriteOnlyCell(ws)
            set_value(cell, value)
            if bold:
                cell.font = BOLD
            if money and isinstance(value, (Decimal, str)) and not (isinstance(value, str)
                                                                     and not value.startswith("=")):
                cell.number_format = '"¥"#,##0.00'
            cells.append(cell)
        ws.append(cells)

    title = _t(QT_TRANSLATE_NOOP("Domain", "After-sales report {start} to {end}")).format(start=period.start.isoformat(),
                                                                       end=period.end.isoformat())
    row(f"{shop_name} {title}".strip(), bold=True)
    row("")
    counts = analytics.counts(period, "month")
    units = sum(c.units for c in counts)
    if units == 0:
        row(_t(QT_TRANSLATE_NOOP("Domain", "No after-sales in this period.")))
    row(_t(QT_TRANSLATE_NOOP("Domain", "Units returned")), units, bold=True)
    row("")
    cost = analytics.cost_of_aftersales(period)
    row(_t(QT_TRANSLATE_NOOP("Domain", "Cost of after-sales")), _t(QT_TRANSLATE_NOOP("Domain", "Amount")), bold=True)
    first = 6 if units else 7  # the row the cost lines start on
    lines = [(QT_TRANSLATE_NOOP("Domain", "Refunds"), cost.refunds), (QT_TRANSLATE_NOOP("Domain", "Return shipping"), cost.shipping),
             (QT_TRANSLATE_NOOP("Domain", "Repairs"), cost.repairs), (QT_TRANSLATE_NOOP("Domain", "Scrap write-offs"), cost.write_offs),
             (QT_TRANSLATE_NOOP("Domain", "Replacements at cost"), cost.replacements),
             (QT_TRANSLATE_NOOP("Domain", "Recovered by resale"), -cost.resale),
             (QT_TRANSLATE_NOOP("Domain", "Credits from suppliers"), -cost.supplier_credits)]
    for label, amount in lines:
        row(_t(label), amount, money=True)
    last = first + len(lines) - 1
    row(_t(QT_TRANSLATE_NOOP("Domain", "Net cost")), f"=SUM(B{first}:B{last})", bold=True, money=True)
    row("")
    counts_title = first + len(lines) + 2
    row(_t(QT_TRANSLATE_NOOP("Domain", "Month")), _t(QT_TRANSLATE_NOOP("Domain", "Units returned")), bold=True)
    for c in counts:
        row(c.key, c.units)
    chart = BarChart()
    chart.type = "col"
    chart.title = _t(QT_TRANSLATE_NOOP("Domain", "Cost of after-sales"))
    chart.add_data(Reference(ws, min_col=2, min_row=first, max_row=last), titles_from_data=False)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    chart.legend = None
    chart.height, chart.width = 7.5, 16
    ws.add_chart(chart, "E2")
    if counts:
        trend = BarChart()
        trend.type = "col"
        trend.title = _t(QT_TRANSLATE_NOOP("Domain", "Units returned per month"))
        trend.add_data(Reference(ws, min_col=2, min_row=counts_title + 1, max_row=counts_title + len(counts)),
                       titles_from_data=False)
        trend.set_categories(Reference(ws, min_col=1, min_row=counts_title + 1, max_row=counts_title + len(counts)))
        trend.legend = None
        trend.height, trend.width = 7.5, 16
        ws.add_chart(trend, "E18")
