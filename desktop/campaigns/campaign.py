"""Emulation campaigns (phong trào thi đua) as the Sở's plan sets them, and their progress.

A campaign holds the plan's document identity, its running period, criteria
(for collectives, individuals or both, optionally with a numeric target), the
awards it offers with their quotas, the documents the dossier must hold, the
deadline, the signer and the recipients, plus the plan's source file.
Dates are kept as precise as the plan wrote them: ``2025``, ``2025-07`` or
``2025-07-28``; a yearly deadline is ``--01-04``.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop.records import blobs
from desktop import catalog
from desktop.errors import NotFound, UserError, ValidationError, os_reason
from desktop.dates import PartialDate, first_day, last_day, parse_partial, partial_text
from desktop.text import clean
from desktop import clock

SUBJECTS = {"tap_the": "Tập thể", "ca_nhan": "Cá nhân", "ca_hai": "Tập thể và cá nhân"}
KINDS = ["Kế hoạch", "Công văn", "Hướng dẫn", "Thông báo", "Quyết định"]
SOON_DAYS = 7
DIRECTIONS = {"tang": "tăng", "giam": "giảm"}

_YEARLY = re.compile(r"^--\d{2}-\d{2}$")


@dataclass
class Criterion:
    text: str
    subject: str = "ca_hai"
    target_value: float | None = None
    target_unit: str = ""
    id: int | None = None
    target_direction: str | None = None   # "tang" / "giam": the target is relative to ``target_reference``
    target_reference: str = ""            # "kế hoạch được giao", "năm trước"

    @property
    def relative(self) -> bool:
        return self.target_direction is not None

    @property
    def target_text(self) -> str:
        """``100 %``, or for a relative target ``tăng 5 % so với kế hoạch được giao``."""
        from desktop.records.achievements import format_measure

        amount = format_measure(self.target_value, self.target_unit)
        if not self.relative or not amount:
            return amount
        verb = DIRECTIONS.get(self.target_direction, self.target_direction)
        return f"{verb} {amount}" + (f" so với {self.target_reference}" if self.target_reference else "")


@dataclass
class CampaignAward:
    award: str | None            # canonical catalog name; None when the plan's wording matched nothing
    text: str = ""               # as the plan wrote it
    quota_collective: int | None = None
    quota_individual: int | None = None
    id: int | None = None
    phase: int | None = None     # index into ``Campaign.phase_records``; None: the whole campaign
    phase_id: int | None = field(default=None, compare=False)   # the stored phase's id (set by get/save)


@dataclass
class CampaignPhase:
    """One phase of a campaign (sơ kết, tổng kết, a yearly round): its own period, deadline and awards.

    Its awards are the campaign's awards whose ``phase`` points to it, so each
    has its own quota; nominations and meetings name the phase they belong to.
    """
    name: str
    period_start: str | None = None
    period_end: str | None = None
    deadline: str | None = None
    note: str = ""
    id: int | None = None
    report_deadline: str | None = None   # the phase's report (báo cáo sơ kết / tổng kết) is due


@dataclass
class DossierDocument:
    name: str
    form: str | None = None      # "01", "08", "1.9"
    decree: str | None = None    # "152/2025/NĐ-CP"
    id: int | None = None


@dataclass
class Campaign:
    title: str
    kind: str = "Kế hoạch"
    number: str | None = None            # "205/KH-STP"; None when left blank for the e-office system
    symbol: str = ""
    place: str = ""
    doc_date: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    deadline: str | None = None
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)
    paperless: bool = False
    note: str = ""
    criteria: list[Criterion] = field(default_factory=list)
    awards: list[CampaignAward] = field(default_factory=list)
    documents: list[DossierDocument] = field(default_factory=list)
    source_name: str | None = None
    source_sha256: str | None = None
    id: int | None = None
    # The plan's phases when it has several (sơ kết one year, tổng kết another), each as the plan sets it:
    # {"name", "period": {"start", "end"}, "deadline", "awards": [{"award", "text", "collective", "individual"}]}.
    phases: list[dict] = field(default_factory=list)
    issuer: str = ""                     # the body that issued the plan: "Sở Tư pháp tỉnh Hà Tĩnh"
    # The phases as records (made from ``phases`` on import, then edited by the clerk).
    phase_records: list[CampaignPhase] = field(default_factory=list)
    registration_deadline: str | None = None   # đăng ký thi đua is due ("--03-25": yearly)
    report_deadline: str | None = None         # the báo cáo kết quả is due ("--03-31": yearly)

    def phase_awards(self, phase: int | None) -> list[CampaignAward]:
        """The awards of one phase (by index), or of the whole campaign (``None``)."""
        return [a for a in self.awards if a.phase == phase]

    def phase_by_id(self, phase_id: int | None) -> CampaignPhase | None:
        return next((p for p in self.phase_records if phase_id is not None and p.id == phase_id), None)

    def phase_number(self, number: int | None) -> CampaignPhase | None:
        """The phase the command line names by its number (1 = the first); ``None`` for ``None``."""
        if number is None:
            return None
        if not 1 <= number <= len(self.phase_records):
            names = "; ".join(f"{i}. {p.name}" for i, p in enumerate(self.phase_records, 1))
            raise UserError(f"Phong trào số {self.id} không có đợt {number}"
                            + (f" (các đợt: {names})." if names else " (phong trào không chia đợt)."))
        return self.phase_records[number - 1]

    def award_phase(self, award: CampaignAward) -> CampaignPhase | None:
        return self.phase_records[award.phase] if award.phase is not None else None

    @property
    def reference(self) -> str:
        """How documents cite the plan: "Kế hoạch số 205/KH-STP ngày 28/7/2025"."""
        parts = [self.kind]
        parts.append(f"số {self.number}" if self.number else f"số …/{self.symbol}" if self.symbol else "")
        if self.doc_date:
            parts.append(PartialDate.from_iso(self.doc_date).worded())  # "ngày 28/07/2025", "tháng 07/2025"…
        return " ".join(p for p in parts if p)


# -- dates as precise as written ------------------------------------------------------------------

def deadline_date(c: Campaign, today: dt.date) -> dt.date | None:
    """The concrete last day for the dossier on ``today`` (see :func:`due_date`)."""
    return due_date(c.deadline, c.period_start, c.period_end, today)


def phase_deadline_date(c: Campaign, phase: CampaignPhase | None, today: dt.date) -> dt.date | None:
    """The last day of a phase's dossier: its own deadline inside its own period, else the campaign's."""
    if phase is None:
        return deadline_date(c, today)
    if not phase.deadline:
        return deadline_date(c, today) if phase is c.phase_records[-1] else None
    return due_date(phase.deadline, phase.period_start or c.period_start, phase.period_end or c.period_end, today)


def phase_of(c: Campaign, today: dt.date) -> int | None:
    """The index of the phase under way on ``today``: the one whose period holds it, else the first whose
    deadline has not passed, else the last; ``None`` for a campaign without phases."""
    if not c.phase_records:
        return None
    for i, p in enumerate(c.phase_records):
        if p.period_start and p.period_end and first_day(p.period_start) <= today <= last_day(p.period_end):
            return i
    for i, p in enumerate(c.phase_records):
        due = phase_deadline_date(c, p, today)
        end = last_day(p.period_end) if p.period_end else None
        if (due is not None and due >= today) or (due is None and end is not None and end >= today):
            return i
    return len(c.phase_records) - 1


def due_date(deadline: str | None, period_start: str | None, period_end: str | None,
             today: dt.date) -> dt.date | None:
    """The concrete last day of a deadline as the plan wrote it, on ``today``.

    A yearly deadline ("trước ngày 05/01 hằng năm") is its next occurrence, kept
    inside the campaign's period: never before the first occurrence on or after
    the period's start, and never after the occurrence that closes the period
    (the one nearest its end: 04/01/2026 for a period ending in December 2025,
    15/12/2025 for a deadline of 15/12 in a period ending 31/12/2025). Once that
    one has passed, the campaign is over and that past day is its deadline.
    """
    if not deadline:
        return None
    if not _YEARLY.match(deadline):
        return last_day(deadline)
    month, day = int(deadline[2:4]), int(deadline[5:7])
    due = _occurrence_from(month, day, today)
    if period_start:
        due = max(due, _occurrence_from(month, day, first_day(period_start)))
    if period_end:
        end = last_day(period_end)
        options = [_occurrence(month, day, end.year + k) for k in (-1, 0, 1)]
        closing = min(options, key=lambda d: (abs((d - end).days), d))
        due = min(due, closing)
    return due


def _occurrence(month: int, day: int, year: int) -> dt.date:
    """The yearly day in ``year``; 29/02 is 28/02 in a common year."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _occurrence_from(month: int, day: int, start: dt.date) -> dt.date:
    """The first occurrence of a yearly day on or after ``start``."""
    this_year = _occurrence(month, day, start.year)
    return this_year if this_year >= start else _occurrence(month, day, start.year + 1)


def is_running(c: Campaign, today: dt.date) -> bool:
    """Whether the campaign is under way: inside its period, or (without one) before its deadline."""
    if c.period_start and first_day(c.period_start) > today:
        return False
    if c.period_end:
        return last_day(c.period_end) >= today
    due = deadline_date(c, today)
    return due is None or due >= today - dt.timedelta(days=30)


# -- validation and storage ----------------------------------------------------------------------------

def _clean_texts(record, *names: str) -> None:
    """Tidy the white space of ``record``'s text fields ``names`` in place (see :func:`desktop.text.clean`)."""
    for name in names:
        setattr(record, name, clean(getattr(record, name)))


def _read_dates(record, names: tuple[str, ...]) -> dict[str, str]:
    """Turn ``record``'s typed dates ``names`` into partial dates in place (a deadline may be yearly, a blank is
    ``None``); returns those that are no date, with the text as typed."""
    wrong: dict[str, str] = {}
    for name in names:
        value = getattr(record, name)
        try:
            setattr(record, name, parse_partial(value, yearly=name.endswith("deadline")) if value else None)
        except ValueError:
            wrong[name] = value
    return wrong


def _ends_before_start(record) -> bool:
    """Whether ``record``'s period (both ends given and read) ends before it starts."""
    return bool(record.period_start and record.period_end) and first_day(record.period_start) > last_day(record.period_end)


def validate(c: Campaign) -> Campaign:
    errors: dict[str, str] = {}
    c.kind = clean(c.kind) or "Kế hoạch"
    c.number = clean(c.number) or None
    c.symbol = clean(c.symbol).upper().replace(" ", "")
    _clean_texts(c, "title", "place", "signer_authority", "signer_title", "signer_name", "note", "issuer")
    c.recipients = [clean(r) for r in c.recipients if clean(r)]
    if not c.title:
        errors["title"] = "Tên (trích yếu) của phong trào không được để trống."
    dates = ("doc_date", "period_start", "period_end", "deadline", "registration_deadline", "report_deadline")
    for key, value in _read_dates(c, dates).items():
        errors[key] = f"Ngày “{value}” không hợp lệ; ghi dạng ngày/tháng/năm, tháng/năm hoặc năm."
    if "period_start" not in errors and "period_end" not in errors and _ends_before_start(c):
        errors["period_end"] = "Thời gian kết thúc phải sau thời gian bắt đầu."
    cat = catalog.load()
    for i, a in enumerate(c.awards):
        a.text = clean(a.text)
        if a.award:
            known = cat.get(a.award)
            if known is None:
                errors[f"awards[{i}]"] = f"“{a.award}” không có trong danh mục khen thưởng."
            else:
                a.award = known.name
        elif not a.text:
            errors[f"awards[{i}]"] = "Dòng khen thưởng trống."
        for q in ("quota_collective", "quota_individual"):
            v = getattr(a, q)
            if v is not None and (not isinstance(v, int) or v < 0):
                errors[f"awards[{i}]"] = "Số lượng phải là số nguyên không âm, hoặc để trống nếu không giới hạn."
    for i, k in enumerate(c.criteria):
        _clean_texts(k, "text", "target_unit", "target_reference")
        if not k.text:
            errors[f"criteria[{i}]"] = "Nội dung tiêu chí không được để trống."
        if k.subject not in SUBJECTS:
            errors[f"criteria[{i}]"] = "Đối tượng của tiêu chí phải là tập thể, cá nhân hoặc cả hai."
        k.target_direction = k.target_direction or None
        if k.target_direction is not None and (k.target_direction not in DIRECTIONS or k.target_value is None):
            errors[f"criteria[{i}]"] = "Chỉ tiêu so sánh phải là tăng hoặc giảm một mức cụ thể."
    for i, ph in enumerate(c.phase_records):
        _clean_texts(ph, "name", "note")
        if not ph.name:
            errors[f"phases[{i}]"] = "Tên đợt (sơ kết, tổng kết…) không được để trống."
        for value in _read_dates(ph, ("period_start", "period_end", "deadline", "report_deadline")).values():
            errors[f"phases[{i}]"] = f"{ph.name or 'Đợt'}: ngày “{value}” không hợp lệ."
        if f"phases[{i}]" not in errors and _ends_before_start(ph):
            errors[f"phases[{i}]"] = f"{ph.name}: thời gian kết thúc phải sau thời gian bắt đầu."
    for i, a in enumerate(c.awards):
        if a.phase is not None and not (isinstance(a.phase, int) and 0 <= a.phase < len(c.phase_records)):
            errors[f"awards[{i}]"] = "Khen thưởng gắn với một đợt không có trong phong trào."
    for i, d in enumerate(c.documents):
        d.name = clean(d.name)
        d.form = clean(d.form) or None
        d.decree = clean(d.decree) or None
        if not d.name:
            errors[f"documents[{i}]"] = "Tên thành phần hồ sơ không được để trống."
    if errors:
        raise ValidationError(errors)
    return c


_FIELDS = ("kind", "number", "symbol", "place", "doc_date", "title", "period_start", "period_end", "deadline",
           "signer_authority", "signer_title", "signer_name", "recipients", "paperless", "note", "phases", "issuer",
           "registration_deadline", "report_deadline")


def _row_values(c: Campaign) -> list:
    values = []
    for f in _FIELDS:
        v = getattr(c, f)
        if f in ("recipients", "phases"):
            v = json.dumps(v, ensure_ascii=False)
        elif f == "paperless":
            v = int(bool(v))
        values.append(v)
    return values


def save(store, c: Campaign) -> int:
    """Insert or update a campaign with its criteria, awards and documents, in one transaction.

    Children keep their ids when edited, so achievements linked to a criterion
    stay linked; a removed criterion unlinks its achievements.
    """
    c = validate(c)
    with store.transaction() as conn:
        if c.id is None:
            cur = conn.execute(
                f"INSERT INTO campaign({', '.join(_FIELDS)}) VALUES ({', '.join('?' * len(_FIELDS))})",
                _row_values(c))
            c.id = cur.lastrowid
        else:
            cur = conn.execute(f"UPDATE campaign SET {', '.join(f + ' = ?' for f in _FIELDS)} WHERE id = ?",
                               (*_row_values(c), c.id))
            if cur.rowcount == 0:
                raise NotFound(f"Không tìm thấy phong trào số {c.id}.")
        _sync(conn, "campaign_criterion", c.id, c.criteria,
              ("subject", "text", "target_value", "target_unit", "target_direction", "target_reference"))
        _sync(conn, "campaign_phase", c.id, c.phase_records,
              ("name", "period_start", "period_end", "deadline", "note", "report_deadline"), delete=False)
        for a in c.awards:
            a.phase_id = c.phase_records[a.phase].id if a.phase is not None else None
        _sync(conn, "campaign_award", c.id, c.awards,
              ("award", "text", "quota_collective", "quota_individual", "phase_id"))
        # A removed phase goes after its awards moved or went (a phase's own awards go with it).
        _delete_others(conn, "campaign_phase", c.id, c.phase_records)
        _sync(conn, "campaign_document", c.id, c.documents, ("name", "form", "decree"))
    return c.id


def _delete_others(conn, table: str, campaign_id: int, items: list) -> None:
    keep = [i.id for i in items if i.id is not None]
    conn.execute(f"DELETE FROM {table} WHERE campaign_id = ? AND id NOT IN ({','.join('?' * len(keep))})",
                 (campaign_id, *keep))


def _sync(conn, table: str, campaign_id: int, items: list, cols: tuple[str, ...], *, delete: bool = True) -> None:
    if delete:
        _delete_others(conn, table, campaign_id, items)
    for position, item in enumerate(items):
        values = [getattr(item, col) for col in cols]
        if item.id is None:
            cur = conn.execute(
                f"INSERT INTO {table}(campaign_id, position, {', '.join(cols)}) "
                f"VALUES (?, ?, {', '.join('?' * len(cols))})", (campaign_id, position, *values))
            item.id = cur.lastrowid
        else:
            conn.execute(f"UPDATE {table} SET position = ?, {', '.join(c + ' = ?' for c in cols)} "
                         "WHERE id = ? AND campaign_id = ?", (position, *values, item.id, campaign_id))


def get(store, campaign_id: int) -> Campaign:
    row = store.one("SELECT * FROM campaign WHERE id = ?", (campaign_id,))
    if row is None:
        raise NotFound(f"Không tìm thấy phong trào số {campaign_id}.")
    c = Campaign(**{f: row[f] for f in _FIELDS}, source_name=row["source_name"],
                 source_sha256=row["source_sha256"], id=row["id"])
    c.recipients = json.loads(row["recipients"])
    c.phases = json.loads(row["phases"])
    c.paperless = bool(row["paperless"])
    c.criteria = [Criterion(r["text"], r["subject"], r["target_value"], r["target_unit"], r["id"],
                            r["target_direction"], r["target_reference"]) for r in store.query(
        "SELECT * FROM campaign_criterion WHERE campaign_id = ? ORDER BY position, id", (campaign_id,))]
    c.phase_records = [CampaignPhase(r["name"], r["period_start"], r["period_end"], r["deadline"], r["note"],
                                     r["id"], r["report_deadline"]) for r in store.query(
        "SELECT * FROM campaign_phase WHERE campaign_id = ? ORDER BY position, id", (campaign_id,))]
    index = {p.id: i for i, p in enumerate(c.phase_records)}
    c.awards = [CampaignAward(r["award"], r["text"], r["quota_collective"], r["quota_individual"], r["id"],
                              index.get(r["phase_id"]), r["phase_id"])
                for r in store.query("SELECT * FROM campaign_award WHERE campaign_id = ? ORDER BY position, id",
                                     (campaign_id,))]
    c.documents = [DossierDocument(r["name"], r["form"], r["decree"], r["id"]) for r in store.query(
        "SELECT * FROM campaign_document WHERE campaign_id = ? ORDER BY position, id", (campaign_id,))]
    return c


def list_campaigns(store) -> list[Campaign]:
    """Every campaign, newest plan first (children included; a unit has tens, not thousands)."""
    ids = [r["id"] for r in store.query(
        "SELECT id FROM campaign ORDER BY coalesce(period_end, deadline, doc_date) DESC, id DESC")]
    return [get(store, i) for i in ids]


def delete(store, campaign_id: int) -> None:
    """Delete a campaign; its achievements stay in the ledger, unlinked."""
    with store.transaction() as conn:
        sha = store.scalar("SELECT source_sha256 FROM campaign WHERE id = ?", (campaign_id,))
        conn.execute("UPDATE achievement SET campaign_id = NULL, criterion_id = NULL WHERE campaign_id = ?",
                     (campaign_id,))
        if conn.execute("DELETE FROM campaign WHERE id = ?", (campaign_id,)).rowcount == 0:
            raise NotFound(f"Không tìm thấy phong trào số {campaign_id}.")
        if sha:
            blobs.drop_if_unused(store, sha)


def attach_source(store, campaign_id: int, path: str | Path) -> None:
    """Keep the plan's file with the campaign (replacing an earlier one)."""
    path = Path(path)
    try:
        with store.transaction() as conn:
            old = store.scalar("SELECT source_sha256 FROM campaign WHERE id = ?", (campaign_id,))
            digest, _ = blobs.put_file(store, path, path.name)
            conn.execute("UPDATE campaign SET source_name = ?, source_sha256 = ? WHERE id = ?",
                         (path.name, digest, campaign_id))
            if old and old != digest:
                blobs.drop_if_unused(store, old)
    except OSError as exc:
        raise UserError(f"Không đọc được tệp “{path.name}”: {os_reason(exc)}.") from None


# -- from a parsed plan -------------------------------------------------------------------------------

def from_extraction(x) -> Campaign:
    """A campaign filled from a :class:`desktop.campaigns.plans.model.PlanExtraction` (not yet saved)."""
    from desktop.campaigns.plans.criteria import extract_criteria

    text = " ".join(filter(None, [x.title, x.source_text[:4000] if x.source_text else ""]))
    paperless = bool(re.search(r"không (in )?giấy|không văn bản giấy|không sử dụng giấy", text, re.I))
    return Campaign(
        title=x.title or "",
        kind=x.kind or "Kế hoạch",
        number=x.number,
        symbol=x.symbol or "",
        place=x.place or "",
        doc_date=x.date,
        period_start=x.period.start,
        period_end=x.period.end,
        deadline=x.deadline,
        signer_authority=x.signer.authority or "",
        signer_title=x.signer.title or "",
        signer_name=x.signer.name or "",
        recipients=list(x.recipients),
        paperless=paperless,
        criteria=[Criterion(k.text, k.subject, k.target_value, k.target_unit,
                            target_direction=k.target_direction, target_reference=k.target_reference)
                  for k in extract_criteria(x.source_text or "")],
        awards=_awards_with_phases(x),
        documents=[DossierDocument(d.name, d.form, d.decree) for d in x.dossier],
        phases=[p.to_dict() for p in getattr(x, "phases", [])],
        issuer=getattr(x, "issuer", None) or "",
        phase_records=[CampaignPhase(p.name, p.period.start, p.period.end, p.deadline)
                       for p in getattr(x, "phases", [])],
        registration_deadline=getattr(x, "registration_deadline", None),
        report_deadline=getattr(x, "report_deadline", None),
    )


def _awards_with_phases(x) -> list[CampaignAward]:
    """The plan's awards for the whole campaign, then each phase's own (with its own quota).

    An award the plan offers in a phase is that phase's only: the plan-wide
    line for the same award (which the reader keeps as the union) is left out,
    so a nomination always counts against one phase's quota.
    """
    phases = list(getattr(x, "phases", []))
    in_phases = {a.award or clean(a.text) for p in phases for a in p.awards}
    out = [CampaignAward(a.award, a.text, a.collective, a.individual) for a in x.awards
           if (a.award or clean(a.text)) not in in_phases]
    for i, p in enumerate(phases):
        out += [CampaignAward(a.award, a.text, a.collective, a.individual, phase=i) for a in p.awards]
    return out


class SamePlan(UserError):
    """The plan being imported is already a campaign (same number, issuer and date)."""

    def __init__(self, campaign: Campaign, name: str):
        self.campaign = campaign
        issuer = f" của {campaign.issuer}" if campaign.issuer else ""
        super().__init__(
            f"{campaign.reference}{issuer} đã có trong sổ: phong trào số {campaign.id} “{campaign.title}”. "
            f"Chưa lưu gì. Để cập nhật phong trào này theo tệp “{name}”, dùng "
            f"“thidua plan import {name} --update”.")


def same_plan(store, c: Campaign) -> Campaign | None:
    """The stored campaign made from the same plan as ``c``: same number (or, left blank, same symbol and
    title), same issue date and same issuer (an older campaign without one: same place)."""
    if not (c.number or c.symbol) or not c.doc_date:
        return None
    for other in list_campaigns(store):
        if other.id == c.id or other.doc_date != c.doc_date:
            continue
        if c.number:
            if other.number != c.number:
                continue
        elif other.number or other.symbol != c.symbol or clean(other.title) != clean(c.title):
            continue
        if other.issuer and c.issuer:
            if other.issuer != c.issuer:
                continue
        elif other.place and c.place and other.place != c.place:
            continue
        return other
    return None


def import_plan(store, path: str | Path, *, update: bool = False):
    """Read a plan file and store it as a campaign with its source; returns (campaign id, extraction).

    A plan that already is a campaign raises :class:`SamePlan` (nothing saved)
    unless ``update``: then that campaign is updated from the plan, in one
    transaction, keeping what the unit recorded against it (see :func:`update_from_plan`).
    """
    campaign_id, x, _updated = import_or_update(store, path, update=update)
    return campaign_id, x


def import_or_update(store, path: str | Path, *, update: bool = False):
    """:func:`import_plan`, also saying whether an existing campaign was updated: (id, extraction, updated)."""
    from desktop.campaigns.plans.parser import parse_plan, require_something_read

    x = require_something_read(parse_plan(path), Path(path).name)
    c = from_extraction(x)
    if not c.title:
        c.title = Path(path).stem
    existing = same_plan(store, c)
    if existing is not None:
        if not update:
            raise SamePlan(existing, Path(path).name)
        return update_from_plan(store, existing.id, c, path), x, True
    with store.transaction():
        save(store, c)
        attach_source(store, c.id, path)
    return c.id, x, False


def update_from_plan(store, campaign_id: int, fresh: Campaign, path: str | Path) -> int:
    """Replace a campaign's plan fields by those of ``fresh`` (read again from ``path``), in one transaction.

    The clerk's note stays. Criteria, awards and dossier documents that the new
    reading still has (same text; same award) keep their ids, so achievements
    and nominations stay linked; an award the plan no longer lists but that has
    nominations is kept rather than lose them.
    """
    old = get(store, campaign_id)
    fresh.id, fresh.note = old.id, old.note
    # A registration or report deadline the plan does not write is the clerk's own: it stays.
    fresh.registration_deadline = fresh.registration_deadline or old.registration_deadline
    fresh.report_deadline = fresh.report_deadline or old.report_deadline
    by_text = {clean(k.text): k for k in old.criteria}
    for k in fresh.criteria:
        if (match := by_text.pop(clean(k.text), None)) is not None:
            k.id = match.id
    # Phases keep their ids by name; a phase the plan no longer has stays while an award of it is in use.
    used = nomination_counts(store, campaign_id)
    by_phase = {clean(p.name): (i, p) for i, p in enumerate(old.phase_records)}
    for p in fresh.phase_records:
        if (match := by_phase.pop(clean(p.name), None)) is not None:
            p.id, p.note = match[1].id, match[1].note
            p.report_deadline = p.report_deadline or match[1].report_deadline
    for i, p in by_phase.values():
        if any(a.id in used for a in old.phase_awards(i)):
            fresh.phase_records.append(p)

    def phase_name(c: Campaign, a: CampaignAward) -> str:
        return clean(c.phase_records[a.phase].name) if a.phase is not None else ""

    by_award = {(phase_name(old, a), a.award or clean(a.text)): a for a in old.awards}
    for a in fresh.awards:
        if (match := by_award.pop((phase_name(fresh, a), a.award or clean(a.text)), None)) is not None:
            a.id = match.id
    names = [clean(p.name) for p in fresh.phase_records]
    for (name, _), a in by_award.items():
        if a.id in used:
            a.phase = names.index(name) if name else None
            fresh.awards.append(a)
    by_doc = {clean(d.name): d for d in old.documents}
    for d in fresh.documents:
        if (match := by_doc.pop(clean(d.name), None)) is not None:
            d.id = match.id
    with store.transaction():
        save(store, fresh)
        attach_source(store, campaign_id, path)
    return campaign_id


# -- progress --------------------------------------------------------------------------------------------

@dataclass
class AwardUse:
    award: CampaignAward
    used_collective: int
    used_individual: int


@dataclass
class CriterionProgress:
    criterion: Criterion
    series: list[tuple[dt.date, float]]    # measured values of linked achievements, oldest first
    achievements: int                      # linked achievements, measured or not

    @property
    def latest(self) -> float | None:
        return self.series[-1][1] if self.series else None

    registered: float | None = None       # the target the unit registered for it (đăng ký thi đua), if any

    @property
    def goal(self) -> float | None:
        """What the progress is measured against: the registered target, else the plan's absolute one."""
        if self.registered is not None:
            return self.registered
        return None if self.criterion.relative else self.criterion.target_value

    @property
    def goal_text(self) -> str:
        """``98 % (đã đăng ký)``, or the plan's target as it writes it."""
        from desktop.records.achievements import format_measure

        if self.registered is not None:
            return f"{format_measure(self.registered, self.criterion.target_unit)} (đã đăng ký)"
        return self.criterion.target_text

    @property
    def reached(self) -> bool | None:
        if self.goal is None or self.latest is None:
            return None  # a relative target ("tăng 5% so với năm trước") is not met by an absolute measure
        return self.latest >= self.goal


@dataclass
class CampaignProgress:
    campaign: Campaign
    deadline: dt.date | None
    days_left: int | None
    urgency: str | None                    # "past", "soon" (under 7 days) or "ok"
    awards: list[AwardUse]
    criteria: list[CriterionProgress]
    phase: CampaignPhase | None = None     # the phase under way, when the campaign has phases
    phase_deadline: dt.date | None = None  # that phase's own deadline


def nomination_counts(store, campaign_id: int) -> dict[int, tuple[int, int]]:
    """{campaign_award id: (collectives, individuals)} proposed so far, once nominations exist."""
    if not store.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'nomination'"):
        return {}
    rows = store.query(
        "SELECT campaign_award_id AS aid, sum(collective_id IS NOT NULL) AS c, sum(person_id IS NOT NULL) AS p "
        "FROM nomination WHERE campaign_id = ? AND status <> 'khong_thong_qua' GROUP BY campaign_award_id",
        (campaign_id,))
    return {r["aid"]: (r["c"] or 0, r["p"] or 0) for r in rows}


def progress(store, campaign_id: int, today: dt.date | None = None) -> CampaignProgress:
    today = today or clock.today()
    c = get(store, campaign_id)
    due = deadline_date(c, today)
    days = (due - today).days if due else None
    urgency = None if days is None else "past" if days < 0 else "soon" if days < SOON_DAYS else "ok"
    used = nomination_counts(store, campaign_id)
    awards = [AwardUse(a, *used.get(a.id, (0, 0))) for a in c.awards]
    from desktop.campaigns import registration

    index = phase_of(c, today)
    phase = c.phase_records[index] if index is not None else None
    registered = registration.unit_targets(store, campaign_id, phase.id if phase else None)
    criteria = []
    for k in c.criteria:
        rows = store.query(
            "SELECT date, measure_value FROM achievement WHERE criterion_id = ? AND archived_at IS NULL "
            "ORDER BY date, id", (k.id,))
        series = [(dt.date.fromisoformat(r["date"]), r["measure_value"]) for r in rows
                  if r["measure_value"] is not None]
        target = registered.get(k.id)
        criteria.append(CriterionProgress(k, series, len(rows), target.value if target else None))
    return CampaignProgress(c, due, days, urgency, awards, criteria, phase,
                            phase_deadline_date(c, phase, today) if phase else None)


def running(store, today: dt.date | None = None) -> list[CampaignProgress]:
    """Progress of every campaign under way, the nearest deadline first."""
    today = today or clock.today()
    out = [progress(store, c.id, today) for c in list_campaigns(store) if is_running(c, today)]
    out.sort(key=lambda p: (p.deadline is None, p.deadline or dt.date.max))
    return out
