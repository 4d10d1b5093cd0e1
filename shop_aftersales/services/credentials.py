"""The password of a shop kept in PostgreSQL, in this PC's credential store (Windows Credential Manager, the macOS
keychain, the Secret Service on Linux), through keyring: service "shop-aftersales", user name = the database's
URL (without its password). Never in the data folder, never in the PC's settings file.

A PC without a credential store (keyring finds no backend, or the store refuses) is not an error: nothing is
remembered, and the app asks for the password at each start. Tests give this module a store of their own
(:func:`use_backend`), so the real user's store is never touched.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

SERVICE = "shop-aftersales"

_backend = None  # a keyring backend given by use_backend(); None: keyring's own choice for this PC


def use_backend(backend) -> None:
    """From now on keep passwords in *backend* (a keyring.backend.KeyringBackend); None: the PC's own store."""
    global _backend
    _backend = backend


def _store():
    if _backend is not None:
        return _backend
    try:
        import keyring
    except ImportError:  # pragma: no cover - keyring is a dependency; a stripped build may lack it
        return None
    try:
        return keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring configuration is "no store"
        log.warning("The credential store could not be loaded", exc_info=True)
        return None


def available() -> bool:
    """This PC has a credential store the password can be kept in."""
    store = _store()
    if store is None:
        return False
    try:
        from keyring.backends import chainer, fail
    except ImportError:  # pragma: no cover
        return False
    if isinstance(store, fail.Keyring):
        return False
    if isinstance(store, chainer.ChainerBackend) and not store.backends:
        return False
    try:
        return float(store.priority) > 0  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - a backend that cannot say whether it works does not
        return False


def _key(url: str) -> str:
    """The address as the store knows it, however it was typed: without password, without the default port."""
    from urllib.parse import urlsplit, urlunsplit

    from ..models import postgres

    parts = urlsplit(postgres.parse(url).url)
    netloc = parts.netloc[:-len(":5432")] if parts.netloc.endswith(":5432") else parts.netloc
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


def load(url: str) -> str | None:
    """The password remembered for *url* on this PC, or None."""
    store = _store()
    if store is None or not available():
        return None
    try:
        return store.get_password(SERVICE, _key(url)) or None
    except Exception as exc:  # noqa: BLE001 - a locked or absent store: the password is asked instead
        log.warning("The credential store did not give the database password: %s", type(exc).__name__)
        return None


def save(url: str, password: str) -> bool:
    """Remember *password* for *url* in this PC's credential store. False when it could not be kept there."""
    store = _store()
    if store is None or not available():
        return False
    try:
        store.set_password(SERVICE, _key(url), password)
    except Exception as exc:  # noqa: BLE001 - said to the user by the caller
        log.warning("The credential store did not keep the database password: %s", type(exc).__name__)
        return False
    return True


def forget(url: str) -> None:
    """Remove what this PC remembers for *url* (nothing remembered is fine)."""
    store = _store()
    if store is None or not available():
        return
    try:
        store.delete_password(SERVICE, _key(url))
    except Exception:  # noqa: BLE001 - PasswordDeleteError: there was none
        pass
