"""The person and collective dialogs hold what the báo cáo thành tích asks (issue 11)."""
from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from desktop.records import people  # noqa: E402
from desktop.ui.dialogs.records import CollectiveDialog, PersonDialog  # noqa: E402
from desktop.ui.qt import Qt  # noqa: E402
from gui_support import save_button, type_text  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]


def test_person_dialog_saves_the_report_fields(qtbot, demo_store):
    pid = people.list_people(demo_store)[0].id
    dialog = PersonDialog(None, demo_store, pid)
    qtbot.addWidget(dialog)
    for widget in (dialog.ethnicity, dialog.hometown, dialog.residence, dialog.education, dialog.political_theory):
        widget.clear()
    type_text(qtbot, dialog.ethnicity, "Mường")
    type_text(qtbot, dialog.hometown, "xã Kỳ Anh, tỉnh Hà Tĩnh")
    type_text(qtbot, dialog.residence, "phường Thành Sen, tỉnh Hà Tĩnh")
    type_text(qtbot, dialog.education, "Cử nhân Luật")
    type_text(qtbot, dialog.political_theory, "Trung cấp")
    qtbot.mouseClick(save_button(dialog), Qt.LeftButton)
    p = people.get_person(demo_store, pid)
    assert (p.ethnicity, p.hometown, p.residence, p.education, p.political_theory) == (
        "Mường", "xã Kỳ Anh, tỉnh Hà Tĩnh", "phường Thành Sen, tỉnh Hà Tĩnh", "Cử nhân Luật", "Trung cấp")


def test_collective_dialog_sets_the_head_and_the_functions(qtbot, demo_store):
    team = next(c for c in people.list_collectives(demo_store) if c.name == "Phòng Nghiệp vụ 1")
    member = next(p for p in people.list_people(demo_store, team.id) if p.id != team.head_person_id)
    dialog = CollectiveDialog(None, demo_store, team)
    qtbot.addWidget(dialog)
    assert dialog.head.currentData() == team.head_person_id
    dialog.head.setCurrentIndex(dialog.head.findData(member.id))
    dialog.functions.setPlainText("Tham gia tố tụng và tư vấn pháp luật tại trụ sở.")
    qtbot.mouseClick(save_button(dialog), Qt.LeftButton)
    saved = people.get_collective(demo_store, team.id)
    assert saved.head_person_id == member.id
    assert saved.functions == "Tham gia tố tụng và tư vấn pháp luật tại trụ sở."


def test_a_member_who_is_also_proposed_is_flagged_in_the_meeting(qtbot, demo_store):
    from desktop.council import meetings
    from desktop.ui.models.meetings import MembersModel

    m = meetings.list_for_campaign(demo_store, 1)[0]
    flagged = meetings.candidates_on_council(demo_store, m)
    assert flagged  # the demo's secretary is proposed for a Bằng khen
    model = MembersModel()
    model.set_meeting(m, flagged)
    rows = [r for r in range(model.rowCount()) if model.is_candidate(r)]
    assert [model.member_at(r).person_id for r in rows] == list(flagged)
    role = model.index(rows[0], 2)
    assert role.data().endswith("đồng thời là người được đề nghị")
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" in model.index(rows[0], 0).data(Qt.ToolTipRole)
