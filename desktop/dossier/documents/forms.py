"""Legal forms as data: loading, checking and choosing the files in ``forms/``.

Each form (Tờ trình Mẫu 01 of NĐ 152/2025, Biên bản Mẫu 1.9 of NĐ 30/2020 …) is a
TOML file that says what the document contains and where each part comes from;
:mod:`.compose` turns it plus a context into a :class:`~.model.Document`. When a
decree replaces the forms, a new file with its own ``effective_from`` is added and
:func:`choose` picks the right one by date; no code changes.

File layout (every key is checked by :func:`load_form`)::

    name = "Tờ trình đề nghị khen thưởng"
    kind = "to_trinh"               # to_trinh | bien_ban | bao_cao | cong_van | dang_ky | bao_cao_ket_qua
    subject = "ca_hai"              # tap_the | ca_nhan | ca_hai
    award_type = "chuyen_de"        # optional: chuyen_de | cong_trang | …
    decree = "152/2025/NĐ-CP"
    form = "01"
    effective_from = 2025-07-01
    effective_to = 2027-02-28       # optional, inclusive
    layout = "ND30-1.4"             # ND30-1.4 (có tên loại) | ND30-1.5 (công văn) | ND30-1.9 (biên bản)
    type_name = "TỜ TRÌNH"
    symbol = "TTr"                  # chữ viết tắt tên loại
    recipients = ["{award.approver}"]        # Kính gửi (optional)
    bases = ["Căn cứ …"]                      # Căn cứ (optional)
    closing = "… ./."                         # optional
    noi_nhan = ["Như trên", "Lưu: VT, {unit.drafting_unit}"]   # optional
    title = [{ text = "Về việc …", bold = true, italic = false }]

    [header]
    governing_body = "{unit.governing}"   issuing_body = "{unit.name}"
    symbol = "{form.symbol}-{unit.abbreviation}"
    show_agency = true   show_number = true   show_place_date = true

    [[sections]]
    id = "thanh_tich"   heading = "II. THÀNH TÍCH ĐẠT ĐƯỢC"
      [[sections.parts]]  text = "**1. Kết quả …**"          # markup with {fields}
      [[sections.parts]]  source = "achievements_by_criterion"   empty = "…"

    [[signatures]]
    role = "signer"  position = "right"  authority = "…"  title = "…"  note = "…"  name = "…"

    [meta]
    sources = ["legal.md A.1", …]   uncertain = ["…"]

Templates use ``{dotted.path}`` fields into the compose context and an
optional ``:upper`` / ``:lower`` format (``{award.name:upper}``).
"""
from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.errors import UserError, os_reason
from desktop.resources import forms_dir
from desktop.text import fold
from desktop.dossier.documents.sources import SOURCES
from desktop import clock

__all__ = [
    "KINDS",
    "LAYOUTS",
    "SUBJECTS",
    "Form",
    "HeaderSpec",
    "PartSpec",
    "SectionSpec",
    "SignatureSpec",
    "TitleSpec",
    "choose",
    "list_forms",
    "load_form",
]

KINDS = {"to_trinh": "tờ trình", "bien_ban": "biên bản", "bao_cao": "báo cáo thành tích",
         "quyet_dinh": "quyết định"}
# The campaign's own documents to the Sở (issue 14): registration and the report of results.
KINDS.update({"dang_ky": "bản đăng ký thi đua", "bao_cao_ket_qua": "báo cáo kết quả thực hiện phong trào"})
# The year-end review's minutes, and an ad-hoc award's own Tờ trình and report (issue 13).
KINDS.update({"bien_ban_binh_xet": "biên bản bình xét thi đua cuối năm", "to_trinh_dot_xuat": "tờ trình khen thưởng đột xuất",
              "bao_cao_dot_xuat": "báo cáo thành tích đột xuất"})
SUBJECTS = {"tap_the": "tập thể", "ca_nhan": "cá nhân", "ca_hai": "tập thể và cá nhân"}
LAYOUTS = {"ND30-1.4": "Mẫu 1.4 (văn bản có tên loại)", "ND30-1.5": "Mẫu 1.5 (công văn)",
           "ND30-1.9": "Mẫu 1.9 (biên bản)"}
# The unit's own proposal written as a công văn (issue 10), when the plan asks for a công văn, not a tờ trình.
KINDS["cong_van"] = "công văn đề nghị khen thưởng"
POSITIONS = ("left", "right", "bottom")


@dataclass(frozen=True)
class HeaderSpec:
    governing_body: str = ""
    issuing_body: str = ""
    symbol: str = ""
    show_agency: bool = True
    show_number: bool = True
    show_place_date: bool = True


@dataclass(frozen=True)
class TitleSpec:
    text: str
    bold: bool = True
    italic: bool = False


@dataclass(frozen=True)
class PartSpec:
    """One piece of a section: literal markup text, or a data source with options."""

    text: str | None = None
    source: str | None = None
    empty: str | None = None
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SectionSpec:
    id: str
    heading: str
    parts: tuple[PartSpec, ...]


@dataclass(frozen=True)
class SignatureSpec:
    role: str
    position: str
    authority: str = ""
    title: str = ""
    note: str = ""
    name: str = ""


@dataclass(frozen=True)
class Form:
    """One legal form, as read from its file."""

    id: str
    path: Path
    name: str
    kind: str
    subject: str
    decree: str
    form: str
    effective_from: dt.date
    effective_to: dt.date | None
    layout: str
    type_name: str
    symbol: str
    header: HeaderSpec
    title: tuple[TitleSpec, ...]
    recipients: tuple[str, ...]
    bases: tuple[str, ...]
    closing: str
    noi_nhan: tuple[str, ...]
    sections: tuple[SectionSpec, ...]
    signatures: tuple[SignatureSpec, ...]
    award_type: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    def in_force(self, on: dt.date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    @property
    def label(self) -> str:
        """How the clerk sees it: "Mẫu số 01 - Nghị định 152/2025/NĐ-CP: Tờ trình …"."""
        prefix = "Mẫu" if "." in self.form else "Mẫu số"
        return f"{prefix} {self.form} - Nghị định {self.decree}: {self.name}"


# ---------------------------------------------------------------- validation


class _Invalid(Exception):
    """A problem in one form file; turned into a UserError naming the file."""


def _take(table: dict, key: str, kind: type | tuple[type, ...], where: str, *, required: bool = True, default=None):
    if key not in table:
        if required:
            raise _Invalid(f"thiếu khóa “{key}” {where}")
        return default
    value = table[key]
    kinds = _as_tuple(kind)
    # bool is an int in Python; "true" must not pass where a number or text is due.
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise _Invalid(f"khóa “{key}” {where} có kiểu không đúng")
    return value


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _strings(table: dict, key: str, where: str) -> tuple[str, ...]:
    values = _take(table, key, list, where, required=False, default=[])
    if not all(isinstance(v, str) for v in values):
        raise _Invalid(f"khóa “{key}” {where} phải là danh sách chuỗi")
    return tuple(values)


def _no_unknown(table: dict, allowed: set[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise _Invalid(f"khóa không được hỗ trợ {where}: {', '.join(unknown)}")


def _check_template(text: str, where: str) -> None:
    """Braces must pair up, so a typo shows when the file loads, not when a clerk drafts."""
    depth = 0
    text = text.replace("{{", "").replace("}}", "")  # doubled braces are literal braces
    for ch in text:
        if ch == "{":
            depth += 1
            if depth > 1:
                raise _Invalid(f"dấu ngoặc nhọn lồng nhau {where}")
        elif ch == "}":
            depth -= 1
            if depth < 0:
                raise _Invalid(f"thừa dấu “}}” {where}")
    if depth:
        raise _Invalid(f"thiếu dấu “}}” {where}")


_TOP_KEYS = {
    "id", "name", "kind", "subject", "award_type", "decree", "form", "effective_from", "effective_to",
    "layout", "type_name", "symbol", "header", "title", "recipients", "bases", "closing", "noi_nhan",
    "sections", "signatures", "meta",
}


def _parse(data: dict, path: Path) -> Form:
    _no_unknown(data, _TOP_KEYS, "ở đầu tệp")
    where = "ở đầu tệp"
    form_id = _take(data, "id", str, where, required=False, default=path.stem)
    if form_id != path.stem:
        raise _Invalid(f"mã mẫu “{form_id}” khác tên tệp “{path.stem}”")
    kind = _take(data, "kind", str, where)
    if kind not in KINDS:
        raise _Invalid(f"loại văn bản “{kind}” không hợp lệ (chỉ nhận: {', '.join(KINDS)})")
    subject = _take(data, "subject", str, where)
    if subject not in SUBJECTS:
        raise _Invalid(f"đối tượng “{subject}” không hợp lệ (chỉ nhận: {', '.join(SUBJECTS)})")
    layout = _take(data, "layout", str, where)
    if layout not in LAYOUTS:
        raise _Invalid(f"bố cục “{layout}” không hợp lệ (chỉ nhận: {', '.join(LAYOUTS)})")
    effective_from = _take(data, "effective_from", dt.date, where)
    effective_to = _take(data, "effective_to", dt.date, where, required=False)
    if isinstance(effective_from, dt.datetime) or isinstance(effective_to, dt.datetime):
        raise _Invalid("ngày hiệu lực chỉ ghi ngày, không ghi giờ")
    if effective_to is not None and effective_to < effective_from:
        raise _Invalid("ngày hết hiệu lực trước ngày có hiệu lực")

    header_table = _take(data, "header", dict, where)
    _no_unknown(header_table, set(HeaderSpec.__dataclass_fields__), "trong [header]")
    header = HeaderSpec(
        governing_body=_take(header_table, "governing_body", str, "trong [header]", required=False, default=""),
        issuing_body=_take(header_table, "issuing_body", str, "trong [header]", required=False, default=""),
        symbol=_take(header_table, "symbol", str, "trong [header]", required=False, default=""),
        show_agency=_take(header_table, "show_agency", bool, "trong [header]", required=False, default=True),
        show_number=_take(header_table, "show_number", bool, "trong [header]", required=False, default=True),
        show_place_date=_take(header_table, "show_place_date", bool, "trong [header]", required=False, default=True),
    )
    if header.show_agency and not header.issuing_body:
        raise _Invalid("[header] cần “issuing_body” khi hiện tên cơ quan")
    if layout == "ND30-1.5":
        # A công văn has no type name and no type abbreviation; its trích yếu "V/v …" is its title.
        if _take(data, "type_name", str, where) or _take(data, "symbol", str, where):
            raise _Invalid("công văn Mẫu 1.5 không có tên loại và chữ viết tắt tên loại (type_name = \"\", symbol = \"\")")
        if not data.get("title") or not header.show_number:
            raise _Invalid("công văn Mẫu 1.5 cần trích yếu “V/v …” (title) và dòng số, ký hiệu (show_number = true)")
    if layout == "ND30-1.9" and header.show_place_date:
        raise _Invalid("biên bản Mẫu 1.9 không có dòng địa danh, ngày tháng (đặt show_place_date = false)")

    titles = []
    for i, item in enumerate(_take(data, "title", list, where, required=False, default=[]), 1):
        if not isinstance(item, dict):
            raise _Invalid(f"dòng tiêu đề thứ {i} phải là bảng {{ text = … }}")
        w = f"ở dòng tiêu đề thứ {i}"
        _no_unknown(item, {"text", "bold", "italic"}, w)
        titles.append(
            TitleSpec(
                _take(item, "text", str, w),
                _take(item, "bold", bool, w, required=False, default=True),
                _take(item, "italic", bool, w, required=False, default=False),
            )
        )

    sections = []
    seen_ids: set[str] = set()
    for i, table in enumerate(_take(data, "sections", list, where), 1):
        w = f"ở mục thứ {i}"
        if not isinstance(table, dict):
            raise _Invalid(f"mục thứ {i} phải là bảng [[sections]]")
        _no_unknown(table, {"id", "heading", "parts"}, w)
        section_id = _take(table, "id", str, w)
        if not section_id or section_id in seen_ids:
            raise _Invalid(f"mã mục “{section_id}” trống hoặc bị trùng")
        seen_ids.add(section_id)
        parts = []
        for j, part in enumerate(_take(table, "parts", list, w), 1):
            pw = f"ở phần {j} của mục “{section_id}”"
            if not isinstance(part, dict):
                raise _Invalid(f"phần {j} của mục “{section_id}” phải là bảng [[sections.parts]]")
            text = _take(part, "text", str, pw, required=False)
            source = _take(part, "source", str, pw, required=False)
            if (text is None) == (source is None):
                raise _Invalid(f"{pw}: cần đúng một trong hai khóa “text” hoặc “source”")
            if source is not None and source not in SOURCES:
                raise _Invalid(f"{pw}: nguồn dữ liệu “{source}” không tồn tại (có: {', '.join(sorted(SOURCES))})")
            empty = _take(part, "empty", str, pw, required=False)
            if text is not None:
                _no_unknown(part, {"text"}, pw)
                _check_template(text, pw)
            options = {k: v for k, v in part.items() if k not in ("text", "source", "empty")}
            if source is not None:
                unknown = sorted(set(options) - SOURCES[source].options)
                if unknown:
                    raise _Invalid(f"{pw}: tùy chọn không được hỗ trợ: {', '.join(unknown)}")
            parts.append(PartSpec(text=text, source=source, empty=empty, options=options))
        sections.append(SectionSpec(section_id, _take(table, "heading", str, w, required=False, default=""), tuple(parts)))

    signatures = []
    for i, table in enumerate(_take(data, "signatures", list, where), 1):
        w = f"ở chữ ký thứ {i}"
        if not isinstance(table, dict):
            raise _Invalid(f"chữ ký thứ {i} phải là bảng [[signatures]]")
        _no_unknown(table, set(SignatureSpec.__dataclass_fields__), w)
        spec = SignatureSpec(
            role=_take(table, "role", str, w),
            position=_take(table, "position", str, w),
            authority=_take(table, "authority", str, w, required=False, default=""),
            title=_take(table, "title", str, w, required=False, default=""),
            note=_take(table, "note", str, w, required=False, default=""),
            name=_take(table, "name", str, w, required=False, default=""),
        )
        if spec.position not in POSITIONS:
            raise _Invalid(f"{w}: vị trí “{spec.position}” không hợp lệ (left, right, bottom)")
        signatures.append(spec)
    if not 1 <= len(signatures) <= 3:
        raise _Invalid("cần từ 1 đến 3 khối chữ ký")
    if len({s.position for s in signatures}) != len(signatures):
        raise _Invalid("hai khối chữ ký cùng một vị trí")

    meta = _take(data, "meta", dict, where)
    _no_unknown(meta, {"sources", "uncertain"}, "trong [meta]")
    if not _strings(meta, "sources", "trong [meta]"):
        raise _Invalid("[meta] cần “sources” ghi nguồn của mẫu")
    _strings(meta, "uncertain", "trong [meta]")

    form = Form(
        id=form_id,
        path=path,
        name=_take(data, "name", str, where),
        kind=kind,
        subject=subject,
        award_type=_take(data, "award_type", str, where, required=False, default=""),
        decree=_take(data, "decree", str, where),
        form=_take(data, "form", str, where),
        effective_from=effective_from,
        effective_to=effective_to,
        layout=layout,
        type_name=_take(data, "type_name", str, where),
        symbol=_take(data, "symbol", str, where),
        header=header,
        title=tuple(titles),
        recipients=_strings(data, "recipients", where),
        bases=_strings(data, "bases", where),
        closing=_take(data, "closing", str, where, required=False, default=""),
        noi_nhan=_strings(data, "noi_nhan", where),
        sections=tuple(sections),
        signatures=tuple(signatures),
        meta=dict(meta),
    )
    for text in (
        form.type_name, form.closing, *form.recipients, *form.bases, *form.noi_nhan,
        header.governing_body, header.issuing_body, header.symbol,
        *(t.text for t in form.title),
        *(s.heading for s in form.sections),
        *(getattr(s, f) for s in form.signatures for f in ("authority", "title", "note", "name")),
    ):
        _check_template(text, "trong tệp")
    return form


_LOADED: dict[tuple[str, int, int], Form] = {}


def load_form(path: Path | str) -> Form:
    """Read and check one form file; a bad file raises :class:`UserError` in Vietnamese.

    A form read once is kept while its file is unchanged (same size and time), so a
    whole dossier drafted in one process reads the forms folder once.
    """
    path = Path(path)
    try:
        stat = path.stat()
    except OSError:
        stat = None
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size) if stat is not None else None
    if key is not None and key in _LOADED:
        return _LOADED[key]
    form = _load_form(path)
    if key is not None:
        _LOADED[key] = form
    return form


def _load_form(path: Path) -> Form:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise UserError(f"Không mở được tệp mẫu văn bản “{path.name}”: {os_reason(exc)}.") from exc
    except tomllib.TOMLDecodeError as exc:
        raise UserError(
            f"Tệp mẫu văn bản “{path.name}” sai cú pháp TOML ({exc}). Hãy sửa tệp hoặc cài lại ứng dụng."
        ) from exc
    try:
        return _parse(data, path)
    except _Invalid as exc:
        raise UserError(
            f"Tệp mẫu văn bản “{path.name}” không hợp lệ: {exc}. Hãy sửa tệp hoặc cài lại ứng dụng."
        ) from exc


def list_forms(folder: Path | str | None = None) -> list[Form]:
    """Every form in ``folder`` (default: the app's ``forms/``), sorted for display."""
    folder = Path(folder) if folder is not None else forms_dir()
    if not folder.is_dir():
        raise UserError(f"Không thấy thư mục mẫu văn bản “{folder}”. Hãy cài lại ứng dụng.")
    forms = [load_form(p) for p in sorted(folder.glob("*.toml"))]
    return sorted(forms, key=lambda f: (f.kind, f.effective_from, f.form, f.subject))


def _same_form_number(a: str, b: str) -> bool:
    a, b = a.strip(), b.strip()
    if a.isdigit() and b.isdigit():
        return int(a) == int(b)
    return a == b


def _same_decree(a: str, b: str) -> bool:
    return "".join(fold(a).split()) == "".join(fold(b).split())


def choose(
    kind: str,
    *,
    decree: str | None = None,
    form: str | None = None,
    subject: str | None = None,
    award_type: str | None = None,
    on: dt.date | None = None,
    forms: list[Form] | None = None,
) -> Form:
    """The form to draft with.

    Filters by kind, then by whatever else is given; a form for ``ca_hai`` serves
    either subject. ``on`` (a date) keeps only forms in force that day; without
    a decree and a form number it defaults to today, so the clerk gets the form
    of the decree now in force. Among several matches the most recent
    ``effective_from`` wins, then the form made for exactly that subject.
    """
    if kind not in KINDS:
        raise UserError(f"Loại văn bản “{kind}” không có trong danh mục mẫu.")
    candidates = [f for f in (forms if forms is not None else list_forms()) if f.kind == kind]
    if decree:
        candidates = [f for f in candidates if _same_decree(f.decree, decree)]
    if form:
        candidates = [f for f in candidates if _same_form_number(f.form, form)]
    if subject:
        candidates = [f for f in candidates if f.subject in (subject, "ca_hai")]
    if award_type:
        candidates = [f for f in candidates if f.award_type in (award_type, "")]
    if on is None and not (decree and form):
        on = clock.today()
    if on is not None:
        candidates = [f for f in candidates if f.in_force(on)]
    if not candidates:
        what = KINDS[kind]
        if subject:
            what += f" cho {SUBJECTS.get(subject, subject)}"
        if form:
            what += f" mẫu số {form}"
        if decree:
            what += f" theo Nghị định {decree}"
        when = f" còn hiệu lực ngày {on:%d/%m/%Y}" if on else ""
        raise UserError(f"Không có mẫu {what}{when}. Hãy chọn mẫu khác hoặc bổ sung tệp mẫu.")
    candidates.sort(
        key=lambda f: (f.effective_from, f.subject == subject, f.award_type == (award_type or "")),
        reverse=True,
    )
    best = candidates[0]
    rivals = [f for f in candidates if f.effective_from == best.effective_from]
    if not subject and len({f.subject for f in rivals}) > 1:
        raise UserError(f"Mẫu {KINDS[kind]} có bản cho tập thể và bản cho cá nhân; hãy chọn một.")
    if not award_type and len({f.award_type for f in rivals if f.subject == best.subject}) > 1:
        raise UserError(
            f"Mẫu {KINDS[kind]} có bản cho khen thưởng theo chuyên đề và bản cho khen thưởng công trạng; "
            "hãy chọn một."
        )
    return best
