"""Where things are: the data folder, the resources, the language. Uses QtCore only (no widgets)."""

from __future__ import annotations

import sys
from pathlib import Path

from . import APP_NAME, ORG_NAME

SETTING_LANGUAGE = "ui/language"  # "" = follow the system, or a locale name such as "zh_CN" / "en"
SETTING_STAFF = "ui/staff_id"


def resources_dir() -> Path:
    """resources/ beside the package in a clone, or inside a PyInstaller build."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def set_identity() -> None:
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)


def default_data_dir() -> Path:
    """The per-user data folder (e.g. %APPDATA%\\ShopAftersales\\Shop Aftersales on Windows)."""
    from PySide6.QtCore import QStandardPaths

    set_identity()
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".shop-aftersales"


def settings():
    """The per-user preferences (window layout, language, last staff member)."""
    from PySide6.QtCore import QSettings

    set_identity()
    return QSettings()


def preferred_language(override: str | None = None) -> str:
    """The language to show: *override*, else the saved setting, else the system's."""
    from PySide6.QtCore import QLocale

    if override:
        return override
    saved = settings().value(SETTING_LANGUAGE, "", str)
    return saved or QLocale.system().name()
