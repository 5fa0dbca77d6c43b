"""The outcome dialog on the nominations page: the decision that came back, driven as the clerk would."""
from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from desktop.records import achievements as ach  # noqa: E402
from desktop.campaigns import campaign as campaigns
from desktop.council import nominations, outcomes
from desktop.records import people  # noqa: E402
from desktop.campaigns.campaign import Campaign, CampaignAward  # noqa: E402
from desktop.ui.pages.nominations import NominationsPage  # noqa: E402
from desktop.ui.qt import Qt  # noqa: E402
from gui_support import save_button, type_text  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]

TODAY = dt.date(2026, 2, 10)


@pytest.fixture(autouse=True)
def _fixed_today(_one_clock_per_test):
    _one_clock_per_test.set_now(TODAY)


@pytest.fixture
def sent(gui_store):
    """A 2025 campaign whose two nominations were sent: a person's Lao động tiên tiến, one still proposed."""
    unit = people.add_collective(gui_store, people.Collective("Văn phòng Sở", is_unit=True))
    lan = people.add_person(gui_store, people.Person("Nguyễn Thị Lan", collective_id=unit))
    minh = people.add_person(gui_store, people.Person("Trần Văn Minh", collective_id=unit))
    c = Campaign(title="Thi đua năm 2025", number="12/KH-STP", symbol="KH-STP", doc_date="2025-01-15",
                 period_start="2025-01-15", period_end="2025-12-31", deadline="2025-12-10",
                 awards=[CampaignAward("Lao động tiên tiến", "Lao động tiên tiến", None, None)])
    cid = campaigns.save(gui_store, c)
    award_id = campaigns.get(gui_store, cid).awards[0].id
    ids = {}
    for pid, key in ((lan, "lan"), (minh, "minh")):
        a = ach.add(gui_store, ach.Achievement(dt.date(2025, 5, 1), "Hoàn thành tốt", person_id=pid, campaign_id=cid))
        ids[key] = nominations.save(gui_store, nominations.Nomination(cid, award_id, person_id=pid,
                                                                       achievement_ids=[a]))
    nominations.set_status(gui_store, ids["lan"], "da_gui")
    return {"campaign": cid, "lan": lan, **{f"n_{k}": v for k, v in ids.items()}}


def test_recording_an_outcome_in_the_window(qtbot, gui_store, sent, tmp_path):
    page = NominationsPage(gui_store)
    qtbot.addWidget(page)
    page.show()
    page.select(sent["n_minh"])
    assert not page.outcome_btn.isEnabled()          # not sent: no outcome yet
    page.select(sent["n_lan"])
    assert page.outcome_btn.isEnabled()
    row = page.model.row_of(sent["n_lan"])
    # Before the decision the prize is the proposed award's at today's base salary.
    assert page.model.index(row, 8).data() == "702.000 đ"
    assert page.model.index(row, 7).data() == ""

    qtbot.mouseClick(page.outcome_btn, Qt.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.award.currentText() == "Lao động tiên tiến"
    # Saving empty shows the errors by their fields and keeps the dialog open.
    qtbot.mouseClick(save_button(dialog), Qt.LeftButton)
    assert dialog.isVisible()
    assert dialog.form.error_text("decision_number") == "Hãy ghi số quyết định, ví dụ 123/QĐ-STP."
    assert dialog.form.error_text("decision_date") == "Hãy ghi ngày quyết định."

    type_text(qtbot, dialog.decision_number, "15/QĐ-STP")
    type_text(qtbot, dialog.decision_date, "20/01/2026")
    type_text(qtbot, dialog.issuer, "Giám đốc Sở Tư pháp")
    assert dialog.prize.text().startswith("0,3 × 2.340.000 đ = 702.000 đ")
    # The award as decided differs: the prize follows it live.
    dialog.award.setCurrentIndex(dialog.award.findText("Chiến sĩ thi đua cơ sở"))
    assert dialog.prize.text().startswith("1 × 2.340.000 đ = 2.340.000 đ")
    signed = tmp_path / "qd-15.pdf"
    signed.write_bytes(b"%PDF-1.4\n% quyet dinh 15\n%%EOF\n")
    dialog.set_file(signed)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(save_button(dialog), Qt.LeftButton)
    assert page.dialog is None

    o = outcomes.get(gui_store, sent["n_lan"])
    assert (o.result, o.decision_number, o.decision_date, o.issuer, o.award, o.file_name) == (
        "dat", "15/QĐ-STP", dt.date(2026, 1, 20), "Giám đốc Sở Tư pháp", "Chiến sĩ thi đua cơ sở", "qd-15.pdf")
    assert [(a.award, a.year) for a in people.prior_awards(gui_store, person_id=sent["lan"])] == [
        ("Chiến sĩ thi đua cơ sở", 2025)]
    row = page.model.row_of(sent["n_lan"])
    assert page.model.index(row, 7).data() == "Đạt (Chiến sĩ thi đua cơ sở)"
    assert page.model.index(row, 8).data() == "2.340.000 đ"
    assert "15/QĐ-STP" in page.model.index(row, 7).data(Qt.ToolTipRole)

    # Opening again shows what was recorded; turning it into a refusal removes the award.
    qtbot.mouseClick(page.outcome_btn, Qt.LeftButton)
    dialog = page.dialog
    assert dialog.decision_number.text() == "15/QĐ-STP" and dialog.file_label.text() == "qd-15.pdf"
    dialog.result.setCurrentIndex(dialog.result.findData("khong_dat"))
    assert not dialog.award.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(save_button(dialog), Qt.LeftButton)
    assert people.prior_awards(gui_store, person_id=sent["lan"]) == []
    row = page.model.row_of(sent["n_lan"])
    assert page.model.index(row, 7).data() == "Không đạt" and page.model.index(row, 8).data() == ""


def test_an_ad_hoc_award_in_the_window(qtbot, gui_store, sent):
    from desktop.ui.qt import QDialogButtonBox  # noqa: F401

    feat = ach.add(gui_store, ach.Achievement(dt.date(2026, 1, 30), "Cứu người đuối nước", person_id=sent["lan"]))
    page = NominationsPage(gui_store)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.ad_hoc_btn, Qt.LeftButton)
    d = page.dialog
    assert d is not None and d.isVisible() and d.model.rowCount() == 0
    # Nothing chosen: the errors show by their fields.
    assert d.add() is None
    assert d.form.error_text("subject") == "Hãy chọn cá nhân hoặc tập thể được đề nghị."
    d.subject.setCurrentIndex(d.people_model.row_of(sent["lan"]))
    d.award.setCurrentIndex(d.award.findText("Giấy khen của Giám đốc Sở"))
    row = d.achievements.row_of(feat)
    assert d.achievements.setData(d.achievements.index(row, 0), Qt.Checked, Qt.CheckStateRole)
    type_text(qtbot, d.summary, "Dũng cảm cứu người")
    nid = d.add()
    assert nid and d.model.rowCount() == 1 and d.model.index(0, 2).data() == "Dự kiến"
    d.select(nid)
    assert d.send_btn.isEnabled() and not d.outcome_btn.isEnabled()
    # Its own short dossier, drafted from the records: the Tờ trình, finalised and saved in the window.
    from desktop.dossier import drafts
    from desktop.records import unit as unit_mod

    unit_mod.save(gui_store, unit_mod.UnitProfile("Văn phòng Sở", "Sở Tư pháp tỉnh Hà Tĩnh", "Hà Tĩnh", "VP",
                                                  "Trần Đình Hùng", "Chánh Văn phòng"))
    assert d.to_trinh_btn.isEnabled() and d.report_btn.isEnabled()
    qtbot.mouseClick(d.to_trinh_btn, Qt.LeftButton)
    doc = d.dialog
    assert doc.objectName() == "unit_document_dialog" and doc.editor.draft_id == drafts.find(
        gui_store, "to_trinh_dot_xuat", nid).id
    doc.editor.number.setText("12")
    assert doc.finalise() and drafts.get(gui_store, doc.draft_id).finalised
    assert doc.status.text() == "Đã hoàn thiện" and doc.reopen_btn.isEnabled()
    doc.reject()
    d.select(nid)
    qtbot.mouseClick(d.send_btn, Qt.LeftButton)
    assert nominations.get(gui_store, nid).status == "da_gui" and d.outcome_btn.isEnabled()
    qtbot.mouseClick(d.outcome_btn, Qt.LeftButton)
    od = d.dialog
    assert od.award.currentText() == "Giấy khen của Giám đốc Sở"
    type_text(qtbot, od.decision_number, "31/QĐ-STP")
    type_text(qtbot, od.decision_date, "05/02/2026")
    with qtbot.waitSignal(od.saved, timeout=5000):
        qtbot.mouseClick(save_button(od), Qt.LeftButton)
    assert d.model.index(0, 3).data() == "Đạt — 31/QĐ-STP"
    assert [a.decision_number for a in people.prior_awards(gui_store, person_id=sent["lan"])] == ["31/QĐ-STP"]
