"""Which awards a plan offers, and how many of each.

Plans list their awards under a heading such as "Hình thức khen thưởng"
(sometimes inline: "1. Hình thức khen thưởng: Bằng khen của …") and their
limits under "Số lượng khen thưởng" or beside each award: "không quá 01 tập
thể và 01 cá nhân", "Tặng Giấy khen cho 02 tập thể và 05 cá nhân", "04 tập
thể", or none at all ("theo phân bổ chỉ tiêu", "không giới hạn"). A limit
written without an award belongs to the award the text was last about
(a "* Giấy khen của Giám đốc Sở:" line above it) or, in a plan with a single
award, to that award. Letters and short plans without such headings are read
from their "khen thưởng" sections, or from the whole body as a last resort.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.catalog import Catalog
from desktop.text import fold
from desktop.campaigns.plans.award_names import AwardPhrase, find_award_phrases
from desktop.campaigns.plans.blocks import LEVEL_HEADING, LEVEL_LETTER, Block, section
from desktop.campaigns.plans.model import AwardItem, PlanExtraction

_FORM_ANCHOR = re.compile(
    r"^(?:cac\s+)?(?:hinh\s+thuc(?!\s+(?:to\s+chuc|thi\s+dua|tuyen\s+truyen|trien\s+khai|thuc\s+hien))"
    r"|danh\s+hieu(?:\s+thi\s+dua)?(?:\s+va\s+hinh\s+thuc)?|co\s+cau\s+khen\s+thuong)"
)
_QUOTA_ANCHOR = re.compile(r"^(?:so\s+luong|chi\s+tieu|co\s+cau|phan\s+bo)")
_GENERAL_ANCHOR = re.compile(r"khen\s+thuong")
# "01 tập thể", "không quá 10 cá nhân", "05 (năm) cá nhân", "01 đơn vị".
_QUOTA = re.compile(
    r"(?<![\d/.,%])(?P<n>\d{1,3})(?:\s*\([^()\d]{1,25}\))?\s+(?P<who>tập\s+thể|cá\s+nhân|đơn\s+vị|người)(?![^\W\d_])",
    re.IGNORECASE,
)
_QUOTA_AFTER = re.compile(
    r"(?<![^\W\d_])(?P<who>tập\s+thể|cá\s+nhân)\s*(?::|là|gồm)\s*(?:không\s+quá\s+|tối\s+đa\s+)?"
    r"(?P<n>\d{1,3})(?![\d%/]|[.,]\d)",
    re.IGNORECASE,
)


@dataclass
class _Quota:
    block: Block
    start: int
    end: int
    count: int
    collective: bool


def read_awards(plan: PlanExtraction, blocks: list[Block], catalog: Catalog) -> None:
    """Fill ``plan.awards`` (with their spans) from the body ``blocks``.

    The blocks under award headings are read first; when they name no award
    (a letter, a plan without such headings) the whole body is read.
    """
    form = _anchored(blocks, _FORM_ANCHOR)
    quota = _anchored(blocks, _QUOTA_ANCHOR)
    if not form:
        form = _general_scope(blocks)
    scope = sorted(set(form) | set(quota))
    if scope:
        _read_scope(plan, blocks, scope, form, catalog)
    if not plan.awards:
        everything = list(range(len(blocks)))
        _read_scope(plan, blocks, everything, set(everything), catalog)
    if not plan.awards:
        plan.problem("Không tìm thấy hình thức khen thưởng nào trong văn bản.")


def _read_scope(plan: PlanExtraction, blocks: list[Block], scope: list[int], form: set[int],
                catalog: Catalog) -> None:
    items: dict[str, AwardItem] = {}
    pending: list[_Quota] = []
    context: list[str] = []
    for index in scope:
        block = blocks[index]
        if block.level is not None and block.level <= LEVEL_LETTER:
            context = []
        phrases = find_award_phrases(block.text.text, catalog)
        about_numbers = _about_numbers(block)
        for ph in phrases:
            if ph.award is not None:
                _add(plan, items, ph, block)
            elif index in form and not (ph.bare and about_numbers):
                plan.problem(
                    f"Hình thức khen thưởng “{ph.text}” không có trong danh mục; hãy chọn tay hoặc bổ sung danh mục.",
                    block.text.span(ph.start, ph.end),
                )
        matched = [ph for ph in phrases if ph.award is not None]
        for q in _quotas(block):
            target = _target(q, matched, context)
            if target:
                _set_quota(plan, items, target, q)
            else:
                pending.append(q)
        if block.first.table is not None:
            _table_row_quotas(plan, items, blocks, index, catalog)
        if matched:
            context = list(dict.fromkeys(ph.award.name for ph in matched))
    for q in pending:
        if len(items) == 1:
            _set_quota(plan, items, next(iter(items)), q)
        elif items:
            plan.problem(
                f"Không rõ chỉ tiêu “{q.block.text.text[q.start:q.end]}” thuộc hình thức khen thưởng nào.",
                q.block.text.span(q.start, q.end),
            )


def _about_numbers(block: Block) -> bool:
    """A bare "Bằng khen" in a sentence about numbers is not an award list entry."""
    return bool(_QUOTA.search(block.text.text) or _QUOTA_AFTER.search(block.text.text))


def _anchored(blocks: list[Block], anchor: re.Pattern[str]) -> set[int]:
    """Indices of the blocks under the innermost headings that match ``anchor``."""
    heads = [i for i, b in enumerate(blocks) if _is_heading_like(b) and anchor.search(_key(b))]
    sizes = {i: len(section(blocks, i)) for i in heads}
    # Innermost: no other heading inside the scope (heads are in order, so only the next one can be).
    inner = [i for n, i in enumerate(heads) if not (n + 1 < len(heads) and heads[n + 1] <= i + sizes[i])]
    return {k for i in inner for k in range(i, i + sizes[i] + 1)}


def _general_scope(blocks: list[Block]) -> set[int]:
    """Blocks under headings about "khen thưởng" when no award-list heading exists."""
    out: set[int] = set()
    for i, b in enumerate(blocks):
        if b.level is not None and b.level <= LEVEL_LETTER and _GENERAL_ANCHOR.search(_key(b)):
            out.add(i)
            out.update(i + 1 + k for k in range(len(section(blocks, i))))
    return out


def _key(block: Block) -> str:
    return block.body_key


def _is_heading_like(block: Block) -> bool:
    """A numbered heading (down to "a)"), an unnumbered heading, or an unnumbered "Label:" line.

    Bulleted lines are list items, never headings, even when they end with a colon.
    """
    if block.level is not None:
        return block.level <= LEVEL_LETTER or block.level == LEVEL_HEADING
    text = block.body.text
    head = text.split(":", 1)[0]
    return ":" in text and len(head.split()) <= 8


def _add(plan: PlanExtraction, items: dict[str, AwardItem], ph: AwardPhrase, block: Block) -> None:
    name = ph.award.name
    if name in items:
        return
    item = AwardItem(award=name, text=ph.text)
    items[name] = item
    span = block.text.span(ph.start, ph.end)
    if span:
        plan.spans[f"awards[{len(plan.awards)}]"] = span
    plan.awards.append(item)


def _quotas(block: Block) -> list[_Quota]:
    text = block.text.text
    found = []
    for pattern in (_QUOTA, _QUOTA_AFTER):
        for m in pattern.finditer(text):
            who = fold(m.group("who"))
            collective = who.startswith(("tap", "don"))
            found.append(_Quota(block, m.start(), m.end(), int(m.group("n")), collective))
    found.sort(key=lambda q: q.start)
    return found


def _target(q: _Quota, matched: list[AwardPhrase], context: list[str]) -> str | None:
    before = [ph for ph in matched if ph.end <= q.start]
    if before:
        return before[-1].award.name
    after = [ph for ph in matched if ph.start >= q.end]
    if after:
        return after[0].award.name
    if len(context) == 1:
        return context[0]
    return None


def _set_quota(plan: PlanExtraction, items: dict[str, AwardItem], name: str, q: _Quota) -> None:
    item = items.get(name)
    if item is None:
        return
    index = plan.awards.index(item)
    span = q.block.text.span(q.start, q.end)
    if q.collective and item.collective is None:
        item.collective = q.count
        if span:
            plan.spans[f"awards[{index}].collective"] = span
    elif not q.collective and item.individual is None:
        item.individual = q.count
        if span:
            plan.spans[f"awards[{index}].individual"] = span


def _table_row_quotas(plan: PlanExtraction, items: dict[str, AwardItem], blocks: list[Block],
                      index: int, catalog: Catalog) -> None:
    """Limits from a data table whose header row has "Tập thể" and "Cá nhân" columns."""
    row = blocks[index].first
    header = next((b.first for b in blocks[:index + 1] if b.first.table == row.table and b.first.row == 0), None)
    if header is None or header is row:
        return
    columns = {}
    for k, cell in enumerate(header.cells):
        key = fold(cell.text)
        if "tap the" in key:
            columns.setdefault("collective", k)
        elif "ca nhan" in key:
            columns.setdefault("individual", k)
    if not columns:
        return
    phrases = [ph for ph in find_award_phrases(row.text.text, catalog) if ph.award is not None]
    if not phrases or phrases[0].award.name not in items:
        return
    item = items[phrases[0].award.name]
    for attr, k in columns.items():
        if k < len(row.cells) and getattr(item, attr) is None:
            digits = row.cells[k].text.strip()
            if digits.isdigit():
                setattr(item, attr, int(digits))
                span = row.cells[k].span()
                if span:
                    plan.spans[f"awards[{plan.awards.index(item)}].{attr}"] = span
