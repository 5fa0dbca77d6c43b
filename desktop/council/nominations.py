"""Nominations: a candidate proposed for one of a campaign's awards, and the rules it must meet.

Status flow: dự kiến → trình họp xét → thông qua / không thông qua → đã gửi.
The rules are checked live (:func:`checks`) and enforced when a nomination is
submitted to the council (:func:`submit`). Each failure says, in Vietnamese,
what is wrong and which rule says so.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop.campaigns import campaign as campaigns
from desktop import catalog
from desktop.council.conditions import Check  # noqa: F401  (the checks' type, used by the callers)
from desktop.errors import NotFound, UserError, ValidationError
from desktop.text import clean, nfc
from desktop import clock

STATUSES = {
    "du_kien": "Dự kiến",
    "trinh_hop_xet": "Trình họp xét",
    "thong_qua": "Thông qua",
    "khong_thong_qua": "Không thông qua",
    "da_gui": "Đã gửi",
}
# Passed by the council (and perhaps sent since): what the dossier carries and what may not be deleted.
PASSED = ("thong_qua", "da_gui")
# Moves the clerk may make by hand; meeting results and sending set the others.
MANUAL_MOVES = {("du_kien", "trinh_hop_xet"), ("trinh_hop_xet", "du_kien")}


@dataclass
class Nomination:
    campaign_id: int | None            # None: an ad-hoc award (khen thưởng đột xuất)
    campaign_award_id: int | None
    person_id: int | None = None
    collective_id: int | None = None
    summary: str = ""
    achievement_ids: list[int] = field(default_factory=list)
    status: str = "du_kien"
    override_reason: str | None = None
    id: int | None = None
    award: str | None = None           # the award an ad-hoc nomination proposes (a campaign's comes from its award)
    phase_id: int | None = None   # the campaign's phase it belongs to (its award's phase); None: the whole campaign
    review_year: int | None = None  # a title put to that year's review council (see desktop.council.review), not ad-hoc

    @property
    def subject_kind(self) -> str:
        return "person" if self.person_id is not None else "collective"

    @property
    def ad_hoc(self) -> bool:
        return self.campaign_id is None and self.review_year is None


# -- storage -------------------------------------------------------------------------------------

def _validate(store, n: Nomination) -> Nomination:
    errors: dict[str, str] = {}
    if (n.person_id is None) == (n.collective_id is None):
        errors["subject"] = "Hãy chọn một cá nhân hoặc một tập thể được đề nghị."
    if n.ad_hoc:
        known = catalog.load().get(n.award or "")
        n.campaign_award_id = None
        if known is None:
            errors["award"] = "Hãy chọn danh hiệu hoặc hình thức khen thưởng đột xuất trong danh mục."
        else:
            n.award = known.name
            if "subject" not in errors and not known.fits(n.subject_kind):
                errors["award"] = f"{known.name} không dành cho " + (
                    "cá nhân." if n.subject_kind == "person" else "tập thể.")
    else:
        n.award = None
        award = store.one("SELECT * FROM campaign_award WHERE id = ?", (n.campaign_award_id,))
        if award is None or award["campaign_id"] != n.campaign_id:
            errors["award"] = "Hãy chọn một hình thức khen thưởng của phong trào này."
        elif award["award"] is None:
            errors["award"] = (f"“{award['text']}” chưa được khớp với danh mục khen thưởng; hãy sửa phong trào trước.")
        elif award["phase_id"] is not None:
            n.phase_id = award["phase_id"]   # a phase's award belongs to that phase
        if n.phase_id is not None and not store.scalar(
                "SELECT 1 FROM campaign_phase WHERE id = ? AND campaign_id = ?", (n.phase_id, n.campaign_id)):
            errors["phase"] = "Hãy chọn một đợt (sơ kết, tổng kết) của phong trào này."
    n.summary = nfc(n.summary or "").strip()
    n.achievement_ids = list(dict.fromkeys(int(a) for a in n.achievement_ids))
    ValidationError.raise_if_any(errors)
    return n


def save(store, n: Nomination) -> int:
    """Insert or update a nomination and its linked achievements (one transaction)."""
    n = _validate(store, n)
    with store.transaction() as conn:
        dup = None if n.ad_hoc else store.scalar(
            "SELECT id FROM nomination WHERE campaign_award_id = ? AND "
            + ("person_id = ?" if n.person_id is not None else "collective_id = ?") + " AND id IS NOT ?",
            (n.campaign_award_id, n.person_id if n.person_id is not None else n.collective_id, n.id))
        if dup:
            raise ValidationError({"subject": "Đối tượng này đã được đề nghị hình thức khen thưởng này."})
        values = (n.campaign_id, n.campaign_award_id, n.person_id, n.collective_id, n.summary, n.override_reason,
                  n.award, n.phase_id)
        if n.id is None:
            n.id = conn.execute(
                "INSERT INTO nomination(campaign_id, campaign_award_id, person_id, collective_id, summary, "
                "override_reason, award, phase_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values).lastrowid
        else:
            if conn.execute(
                "UPDATE nomination SET campaign_id = ?, campaign_award_id = ?, person_id = ?, collective_id = ?, "
                "summary = ?, override_reason = ?, award = ?, phase_id = ? WHERE id = ?", (*values, n.id)).rowcount == 0:
                raise NotFound(f"Không tìm thấy đề nghị số {n.id}.")
        current = {r["achievement_id"] for r in store.query(
            "SELECT achievement_id FROM nomination_achievement WHERE nomination_id = ?", (n.id,))}
        for aid in current - set(n.achievement_ids):
            conn.execute("DELETE FROM nomination_achievement WHERE nomination_id = ? AND achievement_id = ?",
                         (n.id, aid))
        for aid in n.achievement_ids:
            if aid not in current:
                conn.execute("INSERT INTO nomination_achievement(nomination_id, achievement_id) VALUES (?, ?)",
                             (n.id, aid))
    return n.id


def get(store, nomination_id: int) -> Nomination:
    r = store.one("SELECT * FROM nomination WHERE id = ?", (nomination_id,))
    if r is None:
        raise NotFound(f"Không tìm thấy đề nghị số {nomination_id}.")
    ids = [x["achievement_id"] for x in store.query(
        "SELECT achievement_id FROM nomination_achievement WHERE nomination_id = ? ORDER BY achievement_id",
        (nomination_id,))]
    return Nomination(r["campaign_id"], r["campaign_award_id"], r["person_id"], r["collective_id"], r["summary"],
                      ids, r["status"], r["override_reason"], r["id"], r["award"], r["phase_id"], r["review_year"])


def delete(store, nomination_id: int) -> None:
    n = get(store, nomination_id)
    if n.status in PASSED:
        raise UserError("Đề nghị đã được Hội đồng thông qua hoặc đã gửi; không xóa được.")
    store.delete("nomination", nomination_id)


@dataclass(frozen=True)
class NominationRow:
    """A nomination as lists and documents show it."""
    id: int
    campaign_award_id: int
    award: str
    subject_kind: str
    subject_id: int
    name: str
    position: str
    collective: str
    summary: str
    status: str
    achievements: int
    sort_key: str


def list_for_campaign(store, campaign_id: int, phase_id: int | None = None, *,
                      all_phases: bool = True) -> list[NominationRow]:
    """Grouped by award (in the campaign's order), people in Vietnamese name order, collectives by name.

    With ``all_phases`` (the default) every nomination of the campaign; otherwise only
    those that belong to the phase ``phase_id`` (``None``: to no phase, the whole campaign).
    """
    from desktop.text import word_sort_key

    rows = store.query(
        "SELECT n.*, ca.award, ca.position AS award_position, p.full_name, p.position AS person_position, "
        "p.sort_key, pc.name AS person_collective, c.name AS collective_name, "
        "(SELECT count(*) FROM nomination_achievement x WHERE x.nomination_id = n.id) AS n_ach "
        "FROM nomination n JOIN campaign_award ca ON ca.id = n.campaign_award_id "
        "LEFT JOIN person p ON p.id = n.person_id LEFT JOIN collective pc ON pc.id = p.collective_id "
        "LEFT JOIN collective c ON c.id = n.collective_id WHERE n.campaign_id = ?"
        + ("" if all_phases else " AND n.phase_id IS ?"), (campaign_id,) if all_phases else (campaign_id, phase_id))
    out = []
    for r in rows:
        person = r["person_id"] is not None
        out.append((r["award_position"], 0 if not person else 1,
                    r["sort_key"] if person else word_sort_key(r["collective_name"]),
                    NominationRow(
                        r["id"], r["campaign_award_id"], r["award"] or "", "person" if person else "collective",
                        r["person_id"] if person else r["collective_id"],
                        r["full_name"] if person else r["collective_name"],
                        r["person_position"] or "" if person else "", r["person_collective"] or "" if person else "",
                        r["summary"], r["status"], r["n_ach"],
                        r["sort_key"] if person else word_sort_key(r["collective_name"]))))
    out.sort(key=lambda t: t[:3])
    return [t[3] for t in out]


# -- rules ---------------------------------------------------------------------------------------------

def rating_year(c: campaigns.Campaign, today: dt.date) -> int:
    """The year whose rating counts: the campaign's last year, or this year while it runs."""
    if c.period_end:
        return min(int(c.period_end[:4]), today.year)
    due = campaigns.deadline_date(c, today)
    return min(due.year, today.year) if due else today.year


def rules_date(c: campaigns.Campaign, phase, today: dt.date) -> dt.date:
    """The date whose rules a campaign's nomination is checked by: its deadline once passed, else today.

    A nomination made for a dossier due before a decree took effect keeps the
    rules in force then, whenever it is looked at again.
    """
    due = campaigns.phase_deadline_date(c, phase, today)
    return min(due, today) if due else today


def conditions_checks(store, n: Nomination, award: str, year: int, on: dt.date, *,
                      campaign_title: str = "") -> list[Check]:
    """The award's conditions from the rules data, each evaluated for the nomination's subject."""
    from desktop.council import conditions, rules

    kind = n.subject_kind
    entries = rules.load().of_award(award, kind)
    if not entries:
        return [conditions.missing_rules(award, kind)]
    sid = n.person_id if kind == "person" else n.collective_id
    ctx = conditions.Context(conditions.Facts(store, on=on), kind, sid, year, on, award=award, nomination=n,
                             campaign_title=campaign_title)
    return conditions.evaluate(entries[0], ctx)


def checks(store, n: Nomination, today: dt.date | None = None) -> list[Check]:
    """Every rule, passed or failed, for the nomination as it stands (saved or not)."""
    today = today or clock.today()
    if n.ad_hoc:
        return _ad_hoc_checks(n)
    c = campaigns.get(store, n.campaign_id)
    award_row = next((a for a in c.awards if a.id == n.campaign_award_id), None)
    if award_row is None or award_row.award is None:
        return [Check("award_subject", False, True, "Hình thức khen thưởng không thuộc phong trào này.",
                      c.reference)]
    award = catalog.load().get(award_row.award)
    phase = c.award_phase(award_row) or c.phase_by_id(n.phase_id)
    in_phase = f" ({phase.name})" if phase else ""
    out: list[Check] = []
    kind = n.subject_kind
    kind_vi = "cá nhân" if kind == "person" else "tập thể"

    # The award fits the subject kind.
    fits = award is not None and award.fits(kind)
    out.append(Check(
        "award_subject", fits, True,
        f"{award_row.award} được xét cho {kind_vi}." if fits else
        f"{award_row.award} không dành cho {kind_vi}.",
        "Danh mục danh hiệu, hình thức khen thưởng (Luật Thi đua, khen thưởng 2022)"))

    # The campaign's quota for this award and subject kind.
    quota = award_row.quota_individual if kind == "person" else award_row.quota_collective
    col = "person_id" if kind == "person" else "collective_id"
    # Drafts compete for the quota; what counts is what has gone to the council or beyond.
    others = store.scalar(
        f"SELECT count(*) FROM nomination WHERE campaign_award_id = ? AND {col} IS NOT NULL "
        "AND status IN ('trinh_hop_xet', 'thong_qua', 'da_gui') AND id IS NOT ?", (n.campaign_award_id, n.id))
    if quota is None:
        out.append(Check("quota", True, True,
                         f"{c.kind} không giới hạn số {kind_vi} được đề nghị {award_row.award}{in_phase}.",
                         c.reference))
    else:
        ok = others + 1 <= quota
        out.append(Check(
            "quota", ok, True,
            f"Chỉ tiêu {award_row.award}{in_phase}: {others + 1}/{quota} {kind_vi}." if ok else
            f"Vượt chỉ tiêu: {c.kind.lower()} cho tối đa {quota} {kind_vi} được đề nghị {award_row.award}"
            f"{in_phase}, đã trình {others}.", c.reference))

    # The deadline (a warning the clerk may override with a reason).
    due = campaigns.phase_deadline_date(c, phase, today)
    if due is None:
        out.append(Check("deadline", True, False, "Kế hoạch không ghi hạn nộp hồ sơ.", c.reference))
    elif today <= due:
        out.append(Check("deadline", True, False, f"Hạn nộp hồ sơ {due:%d/%m/%Y}, còn {(due - today).days} ngày.",
                         c.reference))
    else:
        reason = f" Lý do nộp muộn: {n.override_reason}" if n.override_reason else ""
        out.append(Check("deadline", bool(n.override_reason), False,
                         f"Đã quá hạn nộp hồ sơ ({due:%d/%m/%Y}).{reason}", c.reference))

    # At least one achievement from the ledger.
    count = len(n.achievement_ids)
    out.append(Check("achievements", count > 0, True,
                     f"{count} thành tích trong sổ làm căn cứ." if count else
                     "Chưa chọn thành tích nào trong sổ làm căn cứ đề nghị.",
                     "Luật Thi đua, khen thưởng 2022 Điều 84 (báo cáo thành tích)"))

    # Registration (đăng ký thi đua): a condition only when the unit's own rules make it one.
    from desktop.campaigns import registration

    titles = registration.registered_titles(store, c.id, person_id=n.person_id, collective_id=n.collective_id,
                                            phase_id=phase.id if phase else None)
    if registration.required(store):
        if titles is None:
            out.append(Check("registration", False, True,
                             f"Chưa đăng ký thi đua cho {c.kind.lower()} này; quy chế của đơn vị yêu cầu đăng ký.",
                             registration.SOURCE))
        elif titles and award_row.award not in titles:
            out.append(Check("registration", False, True,
                             f"Đã đăng ký {', '.join(titles)}, không đăng ký {award_row.award}.",
                             registration.SOURCE))
        else:
            out.append(Check("registration", True, True, "Đã đăng ký thi đua.", registration.SOURCE))
    elif titles is not None:
        out.append(Check("registration", True, False,
                         "Đã đăng ký thi đua" + (f": {', '.join(titles)}." if titles else "."),
                         "Luật Thi đua, khen thưởng 2022 (đăng ký không còn là điều kiện bắt buộc)"))

    # The award's own conditions (resources/award_rules.toml), in force on the nomination's date.
    out += conditions_checks(store, n, award_row.award, rating_year(c, today), rules_date(c, phase, today),
                             campaign_title=c.title)

    out.append(_history_check(store, n, rating_year(c, today)))
    return out


HISTORY_YEARS = 3
HISTORY_SOURCE = ("Luật Thi đua, khen thưởng 2022 Điều 22, 74 (các danh hiệu, hình thức đã đạt những năm trước là "
                  "một căn cứ xét, ví dụ Chiến sĩ thi đua cơ sở liên tục)")


def _history_check(store, n: Nomination, year: int) -> Check:
    """The subject's awards received in the years before (for the council to weigh; never blocking).

    Counts every award received, whether typed in, decided on an earlier
    nomination's outcome or by a year-end review, and the run of consecutive
    years of Chiến sĩ thi đua cơ sở up to the year before.
    """
    col, sid = ("person_id", n.person_id) if n.person_id is not None else ("collective_id", n.collective_id)
    rows = store.query(f"SELECT award, year, decision_number FROM prior_award WHERE {col} = ? AND year < ? "
                       "AND year >= ? ORDER BY year DESC, id", (sid, year, year - HISTORY_YEARS))
    if not rows:
        return Check("history", True, False,
                     f"Chưa ghi nhận khen thưởng nào trong {HISTORY_YEARS} năm trước năm {year}.", HISTORY_SOURCE)
    parts = [f"{r['year']} {r['award']}" + (f" ({r['decision_number']})" if r["decision_number"] else "")
             for r in rows]
    years = {r["year"] for r in store.query(f"SELECT year FROM prior_award WHERE {col} = ? AND award = ?",
                                             (sid, "Chiến sĩ thi đua cơ sở"))}
    run = 0
    while year - 1 - run in years:
        run += 1
    tail = f" Chiến sĩ thi đua cơ sở liên tục {run} năm đến năm {year - 1}." if run >= 2 else ""
    return Check("history", True, False, "Khen thưởng đã nhận: " + "; ".join(parts) + "." + tail, HISTORY_SOURCE)


AD_HOC_SOURCE = "Luật Thi đua, khen thưởng 2022 Điều 8 (khen thưởng đột xuất: thành tích đặc biệt xuất sắc đột xuất)"


def _ad_hoc_checks(n: Nomination) -> list[Check]:
    """An ad-hoc award: the award fits the subject and rests on the feat in the ledger; no quota, no deadline."""
    award = catalog.load().get(n.award or "")
    kind_vi = "cá nhân" if n.subject_kind == "person" else "tập thể"
    fits = award is not None and award.fits(n.subject_kind)
    count = len(n.achievement_ids)
    return [
        Check("award_subject", fits, True, f"{n.award} được xét cho {kind_vi}." if fits else
              f"{n.award or 'Hình thức khen thưởng'} không dành cho {kind_vi}.",
              "Danh mục danh hiệu, hình thức khen thưởng (Luật Thi đua, khen thưởng 2022)"),
        Check("ad_hoc", True, False, "Khen thưởng đột xuất: không thuộc phong trào, không tính chỉ tiêu và hạn nộp.",
              AD_HOC_SOURCE),
        Check("achievements", count > 0, True,
              f"{count} thành tích trong sổ làm căn cứ (thành tích đột xuất)." if count else
              "Chưa chọn thành tích đột xuất nào trong sổ làm căn cứ đề nghị.", AD_HOC_SOURCE),
    ]


def list_ad_hoc(store) -> list[NominationRow]:
    """Every ad-hoc nomination, newest first."""
    from desktop.text import word_sort_key

    rows = store.query(
        "SELECT n.*, p.full_name, p.position AS person_position, p.sort_key, pc.name AS person_collective, "
        "c.name AS collective_name, (SELECT count(*) FROM nomination_achievement x WHERE x.nomination_id = n.id) "
        "AS n_ach FROM nomination n LEFT JOIN person p ON p.id = n.person_id "
        "LEFT JOIN collective pc ON pc.id = p.collective_id LEFT JOIN collective c ON c.id = n.collective_id "
        "WHERE n.campaign_id IS NULL AND n.review_year IS NULL ORDER BY n.id DESC")
    out = []
    for r in rows:
        person = r["person_id"] is not None
        out.append(NominationRow(
            r["id"], 0, r["award"] or "", "person" if person else "collective",
            r["person_id"] if person else r["collective_id"], r["full_name"] if person else r["collective_name"],
            (r["person_position"] or "") if person else "", (r["person_collective"] or "") if person else "",
            r["summary"], r["status"], r["n_ach"],
            r["sort_key"] if person else word_sort_key(r["collective_name"])))
    return out


def send_ad_hoc(store, nomination_id: int) -> None:
    """Mark an ad-hoc nomination sent to the authority that decides, when its rules pass."""
    n = get(store, nomination_id)
    if not n.ad_hoc:
        raise UserError("Chỉ đề nghị khen thưởng đột xuất mới gửi riêng; đề nghị của phong trào gửi theo hồ sơ.")
    if n.status == "da_gui":
        raise UserError(f"Đề nghị số {nomination_id} đã gửi.")
    failures = [ch for ch in checks(store, n) if not ch.ok]
    if failures:
        raise RuleViolation(failures)
    set_status(store, nomination_id, "da_gui")


class RuleViolation(UserError):
    """Submitting failed; ``failures`` are the checks that did not pass."""

    def __init__(self, failures: list[Check]):
        self.failures = failures
        super().__init__("Chưa trình họp xét được:\n" + "\n".join(
            f"- {f.message} ({f.source})" for f in failures))


def submit(store, nomination_id: int, today: dt.date | None = None, override_reason: str | None = None) -> None:
    """Move a nomination to "trình họp xét" when every rule passes.

    A passed deadline is the one rule the clerk may override, with a reason
    that is kept on the nomination (and so in the audit trail).
    """
    n = get(store, nomination_id)
    if n.status != "du_kien":
        raise UserError(f"Đề nghị đang ở trạng thái “{STATUSES[n.status]}”; chỉ đề nghị dự kiến mới trình họp xét.")
    if override_reason is not None:
        n.override_reason = clean(override_reason) or None
    failures = [ch for ch in checks(store, n, today) if not ch.ok]
    if failures:
        raise RuleViolation(failures)
    with store.transaction() as conn:
        conn.execute("UPDATE nomination SET status = 'trinh_hop_xet', override_reason = ? WHERE id = ?",
                     (n.override_reason, n.id))


def withdraw(store, nomination_id: int) -> None:
    """Take a nomination back from the council's list (back to "dự kiến")."""
    n = get(store, nomination_id)
    if n.status != "trinh_hop_xet":
        raise UserError("Chỉ rút lại được đề nghị đang trình họp xét.")
    with store.transaction() as conn:
        conn.execute("UPDATE nomination SET status = 'du_kien' WHERE id = ?", (n.id,))


def set_status(store, nomination_id: int, status: str) -> None:
    """Set a status from meeting results or sending (no rule check: the caller is the process)."""
    if status not in STATUSES:
        raise ValueError(status)
    with store.transaction() as conn:
        if conn.execute("UPDATE nomination SET status = ? WHERE id = ?", (status, nomination_id)).rowcount == 0:
            raise NotFound(f"Không tìm thấy đề nghị số {nomination_id}.")
