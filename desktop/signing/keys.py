"""Loading the clerk's signing key: a PKCS#12 file or a USB token (PKCS#11).

Vietnamese public units sign with a USB token from a licensed CA (VNPT-CA,
Viettel-CA, BKAV-CA, …) reached through the vendor's PKCS#11 driver, or,
less often, with a ``.p12``/``.pfx`` file. Both end up as a
:class:`SigningIdentity`: a pyHanko signer plus the certificate it signs with,
checked up front (validity, key usage) so that a bad certificate is reported
before any work is done.

The password or PIN is passed straight to the decoder or the token and never
kept, logged or put into a message. Every failure the clerk can act on is a
:class:`~desktop.errors.UserError` in Vietnamese; a wrong PIN says how many
tries may remain when the token reports it, because a locked token means a
trip to the CA's office.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from asn1crypto import x509
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers import SimpleSigner
from pyhanko.sign.signers.pdf_cms import Signer
from pyhanko_certvalidator.registry import SimpleCertificateStore

from desktop.errors import UserError
from desktop.files import read_file
from desktop.signing.certs import check_signing_certificate, display_name, has_signing_usage, load_certificates, organisation, to_asn1

__all__ = [
    "SigningIdentity",
    "TokenInfo",
    "KeyInfo",
    "load_p12",
    "load_pkcs11",
    "list_tokens",
    "list_keys",
    "signing_errors",
]


@dataclass
class SigningIdentity:
    """A signer ready to use, with the certificate it signs with.

    Close it (or use it as a context manager) to log out of the token; a
    PKCS#12 identity has nothing to close but accepts the same calls so that
    callers need not care where the key lives.
    """

    signer: Signer
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()
    source: str = ""
    _session: Any = field(default=None, repr=False)

    @property
    def name(self) -> str:
        """The holder's name from the certificate (shown in the signature appearance)."""
        return display_name(self.certificate)

    @property
    def organisation(self) -> str | None:
        """The organisation from the certificate, if it names one."""
        return organisation(self.certificate)

    def close(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            with contextlib.suppress(Exception):  # a removed token cannot be logged out of
                session.close()

    def __enter__(self) -> SigningIdentity:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


@dataclass(frozen=True)
class TokenInfo:
    """A token (USB key) seen through a PKCS#11 module, for a picker."""

    label: str
    serial: str
    manufacturer: str
    model: str
    slot_description: str
    pin_count_low: bool = False
    pin_final_try: bool = False
    pin_locked: bool = False
    protected_auth_path: bool = False

    @property
    def pin_status(self) -> str | None:
        """A Vietnamese warning about the PIN counter, or ``None`` when all is well."""
        if self.pin_locked:
            return "PIN đã bị khóa"
        if self.pin_final_try:
            return "chỉ còn một lần nhập PIN"
        if self.pin_count_low:
            return "đã nhập sai PIN, còn ít lần thử"
        return None


@dataclass(frozen=True)
class KeyInfo:
    """A private key on a token with the certificate that goes with it."""

    label: str
    key_id: str
    subject: str | None
    organisation: str | None
    issuer: str | None
    not_before: datetime | None
    not_after: datetime | None
    problem: str | None = None
    """Why this key cannot sign now (Vietnamese), or ``None`` when it can."""

    @property
    def can_sign(self) -> bool:
        return self.problem is None


# --------------------------------------------------------------------------- PKCS#12


def load_p12(
    path: str | Path,
    password: str | None,
    *,
    extra_certs: Iterable[Any] = (),
    at: datetime | None = None,
) -> SigningIdentity:
    """Load a signer from a PKCS#12 (``.p12``/``.pfx``) file.

    ``extra_certs`` adds intermediate certificates the file lacks (files or
    certificate objects). The certificate must be valid at ``at`` (default
    now) and allowed to sign.
    """
    from cryptography.hazmat.primitives.serialization import pkcs12

    path = Path(path)
    data = read_file(path, "tệp chữ ký số")
    secret = password.encode("utf-8") if password else None
    try:
        key, cert, others = pkcs12.load_key_and_certificates(data, secret)
    except ValueError as exc:
        # cryptography gives one error for both; the outer structure tells them apart.
        if not _looks_like_pfx(data):
            raise UserError(f"Tệp {path.name} không phải tệp chữ ký số PKCS#12 (.p12/.pfx).") from exc
        raise UserError(f"Mật khẩu của tệp chữ ký số {path.name} không đúng.") from exc
    except Exception as exc:  # unsupported algorithms inside the file
        raise UserError(f"Không mở được tệp chữ ký số {path.name}: định dạng không được hỗ trợ.") from exc
    if key is None or cert is None:
        raise UserError(f"Tệp {path.name} không chứa khóa bí mật kèm chứng thư số để ký.")

    certificate = to_asn1(cert)
    check_signing_certificate(certificate, at)
    chain = tuple(to_asn1(c) for c in others) + tuple(load_certificates(extra_certs))
    signer = SimpleSigner(
        signing_cert=certificate,
        signing_key=_private_key_info(key),
        cert_registry=SimpleCertificateStore.from_certs([certificate, *chain]),
    )
    return SigningIdentity(signer=signer, certificate=certificate, chain=chain, source=f"tệp {path.name}")


def _private_key_info(key: Any):
    """The key as PKCS#8 for pyHanko; it stays in memory only for as long as the identity lives."""
    from asn1crypto import keys as asn1_keys
    from cryptography.hazmat.primitives import serialization

    der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return asn1_keys.PrivateKeyInfo.load(der)


def _looks_like_pfx(data: bytes) -> bool:
    from asn1crypto import pkcs12 as asn1_pkcs12

    try:
        pfx = asn1_pkcs12.Pfx.load(data)
        pfx["auth_safe"]["content_type"].native
        return pfx["version"].native == "v3"
    except (ValueError, TypeError, KeyError):
        return False


# --------------------------------------------------------------------------- PKCS#11


def _pkcs11():
    try:
        import pkcs11
    except ImportError as exc:  # pragma: no cover - a broken installation
        raise UserError("Bản cài đặt thiếu thành phần PKCS#11 (python-pkcs11); hãy cài lại ứng dụng.") from exc
    return pkcs11


def _open_module(module: str | Path):
    """Load a PKCS#11 module; python-pkcs11 keeps one instance per path for the whole process."""
    pkcs11 = _pkcs11()
    path = str(module)
    if not Path(path).exists():
        raise UserError(
            f"Không tìm thấy thư viện PKCS#11 {path}. "
            "Hãy cài trình điều khiển (driver) của thiết bị ký và chọn đúng tệp .dll/.so của nó."
        )
    try:
        return pkcs11.lib(path)
    except pkcs11.PKCS11Error as exc:
        raise UserError(
            f"Không nạp được thư viện PKCS#11 {path}. Tệp này không phải trình điều khiển thiết bị ký "
            "hoặc không hợp với máy (32/64 bit)."
        ) from exc


def _present_tokens(lib) -> list[Any]:
    """Initialised tokens only: SoftHSM and some drivers list an empty slot too."""
    pkcs11 = _pkcs11()
    tokens = []
    try:
        slots = lib.get_slots()
    except pkcs11.PKCS11Error as exc:
        raise UserError("Thư viện PKCS#11 không liệt kê được các khe cắm thiết bị ký.") from exc
    for slot in slots:
        try:
            token = slot.get_token()
        except pkcs11.PKCS11Error:
            continue  # empty reader or unrecognised card
        if token.flags & pkcs11.TokenFlag.TOKEN_INITIALIZED:
            tokens.append(token)
    return tokens


def _token_info(token) -> TokenInfo:
    flags = _pkcs11().TokenFlag
    try:
        slot_description = token.slot.slot_description
    except Exception:
        slot_description = ""
    return TokenInfo(
        label=token.label,
        serial=token.serial.decode("ascii", "replace").strip() if isinstance(token.serial, bytes) else str(token.serial),
        manufacturer=token.manufacturer_id,
        model=token.model,
        slot_description=slot_description,
        pin_count_low=bool(token.flags & flags.USER_PIN_COUNT_LOW),
        pin_final_try=bool(token.flags & flags.USER_PIN_FINAL_TRY),
        pin_locked=bool(token.flags & flags.USER_PIN_LOCKED),
        protected_auth_path=bool(token.flags & flags.PROTECTED_AUTHENTICATION_PATH),
    )


def list_tokens(module: str | Path) -> list[TokenInfo]:
    """The tokens the module sees now, for the clerk to pick from."""
    return [_token_info(t) for t in _present_tokens(_open_module(module))]


def _select_token(lib, label: str | None):
    tokens = _present_tokens(lib)
    if not tokens:
        raise UserError("Không tìm thấy thiết bị ký (USB token) nào. Hãy cắm thiết bị ký vào máy rồi thử lại.")
    labels = ", ".join(f"“{t.label}”" for t in tokens)
    if label is None:
        if len(tokens) > 1:
            raise UserError(f"Đang có nhiều thiết bị ký ({labels}); hãy chọn một thiết bị.")
        return tokens[0]
    matches = [t for t in tokens if t.label.strip() == label.strip()]
    if not matches:
        raise UserError(f"Không tìm thấy thiết bị ký có nhãn “{label}”. Các thiết bị đang cắm: {labels}.")
    if len(matches) > 1:
        raise UserError(f"Có nhiều thiết bị ký cùng nhãn “{label}”; hãy chỉ cắm một thiết bị.")
    return matches[0]


def _locked_message(label: str) -> str:
    return (
        f"Mã PIN của thiết bị ký “{label}” đã bị khóa do nhập sai quá nhiều lần. "
        "Hãy liên hệ nhà cung cấp chữ ký số để mở khóa (dùng mã PUK/SO PIN)."
    )


def _login(lib, token, pin: str | None):
    """Open a session and log in, turning each PIN failure into advice for the clerk."""
    pkcs11 = _pkcs11()
    flags = pkcs11.TokenFlag
    label = token.label
    if token.flags & flags.USER_PIN_LOCKED:
        raise UserError(_locked_message(label))
    kwargs: dict[str, Any] = {}
    if token.flags & flags.LOGIN_REQUIRED:
        if pin:
            kwargs["user_pin"] = pin
        elif token.flags & flags.PROTECTED_AUTHENTICATION_PATH:
            kwargs["user_pin"] = pkcs11.PROTECTED_AUTH  # the PIN is typed on the reader's keypad
        else:
            raise UserError(f"Hãy nhập mã PIN của thiết bị ký “{label}”.")
    try:
        return token.open(**kwargs)
    except pkcs11.PinIncorrect as exc:
        raise UserError(_wrong_pin_message(lib, token)) from exc
    except pkcs11.PinLocked as exc:
        raise UserError(_locked_message(label)) from exc
    except (pkcs11.PinLenRange, pkcs11.PinInvalid) as exc:
        raise UserError("Mã PIN không hợp lệ (sai độ dài hoặc có ký tự không được phép).") from exc
    except pkcs11.PinExpired as exc:
        raise UserError(
            f"Mã PIN của thiết bị ký “{label}” đã hết hạn; hãy đổi PIN bằng phần mềm của nhà cung cấp."
        ) from exc
    except pkcs11.PKCS11Error as exc:
        raise UserError(
            f"Thiết bị ký “{label}” báo lỗi khi đăng nhập ({type(exc).__name__}). "
            "Hãy rút ra cắm lại thiết bị rồi thử lại."
        ) from exc


def _wrong_pin_message(lib, token) -> str:
    """Read the token's counters again: they change with the failed attempt."""
    flags = _pkcs11().TokenFlag
    current = token
    with contextlib.suppress(Exception):
        for candidate in _present_tokens(lib):
            if candidate.serial == token.serial and candidate.label == token.label:
                current = candidate
                break
    state = current.flags
    if state & flags.USER_PIN_LOCKED:
        return _locked_message(token.label)
    if state & flags.USER_PIN_FINAL_TRY:
        return (
            "Mã PIN không đúng. Chỉ còn MỘT lần thử: nếu nhập sai lần nữa, thiết bị ký sẽ bị khóa. "
            "Hãy kiểm tra kỹ mã PIN (chữ hoa/chữ thường, bộ gõ tiếng Việt)."
        )
    if state & flags.USER_PIN_COUNT_LOW:
        return (
            "Mã PIN không đúng. Thiết bị ký báo đã có lần nhập sai; số lần thử còn lại không nhiều "
            "trước khi thiết bị bị khóa."
        )
    return "Mã PIN không đúng. Hãy nhập lại."


@dataclass
class _KeyEntry:
    key: Any
    label: str
    key_id: bytes | None
    cert: x509.Certificate | None


def _attr(obj, name: str, default: Any = None) -> Any:
    pkcs11 = _pkcs11()
    try:
        return obj[getattr(pkcs11.Attribute, name)]
    except (pkcs11.PKCS11Error, KeyError, NotImplementedError):
        return default


def _key_entries(session) -> tuple[list[_KeyEntry], list[x509.Certificate]]:
    """Private signing keys paired with their certificates (by ID, else label), plus all certificates."""
    pkcs11 = _pkcs11()
    attr, cls = pkcs11.Attribute, pkcs11.ObjectClass
    certs: list[tuple[str, bytes | None, x509.Certificate]] = []
    for obj in session.get_objects({attr.CLASS: cls.CERTIFICATE}):
        value = _attr(obj, "VALUE")
        if not value:
            continue
        try:
            cert = x509.Certificate.load(bytes(value))
            cert.native
        except ValueError:
            continue  # not an X.509 certificate (attribute certificates, vendor data)
        certs.append((_attr(obj, "LABEL", "") or "", _attr(obj, "ID"), cert))
    entries = []
    for key in session.get_objects({attr.CLASS: cls.PRIVATE_KEY}):
        if _attr(key, "SIGN", True) is False:
            continue
        label = _attr(key, "LABEL", "") or ""
        key_id = _attr(key, "ID") or None
        match = None
        if key_id:
            match = next((c for lbl, cid, c in certs if cid == key_id), None)
        if match is None and label:
            match = next((c for lbl, cid, c in certs if lbl == label), None)
        entries.append(_KeyEntry(key=key, label=label, key_id=key_id, cert=match))
    return entries, [c for _, _, c in certs]


def _entry_name(entry: _KeyEntry) -> str:
    if entry.label:
        return entry.label
    return f"ID {entry.key_id.hex()}" if entry.key_id else "(không tên)"


def _entry_matches(entry: _KeyEntry, wanted: str) -> bool:
    wanted = wanted.strip()
    if entry.label.strip() == wanted:
        return True
    if entry.key_id and wanted.lower().removeprefix("id ").strip() == entry.key_id.hex():
        return True
    return entry.cert is not None and display_name(entry.cert) == wanted


def _certificate_problem(cert: x509.Certificate | None, at: datetime) -> str | None:
    if cert is None:
        return "không có chứng thư số đi kèm khóa này trên thiết bị"
    try:
        check_signing_certificate(cert, at)
    except UserError as exc:
        return str(exc)
    return None


def _choose_key(entries: list[_KeyEntry], wanted: str | None, token_label: str, at: datetime) -> _KeyEntry:
    if not entries:
        raise UserError(f"Thiết bị ký “{token_label}” không có khóa bí mật nào dùng để ký.")
    names = ", ".join(f"“{_entry_name(e)}”" for e in entries)
    if wanted is not None:
        found = [e for e in entries if _entry_matches(e, wanted)]
        if not found:
            raise UserError(
                f"Không tìm thấy khóa ký “{wanted}” trên thiết bị ký “{token_label}”. Các khóa có trên thiết bị: {names}."
            )
        if len(found) > 1:
            raise UserError(f"Có nhiều khóa ký cùng tên “{wanted}” trên thiết bị ký “{token_label}”; hãy chọn theo ID.")
        return found[0]
    signing = [e for e in entries if e.cert is not None and has_signing_usage(e.cert)]
    if len(signing) > 1:  # an old expired certificate often stays beside the renewed one
        valid = [e for e in signing if _certificate_problem(e.cert, at) is None]
        signing = valid or signing
    if len(signing) == 1:
        return signing[0]
    if len(signing) > 1:
        listed = ", ".join(f"“{_entry_name(e)}”" for e in signing)
        raise UserError(f"Thiết bị ký “{token_label}” có nhiều chứng thư số dùng để ký ({listed}); hãy chọn một khóa.")
    if len(entries) == 1:
        return entries[0]  # its certificate problem is reported by the caller's check
    raise UserError(
        f"Không có chứng thư số nào trên thiết bị ký “{token_label}” được cấp cho mục đích ký số. Các khóa: {names}."
    )


def _open_session(module: str | Path, token: str | None, pin: str | None):
    """The token chosen (see :func:`_select_token`) and a session logged in to it."""
    lib = _open_module(module)
    tok = _select_token(lib, token)
    return tok, _login(lib, tok, pin)


def _read_key_entries(session, tok):
    try:
        return _key_entries(session)
    except _pkcs11().PKCS11Error as exc:
        raise UserError(f"Không đọc được danh sách khóa trên thiết bị ký “{tok.label}”.") from exc


def list_keys(module: str | Path, token: str | None, pin: str | None, *, at: datetime | None = None) -> list[KeyInfo]:
    """The signing keys on a token, with their certificates and whether each can sign now."""
    at = at or datetime.now(timezone.utc)
    tok, session = _open_session(module, token, pin)
    try:
        entries, _ = _read_key_entries(session, tok)
    finally:
        with contextlib.suppress(Exception):
            session.close()
    result = []
    for e in entries:
        cert = e.cert
        result.append(KeyInfo(
            label=_entry_name(e),
            key_id=e.key_id.hex() if e.key_id else "",
            subject=display_name(cert) if cert else None,
            organisation=organisation(cert) if cert else None,
            issuer=(cert.issuer.native.get("common_name") or cert.issuer.human_friendly) if cert else None,
            not_before=cert.not_valid_before if cert else None,
            not_after=cert.not_valid_after if cert else None,
            problem=_certificate_problem(cert, at),
        ))
    return result


def load_pkcs11(
    module: str | Path,
    pin: str | None,
    *,
    token: str | None = None,
    key: str | None = None,
    extra_certs: Iterable[Any] = (),
    at: datetime | None = None,
) -> SigningIdentity:
    """Log in to a token and prepare to sign with one of its keys.

    ``token`` is the token label (optional when exactly one token is
    present); ``key`` is the key's label, its hex ID or its certificate's
    name (optional when exactly one certificate on the token may sign).
    ``pin=None`` uses the reader's keypad when the token has one. The
    session stays open until :meth:`SigningIdentity.close`.
    """
    from pyhanko.sign.pkcs11 import PKCS11Signer

    at = at or datetime.now(timezone.utc)
    tok, session = _open_session(module, token, pin)
    try:
        entries, token_certs = _read_key_entries(session, tok)
        entry = _choose_key(entries, key, tok.label, at)
        if entry.cert is None:
            raise UserError(
                f"Khóa “{_entry_name(entry)}” trên thiết bị ký “{tok.label}” không có chứng thư số đi kèm."
            )
        check_signing_certificate(entry.cert, at)
        chain = tuple(c for c in token_certs if c.dump() != entry.cert.dump())
        chain += tuple(load_certificates(extra_certs))
        signer = PKCS11Signer(
            session,
            signing_cert=entry.cert,
            ca_chain=chain,
            key_id=entry.key_id,
            key_label=entry.label or None,
            other_certs_to_pull=(),
        )
    except BaseException:
        with contextlib.suppress(Exception):
            session.close()
        raise
    return SigningIdentity(
        signer=signer,
        certificate=entry.cert,
        chain=chain,
        source=f"thiết bị ký “{tok.label}”",
        _session=session,
    )


@contextlib.contextmanager
def signing_errors(identity: SigningIdentity | None = None) -> Iterator[None]:
    """Turn failures of the signing step itself (token pulled out, key refused) into a UserError."""
    try:
        yield
    except UserError:
        raise
    except SigningError as exc:
        raise UserError(f"Không ký được: {exc}.") from exc
    except Exception as exc:
        try:
            import pkcs11
        except ImportError:  # pragma: no cover
            raise exc
        if isinstance(exc, pkcs11.PKCS11Error):
            where = identity.source if identity is not None else "thiết bị ký"
            raise UserError(
                f"Không ký được bằng {where} ({type(exc).__name__}). "
                "Hãy kiểm tra thiết bị ký còn cắm vào máy rồi thử lại."
            ) from exc
        raise
