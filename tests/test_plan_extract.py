"""Reading plan files: Word, PDF and text come out as the same plan; bad files say why.

The .docx and .pdf files are made here from the text fixtures the way offices
make them: a two-column table for the header and for "Nơi nhận" / signature,
Word's own bullet style for list items, real Word footnotes; the PDF is typeset
with an embedded TrueType font so that Vietnamese is in its text layer.
"""
from __future__ import annotations

import codecs
import json
import re
import unicodedata
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from desktop.commands import main as cli
from desktop.errors import UserError
from desktop.campaigns.plans import extract_text, parse_plan, parse_plan_text

ROOT = Path(__file__).resolve().parents[1]
FONT = ROOT / "resources" / "fonts" / "LiberationSerif-Regular.ttf"
DATA = Path(__file__).resolve().parent / "data" / "plans"
SHARED_PLANS = ROOT.parent / "shared" / "plans"
FOOTNOTES_PLAN = DATA / "ke-hoach-binh-dinh-snv-2025-footnotes.txt"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _fields(plan) -> dict:
    data = plan.to_dict()
    data.pop("problems")
    return data


# -- building the files ------------------------------------------------------

def _split_plan(text: str):
    """(header lines, body lines, recipient lines, signature lines, footnotes) of a plain plan."""
    notes = dict(re.findall(r"^\[\^(\w+)\]:\s*(.*)$", text, flags=re.MULTILINE))
    lines = [ln.strip() for ln in text.split("\n") if ln.strip() and not re.match(r"^\[\^\w+\]:", ln)]
    kind = next(i for i, ln in enumerate(lines) if ln in ("KẾ HOẠCH", "HƯỚNG DẪN", "THÔNG BÁO"))
    tail = lines.index("Nơi nhận:")
    end = tail + 1
    while end < len(lines) and lines[end].startswith("- "):
        end += 1
    return lines[:kind], lines[kind:tail], lines[tail + 1:end], lines[end:], notes


def _is_right_column(line: str) -> bool:
    return bool(re.match(r"CỘNG HÒA|Độc lập", line) or ", ngày" in line)


def _add_text_with_notes(paragraph, text: str, note_ids: dict[str, int]) -> None:
    """Add ``text`` to a Word paragraph, turning "[^n]" marks into real footnote references."""
    for part in re.split(r"(\[\^\w+\])", text):
        m = re.fullmatch(r"\[\^(\w+)\]", part)
        if not m:
            if part:
                paragraph.add_run(part)
            continue
        run = paragraph.add_run()
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(note_ids[m.group(1)]))
        run._r.append(ref)


def _footnotes_part(document, notes: dict[str, str], note_ids: dict[str, int]) -> None:
    body = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
    ]
    for label, text in notes.items():
        body.append(f'<w:footnote w:id="{note_ids[label]}"><w:p><w:r><w:footnoteRef/></w:r>'
                    f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>')
    xml = f'<w:footnotes xmlns:w="{W_NS}">{"".join(body)}</w:footnotes>'.encode()
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def build_docx(text: str, path: Path) -> Path:
    """A Word file as offices make it: layout tables, Word bullets, real footnotes."""
    header, body, recipients, signature, notes = _split_plan(text)
    note_ids = {label: k for k, label in enumerate(notes, start=1)}
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    for cell, lines in ((left, [ln for ln in header if not _is_right_column(ln)]),
                        (right, [ln for ln in header if _is_right_column(ln)])):
        cell.paragraphs[0].text = lines[0]
        for ln in lines[1:]:
            cell.add_paragraph(ln)
    for ln in body:
        if ln.startswith("- "):
            _add_text_with_notes(document.add_paragraph(style="List Bullet"), ln[2:], note_ids)
        else:
            _add_text_with_notes(document.add_paragraph(), ln, note_ids)
    table = document.add_table(rows=1, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.paragraphs[0].text = "Nơi nhận:"
    for ln in recipients:
        left.add_paragraph(ln)
    right.paragraphs[0].text = signature[0]
    for ln in signature[1:-1]:
        right.add_paragraph(ln)
    right.add_paragraph("")
    right.add_paragraph("")
    right.add_paragraph(signature[-1])
    if notes:
        _footnotes_part(document, notes, note_ids)
    document.save(path)
    return path


def _font() -> str:
    if "PlanSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("PlanSerif", str(FONT)))
    return "PlanSerif"


def build_pdf(text: str, path: Path) -> Path:
    """A PDF typeset from the plan: header and signature as tables, body lines wrapped at the margin."""
    header, body, recipients, signature, _ = _split_plan(text)
    style = ParagraphStyle("plan", fontName=_font(), fontSize=13, leading=16)

    def cell(lines):
        return Paragraph("<br/>".join(escape(ln) for ln in lines), style)

    story = [Table([[cell([ln for ln in header if not _is_right_column(ln)]),
                     cell([ln for ln in header if _is_right_column(ln)])]], colWidths=[65 * mm, 95 * mm])]
    story += [Paragraph(escape(ln), style) for ln in body]
    story.append(Table([[cell(["Nơi nhận:", *recipients]), cell(signature)]], colWidths=[80 * mm, 80 * mm]))
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=30 * mm, rightMargin=20 * mm).build(story)
    return path


def _inline_footnotes(text: str) -> str:
    """The plan with each footnote written in brackets where it is cited (for a PDF)."""
    notes = dict(re.findall(r"^\[\^(\w+)\]:\s*(.*)$", text, flags=re.MULTILINE))
    text = re.sub(r"^\[\^\w+\]:.*$\n?", "", text, flags=re.MULTILINE)
    return re.sub(r"\[\^(\w+)\]", lambda m: f" ({notes[m.group(1)].rstrip('.')})", text)


def _plain_real_plan(path: Path) -> str:
    """A shared real plan without its Markdown marks, as the text a Word file holds."""
    text = path.read_text(encoding="utf-8")
    return "\n".join(ln.replace("*", "").lstrip("#").strip() for ln in text.split("\n"))


REAL_PLANS = sorted(SHARED_PLANS.glob("*.txt")) if SHARED_PLANS.is_dir() else []
REAL_PARAMS = [pytest.param(p, id=p.stem) for p in REAL_PLANS] or [
    pytest.param(None, marks=pytest.mark.skip(reason=f"the shared plans folder {SHARED_PLANS} is not present"),
                 id="shared-plans-missing")]


# -- Word ---------------------------------------------------------------------

def test_docx_reads_like_its_text(tmp_path):
    text = FOOTNOTES_PLAN.read_text(encoding="utf-8")
    path = build_docx(text, tmp_path / "ke-hoach.docx")
    assert _fields(parse_plan(path)) == _fields(parse_plan_text(text))


def test_docx_text_has_cells_bullets_and_footnotes_in_order(tmp_path):
    path = build_docx(FOOTNOTES_PLAN.read_text(encoding="utf-8"), tmp_path / "ke-hoach.docx")
    lines = extract_text(path).split("\n")
    # Header table: the left column, then the right one.
    assert lines[:6] == ["UBND TỈNH BÌNH ĐỊNH", "SỞ NỘI VỤ", "Số: 156/KH-SNV", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Bình Định, ngày 14 tháng 8 năm 2025"]
    # Word's bullet style becomes a dash; footnote references become marks.
    assert "- Tờ trình đề nghị khen thưởng[^1];" in lines
    assert "- Báo cáo thành tích của tập thể, cá nhân[^2]." in lines
    # Footnotes come last, after the signature.
    assert lines.index("Võ Văn Tám") < lines.index(
        "[^1]: Theo Mẫu số 01 ban hành kèm theo Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ.")


def test_docx_numbering_labels_and_wide_tables(tmp_path):
    document = docx.Document()
    document.add_paragraph("Hình thức khen thưởng:")
    document.add_paragraph("Bằng khen của Chủ tịch UBND tỉnh", style="List Number")
    document.add_paragraph("Giấy khen của Giám đốc Sở", style="List Number")
    table = document.add_table(rows=2, cols=3)
    for k, value in enumerate(["Hình thức", "Tập thể", "Cá nhân"]):
        table.cell(0, k).text = value
    for k, value in enumerate(["Bằng khen", "01", "02"]):
        table.cell(1, k).text = value
    path = tmp_path / "so-luong.docx"
    document.save(path)
    lines = extract_text(path).split("\n")
    assert "1. Bằng khen của Chủ tịch UBND tỉnh" in lines
    assert "2. Giấy khen của Giám đốc Sở" in lines
    assert "| Hình thức | Tập thể | Cá nhân |" in lines and "| Bằng khen | 01 | 02 |" in lines


@pytest.mark.parametrize("path", REAL_PARAMS)
def test_real_plan_as_docx_reads_like_its_text(path, tmp_path):
    text = _plain_real_plan(path)
    assert _fields(parse_plan(build_docx(text, tmp_path / "plan.docx"))) == _fields(parse_plan_text(text))


# -- PDF ----------------------------------------------------------------------

def test_pdf_reads_like_its_text(tmp_path):
    text = _inline_footnotes(FOOTNOTES_PLAN.read_text(encoding="utf-8"))
    path = build_pdf(text, tmp_path / "ke-hoach.pdf")
    assert "Bình Định, ngày 14 tháng 8 năm 2025" in extract_text(path)
    result = _fields(parse_plan(path))
    assert result == _fields(parse_plan_text(text))
    assert [d["form"] for d in result["dossier"]] == ["01", None, "08"]


@pytest.mark.parametrize("path", REAL_PARAMS)
def test_real_plan_as_pdf_reads_like_its_text(path, tmp_path):
    text = _plain_real_plan(path)
    assert _fields(parse_plan(build_pdf(text, tmp_path / "plan.pdf"))) == _fields(parse_plan_text(text))


def test_pdf_with_columns_drawn_side_by_side(tmp_path):
    """A Word-exported PDF draws the two columns on shared baselines."""
    path = tmp_path / "cong-van.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont(_font(), 13)
    y = 280 * mm
    for left, right in [("UBND TỈNH BẮC NINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                        ("SỞ NỘI VỤ", "Độc lập - Tự do - Hạnh phúc"),
                        ("Số: 77/SNV-TĐKT", "Bắc Ninh, ngày 02 tháng 10 năm 2025"),
                        ("V/v hướng dẫn khen thưởng phong trào", ""), ("thi đua “Dân vận khéo”", ""),
                        ("Kính gửi: Các cơ quan, đơn vị thuộc tỉnh.", ""),
                        ("Đề nghị các cơ quan, đơn vị gửi hồ sơ đề nghị tặng Bằng khen của", ""),
                        ("Chủ tịch UBND tỉnh về Sở Nội vụ trước ngày 20/11/2025.", ""),
                        ("Nơi nhận:", "KT. GIÁM ĐỐC"), ("- Như trên;", "PHÓ GIÁM ĐỐC"),
                        ("- Lưu: VT, TĐKT.", ""), ("", "Đỗ Minh Tâm")]:
        page.drawString(25 * mm, y, left)
        page.drawString(105 * mm, y, right)
        y -= 7 * mm
    page.save()
    plan = parse_plan(path)
    assert (plan.kind, plan.number, plan.place, plan.date) == ("Công văn", "77/SNV-TĐKT", "Bắc Ninh", "2025-10-02")
    assert plan.title == "hướng dẫn khen thưởng phong trào thi đua “Dân vận khéo”"
    assert [a.award for a in plan.awards] == ["Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"]
    assert plan.deadline == "2025-11-19"
    assert (plan.signer.authority, plan.signer.title, plan.signer.name) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đỗ Minh Tâm")
    assert plan.recipients == ["Như trên", "Lưu: VT, TĐKT"]


def test_pdf_locked_only_by_an_owner_password_opens(tmp_path):
    text = _inline_footnotes(FOOTNOTES_PLAN.read_text(encoding="utf-8"))
    source = build_pdf(text, tmp_path / "plain.pdf")
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="", owner_password="chu-so-huu")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as fh:
        writer.write(fh)
    assert parse_plan(locked).number == "156/KH-SNV"


# -- text files -----------------------------------------------------------------

def _cp1258(text: str) -> bytes:
    """Vietnamese as Windows code page 1258 stores it: base letters, then a combining tone mark."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in parts if c in tones)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + tone)
    return "".join(out).encode("cp1258")


ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8 with BOM": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16 LE with BOM": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16 BE with BOM": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-8 decomposed": lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
    "windows-1258": _cp1258,
}


@pytest.mark.parametrize("encode", ENCODINGS.values(), ids=ENCODINGS.keys())
def test_text_encodings(encode, tmp_path):
    text = (DATA / "cong-van-quang-ninh-snv-2025-interleaved.txt").read_text(encoding="utf-8")
    path = tmp_path / "cong-van.txt"
    path.write_bytes(encode(text))
    assert extract_text(path) == unicodedata.normalize("NFC", text)


def test_undecodable_bytes_still_give_text(tmp_path):
    path = tmp_path / "cu.txt"
    path.write_bytes(b"K\x81 ho\xe1ch \x8d s\xf4\xcc\n")
    assert extract_text(path).startswith("K")


@pytest.mark.parametrize("name", ["ke-hoach.md", "KE-HOACH.TXT", "ke-hoach.markdown"])
def test_markdown_and_upper_case_suffixes(name, tmp_path):
    path = tmp_path / name
    path.write_text("Số: 1/KH-STP\nHà Tĩnh, ngày 01 tháng 8 năm 2025\n# KẾ HOẠCH\n", encoding="utf-8")
    assert parse_plan(path).kind == "Kế hoạch"


# -- files that cannot be read ---------------------------------------------------

def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return path


def _scan_pdf(path: Path) -> Path:
    page = canvas.Canvas(str(path), pagesize=A4)
    page.rect(20 * mm, 20 * mm, 150 * mm, 250 * mm, fill=1)
    page.save()
    return path


def _password_pdf(path: Path, tmp_path: Path) -> Path:
    source = build_pdf(_inline_footnotes(FOOTNOTES_PLAN.read_text(encoding="utf-8")), tmp_path / "src.pdf")
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="mat-khau")
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


BAD_FILES = {
    "missing": (lambda d: d / "khong-co.docx", "Không tìm thấy tệp"),
    "folder": (lambda d: d, "thư mục"),
    "unsupported suffix": (lambda d: _write(d / "bang.xlsx", b"PK\x03\x04"), "Không đọc được loại tệp"),
    "old Word": (lambda d: _write(d / "cu.doc", b"\xd0\xcf\x11\xe0"), "Word cũ"),
    "empty": (lambda d: _write(d / "rong.txt", b""), "trống"),
    "only spaces": (lambda d: _write(d / "rong.md", b"  \n\t \n"), "trống"),
    "docx not a zip": (lambda d: _write(d / "hong.docx", b"day khong phai zip"), "không phải tệp Word .docx"),
    "zip but not Word": (lambda d: _zip(d / "khac.docx", {"a.txt": "xin chào"}), "Không đọc được tệp Word"),
    "pdf not a pdf": (lambda d: _write(d / "gia.pdf", b"<html>xin chao</html>"), "không phải tệp PDF"),
    "pdf damaged": (lambda d: _write(d / "hong.pdf", b"%PDF-1.4\n1 0 obj <</Type /Catalog>>\n%%EOF"), "PDF"),
    "pdf scanned": (lambda d: _scan_pdf(d / "quet.pdf"), "Tệp PDF không có lớp văn bản (có thể là bản quét)"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("make, message", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_unreadable_files_raise_a_vietnamese_user_error(make, message, tmp_path):
    with pytest.raises(UserError) as info:
        extract_text(make(tmp_path))
    assert message in str(info.value)


def test_password_protected_pdf(tmp_path):
    path = _password_pdf(tmp_path / "khoa.pdf", tmp_path)
    with pytest.raises(UserError, match="mật khẩu"):
        parse_plan(path)


# -- the command ------------------------------------------------------------------

def test_command_prints_a_summary(capsys):
    assert cli.main(["plan", "parse", str(FOOTNOTES_PLAN)]) == 0
    out = capsys.readouterr().out
    assert "Loại văn bản:         Kế hoạch" in out
    assert "Ngày ban hành:        14/08/2025" in out
    assert "Giấy khen của Giám đốc Sở — chỉ tiêu: 3 tập thể, 6 cá nhân" in out
    assert "Hạn gửi hồ sơ:        24/11/2025" in out
    assert "Tờ trình đề nghị khen thưởng — Mẫu 01, Nghị định/văn bản 152/2025/NĐ-CP" in out


def test_command_json_keeps_vietnamese_letters(capsys):
    assert cli.main(["plan", "parse", str(FOOTNOTES_PLAN), "--json"]) == 0
    out = capsys.readouterr().out
    assert "Bình Định" in out
    assert json.loads(out)["number"] == "156/KH-SNV"


def test_command_reports_an_unreadable_file(tmp_path, capsys):
    bad = _write(tmp_path / "hong.docx", b"khong phai word")
    assert cli.main(["plan", "parse", str(bad)]) == 2
    assert capsys.readouterr().err.startswith("Lỗi: Tệp “hong.docx” không phải tệp Word .docx hợp lệ")
