"""The campaign's dossier: what the plan requires, its state, and the signed package that carries it.

The plan lists the documents the dossier must hold (Tờ trình, Biên bản, Báo
cáo thành tích …). Each maps to drafts: one Tờ trình per campaign, one Biên
bản per held meeting, one Báo cáo per nomination the council passed. A package
is built only when every required document is finalised; each finalised PDF is
signed (PAdES) and goes into the ASiC-E container with the Word files, the
Excel list of nominations and the evidence files the clerk chose.
"""
from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import blobs, campaigns, drafts, evidence, meetings, nominations, unit
from .errors import UserError
from .text import fold

STATES = {"thieu": "Thiếu", "ban_nhap": "Bản nháp", "hoan_thien": "Đã hoàn thiện"}


@dataclass
class RequiredItem:
    name: str                      # as the plan names it
    kind: str | None               # to_trinh / bien_ban / bao_cao; None for a document the app does not draft
    state: str                     # thieu / ban_nhap / hoan_thien
    drafts: list[drafts.Draft] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)   # what is not drafted yet, in Vietnamese


def _kind_of(name: str) -> str | None:
    key = fold(name)
    for kind, word in (("to_trinh", "to trinh"), ("bien_ban", "bien ban"), ("bao_cao", "bao cao")):
        if word in key:
            return kind
    return None


def required(store, campaign_id: int) -> list[RequiredItem]:
    """The plan's required documents with their state (the window's checklist)."""
    c = campaigns.get(store, campaign_id)
    names = [d.name for d in c.documents] or [drafts.KINDS[k] for k in ("to_trinh", "bien_ban", "bao_cao")]
    have = drafts.list_for_campaign(store, campaign_id)
    out = []
    for name in names:
        kind = _kind_of(name)
        if kind is None:
            out.append(RequiredItem(name, None, "thieu", missing=[f"{name}: soạn ngoài ứng dụng và đính kèm"]))
            continue
        items = [d for d in have if d.kind == kind]
        missing: list[str] = []
        if kind == "to_trinh":
            if not items:
                missing.append("Tờ trình chưa được soạn")
            else:
                # One Tờ trình per authority that decides an award the council passed.
                profile = unit.get(store)
                for code in drafts.authorities_for(store, campaign_id):
                    if not any(d.authority == code for d in items):
                        missing.append(f"Tờ trình gửi {drafts.approver_text(code, profile)} chưa được soạn")
        elif kind == "bien_ban":
            held = [m for m in meetings.list_for_campaign(store, campaign_id) if m.held]
            if not held:
                missing.append("Hội đồng chưa họp xét (chưa có kết quả bỏ phiếu)")
            for m in held:
                if not any(d.meeting_id == m.id for d in items):
                    missing.append(f"Biên bản cuộc họp ngày {m.starts_at:%d/%m/%Y} chưa được soạn")
        elif kind == "bao_cao":
            passed = [r for r in nominations.list_for_campaign(store, campaign_id)
                      if r.status in ("thong_qua", "da_gui")]
            if not passed:
                missing.append("Chưa có tập thể, cá nhân nào được Hội đồng thông qua")
            for r in passed:
                if not any(d.nomination_id == r.id for d in items):
                    missing.append(f"Báo cáo thành tích của {r.name} chưa được soạn")
        if missing or not items:
            state = "thieu"
        elif all(d.finalised for d in items):
            state = "hoan_thien"
        else:
            state = "ban_nhap"
        out.append(RequiredItem(name, kind, state, items, missing))
    return out


def problems(store, campaign_id: int) -> list[str]:
    """Why a package cannot be built yet (empty when it can)."""
    out = []
    for item in required(store, campaign_id):
        out += item.missing
        for d in item.drafts:
            if not d.finalised:
                out.append(f"{drafts.title(store, d)} còn là bản nháp")
                out += [f"{drafts.title(store, d)} — {p.section}: {p.message} ({p.text})"
                        for p in drafts.problems(store, d.id)]
    return out


def package_name(store, campaign_id: int, day: dt.date | None = None) -> str:
    from .package.names import package_file_name

    profile = unit.get(store)
    c = campaigns.get(store, campaign_id)
    return package_file_name(profile.abbreviation or profile.name, drafts.campaign_name(c), day or dt.date.today())


def build(store, campaign_id: int, output: str | Path, identity, *, evidence_ids: list[int] = (),
          progress: Callable[[int, int, str], None] | None = None, cancel=None, overwrite: bool = False,
          timestamper=None, appearance=None):
    """Sign the finalised documents and write the package; refuses while anything is missing or a draft."""
    missing = problems(store, campaign_id)
    if missing:
        raise UserError("Chưa tạo được gói hồ sơ:\n" + "\n".join(f"- {m}" for m in missing))
    from .excel.nominations import write_nominations
    from .package.asice import PackageFile, build_package
    from .package.names import safe_name
    from .package.verify import EVIDENCE_FOLDER
    from .signing.pdf import sign_pdf

    report = progress or (lambda done, total, message: None)
    docs = [d for item in required(store, campaign_id) for d in item.drafts]
    with tempfile.TemporaryDirectory(prefix="thidua-goi-") as tmp:
        folder = Path(tmp)
        files: list[PackageFile] = []
        used: set[str] = set()

        def unique(name: str) -> str:
            base, n = name, 2
            while name.casefold() in used:
                stem, dot, ext = base.rpartition(".")
                name = f"{stem} ({n}).{ext}" if dot else f"{base} ({n})"
                n += 1
            used.add(name.casefold())
            return name

        for i, d in enumerate(docs):
            report(i, len(docs), f"Ký số: {drafts.title(store, d)}")
            _check_cancel(cancel)
            title = safe_name(drafts.title(store, d))
            pdf = folder / f"{i:02d}.pdf"
            pdf.write_bytes(blobs.read_bytes(store, d.pdf_sha256))
            signed = folder / f"{i:02d}-signed.pdf"
            sign_pdf(pdf, signed, identity, appearance=appearance, timestamper=timestamper,
                     reason=f"Ký số {drafts.title(store, d)}")
            files.append(PackageFile(f"van-ban/{unique(title + '.pdf')}", signed))
            docx = folder / f"{i:02d}.docx"
            docx.write_bytes(blobs.read_bytes(store, d.docx_sha256))
            files.append(PackageFile(f"van-ban-word/{unique(title + '.docx')}", docx))
        listing = write_nominations(store, campaign_id, folder / "danh-sach.xlsx")
        files.append(PackageFile(f"danh-sach/{safe_name('Danh sách đề nghị khen thưởng')}.xlsx", listing))
        for evidence_id in evidence_ids:
            ev = evidence.get(store, evidence_id)
            path = folder / f"ev-{ev.id}"
            with open(path, "wb") as fh:  # streamed out of the database, chunk by chunk
                for chunk in blobs.iter_chunks(store, ev.sha256):
                    fh.write(chunk)
            files.append(PackageFile(f"{EVIDENCE_FOLDER}{unique(safe_name(ev.file_name))}", path))
        built = build_package(Path(output), files, identity, progress=progress, cancel=cancel,
                              overwrite=overwrite, timestamper=timestamper)
    # The package has left the clerk's hands: the council's passed nominations are now "đã gửi".
    with store.transaction():
        for r in nominations.list_for_campaign(store, campaign_id):
            if r.status == "thong_qua":
                nominations.set_status(store, r.id, "da_gui")
    return built


def _check_cancel(cancel) -> None:
    from .package.asice import PackageCancelled

    if cancel is None:
        return
    if (cancel.is_set() if hasattr(cancel, "is_set") else cancel()):
        raise PackageCancelled()
