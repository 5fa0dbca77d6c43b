"""Test PKI, PDFs and a real SoftHSM2 token for the signing and package tests.

Its fixtures are imported once by ``tests/conftest.py`` for every test that
asks for them; ``make_pdf`` is imported where a test needs it directly. Everything is generated per test session in
temporary folders: a CA, a signer, certificates that are expired, not yet
valid or not allowed to sign, a time-stamping authority, and a SoftHSM2 token
holding the signer's key (skipped with a reason when SoftHSM2 is missing).
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from desktop.demo import pki as demo_pki
from desktop.signing.certs import to_asn1

PASSWORD = "mật-khẩu-thử 123"
TOKEN_LABEL = "Token Thi Dua"
TOKEN_PIN = "246810"
SO_PIN = "13579135"
KEY_LABEL = "ky-so-don-vi"
SOFTHSM_MODULES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
)


@dataclass(frozen=True)
class Pki:
    """Paths and key material of the session's test PKI."""

    folder: Path
    ca: demo_pki.Issued
    signer: demo_pki.Issued
    other_signer: demo_pki.Issued
    tsa: demo_pki.Issued
    ca_pem: Path
    signer_p12: Path
    other_p12: Path
    expired_p12: Path
    future_p12: Path
    no_usage_p12: Path
    password: str = PASSWORD


def _p12(folder: Path, name: str, leaf: demo_pki.Issued, ca: demo_pki.Issued) -> Path:
    path = folder / f"{name}.p12"
    demo_pki.write_p12(path, leaf, [ca.cert], PASSWORD, name)
    return path


@pytest.fixture(scope="session")
def pki(tmp_path_factory) -> Pki:
    folder = tmp_path_factory.mktemp("pki")
    now = datetime.now(timezone.utc)
    ca = demo_pki.make_ca()
    signer = demo_pki.issue_certificate(ca, "Nguyễn Thị Văn Thư", "UBND xã An Bình (THỬ NGHIỆM)")
    other = demo_pki.issue_certificate(ca, "Trần Văn Khác", "Đơn vị khác (THỬ NGHIỆM)")
    expired = demo_pki.issue_certificate(
        ca, "Chứng thư hết hạn", not_before=now - timedelta(days=800), not_after=now - timedelta(days=70)
    )
    future = demo_pki.issue_certificate(
        ca, "Chứng thư chưa hiệu lực", not_before=now + timedelta(days=30), not_after=now + timedelta(days=400)
    )
    no_usage = demo_pki.issue_certificate(ca, "Chỉ để mã hóa", key_usage=("key_encipherment",))
    tsa = demo_pki.issue_certificate(ca, "TSA THỬ NGHIỆM", key_usage=("digital_signature",), time_stamping=True)
    ca_pem = folder / "ca.pem"
    demo_pki.write_pem(ca_pem, [ca.cert])
    return Pki(
        folder=folder,
        ca=ca,
        signer=signer,
        other_signer=other,
        tsa=tsa,
        ca_pem=ca_pem,
        signer_p12=_p12(folder, "signer", signer, ca),
        other_p12=_p12(folder, "other", other, ca),
        expired_p12=_p12(folder, "expired", expired, ca),
        future_p12=_p12(folder, "future", future, ca),
        no_usage_p12=_p12(folder, "no-usage", no_usage, ca),
    )


@pytest.fixture
def identity(pki):
    """The signer loaded from its PKCS#12 file."""
    from desktop.signing.keys import load_p12

    with load_p12(pki.signer_p12, PASSWORD) as loaded:
        yield loaded


@pytest.fixture
def timestamper(pki):
    """An in-process RFC 3161 time-stamping authority (no network)."""
    from asn1crypto import keys as asn1_keys
    from pyhanko.sign.timestamps import DummyTimeStamper

    der = pki.tsa.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return DummyTimeStamper(
        tsa_cert=to_asn1(pki.tsa.cert),
        tsa_key=asn1_keys.PrivateKeyInfo.load(der),
        certs_to_embed=[to_asn1(pki.ca.cert)],
    )


def make_pdf(pages: int = 2, text: str = "Bao cao tong ket") -> bytes:
    """A small PDF made with reportlab: ASCII text in a core font, Vietnamese in the app's Liberation Serif."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = "Helvetica"
    if not text.isascii():
        from desktop.resources import resource

        font = "TestSerif"
        if font not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(font, str(resource("fonts", "LiberationSerif-Regular.ttf"))))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    for n in range(pages):
        c.setFont(font, 12)
        c.drawString(72, 770, f"{text} - trang {n + 1}")
        c.showPage()
    c.save()
    return buffer.getvalue()


@pytest.fixture
def pdf_maker():
    """:func:`make_pdf`, for tests that need several different PDFs."""
    return make_pdf


@pytest.fixture
def pdf_file(tmp_path) -> Path:
    path = tmp_path / "to-trinh.pdf"
    path.write_bytes(make_pdf())
    return path


def _softhsm_module() -> str | None:
    explicit = os.environ.get("SOFTHSM2_MODULE")
    if explicit:
        return explicit if Path(explicit).exists() else None
    return next((m for m in SOFTHSM_MODULES if Path(m).exists()), None)


@dataclass(frozen=True)
class SoftHsm:
    module: str
    token: str
    pin: str
    key_label: str


@pytest.fixture(scope="session")
def softhsm(pki, tmp_path_factory) -> SoftHsm:
    """A SoftHSM2 token initialised for this session, holding the signer's key and certificates.

    SoftHSM reads SOFTHSM2_CONF when the module is initialised, and
    python-pkcs11 keeps one initialised module per process, so the token is
    made once per session and the module re-initialised to see it.
    """
    util = shutil.which("softhsm2-util")
    module = _softhsm_module()
    if util is None or module is None:
        pytest.skip("SoftHSM2 không có trên máy (cài gói Debian 'softhsm2' để chạy kiểm thử thiết bị ký)")
    import pkcs11

    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    previous = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    try:
        subprocess.run(
            [util, "--init-token", "--free", "--label", TOKEN_LABEL, "--pin", TOKEN_PIN, "--so-pin", SO_PIN],
            check=True, capture_output=True,
        )
        key_pem = folder / "key.pem"
        key_pem.write_bytes(pki.signer.key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ))
        subprocess.run(
            [util, "--import", str(key_pem), "--token", TOKEN_LABEL, "--label", KEY_LABEL, "--id", "01",
             "--pin", TOKEN_PIN],
            check=True, capture_output=True,
        )
        key_pem.unlink()
        lib = pkcs11.lib(module)
        lib.reinitialize()
        token = lib.get_token(token_label=TOKEN_LABEL)
        attr, cls = pkcs11.Attribute, pkcs11.ObjectClass
        with token.open(rw=True, user_pin=TOKEN_PIN) as session:
            for label, cert_id, cert in ((KEY_LABEL, b"\x01", pki.signer.cert), ("CA", b"\x02", pki.ca.cert)):
                session.create_object({
                    attr.CLASS: cls.CERTIFICATE,
                    attr.CERTIFICATE_TYPE: pkcs11.CertificateType.X_509,
                    attr.TOKEN: True,
                    attr.LABEL: label,
                    attr.ID: cert_id,
                    attr.SUBJECT: cert.subject.public_bytes(),
                    attr.VALUE: cert.public_bytes(serialization.Encoding.DER),
                })
        yield SoftHsm(module=module, token=TOKEN_LABEL, pin=TOKEN_PIN, key_label=KEY_LABEL)
    finally:
        if previous is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = previous
