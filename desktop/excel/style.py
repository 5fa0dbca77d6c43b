"""The look shared by every workbook the app writes, and the atomic save.

A list the unit prints or sends (the ledger, the list of nominations) is one
sheet: an administrative title block (governing body and unit at the top left,
optionally the national motto at the top right, the title, sub-titles and a
date line), then a bordered table with a repeated header row, in Times New Roman,
A4, fitted to the page width.

:func:`write_table_workbook` builds such a sheet from plain values, so an export
is a thin caller::

    write_table_workbook(
        path,
        TitleBlock("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", agency=[body, unit], motto=True,
                   subtitles=["(Kèm theo Tờ trình số … ngày …)"]),
        [Column("STT", 6, "center"), Column("Họ và tên", 26), ...],
        [("I. Bằng khen của Chủ tịch UBND tỉnh", rows), ("II. Giấy khen ...", rows)],
        signatures=[Signature("NGƯỜI LẬP BIỂU", clerk), Signature("GIÁM ĐỐC", head)],
    )

Every file is written by :func:`save_atomically`: to a temporary file in the
target folder, then renamed over the target, so a failure (disk full, no
permission, a bug) never leaves a partial workbook behind.
"""
from __future__ import annotations

import contextlib
import copy
import datetime as dt
import errno
import math
import os
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.errors import UserError, os_reason
from desktop.files import atomic_write
from desktop.text import name_sort_key

FONT_NAME = "Times New Roman"
FONT_SIZE = 12
TITLE_SIZE = 14
DATE_FORMAT = "dd/mm/yyyy"
MAX_CELL_CHARS = 32_767  # Excel's own limit
NATIONAL_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")


def font(*, bold: bool = False, italic: bool = False, size: float = FONT_SIZE, color: str | None = None) -> Font:
    """Times New Roman at the given size (the font of Vietnamese administrative documents)."""
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic, color=color)


@dataclass(frozen=True)
class Column:
    """A table column: header text, width in Excel units (about one digit each) and alignment."""

    header: str
    width: float = 15
    align: str = "left"                 # "left", "center" or "right"
    number_format: str | None = None    # dates get dd/mm/yyyy without asking


def subject_columns(name_width: float, where_width: float) -> list[Column]:
    """The first columns of a list of collectives and people: STT, the name, then position and workplace."""
    return [Column("STT", 6, "center"), Column("Họ và tên / Tên tập thể", name_width),
            Column("Chức vụ, đơn vị công tác", where_width)]


@dataclass(frozen=True)
class Signature:
    """A signature block under the table: the title (``GIÁM ĐỐC``) and the signer's name."""

    title: str
    name: str = ""
    note: str = ""                      # e.g. "(Ký, ghi rõ họ tên)"


@dataclass
class TitleBlock:
    """The heading of a printed list.

    ``agency`` lines go to the top left (governing body, then the unit in bold);
    ``motto`` adds the national motto at the top right; ``subtitles`` are centred
    in italics under the title; ``date_line`` is right-aligned in italics
    (``Hà Tĩnh, ngày 05 tháng 3 năm 2025`` or ``Ngày xuất: 05/03/2025``).
    """

    title: str
    agency: Sequence[str] = ()
    motto: bool = False
    subtitles: Sequence[str] = ()
    date_line: str = ""


@dataclass
class TableLayout:
    """Where things landed in a sheet written by :func:`write_table_workbook` (1-based rows)."""

    header_row: int
    first_data_row: int
    last_row: int
    data_rows: int
    group_rows: list[int] = field(default_factory=list)


# -- paths and the atomic save -------------------------------------------------------------------

def xlsx_path(path: str | os.PathLike[str]) -> Path:
    """``path`` as an .xlsx target: the suffix is added when missing, another suffix is refused."""
    path = Path(path).expanduser()
    if path.suffix == "":
        return path.with_name(path.name + ".xlsx")
    if path.suffix.lower() != ".xlsx":
        raise UserError(f"Tệp xuất phải có đuôi .xlsx (Sổ làm việc Excel), không phải “{path.suffix}”.")
    return path


def _write_error(exc: OSError, target: Path) -> UserError:
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return UserError(f"Ổ đĩa đã đầy nên chưa lưu được tệp “{target.name}”. "
                         "Hãy giải phóng dung lượng hoặc chọn ổ đĩa khác rồi thử lại.")
    if code == errno.EROFS:
        return UserError(f"Thư mục {target.parent} chỉ cho phép đọc; hãy chọn thư mục khác.")
    if code in (errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
        return UserError(f"Không ghi được tệp “{target.name}”: không có quyền ghi vào thư mục, "
                         "hoặc tệp đang mở trong Excel. Hãy đóng tệp hoặc chọn thư mục khác rồi thử lại.")
    return UserError(f"Không ghi được tệp “{target.name}”: {os_reason(exc)}.")


def save_atomically(workbook: Workbook, path: str | os.PathLike[str], *, overwrite: bool | None = None) -> Path:
    """Save ``workbook`` to ``path`` through :func:`desktop.files.atomic_write` (a ``.part`` file, then a rename).

    On any failure the temporary file is removed and ``path`` is left as it was
    (absent, or the previous file); an :class:`OSError` becomes a Vietnamese
    :class:`UserError` (disk full, no permission, file open in Excel).
    """
    target = Path(path).expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    try:
        if target.is_dir():
            raise UserError(f"“{target}” là một thư mục; hãy chọn tên tệp .xlsx.")
        if not folder.is_dir():
            raise UserError(f"Không có thư mục {folder}; hãy chọn thư mục khác.")
        with atomic_write(target, overwrite=overwrite) as tmp, open(tmp, "wb") as fh:
            _save_workbook(workbook, fh)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException as exc:
        _discard(workbook)
        if isinstance(exc, OSError):
            raise _write_error(exc, target) from None
        raise
    return target


def _save_workbook(workbook: Workbook, fh) -> None:
    """``Workbook.save`` into an open file, which on failure leaves no half-open ZIP behind.

    openpyxl leaves its ZipFile open when writing fails (a full disk); once the
    file is closed, that ZipFile's finaliser prints a "seek of closed file"
    traceback. Detaching the file first lets the failure end cleanly.
    """
    if workbook.read_only:
        raise TypeError("Workbook is read-only")
    if workbook.write_only and not workbook.worksheets:
        workbook.create_sheet()
    archive = zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    try:
        workbook.properties.modified = dt.datetime.now(tz=dt.timezone.utc).replace(tzinfo=None)
        ExcelWriter(workbook, archive).save()
    except BaseException:
        archive.fp = None  # the file is being discarded: nothing more to write into it
        raise


def _discard(workbook: Workbook) -> None:
    """After a failed save, finish and remove a write-only workbook's scratch files now, not at exit."""
    if not getattr(workbook, "write_only", False):
        return
    for ws in workbook.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        if not getattr(ws, "closed", True):
            with contextlib.suppress(Exception):  # best effort; the real error is being raised
                ws.close()
        with contextlib.suppress(OSError, TypeError):
            os.remove(writer.out)


# -- cells -------------------------------------------------------------------------------------------

def cell_value(value: Any) -> Any:
    """A value safe to put in a cell: text without characters XML forbids, cut to Excel's limit."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return value[:MAX_CELL_CHARS]
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, (dt.date, int, float)) or value is None:
        return value
    return cell_value(str(value))


def styled_cell(ws, value: Any, *, cell_font: Font | None = None, alignment: Alignment | None = None,
                border: Border | None = None, fill: PatternFill | None = None,
                number_format: str | None = None) -> WriteOnlyCell:
    """A write-only cell; text that starts with ``=`` stays text (never a formula)."""
    value = cell_value(value)
    c = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and c.data_type == "f":
        c.data_type = "s"  # a title such as "=HYPERLINK(...)" typed by someone must not run in Excel
    c.font = cell_font or font()
    if alignment is not None:
        c.alignment = alignment
    if border is not None:
        c.border = border
    if fill is not None:
        c.fill = fill
    if number_format:
        c.number_format = number_format
    elif isinstance(value, (dt.date, dt.datetime)):
        c.number_format = DATE_FORMAT
    return c


class _Protos:
    """Cells styled once per kind; each data cell copies the prototype's style indices.

    Assigning a font, border and alignment to every cell hashes those objects
    each time, which dominates the time of a long export.
    """

    def __init__(self, ws):
        self.ws = ws
        self._protos: dict[Any, Any] = {}

    def cell(self, key: Any, value: Any, **style: Any) -> WriteOnlyCell:
        proto = self._protos.get(key)
        if proto is None:
            proto = self._protos[key] = styled_cell(self.ws, None, **style)
        value = cell_value(value)
        c = WriteOnlyCell(self.ws, value=value)
        if isinstance(value, str) and c.data_type == "f":
            c.data_type = "s"
        c._style = copy.copy(proto._style)
        return c


def setup_print(ws, *, landscape: bool = True, title_rows: tuple[int, int] | None = None,
                freeze: str | None = None) -> None:
    """A4, landscape or portrait, fitted to one page wide, header rows repeated on every page."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = "Trang &P/&N"
    ws.oddFooter.center.font = f"{FONT_NAME},Regular"
    ws.oddFooter.center.size = 10
    if title_rows:
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
    if freeze:
        ws.freeze_panes = freeze


def sheet_title(name: str) -> str:
    """A valid sheet name: no ``[]:*?/\\``, at most 31 characters."""
    for ch in "[]:*?/\\":
        name = name.replace(ch, " ")
    return (name.strip() or "Trang 1")[:31]


def _lines(text: str, width_chars: float) -> int:
    per_line = max(8.0, width_chars)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in (text.split("\n") or [""]))


def _row_height(text: str, width_units: float, size: float) -> float:
    # One width unit holds about one character of 11-point text; scale for bigger type.
    chars = width_units * 11.0 / size * 1.05
    return round(_lines(text, chars) * size * 1.4 + 3, 1)


def by_name(rows: Iterable[Any], name: Any) -> list[Any]:
    """``rows`` sorted the Vietnamese way by person name (given name, middle, family).

    ``name`` is a function of a row or the index of the name in each row.
    """
    get = name if callable(name) else (lambda r: r[name])
    return sorted(rows, key=lambda r: name_sort_key(str(get(r) or "")))


# -- the table sheet -----------------------------------------------------------------------------------

GroupedRows = Mapping[str | None, Sequence[Sequence[Any]]] | Iterable[tuple[str | None, Sequence[Sequence[Any]]]]


def _groups(rows_by_group: GroupedRows) -> list[tuple[str | None, Sequence[Sequence[Any]]]]:
    if isinstance(rows_by_group, Mapping):
        return list(rows_by_group.items())
    return [(label, rows) for label, rows in rows_by_group]


def write_table_workbook(path: str | os.PathLike[str], title: TitleBlock | Sequence[str],
                         columns: Sequence[Column | str], rows_by_group: GroupedRows, *,
                         landscape: bool = True, sheet_name: str = "Danh sách",
                         signatures: Sequence[Signature] = (), empty_text: str = "(Không có dữ liệu)",
                         ) -> TableLayout:
    """Write one printable table sheet to ``path`` (atomically) and say where its parts are.

    ``title`` is a :class:`TitleBlock`, or plain lines (the first is the title,
    the others sub-titles). ``rows_by_group`` is a mapping or a sequence of
    ``(label, rows)``; a ``None`` label writes the rows without a group line.
    A column given as plain text is ``Column(text)`` (width 15, left-aligned).
    Each row holds one value per column (text, number, date or ``None``); the
    caller numbers and orders them (see :func:`by_name`). Written in openpyxl's
    write-only mode, so a long ledger does not need the whole sheet in memory.
    """
    columns = [c if isinstance(c, Column) else Column(str(c)) for c in columns]
    if not columns:
        raise ValueError("a table needs at least one column")
    if not isinstance(title, TitleBlock):
        lines = list(title)
        title = TitleBlock(lines[0] if lines else "", subtitles=lines[1:])
    wb = Workbook(write_only=True)
    try:
        layout = _write_table(wb, title, columns, rows_by_group, landscape=landscape, sheet_name=sheet_name,
                              signatures=signatures, empty_text=empty_text)
    except BaseException:
        _discard(wb)
        raise
    save_atomically(wb, path)
    return layout


def _write_table(wb: Workbook, title: TitleBlock, columns: Sequence[Column], rows_by_group: GroupedRows, *,
                 landscape: bool, sheet_name: str, signatures: Sequence[Signature], empty_text: str) -> TableLayout:
    n = len(columns)
    widths = [c.width for c in columns]
    total = sum(widths)
    left_cols = n
    if n >= 2 and title.motto:
        acc = 0.0
        for i, w in enumerate(widths, 1):
            acc += w
            if acc >= total * 0.4:
                left_cols = min(i, n - 1)
                break
    last = get_column_letter(n)

    ws = wb.create_sheet(sheet_title(sheet_name))
    for i, col in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = col.width

    # Rows of the heading: each a list of (first column, last column, text, font, alignment).
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    heading: list[tuple[list[tuple[int, int, str, Font, Alignment]], float | None]] = []
    top = max(len(title.agency), len(NATIONAL_MOTTO) if title.motto else 0)
    agency_span = left_cols if title.motto else max(1, min(n, math.ceil(n / 2) if n > 2 else n))
    agency_width = sum(widths[:agency_span])
    for i in range(top):
        segs = []
        height = None
        if i < len(title.agency):
            text = title.agency[i].upper()
            bold = i == len(title.agency) - 1
            segs.append((1, agency_span, text, font(bold=bold), center))
            height = _row_height(text, agency_width, FONT_SIZE)
        if title.motto and i < len(NATIONAL_MOTTO) and n >= 2:  # a one-column table has no room for it
            text = NATIONAL_MOTTO[i]
            segs.append((left_cols + 1, n, text, font(bold=True), center))
            height = max(height or 0, _row_height(text, total - sum(widths[:left_cols]), FONT_SIZE))
        heading.append((segs, height))
    if top:
        heading.append(([], None))
    if title.title:
        heading.append(([(1, n, title.title, font(bold=True, size=TITLE_SIZE), center)],
                        _row_height(title.title, total, TITLE_SIZE)))
    for line in title.subtitles:
        heading.append(([(1, n, line, font(italic=True), center)], _row_height(line, total, FONT_SIZE)))
    if title.date_line:
        right = Alignment(horizontal="right", vertical="center")
        heading.append(([(1, n, title.date_line, font(italic=True), right)], None))
    heading.append(([], None))

    header_row = len(heading) + 1
    header_height = max(_row_height(c.header, c.width, FONT_SIZE) for c in columns)
    for r, (_, height) in enumerate(heading, 1):
        if height:
            ws.row_dimensions[r].height = height
    ws.row_dimensions[header_row].height = header_height
    setup_print(ws, landscape=landscape, title_rows=(header_row, header_row), freeze=f"A{header_row + 1}")

    for r, (segs, _) in enumerate(heading, 1):
        cells: list[Any] = [None] * n
        for first, end, text, f, align in segs:
            cells[first - 1] = styled_cell(ws, text, cell_font=f, alignment=align)
            if end > first:
                ws.merged_cells.add(f"{get_column_letter(first)}{r}:{get_column_letter(end)}{r}")
        ws.append(cells)

    header_align = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.append([styled_cell(ws, c.header, cell_font=font(bold=True), alignment=header_align, border=BORDER,
                           fill=HEADER_FILL) for c in columns])

    aligns = [Alignment(horizontal=c.align, vertical="top", wrap_text=True) for c in columns]
    body_font = font()
    body = _Protos(ws)
    row_no = header_row
    data_rows = 0
    group_rows: list[int] = []
    for label, rows in _groups(rows_by_group):
        if label is not None:
            row_no += 1
            group_rows.append(row_no)
            ws.append([styled_cell(ws, label if i == 0 else None, cell_font=font(bold=True),
                                   alignment=Alignment(horizontal="left", vertical="center", wrap_text=True),
                                   border=BORDER, fill=GROUP_FILL) for i in range(n)])
            if n > 1:
                ws.merged_cells.add(f"A{row_no}:{last}{row_no}")
        for values in rows:
            values = list(values)
            if len(values) != n:
                raise ValueError(f"row has {len(values)} values for {n} columns")
            row_no += 1
            data_rows += 1
            ws.append([body.cell((i, isinstance(v, dt.date)), v, cell_font=body_font, alignment=aligns[i],
                                 border=BORDER, number_format=columns[i].number_format
                                 or (DATE_FORMAT if isinstance(v, dt.date) else None))
                       for i, v in enumerate(values)])
    if data_rows == 0 and empty_text:
        row_no += 1
        ws.append([styled_cell(ws, empty_text if i == 0 else None, cell_font=font(italic=True),
                               alignment=Alignment(horizontal="center"), border=BORDER) for i in range(n)])
        if n > 1:
            ws.merged_cells.add(f"A{row_no}:{last}{row_no}")

    if signatures:
        ws.append([])
        row_no += 1
        spans = _spans(n, len(signatures))
        blocks = []
        for sig in signatures:
            block = [(sig.title, font(bold=True))]
            if sig.note:
                block.append((sig.note, font(italic=True)))
            block += [("", None)] * 3 + [(sig.name, font(bold=True))]
            blocks.append(block)
        height = max(len(b) for b in blocks)
        for i in range(height):
            row_no += 1
            cells: list[Any] = [None] * n
            for (first, end), block in zip(spans, blocks):
                # The names line up on the last row even when only one block has a note.
                j = i if i < len(block) - 1 else len(block) - 1 if i == height - 1 else None
                if j is None or not block[j][0]:
                    continue
                text, f = block[j]
                cells[first - 1] = styled_cell(ws, text, cell_font=f, alignment=center)
                if end > first:
                    ws.merged_cells.add(f"{get_column_letter(first)}{row_no}:{get_column_letter(end)}{row_no}")
            ws.append(cells)

    return TableLayout(header_row, header_row + 1, row_no, data_rows, group_rows)


def _spans(n: int, parts: int) -> list[tuple[int, int]]:
    """Split columns 1..n into ``parts`` side-by-side ranges (the last one takes the rest)."""
    parts = max(1, min(parts, n))
    size = n // parts
    spans = []
    start = 1
    for i in range(parts):
        end = n if i == parts - 1 else start + size - 1
        spans.append((start, end))
        start = end + 1
    return spans
