"""Every upcoming deadline of every campaign, in date order: registration, reports, dossiers, per phase.

A deadline as the plan wrote it (a day, a month, a year, or a yearly day such
as ``--03-31``) becomes a concrete day for ``today`` with
:func:`desktop.campaigns.campaign.due_date`: a yearly one is its next occurrence inside
the campaign's (or the phase's) period.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.campaigns import campaign as campaigns
from desktop.campaigns.campaign import due_date

KINDS = {"registration": "Đăng ký thi đua", "report": "Báo cáo kết quả", "dossier": "Nộp hồ sơ khen thưởng"}
REMIND_DAYS = 7


@dataclass(frozen=True)
class Deadline:
    date: dt.date
    kind: str                 # "registration", "report", "dossier"
    campaign_id: int
    campaign: str             # the campaign's title
    phase: str = ""           # the phase's name, when the deadline is a phase's

    @property
    def label(self) -> str:
        """``Báo cáo kết quả (Sơ kết giai đoạn 1)``."""
        return KINDS[self.kind] + (f" ({self.phase})" if self.phase else "")

    def days_left(self, today: dt.date) -> int:
        return (self.date - today).days

    @property
    def key(self) -> str:
        """What tells this deadline from every other: ``12:report:Sơ kết:2027-03-30`` (a reminder the
        clerk dismissed is not shown again that day, whatever else changes)."""
        return f"{self.campaign_id}:{self.kind}:{self.phase}:{self.date.isoformat()}"


def of_campaign(c: campaigns.Campaign, today: dt.date) -> list[Deadline]:
    """The campaign's deadlines on ``today`` (past ones included), in date order."""
    out: list[Deadline] = []

    def add(kind: str, value: str | None, start: str | None, end: str | None, phase: str = "") -> None:
        day = due_date(value, start, end, today)
        if day is not None:
            out.append(Deadline(day, kind, c.id, c.title, phase))

    add("registration", c.registration_deadline, c.period_start, c.period_end)
    add("report", c.report_deadline, c.period_start, c.period_end)
    phase_dossier = set()
    for p in c.phase_records:
        start, end = p.period_start or c.period_start, p.period_end or c.period_end
        add("report", p.report_deadline, start, end, p.name)
        if p.deadline:
            add("dossier", p.deadline, start, end, p.name)
            phase_dossier.add(p.deadline)
    if c.deadline and c.deadline not in phase_dossier:
        add("dossier", c.deadline, c.period_start, c.period_end)
    out = list(dict.fromkeys(out))
    out.sort(key=lambda d: (d.date, list(KINDS).index(d.kind), d.phase))
    return out


def upcoming(store, today: dt.date) -> list[Deadline]:
    """Every deadline on or after ``today`` of every campaign, the nearest first."""
    out = [d for c in campaigns.list_campaigns(store) for d in of_campaign(c, today) if d.date >= today]
    out.sort(key=lambda d: (d.date, d.campaign_id, list(KINDS).index(d.kind), d.phase))
    return out


def reminders(store, today: dt.date, days: int = REMIND_DAYS, *, dismissed: set[str] | frozenset = frozenset()
              ) -> list[Deadline]:
    """The upcoming deadlines within ``days`` days of ``today`` (what the window reminds of at start),
    but those whose :attr:`Deadline.key` is in ``dismissed`` (the clerk closed their reminder today)."""
    return [d for d in upcoming(store, today) if d.days_left(today) <= days and d.key not in dismissed]
