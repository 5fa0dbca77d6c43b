"""The campaign's criteria (tiêu chí thi đua), for collectives, individuals or both.

Plans put them in a section headed "TIÊU CHÍ THI ĐUA" (sometimes "ĐỐI TƯỢNG,
TIÊU CHÍ THI ĐUA" with a numbered "Tiêu chí thi đua" inside), split by
"Đối với tập thể" / "Đối với cá nhân". Each item is a bullet, a lettered or
numbered line, or a paragraph; a percentage in it ("100% văn bản …") is its
numeric target. A target measured against something ("tăng 5% so với kế hoạch
được giao", "giảm 10% so với năm trước") is a relative target: its direction,
amount and reference are kept, never an absolute "5 %". A criterion that a line
wrap or a page break (with its page number) splits is read as one. Without such
a section the "NỘI DUNG … THI ĐUA" items are the criteria, for both kinds of
subject.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.text import fold

_MARKS = re.compile(r"[*_`#>]+")
_ROMAN = re.compile(r"^(?:[IVX]+)\s*[.)]\s+\S")
_NUMBERED = re.compile(r"^(\d+)\s*[.)]\s+\S")
_LETTERED = re.compile(r"^([a-zđ])\s*\)\s*")
_BULLET = re.compile(r"^[-+•–]\s+")
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")
# "tăng ít nhất 5% so với kế hoạch được giao", "giảm 10 % so với năm trước".
_RELATIVE = re.compile(
    r"(?<![^\W\d_])(?P<dir>tăng|giảm|vượt|nâng|hạ|cắt\s+giảm)(?:\s+(?:thêm|ít\s+nhất|tối\s+thiểu|tối\s+đa|từ|trên|lên|xuống))*"
    r"\s*(?P<n>\d+(?:[.,]\d+)?)\s*%(?:\s+trở\s+lên)?\s*(?:,\s*)?so\s+với\s+(?P<ref>[^,;.()\n]+?)"
    r"(?=\s*(?:[,;.()]|\s+và\s|\s+trở\s+lên|$))",
    re.IGNORECASE,
)
_DOWN = ("giảm", "hạ", "cắt giảm")
# What a page break leaves in converted text: a page number alone ("12", "- 12 -", "Trang 12").
_PAGE_MARK = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^(?:Trang|Page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?$", re.IGNORECASE)
_SUBJECT = [(re.compile(r"^(?:[a-zđ]\)\s*)?(?:doi voi|danh cho)?\s*tap the\b"), "tap_the"),
            (re.compile(r"^(?:[a-zđ]\)\s*)?(?:doi voi|danh cho)?\s*ca nhan\b"), "ca_nhan")]
_MAX_ITEMS = 40


@dataclass
class CriterionItem:
    text: str
    subject: str = "ca_hai"          # tap_the, ca_nhan, ca_hai
    target_value: float | None = None
    target_unit: str = ""
    target_direction: str | None = None  # "tang" / "giam" for a target relative to ``target_reference``
    target_reference: str = ""           # "kế hoạch được giao", "năm trước"


def read_target(text: str) -> tuple[float | None, str, str | None, str]:
    """(value, unit, direction, reference) of the target a criterion's text sets, if any."""
    m = _RELATIVE.search(text)
    if m:
        direction = "giam" if m.group("dir").lower() in _DOWN else "tang"
        return float(m.group("n").replace(",", ".")), "%", direction, m.group("ref").strip()
    target = _PERCENT.search(text)
    if target:
        return float(target.group(1).replace(",", ".")), "%", None, ""
    return None, "", None, ""


def _plain(line: str) -> str:
    line = _MARKS.sub("", line).strip()
    return re.sub(r"\s+", " ", line)


def _level(line: str) -> int | None:
    """Heading level of a line: 1 for "II. …", 2 for "3. …", None for body text."""
    if _ROMAN.match(line):
        return 1
    if _NUMBERED.match(line):
        return 2
    return None


def _is_heading_text(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _section(lines: list[str], keyword: str) -> list[str] | None:
    """Lines of the last section whose heading mentions ``keyword`` and that holds items."""
    found = None
    for i, raw in enumerate(lines):
        line = _plain(raw)
        key = fold(line)
        level = _level(line)
        if keyword not in key or len(line) > 90:
            continue
        if level is None and not _is_heading_text(line):
            continue
        if level is None:
            level = 1
        body = []
        for nxt in lines[i + 1:]:
            text = _plain(nxt)
            lv = _level(text)
            if fold(text).startswith(("noi nhan", "to chuc thuc hien")):
                break
            if lv is not None and lv <= level:
                break
            if lv is None and _is_heading_text(text) and len(text) > 8 and not _LETTERED.match(text):
                break
            body.append(text)
        if any(b.strip() for b in body):
            found = body
    return found


def extract_criteria(text: str) -> list[CriterionItem]:
    lines = text.splitlines()
    body = _section(lines, "tieu chi")
    fallback = body is None
    if fallback:
        body = _section(lines, "noi dung")
    if not body:
        return []
    raw: list[tuple[str, str]] = []   # (text, subject) of each item, continuation lines joined
    subject = "ca_hai"
    open_item = False                  # whether the last item may go on on the next line
    item_marked = False                # whether the last item began with a bullet, letter or number
    for line in body:
        if not line:
            continue
        if _PAGE_MARK.match(line):
            continue  # a page number between the two halves of an item
        key = fold(line).rstrip(":")
        matched = next((s for pattern, s in _SUBJECT if pattern.match(key) and len(key) < 40), None)
        if matched:
            subject = matched
            open_item = False
            continue
        if _level(line) is not None and len(line) < 60 and not fallback:
            open_item = False
            continue  # a sub-heading such as "2. Tiêu chí thi đua"
        marked = bool(_BULLET.match(line) or _LETTERED.match(line) or _NUMBERED.match(line))
        if open_item and not marked and raw and (line[:1].islower() or line[:1].isdigit() or item_marked):
            # A wrapped line: the item above did not end, and this goes on in lower case, or
            # the item above began with its own mark ("- ", "a)") so an unmarked line cannot start another.
            raw[-1] = (raw[-1][0] + " " + line.strip(), raw[-1][1])
            open_item = not re.search(r"[;.:]\s*$", line)
            continue
        item = _BULLET.sub("", line)
        item = _LETTERED.sub("", item)
        item = _NUMBERED.sub(lambda m: m.group(0)[-1], item) if fallback else item
        raw.append((item.strip(), subject))
        open_item = not re.search(r"[;.:]\s*$", line)
        item_marked = marked
    items: list[CriterionItem] = []
    for text, subject in raw:
        item = text.rstrip(";.").strip()
        if len(item) < 12 or item.endswith(":"):
            continue
        value, unit, direction, reference = read_target(item)
        items.append(CriterionItem(item, subject, value, unit, direction, reference))
        if len(items) >= _MAX_ITEMS:
            break
    return items
