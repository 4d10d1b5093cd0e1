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


def raw_sql(statement: str, params=()):
    """Run SQL written in SQLite's spelling (``?`` placeholders, SQLite's triggers) on the open shop, whichever
    backend it is on: how a test changes the database behind the app's back. Returns the last cursor."""
    from shop_aftersales.models import dialect

    statements = dialect.postgres_statements(statement) if dialect.postgres() else [statement]
    cursor = None
    for each in statements:
        cursor = dialect.execute(each, params)
    return cursor


def query_plan(query) -> list[str]:
    """How the open shop's planner runs a peewee *query*: SQLite's EXPLAIN QUERY PLAN steps ("SEARCH t USING
    INDEX i (…)"), or PostgreSQL's EXPLAIN lines planned with sequential scans switched off, so that a "Seq Scan"
    left in them means no index can serve the look-up (a small table is otherwise always read whole)."""
    from shop_aftersales.models import db, dialect

    sql, params = query.sql()
    if not dialect.postgres():
        return [row[-1] for row in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()]
    with db.atomic():
        db.execute_sql("SET LOCAL enable_seqscan = off")
        return [row[0] for row in db.execute_sql("EXPLAIN " + sql, params).fetchall()]


def uses_an_index(steps: list[str]) -> bool:
    """Does the plan *steps* (:func:`query_plan`) read through an index, never a whole table?"""
    from shop_aftersales.models import dialect

    if dialect.postgres():  # Index Scan, Index Only Scan, Bitmap Index Scan
        return all("Seq Scan" not in step for step in steps) and any("Index" in step for step in steps)
    return bool(steps) and all("SCAN" not in step for step in steps) \
        and any("USING" in step and "INDEX" in step for step in steps)


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
