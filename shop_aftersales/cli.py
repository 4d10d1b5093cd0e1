"""The command line: opens the GUI, and runs headless jobs for scripts and scheduled tasks.

Exit codes: 0 done; 1 refused (bad input, problems found, the folder open in another copy: the message says
why, nothing written); 2 wrong usage; 3 the database could not be opened (left untouched); 4 the owner's PIN
was wrong or not given (nothing written).

Every command that writes or migrates holds the data folder's lock (instance.py) from before the database is
opened to its end; `check` and `export`, when the app (or another command) has the folder, read it through a
read-only connection instead, without migrating.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from . import __version__
from .errors import DomainError
from .i18n import QT_TRANSLATE_NOOP, translate

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_DATABASE, EXIT_PIN = 0, 1, 2, 3, 4
PIN_ENV = "SHOP_AFTERSALES_OWNER_PIN"  # the owner's PIN for scheduled jobs (restore, imports) without a terminal

log = logging.getLogger(__name__)


class PinRefused(DomainError):
    """The owner's PIN was needed and was wrong or not given; nothing was done."""


def _tr(text: str) -> str:
    return translate("Cli", text)


def _parser() -> argparse.ArgumentParser:
    # given before or after the command: a sub-command's own copy must not put its default over the global one
    # (`--data-dir X restore FILE` restored into the default folder), so it sets nothing when not given
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, metavar="DIR", default=argparse.SUPPRESS,
                        help="the shop's data folder (default: the per-user application data folder)")
    common.add_argument("--lang", metavar="LANG", default=argparse.SUPPRESS,
                        help="language of messages: zh_CN or en (default: the system's)")
    common.add_argument("--database", metavar="URL", default=argparse.SUPPRESS,
                        help="the shop's shared PostgreSQL database, e.g. postgresql://shop@192.168.1.10/shop "
                             "(default: this PC's choice under Settings → Database, else the SQLite file in the "
                             "data folder); the password from this PC's credential store, PGPASSWORD or pgpass")

    parser = argparse.ArgumentParser(
        prog="shop-aftersales", parents=[common],
        description="Shop Aftersales: returns, zones, repairs and resale of one shop's after-sales goods. "
                    "Without a command, opens the application.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="open a demo shop: seeded into --data-dir if it is empty, else into a new temporary folder")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", parents=[common], help="open the application (the default)")
    gui.add_argument("--demo", action="store_true", help="as above")
    for p in (parser, gui):
        p.add_argument("--smoke", action="store_true",
                       help="open the window, close it again and exit 0 (to check an installation or a build)")
    d = sub.add_parser("demo-data", parents=[common], help="put the demo shop into an empty data folder")
    d.add_argument("--scale", choices=["demo", "small", "medium", "busy"], default="demo",
                   help="demo: the shop shown in the app (a year); busy: five years of a busy shop for measuring "
                        "(20 000 products, 500 000 sales lines, 60 000 after-sales items; takes a while)")
    for kind, help_ in (("products", "import products from an .xlsx file"),
                        ("sales", "import the original sales (receipts) from an .xlsx file"),
                        ("stock", "import opening stock per product and zone from an .xlsx file")):
        p = sub.add_parser(f"import-{kind}", parents=[common], help=help_)
        p.add_argument("file", type=Path, metavar="FILE.xlsx")
    t = sub.add_parser("template", parents=[common], help="save an empty import template")
    t.add_argument("kind", choices=["products", "sales", "stock"])
    t.add_argument("file", type=Path, metavar="FILE.xlsx")
    e = sub.add_parser("export", parents=[common], help="write the accountant's workbook for a period")
    e.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD", type=_date)
    e.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD", type=_date)
    e.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    sub.add_parser("backup", parents=[common], help="back up the shop's database now (online backup, rotated)")
    r = sub.add_parser("restore", parents=[common], help="restore a backup (the current database is backed up first)")
    r.add_argument("file", type=Path, nargs="?", metavar="BACKUP", help="the backup file; without it, list them")
    sub.add_parser("check", parents=[common],
                   help="check the database's integrity and the stock ledger's invariants (exit 1 on problems)")
    c = sub.add_parser("copy-shop", parents=[common],
                       help="copy a whole shop into an empty database or a new data folder (SQLite <-> PostgreSQL), "
                            "then check and compare both (exit 1 when they differ)")
    c.add_argument("source", metavar="SOURCE", help="a data folder (its shop.sqlite3) or a postgresql:// URL")
    c.add_argument("target", metavar="TARGET", help="an empty PostgreSQL database, or a data folder without a shop")
    return parser


def _date(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-31") from None


def _cmd_export(args) -> int:
    from .reports.accounting import export_workbook
    from .reports.analytics import Period
    from .services import settings
    from .services.housekeeping import export_part_prefix, remove_stale_export_parts

    period = Period(args.start, args.end)  # refuses a period that starts after it ends
    if not _has_database(args):
        return EXIT_REFUSED
    _open_for_reading(args)
    output = args.output if args.output.is_absolute() else Path.cwd() / args.output
    # what an earlier export to this very file left when it was killed
    remove_stale_export_parts(output.parent, None, prefix=export_part_prefix(output))
    path = export_workbook(output, period, shop_name=settings.get(settings.SHOP_NAME))
    _out(str(path))
    return EXIT_OK


def _out(text: str) -> None:
    print(text, flush=True)


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _data_dir(args) -> Path:
    from .config import default_data_dir

    return args.data_dir or default_data_dir()


def _has_database(args) -> bool:
    """Says so (and the command stops) when the folder has no shop database; creates nothing."""
    from .models.database import database_password, database_path, database_url

    folder = _data_dir(args)
    url = database_url(folder, create=False)
    if url:  # a PostgreSQL shop (--database, the PC's choice): an empty database holds no shop either
        from .services.database_probe import EMPTY, probe

        found = probe(url, database_password())
        if found.refusal is not None:
            raise found.refusal  # unreachable, wrong password…: exit 3, as when the opening itself is refused
        if found.kind == EMPTY:
            _err(_tr(QT_TRANSLATE_NOOP("Cli", "No shop in the database {database} on {server}.")).format(
                database=found.database, server=found.server))
            return False
        return True
    if not database_path(folder).exists():
        _err(_tr(QT_TRANSLATE_NOOP("Cli", "No shop database in {folder}.")).format(folder=folder))
        return False
    return True


def _open(args) -> Path:
    """Lock the data folder (if the command has not yet), open the database and migrate it, and clean up what
    killed processes left there."""
    from .models.database import open_database
    from .services.housekeeping import clean_leftovers

    if getattr(args, "lock", None) is None:
        args.lock = _locked(args)  # held until the command ends: never a second writer beside a running app
    data_dir = _data_dir(args)
    open_database(data_dir)
    clean_leftovers(data_dir)
    return data_dir


def _open_for_reading(args) -> Path:
    """`check` and `export`: as :func:`_open` when the folder is free; while the app (or another command) has it,
    the database is read through a read-only connection, without migrating."""
    from .instance import AlreadyRunning
    from .models.database import open_database_read_only

    try:
        args.lock = _locked(args)
    except AlreadyRunning:
        open_database_read_only(_data_dir(args))
        return _data_dir(args)
    return _open(args)


def _cmd_demo(args) -> int:
    from .services.demo import seed_demo_shop

    data_dir = _open(args)  # two at once: one has the lock, the other is told the folder is open
    if args.scale != "demo":
        import time

        from .services.busy import SCALES, seed_busy_shop

        began = time.perf_counter()
        made = seed_busy_shop(SCALES[args.scale],
                              progress=lambda m: _out(f"{time.perf_counter() - began:7.1f} s  {m}"))
        _out(f"{args.scale.capitalize()} shop created in {data_dir}: "
             + ", ".join(f"{count} {what}" for what, count in made.items()) + ".")
        return EXIT_OK
    changes = seed_demo_shop()
    _out(f"Demo shop created in {data_dir} ({changes.created} receipts).")
    return EXIT_OK


def _cmd_import(kind: str) -> Callable:
    def run(args) -> int:
        from .services.importing import IMPORTERS, ImportFailed

        _open(args)
        _owner_pin(args, "import")
        try:
            changes = IMPORTERS[{"stock": "opening"}.get(kind, kind)](args.file)
        except ImportFailed as exc:
            _err(exc.report())
            return EXIT_REFUSED
        for message in changes.messages:
            _out(message)
        return EXIT_OK

    return run


def _cmd_template(args) -> int:
    from .services.importing import write_template
    from .translations import normalise

    chinese = normalise(args.lang or _system_language()) == "zh_CN"
    write_template(args.file, {"stock": "opening"}.get(args.kind, args.kind), chinese=chinese)
    _out(str(args.file))
    return EXIT_OK


def _locked(args):
    from .instance import acquire

    return acquire(_data_dir(args))


def _ask_pin() -> str | None:
    """The owner's PIN: from SHOP_AFTERSALES_OWNER_PIN, else asked on the terminal (never echoed); None without
    either."""
    if PIN_ENV in os.environ:
        return os.environ[PIN_ENV]
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        try:
            return getpass.getpass(_tr(QT_TRANSLATE_NOOP("Cli", "Owner's PIN: ")))
        except (EOFError, KeyboardInterrupt):
            return None
    return None


def _owner_pin(args, step: str, owners: list | None = None) -> None:
    """Owner-only commands (restore, imports) need an owner's PIN once an owner has one: refused (PinRefused,
    exit 4) unless the PIN given is an active owner's. *owners*: the owners to check against (default: those of
    the open database)."""
    from .models import Staff
    from .services.staff import has_pin, pin_matches, verify

    if owners is None:
        owners = list(Staff.select().where((Staff.role == "owner") & Staff.active))  # noqa: E712
    owners = [owner for owner in owners if has_pin(owner)]
    if not owners:
        return
    pin = _ask_pin()
    if pin is None:
        raise PinRefused(QT_TRANSLATE_NOOP("Domain", "This needs the owner's PIN: type it when asked (in a "
                                           "terminal), or set SHOP_AFTERSALES_OWNER_PIN for a scheduled job. "
                                           "Nothing was changed."))
    refusal = None
    # the owner whose PIN it is, found without counting a failure against the others (with two owners, one's
    # right PIN must not move the other towards being blocked); only that owner, or the first, is then verified
    # (throttled and counted)
    matching = [owner for owner in owners if pin_matches(owner.pin_hash, pin.strip())]
    for owner in (matching or owners[:1]):
        try:
            if owner.id is None:  # an owner read from a backup (the shop's own database does not open)
                if not matching:
                    raise DomainError(QT_TRANSLATE_NOOP("Domain", "Wrong PIN for {name}."), name=owner.name)
            else:
                verify(owner, pin.strip())
            log.info("Owner %s approved %s from the command line", owner.name, step)
            return
        except DomainError as exc:
            refusal = exc
    raise PinRefused(QT_TRANSLATE_NOOP("Domain", "The owner's PIN was not accepted ({reason}). Nothing was "
                                       "changed."), reason=refusal.message() if refusal else "?")


def _backup_owners(path: Path) -> list:
    """The active owners in a backup file, read-only (for a restore onto a database that does not open)."""
    import sqlite3

    from .models import Staff

    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            rows = conn.execute("SELECT name, role, active, pin_hash FROM staff "
                                "WHERE role = 'owner' AND active").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []  # not a sound backup: the restore refuses it
    return [Staff(name=name, role=role, active=bool(active), pin_hash=pin_hash or "")
            for name, role, active, pin_hash in rows]


def _cmd_backup(args) -> int:
    from .services.backup import back_up

    data_dir = _open(args)
    _out(str(back_up(data_dir, "manual")))
    return EXIT_OK


def _cmd_restore(args) -> int:
    from .models.database import DatabaseRefused, open_database
    from .services.backup import backups_dir, list_backups, restore

    data_dir = _data_dir(args)
    if args.file is None:
        backups = list_backups(backups_dir(data_dir))
        for backup in backups:
            _out(f"{backup.taken:%Y-%m-%d %H:%M:%S}  {backup.size / 1024:10.0f} KB  {backup.path}")
        if not backups:
            _err(_tr(QT_TRANSLATE_NOOP("Cli", "No backups in {folder}.")).format(folder=backups_dir(data_dir)))
        return EXIT_OK
    chosen = args.file if args.file.is_absolute() else Path.cwd() / args.file  # relative: from the current folder
    args.lock = _locked(args)  # nobody else may write while the file is replaced
    from .models.database import database_path, database_url, prepare_data_dir

    data_dir = prepare_data_dir(data_dir)
    owners = None
    if database_path(data_dir).exists() or database_url(data_dir):  # a PostgreSQL shop: its own owners approve
        try:
            open_database(data_dir)
        except DatabaseRefused as refused:  # the way back from a damaged file: the backup's owner approves
            _err(str(refused))
            if refused.kind not in ("damaged", "empty", "newer", "foreign"):
                raise  # read-only, busy…: the shop's own owners still hold it; no way round their PIN
            owners = _backup_owners(chosen)
    else:
        owners = _backup_owners(chosen)  # a new PC: the shop comes back from a backup
    _owner_pin(args, "restore", owners)
    safety = restore(data_dir, chosen)
    if safety is None:
        _out(_tr(QT_TRANSLATE_NOOP("Cli", "Restored {file} into {folder} (it had no database before).")).format(
            file=chosen, folder=data_dir))
    else:
        _out(_tr(QT_TRANSLATE_NOOP("Cli", "Restored {file}; the database as it was is kept in {safety}.")).format(
            file=chosen, safety=safety))
    return EXIT_OK


def _shop_place(data_dir: Path) -> str:
    """What a message names as the shop: the PostgreSQL database (without password), else the data folder."""
    from .database_choice import current_url

    return current_url() or str(data_dir)


def _cmd_check(args) -> int:
    from .services.checks import run_checks

    if not _has_database(args):
        return EXIT_REFUSED
    data_dir = _shop_place(_open_for_reading(args))
    findings = run_checks()
    if findings:
        _err(_tr(QT_TRANSLATE_NOOP("Cli", "{count} problem(s) in {folder}:")).format(count=len(findings),
                                                                                   folder=data_dir))
        for finding in findings:
            _err(f"  • {finding}")
        return EXIT_REFUSED
    _out(_tr(QT_TRANSLATE_NOOP("Cli", "OK: {folder} is sound (integrity, foreign keys, stock ledger).")).format(
        folder=data_dir))
    return EXIT_OK


def _cmd_copy_shop(args) -> int:
    from .models.database import DB_FILE_NAME
    from .money import from_fen
    from .services.copy_shop import copy_shop, where

    from .database_choice import password_for
    from .models.postgres import is_url

    # a password this PC keeps (Settings → Database) serves here too (one written in the URL comes first)
    sides = [where(side, password_for(side) if is_url(side) else None) for side in (args.source, args.target)]
    args.locks = [_locked_folder(side.path.parent) for side in sides  # no app (nor command) on a data folder
                  if side.path is not None and side.path.name == DB_FILE_NAME]
    report = copy_shop(*sides)
    label, source, target = (_tr(QT_TRANSLATE_NOOP("Cli", "Table / column")), _tr(QT_TRANSLATE_NOOP("Cli", "Source")),
                             _tr(QT_TRANSLATE_NOOP("Cli", "Target")))
    _out(_tr(QT_TRANSLATE_NOOP("Cli", "Copied {source} into {target}.")).format(source=report.source,
                                                                               target=report.target))
    _out(f"{label:<40} {source:>16} {target:>16}")
    for table, rows in report.source_measures.rows.items():
        there = report.target_measures.rows.get(table)
        _out(f"{table:<40} {rows:>16} {there if there is not None else '-':>16}{'' if rows == there else '  ≠'}")
    for key, total in report.source_measures.sums.items():
        there = report.target_measures.sums.get(key)
        show = (lambda v: str(from_fen(v))) if key in report.source_measures.money else str
        _out(f"{'  Σ ' + key:<40} {show(total):>16} {show(there) if there is not None else '-':>16}"
             f"{'' if total == there else '  ≠'}")
    for side, findings in ((report.source, report.source_findings), (report.target, report.target_findings)):
        if findings:
            _err(_tr(QT_TRANSLATE_NOOP("Cli", "{count} problem(s) in {folder}:")).format(count=len(findings),
                                                                                       folder=side))
            for finding in findings:
                _err(f"  • {finding}")
    if report.differences:
        _err(_tr(QT_TRANSLATE_NOOP("Cli", "The copy differs from its source:")))
        for difference in report.differences:
            _err(f"  • {difference}")
    if not report.sound:
        return EXIT_REFUSED
    _out(_tr(QT_TRANSLATE_NOOP("Cli", "OK: every table, money sum and quantity agrees, and both shops are sound.")))
    return EXIT_OK


def _locked_folder(folder: Path):
    from .instance import acquire

    return acquire(folder)


def _system_language() -> str:
    from .config import preferred_language

    return preferred_language()


def _cmd_gui(args) -> int:
    from .app import run_gui

    return run_gui(data_dir=args.data_dir, demo=args.demo, language=args.lang, smoke=args.smoke,
                   database=args.database)


COMMANDS = {
    None: _cmd_gui, "gui": _cmd_gui, "demo-data": _cmd_demo, "check": _cmd_check, "template": _cmd_template,
    "import-products": _cmd_import("products"), "import-sales": _cmd_import("sales"),
    "import-stock": _cmd_import("stock"), "export": _cmd_export, "backup": _cmd_backup, "restore": _cmd_restore,
    "copy-shop": _cmd_copy_shop,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    for option in ("data_dir", "lang", "database"):  # not given (before nor after the command)
        if not hasattr(args, option):
            setattr(args, option, None)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)  # the log file (GUI) gets INFO; the console only what needs attention
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[console])
    if args.command not in (None, "gui"):
        from .translations import install_without_app

        install_without_app(args.lang or _system_language())
    try:
        if args.command not in (None, "gui"):  # the GUI chooses after its start (a demo never takes the PC's)
            from .database_choice import choose

            # demo-data fills the folder given, never this PC's shared shop (unless --database names it)
            choose(_data_dir(args), args.database, demo=args.command == "demo-data")
        return COMMANDS[args.command](args)
    except DomainError as exc:
        from .models.database import DatabaseRefused

        _err(str(exc))
        if isinstance(exc, PinRefused):
            return EXIT_PIN
        return EXIT_DATABASE if isinstance(exc, DatabaseRefused) else EXIT_REFUSED
    except OSError as exc:
        _err(f"{exc.strerror or exc}: {exc.filename or ''}".strip())
        return EXIT_REFUSED
    except Exception as exc:  # noqa: BLE001 - no traceback for the user: the message, and the log has the rest
        import sqlite3

        log.debug("Command %s failed", args.command, exc_info=True)
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            _err(_tr(QT_TRANSLATE_NOOP("Cli", "The database stayed locked by another program for too long ({reason}). "
                                       "Try again when it is closed.")).format(reason=exc))
        else:
            _err(_tr(QT_TRANSLATE_NOOP("Cli", "The command failed: {reason}")).format(
                reason=f"{type(exc).__name__}: {exc}"))
        return EXIT_REFUSED


def gui_main() -> int:
    return main(sys.argv[1:] or ["gui"])


if __name__ == "__main__":
    sys.exit(main())
