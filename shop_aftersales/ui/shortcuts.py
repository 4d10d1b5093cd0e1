"""Every keyboard shortcut of the app, in one table: the main window makes its actions from it and
Help → Keyboard shortcuts… lists it, so the two cannot disagree.

An entry is either *installed* here (the main window or a dialog makes a QAction or QShortcut of it with
:func:`apply` / :func:`shortcut`), or only listed: a key the widget itself handles (Enter for a dialog's default
button, Enter and Ctrl+O in a list, the digits of a numbered choice list).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ..i18n import QT_TRANSLATE_NOOP

CONTEXT = "Shortcuts"

# the names of the entries
SEARCH, INTAKE, SAVE, DEFAULT_BUTTON, PICK, PRINT = "search", "intake", "save", "default_button", "pick", "print"
NEXT_TAB, PREVIOUS_TAB, OPEN_CARD, CLOSE, SHORTCUTS, IMPORT, QUIT = (
    "next_tab", "previous_tab", "open_card", "close", "shortcuts", "import", "quit")


@dataclass(frozen=True)
class Shortcut:
    name: str
    keys: tuple[str, ...]  # QKeySequence's portable text, e.g. "Ctrl+PgDown"
    description: str       # English source (context "Shortcuts"), translated when shown
    installed: bool = True  # False: the widget handles the key itself; the entry is only listed
    shown: str = ""         # what the list shows instead of the keys (a range of keys)


TABLE: tuple[Shortcut, ...] = (
    Shortcut(SEARCH, ("Ctrl+F",), QT_TRANSLATE_NOOP(
        "Shortcuts", "Go to the search box: scan or type a receipt no., phone, serial or SKU, then Enter")),
    Shortcut(INTAKE, ("Ctrl+I",), QT_TRANSLATE_NOOP(
        "Shortcuts", "New return: the intake form, ready for the receipt's scan")),
    Shortcut(PICK, ("1", "9"), QT_TRANSLATE_NOOP(
        "Shortcuts", "In a numbered choice list (reason, what the customer asks for): choose that entry; Tab goes "
                     "to the next field"), installed=False, shown="1 … 9"),
    Shortcut(SAVE, ("Ctrl+S",), QT_TRANSLATE_NOOP(
        "Shortcuts", "Save: on the intake form, save the return and print its slip and labels")),
    Shortcut(DEFAULT_BUTTON, ("Return",), QT_TRANSLATE_NOOP(
        "Shortcuts", "The default button: Save and print on the intake form, Register a return… on a receipt, "
                     "Print slip on a return"), installed=False),
    Shortcut(PRINT, ("Ctrl+P",), QT_TRANSLATE_NOOP(
        "Shortcuts", "Print straight to the printer chosen under Settings → Printers: a return's slip, the repair "
                     "progress table")),
    Shortcut(NEXT_TAB, ("Ctrl+Tab", "Ctrl+PgDown"), QT_TRANSLATE_NOOP("Shortcuts", "Next tab")),
    Shortcut(PREVIOUS_TAB, ("Ctrl+Shift+Tab", "Ctrl+PgUp"), QT_TRANSLATE_NOOP("Shortcuts", "Previous tab")),
    Shortcut(OPEN_CARD, ("Return", "Ctrl+O"), QT_TRANSLATE_NOOP(
        "Shortcuts", "In a list: open the ID card (or the record) of the selected row"), installed=False),
    Shortcut(CLOSE, ("Esc",), QT_TRANSLATE_NOOP("Shortcuts", "Close the dialog without doing anything"),
             installed=False),
    Shortcut(SHORTCUTS, ("F1",), QT_TRANSLATE_NOOP("Shortcuts", "This list of keyboard shortcuts")),
    Shortcut(IMPORT, ("Ctrl+Shift+I",), QT_TRANSLATE_NOOP("Shortcuts", "Import from Excel…")),
    Shortcut(QUIT, ("Ctrl+Q",), QT_TRANSLATE_NOOP("Shortcuts", "Quit")),
)
BY_NAME = {entry.name: entry for entry in TABLE}


def sequences(name: str) -> list[QKeySequence]:
    return [QKeySequence(keys) for keys in BY_NAME[name].keys]


def description(entry: Shortcut) -> str:
    return QCoreApplication.translate(CONTEXT, entry.description)


def keys_text(entry: Shortcut) -> str:
    """The keys as this PC shows them (Qt's own names for them, in the UI language)."""
    if entry.shown:
        return entry.shown
    return "  /  ".join(QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) for keys in entry.keys)


def apply(name: str, action: QAction) -> QAction:
    """Give *action* the keys of the entry *name* (and its description as tooltip when it has none)."""
    action.setShortcuts(sequences(name))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    return action


def action(name: str, parent: QWidget, slot: Callable[[], object], text: str = "") -> QAction:
    """A window-wide action for the entry *name*, added to *parent* so its keys work anywhere in that window."""
    made = QAction(text or description(BY_NAME[name]), parent)
    apply(name, made)
    made.triggered.connect(lambda _checked=False: slot())
    parent.addAction(made)
    return made


def shortcut(name: str, parent: QWidget, slot: Callable[[], object],
             context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> list[QShortcut]:
    """QShortcuts for the entry *name* on *parent* (a dialog's own keys: the main window's do not reach it)."""
    made = []
    for sequence in sequences(name):
        item = QShortcut(sequence, parent)
        item.setContext(context)
        item.activated.connect(slot)
        made.append(item)
    return made


class ShortcutsDialog(QDialog):
    """Help → Keyboard shortcuts…: the table above, as a table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(760, 480)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The keys work anywhere in the main window unless the description says where."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(TABLE), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a list to read: Esc or Enter closes it
        self.table.setWordWrap(True)
        for row, entry in enumerate(TABLE):
            keys = QTableWidgetItem(keys_text(entry))
            keys.setData(Qt.ItemDataRole.UserRole, entry.name)
            self.table.setItem(row, 0, keys)
            self.table.setItem(row, 1, QTableWidgetItem(description(entry)))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.table.resizeRowsToContents()  # the wrapped descriptions at the width they now have

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def names(self) -> list[str]:
        return [self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(self.table.rowCount())]
