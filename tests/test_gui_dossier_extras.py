"""The Hồ sơ page beyond the award dossier's own documents (issues 10 and 14): the form of each document chosen
among those that fit its date, with the reason and a warning when the plan's form was replaced; the papers of the
plan's list that the app does not draft, attached and removed on their row; the Bản đăng ký thi đua and the Báo
cáo kết quả drafted, edited and finalised from the window."""
from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from pypdf import PdfReader  # noqa: E402

from desktop.campaigns import campaign as campaigns
from desktop import clock
from desktop.dossier import build as dossier, drafts  # noqa: E402
from desktop.ui.models.documents import PAPER, dossier_items  # noqa: E402
from desktop.ui.pages.documents import DocumentsPage  # noqa: E402
from desktop.ui.qt import QFileDialog, QMessageBox, Qt  # noqa: E402
from gui_support import hold_meeting, type_text  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]

NDKG = 1        # the demo's "Ngày không giấy" campaign: council held, every document finalised
DMST = 2        # the demo's other campaign: nothing of the dossier drafted yet
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def page(qtbot, demo_store):
    clock.set_now(dt.datetime(2025, 9, 1, 3, 0, tzinfo=dt.timezone.utc))   # NĐ 152/2025 in force
    p = DocumentsPage(demo_store)
    qtbot.addWidget(p)
    p.resize(1100, 760)
    p.show()
    qtbot.waitExposed(p)
    return p


def yes(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)


def select(page, predicate) -> int:
    for row in range(page.model.rowCount()):
        item = page.model.item_at(row)
        if predicate(item):
            page.view.setCurrentIndex(page.model.index(row, 0))
            return row
    raise AssertionError("no such row")


def test_a_replaced_form_is_warned_about_and_the_form_in_force_is_offered(qtbot, page, demo_store, monkeypatch):
    """The plan cites NĐ 91/2017 Mẫu 07 for the reports: after 2023 that form is replaced; the list shows the
    forms that fit the date, the reason says so, and one click drafts with the form in force."""
    c = campaigns.get(demo_store, DMST)
    c.documents = [campaigns.DossierDocument("Tờ trình đề nghị khen thưởng"),
                   campaigns.DossierDocument("Báo cáo thành tích", form="07", decree="91/2017/NĐ-CP")]
    campaigns.save(demo_store, c)
    hold_meeting(demo_store, DMST)
    page.set_campaign(DMST)
    select(page, lambda i: i.kind == "bao_cao")
    assert page.form_row.isVisible() and page.form_box.isEnabled()
    labels = [page.form_box.itemText(i) for i in range(page.form_box.count())]
    assert "91/2017" in page.form_box.currentText() and "(đã bị thay thế vào ngày này)" in page.form_box.currentText()
    assert any("152/2025" in t for t in labels)
    assert all("98/2023" not in t for t in labels)          # NĐ 98/2023 forms ended on 30/06/2025
    assert page.form_reason.text().startswith("Cảnh báo") and "01/09/2025" in page.form_reason.text()
    assert page.form_current_btn.isVisible() and "152/2025/NĐ-CP 08" in page.form_current_btn.text()
    qtbot.mouseClick(page.form_current_btn, Qt.LeftButton)
    assert "152/2025" in page.form_box.currentText()
    qtbot.mouseClick(page.draft_btn, Qt.LeftButton)
    item = page.current_item()
    assert item.draft is not None and item.draft.form.startswith("nd152-2025-mau08-bao-cao")
    # The same domain function as ``draft --form``: the reason shown is the one the draft keeps.
    options = drafts.form_options(demo_store, "bao_cao", item.target_id, item.draft_id)
    assert options.chosen.id == item.draft.form and not options.replaced


def test_the_form_of_a_drafted_document_is_changed_from_the_list(qtbot, page, demo_store, monkeypatch):
    clock.set_now(dt.datetime(2024, 9, 1, 3, 0, tzinfo=dt.timezone.utc))   # NĐ 98/2023 in force
    c = campaigns.get(demo_store, DMST)
    c.documents = [campaigns.DossierDocument("Tờ trình đề nghị khen thưởng")]   # no form cited: the one in force
    campaigns.save(demo_store, c)
    hold_meeting(demo_store, DMST)
    page.set_campaign(DMST)
    select(page, lambda i: i.kind == "to_trinh")
    qtbot.mouseClick(page.draft_btn, Qt.LeftButton)
    d = page.current_item().draft
    assert d.form == "nd98-2023-mau01-to-trinh"
    other = page.form_box.findData("nd30-2020-mau1.4-to-trinh")
    assert other < 0                                    # Mẫu 1.4 ended with 2023: not offered in 2024
    ids = [page.form_box.itemData(i) for i in range(page.form_box.count())]
    assert ids == [f.id for f in drafts.fitting_forms("to_trinh", None, dt.date(2024, 9, 1))]
    # A later draft date (after 01/07/2025) offers the NĐ 152/2025 form; the chooser changes the draft.
    page.editor.date.clear()
    type_text(qtbot, page.editor.date, "01/08/2025")
    qtbot.mouseClick(page.editor.save_btn, Qt.LeftButton)
    assert drafts.current(demo_store, d.id).header["date"] == "2025-08-01"
    ids = [page.form_box.itemData(i) for i in range(page.form_box.count())]
    assert "nd152-2025-mau01-to-trinh" in ids and page.form_reason.styleSheet().startswith("color: #b00020")
    yes(monkeypatch)
    page.form_box.setCurrentIndex(ids.index("nd152-2025-mau01-to-trinh"))
    page.form_box.activated.emit(ids.index("nd152-2025-mau01-to-trinh"))
    assert drafts.get(demo_store, d.id).form == "nd152-2025-mau01-to-trinh"
    assert drafts.current(demo_store, d.id).note.startswith("Đổi mẫu")
    assert page.editor.draft_id == d.id and page.editor.version == drafts.current(demo_store, d.id).version
    assert "Nghị định số 152/2025/NĐ-CP" in drafts.document(demo_store, d.id).plain_text()


def test_a_paper_of_the_plan_is_attached_and_removed_on_its_row(qtbot, page, demo_store, monkeypatch, tmp_path):
    c = campaigns.get(demo_store, NDKG)
    c.documents.append(campaigns.DossierDocument("Giấy xác nhận của Cục Thuế về việc chấp hành nghĩa vụ thuế"))
    campaigns.save(demo_store, c)
    page.set_campaign(NDKG)
    row = select(page, lambda i: i.kind == PAPER)
    assert page.model.index(row, 1).data() == "Chưa đính kèm"
    assert page.attach_btn.isVisible() and page.attach_btn.isEnabled()
    assert not page.remove_attachment_btn.isEnabled() and not page.draft_btn.isEnabled()
    assert not page.form_row.isVisible()
    assert "Đính kèm tệp…" in page.empty_state.text()
    paper = tmp_path / "xac-nhan-thue.pdf"
    paper.write_bytes(PDF)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(paper), ""))
    qtbot.mouseClick(page.attach_btn, Qt.LeftButton)
    row = select(page, lambda i: i.kind == PAPER)
    assert page.model.index(row, 1).data() == "Đã đính kèm: xac-nhan-thue.pdf"
    assert "xac-nhan-thue.pdf" in page.empty_state.text()
    assert dossier.required(demo_store, NDKG)[-1].state == "hoan_thien"
    yes(monkeypatch)
    assert page.remove_attachment_btn.isEnabled()
    qtbot.mouseClick(page.remove_attachment_btn, Qt.LeftButton)
    row = select(page, lambda i: i.kind == PAPER)
    assert page.model.index(row, 1).data() == "Chưa đính kèm"
    assert dossier.required(demo_store, NDKG)[-1].state == "thieu"


def test_the_registration_and_the_report_of_results_are_drafted_and_finalised_in_the_window(
        qtbot, page, demo_store, monkeypatch, tmp_path):
    page.set_campaign(NDKG)
    kinds = [i.kind for i in dossier_items(demo_store, NDKG)]
    assert "dang_ky" in kinds and "bao_cao_ket_qua" in kinds
    select(page, lambda i: i.kind == "dang_ky")
    assert page.model.index(page.view.currentIndex().row(), 0).data() == "Bản đăng ký thi đua"
    assert page.draft_btn.isEnabled()
    qtbot.mouseClick(page.draft_btn, Qt.LeftButton)
    item = page.current_item()
    assert item.kind == "dang_ky" and item.draft is not None
    assert page.editor.draft_id == item.draft.id and page.stack.currentWidget() is page.editor
    assert "30/2020" in page.form_box.currentText()
    # The văn thư numbers it, then it is finalised from the window; its PDF reads back.
    drafts.edit(demo_store, item.draft.id, header={"number": "12"})
    page.reload()
    assert not drafts.problems(demo_store, item.draft.id), drafts.problems(demo_store, item.draft.id)
    yes(monkeypatch)
    qtbot.mouseClick(page.finalise_btn, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.task is None, timeout=60000)
    assert drafts.get(demo_store, item.draft.id).finalised
    assert page.current_item().kind == "dang_ky" and page.model.index(
        page.view.currentIndex().row(), 1).data() == "Đã hoàn thiện"
    out = tmp_path / "dang-ky.pdf"
    drafts.render(demo_store, item.draft.id, out)
    text = "\n".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "BẢN ĐĂNG KÝ" in text.upper() and "Số: 12/" in text
    # The report of the whole campaign: a row of its own, drafted from the window.
    select(page, lambda i: i.kind == "bao_cao_ket_qua" and i.phase_id is None)
    qtbot.mouseClick(page.draft_btn, Qt.LeftButton)
    assert drafts.find_for_campaign(demo_store, "bao_cao_ket_qua", NDKG) is not None
    assert page.current_item().kind == "bao_cao_ket_qua" and page.current_item().draft is not None
