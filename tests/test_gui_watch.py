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


def test_the_windows_own_work_off_the_gui_thread_is_not_taken_for_another_programs(qtbot, window, gui_store):
    import threading

    from desktop.changes import Area
    from desktop.ui.operations import Operation

    inside, go_on = threading.Event(), threading.Event()

    def add(store, _progress):
        with store.transaction():
            people.add_person(store, Person("Đỗ Văn Mình"))
        inside.set()
        go_on.wait(20)

    op = Operation(window.pages["people"], gui_store, add, changes=Area.PEOPLE)
    op.start()
    assert inside.wait(20)
    assert not window.external.check()          # committed by the window itself, while it runs
    with qtbot.waitSignal(op.done, timeout=20000):
        go_on.set()
    assert not window.external.check()          # ... and once it ended (its connection closed, the file checkpointed)
    with Store(gui_store.path) as other:        # another program's change is still noticed
        people.add_person(other, Person("Lê Văn Khác"))
    assert window.external.check()
