"""Every hostile import file is refused cleanly (or, when it is only odd, imported right), in-process and through
the command line: no traceback, nothing half-written, and a refusal about one cell names its row and column.

The corpus is built at test time by ``tests/hostile_imports.py`` (see there for what each file is)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
import traceback
from pathlib import Path

import pytest

import hostile_imports as hostile
from conftest import PG_SERVER, copy_shop_database
from helpers import app_env
from shop_aftersales.models import db, dialect, postgres
from shop_aftersales.models.database import DB_FILE_NAME, close_database, open_database
from shop_aftersales.services.importing import IMPORTERS, MAX_ROWS, ImportFailed

TESTS = Path(__file__).resolve().parent


@pytest.fixture
def template(tmp_path) -> Path:
    """A shop that has the products the corpus's files name (SJ-1 tracked by serial, HZ-1 not), closed (one per
    test: on PostgreSQL every database a test made is dropped after it)."""
    from shop_aftersales.services.importing import import_products

    folder = tmp_path / "hostile-shop"
    folder.mkdir()
    open_database(folder)
    import_products(hostile.write_xlsx(folder / "catalogue.xlsx", [("S", "visible", hostile.sheet_xml(hostile.rows_xml([
        ["商品编码", "商品名称", "售价", "序列号管理"], ["SJ-1", "智能手机 X1", "2999", "是"], ["HZ-1", "补水面膜", "129", "否"]])))]))
    if not dialect.postgres():
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database()
    return folder


@pytest.fixture(scope="module")
def cases(tmp_path_factory) -> dict[str, list[hostile.Case]]:
    folder = tmp_path_factory.mktemp("hostile-files")
    return {kind: hostile.corpus(folder / kind, kind) for kind in hostile.KINDS}


def table_counts(data_dir: Path) -> dict[str, int]:
    """The number of rows of every table of the shop of *data_dir*, read directly: its SQLite file read-only, or
    on PostgreSQL its database through a connection of its own."""
    if PG_SERVER:
        con = postgres.server_database(postgres.parse(PG_SERVER).with_database(
            postgres.test_database_name(data_dir)).url)
        try:
            tables = [r[0] for r in con.execute_sql("SELECT table_name FROM information_schema.tables "
                                                    "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")]
            return {t: con.execute_sql(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
        finally:
            con.close()
    con = sqlite3.connect(f"file:{data_dir / DB_FILE_NAME}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                            "AND name NOT LIKE 'sqlite_%'")]
        return {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()


def copy_shop(template: Path, folder: Path) -> None:
    """The template's folder (its files) and its shop, as *folder*'s."""
    shutil.copytree(template, folder)
    copy_shop_database(template, folder)


def _judge(case: hostile.Case, error: BaseException | None, before: dict, after: dict) -> list[str]:
    """What is wrong with how *case* was handled (empty: all well)."""
    if error is not None and not isinstance(error, ImportFailed):
        return [f"{case.id}: {type(error).__name__} escaped:\n"
                + "".join(traceback.format_exception(type(error), error, error.__traceback__))]
    if not case.refused:
        if error is not None:
            return [f"{case.id}: refused, but should import:\n{error.report()}"]
        if case.check is not None:
            try:
                case.check()
            except AssertionError as exc:
                return [f"{case.id}: imported wrong: {exc!r}"]
        return []
    if error is None:
        return [f"{case.id}: imported, but should be refused"]
    wrong = []
    report = error.report()
    if after != before:
        wrong.append(f"{case.id}: refused but wrote {[(t, before.get(t), n) for t, n in after.items() if before.get(t) != n]}")
    for phrase in case.says:
        if phrase not in report:
            wrong.append(f"{case.id}: the report does not say {phrase!r}:\n{report}")
    if case.cell is not None:
        if (case.cell[0], case.cell[1]) not in {(p.row, p.column) for p in error.problems}:
            wrong.append(f"{case.id}: no problem names row {case.cell[0]}, column {case.cell[1]!r}:\n{report}")
        if any(not (p.row and p.column) for p in error.problems if p.row > 1):
            wrong.append(f"{case.id}: a problem about a cell does not name its row and column:\n{report}")
    if case.path.name not in report:
        wrong.append(f"{case.id}: the report does not name the file {case.path.name}:\n{report}")
    return wrong


@pytest.mark.parametrize("kind", hostile.KINDS)
def test_every_hostile_file_is_refused_cleanly_in_process(kind, cases, template, tmp_path):
    wrong: list[str] = []
    for number, case in enumerate(cases[kind]):
        folder = tmp_path / f"shop-{number}"
        folder.mkdir()
        copy_shop_database(template, folder)
        before = table_counts(folder)
        open_database(folder)
        error = None
        try:
            IMPORTERS[kind](case.path)
        except Exception as exc:  # noqa: BLE001 - whatever escapes is what the test is about
            error = exc
        try:
            wrong += _judge(case, error, before, before if error is None else table_counts(folder))
        finally:
            close_database()
    assert not wrong, f"{len(wrong)} of {len(cases[kind])} files mishandled:\n\n" + "\n\n".join(wrong)


@pytest.mark.parametrize("kind", hostile.KINDS)
def test_every_hostile_file_is_refused_cleanly_through_the_cli(kind, cases, template, tmp_path):
    """All the kind's files through ``cli.main`` in one process (a fresh copy of the shop for each): exit 1 for a
    refusal and 0 for an import, never a traceback, nothing written on a refusal."""
    data = tmp_path / "template"
    copy_shop(template, data)
    files = [str(c.path) for c in cases[kind]]
    done = subprocess.run([sys.executable, str(TESTS / "hostile_imports.py"), "--run-cli", str(data), kind, *files],
                          capture_output=True, text=True, env=app_env(), timeout=600, cwd=TESTS.parent)
    assert done.returncode == 0, done.stderr
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["file"] for r in results] == files
    before = table_counts(data)
    wrong = []
    for number, (case, result) in enumerate(zip(cases[kind], results)):
        err = result["stderr"]
        if "Traceback" in err or "Warning" in err:
            wrong.append(f"{case.id}: traceback or warning:\n{err}")
        elif result["code"] != (1 if case.refused else 0):
            wrong.append(f"{case.id}: exit code {result['code']}:\n{err}")
        elif case.refused:
            if table_counts(tmp_path / f"cli-{kind}-{number}") != before:
                wrong.append(f"{case.id}: refused but wrote")
            if case.path.name not in err:
                wrong.append(f"{case.id}: stderr does not name the file:\n{err}")
            if case.cell and f"row {case.cell[0]}, column '{case.cell[1]}'" not in err:
                wrong.append(f"{case.id}: stderr does not name row {case.cell[0]}, column {case.cell[1]}:\n{err}")
    assert not wrong, "\n\n".join(wrong)


def test_the_console_script_refuses_hostile_files_without_a_traceback(cases, template, tmp_path):
    """The installed ``shop-aftersales`` itself, one process per file, for one file of each sort per kind."""
    script = Path(sys.executable).with_name("shop-aftersales")
    names = {"xxe-sheet", "date-cell-garbage", "no-sheets", "malformed-xml", "1e400-number"}
    for kind in hostile.KINDS:
        for case in (c for c in cases[kind] if c.name in names):
            data = tmp_path / case.id
            copy_shop(template, data)
            before = table_counts(data)
            done = subprocess.run([str(script), hostile.CLI_COMMAND[kind], str(case.path), "--data-dir", str(data),
                                   "--lang", "en"], capture_output=True, text=True, env=app_env(), timeout=120)
            assert done.returncode == 1 and "Traceback" not in done.stderr, (case.id, done.stderr)
            assert case.path.name in done.stderr and "Nothing was written" in done.stderr, (case.id, done.stderr)
            if case.cell:
                assert f"row {case.cell[0]}, column '{case.cell[1]}'" in done.stderr, (case.id, done.stderr)
            assert table_counts(data) == before


def test_a_million_rows_is_refused_in_seconds(template, tmp_path):
    path = hostile.million_rows(tmp_path / "million.xlsx", "sales")
    assert path.stat().st_size < 20_000_000  # a small file: the rows are what is hostile
    copy_shop_database(template, tmp_path)
    before = table_counts(tmp_path)
    open_database(tmp_path)
    try:
        began = time.monotonic()
        with pytest.raises(ImportFailed) as info:
            IMPORTERS["sales"](path)
        took = time.monotonic() - began
    finally:
        close_database()
    report = info.value.report()
    assert f"{MAX_ROWS}" in report and "1000001" in report and "million.xlsx" in report, report
    assert took < 10, f"{took:.1f} s"  # ~1 s on the 2-core CI machine; was 117 s
    assert table_counts(tmp_path) == before
