"""The dossier of one phase in the window: the Hồ sơ page lists and drafts it, the Gửi hồ sơ page checks it."""
from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from desktop import clock  # noqa: E402
from desktop.campaigns import campaign as cm  # noqa: E402
from desktop.council import meetings  # noqa: E402
from desktop.council import nominations as nm  # noqa: E402
from desktop.dossier import build as dossier, drafts  # noqa: E402
from desktop.records import achievements as ach  # noqa: E402
from desktop.records import people, unit  # noqa: E402
from desktop.ui.models.package import STATE_ROLE  # noqa: E402
from desktop.ui.pages.documents import DocumentsPage  # noqa: E402
from desktop.ui.pages.send import SendPage  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]

GK = "Giấy khen của Giám đốc Sở"


def _hold(store, campaign_id: int, phase_id: int, day: dt.date) -> int:
    """The council meets for one phase and passes every nomination of it awaiting the council."""
    start = dt.datetime.combine(day, dt.time(8, 0))
    m = meetings.Meeting(campaign_id, start, "Họp xét", start + dt.timedelta(hours=1), "Phòng họp",
                         phase_id=phase_id)
    m.members = [meetings.Member("Trần Đình Hùng", "Giám đốc", "chu_tich"),
                 meetings.Member("Lê Thị Thu Hà", "Chuyên viên", "thu_ky"),
                 meetings.Member("Nguyễn Thị Lan Anh", "Phó Giám đốc", "uy_vien")]
    meetings.add_submitted(store, m)
    assert m.ballots
    for b in m.ballots:
        b.issued = b.returned = b.yes = 3
    meetings.save(store, m)
    meetings.close(store, m.id)
    return m.id


@pytest.fixture
def world(gui_store):
    """A campaign with a sơ kết and a tổng kết; Lan is proposed for the sơ kết, Bình for the tổng kết, and the
    council met for each phase and passed them."""
    clock.set_now(dt.datetime(2027, 10, 1, 3, tzinfo=dt.timezone.utc))
    unit.save(gui_store, unit.UnitProfile(name="Trung tâm Trợ giúp pháp lý", governing_body="Sở Tư pháp",
                                          province="Hà Tĩnh", abbreviation="TTTGPL", head_name="Nguyễn Văn Hùng",
                                          head_title="Giám đốc"))
    c = cm.Campaign(
        title="Phong trào thi đua chuyển đổi số giai đoạn 2026-2030", number="12/KH-STP", doc_date="2026-02-01",
        issuer="Sở Tư pháp tỉnh Hà Tĩnh", period_start="2026-02", period_end="2030-12", deadline="2030-11-30",
        phase_records=[cm.CampaignPhase("Sơ kết giai đoạn 1", "2026-02", "2027-12", "2027-11-15"),
                       cm.CampaignPhase("Tổng kết", "2028-01", "2030-12", "2030-11-30")],
        awards=[cm.CampaignAward(GK, "Giấy khen", None, 1, phase=0),
                cm.CampaignAward(GK, "Giấy khen", None, 2, phase=1)])
    cm.save(gui_store, c)
    c = cm.get(gui_store, c.id)
    team = people.add_collective(gui_store, people.Collective("Phòng Nghiệp vụ 1"))
    noms = []
    for name, award in (("Nguyễn Thị Lan", c.awards[0]), ("Trần Văn Bình", c.awards[1])):
        pid = people.add_person(gui_store, people.Person(name, collective_id=team))
        for year in (2026, 2027):
            people.set_rating(gui_store, pid, year, "xuat_sac")
        aid = ach.add(gui_store, ach.Achievement(dt.date(2027, 6, 1), f"Thành tích {name}", person_id=pid,
                                                 campaign_id=c.id))
        nid = nm.save(gui_store, nm.Nomination(c.id, award.id, person_id=pid, achievement_ids=[aid]))
        nm.submit(gui_store, nid, dt.date(2027, 9, 1), override_reason=None)
        noms.append(nid)
    so_ket, tong_ket = c.phase_records
    lan, binh = noms
    assert nm.get(gui_store, lan).phase_id == so_ket.id and nm.get(gui_store, binh).phase_id == tong_ket.id
    meeting = _hold(gui_store, c.id, so_ket.id, dt.date(2027, 9, 20))
    _hold(gui_store, c.id, tong_ket.id, dt.date(2027, 9, 25))
    assert nm.get(gui_store, lan).status in nm.PASSED and nm.get(gui_store, binh).status in nm.PASSED
    return {"c": c, "so_ket": so_ket, "tong_ket": tong_ket, "lan": lan, "binh": binh, "meeting": meeting}


def _rows(page) -> list[tuple[str, int, int | None]]:
    return [(page.model.item_at(r).kind, page.model.item_at(r).target_id, page.model.item_at(r).phase_id)
            for r in range(page.model.rowCount())]


def _show(qtbot, page):
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_documents_page_lists_and_drafts_one_phase_dossier(qtbot, gui_store, world):
    c, so_ket = world["c"], world["so_ket"]
    page = _show(qtbot, DocumentsPage(gui_store))
    page.set_campaign(c.id)
    assert page.phases.isVisible()
    assert [page.phase.itemText(i) for i in range(page.phase.count())] == [
        "Cả phong trào", "Sơ kết giai đoạn 1", "Tổng kết"]
    assert page.phase_id() is None
    whole = _rows(page)
    assert ("bao_cao", world["lan"], None) in whole and ("bao_cao", world["binh"], None) in whole
    assert sum(1 for kind, *_ in whole if kind == "bien_ban") == 2

    page.set_phase(so_ket.id)
    assert page.phase_id() == so_ket.id and page.model.phase_id == so_ket.id
    rows = _rows(page)
    # The sơ kết's dossier: its Tờ trình, the Biên bản of its meeting, Lan's Báo cáo; then its own report.
    assert [r for r in rows if r[0] in ("to_trinh", "bien_ban", "bao_cao")] == [
        ("to_trinh", c.id, so_ket.id), ("bien_ban", world["meeting"], None), ("bao_cao", world["lan"], None)]
    assert [page.model.item_at(r).title for r in range(page.model.rowCount())][-1].endswith("Sơ kết giai đoạn 1")
    assert not any(r[0] == "bao_cao" and r[1] == world["binh"] for r in rows)

    # Drafting the Tờ trình here drafts the sơ kết's.
    page.view.setCurrentIndex(page.model.index(0, 0))
    assert page.draft_btn.isEnabled()
    page.draft()
    made = [d for d in drafts.list_for_campaign(gui_store, c.id) if d.kind == "to_trinh"]
    assert len(made) == 1 and made[0].phase_id == so_ket.id
    assert page.phase_id() == so_ket.id and page.current_item().draft_id == made[0].id
    assert "Sơ kết giai đoạn 1" in drafts.title(gui_store, made[0])

    # Kept across a reload; back to the whole campaign, the phase's Tờ trình is listed apart.
    page.reload()
    assert page.phase_id() == so_ket.id and _rows(page)[0] == ("to_trinh", c.id, so_ket.id)
    page.set_phase(None)
    to_trinh = [page.model.item_at(r) for r in range(page.model.rowCount())
                if page.model.item_at(r).kind == "to_trinh"]
    assert to_trinh[0].draft is None and to_trinh[-1].draft_id == made[0].id


def _checklist_lines(model) -> str:
    """The lines shown under the checklist's required documents: what was drafted or attached, what is missing."""
    return "\n".join(model.index(line, 0, model.index(r, 0)).data()
                     for r in range(model.rowCount()) for line in range(model.rowCount(model.index(r, 0))))


def test_send_page_checks_one_phase_dossier(qtbot, gui_store, world):
    c, so_ket = world["c"], world["so_ket"]
    page = _show(qtbot, SendPage(gui_store))
    page.set_campaign(c.id)
    assert page.phases.isVisible() and page.phase_id() is None
    whole_name = page.output.text()
    whole = _checklist_lines(page.checklist)
    assert "Trần Văn Bình" in whole and "Nguyễn Thị Lan" in whole

    page.set_phase(so_ket.id)
    assert page.checklist.phase_id == so_ket.id
    model = page.checklist
    checklist = [(model.item_at(r).name, model.item_at(r).kind, model.index(r, 0).data(STATE_ROLE))
                 for r in range(model.rowCount())]
    assert checklist == [(i.name, i.kind, i.state) for i in dossier.required(gui_store, c.id, so_ket.id)]
    lines = _checklist_lines(model)
    assert "Nguyễn Thị Lan" in lines and "Trần Văn Bình" not in lines
    assert page.problems == dossier.problems(gui_store, c.id, so_ket.id) and page.problems
    assert "Trần Văn Bình" not in page.problems_label.text()
    assert not page.build_btn.isEnabled()
    # The package is named for the phase.
    assert page.output.text() != whole_name
    assert page.output.text().endswith(dossier.package_name(gui_store, c.id, phase_id=so_ket.id))


def test_no_phase_choice_for_a_campaign_without_phases(qtbot, gui_store, world):
    plain = cm.Campaign(title="Ngày không giấy", awards=[cm.CampaignAward(GK, "Giấy khen")])
    cm.save(gui_store, plain)
    for cls in (DocumentsPage, SendPage):
        page = _show(qtbot, cls(gui_store))
        page.set_campaign(world["c"].id)
        assert page.phases.isVisible()
        page.set_campaign(plain.id)
        assert not page.phases.isVisible() and page.phase_id() is None
