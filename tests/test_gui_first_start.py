"""The first start of a real clerk: the welcome, setting up the unit, the demo in its own file."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from desktop.records import people, unit
from desktop import start  # noqa: E402
from desktop.paths import default_db_path, demo_db_path  # noqa: E402
from desktop.store import Store  # noqa: E402
from desktop.ui import app as app_mod  # noqa: E402
from desktop.ui.dialogs.excel_import import ExcelImportDialog  # noqa: E402
from desktop.ui.dialogs.records import UnitDialog  # noqa: E402
from desktop.ui.launcher import Launcher  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.qt import QImage, QLabel, Qt  # noqa: E402
from gui_support import save_button, type_text  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    """The clerk's data folder, moved to a temporary one: the default file and the demo's live there."""
    folder = tmp_path / "SoThiDua"
    monkeypatch.setenv("THIDUA_DATA_DIR", str(folder))
    monkeypatch.delenv("THIDUA_DB")
    return folder


@pytest.fixture
def launcher(qtbot, data_folder):
    made = Launcher(default_db_path(), demo_path=demo_db_path(), remember=False)
    yield made
    for widget in (made.welcome, made.window):
        if widget is not None:
            widget.close()
    made.close()


def started(qtbot, launcher):
    launcher.start()
    welcome = launcher.welcome
    assert welcome is not None and launcher.window is None
    qtbot.waitExposed(welcome)
    return welcome


def error_text(form, key):
    label = form.findChild(QLabel, f"error_{key}")
    return label.text() if label.isVisibleTo(form) else ""


def add_collective(qtbot, editor, name, *, enter=True):
    qtbot.mouseClick(editor.add_btn, Qt.LeftButton)
    line = editor.view.indexWidget(editor.view.currentIndex())
    assert line is not None  # the new row is open for typing
    type_text(qtbot, line, name)
    if enter:
        qtbot.keyClick(line, Qt.Key_Return)


def fill_unit(qtbot, welcome):
    form = welcome.form
    type_text(qtbot, form.name, "Trung tâm Lưu trữ lịch sử tỉnh Hà Tĩnh")
    type_text(qtbot, form.governing_body, "Sở Nội vụ tỉnh Hà Tĩnh")
    type_text(qtbot, form.province, "Hà Tĩnh")
    type_text(qtbot, form.abbreviation, "ttlt")
    type_text(qtbot, form.head_name, "Nguyễn Thị Mai")
    type_text(qtbot, form.head_title, "Giám đốc")


def test_the_welcome_speaks_vietnamese_and_closing_it_creates_nothing(qtbot, launcher, data_folder):
    welcome = started(qtbot, launcher)
    assert welcome.windowTitle() == "Chào mừng đến với Sổ thi đua"
    assert [b.text() for b in (welcome.setup_btn, welcome.excel_btn, welcome.demo_btn)] == [
        "Khai báo đơn vị của tôi", "Khai báo đơn vị, rồi nhập danh sách cá nhân từ Excel", "Mở dữ liệu mẫu"]
    assert str(demo_db_path()) in welcome.demo_btn.description()
    welcome.reject()
    assert launcher.window is None
    assert not data_folder.exists()


def test_clerk_sets_up_the_unit(qtbot, launcher, data_folder):
    welcome = started(qtbot, launcher)
    qtbot.mouseClick(welcome.setup_btn, Qt.LeftButton)
    assert welcome.stack.currentIndex() == 1
    fill_unit(qtbot, welcome)
    add_collective(qtbot, welcome.collectives, "Phòng Hành chính - Tổng hợp")
    add_collective(qtbot, welcome.collectives, "Phòng Nghiệp vụ")
    add_collective(qtbot, welcome.collectives, "Chi nhánh số 1", enter=False)  # still being typed
    qtbot.mouseClick(welcome.start_btn, Qt.LeftButton)

    window = launcher.window
    assert isinstance(window, MainWindow) and window.isVisible()
    assert not welcome.isVisible() and welcome.choice == "setup"
    store = window.store
    assert store.path == default_db_path().resolve()
    profile = unit.get(store)
    assert (profile.name, profile.governing_body, profile.abbreviation, profile.head_title) == (
        "Trung tâm Lưu trữ lịch sử tỉnh Hà Tĩnh", "Sở Nội vụ tỉnh Hà Tĩnh", "TTLT", "Giám đốc")
    unit_row, *teams = people.list_collectives(store)
    assert unit_row.is_unit and unit_row.name == profile.name
    assert sorted(c.name for c in teams) == ["Chi nhánh số 1", "Phòng Hành chính - Tổng hợp", "Phòng Nghiệp vụ"]
    assert all(c.parent_id == unit_row.id for c in teams)
    # The window shows the unit, and nothing of the demo.
    overview = window.pages["overview"]
    assert "Trung tâm Lưu trữ lịch sử tỉnh Hà Tĩnh" in overview.unit_label.text()
    assert "Giám đốc: Nguyễn Thị Mai" in overview.unit_label.text()
    assert overview.cards["collectives"].value.text() == "4"
    assert "DỮ LIỆU MẪU" not in window.windowTitle() and not overview.demo_banner.isVisible()
    assert not demo_db_path().exists() and not start.is_demo(store)


def test_set_up_messages_sit_next_to_their_fields_and_no_file_is_made(qtbot, launcher):
    welcome = started(qtbot, launcher)
    qtbot.mouseClick(welcome.setup_btn, Qt.LeftButton)
    type_text(qtbot, welcome.form.abbreviation, "TTr/LT")
    type_text(qtbot, welcome.form.head_name, "Nguyễn Thị Mai")
    add_collective(qtbot, welcome.collectives, "Phòng Nghiệp vụ")
    add_collective(qtbot, welcome.collectives, "phòng nghiệp vụ")
    qtbot.mouseClick(welcome.start_btn, Qt.LeftButton)
    assert launcher.window is None and welcome.isVisible()
    assert "tên đơn vị" in error_text(welcome.form, "name")
    assert "“/”" in error_text(welcome.form, "abbreviation")
    assert "chức vụ" in error_text(welcome.form, "head_title")
    assert not default_db_path().exists()

    for field, text in ((welcome.form.name, "Trung tâm"), (welcome.form.head_title, "Giám đốc")):
        type_text(qtbot, field, text)
    welcome.form.abbreviation.setText("TTLT")
    qtbot.mouseClick(welcome.start_btn, Qt.LeftButton)
    assert "hai lần" in error_text(welcome.form, "collectives")
    assert error_text(welcome.form, "name") == ""
    assert not default_db_path().exists()  # checked before the file is made

    welcome.collectives.model.removeRows(1, 1)
    qtbot.mouseClick(welcome.start_btn, Qt.LeftButton)
    assert launcher.window is not None and unit.get(launcher.window.store).name == "Trung tâm"


def test_the_demo_opens_in_its_own_file_and_says_so(qtbot, launcher):
    welcome = started(qtbot, launcher)
    qtbot.mouseClick(welcome.demo_btn, Qt.LeftButton)
    window = launcher.window
    assert window is not None and window.isVisible() and welcome.choice == "demo"
    assert window.store.path == demo_db_path().resolve()
    assert "DỮ LIỆU MẪU" in window.windowTitle()
    overview = window.pages["overview"]
    assert overview.demo_banner.isVisible() and overview.demo_text.text().startswith("<b>DỮ LIỆU MẪU</b>")
    assert window.store.counts()["people"] > 0
    # The clerk's own file was never made: the next start offers the welcome again.
    assert not default_db_path().exists()
    assert start.is_first_start(default_db_path())

    # The banner leads to the clerk's own ledger: here, the welcome again, and the demo is closed.
    demo_store = window.store
    assert overview.leave_demo_btn.text() == "Mở sổ của đơn vị tôi…"
    qtbot.mouseClick(overview.leave_demo_btn, Qt.LeftButton)
    assert not window.isVisible() and demo_store.conn is None and launcher.window is None
    again = launcher.welcome
    assert again is not welcome and again.isVisible()
    qtbot.mouseClick(again.setup_btn, Qt.LeftButton)
    type_text(qtbot, again.form.name, "Trung tâm Lưu trữ lịch sử tỉnh Hà Tĩnh")
    qtbot.mouseClick(again.start_btn, Qt.LeftButton)
    own = launcher.window
    assert own.store.path == default_db_path().resolve() and not own.is_demo
    assert own.store.counts()["people"] == 0  # nothing of the demo came along
    assert "DỮ LIỆU MẪU" not in own.windowTitle() and not own.pages["overview"].demo_banner.isVisible()


def test_make_run_opens_the_demo_and_its_banner_leads_to_the_clerks_ledger(qtbot, launcher):
    with Store(default_db_path(), create=True) as store:
        unit.setup_unit(store, unit.UnitProfile(name="Trung tâm"), ["Phòng Nghiệp vụ"])
    launcher.start(demo=True)  # thidua gui --demo
    window = launcher.window
    assert launcher.welcome is None and window.is_demo and window.store.path == demo_db_path().resolve()
    qtbot.mouseClick(window.pages["overview"].leave_demo_btn, Qt.LeftButton)
    own = launcher.window
    assert own is not window and launcher.welcome is None and own.isVisible()
    assert own.store.path == default_db_path().resolve()
    assert "Trung tâm" in own.pages["overview"].unit_label.text()


def test_the_excel_way_in_sets_up_the_unit_then_opens_the_import(qtbot, launcher):
    welcome = started(qtbot, launcher)
    qtbot.mouseClick(welcome.excel_btn, Qt.LeftButton)
    assert welcome.start_btn.text() == "Bắt đầu, rồi nhập từ Excel"
    type_text(qtbot, welcome.form.name, "Trung tâm Lưu trữ lịch sử tỉnh Hà Tĩnh")
    qtbot.mouseClick(welcome.start_btn, Qt.LeftButton)
    window = launcher.window
    assert welcome.choice == "excel" and window.current_page() == "people"
    dialog = window.pages["people"].dialog
    assert isinstance(dialog, ExcelImportDialog) and dialog.store is window.store
    qtbot.waitExposed(dialog)
    assert unit.get(window.store).name == "Trung tâm Lưu trữ lịch sử tỉnh Hà Tĩnh"
    dialog.reject()


def test_a_blank_file_gets_the_welcome_and_a_used_one_opens_directly(qtbot, launcher):
    Store(default_db_path(), create=True).close()  # made by an earlier start, never used
    welcome = started(qtbot, launcher)
    qtbot.mouseClick(welcome.setup_btn, Qt.LeftButton)
    type_text(qtbot, welcome.form.name, "Trung tâm")
    qtbot.mouseClick(welcome.start_btn, Qt.LeftButton)
    assert launcher.window.store.path == default_db_path().resolve()
    launcher.window.close()
    launcher.close()

    again = Launcher(default_db_path(), demo_path=demo_db_path(), remember=False)
    try:
        again.start()
        assert again.welcome is None and again.window is not None
        assert "Trung tâm" in again.window.pages["overview"].unit_label.text()
        again.window.close()
    finally:
        again.close()


def test_unit_profile_is_edited_from_the_file_menu(qtbot, gui_store):
    unit.setup_unit(gui_store, unit.UnitProfile(name="Trung tâm", head_name="Lê Văn Nam", head_title="Giám đốc"),
                    ["Phòng Nghiệp vụ"])
    window = MainWindow(gui_store, remember=False)
    qtbot.addWidget(window)
    window.show()
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text() == "&Thông tin đơn vị…")
    action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, UnitDialog) and dialog.windowTitle() == "Thông tin đơn vị"
    dialog.name.setText("Trung tâm Lưu trữ lịch sử tỉnh Hà Tĩnh")
    dialog.abbreviation.setText("TT/LT")
    qtbot.mouseClick(save_button(dialog), Qt.LeftButton)
    assert dialog.isVisible() and "“/”" in error_text(dialog.form, "abbreviation")
    assert unit.get(gui_store).name == "Trung tâm"  # nothing saved
    dialog.abbreviation.setText("TTLT")
    qtbot.mouseClick(save_button(dialog), Qt.LeftButton)
    assert not dialog.isVisible()
    assert unit.get(gui_store).abbreviation == "TTLT"
    assert "Trung tâm Lưu trữ lịch sử tỉnh Hà Tĩnh" in window.pages["overview"].unit_label.text()
    assert [c.name for c in people.list_collectives(gui_store) if c.is_unit] == ["Trung tâm Lưu trữ lịch sử tỉnh Hà Tĩnh"]


def test_screenshot_of_a_first_start_is_the_welcome_and_makes_no_file(tmp_path, data_folder):
    out = tmp_path / "chao-mung.png"
    assert app_mod.run(default_db_path(), screenshot=str(out)) == 0
    assert not QImage(str(out)).isNull()
    assert not data_folder.exists()


def test_gui_demo_screenshot_fills_only_the_demo_file(tmp_path, data_folder):
    out = tmp_path / "mau.png"
    assert app_mod.run(default_db_path(), demo=True, demo_path=demo_db_path(), screenshot=str(out)) == 0
    assert not QImage(str(out)).isNull()
    assert not default_db_path().exists()
    with Store(demo_db_path(), create=False) as store:
        assert start.is_demo(store)
