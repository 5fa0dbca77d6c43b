"""The signed dossier package: names, building, verifying, tampering and hostile archives."""
from __future__ import annotations

import base64
import hashlib
import json
import shutil
import struct
import subprocess
import threading
import tracemalloc
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
import random
import zlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.errors import UserError
from desktop.package import asice, names, zipfmt
from desktop.package.asice import PackageFile, build_package
from desktop.progress import Cancelled, Progress
from desktop.package.verify import verify_package
from desktop.signing import keys
from desktop.signing.pdf import sign_pdf


ASIC_NS = "{http://uri.etsi.org/02918/v1.2.1#}"
DS_NS = "{http://www.w3.org/2000/09/xmldsig#}"


# ---------------------------------------------------------------------- helpers


def _build(folder: Path, identity, files=None, name: str = "goi.asice", **kwargs) -> Path:
    out = folder / name
    files = files if files is not None else [("Tờ trình.txt", "Đề nghị khen thưởng".encode())]
    build_package(out, files, identity, **kwargs)
    return out


def _failed(report) -> list[str]:
    return [c.code for c in report.checks if not c.ok]


def _raw_zip(path: Path, entries, *, compress_mimetype: bool = False) -> Path:
    """A ZIP written by hand-picked rules, for hostile or malformed packages."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, data, method in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = method
            archive.writestr(info, data)
    return path


def _mimetype_entry(method=zipfile.ZIP_STORED):
    return ("mimetype", zipfmt.MIMETYPE, method)


def _central_offsets(data: bytes) -> dict[str, int]:
    cd_offset = struct.unpack("<L", data[-6:-2])[0]
    count = struct.unpack("<H", data[-12:-10])[0]
    result, pos = {}, cd_offset
    for _ in range(count):
        name_len, extra_len, comment_len = struct.unpack("<3H", data[pos + 28:pos + 34])
        result[data[pos + 46:pos + 46 + name_len].decode("utf-8")] = pos
        pos += 46 + name_len + extra_len + comment_len
    return result


def _with_content_change(data: bytes, entry: zipfmt.ZipEntry, index: int, xor: int) -> bytes:
    """Change one content byte and fix the CRC in both headers, as a careful forger would."""
    changed = bytearray(data)
    changed[entry.data_offset + index] ^= xor
    crc = zlib.crc32(bytes(changed[entry.data_offset:entry.data_offset + entry.size]))
    struct.pack_into("<L", changed, entry.header_offset + 14, crc)
    struct.pack_into("<L", changed, _central_offsets(data)[entry.name] + 16, crc)
    return bytes(changed)


def _entries(path: Path) -> dict[str, zipfmt.ZipEntry]:
    with open(path, "rb") as handle:
        return {e.name: e for e in zipfmt.read_directory(handle, path.stat().st_size, zipfmt.ZipLimits())}


# ---------------------------------------------------------------------- names


def test_safe_name_keeps_vietnamese_in_nfc():
    decomposed = unicodedata.normalize("NFD", "Tờ trình đề nghị khen thưởng")
    assert names.safe_name(decomposed) == "Tờ trình đề nghị khen thưởng"
    assert unicodedata.is_normalized("NFC", names.safe_name(decomposed))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Báo cáo 2025/2026", "Báo cáo 2025-2026"),
        ("a\\b|c", "a-b-c"),
        ("Quyết định: khen thưởng", "Quyết định - khen thưởng"),
        ('Tên "đặc biệt" <x>?*', "Tên đặc biệt x"),
        ("dòng 1\ndòng 2\tcột\x00", "dòng 1 dòng 2 cột"),
        ("  tên có dấu chấm cuối...  ", "tên có dấu chấm cuối"),
        ("..", names.FALLBACK_NAME),
        ("", names.FALLBACK_NAME),
        ("CON", "_CON"),
        ("com1", "_com1"),
        ("LPT9.txt", "_LPT9.txt"),
        ("Console", "Console"),
        ("a\u200bb", "ab"),
    ],
)
def test_safe_name_cases(title, expected):
    assert names.safe_name(title) == expected


def test_safe_name_reserved_name_with_suffix_and_length_limits():
    assert names.safe_name("nul", suffix=".pdf") == "_nul.pdf"
    long = "Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh " * 10
    cut = names.safe_name(long, suffix=".pdf")
    assert cut.endswith(".pdf") and len(cut) <= names.MAX_NAME_CHARS
    assert not cut[:-4].endswith((" ", "."))
    assert len(names.safe_name("ữ" * 300).encode("utf-8")) <= names.MAX_NAME_BYTES
    assert names.archive_path_problem(cut) is None


def test_package_file_name():
    name = names.package_file_name("UBND-XA AN BÌNH", "Tổng kết thi đua năm 2026: đợt 1/2", date(2026, 11, 22))
    assert name == "UBND-XA AN BÌNH - Tổng kết thi đua năm 2026 - đợt 1-2 - 2026-11-22.asice"
    long = names.package_file_name("UBND", "Phong trào " * 40, date(2026, 1, 2))
    assert long.startswith("UBND - ") and long.endswith(" - 2026-01-02.asice")


@pytest.mark.parametrize("bad", ["/etc/passwd", "../x.pdf", "a/../../x", "a\\b.pdf", "C:/x.pdf", "a//b", "./a",
                                 "CON/a.pdf", "a./b", "x\x01", ""])
def test_archive_path_problems(bad):
    assert names.archive_path_problem(bad) is not None


# ---------------------------------------------------------------------- building


def test_build_and_verify(pki, identity, tmp_path, pdf_file):
    signed_pdf = tmp_path / "signed.pdf"
    sign_pdf(pdf_file, signed_pdf, identity)
    seen = []
    out = tmp_path / names.package_file_name("UBND", "Tổng kết 2026", date(2026, 11, 22))
    result = build_package(
        out,
        [
            (names.safe_name("Tờ trình đề nghị", suffix=".pdf"), signed_pdf),
            PackageFile("Phụ lục/Danh sách cá nhân.txt", "Nguyễn Văn A\n".encode()),
        ],
        identity,
        progress=lambda done, total, message: seen.append((done, total, message)),
    )
    assert result.path == out and out.stat().st_size == result.size
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen), "progress never goes back"
    assert seen[-1][0] == seen[-1][1] == signed_pdf.stat().st_size + len("Nguyễn Văn A\n".encode())
    report = verify_package(out, [pki.ca_pem])
    assert report.ok, [c.message for c in report.checks if not c.ok]
    codes = {c.code for c in report.checks}
    assert {"container.zip", "container.mimetype", "container.paths", "container.duplicates", "container.profile",
            "manifest.coverage", "file.digest", "signature.cms", "signature.time", "signature.chain",
            "pdf.signature", "pdf.signer"} <= codes
    assert report.signer == "Nguyễn Thị Văn Thư"
    assert report.files == ["Tờ trình đề nghị.pdf", "Phụ lục/Danh sách cá nhân.txt"]


def test_container_layout(identity, tmp_path):
    out = _build(tmp_path, identity, [("Hồ sơ/Tờ trình.txt", b"abc"), ("Hồ sơ/Ảnh.png", b"\x89PNG")])
    data = out.read_bytes()
    assert data[:4] == b"PK\x03\x04" and data[30:38] == b"mimetype" and data[38:38 + 31] == zipfmt.MIMETYPE
    with zipfile.ZipFile(out) as archive:
        infos = archive.infolist()
        assert archive.testzip() is None
    assert [i.filename for i in infos] == [
        "mimetype", "Hồ sơ/Tờ trình.txt", "Hồ sơ/Ảnh.png", "META-INF/ASiCManifest.xml", "META-INF/signature001.p7s"
    ]
    first = infos[0]
    assert first.compress_type == zipfile.ZIP_STORED and first.extra == b"" and first.header_offset == 0


def test_manifest_content(identity, tmp_path):
    content = "Danh sách".encode()
    out = _build(tmp_path, identity, [("Phụ lục/Danh sách.txt", content), ("a.pdf", b"%PDF-1.4")])
    with zipfile.ZipFile(out) as archive:
        root = ET.fromstring(archive.read("META-INF/ASiCManifest.xml"))
    assert root.tag == f"{ASIC_NS}ASiCManifest"
    [sig_ref] = root.findall(f"{ASIC_NS}SigReference")
    assert sig_ref.get("URI") == "META-INF/signature001.p7s" and sig_ref.get("MimeType") == "application/pkcs7-signature"
    refs = root.findall(f"{ASIC_NS}DataObjectReference")
    assert [r.get("URI") for r in refs] == ["Ph%E1%BB%A5%20l%E1%BB%A5c/Danh%20s%C3%A1ch.txt", "a.pdf"]
    assert [r.get("MimeType") for r in refs] == ["text/plain", "application/pdf"]
    method = refs[0].find(f"{DS_NS}DigestMethod")
    assert method.get("Algorithm") == "http://www.w3.org/2001/04/xmlenc#sha256"
    assert base64.b64decode(refs[0].find(f"{DS_NS}DigestValue").text) == hashlib.sha256(content).digest()


def test_signature_attributes_and_chain(pki, identity, tmp_path):
    from asn1crypto import cms

    out = _build(tmp_path, identity)
    with zipfile.ZipFile(out) as archive:
        info = cms.ContentInfo.load(archive.read("META-INF/signature001.p7s"))
    signed = info["content"]
    assert signed["encap_content_info"]["content"].native is None, "detached"
    attrs = {a["type"].native for a in signed["signer_infos"][0]["signed_attrs"]}
    assert {"content_type", "message_digest", "signing_time", "signing_certificate_v2"} <= attrs
    subjects = {c.chosen.subject.native["common_name"] for c in signed["certificates"]}
    assert subjects == {"Nguyễn Thị Văn Thư", "CA THỬ NGHIỆM - KHÔNG DÙNG THẬT"}


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl không có trên máy")
def test_openssl_verifies_the_cms_signature(pki, identity, tmp_path):
    out = _build(tmp_path, identity)
    with zipfile.ZipFile(out) as archive:
        (tmp_path / "ASiCManifest.xml").write_bytes(archive.read("META-INF/ASiCManifest.xml"))
        (tmp_path / "signature001.p7s").write_bytes(archive.read("META-INF/signature001.p7s"))
    result = subprocess.run(
        ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "signature001.p7s",
         "-content", "ASiCManifest.xml", "-CAfile", str(pki.ca_pem), "-purpose", "any", "-out", "/dev/null"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "Verification successful" in result.stderr


def test_build_with_token(pki, softhsm, tmp_path):
    with keys.load_pkcs11(softhsm.module, softhsm.pin) as identity:
        out = _build(tmp_path, identity)
    report = verify_package(out, [pki.ca_pem])
    assert report.ok, _failed(report)


def test_build_b_t_with_time_stamp(pki, identity, tmp_path, timestamper):
    out = _build(tmp_path, identity, timestamper=timestamper)
    report = verify_package(out, [pki.ca_pem])
    assert report.ok, _failed(report)
    assert "dấu thời gian" in next(c.message for c in report.checks if c.code == "signature.time")


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([], "ít nhất một tệp"),
        ([("a.txt", b"1"), ("a.txt", b"2")], "cùng tên"),
        ([("Báo cáo.txt", b"1"), ("BÁO CÁO.txt", b"2")], "chữ hoa/thường"),
        ([("../a.txt", b"1")], "không hợp lệ"),
        ([("/a.txt", b"1")], "đường dẫn tuyệt đối"),
        ([("a\\b.txt", b"1")], "gạch chéo ngược"),
        ([("META-INF/x.xml", b"1")], "dành riêng"),
        ([("mimetype", b"1")], "dành riêng"),
        ([("a", b"1"), ("a/b.txt", b"2")], "vừa là tệp vừa là thư mục"),
    ],
)
def test_build_refuses_bad_file_lists(identity, tmp_path, files, message):
    with pytest.raises(UserError, match=message):
        build_package(tmp_path / "x.asice", files, identity)
    assert list(tmp_path.iterdir()) == []


def test_build_refuses_output_inside_itself_and_existing_output(identity, tmp_path):
    out = tmp_path / "goi.asice"
    out.write_bytes(b"old")
    with pytest.raises(UserError, match="chính tệp gói"):
        build_package(out, [("a.txt", out)], identity, overwrite=True)
    with pytest.raises(UserError, match="đã có"):
        build_package(out, [("a.txt", b"1")], identity)
    assert out.read_bytes() == b"old"
    build_package(out, [("a.txt", b"1")], identity, overwrite=True)
    assert zipfile.is_zipfile(out)


@pytest.mark.parametrize("when", [1, 3, 6])
def test_cancel_leaves_nothing_behind(identity, tmp_path, when):
    big = tmp_path / "src" / "scan.bin"
    big.parent.mkdir()
    big.write_bytes(b"\x00" * (3 * zipfmt.CHUNK_SIZE + 17))
    reports = []

    def heard(done, total, message):  # the Cancel button pressed while the n-th report is shown
        reports.append(done)
        if len(reports) >= when:
            progress.cancel()

    progress = Progress(heard)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(Cancelled, match="Đã hủy tạo gói hồ sơ"):
        build_package(out_dir / "goi.asice", [("a.txt", b"1"), ("scan.bin", big)], identity, progress=progress)
    assert len(reports) == when and list(out_dir.iterdir()) == []


def test_checking_a_package_reports_each_file_and_can_be_cancelled(pki, identity, tmp_path):
    out = tmp_path / "goi.asice"
    build_package(out, [("a.txt", b"1"), ("b.txt", b"2"), ("c.txt", b"3")], identity)
    heard = []
    report = verify_package(out, [pki.ca_pem], progress=Progress(lambda *a: heard.append(a)))
    assert report.ok and [(d, t) for d, t, _m in heard] == [(0, 3), (1, 3), (2, 3)]
    assert "“a.txt”" in heard[0][2]
    stop = Progress()
    stop.cancel()
    with pytest.raises(Cancelled):
        verify_package(out, [pki.ca_pem], progress=stop)


def test_cancel_before_start_and_failure_leave_nothing_behind(identity, tmp_path, monkeypatch):
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        build_package(tmp_path / "goi.asice", [("a.txt", b"1")], identity, progress=progress)
    assert list(tmp_path.iterdir()) == []

    async def pulled_out(*args, **kwargs):
        raise RuntimeError("token pulled out")

    monkeypatch.setattr(identity.signer, "async_sign_general_data", pulled_out)  # the key fails as it signs
    with pytest.raises(RuntimeError, match="token pulled out"):
        build_package(tmp_path / "goi.asice", [("a.txt", b"1")], identity)
    assert list(tmp_path.iterdir()) == []


def test_large_file_is_streamed(pki, identity, tmp_path):
    size = 24 * (1 << 20)
    big = tmp_path / "scan.pdf.bin"
    with open(big, "wb") as handle:
        for i in range(24):
            handle.write(bytes([i]) * (1 << 20))
    tracemalloc.start()
    try:
        build_package(tmp_path / "goi.asice", [("Bản quét.bin", big)], identity)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < size / 3, f"peak {peak} bytes: the file was read whole"
    report = verify_package(tmp_path / "goi.asice", [pki.ca_pem])
    assert report.ok, _failed(report)


# ---------------------------------------------------------------------- verification outcomes


def test_verify_needs_the_right_trust_anchor(pki, identity, tmp_path):
    from desktop.demo import pki as demo_pki

    out = _build(tmp_path, identity)
    assert _failed(verify_package(out)) == ["signature.chain"]
    other_ca = tmp_path / "other-ca.pem"
    demo_pki.write_pem(other_ca, [demo_pki.make_ca("CA khác").cert])
    assert _failed(verify_package(out, [other_ca])) == ["signature.chain"]


def test_validity_is_judged_at_signing_time(pki, tmp_path):
    from desktop.demo import pki as demo_pki

    now = datetime.now(timezone.utc)
    short = demo_pki.issue_certificate(pki.ca, "Hết hạn sau khi ký", not_before=now - timedelta(days=30),
                                       not_after=now - timedelta(days=1))
    p12 = tmp_path / "short.p12"
    demo_pki.write_p12(p12, short, [pki.ca.cert], "pw", "short")
    with keys.load_p12(p12, "pw", at=now - timedelta(days=10)) as identity:
        out = _build(tmp_path, identity, signing_time=now - timedelta(days=10))
    report = verify_package(out, [pki.ca_pem])
    assert report.ok, _failed(report)
    assert report.signing_time == (now - timedelta(days=10)).replace(microsecond=0)


def test_signing_time_in_the_future_fails(pki, identity, tmp_path):
    out = _build(tmp_path, identity)
    report = verify_package(out, [pki.ca_pem], now=datetime.now(timezone.utc) - timedelta(days=1))
    assert "signature.time" in _failed(report)


def test_pdf_signed_by_someone_else(pki, identity, tmp_path, pdf_file):
    other_pdf = tmp_path / "other.pdf"
    with keys.load_p12(pki.other_p12, pki.password) as other:
        sign_pdf(pdf_file, other_pdf, other)
    out = _build(tmp_path, identity, [("a.pdf", other_pdf)])
    report = verify_package(out, [pki.ca_pem])
    assert _failed(report) == ["pdf.signer"]


def test_unsigned_pdf_is_accepted_unless_required(pki, identity, tmp_path, pdf_file):
    out = _build(tmp_path, identity, [("a.pdf", pdf_file)])
    assert verify_package(out, [pki.ca_pem]).ok
    assert _failed(verify_package(out, [pki.ca_pem], require_pdf_signatures=True)) == ["pdf.unsigned"]


def test_pdf_changed_after_signing_is_caught_inside_a_valid_package(pki, identity, tmp_path, pdf_file):
    signed = tmp_path / "signed.pdf"
    sign_pdf(pdf_file, signed, identity)
    data = bytearray(signed.read_bytes())
    position = data.index(b"ReportLab")  # a comment in the signed byte range
    data[position:position + 9] = b"REPORTLAB"
    out = _build(tmp_path, identity, [("a.pdf", bytes(data))])
    report = verify_package(out, [pki.ca_pem])
    assert "pdf.signature" in _failed(report) and "file.digest" not in _failed(report)


# ---------------------------------------------------------------------- tampering


def test_every_single_byte_change_is_detected(pki, identity, tmp_path):
    out = _build(tmp_path, identity, [("a.txt", b"x")])
    assert verify_package(out, [pki.ca_pem]).ok
    original = out.read_bytes()
    tampered = tmp_path / "tampered.asice"
    undetected = []
    for index in range(len(original)):
        changed = bytearray(original)
        changed[index] ^= 0xFF
        tampered.write_bytes(changed)
        if verify_package(tampered, [pki.ca_pem]).ok:
            undetected.append(index)
    assert undetected == []


def test_content_changes_with_fixed_crc_are_detected_by_the_signature(pki, identity, tmp_path):
    """A forger who also fixes the CRC is stopped by the digests and the signature, not by ZIP checks."""
    from asn1crypto import cms

    out = _build(tmp_path, identity, [("a.txt", b"xyz")])
    original = out.read_bytes()
    entries = _entries(out)
    signature = entries[zipfmt.SIGNATURE_NAME]
    sig_bytes = original[signature.data_offset:signature.data_offset + signature.size]
    sid = cms.ContentInfo.load(sig_bytes)["content"]["signer_infos"][0]["sid"].dump()
    sid_start = sig_bytes.index(sid)
    positions = {
        "a.txt": range(3),
        zipfmt.MANIFEST_NAME: range(entries[zipfmt.MANIFEST_NAME].size),
        # every 9th byte, plus the whole signer identifier (compared case-insensitively by X.509 rules)
        zipfmt.SIGNATURE_NAME: sorted(set(range(0, signature.size, 9)) | set(range(sid_start, sid_start + len(sid)))),
    }
    tampered = tmp_path / "tampered.asice"
    undetected = []
    for name, indexes in positions.items():
        for index in indexes:
            tampered.write_bytes(_with_content_change(original, entries[name], index, 0x01))
            report = verify_package(tampered, [pki.ca_pem])
            if report.ok:
                undetected.append((name, index))
            assert not any(c.code.startswith("zip.") for c in report.checks), "the CRC was fixed"
    assert undetected == []


def test_time_stamp_changes_are_detected(pki, identity, tmp_path, timestamper):
    """The time-stamp token lies outside the signed attributes; it must be held to the same exactness."""
    from asn1crypto import cms

    out = _build(tmp_path, identity, [("a.txt", b"x")], timestamper=timestamper)
    original = out.read_bytes()
    signature = _entries(out)[zipfmt.SIGNATURE_NAME]
    sig_bytes = original[signature.data_offset:signature.data_offset + signature.size]
    unsigned = cms.ContentInfo.load(sig_bytes)["content"]["signer_infos"][0]["unsigned_attrs"].dump()
    start = sig_bytes.index(unsigned)
    tampered = tmp_path / "tampered.asice"
    undetected = []
    for index in sorted({*range(start, start + 8), *range(start, start + len(unsigned), 11)}):
        tampered.write_bytes(_with_content_change(original, signature, index, 0x01))
        if verify_package(tampered, [pki.ca_pem]).ok:
            undetected.append(index - start)
    assert undetected == []


def _package_with_a_large_file(tmp_path: Path, identity, pdf_file: Path) -> Path:
    """A PDF, a file of several chunks and a small one: hashed on a second thread while the signature is checked."""
    big = tmp_path / "ghi-hinh.bin"
    big.write_bytes(bytes(range(256)) * (5 * zipfmt.CHUNK_SIZE // 256) + b"tail")
    return _build(tmp_path, identity, [("van-ban/to-trinh.pdf", pdf_file), ("minh-chung/ghi-hinh.bin", big),
                                       ("b.txt", b"2")])


def test_a_byte_changed_deep_inside_a_large_file_is_detected(pki, identity, tmp_path, pdf_file):
    """Past the first chunks: by the ZIP's CRC-32 when left as it was, by the digest when the forger fixed it."""
    out = _package_with_a_large_file(tmp_path, identity, pdf_file)
    original = out.read_bytes()
    entry = _entries(out)["minh-chung/ghi-hinh.bin"]
    index = 4 * zipfmt.CHUNK_SIZE + 12345
    changed = bytearray(original)
    changed[entry.data_offset + index] ^= 0x01
    tampered = tmp_path / "tampered.asice"
    tampered.write_bytes(changed)
    report = verify_package(tampered, [pki.ca_pem])
    assert [(c.code, c.subject) for c in report.checks if not c.ok] == [("zip.crc", "minh-chung/ghi-hinh.bin")]
    tampered.write_bytes(_with_content_change(original, entry, index, 0x01))
    report = verify_package(tampered, [pki.ca_pem])
    assert [(c.code, c.subject) for c in report.checks if not c.ok] == [("file.digest", "minh-chung/ghi-hinh.bin")]


def test_hashing_beside_the_signature_check_keeps_the_report(pki, identity, tmp_path, pdf_file, monkeypatch):
    """The same lines in the same order as when every file is hashed before the signature is checked:
    the container, the manifest, each file's digest, the signature, then the PDFs."""
    from desktop.package import verify
    from desktop.package.hashing import FileHashing

    class HashedFirst(FileHashing):
        def __init__(self, handle, files):
            super().__init__(handle, files)
            self._thread.join()

    out = _package_with_a_large_file(tmp_path, identity, pdf_file)
    original = out.read_bytes()
    entries = _entries(out)
    pdf_changed = tmp_path / "pdf-changed.asice"
    pdf_changed.write_bytes(_with_content_change(original, entries["van-ban/to-trinh.pdf"], 100, 0x01))
    signature_changed = tmp_path / "signature-changed.asice"
    signature_changed.write_bytes(_with_content_change(original, entries[zipfmt.SIGNATURE_NAME], 200, 0x01))
    lines = lambda path: [(c.code, c.ok, c.message, c.subject) for c in verify_package(path, [pki.ca_pem]).checks]  # noqa: E731
    beside = {path: lines(path) for path in (out, pdf_changed, signature_changed)}
    monkeypatch.setattr(verify, "FileHashing", HashedFirst)
    assert {path: lines(path) for path in beside} == beside
    assert [line[0] for line in beside[out]] == [
        "container.zip", "container.limits", "container.mimetype", "container.paths", "container.duplicates",
        "container.profile", "manifest.coverage", "file.digest", "file.digest", "file.digest",
        "signature.cms", "signature.time", "signature.chain", "pdf.unsigned"]
    assert all(ok for _, ok, _, _ in beside[out])
    assert [line[0] for line in beside[pdf_changed] if not line[1]] == ["file.digest"]
    failed = [line[0] for line in beside[signature_changed] if not line[1]]
    assert failed and all(code.startswith("signature.") for code in failed)


def test_the_hashing_thread_ends_with_the_check(pki, identity, tmp_path, pdf_file):
    """Joined when the check ends: valid, cancelled while a large file is hashed, or stopped by unreadable anchors."""
    out = _package_with_a_large_file(tmp_path, identity, pdf_file)
    hashing = lambda: [t for t in threading.enumerate() if t.name in ("thidua-hashing", "thidua-crc")]  # noqa: E731
    assert verify_package(out, [pki.ca_pem]).ok and hashing() == []

    def heard(done, total, message):  # Cancel pressed as the large file is reached
        if "ghi-hinh.bin" in message:
            progress.cancel()

    progress = Progress(heard)
    with pytest.raises(Cancelled):
        verify_package(out, [pki.ca_pem], progress=progress)
    assert hashing() == []
    with pytest.raises(UserError, match="chứng thư số"):
        verify_package(out, [tmp_path / "khong-co.pem"])
    assert hashing() == []


# ---------------------------------------------------------------------- hostile and malformed archives


def _text_package(tmp_path: Path, extra_entries, name="x.asice") -> Path:
    return _raw_zip(tmp_path / name, [_mimetype_entry(), *extra_entries])


@pytest.mark.parametrize("evil", ["../evil.txt", "/abs.txt", "a\\b.txt", "C:/x.txt", "a/../../b.txt"])
def test_zip_slip_names_fail(tmp_path, evil):
    path = _text_package(tmp_path, [(evil, b"boom", zipfile.ZIP_STORED)])
    report = verify_package(path)
    assert "container.paths" in _failed(report)


def test_duplicate_and_case_colliding_names_fail(tmp_path):
    with pytest.warns(UserWarning):
        dup = _text_package(tmp_path, [("a.txt", b"1", 0), ("a.txt", b"2", 0)], "dup.asice")
    assert "container.duplicates" in _failed(verify_package(dup))
    case = _text_package(tmp_path, [("Báo cáo.txt", b"1", 0), ("BÁO CÁO.txt", b"2", 0)], "case.asice")
    assert "container.duplicates" in _failed(verify_package(case))


def test_zip_bomb_is_refused_before_reading(tmp_path):
    bomb = _text_package(tmp_path, [("bom.txt", b"\x00" * (20 << 20), zipfile.ZIP_DEFLATED)])
    assert bomb.stat().st_size < 100_000
    report = verify_package(bomb)
    assert [c.code for c in report.checks] == ["limits.ratio"]
    assert "bom ZIP" in report.checks[0].message
    small = zipfmt.ZipLimits(max_entry_bytes=1 << 20)
    assert [c.code for c in verify_package(bomb, limits=small).checks] == ["limits.entry_size"]
    many = _text_package(tmp_path, [(f"{i}.txt", b"1", 0) for i in range(10)], "many.asice")
    assert [c.code for c in verify_package(many, limits=zipfmt.ZipLimits(max_entries=5)).checks] == ["limits.entries"]
    total = zipfmt.ZipLimits(max_total_bytes=5)
    assert [c.code for c in verify_package(many, limits=total).checks] == ["limits.total_size"]


def test_lying_sizes_never_inflate_past_the_declaration(tmp_path):
    path = _text_package(tmp_path, [("bom.txt", b"\x00" * (2 << 20), zipfile.ZIP_DEFLATED)])
    data = bytearray(path.read_bytes())
    lenient = zipfmt.ZipLimits(max_ratio=1 << 30)  # let the directory through; the reader must still hold
    with open(path, "rb") as handle:
        entry = [e for e in zipfmt.read_directory(handle, len(data), lenient) if e.name == "bom.txt"][0]
    struct.pack_into("<L", data, entry.header_offset + 22, 1000)
    struct.pack_into("<L", data, _central_offsets(bytes(data))["bom.txt"] + 24, 1000)
    path.write_bytes(data)
    with open(path, "rb") as handle:
        [_, lying] = zipfmt.read_directory(handle, len(data), zipfmt.ZipLimits())
        produced = 0
        with pytest.raises(zipfmt.ZipFormatError) as info:
            for chunk in zipfmt.iter_entry(handle, lying):
                produced += len(chunk)
    assert info.value.code == "zip.size_mismatch" and produced <= 1000


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"%PDF-1.7\n" + b"x" * 200])
def test_non_zip_files_fail(tmp_path, content):
    path = tmp_path / "x.asice"
    path.write_bytes(content)
    assert _failed(verify_package(path)) == ["zip.not_zip"]


def test_a_package_cut_short_says_so(tmp_path):
    """A copy that stopped part way (a full USB stick, a download cut off) keeps the ZIP's beginning but
    not its end: the clerk is told the file is cut short, not that it is no package at all."""
    whole = _text_package(tmp_path, [("minh-chung/a.bin", random.Random(3).randbytes(200_000), zipfile.ZIP_STORED)])
    cut = tmp_path / "cut.asice"
    cut.write_bytes(whole.read_bytes()[:120_000])
    report = verify_package(cut)
    assert _failed(report) == ["zip.truncated"]
    assert "bị cắt cụt" in " ".join(c.message for c in report.checks)


def test_a_package_cut_after_a_word_file_is_cut_short_not_trailing_data(tmp_path):
    """A Word file is itself a ZIP, with its own end record: a package cut just after one ends near an end
    record that is not the package's. It is cut short, not a package with data after its end."""
    import io

    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as docx:
        docx.writestr("word/document.xml", random.Random(5).randbytes(50_000))
    word = inner.getvalue()
    whole = _text_package(tmp_path, [("van-ban-word/bao-cao.docx", word, zipfile.ZIP_STORED),
                                     ("minh-chung/a.bin", random.Random(3).randbytes(100_000), zipfile.ZIP_STORED)])
    data = whole.read_bytes()
    cut = tmp_path / "cut.asice"
    cut.write_bytes(data[:data.index(word) + len(word) + 100])
    assert _failed(verify_package(cut)) == ["zip.truncated"]


def test_missing_file_fails(tmp_path):
    assert _failed(verify_package(tmp_path / "khong-co.asice")) == ["container.open"]


def test_mimetype_not_first_or_compressed_fails(tmp_path):
    late = _raw_zip(tmp_path / "late.asice", [("a.txt", b"1", 0), _mimetype_entry()])
    assert "container.mimetype" in _failed(verify_package(late))
    packed = _raw_zip(tmp_path / "packed.asice", [_mimetype_entry(zipfile.ZIP_DEFLATED), ("a.txt", b"1", 0)])
    assert "container.mimetype" in _failed(verify_package(packed))
    wrong = _raw_zip(tmp_path / "wrong.asice", [("mimetype", b"application/zip", 0)])
    assert "container.mimetype" in _failed(verify_package(wrong))


def test_file_added_to_a_signed_package_fails(pki, identity, tmp_path):
    out = _build(tmp_path, identity)
    with zipfile.ZipFile(out, "a") as archive:
        info = zipfile.ZipInfo("them.txt", date_time=(2026, 1, 1, 0, 0, 0))
        info.create_system, info.external_attr = 3, zipfmt.FILE_ATTRIBUTES
        archive.writestr(info, b"added later")
    report = verify_package(out, [pki.ca_pem])
    assert "manifest.coverage" in _failed(report)


def test_trailing_data_fails(pki, identity, tmp_path):
    out = _build(tmp_path, identity)
    out.write_bytes(out.read_bytes() + b"junk")
    assert _failed(verify_package(out, [pki.ca_pem])) == ["zip.trailing_data"]


# ---------------------------------------------------------------------- command line


def test_cli_package_verify(pki, identity, tmp_path, capsys):
    from desktop.commands.main import main

    out = _build(tmp_path, identity)
    assert main(["package", "verify", str(out), "--trust", str(pki.ca_pem)]) == 0
    text = capsys.readouterr().out
    assert "HỢP LỆ" in text and "ĐẠT" in text and "LỖI" not in text
    assert main(["package", "verify", str(out)]) == 1
    assert "KHÔNG HỢP LỆ" in capsys.readouterr().out
    assert main(["package", "verify", str(out), "--trust", str(pki.ca_pem), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["valid"] is True and data["signer"] == "Nguyễn Thị Văn Thư"
    assert all({"code", "ok", "message"} <= set(c) for c in data["checks"])
    assert main(["package", "verify", str(out), "--trust", str(tmp_path / "khong-co.pem")]) == 2


def test_package_group_is_exposed_for_more_commands():
    from desktop.commands.main import build_parser
    from desktop.commands import package as package_command

    build_parser()
    assert package_command.package_subparsers is not None
    assert {"verify", "sign-pdf"} <= set(package_command.package_subparsers.choices)


def test_two_builds_to_one_new_output_exactly_one_succeeds(identity, pki, tmp_path, monkeypatch):
    """Two builds started together (both pass the early "exists?" check): one package, one refusal."""
    out = tmp_path / "goi.asice"
    barrier = threading.Barrier(2)
    real_publish = asice.publish

    def publish_together(tmp, path, *, overwrite):
        barrier.wait(timeout=30)
        real_publish(tmp, path, overwrite=overwrite)

    monkeypatch.setattr(asice, "publish", publish_together)
    outcome: list[object] = []

    def build(content: bytes) -> None:
        try:
            outcome.append(build_package(out, [("a.txt", content)], identity).path)
        except UserError as exc:
            outcome.append(exc)

    threads = [threading.Thread(target=build, args=(c,)) for c in (b"1", b"2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    built = [o for o in outcome if isinstance(o, Path)]
    refused = [o for o in outcome if isinstance(o, UserError)]
    assert len(built) == 1 and len(refused) == 1
    assert "đã có" in str(refused[0])
    report = verify_package(out, [pki.ca_pem])
    assert report.ok, _failed(report)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["goi.asice"]


def test_one_crc_serves_file_after_file_however_each_ends(tmp_path):
    """The CRC-32 the hashing thread shares between files starts from nothing for each, also after a
    file that failed part way (a deflated entry whose data is damaged) or whose reader stopped early."""
    import io

    rng = random.Random(7)
    pieces = {"hong.bin": " ".join(str(rng.random()) for _ in range(40_000)).encode(), "dung.bin": rng.randbytes(3_000_000), "sau.bin": b"x" * 70_000}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("hong.bin", pieces["hong.bin"], compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("dung.bin", pieces["dung.bin"])
        z.writestr("sau.bin", pieces["sau.bin"])
    data = bytearray(buffer.getvalue())
    entries = {e.name: e for e in zipfmt.read_directory(io.BytesIO(data), len(data), zipfmt.ZipLimits())}
    damaged = entries["hong.bin"].data_offset + 1000
    data[damaged:damaged + 64] = bytes(64)
    handle, crc = io.BytesIO(bytes(data)), zipfmt.Crc32()

    with pytest.raises(zipfmt.ZipFormatError) as failed:
        b"".join(zipfmt.iter_entry(handle, entries["hong.bin"], chunk_size=65536, crc=crc))
    assert failed.value.code == "zip.corrupt_data"  # part way, not at the CRC
    chunks = zipfmt.iter_entry(handle, entries["dung.bin"], chunk_size=65536, crc=crc)
    next(chunks)
    chunks.close()  # the reader stopped after one chunk
    for name in ("dung.bin", "sau.bin"):
        assert b"".join(zipfmt.iter_entry(handle, entries[name], chunk_size=65536, crc=crc)) == pieces[name]


def test_a_deflated_file_is_inflated_a_piece_at_a_time():
    """A highly compressed chunk of a deflated entry is handed on as it is inflated, never whole: the
    first piece comes before the rest of the file is in memory (verify reads 8 MiB chunks)."""
    import io

    content = b"ho so thi dua " * 700_000  # 9.8 MB that deflates to a few kilobytes: one chunk read
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("lap.txt", content, compress_type=zipfile.ZIP_DEFLATED)
    data = buffer.getvalue()
    (entry,) = zipfmt.read_directory(io.BytesIO(data), len(data), zipfmt.ZipLimits(max_ratio=10_000))
    chunks = zipfmt.iter_entry(io.BytesIO(data), entry, chunk_size=1 << 16)
    tracemalloc.start()
    try:
        first = next(chunks)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(first) <= 1 << 16 and peak < 1 << 20, peak
    assert first + b"".join(chunks) == content
