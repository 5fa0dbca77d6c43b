"""Đăng ký thi đua in Excel: the printable list, the template for long lists and its all-or-nothing import.

The template has one row per subject (the unit, each collective, each person),
prefilled with the plan's targets, then two columns per criterion of the plan:
the target (a number in the criterion's unit) and the date to reach it by. The
import checks every row first and saves all registrations in one transaction,
or none when any row fails (each error names its sheet, row and column).
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.dates import parse_partial, partial_text
from desktop.campaigns import campaign as campaigns, registration
from desktop import catalog, clock
from desktop.records import people, unit
from desktop.errors import ValidationError
from desktop.text import clean
from desktop.excel.export import agency_lines
from desktop.excel.importer import ImportIssue as Issue, ImportRejected
from desktop.excel.style import (Column, Signature, TitleBlock, save_atomically, subject_columns,
                                 write_table_workbook)
from desktop.excel.workbook import header_forms, read_table

SHEET = "Đăng ký"
KINDS = {"unit": "Đơn vị", "collective": "Tập thể", "person": "Cá nhân"}
MAX_LISTED_ERRORS = 30

COLUMNS = [
    *subject_columns(28, 28),
    Column("Đợt", 16),
    Column("Danh hiệu, hình thức đăng ký", 30),
    Column("Chỉ tiêu đăng ký", 60),
]


# -- the printable list --------------------------------------------------------------------------------

def rows(store, campaign_id: int) -> list[tuple[str, list[list]]]:
    """(group, rows): the unit and its collectives first, then the people."""
    c = campaigns.get(store, campaign_id)
    criteria = {k.id: k for k in c.criteria}
    groups: dict[str, list[list]] = {"I. Tập thể": [], "II. Cá nhân": []}
    for r in registration.list_for_campaign(store, campaign_id):
        targets = "\n".join(f"- {criteria[t.criterion_id].text}: {registration.target_text(t, criteria[t.criterion_id])}"
                            for t in r.registration.targets
                            if t.criterion_id in criteria and (t.value is not None or t.due_date))
        where = ", ".join(x for x in (r.position, r.collective) if x)
        group = "II. Cá nhân" if r.kind == "person" else "I. Tập thể"
        groups[group].append([r.name, where, r.phase or "Cả phong trào", "; ".join(r.registration.titles), targets])
    return [(g, [[i, *row] for i, row in enumerate(items, 1)]) for g, items in groups.items() if items]


def write_list(store, campaign_id: int, path: str | os.PathLike[str], *, today: dt.date | None = None) -> Path:
    """The danh sách đăng ký thi đua of the campaign as a printable workbook."""
    c = campaigns.get(store, campaign_id)
    return _write_signed_list(store, path, "DANH SÁCH ĐĂNG KÝ THI ĐUA",
                              [f"Thực hiện {c.reference}" if c.number or c.doc_date else c.title, c.title],
                              COLUMNS, rows(store, campaign_id), today)


def _write_signed_list(store, path, heading: str, subtitles: list[str], columns: list[Column],
                       groups: list[tuple[str, list[list]]], today: dt.date | None) -> Path:
    """A printable list under the unit's heading, dated at its province and signed by its head."""
    profile = unit.get(store)
    today = today or clock.today()
    place = profile.province or ""
    title = TitleBlock(
        heading, agency=agency_lines(store), motto=True, subtitles=subtitles,
        date_line=f"{place + ', ' if place else ''}ngày {today.day:02d} tháng {today.month:02d} năm {today.year}")
    signer = [Signature(profile.head_title.upper() or "THỦ TRƯỞNG ĐƠN VỊ", profile.head_name, "(Ký, đóng dấu)")]
    write_table_workbook(path, title, columns, groups, signatures=signer,
                         empty_text="(Chưa có tập thể, cá nhân nào đăng ký)")
    return Path(path)


# -- the template ----------------------------------------------------------------------------------------

def _criterion_header(i: int, k: campaigns.Criterion) -> str:
    unit_ = f" ({k.target_unit})" if k.target_unit else ""
    return f"Chỉ tiêu {i}: {k.text}{unit_}"


def write_template(store, campaign_id: int, path: str | os.PathLike[str]) -> Path:
    """A workbook to fill: one row per subject, the plan's targets already in, a guide sheet."""
    c = campaigns.get(store, campaign_id)
    headers = ["Loại đối tượng", "Họ và tên / Tên tập thể", "Đợt", "Danh hiệu đăng ký"]
    for i, k in enumerate(c.criteria, 1):
        headers += [_criterion_header(i, k), f"Thời hạn {i} (dd/mm/yyyy)"]
    wb, ws = _template(headers, (14, 30, 18, 36))

    def add(kind: str, name: str) -> None:
        defaults = {t.criterion_id: t for t in registration.default_targets(
            c, "person" if kind == "person" else "collective")}
        row: list[Any] = [KINDS[kind], name, "", ""]
        for k in c.criteria:
            t = defaults.get(k.id)
            row += [t.value if t is not None else None, None]
        ws.append(row)

    collectives = people.list_collectives(store)
    for col in sorted(collectives, key=lambda x: not x.is_unit):
        add("unit" if col.is_unit else "collective", col.name)
    for p in people.list_people(store):
        add("person", p.full_name)
    return _save_with_guide(wb, path, [
        f"Đăng ký thi đua: {c.title}",
        "Mỗi dòng là một đối tượng đăng ký: Đơn vị, Tập thể hoặc Cá nhân (đúng tên như trong sổ).",
        "Cột “Đợt”: để trống nếu đăng ký cho cả phong trào; hoặc ghi tên một đợt: "
        + ("; ".join(p.name for p in c.phase_records) or "(phong trào không chia đợt)") + ".",
        "Cột “Danh hiệu đăng ký”: tên danh hiệu, hình thức khen thưởng theo danh mục, cách nhau bởi dấu chấm phẩy (;).",
        "Cột “Chỉ tiêu …”: con số đăng ký theo đơn vị tính của tiêu chí; để trống nếu không đăng ký chỉ tiêu đó.",
        "Cột “Thời hạn …”: ngày hoàn thành chỉ tiêu (dd/mm/yyyy), có thể để trống.",
        "Dòng không có danh hiệu và không có chỉ tiêu nào thì bỏ qua. Tệp có lỗi thì không nhập dòng nào.",
    ])


def _template(headers: list[str], widths: tuple[int, ...]):
    """(workbook, sheet) of a template: its bold header row, its first columns' widths."""
    from openpyxl import Workbook

    from desktop.excel.style import font

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(headers)
    for cell in ws[1]:
        cell.font = font(bold=True)
    for col, width in zip("ABCD", widths):
        ws.column_dimensions[col].width = width
    return wb, ws


def _save_with_guide(wb, path: str | os.PathLike[str], lines: list[str]) -> Path:
    guide = wb.create_sheet("Hướng dẫn")
    for line in lines:
        guide.append([line])
    guide.column_dimensions["A"].width = 120
    return save_atomically(wb, path)


# -- the import -----------------------------------------------------------------------------------------

class _Counted:
    """What both previews (a campaign's, a year's) answer: how many registrations they would save."""
    records: list

    @property
    def count(self) -> int:
        return len(self.records)


@dataclass
class Preview(_Counted):
    campaign_id: int
    file_name: str
    sheet: str
    records: list[registration.Registration] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    skipped: int = 0


class Rejected(ImportRejected):
    """The registration workbook has errors; nothing was saved (the message names the first 30)."""

    listed = MAX_LISTED_ERRORS


def _match(form: str) -> str | None:
    fixed = {"loai doi tuong": "kind", "ho va ten ten tap the": "name", "ho va ten": "name", "ten tap the": "name",
             "dot": "phase", "danh hieu dang ky": "titles"}
    if form in fixed:
        return fixed[form]
    if m := re.match(r"chi tieu (\d+)\b", form):
        return f"target:{m.group(1)}"
    if m := re.match(r"thoi han (\d+)\b", form):
        return f"due:{m.group(1)}"
    return None


def _number(value: Any) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        return float(value)
    text = clean(str(value)).replace(" ", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", text):
        text = text.replace(".", "")
    return float(text.replace(",", "."))


def _reporter(preview, table):
    """``bad(row, key, message)`` adding an issue to ``preview`` (the column named as the sheet heads it),
    after adding the issues of reading ``table`` itself."""
    def bad(row: int | None, key: str | None, message: str) -> None:
        preview.errors.append(Issue(table.sheet, row, table.header(key) if key in table.columns else key, message))

    for issue in table.issues:
        bad(issue.row, issue.key, issue.message)
    return bad


def _kind(v: dict) -> str | None:
    """The kind of subject ("unit", "collective", "person") a row's “Loại đối tượng” names, if any."""
    kind_text = clean(str(v.get("kind") or "")).casefold()
    return next((k for k, label in KINDS.items() if label.casefold() == kind_text), None)


def _keep(preview, bad, seen: dict[tuple, int], key: tuple, n: int, r, name: str, same: str = "") -> None:
    """Add ``r`` (row ``n``) to the preview unless its subject registered already on an earlier row."""
    if key in seen:
        bad(n, "name", f"“{name}” đã đăng ký ở dòng {seen[key]}{same}.")
        return
    seen[key] = n
    preview.records.append(r)


def _finish(preview, table, needed: str):
    """``preview``, with an error when no row registers anything (``needed``: what a row must hold) and none
    was wrong."""
    if not preview.records and not preview.errors:
        preview.errors.append(Issue(table.sheet, None, None, f"không có dòng đăng ký nào ({needed})."))
    return preview


def _date(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return parse_partial(str(value))


def read(store, campaign_id: int, path: str | Path) -> Preview:
    """Read and check every row; nothing is written."""
    c = campaigns.get(store, campaign_id)
    table = read_table(path, sheet=SHEET, skip_sheets=("Hướng dẫn",),
                       match=lambda text: next((k for f in header_forms(text) if (k := _match(f))), None),
                       required=lambda keys: {"kind", "name"} <= keys,
                       required_text="cột “Loại đối tượng” và “Họ và tên / Tên tập thể”")
    preview = Preview(campaign_id, Path(path).name, table.sheet)
    bad = _reporter(preview, table)
    for key in table.columns:
        if key.startswith(("target:", "due:")) and not 1 <= int(key.split(":")[1]) <= len(c.criteria):
            bad(table.header_row, key, f"phong trào chỉ có {len(c.criteria)} tiêu chí.")
    collectives: dict[str, list] = {}
    for col in people.list_collectives(store):
        collectives.setdefault(clean(col.name).casefold(), []).append(col)
    persons: dict[str, list[int]] = {}
    for r in store.query("SELECT id, full_name FROM person"):
        persons.setdefault(clean(r["full_name"]).casefold(), []).append(r["id"])
    phases = {clean(p.name).casefold(): p for p in c.phase_records}
    cat = catalog.load()
    seen: dict[tuple, int] = {}
    for raw in table.rows:
        v = raw.values
        n = raw.number
        kind = _kind(v)
        name = clean(str(v.get("name") or ""))
        errors_before = len(preview.errors)
        if kind is None:
            bad(n, "kind", f"“{v.get('kind') or ''}” không phải Đơn vị, Tập thể hoặc Cá nhân.")
        if not name:
            bad(n, "name", "Thiếu họ tên hoặc tên tập thể.")
        r = registration.Registration(campaign_id)
        if kind == "person" and name:
            ids = persons.get(name.casefold(), [])
            if len(ids) != 1:
                bad(n, "name", f"Không có cá nhân “{name}” trong sổ." if not ids else
                    f"Có {len(ids)} người tên “{name}” trong sổ; đăng ký những người này trong cửa sổ.")
            else:
                r.person_id = ids[0]
        elif kind in ("unit", "collective") and name:
            found = collectives.get(name.casefold(), [])
            if len(found) != 1:
                bad(n, "name", f"Không có tập thể “{name}” trong sổ." if not found else
                    f"Có {len(found)} tập thể tên “{name}”.")
            elif bool(found[0].is_unit) != (kind == "unit"):
                bad(n, "kind", f"“{name}” là {'đơn vị' if found[0].is_unit else 'một tập thể'} trong sổ, "
                    f"không phải {KINDS[kind].lower()}.")
            else:
                r.collective_id = found[0].id
        phase_text = clean(str(v.get("phase") or ""))
        if phase_text:
            phase = phases.get(phase_text.casefold())
            if phase is None:
                bad(n, "phase", f"Phong trào không có đợt “{phase_text}”.")
            else:
                r.phase_id = phase.id
        for t in re.split(r"[;\n]", str(v.get("titles") or "")):
            t = clean(t)
            if not t:
                continue
            known = cat.get(t)
            if known is None:
                bad(n, "titles", f"“{t}” không có trong danh mục danh hiệu, hình thức khen thưởng.")
            elif kind and not known.fits("person" if kind == "person" else "collective"):
                bad(n, "titles", f"{known.name} không dành cho {'cá nhân' if kind == 'person' else 'tập thể'}.")
            else:
                r.titles.append(known.name)
        for i, k in enumerate(c.criteria, 1):
            value = due = None
            try:
                value = _number(v.get(f"target:{i}"))
                if value is not None and value < 0:
                    raise ValueError(value)
            except ValueError:
                bad(n, f"target:{i}", f"“{v.get(f'target:{i}')}” không phải một số không âm.")
            try:
                due = _date(v.get(f"due:{i}"))
            except ValueError:
                bad(n, f"due:{i}", f"Ngày “{v.get(f'due:{i}')}” không hợp lệ; ghi dạng dd/mm/yyyy.")
            if value is not None or due is not None:
                r.targets.append(registration.Target(k.id, value, k.target_unit, due))
        if len(preview.errors) > errors_before:
            continue
        if not r.titles and not r.targets:
            preview.skipped += 1
            continue
        _keep(preview, bad, seen, (r.phase_id, r.person_id, r.collective_id), n, r, name, " cho cùng đợt")
    return _finish(preview, table, "cần danh hiệu hoặc chỉ tiêu")


def apply(store, preview: Preview) -> int:
    """Save every registration of a clean preview in one transaction (a subject's earlier one is replaced)."""
    if preview.errors:
        raise Rejected(preview)
    with store.transaction() as conn:
        for r in preview.records:
            registration.save(store, r, conn=conn)
    return len(preview.records)


# -- the year's titles, outside any campaign ---------------------------------------------------------------

YEAR_COLUMNS = [
    *subject_columns(30, 32),
    Column("Danh hiệu thi đua đăng ký", 44),
    Column("Ngày đăng ký", 14, "center"),
]


def year_rows(store, year: int) -> list[tuple[str, list[list]]]:
    """(group, rows) of the year's registrations: collectives (the unit first), then people."""
    from desktop.campaigns import yearly_registration as yr

    groups: dict[str, list[list]] = {"I. Tập thể": [], "II. Cá nhân": []}
    for r in yr.list_for_year(store, year):
        where = ", ".join(x for x in (r.position, r.collective) if x)
        day = partial_text(r.registration.registered_on) if r.registration.registered_on else ""
        groups["II. Cá nhân" if r.kind == "person" else "I. Tập thể"].append(
            [r.name, where, "; ".join(r.registration.titles), day])
    return [(g, [[i, *row] for i, row in enumerate(items, 1)]) for g, items in groups.items() if items]


def write_year_list(store, year: int, path: str | os.PathLike[str], *, today: dt.date | None = None) -> Path:
    """The danh sách đăng ký danh hiệu thi đua năm ``year`` as a printable workbook."""
    return _write_signed_list(store, path, f"DANH SÁCH ĐĂNG KÝ DANH HIỆU THI ĐUA NĂM {year}", [],
                              YEAR_COLUMNS, year_rows(store, year), today)


def write_year_template(store, year: int, path: str | os.PathLike[str]) -> Path:
    """A workbook to fill for the year: one row per subject, what it registered already filled in."""
    from desktop.campaigns import yearly_registration as yr

    wb, ws = _template(["Loại đối tượng", "Họ và tên / Tên tập thể", "Danh hiệu đăng ký",
                        "Ngày đăng ký (dd/mm/yyyy)"], (14, 32, 50, 22))
    for kind, subject_id, name in registration.subjects(store):
        r = yr.find(store, year, person_id=subject_id if kind == "person" else None,
                    collective_id=None if kind == "person" else subject_id)
        day = partial_text(r.registered_on) if r and r.registered_on else None
        ws.append([KINDS[kind], name, "; ".join(r.titles) if r else "", day])
    return _save_with_guide(wb, path, [
        f"Đăng ký danh hiệu thi đua năm {year} (ngoài các phong trào).",
        "Mỗi dòng là một đối tượng: Đơn vị, Tập thể hoặc Cá nhân (đúng tên như trong sổ).",
        "Cột “Danh hiệu đăng ký”: tên danh hiệu thi đua theo danh mục, cách nhau bởi dấu chấm phẩy (;): "
        "cá nhân — " + "; ".join(yr.COMMON_TITLES["person"]) + "; tập thể — "
        + "; ".join(yr.COMMON_TITLES["collective"]) + ".",
        "Dòng để trống danh hiệu thì bỏ qua. Tệp có lỗi thì không nhập dòng nào.",
    ])


@dataclass
class YearPreview(_Counted):
    year: int
    file_name: str
    sheet: str
    records: list = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    skipped: int = 0


def read_year(store, year: int, path: str | Path) -> YearPreview:
    """Read and check every row of a filled year template; nothing is written."""
    from desktop.campaigns import yearly_registration as yr

    fixed = {"loai doi tuong": "kind", "ho va ten ten tap the": "name", "ho va ten": "name", "ten tap the": "name",
             "danh hieu dang ky": "titles", "danh hieu thi dua dang ky": "titles", "ngay dang ky": "day"}
    table = read_table(path, sheet=SHEET, skip_sheets=("Hướng dẫn",),
                       match=lambda text: next((fixed[f] for f in header_forms(text) if f in fixed), None),
                       required=lambda keys: {"kind", "name", "titles"} <= keys,
                       required_text="cột “Loại đối tượng”, “Họ và tên / Tên tập thể” và “Danh hiệu đăng ký”")
    preview = YearPreview(year, Path(path).name, table.sheet)
    bad = _reporter(preview, table)
    subjects = {}
    for kind, subject_id, name in registration.subjects(store):
        subjects.setdefault((kind, clean(name).casefold()), []).append(subject_id)
    seen: dict[tuple, int] = {}
    for raw in table.rows:
        v, n = raw.values, raw.number
        kind = _kind(v)
        name = clean(str(v.get("name") or ""))
        titles = [clean(t) for t in re.split(r"[;\n]", str(v.get("titles") or "")) if clean(t)]
        if not titles:
            preview.skipped += 1
            continue
        before = len(preview.errors)
        if kind is None:
            bad(n, "kind", f"“{v.get('kind') or ''}” không phải Đơn vị, Tập thể hoặc Cá nhân.")
        ids = subjects.get((kind, name.casefold()), []) if kind else []
        if kind and len(ids) != 1:
            bad(n, "name", f"Không có {KINDS[kind].lower()} “{name}” trong sổ." if not ids else
                f"Có {len(ids)} đối tượng tên “{name}” trong sổ; đăng ký trong cửa sổ.")
        r = yr.YearRegistration(year, titles=titles)
        if len(ids) == 1:
            if kind == "person":
                r.person_id = ids[0]
            else:
                r.collective_id = ids[0]
        try:
            r.registered_on = _date(v.get("day"))
        except ValueError:
            bad(n, "day", f"Ngày “{v.get('day')}” không hợp lệ; ghi dạng dd/mm/yyyy.")
        if len(preview.errors) > before:
            continue
        try:
            yr._validate(store, r)
        except ValidationError as exc:
            for key, message in exc.fields.items():
                bad(n, {"titles": "titles", "registered_on": "day"}.get(key, "name"), message)
            continue
        _keep(preview, bad, seen, (r.person_id, r.collective_id), n, r, name)
    return _finish(preview, table, "cần ít nhất một danh hiệu")


def apply_year(store, preview: YearPreview) -> int:
    """Save every registration of a clean year preview in one transaction (a subject's earlier one is replaced)."""
    from desktop.campaigns import yearly_registration as yr

    if preview.errors:
        raise Rejected(preview)
    yr.save_all(store, preview.records)
    return len(preview.records)
