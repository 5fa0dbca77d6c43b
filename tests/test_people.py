"""Collectives and people, their yearly ratings and prior awards."""
from __future__ import annotations

import datetime as dt
import random
import sqlite3

import pytest

from desktop.records import achievements as ach
from desktop.records import people
from desktop.errors import NotFound, UserError, ValidationError
from desktop.records.people import Collective, Person, PriorAward
from desktop.store import audit
from desktop.text import name_sort_key

# The clock of every test here is set to one fixed day (see the fixture below).
TODAY = dt.date(2026, 6, 15)


@pytest.fixture(autouse=True)
def _fixed_today(_one_clock_per_test):
    _one_clock_per_test.set_now(TODAY)


def count(store, table):
    return store.scalar(f"SELECT count(*) FROM {table}")


def audit_count(store):
    return count(store, "audit_log")


# -- people: validation ------------------------------------------------------------------------------

@pytest.mark.parametrize("name, message", [
    ("", "Họ và tên không được để trống."),
    ("   ", "Họ và tên không được để trống."),
    ("An", "Hãy ghi đủ họ và tên (ít nhất hai chữ)."),
    ("  Nguyễn  ", "Hãy ghi đủ họ và tên (ít nhất hai chữ)."),
])
def test_person_name_is_required_in_full(store, name, message):
    with pytest.raises(ValidationError) as info:
        people.add_person(store, Person(name))
    assert info.value.fields == {"full_name": message}
    assert str(info.value) == message
    assert count(store, "person") == 0


@pytest.mark.parametrize("birth, message", [
    ("31/02/1990", "Không có ngày 31/02/1990."),
    ("hôm qua", "Ngày phải có dạng ngày/tháng/năm, ví dụ 05/09/2025."),
    (dt.date(TODAY.year - 5, 1, 1), "Ngày sinh không hợp lý (tuổi phải từ 15 đến 100)."),
    (dt.date(TODAY.year - 120, 1, 1), "Ngày sinh không hợp lý (tuổi phải từ 15 đến 100)."),
])
def test_bad_birth_date_is_refused(store, birth, message):
    with pytest.raises(ValidationError) as info:
        people.add_person(store, Person("Nguyễn Văn An", birth_date=birth))
    assert info.value.fields == {"birth_date": message}
    assert count(store, "person") == 0


def test_every_bad_field_is_reported_at_once(store):
    with pytest.raises(ValidationError) as info:
        people.add_person(store, Person("An", birth_date="32/01/1990", sex="khac", year_joined=1800))
    assert info.value.fields == {
        "full_name": "Hãy ghi đủ họ và tên (ít nhất hai chữ).",
        "birth_date": "Không có ngày 32/01/1990.",
        "sex": "Giới tính phải là Nam hoặc Nữ.",
        "year_joined": "Năm vào đơn vị không hợp lệ.",
    }
    assert count(store, "person") == 0


def test_year_joined_cannot_be_in_the_future(store):
    with pytest.raises(ValidationError) as info:
        people.add_person(store, Person("Nguyễn Văn An", year_joined=TODAY.year + 1))
    assert set(info.value.fields) == {"year_joined"}


def test_person_is_stored_clean(store):
    pid = people.add_person(store, Person("  Nguye\u0302\u0303n   Thị  A\u0301nh ", birth_date="05/09/1985", sex="",
                                          position=" Trợ giúp  viên ", rank=" Hạng  II"))
    p = people.get_person(store, pid)
    assert p.full_name == "Nguyễn Thị Ánh"
    assert p.birth_date == dt.date(1985, 9, 5)
    assert p.sex is None
    assert (p.position, p.rank) == ("Trợ giúp viên", "Hạng II")
    assert store.scalar("SELECT sort_key FROM person WHERE id = ?", (pid,)) == name_sort_key("Nguyễn Thị Ánh")
    assert store.scalar("SELECT birth_date FROM person WHERE id = ?", (pid,)) == "1985-09-05"


def test_update_person_renames_and_resorts(store):
    a = people.add_person(store, Person("Nguyễn Văn An"))
    b = people.add_person(store, Person("Lê Văn Bình"))
    assert [p.id for p in people.list_people(store)] == [a, b]
    people.update_person(store, Person("Nguyễn Văn Xuân", id=a))
    assert people.get_person(store, a).full_name == "Nguyễn Văn Xuân"
    assert [p.id for p in people.list_people(store)] == [b, a]


def test_update_or_get_a_missing_person(store):
    with pytest.raises(NotFound, match="Không tìm thấy cá nhân số 42"):
        people.update_person(store, Person("Nguyễn Văn An", id=42))
    with pytest.raises(NotFound, match="Không tìm thấy cá nhân số 42"):
        people.get_person(store, 42)


NAMES_IN_ORDER = ["Nguyễn Văn An", "Trần Văn Anh", "Lê Thị Ân", "Bùi Văn Đạt", "Lê Thị Hà", "Trần Thị Hải",
                  "Đỗ Văn Nam", "Nguyễn Văn Nam", "Lê Văn Tú", "Lê Văn Tư"]


def test_list_people_in_vietnamese_order(store):
    shuffled = NAMES_IN_ORDER[:]
    random.Random(11).shuffle(shuffled)
    for name in shuffled:
        people.add_person(store, Person(name))
    assert [p.full_name for p in people.list_people(store)] == NAMES_IN_ORDER


def test_list_people_of_a_collective(store):
    a = people.add_collective(store, Collective("Phòng A"))
    b = people.add_collective(store, Collective("Phòng B"))
    people.add_person(store, Person("Trần Văn Anh", collective_id=a))
    people.add_person(store, Person("Nguyễn Văn An", collective_id=a))
    people.add_person(store, Person("Lê Thị Hà", collective_id=b))
    assert [p.full_name for p in people.list_people(store, a)] == ["Nguyễn Văn An", "Trần Văn Anh"]
    assert [p.full_name for p in people.list_people(store, b)] == ["Lê Thị Hà"]


def test_person_in_a_missing_collective_is_refused(store):
    # The dialogs only offer existing collectives; the foreign key is the last line of defence.
    with pytest.raises(sqlite3.IntegrityError):
        people.add_person(store, Person("Nguyễn Văn An", collective_id=999))
    assert count(store, "person") == 0


# -- people: delete ----------------------------------------------------------------------------------

def test_a_person_with_achievements_cannot_be_deleted(store):
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    for title in ("Thành tích một", "Thành tích hai"):
        ach.add(store, ach.Achievement(dt.date(2025, 1, 2), title, person_id=pid))
    with pytest.raises(UserError) as info:
        people.delete_person(store, pid)
    assert str(info.value) == ("Không xóa được: cá nhân này còn 2 thành tích trong sổ. "
                               "Hãy lưu trữ hoặc chuyển các thành tích trước.")
    assert people.get_person(store, pid)


def test_archived_achievements_also_keep_a_person(store):
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    aid = ach.add(store, ach.Achievement(dt.date(2025, 1, 2), "Một", person_id=pid))
    ach.archive(store, aid)
    with pytest.raises(UserError, match="còn 1 thành tích"):
        people.delete_person(store, pid)


def test_deleting_a_person_takes_ratings_and_prior_awards(store):
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    people.set_rating(store, pid, 2024, "tot")
    people.add_prior_award(store, PriorAward("Lao động tiên tiến", 2024, person_id=pid))
    people.delete_person(store, pid)
    assert (count(store, "person"), count(store, "rating"), count(store, "prior_award")) == (0, 0, 0)
    assert count(store, "search_fts") == 0


# -- collectives ---------------------------------------------------------------------------------------

def test_collective_name_required(store):
    with pytest.raises(ValidationError) as info:
        people.add_collective(store, Collective("  "))
    assert info.value.fields == {"name": "Tên tập thể không được để trống."}


def test_only_one_collective_is_the_unit(store):
    people.add_collective(store, Collective("Trung tâm", is_unit=True))
    with pytest.raises(ValidationError) as info:
        people.add_collective(store, Collective("Trung tâm khác", is_unit=True))
    assert info.value.fields == {"is_unit": "Đơn vị đã có; chỉ có một tập thể là cả đơn vị."}
    assert count(store, "collective") == 1


def test_editing_a_team_into_a_second_unit_is_refused(store):
    unit_id = people.add_collective(store, Collective("Trung tâm", is_unit=True))
    team = people.add_collective(store, Collective("Phòng A", parent_id=unit_id))
    with pytest.raises(ValidationError) as info:
        people.update_collective(store, Collective("Phòng A", parent_id=unit_id, is_unit=True, id=team))
    assert info.value.fields == {"is_unit": "Đơn vị đã có; chỉ có một tập thể là cả đơn vị."}
    assert not people.get_collective(store, team).is_unit
    # The unit itself can be saved as the unit.
    people.update_collective(store, Collective("Trung tâm Trợ giúp pháp lý", is_unit=True, id=unit_id))
    assert people.get_collective(store, unit_id).name == "Trung tâm Trợ giúp pháp lý"


def test_a_collective_cannot_be_its_own_parent(store):
    cid = people.add_collective(store, Collective("Phòng A"))
    with pytest.raises(ValidationError, match="không thể trực thuộc chính nó"):
        people.update_collective(store, Collective("Phòng A", parent_id=cid, id=cid))
    with pytest.raises(NotFound, match="Không tìm thấy tập thể số 99"):
        people.update_collective(store, Collective("X", id=99))


def test_list_collectives_unit_first_then_vietnamese_order(store):
    for name in ["Phòng Nghiệp vụ 1", "Đội lưu động", "Chi nhánh số 1", "Ban Ăn ca"]:
        people.add_collective(store, Collective(name))
    people.add_collective(store, Collective("Trung tâm", is_unit=True))
    assert [c.name for c in people.list_collectives(store)] == [
        "Trung tâm", "Ban Ăn ca", "Chi nhánh số 1", "Đội lưu động", "Phòng Nghiệp vụ 1"]


def test_delete_collective_refusal_says_what_uses_it(store):
    unit_id = people.add_collective(store, Collective("Trung tâm", is_unit=True))
    team = people.add_collective(store, Collective("Phòng A", parent_id=unit_id))
    people.add_person(store, Person("Nguyễn Văn An", collective_id=team))
    people.add_person(store, Person("Lê Thị Hà", collective_id=team))
    ach.add(store, ach.Achievement(dt.date(2025, 1, 2), "Việc của phòng", collective_id=team))
    with pytest.raises(UserError) as info:
        people.delete_collective(store, team)
    assert str(info.value) == ("Không xóa được tập thể này: còn 2 cá nhân, 1 thành tích và "
                               "0 tập thể trực thuộc gắn với nó.")
    with pytest.raises(UserError, match="còn 0 cá nhân, 0 thành tích và 1 tập thể trực thuộc"):
        people.delete_collective(store, unit_id)
    assert count(store, "collective") == 2


def test_delete_unused_collective(store):
    cid = people.add_collective(store, Collective("Phòng A"))
    people.delete_collective(store, cid)
    with pytest.raises(NotFound):
        people.get_collective(store, cid)


# -- ratings -------------------------------------------------------------------------------------------

def test_set_and_clear_rating(store):
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    people.set_rating(store, pid, 2024, "tot")
    people.set_rating(store, pid, 2024, "xuat_sac")
    people.set_rating(store, pid, 2023, "hoan_thanh")
    assert people.ratings(store, pid) == {2023: "hoan_thanh", 2024: "xuat_sac"}
    people.set_rating(store, pid, 2023, None)
    assert people.ratings(store, pid) == {2024: "xuat_sac"}


@pytest.mark.parametrize("year, rating, field", [(2024, "gioi", "rating"), (1800, "tot", "year"),
                                                 (2300, "tot", "year")])
def test_bad_rating_is_refused(store, year, rating, field):
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    with pytest.raises(ValidationError) as info:
        people.set_rating(store, pid, year, rating)
    assert set(info.value.fields) == {field}
    assert people.ratings(store, pid) == {}


def test_set_ratings_writes_only_the_differences(store):
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    people.set_ratings(store, pid, {2022: "tot", 2023: "tot", 2024: "xuat_sac"})
    assert people.ratings(store, pid) == {2022: "tot", 2023: "tot", 2024: "xuat_sac"}

    before = audit_count(store)
    people.set_ratings(store, pid, {2022: "tot", 2023: "tot", 2024: "xuat_sac"})
    assert audit_count(store) == before  # nothing changed, nothing logged

    people.set_ratings(store, pid, {2023: "xuat_sac", 2024: "xuat_sac", 2025: "tot"})
    assert people.ratings(store, pid) == {2023: "xuat_sac", 2024: "xuat_sac", 2025: "tot"}
    new = [e for e in audit.entries(store, "rating") if e.id > before]
    assert sorted((e.action, (e.old_values or e.new_values)["year"]) for e in new) == [
        ("delete", 2022), ("insert", 2025), ("update", 2023)]


def test_set_ratings_is_all_or_nothing(store):
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    people.set_ratings(store, pid, {2023: "tot"})
    with pytest.raises(ValidationError):
        people.set_ratings(store, pid, {2024: "xuat_sac", 2025: "khong_co"})
    assert people.ratings(store, pid) == {2023: "tot"}


# -- prior awards --------------------------------------------------------------------------------------

def test_prior_award_must_be_in_the_catalog(store):
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    with pytest.raises(ValidationError) as info:
        people.add_prior_award(store, PriorAward("Huy chương vàng Olympic", 2024, person_id=pid))
    assert info.value.fields == {"award": "Hãy chọn danh hiệu hoặc hình thức khen thưởng trong danh mục."}
    assert count(store, "prior_award") == 0


def test_a_collective_award_is_refused_for_a_person(store):
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    with pytest.raises(ValidationError) as info:
        people.add_prior_award(store, PriorAward("Tập thể lao động tiên tiến", 2024, person_id=pid))
    assert info.value.fields == {"award": "Tập thể lao động tiên tiến chỉ dành cho tập thể."}


def test_a_personal_award_is_refused_for_a_collective(store):
    cid = people.add_collective(store, Collective("Phòng A"))
    with pytest.raises(ValidationError) as info:
        people.add_prior_award(store, PriorAward("Lao động tiên tiến", 2024, collective_id=cid))
    assert info.value.fields == {"award": "Lao động tiên tiến chỉ dành cho cá nhân."}


def test_award_for_both_fits_both(store):
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    cid = people.add_collective(store, Collective("Phòng A"))
    people.add_prior_award(store, PriorAward("Bằng khen của Thủ tướng Chính phủ", 2020, person_id=pid))
    people.add_prior_award(store, PriorAward("Bằng khen của Thủ tướng Chính phủ", 2020, collective_id=cid))
    assert len(people.prior_awards(store, person_id=pid)) == len(people.prior_awards(store, collective_id=cid)) == 1


@pytest.mark.parametrize("typed", ["Bằng khen Chủ tịch UBND tỉnh", "bang khen cua chu tich uy ban nhan dan tinh",
                                   "BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"])
def test_award_aliases_are_stored_under_the_canonical_name(store, typed):
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    people.add_prior_award(store, PriorAward(typed, 2023, " 12/QĐ-UBND ", "15/12/2023", " UBND  tỉnh ", person_id=pid))
    (award,) = people.prior_awards(store, person_id=pid)
    assert award.award == "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
    assert (award.decision_number, award.decision_date, award.issuer) == ("12/QĐ-UBND", dt.date(2023, 12, 15),
                                                                          "UBND tỉnh")


def test_prior_award_field_errors(store):
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    cid = people.add_collective(store, Collective("Phòng A"))
    with pytest.raises(ValidationError) as info:
        people.add_prior_award(store, PriorAward("Lao động tiên tiến", 1900, decision_date="30/02/2020",
                                                 person_id=pid, collective_id=cid))
    assert info.value.fields == {
        "year": "Năm khen thưởng không hợp lệ.",
        "decision_date": "Không có ngày 30/02/2020.",
        "subject": "Khen thưởng phải thuộc về một cá nhân hoặc một tập thể.",
    }
    with pytest.raises(ValidationError, match="Năm khen thưởng"):
        people.add_prior_award(store, PriorAward("Lao động tiên tiến", TODAY.year + 2, person_id=pid))
    with pytest.raises(ValidationError, match="một cá nhân hoặc một tập thể"):
        people.add_prior_award(store, PriorAward("Lao động tiên tiến", 2020))
    assert count(store, "prior_award") == 0


def test_replace_prior_awards_is_all_or_nothing(store):
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    people.add_prior_award(store, PriorAward("Lao động tiên tiến", 2022, person_id=pid))
    with pytest.raises(ValidationError):
        people.replace_prior_awards(store, person_id=pid, awards=[
            PriorAward("Chiến sĩ thi đua cơ sở", 2023), PriorAward("Không có trong danh mục", 2024)])
    assert [a.award for a in people.prior_awards(store, person_id=pid)] == ["Lao động tiên tiến"]
    people.replace_prior_awards(store, person_id=pid, awards=[
        PriorAward("Chiến sĩ thi đua cơ sở", 2024), PriorAward("Lao động tiên tiến", 2023)])
    assert [(a.award, a.year) for a in people.prior_awards(store, person_id=pid)] == [
        ("Lao động tiên tiến", 2023), ("Chiến sĩ thi đua cơ sở", 2024)]


def test_replace_prior_awards_of_a_collective_leaves_others_alone(store):
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    cid = people.add_collective(store, Collective("Phòng A"))
    people.add_prior_award(store, PriorAward("Lao động tiên tiến", 2022, person_id=pid))
    people.replace_prior_awards(store, collective_id=cid, awards=[PriorAward("Tập thể lao động tiên tiến", 2024)])
    assert [a.award for a in people.prior_awards(store, collective_id=cid)] == ["Tập thể lao động tiên tiến"]
    assert [a.award for a in people.prior_awards(store, person_id=pid)] == ["Lao động tiên tiến"]


def test_person_detail(store):
    cid = people.add_collective(store, Collective("Phòng Nghiệp vụ 1"))
    pid = people.add_person(store, Person("Nguyễn Văn An", collective_id=cid))
    people.set_rating(store, pid, 2024, "tot")
    people.add_prior_award(store, PriorAward("Lao động tiên tiến", 2024, person_id=pid))
    d = people.person_detail(store, pid)
    assert d.person.full_name == "Nguyễn Văn An"
    assert d.collective_name == "Phòng Nghiệp vụ 1"
    assert d.ratings == {2024: "tot"}
    assert [a.award for a in d.awards] == ["Lao động tiên tiến"]
    lone = people.add_person(store, Person("Lê Thị Hà"))
    assert people.person_detail(store, lone).collective_name is None


def test_saving_unchanged_prior_awards_writes_no_audit_rows(store):
    from desktop.records.people import PriorAward, prior_awards, replace_prior_awards

    pid = people.add_person(store, people.Person("Nguyễn Văn Tâm"))
    replace_prior_awards(store, person_id=pid, awards=[PriorAward("Lao động tiên tiến", 2023, "12/QĐ-STP"),
                                                       PriorAward("Chiến sĩ thi đua cơ sở", 2024)])
    before = store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'prior_award'")
    replace_prior_awards(store, person_id=pid, awards=prior_awards(store, person_id=pid))
    assert store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'prior_award'") == before
    replace_prior_awards(store, person_id=pid, awards=[PriorAward("Chiến sĩ thi đua cơ sở", 2024)])
    assert [a.award for a in prior_awards(store, person_id=pid)] == ["Chiến sĩ thi đua cơ sở"]
    assert store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'prior_award'") == before + 1
