"""The audit log: every event of every after-sales item (who, when, what, from → to, why), filterable by
item, staff member and date, and exportable."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import peewee as pw

from ..i18n import QT_TRANSLATE_NOOP, translate
from ..models import AftersalesItem, ItemEvent, Product, Staff
from ..models.aftersales import EVENT_NAMES, STATUSES
from .cards import event_text
from .base import Progress
from .paging import Column, PagedSource


def _status(field) -> pw.Node:
    return pw.Case(field, list(STATUSES.items()), "")


@dataclass
class AuditLog(PagedSource):
    text: str = ""  # an item code (or part of it), a serial, or a product name
    staff_id: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def __post_init__(self) -> None:
        self.id_field = ItemEvent.id
        self.columns = [
            Column("when", QT_TRANSLATE_NOOP("Domain", "When"), ItemEvent.created_at),
            Column("who", QT_TRANSLATE_NOOP("Domain", "Who"), Staff.name),
            Column("code", QT_TRANSLATE_NOOP("Domain", "Item code"), AftersalesItem.code),
            Column("product", QT_TRANSLATE_NOOP("Domain", "Product"), Product.name),
            Column("event", QT_TRANSLATE_NOOP("Domain", "Event"), pw.Case(ItemEvent.code, list(EVENT_NAMES.items())),
                   translate=True),
            Column("from", QT_TRANSLATE_NOOP("Domain", "From"), _status(ItemEvent.from_status), translate=True),
            Column("to", QT_TRANSLATE_NOOP("Domain", "To"), _status(ItemEvent.to_status), translate=True),
            Column("note", QT_TRANSLATE_NOOP("Domain", "Note"), ItemEvent.note),
        ]

    def query(self) -> pw.ModelSelect:
        q = (ItemEvent.select(ItemEvent.id, *[c.expr for c in self.columns]).join(AftersalesItem).join(Product)
             .switch(ItemEvent).join(Staff, pw.JOIN.LEFT_OUTER))
        if self.text.strip():
            t = self.text.strip()
            q = q.where(AftersalesItem.code.contains(t) | (AftersalesItem.serial == t) | Product.name.contains(t))
        if self.staff_id:
            q = q.where(ItemEvent.staff == self.staff_id)
        if self.start:
            q = q.where(ItemEvent.created_at >= dt.datetime.combine(self.start, dt.time()))
        if self.end:
            q = q.where(ItemEvent.created_at < dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time()))
        return q


class _Event(NamedTuple):
    """What event_text reads of an event, from a plain row."""

    code: int
    from_status: str
    to_status: str
    data: str


def export(source: AuditLog, path: Path, progress: Progress | None = None) -> Path:
    """The filtered log as a workbook, each event in words (as on the ID card), oldest first. Streamed from one
    cursor over the filtered query as plain rows, so five years of a busy shop (300 000 events) are written with
    flat memory."""
    from ..reports.workbook import write_table

    headers = [translate("Domain", h) for h in (
        QT_TRANSLATE_NOOP("Domain", "When"), QT_TRANSLATE_NOOP("Domain", "Who"), QT_TRANSLATE_NOOP("Domain", "Item code"),
        QT_TRANSLATE_NOOP("Domain", "Event"), QT_TRANSLATE_NOOP("Domain", "Note"))]
    query = source.ordered(0, False).select(
        ItemEvent.created_at, Staff.name, AftersalesItem.code, ItemEvent.code, ItemEvent.from_status,
        ItemEvent.to_status, ItemEvent.data, ItemEvent.note).tuples()
    rows = ([when, who or "", item_code, event_text(_Event(code, from_status, to_status, data)), note]
            for when, who, item_code, code, from_status, to_status, data, note in query.iterator())
    return write_table(Path(path), translate("Domain", QT_TRANSLATE_NOOP("Domain", "Audit log")), headers, rows,
                       progress)
