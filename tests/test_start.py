"""The first start, the unit's set-up and profile, and the demo kept in a file of its own."""
from __future__ import annotations

import unicodedata

import pytest
from gui_support import hold_meeting

from desktop.campaigns import campaign as campaigns
from desktop.commands import main as cli
from desktop.records import people, unit
from desktop import start
from desktop.dossier import drafts
from desktop.errors import ValidationError
from desktop.paths import data_dir, default_db_path, demo_db_path
from desktop.store import Store

PROFILE = unit.UnitProfile(
    name="Trung tâm Lưu trữ lịch sử tỉnh Hà Tĩnh",
    governing_body="Sở Nội vụ tỉnh Hà Tĩnh",
    province="Hà Tĩnh",
    abbreviation="ttlt",
    head_name="Nguyễn Thị Mai",
    head_title="Giám đốc",
)


def collective_rows(store):
    return [(c.name, c.parent_id, c.is_unit) for c in people.list_collectives(store)]


# -- where the files are ---------------------------------------------------------------------------

def test_the_demo_has_a_file_of_its_own_in_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("THIDUA_DATA_DIR", str(tmp_path / "du-lieu"))
    monkeypatch.delenv("THIDUA_DB")
    assert data_dir() == tmp_path / "du-lieu"
    assert default_db_path() == tmp_path / "du-lieu" / "sothidua.sqlite"
    assert demo_db_path() == tmp_path / "du-lieu" / "demo.sqlite"
    # THIDUA_DB moves the clerk's file only; the demo stays in the data folder.
    monkeypatch.setenv("THIDUA_DB", str(tmp_path / "khac" / "don-vi.sqlite"))
    assert default_db_path() == tmp_path / "khac" / "don-vi.sqlite"
    assert demo_db_path() == tmp_path / "du-lieu" / "demo.sqlite"


# -- is this a first start -------------------------------------------------------------------------

def test_a_missing_file_is_a_first_start_and_finding_out_creates_nothing(tmp_path):
    path = tmp_path / "chua-co" / "sothidua.sqlite"
    assert start.is_first_start(path)
    assert not path.exists() and not path.parent.exists()


def test_a_blank_file_is_a_first_start_until_something_is_entered(tmp_path):
    path = tmp_path / "trong.sqlite"
    with Store(path) as store:
        assert start.is_blank(store) and start.is_first_start(path, store)
        unit.save(store, unit.UnitProfile(name="Trung tâm"))
        assert not start.is_first_start(path, store)
    with Store(tmp_path / "tap-the.sqlite") as store:
        people.add_collective(store, people.Collective("Phòng Nghiệp vụ"))
        assert not start.is_blank(store)
    with Store(tmp_path / "da-xoa.sqlite") as store:
        cid = people.add_collective(store, people.Collective("Phòng tạm"))
        people.delete_collective(store, cid)
        assert not start.is_blank(store)  # the file has a history: someone uses it


def test_the_demo_marks_its_file(demo_store, store):
    assert start.is_demo(demo_store) and not start.is_blank(demo_store)
    assert not start.is_demo(store)
    unit.setup_unit(store, PROFILE, ["Phòng Nghiệp vụ"])
    assert not start.is_demo(store)


# -- the unit's set-up and profile --------------------------------------------------------------------

def test_setup_unit_writes_the_profile_the_unit_and_its_collectives(store):
    decomposed = unicodedata.normalize("NFD", "  Phòng Hành chính - Tổng hợp ")
    unit_id = unit.setup_unit(store, PROFILE, [decomposed, "", "Chi nhánh số 1"])
    saved = unit.get(store)
    assert saved == unit.UnitProfile(PROFILE.name, PROFILE.governing_body, PROFILE.province, "TTLT",
                                     PROFILE.head_name, PROFILE.head_title, "")
    assert collective_rows(store) == [
        (PROFILE.name, None, True),
        ("Chi nhánh số 1", unit_id, False),
        ("Phòng Hành chính - Tổng hợp", unit_id, False),
    ]
    assert not start.is_first_start(store.path, store)


def test_setup_unit_is_all_or_nothing(store):
    people.add_collective(store, people.Collective("Phòng Nghiệp vụ 1"))
    before = collective_rows(store)
    with pytest.raises(ValidationError) as err:
        unit.setup_unit(store, PROFILE, ["Phòng Nghiệp vụ 2", "Phòng Nghiệp vụ 1"])
    assert "Phòng Nghiệp vụ 1" in err.value.fields["collectives"]
    # The profile and the unit's collective were written before the clash, and rolled back with it.
    assert unit.get(store) == unit.UnitProfile()
    assert collective_rows(store) == before

    with pytest.raises(ValidationError) as err:
        unit.setup_unit(store, PROFILE, ["Tổ Công nghệ", "tổ công nghệ"])
    assert "hai lần" in err.value.fields["collectives"]
    assert collective_rows(store) == before


def test_the_profile_is_checked_field_by_field():
    with pytest.raises(ValidationError) as err:
        unit.validate(unit.UnitProfile(name=" ", abbreviation="TTr/TTLT", head_name="Nguyễn Thị Mai"))
    assert set(err.value.fields) == {"name", "abbreviation", "head_title"}
    assert "tên đơn vị" in err.value.fields["name"]
    assert "“/”" in err.value.fields["abbreviation"]
    assert "chức vụ" in err.value.fields["head_title"]
    clean = unit.validate(unit.UnitProfile(name="Trung tâm", abbreviation="tt tgpl"))
    assert clean.abbreviation == "TTTGPL"
    assert unit.validate(unit.UnitProfile(name="Hội đồng", abbreviation="hđtđkt")).abbreviation == "HĐTĐKT"


def test_renaming_the_unit_renames_its_collective(store):
    unit.setup_unit(store, PROFILE, ["Phòng Nghiệp vụ"])
    unit.save(store, unit.UnitProfile(name="Trung tâm Lưu trữ tỉnh", head_name="Lê Văn Nam", head_title="Giám đốc"))
    assert [c.name for c in people.list_collectives(store) if c.is_unit] == ["Trung tâm Lưu trữ tỉnh"]


def test_new_drafts_carry_the_edited_profile(demo_store):
    unit.save(demo_store, unit.UnitProfile(
        name="Trung tâm Lưu trữ lịch sử tỉnh Hà Tĩnh", governing_body="Sở Nội vụ tỉnh Hà Tĩnh", province="Hà Tĩnh",
        abbreviation="TTLT", head_name="Nguyễn Thị Mai", head_title="Phó Giám đốc phụ trách"))
    hold_meeting(demo_store, 2)  # a Tờ trình follows the council's meeting
    text = drafts.document(demo_store, drafts.create(demo_store, "to_trinh", 2)).plain_text()
    assert "SỞ NỘI VỤ TỈNH HÀ TĨNH" in text and "TRUNG TÂM LƯU TRỮ LỊCH SỬ TỈNH HÀ TĨNH" in text
    assert "/TTr-TTLT" in text
    assert "Hội đồng Thi đua - Khen thưởng Trung tâm Lưu trữ lịch sử tỉnh Hà Tĩnh" in text
    assert "PHÓ GIÁM ĐỐC PHỤ TRÁCH" in text and "Nguyễn Thị Mai" in text
    assert "Trợ giúp pháp lý nhà nước" not in text.split("TỜ TRÌNH")[0]


# -- the demo command keeps away from the clerk's file ----------------------------------------------------

def test_demo_command_fills_the_demo_file_and_never_the_clerks(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("THIDUA_DATA_DIR", str(tmp_path / "du-lieu"))
    monkeypatch.setenv("THIDUA_DB", str(tmp_path / "du-lieu" / "sothidua.sqlite"))
    assert cli.main(["demo", "--seed", "7"]) == 0
    out = capsys.readouterr().out
    assert f"Tệp dữ liệu mẫu: {demo_db_path().resolve()}" in out
    assert not default_db_path().exists()
    with Store(demo_db_path()) as store:
        assert start.is_demo(store) and store.counts()["people"] > 0


def test_demo_command_refuses_a_file_with_a_unit(tmp_path, capsys):
    path = tmp_path / "don-vi.sqlite"
    with Store(path) as store:
        unit.setup_unit(store, PROFILE, ["Phòng Nghiệp vụ"])
        before = store.counts()
    assert cli.main(["--db", str(path), "demo"]) == 2
    err = capsys.readouterr().err
    assert "đã có dữ liệu của một đơn vị" in err and "Bỏ --db" in err
    assert cli.main(["--db", str(path), "demo", "--if-empty"]) == 0
    with Store(path) as store:
        assert store.counts() == before and not start.is_demo(store)
        assert unit.get(store).name == PROFILE.name


@pytest.mark.parametrize("day", ["2027-12-20", "2027-12-31"])
def test_the_demo_proposes_only_work_inside_each_campaigns_period(tmp_path, day, _one_clock_per_test):
    """Late in December the ledger already holds work done after a period that ended on 15/12: the demo
    must not propose it, or its Báo cáo (which cites only the period) has nothing to finalise."""
    import datetime as dt

    from desktop.demo import unit as demo

    _one_clock_per_test.set_now(dt.date.fromisoformat(day))
    with Store(tmp_path / "mau.sqlite") as store:
        made = demo.fill(store, seed=7)
        assert made["văn bản hoàn thiện"] > 0
        for c in store.query("SELECT id FROM campaign"):
            first, last = drafts.period_bounds(campaigns.get(store, c["id"]))
            for row in store.query("SELECT a.date FROM nomination n JOIN nomination_achievement na "
                                   "ON na.nomination_id = n.id JOIN achievement a ON a.id = na.achievement_id "
                                   "WHERE n.campaign_id = ?", (c["id"],)):
                d = dt.date.fromisoformat(row["date"])
                assert (first is None or d >= first) and (last is None or d <= last)
