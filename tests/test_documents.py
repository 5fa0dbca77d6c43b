"""The document model and its PDF and DOCX renderings, read back and checked.

Every form in forms/ is composed with the Hà Tĩnh sample context and rendered;
the PDF is read back with pdfplumber/pypdf and the DOCX with python-docx. The
bundled Liberation Serif is used so results do not depend on the machine.
"""
from __future__ import annotations

import collections
import re
import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
from docx import Document as open_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from pypdf import PdfReader

from desktop.dossier.documents import layout as L
from desktop.dossier.documents.compose import compose
from desktop.dossier.documents.fonts import find_family
from desktop.dossier.documents.forms import list_forms
from desktop.dossier.documents.model import (
    BLANK, BulletList, DateParts, Document, Header, Paragraph, SignatureBlock, Table,
)
from desktop.dossier.documents.render_docx import FONT_NAME, STYLE_NAMES, render_docx
from desktop.dossier.documents.render_pdf import render_pdf
from desktop.dossier.documents.sample import sample_context

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
FAMILY = find_family(prefer_system=False)
FORMS = list_forms()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """{form id: (document, pdf path, docx path)} for every shipped form."""
    folder = tmp_path_factory.mktemp("rendered")
    out = {}
    for form in FORMS:
        doc = compose(form, sample_context(form.subject))
        pdf = render_pdf(doc, folder / f"{form.id}.pdf", family=FAMILY)
        docx = render_docx(doc, folder / f"{form.id}.docx")
        out[form.id] = (doc, pdf, docx)
    return out


def long_document() -> Document:
    """A tờ trình long enough for three pages: many candidates and paragraphs."""
    form = next(f for f in FORMS if f.id == "nd152-2025-mau01-to-trinh")
    ctx = sample_context()
    ctx["candidates"] = [
        {"name": f"Nguyễn Văn Hùng {i}", "kind": "ca_nhan", "position": "Chuyên viên",
         "unit": "Phòng Phổ biến, giáo dục pháp luật"}
        for i in range(1, 46)
    ]
    ctx["overrides"] = {"mo_dau": "\n\n".join(
        f"Đoạn {i}: Sở Tư pháp triển khai số hóa hồ sơ, cải cách thủ tục hành chính, ứng dụng chữ ký số "
        f"trong toàn bộ văn bản đi, đến và tuyên truyền pháp luật trên nền tảng số." for i in range(1, 12)
    )}
    return compose(form, ctx)


# ---------------------------------------------------------------- reading back


def pdf_words(path: Path) -> list[str]:
    """Words of the PDF outside the top margin (where only page numbers live)."""
    words: list[str] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            body = page.crop((0, L.MARGIN_TOP_MM * MM, page.width, page.height))
            words += (body.extract_text() or "").split()
    return words


def table_header_words(doc: Document) -> list[collections.Counter]:
    return [
        collections.Counter(" ".join(block.header).split())
        for section in doc.sections for block in section.blocks
        if isinstance(block, Table) and block.header
    ]


def assert_same_words(doc: Document, words: list[str]) -> None:
    """The extracted words are the document's words; a table header row that was
    repeated on a following page may add its own words, and nothing else."""
    expected = collections.Counter(doc.plain_text().split())
    found = collections.Counter(words)
    assert expected - found == collections.Counter(), "words missing from the rendering"
    extra = found - expected
    for header in table_header_words(doc):
        while header and not (header - extra):
            extra -= header
    assert extra == collections.Counter(), f"unexpected words: {extra}"


def docx_paragraphs(path: Path) -> list[DocxParagraph]:
    word = open_docx(path)
    out: list[DocxParagraph] = []

    def walk(container):
        for item in container.iter_inner_content():
            if isinstance(item, DocxTable):
                for row in item.rows:
                    for cell in row.cells:
                        walk(cell)
            else:
                out.append(item)

    walk(word)
    return out


# ---------------------------------------------------------------- model


def test_number_and_date_lines_follow_nd30():
    header = Header(issuing_body="Sở Tư pháp", number="5", symbol="TTr-STP", place="Hà Tĩnh",
                    date=DateParts(3, 2, 2025))
    assert header.number_line() == "Số: 05/TTr-STP"
    assert header.place_date_line() == "Hà Tĩnh, ngày 03 tháng 02 năm 2025"
    assert DateParts(15, 12, 2025).text() == "ngày 15 tháng 12 năm 2025"
    blank = Header(issuing_body="Sở Tư pháp", symbol="TTr-STP", place="Hà Tĩnh", date=DateParts(None, 8, 2025))
    assert blank.number_line() == f"Số: {BLANK}/TTr-STP"
    assert blank.place_date_line() == f"Hà Tĩnh, ngày {BLANK} tháng 8 năm 2025"


def test_lists_are_punctuated_and_text_is_nfc():
    doc = Document(
        form_id="x",
        header=Header(issuing_body=unicodedata.normalize("NFD", "Sở Tư pháp")),
        type_name="tờ trình",
        recipients=("Sở Nội vụ;", "UBND tỉnh."),
        bases=("Căn cứ A", "Căn cứ B;"),
        noi_nhan=("Như trên", "Lưu: VT, VP."),
        signatures=(SignatureBlock("right", "kt. giám đốc", "phó giám đốc", "", "Hoàng Thị Luân"),),
    )
    assert doc.header.issuing_body == "Sở Tư pháp"
    assert doc.recipient_lines() == ["- Sở Nội vụ;", "- UBND tỉnh."]
    assert doc.basis_lines() == ["Căn cứ A;", "Căn cứ B."]
    assert doc.noi_nhan_lines() == ["- Như trên;", "- Lưu: VT, VP."]
    assert doc.signatures[0].lines()[:2] == [("authority", "KT. GIÁM ĐỐC"), ("title", "PHÓ GIÁM ĐỐC")]
    lines = doc.plain_text().splitlines()
    assert lines[:3] == ["SỞ TƯ PHÁP", "Số: " + BLANK + "/", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert lines[-1] == "Hoàng Thị Luân"


def test_model_rejects_inconsistent_values():
    with pytest.raises(ValueError):
        Table(("a", "b"), (("1",),), (1, 1))
    with pytest.raises(ValueError):
        Document(form_id="x", header=Header("A"), type_name="T", classification="rieng")
    with pytest.raises(ValueError):
        Document(form_id="x", header=Header("A"), type_name="T",
                 signatures=(SignatureBlock("left"), SignatureBlock("left")))


def test_with_section_blocks_replaces_one_section(rendered):
    doc = rendered["nd152-2025-mau01-to-trinh"][0]
    edited = doc.with_section_blocks("mo_dau", (Paragraph.of("Nội dung mới."),))
    assert edited.section("mo_dau").blocks == (Paragraph.of("Nội dung mới."),)
    assert edited.section("de_nghi") == doc.section("de_nghi")
    with pytest.raises(KeyError):
        doc.with_section_blocks("khong_co", ())


# ---------------------------------------------------------------- PDF


@pytest.mark.parametrize("form_id", [f.id for f in FORMS])
def test_pdf_page_size_margins_and_text(rendered, form_id):
    doc, pdf_path, _ = rendered[form_id]
    left, right = L.MARGIN_LEFT_MM * MM, A4[0] - L.MARGIN_RIGHT_MM * MM
    top, bottom = L.MARGIN_TOP_MM * MM, A4[1] - L.MARGIN_BOTTOM_MM * MM
    tolerance = 0.5
    with pdfplumber.open(pdf_path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            assert abs(page.width - A4[0]) < 1 and abs(page.height - A4[1]) < 1
            for char in page.chars:
                if number > 1 and char["bottom"] <= top:
                    assert char["text"] in str(number), "only the page number sits in the top margin"
                    continue
                assert char["x0"] >= left - tolerance, char
                assert char["x1"] <= right + tolerance, char
                assert char["top"] >= top - tolerance, char
                assert char["bottom"] <= bottom + tolerance, char
    assert_same_words(doc, pdf_words(pdf_path))
    # pypdf reads the same words (its page number token is dropped once per page).
    words: collections.Counter = collections.Counter()
    for number, page in enumerate(PdfReader(pdf_path).pages, 1):
        page_words = collections.Counter(page.extract_text().split())
        if number > 1:
            page_words -= collections.Counter([str(number)])
        words += page_words
    assert_same_words(doc, list(words.elements()))


@pytest.mark.parametrize("form_id", [f.id for f in FORMS])
def test_pdf_fonts_are_embedded_subsets_with_unicode_maps(rendered, form_id):
    _, pdf_path, _ = rendered[form_id]
    reader = PdfReader(pdf_path)
    seen = 0
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            if font["/Subtype"] == "/Type0":
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            else:
                descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            assert "/ToUnicode" in font, font["/BaseFont"]
            assert "+" in str(font["/BaseFont"]), "subset fonts carry a tag prefix"
            seen += 1
    assert seen >= 2


def test_pdf_text_keeps_vietnamese_diacritics(rendered):
    _, pdf_path, _ = rendered["nd30-2020-mau1.9-bien-ban"]
    text = " ".join(pdf_words(pdf_path))
    for phrase in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                   "Đặng Thị Ngọc Ánh", "Thư ký (người ghi biên bản): Trần Đức Thắng"):
        assert phrase in text
    assert unicodedata.is_normalized("NFC", text)


def test_pdf_body_paragraphs_read_in_order(rendered):
    doc, pdf_path, _ = rendered["nd152-2025-mau08-bao-cao-tap-the"]
    text = " ".join(pdf_words(pdf_path))
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, (Paragraph, BulletList)):
                lines = [block.text] if isinstance(block, Paragraph) else [
                    "- " + "".join(r.text for r in item) for item in block.items]
                for line in lines:
                    assert " ".join(line.split()) in text


def _chars_of_word(page, word_text):
    for word in page.extract_words(extra_attrs=["size", "fontname"]):
        if word["text"] == word_text:
            return word
    raise AssertionError(f"{word_text!r} not on page")


def test_pdf_header_layout(rendered):
    _, pdf_path, _ = rendered["nd152-2025-mau01-to-trinh"]
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[0]
        chars = page.chars
        # "Số:" and the place-date line share a baseline (same line, NĐ 30 II.4.c).
        def first_char(word_text):
            word = _chars_of_word(page, word_text)
            return next(c for c in chars if abs(c["x0"] - word["x0"]) < 0.01 and abs(c["top"] - word["top"]) < 0.01)

        so, ha = first_char("Số:"), first_char("Hà")
        assert "Italic" in ha["fontname"]
        assert abs(so["matrix"][5] - ha["matrix"][5]) < 0.5
        # Quốc hiệu bold 12, Tiêu ngữ bold 13, place-date italic 14, agency 13.
        assert round(_chars_of_word(page, "CỘNG")["size"]) == L.SIZE_NATIONAL
        assert round(_chars_of_word(page, "Độc")["size"]) == L.SIZE_MOTTO
        assert round(_chars_of_word(page, "TRÌNH")["size"]) == L.SIZE_TYPE_NAME
        assert "Bold" in _chars_of_word(page, "CỘNG")["fontname"]
        # Rules: under the Tiêu ngữ as long as the line; under the issuing body and
        # under the trích yếu 1/3–1/2 of the text.
        motto = [w for w in page.extract_words() if w["top"] < 40 * MM and w["text"] in ("Độc", "phúc")]
        motto_width = max(w["x1"] for w in motto) - min(w["x0"] for w in motto)
        rules = sorted((ln for ln in page.lines if abs(ln["top"] - ln["bottom"]) < 1), key=lambda ln: ln["top"])
        widths = [ln["x1"] - ln["x0"] for ln in rules[:3]]
        assert any(abs(w - motto_width) < 1.5 for w in widths)
        issuing = [w for w in page.extract_words() if w["text"] in ("SỞ", "PHÁP") and w["top"] < 40 * MM]
        issuing_width = max(w["x1"] for w in issuing) - min(w["x0"] for w in issuing)
        assert any(issuing_width / 3 <= w <= issuing_width / 2 for w in widths)


def test_pdf_page_numbers_from_page_two_centred_in_top_margin(tmp_path):
    doc = long_document()
    path = render_pdf(doc, tmp_path / "dai.pdf", family=FAMILY)
    top = L.MARGIN_TOP_MM * MM
    centre = (L.MARGIN_LEFT_MM + L.TEXT_WIDTH_MM / 2) * MM
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) >= 3
        assert not [c for c in pdf.pages[0].chars if c["bottom"] <= top]
        for number, page in enumerate(pdf.pages[1:], 2):
            marks = [c for c in page.chars if c["bottom"] <= top]
            assert "".join(c["text"] for c in marks) == str(number)
            middle = (min(c["x0"] for c in marks) + max(c["x1"] for c in marks)) / 2
            assert abs(middle - centre) < 1
            assert all(round(c["size"]) == L.SIZE_PAGE_NUMBER for c in marks)
        # The candidates table goes on over a page break with its header row repeated.
        headers = sum(1 for page in pdf.pages for w in page.extract_words() if w["text"] == "STT")
        assert headers >= 2
    assert_same_words(doc, pdf_words(path))


def test_pdf_classification_mark(tmp_path):
    form = next(f for f in FORMS if f.id == "nd152-2025-mau01-to-trinh")
    ctx = sample_context()
    ctx["document"]["classification"] = "toi_mat"
    doc = compose(form, ctx)
    path = render_pdf(doc, tmp_path / "mat.pdf", family=FAMILY)
    assert "MẬT" in pdf_words(path)
    assert_same_words(doc, pdf_words(path))


def test_pdf_write_is_atomic(tmp_path, monkeypatch):
    doc = long_document()
    target = tmp_path / "to-trinh.pdf"
    target.write_bytes(b"old")
    from reportlab.platypus import BaseDocTemplate

    def fail(self, *args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(BaseDocTemplate, "build", fail)
    with pytest.raises(OSError):
        render_pdf(doc, target, family=FAMILY)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["to-trinh.pdf"]
    monkeypatch.undo()
    render_pdf(doc, target, family=FAMILY)
    assert target.read_bytes().startswith(b"%PDF")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_font_lookup_prefers_times_new_roman(tmp_path):
    for style, name in (("Regular", "times.ttf"), ("Bold", "timesbd.ttf"),
                        ("Italic", "timesi.ttf"), ("BoldItalic", "timesbi.ttf")):
        shutil.copy(FAMILY.files[{"Regular": "regular", "Bold": "bold", "Italic": "italic",
                                  "BoldItalic": "bold_italic"}[style]], tmp_path / name)
    family = find_family(dirs=[tmp_path])
    assert family.is_times and family.files["bold"].name == "timesbd.ttf"
    (tmp_path / "timesbi.ttf").unlink()
    assert find_family(dirs=[tmp_path]).name == "LiberationSerif"
    assert find_family(prefer_system=False).files["regular"].is_file()


def test_unreadable_system_font_falls_back_to_the_bundled_one(tmp_path):
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for name in ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"):
        (fonts / name).write_bytes(b"not a font")
    broken = find_family(dirs=[fonts])
    assert broken.is_times
    doc = compose(FORMS[0], sample_context(FORMS[0].subject))
    path = render_pdf(doc, tmp_path / "x.pdf", family=broken)
    assert_same_words(doc, pdf_words(path))


# ---------------------------------------------------------------- DOCX


@pytest.mark.parametrize("form_id", [f.id for f in FORMS])
def test_docx_page_setup_and_text(rendered, form_id):
    doc, _, docx_path = rendered[form_id]
    word = open_docx(docx_path)
    assert len(word.sections) == 1
    section = word.sections[0]
    close = lambda a, b: abs(a - b) < Mm(0.1)
    assert close(section.page_width, Mm(210)) and close(section.page_height, Mm(297))
    assert close(section.top_margin, Mm(L.MARGIN_TOP_MM))
    assert close(section.bottom_margin, Mm(L.MARGIN_BOTTOM_MM))
    assert close(section.left_margin, Mm(L.MARGIN_LEFT_MM))
    assert close(section.right_margin, Mm(L.MARGIN_RIGHT_MM))
    # Page number: a PAGE field in the header, none on the first page.
    assert section.different_first_page_header_footer
    assert "".join(p.text for p in section.first_page_header.paragraphs).strip() == ""
    instructions = [el.text for el in section.header._element.iter(qn("w:instrText"))]
    assert [i.strip() for i in instructions] == ["PAGE"]
    assert section.header.paragraphs[0].alignment in (None, WD_ALIGN_PARAGRAPH.CENTER)
    words = " ".join(p.text for p in docx_paragraphs(docx_path)).split()
    assert collections.Counter(words) == collections.Counter(doc.plain_text().split())


def test_docx_styles_and_fonts(rendered):
    _, _, docx_path = rendered["nd152-2025-mau01-to-trinh"]
    word = open_docx(docx_path)
    normal = word.styles["Normal"]
    assert normal.font.name == FONT_NAME and normal.font.size == Pt(L.SIZE_BODY)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert fonts.get(qn(attr)) == FONT_NAME
    assert fonts.get(qn("w:asciiTheme")) is None
    for name in STYLE_NAMES.values():
        style = word.styles[name]
        assert style.font.name == FONT_NAME, name
        assert style.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == FONT_NAME
    assert word.styles[STYLE_NAMES["national"]].font.bold and word.styles[STYLE_NAMES["national"]].font.size == Pt(12)
    assert word.styles[STYLE_NAMES["place_date"]].font.italic
    noi_nhan = word.styles[STYLE_NAMES["noi_nhan_label"]].font
    assert noi_nhan.bold and noi_nhan.italic and noi_nhan.size == Pt(12)
    assert word.styles[STYLE_NAMES["noi_nhan"]].font.size == Pt(11)
    body = word.styles[STYLE_NAMES["body"]].paragraph_format
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(body.first_line_indent - Mm(L.FIRST_LINE_INDENT_MM)) < Mm(0.1)
    assert body.space_after >= Pt(6)
    assert word.styles[STYLE_NAMES["basis"]].font.italic
    used = {p.style.name for p in docx_paragraphs(docx_path)}
    assert {STYLE_NAMES[k] for k in ("national", "motto", "issuing", "type_name", "title", "body",
                                     "basis", "sign_title", "sign_name", "noi_nhan")} <= used


def test_docx_tables_repeat_their_header_row(rendered):
    _, _, docx_path = rendered["nd30-2020-mau1.9-bien-ban"]
    word = open_docx(docx_path)
    grids = [t for t in word.tables if t.style is not None and t.style.name == "Table Grid"]
    assert len(grids) == 2
    for table in grids:
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
        assert table.rows[0].cells[0].text == "STT"


soffice = shutil.which("soffice") or shutil.which("libreoffice")


def _times_metric_fonts(folder: Path) -> dict[str, str]:
    """An environment in which LibreOffice finds the bundled Liberation Serif, which it takes for the
    Times New Roman the DOCX names (same metrics), as Word finds Times New Roman on an office PC.
    Without it LibreOffice falls back to a wider face (DejaVu Serif on a bare Debian), and the
    bold "STT" no longer fits its 7 % column: it wraps to "ST" / "T" in a rendering no clerk sees."""
    fonts = find_family(prefer_system=False).files["regular"].parent
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{fonts}</dir>\n  <cachedir>{folder / 'fc-cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


@pytest.mark.skipif(soffice is None, reason="LibreOffice is not installed")
def test_docx_renders_in_libreoffice(tmp_path):
    doc = long_document()
    docx_path = render_docx(doc, tmp_path / "dai.docx")
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "out"), str(docx_path)],
        check=True, capture_output=True, timeout=300, env=_times_metric_fonts(tmp_path),
    )
    pdf_path = tmp_path / "out" / "dai.pdf"
    fonts = {font.split("+")[-1] for page in PdfReader(pdf_path).pages
             for font in (f["/BaseFont"] for f in page["/Resources"]["/Font"].values())}
    assert fonts and all(font.startswith("LiberationSerif") for font in fonts), fonts
    top = L.MARGIN_TOP_MM * MM
    with pdfplumber.open(pdf_path) as pdf:
        assert len(pdf.pages) >= 2
        assert abs(pdf.pages[0].width - A4[0]) < 1
        assert not [c for c in pdf.pages[0].chars if c["bottom"] <= top]
        marks = [c for c in pdf.pages[1].chars if c["bottom"] <= top]
        assert "".join(c["text"] for c in marks) == "2"
    assert_same_words(doc, pdf_words(pdf_path))


# ---------------------------------------------------------------- a table row taller than a page


def _three_page_cell() -> str:
    return " ".join(f"Nội dung {i}: đơn vị số hóa hồ sơ hành chính, giải quyết thủ tục trực tuyến toàn trình và "
                    f"ký số văn bản đi." for i in range(1, 51))


def test_a_table_row_taller_than_a_page_splits_across_pages(tmp_path):
    """A Báo cáo kết quả whose one result row describes three pages of work: reportlab used to stop with
    a LayoutError ("too large on page"); the row now splits inside its cells and reads back whole."""
    form = next(f for f in FORMS if f.id == "nd30-2020-mau1.4-bao-cao-ket-qua")
    ctx = sample_context()
    long = _three_page_cell()
    ctx["results"] = [{"criterion": long, "target": "100 %", "result": "100 %", "assessment": "Đạt"},
                      *ctx["results"]]
    doc = compose(form, ctx)
    path = render_pdf(doc, tmp_path / "dai.pdf", family=FAMILY)
    with pdfplumber.open(path) as pdf:
        pages = [(page.extract_text() or "") for page in pdf.pages]
        assert len(pages) >= 5
        holding = [i for i, text in enumerate(pages) if "Nội dung" in text and "ký số văn bản đi" in text]
        assert len(holding) >= 3, "the long cell spreads over three pages or more"
        # The row starts at its top in every cell: its STT and its assessment sit beside the first words.
        first = pdf.pages[holding[0]]
        start = next(w for w in first.extract_words() if w["text"] == "1:")
        row_top = [w for w in first.extract_words() if abs(w["top"] - start["top"]) < 2]
        assert "Đạt" in [w["text"] for w in row_top]
    assert_same_words(doc, pdf_words(path))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    numbers = [int(w[:-1]) for w in text.split() if re.fullmatch(r"\d+:", w)]
    assert numbers == list(range(1, 51)), "every piece of the long cell, once and in order"
    # Word is allowed to break that row across pages (a row kept whole could not fit), not the short ones.
    docx = render_docx(doc, tmp_path / "dai.docx")
    word = open_docx(docx)
    body_rows = [t.rows[i] for t in word.tables for i in range(1, len(t.rows)) if long in t.rows[i].cells[1].text]
    assert len(body_rows) == 1
    assert body_rows[0]._tr.trPr is None or body_rows[0]._tr.trPr.find(qn("w:cantSplit")) is None
    short = next(t.rows[2] for t in word.tables if len(t.rows) > 2 and long in t.rows[1].cells[1].text)
    assert short._tr.trPr.find(qn("w:cantSplit")) is not None


def test_docx_reads_no_style_while_a_document_is_built(tmp_path, monkeypatch):
    """Paragraphs and tables name their styles by id, so the styled template's styles part is written out as
    it was read: parsing its 360 kB again for every document was a tenth of drafting a dossier."""
    from desktop.dossier.documents import render_docx as module

    doc = long_document()
    render_docx(doc, tmp_path / "first.docx")  # the styled template is made once per process

    def parse(blob):
        raise AssertionError("the template's styles were parsed")

    monkeypatch.setattr(module, "parse_xml", parse)
    word = open_docx(render_docx(doc, tmp_path / "dai.docx"))
    names = {s.name for s in word.styles}
    assert set(STYLE_NAMES.values()) <= names and "Table Grid" in names
    assert {p.style.name for p in word.paragraphs} <= names
