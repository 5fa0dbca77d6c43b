"""Importing people and achievements from a workbook: check every row, then save all or nothing.

The window shows a preview before saving::

    preview = read_people(store, path)      # or read_achievements(store, path)
    for row in preview.rows: ...            # row.cells for the table, row.errors in red
    if preview.ok:
        apply(store, preview)               # one transaction; refuses a preview with errors

:func:`read_people` / :func:`read_achievements` raise :class:`UserError` when the
file cannot be read as a table at all (not a workbook, encrypted, a bomb, no
header row, too many rows); problems of single cells and rows are collected in
:attr:`ImportPreview.errors`, each naming the sheet, the row, the column and
the reason in Vietnamese, e.g. ``Trang “Cá nhân”, dòng 7, cột “Ngày sinh”:
Không có ngày 31/02/1990.``
"""
from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections import defaultdict
from collections.abc import Container, Hashable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop.records import achievements as ach
from desktop.campaigns import campaign as camp
from desktop.records import people
from desktop.records.achievements import Achievement, format_measure, parse_measure
from desktop.dates import DateError, parse_date
from desktop.errors import UserError, ValidationError
from desktop.records.people import Person
from desktop.progress import Progress, progress_of
from desktop.text import clean, fold, nfc
from desktop.excel import columns as cols
from desktop.excel.workbook import Table, read_table

MAX_LISTED_ERRORS = 200
RATING_WORDS = {
    "xuat_sac": ("hoan thanh xuat sac nhiem vu", "htxsnv", "xuat sac", "xs", "htxs", "hoan thanh xuat sac"),
    "tot": ("hoan thanh tot nhiem vu", "httnv", "tot", "htt", "hoan thanh tot"),
    "hoan_thanh": ("hoan thanh nhiem vu", "htnv", "hoan thanh", "ht"),
    "khong_hoan_thanh": ("khong hoan thanh nhiem vu", "khtnv", "khong hoan thanh", "kht"),
}
_RATING_BY_WORD = {w: code for code, words in RATING_WORDS.items() for w in words}
_TIME_SUFFIX = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")


@dataclass(frozen=True)
class ImportIssue:
    """One problem found in the workbook; ``str()`` is the Vietnamese line shown to the clerk."""

    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"Trang “{self.sheet}”"
        if self.row is not None:
            where += f", dòng {self.row}"
        if self.column:
            where += f", cột “{self.column}”"
        return f"{where}: {self.message}"


@dataclass
class PreviewRow:
    """A data row as the preview table shows it.

    ``cells`` are display texts matching :attr:`ImportPreview.columns`;
    ``record`` is the :class:`Person` or :class:`Achievement` ready to save
    (``None`` when the row has errors); ``ratings`` maps year to rating code.
    """

    row: int
    cells: list[str]
    record: Person | Achievement | None
    ratings: dict[int, str] = field(default_factory=dict)
    errors: list[ImportIssue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ImportPreview:
    kind: str                      # "people" or "achievements"
    file_name: str
    sheet: str
    columns: list[str]
    rows: list[PreviewRow] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def count(self) -> int:
        return len(self.rows)


class ImportRejected(UserError):
    """The workbook has errors; nothing was saved. ``issues`` lists every one, the message the first ``listed``."""

    listed = MAX_LISTED_ERRORS

    def __init__(self, preview: ImportPreview):
        self.preview = preview
        self.issues = list(preview.errors)
        lines = [f"  - {e}" for e in self.issues[:self.listed]]
        if len(self.issues) > self.listed:
            lines.append(f"  … và {len(self.issues) - self.listed} lỗi khác.")
        super().__init__(f"Tệp “{preview.file_name}” có {len(self.issues)} lỗi nên chưa nhập dòng nào "
                         "(sửa hết rồi nhập lại):\n" + "\n".join(lines))


class _Bad(Exception):
    """A cell's value is not acceptable; the message is Vietnamese."""


# -- cell values -----------------------------------------------------------------------------------

def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y") if value.time() == dt.time() else value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return clean(str(value))


def _date(value: Any, epoch: dt.datetime | None) -> dt.date:
    from openpyxl.utils.datetime import WINDOWS_EPOCH, from_excel

    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (dt.time, dt.timedelta)):
        raise _Bad("Ô chứa giờ, không phải ngày; hãy ghi ngày/tháng/năm, ví dụ 05/03/1990.")
    if isinstance(value, bool):
        raise _Bad("Ô chứa giá trị đúng/sai, không phải ngày.")
    if isinstance(value, (int, float)):
        if float(value).is_integer() and 1900 <= value <= 2200:
            raise _Bad(f"Chỉ có năm {int(value)}; hãy ghi đủ ngày/tháng/năm, ví dụ 05/03/{int(value)}.")
        if not 1 <= value < 2_958_466:
            raise _Bad(f"Số {_text(value)} không phải là một ngày; hãy ghi ngày/tháng/năm.")
        try:
            return from_excel(value, epoch or WINDOWS_EPOCH).date()
        except (ValueError, OverflowError, TypeError):
            raise _Bad(f"Số {_text(value)} không phải là một ngày; hãy ghi ngày/tháng/năm.") from None
    text = _TIME_SUFFIX.sub("", _text(value))
    try:
        return parse_date(text)
    except DateError as exc:
        raise _Bad(str(exc)) from None


def _year(value: Any) -> int:
    if isinstance(value, bool):
        raise _Bad("Hãy ghi năm bằng bốn chữ số, ví dụ 2015.")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return value
    text = _text(value)
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    raise _Bad(f"“{text}” không phải là năm; hãy ghi bốn chữ số, ví dụ 2015.")


def _sex(value: Any) -> str:
    word = fold(_text(value))
    if word in ("nam", "m", "male"):
        return "nam"
    if word in ("nu", "f", "female"):
        return "nu"
    raise _Bad(f"Giới tính “{_text(value)}” không hợp lệ; ghi Nam hoặc Nữ.")


def _rating(value: Any) -> str:
    word = " ".join(re.findall(r"[a-z0-9]+", fold(_text(value))))
    if word in _RATING_BY_WORD:
        return _RATING_BY_WORD[word]
    allowed = "; ".join(people.RATINGS.values())
    raise _Bad(f"Xếp loại “{_text(value)}” không hợp lệ; ghi một trong: {allowed} "
               "(hoặc viết tắt HTXSNV, HTTNV, HTNV, KHTNV).")


def _measure(value: Any, number_format: str) -> tuple[float | None, str]:
    if isinstance(value, (bool, dt.date, dt.time, dt.timedelta)):
        raise _Bad("Số đo phải bắt đầu bằng một số, ví dụ: 98 % hoặc 120 hồ sơ.")
    if isinstance(value, (int, float)):
        if "%" in (number_format or ""):
            return round(float(value) * 100, 6), "%"
        return float(value), ""
    try:
        return parse_measure(_text(value))
    except ValidationError as exc:
        raise _Bad(str(exc)) from None


def _has_marks(text: str) -> bool:
    """Whether ``text`` carries Vietnamese diacritics (typed with accents)."""
    return fold(text) != text.casefold()


class _NameIndex:
    """Look names up exactly (case-insensitive); text typed without accents also matches folded."""

    def __init__(self):
        self.exact: dict[str, list] = defaultdict(list)
        self.folded: dict[str, list] = defaultdict(list)

    def add(self, name: str, item) -> None:
        self.exact[clean(name).casefold()].append(item)
        self.folded[fold(clean(name))].append(item)

    def find(self, text: str) -> list:
        text = clean(text)
        hits = self.exact.get(text.casefold(), [])
        if not hits and not _has_marks(text):
            hits = self.folded.get(fold(text), [])
        return list(hits)


# -- shared plumbing -----------------------------------------------------------------------------------

class _Row:
    """Collects one row's errors against column keys."""

    def __init__(self, table: Table, number: int, fields: list[cols.Field]):
        self.table = table
        self.number = number
        self.fields = fields
        self._found: list[tuple[int, ImportIssue]] = []
        self.bad: set[str] = set()

    def column(self, key: str) -> str:
        if key in self.table.columns:
            return self.table.header(key)
        if key.startswith("rating:"):
            return f"Xếp loại {key[7:]}"
        return next((f.header for f in self.fields if f.key == key), key)

    def error(self, key: str | None, message: str) -> None:
        if key is not None and key in self.bad:
            return
        self._found.append((self.table.columns.get(key, (10_000,))[0] if key else 10_001,
                            ImportIssue(self.table.sheet, self.number, self.column(key) if key else None, message)))
        if key is not None:
            self.bad.add(key)

    def first_time(self, key: str, found: Hashable, existing: Container, seen: dict, in_ledger: str,
                   alike: str = "") -> bool:
        """Whether ``found`` is new: neither in the ledger (``existing``) nor on an earlier row (``seen``, which
        learns this row). Otherwise the row gets an error on column ``key``: ``in_ledger``, or that it repeats
        the earlier row (``alike`` says how)."""
        if found in existing:
            self.error(key, in_ledger)
        elif found in seen:
            self.error(key, f"Trùng với dòng {seen[found]} ở trên{alike}.")
        else:
            seen[found] = self.number
            return True
        return False

    def taker(self, values: dict[str, Any]):
        """``take(key, convert, *args)``: the converted cell, or ``None`` with the error noted."""
        def take(key: str, convert, *args):
            if key not in values or key in self.bad:
                return None
            try:
                return convert(values[key], *args)
            except _Bad as exc:
                self.error(key, str(exc))
                return None
        return take

    @property
    def errors(self) -> list[ImportIssue]:
        """The row's issues, left to right as the columns stand in the sheet."""
        return [issue for _, issue in sorted(self._found, key=lambda pair: pair[0])]


def _rows(table: Table, progress: Progress | None, issues: dict, fields: list[cols.Field]):
    """(raw row, its :class:`_Row` holding the issues of reading it, its ``take``) for every row of the sheet,
    told to ``progress`` every 50 (a cancel stops the reading there)."""
    report = progress_of(progress)
    total = len(table.rows)
    for i, raw in enumerate(table.rows):
        if i % 50 == 0:
            report(i, total, f"Đang kiểm tra dòng {raw.number} của trang “{table.sheet}”…")
        row = _Row(table, raw.number, fields)
        for issue in issues.get(raw.number, []):
            row.error(issue.key, issue.message)
        yield raw, row, row.taker(raw.values)
    report(total, total, "")


def _person_index(store) -> _NameIndex:
    persons = _NameIndex()
    for r in store.query("SELECT id, full_name, birth_date FROM person"):
        persons.add(r["full_name"], r)
    return persons


def _collective_index(store) -> _NameIndex:
    collectives = _NameIndex()
    for c in people.list_collectives(store):
        collectives.add(c.name, c)
    return collectives


def _start(table: Table, kind: str, columns: list[str], path: Path) -> tuple[ImportPreview, dict]:
    preview = ImportPreview(kind, Path(path).name, table.sheet, columns, notices=list(table.notices))
    issues = defaultdict(list)
    for i in table.issues:
        issues[i.row].append(i)
    return preview, issues


def _finish(preview: ImportPreview) -> ImportPreview:
    for row in preview.rows:
        preview.errors.extend(row.errors)
    if not preview.rows and not preview.errors:
        preview.notices.append(f"Trang “{preview.sheet}” không có dòng dữ liệu nào dưới dòng tiêu đề.")
    return preview


# -- people ------------------------------------------------------------------------------------------------

def read_people(store, path: str | Path, progress: Progress | None = None) -> ImportPreview:
    """Read and check every row of a people workbook; nothing is written (``progress`` hears of the rows)."""
    table = read_table(path, sheet=cols.PEOPLE_SHEET, skip_sheets=(cols.GUIDE_SHEET, cols.LISTS_SHEET),
                       match=cols.match_people, required=cols.people_header_ok, required_text="cột “Họ và tên”")
    years = _rating_years(table)
    shown = [f for f in cols.PEOPLE_FIELDS if f.key in table.columns]
    headers = [table.header(f.key) for f in shown] + [table.header(f"rating:{y}") for y in years]
    preview, issues = _start(table, "people", headers, path)

    collectives = _collective_index(store)
    known_collectives = "; ".join(c.name for c in people.list_collectives(store)[:12]) or "(chưa có tập thể nào)"
    existing: dict[tuple[str, str | None], int] = {}
    namesakes: dict[str, list[str | None]] = defaultdict(list)
    for r in store.query("SELECT id, full_name, birth_date FROM person"):
        existing.setdefault((clean(r["full_name"]).casefold(), r["birth_date"]), r["id"])
        namesakes[clean(r["full_name"]).casefold()].append(r["birth_date"])
    seen: dict[tuple[str, str | None], int] = {}
    same_name: list[str] = []

    for raw, row, take in _rows(table, progress, issues, cols.PEOPLE_FIELDS):
        v = raw.values

        name = _text(v.get("full_name"))
        birth = take("birth_date", _date, table.epoch)
        sex = take("sex", _sex)
        year_joined = take("year_joined", _year)
        collective = None
        if "collective" in v and "collective" not in row.bad:
            wanted = _text(v["collective"])
            hits = collectives.find(wanted)
            if len(hits) == 1:
                collective = hits[0]
            elif not hits:
                row.error("collective", f"Không có tập thể “{wanted}” trong sổ. Các tập thể đang có: "
                                        f"{known_collectives}.")
            else:
                row.error("collective", f"Có {len(hits)} tập thể cùng tên “{wanted}”; hãy đổi tên cho khác nhau "
                                        "trong sổ rồi nhập lại.")
        ratings = _take_ratings(take, years)
        if "full_name" not in row.bad and not name:
            row.error("full_name", "Họ và tên không được để trống.")
        elif len(name) > 120:
            row.error("full_name", "Họ và tên quá dài (tối đa 120 ký tự).")

        person = Person(name, birth, sex, _text(v.get("position")), _text(v.get("rank")),
                        collective.id if collective else None, year_joined)
        if name:
            try:
                people._validate_person(person)
            except ValidationError as exc:
                for key, message in exc.fields.items():
                    row.error(key if key in ("full_name", "birth_date", "sex", "year_joined") else None, message)
        for key in ("position", "rank"):
            if len(_text(v.get(key))) > 200:
                row.error(key, "Nội dung quá dài (tối đa 200 ký tự).")
        if name and "birth_date" not in row.bad:
            key = (clean(name).casefold(), birth.isoformat() if birth else None)
            when = f" sinh ngày {birth:%d/%m/%Y}" if birth else " (không ghi ngày sinh)"
            in_ledger = (f"“{name}”{when} đã có trong sổ; bỏ dòng này để khỏi nhập trùng "
                         "(sửa thông tin người đã có trong cửa sổ Cá nhân).")
            if row.first_time("full_name", key, existing, seen, in_ledger, " (cùng họ tên và ngày sinh)") \
                    and key[0] in namesakes:
                same_name.append(f"dòng {raw.number} (“{name}”)")

        cells = {
            "full_name": name,
            "birth_date": birth.strftime("%d/%m/%Y") if birth else _text(v.get("birth_date")),
            "sex": people.SEXES.get(sex or "", _text(v.get("sex"))),
            "position": person.position,
            "rank": person.rank,
            "collective": collective.name if collective else _text(v.get("collective")),
            "year_joined": str(year_joined) if year_joined else _text(v.get("year_joined")),
        }
        texts = [cells[f.key] for f in shown]
        texts += _rating_cells(ratings, years, v)
        preview.rows.append(PreviewRow(raw.number, texts, None if row.errors else person, ratings,
                                       list(row.errors)))
    if same_name:
        listed = ", ".join(same_name[:5]) + (f" và {len(same_name) - 5} dòng khác" if len(same_name) > 5 else "")
        preview.notices.append("Trong sổ đã có người cùng họ tên (khác ngày sinh) với: "
                               f"{listed}. Các dòng này sẽ thêm người mới; nếu là cùng một người thì bỏ dòng đó.")
    return _finish(preview)


# -- achievements --------------------------------------------------------------------------------------------

def _campaign_index(store) -> list[camp.Campaign]:
    return camp.list_campaigns(store)


def _find_campaign(campaigns: list[camp.Campaign], text: str) -> list[camp.Campaign]:
    text = clean(text)
    f = fold(text)
    hits = [c for c in campaigns if c.number and fold(c.number) == f]
    if not hits:
        hits = [c for c in campaigns if c.title.casefold() == text.casefold()]
    if not hits and not _has_marks(text):
        hits = [c for c in campaigns if fold(c.title) == f]
    if not hits:
        hits = [c for c in campaigns if c.number and
                re.search(rf"(?<![\w/-]){re.escape(fold(c.number))}(?![\w/-])", f)]
    return hits


def _find_criterion(c: camp.Campaign, text: str) -> list[camp.Criterion]:
    text = clean(text)
    hits = [k for k in c.criteria if k.text.casefold() == text.casefold()]
    if not hits and not _has_marks(text):
        hits = [k for k in c.criteria if fold(k.text) == fold(text)]
    if not hits and len(text) >= 8:
        hits = [k for k in c.criteria if fold(k.text).startswith(fold(text))]
    return hits


def _subject(row: "_Row", take, v: dict, table: Table, persons: "_NameIndex", collectives: "_NameIndex",
             what: str, record: str) -> tuple[int | None, int | None, str]:
    """The person (by name, and birth date among namesakes) or the collective a row is about, errors noted."""
    person_name = _text(v.get("person"))
    collective_name = _text(v.get("collective"))
    person_id = collective_id = None
    subject_text = person_name or collective_name
    subject_key = "person" if "person" in table.columns else "collective"
    if person_name and collective_name:
        row.error(subject_key, "Chỉ ghi một trong hai cột “Cá nhân” hoặc “Tập thể”, không ghi cả hai.")
    elif person_name:
        birth = take("birth_date", _date, table.epoch)
        hits = persons.find(person_name)
        if birth is not None:
            narrowed = [h for h in hits if h["birth_date"] == birth.isoformat()]
            if hits and not narrowed:
                known = ", ".join(dt.date.fromisoformat(h["birth_date"]).strftime("%d/%m/%Y")
                                  for h in hits if h["birth_date"]) or "không ghi ngày sinh"
                row.error("person", f"Trong sổ không có “{person_name}” sinh ngày {birth:%d/%m/%Y} "
                                    f"(người cùng tên trong sổ: {known}).")
            hits = narrowed if narrowed or not hits else hits
        if "person" not in row.bad and "birth_date" not in row.bad:
            if not hits:
                row.error("person", f"Không có cá nhân “{person_name}” trong sổ. Hãy thêm người này "
                                    f"(hoặc nhập danh sách cá nhân) trước, rồi nhập {record}.")
            elif len(hits) > 1:
                if birth is None:
                    row.error("person", f"Trong sổ có {len(hits)} người tên “{person_name}”; hãy ghi cột "
                                        "“Ngày sinh (nếu trùng tên)” để chọn đúng người.")
                else:
                    row.error("person", f"Trong sổ có {len(hits)} người tên “{person_name}” cùng ngày sinh; "
                                        f"hãy nhập {record} này trong cửa sổ" + (" Sổ thành tích." if record == "thành tích" else "."))
            else:
                person_id = hits[0]["id"]
                subject_text = hits[0]["full_name"]
    elif collective_name:
        hits = collectives.find(collective_name)
        if not hits:
            row.error("collective", f"Không có tập thể “{collective_name}” trong sổ.")
        elif len(hits) > 1:
            row.error("collective", f"Có {len(hits)} tập thể cùng tên “{collective_name}” trong sổ.")
        else:
            collective_id = hits[0].id
            subject_text = hits[0].name
    elif "person" not in row.bad and "collective" not in row.bad:
        row.error(subject_key, f"Hãy ghi họ tên cá nhân hoặc tên tập thể {what}.")
    return person_id, collective_id, subject_text


def read_achievements(store, path: str | Path, progress: Progress | None = None) -> ImportPreview:
    """Read and check every row of an achievements workbook; nothing is written (``progress`` as above)."""
    table = read_table(path, sheet=cols.ACHIEVEMENTS_SHEET, skip_sheets=(cols.GUIDE_SHEET, cols.LISTS_SHEET),
                       match=cols.match_achievements, required=cols.achievements_header_ok,
                       required_text="các cột “Ngày”, “Thành tích” và “Cá nhân (họ tên)” hoặc “Tập thể”")
    headers = ["Ngày", "Cá nhân/Tập thể", "Thành tích", "Tiêu chí", "Số đo", "Phong trào"]
    preview, issues = _start(table, "achievements", headers, path)

    persons = _person_index(store)
    collectives = _collective_index(store)
    campaigns = _campaign_index(store)
    existing = {(r["date"], r["person_id"], r["collective_id"], clean(r["title"]).casefold())
                for r in store.query("SELECT date, person_id, collective_id, title FROM achievement "
                                     "WHERE archived_at IS NULL")}
    seen: dict[tuple, int] = {}
    unmatched_criteria: list[str] = []

    for raw, row, take in _rows(table, progress, issues, cols.ACHIEVEMENT_FIELDS):
        v = raw.values

        when = take("date", _date, table.epoch)
        if when is None and "date" not in row.bad:
            row.error("date", "Hãy ghi ngày đạt thành tích (ngày/tháng/năm).")
        title = _text(v.get("title"))
        if not title and "title" not in row.bad:
            row.error("title", "Tên thành tích không được để trống.")
        description = v.get("description")
        description = nfc(description).strip() if isinstance(description, str) else _text(description)
        criterion = _text(v.get("criterion"))
        value, unit = None, ""
        if "measure" in v and "measure" not in row.bad:
            try:
                value, unit = _measure(v["measure"], raw.formats.get("measure", ""))
            except _Bad as exc:
                row.error("measure", str(exc))

        person_id, collective_id, subject_text = _subject(row, take, v, table, persons, collectives,
                                                          "đạt thành tích", "thành tích")

        campaign = criterion_obj = None
        if "campaign" in v and "campaign" not in row.bad:
            wanted = _text(v["campaign"])
            hits = _find_campaign(campaigns, wanted)
            if len(hits) == 1:
                campaign = hits[0]
            elif not hits:
                row.error("campaign", f"Không có phong trào “{wanted}” trong sổ; ghi số kế hoạch (ví dụ "
                                      "142/KH-STP) hoặc đúng tên phong trào.")
            else:
                row.error("campaign", f"Có {len(hits)} phong trào khớp “{wanted}”; hãy ghi số kế hoạch.")
        if campaign is not None and criterion:
            found = _find_criterion(campaign, criterion)
            if len(found) == 1:
                criterion_obj = found[0]
                criterion = criterion_obj.text[:200]
                wrong = {"tap_the": person_id is not None, "ca_nhan": collective_id is not None}
                if wrong.get(criterion_obj.subject):
                    who = "tập thể" if criterion_obj.subject == "tap_the" else "cá nhân"
                    row.error("criterion", f"Tiêu chí “{criterion_obj.text[:80]}” chỉ dành cho {who}.")
            else:
                unmatched_criteria.append(f"dòng {raw.number} (“{criterion[:60]}”)")
        if len(criterion) > 200:
            row.error("criterion", "Tiêu chí quá dài (tối đa 200 ký tự).")

        record = Achievement(when, title, person_id, collective_id, description, criterion, value, unit,
                             campaign_id=campaign.id if campaign else None,
                             criterion_id=criterion_obj.id if criterion_obj else None)
        if when is not None and title and (person_id or collective_id):
            try:
                ach.validate(record)
            except ValidationError as exc:
                subject_key = "person" if "person" in table.columns else "collective"
                target = {"date": "date", "title": "title", "measure": "measure", "subject": subject_key}
                for key, message in exc.fields.items():
                    row.error(target.get(key), message)
        if not row.errors:
            key = (when.isoformat(), person_id, collective_id, title.casefold())
            row.first_time("title", key, existing, seen, "Thành tích này đã có trong sổ (cùng ngày, cùng người "
                                                         "hoặc tập thể, cùng tên); bỏ dòng này để khỏi nhập trùng.")

        cells = [when.strftime("%d/%m/%Y") if when else _text(v.get("date")), subject_text, title, criterion,
                 format_measure(value, unit) if value is not None else _text(v.get("measure")),
                 (campaign.number or campaign.title) if campaign else _text(v.get("campaign"))]
        preview.rows.append(PreviewRow(raw.number, cells, None if row.errors else record, {}, list(row.errors)))
    if unmatched_criteria:
        listed = ", ".join(unmatched_criteria[:5]) + (f" và {len(unmatched_criteria) - 5} dòng khác"
                                                      if len(unmatched_criteria) > 5 else "")
        preview.notices.append("Tiêu chí không khớp tiêu chí nào của phong trào nên chỉ được ghi như văn bản: "
                               f"{listed}.")
    return _finish(preview)


# -- collectives' ratings and awards received (issue 13) -----------------------------------------------------------

@dataclass
class CollectiveRow:
    """A collective of the workbook: an existing one (``id``) whose ratings are set, or a new one."""
    name: str
    id: int | None
    parent_id: int | None


def _rating_years(table: Table) -> list[int]:
    """The years of the sheet's rating columns, left to right (a year out of range stops the reading)."""
    years = [int(k[7:]) for k in sorted((k for k in table.columns if k.startswith("rating:")),
                                        key=lambda k: table.columns[k][0])]
    for year in years:
        if not 1950 <= year <= 2200:
            raise UserError(f"Trang “{table.sheet}”, dòng {table.header_row}: cột "
                            f"“{table.header(f'rating:{year}')}” có năm {year} không hợp lệ.")
    return years


def _take_ratings(take, years: list[int]) -> dict[int, str]:
    """The row's rating code for each rated year whose cell holds one."""
    ratings: dict[int, str] = {}
    for year in years:
        code = take(f"rating:{year}", _rating)
        if code:
            ratings[year] = code
    return ratings


def _rating_cells(ratings: dict[int, str], years: list[int], values: dict[str, Any]) -> list[str]:
    """The preview's rating cells: the rating's name, or the cell as written when it was not read."""
    return [people.RATINGS[ratings[y]] if y in ratings else _text(values.get(f"rating:{y}")) for y in years]


def read_collectives(store, path: str | Path) -> ImportPreview:
    """Read the collectives' workbook: each collective's yearly ratings (a new name adds the collective)."""
    table = read_table(path, sheet=cols.COLLECTIVES_SHEET, skip_sheets=(cols.GUIDE_SHEET, cols.LISTS_SHEET),
                       match=cols.match_collectives, required=cols.collectives_header_ok,
                       required_text="cột “Tên tập thể”")
    years = _rating_years(table)
    shown = [f for f in cols.COLLECTIVE_FIELDS if f.key in table.columns]
    headers = [table.header(f.key) for f in shown] + [table.header(f"rating:{y}") for y in years]
    preview, issues = _start(table, "collectives", headers, path)
    collectives = _collective_index(store)
    unit_id = store.scalar("SELECT id FROM collective WHERE is_unit = 1")
    seen: dict[str, int] = {}
    for raw, row, take in _rows(table, None, issues, cols.COLLECTIVE_FIELDS):
        v = raw.values
        name = _text(v.get("name"))
        record = None
        if not name:
            row.error("name", "Tên tập thể không được để trống.")
        elif len(name) > 200:
            row.error("name", "Tên tập thể quá dài (tối đa 200 ký tự).")
        elif name.casefold() in seen:
            row.error("name", f"Trùng với dòng {seen[name.casefold()]} ở trên.")
        else:
            seen[name.casefold()] = raw.number
            hits = collectives.find(name)
            parent_id = None
            if len(hits) > 1:
                row.error("name", f"Có {len(hits)} tập thể cùng tên “{name}” trong sổ.")
            elif not hits:
                parent_id = unit_id
                wanted = _text(v.get("parent"))
                if wanted:
                    found = collectives.find(wanted)
                    if len(found) != 1:
                        row.error("parent", f"Không có (đúng một) tập thể “{wanted}” trong sổ.")
                    else:
                        parent_id = found[0].id
            record = CollectiveRow(hits[0].name if len(hits) == 1 else name, hits[0].id if len(hits) == 1 else None,
                                   parent_id)
        ratings = _take_ratings(take, years)
        cells = {"name": name if record is None else record.name + ("" if record.id is not None else " (thêm mới)"),
                 "parent": _text(v.get("parent"))}
        texts = [cells[f.key] for f in shown]
        texts += _rating_cells(ratings, years, v)
        preview.rows.append(PreviewRow(raw.number, texts, None if row.errors else record, ratings, list(row.errors)))
    return _finish(preview)


def read_awards(store, path: str | Path) -> ImportPreview:
    """Read the awards-received workbook (people's and collectives'), each with its decision."""
    from desktop.catalog import load as catalog

    table = read_table(path, sheet=cols.AWARDS_SHEET, skip_sheets=(cols.GUIDE_SHEET, cols.LISTS_SHEET),
                       match=cols.match_awards, required=cols.awards_header_ok,
                       required_text="các cột “Danh hiệu, hình thức khen thưởng”, “Năm” và “Cá nhân (họ tên)” "
                                     "hoặc “Tập thể”")
    headers = ["Cá nhân/Tập thể", "Danh hiệu, hình thức khen thưởng", "Năm", "Quyết định", "Cấp quyết định"]
    preview, issues = _start(table, "awards", headers, path)
    persons = _person_index(store)
    collectives = _collective_index(store)
    existing = {(r["person_id"], r["collective_id"], r["award"], r["year"])
                for r in store.query("SELECT person_id, collective_id, award, year FROM prior_award")}
    seen: dict[tuple, int] = {}
    for raw, row, take in _rows(table, None, issues, cols.AWARD_FIELDS):
        v = raw.values
        person_id, collective_id, subject_text = _subject(row, take, v, table, persons, collectives,
                                                          "được khen thưởng", "khen thưởng")
        year = take("year", _year)
        if year is None and "year" not in row.bad:
            row.error("year", "Hãy ghi năm của danh hiệu, khen thưởng.")
        when = take("decision_date", _date, table.epoch)
        wanted = _text(v.get("award"))
        known = catalog().get(wanted)
        if not wanted:
            row.error("award", "Hãy ghi danh hiệu hoặc hình thức khen thưởng.")
        elif known is None:
            row.error("award", f"“{wanted}” không có trong danh mục danh hiệu, hình thức khen thưởng.")
        record = people.PriorAward(known.name if known else wanted, year or 0, _text(v.get("decision_number")),
                                   when, _text(v.get("issuer")), person_id, collective_id)
        if known is not None and year and (person_id or collective_id) and not row.errors:
            try:
                people._validate_award(record)
            except ValidationError as exc:
                for key, message in exc.fields.items():
                    row.error(key if key in ("award", "year", "decision_date") else None, message)
            key = (person_id, collective_id, record.award, year)
            row.first_time("award", key, existing, seen,
                           f"{subject_text} đã có {record.award} năm {year} trong sổ; bỏ dòng này để khỏi nhập trùng.")
        decision = record.decision_number + (f" ngày {when:%d/%m/%Y}" if when else "")
        cells = [subject_text, record.award, str(year) if year else _text(v.get("year")), decision, record.issuer]
        preview.rows.append(PreviewRow(raw.number, cells, None if row.errors else record, {}, list(row.errors)))
    return _finish(preview)


# -- saving ----------------------------------------------------------------------------------------------------

def apply(store, preview: ImportPreview) -> int:
    """Save every row of ``preview`` in one transaction; returns the number of records added.

    Refuses (with :class:`ImportRejected`) a preview that has any error, and a
    preview already applied. If the ledger changed since the file was read so
    that a row no longer fits, nothing is saved and the clerk is asked to read
    the file again.
    """
    if preview.errors or any(r.record is None for r in preview.rows):
        raise ImportRejected(preview)
    if preview.applied:
        raise UserError("Tệp này đã được nhập vào sổ rồi; hãy đọc lại tệp nếu muốn nhập lần nữa.")
    current = None
    try:
        # BEGIN IMMEDIATE: the check for records already in the ledger and the
        # inserts hold the one write lock together, so two imports of the same
        # workbook at once cannot both pass the check (the second is refused).
        with store.transaction():
            _refuse_duplicates(store, preview)
            for current in preview.rows:
                if preview.kind == "people":
                    pid = people.add_person(store, replace(current.record, id=None))
                    for year, rating in sorted(current.ratings.items()):
                        people.set_rating(store, pid, year, rating)
                elif preview.kind == "collectives":
                    from desktop.council import review

                    cid = current.record.id
                    if cid is None:
                        cid = people.add_collective(store, people.Collective(current.record.name,
                                                                             parent_id=current.record.parent_id))
                    for year, rating in sorted(current.ratings.items()):
                        review.set_collective_rating(store, cid, year, rating)
                elif preview.kind == "awards":
                    people.add_prior_award(store, replace(current.record, id=None))
                else:
                    ach.add(store, replace(current.record, id=None))
    except (ValidationError, sqlite3.IntegrityError) as exc:
        where = f"Trang “{preview.sheet}”, dòng {current.row}: " if current is not None else ""
        raise UserError(f"{where}{exc}. Dữ liệu trong sổ đã thay đổi từ lúc đọc tệp; chưa nhập dòng nào. "
                        "Hãy đọc lại tệp rồi nhập.") from None
    preview.applied = True
    return len(preview.rows)


def _refuse_duplicates(store, preview: ImportPreview) -> None:
    """Inside the write transaction: refuse when a row is now already in the ledger.

    The preview checked this when the file was read; another import (another
    window, a command) may have saved the same rows since.
    """
    if preview.kind == "collectives":
        names = {clean(r["name"]).casefold() for r in store.query("SELECT name FROM collective")}
        for row in preview.rows:
            if row.record.id is None and clean(row.record.name).casefold() in names:
                raise UserError(f"Trang “{preview.sheet}”, dòng {row.row}: tập thể “{row.record.name}” vừa được "
                                "thêm từ nơi khác; chưa nhập dòng nào. Hãy đọc lại tệp.")
        return
    if preview.kind == "awards":
        existing = {(r["person_id"], r["collective_id"], r["award"], r["year"])
                    for r in store.query("SELECT person_id, collective_id, award, year FROM prior_award")}
        key = lambda a: (a.person_id, a.collective_id, a.award, a.year)  # noqa: E731
        what = "Khen thưởng này đã có trong sổ"
    elif preview.kind == "people":
        existing = {(clean(r["full_name"]).casefold(), r["birth_date"])
                    for r in store.query("SELECT full_name, birth_date FROM person")}
        key = lambda p: (clean(p.full_name).casefold(), p.birth_date.isoformat() if p.birth_date else None)  # noqa: E731
        what = "Người này đã có trong sổ"
    else:
        existing = {(r["date"], r["person_id"], r["collective_id"], clean(r["title"]).casefold())
                    for r in store.query("SELECT date, person_id, collective_id, title FROM achievement "
                                         "WHERE archived_at IS NULL")}
        key = lambda a: (a.date.isoformat(), a.person_id, a.collective_id, clean(a.title).casefold())  # noqa: E731
        what = "Thành tích này đã có trong sổ"
    for row in preview.rows:
        if key(row.record) in existing:
            raise UserError(
                f"Trang “{preview.sheet}”, dòng {row.row}: {what} (vừa được nhập từ nơi khác, có thể là một lần "
                "nhập khác cùng lúc); chưa nhập dòng nào. Hãy đọc lại tệp để xem các dòng trùng.")


def read(store, kind: str, path: str | Path, progress: Progress | None = None) -> ImportPreview:
    """:func:`read_people` or :func:`read_achievements` by ``kind`` (``people`` / ``achievements``)."""
    if kind == "people":
        return read_people(store, path, progress)
    if kind == "achievements":
        return read_achievements(store, path, progress)
    if kind == "collectives":
        return read_collectives(store, path)
    if kind == "awards":
        return read_awards(store, path)
    raise UserError(f"Không biết loại dữ liệu “{kind}”; chọn people (cá nhân), achievements (thành tích), "
                    "collectives (tập thể và xếp loại) hoặc awards (khen thưởng đã nhận).")
