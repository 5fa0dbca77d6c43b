"""Signing a PDF: PAdES baseline B-B (B-T with a time stamp) with a visible appearance.

Nghị định 30/2020/NĐ-CP (Phụ lục I) describes how a digitally signed
electronic document looks: the image of the signer's signature, with the
organisation's seal image laid over about one third of it on the left. When
the caller has those images (transparent PNGs) they are shown that way;
otherwise the appearance is a text block naming the organisation, the signer
and the signing time in ISO 8601 with the Vietnam offset
(``2026-11-22T09:15:00+07:00``). The time shown is exactly the time recorded
in the signature: the signer is pinned to one moment for both.

Text uses the bundled Liberation Serif through pyHanko's OpenType support
(see :mod:`.fonts`) because the standard PDF fonts have no Vietnamese letters.

Signing is incremental: the original bytes stay as they were and the
signature is appended, so an earlier signature on the same file stays valid.
"""
from __future__ import annotations

import io
import os
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.content import PdfContent
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import BoxConstraints
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.timestamps import HTTPTimeStamper, TimeStamper, TimestampRequestError
from pyhanko.stamp import StaticStampStyle, TextStampStyle

from desktop.errors import UserError, explain_pdf_error, os_reason
from desktop.files import atomic_write, read_file
from desktop.signing.certs import check_signing_certificate, format_vn_time
from desktop.signing.fonts import VietnameseFontFactory
from desktop.signing.keys import SigningIdentity, signing_errors

__all__ = ["SignatureAppearance", "SignedPdf", "sign_pdf", "DEFAULT_BOX_SIZE", "appearance_text"]

# Width and height of the default signature box, and its distance from the page edges (points).
DEFAULT_BOX_SIZE = (200.0, 80.0)
DEFAULT_MARGIN = 36.0
# Images are scaled down to this many pixels on their long side: plenty for a
# printed signature, and it keeps a scanned 4000-pixel seal from bloating every PDF.
MAX_IMAGE_PIXELS = 1000


@dataclass(frozen=True)
class SignatureAppearance:
    """What the visible signature shows and where.

    ``page`` counts from 0; negative numbers count from the end (default: the
    last page). ``box`` is ``(x1, y1, x2, y2)`` in PDF points from the page's
    lower-left corner; by default a 200×80 pt box in the lower right corner,
    above any signature already there.
    Without images, the text names ``organisation`` and ``signer_name``
    (both default to the certificate's O and CN).
    """

    signature_image: Path | bytes | None = None
    seal_image: Path | bytes | None = None
    organisation: str | None = None
    signer_name: str | None = None
    page: int = -1
    box: tuple[float, float, float, float] | None = None


@dataclass(frozen=True)
class SignedPdf:
    """What was signed: the field used, the recorded time and the PAdES level."""

    field_name: str
    signing_time: datetime
    level: str
    page_index: int
    box: tuple[int, int, int, int]


def appearance_text(organisation: str | None, signer_name: str, signing_time: datetime) -> str:
    """The text block shown when no images are given (one fact per line)."""
    lines = []
    if organisation:
        lines.append(f"Cơ quan: {organisation}")
    lines.append(f"Người ký: {signer_name}")
    lines.append(f"Thời gian ký: {format_vn_time(signing_time)}")
    return unicodedata.normalize("NFC", "\n".join(lines))


class _PinnedTimeSigner(signers.PdfSigner):
    """A PdfSigner whose signing session uses a time chosen beforehand.

    pyHanko takes "now" inside the session; pinning it lets the appearance
    text, the /M entry and the CMS signing-time attribute all carry the same
    second.
    """

    def __init__(self, *args: Any, signing_time: datetime, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._signing_time = signing_time

    def init_signing_session(self, pdf_out, existing_fields_only=False):
        session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
        session.system_time = self._signing_time
        return session


def _load_image(source: Path | bytes, what: str):
    from PIL import Image, UnidentifiedImageError

    try:
        if isinstance(source, (bytes, bytearray)):
            image = Image.open(io.BytesIO(source))
        else:
            image = Image.open(Path(source))
        image.load()
    except FileNotFoundError as exc:
        raise UserError(f"Không tìm thấy tệp ảnh {what} {source}.") from exc
    except (UnidentifiedImageError, OSError) as exc:
        raise UserError(f"Tệp ảnh {what} không đọc được; hãy dùng ảnh PNG nền trong suốt.") from exc
    # pyHanko embeds RGB/L with an alpha soft mask; palette or tRNS transparency must become RGBA first.
    if image.mode not in ("RGB", "RGBA", "L", "LA") or "transparency" in image.info:
        image = image.convert("RGBA")
    if max(image.size) > MAX_IMAGE_PIXELS:
        image.thumbnail((MAX_IMAGE_PIXELS, MAX_IMAGE_PIXELS))
    return image


class _SignatureAndSeal(PdfContent):
    """The signature image with the seal over its left third (Nghị định 30/2020, Phụ lục I).

    Coordinates are in an abstract frame 100 units high; the stamp's layout
    rule then scales the whole picture into the field, keeping proportions.
    """

    HEIGHT = 100.0
    SIGNATURE_SHARE = 0.75  # the signature is drawn a little smaller than the round seal

    def __init__(self, signature, seal):
        super().__init__()
        self._parts: list[tuple[Any, float, float, float, float]] = []  # image, x, y, w, h
        h = self.HEIGHT
        sig_w = sig_h = seal_w = 0.0
        if signature is not None:
            sig_h = h * (self.SIGNATURE_SHARE if seal is not None else 1.0)
            sig_w = sig_h * signature.width / signature.height
        if seal is not None:
            seal_w = h * seal.width / seal.height
        # The seal's right edge lies one third into the signature.
        sig_x = seal_w - sig_w / 3 if seal is not None else 0.0
        seal_x = 0.0
        if sig_x < 0:  # a seal narrower than a third of the signature
            seal_x, sig_x = -sig_x, 0.0
        if signature is not None:
            self._parts.append((signature, sig_x, (h - sig_h) / 2, sig_w, sig_h))
        if seal is not None:  # drawn last: the seal lies over the signature
            self._parts.append((seal, seal_x, 0.0, seal_w, h))
        width = max(x + w for _, x, _, w, _ in self._parts)
        self.box = BoxConstraints(width=width, height=h)

    def render(self) -> bytes:
        from pyhanko.pdf_utils.images import PdfImage

        commands = []
        for image, x, y, w, h in self._parts:
            pdf_image = PdfImage(image, writer=self.writer, box=BoxConstraints(width=w, height=h))
            drawn = pdf_image.render()
            self.import_resources(pdf_image.resources)
            commands.append(b"q 1 0 0 1 %g %g cm %s Q" % (x, y, drawn))
        return b" ".join(commands)


def _image_style(appearance: SignatureAppearance) -> StaticStampStyle:
    signature = _load_image(appearance.signature_image, "chữ ký") if appearance.signature_image else None
    seal = _load_image(appearance.seal_image, "con dấu") if appearance.seal_image else None
    return StaticStampStyle(
        background=_SignatureAndSeal(signature, seal),
        background_opacity=1.0,
        border_width=0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(2),
        ),
    )


def _text_style() -> TextStampStyle:
    from pyhanko.pdf_utils.text import TextBoxStyle

    return TextStampStyle(
        stamp_text="%(body)s",
        text_box_style=TextBoxStyle(font=VietnameseFontFactory(font_size=10), font_size=10, leading=13),
        border_width=1,
        border_color=(0.75, 0.0, 0.0),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MIN,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(5),
        ),
    )


def _inherited(page: Any, key: str) -> Any:
    node = page
    while node is not None:
        if key in node:
            return node[key]
        node = node.get("/Parent")
        node = node.get_object() if node is not None else None
    return None


def _page_geometry(writer: IncrementalPdfFileWriter, page: int) -> tuple[int, list[float]]:
    """The 0-based page index and its visible rectangle (CropBox, else MediaBox)."""
    reader = writer.prev
    count = int(reader.root["/Pages"]["/Count"])
    index = page if page >= 0 else count + page
    if not 0 <= index < count:
        raise UserError(f"Tài liệu chỉ có {count} trang; không có trang {page + 1 if page >= 0 else page} để đặt chữ ký.")
    page_ref, _ = writer.find_page_for_modification(index)
    page_obj = page_ref.get_object()
    rect = _inherited(page_obj, "/CropBox") or _inherited(page_obj, "/MediaBox")
    x1, y1, x2, y2 = (float(v) for v in rect)
    return index, [min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)]


def _signature_rects(writer: IncrementalPdfFileWriter, page_index: int) -> list[tuple[float, ...]]:
    """Rectangles of the signature widgets already on the page."""
    page_ref, _ = writer.find_page_for_modification(page_index)
    annots = page_ref.get_object().get("/Annots")
    rects = []
    for ref in (annots.get_object() if annots is not None else []):
        annot = ref.get_object()
        kind = annot.get("/FT")
        if kind is None and "/Parent" in annot:
            kind = annot["/Parent"].get_object().get("/FT")
        if kind == "/Sig" and "/Rect" in annot:
            x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
            rects.append((min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)))
    return rects


def _default_box(rect: list[float], taken: list[tuple[float, ...]]) -> tuple[float, float, float, float]:
    """Lower right of the page, moved up past signatures already there (a second signer's turn)."""
    width, height = DEFAULT_BOX_SIZE
    x2 = rect[2] - DEFAULT_MARGIN
    y1 = rect[1] + DEFAULT_MARGIN
    while y1 + height <= rect[3] - DEFAULT_MARGIN:
        box = (x2 - width, y1, x2, y1 + height)
        clash = [t for t in taken if box[0] < t[2] and t[0] < box[2] and box[1] < t[3] and t[1] < box[3]]
        if not clash:
            return box
        y1 = max(t[3] for t in clash) + 8
    return (x2 - width, rect[1] + DEFAULT_MARGIN, x2, rect[1] + DEFAULT_MARGIN + height)


def _field_name(writer: IncrementalPdfFileWriter, wanted: str | None) -> str:
    existing = {name for name, _, _ in fields.enumerate_sig_fields(writer.prev)}
    if wanted:
        if wanted in existing:
            raise UserError(f"Tài liệu đã có trường chữ ký “{wanted}”; hãy đặt tên khác.")
        return wanted
    n = 1
    while f"ChuKySo{n}" in existing:
        n += 1
    return f"ChuKySo{n}"


def _read_input(source: Path | bytes | IO[bytes]) -> bytes:
    if isinstance(source, (bytes, bytearray)):
        return bytes(source)
    if isinstance(source, (str, Path)):
        return read_file(source, "tệp PDF")
    return source.read()


def sign_pdf(
    source: Path | bytes | IO[bytes],
    output: Path | IO[bytes],
    identity: SigningIdentity,
    *,
    appearance: SignatureAppearance | None = None,
    reason: str | None = None,
    location: str | None = None,
    field_name: str | None = None,
    timestamp_url: str | None = None,
    timestamper: TimeStamper | None = None,
    signing_time: datetime | None = None,
) -> SignedPdf:
    """Sign ``source`` into ``output`` (a path, written atomically, or a binary stream).

    The level is PAdES B-B, or B-T when ``timestamp_url`` (an RFC 3161 time
    stamping service) or a ready ``timestamper`` is given. ``signing_time``
    defaults to now; it is checked against the certificate's validity.
    ``output`` may be the same path as ``source``.
    """
    appearance = appearance or SignatureAppearance()
    moment = (signing_time or datetime.now(timezone.utc)).replace(microsecond=0)
    if moment.tzinfo is None:
        raise ValueError("signing_time must carry its time zone")
    check_signing_certificate(identity.certificate, moment)
    data = _read_input(source)

    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except (PdfReadError, ValueError, KeyError, IndexError) as exc:
        name = Path(source).name if isinstance(source, (str, Path)) else "cần ký"
        if not data.lstrip()[:5].startswith(b"%PDF"):
            raise UserError(f"Tệp “{name}” không phải tài liệu PDF. Hãy chọn đúng tệp .pdf cần ký.") from exc
        raise UserError(explain_pdf_error(name)) from exc
    if writer.prev.encrypted:
        raise UserError("Tài liệu PDF đang được đặt mật khẩu; hãy gỡ mật khẩu trước khi ký.")

    try:
        page_index, rect = _page_geometry(writer, appearance.page)
        name = _field_name(writer, field_name)
        chosen = appearance.box or _default_box(rect, _signature_rects(writer, page_index))
    except (PdfReadError, KeyError, TypeError, ValueError) as exc:
        raise UserError("Cấu trúc trang của tài liệu PDF bị hỏng; không đặt được chữ ký.") from exc
    box = tuple(int(round(v)) for v in chosen)
    if box[2] <= box[0] or box[3] <= box[1]:
        raise UserError("Khung chữ ký phải có chiều rộng và chiều cao dương.")

    if appearance.signature_image or appearance.seal_image:
        style = _image_style(appearance)
        text_params = None
    else:
        style = _text_style()
        body = appearance_text(
            appearance.organisation if appearance.organisation is not None else identity.organisation,
            appearance.signer_name or identity.name,
            moment,
        )
        text_params = {"body": body}

    if timestamper is None and timestamp_url:
        timestamper = HTTPTimeStamper(timestamp_url, timeout=15)
    meta = signers.PdfSignatureMetadata(
        field_name=name,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
        name=appearance.signer_name or identity.name,
    )
    pdf_signer = _PinnedTimeSigner(
        meta,
        identity.signer,
        timestamper=timestamper,
        stamp_style=style,
        new_field_spec=fields.SigFieldSpec(sig_field_name=name, on_page=page_index, box=box),
        signing_time=moment,
    )

    buffer = io.BytesIO()
    with signing_errors(identity):
        try:
            pdf_signer.sign_pdf(writer, appearance_text_params=text_params, output=buffer)
        except TimestampRequestError as exc:
            raise UserError(
                f"Không lấy được dấu thời gian từ máy chủ {timestamp_url or 'cấp dấu thời gian'}. "
                "Hãy kiểm tra kết nối mạng hoặc tắt dấu thời gian."
            ) from exc
    _write_output(output, buffer.getvalue())
    return SignedPdf(
        field_name=name,
        signing_time=moment,
        level="B-T" if timestamper is not None else "B-B",
        page_index=page_index,
        box=box,  # type: ignore[arg-type]
    )


def _write_output(output: Path | IO[bytes], data: bytes) -> None:
    """Write to a temporary file beside the target and rename, so a failure leaves the old file intact."""
    if not isinstance(output, (str, Path)):
        output.write(data)
        return
    target = Path(output)
    try:
        with atomic_write(target) as tmp, open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise UserError(f"Không ghi được tệp {target}: {os_reason(exc)}.") from exc


