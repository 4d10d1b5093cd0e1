"""The supplier scorecard on paper, for a talk with a supplier: A4 landscape, in the shop's document language.
One supplier (its figures set out one per line, its main reasons, the shop's overall return rate beside its own)
or all of them (the scorecard's table with a total row); the shop, the period and "Page x of y" on every page."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPagedPaintDevice

from ..clock import now
from ..money import format_yuan
from ..reports import analytics
from ..reports.scorecard import Scorecard, SupplierScore, reasons_text, supplier_name
from ..services import settings as shop_settings
from .pages import document, write_pdf
from .table import render_paged_html

ALL = "all"  # print every supplier (else the supplier's id, or None for the goods without one)


def _domain(text: str) -> str:
    return QCoreApplication.translate("Domain", text)


def _pct(rate: float) -> str:
    return f"{rate * 100:.1f}%"


def _days(days: int | None) -> str:
    return "—" if days is None else str(days)


def _period_line(card: Scorecard) -> str:
    return QCoreApplication.translate(
        "Printing", "Period: {start} to {end}. Open supplier returns as of {day}.").format(
        start=card.period.start.isoformat(), end=card.period.end.isoformat(), day=card.as_of.isoformat())


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def title(card: Scorecard, supplier_id: object = ALL) -> str:
    """The printout's title: "Supplier scorecard" or "Supplier scorecard: 甲" (in the current language)."""
    if supplier_id == ALL:
        return QCoreApplication.translate("Printing", "Supplier scorecard")
    score = card.supplier(supplier_id)  # type: ignore[arg-type]
    return QCoreApplication.translate("Printing", "Supplier scorecard: {supplier}").format(
        supplier=supplier_name(score) if score else "")


def _paragraph(text: str) -> str:
    return f"<p>{_esc(text)}</p>"


def _one_html(card: Scorecard, score: SupplierScore) -> str:
    figures = [
        (QCoreApplication.translate("Printing", "Units sold"), str(score.sold)),
        (QCoreApplication.translate("Printing", "Units returned (of those sold in the period)"), str(score.returned)),
        (QCoreApplication.translate("Printing", "Return rate"), _pct(score.rate)),
        (QCoreApplication.translate("Printing", "Return rate of all suppliers"), _pct(card.rate)),
        (QCoreApplication.translate("Printing", "Repair cost on these goods (labour, parts, outside fees)"),
         format_yuan(score.repair_cost)),
        (QCoreApplication.translate("Printing", "Scrap write-offs"), format_yuan(score.write_offs)),
        (QCoreApplication.translate("Printing", "Credits received back"), format_yuan(score.credits)),
        (QCoreApplication.translate("Printing", "Open supplier returns (units)"), str(score.open_returns)),
        (QCoreApplication.translate("Printing", "Oldest open return (days waiting)"), _days(score.oldest_open_days)),
    ]
    rows = "".join(f"<tr><td width='60%'>{_esc(label)}</td><td align='right'>{_esc(value)}</td></tr>"
                   for label, value in figures)
    if score.reasons:
        heading = QCoreApplication.translate("Printing", "Main reasons for returns")
        reason, units = QCoreApplication.translate("Printing", "Reason"), QCoreApplication.translate("Printing", "Units")
        reasons = "".join(f"<tr><td width='60%'>{_esc(_domain(analytics.reason_label(code)))}</td>"
                          f"<td align='right'>{n}</td></tr>" for code, n in score.reasons)
        reasons_table = (f"<h4>{_esc(heading)}</h4>"
                         f"<table width='60%' cellspacing='0' cellpadding='4' border='1' {_GRID}>"
                         f"<tr style='background:#ddebf7'><th align='left'>{_esc(reason)}</th>"
                         f"<th align='right'>{_esc(units)}</th></tr>{reasons}</table>")
    else:
        reasons_table = _paragraph(QCoreApplication.translate("Printing", "No returns of the units sold in the period."))
    return (f"<h2>{_esc(title(card, score.supplier_id))}</h2>{_paragraph(_period_line(card))}"
            f"<table width='60%' cellspacing='0' cellpadding='4' border='1' {_GRID}>{rows}</table>{reasons_table}")


_GRID = "style='border-collapse:collapse; border-style:solid; border-color:#808080'"
_NUMERIC = {1, 2, 3, 5, 6, 7, 8, 9}
_WIDTHS = {0: " width=17%", 4: " width=24%"}  # the supplier and its reasons: room to read


def _line(values: list[object], bold: bool = False) -> str:
    cells = []
    for index, value in enumerate(values):
        text = f"<b>{_esc(value)}</b>" if bold else _esc(value)
        cells.append(f"<td align='{'right' if index in _NUMERIC else 'left'}'>{text}</td>")
    return "<tr>" + "".join(cells) + "</tr>"


def _all_html(card: Scorecard) -> str:
    from ..reports.scorecard import COLUMNS

    head = "".join(f"<th align='{'right' if i in _NUMERIC else 'left'}'{_WIDTHS.get(i, '')}>"
                   f"{_esc(_domain(t))}</th>" for i, (t, _k) in enumerate(COLUMNS))
    body = "".join(_line([supplier_name(s), s.sold, s.returned, _pct(s.rate), reasons_text(s),
                          format_yuan(s.repair_cost), format_yuan(s.write_offs), format_yuan(s.credits),
                          s.open_returns, _days(s.oldest_open_days)]) for s in card.suppliers)
    total = _line([QCoreApplication.translate("Domain", "Total"), card.sold, card.returned, _pct(card.rate), "",
                   format_yuan(card.repair_cost), format_yuan(card.write_offs), format_yuan(card.credits),
                   card.open_returns, _days(card.oldest_open_days)], bold=True)
    empty = "" if card.suppliers else _paragraph(
        QCoreApplication.translate("Printing", "No supplier had sales or after-sales in this period."))
    return (f"<h2>{_esc(title(card))}</h2>{_paragraph(_period_line(card))}"
            f"<table width='100%' cellspacing='0' cellpadding='3' border='1' {_GRID}>"
            f"<thead><tr style='background:#ddebf7'>{head}</tr></thead><tbody>{body}{total}</tbody></table>{empty}")


def scorecard_html(card: Scorecard, supplier_id: object = ALL) -> str:
    if supplier_id == ALL:
        return _all_html(card)
    score = card.supplier(supplier_id)  # type: ignore[arg-type]
    if score is None:
        return (f"<h2>{_esc(title(card, supplier_id))}</h2>"
                + _paragraph(QCoreApplication.translate("Printing", "No figures for this supplier in this period.")))
    return _one_html(card, score)


@document
def render_scorecard(device: QPagedPaintDevice, card: Scorecard, supplier_id: object = ALL) -> None:
    """The scorecard of one supplier (*supplier_id*) or of all (ALL) on A4 landscape pages."""
    render_paged_html(device, scorecard_html(card, supplier_id),
                      f"{shop_settings.get(shop_settings.SHOP_NAME)}  {now():%Y-%m-%d %H:%M}", points=10)


@document
def scorecard_pdf(path: Path, card: Scorecard, supplier_id: object = ALL) -> Path:
    return write_pdf(path, lambda device: render_scorecard(device, card, supplier_id), title(card, supplier_id))
