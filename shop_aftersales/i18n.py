"""Translation for the Qt-free layers.

Services and models must not import Qt, yet their error messages reach the shop assistant
in her language. So they mark English source strings with :func:`QT_TRANSLATE_NOOP`
(pyside6-lupdate collects them into the same .ts file as the widgets' ``tr()`` strings)
and the message is translated when shown, through the function the app or CLI installs
with :func:`install` (normally ``QCoreApplication.translate``).
"""

from __future__ import annotations

from typing import Callable

_translate: Callable[[str, str], str] = lambda context, text: text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate knows this name
    """Mark *text* for translation in *context*; returns it unchanged."""
    return text


def install(translate: Callable[[str, str], str]) -> None:
    """Install the function that turns (context, source text) into the user's language."""
    global _translate
    _translate = translate


def translate(context: str, text: str) -> str:
    return _translate(context, text)


def join_sentences(sentences: list[str]) -> str:
    """Sentences one after the other: with a space in English, without one in Chinese (the translation
    of the joining pattern decides)."""
    joined = ""
    for sentence in sentences:
        joined = sentence if not joined else translate("Domain", QT_TRANSLATE_NOOP(
            "Domain", "{first} {second}")).format(first=joined, second=sentence)
    return joined
