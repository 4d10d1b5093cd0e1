"""Staff accounts with a role and a PIN. A PIN is stored only as a slow salted hash (scrypt, from the standard
library); owner-only steps check the owner's PIN once the owner has set one."""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP
from ..models import ROLES, Staff
from .base import Changes, business_step

SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1, "dklen": 32}


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, **SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def pin_matches(stored: str, pin: str) -> bool:
    try:
        scheme, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(pin.encode("utf-8"), salt=bytes.fromhex(salt), **SCRYPT)
    return hmac.compare_digest(candidate.hex(), digest)


def has_pin(staff: Staff | None) -> bool:
    return bool(staff is not None and staff.pin_hash)


def _check_pin_format(pin: str) -> None:
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "A PIN is 4 to 8 digits."))


def verify(staff: Staff | None, pin: str) -> None:
    """Refuse unless *pin* is *staff*'s PIN (a staff member without a PIN needs none)."""
    if staff is None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose who you are."))
    if has_pin(staff) and not pin_matches(staff.pin_hash, pin or ""):
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Wrong PIN for {name}."), name=staff.name)


@dataclass(frozen=True)
class Approval:
    """The owner's go-ahead for an owner-only step: who, and the PIN typed for it."""

    staff: Staff | None
    pin: str = ""


def require_owner(approval: Approval | Staff | None) -> Staff:
    """The approving owner, after checking the role and (once the owner has set one) the PIN."""
    if isinstance(approval, Staff):
        approval = Approval(approval, "")
    staff = approval.staff if approval is not None else None
    if staff is None or staff.role != "owner" or not staff.active:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "This needs the owner's approval."))
    verify(staff, approval.pin)
    return staff


def owner_approval(acting: Staff | None, approval: Approval | Staff | None) -> Staff:
    """An owner who is the one signed in approves by doing the step; anyone else needs the owner's go-ahead."""
    if acting is not None and acting.role == "owner" and acting.active and approval is None:
        return acting
    return require_owner(approval)


@business_step
def save_staff(staff_id: int | None, name: str, role: str, active: bool, new_pin: str,
               approval: Approval | None) -> Changes:
    """Add or change a staff member (the owner's step). An empty *new_pin* keeps the PIN as it is.

    Protection starts once an owner has a PIN: until then (a new shop) anyone may set things up."""
    if Staff.select().where((Staff.role == "owner") & Staff.active & (Staff.pin_hash != "")).exists():
        require_owner(approval)
    name = name.strip()
    if not name:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Give the staff member's name."))
    if role not in ROLES:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose a role."))
    clash = Staff.select().where((Staff.name == name) & (Staff.id != (staff_id or 0))).exists()
    if clash:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "There is already a staff member called {name}."), name=name)
    data = {"name": name, "role": role, "active": active}
    if new_pin:
        _check_pin_format(new_pin)
        data["pin_hash"] = hash_pin(new_pin)
    if staff_id is None:
        staff = Staff.create(**data)
    else:
        Staff.update(**data).where(Staff.id == staff_id).execute()
        staff = Staff.get_by_id(staff_id)
    if not Staff.select().where((Staff.role == "owner") & Staff.active).exists():
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The shop must keep at least one active owner."))
    return Changes(people=True, ids=(staff.id,))
