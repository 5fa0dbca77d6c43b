"""Search ignores case, tone marks, vowel marks and đ/Đ, and follows renames."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from desktop.text import fold

from desktop.records import achievements as ach
from desktop.records import people
from desktop.records.people import Collective, Person
from desktop.records.search import Hit, search

D = dt.date(2025, 3, 15)


@pytest.fixture
def data(store):
    team = people.add_collective(store, Collective("Phòng Nghiệp vụ 1"))
    other_team = people.add_collective(store, Collective("Chi nhánh số 1"))
    dao = people.add_person(store, Person("Đào Thị Hoa", position="Trợ giúp viên pháp lý", collective_id=team))
    an = people.add_person(store, Person("Nguyễn Văn An", collective_id=other_team))
    ids = {
        "bao_cao": ach.add(store, ach.Achievement(D, "Báo cáo tổng hợp đánh giá chất lượng", person_id=dao)),
        "chuyen_doi": ach.add(store, ach.Achievement(dt.date(2025, 4, 1), "Ứng dụng chuyển đổi số", person_id=an,
                                                     criterion="Chuyển đổi số")),
        "team_ach": ach.add(store, ach.Achievement(dt.date(2025, 5, 1), "Hoàn thành chỉ tiêu quý", collective_id=team,
                                               measure_value=110, measure_unit="%")),
    }
    return {"store": store, "team": team, "other_team": other_team, "dao": dao, "an": an, **ids}


def achievement_ids(hits):
    return sorted(h.id for h in hits if h.kind == "achievement")


def person_ids(hits):
    return sorted(h.id for h in hits if h.kind == "person")


@pytest.mark.parametrize("typed", ["bao cao", "BÁO CÁO", "ba\u0301o ca\u0301o", "Báo cáo", "bÁO cÁO", "  bao   cao  "])
def test_every_way_of_typing_finds_bao_cao(data, typed):
    hits = search(data["store"], typed)
    assert achievement_ids(hits) == [data["bao_cao"]]
    (hit,) = [h for h in hits if h.kind == "achievement"]
    assert hit == Hit(data["bao_cao"], "achievement", "2025-03-15", "Đào Thị Hoa",
                      "Báo cáo tổng hợp đánh giá chất lượng")


@pytest.mark.parametrize("typed", ["dao", "Dao", "ĐÀO", "đào", "dao thi hoa"])
def test_d_finds_d_with_stroke(data, typed):
    hits = search(data["store"], typed)
    assert person_ids(hits) == [data["dao"]]
    (person,) = [h for h in hits if h.kind == "person"]
    assert person == Hit(data["dao"], "person", None, "Phòng Nghiệp vụ 1", "Đào Thị Hoa")
    # Her achievement is found through her name.
    assert data["bao_cao"] in achievement_ids(hits)


@pytest.mark.parametrize("typed", ["chuy", "chuyển đ", "Chuyen doi s", "ung dung", "ỨNG D"])
def test_prefix_of_the_last_word(data, typed):
    assert achievement_ids(search(data["store"], typed)) == [data["chuyen_doi"]]


def test_only_the_last_word_is_a_prefix(data):
    # "chuy" alone is a prefix, but as a non-final word it must be whole.
    assert search(data["store"], "chuy doi") == []


def test_every_word_must_match(data):
    assert search(data["store"], "bao cao chuyen doi") == []
    assert achievement_ids(search(data["store"], "bao cao dao")) == [data["bao_cao"]]


def test_fields_searched(data):
    store = data["store"]
    assert person_ids(search(store, "tro giup vien")) == [data["dao"]]        # position
    assert person_ids(search(store, "chi nhanh")) == [data["an"]]             # person's collective
    # An achievement is found by its subject's name, not by the subject's collective.
    assert achievement_ids(search(store, "chi nhanh")) == []
    assert achievement_ids(search(store, "phong nghiep")) == [data["team_ach"]]  # a collective subject


def test_renaming_a_person_reindexes_their_achievements(data):
    store = data["store"]
    people.update_person(store, Person("Trương Thị Hoa", position="Trợ giúp viên pháp lý", collective_id=data["team"],
                                       id=data["dao"]))
    assert search(store, "dao") == []
    hits = search(store, "truong")
    assert person_ids(hits) == [data["dao"]]
    assert achievement_ids(hits) == [data["bao_cao"]]
    assert [h.subject for h in hits if h.kind == "achievement"] == ["Trương Thị Hoa"]


def test_moving_a_person_reindexes_the_person(data):
    store = data["store"]
    people.update_person(store, Person("Đào Thị Hoa", collective_id=data["other_team"], id=data["dao"]))
    assert person_ids(search(store, "chi nhanh")) == sorted([data["dao"], data["an"]])
    assert person_ids(search(store, "phong nghiep")) == []


def test_renaming_a_collective_reindexes_its_achievements_and_people(data):
    store = data["store"]
    people.update_collective(store, Collective("Đội lưu động", id=data["team"]))
    assert search(store, "phong nghiep") == []
    hits = search(store, "doi luu dong")
    assert achievement_ids(hits) == [data["team_ach"]]
    assert person_ids(hits) == [data["dao"]]
    assert [h.subject for h in hits if h.kind == "achievement"] == ["Đội lưu động"]


def test_editing_an_achievement_reindexes_it(data):
    store = data["store"]
    ach.update(store, ach.Achievement(D, "Tổng kết năm", person_id=data["dao"], id=data["bao_cao"]))
    assert achievement_ids(search(store, "bao cao")) == []
    assert achievement_ids(search(store, "tong ket")) == [data["bao_cao"]]


def test_archived_achievements_hidden_unless_asked(data):
    store = data["store"]
    ach.archive(store, data["bao_cao"])
    assert achievement_ids(search(store, "bao cao")) == []
    assert achievement_ids(search(store, "bao cao", include_archived=True)) == [data["bao_cao"]]
    ach.restore(store, data["bao_cao"])
    assert achievement_ids(search(store, "bao cao")) == [data["bao_cao"]]


def test_deleted_records_leave_the_index(data):
    store = data["store"]
    with store.transaction() as conn:
        conn.execute("DELETE FROM achievement WHERE person_id = ?", (data["an"],))
    people.delete_person(store, data["an"])
    assert search(store, "nguyen") == []
    assert search(store, "chuyen doi") == []


@pytest.mark.parametrize("typed", ["", "   ", "!!!", "…", '"', "*", "()", "-", "“”", "_", "__"])
def test_nothing_to_search_gives_nothing(data, typed):
    assert search(data["store"], typed) == []


@pytest.mark.parametrize("typed", ["AND", "OR hoa", "NOT", "NEAR(a b)", 'bao" OR "x', "col:x", "^bao", "bao*cao"])
def test_fts_syntax_is_harmless(data, typed):
    """FTS5 operators typed by a clerk are plain words: no error, and only records with those words come back."""
    found = search(data["store"], typed)
    assert isinstance(found, list)
    words = re.findall(r"\w+", fold(typed))
    for hit in found:
        text = fold(" ".join(str(v) for v in hit.as_dict().values() if isinstance(v, str)))
        assert all(w in text for w in words), (typed, hit)


def test_limit(store):
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    with store.transaction():
        for i in range(30):
            ach.add(store, ach.Achievement(D, f"Số hóa hồ sơ đợt {i}", person_id=pid))
    assert len(search(store, "so hoa", limit=7)) == 7
    assert len(search(store, "so hoa")) == 30


def test_limit_counts_only_shown_hits(store):
    """Archived matches must not use up the limit of live ones."""
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    with store.transaction():
        archived = [ach.add(store, ach.Achievement(D, "Số hóa hồ sơ", person_id=pid)) for _ in range(10)]
        live = ach.add(store, ach.Achievement(D, "Số hóa hồ sơ", person_id=pid))
        for aid in archived:
            ach.archive(store, aid)
    assert achievement_ids(search(store, "so hoa", limit=5)) == [live]


def test_hit_as_dict(data):
    hit = search(data["store"], "bao cao")[0]
    assert hit.as_dict() == {"id": hit.id, "kind": hit.kind, "date": hit.date, "subject": hit.subject,
                             "title": hit.title}


@pytest.fixture
def many(store):
    """Thirty achievements matching "so hoa", the oldest the best matches (the shortest text), the newest
    archived; and a clerk whose position matches."""
    clerk = people.add_person(store, Person("Lê Văn Cường", position="Chuyên viên số hóa"))
    an = people.add_person(store, Person("Nguyễn Văn An"))
    with store.transaction():
        ids = [ach.add(store, ach.Achievement(D, "Số hóa" + " văn bản" * i, person_id=an)) for i in range(30)]
        ach.archive(store, ids[-1])
    return {"store": store, "clerk": clerk, "ids": ids}


def test_every_match_is_ranked_up_to_newest(many):
    store, ids = many["store"], many["ids"]
    full = search(store, "so hoa", limit=100, newest=None)
    assert (full.matched, full.newest) == (30, None)  # 29 live achievements and the clerk
    assert [h.id for h in full if h.kind == "achievement"] == ids[:29]
    assert person_ids(full) == [many["clerk"]]
    at_most = search(store, "so hoa", limit=100, newest=30)
    assert (at_most, at_most.matched, at_most.newest) == (full, 30, None)


def test_above_newest_the_best_of_the_newest_and_of_the_people(many):
    """Above ``newest`` matches only the newest live ones and the people are ranked, as the full ranking
    orders them."""
    store, ids = many["store"], many["ids"]
    full = search(store, "so hoa", limit=100, newest=None)
    window = search(store, "so hoa", limit=100, newest=10)
    assert (window.matched, window.newest) == (30, 10)
    assert [h.id for h in window if h.kind == "achievement"] == ids[19:29]
    assert person_ids(window) == [many["clerk"]]
    assert window == [h for h in full if h in window]
    assert search(store, "so hoa", limit=4, newest=10) == window[:4]
    archived_too = search(store, "so hoa", limit=100, newest=10, include_archived=True)
    assert (archived_too.matched, archived_too.newest) == (31, 10)
    assert [h.id for h in archived_too if h.kind == "achievement"] == ids[20:]


def test_above_newest_equal_matches_come_newest_first(store):
    an = people.add_person(store, Person("Nguyễn Văn An"))
    with store.transaction():
        ids = [ach.add(store, ach.Achievement(D, "Số hóa hồ sơ", person_id=an)) for _ in range(6)]
    assert [h.id for h in search(store, "so hoa", newest=4)] == ids[:1:-1]
