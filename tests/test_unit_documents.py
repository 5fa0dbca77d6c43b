"""The unit's own documents: the year-end review's Biên bản bình xét (from its council meeting) and the head's
Quyết định, and an ad-hoc award's Tờ trình and Báo cáo thành tích đột xuất, drafted, finalised and read back."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.records import achievements as ach
from desktop import clock
from desktop.dossier import drafts
from desktop.council import meetings, nominations, review
from desktop.records import people
from desktop.records import unit as unit_mod
from desktop.errors import UserError
from review_support import council, hold_review_meeting

YEAR = 2025


def pdf_text(path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)


def docx_text(path) -> str:
    from docx import Document

    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return " ".join(" ".join(x.split()) for x in [p.text for p in doc.paragraphs] + cells)


@pytest.fixture
def unit(store):
    clock.set_now(dt.date(2026, 1, 15))
    unit_mod.save(store, unit_mod.UnitProfile("Trung tâm Trợ giúp pháp lý", "Sở Tư pháp tỉnh Hà Tĩnh", "Hà Tĩnh",
                                              "TTTGPL", "Trần Đình Hùng", "Giám đốc"))
    u = people.add_collective(store, people.Collective("Trung tâm Trợ giúp pháp lý", is_unit=True))
    team = people.add_collective(store, people.Collective("Phòng Nghiệp vụ 1", parent_id=u))
    ids = {"unit": u, "team": team}
    for name, rating in (("Nguyễn Thị Lan", "xuat_sac"), ("Trần Văn Bình", "tot"), ("Lê Văn Cường", "tot")):
        ids[name] = people.add_person(store, people.Person(name, position="Trợ giúp viên pháp lý",
                                                           collective_id=team))
        people.set_rating(store, ids[name], YEAR, rating)
    review.set_collective_rating(store, team, YEAR, "tot")
    review.open_review(store, YEAR)
    return ids


def test_the_review_minutes_are_drafted_from_its_council_meeting(store, unit, tmp_path):
    lan = ("person", unit["Nguyễn Thị Lan"], "Chiến sĩ thi đua cơ sở")
    also = [("person", unit[n], "Lao động tiên tiến") for n in ("Trần Văn Bình", "Lê Văn Cường")]
    also.append(("collective", unit["team"], "Tập thể lao động tiên tiến"))
    # Not yet held: no minutes.
    review.propose(store, YEAR, [("person", unit["Nguyễn Thị Lan"], "Lao động tiên tiến"), lan, *also])
    m = meetings.Meeting(None, dt.datetime(YEAR, 12, 20, 8, 0), "Họp bình xét", review_year=YEAR,
                         members=council(9))
    meetings.add_submitted(store, m)
    meetings.save(store, m)
    with pytest.raises(UserError, match="Cuộc họp chưa kết thúc"):
        drafts.create(store, "bien_ban_binh_xet", m.id)
    meetings.delete(store, m.id)
    m = hold_review_meeting(store, YEAR, {lan: 8}, members=9, also=tuple(also))
    draft_id = drafts.create(store, "bien_ban_binh_xet", m.id)
    assert drafts.create(store, "bien_ban_binh_xet", m.id) == draft_id         # one per meeting
    assert [d.id for d in drafts.list_for_review(store, YEAR)] == [draft_id]
    drafts.edit(store, draft_id, header={"number": "03"})
    drafts.finalise(store, draft_id)
    text = pdf_text(drafts.render(store, draft_id, tmp_path / "bb.pdf"))
    for words in ("BIÊN BẢN", "Số: 03/BB-HĐTĐKT", "bình xét danh hiệu thi đua năm 2025",
                  "Tổng số thành viên Hội đồng: 09 người",
                  "Xếp loại năm 2025: hoàn thành xuất sắc nhiệm vụ.", "88,89",
                  "Đề nghị Thủ trưởng đơn vị công nhận danh hiệu Chiến sĩ thi đua cơ sở cho 01 cá nhân",
                  "Đề nghị Thủ trưởng đơn vị công nhận danh hiệu Lao động tiên tiến cho 03 cá nhân",
                  "Tập thể lao động tiên tiến cho 01 tập thể", "Phòng Nghiệp vụ 1"):
        assert words in text, words
    # The head's decision follows the council by default: every title it passed that the unit awards.
    review.decide(store, YEAR, decision_number="05/QĐ-TTTGPL", decision_date="12/01/2026")
    assert sorted(k[2] for k in review.decided_keys(store, YEAR)) == sorted(
        ["Chiến sĩ thi đua cơ sở"] + ["Lao động tiên tiến"] * 3 + ["Tập thể lao động tiên tiến"])


def test_a_campaign_meeting_has_no_review_minutes(store, unit):
    from desktop.campaigns import campaign as campaigns

    c = campaigns.Campaign(title="Kế hoạch thi đua", kind="Kế hoạch", number="1/KH-STP",
                           awards=[campaigns.CampaignAward("Giấy khen của Giám đốc Sở", "Giấy khen", 1, 1)])
    campaigns.save(store, c)
    mid = meetings.save(store, meetings.Meeting(c.id, dt.datetime(YEAR, 6, 1, 8, 0), "Họp xét", members=council(3)))
    with pytest.raises(UserError, match="biên bản họp xét"):
        drafts.create(store, "bien_ban_binh_xet", mid)
    with pytest.raises(Exception):   # a meeting belongs to a campaign or a review, not both
        meetings.save(store, meetings.Meeting(c.id, dt.datetime(YEAR, 6, 1, 8, 0), "x", review_year=YEAR,
                                              members=council(3)))


def test_the_decision_is_a_numbered_versioned_document(store, unit, tmp_path):
    keys = [("person", unit[n], "Lao động tiên tiến") for n in ("Nguyễn Thị Lan", "Trần Văn Bình")]
    with pytest.raises(UserError, match="chưa quyết định"):
        drafts.create(store, "quyet_dinh", YEAR)
    review.decide(store, YEAR, keys, decision_number="05/QĐ-TTTGPL", decision_date="12/01/2026")
    draft_id = drafts.create(store, "quyet_dinh", YEAR)
    v = drafts.current(store, draft_id)
    assert (v.header["number"], v.header["date"]) == ("05", "2026-01-12")
    drafts.edit(store, draft_id, sections={"quyet_dinh": "**Điều 1.** Công nhận danh hiệu Lao động tiên tiến."})
    assert [x.version for x in drafts.history(store, draft_id)] == [2, 1]
    drafts.restore(store, draft_id, 1)
    drafts.finalise(store, draft_id)
    text = docx_text(drafts.render(store, draft_id, tmp_path / "qd.docx"))
    for words in ("Số: 05/QĐ-TTTGPL", "Về việc công nhận danh hiệu thi đua và tặng Giấy khen năm 2025",
                  "Nguyễn Thị Lan", "Trần Văn Bình", "702.000 đ", "1.404.000 đ", "Trần Đình Hùng"):
        assert words in text, words
    # Finalised, it is no longer edited in place; review.render_decision writes the kept file.
    with pytest.raises(UserError, match="đã hoàn thiện"):
        drafts.edit(store, draft_id, header={"number": "06"})
    out = drafts.render_decision(store, YEAR, tmp_path / "qd.pdf")
    assert "Số: 05/QĐ-TTTGPL" in pdf_text(out)


@pytest.fixture
def feat(store, unit):
    clock.set_now(dt.date(2025, 9, 15))
    aid = ach.add(store, ach.Achievement(dt.date(2025, 8, 12), "Hỗ trợ pháp lý khẩn cấp cho các hộ dân vùng lũ",
                                         person_id=unit["Trần Văn Bình"], measure_value=12, measure_unit="hộ"))
    nid = nominations.save(store, nominations.Nomination(
        None, None, person_id=unit["Trần Văn Bình"], award="Giấy khen của Giám đốc Sở", achievement_ids=[aid],
        summary="Ngày 12/8/2025, ông Trần Văn Bình đã kịp thời hỗ trợ pháp lý cho 12 hộ dân vùng lũ quét."))
    return nid


def test_an_ad_hoc_award_gets_its_own_short_dossier(store, unit, feat, tmp_path):
    assert nominations.get(store, feat).ad_hoc
    to_trinh = drafts.create(store, "to_trinh_dot_xuat", feat)
    report = drafts.create(store, "bao_cao_dot_xuat", feat)
    assert [d.id for d in drafts.list_for_nomination(store, feat)] == [to_trinh, report]
    assert drafts.get(store, report).form == "nd152-2025-mau06-bao-cao-dot-xuat"
    drafts.edit(store, to_trinh, header={"number": "41"})
    drafts.set_report_texts(store, feat, effect="Người dân kịp thời được bảo vệ quyền lợi hợp pháp.")
    drafts.regenerate(store, report, "thanh_tich")
    for draft_id in (to_trinh, report):
        drafts.finalise(store, draft_id)
    text = pdf_text(drafts.render(store, to_trinh, tmp_path / "tt.pdf"))
    for words in ("TỜ TRÌNH", "Số: 41/TTr-TTTGPL",
                  "Về việc đề nghị khen thưởng đột xuất cho 01 cá nhân có thành tích xuất sắc đột xuất",
                  "Kính gửi: Giám đốc Sở Tư pháp tỉnh Hà Tĩnh", "12 hộ dân vùng lũ quét",
                  "tặng Giấy khen của Giám đốc Sở Tư pháp tỉnh Hà Tĩnh", "Trần Văn Bình"):
        assert words in text, words
    text = docx_text(drafts.render(store, report, tmp_path / "bc.docx"))
    for words in ("BÁO CÁO THÀNH TÍCH", "(Về thành tích xuất sắc đột xuất)", "I. SƠ LƯỢC LÝ LỊCH",
                  "Ngày 12/08/2025: Hỗ trợ pháp lý khẩn cấp cho các hộ dân vùng lũ (kết quả: 12 hộ)",
                  "Người dân kịp thời được bảo vệ quyền lợi hợp pháp.", "Trợ giúp viên pháp lý"):
        assert words in text, words


def test_the_ad_hoc_dossier_belongs_to_ad_hoc_nominations(store, unit, feat):
    with pytest.raises(UserError, match="khen thưởng đột xuất"):
        drafts.create(store, "bao_cao", feat)           # a campaign's report
    n = nominations.get(store, feat)
    n.achievement_ids = []
    nominations.save(store, n)
    with pytest.raises(UserError, match="Chưa chọn thành tích đột xuất"):
        drafts.create(store, "to_trinh_dot_xuat", feat)


def test_the_ad_hoc_dossier_from_the_command_line(store, unit, feat, tmp_path, capsys):
    from desktop.commands import main as cli

    out = tmp_path / "bc.pdf"
    assert cli.main(["--db", str(store.path), "draft", "bao-cao-dot-xuat", str(feat), "--out", str(out)]) == 0
    assert "mẫu nd152-2025-mau06-bao-cao-dot-xuat" in capsys.readouterr().out
    assert "BÁO CÁO THÀNH TÍCH" in pdf_text(out)


def test_an_ad_hoc_state_level_dossier_may_be_printed(store, unit, feat):
    from desktop.dossier import printing

    aid = nominations.get(store, feat).achievement_ids[0]
    state = nominations.save(store, nominations.Nomination(
        None, None, person_id=unit["Lê Văn Cường"], award="Bằng khen của Thủ tướng Chính phủ", achievement_ids=[aid]))
    assert printing.permission(store, drafts.create(store, "bao_cao_dot_xuat", state)).allowed
    assert not printing.permission(store, drafts.create(store, "bao_cao_dot_xuat", feat)).allowed


def test_a_review_meeting_agrees_titles_without_a_ballot_and_refuses_a_ballot_title_left_unvoted(store, unit):
    keys = [("person", unit[n], "Lao động tiên tiến") for n in ("Trần Văn Bình", "Lê Văn Cường")]
    review.propose(store, YEAR, keys)
    m = meetings.Meeting(None, dt.datetime(YEAR, 12, 20, 8, 0), "Họp bình xét", review_year=YEAR, members=council(5))
    assert meetings.add_submitted(store, m) == []          # Lao động tiên tiến needs no secret ballot
    m.members[4].present = m.members[3].present = False   # 3 of 5 present: under the 2/3 quorum
    meetings.save(store, m)
    with pytest.raises(UserError, match="không đủ số thành viên"):
        meetings.close(store, m.id)
    m = meetings.get(store, m.id)
    m.members[3].present = True
    meetings.save(store, m)
    assert meetings.close(store, m.id) == {}
    assert {p.key: p.status for p in review.proposals(store, YEAR)} == {k: "thong_qua" for k in keys}
    # A CSTĐCS put to the council whose ballot the clerk took off the meeting cannot pass without it.
    lan = ("person", unit["Nguyễn Thị Lan"], "Chiến sĩ thi đua cơ sở")
    review.propose(store, YEAR, [*keys, ("person", unit["Nguyễn Thị Lan"], "Lao động tiên tiến"), lan])
    m2 = meetings.Meeting(None, dt.datetime(YEAR, 12, 27, 8, 0), "Họp lần 2", review_year=YEAR, members=council(5))
    meetings.save(store, m2)
    with pytest.raises(UserError, match="cần bỏ phiếu kín"):
        meetings.close(store, m2.id)
    assert {p.key: p.status for p in review.proposals(store, YEAR)}[lan] == "trinh_hop_xet"
