"""The year-end review page and the statistics page, driven as the clerk would."""
from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from desktop.council import meetings, review, statistics  # noqa: E402
from desktop.records import people  # noqa: E402
from desktop.ui.main_window import PAGE_KEYS, MainWindow  # noqa: E402
from desktop.ui.models.nominations import STATE_ROLE  # noqa: E402
from desktop.ui.qt import QInputDialog, QMessageBox, Qt  # noqa: E402
from gui_support import type_text  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]

TODAY = dt.date(2026, 1, 20)
YEAR = 2025


@pytest.fixture(autouse=True)
def _fixed_today(_one_clock_per_test):
    _one_clock_per_test.set_now(TODAY)


@pytest.fixture
def unit(gui_store):
    u = people.add_collective(gui_store, people.Collective("Trung tâm", is_unit=True))
    team = people.add_collective(gui_store, people.Collective("Phòng Nghiệp vụ", parent_id=u))
    ids = {}
    for name, rating in (("Nguyễn Thị Lan", "xuat_sac"), ("Trần Văn Bình", "tot"), ("Lê Văn Cường", "tot"),
                         ("Phạm Thị Dung", "hoan_thanh")):
        ids[name] = people.add_person(gui_store, people.Person(name, collective_id=team))
        people.set_rating(gui_store, ids[name], YEAR, rating)
    review.set_collective_rating(gui_store, team, YEAR, "tot")
    return {"team": team, **ids}


def row_of(page, key):
    return page.model.row_of(key)


def test_a_year_end_review_in_the_window(qtbot, gui_store, unit, monkeypatch):
    window = MainWindow(gui_store, remember=False)
    qtbot.addWidget(window)
    window.show()
    assert PAGE_KEYS["binh-xet"] == "review"
    window.show_page("binh-xet")
    page = window.pages["review"]
    assert page.year.count() == 0 and not page.decide_btn.isEnabled()

    answers = iter([(YEAR, True)])
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: next(answers))
    qtbot.mouseClick(page.open_btn, Qt.LeftButton)
    assert page.selected_year() == YEAR and page.decide_btn.isEnabled()
    assert not page.minutes_btn.isEnabled()     # no council meeting held yet
    m = page.model
    # Lan's Chiến sĩ thi đua cơ sở waits for the council's secret ballot.
    lan_key = ("person", unit["Nguyễn Thị Lan"], "Chiến sĩ thi đua cơ sở")
    lan = row_of(page, lan_key)
    page.view.setCurrentIndex(m.index(lan, 1))
    assert m.index(lan, 4).data() == "1"
    assert "Chưa có kết quả bỏ phiếu kín của Hội đồng" in m.index(lan, 4).data(Qt.ToolTipRole)
    # The clerk ticks everyone who qualifies and Lan's CSTĐCS, and puts the list to the council.
    qtbot.mouseClick(page.suggest_btn, Qt.LeftButton)
    m.setData(m.index(lan, 0), Qt.Checked, Qt.CheckStateRole)
    qtbot.mouseClick(page.propose_btn, Qt.LeftButton)
    assert len(review.proposals(gui_store, YEAR)) == 5
    # The council meets in the same meeting editor as a campaign's: 9 members, 8 vote yes for Lan.
    qtbot.mouseClick(page.meeting_btn, Qt.LeftButton)
    dialog = page.dialog
    mp = dialog.page
    assert mp.campaign.isHidden() and mp.new_btn.isEnabled()
    mp.new_meeting()
    for i in range(9):
        mp.members.add(meetings.Member(f"Thành viên {i + 1}", "Chuyên viên",
                                       "chu_tich" if i == 0 else "thu_ky" if i == 1 else "uy_vien"))
    assert mp.ballots.rowCount() == 1        # only the title that needs a secret ballot
    assert mp.ballots.index(0, 0).data() == "Nguyễn Thị Lan"
    for key, value in (("issued", 9), ("returned", 9), ("yes", 8), ("no", 1)):
        assert mp.ballots.setData(mp.ballots.index(0, mp.ballots.KEYS.index(key)), value, Qt.EditRole)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    qtbot.mouseClick(mp.close_btn, Qt.LeftButton)
    assert mp.meeting.held
    dialog.reject()
    assert {p.status for p in review.proposals(gui_store, YEAR)} == {"thong_qua"}
    lan = row_of(page, lan_key)
    assert m.index(lan, 4).data() == "✓"
    assert "Phiếu đồng ý 8/9 thành viên Hội đồng (88,89\xa0%), đạt tỷ lệ từ 80\xa0% trở lên." in m.index(lan, 4).data(
        Qt.ToolTipRole)
    assert page.minutes_btn.isEnabled()
    # Every person for each personal title, every collective for each collective title.
    assert m.rowCount() == 4 * 2 + 2 * 2
    dung = row_of(page, ("person", unit["Phạm Thị Dung"], "Lao động tiên tiến"))
    assert m.index(dung, 4).data() == "1"
    page.view.setCurrentIndex(m.index(dung, 1))
    failed = [page.checks.index(r).data() for r in range(page.checks.rowCount())
              if page.checks.index(r).data(STATE_ROLE) == "failed"]
    assert failed == ["Xếp loại năm 2025 là “hoàn thành nhiệm vụ”, chưa đạt “hoàn thành tốt nhiệm vụ”."]

    # The clerk takes those who qualify for what the unit decides; the team's 3 of 4 makes 75\xa0%.
    qtbot.mouseClick(page.suggest_btn, Qt.LeftButton)
    assert sorted((k[0], k[2]) for k in m.chosen) == sorted(
        [("person", "Lao động tiên tiến")] * 3 + [("person", "Chiến sĩ thi đua cơ sở"),
                                                  ("collective", "Tập thể lao động tiên tiến")])
    # Unticking Bình's LĐTT drops the team to 2 of 4 (50\xa0%): its title now fails, live.
    binh = row_of(page, ("person", unit["Trần Văn Bình"], "Lao động tiên tiến"))
    assert m.setData(m.index(binh, 0), Qt.Unchecked, Qt.CheckStateRole)
    team = row_of(page, ("collective", unit["team"], "Tập thể lao động tiên tiến"))
    assert m.index(team, 4).data() == "1"
    assert "2/4 cá nhân (50\xa0%)" in m.index(team, 4).data(Qt.ToolTipRole)

    # Deciding now is refused with the reason; nothing is written.
    errors = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: errors.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a, **k: errors.append(text))
    type_text(qtbot, page.decision_number, "05/QĐ-TT")
    type_text(qtbot, page.decision_date, "12/01/2026")
    qtbot.mouseClick(page.decide_btn, Qt.LeftButton)
    assert errors and "2/4 cá nhân (50\xa0%)" in errors[-1]
    assert review.get(gui_store, YEAR).status == "dang_xet"

    # Ticked again, the decision goes through and the list shows each title with its prize.
    m.setData(m.index(row_of(page, ("person", unit["Trần Văn Bình"], "Lao động tiên tiến")), 0), Qt.Checked,
              Qt.CheckStateRole)
    qtbot.mouseClick(page.decide_btn, Qt.LeftButton)
    r = review.get(gui_store, YEAR)
    assert (r.status, r.decision_number, r.decision_date) == ("da_quyet_dinh", "05/QĐ-TT", dt.date(2026, 1, 12))
    assert page.decided.rowCount() == 5
    assert [page.decided.index(i, 3).data() for i in range(5)] == [
        "Lao động tiên tiến"] * 3 + ["Chiến sĩ thi đua cơ sở", "Tập thể lao động tiên tiến"]
    assert page.total.text() == "Tổng tiền thưởng: 6.318.000 đ"
    assert not page.decide_btn.isEnabled() and not (m.flags(m.index(0, 0)) & Qt.ItemIsUserCheckable)
    # The decided review shows what its decision awarded, ticked.
    assert len(m.chosen) == 5 and m.index(row_of(page, ("person", unit["Trần Văn Bình"], "Lao động tiên tiến")),
                                          0).data(Qt.CheckStateRole) == Qt.Checked

    # The statistics page follows: 5 awards in 2025, by level and subject, and Lan's history.
    stats = window.pages["statistics"]
    window.show_page("thong-ke")
    assert (stats.year_from.value(), stats.year_to.value()) == (YEAR, YEAR)
    assert stats.summary.text() == "5 khen thưởng, tiền thưởng 6.318.000 đ"
    assert stats.chart.sets == {"Cơ sở": [5]}
    stats.group.setCurrentIndex(stats.group.findData("kind"))
    assert stats.chart.sets == {"Cá nhân": [4], "Tập thể": [1]}
    counts = stats.counts
    assert [counts.index(i, 0).data() for i in range(counts.rowCount())] == [
        "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", "Tập thể lao động tiên tiến", "Tổng số", "Tiền thưởng"]
    assert counts.index(1, 2).data() == "3" and counts.index(3, 3).data() == "5"
    assert counts.index(4, 2).data() == counts.index(4, 3).data() == "6.318.000 đ"   # the year's prizes
    assert stats.shares.rowCount() == 2 and stats.shares.index(1, 3).data() == "75\xa0%"
    stats.subject.setCurrentIndex(stats.subject.findData(f"person:{unit['Nguyễn Thị Lan']}"))
    assert [stats.history.index(i, 2).data() for i in range(stats.history.rowCount())] == [
        "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến"]
    assert stats.history.index(0, 1).data() == "Hoàn thành xuất sắc nhiệm vụ"


def test_statistics_export_from_the_window(qtbot, gui_store, unit, tmp_path):
    from openpyxl import load_workbook

    from desktop.ui.pages.statistics import StatisticsPage

    people.add_prior_award(gui_store, people.PriorAward("Lao động tiên tiến", 2024, "3/QĐ", dt.date(2025, 1, 5),
                                                        person_id=unit["Lê Văn Cường"]))
    page = StatisticsPage(gui_store)
    qtbot.addWidget(page)
    assert len(statistics.awards(gui_store)) == 1
    assert page.export_to(tmp_path / "kt.xlsx")
    assert load_workbook(tmp_path / "kt.xlsx").sheetnames == ["Danh sách khen thưởng", "Tổng hợp theo năm",
                                                             "Xếp loại hằng năm"]


def test_the_collective_dialog_keeps_ratings_and_awards_received(qtbot, gui_store, unit):
    from desktop.ui.dialogs.records import CollectiveDialog
    from gui_support import save_button

    people.add_prior_award(gui_store, people.PriorAward("Tập thể lao động tiên tiến", 2024, "9/QĐ",
                                                        dt.date(2025, 1, 10), collective_id=unit["team"]))
    dialog = CollectiveDialog(None, gui_store, people.get_collective(gui_store, unit["team"]))
    qtbot.addWidget(dialog)
    assert dialog.ratings_model.ratings() == {YEAR: "tot"}
    assert [a.award for a in dialog.awards_model.awards()] == ["Tập thể lao động tiên tiến"]
    # Only collectives' awards are offered for a collective.
    from desktop.ui.dialogs.records import AwardDelegate

    assert "Lao động tiên tiến" not in AwardDelegate("collective").names
    row = dialog.ratings_model.add_year(2024)
    dialog.ratings_model.setData(dialog.ratings_model.index(row, 1), "xuat_sac", Qt.EditRole)
    qtbot.mouseClick(save_button(dialog), Qt.LeftButton)
    assert review.collective_ratings(gui_store, unit["team"]) == {2024: "xuat_sac", YEAR: "tot"}
    assert [a.award for a in people.prior_awards(gui_store, collective_id=unit["team"])] == [
        "Tập thể lao động tiên tiến"]


def test_printing_the_certificates_from_the_review_page(qtbot, gui_store, unit, monkeypatch, tmp_path):
    from desktop.dossier import printing
    from desktop.ui.pages.review import ReviewPage

    from desktop.records import unit as unit_mod

    unit_mod.save(gui_store, unit_mod.UnitProfile("Trung tâm", "Sở Tư pháp tỉnh Hà Tĩnh", "Hà Tĩnh", "TT",
                                                  "Trần Đình Hùng", "Giám đốc"))
    review.open_review(gui_store, YEAR)
    review.decide(gui_store, YEAR, [("person", unit["Trần Văn Bình"], "Lao động tiên tiến")],
                  decision_number="05/QĐ-TT", decision_date="12/01/2026")
    page = ReviewPage(gui_store)
    qtbot.addWidget(page)
    assert page.print_btn.isEnabled()
    spooled = []
    monkeypatch.setattr(printing, "system_spooler", lambda pdf, printer, copies: spooled.append(pdf.name))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    qtbot.mouseClick(page.print_btn, Qt.LeftButton)
    assert spooled == ["giay-khen.pdf"]
    assert page.decision_btn.isEnabled() and page.save_decision_to(tmp_path / "qd.docx")
    assert (tmp_path / "qd.docx").stat().st_size > 0
    # The decision is a document like any other: numbered from the decision, finalised, read back.
    from pypdf import PdfReader

    from desktop.dossier import drafts

    d = page.open_decision()
    assert d is not None and d.editor.number.text() == "05"
    assert d.finalise() and drafts.get(gui_store, d.draft_id).finalised
    assert d.export_to(tmp_path / "qd.pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(tmp_path / "qd.pdf")).pages)
    for words in ("Số: 05/QĐ-TT", "ngày 12 tháng 01 năm 2026", "Trần Văn Bình", "Lao động tiên tiến", "702.000 đ",
                  "Trần Đình Hùng"):
        assert words in text, words
    d.reject()
    assert [e["document"] for e in printing.entries(gui_store)] == [
        "Giấy khen Lao động tiên tiến — Trần Văn Bình (QĐ số 05/QĐ-TT, số sổ vàng 1)"]


def test_initiatives_entered_in_the_window_open_the_other_route(qtbot, gui_store, unit):
    from desktop.ui.pages.review import ReviewPage

    review.open_review(gui_store, YEAR)
    key = ("person", unit["Trần Văn Bình"], "Chiến sĩ thi đua cơ sở")
    page = ReviewPage(gui_store)
    qtbot.addWidget(page)
    assert page.model.index(page.model.row_of(key), 4).data() == "2"   # no excellence nor initiative; no ballot
    page.edit_initiatives()
    d = page.dialog
    assert d is not None and d.isVisible()
    # Saved without a name or an author: the errors show by their fields.
    assert not d.add()
    assert d.form.error_text("name") == "Hãy ghi tên sáng kiến."
    assert d.form.error_text("authors") == "Sáng kiến phải có ít nhất một tác giả."
    type_text(qtbot, d.name, "Số hóa quy trình tiếp nhận")
    d.authors.setData(d.authors.index(d.authors.row_of(unit["Trần Văn Bình"])), Qt.Checked, Qt.CheckStateRole)
    type_text(qtbot, d.decision_number, "12/QĐ-HĐSK")
    type_text(qtbot, d.decision_date, "10/12/2025")
    assert d.add()
    assert d.model.rowCount() == 1 and d.model.index(0, 1).data() == "Trần Văn Bình"
    assert page.model.index(page.model.row_of(key), 4).data() == "1"   # the council's ballot is still to come
    [i] = review.initiatives(gui_store, year=YEAR)
    assert (i.name, i.author_ids, i.decision_date) == ("Số hóa quy trình tiếp nhận", [unit["Trần Văn Bình"]],
                                                        dt.date(2025, 12, 10))
