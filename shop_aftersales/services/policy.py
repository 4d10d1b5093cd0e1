"""The return policy (退换货政策): rules per category with a shop-wide default, and the verdict at intake.

The verdict says allowed / not allowed / needs the owner's approval, with the deciding rule in words
(e.g. "购买已 9 天,超过 7 天退货期限。仍在 15 天换货期内。"). Staff can override it with a written reason;
the override is kept in the item's history.

The words are made when shown: an item keeps its verdict's sentences as (English source, parameters) in
``verdict_reasons`` (JSON, :func:`reasons_json`), parameters that are labels (reason, resolution, condition) as
their codes, and :func:`render_reasons` / :func:`verdict_text` word them in the current language (the UI's on a
screen, the document language on a slip). Items made before that keep only their ``verdict_text``.

Which reasons pay no restocking fee is the policy's, per reason (``fee_exempt``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from dataclasses import dataclass, field

from ..errors import DomainError
from .. import i18n
from ..i18n import QT_TRANSLATE_NOOP, join_sentences, translate
from ..models import Category, ReturnPolicy
from ..models.aftersales import CONDITIONS, REASONS, RESOLUTIONS
from .base import Changes, business_step

ALLOWED, NOT_ALLOWED, NEEDS_APPROVAL = "allowed", "not_allowed", "needs_approval"
_RANK = {ALLOWED: 0, NEEDS_APPROVAL: 1, NOT_ALLOWED: 2}
# Reasons that are the shop's or the maker's fault: the condition does not matter.
FAULT_REASONS = {"quality", "wrong_item", "transit_damage", "not_as_described"}
# Reasons that pay no restocking fee unless the policy says otherwise (an allergy is not the customer's doing)
DEFAULT_FEE_EXEMPT = ("allergy", "not_as_described", "quality", "transit_damage", "wrong_item")
# parameters of a verdict's sentences that are labels: stored as codes, worded when shown
LABEL_PARAMS = {"reason": REASONS, "resolution": RESOLUTIONS, "condition": CONDITIONS}


@dataclass(frozen=True)
class Rules:
    return_days: int = 7
    exchange_days: int = 15
    warranty_months: int = 12
    refund_opened: bool = True
    refund_used: bool = False
    restocking_fee_pct: int = 0
    reason_rules: dict[str, list[str]] = field(default_factory=dict)
    fee_exempt: tuple[str, ...] = DEFAULT_FEE_EXEMPT  # reason codes that pay no restocking fee, sorted

    def allows(self, reason: str, resolution: str) -> bool:
        return resolution in self.reason_rules.get(reason, [])

    def fee_pct(self, reason: str) -> int:
        """The restocking fee a refund for *reason* pays (0 for a reason the policy exempts)."""
        return 0 if reason in self.fee_exempt else self.restocking_fee_pct


def _rules(row: ReturnPolicy) -> Rules:
    exempt = json.loads(row.fee_exempt) if row.fee_exempt is not None else list(DEFAULT_FEE_EXEMPT)
    return Rules(row.return_days, row.exchange_days, row.warranty_months, row.refund_opened, row.refund_used,
                 row.restocking_fee_pct, json.loads(row.reason_rules or "{}"), tuple(sorted(exempt)))


def rules_for(category: Category | int | None) -> Rules:
    """The category's own rules, else the shop-wide default."""
    row = None
    if category is not None:
        row = ReturnPolicy.get_or_none(ReturnPolicy.category == category)
    if row is None:
        row = ReturnPolicy.select().where(ReturnPolicy.category.is_null()).first()
    return _rules(row) if row else Rules()


def all_policies() -> list[tuple[Category | None, Rules]]:
    rows = ReturnPolicy.select()
    return [(row.category if row.category_id else None, _rules(row)) for row in rows.order_by(ReturnPolicy.id)]


@business_step
def save_policy(category_id: int | None, rules: Rules) -> Changes:
    if min(rules.return_days, rules.exchange_days, rules.warranty_months) < 0:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Days and months in the policy cannot be negative."))
    if not 0 <= rules.restocking_fee_pct <= 100:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "The restocking fee is a percentage from 0 to 100."))
    unknown = {r for r in rules.reason_rules if r not in REASONS} | {
        x for values in rules.reason_rules.values() for x in values if x not in RESOLUTIONS} | {
        r for r in rules.fee_exempt if r not in REASONS}
    if unknown:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Unknown reason or resolution in the policy: {names}."),
                          names=", ".join(sorted(unknown)))
    data = dict(return_days=rules.return_days, exchange_days=rules.exchange_days,
                warranty_months=rules.warranty_months, refund_opened=rules.refund_opened,
                refund_used=rules.refund_used, restocking_fee_pct=rules.restocking_fee_pct,
                reason_rules=json.dumps(rules.reason_rules, sort_keys=True),
                fee_exempt=json.dumps(sorted(set(rules.fee_exempt))))
    where = ReturnPolicy.category.is_null() if category_id is None else ReturnPolicy.category == category_id
    if not ReturnPolicy.update(**data).where(where).execute():
        ReturnPolicy.create(category=category_id, **data)
    return Changes(settings=True)


@business_step
def remove_category_policy(category_id: int) -> Changes:
    ReturnPolicy.delete().where(ReturnPolicy.category == category_id).execute()
    return Changes(settings=True)


# ------------------------------------------------------------------ the verdict

@dataclass(frozen=True)
class Verdict:
    outcome: str                       # ALLOWED | NOT_ALLOWED | NEEDS_APPROVAL
    reasons: tuple[tuple[str, tuple[tuple[str, object], ...]], ...]  # (English source, params) per sentence
    restocking_fee_pct: int = 0

    def text(self) -> str:
        """In the current language."""
        return render_reasons(self.reasons)

    def reasons_json(self) -> str:
        return reasons_json(self.reasons)


def _param(key: str, value: object) -> object:
    labels = LABEL_PARAMS.get(key)
    if labels is not None and isinstance(value, str):
        return translate("Domain", labels.get(value, value))  # a code (or, written before codes, a source label)
    return value


def render_reasons(reasons) -> str:
    """A verdict's sentences — (English source, parameters) pairs, or their JSON as stored — in the current
    language; labels among the parameters translated too."""
    if isinstance(reasons, str):
        reasons = json.loads(reasons or "[]")
    sentences = []
    for source, params in reasons:
        params = dict(params)
        try:
            sentences.append(translate("Domain", source).format(**{k: _param(k, v) for k, v in params.items()}))
        except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder: the source's words
            sentences.append(source.format(**{k: _param(k, v) for k, v in params.items()}))
    return join_sentences(sentences)


def reasons_json(reasons) -> str:
    """What an item keeps of its verdict: [[English source, {parameter: value}], ...]."""
    return json.dumps([[source, dict(params)] for source, params in reasons], ensure_ascii=False)


def verdict_text(item, document: bool = False) -> str:
    """The policy's words on *item* (an AftersalesItem): made from its stored sentences in the current language
    (the shop's document language with *document*); an item made before they were stored keeps its text."""
    stored = getattr(item, "verdict_reasons", "") or ""
    if not stored:
        return item.verdict_text
    if document:
        with i18n.in_document_language():
            return render_reasons(stored)
    return render_reasons(stored)


def event_rule(data: dict) -> str:
    """The rule an override event names (its "reasons" worded now; older events keep their "rule" text)."""
    if data.get("reasons"):
        return render_reasons(data["reasons"])
    return data.get("rule", "")


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def evaluate(rules: Rules, purchased: dt.date | None, today: dt.date, reason: str, condition: str,
             resolution: str) -> Verdict:
    """What the policy says about returning a unit bought on *purchased* for *reason*, asking for *resolution*."""
    said: list[tuple[str, tuple]] = []
    outcome = ALLOWED

    def say(result: str, source: str, **params: object) -> None:
        nonlocal outcome
        said.append((source, tuple(params.items())))
        if _RANK[result] > _RANK[outcome]:
            outcome = result

    if reason not in REASONS or condition not in CONDITIONS or resolution not in RESOLUTIONS:
        raise DomainError(QT_TRANSLATE_NOOP("Domain", "Choose a reason, a condition and a resolution."))
    if purchased is None:
        say(NEEDS_APPROVAL, QT_TRANSLATE_NOOP("Domain", "No proof of purchase: the owner decides."))
        return Verdict(outcome, tuple(said))
    days = (today - purchased).days
    if not rules.allows(reason, resolution):
        say(NOT_ALLOWED, QT_TRANSLATE_NOOP("Domain", "The policy gives no “{resolution}” for “{reason}”."),
            resolution=resolution, reason=reason)
    fee = 0
    if resolution == "refund":
        if days <= rules.return_days:
            say(ALLOWED, QT_TRANSLATE_NOOP("Domain", "Bought {days} days ago, within the {limit}-day return period."),
                days=days, limit=rules.return_days)
        else:
            say(NOT_ALLOWED, QT_TRANSLATE_NOOP("Domain", "Bought {days} days ago, past the {limit}-day return period."),
                days=days, limit=rules.return_days)
            if days <= rules.exchange_days and rules.allows(reason, "exchange"):
                say(NOT_ALLOWED, QT_TRANSLATE_NOOP("Domain", "Still within the {limit}-day exchange period."),
                    limit=rules.exchange_days)
        if reason not in FAULT_REASONS:
            if condition == "opened" and not rules.refund_opened:
                say(NEEDS_APPROVAL, QT_TRANSLATE_NOOP("Domain", "Opened goods are refunded only with the owner's "
                                                      "approval."))
            elif condition == "used" and not rules.refund_used:
                say(NEEDS_APPROVAL, QT_TRANSLATE_NOOP("Domain", "Used goods are refunded only with the owner's "
                                                      "approval."))
        if rules.fee_pct(reason):
            fee = rules.fee_pct(reason)
            say(ALLOWED, QT_TRANSLATE_NOOP("Domain", "A restocking fee of {pct}% applies."), pct=fee)
    elif resolution == "exchange":
        if days <= rules.exchange_days:
            say(ALLOWED, QT_TRANSLATE_NOOP("Domain", "Bought {days} days ago, within the {limit}-day exchange "
                                           "period."), days=days, limit=rules.exchange_days)
        else:
            say(NOT_ALLOWED, QT_TRANSLATE_NOOP("Domain", "Bought {days} days ago, past the {limit}-day exchange "
                                               "period."), days=days, limit=rules.exchange_days)
    else:  # repair
        until = add_months(purchased, rules.warranty_months)
        if today <= until:
            say(ALLOWED, QT_TRANSLATE_NOOP("Domain", "Within the {months}-month warranty (until {until})."),
                months=rules.warranty_months, until=until.isoformat())
        else:
            say(ALLOWED, QT_TRANSLATE_NOOP("Domain", "The warranty ended on {until}: the repair is paid by the "
                                           "customer."), until=until.isoformat())
    if condition == "damaged" and reason not in FAULT_REASONS:
        say(NEEDS_APPROVAL, QT_TRANSLATE_NOOP("Domain", "Damaged goods need the owner's approval."))
    return Verdict(outcome, tuple(said), fee)
