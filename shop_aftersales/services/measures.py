"""Measures (措施): what the owner changed on a date — "new courier from 2026-10-01", "supplier X dropped" — so a
figure's before and after can be read against it. Adding and removing are business steps open to all staff (a
note changes no money); each measure keeps who noted it and when."""

from __future__ import annotations

import datetime as dt
import unicodedata

import peewee as pw

from ..errors import DomainError, NotFound
from ..i18n import QT_TRANSLATE_NOOP
from ..models.measures import Measure
from ..models.parties import Staff
from .base import Changes, business_step

MAX_LENGTH = 200
EARLIEST = dt.date(2000, 1, 1)


def _clean(text: str) -> str:
    text = " ".join((text or "").split())
    if not text:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Say what the measure was, e.g. “new courier”."))
    if len(text) > MAX_LENGTH:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "A measure is a short note: at most {limit} characters, "
                                                      "this one has {length}."), limit=MAX_LENGTH, length=len(text))
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in text):
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The measure's text holds an invisible or control character; "
                                                      "type it again."))
    return text


@business_step
def add_measure(day: dt.date, text: str, staff: Staff | None) -> Changes:
    """Note a measure that took effect on *day*, written by *staff*."""
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Give the day the measure took effect."))
    if day < EARLIEST:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "A measure dated {date} is before the year 2000: check the "
                                                      "date."), date=day.isoformat())
    measure = Measure.create(date=day, text=_clean(text), staff=staff.id if staff else None)
    return Changes(created=1, ids=(measure.id,), reference=f"measure:{measure.id}")


@business_step
def remove_measure(measure_id: int, staff: Staff | None = None) -> Changes:
    """Take a measure off the charts (noted by mistake). Open to all staff, like adding one."""
    deleted = Measure.delete().where(Measure.id == measure_id).execute()
    if not deleted:
        raise NotFound(QT_TRANSLATE_NOOP("Domain", "That measure is no longer there: someone removed it already."))
    return Changes(ids=(measure_id,))


def list_measures(start: dt.date | None = None, end: dt.date | None = None) -> list[Measure]:
    """The measures from *start* to *end* (both included; either may be open), oldest first, with who noted them."""
    query = Measure.select(Measure, Staff).join(Staff, on=(Measure.staff == Staff.id), join_type=pw.JOIN.LEFT_OUTER)
    if start is not None:
        query = query.where(Measure.date >= start)
    if end is not None:
        query = query.where(Measure.date <= end)
    return list(query.order_by(Measure.date, Measure.id))
