"""Settings → Database's "Test the connection": what a PostgreSQL database holds, looked at on a connection of its
own (read-only, never the app's open shop), so it is safe on a worker thread while the app works.

It says what opening the database would find: a shop (its name and how many after-sales items it holds), an empty
database that the first opening sets up, a shop of an older version that the first opening upgrades — or the
refusal the app would give (server unreachable, wrong password, missing database, another program's tables, a
newer version), in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import peewee as pw

from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP
from ..models import postgres
from ..models.database import CORE_TABLES, HISTORY_TABLE, DatabaseRefused, known_migrations

SHOP = "shop"          # a shop of this version
EMPTY = "empty"        # no table at all: set up at the first opening
UPGRADE = "upgrade"    # a shop of an older version: upgraded at the first opening
REFUSED = "refused"    # the app would refuse it (see .refusal)


@dataclass
class Found:
    kind: str
    server: str = ""       # "host:port"
    database: str = ""
    shop_name: str = ""
    items: int = 0         # after-sales items
    products: int = 0
    refusal: DomainError | None = None
    missing: list[str] = field(default_factory=list)  # migrations an upgrade would apply

    def message(self) -> str:
        """What the dialog says about it, in the UI language."""
        if self.refusal is not None:
            return self.refusal.message()
        if self.kind == EMPTY:
            text = QT_TRANSLATE_NOOP("Domain", "Connected to {server}: the database {database} is empty. The shop is "
                                     "set up in it when the app opens it (or copy this PC's shop into it with "
                                     "'shop-aftersales copy-shop').")
        elif self.kind == UPGRADE:
            text = QT_TRANSLATE_NOOP("Domain", "Connected to {server}: the database {database} holds the shop "
                                     "“{shop}” with {items} after-sales item(s), written by an older version; it "
                                     "is upgraded when the app opens it.")
        elif self.shop_name:
            text = QT_TRANSLATE_NOOP("Domain", "Connected to {server}: the database {database} holds the shop "
                                     "“{shop}” with {items} after-sales item(s) and {products} product(s).")
        else:
            text = QT_TRANSLATE_NOOP("Domain", "Connected to {server}: the database {database} holds a shop without "
                                     "a name yet, with {items} after-sales item(s) and {products} product(s).")
        return DomainError(text, server=self.server, database=self.database, shop=self.shop_name or "?",
                           items=self.items, products=self.products).message()


def probe(url: str, password: str | None = None) -> Found:
    """Connect to *url* (at most postgres.CONNECT_SECONDS), look, disconnect. Never raises for what the server
    says; a malformed URL is a refusal too."""
    try:
        address = postgres.parse(url, password)
    except DomainError as exc:
        return Found(REFUSED, refusal=exc)
    server = f"{address.host}:{address.port}"
    database = postgres.make_database(address, read_only=True)
    try:
        database.connect()
    except pw.OperationalError as exc:
        return Found(REFUSED, server, address.database, refusal=postgres.unreachable(address, exc, DatabaseRefused))
    except Exception as exc:  # noqa: BLE001 - a bad host name, an option libpq refuses: said, not raised
        return Found(REFUSED, server, address.database, refusal=postgres.unreachable(address, exc, DatabaseRefused))
    try:
        return _look(database, address, server)
    except pw.DatabaseError as exc:
        return Found(REFUSED, server, address.database, refusal=postgres.unreachable(address, exc, DatabaseRefused))
    finally:
        database.close()


def _look(database: pw.Database, address: postgres.Address, server: str) -> Found:
    tables = postgres.table_names(database)
    if not tables:
        return Found(EMPTY, server, address.database)
    if HISTORY_TABLE not in tables:
        return Found(REFUSED, server, address.database, refusal=DatabaseRefused(QT_TRANSLATE_NOOP(
            "Domain", "The database {database} on {server} holds another program's tables, not a Shop "
            "Aftersales shop. It was not changed. Give the shop a database of its own."),
            kind="foreign", database=address.database, server=server))
    known = known_migrations()
    applied = {r[0] for r in database.execute_sql(f'SELECT name FROM "{HISTORY_TABLE}"').fetchall()}
    unknown = sorted(applied - set(known))
    if unknown:
        return Found(REFUSED, server, address.database, refusal=DatabaseRefused(QT_TRANSLATE_NOOP(
            "Domain", "This database was written by a newer version of Shop Aftersales (schema {unknown}). "
            "Install the newer version to open it. Nothing was changed."), kind="newer", unknown=", ".join(unknown)))
    if not applied and tables == {HISTORY_TABLE}:
        return Found(EMPTY, server, address.database)
    if known[0] not in applied or not CORE_TABLES <= tables:
        return Found(REFUSED, server, address.database, refusal=DatabaseRefused(QT_TRANSLATE_NOOP(
            "Domain", "The database {database} on {server} is damaged: its record of upgrades says it is a "
            "shop, but tables of the shop are missing ({missing}). It was not changed. Restore the latest "
            "backup into an empty database ('shop-aftersales copy-shop')."),
            kind="damaged", database=address.database, server=server,
            missing=", ".join(sorted(CORE_TABLES - tables)) or "?"))
    found = Found(SHOP, server, address.database, missing=[name for name in known if name not in applied])
    if found.missing:
        found.kind = UPGRADE
    if "aftersales_item" in tables:
        found.items = database.execute_sql('SELECT COUNT(*) FROM "aftersales_item"').fetchone()[0]
    if "product" in tables:
        found.products = database.execute_sql('SELECT COUNT(*) FROM "product"').fetchone()[0]
    if "setting" in tables:
        row = database.execute_sql('SELECT "value" FROM "setting" WHERE "key" = %s', ("shop.name",)).fetchone()
        found.shop_name = row[0] if row else ""
    return found
