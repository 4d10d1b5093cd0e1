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
    seq, _ = DocumentSequence.get_or_create(doc_type=doc_type, defaults={"prefix": prefix, "next_value": 1})
    value = seq.next_value
    DocumentSequence.update(next_value=DocumentSequence.next_value + 1).where(
        DocumentSequence.doc_type == doc_type).execute()
    return f"{prefix}{now().year}-{value:06d}"
