"""A list that a screen reads a page at a time, sorted and filtered in SQL.

The Qt table model in ``ui/`` is a thin adapter over a :class:`PagedSource`; the sources are
plain Python, so they are tested without widgets and reused by the CLI and the reports.
Every row a source fetches starts with the row's id, then one value per column.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

import peewee as pw

from ..models import dialect


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

    def ordered(self, sort_column: int = 0, descending: bool = False) -> pw.ModelSelect:
        """The filtered query in the given order (the id breaks ties), as tuples. Blanks (NULL) come first
        ascending and last descending on both backends (SQLite's own order; PostgreSQL's is the reverse)."""
        expr = self.columns[sort_column].expr  # a column, a function, or a subquery (which has no .asc())
        # (a column that cannot be blank keeps the plain order, which its index serves on PostgreSQL too)
        can_be_blank = not (isinstance(expr, pw.Field) and not expr.null
                            and expr.model is self.id_field.model)  # (a joined table's column can be missing)
        nulls = {"nulls": "LAST" if descending else "FIRST"} if dialect.postgres() and can_be_blank else {}
        order = ((pw.Desc(expr, **nulls), self.id_field.desc()) if descending
                 else (pw.Asc(expr, **nulls), self.id_field.asc()))
        return self.query().order_by(*order).tuples()

    def fetch(self, offset: int, limit: int, sort_column: int = 0, descending: bool = False) -> list[tuple]:
        """Rows offset..offset+limit in the given order: (id, value per column).

        A screen fetches page after page of the same list: the SQL is generated once per order (and filters)
        and kept, with LIMIT and OFFSET as its last two parameters. peewee's SQL generation is ~0.3 ms a
        query, more than SQLite needs for a page of a short list. Rows are never cached, only the statement."""
        key = (_state(self), sort_column, descending)
        cache = self.__dict__.setdefault("_statements", {})
        statement = cache.get(key)
        if statement is None:
            query = self.ordered(sort_column, descending).limit(_LIMIT).offset(_OFFSET)
            sql, params = query.sql()
            if params[-2:] != [_LIMIT, _OFFSET]:  # not the shape expected: no shortcut, just run it
                return list(self.ordered(sort_column, descending).offset(offset).limit(limit))
            statement = cache[key] = (query, sql, params[:-2])
        query, sql, params = statement
        cursor = query.model._meta.database.execute_sql(sql, [*params, limit, offset])
        return list(query._get_cursor_wrapper(cursor))  # peewee's own conversion of the row values


# Stand-ins for LIMIT and OFFSET while a statement is generated; found again among its parameters.
_LIMIT, _OFFSET = 987_654_321, 123_456_789


def _state(source: PagedSource) -> tuple:
    """What a source's rows depend on besides the order: its filter fields (sources are dataclasses)."""
    return tuple(getattr(source, f.name) for f in fields(source)) if is_dataclass(source) else ()
