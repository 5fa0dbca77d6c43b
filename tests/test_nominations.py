"""Nominations and the council meeting: rules with their sources, quorum, ballots over all members."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.records import achievements as ach
from desktop.campaigns import campaign as cm
from desktop.council import meetings as mt
from desktop.council import nominations as nm
from desktop.records import people
from desktop.council import rules
from desktop.errors import UserError, ValidationError

TODAY = dt.date(2025, 11, 20)


@pytest.fixture
def world(store):
    """A campaign with an individual Giấy khen quota of 1, two rated people with achievements, one team."""
    c = cm.Campaign(
        title="Ngày không giấy", number="142/KH-STP", symbol="KH-STP", doc_date="2025-01-15",
        period_start="2025-01-15", period_end="2025-12-15", deadline="2025-12-05",
        awards=[cm.CampaignAward("Giấy khen của Giám đốc Sở", "Giấy khen", 1, 1),
                cm.CampaignAward("Chiến sĩ thi đua cơ sở", "Chiến sĩ thi đua cơ sở", None, None),
                cm.CampaignAward("Cờ thi đua của Ủy ban nhân dân tỉnh", "Cờ thi đua", 1, None)])
    cm.save(store, c)
    team = people.add_collective(store, people.Collective("Phòng Nghiệp vụ 1"))
    ids = {}
    for name, rating in (("Nguyễn Thị Lan", "xuat_sac"), ("Trần Văn Bình", "tot"), ("Lê Văn Cường", "hoan_thanh")):
        pid = people.add_person(store, people.Person(name, collective_id=team))
        people.set_rating(store, pid, 2025, rating)
        ids[name] = pid
    ach_ids = {pid: [ach.add(store, ach.Achievement(dt.date(2025, 6, 1), f"Thành tích {pid}", person_id=pid,
                                                   campaign_id=c.id))] for pid in ids.values()}
    team_ach = ach.add(store, ach.Achievement(dt.date(2025, 6, 2), "Tập thể", collective_id=team, campaign_id=c.id))
    return {"c": c, "team": team, "people": ids, "ach": ach_ids, "team_ach": team_ach}


def nominate(store, w, name, award_index=0, **over) -> int:
    pid = w["people"][name]
    n = nm.Nomination(w["c"].id, w["c"].awards[award_index].id, person_id=pid, achievement_ids=w["ach"][pid])
    for k, v in over.items():
        setattr(n, k, v)
    return nm.save(store, n)


def recognise_initiative(store, pid, year=2025):
    from desktop.council import review

    review.save_initiative(store, review.Initiative("Số hóa sổ thụ lý", year, [pid], decision_number="3/QĐ-HĐSK"))


def failed(store, nid, today=TODAY):
    return {c.code: c for c in nm.checks(store, nm.get(store, nid), today) if not c.ok}


def test_a_sound_nomination_passes_every_rule_and_is_submitted(store, world):
    nid = nominate(store, world, "Nguyễn Thị Lan")
    assert failed(store, nid) == {}
    nm.submit(store, nid, TODAY)
    assert nm.get(store, nid).status == "trinh_hop_xet"


def test_quota_is_enforced_with_its_source(store, world):
    first = nominate(store, world, "Nguyễn Thị Lan")
    second = nominate(store, world, "Trần Văn Bình")
    nm.submit(store, first, TODAY)
    with pytest.raises(nm.RuleViolation) as err:
        nm.submit(store, second, TODAY)
    assert "Vượt chỉ tiêu" in str(err.value) and "Kế hoạch số 142/KH-STP" in str(err.value)
    assert nm.get(store, second).status == "du_kien"
    nm.withdraw(store, first)
    nm.submit(store, second, TODAY)  # the place is free again


def test_award_must_fit_the_subject_kind(store, world):
    n = nm.Nomination(world["c"].id, world["c"].awards[2].id, person_id=world["people"]["Trần Văn Bình"],
                      achievement_ids=world["ach"][world["people"]["Trần Văn Bình"]])
    nid = nm.save(store, n)
    assert "không dành cho cá nhân" in failed(store, nid)["award_subject"].message


def test_rating_requirement_comes_from_the_award_rules(store, world):
    weak = nominate(store, world, "Lê Văn Cường")
    assert "chưa đạt “hoàn thành tốt nhiệm vụ”" in failed(store, weak)["rating"].message
    csd = nominate(store, world, "Trần Văn Bình", award_index=1)
    # Chiến sĩ thi đua cơ sở needs "tốt" and, rated only "tốt", an initiative of the year (Luật Điều 23).
    assert set(failed(store, csd)) == {"route"}
    recognise_initiative(store, world["people"]["Trần Văn Bình"])
    assert failed(store, csd) == {}
    people.set_rating(store, world["people"]["Trần Văn Bình"], 2025, None)
    assert "Chưa có xếp loại năm 2025" in failed(store, csd)["rating"].message


def test_no_achievement_no_submission(store, world):
    nid = nominate(store, world, "Nguyễn Thị Lan", achievement_ids=[])
    assert "Chưa chọn thành tích" in failed(store, nid)["achievements"].message


def test_a_late_submission_needs_a_reason_which_is_kept_and_audited(store, world):
    nid = nominate(store, world, "Nguyễn Thị Lan")
    late = dt.date(2025, 12, 10)
    with pytest.raises(nm.RuleViolation, match="quá hạn"):
        nm.submit(store, nid, late)
    nm.submit(store, nid, late, override_reason="Sở đồng ý gia hạn tại Công văn 12/STP-VP")
    n = nm.get(store, nid)
    assert n.status == "trinh_hop_xet" and n.override_reason.startswith("Sở đồng ý")
    logged = store.query("SELECT new_values FROM audit_log WHERE table_name = 'nomination' AND action = 'update'")
    assert any("Công văn 12/STP-VP" in r["new_values"] for r in logged)


def test_the_same_subject_cannot_be_proposed_twice_for_one_award(store, world):
    nominate(store, world, "Nguyễn Thị Lan")
    with pytest.raises(ValidationError, match="đã được đề nghị"):
        nominate(store, world, "Nguyễn Thị Lan")


def test_list_groups_by_award_and_sorts_people_by_given_name(store, world):
    for name in ("Trần Văn Bình", "Nguyễn Thị Lan"):
        nominate(store, world, name)
    nm.save(store, nm.Nomination(world["c"].id, world["c"].awards[0].id, collective_id=world["team"],
                                 achievement_ids=[world["team_ach"]]))
    rows = nm.list_for_campaign(store, world["c"].id)
    assert [r.name for r in rows] == ["Phòng Nghiệp vụ 1", "Trần Văn Bình", "Nguyễn Thị Lan"]


# -- meetings ----------------------------------------------------------------------------------------

def council(present=(True, True, True, True, False)):
    roles = ["chu_tich", "thu_ky", "uy_vien", "uy_vien", "uy_vien"]
    members = [mt.Member(f"Thành viên {i}", "Ủy viên", roles[i], p,
                         written_opinion="" if p else "Đồng ý với danh sách") for i, p in enumerate(present)]
    return members + [mt.Member("Khách mời", "Phó Giám đốc Sở", "khach", True)]


def test_quorum_counts_members_not_guests():
    m = mt.Meeting(1, dt.datetime(2025, 12, 1, 8), members=council())
    q = mt.quorum(m)
    assert (q.members, q.present, q.required, q.ok) == (5, 4, 4, True)
    m.members[1].present = False
    assert not mt.quorum(m).ok
    assert "không đủ" in mt.quorum(m).text


def test_results_are_yes_votes_over_all_members_against_the_award_threshold():
    rule = rules.load().for_award("Chiến sĩ thi đua cơ sở")
    m = mt.Meeting(1, dt.datetime(2025, 12, 1, 8), members=council())
    b = mt.Ballot(1, 4, 4, 4, 0, 0, rule.ballot, rule.fraction, rule.source)
    r = mt.result(m, b)
    assert (r.share_text, r.passed) == ("80\u00a0%", True)  # 4 of 5 members, not 4 of 4 present
    b.yes, b.no = 3, 1
    assert not mt.result(m, b).passed
    majority = mt.Ballot(1, 4, 4, 3, 1, 0, "more_than", 0.5)
    assert mt.result(m, majority).passed  # 3/5 > 1/2


@pytest.mark.parametrize("counts, message", [
    ((5, 5, 5, 0, 0), "nhiều hơn số thành viên có mặt"),
    ((4, 5, 4, 1, 0), "nhiều hơn số phiếu phát ra"),
    ((4, 4, 2, 1, 0), "phải bằng số phiếu thu về"),
])
def test_impossible_counts_are_refused(counts, message):
    m = mt.Meeting(1, dt.datetime(2025, 12, 1, 8), members=council())
    assert any(message in e for e in mt.ballot_errors(m, mt.Ballot(1, *counts)))


def test_a_whole_meeting_flows_back_to_the_nominations(store, world):
    first = nominate(store, world, "Nguyễn Thị Lan")
    second = nominate(store, world, "Trần Văn Bình", award_index=1)
    recognise_initiative(store, world["people"]["Trần Văn Bình"])
    for nid in (first, second):
        nm.submit(store, nid, TODAY)
    m = mt.Meeting(world["c"].id, dt.datetime(2025, 12, 1, 8), "Họp xét", dt.datetime(2025, 12, 1, 10),
                   members=council())
    added = mt.add_submitted(store, m)
    assert [b.nomination_id for b in added] == [first, second]
    assert (added[1].rule, added[1].fraction) == ("at_least", 0.8)  # taken from the award's rule
    added[0].issued = added[0].returned = added[0].yes = 4
    added[1].issued, added[1].returned, added[1].yes, added[1].no = 4, 4, 3, 1
    with pytest.raises(ValidationError):
        bad = mt.get(store, mt.save(store, m))
        bad.ballots[0].yes = 9
        mt.save(store, bad)
    outcome = mt.close(store, m.id)
    assert outcome[first].passed and not outcome[second].passed
    assert nm.get(store, first).status == "thong_qua"
    assert nm.get(store, second).status == "khong_thong_qua"
    saved = mt.get(store, m.id)
    assert saved.held and saved.ballots[1].rule_source.startswith("Luật TĐKT 2022 Điều 23")
    with pytest.raises(UserError):
        mt.delete(store, m.id)


def test_no_results_without_quorum(store, world):
    nid = nominate(store, world, "Nguyễn Thị Lan")
    nm.submit(store, nid, TODAY)
    m = mt.Meeting(world["c"].id, dt.datetime(2025, 12, 1, 8), members=council((True, True, False, False, False)))
    mt.add_submitted(store, m)
    mt.save(store, m)
    with pytest.raises(UserError, match="không đủ số thành viên"):
        mt.close(store, m.id)
    assert nm.get(store, nid).status == "trinh_hop_xet"


def test_quota_use_counts_nominations_on_the_overview(store, world):
    nominate(store, world, "Nguyễn Thị Lan")
    p = cm.progress(store, world["c"].id, TODAY)
    assert (p.awards[0].used_individual, p.awards[0].award.quota_individual) == (1, 1)


def test_every_rule_in_the_rules_file_names_a_catalog_award():
    from desktop import catalog

    assert all(catalog.load().get(name) for name in rules.load().awards)


def test_demo_has_nominations_and_a_held_meeting(demo_store):
    held = [m for c in cm.list_campaigns(demo_store) for m in mt.list_for_campaign(demo_store, c.id) if m.held]
    assert len(held) == 1 and mt.quorum(held[0]).ok
    statuses = {r.status for c in cm.list_campaigns(demo_store) for r in nm.list_for_campaign(demo_store, c.id)}
    assert {"thong_qua", "trinh_hop_xet"} <= statuses
