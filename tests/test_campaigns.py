"""Campaigns: partial dates, validation, storage with stable child ids, import, progress."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop.dates import parse_partial, partial_text
from desktop.records import achievements as ach
from desktop.campaigns import campaign as cm
from desktop.records import blobs, people
from desktop.commands import main as cli
from desktop.errors import ValidationError
from desktop.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared" / "plans"
needs_plans = pytest.mark.skipif(not SHARED.is_dir(), reason="shared/plans is not beside the repository")


def sample(**over) -> cm.Campaign:
    c = cm.Campaign(
        title="Phát động phong trào thi đua “Ngày không giấy”", number="142/KH-STP", symbol="KH-STP",
        place="Hà Tĩnh", doc_date="2025-07-15", period_start="2025-07-15", period_end="2025-12-15",
        deadline="2025-12-20",
        criteria=[cm.Criterion("100% văn bản xử lý trên môi trường mạng", "ca_hai", 100, "%"),
                  cm.Criterion("Sáng kiến", "ca_nhan")],
        awards=[cm.CampaignAward("Giấy khen", "Giấy khen của Giám đốc Sở", 2, 5)],
        documents=[cm.DossierDocument("Tờ trình", "01", "152/2025/NĐ-CP")],
    )
    for k, v in over.items():
        setattr(c, k, v)
    return c


@pytest.mark.parametrize("typed, stored", [
    ("28/7/2025", "2025-07-28"), ("7/2025", "2025-07"), ("2025", "2025"), ("2025-07-28", "2025-07-28"),
    ("05/01", "--01-05"), ("--01-04", "--01-04"),
])
def test_partial_dates_are_kept_as_precise_as_written(typed, stored):
    assert parse_partial(typed, yearly=True) == stored


@pytest.mark.parametrize("typed", ["31/2/2025", "13/2025", "hôm qua", "2025-13"])
def test_impossible_dates_are_refused(typed):
    with pytest.raises(ValueError):
        parse_partial(typed, yearly=True)


def test_formatting_partial_dates():
    assert partial_text("2025-07-28") == "28/07/2025"
    assert partial_text("2025-07") == "07/2025"
    assert partial_text("--01-04") == "04/01 hằng năm"


def test_validation_says_what_is_wrong_by_field():
    c = sample(title="  ", period_start="2025-12-01", period_end="2025-01", deadline="40/40/2025")
    c.awards.append(cm.CampaignAward("Huy chương vàng Olympic", "", 1, 1))
    with pytest.raises(ValidationError) as err:
        cm.validate(c)
    fields = err.value.fields
    assert fields["title"].startswith("Tên")
    assert "kết thúc" in fields["period_end"]
    assert "40/40/2025" in fields["deadline"]
    assert "không có trong danh mục" in fields["awards[1]"]


def test_save_and_get_round_trip_with_catalog_names(store):
    cid = cm.save(store, sample())
    got = cm.get(store, cid)
    assert got.awards[0].award == "Giấy khen của Giám đốc Sở"  # the alias became the canonical name
    assert [k.text for k in got.criteria] == ["100% văn bản xử lý trên môi trường mạng", "Sáng kiến"]
    assert got.criteria[0].target_value == 100 and got.criteria[0].target_unit == "%"
    assert got.reference == "Kế hoạch số 142/KH-STP ngày 15/07/2025"


def test_editing_keeps_criterion_ids_so_links_survive(store):
    cid = cm.save(store, sample())
    c = cm.get(store, cid)
    kept, removed = c.criteria
    pid = people.add_person(store, people.Person("Lê Văn Hùng"))
    a1 = ach.add(store, ach.Achievement(dt.date(2025, 8, 1), "Xử lý văn bản", person_id=pid, criterion_id=kept.id))
    a2 = ach.add(store, ach.Achievement(dt.date(2025, 8, 2), "Sáng kiến A", person_id=pid, criterion_id=removed.id))
    assert ach.get(store, a1).campaign_id == cid  # the criterion brings its campaign
    c.criteria = [kept, cm.Criterion("Tiêu chí mới", "tap_the")]
    kept.text = "100% văn bản được xử lý trên môi trường mạng"
    cm.save(store, c)
    assert ach.get(store, a1).criterion_id == kept.id
    assert ach.get(store, a2).criterion_id is None  # its criterion is gone; the achievement stays
    assert [k.text for k in cm.get(store, cid).criteria][0] == "100% văn bản được xử lý trên môi trường mạng"


def test_a_criterion_of_another_campaign_is_refused(store):
    first = cm.save(store, sample())
    second = cm.save(store, sample(title="Phong trào khác", number="9/KH-STP"))
    k = cm.get(store, first).criteria[0]
    pid = people.add_person(store, people.Person("Lê Văn Hùng"))
    with pytest.raises(ValidationError, match="phong trào khác"):
        ach.add(store, ach.Achievement(dt.date(2025, 8, 1), "X", person_id=pid, campaign_id=second,
                                       criterion_id=k.id))


def test_delete_unlinks_achievements_and_drops_the_source(store, tmp_path):
    src = tmp_path / "ke-hoach.txt"
    src.write_text("KẾ HOẠCH phát động", encoding="utf-8")
    cid = cm.save(store, sample())
    cm.attach_source(store, cid, src)
    sha = cm.get(store, cid).source_sha256
    assert blobs.read_bytes(store, sha) == src.read_bytes()
    pid = people.add_person(store, people.Person("Lê Văn Hùng"))
    aid = ach.add(store, ach.Achievement(dt.date(2025, 8, 1), "X", person_id=pid, campaign_id=cid))
    cm.delete(store, cid)
    assert ach.get(store, aid).campaign_id is None
    assert store.scalar("SELECT count(*) FROM blob WHERE sha256 = ?", (sha,)) == 0


def test_progress_deadline_urgency_and_measured_criteria(store):
    cid = cm.save(store, sample())
    k = cm.get(store, cid).criteria[0]
    pid = people.add_person(store, people.Person("Lê Văn Hùng"))
    for day, value in ((1, 91.0), (20, 97.5)):
        ach.add(store, ach.Achievement(dt.date(2025, 9, day), "Xử lý văn bản", person_id=pid, measure_value=value,
                                       measure_unit="%", criterion_id=k.id))
    ok = cm.progress(store, cid, dt.date(2025, 12, 1))
    assert (ok.days_left, ok.urgency) == (19, "ok")
    assert cm.progress(store, cid, dt.date(2025, 12, 15)).urgency == "soon"
    assert cm.progress(store, cid, dt.date(2025, 12, 21)).urgency == "past"
    crit = ok.criteria[0]
    assert crit.series == [(dt.date(2025, 9, 1), 91.0), (dt.date(2025, 9, 20), 97.5)]
    assert crit.latest == 97.5 and crit.reached is False
    assert ok.awards[0].used_collective == 0 and ok.awards[0].award.quota_individual == 5


def test_yearly_deadline_is_its_next_occurrence():
    c = sample(deadline="--01-04")
    assert cm.deadline_date(c, dt.date(2025, 12, 30)) == dt.date(2026, 1, 4)
    assert cm.deadline_date(c, dt.date(2026, 1, 4)) == dt.date(2026, 1, 4)


def test_running_campaigns_nearest_deadline_first(store):
    cm.save(store, sample(title="Muộn", deadline="2025-12-30"))
    cm.save(store, sample(title="Sớm", deadline="2025-10-01"))
    cm.save(store, sample(title="Đã xong", period_start="2024-01-01", period_end="2024-12-31", deadline="2025-01-05"))
    assert [p.campaign.title for p in cm.running(store, dt.date(2025, 9, 1))] == ["Sớm", "Muộn"]


def test_ledger_filters_by_campaign_and_criterion(store):
    cid = cm.save(store, sample())
    k1, k2 = cm.get(store, cid).criteria
    pid = people.add_person(store, people.Person("Lê Văn Hùng"))
    a1 = ach.add(store, ach.Achievement(dt.date(2025, 8, 1), "A", person_id=pid, criterion_id=k1.id))
    a2 = ach.add(store, ach.Achievement(dt.date(2025, 8, 2), "B", person_id=pid, criterion_id=k2.id))
    ach.add(store, ach.Achievement(dt.date(2025, 8, 3), "C", person_id=pid))
    assert set(ach.query_ids(store, ach.LedgerFilter(campaign_id=cid))) == {a1, a2}
    assert ach.query_ids(store, ach.LedgerFilter(criterion_id=k2.id)) == [a2]


@needs_plans
@pytest.mark.parametrize("name", ["ha-tinh-stp-2025-chuyen-doi-so", "khanh-hoa-stp-2025-ngay-khong-giay",
                                  "ha-nam-stp-2023-cai-cach-hanh-chinh"])
def test_import_plan_stores_what_the_plan_sets(store, name):
    expected = json.loads((SHARED / f"{name}.expected.json").read_text(encoding="utf-8"))
    cid, _ = cm.import_plan(store, SHARED / f"{name}.txt")
    c = cm.get(store, cid)
    assert c.number == expected["number"]
    assert c.deadline == expected["deadline"] or (expected["deadline"] is None and c.deadline is None)
    assert [a.award for a in c.awards] == [a["award"] for a in expected["awards"]]
    assert [(a.quota_collective, a.quota_individual) for a in c.awards] == \
        [(a["collective"], a["individual"]) for a in expected["awards"]]
    assert len(c.documents) == len(expected["dossier"])
    assert c.recipients == expected["recipients"]
    assert blobs.read_bytes(store, c.source_sha256) == (SHARED / f"{name}.txt").read_bytes()


@needs_plans
def test_cli_plan_import_and_campaign_show(tmp_path, capsys):
    db = tmp_path / "cli.sqlite"
    Store(db).close()
    assert cli.main(["--db", str(db), "plan", "import", "--quiet",
                     str(SHARED / "khanh-hoa-stp-2025-ngay-khong-giay.txt")]) == 0
    cid = int(capsys.readouterr().out.strip())
    assert cli.main(["--db", str(db), "campaign", "show", str(cid)]) == 0
    out = capsys.readouterr().out
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: tập thể 0/1, cá nhân 0/1" in out
    assert cli.main(["--db", str(db), "campaign", "list", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["id"] == cid and row["deadline"] == "2025-08-15"


def test_demo_has_two_running_campaigns_with_measured_progress(demo_store):
    from conftest import DEMO_TODAY

    running = cm.running(demo_store, DEMO_TODAY)
    assert len(running) == 2
    assert all(p.days_left is not None and p.days_left >= 0 for p in running)
    assert any(k.latest is not None and k.criterion.target_value for p in running for k in p.criteria)


@pytest.mark.parametrize("period, deadline, today, due", [
    # A yearly day rolls to its next occurrence while the campaign runs …
    (("2021", "2025"), "--01-04", dt.date(2023, 3, 1), dt.date(2024, 1, 4)),
    (("2021", "2025"), "--01-04", dt.date(2025, 6, 1), dt.date(2026, 1, 4)),
    # … the occurrence just after the period closes its last year …
    (("2025-07-15", "2025-12-15"), "--01-04", dt.date(2025, 12, 30), dt.date(2026, 1, 4)),
    # … and after that the campaign is over: the last occurrence stays, in the past.
    (("2021", "2025"), "--01-04", dt.date(2027, 2, 3), dt.date(2026, 1, 4)),
    (("2024", "2024"), "--12-14", dt.date(2026, 11, 10), dt.date(2024, 12, 14)),
    # Not before the period starts: the first occurrence on or after its start.
    (("2026-03", "2027-12"), "--01-04", dt.date(2025, 12, 1), dt.date(2027, 1, 4)),
    # A school year: "trước ngày 10/7 hằng năm" for September 2024 – May 2025.
    (("2024-09", "2025-05"), "--07-09", dt.date(2025, 6, 20), dt.date(2025, 7, 9)),
    (("2024-09", "2025-05"), "--07-09", dt.date(2025, 8, 20), dt.date(2025, 7, 9)),
    # Without a period the yearly day keeps coming back.
    ((None, None), "--01-04", dt.date(2031, 5, 5), dt.date(2032, 1, 4)),
    # 29/02 falls on 28/02 in a common year.
    ((None, None), "--02-29", dt.date(2027, 1, 1), dt.date(2027, 2, 28)),
])
def test_yearly_deadline_rolls_inside_the_period_and_stops_when_it_ends(period, deadline, today, due):
    c = sample(period_start=period[0], period_end=period[1], deadline=deadline)
    assert cm.deadline_date(c, today) == due


def test_an_ended_campaign_with_a_yearly_deadline_shows_no_days_left(tmp_path, capsys):
    """The list on a day after the campaign ended says it is overdue, not "còn 34 ngày" to next year's day."""
    from desktop.store import Store

    db = tmp_path / "ended.sqlite"
    with Store(db) as store:
        cid = cm.save(store, sample(title="Giai đoạn 2021 - 2025", period_start="2021", period_end="2025",
                                    deadline="--01-04"))
        late = cm.progress(store, cid, dt.date(2026, 12, 1))
        assert late.deadline == dt.date(2026, 1, 4) and late.days_left < 0 and late.urgency == "past"
        assert cm.running(store, dt.date(2026, 12, 1)) == []
        assert cm.progress(store, cid, dt.date(2025, 12, 1)).days_left == 34


def test_relative_targets_and_phases_are_stored(store):
    c = sample(criteria=[cm.Criterion("Thu ngân sách tăng 5% so với kế hoạch được giao", "tap_the", 5, "%",
                                      target_direction="tang", target_reference="kế hoạch được giao")],
               phases=[{"name": "Sơ kết", "period": {"start": "2025", "end": "2027"}, "deadline": "2027-10-31",
                        "awards": [{"award": "Giấy khen", "text": "Giấy khen của Giám đốc Sở", "collective": 2,
                                    "individual": 3}]}])
    cid = cm.save(store, c)
    got = cm.get(store, cid)
    k = got.criteria[0]
    assert (k.target_value, k.target_direction, k.target_reference) == (5, "tang", "kế hoạch được giao")
    assert k.target_text == "tăng 5 % so với kế hoạch được giao"
    assert got.phases == c.phases
    # An absolute measure never "reaches" a relative target.
    pid = people.add_person(store, people.Person("Lê Văn Hùng"))
    ach.add(store, ach.Achievement(dt.date(2025, 9, 1), "Thu ngân sách", person_id=pid, measure_value=7,
                                   measure_unit="%", criterion_id=k.id))
    assert cm.progress(store, cid, dt.date(2025, 9, 2)).criteria[0].reached is None


def test_a_relative_target_needs_a_direction_it_knows_and_an_amount():
    with pytest.raises(ValidationError):
        cm.validate(sample(criteria=[cm.Criterion("Giảm chi", "tap_the", None, "", target_direction="giam")]))
    with pytest.raises(ValidationError):
        cm.validate(sample(criteria=[cm.Criterion("Giảm chi", "tap_the", 5, "%", target_direction="xuong")]))


PLANS = Path(__file__).resolve().parent / "data" / "plans"


def test_importing_a_plan_that_already_is_a_campaign_says_which_and_saves_nothing(store):
    path = PLANS / "ke-hoach-binh-dinh-snv-2025-footnotes.txt"
    cid, _ = cm.import_plan(store, path)
    with pytest.raises(cm.SamePlan) as err:
        cm.import_plan(store, path)
    message = str(err.value)
    assert f"phong trào số {cid}" in message and "Kế hoạch số 156/KH-SNV ngày 14/08/2025" in message
    assert "của Sở Nội vụ tỉnh Bình Định" in message and "--update" in message
    assert [c.id for c in cm.list_campaigns(store)] == [cid]


def test_the_same_plan_from_another_issuer_or_date_is_another_campaign(store):
    c = sample(issuer="Sở Tư pháp tỉnh Hà Tĩnh")
    cm.save(store, c)
    assert cm.same_plan(store, sample(issuer="Sở Tư pháp tỉnh Hà Tĩnh")).id == c.id
    assert cm.same_plan(store, sample(issuer="Sở Nội vụ tỉnh Hà Tĩnh")) is None
    assert cm.same_plan(store, sample(issuer="Sở Tư pháp tỉnh Hà Tĩnh", doc_date="2025-07-16")) is None
    assert cm.same_plan(store, sample(issuer="Sở Tư pháp tỉnh Hà Tĩnh", number="143/KH-STP")) is None


def test_update_keeps_the_campaign_its_links_and_the_clerks_note(store):
    path = PLANS / "ke-hoach-binh-dinh-snv-2025-footnotes.txt"
    cid, _ = cm.import_plan(store, path)
    c = cm.get(store, cid)
    c.note, c.title, c.deadline = "Ghi chú của văn thư", "Sửa tay", "2030-01-01"
    c.criteria = [cm.Criterion("Tiêu chí văn thư tự thêm", "ca_hai")]
    cm.save(store, c)
    award_ids = [a.id for a in cm.get(store, cid).awards]
    assert award_ids
    again, _, updated = cm.import_or_update(store, path, update=True)
    assert (again, updated) == (cid, True)
    fresh = cm.get(store, cid)
    assert fresh.title != "Sửa tay" and fresh.deadline != "2030-01-01" and fresh.note == "Ghi chú của văn thư"
    assert [a.id for a in fresh.awards] == award_ids  # nominations made against them stay linked
    assert fresh.criteria == []                       # the plan is the source of the plan's fields
    assert [x.id for x in cm.list_campaigns(store)] == [cid]


def test_cli_import_twice_then_update(tmp_path, capsys):
    db = str(tmp_path / "twice.sqlite")
    Store(db).close()
    path = str(PLANS / "huong-dan-da-nang-snv-2013-20-doi-song-van-hoa.txt")
    assert cli.main(["--db", db, "plan", "import", path, "--quiet"]) == 0
    capsys.readouterr()
    assert cli.main(["--db", db, "plan", "import", path]) != 0
    err = capsys.readouterr().err
    assert "đã có trong sổ: phong trào số 1" in err and "--update" in err
    assert cli.main(["--db", db, "plan", "import", path, "--update"]) == 0
    assert "Đã cập nhật phong trào số 1 theo tệp." in capsys.readouterr().out
    assert cli.main(["--db", db, "campaign", "list", "--json"]) == 0
    assert [c["id"] for c in json.loads(capsys.readouterr().out)] == [1]
