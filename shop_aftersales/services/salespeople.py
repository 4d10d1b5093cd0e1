"""Who sold it: the salesperson column of the sales import, matched to the shop's staff.

A name in the file is matched to a staff member by name, trimmed and regardless of case (and of full-width
letters, NFKC); a name no staff member has is looked up among the names remembered from earlier imports
(``staff_alias``, migration 0019: a till exports the same nicknames every month). A name found nowhere is never
dropped: the import stops before writing anything and lists it with its rows (:class:`UnknownSalespeople`);
the import dialog then offers, per name, to create it as a sales staff member or to map it to an existing one
(:class:`NameChoice`), and the import run again with those choices goes through. A mapping is remembered for
the next imports unless the caller says otherwise; creating staff is an owner's step once the owner has a PIN,
as in Settings → Staff and PINs. No Qt here."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..models import Staff
from ..models.staff_alias import StaffAlias
from .import_cells import ImportFailed, Problem
from .import_cells import problem as _p


def name_key(name: str) -> str:
    """What a salesperson's name is matched by: NFKC (full-width letters as ASCII), trimmed, inner runs of spaces
    as one, case-folded. '  Wang  Li ' and 'ｗａｎｇ li' are the same name."""
    return " ".join(unicodedata.normalize("NFKC", name or "").split()).casefold()


@dataclass(frozen=True)
class NameChoice:
    """What to do with a name no staff member has: map it to *staff_id*, or (None) create a sales staff member
    with that name."""

    name: str
    staff_id: int | None = None


@dataclass(frozen=True)
class UnknownName:
    name: str               # as the file first writes it
    rows: tuple[int, ...]   # the sheet rows that name it


class UnknownSalespeople(ImportFailed):
    """The file names salespeople who are no staff member (and maybe has other problems too). Nothing was
    written; ``names`` lists the unknown names with their rows, for the dialog to offer a choice per name."""

    def __init__(self, problems: list[Problem], names: list[UnknownName], file: str = "") -> None:
        super().__init__(problems, file=file)
        self.names = names

    def report(self, limit: int | None = None, hint: bool = True) -> str:
        text = super().report(limit)
        if not hint:
            return text
        return text + "\n" + translate("Domain", QT_TRANSLATE_NOOP(
            "Domain", "To import the file, add these salespeople in the app (Settings → Staff and PINs…, or File → "
                      "Import from Excel…, which offers to create each name or map it to a staff member and "
                      "remembers it), or write the name of a staff member in the file instead."))


@dataclass
class Resolved:
    """The staff member for each name of the file (by :func:`name_key`), and what the import will say about it."""

    staff: dict[str, Staff] = field(default_factory=dict)
    to_create: dict[str, str] = field(default_factory=dict)       # key -> the name as written
    to_map: dict[str, tuple[str, Staff]] = field(default_factory=dict)  # key -> (as written, staff member)
    remembered: list[tuple[str, str]] = field(default_factory=list)     # (as written, staff name), read from aliases
    unknown: list[UnknownName] = field(default_factory=list)


def resolve(names: dict[str, tuple[str, list[int]]], choices: Iterable[NameChoice] = (),
            column: str = "") -> tuple[Resolved, list[Problem]]:
    """Match the file's salesperson *names* (key -> (as first written, its rows)) to staff. Returns what was
    found and the problems (an unknown name, a choice naming a staff member who does not exist)."""
    result, problems = Resolved(), []
    if not names:
        return result, problems
    by_key: dict[str, Staff] = {}
    # active staff first, then the oldest: two names that differ only in case are matched to one staff member
    for member in Staff.select().order_by(Staff.active.desc(), Staff.id):
        by_key.setdefault(name_key(member.name), member)
    aliases = {a.name: a for a in StaffAlias.select(StaffAlias, Staff).join(Staff, on=StaffAlias.staff)
               .where(StaffAlias.name.in_(list(names)))}
    chosen = {name_key(c.name): c for c in choices}
    for key, (written, rows) in names.items():
        if key in by_key:
            result.staff[key] = by_key[key]
        elif key in aliases:
            result.staff[key] = aliases[key].staff
            result.remembered.append((written, aliases[key].staff.name))
        elif key in chosen and chosen[key].staff_id is None:
            result.to_create[key] = written
        elif key in chosen:
            member = Staff.get_or_none(Staff.id == chosen[key].staff_id)
            if member is None:
                problems.append(_p(rows[0], column, QT_TRANSLATE_NOOP(
                    "Domain", "'{name}' was to be read as a staff member who no longer exists: choose again."),
                    name=written))
                continue
            result.staff[key] = member
            result.to_map[key] = (written, member)
        else:
            result.unknown.append(UnknownName(written, tuple(rows)))
            problems.append(_p(rows[0], column, QT_TRANSLATE_NOOP(
                "Domain", "No staff member is called '{name}' (row(s) {rows})."),
                name=written, rows=_rows_text(rows)))
    return result, problems


def _rows_text(rows: list[int], shown: int = 10) -> str:
    text = ", ".join(str(r) for r in rows[:shown])
    if len(rows) > shown:
        text += translate("Domain", QT_TRANSLATE_NOOP("Domain", " and {count} more")).format(count=len(rows) - shown)
    return text


def apply(resolved: Resolved, staff: Staff | None, approval=None, remember: bool = True) -> list[str]:
    """Inside the import's business step: create the staff chosen to be created (the owner's step once the owner
    has a PIN: *approval*) and remember the mappings chosen. Returns the messages the import adds."""
    from .settings import record_change
    from .staff import owner_protection_on, require_owner

    messages = []
    if resolved.to_create:
        approver = require_owner(approval) if owner_protection_on() else None
        for key, written in resolved.to_create.items():
            name = " ".join(written.split())
            if len(name) > 255:
                raise DomainError(QT_TRANSLATE_NOOP("Domain", "The salesperson's name '{name}…' is too long."),
                                  name=name[:20])
            member = Staff.create(name=name, role="sales", active=True)
            record_change("staff", member.name, {}, {"name": member.name, "role": "sales", "active": True,
                                                     "pin": False}, staff or approver, approver)
            resolved.staff[key] = member
        messages.append(translate("Domain", QT_TRANSLATE_NOOP("Domain", "New sales staff: {names}.")).format(
            names=_names(resolved.to_create.values())))
    if resolved.to_map:
        if remember:
            for key, (written, member) in resolved.to_map.items():
                StaffAlias.insert(name=key, written=written[:255], staff=member,
                                  created_by=staff.id if staff is not None else None).on_conflict(
                    conflict_target=[StaffAlias.name], update={StaffAlias.staff: member.id}).execute()
            source = QT_TRANSLATE_NOOP("Domain", "Read as staff members, and remembered for the next imports: "
                                                 "{mappings}.")
        else:
            source = QT_TRANSLATE_NOOP("Domain", "Read as staff members for this import: {mappings}.")
        messages.append(translate("Domain", source).format(
            mappings=_mappings((w, m.name) for w, m in resolved.to_map.values())))
    if resolved.remembered:
        messages.append(translate("Domain", QT_TRANSLATE_NOOP(
            "Domain", "Read as staff members, as remembered from earlier imports: {mappings}.")).format(
            mappings=_mappings(resolved.remembered)))
    return messages


def _names(names: Iterable[str]) -> str:
    return translate("Domain", QT_TRANSLATE_NOOP("Domain", ", ")).join(names)


def _mappings(pairs: Iterable[tuple[str, str]]) -> str:
    return _names(translate("Domain", QT_TRANSLATE_NOOP("Domain", "{name} → {staff}")).format(name=w, staff=s)
                  for w, s in pairs)


def remembered_names() -> list[tuple[str, str]]:
    """(the name as written, the staff member's name) of every remembered mapping, by name."""
    return [(a.written, a.staff.name) for a in StaffAlias.select(StaffAlias, Staff)
            .join(Staff, on=StaffAlias.staff).order_by(StaffAlias.written)]
