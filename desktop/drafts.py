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
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import achievements as ach
from . import blobs, campaigns, catalog, meetings, nominations, people, unit
from .documents import forms as forms_mod
from .documents.compose import compose
from .documents.model import CLASSIFICATIONS, Document
from .documents.richtext import serialise
from .errors import NotFound, UserError, os_reason
from .store.db import os_user
from . import clock
from .files import temp_prefix

KINDS = {"to_trinh": "Tờ trình đề nghị khen thưởng", "bien_ban": "Biên bản họp xét thi đua, khen thưởng",
         "bao_cao": "Báo cáo thành tích"}
# A campaign's own documents to the Sở (issue 14); see "campaign documents" at the end of this module.
KINDS.update({"dang_ky": "Bản đăng ký thi đua", "bao_cao_ket_qua": "Báo cáo kết quả thực hiện phong trào thi đua"})
CAMPAIGN_KINDS = ("dang_ky", "bao_cao_ket_qua")
STATUSES = {"nhap": "Bản nháp", "hoan_thien": "Đã hoàn thiện"}
_KEYWORDS = {"to_trinh": "tờ trình", "bien_ban": "biên bản", "bao_cao": "báo cáo"}


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
    from .text import fold

    for doc in c.documents:
        if _KEYWORDS[kind] in fold(doc.name) or fold(_KEYWORDS[kind]) in fold(doc.name):
            if doc.form and doc.decree:
                try:
                    return forms_mod.choose(kind, decree=doc.decree, form=doc.form, subject=subject)
                except UserError:
                    break
    return forms_mod.choose(kind, subject=subject)


def _form_by_name(name: str) -> forms_mod.Form:
    for f in forms_mod.list_forms():
        if f.path.stem == name:
            return f
    raise UserError(f"Không tìm thấy mẫu văn bản “{name}” trong thư mục forms/.")


# -- the compose context, from the records ---------------------------------------------------------------

def _upper(text: str) -> str:
    return (text or "").upper()


def _approver(award: str | None, profile: unit.UnitProfile) -> str:
    name = award or ""
    if "Thủ tướng" in name or "Chính phủ" in name or "toàn quốc" in name:
        return "Thủ tướng Chính phủ"
    if "Ủy ban nhân dân tỉnh" in name or "cấp bộ, ban, ngành, tỉnh" in name:
        return f"Chủ tịch Ủy ban nhân dân tỉnh {profile.province}".strip()
    if "Bộ trưởng" in name or "bộ, ban, ngành" in name:
        return "Bộ trưởng"
    return f"Giám đốc {profile.governing_body}".strip()


def _verb(award: str | None) -> str:
    known = catalog.load().get(award or "")
    return "công nhận danh hiệu" if known and known.type == "danh_hieu" else "tặng"


def _base(store, c: campaigns.Campaign) -> dict[str, Any]:
    p = unit.get(store)
    return {
        "unit": {"name": p.name, "governing": p.governing_body, "abbreviation": p.abbreviation,
                 "place": p.province, "drafting_unit": ""},
        "council": {"name": "Hội đồng Thi đua - Khen thưởng", "abbreviation": "HĐTĐKT"},
        "campaign": {"name": campaign_name(c),
                     # The plan is quoted with the body that issued it, not the unit's own governing body.
                     "plan": _plan_quote(c, p.governing_body),
                     "period": _period(c)},
        "document": {"number": "", "date": clock.today(), "classification": "thuong"},
        "signers": {"signer": {"authority": "", "title": _upper(p.head_title or "Thủ trưởng đơn vị"),
                               "name": p.head_name},
                    "head": {"title": _upper(p.head_title or "Thủ trưởng đơn vị"), "name": p.head_name}},
    }


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
        a, b = campaigns.format_partial(c.period_start), campaigns.format_partial(c.period_end)
        return f"năm {a}" if a == b else f"từ {a} đến {b}"
    return ""


def _candidates(store, campaign_id: int, meeting: meetings.Meeting | None) -> list[dict[str, Any]]:
    votes = {b.nomination_id: b for b in (meeting.ballots if meeting else [])}
    out = []
    for r in nominations.list_for_campaign(store, campaign_id):
        if meeting is None and r.status not in ("thong_qua", "da_gui"):
            continue
        if meeting is not None and r.id not in votes:
            continue
        item = {"name": r.name, "kind": "ca_nhan" if r.subject_kind == "person" else "tap_the",
                "position": r.position, "unit": r.collective or unit.get(store).name, "award": r.award,
                "summary": r.summary}
        b = votes.get(r.id)
        if b is not None:
            item["votes"] = b.yes
            item["threshold"] = round(b.fraction * 100, 2)
        out.append(item)
    return out


def _award_context(names: list[str], profile: unit.UnitProfile) -> dict[str, str]:
    unique = list(dict.fromkeys(n for n in names if n))
    if len(unique) != 1:
        return {"name": "các hình thức khen thưởng", "verb": "xét",
                "approver": _approver(unique[0] if unique else None, profile)}
    name = unique[0]
    return {"name": name, "verb": _verb(name),
            "approver": _approver(unique[0] if unique else None, profile)}


def context_to_trinh(store, campaign_id: int) -> dict[str, Any]:
    c = campaigns.get(store, campaign_id)
    ctx = _base(store, c)
    held = [m for m in meetings.list_for_campaign(store, campaign_id) if m.held]
    meeting = held[0] if held else None
    ctx["candidates"] = _candidates(store, campaign_id, None)
    if meeting is not None:
        ctx["meeting"] = _meeting_context(meeting)
        votes = {c["name"]: c for c in _candidates(store, campaign_id, meeting)}
        for cand in ctx["candidates"]:
            if cand["name"] in votes:
                cand["votes"] = votes[cand["name"]].get("votes")
    profile = unit.get(store)
    ctx["award"] = _award_context([x["award"] for x in ctx["candidates"]], profile)
    ctx["document"]["recipients"] = [ctx["award"]["approver"]]
    return ctx


def _meeting_context(m: meetings.Meeting) -> dict[str, Any]:
    chair = m.by_role("chu_tich")
    secretary = m.by_role("thu_ky")
    return {
        "start": m.starts_at, "end": m.ends_at, "place": m.place,
        "chair": {"name": chair.name if chair else "", "title": chair.title if chair else ""},
        "secretary": {"name": secretary.name if secretary else "", "title": secretary.title if secretary else ""},
        "members": [{"name": x.name, "title": x.title, "role": meetings.ROLES[x.role], "present": x.present,
                     "written_opinion": bool(x.written_opinion)} for x in m.council],
        "guests": [{"name": x.name, "title": x.title} for x in m.guests],
        "total_members": len(m.council),
    }


def context_bien_ban(store, meeting_id: int) -> dict[str, Any]:
    m = meetings.get(store, meeting_id)
    c = campaigns.get(store, m.campaign_id)
    ctx = _base(store, c)
    ctx["meeting"] = _meeting_context(m)
    ctx["candidates"] = _candidates(store, c.id, m)
    issued = max((b.issued for b in m.ballots), default=0)
    returned = max((b.returned for b in m.ballots), default=0)
    invalid = max((b.invalid for b in m.ballots), default=0)
    ctx["ballot"] = {"issued": issued, "returned": returned, "valid": returned - invalid, "invalid": invalid,
                     "threshold": round(m.ballots[0].fraction * 100, 2) if m.ballots else None}
    profile = unit.get(store)
    ctx["award"] = _award_context([x["award"] for x in ctx["candidates"]], profile)
    chair = m.by_role("chu_tich")
    secretary = m.by_role("thu_ky")
    ctx["signers"].update({
        "chair": {"title": "CHỦ TỌA", "name": chair.name if chair else ""},
        "secretary": {"title": "THƯ KÝ", "name": secretary.name if secretary else ""},
    })
    ctx["document"]["date"] = m.starts_at.date()
    return ctx


def context_bao_cao(store, nomination_id: int) -> dict[str, Any]:
    n = nominations.get(store, nomination_id)
    c = campaigns.get(store, n.campaign_id)
    ctx = _base(store, c)
    profile = unit.get(store)
    award = next((a.award for a in c.awards if a.id == n.campaign_award_id), None)
    ctx["award"] = _award_context([award] if award else [], profile)
    if n.person_id is not None:
        d = people.person_detail(store, n.person_id)
        p = d.person
        ctx["person"] = {
            "name": p.full_name, "birth_date": p.birth_date.strftime("%d/%m/%Y") if p.birth_date else "",
            "gender": people.SEXES.get(p.sex or "", ""),
            "unit": ", ".join(x for x in (d.collective_name, profile.name) if x and x != profile.name) or profile.name,
            "position": p.position, "education": p.rank,
            "tasks": f"{p.position} tại {d.collective_name or profile.name}." if p.position else "",
        }
        awards = people.prior_awards(store, person_id=n.person_id)
        ctx["signers"]["reporter"] = {"title": "NGƯỜI BÁO CÁO THÀNH TÍCH", "name": p.full_name}
    else:
        col = people.get_collective(store, n.collective_id)
        members = store.scalar("SELECT count(*) FROM person WHERE collective_id = ?", (col.id,))
        ctx["collective"] = {"name": col.name, "parent": profile.name, "staff_count": f"{members:02d} người",
                             "functions": col.note}
        awards = people.prior_awards(store, collective_id=n.collective_id)
    cat = catalog.load()
    ctx["prior_awards"] = [{
        "year": a.year, "name": a.award,
        "kind": (cat.get(a.award).type if cat.get(a.award) else "hinh_thuc"),
        "decision": f"Quyết định số {a.decision_number}" + (f" ngày {a.decision_date:%d/%m/%Y}" if a.decision_date
                                                              else "") if a.decision_number else "",
        "issuer": a.issuer} for a in awards]
    ctx["achievements"] = _achievements_by_criterion(store, n, c)
    _with_registered_targets(store, n, c, ctx["achievements"])
    return ctx


def _achievements_by_criterion(store, n: nominations.Nomination, c: campaigns.Campaign) -> list[dict[str, Any]]:
    rows = ach.rows(store, n.achievement_ids)
    criteria = {k.id: k.text for k in c.criteria}
    groups: dict[str, list] = {}
    for aid in n.achievement_ids:
        r = rows.get(aid)
        if r is None:
            continue
        key = criteria.get(r.get("criterion_id")) or r["criterion"] or "Thành tích khác"
        result = ach.format_measure(r["measure_value"], r["measure_unit"])
        text = r["title"] + (f" ({r['date'][8:10]}/{r['date'][5:7]}/{r['date'][:4]})" if r["date"] else "")
        groups.setdefault(key, []).append({"text": text, "result": result} if result else text)
    order = [k.text for k in c.criteria]
    keys = sorted(groups, key=lambda k: (order.index(k) if k in order else len(order), k))
    return [{"criterion": k, "items": groups[k], "measures": []} for k in keys]


# -- storage -------------------------------------------------------------------------------------------

def _draft(row: dict) -> Draft:
    return Draft(**{k: row[k] for k in Draft.__dataclass_fields__})


def get(store, draft_id: int) -> Draft:
    row = store.one("SELECT * FROM draft WHERE id = ?", (draft_id,))
    if row is None:
        raise NotFound(f"Không tìm thấy văn bản số {draft_id}.")
    return _draft(row)


def find(store, kind: str, target_id: int) -> Draft | None:
    if kind in CAMPAIGN_KINDS:
        return find_for_campaign(store, kind, target_id)
    col = {"to_trinh": "campaign_id", "bien_ban": "meeting_id", "bao_cao": "nomination_id"}[kind]
    row = store.one(f"SELECT * FROM draft WHERE kind = ? AND {col} = ?", (kind, target_id))
    return _draft(row) if row else None


def list_for_campaign(store, campaign_id: int) -> list[Draft]:
    return [_draft(r) for r in store.query("SELECT * FROM draft WHERE campaign_id = ? ORDER BY kind, id",
                                           (campaign_id,))]


def context(store, d: Draft) -> dict[str, Any]:
    if d.kind in CAMPAIGN_KINDS:
        return context_campaign_document(store, d)
    if d.kind == "to_trinh":
        return context_to_trinh(store, d.campaign_id)
    if d.kind == "bien_ban":
        return context_bien_ban(store, d.meeting_id)
    return context_bao_cao(store, d.nomination_id)


def _subject_of(store, nomination_id: int) -> str:
    n = nominations.get(store, nomination_id)
    return "ca_nhan" if n.person_id is not None else "tap_the"


def create(store, kind: str, target_id: int) -> int:
    """Draft a document from the records (or return the existing draft's id)."""
    if kind not in KINDS:
        raise UserError(f"Loại văn bản “{kind}” không có.")
    existing = find(store, kind, target_id)
    if existing:
        return existing.id
    if kind == "to_trinh":
        campaign_id, meeting_id, nomination_id, subject = target_id, None, None, None
        campaigns.get(store, campaign_id)
    elif kind == "bien_ban":
        m = meetings.get(store, target_id)
        campaign_id, meeting_id, nomination_id, subject = m.campaign_id, target_id, None, None
    else:
        n = nominations.get(store, target_id)
        campaign_id, meeting_id, nomination_id = n.campaign_id, None, target_id
        subject = _subject_of(store, target_id)
    form = choose_form(campaigns.get(store, campaign_id), kind, subject)
    with store.transaction() as conn:
        draft_id = conn.execute(
            "INSERT INTO draft(kind, campaign_id, meeting_id, nomination_id, form) VALUES (?, ?, ?, ?, ?)",
            (kind, campaign_id, meeting_id, nomination_id, form.path.stem)).lastrowid
        d = get(store, draft_id)
        doc = compose(form, context(store, d))
        sections = {s.id: serialise(s.blocks) for s in doc.sections}
        _add_version(conn, draft_id, {"number": "", "date": clock.today().isoformat()}, sections,
                     "Soạn từ dữ liệu")
    return draft_id


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
    fresh = {s.id: serialise(s.blocks) for s in doc.sections}
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
    if v.header.get("date"):
        ctx["document"]["date"] = dt.date.fromisoformat(v.header["date"])
    elif "date" in v.header:
        ctx["document"]["date"] = None  # cleared by the clerk: left blank for the e-office system
    return compose(_form_by_name(d.form), ctx)


def title(store, d: Draft) -> str:
    """The document's Vietnamese title, used for file names and lists."""
    if d.kind in CAMPAIGN_KINDS:
        return campaign_document_title(store, d)
    if d.kind == "bao_cao" and d.nomination_id:
        rows = {r.id: r for r in nominations.list_for_campaign(store, d.campaign_id)}
        r = rows.get(d.nomination_id)
        return f"Báo cáo thành tích - {r.name}" if r else KINDS[d.kind]
    return KINDS[d.kind]


def render(store, draft_id: int, out: str | Path) -> Path:
    """Write the draft as PDF or DOCX (by the file's suffix); a finalised one from its kept files."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise UserError("Tên tệp phải kết thúc bằng .pdf hoặc .docx.")
    d = get(store, draft_id)
    kept = d.pdf_sha256 if suffix == ".pdf" else d.docx_sha256
    try:
        if kept:
            from .documents.atomic import atomic_target

            with atomic_target(out) as tmp, open(tmp, "wb") as fh:
                for chunk in blobs.iter_chunks(store, kept):
                    fh.write(chunk)
            return out
        doc = document(store, draft_id)
        return _render(doc, out)
    except OSError as exc:
        if getattr(exc, "errno", None) == 28:
            raise UserError("Ổ đĩa đã đầy; chưa lưu được văn bản.") from None
        raise UserError(f"Không ghi được tệp “{out.name}”: {os_reason(exc)}.") from None


def _render(doc: Document, out: Path) -> Path:
    """PDF or DOCX by suffix; the renderers (reportlab, python-docx) load only when a file is made."""
    if out.suffix.lower() == ".pdf":
        from .documents.render_pdf import render_pdf

        return render_pdf(doc, out)
    from .documents.render_docx import render_docx

    return render_docx(doc, out)


def finalise(store, draft_id: int) -> None:
    """Mark the draft "hoàn thiện" and keep its rendered PDF and DOCX unchanged from now on."""
    d = _editable(store, draft_id)
    doc = document(store, draft_id)
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
    from . import registration

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
            "due": f"Trước {campaigns.format_partial(t.due_date)}" if t.due_date else "",
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
    start = campaigns._first_day(phase.period_start) if phase and phase.period_start else None
    end = campaigns._last_day(phase.period_end) if phase and phase.period_end else None
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
        s["passed"] += n.status in ("thong_qua", "da_gui")
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
    from . import registration

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
            group = {"criterion": k.text, "items": [], "measures": []}
            groups.append(group)
        group["criterion"] = f"{k.text} (chỉ tiêu đã đăng ký: {target}; kết quả: {result})"
    order = {k.text: i for i, k in enumerate(c.criteria)}
    groups.sort(key=lambda g: order.get(g["criterion"].split(" (chỉ tiêu đã đăng ký")[0], len(order)))
