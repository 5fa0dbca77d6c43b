"""From raw text to clean lines: Markdown, tables and page columns undone.

Plans reach the importer as text converted from Word or PDF by whatever tool
the clerk had: Markdown marks (``#``, ``**``, ``*``, escaped ``\\-``), pipe or
grid tables, HTML tags (``<br>``, ``<sup>``), pandoc footnotes (``[^1]``),
page numbers, and the two-column layout blocks of NĐ 30/2020 (agency | Quốc
hiệu at the top, Nơi nhận | signature at the bottom) either as tables or as
text columns separated by wide gaps. This module turns all of that into a list
of :class:`Line` objects whose text is plain, with the two columns of a layout
block put one after the other (left column first), so the rules in the other
modules see each column's lines in reading order. Every character keeps its
source offset (:mod:`desktop.campaigns.plans.piece`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.campaigns.plans.piece import Piece, offsets

# -- characters ---------------------------------------------------------------

_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
_ODD_SPACE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_ENTITY = re.compile(r"&(nbsp|amp|lt|gt|quot|apos|#\d{1,5});")
_ENTITIES = {"nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}

# -- Markdown and HTML --------------------------------------------------------

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_SUP_REF = re.compile(r"<sup>\s*\[?\^?([0-9a-zA-Z*]{1,6})\]?\s*</sup>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>]{0,200})?/?>")
_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)")
_LINK = re.compile(r"(?<!\^)\[([^\]\n^][^\]\n]{0,300})\]\([^)\n]{0,500}\)")
_MD_REF = re.compile(r"\[\^([^\]\s]{1,10})\]")
_PANDOC_SUP = re.compile(r"\^(\d{1,3})\^")
_UNICODE_SUP = re.compile(r"(?<=[^\W\d_]|[.,;:)”\"])[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_SUP_DIGITS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_STARS = re.compile(r"\*+|~~")
_UNDERSCORES = re.compile(r"_+")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})(?:\s+|$)")
_HEADING_TAIL = re.compile(r"\s+#+\s*$")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_BULLET = re.compile(r"^\s*([-+•–—●○▪■□◦‣⁃∙])\s*(?=[^\s\-–—])|^\s*(\*)\s+(?=\S)")
_RULE_LEAD = frozenset("-*_=~+")
_BULLET_LEAD = frozenset("-+•–—●○▪■□◦‣⁃∙*")
_FOOTNOTE_DEF = re.compile(r"^\s*\[\^([^\]\s]{1,10})\]:\s?")
_RULE = re.compile(r"^\s*(?:([-*_=~+])\s*\1(?:\s*\1)+|(?:-{3,}\s+)+-{3,})\s*$")
_GRID_BORDER = re.compile(r"^\s*\+[-=:+\s]*\+\s*$")
_PIPE_SEPARATOR = re.compile(r"^[\s|:\-+=]*$")
_PAGE_NUMBER = re.compile(r"^(?:[-–]\s*)?(?:Trang\s+)?\d{1,3}(?:\s*[-–])?$|^Trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?$")
_CELL_GAP = re.compile(r"\t+|\s{4,}")
# A character that one of the inline rules below can act on; a line without any is only squeezed.
_INLINE_WORK = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad\u00a0\u2000-\u200a\u202f\u205f\u3000<&\\[!^"
                          "¹²³⁴⁵⁶⁷⁸⁹⁰\\\\*~_]")


@dataclass(slots=True)
class Line:
    """One line of cleaned text.

    ``cells`` holds the parts of a line that the source laid out as separate
    columns (a wide gap, a tab, or the cells of a data-table row); ``text`` is
    the cells joined by one space.
    """

    text: Piece
    cells: list[Piece]
    heading: bool = False
    bullet: str | None = None
    refs: tuple[tuple[str, int], ...] = ()  # footnote label and source offset of its mark
    blank_before: bool = False
    table: int | None = None
    row: int | None = None
    index: int = 0
    # What :func:`desktop.campaigns.plans.blocks.mark_of` found on this line, kept: the block rules ask more than once.
    mark: tuple[int | None, str | None, int] | None = field(default=None, compare=False, repr=False)


@dataclass
class Source:
    """The cleaned lines of a document and its footnotes (label → text)."""

    text: str
    lines: list[Line]
    footnotes: dict[str, Piece] = field(default_factory=dict)


# -- entry point --------------------------------------------------------------

def read_source(text: str) -> Source:
    """Clean ``text`` into lines; ``text`` is the source the offsets point into."""
    raw = _raw_lines(text)
    footnotes: dict[str, Piece] = {}
    entries: list[_Entry] = []
    i = 0
    table_no = 0
    while i < len(raw):
        piece = raw[i]
        if _is_table_line(piece.text):
            j = i
            while j < len(raw) and _is_table_line(raw[j].text):
                j += 1
            table_no += 1
            entries.extend(_table_entries(raw[i:j], table_no))
            i = j
            continue
        note = _FOOTNOTE_DEF.match(piece.text) if "[^" in piece.text else None
        if note:
            body = [piece[note.end():]]
            j = i + 1
            # Pandoc indents the continuation lines of a footnote.
            while j < len(raw) and raw[j].text.startswith(("    ", "\t")) and raw[j].text.strip():
                body.append(raw[j])
                j += 1
            footnotes[note.group(1)] = _clean_inline(Piece.join(body, " "), [])
            entries.append(_Entry(Piece.empty()))
            i = j
            continue
        text = piece.text
        # A gap is a tab or four white spaces; printable text has only " " for white space, so it needs "    ".
        if ("    " in text or not text.isprintable()) and _CELL_GAP.search(text.strip()):
            j = i
            while j < len(raw) and raw[j].text.strip() and not _is_table_line(raw[j].text):
                j += 1
            entries.extend(_layout_entries(raw[i:j]))
            i = max(j, i + 1)
            continue
        entries.append(_Entry(piece))
        i += 1

    lines: list[Line] = []
    blank = False
    for entry in entries:
        line = _clean_entry(entry)
        if line is None:
            blank = True
            continue
        line.blank_before = blank
        line.index = len(lines)
        lines.append(line)
        blank = False
    return Source(text, lines, footnotes)


# -- raw lines and layout -----------------------------------------------------

@dataclass(slots=True)
class _Entry:
    piece: Piece
    cells: list[Piece] | None = None
    table: int | None = None
    row: int | None = None
    layout: bool = False  # a cell of a layout table: a page number rule does not apply


def _raw_lines(text: str) -> list[Piece]:
    out = []
    start = 0
    every = offsets(range(len(text)))  # one array for the text, sliced per line (a copy in C)
    for line in text.split("\n"):
        out.append(Piece(line, every[start:start + len(line)]))
        start += len(line) + 1
    return out


def _is_table_line(text: str) -> bool:
    if text.lstrip()[:1] not in ("+", "|"):
        return False  # neither a grid border nor a pipe row: the common line
    stripped = text.strip()
    if _GRID_BORDER.match(stripped) and stripped.count("+") >= 2:
        return True
    return stripped.startswith("|") and stripped.count("|") >= 2


def _split_pipes(piece: Piece) -> list[Piece]:
    """The cells of a pipe-table row (escaped ``\\|`` kept as text)."""
    text = piece.text
    cells, start = [], 0
    for k, ch in enumerate(text):
        if ch == "|" and (k == 0 or text[k - 1] != "\\"):
            cells.append(piece[start:k])
            start = k + 1
    cells.append(piece[start:])
    stripped = text.strip()
    if stripped.startswith("|"):
        cells = cells[1:]
    if stripped.endswith("|") and cells:
        cells = cells[:-1]
    return cells


def _table_entries(rows: list[Piece], table_no: int) -> list[_Entry]:
    """Entries of a pipe or grid table.

    A table with at most two filled columns is a layout block (header or
    signature); its columns are read one after the other, each top to bottom,
    which is also right for converters that write one table row per visual
    line. A wider table is data: one entry per row, cells kept apart.
    """
    grid: list[list[Piece]] = []
    for row in rows:
        if _GRID_BORDER.match(row.text.strip()) or _PIPE_SEPARATOR.match(row.text):
            continue
        grid.append(_split_pipes(row))
    if not grid:
        return []
    widest = max(sum(1 for c in r if c.text.strip()) for r in grid)
    if widest <= 2 or len(grid) < 2:
        entries: list[_Entry] = []
        width = max(len(r) for r in grid)
        for col in range(width):
            for row_cells in grid:
                if col < len(row_cells):
                    for part in _split_br(row_cells[col]):
                        entries.append(_Entry(part, layout=True))
        return entries
    return [_Entry(Piece.join(cells, " "), cells=cells, table=table_no, row=k)
            for k, cells in enumerate(grid)]


def _split_br(piece: Piece) -> list[Piece]:
    parts, pos = [], 0
    for m in _BR.finditer(piece.text):
        parts.append(piece[pos:m.start()])
        pos = m.end()
    parts.append(piece[pos:])
    return parts


def _cells_with_columns(piece: Piece) -> list[tuple[int, Piece]]:
    """Parts of a line split at tabs and wide gaps, with their start column."""
    out = []
    pos = 0
    for m in _CELL_GAP.finditer(piece.text):
        if m.start() > pos:
            out.append((pos, piece[pos:m.start()]))
        pos = m.end()
    if pos < len(piece.text):
        out.append((pos, piece[pos:]))
    return [(col, cell) for col, cell in out if cell.text.strip()]


def _layout_entries(rows: list[Piece]) -> list[_Entry]:
    """Put back in order a run of text lines laid out in two columns.

    PDF-to-text tools print the header and the signature block of a document
    side by side ("Số: 12/KH-STP        Hà Tĩnh, ngày …"). When every split line
    of the run has two parts and the right parts start at about the same
    column, the run is a two-column block: its left column is emitted first,
    then its right column. Otherwise (a justified body line with a wide gap)
    each line stays as it is, its parts kept as cells.
    """
    split = [_cells_with_columns(r) for r in rows]
    multi = [s for s in split if len(s) >= 2]
    starts = [s[1][0] for s in multi]
    columnar = (
        len(multi) >= 2 and all(len(s) == 2 for s in multi)
        and max(starts) - min(starts) <= 8 and min(starts) >= 12
    )
    if columnar:
        # A line across both columns (a body line) means this is not a two-column block.
        boundary = min(starts)
        for s in split:
            if len(s) == 1:
                col, cell = s[0]
                if col < boundary - 8 and col + len(cell.text.rstrip()) > boundary:
                    columnar = False
    if not columnar:
        return [_Entry(r, cells=[c for _, c in s] or [r]) for r, s in zip(rows, split)]
    left: list[_Entry] = []
    right: list[_Entry] = []
    for s in split:
        for col, cell in s:
            (right if col >= boundary - 8 else left).append(_Entry(cell, layout=True))
    return left + right


# -- cleaning one entry -------------------------------------------------------

def _keep(piece: Piece, pattern: re.Pattern[str], group: int = 1) -> Piece:
    """Replace each match of ``pattern`` by its ``group``, offsets kept."""
    return piece.sub(pattern, lambda m: piece.group(m, group))


def _clean_entry(entry: _Entry) -> Line | None:
    cells = list(entry.cells) if entry.cells else [entry.piece]
    first = cells[0]
    if _INLINE_WORK.search(first.text):
        first = _keep(first.sub(_INVISIBLE, "").sub(_ODD_SPACE, " "), _ESCAPE)
    lead = first.text.lstrip()[:1]
    if not lead and len(cells) == 1:
        return None
    # The patterns below all begin with one of a few characters: a line starting otherwise skips them.
    if lead in _RULE_LEAD and _RULE.match(first.text) and len(cells) == 1:
        return None
    heading = False
    m = _HEADING.match(first.text) if lead == "#" else None
    if m:
        heading = True
        first = first[m.end():].sub(_HEADING_TAIL, "")
        lead = first.text.lstrip()[:1]
    m = _QUOTE.match(first.text) if lead == ">" else None
    if m:
        first = first[m.end():]
        lead = first.text.lstrip()[:1]
    bullet = None
    m = _BULLET.match(first.text) if lead in _BULLET_LEAD else None
    if m:
        bullet = m.group(1) or m.group(2)
        if bullet in "–—":
            bullet = "-"
        first = first[m.end():]
    refs: list[tuple[str, int]] = []
    cleaned = [_clean_inline(first, refs)] + [_clean_inline(c, refs) for c in cells[1:]]
    filled = [c for c in cleaned if c.text]
    if not filled:
        return None
    # Data-table cells stay apart in the text too ("|"), so a phrase never runs into the next cell.
    text = Piece.join(filled, " " if entry.table is None else " | ")
    if entry.table is None:
        cleaned = filled  # data-table rows keep empty cells so that columns line up
    if entry.table is None and not entry.layout and not bullet and len(text) <= 24 and _PAGE_NUMBER.match(text.text):
        return None
    return Line(text=text, cells=cleaned, heading=heading, bullet=bullet, refs=tuple(refs),
                table=entry.table, row=entry.row)


def _clean_inline(piece: Piece, refs: list[tuple[str, int]]) -> Piece:
    """Strip inline Markdown and HTML from one cell.

    Footnote marks are removed from the text and recorded in ``refs`` as
    (label, source offset of the mark), so that a list item cut out of the
    line later can still tell whether the mark was inside it.
    """

    def keep_ref(m: re.Match[str]) -> str:
        label = m.group(1) if m.lastindex else m.group(0)
        # ``piece`` is still the text being substituted while ``sub`` runs.
        refs.append((label.translate(_SUP_DIGITS), piece.origin[m.start()]))
        return ""

    def entity(m: re.Match[str]) -> str:
        name = m.group(1)
        if name.startswith("#"):
            code = int(name[1:])
            return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else ""
        return _ENTITIES[name]

    if not _INLINE_WORK.search(piece.text):
        return piece.squeeze()  # plain text: the common line of a long plan
    piece = piece.sub(_INVISIBLE, "").sub(_ODD_SPACE, " ")
    piece = piece.sub(_SUP_REF, keep_ref)
    piece = piece.sub(_BR, " ")
    piece = piece.sub(_TAG, "")
    piece = piece.sub(_ENTITY, entity)
    piece = piece.sub(_IMAGE, "")
    piece = _keep(piece, _LINK)
    piece = piece.sub(_MD_REF, keep_ref)
    piece = piece.sub(_PANDOC_SUP, keep_ref)
    piece = piece.sub(_UNICODE_SUP, keep_ref)
    piece = _keep(piece, _ESCAPE)
    piece = piece.sub(_STARS, "")
    piece = piece.sub(_UNDERSCORES, _underscore)
    return piece.squeeze()


def _underscore(m: re.Match[str]) -> str:
    """Underscores between two letters stay (``file_name``); others are blanks or emphasis."""
    text = m.string
    before = text[m.start() - 1] if m.start() > 0 else " "
    after = text[m.end()] if m.end() < len(text) else " "
    if before.isalnum() and after.isalnum():
        return m.group(0)
    return " "
