"""The quick check of a signed PDF (desktop.package.pades_check) accepts only what pyHanko accepts.

A plain signed PDF is accepted with the same values pyHanko's validator gives
(signer, signing time, coverage, modifications, chain), and the whole report,
of ``thidua verify`` and of a package, is the same word for word as with the
quick check switched off. Every damaged or unusual PDF is declined, so its
report comes from pyHanko exactly as before.
"""
from __future__ import annotations

import io
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.commands import main as cli
from desktop.package import pades_check, pdf_verify
from desktop.package.asice import build_package
from desktop.package.pades_check import accept_plain_pdf
from desktop.package.pdf_verify import verify_pdf
from desktop.package.verify import split_anchors, validate_pdf, validation_context, verify_package
from desktop.signing import keys
from desktop.signing import pdf as pdf_signing
from desktop.signing.pdf import sign_pdf
from pki_fixtures import make_pdf

USAGES = {"digital_signature", "non_repudiation"}


def _quick(data: bytes, trusted: list, now: datetime):
    """What the quick check makes of ``data``: (signature, status) or None."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    anchors = split_anchors(trusted)
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    return accept_plain_pdf(
        reader, data, lambda claimed: validation_context(*anchors, claimed or now), USAGES
    )


def _pyhanko(data: bytes, trusted: list, now: datetime):
    """pyHanko's own reading and judgement of the PDF's one signature."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    anchors = split_anchors(trusted)
    (sig,) = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
    context = validation_context(*anchors, sig.self_reported_timestamp or now)
    return sig, validate_pdf(sig, context)


def _path_dumps(status) -> list[bytes]:
    return [c.dump() for c in status.validation_path.iter_certs(include_root=True)]


def _accepted_as_pyhanko_accepts(path: Path, trusted: list) -> None:
    """The quick check accepts, and every value read from it is the one pyHanko gives."""
    now = datetime.now(timezone.utc)
    data = path.read_bytes()
    accepted = _quick(data, trusted, now)
    assert accepted is not None
    quick_sig, quick = accepted
    sig, status = _pyhanko(data, trusted, now)
    assert status.bottom_line and quick.bottom_line
    for name in ("intact", "valid", "trusted", "revoked", "trust_problem_indic", "timestamp_validity",
                 "docmdp_ok", "signer_reported_dt"):
        assert getattr(quick, name) == getattr(status, name), name
    assert quick.coverage.name == status.coverage.name == "ENTIRE_FILE"
    assert quick.modification_level.name == status.modification_level.name == "NONE"
    assert quick.signing_cert.dump() == status.signing_cert.dump()
    assert _path_dumps(quick) == _path_dumps(status)
    for name in ("field_name", "signed_revision", "self_reported_timestamp"):
        assert getattr(quick_sig, name) == getattr(sig, name), name
    assert list(quick_sig.byte_range) == list(sig.byte_range)
    assert [c.dump() for c in quick_sig.other_embedded_certs] == [c.dump() for c in sig.other_embedded_certs]


def _report(path: Path, trusted: list, now: datetime) -> dict:
    return verify_pdf(path, trusted, now=now).to_dict()


def _same_report_without_quick_check(path: Path, trusted: list, monkeypatch) -> dict:
    now = datetime.now(timezone.utc)
    quick = _report(path, trusted, now)
    with monkeypatch.context() as m:
        m.setattr(pdf_verify, "accept_plain_pdf", lambda *args: None)
        full = _report(path, trusted, now)
    assert quick == full
    return quick


def _declined_and_reported_as_before(path: Path, trusted: list, monkeypatch) -> dict:
    assert _quick(path.read_bytes(), trusted, datetime.now(timezone.utc)) is None
    return _same_report_without_quick_check(path, trusted, monkeypatch)


def _failed(report: dict) -> list[str]:
    return [c["code"] for c in report["checks"] if not c["ok"]]


@pytest.fixture
def signed(identity, pdf_file, tmp_path) -> Path:
    """A PDF signed by this app: one PAdES signature, nothing after it."""
    out = tmp_path / "da-ky.pdf"
    sign_pdf(pdf_file, out, identity)
    return out


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _pyhanko_signed(pki, folder: Path, name: str, *, plain_attributes: bool = False, **metadata) -> Path:
    """A PDF signed with pyHanko's signer directly (another tool's options).

    ``plain_attributes``: only signing-certificate-v2 and signing-time are
    signed (beside content-type and message-digest), as in a plain CAdES
    signature, whatever the ``/SubFilter``.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.signers.pdf_cms import CAdESSignedAttributeProviderSpec, PdfCMSSignedAttributes

    signer = signers.SimpleSigner.load_pkcs12(str(pki.signer_p12), passphrase=pki.password.encode())
    if plain_attributes:
        signer.signed_attr_prov_spec = CAdESSignedAttributeProviderSpec(
            attr_settings=PdfCMSSignedAttributes(signing_time=datetime.now(timezone.utc).replace(microsecond=0)),
            signing_cert=signer.signing_cert, is_pades=False, timestamper=None,
        )
    out = io.BytesIO()
    signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(make_pdf())),
                     signers.PdfSignatureMetadata(field_name="ChuKy", **metadata), signer=signer, output=out)
    return _write(folder, name, out.getvalue())


# ---------------------------------------------------------------------- accepted: the plain case


def test_the_apps_plain_signature_is_accepted_as_pyhanko_accepts_it(pki, signed, monkeypatch):
    _accepted_as_pyhanko_accepts(signed, [pki.ca_pem])
    report = _same_report_without_quick_check(signed, [pki.ca_pem], monkeypatch)
    assert report["valid"] and report["signatures"][0]["coverage"] == "ENTIRE_FILE"


def test_the_thidua_verify_report_is_the_same_without_the_quick_check(pki, signed, tmp_path, capsys, monkeypatch):
    outputs = []
    for switched_off in (False, True):
        with monkeypatch.context() as m:
            if switched_off:
                m.setattr(pdf_verify, "accept_plain_pdf", lambda *args: None)
            for extra in ([], ["--json"]):
                code = cli.main(["--db", str(tmp_path / "khong-co.sqlite"), "verify", str(signed),
                                 "--trust", str(pki.ca_pem), *extra])
                outputs.append((code, capsys.readouterr().out))
    assert outputs[:2] == outputs[2:]
    assert outputs[0][0] == 0 and "Kết luận: tài liệu HỢP LỆ." in outputs[0][1]


def test_plain_adobe_pkcs7_and_pades_signatures_by_pyhankos_signer_are_accepted(pki, tmp_path, monkeypatch):
    from pyhanko.sign.fields import SigSeedSubFilter

    adobe = _pyhanko_signed(pki, tmp_path, "adobe.pdf", subfilter=SigSeedSubFilter.ADOBE_PKCS7_DETACHED,
                            plain_attributes=True)
    pades = _pyhanko_signed(pki, tmp_path, "pades.pdf", subfilter=SigSeedSubFilter.PADES)
    for path in (adobe, pades):
        _accepted_as_pyhanko_accepts(path, [pki.ca_pem])
        assert _same_report_without_quick_check(path, [pki.ca_pem], monkeypatch)["valid"]
    assert b"/adbe.pkcs7.detached" in adobe.read_bytes()
    assert _quick(adobe.read_bytes(), [pki.ca_pem], datetime.now(timezone.utc))[1].signer_reported_dt is not None


def test_a_signed_attribute_the_quick_check_does_not_know_is_left_to_pyhanko(pki, tmp_path, monkeypatch):
    """pyHanko's adbe.pkcs7.detached signer adds cms-algorithm-protection, which cms_check leaves to pyHanko."""
    from pyhanko.sign.fields import SigSeedSubFilter

    path = _pyhanko_signed(pki, tmp_path, "adobe.pdf", subfilter=SigSeedSubFilter.ADOBE_PKCS7_DETACHED)
    assert _declined_and_reported_as_before(path, [pki.ca_pem], monkeypatch)["valid"]


def test_a_signature_judged_at_its_signing_time_is_accepted_after_the_certificate_expired(pki, pdf_file, tmp_path):
    then = datetime.now(timezone.utc) - timedelta(days=100)
    with keys.load_p12(pki.expired_p12, pki.password, at=then) as expired:
        sign_pdf(pdf_file, tmp_path / "cu.pdf", expired, signing_time=then)
    _accepted_as_pyhanko_accepts(tmp_path / "cu.pdf", [pki.ca_pem])


# ---------------------------------------------------------------------- declined: pyHanko judges, as before


def test_a_changed_byte_inside_the_signed_range_is_declined(pki, signed, tmp_path, monkeypatch):
    data = bytearray(signed.read_bytes())
    at = data.index(b"ReportLab Generated")
    data[at:at + 9] = b"REPORTLAB"
    report = _declined_and_reported_as_before(_write(tmp_path, "sua.pdf", bytes(data)), [pki.ca_pem], monkeypatch)
    assert "pdf.signature" in _failed(report) and not report["signatures"][0]["intact"]


def test_a_wrong_signature_value_in_contents_is_declined(pki, signed, tmp_path, monkeypatch):
    from asn1crypto import cms

    data = signed.read_bytes()
    start = data.index(b"/Contents <") + len(b"/Contents <")
    der = bytes.fromhex(data[start:data.index(b">", start)].decode())
    value = cms.ContentInfo.load(der)["content"]["signer_infos"][0]["signature"].native
    at = start + 2 * (der.index(value) + len(value) // 2)
    changed = data[:at] + (b"0" if data[at:at + 1] != b"0" else b"1") + data[at + 1:]
    report = _declined_and_reported_as_before(_write(tmp_path, "gia.pdf", changed), [pki.ca_pem], monkeypatch)
    assert _failed(report)[0] == "pdf.signature" and not report["signatures"][0]["valid"]


def test_an_incremental_update_after_signing_is_declined(pki, signed, tmp_path, monkeypatch):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed.read_bytes()))
    text = generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 500 Td (DA SUA) Tj ET")
    writer.add_stream_to_page(0, writer.add_object(text))
    out = io.BytesIO()
    writer.write(out)
    report = _declined_and_reported_as_before(_write(tmp_path, "cap-nhat.pdf", out.getvalue()), [pki.ca_pem], monkeypatch)
    assert _failed(report) == ["pdf.changes"] and report["signatures"][0]["modification"] == "OTHER"


def test_bytes_after_the_byte_range_and_a_byte_range_that_does_not_cover_are_declined(
        pki, signed, tmp_path, monkeypatch):
    data = signed.read_bytes()
    appended = _write(tmp_path, "noi-them.pdf", data + b"\n% them\n")
    report = _declined_and_reported_as_before(appended, [pki.ca_pem], monkeypatch)
    assert _failed(report) == ["pdf.changes"]
    start = data.index(b"/ByteRange [")
    end = data.index(b"]", start)
    numbers = data[start + len(b"/ByteRange ["):end].split()
    shorter = b" ".join([*numbers[:3], str(int(numbers[3]) - 1).encode()])
    changed = data[:start + len(b"/ByteRange [")] + shorter.ljust(end - start - len(b"/ByteRange [")) + data[end:]
    assert len(changed) == len(data)
    report = _declined_and_reported_as_before(_write(tmp_path, "ngan.pdf", changed), [pki.ca_pem], monkeypatch)
    assert not report["valid"]


def test_two_signatures_are_declined(pki, identity, signed, tmp_path, monkeypatch):
    twice = tmp_path / "hai-chu-ky.pdf"
    sign_pdf(signed, twice, identity)
    report = _declined_and_reported_as_before(twice, [pki.ca_pem], monkeypatch)
    assert report["valid"] and len(report["signatures"]) == 2


def test_an_untrusted_chain_is_declined(pki, signed, tmp_path, monkeypatch):
    from desktop.demo import pki as demo_pki

    other = tmp_path / "ca-khac.pem"
    demo_pki.write_pem(other, [demo_pki.make_ca("CA khác").cert])
    for trusted in ([], [other]):
        report = _declined_and_reported_as_before(signed, trusted, monkeypatch)
        assert _failed(report) == ["pdf.chain"]


def test_a_signing_time_after_the_certificate_expired_is_declined(pki, pdf_file, tmp_path, monkeypatch):
    now = datetime.now(timezone.utc)
    with monkeypatch.context() as m:
        m.setattr(pdf_signing, "check_signing_certificate", lambda *args: None)   # a forger's tool would not check
        with keys.load_p12(pki.expired_p12, pki.password, at=now - timedelta(days=100)) as expired:
            sign_pdf(pdf_file, tmp_path / "het-han.pdf", expired, signing_time=now)
    report = _declined_and_reported_as_before(tmp_path / "het-han.pdf", [pki.ca_pem], monkeypatch)
    assert _failed(report) == ["pdf.time", "pdf.chain"]


def test_a_certification_signature_with_a_docmdp_reference_is_declined(pki, tmp_path, monkeypatch):
    from pyhanko.sign.fields import MDPPerm

    path = _pyhanko_signed(pki, tmp_path, "chung-nhan.pdf", certify=True, docmdp_permissions=MDPPerm.FILL_FORMS)
    assert b"/DocMDP" in path.read_bytes()
    assert _declined_and_reported_as_before(path, [pki.ca_pem], monkeypatch)["valid"]


def test_a_time_stamped_signature_is_left_to_pyhanko(pki, identity, pdf_file, tmp_path, timestamper, monkeypatch):
    sign_pdf(pdf_file, tmp_path / "dau-thoi-gian.pdf", identity, timestamper=timestamper)
    report = _declined_and_reported_as_before(tmp_path / "dau-thoi-gian.pdf", [pki.ca_pem], monkeypatch)
    assert report["signatures"][0]["time_source"] == "timestamp"


# ---------------------------------------------------------------------- packages


def _package_lines(package: Path, trusted: list) -> list[tuple[str, bool, str]]:
    return [(c.code, c.ok, c.message) for c in verify_package(package, trusted).checks]


def test_a_packages_signed_pdfs_are_reported_the_same_without_the_quick_check(
        pki, identity, signed, tmp_path, monkeypatch):
    twice = tmp_path / "hai-chu-ky.pdf"
    sign_pdf(signed, twice, identity)
    changed = signed.read_bytes() + b"\n%x\n"
    files = [("1. Tờ trình.pdf", signed.read_bytes()), ("2. Hai chữ ký.pdf", twice.read_bytes()),
             ("3. Nối thêm.pdf", changed)]
    package = build_package(tmp_path / "goi.asice", files, identity).path
    quick = _package_lines(package, [pki.ca_pem])
    with monkeypatch.context() as m:
        m.setattr(pades_check, "accept_plain_pdf", lambda *args: None)
        assert _package_lines(package, [pki.ca_pem]) == quick
    assert [code for code, ok, _ in quick if code.startswith("pdf.")] == [
        "pdf.signature", "pdf.signer", "pdf.signature", "pdf.signature", "pdf.signer", "pdf.signature", "pdf.signer"]


def test_verifying_plain_signed_pdfs_does_not_load_pyhankos_validator(pki, identity, signed, tmp_path):
    package = build_package(tmp_path / "goi.asice", [("a.pdf", signed.read_bytes())], identity).path
    code = (
        "import sys\n"
        "from desktop.package.pdf_verify import verify_pdf\n"
        "from desktop.package.verify import verify_package\n"
        f"assert verify_pdf({str(signed)!r}, [{str(pki.ca_pem)!r}]).ok\n"
        f"assert verify_package({str(package)!r}, [{str(pki.ca_pem)!r}]).ok\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pyhanko.sign', 'aiohttp'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
