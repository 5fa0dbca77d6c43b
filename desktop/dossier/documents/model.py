"""The document model: what a drafted administrative document says, not how it looks.

A :class:`Document` is the single thing both renderers (PDF and DOCX) read and the
window editor changes. It holds text and structure only (header fields, title,
sections made of paragraphs, lists and tables, signature blocks); fonts, sizes and
positions are the renderers' business, because NĐ 30/2020 fixes them per element.

Every piece of text that ends up on the page is produced by a method of this
module (``number_line``, ``place_date_line``, ``recipient_lines`` …), and
:meth:`Document.plain_text` is built from the same methods. That is what lets a
test read a rendered PDF back and compare it with the model word for word.

All values are frozen dataclasses with tuples, so a document can be compared,
hashed and safely shared between the editor and a background renderer; use
:func:`dataclasses.replace` (or :meth:`Document.with_section_blocks`) to change one.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

from desktop.dossier.documents.layout import MOTTO, NATIONAL_NAME, NOI_NHAN_LABEL, RECIPIENTS_LABEL

__all__ = [
    "BLANK",
    "CLASSIFICATIONS",
    "Block",
    "BulletList",
    "DateParts",
    "Document",
    "Header",
    "Paragraph",
    "Run",
    "Section",
    "SignatureBlock",
    "Table",
    "TitleLine",
    "block_text_lines",
    "nfc",
    "runs_text",
]

# What a left-blank number or date part prints as. No-break spaces keep the gap
# visible in both renderers (ordinary runs of spaces collapse in a PDF paragraph)
# so the e-office system or a pen can fill it in later.
BLANK = "\u00a0" * 6

Classification = Literal["thuong", "mat", "toi_mat", "tuyet_mat"]

# Độ mật (box 10a). "thuong" prints nothing.
CLASSIFICATIONS: dict[str, str] = {
    "thuong": "",
    "mat": "MẬT",
    "toi_mat": "TỐI MẬT",
    "tuyet_mat": "TUYỆT MẬT",
}

SignaturePosition = Literal["left", "right", "bottom"]


def nfc(text: str) -> str:
    """NFC form of ``text``: the form the PDF glyph mapping and the tests rely on."""
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style. Text is stored in NFC."""

    text: str
    bold: bool = False
    italic: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", nfc(self.text))


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of body text (justified, first line indented when rendered)."""

    runs: tuple[Run, ...]

    @classmethod
    def of(cls, text: str, *, bold: bool = False, italic: bool = False) -> Paragraph:
        return cls((Run(text, bold, italic),))

    @property
    def text(self) -> str:
        return runs_text(self.runs)


@dataclass(frozen=True)
class BulletList:
    """A "- " list, the dash list used in Vietnamese administrative text."""

    items: tuple[tuple[Run, ...], ...]

    @classmethod
    def of(cls, *items: str) -> BulletList:
        return cls(tuple((Run(item),) for item in items))


@dataclass(frozen=True)
class Table:
    """A simple ruled table.

    ``widths`` are relative integers (3, 20, 12 …), one per column, scaled to the
    text width by the renderer; keeping them integers lets the editor markup
    spell them exactly. ``header`` may be empty for a table without header row.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]
    bold_header: bool = True

    def __post_init__(self) -> None:
        columns = len(self.widths)
        if columns == 0:
            raise ValueError("table without columns")
        if self.header and len(self.header) != columns:
            raise ValueError("header and widths differ in length")
        if any(len(row) != columns for row in self.rows):
            raise ValueError("a row has the wrong number of cells")
        if any(w < 1 for w in self.widths):
            raise ValueError("column widths must be positive")
        object.__setattr__(self, "header", tuple(nfc(c) for c in self.header))
        object.__setattr__(self, "rows", tuple(tuple(nfc(c) for c in row) for row in self.rows))

    @property
    def columns(self) -> int:
        return len(self.widths)

    def fractions(self) -> list[float]:
        total = sum(self.widths)
        return [w / total for w in self.widths]


Block = Paragraph | BulletList | Table


@dataclass(frozen=True)
class Section:
    """A numbered part of the body ("I. THÔNG TIN CHUNG") or an unheaded run of text.

    ``id`` is stable across drafts (it comes from the form file) so that text the
    clerk edited can be put back into the same place after recomposing.
    """

    id: str
    heading: str
    blocks: tuple[Block, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "heading", nfc(self.heading))


@dataclass(frozen=True)
class DateParts:
    """A date whose parts may be left blank for the e-office system to fill in."""

    day: int | None = None
    month: int | None = None
    year: int | None = None

    def text(self) -> str:
        """``ngày 05 tháng 8 năm 2025`` (NĐ 30: leading zero for days < 10 and months 1–2)."""
        day = f"{self.day:02d}" if self.day else BLANK
        if self.month:
            month = f"{self.month:02d}" if self.month <= 2 else str(self.month)
        else:
            month = BLANK
        year = str(self.year) if self.year else BLANK
        return f"ngày {day} tháng {month} năm {year}"


@dataclass(frozen=True)
class Header:
    """The top of page 1: boxes 1–4 and 10a of NĐ 30/2020 Phụ lục I."""

    issuing_body: str
    governing_body: str = ""
    number: str = ""
    symbol: str = ""
    place: str = ""
    date: DateParts = DateParts()
    show_agency: bool = True
    show_number: bool = True
    show_place_date: bool = True

    def __post_init__(self) -> None:
        for name in ("issuing_body", "governing_body", "number", "symbol", "place"):
            object.__setattr__(self, name, nfc(getattr(self, name)))

    def agency_lines(self) -> tuple[str, str]:
        """(governing body, issuing body), both upper case as NĐ 30 prints them."""
        return self.governing_body.upper(), self.issuing_body.upper()

    def number_line(self) -> str:
        """``Số: 05/TTr-STP``; a blank number keeps its gap (``Số:      /TTr-STP``)."""
        number = self.number.strip()
        if number.isdigit() and int(number) < 10:
            number = f"{int(number):02d}"
        return f"Số: {number or BLANK}/{self.symbol}"

    def place_date_line(self) -> str:
        place = self.place or BLANK
        return f"{place}, {self.date.text()}"


@dataclass(frozen=True)
class TitleLine(Run):
    """One line of the title block under the type name (trích yếu, campaign line …): bold unless told otherwise."""

    bold: bool = True


@dataclass(frozen=True)
class SignatureBlock:
    """Boxes 7a–7c: authority (``KT. GIÁM ĐỐC``), title, note, signer's name.

    ``position`` is where the block sits: ``left`` / ``right`` in the two columns
    under the body, ``bottom`` centred below them (the "xác nhận của cấp trình
    khen thưởng" of a báo cáo thành tích).
    """

    position: SignaturePosition
    authority: str = ""
    title: str = ""
    note: str = ""
    name: str = ""

    def __post_init__(self) -> None:
        if self.position not in ("left", "right", "bottom"):
            raise ValueError(f"unknown signature position {self.position!r}")
        for name in ("authority", "title", "note", "name"):
            object.__setattr__(self, name, nfc(getattr(self, name)))

    def lines(self) -> list[tuple[str, str]]:
        """(role, text) of the non-empty lines, top to bottom; roles name the style."""
        out: list[tuple[str, str]] = []
        if self.authority:
            out.append(("authority", self.authority.upper()))
        if self.title:
            out.append(("title", self.title.upper()))
        if self.note:
            out.append(("note", self.note))
        if self.name:
            out.append(("name", self.name))
        return out


def runs_text(runs: tuple[Run, ...]) -> str:
    return "".join(run.text for run in runs)


def _punctuated(items: tuple[str, ...], *, dash: bool = True) -> list[str]:
    """List lines the NĐ 30 way: "- " first, ";" after each, "." after the last."""
    out: list[str] = []
    last = len(items) - 1
    for i, item in enumerate(items):
        text = item.strip().rstrip(";.,").rstrip()
        text += "." if i == last else ";"
        out.append(f"- {text}" if dash else text)
    return out


def block_text_lines(block: Block) -> list[str]:
    """The lines of one block as they are printed (bullets with their "- ")."""
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, BulletList):
        return [f"- {runs_text(item)}" for item in block.items]
    lines = []
    if block.header:
        lines.append(" ".join(block.header))
    lines.extend(" ".join(row) for row in block.rows)
    return lines


@dataclass(frozen=True)
class Document:
    """A whole drafted document, in reading order.

    ``form_id`` names the form file it was composed from; ``recipients`` is the
    "Kính gửi" part (box 9a) and ``noi_nhan`` the "Nơi nhận" list (box 9b), each
    stored without its dash and closing punctuation, which the document adds.
    """

    form_id: str
    header: Header
    type_name: str
    title_lines: tuple[TitleLine, ...] = ()
    classification: Classification = "thuong"
    recipients: tuple[str, ...] = ()
    bases: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    closing: str = ""
    noi_nhan: tuple[str, ...] = ()
    signatures: tuple[SignatureBlock, ...] = field(default=())
    layout: str = "ND30-1.4"     # the form's layout (forms.LAYOUTS); "ND30-1.5" is a công văn

    @property
    def is_cong_van(self) -> bool:
        """A công văn (NĐ 30/2020 Mẫu 1.5): no type name; its trích yếu "V/v …" sits under the Số line."""
        return self.layout == "ND30-1.5"

    def __post_init__(self) -> None:
        if self.classification not in CLASSIFICATIONS:
            raise ValueError(f"unknown classification {self.classification!r}")
        if len(self.signatures) > 3:
            raise ValueError("at most three signature blocks")
        positions = [s.position for s in self.signatures]
        if len(set(positions)) != len(positions):
            raise ValueError("two signature blocks in the same position")
        object.__setattr__(self, "type_name", nfc(self.type_name))
        object.__setattr__(self, "closing", nfc(self.closing))
        object.__setattr__(self, "recipients", tuple(nfc(r) for r in self.recipients))
        object.__setattr__(self, "bases", tuple(nfc(b) for b in self.bases))
        object.__setattr__(self, "noi_nhan", tuple(nfc(n) for n in self.noi_nhan))

    # Text of the composite elements, shared by renderers and plain_text().

    @property
    def classification_mark(self) -> str:
        return CLASSIFICATIONS[self.classification]

    def recipient_lines(self) -> list[str]:
        """Lines after "Kính gửi:": one recipient on the same line, several as a list."""
        if not self.recipients:
            return []
        if len(self.recipients) == 1:
            return [self.recipients[0].strip().rstrip(";.").rstrip() + "."]
        return _punctuated(self.recipients)

    def basis_lines(self) -> list[str]:
        """Căn cứ lines: ";" after each, "." after the last (NĐ 30 II.6.a)."""
        return _punctuated(self.bases, dash=False)

    def noi_nhan_lines(self) -> list[str]:
        return _punctuated(self.noi_nhan)

    def signature(self, position: str) -> SignatureBlock | None:
        for block in self.signatures:
            if block.position == position:
                return block
        return None

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def with_section_blocks(self, section_id: str, blocks: tuple[Block, ...]) -> Document:
        """A copy with one section's blocks replaced (what the editor saves)."""
        self.section(section_id)
        sections = tuple(
            replace(s, blocks=tuple(blocks)) if s.id == section_id else s for s in self.sections
        )
        return replace(self, sections=sections)

    def text_lines(self) -> Iterator[str]:
        """Every printed line in reading order: header left column, header right
        column, title, Kính gửi, căn cứ, body, closing, Nơi nhận, signatures
        (left, right, bottom). Empty lines are skipped."""
        header = self.header
        lines: list[str] = []
        if header.show_agency:
            governing, issuing = header.agency_lines()
            lines += [governing, issuing]
        if header.show_number:
            lines.append(header.number_line())
        if self.is_cong_van:
            lines += [t.text for t in self.title_lines]
        lines.append(self.classification_mark)
        lines += [NATIONAL_NAME, MOTTO]
        if header.show_place_date:
            lines.append(header.place_date_line())
        if not self.is_cong_van:
            lines.append(self.type_name.upper())
            lines += [t.text for t in self.title_lines]
        recipients = self.recipient_lines()
        if recipients:
            lines.append(RECIPIENTS_LABEL)
            lines += recipients
        lines += self.basis_lines()
        for section in self.sections:
            lines.append(section.heading)
            for block in section.blocks:
                lines += block_text_lines(block)
        lines.append(self.closing)
        if self.noi_nhan:
            lines.append(NOI_NHAN_LABEL)
            lines += self.noi_nhan_lines()
        for position in ("left", "right", "bottom"):
            block = self.signature(position)
            if block:
                lines += [text for _, text in block.lines()]
        for line in lines:
            if line and line.strip():
                yield line

    def plain_text(self) -> str:
        """The document's text in reading order, one printed element per line."""
        return "\n".join(self.text_lines())
