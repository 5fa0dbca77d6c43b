"""The dossier in the window: drafting, editing with versions, the live preview, finalising, exporting,
printing only where allowed, and the print log."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from docx import Document as DocxDocument  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from desktop.campaigns import campaign as campaigns
from desktop.council import nominations  # noqa: E402
from desktop.dossier import drafts, printing  # noqa: E402
from desktop.ui.main_window import PAGE_KEYS, MainWindow  # noqa: E402
from desktop.ui.models.documents import (  # noqa: E402
    DossierModel, HistoryModel, PrintLogModel, SectionsModel, ThumbnailsModel, dossier_items,
)
from desktop.ui.pages.documents import DocumentsPage  # noqa: E402
from desktop.ui.pages.print_log import PaperBox, PrintLogPage, month_keys  # noqa: E402
from desktop.ui.qt import (  # noqa: E402
    HAVE_PDF, QDialog, QFileDialog, QMessageBox, QPrintDialog, QPrinter,
    Qt, QTextCursor,
)
from gui_support import hold_meeting, type_text  # noqa: E402


pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]

NDKG = 1        # the demo's "Ngày không giấy" campaign: council held, every document finalised
DMST = 2        # the demo's other campaign: nothing drafted yet


@pytest.fixture
def page(qtbot, demo_store):
    p = DocumentsPage(demo_store)
    qtbot.addWidget(p)
    p.resize(1100, 760)
    p.show()
    qtbot.waitExposed(p)
    return p


def yes(monkeypatch, asked: list | None = None):
    def answer(_parent, title, text, *args, **kwargs):
        if asked is not None:
            asked.append((title, text))
        return QMessageBox.Yes
    monkeypatch.setattr(QMessageBox, "question", answer)


def draft_to_trinh(qtbot, page) -> int:
    hold_meeting(page.store, DMST)
    page.set_campaign(DMST)
    assert page.model.index(0, 0).data() == "Tờ trình đề nghị khen thưởng — Giám đốc Sở Tư pháp tỉnh Hà Tĩnh"
    assert page.model.index(0, 1).data() == "Chưa soạn"
    page.view.setCurrentIndex(page.model.index(0, 0))
    assert page.draft_btn.isEnabled() and not page.print_btn.isEnabled()
    qtbot.mouseClick(page.draft_btn, Qt.LeftButton)
    draft = drafts.find(page.store, "to_trinh", DMST)
    assert draft is not None
    assert page.editor.draft_id == draft.id and page.stack.currentWidget() is page.editor
    assert page.model.index(0, 1).data() == "Bản nháp (phiên bản 1)"
    return draft.id


def type_at_end(qtbot, editor, text: str) -> None:
    editor.text.moveCursor(QTextCursor.End)
    type_text(qtbot, editor.text, text)


def select_section(editor, section_id: str) -> None:
    editor.sections_view.setCurrentIndex(editor.sections.index(editor.sections.row_of(section_id)))
    assert editor.current_section == section_id


def pdf_text(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


def test_pages_are_in_the_window(qtbot, demo_store):
    assert PAGE_KEYS["ho-so"] == "documents" and PAGE_KEYS["so-in"] == "print-log"
    w = MainWindow(demo_store, remember=False)
    qtbot.addWidget(w)
    w.show_page("ho-so")
    assert w.current_page() == "documents"
    w.show_page("so-in")
    assert w.current_page() == "print-log"
    titles = [w.nav_model.item(i).text() for i in range(w.nav_model.rowCount())]
    assert "Hồ sơ khen thưởng" in titles and "Sổ in" in titles


def test_the_dossier_lists_what_the_campaign_needs(page, demo_store):
    page.set_campaign(NDKG)
    items = dossier_items(demo_store, NDKG)
    kinds = [i.kind for i in items]
    assert kinds[:2] == ["to_trinh", "to_trinh"] and kinds.count("to_trinh") == 2  # one per approving authority
    assert items[0].title.endswith("Giám đốc Sở Tư pháp tỉnh Hà Tĩnh")
    assert kinds.count("bien_ban") == 1                       # one held meeting
    passed = [r for r in nominations.list_for_campaign(demo_store, NDKG) if r.status == "thong_qua"]
    assert kinds.count("bao_cao") == len(passed) == 6         # the nominations the council passed
    assert page.model.rowCount() == len(items)
    assert page.model.index(2, 0).data().startswith("Biên bản họp Hội đồng")
    dossier_rows = [r for r, i in enumerate(items) if i.kind in ("to_trinh", "bien_ban", "bao_cao")]
    assert all(page.model.index(r, 1).data() == "Đã hoàn thiện" for r in dossier_rows)
    # The campaign's own documents to the Sở follow the dossier (issue 14), drafted or not yet.
    assert [i.kind for i in items[len(dossier_rows):]][:2] == ["dang_ky", "bao_cao_ket_qua"]
    assert page.model.index(0, 2).data() == "Thường"
    # A finalised document: read-only under its banner, its kept PDF in the preview.
    editor = page.editor
    assert editor.finalised and editor.text.isReadOnly() and not editor.save_btn.isEnabled()
    assert editor.banner.isVisible()
    assert editor.banner.text().startswith("Đã hoàn thiện — không sửa trực tiếp")
    assert page.reopen_btn.isEnabled() and not page.finalise_btn.isEnabled()
    if HAVE_PDF:
        assert editor.preview.page_count() == len(PdfReader(editor.preview.path).pages) > 0


def test_clerk_drafts_edits_saves_restores_and_regenerates(qtbot, page, demo_store, monkeypatch):
    draft_id = draft_to_trinh(qtbot, page)
    editor = page.editor
    v1 = drafts.current(demo_store, draft_id)
    assert [editor.sections.id_at(r) for r in range(editor.sections.rowCount())] == ["mo_dau", "de_nghi"]
    # Headingless sections are named by their first words.
    assert editor.sections.index(0).data().startswith("Mục 1: Thực hiện Kế hoạch")
    assert not editor.save_btn.isEnabled()

    # Edit a section: marked as not saved, then saved as version 2.
    select_section(editor, "mo_dau")
    type_at_end(qtbot, editor, " Phong trào đạt kết quả tốt.")
    assert editor.dirty and editor.save_btn.isEnabled()
    assert editor.sections.index(0).data().endswith("•")
    assert "chưa lưu" in editor.state_label.text()
    qtbot.mouseClick(editor.save_btn, Qt.LeftButton)
    v2 = drafts.current(demo_store, draft_id)
    assert v2.version == 2 and v2.sections["mo_dau"] == v1.sections["mo_dau"] + " Phong trào đạt kết quả tốt."
    assert v2.sections["de_nghi"] == v1.sections["de_nghi"]
    assert not editor.dirty and editor.history.rowCount() == 2
    assert editor.history.index(0, 0).data() == "2" and editor.history.index(0, 3).data() == "Sửa nội dung"
    assert page.model.index(0, 1).data() == "Bản nháp (phiên bản 2)"

    # Restore version 1: a new version with version 1's text.
    editor.tabs.setCurrentIndex(1)
    assert not editor.restore_btn.isEnabled()          # nothing chosen yet
    editor.history_view.setCurrentIndex(editor.history.index(1, 0))
    asked = []
    yes(monkeypatch, asked)
    qtbot.mouseClick(editor.restore_btn, Qt.LeftButton)
    assert "phiên bản 1" in asked[-1][1]
    v3 = drafts.current(demo_store, draft_id)
    assert v3.version == 3 and v3.sections == v1.sections and v3.note == "Khôi phục phiên bản 1"
    assert editor.text.toPlainText() == v1.sections["mo_dau"]

    # Edit both sections; recompose one of them: the other keeps the clerk's text, saved or not.
    type_at_end(qtbot, editor, " Đã sửa.")
    qtbot.mouseClick(editor.save_btn, Qt.LeftButton)
    select_section(editor, "de_nghi")
    type_at_end(qtbot, editor, " Sẽ bị thay.")
    qtbot.mouseClick(editor.save_btn, Qt.LeftButton)
    select_section(editor, "mo_dau")
    type_at_end(qtbot, editor, " Chưa lưu.")
    select_section(editor, "de_nghi")
    qtbot.mouseClick(editor.regenerate_btn, Qt.LeftButton)
    assert "Chỉ mục này thay đổi; các mục khác giữ nguyên nội dung" in asked[-1][1]
    fresh = drafts.current(demo_store, draft_id)
    assert fresh.sections["de_nghi"] == v1.sections["de_nghi"]
    assert fresh.sections["mo_dau"] == v1.sections["mo_dau"] + " Đã sửa."
    assert editor.text.toPlainText() == v1.sections["de_nghi"]
    assert editor.texts["mo_dau"] == v1.sections["mo_dau"] + " Đã sửa. Chưa lưu."   # the unsaved edit stays
    assert editor.dirty
    qtbot.mouseClick(editor.save_btn, Qt.LeftButton)
    assert drafts.current(demo_store, draft_id).sections["mo_dau"].endswith("Đã sửa. Chưa lưu.")


def test_toolbar_marks_up_the_selection(qtbot, page, monkeypatch):
    draft_to_trinh(qtbot, page)
    editor = page.editor
    editor.text.setPlainText("Tên đơn vị\nDòng hai")
    cursor = editor.text.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(3, QTextCursor.KeepAnchor)
    editor.text.setTextCursor(cursor)
    editor.bold_action.trigger()
    assert editor.text.toPlainText().startswith("**Tên** đơn vị")
    editor.text.selectAll()
    editor.list_action.trigger()
    assert editor.text.toPlainText() == "- **Tên** đơn vị\n- Dòng hai"
    editor.text.selectAll()
    editor.list_action.trigger()
    assert editor.text.toPlainText() == "**Tên** đơn vị\nDòng hai"
    editor.text.moveCursor(QTextCursor.End)
    editor.table_action.trigger()
    text = editor.text.toPlainText()
    assert text.endswith("\n\n| Cột 1 | Cột 2 |\n|-----|-----|\n|  |  |\n")
    editor.text.moveCursor(QTextCursor.End)
    editor.italic_action.trigger()
    type_text(qtbot, editor.text, "nghieng")
    assert editor.text.toPlainText().endswith("*nghieng*")


def test_header_fields_are_saved_and_a_bad_date_is_refused(qtbot, page, demo_store):
    draft_id = draft_to_trinh(qtbot, page)
    editor = page.editor
    editor.number.clear()
    type_text(qtbot, editor.number, "12")
    editor.date.clear()
    type_text(qtbot, editor.date, "31/02/2026")
    qtbot.mouseClick(editor.save_btn, Qt.LeftButton)
    assert editor.date_error.isVisible() and "31/02/2026" in editor.date_error.text()
    assert drafts.current(demo_store, draft_id).version == 1
    editor.date.clear()
    type_text(qtbot, editor.date, "05/12/2026")
    editor.classification.setCurrentIndex(editor.classification.findData("mat"))
    assert editor.classification.currentText() == "Mật"
    qtbot.mouseClick(editor.save_btn, Qt.LeftButton)
    v = drafts.current(demo_store, draft_id)
    assert v.header == {"number": "12", "date": "2026-12-05"}
    # Kính gửi follows the plan unless the clerk writes another.
    assert editor.recipients.isVisible() and editor.recipients.placeholderText() == "Giám đốc Sở Tư pháp tỉnh Hà Tĩnh"
    type_text(qtbot, editor.recipients, "Giám đốc Sở Tư pháp tỉnh Hà Tĩnh (qua Văn phòng Sở)")
    qtbot.mouseClick(editor.save_btn, Qt.LeftButton)
    assert drafts.current(demo_store, draft_id).header["recipients"] == "Giám đốc Sở Tư pháp tỉnh Hà Tĩnh (qua Văn phòng Sở)"
    assert drafts.document(demo_store, draft_id).recipient_lines() == [
        "Giám đốc Sở Tư pháp tỉnh Hà Tĩnh (qua Văn phòng Sở)."]
    assert drafts.get(demo_store, draft_id).classification == "mat"
    assert page.model.index(0, 2).data() == "Mật"
    text = drafts.document(demo_store, draft_id).plain_text()
    assert "Số: 12/" in text and "ngày 05 tháng 12 năm 2026" in text


@pytest.mark.skipif(not HAVE_PDF, reason="the preview needs QtPdf (PySide6-Pdf)")
def test_preview_shows_the_pdf_with_its_pages_and_follows_the_edits(qtbot, page, demo_store, tmp_path):
    draft_id = draft_to_trinh(qtbot, page)
    editor = page.editor
    expected = len(PdfReader(str(drafts.render(demo_store, draft_id, tmp_path / "x.pdf"))).pages)
    qtbot.waitUntil(lambda: editor.preview.page_count() == expected, timeout=15000)
    assert editor.preview.thumbnails.rowCount() == expected
    assert not editor.preview.thumbnails.index(0).data(Qt.DecorationRole).isNull()
    first = editor.preview.path

    # Unsaved edits show in the preview once typing stops.
    select_section(editor, "de_nghi")
    type_at_end(qtbot, editor, " ZXQ preview 2026")
    qtbot.waitUntil(lambda: editor.preview.path != first and not editor.renderer.busy, timeout=15000)
    assert "ZXQ preview 2026" in pdf_text(editor.preview.path).replace("\n", " ")
    assert drafts.current(demo_store, draft_id).version == 1     # nothing saved by previewing
    # Clicking a thumbnail goes to its page.
    if expected > 1:
        thumbs = editor.preview.thumb_view
        last = editor.preview.thumbnails.index(expected - 1)
        thumbs.scrollTo(last)
        qtbot.mouseClick(thumbs.viewport(), Qt.LeftButton, pos=thumbs.visualRect(last).center())
        assert editor.preview.view.pageNavigator().currentPage() == expected - 1


def test_finalise_makes_the_editor_read_only_and_reopen_gives_it_back(qtbot, page, demo_store, monkeypatch):
    draft_id = draft_to_trinh(qtbot, page)
    assert [p.section for p in drafts.problems(demo_store, draft_id)] == ["Số, ký hiệu"]
    assert page.editor.problems_label.isVisible() and "Số, ký hiệu" in page.editor.problems_label.text()
    type_text(qtbot, page.editor.number, "12")  # numbered when registered: nothing is left blank
    qtbot.mouseClick(page.editor.save_btn, Qt.LeftButton)
    assert drafts.problems(demo_store, draft_id) == []
    assert not page.editor.problems_label.isVisible()
    yes(monkeypatch)
    qtbot.mouseClick(page.finalise_btn, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.task is None, timeout=20000)
    assert drafts.get(demo_store, draft_id).finalised
    editor = page.editor
    assert editor.text.isReadOnly() and editor.banner.isVisible() and not editor.save_btn.isEnabled()
    assert not editor.regenerate_btn.isEnabled() and not editor.number.isEnabled()
    assert page.model.index(0, 1).data() == "Đã hoàn thiện"
    assert page.reopen_btn.isEnabled() and not page.finalise_btn.isEnabled()
    if HAVE_PDF:
        assert editor.preview.page_count() > 0

    qtbot.mouseClick(page.reopen_btn, Qt.LeftButton)
    assert not drafts.get(demo_store, draft_id).finalised
    assert not editor.text.isReadOnly() and not editor.banner.isVisible()
    assert page.model.index(0, 1).data() == "Bản nháp (phiên bản 2)"


def test_print_of_an_ordinary_document_is_refused_with_the_reason(qtbot, page, demo_store, monkeypatch,
                                                                     tmp_path):
    draft_to_trinh(qtbot, page)
    warnings = []

    def warning(_parent, title, text, *args, **kwargs):
        warnings.append((title, text))
        return QMessageBox.No

    monkeypatch.setattr(QMessageBox, "warning", warning)
    opened = press_print(monkeypatch, tmp_path / "khong-in.pdf")
    qtbot.mouseClick(page.print_btn, Qt.LeftButton)
    (title, text), = warnings
    assert title == "Không được in"
    assert "chỉ in văn bản mật và hồ sơ đề nghị khen thưởng cấp Nhà nước" in text
    assert "Xuất ra tệp PDF" in text
    assert printing.entries(demo_store) == [] and opened == [] and not (tmp_path / "khong-in.pdf").exists()


def press_print(monkeypatch, output, copies=2):
    """Qt's print dialog, opened: the clerk picks "print to a PDF file", the copies, and presses Print."""
    opened = []

    def open_dialog(dialog):
        assert isinstance(dialog, QPrintDialog)
        opened.append(dialog.windowTitle())
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.PdfFormat)
        printer.setOutputFileName(str(output))
        printer.setResolution(72)
        printer.setCopyCount(copies)
        dialog.done(QDialog.Accepted)

    monkeypatch.setattr(QDialog, "open", open_dialog)
    return opened


@pytest.mark.skipif(not HAVE_PDF, reason="printing through Qt needs QtPdf (PySide6-Pdf)")
def test_a_classified_document_prints_and_is_in_the_print_log(qtbot, demo_store, monkeypatch, tmp_path):
    w = MainWindow(demo_store, remember=False)
    qtbot.addWidget(w)
    w.show()
    w.show_page("ho-so")
    page = w.pages["documents"]
    draft_id = draft_to_trinh(qtbot, page)
    editor = page.editor
    editor.classification.setCurrentIndex(editor.classification.findData("toi_mat"))
    qtbot.mouseClick(editor.save_btn, Qt.LeftButton)
    assert printing.permission(demo_store, draft_id).allowed

    output = tmp_path / "ban-in.pdf"
    opened = press_print(monkeypatch, output)
    qtbot.mouseClick(page.print_btn, Qt.LeftButton)
    assert opened == ["In “Tờ trình đề nghị khen thưởng — Giám đốc Sở Tư pháp tỉnh Hà Tĩnh”"]
    (entry,) = printing.entries(demo_store)
    assert entry["document"] == "Tờ trình đề nghị khen thưởng - Giám đốc Sở Tư pháp tỉnh Hà Tĩnh" and entry["copies"] == 2
    assert entry["printer"] == str(output)
    assert entry["reason"].startswith("Văn bản tối mật")
    # What reached the "printer": every page, twice (a PDF printer makes no copies itself).
    printed = len(PdfReader(str(output)).pages)
    assert printed == entry["pages"] * (1 if page.printer.supportsMultipleCopies() else 2)
    assert "Sổ in" in page.message.text() or "sổ in" in page.message.text()

    w.show_page("so-in")
    log = w.pages["print-log"]
    assert log.model.rowCount() == 1
    assert log.model.index(0, 2).data() == "Tờ trình đề nghị khen thưởng - Giám đốc Sở Tư pháp tỉnh Hà Tĩnh"
    assert log.model.index(0, 3).data() == str(entry["pages"]) and log.model.index(0, 4).data() == "2"
    assert log.chart.values[-1] == entry["pages"] * 2
    # Tổng quan: the month's paper, against the paperless target while a paperless campaign runs.
    overview = w.pages["overview"]
    w.show_page("tong-quan")
    assert overview.paper.chart.values[-1] == entry["pages"] * 2
    paperless = any(p.campaign.paperless for p in campaigns.running(demo_store))
    assert overview.paper.chart.target_shown == paperless and overview.paper.target.isVisible() == paperless


def test_overview_paper_box_shows_the_paperless_target(qtbot):
    box = PaperBox()
    qtbot.addWidget(box)
    box.show_pages({"2026-10": 4, "2026-11": 9}, paperless=True)
    assert box.chart.values[-2:] == [4, 9] or box.chart.values[-1] == 0
    assert box.chart.target_shown and not box.target.isHidden()
    assert box.target.text() == "Mục tiêu: không dùng giấy, trừ văn bản mật và hồ sơ khen thưởng cấp Nhà nước"
    box.show_pages({}, paperless=False)
    assert not box.chart.target_shown and box.target.isHidden() and set(box.chart.values) == {0}


def test_export_pdf_and_word_read_back(qtbot, page, demo_store, monkeypatch, tmp_path):
    draft_id = draft_to_trinh(qtbot, page)
    editor = page.editor
    select_section(editor, "mo_dau")
    type_at_end(qtbot, editor, " Xuất tệp.")
    qtbot.mouseClick(editor.save_btn, Qt.LeftButton)

    out_pdf = tmp_path / "xuat" / "to-trinh"          # no suffix typed: the page adds it
    out_pdf.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out_pdf), ""))
    qtbot.mouseClick(page.export_pdf_btn, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.task is None, timeout=20000)
    pdf = out_pdf.with_name("to-trinh.pdf")
    text = pdf_text(pdf)
    assert "TỜ TRÌNH" in text and "Xuất tệp." in text.replace("\n", " ")
    assert str(pdf) in page.message.text()

    out_docx = tmp_path / "xuat" / "to-trinh.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out_docx), ""))
    qtbot.mouseClick(page.export_docx_btn, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.task is None, timeout=20000)
    body = "\n".join(p.text for p in DxocxParagraphs(out_docx))
    assert "Xuất tệp." in body
    assert drafts.current(demo_store, draft_id).version == 2


def DxocxParagraphs(path):
    doc = DocxDocument(str(path))
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def test_unsaved_edits_are_asked_about_before_leaving_the_document(qtbot, page, demo_store, monkeypatch):
    draft_id = draft_to_trinh(qtbot, page)
    editor = page.editor
    type_at_end(qtbot, editor, " Chưa lưu.")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Cancel)
    page.set_campaign(NDKG)
    assert page.campaign_id() == DMST and page.model.campaign_id == DMST   # stayed
    assert editor.draft_id == draft_id and editor.dirty                    # the edits are kept
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Save)
    page.set_campaign(DMST)
    page.set_campaign(NDKG)
    assert drafts.current(demo_store, draft_id).sections["mo_dau"].endswith("Chưa lưu.")


def test_print_log_page_and_month_range(qtbot, demo_store):
    assert month_keys({}, __import__("datetime").date(2026, 3, 10)) == [
        "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]
    assert month_keys({"2025-01": 3}, __import__("datetime").date(2026, 3, 10))[0] == "2025-04"  # at most 12
    printing.log(demo_store, None, "Biên bản mật", 3, 2, "HP LaserJet", "Văn bản mật: được in.")
    p = PrintLogPage(demo_store)
    qtbot.addWidget(p)
    p.show()
    assert p.model.rowCount() == 1 and p.model.index(0, 5).data() == "HP LaserJet"
    assert p.chart.values[-1] == 6
    assert "1" in p.summary.text()


def test_document_models_pass_the_model_tester(qtmodeltester, demo_store, tmp_path):
    dossier = DossierModel(demo_store)
    dossier.set_campaign(NDKG)
    qtmodeltester.check(dossier)
    draft = drafts.find(demo_store, "to_trinh", NDKG)
    history = HistoryModel(demo_store)
    history.set_draft(draft.id)
    qtmodeltester.check(history)
    sections = SectionsModel()
    doc = drafts.document(demo_store, draft.id)
    sections.set_sections([(s.id, s.heading) for s in doc.sections], drafts.current(demo_store, draft.id).sections)
    sections.set_text("mo_dau", "Sửa", True)
    qtmodeltester.check(sections)
    printing.log(demo_store, draft.id, "Tờ trình", 2, 1, "", "Văn bản mật: được in.")
    log = PrintLogModel(demo_store)
    log.reload()
    qtmodeltester.check(log)
    thumbnails = ThumbnailsModel()
    if HAVE_PDF:
        from desktop.ui.qt import QPdfDocument

        pdf = QPdfDocument()
        pdf.load(str(drafts.render(demo_store, draft.id, tmp_path / "t.pdf")))
        thumbnails.set_document(pdf)
        assert thumbnails.rowCount() == pdf.pageCount() > 0
    qtmodeltester.check(thumbnails)
