"""Loading the translations: ours (resources/translations/*.qm) and Qt's own for standard dialogs.

Every supported language's translators are loaded once; the application gets ONE translator, a router that answers
in :func:`i18n.current_language` (the UI language, or the language of an ``i18n.language(...)`` block, e.g. a
document printed in the shop's document language). Switching language for a document is then a Python variable,
without installing translators or sending LanguageChange to every widget.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from . import i18n
from .config import translations_dir

log = logging.getLogger(__name__)

SUPPORTED = i18n.SUPPORTED

# language -> its translators, most specific first (ours, then Qt's); loaded once, kept alive here (Qt does not
# own them and they must outlive the app)
_loaded: dict[str, list[QTranslator]] = {}
_router: "_Router | None" = None


def normalise(language: str) -> str:
    """'zh_CN', 'zh-Hans-CN', 'zh_SG', 'zh' -> 'zh_CN'; anything else -> 'en'."""
    return i18n.normalise(language)


def _ours(language: str) -> QTranslator | None:
    if language == "en":
        return None
    translator = QTranslator()
    if translator.load(f"shop_aftersales_{language}", str(translations_dir())):
        return translator
    log.warning("No translation for %s in %s", language, translations_dir())
    return None


def translators(language: str) -> list[QTranslator]:
    """The translators of *language* (none for English, the source language), loaded at the first call."""
    language = normalise(language)
    if language not in _loaded:
        found = []
        ours = _ours(language)
        if ours is not None:
            found.append(ours)
            if language == "zh_CN":
                qt = QTranslator()
                # With PySide6-Essentials Qt's Chinese strings load as qtbase_zh_CN (qt_zh_CN fails).
                if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                    found.append(qt)
        _loaded[language] = found
    return _loaded[language]


def lookup(context: str, source: str, disambiguation: str | None = None, n: int = -1,
           language: str | None = None) -> str:
    """*source* of *context* in *language* (default: the current language); the source itself when untranslated."""
    for translator in translators(language or i18n.current_language()):
        text = translator.translate(context, source, disambiguation, n)
        if text:
            return text
    return source


class _Router(QTranslator):
    """The one translator the application has: it answers in the current language (see the module's note)."""

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D102 - QTranslator's
        if source_text is None:
            return ""
        return lookup(context, source_text, disambiguation, n)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def _domain(context: str, text: str) -> str:
    return lookup(context, text)


def install(language: str) -> str:
    """Make *language* the UI language of the running Q(Core)Application (the router installed at the first call).

    Call before creating any widget. Returns the language actually used."""
    global _router
    language = normalise(language)
    app = QCoreApplication.instance()
    changed = language != i18n.ui_language()
    for lang in SUPPORTED:
        translators(lang)  # loaded now, not in the middle of a printout
    i18n.install(_domain, language)
    if _router is None:
        _router = _Router()
        app.installTranslator(_router)  # sends LanguageChange
    elif changed:
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    QLocale.setDefault(QLocale(language if language != "en" else "en_US"))
    return language


def uninstall() -> None:
    """Remove the router: no translation at all (tests go back to the state they started in)."""
    global _router
    app = QCoreApplication.instance()
    if _router is not None and app is not None:
        app.removeTranslator(_router)
    _router = None
    i18n.uninstall()
    QLocale.setDefault(QLocale("en_US"))


def install_without_app(language: str) -> str:
    """For the headless CLI: translate domain messages (in the current language) without an application."""
    language = normalise(language)
    for lang in SUPPORTED:
        translators(lang)
    i18n.install(_domain, language)
    return language
