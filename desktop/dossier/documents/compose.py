"""Filling a legal form with the unit's data: ``compose(form, context) -> Document``.

The context is a plain dictionary so that it can be built from the database by
the application and by hand in tests. Every key is optional: a missing value in
a template prints as "……" (the dotted gap of the printed forms), a missing
signer name leaves the space for a handwritten one, and a data source with
nothing to show prints a sentence saying so (see :mod:`.sources`).

Keys read by the templates and by the composer itself::

    unit:      {name, governing, abbreviation, place, drafting_unit}
               "Sở Tư pháp", "UBND tỉnh Hà Tĩnh", "STP", "Hà Tĩnh", "VP"
    council:   {name, abbreviation}        "Hội đồng Thi đua - Khen thưởng", "HĐTĐKT"
    document:  {number, date, place, classification, recipients, bases, noi_nhan, closing}
               number "" leaves "Số:      /TTr-STP" for the e-office system;
               date: datetime.date, "2025-08-15", "2025-08", "2025", {day, month, year} or None;
               classification: thuong | mat | toi_mat | tuyet_mat;
               recipients / bases / noi_nhan (lists) replace the form's defaults
    campaign:  {name, plan, period}
    award:     {name, verb ("tặng" | "công nhận" …), approver, request, closing}
               request: "Giám đốc Sở … xem xét, trình Chủ tịch … tặng …" (the Tờ trình's ask);
               closing: "… xem xét, quyết định" (its last sentence)
    meeting:   {start, end (datetime or text), place, chair {name, title},
                secretary {name, title}, members [...], total_members}
    ballot:    {issued, returned, valid, invalid, threshold}
    candidates, person, collective, achievements, measures, prior_awards, texts:
               see :mod:`.sources`
    signers:   {role: {authority, title, note, name}} for the roles the form names
               (signer, chair, secretary, head, superior, reporter, submitting)
    overrides: {section_id: markup text or blocks} — sections the clerk edited;
               they replace what the form would compose

Every text of the result gets no-break spaces between a number and its unit or %, and
inside a written date (:func:`desktop.numbers.bind`).

The composer adds derived values the templates may use: ``form.symbol``,
``form.decree``, ``form.number``; ``count.tap_the`` / ``count.ca_nhan`` /
``count.total`` (two digits) and ``count.phrase`` ("02 tập thể và 05 cá nhân") of
the candidates still proposed after the ballot;
``meeting.start_text``, ``meeting.end_text``, ``meeting.date_text``;
``subject.name`` and ``subject.line`` (the person or collective the report is
about); ``collective.parent`` (defaults to ``unit.name``).
"""
from __future__ import annotations

import copy
import datetime as dt
import re
import string
from collections.abc import Mapping
from typing import Any

from desktop.errors import UserError
from desktop.dossier.documents.forms import Form, SectionSpec, SignatureSpec
from desktop.dossier.documents.model import (
    CLASSIFICATIONS, Block, BulletList, DateParts, Document, Header, Paragraph, Run, Section, SignatureBlock, Table,
    TitleLine,
)
from desktop.dossier.documents.richtext import normalise_runs, parse
from desktop.numbers import bind
from desktop.dossier.documents.sources import SOURCES, lookup, proposed, two_digits

__all__ = ["MISSING", "compose", "date_parts", "datetime_text", "fill"]

MISSING = "……"


class _Formatter(string.Formatter):
    """``{a.b.c}`` looks up nested dict keys; ``:upper`` / ``:lower`` change case."""

    def __init__(self, missing: str):
        super().__init__()
        self.missing = missing

    def get_field(self, field_name: str, args, kwargs):  # type: ignore[override]
        value = lookup(kwargs, field_name)
        return (None if value is None or value == "" else value), field_name

    def format_field(self, value: Any, format_spec: str) -> str:
        if value is None:
            return self.missing
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        text = re.sub(r"\s+", " ", str(value)).strip()
        if format_spec == "upper":
            return text.upper()
        if format_spec == "lower":
            return text.lower()
        return format(text, format_spec)


def fill(template: str, context: Mapping[str, Any], *, missing: str = MISSING) -> str:
    """Fill the ``{fields}`` of ``template`` from ``context``.

    A malformed template is returned as written rather than failing a draft: the
    form loader already rejects unbalanced braces, so this only guards text typed
    later.
    """
    if "{" not in template and "}" not in template:
        return template
    try:
        return _Formatter(missing).vformat(template, (), context)
    except (ValueError, IndexError, KeyError, AttributeError):
        return template


# ---------------------------------------------------------------- dates


def date_parts(value: Any) -> DateParts:
    """A date in any form the context may hold → :class:`DateParts` (blank parts kept)."""
    if value is None or value == "":
        return DateParts()
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return DateParts(value.day, value.month, value.year)
    if isinstance(value, Mapping):
        def part(key: str) -> int | None:
            v = value.get(key)
            return int(v) if isinstance(v, (int, str)) and str(v).strip().isdigit() else None
        return DateParts(part("day"), part("month"), part("year"))
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", value)
        if m:
            year, month, day = (int(g) if g else None for g in m.groups())
            return DateParts(day, month, year)
    raise UserError(f"Ngày “{value}” không đúng dạng năm-tháng-ngày (ví dụ 2025-08-15).")


def datetime_text(value: Any) -> str | None:
    """``08 giờ 00 phút, ngày 12 tháng 8 năm 2025`` for a datetime; text is kept as typed."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return f"{value.hour:02d} giờ {value.minute:02d} phút, {date_parts(value).text()}"
    if isinstance(value, dt.date):
        return date_parts(value).text()
    return str(value)


# ---------------------------------------------------------------- context


def _meeting_date(value: Any) -> str | None:
    """"ngày 12 tháng 8 năm 2025" for the meeting, or nothing when it was typed as free text."""
    if not isinstance(value, (dt.date, str, Mapping)):
        return None
    try:
        return date_parts(value).text()
    except UserError:
        return None


def _derive(form: Form, context: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of the context with the derived values the templates use."""
    ctx: dict[str, Any] = copy.deepcopy(dict(context))
    ctx["form"] = {"symbol": form.symbol, "decree": form.decree, "number": form.form, "name": form.name}

    candidates = proposed(ctx)
    collectives = sum(1 for c in candidates if c.get("kind") == "tap_the")
    people = len(candidates) - collectives
    phrase = " và ".join(
        x for x in (
            f"{two_digits(collectives)} tập thể" if collectives else "",
            f"{two_digits(people)} cá nhân" if people else "",
        ) if x
    )
    ctx["count"] = {
        "tap_the": two_digits(collectives),
        "ca_nhan": two_digits(people),
        "total": two_digits(len(candidates)),
        "phrase": phrase or None,
    }

    meeting = ctx.get("meeting")
    if isinstance(meeting, dict):
        meeting["start_text"] = datetime_text(meeting.get("start"))
        meeting["end_text"] = datetime_text(meeting.get("end"))
        meeting["date_text"] = _meeting_date(meeting.get("date") or meeting.get("start"))

    collective = ctx.get("collective")
    if isinstance(collective, dict) and not collective.get("parent"):
        collective["parent"] = lookup(ctx, "unit.name")

    subject_key = "collective" if form.subject == "tap_the" else "person"
    record = ctx.get(subject_key) if isinstance(ctx.get(subject_key), Mapping) else {}
    name = str(record.get("name") or "").strip()
    if subject_key == "person":
        line = ", ".join(str(record.get(k) or "").strip() for k in ("name", "position", "unit") if record.get(k))
    else:
        line = name
    ctx["subject"] = {"name": name or None, "line": line or None}
    return ctx


# ---------------------------------------------------------------- blocks


def _fill_runs(runs: tuple[Run, ...], ctx: Mapping[str, Any]) -> tuple[Run, ...]:
    return normalise_runs([Run(fill(r.text, ctx), r.bold, r.italic) for r in runs])


def _fill_block(block: Block, ctx: Mapping[str, Any]) -> Block | None:
    if isinstance(block, Paragraph):
        runs = _fill_runs(block.runs, ctx)
        return Paragraph(runs) if runs else None
    if isinstance(block, BulletList):
        return BulletList(tuple(_fill_runs(item, ctx) for item in block.items))
    return Table(
        tuple(fill(c, ctx) for c in block.header),
        tuple(tuple(fill(c, ctx) for c in row) for row in block.rows),
        block.widths,
        block.bold_header,
    )


def _section(form: Form, spec: SectionSpec, ctx: Mapping[str, Any]) -> Section:
    override = lookup(ctx, f"overrides.{spec.id}") if isinstance(ctx.get("overrides"), Mapping) else None
    heading = fill(spec.heading, ctx)
    if isinstance(override, str):
        return Section(spec.id, heading, parse(override))
    if isinstance(override, (list, tuple)):
        return Section(spec.id, heading, tuple(override))
    blocks: list[Block] = []
    for part in spec.parts:
        if part.text is not None:
            for block in parse(part.text):
                filled = _fill_block(block, ctx)
                if filled is not None:
                    blocks.append(filled)
            continue
        source = SOURCES[part.source]
        made = source.fn(ctx, part.options, form.subject)
        if made:
            blocks.extend(made)
        else:
            blocks.append(Paragraph.of(fill(part.empty or source.empty, ctx)))
    return Section(spec.id, heading, tuple(blocks))


def _strings(value: Any) -> list[str] | None:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if str(v).strip()]
    return None


def _signature(spec: SignatureSpec, given: Any, ctx: Mapping[str, Any]) -> SignatureBlock:
    """A signature block: what ``signers[role]`` gives, else the form's template.

    A missing name stays empty so the space is left for a handwritten one.
    """
    given = given if isinstance(given, Mapping) else {}

    def part(name: str) -> str:
        value = given.get(name)
        return str(value) if value else fill(getattr(spec, name), ctx, missing="")

    return SignatureBlock(spec.position, part("authority"), part("title"), part("note"), part("name"))


def _bind_runs(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    return tuple(Run(bind(r.text), r.bold, r.italic) for r in runs)


def _bind_block(block: Block) -> Block:
    """No-break spaces between a number and its unit, and inside written dates (:func:`desktop.numbers.bind`)."""
    if isinstance(block, Paragraph):
        return Paragraph(_bind_runs(block.runs))
    if isinstance(block, BulletList):
        return BulletList(tuple(_bind_runs(item) for item in block.items))
    return Table(block.header, tuple(tuple(bind(c) for c in row) for row in block.rows), block.widths,
                 block.bold_header)


def _typeset(doc: Document) -> Document:
    from dataclasses import replace

    return replace(
        doc,
        title_lines=tuple(TitleLine(bind(t.text), t.bold, t.italic) for t in doc.title_lines),
        bases=tuple(bind(b) for b in doc.bases),
        sections=tuple(Section(s.id, s.heading, tuple(_bind_block(b) for b in s.blocks)) for s in doc.sections),
        closing=bind(doc.closing),
    )


def compose(form: Form, context: Mapping[str, Any]) -> Document:
    """Build the document the form describes from ``context`` (see the module doc)."""
    return _typeset(_compose(form, context))


def _compose(form: Form, context: Mapping[str, Any]) -> Document:
    ctx = _derive(form, context)
    doc_ctx = ctx.get("document") if isinstance(ctx.get("document"), Mapping) else {}

    classification = doc_ctx.get("classification") or "thuong"
    if classification not in CLASSIFICATIONS:
        raise UserError(
            f"Độ mật “{classification}” không hợp lệ; chọn một trong: thường, mật, tối mật, tuyệt mật."
        )

    spec = form.header
    symbol = fill(spec.symbol, ctx) if spec.symbol else f"{form.symbol}-{fill('{unit.abbreviation}', ctx)}"
    header = Header(
        issuing_body=fill(spec.issuing_body, ctx) if spec.issuing_body else "",
        governing_body=fill(spec.governing_body, ctx, missing="") if spec.governing_body else "",
        number=str(doc_ctx.get("number") or "").strip(),
        symbol=symbol,
        place=str(doc_ctx.get("place") or lookup(ctx, "unit.place") or ""),
        date=date_parts(doc_ctx.get("date")),
        show_agency=spec.show_agency,
        show_number=spec.show_number,
        show_place_date=spec.show_place_date,
    )

    recipients = _strings(doc_ctx.get("recipients"))
    if recipients is None:
        recipients = [fill(r, ctx) for r in form.recipients]
    bases = _strings(doc_ctx.get("bases"))
    if bases is None:
        bases = [fill(b, ctx) for b in form.bases]
    noi_nhan = _strings(doc_ctx.get("noi_nhan"))
    if noi_nhan is None:
        noi_nhan = [fill(n, ctx) for n in form.noi_nhan]
    closing = doc_ctx.get("closing")
    closing = str(closing) if closing else fill(form.closing, ctx)

    signers = ctx.get("signers") if isinstance(ctx.get("signers"), Mapping) else {}
    signatures = [_signature(sig, signers.get(sig.role), ctx) for sig in form.signatures]

    return Document(
        form_id=form.id,
        header=header,
        type_name=form.type_name,
        title_lines=tuple(
            TitleLine(text, t.bold, t.italic)
            for t in form.title
            if (text := fill(t.text, ctx)).strip()
        ),
        classification=classification,
        recipients=tuple(recipients),
        bases=tuple(bases),
        sections=tuple(_section(form, s, ctx) for s in form.sections),
        closing=closing,
        noi_nhan=tuple(noi_nhan),
        signatures=tuple(signatures),
        layout=form.layout,
    )
