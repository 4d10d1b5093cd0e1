"""Loading the translations: ours (resources/translations/*.qm) and Qt's own for standard dialogs."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from . import i18n
from .config import translations_dir

log = logging.getLogger(__name__)

# Keep a reference to every translator: Qt does not own them and they must outlive the app.
_installed: list[QTranslator] = []
_standalone: QTranslator | None = None

SUPPORTED = ("en", "zh_CN")


def normalise(language: str) -> str:
    """'zh_CN', 'zh-Hans-CN', 'zh_SG', 'zh' -> 'zh_CN'; anything else -> 'en'."""
    lang = (language or "").replace("-", "_")
    return "zh_CN" if lang.lower().startswith("zh") else "en"


def _ours(language: str) -> QTranslator | None:
    if language == "en":
        return None
    translator = QTranslator()
    if translator.load(f"shop_aftersales_{language}", str(translations_dir())):
        return translator
    log.warning("No translation for %s in %s", language, translations_dir())
    return None


def install(language: str) -> str:
    """Install the translators for *language* into the running Q(Core)Application.

    Call before creating any widget. Returns the language actually used.
    """
    language = normalise(language)
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    ours = _ours(language)
    if ours is not None:
        _installed.append(ours)
        if language == "zh_CN":
            qt = QTranslator()
            # With PySide6-Essentials Qt's Chinese strings load as qtbase_zh_CN (qt_zh_CN fails).
            if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                _installed.append(qt)
    for t in _installed:
        app.installTranslator(t)
    QLocale.setDefault(QLocale(language if language != "en" else "en_US"))
    i18n.install(QCoreApplication.translate)
    return language


def install_without_app(language: str) -> str:
    """For the headless CLI: translate domain messages without creating an application."""
    global _standalone
    language = normalise(language)
    _standalone = _ours(language)
    if _standalone is not None:
        translator = _standalone
        i18n.install(lambda context, text: translator.translate(context, text) or text)
    return language
