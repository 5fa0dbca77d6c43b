"""Accepting a plain signed PDF (PAdES) without loading pyHanko's signers.

Asking pyHanko for a PDF's signatures (``reader.embedded_signatures``) or
validating one (``pyhanko.sign.validation``) imports ``pyhanko.sign``, whose
``__init__`` loads the PDF signers and, through the time-stamp client,
aiohttp: more than half a second before anything is checked. A PDF signed by
this app or by a common signing tool is the simplest case, and
:func:`accept_plain_pdf` judges that case from the same pieces pyHanko's
validator uses, the CMS part by :func:`~.cms_check.accept_detached`:

* the form has exactly one field, a filled signature field (``/FT /Sig``, a
  ``/T`` name, no ``/Kids``, no seed values ``/SV``, no ``/Lock``), and the
  document has no ``/Perms`` (no certification);
* its signature dictionary is ``/Type /Sig`` (or no ``/Type``), ``/SubFilter``
  ``ETSI.CAdES.detached`` or ``adbe.pkcs7.detached``, with no ``/Reference``
  (no DocMDP or FieldMDP transform);
* the ``/ByteRange`` ``[0 a b c]`` covers the whole file but the hole
  ``a..b``, which is exactly ``<`` the hex ``/Contents`` ``>``, and the
  signature belongs to the file's last revision: nothing was added after
  signing, so pyHanko's coverage is ``ENTIRE_FILE`` and no difference
  analysis runs;
* ``/Contents`` is a detached CMS SignedData over ``data`` that
  :func:`~.cms_check.accept_detached` accepts over the signed bytes (digest,
  signature, attributes, algorithms, no time-stamp, the chain to the trusted
  roots at the signing time, key usage).

It only ever *accepts*. Anything else (a second field, an update after
signing, a damaged byte, an unknown certificate, an unreadable date …) returns
``None`` and the caller asks pyHanko as before, so every failure reads exactly
as it did. What it returns carries the attributes the callers read from
pyHanko's ``EmbeddedPdfSignature`` and ``PdfSignatureStatus``, with the values
pyHanko gives such a signature.
"""
from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from asn1crypto import cms, core, x509

from desktop.package.cms_check import AcceptedSignature, accept_detached, signing_time

__all__ = ["PlainPdfSignature", "AcceptedPdfSignature", "accept_plain_pdf"]

_SUBFILTERS = {"/ETSI.CAdES.detached", "/adbe.pkcs7.detached"}


class Coverage(enum.Enum):
    """The one level of pyHanko's ``SignatureCoverageLevel`` accepted here (read by its name)."""

    ENTIRE_FILE = 3


class Modification(enum.Enum):
    """The one level of pyHanko's ``ModificationLevel`` accepted here (read by its name)."""

    NONE = 0


@dataclass(frozen=True)
class PlainPdfSignature:
    """The signature, read by the same attribute names as pyHanko's ``EmbeddedPdfSignature``."""

    field_name: str
    byte_range: list[int]
    signed_revision: int
    self_reported_timestamp: datetime | None
    other_embedded_certs: list[x509.Certificate]


@dataclass(frozen=True)
class AcceptedPdfSignature(AcceptedSignature):
    """A PDF signature that passed every check, read by the same attribute names as pyHanko's status."""

    signer_reported_dt: datetime | None = None
    coverage = Coverage.ENTIRE_FILE
    modification_level = Modification.NONE
    docmdp_ok = True
    bottom_line = True


def accept_plain_pdf(
    reader: Any, data: bytes, context_at: Callable[[datetime | None], Any], key_usages: set[str]
) -> tuple[PlainPdfSignature, AcceptedPdfSignature] | None:
    """The one signature of the PDF ``data`` (read by pyHanko's ``reader``) and its status, or ``None``.

    ``context_at(self-reported signing time or None)`` gives the
    pyhanko-certvalidator ``ValidationContext`` the full validator would get;
    the signer's certificate must carry at least one of ``key_usages``.
    """
    try:
        found = _plain_signature(reader, data)
        if found is None:
            return None
        field_name, byte_range, revision, signed_data, claimed = found
        _, length1, start2, length2 = byte_range
        content = data[:length1] + data[start2:start2 + length2]
        status = accept_detached(content, signed_data, context_at(claimed), key_usages)
    except Exception:  # noqa: BLE001 - anything unexpected is left to the full validator
        return None
    if status is None:
        return None
    signer = status.signing_cert.dump()
    others = [c.chosen for c in signed_data["certificates"] if c.chosen.dump() != signer]
    signature = PlainPdfSignature(field_name, byte_range, revision, claimed, others)
    return signature, AcceptedPdfSignature(status.signing_cert, status.validation_path, claimed)


def _plain_signature(reader: Any, data: bytes):
    """(field name, byte range, revision, SignedData, self-reported time) of the one plain signature, or ``None``."""
    from pyhanko.pdf_utils import generic

    if reader.encrypted or "/Perms" in reader.root:
        return None
    fields = reader.root["/AcroForm"]["/Fields"]
    if not isinstance(fields, generic.ArrayObject) or len(fields) != 1:
        return None
    field_ref = fields.raw_get(0)
    if not isinstance(field_ref, generic.IndirectObject):
        return None
    field = field_ref.get_object()
    if not isinstance(field, generic.DictionaryObject) or any(k in field for k in ("/Kids", "/SV", "/Lock")):
        return None
    name = field.get("/T")
    if field.get("/FT") != "/Sig" or not isinstance(name, generic.TextStringObject):
        return None
    sig_ref = field.raw_get("/V")
    if not isinstance(sig_ref, generic.IndirectObject):
        return None
    sig = sig_ref.get_object()
    if not isinstance(sig, generic.DictionaryObject) or "/Reference" in sig:
        return None
    if sig.get("/Type", "/Sig") != "/Sig" or sig.get("/SubFilter") not in _SUBFILTERS:
        return None

    byte_range = sig.raw_get("/ByteRange")
    if not isinstance(byte_range, generic.ArrayObject) or len(byte_range) != 4:
        return None
    if not all(isinstance(n, generic.NumberObject) and n >= 0 for n in byte_range):
        return None
    start1, length1, start2, length2 = (int(n) for n in byte_range)
    contents = sig.raw_get("/Contents", decrypt=generic.EncryptedObjAccess.RAW)
    if not isinstance(contents, (generic.TextStringObject, generic.ByteStringObject)):
        return None
    der = contents.original_bytes
    hole = data[length1:start2]
    if start1 != 0 or start2 + length2 != len(data) or len(hole) != 2 * len(der) + 2:
        return None
    if hole[:1] != b"<" or hole[-1:] != b">" or bytes.fromhex(hole[1:-1].decode("ascii")) != der:
        return None
    revision = reader.xrefs.get_last_change(sig_ref.reference)
    if revision != reader.xrefs.total_revisions - 1:
        return None

    info = cms.ContentInfo.load(der)
    if info["content_type"].native != "signed_data":
        return None
    signed_data = info["content"]
    encapsulated = signed_data["encap_content_info"]
    if encapsulated["content_type"].native != "data" or encapsulated["content"] is not core.VOID:
        return None
    if len(signed_data["signer_infos"]) != 1:
        return None
    claimed = signing_time(signed_data["signer_infos"][0])
    if claimed is None and "/M" in sig:
        claimed = generic.parse_pdf_date(sig["/M"], strict=reader.strict)
    return str(name), [start1, length1, start2, length2], revision, signed_data, claimed
