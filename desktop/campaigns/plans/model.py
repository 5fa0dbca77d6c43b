"""What the importer reads from a campaign plan, and its JSON form.

The JSON is the one described in ``shared/plans/README.md`` (the fields the
review dialog shows and the campaign store keeps) plus ``problems``. Beside
it, :class:`PlanExtraction` keeps ``spans`` (where in ``source_text`` each
value was read, so the dialog can highlight it) and the source text itself.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from desktop.campaigns.plans.piece import Span


@dataclass
class Period:
    """The campaign's running time; each end an ISO date as precise as written."""

    start: str | None = None
    end: str | None = None


@dataclass
class AwardItem:
    """An award the plan offers and its limits for this plan (``None``: no limit set)."""

    award: str | None
    text: str
    collective: int | None = None
    individual: int | None = None


@dataclass
class DossierItem:
    """A document the award dossier must hold, with the form and decree it follows."""

    name: str
    form: str | None = None
    decree: str | None = None


@dataclass
class Signer:
    authority: str | None = None  # "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN" …
    title: str | None = None      # "PHÓ GIÁM ĐỐC"
    name: str | None = None


@dataclass
class Phase:
    """One phase of a plan with several (sơ kết, tổng kết): its own time, deadline and awards."""

    name: str
    period: Period = field(default_factory=Period)
    deadline: str | None = None
    awards: list[AwardItem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "period": {"start": self.period.start, "end": self.period.end},
            "deadline": self.deadline,
            "awards": [{"award": a.award, "text": a.text, "collective": a.collective, "individual": a.individual}
                       for a in self.awards],
        }


@dataclass
class Heading:
    """What the header says of the document itself: its type, number, place and date, summary and issuer."""

    kind: str | None = None
    number: str | None = None
    symbol: str | None = None
    place: str | None = None
    date: str | None = None
    title: str | None = None
    issuer: str | None = None  # the issuing body in sentence case ("Sở Tư pháp tỉnh Hà Tĩnh"); not in the README's JSON


@dataclass
class PlanExtraction(Heading):
    """The structured reading of one plan or launch letter.

    ``spans`` maps a field to its ``(start, end)`` offsets in ``source_text``.
    Keys: ``kind``, ``number``, ``symbol``, ``place``, ``date``, ``title``,
    ``period``, ``period.start``, ``period.end``, ``deadline``,
    ``signer.authority``, ``signer.title``, ``signer.name``, ``awards[i]``,
    ``awards[i].collective``, ``awards[i].individual``, ``dossier[i]``,
    ``dossier[i].form``, ``recipients[i]`` and ``problems[i]`` (the text a
    problem is about, when it has one).
    """

    period: Period = field(default_factory=Period)
    awards: list[AwardItem] = field(default_factory=list)
    dossier: list[DossierItem] = field(default_factory=list)
    deadline: str | None = None
    signer: Signer = field(default_factory=Signer)
    recipients: list[str] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    # The units' other deadlines the plan sets: đăng ký thi đua, and the báo cáo kết quả (sơ kết, tổng kết,
    # a yearly report); as precise as written, ``--03-31`` when yearly. Not in the README's JSON.
    registration_deadline: str | None = None
    report_deadline: str | None = None
    problems: list[str] = field(default_factory=list)
    spans: dict[str, Span] = field(default_factory=dict)
    source_text: str = ""

    def problem(self, message: str, span: Span | None = None) -> None:
        """Record a problem once, with the source span it is about when there is one."""
        if message in self.problems:
            return
        if span is not None:
            self.spans[f"problems[{len(self.problems)}]"] = span
        self.problems.append(message)

    def to_dict(self) -> dict[str, Any]:
        """The README fields, in the README's order, plus ``problems``.

        A plan with several phases, each with its own awards, also has
        ``phases`` (before ``problems``): ``[{name, period, deadline, awards}]``;
        one that sets the units' registration or report deadline has
        ``registration_deadline`` / ``report_deadline`` (before ``problems``).
        """
        out = {
            "kind": self.kind,
            "number": self.number,
            "symbol": self.symbol,
            "place": self.place,
            "date": self.date,
            "title": self.title,
            "period": {"start": self.period.start, "end": self.period.end},
            "awards": [
                {"award": a.award, "text": a.text, "collective": a.collective, "individual": a.individual}
                for a in self.awards
            ],
            "dossier": [{"name": d.name, "form": d.form, "decree": d.decree} for d in self.dossier],
            "deadline": self.deadline,
            "signer": {"authority": self.signer.authority, "title": self.signer.title, "name": self.signer.name},
            "recipients": list(self.recipients),
        }
        if self.phases:
            out["phases"] = [p.to_dict() for p in self.phases]
        for name in ("registration_deadline", "report_deadline"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        out["problems"] = list(self.problems)
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
