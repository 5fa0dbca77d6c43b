"""The ledger of achievements: validation, measures, archive, listing and sorting."""
from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop import clock
from desktop.records import achievements as ach
from desktop.records import evidence, people
from desktop.records.achievements import Achievement, LedgerFilter
from desktop.errors import NotFound, ValidationError
from desktop.records.people import Collective, Person
from desktop.store import audit

D = dt.date(2025, 3, 15)


@pytest.fixture
def pid(store):
    return people.add_person(store, Person("Nguyễn Văn An"))


@pytest.fixture
def cid(store):
    return people.add_collective(store, Collective("Phòng Nghiệp vụ 1"))


def count(store):
    return store.scalar("SELECT count(*) FROM achievement")


# -- measures ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, parsed", [
    ("98 %", (98.0, "%")),
    ("98%", (98.0, "%")),
    ("98,5%", (98.5, "%")),
    ("98,5 %", (98.5, "%")),
    ("1.200 hồ sơ", (1200.0, "hồ sơ")),
    ("120 hồ sơ", (120.0, "hồ sơ")),
    ("  120   hồ   sơ ", (120.0, "hồ sơ")),
    ("12.345 lượt", (12345.0, "lượt")),
    ("1.200.000 đồng", (1200000.0, "đồng")),
    ("1.200,5 m", (1200.5, "m")),
    ("3", (3.0, "")),
    ("0 vụ việc", (0.0, "vụ việc")),
    ("", (None, "")),
    ("   ", (None, "")),
])
def test_parse_measure(typed, parsed):
    assert ach.parse_measure(typed) == parsed


@pytest.mark.parametrize("typed", ["hồ sơ", "% 98", "khoảng 100 hồ sơ", ",5 %"])
def test_parse_measure_needs_a_number_first(typed):
    with pytest.raises(ValidationError) as info:
        ach.parse_measure(typed)
    assert info.value.fields == {"measure": "Số đo phải bắt đầu bằng một số, ví dụ: 98 % hoặc 120 hồ sơ."}


@pytest.mark.parametrize("value, unit, text", [
    (98.0, "%", "98 %"),
    (98.5, "%", "98,5 %"),
    (120.0, "hồ sơ", "120 hồ sơ"),
    (1200.0, "hồ sơ", "1200 hồ sơ"),
    (0.25, "", "0,25"),
    (3.0, "", "3"),
    (None, "hồ sơ", ""),
])
def test_format_measure(value, unit, text):
    assert ach.format_measure(value, unit) == text


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=99),
       st.sampled_from(["", "%", "hồ sơ", "vụ việc", "lượt người"]))
def test_format_then_parse_is_identity(whole, cents, unit):
    value = whole + cents / 100
    assert ach.parse_measure(ach.format_measure(value, unit)) == (pytest.approx(value), unit)


# -- validation ----------------------------------------------------------------------------------------

def test_an_achievement_needs_a_subject(store):
    with pytest.raises(ValidationError) as info:
        ach.add(store, Achievement(D, "Số hóa hồ sơ"))
    assert info.value.fields == {"subject": "Hãy chọn một cá nhân hoặc một tập thể đạt thành tích."}
    assert count(store) == 0


def test_an_achievement_cannot_have_two_subjects(store, pid, cid):
    with pytest.raises(ValidationError) as info:
        ach.add(store, Achievement(D, "Số hóa hồ sơ", person_id=pid, collective_id=cid))
    assert set(info.value.fields) == {"subject"}


@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_an_achievement_needs_a_title(store, pid, title):
    with pytest.raises(ValidationError) as info:
        ach.add(store, Achievement(D, title, person_id=pid))
    assert info.value.fields == {"title": "Tên thành tích không được để trống."}


def test_a_unit_of_measure_needs_a_number(store, pid):
    with pytest.raises(ValidationError) as info:
        ach.add(store, Achievement(D, "Số hóa", person_id=pid, measure_unit="hồ sơ"))
    assert info.value.fields == {"measure": "Đơn vị đo cần đi kèm một con số."}


@pytest.mark.parametrize("date, message", [
    ("31/02/2025", "Không có ngày 31/02/2025."),
    ("mai", "Ngày phải có dạng ngày/tháng/năm, ví dụ 05/09/2025."),
    (None, "Hãy nhập ngày đạt thành tích."),
    (clock.today() + dt.timedelta(days=400), "Ngày đạt thành tích không được ở quá xa trong tương lai."),
])
def test_bad_dates(store, pid, date, message):
    with pytest.raises(ValidationError) as info:
        ach.add(store, Achievement(date, "Số hóa", person_id=pid))
    assert info.value.fields == {"date": message}


def test_all_errors_at_once(store):
    with pytest.raises(ValidationError) as info:
        ach.add(store, Achievement("00/01/2025", " ", measure_unit="%"))
    assert set(info.value.fields) == {"date", "title", "subject", "measure"}
    assert count(store) == 0


# -- add, update, get ---------------------------------------------------------------------------------

def test_add_and_get(store, pid):
    aid = ach.add(store, Achievement("05/03/2025", "  Số  hóa hồ sơ ", person_id=pid,
                                     description="  Dòng một\n\nDòng hai  ", criterion=" Chuyển  đổi số ",
                                     measure_value=120, measure_unit=" hồ  sơ "))
    a = ach.get(store, aid)
    assert a.id == aid
    assert a.date == dt.date(2025, 3, 5)
    assert a.title == "Số hóa hồ sơ"
    assert a.description == "Dòng một\n\nDòng hai"  # line breaks of a description are kept
    assert a.criterion == "Chuyển đổi số"
    assert (a.measure_value, a.measure_unit, a.measure_text) == (120, "hồ sơ", "120 hồ sơ")
    assert a.subject_kind == "person"
    assert a.archived_at is None


def test_update(store, pid, cid):
    aid = ach.add(store, Achievement(D, "Cũ", person_id=pid))
    ach.update(store, Achievement(D, "Mới", collective_id=cid, id=aid))
    a = ach.get(store, aid)
    assert (a.title, a.person_id, a.collective_id, a.subject_kind) == ("Mới", None, cid, "collective")
    with pytest.raises(NotFound, match="Không tìm thấy thành tích số 999"):
        ach.update(store, Achievement(D, "X", person_id=pid, id=999))
    with pytest.raises(NotFound, match="Không tìm thấy thành tích số 999"):
        ach.get(store, 999)


def test_an_update_that_changes_nothing_touches_nothing(store, pid, monkeypatch):
    aid = ach.add(store, Achievement(D, "Số hóa hồ sơ", person_id=pid, measure_value=5, measure_unit="hồ sơ"))
    row = store.one("SELECT * FROM achievement WHERE id = ?", (aid,))
    before = store.scalar("SELECT count(*) FROM audit_log")
    # A later clock: an unchanged record must not look modified.
    monkeypatch.setattr(ach, "utc_now_iso", lambda: "2099-01-01T00:00:00Z")
    ach.update(store, Achievement(D, "Số hóa hồ sơ", person_id=pid, measure_value=5, measure_unit="hồ sơ", id=aid))
    assert store.one("SELECT * FROM achievement WHERE id = ?", (aid,)) == row
    assert store.scalar("SELECT count(*) FROM audit_log") == before
    ach.update(store, Achievement(D, "Số hóa hồ sơ", person_id=pid, measure_value=6, measure_unit="hồ sơ", id=aid))
    after = store.one("SELECT * FROM achievement WHERE id = ?", (aid,))
    assert (after["measure_value"], after["updated_at"]) == (6, "2099-01-01T00:00:00Z")


# -- archive ----------------------------------------------------------------------------------------------

def test_archive_and_restore(store, pid, monkeypatch):
    keep = ach.add(store, Achievement(D, "Giữ", person_id=pid))
    aid = ach.add(store, Achievement(D, "Lưu trữ", person_id=pid))
    monkeypatch.setattr(ach, "utc_now_iso", lambda: "2025-06-01T08:00:00Z")
    ach.archive(store, aid)
    assert ach.get(store, aid).archived_at == "2025-06-01T08:00:00Z"
    assert ach.query_ids(store) == [keep]
    assert ach.query_ids(store, LedgerFilter(archived=True)) == [aid]
    assert store.counts()["achievements"] == 1 and store.counts()["archived_achievements"] == 1
    ach.restore(store, aid)
    assert ach.get(store, aid).archived_at is None
    assert sorted(ach.query_ids(store)) == sorted([keep, aid])
    assert ach.query_ids(store, LedgerFilter(archived=True)) == []
    for fn in (ach.archive, ach.restore):
        with pytest.raises(NotFound, match="số 404"):
            fn(store, 404)


def test_archive_is_logged(store, pid):
    aid = ach.add(store, Achievement(D, "Lưu trữ", person_id=pid))
    ach.archive(store, aid)
    entry = audit.entries(store, "achievement", aid)[0]
    assert entry.action == "update"
    assert entry.old_values["archived_at"] is None and entry.new_values["archived_at"]


# -- listing -----------------------------------------------------------------------------------------------

@pytest.fixture
def ledger(store):
    """A small ledger with people, collectives, measures and evidence."""
    unit_id = people.add_collective(store, Collective("Trung tâm", is_unit=True))
    team = {name: people.add_collective(store, Collective(name, parent_id=unit_id))
            for name in ["Phòng Nghiệp vụ 1", "Đội lưu động", "Chi nhánh số 1"]}
    who = {}
    for name in ["Lê Văn Tư", "Nguyễn Văn An", "Lê Thị Ân", "Trần Văn Anh", "Bùi Văn Đạt"]:
        who[name] = people.add_person(store, Person(name, collective_id=team["Phòng Nghiệp vụ 1"]))
    ids = {}

    def add(key, date, title, **kw):
        ids[key] = ach.add(store, Achievement(date, title, **kw))

    add("tu", dt.date(2025, 1, 10), "Số hóa hồ sơ vụ việc", person_id=who["Lê Văn Tư"], measure_value=50,
        measure_unit="hồ sơ", criterion="Chuyển đổi số")
    add("an", dt.date(2025, 2, 10), "Báo cáo chuyên đề", person_id=who["Nguyễn Văn An"], criterion="Cải cách")
    add("an2", dt.date(2024, 12, 1), "Tư vấn pháp luật", person_id=who["Lê Thị Ân"], measure_value=80,
        measure_unit="lượt", criterion="Bồi dưỡng")
    add("anh", dt.date(2025, 3, 1), "Ký số văn bản", person_id=who["Trần Văn Anh"], measure_value=99.5,
        measure_unit="%", criterion="Ngày không giấy")
    add("dat", dt.date(2025, 4, 1), "Tham gia trợ giúp lưu động", person_id=who["Bùi Văn Đạt"], measure_value=3,
        measure_unit="buổi", criterion="Tuyên truyền")
    add("phong", dt.date(2025, 5, 1), "Hoàn thành chỉ tiêu quý", collective_id=team["Phòng Nghiệp vụ 1"])
    add("doi", dt.date(2025, 5, 2), "Đào tạo kỹ năng", collective_id=team["Đội lưu động"])
    add("chi", dt.date(2025, 5, 3), "Cập nhật cơ sở dữ liệu", collective_id=team["Chi nhánh số 1"])
    return {"store": store, "ids": ids, "people": who, "teams": team}


def keys_of(ledger, id_list):
    by_id = {v: k for k, v in ledger["ids"].items()}
    return [by_id[i] for i in id_list]


def test_query_ids_default_is_newest_first(ledger):
    store = ledger["store"]
    assert keys_of(ledger, ach.query_ids(store)) == ["chi", "doi", "phong", "dat", "anh", "an", "tu", "an2"]
    assert keys_of(ledger, ach.query_ids(store, descending=False)) == [
        "an2", "tu", "an", "anh", "dat", "phong", "doi", "chi"]
    assert ach.query_ids(store, sort="no-such-sort") == ach.query_ids(store)


def test_subject_sort_follows_vietnamese_name_order(ledger):
    ids = ach.query_ids(ledger["store"], sort="subject", descending=False)
    keys = keys_of(ledger, ids)
    persons = [k for k in keys if k in {"tu", "an", "an2", "anh", "dat"}]
    # Given name first: An < Anh < Ân < Đạt < Tư.
    assert persons == ["an", "anh", "an2", "dat", "tu"]
    collectives = [k for k in keys if k in {"phong", "doi", "chi"}]
    # Collectives too follow the Vietnamese alphabet: C < Đ < P.
    assert collectives == ["chi", "doi", "phong"]
    assert keys_of(ledger, ach.query_ids(ledger["store"], sort="subject", descending=True)) == keys[::-1]


def test_other_sorts(ledger):
    store = ledger["store"]
    by_measure = keys_of(ledger, ach.query_ids(store, sort="measure", descending=True))
    measured = [k for k in by_measure if k in {"tu", "an2", "anh", "dat"}]
    assert measured == ["anh", "an2", "tu", "dat"]  # 99.5 > 80 > 50 > 3
    titles = [ach.get(store, i).title for i in ach.query_ids(store, sort="title", descending=False)]
    assert titles == sorted(titles, key=str.casefold)


def test_evidence_sort(ledger, tmp_path):
    store, ids = ledger["store"], ledger["ids"]
    f = tmp_path / "a.txt"
    f.write_bytes(b"a")
    g = tmp_path / "b.txt"
    g.write_bytes(b"b")
    evidence.attach(store, ids["an"], f)
    evidence.attach(store, ids["an"], g)
    evidence.attach(store, ids["doi"], f)
    assert keys_of(ledger, ach.query_ids(store, sort="evidence", descending=True))[:2] == ["an", "doi"]


def test_filters(ledger):
    store, ids, who, team = ledger["store"], ledger["ids"], ledger["people"], ledger["teams"]
    assert keys_of(ledger, ach.query_ids(store, LedgerFilter(person_id=who["Nguyễn Văn An"]))) == ["an"]
    assert keys_of(ledger, ach.query_ids(store, LedgerFilter(collective_id=team["Đội lưu động"]))) == ["doi"]
    assert keys_of(ledger, ach.query_ids(store, LedgerFilter(
        date_from=dt.date(2025, 2, 10), date_to=dt.date(2025, 4, 1)), descending=False)) == ["an", "anh", "dat"]
    assert keys_of(ledger, ach.query_ids(store, LedgerFilter(text="bao cao"))) == ["an"]
    assert keys_of(ledger, ach.query_ids(store, LedgerFilter(text="DAO"))) == ["doi"]
    assert keys_of(ledger, ach.query_ids(store, LedgerFilter(text="Lê"), descending=False)) == ["an2", "tu"]
    assert keys_of(ledger, ach.query_ids(store, LedgerFilter(text="phong nghiep"))) == ["phong"]
    assert ach.query_ids(store, LedgerFilter(text="!!!")) == []
    assert ach.query_ids(store, LedgerFilter(text="khongcogi")) == []
    assert len(ach.query_ids(store, LedgerFilter(text="   "))) == len(ids)
    ach.archive(store, ids["an"])
    assert ach.query_ids(store, LedgerFilter(text="bao cao")) == []
    assert keys_of(ledger, ach.query_ids(store, LedgerFilter(text="bao cao", archived=True))) == ["an"]


def test_rows_and_latest(ledger, tmp_path):
    store, ids = ledger["store"], ledger["ids"]
    f = tmp_path / "a.txt"
    f.write_bytes(b"a")
    evidence.attach(store, ids["an"], f)
    found = ach.rows(store, [ids["an"], ids["doi"]])
    assert set(found) == {ids["an"], ids["doi"]}
    assert found[ids["an"]]["subject_name"] == "Nguyễn Văn An"
    assert found[ids["an"]]["evidence_count"] == 1
    assert found[ids["doi"]]["subject_name"] == "Đội lưu động"
    assert found[ids["doi"]]["evidence_count"] == 0
    assert ach.rows(store, []) == {}
    assert [r["id"] for r in ach.latest(store, 3)] == [ids["chi"], ids["doi"], ids["phong"]]


def test_rows_in_chunks(store, pid):
    with store.transaction():
        made = [ach.add(store, Achievement(D, f"Việc {i}", person_id=pid)) for i in range(1203)]
    shuffled = made[:]
    random.Random(5).shuffle(shuffled)
    found = ach.rows(store, shuffled)
    assert sorted(found) == sorted(made)
    assert found[made[1202]]["title"] == "Việc 1202"


@pytest.mark.parametrize("sort", sorted(ach.SORTS))
def test_limit_keeps_the_order(ledger, sort):
    store = ledger["store"]
    for descending in (True, False):
        full = ach.query_ids(store, sort=sort, descending=descending)
        assert ach.query_ids(store, sort=sort, descending=descending, limit=3) == full[:3]


# -- the ledger's first page ------------------------------------------------------------------------

@pytest.mark.parametrize("common", [True, False])
def test_first_page_is_the_start_of_the_whole_ledger_and_counts_it(store, pid, common):
    """A search's first page (walking the date index when the word is common, looking up its
    matches when rare) and its count agree with the whole query, on both sides of the archive."""
    rng = random.Random(16)
    ids = []
    for i in range(60):
        title = "Báo cáo chuyên đề" if common or i % 12 == 0 else "Tổ chức hội nghị"
        ids.append(ach.add(store, Achievement(D - dt.timedelta(days=rng.randint(0, 40)), f"{title} {i}",
                                              person_id=pid)))
    for aid in ids[::7]:
        ach.archive(store, aid)
    for flt in (LedgerFilter(text="bao ca"), LedgerFilter(text="BÁO cáo", archived=True),
                LedgerFilter(text="bao cao", person_id=pid), LedgerFilter(), LedgerFilter(text="khong co")):
        whole = ach.query_ids(store, flt)
        for descending in (True, False):
            whole = ach.query_ids(store, flt, descending=descending)
            for size in (1, 5, 200):
                page, total, exact = ach.first_page(store, flt, size, descending=descending)
                assert page == whole[:size], (flt, size)
                assert total == len(whole) == ach.count_ids(store, flt) and exact
    assert ach.first_page(store, LedgerFilter(text="bao"), 5).total == (51 if common else 4)


@pytest.mark.parametrize("limit, total, exact", [(100, 35, True), (35, 35, True), (34, 35, False), (20, 21, False)])
def test_a_search_alone_reads_the_index_in_date_order_and_counts_to_a_limit(store, pid, monkeypatch, limit,
                                                                           total, exact):
    """The ledger's first page of a search with no other filter is the index's first rows (it keeps the
    achievements in date order): nothing is sorted or collected. The count is exact up to
    ``COUNT_LIMIT`` matches, and says "more than" above it, unless archived ones bring it back under."""
    monkeypatch.setattr(ach, "COUNT_LIMIT", limit)
    rng = random.Random(19)
    for i in range(40):  # entered out of date order, as a clerk catching up does
        aid = ach.add(store, Achievement(D - dt.timedelta(days=rng.randint(0, 400)), f"Báo cáo chuyên đề {i}",
                                         person_id=pid))
        if i % 8 == 0:
            ach.archive(store, aid)
    flt = LedgerFilter(text="bao cao")
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        page = ach.first_page(store, flt, 5)
        latest_first = ach.first_page(store, flt, 5, descending=False)
    finally:
        store.conn.set_trace_callback(None)
    assert page.ids == ach.query_ids(store, flt)[:5]
    assert latest_first.ids == ach.query_ids(store, flt, descending=False)[:5]
    assert (page.total, page.exact) == (total, exact) == (latest_first.total, latest_first.exact)
    assert ach.count_ids(store, flt) == 35
    walks = [sql for sql in statements if " MATCH " in sql and "ORDER BY f.rowid" in sql]
    assert len(walks) == 2 and not any("ledger_matches" in sql for sql in statements)
    for sql in walks:
        plan = " ".join(row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "TEMP B-TREE" not in plan, plan
