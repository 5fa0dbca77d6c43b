"""Rendering a :class:`~.model.Document` to PDF with reportlab, the NĐ 30/2020 way.

The page rules come from :mod:`.layout`; the text of every composite element
(number line, place-date line, "Kính gửi", Nơi nhận …) comes from the model, so
the PDF's extractable text is the document's text. Fonts are TrueType, embedded
as subsets (``FontFile2``) with a ToUnicode map, so Vietnamese survives copy and
paste and search; text is NFC so that each letter is one precomposed glyph.

The file is written next to its destination and renamed into place, so an
interrupted export never leaves a half-written PDF under the real name.
"""
from __future__ import annotations

import functools
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import (
    Paragraph as RLParagraph,
)
from reportlab.platypus import (
    Table as RLTable,
)

from desktop.dossier.documents import layout as L
from desktop.files import atomic_write
from desktop.dossier.documents.fonts import FontFamily, face, find_family
from desktop.dossier.documents.model import BulletList, Document, Paragraph, Run, SignatureBlock, Table

__all__ = ["register_family", "render_pdf", "text_width"]

_BLACK = colors.black


def register_family(family: FontFamily) -> dict[str, str]:
    """Register the four styles with reportlab (once) and return their font names."""
    names = {
        "regular": family.name,
        "bold": f"{family.name}-Bold",
        "italic": f"{family.name}-Italic",
        "bold_italic": f"{family.name}-BoldItalic",
    }
    registered = set(pdfmetrics.getRegisteredFontNames())
    for style, font_name in names.items():
        if font_name not in registered:
            pdfmetrics.registerFont(TTFont(font_name, str(family.files[style])))
    pdfmetrics.registerFontFamily(
        family.name,
        normal=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        boldItalic=names["bold_italic"],
    )
    return names


@functools.cache
def text_width(text: str, font_name: str, size: float) -> float:
    """The width of ``text`` in a registered font, in points, remembered: display lines are measured over
    and over (each way of breaking them, in the PDF and the DOCX, in every document of a dossier)."""
    return pdfmetrics.stringWidth(text, font_name, size)


class _Styles:
    """Paragraph styles of each element (legal.md B.2), for one font family."""

    def __init__(self, fonts: dict[str, str]):
        self.fonts = fonts

        def style(name: str, size: float, *, font: str = "regular", align=TA_CENTER, **kw) -> ParagraphStyle:
            return ParagraphStyle(
                name,
                fontName=fonts[font],
                fontSize=size,
                leading=kw.pop("leading", size * 1.15),
                alignment=align,
                textColor=_BLACK,
                **kw,
            )

        body_leading = L.SIZE_BODY * L.LINE_SPACING
        self.governing = style("governing", L.SIZE_GOVERNING)
        self.issuing = style("issuing", L.SIZE_ISSUING, font="bold")
        self.number = style("number", L.SIZE_NUMBER)
        self.classification = style("classification", L.SIZE_CLASSIFICATION, font="bold")
        self.national = style("national", L.SIZE_NATIONAL, font="bold")
        self.motto = style("motto", L.SIZE_MOTTO, font="bold")
        self.place_date = style("place_date", L.SIZE_PLACE_DATE, font="italic")
        self.type_name = style("type_name", L.SIZE_TYPE_NAME, font="bold", spaceBefore=L.PARAGRAPH_SPACE_PT * 3)
        self.title = style("title", L.SIZE_TITLE, font="bold")
        self.cong_van_title = style("cong_van_title", L.SIZE_TITLE_CONG_VAN)
        self.recipients = style("recipients", L.SIZE_BODY, align=TA_LEFT, leading=body_leading)
        self.body = style(
            "body",
            L.SIZE_BODY,
            align=TA_JUSTIFY,
            leading=body_leading,
            firstLineIndent=L.FIRST_LINE_INDENT_MM * mm,
            spaceAfter=L.PARAGRAPH_SPACE_PT,
        )
        self.basis = ParagraphStyle("basis", parent=self.body, fontName=fonts["italic"])
        self.heading = ParagraphStyle("heading", parent=self.body, fontName=fonts["bold"], keepWithNext=1)
        self.cell = style("cell", L.SIZE_TABLE, align=TA_LEFT, leading=L.SIZE_TABLE * 1.15)
        self.cell_center = ParagraphStyle("cell_center", parent=self.cell, alignment=TA_CENTER)
        self.cell_header = ParagraphStyle("cell_header", parent=self.cell_center, fontName=fonts["bold"])
        self.sign_authority = style("sign_authority", L.SIZE_SIGNATURE, font="bold")
        self.sign_note = style("sign_note", L.SIZE_SIGNATURE_NOTE, font="italic")
        self.sign_name = style("sign_name", L.SIZE_SIGNATURE, font="bold")
        self.noi_nhan_label = style("noi_nhan_label", L.SIZE_NOI_NHAN_LABEL, font="bold_italic", align=TA_LEFT)
        self.noi_nhan = style("noi_nhan", L.SIZE_NOI_NHAN, align=TA_LEFT)


def _escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, for reportlab's paragraph markup (as ``xml.sax.saxutils.escape``
    does, which would load ``urllib.request`` and with it HTTP, e-mail and SSL)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _markup(runs: tuple[Run, ...]) -> str:
    """Runs → reportlab paragraph markup (escaped, <b>/<i> per run)."""
    out = []
    for run in runs:
        text = _escape(run.text)
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold:
            text = f"<b>{text}</b>"
        out.append(text)
    return "".join(out)


def _p(text: str, style: ParagraphStyle) -> RLParagraph:
    return RLParagraph(_escape(text), style)


def _centred(text: str, style: ParagraphStyle, width: float) -> RLParagraph:
    """A centred display line broken into even lines (see :func:`layout.balanced_lines`)."""
    lines = L.balanced_lines(text, lambda t: text_width(t, style.fontName, style.fontSize), width)
    return RLParagraph("<br/>".join(_escape(line) for line in lines), style)


class _Rule(Flowable):
    """A solid horizontal rule of a given length, centred in the space it is given.

    reportlab's HRFlowable ignores its alignment inside table cells and sits on
    the text above; the header rules (NĐ 30: under the issuing body, under the
    Tiêu ngữ) need to be centred under their line with a little air.
    """

    def __init__(self, length: float, above: float = 2.0, below: float = 0.0):
        super().__init__()
        self.length, self.above, self.below = length, above, below

    def wrap(self, available_width, available_height):
        self.avail = available_width
        return available_width, self.above + L.RULE_WIDTH_PT + self.below

    def draw(self):
        x = (self.avail - self.length) / 2
        y = self.below + L.RULE_WIDTH_PT / 2
        self.canv.setLineWidth(L.RULE_WIDTH_PT)
        self.canv.setLineCap(0)
        self.canv.line(x, y, x + self.length, y)


def _rule(width: float, space_after: float = 0, above: float = 3.0) -> _Rule:
    return _Rule(width, above=above, below=space_after)


_NO_PAD = [
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
]


class _Builder:
    def __init__(self, document: Document, fonts: dict[str, str]):
        self.doc = document
        self.fonts = fonts
        self.s = _Styles(fonts)
        self.width = L.TEXT_WIDTH_MM * mm

    def table_style(self, commands: list) -> TableStyle:
        """Table commands plus the document font: a table's own default is
        Helvetica, which would land unembedded in the page's font list."""
        return TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.fonts["regular"]),
            ("FONTSIZE", (0, 0), (-1, -1), L.SIZE_TABLE),
            *commands,
        ])

    # -- header (boxes 1–4, 10a)

    def header(self) -> list[Flowable]:
        h = self.doc.header
        s = self.s
        left_w, right_w = L.HEADER_LEFT_MM * mm, L.HEADER_RIGHT_MM * mm
        left: list[Flowable] = []
        if h.show_agency:
            governing, issuing = h.agency_lines()
            if governing:
                left.append(_centred(governing, s.governing, left_w))
            left.append(_centred(issuing, s.issuing, left_w))
            def measure(text: str) -> float:
                return text_width(text, self.fonts["bold"], L.SIZE_ISSUING)

            text_w = max(measure(line) for line in L.balanced_lines(issuing, measure, left_w))
            left.append(_rule(text_w * L.RULE_FRACTION))
        right_rule = text_width(L.MOTTO, self.fonts["bold"], L.SIZE_MOTTO)
        right: list[Flowable] = [
            _p(L.NATIONAL_NAME, s.national),
            _p(L.MOTTO, s.motto),
            _rule(right_rule),
        ]
        rows: list[list] = [[left, right]]
        second_left: list[Flowable] = []
        if h.show_number:
            second_left.append(_p(h.number_line(), s.number))
        if self.doc.is_cong_van:
            # Box 5b: the công văn's trích yếu, 6 pt under the Số line, centred in the left column.
            second_left.append(Spacer(1, L.CONG_VAN_TITLE_GAP_PT))
            second_left += [_centred(t.text, s.cong_van_title, left_w) for t in self.doc.title_lines]
        mark = self.doc.classification_mark
        second_right = [_p(h.place_date_line(), s.place_date)] if h.show_place_date else []
        if second_left or second_right:
            rows.append([second_left, second_right])
        if mark:
            rows.append([[_ClassificationStamp(mark, self.fonts["bold"], L.SIZE_CLASSIFICATION)], []])
        table = RLTable(rows, colWidths=[left_w, right_w], hAlign="LEFT")
        style = list(_NO_PAD)
        # The Số line and the place-date line share a row, so they share a baseline
        # (NĐ 30: "trên cùng một dòng với số, ký hiệu văn bản").
        for r in range(1, len(rows)):
            style.append(("TOPPADDING", (0, r), (-1, r), 6))
        if second_left and second_right:
            # reportlab sets a paragraph's first baseline one font size below its top;
            # pad the smaller "Số" line down so both baselines meet.
            style.append(("TOPPADDING", (0, 1), (0, 1), 6 + L.SIZE_PLACE_DATE - L.SIZE_NUMBER))
        table.setStyle(self.table_style(style))
        return [table]

    # -- title (box 5a), Kính gửi (9a), căn cứ

    def title(self) -> list[Flowable]:
        s = self.s
        if self.doc.is_cong_van:
            return [Spacer(1, L.PARAGRAPH_SPACE_PT * 3)]   # no type name; the trích yếu is in the header
        out: list[Flowable] = [_centred(self.doc.type_name.upper(), s.type_name, self.width)]
        widest = 0.0
        for line in self.doc.title_lines:
            font = face(line.bold, line.italic)
            style = ParagraphStyle(f"title_{font}", parent=s.title, fontName=self.fonts[font])
            out.append(_centred(line.text, style, self.width))
            measure = lambda t, f=self.fonts[font]: text_width(t, f, L.SIZE_TITLE)
            widest = max(widest, *(measure(x) for x in L.balanced_lines(line.text, measure, self.width)))
        if not self.doc.title_lines:
            widest = text_width(self.doc.type_name.upper(), self.fonts["bold"], L.SIZE_TYPE_NAME)
        out.append(_rule(widest * L.RULE_FRACTION, space_after=L.PARAGRAPH_SPACE_PT * 2, above=5.0))
        return out

    def recipients(self) -> list[Flowable]:
        lines = self.doc.recipient_lines()
        if not lines:
            return []
        s = self.s
        label_w = text_width(L.RECIPIENTS_LABEL + " ", self.fonts["regular"], L.SIZE_BODY)
        text_w = max(text_width(x, self.fonts["regular"], L.SIZE_BODY) for x in lines)
        list_w = min(text_w + 2, self.width - label_w)
        rows = [[_p(L.RECIPIENTS_LABEL if i == 0 else "", s.recipients), _p(line, s.recipients)] for i, line in enumerate(lines)]
        table = RLTable(rows, colWidths=[label_w, list_w], hAlign="CENTER")
        table.setStyle(self.table_style(_NO_PAD))
        return [table, Spacer(1, L.PARAGRAPH_SPACE_PT * 2)]

    def bases(self) -> list[Flowable]:
        return [_p(line, self.s.basis) for line in self.doc.basis_lines()]

    # -- body (box 6)

    def body(self) -> list[Flowable]:
        out: list[Flowable] = []
        for section in self.doc.sections:
            if section.heading:
                out.append(_p(section.heading, self.s.heading))
            for block in section.blocks:
                out += self.block(block)
        if self.doc.closing:
            out.append(_p(self.doc.closing, self.s.body))
        return out

    def block(self, block) -> list[Flowable]:
        if isinstance(block, Paragraph):
            return [RLParagraph(_markup(block.runs), self.s.body)]
        if isinstance(block, BulletList):
            return [RLParagraph("- " + _markup(item), self.s.body) for item in block.items]
        if isinstance(block, Table):
            return [self.table(block), Spacer(1, L.PARAGRAPH_SPACE_PT)]
        raise TypeError(type(block))

    def table(self, block: Table) -> RLTable:
        s = self.s
        widths = [f * self.width for f in block.fractions()]
        rows = []
        if block.header:
            header_style = s.cell_header if block.bold_header else s.cell_center
            rows.append([_p(c, header_style) for c in block.header])
        for row in block.rows:
            cells = []
            for i, c in enumerate(row):
                # Short cells (STT, counts, percentages) read better centred.
                centred = len(c) <= 8 and (i == 0 or c.replace(",", "").replace("%", "").isdigit())
                cells.append(_p(c, s.cell_center if centred else s.cell))
            rows.append(cells)
        heights = self._row_heights(rows, widths)
        frame = self._frame_height()
        tall = [r for r, h in enumerate(heights) if h > frame]
        # A row taller than a page (a long achievement described in one cell) splits inside its cells instead
        # of stopping the whole document; other tables keep their rows whole.
        table = RLTable(rows, colWidths=widths, repeatRows=1 if block.header else 0, hAlign="CENTER",
                        splitInRow=1 if tall else 0)
        table.setStyle(self.table_style([
            ("GRID", (0, 0), (-1, -1), 0.5, _BLACK),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            # A row that must be split across pages starts at its top in every cell, so the STT and the
            # short cells stay beside the beginning of the long text instead of in the middle of it.
            *[("VALIGN", (0, r), (-1, r), "TOP") for r in tall],
            # A group's label row ("I. Tập thể") stays with the first row of its group, never alone at
            # the foot of a page.
            *[("NOSPLIT", (0, r), (-1, r + 1)) for r in self._label_rows(block, rows)
              if heights[r] + heights[r + 1] + (heights[0] if block.header else 0) <= frame],
        ]))
        return table

    @staticmethod
    def _label_rows(block: Table, rows: list) -> list[int]:
        """Rows (indices in ``rows``) that only label the group below them: text in the first two cells at
        most, and a row after them."""
        first = 1 if block.header else 0
        return [first + i for i, row in enumerate(block.rows)
                if first + i + 1 < len(rows) and len(row) > 2 and not any(c.strip() for c in row[2:])]

    @staticmethod
    def _frame_height() -> float:
        return (L.PAGE_HEIGHT_MM - L.MARGIN_TOP_MM - L.MARGIN_BOTTOM_MM) * mm

    def _row_heights(self, rows: list[list[RLParagraph]], widths: list[float]) -> list[float]:
        """Each row's height as laid out (its tallest cell with the table's padding)."""
        frame = self._frame_height()
        return [max(cell.wrap(w - 6, frame)[1] for cell, w in zip(cells, widths)) + 5 for cells in rows]

    # -- Nơi nhận (9b) and signatures (7a–7c)

    def _signature_top(self, block: SignatureBlock, width: float) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = []
        for role, text in block.lines():
            if role in ("authority", "title"):
                out.append(_centred(text, s.sign_authority, width))
            elif role == "note":
                out.append(_centred(text, s.sign_note, width))
        return out

    def _signature_name(self, block: SignatureBlock) -> list[Flowable]:
        return [_p(block.name, self.s.sign_name)] if block.name else [Spacer(1, L.SIZE_SIGNATURE)]

    def _noi_nhan(self) -> list[Flowable]:
        if not self.doc.noi_nhan:
            return []
        out: list[Flowable] = [_p(L.NOI_NHAN_LABEL, self.s.noi_nhan_label)]
        out += [_p(line, self.s.noi_nhan) for line in self.doc.noi_nhan_lines()]
        return out

    def signatures(self) -> list[Flowable]:
        left = self.doc.signature("left")
        right = self.doc.signature("right")
        bottom = self.doc.signature("bottom")
        gap = Spacer(1, L.SIGNATURE_GAP_MM * mm)
        widths = [L.SIGN_LEFT_MM * mm, L.SIGN_RIGHT_MM * mm]
        out: list[Flowable] = [Spacer(1, L.PARAGRAPH_SPACE_PT)]
        if left and right:
            # Two signers: titles on one row and names on another, so the names
            # line up however many lines each title takes.
            half = self.width / 2
            rows = [
                [self._signature_top(left, half), self._signature_top(right, half)],
                [[gap], [Spacer(1, 1)]],
                [self._signature_name(left), self._signature_name(right)],
            ]
            noi_nhan = self._noi_nhan()
            if noi_nhan:
                rows.append([[Spacer(1, L.PARAGRAPH_SPACE_PT)] + noi_nhan, []])
            widths = [self.width / 2, self.width / 2]
        else:
            signer = right or left
            sign_cell = (
                self._signature_top(signer, widths[1]) + [gap] + self._signature_name(signer) if signer else []
            )
            rows = [[self._noi_nhan(), sign_cell]]
        table = RLTable(rows, colWidths=widths, hAlign="LEFT")
        table.setStyle(self.table_style(_NO_PAD))
        out.append(table)
        if bottom:
            bottom_cell = self._signature_top(bottom, self.width * 0.7) + [gap] + self._signature_name(bottom)
            centred = RLTable([[bottom_cell]], colWidths=[self.width], hAlign="CENTER")
            centred.setStyle(self.table_style(_NO_PAD))
            out += [Spacer(1, L.PARAGRAPH_SPACE_PT * 3), centred]
        return out

    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        story += self.header()
        story += self.title()
        story += self.recipients()
        story += self.bases()
        body = self.body()
        signatures = self.signatures()
        # Keep the last paragraph with the signatures, so a page never starts
        # with a signature block alone.
        tail = body[-1:] if body else []
        story += body[:-1] if body else []
        story.append(KeepTogether(tail + signatures))
        return story


class _ClassificationStamp(Flowable):
    """Độ mật (box 10a): the mark in bold capitals inside a single-line frame."""

    def __init__(self, text: str, font: str, size: float):
        super().__init__()
        self.text, self.font, self.size = text, font, size
        self.text_width = text_width(text, font, size)
        self.box_w, self.box_h = self.text_width + 8, size + 6
        self.hAlign = "CENTER"

    def wrap(self, available_width, available_height):
        self.avail = available_width
        return available_width, self.box_h + 4

    def draw(self):
        x = (self.avail - self.box_w) / 2
        c = self.canv
        c.setLineWidth(0.75)
        c.rect(x, 2, self.box_w, self.box_h)
        c.setFont(self.font, self.size)
        c.drawCentredString(x + self.box_w / 2, 2 + 3 + self.size * 0.2, self.text)


def _page_number(fonts: dict[str, str]):
    """onLaterPages callback: the page number centred in the top margin (page 2 on)."""

    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(fonts["regular"], L.SIZE_PAGE_NUMBER)
        x = (L.MARGIN_LEFT_MM + L.TEXT_WIDTH_MM / 2) * mm
        y = (L.PAGE_HEIGHT_MM - L.PAGE_NUMBER_FROM_TOP_MM) * mm
        canvas.drawCentredString(x, y, str(doc.page))
        canvas.restoreState()

    return draw


def render_pdf(document: Document, path: Path | str, *, family: FontFamily | None = None) -> Path:
    """Write ``document`` as an A4 PDF at ``path`` (atomically) and return the path."""
    path = Path(path)
    family = family or find_family()
    try:
        fonts = register_family(family)
    except (TTFError, OSError):
        # An installed Times New Roman reportlab cannot read or may not embed:
        # the bundled family has the same metrics.
        fonts = register_family(find_family(prefer_system=False))
    builder = _Builder(document, fonts)
    title = " ".join([document.type_name, *(t.text for t in document.title_lines)]).strip()
    with atomic_write(path, make_parents=True) as tmp:
        template = BaseDocTemplate(
            str(tmp),
            pagesize=A4,
            leftMargin=L.MARGIN_LEFT_MM * mm,
            rightMargin=L.MARGIN_RIGHT_MM * mm,
            topMargin=L.MARGIN_TOP_MM * mm,
            bottomMargin=L.MARGIN_BOTTOM_MM * mm,
            title=title,
            author=document.header.issuing_body,
            creator="Sổ thi đua",
            lang="vi-VN",
            # Otherwise every page lists reportlab's default Helvetica, a font that
            # is not embedded (PDF/A checkers and some e-office systems reject it).
            initialFontName=fonts["regular"],
            initialFontSize=L.SIZE_BODY,
        )
        # Frame paddings off: the margins are the decree's, to the millimetre.
        frame = Frame(
            template.leftMargin, template.bottomMargin, template.width, template.height,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
        )
        template.addPageTemplates([
            PageTemplate(id="first", frames=[frame], autoNextPageTemplate="later"),
            PageTemplate(id="later", frames=[frame], onPage=_page_number(fonts)),
        ])
        template.build(builder.story())
    return path
