"""The window notices changes another program made to the data file (issue 15)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from desktop.records import people  # noqa: E402
from desktop.records.people import Person  # noqa: E402
from desktop.store import Store  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]


@pytest.fixture
def window(qtbot, gui_store):
    w = MainWindow(gui_store, remember=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_window_shows_what_another_program_saved(qtbot, window, gui_store):
    page = window.pages["people"]
    before = page.model.rowCount()
    assert not window.external.check()  # nothing new yet
    with Store(gui_store.path) as other:  # a command-line import, say, in another process
        people.add_person(other, Person("Lê Văn Khác"))
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=10000)  # the timer notices
    assert not window.external.check()
