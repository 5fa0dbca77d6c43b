"""Award conditions as data: each kind of condition on dated records, groups, and rules by effective date."""
from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from desktop.records import achievements as ach
from desktop.campaigns import campaign as cm
from desktop import catalog
from desktop.council import conditions, review, rules
from desktop.records import people
from desktop.council import nominations as nm

YEAR = 2025
ON = dt.date(2025, 12, 31)


def parse(text: str) -> rules.Rules:
    """Rules written for one test (a [default] council vote and the Luật's date are always there)."""
    head = """
[default]
ballot = "more_than"
fraction = 0.5
source = "Quy chế Hội đồng"

[basis."Luật 06/2022/QH15"]
effective_from = 2024-01-01
"""
    return rules.parse(tomllib.loads(head + text))


def check(store, rule_text: str, kind: str, sid: int, *, year: int = YEAR, on: dt.date = ON, **ctx) -> list:
    """Evaluate the one award of ``rule_text`` for a subject, the way nominations and the review do."""
    data = parse(rule_text)
    facts = conditions.Facts(store, data, on=on)
    context = conditions.Context(facts, kind, sid, year, on, award=data.conditions[0].award, **ctx)
    return conditions.evaluate(data.conditions[0], context)


def one(store, rule_text, kind, sid, **kw):
    (c,) = check(store, rule_text, kind, sid, **kw)
    return c


@pytest.fixture
def team(store):
    team = people.add_collective(store, people.Collective("Phòng Nghiệp vụ 1"))
    ids = {name: people.add_person(store, people.Person(name, collective_id=team))
           for name in ("Nguyễn Thị Lan", "Trần Văn Bình", "Lê Văn Cường")}
    return {"team": team, **ids}


def rate(store, pid, **by_year):
    for year, rating in by_year.items():
        people.set_rating(store, pid, int(year[1:]), rating)


def award(store, pid, title, year, number=""):
    people.add_prior_award(store, people.PriorAward(title, year, number or f"{year % 100}/QĐ-STP", person_id=pid))


# -- rating over consecutive years -------------------------------------------------------------------

TWO_YEARS_EXCELLENT = """
[[award]]
name = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
subject = "ca_nhan"
basis = "Luật 06/2022/QH15"
[[award.condition]]
kind = "rating"
min = "xuat_sac"
years = 2
text = "02 năm liên tục hoàn thành xuất sắc nhiệm vụ"
source = "QĐ 86/2025/QĐ-UBND Điều 3.3 điểm d"
"""


def test_rating_over_two_consecutive_years(store, team):
    lan = team["Nguyễn Thị Lan"]
    rate(store, lan, y2024="xuat_sac", y2025="xuat_sac")
    c = one(store, TWO_YEARS_EXCELLENT, "person", lan)
    assert (c.result, c.ok) == ("met", True)
    assert c.message == "Đạt “hoàn thành xuất sắc nhiệm vụ” 2 năm liên tục (2024–2025)."
    assert c.facts == ("Năm 2024: hoàn thành xuất sắc nhiệm vụ", "Năm 2025: hoàn thành xuất sắc nhiệm vụ")
    assert c.source == "QĐ 86/2025/QĐ-UBND Điều 3.3 điểm d" and c.period == "từ 01/01/2024"


def test_years_that_are_not_consecutive_do_not_count(store, team):
    binh = team["Trần Văn Bình"]
    rate(store, binh, y2023="xuat_sac", y2024="tot", y2025="xuat_sac")
    c = one(store, TWO_YEARS_EXCELLENT, "person", binh)
    assert (c.result, c.ok) == ("not_met", False)
    assert "năm 2024 là “hoàn thành tốt nhiệm vụ”" in c.message
    # The same ratings one year on: 2025 and 2026 are consecutive.
    rate(store, binh, y2026="xuat_sac")
    assert one(store, TWO_YEARS_EXCELLENT, "person", binh, year=2026).result == "met"


def test_a_missing_year_is_unknown_and_stops_the_proposal(store, team):
    cuong = team["Lê Văn Cường"]
    rate(store, cuong, y2025="xuat_sac")
    c = one(store, TWO_YEARS_EXCELLENT, "person", cuong)
    assert (c.result, c.ok) == ("unknown", False)
    assert c.message.startswith("Chưa có xếp loại năm 2024 của cá nhân")


# -- titles held before --------------------------------------------------------------------------------

TWICE_CSTDCS = """
[[award]]
name = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
subject = "ca_nhan"
basis = "Luật 06/2022/QH15"
[[award.condition]]
kind = "title"
title = "Chiến sĩ thi đua cơ sở"
times = 2
consecutive = true
from_year = -2
to_year = 0
text = "Chiến sĩ thi đua cơ sở hai lần liên tục"
source = "QĐ 86/2025/QĐ-UBND Điều 3.3 điểm d"
"""


def test_a_title_held_twice_in_a_row(store, team):
    lan = team["Nguyễn Thị Lan"]
    award(store, lan, "Chiến sĩ thi đua cơ sở", 2023, "12/QĐ-STP")
    award(store, lan, "Chiến sĩ thi đua cơ sở", 2024, "30/QĐ-STP")
    c = one(store, TWICE_CSTDCS, "person", lan)
    assert c.result == "met" and c.message == "Đạt Chiến sĩ thi đua cơ sở 2 lần liên tục (năm 2023, 2024)."
    assert c.facts == ("Năm 2023: Chiến sĩ thi đua cơ sở (12/QĐ-STP)", "Năm 2024: Chiến sĩ thi đua cơ sở (30/QĐ-STP)")


def test_a_title_held_twice_but_not_in_a_row(store, team):
    binh = team["Trần Văn Bình"]
    award(store, binh, "Chiến sĩ thi đua cơ sở", 2023)
    award(store, binh, "Chiến sĩ thi đua cơ sở", 2025)
    c = one(store, TWICE_CSTDCS, "person", binh)
    assert (c.result, c.ok) == ("not_met", False)
    assert c.message == ("Chưa đạt Chiến sĩ thi đua cơ sở 2 lần liên tục trong các năm 2023–2025 "
                         "(đã đạt: năm 2023, 2025).")
    # Two in a row, but before the window (2021, 2022) do not count for 2025 either.
    cuong = team["Lê Văn Cường"]
    for y in (2021, 2022):
        award(store, cuong, "Chiến sĩ thi đua cơ sở", y)
    assert one(store, TWICE_CSTDCS, "person", cuong).result == "not_met"


# -- initiatives ---------------------------------------------------------------------------------------

TWO_INITIATIVES = """
[[award]]
name = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
subject = "ca_nhan"
basis = "Luật 06/2022/QH15"
[[award.condition]]
kind = "initiatives"
count = 2
scope = "co_so"
from_year = -1
to_year = 0
text = "Có 02 sáng kiến được công nhận áp dụng tại cơ sở"
source = "QĐ 86/2025/QĐ-UBND Điều 3.3 điểm d"
"""


def initiative(store, name, year, *authors, scope="co_so"):
    review.save_initiative(store, review.Initiative(name, year, list(authors), scope=scope,
                                                    decision_number=f"{year % 100}/QĐ-HĐSK"))


def test_initiatives_are_counted_in_their_window(store, team):
    lan = team["Nguyễn Thị Lan"]
    initiative(store, "Sổ tay tra cứu", 2024, lan)
    initiative(store, "Mẫu biểu điện tử", 2025, lan, team["Trần Văn Bình"])
    c = one(store, TWO_INITIATIVES, "person", lan)
    assert c.result == "met"
    assert "sáng kiến “Sổ tay tra cứu” (2024, 24/QĐ-HĐSK), “Mẫu biểu điện tử” (2025, 25/QĐ-HĐSK)" in c.message


def test_an_initiative_outside_the_window_does_not_count(store, team):
    binh = team["Trần Văn Bình"]
    initiative(store, "Sổ tay tra cứu", 2023, binh)        # before 2024–2025
    initiative(store, "Mẫu biểu điện tử", 2025, binh)
    c = one(store, TWO_INITIATIVES, "person", binh)
    assert (c.result, c.ok) == ("not_met", False)
    assert c.message == ("Có 1/2 sáng kiến, đề tài được công nhận các năm 2024–2025 (cấp cơ sở trở lên); "
                         "ngoài thời gian xét: “Sổ tay tra cứu” (2023, 23/QĐ-HĐSK).")


def test_an_initiative_below_the_scope_asked_does_not_count(store, team):
    text = TWO_INITIATIVES.replace('count = 2\nscope = "co_so"', 'count = 1\nscope = "bo_tinh"')
    cuong = team["Lê Văn Cường"]
    initiative(store, "Quy trình số", 2025, cuong)
    c = one(store, text, "person", cuong)
    assert c.result == "not_met" and "chưa đủ phạm vi: “Quy trình số” (2025, 25/QĐ-HĐSK) cấp cơ sở" in c.message
    initiative(store, "Phần mềm quản lý vụ việc", 2025, cuong, scope="bo_tinh")
    assert one(store, text, "person", cuong).result == "met"


# -- members of a collective -----------------------------------------------------------------------------

MEMBERS = """
[[award]]
name = "Tập thể lao động xuất sắc"
subject = "tap_the"
basis = "Luật 06/2022/QH15"
source = "Luật TĐKT 2022 Điều 27"
[[award.condition]]
kind = "members_share"
title = "Lao động tiên tiến"
share = 0.7
text = "Từ 70% cá nhân đạt Lao động tiên tiến"
[[award.condition]]
kind = "members_with"
title = "Chiến sĩ thi đua cơ sở"
count = 1
text = "Có cá nhân đạt Chiến sĩ thi đua cơ sở"
"""


def test_exactly_seventy_percent_of_members_is_enough_and_one_less_is_not(store):
    team = people.add_collective(store, people.Collective("Phòng Hành chính"))
    pids = [people.add_person(store, people.Person(f"Người Số {i}", collective_id=team)) for i in range(10)]
    for pid in pids[:7]:
        award(store, pid, "Lao động tiên tiến", YEAR)
    share, with_ = check(store, MEMBERS, "collective", team)
    assert (share.result, share.message) == ("met", "7/10 cá nhân (70\xa0%) đạt Lao động tiên tiến; cần từ 70\xa0%.")
    assert share.source == "Luật TĐKT 2022 Điều 27"
    assert (with_.result, with_.message) == ("not_met", "Chưa có cá nhân nào đạt Chiến sĩ thi đua cơ sở.")
    with store.transaction() as conn:
        conn.execute("DELETE FROM prior_award WHERE person_id = ?", (pids[0],))
    share, _ = check(store, MEMBERS, "collective", team)
    assert (share.result, share.ok) == ("not_met", False) and share.message.startswith("6/10 cá nhân (60\xa0%)")


def test_at_least_n_members_with_a_title(store, team):
    text = MEMBERS.replace("count = 1", "count = 2")
    award(store, team["Nguyễn Thị Lan"], "Chiến sĩ thi đua cơ sở", YEAR)
    _, with_ = check(store, text, "collective", team["team"])
    assert (with_.result, with_.message) == ("not_met", "Chỉ 1 cá nhân đạt Chiến sĩ thi đua cơ sở; cần ít nhất 2.")
    award(store, team["Trần Văn Bình"], "Chiến sĩ thi đua cơ sở", YEAR)
    _, with_ = check(store, text, "collective", team["team"])
    assert (with_.result, with_.message) == ("met", "2 cá nhân đạt Chiến sĩ thi đua cơ sở.")
    # A title of another year is not one of this year.
    award(store, team["Lê Văn Cường"], "Chiến sĩ thi đua cơ sở", YEAR - 1)
    assert check(store, text, "collective", team["team"])[1].message.startswith("2 cá nhân")


def test_members_qualify_by_their_own_conditions_before_any_decision(store, team):
    """Outside a review, a member counts for Lao động tiên tiến when the rules data says they qualify."""
    for name, rating in (("Nguyễn Thị Lan", "xuat_sac"), ("Trần Văn Bình", "tot"), ("Lê Văn Cường", "hoan_thanh")):
        people.set_rating(store, team[name], YEAR, rating)
    data = rules.load()
    entry = data.of_award("Tập thể lao động tiên tiến", "collective")[0]
    ctx = conditions.Context(conditions.Facts(store, on=ON), "collective", team["team"], YEAR, ON,
                             award=entry.award)
    share = next(c for c in conditions.evaluate(entry, ctx) if c.code == "members_share")
    assert share.message.startswith("2/3 cá nhân (66,67\xa0%)") and share.result == "not_met"


# -- groups: Bằng khen của Chủ tịch UBND tỉnh, cá nhân (legal.md C.4), from the app's rules ----------------

def bang_khen_route(store, pid, year=YEAR):
    entry = rules.load().of_award("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "person")[0]
    ctx = conditions.Context(conditions.Facts(store, on=ON), "person", pid, year, ON, award=entry.award)
    route = next(c for c in conditions.evaluate(entry, ctx) if c.code == "route")
    return route, route.children[3]      # d) hai lần CSTĐCS, hoặc 2 năm xuất sắc và 2 sáng kiến


def test_bang_khen_tinh_d_by_chien_si_thi_dua_co_so_twice(store, team):
    lan = team["Nguyễn Thị Lan"]
    award(store, lan, "Chiến sĩ thi đua cơ sở", 2024)
    award(store, lan, "Chiến sĩ thi đua cơ sở", 2025)
    route, d = bang_khen_route(store, lan)
    assert d.result == "met" and route.result == "met" and route.ok
    assert [c.result for c in d.children] == ["met", "not_met"]


def test_bang_khen_tinh_d_by_two_excellent_years_and_two_initiatives(store, team):
    binh = team["Trần Văn Bình"]
    rate(store, binh, y2024="xuat_sac", y2025="xuat_sac")
    initiative(store, "Sổ tay tra cứu", 2024, binh)
    route, d = bang_khen_route(store, binh)
    both = d.children[1]
    assert [c.result for c in both.children] == ["met", "not_met"]     # all of: one initiative is not two
    assert (both.result, d.result) == ("not_met", "not_met")
    # Without d) the route is still open: a), b), c), đ) are for the council to judge (unknown, not blocking).
    assert (route.result, route.ok) == ("unknown", True)
    initiative(store, "Mẫu biểu điện tử", 2025, binh)
    route, d = bang_khen_route(store, binh)
    assert (d.children[1].result, d.result, route.result) == ("met", "met", "met")


# -- the ballot --------------------------------------------------------------------------------------------

def test_the_ballot_waits_for_the_meeting_in_a_nomination_and_stops_the_review(store, team):
    entry = rules.load().of_award("Chiến sĩ thi đua cơ sở", "person")[0]
    lan = team["Nguyễn Thị Lan"]
    waiting = conditions.Context(conditions.Facts(store, on=ON), "person", lan, YEAR, ON, award=entry.award)
    b = next(c for c in conditions.evaluate(entry, waiting) if c.code == "ballot")
    assert (b.result, b.ok) == ("unknown", True) and "khi họp xét" in b.message
    votes = {("person", lan, entry.award): (8, 10)}
    reviewed = conditions.Context(conditions.Facts(store, ballots=votes, on=ON), "person", lan, YEAR, ON,
                                  award=entry.award, ballot_required=True)
    b = next(c for c in conditions.evaluate(entry, reviewed) if c.code == "ballot")
    assert (b.result, b.message) == ("met", "Phiếu đồng ý 8/10 thành viên Hội đồng (80\xa0%), đạt tỷ lệ từ 80\xa0% trở lên.")
    missing = conditions.Context(conditions.Facts(store, ballots={}, on=ON), "person", lan, YEAR, ON,
                                 award=entry.award, ballot_required=True)
    b = next(c for c in conditions.evaluate(entry, missing) if c.code == "ballot")
    assert (b.result, b.ok) == ("unknown", False)


# -- rules by effective date -------------------------------------------------------------------------------

def test_the_ballot_rule_follows_the_decree_in_force():
    data = rules.load()
    before = data.for_award("Chiến sĩ thi đua cơ sở", dt.date(2025, 6, 30))
    after = data.for_award("Chiến sĩ thi đua cơ sở", dt.date(2025, 7, 1))
    assert "NĐ 98/2023/NĐ-CP Điều 30 khoản 7" in before.source and "NĐ 152/2025/NĐ-CP" in after.source
    entry = data.of_award("Chiến sĩ thi đua cơ sở", "person")[0]
    ballots = [c for c in entry.in_force(dt.date(2025, 7, 1)) if c.kind == "ballot"]
    assert len(ballots) == 1 and "[unverified]" in ballots[0].note


CHANGED = """
[basis."Quy định mới"]
effective_from = 2025-07-01

[[award]]
name = "Giấy khen của Giám đốc Sở"
subject = "ca_nhan"
basis = "Luật 06/2022/QH15"
[[award.condition]]
kind = "rating"
min = "tot"
effective_to = 2025-06-30
text = "Hoàn thành tốt nhiệm vụ"
source = "Quy định cũ"
[[award.condition]]
kind = "rating"
min = "xuat_sac"
basis = "Quy định mới"
text = "Hoàn thành xuất sắc nhiệm vụ"
source = "Quy định mới Điều 1"
"""


def test_a_nomination_dated_before_a_decree_uses_the_older_rules(store, team, monkeypatch):
    """The campaign's deadline dates the nomination: due 15/06/2025, the rules of 01/07/2025 do not apply."""
    from desktop import clock

    clock.set_now(dt.date(2025, 11, 20))
    monkeypatch.setattr(rules, "load", lambda path=None: parse(CHANGED))
    binh = team["Trần Văn Bình"]
    people.set_rating(store, binh, YEAR, "tot")
    made = {}
    for label, deadline in (("early", "2025-06-15"), ("late", "2025-12-05")):
        c = cm.Campaign(title=f"Phong trào {label}", number=f"{len(made) + 1}/KH-STP", symbol="KH-STP",
                        doc_date="2025-01-15", period_start="2025-01-15", period_end="2025-12-15", deadline=deadline,
                        awards=[cm.CampaignAward("Giấy khen của Giám đốc Sở", "Giấy khen", None, None)])
        cm.save(store, c)
        a = ach.add(store, ach.Achievement(dt.date(2025, 3, 1), "Thành tích", person_id=binh, campaign_id=c.id))
        made[label] = nm.save(store, nm.Nomination(c.id, c.awards[0].id, person_id=binh, achievement_ids=[a]))
    early = {c.code: c for c in nm.checks(store, nm.get(store, made["early"]))}
    late = {c.code: c for c in nm.checks(store, nm.get(store, made["late"]))}
    assert (early["rating"].ok, early["rating"].source) == (True, "Quy định cũ")
    assert (late["rating"].ok, late["rating"].source) == (False, "Quy định mới Điều 1")
    assert late["rating"].period == "từ 01/07/2025"


def test_a_date_before_every_rule_uses_the_earliest_and_says_so(store, team):
    people.set_rating(store, team["Nguyễn Thị Lan"], 2023, "tot")
    checks = check(store, CHANGED, "person", team["Nguyễn Thị Lan"], year=2023, on=dt.date(2023, 12, 31))
    assert [c.source for c in checks] == ["Quy định cũ"]
    assert "áp dụng quy định sớm nhất (từ 01/01/2024)" in checks[0].note


# -- the app's rules file ----------------------------------------------------------------------------------

def _walk(conds):
    for c in conds:
        yield c
        yield from _walk(c.of)


def test_every_award_in_the_rules_file_parses_names_a_catalog_award_and_a_source():
    data = rules.load()
    assert len(data.conditions) >= 12
    for entry in data.conditions:
        known = catalog.load().get(entry.award)
        assert known is not None and known.name == entry.award, entry.award
        assert all(known.fits(k) for k in rules.SUBJECTS[entry.subject]), entry.award
        for c in _walk(entry.conditions):
            assert c.source and c.text and c.effective_from, (entry.award, c.text)
    # legal.md C.4: every award it gives conditions for is in the data.
    for name in ("Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Tập thể lao động tiên tiến",
                 "Tập thể lao động xuất sắc", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Giấy khen của Giám đốc Sở",
                 "Cờ thi đua của Ủy ban nhân dân tỉnh", "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh"):
        assert data.of_award(name), name
    assert {e.award for e in data.conditions if e.review} == {
        "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Tập thể lao động tiên tiến", "Tập thể lao động xuất sắc"}
    # Uncertain facts say so.
    cstd_tinh = data.of_award("Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh")[0]
    assert "[unverified]" in cstd_tinh.conditions[0].note


@pytest.mark.parametrize("broken, message", [
    ('kind = "rating"\nmin = "tot"\ntext = "x"', "source"),
    ('kind = "rank"\ntext = "x"\nsource = "y"', "kind must be one of"),
    ('kind = "members_share"\ntitle = "Lao động tiên tiến"\nshare = 1.5\ntext = "x"\nsource = "y"', "share"),
    ('kind = "one_of"\ntext = "x"\nsource = "y"', "at least two"),
    ('kind = "title"\ntitle = "A"\ntimes = 3\nfrom_year = -1\ntext = "x"\nsource = "y"', "do not fit"),
])
def test_a_malformed_rules_file_is_refused(broken, message):
    text = f'[[award]]\nname = "A"\nsubject = "ca_nhan"\nbasis = "Luật 06/2022/QH15"\n[[award.condition]]\n{broken}\n'
    with pytest.raises(rules.RulesError, match=message):
        parse(text)
