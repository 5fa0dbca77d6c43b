"""Where the clerk's signing key is, and the one way the window and the command line open it.

A key is either a PKCS#12 file (``.p12``/``.pfx``, opened with its password) or a key
on a USB token behind the vendor's PKCS#11 driver (opened with the token's PIN). The
Gửi hồ sơ page and ``thidua package build``/``sign-pdf`` both describe the key as a
:class:`KeySource`, check it with :func:`check_key_source` before asking for the secret,
and open it with :func:`load_key`. The drivers offered for a token are
:func:`driver_choices`: the one the clerk used last, then those installed on this
machine (:mod:`desktop.signing.drivers`).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.errors import UserError

__all__ = ["KeySource", "check_key_source", "load_key", "driver_choices", "secret_prompt"]


@dataclass(frozen=True)
class KeySource:
    """Where the signing key is: a ``.p12`` file, or a key on a token behind a PKCS#11 driver."""

    kind: str                       # "p12" or "pkcs11"
    path: str                       # the .p12 file or the driver
    token: str | None = None        # the token's label (None: the only token present)
    key: str | None = None          # the key's "id …" or label (None: the only signing certificate)
    extra_certs: tuple[Any, ...] = ()  # intermediate certificates to send along (files or certificates)

    def __post_init__(self) -> None:
        if self.kind not in ("p12", "pkcs11"):
            raise ValueError(f"unknown key source {self.kind!r}")

    def load(self, secret: str | None):
        """The :class:`~desktop.signing.keys.SigningIdentity` (see :func:`load_key`)."""
        return load_key(self, secret)


def check_key_source(source: KeySource) -> None:
    """Refuse, before the clerk types a secret, a key file that is not there or a driver that does not load."""
    from desktop.signing import keys

    if source.kind == "p12":
        if not Path(source.path).is_file():
            raise UserError(f"Không tìm thấy tệp chữ ký số {source.path}.")
        return
    keys.list_tokens(source.path)


def secret_prompt(source: KeySource) -> str:
    """What the command line asks for: the file's password or the token's PIN."""
    if source.kind == "p12":
        return f"Mật khẩu của {Path(source.path).name}: "
    return "Mã PIN của thiết bị ký: "


def load_key(source: KeySource, secret: str | None):
    """Open the key: the file with its password, or the token with its PIN (``None``/empty: the reader's
    keypad). Call it on the thread that signs, since a token's session belongs to that thread."""
    from desktop.signing import keys

    if source.kind == "p12":
        return keys.load_p12(source.path, secret, extra_certs=source.extra_certs)
    return keys.load_pkcs11(source.path, secret or None, token=source.token, key=source.key,
                            extra_certs=source.extra_certs)


def driver_choices(remembered: Iterable[str] = (), installed: Iterable[str] | None = None) -> list[str]:
    """The PKCS#11 drivers to offer, each once: those used before first, then those installed here."""
    if installed is None:
        from desktop.signing.drivers import installed_drivers

        installed = installed_drivers()
    return list(dict.fromkeys(str(p) for p in [*remembered, *installed] if p))
