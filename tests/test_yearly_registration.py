"""The year's emulation titles registered outside any campaign: domain, Excel template and import, CLI."""
from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from desktop.commands import main as cli
from desktop.records import people
from desktop.campaigns import yearly_registration as yr
from desktop.errors import ValidationError


@pytest.fixture
def world(store):
    unit_id = people.add_collective(store, people.Collective("Trung tâm Trợ giúp pháp lý", is_unit=True))
    team = people.add_collective(store, people.Collective("Phòng Nghiệp vụ 1", parent_id=unit_id))
    lan = people.add_person(store, people.Person("Nguyễn Thị Lan", collective_id=team, position="Trợ giúp viên"))
    binh = people.add_person(store, people.Person("Trần Văn Bình", collective_id=team))
    return {"unit": unit_id, "team": team, "lan": lan, "binh": binh}


def test_register_per_year_once_per_subject(store, world):
    yr.save_all(store, [
        yr.YearRegistration(2026, person_id=world["lan"], titles=["Lao động tiên tiến", "chiến sĩ thi đua cơ sở"],
                            registered_on="10/3/2026"),
        yr.YearRegistration(2026, collective_id=world["team"], titles=["Tập thể lao động tiên tiến"]),
        yr.YearRegistration(2026, collective_id=world["unit"], titles=["Tập thể lao động xuất sắc"]),
        yr.YearRegistration(2025, person_id=world["lan"], titles=["Lao động tiên tiến"]),
    ])
    rows = yr.list_for_year(store, 2026)
    assert [(r.kind, r.name) for r in rows] == [("unit", "Trung tâm Trợ giúp pháp lý"),
                                                ("collective", "Phòng Nghiệp vụ 1"), ("person", "Nguyễn Thị Lan")]
    lan = rows[2].registration
    assert lan.titles == ["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"] and lan.registered_on == "2026-03-10"
    assert yr.years(store) == [2026, 2025]
    # Registering again the same year replaces; another year is its own.
    yr.save(store, yr.YearRegistration(2026, person_id=world["lan"], titles=["Lao động tiên tiến"]))
    assert yr.find(store, 2026, person_id=world["lan"]).titles == ["Lao động tiên tiến"]
    assert yr.find(store, 2025, person_id=world["lan"]).titles == ["Lao động tiên tiến"]
    assert len(yr.list_for_year(store, 2026)) == 3


@pytest.mark.parametrize("reg, field, words", [
    (dict(titles=["Tập thể lao động tiên tiến"]), "titles", "không dành cho cá nhân"),
    (dict(titles=["Giấy khen"]), "titles", "không phải danh hiệu thi đua"),
    (dict(titles=["Danh hiệu không có"]), "titles", "không có trong danh mục"),
    (dict(titles=[]), "titles", "ít nhất một danh hiệu"),
    (dict(titles=["Lao động tiên tiến"], registered_on="31/02/2026"), "registered_on", "không hợp lệ"),
])
def test_what_is_refused(store, world, reg, field, words):
    with pytest.raises(ValidationError) as e:
        yr.save_all(store, [yr.YearRegistration(2026, collective_id=world["team"], titles=["Tập thể lao động tiên tiến"]),
                            yr.YearRegistration(2026, person_id=world["lan"], **reg)])
    assert words in e.value.fields[f"row[1].{field}"]
    assert yr.list_for_year(store, 2026) == []      # all or nothing


def test_template_import_show_and_export_on_the_command_line(store, world, tmp_path, capsys):
    db = str(store.path)
    template = tmp_path / "mau.xlsx"
    assert cli.main(["--db", db, "register", "template", "--year", "2026", str(template)]) == 0
    wb = load_workbook(template)
    ws = wb["Đăng ký"]
    names = [ws.cell(r, 2).value for r in range(2, ws.max_row + 1)]
    # People in Vietnamese name order (by given name): Bình, then Lan.
    assert names == ["Trung tâm Trợ giúp pháp lý", "Phòng Nghiệp vụ 1", "Trần Văn Bình", "Nguyễn Thị Lan"]
    ws.cell(3, 3).value = "Tập thể lao động tiên tiến"
    ws.cell(5, 3).value = "Lao động tiên tiến; Chiến sĩ thi đua cơ sở"
    ws.cell(5, 4).value = "12/03/2026"
    ws.cell(4, 3).value = "Tập thể lao động xuất sắc"        # a collective's title for a person
    wb.save(template)
    assert cli.main(["--db", db, "register", "import", "--year", "2026", str(template)]) == 2
    err = capsys.readouterr().err
    assert "dòng 4" in err and "không dành cho cá nhân" in err and "chưa nhập dòng nào" in err
    assert yr.list_for_year(store, 2026) == []
    ws.cell(4, 3).value = None
    wb.save(template)
    assert cli.main(["--db", db, "register", "import", "--year", "2026", str(template)]) == 0
    assert "Đã nhập 2 bản đăng ký" in capsys.readouterr().out
    assert cli.main(["--db", db, "register", "show", "--year", "2026"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Đăng ký danh hiệu thi đua năm 2026"
    assert out[1] == "1. Tập thể: Phòng Nghiệp vụ 1 (Trung tâm Trợ giúp pháp lý): Tập thể lao động tiên tiến"
    assert out[2].startswith("2. Cá nhân: Nguyễn Thị Lan (Trợ giúp viên, Phòng Nghiệp vụ 1): Lao động tiên tiến; ")
    assert cli.main(["--db", db, "register", "show", "--year", "2026", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[1]["registered_on"] == "2026-03-12" and data[1]["titles"][1] == "Chiến sĩ thi đua cơ sở"
    out_file = tmp_path / "ds.xlsx"
    assert cli.main(["--db", db, "register", "export", "--year", "2026", str(out_file)]) == 0
    cells = [c.value for row in load_workbook(out_file).active.iter_rows() for c in row if c.value]
    assert "DANH SÁCH ĐĂNG KÝ DANH HIỆU THI ĐUA NĂM 2026" in cells
    assert "Lao động tiên tiến; Chiến sĩ thi đua cơ sở" in cells and "12/03/2026" in cells
    # The template of a year already registered carries what was registered.
    again = tmp_path / "mau2.xlsx"
    assert cli.main(["--db", db, "register", "template", "--year", "2026", str(again)]) == 0
    assert load_workbook(again)["Đăng ký"].cell(5, 3).value == "Lao động tiên tiến; Chiến sĩ thi đua cơ sở"
    # Neither a campaign nor a year, or both: said.
    assert cli.main(["--db", db, "register", "show"]) == 2
    assert "--year NĂM" in capsys.readouterr().err


def test_the_demo_registers_for_both_campaigns_and_the_year_and_drafts_a_so_ket_report(demo_store):
    from desktop.campaigns import campaign as campaigns, registration
    from desktop.dossier import drafts

    subjects = registration.subjects(demo_store)
    running = [c for c in campaigns.list_campaigns(demo_store) if c.number in ("205/KH-STP", "142/KH-STP")]
    assert len(running) == 2
    for c in running:
        rows = registration.list_for_campaign(demo_store, c.id)
        assert len(rows) == len(subjects) and rows[0].kind == "unit"
        assert rows[0].registration.titles == ["Tập thể lao động xuất sắc"]
    phased = next(c for c in running if c.phase_records)
    report = drafts.find_for_campaign(demo_store, "bao_cao_ket_qua", phased.id, phased.phase_records[0].id)
    assert report is not None and drafts.title(demo_store, report).endswith(phased.phase_records[0].name)
    sections = drafts.current(demo_store, report.id).sections
    assert "chưa được số hóa" in sections["han_che"]
    # The year's titles too (the demo's year is 2025), outside any campaign.
    year = yr.list_for_year(demo_store, 2025)
    assert len(year) == len(subjects)
    assert {t for r in year if r.kind == "person" for t in r.registration.titles} == {
        "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"}
    assert all(r.registration.registered_on <= "2025-06-30" for r in year)
