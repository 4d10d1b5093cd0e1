"""The main window: tabs for each area of work, the search box, menus and the status bar."""

from __future__ import annotations

import html
import sqlite3
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, qVersion
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFrame, QLabel, QMainWindow, QMessageBox, QTabWidget, QToolBar,
                               QWidget)

from .. import __version__
from ..config import SETTING_LANGUAGE, SETTING_STAFF, settings
from ..database_choice import describe as describe_database
from ..models import ROLES, Staff
from ..services import Changes
from ..services import settings as shop_settings
from ..services.importing import write_template
from .context import AppContext
from .import_dialog import ImportDialog
from .intake_tab import IntakeTab
from .repairs_tab import RepairsTab
from .reports_tab import ReportsTab
from .resale_tab import ResaleTab
from .today_tab import TodayTab
from .paged_model import domain_tr
from .promise_dialog import PromisesDialog
from . import shortcuts
from .search import SearchBox
from .settings_dialogs import PolicyDialog, ResaleRulesDialog, ShopDialog
from .stock_tab import StockTab


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.resize(1280, 780)
        self._build_search()
        self._build_tabs()
        self._build_menus()
        self._build_status_bar()
        self._update_title()
        context.changed.connect(self._on_changed)
        geometry = settings().value("ui/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.search.setFocus()

    def warm_up_later(self, delay_ms: int = 3000) -> None:
        """Load what the first visit to a heavy tab needs (the chart library) once the window has been idle
        for *delay_ms*: nobody opens the Reports tab in the first seconds, and a 0.25 s pause is then unseen."""
        from PySide6.QtCore import QTimer

        from .charts import warm_up

        QTimer.singleShot(delay_ms, warm_up)

    # -- building ------------------------------------------------------------------
    def _build_search(self) -> None:
        bar = QToolBar(self.tr("Search"), self)
        bar.setObjectName("search-bar")
        bar.setMovable(False)
        self.shop_label = QLabel()
        self.shop_label.setStyleSheet("font-weight: bold; padding: 0 12px 0 4px;")
        bar.addWidget(self.shop_label)
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred)
        bar.addWidget(spacer)
        self.search = SearchBox(self)
        self.search.nothing_found.connect(
            lambda text: self.statusBar().showMessage(self.tr("Nothing found for “{text}”.").format(text=text), 6000))
        bar.addWidget(self.search)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _build_tabs(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.today_tab = TodayTab(self.context, self)
        self.intake_tab = IntakeTab(self.context, self)
        self.stock_tab = StockTab(self.context, self)
        self.repairs_tab = RepairsTab(self.context, self)
        self.resale_tab = ResaleTab(self.context, self)
        self.reports_tab = ReportsTab(self.context, self)
        self.tabs.addTab(self.today_tab, self.tr("Today"))
        self.tabs.addTab(self.intake_tab, self.tr("Intake"))
        self.tabs.addTab(self.stock_tab, self.tr("Stock"))
        self.tabs.addTab(self.repairs_tab, self.tr("Repairs"))
        self.tabs.addTab(self.resale_tab, self.tr("Resale"))
        self.tabs.addTab(self.reports_tab, self.tr("Reports"))
        self.tabs.setCurrentWidget(self.today_tab)  # each role starts the day from its queue
        self.setCentralWidget(self.tabs)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import from Excel…"), self)
        shortcuts.apply(shortcuts.IMPORT, self.import_action)
        self.import_action.triggered.connect(self.open_import)
        file_menu.addAction(self.import_action)
        templates = file_menu.addMenu(self.tr("Save import &template"))
        for kind, label in (("products", self.tr("Products…")), ("sales", self.tr("Sales…")),
                            ("opening", self.tr("Opening stock…"))):
            action = templates.addAction(label)
            action.triggered.connect(lambda _checked=False, k=kind: self.save_template(k))
        file_menu.addSeparator()
        self.backup_action = file_menu.addAction(self.tr("&Back up now"))
        self.backup_action.triggered.connect(self.back_up_now)
        restore_action = file_menu.addAction(self.tr("&Restore a backup…"))
        restore_action.triggered.connect(self.open_restore)
        audit_action = file_menu.addAction(self.tr("&Audit log…"))
        audit_action.triggered.connect(self.open_audit)
        file_menu.addSeparator()
        self.quit_action = quit_action = QAction(self.tr("&Quit"), self)
        shortcuts.apply(shortcuts.QUIT, quit_action)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        # the counter's keys, window-wide (the table in ui/shortcuts.py; Help → Keyboard shortcuts lists it)
        self.shortcut_actions = {
            shortcuts.SEARCH: shortcuts.action(shortcuts.SEARCH, self, self.focus_search),
            shortcuts.INTAKE: shortcuts.action(shortcuts.INTAKE, self, self.new_return),
            shortcuts.SAVE: shortcuts.action(shortcuts.SAVE, self, self.save_current),
            shortcuts.PRINT: shortcuts.action(shortcuts.PRINT, self, self.print_current),
            shortcuts.NEXT_TAB: shortcuts.action(shortcuts.NEXT_TAB, self, lambda: self.step_tab(1)),
            shortcuts.PREVIOUS_TAB: shortcuts.action(shortcuts.PREVIOUS_TAB, self, lambda: self.step_tab(-1)),
            shortcuts.IMPORT: self.import_action,
            shortcuts.QUIT: quit_action,
        }

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        shop_action = settings_menu.addAction(self.tr("&Shop settings…"))
        shop_action.triggered.connect(lambda: self._dialog(ShopDialog(self.context, self)))
        printers_action = settings_menu.addAction(self.tr("Pri&nters…"))
        printers_action.triggered.connect(self.open_printers)
        database_action = settings_menu.addAction(self.tr("&Database…"))
        database_action.triggered.connect(self.open_database_setting)
        changes_action = settings_menu.addAction(self.tr("&Changes to the settings…"))
        changes_action.triggered.connect(self.open_setting_changes)
        policy_action = settings_menu.addAction(self.tr("&Return policy…"))
        policy_action.triggered.connect(lambda: self._dialog(PolicyDialog(self.context, self)))
        self.policy_action = policy_action
        staff_action = settings_menu.addAction(self.tr("S&taff and PINs…"))
        staff_action.triggered.connect(self.open_staff)
        resale_action = settings_menu.addAction(self.tr("R&esale rules…"))
        resale_action.triggered.connect(lambda: self._dialog(ResaleRulesDialog(self.context, self)))
        promises_action = settings_menu.addAction(self.tr("&Promises and messages…"))
        promises_action.triggered.connect(lambda: self._dialog(PromisesDialog(self.context, self)))
        count_schedule_action = settings_menu.addAction(self.tr("Count sc&hedule…"))
        count_schedule_action.triggered.connect(lambda: self._dialog(self._count_schedule_dialog()))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = settings().value(SETTING_LANGUAGE, "", str)
        for code, label in (("", self.tr("Follow the system")), ("zh_CN", "简体中文"), ("en", "English")):
            action = language_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        keys_action = help_menu.addAction(self.tr("&Keyboard shortcuts…"))
        shortcuts.apply(shortcuts.SHORTCUTS, keys_action)
        keys_action.triggered.connect(self.open_shortcuts)
        self.shortcut_actions[shortcuts.SHORTCUTS] = keys_action
        about = help_menu.addAction(self.tr("&About Shop Aftersales"))
        about.triggered.connect(self.show_about)

    def _build_status_bar(self) -> None:
        """[messages …]  N waiting for you | Staff: [who ▾] | Data: folder. The count stands apart from the staff
        box (a separator and margins between them), so it never reads as part of the chosen name."""
        bar = self.statusBar()
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("waiting-count")
        self.waiting_label.setStyleSheet("font-weight: bold;")
        self.waiting_label.setContentsMargins(8, 0, 8, 0)
        bar.addPermanentWidget(self.waiting_label)
        bar.addPermanentWidget(self._separator())
        self.staff_label = QLabel(self.tr("Staff:"))
        self.staff_label.setContentsMargins(8, 0, 0, 0)
        bar.addPermanentWidget(self.staff_label)
        self.staff_combo = QComboBox()
        self.staff_combo.setMinimumWidth(150)
        self.staff_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.staff_combo.currentIndexChanged.connect(self._staff_chosen)
        bar.addPermanentWidget(self.staff_combo)
        bar.addPermanentWidget(self._separator())
        if self.context.demo_temporary:
            self.data_label = QLabel(self.tr("Demo shop, temporary folder: {path}").format(path=self.context.data_dir))
            self.data_label.setStyleSheet("color: #b26a00; font-weight: bold;")
        else:
            self.data_label = QLabel(self.tr("Data: {path}").format(path=self.context.data_dir))
        self.data_label.setToolTip(str(self.context.data_dir))
        self.data_label.setContentsMargins(8, 0, 4, 0)
        self.data_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addPermanentWidget(self.data_label)
        from ..models.database import in_postgres

        self.database_label = QLabel(self.tr("Shop database: {where}").format(where=describe_database()))
        self.database_label.setContentsMargins(8, 0, 4, 0)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.database_label.setVisible(in_postgres())  # an SQLite shop is the file in the data folder shown
        if in_postgres():
            bar.addPermanentWidget(self._separator())
            bar.addPermanentWidget(self.database_label)
        self._fill_staff()
        self.context.staff_changed.connect(lambda _s: self.update_waiting())
        self.update_waiting()

    def _separator(self) -> QFrame:
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        return line

    def update_waiting(self) -> None:
        """How many entries wait in the current staff member's queue (updated as work is done anywhere)."""
        staff = self.context.staff
        if staff is None:
            self.waiting_label.clear()
            return
        count = self.today_tab.counts.get(staff.role, 0)
        self.waiting_label.setText(self.tr("{count} waiting for you").format(count=count))

    def _fill_staff(self) -> None:
        saved = settings().value(SETTING_STAFF, 0, int)
        self.staff_combo.blockSignals(True)
        self.staff_combo.clear()
        for staff in Staff.select().where(Staff.active).order_by(Staff.id):
            self.staff_combo.addItem(self.tr("{name} ({role})").format(
                name=staff.name, role=domain_tr(ROLES.get(staff.role, staff.role))), staff.id)
        if self.staff_combo.count() == 0:
            self.staff_combo.addItem(self.tr("(no staff yet)"), None)
        index = self.staff_combo.findData(saved)
        self.staff_combo.setCurrentIndex(max(index, 0))
        self.staff_combo.blockSignals(False)
        self._staff_chosen()

    def _staff_chosen(self) -> None:
        staff_id = self.staff_combo.currentData()
        staff = Staff.get_or_none(Staff.id == staff_id) if staff_id else None
        current = self.context.staff
        already_signed_in = current is not None and current.id == staff_id
        if staff is not None and staff.pin_hash and not already_signed_in and not self._confirm_pin(staff):
            previous = self.context.staff
            self.staff_combo.blockSignals(True)
            self.staff_combo.setCurrentIndex(max(self.staff_combo.findData(previous.id if previous else None), 0))
            self.staff_combo.blockSignals(False)
            if previous is None and staff_id == self.staff_combo.currentData():
                self.context.set_staff(None)  # nobody is signed in until a PIN is given
            return
        self.context.set_staff(staff_id)
        if staff_id:
            settings().setValue(SETTING_STAFF, staff_id)

    def _confirm_pin(self, staff) -> bool:
        """Ask *staff*'s PIN; the check itself is services.staff.verify."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        from ..services.staff import verify

        pin, ok = QInputDialog.getText(self, self.tr("Sign in"), self.tr("PIN of {name}:").format(name=staff.name),
                                       QLineEdit.EchoMode.Password)
        if not ok:
            return False
        try:
            verify(staff, pin)
        except Exception as exc:  # a wrong PIN: say so, keep the previous operator
            from .errors import show_error

            show_error(self, exc)
            return False
        return True

    def _count_schedule_dialog(self):
        from .count_schedule_dialog import CountScheduleDialog

        return CountScheduleDialog(self.context, self)

    def _update_title(self) -> None:
        shop = shop_settings.get(shop_settings.SHOP_NAME)
        self.shop_label.setText(shop)
        name = self.tr("Shop Aftersales")
        self.setWindowTitle(f"{shop} — {name}" if shop else name)

    def _on_changed(self, changes: Changes) -> None:
        self.update_waiting()
        if changes.people:
            self._fill_staff()
        if changes.settings:
            self._update_title()
        for message in changes.messages:
            self.statusBar().showMessage(message, 8000)

    # -- actions -------------------------------------------------------------------
    def _dialog(self, dialog):
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def start_return(self, sale_id: int) -> None:
        """Open the intake form on this sale (a receipt scanned into the search box, or Register a return… on a
        receipt); the form puts the focus where the user goes on."""
        self.tabs.setCurrentWidget(self.intake_tab)
        self.intake_tab.pages.setCurrentWidget(self.intake_tab.form)
        self.intake_tab.form.load_sale(sale_id)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_return(self) -> None:
        """Ctrl+I: the intake form, its find box ready for the receipt's scan."""
        self.tabs.setCurrentWidget(self.intake_tab)
        self.intake_tab.focus_scan()

    def current_page(self) -> QWidget:
        """The page on screen: the sub-page of a work tab, or the tab itself."""
        tab = self.tabs.currentWidget()
        pages = getattr(tab, "pages", None)
        return pages.currentWidget() if isinstance(pages, QTabWidget) and pages.currentWidget() is not None else tab

    def save_current(self) -> None:
        """Ctrl+S: save what the page on screen is editing (the intake form: save and print)."""
        page = self.current_page()
        if page is self.intake_tab.form:
            self.intake_tab.form.save_from_keyboard()
        else:
            self.statusBar().showMessage(self.tr("Nothing to save on this page."), 6000)

    def print_current(self):
        """Ctrl+P: print what the page on screen shows, straight to the printer chosen for it."""
        page = self.current_page()
        if page is self.intake_tab.form:
            return self.intake_tab.form.save_from_keyboard()
        if page is self.intake_tab.orders:
            order_id = self.intake_tab.orders.selected_id()
            if order_id is not None:
                return self.intake_tab.print_order_slip(order_id)
            self.statusBar().showMessage(self.tr("Choose the return whose slip to print."), 6000)
            return None
        if self.tabs.currentWidget() is self.repairs_tab:
            return self.repairs_tab.print_progress()
        self.statusBar().showMessage(self.tr("Nothing to print on this page."), 6000)
        return None

    def step_tab(self, step: int) -> None:
        """Ctrl+Tab / Ctrl+PgDown (and back): the next or previous tab, round the end."""
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def open_shortcuts(self):
        return self._dialog(shortcuts.ShortcutsDialog(self))

    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def save_template(self, kind: str) -> None:
        from .import_dialog import template_file_name

        default = str(Path.home() / template_file_name(kind))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save import template"), default,
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            write_template(Path(path), kind, chinese=QLocale().language() == QLocale.Language.Chinese)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("The template could not be saved: {reason}").format(reason=exc.strerror or exc))
            return
        self.statusBar().showMessage(self.tr("Template saved to {path}").format(path=path), 8000)

    def set_language(self, code: str) -> None:
        settings().setValue(SETTING_LANGUAGE, code)
        QMessageBox.information(self, self.tr("Language"),
                                self.tr("The new language is used the next time Shop Aftersales starts."))

    def about_text(self) -> str:
        return self.tr(
            "<h3>Shop Aftersales {version}</h3>"
            "<p>Returns, exchanges, zones, repairs, resale, refunds and stock counts of one shop's "
            "after-sales goods (售后品).</p>"
            "<p>Data folder: {data}<br>SQLite {sqlite} · Qt {qt}</p>").format(
            version=__version__, data=self.context.data_dir, sqlite=sqlite3.sqlite_version, qt=qVersion()) + self.tr(
            "<p>Shop database: {where}</p>").format(where=html.escape(describe_database()))

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Shop Aftersales"), self.about_text())

    def back_up_daily(self) -> None:
        """The day's first start backs the shop up on the writer thread. The window is usable at once; a step
        started meanwhile waits behind the backup on the same thread, so the backup is of the state before
        today's work. A failure is logged and said in the status bar (the backup at close tries again)."""
        from ..errors import DomainError
        from ..services.backup import back_up

        def failed(error: BaseException) -> None:
            import logging

            logging.getLogger(__name__).warning("Automatic backup failed: %s", error)
            reason = error.message() if isinstance(error, DomainError) else str(error)
            self.statusBar().showMessage(self.tr("The daily backup failed: {reason}").format(reason=reason))

        self.statusBar().showMessage(self.tr("Making the daily backup…"))
        self.context.ops.run(back_up, self.context.data_dir, "daily",
                             on_success=lambda path: self.statusBar().showMessage(
                                 self.tr("Backed up to {path}").format(path=path), 10_000),
                             on_failure=failed)

    def back_up_now(self) -> None:
        from ..services.backup import back_up

        self.context.ops.run(back_up, self.context.data_dir, "manual",
                             on_success=lambda path: self.statusBar().showMessage(
                                 self.tr("Backed up to {path}").format(path=path), 10_000))

    def open_staff(self):
        from .staff_dialog import StaffDialog

        return self._dialog(StaffDialog(self.context, self))

    def open_printers(self):
        from .printer_settings import PrinterSettingsDialog

        return self._dialog(PrinterSettingsDialog(self, self.context))

    def open_database_setting(self):
        from .database_dialog import DatabaseDialog

        return self._dialog(DatabaseDialog(self.context.data_dir, self))

    def open_setting_changes(self):
        from .settings_log_dialog import SettingChangesDialog

        return self._dialog(SettingChangesDialog(self.context, self))

    def open_audit(self):
        from .audit_dialog import AuditDialog

        return self._dialog(AuditDialog(self.context, self))

    def open_restore(self):
        from .backup_dialog import RestoreDialog

        dialog = self._dialog(RestoreDialog(self.context, self))
        dialog.accepted.connect(lambda: self.restore_backup(dialog.chosen))
        return dialog

    def restore_backup(self, path) -> "MainWindow | None":
        """Replace the database with the backup and reopen the shop in a fresh window; the status bar says truly
        whether it was restored (a refused or failed restore leaves the shop's database as it was)."""
        from ..models import db
        from ..models.database import close_database
        from ..services.backup import restore, restored_message

        if path is None:
            return None
        self.context.ops.shutdown()  # the writer thread's connection is closed first
        close_database()
        restored = None
        try:
            restored = restored_message(path, restore(self.context.data_dir, path))
        except Exception as exc:  # noqa: BLE001 - reported; the shop reopens on what is there
            from .errors import show_error

            show_error(self, exc)
        if db.is_closed():  # restore() reopens the shop's file in every case it can; this is the last resort
            from ..models.database import open_database

            open_database(self.context.data_dir)
        from .context import AppContext

        context = AppContext(self.context.data_dir)
        context.instance_lock, self.context.instance_lock = self.context.instance_lock, None
        window = MainWindow(context)
        window.show()
        self._skip_backup = True
        self.close()
        name = getattr(path, "name", path)
        window.statusBar().showMessage(
            restored if restored is not None
            else self.tr("{name} was not restored; the shop is as it was.").format(name=name), 10_000)
        self.replacement = window
        return window

    def closeEvent(self, event: QCloseEvent) -> None:
        settings().setValue("ui/geometry", self.saveGeometry())
        self.context.ops.shutdown()  # pending steps (the start's backup too) finish first: the backup below sees them
        if not getattr(self, "_skip_backup", False):
            from ..services.backup import back_up, backed_up_today

            try:
                if not backed_up_today(self.context.data_dir):
                    back_up(self.context.data_dir, "daily")  # at close, at most once a day
            except Exception:  # noqa: BLE001 - never keep the user from closing; the failure is logged
                import logging

                logging.getLogger(__name__).exception("Backup at close failed")
        super().closeEvent(event)
