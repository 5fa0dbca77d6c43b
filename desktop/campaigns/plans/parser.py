"""Read a campaign plan or launch letter into a :class:`PlanExtraction`.

The rules live in one module per part of the document (header, awards,
dossier, timeline, signature); this module runs them in order over the
cleaned document and collects what they found, where they found it, and what
they could not read.
"""
from __future__ import annotations

import gc
import re
import unicodedata
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path

from desktop.catalog import Catalog, load
from desktop.campaigns.plans.awards import read_awards
from desktop.campaigns.plans.blocks import Block
from desktop.campaigns.plans.document import Document
from desktop.campaigns.plans.dossier import read_dossier
from desktop.campaigns.plans.extract import extract_text
from desktop.campaigns.plans.header import read_header
from desktop.campaigns.plans.issuer import issuer_from_symbol
from desktop.campaigns.plans.dates import impossible_dates
from desktop.campaigns.plans.model import Heading, PlanExtraction
from desktop.campaigns.plans.phases import read_phases
from desktop.campaigns.plans.signature import find_tail, read_signature
from desktop.campaigns.plans.timeline import read_deadline, read_period, read_unit_deadlines

__all__ = ["nothing_read", "parse_plan", "parse_plan_text", "require_something_read"]


def normalise_source(text: str) -> str:
    """NFC with Unix line ends: the text every span of the result points into."""
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]", "\n", text)


STEPS = 9  # progress reports of one parse


def parse_plan_text(text: str, catalog: Catalog | None = None,
                    progress: Callable[[int, int, str], None] | None = None) -> PlanExtraction:
    """Read the fields of a plan from its text; never raises on odd input.

    ``source_text`` of the result is ``text`` in NFC with ``\\n`` line ends;
    ``spans`` are offsets into it. ``progress(done, total, "")``, when given, is
    called between the steps (the window's progress bar); a cancelled
    :class:`~desktop.progress.Progress` raises :class:`~desktop.progress.Cancelled` there.
    """
    with _no_cyclic_gc():
        return _parse(text, catalog, progress)


@contextmanager
def _no_cyclic_gc():
    """The cyclic garbage collector paused while a plan is read, then put back as it was.

    Reading a long plan makes hundreds of thousands of small objects (lines, pieces, paragraphs) and
    no reference cycles; the collector would walk them again and again (about an eighth of the time
    on a 10 MB plan) without freeing anything. Memory is still freed by reference counting.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _parse(text: str, catalog: Catalog | None,
           progress: Callable[[int, int, str], None] | None) -> PlanExtraction:
    step = (lambda k: progress(k, STEPS, "")) if progress else (lambda k: None)
    catalog = catalog or load()
    step(0)
    source = normalise_source(text)
    plan = PlanExtraction(source_text=source)
    doc = Document.read(source)
    step(1)

    header = read_header(doc)
    for f in fields(Heading):
        setattr(plan, f.name, getattr(header, f.name))
    if plan.issuer is None:
        plan.issuer = issuer_from_symbol(plan.symbol, plan.place)
    plan.spans.update(header.spans)
    for message in header.problems:
        plan.problem(message)

    tail = find_tail(doc, header.body_start)
    body = doc.blocks(min(header.body_start, tail), tail)
    step(2)
    signature = PlanExtraction(source_text=source)
    after = read_signature(signature, doc, tail)
    # What follows the signature (the plan a "Quyết định ban hành Kế hoạch" carries,
    # an appendix) is read only for what the body itself does not say.
    rest = doc.blocks(after, len(doc.lines)) if after < len(doc.lines) else []
    step(3)
    _read(plan, lambda p, b: read_awards(p, b, catalog), body, rest, lambda p: bool(p.awards))
    step(4)
    _read(plan, lambda p, b: read_dossier(p, b, doc.footnotes), body, rest, lambda p: bool(p.dossier))
    step(5)
    period = _scratch(plan)
    read_period(period, body, header.title_piece, rest)
    _merge(plan, period)
    step(6)
    _read(plan, read_deadline, body, rest, lambda p: p.deadline is not None)
    _read(plan, read_unit_deadlines, body, rest, lambda p: bool(p.registration_deadline or p.report_deadline))
    _merge(plan, signature)
    step(7)
    plan.phases = read_phases(plan, body, catalog) or (read_phases(plan, rest, catalog) if rest else [])
    step(8)
    _report_impossible_dates(plan)
    step(9)
    return plan


def _report_impossible_dates(plan: PlanExtraction) -> None:
    """A day that does not exist (31/02, 45/13) is a problem wherever it is written, never dropped silently."""
    for text, start, end in impossible_dates(plan.source_text):
        written = " ".join(text.split())
        if any(written in " ".join(p.split()) for p in plan.problems):
            continue  # already reported by the rule that met it
        plan.problem(f"Ngày “{written}” không có thật; hãy kiểm tra lại văn bản.", (start, end))


NOTHING_READ = ("Không đọc được gì từ tệp “{name}”: không thấy số, ngày ban hành, trích yếu hay hình thức "
                "khen thưởng nào. Tệp này có phải là kế hoạch, công văn phát động thi đua không? Chưa lưu gì.")


def nothing_read(plan: PlanExtraction) -> bool:
    """Whether nothing that makes a plan was read: no number or symbol, no date, no title, no award."""
    return not (plan.number or plan.symbol or plan.date or plan.title or plan.awards)


def require_something_read(plan: PlanExtraction, name: str) -> PlanExtraction:
    """``plan``, or a :class:`~desktop.errors.UserError` saying nothing was read from the file ``name``."""
    from desktop.errors import UserError

    if nothing_read(plan):
        raise UserError(NOTHING_READ.format(name=name))
    return plan


def _read(plan: PlanExtraction, reader: Callable[[PlanExtraction, list[Block]], None], body: list[Block],
          rest: list[Block], found: Callable[[PlanExtraction], bool]) -> None:
    """Run one rule on the body, and on the part after the signature when the body had nothing."""
    result = _scratch(plan)
    reader(result, body)
    if not found(result) and rest:
        other = _scratch(plan)
        reader(other, rest)
        if found(other):
            result = other
    _merge(plan, result)


def _scratch(plan: PlanExtraction) -> PlanExtraction:
    """An empty result that knows what the rules read from the header (the issue date)."""
    return PlanExtraction(source_text=plan.source_text, date=plan.date, title=plan.title)


def _merge(plan: PlanExtraction, part: PlanExtraction) -> None:
    """Copy into ``plan`` what a rule found in ``part``: its fields, spans and problems."""
    blank = _scratch(plan)
    for name in ("awards", "dossier", "recipients"):
        if getattr(part, name):
            setattr(plan, name, getattr(part, name))
    for name in ("period", "signer"):
        if getattr(part, name) != getattr(blank, name):
            setattr(plan, name, getattr(part, name))
    for name in ("deadline", "registration_deadline", "report_deadline"):
        if getattr(part, name) is not None:
            setattr(plan, name, getattr(part, name))
    for key, span in part.spans.items():
        if not key.startswith("problems["):
            plan.spans[key] = span
    for k, message in enumerate(part.problems):
        plan.problem(message, part.spans.get(f"problems[{k}]"))


def parse_plan(path: str | Path, catalog: Catalog | None = None,
               progress: Callable[[int, int, str], None] | None = None) -> PlanExtraction:
    """Extract the text of a .docx, .pdf, .txt or .md file and read it (``progress`` as in :func:`parse_plan_text`).

    Raises :class:`~desktop.errors.UserError` when the file cannot be read.
    """
    return parse_plan_text(extract_text(path), catalog, progress)
