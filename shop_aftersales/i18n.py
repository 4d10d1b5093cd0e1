"""Translation for the Qt-free layers, and the language texts are made in.

Services and models must not import Qt, yet their error messages reach the shop assistant
in her language. So they mark English source strings with :func:`QT_TRANSLATE_NOOP`
(pyside6-lupdate collects them into the same .ts file as the widgets' ``tr()`` strings)
and the message is translated when shown, through the function the app or CLI installs
with :func:`install` (normally ``QCoreApplication.translate``).

Two languages matter: the UI's (what the screens speak, chosen at start) and the shop's document language (what
its printouts and the texts that go on them speak: a shop setting, services.settings). Inside
``with language("zh_CN"):`` both :func:`translate` and Qt's ``QCoreApplication.translate`` answer in that
language (translations.py installs one translator that asks :func:`current_language`), and afterwards in the UI's
again; ``with in_document_language():`` is the same for the shop's document language. The choice is per thread
(a context variable), so the writer thread composing a message never changes what the screens show meanwhile.
"""

from __future__ import annotations

import contextlib
import contextvars
from typing import Callable, Iterator

SUPPORTED = ("en", "zh_CN")

_translate: Callable[[str, str], str] = lambda context, text: text
_ui_language = "en"
_current: contextvars.ContextVar[str | None] = contextvars.ContextVar("shop_aftersales_language", default=None)
# the shop's document language as stored (None: not set); given by services.settings, which reads the database
_document_language: Callable[[], str | None] = lambda: None


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate knows this name
    """Mark *text* for translation in *context*; returns it unchanged."""
    return text


def normalise(language: str | None) -> str:
    """'zh_CN', 'zh-Hans-CN', 'zh_SG', 'zh' -> 'zh_CN'; anything else -> 'en'."""
    lang = (language or "").replace("-", "_")
    return "zh_CN" if lang.lower().startswith("zh") else "en"


def install(translate: Callable[[str, str], str], ui_language: str | None = None) -> None:
    """Install the function that turns (context, source text) into the current language (:func:`current_language`)
    and, if given, say which language the UI speaks."""
    global _translate, _ui_language
    _translate = translate
    if ui_language is not None:
        _ui_language = normalise(ui_language)


def uninstall() -> None:
    """Back to no translation at all (English source texts, the UI language English)."""
    install(lambda context, text: text, "en")


def translate(context: str, text: str) -> str:
    return _translate(context, text)


def ui_language() -> str:
    """The language the screens speak ("zh_CN" or "en")."""
    return _ui_language


def current_language() -> str:
    """The language texts are made in right now on this thread: the one of the innermost :func:`language` block,
    else the UI's."""
    return _current.get() or _ui_language


@contextlib.contextmanager
def language(lang: str) -> Iterator[str]:
    """Inside the block, translations (ours and Qt's) answer in *lang*; afterwards in the language before."""
    token = _current.set(normalise(lang))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def provide_document_language(getter: Callable[[], str | None]) -> None:
    """Say where the shop's document language is read (services.settings does, at import)."""
    global _document_language
    _document_language = getter


def document_language() -> str:
    """The shop's document language: its setting, else the UI language of this process."""
    try:
        stored = _document_language()
    except Exception:  # noqa: BLE001 - no database open (e.g. a widget test): the UI's language
        stored = None
    return normalise(stored) if stored else _ui_language


@contextlib.contextmanager
def in_document_language() -> Iterator[str]:
    """``with in_document_language():`` (or ``@in_document_language()`` on a function): texts made inside are in
    the shop's document language, read when the block is entered."""
    with language(document_language()) as lang:
        yield lang


def join_sentences(sentences: list[str]) -> str:
    """Sentences one after the other: with a space in English, without one in Chinese (the translation
    of the joining pattern decides)."""
    joined = ""
    for sentence in sentences:
        joined = sentence if not joined else translate("Domain", QT_TRANSLATE_NOOP(
            "Domain", "{first} {second}")).format(first=joined, second=sentence)
    return joined
