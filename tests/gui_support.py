"""Helpers every window test shares: typing Vietnamese and pressing a dialog's Save.

The fixtures they go with (``isolated_settings``, ``gui_store``) are in ``conftest.py``.
"""
from __future__ import annotations

from desktop.ui.qt import QApplication, QDialogButtonBox, QEvent, QKeyEvent, Qt


def type_text(qtbot, widget, text):
    """Type ``text`` into ``widget`` key by key.

    ASCII goes through QTest's key clicks; Vietnamese letters arrive as key
    events that carry their text, the way an input method (Unikey) delivers them.
    """
    widget.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.NoModifier, ch))


def save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.Save)


def hold_meeting(store, campaign_id: int) -> None:
    """The council meets and passes every nomination awaiting it: a Tờ trình can only follow a held meeting."""
    import datetime as dt

    from desktop.council import meetings

    m = meetings.Meeting(campaign_id, dt.datetime(2025, 6, 20, 8, 0), "Họp xét",
                         dt.datetime(2025, 6, 20, 9, 30), "Phòng họp")
    m.members = [meetings.Member("Trần Đình Hùng", "Giám đốc", "chu_tich"),
                 meetings.Member("Lê Thị Thu Hà", "Chuyên viên", "thu_ky"),
                 meetings.Member("Nguyễn Thị Lan Anh", "Phó Giám đốc", "uy_vien")]
    meetings.add_submitted(store, m)
    for b in m.ballots:
        b.issued = b.returned = b.yes = 3
    meetings.save(store, m)
    meetings.close(store, m.id)
