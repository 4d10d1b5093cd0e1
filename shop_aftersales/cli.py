"""The command line: opens the GUI, and runs headless jobs for scripts and scheduled tasks.

Exit codes: 0 done; 1 refused (bad input, problems found: the message says why, nothing written);
2 wrong usage; 3 the database could not be opened (left untouched).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Callable, Sequence

from . import __version__
from .errors import DomainError

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_DATABASE = 0, 1, 2, 3


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, metavar="DIR",
                        help="the shop's data folder (default: the per-user application data folder)")
    common.add_argument("--lang", metavar="LANG", help="language of messages: zh_CN or en (default: the system's)")

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

    period = Period(args.start, args.end)  # refuses a period that starts after it ends
    data_dir = args.data_dir
    from .config import default_data_dir
    from .models.database import database_path

    if not database_path(data_dir or default_data_dir()).exists():
        _err(f"No shop database in {data_dir or default_data_dir()}.")
        return EXIT_REFUSED
    _open(args)
    path = export_workbook(args.output, period, shop_name=settings.get(settings.SHOP_NAME))
    _out(str(path))
    return EXIT_OK


def _out(text: str) -> None:
    print(text, flush=True)


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _open(args) -> Path:
    from .config import default_data_dir
    from .models.database import open_database

    data_dir = args.data_dir or default_data_dir()
    open_database(data_dir)
    return data_dir


def _cmd_demo(args) -> int:
    from .services.demo import seed_demo_shop

    data_dir = _open(args)
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

        args.lock = _locked(args)  # never a second writer beside a running app
        _open(args)
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
    from .config import default_data_dir
    from .instance import acquire

    return acquire(args.data_dir or default_data_dir())


def _cmd_backup(args) -> int:
    from .services.backup import back_up

    args.lock = _locked(args)  # held until the command ends
    data_dir = _open(args)
    _out(str(back_up(data_dir, "manual")))
    return EXIT_OK


def _cmd_restore(args) -> int:
    from .config import default_data_dir
    from .services.backup import backups_dir, list_backups, restore

    data_dir = args.data_dir or default_data_dir()
    if args.file is None:
        for backup in list_backups(backups_dir(data_dir)):
            _out(f"{backup.taken:%Y-%m-%d %H:%M:%S}  {backup.size / 1024:10.0f} KB  {backup.path}")
        return EXIT_OK
    args.lock = _locked(args)  # nobody else may write while the file is replaced
    _open(args)
    safety = restore(data_dir, args.file)
    _out(f"Restored {args.file}; the database as it was is kept in {safety}.")
    return EXIT_OK


def _cmd_check(args) -> int:
    from .config import default_data_dir
    from .models.database import database_path
    from .services.checks import run_checks

    if not database_path(args.data_dir or default_data_dir()).exists():
        _err(f"No shop database in {args.data_dir or default_data_dir()}: nothing to check.")
        return EXIT_REFUSED
    data_dir = _open(args)
    findings = run_checks()
    if findings:
        _err(f"{len(findings)} problem(s) in {data_dir}:")
        for finding in findings:
            _err(f"  • {finding}")
        return EXIT_REFUSED
    _out(f"OK: {data_dir} is sound (integrity, foreign keys, stock ledger).")
    return EXIT_OK


def _system_language() -> str:
    from .config import preferred_language

    return preferred_language()


def _cmd_gui(args) -> int:
    from .app import run_gui

    return run_gui(data_dir=args.data_dir, demo=args.demo, language=args.lang, smoke=args.smoke)


COMMANDS = {
    None: _cmd_gui, "gui": _cmd_gui, "demo-data": _cmd_demo, "check": _cmd_check, "template": _cmd_template,
    "import-products": _cmd_import("products"), "import-sales": _cmd_import("sales"),
    "import-stock": _cmd_import("stock"), "export": _cmd_export, "backup": _cmd_backup, "restore": _cmd_restore,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)  # the log file (GUI) gets INFO; the console only what needs attention
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[console])
    if args.command not in (None, "gui"):
        from .translations import install_without_app

        install_without_app(args.lang or _system_language())
    try:
        return COMMANDS[args.command](args)
    except DomainError as exc:
        from .models.database import DatabaseRefused

        _err(str(exc))
        return EXIT_DATABASE if isinstance(exc, DatabaseRefused) else EXIT_REFUSED
    except OSError as exc:
        _err(f"{exc.strerror or exc}: {exc.filename or ''}".strip())
        return EXIT_REFUSED


def gui_main() -> int:
    return main(sys.argv[1:] or ["gui"])


if __name__ == "__main__":
    sys.exit(main())
