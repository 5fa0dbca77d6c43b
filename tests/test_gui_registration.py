"""The registration table in the window: one row per subject, a column per criterion, saved in one go."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from desktop.campaigns import campaign as campaigns, registration
from desktop.changes import Area  # noqa: E402
from desktop.records import people  # noqa: E402
from desktop.campaigns.campaign import Campaign, CampaignAward, CampaignPhase, Criterion  # noqa: E402
from desktop.ui.main_window import PAGE_KEYS, MainWindow  # noqa: E402
from desktop.ui.models.registration import RegistrationModel  # noqa: E402
from desktop.ui.qt import QFileDialog, QMessageBox, Qt  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]


@pytest.fixture
def world(gui_store):
    c = Campaign(title="Thi đua chuyển đổi số năm 2026", period_start="2026", period_end="2026",
                 criteria=[Criterion("Tỷ lệ văn bản ký số", "tap_the", 100, "%"),
                           Criterion("Số hồ sơ số hóa", "ca_nhan", 120, "hồ sơ")],
                 awards=[CampaignAward("Giấy khen của Giám đốc Sở", "Giấy khen")],
                 phase_records=[CampaignPhase("Sơ kết 6 tháng", "2026-01", "2026-06")])
    campaigns.save(gui_store, c)
    unit_id = people.add_collective(gui_store, people.Collective("Trung tâm Trợ giúp pháp lý", is_unit=True))
    team = people.add_collective(gui_store, people.Collective("Phòng Nghiệp vụ 1", parent_id=unit_id))
    lan = people.add_person(gui_store, people.Person("Nguyễn Thị Lan", collective_id=team))
    return {"c": campaigns.get(gui_store, c.id), "unit": unit_id, "team": team, "lan": lan}


@pytest.fixture
def window(qtbot, gui_store, world):
    w = MainWindow(gui_store, remember=False)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.pages["campaigns"].editor.dirty = False
    w.close()
    w.deleteLater()


def test_registration_table_edits_and_saves_in_one_go(qtbot, window, gui_store, world, monkeypatch):
    assert PAGE_KEYS["dang-ky"] == "registration"
    window.show_page("dang-ky")
    page = window.pages["registration"]
    model = page.model
    assert model.headers == ["Đăng ký", "Tập thể, cá nhân", "Danh hiệu đăng ký", "1. Tỷ lệ văn bản ký số (%)",
                             "2. Số hồ sơ số hóa (hồ sơ)"]
    assert [model.index(r, 1).data() for r in range(3)] == [
        "Trung tâm Trợ giúp pháp lý (Đơn vị)", "Phòng Nghiệp vụ 1 (Tập thể)", "Nguyễn Thị Lan"]
    # The plan's targets are filled in for whom they fit; nobody is registered yet.
    assert [model.index(0, c).data() for c in (3, 4)] == ["100", ""]
    assert model.index(2, 4).data() == "120"
    assert all(model.index(r, 0).data(Qt.CheckStateRole) == Qt.Unchecked for r in range(3))
    assert page.count_label.text() == "0 đã đăng ký" and not page.save_btn.isEnabled()

    # Typing a target registers the row; a title the catalog lacks is refused on Save and nothing is saved.
    assert model.setData(model.index(0, 3), "97,5")
    assert model.index(0, 0).data(Qt.CheckStateRole) == Qt.Checked
    assert model.setData(model.index(2, 2), "Lao động tiên tiến; Danh hiệu lạ")
    assert not model.setData(model.index(2, 4), "nhiều")          # not a number: refused in the cell
    assert page.save_btn.isEnabled() and page.count_label.text() == "2 đã đăng ký"
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    qtbot.mouseClick(page.save_btn, Qt.LeftButton)
    assert warned and "Danh hiệu lạ" in warned[0]
    assert model.index(2, 2).data(Qt.ToolTipRole)
    assert gui_store.scalar("SELECT count(*) FROM registration") == 0

    assert model.setData(model.index(2, 2), "Lao động tiên tiến")
    qtbot.mouseClick(page.save_btn, Qt.LeftButton)
    c = world["c"]
    unit_reg = registration.find(gui_store, c.id, collective_id=world["unit"])
    assert [(t.criterion_id, t.value) for t in unit_reg.targets] == [(c.criteria[0].id, 97.5)]
    lan = registration.find(gui_store, c.id, person_id=world["lan"])
    assert lan.titles == ["Lao động tiên tiến"] and lan.targets[0].value == 120
    assert registration.find(gui_store, c.id, collective_id=world["team"]) is None
    assert not page.save_btn.isEnabled() and page.count_label.text() == "2 đã đăng ký"

    # Unticking removes a registration; the phase has a table of its own.
    assert model.setData(model.index(0, 0), Qt.Unchecked, Qt.CheckStateRole)
    qtbot.mouseClick(page.save_btn, Qt.LeftButton)
    assert registration.find(gui_store, c.id, collective_id=world["unit"]) is None
    page.phase.setCurrentIndex(page.phase.findData(c.phase_records[0].id))
    assert page.count_label.text() == "0 đã đăng ký"
    assert model.setData(model.index(2, 4), "60")
    qtbot.mouseClick(page.save_btn, Qt.LeftButton)
    assert registration.find(gui_store, c.id, person_id=world["lan"], phase_id=c.phase_records[0].id) \
        .targets[0].value == 60

    # The unit's rule is a setting the page shows and changes.
    assert not page.required.isChecked()
    page.required.setChecked(True)
    assert registration.required(gui_store)


def test_registration_excel_template_and_import_from_the_page(qtbot, window, gui_store, world, tmp_path,
                                                              monkeypatch):
    from openpyxl import load_workbook

    window.show_page("dang-ky")
    page = window.pages["registration"]
    path = tmp_path / "mau.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(page.template_btn, Qt.LeftButton)
    wb = load_workbook(path)
    ws = wb["Đăng ký"]
    for row in ws.iter_rows(min_row=2):
        if row[1].value == "Nguyễn Thị Lan":
            row[3].value = "Lao động tiên tiến"
        else:
            for cell in row[4:]:
                cell.value = None
    wb.save(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    qtbot.mouseClick(page.import_btn, Qt.LeftButton)
    assert told == ["Đã nhập 1 bản đăng ký."]
    assert page.model.index(2, 0).data(Qt.CheckStateRole) == Qt.Checked
    assert page.model.index(2, 2).data() == "Lao động tiên tiến"


def test_registration_model_passes_the_model_tester(qtmodeltester, gui_store, world):
    model = RegistrationModel(gui_store)
    model.load(world["c"])
    qtmodeltester.check(model)


def test_overview_lists_deadlines_and_reminds_of_those_within_seven_days(qtbot, gui_store, world):
    import datetime as dt

    from desktop import clock

    c = campaigns.get(gui_store, world["c"].id)
    c.registration_deadline = "2026-03-25"
    c.report_deadline = "--12-10"
    c.phase_records[0].report_deadline = "2026-07-10"
    campaigns.save(gui_store, c)
    clock.set_now(dt.datetime(2026, 3, 20, 3, tzinfo=dt.timezone.utc))
    w = MainWindow(gui_store, remember=False)
    w.show()
    qtbot.waitExposed(w)
    try:
        overview = w.pages["overview"]
        banner = overview.deadline_banner
        assert banner.isVisible()
        assert "25/03/2026 (còn 5 ngày): Đăng ký thi đua — Thi đua chuyển đổi số năm 2026" in banner.text()
        model = overview.deadlines
        assert [model.index(r, 2).data() for r in range(model.rowCount())] == [
            "Đăng ký thi đua", "Báo cáo kết quả (Sơ kết 6 tháng)", "Báo cáo kết quả"]
        assert model.index(0, 0).data() == "25/03/2026" and model.index(0, 1).data() == "còn 5 ngày"
        overview.show_deadlines(dt.date(2026, 4, 1))
        assert not banner.isVisibleTo(overview) and model.rowCount() == 2
    finally:
        w.close()
        w.deleteLater()


def test_campaign_page_heading_counts_targets_reached_against_registered_ones(qtbot, window, gui_store, world):
    import datetime as dt

    from desktop.records import achievements as ach
    from desktop import clock

    clock.set_now(dt.datetime(2026, 3, 20, 3, tzinfo=dt.timezone.utc))
    c = world["c"]
    ach.add(gui_store, ach.Achievement(dt.date(2026, 3, 1), "Ký số", collective_id=world["team"], measure_value=96,
                                       measure_unit="%", criterion_id=c.criteria[0].id, campaign_id=c.id))
    page = window.pages["campaigns"]
    page.reload()
    window.show_page("phong-trao")
    page.select(c.id)
    assert page.current_id() == c.id
    assert "đợt hiện tại: Sơ kết 6 tháng" in page.heading.text()
    assert "chỉ tiêu đã đạt: 0/2" in page.heading.text()          # 96 % < 100 %; nothing measured for 120
    r = registration.new(gui_store, c.id, collective_id=world["unit"])
    r.targets[0].value = 95
    registration.save(gui_store, r)
    window.apply_changes(frozenset({Area.REGISTRATION}))     # what saving on the registration page announces
    assert "chỉ tiêu đã đạt: 1/2 (so với chỉ tiêu đã đăng ký)" in page.heading.text()


def test_year_titles_dialog_registers_outside_any_campaign(qtbot, qtmodeltester, window, gui_store, world,
                                                          monkeypatch, tmp_path):
    import datetime as dt

    from desktop import clock
    from desktop.campaigns import yearly_registration as yr

    clock.set_now(dt.datetime(2026, 3, 2, 3, tzinfo=dt.timezone.utc))
    window.show_page("dang-ky")
    page = window.pages["registration"]
    qtbot.mouseClick(page.year_btn, Qt.LeftButton)
    dialog = page.dialog
    assert dialog.isVisible() and dialog.year.value() == 2026
    model = dialog.model
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(3)] == [
        "Trung tâm Trợ giúp pháp lý (Đơn vị)", "Phòng Nghiệp vụ 1 (Tập thể)", "Nguyễn Thị Lan"]
    assert model.index(0, 1).data() == "Tập thể lao động tiên tiến" and model.index(2, 2).data() == "Chiến sĩ thi đua cơ sở"
    assert not dialog.save_btn.isEnabled()
    model.setData(model.index(1, 1), Qt.Checked, Qt.CheckStateRole)
    model.setData(model.index(2, 1), Qt.Checked, Qt.CheckStateRole)
    model.setData(model.index(2, 2), Qt.Checked, Qt.CheckStateRole)
    model.setData(model.index(2, 4), "05/03/2026", Qt.EditRole)
    assert dialog.save_btn.isEnabled() and dialog.count_label.text() == "2 đã đăng ký"
    assert dialog.save()
    lan = yr.find(gui_store, 2026, person_id=world["lan"])
    assert lan.titles == ["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"] and lan.registered_on == "2026-03-05"
    assert yr.find(gui_store, 2026, collective_id=world["team"]).titles == ["Tập thể lao động tiên tiến"]
    # Another year is its own; unticking every title takes the registration away.
    dialog.year.setValue(2027)
    assert model.registered_count() == 0
    dialog.year.setValue(2026)
    model.setData(model.index(1, 1), Qt.Unchecked, Qt.CheckStateRole)
    assert dialog.save()
    assert yr.find(gui_store, 2026, collective_id=world["team"]) is None
    # A bad day is refused, nothing saved, the row shows why.
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    model.setData(model.index(2, 4), "31/02/2026", Qt.EditRole)
    assert not dialog.save() and "không hợp lệ" in warnings[0]
    assert "không hợp lệ" in model.index(2, 0).data(Qt.ToolTipRole)
    assert yr.find(gui_store, 2026, person_id=world["lan"]).registered_on == "2026-03-05"
    # The printable list through the file dialog.
    out = tmp_path / "ds.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.export_list()
    assert out.exists()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    dialog.reject()
    assert not dialog.isVisible()
