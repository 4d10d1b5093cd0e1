"""Small helpers the GUI tests share (imported by name: pytest puts tests/ on the path)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess

from PySide6.QtWidgets import QApplication

from shop_aftersales.clock import ENV as CLOCK_ENV

# The moment every test lives at, unless it freezes the clock elsewhere itself: an ordinary Wednesday morning in
# the middle of a month, so nothing a test sees depends on the day the suite happens to run (CI runs the suite
# again under faketime on awkward dates to prove it). Tests about awkward dates freeze those dates themselves.
TEST_NOW = dt.datetime(2026, 6, 17, 10, 30)


def app_env(**extra: str) -> dict[str, str]:
    """The environment for a process of the app a test starts: Qt offscreen, and the app clock at TEST_NOW."""
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", **{CLOCK_ENV: TEST_NOW.isoformat()}, **extra)


def settle(qtbot, window, timeout: int = 10_000) -> None:
    """Wait until every business step queued on the writer thread has finished."""
    qtbot.waitUntil(lambda: not window.context.ops.busy, timeout=timeout)


def visible(kind):
    """The newest visible top-level widget of *kind* (dialogs open without blocking)."""
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert found, kind.__name__
    return found[-1]


def flat(text: str) -> str:
    """*text* without any white space: how a phrase is looked for in a PDF, whose lines may break anywhere."""
    return "".join(text.split())


def pdf_text(path) -> str:
    """The text of a PDF as poppler's pdftotext reads it, white space removed (compare with :func:`flat`)."""
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    else:
        from pypdf import PdfReader  # where poppler is missing

        text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return flat(text)
