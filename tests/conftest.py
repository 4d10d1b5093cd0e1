"""Shared fixtures: a real SQLite file per test, the demo shop, real workbooks."""

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
from shop_aftersales.models.database import DB_FILE_NAME, close_database, open_database  # noqa: E402

from helpers import TEST_NOW  # noqa: E402


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
    open_database(folder)
    seed_demo_shop()
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database()
    return folder / DB_FILE_NAME


@pytest.fixture
def demo_shop(data_dir: Path, _demo_template: Path):
    """The demo shop (seeded once per session, copied into each test's own folder), open."""
    shutil.copy(_demo_template, data_dir / DB_FILE_NAME)
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
