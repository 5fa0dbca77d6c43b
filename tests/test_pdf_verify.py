"""Verifying signed PDFs made by other tools, the trust store, and ``thidua verify`` / ``thidua trust``.

The PDFs here are signed by pyHanko's own command line (``pyhanko sign addsig
pemder``, package pyhanko-cli) with keys of a second test PKI made in this file
with ``cryptography`` (root → intermediate → signer, elliptic-curve keys):
nothing of the app's signing code or of its demo PKI is involved, so the
verifier is checked against a signer it did not write.

Certificates are valid from one day before the test clock to ten years after
it, so the tests pass on any date (and under ``faketime``); the signatures
carry the time they were made, and are judged at that time.
"""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.store import Store
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID

from desktop.commands import main as cli
from desktop.signing import trust
from desktop.errors import UserError
from desktop.package.pdf_verify import verify_folder, verify_pdf
from desktop.signing.pdf import sign_pdf
from pki_fixtures import make_pdf


# ---------------------------------------------------------------------- a second, independent test PKI


@dataclass(frozen=True)
class OtherPki:
    folder: Path
    root: Path
    inter: Path
    leaf: Path
    leaf_key: Path
    stranger_root: Path      # a root that issued nothing here
    leaf_der: Path
    bundle_p7b: Path
    inter_der: Path


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "PKI thử nghiệm thứ hai")])


def _cert(subject: str, key, issuer: str, issuer_key, *, ca: bool, now: datetime) -> x509.Certificate:
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject)).issuer_name(_name(issuer)).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
        .add_extension(x509.KeyUsage(
            digital_signature=not ca, content_commitment=not ca, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=ca, crl_sign=ca, encipher_only=False, decipher_only=False),
            critical=True)
    )
    return builder.sign(issuer_key, hashes.SHA256())


@pytest.fixture(scope="module")
def other_pki(tmp_path_factory) -> OtherPki:
    folder = tmp_path_factory.mktemp("pki2")
    now = datetime.now(timezone.utc)
    keys = [ec.generate_private_key(ec.SECP256R1()) for _ in range(4)]
    root = _cert("Gốc Thử Nghiệm Hai", keys[0], "Gốc Thử Nghiệm Hai", keys[0], ca=True, now=now)
    inter = _cert("Trung Gian Hai", keys[1], "Gốc Thử Nghiệm Hai", keys[0], ca=True, now=now)
    leaf = _cert("Lê Thị Người Ký", keys[2], "Trung Gian Hai", keys[1], ca=False, now=now)
    stranger = _cert("Gốc Lạ", keys[3], "Gốc Lạ", keys[3], ca=True, now=now)
    pem = serialization.Encoding.PEM
    paths = {}
    for name, cert in (("root", root), ("inter", inter), ("leaf", leaf), ("stranger", stranger)):
        paths[name] = folder / f"{name}.pem"
        paths[name].write_bytes(cert.public_bytes(pem))
    leaf_key = folder / "leaf.key"
    leaf_key.write_bytes(keys[2].private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    (folder / "leaf.cer").write_bytes(leaf.public_bytes(serialization.Encoding.DER))
    (folder / "inter.cer").write_bytes(inter.public_bytes(serialization.Encoding.DER))
    (folder / "chain.p7b").write_bytes(pkcs7.serialize_certificates([root, inter], serialization.Encoding.DER))
    return OtherPki(folder, paths["root"], paths["inter"], paths["leaf"], leaf_key, paths["stranger"],
                    folder / "leaf.cer", folder / "chain.p7b", folder / "inter.cer")


def _pyhanko_cli() -> str:
    exe = Path(sys.executable).with_name("pyhanko")
    found = str(exe) if exe.exists() else shutil.which("pyhanko")
    if not found:
        pytest.fail("pyHanko's command line is missing: install the test extras (pyhanko-cli)")
    return found


def pyhanko_sign(pki: OtherPki, source: Path, output: Path, *, field: str = "1/60,60,260,120/KyBoiCongCuKhac",
                 chain: bool = True) -> Path:
    """Sign ``source`` with pyHanko's own command line, as another agency's tool would."""
    command = [_pyhanko_cli(), "sign", "addsig", "--field", field, "--use-pades", "pemder",
               "--key", str(pki.leaf_key), "--cert", str(pki.leaf), "--no-pass"]
    if chain:
        command += ["--chain", str(pki.inter)]
    subprocess.run([*command, str(source), str(output)], check=True, capture_output=True, timeout=120)
    return output


@pytest.fixture(scope="module")
def signed(other_pki, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("signed")
    source = folder / "cong-van.pdf"
    source.write_bytes(make_pdf(text="Cong van so 12"))
    return pyhanko_sign(other_pki, source, folder / "cong-van-da-ky.pdf")


def _failed(report) -> list[str]:
    return [c.code for c in report.checks if not c.ok]


# ---------------------------------------------------------------------- the domain


def test_a_pdf_signed_by_pyhankos_command_line_verifies_with_its_root(other_pki, signed):
    report = verify_pdf(signed, [other_pki.root])
    assert report.ok, [c.message for c in report.checks]
    (sig,) = report.signatures
    assert sig.field_name == "KyBoiCongCuKhac"
    assert sig.signer == "Lê Thị Người Ký" and sig.organisation == "PKI thử nghiệm thứ hai"
    assert sig.intact and sig.valid and sig.trusted and sig.unchanged
    assert sig.coverage == "ENTIRE_FILE" and sig.later_revisions == 0
    assert sig.chain == ["Lê Thị Người Ký", "Trung Gian Hai", "Gốc Thử Nghiệm Hai"]
    assert sig.time_source == "signer" and sig.signing_time is not None
    assert [c.code for c in report.checks] == ["pdf.signature", "pdf.time", "pdf.changes", "pdf.chain"]
    assert "Gốc Thử Nghiệm Hai" in report.checks[-1].message


def test_without_its_root_the_missing_root_is_named(other_pki, signed):
    for trusted in ([], [other_pki.stranger_root]):
        report = verify_pdf(signed, trusted)
        assert not report.ok
        assert _failed(report) == ["pdf.chain"]   # intact and unchanged: only trust is missing
        sig = report.signatures[0]
        assert sig.missing == "Gốc Thử Nghiệm Hai" and not sig.trusted
        assert "“Gốc Thử Nghiệm Hai”" in report.checks[-1].message


def test_a_missing_intermediate_is_named_and_the_store_can_supply_it(other_pki, tmp_path):
    source = tmp_path / "in.pdf"
    source.write_bytes(make_pdf())
    bare = pyhanko_sign(other_pki, source, tmp_path / "khong-kem-chuoi.pdf", chain=False)
    report = verify_pdf(bare, [other_pki.root])
    assert _failed(report) == ["pdf.chain"]
    assert report.signatures[0].missing == "Trung Gian Hai"
    assert "thiếu chứng thư số của “Trung Gian Hai”" in report.checks[-1].message
    # An intermediate given alongside the root completes the path; trusted alone it is not a root.
    assert verify_pdf(bare, [other_pki.root, other_pki.inter]).ok
    alone = verify_pdf(bare, [other_pki.inter])
    assert not alone.ok and alone.signatures[0].missing == "Gốc Thử Nghiệm Hai"


def test_bytes_appended_after_signing_are_a_change(other_pki, signed, tmp_path):
    changed = tmp_path / "noi-them.pdf"
    changed.write_bytes(signed.read_bytes() + b"\n% them sau khi ky\n")
    report = verify_pdf(changed, [other_pki.root])
    assert not report.ok and _failed(report) == ["pdf.changes"]
    assert "nối thêm" in report.checks[2].message and not report.signatures[0].unchanged


def test_an_incremental_update_changing_the_page_is_detected(other_pki, signed, tmp_path):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed.read_bytes()))
    text = generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 500 Td (DA SUA) Tj ET")
    writer.add_stream_to_page(0, writer.add_object(text))
    out = io.BytesIO()
    writer.write(out)
    changed = tmp_path / "da-sua.pdf"
    changed.write_bytes(out.getvalue())
    report = verify_pdf(changed, [other_pki.root])
    sig = report.signatures[0]
    assert sig.intact and sig.valid          # the signed revision itself is untouched …
    assert sig.modification == "OTHER" and sig.later_revisions == 1 and not sig.unchanged
    assert _failed(report) == ["pdf.changes"]  # … but the document shown is not what was signed
    assert "ĐÃ BỊ THAY ĐỔI" in report.checks[2].message


def test_a_byte_changed_inside_the_signed_range_breaks_the_signature(other_pki, signed, tmp_path):
    data = bytearray(signed.read_bytes())
    at = data.index(b"ReportLab Generated")   # a comment in the signed range: still a readable PDF
    data[at:at + 9] = b"REPORTLAB"
    changed = tmp_path / "sua-byte.pdf"
    changed.write_bytes(bytes(data))
    report = verify_pdf(changed, [other_pki.root])
    assert "pdf.signature" in _failed(report) and not report.signatures[0].intact
    # Every line says the same: the signed part changed; none says "unchanged", none guesses at the certificate.
    assert _failed(report) == ["pdf.signature", "pdf.changes", "pdf.chain"]
    said = {c.code: c.message for c in report.checks}
    assert "đã thay đổi sau khi ký" in said["pdf.changes"] and "không thay đổi" not in said["pdf.changes"]
    assert "không được xét hiệu lực vì chữ ký không khớp nội dung" in said["pdf.chain"]
    assert "không rõ lý do" not in said["pdf.chain"]


def test_a_second_signature_later_only_adds_a_signature(other_pki, signed, pki, identity, tmp_path):
    twice = tmp_path / "hai-chu-ky.pdf"
    sign_pdf(signed, twice, identity)   # the app's own signer, another CA (pki_fixtures)
    report = verify_pdf(twice, [other_pki.root, pki.ca_pem])
    assert report.ok, [c.message for c in report.checks]
    first, second = report.signatures
    assert first.later_revisions == 1 and first.modification == "FORM_FILLING" and first.unchanged
    assert "chỉ được thêm chữ ký số khác" in first.checks[2].message
    assert second.coverage == "ENTIRE_FILE" and second.signer == "Nguyễn Thị Văn Thư"
    assert report.signer == "Lê Thị Người Ký, Nguyễn Thị Văn Thư"
    # Trusting only the first signer's root: the app's signature names its own missing root.
    partly = verify_pdf(twice, [other_pki.root])
    assert not partly.ok and partly.signatures[0].ok and not partly.signatures[1].ok
    assert partly.signatures[1].missing == pki.ca.cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value


def test_unsigned_damaged_and_foreign_files(tmp_path):
    plain = tmp_path / "chua-ky.pdf"
    plain.write_bytes(make_pdf())
    assert _failed(verify_pdf(plain)) == ["pdf.unsigned"]
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage")
    report = verify_pdf(broken)
    assert not report.ok and report.checks[0].code in ("pdf.open", "pdf.unsigned")
    text = tmp_path / "ghi-chu.pdf"
    text.write_text("không phải PDF")
    assert _failed(verify_pdf(text)) == ["pdf.open"]
    assert _failed(verify_pdf(tmp_path / "khong-co.pdf")) == ["pdf.open"]


def test_a_folder_reports_each_pdf_and_lists_the_rest(other_pki, signed, tmp_path):
    folder = tmp_path / "ho-so"
    (folder / "con").mkdir(parents=True)
    shutil.copy(signed, folder / "1. Tờ trình.pdf")
    (folder / "con" / "2. Biên bản.pdf").write_bytes(signed.read_bytes() + b"\n%x\n")
    (folder / "Danh sách.xlsx").write_bytes(b"PK")
    report = verify_folder(folder, [other_pki.root])
    assert [d.files[0] for d in report.documents] == ["1. Tờ trình.pdf", "con/2. Biên bản.pdf"]
    assert [d.ok for d in report.documents] == [True, False]
    assert report.skipped == ["Danh sách.xlsx"] and not report.ok
    assert {c.subject for c in report.checks} == {"1. Tờ trình.pdf", "con/2. Biên bản.pdf"}
    empty = tmp_path / "trong"
    empty.mkdir()
    assert not verify_folder(empty).ok and verify_folder(empty).extra_checks[0].code == "folder.empty"


# ---------------------------------------------------------------------- the trust store


def test_the_trust_store_imports_pem_der_and_p7b_and_refuses_a_signers_certificate(store, other_pki):
    assert trust.list_all(store) == [] and trust.certificates(store) == []
    added, already = trust.add_file(store, other_pki.bundle_p7b)
    assert sorted(t.subject for t in added) == ["Gốc Thử Nghiệm Hai", "Trung Gian Hai"] and already == []
    added, already = trust.add_file(store, other_pki.root)          # PEM, already there
    assert added == [] and already == ["Gốc Thử Nghiệm Hai"]
    added, already = trust.add_file(store, other_pki.inter_der)     # DER .cer, already there
    assert already == ["Trung Gian Hai"]
    rows = trust.list_all(store)
    assert [(t.subject, t.is_root, t.source) for t in rows] == [
        ("Gốc Thử Nghiệm Hai", True, "chain.p7b"), ("Trung Gian Hai", False, "chain.p7b")]
    assert rows[1].issuer == "Gốc Thử Nghiệm Hai"
    with pytest.raises(UserError, match="của người ký"):
        trust.add_file(store, other_pki.leaf_der)
    junk = other_pki.folder / "junk.crt"
    junk.write_bytes(b"not a certificate")
    with pytest.raises(UserError, match="không phải chứng thư số"):
        trust.add_file(store, junk)
    assert len(trust.list_all(store)) == 2
    removed = trust.remove(store, trust.find(store, rows[0].sha256[:12]).id)
    assert removed.subject == "Gốc Thử Nghiệm Hai"
    assert [t.subject for t in trust.list_all(store)] == ["Trung Gian Hai"]
    with pytest.raises(UserError):
        trust.remove(store, removed.id)


def test_the_stores_certificates_verify_a_pdf(store, other_pki, signed):
    trust.add_file(store, other_pki.root)
    assert verify_pdf(signed, trust.certificates(store)).ok


# ---------------------------------------------------------------------- the command line


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_thidua_verify_and_trust(capsys, tmp_path, other_pki, signed):
    db = tmp_path / "so.sqlite"
    code, out, _ = run(capsys, "--db", db, "verify", signed)
    assert code == 1 and "“Gốc Thử Nghiệm Hai”" in out and "KHÔNG HỢP LỆ" in out
    code, out, _ = run(capsys, "--db", db, "verify", signed, "--trust", other_pki.root)
    assert code == 0 and "Lê Thị Người Ký" in out and "Kết luận: tài liệu HỢP LỆ." in out
    code, _, err = run(capsys, "--db", db, "trust", "list")   # the trust store lives in the unit's data file
    assert code == 2 and "Không tìm thấy tệp dữ liệu" in err and not db.exists()
    Store(db).close()
    code, out, _ = run(capsys, "--db", db, "trust", "list")
    assert code == 0 and "Chưa có chứng thư số tin cậy" in out
    code, out, _ = run(capsys, "--db", db, "trust", "add", other_pki.bundle_p7b)
    assert code == 0 and out.count("Đã thêm") == 2
    code, out, _ = run(capsys, "--db", db, "verify", signed)   # the store is used by default
    assert code == 0, out
    code, out, _ = run(capsys, "--db", db, "verify", signed, "--json")
    data = json.loads(out)
    assert data["valid"] and data["signatures"][0]["chain"][-1] == "Gốc Thử Nghiệm Hai"
    assert data["signatures"][0]["unchanged_after_signing"] is True
    code, out, _ = run(capsys, "--db", db, "trust", "list", "--json")
    listed = json.loads(out)
    assert [t["kind"] for t in listed] == ["root", "intermediate"]
    code, out, _ = run(capsys, "--db", db, "trust", "remove", listed[0]["id"])
    assert code == 0 and "Đã bỏ tin cậy" in out
    folder = tmp_path / "thu-muc"
    folder.mkdir()
    shutil.copy(signed, folder)
    code, out, _ = run(capsys, "--db", db, "verify", folder)
    assert code == 1 and "Thư mục:" in out and "Kết luận: 1/1 tệp PDF KHÔNG HỢP LỆ." in out
    code, _, err = run(capsys, "--db", db, "trust", "add", other_pki.leaf)
    assert code == 2 and "không phải của tổ chức chứng thực" in err
    code, _, err = run(capsys, "--db", db, "verify", tmp_path / "khong-co.pdf")
    assert code == 2 and "Không tìm thấy" in err


# ---------------------------------------------------------------------- packages written by another ASiC-E tool


def _other_tool_package(pki: OtherPki, folder: Path, signed_pdf: Path, *, xades: bool = False,
                        stray_signature: bool = False, change: bool = False) -> Path:
    """An ASiC-E package laid out as another tool would: its own manifest name, folders and compression.

    The manifest is written here by hand (default namespace, one line) and
    signed as a detached CAdES signature by pyHanko's command line
    (``--detach``), with the second test PKI.
    """
    import base64
    import hashlib
    import zipfile

    files = {"tai-lieu/2026/Công văn số 12.pdf": signed_pdf.read_bytes(), "ghi-chu.txt": "Ghi chú kèm theo".encode()}
    out = folder / ("xades.asice" if xades else "khac.asice")
    with zipfile.ZipFile(out, "w") as archive:
        info = zipfile.ZipInfo("mimetype", date_time=(2026, 1, 1, 0, 0, 0))
        archive.writestr(info, b"application/vnd.etsi.asic-e+zip", compress_type=zipfile.ZIP_STORED)
        for name, data in files.items():
            archive.writestr(name, data + (b"!" if change and name.endswith(".txt") else b""),
                             compress_type=zipfile.ZIP_DEFLATED)
        if xades:
            archive.writestr("META-INF/signatures0.xml", '<?xml version="1.0"?><asic:XAdESSignatures '
                             'xmlns:asic="http://uri.etsi.org/02918/v1.2.1#"/>')
            return out
        refs = "".join(
            f'<DataObjectReference URI="{__import__("urllib.parse").parse.quote(name)}" MimeType="'
            f'{"application/pdf" if name.endswith(".pdf") else "text/plain"}">'
            '<DigestMethod xmlns="http://www.w3.org/2000/09/xmldsig#" Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>'
            f'<DigestValue xmlns="http://www.w3.org/2000/09/xmldsig#">{base64.b64encode(hashlib.sha256(data).digest()).decode()}'
            '</DigestValue></DataObjectReference>'
            for name, data in files.items())
        manifest = ('<ASiCManifest xmlns="http://uri.etsi.org/02918/v1.2.1#"><SigReference URI="META-INF/signature1.p7s" '
                    f'MimeType="application/pkcs7-signature"/>{refs}</ASiCManifest>').encode()
        manifest_path = folder / "ASiCManifest1.xml"
        manifest_path.write_bytes(manifest)
        signature = folder / "signature1.p7s"
        subprocess.run([_pyhanko_cli(), "sign", "addsig", "--detach", "pemder", "--key", str(pki.leaf_key),
                        "--cert", str(pki.leaf), "--chain", str(pki.inter), "--no-pass", str(manifest_path),
                        str(signature)], check=True, capture_output=True, timeout=120)
        archive.writestr("META-INF/ASiCManifest1.xml", manifest)
        archive.writestr("META-INF/signature1.p7s", signature.read_bytes())
        if stray_signature:
            archive.writestr("META-INF/signature9.p7s", signature.read_bytes())
    return out


def test_another_tools_cades_package_is_read_and_verified(other_pki, signed, tmp_path):
    from desktop.package.verify import verify_package

    package = _other_tool_package(other_pki, tmp_path, signed)
    report = verify_package(package, [other_pki.root])
    assert report.ok and report.verdict == "valid", [c.message for c in report.checks if not c.ok]
    codes = [c.code for c in report.checks]
    assert "container.layout" in codes and "container.profile" not in codes   # not held to this app's ZIP layout
    assert "phần mềm khác" in report.checks[codes.index("container.layout")].message
    assert report.signer == "Lê Thị Người Ký"
    assert sorted(report.files) == ["ghi-chu.txt", "tai-lieu/2026/Công văn số 12.pdf"]
    assert codes.count("file.digest") == 2 and "pdf.chain" in codes      # the PDF's own signature too
    # Without the root: only the chain fails, and it names the root.
    untrusted = verify_package(package, [])
    assert {c.code for c in untrusted.checks if not c.ok} == {"signature.chain", "pdf.chain"}
    assert "“Gốc Thử Nghiệm Hai”" in next(c.message for c in untrusted.checks if c.code == "signature.chain")


def test_another_tools_package_with_a_changed_file_fails_on_that_file(other_pki, signed, tmp_path):
    from desktop.package.verify import verify_package

    report = verify_package(_other_tool_package(other_pki, tmp_path, signed, change=True), [other_pki.root])
    assert report.verdict == "invalid"
    assert [(c.code, c.subject) for c in report.checks if not c.ok] == [("file.digest", "ghi-chu.txt")]


def test_xades_and_stray_signatures_are_unsupported_never_tampered(other_pki, signed, tmp_path, capsys):
    from desktop.package.verify import verify_package

    xades = verify_package(_other_tool_package(other_pki, tmp_path, signed, xades=True), [other_pki.root])
    failed = [c for c in xades.checks if not c.ok]
    assert xades.verdict == "unsupported" and [c.code for c in failed] == ["unsupported.xades"]
    assert "XAdES" in failed[0].message and "KHÔNG có nghĩa là gói bị sửa" in failed[0].message
    stray_folder = tmp_path / "stray"
    stray_folder.mkdir()
    stray = verify_package(_other_tool_package(other_pki, stray_folder, signed, stray_signature=True),
                           [other_pki.root])
    assert stray.verdict == "unsupported"
    assert [(c.code, c.subject) for c in stray.checks if not c.ok] == [
        ("unsupported.signature", "META-INF/signature9.p7s")]
    # The command line says so in Vietnamese.
    code = cli.main(["--db", str(tmp_path / "so.sqlite"), "verify", str(tmp_path / "xades.asice")])
    out = capsys.readouterr().out
    assert code == 1 and "CHƯA HỖ TRỢ" in out and "Kết luận: CHƯA KIỂM TRA ĐƯỢC" in out and "KHÔNG HỢP LỆ" not in out


def test_this_apps_own_packages_stay_with_the_strict_check(pki, identity, tmp_path):
    from desktop.package.asice import build_package
    from desktop.package.foreign import is_foreign_layout
    from desktop.package.verify import verify_package

    out = tmp_path / "goi.asice"
    build_package(out, [("van-ban/a.txt", b"1")], identity)
    assert not is_foreign_layout(out)
    report = verify_package(out, [pki.ca_pem])
    assert report.ok and "container.profile" in [c.code for c in report.checks]
