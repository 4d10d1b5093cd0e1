"""Document numbers: unique per document type and never reused."""

from __future__ import annotations

from ..clock import now
from ..models import DocumentSequence, db

# doc type -> prefix. Numbers read like TH2026-000123 (year of issue, then a running number that
# never restarts, so a number can never come round again).
PREFIXES = {
    "return": "TH",
    "item": "SH",
    "repair": "WX",
    "refund": "TK",
    "refund_reversal": "CX",  # 冲销: a refund reversed
    "resale": "TJ",
    "scrap": "BF",
    "count": "PD",
    "opening": "QC",
    "adjustment": "TZ",
    "parts_receipt": "RK",
}


def next_number(doc_type: str) -> str:
    """Take the next number of *doc_type*. Must run inside the business step's transaction."""
    if not db.in_transaction():
        raise RuntimeError("document numbers are taken inside a business step")
    prefix = PREFIXES[doc_type]
    taken = list(DocumentSequence.update(next_value=DocumentSequence.next_value + 1)  # one statement
                 .where(DocumentSequence.doc_type == doc_type).returning(DocumentSequence.next_value).tuples())
    if taken:
        value = taken[0][0] - 1
    else:  # the first document of this kind
        DocumentSequence.create(doc_type=doc_type, prefix=prefix, next_value=2)
        value = 1
    return f"{prefix}{now().year}-{value:06d}"
