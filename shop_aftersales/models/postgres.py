"""A shop kept in PostgreSQL, shared by several PCs: opening it safely, the same way the SQLite file is opened.

Before a migration runs, the database is looked at: one that holds another program's tables, or one written by a
newer version of the app, or one whose history says it is ours while its core tables are gone, is refused and
left as it was. An empty database is set up by the same numbered migrations as a new SQLite file (through
models.dialect). Every business step runs SERIALIZABLE (services.base retries the one that lost a race).

The server's address is a URL, ``postgresql://user@host:port/database``; its password comes from the URL, from
``password=`` given by the caller (the OS credential store, asked in the app), or from the user's pgpass file.
It is never written into the data folder, and never into a log or a message (:func:`display`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

import peewee as pw

from ..errors import DomainError, Translated
from ..i18n import QT_TRANSLATE_NOOP
from .base import db
from .dialect import PRELUDE, MigrationDatabase
from .stock import forget_locations

log = logging.getLogger(__name__)

SCHEMES = ("postgresql://", "postgres://")
CONNECT_SECONDS = 5
MIGRATION_LOCK = 0x5A5A_0019  # the advisory lock held while a PC upgrades the shop's schema


def is_url(text: str | os.PathLike | None) -> bool:
    return isinstance(text, str) and text.strip().lower().startswith(SCHEMES)


@dataclass(frozen=True)
class Address:
    """Where a PostgreSQL shop is, read from its URL."""

    url: str       # without the password
    host: str
    port: int
    user: str
    database: str
    password: str | None

    def with_database(self, name: str) -> "Address":
        return parse(_replace_path(self.url, name), self.password)


def _replace_path(url: str, database: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + quote(database), parts.query, parts.fragment))


def parse(url: str, password: str | None = None) -> Address:
    """Read *url*; a password in it is taken out of the URL (kept only in memory)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("postgresql", "postgres") or not parts.path.strip("/"):
        raise DomainError(QT_TRANSLATE_NOOP(
            "Domain", "{url} is not a database address. Write it as postgresql://user@server:port/database, e.g. "
            "postgresql://shop@192.168.1.10/shop."), url=display(url))
    user = unquote(parts.username or "") or os.environ.get("PGUSER", "") or "postgres"
    if parts.password is not None:
        password = unquote(parts.password)
    query = parse_qsl(parts.query, keep_blank_values=True)
    for key, value in query:  # libpq also takes ?password=…: it is taken out like the one before the @
        if key == "password":
            password = value
    query = [(k, v) for k, v in query if k != "password"]
    host = parts.hostname or "localhost"
    netloc = quote(user) + "@" + (f"[{host}]" if ":" in host else host) + (f":{parts.port}" if parts.port else "")
    clean = urlunsplit(("postgresql", netloc, parts.path, urlencode(query), ""))
    return Address(clean, host, parts.port or 5432, user, unquote(parts.path.strip("/")), password)


def display(url: str) -> str:
    """*url* fit to show or log: never its password (before the last @ of the address, or as ?password=)."""
    text = re.sub(r"(?i)([?&]password=)[^&#\s]*", r"\1***", str(url))
    scheme, sep, rest = text.partition("://")
    if not sep:
        return text
    address_end = len(rest)
    for stop in "?#":
        if stop in rest:
            address_end = min(address_end, rest.index(stop))
    at = rest.rfind("@", 0, address_end)
    if at < 0 or ":" not in rest[:at]:
        return text
    return f"{scheme}://{rest[:at].split(':', 1)[0]}:***{rest[at:]}"


def close_current() -> None:
    """Close the shop open now, whichever backend it is on."""
    if db.obj is not None and not db.is_closed():
        db.close()


def _connect_params(address: Address, read_only: bool = False) -> dict:
    params: dict = {"connect_timeout": CONNECT_SECONDS, "application_name": "shop-aftersales"}
    if address.password:
        params["password"] = address.password
    options = "-c statement_timeout=0 -c idle_in_transaction_session_timeout=600000"
    if read_only:
        options += " -c default_transaction_read_only=on"
    params["options"] = options
    return params


def make_database(address: Address, read_only: bool = False) -> pw.PostgresqlDatabase:
    from .notify import ShopPostgresqlDatabase  # reconnects a connection the server dropped while it was idle

    return ShopPostgresqlDatabase(address.url, isolation_level="SERIALIZABLE", prefer_psycopg3=True,
                                  **_connect_params(address, read_only))


def unreachable(address: Address, exc: BaseException, refused_type=DomainError) -> DomainError:
    """The refusal for a connection that failed, in the user's words (the server's own text only when it says
    nothing we know)."""
    reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    lowered = reason.lower()
    server = f"{address.host}:{address.port}"
    if "password" in lowered or "authentication" in lowered or ("role" in lowered and "does not exist" in lowered):
        return refused_type(QT_TRANSLATE_NOOP(
            "Domain", "The database server {server} refused the user {user}: the user name or the password is wrong "
            "or missing. Enter them under Settings → Database (the password can be kept in this PC's credential "
            "store)."), kind="password", server=server, user=address.user)
    if "does not exist" in lowered and address.database.lower() in lowered:
        return refused_type(QT_TRANSLATE_NOOP(
            "Domain", "The database {database} does not exist on the server {server}. Create it first (README: "
            "Several PCs, one shop), or check its name under Settings → Database."),
            kind="missing", database=address.database, server=server)
    if "connection refused" in lowered:
        why = QT_TRANSLATE_NOOP("Domain", "nothing answers on that port (PostgreSQL is not running there, or a "
                                "firewall blocks the port)")
    elif "timeout" in lowered or "timed out" in lowered:
        why = QT_TRANSLATE_NOOP("Domain", "no answer within {seconds} seconds")
    elif "could not translate host name" in lowered or "name or service not known" in lowered \
            or "nodename nor servname" in lowered:
        why = QT_TRANSLATE_NOOP("Domain", "this PC does not know a computer of that name")
    elif "invalid response" in lowered or "server closed the connection unexpectedly" in lowered:
        why = QT_TRANSLATE_NOOP("Domain", "something answers on that port, but not as PostgreSQL does (is it the "
                                "right address and port?)")
    elif "no pg_hba.conf entry" in lowered:
        why = QT_TRANSLATE_NOOP("Domain", "the server does not let this PC in (its pg_hba.conf)")
    else:
        why = None
    if why is not None:
        return refused_type(QT_TRANSLATE_NOOP(
            "Domain", "The shop's database server {server} cannot be reached: {why}. Is the PC that keeps the data "
            "switched on and on the network? Nothing was changed."),
            kind="unreachable", server=server, why=Translated(why, seconds=CONNECT_SECONDS))
    return refused_type(QT_TRANSLATE_NOOP(
        "Domain", "The shop's database server {server} cannot be reached ({reason}). Is the PC that keeps the data "
        "switched on and on the network? Nothing was changed."),
        kind="unreachable", server=server, reason=display(reason))


def table_names(database: pw.Database) -> set[str]:
    return {r[0] for r in database.execute_sql(
        "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()").fetchall()}


def reset_sequences(database: pw.Database) -> None:
    """Every identity column's next value after the largest id there is (rows copied in, or written with their
    id, as the hash chains do, leave the sequence behind)."""
    rows = database.execute_sql(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND is_identity = 'YES' OR (table_schema = current_schema() AND column_default LIKE 'nextval(%%')"
    ).fetchall()
    for table, column in rows:
        database.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), "
            f"COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)")


def open_postgres(url: str, password: str | None, refused_type, runner_type, migrations_dir: Path,
                  history_table: str, known: list[str], core_tables: set[str], read_only: bool = False):
    """Connect to the shop at *url*, refuse what must not be opened, migrate (unless *read_only*). Returns
    (address, applied migration names). *refused_type*: models.database.DatabaseRefused."""
    address = parse(url, password)
    close_current()
    forget_locations()
    database = make_database(address, read_only=read_only)
    try:
        database.connect()
    except pw.OperationalError as exc:
        raise unreachable(address, exc, refused_type) from exc
    try:
        tables = table_names(database)
        if history_table not in tables:
            if tables:
                raise refused_type(QT_TRANSLATE_NOOP(
                    "Domain", "The database {database} on {server} holds another program's tables, not a Shop "
                    "Aftersales shop. It was not changed. Give the shop a database of its own."),
                    kind="foreign", database=address.database, server=f"{address.host}:{address.port}")
        else:
            applied = {r[0] for r in database.execute_sql(f'SELECT name FROM "{history_table}"').fetchall()}
            unknown = sorted(applied - set(known))
            if unknown:
                raise refused_type(QT_TRANSLATE_NOOP(
                    "Domain", "This database was written by a newer version of Shop Aftersales (schema {unknown}). "
                    "Install the newer version to open it. Nothing was changed."),
                    kind="newer", unknown=", ".join(unknown))
            if applied and (known[0] not in applied or not core_tables <= tables):
                raise refused_type(QT_TRANSLATE_NOOP(
                    "Domain", "The database {database} on {server} is damaged: its record of upgrades says it is a "
                    "shop, but tables of the shop are missing ({missing}). It was not changed. Restore the latest "
                    "backup into an empty database ('shop-aftersales copy-shop')."),
                    kind="damaged", database=address.database, server=f"{address.host}:{address.port}",
                    missing=", ".join(sorted(core_tables - tables)) or "?")
            if read_only and set(known) - applied:
                raise refused_type(QT_TRANSLATE_NOOP(
                    "Domain", "The database {database} needs this version's upgrade first. Open it once with the "
                    "app (or any command that writes). Nothing was changed."),
                    kind="busy", database=address.database)
        applied_now: list[str] = []
        if not read_only:
            # two PCs starting on an empty (or older) database at once: one upgrades it, the other waits for it
            # and then finds nothing left to do
            database.execute_sql("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
            try:
                if history_table not in table_names(database):
                    for statement in PRELUDE:
                        database.execute_sql(statement.replace("%", "%%"))
                runner = runner_type(database, directory=str(migrations_dir), table_name=history_table)
                applied_now = runner.up()
                if applied_now:
                    reset_sequences(database)
            finally:
                database.execute_sql("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))
    except BaseException:
        database.close()
        raise
    db.initialize(database)
    log.info("Opened the shop in PostgreSQL %s; migrations applied now: %s", address.url, applied_now or "none")
    return address, applied_now


def migration_database(database: pw.Database) -> MigrationDatabase:
    return MigrationDatabase(database)


# --- the test suite's databases ---------------------------------------------------------------------------------

def test_database_name(data_dir: Path) -> str:
    """The database the test suite gives a data folder (SHOP_AFTERSALES_TEST_DATABASE): one per folder, per
    pytest-xdist worker, so every test has a fresh one and a command a test starts finds the same one."""
    digest = hashlib.sha1(str(Path(data_dir).expanduser().absolute()).encode("utf-8")).hexdigest()[:16]
    return f"sa_{worker()}_{digest}"


def worker() -> str:
    """This test process's part of the names: the suite's run (so two runs on one server never drop each other's
    databases) and the pytest-xdist worker. The commands a test starts inherit both from the environment."""
    run = re.sub(r"\W", "", os.environ.get("SHOP_AFTERSALES_TEST_RUN", ""))
    name = re.sub(r"\W", "", os.environ.get("PYTEST_XDIST_WORKER", "main")) or "main"
    return f"{run}_{name}" if run else name


def template_name(kind: str = "empty") -> str:
    return f"sa_{worker()}_template_{kind}"


def server_database(server_url: str) -> pw.PostgresqlDatabase:
    """The maintenance connection of a server (the URL's own database), in autocommit."""
    address = parse(server_url)
    database = pw.PostgresqlDatabase(address.url, prefer_psycopg3=True, **_connect_params(address))
    database.connect()
    return database


def database_exists(server: pw.Database, name: str) -> bool:
    return server.execute_sql("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None


def create_database(server_url: str, name: str, template: str | None = None) -> None:
    server = server_database(server_url)
    try:
        if template and not database_exists(server, template):
            template = None
        clause = f' TEMPLATE "{template}"' if template else ""
        if template and server.server_version >= 150000:  # a small database: copying its files beats the WAL
            clause += " STRATEGY FILE_COPY"
        server.execute_sql(f'CREATE DATABASE "{name}"{clause}')
    finally:
        server.close()


def drop_database(server_url: str, name: str) -> None:
    server = server_database(server_url)
    try:
        server.execute_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        server.close()


def test_database_url(server_url: str, data_dir: Path, create: bool = True) -> str | None:
    """The URL of *data_dir*'s own database on the test server, made (from the migrated template, when the suite
    made one) the first time it is asked for; without *create*, None when it is not there yet."""
    name = test_database_name(data_dir)
    server = server_database(server_url)
    try:
        exists = database_exists(server, name)
    finally:
        server.close()
    if not exists and not create:
        return None
    if not exists:
        try:
            create_database(server_url, name, template_name())
        except pw.DatabaseError:  # made meanwhile by another process of the same test
            pass
    return parse(server_url).with_database(name).url
