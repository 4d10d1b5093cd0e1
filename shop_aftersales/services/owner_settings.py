"""The owner's rules, changed only with the owner's approval and recorded: the return policy, the resale pricing
rules and checklists (with the shop-wide resale settings), and a PC's printers.

Each function is one business step: it checks the approval first (services.settings.approve: once an owner has
a PIN, the owner chosen and the PIN typed), makes the change under the owner's grant (the database refuses
these tables' changes without it, migration 0010) and records before → after in ``setting_change``. The screens
call these, never services.policy.save_policy / services.resale.save_pricing alone."""

from __future__ import annotations

import dataclasses

from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP
from ..models import Category, PricingRule, QualityChecklist, ReturnPolicy, Staff
from . import policy, resale
from . import settings as shop_settings
from .base import Changes, business_step
from .settings import approve, owner_grant, record_change


def _subject(category_id: int | None) -> str:
    if category_id is None:
        return "*"  # the shop-wide default (shown in words by the list of changes)
    category = Category.get_or_none(Category.id == category_id)
    return category.name if category else str(category_id)


def _policy_record(category_id: int | None) -> dict:
    where = ReturnPolicy.category.is_null() if category_id is None else ReturnPolicy.category == category_id
    row = ReturnPolicy.select().where(where).first()
    return dataclasses.asdict(policy._rules(row)) if row else {}


@business_step
def save_return_policy(category_id: int | None, rules: policy.Rules, staff: Staff | None = None,
                       approval=None) -> Changes:
    """The return policy of a category (None: the shop-wide default)."""
    approver = approve(staff, approval)
    before = _policy_record(category_id)
    with owner_grant():
        changes = policy.save_policy(category_id, rules)
    after = _policy_record(category_id)
    if before != after:
        record_change("policy", _subject(category_id), before, after, staff or approver, approver)
    return changes


@business_step
def remove_return_policy(category_id: int, staff: Staff | None = None, approval=None) -> Changes:
    """A category goes back to the shop-wide default."""
    approver = approve(staff, approval)
    before = _policy_record(category_id)
    with owner_grant():
        changes = policy.remove_category_policy(category_id)
    if before:
        record_change("policy", _subject(category_id), before, {}, staff or approver, approver)
    return changes


def _resale_record(category_id: int | None) -> dict:
    where_rule = PricingRule.category.is_null() if category_id is None else PricingRule.category == category_id
    rule = PricingRule.select().where(where_rule).first()
    where_list = (QualityChecklist.category.is_null() if category_id is None
                  else QualityChecklist.category == category_id)
    checklist = QualityChecklist.select().where(where_list).first()
    record: dict = {}
    if rule is not None:
        record.update(grade_a=rule.grade_a, grade_b=rule.grade_b, grade_c=rule.grade_c, floor_pct=rule.floor_pct,
                      rounding=rule.rounding)
    if checklist is not None:
        import json

        record["checklist"] = json.loads(checklist.lines)
    return record


@business_step
def save_resale_rules(category_id: int | None, checklist: list[str], grade_a: int, grade_b: int, grade_c: int,
                      floor_pct: int, shop_wide: dict[str, str], staff: Staff | None = None,
                      approval=None, rounding: str | None = None) -> Changes:
    """A category's checklist and pricing rule (None: the default for all; *rounding* of the suggested price as in
    resale.ROUNDINGS, None: unchanged) and the shop-wide resale settings (grade meanings, markdown): one step, one
    approval."""
    approver = approve(staff, approval)
    before = _resale_record(category_id)
    with owner_grant():
        changes = resale.save_checklist(category_id, checklist)
        changes |= resale.save_pricing(category_id, grade_a, grade_b, grade_c, floor_pct, rounding)
    after = _resale_record(category_id)
    if before != after:
        record_change("resale", _subject(category_id), before, after, staff or approver, approver)
    shop_settings.write_approved(shop_wide, staff, approver)  # approved above; each one recorded
    return changes | Changes(settings=True)


@business_step
def record_printers(changes: dict[str, tuple[str, str]], pc: str, staff: Staff | None = None,
                    approval=None) -> Changes:
    """The printers are kept per PC (Qt's settings, not this database), but choosing them is still the owner's:
    this step approves and records *changes* (kind -> (before, after), in words), made on the PC named *pc*;
    the screen saves the choices on the PC once it succeeds."""
    changes = {kind: pair for kind, pair in changes.items() if pair[0] != pair[1]}
    if not changes:
        return Changes()
    if any(not kind.strip() for kind in changes):
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose a printer for each kind of printout."))
    approver = approve(staff, approval)
    for kind, (before, after) in sorted(changes.items()):
        record_change("printers", f"{pc} · {kind}" if pc else kind, before, after, staff or approver, approver)
    return Changes(settings=True)
