"""A throw-away certificate authority for trying the app and for tests.

A clerk evaluating the app (or a test) needs a signing certificate without a
real USB token. Every name made here says plainly that it is for testing only
(``THỬ NGHIỆM - KHÔNG DÙNG THẬT``) so a package signed with it can never be
mistaken for a real submission: the Sở's verifier will not trust this CA.
"""
from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from desktop.errors import UserError, os_reason
from desktop.files import atomic_write, removed_on_failure

__all__ = [
    "DEMO_CA_NAME",
    "DEMO_SIGNER_NAME",
    "DEMO_ORGANISATION",
    "Issued",
    "DemoPki",
    "make_ca",
    "issue_certificate",
    "write_pem",
    "write_p12",
    "random_password",
    "create_demo_pki",
]

DEMO_CA_NAME = "CA THỬ NGHIỆM - KHÔNG DÙNG THẬT"
DEMO_SIGNER_NAME = "NGƯỜI KÝ THỬ NGHIỆM - KHÔNG DÙNG THẬT"
DEMO_ORGANISATION = "Đơn vị dùng thử Sổ thi đua (THỬ NGHIỆM)"

# Key usages by name, so callers (and tests) can ask for odd combinations.
_KEY_USAGE_FLAGS = (
    "digital_signature",
    "content_commitment",
    "key_encipherment",
    "data_encipherment",
    "key_agreement",
    "key_cert_sign",
    "crl_sign",
)


@dataclass(frozen=True)
class Issued:
    """A private key with its certificate."""

    key: rsa.RSAPrivateKey
    cert: x509.Certificate


@dataclass(frozen=True)
class DemoPki:
    """Where :func:`create_demo_pki` put its files (the password is also returned to print it)."""

    ca_pem: Path
    signer_p12: Path
    password_file: Path
    password: str


def _name(common_name: str, organisation: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])


def _key_usage(names: Sequence[str]) -> x509.KeyUsage:
    unknown = set(names) - set(_KEY_USAGE_FLAGS)
    if unknown:
        raise ValueError(f"unknown key usage: {sorted(unknown)}")
    flags = {flag: flag in names for flag in _KEY_USAGE_FLAGS}
    return x509.KeyUsage(**flags, encipher_only=False, decipher_only=False)


def _new_key() -> rsa.RSAPrivateKey:
    # RSA 2048 because every PKCS#11 token (and SoftHSM in the tests) signs with it.
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def make_ca(
    common_name: str = DEMO_CA_NAME,
    organisation: str = DEMO_ORGANISATION,
    *,
    not_before: datetime | None = None,
    days: int = 3650,
) -> Issued:
    """A self-signed root CA (basicConstraints CA, may sign certificates)."""
    key = _new_key()
    start = not_before or datetime.now(timezone.utc) - timedelta(days=1)
    name = _name(common_name, organisation)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(["key_cert_sign", "crl_sign"]), critical=True)
        .add_extension(ski, critical=False)
        .sign(key, hashes.SHA256())
    )
    return Issued(key, cert)


def issue_certificate(
    issuer: Issued,
    common_name: str,
    organisation: str = DEMO_ORGANISATION,
    *,
    key_usage: Sequence[str] | None = ("digital_signature", "content_commitment"),
    time_stamping: bool = False,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
) -> Issued:
    """An end-entity certificate signed by ``issuer``.

    ``content_commitment`` is what RFC 5280 now calls nonRepudiation.
    ``key_usage=None`` leaves the extension out; ``time_stamping`` makes a
    time-stamping authority certificate (for tests of B-T signatures).
    The default validity is from a day ago (clock skew) for two years.
    """
    key = _new_key()
    start = not_before or datetime.now(timezone.utc) - timedelta(days=1)
    end = not_after or start + timedelta(days=730)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name, organisation))
        .issuer_name(issuer.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()), critical=False
        )
    )
    if key_usage is not None:
        builder = builder.add_extension(_key_usage(key_usage), critical=True)
    if time_stamping:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
        )
    return Issued(key, builder.sign(issuer.key, hashes.SHA256()))


def random_password(length: int = 16) -> str:
    """A password easy to type: letters and digits without look-alikes (0/O, 1/l/I)."""
    alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(length))


def _write_private(path: Path, data: bytes) -> None:
    """Write a secret file readable by its owner only (where the OS supports modes)."""
    with atomic_write(path, private=True) as tmp:
        tmp.write_bytes(data)


def write_pem(path: Path, certs: Sequence[x509.Certificate]) -> None:
    """Write certificates as a PEM bundle."""
    with atomic_write(path) as tmp:
        tmp.write_bytes(b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs))


def write_p12(
    path: Path, leaf: Issued, chain: Sequence[x509.Certificate], password: str, friendly_name: str
) -> None:
    """Write key, certificate and chain as a password-protected PKCS#12 file."""
    data = pkcs12.serialize_key_and_certificates(
        friendly_name.encode("utf-8"),
        leaf.key,
        leaf.cert,
        list(chain),
        serialization.BestAvailableEncryption(password.encode("utf-8")),
    )
    _write_private(path, data)


def create_demo_pki(outdir: Path, *, overwrite: bool = False) -> DemoPki:
    """Create ``ca.pem``, ``signer.p12`` and ``password.txt`` in ``outdir``.

    Existing files are kept unless ``overwrite``: replacing a signer.p12 that
    someone already uses would silently orphan their password.
    """
    outdir = Path(outdir)
    result = DemoPki(
        ca_pem=outdir / "ca.pem",
        signer_p12=outdir / "signer.p12",
        password_file=outdir / "password.txt",
        password=random_password(),
    )
    existing = [p.name for p in (result.ca_pem, result.signer_p12, result.password_file) if p.exists()]
    if existing and not overwrite:
        raise UserError(
            f"Thư mục {outdir} đã có {', '.join(existing)}. "
            "Hãy chọn thư mục khác hoặc dùng --force để ghi đè."
        )
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Không tạo được thư mục {outdir}: {os_reason(exc)}.") from exc
    ca = make_ca()
    signer = issue_certificate(ca, DEMO_SIGNER_NAME)
    written: list[Path] = []
    # All three or none: a signer.p12 without its password is of no use.
    with removed_on_failure(written, outdir, f"tệp vào {outdir}"):
        write_pem(result.ca_pem, [ca.cert])
        written.append(result.ca_pem)
        write_p12(result.signer_p12, signer, [ca.cert], result.password, DEMO_SIGNER_NAME)
        written.append(result.signer_p12)
        _write_private(result.password_file, (result.password + "\n").encode("ascii"))
    return result
