"""The command line as scripts and the accountant's scheduled jobs use it: real processes."""

import datetime as dt
import re
import subprocess
import sys

import pytest
from openpyxl import Workbook

from shop_aftersales import __version__

from conftest import PG_SERVER, use_template  # noqa: E402
from helpers import app_env  # noqa: E402


def cli(*args, env_lang="en_US.UTF-8", **extra_env):
    env = app_env(LANG=env_lang, LC_ALL=env_lang, **extra_env)
    return subprocess.run([sys.executable, "-m", "shop_aftersales", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=120)


def test_version_and_help():
    result = cli("--version")
    assert result.returncode == 0 and __version__ in result.stdout
    result = cli("--help")
    assert result.returncode == 0
    for command in ("demo-data", "import-products", "import-sales", "import-stock", "check", "--data-dir", "--demo"):
        assert command in result.stdout


def test_the_smoke_run_opens_the_window_on_the_demo_and_exits_0(demo_dir, tmp_path):
    """What CI does with the built program, here from the source: the window opens, draws and closes."""
    result = cli("--data-dir", demo_dir, "--smoke", XDG_CONFIG_HOME=str(tmp_path))  # not the user's settings
    assert result.returncode == 0, result.stderr
    assert "opened with 6 tabs" in result.stdout
    assert "charts drawn, slip printed" in result.stdout  # the Reports chart and the printing path ran too


def test_demo_says_where_its_temporary_folder_is(tmp_path):
    """--demo in a new temporary folder: the terminal says where, and that it is not the shop's own folder; the
    demo is seeded on the app clock's date (here the tests' fixed moment, not the calendar's)."""
    from shop_aftersales.models import Sale
    from shop_aftersales.models.database import close_database, open_database

    from helpers import TEST_NOW

    temp = tmp_path / "tmp"
    temp.mkdir()
    result = cli("--demo", "--smoke", XDG_CONFIG_HOME=str(tmp_path), TMPDIR=str(temp))
    assert result.returncode == 0, result.stderr
    [folder] = list(temp.iterdir())
    assert f"Demo shop in a new temporary folder: {folder}" in result.stdout
    assert "It is not your shop's data folder" in result.stdout
    open_database(folder)
    try:
        newest = Sale.select().order_by(Sale.sold_at.desc()).first().sold_at
        assert newest.date() == TEST_NOW.date() - dt.timedelta(days=1)  # the history runs to last night
    finally:
        close_database()


def test_unknown_command_is_a_usage_error():
    assert cli("frobnicate").returncode == 2


@pytest.fixture
def demo_dir(tmp_path_factory, _demo_template):
    """A data folder of this test holding the demo shop (the suite's copy of what `demo-data` makes: see
    test_demo_data_then_check_is_clean)."""
    folder = tmp_path_factory.mktemp("cli-demo")
    use_template(_demo_template, folder)
    return folder


def shop_made_in(folder) -> bool:
    """Does *folder* have a shop database: its SQLite file, or on PostgreSQL the folder's own database?"""
    from shop_aftersales.models import postgres
    from shop_aftersales.models.database import DB_FILE_NAME

    if not PG_SERVER:
        return (folder / DB_FILE_NAME).exists()
    server = postgres.server_database(PG_SERVER)
    try:
        return postgres.database_exists(server, postgres.test_database_name(folder))
    finally:
        server.close()


def test_demo_data_then_check_is_clean(tmp_path):
    folder = tmp_path / "cli-demo"
    result = cli("demo-data", "--data-dir", folder)
    assert result.returncode == 0, result.stderr
    assert "Demo shop created" in result.stdout
    result = cli("check", "--data-dir", folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK")


def test_demo_data_refuses_a_folder_with_a_shop(demo_dir):
    result = cli("demo-data", "--data-dir", demo_dir)
    assert result.returncode == 1
    assert "already has a shop" in result.stderr


def hostile_workbook(path):
    wb = Workbook()
    ws = wb.active
    ws.append(["单号", "日期", "客户", "电话", "商品编码", "序列号", "数量", "单价"])
    ws.append(["H-1", "2026-02-30", "=1+1", "138", "SJ-X1-256B", "", 1, 2999])     # impossible date
    ws.append(["H-2", "2026-03-01", "@SUM(A1)", "", "NO-SUCH-SKU", "", 1, 10])      # unknown product
    ws.append(["H-3", "2026-03-01", "", "", "HZ-MS-5", "", -3, 129])                # negative quantity
    ws.append(["H-4", "2026-03-01", "", "", "HZ-MS-5", "", 1, "-1"])                # negative price
    wb.save(path)
    return path


def test_a_hostile_workbook_is_refused_row_by_row_and_check_stays_clean(demo_dir, tmp_path):
    result = cli("import-sales", hostile_workbook(tmp_path / "hostile.xlsx"), "--data-dir", demo_dir)
    assert result.returncode == 1
    assert "4 problem(s)" in result.stderr and "Nothing was written" in result.stderr
    for row in (2, 3, 4, 5):
        assert f"row {row}, column" in result.stderr
    assert cli("check", "--data-dir", demo_dir).returncode == 0


def test_messages_follow_the_language(demo_dir, tmp_path):
    result = cli("import-sales", hostile_workbook(tmp_path / "hostile.xlsx"), "--data-dir", demo_dir,
                 env_lang="zh_CN.UTF-8")
    assert result.returncode == 1
    assert "第 2 行" in result.stderr and "未写入任何数据" in result.stderr


def take_example_as_mine(path):
    """What a user does who keeps the example row as a real one: deletes its example mark (the last column)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb.worksheets[0]
    ws.cell(row=2, column=ws.max_column).value = None
    wb.save(path)


def test_template_then_import_through_the_cli(tmp_path):
    folder = tmp_path / "shop"
    assert cli("template", "products", tmp_path / "p.xlsx").returncode == 0
    result = cli("import-products", tmp_path / "p.xlsx", "--data-dir", folder)
    assert result.returncode == 1 and "only the template's example row" in result.stderr  # nothing of the user's
    take_example_as_mine(tmp_path / "p.xlsx")
    result = cli("import-products", tmp_path / "p.xlsx", "--data-dir", folder)
    assert result.returncode == 0, result.stderr
    assert "1 new product(s)" in result.stdout
    assert cli("template", "stock", tmp_path / "s.xlsx").returncode == 0
    take_example_as_mine(tmp_path / "s.xlsx")
    assert cli("import-stock", tmp_path / "s.xlsx", "--data-dir", folder).returncode == 0
    assert cli("check", "--data-dir", folder).returncode == 0


def test_check_of_a_folder_without_a_shop_says_so(tmp_path):
    result = cli("check", "--data-dir", tmp_path / "empty")
    assert result.returncode == 1 and "No shop database" in result.stderr
    assert not (tmp_path / "empty").exists() and not shop_made_in(tmp_path / "empty")


@pytest.mark.sqlite_only("a damaged SQLite file")
def test_a_corrupt_database_exits_3_and_is_left_alone(tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "shop.sqlite3").write_bytes(b"garbage" * 1000)
    result = cli("check", "--data-dir", folder)
    assert result.returncode == 3
    assert "Restore the latest backup" in result.stderr
    assert (folder / "shop.sqlite3").read_bytes() == b"garbage" * 1000


def test_the_accountants_export(demo_dir, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "month.xlsx"
    result = cli("export", "--from", "2026-01-01", "--to", "2026-12-31", "-o", out, "--data-dir", demo_dir)
    assert result.returncode == 0, result.stderr
    assert "Summary" in load_workbook(out).sheetnames


def test_export_refusals(demo_dir, tmp_path):
    result = cli("export", "--from", "2026-03-31", "--to", "2026-03-01", "-o", tmp_path / "x.xlsx",
                 "--data-dir", demo_dir)
    assert result.returncode == 1 and "starts (2026-03-31) after it ends" in result.stderr
    assert not (tmp_path / "x.xlsx").exists()
    result = cli("export", "--from", "2026-03-01", "--to", "2026-03-31", "-o", tmp_path / "no" / "x.xlsx",
                 "--data-dir", demo_dir)
    assert result.returncode == 1 and "does not exist" in result.stderr
    assert cli("export", "--from", "March", "--to", "2026-03-31", "-o", tmp_path / "x.xlsx",
               "--data-dir", demo_dir).returncode == 2
    assert list(tmp_path.iterdir()) == []


def test_a_small_busy_shop_is_generated_through_the_real_steps_and_is_sound(tmp_path):
    """The generator behind `demo-data --scale busy`, at its small scale: every item went through the business
    steps, so the result passes `check`; counts are what was asked."""
    from shop_aftersales.models import AftersalesItem, ItemEvent, Product, RepairOrder, SaleLine
    from shop_aftersales.models.database import close_database, open_database
    from shop_aftersales.services.busy import SCALES, seed_busy_shop
    from shop_aftersales.services.checks import run_checks

    open_database(tmp_path)
    try:
        made = seed_busy_shop(SCALES["small"])
        assert Product.select().count() == 300 and SaleLine.select().count() == 3000
        assert AftersalesItem.select().count() == made["items"] > 250
        assert RepairOrder.select().where(RepairOrder.state == "done").count() == made["repairs"] > 0
        assert ItemEvent.select().count() > 2 * made["items"]  # each has a history
        assert [str(p) for p in run_checks()] == []
    finally:
        close_database()


# ------------------------------------------------------------------ owner's PIN, refused files (issue 16)

PIN = "2468"


@pytest.fixture
def shop_with_owner_pin(tmp_path_factory):
    """A demo shop whose owner has set a PIN, and a backup of it."""
    from decimal import Decimal

    from shop_aftersales.models import Product, Staff
    from shop_aftersales.models.database import close_database, open_database
    from shop_aftersales.services import staff as staff_steps
    from shop_aftersales.services.backup import back_up

    folder = tmp_path_factory.mktemp("pin-shop")
    assert cli("demo-data", "--data-dir", folder).returncode == 0
    open_database(folder)
    try:
        owner = Staff.select().where(Staff.role == "owner").first()
        staff_steps.save_staff(owner.id, owner.name, "owner", True, PIN, None)
        taken = back_up(folder, "manual")
        Product.create(sku="AFTER-THE-BACKUP", name="entered after the backup", list_price=Decimal(1))
    finally:
        close_database()
    return folder, taken


def after_the_backup_is_there(folder) -> bool:
    from shop_aftersales.models import Product
    from shop_aftersales.models.database import close_database, open_database_read_only

    open_database_read_only(folder)
    try:
        return Product.select().where(Product.sku == "AFTER-THE-BACKUP").count() == 1
    finally:
        close_database()


def test_restore_and_imports_need_the_owners_pin(shop_with_owner_pin, tmp_path):
    folder, taken = shop_with_owner_pin
    result = cli("restore", taken, "--data-dir", folder)  # no terminal, no variable
    assert result.returncode == 4 and "needs the owner's PIN" in result.stderr
    result = cli("restore", taken, "--data-dir", folder, SHOP_AFTERSALES_OWNER_PIN="1111")
    assert result.returncode == 4 and "PIN was not accepted" in result.stderr and "Nothing was changed" in result.stderr
    assert "Traceback" not in result.stderr
    assert after_the_backup_is_there(folder)  # not restored (the wrong PIN itself is counted: throttling)
    assert not [p for p in (folder / "backups").iterdir() if "before-restore" in p.name]
    sales = hostile_workbook(tmp_path / "sales.xlsx")
    result = cli("import-sales", sales, "--data-dir", folder, SHOP_AFTERSALES_OWNER_PIN="1111")
    assert result.returncode == 4 and "PIN was not accepted" in result.stderr
    result = cli("import-sales", sales, "--data-dir", folder, SHOP_AFTERSALES_OWNER_PIN=PIN)
    assert result.returncode == 1 and "4 problem(s)" in result.stderr  # past the PIN, to the file's own problems
    result = cli("restore", taken, "--data-dir", folder, SHOP_AFTERSALES_OWNER_PIN=PIN)
    assert result.returncode == 0 and "Restored" in result.stdout, result.stderr
    assert not after_the_backup_is_there(folder)


def test_the_owners_pin_on_a_terminal_is_asked_without_echo(shop_with_owner_pin):
    """A person at a terminal is asked (getpass); here through a pseudo-terminal."""
    import os
    import pty

    folder, taken = shop_with_owner_pin
    pid, fd = pty.fork()
    if pid == 0:  # the child: the CLI on the terminal
        env = app_env(LANG="en_US.UTF-8", LC_ALL="en_US.UTF-8")
        env.pop("SHOP_AFTERSALES_OWNER_PIN", None)
        os.execve(sys.executable, [sys.executable, "-m", "shop_aftersales", "restore", str(taken),
                                   "--data-dir", str(folder)], env)
    seen = b""
    while b"PIN" not in seen:
        seen += os.read(fd, 1024)
    os.write(fd, b"1111\n")
    while True:
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 4
    assert b"1111" not in seen and b"PIN was not accepted" in seen


@pytest.mark.sqlite_only("an empty (0 bytes) SQLite file")
def test_smoke_on_a_refused_database_exits_with_a_message_and_no_box(tmp_path):
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "shop.sqlite3").write_bytes(b"")
    result = cli("--data-dir", folder, "--smoke", XDG_CONFIG_HOME=str(tmp_path))
    assert result.returncode == 3
    assert "is empty (0 bytes)" in result.stderr
    assert (folder / "shop.sqlite3").read_bytes() == b""


@pytest.mark.sqlite_only("empty, foreign, a folder or read-only: the SQLite file itself")
@pytest.mark.parametrize("kind", ["empty", "foreign", "folder", "read-only"])
def test_bad_database_files_exit_3_and_are_left_alone(tmp_path, kind):
    import sqlite3

    folder = tmp_path / "shop"
    folder.mkdir()
    path = folder / "shop.sqlite3"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "folder":
        path.mkdir()
    else:
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode=wal")
        conn.execute("CREATE TABLE ledger (x)" if kind == "foreign" else "CREATE TABLE other (y)")
        conn.commit()
        conn.close()
        if kind == "read-only":
            result = cli("demo-data", "--data-dir", tmp_path / "real")
            assert result.returncode == 0
            path.write_bytes((tmp_path / "real" / "shop.sqlite3").read_bytes())
            path.chmod(0o444)
    before = path.read_bytes() if path.is_file() else None
    for command in (["check"], ["backup"], ["export", "--from", "2026-01-01", "--to", "2026-01-31", "-o",
                                           tmp_path / "x.xlsx"]):
        result = cli(*command, "--data-dir", folder)
        assert result.returncode == 3, (command, result.stderr)
        assert "Traceback" not in result.stderr and "was not changed" in result.stderr.replace("Nothing was "
                                                                                               "changed", "was not changed")
        if before is not None:
            assert path.read_bytes() == before
        assert sorted(p.name for p in folder.iterdir() if p.name.startswith("shop.sqlite3")) == ["shop.sqlite3"]
    path.chmod(0o644) if path.is_file() else None


@pytest.mark.postgres_only("the twin of the bad SQLite files: another program's database, a newer version's")
@pytest.mark.parametrize("kind", ["foreign", "newer"])
def test_bad_postgresql_databases_exit_3_and_are_left_alone(tmp_path, kind):
    from shop_aftersales.models import postgres

    folder = tmp_path / "shop"
    folder.mkdir()
    name = postgres.test_database_name(folder)
    if kind == "foreign":
        postgres.create_database(PG_SERVER, name)
        statement = "CREATE TABLE ledger (x INTEGER)"
    else:
        postgres.create_database(PG_SERVER, name, template=postgres.template_name())
        statement = "INSERT INTO schema_migration (name, applied) VALUES ('0999_from_the_future', '2030-01-01')"
    database = postgres.make_database(postgres.parse(PG_SERVER).with_database(name))
    database.connect()
    try:
        with database.atomic():
            database.execute_sql(statement)
        before = database.execute_sql("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                      "'public' ORDER BY 1").fetchall()
    finally:
        database.close()
    for command in (["check"], ["backup"], ["export", "--from", "2026-01-01", "--to", "2026-01-31", "-o",
                                           tmp_path / "x.xlsx"]):
        result = cli(*command, "--data-dir", folder)
        assert result.returncode == 3, (command, result.stderr)
        assert "Traceback" not in result.stderr
        assert ("another program's tables" if kind == "foreign" else "newer version") in result.stderr, result.stderr
    database.connect()
    try:
        assert database.execute_sql("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                    "'public' ORDER BY 1").fetchall() == before
    finally:
        database.close()
    assert not (tmp_path / "x.xlsx").exists()
    assert [p.name for p in folder.iterdir() if p.name != "shop.lock"] == []  # no backup, nothing else


def test_the_global_data_dir_and_lang_hold_for_every_command(tmp_path):
    """`--data-dir X COMMAND` is the same as `COMMAND --data-dir X` (the sub-command's own option used to put its
    empty default over the global one: the demo went into the default folder, a restore would have too)."""
    folder = tmp_path / "before-the-command"
    result = cli("--data-dir", folder, "demo-data")
    assert result.returncode == 0, result.stderr
    assert shop_made_in(folder)
    checked = cli("--lang", "zh_CN", "--data-dir", folder, "check")
    assert checked.returncode == 0 and "正常" in checked.stdout


def test_the_global_lang_holds_for_every_command(demo_dir, tmp_path):
    """`--lang zh_CN COMMAND` speaks and writes Chinese on an English system, for every command; so does
    `COMMAND --lang zh_CN` (the sub-command's own --lang default used to override the global one: the workbook
    came out in English)."""
    from openpyxl import load_workbook

    han = re.compile(r"[\u4e00-\u9fff]")
    for before in (True, False):
        def run(*args):
            return cli(*(("--lang", "zh_CN", *args) if before else (*args, "--lang", "zh_CN")))

        out = tmp_path / f"month-{before}.xlsx"
        result = run("export", "--from", "2026-01-01", "--to", "2026-12-31", "-o", out, "--data-dir", demo_dir)
        assert result.returncode == 0, result.stderr
        names = load_workbook(out).sheetnames
        assert "汇总" in names and not any(re.fullmatch(r"[A-Za-z ]+", n) for n in names), names
        template = tmp_path / f"template-{before}.xlsx"
        assert run("template", "products", template).returncode == 0
        headers = [c.value for c in next(load_workbook(template).worksheets[0].iter_rows(max_row=5))]
        assert any(han.search(str(h or "")) for h in headers) or any(
            han.search(str(c.value or "")) for row in load_workbook(template).worksheets[0].iter_rows(max_row=5)
            for c in row), headers
        for args in (("check",), ("restore", tmp_path / "no-such-backup.sqlite3"), ("export", "--from", "2026-03-31", "--to", "2026-03-01",
                                                  "-o", tmp_path / "x.xlsx")):
            result = run(*args, "--data-dir", demo_dir)
            said = result.stdout + result.stderr
            assert han.search(said) and "Traceback" not in said, (args, said)
        refused = run("import-products", tmp_path / "missing.xlsx", "--data-dir", demo_dir)
        assert refused.returncode != 0 and han.search(refused.stderr), refused.stderr
