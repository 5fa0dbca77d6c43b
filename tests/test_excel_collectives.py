"""Collectives are first-class in the Excel templates: their yearly ratings and the awards received (by
people and collectives) are imported from the templates and exported with the awards."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from desktop import clock
from desktop.records import people
from desktop.council import review
from desktop.excel.importer import ImportRejected, apply, read
from desktop.excel.templates import write_template


@pytest.fixture
def unit(store):
    clock.set_now(dt.date(2026, 3, 2))
    u = people.add_collective(store, people.Collective("Trung tâm Trợ giúp pháp lý", is_unit=True))
    team = people.add_collective(store, people.Collective("Phòng Nghiệp vụ 1", parent_id=u))
    lan = people.add_person(store, people.Person("Nguyễn Thị Lan", collective_id=team))
    return {"unit": u, "team": team, "lan": lan}


def fill(template, path, rows):
    wb = load_workbook(template)
    ws = wb.worksheets[0]
    for r, values in enumerate(rows, 2):
        for c, value in enumerate(values, 1):
            ws.cell(r, c, value)
    wb.save(path)
    return path


def headers(path):
    ws = load_workbook(path).worksheets[0]
    return [c.value for c in ws[1]]


def test_collectives_template_imports_ratings_and_new_collectives(store, unit, tmp_path):
    t = write_template(store, "collectives", tmp_path / "tt.xlsx")
    assert headers(t) == ["Tên tập thể*", "Trực thuộc", "Xếp loại 2025", "Xếp loại 2024"]
    assert load_workbook(t).sheetnames[:2] == ["Tập thể", "Hướng dẫn"]
    f = fill(t, tmp_path / "f.xlsx", [["phòng nghiệp vụ 1", None, "Hoàn thành xuất sắc nhiệm vụ", "HTTNV"],
                                      ["Phòng Hành chính", "Trung tâm Trợ giúp pháp lý", "Hoàn thành tốt nhiệm vụ"]])
    preview = read(store, "collectives", f)
    assert preview.ok and [r.cells[0] for r in preview.rows] == ["Phòng Nghiệp vụ 1", "Phòng Hành chính (thêm mới)"]
    assert apply(store, preview) == 2
    assert review.collective_ratings(store, unit["team"]) == {2024: "tot", 2025: "xuat_sac"}
    new = next(c for c in people.list_collectives(store) if c.name == "Phòng Hành chính")
    assert new.parent_id == unit["unit"] and review.collective_ratings(store, new.id) == {2025: "tot"}


def test_a_bad_collectives_row_saves_nothing(store, unit, tmp_path):
    t = write_template(store, "collectives", tmp_path / "tt.xlsx")
    f = fill(t, tmp_path / "f.xlsx", [["Phòng Nghiệp vụ 1", None, "Giỏi"], ["Phòng Mới", "Không có", None]])
    preview = read(store, "collectives", f)
    messages = [str(e) for e in preview.errors]
    assert any("dòng 2" in m and "Xếp loại 2025" in m for m in messages)
    assert any("dòng 3" in m and "Không có (đúng một) tập thể “Không có”" in m for m in messages)
    with pytest.raises(ImportRejected):
        apply(store, preview)
    assert review.collective_ratings(store, unit["team"]) == {}


def test_awards_received_import_for_people_and_collectives(store, unit, tmp_path):
    t = write_template(store, "awards", tmp_path / "kt.xlsx")
    assert headers(t)[:5] == ["Cá nhân (họ tên)", "Ngày sinh (nếu trùng tên)", "Tập thể",
                              "Danh hiệu, hình thức khen thưởng*", "Năm*"]
    f = fill(t, tmp_path / "f.xlsx", [
        ["Nguyễn Thị Lan", None, None, "Lao động tiên tiến", 2024, "3/QĐ-TTTGPL", "05/01/2025", "Giám đốc Trung tâm"],
        [None, None, "Phòng Nghiệp vụ 1", "Tập thể lao động tiên tiến", 2024, "3/QĐ-TTTGPL", "05/01/2025", ""],
        [None, None, "Phòng Nghiệp vụ 1", "Lao động tiên tiến", 2024, "", "", ""],        # a person's title
        ["Trần Văn Không", None, None, "Lao động tiên tiến", 2024, "", "", ""],
    ])
    preview = read(store, "awards", f)
    messages = [str(e) for e in preview.errors]
    assert any("dòng 4" in m and "Lao động tiên tiến chỉ dành cho cá nhân" in m for m in messages), messages
    assert any("dòng 5" in m and "Không có cá nhân “Trần Văn Không”" in m for m in messages), messages
    f = fill(t, tmp_path / "g.xlsx", [
        ["Nguyễn Thị Lan", None, None, "Lao động tiên tiến", 2024, "3/QĐ-TTTGPL", "05/01/2025", "Giám đốc Trung tâm"],
        [None, None, "Phòng Nghiệp vụ 1", "Tập thể lao động tiên tiến", 2024, "3/QĐ-TTTGPL", "05/01/2025", ""],
    ])
    preview = read(store, "awards", f)
    assert preview.ok and apply(store, preview) == 2
    [a] = people.prior_awards(store, collective_id=unit["team"])
    assert (a.award, a.year, a.decision_number, a.decision_date) == (
        "Tập thể lao động tiên tiến", 2024, "3/QĐ-TTTGPL", dt.date(2025, 1, 5))
    assert [x.award for x in people.prior_awards(store, person_id=unit["lan"])] == ["Lao động tiên tiến"]
    # The same file again would add the same awards twice: refused.
    assert "đã có Lao động tiên tiến năm 2024" in str(read(store, "awards", f).errors[0])


def test_the_awards_export_carries_people_and_collectives_ratings(store, unit, tmp_path):
    from desktop.excel.awards import write_awards

    people.set_rating(store, unit["lan"], 2025, "tot")
    review.set_collective_rating(store, unit["team"], 2025, "xuat_sac")
    out = write_awards(store, tmp_path / "kt.xlsx")
    ws = load_workbook(out)["Xếp loại hằng năm"]
    values = [[c for c in row if c is not None] for row in ws.iter_rows(values_only=True)]
    assert [1, 2025, "Tập thể", "Phòng Nghiệp vụ 1", "Hoàn thành xuất sắc nhiệm vụ"] in values
    assert [2, 2025, "Cá nhân", "Nguyễn Thị Lan", "Hoàn thành tốt nhiệm vụ"] in values


def test_template_and_import_commands_know_the_new_kinds(store, unit, tmp_path, capsys):
    from desktop.commands import main as cli

    out = tmp_path / "m.xlsx"
    assert cli.main(["--db", str(store.path), "template", "awards", str(out)]) == 0
    assert cli.main(["--db", str(store.path), "import", "collectives", str(
        fill(write_template(store, "collectives", tmp_path / "t.xlsx"), tmp_path / "f.xlsx",
             [["Phòng Nghiệp vụ 1", None, "HTXSNV"]]))]) == 0
    assert review.collective_ratings(store, unit["team"]) == {2025: "xuat_sac"}


def test_prize_money_follows_the_base_salary_in_force_on_the_decision_date():
    """legal.md C.4: 2.340.000 đ from 01/07/2024; the value before comes from the decree it replaced."""
    from desktop.council import prizes

    table = prizes.load()
    assert table.base_salary(dt.date(2024, 7, 1)).amount == 2_340_000
    assert "73/2024" in table.base_salary(dt.date(2026, 1, 12)).source
    assert table.base_salary(dt.date(2024, 6, 30)).amount == 1_800_000
    assert table.base_salary(dt.date(2019, 6, 30)) is None          # no sourced value: no prize computed
    assert prizes.prize("Lao động tiên tiến", "person", dt.date(2024, 6, 30)).amount == 540_000
    p = prizes.prize("Tập thể lao động tiên tiến", "collective", dt.date(2025, 1, 5))
    assert (p.amount, p.explain()) == (1_872_000, "0,8 × 2.340.000 đ = 1.872.000 đ")
    assert prizes.prize("Chiến sĩ thi đua cơ sở", "collective", dt.date(2025, 1, 5)) is None
