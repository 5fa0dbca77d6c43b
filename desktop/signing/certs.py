"""Reading X.509 certificates: names, usage, validity, Vietnam time.

Signing and verification both need to answer the same questions about a
certificate ("whose is it?", "may it sign?", "is it valid at this moment?"),
and both must answer them in the same words, so the answers live here.
Certificates are handled as :class:`asn1crypto.x509.Certificate`, the type
pyHanko works with; the loaders accept PEM or DER files and objects from the
``cryptography`` package too.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from asn1crypto import pem, x509

from desktop.errors import UserError, os_reason

__all__ = [
    "VN_TZ",
    "SIGNING_KEY_USAGES",
    "to_asn1",
    "load_certificates",
    "display_name",
    "organisation",
    "has_signing_usage",
    "check_signing_certificate",
    "format_vn_time",
    "format_vn_date",
    "fingerprint",
]

# Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact.
VN_TZ = timezone(timedelta(hours=7), "+07:00")

# Key usages that permit signing documents (RFC 5280 names as asn1crypto spells them).
SIGNING_KEY_USAGES = frozenset({"digital_signature", "non_repudiation"})


def to_asn1(cert: Any) -> x509.Certificate:
    """Return ``cert`` as an asn1crypto certificate.

    Accepts asn1crypto and ``cryptography`` certificates and DER or PEM bytes,
    because callers get certificates from PKCS#12 files, tokens and PEM files.
    """
    if isinstance(cert, x509.Certificate):
        return cert
    if isinstance(cert, (bytes, bytearray)):
        data = bytes(cert)
        if pem.detect(data):
            _, _, data = pem.unarmor(data)
        return x509.Certificate.load(data)
    public_bytes = getattr(cert, "public_bytes", None)
    if public_bytes is not None:  # cryptography.x509.Certificate
        from cryptography.hazmat.primitives.serialization import Encoding

        return x509.Certificate.load(public_bytes(Encoding.DER))
    raise TypeError(f"not a certificate: {type(cert).__name__}")


def load_certificates(sources: Iterable[Any]) -> list[x509.Certificate]:
    """Load every certificate from files (PEM bundles or DER) or objects.

    A clear :class:`UserError` names the file that could not be read, since
    trust anchors are typed in by hand on the command line.
    """
    result: list[x509.Certificate] = []
    for source in sources:
        if isinstance(source, (str, Path)):
            path = Path(source)
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise UserError(f"Không đọc được tệp chứng thư số {path}: {os_reason(exc)}.") from exc
            try:
                if pem.detect(data):
                    found = [
                        x509.Certificate.load(der)
                        for kind, _, der in pem.unarmor(data, multiple=True)
                        if kind == "CERTIFICATE"
                    ]
                else:
                    found = [x509.Certificate.load(data)]
                for cert in found:
                    cert.native  # parse fully now, not later in the middle of a check
            except (ValueError, TypeError) as exc:
                raise UserError(f"Tệp {path} không phải chứng thư số hợp lệ (PEM hoặc DER).") from exc
            if not found:
                raise UserError(f"Tệp {path} không chứa chứng thư số nào.")
            result.extend(found)
        else:
            result.append(to_asn1(source))
    return result


def _name_part(cert: x509.Certificate, field: str) -> str | None:
    value = cert.subject.native.get(field)
    if isinstance(value, list):  # a name may repeat an attribute
        value = ", ".join(str(v) for v in value)
    return str(value).strip() if value else None


def display_name(cert: Any) -> str:
    """The certificate holder's name as a person would say it (CN, else the whole subject)."""
    cert = to_asn1(cert)
    return _name_part(cert, "common_name") or cert.subject.human_friendly


def organisation(cert: Any) -> str | None:
    """The organisation (O) named in the certificate, if any."""
    return _name_part(to_asn1(cert), "organization_name")


def has_signing_usage(cert: Any) -> bool:
    """True when the key usage allows signing documents.

    A certificate without a key-usage extension is unrestricted (RFC 5280
    §4.2.1.3), so it counts as usable; every Vietnamese CA sets the extension.
    """
    usage = to_asn1(cert).key_usage_value
    if usage is None:
        return True
    return bool(set(usage.native) & SIGNING_KEY_USAGES)


def format_vn_time(moment: datetime) -> str:
    """ISO 8601 with the Vietnam offset, as Nghị định 30/2020 asks: ``2026-11-22T09:15:00+07:00``."""
    if moment.tzinfo is None:
        raise ValueError("a signing time must carry its time zone")
    return moment.astimezone(VN_TZ).replace(microsecond=0).isoformat()


def format_vn_date(moment: datetime) -> str:
    """Day-first date and time in Vietnam time, for messages (``22/11/2026 09:15``)."""
    from desktop.formatting import date_time

    return date_time(moment)


def fingerprint(cert: Any) -> str:
    """SHA-256 of the certificate, upper-case hex, to tell two certificates apart in messages."""
    return to_asn1(cert).sha256.hex().upper()


def check_signing_certificate(cert: Any, at: datetime | None = None) -> None:
    """Refuse a certificate that cannot make a valid signature at ``at`` (default: now).

    Checked before asking the token to sign so the clerk learns what is wrong
    with the certificate itself, not a vague failure from the validator later.
    """
    cert = to_asn1(cert)
    at = at or datetime.now(timezone.utc)
    name = display_name(cert)
    not_before = cert.not_valid_before
    not_after = cert.not_valid_after
    if at > not_after:
        raise UserError(
            f"Chứng thư số của {name} đã hết hạn từ {format_vn_date(not_after)}. "
            "Hãy gia hạn hoặc xin cấp chứng thư số mới tại nhà cung cấp dịch vụ chứng thực."
        )
    if at < not_before:
        raise UserError(
            f"Chứng thư số của {name} chưa có hiệu lực (hiệu lực từ {format_vn_date(not_before)}). "
            "Hãy kiểm tra ngày giờ của máy tính."
        )
    if not has_signing_usage(cert):
        raise UserError(
            f"Chứng thư số của {name} không được cấp cho mục đích ký số "
            "(thiếu công dụng digitalSignature/nonRepudiation). Hãy chọn chứng thư số dùng để ký."
        )
