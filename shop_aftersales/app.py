"""Starting the GUI: the application, its translations and logging, the database, the main window."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from . import APP_NAME, __version__
from .config import default_data_dir, preferred_language, set_identity
from .errors import DomainError

log = logging.getLogger("shop_aftersales")


def _setup_logging(data_dir: Path) -> Path:
    log_dir = data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "shop-aftersales.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def demo_folder(data_dir: Path | None) -> Path:
    """Where --demo puts its shop: --data-dir if given (it must be empty or already a demo), else a new temp folder."""
    if data_dir is None:
        return Path(tempfile.mkdtemp(prefix="shop-aftersales-demo-"))
    return Path(data_dir)


def demo_notice(data_dir: Path, temporary: bool) -> str:
    """What --demo says in the terminal: where the demo shop's data are, and that they are not the shop's own."""
    if temporary:
        return QCoreApplication.translate(
            "App", "Demo shop in a new temporary folder: {path}\nIt is not your shop's data folder: what you do in the "
                   "demo stays there, and the system may delete the folder. Start without --demo to open your own "
                   "shop.").format(path=data_dir)
    return QCoreApplication.translate("App", "Demo shop in {path}").format(path=data_dir)


def create_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    set_identity()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    from PySide6.QtGui import QIcon

    from .config import resources_dir

    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "app.png")))
    from .translations import install

    install(preferred_language(language))
    # Qt appends the display name to every window title on Windows: in the UI language, not "— Shop Aftersales"
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "Shop Aftersales"))
    return app


def open_shop(data_dir: Path, demo: bool = False, temporary: bool = False):
    """Open the database (seeding the demo shop when asked and the folder is empty) and return the window.
    *temporary*: the folder is a new temporary one made for the demo (the status bar says so)."""
    from .models.database import open_database
    from .services.demo import has_data, seed_demo_shop
    from .ui.context import AppContext
    from .ui.errors import install_excepthook, set_log_file
    from .ui.main_window import MainWindow

    from .instance import acquire
    from .models.database import integrity_check_due
    from .services.backup import backed_up_today
    from .services.housekeeping import clean_leftovers

    lock = acquire(data_dir)  # one running app per data folder (an OS lock: it dies with the process)
    try:
        set_log_file(str(_setup_logging(data_dir)))
        install_excepthook()
        opened = open_database(data_dir)
        if opened.applied[:1] == ["0001_initial"]:  # a brand-new shop: its documents in the language chosen now
            from . import i18n
            from .services.settings import adopt_document_language

            adopt_document_language(i18n.ui_language())
    except BaseException:
        lock.unlock()
        raise
    log.info("Shop Aftersales %s, data %s, shop in %s (SQLite %s)", __version__, data_dir, opened.where,
             opened.sqlite_version)
    clean_leftovers(data_dir, Path(data_dir) / "attachments")  # what killed backups, exports and intakes left
    if demo and not has_data():
        seed_demo_shop()
    backup_due = has_data() and not backed_up_today(data_dir)  # at start (and at close), at most once a day
    context = AppContext(data_dir)
    context.instance_lock = lock
    context.demo_temporary = demo and temporary
    window = MainWindow(context)
    if backup_due:
        window.back_up_daily()  # on the writer thread: 7 s on five busy years, the window must not wait for it
    if opened.path is not None and integrity_check_due(opened.path):  # SQLite's own check, of the file
        from PySide6.QtCore import QTimer

        QTimer.singleShot(INTEGRITY_CHECK_DELAY_MS, window,
                          lambda: integrity_check_in_background(window, opened.path))
    return window


# The weekly integrity_check waits until the start is over (the first screens drawn, the daily backup begun).
INTEGRITY_CHECK_DELAY_MS = 5_000


class _IntegrityReport(QObject):
    finished = Signal(object)  # None: sound; str: what SQLite found; an exception: it could not run


def integrity_check_in_background(window, path: Path):
    """Run SQLite's integrity_check on *path* on a thread of its own (its own read-only connection), and say the
    result in *window*'s status bar and the log. Returns the thread."""
    import threading

    from .models.database import run_integrity_check

    report = _IntegrityReport(window)
    window.integrity_report = report  # kept alive until it reports

    def show(result: object) -> None:
        bar = window.statusBar()
        if result is None:
            log.info("Integrity check of %s: ok", path)
            bar.showMessage(QCoreApplication.translate("App", "Weekly integrity check: the database is sound."),
                            8000)
        elif isinstance(result, BaseException):
            log.warning("The integrity check of %s could not run: %s", path, result)
            bar.showMessage(QCoreApplication.translate(
                "App", "The weekly integrity check could not run ({reason}); it is tried again at the next start."
            ).format(reason=result))
        else:
            log.error("Integrity check of %s found damage: %s", path, result)
            bar.showMessage(QCoreApplication.translate(
                "App", "The weekly integrity check found damage in the database ({detail}). Restore the latest "
                       "backup (File → Restore a backup…) before entering more.").format(detail=result))
        window.integrity_result = result

    report.finished.connect(show)

    def work() -> None:
        try:
            result: object = run_integrity_check(path)
        except Exception as exc:  # noqa: BLE001 - reported in the status bar
            result = exc
        try:
            report.finished.emit(result)
        except RuntimeError:  # the window is gone
            pass

    thread = threading.Thread(target=work, name="integrity-check", daemon=True)
    thread.start()
    return thread


def _smoke_print(data_dir: Path) -> bool | None:
    """The newest return's slip, printed to a PDF in a temporary folder: the printing path (Qt's PDF writer,
    fonts, barcodes) works in this build. None when the shop has no return yet."""
    import tempfile

    from .models import ReturnOrder
    from .printing.slip import slip_pdf

    order = ReturnOrder.select(ReturnOrder.id).order_by(ReturnOrder.id.desc()).first()
    if order is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        path = slip_pdf(order.id, Path(folder) / "slip.pdf")
        return path.stat().st_size > 1000 and path.read_bytes().startswith(b"%PDF")


# a PostgreSQL shop that cannot be opened for one of these reasons is worth a retry, a password or a new address
ASK_AGAIN = ("unreachable", "password", "missing")


def open_shop_asking(data_dir: Path, demo: bool = False, temporary: bool = False, ask=None, ask_password=None,
                     edit_setting=None):
    """:func:`open_shop`, and when the shop's PostgreSQL database wants a password this PC does not remember, or
    cannot be reached: ask (*ask_password*), or say why and offer Try again / Settings → Database… / Quit (*ask*,
    *edit_setting*; the ui.database_dialog functions by default). Returns the window, or None when the person
    quit. A password typed with "remember" ticked goes to the credential store once the shop opened with it.
    Other refusals (and any refusal of the SQLite file) are raised as before."""
    from . import database_choice
    from .models.database import DatabaseRefused, database_password, use_database
    from .services import credentials
    from .ui import database_dialog

    ask = ask or database_dialog.ask_after_refusal
    ask_password = ask_password or database_dialog.ask_password
    edit_setting = edit_setting or (lambda folder: database_dialog.DatabaseDialog(folder).exec())
    remember = None  # (url, password) typed with "remember" ticked: kept once the shop has opened with it
    while True:
        try:
            window = open_shop(data_dir, demo=demo, temporary=temporary)
        except DatabaseRefused as refused:
            url = database_choice.current_url()
            if url is None or refused.kind not in ASK_AGAIN:
                raise
            log.warning("The shop's database %s could not be opened: %s", url, refused.kind)
            if refused.kind == "password":
                answer = ask_password(url, wrong=database_password() is not None)  # a password was tried
                if answer is not None:
                    password, keep = answer
                    use_database(url, password)
                    remember = (url, password) if keep else None
                    continue
            choice = ask(refused)
            if choice == database_dialog.SETTINGS:
                if edit_setting(data_dir):  # the new choice, for this start too (not a command line's --database)
                    database_choice.choose(data_dir, None, demo)
            elif choice != database_dialog.RETRY:
                return None
        else:
            if remember is not None and database_choice.current_url() == remember[0]:
                credentials.save(*remember)
            return window


def run_gui(data_dir: Path | None = None, demo: bool = False, language: str | None = None,
            smoke: bool = False, database: str | None = None) -> int:
    """*smoke*: open the window, let it draw, close it and exit 0 (checks a build without a person).
    *database*: the shop's PostgreSQL URL (--database); without it, this PC's choice (Settings → Database)."""
    app = create_application(language=language)
    temporary = demo and data_dir is None
    data_dir = demo_folder(data_dir) if demo else (data_dir or default_data_dir())
    if demo:
        print(demo_notice(data_dir, temporary), flush=True)
    try:
        from . import database_choice

        database_choice.choose(data_dir, database, demo)
        if smoke:
            window = open_shop(data_dir, demo=demo, temporary=temporary)
        else:
            window = open_shop_asking(data_dir, demo=demo, temporary=temporary)
            if window is None:
                return 3
    except DomainError as exc:
        from .models.database import DatabaseRefused

        code = 3 if isinstance(exc, DatabaseRefused) else 1
        if smoke:  # nobody is there to close a message box: say it and exit
            print(exc.message(), file=sys.stderr, flush=True)
            return code
        QMessageBox.critical(None, QCoreApplication.translate("Errors", "Cannot open the shop"), exc.message())
        return code
    window.show()
    window.warm_up_later()
    if smoke:
        from PySide6.QtCore import QTimer

        def done() -> None:
            # every tab shown once, the Reports tab with its chart (pyqtgraph and numpy must be in the build)
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
                app.processEvents()
            from .ui.charts import warm_up

            warm_up()
            window.tabs.setCurrentWidget(window.reports_tab)
            window.reports_tab.refresh()
            app.processEvents()
            charted = window.reports_tab.over_time.chart is not None
            printed = _smoke_print(data_dir)
            ok = not window.grab().isNull() and window.tabs.count() > 0 and charted and printed is not False
            tabs = " | ".join(window.tabs.tabText(i) for i in range(window.tabs.count()))
            print(f"smoke: {window.windowTitle()} opened with {window.tabs.count()} tabs ({tabs})"
                  f"{', charts drawn' if charted else ', NO CHART'}"
                  f"{'' if printed is None else ', slip printed' if printed else ', SLIP NOT PRINTED'}", flush=True)
            window.close()
            app.exit(0 if ok else 1)

        QTimer.singleShot(500, done)
    code = app.exec()
    from .models.database import close_database

    close_database()  # a clean close: the next start can skip the full quick_check
    return code
