"""The campaign's dossier: what the plan requires, its state, and the signed package that carries it.

The plan lists the documents the dossier must hold (Tờ trình, Biên bản, Báo
cáo thành tích …). Each maps to drafts: one Tờ trình per campaign, one Biên
bản per held meeting, one Báo cáo per nomination the council passed. A package
is built only when every required document is finalised; each finalised PDF is
signed (PAdES) and goes into the ASiC-E container with the Word files, the
Excel list of nominations and the evidence files the clerk chose.
"""
from __future__ import annotations

import re

import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from desktop.records import blobs, evidence, unit
from desktop.campaigns import campaign as campaigns
from desktop.council import meetings, nominations
from desktop.dossier import drafts
from desktop.dossier.documents.model import Document
from desktop.errors import UserError
from desktop.text import fold
from desktop import clock
from desktop.files import temp_prefix
from desktop.progress import Progress, progress_of

STATES = {"thieu": "Thiếu", "ban_nhap": "Bản nháp", "hoan_thien": "Đã hoàn thiện"}

@dataclass
class DossierDocument:
    """A document the app drafts for the dossier: what it is drafted for, and its draft if there is one."""

    kind: str                             # to_trinh / cong_van / bien_ban / bao_cao
    target_id: int                        # the campaign (Tờ trình), meeting (Biên bản) or nomination (Báo cáo)
    authority: str = ""                   # a Tờ trình's approving authority, one Tờ trình each ("" while none)
    approver: str = ""                    # that authority as the Tờ trình names it
    meeting_day: dt.date | None = None    # a Biên bản's meeting
    nominee: str = ""                     # a Báo cáo's collective or person
    draft: drafts.Draft | None = None
    needed: bool = True                   # False: drafted, but the nomination or meeting changed since


def _target(d: drafts.Draft) -> int:
    return {"to_trinh": d.campaign_id, "cong_van": d.campaign_id, "bien_ban": d.meeting_id,
            "bao_cao": d.nomination_id}[d.kind]


def dossier_documents(store, campaign_id: int, phase_id: int | None = None) -> list[DossierDocument]:
    """The documents the app drafts for the campaign's dossier, each with its draft if there is one.

    Tờ trình: one per authority deciding an award the council passed (one
    without an authority while none is passed), and/or the Công văn đề nghị
    when the plan asks for one (:func:`proposal_kinds`); Biên bản: one per held
    meeting; Báo cáo thành tích: one per nomination passed or sent. Drafts the
    dossier no longer needs (a nomination turned down, a meeting changed)
    follow, with ``needed`` False. The Hồ sơ page lists exactly these and
    :func:`required` checks the plan's list against them. With ``phase_id``, the
    dossier of that phase: its Tờ trình, the meetings held for it, its nominations.
    """
    c = campaigns.get(store, campaign_id)
    drafted = {(d.kind, _target(d), d.authority if d.kind == "to_trinh" else ""): d
               for d in _phase_drafts(store, c, phase_id)
               if d.kind not in drafts.CAMPAIGN_KINDS}   # the registration and reports are not the dossier
    profile = unit.get(store)
    kinds = proposal_kinds(store, campaign_id)
    out = []
    if "to_trinh" in kinds:  # one Tờ trình per approving authority (one without an authority while none)
        out = [DossierDocument("to_trinh", campaign_id, code, drafts.approver_text(code, profile))
               for code in drafts.authorities_for(store, campaign_id, phase_id)] or [
            DossierDocument("to_trinh", campaign_id)]
    if "cong_van" in kinds:  # the Công văn đề nghị the plan asks for (NĐ 30/2020 Mẫu 1.5)
        out.append(DossierDocument("cong_van", campaign_id))
    held = drafts._held_meetings(store, campaign_id, phase_id)
    out += [DossierDocument("bien_ban", m.id, meeting_day=m.starts_at.date()) for m in held]
    rows = nominations.list_for_campaign(store, campaign_id, phase_id, all_phases=phase_id is None)
    out += [DossierDocument("bao_cao", r.id, nominee=r.name) for r in rows if r.status in nominations.PASSED]
    needed = {(x.kind, x.target_id, x.authority) for x in out}
    names = {r.id: r.name for r in rows}
    days = {m.id: m.starts_at.date() for m in held}
    for (kind, target, authority), d in drafted.items():
        if (kind, target, authority) not in needed:
            out.append(DossierDocument(
                kind, target, authority, drafts.approver_text(authority, profile) if authority else "",
                meeting_day=days.get(target) if kind == "bien_ban" else None,
                nominee=names.get(target, "") if kind == "bao_cao" else "", needed=False))
    for x in out:
        x.draft = drafted.get((x.kind, x.target_id, x.authority))
    return out


@dataclass
class RequiredItem:
    name: str                      # as the plan names it
    kind: str | None               # to_trinh / cong_van / bien_ban / bao_cao; None for a document not drafted
    state: str                     # thieu / ban_nhap / hoan_thien
    drafts: list[drafts.Draft] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)   # what is not drafted yet, in Vietnamese
    attachments: list = field(default_factory=list)    # attached files (desktop.dossier.attachments) of an item not drafted


def kind_of(name: str) -> str | None:
    """The kind of document the app drafts for a plan's dossier item named ``name``; None: it is attached."""
    key = fold(name)
    for kind, word in (("to_trinh", "to trinh"), ("bien_ban", "bien ban"), ("bao_cao", "bao cao")):
        if word in key:
            return kind
    # "Văn bản / Công văn đề nghị khen thưởng của đơn vị" is the unit's own proposal: its Tờ trình, or a
    # Công văn (NĐ 30/2020 Mẫu 1.5) when the plan names a công văn.
    m = re.search(r"\b(van ban|cong van)\b.*\bde nghi\b.*\b(khen thuong|tang|cong nhan)", key)
    if m:
        return "cong_van" if m.group(1) == "cong van" else "to_trinh"
    return None


def proposal_kinds(store, campaign_id: int) -> list[str]:
    """How the unit's proposal is drafted for this campaign: ``["to_trinh"]`` (one per authority),
    ``["cong_van"]`` when the plan's list asks for a công văn and no tờ trình, or both when it names both."""
    c = campaigns.get(store, campaign_id)
    kinds = {kind_of(d.name) for d in c.documents}
    out = [k for k in ("to_trinh", "cong_van") if k in kinds]
    return out or ["to_trinh"]


def _phase_drafts(store, c: campaigns.Campaign, phase_id: int | None) -> list[drafts.Draft]:
    """The campaign's drafts that make the dossier of the whole campaign (``None``: its Tờ trình without a
    phase, every Biên bản and Báo cáo) or of one phase: that phase's Tờ trình, the Biên bản of the meetings
    held for it (or that voted on its nominations) and the Báo cáo of its nominations."""
    have = drafts.list_for_campaign(store, c.id)
    if phase_id is None:
        return [d for d in have if d.kind != "to_trinh" or d.phase_id is None]
    if c.phase_by_id(phase_id) is None:
        names = "; ".join(f"{i}. {p.name}" for i, p in enumerate(c.phase_records, 1)) or "phong trào không chia đợt"
        raise UserError(f"Phong trào số {c.id} không có đợt này ({names}).")
    ours = {r.id for r in nominations.list_for_campaign(store, c.id, phase_id, all_phases=False)}
    held = {m.id for m in drafts._held_meetings(store, c.id, phase_id)}
    return [d for d in have if (d.kind == "to_trinh" and d.phase_id == phase_id)
            or (d.kind == "bien_ban" and d.meeting_id in held) or (d.kind == "bao_cao" and d.nomination_id in ours)]


def required(store, campaign_id: int, phase_id: int | None = None) -> list[RequiredItem]:
    """The plan's required documents with their state (the window's checklist), for the whole campaign or
    (``phase_id``) the dossier of one phase.

    Each item the app drafts is checked against :func:`dossier_documents`; an
    item it does not draft (another body's document) needs an attached file.
    """
    c = campaigns.get(store, campaign_id)
    names = [d.name for d in c.documents] or [drafts.KINDS[k] for k in ("to_trinh", "bien_ban", "bao_cao")]
    from desktop.dossier import attachments

    have = _phase_drafts(store, c, phase_id)
    attached = attachments.list_for_campaign(store, campaign_id)
    wanted = [x for x in dossier_documents(store, campaign_id, phase_id) if x.needed]
    out = []
    for number, name in enumerate(names, 1):
        kind = kind_of(name)
        if kind is None:
            files = [a for a in attached if a.item == name]
            if files:
                out.append(RequiredItem(name, None, "hoan_thien", attachments=files))
            else:
                out.append(RequiredItem(name, None, "thieu", missing=[
                    f"{name}: chưa đính kèm tệp (PDF, DOCX hoặc ảnh; lệnh “thidua draft attach {campaign_id} "
                    f"{number} TỆP” hoặc trang Hồ sơ)"]))
            continue
        needed = [x for x in wanted if x.kind == kind]
        # Only the drafts the dossier needs: a Báo cáo of a nomination turned down after it was drafted,
        # or a Biên bản of a meeting changed since, is neither signed nor sent.
        items = [x.draft for x in needed if x.draft is not None]
        undrafted = [x for x in needed if x.draft is None]
        missing: list[str] = []
        if kind == "cong_van":
            if not items:
                missing.append("Công văn đề nghị khen thưởng chưa được soạn")
        elif kind == "to_trinh":
            if not items:
                missing.append("Tờ trình chưa được soạn")
            else:  # one Tờ trình per authority that decides an award the council passed
                missing += [f"Tờ trình gửi {x.approver} chưa được soạn" for x in undrafted if x.authority]
        elif kind == "bien_ban":
            if not needed:
                missing.append("Hội đồng chưa họp xét (chưa có kết quả bỏ phiếu)")
            missing += [f"Biên bản cuộc họp ngày {x.meeting_day:%d/%m/%Y} chưa được soạn" for x in undrafted]
        elif kind == "bao_cao":
            if not needed:
                missing.append("Chưa có tập thể, cá nhân nào được Hội đồng thông qua")
            missing += [f"Báo cáo thành tích của {x.nominee} chưa được soạn" for x in undrafted]
        if missing or not items:
            state = "thieu"
        elif all(d.finalised for d in items):
            state = "hoan_thien"
        else:
            state = "ban_nhap"
        out.append(RequiredItem(name, kind, state, items, missing))
    return out


def problems(store, campaign_id: int, phase_id: int | None = None) -> list[str]:
    """Why a package (of the whole campaign, or of one phase) cannot be built yet (empty when it can)."""
    out = []
    for item in required(store, campaign_id, phase_id):
        out += item.missing
        for d in item.drafts:
            if not d.finalised:
                out.append(f"{drafts.title(store, d)} còn là bản nháp")
                out += [f"{drafts.title(store, d)} — {p.section}: {p.message} ({p.text})"
                        for p in drafts.problems(store, d.id)]
    return out


def package_name(store, campaign_id: int, day: dt.date | None = None, phase_id: int | None = None) -> str:
    from desktop.package.names import package_file_name

    profile = unit.get(store)
    c = campaigns.get(store, campaign_id)
    return package_file_name(profile.abbreviation or profile.name, drafts.phase_scope(c, c.phase_by_id(phase_id)),
                             day or clock.today())


FORMATS = {
    "asice": "gói ký số ASiC-E",
    "pdfs": "thư mục các tệp PDF đã ký số",
    "zip": "tệp ZIP các tệp PDF đã ký số (gửi thư điện tử)",
}
"""The ways a finalised dossier can leave: the signed package, or the signed PDFs one by one (folder or ZIP)."""

LISTING_NAME = "Danh sách đề nghị khen thưởng"
ATTACHED_PREFIX = "Kèm theo - "
"""How an attached paper is named in the folder / ZIP of signed PDFs (the package puts it under kem-theo/)."""


def document_file_name(store, d: drafts.Draft, doc: Document | None = None) -> str:
    """``<số ký hiệu> <trích yếu>.pdf`` as a document system expects, safe on Windows.

    Before the e-office system gives the number, only the symbol is there
    (``TTr-UBND Tờ trình đề nghị khen thưởng.pdf``); ``/`` becomes ``-``. ``doc``: the draft's current
    document when the caller has composed it already.
    """
    from desktop.package.names import safe_name

    header = (doc if doc is not None else drafts.document(store, d.id)).header
    reference = f"{header.number}/{header.symbol}" if header.number else header.symbol
    summary = drafts.title(store, d)
    return safe_name(f"{reference} {summary}" if reference else summary, suffix=".pdf")


def build(store, campaign_id: int, output: str | Path, identity, *, evidence_ids: list[int] = (),
          progress: Progress | Callable[[int, int, str], None] | None = None, overwrite: bool = False,
          timestamper=None, appearance=None, format: str = "asice", phase_id: int | None = None):
    """Sign the finalised documents and write the dossier in ``format``; refuses while anything is missing.

    ``asice``: the signed package (documents, Word files, the Excel list and the
    chosen evidence). ``pdfs``: a folder of the individually signed PDFs named
    by :func:`document_file_name`, with the Excel list. ``zip``: that folder as
    one ZIP for email. The output is verified as soon as it is written (a
    broken output is removed and reported); the passed nominations become
    "Đã gửi" and the print log records which way the dossier left. With ``phase_id`` the dossier is that
    phase's (its Tờ trình, meetings, reports and nominations only). ``progress``
    hears of each step; once cancelled it raises :class:`~desktop.progress.Cancelled`
    and nothing is written.
    """
    if format not in FORMATS:
        raise UserError(f"Cách gửi “{format}” không có; chọn một trong: {', '.join(FORMATS)}.")
    missing = problems(store, campaign_id, phase_id)
    if missing:
        raise UserError("Chưa tạo được gói hồ sơ:\n" + "\n".join(f"- {m}" for m in missing))
    from desktop.dossier.nomination_list import write_nominations
    from desktop.package.asice import CANCELLED, PackageFile, build_package, check_output

    check_output(output, overwrite, folder=format == "pdfs")  # before the signing, which takes seconds
    from desktop.package.names import safe_name
    from desktop.package.verify import EVIDENCE_FOLDER
    from desktop.signing.pdf import sign_pdf

    output = Path(output)
    report = progress_of(progress).cancelled_saying(CANCELLED)
    items_required = required(store, campaign_id, phase_id)
    docs = [d for item in items_required for d in item.drafts]
    with tempfile.TemporaryDirectory(prefix=temp_prefix("thidua-goi-")) as tmp:
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

        signed_pdfs: list[tuple[str, Path]] = []
        signing_time = None
        for i, d in enumerate(docs):
            report(i, len(docs), f"Ký số: {drafts.title(store, d)}")
            title = safe_name(drafts.title(store, d))
            pdf = folder / f"{i:02d}.pdf"
            pdf.write_bytes(blobs.read_bytes(store, d.pdf_sha256))
            signed = folder / f"{i:02d}-signed.pdf"
            signing_time = sign_pdf(pdf, signed, identity, appearance=appearance, timestamper=timestamper,
                                    reason=f"Ký số {drafts.title(store, d)}").signing_time
            if format != "asice":
                signed_pdfs.append((unique(document_file_name(store, d)), signed))
                continue
            files.append(PackageFile(f"van-ban/{unique(title + '.pdf')}", signed))
            docx = folder / f"{i:02d}.docx"
            docx.write_bytes(blobs.read_bytes(store, d.docx_sha256))
            files.append(PackageFile(f"van-ban-word/{unique(title + '.docx')}", docx))
        listing = write_nominations(store, campaign_id, folder / "danh-sach.xlsx", phase_id=phase_id)
        from desktop.dossier import attachments

        attached = [a for item in items_required for a in item.attachments]
        for a in attached:
            report.check()
            path = folder / f"kem-{a.id}"
            with open(path, "wb") as fh:
                for chunk in blobs.iter_chunks(store, a.sha256):
                    fh.write(chunk)
            if format == "asice":
                # Attached documents of other bodies, kept byte for byte (a signature already in a PDF stays
                # valid) and covered by the package's signature.
                files.append(PackageFile(f"{attachments.FOLDER}{unique(safe_name(a.file_name))}", path))
                continue
            # The folder / ZIP of signed PDFs: each PDF there bears its own signature. A PDF signed by its
            # issuer is kept byte for byte; an unsigned one (a scan) is signed by the unit, as its copy;
            # a Word file or an image goes as it is.
            if a.media_type == "application/pdf" and not a.signed:
                report(len(docs), len(docs), f"Ký số: {a.file_name}")
                signed = folder / f"kem-{a.id}-signed.pdf"
                sign_pdf(path, signed, identity, appearance=appearance, timestamper=timestamper,
                         reason=f"Ký số bản sao {a.item}")
                path = signed
            signed_pdfs.append((unique(safe_name(f"{ATTACHED_PREFIX}{a.file_name}")), path))
        if format == "asice":
            files.append(PackageFile(f"danh-sach/{safe_name(LISTING_NAME)}.xlsx", listing))
            for evidence_id in evidence_ids:
                ev = evidence.get(store, evidence_id)
                path = folder / f"ev-{ev.id}"
                with open(path, "wb") as fh:  # streamed out of the database, chunk by chunk
                    for chunk in blobs.iter_chunks(store, ev.sha256):
                        fh.write(chunk)
                files.append(PackageFile(f"{EVIDENCE_FOLDER}{unique(safe_name(ev.file_name))}", path))
            built = build_package(output, files, identity, progress=report,
                                  overwrite=overwrite, timestamper=timestamper)
        else:
            signed_pdfs.append((unique(safe_name(LISTING_NAME, suffix=".xlsx")), listing))
            report(len(docs), len(docs), "Ghi tệp")
            built = _write_documents(output, signed_pdfs, identity, zipped=format == "zip", overwrite=overwrite)
            built.signing_time = signing_time
    _verify_written(store, built.path, identity)
    c = campaigns.get(store, campaign_id)
    # The dossier has left the clerk's hands: the council's passed nominations are now "đã gửi",
    # and the print log (the register of what left the office, on paper or not) says how.
    with store.transaction():
        for r in nominations.list_for_campaign(store, campaign_id, phase_id, all_phases=phase_id is None):
            if r.status == "thong_qua":
                nominations.set_status(store, r.id, "da_gui")
        from desktop.dossier import printing

        printing.log(store, None, f"Hồ sơ khen thưởng: {drafts.phase_scope(c, c.phase_by_id(phase_id))}", 0, 1, "",
                     f"Gửi điện tử dạng {FORMATS[format]}: {built.path.name} ({len(built.files)} tệp, "
                     f"ký bởi {built.signer})")
    return built


@dataclass
class WrittenDocuments:
    """The signed PDFs written as a folder or a ZIP (the counterpart of the package's BuiltPackage)."""

    path: Path
    files: list[str]
    size: int
    signer: str
    format: str
    signing_time: dt.datetime | None = None


def _write_documents(output: Path, items: list[tuple[str, Path]], identity, *, zipped: bool,
                     overwrite: bool) -> WrittenDocuments:
    """Write the named files as a folder (``output``) or one ZIP; nothing half-written is left behind."""
    import os
    import shutil
    import zipfile

    if output.exists() and not overwrite:
        raise UserError(f"{output} đã có; chọn tên khác hoặc cho phép ghi đè.")
    if not output.parent.is_dir():
        raise UserError(f"Thư mục {output.parent} không tồn tại.")
    size = sum(p.stat().st_size for _, p in items)
    try:
        if zipped:
            from desktop.files import atomic_write

            with atomic_write(output, make_parents=True) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
                for name, path in items:
                    archive.write(path, name)
            size = output.stat().st_size
        else:
            staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".part", dir=output.parent))
            try:
                for name, path in items:
                    shutil.copyfile(path, staging / name)
                if output.exists():
                    old = output.with_name(f".{output.name}.old")
                    os.replace(output, old)
                    os.replace(staging, output)
                    shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink()
                else:
                    os.replace(staging, output)
            finally:
                if staging.exists():
                    shutil.rmtree(staging, ignore_errors=True)
    except OSError as exc:
        raise UserError(f"Không ghi được {output}: {exc.strerror or exc}.") from exc
    return WrittenDocuments(output, [name for name, _ in items], size, identity.name, "zip" if zipped else "pdfs")


def _verify_written(store, path: Path, identity) -> None:
    """Check the output just written, trusting the signer's own chain; a broken output is removed.

    Whether the Sở trusts the signer's CA is its own check: here a missing
    root is not a failure, anything else (a changed byte, a bad signature) is.
    """
    import shutil

    from desktop.signing import trust
    from desktop.package.pdf_verify import verify_path

    anchors = [*trust.certificates(store), identity.certificate, *identity.chain]
    result = verify_path(path, anchors)
    bad = [c for c in result.checks if not c.ok and not c.code.endswith(".chain")]
    if result.checks and not bad:
        return
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
    reason = bad[0].message if bad else "không có chữ ký nào để kiểm tra"
    raise UserError(f"Hồ sơ vừa ghi không qua được bước tự kiểm tra nên đã bị xóa: {reason}")
