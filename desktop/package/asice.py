"""Building the signed dossier package (ASiC-E, CAdES form).

The package is what the Sở receives: one file that proves which documents the
unit sent and that nothing changed on the way. Layout (ETSI EN 319 162-1):

1. ``mimetype`` first, stored, no extra field: ``application/vnd.etsi.asic-e+zip``;
2. the dossier's files, in the folders the caller chose;
3. ``META-INF/ASiCManifest.xml`` listing each file with its SHA-256;
4. ``META-INF/signature001.p7s``: a detached CMS (CAdES-B, or -T with a time
   stamp) over the manifest's bytes, with signing time, the ESS
   signing-certificate-v2 attribute and the certificate chain.

Every entry is stored uncompressed with fixed metadata (:mod:`.zipfmt`), so
every byte of the result is either signed or cross-checked. Dossier files are
PDFs, scans and Office files, already compressed; storing costs little.

Files are read once, in chunks: each chunk is hashed and written in the same
pass, so a large scan is never held in memory and the digest is of exactly the
bytes written. The package is written to a hidden temporary file beside the
target and renamed at the end: a failure or a cancel leaves nothing behind.
"""
from __future__ import annotations

import asyncio
import contextlib
import hashlib
import io
import os
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

from desktop.errors import UserError, os_reason
from desktop.files import OutputExists, disk_error, part_path, publish, removed_on_failure
from desktop.progress import Progress, progress_of
from desktop.signing.certs import VN_TZ, check_signing_certificate, display_name
from desktop.signing.keys import SigningIdentity, signing_errors
from desktop.package.manifest import ManifestReference, build_manifest
from desktop.package.names import archive_path_problem, collision_key
from desktop.package.zipfmt import (
    CHUNK_SIZE,
    FILE_ATTRIBUTES,
    MANIFEST_NAME,
    MIMETYPE,
    MIMETYPE_NAME,
    SIGNATURE_MIME,
    SIGNATURE_NAME,
    VERSION_NEEDED,
    ZipLimits,
)

__all__ = [
    "PackageFile",
    "BuiltPackage",
    "ProgressCallback",
    "build_package",
    "mime_type_for",
]

ProgressCallback = Callable[[int, int, str], None]
"""Called with (bytes done, bytes in all, Vietnamese message)."""

CANCELLED = "Đã hủy tạo gói hồ sơ; không có tệp nào được ghi."
"""What :class:`~desktop.progress.Cancelled` says when a package build is cancelled."""

# Kept below the ZIP64 threshold (2 GiB) and the verifier's default limit.
MAX_PACKAGE_BYTES = min(ZipLimits().max_total_bytes, (1 << 31) - (64 << 20))

_MIME_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".xml": "application/xml",
    ".json": "application/json",
    ".txt": "text/plain",
    ".csv": "text/csv",
    ".zip": "application/zip",
}


def mime_type_for(name: str) -> str:
    """The MIME type recorded in the manifest, from the extension (a fixed table, same on every OS)."""
    return _MIME_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")


@dataclass(frozen=True)
class PackageFile:
    """One file of the dossier: where it goes in the package and where its bytes come from."""

    archive_path: str
    source: Path | bytes
    mime_type: str | None = None


@dataclass(frozen=True)
class BuiltPackage:
    path: Path
    size: int
    files: tuple[ManifestReference, ...]
    signing_time: datetime
    signer: str


@dataclass
class _Item:
    name: str
    source: Path | bytes
    size: int
    mime_type: str


def _coerce(item: PackageFile | tuple[Any, ...]) -> PackageFile:
    if isinstance(item, PackageFile):
        return item
    if len(item) == 2:
        return PackageFile(item[0], item[1])
    return PackageFile(item[0], item[1], item[2])


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    with contextlib.suppress(OSError):
        return os.path.samefile(a, b)
    return False


def _prepare(files: Iterable[PackageFile | tuple[Any, ...]], output: Path) -> list[_Item]:
    """Check every name and source before anything is written."""
    items: list[_Item] = []
    seen: dict[str, str] = {}
    for raw in files:
        entry = _coerce(raw)
        name = unicodedata.normalize("NFC", entry.archive_path)
        problem = archive_path_problem(name)
        if problem:
            raise UserError(f"Tên “{entry.archive_path}” trong gói không hợp lệ: {problem}.")
        key = collision_key(name)
        if key == MIMETYPE_NAME or key.startswith("meta-inf/") or key == "meta-inf":
            raise UserError(f"Tên “{name}” dành riêng cho cấu trúc gói; hãy đặt tên khác.")
        if key in seen:
            if seen[key] == name:
                raise UserError(f"Gói có hai tệp cùng tên “{name}”.")
            raise UserError(
                f"Hai tệp “{seen[key]}” và “{name}” chỉ khác nhau chữ hoa/thường; trên Windows chúng sẽ ghi đè nhau."
            )
        seen[key] = name
        if isinstance(entry.source, (bytes, bytearray)):
            source: Path | bytes = bytes(entry.source)
            size = len(source)
        else:
            source = Path(entry.source)
            try:
                stat = source.stat()
            except FileNotFoundError as exc:
                raise UserError(f"Không tìm thấy tệp {source} để đưa vào gói.") from exc
            except OSError as exc:
                raise UserError(f"Không đọc được tệp {source}: {os_reason(exc)}.") from exc
            if not source.is_file():
                raise UserError(f"{source} không phải một tệp; chỉ đưa được tệp vào gói.")
            if _same_file(source, output):
                raise UserError(f"Không thể đưa chính tệp gói {output.name} vào trong nó.")
            size = stat.st_size
        items.append(_Item(name, source, size, entry.mime_type or mime_type_for(name)))
    if not items:
        raise UserError("Gói hồ sơ phải có ít nhất một tệp.")
    # "a" as a file and "a/b.pdf" cannot both be extracted.
    for item in items:
        parts = item.name.split("/")
        for depth in range(1, len(parts)):
            folder = collision_key("/".join(parts[:depth]))
            if folder in seen:
                raise UserError(f"“{seen[folder]}” vừa là tệp vừa là thư mục chứa “{item.name}”.")
    total = sum(i.size for i in items)
    if total > MAX_PACKAGE_BYTES:
        raise UserError(
            f"Các tệp của hồ sơ lớn {total / (1 << 20):,.0f} MB, vượt giới hạn {MAX_PACKAGE_BYTES / (1 << 20):,.0f} MB "
            "của một gói. Hãy giảm dung lượng các bản quét."
        )
    return items


def _zip_info(name: str, date_time: tuple[int, ...], size: int) -> zipfile.ZipInfo:
    """An entry with the fixed metadata of the profile in :mod:`.zipfmt`."""
    info = zipfile.ZipInfo(name, date_time=date_time[:6])
    info.compress_type = zipfile.ZIP_STORED
    info.create_system = 3
    info.create_version = 20
    info.extract_version = VERSION_NEEDED
    info.external_attr = FILE_ATTRIBUTES
    info.file_size = size
    return info


def _open_source(item: _Item) -> BinaryIO:
    if isinstance(item.source, bytes):
        return io.BytesIO(item.source)
    try:
        return open(item.source, "rb")  # noqa: SIM115 - closed by the caller's with-block
    except OSError as exc:
        raise UserError(f"Không đọc được tệp {item.source}: {os_reason(exc)}.") from exc


def _sign_manifest(signer: Any, manifest: bytes, moment: datetime, timestamper: Any) -> bytes:
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    async def run() -> Any:
        return await signer.async_sign_general_data(
            manifest,
            "sha256",
            detached=True,
            use_cades=True,
            timestamper=timestamper,
            signed_attr_settings=PdfCMSSignedAttributes(signing_time=moment),
        )

    return asyncio.run(run()).dump()


def check_output(output: Path | str, overwrite: bool, *, overwrite_hint: str = "cho phép ghi đè",
                 folder: bool = False) -> None:
    """Refuse, before any signing, an output whose folder is missing or that would replace a file.

    ``overwrite_hint`` names how the user allows replacing (``--overwrite`` on the command line);
    ``folder`` is true when the output is itself a folder (the signed PDFs, one by one).
    """
    output = Path(output)
    if not output.parent.is_dir():
        raise UserError(f"Thư mục {output.parent} không tồn tại. Hãy tạo thư mục hoặc chọn nơi lưu khác.")
    if output.is_dir() and not folder:
        raise UserError(f"{output} là một thư mục; hãy ghi rõ tên tệp gói, ví dụ {output / 'ho-so.asice'}.")
    if not overwrite and (output.exists() or output.is_symlink()):
        raise OutputExists(output, overwrite_hint)


def build_package(
    output: Path | str,
    files: Iterable[PackageFile | tuple[Any, ...]],
    identity: SigningIdentity,
    *,
    progress: Progress | ProgressCallback | None = None,
    overwrite: bool = False,
    timestamper: Any = None,
    signing_time: datetime | None = None,
) -> BuiltPackage:
    """Write a signed ASiC-E package of ``files`` to ``output``.

    ``files`` holds :class:`PackageFile` or ``(archive_path, source)`` pairs,
    where source is a path or bytes; archive paths are checked (use
    :func:`~desktop.package.names.safe_name` for each segment). ``progress``
    (a :class:`~desktop.progress.Progress`) is told of each chunk and raises
    :class:`~desktop.progress.Cancelled` between files and chunks once cancelled.
    ``timestamper`` (a pyHanko TimeStamper) makes the signature CAdES-T.
    Call it from a worker thread: signing runs its own event loop.
    """
    output = Path(output)
    report = progress_of(progress).cancelled_saying(CANCELLED)
    check_cancel = report.check
    check_output(output, overwrite)
    items = _prepare(files, output)
    moment = (signing_time or datetime.now(timezone.utc)).replace(microsecond=0)
    check_signing_certificate(identity.certificate, moment)
    total = sum(i.size for i in items)
    date_time = moment.astimezone(VN_TZ).timetuple()[:6]

    try:
        tmp = part_path(output)
    except OSError as exc:
        raise disk_error(exc, output) or UserError(
            f"Không ghi được vào thư mục {output.parent}: {os_reason(exc)}.") from exc
    with removed_on_failure([tmp], output, f"gói hồ sơ {output}"):
        with open(tmp, "w+b") as handle:
            references = _write_zip(handle, items, identity, moment, date_time, timestamper, report, check_cancel, total)
            handle.flush()
            os.fsync(handle.fileno())
            size = handle.tell()
        check_cancel()
        # Without overwrite the name is claimed exclusively: of two builds to the
        # same new file, exactly one succeeds and the other is told it exists.
        publish(tmp, output, overwrite=overwrite)
    report.note(total, total, "Đã ký và lưu gói hồ sơ.")  # written: a cancel now comes too late
    return BuiltPackage(
        path=output,
        size=size,
        files=tuple(references),
        signing_time=moment,
        signer=display_name(identity.certificate),
    )


def _write_zip(
    handle: BinaryIO,
    items: list[_Item],
    identity: SigningIdentity,
    moment: datetime,
    date_time: tuple[int, ...],
    timestamper: Any,
    report: ProgressCallback,
    check_cancel: Callable[[], None],
    total: int,
) -> list[ManifestReference]:
    references: list[ManifestReference] = []
    done = 0
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_STORED, allowZip64=False) as archive:
        archive.writestr(_zip_info(MIMETYPE_NAME, date_time, len(MIMETYPE)), MIMETYPE)
        for item in items:
            check_cancel()
            message = f"Đang đưa “{item.name}” vào gói…"
            report(done, total, message)
            digest = hashlib.sha256()
            with _open_source(item) as src, archive.open(_zip_info(item.name, date_time, item.size), "w") as dst:
                while True:
                    chunk = src.read(CHUNK_SIZE)
                    if not chunk:
                        break
                    digest.update(chunk)
                    dst.write(chunk)
                    done += len(chunk)
                    report(min(done, total), total, message)
                    check_cancel()
            references.append(ManifestReference(item.name, item.mime_type, "sha256", digest.digest()))
        check_cancel()
        report(done, total, "Đang ký bảng kê của gói hồ sơ…")
        manifest = build_manifest(SIGNATURE_NAME, SIGNATURE_MIME, references)
        with signing_errors(identity):
            signature = _sign_manifest(identity.signer, manifest, moment, timestamper)
        check_cancel()
        archive.writestr(_zip_info(MANIFEST_NAME, date_time, len(manifest)), manifest)
        archive.writestr(_zip_info(SIGNATURE_NAME, date_time, len(signature)), signature)
    return references
