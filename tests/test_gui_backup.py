"""Backups from the window: File → Sao lưu…, the daily automatic backup and the overview's reminder."""
from __future__ import annotations

import datetime as dt
import os
import sqlite3

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from desktop.records import backup as backup_mod  # noqa: E402
from desktop.records import backup_status  # noqa: E402
from desktop.records import unit  # noqa: E402
from desktop.ui import backups as backups_ui  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.qt import QFileDialog, QSettings  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]

NOW = dt.datetime(2026, 3, 9, 8, 30, 15)


@pytest.fixture
def window(qtbot, gui_store):
    unit.save(gui_store, unit.UnitProfile(name="Trung tâm Trợ giúp pháp lý", abbreviation="TTTGPL"))
    w = MainWindow(gui_store, remember=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def file_menu_texts(window):
    menu = window.menuBar().actions()[0].menu()
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_file_menu_offers_backup(window):
    texts = file_menu_texts(window)
    assert "&Sao lưu…" in texts
    assert "&Thư mục sao lưu tự động…" in texts


def test_manual_backup_to_a_chosen_file(qtbot, window, gui_store, tmp_path, monkeypatch):
    target = tmp_path / "usb" / "so-thi-dua"
    target.parent.mkdir()
    offered = {}

    def fake_dialog(parent, title, start, filters):
        offered["start"] = start
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    overview = window.pages["overview"]
    assert "Chưa có bản sao lưu" in overview.backup_status.text()
    with qtbot.waitSignal(window.backups.finished, timeout=20000) as signal:
        window.backups.backup_action.trigger()
    result = signal.args[0]
    assert result.path == target.with_suffix(".sqlite")
    assert os.path.basename(offered["start"]).startswith("SoThiDua-TTTGPL-")
    conn = sqlite3.connect(result.path)
    try:
        assert conn.execute("SELECT name FROM unit_profile").fetchone()[0] == "Trung tâm Trợ giúp pháp lý"
    finally:
        conn.close()
    assert backup_status.last_backup(gui_store)[1] == str(result.path)
    assert "Lần sao lưu gần nhất" in overview.backup_status.text()
    assert str(result.path) in window.backups.last_message


def test_overview_warns_after_seven_days_without_a_backup(window, gui_store, tmp_path):
    result = backup_mod.backup(gui_store, tmp_path / "b.sqlite", now=NOW)
    backup_mod.record_backup(gui_store, result)
    status = window.pages["overview"].backup_status
    status.refresh(now=NOW + dt.timedelta(days=3))
    assert not status.overdue
    assert status.text() == "Lần sao lưu gần nhất: 09/03/2026 08:30"
    status.refresh(now=NOW + dt.timedelta(days=9))
    assert status.overdue
    assert "9 ngày" in status.text() and "Sao lưu" in status.text()


def test_daily_automatic_backup_into_the_chosen_folder(qtbot, window, gui_store, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    assert window.backups.auto_backup(now=NOW) is None  # no folder chosen: nothing happens
    QSettings().setValue(backups_ui.FOLDER_KEY, str(folder))
    QSettings().setValue(backups_ui.KEEP_KEY, 2)
    for day in range(3):
        with qtbot.waitSignal(window.backups.finished, timeout=20000):
            assert window.backups.auto_backup(now=NOW + dt.timedelta(days=day)) is not None
        # Once a day only.
        assert window.backups.auto_backup(now=NOW + dt.timedelta(days=day, hours=2)) is None
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["SoThiDua-TTTGPL-2026-03-10-083015.sqlite", "SoThiDua-TTTGPL-2026-03-11-083015.sqlite"]
    assert backup_status.last_backup(gui_store)[0] == NOW + dt.timedelta(days=2)


def test_automatic_backup_to_a_missing_drive_is_skipped_with_a_note(window, tmp_path):
    QSettings().setValue(backups_ui.FOLDER_KEY, str(tmp_path / "usb-rut-ra"))
    assert window.backups.auto_backup(now=NOW) is None
    assert "không có sẵn" in window.backups.last_message


def test_automatic_backup_dialog_remembers_the_folder(qtbot, window, tmp_path):
    window.backups.auto_action.trigger()
    dialog = window.backups.dialog
    dialog.folder.setText(str(tmp_path))
    dialog.enabled.setChecked(True)
    dialog.keep.setValue(5)
    with qtbot.waitSignal(window.backups.finished, timeout=20000):
        dialog.buttons.accepted.emit()  # saving also makes today's backup at once
    assert backups_ui.auto_folder() == str(tmp_path)
    assert backups_ui.auto_keep() == 5
    assert len(backup_mod.backups_in(tmp_path)) == 1


def test_closing_waits_for_a_running_backup(qtbot, window, tmp_path):
    task = window.backups.back_up_to(tmp_path / "b.sqlite")
    assert window.backups.task is task
    window.backups.wait()  # what quitting the app does
    assert window.backups.task is None
    assert (tmp_path / "b.sqlite").exists()

