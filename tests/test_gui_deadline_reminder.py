"""The reminder at start of deadlines within seven days: shown, dismissed, not repeated that day."""
from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from desktop.campaigns import campaign as campaigns
from desktop import clock  # noqa: E402
from desktop.campaigns.campaign import Campaign  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.qt import QSettings, Qt  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]


def _at(day: dt.date) -> None:
    clock.set_now(dt.datetime(day.year, day.month, day.day, 3, tzinfo=dt.timezone.utc))


@pytest.fixture
def open_window(qtbot, gui_store):
    windows = []

    def make(remember: bool = False) -> MainWindow:
        w = MainWindow(gui_store, remember=remember)
        w.show()
        qtbot.waitExposed(w)
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.close()
        w.deleteLater()


def _campaign(store, **kw) -> Campaign:
    c = Campaign(title=kw.pop("title", "Thi đua chuyển đổi số năm 2026"), period_start="2026", period_end="2026", **kw)
    campaigns.save(store, c)
    return c


def test_reminder_dismissed_stays_closed_that_day_and_returns_the_next(qtbot, gui_store, open_window):
    _campaign(gui_store, registration_deadline="2026-03-25", deadline="2026-11-30")
    _at(dt.date(2026, 3, 20))
    w = open_window()
    overview = w.pages["overview"]
    assert w.current_page() == "overview"
    assert overview.deadline_box.isVisible() and overview.has_reminders()
    assert "25/03/2026 (còn 5 ngày): Đăng ký thi đua" in overview.deadline_banner.text()
    assert "30/11/2026" not in overview.deadline_banner.text()        # eight months off: listed, not reminded
    qtbot.mouseClick(overview.dismiss_reminder_btn, Qt.LeftButton)
    assert not overview.deadline_box.isVisible() and not overview.has_reminders()
    assert overview.deadlines.rowCount() == 2                         # still in the list of deadlines
    overview.refresh()
    assert not overview.deadline_box.isVisible()

    # Opened again the same day: not repeated.
    again = open_window()
    assert not again.pages["overview"].deadline_box.isVisibleTo(again.pages["overview"])

    # A deadline that comes within seven days the same day is reminded of, alone.
    _campaign(gui_store, title="Ngày không giấy", deadline="2026-03-22")
    third = open_window()
    text = third.pages["overview"].deadline_banner.text()
    assert third.pages["overview"].deadline_box.isVisible()
    assert "22/03/2026 (còn 2 ngày): Nộp hồ sơ khen thưởng — Ngày không giấy" in text
    assert "Đăng ký thi đua" not in text

    # The next day both are reminded of again.
    _at(dt.date(2026, 3, 21))
    fourth = open_window()
    text = fourth.pages["overview"].deadline_banner.text()
    assert "Đăng ký thi đua" in text and "Nộp hồ sơ khen thưởng" in text


def test_window_opens_on_the_overview_while_a_reminder_is_open(qtbot, gui_store, open_window):
    _campaign(gui_store, report_deadline="2026-06-30")
    _at(dt.date(2026, 6, 26))
    QSettings().setValue("window/page", "ledger")
    w = open_window(remember=True)
    assert w.current_page() == "overview" and w.pages["overview"].has_reminders()
    w.pages["overview"].dismiss_reminders()
    w.close()
    # Dismissed: the window opens where the clerk left it.
    QSettings().setValue("window/page", "ledger")
    assert open_window(remember=True).current_page() == "ledger"
    # Without a deadline within seven days it does too.
    _at(dt.date(2026, 6, 1))
    assert open_window(remember=True).current_page() == "ledger"


def test_plan_import_review_shows_the_registration_deadline_read_and_where(qtbot, gui_store, open_window,
                                                                          monkeypatch):
    from pathlib import Path

    from desktop.campaigns.plans.parser import parse_plan
    from desktop.ui.qt import QFileDialog

    plan = Path(__file__).parent / "data" / "plans" / "thong-bao-cuc-bttp-2025.md"
    w = open_window()
    w.show_page("phong-trao")
    page = w.pages["campaigns"]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(plan), ""))
    qtbot.mouseClick(page.import_btn, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=15000)
    dialog = page.dialog
    editor = dialog.editor
    assert editor.registration_deadline.text() == "29/04/2025"
    assert editor.report_deadline.text() == ""
    span = tuple(parse_plan(plan).spans["registration_deadline"])
    assert span in dialog.highlighted_spans()
    editor.registration_deadline.setFocus()
    qtbot.waitUntil(lambda: dialog.current_span == span, timeout=3000)
    dialog.reject()
