"""The unit's proposal as a Công văn (NĐ 30/2020 Phụ lục III Mẫu 1.5) when the plan asks for a công văn (issue 10).

The plan used end to end is a VARIANT made for this test of the real fixture
tests/data/plans/huong-dan-hue-stp-2024-columns.txt (its source is in SOURCES.json): its dossier line
"a) Tờ trình đề nghị khen thưởng;" is replaced by "a) Công văn đề nghị khen thưởng của đơn vị;", the wording
other plans use (issue 10). Nothing else of the real text changes.
"""
from __future__ import annotations

import datetime as dt
import subprocess
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from docx import Document as open_docx

from desktop.campaigns import campaign as campaigns
from desktop.commands import main as cli
from desktop.demo import unit as demo
from desktop.dossier import build as dossier, drafts
from desktop.dossier.documents import layout as L
from desktop.dossier.documents.compose import compose
from desktop.dossier.documents.forms import list_forms, load_form
from desktop.dossier.documents.render_docx import render_docx
from desktop.dossier.documents.render_pdf import render_pdf
from desktop.dossier.documents.sample import sample_context
from desktop.errors import UserError
from desktop.store import Store

ROOT = Path(__file__).resolve().parent
REAL = ROOT / "data" / "plans" / "huong-dan-hue-stp-2024-columns.txt"
MM = 72 / 25.4
FORM_ID = "nd30-2020-mau1.5-cong-van"


def variant_plan(folder: Path) -> Path:
    text = REAL.read_text(encoding="utf-8")
    assert "a) Tờ trình đề nghị khen thưởng;" in text
    path = folder / "huong-dan-hue-stp-2024-cong-van.txt"
    path.write_text(text.replace("a) Tờ trình đề nghị khen thưởng;", "a) Công văn đề nghị khen thưởng của đơn vị;"),
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    from desktop.demo.pki import create_demo_pki

    return create_demo_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def plan_demo(tmp_path_factory):
    """``demo --plan`` on the variant plan, made once for the module (copy it before changing it)."""
    folder = tmp_path_factory.mktemp("cong-van")
    path = folder / "mau.sqlite"
    with Store(path) as store:
        demo.fill_for_plan(store, variant_plan(folder))
    return path


# -- the form and its layout ----------------------------------------------------------------------------------

def test_the_form_is_mau_1_5_of_nd30_with_no_type_name():
    form = load_form(next(f.path for f in list_forms() if f.id == FORM_ID))
    assert (form.kind, form.layout, form.decree, form.form, form.type_name, form.symbol) == (
        "cong_van", "ND30-1.5", "30/2020/NĐ-CP", "1.5", "", "")
    assert form.effective_from == dt.date(2020, 3, 5) and form.effective_to is None
    assert form.title[0].text.startswith("V/v đề nghị khen thưởng") and not form.title[0].bold


def test_a_cong_van_form_with_a_type_name_or_without_a_trich_yeu_is_refused(tmp_path):
    import re

    text = next(f.path for f in list_forms() if f.id == FORM_ID).read_text(encoding="utf-8")
    edited = tmp_path / f"{FORM_ID}.toml"          # a form file's name is its id
    edited.write_text(text.replace('type_name = ""', 'type_name = "CÔNG VĂN"', 1), encoding="utf-8")
    with pytest.raises(UserError, match="không hợp lệ: .*không có tên loại"):
        load_form(edited)
    no_title, found = re.subn(r"^title = \[\n.*?^\]", "title = []", text, count=1, flags=re.M | re.S)
    assert found == 1
    edited.write_text(no_title, encoding="utf-8")
    with pytest.raises(UserError, match="không hợp lệ: .*trích yếu"):
        load_form(edited)


def _doc():
    form = next(f for f in list_forms() if f.id == FORM_ID)
    ctx = sample_context()
    ctx["award"] = {**ctx.get("award", {}), "recipient": "Sở Tư pháp tỉnh Hà Tĩnh",
                    "request": "Sở Tư pháp tỉnh Hà Tĩnh xem xét, tặng Giấy khen",
                    "closing": "Sở Tư pháp tỉnh Hà Tĩnh xem xét, quyết định"}
    ctx["document"] = {**ctx.get("document", {}), "number": "7", "date": dt.date(2025, 11, 3)}
    return compose(form, ctx)


def test_the_pdf_puts_the_trich_yeu_under_the_number_in_the_left_column(tmp_path):
    doc = _doc()
    assert doc.is_cong_van and doc.recipient_lines() == ["Sở Tư pháp tỉnh Hà Tĩnh."]
    pdf = render_pdf(doc, tmp_path / "cv.pdf")
    with pdfplumber.open(pdf) as p:
        page = p.pages[0]
        words = page.extract_words(extra_attrs=["size", "fontname"])
        text = page.extract_text()
    assert "Số: 07/STP" in text and "CÔNG VĂN" not in text and "TỜ TRÌNH" not in text
    number = next(w for w in words if w["text"] == "Số:")
    vv = next(w for w in words if w["text"] == "V/v")
    place = next(w for w in words if w["text"].startswith("Hà") and "Italic" in w["fontname"])
    left_column = (L.MARGIN_LEFT_MM + L.HEADER_LEFT_MM) * MM
    # Box 5b: under the Số line (about 6 pt lower), in the left column, upright, 13 pt, not bold.
    assert vv["top"] > number["bottom"] + 4 and vv["x1"] < left_column
    assert round(vv["size"]) == L.SIZE_TITLE_CONG_VAN and "Bold" not in vv["fontname"]
    assert abs(place["top"] - number["top"]) < 3            # the place-date line beside the Số line
    kinh_gui = next(w for w in words if w["text"] == "Kính")
    assert kinh_gui["top"] > vv["bottom"]
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(out.split())
    assert "Kính gửi: Sở Tư pháp tỉnh Hà Tĩnh." in flat and "xem xét, quyết định./." in flat
    assert "Nơi nhận: - Như trên;" in flat


def test_the_docx_puts_the_trich_yeu_in_the_header_table(tmp_path):
    doc = _doc()
    word = open_docx(render_docx(doc, tmp_path / "cv.docx"))
    header = word.tables[0]
    left = header.rows[1].cells[0]
    styles = [(p.style.name, p.text) for p in left.paragraphs]
    assert styles[0] == ("Số, ký hiệu", "Số: 07/STP")
    assert styles[1][0] == "Trích yếu công văn" and styles[1][1].replace("\n", " ").startswith("V/v đề nghị")
    body = [p.text for p in word.paragraphs]
    assert not any(t in ("CÔNG VĂN", "TỜ TRÌNH") for t in body)


# -- which document the plan's list asks for ----------------------------------------------------------------

@pytest.mark.parametrize("name, kind", [
    ("Công văn đề nghị khen thưởng của đơn vị", "cong_van"),
    ("Công văn đề nghị khen thưởng", "cong_van"),
    ("Văn bản đề nghị khen thưởng của đơn vị", "to_trinh"),
    ("Tờ trình (công văn) đề nghị khen thưởng", "to_trinh"),
    ("Tờ trình đề nghị khen thưởng", "to_trinh"),
])
def test_the_dossier_item_maps_to_the_cong_van_only_when_the_plan_names_a_cong_van(name, kind):
    assert dossier.kind_of(name) == kind


def test_drafted_from_the_records_to_the_body_that_issued_the_plan(demo_store):
    c = campaigns.get(demo_store, 1)
    c.documents[0] = campaigns.DossierDocument("Công văn đề nghị khen thưởng của đơn vị")
    campaigns.save(demo_store, c)
    assert dossier.proposal_kinds(demo_store, 1) == ["cong_van"]
    assert dossier.required(demo_store, 1)[0].kind == "cong_van"
    assert "Công văn đề nghị khen thưởng chưa được soạn" in dossier.problems(demo_store, 1)
    draft_id = drafts.create(demo_store, "cong_van", 1)
    assert drafts.create(demo_store, "cong_van", 1) == draft_id        # one per campaign
    d = drafts.get(demo_store, draft_id)
    assert (d.kind, d.form, drafts.title(demo_store, d)) == ("cong_van", FORM_ID, "Công văn đề nghị khen thưởng")
    doc = drafts.document(demo_store, draft_id)
    issuer = c.issuer or "Sở Tư pháp tỉnh Hà Tĩnh"
    assert doc.recipients[0].startswith(issuer)
    assert doc.title_lines[0].text.startswith("V/v đề nghị khen thưởng")
    text = doc.plain_text()
    passed = [r.name for r in __import__("desktop.council.nominations", fromlist=["x"]).list_for_campaign(demo_store, 1)
              if r.status in ("thong_qua", "da_gui")]
    assert passed and all(name in text for name in passed)
    assert f"kính đề nghị {issuer} xem xét" in text
    assert dossier.required(demo_store, 1)[0].drafts[0].id == draft_id


def test_a_cong_van_cannot_be_drafted_before_the_council_met(store):
    campaigns.save(store, campaigns.Campaign("Thi đua", number="1/KH-STP", doc_date="2025-01-02"))
    with pytest.raises(UserError, match="chưa họp xét"):
        drafts.create(store, "cong_van", 1)


# -- demo --plan, the command line and the package -------------------------------------------------------------

def test_demo_on_a_plan_naming_a_cong_van_drafts_and_finalises_it_and_no_to_trinh(plan_demo):
    with Store(plan_demo) as store:
        kinds = [d.kind for d in drafts.list_for_campaign(store, 1)]
        assert "cong_van" in kinds and "to_trinh" not in kinds
        assert dossier.problems(store, 1) == []
        item = dossier.required(store, 1)[0]
        assert (item.name, item.kind, item.state) == ("Công văn đề nghị khen thưởng", "cong_van", "hoan_thien")
        c = campaigns.get(store, 1)
        doc = drafts.document(store, item.drafts[0].id)
        assert doc.recipients[0].startswith(c.issuer) and doc.header.number


def test_draft_cong_van_on_the_command_line_and_the_package_verifies(plan_demo, tmp_path, pki, monkeypatch,
                                                                        capsys):
    import shutil

    db = tmp_path / "mau.sqlite"
    shutil.copyfile(plan_demo, db)
    out = tmp_path / "cong-van.pdf"
    assert cli.main(["--db", str(db), "draft", "cong-van", "1", "--out", str(out)]) == 0
    assert "mẫu nd30-2020-mau1.5-cong-van" in capsys.readouterr().out
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "V/v đề nghị khen thưởng các tập thể, cá nhân có thành tích xuất sắc" in text
    assert "Kính gửi: Sở Tư pháp tỉnh Thừa Thiên Huế" in text and "TỜ TRÌNH" not in text
    folder = tmp_path / "ho-so"
    assert cli.main(["--db", str(db), "draft", "all", "1", "--out", str(folder)]) == 0
    assert any("Công văn đề nghị khen thưởng" in p.name for p in folder.iterdir())
    assert not any("Tờ trình" in p.name for p in folder.iterdir())
    package = tmp_path / "goi.asice"
    monkeypatch.setenv("THIDUA_PIN", pki.password)
    assert cli.main(["--db", str(db), "package", "build", "1", str(package), "--p12", str(pki.signer_p12)]) == 0
    with zipfile.ZipFile(package) as z:
        assert any("Công văn đề nghị khen thưởng" in n for n in z.namelist())
    assert cli.main(["package", "verify", str(package), "--trust", str(pki.ca_pem)]) == 0
