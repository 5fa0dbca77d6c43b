"""The end of a document: "Nơi nhận" list and signature block (NĐ 30/2020 boxes 7 and 9b).

On paper the two sit side by side: on the left "Nơi nhận:" and its "- …;"
lines ending with "- Lưu: VT, …", on the right the authority ("KT. GIÁM
ĐỐC", "TM. ỦY BAN NHÂN DÂN"), the signer's title ("PHÓ GIÁM ĐỐC") and name.
A conversion may print them one after the other in either order or mix them
line by line ("- Sở Nội vụ; PHÓ GIÁM ĐỐC"), so recipients are read as the
list items after "Nơi nhận", and anything on those lines that looks like the
signature (an authority mark, an upper-case title with a post in it, a
person's name after the final semicolon) is handed to the signature reader.
"""
from __future__ import annotations

import re

from desktop.campaigns.plans.blocks import is_upper, mark_of
from desktop.campaigns.plans.document import Document
from desktop.campaigns.plans.header import is_issuer_line
from desktop.campaigns.plans.model import PlanExtraction
from desktop.campaigns.plans.piece import Piece

_RECIPIENTS = re.compile(r"^Nơi\s+nhận\s*[:.]?\s*", re.IGNORECASE)
# KT. (ký thay), TM. (thay mặt), TL. (thừa lệnh), TUQ. (thừa ủy quyền), Q. (quyền); Party documents write T/M, K/T.
_AUTHORITY = re.compile(r"^(?:(?:KT|TM|TL|TUQ|Q|K\.T|T\.M|T\.L)\s*\.|(?:T/M|K/T|T/L|TUQ/)\s*\.?)\s*(?=[^\W\d_])")
_AUTHORITY_INSIDE = re.compile(r"(?<=\S)\s+(?=(?:(?:KT|TM|TL|TUQ|Q)\s*\.|T/M|K/T|T/L)\s*[^\W\d_])")
_POST = (
    r"(?:PHÓ\s+)?(?:TỔNG\s+)?GIÁM\s+ĐỐC|(?:PHÓ\s+)?CHỦ\s+TỊCH|(?:PHÓ\s+)?TRƯỞNG\s+(?:BAN|PHÒNG|KHỐI|ĐOÀN)(?:\s+THƯỜNG\s+TRỰC)?"
    r"|(?:PHÓ\s+)?CHÁNH\s+(?:VĂN\s+PHÒNG|THANH\s+TRA|ÁN)|(?:PHÓ\s+)?HIỆU\s+TRƯỞNG|THỦ\s+TRƯỞNG(?:\s+ĐƠN\s+VỊ|\s+CƠ\s+QUAN)?"
    r"|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|(?:PHÓ\s+)?(?:CỤC|VỤ|VIỆN|CHI\s+CỤC|TỔ)\s+TRƯỞNG|(?:PHÓ\s+)?BÍ\s+THƯ"
)
_POST_RE = re.compile(_POST)
_POST_AT_START = re.compile(rf"^(?:{_POST})(?=\s|$)")
_POST_AT_END = re.compile(rf"\s((?:(?:KT|TM|TL|TUQ|Q)\s*\.\s*)?(?:{_POST})(?:\s+[^\W\d_]+){{0,6}})$")
_PLACEHOLDER = re.compile(
    r"^[\[(]?\s*(?:đã\s+ký|ký\s+tên|ký\s+số|ký,|ký\s+và|ký\s+bởi|chữ\s+ký|signed|đóng\s+dấu|\(?ký\)?)",
    re.IGNORECASE,
)
_ACADEMIC = re.compile(r"^(?:(?:GS|PGS|TS|ThS|Ths|KS|BS|CN|Ts|NCS)\s*\.\s*)+")
_LUU = re.compile(r"^Lưu\b", re.IGNORECASE)
_STOP = re.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục|DANH\s+SÁCH|BIỂU\s+MẪU|Mẫu\s+số)\b")
_TERMINATED = re.compile(r"[;.]\s*$")


def find_tail(doc: Document, first: int) -> int:
    """Index of the first line of the closing part (signature or "Nơi nhận")."""
    start = None
    for i in range(len(doc.lines) - 1, first - 1, -1):
        if _RECIPIENTS.match(doc.lines[i].text.text):
            start = i
            break
    if start is None:
        # No recipient list: the signature starts at the first authority or post line near the end.
        for i in range(len(doc.lines) - 1, max(first, len(doc.lines) - 15) - 1, -1):
            line = doc.lines[i]
            text = line.text.text
            if line.bullet or mark_of(line)[1] is not None:
                continue
            if _AUTHORITY.match(text) or (_is_title(text) and _POST_AT_START.match(text)
                                          and not is_issuer_line(doc, i)):
                start = i
        return start if start is not None else len(doc.lines)
    # Signature lines printed before "Nơi nhận" belong to the tail too.
    i = start
    while i - 1 >= first and i > start - 6:
        line = doc.lines[i - 1]
        text = line.text.text
        if line.bullet or not (_AUTHORITY.match(text) or _is_title(text) or _is_name(text)
                               or _PLACEHOLDER.match(text)):
            break
        i -= 1
    return i


def read_signature(plan: PlanExtraction, doc: Document, tail: int) -> int:
    """Fill ``plan.recipients`` and ``plan.signer`` from the lines from ``tail`` on.

    Returns the index of the first line after the signature block: what follows
    (an appendix, or the plan a "Quyết định ban hành Kế hoạch" carries) is
    another part of the document.
    """
    lines = doc.lines[tail:]
    head = next((k for k, ln in enumerate(lines) if _RECIPIENTS.match(ln.text.text)), None)
    fragments: list[Piece] = []
    if head is None:
        fragments = [c for ln in lines for c in ln.cells]
        plan.problem("Không tìm thấy danh sách nơi nhận (“Nơi nhận:”).")
    else:
        for ln in lines[:head]:
            fragments.extend(ln.cells)
        fragments.extend(_read_recipients(plan, lines[head:]))
    _read_signer(plan, fragments)
    # The block ends at the last line holding a recipient or a part of the signature.
    used = [span for span in plan.spans.values() if span]
    ends = [tail + k + 1 for k, ln in enumerate(lines[:60])
            if (own := ln.text.span()) and any(own[0] <= span[0] < own[1] for span in used)]
    return max(ends) if ends else len(doc.lines)


# -- recipients ---------------------------------------------------------------

def _read_recipients(plan: PlanExtraction, lines) -> list[Piece]:
    """Read the list after "Nơi nhận"; return the signature fragments met on the way."""
    fragments: list[Piece] = []
    items: list[Piece] = []
    first = lines[0]
    m = _RECIPIENTS.match(first.text.text)
    inline = first.cells[0][m.end():] if first.cells and len(first.cells[0]) >= m.end() else Piece.empty()
    fragments.extend(first.cells[1:])
    after_luu = False
    if inline.text.strip():
        if _is_signature(inline.text):
            fragments.append(inline)
        else:
            _take_items(inline, items, fragments)
    consumed = 1
    for line in lines[1:]:
        text = line.text.text
        if _STOP.match(text):
            break
        if not line.bullet and _is_signature(text):
            fragments.extend(line.cells)
            consumed += 1
            continue
        cell = line.cells[0] if line.cells else line.text
        continuation = (items and not _TERMINATED.search(items[-1].text) and not line.bullet
                        and not line.blank_before and not after_luu)
        if continuation:
            own, extra = _split_trailing(cell)
            items[-1] = Piece.join([items[-1], own], " ")
            fragments.extend(extra)
            fragments.extend(line.cells[1:])
        elif line.bullet or (not after_luu and _TERMINATED.search(text) and len(text.split()) <= 20):
            _take_items(cell, items, fragments)
            after_luu = after_luu or any(_LUU.match(i.text) for i in items)
            fragments.extend(line.cells[1:])
        else:
            break
        consumed += 1
    for line in lines[consumed:]:
        if _STOP.match(line.text.text):
            break
        fragments.extend(line.cells)
    for item in items:
        value = item.strip(" \t-–+•;.,").squeeze()
        if not value.text:
            continue
        span = value.span()
        if span:
            plan.spans[f"recipients[{len(plan.recipients)}]"] = span
        plan.recipients.append(value.text)
    if not plan.recipients:
        plan.problem("Danh sách nơi nhận trống.")
    return fragments


def _take_items(piece: Piece, items: list[Piece], fragments: list[Piece]) -> None:
    """Add the recipients on one line to ``items`` and its signature parts to ``fragments``."""
    for k, part in enumerate(_split_items(piece)):
        if k and _is_signature(part.text):
            fragments.append(part)
            continue
        own, extra = _split_trailing(part)
        items.append(own)
        fragments.extend(extra)


def _split_items(piece: Piece) -> list[Piece]:
    """Recipients written on one line: "- UBND tỉnh; - Sở Nội vụ;"."""
    parts, pos = [], 0
    for m in re.finditer(r";\s*(?:[-–+•]\s*)?(?=\S)", piece.text):
        parts.append(piece[pos:m.start() + 1])
        pos = m.end()
    parts.append(piece[pos:])
    return [p for p in parts if p.text.strip(" -–+•;.")]


def _split_trailing(piece: Piece) -> tuple[Piece, list[Piece]]:
    """Cut off signature text printed on the same line as a recipient."""
    text = piece.text
    m = _POST_AT_END.search(text)
    if m and m.start() > 0 and text[:m.start()].strip():
        return piece[:m.start()], [piece[m.start(1):]]
    m = re.search(r"[;.]\s+(?=\S)([^;.]*)$", text)
    if m and _is_name(m.group(1).strip()):
        return piece[:m.start() + 1], [piece[m.start(1):]]
    return piece, []


# -- signer -------------------------------------------------------------------

def _is_title(text: str) -> bool:
    text = text.strip()
    if not is_upper(text) or len(text.split()) > 12 or _TERMINATED.search(text):
        return False
    return not re.match(r"^(?:NƠI\s+NHẬN|LƯU|PHỤ\s+LỤC|KÍNH\s+GỬI|V/V|SỐ)\b", text)


def _is_name(text: str) -> bool:
    """Whether ``text`` reads as a person's name ("Hoàng Thị Luân", "Nguyễn Văn A")."""
    text = _ACADEMIC.sub("", text.strip())
    words = text.split()
    if not 2 <= len(words) <= 6 or re.search(r"[\d:;,()/\[\]“”\"@]", text):
        return False
    for w in words:
        if not w[:1].isupper() or not w[:1].isalpha():
            return False
        if len(w) > 1 and not w[1:].islower():
            return False
    return True


def _is_upper_name(text: str) -> bool:
    """A name printed in capitals ("NGUYỄN THANH LONG"), as some units do."""
    text = _ACADEMIC.sub("", text.strip())
    words = text.split()
    return 2 <= len(words) <= 6 and is_upper(text) and all(w.isalpha() for w in words)


def _is_signature(text: str) -> bool:
    text = text.strip()
    return bool(
        _AUTHORITY.match(text) or _PLACEHOLDER.match(text)
        or (_is_title(text) and (_POST_RE.search(text) or not _TERMINATED.search(text)))
        or (_is_name(text) and not _TERMINATED.search(text))
    )


def _expand(fragments: list[Piece]) -> list[Piece]:
    """Split fragments that hold more than one part of the signature."""
    out: list[Piece] = []
    for frag in fragments:
        frag = frag.squeeze()
        if not frag.text:
            continue
        pieces, pos = [], 0
        for m in _AUTHORITY_INSIDE.finditer(frag.text):
            pieces.append(frag[pos:m.start()])
            pos = m.end()
        pieces.append(frag[pos:])
        for piece in pieces:
            piece = piece.strip()
            # "PHÓ GIÁM ĐỐC Hoàng Thị Luân": an upper-case title followed by a name.
            words = list(re.finditer(r"\S+", piece.text))
            k = 0
            while k < len(words) and is_upper(words[k].group(0)):
                k += 1
            if 0 < k < len(words) and _is_name(piece.text[words[k].start():]):
                out.append(piece[:words[k].start()].strip())
                out.append(piece[words[k].start():])
            else:
                out.append(piece)
    return out


def _split_post(authority: Piece) -> tuple[Piece, Piece]:
    """"KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" → ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")."""
    m = _AUTHORITY.match(authority.text)
    rest = authority[m.end():] if m else authority
    post = _POST_AT_START.match(rest.text)
    if post and rest.text[post.end():].strip() and _POST_RE.search(rest.text[post.end():]):
        cut = m.end() + post.end() if m else post.end()
        return authority[:cut].strip(), authority[cut:].strip()
    return authority, Piece.empty()


def _read_signer(plan: PlanExtraction, fragments: list[Piece]) -> None:
    """Fill ``plan.signer`` from the signature fragments, in reading order."""
    authority: list[Piece] = []
    title: Piece | None = None
    name: Piece | None = None
    for frag in _expand(fragments):
        text = frag.text
        if _PLACEHOLDER.match(text):
            continue
        if title is None and _AUTHORITY.match(text):
            auth, rest = _split_post(frag)
            authority.append(auth)
            if rest:
                title = rest
            continue
        started = title is not None or bool(authority)
        if started and (_is_name(text) or (_is_upper_name(text) and not _POST_RE.search(text))):
            name = frag
            break
        if title is None and _is_title(text):
            title = frag
            continue
    if authority and title is None:
        last = authority[-1]
        m = _AUTHORITY.match(last.text)
        title = last[m.end():].strip() if m else last
    if authority:
        plan.signer.authority = " ".join(a.text for a in authority)
        spans = [a.span() for a in authority if a.span()]
        if spans:
            plan.spans["signer.authority"] = (min(s[0] for s in spans), max(s[1] for s in spans))
    if title is not None and title.text:
        plan.signer.title = title.text
        if title.span():
            plan.spans["signer.title"] = title.span()
    if name is not None:
        clean = Piece.concat([name]).sub(_ACADEMIC, "").strip()
        plan.signer.name = clean.text
        if clean.span():
            plan.spans["signer.name"] = clean.span()
    if plan.signer.name is None:
        plan.problem("Không tìm thấy họ tên người ký.")
    if plan.signer.title is None:
        plan.problem("Không tìm thấy chức vụ người ký.")
