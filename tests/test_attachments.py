"""Files attached to the items of a plan's dossier list that the app does not draft (issue 10)."""
from __future__ import annotations

import zipfile

import pytest

from desktop.dossier import attachments, build as dossier
from desktop.campaigns import campaign as campaigns
from desktop.commands import main as cli
from desktop.errors import UserError
from pki_fixtures import make_pdf

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    from desktop.demo.pki import create_demo_pki

    return create_demo_pki(tmp_path_factory.mktemp("pki"))


def _with_paper(store, name="Giấy xác nhận của Cục Thuế về việc chấp hành nghĩa vụ thuế"):
    c = campaigns.get(store, 1)
    c.documents.append(campaigns.DossierDocument(name))
    campaigns.save(store, c)
    return len(c.documents)


def test_an_item_the_app_does_not_draft_is_missing_until_a_file_is_attached(demo_store, tmp_path):
    number = _with_paper(demo_store)
    item = dossier.required(demo_store, 1)[-1]
    assert item.kind is None and item.state == "thieu"
    assert any(f"thidua draft attach 1 {number}" in m for m in dossier.problems(demo_store, 1))
    paper = tmp_path / "xac-nhan-thue.pdf"
    paper.write_bytes(PDF)
    a = attachments.attach(demo_store, 1, str(number), paper)
    assert (a.item, a.media_type, a.signed) == (item.name, "application/pdf", False)
    item = dossier.required(demo_store, 1)[-1]
    assert item.state == "hoan_thien" and [x.file_name for x in item.attachments] == ["xac-nhan-thue.pdf"]
    assert dossier.problems(demo_store, 1) == []
    # Attaching again replaces the file; removing it makes the item missing again.
    again = tmp_path / "xac-nhan-thue-2.png"
    again.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    b = attachments.attach(demo_store, 1, "Cục Thuế", again)
    assert [x.file_name for x in attachments.list_for_campaign(demo_store, 1)] == ["xac-nhan-thue-2.png"]
    assert demo_store.scalar("SELECT count(*) FROM blob WHERE sha256 = ?", (a.sha256,)) == 0
    attachments.remove(demo_store, b.id)
    assert dossier.required(demo_store, 1)[-1].state == "thieu"


def test_attach_refuses_what_it_cannot_take(demo_store, tmp_path):
    number = _with_paper(demo_store)
    fake = tmp_path / "gia.pdf"
    fake.write_bytes(b"not a pdf at all")
    with pytest.raises(UserError, match="không phải tệp PDF"):
        attachments.attach(demo_store, 1, str(number), fake)
    text = tmp_path / "ghi-chu.txt"
    text.write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="chỉ nhận PDF, DOCX hoặc ảnh"):
        attachments.attach(demo_store, 1, str(number), text)
    with pytest.raises(UserError, match="không có mục 99"):
        attachments.attach(demo_store, 1, "99", fake)
    with pytest.raises(UserError, match="do ứng dụng soạn"):
        attachments.attach(demo_store, 1, "1", fake)  # the Tờ trình is drafted, not attached
    assert attachments.list_for_campaign(demo_store, 1) == []


def test_a_signed_pdf_is_kept_byte_for_byte_and_travels_in_the_package(demo_path, tmp_path, pki, monkeypatch,
                                                                        capsys):
    from desktop.signing.keys import load_p12
    from desktop.signing.pdf import sign_pdf
    from desktop.store import Store

    with Store(demo_path) as store:
        number = _with_paper(store, "Giấy chứng nhận sáng kiến của Hội đồng sáng kiến")
    plain = tmp_path / "sang-kien.pdf"
    plain.write_bytes(make_pdf(1, "Giấy chứng nhận sáng kiến"))
    signed = tmp_path / "sang-kien-da-ky.pdf"
    with load_p12(pki.signer_p12, pki.password) as identity:
        sign_pdf(plain, signed, identity)
    assert cli.main(["--db", str(demo_path), "draft", "attach", "1", str(number), str(signed)]) == 0
    assert "PDF đã ký số, giữ nguyên" in capsys.readouterr().out
    out = tmp_path / "goi.asice"
    monkeypatch.setenv("THIDUA_PIN", pki.password)
    assert cli.main(["--db", str(demo_path), "package", "build", "1", str(out), "--p12", str(pki.signer_p12)]) == 0
    with zipfile.ZipFile(out) as z:
        assert z.read("kem-theo/sang-kien-da-ky.pdf") == signed.read_bytes()
    assert cli.main(["package", "verify", str(out), "--trust", str(pki.ca_pem)]) == 0


@pytest.mark.parametrize("fmt", ["pdfs", "zip"])
def test_attached_papers_travel_in_the_folder_and_the_zip_of_signed_pdfs(demo_path, tmp_path, pki, fmt):
    """A paper signed by its issuer is kept byte for byte; an unsigned scan is signed by the unit as its copy;
    a Word file goes as it is. The output verifies (each PDF its own signature)."""
    import io

    from desktop.package.pdf_verify import verify_path
    from desktop.signing.keys import load_p12
    from desktop.signing.pdf import sign_pdf
    from desktop.store import Store

    scan = tmp_path / "xac-nhan-thue.pdf"
    scan.write_bytes(make_pdf(1, "Giấy xác nhận của Cục Thuế"))
    plain = tmp_path / "sang-kien.pdf"
    plain.write_bytes(make_pdf(1, "Giấy chứng nhận sáng kiến"))
    signed = tmp_path / "sang-kien-da-ky.pdf"
    word = tmp_path / "danh-sach.docx"
    from docx import Document as WordDocument

    WordDocument().save(word)
    with Store(demo_path) as store, load_p12(pki.signer_p12, pki.password) as identity:
        sign_pdf(plain, signed, identity)
        first = _with_paper(store)
        second = _with_paper(store, "Giấy chứng nhận sáng kiến của Hội đồng sáng kiến")
        third = _with_paper(store, "Danh sách theo mẫu của Sở")
        attachments.attach(store, 1, str(first), scan)
        attachments.attach(store, 1, str(second), signed)
        attachments.attach(store, 1, str(third), word)
        out = tmp_path / ("ho-so.zip" if fmt == "zip" else "ho-so")
        built = dossier.build(store, 1, out, identity, format=fmt)
    names = built.files
    assert {"Kèm theo - xac-nhan-thue.pdf", "Kèm theo - sang-kien-da-ky.pdf", "Kèm theo - danh-sach.docx"} <= set(names)
    if fmt == "zip":
        with zipfile.ZipFile(out) as z:
            read = {n: z.read(n) for n in z.namelist()}
    else:
        read = {p.name: p.read_bytes() for p in out.iterdir()}
    assert read["Kèm theo - sang-kien-da-ky.pdf"] == signed.read_bytes()
    assert read["Kèm theo - danh-sach.docx"] == word.read_bytes()
    copy = read["Kèm theo - xac-nhan-thue.pdf"]
    assert copy.startswith(scan.read_bytes()[:8]) and copy != scan.read_bytes() and b"/ByteRange" in copy
    from pypdf import PdfReader

    assert "Cục Thuế" in PdfReader(io.BytesIO(copy)).pages[0].extract_text()
    report = verify_path(out, [pki.ca_pem])
    assert report.ok, [c.message for c in report.checks if not c.ok]
    assert "Kèm theo - danh-sach.docx" in report.skipped


def test_draft_all_writes_the_attached_papers_with_the_documents(demo_path, tmp_path, capsys):
    from desktop.store import Store

    with Store(demo_path) as store:
        number = _with_paper(store)
        paper = tmp_path / "xac-nhan-thue.pdf"
        paper.write_bytes(PDF)
        attachments.attach(store, 1, str(number), paper)
    out = tmp_path / "ho-so"
    assert cli.main(["--db", str(demo_path), "draft", "all", "1", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    copies = [p for p in out.iterdir() if "Kèm theo - xac-nhan-thue.pdf" in p.name]
    assert len(copies) == 1 and copies[0].read_bytes() == PDF
    assert "và 1 tệp đính kèm" in printed
    # Written again without --overwrite: refused before anything is written, naming the file that is there.
    assert cli.main(["--db", str(demo_path), "draft", "all", "1", "--out", str(out)]) == 2
