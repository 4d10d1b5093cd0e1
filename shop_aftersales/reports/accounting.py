"""The accountant's workbook for a period: a summary whose every figure is a formula over the data sheets
(so the summary and the sheets can never disagree), a notes sheet saying what each figure counts and by which
date, and one data sheet per kind of record — returns, items, refunds, repairs with their costs, labour, parts
used, exchanges, resale sales, scrap records, supplier returns, stock by zone at cost as of the export, and stock
adjustments signed and at cost. Real numbers and dates with ¥ and date formats, named styles, a frozen header,
filters, totals as formulas, every sheet set up for A4; written in write-only mode to a temporary file that is
moved into place at the end."""

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
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.legend import Legend
from openpyxl.chart.axis import ChartLines
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .. import clock
from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..models import dialect
from ..models import db
from ..models.aftersales import CONDITIONS, PAYMENT_METHODS, REASONS, STATUSES
from ..models.repairs import REPAIR_STATES
from ..models.resale import CHANNELS
from . import analytics
from .workbook import (STYLE_HEADER, STYLE_MONEY, STYLE_TOTAL, STYLE_TOTAL_MONEY, BookInfo, Formula, StreamSheet,
                       add_styles, print_ready, set_value, sheet_ref, wrap)

Progress = Callable[[int], None]
# the item behind a record, its product and the sale line it came from: what the period's filters narrow by
_ITEM = ("JOIN product p ON p.id = i.product_id LEFT JOIN sale_line sl ON sl.id = i.sale_line_id")


def _t(text: str) -> str:
    return translate("Domain", text)


def _q(sql: str, args: Sequence[object]) -> Iterable[tuple]:
    return dialect.execute(sql, list(args))


def _dt(value) -> dt.datetime | None:
    """A moment of a row (text on SQLite, a datetime on PostgreSQL) as a datetime for its cell."""
    return dialect.read_moment(value)


def _yuan(fen: int | float | None) -> Decimal:
    return (Decimal(fen or 0) / 100).quantize(Decimal("0.01"))


def _exact(fen: int | float | None) -> Decimal:
    """Yuan without rounding (labour at an odd rate comes to fractions of a fen): shown as ¥0.00, summed exact."""
    return Decimal(str(fen or 0)) / 100


def export_workbook(path: Path, period: analytics.Period, progress: Progress | None = None,
                    shop_name: str = "") -> Path:
    """Write the workbook for *period* to *path*. A failure or a cancel leaves nothing behind."""
    path = Path(path)
    if not path.parent.is_dir():
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The folder {folder} does not exist."), folder=str(path.parent))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".part.xlsx", dir=path.parent)  # see housekeeping
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


def period_text(period: analytics.Period) -> str:
    return _t(QT_TRANSLATE_NOOP("Domain", "{start} to {end}")).format(start=period.start.isoformat(), end=period.end.isoformat())


def _filter_text(period: analytics.Period) -> str:
    from ..models import Category, Product, Supplier

    parts = []
    for model, key, label in ((Category, period.category_id, QT_TRANSLATE_NOOP("Domain", "Category")),
                              (Supplier, period.supplier_id, QT_TRANSLATE_NOOP("Domain", "Supplier")),
                              (Product, period.product_id, QT_TRANSLATE_NOOP("Domain", "Product"))):
        if key:
            found = model.get_or_none(model.id == key)
            parts.append(_t(QT_TRANSLATE_NOOP("Domain", "{label}: {value}")).format(
                label=_t(label), value=found.name if found else key))
    return _t(QT_TRANSLATE_NOOP("Domain", "; ")).join(parts)


def _headers(*names: str) -> list[str]:
    return [_t(n) for n in names]


def _build(wb: Workbook, period: analytics.Period, progress: Progress | None, shop_name: str) -> None:
    lo, hi = period.lo, period.hi
    exported = clock.now().replace(microsecond=0)
    add_styles(wb)
    title = _t(QT_TRANSLATE_NOOP("Domain", "After-sales report"))
    wb.properties.title = f"{shop_name} {title} {period_text(period)}".strip()
    wb.properties.subject = period_text(period)
    wb.properties.creator = shop_name or "Shop Aftersales"
    wb.properties.keywords = _filter_text(period)
    wb.properties.description = _t(QT_TRANSLATE_NOOP("Domain", "Exported at {moment}")).format(moment=exported.isoformat(" ", "minutes"))
    info = BookInfo(shop_name, period_text(period),
                    _t(QT_TRANSLATE_NOOP("Domain", "Exported at {moment}")).format(moment=exported.isoformat(" ", "minutes")))
    summary = wb.create_sheet(_t(QT_TRANSLATE_NOOP("Domain", "Summary")))  # first in the book, written last (it refers to the rest)
    charts = wb.create_sheet(_t(QT_TRANSLATE_NOOP("Domain", "Charts")))
    trend_sheet = wb.create_sheet(_t(QT_TRANSLATE_NOOP("Domain", "Trend")))  # the last 12 periods, and measures
    notes = wb.create_sheet(_t(QT_TRANSLATE_NOOP("Domain", "Notes")))
    where, args = period.product_filter(supplier=analytics._ITEM_SUPPLIER)

    def sheet(name: str, headers: list[str], **kwargs) -> StreamSheet:
        return StreamSheet(wb, _t(name), headers, progress=progress, info=info, **kwargs)

    returns = sheet(QT_TRANSLATE_NOOP("Domain", "Returns"), _headers(
        QT_TRANSLATE_NOOP("Domain", "Return no."), QT_TRANSLATE_NOOP("Domain", "Date"), QT_TRANSLATE_NOOP("Domain", "Customer"), QT_TRANSLATE_NOOP("Domain", "Phone"),
        QT_TRANSLATE_NOOP("Domain", "Receipt"), QT_TRANSLATE_NOOP("Domain", "Units"), QT_TRANSLATE_NOOP("Domain", "Return shipping")),
        money=[6], totals=[5, 6], texts=[3, 4])
    # with a filter, an order's shipping is shared over its units, as the Reports tab does
    # a share is kept exact (¥10 over 3 units is ¥3.333…): summed, it is the Reports tab's figure to the fen
    returns.rows((n, _dt(d), c or "", ph or "", r or "", u, _exact(s)) for n, d, c, ph, r, u, s in _q(f"""
        SELECT o.number, o.created_at, cu.name, cu.phone, sa.receipt_no, SUM(i.quantity),
               o.shipping_cost * SUM(i.quantity) * 1.0 /
               (SELECT SUM(j.quantity) FROM aftersales_item j WHERE j.order_id = o.id)
        FROM return_order o JOIN aftersales_item i ON i.order_id = o.id {_ITEM}
        LEFT JOIN customer cu ON cu.id = o.customer_id LEFT JOIN sale sa ON sa.id = o.sale_id
        WHERE o.created_at >= ? AND o.created_at < ? {where} GROUP BY o.id, cu.id, sa.id ORDER BY o.created_at, o.id""",
                                                                                  [lo, hi, *args]))

    items = sheet(QT_TRANSLATE_NOOP("Domain", "Items"), _headers(
        QT_TRANSLATE_NOOP("Domain", "Item code"), QT_TRANSLATE_NOOP("Domain", "Received"), QT_TRANSLATE_NOOP("Domain", "Return no."), QT_TRANSLATE_NOOP("Domain", "SKU"),
        QT_TRANSLATE_NOOP("Domain", "Product"), QT_TRANSLATE_NOOP("Domain", "Serial"), QT_TRANSLATE_NOOP("Domain", "Quantity"), QT_TRANSLATE_NOOP("Domain", "Price paid"),
        QT_TRANSLATE_NOOP("Domain", "Reason"), QT_TRANSLATE_NOOP("Domain", "Condition"), QT_TRANSLATE_NOOP("Domain", "Status")), money=[7], totals=[6],
        texts=[3, 5])
    items.rows((code, _dt(at), order, sku, name, serial or "", qty, _yuan(price), _t(REASONS.get(reason, reason)),
                _t(CONDITIONS.get(cond, cond)), _t(STATUSES.get(status, status)))
               for code, at, order, sku, name, serial, qty, price, reason, cond, status in _q(f"""
        SELECT i.code, i.created_at, o.number, p.sku, p.name, i.serial, i.quantity, i.unit_price, i.reason,
               i.condition, i.status
        FROM aftersales_item i JOIN return_order o ON o.id = i.order_id {_ITEM}
        WHERE i.created_at >= ? AND i.created_at < ? {where} ORDER BY i.created_at, i.id""", [lo, hi, *args]))

    # a refund by the date it was paid; a reversal (冲销, a refund given by mistake) as a line of its own, negative,
    # by the date it was reversed, each naming the other: a period already exported keeps its figures, and the
    # total (the Summary's Refunds) is the money paid back net of reversals, as on the Reports tab
    refunds = sheet(QT_TRANSLATE_NOOP("Domain", "Refunds"), _headers(
        QT_TRANSLATE_NOOP("Domain", "No."), QT_TRANSLATE_NOOP("Domain", "Paid"), QT_TRANSLATE_NOOP("Domain", "Item code"), QT_TRANSLATE_NOOP("Domain", "Customer"),
        QT_TRANSLATE_NOOP("Domain", "Amount"), QT_TRANSLATE_NOOP("Domain", "Paid back by"), QT_TRANSLATE_NOOP("Domain", "Staff"), QT_TRANSLATE_NOOP("Domain", "Approved by"),
        QT_TRANSLATE_NOOP("Domain", "Reversal")), money=[4], totals=[4], texts=[8])
    reversed_by = _t(QT_TRANSLATE_NOOP("Domain", "Reversed by {number} on {date}"))
    reverses = _t(QT_TRANSLATE_NOOP("Domain", "Reverses refund {number} of {date}: {reason}"))
    refunds.rows((n, _dt(at), code, cust or "", _yuan(amount) if not back else -_yuan(amount),
                  _t(PAYMENT_METHODS.get(m, m)), st or "", ap or "",
                  (reverses if back else reversed_by).format(number=other, date=str(other_at)[:10], reason=why or "")
                  if other else "")
                 for back, n, at, code, cust, amount, m, st, ap, other, other_at, why, _refund in _q(f"""
        SELECT 0, r.number, r.paid_at AS at, i.code, cu.name, r.amount, r.method, s.name, a.name,
               v.number, v.created_at, NULL, r.id AS rid
        FROM refund r JOIN aftersales_item i ON i.id = r.item_id {_ITEM} JOIN return_order o ON o.id = i.order_id
        LEFT JOIN customer cu ON cu.id = o.customer_id LEFT JOIN staff s ON s.id = r.staff_id
        LEFT JOIN staff a ON a.id = r.approved_by_id LEFT JOIN refund_reversal v ON v.refund_id = r.id
        WHERE r.paid_at >= ? AND r.paid_at < ? {where}
        UNION ALL
        SELECT 1, v.number, v.created_at, i.code, cu.name, v.amount, r.method, s.name, a.name,
               r.number, r.paid_at, v.reason, r.id
        FROM refund_reversal v JOIN refund r ON r.id = v.refund_id JOIN aftersales_item i ON i.id = r.item_id {_ITEM}
        JOIN return_order o ON o.id = i.order_id
        LEFT JOIN customer cu ON cu.id = o.customer_id LEFT JOIN staff s ON s.id = v.staff_id
        LEFT JOIN staff a ON a.id = v.approved_by_id
        WHERE v.created_at >= ? AND v.created_at < ? {where}
        ORDER BY 3, 13, 1""", [lo, hi, *args, lo, hi, *args]))

    # Repairs: what they cost in this period — labour by the date logged, parts by the date used, outside fees
    # with the repair's opening. A repair running over two periods is shared between them, as on the Reports tab.
    repairs = sheet(QT_TRANSLATE_NOOP("Domain", "Repairs"), _headers(
        QT_TRANSLATE_NOOP("Domain", "Repair no."), QT_TRANSLATE_NOOP("Domain", "Opened on"), QT_TRANSLATE_NOOP("Domain", "Finished"), QT_TRANSLATE_NOOP("Domain", "Item code"),
        QT_TRANSLATE_NOOP("Domain", "Product"), QT_TRANSLATE_NOOP("Domain", "Technician"), QT_TRANSLATE_NOOP("Domain", "State"), QT_TRANSLATE_NOOP("Domain", "Hours"),
        QT_TRANSLATE_NOOP("Domain", "Labour"), QT_TRANSLATE_NOOP("Domain", "Parts"), QT_TRANSLATE_NOOP("Domain", "Outside fees"), QT_TRANSLATE_NOOP("Domain", "Total")),
        money=[8, 9, 10, 11], totals=[7, 8, 9, 10, 11])
    repair_rows = []
    for row_no, (n, opened, finished, code, name, tech, state, hours, labour, parts, outside) in enumerate(_q(f"""
        WITH lab AS (SELECT repair_id, SUM(hours) AS hours, SUM(hours * rate) / 100.0 AS fen FROM labour_log
                     WHERE logged_at >= ? AND logged_at < ? GROUP BY repair_id),
             par AS (SELECT repair_id, SUM(quantity * unit_cost) AS fen FROM repair_part
                     WHERE created_at >= ? AND created_at < ? GROUP BY repair_id)
        SELECT r.number, r.created_at, r.finished_at, i.code, p.name, s.name, r.state, lab.hours, lab.fen, par.fen,
               CASE WHEN r.created_at >= ? AND r.created_at < ? THEN r.outside_fees ELSE 0 END
        FROM repair_order r JOIN aftersales_item i ON i.id = r.item_id {_ITEM}
        LEFT JOIN technician t ON t.id = r.technician_id LEFT JOIN staff s ON s.id = t.staff_id
        LEFT JOIN lab ON lab.repair_id = r.id LEFT JOIN par ON par.repair_id = r.id
        WHERE ((r.created_at >= ? AND r.created_at < ?) OR lab.repair_id IS NOT NULL OR par.repair_id IS NOT NULL)
              {where}
        ORDER BY r.created_at, r.id""", [lo, hi, lo, hi, lo, hi, lo, hi, *args]), start=repairs.first_row):
        repair_rows.append((n, _dt(opened), _dt(finished), code, name, tech or "", _t(REPAIR_STATES.get(state, state)),
                            float(Decimal(hours or 0) / 100), _exact(labour), _yuan(parts), _yuan(outside),
                            Formula(f"=I{row_no}+J{row_no}+K{row_no}")))
    repairs.rows(repair_rows)

    labour = sheet(QT_TRANSLATE_NOOP("Domain", "Labour"), _headers(
        QT_TRANSLATE_NOOP("Domain", "Logged"), QT_TRANSLATE_NOOP("Domain", "Repair no."), QT_TRANSLATE_NOOP("Domain", "Item code"), QT_TRANSLATE_NOOP("Domain", "Technician"),
        QT_TRANSLATE_NOOP("Domain", "Hours"), QT_TRANSLATE_NOOP("Domain", "Rate per hour"), QT_TRANSLATE_NOOP("Domain", "Amount")), money=[5, 6], totals=[4, 6])
    labour.rows((_dt(at), n, code, tech or "", float(Decimal(hours) / 100), _yuan(rate), Formula(f"=E{i}*F{i}"))
                for i, (at, n, code, tech, hours, rate) in enumerate(_q(f"""
        SELECT l.logged_at, r.number, i.code, s.name, l.hours, l.rate
        FROM labour_log l JOIN repair_order r ON r.id = l.repair_id JOIN aftersales_item i ON i.id = r.item_id {_ITEM}
        LEFT JOIN technician t ON t.id = l.technician_id LEFT JOIN staff s ON s.id = t.staff_id
        WHERE l.logged_at >= ? AND l.logged_at < ? {where} ORDER BY l.logged_at, l.id""", [lo, hi, *args]),
                                                                     start=labour.first_row))

    parts = sheet(QT_TRANSLATE_NOOP("Domain", "Parts used"), _headers(
        QT_TRANSLATE_NOOP("Domain", "Date"), QT_TRANSLATE_NOOP("Domain", "Repair no."), QT_TRANSLATE_NOOP("Domain", "Part code"), QT_TRANSLATE_NOOP("Domain", "Part"),
        QT_TRANSLATE_NOOP("Domain", "Quantity"), QT_TRANSLATE_NOOP("Domain", "Unit cost"), QT_TRANSLATE_NOOP("Domain", "Amount")), money=[5, 6], totals=[4, 6],
        texts=[2])
    parts.rows((_dt(at), n, sku, name, qty, _yuan(cost), Formula(f"=E{i}*F{i}")) for i, (at, n, sku, name, qty, cost)
               in enumerate(_q(f"""
        SELECT rp.created_at, r.number, pp.sku, pp.name, rp.quantity, rp.unit_cost
        FROM repair_part rp JOIN repair_order r ON r.id = rp.repair_id JOIN product pp ON pp.id = rp.product_id
        JOIN aftersales_item i ON i.id = r.item_id {_ITEM}
        WHERE rp.created_at >= ? AND rp.created_at < ? {where} ORDER BY rp.created_at, rp.id""", [lo, hi, *args]),
               start=parts.first_row))

    exchanges = sheet(QT_TRANSLATE_NOOP("Domain", "Exchanges"), _headers(
        QT_TRANSLATE_NOOP("Domain", "Date"), QT_TRANSLATE_NOOP("Domain", "Item code"), QT_TRANSLATE_NOOP("Domain", "Returned product"), QT_TRANSLATE_NOOP("Domain", "SKU"),
        QT_TRANSLATE_NOOP("Domain", "Handed out"), QT_TRANSLATE_NOOP("Domain", "Serial"), QT_TRANSLATE_NOOP("Domain", "Quantity"), QT_TRANSLATE_NOOP("Domain", "Unit cost"),
        QT_TRANSLATE_NOOP("Domain", "At cost")), money=[7, 8], totals=[6, 8], texts=[3, 5])
    exchanges.rows((_dt(at), code, name, sku, given, serial or "", qty, _yuan(cost), Formula(f"=G{i}*H{i}"))
                   for i, (at, code, name, sku, given, serial, qty, cost) in enumerate(_q(f"""
        SELECT e.created_at, i.code, p.name, rp.sku, rp.name, e.serial, e.quantity, rp.cost
        FROM exchange e JOIN product rp ON rp.id = e.product_id JOIN aftersales_item i ON i.id = e.item_id {_ITEM}
        WHERE e.created_at >= ? AND e.created_at < ? {where} ORDER BY e.created_at, e.id""", [lo, hi, *args]),
                                                                                 start=exchanges.first_row))

    resale = sheet(QT_TRANSLATE_NOOP("Domain", "Resale"), _headers(
        QT_TRANSLATE_NOOP("Domain", "Sale no."), QT_TRANSLATE_NOOP("Domain", "Sold"), QT_TRANSLATE_NOOP("Domain", "Item code"), QT_TRANSLATE_NOOP("Domain", "Product"),
        QT_TRANSLATE_NOOP("Domain", "Grade"), QT_TRANSLATE_NOOP("Domain", "Channel"), QT_TRANSLATE_NOOP("Domain", "Price"), QT_TRANSLATE_NOOP("Domain", "Buyer"),
        QT_TRANSLATE_NOOP("Domain", "Told the customer")), money=[6], totals=[6])
    resale.rows((n, _dt(at), code, name, grade, _t(CHANNELS.get(ch, ch)), _yuan(price), buyer or "",
                 _t(QT_TRANSLATE_NOOP("Domain", "Yes")) if told else "")
                for n, at, code, name, grade, ch, price, buyer, told in _q(f"""
        SELECT x.number, x.sold_at, i.code, p.name, l.grade, x.channel, x.price, x.buyer_name, x.disclosed
        FROM resale_sale x JOIN aftersales_item i ON i.id = x.item_id {_ITEM}
        JOIN resale_listing l ON l.id = x.listing_id
        WHERE x.sold_at >= ? AND x.sold_at < ? {where} ORDER BY x.sold_at, x.id""", [lo, hi, *args]))

    scrap = sheet(QT_TRANSLATE_NOOP("Domain", "Scrap"), _headers(
        QT_TRANSLATE_NOOP("Domain", "No."), QT_TRANSLATE_NOOP("Domain", "Date"), QT_TRANSLATE_NOOP("Domain", "Item code"), QT_TRANSLATE_NOOP("Domain", "Product"),
        QT_TRANSLATE_NOOP("Domain", "Model"), QT_TRANSLATE_NOOP("Domain", "Quantity"), QT_TRANSLATE_NOOP("Domain", "Reason"), QT_TRANSLATE_NOOP("Domain", "Write-off"),
        QT_TRANSLATE_NOOP("Domain", "Approved by")), money=[7], totals=[5, 7])
    scrap.rows((n, _dt(at), code, name, model, qty, reason, _yuan(value), ap or "")
               for n, at, code, name, model, qty, reason, value, ap in _q(f"""
        SELECT x.number, x.created_at, i.code, x.product_name, x.model, x.quantity, x.reason, x.write_off, s.name
        FROM scrap_record x JOIN aftersales_item i ON i.id = x.item_id {_ITEM}
        LEFT JOIN staff s ON s.id = x.approved_by_id
        WHERE x.created_at >= ? AND x.created_at < ? {where} ORDER BY x.created_at, x.id""", [lo, hi, *args]))

    suppliers = sheet(QT_TRANSLATE_NOOP("Domain", "Supplier returns"), _headers(
        QT_TRANSLATE_NOOP("Domain", "Shipped"), QT_TRANSLATE_NOOP("Domain", "Item code"), QT_TRANSLATE_NOOP("Domain", "Product"), QT_TRANSLATE_NOOP("Domain", "Supplier"),
        QT_TRANSLATE_NOOP("Domain", "Reference"), QT_TRANSLATE_NOOP("Domain", "Credit")), money=[5], totals=[5])
    suppliers.rows((_dt(at), code, name, sup or "", ref or "", _yuan(credit))
                   for at, code, name, sup, ref, credit in _q(f"""
        SELECT x.shipped_at, i.code, p.name, su.name, x.reference, x.credit
        FROM supplier_return x JOIN aftersales_item i ON i.id = x.item_id {_ITEM}
        LEFT JOIN supplier su ON su.id = x.supplier_id
        WHERE x.shipped_at >= ? AND x.shipped_at < ? {where} ORDER BY x.shipped_at, x.id""", [lo, hi, *args]))

    from ..services import shipping

    shipments = sheet(QT_TRANSLATE_NOOP("Domain", "Shipments to customers"), _headers(*shipping.SHEET_COLUMNS),
                      money=[6], totals=[6], texts=[1, 2, 4])
    shipments.rows(shipping.sheet_rows(period))
    from .scorecard import write_scorecard_sheet

    write_scorecard_sheet(wb, period, info=info, progress=progress)  # per supplier: for the talk with each

    # opening stock (the import's QC… documents) is a starting balance, not a difference found
    from ..services.importing import OPENING_NOTE
    from ..services.numbering import PREFIXES
    from ..services.stock import StockOverview

    overview = StockOverview()
    as_of = exported.isoformat(" ", "minutes")
    zone_count = len(overview.columns)
    cost_col, value_col = get_column_letter(zone_count + 1), get_column_letter(zone_count + 2)
    total_col = get_column_letter(zone_count)
    stock = sheet(QT_TRANSLATE_NOOP("Domain", "Stock by zone"), [_t(c.title) for c in overview.columns] + _headers(
        QT_TRANSLATE_NOOP("Domain", "Unit cost"), QT_TRANSLATE_NOOP("Domain", "Value at cost")), money=[zone_count, zone_count + 1],
        totals=[*range(4, zone_count), zone_count + 1], texts=[0],
        caption=_t(QT_TRANSLATE_NOOP("Domain", "The shop's own stock as of {moment}, at cost")).format(moment=as_of))
    costs = dict(_q("SELECT id, cost FROM product", []))
    stock.rows([*row[1:], _yuan(costs.get(row[0])), Formula(f"={total_col}{i}*{cost_col}{i}")]
               for i, row in enumerate(overview.fetch(0, 1_000_000), start=stock.first_row))

    adj_where, adj_args = period.product_filter()
    adjustments = sheet(QT_TRANSLATE_NOOP("Domain", "Stock adjustments"), _headers(
        QT_TRANSLATE_NOOP("Domain", "When"), QT_TRANSLATE_NOOP("Domain", "Document"), QT_TRANSLATE_NOOP("Domain", "SKU"), QT_TRANSLATE_NOOP("Domain", "Product"),
        QT_TRANSLATE_NOOP("Domain", "From"), QT_TRANSLATE_NOOP("Domain", "To"), QT_TRANSLATE_NOOP("Domain", "Quantity"), QT_TRANSLATE_NOOP("Domain", "Unit cost"),
        QT_TRANSLATE_NOOP("Domain", "Value at cost"), QT_TRANSLATE_NOOP("Domain", "Note")), money=[7, 8], totals=[6, 8], texts=[2])
    customers_unit = _t(QT_TRANSLATE_NOOP("Domain", "Customer's unit (not the shop's stock)"))
    # a customer's unit is neither the shop's stock nor its value: named in the note, left out of both totals
    adjustments.rows((_dt(at), ref, sku, name, _t(src), _t(dst), None if owned else (qty if found else -qty),
                      None if owned else _yuan(cost), None if owned else Formula(f"=G{i}*H{i}"),
                      "; ".join(x for x in (_t(note) if note else "",
                                            f"{customers_unit} {qty if found else -qty:+d}" if owned else "") if x))
                     for i, (at, ref, sku, name, src, dst, qty, note, found, cost, owned) in enumerate(_q(f"""
        SELECT m.created_at, m.reference, p.sku, p.name, a.name, b.name, m.quantity, m.note, a.code = 'adjustment',
               p.cost, m.customer_owned
        FROM stock_move m JOIN product p ON p.id = m.product_id JOIN location a ON a.id = m.from_location_id
        JOIN location b ON b.id = m.to_location_id
        WHERE (a.code = 'adjustment') <> (b.code = 'adjustment') AND m.created_at >= ? AND m.created_at < ?
              AND NOT (m.note = ? AND m.reference LIKE ?) {adj_where}
        ORDER BY m.created_at, m.id""", [lo, hi, OPENING_NOTE, PREFIXES["opening"] + "%", *adj_args]),
                                                                                             start=adjustments.first_row))

    months = [(key, units) for key, units in _q(f"""
        SELECT {dialect.month('i.created_at')}, SUM(i.quantity) FROM aftersales_item i {_ITEM}
        WHERE i.created_at >= ? AND i.created_at < ? {where} GROUP BY 1 ORDER BY 1""", [lo, hi, *args])]
    if months:  # every month of the period in the table (and on the chart's axis): one without returns as 0
        counted = dict(months)
        months = [(key, counted.get(key, 0)) for key in _month_keys(period)]
    sheets = {"returns": returns, "items": items, "refunds": refunds, "repairs": repairs, "exchanges": exchanges,
              "resale": resale, "scrap": scrap, "suppliers": suppliers, "shipments": shipments, "stock": stock, "adjustments": adjustments,
              "labour": labour, "parts": parts}
    previous_row, current_row, last_trend_row = _trend(trend_sheet, period, info, sheets)
    _summary(summary, charts, period, shop_name, info, sheets, months, as_of,
             trend_table=(trend_sheet, previous_row, current_row, last_trend_row))
    _notes(notes, period, info, sheets, as_of)


# the cost lines of the summary: (label, sheet, column of its total, sign, code in analytics.FIGURES)
COST_LINES = (
    (QT_TRANSLATE_NOOP("Domain", "Refunds"), "refunds", 4, 1, "refunds"),
    (QT_TRANSLATE_NOOP("Domain", "Return shipping"), "returns", 6, 1, "shipping"),
    (QT_TRANSLATE_NOOP("Domain", "Shipping to customers"), "shipments", 6, 1, "shipping_out"),
    (QT_TRANSLATE_NOOP("Domain", "Repair costs"), "repairs", 11, 1, "repairs"),
    (QT_TRANSLATE_NOOP("Domain", "Scrap write-offs"), "scrap", 7, 1, "write_offs"),
    (QT_TRANSLATE_NOOP("Domain", "Replacements at cost"), "exchanges", 8, 1, "replacements"),
    (QT_TRANSLATE_NOOP("Domain", "Recovered by resale"), "resale", 6, -1, "resale"),
    (QT_TRANSLATE_NOOP("Domain", "Credits from suppliers"), "suppliers", 5, -1, "supplier_credits"),
)
# the trend table's columns after Period, From, To: units, then the cost lines, then the net cost (a formula)
TREND_CODES = ("units", *(line[4] for line in COST_LINES))
PERCENT_FORMAT = '+0.0%;-0.0%;0.0%'


def _sheet_total(sheets: dict[str, StreamSheet], key: str, column: int, sign: int = 1) -> Formula:
    s = sheets[key]
    return Formula(("=-" if sign < 0 else "=") + sheet_ref(s.title, s.total_cell(column)))


def _trend(ws, period: analytics.Period, info: BookInfo, sheets: dict[str, StreamSheet]) -> tuple[int, int]:
    """The last 12 periods of the same length, one row each, with the measures noted in each: the rows before are
    figures of those periods; the last row (this period) is formulas over the sheets' totals, as on the summary.
    Returns (the previous period's row, this period's row)."""
    from ..services.measures import list_measures

    points = analytics.trend(period)
    headers = _headers(QT_TRANSLATE_NOOP("Domain", "Period"), QT_TRANSLATE_NOOP("Domain", "From"),
                       QT_TRANSLATE_NOOP("Domain", "To"), QT_TRANSLATE_NOOP("Domain", "Units returned"),
                       *(line[0] for line in COST_LINES), QT_TRANSLATE_NOOP("Domain", "Net cost"),
                       QT_TRANSLATE_NOOP("Domain", "Measures noted"))
    widths = [24, 12, 12, 10] + [16] * (len(COST_LINES) + 1) + [48]
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    print_ready(ws, title=_t(QT_TRANSLATE_NOOP("Domain", "Trend")), shop=info.shop, period=info.period,
                landscape=True, footer=info.footer)
    ws.freeze_panes = "A2"

    def cells(values: Sequence[object], style: str | None = None) -> list:
        out = []
        for index, value in enumerate(values):
            cell = WriteOnlyCell(ws)
            set_value(cell, value)
            if style:
                cell.style = style
            elif 4 <= index < 4 + len(COST_LINES) + 1:
                cell.style = STYLE_MONEY
            elif index in (1, 2):
                cell.number_format = "yyyy-mm-dd"
            out.append(cell)
        return out

    ws.append(cells(headers, STYLE_HEADER))
    noted = list_measures(points[0].period.start, points[-1].period.end)
    first_cost, last_cost = get_column_letter(5), get_column_letter(4 + len(COST_LINES))
    monthly = analytics.trend_is_monthly(period)  # a long period's trend is its last 12 months
    this_period = [_sheet_total(sheets, "items", 6)] + [_sheet_total(sheets, key, column, sign)
                                                        for _l, key, column, sign, _c in COST_LINES]

    def noted_in(p: analytics.Period) -> str:
        return "; ".join(f"{m.date.isoformat()} {m.text}" + (f" ({m.staff.name})" if m.staff else "")
                         for m in noted if p.start <= m.date <= p.end)

    def append(row_no: int, label: str, p: analytics.Period, figures: Sequence[object], notes: str = "") -> None:
        ws.append(cells([label, p.start, p.end, *figures,
                         Formula(f"=SUM({first_cost}{row_no}:{last_cost}{row_no})"), notes]))

    for row_no, point in enumerate(points, start=2):
        p = point.period
        current = not monthly and row_no == len(points) + 1
        # this period (the last of a trend of same-length periods): the summary's own formulas
        append(row_no, analytics.period_name(p), p, this_period if current else
               [point.figures[code] for code in TREND_CODES], noted_in(p))
    last_trend_row = len(points) + 1
    if not monthly:
        return last_trend_row - 1, last_trend_row, last_trend_row
    # the months above are the trend; the summary compares the whole period with the one of the same length
    # before it: both written here, below a blank row
    previous = analytics.previous_period(period)
    ws.append([])
    labelled = _t(QT_TRANSLATE_NOOP("Domain", "{label}: {value}"))
    append(last_trend_row + 2, labelled.format(label=_t(QT_TRANSLATE_NOOP("Domain", "Previous period")),
                                               value=analytics.period_name(previous)), previous,
           [analytics.figures(previous)[code] for code in TREND_CODES], noted_in(previous))
    append(last_trend_row + 3, labelled.format(label=_t(QT_TRANSLATE_NOOP("Domain", "This period")),
                                               value=analytics.period_name(period)), period, this_period)
    return last_trend_row + 2, last_trend_row + 3, last_trend_row


def _summary(ws, charts, period: analytics.Period, shop_name: str, info: BookInfo, sheets: dict[str, StreamSheet],
             months: list[tuple[str, int]], as_of: str, trend_table: tuple[object, int, int, int] | None = None) -> None:
    """*trend_table*: (the trend sheet, the previous period's row, this period's row): each figure's previous
    period is a formula over the trend table, the change and the change in % formulas over the two."""
    ws.column_dimensions["A"].width = 44
    for column in "BCD":
        ws.column_dimensions[column].width = 18
    ws.column_dimensions["E"].width = 11
    ws.column_dimensions["F"].width = 18
    ws.column_dimensions["G"].width = 30
    print_ready(ws, title=_t(QT_TRANSLATE_NOOP("Domain", "Summary")), shop=shop_name, period=info.period,
                header_rows=0, landscape=True, footer=info.footer)
    rows = 0
    new_text = _t(QT_TRANSLATE_NOOP("Domain", "new")).replace('"', '""')
    words = {key: _t(text).replace('"', '""') for key, text in (
        ("better", QT_TRANSLATE_NOOP("Domain", "▼ better")), ("worse", QT_TRANSLATE_NOOP("Domain", "▲ worse")),
        ("up", QT_TRANSLATE_NOOP("Domain", "▲ up (neutral)")), ("down", QT_TRANSLATE_NOOP("Domain", "▼ down (neutral)")),
        ("same", QT_TRANSLATE_NOOP("Domain", "= unchanged")))}

    def row(*values, style: str | None = None, money: bool = False, font: Font | None = None) -> int:
        nonlocal rows
        cells = []
        for index, value in enumerate(values):
            cell = WriteOnlyCell(ws)
            set_value(cell, value)
            if style:
                cell.style = (STYLE_TOTAL_MONEY if style == STYLE_TOTAL and money and index in (1, 2, 3) else style)
            elif money and index in (1, 2, 3):
                cell.style = STYLE_MONEY
            if index == 4 and style != STYLE_HEADER:
                cell.number_format = PERCENT_FORMAT
            if font is not None:
                cell.font = font
            if index == 6:
                cell.alignment = Alignment(indent=1)
            cells.append(cell)
        ws.append(cells)
        rows += 1
        return rows

    def compared(previous: Formula | str, neutral: bool = False) -> tuple:
        """The previous figure, the change, the change in % (0 before: "new", never a division by zero) and the
        direction, for the row about to be written."""
        if trend_table is None:
            return ("", "", "", "")
        n = rows + 1
        up, down = (words["up"], words["down"]) if neutral else (words["worse"], words["better"])
        return (previous, Formula(f"=B{n}-C{n}"),
                Formula(f'=IF(C{n}=0,IF(B{n}=0,0,"{new_text}"),(B{n}-C{n})/ABS(C{n}))'),
                Formula(f'=IF(D{n}>0,"{up}",IF(D{n}<0,"{down}","{words["same"]}"))'))

    def before(column: int) -> Formula:
        trend_ws, previous_row, _now, _last = trend_table
        return Formula("=" + sheet_ref(trend_ws.title, f"{get_column_letter(column)}{previous_row}"))

    row(f"{shop_name} {_t(QT_TRANSLATE_NOOP('Domain', 'After-sales report'))} {period_text(period)}".strip(),
        font=Font(bold=True, size=14))
    row(_t(QT_TRANSLATE_NOOP("Domain", "Exported at")), dt.datetime.fromisoformat(as_of))
    filters = _filter_text(period)
    row(_t(QT_TRANSLATE_NOOP("Domain", "Filter")), filters or _t(QT_TRANSLATE_NOOP("Domain", "None: the whole shop")))
    previous = analytics.previous_period(period)
    row(_t(QT_TRANSLATE_NOOP("Domain", "Compared with")),
        _t(QT_TRANSLATE_NOOP("Domain", "{start} to {end}, the previous period of the same length")).format(
            start=previous.start.isoformat(), end=previous.end.isoformat()))
    row("")
    header = (_t(QT_TRANSLATE_NOOP("Domain", "Previous period")), _t(QT_TRANSLATE_NOOP("Domain", "Change")),
              _t(QT_TRANSLATE_NOOP("Domain", "Change %")), _t(QT_TRANSLATE_NOOP("Domain", "Direction")))
    row("", _t(QT_TRANSLATE_NOOP("Domain", "This period")), *header, _t(QT_TRANSLATE_NOOP("Domain", "Source")),
        style=STYLE_HEADER)
    units_row = row(_t(QT_TRANSLATE_NOOP("Domain", "Units returned")), _sheet_total(sheets, "items", 6),
                    *compared(before(4) if trend_table else "", neutral=True),
                    _t(QT_TRANSLATE_NOOP("Domain", "See sheet {sheet}")).format(sheet=sheets["items"].title),
                    style=STYLE_TOTAL)
    if not months:
        row(_t(QT_TRANSLATE_NOOP("Domain", "No after-sales in this period.")))
    row("")
    row(_t(QT_TRANSLATE_NOOP("Domain", "Cost of after-sales")), _t(QT_TRANSLATE_NOOP("Domain", "Amount")), *header,
        _t(QT_TRANSLATE_NOOP("Domain", "Source")), style=STYLE_HEADER)
    first = rows + 1
    for index, (label, key, column, sign, _code) in enumerate(COST_LINES):
        row(_t(label), _sheet_total(sheets, key, column, sign), *compared(before(5 + index) if trend_table else ""),
            _t(QT_TRANSLATE_NOOP("Domain", "Total of sheet {sheet}")).format(sheet=sheets[key].title), money=True)
    last = rows
    net_row = row(_t(QT_TRANSLATE_NOOP("Domain", "Net cost")), Formula(f"=SUM(B{first}:B{last})"),
                  *compared(Formula(f"=SUM(C{first}:C{last})")), "", style=STYLE_TOTAL, money=True)
    if trend_table is not None:  # a fall in a cost is better (green), a rise worse (red), whatever LibreOffice computes
        from openpyxl.formatting.rule import FormulaRule

        area = f"D{first}:F{net_row}"
        ws.conditional_formatting.add(area, FormulaRule(formula=[f"$D{first}<0"], font=Font(color="2E7D32", bold=True)))
        ws.conditional_formatting.add(area, FormulaRule(formula=[f"$D{first}>0"], font=Font(color="C62828", bold=True)))
    row("")
    row(_t(QT_TRANSLATE_NOOP("Domain", "Stock")), _t(QT_TRANSLATE_NOOP("Domain", "Amount")), "", style=STYLE_HEADER)
    row(_t(QT_TRANSLATE_NOOP("Domain", "Stock at cost as of {moment}")).format(moment=as_of), _sheet_total(sheets, "stock", len(sheets["stock"].headers) - 1),
        "", "", "", "", _t(QT_TRANSLATE_NOOP("Domain", "Total of sheet {sheet}")).format(sheet=sheets["stock"].title), money=True)
    row(_t(QT_TRANSLATE_NOOP("Domain", "Stock adjustments at cost (+ found, − missing)")), _sheet_total(sheets, "adjustments", 8),
        "", "", "", "", _t(QT_TRANSLATE_NOOP("Domain", "Total of sheet {sheet}")).format(sheet=sheets["adjustments"].title), money=True)
    row("")
    month_header = row(_t(QT_TRANSLATE_NOOP("Domain", "Month")), _t(QT_TRANSLATE_NOOP("Domain", "Units returned")), "", style=STYLE_HEADER)
    for key, units in months:
        row(key, units)
    if months:
        row(_t(QT_TRANSLATE_NOOP("Domain", "Total")), Formula(f"=SUM(B{month_header + 1}:B{rows})"), style=STYLE_TOTAL)
    del units_row, net_row

    # the charts on a page of their own: under the tables they would break across pages
    print_ready(charts, title=_t(QT_TRANSLATE_NOOP("Domain", "Charts")), shop=shop_name, period=info.period,
                header_rows=0, landscape=False, footer=info.footer)
    charts.column_dimensions["A"].width = 40
    charts.page_setup.fitToHeight = 1  # three charts: on one page, shrunk a little, never a chart cut in two
    cell = WriteOnlyCell(charts, value=f"{shop_name} {_t(QT_TRANSLATE_NOOP('Domain', 'After-sales report'))} "
                                       f"{period_text(period)}".strip())
    cell.font = Font(bold=True, size=14)
    charts.append([cell])
    chart = BarChart()
    chart.type = "bar"  # horizontal: the cost lines' names read across
    chart.title = _t(QT_TRANSLATE_NOOP("Domain", "Cost of after-sales"))
    # each series named by its column's header on the Summary ("Amount", "Units returned"), never "Series1"
    chart.add_data(Reference(ws, min_col=2, min_row=first - 1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    _axes(chart, _t(QT_TRANSLATE_NOOP("Domain", "Cost of after-sales")), '"¥"#,##0')
    charts.add_chart(chart, "A3")
    if months:
        trend = BarChart()
        trend.type = "col"
        trend.title = _t(QT_TRANSLATE_NOOP("Domain", "Units returned per month"))
        trend.add_data(Reference(ws, min_col=2, min_row=month_header, max_row=month_header + len(months)),
                       titles_from_data=True)
        trend.set_categories(Reference(ws, min_col=1, min_row=month_header + 1, max_row=month_header + len(months)))
        _axes(trend, _t(QT_TRANSLATE_NOOP("Domain", "Units returned")), "0")
        trend.x_axis.title = _t(QT_TRANSLATE_NOOP("Domain", "Month"))
        charts.add_chart(trend, "A24")
    if trend_table is not None:  # repair cost, shipping and refunds over the last 12 periods, from the trend sheet
        trend_ws, _previous_row, _current_row, last_trend_row = trend_table
        lines = LineChart()
        lines.title = (_t(QT_TRANSLATE_NOOP("Domain", "The last 12 months: repair costs, return shipping, refunds"))
                       if analytics.trend_is_monthly(period) else
                       _t(QT_TRANSLATE_NOOP("Domain", "The last 12 periods: repair costs, return shipping, refunds")))
        for code in analytics.TREND_FIGURES:
            column = 4 + TREND_CODES.index(code)
            lines.add_data(Reference(trend_ws, min_col=column, min_row=1, max_row=last_trend_row),
                           titles_from_data=True)
        lines.set_categories(Reference(trend_ws, min_col=1, min_row=2, max_row=last_trend_row))
        _axes(lines, _t(QT_TRANSLATE_NOOP("Domain", "Amount")), '"¥"#,##0')
        lines.legend = Legend()
        lines.legend.position = "b"
        lines.x_axis.title = _t(QT_TRANSLATE_NOOP("Domain", "Period (measures: see sheet {sheet})")).format(
            sheet=trend_ws.title)
        charts.add_chart(lines, "A45")


def _month_keys(period: analytics.Period) -> list[str]:
    keys, day = [], analytics.month_start(period.start)
    while day <= period.end:
        keys.append(f"{day:%Y-%m}")
        day = analytics.add_months(day, 1)
    return keys


def _axes(chart: BarChart, y_title: str, y_format: str) -> None:
    """Both axes written out in full (openpyxl leaves them implicit, and Excel may then hide them)."""
    chart.legend = None
    chart.height, chart.width = 9.5, 18
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.title = y_title
    chart.y_axis.number_format = y_format
    chart.y_axis.majorGridlines = ChartLines()
    chart.x_axis.number_format = "@"
    chart.x_axis.tickLblPos = "low"  # below the bars even when a line is negative (recovered by resale)


NOTES = (
    (QT_TRANSLATE_NOOP("Domain", "Units returned"), "items",
     QT_TRANSLATE_NOOP("Domain", "Units on the items received in the period, by the date each was received.")),
    (QT_TRANSLATE_NOOP("Domain", "Refunds"), "refunds",
     QT_TRANSLATE_NOOP("Domain", "Money paid back to customers, by the date it was paid. A refund given by mistake and "
                  "reversed with the owner's approval stays listed; its reversal is a negative line of its own "
                  "(CX…), by the date it was reversed.")),
    (QT_TRANSLATE_NOOP("Domain", "Return shipping"), "returns",
     QT_TRANSLATE_NOOP("Domain", "Shipping paid on the return orders registered in the period, by the order's date. With a "
                  "filter, an order's shipping is shared over its units.")),
    (QT_TRANSLATE_NOOP("Domain", "Shipping to customers"), "shipments",
     QT_TRANSLATE_NOOP("Domain", "What the shop paid carriers to send repaired units and replacements back to customers, "
                  "by the day shipped.")),
    (QT_TRANSLATE_NOOP("Domain", "Repair costs"), "repairs",
     QT_TRANSLATE_NOOP("Domain", "What repairs cost in the period: labour by the date it was logged (sheet Labour), parts by "
                  "the date they were used (sheet Parts used), outside fees with the repair's opening. A repair "
                  "that runs over two periods is counted in each for the work done in it.")),
    (QT_TRANSLATE_NOOP("Domain", "Scrap write-offs"), "scrap", QT_TRANSLATE_NOOP("Domain", "Write-offs approved for scrapped units, by the scrap date.")),
    (QT_TRANSLATE_NOOP("Domain", "Replacements at cost"), "exchanges",
     QT_TRANSLATE_NOOP("Domain", "Units handed out in exchange, at the product's cost, by the date of the exchange.")),
    (QT_TRANSLATE_NOOP("Domain", "Recovered by resale"), "resale",
     QT_TRANSLATE_NOOP("Domain", "Refurbished units sold at a discount, by the date sold; subtracted from the cost.")),
    (QT_TRANSLATE_NOOP("Domain", "Credits from suppliers"), "suppliers",
     QT_TRANSLATE_NOOP("Domain", "Credit for units sent back to suppliers, by the date shipped; subtracted from the cost.")),
    (QT_TRANSLATE_NOOP("Domain", "Net cost"), "",
     QT_TRANSLATE_NOOP("Domain", "The cost lines above added up, resale and supplier credits taken off.")),
    (QT_TRANSLATE_NOOP("Domain", "Previous period"), "",
     QT_TRANSLATE_NOOP("Domain", "Each figure beside the period of the same length just before this one (a month: the "
                  "month before; a year: the year before; a range of days: as many days before), from sheet Trend. "
                  "The change and its % are formulas; a % beside a figure that was 0 reads “new”. A cost that falls "
                  "is better; a count of units is neither.")),
    (QT_TRANSLATE_NOOP("Domain", "Trend"), "",
     QT_TRANSLATE_NOOP("Domain", "The last 12 periods, with the measures noted in each: for a period of a month or "
                  "less, 12 periods of its length, this one last (its row is formulas over the sheets' totals, as on "
                  "the summary); for a longer period its last 12 months, then the previous period and this one.")),
    (QT_TRANSLATE_NOOP("Domain", "Stock at cost"), "stock",
     QT_TRANSLATE_NOOP("Domain", "The shop's own units in each zone at the moment of the export (customers' units in for "
                  "repair are not the shop's stock), at each product's cost. Not narrowed by the filter.")),
    (QT_TRANSLATE_NOOP("Domain", "Stock adjustments"), "adjustments",
     QT_TRANSLATE_NOOP("Domain", "Moves into or out of stock by a count or a correction in the period: + found, − missing, "
                  "valued at the product's cost. Opening stock is a starting balance, not an adjustment, and is "
                  "not listed.")),
)


def _notes(ws, period: analytics.Period, info: BookInfo, sheets: dict[str, StreamSheet], as_of: str) -> None:
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 18
    ws.column_dimensions["C"].width = 90
    print_ready(ws, title=_t(QT_TRANSLATE_NOOP("Domain", "Notes")), shop=info.shop, period=info.period, landscape=True,
                footer=info.footer)

    def row(values: Sequence[object], style: str | None = None) -> None:
        cells = []
        for value in values:
            cell = WriteOnlyCell(ws)
            set_value(cell, value)
            if style:
                cell.style = style
            cells.append(cell)
        ws.append(cells)

    def note(label: str, sheet: str, text: str) -> None:
        # wrapped here, one line per row: a write-only sheet cannot size its rows, and Excel and LibreOffice
        # would otherwise print wrapped lines over each other
        for index, line in enumerate(wrap(text, 88)):
            row([label if index == 0 else "", sheet if index == 0 else "", line])

    row([_t(QT_TRANSLATE_NOOP("Domain", "Figure")), _t(QT_TRANSLATE_NOOP("Domain", "Sheet")), _t(QT_TRANSLATE_NOOP("Domain", "What it counts"))], STYLE_HEADER)
    for label, key, text in NOTES:
        note(_t(label), sheets[key].title if key else "", _t(text))
    row([])
    for text in (QT_TRANSLATE_NOOP("Domain", "Every figure of the summary is a formula over the total row of its sheet, so the two "
                              "always agree."),
                 QT_TRANSLATE_NOOP("Domain", "Money is in yuan. Dates are the shop's local time. The period runs from the first "
                              "day 00:00 to the end of the last day."),
                 QT_TRANSLATE_NOOP("Domain", "A month at the edge of the period counts only its days inside the period.")):
        note(_t(QT_TRANSLATE_NOOP("Domain", "Note")), "", _t(text))
    row([_t(QT_TRANSLATE_NOOP("Domain", "Period")), "", info.period])
    row([_t(QT_TRANSLATE_NOOP("Domain", "Filter")), "", _filter_text(period) or _t(QT_TRANSLATE_NOOP("Domain", "None: the whole shop"))])
    row([_t(QT_TRANSLATE_NOOP("Domain", "Exported at")), "", as_of])
