"""The campaigns in the window: importing a plan with its review, editing a campaign, following progress."""
from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from desktop import clock
from desktop.records import achievements as ach  # noqa: E402
from desktop.records import blobs, people
from desktop.campaigns import campaign as campaigns  # noqa: E402
from desktop.campaigns.campaign import Campaign, CampaignAward, Criterion, DossierDocument  # noqa: E402
from desktop.campaigns.plans import parse_plan  # noqa: E402
from desktop.ui.main_window import PAGE_KEYS, MainWindow  # noqa: E402
from desktop.ui.models.campaigns import (  # noqa: E402
    ID_ROLE, PAST_COLOR, SOON_COLOR, UNMATCHED_COLOR, AwardsModel, CampaignChoiceModel, CampaignListModel,
    CriteriaModel, CriterionChoiceModel, CriterionProgressModel, DocumentsModel, RunningModel, parse_number,
)
from desktop.ui.qt import (  # noqa: E402
    HAVE_CHARTS, QAbstractItemView, QApplication, QDesktopServices, QDialogButtonBox, QFileDialog, QMessageBox, Qt,
)
from gui_support import type_text  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]

PLANS = Path("/work/shared/plans")
KHANH_HOA = PLANS / "khanh-hoa-stp-2025-ngay-khong-giay.txt"
BANG_KHEN_TINH = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"


# -- fixtures and helpers (as in test_gui.py) -------------------------------------------------------


@pytest.fixture
def window(qtbot, gui_store):
    w = MainWindow(gui_store, remember=False)
    w.show()
    qtbot.waitExposed(w)
    yield w
    # Closed here rather than by qtbot, so that a step that failed with unsaved edits
    # does not leave the teardown waiting on "discard the unsaved changes?".
    page = w.pages["campaigns"]
    page.editor.dirty = False
    if page.dialog is not None:
        page.dialog.editor.dirty = False
        page.dialog.reject()
    w.close()
    w.deleteLater()


@pytest.fixture
def plan_file(tmp_path):
    if not KHANH_HOA.exists():
        pytest.skip("the shared sample plans are not available")
    path = tmp_path / KHANH_HOA.name
    shutil.copyfile(KHANH_HOA, path)
    return path


def button(dialog, which):
    return dialog.buttons.button(which)


def focus(qtbot, widget):
    """Give ``widget`` the keyboard focus the way a click or Tab does."""
    widget.window().activateWindow()
    widget.setFocus(Qt.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def edit_cell(qtbot, view, row, col, text):
    """Start typing on a table cell (any key opens its editor), then press Enter."""
    view.setCurrentIndex(view.model().index(row, col))
    focus(qtbot, view)
    view.edit(view.model().index(row, col))
    editor = QApplication.focusWidget()
    assert editor is not view
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key_Backspace)
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.EditingState)  # Qt commits on the next turn


def choose_in_cell(qtbot, view, row, col, data):
    """Open the combo box of a cell, choose the entry with ``data`` and press Enter."""
    view.setCurrentIndex(view.model().index(row, col))
    focus(qtbot, view)
    view.edit(view.model().index(row, col))
    combo = QApplication.focusWidget()
    combo.setCurrentIndex(combo.findData(data))
    qtbot.keyClick(combo, Qt.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.EditingState)


def open_review(qtbot, page, path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(page.import_btn, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=15000)
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    return dialog


def blob_count(store):
    return store.scalar("SELECT count(*) FROM blob")


def sample_campaign(today: dt.date, **changes) -> Campaign:
    c = Campaign(
        title="Phát động phong trào thi đua “Ngày không giấy” năm 2025",
        number="142/KH-STP", symbol="KH-STP", place="Hà Tĩnh", doc_date="2025-03-10",
        period_start=(today - dt.timedelta(days=30)).isoformat(),
        period_end=(today + dt.timedelta(days=60)).isoformat(),
        deadline=(today + dt.timedelta(days=5)).isoformat(),
        signer_title="GIÁM ĐỐC", signer_name="Nguyễn Quốc Tuấn", recipients=["Sở Nội vụ", "Lưu: VT"],
        criteria=[Criterion("Tỷ lệ văn bản ký số", "tap_the", 100, "%"),
                  Criterion("Tham gia tập huấn chuyển đổi số", "ca_nhan")],
        awards=[CampaignAward(BANG_KHEN_TINH, BANG_KHEN_TINH, 2, 1),
                CampaignAward("Giấy khen của Giám đốc Sở", "Giấy khen của Giám đốc Sở")],
        documents=[DossierDocument("Tờ trình đề nghị khen thưởng", "01", "152/2025/NĐ-CP")],
    )
    for key, value in changes.items():
        setattr(c, key, value)
    return c


# -- the page --------------------------------------------------------------------------------------------

def test_campaigns_page_is_in_the_navigation(window):
    texts = [window.nav_model.item(i).text() for i in range(window.nav_model.rowCount())]
    assert texts.index("Phong trào thi đua") == texts.index("Sổ thành tích") + 1
    assert PAGE_KEYS["phong-trao"] == "campaigns"
    window.show_page("phong-trao")
    page = window.pages["campaigns"]
    assert window.current_page() == "campaigns"
    assert page.import_btn.text() == "Nhập từ kế hoạch…"
    assert page.add_btn.text() == "Thêm phong trào"
    assert page.save_btn.text() == "Lưu"
    assert "Chưa có phong trào" in page.empty.text()


def test_import_review_fills_highlights_and_saves(qtbot, window, gui_store, plan_file, monkeypatch):
    window.show_page("phong-trao")
    page = window.pages["campaigns"]
    dialog = open_review(qtbot, page, plan_file, monkeypatch)
    editor = dialog.editor
    x = parse_plan(plan_file)

    # Every field is filled from the plan.
    assert editor.kind.currentText() == "Kế hoạch"
    assert editor.number.text() == ""
    assert editor.symbol.text() == "KH-STP"
    assert editor.place.text() == "Khánh Hòa"
    assert editor.doc_date.text() == "07/2025"
    assert editor.title.toPlainText().startswith("Phát động phong trào thi đua 30 ngày đêm")
    assert (editor.period_start.text(), editor.period_end.text()) == ("15/07/2025", "15/08/2025")
    assert editor.signer_name.text() == "Lý Nguyễn Nguyên Vũ"
    assert editor.recipients.toPlainText().splitlines()[:2] == ["UBND tỉnh", "Sở Nội vụ"]
    assert editor.awards_model.rowCount() == 1
    assert editor.awards_model.index(0, 0).data() == BANG_KHEN_TINH
    assert editor.awards_model.index(0, 2).data() == "1"
    assert [editor.documents_model.index(r, 1).data() for r in range(3)] == ["01", "1.9", "08"]
    assert editor.tabs.tabText(editor.tabs.indexOf(editor.awards_box)) == "Khen thưởng (1)"

    # The values read are highlighted in the source, not by rebuilding it as HTML.
    assert dialog.source.toPlainText() == x.source_text
    assert tuple(x.spans["title"]) in dialog.highlighted_spans()
    assert tuple(x.spans["awards[0].collective"]) in dialog.highlighted_spans()

    # Entering a field brings its place in the source forward.
    focus(qtbot, editor.title)
    assert dialog.current_span == tuple(x.spans["title"])
    assert dialog.source.textCursor().position() == x.spans["title"][0]
    focus(qtbot, editor.place)
    assert dialog.current_span == tuple(x.spans["place"])
    editor.tabs.setCurrentWidget(editor.awards_box)
    editor.awards_box.view.setCurrentIndex(editor.awards_model.index(0, 3))
    focus(qtbot, editor.awards_box.view)
    assert dialog.current_span == tuple(x.spans["awards[0].individual"])
    # ...and clicking a highlighted passage in the source goes to its field.
    focus(qtbot, dialog.source)
    cursor = dialog.source.textCursor()
    cursor.setPosition(x.spans["signer.name"][0] + 2)
    dialog.source.setTextCursor(cursor)
    assert editor.tabs.currentWidget() is editor.signer
    assert dialog.current_span == tuple(x.spans["signer.name"])

    # The clerk corrects the title, then saves: the campaign and its source file, together.
    editor.tabs.setCurrentIndex(0)
    focus(qtbot, editor.title)
    editor.title.selectAll()
    type_text(qtbot, editor.title, "Phong trào “Ngày không in giấy” của Sở Tư pháp")
    assert campaigns.list_campaigns(gui_store) == []
    qtbot.mouseClick(button(dialog, QDialogButtonBox.Save), Qt.LeftButton)
    assert page.dialog is None
    (saved,) = campaigns.list_campaigns(gui_store)
    assert saved.title == "Phong trào “Ngày không in giấy” của Sở Tư pháp"
    assert (saved.period_start, saved.period_end, saved.deadline) == ("2025-07-15", "2025-08-15", "2025-08-15")
    assert saved.awards[0].quota_collective == 1 and saved.awards[0].quota_individual == 1
    assert [d.form for d in saved.documents] == ["01", "1.9", "08"]
    assert saved.source_name == plan_file.name
    assert blobs.read_bytes(gui_store, saved.source_sha256) == plan_file.read_bytes()

    # The page shows it, and opens the stored file on request.
    assert page.model.rowCount() == 1
    assert page.current_id() == saved.id
    assert page.editor.title.toPlainText() == saved.title
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    assert page.source_btn.isEnabled()
    qtbot.mouseClick(page.source_btn, Qt.LeftButton)
    assert opened and Path(opened[0]).name == plan_file.name
    assert Path(opened[0]).read_bytes() == plan_file.read_bytes()


def test_cancelled_review_saves_nothing(qtbot, window, gui_store, plan_file, monkeypatch):
    window.show_page("phong-trao")
    page = window.pages["campaigns"]
    dialog = open_review(qtbot, page, plan_file, monkeypatch)
    qtbot.mouseClick(button(dialog, QDialogButtonBox.Cancel), Qt.LeftButton)
    assert page.dialog is None
    assert campaigns.list_campaigns(gui_store) == [] and blob_count(gui_store) == 0

    # After corrections, Cancel asks first; keeping the review open keeps the corrections.
    dialog = open_review(qtbot, page, plan_file, monkeypatch)
    dialog.editor.place.setText("Nha Trang")
    answers = [QMessageBox.Cancel, QMessageBox.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    qtbot.mouseClick(button(dialog, QDialogButtonBox.Cancel), Qt.LeftButton)
    assert dialog.isVisible() and dialog.editor.place.text() == "Nha Trang"
    qtbot.mouseClick(button(dialog, QDialogButtonBox.Cancel), Qt.LeftButton)
    assert page.dialog is None
    assert campaigns.list_campaigns(gui_store) == [] and blob_count(gui_store) == 0


def test_review_refuses_an_empty_title_next_to_the_field(qtbot, window, gui_store, plan_file, monkeypatch):
    window.show_page("phong-trao")
    page = window.pages["campaigns"]
    dialog = open_review(qtbot, page, plan_file, monkeypatch)
    dialog.editor.title.clear()
    dialog.editor.tabs.setCurrentWidget(dialog.editor.documents_box)
    qtbot.mouseClick(button(dialog, QDialogButtonBox.Save), Qt.LeftButton)
    assert dialog.isVisible()
    assert dialog.editor.error_text("title") == "Tên (trích yếu) của phong trào không được để trống."
    assert dialog.editor.tabs.currentIndex() == 0
    assert campaigns.list_campaigns(gui_store) == [] and blob_count(gui_store) == 0


def test_scanned_pdf_is_explained_and_nothing_saved(qtbot, window, gui_store, tmp_path, monkeypatch):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "ke-hoach-scan.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.rect(72, 72, 400, 600, fill=1)  # a page of picture, no text layer
    c.showPage()
    c.save()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append((title, text)))
    window.show_page("phong-trao")
    page = window.pages["campaigns"]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pdf), ""))
    qtbot.mouseClick(page.import_btn, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(warnings), timeout=15000)
    title, text = warnings[0]
    assert title == "Không đọc được kế hoạch"
    assert "bản quét" in text and "Chưa có gì được lưu." in text
    assert page.dialog is None and page.import_btn.isEnabled()
    assert campaigns.list_campaigns(gui_store) == [] and blob_count(gui_store) == 0


def test_a_file_with_nothing_to_read_is_refused_and_nothing_saved(qtbot, window, gui_store, tmp_path, monkeypatch):
    notes = tmp_path / "ghi-chu.txt"
    notes.write_text("Danh sách việc cần làm\nmua giấy in\nsửa máy photocopy\n", encoding="utf-8")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append((title, text)))
    window.show_page("phong-trao")
    page = window.pages["campaigns"]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(notes), ""))
    qtbot.mouseClick(page.import_btn, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(warnings), timeout=15000)
    title, text = warnings[0]
    assert title == "Không đọc được kế hoạch" and "Không đọc được gì từ tệp “ghi-chu.txt”" in text
    assert page.dialog is None and page.import_btn.isEnabled()
    assert campaigns.list_campaigns(gui_store) == [] and blob_count(gui_store) == 0


def test_reimporting_a_plan_offers_to_update_its_campaign(qtbot, window, gui_store, plan_file, monkeypatch):
    window.show_page("phong-trao")
    page = window.pages["campaigns"]
    dialog = open_review(qtbot, page, plan_file, monkeypatch)
    qtbot.mouseClick(button(dialog, QDialogButtonBox.Save), Qt.LeftButton)
    (first,) = campaigns.list_campaigns(gui_store)

    asked = []
    answers = [QMessageBox.Cancel, QMessageBox.Yes]

    def question(parent, title, text, *a, **k):
        asked.append((title, text))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = open_review(qtbot, page, plan_file, monkeypatch)
    dialog.editor.place.setText("Nha Trang")
    qtbot.mouseClick(button(dialog, QDialogButtonBox.Save), Qt.LeftButton)
    assert asked[0][0] == "Kế hoạch đã được nhập" and f"phong trào {first.id}" in asked[0][1]
    assert dialog.isVisible() and len(campaigns.list_campaigns(gui_store)) == 1  # Cancel: nothing changed
    qtbot.mouseClick(button(dialog, QDialogButtonBox.Save), Qt.LeftButton)
    (updated,) = campaigns.list_campaigns(gui_store)
    assert updated.id == first.id and updated.place == "Nha Trang"


def test_reading_a_long_plan_can_be_cancelled(qtbot, window, gui_store, tmp_path, monkeypatch):
    """The parse runs off the GUI thread and reports its steps; Cancel stops it and nothing is saved."""
    import threading

    from bench.plan_parse import big_plan

    from desktop.campaigns.plans import parser

    big = tmp_path / "ke-hoach-dai.txt"
    big.write_text(big_plan(1), encoding="utf-8")
    reached = []
    pressed = threading.Event()
    real = parser.parse_plan_text

    def watched(text, catalog=None, progress=None):
        def report(done, total, message):
            reached.append(done)
            if done == 1:
                pressed.wait(30)  # the worker holds here until the clerk has pressed Cancel
            progress(done, total, message)
        return real(text, catalog, report)

    monkeypatch.setattr(parser, "parse_plan_text", watched)
    window.show_page("phong-trao")
    page = window.pages["campaigns"]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(big), ""))
    qtbot.mouseClick(page.import_btn, Qt.LeftButton)
    qtbot.waitUntil(lambda: 1 in reached, timeout=60000)
    page.task.dialog.canceled.emit()  # what the progress dialog's Cancel button sends, on the GUI thread
    pressed.set()
    qtbot.waitUntil(lambda: page.task is None, timeout=60000)
    assert reached == [0, 1]  # stopped at the step after Cancel, not at the end
    assert page.dialog is None and page.import_btn.isEnabled()
    assert campaigns.list_campaigns(gui_store) == [] and blob_count(gui_store) == 0


def test_editor_edits_quota_and_criterion_and_refuses_a_bad_date(qtbot, window, gui_store):
    today = clock.today()
    cid = campaigns.save(gui_store, sample_campaign(
        today, awards=[CampaignAward(BANG_KHEN_TINH, BANG_KHEN_TINH, 2, 1),
                       CampaignAward(None, "Bằng khen của Giám đốc Công an tỉnh")]))
    window.pages["campaigns"].reload()
    window.show_page("phong-trao")
    page = window.pages["campaigns"]
    assert page.current_id() == cid
    editor = page.editor

    # Awards: the quota is typed in its cell; an award with no catalog match is red until one is chosen.
    editor.tabs.setCurrentWidget(editor.awards_box)
    view = editor.awards_box.view
    assert editor.awards_model.index(1, 0).data(Qt.ForegroundRole) == UNMATCHED_COLOR
    assert editor.awards_model.index(1, 0).data() == "(chưa có trong danh mục: hãy chọn)"
    edit_cell(qtbot, view, 0, 2, "3")
    assert editor.awards_model.index(0, 2).data() == "3"
    edit_cell(qtbot, view, 0, 3, "")
    assert editor.awards_model.index(0, 3).data() == "không giới hạn"
    choose_in_cell(qtbot, view, 1, 0, "Giấy khen của Giám đốc Sở")
    assert editor.awards_model.index(1, 0).data(Qt.ForegroundRole) is None
    assert editor.dirty and "chưa lưu" in page.heading.text()

    # Criteria: the subject from its combo, the target typed the Vietnamese way.
    editor.tabs.setCurrentWidget(editor.criteria_box)
    view = editor.criteria_box.view
    choose_in_cell(qtbot, view, 1, 0, "tap_the")
    edit_cell(qtbot, view, 1, 2, "95,5")
    edit_cell(qtbot, view, 1, 3, "%")
    assert [editor.criteria_model.index(1, c).data() for c in range(4)] == [
        "Tập thể", "Tham gia tập huấn chuyển đổi số", "95,5", "%"]

    # An impossible date is refused next to its field as soon as the clerk leaves it, and on Save.
    editor.tabs.setCurrentIndex(0)
    editor.deadline.clear()
    type_text(qtbot, editor.deadline, "31/02/2025")
    focus(qtbot, editor.place)
    assert "31/02/2025" in editor.error_text("deadline")
    qtbot.mouseClick(page.save_btn, Qt.LeftButton)
    assert "31/02/2025" in editor.error_text("deadline")
    assert QApplication.focusWidget() is editor.deadline
    assert campaigns.get(gui_store, cid).awards[0].quota_collective == 2  # nothing saved

    # A criterion row left empty is shown on its row.
    editor.tabs.setCurrentWidget(editor.criteria_box)
    qtbot.mouseClick(editor.criteria_box.add_btn, Qt.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Escape)
    editor.deadline.clear()
    type_text(qtbot, editor.deadline, "15/9/2025")
    qtbot.mouseClick(page.save_btn, Qt.LeftButton)
    assert editor.error_text("criteria") == "Dòng 3: Nội dung tiêu chí không được để trống."
    assert editor.tabs.currentWidget() is editor.criteria_box
    editor.criteria_box.view.setCurrentIndex(editor.criteria_model.index(2, 1))
    qtbot.mouseClick(editor.criteria_box.remove_btn, Qt.LeftButton)

    qtbot.mouseClick(page.save_btn, Qt.LeftButton)
    assert editor.error_text("deadline") == "" and editor.error_text("criteria") == ""
    saved = campaigns.get(gui_store, cid)
    assert saved.deadline == "2025-09-15"
    assert editor.deadline.text() == "15/09/2025"
    assert (saved.awards[0].quota_collective, saved.awards[0].quota_individual) == (3, None)
    assert saved.awards[1].award == "Giấy khen của Giám đốc Sở"
    assert (saved.criteria[1].subject, saved.criteria[1].target_value, saved.criteria[1].target_unit) == (
        "tap_the", 95.5, "%")
    assert not editor.dirty


def test_yearly_deadline_and_a_new_campaign_by_hand(qtbot, window, gui_store):
    window.show_page("phong-trao")
    page = window.pages["campaigns"]
    qtbot.mouseClick(page.add_btn, Qt.LeftButton)
    editor = page.editor
    assert page.stack.currentIndex() == 1
    type_text(qtbot, editor.title, "Thi đua thực hiện nhiệm vụ chính trị năm 2026")
    type_text(qtbot, editor.period_start, "2026")
    type_text(qtbot, editor.deadline, "05/01")
    qtbot.mouseClick(page.save_btn, Qt.LeftButton)
    (saved,) = campaigns.list_campaigns(gui_store)
    assert (saved.period_start, saved.deadline) == ("2026", "--01-05")
    assert page.current_id() == saved.id and page.model.rowCount() == 1
    assert editor.deadline.text() == "05/01"


def test_switching_campaigns_asks_before_dropping_changes(qtbot, window, gui_store, monkeypatch):
    today = clock.today()
    first = campaigns.save(gui_store, sample_campaign(today))
    second = campaigns.save(gui_store, sample_campaign(today, title="Phong trào thứ hai", doc_date="2024-01-02"))
    window.pages["campaigns"].reload()
    window.show_page("phong-trao")
    page = window.pages["campaigns"]
    page.select(first)
    page.editor.place.setText("Kỳ Anh")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Cancel)
    page.select(second)
    assert page.current_id() == first and page.editor.place.text() == "Kỳ Anh"
    assert page.view.currentIndex().row() == page.model.row_of(first)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Discard)
    page.select(second)
    assert page.current_id() == second and page.editor.title.toPlainText() == "Phong trào thứ hai"
    assert campaigns.get(gui_store, first).place == "Hà Tĩnh"


def test_deleting_a_campaign_keeps_its_achievements(qtbot, window, gui_store, monkeypatch):
    cid = campaigns.save(gui_store, sample_campaign(clock.today()))
    pid = people.add_person(gui_store, people.Person("Lê Thị Hoa"))
    aid = ach.add(gui_store, ach.Achievement("01/02/2025", "Ký số 100% văn bản", person_id=pid, campaign_id=cid))
    window.pages["campaigns"].reload()
    window.show_page("phong-trao")
    page = window.pages["campaigns"]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text) or QMessageBox.Yes)
    qtbot.mouseClick(page.delete_btn, Qt.LeftButton)
    assert "1 thành tích" in asked[0]
    assert campaigns.list_campaigns(gui_store) == []
    assert ach.get(gui_store, aid).campaign_id is None
    assert page.stack.currentIndex() == 0


# -- the overview ----------------------------------------------------------------------------------------

def test_overview_shows_running_campaigns_with_days_left_and_quotas(qtbot, window, gui_store):
    today = clock.today()
    cid = campaigns.save(gui_store, sample_campaign(today))
    late = campaigns.save(gui_store, sample_campaign(
        today, title="Phong trào đã quá hạn nộp", deadline=(today - dt.timedelta(days=3)).isoformat(),
        criteria=[], awards=[]))
    campaigns.save(gui_store, sample_campaign(
        today, title="Phong trào đã kết thúc", period_start="2020-01-01", period_end="2020-12-31",
        deadline="2020-12-31"))
    criterion = campaigns.get(gui_store, cid).criteria[0]
    pid = people.add_person(gui_store, people.Person("Trần Văn Bình"))
    for days, value in ((20, 80), (10, 92.5)):
        ach.add(gui_store, ach.Achievement(today - dt.timedelta(days=days), "Ký số văn bản", person_id=pid,
                                           measure_value=value, measure_unit="%", criterion_id=criterion.id))
    window.show_page("tong-quan")
    running = window.pages["overview"].running
    model = running.model
    assert model.rowCount() == 2  # the ended campaign is not under way
    assert model.index(0).data(ID_ROLE) == late
    assert "quá hạn 3 ngày" in model.index(0).data()
    assert model.index(0).data(Qt.ForegroundRole) == PAST_COLOR
    assert "còn 5 ngày" in model.index(1).data()
    assert model.index(1).data(Qt.ForegroundRole) == SOON_COLOR

    running.view.setCurrentIndex(model.index(1))
    assert "còn 5 ngày" in running.deadline_label.text()
    quotas = running.quota_label.text()
    assert f"{BANG_KHEN_TINH}: 0/2 tập thể, 0/1 cá nhân" in quotas
    assert "Giấy khen của Giám đốc Sở: không giới hạn" in quotas
    assert running.criteria_model.rowCount() == 1  # only the criterion with a numeric target
    assert running.criteria_model.index(0).data().endswith("Mới nhất: 92,5 % / chỉ tiêu 100 %")
    qtbot.waitUntil(lambda: running.chart.view is not None)  # the chart is made once it has been painted
    if HAVE_CHARTS:
        assert [p.y() for p in running.chart.values.points()] == [80, 92.5]
        assert {p.y() for p in running.chart.target.points()} == {100}
        assert running.chart.target.pen().style() == Qt.DashLine

    running.view.setCurrentIndex(model.index(0))
    assert "quá hạn 3 ngày" in running.deadline_label.text()
    assert running.no_targets.isVisibleTo(running)

    # Double-clicking a campaign opens it on the campaigns page.
    window.pages["overview"].open_campaign.emit(cid)
    assert window.current_page() == "campaigns" and window.pages["campaigns"].current_id() == cid


# -- the ledger ------------------------------------------------------------------------------------------

def test_ledger_filters_by_campaign_and_criterion(qtbot, window, gui_store):
    cid = campaigns.save(gui_store, sample_campaign(clock.today()))
    other = campaigns.save(gui_store, sample_campaign(clock.today(), title="Phong trào khác"))
    first, second = campaigns.get(gui_store, cid).criteria
    pid = people.add_person(gui_store, people.Person("Phạm Thu Trang"))
    a1 = ach.add(gui_store, ach.Achievement("01/03/2025", "Ký số văn bản", person_id=pid, criterion_id=first.id))
    a2 = ach.add(gui_store, ach.Achievement("02/03/2025", "Dự tập huấn", person_id=pid, criterion_id=second.id))
    ach.add(gui_store, ach.Achievement("03/03/2025", "Việc khác", person_id=pid))
    window.pages["ledger"].reload()
    window.show_page("so-thanh-tich")
    ledger = window.pages["ledger"]
    assert ledger.model.rowCount() == 3
    assert not ledger.criterion.isEnabled()

    ledger.campaign.setCurrentIndex(ledger.campaigns.row_of(cid))
    assert {ledger.model.id_at(r) for r in range(ledger.model.rowCount())} == {a1, a2}
    assert ledger.criterion.isEnabled() and ledger.criteria.rowCount() == 3
    ledger.criterion.setCurrentIndex(ledger.criteria.row_of(second.id))
    assert [ledger.model.id_at(r) for r in range(ledger.model.rowCount())] == [a2]
    ledger.campaign.setCurrentIndex(ledger.campaigns.row_of(other))
    assert ledger.model.rowCount() == 0 and ledger.criterion.currentIndex() == 0

    # From the campaign page, "Thành tích" opens the ledger on that campaign.
    window.show_page("phong-trao")
    page = window.pages["campaigns"]
    page.select(cid)
    assert page.achievements_btn.text() == "Thành tích"
    qtbot.mouseClick(page.achievements_btn, Qt.LeftButton)
    assert window.current_page() == "ledger"
    assert ledger.model.filter.campaign_id == cid and ledger.model.filter.criterion_id is None
    assert ledger.model.rowCount() == 2

    # A new achievement added there joins the campaign; its criterion is chosen from the campaign's.
    qtbot.mouseClick(ledger.add_btn, Qt.LeftButton)
    dialog = ledger.dialog
    assert dialog.campaign.currentData(ID_ROLE) == cid
    type_text(qtbot, dialog.date, "04/03/2025")
    dialog.subject.setCurrentIndex(dialog.people_model.row_of(pid))
    type_text(qtbot, dialog.title, "Ký số toàn bộ văn bản đi tháng 3")
    dialog.campaign_criterion.setCurrentIndex(dialog.campaign_criteria.row_of(first.id))
    assert dialog.criterion.currentText() == "Tỷ lệ văn bản ký số"
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Save), Qt.LeftButton)
    new = ach.get(gui_store, max(ach.query_ids(gui_store)))
    assert (new.campaign_id, new.criterion_id) == (cid, first.id)
    assert ledger.model.rowCount() == 3

    # Editing keeps (and shows) the link.
    ledger.open(new.id)
    assert ledger.dialog.campaign.currentData(ID_ROLE) == cid
    assert ledger.dialog.campaign_criterion.currentData(ID_ROLE) == first.id
    ledger.dialog.reject()


# -- models ----------------------------------------------------------------------------------------------

def test_campaign_models_pass_the_model_tester(qtmodeltester, demo_store):
    today = clock.today()
    cid = campaigns.save(demo_store, sample_campaign(today))
    p = campaigns.progress(demo_store, cid)
    criteria = CriterionChoiceModel(demo_store, "Tất cả tiêu chí")
    criteria.set_campaign(cid)
    progress = CriterionProgressModel()
    progress.set_progress(p)
    running = RunningModel(demo_store)
    running.reload()
    c = campaigns.get(demo_store, cid)
    for model in (CampaignListModel(demo_store), CampaignChoiceModel(demo_store, first="Tất cả phong trào"), criteria,
                  CriteriaModel(c.criteria), AwardsModel(c.awards + [CampaignAward(None, "Bằng khen lạ")]),
                  DocumentsModel(c.documents), running, progress):
        qtmodeltester.check(model)
    awards = AwardsModel(c.awards)
    awards.add()
    awards.set_errors({2: "Dòng khen thưởng trống."})
    qtmodeltester.check(awards)


def test_numbers_are_read_the_vietnamese_way():
    assert parse_number("95,5") == 95.5
    assert parse_number("1.200") == 1200
    assert parse_number("98.5") == 98.5
    assert parse_number("") is None
    with pytest.raises(ValueError):
        parse_number("nhiều")


# -- phases ------------------------------------------------------------------------------------------------

def test_editor_edits_phases_and_the_phase_of_each_award(qtbot, window, gui_store):
    clock.set_now(dt.datetime(2027, 6, 1, 8, tzinfo=dt.timezone.utc))
    cid = campaigns.save(gui_store, Campaign(
        title="Chuyển đổi số giai đoạn 2026-2030", period_start="2026", period_end="2030", deadline="2030-11-30",
        awards=[CampaignAward("Giấy khen của Giám đốc Sở", "Giấy khen", None, 1),
                CampaignAward("Giấy khen của Giám đốc Sở", "Giấy khen", None, 3)]))
    window.pages["campaigns"].reload()
    window.show_page("phong-trao")
    page = window.pages["campaigns"]
    page.select(cid)
    editor = page.editor
    editor.tabs.setCurrentWidget(editor.phases_box)
    assert editor.tabs.tabText(editor.tabs.currentIndex()) == "Các đợt (0)"
    for name, start, end, due in (("Sơ kết", "2026", "2027", "15/11/2027"), ("Tổng kết", "2028", "2030", "")):
        qtbot.mouseClick(editor.phases_box.add_btn, Qt.LeftButton)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Escape)
        row = editor.phases_model.rowCount() - 1
        for col, text in ((0, name), (1, start), (2, end), (3, due)):
            edit_cell(qtbot, editor.phases_box.view, row, col, text)
    edit_cell(qtbot, editor.phases_box.view, 0, 3, "31/02/2027")     # refused: the cell keeps its date
    assert editor.phases_model.index(0, 3).data() == "15/11/2027"
    editor.tabs.setCurrentWidget(editor.awards_box)
    view = editor.awards_box.view
    assert editor.awards_model.index(0, 4).data() == "Cả phong trào"
    choose_in_cell(qtbot, view, 0, 4, 0)
    choose_in_cell(qtbot, view, 1, 4, 1)
    assert [editor.awards_model.index(r, 4).data() for r in (0, 1)] == ["Sơ kết", "Tổng kết"]
    qtbot.mouseClick(page.save_btn, Qt.LeftButton)
    saved = campaigns.get(gui_store, cid)
    assert [(p.name, p.period_start, p.period_end, p.deadline) for p in saved.phase_records] == [
        ("Sơ kết", "2026", "2027", "2027-11-15"), ("Tổng kết", "2028", "2030", None)]
    assert [a.phase for a in saved.awards] == [0, 1]
    assert not editor.dirty

    # Removing the first phase leaves its award to the whole campaign and the other still in the tổng kết.
    editor.tabs.setCurrentWidget(editor.phases_box)
    editor.phases_box.view.setCurrentIndex(editor.phases_model.index(0, 0))
    qtbot.mouseClick(editor.phases_box.remove_btn, Qt.LeftButton)
    assert [editor.awards_model.index(r, 4).data() for r in (0, 1)] == ["Cả phong trào", "Tổng kết"]
    qtbot.mouseClick(page.save_btn, Qt.LeftButton)
    saved = campaigns.get(gui_store, cid)
    assert [p.name for p in saved.phase_records] == ["Tổng kết"] and [a.phase for a in saved.awards] == [None, 0]
    assert "đợt hiện tại: Tổng kết" in page.heading.text()

    # The overview names the phase under way with its own deadline.
    window.show_page("tong-quan")
    running = window.pages["overview"].running
    running.refresh()
    assert "Đợt hiện tại: <b>Tổng kết</b>" in running.deadline_label.text()
    assert "(Tổng kết)" in running.quota_label.text()
