"""A campaign's phases as records: their own period, deadline, awards and quotas; nominations belong to one."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.records import achievements as ach
from desktop.campaigns import campaign as cm
from desktop.council import nominations as nm
from desktop.records import people
from desktop.errors import ValidationError
from desktop.campaigns.plans.model import AwardItem, Period, Phase, PlanExtraction

GK = "Giấy khen của Giám đốc Sở"


def phased() -> cm.Campaign:
    """A five-year movement rewarded twice: a sơ kết in 2027 (1 individual) and a tổng kết in 2030 (2)."""
    return cm.Campaign(
        title="Phong trào thi đua chuyển đổi số giai đoạn 2026-2030", number="12/KH-STP", doc_date="2026-02-01",
        period_start="2026-02", period_end="2030-12", deadline="2030-11-30",
        phase_records=[cm.CampaignPhase("Sơ kết giai đoạn 1", "2026-02", "2027-12", "2027-11-15"),
                       cm.CampaignPhase("Tổng kết", "2028-01", "2030-12", "2030-11-30")],
        awards=[cm.CampaignAward(GK, "Giấy khen", None, 1, phase=0),
                cm.CampaignAward(GK, "Giấy khen", None, 2, phase=1)])


@pytest.fixture
def world(store):
    c = phased()
    cm.save(store, c)
    team = people.add_collective(store, people.Collective("Phòng Nghiệp vụ 1"))
    ids = []
    for name in ("Nguyễn Thị Lan", "Trần Văn Bình", "Lê Văn Cường"):
        pid = people.add_person(store, people.Person(name, collective_id=team))
        for year in (2027, 2030):
            people.set_rating(store, pid, year, "xuat_sac")
        ids.append((pid, ach.add(store, ach.Achievement(dt.date(2027, 6, 1), f"Thành tích {name}",
                                                       person_id=pid, campaign_id=c.id))))
    return c, ids


def test_phases_are_stored_with_their_awards_and_reload(store, world):
    c, _ = world
    again = cm.get(store, c.id)
    assert [p.name for p in again.phase_records] == ["Sơ kết giai đoạn 1", "Tổng kết"]
    assert [(a.phase, a.quota_individual) for a in again.awards] == [(0, 1), (1, 2)]
    assert again.awards[0].phase_id == again.phase_records[0].id
    assert [a.quota_individual for a in again.phase_awards(1)] == [2]
    assert again.phase_awards(None) == []


def test_a_removed_phase_takes_its_awards_and_a_moved_award_stays(store, world):
    c, _ = world
    c = cm.get(store, c.id)
    keep = c.awards[0].id
    c.awards[0].phase = None          # the sơ kết's award becomes the whole campaign's
    c.phase_records = c.phase_records[1:]
    c.awards[1].phase = 0
    cm.save(store, c)
    again = cm.get(store, c.id)
    assert [p.name for p in again.phase_records] == ["Tổng kết"]
    assert [(a.id == keep, a.phase) for a in again.awards] == [(True, None), (False, 0)]


def test_phase_validation_names_the_bad_phase(store):
    c = phased()
    c.phase_records[0].period_end = "2025-01"
    c.phase_records[1].name = " "
    c.awards[1].phase = 5
    with pytest.raises(ValidationError) as e:
        cm.save(store, c)
    assert set(e.value.fields) >= {"phases[0]", "phases[1]", "awards[1]"}


def test_quotas_are_counted_per_phase(store, world):
    c, ids = world
    (a, a_ach), (b, b_ach), (d, d_ach) = ids
    so_ket, tong_ket = c.awards
    today = dt.date(2027, 10, 1)
    first = nm.save(store, nm.Nomination(c.id, so_ket.id, person_id=a, achievement_ids=[a_ach]))
    assert nm.get(store, first).phase_id == c.phase_records[0].id   # the award's phase
    nm.submit(store, first, today)
    second = nm.save(store, nm.Nomination(c.id, so_ket.id, person_id=b, achievement_ids=[b_ach]))
    quota = {ch.code: ch for ch in nm.checks(store, nm.get(store, second), today)}["quota"]
    assert not quota.ok and "Sơ kết giai đoạn 1" in quota.message and "tối đa 1" in quota.message
    # The tổng kết has its own quota: the sơ kết's nomination does not use it up, and the same person may
    # be proposed again for the same award there.
    later = dt.date(2030, 10, 1)
    for pid, aid in ((a, a_ach), (b, b_ach)):
        nid = nm.save(store, nm.Nomination(c.id, tong_ket.id, person_id=pid, achievement_ids=[aid]))
        assert nm.get(store, nid).phase_id == c.phase_records[1].id
        nm.submit(store, nid, later)
    third = nm.save(store, nm.Nomination(c.id, tong_ket.id, person_id=d, achievement_ids=[d_ach]))
    quota = {ch.code: ch for ch in nm.checks(store, nm.get(store, third), later)}["quota"]
    assert not quota.ok and "tối đa 2" in quota.message and "Tổng kết" in quota.message


def test_a_phase_award_is_due_at_the_phase_deadline(store, world):
    c, ids = world
    (a, a_ach), *_ = ids
    nid = nm.save(store, nm.Nomination(c.id, c.awards[0].id, person_id=a, achievement_ids=[a_ach]))
    checks = {ch.code: ch for ch in nm.checks(store, nm.get(store, nid), dt.date(2027, 11, 20))}
    assert not checks["deadline"].ok and "15/11/2027" in checks["deadline"].message
    checks = {ch.code: ch for ch in nm.checks(store, nm.get(store, nid), dt.date(2027, 11, 10))}
    assert checks["deadline"].ok


def test_a_nomination_for_a_whole_campaign_award_may_name_a_phase_of_its_own_campaign_only(store, world):
    c, ids = world
    other = cm.Campaign(title="Khác", phase_records=[cm.CampaignPhase("Đợt 1")])
    cm.save(store, other)
    c = cm.get(store, c.id)
    c.awards.append(cm.CampaignAward("Chiến sĩ thi đua cơ sở", "CSTĐCS"))
    cm.save(store, c)
    (a, a_ach), *_ = ids
    with pytest.raises(ValidationError) as e:
        nm.save(store, nm.Nomination(c.id, c.awards[2].id, person_id=a, achievement_ids=[a_ach],
                                     phase_id=other.phase_records[0].id))
    assert "phase" in e.value.fields
    nid = nm.save(store, nm.Nomination(c.id, c.awards[2].id, person_id=a, achievement_ids=[a_ach],
                                       phase_id=c.phase_records[1].id))
    assert nm.get(store, nid).phase_id == c.phase_records[1].id


@pytest.mark.parametrize("today, expected", [
    (dt.date(2026, 5, 1), "Sơ kết giai đoạn 1"), (dt.date(2027, 12, 31), "Sơ kết giai đoạn 1"),
    (dt.date(2029, 3, 1), "Tổng kết"), (dt.date(2031, 3, 1), "Tổng kết")])
def test_the_current_phase(store, world, today, expected):
    c, _ = world
    p = cm.progress(store, c.id, today)
    assert p.phase.name == expected
    assert p.phase_deadline == {"Sơ kết giai đoạn 1": dt.date(2027, 11, 15),
                                "Tổng kết": dt.date(2030, 11, 30)}[expected]


def test_a_campaign_without_phases_has_no_current_phase(store):
    c = cm.Campaign(title="Một đợt", period_start="2026", period_end="2026")
    cm.save(store, c)
    assert cm.progress(store, c.id, dt.date(2026, 3, 1)).phase is None


def _extraction() -> PlanExtraction:
    x = PlanExtraction(title="Phong trào chuyển đổi số", number="12/KH-STP", date="2026-02-01",
                       period=Period("2026-02", "2030-12"), source_text="")
    x.awards = [AwardItem(award=GK, text="Giấy khen"), AwardItem(award="Chiến sĩ thi đua cơ sở", text="CSTĐCS")]
    x.phases = [Phase("Sơ kết", Period("2026", "2027"), "2027-11-15", [AwardItem(award=GK, text="Giấy khen",
                                                                                 individual=1)]),
                Phase("Tổng kết", Period("2028", "2030"), "2030-11-30", [AwardItem(award=GK, text="Giấy khen",
                                                                                   individual=3)])]
    return x


def test_a_plan_with_phases_becomes_phase_records_with_their_own_awards():
    c = cm.from_extraction(_extraction())
    assert [(p.name, p.deadline) for p in c.phase_records] == [("Sơ kết", "2027-11-15"),
                                                                ("Tổng kết", "2030-11-30")]
    # The plan-wide Giấy khen (the union of the phases') is left to the phases; CSTĐCS stays plan-wide.
    assert [(a.award, a.phase, a.quota_individual) for a in c.awards] == [
        ("Chiến sĩ thi đua cơ sở", None, None), (GK, 0, 1), (GK, 1, 3)]


def test_a_meeting_belongs_to_a_phase_of_its_campaign(store, world):
    from desktop.council import meetings as mt

    c, _ = world
    m = mt.Meeting(c.id, dt.datetime(2027, 11, 1, 8), "Họp xét sơ kết", members=[mt.Member("Trần Văn Chủ", role="chu_tich")],
                   phase_id=c.phase_records[0].id)
    mt.save(store, m)
    assert mt.get(store, m.id).phase_id == c.phase_records[0].id
    other = cm.Campaign(title="Khác", phase_records=[cm.CampaignPhase("Đợt 1")])
    cm.save(store, other)
    m.phase_id = other.phase_records[0].id
    with pytest.raises(ValidationError):
        mt.save(store, m)
    assert mt.get(store, m.id).phase_id == c.phase_records[0].id


def test_updating_from_the_plan_keeps_phase_ids_and_a_used_phase(store, tmp_path):
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text("Kế hoạch", encoding="utf-8")
    c = cm.from_extraction(_extraction())
    cm.save(store, c)
    c = cm.get(store, c.id)
    pid = people.add_person(store, people.Person("Nguyễn Thị Lan"))
    a = ach.add(store, ach.Achievement(dt.date(2027, 3, 1), "Số hóa", person_id=pid, campaign_id=c.id))
    so_ket_award = c.awards[1]
    nid = nm.save(store, nm.Nomination(c.id, so_ket_award.id, person_id=pid, achievement_ids=[a]))
    # The plan is read again: the tổng kết now allows 4, and the sơ kết is gone from the text.
    x = _extraction()
    x.phases[1].awards[0].individual = 4
    x.phases = [x.phases[1]]
    cm.update_from_plan(store, c.id, cm.from_extraction(x), plan)
    again = cm.get(store, c.id)
    # The tổng kết keeps its id; the sơ kết stays because a nomination uses its award.
    assert {p.name: p.id for p in again.phase_records} == {p.name: p.id for p in c.phase_records}
    tong_ket = next(a for a in again.awards if a.phase is not None and again.phase_records[a.phase].name == "Tổng kết")
    assert tong_ket.id == c.awards[2].id and tong_ket.quota_individual == 4
    assert nm.get(store, nid).campaign_award_id == so_ket_award.id
    assert again.award_phase(next(a for a in again.awards if a.id == so_ket_award.id)).name == "Sơ kết"


def test_nominations_and_a_meeting_of_one_phase(store, world):
    from desktop.council import meetings

    c, ids = world
    (a, a_ach), (b, b_ach), _ = ids
    so_ket, tong_ket = c.awards
    first = nm.save(store, nm.Nomination(c.id, so_ket.id, person_id=a, achievement_ids=[a_ach]))
    second = nm.save(store, nm.Nomination(c.id, tong_ket.id, person_id=b, achievement_ids=[b_ach]))
    assert [r.id for r in nm.list_for_campaign(store, c.id, c.phase_records[0].id, all_phases=False)] == [first]
    assert [r.id for r in nm.list_for_campaign(store, c.id, c.phase_records[1].id, all_phases=False)] == [second]
    assert nm.list_for_campaign(store, c.id, None, all_phases=False) == []
    assert {r.id for r in nm.list_for_campaign(store, c.id)} == {first, second}
    nm.submit(store, first, dt.date(2027, 10, 1))
    nm.submit(store, second, dt.date(2030, 10, 1))
    m = meetings.Meeting(c.id, dt.datetime(2030, 10, 5, 8, 0), "Họp xét")
    meetings.add_submitted(store, m)
    assert {x.nomination_id for x in m.ballots} == {first, second}     # the whole campaign: both
    meetings.set_phase(store, m, c.phase_records[1].id)
    assert [x.nomination_id for x in m.ballots] == [second]
    meetings.set_phase(store, m, None)
    assert {x.nomination_id for x in m.ballots} == {first, second}
    meetings.set_phase(store, m, c.phase_records[0].id)
    m.members = [meetings.Member("Trần Đình Hùng", "Giám đốc", "chu_tich")]
    meetings.save(store, m)
    again = meetings.get(store, m.id)
    assert again.phase_id == c.phase_records[0].id and [x.nomination_id for x in again.ballots] == [first]
