"""Shared fixtures: a real database per test (an SQLite file, or with SHOP_AFTERSALES_TEST_DATABASE a fresh
PostgreSQL database of its own on that server), the demo shop, real workbooks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# The stateful test's sizes: "ci" (the default) runs 50 sequences of 40 steps (2 000 steps, `check` after each);
# "deep" 500 × 40 = 20 000 (pytest --hypothesis-profile=deep tests/test_durability.py).
hypothesis_settings.register_profile("ci", max_examples=50, stateful_step_count=40)
hypothesis_settings.register_profile("deep", max_examples=500, stateful_step_count=40)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SHOP_AFTERSALES_FAST_PIN_HASH", "1")  # test-only fast PIN hashes (services.staff)

from shop_aftersales import clock  # noqa: E402
from shop_aftersales.models import db  # noqa: E402
from shop_aftersales.models import postgres  # noqa: E402
from shop_aftersales.models.database import (DB_FILE_NAME, TEST_ENV, close_database, open_database,  # noqa: E402
                                             open_postgres_url)

from helpers import TEST_NOW  # noqa: E402

# The suite's PostgreSQL server (.ci/run starts one), or None: the suite runs on SQLite files.
PG_SERVER = os.environ.get(TEST_ENV, "").strip() or None
# One name for this run of the suite, inherited by the xdist workers and every command a test starts: its databases
# are named after it, so two runs on one server (or a developer's run beside CI's) never drop each other's.
os.environ.setdefault("SHOP_AFTERSALES_TEST_RUN", f"r{os.getpid()}")


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only(why): about the SQLite file itself; skipped on PostgreSQL")
    config.addinivalue_line("markers", "postgres_only(why): needs the PostgreSQL server (SHOP_AFTERSALES_TEST_DATABASE)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if PG_SERVER and marker is not None:
            item.add_marker(pytest.mark.skip(reason="SQLite file only: " + (marker.args[0] if marker.args else "")))
        marker = item.get_closest_marker("postgres_only")
        if not PG_SERVER and marker is not None:
            item.add_marker(pytest.mark.skip(reason=f"needs PostgreSQL ({TEST_ENV}): "
                                             + (marker.args[0] if marker.args else "")))


def _worker_databases() -> list[str]:
    server = postgres.server_database(PG_SERVER)
    try:
        return [r[0] for r in server.execute_sql(
            "SELECT datname FROM pg_database WHERE starts_with(datname, %s)", (f"sa_{postgres.worker()}_",)).fetchall()]
    finally:
        server.close()


@pytest.fixture(autouse=True, scope="session")
def _postgres_templates(tmp_path_factory):
    """On PostgreSQL: this worker's migrated empty template, from which every test's database is made."""
    if not PG_SERVER:
        yield
        return
    for name in _worker_databases():
        postgres.drop_database(PG_SERVER, name)
    template = postgres.template_name()
    postgres.create_database(PG_SERVER, template)
    open_postgres_url(postgres.parse(PG_SERVER).with_database(template).url)
    close_database()
    yield
    for name in _worker_databases():
        postgres.drop_database(PG_SERVER, name)


@pytest.fixture(autouse=True)
def _fresh_postgres_databases():
    """On PostgreSQL: the databases a test made (its data folders', its commands') are dropped after it."""
    yield
    if PG_SERVER:
        close_database()
        templates = {postgres.template_name(kind) for kind in ("empty", "demo", "demo_en")}
        for name in _worker_databases():
            if name not in templates:
                postgres.drop_database(PG_SERVER, name)


def copy_shop_database(source_dir: Path, target_dir: Path) -> None:
    """The shop of *source_dir* (closed) as *target_dir*'s own: its SQLite file copied, or on PostgreSQL a new
    database made from the source's."""
    if PG_SERVER:
        name = postgres.test_database_name(target_dir)
        postgres.drop_database(PG_SERVER, name)
        postgres.create_database(PG_SERVER, name, template=postgres.test_database_name(source_dir))
    else:
        shutil.copy(Path(source_dir) / DB_FILE_NAME, Path(target_dir) / DB_FILE_NAME)


@pytest.fixture(autouse=True, scope="session")
def _isolated_qt_settings(tmp_path_factory):
    """Keep QSettings and QStandardPaths of the tests away from the real user's — and away from every other test
    process: Qt's test mode alone puts all of them in one ~/.qttest, so one xdist worker (or another run of the
    suite) choosing "Save as PDF" for slips made another's print open a file dialog and wait for ever."""
    from PySide6.QtCore import QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, folder)
    yield


@pytest.fixture(autouse=True)
def _no_file_dialog_waits_for_ever(monkeypatch):
    """Nobody is there to answer a file dialog in a test: one that opens (without the test standing in for the
    user) fails the test at once instead of blocking the suite."""
    from PySide6.QtWidgets import QFileDialog

    def refuse(*args, **kwargs):
        raise AssertionError("a file dialog opened in a test that did not answer it (monkeypatch QFileDialog)")

    for name in ("getSaveFileName", "getOpenFileName", "getOpenFileNames", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(refuse))
    yield


@pytest.fixture(autouse=True, scope="session")
def _frozen_app_clock():
    """The app clock stands still at TEST_NOW for the whole session (the demo template included)."""
    with clock.frozen(TEST_NOW):
        yield


@pytest.fixture(autouse=True)
def _clock_back_at_test_now():
    """A test that leaves the clock frozen elsewhere (without a with-block) cannot leak it into the next."""
    yield
    clock._frozen = TEST_NOW


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def shop(data_dir: Path):
    """An empty shop database, open."""
    open_database(data_dir)
    yield data_dir
    close_database()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory) -> Path:
    from shop_aftersales.services.demo import seed_demo_shop

    folder = tmp_path_factory.mktemp("demo-template")
    if PG_SERVER:  # a database of the worker's that no test's clean-up drops
        name = postgres.template_name("demo")
        postgres.drop_database(PG_SERVER, name)
        postgres.create_database(PG_SERVER, name, template=postgres.template_name())
        open_postgres_url(postgres.parse(PG_SERVER).with_database(name).url)
        seed_demo_shop()
        close_database()
        return folder / DB_FILE_NAME
    open_database(folder)
    seed_demo_shop()
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database()
    return folder / DB_FILE_NAME


def use_template(template: Path, data_dir: Path, kind: str = "demo") -> None:
    """Give *data_dir* a copy of a template shop: the SQLite file *template*, or on PostgreSQL the worker's
    template database of *kind*."""
    if PG_SERVER:
        name = postgres.test_database_name(data_dir)
        postgres.drop_database(PG_SERVER, name)
        postgres.create_database(PG_SERVER, name, template=postgres.template_name(kind))
    else:
        shutil.copy(template, Path(data_dir) / DB_FILE_NAME)


@pytest.fixture
def demo_shop(data_dir: Path, _demo_template: Path):
    """The demo shop (seeded once per session, copied into each test's own folder), open."""
    use_template(_demo_template, data_dir)
    open_database(data_dir)
    yield data_dir
    close_database()


@pytest.fixture
def window(qtbot, demo_shop):
    """The main window on the demo shop, shown; its writer thread stopped afterwards."""
    from shop_aftersales.ui.context import AppContext
    from shop_aftersales.ui.main_window import MainWindow

    w = MainWindow(AppContext(demo_shop))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.context.ops.shutdown()


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def xlsx(tmp_path: Path):
    counter = iter(range(1000))

    def make(rows: list[list[object]], name: str | None = None) -> Path:
        return write_xlsx(tmp_path / (name or f"file{next(counter)}.xlsx"), rows)

    return make
