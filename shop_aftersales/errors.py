"""Domain errors: what a shop assistant is told when a business step is refused."""

from __future__ import annotations

from .i18n import translate

CONTEXT = "Domain"


class DomainError(Exception):
    """A business rule refused the step. Nothing was written.

    *message* is an English source string marked with ``QT_TRANSLATE_NOOP("Domain", ...)``;
    *params* fill its ``{placeholders}`` after translation.
    """

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.source = message
        self.params = params

    def message(self) -> str:
        return translate(CONTEXT, self.source).format(**self.params)

    def __str__(self) -> str:  # translated when shown
        return self.message()


class NotFound(DomainError):
    """The thing asked for does not exist."""


class Translated:
    """A phrase marked with ``QT_TRANSLATE_NOOP("Domain", ...)`` given as a parameter of a message: translated
    when the message is shown, in the language of the moment."""

    def __init__(self, source: str, **params: object) -> None:
        self.source = source
        self.params = params

    def __str__(self) -> str:
        return translate(CONTEXT, self.source).format(**self.params)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)
