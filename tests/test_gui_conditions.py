"""The window shows each award condition's result, as ``thidua nomination checks`` does."""
from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from desktop.records import achievements as ach  # noqa: E402
from desktop.campaigns import campaign as cm  # noqa: E402
from desktop import clock
from desktop.records import people  # noqa: E402
from desktop.council import nominations as nm  # noqa: E402
from desktop.ui.models.nominations import SOURCE_ROLE, STATE_ROLE, ChecksModel  # noqa: E402
from desktop.ui.qt import Qt  # noqa: E402

pytestmark = [pytest.mark.gui]


def test_a_nominations_conditions_show_their_results_inside_groups(qapp, qtmodeltester, store):
    clock.set_now(dt.date(2025, 11, 20))
    c = cm.Campaign(title="Ngày không giấy", number="142/KH-STP", symbol="KH-STP", doc_date="2025-01-15",
                    period_start="2025-01-15", period_end="2025-12-15", deadline="2025-12-05",
                    awards=[cm.CampaignAward("Chiến sĩ thi đua cơ sở", "Chiến sĩ thi đua cơ sở", None, None)])
    cm.save(store, c)
    pid = people.add_person(store, people.Person("Trần Văn Bình"))
    people.set_rating(store, pid, 2025, "tot")
    a = ach.add(store, ach.Achievement(dt.date(2025, 6, 1), "Số hóa hồ sơ", person_id=pid, campaign_id=c.id))
    n = nm.get(store, nm.save(store, nm.Nomination(c.id, c.awards[0].id, person_id=pid, achievement_ids=[a])))

    model = ChecksModel()
    model.set_checks(nm.checks(store, n))
    qtmodeltester.check(model)
    rows = {model.index(r).data().splitlines()[0]: model.index(r) for r in range(model.rowCount())}
    route = next(i for text, i in rows.items() if text.startswith("Hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến"))
    assert route.data(STATE_ROLE) == "failed"
    assert route.data().splitlines()[1:] == [
        "  ✗ Xếp loại năm 2025 là “hoàn thành tốt nhiệm vụ”, chưa đạt “hoàn thành xuất sắc nhiệm vụ”.",
        "  ✗ Có 0/1 sáng kiến, đề tài được công nhận năm 2025 (cấp cơ sở trở lên)."]
    assert route.data(SOURCE_ROLE) == "Luật TĐKT 2022 Điều 23 (legal.md C.4)"
    # The council's ballot is not known before the meeting: a warning, not a failure.
    ballot = next(i for text, i in rows.items() if text.startswith("Hội đồng bỏ phiếu kín"))
    assert ballot.data(STATE_ROLE) == "warning"
    tip = ballot.data(Qt.ToolTipRole)
    assert "(từ 01/07/2025)" in tip and "[unverified]" in tip
    rating = next(i for text, i in rows.items() if text.startswith("Xếp loại năm 2025"))
    assert rating.data(STATE_ROLE) == "ok" and "• Năm 2025: hoàn thành tốt nhiệm vụ" in rating.data(Qt.ToolTipRole)
