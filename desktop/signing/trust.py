"""The trust store: root and intermediate CA certificates the clerk chose to trust.

Verifying a signature means following the signer's certificate up to a root
the reader trusts. The app ships no certificate: the clerk imports the ones
their Sở uses (the national root of the Ministry's CA system, the Ban Cơ yếu
Chính phủ root, a commercial CA's root and intermediates) from the files the
CA publishes: PEM, DER (``.cer``/``.crt``) or a PKCS#7 bundle (``.p7b``).

The certificates live in the database (table ``trusted_certificate``), so they
travel with backups and with the data file to another computer. Self-signed
certificates are trusted as roots; intermediates only help to build a path to
a root (trusting an intermediate alone does not make its signers trusted).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asn1crypto import cms, pem, x509

from desktop.errors import UserError
from desktop.signing.certs import display_name, format_vn_date

__all__ = ["TrustedCertificate", "read_certificates", "add", "add_file", "remove", "list_all", "certificates"]

MAX_FILE_BYTES = 4 << 20


@dataclass(frozen=True)
class TrustedCertificate:
    id: int
    sha256: str
    subject: str
    issuer: str
    is_root: bool
    not_before: str
    not_after: str
    source: str
    added_at: str

    @property
    def kind(self) -> str:
        return "CA gốc" if self.is_root else "CA trung gian"


def _load(der: bytes) -> x509.Certificate:
    cert = x509.Certificate.load(der)
    cert.native  # parse fully now, not in the middle of a verification
    return cert


def _from_pkcs7(der: bytes) -> list[x509.Certificate]:
    info = cms.ContentInfo.load(der)
    if info["content_type"].native != "signed_data":
        raise ValueError("not a PKCS#7 certificate bundle")
    return [_load(c.chosen.dump()) for c in info["content"]["certificates"] if c.name == "certificate"]


def read_certificates(data: bytes, name: str = "tệp") -> list[x509.Certificate]:
    """The certificates in a PEM, DER or PKCS#7 (.p7b) file's bytes; UserError when there is none."""
    found: list[x509.Certificate] = []
    try:
        if pem.detect(data):
            for kind, _, der in pem.unarmor(data, multiple=True):
                if kind in ("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"):
                    found.append(_load(der))
                elif kind in ("PKCS7", "CMS"):
                    found.extend(_from_pkcs7(der))
        else:
            try:
                found = [_load(data)]
            except (ValueError, TypeError):
                found = _from_pkcs7(data)
    except (ValueError, TypeError, KeyError) as exc:
        raise UserError(f"{name} không phải chứng thư số hợp lệ (PEM, DER/.cer/.crt hoặc .p7b).") from exc
    if not found:
        raise UserError(f"{name} không chứa chứng thư số nào.")
    return found


def _row(r: dict[str, Any]) -> TrustedCertificate:
    return TrustedCertificate(
        id=r["id"], sha256=r["sha256"], subject=r["subject"], issuer=r["issuer"], is_root=bool(r["is_root"]),
        not_before=r["not_before"], not_after=r["not_after"], source=r["source"], added_at=r["added_at"],
    )


def _is_ca(cert: x509.Certificate) -> bool:
    constraints = cert.basic_constraints_value
    if constraints is None:  # an old (v1) root has no extensions at all
        return cert.self_signed != "no"
    return bool(constraints["ca"].native)


def add(store, certs: list[x509.Certificate], source: str = "") -> tuple[list[TrustedCertificate], list[str]]:
    """Store ``certs`` in one transaction: (those added, names of those already there).

    A certificate that is not a CA's (a signer's own certificate) is refused:
    trusting it would vouch for nobody but itself and hides a missing root.
    """
    for cert in certs:
        if not _is_ca(cert):
            raise UserError(
                f"Chứng thư số “{display_name(cert)}” là của người ký, không phải của tổ chức chứng thực (CA); "
                "hãy nhập chứng thư số gốc hoặc trung gian của CA đã cấp nó."
            )
    added_ids, already = [], []
    with store.transaction() as conn:
        for cert in certs:
            digest = hashlib.sha256(cert.dump()).hexdigest().upper()
            if conn.execute("SELECT 1 FROM trusted_certificate WHERE sha256 = ?", (digest,)).fetchone():
                already.append(display_name(cert))
                continue
            cur = conn.execute(
                "INSERT INTO trusted_certificate(sha256, subject, issuer, is_root, not_before, not_after, source, der) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (digest, display_name(cert), _issuer_name(cert), int(cert.self_signed != "no"),
                 cert.not_valid_before.isoformat(), cert.not_valid_after.isoformat(), source, cert.dump()),
            )
            added_ids.append(cur.lastrowid)
    added = [t for t in list_all(store) if t.id in added_ids]
    return added, already


def add_file(store, path: str | Path) -> tuple[list[TrustedCertificate], list[str]]:
    """Import the certificates in the file at ``path`` (see :func:`add`)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UserError(f"Tệp {path.name} quá lớn để là tệp chứng thư số.")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UserError(f"Không tìm thấy tệp {path}.") from exc
    except OSError as exc:
        raise UserError(f"Không đọc được tệp {path}: {exc.strerror or exc}.") from exc
    return add(store, read_certificates(data, f"Tệp {path.name}"), path.name)


def _issuer_name(cert: x509.Certificate) -> str:
    native = cert.issuer.native
    value = native.get("common_name")
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return str(value or cert.issuer.human_friendly)


def list_all(store) -> list[TrustedCertificate]:
    """Every trusted certificate, roots first, then by name."""
    return [_row(r) for r in store.query(
        "SELECT id, sha256, subject, issuer, is_root, not_before, not_after, source, added_at "
        "FROM trusted_certificate ORDER BY is_root DESC, subject COLLATE NOCASE, id")]


def find(store, key: str | int) -> TrustedCertificate:
    """A certificate by its number, or by the start of its SHA-256 fingerprint (at least 8 hex digits)."""
    text = str(key).strip()
    if text.isdigit() and len(text) < 8:
        rows = [t for t in list_all(store) if t.id == int(text)]
    elif len(text) >= 8:
        rows = [t for t in list_all(store) if t.sha256.startswith(text.upper().replace(":", ""))]
    else:
        rows = []
    if not rows:
        raise UserError(f"Không có chứng thư số tin cậy nào mang số hoặc dấu vân tay “{text}”.")
    if len(rows) > 1:
        raise UserError(f"Dấu vân tay “{text}” khớp nhiều chứng thư số; hãy gõ dài hơn.")
    return rows[0]


def remove(store, cert_id: int) -> TrustedCertificate:
    """Stop trusting the certificate numbered ``cert_id``; returns what was removed."""
    found = [t for t in list_all(store) if t.id == cert_id]
    if not found:
        raise UserError(f"Không có chứng thư số tin cậy số {cert_id}.")
    store.delete("trusted_certificate", cert_id)
    return found[0]


def certificates(store) -> list[x509.Certificate]:
    """The stored certificates as objects, for verification."""
    return [x509.Certificate.load(bytes(r["der"])) for r in store.query(
        "SELECT der FROM trusted_certificate ORDER BY is_root DESC, id")]


def describe(t: TrustedCertificate) -> str:
    """One line for lists and messages."""
    from datetime import datetime

    until = format_vn_date(datetime.fromisoformat(t.not_after))
    issuer = "" if t.is_root else f", do “{t.issuer}” cấp"
    return f"{t.kind} “{t.subject}”{issuer}, hiệu lực đến {until}, vân tay {t.sha256[:16]}…"
