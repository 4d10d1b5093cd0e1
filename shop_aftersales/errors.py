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
