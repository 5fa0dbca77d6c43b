"""Starting the window: the application object, fonts, the Vietnamese catalogue, the data file."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop.errors import UserError
from desktop.resources import resource

ORGANIZATION = "SoThiDua"
APPLICATION = "SoThiDua"


def configure(app) -> None:
    """Names, fonts and translations of a fresh ``QApplication`` (also used by the tests)."""
    from desktop.paths import settings_ini_root
    from desktop.ui.qt import QFont, QFontDatabase, QIcon, QSettings, QTranslator

    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Sổ thi đua")
    app.setWindowIcon(QIcon(str(resource("icons", "sothidua.png"))))
    ini_root = settings_ini_root()
    if ini_root is not None:
        # Windows: the settings sit in the data folder as SoThiDua.ini, not in the registry (desktop/paths.py).
        QSettings.setDefaultFormat(QSettings.IniFormat)
        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(ini_root))
    family = None
    for name in ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSerif-Regular.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id >= 0 and family is None:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    if family and sys.platform not in ("win32", "darwin"):
        # Linux desktops may lack a font with every Vietnamese letter; Windows and
        # macOS system fonts have them, so they keep their native look.
        app.setFont(QFont(family, 10))
    if getattr(app, "_thidua_translators", None) is None:
        translators = []
        for name in ("qtbase_vi.qm", "sothidua_vi.qm"):
            translator = QTranslator(app)
            if translator.load(str(resource("translations", name))):
                app.installTranslator(translator)
                translators.append(translator)
        app._thidua_translators = translators  # kept for the app's lifetime


def run(db_path: Path, *, screenshot: str | None = None, page: str | None = None,
        quit_when_shown: bool = False, demo: bool = False, demo_path: Path | None = None,
        package: str | None = None, size: tuple[int, int] = (1280, 800)) -> int:
    """Open the window on ``db_path``; on the first start (no file, or a blank one) the welcome
    comes first. ``demo`` opens the demo's own file instead (``demo_path``, by default
    :func:`desktop.paths.demo_db_path`), filling it when it is new. ``package`` (a double-clicked
    ``.asice``) is checked on the Kiểm tra gói page. ``size`` is the window's size in a screenshot."""
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    else:
        from desktop.ui.display import missing_display_message

        no_display = missing_display_message()
        if no_display:
            print(f"Lỗi: {no_display}", file=sys.stderr)
            return 2
    from desktop.paths import demo_db_path
    from desktop.ui.launcher import Launcher
    from desktop.ui.main_window import PAGE_KEYS
    from desktop.ui.qt import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure(app)
    if page is not None and page not in PAGE_KEYS:
        print(f"Lỗi: không có trang “{page}”. Các trang: {', '.join(sorted(PAGE_KEYS))}", file=sys.stderr)
        return 2
    launcher = Launcher(db_path, demo_path=demo_path or demo_db_path(), remember=not screenshot)
    try:
        if screenshot:
            return _screenshot(app, launcher, screenshot, page or ("verify" if package else "overview"), demo=demo,
                               package=package, size=size)
        try:
            launcher.start(demo=demo)
        except UserError as exc:
            QMessageBox.critical(None, "Sổ thi đua", str(exc))
            return 2
        if page and launcher.window is not None:
            launcher.window.show_page(page)
        if package and launcher.window is not None:  # a double-clicked .asice: check it on Kiểm tra gói
            launcher.window.verify_package(str(Path(package).expanduser().resolve()))
        if quit_when_shown:
            # The benchmark measures process start to this point: the window is
            # on screen and its first frame has been painted.
            from desktop.ui.qt import QTimer

            shown = launcher.window or launcher.welcome
            QTimer.singleShot(0, lambda: (print(f"shown {app.platformName()}", flush=True), shown.close(),
                                          app.quit()))
        return app.exec()
    finally:
        launcher.close()


def _screenshot(app, launcher, path: str, page: str, *, demo: bool, package: str | None = None,
                size: tuple[int, int] = (1280, 800)) -> int:
    """The window (or, on a first start, the welcome) drawn off screen into ``path``; nothing is created
    for the clerk's file."""
    from desktop.ui.dialogs.welcome import WelcomeDialog
    from desktop.ui.main_window import MainWindow

    store = launcher.prepare(demo=demo)
    if store is None:
        widget = WelcomeDialog(None, launcher.db_path, launcher.demo_path, set_up=lambda *a: None,
                               open_demo=lambda: None)
    else:
        widget = MainWindow(store, remember=False)
        widget.resize(*size)
        widget.show_page(page)
    widget.show()
    if package and store is not None:
        import time

        widget.verify_package(str(Path(package).expanduser().resolve()))
        verify, deadline = widget.pages["verify"], time.monotonic() + 120
        while getattr(verify, "worker", None) is not None and time.monotonic() < deadline:
            app.processEvents()  # the check runs on a worker thread: picture its result
            time.sleep(0.02)
    for _ in range(5):
        app.processEvents()
    image = widget.grab()
    widget.close()
    if not image.save(str(path)):
        raise UserError(f"Không lưu được ảnh chụp vào {path}.")
    print(path)
    return 0
