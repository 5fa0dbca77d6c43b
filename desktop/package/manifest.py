"""The ASiC manifest (``META-INF/ASiCManifest.xml``, ETSI EN 319 162-1 §A.4).

In the CAdES form of ASiC-E the signature does not cover the files directly:
it covers this manifest, which lists every file with its digest. The manifest
is written byte for byte by :func:`build_manifest` (no XML library choices
leak into the signed bytes) and read back by :func:`parse_manifest` with
``defusedxml`` (no DTDs, no entity expansion).

References are URIs: paths with non-ASCII characters and spaces are
percent-encoded as UTF-8 (``Tờ trình.pdf`` → ``T%E1%BB%9D%20tr%C3%ACnh.pdf``),
as RFC 3986 and the ETSI validators expect.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote, unquote

__all__ = [
    "ASIC_NS",
    "DS_NS",
    "DIGEST_URIS",
    "ManifestReference",
    "Manifest",
    "ManifestError",
    "build_manifest",
    "parse_manifest",
    "name_to_uri",
]

ASIC_NS = "http://uri.etsi.org/02918/v1.2.1#"
DS_NS = "http://www.w3.org/2000/09/xmldsig#"
SHA256_URI = "http://www.w3.org/2001/04/xmlenc#sha256"
# Accepted when reading (other tools may use them); this app writes SHA-256.
DIGEST_URIS = {
    SHA256_URI: "sha256",
    "http://www.w3.org/2001/04/xmldsig-more#sha384": "sha384",
    "http://www.w3.org/2001/04/xmlenc#sha512": "sha512",
}
_DIGEST_SIZES = {"sha256": 32, "sha384": 48, "sha512": 64}


@dataclass(frozen=True)
class ManifestReference:
    """One file the manifest vouches for."""

    name: str
    mime_type: str
    algorithm: str
    digest: bytes

    @property
    def is_pdf(self) -> bool:
        return self.mime_type == "application/pdf" or self.name.lower().endswith(".pdf")

    def digest_of(self, chunks: Iterable[bytes]) -> tuple[bool, bytes | None]:
        """Whether the file read as ``chunks`` has the digest listed, and its bytes if it is a PDF (else ``None``).

        An error while reading the chunks goes to the caller.
        """
        digest = hashlib.new(self.algorithm)
        kept: list[bytes] | None = [] if self.is_pdf else None
        for chunk in chunks:
            digest.update(chunk)
            if kept is not None:
                kept.append(chunk)
        return digest.digest() == self.digest, None if kept is None else b"".join(kept)


@dataclass(frozen=True)
class Manifest:
    sig_reference: str
    sig_mime_type: str | None
    references: tuple[ManifestReference, ...]


class ManifestError(ValueError):
    """The manifest cannot be read; the message is Vietnamese."""


def name_to_uri(name: str) -> str:
    """Percent-encode a path inside the package as a relative URI reference."""
    return quote(name, safe="/")


def build_manifest(signature_name: str, signature_mime: str, references: list[ManifestReference]) -> bytes:
    """The manifest's exact bytes (UTF-8, one element per line)."""
    from xml.sax.saxutils import quoteattr  # loads urllib.request: only the builder needs it, not verification

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<asic:ASiCManifest xmlns:asic="{ASIC_NS}" xmlns:ds="{DS_NS}">',
        f"  <asic:SigReference URI={quoteattr(name_to_uri(signature_name))} MimeType={quoteattr(signature_mime)}/>",
    ]
    for ref in references:
        if ref.algorithm != "sha256":
            raise ValueError("the manifest is written with SHA-256 digests")
        lines += [
            f"  <asic:DataObjectReference URI={quoteattr(name_to_uri(ref.name))} MimeType={quoteattr(ref.mime_type)}>",
            f'    <ds:DigestMethod Algorithm="{SHA256_URI}"/>',
            f"    <ds:DigestValue>{base64.b64encode(ref.digest).decode('ascii')}</ds:DigestValue>",
            "  </asic:DataObjectReference>",
        ]
    lines.append("</asic:ASiCManifest>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _uri_to_name(uri: str | None) -> str:
    if not uri:
        raise ManifestError("Bảng kê có mục thiếu đường dẫn (URI).")
    if ":" in uri.split("/", 1)[0] or uri.startswith(("/", "#")) or "?" in uri or "#" in uri:
        raise ManifestError(f"Bảng kê trỏ tới địa chỉ “{uri}” nằm ngoài gói.")
    try:
        return unquote(uri, errors="strict")
    except UnicodeDecodeError as exc:
        raise ManifestError(f"Đường dẫn “{uri}” trong bảng kê không phải UTF-8 hợp lệ.") from exc


def parse_manifest(data: bytes) -> Manifest:
    """Read a manifest, refusing anything this app could not have checked fully."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(data)
    except (ParseError, DefusedXmlException, ValueError, LookupError) as exc:  # LookupError: unknown encoding
        raise ManifestError("Bảng kê ASiCManifest.xml không phải XML hợp lệ.") from exc
    if root.tag != f"{{{ASIC_NS}}}ASiCManifest":
        raise ManifestError("Tệp META-INF/ASiCManifest.xml không phải bảng kê ASiC (sai phần tử gốc hoặc không gian tên).")
    sig_refs = root.findall(f"{{{ASIC_NS}}}SigReference")
    if len(sig_refs) != 1:
        raise ManifestError("Bảng kê phải có đúng một tham chiếu tới chữ ký (SigReference).")
    references = []
    for element in root.findall(f"{{{ASIC_NS}}}DataObjectReference"):
        name = _uri_to_name(element.get("URI"))
        method = element.find(f"{{{DS_NS}}}DigestMethod")
        value = element.find(f"{{{DS_NS}}}DigestValue")
        if method is None or value is None:
            raise ManifestError(f"Mục “{name}” trong bảng kê thiếu mã băm.")
        algorithm = DIGEST_URIS.get(method.get("Algorithm", ""))
        if algorithm is None:
            raise ManifestError(f"Mục “{name}” trong bảng kê dùng thuật toán băm không được hỗ trợ.")
        try:
            digest = base64.b64decode((value.text or "").strip(), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ManifestError(f"Mã băm của “{name}” trong bảng kê không đúng dạng base64.") from exc
        if len(digest) != _DIGEST_SIZES[algorithm]:
            raise ManifestError(f"Mã băm của “{name}” trong bảng kê có độ dài sai.")
        references.append(ManifestReference(name, element.get("MimeType") or "", algorithm, digest))
    return Manifest(
        sig_reference=_uri_to_name(sig_refs[0].get("URI")),
        sig_mime_type=sig_refs[0].get("MimeType"),
        references=tuple(references),
    )
