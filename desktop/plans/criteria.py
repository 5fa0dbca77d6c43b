"""The campaign's criteria (tiêu chí thi đua), for collectives, individuals or both.

Plans put them in a section headed "TIÊU CHÍ THI ĐUA" (sometimes "ĐỐI TƯỢNG,
TIÊU CHÍ THI ĐUA" with a numbered "Tiêu chí thi đua" inside), split by
"Đối với tập thể" / "Đối với cá nhân". Each item is a bullet, a lettered or
numbered line, or a paragraph; a percentage in it ("100% văn bản …") is its
numeric target. Without such a section the "NỘI DUNG … THI ĐUA" items are the
criteria, for both kinds of subject.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import fold

_MARKS = re.compile(r"[*_`#>]+")
_ROMAN = re.compile(r"^(?:[IVX]+)\s*[.)]\s+\S")
_NUMBERED = re.compile(r"^(\d+)\s*[.)]\s+\S")
_LETTERED = re.compile(r"^([a-zđ])\s*\)\s*")
_BULLET = re.compile(r"^[-+•–]\s+")
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")
_SUBJECT = [(re.compile(r"^(?:[a-zđ]\)\s*)?(?:doi voi|danh cho)?\s*tap the\b"), "tap_the"),
            (re.compile(r"^(?:[a-zđ]\)\s*)?(?:doi voi|danh cho)?\s*ca nhan\b"), "ca_nhan")]
_MAX_ITEMS = 40


@dataclass
class CriterionItem:
    text: str
    subject: str = "ca_hai"          # tap_the, ca_nhan, ca_hai
    target_value: float | None = None
    target_unit: str = ""


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
    items: list[CriterionItem] = []
    subject = "ca_hai"
    for line in body:
        if not line:
            continue
        key = fold(line).rstrip(":")
        matched = next((s for pattern, s in _SUBJECT if pattern.match(key) and len(key) < 40), None)
        if matched:
            subject = matched
            continue
        if _level(line) is not None and len(line) < 60 and not fallback:
            continue  # a sub-heading such as "2. Tiêu chí thi đua"
        item = _BULLET.sub("", line)
        item = _LETTERED.sub("", item)
        item = _NUMBERED.sub(lambda m: m.group(0)[-1], item) if fallback else item
        item = item.strip().rstrip(";.").strip()
        if len(item) < 12 or item.endswith(":"):
            continue
        target = _PERCENT.search(item)
        value = float(target.group(1).replace(",", ".")) if target else None
        items.append(CriterionItem(item, subject, value, "%" if target else ""))
        if len(items) >= _MAX_ITEMS:
            break
    return items
