"""Opening a workbook from outside without trusting it, and reading one table from it.

A file a clerk picks may be anything: not a workbook at all, a zip of
something else, an old .xls, a password-protected (encrypted) workbook, a zip
bomb, an XML bomb, a sheet with a million rows or a lying dimension. Before
:mod:`openpyxl` sees the file, :func:`check_file` looks at its first bytes and
at the zip's directory (member count, declared sizes, compression ratio,
encrypted members) and scans every XML part for a DTD: a real workbook never
declares one, and entity tricks (billion laughs, external entities) need one.
openpyxl then parses with :mod:`defusedxml` (checked by :func:`require_defusedxml`),
in read-only (streaming) mode, with the sheet's declared dimension ignored.

:func:`read_table` finds the header row by column names (diacritics and case
do not matter), maps columns by name (any order; unknown columns are reported
and ignored), skips blank rows, caps the rows, fills vertically merged cells
down, and takes a formula's cached result (never evaluating it). Every failure
is a :class:`~desktop.errors.UserError` in Vietnamese.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.errors import UserError, os_reason
from desktop.text import clean, fold

# Limits of what an import reads (module attributes, so a test can lower them).
MAX_FILE_BYTES = 50 * 1024 * 1024          # the .xlsx file on disk
MAX_MEMBERS = 2_000                         # parts in the zip
MAX_MEMBER_BYTES = 64 * 1024 * 1024         # one part, uncompressed
MAX_TOTAL_BYTES = 200 * 1024 * 1024         # all parts, uncompressed
MAX_RATIO = 100                             # uncompressed / compressed, for parts over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_ROWS = 20_000                           # data rows of the sheet (blank rows not counted)
MAX_COLUMNS = 60                            # columns looked at
MAX_CELL_CHARS = 5_000                      # characters of one cell
MAX_MERGES = 10_000

_RESAVE = "Hãy mở tệp bằng Excel, lưu lại thành “Sổ làm việc Excel (*.xlsx)” rồi nhập lại."
HEADER_SEARCH_ROWS = 20                     # the header row is one of the first rows
EXCEL_MAX_ROW = 1_048_576

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARKS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_DTD_MARKS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY")
                   for enc in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_SAFE_ENCODINGS = {"utf-8", "utf8", "utf-16", "utf16", "us-ascii", "ascii"}


class _Formula:
    """Placeholder for a formula cell until its cached value is read."""

    def __init__(self, text: str):
        self.text = text


@dataclass
class CellIssue:
    """A cell that could not be read: ``column`` is a mapped key."""

    row: int
    key: str
    message: str


@dataclass
class RawRow:
    """A non-blank data row: the sheet's row number and the raw values of mapped columns."""

    number: int
    values: dict[str, Any]
    formats: dict[str, str] = field(default_factory=dict)


@dataclass
class Table:
    sheet: str
    header_row: int
    columns: dict[str, tuple[int, str]]    # key -> (0-based column index, header as written)
    rows: list[RawRow]
    issues: list[CellIssue]
    notices: list[str]
    epoch: dt.datetime | None = None       # the workbook's date system (1900 or 1904)

    def header(self, key: str) -> str:
        return self.columns[key][1]


# -- defusedxml ----------------------------------------------------------------------------------------

def require_defusedxml() -> None:
    """Refuse to read outside workbooks unless openpyxl parses them with defusedxml."""
    try:
        import defusedxml  # noqa: F401
        import openpyxl
    except ImportError:
        ok = False
    else:
        ok = bool(getattr(openpyxl, "DEFUSEDXML", False))
    if not ok:
        raise UserError("Thiếu thư viện an toàn defusedxml nên Sổ thi đua không mở tệp Excel từ bên ngoài. "
                        "Hãy cài đặt lại Sổ thi đua.")


# -- the file and its zip ------------------------------------------------------------------------------

def num(n: int) -> str:
    """``20000`` → ``20.000`` (Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f}".replace(".", ",")


def check_file(path: str | Path) -> bytes:
    """Everything checked before openpyxl sees ``path``; returns the file's bytes.

    The bytes (at most :data:`MAX_FILE_BYTES`) are what every later pass reads,
    so the file cannot change between the checks and the reading.
    """
    path = Path(path).expanduser()
    name = path.name
    if not path.exists():
        raise UserError(f"Không tìm thấy tệp “{path}”.")
    if path.is_dir():
        raise UserError(f"“{name}” là một thư mục, không phải tệp Excel.")
    try:
        size = path.stat().st_size
        if size <= MAX_FILE_BYTES:
            with open(path, "rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
            size = len(data)
    except OSError as exc:
        raise UserError(f"Không đọc được tệp “{name}”: {os_reason(exc)}.") from None
    if size == 0:
        raise UserError(f"Tệp “{name}” rỗng (0 byte), không phải tệp Excel.")
    if size > MAX_FILE_BYTES:
        raise UserError(f"Tệp “{name}” quá lớn ({_mb(size)} MB); chỉ nhập được tệp Excel đến "
                        f"{_mb(MAX_FILE_BYTES)} MB. Hãy chia thành nhiều tệp nhỏ hơn.")
    if data.startswith(OLE_MAGIC):
        raise UserError(_ole_message(name, data))
    if not data.startswith(b"PK"):
        raise UserError(f"Tệp “{name}” không phải là tệp Excel .xlsx. Hãy mở bằng Excel và lưu thành "
                        "“Sổ làm việc Excel (*.xlsx)” rồi nhập lại.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            _check_zip(zf, name)
    except zipfile.BadZipFile:
        raise UserError(f"Tệp “{name}” bị hỏng, không đọc được như một tệp Excel .xlsx. {_RESAVE}") from None
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError, zlib.error):
        raise UserError(f"Tệp “{name}” bị hỏng hoặc có cấu trúc lạ, không đọc được. {_RESAVE}") from None
    return data


def _ole_message(name: str, data: bytes) -> str:
    """An OLE container is a password-protected .xlsx or an old .xls; say which."""
    if any(mark in data for mark in _ENCRYPTED_MARKS):
        return (f"Tệp “{name}” được đặt mật khẩu (mã hóa) nên không đọc được. Hãy mở tệp bằng Excel, "
                "gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu), "
                "lưu lại rồi nhập.")
    return (f"Tệp “{name}” là tệp Excel 97-2003 (.xls) kiểu cũ. Hãy mở bằng Excel và lưu thành "
            "“Sổ làm việc Excel (*.xlsx)” rồi nhập lại.")


def _check_zip(zf: zipfile.ZipFile, name: str) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise UserError(f"Tệp “{name}” có quá nhiều thành phần ({len(infos)}); không phải một sổ Excel bình thường.")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UserError(f"Tệp “{name}” có phần bị mã hóa (“{info.filename}”) nên không đọc được. "
                            "Hãy mở bằng Excel, gỡ mật khẩu, lưu lại rồi nhập.")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UserError(f"Tệp “{name}” dùng kiểu nén lạ ở phần “{info.filename}”; không phải tệp Excel bình thường.")
        # zipfile never inflates a member past the size its directory declares, so these bound the work.
        size = info.file_size
        total += size
        if size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise UserError(f"Tệp “{name}” khi giải nén quá lớn (phần “{info.filename}” ra {_mb(size)} MB). "
                            "Có thể là tệp độc hại (“bom nén”) nên không đọc.")
        if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
            raise UserError(f"Tệp “{name}” có tỉ lệ nén bất thường ở phần “{info.filename}” "
                            f"({_mb(info.compress_size or 0)} MB nén ra {_mb(size)} MB). "
                            "Có thể là tệp độc hại (“bom nén”) nên không đọc.")
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        if "mimetype" in names and b"opendocument" in zf.read("mimetype")[:200]:
            raise UserError(f"Tệp “{name}” là bảng tính OpenDocument (.ods). Hãy mở bằng Excel hoặc "
                            "LibreOffice và lưu thành “Sổ làm việc Excel (*.xlsx)” rồi nhập lại.")
        if any(n.startswith("word/") for n in names):
            raise UserError(f"Tệp “{name}” là văn bản Word, không phải sổ Excel .xlsx.")
        raise UserError(f"Tệp “{name}” là một tệp nén nhưng không phải sổ Excel .xlsx.")
    for info in infos:
        if info.filename.lower().endswith((".xml", ".rels", ".vml")):
            _check_xml_part(zf, info, name)


def _check_xml_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Refuse a part that declares a DTD or an unusual encoding (where entity tricks hide)."""
    tail = b""
    first = True
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(1024 * 1024)
            if not chunk:
                break
            if first:
                first = False
                m = _XML_DECL.match(chunk.lstrip(b"\xef\xbb\xbf"))
                if m and m.group(1).decode("ascii").lower() not in _SAFE_ENCODINGS:
                    raise UserError(f"Tệp “{name}” có phần “{info.filename}” dùng bảng mã lạ "
                                    f"({m.group(1).decode('ascii')}); không phải tệp Excel bình thường.")
            window = tail + chunk
            if any(mark in window for mark in _DTD_MARKS):
                raise UserError(f"Tệp “{name}” chứa khai báo DOCTYPE/ENTITY trong phần “{info.filename}”. "
                                "Tệp Excel thật không có khai báo này; có thể là tệp độc hại (“bom XML”) "
                                "nên không đọc.")
            tail = window[-64:]


@contextlib.contextmanager
def open_workbook(data: bytes, name: str, *, data_only: bool) -> Iterator[Any]:
    """An openpyxl read-only workbook over bytes :func:`check_file` accepted; closed on exit.

    Any error openpyxl or the XML parser raises while the workbook is open
    becomes a Vietnamese :class:`UserError`.
    """
    require_defusedxml()
    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook

    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    ReadOnlyWorksheet._get_size = _fast_get_size  # see there: openpyxl's reads a whole sheet without <dimension>
    wb = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # A file object: openpyxl then judges the content, not the name's extension.
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only, keep_links=False, keep_vba=False)
            yield wb
    except UserError:
        raise
    except MemoryError:
        raise UserError(f"Tệp “{name}” quá lớn để đọc; hãy chia thành nhiều tệp nhỏ hơn.") from None
    except zipfile.BadZipFile:
        raise UserError(f"Tệp “{name}” bị hỏng, không đọc được như một tệp Excel .xlsx. {_RESAVE}") from None
    except Exception as exc:  # noqa: BLE001 - a foreign file must never crash the app
        if _caused_by(exc, DefusedXmlException):  # openpyxl wraps it in a ValueError
            raise UserError(f"Tệp “{name}” chứa khai báo XML bị cấm (thực thể, DTD); có thể là tệp độc hại "
                            "(“bom XML”) nên không đọc.") from None
        raise UserError(f"Tệp “{name}” bị hỏng hoặc có cấu trúc Excel lạ, không đọc được. {_RESAVE}") from None
    finally:
        if wb is not None:
            with contextlib.suppress(Exception):
                wb.close()


def _caused_by(exc: BaseException, kind: type) -> bool:
    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 20:
        if isinstance(current, kind):
            return True
        current = current.__cause__ or current.__context__
        seen += 1
    return False


# -- headers -----------------------------------------------------------------------------------------------

def norm_header(text: Any) -> str:
    """A header as compared: folded (no case, no diacritics, đ = d), words only, no ``*``."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(str(text if text is not None else ""))))


def header_forms(text: Any) -> list[str]:
    """The header and the header without its parenthesised notes: ``Ngày sinh (dd/mm/yyyy)``."""
    full = norm_header(text)
    short = norm_header(re.sub(r"\([^)]*\)", " ", str(text or "")))
    return [f for f in dict.fromkeys([full, short]) if f]


def display_header(text: Any) -> str:
    return clean(str(text if text is not None else "")).rstrip("*").strip()


# -- reading one table ----------------------------------------------------------------------------------

def _pick_sheet(wb, preferred: str, skip: tuple[str, ...]):
    names = list(wb.sheetnames)
    want = norm_header(preferred)
    skipped = {norm_header(s) for s in skip}
    for n in names:
        if norm_header(n) == want and hasattr(wb[n], "iter_rows"):
            return wb[n]
    for n in names:
        if norm_header(n) not in skipped:
            ws = wb[n]
            if hasattr(ws, "iter_rows"):
                return ws
    raise UserError(f"Không tìm thấy trang dữ liệu “{preferred}” trong tệp.")


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_table(path: str | Path, *, sheet: str, skip_sheets: tuple[str, ...] = (),
               match: Callable[[str], str | None], required: Callable[[set[str]], bool],
               required_text: str) -> Table:
    """Read the data table of one sheet of the workbook at ``path``.

    ``match`` maps a normalised header (see :func:`header_forms`) to a column
    key; ``required`` says whether a set of found keys makes a header row.
    """
    path = Path(path)
    data = check_file(path)
    with open_workbook(data, path.name, data_only=False) as wb:
        ws = _pick_sheet(wb, sheet, skip_sheets)
        table, formulas = _first_pass(ws, match, required, required_text)
        table.epoch = getattr(wb, "epoch", None)
        merges = _merged_ranges(ws)
    if formulas:
        with open_workbook(data, path.name, data_only=True) as wb:
            _cached_values(wb[table.sheet], table, formulas)
    _fill_merged(table, merges)
    return table


def _fast_get_size(self) -> None:
    """``ReadOnlyWorksheet._get_size`` that stops at ``<sheetData>``.

    openpyxl's own version listens to end events only, so on a sheet without
    a ``<dimension>`` element (what write-only workbooks save) it parses every
    row before it gives up: 200,000 rows took most of 19 seconds.
    """
    from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG
    from openpyxl.worksheet.dimensions import SheetDimension
    from openpyxl.xml.functions import iterparse

    src = self._get_source()
    try:
        for _event, element in iterparse(src, events=("start",)):
            if element.tag == DIMENSION_TAG:
                dims = SheetDimension.from_tree(element).boundaries
                if dims is not None:
                    self._min_column, self._min_row, self._max_column, self._max_row = dims
                return
            if element.tag == DATA_TAG:
                return
    finally:
        src.close()


_ROW_END = re.compile(rb"</row>|<row\b[^>]*/>")
_HAS_VALUE = re.compile(rb"<v>|<v\s|<is>|<is\s")


def _refuse_too_many_rows(ws) -> None:
    """Refuse a sheet with more rows holding values than an import takes, without parsing them.

    The sheet's XML is scanned as bytes (a row ends with ``</row>``; a value is
    a ``<v>`` or an inline ``<is>``), stopping as soon as the limit is passed,
    so a 200,000-row workbook is refused in about a second. Rows that only
    carry formatting do not count; the header's rows are allowed for.
    """
    limit = MAX_ROWS + HEADER_SEARCH_ROWS
    count = 0
    carry = b""
    with ws.parent._archive.open(ws._worksheet_path) as src:
        while chunk := src.read(1 << 20):
            data = carry + chunk
            start = 0
            for m in _ROW_END.finditer(data):
                if _HAS_VALUE.search(data, start, m.end()):
                    count += 1
                    if count > limit:
                        raise UserError(
                            f"Trang “{ws.title}” có hơn {num(MAX_ROWS)} dòng dữ liệu; mỗi lần chỉ nhập được tối đa "
                            f"{num(MAX_ROWS)} dòng. Hãy chia thành nhiều tệp.")
                start = m.end()
            carry = data[start:]


def _first_pass(ws, match, required, required_text) -> tuple[Table, dict[tuple[int, str], int]]:
    title = ws.title
    declared = getattr(ws, "_max_row", None)
    if declared is None or declared > MAX_ROWS + HEADER_SEARCH_ROWS:
        _refuse_too_many_rows(ws)
    ws.reset_dimensions()  # a lying <dimension> must not hide rows (or invent a million)
    header_row = None
    columns: dict[str, tuple[int, str]] = {}
    notices: list[str] = []
    issues: list[CellIssue] = []
    rows: list[RawRow] = []
    formulas: dict[tuple[int, str], int] = {}
    blank = None
    best: tuple[int, set[str]] | None = None
    for idx, row in enumerate(ws.iter_rows(max_col=MAX_COLUMNS), start=1):
        if idx > EXCEL_MAX_ROW:
            raise UserError(f"Trang “{title}” có dòng vượt quá giới hạn của Excel ({num(EXCEL_MAX_ROW)} dòng); "
                            "tệp không bình thường.")
        if row is blank:
            continue
        if header_row is None:
            if idx > HEADER_SEARCH_ROWS:
                break
            found: dict[str, tuple[int, str]] = {}
            extras: list[tuple[int, str]] = []
            duplicates: list[tuple[str, int, int]] = []
            for i, cell in enumerate(row):
                value = getattr(cell, "value", None)
                if _is_blank(value):
                    continue
                key = next((k for k in (match(f) for f in header_forms(value)) if k), None)
                if key is None:
                    extras.append((i, display_header(value)))
                elif key in found:
                    duplicates.append((key, found[key][0], i))
                else:
                    found[key] = (i, display_header(value))
            if found and required(set(found)):
                if duplicates:
                    key, a, b = duplicates[0]
                    raise UserError(
                        f"Trang “{title}”, dòng {idx}: cột “{found[key][1]}” có hai lần (cột "
                        f"{_letter(a)} và cột {_letter(b)}). Hãy xóa hoặc đổi tên một cột rồi nhập lại.")
                header_row, columns = idx, found
                for i, text in extras:
                    notices.append(f"Cột “{text}” (cột {_letter(i)}) không có trong mẫu nên được bỏ qua.")
                continue
            if found and (best is None or len(found) > len(best[1])):
                best = (idx, set(found))
            if not any(not _is_blank(getattr(c, "value", None)) for c in row):
                blank = row
            continue
        values: dict[str, Any] = {}
        formats: dict[str, str] = {}
        had_issue = False
        for key, (i, _) in columns.items():
            cell = row[i] if i < len(row) else None
            value = getattr(cell, "value", None)
            if _is_blank(value):
                continue
            dtype = getattr(cell, "data_type", None)
            if dtype == "f":
                formulas[(idx, key)] = i
                value = _Formula(str(getattr(value, "text", None) or value))  # ArrayFormula keeps its text
            elif dtype == "e":
                issues.append(CellIssue(idx, key, f"Ô có lỗi công thức “{value}”; hãy sửa trong Excel."))
                had_issue = True
                continue
            elif isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                issues.append(CellIssue(idx, key, f"Ô quá dài ({num(len(value))} ký tự; tối đa "
                                                  f"{num(MAX_CELL_CHARS)})."))
                had_issue = True
                continue
            values[key] = value
            formats[key] = getattr(cell, "number_format", None) or "General"
        if not values and not had_issue:
            blank = row
            continue
        rows.append(RawRow(idx, values, formats))
        if len(rows) > MAX_ROWS:
            raise UserError(f"Trang “{title}” có hơn {num(MAX_ROWS)} dòng dữ liệu; mỗi lần chỉ nhập được tối đa "
                            f"{num(MAX_ROWS)} dòng. Hãy chia thành nhiều tệp.")
    if header_row is None:
        hint = ""
        if best is not None:
            hint = f" Dòng {best[0]} có vài cột của mẫu nhưng thiếu cột bắt buộc."
        raise UserError(f"Trang “{title}”: không tìm thấy dòng tiêu đề có {required_text} trong "
                        f"{HEADER_SEARCH_ROWS} dòng đầu.{hint} Hãy dùng tệp mẫu (lệnh “thidua template” "
                        "hoặc nút Tải tệp mẫu) và giữ nguyên tên cột.")
    return Table(title, header_row, columns, rows, issues, notices), formulas


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _cached_values(ws, table: Table, formulas: dict[tuple[int, str], int]) -> None:
    """Replace formula placeholders by the values Excel cached; a formula without one is an issue."""
    ws.reset_dimensions()
    by_number = {r.number: r for r in table.rows}
    wanted_rows = {row for row, _ in formulas}
    last = max(wanted_rows)
    for idx, row in enumerate(ws.iter_rows(max_row=last, max_col=MAX_COLUMNS), start=1):
        if idx not in wanted_rows:
            continue
        raw = by_number.get(idx)
        for (r, key), i in formulas.items():
            if r != idx or raw is None:
                continue
            cell = row[i] if i < len(row) else None
            value = getattr(cell, "value", None)
            formula = raw.values.pop(key).text
            if getattr(cell, "data_type", None) == "e":
                table.issues.append(CellIssue(idx, key, f"Công thức “{formula}” cho kết quả lỗi “{value}”; "
                                                        "hãy sửa trong Excel."))
            elif _is_blank(value):
                table.issues.append(CellIssue(
                    idx, key, f"Ô có công thức “{formula}” nhưng chưa có kết quả tính sẵn (Sổ thi đua không tự "
                              "tính công thức). Hãy mở tệp bằng Excel và lưu lại, hoặc thay công thức bằng giá trị "
                              "(Sao chép › Dán giá trị) rồi nhập."))
            else:
                raw.values[key] = value
                raw.formats[key] = getattr(cell, "number_format", None) or "General"
    for raw in table.rows:  # rows past the end of the cached pass (should not happen)
        for key in [k for k, v in raw.values.items() if isinstance(v, _Formula)]:
            raw.values.pop(key)
            table.issues.append(CellIssue(raw.number, key, "Không đọc được kết quả của công thức trong ô này."))


def _merged_ranges(ws) -> list[str]:
    """The sheet's merged ranges; read-only openpyxl does not keep them, so scan the part (via defusedxml)."""
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    get_source = getattr(ws, "_get_source", None)
    if get_source is None:
        return []
    # A cheap look first: most sheets have no merged cell, and parsing the XML again is not free.
    found = False
    tail = b""
    with get_source() as src:
        while chunk := src.read(1024 * 1024):
            if b"mergeCell" in tail + chunk:
                found = True
                break
            tail = chunk[-16:]
    if not found:
        return []
    merge_tag = f"{{{SHEET_MAIN_NS}}}mergeCell"
    row_tag = f"{{{SHEET_MAIN_NS}}}row"
    refs: list[str] = []
    with get_source() as src:
        for _, element in iterparse(src):
            if element.tag == merge_tag:
                ref = element.get("ref")
                if ref and len(refs) < MAX_MERGES:
                    refs.append(ref)
            elif element.tag == row_tag:
                element.clear()
    return refs


def _fill_merged(table: Table, refs: list[str]) -> None:
    """A range merged down a column gives its value to each non-blank row it covers."""
    from openpyxl.worksheet.cell_range import CellRange

    if not refs:
        return
    by_number = {r.number: r for r in table.rows}
    key_of = {i: key for key, (i, _) in table.columns.items()}
    told = 0
    for ref in refs:
        try:
            rng = CellRange(ref)
        except (ValueError, TypeError):
            continue
        key = key_of.get(rng.min_col - 1)
        if key is None or rng.max_row == rng.min_row or rng.min_row <= table.header_row:
            continue
        source = by_number.get(rng.min_row)
        if source is None or key not in source.values:
            continue
        filled = 0
        for number in range(rng.min_row + 1, min(rng.max_row, EXCEL_MAX_ROW) + 1):
            target = by_number.get(number)
            if target is not None and key not in target.values:
                target.values[key] = source.values[key]
                target.formats[key] = source.formats.get(key, "General")
                filled += 1
        if filled:
            told += 1
            if told <= 5:
                value = source.values[key]
                shown = value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else clean(str(value))[:60]
                table.notices.append(f"Ô gộp {ref} (cột “{table.header(key)}”): giá trị “{shown}” được dùng cho "
                                     f"các dòng {rng.min_row}–{rng.max_row}.")
    if told > 5:
        table.notices.append(f"… và {told - 5} vùng ô gộp khác được hiểu theo cùng cách.")
