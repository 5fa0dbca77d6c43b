"""The header of a document laid out by NĐ 30/2020 (Phụ lục I).

Top left: the agency and "Số: 205/KH-STP"; top right: the Quốc hiệu, the
Tiêu ngữ and "Hà Tĩnh, ngày 28 tháng 7 năm 2025"; centred below: the type
heading (KẾ HOẠCH, HƯỚNG DẪN …) and the summary line (trích yếu). A letter
(công văn) has no type heading; its summary is the "V/v …" line under the
number. Conversions may print the two columns one after the other or mixed on
the same lines, and blanks are common before signing ("Số:   /KH-STP",
"ngày   tháng 7 năm 2025"). The rules below therefore search the top of the
document by pattern rather than by line position.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from desktop.campaigns.plans.blocks import LEVEL_HEADING, LEVEL_PART, LEVEL_ROMAN, is_upper, mark_of
from desktop.campaigns.plans.dates import BLANK, make, number
from desktop.campaigns.plans.document import Document
from desktop.campaigns.plans.issuer import read_issuer
from desktop.campaigns.plans.model import Heading
from desktop.campaigns.plans.phrases import any_of
from desktop.campaigns.plans.piece import Piece, Span

# Document types in the order they are tried (longer names first).
KINDS = [
    "KẾ HOẠCH", "HƯỚNG DẪN", "THÔNG BÁO", "CÔNG VĂN", "QUYẾT ĐỊNH", "CHỈ THỊ",
    "CHƯƠNG TRÌNH", "NGHỊ QUYẾT", "THÔNG TRI", "BÁO CÁO", "TỜ TRÌNH", "PHƯƠNG ÁN",
    "ĐỀ ÁN", "DỰ ÁN", "QUY CHẾ", "QUY ĐỊNH", "THỂ LỆ", "ĐIỀU LỆ", "LỜI KÊU GỌI",
    "THƯ KÊU GỌI", "THƯ NGỎ", "CÔNG ĐIỆN", "GIẤY MỜI", "BIÊN BẢN", "THÔNG CÁO",
]
# Type abbreviations of NĐ 30/2020 Phụ lục III, used when the heading is missing.
ABBREVIATIONS = {
    "KH": "Kế hoạch", "HD": "Hướng dẫn", "TB": "Thông báo", "QĐ": "Quyết định",
    "CT": "Chỉ thị", "CTR": "Chương trình", "NQ": "Nghị quyết", "BC": "Báo cáo",
    "TTR": "Tờ trình", "PA": "Phương án", "ĐA": "Đề án", "QC": "Quy chế",
    "QYĐ": "Quy định", "CĐ": "Công điện", "GM": "Giấy mời", "BB": "Biên bản",
    "TC": "Thông cáo", "TT": "Thông tri",
}
# Words that never continue a wrapped summary line: the body has started.
_BODY_START = re.compile(
    r"^(?:Căn cứ|Thực hiện|Kính gửi|Kính gởi|Kính trình|Nhằm\s|Để\s|Theo\s|Trên cơ sở|Hưởng ứng"
    r"|Ngày\s+\d|Tiếp tục|Qua\s|Nhân dịp|Hiện nay|Trong\s|Sau\s|Với\s)"
)
_NEVER_TITLE = re.compile(r"^(?:Căn cứ|Kính gửi|Kính gởi|Kính trình|Nơi nhận)")
_NUMBER = re.compile(
    r"(?:^|(?<=\s))Số\s*(?P<colon>[:.])?[ \t]*(?P<head>\d[\w.\-]*?)?[ \t.…_]*/[ \t]*"
    r"(?P<tail>[A-ZĐ0-9][\w&.\-]*(?:[ \t]*/[ \t]*[A-ZĐ0-9][\w&.\-]*)*)",
    re.MULTILINE,
)
_DATE = re.compile(
    r"(?P<place>[^\n,;:]{0,80}?)[ \t]*,[ \t]*\n?[ \t]*[Nn]gày(?![^\W\d_])[ \t]*(?P<d>\d{1,2})?" + BLANK
    + r"(?:[Tt]háng[ \t]*(?P<m>\d{1,2})?" + BLANK + r"[Nn]ăm[ \t]*\n?[ \t]*(?P<y>\d{4})?"
    r"|[/.\-][ \t]*(?P<m2>\d{1,2})[ \t]*[/.\-][ \t]*(?P<y2>\d{4}))"
)
_BARE_DATE = re.compile(
    r"^(?P<place>)[ \t]*[Nn]gày[ \t]*(?P<d>\d{1,2})?" + BLANK
    + r"[Tt]háng[ \t]*(?P<m>\d{1,2})?" + BLANK + r"[Nn]ăm[ \t]*(?P<y>\d{4})(?P<m2>)(?P<y2>)[ \t]*$",
    re.MULTILINE,
)
_VV = re.compile(r"(?:^|(?<=\s))(?:V/[vV]|v/v|V\.v|Về việc)\b[ \t]*[:.]?[ \t]*")
_NATIONAL = re.compile(
    any_of("C[ỘO]NG H[ÒOÀ][AÀ]? X[ÃA] H[ỘO]I CH[ỦU] NGH[ĨI]A VI[ỆE]T NAM", r"Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc",
           "ĐẢNG CỘNG SẢN VIỆT NAM"),
    re.IGNORECASE,
)
_PLACE_PREFIX = {"thành phố", "thị xã", "thị trấn", "huyện", "quận", "xã", "phường", "tỉnh"}
_COMPLETE = re.compile(r"(?:[”\")»\]]|\d{4})\s*$")
_HEADER_LINES = 60
# The line of a Quyết định naming who decides ("BỘ TRƯỞNG BỘ TƯ PHÁP", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"),
# printed between the summary and the first "Căn cứ": neither summary nor signature.
_ISSUER = re.compile(
    "^(?:"
    + any_of("BỘ TRƯỞNG", "THỨ TRƯỞNG", "(?:PHÓ )?CHỦ TỊCH", "(?:PHÓ )?(?:TỔNG )?GIÁM ĐỐC", r"Ủ?[YỶ]\s*BAN NHÂN DÂN",
             "UỶ BAN NHÂN DÂN", "(?:TỔNG )?CỤC TRƯỞNG", "VỤ TRƯỞNG", "VIỆN TRƯỞNG", "HIỆU TRƯỞNG", "CHÁNH VĂN PHÒNG",
             "TRƯỞNG BAN", "THỦ TRƯỞNG", "HỘI ĐỒNG", "BAN THƯỜNG VỤ", "BAN CHẤP HÀNH")
    + r")\b"
)


def is_issuer_line(doc: Document, i: int) -> bool:
    """Whether line ``i`` is a Quyết định's "BỘ TRƯỞNG BỘ TƯ PHÁP" line: upper case, a post, then "Căn cứ"."""
    text = doc.lines[i].text.text.strip()
    if not (is_upper(text) and _ISSUER.match(text)):
        return False
    following = next((ln.text.text.strip() for ln in doc.lines[i + 1:i + 3] if ln.text.text.strip()), "")
    return bool(re.match(r"^(?:Căn\s+cứ|Xét\s+đề\s+nghị|Theo\s+đề\s+nghị)", following))


@dataclass
class Header(Heading):
    """The heading as read, with what the other rules need of the header and what went wrong reading it."""

    title_piece: Piece | None = None  # the cleaned summary, for rules that read it (the period)
    body_start: int = 0
    spans: dict[str, Span] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def read_header(doc: Document) -> Header:
    header = Header()
    limit = _header_limit(doc)
    number_line = _read_number(doc, header, limit)
    header.issuer = read_issuer(doc, number_line, limit)
    date_line, place_start = _read_date(doc, header, limit)
    after = max(x for x in (number_line, date_line, -1) if x is not None) + 1
    kind_line = _read_kind(doc, header, after, limit)
    title_end = None
    if kind_line is not None:
        title_end = _read_title(doc, header, kind_line)
    vv_end = _read_vv(doc, header, limit, place_start)
    if header.kind is None:
        _kind_from_symbol(header, letter=vv_end is not None)
    ends = [x for x in (title_end, vv_end, kind_line) if x is not None]
    header.body_start = (max(ends) + 1) if ends else after
    if header.kind is None:
        header.problems.append("Không xác định được loại văn bản (Kế hoạch, Công văn, Hướng dẫn…).")
    if header.title is None:
        header.problems.append("Không tìm thấy trích yếu (tên) của văn bản.")
    return header


def _header_limit(doc: Document) -> int:
    """Lines before the first Roman-numbered part: where the header can be."""
    for i, line in enumerate(doc.lines[:_HEADER_LINES]):
        level = mark_of(line)[0]
        if level in (LEVEL_PART, LEVEL_ROMAN):
            return i
    return min(len(doc.lines), _HEADER_LINES)


# -- number -------------------------------------------------------------------

def _read_number(doc: Document, header: Header, limit: int) -> int | None:
    for region in (doc.text_of(0, limit), None):
        region = region if region is not None else doc.full  # the whole text only when the header has no number
        for m in _NUMBER.finditer(region.text):
            at_line_start = m.start() == 0 or region.text[m.start() - 1] == "\n"
            tail = m.group("tail").rstrip(".-")
            if not (m.group("colon") or at_line_start) or not re.search(r"[A-ZĐ]", tail):
                continue
            tail = re.sub(r"[ \t]*/[ \t]*", "/", tail)
            head = (m.group("head") or "").strip()
            header.symbol = tail.rsplit("/", 1)[-1]
            header.number = f"{head}/{tail}" if head else None
            header.spans["number"] = region.span(m.start(), m.start("tail") + len(tail))
            sym_start = m.start("tail") + len(tail) - len(header.symbol)
            header.spans["symbol"] = region.span(sym_start, m.start("tail") + len(tail))
            return doc.line_index(m.start())
    header.problems.append("Không tìm thấy số, ký hiệu văn bản (dòng “Số: …/…”).")
    return None


# -- place and date -----------------------------------------------------------

def _read_date(doc: Document, header: Header, limit: int) -> tuple[int | None, int | None]:
    """Read "Place, ngày … tháng … năm …"; return its line and the place's offset."""
    head = doc.text_of(0, limit)
    # A date line without a place name ("Ngày 28 tháng 7 năm 2025") is a last resort; the rest of the
    # document is searched only when the header has no date line (lazily: a long plan is long).
    candidates = itertools.chain(
        ((m, True) for m in _DATE.finditer(head.text)),
        ((m, False) for m in _BARE_DATE.finditer(head.text)),
        ((m, True) for m in _DATE.finditer(doc.text, len(head.text))),
    )
    for m, with_place in candidates:
        place_text, place_offset = _place(m.group("place")) if with_place else (None, 0)
        if with_place and place_text is None:
            continue
        place_start = m.start("place") + place_offset
        if place_text and (joined := _wrapped_place(doc.text, place_start)):
            place_text = doc.text[joined:place_start] + place_text
            place_text, place_start = re.sub(r"\s+", " ", place_text), joined
        header.place = place_text
        header.date = _issue_date(m, header.problems)
        if place_text:
            header.spans["place"] = doc.span(place_start, place_start + len(place_text))
        else:
            header.problems.append("Không tìm thấy địa danh trên dòng ngày ban hành.")
        header.spans["date"] = doc.span(m.start("d") if m.group("d") else _kw_start(m), m.end())
        return doc.line_index(place_start), place_start
    header.problems.append("Không tìm thấy địa danh và ngày ban hành (dòng “…, ngày … tháng … năm …”).")
    return None, None


def _wrapped_place(text: str, place_start: int) -> int | None:
    """Start of the first part of a place name a hard wrap put on the line before ("Hà" above "Nội, ngày …")."""
    if place_start == 0 or text[place_start - 1] != "\n":
        return None
    line_start = text.rfind("\n", 0, place_start - 1) + 1
    words = text[line_start:place_start - 1].split()
    if not 1 <= len(words) <= 2 or not all(w.isalpha() and w[:1].isupper() and not is_upper(w) for w in words):
        return None
    return line_start + (len(text[line_start:place_start - 1]) - len(text[line_start:place_start - 1].lstrip()))


def _issue_date(m: re.Match[str], problems: list[str]) -> str | None:
    """The ISO date of a date-line match, as precise as written."""
    year = number(m.group("y") or m.group("y2"))
    month = number(m.group("m") or m.group("m2"))
    day = number(m.group("d"))
    if year is None:
        problems.append("Ngày ban hành còn để trống năm.")
        return None
    if month is None:
        day = None  # a day without its month says nothing more than the year
    date = make(year, month, day)
    if date is None:
        problems.append(f"Ngày ban hành “{_squash(m.group(0))}” không hợp lệ.")
        date = make(year, None, None)
    return date.iso() if date else None


def _kw_start(m: re.Match[str]) -> int:
    return m.start() + m.group(0).lower().index("ngày")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _place(raw: str) -> tuple[str | None, int]:
    """The place name at the end of ``raw`` and its offset in ``raw``.

    ``raw`` is what precedes ", ngày" on its line; with mixed columns it may
    also hold the number, the Quốc hiệu or the start of a "V/v" line, so the
    place is the run of capitalised words at its end.
    """
    text = raw
    cut = 0
    for m in re.finditer(r"Số\s*[:.]?\s*\S*/\S+", text):
        cut = m.end()
    for n in _NATIONAL.finditer(text):
        cut = max(cut, n.end())
    words = [(w.start(), w.group(0)) for w in re.finditer(r"\S+", text) if w.start() >= cut]
    run: list[tuple[int, str]] = []
    for pos, word in reversed(words):
        if word[:1].isupper() or word in ("-", "–"):
            run.insert(0, (pos, word))
            continue
        break
    k = len(words) - len(run)
    # "Thành phố Hồ Chí Minh", "thị xã Sơn Tây": a lower-case admin prefix joins the run.
    if run and k >= 2 and f"{words[k - 2][1]} {words[k - 1][1]}".lower() in _PLACE_PREFIX:
        run = words[k - 2:k] + run
    elif run and k >= 1 and words[k - 1][1].lower() in _PLACE_PREFIX:
        run = words[k - 1:k] + run
    # Upper-case words before the place are the agency printed on the same line.
    while len(run) > 1 and is_upper(run[0][1]) and not run[0][1].endswith(".") and not all(
            is_upper(w) for _, w in run):
        run.pop(0)
    while run and run[0][1] in ("-", "–"):
        run.pop(0)
    if not run or len(run) > 8 or any(ch.isdigit() for _, w in run for ch in w):
        return None, 0
    start = run[0][0]
    end = run[-1][0] + len(run[-1][1])
    return text[start:end], start


# -- kind and title -----------------------------------------------------------

def _kind_name(heading: str) -> str:
    return heading[:1] + heading[1:].lower()


def _read_kind(doc: Document, header: Header, first: int, limit: int) -> int | None:
    for i in range(first, min(max(limit, first + 1), len(doc.lines))):
        line = doc.lines[i]
        text = line.text.text.strip()
        upper = text.upper()
        for kind in KINDS:
            if upper == kind or (upper.startswith(kind + " ") and text[:len(kind)] == kind):
                rest = line.text[len(kind):].strip()
                if rest and text == upper and len(rest.text.split()) <= 2:
                    rest = Piece.empty()  # "KẾ HOẠCH LIÊN TỊCH": the title is on the next line
                header.kind = _kind_name(kind)
                header.spans["kind"] = line.text.span(0, len(kind))
                if rest:
                    header.title_piece = rest.squeeze()
                    header.title = header.title_piece.text
                    header.spans["title"] = rest.span()
                return i
    return None


def _title_stops(line_text: str, prev_text: str, upper_title: bool) -> bool:
    if _BODY_START.match(line_text) or _VV.match(line_text) or _NATIONAL.search(line_text):
        return True
    if re.match(r"^Số\s*[:.]", line_text) or _DATE.search(line_text):
        return True
    if re.search(r"[.;:!?]\s*$", prev_text):
        return True
    # A capital after a line that reads complete (a closing quote, a year) starts the body.
    return bool(line_text[:1].isupper() and _COMPLETE.search(prev_text)
                and not (upper_title and is_upper(line_text)))


def _read_title(doc: Document, header: Header, kind_line: int) -> int:
    """Read the summary lines under the type heading; return the last line used."""
    if header.title is not None:
        return kind_line
    parts: list[Piece] = []
    last = kind_line
    for i in range(kind_line + 1, min(len(doc.lines), kind_line + 7)):
        line = doc.lines[i]
        text = line.text.text
        level = mark_of(line)[0]
        if level is not None and level != LEVEL_HEADING:
            break  # a numbered part or a list item: the body
        if not parts:
            # A summary may itself start with "Thực hiện …"; it is never "Căn cứ …" nor a long sentence.
            if _NEVER_TITLE.match(text) or len(text) > 350 or text.rstrip().endswith(":"):
                break
        else:
            upper_title = all(is_upper(p.text) for p in parts)
            if line.blank_before or line.table is not None:
                break
            if level == LEVEL_HEADING and not (upper_title and is_upper(text)) and not line.heading:
                break
            if _title_stops(text, parts[-1].text, upper_title) or is_issuer_line(doc, i):
                break
        parts.append(line.text)
        last = i
        if len(" ".join(p.text for p in parts)) > 400:
            break
    if parts:
        title = Piece.join(parts, " ").squeeze()
        header.title, header.title_piece = title.text, title
        header.spans["title"] = title.span()
    return last


def _read_vv(doc: Document, header: Header, limit: int, place_start: int | None) -> int | None:
    """Read a letter's "V/v …" summary; return the last line used, or ``None``."""
    for i in range(min(limit + 1, len(doc.lines))):
        line = doc.lines[i]
        m = _VV.search(line.text.text)
        if not m:
            continue
        parts = [_cut_vv(doc, line.text[m.end():], i, place_start)]
        last = i
        for j in range(i + 1, min(len(doc.lines), i + 5)):
            nxt = doc.lines[j]
            text = nxt.text.text
            if nxt.blank_before or nxt.bullet or nxt.table is not None or is_upper(text):
                break
            if mark_of(nxt)[0] is not None or re.match(r"^Kính\s+g[ửở]i", text):
                break
            if _title_stops(text, parts[-1].text, False):
                break
            parts.append(_cut_vv(doc, nxt.text, j, place_start))
            last = j
        title = Piece.join([p for p in parts if p], " ").squeeze()
        if title and (header.kind is None or header.title is None):
            header.title, header.title_piece = title.text, title
            header.spans["title"] = title.span()
        return last
    return None


def _cut_vv(doc: Document, piece: Piece, line_index: int, place_start: int | None) -> Piece:
    """Drop from a "V/v" line what belongs to the right column (date, Quốc hiệu, Kính gửi)."""
    text = piece.text
    cut = len(text)
    m = _DATE.search(text)
    if m:
        place, offset = _place(m.group("place"))
        cut = min(cut, m.start("place") + offset if place else m.start())
    for pattern in (_NATIONAL, re.compile(r"Kính\s+g[ửở]i")):
        n = pattern.search(text)
        if n:
            cut = min(cut, n.start())
    return piece[:cut].strip(" \t,;")


def _kind_from_symbol(header: Header, letter: bool) -> None:
    """Without a type heading: a "V/v" line means a letter, else the symbol's type code."""
    if letter:
        header.kind = "Công văn"
        return
    if not header.symbol:
        return
    code = header.symbol.split("-", 1)[0].upper()
    head = (header.number or "").split("/", 1)[0]
    if "-" in head:  # Party style "123-KH/TU": the type code is in the number part
        code = head.split("-", 1)[1].upper()
    header.kind = ABBREVIATIONS.get(code, "Công văn")
