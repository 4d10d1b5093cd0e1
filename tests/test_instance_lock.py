"""One writer per shop, decided by an OS lock that dies with its process: real processes hold it, are killed with
SIGKILL, have their lock file deleted under them, and find garbage in it."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from shop_aftersales.instance import LOCK_NAME, AlreadyRunning, acquire
from shop_aftersales.models import dialect, postgres

from conftest import PG_SERVER
from helpers import app_env  # noqa: E402

HOLD = ("import sys, time; from shop_aftersales.instance import acquire; "
        "lock = acquire(sys.argv[1]); print('locked', flush=True); time.sleep(60)")


def _own_connection(folder: Path, read_only: bool = False):
    """A connection of the test's own to the folder's PostgreSQL database (on the test server)."""
    url = postgres.test_database_url(PG_SERVER, folder.resolve())
    database = postgres.make_database(postgres.parse(url), read_only=read_only)
    database.connect()
    return database


def contents(folder: Path):
    """What the shop holds, to compare before and after: its SQLite file byte for byte, or every row of every
    table of its PostgreSQL database (read through a read-only connection of the test's own)."""
    if not PG_SERVER:
        return (folder / "shop.sqlite3").read_bytes()
    database = _own_connection(folder, read_only=True)
    try:
        return {table: sorted(map(repr, database.execute_sql(f'SELECT * FROM "{table}"').fetchall()))
                for table in postgres.table_names(database)}
    finally:
        database.close()


def change_behind_the_apps_back(folder: Path, statement: str, params: tuple = ()) -> None:
    """*statement* (SQLite's spelling) run and committed on the folder's shop by a connection of the test's own."""
    if PG_SERVER:
        database = _own_connection(folder)
        try:
            database.execute_sql(dialect.to_pyformat(statement), params)
        finally:
            database.close()
        return
    import sqlite3

    conn = sqlite3.connect(folder / "shop.sqlite3")
    try:
        conn.execute(statement, params)
        conn.commit()
    finally:
        conn.close()


def cli(*args, **extra):
    env = app_env(LANG="en_US.UTF-8", LC_ALL="en_US.UTF-8", **extra)
    return subprocess.run([sys.executable, "-m", "shop_aftersales", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=180)


@pytest.fixture
def holder(tmp_path):
    """A real process holding the lock of tmp_path/shop; yields (folder, process)."""
    folder = tmp_path / "shop"
    folder.mkdir()
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(folder)], stdout=subprocess.PIPE, text=True,
                               env=app_env())
    try:
        assert process.stdout.readline().strip() == "locked"
        yield folder, process
    finally:
        process.kill()
        process.wait()


def test_a_second_process_is_refused_and_told_who_holds_the_folder(holder):
    folder, process = holder
    with pytest.raises(AlreadyRunning, match=f"process {process.pid} on "):
        acquire(folder)


def test_deleting_the_lock_file_does_not_let_a_second_writer_in(holder):
    folder, process = holder
    (folder / LOCK_NAME).unlink()
    with pytest.raises(AlreadyRunning):
        acquire(folder)
    (folder / LOCK_NAME).write_text("")  # deleted and made again: still the same lock
    with pytest.raises(AlreadyRunning, match=r"process \? on \?"):
        acquire(folder)
    result = cli("backup", "--data-dir", folder)
    assert result.returncode == 1 and "already open on this data folder" in result.stderr


def test_restore_is_refused_while_the_app_holds_the_folder_even_without_its_lock_file(holder, tmp_path):
    folder, _ = holder
    (folder / LOCK_NAME).unlink()
    fake = tmp_path / "shop-20260101-000000-manual.sqlite3"
    fake.write_bytes(b"x")
    result = cli("restore", fake, "--data-dir", folder)
    assert result.returncode == 1 and "already open on this data folder" in result.stderr
    assert not (folder / "shop.sqlite3").exists()


def test_a_holder_killed_with_sigkill_lets_go_at_once(holder):
    folder, process = holder
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    lock = acquire(folder)  # the stale file is still there, with the dead process's id in it
    try:
        assert (folder / LOCK_NAME).read_text().split()[0] == str(os.getpid())
    finally:
        lock.unlock()


@pytest.mark.parametrize("content", [b"", b"\0" * 4096, b"\xff\xfe garbled \x00\x01", b"12 no-such-host\n",
                                     "reused", "reused-qt"])
def test_an_empty_garbled_or_stale_lock_file_is_taken_over(tmp_path, content):
    """A power cut can leave the lock file empty, zeroed or garbled; a process id in it may be dead or reused
    ("reused": this very test's own live python process, on this host, also in the format QLockFile wrote).
    Only the OS lock decides."""
    folder = tmp_path / "shop"
    folder.mkdir()
    if content == "reused":
        content = f"{os.getpid()} {socket.gethostname()}\n".encode()
    elif content == "reused-qt":
        content = f"{os.getpid()}\n{Path(sys.executable).name}\n{socket.gethostname()}\n".encode()
    (folder / LOCK_NAME).write_bytes(content)
    result = cli("demo-data", "--data-dir", folder)
    assert result.returncode == 0, result.stderr


def test_two_demo_data_at_once_one_wins_the_other_is_told(tmp_path):
    folder = tmp_path / "shop"
    env = app_env(LANG="en_US.UTF-8", LC_ALL="en_US.UTF-8")
    runs = [subprocess.Popen([sys.executable, "-m", "shop_aftersales", "demo-data", "--data-dir", str(folder)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) for _ in range(2)]
    results = [(run.wait(timeout=180), *run.communicate()) for run in runs]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 1], results
    loser = next(err for code, _, err in results if code == 1)
    assert "Traceback" not in loser
    assert "already open on this data folder" in loser or "already has a shop" in loser
    assert cli("check", "--data-dir", folder).returncode == 0


def test_check_and_export_read_the_shop_while_the_app_has_it(tmp_path):
    """check and export migrate when they have the folder to themselves; while another process has it they read
    through a read-only connection (no migration, nothing written), so the accountant's job still runs."""
    folder = tmp_path / "shop"
    assert cli("demo-data", "--data-dir", folder).returncode == 0
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(folder)], stdout=subprocess.PIPE, text=True,
                               env=app_env())
    try:
        assert process.stdout.readline().strip() == "locked"
        before = contents(folder)
        result = cli("check", "--data-dir", folder)
        assert result.returncode == 0 and result.stdout.startswith("OK"), result.stderr
        out = tmp_path / "year.xlsx"
        result = cli("export", "--from", "2026-01-01", "--to", "2026-06-30", "-o", out, "--data-dir", folder)
        assert result.returncode == 0, result.stderr
        assert out.exists()
        assert contents(folder) == before
        assert not (folder / "shop.sqlite3.closed").exists()  # a reader leaves no "closed cleanly" marker
    finally:
        process.kill()
        process.wait()


def test_a_reader_does_not_migrate_behind_the_app(tmp_path):
    """A shop not yet upgraded, held by another process: check says it needs the upgrade, and changes nothing."""
    from shop_aftersales.models.database import known_migrations

    folder = tmp_path / "shop"
    assert cli("demo-data", "--data-dir", folder).returncode == 0
    change_behind_the_apps_back(folder, "DELETE FROM schema_migration WHERE name = ?",  # as if made by the
                                (known_migrations()[-1],))                           # previous version
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(folder)], stdout=subprocess.PIPE, text=True,
                               env=app_env())
    try:
        assert process.stdout.readline().strip() == "locked"
        before = contents(folder)
        started = time.monotonic()
        result = cli("check", "--data-dir", folder)
        assert result.returncode == 3 and "needs this version's upgrade first" in result.stderr
        assert "Traceback" not in result.stderr and time.monotonic() - started < 60
        assert contents(folder) == before
    finally:
        process.kill()
        process.wait()
