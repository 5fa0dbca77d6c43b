"""The documents an award dossier must hold, with the form and decree each follows.

Plans list them under a heading such as "Hồ sơ đề nghị khen thưởng" or after
"… gồm có:", one per dash item or separated by semicolons on one line, e.g.
"- Tờ trình đề nghị khen thưởng của các phòng, đơn vị (theo mẫu số 01 - Phụ
lục ban hành kèm theo Nghị định số 152/2025/NĐ-CP …)". The name kept is the
document's own name ("Tờ trình đề nghị khen thưởng", "Báo cáo thành tích"),
without who makes it or what follows; the form is the number after "Mẫu
(số)" as written ("01", "1.9"); the decree is the legal document the form
belongs to, cited in the item, in a footnote on it, or earlier in the list
("… theo Nghị định nêu trên").
"""
from __future__ import annotations

import re

from desktop.campaigns.plans.folding import key
from desktop.campaigns.plans.blocks import LEVEL_HEADING, LEVEL_LETTER, Block, section
from desktop.campaigns.plans.model import DossierItem, PlanExtraction
from desktop.campaigns.plans.phrases import any_of
from desktop.campaigns.plans.piece import Piece

_ANCHOR = re.compile(r"\bho\s+so\b")
_ANCHOR_TOPIC = re.compile(any_of("de nghi", "khen thuong", "gom", "thu tuc", "xet", "thanh phan"))
_LIST_START = re.compile(r"(?:bao\s+)?gồm(?:\s+có)?\s*:|(?:như\s+sau|cụ\s+thể)\s*:", re.IGNORECASE)
_DOC_NOUN = re.compile(
    r"^(?:\d{1,2}\s*(?:bản|bộ)\s+)?(?:"
    + any_of("Tờ trình", "Báo cáo", "Biên bản", r"Bản\s", "Danh sách", "Giấy", "Quyết định", "Văn bản", "Trích ngang",
             "Phiếu", "Bảng", "Ý kiến", "Xác nhận", "Chứng nhận", "Các (?:văn bản|tài liệu|minh chứng|giấy tờ)",
             "Tài liệu", "Hình ảnh", "Công văn", "Sơ yếu", "Tóm tắt", "Hồ sơ minh chứng", "Minh chứng", "Đĩa", "Tệp")
    + ")",
    re.IGNORECASE,
)
_INSTRUCTION = re.compile(
    r"\b(?:" + any_of("gửi", "nộp", "trước ngày", "chậm nhất", "số lượng", "thời gian", "thời hạn", "hạn chót",
                      "địa chỉ", "liên hệ") + r")\b",
    re.IGNORECASE,
)
_ENUMERATION = re.compile(r"^(?:\(?\d{1,2}\)|\d{1,2}[.)]|[a-zđ][.)]|\([a-zđ]\)|[-+•–])\s*")
_SUBHEAD = re.compile(r"^(?:Đối\s+với|Riêng|Trường\s+hợp|Hồ\s+sơ)\b[^:]{0,80}:\s*$", re.IGNORECASE)
# Where the name of a document ends and what is said about it begins.
_NAME_END = re.compile(
    r"\s*[(;:,\[|]|\s+(?:"
    + any_of("của", "các", "theo", "đối với", "kèm theo", "do", "cho", "gửi", "được", "có", "về", "trong", "thuộc",
             "bằng", "nêu", "ghi", "tại", r"\(?\d{1,2}\s*(?:bản|bộ)")
    + r")(?=\s|$)|\.\s*$|\s[-–]\s"
)
_FORM = re.compile(r"[Mm]ẫu\s*(?:số\s*)?[:.]?\s*(?P<form>\d{1,2}(?:\.\d{1,2})?[a-zA-Z]?)(?![\d.,]\d)")
_DECREE = re.compile(
    r"(?:(?:Nghị\s+định|Thông\s+tư|Quyết\s+định|Nghị\s+quyết)\s*(?:số\s*)?:?\s*)?"
    r"(?<![\d/])(?P<no>\d{1,4}/\d{4}/(?:NĐ|TT|QĐ|NQ|ND)-[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)"
)


def read_dossier(plan: PlanExtraction, blocks: list[Block], footnotes: dict[str, Piece]) -> None:
    """Fill ``plan.dossier`` from the dossier lists of the body ``blocks``.

    Only the innermost dossier headings count: "IV. HÌNH THỨC, …, HỒ SƠ KHEN
    THƯỞNG" holds "4. Hồ sơ khen thưởng: … gồm có:", whose items are the list.
    Several lists (one per award level) are merged, each document once.
    """
    anchors = [i for i, b in enumerate(blocks) if _is_anchor(b)]
    scopes = {i: section(blocks, i) for i in anchors}
    seen: set[tuple[str, str | None, str | None]] = set()
    for n, index in enumerate(anchors):
        if n + 1 < len(anchors) and anchors[n + 1] <= index + len(scopes[index]):
            continue  # not innermost: the next anchor is inside its scope
        block = blocks[index]
        found = [(piece, item) for piece, refs in _items(block, scopes[index])
                 if (item := _item(piece, refs, footnotes)) is not None]
        _fill_decrees([item for _, item in found], _decree_in(_before_list(block.text).text))
        for piece, item in found:
            key = (_key(item.name), item.form, item.decree)
            if key not in seen:
                seen.add(key)
                _add(plan, item, piece)


def _family(form: str) -> str:
    """Forms numbered "1.9" come from NĐ 30/2020 (office work); "01"…"12" from the award decrees."""
    return "dotted" if "." in form else "plain"


def _fill_decrees(items: list[DossierItem], heading_decree: str | None) -> None:
    """Give a form cited without its decree the decree the list cites for that kind of form.

    "Tờ trình (Mẫu số 01); Biên bản (Mẫu 1.9 … NĐ 30/2020); Báo cáo (Mẫu số 08) theo
    Nghị định số 152/2025/NĐ-CP": Mẫu 01 follows 152/2025, not 30/2020. The decree
    in the heading comes first, then earlier items ("… Nghị định nêu trên"), then later ones.
    """
    for k, item in enumerate(items):
        if item.form is None or item.decree is not None:
            continue
        family = _family(item.form)
        same = [other.decree for other in items[:k][::-1] + items[k + 1:]
                if other.decree and other.form and _family(other.form) == family]
        item.decree = heading_decree or (same[0] if same else None)




def _key(text: str) -> str:
    return key(text)


def _is_anchor(block: Block) -> bool:
    key = block.body_key
    if not _ANCHOR.search(key) or not _ANCHOR_TOPIC.search(key):
        return False
    marked = block.level is not None and (block.level <= LEVEL_LETTER or block.level == LEVEL_HEADING)
    return marked or block.text.text.rstrip().endswith(":") or bool(_LIST_START.search(block.text.text))


def _after_list_start(text: Piece) -> Piece:
    m = _LIST_START.search(text.text)
    return text[m.end():] if m else Piece.empty()


def _before_list(text: Piece) -> Piece:
    m = _LIST_START.search(text.text)
    return text[:m.start()] if m else text


def _items(anchor: Block, under: list[Block]) -> list[tuple[Piece, tuple]]:
    """The item texts of a dossier list, each with the footnote marks it carries."""
    out: list[tuple[Piece, tuple]] = []
    inline = _after_list_start(anchor.text)
    if inline.text.strip():
        out.extend((part, anchor.refs) for part in _split_inline(inline))
    for block in under:
        body = block.body
        if block.first.table is not None:
            row = _table_item(block)
            if row is not None:
                out.append((row, block.refs))
            continue
        if _SUBHEAD.match(body.text):
            continue
        is_list_item = block.level is not None and block.level != LEVEL_HEADING
        if is_list_item or (not out and _DOC_NOUN.match(body.text)):
            if _INSTRUCTION.search(body.text) and not _DOC_NOUN.match(body.text):
                if out:
                    break
                continue
            parts = _split_inline(body) if ";" in body.text.rstrip(" ;.") else [body]
            out.extend((part, block.refs) for part in parts)
            continue
        if out:
            break
    return [(p, r) for p, r in out if p.text.strip(" .;")]


def _table_item(block: Block) -> Piece | None:
    """A row of a table of dossier documents: from the cell naming the document to the row's end."""
    cells = block.first.cells
    for k, cell in enumerate(cells):
        if _DOC_NOUN.match(_strip_enumeration(cell.text)):
            return Piece.join([c for c in cells[k:] if c.text], " | ")
    return None


def _split_inline(text: Piece) -> list[Piece]:
    """Items written on one line: split at semicolons, and at commas or "và" before a document name."""
    parts, pos = [], 0
    for m in re.finditer(r";|,\s*(?:và\s+)?(?=\S)|\s+và\s+(?=\S)", text.text):
        if m.group(0) != ";" and not _DOC_NOUN.match(_strip_enumeration(text.text[m.end():])):
            continue
        parts.append(text[pos:m.start() + (1 if m.group(0) == ";" else 0)])
        pos = m.end()
    parts.append(text[pos:])
    return [p.strip() for p in parts if p.text.strip(" .;,")]


def _strip_enumeration(text: str) -> str:
    """"(1) Tờ trình", "a) Tờ trình", "- Tờ trình" → "Tờ trình"."""
    return _ENUMERATION.sub("", text.lstrip(), count=1)


def _name(text: str) -> str:
    """The document's own name: "Báo cáo thành tích các trường hợp …" → "Báo cáo thành tích".

    "các" ends the name only after a name of three words or more, so that
    "Bản sao các giấy tờ chứng minh thành tích" keeps what it is a copy of,
    and a dash ends it only before a lower-case word ("… - theo mẫu").
    """
    text = re.sub(r"^(?:\d{1,2}\s*(?:bản|bộ)\s+)", "", _strip_enumeration(text.strip()))
    for m in _NAME_END.finditer(text):
        if m.start() == 0:
            continue
        if m.group(0).strip() == "các" and len(text[:m.start()].split()) < 3:
            continue
        if m.group(0).strip() in "-–" and not text[m.end():m.end() + 1].islower():
            continue  # "Hội đồng Thi đua - Khen thưởng" is one name
        text = text[:m.start()]
        break
    return text.strip(" .;,:-–")


def _decree_in(text: str) -> str | None:
    m = _DECREE.search(text)
    return m.group("no").replace("ND-", "NĐ-") if m else None


def _item(piece: Piece, refs: tuple, footnotes: dict[str, Piece]) -> DossierItem | None:
    """One dossier document; the form and decree may come from a footnote on it."""
    text = piece.text
    span = piece.span()
    notes = [footnotes[label].text for label, offset in refs
             if label in footnotes and span and span[0] <= offset <= span[1] + 1]
    form_match = _FORM.search(text)
    form = form_match.group("form") if form_match else None
    if form_match:
        decree = _decree_in(text[form_match.end():]) or _decree_in(text)
    else:
        decree = _decree_in(text)
    for note in notes:
        if form is None:
            m = _FORM.search(note)
            if m:
                form = m.group("form")
                decree = decree or _decree_in(note[m.end():])
        decree = decree or _decree_in(note)
    name = _name(text)
    if not name:
        return None
    return DossierItem(name=name, form=form, decree=decree)


def _add(plan: PlanExtraction, item: DossierItem, piece: Piece) -> None:
    index = len(plan.dossier)
    plan.dossier.append(item)
    span = piece.span()
    if span:
        plan.spans[f"dossier[{index}]"] = span
    m = _FORM.search(piece.text)
    if m:
        form_span = piece.span(m.start(), m.end())
        if form_span:
            plan.spans[f"dossier[{index}].form"] = form_span
