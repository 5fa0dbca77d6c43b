"""The window's one way to run work off the GUI thread, and how the areas an operation changed reach the pages."""
from __future__ import annotations

import ast
import os
import threading
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from desktop.records import people  # noqa: E402
from desktop.changes import ALL, Area, Changed  # noqa: E402
from desktop.errors import UserError  # noqa: E402
from desktop.records.people import Person  # noqa: E402
from desktop.progress import Cancelled, Progress  # noqa: E402
from desktop.ui.main_window import PAGE_CLASSES, MainWindow  # noqa: E402
from desktop.ui.operations import Operation, attempt  # noqa: E402
from desktop.ui.qt import QCoreApplication, QMessageBox, QWidget  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]

UI = Path(__file__).resolve().parent.parent / "desktop" / "ui"


class Boxes:
    """The message boxes an operation would have shown."""

    def __init__(self, monkeypatch):
        self.shown: list[tuple[str, str]] = []
        monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: self.shown.append((title, text)))
        monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text, *a: self.shown.append((title, text)))


def run(qtbot, op: Operation):
    with qtbot.waitSignal(op.done, timeout=20000) as blocker:
        op.start()
    return blocker.args[0]


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


# -- the runner --------------------------------------------------------------------------------------------

def test_an_operation_runs_on_its_own_thread_with_its_own_connection_and_reports_progress(qtbot, parent, gui_store):
    seen = {}

    def work(store, progress):
        seen["thread"] = threading.get_ident()
        seen["other connection"] = store is not gui_store and store.path == gui_store.path
        for i in range(3):
            progress(i, 4, f"Bước {i + 1}")
        with store.transaction():
            return people.add_person(store, Person("Trần Thị Luồng"))

    op = Operation(parent, gui_store, work)
    reports, results = [], []
    op.progressed.connect(lambda *args: reports.append(args))
    op.succeeded.connect(results.append)
    outcome = run(qtbot, op)
    assert outcome.ok and not outcome.cancelled and results == [outcome.value]
    assert seen == {"thread": seen["thread"], "other connection": True}
    assert seen["thread"] != threading.get_ident()
    assert reports == [(0, 1000, "Bước 1"), (250, 1000, "Bước 2"), (500, 1000, "Bước 3")]  # scaled to 0…1000
    assert people.get_person(gui_store, outcome.value).full_name == "Trần Thị Luồng"  # committed, seen here


def test_cancel_stops_the_work_at_its_next_report_and_nothing_is_saved(qtbot, parent, gui_store, monkeypatch):
    boxes = Boxes(monkeypatch)
    started, go_on = threading.Event(), threading.Event()

    def work(store, progress):
        with store.transaction():
            people.add_person(store, Person("Không Được Lưu"))
            started.set()
            go_on.wait(20)
            progress(1, 2, "tiếp")       # raises Cancelled: the transaction rolls back
            return "never"

    op = Operation(parent, gui_store, work, title="Đang làm", changes=Area.PEOPLE)
    cancelled, succeeded = [], []
    op.cancelled.connect(lambda: cancelled.append(True))
    op.succeeded.connect(succeeded.append)
    op.start()
    assert started.wait(20)
    op.dialog.canceled.emit()              # what the dialog's Cancel button sends
    assert op.dialog.labelText() == "Đang hủy…"
    with qtbot.waitSignal(op.done, timeout=20000) as blocker:
        go_on.set()
    outcome = blocker.args[0]
    assert outcome.cancelled and isinstance(outcome.error, Cancelled) and not outcome.changed
    assert cancelled == [True] and succeeded == [] and boxes.shown == []   # a cancel needs no message
    assert [p.full_name for p in people.list_people(gui_store)] == []


def test_a_failure_is_shown_in_vietnamese_and_handed_to_the_caller(qtbot, parent, gui_store, monkeypatch):
    boxes = Boxes(monkeypatch)

    def refused(_store, _progress):
        raise UserError("Không đọc được sổ Excel này.")

    failed = []
    op = Operation(parent, gui_store, refused)
    op.failed.connect(failed.append)
    outcome = run(qtbot, op)
    assert not outcome.ok and failed == [outcome.error]
    assert boxes.shown == [("Không thực hiện được", "Không đọc được sổ Excel này.")]

    def broken(_store, _progress):
        raise PermissionError(13, "Permission denied", "/mnt/usb/sao-luu.sqlite")

    outcome = run(qtbot, Operation(parent, gui_store, broken))
    title, text = boxes.shown[-1]
    assert title == "Lỗi ngoài dự kiến" and "không có quyền truy cập" in text and outcome.trace

    quiet = Operation(parent, gui_store, refused, show_errors=False)   # the caller says it its own way
    assert isinstance(run(qtbot, quiet).error, UserError) and len(boxes.shown) == 2


def test_work_without_the_database_gets_no_store(qtbot, parent):
    outcome = run(qtbot, Operation(parent, None, lambda store, progress: store is None))
    assert outcome.value is True


def test_garbage_made_on_the_gui_thread_is_collected_there_while_a_worker_runs(qtbot, parent):
    """A Qt object caught in a reference cycle must never be freed by a worker thread (it crashed CI once)."""
    import gc
    import weakref

    gui_thread = threading.get_ident()
    freed_on = []

    class Cycle:
        pass

    gc.collect()
    cycle = Cycle()
    cycle.me = cycle
    cycle.widget = QWidget()                 # made on the GUI thread, only reachable through the cycle
    weakref.finalize(cycle, lambda: freed_on.append(threading.get_ident()))
    del cycle
    collecting_in_worker = []

    def allocate(_store, _progress):
        collecting_in_worker.append(gc.isenabled())
        junk = [[i] for i in range(200_000)]  # far past the youngest generation's threshold
        del junk

    outcome = run(qtbot, Operation(parent, None, allocate))
    assert outcome.ok and collecting_in_worker == [False]
    assert gc.isenabled()                    # on again once the last operation ended
    gc.collect()                             # here, on the GUI thread (unless its timer did already)
    assert freed_on == [gui_thread]          # never by the worker's allocations


def test_the_domain_progress_is_the_one_cancel_protocol():
    heard = []
    progress = Progress(lambda *args: heard.append(args))
    progress(1, 2, "nửa")
    progress.cancel()
    with pytest.raises(Cancelled, match="Đã hủy"):
        progress(2, 2)
    progress.note(2, 2, "xong")          # after the point of no return a report never raises
    assert heard == [(1, 2, "nửa"), (2, 2, "xong")]
    with pytest.raises(Cancelled, match="gói hồ sơ"):
        progress.cancelled_saying("Đã hủy tạo gói hồ sơ.").check()


def test_a_running_operation_is_finished_or_cancelled_when_the_application_quits(qtbot, parent, gui_store):
    pressed, go_on = threading.Event(), threading.Event()   # no timed waits: the suite also runs under faketime

    def held_until_cancelled(_store, progress):
        pressed.wait()
        progress(1, 1)
        return "not cut"

    def held(_store, progress):
        go_on.wait()
        progress(1, 1)
        return "done"

    cut = Operation(parent, gui_store, held_until_cancelled)
    cancel = cut.progress.cancel

    def cancel_and_tell() -> None:
        cancel()
        pressed.set()

    cut.progress.cancel = cancel_and_tell
    kept = Operation(parent, gui_store, held, finish_on_quit=True)
    app = QCoreApplication.instance()
    cut.start()
    app.aboutToQuit.connect(go_on.set)     # runs between the two operations' own handlers
    kept.start()
    try:
        # The application quits: the first is cancelled and waited for, then the second is let finish.
        app.aboutToQuit.emit()
    finally:
        app.aboutToQuit.disconnect(go_on.set)
    cut.finish()
    kept.finish()
    assert cut.outcome.cancelled and kept.outcome.value == "done"
    assert not cut.running and not kept.running


# -- what changed reaches the pages that show it ----------------------------------------------------------

@pytest.fixture
def window(qtbot, gui_store):
    w = MainWindow(gui_store, remember=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def count_reloads(window, monkeypatch, keys):
    reloads: list[str] = []
    for key in keys:
        page = window.pages[key]
        monkeypatch.setattr(page, "reload", lambda key=key: reloads.append(key))
    refreshes: list[bool] = []
    monkeypatch.setattr(window.pages["overview"], "refresh", lambda: refreshes.append(True))
    return reloads, refreshes


def test_every_page_declares_the_areas_it_shows_and_can_reload_them(window):
    for key in window.pages:
        page = window.pages[key]
        assert isinstance(page.AREAS, frozenset) and page.AREAS <= ALL, key
        assert not page.AREAS or hasattr(page, "reload") or key == "overview", key


def test_a_change_reloads_only_the_pages_that_show_its_area(qtbot, window, gui_store, monkeypatch):
    keys = ["people", "ledger", "print-log", "documents", "campaigns", "statistics"]
    reloads, refreshes = count_reloads(window, monkeypatch, keys)

    # A quick operation on the people page: the ledger, the dossier and the statistics name people too;
    # the print log and the campaigns do not, and the people page has shown its own result already.
    people_page = window.pages["people"]
    assert attempt(people_page, lambda: people.add_person(gui_store, Person("Ngô Văn Mới")), changes=Area.PEOPLE)
    assert sorted(reloads) == ["documents", "ledger", "statistics"] and refreshes == [True]

    # An operation off the GUI thread, from a dialog of the documents page, that changed the print log.
    reloads.clear()
    dialog = QWidget(window.pages["documents"])
    run(qtbot, Operation(dialog, gui_store, lambda _s, _p: Changed("in xong", Area.PRINT_LOG)))
    assert reloads == ["print-log"] and refreshes == [True, True]

    # Nothing changed (an export, a preview): nothing is reloaded.
    reloads.clear()
    run(qtbot, Operation(window.pages["ledger"], gui_store, lambda _s, _p: "chỉ đọc"))
    assert reloads == [] and refreshes == [True, True]

    # Another program wrote to the file: every page that is built reloads.
    reloads.clear()
    window.external.changed.emit()
    assert sorted(reloads) == sorted(keys) and refreshes == [True, True, True]


def test_pages_not_built_yet_are_not_built_to_be_reloaded(window, gui_store):
    assert attempt(window.pages["people"], lambda: people.add_person(gui_store, Person("Ai Đó")), changes=ALL)
    assert set(window.pages.built()) == {"overview", "people"}


def test_pages_no_longer_announce_by_hand():
    for key, (module, name) in PAGE_CLASSES.items():
        source = (UI.parent.parent / (module.replace(".", "/") + ".py")).read_text(encoding="utf-8")
        assert "changed = Signal()" not in source.split(f"class {name}(")[1].split("\nclass ")[0], key


# -- one threading helper ---------------------------------------------------------------------------------

THREADING_NAMES = {"QThread", "QThreadPool", "QRunnable", "QtConcurrent", "threading", "_thread", "concurrent",
                   "multiprocessing", "ThreadPoolExecutor"}


def test_only_the_operation_runner_starts_threads_in_the_window():
    """A second way to run work off the GUI thread (a QThread subclass, a thread pool, threading.Thread…)
    belongs in :class:`desktop.ui.operations.Operation` instead."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path.name in ("operations.py", "qt.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Name):
                names = [node.id]
            elif isinstance(node, ast.Attribute):
                names = [node.attr]
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name.split(".")[0] for a in node.names] + [(getattr(node, "module", "") or "").split(".")[0]]
            hits = THREADING_NAMES.intersection(names)
            if hits:
                found.append(f"{path.relative_to(UI)}:{node.lineno}: {', '.join(sorted(hits))}")
    assert found == []
    assert "QThread" in (UI / "operations.py").read_text(encoding="utf-8")   # the runner itself does use one

