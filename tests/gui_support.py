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
