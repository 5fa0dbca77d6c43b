"""Reading ASiC-E packages written by other tools (ETSI EN 319 162-1), as far as the standard allows.

The strict verifier (:mod:`.verify`) knows this app's own layout byte for
byte: one ``META-INF/ASiCManifest.xml``, one ``META-INF/signature001.p7s``.
Another agency's signing tool may name its manifests ``ASiCManifest1.xml``,
its signatures ``signature1.p7s``, keep files in other folders, or sign with
XAdES (``META-INF/signatures0.xml``) instead of CAdES. Judged by the strict
rules such a package would look tampered with, which it is not.

Here the package is read by the standard instead:

* CAdES (``META-INF/ASiCManifest*.xml`` → the ``.p7s`` its ``SigReference``
  names): the detached signature over the manifest, the signing time, the
  chain to the trusted roots (naming the missing root), and each listed
  file's digest — all checked;
* what this app cannot check — XAdES signatures, ASiC time-stamp tokens
  (``.tst``), signature files no manifest points at — is said plainly as
  *not supported* (codes ``unsupported.*``), never as tampering;
* files that no checked signature covers are listed as not covered.

ZIP metadata is not held to this app's byte-exact layout (another writer
makes other, equally valid, choices); the content is still fully checked.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from desktop.package.manifest import ManifestError, parse_manifest
from desktop.package.names import archive_path_problem, name_clashes
from desktop.package.verify import (
    CLOCK_TOLERANCE,
    VerificationReport,
    key_usage_constraints,
    split_anchors,
    validation_context,
)
from desktop.package.zipfmt import MANIFEST_NAME, MIMETYPE, MIMETYPE_NAME, SIGNATURE_NAME, ZipLimits

if TYPE_CHECKING:
    from asn1crypto import x509

__all__ = ["is_foreign_layout", "verify_foreign_package"]

MAX_META_BYTES = 16 << 20


def _meta_files(names: list[str]) -> list[str]:
    return [n for n in names if n.startswith("META-INF/") and not n.endswith("/")]


def _is_manifest(name: str) -> bool:
    base = PurePosixPath(name).name
    return base.startswith("ASiCManifest") and base.endswith(".xml")


def _is_xades(name: str) -> bool:
    base = PurePosixPath(name).name.lower()
    return "signatures" in base and base.endswith(".xml")


def is_foreign_layout(path) -> bool:
    """True when the ZIP carries ASiC signatures in a layout other than this app's own.

    Only the central directory is read. A package without any signature file,
    or one that is not a readable ZIP, stays with the strict verifier, which
    says what is missing or broken.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except Exception:  # noqa: BLE001 - zipfile raises many kinds on hostile input; the strict reader reports it
        return False
    meta = _meta_files(names)
    if sorted(meta) == sorted([MANIFEST_NAME, SIGNATURE_NAME]):
        return False
    return any(_is_manifest(n) or _is_xades(n) or n.lower().endswith(".p7s") for n in meta)


def verify_foreign_package(path, anchors: list, limits: ZipLimits, now: datetime,
                           require_pdf_signatures: bool = False) -> VerificationReport:
    """Check a package in another tool's layout; see the module docstring."""

    report = VerificationReport(path=path)
    roots, intermediates = split_anchors(anchors)
    try:
        with zipfile.ZipFile(path) as archive:
            _Foreign(report, archive, roots, intermediates, limits, now, require_pdf_signatures).run()
    except Exception as exc:  # noqa: BLE001 - a damaged container is a failed line, never a crash
        report.add("container.zip", False, f"Không đọc được gói {path.name}: tệp ZIP hỏng ({type(exc).__name__}).")
    return report


@dataclass
class _Foreign:
    report: VerificationReport
    archive: zipfile.ZipFile
    roots: list[x509.Certificate]
    intermediates: list[x509.Certificate]
    limits: ZipLimits
    now: datetime
    require_pdf_signatures: bool

    def run(self) -> None:
        r = self.report
        infos = [i for i in self.archive.infolist() if not i.is_dir()]
        if not self._container(infos):
            return
        names = [i.filename for i in infos]
        meta = _meta_files(names)
        data_files = [n for n in names if n != MIMETYPE_NAME and not n.startswith("META-INF/")]
        r.files = list(data_files)
        manifests = sorted(n for n in meta if _is_manifest(n))
        xades = sorted(n for n in meta if _is_xades(n))
        r.add("container.layout", True,
              "Gói do phần mềm khác tạo (tên bảng kê, chữ ký hoặc thư mục khác Sổ thi đua); được đọc theo chuẩn "
              f"ASiC-E: {len(manifests)} bảng kê CAdES, {len(xades)} tệp chữ ký XAdES.")
        covered: set[str] = set()
        used_signatures: set[str] = set()
        pdfs: dict[str, bytes] = {}
        for manifest_name in manifests:
            covered |= self._manifest(manifest_name, set(data_files), used_signatures, pdfs)
        for name in xades:
            r.add("unsupported.xades", False,
                  f"“{name}”: chữ ký dạng XAdES; Sổ thi đua chưa kiểm tra được loại chữ ký này. Điều này KHÔNG có "
                  "nghĩa là gói bị sửa: hãy kiểm tra bằng phần mềm của tổ chức chứng thực đã cấp chữ ký.", name)
        for name in sorted(n for n in meta if n.lower().endswith((".p7s", ".tst")) and n not in used_signatures):
            r.add("unsupported.signature", False,
                  f"“{name}”: tệp chữ ký hoặc dấu thời gian không có bảng kê nào trỏ tới (kiểu ASiC chưa được hỗ "
                  "trợ); không kiểm tra được, nhưng không có nghĩa là gói bị sửa.", name)
        if not manifests and not xades:
            r.add("signature.missing", False, "Gói không có bảng kê hay chữ ký nào trong META-INF.")
        if not xades:
            # With XAdES the files it covers are unknown here; otherwise every file must be under a checked signature.
            loose = [n for n in data_files if n not in covered]
            if loose:
                r.add("manifest.coverage", False, "Có tệp không nằm trong bảng kê nào nên không được chữ ký bảo đảm: "
                      + ", ".join(f"“{n}”" for n in loose) + ".")
            elif manifests:
                r.add("manifest.coverage", True, f"Mọi tệp của hồ sơ ({len(data_files)} tệp) đều nằm trong bảng kê đã ký.")
        for name, data in pdfs.items():
            self._pdf(name, data)

    # ------------------------------------------------------------------ container

    def _container(self, infos) -> bool:
        r, limits = self.report, self.limits
        total = sum(i.file_size for i in infos)
        if len(infos) > limits.max_entries or total > limits.max_total_bytes or any(
                i.file_size > limits.max_entry_bytes or i.file_size > limits.max_ratio * max(i.compress_size, 1)
                for i in infos):
            r.add("container.limits", False, "Gói quá lớn, quá nhiều tệp hoặc nén bất thường (bom ZIP); không kiểm tra.")
            return False
        bad = [f"“{i.filename}”: {p}" for i in infos if (p := archive_path_problem(i.filename))]
        if bad:
            r.add("container.paths", False, "Gói có tên tệp không an toàn: " + "; ".join(bad) + ".")
            return False
        clashes = name_clashes(i.filename for i in infos)
        if clashes:
            r.add("container.duplicates", False, "Gói có tên trùng nhau: " + "; ".join(clashes) + ".")
            return False
        r.add("container.paths", True, "Mọi tên tệp đều an toàn, không trùng nhau.")
        mimetype = [i for i in infos if i.filename == MIMETYPE_NAME]
        if mimetype:
            first = infos[0]
            content = self._read(first, 256) if first.filename == MIMETYPE_NAME else None
            if first.filename != MIMETYPE_NAME or first.compress_type != zipfile.ZIP_STORED or content != MIMETYPE:
                r.add("container.mimetype", False, "Mục “mimetype” phải đứng đầu, không nén và ghi đúng "
                      f"“{MIMETYPE.decode()}” (chuẩn ASiC-E).")
                return False
            r.add("container.mimetype", True, "Mục “mimetype” đứng đầu, không nén, đúng loại ASiC-E.")
        else:
            r.add("container.mimetype", True, "Gói không có mục “mimetype” (chuẩn ASiC-E cho phép bỏ).")
        return True

    def _read(self, info, cap: int) -> bytes | None:
        if info.file_size > cap:
            return None
        try:
            return self.archive.read(info)
        except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError, ValueError):
            return None

    def _chunks(self, name: str):
        with self.archive.open(name) as fh:
            while chunk := fh.read(1 << 20):
                yield chunk

    # ------------------------------------------------------------------ manifests and their signatures

    def _manifest(self, name: str, data_files: set[str], used: set[str], pdfs: dict[str, bytes]) -> set[str]:
        r = self.report
        manifest_bytes = self._read(self.archive.getinfo(name), MAX_META_BYTES)
        if manifest_bytes is None:
            r.add("manifest.parse", False, f"Không đọc được bảng kê “{name}”.", name)
            return set()
        try:
            manifest = parse_manifest(manifest_bytes)
        except ManifestError as exc:
            r.add("manifest.parse", False, f"“{name}”: {exc}", name)
            return set()
        except Exception as exc:  # the XML parser has more failure modes than it documents
            r.add("manifest.parse", False, f"Không đọc được bảng kê “{name}” ({type(exc).__name__}).", name)
            return set()
        sig_name = manifest.sig_reference
        used.add(sig_name)
        if sig_name.lower().endswith(".tst") or (manifest.sig_mime_type or "").endswith("timestamp-token"):
            r.add("unsupported.timestamp", False,
                  f"“{name}” được bảo đảm bằng dấu thời gian “{sig_name}” (ASiC-E kèm dấu thời gian), kiểu này Sổ thi "
                  "đua chưa kiểm tra được; không có nghĩa là gói bị sửa.", name)
            return set()
        try:
            sig_info = self.archive.getinfo(sig_name)
        except KeyError:
            r.add("signature.missing", False, f"Bảng kê “{name}” trỏ tới chữ ký “{sig_name}” nhưng gói không có tệp đó.",
                  name)
            return set()
        signature_bytes = self._read(sig_info, MAX_META_BYTES)
        if not signature_bytes or not self._signature(name, manifest_bytes, sig_name, signature_bytes):
            return set()
        covered = set()
        for ref in manifest.references:
            if ref.name not in data_files:
                r.add("manifest.coverage", False, f"Bảng kê “{name}” kê tệp “{ref.name}” nhưng gói không có tệp đó.",
                      ref.name)
                continue
            covered.add(ref.name)   # listed under a valid signature; its digest is judged just below
            try:
                matches, pdf = ref.digest_of(self._chunks(ref.name))
            except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError) as exc:
                r.add("file.digest", False, f"“{ref.name}”: không đọc được trong gói ({exc}).", ref.name)
                continue
            if not matches:
                r.add("file.digest", False, f"“{ref.name}”: nội dung đã bị thay đổi (mã băm không khớp bảng kê).",
                      ref.name)
                continue
            r.add("file.digest", True, f"“{ref.name}”: nội dung đúng như khi ký ({ref.algorithm.upper()} khớp).",
                  ref.name)
            if pdf is not None:
                pdfs[ref.name] = pdf
        return covered

    def _signature(self, manifest_name: str, manifest_bytes: bytes, sig_name: str, signature_bytes: bytes) -> bool:
        import asyncio

        from asn1crypto import cms
        from pyhanko.sign.validation import async_validate_detached_cms
        from pyhanko.sign.validation.generic_cms import extract_self_reported_ts

        from desktop.package.pdf_verify import judge_chain
        from desktop.signing.certs import display_name, format_vn_time

        r = self.report
        try:
            info = cms.ContentInfo.load(signature_bytes)
            if info["content_type"].native != "signed_data":
                raise ValueError("not SignedData")
            signed_data = info["content"]
            signer_info = signed_data["signer_infos"][0]
            claimed = extract_self_reported_ts(signer_info)
            status = asyncio.run(async_validate_detached_cms(
                manifest_bytes, signed_data,
                signer_validation_context=validation_context(self.roots, self.intermediates, claimed or self.now),
                key_usage_settings=key_usage_constraints(),
            ))
        except Exception as exc:  # noqa: BLE001 - an unreadable signature is a failed line, never a crash
            r.add("signature.cms", False, f"“{sig_name}”: không đọc được chữ ký CAdES ({type(exc).__name__}).", sig_name)
            return False
        cert = status.signing_cert
        signer = display_name(cert)
        if r.signer is None:
            r.signer, r.signer_certificate = signer, cert
        if not (status.intact and status.valid):
            r.add("signature.cms", False, f"“{sig_name}”: chữ ký của {signer} không khớp với bảng kê “{manifest_name}” "
                  "(bảng kê hoặc chữ ký đã bị thay đổi).", sig_name)
            return False
        r.add("signature.cms", True, f"“{sig_name}”: chữ ký CAdES của {signer} trên bảng kê “{manifest_name}” hợp lệ.",
              sig_name)
        tst = getattr(status, "timestamp_validity", None)
        moment = tst.timestamp if tst is not None else claimed
        if moment is None:
            r.add("signature.time", True, f"“{sig_name}”: chữ ký không ghi thời điểm ký; kiểm tra theo đồng hồ máy này.",
                  sig_name)
        elif moment > self.now + CLOCK_TOLERANCE:
            r.add("signature.time", False, f"“{sig_name}”: thời điểm ký {format_vn_time(moment)} ở tương lai.", sig_name)
        else:
            if r.signing_time is None:
                r.signing_time = moment
            source = "theo dấu thời gian" if tst is not None else "do máy của người ký ghi"
            r.add("signature.time", True, f"“{sig_name}”: ký lúc {format_vn_time(moment)} ({source}).", sig_name)
        embedded = [c.chosen for c in signed_data["certificates"] if c.name == "certificate"]
        ok, message, _names, _missing = judge_chain(status, cert, embedded, self.roots, self.intermediates)
        r.add("signature.chain", ok, f"“{sig_name}”: {message}", sig_name)
        return True

    def _pdf(self, name: str, data: bytes) -> None:
        from desktop.package.pdf_verify import _verify_one

        doc = _verify_one(self.report.path, (self.roots, self.intermediates), self.now, name, data)
        if not doc.signatures:
            if self.require_pdf_signatures:
                self.report.add("pdf.unsigned", False, f"“{name}”: tài liệu PDF chưa được ký số.", name)
            return
        self.report.checks.extend(doc.checks)

