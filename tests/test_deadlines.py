"""Every upcoming deadline of every campaign in date order, and the reminder within seven days."""
from __future__ import annotations

import datetime as dt
import json

from desktop.campaigns import campaign as cm
from desktop.commands import main as cli
from desktop import clock
from desktop.campaigns import deadlines


def _campaigns(store):
    a = cm.Campaign(title="Chuyển đổi số 2026-2030", period_start="2026-01", period_end="2030-12",
                    deadline="2030-11-30", registration_deadline="--03-25", report_deadline="--12-10",
                    phase_records=[cm.CampaignPhase("Sơ kết giai đoạn 1", "2026-01", "2027-12", "2027-11-15",
                                                    report_deadline="2027-10-31"),
                                   cm.CampaignPhase("Tổng kết", "2028-01", "2030-12", "2030-11-30")])
    b = cm.Campaign(title="Ngày không giấy 2026", period_start="2026", period_end="2026", deadline="2026-03-20")
    cm.save(store, a)
    cm.save(store, b)
    return a, b


def test_upcoming_deadlines_in_date_order(store):
    a, b = _campaigns(store)
    today = dt.date(2026, 3, 15)
    items = deadlines.upcoming(store, today)
    assert [(d.date, d.label, d.campaign_id) for d in items] == [
        (dt.date(2026, 3, 20), "Nộp hồ sơ khen thưởng", b.id),
        (dt.date(2026, 3, 25), "Đăng ký thi đua", a.id),
        (dt.date(2026, 12, 10), "Báo cáo kết quả", a.id),
        (dt.date(2027, 10, 31), "Báo cáo kết quả (Sơ kết giai đoạn 1)", a.id),
        (dt.date(2027, 11, 15), "Nộp hồ sơ khen thưởng (Sơ kết giai đoạn 1)", a.id),
        # The tổng kết's dossier deadline is the campaign's: listed once.
        (dt.date(2030, 11, 30), "Nộp hồ sơ khen thưởng (Tổng kết)", a.id),
    ]
    assert [d.label for d in deadlines.reminders(store, today)] == ["Nộp hồ sơ khen thưởng"]   # 25/3 is 10 days off
    assert [d.label for d in deadlines.reminders(store, dt.date(2026, 3, 18))] == [
        "Nộp hồ sơ khen thưởng", "Đăng ký thi đua"]
    # A year on, the yearly deadlines have rolled and the past ones are gone.
    later = deadlines.upcoming(store, dt.date(2027, 3, 26))
    assert [(d.date, d.kind) for d in later[:2]] == [(dt.date(2027, 10, 31), "report"),
                                                    (dt.date(2027, 11, 15), "dossier")]
    assert (dt.date(2027, 12, 10), "report") in [(d.date, d.kind) for d in later]
    assert deadlines.reminders(store, dt.date(2027, 3, 26)) == []


def test_deadlines_command(store, capsys):
    a, b = _campaigns(store)
    clock.set_now(dt.datetime(2026, 3, 15, 3, tzinfo=dt.timezone.utc))
    assert cli.main(["--db", str(store.path), "deadlines"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"20/03/2026 (còn 5 ngày) (!)  Nộp hồ sơ khen thưởng — phong trào số {b.id}: Ngày không giấy 2026"
    assert out[3].startswith("31/10/2027 (còn 595 ngày)  Báo cáo kết quả (Sơ kết giai đoạn 1)")
    assert cli.main(["--db", str(store.path), "deadlines", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[1] == {"date": "2026-03-25", "days_left": 10, "kind": "registration", "campaign_id": a.id,
                       "campaign": "Chuyển đổi số 2026-2030", "phase": None}


def test_deadline_fields_are_validated_and_stored(store):
    c = cm.Campaign(title="X", registration_deadline="25/3", report_deadline="31/12/2026",
                    phase_records=[cm.CampaignPhase("Sơ kết", report_deadline="30/6")])
    cm.save(store, c)
    again = cm.get(store, c.id)
    assert (again.registration_deadline, again.report_deadline) == ("--03-25", "2026-12-31")
    assert again.phase_records[0].report_deadline == "--06-30"
