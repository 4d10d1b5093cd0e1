"""What every business step shares: its transaction and the description of what it changed."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Callable, ParamSpec, TypeVar

from ..models import db

P = ParamSpec("P")
R = TypeVar("R")


class Cancelled(Exception):
    """Raised by a progress callback when the user cancels a long step; its transaction rolls back."""


Progress = Callable[[int], None]  # called now and then with how many rows are done


@dataclass(frozen=True)
class Changes:
    """What a business step changed, for screens to decide whether to refresh."""

    catalog: bool = False
    people: bool = False
    sales: bool = False
    stock: bool = False
    settings: bool = False
    items: bool = False  # after-sales items, return orders and what was done about them
    repairs: bool = False  # repair orders, technicians, the board
    created: int = 0
    skipped: int = 0
    messages: tuple[str, ...] = field(default_factory=tuple)
    reference: str = ""  # the document the step created (e.g. a return order number)
    ids: tuple[int, ...] = ()  # ids of what it created

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(
            catalog=self.catalog or other.catalog,
            people=self.people or other.people,
            sales=self.sales or other.sales,
            stock=self.stock or other.stock,
            settings=self.settings or other.settings,
            items=self.items or other.items,
            repairs=self.repairs or other.repairs,
            created=self.created + other.created,
            skipped=self.skipped + other.skipped,
            messages=self.messages + other.messages,
            reference=self.reference or other.reference,
            ids=self.ids + other.ids,
        )


def business_step(fn: Callable[P, R]) -> Callable[P, R]:
    """Run *fn* as one transaction: it all commits, or nothing is written.

    Nested steps become savepoints of the outer one (peewee's atomic()).
    """

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with db.atomic():
            return fn(*args, **kwargs)

    return wrapper
