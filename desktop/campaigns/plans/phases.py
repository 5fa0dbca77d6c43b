"""Plans with several phases: sơ kết in one year, tổng kết in another, each with its own awards.

A plan for a multi-year movement often rewards it twice: "1. Sơ kết giai đoạn
1 (năm 2027): Giấy khen của Giám đốc Sở cho không quá 05 tập thể …", "2.
Tổng kết (năm 2030): Bằng khen của Chủ tịch UBND tỉnh …". Each phase is read
on its own (name, period, deadline, awards and their quotas) so that nothing
the plan says for one phase is merged into another. The phases are kept only
when at least two of them name awards; a single phase is the plan itself.
"""
from __future__ import annotations

import re

from desktop.catalog import Catalog
from desktop.text import fold
from desktop.campaigns.plans.awards import read_awards
from desktop.campaigns.plans.blocks import LEVEL_DASH, Block, section
from desktop.campaigns.plans.model import Period, Phase, PlanExtraction
from desktop.campaigns.plans.timeline import read_deadline, read_period

_PHASE = re.compile(
    r"^(?:\W*)(?:(?:khen\s+thuong|to\s+chuc|hinh\s+thuc\s+khen\s+thuong)\s+)?(?:khi\s+)?"
    r"(?:so\s+ket|tong\s+ket|giai\s+doan\s+(?:\d+|[ivx]+|mot|hai|ba|bon)\b|dot\s+(?:\d+|[ivx]+|mot|hai|ba|bon)\b)"
)

_PHASE_HINT = re.compile(r"so ket|tong ket|giai doan|dot")


def _is_phase_heading(block: Block) -> bool:
    if block.level is None or block.level >= LEVEL_DASH:
        return False
    if not _PHASE_HINT.search(block.body_key):
        return False
    head = block.body.text.split(":", 1)[0]
    return len(head) <= 160 and bool(_PHASE.match(fold(head)))


def read_phases(plan: PlanExtraction, blocks: list[Block], catalog: Catalog) -> list[Phase]:
    """The plan's phases that each name their own awards; empty unless there are at least two."""
    heads = [i for i, b in enumerate(blocks) if _is_phase_heading(b)]
    phases: list[Phase] = []
    for i in heads:
        scope = section(blocks, i)
        # A phase heading holding other phase headings is a grouping ("IV. SƠ KẾT, TỔNG KẾT"): read the inner ones.
        if any(_is_phase_heading(b) for b in scope):
            continue
        part = [blocks[i], *scope]
        scratch = PlanExtraction(source_text=plan.source_text, date=plan.date, title=plan.title)
        read_awards(scratch, part, catalog)
        if not scratch.awards:
            continue
        read_period(scratch, part, blocks[i].body)
        read_deadline(scratch, part)
        name = blocks[i].body.text.split(":", 1)[0].strip().rstrip(".;")
        phases.append(Phase(name=name, period=Period(scratch.period.start, scratch.period.end),
                            deadline=scratch.deadline, awards=scratch.awards))
    if len(phases) < 2:
        return []
    _unmerge_quotas(plan, phases)
    return phases


def _unmerge_quotas(plan: PlanExtraction, phases: list[Phase]) -> None:
    """An award whose limits differ from phase to phase has no single limit for the whole plan."""
    for award in plan.awards:
        limits = {(a.collective, a.individual) for p in phases for a in p.awards if a.award == award.award}
        if len(limits) > 1:
            award.collective = award.individual = None
            where = "; ".join(
                f"{p.name}: {_limits(a.collective, a.individual)}" for p in phases for a in p.awards
                if a.award == award.award)
            plan.problem(f"“{award.award or award.text}” có số lượng khác nhau theo từng đợt ({where}); "
                         "xem số lượng của từng đợt.")


def _limits(collective: int | None, individual: int | None) -> str:
    parts = [f"{n} {who}" for n, who in ((collective, "tập thể"), (individual, "cá nhân")) if n is not None]
    return ", ".join(parts) or "không giới hạn"
