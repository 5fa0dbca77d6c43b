"""Verifying signed PDFs one by one: this app's, a VGCA signing tool's, Adobe's or any PAdES signer's.

Many Sở receive a dossier as individually signed PDFs through their document
system rather than as a package. For each signature in a PDF this reports
who signed and when, whether the signed bytes are intact, whether the document
changed after signing (and if it did, whether the later revisions only added
signatures, form fields or validation data, which the PDF standard allows),
and the chain from the signer's certificate to the trusted roots, naming the
missing root when the chain stops.

The judgement comes from pyHanko's validator (``validate_pdf_signature``:
coverage of the byte range, difference analysis of later revisions, path
building); a plain signature (one field, the whole file signed, no later
update) is accepted by :mod:`.pades_check` with the same values without
loading that validator, and every other one, and every failure, is pyHanko's.
Nothing is fetched from the network: revocation is not checked (the clerk's
machine may be offline) and that is said in the message.

The report has the same shape as the package's
(:class:`~desktop.package.verify.VerificationReport`: ``checks``, ``signer``,
``signing_time``, ``files``, ``ok``, ``to_dict``) so the Kiểm tra gói page and
the command line show either the same way; each signature's details are also
kept in :class:`SignatureResult` for ``--json`` and for programs.
"""
from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from asn1crypto import x509

from desktop.signing.certs import display_name, format_vn_time, organisation
from desktop.package.pades_check import accept_plain_pdf
from desktop.package.verify import (
    CLOCK_TOLERANCE,
    SIGNING_USAGES,
    Check,
    split_anchors,
    validate_pdf,
    validation_context,
)

__all__ = [
    "SignatureResult",
    "PdfReport",
    "FolderReport",
    "verify_pdf",
    "verify_folder",
    "verify_path",
    "verify_zip",
    "MAX_FOLDER_FILES",
]

# A folder with more PDFs than this is refused rather than checked for minutes.
MAX_FOLDER_FILES = 500

# What each modification level means for the person reading the report: (acceptable, text).
_MODIFICATION_TEXT = {
    "NONE": (True, "tài liệu không thay đổi sau khi ký"),
    "LTA_UPDATES": (True, "sau khi ký chỉ được thêm dữ liệu kiểm tra chữ ký hoặc dấu thời gian lưu trữ"),
    "FORM_FILLING": (True, "sau khi ký chỉ được thêm chữ ký số khác hoặc điền trường biểu mẫu"),
    "ANNOTATIONS": (True, "sau khi ký chỉ được thêm ghi chú (chú thích) trên trang; nội dung đã ký không đổi"),
    "OTHER": (False, "tài liệu ĐÃ BỊ THAY ĐỔI nội dung sau khi ký"),
}


@dataclass
class SignatureResult:
    """One signature in a PDF, as found and judged."""

    field_name: str
    signer: str | None = None
    organisation: str | None = None
    signing_time: datetime | None = None
    time_source: str = "none"            # "timestamp", "signer" (the signer's own clock) or "none"
    intact: bool = False                 # the signed bytes hash to what was signed
    valid: bool = False                  # the signature value checks with the certificate's key
    coverage: str | None = None          # pyHanko's SignatureCoverageLevel name
    modification: str | None = None      # pyHanko's ModificationLevel name (None: not determined)
    later_revisions: int = 0             # incremental updates saved after this signature
    unchanged: bool = False              # nothing after signing that the standard does not allow
    trusted: bool = False
    chain: list[str] = field(default_factory=list)   # names from the signer up to the root
    missing: str | None = None           # the root or issuer whose certificate is missing
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field_name,
            "signer": self.signer,
            "organisation": self.organisation,
            "signing_time": format_vn_time(self.signing_time) if self.signing_time else None,
            "time_source": self.time_source,
            "intact": self.intact,
            "valid": self.valid,
            "coverage": self.coverage,
            "modification": self.modification,
            "later_revisions": self.later_revisions,
            "unchanged_after_signing": self.unchanged,
            "trusted": self.trusted,
            "chain": list(self.chain),
            "missing_certificate": self.missing,
            "ok": self.ok,
            "checks": [c.to_dict() for c in self.checks],
        }


def _signers(signatures: Iterable[SignatureResult]) -> str | None:
    """The signers' names, each once in the order first met, joined; None when no signature names one."""
    names = list(dict.fromkeys(s.signer for s in signatures if s.signer))
    return ", ".join(names) or None


def _latest_signing_time(signatures: Iterable[SignatureResult]) -> datetime | None:
    times = [s.signing_time for s in signatures if s.signing_time]
    return max(times) if times else None


@dataclass
class PdfReport:
    """Every signature of one PDF, and the checks in the order they were made."""

    path: Path
    signatures: list[SignatureResult] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    name: str | None = None              # as shown (the path inside a folder)

    kind = "pdf"

    @property
    def ok(self) -> bool:
        return bool(self.signatures) and bool(self.checks) and all(c.ok for c in self.checks)

    @property
    def signer(self) -> str | None:
        return _signers(self.signatures)

    @property
    def signing_time(self) -> datetime | None:
        return _latest_signing_time(self.signatures)

    @property
    def files(self) -> list[str]:
        return [self.name or self.path.name]

    def add(self, code: str, ok: bool, message: str) -> bool:
        self.checks.append(Check(code, ok, message, self.name or self.path.name))
        return ok

    def to_dict(self) -> dict[str, Any]:
        return {
            **_summary(self),
            "signing_time": format_vn_time(self.signing_time) if self.signing_time else None,
            "signatures": [s.to_dict() for s in self.signatures],
            "checks": [c.to_dict() for c in self.checks],
        }


@dataclass
class FolderReport:
    """The PDFs of a folder (and its sub-folders), each verified on its own."""

    path: Path
    documents: list[PdfReport] = field(default_factory=list)
    extra_checks: list[Check] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)   # files that are not PDFs (e.g. the Excel list)

    kind = "folder"

    @property
    def ok(self) -> bool:
        return bool(self.documents) and all(d.ok for d in self.documents) and all(c.ok for c in self.extra_checks)

    @property
    def checks(self) -> list[Check]:
        return [*self.extra_checks, *(c for d in self.documents for c in d.checks)]

    @property
    def signer(self) -> str | None:
        return _signers(s for d in self.documents for s in d.signatures)

    @property
    def signing_time(self) -> datetime | None:
        return _latest_signing_time(s for d in self.documents for s in d.signatures)

    @property
    def files(self) -> list[str]:
        return [d.files[0] for d in self.documents] + list(self.skipped)

    def to_dict(self) -> dict[str, Any]:
        return {
            **_summary(self),
            "documents": [d.to_dict() for d in self.documents],
            "not_pdf": list(self.skipped),
            "checks": [c.to_dict() for c in self.extra_checks],
        }


def _summary(report: PdfReport | FolderReport) -> dict[str, Any]:
    """What a report's ``--json`` says first: its kind, path, verdict and signers."""
    return {"kind": report.kind, "path": str(report.path), "valid": report.ok, "signer": report.signer}


PACKAGE_SUFFIXES = (".asice", ".sce")


def _is_package(path: Path) -> bool:
    """An ASiC container: by its suffix, or a ZIP whose first entry is ``mimetype`` (checked from the bytes)."""
    if path.suffix.lower() in PACKAGE_SUFFIXES:
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(38)
    except OSError:
        return False
    return head[:4] == b"PK\x03\x04" and head[30:38] == b"mimetype"


def verify_path(path: str | Path, trusted: Iterable[Any] = (), *, now: datetime | None = None, progress=None):
    """The right check for ``path``: a signed package (ASiC-E), a folder of PDFs, or one PDF.

    ``progress`` (a :class:`~desktop.progress.Progress`) hears of each file of a package hashed.

    Returns a report with ``checks``, ``signer``, ``signing_time``, ``files``,
    ``ok`` and ``to_dict`` (and ``kind``: ``package``, ``folder``, ``pdf``).
    """
    path = Path(path)
    if path.is_dir():
        return verify_folder(path, trusted, now=now)
    if _is_package(path):
        from desktop.package.verify import verify_package

        return verify_package(path, trusted, now=now, progress=progress)
    if path.suffix.lower() == ".zip":
        return verify_zip(path, trusted, now=now)
    return verify_pdf(path, trusted, now=now)


# A ZIP of signed PDFs (as sent by email) is read in memory within these limits.
MAX_ZIP_ENTRY_BYTES = 256 << 20
MAX_ZIP_TOTAL_BYTES = 1 << 30


def verify_zip(path: str | Path, trusted: Iterable[Any] = (), *, now: datetime | None = None) -> FolderReport:
    """Verify each PDF inside a plain ZIP (a folder of signed PDFs zipped for email), without extracting it."""
    import zipfile

    from desktop.package.names import archive_path_problem

    path = Path(path)
    report = FolderReport(path=path)
    anchors = split_anchors(trusted)
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        report.extra_checks.append(Check("zip.open", False, f"Không mở được tệp ZIP {path.name} ({exc})."))
        return report
    with archive:
        entries = [i for i in archive.infolist() if not i.is_dir()]
        unsafe = [i.filename for i in entries if archive_path_problem(i.filename)]
        if unsafe:
            report.extra_checks.append(Check("zip.paths", False, "Tệp ZIP có tên tệp không an toàn: "
                                             + ", ".join(f"“{n}”" for n in unsafe) + "."))
            return report
        if len(entries) > MAX_FOLDER_FILES or sum(i.file_size for i in entries) > MAX_ZIP_TOTAL_BYTES or any(
                i.file_size > MAX_ZIP_ENTRY_BYTES for i in entries):
            report.extra_checks.append(Check("zip.limits", False, "Tệp ZIP quá lớn hoặc quá nhiều tệp để kiểm tra."))
            return report
        for info in sorted(entries, key=lambda i: i.filename):
            if not info.filename.lower().endswith(".pdf"):
                report.skipped.append(info.filename)
                continue
            try:
                data = archive.read(info)
            except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError) as exc:
                doc = PdfReport(path=path, name=info.filename)
                doc.add("pdf.open", False, f"“{info.filename}”: không đọc được trong tệp ZIP ({exc}).")
                report.documents.append(doc)
                continue
            report.documents.append(_verify_one(path, anchors, now, info.filename, data))
    if not report.documents:
        report.extra_checks.append(Check("folder.empty", False, f"Tệp ZIP {path.name} không có tệp PDF nào."))
    return report


def verify_folder(folder: str | Path, trusted: Iterable[Any] = (), *, now: datetime | None = None) -> FolderReport:
    """Verify every PDF in ``folder`` and its sub-folders (in name order); other files are listed, not judged."""
    folder = Path(folder)
    report = FolderReport(path=folder)
    anchors = split_anchors(trusted)
    try:
        found = sorted(p for p in folder.rglob("*") if p.is_file())
    except OSError as exc:
        report.extra_checks.append(Check("folder.open", False, f"Không mở được thư mục {folder}: {exc.strerror or exc}."))
        return report
    pdfs = [p for p in found if p.suffix.lower() == ".pdf"]
    report.skipped = [p.relative_to(folder).as_posix() for p in found if p.suffix.lower() != ".pdf"]
    if len(pdfs) > MAX_FOLDER_FILES:
        report.extra_checks.append(Check(
            "folder.size", False, f"Thư mục có {len(pdfs)} tệp PDF, quá {MAX_FOLDER_FILES} tệp kiểm tra một lần."))
        return report
    if not pdfs:
        report.extra_checks.append(Check("folder.empty", False, f"Thư mục {folder} không có tệp PDF nào."))
        return report
    for pdf in pdfs:
        report.documents.append(_verify_one(pdf, anchors, now, pdf.relative_to(folder).as_posix()))
    return report


def verify_pdf(path: str | Path, trusted: Iterable[Any] = (), *, now: datetime | None = None) -> PdfReport:
    """Verify every signature in the PDF at ``path`` against the ``trusted`` certificates.

    ``trusted`` are certificates (paths to PEM/DER files or certificate
    objects): the self-signed ones are the roots trusted; the others only help
    to build the path (an intermediate the signature does not carry). Problems
    with the PDF are failed checks; only an unreadable certificate file raises
    :class:`~desktop.errors.UserError`. ``now`` is the verifier's clock (for
    signatures that do not say when they were made, and to refuse a signing
    time in the future).
    """
    return _verify_one(Path(path), split_anchors(trusted), now, None)


def _verify_one(path: Path, anchors, now: datetime | None, name: str | None, data: bytes | None = None) -> PdfReport:
    from pyhanko.pdf_utils.reader import PdfFileReader

    report = PdfReport(path=path, name=name)
    label = name or path.name
    now = now or datetime.now(timezone.utc)
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            report.add("pdf.open", False, f"“{label}”: không mở được tệp ({exc.strerror or exc}).")
            return report
    if not data.lstrip()[:5] == b"%PDF-":
        report.add("pdf.open", False, f"“{label}”: không phải tệp PDF.")
        return report
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        if reader.encrypted:
            report.add("pdf.open", False, f"“{label}”: tài liệu đặt mật khẩu, không kiểm tra được chữ ký.")
            return report
        # A plain signature (:mod:`.pades_check`) is judged without loading pyHanko's validator.
        accepted = accept_plain_pdf(
            reader, data, lambda claimed: validation_context(*anchors, claimed or now), SIGNING_USAGES
        )
        signatures = [accepted[0]] if accepted else list(reader.embedded_signatures)
        revisions = reader.xrefs.total_revisions
    except Exception as exc:  # a damaged PDF is a failed check, not a crash
        report.add("pdf.open", False, f"“{label}”: không đọc được tệp PDF ({type(exc).__name__}).")
        return report
    if not signatures:
        report.add("pdf.unsigned", False, f"“{label}”: tài liệu chưa được ký số (không có chữ ký nào).")
        return report
    for sig in signatures:
        result = _verify_signature(sig, anchors, now, revisions, len(data), label, accepted and accepted[1])
        report.signatures.append(result)
        report.checks.extend(result.checks)
    return report


def _verify_signature(
    sig, anchors, now: datetime, revisions: int, file_size: int, label: str, accepted=None
) -> SignatureResult:
    """One signature's result; ``accepted`` is its status when :mod:`.pades_check` accepted it, else pyHanko judges."""
    roots, intermediates = anchors
    result = SignatureResult(field_name=sig.field_name or "?")
    where = f"“{label}” ({result.field_name})"

    def add(code: str, ok: bool, message: str) -> None:
        result.checks.append(Check(code, ok, f"{where}: {message}", label))

    try:
        claimed = sig.self_reported_timestamp
        status = accepted or validate_pdf(sig, validation_context(roots, intermediates, claimed or now))
    except Exception as exc:  # malformed signatures must not stop the report
        add("pdf.signature", False, f"không kiểm tra được chữ ký, dữ liệu chữ ký hỏng ({type(exc).__name__}).")
        return result
    cert = status.signing_cert
    result.signer = display_name(cert)
    result.organisation = organisation(cert)
    result.intact, result.valid, result.trusted = bool(status.intact), bool(status.valid), bool(status.trusted)
    who = result.signer + (f" ({result.organisation})" if result.organisation else "")

    # 1. The signature itself.
    if not result.intact:
        add("pdf.signature", False, f"chữ ký của {who} không khớp nội dung: phần đã ký bị thay đổi.")
    elif not result.valid:
        add("pdf.signature", False, f"giá trị chữ ký của {who} không đúng với chứng thư số (chữ ký hỏng hoặc giả).")
    else:
        add("pdf.signature", True, f"chữ ký số của {who} khớp với nội dung đã ký.")

    # 2. When.
    _signing_time(result, status, claimed, cert, now, add)

    # 3. Changes after signing.
    _changes(result, status, sig, revisions, file_size, add)

    # 4. The chain to the trusted roots.
    _chain(result, status, sig, cert, roots, intermediates, add)
    return result


def _signing_time(result: SignatureResult, status, claimed, cert, now: datetime, add) -> None:
    tst = getattr(status, "timestamp_validity", None)
    if tst is not None:
        result.signing_time, result.time_source = tst.timestamp, "timestamp"
        if not (tst.intact and tst.valid):
            add("pdf.time", False, "dấu thời gian kèm chữ ký bị hỏng hoặc bị sửa.")
            return
        source = "theo dấu thời gian" + ("" if tst.trusted else " (đơn vị cấp dấu thời gian chưa có trong danh sách tin cậy)")
    elif claimed is not None:
        result.signing_time, result.time_source = claimed, "signer"
        source = "do máy của người ký ghi, không có dấu thời gian"
    else:
        add("pdf.time", True, "chữ ký không ghi thời điểm ký; được kiểm tra theo đồng hồ máy này.")
        return
    moment = result.signing_time
    if moment > now + CLOCK_TOLERANCE:
        add("pdf.time", False, f"thời điểm ký {format_vn_time(moment)} ở tương lai so với đồng hồ máy này.")
    elif not cert.not_valid_before <= moment <= cert.not_valid_after:
        add("pdf.time", False, f"thời điểm ký {format_vn_time(moment)} nằm ngoài thời hạn của chứng thư số "
                               f"({format_vn_time(cert.not_valid_before)} – {format_vn_time(cert.not_valid_after)}).")
    else:
        add("pdf.time", True, f"ký lúc {format_vn_time(moment)} ({source}), trong thời hạn chứng thư số.")


def _changes(result: SignatureResult, status, sig, revisions: int, file_size: int, add) -> None:
    coverage = status.coverage
    result.coverage = coverage.name if coverage is not None else None
    try:
        signed_revision = int(sig.signed_revision)
    except Exception:  # noqa: BLE001 - a revision that cannot be placed counts as "unknown"
        signed_revision = revisions - 1
    result.later_revisions = max(0, revisions - 1 - signed_revision)
    level = status.modification_level
    result.modification = level.name if level is not None else None
    if result.coverage == "ENTIRE_FILE" and not result.intact:
        add("pdf.changes", False, "chữ ký bao trùm toàn bộ tệp, không có lần cập nhật nào sau khi ký, nhưng chính "
                                  "phần đã ký đã bị sửa: tài liệu đã thay đổi sau khi ký.")
        return
    if result.coverage == "ENTIRE_FILE":   # by name: the quick check's status (.pades_check) has its own levels
        result.unchanged = True
        add("pdf.changes", True, "tài liệu không thay đổi sau khi ký (chữ ký bao trùm toàn bộ tệp).")
        return
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if coverage is None or coverage < SignatureCoverageLevel.ENTIRE_REVISION:
        add("pdf.changes", False, "chữ ký không bao trùm trọn phiên bản tài liệu đã ký: có dữ liệu bị chèn hoặc "
                                  "nối thêm sau khi ký, hoặc tài liệu bị sửa.")
        return
    if result.later_revisions == 0:
        # The signed revision is the last one, yet the file goes on: bytes stuck on after signing.
        try:
            signed_end = int(sig.byte_range[2]) + int(sig.byte_range[3])
        except Exception:  # noqa: BLE001
            signed_end = file_size
        extra = max(0, file_size - signed_end)
        add("pdf.changes", False, f"tệp bị nối thêm {extra} byte sau phần đã ký (không phải một lần cập nhật hợp lệ): "
                                  "tệp đã bị thay đổi sau khi ký.")
        return
    if level is None:
        add("pdf.changes", False, f"có {result.later_revisions} lần cập nhật sau khi ký mà không phân tích được là "
                                  "thay đổi gì.")
        return
    acceptable, text = _MODIFICATION_TEXT.get(level.name, (False, "có thay đổi không rõ loại sau khi ký"))
    if acceptable and status.docmdp_ok is False:
        acceptable, text = False, text + ", nhưng người ký đã khóa không cho phép thay đổi loại này"
    result.unchanged = acceptable
    add("pdf.changes", acceptable, f"{text} ({result.later_revisions} lần cập nhật sau chữ ký này).")


def _name_of(name: x509.Name) -> str:
    native = name.native
    value = native.get("common_name")
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return str(value or name.human_friendly)


def _issuer_of(cert: x509.Certificate, pool: list[x509.Certificate]) -> x509.Certificate | None:
    candidates = [c for c in pool if c.subject == cert.issuer and c.dump() != cert.dump()]
    aki = cert.authority_key_identifier
    if aki is not None:
        exact = [c for c in candidates if c.key_identifier == aki]
        if exact:
            return exact[0]
    return candidates[0] if candidates else None


def trace_chain(cert: x509.Certificate, pool: list[x509.Certificate]) -> tuple[list[x509.Certificate], bool]:
    """The certificates from ``cert`` upwards as far as ``pool`` reaches; True when it ends at a self-signed root."""
    chain = [cert]
    while len(chain) < 12:
        top = chain[-1]
        if top.self_signed != "no":
            return chain, True
        issuer = _issuer_of(top, pool)
        if issuer is None or any(issuer.dump() == c.dump() for c in chain):
            return chain, False
        chain.append(issuer)
    return chain, False


def _chain(result: SignatureResult, status, sig, cert, roots, intermediates, add) -> None:
    embedded = list(getattr(sig, "other_embedded_certs", []) or [])
    ok, message, result.chain, result.missing = judge_chain(status, cert, embedded, roots, intermediates)
    add("pdf.chain", ok, message)


def judge_chain(status, cert, embedded, roots, intermediates) -> tuple[bool, str, list[str], str | None]:
    """(trusted, Vietnamese message, names from the signer up, missing root or issuer) for a validated signature.

    ``status`` is pyHanko's signature status (``trusted``, ``revoked``,
    ``validation_path``, ``trust_problem_indic``); ``embedded`` the
    certificates the signature carries. When the chain stops, the message
    names the root that is not trusted, or the issuer whose certificate is
    missing.
    """
    signer = display_name(cert)
    pool = [*embedded, *intermediates, *roots]
    chain, complete = trace_chain(cert, pool)
    names = [display_name(c) for c in chain]
    trusted_dumps = {r.dump() for r in roots}
    if status.revoked:
        return False, f"chứng thư số của {signer} đã bị thu hồi.", names, None
    if status.trusted and status.validation_path is not None:
        path = list(status.validation_path.iter_certs(include_root=True))
        names = [display_name(c) for c in reversed(path)] or names
        anchor = status.validation_path.trust_anchor
        root = _name_of(anchor.authority.name) if hasattr(anchor, "authority") else names[-1]
        return True, (f"chứng thư số của {signer} dẫn tới CA gốc tin cậy “{root}” ({' → '.join(names)}); hợp lệ "
                      "tại thời điểm ký (không kiểm tra thu hồi trực tuyến)."), names, None
    top = chain[-1]
    if not roots:
        missing = _name_of(top.subject) if complete else _name_of(top.issuer)
        return False, (f"chưa có chứng thư số gốc tin cậy nào; cần nhập chứng thư số của CA gốc “{missing}” để "
                       f"xác nhận người ký {signer}."), names, missing
    if complete and top.dump() not in trusted_dumps:
        missing = _name_of(top.subject)
        return False, (f"chuỗi chứng thư số của {signer} dừng ở CA gốc “{missing}”, chưa có trong danh sách tin cậy "
                       "(nhập chứng thư số gốc này nếu Sở tin cậy nó)."), names, missing
    if not complete:
        missing = _name_of(top.issuer)
        return False, (f"chuỗi chứng thư số của {signer} dừng ở “{_name_of(top.subject)}”: thiếu chứng thư số của "
                       f"“{missing}” (đơn vị cấp); hãy nhập chứng thư số đó."), names, missing
    if not (status.intact and status.valid):  # the validator judges no chain for a signature that does not match
        return False, (f"chứng thư số của {signer} dẫn tới CA gốc tin cậy “{_name_of(top.subject)}” "
                       f"({' → '.join(names)}), nhưng không được xét hiệu lực vì chữ ký không khớp nội dung."), names, None
    reason = status.trust_problem_indic.name if status.trust_problem_indic is not None else "không rõ lý do"
    return False, (f"chứng thư số của {signer} dẫn tới CA gốc tin cậy “{_name_of(top.subject)}” nhưng không hợp lệ "
                   f"tại thời điểm ký (hết hạn, chưa hiệu lực hoặc sai công dụng: {reason})."), names, None
