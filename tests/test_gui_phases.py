"""Phases in the window: the nominations page and the council meeting page work on one phase at a time."""
from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from desktop.records import achievements as ach  # noqa: E402
from desktop.campaigns import campaign as cm  # noqa: E402
from desktop import clock
from desktop.council import meetings
from desktop.records import people  # noqa: E402
from desktop.council import nominations as nm  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.qt import QMessageBox  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]

GK = "Giấy khen của Giám đốc Sở"


@pytest.fixture
def world(gui_store):
    clock.set_now(dt.datetime(2027, 10, 1, 3, tzinfo=dt.timezone.utc))
    c = cm.Campaign(
        title="Phong trào thi đua chuyển đổi số giai đoạn 2026-2030", number="12/KH-STP", doc_date="2026-02-01",
        period_start="2026-02", period_end="2030-12", deadline="2030-11-30",
        phase_records=[cm.CampaignPhase("Sơ kết giai đoạn 1", "2026-02", "2027-12", "2027-11-15"),
                       cm.CampaignPhase("Tổng kết", "2028-01", "2030-12", "2030-11-30")],
        awards=[cm.CampaignAward(GK, "Giấy khen", None, 1, phase=0),
                cm.CampaignAward(GK, "Giấy khen", None, 2, phase=1),
                cm.CampaignAward("Chiến sĩ thi đua cơ sở", "CSTĐCS", None, 3)])
    cm.save(gui_store, c)
    team = people.add_collective(gui_store, people.Collective("Phòng Nghiệp vụ 1"))
    ids = []
    for name in ("Nguyễn Thị Lan", "Trần Văn Bình"):
        pid = people.add_person(gui_store, people.Person(name, collective_id=team))
        for year in (2027, 2030):
            people.set_rating(gui_store, pid, year, "xuat_sac")
        ids.append((pid, ach.add(gui_store, ach.Achievement(dt.date(2027, 6, 1), f"Thành tích {name}",
                                                           person_id=pid, campaign_id=c.id))))
    c = cm.get(gui_store, c.id)
    (lan, lan_ach), (binh, binh_ach) = ids
    so_ket = nm.save(gui_store, nm.Nomination(c.id, c.awards[0].id, person_id=lan, achievement_ids=[lan_ach]))
    tong_ket = nm.save(gui_store, nm.Nomination(c.id, c.awards[1].id, person_id=binh, achievement_ids=[binh_ach]))
    return {"c": c, "so_ket": so_ket, "tong_ket": tong_ket, "lan": (lan, lan_ach)}


@pytest.fixture
def window(qtbot, gui_store, world, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    w = MainWindow(gui_store, remember=False)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    w.deleteLater()


def _names(page) -> list[str]:
    return [page.model.row_at(r).name for r in range(page.model.rowCount())]


def test_nominations_page_shows_one_phase_its_quotas_and_adds_to_it(qtbot, window, gui_store, world):
    c = world["c"]
    window.show_page("nominations")
    page = window.pages["nominations"]
    assert page.phase.isVisible()
    assert [page.phase.itemText(i) for i in range(page.phase.count())] == [
        "Tất cả các đợt", "Sơ kết giai đoạn 1", "Tổng kết"]
    assert sorted(_names(page)) == ["Nguyễn Thị Lan", "Trần Văn Bình"]
    quotas = [page.quotas.index(r).data() for r in range(page.quotas.rowCount())]
    assert len(quotas) == 3 and any("(Sơ kết giai đoạn 1)" in q for q in quotas)

    page.set_phase(c.phase_records[0].id)
    assert _names(page) == ["Nguyễn Thị Lan"]
    quotas = [page.quotas.index(r).data() for r in range(page.quotas.rowCount())]
    # The sơ kết's own award and the whole campaign's; not the tổng kết's.
    assert len(quotas) == 2 and not any("Tổng kết" in q for q in quotas)
    assert any(q.startswith(f"{GK} (Sơ kết giai đoạn 1)") and "1/1" in q for q in quotas)

    # A nomination added here belongs to the sơ kết, also for an award of the whole campaign.
    page.add()
    dialog = page.dialog
    awards = [dialog.award_model.index(r).data() for r in range(dialog.award_model.rowCount())]
    assert awards == [f"{GK} (Sơ kết giai đoạn 1)", "Chiến sĩ thi đua cơ sở"]
    lan, lan_ach = world["lan"]
    dialog.subject.setCurrentIndex(dialog.people_model.row_of(lan))
    dialog.award.setCurrentIndex(1)
    dialog.achievements.set_subject("person", lan, [lan_ach])
    dialog.save()
    new = dialog.nomination.id
    dialog.close()
    assert nm.get(gui_store, new).phase_id == c.phase_records[0].id
    assert sorted(_names(page)) == ["Nguyễn Thị Lan", "Nguyễn Thị Lan"]
    page.set_phase(c.phase_records[1].id)
    assert _names(page) == ["Trần Văn Bình"]
    # Editing keeps the phase it has.
    page.set_phase(None)
    page.select(new)
    page.edit()
    page.dialog.save()
    page.dialog.close()
    assert nm.get(gui_store, new).phase_id == c.phase_records[0].id
    # Kept across a reload from another page.
    page.set_phase(c.phase_records[1].id)
    page.reload()
    assert page.phase_id() == c.phase_records[1].id and _names(page) == ["Trần Văn Bình"]


def test_a_campaign_without_phases_shows_no_phase_choice(qtbot, window, gui_store, world):
    plain = cm.Campaign(title="Ngày không giấy", awards=[cm.CampaignAward(GK, "Giấy khen")])
    cm.save(gui_store, plain)
    window.show_page("nominations")
    page = window.pages["nominations"]
    page.reload()
    page.set_campaign(plain.id)
    assert not page.phase.isVisible() and page.phase_id() is None


def test_meeting_page_meets_for_one_phase(qtbot, window, gui_store, world):
    c = world["c"]
    for nid in (world["so_ket"], world["tong_ket"]):
        nm.submit(gui_store, nid, dt.date(2027, 10, 1), override_reason=None)
    window.show_page("meeting")
    page = window.pages["meeting"]
    page.set_campaign(c.id)
    page.new_meeting()
    combo = page.meeting_phase
    assert combo.isVisible() and combo.isEnabled()
    assert [combo.itemText(i) for i in range(combo.count())] == ["Cả phong trào", "Sơ kết giai đoạn 1", "Tổng kết"]
    assert {b.nomination_id for b in page.meeting.ballots} == {world["so_ket"], world["tong_ket"]}
    combo.setCurrentIndex(1)
    assert [b.nomination_id for b in page.meeting.ballots] == [world["so_ket"]]
    assert page.ballots.rowCount() == 1 and page.dirty
    combo.setCurrentIndex(0)   # back to the whole campaign: every nomination awaiting the council
    assert {b.nomination_id for b in page.meeting.ballots} == {world["so_ket"], world["tong_ket"]}
    combo.setCurrentIndex(2)
    page.title.setText("Họp xét tổng kết")
    page.meeting.members = [meetings.Member("Trần Đình Hùng", "Giám đốc", "chu_tich")]
    assert page.save()
    saved = meetings.get(gui_store, page.meeting.id)
    assert saved.phase_id == c.phase_records[1].id
    assert [b.nomination_id for b in saved.ballots] == [world["tong_ket"]]


def test_meeting_page_hides_the_phase_for_a_campaign_without_phases(qtbot, window, gui_store, world):
    plain = cm.Campaign(title="Ngày không giấy", awards=[cm.CampaignAward(GK, "Giấy khen")])
    cm.save(gui_store, plain)
    window.show_page("meeting")
    page = window.pages["meeting"]
    page.reload()
    page.set_campaign(plain.id)
    page.new_meeting()
    assert not page.meeting_phase.isVisible()
