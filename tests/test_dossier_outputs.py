"""The three ways a finalised dossier leaves: the ASiC-E package, a folder of signed PDFs, a ZIP of that folder.

Each output is built from the demo and checked by tools other than the app:
``openssl cms -verify`` on every CMS signature (the package's signature over
its manifest, each PDF's signature over its byte range) and pyHanko's own
validator on every PDF; then by the app's verifier, and the record of how the
dossier left (nominations "Đã gửi", a line in the print log).
"""
from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from desktop.commands import main as cli
from desktop.council import nominations
from desktop.dossier import build as dossier, drafts, printing
from desktop.errors import UserError
from desktop.package.pdf_verify import verify_path

OPENSSL = shutil.which("openssl")


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    from desktop.demo.pki import create_demo_pki

    return create_demo_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def identity(pki):
    from desktop.signing.keys import load_p12

    with load_p12(pki.signer_p12, pki.password) as loaded:
        yield loaded


def _openssl_verify(tmp_path: Path, signature_der: bytes, content: bytes, ca_pem: Path) -> None:
    if OPENSSL is None:
        pytest.fail("openssl is needed to check the outputs independently")
    sig, data = tmp_path / "sig.der", tmp_path / "content.bin"
    sig.write_bytes(signature_der)
    data.write_bytes(content)
    done = subprocess.run(
        [OPENSSL, "cms", "-verify", "-binary", "-inform", "DER", "-in", str(sig), "-content", str(data),
         "-CAfile", str(ca_pem), "-purpose", "any", "-out", "/dev/null"],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0 and "Verification successful" in done.stderr, done.stderr


def _check_pdf_independently(tmp_path: Path, data: bytes, ca_pem: Path) -> None:
    """pyHanko's validator, then openssl on the CMS over the signed byte range."""
    from asn1crypto import cms, pem
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    _, _, der = pem.unarmor(ca_pem.read_bytes())
    reader = PdfFileReader(io.BytesIO(data))
    (sig,) = reader.embedded_signatures
    status = validate_pdf_signature(sig, ValidationContext(
        trust_roots=[asn1_x509.Certificate.load(der)], allow_fetching=False, moment=sig.self_reported_timestamp))
    assert status.bottom_line and status.coverage.name == "ENTIRE_FILE", status.pretty_print_details()
    start1, len1, start2, len2 = (int(v) for v in sig.byte_range)
    signed = data[start1:start1 + len1] + data[start2:start2 + len2]
    info = cms.ContentInfo({"content_type": "signed_data", "content": sig.signed_data})
    _openssl_verify(tmp_path, info.dump(), signed, ca_pem)


def _build(demo_store, identity, out: Path, fmt: str):
    return dossier.build(demo_store, 1, out, identity, format=fmt)


def test_the_package_verifies_with_openssl_and_pyhanko(demo_store, identity, pki, tmp_path):
    built = _build(demo_store, identity, tmp_path / "ho-so.asice", "asice")
    with zipfile.ZipFile(built.path) as archive:
        manifest = archive.read("META-INF/ASiCManifest.xml")
        _openssl_verify(tmp_path, archive.read("META-INF/signature001.p7s"), manifest, pki.ca_pem)
        pdfs = [n for n in archive.namelist() if n.endswith(".pdf")]
        assert len(pdfs) == len(drafts.list_for_campaign(demo_store, 1))
        for name in pdfs:
            _check_pdf_independently(tmp_path, archive.read(name), pki.ca_pem)
    assert verify_path(built.path, [pki.ca_pem]).ok


def test_the_folder_of_signed_pdfs_is_named_for_a_document_system(demo_store, identity, pki, tmp_path):
    out = tmp_path / "Hồ sơ gửi Sở"
    built = _build(demo_store, identity, out, "pdfs")
    assert built.path == out and out.is_dir()
    names = sorted(p.name for p in out.iterdir())
    docs = drafts.list_for_campaign(demo_store, 1)
    assert len(names) == len(docs) + 1 and "Danh sách đề nghị khen thưởng.xlsx" in names
    expected = {dossier.document_file_name(demo_store, d) for d in docs}
    # Each name is "<số ký hiệu> <trích yếu>.pdf"; the Tờ trình's symbol leads its name.
    to_trinh = next(d for d in docs if d.kind == "to_trinh")
    symbol = drafts.document(demo_store, to_trinh.id).header.symbol
    assert any(symbol.replace("/", "-") in n.split(" ")[0] and "Tờ trình" in n for n in names)
    assert {n for n in names if n.endswith(".pdf")} == expected
    for name in names:
        assert not any(ch in name for ch in '\\/:*?"<>|') and name == name.strip(" .")
    for pdf in out.glob("*.pdf"):
        _check_pdf_independently(tmp_path, pdf.read_bytes(), pki.ca_pem)
    report = verify_path(out, [pki.ca_pem])
    assert report.ok and report.skipped == ["Danh sách đề nghị khen thưởng.xlsx"]
    # Which way the dossier left is on record.
    assert "da_gui" in {r.status for r in nominations.list_for_campaign(demo_store, 1)}
    (entry,) = [e for e in printing.entries(demo_store) if e["draft_id"] is None]
    assert "thư mục các tệp PDF đã ký số" in entry["reason"] and out.name in entry["reason"]
    assert entry["pages"] == 0


def test_the_zip_for_email_holds_the_same_signed_files(demo_store, identity, pki, tmp_path):
    folder = tmp_path / "ra"
    folder.mkdir()
    out = folder / "ho-so.zip"
    built = _build(demo_store, identity, out, "zip")
    assert built.path == out and [p.name for p in folder.iterdir()] == ["ho-so.zip"]   # nothing left over
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert "Danh sách đề nghị khen thưởng.xlsx" in names and all("/" not in n for n in names)
        for name in names:
            if name.endswith(".pdf"):
                _check_pdf_independently(tmp_path, archive.read(name), pki.ca_pem)
    report = verify_path(out, [pki.ca_pem])
    assert report.kind == "folder" and report.ok and len(report.documents) == len(names) - 1
    assert "tệp ZIP" in printing.entries(demo_store)[0]["reason"]


def test_an_existing_output_is_not_replaced_without_asking(demo_store, identity, tmp_path):
    folder = tmp_path / "ra"
    out = folder / "da-co"
    out.mkdir(parents=True)
    (out / "giu-lai.txt").write_text("x")
    with pytest.raises(UserError, match="đã có"):
        _build(demo_store, identity, out, "pdfs")
    assert [p.name for p in out.iterdir()] == ["giu-lai.txt"]
    built = dossier.build(demo_store, 1, out, identity, format="pdfs", overwrite=True)
    assert "giu-lai.txt" not in [p.name for p in built.path.iterdir()]
    assert sorted(p.name for p in folder.iterdir()) == ["da-co"]   # no staging or old copy left
    with pytest.raises(UserError, match="Cách gửi"):
        dossier.build(demo_store, 1, tmp_path / "x", identity, format="docx")


def test_a_broken_output_is_caught_by_the_check_after_writing(demo_store, identity, tmp_path, monkeypatch):
    from desktop.package import pdf_verify

    real = pdf_verify.verify_path

    def corrupt_then_verify(path, trusted, **kwargs):
        pdf = next(Path(path).glob("*.pdf"))
        pdf.write_bytes(pdf.read_bytes() + b"\n%hong\n")
        return real(path, trusted, **kwargs)

    monkeypatch.setattr(pdf_verify, "verify_path", corrupt_then_verify)
    out = tmp_path / "ho-so"
    with pytest.raises(UserError, match="tự kiểm tra"):
        _build(demo_store, identity, out, "pdfs")
    assert not out.exists()
    assert "thong_qua" in {r.status for r in nominations.list_for_campaign(demo_store, 1)}   # nothing recorded


def test_cli_build_formats(demo_path, tmp_path, pki, monkeypatch, capsys):
    monkeypatch.setenv("THIDUA_PIN", pki.password)
    for fmt, name in (("pdfs", "thu-muc"), ("zip", "ho-so.zip")):
        out = tmp_path / name
        code = cli.main(["--db", str(demo_path), "package", "build", "1", str(out), "--p12", str(pki.signer_p12),
                         "--format", fmt, "--overwrite"])
        assert code == 0, capsys.readouterr().err
        assert "đã tự kiểm tra chữ ký từng tệp" in capsys.readouterr().out
        assert cli.main(["--db", str(demo_path), "verify", str(out), "--trust", str(pki.ca_pem)]) == 0
        assert "HỢP LỆ" in capsys.readouterr().out
