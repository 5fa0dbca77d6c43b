"""Đăng ký thi đua: titles and targets per criterion, defaults from the plan, a unit's rule that may require it."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.records import achievements as ach
from desktop.campaigns import campaign as cm
from desktop.council import nominations as nm
from desktop.records import people
from desktop.campaigns import registration as rg
from desktop.errors import ValidationError

TODAY = dt.date(2026, 3, 10)
GK = "Giấy khen của Giám đốc Sở"
LDTT = "Lao động tiên tiến"


@pytest.fixture
def world(store):
    c = cm.Campaign(
        title="Thi đua chuyển đổi số năm 2026", number="12/KH-STP", doc_date="2026-01-20",
        period_start="2026-01", period_end="2026-12", deadline="2026-12-05",
        criteria=[cm.Criterion("Tỷ lệ văn bản ký số", "tap_the", 100, "%"),
                  cm.Criterion("Số hồ sơ số hóa", "ca_nhan", 120, "hồ sơ"),
                  cm.Criterion("Tăng số vụ việc trợ giúp", "ca_hai", 5, "%", target_direction="tang",
                               target_reference="năm trước")],
        awards=[cm.CampaignAward(GK, "Giấy khen", 2, 2)],
        phase_records=[cm.CampaignPhase("Sơ kết 6 tháng", "2026-01", "2026-06", "2026-06-20"),
                       cm.CampaignPhase("Tổng kết", "2026-07", "2026-12", "2026-12-05")])
    cm.save(store, c)
    unit_id = people.add_collective(store, people.Collective("Trung tâm Trợ giúp pháp lý", is_unit=True))
    team = people.add_collective(store, people.Collective("Phòng Nghiệp vụ 1", parent_id=unit_id))
    lan = people.add_person(store, people.Person("Nguyễn Thị Lan", collective_id=team, position="Trợ giúp viên"))
    binh = people.add_person(store, people.Person("Trần Văn Bình", collective_id=team))
    people.set_rating(store, lan, 2026, "xuat_sac")
    people.set_rating(store, binh, 2026, "xuat_sac")
    return {"c": cm.get(store, c.id), "unit": unit_id, "team": team, "lan": lan, "binh": binh}


def test_a_new_registration_defaults_its_targets_from_the_plans_criteria(store, world):
    c = world["c"]
    person = rg.new(store, c.id, person_id=world["lan"])
    k = c.criteria
    # A person: the individual criterion at the plan's level, the relative one left for the person to state.
    assert [(t.criterion_id, t.value, t.unit) for t in person.targets] == [(k[1].id, 120, "hồ sơ"),
                                                                          (k[2].id, None, "%")]
    team = rg.new(store, c.id, collective_id=world["team"])
    assert [(t.criterion_id, t.value) for t in team.targets] == [(k[0].id, 100), (k[2].id, None)]


def test_registrations_are_stored_listed_and_replaced_per_subject_and_phase(store, world):
    c = world["c"]
    r = rg.new(store, c.id, collective_id=world["unit"])
    r.titles = ["Tập thể lao động tiên tiến"]
    r.targets[0].value = 98
    r.registered_on = "15/3/2026"
    rg.save(store, r)
    p = rg.new(store, c.id, person_id=world["lan"], phase_id=c.phase_records[0].id)
    p.titles = [LDTT, GK, " "]
    p.targets[0].due_date = "30/6/2026"
    rg.save(store, p)
    rg.save(store, rg.new(store, c.id, collective_id=world["team"]))

    again = rg.get(store, r.id)
    assert (again.titles, again.registered_on, again.targets[0].value) == (["Tập thể lao động tiên tiến"],
                                                                           "2026-03-15", 98)
    assert rg.get(store, p.id).titles == [LDTT, GK]
    rows = rg.list_for_campaign(store, c.id)
    assert [(x.kind, x.name, x.phase) for x in rows] == [
        ("unit", "Trung tâm Trợ giúp pháp lý", ""), ("collective", "Phòng Nghiệp vụ 1", ""),
        ("person", "Nguyễn Thị Lan", "Sơ kết 6 tháng")]
    assert rows[1].collective == "Trung tâm Trợ giúp pháp lý"
    assert rg.target_text(rg.get(store, p.id).targets[0]) == "120 hồ sơ trước 30/06/2026"

    # Registering the same subject again for the same campaign and phase replaces the first.
    again = rg.new(store, c.id, person_id=world["lan"], phase_id=c.phase_records[0].id)
    again.titles = [LDTT]
    assert rg.save(store, again) == p.id
    assert rg.get(store, p.id).titles == [LDTT]
    assert len(rg.list_for_campaign(store, c.id)) == 3
    assert [x.name for x in rg.list_for_campaign(store, c.id, all_phases=False)] == [
        "Trung tâm Trợ giúp pháp lý", "Phòng Nghiệp vụ 1"]


def test_registration_validation(store, world):
    c = world["c"]
    other = cm.Campaign(title="Khác", criteria=[cm.Criterion("X")], phase_records=[cm.CampaignPhase("Đợt 1")])
    cm.save(store, other)
    r = rg.Registration(c.id, person_id=world["lan"], collective_id=world["team"])
    with pytest.raises(ValidationError) as e:
        rg.save(store, r)
    assert "subject" in e.value.fields
    r = rg.Registration(c.id, person_id=world["lan"], phase_id=other.phase_records[0].id,
                        titles=["Cờ thi đua của Ủy ban nhân dân tỉnh", "Danh hiệu không có"],
                        targets=[rg.Target(other.criteria[0].id), rg.Target(c.criteria[1].id, -1),
                                 rg.Target(c.criteria[1].id, 5, due_date="31/02/2026")])
    with pytest.raises(ValidationError) as e:
        rg.save(store, r)
    assert set(e.value.fields) == {"phase", "titles", "targets[0]", "targets[1]", "targets[2]"}
    r = rg.Registration(c.id, person_id=world["lan"], titles=["Cờ thi đua của Ủy ban nhân dân tỉnh"])
    with pytest.raises(ValidationError) as e:
        rg.save(store, r)
    assert "không dành cho cá nhân" in e.value.fields["titles"]
    assert store.scalar("SELECT count(*) FROM registration") == 0


def test_the_unit_targets_feed_progress(store, world):
    c = world["c"]
    r = rg.new(store, c.id, collective_id=world["unit"])
    r.targets[0].value = 95
    rg.save(store, r)
    assert {k: t.value for k, t in rg.unit_targets(store, c.id).items()} == {c.criteria[0].id: 95}
    # A phase without its own registration falls back to the whole campaign's.
    assert rg.unit_targets(store, c.id, c.phase_records[0].id)[c.criteria[0].id].value == 95


def _nomination(store, world):
    c = world["c"]
    a = ach.add(store, ach.Achievement(dt.date(2026, 3, 1), "Số hóa", person_id=world["lan"], campaign_id=c.id))
    return nm.save(store, nm.Nomination(c.id, c.awards[0].id, person_id=world["lan"], achievement_ids=[a]))


def test_registration_never_blocks_a_nomination_unless_the_unit_requires_it(store, world):
    c = world["c"]
    nid = _nomination(store, world)
    codes = {ch.code: ch for ch in nm.checks(store, nm.get(store, nid), TODAY)}
    assert "registration" not in codes and all(ch.ok for ch in codes.values())

    rg.set_required(store, True)
    failed = {ch.code: ch for ch in nm.checks(store, nm.get(store, nid), TODAY) if not ch.ok}
    assert set(failed) == {"registration"} and failed["registration"].blocking
    assert "quy chế" in failed["registration"].message.lower()
    with pytest.raises(nm.RuleViolation):
        nm.submit(store, nid, TODAY)

    # Registered, but for another title: still refused while the rule is on.
    r = rg.new(store, c.id, person_id=world["lan"])
    r.titles = [LDTT]
    rg.save(store, r)
    failed = {ch.code: ch for ch in nm.checks(store, nm.get(store, nid), TODAY) if not ch.ok}
    assert "không đăng ký Giấy khen của Giám đốc Sở" in failed["registration"].message
    r.titles = [LDTT, GK]
    rg.save(store, r)
    nm.submit(store, nid, TODAY)
    assert nm.get(store, nid).status == "trinh_hop_xet"

    # With the rule off again, a registration is only noted.
    rg.set_required(store, False)
    check = {ch.code: ch for ch in nm.checks(store, nm.get(store, nid), TODAY)}["registration"]
    assert check.ok and not check.blocking and GK in check.message


# -- the command line and Excel -------------------------------------------------------------------------

def _cli(capsys, *argv):
    from desktop.commands import main as cli

    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def registered(tmp_path, world, store):
    c = world["c"]
    r = rg.new(store, c.id, collective_id=world["unit"])
    r.titles = ["Tập thể lao động tiên tiến"]
    r.targets[0].value = 98
    rg.save(store, r)
    p = rg.new(store, c.id, person_id=world["lan"], phase_id=c.phase_records[0].id)
    p.titles = [LDTT]
    p.targets[0].due_date = "2026-06-30"
    rg.save(store, p)
    return store.path


def test_register_show_and_export(tmp_path, capsys, registered, world):
    from openpyxl import load_workbook

    c = world["c"]
    code, out, _ = _cli(capsys, "--db", registered, "register", "show", c.id)
    assert code == 0
    assert "1. Đơn vị: Trung tâm Trợ giúp pháp lý" in out
    assert "- Tỷ lệ văn bản ký số: 98 %" in out
    assert "Nguyễn Thị Lan (Trợ giúp viên, Phòng Nghiệp vụ 1) [Sơ kết 6 tháng]" in out
    assert "- Số hồ sơ số hóa: 120 hồ sơ trước 30/06/2026" in out
    code, out, _ = _cli(capsys, "--db", registered, "register", "show", c.id, "--json")
    data = json.loads(out)
    assert [(d["kind"], d["phase"], d["titles"]) for d in data] == [
        ("unit", None, ["Tập thể lao động tiên tiến"]), ("person", "Sơ kết 6 tháng", [LDTT])]
    assert data[1]["targets"][0] == {"criterion": "Số hồ sơ số hóa", "value": 120, "unit": "hồ sơ",
                                     "due_date": "2026-06-30"}
    out_file = tmp_path / "dang-ky.xlsx"
    code, out, _ = _cli(capsys, "--db", registered, "register", "export", c.id, out_file)
    assert code == 0 and out_file.exists()
    text = "\n".join(str(v) for row in load_workbook(out_file).active.iter_rows(values_only=True) for v in row
                     if v is not None)
    assert "DANH SÁCH ĐĂNG KÝ THI ĐUA" in text and "Nguyễn Thị Lan" in text and "Sơ kết 6 tháng" in text
    assert "Số hồ sơ số hóa: 120 hồ sơ trước 30/06/2026" in text
    code, _, err = _cli(capsys, "--db", registered, "register", "export", c.id, out_file)
    assert code != 0 and err   # an existing file is refused without --overwrite


def test_register_refuses_a_missing_database(tmp_path, capsys):
    code, _, err = _cli(capsys, "--db", tmp_path / "khong-co.sqlite", "register", "show", "1")
    assert code != 0 and err
    assert not (tmp_path / "khong-co.sqlite").exists()


def test_template_and_all_or_nothing_import(tmp_path, capsys, world, store):
    from openpyxl import load_workbook

    c = world["c"]
    path = store.path
    template = tmp_path / "mau.xlsx"
    code, _, _ = _cli(capsys, "--db", path, "register", "template", c.id, template)
    assert code == 0
    wb = load_workbook(template)
    ws = wb["Đăng ký"]
    header = [v for v in next(ws.iter_rows(values_only=True))]
    assert header[:4] == ["Loại đối tượng", "Họ và tên / Tên tập thể", "Đợt", "Danh hiệu đăng ký"]
    assert header[4] == "Chỉ tiêu 1: Tỷ lệ văn bản ký số (%)" and header[5] == "Thời hạn 1 (dd/mm/yyyy)"
    body = {r[1]: list(r) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert body["Trung tâm Trợ giúp pháp lý"][0] == "Đơn vị" and body["Trung tâm Trợ giúp pháp lý"][4] == 100
    assert body["Nguyễn Thị Lan"][6] == 120      # the plan's target for individuals, prefilled

    # Fill it: the unit and Lan register; Bình's row has an unknown title and a bad date: nothing is saved.
    rows = {r[1].value: r for r in ws.iter_rows(min_row=2)}
    rows["Trung tâm Trợ giúp pháp lý"][3].value = "Tập thể lao động tiên tiến"
    rows["Trung tâm Trợ giúp pháp lý"][4].value = "97,5"
    rows["Nguyễn Thị Lan"][2].value = "Sơ kết 6 tháng"
    rows["Nguyễn Thị Lan"][3].value = f"{LDTT}; {GK}"
    rows["Nguyễn Thị Lan"][7].value = "30/06/2026"
    rows["Trần Văn Bình"][3].value = "Danh hiệu không có"
    rows["Trần Văn Bình"][7].value = "31/02/2026"
    for r in ws.iter_rows(min_row=2):
        if r[1].value == "Phòng Nghiệp vụ 1":
            for cell in r[4:]:
                cell.value = None
    wb.save(template)
    code, _, err = _cli(capsys, "--db", path, "register", "import", c.id, template)
    assert code != 0
    assert "2 lỗi" in err and "Danh hiệu không có" in err and "31/02/2026" in err and "Thời hạn 2" in err
    assert store.scalar("SELECT count(*) FROM registration") == 0

    rows["Trần Văn Bình"][3].value = None
    rows["Trần Văn Bình"][6].value = None
    rows["Trần Văn Bình"][7].value = None
    wb.save(template)
    code, out, _ = _cli(capsys, "--db", path, "register", "import", c.id, template, "--dry-run")
    assert code == 0 and "2 bản đăng ký" in out
    assert store.scalar("SELECT count(*) FROM registration") == 0
    code, out, _ = _cli(capsys, "--db", path, "register", "import", c.id, template)
    assert code == 0 and "Đã nhập 2 bản đăng ký" in out and "bỏ qua 2 dòng" in out
    unit_reg = rg.find(store, c.id, collective_id=world["unit"])
    assert unit_reg.titles == ["Tập thể lao động tiên tiến"]
    assert [(t.criterion_id, t.value) for t in unit_reg.targets] == [(c.criteria[0].id, 97.5)]
    lan = rg.find(store, c.id, person_id=world["lan"], phase_id=c.phase_records[0].id)
    assert lan.titles == [LDTT, GK] and [(t.value, t.due_date) for t in lan.targets] == [(120, "2026-06-30")]


def test_progress_is_measured_against_the_registered_target(store, world):
    c = world["c"]
    k = c.criteria[0]
    ach.add(store, ach.Achievement(dt.date(2026, 3, 1), "Ký số", collective_id=world["team"], measure_value=96,
                                   measure_unit="%", criterion_id=k.id, campaign_id=c.id))
    before = cm.progress(store, c.id, TODAY).criteria[0]
    assert (before.goal, before.goal_text, before.reached) == (100, "100 %", False)
    r = rg.new(store, c.id, collective_id=world["unit"])
    r.targets[0].value = 95
    rg.save(store, r)
    after = cm.progress(store, c.id, TODAY).criteria[0]
    assert (after.registered, after.goal, after.goal_text, after.reached) == (95, 95, "95 % (đã đăng ký)", True)
    # The relative criterion has no absolute goal until the unit registers a number for it.
    relative = cm.progress(store, c.id, TODAY).criteria[2]
    assert relative.goal is None
