"""Rendering a :class:`~.model.Document` to DOCX with python-docx, the NĐ 30/2020 way.

The Word file is what the clerk opens to touch up and what goes with the PDF to
the national award-dossier system (legal.md A.1), so it must look like a
document typed by hand in Word: named paragraph styles for every element
(so a change of size is one click), Times New Roman set for Latin, East-Asian
and complex-script text alike (so Word never falls back to another font for a
Vietnamese letter), page margins and A4 set on the section, and the page number
as a PAGE field in a header that is blank on the first page.

Lines that NĐ 30 centres (agency names, title, signer's title) get explicit
line breaks at the same places as in the PDF, so both look the same; the
metrics of the bundled Liberation Serif equal those of Times New Roman.
"""
from __future__ import annotations

from pathlib import Path

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.oxml import serialize_part_xml
from docx.opc.package import Unmarshaller
from docx.opc.part import Part, PartFactory
from docx.opc.pkgreader import PackageReader
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.package import Package
from docx.parts.styles import StylesPart
from docx.shared import Mm, Pt
from docx.styles.style import StyleFactory

from desktop.dossier.documents import layout as L
from desktop.files import atomic_write
from desktop.dossier.documents.fonts import face, find_family
from desktop.dossier.documents.model import BulletList, Document, Paragraph, Run, SignatureBlock, Table
from desktop.dossier.documents.render_pdf import register_family, text_width

__all__ = ["FONT_NAME", "STYLE_NAMES", "render_docx"]

FONT_NAME = "Times New Roman"

_J, _C, _LEFT = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT


def _style(style_id: str, name: str, size: float, *, bold: bool = False, italic: bool = False,
           align: WD_ALIGN_PARAGRAPH = _C, indent: bool = False, after: float = 0) -> tuple:
    """A paragraph style: (ASCII id, name shown in Word, size, bold, italic, alignment, first-line indent,
    space after); the keywords give what differs from a plain centred line."""
    return style_id, name, size, bold, italic, align, indent, after


_STYLE_SPECS = {
    "governing": _style("VBCoQuanChuQuan", "Cơ quan chủ quản", L.SIZE_GOVERNING),
    "issuing": _style("VBCoQuanBanHanh", "Cơ quan ban hành", L.SIZE_ISSUING, bold=True),
    "number": _style("VBSoKyHieu", "Số, ký hiệu", L.SIZE_NUMBER),
    "classification": _style("VBDoMat", "Độ mật", L.SIZE_CLASSIFICATION, bold=True),
    "national": _style("VBQuocHieu", "Quốc hiệu", L.SIZE_NATIONAL, bold=True),
    "motto": _style("VBTieuNgu", "Tiêu ngữ", L.SIZE_MOTTO, bold=True),
    "place_date": _style("VBDiaDanh", "Địa danh, ngày tháng", L.SIZE_PLACE_DATE, italic=True),
    "type_name": _style("VBTenLoai", "Tên loại văn bản", L.SIZE_TYPE_NAME, bold=True),
    "title": _style("VBTrichYeu", "Trích yếu", L.SIZE_TITLE, bold=True),
    "cong_van_title": _style("VBTrichYeuCongVan", "Trích yếu công văn", L.SIZE_TITLE_CONG_VAN),
    "rule": _style("VBDuongKe", "Đường kẻ", 2),
    "recipients": _style("VBKinhGui", "Kính gửi", L.SIZE_BODY, after=L.PARAGRAPH_SPACE_PT),
    "basis": _style("VBCanCu", "Căn cứ", L.SIZE_BODY, italic=True, align=_J, indent=True, after=L.PARAGRAPH_SPACE_PT),
    "body": _style("VBNoiDung", "Nội dung", L.SIZE_BODY, align=_J, indent=True, after=L.PARAGRAPH_SPACE_PT),
    "heading": _style("VBDeMuc", "Đề mục", L.SIZE_BODY, bold=True, align=_J, indent=True, after=L.PARAGRAPH_SPACE_PT),
    "cell": _style("VBBang", "Nội dung bảng", L.SIZE_TABLE, align=_LEFT),
    "cell_header": _style("VBTieuDeBang", "Tiêu đề bảng", L.SIZE_TABLE, bold=True),
    "sign_title": _style("VBChucVuNguoiKy", "Quyền hạn, chức vụ người ký", L.SIZE_SIGNATURE, bold=True),
    "sign_note": _style("VBGhiChuChuKy", "Ghi chú chữ ký", L.SIZE_SIGNATURE_NOTE, italic=True),
    "sign_name": _style("VBHoTenNguoiKy", "Họ tên người ký", L.SIZE_SIGNATURE, bold=True),
    "noi_nhan_label": _style("VBNoiNhanTieuDe", "Nơi nhận", L.SIZE_NOI_NHAN_LABEL, bold=True, italic=True, align=_LEFT),
    "noi_nhan": _style("VBNoiNhanDanhSach", "Danh sách nơi nhận", L.SIZE_NOI_NHAN, align=_LEFT),
    "page_number": _style("VBSoTrang", "Số trang", L.SIZE_PAGE_NUMBER),
}
STYLE_NAMES = {key: spec[1] for key, spec in _STYLE_SPECS.items()}


# Elements that may follow a given one in its parent (WordprocessingML schema
# order); Word rejects a file whose elements are out of order.
_AFTER_SZCS = ("w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl",
               "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
               "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
               "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
               "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_TBLCELLMAR = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def _child(parent, tag: str, successors: tuple[str, ...]):
    """The ``tag`` child of ``parent``, created in its schema position if missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.insert_element_before(found, *successors)
    return found


def _set_fonts(rpr) -> None:
    """Times New Roman for every script slot, no theme font overriding it, Vietnamese language."""
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT_NAME)
    _child(rpr, "w:lang", _AFTER_LANG).set(qn("w:val"), "vi-VN")


def _set_size_cs(rpr, size: float) -> None:
    """Complex-script size too, so a run Word classifies as CS keeps the size."""
    _child(rpr, "w:szCs", _AFTER_SZCS).set(qn("w:val"), str(round(size * 2)))


def _setup_styles(doc) -> dict[str, object]:
    styles = doc.styles
    # Document defaults and Normal: the decree's font everywhere.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            _set_fonts(rpr)
    normal = styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = Pt(L.SIZE_BODY)
    _set_fonts(normal.element.get_or_add_rPr())
    _set_size_cs(normal.element.get_or_add_rPr(), L.SIZE_BODY)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pf.widow_control = True

    made: dict[str, object] = {}
    for key, (style_id, name, size, bold, italic, align, indent, after) in _STYLE_SPECS.items():
        # Straight into the styles part: ``styles.add_style`` first compares the name with every style's.
        style = StyleFactory(styles.element.add_style_of_type(style_id, WD_STYLE_TYPE.PARAGRAPH, False))
        style.name = name  # the id stays ASCII; Word shows the Vietnamese name
        style.base_style = normal
        style.quick_style = True
        font = style.font
        font.name = FONT_NAME
        font.size = Pt(size)
        font.bold = bold
        font.italic = italic
        rpr = style.element.get_or_add_rPr()
        _set_fonts(rpr)
        _set_size_cs(rpr, size)
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.first_line_indent = Mm(L.FIRST_LINE_INDENT_MM) if indent else Mm(0)
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(after)
        fmt.line_spacing = L.DOCX_LINE_SPACING
        made[key] = style
    made["heading"].paragraph_format.keep_with_next = True
    made["type_name"].paragraph_format.space_before = Pt(L.PARAGRAPH_SPACE_PT * 3)
    made["rule"].paragraph_format.line_spacing = Pt(2)
    return made


# ---------------------------------------------------------------- low-level helpers


def _bottom_border(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = _child(ppr, "w:pBdr", _AFTER_PBDR)
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(round(L.RULE_WIDTH_PT * 8)))  # eighths of a point
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    borders.append(bottom)


def _cell_margins(table, sides_pt: float = 0, top_bottom_pt: float = 0) -> None:
    """Table-wide cell margins (Word's default 0.19 cm sides would squeeze narrow columns)."""
    margins = _child(table._tbl.tblPr, "w:tblCellMar", _AFTER_TBLCELLMAR)
    for side, pt in (("top", top_bottom_pt), ("left", sides_pt), ("bottom", top_bottom_pt), ("right", sides_pt)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(round(pt * 20)))  # twentieths of a point
        el.set(qn("w:type"), "dxa")
        margins.append(el)


def _fixed_widths(table, widths_mm: list[float]) -> None:
    table.autofit = False  # w:tblLayout type="fixed": Word keeps the widths given
    for col, w in zip(table.columns, widths_mm):
        col.width = Mm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm):
            cell.width = Mm(w)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def _tall_row(values, widths_mm: list[float]) -> bool:
    """Whether a table row would be taller than half a page's text height (an estimate from its length:
    about 2.3 mm a character at the table's size, lines of 1.15 times the size)."""
    line_mm = L.SIZE_TABLE * 1.15 * 25.4 / 72
    frame_mm = L.PAGE_HEIGHT_MM - L.MARGIN_TOP_MM - L.MARGIN_BOTTOM_MM
    for text, width in zip(values, widths_mm):
        lines = sum(max(1, -(-len(part) * 2.3 // max(width - 2, 1))) for part in text.split("\n"))
        if lines * line_mm > frame_mm / 2:
            return True
    return False


def _add_run(paragraph, text: str):
    """``paragraph.add_run(text)``: a text without tabs or line breaks (nearly every one) goes into its one
    ``w:t`` directly, without python-docx's scan of it character by character."""
    if "\t" in text or "\r" in text or "\n" in text:
        return paragraph.add_run(text)
    run = paragraph.add_run()
    if text:
        run._r.add_t(text)
    return run


def _add_field(paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE …) as begin / instruction / separate / result / end runs."""
    def fld(kind: str):
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)

    fld("begin")
    instr_run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    instr_run._r.append(instr)
    fld("separate")
    paragraph.add_run(shown)
    fld("end")


class _StylesAsRead(StylesPart):
    """The styled template's styles part, parsed only if something reads the document's styles, and
    otherwise written back byte for byte as it was read.

    Nothing reads them while a document is built (paragraphs and tables name their styles by id), and
    parsing the template's 360 kB of styles again for every document, and writing them out again, was
    about a tenth of the time of drafting a dossier.
    """

    def __init__(self, partname, content_type, blob: bytes, package):
        Part.__init__(self, partname, content_type, blob, package)
        self._parsed = None

    @property
    def _element(self):
        if self._parsed is None:
            self._parsed = parse_xml(self._blob)
        return self._parsed

    @property
    def blob(self) -> bytes:
        return self._blob if self._parsed is None else serialize_part_xml(self._parsed)


def _template_part(partname, content_type, reltype, blob, package):
    """python-docx's part factory, except for the styles part (see :class:`_StylesAsRead`)."""
    if content_type == CT.WML_STYLES:
        return _StylesAsRead(partname, content_type, blob, package)
    return PartFactory(partname, content_type, reltype, blob, package)


_STYLED_TEMPLATE: bytes | None = None


def _styled_document():
    """A new Word document with the decree's styles.

    Setting the styles up costs more than writing a short document, so it is
    done once per process (``thidua draft all`` writes a whole dossier) and the
    styled, still empty document is kept as bytes; each document starts from a
    fresh copy of it, opened as ``docx.Document`` opens a file but with the
    styles left as read.
    """
    global _STYLED_TEMPLATE
    import io

    if _STYLED_TEMPLATE is None:
        word = WordDocument()
        _setup_styles(word)
        buffer = io.BytesIO()
        word.save(buffer)
        _STYLED_TEMPLATE = buffer.getvalue()
    package = Package()
    Unmarshaller.unmarshal(PackageReader.from_file(io.BytesIO(_STYLED_TEMPLATE)), package, _template_part)
    return package.main_document_part.document


class _Builder:
    def __init__(self, document: Document):
        self.doc = document
        self.word = _styled_document()
        self.fonts = register_family(find_family(prefer_system=False))
        # The default template starts with one empty paragraph; it is removed at the end.
        self._initial = list(self.word.paragraphs)

    # -- measuring (for balanced line breaks and rule lengths)

    def width_pt(self, text: str, bold: bool, italic: bool, size: float) -> float:
        return text_width(text, self.fonts[face(bold, italic)], size)

    def lines(self, text: str, style_key: str, max_mm: float) -> list[str]:
        _, _, size, bold, italic, *_ = _STYLE_SPECS[style_key]
        return L.balanced_lines(text, lambda t: self.width_pt(t, bold, italic, size), max_mm * 72 / 25.4)

    # -- writing

    @staticmethod
    def styled(container, style_key: str):
        """A new paragraph at the end of ``container`` in one of the decree's styles.

        The style id is written as it is (python-docx's ``style=`` would look the style up and compare it
        with the document's default style, a scan of every style for each paragraph), and the new, empty
        paragraph gets its ``w:pPr`` as its only child without a search for where it goes.
        """
        paragraph = container.add_paragraph()
        properties = OxmlElement("w:pPr")
        properties.append(OxmlElement("w:pStyle", {qn("w:val"): _STYLE_SPECS[style_key][0]}))
        paragraph._p.append(properties)
        return paragraph

    def para(self, container, style_key: str, text: str = "", *, centred_width_mm: float | None = None):
        paragraph = self.styled(container, style_key)
        if text:
            parts = self.lines(text, style_key, centred_width_mm) if centred_width_mm else [text]
            for i, part in enumerate(parts):
                run = _add_run(paragraph, part)
                if i < len(parts) - 1:
                    run.add_break()
        return paragraph

    def runs(self, paragraph, runs: tuple[Run, ...], prefix: str = "") -> None:
        if prefix:
            _add_run(paragraph, prefix)
        for r in runs:
            run = _add_run(paragraph, r.text)
            if r.bold:
                run.bold = True
            if r.italic:
                run.italic = True

    def rule(self, container, length_mm: float, box_mm: float, *, space_after: float = 0) -> None:
        """A solid rule of ``length_mm`` centred in a box ``box_mm`` wide: the bottom
        border of an empty paragraph whose side indents leave that length."""
        paragraph = self.styled(container, "rule")
        side = max((box_mm - length_mm) / 2, 0)
        fmt = paragraph.paragraph_format
        fmt.left_indent = Mm(side)
        fmt.right_indent = Mm(side)
        fmt.space_after = Pt(space_after)
        _bottom_border(paragraph)

    def add_table(self, rows: int, cols: int):
        """A table at the end of the body, in no table style: ``Document.add_table`` does the same and then
        looks the missing style up in the styles, which would parse them (see :class:`_StylesAsRead`)."""
        return self.word._body.add_table(rows, cols, self.word._block_width)

    def layout_table(self, rows: int, widths_mm: list[float], align=WD_TABLE_ALIGNMENT.LEFT):
        table = self.add_table(rows, len(widths_mm))
        table.alignment = align
        _cell_margins(table)
        _fixed_widths(table, widths_mm)
        return table

    @staticmethod
    def clear(cell):
        """A new cell holds one empty paragraph; drop it so content starts at the top."""
        for p in list(cell.paragraphs):
            p._p.getparent().remove(p._p)
        return cell

    # -- parts

    def header(self) -> None:
        h = self.doc.header
        mm_to_pt = 72 / 25.4
        rows = 1 + (1 if (h.show_number or h.show_place_date) else 0) + (1 if self.doc.classification_mark else 0)
        table = self.layout_table(rows, [L.HEADER_LEFT_MM, L.HEADER_RIGHT_MM])
        left, right = (self.clear(c) for c in table.rows[0].cells)
        if h.show_agency:
            governing, issuing = h.agency_lines()
            if governing:
                self.para(left, "governing", governing, centred_width_mm=L.HEADER_LEFT_MM)
            self.para(left, "issuing", issuing, centred_width_mm=L.HEADER_LEFT_MM)
            widest = max(self.width_pt(x, True, False, L.SIZE_ISSUING) for x in self.lines(issuing, "issuing", L.HEADER_LEFT_MM))
            self.rule(left, widest * L.RULE_FRACTION / mm_to_pt, L.HEADER_LEFT_MM)
        else:
            self.styled(left, "governing")
        self.para(right, "national", L.NATIONAL_NAME)
        self.para(right, "motto", L.MOTTO)
        motto_mm = self.width_pt(L.MOTTO, True, False, L.SIZE_MOTTO) / mm_to_pt
        self.rule(right, motto_mm, L.HEADER_RIGHT_MM)
        r = 1
        if h.show_number or h.show_place_date:
            left, right = (self.clear(c) for c in table.rows[r].cells)
            number = self.para(left, "number", h.number_line() if h.show_number else "")
            place = self.para(right, "place_date", h.place_date_line() if h.show_place_date else "")
            # Same baseline for both lines: the smaller "Số" line starts lower by the
            # difference of the fonts' ascents (0.891 of the size for Times New Roman).
            number.paragraph_format.space_before = Pt(6 + 0.891 * (L.SIZE_PLACE_DATE - L.SIZE_NUMBER))
            place.paragraph_format.space_before = Pt(6)
            if self.doc.is_cong_van:
                # Box 5b: the công văn's trích yếu, 6 pt under the Số line, centred in the left column.
                for t in self.doc.title_lines:
                    line = self.para(left, "cong_van_title", t.text, centred_width_mm=L.HEADER_LEFT_MM)
                    line.paragraph_format.space_before = Pt(L.CONG_VAN_TITLE_GAP_PT)
            r += 1
        if self.doc.classification_mark:
            cell = self.clear(table.rows[r].cells[0])
            mark = self.para(cell, "classification", self.doc.classification_mark)
            mark.paragraph_format.space_before = Pt(6)
            mark_mm = self.width_pt(self.doc.classification_mark, True, False, L.SIZE_CLASSIFICATION) * 25.4 / 72
            _box_border(mark, side_mm=max((L.HEADER_LEFT_MM - mark_mm) / 2 - 2, 0))
            self.styled(self.clear(table.rows[r].cells[1]), "number")

    def title(self) -> None:
        if self.doc.is_cong_van:   # no type name; the trích yếu is in the header
            self.para(self.word, "rule").paragraph_format.space_after = Pt(L.PARAGRAPH_SPACE_PT * 2)
            return
        self.para(self.word, "type_name", self.doc.type_name.upper(), centred_width_mm=L.TEXT_WIDTH_MM)
        widest = 0.0
        for line in self.doc.title_lines:
            p = self.styled(self.word, "title")
            parts = L.balanced_lines(
                line.text,
                lambda t, b=line.bold, i=line.italic: self.width_pt(t, b, i, L.SIZE_TITLE),
                L.TEXT_WIDTH_MM * 72 / 25.4,
            )
            for i, part in enumerate(parts):
                run = _add_run(p, part)
                run.bold = line.bold
                run.italic = line.italic
                if i < len(parts) - 1:
                    run.add_break()
            widest = max(widest, *(self.width_pt(x, line.bold, line.italic, L.SIZE_TITLE) for x in parts))
        if not self.doc.title_lines:
            widest = self.width_pt(self.doc.type_name.upper(), True, False, L.SIZE_TYPE_NAME)
        self.rule(self.word, widest * L.RULE_FRACTION * 25.4 / 72, L.TEXT_WIDTH_MM, space_after=L.PARAGRAPH_SPACE_PT * 2)

    def recipients(self) -> None:
        lines = self.doc.recipient_lines()
        if not lines:
            return
        if len(lines) == 1:
            self.para(self.word, "recipients", f"{L.RECIPIENTS_LABEL} {lines[0]}")
            return
        label_mm = self.width_pt(L.RECIPIENTS_LABEL + " ", False, False, L.SIZE_BODY) * 25.4 / 72 + 1
        list_mm = min(max(self.width_pt(x, False, False, L.SIZE_BODY) for x in lines) * 25.4 / 72 + 2,
                      L.TEXT_WIDTH_MM - label_mm)
        table = self.layout_table(len(lines), [label_mm, list_mm], WD_TABLE_ALIGNMENT.CENTER)
        for i, line in enumerate(lines):
            a, b = (self.clear(c) for c in table.rows[i].cells)
            pa = self.para(a, "recipients", L.RECIPIENTS_LABEL if i == 0 else "")
            pb = self.para(b, "recipients", line)
            for p in (pa, pb):
                p.alignment = WD_ALIGN_PARAGRAPH.LEFT
                p.paragraph_format.space_after = Pt(0)
        self.styled(self.word, "rule").paragraph_format.space_after = Pt(L.PARAGRAPH_SPACE_PT)

    def bases(self) -> None:
        for line in self.doc.basis_lines():
            self.para(self.word, "basis", line)

    def body(self) -> None:
        for section in self.doc.sections:
            if section.heading:
                self.para(self.word, "heading", section.heading)
            for block in section.blocks:
                self.block(block)
        if self.doc.closing:
            closing = self.para(self.word, "body", self.doc.closing)
            closing.paragraph_format.keep_with_next = True

    def block(self, block) -> None:
        if isinstance(block, Paragraph):
            self.runs(self.styled(self.word, "body"), block.runs)
        elif isinstance(block, BulletList):
            for item in block.items:
                self.runs(self.styled(self.word, "body"), item, prefix="- ")
        elif isinstance(block, Table):
            self.table(block)
        else:  # pragma: no cover - the Block union is closed
            raise TypeError(type(block))

    def table(self, block: Table) -> None:
        rows = len(block.rows) + (1 if block.header else 0)
        table = self.add_table(rows, block.columns)
        table._tbl.tblStyle_val = "TableGrid"  # the template's "Table Grid", without a lookup by name
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _cell_margins(table, sides_pt=3, top_bottom_pt=1)
        _fixed_widths(table, [f * L.TEXT_WIDTH_MM for f in block.fractions()])
        r = 0
        if block.header:
            row = table.rows[0]
            _repeat_header(row)
            for cell, text in zip(row.cells, block.header):
                p = self.styled(self.clear(cell), "cell_header" if block.bold_header else "cell")
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _add_run(p, text)
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            r = 1
        widths_mm = [f * L.TEXT_WIDTH_MM for f in block.fractions()]
        for values in block.rows:
            row = table.rows[r]
            # A row kept whole moves to the next page; one taller than half a page may break across pages
            # (a row taller than a page could not be laid out at all) and then starts at its top.
            tall = _tall_row(values, widths_mm)
            if not tall:
                _cant_split(row)
            for i, (cell, text) in enumerate(zip(row.cells, values)):
                p = self.styled(self.clear(cell), "cell")
                if len(text) <= 8 and (i == 0 or text.replace(",", "").replace("%", "").isdigit()):
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                if text:
                    _add_run(p, text)
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP if tall else WD_CELL_VERTICAL_ALIGNMENT.CENTER
            r += 1
        self.styled(self.word, "rule").paragraph_format.space_after = Pt(L.PARAGRAPH_SPACE_PT)

    def signature_top(self, cell, block: SignatureBlock, width_mm: float) -> None:
        for role, text in block.lines():
            if role in ("authority", "title"):
                self.para(cell, "sign_title", text, centred_width_mm=width_mm)
            elif role == "note":
                self.para(cell, "sign_note", text, centred_width_mm=width_mm)

    def signature_name(self, cell, block: SignatureBlock, gap: bool) -> None:
        p = self.para(cell, "sign_name", block.name)
        if gap:
            p.paragraph_format.space_before = Mm(L.SIGNATURE_GAP_MM)

    def noi_nhan(self, cell) -> None:
        if not self.doc.noi_nhan:
            return
        self.para(cell, "noi_nhan_label", L.NOI_NHAN_LABEL)
        for line in self.doc.noi_nhan_lines():
            self.para(cell, "noi_nhan", line)

    def signatures(self) -> None:
        left = self.doc.signature("left")
        right = self.doc.signature("right")
        bottom = self.doc.signature("bottom")
        spacer = self.styled(self.word, "rule")
        spacer.paragraph_format.space_after = Pt(L.PARAGRAPH_SPACE_PT)
        if left and right:
            half = L.TEXT_WIDTH_MM / 2
            rows = 2 + (1 if self.doc.noi_nhan else 0)
            table = self.layout_table(rows, [half, half])
            for row in table.rows:
                _cant_split(row)
            a, b = (self.clear(c) for c in table.rows[0].cells)
            self.signature_top(a, left, half)
            self.signature_top(b, right, half)
            a, b = (self.clear(c) for c in table.rows[1].cells)
            self.signature_name(a, left, gap=True)
            self.signature_name(b, right, gap=True)
            if self.doc.noi_nhan:
                a, b = (self.clear(c) for c in table.rows[2].cells)
                spacer = self.styled(a, "noi_nhan")
                self.noi_nhan(a)
                self.styled(b, "noi_nhan")
        else:
            signer = right or left
            table = self.layout_table(1, [L.SIGN_LEFT_MM, L.SIGN_RIGHT_MM])
            _cant_split(table.rows[0])
            a, b = (self.clear(c) for c in table.rows[0].cells)
            self.noi_nhan(a)
            if not a.paragraphs:
                self.styled(a, "noi_nhan")
            if signer:
                self.signature_top(b, signer, L.SIGN_RIGHT_MM)
                self.signature_name(b, signer, gap=True)
            else:
                self.styled(b, "sign_name")
        if bottom:
            gap = self.styled(self.word, "rule")
            gap.paragraph_format.space_after = Pt(L.PARAGRAPH_SPACE_PT * 3)
            table = self.layout_table(1, [L.TEXT_WIDTH_MM], WD_TABLE_ALIGNMENT.CENTER)
            _cant_split(table.rows[0])
            cell = self.clear(table.rows[0].cells[0])
            self.signature_top(cell, bottom, L.TEXT_WIDTH_MM * 0.7)
            self.signature_name(cell, bottom, gap=True)

    def page_setup(self) -> None:
        section = self.word.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width = Mm(L.PAGE_WIDTH_MM)
        section.page_height = Mm(L.PAGE_HEIGHT_MM)
        section.top_margin = Mm(L.MARGIN_TOP_MM)
        section.bottom_margin = Mm(L.MARGIN_BOTTOM_MM)
        section.left_margin = Mm(L.MARGIN_LEFT_MM)
        section.right_margin = Mm(L.MARGIN_RIGHT_MM)
        section.header_distance = Mm(L.PAGE_NUMBER_FROM_TOP_MM - 5)
        section.footer_distance = Mm(10)
        # Page numbers from page 2 on (NĐ 30 Phụ lục I, I.7): a blank first-page
        # header and a PAGE field in the default one.
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False
        first = section.first_page_header.paragraphs
        if first:
            first[0]._p.style = _STYLE_SPECS["page_number"][0]
        header = section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        paragraph._p.style = _STYLE_SPECS["page_number"][0]
        _add_field(paragraph, "PAGE", "2")

    def build(self):
        self.page_setup()
        self.header()
        self.title()
        self.recipients()
        self.bases()
        self.body()
        self.signatures()
        for p in self._initial:
            p._p.getparent().remove(p._p)
        props = self.word.core_properties
        props.title = " ".join([self.doc.type_name, *(t.text for t in self.doc.title_lines)]).strip()[:250]
        props.author = self.doc.header.issuing_body
        props.language = "vi-VN"
        props.comments = f"Soạn bằng Sổ thi đua theo mẫu {self.doc.form_id}"
        return self.word


def _box_border(paragraph, side_mm: float) -> None:
    """Độ mật in a single-line frame (box 10a)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = _child(ppr, "w:pBdr", _AFTER_PBDR)
    for side in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "6")
        el.set(qn("w:space"), "1")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    fmt = paragraph.paragraph_format
    fmt.left_indent = Mm(side_mm)
    fmt.right_indent = Mm(side_mm)


def render_docx(document: Document, path: Path | str) -> Path:
    """Write ``document`` as a DOCX at ``path`` (atomically) and return the path."""
    path = Path(path)
    word = _Builder(document).build()
    with atomic_write(path, make_parents=True) as tmp:
        word.save(str(tmp))
    return path
