"""The audit log: every event of every after-sales item (who, when, what, from → to, why), filterable by
item, staff member and date, and exportable."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from pathlib import Path

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


def export(source: AuditLog, path: Path, progress: Progress | None = None) -> Path:
    """The filtered log as a workbook, each event in words (as on the ID card), oldest first. Streamed: the ids
    come from the filtered query in order and the events are read 500 at a time, so five years of a busy shop
    (300 000 events) are written with flat memory."""
    from ..reports.workbook import write_table

    headers = [translate("Domain", h) for h in (
        QT_TRANSLATE_NOOP("Domain", "When"), QT_TRANSLATE_NOOP("Domain", "Who"), QT_TRANSLATE_NOOP("Domain", "Item code"),
        QT_TRANSLATE_NOOP("Domain", "Event"), QT_TRANSLATE_NOOP("Domain", "Note"))]

    def rows():
        ordered = (row[0] for row in source.ordered(0, False).iterator())
        while chunk := list(itertools.islice(ordered, 500)):
            events = {e.id: e for e in ItemEvent.select(ItemEvent, AftersalesItem, Staff).join(AftersalesItem)
                      .switch(ItemEvent).join(Staff, pw.JOIN.LEFT_OUTER).where(ItemEvent.id.in_(chunk))}
            for event_id in chunk:
                e = events[event_id]
                yield [e.created_at, e.staff.name if e.staff_id else "", e.item.code, event_text(e), e.note]

    return write_table(Path(path), translate("Domain", QT_TRANSLATE_NOOP("Domain", "Audit log")), headers, rows(),
                       progress)
