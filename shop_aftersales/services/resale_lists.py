"""Lists of the Resale tab: units waiting for the quality check, the resale shelf, and what was resold."""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from ..i18n import QT_TRANSLATE_NOOP
from ..models import AftersalesItem, Product, ResaleListing, ResaleSale, Staff, dialect
from ..models.aftersales import QC_WAITING, RESALE
from ..models.resale import CHANNELS
from .lists import days_since
from .paging import Column, PagedSource


def _markdown() -> pw.Node:
    """After the markdown period: the price less the markdown share, rounded to the yuan, never below the floor
    (the same rule as services.resale.markdown_suggestion, in SQL so the shelf sorts by it)."""
    from .resale import MARKDOWN_PCT, _setting_int, markdown_days

    keep = pw.Value(100 - _setting_int(MARKDOWN_PCT, 10), converter=False)  # a share, not money
    lower = pw.fn.ROUND(ResaleListing.price * keep / 10000.0) * 100
    suggestion = dialect.fn_greater(pw.Cast(lower, "INTEGER"), ResaleListing.floor)
    return pw.Case(None, [((days_since(ResaleListing.listed_at) >= markdown_days())
                           & (suggestion < ResaleListing.price), suggestion)], None)


def _channel() -> pw.Node:
    return pw.Case(ResaleListing.channel, list(CHANNELS.items()))


@dataclass
class QCQueue(PagedSource):
    text: str = ""

    def __post_init__(self) -> None:
        self.id_field = AftersalesItem.id
        self.columns = [
            Column("since", QT_TRANSLATE_NOOP("Domain", "Waiting since"), AftersalesItem.status_since),
            Column("days", QT_TRANSLATE_NOOP("Domain", "Days waiting"), days_since(AftersalesItem.status_since),
                   numeric=True),
            Column("code", QT_TRANSLATE_NOOP("Domain", "Item code"), AftersalesItem.code),
            Column("product", QT_TRANSLATE_NOOP("Domain", "Product"), Product.name),
            Column("model", QT_TRANSLATE_NOOP("Domain", "Model"), Product.model),
            Column("serial", QT_TRANSLATE_NOOP("Domain", "Serial"), AftersalesItem.serial),
            Column("findings", QT_TRANSLATE_NOOP("Domain", "Findings"), AftersalesItem.findings),
        ]

    def query(self) -> pw.ModelSelect:
        q = (AftersalesItem.select(AftersalesItem.id, *[c.expr for c in self.columns]).join(Product)
             .where(AftersalesItem.status == QC_WAITING))
        if self.text.strip():
            t = self.text.strip()
            q = q.where(AftersalesItem.code.contains(t) | Product.name.contains(t) | (AftersalesItem.serial == t))
        return q


@dataclass
class ShelfList(PagedSource):
    """What is on the resale shelf now, with its days there."""

    text: str = ""

    def __post_init__(self) -> None:
        self.id_field = AftersalesItem.id
        self.columns = [
            Column("listed", QT_TRANSLATE_NOOP("Domain", "Listed"), ResaleListing.listed_at),
            Column("days", QT_TRANSLATE_NOOP("Domain", "Days on the shelf"), days_since(ResaleListing.listed_at),
                   numeric=True),
            Column("code", QT_TRANSLATE_NOOP("Domain", "Item code"), AftersalesItem.code),
            Column("product", QT_TRANSLATE_NOOP("Domain", "Product"), Product.name),
            Column("model", QT_TRANSLATE_NOOP("Domain", "Model"), Product.model),
            Column("grade", QT_TRANSLATE_NOOP("Domain", "Grade"), ResaleListing.grade),
            Column("price", QT_TRANSLATE_NOOP("Domain", "Price"), ResaleListing.price, numeric=True),
            Column("new", QT_TRANSLATE_NOOP("Domain", "New price"), Product.list_price, numeric=True),
            Column("channel", QT_TRANSLATE_NOOP("Domain", "Channel"), _channel(), translate=True),
            Column("markdown", QT_TRANSLATE_NOOP("Domain", "Mark down to"), _markdown(), numeric=True, money=True),
        ]

    def query(self) -> pw.ModelSelect:
        q = (ResaleListing.select(AftersalesItem.id, *[c.expr for c in self.columns])
             .join(AftersalesItem).join(Product)
             .where(ResaleListing.active & (AftersalesItem.status == RESALE)))
        if self.text.strip():
            t = self.text.strip()
            q = q.where(AftersalesItem.code.contains(t) | Product.name.contains(t) | (ResaleListing.grade == t))
        return q


    def stale_count(self) -> int:
        """How many on the shelf are past the markdown period (the tab's title says it): one COUNT."""
        from .resale import markdown_days

        return self.query().where(days_since(ResaleListing.listed_at) >= markdown_days()).count()


@dataclass
class SoldList(PagedSource):
    text: str = ""

    def __post_init__(self) -> None:
        self.id_field = ResaleSale.id
        self.columns = [
            Column("number", QT_TRANSLATE_NOOP("Domain", "Sale no."), ResaleSale.number),
            Column("date", QT_TRANSLATE_NOOP("Domain", "Sold"), ResaleSale.sold_at),
            Column("code", QT_TRANSLATE_NOOP("Domain", "Item code"), AftersalesItem.code),
            Column("product", QT_TRANSLATE_NOOP("Domain", "Product"), Product.name),
            Column("grade", QT_TRANSLATE_NOOP("Domain", "Grade"), ResaleListing.grade),
            Column("price", QT_TRANSLATE_NOOP("Domain", "Price"), ResaleSale.price, numeric=True),
            Column("channel", QT_TRANSLATE_NOOP("Domain", "Channel"),
                   pw.Case(ResaleSale.channel, list(CHANNELS.items())), translate=True),
            Column("buyer", QT_TRANSLATE_NOOP("Domain", "Buyer"), ResaleSale.buyer_name),
            Column("staff", QT_TRANSLATE_NOOP("Domain", "Sold by"), Staff.name),
        ]

    def query(self) -> pw.ModelSelect:
        q = (ResaleSale.select(ResaleSale.id, *[c.expr for c in self.columns])
             .join(AftersalesItem).join(Product).switch(ResaleSale).join(ResaleListing)
             .switch(ResaleSale).join(Staff, pw.JOIN.LEFT_OUTER))
        if self.text.strip():
            t = self.text.strip()
            q = q.where(ResaleSale.number.contains(t) | AftersalesItem.code.contains(t) | Product.name.contains(t)
                        | ResaleSale.buyer_name.contains(t))
        return q
