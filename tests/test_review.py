"""The year-end review: candidates from the year's ratings, each title's conditions, initiatives, the decision."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop import clock
from desktop.records import people
from desktop.council import prizes, review
from desktop.dossier import drafts
from desktop.errors import NotFound, UserError, ValidationError

from review_support import hold_review_meeting

YEAR = 2025


@pytest.fixture
def unit(store):
    """A unit with one team of 4 people (rated xuất sắc, tốt, tốt, hoàn thành) and one of 2."""
    clock.set_now(dt.date(2026, 1, 15))
    u = people.add_collective(store, people.Collective("Trung tâm Trợ giúp pháp lý", is_unit=True))
    t1 = people.add_collective(store, people.Collective("Phòng Nghiệp vụ 1", parent_id=u))
    t2 = people.add_collective(store, people.Collective("Phòng Hành chính", parent_id=u))
    ids = {}
    for name, team, rating in (("Nguyễn Thị Lan", t1, "xuat_sac"), ("Trần Văn Bình", t1, "tot"),
                               ("Lê Văn Cường", t1, "tot"), ("Phạm Thị Dung", t1, "hoan_thanh"),
                               ("Hoàng Văn Em", t2, "tot"), ("Vũ Thị Giang", t2, "tot")):
        pid = people.add_person(store, people.Person(name, collective_id=team))
        people.set_rating(store, pid, YEAR, rating)
        ids[name] = pid
    review.set_collective_rating(store, t1, YEAR, "xuat_sac")
    review.set_collective_rating(store, t2, YEAR, "tot")
    # The year's review is open; the council of 9 has voted 8 for Lan's Chiến sĩ thi đua cơ sở.
    review.open_review(store, YEAR)
    hold_review_meeting(store, YEAR, {("person", ids["Nguyễn Thị Lan"], "Chiến sĩ thi đua cơ sở"): 8}, members=9)
    return {"unit": u, "t1": t1, "t2": t2, **ids}


def find(cands, kind, sid, title):
    return next(c for c in cands if c.key == (kind, sid, title))


def failing(c):
    return {ch.code: ch.message for ch in c.checks if not ch.ok}


def test_rules_data_names_catalog_titles_with_sources():
    from desktop import catalog

    for name, rule in review.rules().items():
        award = catalog.load().get(name)
        assert award is not None and award.name == name and rule.source
        assert award.fits(rule.subject)


def test_lao_dong_tien_tien_needs_at_least_tot(store, unit):
    cands = review.candidates(store, YEAR)
    assert find(cands, "person", unit["Trần Văn Bình"], "Lao động tiên tiến").eligible
    dung = find(cands, "person", unit["Phạm Thị Dung"], "Lao động tiên tiến")
    assert failing(dung) == {"rating": "Xếp loại năm 2025 là “hoàn thành nhiệm vụ”, chưa đạt "
                                       "“hoàn thành tốt nhiệm vụ”."}


def test_a_person_without_a_rating_is_told_so(store, unit):
    pid = people.add_person(store, people.Person("Đỗ Văn Hải", collective_id=unit["t2"]))
    c = find(review.candidates(store, YEAR), "person", pid, "Lao động tiên tiến")
    assert "Chưa có xếp loại năm 2025" in failing(c)["rating"]


def test_chien_si_thi_dua_co_so_by_excellence_or_by_an_initiative(store, unit):
    cands = review.candidates(store, YEAR)
    assert find(cands, "person", unit["Nguyễn Thị Lan"], "Chiến sĩ thi đua cơ sở").eligible
    binh = find(cands, "person", unit["Trần Văn Bình"], "Chiến sĩ thi đua cơ sở")
    assert set(failing(binh)) == {"route", "ballot"}
    with pytest.raises(UserError, match="chưa đạt “hoàn thành xuất sắc nhiệm vụ”"):   # not put to the council without a route
        review.propose(store, YEAR, [("person", unit["Trần Văn Bình"], "Lao động tiên tiến"), binh.key])
    # An initiative recognised in 2025 opens the other route; one of 2024 does not.
    review.save_initiative(store, review.Initiative("Sổ tay tra cứu", 2024, [unit["Trần Văn Bình"]]))
    assert not find(review.candidates(store, YEAR), "person", unit["Trần Văn Bình"], "Chiến sĩ thi đua cơ sở").eligible
    review.save_initiative(store, review.Initiative(
        "Số hóa quy trình tiếp nhận vụ việc", YEAR, [unit["Trần Văn Bình"], unit["Lê Văn Cường"]],
        recognised_by="Hội đồng sáng kiến Trung tâm", decision_number="12/QĐ-HĐSK", decision_date="10/12/2025"))
    binh = find(review.candidates(store, YEAR), "person", unit["Trần Văn Bình"], "Chiến sĩ thi đua cơ sở")
    assert set(failing(binh)) == {"ballot"}
    hold_review_meeting(store, YEAR, {binh.key: 8}, members=9)
    binh = find(review.candidates(store, YEAR), "person", unit["Trần Văn Bình"], "Chiến sĩ thi đua cơ sở")
    assert binh.eligible
    assert any("sáng kiến “Số hóa quy trình tiếp nhận vụ việc”" in c.message for c in binh.checks)
    # Without Lao động tiên tiến there is no Chiến sĩ thi đua cơ sở, whatever the initiative.
    review.save_initiative(store, review.Initiative("Mẫu biểu điện tử", YEAR, [unit["Phạm Thị Dung"]]))
    dung = find(review.candidates(store, YEAR), "person", unit["Phạm Thị Dung"], "Chiến sĩ thi đua cơ sở")
    assert set(failing(dung)) == {"rating", "requires", "ballot"}


def test_chien_si_thi_dua_co_so_needs_eighty_percent_of_all_council_members(store, unit):
    key = ("person", unit["Nguyễn Thị Lan"], "Chiến sĩ thi đua cơ sở")
    lan = find(review.candidates(store, YEAR), *key)
    assert lan.eligible
    assert any(c.message == "Phiếu đồng ý 8/9 thành viên Hội đồng (88,89\xa0%), đạt tỷ lệ từ 80\xa0% trở lên." for c in lan.checks)
    review.save_initiative(store, review.Initiative("Sổ tay tra cứu", YEAR, [unit["Trần Văn Bình"]]))
    key = ("person", unit["Trần Văn Bình"], "Chiến sĩ thi đua cơ sở")
    m = hold_review_meeting(store, YEAR, {key: 7}, members=9, when=dt.datetime(YEAR, 12, 27, 8, 0))
    binh = find(review.candidates(store, YEAR), *key)
    assert failing(binh) == {"ballot": "Phiếu đồng ý 7/9 thành viên Hội đồng (77,78\xa0%), chưa đạt tỷ lệ từ 80\xa0% trở lên."}
    # Only the title that needs a secret ballot was balloted; Lao động tiên tiến was agreed without one.
    statuses = {p.key: p.status for p in review.proposals(store, YEAR)}
    assert [b.nomination_id for b in m.ballots] == [p.id for p in review.proposals(store, YEAR) if p.key == key]
    assert statuses[key] == "khong_thong_qua" and statuses[key[:2] + ("Lao động tiên tiến",)] == "thong_qua"
    # Put again to a later meeting: its ballot is the one that counts.
    hold_review_meeting(store, YEAR, {key: 8}, members=10, when=dt.datetime(YEAR, 12, 29, 8, 0))   # exactly 80 %
    assert find(review.candidates(store, YEAR), *key).eligible
    assert {p.key: p.status for p in review.proposals(store, YEAR)}[key] == "thong_qua"


def test_collective_needs_seventy_percent_of_members_lao_dong_tien_tien(store, unit):
    cands = review.candidates(store, YEAR)
    # 3 of 4 (75\xa0%) qualify for LĐTT in team 1; 2 of 2 in team 2.
    t1 = find(cands, "collective", unit["t1"], "Tập thể lao động tiên tiến")
    assert t1.eligible
    assert any(c.message.startswith("3/4 cá nhân (75\xa0%) đạt Lao động tiên tiến") for c in t1.checks)
    # With only 2 of 4 chosen, 50\xa0% is below 70\xa0%.
    chosen = {("person", unit["Nguyễn Thị Lan"], "Lao động tiên tiến"),
              ("person", unit["Trần Văn Bình"], "Lao động tiên tiến")}
    t1 = find(review.candidates(store, YEAR, chosen), "collective", unit["t1"], "Tập thể lao động tiên tiến")
    assert failing(t1)["members_share"].startswith("2/4 cá nhân (50\xa0%)")


def test_exactly_seventy_percent_is_enough(store, unit):
    # 7 of 10: team 2 grows to 10 with 7 rated tốt.
    for i in range(8):
        pid = people.add_person(store, people.Person(f"Người Số {i}", collective_id=unit["t2"]))
        people.set_rating(store, pid, YEAR, "tot" if i < 5 else "hoan_thanh")
    t2 = find(review.candidates(store, YEAR), "collective", unit["t2"], "Tập thể lao động tiên tiến")
    assert any(c.message.startswith("7/10 cá nhân (70\xa0%)") and c.ok for c in t2.checks)


def test_tap_the_lao_dong_xuat_sac_needs_excellence_everyone_complete_and_a_chien_si(store, unit):
    cands = review.candidates(store, YEAR)
    t1 = find(cands, "collective", unit["t1"], "Tập thể lao động xuất sắc")
    assert t1.eligible   # xuất sắc; all complete; 75\xa0% LĐTT; Lan is CSTĐCS
    t2 = find(cands, "collective", unit["t2"], "Tập thể lao động xuất sắc")
    assert set(failing(t2)) == {"rating", "members_with"}
    people.set_rating(store, unit["Phạm Thị Dung"], YEAR, "khong_hoan_thanh")
    t1 = find(review.candidates(store, YEAR), "collective", unit["t1"], "Tập thể lao động xuất sắc")
    assert failing(t1)["members_rating"] == "1 cá nhân chưa được xếp loại hoặc dưới “hoàn thành nhiệm vụ”."


def test_the_unit_counts_the_members_of_its_teams(store, unit):
    review.set_collective_rating(store, unit["unit"], YEAR, "tot")
    u = find(review.candidates(store, YEAR), "collective", unit["unit"], "Tập thể lao động tiên tiến")
    assert any(c.message.startswith("5/6 cá nhân") for c in u.checks)


def test_a_collective_without_a_rating_or_members(store, unit):
    empty = people.add_collective(store, people.Collective("Tổ lưu trữ", parent_id=unit["unit"]))
    c = find(review.candidates(store, YEAR), "collective", empty, "Tập thể lao động tiên tiến")
    assert set(failing(c)) == {"rating", "members"}


def test_the_decision_makes_awards_received_with_their_prize(store, unit):
    chosen = [("person", unit[n], "Lao động tiên tiến") for n in
              ("Nguyễn Thị Lan", "Trần Văn Bình", "Lê Văn Cường", "Hoàng Văn Em")]
    chosen += [("person", unit["Nguyễn Thị Lan"], "Chiến sĩ thi đua cơ sở"),
               ("collective", unit["t1"], "Tập thể lao động tiên tiến")]
    ids = review.decide(store, YEAR, chosen, decision_number="05/QĐ-TTTGPL", decision_date="12/01/2026",
                        issuer="Giám đốc Trung tâm")
    assert len(ids) == 6
    r = review.get(store, YEAR)
    assert (r.status, r.decision_number, r.decision_date) == ("da_quyet_dinh", "05/QĐ-TTTGPL", dt.date(2026, 1, 12))
    lan = people.prior_awards(store, person_id=unit["Nguyễn Thị Lan"])
    assert [(a.award, a.year, a.decision_number) for a in lan] == [
        ("Lao động tiên tiến", 2025, "05/QĐ-TTTGPL"), ("Chiến sĩ thi đua cơ sở", 2025, "05/QĐ-TTTGPL")]
    rows = review.decided_list(store, YEAR)
    assert [(r.no, r.name, r.title, r.prize) for r in rows] == [
        (1, "Trần Văn Bình", "Lao động tiên tiến", 702_000),
        (2, "Lê Văn Cường", "Lao động tiên tiến", 702_000),
        (3, "Hoàng Văn Em", "Lao động tiên tiến", 702_000),
        (4, "Nguyễn Thị Lan", "Lao động tiên tiến", 702_000),
        (5, "Nguyễn Thị Lan", "Chiến sĩ thi đua cơ sở", 2_340_000),
        (6, "Phòng Nghiệp vụ 1", "Tập thể lao động tiên tiến", 1_872_000)]
    assert prizes.totals_by_year(store) == {2025: 4 * 702_000 + 2_340_000 + 1_872_000}
    with pytest.raises(UserError, match="đã có quyết định"):
        review.decide(store, YEAR, chosen, decision_number="06/QĐ", decision_date="12/01/2026")


def test_the_decision_refuses_a_title_whose_conditions_fail_and_writes_nothing(store, unit):
    chosen = [("person", unit["Trần Văn Bình"], "Chiến sĩ thi đua cơ sở")]   # no LĐTT chosen, no route
    with pytest.raises(UserError) as exc:
        review.decide(store, YEAR, chosen, decision_number="05/QĐ", decision_date="12/01/2026")
    assert "Chưa đạt Lao động tiên tiến năm 2025" in str(exc.value)
    assert people.prior_awards(store, person_id=unit["Trần Văn Bình"]) == []
    assert review.get(store, YEAR).status == "dang_xet"


def test_a_title_the_province_decides_is_only_proposed(store, unit):
    chosen = [("person", unit[n], "Lao động tiên tiến") for n in ("Nguyễn Thị Lan", "Trần Văn Bình", "Lê Văn Cường")]
    chosen += [("person", unit["Nguyễn Thị Lan"], "Chiến sĩ thi đua cơ sở"),
               ("collective", unit["t1"], "Tập thể lao động xuất sắc")]
    with pytest.raises(UserError, match="do cấp trên quyết định"):
        review.decide(store, YEAR, chosen, decision_number="05/QĐ", decision_date="12/01/2026")


@pytest.mark.parametrize("args, field", [
    ({"decision_number": ""}, "decision_number"), ({"decision_date": "2/2/2027"}, "decision_date"),
    ({"decision_date": "x"}, "decision_date")])
def test_the_decision_needs_its_number_and_a_past_date(store, unit, args, field):
    kw = {"decision_number": "05/QĐ", "decision_date": "12/01/2026"} | args
    with pytest.raises(ValidationError) as exc:
        review.decide(store, YEAR, [("person", unit["Trần Văn Bình"], "Lao động tiên tiến")], **kw)
    assert field in exc.value.fields


def test_one_review_per_year(store, unit):
    with pytest.raises(UserError, match="Đã có đợt bình xét năm 2025"):
        review.open_review(store, YEAR)
    with pytest.raises(NotFound):
        review.decide(store, 2024, [], decision_number="1", decision_date="01/01/2025")


def test_initiatives_need_a_name_and_an_author(store, unit):
    with pytest.raises(ValidationError) as exc:
        review.save_initiative(store, review.Initiative(" ", YEAR, []))
    assert set(exc.value.fields) == {"name", "authors"}
    iid = review.save_initiative(store, review.Initiative("Sổ tay", YEAR, [unit["Hoàng Văn Em"]], scope="bo_tinh"))
    [i] = review.initiatives(store, person_id=unit["Hoàng Văn Em"])
    assert (i.id, i.scope, i.author_ids) == (iid, "bo_tinh", [unit["Hoàng Văn Em"]])
    review.delete_initiative(store, iid)
    assert review.initiatives(store, year=YEAR) == []


def test_collective_ratings_are_kept_per_year(store, unit):
    review.set_collective_ratings(store, unit["t2"], {2024: "xuat_sac", 2025: "hoan_thanh"})
    assert review.collective_ratings(store, unit["t2"]) == {2024: "xuat_sac", 2025: "hoan_thanh"}
    review.set_collective_ratings(store, unit["t2"], {2025: "tot"})
    assert review.collective_ratings(store, unit["t2"]) == {2025: "tot"}


# -- statistics and the export ------------------------------------------------------------------------------

def _decided(store, unit):
    chosen = [("person", unit[n], "Lao động tiên tiến") for n in ("Nguyễn Thị Lan", "Trần Văn Bình", "Lê Văn Cường")]
    chosen += [("person", unit["Nguyễn Thị Lan"], "Chiến sĩ thi đua cơ sở"),
               ("collective", unit["t1"], "Tập thể lao động tiên tiến")]
    review.decide(store, YEAR, chosen, decision_number="05/QĐ-TTTGPL", decision_date="12/01/2026")
    people.add_prior_award(store, people.PriorAward("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", 2024,
                                                    "88/QĐ-UBND", dt.date(2025, 2, 3), "Chủ tịch UBND tỉnh",
                                                    person_id=unit["Hoàng Văn Em"]))
    people.add_prior_award(store, people.PriorAward("Lao động tiên tiến", 2024, "3/QĐ", dt.date(2025, 1, 5),
                                                    person_id=unit["Hoàng Văn Em"]))


def test_statistics_count_by_year_level_kind_and_subject(store, unit):
    from desktop.council import statistics

    _decided(store, unit)
    rows = statistics.awards(store)
    assert statistics.years(rows) == [2024, 2025]
    assert statistics.count_by(rows, lambda r: r.level) == {2024: {"bo_tinh": 1, "co_so": 1}, 2025: {"co_so": 5}}
    assert statistics.count_by(rows, lambda r: r.kind)[2025] == {"person": 4, "collective": 1}
    assert statistics.count_by(rows, lambda r: r.type)[2024] == {"hinh_thuc": 1, "danh_hieu": 1}
    years, awards, counts = statistics.counts_year_award(rows)
    assert awards == ["Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến",
                      "Tập thể lao động tiên tiến"]
    assert counts[(2025, "Lao động tiên tiến")] == 3 and counts[(2024, "Lao động tiên tiến")] == 1
    # 2024 prizes: Bằng khen tỉnh (cá nhân 1,5) and LĐTT (0,3), both at 2.340.000 đ.
    assert statistics.prize_by_year(rows) == {2024: 3_510_000 + 702_000, 2025: 3 * 702_000 + 2_340_000 + 1_872_000}
    assert [r.year for r in statistics.awards(store, 2025, 2025)] == [2025] * 5


def test_share_of_staff_with_each_title_per_year(store, unit):
    from desktop.council import statistics

    _decided(store, unit)
    shares = {(s.year, s.title): (s.holders, s.staff) for s in statistics.title_shares(store)}
    # Six people are rated in 2025; nobody is rated in 2024, so 2024 has no staff to share over.
    assert shares == {(2025, "Chiến sĩ thi đua cơ sở"): (1, 6), (2025, "Lao động tiên tiến"): (3, 6)}


def test_history_of_a_person_and_a_collective(store, unit):
    from desktop.council import statistics

    _decided(store, unit)
    em = statistics.history(store, person_id=unit["Hoàng Văn Em"])
    assert [(h.year, h.rating, [a.award for a in h.awards]) for h in em] == [
        (2025, "tot", []), (2024, None, ["Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Lao động tiên tiến"])]
    t1 = statistics.history(store, collective_id=unit["t1"])
    assert [(h.year, h.rating_text, [a.award for a in h.awards]) for h in t1] == [
        (2025, "Hoàn thành xuất sắc nhiệm vụ", ["Tập thể lao động tiên tiến"])]


def test_export_awards_writes_the_list_and_the_counts(store, unit, tmp_path, capsys):
    from openpyxl import load_workbook

    from desktop.commands import main as cli

    _decided(store, unit)
    out = tmp_path / "khen-thuong.xlsx"
    code = cli.main(["--db", str(store.path), "export", "awards", "--from", "2024", "--to", "2025", str(out)])
    assert code == 0 and "Đã xuất 7 khen thưởng đã nhận" in capsys.readouterr().out
    wb = load_workbook(out)
    assert wb.sheetnames == ["Danh sách khen thưởng", "Tổng hợp theo năm", "Xếp loại hằng năm"]
    listing = [tuple(row) for row in wb["Danh sách khen thưởng"].iter_rows(values_only=True)]
    data = [r for r in listing if isinstance(r[0], int)]
    assert len(data) == 7
    assert data[0][1:3] == (2024, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")
    assert data[0][7] == "88/QĐ-UBND" and data[0][10] == 3_510_000
    counts = [r for r in wb["Tổng hợp theo năm"].iter_rows(values_only=True)]
    header = next(r for r in counts if r[0] == "Danh hiệu, hình thức khen thưởng")
    assert header[2:] == ("2024", "2025", "Cộng")
    ldtt = next(r for r in counts if r[0] == "Lao động tiên tiến")
    assert ldtt[2:] == (1, 3, 4)
    total = next(r for r in counts if r[0] == "Tổng số")
    assert total[2:] == (2, 5, 7)
    # Only 2025.
    code = cli.main(["--db", str(store.path), "export", "awards", "--from", "2025", str(out)])
    assert code == 0 and "Đã xuất 5 khen thưởng" in capsys.readouterr().out
    code = cli.main(["--db", str(store.path), "export", "awards", "--from", "2026", "--to", "2025", str(out)])
    assert code == 2


def test_a_title_already_received_for_the_year_counts(store, unit):
    """Bình's Lao động tiên tiến 2025 came in an earlier decision: it counts for his CSTĐCS and his team."""
    people.add_prior_award(store, people.PriorAward("Lao động tiên tiến", YEAR, "1/QĐ", dt.date(2025, 12, 30),
                                                    person_id=unit["Trần Văn Bình"]))
    review.save_initiative(store, review.Initiative("Sổ tay", YEAR, [unit["Trần Văn Bình"]]))
    hold_review_meeting(store, YEAR, {("person", unit["Trần Văn Bình"], "Chiến sĩ thi đua cơ sở"): 9}, members=9)
    chosen = {("person", unit["Trần Văn Bình"], "Chiến sĩ thi đua cơ sở")}
    cands = review.candidates(store, YEAR, chosen)
    assert find(cands, "person", unit["Trần Văn Bình"], "Chiến sĩ thi đua cơ sở").eligible
    t1 = find(cands, "collective", unit["t1"], "Tập thể lao động tiên tiến")
    assert failing(t1)["members_share"].startswith("1/4 cá nhân (25\xa0%)")


def test_demo_has_two_years_of_outcomes_a_decided_review_and_one_under_way(demo_store):
    """The demo is made on 30/06/2025 (conftest's DEMO_TODAY)."""
    from desktop.council import statistics

    assert [(r.year, r.status) for r in review.list_reviews(demo_store)] == [
        (2025, "dang_xet"), (2024, "da_quyet_dinh")]
    decided = review.decided_list(demo_store, 2024)
    assert decided and {r.title for r in decided} <= {"Lao động tiên tiến", "Chiến sĩ thi đua cơ sở",
                                                      "Tập thể lao động tiên tiến"}
    results = {(r["year"], r["result"]): r["n"] for r in demo_store.query(
        "SELECT substr(o.decision_date, 1, 4) AS year, o.result, count(*) AS n FROM nomination_outcome o "
        "GROUP BY year, o.result")}
    assert results == {("2024", "dat"): 5, ("2024", "khong_dat"): 1, ("2025", "dat"): 4, ("2025", "khong_dat"): 1}
    # One sent nomination of 2024 still awaits its decision.
    assert demo_store.scalar("SELECT count(*) FROM nomination n WHERE n.status = 'da_gui' AND NOT EXISTS "
                             "(SELECT 1 FROM nomination_outcome o WHERE o.nomination_id = n.id)") == 1
    assert review.initiatives(demo_store, year=2024)
    years = statistics.years(statistics.awards(demo_store))
    assert {2023, 2024} <= set(years)


# -- the Giấy khen certificates -----------------------------------------------------------------------------

def test_certificates_print_one_page_each_and_are_logged(store, unit, tmp_path):
    from pypdf import PdfReader

    from desktop.dossier import certificate
    from desktop.dossier import printing
    from desktop.records import unit as unit_mod
    from desktop.dossier.documents.fonts import find_family

    unit_mod.save(store, unit_mod.UnitProfile("Trung tâm Trợ giúp pháp lý nhà nước tỉnh Hà Tĩnh",
                                              "Sở Tư pháp tỉnh Hà Tĩnh", "Hà Tĩnh", "TTTGPL", "Trần Đình Hùng",
                                              "Giám đốc"))
    with pytest.raises(NotFound, match="chưa có quyết định"):
        certificate.certificates(store, YEAR)
    _decided(store, unit)
    items = certificate.certificates(store, YEAR)
    assert [(c.golden_book_no, c.recipient, c.award, c.is_title) for c in items][:2] == [
        (1, "Trần Văn Bình", "Lao động tiên tiến", True), (2, "Lê Văn Cường", "Lao động tiên tiến", True)]
    assert items[0].issuer_title == "Giám đốc Trung tâm Trợ giúp pháp lý nhà nước tỉnh Hà Tĩnh"
    spooled = []
    family = find_family(prefer_system=False)
    n = certificate.print_certificates(store, YEAR, spooler=lambda pdf, printer, copies: spooled.append(
        (len(PdfReader(str(pdf)).pages), PdfReader(str(pdf)).pages[0].extract_text(), copies)), family=family)
    assert n == 5
    pages, text, copies = spooled[0]
    assert pages == 5 and copies == 1
    for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TẶNG DANH HIỆU", "LAO ĐỘNG TIÊN TIẾN", "Trần Văn Bình",
                  "Quyết định số 05/QĐ-TTTGPL", "Số sổ vàng: 1", "Hà Tĩnh, ngày 12 tháng 01 năm 2026"):
        assert words in text, words
    log = printing.entries(store)
    assert len(log) == 5 and all(e["draft_id"] is None and "Giấy khen" in e["document"] for e in log)
    assert log[0]["reason"] == certificate.PRINT_REASON
    # One recipient only.
    certificate.print_certificates(store, YEAR, only=[items[0].prior_award_id], spooler=lambda *a: None,
                                   family=family)
    assert len(printing.entries(store)) == 6


def test_review_commands(store, unit, tmp_path, capsys):
    from desktop.commands import main as cli

    assert cli.main(["--db", str(store.path), "review", "show", "2024"]) == 2
    assert "Chưa có đợt bình xét năm 2024" in capsys.readouterr().err
    _decided(store, unit)
    assert cli.main(["--db", str(store.path), "review", "show", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Bình xét năm 2025: đã có quyết định, Quyết định số 05/QĐ-TTTGPL ngày 12/01/2026" in out
    assert "Danh sách trình Hội đồng: 2 danh hiệu; 2 thông qua, 0 chờ họp." in out   # Lan's, in the fixture
    assert "- Tập thể lao động xuất sắc (đề nghị cấp trên): 1 đủ điều kiện: Phòng Nghiệp vụ 1" in out
    assert "  5. Phòng Nghiệp vụ 1 — Tập thể lao động tiên tiến — 1.872.000 đ" in out
    assert cli.main(["--db", str(store.path), "review", "certificates", "2025", str(tmp_path / "gk.pdf")]) == 0
    assert "Đã tạo 5 Giấy khen" in capsys.readouterr().out
    assert (tmp_path / "gk.pdf").read_bytes().startswith(b"%PDF")


def test_the_decision_document_lists_the_titles_with_prizes(store, unit, tmp_path):
    from docx import Document as Docx
    from pypdf import PdfReader

    from desktop.records import unit as unit_mod
    from desktop.dossier.documents.fonts import find_family

    unit_mod.save(store, unit_mod.UnitProfile("Trung tâm Trợ giúp pháp lý", "Sở Tư pháp tỉnh Hà Tĩnh", "Hà Tĩnh",
                                              "TTTGPL", "Trần Đình Hùng", "Giám đốc"))
    with pytest.raises(NotFound):
        drafts.render_decision(store, YEAR, tmp_path / "qd.pdf")
    _decided(store, unit)
    pdf = drafts.render_decision(store, YEAR, tmp_path / "qd.pdf", family=find_family(prefer_system=False))
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages)
    for words in ("Số: 05/QĐ-TTTGPL", "Hà Tĩnh, ngày 12 tháng 01 năm 2026", "QUYẾT ĐỊNH",
                  "Về việc công nhận danh hiệu thi đua và tặng Giấy khen năm 2025",
                  "GIÁM ĐỐC TRUNG TÂM TRỢ GIÚP PHÁP LÝ",
                  "cho 01 tập thể và 03 cá nhân", "Phòng Nghiệp vụ 1", "Tập thể lao động tiên tiến",
                  "Tổng cộng", "6.318.000 đ", "Điều 3.", "Trần Đình Hùng"):
        assert words in text, words
    docx = drafts.render_decision(store, YEAR, tmp_path / "qd.docx")
    body = "\n".join(p.text for p in Docx(str(docx)).paragraphs)
    assert "Về việc công nhận danh hiệu thi đua và tặng Giấy khen năm 2025" in body
    with pytest.raises(UserError, match=".pdf hoặc .docx"):
        drafts.render_decision(store, YEAR, tmp_path / "qd.txt")


def test_review_decision_command(store, unit, tmp_path, capsys):
    from desktop.commands import main as cli
    from desktop.records import unit as unit_mod

    _decided(store, unit)
    assert cli.main(["--db", str(store.path), "review", "decision", "2025", str(tmp_path / "qd.docx")]) == 2
    assert "Chưa nhập họ tên Thủ trưởng đơn vị" in capsys.readouterr().err   # who signs it
    unit_mod.save(store, unit_mod.UnitProfile("Trung tâm Trợ giúp pháp lý", "Sở Tư pháp tỉnh Hà Tĩnh", "Hà Tĩnh",
                                              "TTTGPL", "Trần Đình Hùng", "Giám đốc"))
    assert cli.main(["--db", str(store.path), "review", "decision", "2025", str(tmp_path / "qd.docx")]) == 0
    assert "Đã soạn quyết định năm 2025" in capsys.readouterr().out
    assert (tmp_path / "qd.docx").exists()


def test_review_list_to_excel(store, unit, tmp_path, capsys):
    from openpyxl import load_workbook

    from desktop.commands import main as cli

    out = tmp_path / "ds.xlsx"
    assert cli.main(["--db", str(store.path), "review", "list", "2025", str(out)]) == 2
    _decided(store, unit)
    assert cli.main(["--db", str(store.path), "review", "list", "2025", str(out)]) == 0
    rows = [tuple(r) for r in load_workbook(out).active.iter_rows(values_only=True)]
    texts = [" ".join(str(v) for v in r if v is not None) for r in rows]
    assert any("(Kèm theo Quyết định số 05/QĐ-TTTGPL ngày 12/01/2026)" in t for t in texts)
    groups = [t for t in texts if t[:3] in ("1. ", "2. ", "3. ")]
    assert groups == ["1. Lao động tiên tiến", "2. Chiến sĩ thi đua cơ sở", "3. Tập thể lao động tiên tiến"]
    assert any(t == "Tổng cộng 6.318.000 đ" for t in texts)
    assert any(t.startswith("1 Phòng Nghiệp vụ 1") and t.endswith("1.872.000 đ") for t in texts)
