"""Pointing the app at a shared PostgreSQL database: the global --database option, this PC's choice under
Settings → Database (the URL in QSettings, the password in the credential store, never in a file of ours), the
start's question when the server cannot be reached, and where the window says the shop is.

The tests that need a PostgreSQL server make their own databases on the suite's server (named sa_<worker>_… so
conftest's clean-up drops them); they run only when SHOP_AFTERSALES_TEST_DATABASE names one."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from shop_aftersales import database_choice
from shop_aftersales.models import postgres
from shop_aftersales.models.database import (DB_FILE_NAME, TEST_ENV, close_database, database_url, known_migrations,
                                             open_postgres_url, use_database)
from shop_aftersales.services import credentials

from helpers import app_env

SERVER = os.environ.get(TEST_ENV, "").strip() or None
PASSWORD = "Tr0ub4dor-zh-9f3"  # what no file may ever hold
UNREACHABLE = "postgresql://shop@127.0.0.1:1/shop"  # nothing listens on port 1


class MemoryStore(KeyringBackend):
    """A credential store of the test process's own: the real user's is never touched."""

    priority = 10

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def _own_store_and_choice():
    """Every test: a fresh in-memory credential store, and afterwards no PC choice, no --database left behind."""
    store = MemoryStore()
    credentials.use_backend(store)
    yield store
    credentials.use_backend(None)
    use_database(None)
    settings = QSettings()
    settings.remove(database_choice.SETTING_GROUP)
    settings.sync()


@pytest.fixture
def store(_own_store_and_choice) -> MemoryStore:
    return _own_store_and_choice


_names = itertools.count()


def new_database(template: str | None = None) -> str:
    """A database of this test on the suite's server (dropped by conftest after the test); returns its URL."""
    name = f"sa_{postgres.worker()}_dbset_{os.getpid()}_{next(_names)}"
    postgres.drop_database(SERVER, name)
    postgres.create_database(SERVER, name, template=template)
    return postgres.parse(SERVER).with_database(name).url


def shop_database(_demo_template) -> str:
    """A copy of the demo shop in a database of its own."""
    return new_database(template=postgres.template_name("demo"))


def cli(*args, **extra_env):
    env = app_env(LANG="en_US.UTF-8", LC_ALL="en_US.UTF-8", **extra_env)
    env.pop("SHOP_AFTERSALES_DATABASE", None)
    return subprocess.run([sys.executable, "-m", "shop_aftersales", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=120)


def private_config(tmp_path: Path) -> dict[str, str]:
    """A command's QSettings in *tmp_path* (never the real user's): XDG_CONFIG_HOME for Qt on Linux."""
    folder = tmp_path / "config"
    folder.mkdir(exist_ok=True)
    return {"XDG_CONFIG_HOME": str(folder)}


def everything_under(*folders: Path) -> str:
    text = []
    for folder in folders:
        for path in Path(folder).rglob("*"):
            if path.is_file():
                text.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(text)


# ---------------------------------------------------------------------------------------------- the command line

@pytest.mark.postgres_only("--database opens a real PostgreSQL shop")
def test_the_database_option_before_or_after_the_command(tmp_path, _demo_template):
    url = shop_database(_demo_template)
    folder = tmp_path / "pc"
    env = private_config(tmp_path)
    after = cli("check", "--data-dir", folder, "--database", url, **env)
    before = cli("--database", url, "check", "--data-dir", folder, **env)
    for result in (after, before):
        assert result.returncode == 0, result.stderr
        assert f"OK: {url} is sound" in result.stdout
    for n, args in enumerate([("export", "--database", url), ("--database", url, "export")]):
        out = tmp_path / f"book{n}.xlsx"
        result = cli(*args, "--from", "2026-01-01", "--to", "2026-03-31", "-o", out, "--data-dir", folder, **env)
        assert result.returncode == 0, result.stderr
        assert out.read_bytes()[:2] == b"PK"
    assert not (folder / DB_FILE_NAME).exists()  # the data folder keeps no shop of its own beside the server's


@pytest.mark.postgres_only("an empty PostgreSQL database")
def test_check_of_an_empty_database_says_so_and_sets_nothing_up(tmp_path):
    url = new_database()
    result = cli("check", "--database", url, "--data-dir", tmp_path / "pc", **private_config(tmp_path))
    assert result.returncode == 1
    assert f"No shop in the database {postgres.parse(url).database}" in result.stderr
    server = postgres.make_database(postgres.parse(url))
    server.connect()
    try:
        assert postgres.table_names(server) == set()
    finally:
        server.close()


def test_an_unreachable_server_exits_3_with_the_reason_and_no_traceback(tmp_path):
    for args in (("check", "--database", UNREACHABLE), ("--database", UNREACHABLE, "backup")):
        result = cli(*args, "--data-dir", tmp_path / "pc", **private_config(tmp_path))
        assert result.returncode == 3, result.stderr
        assert "127.0.0.1:1 cannot be reached" in result.stderr
        assert "Traceback" not in result.stderr
    result = cli("check", "--database", "postgresql://nowhere", "--data-dir", tmp_path / "pc", **private_config(tmp_path))
    assert result.returncode == 1 and "is not a database address" in result.stderr


@pytest.mark.postgres_only("this PC's choice names a real PostgreSQL shop")
def test_a_command_without_the_option_takes_this_pcs_choice_for_its_folder(tmp_path, _demo_template):
    url = shop_database(_demo_template)
    env = private_config(tmp_path)
    folder, other = tmp_path / "pc", tmp_path / "other"
    conf = QSettings(str(Path(env["XDG_CONFIG_HOME"]) / "ShopAftersales" / "Shop Aftersales.conf"),
                     QSettings.Format.IniFormat)
    conf.setValue(database_choice._key(folder), url)
    conf.sync()
    result = cli("check", "--data-dir", folder, **env)
    assert result.returncode == 0 and f"OK: {url} is sound" in result.stdout, result.stderr
    result = cli("check", "--data-dir", other, **env)  # another folder is not what the PC was pointed at
    assert url not in result.stdout + result.stderr
    result = cli("check", "--data-dir", folder, "--database", UNREACHABLE, **env)  # the option wins
    assert result.returncode == 3


def test_the_choice_in_order_option_then_pc_then_sqlite(tmp_path, monkeypatch):
    monkeypatch.delenv("SHOP_AFTERSALES_DATABASE", raising=False)
    folder = tmp_path / "pc"
    database_choice.save_url(folder, "postgresql://shop:pw-in-url@192.168.1.10/shop")
    assert database_choice.saved_url(folder) == "postgresql://shop@192.168.1.10/shop"  # never its password
    assert database_choice.choose(folder) == "postgresql://shop@192.168.1.10/shop"
    assert database_url(None) == "postgresql://shop@192.168.1.10/shop"
    assert database_choice.choose(folder, "postgresql://owner@10.0.0.2:5433/main") == \
        "postgresql://owner@10.0.0.2:5433/main"
    assert database_choice.choose(folder, demo=True) is None  # a demo never opens the PC's shop
    assert database_choice.choose(tmp_path / "another") is None
    database_choice.save_url(folder, None)
    assert database_choice.choose(folder) is None and database_url(None) is None


def test_the_password_comes_from_the_url_or_the_credential_store(store):
    url = "postgresql://shop@192.168.1.10/shop"
    assert database_choice.password_for(url) is None
    assert credentials.save("postgresql://shop@192.168.1.10:5432/shop", PASSWORD)  # the same address
    assert store.kept == {("shop-aftersales", url): PASSWORD}
    assert database_choice.password_for(url) == PASSWORD
    assert database_choice.password_for("postgresql://shop:typed@192.168.1.10/shop") == "typed"
    credentials.forget(url)
    credentials.forget(url)  # nothing to forget is fine
    assert credentials.load(url) is None


def test_a_pc_without_a_credential_store_remembers_nothing_and_says_so(qtbot, tmp_path):
    from shop_aftersales.ui.database_dialog import DatabaseDialog, PasswordDialog

    credentials.use_backend(fail.Keyring())
    assert not credentials.available()
    assert not credentials.save("postgresql://shop@pc/shop", PASSWORD)
    assert credentials.load("postgresql://shop@pc/shop") is None
    dialog = DatabaseDialog(tmp_path / "pc")
    qtbot.addWidget(dialog)
    dialog.postgres_choice.setChecked(True)
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    assert "asked at each start" in dialog.store_note.text()
    asking = PasswordDialog("postgresql://shop@pc/shop")
    qtbot.addWidget(asking)
    assert not asking.remember.isEnabled()


def test_addresses_are_built_from_the_fields_and_read_back():
    from shop_aftersales.ui.database_dialog import build_url

    assert build_url(" 192.168.1.10 ", 5432, "shop", "shop") == "postgresql://shop@192.168.1.10/shop"
    url = build_url("fe80::1", 5433, "售后 shop", "li lei@x")
    address = postgres.parse(url)
    assert (address.host, address.port, address.database, address.user) == ("fe80::1", 5433, "售后 shop", "li lei@x")


# ---------------------------------------------------------------------------------------- Settings → Database…

def fill(dialog, url: str, password: str = "") -> None:
    address = postgres.parse(url)
    dialog.postgres_choice.setChecked(True)
    dialog.host.setText(address.host)
    dialog.port.setValue(address.port)
    dialog.database.setText(address.database)
    dialog.user.setText(address.user)
    dialog.password.setText(password)


def connection_result(qtbot, dialog) -> str:
    thread = dialog.test_connection()
    assert thread is not None
    assert not dialog.test_button.isEnabled()  # one test at a time; the dialog itself stays usable
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=15_000)
    assert dialog.test_button.isEnabled()
    return dialog.result_label.text()


@pytest.mark.postgres_only("tests the connection to a real server")
def test_choosing_postgresql_testing_and_saving(qtbot, tmp_path, store, monkeypatch, _demo_template):
    from shop_aftersales.models import AftersalesItem
    from shop_aftersales.ui.database_dialog import DatabaseDialog

    url = shop_database(_demo_template)
    open_postgres_url(url)
    items = AftersalesItem.select().count()
    close_database()
    folder = tmp_path / "pc"
    folder.mkdir()
    told = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text, *a: told.append(text)))
    dialog = DatabaseDialog(folder)
    qtbot.addWidget(dialog)
    assert dialog.sqlite_choice.isChecked() and not dialog.server_box.isEnabled()
    fill(dialog, url, PASSWORD)
    assert dialog.server_box.isEnabled() and dialog.remember.isChecked()
    said = connection_result(qtbot, dialog)
    assert f"holds the shop “{dialog.found.shop_name}” with {items} after-sales item(s)" in said
    assert items > 0 and dialog.found.shop_name
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert database_choice.saved_url(folder) == postgres.parse(url).url
    assert store.kept == {("shop-aftersales", postgres.parse(url).url): PASSWORD}
    assert told and "From the next start" in told[0]
    assert database_choice.choose(folder) == postgres.parse(url).url  # the next start opens it, with its password
    from shop_aftersales.models.database import database_password

    assert database_password() == PASSWORD
    QSettings().sync()
    settings_file = Path(QSettings().fileName())
    assert postgres.parse(url).url in settings_file.read_text(encoding="utf-8")
    assert PASSWORD not in everything_under(settings_file.parent, folder)

    again = DatabaseDialog(folder)  # opened again: the choice and the remembered password are there
    qtbot.addWidget(again)
    assert again.postgres_choice.isChecked() and again.database.text() == postgres.parse(url).database
    assert again.password.text() == PASSWORD
    again.remember.setChecked(False)  # not remembered any more: forgotten
    again.save()
    assert store.kept == {}
    back = DatabaseDialog(folder)
    qtbot.addWidget(back)
    back.sqlite_choice.setChecked(True)
    back.save()
    assert database_choice.saved_url(folder) is None
    assert "SQLite file" in told[-1]


@pytest.mark.postgres_only("tests the connection to a real server")
def test_the_test_says_what_it_found_or_why_not(qtbot, tmp_path):
    from shop_aftersales.ui.database_dialog import DatabaseDialog

    dialog = DatabaseDialog(tmp_path / "pc")
    qtbot.addWidget(dialog)
    empty = new_database()
    fill(dialog, empty)
    assert "is empty. The shop is set up in it" in connection_result(qtbot, dialog)
    server = postgres.make_database(postgres.parse(empty))  # looking set nothing up
    server.connect()
    try:
        assert postgres.table_names(server) == set()
    finally:
        server.close()
    open_postgres_url(empty)  # set up: a shop, no name yet
    close_database()
    fill(dialog, empty)
    assert "holds a shop without a name yet, with 0 after-sales item(s) and 0 product(s)" in \
        connection_result(qtbot, dialog)
    server = postgres.make_database(postgres.parse(empty))
    server.connect()
    server.execute_sql("DELETE FROM schema_migration WHERE name = %s", (known_migrations()[-1],))
    server.close()
    fill(dialog, empty)
    assert "written by an older version; it is upgraded when the app opens it" in connection_result(qtbot, dialog)
    foreign = new_database()
    server = postgres.make_database(postgres.parse(foreign))
    server.connect()
    server.execute_sql("CREATE TABLE invoices (id INTEGER)")
    server.close()
    fill(dialog, foreign)
    assert "holds another program's tables" in connection_result(qtbot, dialog)
    missing = postgres.parse(empty).with_database(f"sa_{postgres.worker()}_dbset_none").url
    fill(dialog, missing)
    assert "does not exist on the server" in connection_result(qtbot, dialog)
    dialog.database.clear()
    assert dialog.test_connection() is None and dialog.result_label.text() == "Fill in the database first."


def test_an_unreachable_server_is_said_without_freezing(qtbot, tmp_path):
    from shop_aftersales.ui.database_dialog import DatabaseDialog

    dialog = DatabaseDialog(tmp_path / "pc")
    qtbot.addWidget(dialog)
    fill(dialog, UNREACHABLE)
    assert "cannot be reached" in connection_result(qtbot, dialog)
    assert dialog.result_label.styleSheet() == "color: #b00020;"


def test_saving_postgresql_needs_the_fields(qtbot, tmp_path, monkeypatch):
    from shop_aftersales.ui.database_dialog import DatabaseDialog

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: warned.append(text)))
    dialog = DatabaseDialog(tmp_path / "pc")
    qtbot.addWidget(dialog)
    dialog.postgres_choice.setChecked(True)
    dialog.host.setText("192.168.1.10")
    dialog.save()
    assert warned == ["Fill in the database first."] and dialog.result() != dialog.DialogCode.Accepted
    assert database_choice.saved_url(tmp_path / "pc") is None


# ------------------------------------------------------------------------------------------- the start, the window

def test_an_unreachable_shop_at_the_start_asks_what_to_do(qtbot, tmp_path):
    from shop_aftersales.app import open_shop_asking
    from shop_aftersales.ui import database_dialog

    folder = tmp_path / "pc"
    database_choice.save_url(folder, UNREACHABLE)
    database_choice.choose(folder)
    asked = []

    def ask(refused):
        asked.append(refused)
        box = database_dialog.refusal_box(refused)
        qtbot.addWidget(box)
        assert sorted(box.answers.values()) == ["quit", "retry", "settings"]
        assert box.text() == refused.message()
        return [database_dialog.RETRY, database_dialog.QUIT][len(asked) - 1]

    assert open_shop_asking(folder, ask=ask) is None
    assert [r.kind for r in asked] == ["unreachable", "unreachable"]  # tried again once, then quit
    assert "127.0.0.1:1 cannot be reached" in asked[0].message()
    assert not (folder / DB_FILE_NAME).exists()


@pytest.mark.postgres_only("the start opens a real PostgreSQL shop once its address is corrected")
def test_settings_at_the_start_then_the_shop_opens_and_says_where_it_is(qtbot, tmp_path, _demo_template):
    from shop_aftersales.app import open_shop_asking
    from shop_aftersales.ui import database_dialog

    url = shop_database(_demo_template)
    folder = tmp_path / "pc"
    database_choice.save_url(folder, UNREACHABLE)
    database_choice.choose(folder)

    def correct(data_dir):
        database_choice.save_url(data_dir, url)
        return True

    window = open_shop_asking(folder, ask=lambda refused: database_dialog.SETTINGS, edit_setting=correct)
    assert window is not None
    qtbot.addWidget(window)
    try:
        address = postgres.parse(url)
        where = f"{address.user}@{address.host}:{address.port}/{address.database}"
        assert window.database_label.isVisibleTo(window) and where in window.database_label.text()
        assert where in window.about_text() and "PostgreSQL" in window.about_text()
        assert not (folder / DB_FILE_NAME).exists()
    finally:
        window.context.ops.shutdown()
        window.context.instance_lock.unlock()
        close_database()


def test_the_about_box_says_where_the_shop_is(window):
    from shop_aftersales.models.database import database_path, in_postgres

    about = window.about_text()
    if in_postgres():
        assert "PostgreSQL" in about and window.database_label.isVisibleTo(window)
    else:
        assert f"Shop database: {database_path(window.context.data_dir)}" in about
        assert not window.database_label.isVisibleTo(window)


def test_the_menu_opens_the_database_setting(window, qtbot):
    from shop_aftersales.ui.database_dialog import DatabaseDialog

    action = next(a for m in window.menuBar().actions() if m.menu() for a in m.menu().actions()
                  if a.text() == "&Database…")
    action.trigger()
    dialog = window.last_dialog
    assert isinstance(dialog, DatabaseDialog) and dialog.isVisible()
    assert dialog.sqlite_choice.isChecked()  # the test's shop: nothing chosen on this PC
    dialog.reject()
