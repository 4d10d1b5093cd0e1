"""Shop settings that belong to the shop's data (and so travel with its backups), and the record of their changes.

The shop's details (name, address, phone, the item label's size, the return terms on the slip) are open to every
staff member: they change what is printed, not what the shop allows. Everything else that rules the shop — the
promises and the messages to customers, the repair-cost warning, the resale rules, the backup folders (and, in
services.owner_settings, the return policy, the resale pricing rules and checklists, the printers) — is
owner-only once an active owner has a PIN: the step needs the owner's approval (services.staff.require_owner:
the owner chosen and the owner's PIN typed, also when the owner is the one signed in), and the database refuses
the change otherwise (triggers of migration 0010). Every change is recorded in ``setting_change`` (who, when,
approved by, before → after), append-only."""

from __future__ import annotations

import contextlib
import json
from typing import Iterator

from ..errors import DomainError
from .. import i18n
from ..i18n import QT_TRANSLATE_NOOP
from ..models import dialect
from ..models import Setting, Staff, db
from ..models.documents import SettingChange
from .base import Changes, business_step

SHOP_NAME = "shop.name"
SHOP_ADDRESS = "shop.address"
SHOP_PHONE = "shop.phone"
# the language of the shop's documents and of the texts that go on them ("zh_CN" or "en"; not set: the UI's)
DOCUMENT_LANGUAGE = "shop.document_language"
# the shop's details, open to all staff (the keys of printing.label and printing.slip, named here as text:
# services do not import printing)
OPEN_KEYS = frozenset({SHOP_NAME, SHOP_ADDRESS, SHOP_PHONE, DOCUMENT_LANGUAGE, "label.width_mm", "label.height_mm",
                       "slip.terms"})

# What each kind of change is called in the record (area code -> English label, translated when shown).
AREAS = {
    "policy": QT_TRANSLATE_NOOP("Domain", "Return policy"),
    "resale": QT_TRANSLATE_NOOP("Domain", "Resale rules"),
    "promises": QT_TRANSLATE_NOOP("Domain", "Promises and messages"),
    "repairs": QT_TRANSLATE_NOOP("Domain", "Repair costs"),
    "backup": QT_TRANSLATE_NOOP("Domain", "Backup folders"),
    "printers": QT_TRANSLATE_NOOP("Domain", "Printers"),
    "staff": QT_TRANSLATE_NOOP("Domain", "Staff"),
    "shop": QT_TRANSLATE_NOOP("Domain", "Shop details"),
    "other": QT_TRANSLATE_NOOP("Domain", "Other settings"),
}


def owner_only(key: str) -> bool:
    """Whether the setting *key* needs the owner's approval (the same rule as OWNER_ONLY_KEY of migration 0010)."""
    return key.startswith(("promise.", "message.", "repair.", "resale.", "returns.")) or (
        key.startswith("backup.") and "folder" in key)


def area_of(key: str) -> str:
    if key in OPEN_KEYS:
        return "shop"
    if key.startswith(("promise.", "message.", "returns.", "repair.turnaround", "repair.complex")):
        return "promises"
    if key.startswith("repair."):
        return "repairs"
    if key.startswith("resale."):
        return "resale"
    if key.startswith("backup."):
        return "backup"
    return "other"


def get(key: str, default: str = "") -> str:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row else default


def stored_document_language() -> str | None:
    """The shop's document language as set ("zh_CN" or "en"), None when it was never set."""
    value = get(DOCUMENT_LANGUAGE).strip()
    return i18n.normalise(value) if value else None


def document_language() -> str:
    """The shop's document language: its setting, else the UI language of this process."""
    return i18n.document_language()


i18n.provide_document_language(stored_document_language)


@business_step
def adopt_document_language(language: str) -> Changes:
    """A brand-new shop speaks the language chosen at its first start: store it unless one is set already."""
    if stored_document_language() is None:
        write_approved({DOCUMENT_LANGUAGE: i18n.normalise(language)}, None, None)
    return Changes(settings=True)


def approve(staff: Staff | None, approval) -> Staff | None:
    """The owner approving an owner-only change, once protection is on (else None: anyone may)."""
    from .staff import Approval, owner_protection_on, require_owner

    if not owner_protection_on():
        return None
    if approval is None or (isinstance(approval, Approval) and approval.staff is None):
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Only the owner can change this: choose the owner and type "
                                            "the owner's PIN."))
    return require_owner(approval)


@contextlib.contextmanager
def owner_grant() -> Iterator[None]:
    """Inside an approved business step: let the database take owner-only changes (migration 0010's triggers
    refuse them otherwise). The grant lives only inside the step's transaction."""
    if not db.in_transaction():
        raise RuntimeError("an owner's grant is only given inside a business step")
    dialect.execute('INSERT INTO "setting_grant" DEFAULT VALUES')
    try:
        yield
    finally:
        dialect.execute('DELETE FROM "setting_grant"')


def _as_text(value: object) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def record_change(area: str, subject: str, before: object, after: object, staff: Staff | None,
                  approved_by: Staff | None) -> None:
    """Append one line to the record of setting changes (inside the step that makes the change)."""
    SettingChange.create(area=area, subject=subject[:255], before=_as_text(before), after=_as_text(after),
                         staff=staff.id if staff is not None else None,
                         approved_by=approved_by.id if approved_by is not None else None)


def write_approved(values: dict[str, str], staff: Staff | None, approver: Staff | None) -> None:
    """Inside a business step that has already checked the owner's approval (*approver*, None while protection
    is off): write and record the settings of *values* that change."""
    changed = {key: value.strip() for key, value in values.items() if value.strip() != get(key)}
    with owner_grant() if approver is not None else contextlib.nullcontext():
        for key, value in changed.items():
            before = get(key)
            Setting.insert(key=key, value=value).on_conflict(conflict_target=[Setting.key],
                                                             update={Setting.value: value}).execute()
            record_change(area_of(key), key, before, value, staff or approver, approver)


@business_step
def update(values: dict[str, str], staff: Staff | None = None, approval=None) -> Changes:
    """Save settings; only those that change are written, each recorded with *staff* (who is at the keyboard).
    Changing an owner-only one needs *approval* (services.staff.Approval) once the owner has a PIN."""
    changed = {key: value for key, value in values.items() if value.strip() != get(key)}
    if DOCUMENT_LANGUAGE in changed and changed[DOCUMENT_LANGUAGE].strip() not in i18n.SUPPORTED:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The document language is Chinese (zh_CN) or English (en)."))
    approver = approve(staff, approval) if any(owner_only(key) for key in changed) else None
    write_approved(changed, staff, approver)
    return Changes(settings=True)


def changes_made(area: str | None = None, limit: int = 1000) -> list[SettingChange]:
    """The newest changes first (with who did and who approved them), optionally of one area."""
    query = SettingChange.select().order_by(SettingChange.created_at.desc(), SettingChange.id.desc())
    if area:
        query = query.where(SettingChange.area == area)
    return list(query.limit(limit))
