"""Nominations and the council meeting in the window, driven as the clerk would run a whole meeting."""
from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from desktop.records import achievements as ach  # noqa: E402
from desktop.campaigns import campaign as campaigns
from desktop.council import meetings, nominations
from desktop.records import people  # noqa: E402
from desktop.campaigns.campaign import Campaign, CampaignAward  # noqa: E402
from desktop.ui.main_window import PAGE_KEYS, MainWindow  # noqa: E402
from desktop.ui.models.campaigns import CampaignChoiceModel  # noqa: E402
from desktop.ui.models.meetings import BallotsModel, MeetingsModel, MembersModel  # noqa: E402
from desktop.ui.models.nominations import (  # noqa: E402
    ERROR_COLOR, ID_ROLE, OK_COLOR, SOURCE_ROLE, STATE_ROLE, AchievementPickModel, AwardChoiceModel,
    ChecksModel, NominationsModel, QuotaModel,
)
from desktop.ui.qt import (  # noqa: E402
    QApplication, QInputDialog, QLineEdit, QMessageBox, QSpinBox,
    Qt, QWidget,
)
from gui_support import save_button, type_text  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]

GIAY_KHEN = "Giấy khen của Giám đốc Sở"
# The clock of every test here is set to one fixed day (see the fixture below).
TODAY = dt.date(2026, 6, 15)


@pytest.fixture(autouse=True)
def _fixed_today(_one_clock_per_test):
    _one_clock_per_test.set_now(TODAY)


# -- fixtures and helpers (as in test_gui.py) -------------------------------------------------------


def click_cell(qtbot, view, index):
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(index).center())


def edit_cell(qtbot, view, index, text):
    """Open a cell's editor as a double-click does, type over its value and press Enter."""
    view.setCurrentIndex(index)
    view.edit(index)
    editors = [w for w in view.viewport().children() if isinstance(w, QWidget) and w.isVisible()]
    assert len(editors) == 1, "the cell's editor did not open"
    editor = editors[0]
    if isinstance(editor, QSpinBox):
        editor.lineEdit().selectAll()
    elif isinstance(editor, QLineEdit):
        editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()  # the delegate commits on a queued call, already posted
    assert not editor.isVisible(), "Enter did not close the editor"


def column_texts(model, column):
    return [model.index(r, column).data() for r in range(model.rowCount())]


def make_ledger(store, *, deadline: dt.date | None = None, quota_individual: int | None = 1) -> dict:
    """A unit with two candidates (rated "tốt" this year, each with achievements) and one campaign."""
    unit = people.add_collective(store, people.Collective("Văn phòng Sở", is_unit=True))
    lan = people.add_person(store, people.Person("Nguyễn Thị Lan", position="Chuyên viên", collective_id=unit))
    minh = people.add_person(store, people.Person("Trần Văn Minh", position="Kế toán", collective_id=unit))
    for pid in (lan, minh):
        people.set_rating(store, pid, TODAY.year, "tot")
    c = Campaign(title="Phong trào thi đua “Ngày không giấy”", number="12/KH-STP", symbol="KH-STP",
                 doc_date=f"{TODAY.year}-01-15", period_start=f"{TODAY.year}-01-15", period_end=f"{TODAY.year}-12-31",
                 deadline=(deadline or TODAY + dt.timedelta(days=30)).isoformat(),
                 awards=[CampaignAward(GIAY_KHEN, "Giấy khen của Giám đốc Sở Tư pháp", None, quota_individual)])
    cid = campaigns.save(store, c)
    early = TODAY.replace(month=1, day=5) if TODAY.month > 1 or TODAY.day > 5 else TODAY
    ids = {}
    for pid, key in ((lan, "lan"), (minh, "minh")):
        ids[f"{key}_old"] = ach.add(store, ach.Achievement(early - dt.timedelta(days=400), "Sáng kiến cũ",
                                                           person_id=pid))
        ids[key] = ach.add(store, ach.Achievement(early, "Ký số 100% văn bản phát hành", person_id=pid,
                                                  measure_value=100, measure_unit="%", campaign_id=cid))
    return {"campaign": cid, "lan": lan, "minh": minh, "unit": unit, **{f"a_{k}": v for k, v in ids.items()}}


def failed_checks(model) -> list[str]:
    return [model.index(r).data() for r in range(model.rowCount()) if model.index(r).data(STATE_ROLE) == "failed"]


def nominate(qtbot, page, person_id: int, summary: str, *, over_quota: str | None = None) -> int:
    """Add a nomination through the dialog, ticking the achievement linked to the campaign.

    ``over_quota`` is the quota failure the dialog is expected to show live (it stays after saving).
    """
    qtbot.mouseClick(page.add_btn, Qt.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.subject.setCurrentIndex(dialog.people_model.row_of(person_id))
    assert dialog.award.currentText() == GIAY_KHEN
    # The live checks speak before anything is saved: no achievement chosen yet.
    quota = [over_quota] if over_quota else []
    assert failed_checks(dialog.checks) == [*quota, "Chưa chọn thành tích nào trong sổ làm căn cứ đề nghị."]
    # The achievement linked to the campaign comes first; a click on its row ticks it.
    assert dialog.achievements.index(0, 4).data() == "phong trào này"
    assert dialog.achievements.rowCount() == 2
    click_cell(qtbot, dialog.achievements_view, dialog.achievements.index(0, 1))
    assert dialog.achievements.index(0, 0).data(Qt.CheckStateRole) == Qt.Checked
    assert failed_checks(dialog.checks) == quota
    sources = [dialog.checks.index(r).data(SOURCE_ROLE) for r in range(dialog.checks.rowCount())]
    assert "Luật TĐKT 2022 Điều 75; tiêu chuẩn do tỉnh quy định" in sources
    type_text(qtbot, dialog.summary, summary)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        qtbot.mouseClick(save_button(dialog), Qt.LeftButton)
    assert page.dialog is None
    return saved.args[0]


# -- a whole meeting -----------------------------------------------------------------------------------

def test_a_whole_meeting(qtbot, gui_store, monkeypatch):
    d = make_ledger(gui_store)
    window = MainWindow(gui_store, remember=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert PAGE_KEYS["de-nghi"] == "nominations" and PAGE_KEYS["hop-xet"] == "meeting"
    window.show_page("de-nghi")
    page = window.pages["nominations"]
    assert page.campaign_id() == d["campaign"]
    assert page.quotas.index(0).data() == f"{GIAY_KHEN} — tập thể không giới hạn, cá nhân 0/1"

    # The first candidate: nominated with her achievement, then submitted to the council.
    lan = nominate(qtbot, page, d["lan"], "Ký số toàn bộ văn bản phát hành")
    assert nominations.get(gui_store, lan).achievement_ids == [d["a_lan"]]
    assert column_texts(page.model, 1) == ["Nguyễn Thị Lan"]
    assert page.model.index(0, 6).data() == "✓"
    page.select(lan)
    qtbot.mouseClick(page.submit_btn, Qt.LeftButton)
    assert nominations.get(gui_store, lan).status == "trinh_hop_xet"
    assert page.model.index(page.model.row_of(lan), 4).data() == "Trình họp xét"

    # The second one is refused: the plan allows one individual, and the failure is said in Vietnamese.
    over = f"Vượt chỉ tiêu: kế hoạch cho tối đa 1 cá nhân được đề nghị {GIAY_KHEN}, đã trình 1."
    minh = nominate(qtbot, page, d["minh"], "Số hóa hồ sơ lưu trữ", over_quota=over)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    page.select(minh)
    qtbot.mouseClick(page.submit_btn, Qt.LeftButton)
    assert len(warnings) == 1
    assert over in warnings[0]
    assert nominations.get(gui_store, minh).status == "du_kien"
    row = page.model.row_of(minh)
    assert page.model.index(row, 4).data() == "Dự kiến"
    assert page.model.index(row, 6).data() == "1"
    assert page.model.index(row, 6).data(Qt.ForegroundRole) == ERROR_COLOR
    # Its checks are shown under the table, the quota one failing with the plan as its source.
    assert failed_checks(page.checks) == [over]
    sources = [page.checks.index(r).data(SOURCE_ROLE) for r in range(page.checks.rowCount())
               if page.checks.index(r).data(STATE_ROLE) == "failed"]
    assert sources == ["Kế hoạch số 12/KH-STP ngày 15/01/%d" % TODAY.year]
    assert page.quotas.index(0).data() == f"{GIAY_KHEN} — tập thể không giới hạn, cá nhân 2/1"
    assert page.quotas.index(0).data(Qt.ForegroundRole) == ERROR_COLOR

    # The council meets: five members (one absent with a written opinion) and a guest.
    window.show_page("hop-xet")
    mp = window.pages["meeting"]
    assert mp.campaign_id() == d["campaign"] and mp.meeting is None
    qtbot.mouseClick(mp.new_btn, Qt.LeftButton)
    assert mp.meeting is not None and mp.ballots.rowCount() == 1      # only the submitted nomination
    assert mp.ballots.index(0, 0).data() == "Nguyễn Thị Lan"
    mp.starts_at.clear()
    type_text(qtbot, mp.starts_at, TODAY.strftime("%d/%m/%Y") + " 08:00")
    type_text(qtbot, mp.ends_at, TODAY.strftime("%d/%m/%Y") + " 09:30")
    type_text(qtbot, mp.place, "Phòng họp tầng 2")

    def add(name_or_id, role):
        mp.role.setCurrentIndex(mp.role.findData(role))
        if isinstance(name_or_id, int):
            mp.person.setCurrentIndex(mp.people_model.row_of(name_or_id))
        else:
            mp.person.setCurrentIndex(-1)
            type_text(qtbot, mp.person.lineEdit(), name_or_id)
        qtbot.mouseClick(mp.add_member_btn, Qt.LeftButton)

    add("Hoàng Văn Sơn", "chu_tich")
    add("Lê Thị Hà", "pho_chu_tich")
    add(d["minh"], "thu_ky")
    add("Phạm Quốc Việt", "uy_vien")
    add("Đỗ Minh Châu", "uy_vien")
    add("Nguyễn Văn Tuấn", "khach")
    assert column_texts(mp.members, 0) == ["Hoàng Văn Sơn", "Lê Thị Hà", "Trần Văn Minh", "Phạm Quốc Việt",
                                           "Đỗ Minh Châu", "Nguyễn Văn Tuấn"]
    assert mp.members.index(2, 1).data() == "Kế toán"            # the title comes from the people list
    assert column_texts(mp.members, 2)[-1] == "Khách mời"
    absent = mp.members.index(4, 3)
    assert mp.members.setData(absent, Qt.Unchecked, Qt.CheckStateRole)
    edit_cell(qtbot, mp.members_view, mp.members.index(4, 4), "Nhất trí với đề nghị")
    assert mp.meeting.members[4].written_opinion == "Nhất trí với đề nghị"
    assert mp.quorum_label.text() == ("Có mặt 4/5 thành viên Hội đồng (cần ít nhất 4): "
                                      "đủ điều kiện tiến hành họp.")
    assert OK_COLOR.name() in mp.quorum_label.styleSheet()

    # An impossible count first: six ballots for four members present. The cell turns red and Lưu refuses.
    edit_cell(qtbot, mp.ballots_view, mp.ballots.index(0, 2), "6")
    assert mp.meeting.ballots[0].issued == 6
    message = "Số phiếu phát ra (6) nhiều hơn số thành viên có mặt (4)."
    assert mp.ballots.index(0, 2).data(Qt.ToolTipRole).startswith(message)
    assert mp.ballots.index(0, 2).data(Qt.ForegroundRole) == ERROR_COLOR
    assert mp.ballots_error.isVisible() and message in mp.ballots_error.text()
    qtbot.mouseClick(mp.save_btn, Qt.LeftButton)
    assert meetings.list_for_campaign(gui_store, d["campaign"]) == []
    assert mp.ballots_error.isVisible() and message in mp.ballots_error.text()

    # Then the real count: 4 issued, 4 returned, 4 yes — 80 % of the five members: passed.
    edit_cell(qtbot, mp.ballots_view, mp.ballots.index(0, 2), "4")
    for column in (3, 4):
        assert mp.ballots.setData(mp.ballots.index(0, column), 4)
    assert not mp.ballots_error.isVisible()
    assert mp.ballots.index(0, 8).data() == "80\u00a0%"  # the one percentage format (desktop.numbers.percent)
    assert mp.ballots.index(0, 9).data() == "Đạt"
    assert mp.ballots.index(0, 7).data() == "trên 50\u00a0%"  # the one percentage format
    qtbot.mouseClick(mp.save_btn, Qt.LeftButton)
    (saved,) = meetings.list_for_campaign(gui_store, d["campaign"])
    assert [x.name for x in saved.guests] == ["Nguyễn Văn Tuấn"] and len(saved.council) == 5
    assert saved.starts_at == dt.datetime.combine(TODAY, dt.time(8, 0))
    assert (saved.ballots[0].issued, saved.ballots[0].returned, saved.ballots[0].yes) == (4, 4, 4)
    assert not saved.held

    # Closing records the result on the nomination; the nominations page shows it.
    questions = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: questions.append(text)
                        or QMessageBox.Yes)
    qtbot.mouseClick(mp.close_btn, Qt.LeftButton)
    assert len(questions) == 1
    assert meetings.get(gui_store, saved.id).held
    assert nominations.get(gui_store, lan).status == "thong_qua"
    assert nominations.get(gui_store, minh).status == "du_kien"
    assert "1" in mp.status.text()
    window.show_page("de-nghi")
    assert page.model.index(page.model.row_of(lan), 4).data() == "Thông qua"
    assert len(warnings) == 1  # nothing went wrong after the quota refusal


def test_closing_refuses_a_meeting_without_quorum(qtbot, gui_store, monkeypatch):
    d = make_ledger(gui_store)
    n = nominations.Nomination(d["campaign"], campaigns.get(gui_store, d["campaign"]).awards[0].id,
                               person_id=d["lan"], achievement_ids=[d["a_lan"]])
    nominations.save(gui_store, n)
    nominations.submit(gui_store, n.id)
    from desktop.ui.pages.meeting import MeetingPage

    page = MeetingPage(gui_store)
    qtbot.addWidget(page)
    page.show()
    page.new_meeting()
    for name, present in (("Hoàng Văn Sơn", True), ("Lê Thị Hà", False), ("Đỗ Minh Châu", False)):
        page.members.add(meetings.Member(name, present=present))
    assert ERROR_COLOR.name() in page.quorum_label.styleSheet()
    assert "không đủ số thành viên" in page.quorum_label.text()
    errors = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: errors.append(text))
    page.close_meeting()
    assert errors and "không đủ số thành viên" in errors[0]
    assert nominations.get(gui_store, n.id).status == "trinh_hop_xet"
    # A member without a name is refused next to the council table.
    page.members.add(meetings.Member(""))
    assert not page.save()
    assert page.members_error.isVisible() and page.members_error.text() == "Mỗi thành viên phải có họ tên."


# -- the deadline override ----------------------------------------------------------------------------

def test_a_late_submission_asks_for_a_reason_and_keeps_it(qtbot, gui_store, monkeypatch):
    d = make_ledger(gui_store, deadline=TODAY - dt.timedelta(days=3), quota_individual=5)
    award = campaigns.get(gui_store, d["campaign"]).awards[0].id
    n = nominations.Nomination(d["campaign"], award, person_id=d["lan"], achievement_ids=[d["a_lan"]])
    nominations.save(gui_store, n)
    window = MainWindow(gui_store, remember=False)
    qtbot.addWidget(window)
    window.show()
    window.show_page("de-nghi")
    page = window.pages["nominations"]
    page.select(n.id)
    warning = [page.checks.index(r).data() for r in range(page.checks.rowCount())
               if page.checks.index(r).data(STATE_ROLE) == "warning"]
    assert len(warning) == 1 and warning[0].startswith("Đã quá hạn nộp hồ sơ")

    asked = []

    def answer(reply):
        def get_text(parent, title, label, *args, **kwargs):
            asked.append(label)
            return reply
        return get_text

    # Cancelling the question leaves it a draft.
    monkeypatch.setattr(QInputDialog, "getText", answer(("", False)))
    qtbot.mouseClick(page.submit_btn, Qt.LeftButton)
    assert len(asked) == 1 and "Đã quá hạn nộp hồ sơ" in asked[0]
    assert nominations.get(gui_store, n.id).status == "du_kien"

    monkeypatch.setattr(QInputDialog, "getText", answer(("Bổ sung minh chứng theo yêu cầu của Sở", True)))
    qtbot.mouseClick(page.submit_btn, Qt.LeftButton)
    saved = nominations.get(gui_store, n.id)
    assert saved.status == "trinh_hop_xet"
    assert saved.override_reason == "Bổ sung minh chứng theo yêu cầu của Sở"
    assert page.model.index(page.model.row_of(n.id), 4).data() == "Trình họp xét"
    messages = [page.checks.index(r).data() for r in range(page.checks.rowCount())]
    assert any("Lý do nộp muộn: Bổ sung minh chứng" in m for m in messages)

    # Withdrawn, it goes back to a draft.
    qtbot.mouseClick(page.withdraw_btn, Qt.LeftButton)
    assert nominations.get(gui_store, n.id).status == "du_kien"


def test_editing_a_nomination_keeps_its_fields(qtbot, gui_store):
    d = make_ledger(gui_store, quota_individual=None)
    award = campaigns.get(gui_store, d["campaign"]).awards[0].id
    n = nominations.Nomination(d["campaign"], award, person_id=d["minh"], summary="Tóm tắt",
                               achievement_ids=[d["a_minh_old"]])
    nominations.save(gui_store, n)
    from desktop.ui.pages.nominations import NominationsPage

    page = NominationsPage(gui_store)
    qtbot.addWidget(page)
    assert page.quotas.index(0).data() == f"{GIAY_KHEN} — không giới hạn"
    page.select(n.id)
    page.edit()
    dialog = page.dialog
    assert dialog.subject.currentText() == "Trần Văn Minh"
    assert dialog.summary.toPlainText() == "Tóm tắt"
    assert dialog.achievements.checked_ids() == [d["a_minh_old"]]
    # The linked achievement comes first even though the older one is the one chosen.
    assert dialog.achievements.index(0, 0).data(ID_ROLE) == d["a_minh"]
    dialog.achievements.setData(dialog.achievements.index(0, 0), Qt.Checked, Qt.CheckStateRole)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(save_button(dialog), Qt.LeftButton)
    assert nominations.get(gui_store, n.id).achievement_ids == sorted([d["a_minh"], d["a_minh_old"]])
    assert page.model.index(0, 5).data() == "2"


# -- the models ------------------------------------------------------------------------------------------

def test_models_pass_the_model_tester(qtmodeltester, demo_store):
    c = campaigns.list_campaigns(demo_store)[0]
    rows = nominations.list_for_campaign(demo_store, c.id)
    n = nominations.get(demo_store, rows[0].id)
    held = next(m for x in campaigns.list_campaigns(demo_store) for m in meetings.list_for_campaign(demo_store, x.id))

    quota = QuotaModel(demo_store)
    quota.set_campaign(c)
    noms = NominationsModel(demo_store)
    noms.set_campaign(c.id)
    checks = ChecksModel()
    checks.set_checks(nominations.checks(demo_store, n))
    hint = ChecksModel()
    hint.set_checks([], "Chọn một đề nghị")
    awards = AwardChoiceModel(c)
    picks = AchievementPickModel(demo_store, c.id)
    picks.set_subject(n.subject_kind, n.person_id or n.collective_id, n.achievement_ids)
    meeting_list = MeetingsModel(demo_store)
    meeting_list.set_campaign(held.campaign_id)
    members = MembersModel()
    members.set_meeting(held)
    ballots = BallotsModel()
    ballots.set_meeting(held, {r.id: (r.name, r.award) for r in rows})
    for model in (CampaignChoiceModel(demo_store), quota, noms, checks, hint, awards, picks, meeting_list, members,
                  ballots):
        assert model.rowCount() > 0, type(model).__name__
        qtmodeltester.check(model)
