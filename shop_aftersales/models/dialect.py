"""One SQL for both backends: the few places where SQLite and PostgreSQL spell a thing differently.

The migrations and the raw SQL of the reports and `check` are written once, in SQLite's spelling with ``?``
placeholders. On PostgreSQL:

- :func:`execute` turns the placeholders into psycopg's ``%s`` (doubling every literal ``%``);
- the fragments below (a month, a day, days between two moments, a value in a JSON text, a list joined with a
  separator, the larger of two values) are asked for by name, so a report never spells a backend's function;
- :func:`postgres_statements` turns a migration's DDL into PostgreSQL's: an ``INTEGER NOT NULL PRIMARY KEY`` is
  an identity column, ``DATETIME`` a ``TIMESTAMP``, ``BLOB`` a ``BYTEA``; and an SQLite trigger (``BEFORE UPDATE
  ON t WHEN … BEGIN SELECT RAISE(ABORT, '…'); END``) becomes a PL/pgSQL function and its trigger, which refuses
  with SQLSTATE 23000 so the app sees the same IntegrityError as on SQLite.

Yes/no columns (peewee's BooleanField) are INTEGER 0/1 in SQLite and BOOLEAN in PostgreSQL: SQL tests them bare
(``WHERE p.serialised``) or against TRUE / FALSE, which SQLite reads as 1 / 0, never against 1 or 0.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Iterable, Sequence

import peewee as pw

from .base import db


def postgres() -> bool:
    """Is the open shop in PostgreSQL (else: its SQLite file)?"""
    return isinstance(getattr(db, "obj", None), pw.PostgresqlDatabase)


def name() -> str:
    return "postgresql" if postgres() else "sqlite"


# --- placeholders -----------------------------------------------------------------------------------------------

_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\?|%")


def to_pyformat(sql: str) -> str:
    """SQLite's ``?`` placeholders as psycopg's ``%s``; a literal ``%`` (in a LIKE pattern, say) doubled."""
    def swap(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        return token.replace("%", "%%") if token.startswith("'") else token
    return _TOKENS.sub(swap, sql)


def sql(query: str) -> str:
    """*query* (SQLite's spelling, ``?`` placeholders) for the open backend."""
    return to_pyformat(query) if postgres() else query


def execute(query: str, params: Sequence[object] | None = None):
    """Run raw SQL written with ``?`` placeholders on whichever backend is open; returns the cursor."""
    if postgres():
        return db.execute_sql(to_pyformat(query), tuple(params or ()))
    return db.execute_sql(query, params or ())


# --- fragments --------------------------------------------------------------------------------------------------

def month(column: str) -> str:
    """The month of a moment as text, 2026-06."""
    return f"to_char({column}, 'YYYY-MM')" if postgres() else f"strftime('%Y-%m', {column})"


def day(column: str) -> str:
    """The day of a moment as text, 2026-06-17."""
    return f"to_char({column}, 'YYYY-MM-DD')" if postgres() else f"date({column})"


def week_of(column: str) -> str:
    """The Monday of a moment's week as text, 2026-06-15."""
    if postgres():
        return f"to_char(date_trunc('week', {column}), 'YYYY-MM-DD')"
    return f"date({column}, 'weekday 0', '-6 days')"


def moment(expr: str) -> str:
    """*expr* (a column, or a ``?`` given as text) as a moment both backends can subtract."""
    return f"CAST({expr} AS TIMESTAMP)" if postgres() else expr


def days_between(later: str, earlier: str) -> str:
    """Days from *earlier* to *later*, with the fraction of a day (a float)."""
    if postgres():
        return (f"(CAST(EXTRACT(EPOCH FROM ({moment(later)} - {moment(earlier)})) AS DOUBLE PRECISION) / 86400.0)")
    return f"(julianday({later}) - julianday({earlier}))"


def whole_days_between(later: str, earlier: str) -> str:
    """Whole days from *earlier* to *later*, cut towards zero (as SQLite's CAST(… AS INTEGER) does)."""
    if postgres():
        return f"CAST(TRUNC({days_between(later, earlier)}) AS INTEGER)"
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


def day_of(expr: str) -> str:
    """The day of a moment as a date both backends can subtract (SQLite: text; PostgreSQL: a DATE)."""
    return f"CAST({moment(expr)} AS DATE)" if postgres() else f"date({expr})"


def json_text(column: str, key: str) -> str:
    """The value of *key* in the JSON text *column* as text; NULL when the text is no JSON."""
    if postgres():
        return f"(sa_json({column}) ->> '{key}')"
    return f"CASE WHEN json_valid({column}) THEN json_extract({column}, '$.{key}') END"


def json_number(column: str, key: str) -> str:
    """The value of *key* in the JSON text *column* as a number; NULL when the text is no JSON."""
    if postgres():
        return f"CAST(sa_json({column}) ->> '{key}' AS NUMERIC)"
    return json_text(column, key)


def joined(expr: str, separator: str = ", ") -> str:
    """The aggregate of *expr* over the group as one text."""
    sep = separator.replace("'", "''")
    if postgres():
        return f"string_agg(CAST({expr} AS TEXT), '{sep}')"
    return f"group_concat({expr}, '{sep}')"


def position(needle: str, haystack: str) -> str:
    """Where *needle* first is in *haystack*, from 1 (0: not there)."""
    return f"strpos({haystack}, {needle})" if postgres() else f"instr({haystack}, {needle})"


def same() -> str:
    """The operator "equal, NULL equal to NULL"."""
    return "IS NOT DISTINCT FROM" if postgres() else "IS"


def differs() -> str:
    """The operator "not equal, NULL equal to NULL"."""
    return "IS DISTINCT FROM" if postgres() else "IS NOT"


def trigger_names() -> set[str]:
    """The names of the database's triggers (the safeguards `check` looks for)."""
    if postgres():
        query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    return {r[0] for r in db.execute_sql(query).fetchall()}


def identity_follows(table: str, row_id: int) -> None:
    """After a row of *table* was written with its id given (the hash chains choose the next id themselves), the
    table's own id column hands out ids after it: PostgreSQL's identity sequence does not move for an id given
    (SQLite's INTEGER PRIMARY KEY always takes the largest id there is, plus one), so the next row written
    without an id (a migration's, another tool's) would take an id already there."""
    if postgres():
        # never back: setval is not undone by a rollback, and a step that lost a race may have seen an older head
        sequence = f"pg_get_serial_sequence('\"{table}\"', 'id')"
        db.execute_sql(f"SELECT setval({sequence}, GREATEST(%s, (SELECT last_value FROM pg_sequences WHERE "
                       f"schemaname || '.' || sequencename = {sequence} OR sequencename = {sequence})))", (row_id,))


def greater(a: str, b: str) -> str:
    """The larger of two values (not the aggregate)."""
    return f"GREATEST({a}, {b})" if postgres() else f"MAX({a}, {b})"


def as_float(expr: str) -> str:
    """*expr* as a float (PostgreSQL's AVG and SUM of numbers are NUMERIC, read as Decimal)."""
    return f"CAST({expr} AS DOUBLE PRECISION)" if postgres() else expr


def fn_whole_days(later_text: str, field):
    """:func:`whole_days_between` for peewee: whole days from *field* to the moment *later_text*."""
    if postgres():
        seconds = pw.fn.date_part("epoch", pw.Cast(pw.Value(later_text), "TIMESTAMP") - field)
        return pw.Cast(pw.fn.TRUNC(seconds / 86400.0), "INTEGER")
    return pw.Cast(pw.fn.julianday(later_text) - pw.fn.julianday(field), "INTEGER")


def fn_greater(a, b):
    """:func:`greater` for peewee expressions."""
    return pw.fn.GREATEST(a, b) if postgres() else pw.fn.MAX(a, b)


def join_in_order() -> str:
    """An inner join (written as ``{join_in_order()} t ON …``) that keeps the tables before it outermost: SQLite's
    planner never reorders a CROSS JOIN, whose ON makes it an inner join; PostgreSQL has no CROSS JOIN with an ON
    (and plans the order itself)."""
    return "JOIN" if postgres() else "CROSS JOIN"


# --- values read back -------------------------------------------------------------------------------------------

def read_moment(value) -> _dt.datetime | None:
    """A moment read back by raw SQL as a datetime (SQLite gives peewee's ISO text, PostgreSQL a datetime);
    None for NULL."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, _dt.date):
        return _dt.datetime(value.year, value.month, value.day)
    return _dt.datetime.fromisoformat(str(value))


def read_day(value) -> _dt.date | None:
    """A day read back by raw SQL (a DATE column, or the day of a moment) as a date (SQLite gives text,
    PostgreSQL a date or a datetime); None for NULL."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value)[:10])


# --- the migrations' DDL ----------------------------------------------------------------------------------------

# PostgreSQL functions the SQL above relies on, created before the first migration.
PRELUDE = [
    """CREATE OR REPLACE FUNCTION sa_json(value TEXT) RETURNS JSONB LANGUAGE plpgsql IMMUTABLE AS $fn$
    BEGIN
        RETURN value::jsonb;
    EXCEPTION WHEN others THEN
        RETURN NULL;
    END $fn$""",
]

_TRIGGER = re.compile(
    r"^\s*CREATE TRIGGER (?P<name>\w+) (?P<timing>BEFORE|AFTER) (?P<event>INSERT|DELETE|UPDATE(?: OF [\w\", ]+?)?) "
    r"ON \"?(?P<table>\w+)\"?(?: WHEN (?P<when>.*?))? BEGIN (?P<body>.*) END\s*$", re.S)
_RAISE = re.compile(r"SELECT RAISE\(ABORT, '((?:[^']|'')*)'\)")
_DROP_TRIGGER = re.compile(r"^\s*DROP TRIGGER (?:IF EXISTS )?\"?(\w+)\"?\s*;?\s*$")
_NOW = re.compile(r"strftime\('%Y-%m-%d %H:%M:%S', 'now', 'localtime'\)")
_GLOB = re.compile(r"GLOB '([^']*)'")
_IS_NOT = re.compile(r"\bIS NOT (?!NULL\b)")


def _expression(text: str) -> str:
    """An SQLite condition or statement of a trigger in PostgreSQL's spelling."""
    text = _NOW.sub("LOCALTIMESTAMP(0)", text)
    text = _GLOB.sub(lambda m: "LIKE '" + m.group(1).replace("*", "%") + "'", text)
    return _IS_NOT.sub("IS DISTINCT FROM ", text)


def _trigger(match: re.Match[str]) -> list[str]:
    name, timing, event, table = match["name"], match["timing"], match["event"], match["table"]
    body = _RAISE.sub(lambda m: f"RAISE EXCEPTION USING ERRCODE = '23000', MESSAGE = '{m.group(1)}'",
                      _expression(match["body"])).strip()
    if not body.endswith(";"):
        body += ";"
    if match["when"]:
        body = f"IF {_expression(match['when'])} THEN {body} END IF;"
    result = "NULL" if timing == "AFTER" else ("OLD" if event == "DELETE" else "NEW")
    function = f'"trg_{name}"'
    return [f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $fn$ "
            f"BEGIN {body} RETURN {result}; END $fn$",
            f'CREATE TRIGGER "{name}" {timing} {event} ON "{table}" FOR EACH ROW EXECUTE FUNCTION {function}()']


# The yes/no columns of the schema, by name (each name is a yes/no wherever it is used; tests/test_database.py
# checks this against the models)
BOOLEAN_COLUMNS = ("active", "bought_elsewhere", "customer_owned", "disclosed", "no_receipt", "passed",
                   "refund_opened", "refund_used", "serialised")
_BOOLEAN = re.compile(r'("?\b(?:' + "|".join(BOOLEAN_COLUMNS) + r')\b"?) INTEGER\b((?: NOT NULL)?)(?: DEFAULT ([01]))?')


def _boolean(match: re.Match[str]) -> str:
    default = {"0": " DEFAULT FALSE", "1": " DEFAULT TRUE"}.get(match.group(3) or "", "")
    return f"{match.group(1)} BOOLEAN{match.group(2)}{default}"


_TYPES = [
    (_BOOLEAN, _boolean),
    (re.compile(r"CHECK \(disclosed = 1\)"), "CHECK (disclosed)"),
    (re.compile(r"\bINTEGER NOT NULL PRIMARY KEY\b"), "INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
    (re.compile(r"\bDATETIME\b"), "TIMESTAMP"),
    (re.compile(r"\bBLOB\b"), "BYTEA"),
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
]


def postgres_statements(statement: str) -> list[str]:
    """One migration statement (SQLite's spelling) as the PostgreSQL statements that do the same."""
    trigger = _TRIGGER.match(statement)
    if trigger:
        return _trigger(trigger)
    drop = _DROP_TRIGGER.match(statement)
    if drop:  # SQLite's trigger names are the database's; PostgreSQL's are the table's
        name = drop.group(1)
        return [f"DO $do$ DECLARE t TEXT; BEGIN SELECT c.relname INTO t FROM pg_trigger g JOIN pg_class c "
                f"ON c.oid = g.tgrelid WHERE g.tgname = '{name}' AND NOT g.tgisinternal; "
                f"IF t IS NOT NULL THEN EXECUTE format('DROP TRIGGER %I ON %I', '{name}', t); END IF; END $do$"]
    if re.match(r"^\s*(CREATE|ALTER) ", statement):
        for pattern, replacement in _TYPES:
            statement = pattern.sub(replacement, statement)
    return [_NOW.sub("LOCALTIMESTAMP(0)", statement)]


class MigrationDatabase:
    """What a migration's ``up(migrator, db)`` is given: the open database, whose execute_sql takes SQLite's
    spelling on both backends."""

    def __init__(self, database: pw.Database) -> None:
        self._db = database
        self._postgres = isinstance(database, pw.PostgresqlDatabase)

    def __getattr__(self, name: str):
        return getattr(self._db, name)

    def execute_sql(self, statement: str, params: Sequence[object] | None = None):
        if not self._postgres:
            return self._db.execute_sql(statement, params or ())
        cursor = None
        for each in postgres_statements(statement):
            cursor = self._db.execute_sql(to_pyformat(each), tuple(params or ()))  # psycopg always parses: % doubled
        return cursor

    def cursor(self):
        return _MigrationCursor(self._db.cursor(), self._postgres)


class _MigrationCursor:
    def __init__(self, cursor, postgres: bool) -> None:
        self._cursor, self._postgres = cursor, postgres

    def __getattr__(self, name: str):
        return getattr(self._cursor, name)

    def executemany(self, statement: str, rows: Iterable[Sequence[object]]):
        return self._cursor.executemany(to_pyformat(statement) if self._postgres else statement, list(rows))
