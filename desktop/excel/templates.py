"""Import templates: a workbook the clerk fills in Excel and gives back to :mod:`.importer`.

The data sheet (“Cá nhân” or “Thành tích”) has one header row, frozen, with
required columns marked ``*`` and shaded; each header carries a note, date
columns are formatted as text (so 05/03/1990 stays what was typed whatever
Excel's regional settings), and drop-downs offer the allowed values (sex,
ratings, the unit's collectives, people and campaigns). The “Hướng dẫn” sheet
explains every column and lists the allowed values, the unit's collectives
included; a hidden “Danh mục” sheet holds the drop-down lists.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from desktop.campaigns import campaign as camp
from desktop.records import people
from desktop.records import unit as unit_mod
from desktop.errors import UserError
from desktop.excel import columns as cols
from desktop.excel.style import (
    BORDER,
    HEADER_FILL,
    REQUIRED_FILL,
    cell_value,
    font,
    save_atomically,
    setup_print,
    xlsx_path,
)
from desktop.excel.workbook import MAX_ROWS, num
from desktop import clock

KINDS = ("people", "achievements", "collectives", "awards")


def template_fields(kind: str, today: dt.date | None = None) -> list[cols.Field]:
    """The columns of a template, in order; people get ratings of the two previous years."""
    today = today or clock.today()
    ratings = [cols.Field(f"rating:{y}", f"Xếp loại {y}", False, (), 22,
                          f"Xếp loại chất lượng năm {y}: " + "; ".join(people.RATINGS.values()) + ".",
                          people.RATINGS["tot"])
               for y in (today.year - 1, today.year - 2)]
    if kind == "people":
        return [*cols.PEOPLE_FIELDS, *ratings]
    if kind == "collectives":
        return [*cols.COLLECTIVE_FIELDS, *ratings]
    if kind == "achievements":
        return list(cols.ACHIEVEMENT_FIELDS)
    if kind == "awards":
        return list(cols.AWARD_FIELDS)
    raise UserError(f"Không biết loại mẫu “{kind}”; chọn people (cá nhân), achievements (thành tích), "
                    "collectives (tập thể và xếp loại) hoặc awards (khen thưởng đã nhận).")


def write_template(store, kind: str, path: str | os.PathLike[str], *, today: dt.date | None = None) -> Path:
    """Write the import template for ``kind`` (``people`` or ``achievements``) to ``path``; returns the path."""
    fields = template_fields(kind, today)
    path = xlsx_path(path)
    collectives = [c.name for c in people.list_collectives(store)]
    campaigns = camp.list_campaigns(store) if kind == "achievements" else []
    persons = ([r["full_name"] for r in store.query("SELECT full_name FROM person ORDER BY sort_key, id")]
               if kind in ("achievements", "awards") else [])

    wb = Workbook()
    ws = wb.active
    ws.title = cols.KINDS[kind]
    lists = wb.create_sheet(cols.LISTS_SHEET)
    guide = wb.create_sheet(cols.GUIDE_SHEET, 1)

    # The drop-down lists, one column each.
    list_ranges: dict[str, str] = {}
    sources = {
        "collective": ("Tập thể", collectives),
        "rating": ("Xếp loại", list(people.RATINGS.values())),
        "person": ("Cá nhân", persons),
        "campaign": ("Phong trào", [c.number or c.title for c in campaigns]),
    }
    for i, (key, (title, values)) in enumerate(sources.items(), 1):
        letter = get_column_letter(i)
        lists.cell(1, i, title).font = font(bold=True)
        for r, value in enumerate(values, 2):
            lists.cell(r, i, cell_value(value))
        lists.column_dimensions[letter].width = 40
        if values:
            list_ranges[key] = f"'{cols.LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
    lists.sheet_state = "hidden"

    # The data sheet.
    header_align = Alignment(horizontal="center", vertical="center", wrap_text=True)
    last_row = MAX_ROWS + 1
    for i, f in enumerate(fields, 1):
        letter = get_column_letter(i)
        c = ws.cell(1, i, f.label)
        c.font = font(bold=True)
        c.alignment = header_align
        c.border = BORDER
        c.fill = REQUIRED_FILL if f.required or f.one_of else HEADER_FILL  # one-of columns are needed too
        note = f.help + (f"\nVí dụ: {f.example}" if f.example else "")
        c.comment = Comment(note, "Sổ thi đua", width=320, height=140)
        dim = ws.column_dimensions[letter]
        dim.width = f.width
        dim.font = font()
        if f.date:
            dim.number_format = "@"   # typed dates stay text: no month/day swap by regional settings
        rng = f"{letter}2:{letter}{last_row}"
        dv = _validation(f, list_ranges, today or clock.today())
        if dv is not None:
            ws.add_data_validation(dv)
            dv.add(rng)
    ws.row_dimensions[1].height = 36
    ws.freeze_panes = "A2"
    setup_print(ws, landscape=True, title_rows=(1, 1))

    profile = unit_mod.get(store)
    _guide(guide, kind, fields, collectives, campaigns, profile.name)
    return save_atomically(wb, path)


def _validation(f: cols.Field, lists: dict[str, str], today: dt.date) -> DataValidation | None:
    common = {"allow_blank": True, "showInputMessage": True, "showErrorMessage": True}
    if f.key == "sex":
        return DataValidation(type="list", formula1='"Nam,Nữ"', errorTitle="Giới tính",
                              error="Chọn Nam hoặc Nữ.", promptTitle="Giới tính", prompt="Nam hoặc Nữ", **common)
    if f.key.startswith("rating:") and "rating" in lists:
        return DataValidation(type="list", formula1=lists["rating"], errorStyle="warning", errorTitle="Xếp loại",
                              error="Nên chọn một mức trong danh sách.", promptTitle=f.header[:32],
                              prompt="Chọn mức xếp loại trong danh sách.", **common)
    if f.key == "collective" and "collective" in lists:
        return DataValidation(type="list", formula1=lists["collective"], errorTitle="Tập thể",
                              error="Tập thể phải có trong sổ; chọn trong danh sách.", promptTitle="Tập thể",
                              prompt="Chọn tập thể trong danh sách (đúng tên trong sổ).", **common)
    if f.key == "person" and "person" in lists:
        return DataValidation(type="list", formula1=lists["person"], errorStyle="information",
                              errorTitle="Cá nhân", error="Tên này không có trong danh sách cá nhân của sổ.",
                              promptTitle="Cá nhân", prompt="Họ tên đúng như trong sổ; hoặc để trống và ghi Tập thể.",
                              **common)
    if f.key == "campaign" and "campaign" in lists:
        return DataValidation(type="list", formula1=lists["campaign"], errorStyle="information",
                              errorTitle="Phong trào", error="Phong trào này không có trong danh sách.",
                              promptTitle="Phong trào", prompt="Số kế hoạch hoặc tên phong trào (không bắt buộc).",
                              **common)
    if f.key == "year_joined":
        return DataValidation(type="whole", operator="between", formula1="1950", formula2=str(today.year),
                              errorTitle="Năm vào đơn vị", error=f"Ghi năm từ 1950 đến {today.year}.",
                              promptTitle="Năm vào đơn vị", prompt="Bốn chữ số, ví dụ 2015.", **common)
    if f.date:
        return DataValidation(type=None, promptTitle=f.header[:32], prompt="Ngày/tháng/năm, ví dụ 05/03/1990.",
                              allow_blank=True, showInputMessage=True, showErrorMessage=False)
    return None


def _guide(ws, kind: str, fields: list[cols.Field], collectives: list[str], campaigns: list,
           unit_name: str) -> None:
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 11
    ws.column_dimensions["C"].width = 70
    ws.column_dimensions["D"].width = 26
    sheet = cols.KINDS[kind]
    row = 1

    def line(text: str, *, bold: bool = False, italic: bool = False, size: float = 12) -> None:
        nonlocal row
        c = ws.cell(row, 1, cell_value(text))
        c.font = font(bold=bold, italic=italic, size=size)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = max(18, 16 * (1 + len(text) // 120))
        row += 1

    what = {"people": "danh sách cá nhân", "achievements": "thành tích của cá nhân, tập thể",
            "collectives": "tập thể và xếp loại hằng năm",
            "awards": "khen thưởng đã nhận của cá nhân, tập thể"}[kind]
    one = {"people": "người", "achievements": "thành tích", "collectives": "tập thể", "awards": "khen thưởng"}[kind]
    line(f"HƯỚNG DẪN NHẬP {what.upper()} TỪ EXCEL", bold=True, size=14)
    if unit_name:
        line(f"Đơn vị: {unit_name}", italic=True)
    one_of = list(dict.fromkeys(f.one_of for f in fields if f.one_of))
    either = "".join(f" Mỗi dòng điền {o} (một trong hai cột, không điền cả hai)." for o in one_of)
    line(f"Ghi dữ liệu vào trang “{sheet}”, mỗi dòng một {one}, "
         f"bắt đầu từ dòng 2. Cột có dấu * là bắt buộc.{either}")
    line("Giữ nguyên dòng tiêu đề. Có thể đổi thứ tự các cột hoặc thêm cột khác (cột lạ được bỏ qua); "
         "dòng trống được bỏ qua; không dùng công thức chưa tính.")
    line(f"Mỗi lần nhập tối đa {num(MAX_ROWS)} dòng. Sổ thi đua kiểm tra mọi dòng trước: nếu có dù chỉ một lỗi "
         "thì không nhập dòng nào và liệt kê từng lỗi (trang, dòng, cột, lý do) để sửa.")
    line("Ngày ghi dạng ngày/tháng/năm, ví dụ 05/03/1990 (các cột ngày đã được định dạng văn bản để Excel "
         "không đảo ngày và tháng).")
    if kind == "collectives":
        line("Tập thể đã có trong sổ được ghi xếp loại các năm; tên chưa có thì thêm tập thể mới (trực thuộc "
             "tập thể ghi ở cột “Trực thuộc”, để trống là trực thuộc đơn vị).")
    if kind == "awards":
        line("Mỗi khen thưởng ghi MỘT trong hai cột “Cá nhân (họ tên)” hoặc “Tập thể”; cá nhân, tập thể phải có "
             "sẵn trong sổ. Khen thưởng đã nhận được tính vào điều kiện các danh hiệu và báo cáo thành tích.")
    if kind == "achievements":
        line("Mỗi thành tích ghi MỘT trong hai cột “Cá nhân (họ tên)” hoặc “Tập thể”. Cá nhân, tập thể và "
             "phong trào phải có sẵn trong sổ; nếu có nhiều người trùng họ tên, ghi thêm ngày sinh.")
    row += 1

    heads = ["Cột", "Bắt buộc", "Cách ghi", "Ví dụ"]
    for i, h in enumerate(heads, 1):
        c = ws.cell(row, i, h)
        c.font = font(bold=True)
        c.fill = HEADER_FILL
        c.border = BORDER
        c.alignment = Alignment(horizontal="center", vertical="center")
    row += 1
    for f in fields:
        required = f.required_text
        for i, value in enumerate([f.label, required, f.help, f.example], 1):
            c = ws.cell(row, i, cell_value(value))
            c.font = font(bold=(i == 1))
            c.alignment = wrap
            c.border = BORDER
        ws.row_dimensions[row].height = max(18, 16 * (1 + len(f.help) // 65))
        row += 1
    row += 1

    if kind == "awards":
        from desktop.catalog import load as catalog

        line("Danh hiệu, hình thức khen thưởng trong danh mục (ghi đúng một tên):", bold=True)
        for a in catalog():
            line(f"    • {a.name}")
        row += 1
    if kind in ("people", "collectives"):
        if kind == "people":
            line("Giới tính: Nam hoặc Nữ.", bold=True)
        line("Xếp loại chất lượng (các cột “Xếp loại <năm>”, có thể thêm cột cho năm khác):", bold=True)
        for code, label in people.RATINGS.items():
            short = {"xuat_sac": "HTXSNV", "tot": "HTTNV", "hoan_thanh": "HTNV", "khong_hoan_thanh": "KHTNV"}[code]
            line(f"    • {label} (viết tắt {short})")
        row += 1
    line("Các tập thể trong sổ (ghi đúng một trong các tên này):", bold=True)
    for name in collectives or ["(Chưa có tập thể nào: hãy thêm tập thể trong cửa sổ Sổ thi đua trước.)"]:
        line(f"    • {name}")
    if kind == "achievements":
        row += 1
        line("Các phong trào trong sổ (ghi số kế hoạch hoặc đúng tên):", bold=True)
        for c in campaigns or []:
            line(f"    • {c.number or '(chưa có số)'} — {c.title}")
        if not campaigns:
            line("    (Chưa có phong trào nào.)")
        line("Danh sách cá nhân trong sổ có sẵn trong ô chọn của cột “Cá nhân (họ tên)”.", italic=True)
    setup_print(ws, landscape=False)


def default_name(kind: str) -> str:
    """A file name to offer for the template: ``Mau-nhap-ca-nhan.xlsx``."""
    return {"people": "Mau-nhap-ca-nhan.xlsx", "achievements": "Mau-nhap-thanh-tich.xlsx",
            "collectives": "Mau-nhap-tap-the.xlsx", "awards": "Mau-nhap-khen-thuong.xlsx"}.get(kind, "Mau-nhap.xlsx")


__all__ = ["KINDS", "default_name", "template_fields", "write_template"]
