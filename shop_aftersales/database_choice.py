"""Where this process keeps the shop: the SQLite file in the data folder, or a shared PostgreSQL database.

In this order: the global ``--database URL`` of the command line; else SHOP_AFTERSALES_DATABASE; else this PC's
choice under Settings → Database (kept in the PC's QSettings, per data folder, as a URL WITHOUT its password; the
password is in the PC's credential store, services.credentials, or asked at start); else the data folder's SQLite
file. The data folder stays this PC's own for logs, documents, attachments and backups whichever is chosen.

The choice is remembered per data folder, so a demo in a temporary folder, or a test's folder, never opens the shop
this PC was pointed at. A demo never uses the PC's choice at all.

Uses QtCore only (QSettings), like config.py: the command line reads the same choice as the app.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .config import settings
from .models import database, postgres
from .services import credentials

SETTING_GROUP = "database"


def _key(data_dir: Path) -> str:
    folder = str(Path(data_dir).expanduser().absolute())
    digest = hashlib.sha1(folder.encode("utf-8")).hexdigest()[:16]
    return f"{SETTING_GROUP}/{digest}"


def saved_url(data_dir: Path) -> str | None:
    """This PC's choice for *data_dir*: a PostgreSQL URL (without password), or None for the SQLite file."""
    value = settings().value(_key(data_dir), "", str)
    return value.strip() or None


def save_url(data_dir: Path, url: str | None) -> None:
    """Keep *url* as this PC's choice for *data_dir* (None: the SQLite file). A password in *url* is dropped."""
    store = settings()
    if url:
        store.setValue(_key(data_dir), postgres.parse(url).url)
        store.setValue(_key(data_dir) + "-folder", str(Path(data_dir).expanduser().absolute()))  # for a person
    else:
        store.remove(_key(data_dir))
        store.remove(_key(data_dir) + "-folder")
    store.sync()


def password_for(url: str) -> str | None:
    """The password for *url*: the one written in the URL, else the one this PC's credential store remembers."""
    own = postgres.parse(url).password
    return own if own is not None else credentials.load(url)


def choose(data_dir: Path, explicit: str | None = None, demo: bool = False) -> str | None:
    """Point models.database at this process's shop (see the module's note). Returns the PostgreSQL URL chosen
    (without password), or None for the data folder's SQLite file."""
    url = (explicit or "").strip()
    if not url and not demo:  # a demo never takes this PC's choice, nor SHOP_AFTERSALES_DATABASE's: only --database
        url = os.environ.get(database.URL_ENV, "").strip() or saved_url(data_dir) or ""
    if not url:
        database.use_database(None, own_file=demo)
        return None
    if not postgres.is_url(url):
        postgres.parse(url)  # raises the clear "not a database address" refusal
    database.use_database(url, password_for(url))
    return postgres.parse(url).url


def current_url() -> str | None:
    """The PostgreSQL URL this process was pointed at (without password), None for the SQLite file."""
    url = database.database_url(None)
    return postgres.parse(url).url if url else None


def describe() -> str:
    """Where the open shop is, fit to show: "PostgreSQL user@server:port/database" or the SQLite file's path."""
    from .models import db

    if db.obj is None:
        return ""
    if database.in_postgres():
        address = postgres.parse(db.obj.database)
        version = getattr(db.obj, "server_version", None)  # e.g. 150018, known once connected
        name = f"PostgreSQL {version // 10000}.{version % 10000}" if isinstance(version, int) else "PostgreSQL"
        return f"{name} {address.user}@{address.host}:{address.port}/{address.database}"
    return str(Path(db.obj.database))
