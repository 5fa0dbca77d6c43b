"""Outcomes of sent nominations and prize money, on dated data."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.records import achievements as ach
from desktop.records import blobs, people
from desktop.commands import main as cli
from desktop import clock
from desktop.council import outcomes, prizes
from desktop.campaigns import campaign as cm
from desktop.council import nominations as nm
from desktop.errors import UserError, ValidationError

DECIDED = dt.date(2026, 1, 20)


@pytest.fixture
def sent(store):
    """A 2025 campaign with one person's Giấy khen and one team's Tập thể lao động tiên tiến, both sent."""
    clock.set_now(dt.date(2026, 2, 1))
    c = cm.Campaign(
        title="Ngày không giấy", number="142/KH-STP", symbol="KH-STP", doc_date="2025-01-15",
        period_start="2025-01-15", period_end="2025-12-15", deadline="2025-12-05",
        awards=[cm.CampaignAward("Giấy khen của Giám đốc Sở", "Giấy khen", 1, 1),
                cm.CampaignAward("Tập thể lao động tiên tiến", "TTLĐTT", 1, None)])
    cm.save(store, c)
    team = people.add_collective(store, people.Collective("Phòng Nghiệp vụ 1"))
    pid = people.add_person(store, people.Person("Nguyễn Thị Lan", collective_id=team))
    people.set_rating(store, pid, 2025, "xuat_sac")
    a1 = ach.add(store, ach.Achievement(dt.date(2025, 6, 1), "Số hóa hồ sơ", person_id=pid, campaign_id=c.id))
    a2 = ach.add(store, ach.Achievement(dt.date(2025, 6, 2), "Tập thể", collective_id=team, campaign_id=c.id))
    person_nom = nm.save(store, nm.Nomination(c.id, c.awards[0].id, person_id=pid, achievement_ids=[a1]))
    team_nom = nm.save(store, nm.Nomination(c.id, c.awards[1].id, collective_id=team, achievement_ids=[a2]))
    for nid in (person_nom, team_nom):
        nm.set_status(store, nid, "da_gui")
    return {"c": c, "person": pid, "team": team, "pn": person_nom, "tn": team_nom}


def pdf(tmp_path, text="Quyết định 123/QĐ-STP"):
    path = tmp_path / "qd-123.pdf"
    path.write_bytes(b"%PDF-1.4\n% " + text.encode() + b"\n%%EOF\n")
    return path


def test_an_approved_outcome_becomes_an_award_in_the_persons_history(store, sent, tmp_path):
    o = outcomes.record(store, sent["pn"], result="dat", decision_number="123/QĐ-STP", decision_date="20/01/2026",
                        issuer="Giám đốc Sở Tư pháp", file=pdf(tmp_path))
    assert o.approved and o.award == "Giấy khen của Giám đốc Sở"
    assert o.decision_text() == "Quyết định số 123/QĐ-STP ngày 20/01/2026 của Giám đốc Sở Tư pháp"
    [award] = people.prior_awards(store, person_id=sent["person"])
    # A 2025 campaign decided in January 2026 is an award of 2025.
    assert (award.award, award.year, award.decision_number, award.decision_date, award.issuer) == (
        "Giấy khen của Giám đốc Sở", 2025, "123/QĐ-STP", DECIDED, "Giám đốc Sở Tư pháp")
    assert award.id == o.prior_award_id
    assert blobs.read_bytes(store, o.file_sha256).startswith(b"%PDF-")
    assert o.file_name == "qd-123.pdf"


def test_the_award_as_decided_may_differ_from_the_proposal(store, sent):
    o = outcomes.record(store, sent["pn"], result="dat", decision_number="45/QĐ-UBND", decision_date=DECIDED,
                        award="Bằng khen của Chủ tịch UBND tỉnh")
    assert o.award == "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
    assert [a.award for a in people.prior_awards(store, person_id=sent["person"])] == [o.award]


def test_a_collective_receives_its_award(store, sent):
    outcomes.record(store, sent["tn"], result="dat", decision_number="9/QĐ-STP", decision_date=DECIDED)
    assert [a.award for a in people.prior_awards(store, collective_id=sent["team"])] == ["Tập thể lao động tiên tiến"]


def test_a_refusal_adds_no_award(store, sent):
    o = outcomes.record(store, sent["pn"], result="khong-dat", decision_number="123/QĐ-STP", decision_date=DECIDED)
    assert not o.approved and o.award is None and o.prior_award_id is None
    assert people.prior_awards(store, person_id=sent["person"]) == []
    assert outcomes.prize_for(store, sent["pn"]) is None


def test_recording_again_replaces_the_award_and_keeps_the_file(store, sent, tmp_path):
    first = outcomes.record(store, sent["pn"], result="dat", decision_number="1/QĐ-STP", decision_date=DECIDED,
                            file=pdf(tmp_path))
    second = outcomes.record(store, sent["pn"], result="dat", decision_number="2/QĐ-STP", decision_date=DECIDED)
    assert second.file_sha256 == first.file_sha256
    assert [a.decision_number for a in people.prior_awards(store, person_id=sent["person"])] == ["2/QĐ-STP"]
    outcomes.record(store, sent["pn"], result="khong_dat", decision_number="2/QĐ-STP", decision_date=DECIDED)
    assert people.prior_awards(store, person_id=sent["person"]) == []


def test_clearing_an_outcome_removes_its_award_and_file(store, sent, tmp_path):
    o = outcomes.record(store, sent["pn"], result="dat", decision_number="1/QĐ-STP", decision_date=DECIDED,
                        file=pdf(tmp_path))
    outcomes.clear(store, sent["pn"])
    assert outcomes.get(store, sent["pn"]) is None
    assert people.prior_awards(store, person_id=sent["person"]) == []
    assert store.scalar("SELECT count(*) FROM blob WHERE sha256 = ?", (o.file_sha256,)) == 0


@pytest.mark.parametrize("over, field", [
    ({"decision_number": " "}, "decision_number"),
    ({"decision_date": "31/02/2026"}, "decision_date"),
    ({"decision_date": "01/03/2026"}, "decision_date"),   # after the clock's today (01/02/2026)
    ({"result": "co-le"}, "result"),
    ({"award": "Tập thể lao động xuất sắc"}, "award"),    # a collective's title for a person
    ({"award": "Huy hiệu không có"}, "award"),
])
def test_bad_outcomes_are_refused_field_by_field(store, sent, over, field):
    args = {"result": "dat", "decision_number": "1/QĐ-STP", "decision_date": DECIDED} | over
    with pytest.raises(ValidationError) as exc:
        outcomes.record(store, sent["pn"], **args)
    assert field in exc.value.fields
    assert people.prior_awards(store, person_id=sent["person"]) == []


def test_only_a_non_pdf_file_is_refused(store, sent, tmp_path):
    bad = tmp_path / "qd.docx"
    bad.write_bytes(b"PK\x03\x04 not a pdf")
    with pytest.raises(ValidationError) as exc:
        outcomes.record(store, sent["pn"], result="dat", decision_number="1/QĐ-STP", decision_date=DECIDED, file=bad)
    assert "file" in exc.value.fields


def test_only_a_sent_nomination_gets_an_outcome(store, sent):
    nm.set_status(store, sent["pn"], "thong_qua")
    with pytest.raises(UserError, match="đã gửi"):
        outcomes.record(store, sent["pn"], result="dat", decision_number="1/QĐ-STP", decision_date=DECIDED)


def test_the_award_counts_in_later_conditions_and_reports(store, sent):
    """Later reports list prior awards from the same table the outcome wrote to."""
    outcomes.record(store, sent["pn"], result="dat", decision_number="123/QĐ-STP", decision_date=DECIDED)
    detail = people.person_detail(store, sent["person"])
    assert [(a.award, a.year) for a in detail.awards] == [("Giấy khen của Giám đốc Sở", 2025)]


# -- prize money --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("on, base", [
    (dt.date(2024, 6, 30), 1_800_000), (dt.date(2024, 7, 1), 2_340_000), (dt.date(2023, 7, 1), 1_800_000),
    (dt.date(2023, 6, 30), 1_490_000), (dt.date(2026, 1, 20), 2_340_000)])
def test_the_base_salary_in_force_on_the_decision_date(on, base):
    assert prizes.load().base_salary(on).amount == base


def test_no_base_salary_before_the_first_known_value():
    assert prizes.load().base_salary(dt.date(2019, 6, 30)) is None
    assert prizes.prize("Lao động tiên tiến", "person", dt.date(2019, 6, 30)) is None


@pytest.mark.parametrize("award, kind, on, amount", [
    ("Lao động tiên tiến", "person", dt.date(2025, 1, 10), 702_000),
    ("Chiến sĩ thi đua cơ sở", "person", dt.date(2025, 1, 10), 2_340_000),
    ("Chiến sĩ thi đua cơ sở", "person", dt.date(2024, 1, 10), 1_800_000),
    ("Tập thể lao động tiên tiến", "collective", dt.date(2025, 1, 10), 1_872_000),
    ("Tập thể lao động xuất sắc", "collective", dt.date(2025, 1, 10), 3_510_000),
    ("Giấy khen", "collective", dt.date(2025, 1, 10), 1_404_000),
    ("Cờ thi đua của Chính phủ", "collective", dt.date(2025, 1, 10), 28_080_000),
    ("Chiến sĩ thi đua toàn quốc", "person", dt.date(2025, 1, 10), 10_530_000),
])
def test_prize_is_the_multiple_of_the_base_salary(award, kind, on, amount):
    p = prizes.prize(award, kind, on)
    assert p.amount == amount and p.source


def test_an_award_without_a_multiple_for_that_subject_has_no_prize():
    assert prizes.prize("Lao động tiên tiến", "collective", dt.date(2025, 1, 10)) is None
    assert prizes.prize("Huân chương Lao động", "person", dt.date(2025, 1, 10)) is None


def test_money_prints_the_vietnamese_way():
    assert prizes.format_vnd(1_234_000) == "1.234.000 đ"
    assert prizes.format_vnd(702_000) == "702.000 đ"
    assert prizes.format_vnd(0) == "0 đ"
    assert prizes.format_vnd(None) == ""
    p = prizes.prize("Lao động tiên tiến", "person", dt.date(2025, 1, 10))
    assert p.explain() == "0,3 × 2.340.000 đ = 702.000 đ"


def test_every_multiple_names_a_catalog_award_and_a_source():
    from desktop import catalog

    table = prizes.load()
    for award in table.multiples:
        assert catalog.load().get(award) is not None, award
        assert table.sources[award], award


def test_prize_of_a_nomination_and_totals_per_year(store, sent):
    # Before the decision: the proposed award at today's base salary.
    assert outcomes.prize_for(store, sent["pn"]).amount == 702_000
    outcomes.record(store, sent["pn"], result="dat", decision_number="1/QĐ-STP", decision_date=DECIDED)
    outcomes.record(store, sent["tn"], result="dat", decision_number="2/QĐ-STP", decision_date=DECIDED)
    people.add_prior_award(store, people.PriorAward("Lao động tiên tiến", 2023, "7/QĐ", dt.date(2024, 1, 5),
                                                    person_id=sent["person"]))
    assert prizes.totals_by_year(store) == {2023: 540_000, 2025: 702_000 + 1_872_000}


# -- the command line ---------------------------------------------------------------------------------------

def test_cli_records_an_outcome_with_its_file(store, sent, tmp_path, capsys):
    code = cli.main(["--db", str(store.path), "nomination", "outcome", str(sent["pn"]), "--result", "dat",
                     "--decision", "123/QĐ-STP", "--date", "20/01/2026", "--by", "Giám đốc Sở Tư pháp",
                     "--file", str(pdf(tmp_path))])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "đạt — Quyết định số 123/QĐ-STP ngày 20/01/2026 của Giám đốc Sở Tư pháp" in out
    assert "Tiền thưởng: 0,3 × 2.340.000 đ = 702.000 đ" in out
    assert "qd-123.pdf" in out
    assert outcomes.get(store, sent["pn"]).approved


def test_cli_refuses_an_unsent_nomination_in_vietnamese(store, sent, capsys):
    nm.set_status(store, sent["pn"], "thong_qua")
    code = cli.main(["--db", str(store.path), "nomination", "outcome", str(sent["pn"]), "--result", "khong-dat",
                     "--decision", "1/QĐ", "--date", "20/01/2026"])
    _out, err = capsys.readouterr()
    assert code == 2 and "chỉ ghi kết quả cho đề nghị đã gửi" in err


# -- ad-hoc awards (khen thưởng đột xuất) -------------------------------------------------------------------

def test_an_ad_hoc_nomination_has_no_campaign_and_its_own_rules(store, sent):
    feat = ach.add(store, ach.Achievement(dt.date(2026, 1, 10), "Cứu người đuối nước", person_id=sent["person"]))
    n = nm.Nomination(None, None, person_id=sent["person"], award="Giấy khen", summary="Dũng cảm cứu người")
    nid = nm.save(store, n)
    got = nm.get(store, nid)
    assert (got.ad_hoc, got.campaign_id, got.campaign_award_id, got.award) == (
        True, None, None, "Giấy khen của Giám đốc Sở")
    failed = {c.code for c in nm.checks(store, got) if not c.ok}
    assert failed == {"achievements"}           # no quota, no deadline, no rating: only the feat is missing
    with pytest.raises(nm.RuleViolation):
        nm.send_ad_hoc(store, nid)
    got.achievement_ids = [feat]
    nm.save(store, got)
    assert all(c.ok for c in nm.checks(store, nm.get(store, nid)))
    nm.send_ad_hoc(store, nid)
    assert [r.id for r in nm.list_ad_hoc(store)] == [nid]
    assert nm.list_ad_hoc(store)[0].status == "da_gui"
    # The campaign's lists do not show it.
    assert nid not in [r.id for r in nm.list_for_campaign(store, sent["c"].id)]
    o = outcomes.record(store, nid, result="dat", decision_number="7/QĐ-STP", decision_date="25/01/2026")
    assert o.award == "Giấy khen của Giám đốc Sở"
    award = next(a for a in people.prior_awards(store, person_id=sent["person"]) if a.decision_number == "7/QĐ-STP")
    assert award.year == 2026     # the feat's year


def test_an_ad_hoc_award_must_be_in_the_catalog_and_fit(store, sent):
    with pytest.raises(ValidationError) as exc:
        nm.save(store, nm.Nomination(None, None, person_id=sent["person"], award="Tập thể lao động xuất sắc"))
    assert "award" in exc.value.fields
    with pytest.raises(ValidationError):
        nm.save(store, nm.Nomination(None, None, collective_id=sent["team"], award="Không có"))
    with pytest.raises(UserError, match="Chỉ đề nghị khen thưởng đột xuất"):
        nm.send_ad_hoc(store, sent["pn"])


def test_cli_ad_hoc_then_send_then_outcome(store, sent, capsys):
    feat = ach.add(store, ach.Achievement(dt.date(2026, 1, 10), "Phát hiện sai phạm", collective_id=sent["team"]))
    db = str(store.path)
    assert cli.main(["--db", db, "nomination", "ad-hoc", "--collective", str(sent["team"]), "--award",
                     "Giấy khen", "--achievement", str(feat)]) == 0
    out = capsys.readouterr().out
    nid = int(out.split("số ", 1)[1].split(":", 1)[0])
    assert "Chưa đạt" not in out
    assert cli.main(["--db", db, "nomination", "send", str(nid)]) == 0
    assert cli.main(["--db", db, "nomination", "outcome", str(nid), "--result", "dat", "--decision", "8/QĐ-STP",
                     "--date", "26/01/2026"]) == 0
    assert "Tiền thưởng: 0,6 × 2.340.000 đ = 1.404.000 đ" in capsys.readouterr().out


def test_drafting_an_ad_hoc_dossier_is_refused_plainly(store, sent):
    from desktop.dossier import drafts

    nid = nm.save(store, nm.Nomination(None, None, person_id=sent["person"], award="Giấy khen"))
    with pytest.raises(UserError, match="khen thưởng đột xuất"):
        drafts.create(store, "bao_cao", nid)


def test_awards_received_count_in_later_nominations(store, sent):
    """An outcome's award shows, with earlier ones, among the conditions of the person's next nomination."""
    outcomes.record(store, sent["pn"], result="dat", decision_number="123/QĐ-STP", decision_date=DECIDED)
    for y in (2024, 2025):
        people.add_prior_award(store, people.PriorAward("Chiến sĩ thi đua cơ sở", y, f"{y}/QĐ", dt.date(y + 1, 1, 10),
                                                        person_id=sent["person"]))
    c = cm.Campaign(title="Thi đua năm 2026", number="5/KH-STP", symbol="KH-STP", doc_date="2026-01-20",
                    period_start="2026-01-01", period_end="2026-12-31", deadline="2026-12-10",
                    awards=[cm.CampaignAward("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Bằng khen", None, None)])
    cm.save(store, c)
    n = nm.Nomination(c.id, c.awards[0].id, person_id=sent["person"])
    history = next(ch for ch in nm.checks(store, n, dt.date(2026, 2, 1)) if ch.code == "history")
    assert history.ok and not history.blocking
    assert history.message == (
        "Khen thưởng đã nhận: 2025 Giấy khen của Giám đốc Sở (123/QĐ-STP); 2025 Chiến sĩ thi đua cơ sở (2025/QĐ); "
        "2024 Chiến sĩ thi đua cơ sở (2024/QĐ). Chiến sĩ thi đua cơ sở liên tục 2 năm đến năm 2025.")
    team = nm.Nomination(sent["c"].id, sent["c"].awards[1].id, collective_id=sent["team"])
    assert next(ch for ch in nm.checks(store, team, dt.date(2025, 11, 1)) if ch.code == "history").message == \
        "Chưa ghi nhận khen thưởng nào trong 3 năm trước năm 2025."
