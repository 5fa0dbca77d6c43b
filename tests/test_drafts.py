"""Drafts from the records: forms chosen by the plan, history, regeneration, finalising, the print rule."""
from __future__ import annotations

import pytest
from pypdf import PdfReader

from desktop.commands import main as cli
from desktop.council import meetings, nominations
from desktop.dossier import drafts, printing
from desktop.errors import UserError


def words(text: str) -> list[str]:
    return text.split()


@pytest.fixture
def demo(demo_store):
    return demo_store


def editable(store, kind, target) -> int:
    """The demo finalises campaign 1's dossier; reopen a document to edit it, as the clerk would."""
    d = drafts.create(store, kind, target)
    drafts.reopen(store, d)
    return d


def passed_person(store, campaign_id=1):
    return next(r for r in nominations.list_for_campaign(store, campaign_id)
                if r.subject_kind == "person" and r.status == "thong_qua")


def test_each_document_is_drafted_with_the_form_the_plan_cites(demo):
    m = meetings.list_for_campaign(demo, 1)[0]
    t = drafts.get(demo, drafts.create(demo, "to_trinh", 1))
    b = drafts.get(demo, drafts.create(demo, "bien_ban", m.id))
    r = drafts.get(demo, drafts.create(demo, "bao_cao", passed_person(demo).id))
    assert (t.form, b.form, r.form) == ("nd152-2025-mau01-to-trinh", "nd30-2020-mau1.9-bien-ban",
                                        "nd152-2025-mau08-bao-cao-ca-nhan")
    assert drafts.create(demo, "to_trinh", 1) == t.id  # one Tờ trình per campaign


def test_the_documents_carry_the_records(demo):
    m = meetings.list_for_campaign(demo, 1)[0]
    person = passed_person(demo)
    tt = drafts.document(demo, drafts.create(demo, "to_trinh", 1)).plain_text()
    assert "Kính gửi" in tt and "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Hà Tĩnh" in tt
    assert person.name in tt and "Kế hoạch số 142/KH-STP" in tt
    bb = drafts.document(demo, drafts.create(demo, "bien_ban", m.id)).plain_text()
    chair = m.by_role("chu_tich")
    assert chair.name in bb and "THƯ KÝ" in bb and "CHỦ TỌA" in bb
    assert f"{len(m.council):02d}" in bb  # council size as the minutes write it
    bc = drafts.document(demo, drafts.create(demo, "bao_cao", person.id)).plain_text()
    assert person.name in bc and "BÁO CÁO THÀNH TÍCH" in bc


def test_edits_make_versions_and_an_earlier_one_can_be_restored(demo):
    d = editable(demo, "to_trinh", 1)
    first = drafts.current(demo, d)
    section = next(iter(first.sections))
    drafts.edit(demo, d, sections={section: "Đoạn văn do văn thư sửa, có **chữ đậm**."})
    assert drafts.current(demo, d).version == first.version + 1
    assert "Đoạn văn do văn thư sửa" in drafts.document(demo, d).plain_text()
    drafts.restore(demo, d, first.version)
    now = drafts.current(demo, d)
    assert now.version == first.version + 2 and now.sections == first.sections
    assert [v.note for v in drafts.history(demo, d)][0] == f"Khôi phục phiên bản {first.version}"


def test_regenerating_one_section_keeps_the_others(demo):
    d = editable(demo, "to_trinh", 1)
    ids = list(drafts.current(demo, d).sections)
    assert len(ids) >= 2
    drafts.edit(demo, d, sections={ids[0]: "Văn bản mở đầu đã sửa.", ids[1]: "Danh sách đã sửa."})
    drafts.regenerate(demo, d, ids[1])
    cur = drafts.current(demo, d).sections
    assert cur[ids[0]] == "Văn bản mở đầu đã sửa."
    assert cur[ids[1]] != "Danh sách đã sửa."


def test_a_finalised_document_is_not_edited_in_place_and_renders_what_was_finalised(demo, tmp_path):
    d = editable(demo, "to_trinh", 1)
    drafts.finalise(demo, d)
    with pytest.raises(UserError, match="hoàn thiện"):
        drafts.edit(demo, d, sections={"mo_dau": "x"})
    a = drafts.render(demo, d, tmp_path / "a.pdf").read_bytes()
    b = drafts.render(demo, d, tmp_path / "b.pdf").read_bytes()
    assert a == b  # the kept file, not a new rendering
    drafts.reopen(demo, d)
    drafts.edit(demo, d, sections={"mo_dau": "Đã mở lại để sửa."})


def test_pdf_and_docx_read_back(demo, tmp_path):
    from docx import Document as Docx

    d = drafts.create(demo, "bao_cao", passed_person(demo).id)
    text = drafts.document(demo, d).plain_text()
    pdf = drafts.render(demo, d, tmp_path / "bc.pdf")
    extracted = "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    from collections import Counter

    # Side-by-side blocks (Nơi nhận, signatures) extract in another order: compare the words, and
    # leave out the page numbers that the renderer adds from page 2.
    assert Counter(words(text)) == Counter(w for w in words(extracted) if not w.isdigit() or w in words(text))
    docx = Docx(str(drafts.render(demo, d, tmp_path / "bc.docx")))
    assert passed_person(demo).name in "\n".join(p.text for p in docx.paragraphs)
    with pytest.raises(UserError, match=".pdf hoặc .docx"):
        drafts.render(demo, d, tmp_path / "bc.txt")


def test_print_rule_refuses_ordinary_documents_and_logs_nothing(demo):
    d = editable(demo, "to_trinh", 1)
    sent = []
    with pytest.raises(printing.PrintRefused, match="xuất tệp PDF hoặc ký số"):
        printing.print_document(demo, d, spooler=lambda *a: sent.append(a))
    assert sent == [] and printing.entries(demo) == []


def test_classified_documents_print_and_are_logged(demo):
    d = editable(demo, "to_trinh", 1)
    drafts.set_classification(demo, d, "mat")
    sent = []
    pages = printing.print_document(demo, d, printer="HP-VanThu", copies=2,
                                    spooler=lambda pdf, printer, copies: sent.append((pdf.name, printer, copies)))
    assert sent == [("van-ban.pdf", "HP-VanThu", 2)]
    (entry,) = printing.entries(demo)
    assert (entry["pages"], entry["copies"], entry["printer"]) == (pages, 2, "HP-VanThu")
    assert entry["os_user"] and "mật" in entry["reason"]
    import datetime as dt

    month = dt.datetime.fromisoformat(entry["at"].replace("Z", "+00:00")).astimezone().strftime("%Y-%m")
    assert printing.pages_per_month(demo) == {month: pages * 2}


def test_state_level_award_dossiers_may_be_printed(demo):
    state = next(r for r in nominations.list_for_campaign(demo, 2) if r.award == "Bằng khen của Thủ tướng Chính phủ")
    d = drafts.create(demo, "bao_cao", state.id)
    allowed = printing.permission(demo, d)
    assert allowed.allowed and "cấp Nhà nước" in allowed.reason


def test_cli_draft_and_print(demo_path, tmp_path, capsys):
    out = tmp_path / "to-trinh.pdf"
    assert cli.main(["--db", str(demo_path), "draft", "to-trinh", "1", "--out", str(out)]) == 0
    assert PdfReader(str(out)).pages
    draft_id = int(capsys.readouterr().out.split("Văn bản số ")[1].split()[0])
    assert cli.main(["--db", str(demo_path), "print", str(draft_id)]) == 3
    printed = capsys.readouterr()
    assert printed.out == "" and printed.err.startswith("Lỗi: Không in văn bản này")  # a refusal goes to stderr


def test_demo_leaves_a_complete_finalised_dossier(demo):
    docs = drafts.list_for_campaign(demo, 1)
    assert {d.kind for d in docs} == {"to_trinh", "bien_ban", "bao_cao"}
    assert all(d.finalised and d.pdf_sha256 and d.docx_sha256 for d in docs)
    passed = [r for r in nominations.list_for_campaign(demo, 1) if r.status == "thong_qua"]
    assert len([d for d in docs if d.kind == "bao_cao"]) == len(passed)


def test_a_cleared_date_stays_blank(demo):
    d = editable(demo, "to_trinh", 1)
    drafts.edit(demo, d, header={"date": None})
    import re

    line = next(x for x in drafts.document(demo, d).plain_text().splitlines() if re.search(r", ngày\s", x))
    assert re.fullmatch(r".+, ngày\s+tháng\s+năm\s*", line), line  # blank for the e-office system


def test_the_to_trinh_quotes_the_plan_with_the_body_that_issued_it(demo):
    """"Căn cứ Kế hoạch số … của …" names the plan's issuer, not the unit's governing body."""
    from pathlib import Path

    from desktop.campaigns import campaign as campaigns

    plans = Path(__file__).resolve().parent / "data" / "plans"
    cid, _ = campaigns.import_plan(demo, plans / "cong-van-son-la-sgddt-2018-424-one-line.txt")
    quote = drafts.context_to_trinh(demo, cid)["campaign"]["plan"]
    assert quote.startswith("Công văn số 424/SGDĐT-TĐKT năm 2018 của Sở Giáo dục và Đào tạo tỉnh Sơn La về việc "
                            "hướng dẫn tổng kết")
    cid, _ = campaigns.import_plan(demo, plans / "quyet-dinh-bo-tu-phap-2024-244-chuyen-de-so-tu-phap.txt")
    quote = drafts.context_to_trinh(demo, cid)["campaign"]["plan"]
    assert quote.startswith("Quyết định số 244/QĐ-BTP ngày 29/02/2024 của Bộ Tư pháp về việc ban hành kế hoạch")
    # A campaign typed by hand, without an issuer, still quotes the unit's governing body.
    c = campaigns.get(demo, 1)
    assert c.issuer == ""
    assert f"của {drafts.unit.get(demo).governing_body}" in drafts.context_to_trinh(demo, 1)["campaign"]["plan"]
