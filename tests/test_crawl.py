"""The crawl: on the demo shop, every tab and sub-tab, every menu action, every enabled button on them and in the
dialogs they open (two levels deep) is pressed once. Modal questions are answered by the test (files into
tmp_path, every destructive confirmation declined), print previews are painted. Nothing may crash, no exception
may reach the event loop, no "unexpected error" may be shown, Qt may not warn about a deleted object, and the
shop stays sound.

New screens are found by walking the widget tree: nobody keeps a list of them."""

from __future__ import annotations

import itertools

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCalendarWidget, QDialog,
                               QDialogButtonBox, QFileDialog, QInputDialog, QMessageBox, QPushButton, QTabBar, QTableView, QTabWidget,
                               QToolButton,
                               QWidget)

from shop_aftersales import config
from shop_aftersales.config import SETTING_LANGUAGE
from shop_aftersales.services.checks import run_checks
from shop_aftersales.ui.main_window import MainWindow
from shop_aftersales.ui.print_ui import PreviewDialog
from shop_aftersales.ui.reports_tab import SETTING_END, SETTING_PRESET, SETTING_START

pytestmark = pytest.mark.gui

DEPTH = 2  # the main window's own buttons, the dialogs they open, and the dialogs those open


class Crawler:
    def __init__(self, qtbot, window: MainWindow) -> None:
        self.qtbot, self.window = qtbot, window
        self.pressed: list[str] = []
        self.done: set[tuple] = set()
        self.dialogs: list[str] = []
        self.previews = 0

    def settle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.window.context.ops.busy, timeout=20_000)
        for _ in range(3):
            QApplication.processEvents()

    @staticmethod
    def shown() -> set[int]:
        """The windows on screen, by their C++ address (a Python wrapper's id() may be reused)."""
        return {shiboken6.getCppPointer(w)[0] for w in QApplication.topLevelWidgets() if w.isVisible()}

    def visit(self, root: QWidget, depth: int) -> None:
        """The buttons on *root*, then every page of each tab widget on it in turn (and the tabs inside those)."""
        self.press_all(root, depth)
        for tabs in self.outer_tabs(root):
            for index in range(tabs.count() if shiboken6.isValid(tabs) else 0):
                if not (shiboken6.isValid(tabs) and shiboken6.isValid(root) and root.isVisible()):
                    return
                tabs.setCurrentIndex(index)
                self.settle()
                self.qtbot.wait(30)  # a page fills its list when first shown
                self.visit(tabs.widget(index), depth)

    @staticmethod
    def outer_tabs(root: QWidget) -> list[QTabWidget]:
        """The tab widgets on *root* that are not inside another tab widget on it."""
        if not shiboken6.isValid(root):
            return []
        found = []
        for tabs in root.findChildren(QTabWidget):
            parent = tabs.parentWidget()
            while parent is not None and parent is not root and not isinstance(parent, QTabWidget):
                parent = parent.parentWidget()
            if parent is root or parent is None:
                found.append(tabs)
        return found

    def key(self, button: QAbstractButton) -> tuple:
        """Once per button: on the main window, per page (the same "Open" on two lists is two buttons); in a
        dialog, per kind of dialog (an ID card opened from three lists is crawled once)."""
        window, parent = button.window(), button.parentWidget()
        if isinstance(window, MainWindow):
            return (id(parent), button.text(), button.toolTip())
        return (type(window).__name__, type(parent).__name__ if parent else "", button.text(), button.toolTip())

    @staticmethod
    def closes(button: QAbstractButton) -> bool:
        box = button.parentWidget()
        if isinstance(box, QDialogButtonBox) and box.buttonRole(button) == QDialogButtonBox.ButtonRole.RejectRole:
            return True
        return button.text().replace("&", "") in ("Close", "Cancel", "关闭", "取消")

    def candidates(self, root: QWidget) -> list[QAbstractButton]:
        found = []
        for button in root.findChildren(QAbstractButton):
            if not shiboken6.isValid(button) or not isinstance(button, (QPushButton, QToolButton)):
                continue
            if not (button.isVisible() and button.isEnabled()):
                continue
            parent = button.parentWidget()
            if isinstance(parent, (QTabBar, QCalendarWidget)) or isinstance(button.window(), PreviewDialog):
                continue  # Qt's own scroll arrows and calendar pages; a preview's own toolbar (a real printer)
            if self.key(button) not in self.done:
                found.append(button)
        return sorted(found, key=self.closes)  # what closes the dialog last

    def press_all(self, root: QWidget, depth: int) -> None:
        for _round in range(3):  # a press may bring new buttons (a count started: scan, post…)
            if not shiboken6.isValid(root) or not root.isVisible():
                return
            for view in root.findChildren(QAbstractItemView):  # a row chosen, for the buttons that act on one
                if shiboken6.isValid(view) and view.isVisible() and view.model() is not None \
                        and view.model().rowCount():
                    if isinstance(view, QTableView):
                        view.selectRow(0)
                    else:
                        view.setCurrentIndex(view.model().index(0, 0))
            found = self.candidates(root)
            pending = [b for b in found if not self.closes(b)] or found  # what closes it once nothing else is left
            if not pending:
                return
            for button in pending:
                if not (shiboken6.isValid(root) and root.isVisible()):
                    return
                if not (shiboken6.isValid(button) and button.isVisible() and button.isEnabled()):
                    continue
                if self.key(button) in self.done:
                    continue
                self.done.add(self.key(button))
                self.press(button, depth)

    def press(self, button: QAbstractButton, depth: int) -> None:
        before = self.shown()
        label = f"{type(button.window()).__name__}: {button.text() or button.toolTip()}"
        for view in button.window().findChildren(QTableView):  # a list refreshed since: choose its first row again
            if view.isVisible() and view.model() is not None and view.model().rowCount() \
                    and view.selectionModel() is not None and not view.selectionModel().selectedRows():
                view.selectRow(0)
        self.pressed.append(label)
        button.click()
        self.settle()
        self.opened(before, depth)

    def trigger(self, action, depth: int) -> None:
        before = self.shown()
        self.pressed.append(f"action: {action.text()}")
        action.trigger()
        self.settle()
        self.opened(before, depth)

    def opened(self, before: set[int], depth: int) -> None:
        for widget in [w for w in QApplication.topLevelWidgets()
                       if w.isVisible() and shiboken6.getCppPointer(w)[0] not in before]:
            if not shiboken6.isValid(widget):
                continue
            if isinstance(widget, MainWindow):
                continue
            if isinstance(widget, PreviewDialog):
                widget.grab()  # paint the pages
                self.previews += 1
                self.pressed.append("  → preview")
            elif isinstance(widget, QDialog):
                self.dialogs.append(type(widget).__name__)
                self.pressed.append(f"  → {type(widget).__name__}")
                if depth < DEPTH:
                    self.visit(widget, depth + 1)
            if shiboken6.isValid(widget) and widget.isVisible():
                if isinstance(widget, QDialog):
                    widget.reject()
                widget.close()
            self.settle()

    def menus(self) -> None:
        def walk(menu):
            for action in menu.actions():
                if action.isSeparator() or not action.isEnabled():
                    continue
                if action.menu() is not None:
                    walk(action.menu())
                elif action.text().replace("&", "") in ("Quit", "退出"):
                    continue  # closing the window is what the close tests do
                else:
                    self.trigger(action, 1)

        for top in self.window.menuBar().actions():
            if top.menu() is not None:
                walk(top.menu())


@pytest.fixture
def answered(monkeypatch, tmp_path):
    """Every modal question answered without a person: files into tmp_path, confirmations declined, messages
    acknowledged. What was said is kept, so an unexpected error fails the crawl."""
    said: list[tuple[str, str]] = []
    names = itertools.count()

    def save(*_args, **_kwargs):
        return str(tmp_path / f"saved-{next(names)}.xlsx"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([], ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")

    def told(kind):
        def answer(_parent, title, text, *args, **kwargs):
            said.append((kind, f"{title}: {text}"))
            return QMessageBox.StandardButton.Ok
        return answer

    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(told(kind)))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a, **k: said.append(("about", ""))))

    def declined(_parent, title, text, *args, **kwargs):
        said.append(("question", f"{title}: {text}"))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(declined))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("", False)))
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(lambda *a, **k: (0, False)))

    def modal(self):  # a dialog run modally is shown, answered "cancel", and left for the crawl to close
        said.append(("exec", type(self).__name__ + ": " + (getattr(self, "text", lambda: "")() or "")))
        return 0

    monkeypatch.setattr(QDialog, "exec", modal)
    monkeypatch.setattr(QMessageBox, "exec", modal)
    return said


def test_every_button_and_action_is_pressed(window, qtbot, answered, qtlog):
    language = config.settings().value(SETTING_LANGUAGE, "", str)
    crawler = Crawler(qtbot, window)
    try:
        crawler.menus()
        crawler.visit(window, 0)
    finally:  # what the crawl chose is not left for the next test
        config.settings().setValue(SETTING_LANGUAGE, language)
        for key in (SETTING_PRESET, SETTING_START, SETTING_END):
            config.settings().remove(key)
    assert window.isVisible()
    unexpected = [text for kind, text in answered if kind == "critical"]
    assert unexpected == [], unexpected
    deleted = [r.message for r in qtlog.records if "deleted" in r.message or "destroyed" in r.message]
    assert deleted == []
    # it really went round: every tab, the menus' dialogs, the previews
    assert len(crawler.pressed) > 150, crawler.pressed
    assert {"PolicyDialog", "StaffDialog", "AuditDialog", "StockCountDialog", "ItemCard", "InspectDialog",
            "ReturnOrderDialog", "RepairDialog", "ScrapDialog", "RefundDialog"} <= set(crawler.dialogs), crawler.dialogs
    assert crawler.previews >= 4
    assert run_checks() == []
    QCoreApplication.processEvents()
