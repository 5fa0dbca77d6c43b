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

from . import blobs, campaigns, drafts, evidence, meetings, nominations, unit
from .errors import UserError
from .text import fold
from . import clock
from .files import temp_prefix
from .progress import Progress, progress_of

STATES = {"thieu": "Thiếu", "ban_nhap": "Bản nháp", "hoan_thien": "Đã hoàn thiện"}


@dataclass
class RequiredItem:
    name: str                      # as the plan names it
    kind: str | None               # to_trinh / bien_ban / bao_cao; None for a document the app does not draft
    state: str                     # thieu / ban_nhap / hoan_thien
    drafts: list[drafts.Draft] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)   # what is not drafted yet, in Vietnamese
    attachments: list = field(default_factory=list)    # attached files (desktop.attachments) of an item not drafted


def _kind_of(name: str) -> str | None:
    key = fold(name)
    for kind, word in (("to_trinh", "to trinh"), ("bien_ban", "bien ban"), ("bao_cao", "bao cao")):
        if word in key:
            return kind
    # "Văn bản / Công văn đề nghị khen thưởng của đơn vị" is the unit's own proposal: its Tờ trình.
    if re.search(r"\b(van ban|cong van)\b.*\bde nghi\b.*\b(khen thuong|tang|cong nhan)", key):
        return "to_trinh"
    return None


def required(store, campaign_id: int) -> list[RequiredItem]:
    """The plan's required documents with their state (the window's checklist)."""
    c = campaigns.get(store, campaign_id)
    names = [d.name for d in c.documents] or [drafts.KINDS[k] for k in ("to_trinh", "bien_ban", "bao_cao")]
    from . import attachments

    have = drafts.list_for_campaign(store, campaign_id)
    attached = attachments.list_for_campaign(store, campaign_id)
    out = []
    for number, name in enumerate(names, 1):
        kind = _kind_of(name)
        if kind is None:
            files = [a for a in attached if a.item == name]
            if files:
                out.append(RequiredItem(name, None, "hoan_thien", attachments=files))
            else:
                out.append(RequiredItem(name, None, "thieu", missing=[
                    f"{name}: chưa đính kèm tệp (PDF, DOCX hoặc ảnh; lệnh “thidua draft attach {campaign_id} "
                    f"{number} TỆP” hoặc trang Hồ sơ)"]))
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
    return package_file_name(profile.abbreviation or profile.name, drafts.campaign_name(c), day or clock.today())


FORMATS = {
    "asice": "gói ký số ASiC-E",
    "pdfs": "thư mục các tệp PDF đã ký số",
    "zip": "tệp ZIP các tệp PDF đã ký số (gửi thư điện tử)",
}
"""The ways a finalised dossier can leave: the signed package, or the signed PDFs one by one (folder or ZIP)."""

LISTING_NAME = "Danh sách đề nghị khen thưởng"


def document_file_name(store, d: drafts.Draft) -> str:
    """``<số ký hiệu> <trích yếu>.pdf`` as a document system expects, safe on Windows.

    Before the e-office system gives the number, only the symbol is there
    (``TTr-UBND Tờ trình đề nghị khen thưởng.pdf``); ``/`` becomes ``-``.
    """
    from .package.names import safe_file_name

    header = drafts.document(store, d.id).header
    reference = f"{header.number}/{header.symbol}" if header.number else header.symbol
    summary = drafts.title(store, d)
    return safe_file_name(f"{reference} {summary}" if reference else summary, suffix=".pdf")


def build(store, campaign_id: int, output: str | Path, identity, *, evidence_ids: list[int] = (),
          progress: Progress | Callable[[int, int, str], None] | None = None, overwrite: bool = False,
          timestamper=None, appearance=None, format: str = "asice"):
    """Sign the finalised documents and write the dossier in ``format``; refuses while anything is missing.

    ``asice``: the signed package (documents, Word files, the Excel list and the
    chosen evidence). ``pdfs``: a folder of the individually signed PDFs named
    by :func:`document_file_name`, with the Excel list. ``zip``: that folder as
    one ZIP for email. The output is verified as soon as it is written (a
    broken output is removed and reported); the passed nominations become
    "Đã gửi" and the print log records which way the dossier left. ``progress``
    hears of each step; once cancelled it raises :class:`~desktop.progress.Cancelled`
    and nothing is written.
    """
    if format not in FORMATS:
        raise UserError(f"Cách gửi “{format}” không có; chọn một trong: {', '.join(FORMATS)}.")
    missing = problems(store, campaign_id)
    if missing:
        raise UserError("Chưa tạo được gói hồ sơ:\n" + "\n".join(f"- {m}" for m in missing))
    from .excel.nominations import write_nominations
    from .package.asice import CANCELLED, PackageFile, build_package, check_output

    check_output(output, overwrite, folder=format == "pdfs")  # before the signing, which takes seconds
    from .package.names import safe_name
    from .package.verify import EVIDENCE_FOLDER
    from .signing.pdf import sign_pdf

    output = Path(output)
    report = progress_of(progress).cancelled_saying(CANCELLED)
    docs = [d for item in required(store, campaign_id) for d in item.drafts]
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
        listing = write_nominations(store, campaign_id, folder / "danh-sach.xlsx")
        from . import attachments

        if format == "asice":
            # Attached documents of other bodies, kept byte for byte (a signature already in a PDF stays
            # valid) and covered by the package's signature. (The folder/ZIP of signed PDFs does not carry
            # them yet: each file there must bear its own signature.)
            for a in (a for item in required(store, campaign_id) for a in item.attachments):
                path = folder / f"kem-{a.id}"
                with open(path, "wb") as fh:
                    for chunk in blobs.iter_chunks(store, a.sha256):
                        fh.write(chunk)
                files.append(PackageFile(f"{attachments.FOLDER}{unique(safe_name(a.file_name))}", path))
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
        for r in nominations.list_for_campaign(store, campaign_id):
            if r.status == "thong_qua":
                nominations.set_status(store, r.id, "da_gui")
        from . import printing

        printing.log(store, None, f"Hồ sơ khen thưởng: {drafts.campaign_name(c)}", 0, 1, "",
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
            from .documents.atomic import atomic_target

            with atomic_target(output) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
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

    from . import trust
    from .package.pdf_verify import verify_path

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
