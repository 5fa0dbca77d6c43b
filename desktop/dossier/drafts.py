"""Drafting the dossier from the records: Tờ trình, Biên bản họp xét, Báo cáo thành tích.

A draft belongs to a campaign (Tờ trình), a meeting (Biên bản) or a nomination
(Báo cáo). Its form is chosen by the form number and decree the campaign's
plan cites (``forms/*.toml``). Each save of the clerk's edits is a new version
holding the text of every section in the clerk's markup, so history is kept
and any earlier version can be restored. Regenerating one section from the
records replaces that section only. A finalised draft is no longer edited in
place; its PDF and DOCX are rendered once and kept, so what is signed and sent
is exactly what was finalised.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.dates import first_day, last_day, partial_text
from desktop.records import achievements as ach
from desktop.records import blobs, people, unit
from desktop.campaigns import campaign as campaigns
from desktop import catalog
from desktop.council import meetings, nominations, rules
from desktop.dossier.documents import forms as forms_mod
from desktop.dossier.documents.compose import compose
from desktop.dossier.documents.model import CLASSIFICATIONS, Document
from desktop.dossier.documents.richtext import serialise
from desktop.errors import NotFound, UserError, os_reason
from desktop.numbers import percent
from desktop.store.db import os_user
from desktop import clock
from desktop.files import temp_prefix
from desktop.resources import forms_dir

KINDS = {"to_trinh": "Tờ trình đề nghị khen thưởng", "bien_ban": "Biên bản họp xét thi đua, khen thưởng",
         "bao_cao": "Báo cáo thành tích"}
# A campaign's own documents to the Sở (issue 14); see "campaign documents" at the end of this module.
KINDS.update({"dang_ky": "Bản đăng ký thi đua", "bao_cao_ket_qua": "Báo cáo kết quả thực hiện phong trào thi đua"})
CAMPAIGN_KINDS = ("dang_ky", "bao_cao_ket_qua")
# The unit's proposal as a Công văn (NĐ 30/2020 Mẫu 1.5) when the plan asks for a công văn, not a tờ trình (issue 10).
KINDS["cong_van"] = "Công văn đề nghị khen thưởng"
STATUSES = {"nhap": "Bản nháp", "hoan_thien": "Đã hoàn thiện"}
_KEYWORDS = {"to_trinh": "tờ trình", "bien_ban": "biên bản", "bao_cao": "báo cáo", "cong_van": "công văn"}


@dataclass
class Draft:
    id: int
    kind: str
    campaign_id: int
    meeting_id: int | None
    nomination_id: int | None
    form: str
    classification: str
    status: str
    created_at: str
    finalised_at: str | None
    pdf_sha256: str | None
    docx_sha256: str | None
    authority: str = ""      # a Tờ trình's approving authority (see AUTHORITIES)
    phase_id: int | None = None   # a Tờ trình (or Báo cáo kết quả) of one phase; None: the whole campaign
    review_year: int | None = None   # a year-end review's document (see UNIT_KINDS); then no campaign

    @property
    def finalised(self) -> bool:
        return self.status == "hoan_thien"


@dataclass(frozen=True)
class Version:
    version: int
    created_at: str
    os_user: str
    note: str
    header: dict[str, Any]
    sections: dict[str, str]


# -- choosing the form ------------------------------------------------------------------------------

def choose_form(c: campaigns.Campaign, kind: str, subject: str | None = None) -> forms_mod.Form:
    """The form the campaign's plan cites for this document, else the one in force today."""
    return form_choice(c, kind, subject)[0]


def _decree_key(text: str | None) -> str:
    """"98/2023/NQ-CP", "98/2023" and "98/2023/NĐ-CP" alike: the number and year of a decree."""
    import re

    m = re.search(r"(\d+)\s*/\s*(\d{4})", text or "")
    return f"{int(m.group(1))}/{m.group(2)}" if m else ""


def form_choice(c: campaigns.Campaign, kind: str, subject: str | None = None,
                on: dt.date | None = None) -> tuple[forms_mod.Form, str]:
    """The form to draft with and, when it is not simply the plan's citation, why (in Vietnamese).

    The plan's citation is matched by decree number and year, so a mistyped "NQ" for "NĐ" still finds
    the decree; a form number without a decree, or one that exists in several decrees, is chosen by the
    campaign's kind (a campaign's reports are the chuyên đề ones) and the date. A cited form replaced
    at the document's date (``on``, default today) gives way to the one in force, saying so.
    """
    from desktop.text import fold

    on = on or clock.today()
    award_type = "chuyen_de" if kind == "bao_cao" else None
    current = None
    try:
        current = forms_mod.choose(kind, subject=subject, award_type=award_type, on=on)
    except UserError:
        pass
    for doc in c.documents:
        if not (_KEYWORDS[kind] in fold(doc.name) or fold(_KEYWORDS[kind]) in fold(doc.name)) or not doc.form:
            continue
        cited = f"Mẫu số {doc.form}" + (f" {doc.decree}" if doc.decree else "")
        numbered = [f for f in forms_mod.list_forms() if f.kind == kind and forms_mod._same_form_number(f.form, doc.form)
                    and (subject is None or f.subject in (subject, "ca_hai"))]
        key = _decree_key(doc.decree)
        exact = [f for f in numbered if key and _decree_key(f.decree) == key]
        why = ""
        if exact:
            pool = exact
            if doc.decree and not any(forms_mod._same_decree(f.decree, doc.decree) for f in exact):
                why = f"Kế hoạch ghi “{cited}”: hiểu là Nghị định {exact[0].decree} (cùng số và năm)."
        else:
            pool = [f for f in numbered if not award_type or f.award_type in (award_type, "")]
            if not pool:
                break
            if len({f.decree for f in pool}) > 1 or not key:
                why = (f"Kế hoạch ghi “{cited}”, có ở {len({f.decree for f in pool})} nghị định"
                       if len({f.decree for f in pool}) > 1 else f"Kế hoạch ghi “{cited}” không rõ nghị định")
        in_force = [f for f in pool if f.in_force(on)]
        pick = sorted(in_force or pool, key=lambda f: (f.award_type == (award_type or ""), f.subject == subject,
                                                      f.effective_from), reverse=True)[0]
        if why and not exact:
            kind_text = "phong trào thi đua theo chuyên đề/đợt" if award_type else "văn bản"
            why += f": chọn {pick.label} vì đó là mẫu cho {kind_text} còn hiệu lực ngày {on:%d/%m/%Y}."
        # Replaced: the cited form's decree has ended by the document's date. The plan's choice is kept
        # (a plan may ask for it), with a warning that offers the form in force.
        if pick.effective_to is not None and pick.effective_to < on and current is not None:
            replaced = (f"Cảnh báo: mẫu kế hoạch dẫn ({pick.label}) đã được thay thế vào ngày {on:%d/%m/%Y}; "
                        f"mẫu đang có hiệu lực là {current.label} (chọn bằng --form {current.path.stem} "
                        "hoặc trong cửa sổ).")
            return pick, " ".join(x for x in (why, replaced) if x)
        return pick, why
    if current is None:
        try:
            current = forms_mod.choose(kind, subject=subject, award_type=award_type)
        except UserError:
            earliest = _earliest_form(kind, subject, award_type, on)
            if earliest is None:
                raise
            # A document dated before every form the app has (a plan of 2009): the earliest form, said so.
            return earliest, (f"Không có mẫu {forms_mod.KINDS[kind].lower()} còn hiệu lực ngày {on:%d/%m/%Y}; "
                              f"dùng {earliest.label}, mẫu sớm nhất Sổ thi đua có.")
    return current, ""


def _earliest_form(kind: str, subject: str | None, award_type: str | None,
                   on: dt.date) -> forms_mod.Form | None:
    """The first form of ``kind`` to come into force after ``on``, when ``on`` predates them all."""
    fitting = [f for f in forms_mod.list_forms() if f.kind == kind
               and (subject is None or f.subject in (subject, "ca_hai"))
               and (not award_type or f.award_type in (award_type, ""))]
    if not fitting or any(f.effective_from <= on for f in fitting):
        return None
    return sorted(fitting, key=lambda f: (f.effective_from, f.subject != subject, f.award_type != (award_type or "")))[0]


def _form_by_name(name: str) -> forms_mod.Form:
    """The form ``name`` (its file's name without ``.toml``), read alone when its file is in the forms
    folder, without reading and checking every other form."""
    path = forms_dir() / f"{name}.toml"
    if path.name == f"{name}.toml" and path.is_file():
        return forms_mod.load_form(path)
    for f in forms_mod.list_forms():
        if f.path.stem == name:
            return f
    raise UserError(f"Không tìm thấy mẫu văn bản “{name}” trong thư mục forms/.")


# -- the compose context, from the records ---------------------------------------------------------------

def _upper(text: str) -> str:
    return (text or "").upper()


# Who decides an award (and so receives its own Tờ trình): a code kept on the draft.
AUTHORITIES = {"giam_doc_so": "Giám đốc Sở", "chu_tich_ubnd_tinh": "Chủ tịch Ủy ban nhân dân tỉnh",
               "bo_truong": "Bộ trưởng", "thu_tuong": "Thủ tướng Chính phủ", "chu_tich_nuoc": "Chủ tịch nước"}
_AUTHORITY_ORDER = list(AUTHORITIES)


def authority_of(award: str | None) -> str:
    """The code of the authority that decides ``award`` (see :data:`AUTHORITIES`)."""
    name = award or ""
    known = catalog.load().get(name)
    if "Thủ tướng" in name or "Chính phủ" in name or "toàn quốc" in name:
        return "thu_tuong"
    if known is not None and known.level == "nha_nuoc":
        return "chu_tich_nuoc"
    if "Ủy ban nhân dân tỉnh" in name or "UBND tỉnh" in name or "tỉnh" in name.split(",")[-1]:
        return "chu_tich_ubnd_tinh"
    if "Bộ trưởng" in name or "bộ, ban, ngành" in name:
        return "bo_truong"
    if known is not None and known.level == "bo_tinh":
        return "chu_tich_ubnd_tinh"  # e.g. Tập thể lao động xuất sắc, for a unit of a province
    return "giam_doc_so"


def approver_text(code: str, profile: unit.UnitProfile) -> str:
    """"Giám đốc Sở Tư pháp tỉnh Hà Tĩnh", "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh" …"""
    if code == "giam_doc_so":
        body = profile.governing_body or "Sở"
        return f"Giám đốc {body}" if body.startswith("Sở") else f"Thủ trưởng {body}"
    if code == "chu_tich_ubnd_tinh":
        return f"Chủ tịch Ủy ban nhân dân tỉnh {profile.province}".strip()
    return AUTHORITIES[code]


def _approver(award: str | None, profile: unit.UnitProfile) -> str:
    return approver_text(authority_of(award), profile)


def award_full_name(award: str | None, profile: unit.UnitProfile) -> str:
    """The award in full with its authority (one rule for every document; see :func:`catalog.full_name`)."""
    return catalog.full_name(award or "", governing_body=profile.governing_body, province=profile.province)


def _verb(award: str | None) -> str:
    known = catalog.load().get(award or "")
    return "công nhận danh hiệu" if known and known.type == "danh_hieu" else "tặng"


def _base(store, c: campaigns.Campaign | None = None) -> dict[str, Any]:
    """The context every draft starts from: the unit, its council, a blank document and the head as signer;
    with ``c``, the campaign the draft belongs to as well."""
    p = unit.get(store)
    head = {"title": _upper(p.head_title or "Thủ trưởng đơn vị"), "name": p.head_name}
    ctx: dict[str, Any] = {
        "unit": {"name": p.name, "governing": p.governing_body, "abbreviation": p.abbreviation,
                 "place": p.province, "drafting_unit": p.abbreviation},
        "council": {"name": "Hội đồng Thi đua - Khen thưởng", "abbreviation": "HĐTĐKT"},
    }
    if c is not None:
        ctx["campaign"] = {"name": campaign_name(c),
                           # The plan is quoted with the body that issued it, not the unit's own governing body.
                           "plan": _plan_quote(c, p.governing_body),
                           "period": _period(c)}
    ctx["document"] = {"number": "", "date": clock.today(), "classification": "thuong"}
    ctx["signers"] = {"signer": {"authority": "", **head}, "head": dict(head)}
    return ctx


def _plan_quote(c: campaigns.Campaign, governing_body: str) -> str:
    """"Kế hoạch số 205/KH-STP ngày 28/7/2025 của Sở Tư pháp tỉnh Hà Tĩnh về việc …": the plan's own issuer."""
    import re

    quote = f"{c.reference} của {c.issuer or governing_body}".rstrip() if (c.issuer or governing_body) else c.reference
    title = re.sub(r"^(?:V/v|Về việc|VỀ VIỆC)\s*[:.]?\s*", "", c.title or "").strip()
    if not title:
        return quote
    if title == title.upper():
        title = title.lower()  # a summary printed in capitals reads in lower case inside a sentence
    return f"{quote} về việc {title[0].lower() + title[1:]}"


def campaign_name(c: campaigns.Campaign) -> str:
    """"phong trào thi đua “Ngày không giấy”": the quoted name of the plan's title when it has one."""
    import re

    m = re.search(r"[“\"]([^”\"]{4,})[”\"]", c.title or "")
    if m:
        return f"phong trào thi đua “{m.group(1)}”"
    return f"phong trào thi đua theo {c.reference}".strip()


def _period(c: campaigns.Campaign) -> str:
    if c.period_start and c.period_end:
        a, b = partial_text(c.period_start), partial_text(c.period_end)
        return f"năm {a}" if a == b else f"từ {a} đến {b}"
    return ""


def period_bounds(c: campaigns.Campaign) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of the campaign's period (``None`` where the plan sets none)."""
    def bound(value: str | None, last: bool) -> dt.date | None:
        if not value or value.startswith("--"):
            return None
        try:
            return last_day(value) if last else first_day(value)
        except (ValueError, IndexError):
            return None
    return bound(c.period_start, False), bound(c.period_end, True)


# -- who signs ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Signer:
    name: str
    title: str           # "Trưởng phòng", "Giám đốc"


def collective_head(store, collective_id: int) -> Signer | None:
    """The head of a collective (its Trưởng phòng, Giám đốc chi nhánh); the unit's head for the unit."""
    col = people.get_collective(store, collective_id)
    if col.head_person_id is not None:
        p = people.get_person(store, col.head_person_id)
        return Signer(p.full_name, p.position)
    if col.is_unit:
        profile = unit.get(store)
        return Signer(profile.head_name, profile.head_title) if profile.head_name else None
    return None


def missing_signers(store, kind: str, target_id: int) -> list[str]:
    """Who must sign the document but is not in the records yet (empty when all are known)."""
    profile = unit.get(store)
    out = []
    if not profile.head_name:
        out.append("Chưa nhập họ tên Thủ trưởng đơn vị trong thông tin đơn vị (người ký văn bản).")
    if kind == "bao_cao":
        n = nominations.get(store, target_id)
        if n.collective_id is not None:
            col = people.get_collective(store, n.collective_id)
            if not col.is_unit and collective_head(store, col.id) is None:
                out.append(f"Tập thể “{col.name}” chưa có người đứng đầu (Trưởng phòng, Giám đốc chi nhánh…): "
                           "hãy chọn trong hồ sơ tập thể; người đó ký báo cáo thành tích của tập thể.")
    if kind == "bien_ban":
        m = meetings.get(store, target_id)
        for role, label in (("chu_tich", "chủ tọa (Chủ tịch Hội đồng)"), ("thu_ky", "thư ký")):
            if m.by_role(role) is None:
                out.append(f"Cuộc họp chưa có {label}.")
    return out


def missing_facts(store, kind: str, target_id: int, phase_id: int | None = None) -> list[str]:
    """Why a Tờ trình (of the whole campaign, or of the phase ``phase_id``) or a Biên bản cannot be drafted
    yet: no meeting held, no candidate passed."""
    if kind == "bao_cao":
        return []
    if kind in ("to_trinh", "cong_van"):
        held = _held_meetings(store, target_id, phase_id)
        campaign_id = target_id
    else:
        m = meetings.get(store, target_id)
        held = [m] if m.held else []
        campaign_id = m.campaign_id
        phase_id = None
    out = []
    if not held:
        out.append("Hội đồng Thi đua - Khen thưởng chưa họp xét" + (" cho đợt này" if phase_id is not None else "")
                   + " (chưa ghi nhận kết quả bỏ phiếu)"
                   if kind in ("to_trinh", "cong_van") else "Cuộc họp chưa kết thúc, chưa ghi nhận kết quả bỏ phiếu")
    passed = [r for r in nominations.list_for_campaign(store, campaign_id, phase_id, all_phases=phase_id is None)
              if r.status in nominations.PASSED]
    if held and not passed:
        out.append("Chưa có tập thể, cá nhân nào được Hội đồng thông qua")
    return out


# -- candidates -------------------------------------------------------------------------------------------------

def _threshold_text(b: meetings.Ballot) -> str:
    """"trên 50 %" / "từ 80 % trở lên", as the rule is worded, in the one percentage format."""
    pct = percent(b.fraction * 100)
    return rules.BALLOTS[b.rule].format(pct=pct)


def _candidates(store, campaign_id: int, meeting: meetings.Meeting | None,
                phase_id: int | None = None) -> list[dict[str, Any]]:
    """The candidates a meeting voted on, or (no meeting) those passed, of the whole campaign or of one phase."""
    votes = {b.nomination_id: b for b in (meeting.ballots if meeting else [])}
    profile = unit.get(store)
    out = []
    for r in nominations.list_for_campaign(store, campaign_id, phase_id, all_phases=phase_id is None):
        if meeting is None and r.status not in nominations.PASSED:
            continue
        if meeting is not None and r.id not in votes:
            continue
        n = nominations.get(store, r.id)
        if n.person_id is not None:
            p = people.get_person(store, n.person_id)
            where = people.workplace(store, p.collective_id) or profile.name
        else:
            col = people.get_collective(store, n.collective_id)
            # The unit itself has no "đơn vị công tác" of its own; a team's is the unit.
            where = "" if col.is_unit else (people.workplace(store, col.parent_id) or profile.name)
        item = {"id": r.id, "name": r.name, "kind": "ca_nhan" if r.subject_kind == "person" else "tap_the",
                "person_id": n.person_id,
                "position": r.position if r.subject_kind == "person" else "", "unit": where,
                "award": award_full_name(r.award, profile), "award_key": r.award,
                "authority": authority_of(r.award), "summary": _short_summary(store, n)}
        b = votes.get(r.id)
        if b is not None and meeting is not None:
            res = meetings.result(meeting, b)
            item["votes"] = b.yes
            item["threshold"] = round(b.fraction * 100, 2)
            item["passed"] = res.passed
            item["threshold_text"] = _threshold_text(b)
            item["rule_source"] = b.rule_source
        out.append(item)
    return out


def _short_summary(store, n: nominations.Nomination) -> str:
    """A short "tóm tắt thành tích": the clerk's own when short, else one line per criterion result."""
    if n.summary and len(n.summary) <= 160:
        return n.summary
    c = campaigns.get(store, n.campaign_id)
    groups = _achievements_by_criterion(store, n, c)
    parts = []
    for g in groups:
        if g.get("result_short"):
            parts.append(f"{g['criterion']}: {g['result_short']}")
        else:
            parts.append(f"{g['criterion']}: {len(g['items']):02d} thành tích")
    return "; ".join(parts) + "." if parts else n.summary


def _award_context(names: list[str], profile: unit.UnitProfile) -> dict[str, str]:
    unique = list(dict.fromkeys(n for n in names if n))
    full = [award_full_name(n, profile) for n in unique]
    verbs = {_verb(n) for n in unique}
    verb = verbs.pop() if len(verbs) == 1 else "khen thưởng"
    return {"name": " và ".join(full), "verb": verb,
            "approver": _approver(unique[0] if unique else None, profile)}


def _meeting_context(store, m: meetings.Meeting) -> dict[str, Any]:
    chair = m.by_role("chu_tich")
    secretary = m.by_role("thu_ky")
    nominated = {}
    for b in m.ballots:
        n = nominations.get(store, b.nomination_id)
        if n.person_id is not None:
            nominated[n.person_id] = meetings.award_name(store, n.id)
    return {
        "start": m.starts_at, "end": m.ends_at, "place": m.place,
        "chair": {"name": chair.name if chair else "", "title": chair.title if chair else ""},
        "secretary": {"name": secretary.name if secretary else "", "title": secretary.title if secretary else ""},
        "members": [{"name": x.name, "title": x.title, "role": meetings.ROLES[x.role], "present": x.present,
                     "written_opinion": x.written_opinion or False,
                     "candidate": award_full_name(nominated[x.person_id], unit.get(store))
                     if x.person_id in nominated else ""} for x in m.council],
        "guests": [{"name": x.name, "title": x.title} for x in m.guests],
        "total_members": len(m.council),
    }


def _held_meetings(store, campaign_id: int, phase_id: int | None = None) -> list[meetings.Meeting]:
    """The campaign's held meetings; for a phase, those of the phase and those that voted on its nominations."""
    held = [m for m in meetings.list_for_campaign(store, campaign_id) if m.held]
    if phase_id is None:
        return held
    ours = {r.id for r in nominations.list_for_campaign(store, campaign_id, phase_id, all_phases=False)}
    return [m for m in held if m.phase_id == phase_id or any(b.nomination_id in ours for b in m.ballots)]


def _held_meeting(store, campaign_id: int, phase_id: int | None = None) -> meetings.Meeting | None:
    held = _held_meetings(store, campaign_id, phase_id)
    own = [m for m in held if phase_id is not None and m.phase_id == phase_id]
    return (own or held or [None])[0]


def phase_scope(c: campaigns.Campaign, phase: campaigns.CampaignPhase | None) -> str:
    """How a document names what it is about: the campaign, or one phase of it
    ("sơ kết giai đoạn 1 phong trào thi đua “Ngày không giấy”")."""
    if phase is None:
        return campaign_name(c)
    return f"{phase.name[:1].lower()}{phase.name[1:]} {campaign_name(c)}"


def _phase_period(c: campaigns.Campaign, phase: campaigns.CampaignPhase | None) -> str:
    if phase is None or not (phase.period_start and phase.period_end):
        return _period(c)
    a, b = partial_text(phase.period_start), partial_text(phase.period_end)
    return f"năm {a}" if a == b else f"từ {a} đến {b}"


def send_to(store, c: campaigns.Campaign) -> str:
    """Where the plan says the dossier goes ("Văn phòng Sở"), read from the plan kept with the campaign."""
    import re

    if not c.source_sha256 or not (c.source_name or "").lower().endswith((".txt", ".md")):
        return ""
    try:
        text = blobs.read_bytes(store, c.source_sha256).decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - a missing source only loses the hint
        return ""
    text = re.sub(r"[*#]+", "", text)
    m = re.search(r"gửi (?:hồ sơ[^.\n]{0,60}?)?về ((?:Văn phòng|Phòng|Ban)[^.,;(\n]{0,40}?)"
                  r"(?= trước| để| chậm|[.,;(\n])", text)
    return m.group(1).strip() if m else ""


def authorities_for(store, campaign_id: int, phase_id: int | None = None) -> list[str]:
    """The authorities the passed candidates' awards go to (of one phase when ``phase_id``), each getting
    its own Tờ trình."""
    found = {authority_of(r.award) for r in nominations.list_for_campaign(store, campaign_id, phase_id,
                                                                           all_phases=phase_id is None)
             if r.status in nominations.PASSED}
    return sorted(found, key=_AUTHORITY_ORDER.index)


def context_to_trinh(store, campaign_id: int, authority: str = "", phase_id: int | None = None) -> dict[str, Any]:
    """A Tờ trình's facts: of the whole campaign, or (``phase_id``) of one phase only: its passed
    nominations, its council meeting, its period."""
    c = campaigns.get(store, campaign_id)
    ctx = _base(store, c)
    phase = c.phase_by_id(phase_id)
    if phase is not None:
        ctx["campaign"].update({"name": phase_scope(c, phase), "period": _phase_period(c, phase),
                                "phase": phase.name})
    profile = unit.get(store)
    meeting = _held_meeting(store, campaign_id, phase_id)
    ctx["candidates"] = [x for x in _candidates(store, campaign_id, None, phase_id)
                         if not authority or x["authority"] == authority]
    if meeting is not None:
        ctx["meeting"] = _meeting_context(store, meeting)
        votes = {x["id"]: x for x in _candidates(store, campaign_id, meeting)}
        for cand in ctx["candidates"]:
            if cand["id"] in votes:
                cand.update({k: votes[cand["id"]][k] for k in ("votes", "passed") if k in votes[cand["id"]]})
    code = authority or (ctx["candidates"][0]["authority"] if ctx["candidates"] else "giam_doc_so")
    ctx["award"] = _award_context([x["award_key"] for x in ctx["candidates"]], profile)
    ctx["award"].update(_approval_route(code, profile, f"{ctx['award']['verb']} {ctx['award']['name']}".strip()))
    office = send_to(store, c)
    ctx["document"]["recipients"] = [ctx["award"]["recipient"] + (f" (qua {office})" if office else "")]
    return ctx


def _approval_route(code: str, profile: unit.UnitProfile, what: str) -> dict[str, str]:
    """Who approves, whom the Tờ trình is addressed to, and its request and closing sentences.

    The unit sends to its governing body; an award decided higher up goes through it.
    """
    approver = approver_text(code, profile)
    head_of_body = approver_text("giam_doc_so", profile)
    if code == "giam_doc_so" or not (profile.governing_body or "").startswith("Sở"):
        return {"approver": approver, "recipient": approver, "request": f"{approver} xem xét, {what}",
                "closing": f"{approver} xem xét, quyết định"}
    chain = approver if code != "thu_tuong" else f"{approver_text('chu_tich_ubnd_tinh', profile)} đề nghị {approver}"
    return {"approver": approver, "recipient": head_of_body,
            "request": f"{head_of_body} xem xét, trình {chain} {what}",
            "closing": f"{head_of_body} xem xét, trình {chain} quyết định"}


def context_cong_van(store, campaign_id: int) -> dict[str, Any]:
    """The Công văn đề nghị khen thưởng: the Tờ trình's facts (every candidate the council passed), addressed to
    the body that issued the plan, asking it to award or to forward to whoever decides each award."""
    c = campaigns.get(store, campaign_id)
    ctx = context_to_trinh(store, campaign_id)
    profile = unit.get(store)
    issuer = c.issuer or profile.governing_body or ctx["award"]["recipient"]
    office = send_to(store, c)
    what = f"{ctx['award']['verb']} {ctx['award']['name']}".strip()
    codes = {x["authority"] for x in ctx["candidates"]}
    own = {"giam_doc_so"} if issuer == profile.governing_body else set()
    if codes and codes <= own:
        request, closing = f"{issuer} xem xét, {what}", f"{issuer} xem xét, quyết định"
    elif codes & own:
        request = f"{issuer} xem xét, {what} hoặc trình cấp có thẩm quyền khen thưởng theo quy định"
        closing = f"{issuer} xem xét, quyết định hoặc trình cấp có thẩm quyền khen thưởng"
    else:
        request = f"{issuer} xem xét, trình cấp có thẩm quyền {what}"
        closing = f"{issuer} xem xét, tổng hợp và trình cấp có thẩm quyền khen thưởng"
    ctx["award"].update({"recipient": issuer, "request": request, "closing": closing})
    ctx["document"]["recipients"] = [issuer + (f" (qua {office})" if office else "")]
    return ctx


def context_bien_ban(store, meeting_id: int) -> dict[str, Any]:
    m = meetings.get(store, meeting_id)
    c = campaigns.get(store, m.campaign_id)
    ctx = _base(store, c)
    phase = c.phase_by_id(m.phase_id)
    if phase is not None:   # a meeting of one phase speaks of that phase
        ctx["campaign"].update({"name": phase_scope(c, phase), "period": _phase_period(c, phase),
                                "phase": phase.name})
    ctx["meeting"] = _meeting_context(store, m)
    ctx["candidates"] = _candidates(store, c.id, m)
    issued = max((b.issued for b in m.ballots), default=0)
    returned = max((b.returned for b in m.ballots), default=0)
    invalid = max((b.invalid for b in m.ballots), default=0)
    rules_used = list(dict.fromkeys((x["award"], x["threshold_text"], x["rule_source"])
                                    for x in ctx["candidates"] if x.get("threshold_text")))
    ctx["ballot"] = {"issued": issued, "returned": returned, "valid": returned - invalid, "invalid": invalid,
                     "threshold": round(m.ballots[0].fraction * 100, 2) if m.ballots else None,
                     "rules": [{"award": a, "text": t, "source": s} for a, t, s in rules_used]}
    profile = unit.get(store)
    ctx["award"] = _award_context([x["award_key"] for x in ctx["candidates"]], profile)
    chair = m.by_role("chu_tich")
    secretary = m.by_role("thu_ky")
    ctx["signers"].update({
        "chair": {"title": "CHỦ TỌA", "name": chair.name if chair else ""},
        "secretary": {"title": "THƯ KÝ", "name": secretary.name if secretary else ""},
    })
    ctx["document"]["date"] = m.starts_at.date()
    return ctx


def _report_texts(store, nomination_id: int) -> tuple[str, str]:
    row = store.one("SELECT measures, effect FROM nomination WHERE id = ?", (nomination_id,))
    return (row["measures"], row["effect"]) if row else ("", "")


def set_report_texts(store, nomination_id: int, *, measures: str | None = None, effect: str | None = None) -> None:
    """The clerk's "biện pháp, giải pháp" and "hiệu quả, bài học" of a nomination's báo cáo thành tích."""
    from desktop.text import nfc

    nominations.get(store, nomination_id)
    with store.transaction() as conn:
        if measures is not None:
            conn.execute("UPDATE nomination SET measures = ? WHERE id = ?", (nfc(measures).strip(), nomination_id))
        if effect is not None:
            conn.execute("UPDATE nomination SET effect = ? WHERE id = ?", (nfc(effect).strip(), nomination_id))


def _history(store, n: nominations.Nomination, profile: unit.UnitProfile) -> list[dict[str, Any]]:
    """Section III: prior awards and (for a person) the yearly ratings that are titles, with their decisions."""
    cat = catalog.load()
    if n.person_id is not None:
        awards = people.prior_awards(store, person_id=n.person_id)
    else:
        awards = people.prior_awards(store, collective_id=n.collective_id)
    out = []
    for a in awards:
        known = cat.get(a.award)
        decision = ""
        if a.decision_number:
            decision = f"Quyết định số {a.decision_number}" + (
                f" ngày {a.decision_date:%d/%m/%Y}" if a.decision_date else "")
        out.append({"year": a.year, "name": award_full_name(a.award, profile),
                    "kind": known.type if known else "hinh_thuc", "decision": decision,
                    "issuer": _issuer(a.issuer, profile)})
    return out


def _issuer(text: str, profile: unit.UnitProfile) -> str:
    """The issuing body written out: "Chủ tịch UBND tỉnh Hà Tĩnh" → "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh"."""
    return (text or "").replace("UBND", "Ủy ban nhân dân")


def context_bao_cao(store, nomination_id: int) -> dict[str, Any]:
    n = nominations.get(store, nomination_id)
    c = campaigns.get(store, n.campaign_id)
    ctx = _base(store, c)
    profile = unit.get(store)
    award = next((a.award for a in c.awards if a.id == n.campaign_award_id), None)
    ctx["award"] = _award_context([award] if award else [], profile)
    _report_subject(store, n, profile, ctx)
    ctx["prior_awards"] = _history(store, n, profile)
    ctx["ratings"] = [{"year": y, "text": people.RATINGS[r]}
                      for y, r in sorted(people.ratings(store, n.person_id).items())] if n.person_id else []
    ctx["achievements"] = _achievements_by_criterion(store, n, c)
    measures, effect = _report_texts(store, n.id)
    ctx["measures"] = [x for x in measures.split("\n") if x.strip()] if measures else []
    ctx["texts"] = {"effect": effect}
    _with_registered_targets(store, n, c, ctx["achievements"])
    return ctx


def _report_subject(store, n: nominations.Nomination, profile: unit.UnitProfile, ctx: dict[str, Any]) -> None:
    """A report's subject (the person or the collective, as the forms ask) and who signs it."""
    unit_head = {"name": profile.head_name}
    if n.person_id is not None:
        d = people.person_detail(store, n.person_id)
        p = d.person
        ctx["person"] = {
            "name": p.full_name, "birth_date": p.birth_date.strftime("%d/%m/%Y") if p.birth_date else "",
            "gender": people.SEXES.get(p.sex or "", ""), "ethnicity": p.ethnicity, "hometown": p.hometown,
            "residence": p.residence, "unit": people.workplace(store, p.collective_id) or profile.name,
            "position": p.position, "education": p.education, "political_theory": p.political_theory,
            "tasks": f"{p.position} tại {d.collective_name or profile.name}." if p.position else "",
        }
        # The individual signs; the unit head confirms and proposes (legal.md A.2.c, E.3).
        ctx["signers"] = {"reporter": {"name": p.full_name}, "head": unit_head}
    else:
        col = people.get_collective(store, n.collective_id)
        staff = people.staff_count(store, col.id)
        head = collective_head(store, col.id)
        if col.is_unit:
            parent = profile.governing_body
            # The unit's own report: the unit head signs, the governing body confirms.
            ctx["signers"] = {"head": unit_head, "superior": {}}
        else:
            parent = people.workplace(store, col.parent_id) or profile.name
            # A team's report: its head signs (no seal of its own), the unit head confirms (legal.md E.3).
            ctx["signers"] = {"head": {"name": head.name if head else "", "note": "(Ký, ghi rõ họ và tên)"},
                              "superior": unit_head}
        ctx["collective"] = {"name": col.name, "parent": parent, "staff_count": f"{staff:02d} người",
                             "governing": profile.governing_body if col.is_unit else "",
                             "parent_line": "" if col.is_unit else parent,
                             "functions": col.functions or col.note,
                             "head": f"{head.title} {head.name}".strip() if head else ""}


def _is_additive(unit_name: str) -> bool:
    return bool(unit_name) and unit_name.strip() != "%"


def _criterion_result(items: list[dict], target: float | None, target_unit: str) -> tuple[str, str]:
    """(sentence, short) comparing what the items measured with the criterion's target."""
    measured = [i for i in items if i["value"] is not None]
    if not measured:
        return "", ""
    units = {i["unit"] for i in measured}
    if len(units) != 1:
        return "", ""
    unit_name = units.pop()
    values = [i["value"] for i in measured]
    if _is_additive(unit_name):
        value = sum(values)
        result = f"tổng cộng {ach.format_measure(value, unit_name)} qua {len(measured):02d} lần thực hiện"
    else:
        value = sum(values) / len(values)
        result = (f"bình quân {ach.format_measure(round(value, 2), unit_name)} "
                  f"(thấp nhất {ach.format_measure(min(values), unit_name)}, "
                  f"cao nhất {ach.format_measure(max(values), unit_name)})" if len(values) > 1
                  else f"đạt {ach.format_measure(value, unit_name)}")
    short = ach.format_measure(round(value, 2), unit_name)
    if target is None or (target_unit or "").strip() != unit_name.strip():
        return f"Kết quả: {result}.", short
    goal = ach.format_measure(target, unit_name)
    if value > target + 1e-9:
        verdict = f"vượt chỉ tiêu {goal} đã đăng ký"
    elif abs(value - target) <= 1e-9:
        verdict = f"đạt chỉ tiêu {goal} đã đăng ký"
    else:
        verdict = f"chưa đạt chỉ tiêu {goal} đã đăng ký"
    return f"Kết quả: {result}, {verdict}.", f"{short}, {verdict.replace(' đã đăng ký', '')}"


def _achievements_by_criterion(store, n: nominations.Nomination, c: campaigns.Campaign) -> list[dict[str, Any]]:
    """The nomination's achievements inside the campaign's period, by criterion, oldest first."""
    rows = ach.rows(store, n.achievement_ids)
    first, last = period_bounds(c)
    criteria = {k.id: k for k in c.criteria}
    groups: dict[str, list] = {}
    targets: dict[str, tuple[float | None, str]] = {}
    for aid in n.achievement_ids:
        r = rows.get(aid)
        if r is None or not r["date"]:
            continue
        day = dt.date.fromisoformat(r["date"])
        if (first and day < first) or (last and day > last):
            continue  # earlier work is history (Section III), not a result of this campaign
        k = criteria.get(r.get("criterion_id"))
        key = k.text if k else (r["criterion"] or "Thành tích khác")
        if k:
            targets[key] = (k.target_value, k.target_unit)
        groups.setdefault(key, []).append({"date": day, "title": r["title"], "value": r["measure_value"],
                                           "unit": r["measure_unit"] or ""})
    order = [k.text for k in c.criteria]
    keys = sorted(groups, key=lambda k: (order.index(k) if k in order else len(order), k))
    out = []
    for key in keys:
        items = sorted(groups[key], key=lambda i: i["date"])
        target, target_unit = targets.get(key, (None, ""))
        sentence, short = _criterion_result(items, target, target_unit)
        texts = []
        for i in items:
            result = ach.format_measure(i["value"], i["unit"])
            texts.append({"text": f"Ngày {i['date']:%d/%m/%Y}: {i['title']}", "result": result}
                         if result else f"Ngày {i['date']:%d/%m/%Y}: {i['title']}")
        out.append({"criterion": key, "items": texts, "measures": [], "result": sentence, "result_short": short})
    return out


# -- storage -------------------------------------------------------------------------------------------

def _draft(row: dict) -> Draft:
    return Draft(**{k: row[k] for k in Draft.__dataclass_fields__})


def get(store, draft_id: int) -> Draft:
    row = store.one("SELECT * FROM draft WHERE id = ?", (draft_id,))
    if row is None:
        raise NotFound(f"Không tìm thấy văn bản số {draft_id}.")
    return _draft(row)


def find(store, kind: str, target_id: int, authority: str | None = None, phase_id: int | None = None
         ) -> Draft | None:
    """The draft of a document (a campaign's Tờ trình: the one to ``authority``, else the first; of the
    phase ``phase_id``, else of the whole campaign)."""
    if kind in CAMPAIGN_KINDS:
        return find_for_campaign(store, kind, target_id, phase_id)
    if kind in UNIT_KINDS:
        return find_unit_document(store, kind, target_id)
    col = {"to_trinh": "campaign_id", "cong_van": "campaign_id", "bien_ban": "meeting_id",
           "bao_cao": "nomination_id"}[kind]
    sql = f"SELECT * FROM draft WHERE kind = ? AND {col} = ?"
    params: tuple = (kind, target_id)
    if kind == "to_trinh":
        sql += " AND phase_id IS ?"
        params += (phase_id,)
    if kind == "to_trinh" and authority is not None:
        sql += " AND authority = ?"
        params += (authority,)
    rows = store.query(sql + " ORDER BY id", params)
    if kind == "to_trinh" and rows and authority is None:
        rows.sort(key=lambda r: _AUTHORITY_ORDER.index(r["authority"]) if r["authority"] in AUTHORITIES else 99)
    return _draft(rows[0]) if rows else None


def list_for_campaign(store, campaign_id: int) -> list[Draft]:
    return [_draft(r) for r in store.query("SELECT * FROM draft WHERE campaign_id = ? ORDER BY kind, id",
                                           (campaign_id,))]


def context(store, d: Draft) -> dict[str, Any]:
    if d.kind in CAMPAIGN_KINDS:
        return context_campaign_document(store, d)
    if d.kind in UNIT_KINDS:
        return context_unit_document(store, d)
    if d.kind == "to_trinh":
        return context_to_trinh(store, d.campaign_id, d.authority, d.phase_id)
    if d.kind == "cong_van":
        return context_cong_van(store, d.campaign_id)
    if d.kind == "bien_ban":
        return context_bien_ban(store, d.meeting_id)
    return context_bao_cao(store, d.nomination_id)


def _subject_of(store, nomination_id: int) -> str:
    n = nominations.get(store, nomination_id)
    return "ca_nhan" if n.person_id is not None else "tap_the"


def fitting_forms(kind: str, subject: str | None = None, on: dt.date | None = None) -> list[forms_mod.Form]:
    """The forms a document of ``kind`` (for ``subject``) can be drafted with on ``on`` (default today),
    newest decree first: what the window's chooser and ``draft --form`` offer."""
    on = on or clock.today()
    out = [f for f in forms_mod.list_forms() if f.kind == kind and f.in_force(on)
           and (subject is None or f.subject in (subject, "ca_hai"))]
    return sorted(out, key=lambda f: (f.effective_from, f.path.stem), reverse=True)


def _chosen_form(kind: str, form_id: str, subject: str | None, on: dt.date | None = None) -> forms_mod.Form:
    today = on or clock.today()
    fitting = fitting_forms(kind, subject, today)
    for f in fitting:
        if f.path.stem == form_id:
            return f
    names = "; ".join(f"{f.path.stem} ({f.label})" for f in fitting) or "không có"
    raise UserError(f"Mẫu “{form_id}” không dùng được cho {KINDS[kind].lower()} ngày "
                    f"{today:%d/%m/%Y}. Các mẫu phù hợp: {names}.")


@dataclass(frozen=True)
class FormOptions:
    """The forms a document can be drafted with on its date, the one chosen and why (the window's chooser)."""

    forms: list[forms_mod.Form]        # the chosen form first when it no longer fits the date, then those that do
    chosen: forms_mod.Form
    reason: str                        # why this form (Vietnamese; empty when it is simply the one to use)
    on: dt.date                        # the document's date the forms are judged at
    current: forms_mod.Form | None     # the form in force that day, offered when the chosen one was replaced

    @property
    def replaced(self) -> bool:
        return not self.chosen.in_force(self.on)


def _campaign_and_subject(store, kind: str, target_id: int) -> tuple[campaigns.Campaign, str | None]:
    if kind == "bien_ban":
        return campaigns.get(store, meetings.get(store, target_id).campaign_id), None
    if kind == "bao_cao":
        n = nominations.get(store, target_id)
        if n.campaign_id is None:
            raise UserError(f"Đề nghị số {target_id} là khen thưởng đột xuất, không thuộc phong trào nào.")
        return campaigns.get(store, n.campaign_id), _subject_of(store, target_id)
    return campaigns.get(store, target_id), None


def draft_date(store, draft_id: int) -> dt.date:
    """The date the draft's current version carries (today when it is left blank)."""
    value = current(store, draft_id).header.get("date")
    try:
        return dt.date.fromisoformat(value) if value else clock.today()
    except ValueError:
        return clock.today()


def form_options(store, kind: str, target_id: int, draft_id: int | None = None) -> FormOptions:
    """What the window's form chooser shows for one document (and what ``draft --form`` accepts): the forms
    that fit its kind, subject and date, the one chosen (the draft's own, else the plan's citation or the one in
    force) with the reason, and the form in force when the chosen one was replaced at the document's date."""
    c, subject = _campaign_and_subject(store, kind, target_id)
    on = draft_date(store, draft_id) if draft_id is not None else clock.today()
    award_type = "chuyen_de" if kind == "bao_cao" else None
    try:
        in_force = forms_mod.choose(kind, subject=subject, award_type=award_type, on=on)
    except UserError:
        in_force = None
    if draft_id is not None:
        d = get(store, draft_id)
        chosen = _form_by_name(d.form)
        notes = [v.note for v in reversed(history(store, draft_id))]
        reason = next((n.split(". ", 1)[1] for n in reversed(notes) if n.startswith(("Soạn từ dữ liệu. ", "Đổi mẫu"))
                       and ". " in n), "")
    elif kind in CAMPAIGN_KINDS:
        chosen, reason = forms_mod.choose(kind, on=on), ""
    else:
        chosen, reason = form_choice(c, kind, subject, on)
    fitting = fitting_forms(kind, subject, on)
    forms = fitting if any(f.id == chosen.id for f in fitting) else [chosen, *fitting]
    if not chosen.in_force(on) and in_force is not None and "Cảnh báo" not in reason:
        reason = " ".join(x for x in (reason, f"Cảnh báo: {chosen.label} đã được thay thế vào ngày {on:%d/%m/%Y}; "
                                      f"mẫu đang có hiệu lực là {in_force.label}.") if x)
    return FormOptions(forms, chosen, reason, on, in_force)


def change_form(store, draft_id: int, form_id: str) -> int:
    """Draft the document again with another form (one that fits its kind, subject and date): every section is
    composed from the records with the new form; the earlier text stays in the history. Returns the new version."""
    d = _editable(store, draft_id)
    if d.form == form_id:
        return current(store, draft_id).version
    target = {"bien_ban": d.meeting_id, "bao_cao": d.nomination_id}.get(d.kind, d.campaign_id)
    _, subject = _campaign_and_subject(store, d.kind, target)
    form = _chosen_form(d.kind, form_id, subject, draft_date(store, draft_id))
    with store.transaction() as conn:
        conn.execute("UPDATE draft SET form = ? WHERE id = ?", (form.path.stem, draft_id))
        doc = compose(form, context(store, get(store, draft_id)))
        cur = current(store, draft_id)
        return _add_version(conn, draft_id, cur.header, {s.id: _stored(s.blocks) for s in doc.sections},
                            f"Đổi mẫu. Soạn lại theo {form.label}")


def create(store, kind: str, target_id: int, authority: str | None = None, form: str | None = None,
           phase_id: int | None = None) -> int:
    """Draft a document from the records (or return the existing draft's id).

    A campaign gets one Tờ trình per approving authority of the awards its council passed;
    without ``authority`` every missing one is drafted and the first is returned. With ``phase_id`` the
    Tờ trình is that phase's: its passed nominations, its meeting, its period. Refused,
    saying what is missing, when the records cannot carry the document yet (no meeting
    held, no candidate passed, a signer not known).
    """
    if kind not in KINDS:
        raise UserError(f"Loại văn bản “{kind}” không có.")
    if kind in UNIT_KINDS:
        return create_unit_document(store, kind, target_id, form)
    if kind == "to_trinh":
        c = campaigns.get(store, target_id)
        if phase_id is not None and c.phase_by_id(phase_id) is None:
            names = "; ".join(f"{i}. {p.name}" for i, p in enumerate(c.phase_records, 1)) or "phong trào không chia đợt"
            raise UserError(f"Phong trào số {target_id} không có đợt này ({names}).")
        wanted = [authority] if authority else authorities_for(store, target_id, phase_id)
        if not wanted:
            existing = find(store, kind, target_id, phase_id=phase_id)
            if existing:
                return existing.id
        ids = [_create_one(store, kind, target_id, code, form, phase_id) for code in (wanted or [""])]
        return ids[0]
    return _create_one(store, kind, target_id, "", form)


def _create_one(store, kind: str, target_id: int, authority: str, form_id: str | None = None,
                phase_id: int | None = None) -> int:
    existing = find(store, kind, target_id, authority if kind == "to_trinh" else None, phase_id)
    if existing:
        return existing.id
    if kind == "cong_van":
        campaigns.get(store, target_id)
    if kind not in ("to_trinh", "bien_ban", "cong_van") and nominations.get(store, target_id).campaign_id is None:
        raise UserError(f"Đề nghị số {target_id} là khen thưởng đột xuất: hồ sơ của nó là tờ trình và báo cáo "
                        "thành tích đột xuất (loại văn bản to_trinh_dot_xuat, bao_cao_dot_xuat).")
    missing = missing_facts(store, kind, target_id, phase_id) + missing_signers(store, kind, target_id)
    if missing:
        raise UserError(f"Chưa soạn được {KINDS[kind].lower()}:\n" + "\n".join(f"- {m}" for m in missing))
    if kind in ("to_trinh", "cong_van"):
        campaign_id, meeting_id, nomination_id, subject = target_id, None, None, None
    elif kind == "bien_ban":
        m = meetings.get(store, target_id)
        campaign_id, meeting_id, nomination_id, subject = m.campaign_id, target_id, None, None
    else:
        n = nominations.get(store, target_id)
        campaign_id, meeting_id, nomination_id = n.campaign_id, None, target_id
        subject = _subject_of(store, target_id)
    form, why = (_chosen_form(kind, form_id, subject), "") if form_id else \
        form_choice(campaigns.get(store, campaign_id), kind, subject)
    with store.transaction() as conn:
        draft_id = conn.execute(
            "INSERT INTO draft(kind, campaign_id, meeting_id, nomination_id, form, authority, phase_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (kind, campaign_id, meeting_id, nomination_id, form.path.stem, authority,
             phase_id if kind == "to_trinh" else None)).lastrowid
        d = get(store, draft_id)
        doc = compose(form, context(store, d))
        sections = {s.id: _stored(s.blocks) for s in doc.sections}
        _add_version(conn, draft_id, {"number": "", "date": clock.today().isoformat()}, sections,
                     "Soạn từ dữ liệu" + (f". {why}" if why else ""))
    return draft_id


def _stored(blocks) -> str:
    """A section's markup as kept in a version: ordinary spaces, as the clerk types them.

    The no-break spaces (a number with its unit, a day with its month) are set again each time the
    document is composed (:func:`desktop.numbers.bind`), so the editor's text and the kept text agree.
    """
    from desktop.numbers import NBSP

    return serialise(blocks).replace(NBSP, " ")


def _add_version(conn, draft_id: int, header: dict, sections: dict, note: str) -> int:
    version = conn.execute("SELECT coalesce(max(version), 0) + 1 FROM draft_version WHERE draft_id = ?",
                           (draft_id,)).fetchone()[0]
    conn.execute("INSERT INTO draft_version(draft_id, version, os_user, note, header, sections) "
                 "VALUES (?, ?, ?, ?, ?, ?)", (draft_id, version, os_user(), note,
                                               json.dumps(header, ensure_ascii=False),
                                               json.dumps(sections, ensure_ascii=False)))
    return version


def history(store, draft_id: int) -> list[Version]:
    """Every version, newest first."""
    return [Version(r["version"], r["created_at"], r["os_user"], r["note"], json.loads(r["header"]),
                    json.loads(r["sections"])) for r in store.query(
        "SELECT * FROM draft_version WHERE draft_id = ? ORDER BY version DESC", (draft_id,))]


def current(store, draft_id: int) -> Version:
    versions = history(store, draft_id)
    if not versions:
        raise NotFound(f"Văn bản số {draft_id} chưa có nội dung.")
    return versions[0]


def _editable(store, draft_id: int) -> Draft:
    d = get(store, draft_id)
    if d.finalised:
        raise UserError("Văn bản đã hoàn thiện; không sửa trực tiếp được. Hãy mở lại thành bản nháp nếu cần sửa.")
    return d


def edit(store, draft_id: int, *, sections: dict[str, str] | None = None, header: dict[str, Any] | None = None,
         note: str = "Sửa nội dung") -> int:
    """Save the clerk's edits of some sections and/or header fields as a new version."""
    _editable(store, draft_id)
    cur = current(store, draft_id)
    new_sections = {**cur.sections, **(sections or {})}
    new_header = {**cur.header, **(header or {})}
    if new_sections == cur.sections and new_header == cur.header:
        return cur.version
    with store.transaction() as conn:
        return _add_version(conn, draft_id, new_header, new_sections, note)


def regenerate(store, draft_id: int, section_id: str) -> int:
    """Recompose one section from the records; every other section keeps the clerk's text."""
    d = _editable(store, draft_id)
    doc = compose(_form_by_name(d.form), context(store, d))
    fresh = {s.id: _stored(s.blocks) for s in doc.sections}
    if section_id not in fresh:
        raise UserError(f"Mẫu không có mục “{section_id}”.")
    return edit(store, draft_id, sections={section_id: fresh[section_id]},
                note=f"Soạn lại mục “{section_id}” từ dữ liệu")


def restore(store, draft_id: int, version: int) -> int:
    _editable(store, draft_id)
    old = next((v for v in history(store, draft_id) if v.version == version), None)
    if old is None:
        raise NotFound(f"Không có phiên bản {version}.")
    with store.transaction() as conn:
        return _add_version(conn, draft_id, old.header, old.sections, f"Khôi phục phiên bản {version}")


def set_classification(store, draft_id: int, classification: str) -> None:
    if classification not in CLASSIFICATIONS:
        raise UserError("Độ mật phải là thường, mật, tối mật hoặc tuyệt mật.")
    _editable(store, draft_id)
    with store.transaction() as conn:
        conn.execute("UPDATE draft SET classification = ? WHERE id = ?", (classification, draft_id))


def document(store, draft_id: int, version: int | None = None) -> Document:
    """The document as the given (default: current) version reads."""
    d = get(store, draft_id)
    v = current(store, draft_id) if version is None else next(
        (x for x in history(store, draft_id) if x.version == version), None)
    if v is None:
        raise NotFound(f"Không có phiên bản {version}.")
    ctx = context(store, d)
    ctx["overrides"] = dict(v.sections)
    ctx["document"] = {**ctx.get("document", {}), "number": v.header.get("number", ""),
                       "classification": d.classification}
    recipients = v.header.get("recipients")
    if isinstance(recipients, str):
        recipients = [r.strip() for r in recipients.split(";") if r.strip()]
    if recipients:
        ctx["document"]["recipients"] = list(recipients)
    if v.header.get("date"):
        ctx["document"]["date"] = dt.date.fromisoformat(v.header["date"])
    elif "date" in v.header:
        ctx["document"]["date"] = None  # cleared by the clerk: left blank for the e-office system
    return compose(_form_by_name(d.form), ctx)


def title(store, d: Draft) -> str:
    """The document's Vietnamese title, used for file names and lists."""
    if d.kind in CAMPAIGN_KINDS:
        return campaign_document_title(store, d)
    if d.kind in UNIT_KINDS:
        return unit_document_title(store, d)
    if d.kind == "bao_cao" and d.nomination_id:
        rows = {r.id: r for r in nominations.list_for_campaign(store, d.campaign_id)}
        r = rows.get(d.nomination_id)
        return f"Báo cáo thành tích - {r.name}" if r else KINDS[d.kind]
    if d.kind == "to_trinh":
        phase = campaigns.get(store, d.campaign_id).phase_by_id(d.phase_id) if d.phase_id else None
        suffix = f" ({phase.name})" if phase else ""
        if d.authority in AUTHORITIES:
            return f"{KINDS[d.kind]} - {approver_text(d.authority, unit.get(store))}{suffix}"
        return KINDS[d.kind] + suffix
    return KINDS[d.kind]


def render(store, draft_id: int, out: str | Path, doc: Document | None = None) -> Path:
    """Write the draft as PDF or DOCX (by the file's suffix); a finalised one from its kept files.

    ``doc``: the draft's current :func:`document` when the caller has composed it already (``draft all``
    composes each document once for its name, its PDF and its DOCX)."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise UserError("Tên tệp phải kết thúc bằng .pdf hoặc .docx.")
    d = get(store, draft_id)
    kept = d.pdf_sha256 if suffix == ".pdf" else d.docx_sha256
    try:
        if kept:
            from desktop.files import atomic_write

            with atomic_write(out, make_parents=True) as tmp, open(tmp, "wb") as fh:
                for chunk in blobs.iter_chunks(store, kept):
                    fh.write(chunk)
            return out
        return _render(doc if doc is not None else document(store, draft_id), out)
    except OSError as exc:
        if getattr(exc, "errno", None) == 28:
            raise UserError("Ổ đĩa đã đầy; chưa lưu được văn bản.") from None
        raise UserError(f"Không ghi được tệp “{out.name}”: {os_reason(exc)}.") from None


def _render(doc: Document, out: Path) -> Path:
    """PDF or DOCX by suffix; the renderers (reportlab, python-docx) load only when a file is made."""
    if out.suffix.lower() == ".pdf":
        from desktop.dossier.documents.render_pdf import render_pdf

        return render_pdf(doc, out)
    from desktop.dossier.documents.render_docx import render_docx

    return render_docx(doc, out)


# -- what is still missing in a document -------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    section: str       # where in the document, as the clerk sees it
    text: str          # the line that holds the gap
    message: str       # what to do, in Vietnamese


SECTION_LABELS = {"mo_dau": "Mở đầu", "de_nghi": "Nội dung đề nghị", "thanh_phan": "Thành phần tham dự",
                  "quan_triet": "1. Quán triệt", "danh_sach": "2. Danh sách, thành tích",
                  "kiem_phieu": "3. Kết quả bỏ phiếu", "ket_luan": "4. Kết luận"}

# What a document must not carry when it is finalised: the gaps the composer leaves for missing data.
_PLACEHOLDERS = (
    (re.compile(r"…{2,}|\.{4,}"), "còn chỗ trống chưa điền"),
    (re.compile(r"số …/"), "số của văn bản được dẫn còn để trống: điền số trong thông tin phong trào"),
    (re.compile(r"\bChưa (nhập|có|ghi nhận)\b"), "còn thiếu dữ liệu"),
)


def _line_problems(section: str, lines) -> list[Problem]:
    out = []
    for line in lines:
        for pattern, message in _PLACEHOLDERS:
            if line and pattern.search(line):
                out.append(Problem(section, line.strip(), message))
                break
    return out


def document_problems(doc: Document) -> list[Problem]:
    """Every placeholder or gap left in a composed document, with the part it is in."""
    from desktop.dossier.documents.model import block_text_lines

    out: list[Problem] = []
    h = doc.header
    if h.show_number and not (h.number or "").strip():
        out.append(Problem("Số, ký hiệu", h.number_line().strip(),
                           "chưa có số văn bản: điền số khi vào sổ văn bản đi, trước khi hoàn thiện"))
    out += _line_problems("Tên văn bản, trích yếu", [t.text for t in doc.title_lines])
    out += _line_problems("Kính gửi", doc.recipient_lines())
    out += _line_problems("Căn cứ", doc.basis_lines())
    for section in doc.sections:
        label = section.heading or SECTION_LABELS.get(section.id, section.id)
        out += _line_problems(label, [line for block in section.blocks for line in block_text_lines(block)])
    out += _line_problems("Kết thúc", [doc.closing])
    out += _line_problems("Nơi nhận", doc.noi_nhan_lines())
    return out


def problems(store, draft_id: int) -> list[Problem]:
    """What the clerk must still fill in before the document can be finalised."""
    return document_problems(document(store, draft_id))


def finalise(store, draft_id: int) -> None:
    """Mark the draft "hoàn thiện" and keep its rendered PDF and DOCX unchanged from now on.

    Refused while the document still has a gap (:func:`problems`): an empty Số, a "……", a
    "Chưa nhập …" sentence where the records had nothing.
    """
    d = _editable(store, draft_id)
    doc = document(store, draft_id)
    found = document_problems(doc)
    if found:
        raise UserError("Chưa hoàn thiện được văn bản; còn thiếu:\n"
                        + "\n".join(f"- {p.section}: {p.message} ({p.text})" for p in found))
    with tempfile.TemporaryDirectory(prefix=temp_prefix("thidua-final-")) as tmp:
        pdf = _render(doc, Path(tmp) / "van-ban.pdf")
        docx = _render(doc, Path(tmp) / "van-ban.docx")
        with store.transaction() as conn:
            pdf_sha, _ = blobs.put_file(store, pdf, pdf.name)
            docx_sha, _ = blobs.put_file(store, docx, docx.name)
            conn.execute("UPDATE draft SET status = 'hoan_thien', finalised_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
                         "pdf_sha256 = ?, docx_sha256 = ? WHERE id = ?", (pdf_sha, docx_sha, d.id))


def reopen(store, draft_id: int) -> None:
    """Turn a finalised document back into a draft (its kept files are dropped)."""
    d = get(store, draft_id)
    if not d.finalised:
        return
    with store.transaction() as conn:
        conn.execute("UPDATE draft SET status = 'nhap', finalised_at = NULL, pdf_sha256 = NULL, docx_sha256 = NULL "
                     "WHERE id = ?", (draft_id,))
        for sha in (d.pdf_sha256, d.docx_sha256):
            if sha:
                blobs.drop_if_unused(store, sha)


# -- campaign documents: the Bản đăng ký thi đua and the Báo cáo kết quả (issue 14) ----------------------

def _phase_id(store, draft_id: int) -> int | None:
    return store.scalar("SELECT phase_id FROM draft WHERE id = ?", (draft_id,))


def find_for_campaign(store, kind: str, campaign_id: int, phase_id: int | None = None) -> Draft | None:
    """The campaign's registration (one), or its report of results for ``phase_id`` (None: the whole campaign)."""
    row = store.one("SELECT * FROM draft WHERE kind = ? AND campaign_id = ? AND phase_id IS ?",
                    (kind, campaign_id, phase_id if kind == "bao_cao_ket_qua" else None))
    return _draft(row) if row else None


def create_for_campaign(store, kind: str, campaign_id: int, phase_id: int | None = None) -> int:
    """Draft the campaign's Bản đăng ký thi đua or a Báo cáo kết quả (of one phase, or of the whole
    campaign) from the records, or return the existing draft's id."""
    if kind not in CAMPAIGN_KINDS:
        raise UserError(f"Loại văn bản “{kind}” không có.")
    c = campaigns.get(store, campaign_id)
    if kind == "dang_ky":
        phase_id = None
    elif phase_id is not None and c.phase_by_id(phase_id) is None:
        names = "; ".join(f"{i}. {p.name}" for i, p in enumerate(c.phase_records, 1)) or "phong trào không chia đợt"
        raise UserError(f"Phong trào số {campaign_id} không có đợt này ({names}).")
    existing = find_for_campaign(store, kind, campaign_id, phase_id)
    if existing:
        return existing.id
    form = forms_mod.choose(kind)
    with store.transaction() as conn:
        draft_id = conn.execute(
            "INSERT INTO draft(kind, campaign_id, phase_id, form) VALUES (?, ?, ?, ?)",
            (kind, campaign_id, phase_id, form.path.stem)).lastrowid
        doc = compose(form, context(store, get(store, draft_id)))
        sections = {s.id: serialise(s.blocks) for s in doc.sections}
        _add_version(conn, draft_id, {"number": "", "date": clock.today().isoformat()}, sections,
                     "Soạn từ dữ liệu")
    return draft_id


def campaign_document_title(store, d: Draft) -> str:
    phase = campaigns.get(store, d.campaign_id).phase_by_id(_phase_id(store, d.id))
    return KINDS[d.kind] + (f" - {phase.name}" if phase else "")


def _campaign_period_text(c: campaigns.Campaign) -> str:
    period = _period(c)
    if period.startswith("năm "):
        return "Năm " + period[4:]
    return ("Thời gian " + period) if period else ""


def context_campaign_document(store, d: Draft) -> dict[str, Any]:
    from desktop.campaigns import registration

    c = campaigns.get(store, d.campaign_id)
    profile = unit.get(store)
    ctx = _base(store, c)
    period = _period(c)
    ctx["campaign"].update({"issuer": c.issuer or profile.governing_body, "period_text": _campaign_period_text(c),
                            "name_period": f"{campaign_name(c)} {period}".strip()})
    criteria = {k.id: k for k in c.criteria}
    if d.kind == "dang_ky":
        unit_id = store.scalar("SELECT id FROM collective WHERE is_unit = 1")
        own = registration.find(store, c.id, collective_id=unit_id) if unit_id else None
        targets = own.targets if own else registration.default_targets(c, "collective")
        ctx["unit_targets"] = [{
            "criterion": criteria[t.criterion_id].text, "unit": t.unit or criteria[t.criterion_id].target_unit,
            "value": ach.format_measure(t.value, "") if t.value is not None else "",
            "due": f"Trước {partial_text(t.due_date)}" if t.due_date else "",
            "note": "" if own else "Theo kế hoạch"} for t in targets if t.criterion_id in criteria]
        ctx["registrations"] = [{
            "kind": "ca_nhan" if r.kind == "person" else "tap_the", "name": r.name,
            "where": ", ".join(x for x in (r.position, r.collective) if x),
            "titles": r.registration.titles + ([] if not r.phase else [f"({r.phase})"]),
            "targets": [f"{criteria[t.criterion_id].text}: {registration.target_text(t, criteria[t.criterion_id])}"
                        for t in r.registration.targets
                        if t.criterion_id in criteria and (t.value is not None or t.due_date)],
        } for r in registration.list_for_campaign(store, c.id) if r.kind != "unit"]
        return ctx

    phase = c.phase_by_id(_phase_id(store, d.id))
    today = clock.today()
    name = phase.name if phase else ""
    lowered = name[:1].lower() + name[1:]
    ctx["report"] = {
        "title": f"Kết quả {lowered}" if phase else "Kết quả",
        "scope": f"kết quả {lowered} {campaign_name(c)}" if phase else f"kết quả thực hiện {campaign_name(c)}",
        "results_intro": "Kết quả thực hiện từng chỉ tiêu so với chỉ tiêu đã đăng ký (hoặc chỉ tiêu của kế hoạch "
                         "khi đơn vị chưa đăng ký)" + (f", tính đến hết {lowered}" if phase else "") + ":",
    }
    start = first_day(phase.period_start) if phase and phase.period_start else None
    end = last_day(phase.period_end) if phase and phase.period_end else None
    registered = registration.unit_targets(store, c.id, phase.id if phase else None)
    results = []
    for k in c.criteria:
        rows = [r for r in store.query(
            "SELECT date, measure_value FROM achievement WHERE criterion_id = ? AND archived_at IS NULL "
            "ORDER BY date, id", (k.id,))
            if (start is None or r["date"] >= start.isoformat()) and (end is None or r["date"] <= end.isoformat())]
        measured = [r["measure_value"] for r in rows if r["measure_value"] is not None]
        target = registered.get(k.id)
        goal = target.value if target else (None if k.relative else k.target_value)
        target_text = (ach.format_measure(target.value, target.unit or k.target_unit) + " (đã đăng ký)"
                       if target else k.target_text)
        latest = measured[-1] if measured else None
        result = ach.format_measure(latest, k.target_unit) if latest is not None else (
            f"{len(rows)} thành tích" if rows else "Chưa có số liệu")
        assessment = "" if goal is None or latest is None else ("Đạt" if latest >= goal else "Chưa đạt")
        results.append({"criterion": k.text, "target": target_text, "result": result, "assessment": assessment})
    ctx["results"] = results
    noms = [n for n in nominations.list_for_campaign(store, c.id)]
    stored = {r["id"]: (r["phase_id"], r["created_at"][:10]) for r in store.query(
        "SELECT id, phase_id, created_at FROM nomination WHERE campaign_id = ?", (c.id,))}

    def in_phase(nomination_id: int) -> bool:
        """A phase's own nominations, and those for the whole campaign made during the phase."""
        pid, made = stored.get(nomination_id, (None, ""))
        if pid is not None:
            return pid == phase.id
        return (start is None or made >= start.isoformat()) and (end is None or made <= end.isoformat())

    summary: dict[str, dict[str, int]] = {}
    for n in noms:
        if phase is not None and not in_phase(n.id):
            continue
        if n.status == "du_kien":
            continue
        s = summary.setdefault(n.award, {"proposed": 0, "passed": 0, "sent": 0})
        s["proposed"] += 1
        s["passed"] += n.status in nominations.PASSED
        s["sent"] += n.status == "da_gui"
    ctx["awards_summary"] = [{"award": a, **{k: f"{v:02d}" for k, v in counts.items()}}
                             for a, counts in summary.items()]
    regs = registration.list_for_campaign(store, c.id)
    n_coll = sum(1 for r in regs if r.kind != "person")
    n_people = sum(1 for r in regs if r.kind == "person")
    linked = store.scalar("SELECT count(*) FROM achievement WHERE campaign_id = ? AND archived_at IS NULL"
                          + (" AND date >= ?" if start else "") + (" AND date <= ?" if end else ""),
                          (c.id, *([start.isoformat()] if start else []), *([end.isoformat()] if end else [])))
    lines = [f"{profile.name or 'Đơn vị'} đã phổ biến, quán triệt {c.reference} đến toàn thể công chức, viên chức "
             f"và người lao động; xây dựng kế hoạch và phát động {campaign_name(c)} trong đơn vị."]
    if regs:
        lines.append(f"Có {n_coll:02d} tập thể và {n_people:02d} cá nhân đăng ký thi đua với các chỉ tiêu cụ thể.")
    lines.append(f"Sổ thi đua của đơn vị ghi nhận {linked:02d} thành tích gắn với phong trào"
                 + (f" trong {lowered}" if phase else "") + f" (đến ngày {today:%d/%m/%Y}).")
    ctx["texts"] = {"organisation": "\n\n".join(lines)}
    return ctx


def _with_registered_targets(store, n: nominations.Nomination, c: campaigns.Campaign, groups: list[dict]) -> None:
    """Mẫu 08's "chỉ tiêu thi đua đã đăng ký": each criterion the subject registered a target for reads
    "… (chỉ tiêu đã đăng ký: 120 hồ sơ; kết quả: 135 hồ sơ)"; a registered criterion without achievements
    is listed too, so the report shows every registered target against its result."""
    from desktop.campaigns import registration

    reg = registration.find(store, c.id, person_id=n.person_id, collective_id=n.collective_id,
                            phase_id=n.phase_id)
    if reg is None and n.phase_id is not None:
        reg = registration.find(store, c.id, person_id=n.person_id, collective_id=n.collective_id)
    if reg is None:
        return
    criteria = {k.id: k for k in c.criteria}
    rows = ach.rows(store, n.achievement_ids)
    by_text = {g["criterion"]: g for g in groups}
    for t in reg.targets:
        k = criteria.get(t.criterion_id)
        target = registration.target_text(t, k) if k else ""
        if k is None or not target:
            continue
        measured = sorted((r["date"], r["measure_value"], r["measure_unit"]) for r in rows.values()
                          if r.get("criterion_id") == k.id and r["measure_value"] is not None)
        result = ach.format_measure(measured[-1][1], measured[-1][2] or k.target_unit) if measured else "chưa có số liệu"
        group = by_text.get(k.text)
        if group is None:
            group = {"criterion": k.text, "items": [], "measures": [], "result": "", "result_short": ""}
            groups.append(group)
        group["criterion"] = f"{k.text} (chỉ tiêu đã đăng ký: {target}; kết quả: {result})"
    order = {k.text: i for i, k in enumerate(c.criteria)}
    groups.sort(key=lambda g: order.get(g["criterion"].split(" (chỉ tiêu đã đăng ký")[0], len(order)))


# -- the unit's own documents (issue 13) ---------------------------------------------------------------------
# The year-end review's Biên bản bình xét (of a review meeting) and the head's Quyết định (of the review's
# year), and an ad-hoc award's Tờ trình and Báo cáo thành tích đột xuất (of the nomination). They have no
# campaign; like every draft they keep versions, take a number and are finalised to PDF and DOCX.

UNIT_KINDS = ("bien_ban_binh_xet", "quyet_dinh", "to_trinh_dot_xuat", "bao_cao_dot_xuat")
KINDS.update({"bien_ban_binh_xet": "Biên bản họp bình xét thi đua cuối năm",
              "quyet_dinh": "Quyết định công nhận danh hiệu thi đua và khen thưởng",
              "to_trinh_dot_xuat": "Tờ trình đề nghị khen thưởng đột xuất",
              "bao_cao_dot_xuat": "Báo cáo thành tích đề nghị khen thưởng đột xuất"})
_UNIT_TARGET = {"bien_ban_binh_xet": "meeting_id", "quyet_dinh": "review_year", "to_trinh_dot_xuat": "nomination_id",
                "bao_cao_dot_xuat": "nomination_id"}


def find_unit_document(store, kind: str, target_id: int) -> Draft | None:
    """The draft of a review meeting's minutes, a review's decision (``target_id`` = the year) or an
    ad-hoc nomination's Tờ trình or report."""
    row = store.one(f"SELECT * FROM draft WHERE kind = ? AND {_UNIT_TARGET[kind]} = ?", (kind, target_id))
    return _draft(row) if row else None


def list_for_review(store, year: int) -> list[Draft]:
    """The year-end review's documents: each meeting's minutes, then the decision."""
    return [_draft(r) for r in store.query(
        "SELECT * FROM draft WHERE review_year = ? ORDER BY kind = 'quyet_dinh', id", (year,))]


def list_for_nomination(store, nomination_id: int) -> list[Draft]:
    """An ad-hoc nomination's dossier: its Tờ trình, then its report."""
    return [_draft(r) for r in store.query(
        "SELECT * FROM draft WHERE nomination_id = ? AND kind IN ('to_trinh_dot_xuat', 'bao_cao_dot_xuat') "
        "ORDER BY kind DESC, id", (nomination_id,))]


def _unit_missing(store, kind: str, target_id: int) -> list[str]:
    from desktop.council import review

    profile = unit.get(store)
    out = []
    if kind == "bien_ban_binh_xet":
        m = meetings.get(store, target_id)
        if m.review_year is None:
            return [f"Cuộc họp số {target_id} là cuộc họp xét của một phong trào; biên bản của nó là biên bản họp xét "
                    "(loại bien_ban)."]
        if not m.held:
            out.append("Cuộc họp chưa kết thúc, chưa ghi nhận kết quả bình xét")
        for role, label in (("chu_tich", "chủ tọa (Chủ tịch Hội đồng)"), ("thu_ky", "thư ký")):
            if m.by_role(role) is None:
                out.append(f"Cuộc họp chưa có {label}.")
        return out
    if not profile.head_name:
        out.append("Chưa nhập họ tên Thủ trưởng đơn vị trong thông tin đơn vị (người ký văn bản).")
    if kind == "quyet_dinh":
        r = review.get(store, target_id)
        if r is None:
            raise NotFound(f"Chưa có đợt bình xét năm {target_id}.")
        if r.status != "da_quyet_dinh":
            out.insert(0, f"Thủ trưởng đơn vị chưa quyết định kết quả bình xét năm {target_id} (số, ngày quyết định)")
        return out
    n = nominations.get(store, target_id)
    if not n.ad_hoc:
        raise UserError(f"Đề nghị số {target_id} không phải khen thưởng đột xuất; hồ sơ của nó soạn theo phong trào.")
    if not n.achievement_ids:
        out.append("Chưa chọn thành tích đột xuất nào trong sổ làm căn cứ đề nghị")
    if kind == "bao_cao_dot_xuat" and n.collective_id is not None:
        col = people.get_collective(store, n.collective_id)
        if not col.is_unit and collective_head(store, col.id) is None:
            out.append(f"Tập thể “{col.name}” chưa có người đứng đầu: hãy chọn trong hồ sơ tập thể; người đó ký "
                       "báo cáo thành tích của tập thể.")
    return out


def create_unit_document(store, kind: str, target_id: int, form_id: str | None = None) -> int:
    """Draft one of the unit's own documents from the records (or return the existing draft's id).

    The decision's draft starts with the number and date of the decision the head recorded.
    """
    from desktop.council import review

    existing = find_unit_document(store, kind, target_id)
    if existing:
        return existing.id
    missing = _unit_missing(store, kind, target_id)
    if missing:
        raise UserError(f"Chưa soạn được {KINDS[kind].lower()}:\n" + "\n".join(f"- {m}" for m in missing))
    header: dict[str, Any] = {"number": "", "date": clock.today().isoformat()}
    meeting_id = nomination_id = review_year = None
    subject = None
    if kind == "bien_ban_binh_xet":
        meeting_id, review_year = target_id, meetings.get(store, target_id).review_year
    elif kind == "quyet_dinh":
        r = review.get(store, target_id)
        review_year = target_id
        header = {"number": r.decision_number.split("/", 1)[0], "date": r.decision_date.isoformat()}
    else:
        nomination_id = target_id
        subject = _subject_of(store, target_id)
    form = _chosen_form(kind, form_id, subject) if form_id else forms_mod.choose(kind, subject=subject)
    with store.transaction() as conn:
        draft_id = conn.execute(
            "INSERT INTO draft(kind, meeting_id, nomination_id, review_year, form) VALUES (?, ?, ?, ?, ?)",
            (kind, meeting_id, nomination_id, review_year, form.path.stem)).lastrowid
        doc = compose(form, context(store, get(store, draft_id)))
        _add_version(conn, draft_id, header, {s.id: _stored(s.blocks) for s in doc.sections}, "Soạn từ dữ liệu")
    return draft_id


def unit_document_title(store, d: Draft) -> str:
    if d.kind == "bien_ban_binh_xet":
        return f"{KINDS[d.kind]} năm {d.review_year}"
    if d.kind == "quyet_dinh":
        return f"Quyết định công nhận danh hiệu thi đua, tặng Giấy khen năm {d.review_year}"
    row = store.one("SELECT coalesce(p.full_name, c.name) AS name FROM nomination n LEFT JOIN person p "
                    "ON p.id = n.person_id LEFT JOIN collective c ON c.id = n.collective_id WHERE n.id = ?",
                    (d.nomination_id,))
    return f"{KINDS[d.kind]} - {row['name']}" if row else KINDS[d.kind]


def _subject_line(store, person_id: int | None, collective_id: int | None,
                  profile: unit.UnitProfile) -> dict[str, Any]:
    """Name, kind, position and workplace of a person or a collective, as the lists write them."""
    if person_id is not None:
        p = people.get_person(store, person_id)
        return {"name": p.full_name, "kind": "ca_nhan", "person_id": p.id, "position": p.position,
                "unit": people.workplace(store, p.collective_id) or profile.name}
    col = people.get_collective(store, collective_id)
    return {"name": col.name, "kind": "tap_the", "person_id": None, "position": "",
            "unit": "" if col.is_unit else (people.workplace(store, col.parent_id) or profile.name)}


def context_unit_document(store, d: Draft) -> dict[str, Any]:
    from desktop.council import review

    if d.kind == "quyet_dinh":
        return review.decision_context(store, d.review_year)
    if d.kind == "bien_ban_binh_xet":
        return context_bien_ban_binh_xet(store, d.meeting_id)
    return context_dot_xuat(store, d.nomination_id)


def context_bien_ban_binh_xet(store, meeting_id: int) -> dict[str, Any]:
    """The review meeting's minutes: who sat, each proposal with its conditions, the ballots, the danh sách."""
    from desktop.council import review

    m = meetings.get(store, meeting_id)
    year = m.review_year
    profile = unit.get(store)
    ctx = _base(store)
    ctx["review"] = {"year": year}
    ctx["meeting"] = _meeting_context(store, m)
    rules_ = review.rules()
    order = list(rules_)
    props = sorted(review.proposals(store, year), key=lambda p: (order.index(p.key[2]) if p.key[2] in order else 99,
                                                                  p.id))
    cands = {c.key: c for c in review.candidates(store, year, {p.key for p in props})}
    votes = {b.nomination_id: b for b in m.ballots}
    items = []
    for p in props:
        kind, sid, title = p.key
        item = _subject_line(store, sid if kind == "person" else None, sid if kind == "collective" else None, profile)
        item.update({"id": p.id, "award": title, "award_key": title})
        c = cands.get(p.key)
        if c is not None:
            item["summary"] = " ".join(f.message for f in c.checks if f.code != "ballot")
        b = votes.get(p.id)
        if b is not None:
            res = meetings.result(m, b)
            item.update({"votes": b.yes, "threshold": round(b.fraction * 100, 2), "passed": res.passed,
                         "threshold_text": _threshold_text(b), "rule_source": b.rule_source})
        elif p.status in ("thong_qua", "khong_thong_qua"):
            item["passed"] = p.status == "thong_qua"
        items.append(item)
    ctx["candidates"] = items
    voted = [b for b in m.ballots]
    issued = max((b.issued for b in voted), default=0)
    returned = max((b.returned for b in voted), default=0)
    invalid = max((b.invalid for b in voted), default=0)
    used = list(dict.fromkeys((x["award"], x["threshold_text"], x["rule_source"]) for x in items
                              if x.get("threshold_text")))
    ctx["ballot"] = {"issued": issued, "returned": returned, "valid": returned - invalid, "invalid": invalid,
                     "threshold": round(voted[0].fraction * 100, 2) if voted else None,
                     "rules": [{"award": a, "text": t, "source": s} for a, t, s in used]}
    ctx["award"] = _award_context([x["award_key"] for x in items], profile)
    conclusion = []
    for title in order:
        passed = [x for x in items if x["award"] == title and x.get("passed")]
        for kind in ("tap_the", "ca_nhan"):
            group = [x for x in passed if x["kind"] == kind]
            if group:
                verb = ("Đề nghị Thủ trưởng đơn vị công nhận danh hiệu" if rules_[title].unit_decides
                        else "Đề nghị cấp trên xét tặng danh hiệu")
                conclusion.append({"award": title, "kind": kind, "verb": verb,
                                   "items": [", ".join(v for v in (x["name"], x["position"], x["unit"]) if v)
                                             for x in group]})
    ctx["conclusion"] = conclusion
    chair, secretary = m.by_role("chu_tich"), m.by_role("thu_ky")
    ctx["signers"].update({"chair": {"title": "CHỦ TỌA", "name": chair.name if chair else ""},
                           "secretary": {"title": "THƯ KÝ", "name": secretary.name if secretary else ""}})
    ctx["document"]["date"] = m.starts_at.date()
    return ctx


def context_dot_xuat(store, nomination_id: int) -> dict[str, Any]:
    """An ad-hoc award's Tờ trình and report: the subject, the feats it rests on, the approval route."""
    n = nominations.get(store, nomination_id)
    profile = unit.get(store)
    ctx = _base(store)
    ctx["award"] = _award_context([n.award], profile)
    ctx["award"].update(_approval_route(authority_of(n.award), profile,
                                        f"{ctx['award']['verb']} {ctx['award']['name']}".strip()))
    ctx["document"]["recipients"] = [ctx["award"]["recipient"]]
    _report_subject(store, n, profile, ctx)
    if n.collective_id is not None:
        # The collective's head reports; the unit's head confirms and proposes (legal.md E.3).
        head = ctx["signers"].get("head") or {}
        ctx["signers"] = {"reporter": {"title": "Thủ trưởng tập thể", "note": "(Ký, ghi rõ họ và tên)",
                                       "name": head.get("name", "")}, "head": {"name": profile.head_name}}
    ctx["prior_awards"] = _history(store, n, profile)
    rows = ach.rows(store, n.achievement_ids)
    feats = sorted((r for r in rows.values() if r.get("date")), key=lambda r: r["date"])
    items = []
    for r in feats:
        result = ach.format_measure(r["measure_value"], r["measure_unit"] or "")
        items.append({"text": f"Ngày {dt.date.fromisoformat(r['date']):%d/%m/%Y}: {r['title']}", "result": result}
                     if result else f"Ngày {dt.date.fromisoformat(r['date']):%d/%m/%Y}: {r['title']}")
    ctx["achievements"] = [{"criterion": "Thành tích xuất sắc đột xuất", "items": items, "measures": [],
                            "result": ""}] if items else []
    _measures, effect = _report_texts(store, n.id)
    ctx["texts"] = {"effect": effect}
    who = _subject_line(store, n.person_id, n.collective_id, profile)
    lines = [(f"{i['text']} (kết quả: {i['result']})." if isinstance(i, dict) else f"{i}.") for i in items]
    ctx["feat"] = {"intro": (n.summary or f"{who['name']} đã lập thành tích xuất sắc đột xuất, cụ thể:"),
                   "items": lines}
    ctx["candidates"] = [{**who, "award": award_full_name(n.award, profile), "award_key": n.award,
                          "summary": n.summary or "; ".join(x.rstrip(".") for x in lines)}]
    return ctx


def render_decision(store, year: int, path, *, family=None):
    """The head's decision with its list, as PDF or Word (by the file's extension), written atomically.

    The decision is a document like any other (kind ``quyet_dinh``): drafted
    once with the decision's number and date, kept with its versions; a finalised one is written
    from the files kept when it was finalised.
    """
    from pathlib import Path

    from desktop.council import review

    path = Path(path)
    if path.suffix.lower() not in (".pdf", ".docx"):
        raise UserError("Tệp kết quả phải là .pdf hoặc .docx.")
    r = review.get(store, year)
    if r is None or r.status != "da_quyet_dinh":
        raise NotFound(f"Đợt bình xét năm {year} chưa có quyết định.")
    draft_id = create(store, "quyet_dinh", year)
    if family is None or get(store, draft_id).finalised or path.suffix.lower() != ".pdf":
        return render(store, draft_id, path)
    from desktop.dossier.documents.render_pdf import render_pdf

    return render_pdf(document(store, draft_id), path, family=family)
