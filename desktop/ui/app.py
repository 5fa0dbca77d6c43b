"""Starting the window: the application object, fonts, the Vietnamese catalogue, the data file."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..errors import UserError
from ..resources import resource

ORGANIZATION = "SoThiDua"
APPLICATION = "SoThiDua"


def configure(app) -> None:
    """Names, fonts and translations of a fresh ``QApplication`` (also used by the tests)."""
    from ..paths import settings_ini_root
    from .qt import QFont, QFontDatabase, QIcon, QSettings, QTranslator

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
        quit_when_shown: bool = False, package: str | None = None) -> int:
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    else:
        from .display import missing_display_message

        no_display = missing_display_message()
        if no_display:
            print(f"Lỗi: {no_display}", file=sys.stderr)
            return 2
    from ..store import Store
    from .main_window import PAGE_KEYS, MainWindow
    from .qt import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure(app)
    if page is not None and page not in PAGE_KEYS:
        print(f"Lỗi: không có trang “{page}”. Các trang: {', '.join(sorted(PAGE_KEYS))}", file=sys.stderr)
        return 2
    try:
        store = Store(db_path, exclusive=True)
    except UserError as exc:
        if screenshot:
            raise
        QMessageBox.critical(None, "Sổ thi đua", str(exc))
        return 2
    try:
        if screenshot:
            return _screenshot(app, store, screenshot, page or ("verify" if package else "overview"), package)
        window = MainWindow(store)
        if page:
            window.show_page(page)
        window.show()
        if package:  # a double-clicked .asice: check it on the Kiểm tra gói page
            window.verify_package(str(Path(package).expanduser().resolve()))
        if quit_when_shown:
            # The benchmark measures process start to this point: the window is
            # on screen and its first frame has been painted.
            from .qt import QTimer

            QTimer.singleShot(0, lambda: (print(f"shown {app.platformName()}", flush=True), window.close(),
                                          app.quit()))
        return app.exec()
    finally:
        store.close()


def _screenshot(app, store, path: str, page: str, package: str | None = None) -> int:
    from .main_window import MainWindow

    window = MainWindow(store, remember=False)
    window.resize(1280, 800)
    window.show_page(page)
    window.show()
    if package:
        import time

        window.verify_package(str(Path(package).expanduser().resolve()))
        verify, deadline = window.pages["verify"], time.monotonic() + 120
        while getattr(verify, "worker", None) is not None and time.monotonic() < deadline:
            app.processEvents()  # the check runs on a worker thread: picture its result
            time.sleep(0.02)
    for _ in range(5):
        app.processEvents()
    image = window.grab()
    window.close()
    if not image.save(str(path)):
        raise UserError(f"Không lưu được ảnh chụp vào {path}.")
    print(path)
    return 0
