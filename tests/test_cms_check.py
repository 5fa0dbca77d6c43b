"""The package signature's quick check (desktop.package.cms_check) accepts only what pyHanko accepts.

Each case is judged twice: by :func:`accept_detached` and by pyHanko's full
validator, which the quick check stands in for. A good signature is accepted
by both; every damaged one is declined by the quick check and rejected by
pyHanko, and the package report (which then comes from pyHanko) is the same,
word for word, as with the quick check switched off.
"""
from __future__ import annotations

import asyncio
import subprocess
import sys
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from asn1crypto import cms, x509

from desktop.package import asice, cms_check
from desktop.package.asice import build_package
from desktop.package.cms_check import AcceptedSignature, accept_detached, signing_time
from desktop.package.verify import verify_package
from desktop.signing import keys
from desktop.signing.certs import to_asn1

USAGES = {"digital_signature", "non_repudiation"}
FILES = [("Tờ trình.txt", "Đề nghị khen thưởng".encode())]


def _context(anchor: x509.Certificate, moment: datetime):
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(trust_roots=[anchor], allow_fetching=False, revocation_mode="soft-fail", moment=moment)


def _pyhanko_accepts(content: bytes, signed_data: cms.SignedData, anchor, moment: datetime) -> bool:
    from pyhanko.sign.validation import async_validate_detached_cms
    from pyhanko.sign.validation.settings import KeyUsageConstraints

    try:
        status = asyncio.run(async_validate_detached_cms(
            content, signed_data, signer_validation_context=_context(anchor, moment),
            key_usage_settings=KeyUsageConstraints(key_usage=set(USAGES), match_all_key_usages=False),
        ))
    except Exception:  # noqa: BLE001 - a refusal by exception is a refusal
        return False
    return status.intact and status.valid and status.trusted and not status.revoked


def _declined_by_both(content: bytes, signed_data: cms.SignedData, anchor, moment: datetime | None = None) -> None:
    """The quick check declines and pyHanko's validator rejects (judged at the signing time unless told)."""
    moment = moment or signing_time(signed_data["signer_infos"][0])
    assert accept_detached(content, signed_data, _context(anchor, moment), USAGES) is None
    assert not _pyhanko_accepts(content, signed_data, anchor, moment)


def _parts(package: Path) -> tuple[bytes, cms.SignedData]:
    with zipfile.ZipFile(package) as archive:
        manifest = archive.read("META-INF/ASiCManifest.xml")
        signature = archive.read("META-INF/signature001.p7s")
    return manifest, cms.ContentInfo.load(signature)["content"]


def _build(folder: Path, identity, name: str = "goi.asice", **kwargs) -> Path:
    return build_package(folder / name, FILES, identity, **kwargs).path


def _build_with_signature(folder: Path, identity, change, monkeypatch, name: str = "doi.asice") -> Path:
    """A package whose signature file is ``change(signature bytes)``, in the exact layout otherwise."""
    sign = asice._sign_manifest
    monkeypatch.setattr(asice, "_sign_manifest", lambda *args: change(sign(*args)))
    try:
        return _build(folder, identity, name)
    finally:
        monkeypatch.setattr(asice, "_sign_manifest", sign)


def _lines(report) -> list[tuple[str, bool, str]]:
    return [(c.code, c.ok, c.message) for c in report.checks]


def _same_report_without_quick_check(package: Path, anchors, monkeypatch) -> list[tuple[str, bool, str]]:
    quick = _lines(verify_package(package, anchors))
    monkeypatch.setattr(cms_check, "accept_detached", lambda *args: None)
    full = _lines(verify_package(package, anchors))
    monkeypatch.undo()
    assert quick == full
    return quick


def _change_signing_time(der: bytes) -> bytes:
    """Change the last digit of the signed signing-time: the DER stays well formed, the signature breaks."""
    info = cms.ContentInfo.load(der)
    attrs = info["content"]["signer_infos"][0]["signed_attrs"]
    encoded = next(a for a in attrs if a["type"].native == "signing_time")["values"][0].dump()
    assert der.count(encoded) == 1
    digit = encoded[-2] - ord("0")
    changed = encoded[:-2] + bytes([ord("0") + (digit + 1) % 10]) + encoded[-1:]
    return der.replace(encoded, changed)


def test_a_good_signature_is_accepted_by_both(pki, identity, tmp_path, monkeypatch):
    package = _build(tmp_path, identity)
    manifest, signed_data = _parts(package)
    ca = to_asn1(pki.ca.cert)
    moment = signing_time(signed_data["signer_infos"][0])
    accepted = accept_detached(manifest, signed_data, _context(ca, moment), USAGES)
    assert isinstance(accepted, AcceptedSignature)
    assert accepted.signing_cert.dump() == to_asn1(pki.signer.cert).dump()
    assert accepted.validation_path.pkix_len == 1
    assert _pyhanko_accepts(manifest, signed_data, ca, moment)
    lines = _same_report_without_quick_check(package, [pki.ca_pem], monkeypatch)
    assert all(ok for _, ok, _ in lines)


def test_a_changed_content_byte_is_declined(pki, identity, tmp_path):
    manifest, signed_data = _parts(_build(tmp_path, identity))
    changed = bytearray(manifest)
    changed[len(changed) // 2] ^= 0x01
    _declined_by_both(bytes(changed), signed_data, to_asn1(pki.ca.cert))


def test_a_changed_signed_attribute_is_declined_and_reported_as_before(pki, identity, tmp_path, monkeypatch):
    package = _build_with_signature(tmp_path, identity, _change_signing_time, monkeypatch)
    _declined_by_both(*_parts(package), to_asn1(pki.ca.cert))
    lines = _same_report_without_quick_check(package, [pki.ca_pem], monkeypatch)
    assert ("signature.cms", False, "Chữ ký số không khớp với bảng kê: bảng kê hoặc chữ ký đã bị thay đổi.") in lines


def test_a_wrong_signer_certificate_is_declined_and_reported_as_before(pki, identity, tmp_path, monkeypatch):
    other = to_asn1(pki.other_signer.cert)

    def claim_other_signer(der: bytes) -> bytes:
        info = cms.ContentInfo.load(der)
        signed_data = info["content"]
        signed_data["certificates"] = [to_asn1(pki.ca.cert), other]
        signed_data["signer_infos"][0]["sid"] = cms.SignerIdentifier(
            name="issuer_and_serial_number",
            value={"issuer": other.issuer, "serial_number": other.serial_number},
        )
        return info.dump(force=True)

    package = _build_with_signature(tmp_path, identity, claim_other_signer, monkeypatch)
    _declined_by_both(*_parts(package), to_asn1(pki.ca.cert))
    lines = _same_report_without_quick_check(package, [pki.ca_pem], monkeypatch)
    assert [code for code, ok, _ in lines if not ok] == ["signature.cms"]


def test_an_untrusted_chain_is_declined_and_reported_as_before(pki, identity, tmp_path, monkeypatch):
    from desktop.demo import pki as demo_pki

    package = _build(tmp_path, identity)
    other_ca = demo_pki.make_ca("CA khác")
    _declined_by_both(*_parts(package), to_asn1(other_ca.cert))
    other_pem = tmp_path / "other-ca.pem"
    demo_pki.write_pem(other_pem, [other_ca.cert])
    lines = _same_report_without_quick_check(package, [other_pem], monkeypatch)
    assert [code for code, ok, _ in lines if not ok] == ["signature.chain"]


def test_an_expired_certificate_is_declined_and_reported_as_before(pki, tmp_path, monkeypatch):
    now = datetime.now(timezone.utc)
    with keys.load_p12(pki.expired_p12, pki.password, at=now - timedelta(days=100)) as expired:
        package = _build(tmp_path, expired, signing_time=now - timedelta(days=100))
        manifest, signed_data = _parts(package)
        ca = to_asn1(pki.ca.cert)
        # Judged at the signing time the certificate was valid; judged today it has expired.
        assert accept_detached(manifest, signed_data, _context(ca, now - timedelta(days=100)), USAGES) is not None
        _declined_by_both(manifest, signed_data, ca, now)
        # A signing time after the expiry (the builder refuses one; a forger would not).
        monkeypatch.setattr(asice, "check_signing_certificate", lambda *args: None)
        late = _build(tmp_path, expired, "muon.asice", signing_time=now)
    monkeypatch.undo()
    lines = _same_report_without_quick_check(late, [pki.ca_pem], monkeypatch)
    assert [code for code, ok, _ in lines if not ok] == ["signature.time", "signature.chain"]


def test_a_certificate_without_signing_usage_is_declined(pki):
    from pyhanko.sign.signers import SimpleSigner

    signer = SimpleSigner.load_pkcs12(str(pki.no_usage_p12), passphrase=pki.password.encode())
    moment = datetime.now(timezone.utc).replace(microsecond=0)
    signature = asice._sign_manifest(signer, b"<manifest/>", moment, None)
    _declined_by_both(b"<manifest/>", cms.ContentInfo.load(signature)["content"], to_asn1(pki.ca.cert))


def test_a_second_certificate_with_the_signers_serial_is_declined(pki, identity, tmp_path):
    """pyHanko matches the issuer loosely and could take the other one: the quick check does not guess."""
    manifest, signed_data = _parts(_build(tmp_path, identity))
    twin = x509.Certificate.load(to_asn1(pki.other_signer.cert).dump())
    twin["tbs_certificate"]["serial_number"] = to_asn1(pki.signer.cert).serial_number
    carried = [*signed_data["certificates"]]
    # Put first, so that taking the last match would still find the real signer and accept.
    signed_data["certificates"] = [cms.CertificateChoices(name="certificate", value=twin), *carried]
    moment = signing_time(signed_data["signer_infos"][0])
    assert accept_detached(manifest, signed_data, _context(to_asn1(pki.ca.cert), moment), USAGES) is None
    signed_data["certificates"] = carried
    assert accept_detached(manifest, signed_data, _context(to_asn1(pki.ca.cert), moment), USAGES) is not None


def test_a_time_stamped_signature_is_left_to_pyhanko(pki, identity, tmp_path, timestamper, monkeypatch):
    package = _build(tmp_path, identity, timestamper=timestamper)
    manifest, signed_data = _parts(package)
    ca = to_asn1(pki.ca.cert)
    assert accept_detached(manifest, signed_data, _context(ca, datetime.now(timezone.utc)), USAGES) is None
    lines = _same_report_without_quick_check(package, [pki.ca_pem], monkeypatch)
    assert all(ok for _, ok, _ in lines)


def test_verifying_a_package_without_pdf_signatures_does_not_load_pyhanko_signers(pki, identity, tmp_path, pdf_file):
    package = build_package(tmp_path / "goi.asice", [*FILES, ("a.pdf", pdf_file)], identity).path
    code = (
        "import sys\n"
        "from desktop.package.verify import verify_package\n"
        f"report = verify_package({str(package)!r}, [{str(pki.ca_pem)!r}])\n"
        "assert report.ok, [c.message for c in report.checks if not c.ok]\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pyhanko.sign', 'aiohttp'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
