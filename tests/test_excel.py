"""Excel templates, all-or-nothing imports, hostile workbooks and printable exports."""
from __future__ import annotations

import datetime as dt
import errno
import gc
import os
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.writer.excel import ExcelWriter

from desktop.records import achievements as ach
from desktop.campaigns import campaign as campaigns
from desktop.commands import main as cli
from desktop.records import people
from desktop.errors import UserError
from desktop.excel import (
    ImportRejected,
    apply,
    read_achievements,
    read_people,
    style,
    templates,
    workbook,
)
from desktop.excel import export as export_mod
from desktop.excel.style import Column, Signature, TitleBlock, write_table_workbook
from desktop.records.people import Collective, Person
from desktop.store import Store

TODAY = dt.date(2025, 6, 30)
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


# -- helpers -------------------------------------------------------------------------------------------

def run(capsys, *argv):
    capsys.readouterr()
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def template(store, kind, tmp_path) -> Path:
    return templates.write_template(store, kind, tmp_path / f"mau-{kind}.xlsx", today=TODAY)


def fill(path: Path, rows, out: Path | None = None, *, start_row: int = 2) -> Path:
    """Write ``rows`` into the data sheet of a template, from ``start_row``."""
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    for r, values in enumerate(rows, start_row):
        for c, value in enumerate(values, 1):
            if value is not None:
                ws.cell(r, c, value)
    out = out or path.with_name(path.stem + "-da-dien.xlsx")
    wb.save(out)
    return out


def sheet(path: Path, header, rows, *, title="Cá nhân", before=()) -> Path:
    """A workbook made from scratch (not from the template): optional lines before the header."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for line in before:
        ws.append(line)
    ws.append(header)
    for values in rows:
        ws.append(values)
    wb.save(path)
    return path


def rezip(src: Path, dst: Path, *, replace=None, add=None) -> Path:
    """Copy a zip, replacing members (bytes, or a function of the old bytes) and adding others."""
    replace = replace or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename in replace:
                new = replace[info.filename]
                data = new(data) if callable(new) else new
            zout.writestr(info.filename, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dst


def counts(store) -> tuple[int, int, int]:
    return (store.scalar("SELECT count(*) FROM person"), store.scalar("SELECT count(*) FROM achievement"),
            store.scalar("SELECT count(*) FROM rating"))


def person_named(store, name):
    return store.one("SELECT * FROM person WHERE full_name = ?", (name,))


def collective_id(store, name):
    return store.scalar("SELECT id FROM collective WHERE name = ?", (name,))


def campaign_by_number(store, number):
    return next(c for c in campaigns.list_campaigns(store) if c.number == number)


def simple_people_file(tmp_path, rows, name="ds.xlsx") -> Path:
    return sheet(tmp_path / name, ["Họ và tên", "Ngày sinh", "Giới tính", "Tập thể"], rows)


# -- templates -------------------------------------------------------------------------------------------

def test_people_template(demo_store, tmp_path):
    path = template(demo_store, "people", tmp_path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Cá nhân", "Hướng dẫn", "Danh mục"]
    ws = wb["Cá nhân"]
    headers = [c.value for c in ws[1]]
    assert headers == ["Họ và tên*", "Ngày sinh", "Giới tính", "Chức vụ", "Ngạch/hạng", "Tập thể",
                       "Năm vào đơn vị", "Xếp loại 2024", "Xếp loại 2023"]
    assert ws.freeze_panes == "A2"
    assert ws["A1"].font.bold and ws["A1"].font.name == "Times New Roman"
    assert ws["A1"].fill.fgColor.rgb != ws["B1"].fill.fgColor.rgb  # required column stands out
    assert all(ws.cell(1, i).comment is not None for i in range(1, len(headers) + 1))
    assert ws.column_dimensions["B"].number_format == "@"  # dates typed stay text
    assert ws.max_row == 1  # no sample row that could be imported by mistake
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert rules["C2:C20001"].formula1 == '"Nam,Nữ"'
    assert rules["F2:F20001"].formula1 == "'Danh mục'!$A$2:$A$6"
    assert rules["H2:H20001"].type == "list" and rules["G2:G20001"].type == "whole"
    assert wb["Danh mục"].sheet_state == "hidden"
    guide = "\n".join(str(v) for row in wb["Hướng dẫn"].iter_rows(values_only=True) for v in row if v)
    for c in people.list_collectives(demo_store):
        assert c.name in guide
    for label in people.RATINGS.values():
        assert label in guide
    assert "Nam hoặc Nữ" in guide and "05/03/1990" in guide and "20.000" in guide
    assert "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Hà Tĩnh" in guide


def test_achievements_template(demo_store, tmp_path):
    path = template(demo_store, "achievements", tmp_path)
    wb = load_workbook(path)
    ws = wb["Thành tích"]
    # Only the always-required columns carry *: exactly one of Cá nhân / Tập thể is filled, so neither does.
    assert [c.value for c in ws[1]] == ["Ngày*", "Cá nhân (họ tên)", "Ngày sinh (nếu trùng tên)", "Tập thể",
                                        "Thành tích*", "Mô tả", "Tiêu chí", "Số đo", "Phong trào"]
    lists = wb["Danh mục"]
    names = [r[0] for r in lists.iter_rows(min_row=2, min_col=3, max_col=3, values_only=True) if r[0]]
    assert len(names) == demo_store.scalar("SELECT count(*) FROM person")
    numbers = {r[0] for r in lists.iter_rows(min_row=2, min_col=4, max_col=4, values_only=True) if r[0]}
    # The two campaigns under way, and the past years' campaigns the demo also holds.
    assert numbers == {r["number"] for r in demo_store.query("SELECT number FROM campaign")}
    assert {"142/KH-STP", "205/KH-STP"} <= numbers
    guide = "\n".join(str(v) for row in wb["Hướng dẫn"].iter_rows(values_only=True) for v in row if v)
    assert "142/KH-STP" in guide and "Một trong hai: điền Cá nhân hoặc Tập thể" in guide
    assert "Cột có dấu * là bắt buộc. Mỗi dòng điền Cá nhân hoặc Tập thể" in guide


def test_template_cli_and_unknown_kind(demo_path, tmp_path, capsys):
    code, out, _ = run(capsys, "--db", demo_path, "template", "people", tmp_path / "mau")
    assert code == 0 and (tmp_path / "mau.xlsx").exists()
    assert "mau.xlsx" in out
    code, _, err = run(capsys, "--db", demo_path, "template", "people", tmp_path / "mau.csv")
    assert code == 2 and "đuôi .xlsx" in err
    with pytest.raises(SystemExit):
        cli.main(["--db", str(demo_path), "template", "khac", str(tmp_path / "x.xlsx")])


def test_template_on_an_empty_ledger(store, tmp_path):
    path = template(store, "people", tmp_path)
    wb = load_workbook(path)
    guide = "\n".join(str(v) for row in wb["Hướng dẫn"].iter_rows(values_only=True) for v in row if v)
    assert "Chưa có tập thể nào" in guide
    assert not any(str(dv.sqref).startswith("F") for dv in wb["Cá nhân"].data_validations.dataValidation)


# -- round trips --------------------------------------------------------------------------------------------

def test_people_round_trip(demo_store, tmp_path):
    before = counts(demo_store)
    filled = fill(template(demo_store, "people", tmp_path), [
        ["Nguyễn Văn Mới", "05/03/1990", "Nam", "Chuyên viên", "Viên chức hạng III", "Phòng Nghiệp vụ 1", 2015,
         "Hoàn thành tốt nhiệm vụ", "HTXSNV"],
        ["Trần Thị Hai", dt.datetime(1988, 12, 1), "nữ", None, None, "phong nghiep vu 2", "2010", "tot", None],
        ["  Lê   Văn Ba ", None, None, None, None, None, None, None, None],
    ])
    preview = read_people(demo_store, filled)
    assert preview.ok and preview.count == 3 and preview.errors == []
    assert preview.kind == "people" and preview.sheet == "Cá nhân" and preview.file_name == filled.name
    assert preview.columns[:2] == ["Họ và tên", "Ngày sinh"] and preview.columns[-1] == "Xếp loại 2023"
    first = preview.rows[0]
    assert first.row == 2 and first.ok
    assert first.cells == ["Nguyễn Văn Mới", "05/03/1990", "Nam", "Chuyên viên", "Viên chức hạng III",
                           "Phòng Nghiệp vụ 1", "2015", "Hoàn thành tốt nhiệm vụ", "Hoàn thành xuất sắc nhiệm vụ"]
    assert counts(demo_store) == before  # reading writes nothing

    assert apply(demo_store, preview) == 3
    p = person_named(demo_store, "Nguyễn Văn Mới")
    assert (p["birth_date"], p["sex"], p["position"], p["rank"], p["year_joined"]) == \
        ("1990-03-05", "nam", "Chuyên viên", "Viên chức hạng III", 2015)
    assert p["collective_id"] == collective_id(demo_store, "Phòng Nghiệp vụ 1")
    assert people.ratings(demo_store, p["id"]) == {2023: "xuat_sac", 2024: "tot"}
    q = person_named(demo_store, "Trần Thị Hai")
    assert (q["birth_date"], q["sex"], q["year_joined"]) == ("1988-12-01", "nu", 2010)
    assert q["collective_id"] == collective_id(demo_store, "Phòng Nghiệp vụ 2")  # typed without accents
    assert people.ratings(demo_store, q["id"]) == {2024: "tot"}
    assert person_named(demo_store, "Lê Văn Ba") is not None  # cleaned spaces
    assert counts(demo_store)[0] == before[0] + 3

    # The same file again: every row is already in the ledger.
    again = read_people(demo_store, filled)
    assert not again.ok and len(again.errors) == 3
    assert "đã có trong sổ" in again.errors[0].message
    with pytest.raises(UserError, match="đã được nhập"):
        apply(demo_store, preview)


def test_achievements_round_trip(demo_store, tmp_path):
    unit_id = collective_id(demo_store, "Phòng Nghiệp vụ 1")
    twin_a = people.add_person(demo_store, Person("Phạm Văn Trùng", dt.date(1980, 1, 2), "nam", collective_id=unit_id))
    twin_b = people.add_person(demo_store, Person("Phạm Văn Trùng", dt.date(1991, 7, 8), "nam", collective_id=unit_id))
    paperless = campaign_by_number(demo_store, "142/KH-STP")
    digital = campaign_by_number(demo_store, "205/KH-STP")
    hung = person_named(demo_store, "Trần Đình Hùng")["id"]
    before = counts(demo_store)

    path = template(demo_store, "achievements", tmp_path)
    wb = load_workbook(path)
    ws = wb["Thành tích"]
    rows = [
        ["05/03/2025", "Trần Đình Hùng", None, None, "Ký số toàn bộ văn bản quý 1", "Dòng một\nDòng hai",
         "100% văn bản phát hành được ký số", "98,5 %", "142/KH-STP"],
        [dt.date(2025, 3, 6), None, None, "Phòng Nghiệp vụ 1", "Cập nhật cơ sở dữ liệu", None,
         "Cập nhật cơ sở dữ liệu vụ việc trợ giúp pháp lý", 450, digital.title],
        ["7-3-2025", "Phạm Văn Trùng", "08/07/1991", None, "Tham gia lưu động", None, "Tuyên truyền", "3 buổi", None],
        ["08.03.2025", "tran dinh hung", None, None, "Tư vấn pháp luật", None, None, 0.97, None],
    ]
    for r, values in enumerate(rows, 2):
        for c, value in enumerate(values, 1):
            if value is not None:
                ws.cell(r, c, value)
    ws["H5"].number_format = "0%"  # a percentage cell: 0.97 shown as 97%
    filled = tmp_path / "thanh-tich.xlsx"
    wb.save(filled)

    preview = read_achievements(demo_store, filled)
    assert preview.errors == [], [str(e) for e in preview.errors]
    assert [r.cells[1] for r in preview.rows] == ["Trần Đình Hùng", "Phòng Nghiệp vụ 1", "Phạm Văn Trùng",
                                                   "Trần Đình Hùng"]
    assert preview.rows[0].cells[4:] == ["98,5 %", "142/KH-STP"]
    assert apply(demo_store, preview) == 4
    assert counts(demo_store)[1] == before[1] + 4

    got = {r["title"]: r for r in demo_store.query("SELECT * FROM achievement WHERE id > ?",
                                                   (demo_store.scalar("SELECT max(id) FROM achievement") - 4,))}
    a = got["Ký số toàn bộ văn bản quý 1"]
    assert (a["date"], a["person_id"], a["measure_value"], a["measure_unit"]) == ("2025-03-05", hung, 98.5, "%")
    assert a["description"] == "Dòng một\nDòng hai"
    assert a["campaign_id"] == paperless.id and a["criterion_id"] == paperless.criteria[1].id
    b = got["Cập nhật cơ sở dữ liệu"]
    assert (b["collective_id"], b["person_id"], b["measure_value"]) == (unit_id, None, 450.0)
    assert b["campaign_id"] == digital.id and b["criterion_id"] == digital.criteria[1].id
    c = got["Tham gia lưu động"]
    assert (c["person_id"], c["date"], c["measure_value"], c["measure_unit"]) == (twin_b, "2025-03-07", 3.0, "buổi")
    assert c["campaign_id"] is None and c["criterion"] == "Tuyên truyền"
    d = got["Tư vấn pháp luật"]
    assert (d["person_id"], d["measure_value"], d["measure_unit"]) == (hung, 97.0, "%")
    assert twin_a != twin_b


def test_achievement_subject_errors(demo_store, tmp_path):
    unit_id = collective_id(demo_store, "Phòng Nghiệp vụ 1")
    for born in (dt.date(1980, 1, 2), dt.date(1991, 7, 8)):
        people.add_person(demo_store, Person("Phạm Văn Trùng", born, "nam", collective_id=unit_id))
    path = sheet(tmp_path / "tt.xlsx",
                 ["Ngày", "Cá nhân (họ tên)", "Ngày sinh (nếu trùng tên)", "Tập thể", "Thành tích", "Tiêu chí",
                  "Phong trào"],
                 [["01/03/2025", "Phạm Văn Trùng", None, None, "A", None, None],
                  ["01/03/2025", "Phạm Văn Trùng", "09/09/1999", None, "B", None, None],
                  ["01/03/2025", "Không Có Người", None, None, "C", None, None],
                  ["01/03/2025", "Trần Đình Hùng", None, "Phòng Nghiệp vụ 1", "D", None, None],
                  ["01/03/2025", None, None, None, "E", None, None],
                  ["01/03/2025", None, None, "Tổ không có", "F", None, None],
                  ["01/03/2025", "Trần Đình Hùng", None, None, "G", None, "999/KH-XYZ"],
                  ["01/03/2025", "Trần Đình Hùng", None, None, "H", "Tính sáng tạo trong triển khai", "142/KH-STP"],
                  ["01/03/2025", "Trần Đình Hùng", None, None, "", None, None],
                  ["01/03/2030", "Trần Đình Hùng", None, None, "I", None, None]],
                 title="Thành tích")
    preview = read_achievements(demo_store, path)
    by_row = {e.row: e for e in preview.errors}
    assert "có 2 người tên “Phạm Văn Trùng”" in by_row[2].message and by_row[2].column == "Cá nhân (họ tên)"
    assert "sinh ngày 09/09/1999" in by_row[3].message
    assert "Không có cá nhân “Không Có Người”" in by_row[4].message
    assert "không ghi cả hai" in by_row[5].message
    assert "Hãy ghi họ tên cá nhân hoặc tên tập thể" in by_row[6].message
    assert by_row[7].column == "Tập thể" and "Tổ không có" in by_row[7].message
    assert by_row[8].column == "Phong trào" and "999/KH-XYZ" in by_row[8].message
    assert by_row[9].column == "Tiêu chí" and "chỉ dành cho tập thể" in by_row[9].message
    assert by_row[10].column == "Thành tích"
    assert by_row[11].column == "Ngày" and "tương lai" in by_row[11].message
    assert len(preview.errors) == 10 and all(r.record is None for r in preview.rows)


def test_unmatched_criterion_is_a_notice(demo_store, tmp_path):
    path = sheet(tmp_path / "tt.xlsx", ["Ngày", "Cá nhân", "Thành tích", "Tiêu chí", "Phong trào"],
                 [["01/03/2025", "Trần Đình Hùng", "A", "Một tiêu chí khác", "142/KH-STP"]], title="Thành tích")
    preview = read_achievements(demo_store, path)
    assert preview.ok
    assert any("không khớp tiêu chí" in n and "dòng 2" in n for n in preview.notices)
    assert preview.rows[0].record.criterion == "Một tiêu chí khác"
    assert preview.rows[0].record.criterion_id is None
    assert preview.rows[0].record.campaign_id == campaign_by_number(demo_store, "142/KH-STP").id


# -- all or nothing -----------------------------------------------------------------------------------------

def test_one_bad_row_writes_nothing(demo_store, tmp_path):
    before = counts(demo_store)
    filled = fill(template(demo_store, "people", tmp_path), [
        ["Nguyễn Văn Một", "01/01/1990", "Nam", None, None, "Phòng Nghiệp vụ 1", 2015, "Hoàn thành tốt nhiệm vụ"],
        ["Nguyễn Văn Hai", "02/01/1990", "Nam"],
        [],
        [],
        ["Nguyễn Văn Bảy", "03/01/1990", "Nam"],
        ["Nguyễn Văn Sáu", "31/02/1990", "Nam"],
    ])
    preview = read_people(demo_store, filled)
    assert [str(e) for e in preview.errors] == ["Trang “Cá nhân”, dòng 7, cột “Ngày sinh”: Không có ngày 31/02/1990."]
    assert [r.row for r in preview.rows] == [2, 3, 6, 7]  # blank rows skipped
    assert [r.ok for r in preview.rows] == [True, True, True, False]
    with pytest.raises(ImportRejected) as info:
        apply(demo_store, preview)
    assert info.value.issues == preview.errors
    assert "Trang “Cá nhân”, dòng 7, cột “Ngày sinh”: Không có ngày 31/02/1990." in str(info.value)
    assert counts(demo_store) == before


def test_cli_import_lists_every_error_and_writes_nothing(demo_path, tmp_path, capsys):
    with Store(demo_path) as s:
        path = template(s, "people", tmp_path)
        before = counts(s)
    filled = fill(path, [
        ["Nguyễn Văn Một", "05/03/1990", "Nam", None, None, "Phòng Nghiệp vụ 1"],
        ["Một", "32/01/1990", "X", None, None, "Phòng Không Có", 1800, "abc", "Giỏi"],
        [None, "05/03/1990"],
        ["Nguyễn Văn Một", "05/03/1990"],
    ])
    code, out, err = run(capsys, "--db", demo_path, "import", "people", filled)
    assert code == 2 and out == ""
    assert err.startswith(f"Lỗi: Tệp “{filled.name}” có 9 lỗi nên chưa nhập dòng nào")
    lines = [line.strip()[2:] for line in err.splitlines()[1:]]
    assert [line.split(":", 1)[0] for line in lines] == [
        "Trang “Cá nhân”, dòng 3, cột “Họ và tên”",
        "Trang “Cá nhân”, dòng 3, cột “Ngày sinh”",
        "Trang “Cá nhân”, dòng 3, cột “Giới tính”",
        "Trang “Cá nhân”, dòng 3, cột “Tập thể”",
        "Trang “Cá nhân”, dòng 3, cột “Năm vào đơn vị”",
        "Trang “Cá nhân”, dòng 3, cột “Xếp loại 2024”",
        "Trang “Cá nhân”, dòng 3, cột “Xếp loại 2023”",
        "Trang “Cá nhân”, dòng 4, cột “Họ và tên”",
        "Trang “Cá nhân”, dòng 5, cột “Họ và tên”",
    ]
    reasons = [line.split(": ", 1)[1] for line in lines]
    assert reasons[0] == "Hãy ghi đủ họ và tên (ít nhất hai chữ)."
    assert reasons[1] == "Không có ngày 32/01/1990."
    assert reasons[2] == "Giới tính “X” không hợp lệ; ghi Nam hoặc Nữ."
    assert reasons[3].startswith("Không có tập thể “Phòng Không Có” trong sổ. Các tập thể đang có: ")
    assert reasons[4] == "Năm vào đơn vị không hợp lệ."
    assert reasons[5].startswith("Xếp loại “abc” không hợp lệ") and reasons[6].startswith("Xếp loại “Giỏi”")
    assert reasons[7] == "Họ và tên không được để trống."
    assert reasons[8] == "Trùng với dòng 2 ở trên (cùng họ tên và ngày sinh)."
    with Store(demo_path) as s:
        assert counts(s) == before


def test_cli_import_dry_run_then_import(demo_path, tmp_path, capsys):
    with Store(demo_path) as s:
        path = template(s, "achievements", tmp_path)
        before = counts(s)
    filled = fill(path, [["05/03/2025", "Trần Đình Hùng", None, None, "Thành tích mới", None, None, "12 hồ sơ"]])
    code, out, err = run(capsys, "--db", demo_path, "import", "achievements", filled, "--dry-run")
    assert (code, err) == (0, "")
    assert "1 thành tích sẽ được nhập" in out and "--dry-run" in out
    with Store(demo_path) as s:
        assert counts(s) == before
    code, out, err = run(capsys, "--db", demo_path, "import", "achievements", filled)
    assert (code, err) == (0, "") and out.startswith("Đã nhập 1 thành tích")
    with Store(demo_path) as s:
        assert counts(s)[1] == before[1] + 1
    code, _, err = run(capsys, "--db", demo_path, "import", "achievements", filled)
    assert code == 2 and "đã có trong sổ" in err


def test_apply_is_one_transaction(store, tmp_path):
    team = people.add_collective(store, Collective("Tổ tạm"))
    path = simple_people_file(tmp_path, [["Nguyễn Văn Một", None, None, None],
                                         ["Nguyễn Văn Hai", None, None, "Tổ tạm"]])
    preview = read_people(store, path)
    assert preview.ok
    people.delete_collective(store, team)  # the ledger changes between preview and save
    with pytest.raises(UserError, match="dòng 3.*đọc lại tệp"):
        apply(store, preview)
    assert counts(store) == (0, 0, 0)  # the first row was rolled back too


# -- dates in every form -----------------------------------------------------------------------------------

def test_dates_in_every_form(store, tmp_path):
    serial = (dt.date(1990, 3, 5) - dt.date(1899, 12, 30)).days
    forms = ["05/03/1990", "5/3/1990", "5-3-1990", "05.03.1990", "1990-03-05", " 05 / 03 / 1990 ",
             "05/03/1990 00:00:00", dt.datetime(1990, 3, 5), dt.date(1990, 3, 5), serial, float(serial),
             serial + 0.5]
    path = simple_people_file(tmp_path, [[f"Nguyễn Văn {chr(65 + i)}", form] for i, form in enumerate(forms)])
    preview = read_people(store, path)
    assert preview.errors == []
    assert {r.record.birth_date for r in preview.rows} == {dt.date(1990, 3, 5)}
    assert {r.cells[1] for r in preview.rows} == {"05/03/1990"}


@pytest.mark.parametrize("value, message", [
    ("31/02/1990", "Không có ngày 31/02/1990."),
    ("hôm qua", "Ngày phải có dạng ngày/tháng/năm"),
    ("05/03/90", "Ngày phải có dạng ngày/tháng/năm"),
    (1990, "Chỉ có năm 1990; hãy ghi đủ ngày/tháng/năm"),
    (-5, "không phải là một ngày"),
    (99_999_999, "không phải là một ngày"),
    (dt.time(8, 30), "Ô chứa giờ"),
    (True, "đúng/sai"),
])
def test_bad_dates(store, tmp_path, value, message):
    path = simple_people_file(tmp_path, [["Nguyễn Văn An", value]])
    preview = read_people(store, path)
    assert len(preview.errors) == 1
    error = preview.errors[0]
    assert (error.sheet, error.row, error.column) == ("Cá nhân", 2, "Ngày sinh")
    assert message in error.message


def test_1904_date_system(store, tmp_path):
    wb = Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["Họ và tên", "Ngày sinh"])
    ws.append(["Nguyễn Văn An", (dt.date(1990, 3, 5) - dt.date(1904, 1, 1)).days])
    wb.save(tmp_path / "mac.xlsx")
    preview = read_people(store, tmp_path / "mac.xlsx")
    assert preview.rows[0].record.birth_date == dt.date(1990, 3, 5)


# -- columns ------------------------------------------------------------------------------------------------

def test_reordered_extra_columns_and_a_title_above(demo_store, tmp_path):
    path = sheet(tmp_path / "ds.xlsx",
                 ["STT", "TẬP THỂ", "xep loai nam 2024", "Ghi chú", "HO VA TEN*", "Ngày sinh (dd/mm/yyyy)",
                  "gioi tinh"],
                 [[1, "Phòng Nghiệp vụ 1", "Tốt", "abc", "Đặng Thị Mới", "05/03/1990", "Nữ"],
                  [2, None, None, "xyz", "Võ Văn Mới", None, "Nam"]],
                 title="Danh sách", before=[["DANH SÁCH CÁN BỘ NĂM 2025"], []])
    preview = read_people(demo_store, path)
    assert preview.errors == []
    assert preview.columns == ["HO VA TEN", "Ngày sinh (dd/mm/yyyy)", "gioi tinh", "TẬP THỂ", "xep loai nam 2024"]
    assert [r.row for r in preview.rows] == [4, 5]
    first = preview.rows[0]
    assert (first.record.full_name, first.record.birth_date, first.record.sex) == \
        ("Đặng Thị Mới", dt.date(1990, 3, 5), "nu")
    assert first.record.collective_id == collective_id(demo_store, "Phòng Nghiệp vụ 1")
    assert first.ratings == {2024: "tot"}
    assert preview.notices == ["Cột “STT” (cột A) không có trong mẫu nên được bỏ qua.",
                               "Cột “Ghi chú” (cột D) không có trong mẫu nên được bỏ qua."]


def test_no_header_row(store, tmp_path):
    path = sheet(tmp_path / "ds.xlsx", ["Tên", "Tuổi"], [["An", 30]])
    with pytest.raises(UserError, match="không tìm thấy dòng tiêu đề có cột “Họ và tên”"):
        read_people(store, path)
    path = sheet(tmp_path / "tt.xlsx", ["Ngày", "Cá nhân", "Mô tả"], [["01/01/2025", "An", "x"]], title="Thành tích")
    with pytest.raises(UserError, match="Dòng 1 có vài cột của mẫu nhưng thiếu cột bắt buộc"):
        read_achievements(store, path)


def test_a_column_twice(store, tmp_path):
    path = sheet(tmp_path / "ds.xlsx", ["Họ và tên", "Ngày sinh", "Ngay sinh"], [["Nguyễn Văn An", None, None]])
    with pytest.raises(UserError, match="cột “Ngày sinh” có hai lần .cột B và cột C."):
        read_people(store, path)


def test_blank_and_whitespace_rows_are_skipped(store, tmp_path):
    path = simple_people_file(tmp_path, [["  ", None, " "], [None], ["Nguyễn Văn An"], ["\u00a0", None]])
    preview = read_people(store, path)
    assert [r.row for r in preview.rows] == [4] and preview.ok


def test_an_empty_sheet_reads_as_nothing(store, tmp_path):
    path = simple_people_file(tmp_path, [])
    preview = read_people(store, path)
    assert preview.ok and preview.rows == [] and "không có dòng dữ liệu" in preview.notices[0]


def test_a_namesake_is_a_notice(demo_store, tmp_path):
    hung = person_named(demo_store, "Trần Đình Hùng")
    path = simple_people_file(tmp_path, [["Trần Đình Hùng", "01/01/1999"], ["trần đình hùng", hung["birth_date"]]])
    preview = read_people(demo_store, path)
    assert [(e.row, e.column) for e in preview.errors] == [(3, "Họ và tên")]  # same name and birth date
    assert any("cùng họ tên (khác ngày sinh)" in n and "dòng 2" in n for n in preview.notices)


def test_the_content_counts_not_the_file_name(store, tmp_path):
    path = simple_people_file(tmp_path, [["Nguyễn Văn An"]])
    renamed = path.rename(tmp_path / "danh-sach.dat")
    assert read_people(store, renamed).count == 1


def test_prefers_the_named_sheet(store, tmp_path):
    wb = Workbook()
    wb.active.title = "Ghi chú"
    wb.active.append(["Tùy ý"])
    ws = wb.create_sheet("CA NHAN")
    ws.append(["Họ và tên"])
    ws.append(["Nguyễn Văn An"])
    wb.save(tmp_path / "hai-trang.xlsx")
    preview = read_people(store, tmp_path / "hai-trang.xlsx")
    assert preview.sheet == "CA NHAN" and preview.count == 1


# -- formulas and merged cells ----------------------------------------------------------------------------

def _with_formulas(tmp_path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Cá nhân"
    ws.append(["Họ và tên", "Ngày sinh", "Năm vào đơn vị"])
    ws.append(["Nguyễn Văn An", "=DATE(1990,3,5)", "=2000+15"])
    ws.append(["Nguyễn Văn Bình", "=1/0", None])
    ws.append(['=CONCATENATE("Lê ","Văn Cường")', "=TODAY()", None])
    path = tmp_path / "cong-thuc.xlsx"
    wb.save(path)
    return path


def test_a_formula_without_a_cached_value_is_refused(store, tmp_path):
    preview = read_people(store, _with_formulas(tmp_path))
    messages = {(e.row, e.column): e.message for e in preview.errors}
    assert "chưa có kết quả tính sẵn" in messages[(2, "Ngày sinh")]
    assert "=DATE(1990,3,5)" in messages[(2, "Ngày sinh")]
    assert (2, "Năm vào đơn vị") in messages and (4, "Họ và tên") in messages
    assert not preview.ok


def test_cached_formula_values_are_used_never_evaluated(store, tmp_path):
    serial = (dt.date(1990, 3, 5) - dt.date(1899, 12, 30)).days

    def cache(xml: bytes) -> bytes:
        text = xml.decode()
        text = text.replace("<f>DATE(1990,3,5)</f><v></v>", f"<f>DATE(1990,3,5)</f><v>{serial}</v>")
        text = text.replace("<f>2000+15</f><v></v>", "<f>2000+15</f><v>2015</v>")
        text = text.replace('<c r="B3"><f>1/0</f><v></v></c>', '<c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c>')
        text = text.replace('<c r="A4"><f>', '<c r="A4" t="str"><f>').replace(
            '")</f><v></v>', '")</f><v>Lê Văn Cường</v>')
        text = text.replace("<f>TODAY()</f><v></v>", f"<f>TODAY()</f><v>{serial + 1}</v>")
        return text.encode()

    path = rezip(_with_formulas(tmp_path), tmp_path / "da-tinh.xlsx", replace={"xl/worksheets/sheet1.xml": cache})
    preview = read_people(store, path)
    assert [str(e) for e in preview.errors] == [
        "Trang “Cá nhân”, dòng 3, cột “Ngày sinh”: Công thức “=1/0” cho kết quả lỗi “#DIV/0!”; hãy sửa trong Excel."]
    an = preview.rows[0].record
    assert (an.birth_date, an.year_joined) == (dt.date(1990, 3, 5), 2015)
    cuong = preview.rows[2].record
    assert (cuong.full_name, cuong.birth_date) == ("Lê Văn Cường", dt.date(1990, 3, 6))  # cached, not today


def test_merged_cells_fill_down(demo_store, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Cá nhân"
    ws.append(["DANH SÁCH"])
    ws.merge_cells("A1:D1")
    ws.append(["Họ và tên", "Ngày sinh", "Tập thể", "Chức vụ"])
    ws.append(["Nguyễn Văn An", None, "Phòng Nghiệp vụ 1", "Chuyên viên"])
    ws.append(["Nguyễn Văn Bình", None, None, None])
    ws.append(["Nguyễn Văn Cường", None, None, None])
    ws.append(["Nguyễn Văn Dũng", None, "Phòng Nghiệp vụ 2", None])
    ws.merge_cells("C3:C5")
    ws.merge_cells("D3:D4")
    wb.save(tmp_path / "gop.xlsx")
    preview = read_people(demo_store, tmp_path / "gop.xlsx")
    assert preview.ok
    nv1, nv2 = collective_id(demo_store, "Phòng Nghiệp vụ 1"), collective_id(demo_store, "Phòng Nghiệp vụ 2")
    assert [r.record.collective_id for r in preview.rows] == [nv1, nv1, nv1, nv2]
    assert [r.record.position for r in preview.rows] == ["Chuyên viên", "Chuyên viên", "", ""]
    assert any(n.startswith("Ô gộp C3:C5 (cột “Tập thể”)") for n in preview.notices)


# -- hostile workbooks ------------------------------------------------------------------------------------------

@pytest.fixture
def good_xlsx(tmp_path) -> Path:
    return simple_people_file(tmp_path, [["Nguyễn Văn An", "05/03/1990", "Nam", None]], name="tot.xlsx")


def _refused(store, path, pattern, reader=read_people):
    before = counts(store)
    with pytest.raises(UserError, match=pattern):
        reader(store, path)
    assert counts(store) == before


@pytest.mark.parametrize("content, pattern", [
    (b"", "rỗng"),
    (b"Ho va ten,Ngay sinh\nNguyen Van An,05/03/1990\n", "không phải là tệp Excel .xlsx"),
    (os.urandom(4096), "không phải là tệp Excel .xlsx"),
    (b"<html><body>Ho va ten</body></html>", "không phải là tệp Excel .xlsx"),
    (b"PK\x03\x04" + b"\x00" * 100, "bị hỏng"),
])
def test_not_a_workbook(store, tmp_path, content, pattern):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(content)
    _refused(store, path, pattern)


def test_missing_file_and_folder(store, tmp_path):
    _refused(store, tmp_path / "khong-co.xlsx", "Không tìm thấy tệp")
    _refused(store, tmp_path, "là một thư mục")


def test_a_zip_of_something_else(store, tmp_path):
    path = tmp_path / "ds.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("ghi-chu.txt", "Nguyễn Văn An")
    _refused(store, path, "tệp nén nhưng không phải sổ Excel")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    _refused(store, path, "văn bản Word")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")
    _refused(store, path, "OpenDocument")


def test_a_truncated_or_corrupt_workbook(store, good_xlsx, tmp_path):
    data = good_xlsx.read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    _refused(store, cut, "bị hỏng")
    broken = rezip(good_xlsx, tmp_path / "broken.xlsx",
                   replace={"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row r='abc'>"})
    _refused(store, broken, "bị hỏng|cấu trúc")
    nonsense = rezip(good_xlsx, tmp_path / "nonsense.xlsx", replace={"xl/workbook.xml": b"not xml at all"})
    _refused(store, nonsense, "bị hỏng|cấu trúc")


def test_a_zip_bomb_is_refused_before_parsing(store, good_xlsx, tmp_path, monkeypatch):
    zeros = b"<!-- " + b" " * (8 * 1024 * 1024) + b" -->"
    bomb = rezip(good_xlsx, tmp_path / "bom.xlsx", add={"xl/media/padding.xml": zeros})
    info = zipfile.ZipFile(bomb).getinfo("xl/media/padding.xml")
    assert info.file_size > 100 * info.compress_size  # really a bomb-like ratio
    calls = []
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: calls.append(a))
    _refused(store, bomb, "bom nén")
    assert calls == []  # refused from the zip's directory, before openpyxl

    monkeypatch.setattr(workbook, "MAX_RATIO", 10_000)
    monkeypatch.setattr(workbook, "MAX_MEMBER_BYTES", 4 * 1024 * 1024)
    _refused(store, bomb, "quá lớn.*bom nén")
    monkeypatch.setattr(workbook, "MAX_MEMBER_BYTES", 64 * 1024 * 1024)
    monkeypatch.setattr(workbook, "MAX_TOTAL_BYTES", 6 * 1024 * 1024)
    _refused(store, bomb, "quá lớn")


def test_too_many_members_and_a_huge_file(store, good_xlsx, tmp_path, monkeypatch):
    many = rezip(good_xlsx, tmp_path / "nhieu.xlsx", add={f"xl/x{i}.bin": b"" for i in range(30)})
    monkeypatch.setattr(workbook, "MAX_MEMBERS", 20)
    _refused(store, many, "quá nhiều thành phần")
    monkeypatch.setattr(workbook, "MAX_FILE_BYTES", 1000)
    _refused(store, good_xlsx, "quá lớn")


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + f']>\n<sst xmlns="{SHEET_NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
)
SST_TYPE = ('<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')


def _xml_bomb(good_xlsx: Path, dst: Path, encoding: str = "utf-8") -> Path:
    return rezip(good_xlsx, dst,
                 replace={"[Content_Types].xml": lambda b: b.replace(b"</Types>", SST_TYPE.encode())},
                 add={"xl/sharedStrings.xml": BILLION_LAUGHS.encode(encoding)})


def test_openpyxl_parses_with_defusedxml(good_xlsx, tmp_path):
    from defusedxml import DefusedXmlException

    assert openpyxl.DEFUSEDXML is True
    workbook.require_defusedxml()
    bomb = _xml_bomb(good_xlsx, tmp_path / "bom-xml.xlsx")
    with pytest.raises(ValueError) as info:  # openpyxl itself refuses the entities
        load_workbook(bomb, read_only=True)
    assert isinstance(info.value.__cause__ or info.value, DefusedXmlException)


def test_an_xml_bomb_is_refused(store, good_xlsx, tmp_path):
    bomb = _xml_bomb(good_xlsx, tmp_path / "bom-xml.xlsx")
    _refused(store, bomb, "DOCTYPE/ENTITY.*sharedStrings.xml")
    _refused(store, _xml_bomb(good_xlsx, tmp_path / "bom-16.xlsx", "utf-16"), "DOCTYPE/ENTITY")
    # Opened without the scan in front, defusedxml (under openpyxl) still refuses it, and no crash follows.
    with pytest.raises(UserError, match="chứa khai báo XML bị cấm.*bom XML"):
        with workbook.open_workbook(bomb.read_bytes(), bomb.name, data_only=True) as wb:
            [list(sheet.values) for sheet in wb]


def test_an_odd_encoding_is_refused(store, good_xlsx, tmp_path):
    utf7 = rezip(good_xlsx, tmp_path / "utf7.xlsx", replace={
        "xl/workbook.xml": lambda b: b.replace(b"<workbook", b'<?xml version="1.0" encoding="UTF-7"?><workbook', 1)})
    _refused(store, utf7, "bảng mã lạ")


def test_without_defusedxml_nothing_is_read(store, good_xlsx, monkeypatch):
    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    _refused(store, good_xlsx, "defusedxml")


def _ole(*streams: str) -> bytes:
    """A minimal compound-file container naming the given streams (as a directory does)."""
    directory = b"".join(name.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64 for name in ("Root Entry", *streams))
    return workbook.OLE_MAGIC + b"\x00" * 504 + directory + b"\x00" * 512


def test_password_protected_and_old_xls(store, tmp_path):
    locked = tmp_path / "co-mat-khau.xlsx"
    locked.write_bytes(_ole("EncryptionInfo", "EncryptedPackage"))
    _refused(store, locked, "đặt mật khẩu")
    old = tmp_path / "cu.xls"
    old.write_bytes(_ole("Workbook", "SummaryInformation"))
    _refused(store, old, "97-2003")


def test_an_encrypted_zip_member_is_refused(store, good_xlsx, tmp_path):
    data = bytearray(good_xlsx.read_bytes())
    # Set the "encrypted" flag bit on every central directory entry.
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) != -1:
        data[pos + 8] |= 0x01
        pos += 4
    path = tmp_path / "ma-hoa.xlsx"
    path.write_bytes(bytes(data))
    _refused(store, path, "bị mã hóa")


def test_too_many_rows(store, tmp_path, monkeypatch):
    monkeypatch.setattr(workbook, "MAX_ROWS", 50)
    path = simple_people_file(tmp_path, [[f"Nguyễn Văn {i}"] for i in range(51)])
    _refused(store, path, "hơn 50 dòng dữ liệu")
    ok = simple_people_file(tmp_path, [[f"Nguyễn Văn An{i}"] for i in range(50)] + [[None]] * 30, name="vua.xlsx")
    assert read_people(store, ok).count == 50  # blank rows after the data do not count


def test_the_row_limit_is_twenty_thousand():
    assert workbook.MAX_ROWS == 20_000


def test_a_lying_dimension_hides_no_rows(store, tmp_path):
    path = simple_people_file(tmp_path, [[f"Nguyễn Văn An{i}"] for i in range(10)])
    liar = rezip(path, tmp_path / "noi-doi.xlsx", replace={
        "xl/worksheets/sheet1.xml": lambda b: b.replace(b'<dimension ref="A1:D11"/>', b'<dimension ref="A1:A1"/>')})
    assert b'ref="A1:A1"' in zipfile.ZipFile(liar).read("xl/worksheets/sheet1.xml")
    assert read_people(store, liar).count == 10


def _write_only_people(path: Path, n: int) -> Path:
    """What a program exporting a big list saves: a write-only workbook (no <dimension> element)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Cá nhân")
    ws.append(["Họ và tên", "Ngày sinh"])
    for i in range(n):
        ws.append([f"Nguyễn Văn {i}", "01/01/1980"])
    wb.save(path)
    return path


def test_a_huge_sheet_is_refused_before_its_rows_are_parsed(store, tmp_path, monkeypatch):
    from openpyxl.worksheet._reader import WorkSheetParser

    monkeypatch.setattr(workbook, "MAX_ROWS", 1_000)
    path = _write_only_people(tmp_path / "lon.xlsx", 20_000)  # 20 times the limit, like 200,000 rows for 20,000
    parsed = []
    real_parse_row = WorkSheetParser.parse_row
    monkeypatch.setattr(WorkSheetParser, "parse_row", lambda self, el: parsed.append(1) or real_parse_row(self, el))
    started = time.perf_counter()
    _refused(store, path, "hơn 1.000 dòng dữ liệu")
    assert parsed == []  # refused from a byte scan of the sheet, no row read as cells
    assert time.perf_counter() - started < 5
    ok = _write_only_people(tmp_path / "vua.xlsx", 1_000)
    assert read_people(store, ok).count == 1_000


def test_rows_that_only_carry_formatting_do_not_count(store, tmp_path, monkeypatch):
    from openpyxl.styles import Font

    monkeypatch.setattr(workbook, "MAX_ROWS", 100)
    path = simple_people_file(tmp_path, [[f"Nguyễn Văn An{i}"] for i in range(10)])
    wb = load_workbook(path)
    ws = wb.active
    for r in range(12, 600):
        ws.cell(r, 1).font = Font(bold=True)  # a styled empty cell: no value
    wb.save(path)
    assert read_people(store, path).count == 10


def test_a_row_past_excel_limits(store, tmp_path):
    path = simple_people_file(tmp_path, [["Nguyễn Văn An"], ["Nguyễn Văn Bình"]])
    far = rezip(path, tmp_path / "xa.xlsx", replace={
        "xl/worksheets/sheet1.xml": lambda b: b.replace(b'<row r="3">', b'<row r="9999999">')
                                               .replace(b'r="A3"', b'r="A9999999"')})
    _refused(store, far, "giới hạn của Excel")


def test_a_cell_too_long(store, tmp_path):
    path = simple_people_file(tmp_path, [["Nguyễn Văn An", None, None, "x" * (workbook.MAX_CELL_CHARS + 1)]])
    preview = read_people(store, path)
    assert [(e.column, e.message[:10]) for e in preview.errors] == [("Tập thể", "Ô quá dài ")]


def test_cli_import_of_a_hostile_file(demo_path, tmp_path, capsys):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(_ole("EncryptionInfo"))
    code, _, err = run(capsys, "--db", demo_path, "import", "people", path)
    assert code == 2 and "Traceback" not in err and err.startswith("Lỗi: Tệp “ds.xlsx” được đặt mật khẩu")


# -- export ----------------------------------------------------------------------------------------------------

def _values(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_export_ledger_of_a_campaign(demo_store, tmp_path):
    c = campaign_by_number(demo_store, "142/KH-STP")
    # Two achievements on one day: the export orders them by given name (An before Bình).
    binh = people.add_person(demo_store, Person("Nguyễn Văn Bình", dt.date(1990, 1, 1)))
    an = people.add_person(demo_store, Person("Trần Văn An", dt.date(1990, 1, 1)))
    for pid in (binh, an):
        ach.add(demo_store, ach.Achievement(dt.date(2025, 1, 2), "=HYPERLINK(\"http://x\")", person_id=pid,
                                            campaign_id=c.id, measure_value=98.5, measure_unit="%"))
    expected = export_mod.ledger_rows(demo_store, campaign_id=c.id)
    result = export_mod.export_ledger(demo_store, tmp_path / "so.xlsx", campaign_id=c.id, today=TODAY)
    assert result.count == len(expected) > 10

    wb = load_workbook(result.path)
    ws = wb.active
    assert ws.title == "Sổ thành tích"
    values = _values(ws)
    h = result.layout.header_row
    assert values[0][0] == "SỞ TƯ PHÁP TỈNH HÀ TĨNH"
    assert values[1][0] == "TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC TỈNH HÀ TĨNH" and ws["A2"].font.bold
    heading = [r[0] for r in values[:h - 1] if r[0]]
    assert "SỔ THEO DÕI THÀNH TÍCH" in heading
    assert f"Phong trào: {c.title}" in heading and f"({c.reference})" in heading
    assert f"Số thành tích: {result.count}. Ngày xuất: 30/06/2025" in heading
    assert values[h - 1] == ["STT", "Ngày", "Cá nhân/Tập thể", "Thành tích", "Tiêu chí", "Số đo",
                             "Minh chứng (số tệp)"]
    body = values[h:]
    assert len(body) == result.count
    assert [r[0] for r in body] == list(range(1, result.count + 1))
    assert [r[1].date() for r in body] == [dt.date.fromisoformat(e["date"]) for e in expected]
    assert [r[1].date() for r in body] == sorted(r[1].date() for r in body)
    assert [r[6] for r in body] == [e["evidence_count"] for e in expected]
    same_day = [r[2] for r in body if r[1].date() == dt.date(2025, 1, 2)]
    assert same_day.index("Trần Văn An") < same_day.index("Nguyễn Văn Bình")
    injected = [r for r in body if r[3] == '=HYPERLINK("http://x")']
    assert len(injected) == 2 and injected[0][5] == "98,5 %"
    assert b"<f>" not in zipfile.ZipFile(result.path).read("xl/worksheets/sheet1.xml")  # text, never a formula

    # Print setup: A4 landscape, one page wide, header repeated, frozen under the header.
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 0)
    assert ws.print_title_rows == f"${h}:${h}"
    assert ws.freeze_panes == f"A{h + 1}"
    header, first = ws.cell(h, 4), ws.cell(h + 1, 4)
    assert header.font.name == first.font.name == "Times New Roman" and header.font.bold
    assert first.alignment.wrap_text and header.border.left.style == "thin"
    assert ws.cell(h + 1, 2).number_format == "dd/mm/yyyy"
    assert ws.column_dimensions["D"].width > ws.column_dimensions["B"].width > ws.column_dimensions["A"].width
    title_row = next(i for i, r in enumerate(values, 1) if r[0] == "SỔ THEO DÕI THÀNH TÍCH")
    assert f"A{title_row}:G{title_row}" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.cell(title_row, 1).font.bold and ws.cell(title_row, 1).font.size == 14
    assert ws.cell(title_row, 1).alignment.horizontal == "center"


def test_export_ledger_of_a_period_by_cli(demo_path, tmp_path, capsys):
    out = tmp_path / "ky"
    code, stdout, err = run(capsys, "--db", demo_path, "export", "ledger", out, "--from", "01/01/2025",
                            "--to", "31/03/2025")
    assert (code, err) == (0, "")
    assert stdout.startswith("Đã xuất ") and (tmp_path / "ky.xlsx").exists()
    ws = load_workbook(tmp_path / "ky.xlsx").active
    values = _values(ws)
    assert any(r[0] == "Từ ngày 01/01/2025 đến ngày 31/03/2025" for r in values)
    dates = [r[1] for r in values if isinstance(r[1], dt.datetime)]
    assert dates and all(dt.datetime(2025, 1, 1) <= d <= dt.datetime(2025, 3, 31) for d in dates)
    assert int(stdout.split()[2]) == len(dates)


@pytest.mark.parametrize("args, pattern", [
    (["--from", "31/02/2025"], "Ngày “31/02/2025” của --from không hợp lệ"),
    (["--from", "01/04/2025", "--to", "01/03/2025"], "phải trước hoặc bằng ngày kết thúc"),
    (["--campaign", "999"], "Không tìm thấy phong trào số 999"),
])
def test_export_ledger_errors(demo_path, tmp_path, capsys, args, pattern):
    code, out, err = run(capsys, "--db", demo_path, "export", "ledger", tmp_path / "so.xlsx", *args)
    assert code == 2 and out == "" and pattern in err
    assert not (tmp_path / "so.xlsx").exists()


def test_export_of_an_empty_ledger(store, tmp_path):
    result = export_mod.export_ledger(store, tmp_path / "rong.xlsx", today=TODAY)
    values = _values(load_workbook(result.path).active)
    assert result.count == 0
    assert ["(Không có thành tích nào)"] == [r[0] for r in values if r[0] and "Không có" in str(r[0])]
    assert any(r[0] == "Toàn bộ thành tích trong sổ" for r in values)


def test_export_nominations_shape_with_groups_and_signatures(tmp_path):
    rows = [[None, "Nguyễn Văn Bình", "Chuyên viên", "7/9"], [None, "Trần Văn An", "Trưởng phòng", "9/9"],
            [None, "Lê Thị Ánh", "Kế toán", "8/9"]]
    ordered = style.by_name(rows, 1)
    assert [r[1] for r in ordered] == ["Trần Văn An", "Lê Thị Ánh", "Nguyễn Văn Bình"]
    for i, r in enumerate(ordered, 1):
        r[0] = i
    layout = write_table_workbook(
        tmp_path / "de-nghi.xlsx",
        TitleBlock("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", agency=["Sở Tư pháp tỉnh Hà Tĩnh", "Trung tâm TGPL"],
                   motto=True, subtitles=["(Kèm theo Tờ trình số 12/TTr-TTTGPL)"],
                   date_line="Hà Tĩnh, ngày 30 tháng 6 năm 2025"),
        [Column("STT", 6, "center"), Column("Họ và tên", 26), Column("Chức vụ", 30), Column("Số phiếu", 10, "center")],
        [("I. Giấy khen của Giám đốc Sở", ordered), ("II. Tập thể lao động tiên tiến", [[1, "Phòng A", "", "9/9"]])],
        landscape=False, signatures=[Signature("NGƯỜI LẬP BIỂU", "Lê Thị Thu Hà"), Signature("GIÁM ĐỐC", "Trần Đình Hùng")])
    wb = load_workbook(tmp_path / "de-nghi.xlsx")
    ws = wb.active
    values = _values(ws)
    assert values[0][0] == "SỞ TƯ PHÁP TỈNH HÀ TĨNH" and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in values[0]
    assert "Độc lập - Tự do - Hạnh phúc" in values[1]
    assert ws.page_setup.orientation == "portrait"
    assert [values[r - 1][0] for r in layout.group_rows] == ["I. Giấy khen của Giám đốc Sở",
                                                            "II. Tập thể lao động tiên tiến"]
    assert all(any(str(m) == f"A{r}:D{r}" for m in ws.merged_cells.ranges) for r in layout.group_rows)
    first = layout.group_rows[0]
    assert [values[first + i][1] for i in range(3)] == ["Trần Văn An", "Lê Thị Ánh", "Nguyễn Văn Bình"]
    assert layout.data_rows == 4
    flat = [v for r in values for v in r if v]
    assert flat[-2:] == ["Lê Thị Thu Hà", "Trần Đình Hùng"]
    assert "NGƯỜI LẬP BIỂU" in flat and "GIÁM ĐỐC" in flat
    with pytest.raises(ValueError):
        write_table_workbook(tmp_path / "x.xlsx", ["Tiêu đề"], [Column("A")], [(None, [[1, 2]])])


# -- atomic writes -----------------------------------------------------------------------------------------------

def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".part")))


def test_a_full_disk_leaves_no_partial_file(demo_store, tmp_path, monkeypatch):
    target = tmp_path / "so.xlsx"
    target.write_bytes(b"ban cu")

    def full(self):
        self._archive.writestr("nua-chung.xml", b"<a>" * 1000)
        raise OSError(errno.ENOSPC, "No space left on device")

    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    monkeypatch.setattr(ExcelWriter, "write_data", full)
    with pytest.raises(UserError, match="Ổ đĩa đã đầy"):
        export_mod.export_ledger(demo_store, target, today=TODAY)
    with pytest.raises(UserError, match="Ổ đĩa đã đầy"):
        templates.write_template(demo_store, "people", tmp_path / "mau.xlsx")
    assert target.read_bytes() == b"ban cu"
    assert not (tmp_path / "mau.xlsx").exists()
    assert _leftovers(tmp_path) == []
    gc.collect()
    assert unraisable == []  # no "seek of closed file" from a half-written ZIP left open


def test_a_failed_rename_or_a_bug_leaves_nothing(store, tmp_path, monkeypatch):
    target = tmp_path / "so.xlsx"

    def locked(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(UserError, match="đang mở trong Excel"):
        export_mod.export_ledger(store, target, today=TODAY)
    monkeypatch.undo()
    assert not target.exists() and _leftovers(tmp_path) == []

    def bug(self):
        raise RuntimeError("boom")

    monkeypatch.setattr(ExcelWriter, "write_data", bug)
    with pytest.raises(RuntimeError):
        export_mod.export_ledger(store, target, today=TODAY)
    assert not target.exists() and _leftovers(tmp_path) == []


def test_save_into_a_missing_folder(store, tmp_path):
    with pytest.raises(UserError, match="Không có thư mục"):
        export_mod.export_ledger(store, tmp_path / "khong-co" / "so.xlsx")


def test_xlsx_path():
    assert style.xlsx_path("a/so") == Path("a/so.xlsx")
    assert style.xlsx_path("so.XLSX") == Path("so.XLSX")
    with pytest.raises(UserError):
        style.xlsx_path("so.xls")


def test_cell_values_are_made_safe():
    assert style.cell_value("a\x00b\x07c") == "abc"
    assert len(style.cell_value("x" * 40_000)) == style.MAX_CELL_CHARS
    assert style.sheet_title("Sổ: 2025/1 [A]*?") == "Sổ  2025 1  A"


# -- command line ------------------------------------------------------------------------------------------------

def test_export_group_is_open_for_more_exports():
    from desktop.commands import excel as excel_cmd

    parser = cli.build_parser()
    assert excel_cmd.export_subparsers is not None
    assert {"ledger", "nominations"} <= set(excel_cmd.export_subparsers.choices)
    extra = excel_cmd.export_subparsers.add_parser("thu-nghiem", help="thử")
    extra.set_defaults(func=lambda args: 0)
    assert parser.parse_args(["export", "thu-nghiem"]).func(None) == 0


def test_import_rejects_unknown_kind(store, good_xlsx):
    from desktop.excel.importer import read

    with pytest.raises(UserError, match="Không biết loại"):
        read(store, "khac", good_xlsx)
