"""Copying a whole shop from one database into another: an SQLite file into PostgreSQL and back, or one file
into another (``shop-aftersales copy-shop``); a PostgreSQL shop backed up into one SQLite file, and such a file
restored into a PostgreSQL shop (services.backup).

Every table is copied (the models' and the histories': ``history_chain``, ``change_log``), in the order of their
foreign keys, every row with its id, in batches, each value as the target's backend keeps it (a yes/no is 0/1 in
SQLite and a BOOLEAN in PostgreSQL, a moment SQLite's text or a TIMESTAMP, a hash a BLOB or a BYTEA). Only
``schema_migration`` (made by the migrations that set the target up) and ``setting_grant`` (an owner's approval
held inside one step, empty between steps) are not.

The target is written in one transaction: the rows its migrations put in (zones, the default return policy,
checklist and pricing rule, settings, the chain heads) are removed first and the database's own triggers are
lifted for the copy (they would refuse the append-only and owner-only rows, and log staff and supplier returns a
second time) and put back before the commit; PostgreSQL's identity sequences are moved past the copied ids. The
source is read in one snapshot. Before the commit, the rows of every table and the sums of every money column
and of every quantity are compared with the source's: a copy that does not come out the same is rolled back.

No Qt here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

import peewee as pw

from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP
from ..models import ALL_MODELS, MoneyField, db, postgres
from ..models.stock import forget_locations

log = logging.getLogger(__name__)

NOT_COPIED = ("schema_migration", "setting_grant")
HISTORY_TABLES = ("history_chain", "change_log")  # the histories' tables, which have no model
# what the migrations put into a new shop: a target holding rows only there is empty
MIGRATION_ROWS = {"location", "return_policy", "quality_checklist", "pricing_rule", "setting", "history_chain"}
BATCH = 2000

NOT_EMPTY = QT_TRANSLATE_NOOP(
    "Domain", "{target} already holds a shop ({tables}). Nothing was copied and nothing there was changed. Copy "
    "into an empty database or into a new data folder.")
NO_SHOP = QT_TRANSLATE_NOOP("Domain", "There is no shop in {source}. Nothing was copied.")
SAME_SHOP = QT_TRANSLATE_NOOP("Domain", "{source} and {target} are the same shop. Nothing was copied.")
NOT_ALIKE = QT_TRANSLATE_NOOP(
    "Domain", "The shops in {source} and {target} do not have the same tables or columns ({detail}). Nothing was "
    "copied; open both with this version of the app first.")
FAILED = QT_TRANSLATE_NOOP("Domain", "The copy into {target} failed ({reason}). Nothing there was changed.")
CAME_OUT_DIFFERENT = QT_TRANSLATE_NOOP(
    "Domain", "The copy into {target} did not come out the same as {source} ({detail}). Nothing there was changed.")


class CopyRefused(DomainError):
    """Nothing was copied; the target is as it was."""


# --- the tables, their columns, and how a value travels ---------------------------------------------------------

def is_postgres(database: pw.Database) -> bool:
    return isinstance(database, pw.PostgresqlDatabase)


def _placeholder(database: pw.Database) -> str:
    return "%s" if is_postgres(database) else "?"


def tables_of(database: pw.Database) -> set[str]:
    if is_postgres(database):
        return postgres.table_names(database)
    return {r[0] for r in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").fetchall()}


def _model_order() -> list[type[pw.Model]]:
    return list(pw.sort_models(ALL_MODELS))


def table_order(tables: set[str]) -> list[str]:
    """The tables to copy, parents before the tables that point to them."""
    ordered = [m._meta.table_name for m in _model_order() if m._meta.table_name in tables]
    ordered += [t for t in HISTORY_TABLES if t in tables]
    ordered += sorted(tables - set(ordered) - set(NOT_COPIED))  # tables of no model: none point to them
    return ordered


def columns_of(database: pw.Database, table: str) -> list[tuple[str, str]]:
    """(column, kind) in the table's order; kind: bool, datetime, date, bytes or other."""
    if is_postgres(database):
        rows = database.execute_sql(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = %s ORDER BY ordinal_position", (table,)).fetchall()
    else:
        rows = [(r[1], r[2]) for r in database.execute_sql(f'PRAGMA table_info("{table}")').fetchall()]
    return [(name, _kind(str(declared).lower())) for name, declared in rows]


def _kind(declared: str) -> str:
    if declared == "boolean":
        return "bool"
    if declared.startswith("timestamp") or declared == "datetime":
        return "datetime"
    if declared == "date":
        return "date"
    if declared in ("bytea", "blob"):
        return "bytes"
    return "other"


def _for_sqlite(value: object) -> object:
    """*value* as the app's own writes keep it in SQLite (sqlite3's adapters: a moment as its ISO text)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _for_postgres(kind: str):
    def convert(value: object) -> object:
        if value is None:
            return None
        if kind == "bool" and not isinstance(value, bool):
            return bool(value)
        if kind == "datetime" and isinstance(value, str):
            with contextlib.suppress(ValueError):
                return dt.datetime.fromisoformat(value)
        if kind == "date" and isinstance(value, str):
            with contextlib.suppress(ValueError):
                return dt.date.fromisoformat(value)
        if isinstance(value, memoryview):
            return bytes(value)
        return value
    return convert


def _converters(target: pw.Database, kinds: list[str]) -> list:
    if is_postgres(target):
        return [_for_postgres(kind) for kind in kinds]
    return [_for_sqlite] * len(kinds)


def _self_references() -> dict[str, str]:
    """table -> its column pointing to the same table (a zone's parent zone)."""
    found = {}
    for model in ALL_MODELS:
        for f in model._meta.sorted_fields:
            if isinstance(f, pw.ForeignKeyField) and f.rel_model is model:
                found[model._meta.table_name] = f.column_name
    return found


def _parents_first(rows: list[tuple], id_at: int, parent_at: int) -> list[tuple]:
    placed: set[object] = set()
    ordered: list[tuple] = []
    waiting = list(rows)
    while waiting:
        ready = [r for r in waiting if r[parent_at] is None or r[parent_at] in placed or
                 r[parent_at] not in {w[id_at] for w in waiting}]
        if not ready:  # a loop: left to the database to refuse
            ready = waiting
        for r in ready:
            placed.add(r[id_at])
        ordered += ready
        waiting = [r for r in waiting if r[id_at] not in placed]
    return ordered


# --- counting what a shop holds -----------------------------------------------------------------------------------

def summed_columns() -> dict[str, list[tuple[str, bool]]]:
    """table -> [(column, is money)]: every money column and every quantity."""
    found: dict[str, list[tuple[str, bool]]] = {}
    for model in ALL_MODELS:
        for f in model._meta.sorted_fields:
            if isinstance(f, MoneyField) or f.column_name == "quantity":
                found.setdefault(model._meta.table_name, []).append((f.column_name, isinstance(f, MoneyField)))
    return found


@dataclass
class Measures:
    """What a shop holds: the rows of each table, the sum of each money column (in fen) and of each quantity."""

    rows: dict[str, int] = field(default_factory=dict)
    sums: dict[str, int] = field(default_factory=dict)  # "table.column" -> sum
    money: set[str] = field(default_factory=set)         # which of the sums are money (fen)


def measure(database: pw.Database, tables: list[str]) -> Measures:
    found = Measures()
    summed = summed_columns()
    for table in tables:
        columns = summed.get(table, [])
        select = ", ".join(["COUNT(*)"] + [f'COALESCE(SUM("{c}"), 0)' for c, _money in columns])
        row = database.execute_sql(f'SELECT {select} FROM "{table}"').fetchone()
        found.rows[table] = int(row[0])
        for (column, money), total in zip(columns, row[1:]):
            found.sums[f"{table}.{column}"] = int(total)
            if money:
                found.money.add(f"{table}.{column}")
    return found


def differences(source: Measures, target: Measures) -> list[str]:
    said = []
    for key in sorted(set(source.rows) | set(target.rows)):
        if source.rows.get(key) != target.rows.get(key):
            said.append(f"{key}: {source.rows.get(key)} ≠ {target.rows.get(key)}")
    for key in sorted(set(source.sums) | set(target.sums)):
        if source.sums.get(key) != target.sums.get(key):
            said.append(f"{key}: {source.sums.get(key)} ≠ {target.sums.get(key)}")
    return said


def business_tables(database: pw.Database, tables: list[str]) -> list[str]:
    """The tables of *database* that hold rows of a shop's business (not only what the migrations put in)."""
    held = []
    for table in tables:
        if table in MIGRATION_ROWS:
            continue
        if database.execute_sql(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() is not None:
            held.append(table)
    if "history_chain" in tables and database.execute_sql(
            'SELECT 1 FROM "history_chain" WHERE "last_id" > 0 LIMIT 1').fetchone() is not None:
        held.append("history_chain")
    return held


# --- the copy -----------------------------------------------------------------------------------------------------

@contextlib.contextmanager
def _snapshot(source: pw.Database):
    """One read transaction on *source*: every table is read as it was at its start."""
    if is_postgres(source):
        with source.atomic():
            source.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    else:
        with source.atomic():
            source.execute_sql("SELECT COUNT(*) FROM sqlite_master").fetchone()  # the snapshot starts here
            yield


def _batches(source: pw.Database, query: str):
    if is_postgres(source):
        cursor = source.connection().cursor(name="sa_copy_shop")  # a server-side cursor: a big table streams
        try:
            cursor.execute(query)
            while rows := cursor.fetchmany(BATCH):
                yield rows
        finally:
            cursor.close()
    else:
        cursor = source.execute_sql(query)
        while rows := cursor.fetchmany(BATCH):
            yield rows


@contextlib.contextmanager
def _triggers_lifted(target: pw.Database, tables: list[str]):
    """The target's own triggers off for the copy, back on before its commit (the same transaction)."""
    if is_postgres(target):
        for table in tables:
            target.execute_sql(f'ALTER TABLE "{table}" DISABLE TRIGGER USER')
        yield
        for table in tables:
            target.execute_sql(f'ALTER TABLE "{table}" ENABLE TRIGGER USER')
    else:
        triggers = target.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                      "ORDER BY name").fetchall()
        target.execute_sql("PRAGMA defer_foreign_keys = ON")
        for name, _sql in triggers:
            target.execute_sql(f'DROP TRIGGER "{name}"')
        yield
        for _name, sql in triggers:
            target.execute_sql(sql)


def _empty(target: pw.Database, tables: list[str]) -> None:
    every = tables + [t for t in NOT_COPIED if t != "schema_migration" and t in tables_of(target)]
    if is_postgres(target):
        target.execute_sql("TRUNCATE " + ", ".join(f'"{t}"' for t in every))
    else:
        for table in reversed(every):
            target.execute_sql(f'DELETE FROM "{table}"')


def _copy_table(source: pw.Database, target: pw.Database, table: str, columns: list[tuple[str, str]]) -> None:
    names = [c for c, _kind in columns]
    listed = ", ".join(f'"{c}"' for c in names)
    order = '"id"' if "id" in names else f'"{names[0]}"'
    converters = _converters(target, [k for _c, k in columns])
    insert = (f'INSERT INTO "{table}" ({listed}) VALUES ({", ".join([_placeholder(target)] * len(names))})')
    query = f'SELECT {listed} FROM "{table}" ORDER BY {order}'
    parent = _self_references().get(table)
    batches = _batches(source, query)
    if parent is not None and parent in names and "id" in names:  # small tables: their parents first
        everything = [r for rows in batches for r in rows]
        batches = iter([_parents_first(everything, names.index("id"), names.index(parent))])
    cursor = target.cursor()
    if is_postgres(target):  # PostgreSQL's COPY: a busy shop's half a million sale lines in seconds
        with cursor.copy(f'COPY "{table}" ({listed}) FROM STDIN') as copy:
            for rows in batches:
                for row in rows:
                    copy.write_row(tuple(convert(v) for convert, v in zip(converters, row)))
        return
    for rows in batches:
        cursor.executemany(insert, [tuple(convert(v) for convert, v in zip(converters, row)) for row in rows])


def copy_tables(source: pw.Database, target: pw.Database, source_name: str, target_name: str,
                replace: bool = False) -> Measures:
    """Copy every table of *source* into *target* (both open, at this version's schema), in one transaction on the
    target, from one snapshot of the source. Refused (CopyRefused) when the target holds a shop's business, unless
    *replace* (a restore: the target's rows are all replaced). Returns what was copied (the source's measures)."""
    tables = tables_of(source)
    copied = table_order(tables - set(NOT_COPIED))
    target_tables = tables_of(target)
    if set(copied) - target_tables or set(table_order(target_tables - set(NOT_COPIED))) - set(copied):
        detail = ", ".join(sorted(set(copied) ^ (target_tables - set(NOT_COPIED))))
        raise CopyRefused(NOT_ALIKE, source=source_name, target=target_name, detail=detail)
    with _snapshot(source):
        layout = {}
        for table in copied:
            here, there = columns_of(source, table), columns_of(target, table)
            if sorted(c for c, _ in here) != sorted(c for c, _ in there):
                raise CopyRefused(NOT_ALIKE, source=source_name, target=target_name, detail=table)
            layout[table] = there
        copied_measures = measure(source, copied)
        try:
            with target.atomic():
                held = business_tables(target, copied)
                if held and not replace:
                    raise CopyRefused(NOT_EMPTY, target=target_name,
                                      tables=", ".join(held[:4]) + (", …" if len(held) > 4 else ""))
                with _triggers_lifted(target, copied):
                    _empty(target, copied)
                    for table in copied:
                        _copy_table(source, target, table, layout[table])
                if is_postgres(target):
                    postgres.reset_sequences(target)
                    # fresh statistics for the planner: without them the first reports on a copied shop plan
                    # for empty tables (the Processing time page: 0.7 s instead of 0.1 s on the medium shop)
                    for table in copied:
                        target.execute_sql(f'ANALYZE "{table}"')
                came = differences(copied_measures, measure(target, copied))
                if came:
                    raise CopyRefused(CAME_OUT_DIFFERENT, source=source_name, target=target_name,
                                      detail="; ".join(came[:5]))
                if not is_postgres(target):
                    problems = target.execute_sql("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise CopyRefused(CAME_OUT_DIFFERENT, source=source_name, target=target_name,
                                          detail=f"foreign keys: {problems[:3]}")
        except DomainError:
            raise
        except Exception as exc:  # noqa: BLE001 - the drivers' own errors (raw cursors), an OSError
            log.warning("Copy from %s into %s failed", source_name, target_name, exc_info=True)
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise CopyRefused(FAILED, target=target_name, reason=postgres.display(reason)) from exc
    if target is db.obj:
        forget_locations()  # the zones' ids as the copy made them
    return copied_measures


# --- a side of a copy: a data folder's file or a PostgreSQL URL -------------------------------------------------

@dataclass(frozen=True)
class Where:
    """One side of a copy: an SQLite file (*path*) or a PostgreSQL database (*url*, with its password apart)."""

    path: Path | None = None
    url: str | None = None
    password: str | None = None

    @property
    def name(self) -> str:
        return postgres.display(self.url) if self.url else str(self.path)

    def same_as(self, other: Where) -> bool:
        if self.url and other.url:
            a, b = postgres.parse(self.url), postgres.parse(other.url)
            return (a.host, a.port, a.database) == (b.host, b.port, b.database)
        if self.path and other.path:
            return self.path.resolve() == other.path.resolve()
        return False


def where(text: str | Path, password: str | None = None) -> Where:
    """A data folder (its shop.sqlite3), an SQLite file, or a postgresql:// URL."""
    from ..models.database import DB_FILE_NAME

    if postgres.is_url(text):
        address = postgres.parse(str(text), password)  # refuses what is no address, with a clear message
        return Where(url=address.url, password=address.password)
    path = Path(text).expanduser().absolute()
    if path.suffix == Path(DB_FILE_NAME).suffix and not path.is_dir():
        return Where(path=path)
    return Where(path=path / DB_FILE_NAME)


def open_normally(side: Where):
    """Open *side* as the shop of this process (refused, created or migrated as at any start)."""
    from ..models.database import open_database_file, open_postgres_url, prepare_data_dir

    if side.url:
        return open_postgres_url(side.url, side.password)
    prepare_data_dir(side.path.parent)
    return open_database_file(side.path)


def _has_shop(side: Where) -> bool:
    if side.path:
        return side.path.is_file() and side.path.stat().st_size > 0
    database = postgres.make_database(postgres.parse(side.url, side.password), read_only=True)
    try:
        database.connect()
    except pw.OperationalError as exc:
        raise postgres.unreachable(postgres.parse(side.url, side.password), exc) from exc
    try:
        return "schema_migration" in postgres.table_names(database)
    finally:
        database.close()


def reader(side: Where) -> pw.Database:
    """A connection of its own to read *side* (the shop of this process stays open)."""
    if side.url:
        database = postgres.make_database(postgres.parse(side.url, side.password), read_only=True)
    else:
        database = pw.SqliteDatabase(f"{side.path.as_uri()}?mode=ro", uri=True, timeout=5,
                                     pragmas={"foreign_keys": 1})
    database.connect()
    return database


@dataclass
class CopyReport:
    source: str
    target: str
    source_measures: Measures
    target_measures: Measures
    source_findings: list = field(default_factory=list)
    target_findings: list = field(default_factory=list)

    @property
    def differences(self) -> list[str]:
        return differences(self.source_measures, self.target_measures)

    @property
    def sound(self) -> bool:
        return not self.differences and not self.source_findings and not self.target_findings


def _remove_new_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".closed", ".integrity"):
        with contextlib.suppress(OSError):
            Path(str(path) + suffix).unlink(missing_ok=True)


def copy_shop(source: Where, target: Where) -> CopyReport:
    """Copy the shop at *source* into the empty *target* (created when it does not exist yet), then run `check` on
    both and measure both. The source is brought to this version's schema first. Leaves no shop open."""
    from ..models.database import close_database
    from .checks import run_checks

    if source.same_as(target):
        raise CopyRefused(SAME_SHOP, source=source.name, target=target.name)
    if not _has_shop(source):
        raise CopyRefused(NO_SHOP, source=source.name)
    open_normally(source)  # refused as at a start, or migrated
    close_database()
    new_file = target.path is not None and not target.path.exists()
    try:
        open_normally(target)
        reading = reader(source)
        try:
            copied = copy_tables(reading, db.obj, source.name, target.name)
        finally:
            reading.close()
    except BaseException:
        close_database()
        if new_file:
            _remove_new_file(target.path)
        raise
    try:
        report = CopyReport(source.name, target.name, copied, measure(db.obj, list(copied.rows)))
        report.target_findings = run_checks()
    finally:
        close_database()
    open_normally(source)
    try:  # (its measures are those of the snapshot copied: other PCs may have written to it since)
        report.source_findings = run_checks()
    finally:
        close_database()
    return report


# --- a PostgreSQL shop as one SQLite file, and back ---------------------------------------------------------------

def new_sqlite_shop(path: Path) -> pw.SqliteDatabase:
    """A new SQLite file at *path* set up by the migrations, on a connection of its own (not the shop of this
    process). A single file: no -wal beside it."""
    from ..models.database import HISTORY_TABLE, MIGRATIONS_DIR, ShopRunner

    database = pw.SqliteDatabase(str(path), pragmas={"foreign_keys": 1, "journal_mode": "delete"}, timeout=5)
    database.connect()
    try:
        ShopRunner(database, directory=str(MIGRATIONS_DIR), table_name=HISTORY_TABLE).up()
    except BaseException:
        database.close()
        raise
    return database


def open_shop_reader() -> pw.Database:
    """A read connection of its own to the PostgreSQL shop this process has open."""
    current = db.obj
    if not is_postgres(current):
        raise TypeError("the shop is not in PostgreSQL")
    database = pw.PostgresqlDatabase(current.database, prefer_psycopg3=True, **current.connect_params)
    database.connect()
    return database


def postgres_to_file(path: Path, name: str) -> Measures:
    """Write the open PostgreSQL shop into a new SQLite file *path* (which must not exist); returns what it holds."""
    source = open_shop_reader()
    try:
        target = new_sqlite_shop(path)
        try:
            copied = copy_tables(source, target, postgres.display(source.database), name)
            check = target.execute_sql("PRAGMA integrity_check").fetchone()[0]
            if check != "ok":
                raise DomainError(QT_TRANSLATE_NOOP("Domain", "The backup failed its integrity check ({detail})."),
                                  detail=check)
        finally:
            target.close()
    finally:
        source.close()
    return copied


def file_to_open_postgres(path: Path, name: str) -> Measures:
    """Replace every row of the open PostgreSQL shop by the shop in the SQLite file *path* (at this version's
    schema), in one transaction."""
    source = pw.SqliteDatabase(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True, timeout=5)
    source.connect()
    try:
        return copy_tables(source, db.obj, name, postgres.display(db.obj.database), replace=True)
    finally:
        source.close()
