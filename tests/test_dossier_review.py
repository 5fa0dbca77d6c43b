"""The drafted dossier read as a Sở reviewer reads it (issue 11): who signs, the facts, nothing left blank.

Every rule is checked on the text of the rendered PDF (pypdf) and DOCX (python-docx), for the demo's
finalised dossier and for campaigns imported from the three real plans in /work/shared/plans
(``campaigns.import_plan``, the app's own import), each given candidates, a council meeting and
a vote the way the clerk would record them.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from docx import Document as open_docx
from pypdf import PdfReader

from desktop.records import achievements as ach
from desktop.campaigns import campaign as campaigns
from desktop.council import meetings, nominations
from desktop.records import people, unit
from desktop.dossier import drafts
from desktop.numbers import NBSP

PLANS = sorted((Path(__file__).resolve().parents[1].parent / "shared" / "plans").glob("*.txt"))
if not PLANS:  # a worktree sits beside /work/shared; the main checkout too
    PLANS = sorted(Path("/work/shared/plans").glob("*.txt"))

PLACEHOLDERS = ("……", "Chưa nhập", "Lưu: VT, …")


# -- reading the rendered files -----------------------------------------------------------------------

def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def docx_text(path: Path) -> str:
    doc = open_docx(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(NBSP, " "))


def rendered(store, draft_id: int, tmp_path: Path) -> dict[str, str]:
    pdf = drafts.render(store, draft_id, tmp_path / f"{draft_id}.pdf")
    docx = drafts.render(store, draft_id, tmp_path / f"{draft_id}.docx")
    return {"pdf": pdf_text(pdf), "docx": docx_text(docx)}


def review(store, draft_id: int, texts: dict[str, str]) -> list[str]:
    """What a reviewer at the Sở would send back about the document's text (empty: nothing)."""
    faults = []
    profile = unit.get(store)
    for kind, text in texts.items():
        plain = flat(text)
        for p in PLACEHOLDERS:
            if p in plain:
                faults.append(f"{kind}: placeholder {p!r}")
        for bad in ("xem xét, xét", "các hình thức khen thưởng"):
            if bad in plain:
                faults.append(f"{kind}: {bad!r}")
        # Award names in full, with the authority.
        if re.search(r"Giám đốc Sở(?! Tư pháp)", plain):
            faults.append(f"{kind}: “Giám đốc Sở” without the Sở's name")
        if re.search(r"Ủy ban nhân dân tỉnh(?! " + re.escape(profile.province) + ")", plain):
            faults.append(f"{kind}: “Ủy ban nhân dân tỉnh” without the province")
        if re.search(r"(?<![-/])UBND(?![-/])", plain):  # "231/KH-UBND" is a symbol, not a name
            faults.append(f"{kind}: abbreviation UBND")
        if re.search(r"Kết quả[^.]*?(\d+(?:,\d+)?) %, vượt chỉ tiêu (\d+(?:,\d+)?) %", plain):
            for got, target in re.findall(r"(\d+(?:,\d+)?) %, vượt chỉ tiêu (\d+(?:,\d+)?) %", plain):
                if float(got.replace(",", ".")) <= float(target.replace(",", ".")):
                    faults.append(f"{kind}: {got} % called above the target {target} %")
    # On the printed page a number never parts from its % or unit, nor a day from its month.
    if re.search(r"\d[ \u00a0]*\n[ \u00a0]*(%|người|hồ sơ|tháng|năm)(?!\w)", texts["pdf"]) or re.search(
            r"(?<!\w)(ngày|tháng|năm)[ \u00a0]*\n[ \u00a0]*\d", texts["pdf"]):
        faults.append("pdf: a number separated from its unit or a date split at a line end")
    # One percentage format, with a no-break space (the DOCX keeps the characters as written).
    if re.search(r"\d ?%", texts["docx"].replace(NBSP + "%", "")):
        faults.append("docx: a percentage without the no-break space")
    return faults


# -- a campaign from a real plan, carried to a held meeting ------------------------------------------------

def _inside(c: campaigns.Campaign) -> dt.date:
    first, last = drafts.period_bounds(c)
    first = first or dt.date(2025, 1, 1)
    last = min(last or first + dt.timedelta(days=300), first + dt.timedelta(days=120))
    return first + (last - first) / 2


def campaign_from_plan(store, path: Path) -> int:
    cid, _ = campaigns.import_plan(store, path)
    c = campaigns.get(store, cid)
    awards = {a.award: a for a in c.awards if a.award}
    wanted = [a for a in ("Giấy khen của Giám đốc Sở", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh") if a in awards]
    assert wanted, f"{path.name}: the plan offers neither award"
    team = next(x for x in people.list_collectives(store) if x.name == "Phòng Nghiệp vụ 2")
    person = next(p for p in people.list_people(store, team.id) if p.id != team.head_person_id)
    day = _inside(c)
    criterion = c.criteria[0] if c.criteria else None
    subjects = [({"collective_id": team.id}, awards[wanted[0]]), ({"person_id": person.id}, awards[wanted[-1]])]
    ids = []
    for subject, award in subjects:
        made = []
        for i, value in enumerate((97.5, 99.25)):
            made.append(ach.add(store, ach.Achievement(
                day + dt.timedelta(days=i), "Xử lý hồ sơ trên môi trường mạng", criterion=criterion.text if criterion
                else "Chuyển đổi số", measure_value=value, measure_unit="%", campaign_id=cid,
                criterion_id=criterion.id if criterion else None, **subject)))
        # One piece of earlier work that the report must not cite as a result of this campaign.
        made.append(ach.add(store, ach.Achievement(
            dt.date(2020, 3, 2), "Thành tích trước phong trào", measure_value=1, measure_unit="lần", **subject)))
        n = nominations.Nomination(cid, award.id, achievement_ids=made, **subject)
        nid = nominations.save(store, n)
        drafts.set_report_texts(store, nid, measures="Xử lý văn bản ngay trong ngày.",
                                effect="Tiết kiệm giấy; kinh nghiệm: phân công rõ người, rõ việc.")
        nominations.set_status(store, nid, "trinh_hop_xet")
        ids.append(nid)
    council = [p for p in people.list_people(store) if "Giám đốc" in p.position or "Trưởng" in p.position][:5]
    m = meetings.Meeting(cid, dt.datetime.combine(day + dt.timedelta(days=5), dt.time(8, 0)), "Họp xét",
                         dt.datetime.combine(day + dt.timedelta(days=5), dt.time(9, 30)), "Phòng họp")
    for i, p in enumerate(council):
        m.members.append(meetings.Member(p.full_name, p.position, "chu_tich" if i == 0 else "uy_vien",
                                         person_id=p.id))
    m.members.append(meetings.Member("Lê Thị Thu Hà", "Chuyên viên", "thu_ky"))
    meetings.add_submitted(store, m)
    for b in m.ballots:
        b.issued = b.returned = b.yes = len(m.council)
    meetings.save(store, m)
    meetings.close(store, m.id)
    return cid


def dossier_ids(store, cid: int) -> list[int]:
    drafts.create(store, "to_trinh", cid)
    m = next(x for x in meetings.list_for_campaign(store, cid) if x.held)
    drafts.create(store, "bien_ban", m.id)
    for r in nominations.list_for_campaign(store, cid):
        if r.status == "thong_qua":
            drafts.create(store, "bao_cao", r.id)
    return [d.id for d in drafts.list_for_campaign(store, cid)]


# -- the rules, on the demo and on the plans ----------------------------------------------------------------

def test_the_demo_dossier_passes_review(demo_store, tmp_path):
    faults = []
    for d in drafts.list_for_campaign(demo_store, 1):
        faults += [f"{drafts.title(demo_store, d)}: {f}" for f in review(demo_store, d.id,
                                                                       rendered(demo_store, d.id, tmp_path))]
    assert faults == []


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_campaigns_of_the_real_plans_pass_review(demo_store, tmp_path, plan):
    cid = campaign_from_plan(demo_store, plan)
    faults = []
    for draft_id in dossier_ids(demo_store, cid):
        d = drafts.get(demo_store, draft_id)
        texts = rendered(demo_store, draft_id, tmp_path)
        faults += [f"{drafts.title(demo_store, d)}: {f}" for f in review(demo_store, draft_id, texts)]
        if d.kind == "bao_cao":
            body = flat(texts["docx"])
            assert "Thành tích trước phong trào" not in body  # earlier work is not a result of this campaign
            assert "Kết quả: bình quân 98,38 % (thấp nhất 97,5 %, cao nhất 99,25 %)" in body
            assert "vượt chỉ tiêu" not in body or "chưa đạt" not in body
    assert faults == []


def test_an_unnumbered_plan_is_a_gap_until_the_clerk_fills_its_number(demo_store):
    khanh_hoa = next(p for p in PLANS if "khanh-hoa" in p.name)
    cid = campaign_from_plan(demo_store, khanh_hoa)
    c = campaigns.get(demo_store, cid)
    assert c.number is None  # the plan's text leaves "Số: /KH-STP" blank
    d = drafts.create(demo_store, "to_trinh", cid)
    gaps = [p for p in drafts.problems(demo_store, d) if "số của văn bản được dẫn" in p.message]
    assert {p.section for p in gaps} >= {"Căn cứ"}
    c.number = "58/KH-STP"
    campaigns.save(demo_store, c)
    drafts.regenerate(demo_store, d, "mo_dau")  # the kept text of a section is recomposed on request
    assert not [p for p in drafts.problems(demo_store, d) if "số của văn bản được dẫn" in p.message]


def test_plans_to_send_the_dossier_to_an_office_are_followed(demo_store):
    khanh_hoa = next(p for p in PLANS if "khanh-hoa" in p.name)
    cid = campaign_from_plan(demo_store, khanh_hoa)
    d = drafts.get(demo_store, drafts.create(demo_store, "to_trinh", cid))
    doc = drafts.document(demo_store, d.id)
    assert doc.recipient_lines() == ["Giám đốc Sở Tư pháp tỉnh Hà Tĩnh (qua Văn phòng Sở)."]
    # The clerk may change it; the edit is a header field of the version.
    drafts.edit(demo_store, d.id, header={"recipients": ["Giám đốc Sở Tư pháp tỉnh Hà Tĩnh"]})
    assert drafts.document(demo_store, d.id).recipient_lines() == ["Giám đốc Sở Tư pháp tỉnh Hà Tĩnh."]


# -- who signs ------------------------------------------------------------------------------------------

def test_a_teams_report_is_signed_by_its_head_and_confirmed_by_the_unit_head(demo_store, tmp_path):
    team = next(r for r in nominations.list_for_campaign(demo_store, 1)
                if r.subject_kind == "collective" and not people.get_collective(
                    demo_store, nominations.get(demo_store, r.id).collective_id).is_unit)
    col = people.get_collective(demo_store, nominations.get(demo_store, team.id).collective_id)
    head = people.get_person(demo_store, col.head_person_id)
    d = drafts.create(demo_store, "bao_cao", team.id)
    doc = drafts.document(demo_store, d)
    superior, own = doc.signature("left"), doc.signature("right")
    assert "CẤP TRÊN TRỰC TIẾP" in superior.title.upper() and superior.name == unit.get(demo_store).head_name
    assert own.title.upper() == "THỦ TRƯỞNG ĐƠN VỊ" and own.name == head.full_name != superior.name
    pdf = flat(rendered(demo_store, d, tmp_path)["pdf"])
    assert head.full_name in pdf and unit.get(demo_store).head_name in pdf
    # A team has no seal of its own: its head signs with the name written out.
    assert own.note == "(Ký, ghi rõ họ và tên)"


def test_the_units_own_report_is_signed_by_the_unit_head_with_the_governing_body_confirming(demo_store):
    r = next(r for r in nominations.list_for_campaign(demo_store, 1) if r.name == unit.get(demo_store).name)
    doc = drafts.document(demo_store, drafts.create(demo_store, "bao_cao", r.id))
    assert doc.signature("right").name == unit.get(demo_store).head_name
    assert doc.signature("left").name == ""  # the governing body's head signs by hand
    text = doc.plain_text()
    assert "Cơ quan chủ quản: Sở Tư pháp tỉnh Hà Tĩnh" in text
    assert f"{people.staff_count(demo_store, 1):02d}\u00a0người" in text and people.staff_count(demo_store, 1) == 25
    assert doc.header.agency_lines()[0] == "SỞ TƯ PHÁP TỈNH HÀ TĨNH"


def test_an_individuals_report_is_signed_by_the_individual_and_confirmed_by_the_unit_head(demo_store):
    r = next(r for r in nominations.list_for_campaign(demo_store, 1) if r.subject_kind == "person")
    p = people.get_person(demo_store, nominations.get(demo_store, r.id).person_id)
    doc = drafts.document(demo_store, drafts.create(demo_store, "bao_cao", r.id))
    assert doc.signature("right").name == p.full_name
    assert doc.signature("left").title.upper() == "THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ"
    assert doc.signature("left").name == unit.get(demo_store).head_name
    text = doc.plain_text()
    for label, value in (("Dân tộc", p.ethnicity), ("Quê quán", p.hometown), ("Nơi thường trú", p.residence),
                         ("Trình độ chuyên môn, nghiệp vụ", p.education),
                         ("Trình độ lý luận chính trị", p.political_theory),
                         ("Đơn vị công tác", people.workplace(demo_store, p.collective_id))):
        assert value and f"{label}: {value}" in text
    assert people.workplace(demo_store, p.collective_id).endswith(", Trung tâm Trợ giúp pháp lý nhà nước tỉnh Hà Tĩnh")


def test_drafting_says_which_head_is_missing(demo_store):
    from desktop.errors import UserError

    r = next(r for r in nominations.list_for_campaign(demo_store, 1)
             if r.subject_kind == "collective" and r.name != unit.get(demo_store).name)
    col = people.get_collective(demo_store, nominations.get(demo_store, r.id).collective_id)
    d = drafts.find(demo_store, "bao_cao", r.id)
    with demo_store.transaction() as conn:
        conn.execute("DELETE FROM draft WHERE id = ?", (d.id,))
    col.head_person_id = None
    people.update_collective(demo_store, col)
    with pytest.raises(UserError, match=f"Tập thể “{re.escape(col.name)}” chưa có người đứng đầu"):
        drafts.create(demo_store, "bao_cao", r.id)


# -- the Tờ trình and the Biên bản ---------------------------------------------------------------------------

def test_one_to_trinh_per_approving_authority(demo_store):
    items = drafts.list_for_campaign(demo_store, 1)
    tts = [d for d in items if d.kind == "to_trinh"]
    assert sorted(d.authority for d in tts) == ["chu_tich_ubnd_tinh", "giam_doc_so"]
    so = drafts.document(demo_store, next(d.id for d in tts if d.authority == "giam_doc_so")).plain_text()
    tinh = drafts.document(demo_store, next(d.id for d in tts if d.authority != "giam_doc_so")).plain_text()
    assert "Bằng khen" not in so and "Giấy khen" not in tinh
    assert "kính đề nghị Giám đốc Sở Tư pháp tỉnh Hà Tĩnh xem xét, tặng Giấy khen của Giám đốc Sở Tư pháp" in so
    assert ("kính đề nghị Giám đốc Sở Tư pháp tỉnh Hà Tĩnh xem xét, trình Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh "
            "tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh") in tinh
    unit_name = unit.get(demo_store).name
    doc = drafts.document(demo_store, next(d.id for d in tts if d.authority == "giam_doc_so"))
    table = next(b for s in doc.sections for b in s.blocks if hasattr(b, "rows"))
    assert table.rows[0][:2] == ("I", "Tập thể")
    own = next(row for row in table.rows if row[1] == unit_name)
    assert own[2] == ""  # the unit is not its own "đơn vị công tác"


def test_biên_bản_records_the_meeting_as_it_was(demo_store):
    m = meetings.list_for_campaign(demo_store, 1)[0]
    text = drafts.document(demo_store, drafts.create(demo_store, "bien_ban", m.id)).plain_text()
    guest = m.guests[0]
    assert "Khách mời dự họp:" in text and guest.name in text
    absent = next(x for x in m.council if not x.present)
    assert f"“{absent.written_opinion}”" in text  # in its own words
    candidates = {nominations.get(demo_store, b.nomination_id).person_id for b in m.ballots}
    conflicted = [x for x in m.council if x.person_id in candidates]
    assert conflicted and all(f"{x.name}, " in text for x in conflicted)
    assert "đồng thời là người được đề nghị khen thưởng: " + ", ".join(x.name for x in conflicted) in text
    assert "mức phải đạt: trên 50\u00a0% tổng số thành viên Hội đồng (theo " in text
    assert "từ 50" not in text
    assert "a) Đề nghị Giấy khen của Giám đốc Sở Tư pháp tỉnh Hà Tĩnh cho " in text
    assert "b) Đề nghị Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh cho " in text
    assert re.search(r"\d\d,\d\d\u00a0%", text)


def test_no_meeting_no_to_trinh_or_biên_bản(demo_store):
    from desktop.errors import UserError

    with pytest.raises(UserError, match="chưa họp xét"):
        drafts.create(demo_store, "to_trinh", 2)
    m = meetings.Meeting(2, dt.datetime(2025, 6, 1, 8, 0), "Họp", place="Phòng họp")
    m.members.append(meetings.Member("Trần Đình Hùng", "Giám đốc", "chu_tich"))
    meetings.save(demo_store, m)
    with pytest.raises(UserError, match="chưa kết thúc"):
        drafts.create(demo_store, "bien_ban", m.id)


# -- nothing left blank ---------------------------------------------------------------------------------------

def test_placeholders_are_problems_and_finalise_refuses_them(demo_store):
    from desktop.dossier import build as dossier
    from desktop.errors import UserError

    d = drafts.find(demo_store, "to_trinh", 1)
    drafts.reopen(demo_store, d.id)
    assert drafts.problems(demo_store, d.id) == []
    drafts.edit(demo_store, d.id, header={"number": ""},
                sections={"mo_dau": "Thực hiện Kế hoạch số ……, đơn vị đã triển khai."})
    found = drafts.problems(demo_store, d.id)
    assert [(p.section, p.message.split(":")[0]) for p in found] == [
        ("Số, ký hiệu", "chưa có số văn bản"), ("Mở đầu", "còn chỗ trống chưa điền")]
    with pytest.raises(UserError, match="Số, ký hiệu"):
        drafts.finalise(demo_store, d.id)
    assert not drafts.get(demo_store, d.id).finalised
    # The Gửi hồ sơ checklist says the same, document by document.
    listed = dossier.problems(demo_store, 1)
    assert any("Số, ký hiệu" in p for p in listed) and any("Mở đầu" in p for p in listed)


def test_a_missing_abbreviation_leaves_the_luu_line_open(demo_store):
    profile = unit.get(demo_store)
    profile.abbreviation = ""
    unit.save(demo_store, profile)
    d = drafts.find(demo_store, "to_trinh", 1)
    drafts.reopen(demo_store, d.id)
    assert any(p.section == "Nơi nhận" for p in drafts.problems(demo_store, d.id))


def test_cli_draft_check_lists_problems_with_their_section(demo_path, capsys):
    from desktop.commands import main as cli
    from desktop.store import Store

    with Store(demo_path) as store:
        d = drafts.find(store, "to_trinh", 1)
    assert cli.main(["--db", str(demo_path), "draft", "check", str(d.id)]) == 0
    assert "không còn chỗ trống" in capsys.readouterr().out
    with Store(demo_path) as store:
        drafts.reopen(store, d.id)
        drafts.edit(store, d.id, header={"number": ""})
    assert cli.main(["--db", str(demo_path), "draft", "check", str(d.id)]) == 1
    out = capsys.readouterr().out
    assert "còn 1 chỗ cần điền" in out and "[Số, ký hiệu]" in out


def test_no_break_spaces_in_the_rendered_word_file(demo_store, tmp_path):
    m = meetings.list_for_campaign(demo_store, 1)[0]
    text = rendered(demo_store, drafts.create(demo_store, "bien_ban", m.id), tmp_path)["docx"]
    assert re.search(r"\d\d,\d\d\u00a0%", text)                       # 85,71 %
    assert re.search(r"ngày\u00a0\d\d\u00a0tháng\u00a0\d+\u00a0năm\u00a0\d{4}", text)
    assert re.search(r"\d\d\u00a0người", text)


# -- the forms of each decree -------------------------------------------------------------------------------

def test_nd91_mau07_and_nd152_mau08_draft_different_documents(demo_store):
    from desktop.dossier.documents.compose import compose
    from desktop.dossier.documents.forms import list_forms

    r = next(r for r in nominations.list_for_campaign(demo_store, 1) if r.subject_kind == "person")
    ctx = drafts.context_bao_cao(demo_store, r.id)
    forms = {f.path.stem: f for f in list_forms()}
    new = compose(forms["nd152-2025-mau08-bao-cao-ca-nhan"], ctx)
    old = compose(forms["nd91-2017-mau07-bao-cao-ca-nhan"], ctx)
    assert [s.heading for s in new.sections] == ["I. THÔNG TIN CHUNG", "II. THÀNH TÍCH ĐẠT ĐƯỢC",
                                                 "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"]
    assert [s.heading for s in old.sections] == ["I. SƠ LƯỢC LÝ LỊCH, ĐẶC ĐIỂM, TÌNH HÌNH", "II. THÀNH TÍCH ĐẠT ĐƯỢC"]
    assert new.signature("bottom") is not None and old.signature("bottom") is None
    assert "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG" in new.plain_text()
    assert "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG" not in old.plain_text()
    assert "(Theo đợt thi đua hoặc chuyên đề:" in old.plain_text()
    team = next(r for r in nominations.list_for_campaign(demo_store, 1) if r.subject_kind == "collective")
    ctx = drafts.context_bao_cao(demo_store, team.id)
    assert ([s.heading for s in compose(forms["nd91-2017-mau07-bao-cao-tap-the"], ctx).sections]
            != [s.heading for s in compose(forms["nd152-2025-mau08-bao-cao-tap-the"], ctx).sections])


def test_a_plan_citing_mau07_of_nd91_drafts_with_it(demo_store, tmp_path):
    c = campaigns.get(demo_store, 1)
    for doc in c.documents:
        if "Báo cáo" in doc.name:
            doc.form, doc.decree = "07", "91/2017/NĐ-CP"
    campaigns.save(demo_store, c)
    r = next(r for r in nominations.list_for_campaign(demo_store, 1) if r.subject_kind == "person")
    old = drafts.find(demo_store, "bao_cao", r.id)
    with demo_store.transaction() as conn:
        conn.execute("DELETE FROM draft WHERE id = ?", (old.id,))
    d = drafts.create(demo_store, "bao_cao", r.id)
    assert drafts.get(demo_store, d).form == "nd91-2017-mau07-bao-cao-ca-nhan"
    texts = rendered(demo_store, d, tmp_path)
    for text in texts.values():
        body = flat(text)
        assert "SƠ LƯỢC LÝ LỊCH, ĐẶC ĐIỂM, TÌNH HÌNH" in body and "III. CÁC HÌNH THỨC" not in body
        assert "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG" not in body


def test_header_agency_name_breaks_between_words_in_balanced_lines(demo_store, tmp_path):
    d = drafts.find(demo_store, "to_trinh", 1)
    lines = [x.strip() for x in pdf_text(drafts.render(demo_store, d.id, tmp_path / "tt.pdf")).splitlines()]
    name = unit.get(demo_store).name.upper()
    start = next(i for i, x in enumerate(lines) if x and name.startswith(x))
    taken, joined = [], ""
    while joined != name:
        taken.append(lines[start + len(taken)])
        joined = " ".join(taken)
        assert name.startswith(joined), taken  # every break falls between two words
    assert len(taken) == 2 and max(map(len, taken)) <= 1.25 * min(map(len, taken))


def test_a_meeting_that_passed_nobody_gives_no_to_trinh_or_biên_bản(demo_store):
    from desktop.errors import UserError

    m = meetings.Meeting(2, dt.datetime(2025, 6, 20, 8, 0), "Họp xét", dt.datetime(2025, 6, 20, 9, 0), "Phòng họp")
    m.members = [meetings.Member("Trần Đình Hùng", "Giám đốc", "chu_tich"),
                 meetings.Member("Lê Thị Thu Hà", "Chuyên viên", "thu_ky"),
                 meetings.Member("Nguyễn Thị Lan Anh", "Phó Giám đốc", "uy_vien")]
    meetings.add_submitted(demo_store, m)
    for b in m.ballots:
        b.issued = b.returned = b.no = 3
    meetings.save(demo_store, m)
    meetings.close(demo_store, m.id)
    for kind, target in (("to_trinh", 2), ("bien_ban", m.id)):
        with pytest.raises(UserError, match="Chưa có tập thể, cá nhân nào được Hội đồng thông qua"):
            drafts.create(demo_store, kind, target)
    # Nothing of the dossier was drafted (the demo's sơ kết report is the campaign's own, not the dossier's).
    assert [d for d in drafts.list_for_campaign(demo_store, 2) if d.kind not in drafts.CAMPAIGN_KINDS] == []


def test_award_names_in_full_and_who_decides_them():
    from desktop import catalog

    so, tinh = "Sở Tư pháp tỉnh Hà Tĩnh", "Hà Tĩnh"
    assert catalog.full_name("Giấy khen của Giám đốc Sở", governing_body=so, province=tinh) == \
        "Giấy khen của Giám đốc Sở Tư pháp tỉnh Hà Tĩnh"
    assert catalog.full_name("Bằng khen của Chủ tịch UBND tỉnh", governing_body=so, province=tinh) == \
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh"
    assert catalog.full_name("Chiến sĩ thi đua cơ sở", governing_body=so, province=tinh) == "Chiến sĩ thi đua cơ sở"
    assert [drafts.authority_of(a) for a in ("Giấy khen của Giám đốc Sở", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
                                             "Bằng khen của Thủ tướng Chính phủ", "Huân chương Lao động",
                                             "Tập thể lao động xuất sắc")] == [
        "giam_doc_so", "chu_tich_ubnd_tinh", "thu_tuong", "chu_tich_nuoc", "chu_tich_ubnd_tinh"]
