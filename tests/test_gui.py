"""The window driven as a clerk would: register people, keep the ledger, search, edit, archive."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from desktop.records import achievements as ach  # noqa: E402
from desktop.records import blobs, evidence, people  # noqa: E402
from desktop.store import Store  # noqa: E402
from desktop.ui import app as app_mod  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.models.ledger import LedgerModel  # noqa: E402
from desktop.ui.models.people import CollectivesModel, PeopleModel, PersonChoiceModel  # noqa: E402
from desktop.ui.models.records import EvidenceModel, PriorAwardsModel, RatingsModel  # noqa: E402
from desktop.ui.qt import (  # noqa: E402
    QApplication, QDragEnterEvent, QDropEvent, QFileDialog, QMessageBox, QMimeData, QPointF,
    Qt, QUrl,
)
from gui_support import save_button, type_text  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]


@pytest.fixture
def window(qtbot, gui_store):
    w = MainWindow(gui_store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def drop_files(dialog, paths):
    """Drop files on a widget the way a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(dialog, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(dialog, QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))


def test_window_speaks_vietnamese(window):
    texts = [window.nav_model.item(i).text() for i in range(window.nav_model.rowCount())]
    assert texts[:3] == ["Tổng quan", "Tập thể & cá nhân", "Sổ thành tích"]
    ledger = window.pages["ledger"]
    assert ledger.add_btn.text() == "Thêm thành tích…"
    assert ledger.model.headerData(0, Qt.Horizontal) == "Ngày"


def test_clerk_registers_people_and_keeps_the_ledger(qtbot, window, gui_store, tmp_path, monkeypatch):
    page = window.pages["people"]
    window.show_page("ca-nhan")

    # A collective.
    qtbot.mouseClick(page.add_collective_btn, Qt.LeftButton)
    dialog = page.dialog
    type_text(qtbot, dialog.name, "Phòng Nghiệp vụ 1")
    qtbot.mouseClick(save_button(dialog), Qt.LeftButton)
    assert page.dialog is None
    assert [c.name for c in people.list_collectives(gui_store)] == ["Phòng Nghiệp vụ 1"]

    # A person: the dialog refuses an empty name and an impossible date, next to the fields.
    page.collective_view.setCurrentIndex(page.collectives.index(1))
    qtbot.mouseClick(page.add_person_btn, Qt.LeftButton)
    dialog = page.dialog
    qtbot.mouseClick(save_button(dialog), Qt.LeftButton)
    assert dialog.isVisible()
    assert dialog.form.error_text("full_name") == "Họ và tên không được để trống."
    type_text(qtbot, dialog.full_name, "Nguyễn Thị Đào")
    type_text(qtbot, dialog.birth_date, "31/02/1990")
    qtbot.mouseClick(save_button(dialog), Qt.LeftButton)
    assert dialog.isVisible()
    assert "31/02/1990" in dialog.form.error_text("birth_date")
    dialog.birth_date.clear()
    type_text(qtbot, dialog.birth_date, "05/03/1990")
    qtbot.mouseClick(save_button(dialog), Qt.LeftButton)
    assert page.dialog is None
    (person,) = people.list_people(gui_store)
    assert person.full_name == "Nguyễn Thị Đào" and str(person.birth_date) == "1990-03-05"
    assert person.collective_id == people.list_collectives(gui_store)[0].id
    assert page.proxy.rowCount() == 1

    # The people filter ignores diacritics.
    type_text(qtbot, page.filter, "dao")
    assert page.proxy.rowCount() == 1
    page.filter.clear()
    type_text(qtbot, page.filter, "zzz")
    assert page.proxy.rowCount() == 0
    page.filter.clear()

    # An achievement with evidence dropped on the dialog.
    window.show_page("so-thanh-tich")
    ledger = window.pages["ledger"]
    qtbot.mouseClick(ledger.add_btn, Qt.LeftButton)
    dialog = ledger.dialog
    evidence_file = tmp_path / "bien-ban-nghiem-thu.pdf"
    evidence_file.write_bytes(b"%PDF-1.4\n% minh chung\n" + bytes(range(256)) * 40)
    qtbot.mouseClick(save_button(dialog), Qt.LeftButton)  # nothing filled in yet
    assert dialog.isVisible()
    assert dialog.form.error_text("title") == "Tên thành tích không được để trống."
    type_text(qtbot, dialog.date, "05/09/2025")
    dialog.subject.setCurrentIndex(dialog.people_model.row_of(person.id))
    type_text(qtbot, dialog.title, "Báo cáo tổng kết chuyển đổi số")
    dialog.criterion.setEditText("Chuyển đổi số")
    type_text(qtbot, dialog.measure, "98,5 %")
    drop_files(dialog, [evidence_file])
    assert dialog.evidence_model.rowCount() == 1
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        qtbot.mouseClick(save_button(dialog), Qt.LeftButton)
    assert ledger.model.rowCount() == 1
    (aid,) = ach.query_ids(gui_store)
    saved = ach.get(gui_store, aid)
    assert (saved.title, saved.measure_value, saved.measure_unit) == ("Báo cáo tổng kết chuyển đổi số", 98.5, "%")
    (ev,) = evidence.list_for(gui_store, aid)
    assert b"".join(blobs.iter_chunks(gui_store, ev.sha256)) == evidence_file.read_bytes()
    assert ledger.model.index(0, 5).data() == "1"

    # Search without diacritics, as you type.
    type_text(qtbot, ledger.search, "bao cao")
    qtbot.waitUntil(lambda: ledger.model.filter.text == "bao cao")
    assert ledger.model.rowCount() == 1
    ledger.search.clear()
    type_text(qtbot, ledger.search, "khong co")
    qtbot.waitUntil(lambda: ledger.model.filter.text == "khong co")
    assert ledger.model.rowCount() == 0
    ledger.search.clear()
    ledger.apply_filter()

    # Edit it; the evidence can be saved as a copy.
    ledger.view.setCurrentIndex(ledger.model.index(0, 0))
    qtbot.mouseClick(ledger.edit_btn, Qt.LeftButton)
    dialog = ledger.dialog
    assert dialog.title.text() == "Báo cáo tổng kết chuyển đổi số"
    assert dialog.measure.text() == "98,5 %"
    dialog.evidence_view.selectRow(0)
    copy = tmp_path / "ban-sao.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    qtbot.mouseClick(dialog.copy_btn, Qt.LeftButton)
    assert copy.read_bytes() == evidence_file.read_bytes()
    dialog.title.clear()
    type_text(qtbot, dialog.title, "Báo cáo sơ kết chuyển đổi số 6 tháng")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        qtbot.mouseClick(save_button(dialog), Qt.LeftButton)
    assert ledger.model.index(0, 2).data() == "Báo cáo sơ kết chuyển đổi số 6 tháng"

    # Archive it, find it in the archive, restore it.
    ledger.view.setCurrentIndex(ledger.model.index(0, 0))
    assert ledger.archive_btn.text() == "Lưu trữ"
    qtbot.mouseClick(ledger.archive_btn, Qt.LeftButton)
    assert ledger.model.rowCount() == 0
    ledger.show_archive.setChecked(True)
    assert ledger.model.rowCount() == 1
    ledger.view.setCurrentIndex(ledger.model.index(0, 0))
    assert ledger.archive_btn.text() == "Khôi phục"
    qtbot.mouseClick(ledger.archive_btn, Qt.LeftButton)
    assert ledger.model.rowCount() == 0
    ledger.show_archive.setChecked(False)
    assert ledger.model.rowCount() == 1
    assert ach.get(gui_store, aid).archived_at is None

    # The overview counts what was done.
    window.show_page("tong-quan")
    overview = window.pages["overview"]
    assert overview.cards["people"].value.text() == "1"
    assert overview.cards["achievements"].value.text() == "1"
    assert overview.cards["evidence_files"].value.text() == "1"
    assert overview.latest.rowCount() == 1


def test_evidence_over_the_limit_is_refused_at_once(qtbot, window, gui_store, tmp_path, monkeypatch):
    evidence.set_max_bytes(gui_store, 2048)
    big = tmp_path / "video.mp4"
    big.write_bytes(b"x" * 5000)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    window.show_page("so-thanh-tich")
    ledger = window.pages["ledger"]
    qtbot.mouseClick(ledger.add_btn, Qt.LeftButton)
    ledger.dialog.add_files([big])
    assert ledger.dialog.evidence_model.rowCount() == 0
    assert shown and "video.mp4" in shown[0] and "MB" in shown[0]


def test_deleting_a_person_with_achievements_is_refused(qtbot, window, gui_store, monkeypatch):
    pid = people.add_person(gui_store, people.Person("Trần Văn Bình"))
    ach.add(gui_store, ach.Achievement("01/02/2025", "Sáng kiến", person_id=pid))
    window.pages["people"].reload()
    page = window.pages["people"]
    page.view.setCurrentIndex(page.proxy.index(0, 0))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    qtbot.mouseClick(page.delete_person_btn, Qt.LeftButton)
    assert warnings and "thành tích" in warnings[0]
    assert people.list_people(gui_store)[0].id == pid


def test_window_remembers_its_size_and_page(qtbot, gui_store):
    first = MainWindow(gui_store)
    qtbot.addWidget(first)
    first.show()
    hint = first.minimumSizeHint()
    first.resize(hint.width() + 40, hint.height() + 30)
    wanted = (first.size().width(), first.size().height())
    first.show_page("so-thanh-tich")
    first.close()
    second = MainWindow(gui_store)
    qtbot.addWidget(second)
    second.show()
    assert (second.size().width(), second.size().height()) == wanted
    assert second.current_page() == "ledger"


def test_second_window_on_the_same_file_is_refused(gui_store, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    assert app_mod.run(gui_store.path) == 2
    assert shown and "đang được mở" in shown[0]


def test_screenshot_command_writes_the_real_window(tmp_path, qapp):
    from desktop.ui.qt import QImage

    db = tmp_path / "shot.sqlite"
    out = tmp_path / "ledger.png"
    with Store(db) as store:
        pid = people.add_person(store, people.Person("Lê Thị Hoa"))
        ach.add(store, ach.Achievement("03/03/2025", "Số hóa hồ sơ", person_id=pid))
    assert app_mod.run(db, screenshot=str(out), page="so-thanh-tich") == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    assert app_mod.run(db, screenshot=str(out), page="khong-co-trang") == 2


def test_models_pass_the_model_tester(qtmodeltester, tmp_path):
    from desktop.demo import unit as demo

    with Store(tmp_path / "m.sqlite") as store:
        demo.fill(store, seed=7)
        aid = ach.query_ids(store)[0]
        pid = people.list_people(store)[0].id
        evidence.attach(store, aid, _tmp_file(tmp_path))
        for model in (LedgerModel(store), LedgerModel(store, limit=5), PeopleModel(store),
                      CollectivesModel(store, with_all=True), PersonChoiceModel(store),
                      EvidenceModel(store, aid), RatingsModel(people.ratings(store, pid)),
                      PriorAwardsModel(people.prior_awards(store, person_id=pid))):
            qtmodeltester.check(model)


def test_ledger_sort_keeps_the_selection(qtbot, tmp_path):
    from desktop.demo import unit as demo
    from desktop.ui.pages.ledger import LedgerPage

    with Store(tmp_path / "s.sqlite") as store:
        demo.fill(store, seed=3)
        page = LedgerPage(store)
        qtbot.addWidget(page)
        page.show()  # the table loads when first shown
        page.view.setCurrentIndex(page.model.index(5, 0))
        chosen = page.selected()
        page.view.sortByColumn(2, Qt.AscendingOrder)
        assert page.selected() == chosen
        titles = [page.model.index(r, 2).data() for r in range(page.model.rowCount())]
        assert titles == sorted(titles, key=str.casefold)


def _tmp_file(tmp_path):
    p = tmp_path / "anh.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    return p


def _filled_template(store, path, rows):
    import openpyxl

    from desktop.excel import templates

    templates.write_template(store, "people", path)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    header = next(r for r in range(1, 21) if str(ws.cell(r, 1).value or "").startswith("Họ và tên"))
    columns = {str(ws.cell(header, c).value or "").rstrip(" *"): c for c in range(1, ws.max_column + 1)}
    for i, row in enumerate(rows, header + 1):
        for key, value in row.items():
            ws.cell(i, columns[key], value)
    wb.save(path)
    return path


def test_excel_import_previews_then_imports_all_or_nothing(qtbot, window, gui_store, tmp_path):
    people.add_collective(gui_store, people.Collective("Phòng Nghiệp vụ 1"))
    page = window.pages["people"]
    page.reload()
    qtbot.mouseClick(page.import_btn, Qt.LeftButton)
    dialog = page.dialog
    bad = _filled_template(gui_store, tmp_path / "sai.xlsx", [
        {"Họ và tên": "Nguyễn Thị Mai", "Ngày sinh": "05/03/1990", "Tập thể": "Phòng Nghiệp vụ 1"},
        {"Họ và tên": "Trần Văn Nam", "Ngày sinh": "31/02/1990"},
    ])
    dialog.load(bad)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert dialog.model.rowCount() == 2
    assert not dialog.import_btn.isEnabled()
    assert "31/02/1990" in dialog.problems.toPlainText()
    assert people.list_people(gui_store) == []
    good = _filled_template(gui_store, tmp_path / "dung.xlsx", [
        {"Họ và tên": "Nguyễn Thị Mai", "Ngày sinh": "05/03/1990", "Tập thể": "Phòng Nghiệp vụ 1"},
        {"Họ và tên": "Trần Văn Nam", "Ngày sinh": "21/02/1990"},
    ])
    dialog.preview = None
    dialog.load(good)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert dialog.import_btn.isEnabled()
    qtbot.mouseClick(dialog.import_btn, Qt.LeftButton)
    assert sorted(p.full_name for p in people.list_people(gui_store)) == ["Nguyễn Thị Mai", "Trần Văn Nam"]
    assert page.proxy.rowCount() == 2


def test_an_achievement_can_be_classified(qtbot, window, gui_store):
    pid = people.add_person(gui_store, people.Person("Lê Văn Mật"))
    aid = ach.add(gui_store, ach.Achievement("02/03/2025", "Hồ sơ vụ việc mật", person_id=pid))
    window.show_page("so-thanh-tich")
    ledger = window.pages["ledger"]
    ledger.reload()
    ledger.open(aid)
    dialog = ledger.dialog
    assert dialog.classification.currentText() == "Thường"
    dialog.classification.setCurrentIndex(dialog.classification.findData("mat"))
    assert dialog.classification.currentText() == "Mật"
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        qtbot.mouseClick(save_button(dialog), Qt.LeftButton)
    assert ach.get(gui_store, aid).classification == "mat"


def test_ledger_loads_its_first_page_and_the_rest_when_scrolled_to(qtbot, qtmodeltester, tmp_path, monkeypatch):
    """The ledger fetches one page of ids and counts the rest; scrolling to the end (``fetchMore``),
    or asking for a row not loaded yet, brings the rest in the same order. A search with more matches
    than ``COUNT_LIMIT`` says "more than" it until the rest is loaded."""
    from bench.generate import generate
    from desktop.ui.models.ledger import PAGE
    from desktop.ui.pages.ledger import LedgerPage

    generate(tmp_path / "g.sqlite", n_people=10, n_achievements=3 * PAGE)
    with Store(tmp_path / "g.sqlite") as store:
        whole = ach.query_ids(store)
        page = LedgerPage(store)
        page.show()
        model = page.model
        assert model.rowCount() == PAGE and model.total == len(whole) == 3 * PAGE
        assert model.canFetchMore() and "600" in page.count_label.text()
        assert [model.id_at(r) for r in range(PAGE)] == whole[:PAGE]
        assert model.row_of(whole[-1]) == len(whole) - 1  # a late row loads the rest
        assert not model.canFetchMore() and [model.id_at(r) for r in range(model.rowCount())] == whole
        page.search.setText("bao cao")
        page.apply_filter()
        matching = ach.query_ids(store, ach.LedgerFilter(text="bao cao"))
        assert model.total == len(matching) and model.rowCount() == min(PAGE, len(matching))
        page.view.scrollToBottom()
        while model.canFetchMore():
            model.fetchMore()
        assert [model.id_at(r) for r in range(model.rowCount())] == matching
        common = ach.query_ids(store, ach.LedgerFilter(text="tro giup"))  # more than a page
        monkeypatch.setattr(ach, "COUNT_LIMIT", PAGE + 10)
        page.search.setText("tro giup")
        page.apply_filter()  # counted up to the limit
        assert len(common) > PAGE + 10 and not model.total_is_exact
        assert page.count_label.text() == f"Hơn {PAGE + 10} thành tích"
        while model.canFetchMore():
            model.fetchMore()
        assert model.total_is_exact and page.count_label.text() == f"{len(common)} thành tích"
        assert [model.id_at(r) for r in range(model.rowCount())] == common
        page.search.setText("")
        page.apply_filter()
        qtmodeltester.check(model)
        page.close()
        page.deleteLater()


def test_the_ledger_draws_its_cells_as_qts_own_delegate_does(qtbot, tmp_path):
    """The ledger's delegate asks the model once a cell; what it draws is Qt's drawing, pixel for pixel
    (texts, the numbers aligned right, a selected row, a long title cut short)."""
    from bench.generate import generate
    from desktop.ui.models.ledger import LedgerCells
    from desktop.ui.pages.ledger import LedgerPage
    from desktop.ui.qt import QStyledItemDelegate

    generate(tmp_path / "g.sqlite", n_people=10, n_achievements=80)
    with Store(tmp_path / "g.sqlite") as store:
        page = LedgerPage(store)
        page.resize(900, 600)
        page.show()
        qtbot.waitExposed(page)
        assert isinstance(page.view.itemDelegate(), LedgerCells)
        page.view.selectRow(2)
        ours = page.view.viewport().grab().toImage()
        page.view.setItemDelegate(QStyledItemDelegate(page.view))
        assert page.view.viewport().grab().toImage() == ours
        page.close()
        page.deleteLater()


def test_the_window_builds_only_the_overview_until_another_page_is_opened(window):
    assert set(window.pages) == {"overview", "people", "ledger", "campaigns", "registration", "nominations",
                                 "meeting", "documents", "print-log", "review", "statistics", "send", "verify"}
    assert list(window.pages.built()) == ["overview"]
    window.show_page("so-thanh-tich")
    assert list(window.pages.built()) == ["overview", "ledger"]
    assert window.stack.currentWidget() is window.pages["ledger"]
    assert window.stack.indexOf(window.pages["ledger"]) == 2 and window.stack.count() == len(window.pages)
    assert window.pages["verify"] is window.stack.widget(12)  # built on access, in its place
    assert window.stack.currentWidget() is window.pages["ledger"]


def test_the_window_shows_before_the_dossier_code_loads(tmp_path):
    """Nothing the first paint does not need is imported before it: no drafting, signing or PDF viewer, no
    dialog opened on a click, no backup code (the overview reads only when the last backup was), and no
    QtCharts (the overview's charts are drawn just after the first paint)."""
    import subprocess
    import sys
    from pathlib import Path

    db = tmp_path / "w.sqlite"
    Store(db).close()
    heavy = ["desktop.dossier.drafts", "reportlab", "docx", "pyhanko", "openpyxl", "PySide6.QtPdf", "PySide6.QtPrintSupport",
             "desktop.ui.pages.documents", "desktop.ui.pages.send", "desktop.signing.trust",
             "PySide6.QtCharts", "desktop.ui.dialogs.records", "desktop.records.backup", "desktop.records.people",
             "desktop.ui.operations"]
    # As ``thidua gui --quit-when-shown`` says "shown": in the event loop's first turn, the window shown.
    code = ("import sys; from desktop.store import Store; from desktop.ui.qt import QApplication, QTimer; "
            "from desktop.ui.main_window import MainWindow; app = QApplication([]); "
            f"store = Store({str(db)!r}); w = MainWindow(store, remember=False); w.show(); "
            f"QTimer.singleShot(0, lambda: (print(sorted(m for m in {heavy!r} if m in sys.modules)), app.quit())); "
            "app.exec(); w.close(); store.close()")
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"


def test_the_window_reads_the_overview_once_at_start(qtbot, gui_store, monkeypatch):
    """The overview reads the file when it is shown, once: not also when built, nor again for the page
    remembered from last time when that is the overview."""
    from desktop.ui.pages.overview import OverviewPage

    reads = []
    refresh = OverviewPage.refresh
    monkeypatch.setattr(OverviewPage, "refresh", lambda page: (reads.append(page), refresh(page)))
    first = MainWindow(gui_store)
    qtbot.addWidget(first)
    assert len(reads) == 1
    first.save_settings()  # the overview is the page remembered
    second = MainWindow(gui_store)
    qtbot.addWidget(second)
    assert len(reads) == 2 and reads[1] is second.pages["overview"]
    second.show_page("ledger")
    second.show_page("overview")  # shown again: read afresh
    assert len(reads) == 3


def test_pages_built_later_get_their_remembered_layout(qtbot, gui_store):
    """Column widths and splitters saved from pages that were opened come back when those pages are
    first opened in the next window; a page never opened keeps what was saved before."""
    first = MainWindow(gui_store)
    first.show_page("ledger")
    first.show_page("people")
    first.pages["ledger"].view.setColumnWidth(2, 333)
    first.pages["people"].splitter.setSizes([123, 400])
    saved_people = first.pages["people"].splitter.saveState()
    first.save_settings()
    first.deleteLater()

    second = MainWindow(gui_store)
    qtbot.addWidget(second)
    assert list(second.pages.built()) == ["overview", "people"]  # the page last shown comes back
    assert second.pages["people"].splitter.saveState() == saved_people
    second.save_settings()  # the ledger was not opened in this window: its saved widths stay
    third = MainWindow(gui_store)
    qtbot.addWidget(third)
    third.show_page("ledger")
    assert third.pages["ledger"].view.columnWidth(2) == 333
    second.show_page("ledger")
    assert second.pages["ledger"].view.columnWidth(2) == 333
