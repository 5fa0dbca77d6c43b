"""Verifying a dossier package: one line per check, each passed or failed.

The clerk runs this before sending (did the package come out right?) and the
Sở runs it on receipt (is this what the unit signed?). Each check has a stable
English ``code`` for programs and a Vietnamese message for people. The
package is valid only when every check passed.

What is checked, in order:

* container: a ZIP in the exact layout of :mod:`.zipfmt` (so that any changed
  byte anywhere is noticed), within size limits (zip bombs), ``mimetype``
  first, stored and exact, safe names (no absolute or ``..`` paths,
  backslashes or drive letters; no duplicates, also ignoring case);
* the manifest: well formed, pointing at the signature, listing exactly the
  package's files; each file's digest;
* the CMS signature over the manifest, its signing time, and the chain from
  the signer's certificate to the given trust anchors, judged at the signing
  time, offline (no OCSP or CRL fetching: the clerk's machine may be offline
  and the signature has no revocation data); every certificate carried in the
  signature must belong to that chain (:mod:`.cms_check` accepts a plain
  signature that passes all of this without loading pyHanko's signers;
  pyHanko's validator judges every other one, and every failure);
* each PDF's own signatures (pyHanko, from memory; :mod:`.pades_check`
  accepts a plain one the same way) and that the package signer also signed
  the PDF.

Nothing is extracted to disk; content is read in chunks straight from the ZIP,
on a second thread (:mod:`.hashing`) while the signature is checked: the
libraries the signature needs (asn1crypto, pyhanko-certvalidator, pyHanko's
PDF reader) are imported only once the hashing has started.
"""
from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from desktop.errors import UserError, os_reason
from desktop.formatting import byte_size, date_time
from desktop.progress import Progress, progress_of
from desktop.package.hashing import FileHashing
from desktop.package.manifest import ManifestError, ManifestReference, parse_manifest
from desktop.package.names import archive_path_problem, name_clashes
from desktop.package.zipfmt import (
    MANIFEST_NAME,
    MIMETYPE,
    MIMETYPE_NAME,
    SIGNATURE_NAME,
    ZipEntry,
    ZipFormatError,
    ZipLimits,
    iter_entry,
    profile_problem,
    read_directory,
)

if TYPE_CHECKING:
    from asn1crypto import cms, x509

# pyHanko logs every failed path building with a traceback; here a failure is an
# expected outcome, reported as a failed check, so keep it off the console.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())

__all__ = [
    "Check",
    "VerificationReport",
    "verify_package",
    "raise_for_invalid",
    "CLOCK_TOLERANCE",
    "SIGNING_USAGES",
    "split_anchors",
    "validation_context",
    "key_usage_constraints",
    "validate_pdf",
]

# A signing time this far ahead of the verifier's clock is still accepted (clock drift).
CLOCK_TOLERANCE = timedelta(minutes=5)
MAX_SIGNATURE_BYTES = 1 << 20
MAX_MANIFEST_BYTES = 16 << 20
SIGNING_USAGES = {"digital_signature", "non_repudiation"}
"""A signer's certificate must carry at least one of these key usages (package, foreign package and PDF alike)."""


# Evidence files (scans, third-party PDFs) travel in this folder; they are not
# the unit's own documents, so they need no PDF signature of their own.
EVIDENCE_FOLDER = "minh-chung/"
ATTACHMENT_FOLDER = "kem-theo/"   # documents of other bodies attached to the dossier (desktop.dossier.attachments)


@dataclass(frozen=True)
class Check:
    """One verification step: ``ok`` or not, a Vietnamese ``message``, a stable ``code``."""

    code: str
    ok: bool
    message: str
    subject: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "ok": self.ok, "message": self.message, "subject": self.subject}


@dataclass
class VerificationReport:
    """All checks made on one package, in the order they were made."""

    path: Path
    checks: list[Check] = field(default_factory=list)
    signer: str | None = None
    kind = "package"
    signer_certificate: x509.Certificate | None = None
    signing_time: datetime | None = None
    files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    @property
    def verdict(self) -> str:
        """``valid``; ``unsupported`` when only what this app cannot check failed (``unsupported.*``); else ``invalid``."""
        failed = [c for c in self.checks if not c.ok]
        if self.checks and not failed:
            return "valid"
        if failed and all(c.code.startswith("unsupported.") for c in failed):
            return "unsupported"
        return "invalid"

    def add(self, code: str, ok: bool, message: str, subject: str | None = None) -> bool:
        self.checks.append(Check(code, ok, message, subject))
        return ok

    def to_dict(self) -> dict[str, Any]:
        from desktop.signing.certs import format_vn_time

        return {
            "path": str(self.path),
            "valid": self.ok,
            "verdict": self.verdict,
            "signer": self.signer,
            "signing_time": format_vn_time(self.signing_time) if self.signing_time else None,
            "files": list(self.files),
            "checks": [c.to_dict() for c in self.checks],
        }


def verify_package(
    path: str | Path,
    trust_anchors: Iterable[Any] = (),
    *,
    limits: ZipLimits | None = None,
    require_pdf_signatures: bool = False,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> VerificationReport:
    """Check the package at ``path``; see the module docstring for what is checked.

    ``trust_anchors`` are root CA certificates (PEM/DER paths or certificate
    objects); without any, the chain check fails. With
    ``require_pdf_signatures`` a PDF without its own signature fails, except
    evidence under ``minh-chung/`` (scans and third-party files, covered by the
    package signature); otherwise it is accepted as covered by the package
    signature alone.
    Problems with the package are reported as failed checks; only unreadable
    trust anchors raise :class:`~desktop.errors.UserError`. A package in
    another tool's layout goes to :mod:`.foreign`, which reads it by the
    standard and says what it cannot check instead of calling it tampered.
    ``progress`` hears of each file hashed (a cancel raises :class:`~desktop.progress.Cancelled`).
    """
    path = Path(path)
    report = VerificationReport(path=path)
    limits = limits or ZipLimits()
    now = now or datetime.now(timezone.utc)
    from desktop.package.foreign import is_foreign_layout

    if is_foreign_layout(path):  # another tool's ASiC-E: read by the standard, not by this app's exact layout
        from desktop.package.foreign import verify_foreign_package
        from desktop.signing.certs import load_certificates

        return verify_foreign_package(path, load_certificates(trust_anchors), limits, now, require_pdf_signatures)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        from desktop.signing.certs import load_certificates

        load_certificates(trust_anchors)  # unreadable trust anchors are an error whatever the package
        report.add("container.open", False, f"Không mở được tệp {path}: {os_reason(exc)}.")
        return report
    with handle:
        _Verifier(report, handle, trust_anchors, limits, require_pdf_signatures, now,
                  progress_of(progress)).run(path.stat().st_size)
    return report


def split_anchors(certificates: Iterable[Any]) -> tuple[list[x509.Certificate], list[x509.Certificate]]:
    """Self-signed certificates (roots, trusted as anchors) and the others (intermediates, path material only)."""
    from desktop.signing.certs import load_certificates  # asn1crypto: only once the check needs it

    roots, intermediates = [], []
    for cert in load_certificates(certificates):
        (roots if cert.self_signed != "no" else intermediates).append(cert)
    return roots, intermediates


def validation_context(roots: Iterable[x509.Certificate], intermediates: Iterable[x509.Certificate], moment: datetime):
    """The offline pyhanko-certvalidator context every check uses: ``roots`` trusted, ``intermediates`` path material only.

    Nothing is fetched (no OCSP or CRL) and a missing revocation answer is no failure.
    """
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(
        trust_roots=list(roots),
        other_certs=list(intermediates),
        allow_fetching=False,
        revocation_mode="soft-fail",
        moment=moment,
    )


def key_usage_constraints():
    """pyHanko's key-usage settings for a signer: at least one of :data:`SIGNING_USAGES`."""
    from pyhanko.sign.validation.settings import KeyUsageConstraints

    return KeyUsageConstraints(key_usage=set(SIGNING_USAGES), match_all_key_usages=False)


def validate_pdf(sig: Any, context: Any):
    """pyHanko's full validation of one embedded PDF signature (loads ``pyhanko.sign``)."""
    from pyhanko.sign.validation import validate_pdf_signature

    return validate_pdf_signature(sig, signer_validation_context=context, key_usage_settings=key_usage_constraints())


@dataclass
class _Contents:
    """What the container holds, read before the files are hashed (the hashing then owns the file)."""

    manifest_bytes: bytes | None
    signature_bytes: bytes | None
    files: list[tuple[ManifestReference, ZipEntry | None]]
    """Each manifest reference in order, with its entry; none when it is missing or listed twice (not hashed)."""


class _Verifier:
    def __init__(
        self,
        report: VerificationReport,
        handle: BinaryIO,
        trust_anchors: Iterable[Any],
        limits: ZipLimits,
        require_pdf_signatures: bool,
        now: datetime,
        progress: Progress | None = None,
    ):
        self.progress = progress or Progress()
        self.report = report
        self.handle = handle
        self.trust_anchors = trust_anchors
        self.roots: list[x509.Certificate] = []
        self.intermediates: list[x509.Certificate] = []
        self.limits = limits
        self.require_pdf_signatures = require_pdf_signatures
        self.now = now

    # ------------------------------------------------------------------ container

    def run(self, file_size: int) -> None:
        """The container's checks, then the files' digests (hashed on a worker thread) beside the signature's."""
        contents = self._read_container(file_size)
        hashed = [(ref, entry) for ref, entry in contents.files if entry is not None] if contents else []
        hashing = FileHashing(self.handle, hashed) if hashed else None
        try:
            self.roots, self.intermediates = split_anchors(self.trust_anchors)  # asn1crypto: imported while the files are hashed
            if contents is not None:
                self._check_contents(contents, hashing)
        finally:
            if hashing is not None:
                hashing.close()

    def _read_container(self, file_size: int) -> _Contents | None:
        """The checks of the ZIP and the manifest's coverage, and what the rest needs; none when nothing more can be checked."""
        r = self.report
        try:
            entries = read_directory(self.handle, file_size, self.limits)
        except ZipFormatError as exc:
            r.add(exc.code, False, exc.message)
            return None
        r.add("container.zip", True, f"Cấu trúc ZIP đúng khuôn dạng: {len(entries)} mục nằm liền nhau, không có dữ liệu lạ.")
        r.add(
            "container.limits",
            True,
            f"Dung lượng trong giới hạn an toàn ({byte_size(sum(e.size for e in entries))} khi giải nén).",
        )
        by_name = {e.name: e for e in entries}
        self._check_mimetype(entries)
        names_ok = self._check_names(entries)
        self._check_profile(entries)
        if not names_ok:
            return None  # with clashing names it is unclear which entry a reference means
        manifest_bytes = self._read_small(by_name.get(MANIFEST_NAME), MAX_MANIFEST_BYTES, "manifest.missing",
                                          "Gói thiếu bảng kê META-INF/ASiCManifest.xml.")
        signature_bytes = self._read_small(by_name.get(SIGNATURE_NAME), MAX_SIGNATURE_BYTES, "signature.missing",
                                           "Gói thiếu chữ ký META-INF/signature001.p7s.")
        data_entries = [e for e in entries if e.name not in (MIMETYPE_NAME, MANIFEST_NAME, SIGNATURE_NAME)]
        r.files = [e.name for e in data_entries]
        files = self._check_manifest(manifest_bytes, data_entries) if manifest_bytes is not None else []
        return _Contents(manifest_bytes, signature_bytes, files)

    def _check_contents(self, contents: _Contents, hashing: FileHashing | None) -> None:
        """The signature while the files are hashed, then each file as its digest comes, its PDF checked at once.

        The report keeps its order: the files' digests, the signature, the PDFs.
        """
        r = self.report
        self.progress.check()
        files_at = len(r.checks)
        if contents.manifest_bytes is not None and contents.signature_bytes is not None:
            self._check_signature(contents.manifest_bytes, contents.signature_bytes)
        digests = VerificationReport(path=r.path)
        pdfs = VerificationReport(path=r.path)
        for i, (ref, entry) in enumerate(contents.files):
            self.progress(i, len(contents.files), f"Đang kiểm tra “{ref.name}”…")
            if entry is None or hashing is None:
                continue
            pdf = self._check_digest(ref, hashing, digests)
            if pdf is not None:
                self._check_pdf(ref.name, pdf, pdfs)
        r.checks[files_at:files_at] = digests.checks
        r.checks += pdfs.checks

    def _check_mimetype(self, entries: list[ZipEntry]) -> None:
        first = entries[0] if entries else None
        if first is None or first.name != MIMETYPE_NAME:
            self.report.add("container.mimetype", False, "Mục đầu tiên của gói phải là “mimetype” (chuẩn ASiC-E).")
            return
        if first.method != 0 or first.extra:
            self.report.add("container.mimetype", False, "Mục “mimetype” phải được lưu không nén và không có trường mở rộng.")
            return
        try:
            content = b"".join(iter_entry(self.handle, first)) if first.size <= 256 else b""
        except ZipFormatError as exc:
            self.report.add("container.mimetype", False, exc.message)
            return
        if content != MIMETYPE:
            self.report.add(
                "container.mimetype", False, f"Mục “mimetype” phải chứa đúng “{MIMETYPE.decode()}” (gói không phải ASiC-E)."
            )
            return
        self.report.add("container.mimetype", True, "Mục “mimetype” đứng đầu, không nén, đúng loại ASiC-E.")

    def _check_names(self, entries: list[ZipEntry]) -> bool:
        bad = []
        for e in entries:
            problem = archive_path_problem(e.name[:-1] if e.is_dir else e.name)
            if problem:
                bad.append(f"“{e.name}”: {problem}")
        if bad:
            self.report.add("container.paths", False, "Gói có tên tệp không an toàn: " + "; ".join(bad) + ".")
        else:
            self.report.add("container.paths", True, "Mọi tên tệp đều an toàn (không có đường dẫn tuyệt đối, “..”, “\\”, ổ đĩa).")
        clashes = name_clashes(e.name for e in entries)
        if clashes:
            self.report.add("container.duplicates", False, "Gói có tên trùng nhau (kể cả khi bỏ qua chữ hoa/thường): "
                            + "; ".join(clashes) + ".")
        else:
            self.report.add("container.duplicates", True, "Không có hai tệp trùng tên (kể cả khác chữ hoa/thường).")
        return not bad and not clashes

    def _check_profile(self, entries: list[ZipEntry]) -> None:
        bad = [f"“{e.name}” {problem}" for e in entries if (problem := profile_problem(e))]
        if bad:
            self.report.add(
                "container.profile",
                False,
                "Thông tin ZIP không được ký khác quy ước của gói (gói bị sửa hoặc không do Sổ thi đua tạo): "
                + "; ".join(bad) + ".",
            )
        else:
            self.report.add("container.profile", True, "Thông tin ZIP không được ký đúng quy ước (mọi byte đều được kiểm).")

    def _read_small(self, entry: ZipEntry | None, cap: int, code: str, missing: str) -> bytes | None:
        if entry is None:
            self.report.add(code, False, missing)
            return None
        if entry.size > cap:
            self.report.add(code, False, f"Mục “{entry.name}” lớn bất thường ({byte_size(entry.size)}).")
            return None
        try:
            return b"".join(iter_entry(self.handle, entry))
        except ZipFormatError as exc:
            self.report.add(exc.code, False, exc.message, entry.name)
            return None

    # ------------------------------------------------------------------ manifest and files

    def _check_manifest(
        self, manifest_bytes: bytes, data_entries: list[ZipEntry]
    ) -> list[tuple[ManifestReference, ZipEntry | None]]:
        """Whether the manifest lists exactly the package's files; each reference with the entry to hash (see :class:`_Contents`)."""
        r = self.report
        try:
            manifest = parse_manifest(manifest_bytes)
        except ManifestError as exc:
            r.add("manifest.parse", False, str(exc))
            return []
        except Exception as exc:  # the XML parser has more failure modes than it documents
            r.add("manifest.parse", False, f"Không đọc được bảng kê ASiCManifest.xml ({type(exc).__name__}).")
            return []
        problems = []
        if manifest.sig_reference != SIGNATURE_NAME:
            problems.append(f"bảng kê trỏ tới chữ ký “{manifest.sig_reference}” thay vì {SIGNATURE_NAME}")
        counted: dict[str, int] = {}
        for ref in manifest.references:
            counted[ref.name] = counted.get(ref.name, 0) + 1
        repeated = [n for n, c in counted.items() if c > 1]
        if repeated:
            problems.append("tệp được kê nhiều lần: " + ", ".join(f"“{n}”" for n in repeated))
        present = {e.name for e in data_entries if not e.is_dir}
        missing = [n for n in counted if n not in present]
        extra = sorted(present - set(counted))
        if missing:
            problems.append("có trong bảng kê nhưng thiếu trong gói: " + ", ".join(f"“{n}”" for n in missing))
        if extra:
            problems.append("có trong gói nhưng không có trong bảng kê (không được ký): " + ", ".join(f"“{n}”" for n in extra))
        if problems:
            r.add("manifest.coverage", False, "Bảng kê không khớp với gói: " + "; ".join(problems) + ".")
        else:
            r.add("manifest.coverage", True, f"Bảng kê liệt kê đúng và đủ {len(present)} tệp của hồ sơ.")
        entries = {e.name: e for e in data_entries}
        return [(ref, entries.get(ref.name) if counted[ref.name] == 1 else None) for ref in manifest.references]

    def _check_digest(self, ref: ManifestReference, hashing: FileHashing, into: VerificationReport) -> bytes | None:
        """The file's line (``into``), from the next digest the hashing hands over; its bytes if it is a PDF that matched."""
        try:
            matches, pdf = hashing.next(self.progress)
        except ZipFormatError as exc:
            into.add(exc.code, False, exc.message, ref.name)
            return None
        if not matches:
            into.add("file.digest", False, f"“{ref.name}”: nội dung đã bị thay đổi (mã băm không khớp bảng kê).", ref.name)
            return None
        into.add("file.digest", True, f"“{ref.name}”: nội dung đúng như khi ký (SHA-256 khớp).", ref.name)
        return pdf

    # ------------------------------------------------------------------ the package signature

    def _validation_context(self, moment: datetime):
        return validation_context(self.roots, self.intermediates, moment)

    def _full_validation(self, manifest_bytes: bytes, signed_data: cms.SignedData, moment: datetime):
        import asyncio

        from pyhanko.sign.validation import async_validate_detached_cms

        return asyncio.run(async_validate_detached_cms(
            manifest_bytes,
            signed_data,
            signer_validation_context=self._validation_context(moment),
            key_usage_settings=key_usage_constraints(),
        ))

    def _check_signature(self, manifest_bytes: bytes, signature_bytes: bytes) -> None:
        from asn1crypto import cms

        from desktop.package.cms_check import accept_detached, signing_time
        from desktop.signing.certs import display_name

        r = self.report
        try:
            info = cms.ContentInfo.load(signature_bytes, strict=True)
            if info["content_type"].native != "signed_data":
                raise ValueError("not SignedData")
            signed_data = info["content"]
            _check_der_lengths(signature_bytes)
            _check_shape(signed_data, "data")
            signer_info = signed_data["signer_infos"][0]
            if signed_data["encap_content_info"]["content"].native is not None:
                raise ValueError("not detached")
            _check_unsigned_attrs(signer_info)
            if not any(
                c.name == "certificate" and _sid_names_exactly(signer_info["sid"], c.chosen)
                for c in signed_data["certificates"]
            ):
                # Name matching is case-insensitive (RFC 5280), but the identifier is not signed: demand exact bytes.
                raise ValueError("the signer identifier matches no carried certificate byte for byte")
            claimed = signing_time(signer_info)
        except (ValueError, TypeError, KeyError):
            r.add("signature.cms", False, f"Tệp chữ ký {SIGNATURE_NAME} hỏng hoặc không đúng dạng CMS/CAdES tách rời.")
            return
        moment = claimed or self.now
        # A plain signature that passes every check is accepted without loading pyHanko's signers (a second
        # of start-up); anything else, and every failure, is judged and worded by pyHanko's validator.
        status = accept_detached(manifest_bytes, signed_data, self._validation_context(moment), SIGNING_USAGES)
        if status is None:
            try:
                status = self._full_validation(manifest_bytes, signed_data, moment)
            except Exception as exc:  # malformed input must produce a failed line, never a crash
                r.add("signature.cms", False, f"Không kiểm tra được chữ ký của gói: tệp chữ ký hỏng ({type(exc).__name__}).")
                return
        cert = status.signing_cert
        r.signer_certificate = cert
        r.signer = display_name(cert)
        if not _sid_names_exactly(signer_info["sid"], cert):
            r.add("signature.cms", False, "Định danh người ký trong tệp chữ ký không khớp từng byte với chứng thư số (bị sửa).")
            return
        if not (status.intact and status.valid):
            r.add("signature.cms", False, "Chữ ký số không khớp với bảng kê: bảng kê hoặc chữ ký đã bị thay đổi.")
            return
        r.add("signature.cms", True, f"Chữ ký số trên bảng kê hợp lệ; người ký: {r.signer}.")
        self._check_signing_time(claimed, status, cert, signer_info)
        self._check_chain(status, cert, signed_data)

    def _check_signing_time(
        self, claimed: datetime | None, status: Any, cert: x509.Certificate, signer_info: cms.SignerInfo
    ) -> None:
        r = self.report
        tst = getattr(status, "timestamp_validity", None)
        if tst is not None:
            if not (tst.intact and tst.valid and tst.trusted):
                r.add("signature.time", False, "Dấu thời gian kèm chữ ký không hợp lệ hoặc không tin cậy.")
                return
            problem = _timestamp_problem(signer_info, tst)
            if problem:
                r.add("signature.time", False, f"Dấu thời gian kèm chữ ký bị sửa hoặc không đúng dạng ({problem}).")
                return
            moment, source = tst.timestamp, "theo dấu thời gian của đơn vị cấp dấu thời gian"
        elif claimed is not None:
            moment, source = claimed, "do máy của người ký ghi, không có dấu thời gian"
        else:
            r.add("signature.time", False, "Chữ ký không ghi thời điểm ký (signing-time), trái chuẩn CAdES.")
            return
        r.signing_time = moment
        if moment > self.now + CLOCK_TOLERANCE:
            r.add("signature.time", False, f"Thời điểm ký {date_time(moment)} ở tương lai so với đồng hồ máy này.")
        elif not cert.not_valid_before <= moment <= cert.not_valid_after:
            r.add(
                "signature.time",
                False,
                f"Thời điểm ký {date_time(moment)} nằm ngoài thời hạn của chứng thư số "
                f"({date_time(cert.not_valid_before)} – {date_time(cert.not_valid_after)}).",
            )
        else:
            r.add("signature.time", True, f"Thời điểm ký: {date_time(moment)} ({source}), trong thời hạn chứng thư số.")

    def _check_chain(self, status: Any, cert: x509.Certificate, signed_data: cms.SignedData) -> None:
        r = self.report
        issuer = _name_of(cert.issuer)
        if not self.roots:
            r.add("signature.chain", False, "Chưa chọn chứng thư số gốc tin cậy (CA) nên không xác nhận được người ký.")
            return
        if status.revoked:
            r.add("signature.chain", False, f"Chứng thư số của {r.signer} đã bị thu hồi.")
            return
        if not status.trusted or status.validation_path is None:
            reason = status.trust_problem_indic.name if status.trust_problem_indic is not None else "không có đường tin cậy"
            r.add(
                "signature.chain",
                False,
                f"Chứng thư số của {r.signer} (do {issuer} cấp) không dẫn tới CA gốc tin cậy đã chọn, "
                f"hoặc không hợp lệ tại thời điểm ký ({reason}).",
            )
            return
        if _certs_outside_path(signed_data, status.validation_path):
            r.add("signature.chain", False, "Chữ ký mang theo chứng thư số lạ không thuộc chuỗi tin cậy (có thể bị sửa).")
            return
        root = status.validation_path.trust_anchor
        root_name = _name_of(root.authority.name) if hasattr(root, "authority") else "CA gốc"
        r.add(
            "signature.chain",
            True,
            f"Chứng thư số của {r.signer} do {issuer} cấp, dẫn tới CA gốc tin cậy “{root_name}”; hợp lệ tại thời điểm ký "
            "(không kiểm tra thu hồi trực tuyến).",
        )

    # ------------------------------------------------------------------ PDFs inside

    def _context_at(self, claimed: datetime | None):
        return self._validation_context(claimed or self.now)

    def _check_pdf(self, name: str, data: bytes, into: VerificationReport) -> None:
        """The PDF's own signatures (lines ``into``), judged against the package's signer."""
        from pyhanko.pdf_utils.reader import PdfFileReader

        from desktop.package.pades_check import accept_plain_pdf
        from desktop.signing.certs import display_name

        r = self.report
        try:
            reader = PdfFileReader(io.BytesIO(data), strict=False)
            signatures, accepted = [], None
            if _has_form_fields(reader):
                # A plain signature (:mod:`.pades_check`) is judged without loading pyHanko's validator.
                accepted = accept_plain_pdf(reader, data, self._context_at, SIGNING_USAGES)
                signatures = [accepted[0]] if accepted else list(reader.embedded_signatures)
        except Exception:  # noqa: BLE001 - a damaged PDF is a failed check, not a crash
            into.add("pdf.signature", False, f"“{name}”: tệp PDF bị hỏng hoặc không đầy đủ, không đọc được.", name)
            return
        if not signatures:
            if self.require_pdf_signatures and not name.startswith((EVIDENCE_FOLDER, ATTACHMENT_FOLDER)):
                into.add("pdf.unsigned", False, f"“{name}”: tài liệu PDF chưa được ký số.", name)
            else:
                into.add("pdf.unsigned", True, f"“{name}”: tài liệu PDF không có chữ ký riêng; được bảo đảm bởi chữ ký của gói.", name)
            return
        by_package_signer = False
        package_cert = r.signer_certificate
        for sig in signatures:
            label = f"{name} ({sig.field_name})"
            try:
                status = accepted[1] if accepted else validate_pdf(sig, self._context_at(sig.self_reported_timestamp))
            except Exception as exc:  # malformed signatures must not stop the report
                into.add("pdf.signature", False, f"“{label}”: không kiểm tra được chữ ký ({type(exc).__name__}).", name)
                continue
            signer = display_name(status.signing_cert)
            when = date_time(status.signer_reported_dt) if status.signer_reported_dt else "không rõ thời điểm"
            if status.intact and status.valid and package_cert is not None:
                by_package_signer |= status.signing_cert.dump() == package_cert.dump()
            if status.bottom_line:
                into.add("pdf.signature", True, f"“{label}”: chữ ký của {signer} lúc {when} hợp lệ.", name)
            elif not (status.intact and status.valid):
                into.add("pdf.signature", False, f"“{label}”: chữ ký của {signer} không khớp nội dung (tài liệu bị sửa).", name)
            elif not status.trusted:
                into.add("pdf.signature", False, f"“{label}”: chứng thư số của {signer} không dẫn tới CA gốc tin cậy.", name)
            else:
                into.add("pdf.signature", False, f"“{label}”: tài liệu bị sửa sau khi {signer} ký.", name)
        if package_cert is None:
            into.add("pdf.signer", False, f"“{name}”: không so được người ký PDF với người ký gói (chữ ký gói không đọc được).", name)
        elif by_package_signer:
            into.add("pdf.signer", True, f"“{name}”: được ký bằng cùng chứng thư số với gói hồ sơ.", name)
        else:
            into.add("pdf.signer", False, f"“{name}”: không có chữ ký nào bằng chứng thư số của người ký gói ({r.signer}).", name)


def _has_form_fields(reader: Any) -> bool:
    """Whether the PDF has form fields, so may have signatures: pyHanko's own first test, made here because
    asking pyHanko for the signatures loads its signers (a second of start-up) even when there are none."""
    try:
        reader.root["/AcroForm"]["/Fields"]
    except KeyError:
        return False
    return True


def _check_der_lengths(data: bytes, depth: int = 0) -> None:
    """Every length in the structure is definite and minimal (DER), so no length byte is free to change.

    A walk over the encoding: much cheaper than re-encoding the parsed object.
    """
    from asn1crypto import parser

    if depth > 64:
        raise ValueError("nesting too deep")
    pos = 0
    while pos < len(data):
        size = parser.peek(data[pos:])
        _class, method, _tag, header, contents, trailer = parser.parse(data[pos:pos + size], strict=True)
        if trailer or header[0] & 0x1F == 0x1F:
            raise ValueError("indefinite length or high tag number")
        length_octets = header[1:]
        if len(contents) < 0x80:
            minimal = len(length_octets) == 1
        else:
            needed = (len(contents).bit_length() + 7) // 8
            minimal = length_octets[0] == 0x80 | needed and len(length_octets) == 1 + needed
        if not minimal:
            raise ValueError("non-minimal length")
        if method == 1:
            _check_der_lengths(contents, depth + 1)
        pos += size


def _check_every_field_known(value: Any) -> None:
    """Each element encoded in a SEQUENCE was recognised as one of its fields.

    asn1crypto skips an element whose tag matches no field; a changed tag byte
    would otherwise make, say, the time-stamp silently disappear.
    """
    from asn1crypto import core, parser

    data, pos, encoded = value.contents, 0, 0
    while pos < len(data):
        pos += parser.peek(data[pos:])
        encoded += 1
    known = sum(1 for key in value if not isinstance(value[key], core.Void))
    if encoded != known:
        raise ValueError("unrecognised element in a CMS structure")


def _check_shape(signed_data: cms.SignedData, content_type: str) -> None:
    """Fields outside the signed attributes that validators do not read must hold their only sensible value.

    Raises ValueError; used for the package signature and for its time-stamp token.
    """
    signer_infos = signed_data["signer_infos"]
    if len(signer_infos) != 1:
        raise ValueError("expected exactly one signer")
    signer_info = signer_infos[0]
    for part in (signed_data, signed_data["encap_content_info"], signer_info):
        _check_every_field_known(part)
    algo = signer_info["digest_algorithm"]["algorithm"].native
    listed = [a["algorithm"].native for a in signed_data["digest_algorithms"]]
    if listed != [algo]:
        raise ValueError("digest algorithm list differs from the signer's")
    if signed_data["encap_content_info"]["content_type"].native != content_type:
        raise ValueError(f"content type is not {content_type}")
    by_serial = signer_info["sid"].name == "issuer_and_serial_number"
    expected_sd = "v1" if by_serial and content_type == "data" else "v3"
    expected_si = "v1" if by_serial else "v3"
    if (signed_data["version"].native, signer_info["version"].native) != (expected_sd, expected_si):
        raise ValueError("unexpected CMS version numbers")
    if signed_data["crls"].native:
        raise ValueError("unexpected revocation data")
    # Parameters nobody reads must be absent or NULL, the only encodings that carry nothing.
    unread = [*signed_data["digest_algorithms"], signer_info["digest_algorithm"]]
    if signer_info["signature_algorithm"]["algorithm"].native != "rsassa_pss":
        unread.append(signer_info["signature_algorithm"])
    if any(alg["parameters"].dump() not in (b"", b"\x05\x00") for alg in unread):
        raise ValueError("unexpected algorithm parameters")


def _check_unsigned_attrs(signer_info: cms.SignerInfo) -> None:
    """Only a signature time-stamp may sit outside the signature (nothing else unsigned is read)."""
    attrs = signer_info["unsigned_attrs"]
    if not attrs:
        return
    for attr in attrs:
        if attr["type"].native != "signature_time_stamp_token" or len(attr["values"]) != 1:
            raise ValueError("unexpected unsigned attribute")
    if len(attrs) != 1:
        raise ValueError("more than one time-stamp")


def _certs_outside_path(signed_data: cms.SignedData, path: Any) -> bool:
    """True when the signature carries a certificate that is not part of the validated path.

    Such a certificate is read by nobody, so a change to it would go unnoticed.
    """
    in_path = {c.dump() for c in path.iter_certs(include_root=True)}
    for choice in signed_data["certificates"]:
        if choice.name != "certificate" or choice.chosen.dump() not in in_path:
            return True
    return False


def _timestamp_problem(signer_info: cms.SignerInfo, tst: Any) -> str | None:
    """Hold the time-stamp token to the same byte-exactness as the signature that carries it."""
    tokens = [a["values"][0] for a in signer_info["unsigned_attrs"] if a["type"].native == "signature_time_stamp_token"]
    if len(tokens) != 1 or tokens[0]["content_type"].native != "signed_data":
        return "không phải SignedData"
    signed_data = tokens[0]["content"]
    try:
        _check_shape(signed_data, "tst_info")
    except ValueError as exc:
        return str(exc)
    tsa_info = signed_data["signer_infos"][0]
    if tsa_info["unsigned_attrs"]:
        return "có thuộc tính không được ký"
    if not _sid_names_exactly(tsa_info["sid"], tst.signing_cert):
        return "định danh đơn vị cấp dấu thời gian không khớp"
    if tst.validation_path is None or _certs_outside_path(signed_data, tst.validation_path):
        return "mang theo chứng thư số lạ"
    return None


def _sid_names_exactly(sid: cms.SignerIdentifier, cert: x509.Certificate) -> bool:
    if sid.name == "issuer_and_serial_number":
        chosen = sid.chosen
        return chosen["issuer"].dump() == cert.issuer.dump() and chosen["serial_number"].native == cert.serial_number
    return sid.chosen.native == cert.key_identifier


def _name_of(name: x509.Name) -> str:
    """CN of a distinguished name, else the whole name."""
    native = name.native
    return str(native.get("common_name") or name.human_friendly)


def raise_for_invalid(report: VerificationReport) -> None:
    """Turn a failed report into a UserError naming the first failed check (for callers that just need yes/no)."""
    for check in report.checks:
        if not check.ok:
            raise UserError(f"Gói hồ sơ không hợp lệ: {check.message}")
