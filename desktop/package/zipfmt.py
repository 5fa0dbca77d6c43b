"""The ZIP layout of a package, and a strict reader for it.

The signature covers the manifest, and the manifest covers each file's
bytes; the ZIP's own bookkeeping (headers, directory, time stamps, file
attributes) is covered by nothing. Yet a package must fail verification when
*any* byte of it changes, so that a tampered file is never passed as the
original. The reader therefore checks the ZIP against one exact layout:

* entries lie back to back from offset 0, in central-directory order, the
  central directory right after them and the end record right after that,
  no archive comment, no ZIP64, nothing before, between or after;
* every field the local header repeats equals its central-directory copy;
* the fields only the central directory has (version made by, internal and
  external attributes) hold the values :mod:`.asice` writes (the *profile*);
* every entry is stored (not compressed), so every data byte is covered by
  its digest — a deflate stream can carry padding bits that decompress
  identically when flipped.

It also bounds what it will read (entry count, sizes, compression ratio) so a
crafted archive cannot exhaust memory or disk, and never extracts anything.
"""
from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from desktop.formatting import byte_size

__all__ = [
    "MIMETYPE_NAME",
    "MIMETYPE",
    "MANIFEST_NAME",
    "SIGNATURE_NAME",
    "SIGNATURE_MIME",
    "VERSION_MADE_BY",
    "VERSION_NEEDED",
    "FILE_ATTRIBUTES",
    "FLAG_UTF8",
    "CHUNK_SIZE",
    "Crc32",
    "ZipLimits",
    "ZipEntry",
    "ZipFormatError",
    "read_directory",
    "profile_problem",
    "iter_entry",
]

MIMETYPE_NAME = "mimetype"
MIMETYPE = b"application/vnd.etsi.asic-e+zip"
MANIFEST_NAME = "META-INF/ASiCManifest.xml"
SIGNATURE_NAME = "META-INF/signature001.p7s"
SIGNATURE_MIME = "application/pkcs7-signature"

# The profile: "made by" Unix (3) with ZIP spec 2.0, needing 2.0 to extract,
# files with mode rw-r--r--. Fixed values so that no unsigned byte is free.
VERSION_MADE_BY = (3 << 8) | 20
VERSION_NEEDED = 20
FILE_ATTRIBUTES = (0o100644 << 16)
FLAG_UTF8 = 0x0800
FLAG_DESCRIPTOR = 0x0008
CHUNK_SIZE = 1 << 20

_EOCD = struct.Struct("<4s4H2LH")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_LOCAL = struct.Struct("<4s5H3L2H")
_EOCD_SIG = b"PK\x05\x06"
_CENTRAL_SIG = b"PK\x01\x02"
_LOCAL_SIG = b"PK\x03\x04"
_DESCRIPTOR_SIG = b"PK\x07\x08"
_ZIP64_LOCATOR_SIG = b"PK\x06\x07"


@dataclass(frozen=True)
class ZipLimits:
    """What the reader accepts before reading any content (zip-bomb guard).

    A real dossier is a few dozen files of a few megabytes; these bounds are
    far above that and far below what would hurt the clerk's computer.
    """

    max_entries: int = 5_000
    max_entry_bytes: int = 1 << 30
    max_total_bytes: int = 2 << 30
    max_ratio: int = 100
    ratio_floor: int = 1 << 20
    """Entries smaller than this are not held to ``max_ratio`` (small text compresses well)."""


class ZipFormatError(Exception):
    """The archive cannot be read as a package; ``code`` is stable, the message Vietnamese."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class ZipEntry:
    """One entry as the central directory describes it (and the local header confirmed)."""

    name: str
    raw_name: bytes
    version_made_by: int
    version_needed: int
    flags: int
    method: int
    mod_time: int
    mod_date: int
    crc: int
    compressed_size: int
    size: int
    internal_attr: int
    external_attr: int
    extra: bytes
    comment: bytes
    header_offset: int
    data_offset: int

    @property
    def is_dir(self) -> bool:
        return self.name.endswith("/")


def _read_at(handle: BinaryIO, offset: int, length: int) -> bytes:
    handle.seek(offset)
    data = handle.read(length)
    if len(data) != length:
        raise ZipFormatError("zip.truncated", "Tệp gói bị cắt cụt hoặc hỏng (thiếu dữ liệu ZIP).")
    return data


def _decode_name(raw: bytes, flags: int) -> str:
    if flags & FLAG_UTF8:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ZipFormatError("zip.name_encoding", "Tên tệp trong gói không phải UTF-8 hợp lệ.") from exc
    return raw.decode("cp437")  # the ZIP default when the UTF-8 flag is absent


def _end_record_before_the_end(handle: BinaryIO, file_size: int) -> bool:
    """Whether the file's end record is there but followed by more (a comment, appended bytes).

    Only an end record whose directory ends right before it counts: a Word file stored in the package
    is a ZIP with an end record of its own, which a package cut short may end near.
    """
    start = max(0, file_size - 65_535 - _EOCD.size)
    tail = _read_at(handle, start, file_size - start)
    at = tail.rfind(_EOCD_SIG, 0, len(tail) - _EOCD.size + 1)
    while at >= 0:
        cd_size, cd_offset = _EOCD.unpack_from(tail, at)[5:7]
        if cd_offset + cd_size == start + at:
            return True
        at = tail.rfind(_EOCD_SIG, 0, at)
    return False


def _end_record(handle: BinaryIO, file_size: int) -> tuple[int, int, int]:
    """(entry count, directory size, directory offset) from an end record that closes the file."""
    if file_size < _EOCD.size:
        raise ZipFormatError("zip.not_zip", "Tệp không phải gói hồ sơ (không phải tệp ZIP).")
    tail = _read_at(handle, file_size - _EOCD.size, _EOCD.size)
    sig, disk, cd_disk, disk_entries, entries, cd_size, cd_offset, comment_len = _EOCD.unpack(tail)
    if sig != _EOCD_SIG:
        if _end_record_before_the_end(handle, file_size):
            raise ZipFormatError(
                "zip.trailing_data", "Gói có chú thích ZIP hoặc dữ liệu thừa ở cuối tệp (không được ký)."
            )
        if _read_at(handle, 0, 4) == _LOCAL_SIG:  # a ZIP's beginning without its end: a copy cut short
            raise ZipFormatError("zip.truncated", "Gói hồ sơ bị cắt cụt: có phần đầu của tệp ZIP nhưng thiếu phần "
                                                  "cuối (tệp chép hoặc tải về chưa xong?).")
        raise ZipFormatError("zip.not_zip", "Tệp không phải gói hồ sơ (không phải tệp ZIP).")
    if comment_len:
        raise ZipFormatError("zip.trailing_data", "Bản ghi cuối của ZIP khai báo chú thích không có trong tệp.")
    if disk or cd_disk or disk_entries != entries:
        raise ZipFormatError("zip.multi_disk", "Gói ZIP chia nhiều phần không được hỗ trợ.")
    if 0xFFFF in (entries, disk_entries) or 0xFFFFFFFF in (cd_size, cd_offset):
        raise ZipFormatError("zip.zip64", "Gói dùng định dạng ZIP64 (quá lớn); định dạng này không được hỗ trợ.")
    if cd_offset + cd_size != file_size - _EOCD.size:
        if cd_offset + cd_size + 20 == file_size - _EOCD.size:
            probe = _read_at(handle, cd_offset + cd_size, 4)
            if probe == _ZIP64_LOCATOR_SIG:
                raise ZipFormatError("zip.zip64", "Gói dùng định dạng ZIP64; định dạng này không được hỗ trợ.")
        raise ZipFormatError("zip.layout", "Thư mục trung tâm của ZIP không nằm đúng vị trí (tệp bị sửa hoặc hỏng).")
    return entries, cd_size, cd_offset


def read_directory(handle: BinaryIO, file_size: int, limits: ZipLimits) -> list[ZipEntry]:
    """Parse and cross-check the whole ZIP structure without reading any content.

    Raises :class:`ZipFormatError` on the first structural problem or
    exceeded limit.
    """
    count, cd_size, cd_offset = _end_record(handle, file_size)
    if count > limits.max_entries:
        raise ZipFormatError(
            "limits.entries", f"Gói có {count} tệp, vượt giới hạn {limits.max_entries} tệp; không kiểm tra."
        )
    directory = _read_at(handle, cd_offset, cd_size)
    entries: list[ZipEntry] = []
    pos = 0
    expected_offset = 0
    total = 0
    for _ in range(count):
        if pos + _CENTRAL.size > len(directory):
            raise ZipFormatError("zip.layout", "Thư mục trung tâm của ZIP bị cắt cụt.")
        (sig, made_by, needed, flags, method, mtime, mdate, crc, csize, usize,
         name_len, extra_len, comment_len, disk, internal, external, offset) = _CENTRAL.unpack_from(directory, pos)
        if sig != _CENTRAL_SIG:
            raise ZipFormatError("zip.layout", "Thư mục trung tâm của ZIP bị hỏng.")
        pos += _CENTRAL.size
        end = pos + name_len + extra_len + comment_len
        if end > len(directory):
            raise ZipFormatError("zip.layout", "Thư mục trung tâm của ZIP bị cắt cụt.")
        raw_name = directory[pos:pos + name_len]
        extra = directory[pos + name_len:pos + name_len + extra_len]
        comment = directory[pos + name_len + extra_len:end]
        pos = end
        name = _decode_name(raw_name, flags)
        if disk:
            raise ZipFormatError("zip.multi_disk", "Gói ZIP chia nhiều phần không được hỗ trợ.")
        if flags & 0x0041:
            raise ZipFormatError("zip.encrypted", f"Tệp “{name}” trong gói bị mã hóa; gói hồ sơ không được mã hóa.")
        if method not in (0, 8):
            raise ZipFormatError("zip.method", f"Tệp “{name}” dùng kiểu nén {method} không được hỗ trợ.")
        if 0xFFFFFFFF in (csize, usize, offset):
            raise ZipFormatError("zip.zip64", "Gói dùng định dạng ZIP64; định dạng này không được hỗ trợ.")
        if usize > limits.max_entry_bytes:
            raise ZipFormatError(
                "limits.entry_size",
                f"Tệp “{name}” trong gói lớn {byte_size(usize)}, vượt giới hạn {byte_size(limits.max_entry_bytes)}.",
            )
        total += usize
        if total > limits.max_total_bytes:
            raise ZipFormatError(
                "limits.total_size",
                f"Tổng dung lượng giải nén của gói vượt giới hạn {byte_size(limits.max_total_bytes)}; không kiểm tra.",
            )
        if method == 8 and usize > limits.ratio_floor and usize > max(csize, 1) * limits.max_ratio:
            raise ZipFormatError(
                "limits.ratio",
                f"Tệp “{name}” có tỷ lệ nén bất thường (trên {limits.max_ratio} lần): có thể là “bom ZIP”; không kiểm tra.",
            )
        if method == 0 and csize != usize:
            raise ZipFormatError("zip.layout", f"Kích thước tệp “{name}” trong ZIP không khớp.")
        if offset != expected_offset:
            raise ZipFormatError(
                "zip.layout", f"Tệp “{name}” không nằm liền sau tệp trước trong ZIP (có dữ liệu chen vào hoặc bị sửa)."
            )
        local = _read_at(handle, offset, _LOCAL.size)
        (lsig, l_needed, l_flags, l_method, l_mtime, l_mdate, l_crc, l_csize, l_usize,
         l_name_len, l_extra_len) = _LOCAL.unpack(local)
        if lsig != _LOCAL_SIG:
            raise ZipFormatError("zip.layout", f"Đầu mục của tệp “{name}” trong ZIP bị hỏng.")
        tail = _read_at(handle, offset + _LOCAL.size, l_name_len + l_extra_len)
        l_name, l_extra = tail[:l_name_len], tail[l_name_len:]
        sizes_ok = (l_crc, l_csize, l_usize) == (crc, csize, usize) or (
            flags & FLAG_DESCRIPTOR and (l_crc, l_csize, l_usize) == (0, 0, 0)
        )
        if (l_needed, l_flags, l_method, l_mtime, l_mdate, l_name, l_extra) != (
            needed, flags, method, mtime, mdate, raw_name, extra
        ) or not sizes_ok:
            raise ZipFormatError(
                "zip.header_mismatch",
                f"Đầu mục của tệp “{name}” không khớp với thư mục trung tâm của ZIP (gói bị sửa hoặc hỏng).",
            )
        data_offset = offset + _LOCAL.size + l_name_len + l_extra_len
        expected_offset = data_offset + csize
        if flags & FLAG_DESCRIPTOR:
            expected_offset = _check_descriptor(handle, expected_offset, name, crc, csize, usize)
        if expected_offset > cd_offset:
            raise ZipFormatError("zip.layout", f"Dữ liệu của tệp “{name}” tràn vào thư mục trung tâm của ZIP.")
        entries.append(ZipEntry(
            name=name, raw_name=raw_name, version_made_by=made_by, version_needed=needed, flags=flags,
            method=method, mod_time=mtime, mod_date=mdate, crc=crc, compressed_size=csize, size=usize,
            internal_attr=internal, external_attr=external, extra=extra, comment=comment,
            header_offset=offset, data_offset=data_offset,
        ))
    if pos != len(directory):
        raise ZipFormatError("zip.layout", "Thư mục trung tâm của ZIP có dữ liệu thừa.")
    if expected_offset != cd_offset:
        raise ZipFormatError("zip.layout", "Có dữ liệu lạ giữa các tệp và thư mục trung tâm của ZIP.")
    return entries


def _check_descriptor(handle: BinaryIO, offset: int, name: str, crc: int, csize: int, usize: int) -> int:
    """Check a data descriptor after the data; returns the offset after it."""
    probe = _read_at(handle, offset, 4)
    start = offset + 4 if probe == _DESCRIPTOR_SIG else offset
    d_crc, d_csize, d_usize = struct.unpack("<3L", _read_at(handle, start, 12))
    if (d_crc, d_csize, d_usize) != (crc, csize, usize):
        raise ZipFormatError(
            "zip.header_mismatch", f"Phần mô tả dữ liệu của tệp “{name}” không khớp với thư mục trung tâm của ZIP."
        )
    return start + 12


def profile_problem(entry: ZipEntry) -> str | None:
    """Why the entry's unsigned metadata is not what :mod:`.asice` writes (Vietnamese), or ``None``."""
    if entry.method != 0:
        return "được nén (gói chuẩn lưu tệp không nén để mọi byte đều được ký)"
    if entry.flags & ~FLAG_UTF8:
        return f"có cờ ZIP lạ ({entry.flags:#06x})"
    if entry.extra:
        return "có trường mở rộng (extra field) không được ký"
    if entry.comment:
        return "có chú thích ZIP không được ký"
    if entry.version_made_by != VERSION_MADE_BY or entry.version_needed != VERSION_NEEDED:
        return "có số phiên bản ZIP khác quy ước"
    if entry.internal_attr != 0 or entry.external_attr != FILE_ATTRIBUTES:
        return "có thuộc tính tệp khác quy ước"
    if entry.is_dir:
        return "là mục thư mục (gói chuẩn không có mục thư mục)"
    return None


class Crc32:
    """The CRC-32 of the pieces given to :meth:`update`, computed as they come."""

    def __init__(self) -> None:
        self._crc = 0

    def update(self, piece: bytes) -> None:
        self._crc = zlib.crc32(piece, self._crc)

    def value(self) -> int:
        """The CRC-32 of everything so far; starts again from nothing."""
        crc, self._crc = self._crc, 0
        return crc


def iter_entry(handle: BinaryIO, entry: ZipEntry, chunk_size: int = CHUNK_SIZE,
               crc: Crc32 | None = None) -> Iterator[bytes]:
    """Yield the entry's content in chunks, checking size and CRC-32 as it goes.

    Never yields more than the declared size (a lying header cannot inflate
    past its declaration) and raises :class:`ZipFormatError` at the end when
    the content does not match. ``crc`` computes the CRC-32 (by default here;
    :mod:`.hashing` gives one that works on a thread of its own) and is left
    ready for the next file however this one ends.
    """
    produced = 0
    crc = crc or Crc32()
    try:
        for piece in _content(handle, entry, chunk_size):
            produced += len(piece)
            if produced > entry.size:
                raise ZipFormatError(
                    "zip.size_mismatch", f"Tệp “{entry.name}” giải nén ra nhiều hơn kích thước khai báo (có thể là bom ZIP)."
                )
            crc.update(piece)
            if piece:
                yield piece
        if produced != entry.size:
            raise ZipFormatError("zip.size_mismatch", f"Kích thước tệp “{entry.name}” không khớp với khai báo trong ZIP.")
    except BaseException:  # also when the reader stops part way: the next file starts from nothing
        crc.value()
        raise
    if crc.value() != entry.crc:
        raise ZipFormatError("zip.crc", f"Mã kiểm tra CRC của tệp “{entry.name}” không khớp: tệp bị sửa hoặc hỏng.")


def _content(handle: BinaryIO, entry: ZipEntry, chunk_size: int) -> Iterator[bytes]:
    """The entry's bytes, inflated when deflated, each piece as it comes (at most ``chunk_size``): a
    highly compressed chunk is never inflated whole in memory."""
    position, remaining = entry.data_offset, entry.compressed_size
    inflater = zlib.decompressobj(-15) if entry.method == 8 else None
    while remaining:
        data = _read_at(handle, position, min(chunk_size, remaining))
        position += len(data)
        remaining -= len(data)
        if inflater is None:
            yield data
            continue
        while data:
            try:
                out = inflater.decompress(data, chunk_size)
            except zlib.error as exc:
                raise ZipFormatError("zip.corrupt_data", f"Dữ liệu nén của tệp “{entry.name}” bị hỏng.") from exc
            data = inflater.unconsumed_tail
            yield out
    if inflater is not None:
        yield inflater.flush()
        if not inflater.eof or inflater.unused_data:
            raise ZipFormatError("zip.corrupt_data", f"Dữ liệu nén của tệp “{entry.name}” bị hỏng hoặc có dữ liệu thừa.")
