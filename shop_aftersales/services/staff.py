"""Staff accounts with a role and a PIN. A PIN is stored only as a slow salted hash (scrypt, from the standard
library, its parameters stored with it); owner-only steps check the owner's PIN once the owner has set one.

Wrong PINs are throttled per staff member: after 3 in a row the PIN is refused, without being checked, for
30 s, then 1 min, 2 min, … up to 15 min after each further wrong one; a right PIN starts the count afresh. The
count is kept in the database (staff.pin_failures / pin_blocked_until), so a restart does not reset it, and it
is written even when the step that asked for the PIN is refused and rolls back (see _write_pin_state)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import sqlite3
from dataclasses import dataclass

from .. import clock
from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..models import dialect
from ..models import ROLES, Staff, db
from .base import Changes, business_step


@dataclass(frozen=True)
class ScryptParams:
    n: int
    r: int
    p: int

    @property
    def memory(self) -> int:  # bytes scrypt needs
        return 128 * self.n * self.r * self.p


# Measured on the development machine (Linux, 2 cores x86_64, Python 3.11.7 / OpenSSL, one hash, other work
# running): n=2**14 0.058 s, 2**15 0.11 s, 2**16 0.23 s, 2**17 0.51 s (r=8, p=1). 2**17 with r=8 is the
# smallest n that costs ≥ 0.25 s per offline guess on one core, and it needs 128 MiB of memory per guess, which
# is what makes scrypt expensive on GPUs. A 4-digit PIN (10 000 guesses) now takes ~85 core-minutes offline
# instead of 8; a 6-digit one ~6 core-days. Online, the throttling below is what protects a short PIN.
PIN_HASH = ScryptParams(n=2 ** 17, r=8, p=1)
# The parameters of the hashes written before migration 0010 ("scrypt$salt$digest"): still verified, and
# rehashed with PIN_HASH at the next right PIN.
LEGACY_PIN_HASH = ScryptParams(n=2 ** 14, r=8, p=1)
# Test-only: the suite makes hundreds of PINs and sets this variable (tests/conftest.py) to hash them in ~1 ms.
# Never set it for a shop; tests/test_staff_pins.py proves PIN_HASH itself costs ≥ 0.25 s.
FAST_PIN_HASH_ENV = "SHOP_AFTERSALES_FAST_PIN_HASH"
FAST_PIN_HASH = ScryptParams(n=2 ** 8, r=8, p=1)
# A stored hash asking for more than this is refused rather than computed (a hostile backup must not make the
# app allocate gigabytes).
_MAX_MEMORY = 512 * 1024 * 1024
DKLEN = 32

FREE_TRIES = 3
FIRST_WAIT = dt.timedelta(seconds=30)
LONGEST_WAIT = dt.timedelta(minutes=15)


def pin_hash_params() -> ScryptParams:
    """The parameters new PIN hashes are made with."""
    return FAST_PIN_HASH if os.environ.get(FAST_PIN_HASH_ENV) == "1" else PIN_HASH


def _scrypt(pin: str, salt: bytes, params: ScryptParams) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=params.n, r=params.r, p=params.p, dklen=DKLEN,
                          maxmem=params.memory + 16 * 1024 * 1024)


def hash_pin(pin: str, salt: bytes | None = None, params: ScryptParams | None = None) -> str:
    """``scrypt$n$r$p$salt$digest`` (hex salt and digest)."""
    params = params or pin_hash_params()
    salt = salt or os.urandom(16)
    digest = _scrypt(pin, salt, params)
    return f"scrypt${params.n}${params.r}${params.p}${salt.hex()}${digest.hex()}"


def hash_params(stored: str) -> ScryptParams | None:
    """The parameters *stored* was made with, None when it is not a hash of ours."""
    parsed = _parse(stored)
    return parsed[0] if parsed else None


def _parse(stored: str) -> tuple[ScryptParams, bytes, str] | None:
    parts = (stored or "").split("$")
    try:
        if len(parts) == 3 and parts[0] == "scrypt":  # before 0010
            return LEGACY_PIN_HASH, bytes.fromhex(parts[1]), parts[2]
        if len(parts) == 6 and parts[0] == "scrypt":
            params = ScryptParams(int(parts[1]), int(parts[2]), int(parts[3]))
            if params.n < 2 or params.n & (params.n - 1) or params.r < 1 or params.p < 1 \
                    or params.memory > _MAX_MEMORY or params.p > 16:
                return None
            return params, bytes.fromhex(parts[4]), parts[5]
    except ValueError:
        return None
    return None


def pin_matches(stored: str, pin: str) -> bool:
    parsed = _parse(stored)
    if parsed is None:
        return False
    params, salt, digest = parsed
    candidate = _scrypt(pin, salt, params)
    return hmac.compare_digest(candidate.hex(), digest.lower())


def needs_rehash(stored: str) -> bool:
    """True when *stored* was made with cheaper parameters than new hashes are."""
    params, current = hash_params(stored), pin_hash_params()
    return params is not None and params.memory < current.memory


def has_pin(staff: Staff | None) -> bool:
    return bool(staff is not None and staff.pin_hash)


def owner_protection_on() -> bool:
    """Owner-only steps need the owner's PIN once an active owner has one (until then, a new shop, anyone may
    set things up)."""
    return Staff.select().where((Staff.role == "owner") & Staff.active & (Staff.pin_hash != "")).exists()


def _check_pin_format(pin: str) -> None:
    if not _well_formed(pin):
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "A PIN is 4 to 8 digits."))


def _well_formed(pin: str) -> bool:
    return pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 8


# ------------------------------------------------------------------ throttling

def wait_after(failures: int) -> dt.timedelta:
    """How long the PIN is refused after *failures* wrong PINs in a row: nothing for the first two, then 30 s,
    1 min, 2 min, 4 min, 8 min, then 15 min after each further one."""
    if failures < FREE_TRIES:
        return dt.timedelta(0)
    return min(FIRST_WAIT * 2 ** min(failures - FREE_TRIES, 10), LONGEST_WAIT)


# A failure written on a side connection that could not get the write lock (the refused step's own connection
# held it) is also kept here, so this process goes on refusing; (database path, staff id) -> (failures, until).
_pending: dict[tuple[str, int], tuple[int, dt.datetime | None]] = {}


@dataclass(frozen=True)
class PinState:
    failures: int = 0
    blocked_until: dt.datetime | None = None


def pin_state(staff: Staff) -> PinState:
    """The staff member's wrong PINs in a row and until when their PIN is refused, as now stored."""
    row = Staff.select(Staff.pin_failures, Staff.pin_blocked_until).where(Staff.id == staff.id).first()
    stored = PinState(row.pin_failures, row.pin_blocked_until) if row else PinState()
    pending = _pending.get((str(db.database), staff.id))
    if pending is not None:
        if pending[0] > stored.failures:
            return PinState(*pending)
        _pending.pop((str(db.database), staff.id), None)
    return stored


def _write_pin_state(staff_id: int, state: PinState) -> None:
    """Store *state*; a wrong PIN's so that it survives the step that asked for the PIN being refused.

    Outside a transaction it is simply committed. Inside one (verify is called from business steps, which roll
    back when the PIN is wrong) it is committed on a short-lived connection of its own; that works whenever the
    step has not written yet, which is how the steps are written (the approval is checked first). If the step's
    own connection already holds the write lock, the state is written in the step (kept if the step commits)
    and kept in this process's memory, so the PIN is refused here all the same."""
    until = state.blocked_until.isoformat(sep=" ") if state.blocked_until else None
    sql = 'UPDATE "staff" SET "pin_failures" = ?, "pin_blocked_until" = ? WHERE "id" = ?'
    key = (str(db.database), staff_id)
    if not state.failures:  # a right PIN: the step goes on, so this is written in it (a side connection's commit
        # would make the step's own later writes fail); if the step is refused after all, the count stays
        with db.atomic():
            dialect.execute(sql, (state.failures, until, staff_id))
        _pending.pop(key, None)
        return
    if not db.in_transaction():
        with db.atomic():
            dialect.execute(sql, (state.failures, until, staff_id))
        _pending.pop(key, None)
        return
    if dialect.postgres():
        if _write_pin_state_aside(sql, (state.failures, state.blocked_until, staff_id)):
            _pending.pop(key, None)
            return
        dialect.execute(sql, (state.failures, until, staff_id))
        _pending[key] = (state.failures, state.blocked_until)
        return
    try:
        side = sqlite3.connect(str(db.database), timeout=0, isolation_level=None)
        try:
            side.execute("BEGIN IMMEDIATE")
            changed = side.execute(sql, (state.failures, until, staff_id)).rowcount
            side.execute("COMMIT")
        finally:
            side.close()
        if changed:
            _pending.pop(key, None)
            return
    except sqlite3.Error:
        pass
    dialect.execute(sql, (state.failures, until, staff_id))
    _pending[key] = (state.failures, state.blocked_until)


def _write_pin_state_aside(sql: str, params: tuple) -> bool:
    """PostgreSQL: the wrong PIN's count committed at once on a side connection of its own (so every PC sees it,
    whatever becomes of the step). False when it could not be (the row is held by an uncommitted change)."""
    from ..models import notify

    try:
        with notify.side_connection() as side:
            return side.execute(sql.replace("?", "%s"), params).rowcount > 0
    except Exception:  # noqa: BLE001 - the state is then written in the step and kept in memory
        return False


def _wait_words(wait: dt.timedelta) -> tuple[str, dict[str, object]]:
    seconds = max(1, int(-(-wait.total_seconds() // 1)))
    if seconds < 120:
        return QT_TRANSLATE_NOOP("Domain", "{seconds} seconds"), {"seconds": seconds}
    return QT_TRANSLATE_NOOP("Domain", "{minutes} minutes"), {"minutes": -(-seconds // 60)}


class PinThrottled(DomainError):
    """Too many wrong PINs in a row: the PIN is refused, unchecked, for a while (*wait*)."""

    def __init__(self, message: str, wait: dt.timedelta, **params: object) -> None:
        source, values = _wait_words(wait)
        super().__init__(message, wait=translate("Domain", source).format(**values), **params)
        self.wait = wait


def verify(staff: Staff | None, pin: str) -> None:
    """Refuse unless *pin* is *staff*'s PIN (a staff member without a PIN needs none).

    Raises DomainError on a wrong PIN and PinThrottled (a DomainError) while the PIN is refused after too many
    wrong ones. A right PIN clears the count and rehashes a PIN stored with older, cheaper parameters."""
    if staff is None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose who you are."))
    fresh = Staff.get_or_none(Staff.id == staff.id)
    if fresh is None:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose who you are."))
    if not has_pin(fresh):
        return
    state = pin_state(fresh)
    now = clock.now()
    # a block further off than the longest wait was written by a clock that ran ahead (since put right): it
    # must not keep the owner out until that date, so it no longer counts
    if state.blocked_until is not None and now < state.blocked_until <= now + LONGEST_WAIT:
        raise PinThrottled(QT_TRANSLATE_NOOP("Domain", "Too many wrong PINs for {name}: the PIN is not checked "
                                             "for now. Try again in {wait}."),
                           state.blocked_until - now, name=fresh.name)
    pin = pin or ""
    if not _well_formed(pin):  # not a guess at a PIN (an empty field, a typo with letters): not counted
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Wrong PIN for {name}."), name=fresh.name)
    if pin_matches(fresh.pin_hash, pin):
        if state.failures or state.blocked_until is not None:
            _write_pin_state(fresh.id, PinState())
        if needs_rehash(fresh.pin_hash):
            _store_pin_hash(fresh.id, hash_pin(pin))
        return
    failures = state.failures + 1
    wait = wait_after(failures)
    _write_pin_state(fresh.id, PinState(failures, now + wait if wait else None))
    if wait:
        raise PinThrottled(QT_TRANSLATE_NOOP("Domain", "Wrong PIN for {name}. After {count} wrong PINs in a row "
                                             "the next try must wait {wait}."),
                           wait, name=fresh.name, count=failures)
    raise DomainError(QT_TRANSLATE_NOOP("Domain", "Wrong PIN for {name}."), name=fresh.name)


def _store_pin_hash(staff_id: int, pin_hash: str) -> None:
    """The one place a PIN hash is written (save_staff, and verify's rehash at a right PIN)."""
    with db.atomic():
        Staff.update(pin_hash=pin_hash, pin_failures=0, pin_blocked_until=None).where(Staff.id == staff_id).execute()


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


def _staff_record(staff: Staff | None) -> dict[str, object]:
    if staff is None:
        return {}
    return {"name": staff.name, "role": staff.role, "active": bool(staff.active), "pin": bool(staff.pin_hash)}


@business_step
def save_staff(staff_id: int | None, name: str, role: str, active: bool, new_pin: str,
               approval: Approval | None, acting: Staff | None = None) -> Changes:
    """Add or change a staff member (the owner's step). An empty *new_pin* keeps the PIN as it is; a new PIN
    also lifts a block after wrong PINs. *acting*: who is at the keyboard, for the record of the change.

    Protection starts once an owner has a PIN: until then (a new shop) anyone may set things up."""
    from .settings import record_change

    approver = require_owner(approval) if owner_protection_on() else None
    name = name.strip()
    if not name:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Give the staff member's name."))
    if role not in ROLES:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose a role."))
    clash = Staff.select().where((Staff.name == name) & (Staff.id != (staff_id or 0))).exists()
    if clash:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "There is already a staff member called {name}."), name=name)
    if new_pin:
        _check_pin_format(new_pin)
    before = _staff_record(Staff.get_or_none(Staff.id == staff_id)) if staff_id is not None else {}
    data = {"name": name, "role": role, "active": active}
    if staff_id is None:
        staff = Staff.create(**data)
    else:
        Staff.update(**data).where(Staff.id == staff_id).execute()
        staff = Staff.get_by_id(staff_id)
    if new_pin:
        _store_pin_hash(staff.id, hash_pin(new_pin))
        staff = Staff.get_by_id(staff.id)
    if not Staff.select().where((Staff.role == "owner") & Staff.active).exists():
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The shop must keep at least one active owner."))
    after = _staff_record(staff)
    if new_pin and before.get("pin"):
        after["pin"] = "changed"
    if before != after:
        record_change("staff", staff.name, before, after, acting or approver, approver)
    return Changes(people=True, ids=(staff.id,))
