"""Outcomes of sent nominations: the decision that came back, and the award it gives.

When the decision on a sent nomination arrives, the clerk records it: approved
(đạt) or not (không đạt), the decision's number, date and issuing authority, the
award as decided (it may differ from the one proposed) and, optionally, the
signed decision (PDF) kept as evidence inside the database. An approved outcome
is also an award received (``prior_award``) by the person or collective: it
shows in their history, in later reports' prior awards and in every condition
that counts earlier titles. Recording an outcome again replaces the earlier one
and its award in the same transaction.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from desktop.records import blobs
from desktop.campaigns import campaign as campaigns
from desktop import catalog, clock
from desktop.council import nominations, prizes
from desktop.dates import DateError, from_iso, parse_date
from desktop.errors import NotFound, UserError, ValidationError
from desktop.files import atomic_write
from desktop.records.people import PriorAward, _validate_award
from desktop.text import clean

RESULTS = {"dat": "Đạt", "khong_dat": "Không đạt"}
# What the command line accepts (with or without the hyphen).
RESULT_WORDS = {"dat": "dat", "đạt": "dat", "khong-dat": "khong_dat", "khong_dat": "khong_dat",
                "không đạt": "khong_dat", "không-đạt": "khong_dat"}


@dataclass(frozen=True)
class Outcome:
    nomination_id: int
    result: str
    decision_number: str
    decision_date: dt.date
    issuer: str
    award: str | None
    prior_award_id: int | None
    file_name: str | None
    file_sha256: str | None
    recorded_at: str

    @property
    def approved(self) -> bool:
        return self.result == "dat"

    def decision_text(self) -> str:
        """"Quyết định số 123/QĐ-STP ngày 20/01/2026 của Giám đốc Sở Tư pháp"."""
        by = f" của {self.issuer}" if self.issuer else ""
        return f"Quyết định số {self.decision_number} ngày {self.decision_date:%d/%m/%Y}{by}"


def _row(r) -> Outcome:
    return Outcome(r["nomination_id"], r["result"], r["decision_number"], from_iso(r["decision_date"]),
                   r["issuer"], r["award"], r["prior_award_id"], r["file_name"], r["file_sha256"], r["recorded_at"])


def get(store, nomination_id: int) -> Outcome | None:
    r = store.one("SELECT * FROM nomination_outcome WHERE nomination_id = ?", (nomination_id,))
    return _row(r) if r else None


def for_campaign(store, campaign_id: int) -> dict[int, Outcome]:
    """Every recorded outcome of a campaign's nominations, by nomination."""
    return {r["nomination_id"]: _row(r) for r in store.query(
        "SELECT o.* FROM nomination_outcome o JOIN nomination n ON n.id = o.nomination_id "
        "WHERE n.campaign_id = ?", (campaign_id,))}


def proposed_award(store, nomination_id: int) -> str:
    """The award the nomination proposed (the catalog name)."""
    return store.scalar("SELECT coalesce(ca.award, n.award) FROM nomination n LEFT JOIN campaign_award ca "
                        "ON ca.id = n.campaign_award_id WHERE n.id = ?", (nomination_id,)) or ""


def award_year(store, n: nominations.Nomination, decision_date: dt.date) -> int:
    """The year the award is for: the campaign's last year (a 2025 title decided in January 2026 is 2025's);
    for an ad-hoc award, the year of the latest feat it rests on, else the decision's year."""
    if n.ad_hoc:
        latest = store.scalar("SELECT max(a.date) FROM achievement a JOIN nomination_achievement x "
                              "ON x.achievement_id = a.id WHERE x.nomination_id = ?", (n.id,))
        return min(int(latest[:4]), decision_date.year) if latest else decision_date.year
    return nominations.rating_year(campaigns.get(store, n.campaign_id), decision_date)


def check_decision(errors: dict[str, str], number, date, example: str):
    """A decision's number and date as typed: cleaned and parsed, problems put in ``errors``.

    Shared by an outcome's decision and the year-end review's decision.
    """
    number = clean(number or "")
    if not number:
        errors["decision_number"] = f"Hãy ghi số quyết định, ví dụ {example}."
    try:
        date = parse_date(date) if date else None
    except DateError as exc:
        errors["decision_date"] = str(exc)
        date = None
    if date is None and "decision_date" not in errors:
        errors["decision_date"] = "Hãy ghi ngày quyết định."
    elif date is not None and date > clock.today():
        errors["decision_date"] = f"Ngày quyết định {date:%d/%m/%Y} chưa tới."
    return number, date


def record(store, nomination_id: int, *, result: str, decision_number: str, decision_date: dt.date | str,
           issuer: str = "", award: str | None = None, file: str | os.PathLike[str] | None = None,
           file_name: str | None = None) -> Outcome:
    """Record (or replace) the outcome of a sent nomination, in one transaction.

    ``award`` defaults to the award proposed; an approved outcome adds the award
    received to the subject's history (replacing the one an earlier outcome added).
    """
    n = nominations.get(store, nomination_id)
    if n.status != "da_gui":
        raise UserError(f"Đề nghị số {nomination_id} đang ở trạng thái “{nominations.STATUSES[n.status]}”; "
                        "chỉ ghi kết quả cho đề nghị đã gửi cấp trên.")
    errors: dict[str, str] = {}
    result = RESULT_WORDS.get(clean(result or "").lower(), result)
    if result not in RESULTS:
        errors["result"] = "Kết quả phải là “đạt” hoặc “không đạt”."
    decision_number, decision_date = check_decision(errors, decision_number, decision_date, "123/QĐ-STP")
    issuer = clean(issuer or "")
    decided = None
    if result == "dat":
        wanted = clean(award or "") or proposed_award(store, nomination_id)
        known = catalog.load().get(wanted)
        if known is None:
            errors["award"] = f"“{wanted}” không có trong danh mục khen thưởng."
        elif not known.fits(n.subject_kind):
            errors["award"] = f"{known.name} không dành cho {'cá nhân' if n.subject_kind == 'person' else 'tập thể'}."
        else:
            decided = known.name
    path = Path(file) if file else None
    if path is not None:
        if not path.is_file():
            errors["file"] = f"Không tìm thấy tệp {path}."
        else:
            with open(path, "rb") as fh:
                if fh.read(5) != b"%PDF-":
                    errors["file"] = f"Tệp {path.name} không phải PDF; hãy đính kèm quyết định đã ký dạng PDF."
    ValidationError.raise_if_any(errors)

    old = get(store, nomination_id)
    with store.transaction() as conn:
        sha, name = None, None
        if path is not None:
            sha, _size = blobs.put_file(store, path, path.name)
            name = clean(file_name or path.name)
        elif old is not None:  # re-recording without a file keeps the one already attached
            sha, name = old.file_sha256, old.file_name
        if old is not None and old.prior_award_id is not None:
            conn.execute("DELETE FROM prior_award WHERE id = ?", (old.prior_award_id,))
        award_id = None
        if result == "dat":
            a = _validate_award(PriorAward(decided, award_year(store, n, decision_date), decision_number,
                                           decision_date, issuer, n.person_id, n.collective_id))
            award_id = conn.execute(
                "INSERT INTO prior_award(person_id, collective_id, award, year, decision_number, decision_date, "
                "issuer) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (a.person_id, a.collective_id, a.award, a.year, a.decision_number, decision_date.isoformat(),
                 a.issuer)).lastrowid
        conn.execute(
            "INSERT INTO nomination_outcome(nomination_id, result, decision_number, decision_date, issuer, award, "
            "prior_award_id, file_name, file_sha256, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(nomination_id) DO UPDATE SET result = excluded.result, "
            "decision_number = excluded.decision_number, decision_date = excluded.decision_date, "
            "issuer = excluded.issuer, award = excluded.award, prior_award_id = excluded.prior_award_id, "
            "file_name = excluded.file_name, file_sha256 = excluded.file_sha256, recorded_at = excluded.recorded_at",
            (nomination_id, result, decision_number, decision_date.isoformat(), issuer, decided, award_id, name, sha,
             clock.now().strftime("%Y-%m-%dT%H:%M:%SZ")))
        if old is not None and old.file_sha256 and old.file_sha256 != sha:
            blobs.drop_if_unused(store, old.file_sha256)
    return get(store, nomination_id)


def clear(store, nomination_id: int) -> None:
    """Remove a recorded outcome and the award it added (the nomination is "đã gửi" again, undecided)."""
    old = get(store, nomination_id)
    if old is None:
        raise NotFound(f"Đề nghị số {nomination_id} chưa có kết quả.")
    with store.transaction() as conn:
        conn.execute("DELETE FROM nomination_outcome WHERE nomination_id = ?", (nomination_id,))
        if old.prior_award_id is not None:
            conn.execute("DELETE FROM prior_award WHERE id = ?", (old.prior_award_id,))
        if old.file_sha256:
            blobs.drop_if_unused(store, old.file_sha256)


def save_file(store, nomination_id: int, target: str | os.PathLike[str]) -> Path:
    """Write the decision file kept with the outcome to ``target`` (a temp file, then renamed)."""
    o = get(store, nomination_id)
    if o is None or not o.file_sha256:
        raise NotFound(f"Đề nghị số {nomination_id} không có tệp quyết định.")
    target = Path(target)
    with atomic_write(target) as tmp, open(tmp, "wb") as fh:
        for chunk in blobs.iter_chunks(store, o.file_sha256):
            fh.write(chunk)
    return target


def prize_for(store, nomination_id: int, on: dt.date | None = None) -> prizes.Prize | None:
    """The nomination's prize: the decided award at the decision date, else the proposed award today."""
    n = nominations.get(store, nomination_id)
    o = get(store, nomination_id)
    if o is not None:
        if not o.approved:
            return None
        return prizes.prize(o.award, n.subject_kind, o.decision_date)
    return prizes.prize(proposed_award(store, nomination_id), n.subject_kind, on or clock.today())
