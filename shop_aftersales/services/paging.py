"""A list that a screen reads a page at a time, sorted and filtered in SQL.

The Qt table model in ``ui/`` is a thin adapter over a :class:`PagedSource`; the sources are
plain Python, so they are tested without widgets and reused by the CLI and the reports.
Every row a source fetches starts with the row's id, then one value per column.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

import peewee as pw


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # English source string in the "Domain" context, translated when shown
    expr: Any   # the SQL expression it shows and sorts by
    numeric: bool = False
    translate: bool = False  # values are source strings to translate (e.g. location names)
    money: bool = False  # the SQL value is integer fen (a computed amount, not a MoneyField)


class PagedSource(ABC):
    """Subclasses give their columns, the id that breaks ties, and the filtered query."""

    columns: list[Column]
    id_field: Any

    @abstractmethod
    def query(self) -> pw.ModelSelect:
        """The filtered query, selecting the row's id and then each column's expression."""

    def count(self) -> int:
        """How many rows match the source's filters."""
        return self.query().count()

    def fetch(self, offset: int, limit: int, sort_column: int = 0, descending: bool = False) -> list[tuple]:
        """Rows offset..offset+limit in the given order: (id, value per column)."""
        expr = self.columns[sort_column].expr  # a column, a function, or a subquery (which has no .asc())
        order = ((pw.Desc(expr), self.id_field.desc()) if descending else (pw.Asc(expr), self.id_field.asc()))
        return list(self.query().order_by(*order).offset(offset).limit(limit).tuples())
