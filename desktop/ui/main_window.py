"""The main window: a navigation list on the left, the pages on the right."""
from __future__ import annotations

from desktop import __version__, start
from desktop.changes import ALL, Area
from desktop.ui.backups import BackupActions
from desktop.ui.watch import ExternalChanges
from desktop.ui.page_keys import PAGE_KEYS  # the names ``thidua gui --page`` accepts (Qt-free)
from desktop.ui.pages.overview import OverviewPage
from desktop.ui.qt import (
    QAction, QKeySequence, QListView, QMainWindow, QMessageBox, QSettings, QSplitter, QStackedWidget, QStandardItem,
    QStandardItemModel, QStyle, Qt, QTimer, QWidget,
)

# Every page but the overview is built (and its module imported) when first opened:
# the window shows the overview without paying for the other ten pages.
PAGE_CLASSES = {
    "people": ("desktop.ui.pages.people", "PeoplePage"),
    "ledger": ("desktop.ui.pages.ledger", "LedgerPage"),
    "campaigns": ("desktop.ui.pages.campaigns", "CampaignsPage"),
    "registration": ("desktop.ui.pages.registration", "RegistrationPage"),
    "nominations": ("desktop.ui.pages.nominations", "NominationsPage"),
    "meeting": ("desktop.ui.pages.meeting", "MeetingPage"),
    "documents": ("desktop.ui.pages.documents", "DocumentsPage"),
    "print-log": ("desktop.ui.pages.print_log", "PrintLogPage"),
    "review": ("desktop.ui.pages.review", "ReviewPage"),
    "statistics": ("desktop.ui.pages.statistics", "StatisticsPage"),
    "send": ("desktop.ui.pages.send", "SendPage"),
    "verify": ("desktop.ui.pages.verify", "VerifyPage"),
}


def _holds(page, origin) -> bool:
    """Whether ``origin`` (a widget, a dialog opened from a page, an operation's owner) is part of ``page``."""
    while origin is not None:
        if origin is page:
            return True
        origin = origin.parent()
    return False


class Pages:
    """The window's pages by key, each built on first access (``window.pages["ledger"]``).

    Iterating gives every key, built or not; :meth:`built` gives the pages that exist.
    """

    def __init__(self, window: "MainWindow", keys: list[str]):
        self._window = window
        self._keys = keys
        self._built: dict[str, QWidget] = {}

    def __getitem__(self, key: str) -> QWidget:
        page = self._built.get(key)
        if page is None:
            if key not in self._keys:
                raise KeyError(key)
            page = self._built[key] = self._window._build_page(key)
        return page

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self):
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def keys(self) -> list[str]:
        return list(self._keys)

    def get(self, key: str, default=None):
        return self[key] if key in self._keys else default

    def is_built(self, key: str) -> bool:
        return key in self._built

    def built(self) -> dict[str, QWidget]:
        return dict(self._built)


class MainWindow(QMainWindow):
    def __init__(self, store, *, remember: bool = True):
        super().__init__()
        self.store = store
        self._remember = remember
        self.is_demo = start.is_demo(store)  # the demo's own file: said in the title bar and on the overview
        title = self.tr("Sổ thi đua — SAMPLE DATA — %1") if self.is_demo else self.tr("Sổ thi đua — %1")
        self.setWindowTitle(title.replace("%1", store.path.name))
        self.setObjectName("main_window")

        titles = {
            "overview": (self.tr("Overview"), QStyle.SP_DesktopIcon),
            "people": (self.tr("Collectives & people"), QStyle.SP_DirHomeIcon),
            "ledger": (self.tr("Achievement ledger"), QStyle.SP_FileDialogDetailedView),
            "campaigns": (self.tr("Emulation campaigns"), QStyle.SP_FileDialogContentsView),
            "registration": (self.tr("Registration"), QStyle.SP_FileDialogNewFolder),
            "nominations": (self.tr("Award nominations"), QStyle.SP_FileDialogListView),
            "meeting": (self.tr("Council meeting"), QStyle.SP_DialogYesButton),
            "documents": (self.tr("Award dossier"), QStyle.SP_FileIcon),
            "print-log": (self.tr("Print log"), QStyle.SP_FileDialogInfoView),
            "review": (self.tr("Year-end review"), QStyle.SP_DialogApplyButton),
            "statistics": (self.tr("Statistics"), QStyle.SP_FileDialogListView),
            # The signed package for the Sở, and checking one: always the last two pages.
            "send": (self.tr("Send dossier"), QStyle.SP_ArrowForward),
            "verify": (self.tr("Check package"), QStyle.SP_DialogApplyButton),
        }
        self._keys: list[str] = list(titles)
        self.pages = Pages(self, self._keys)
        self._pending_settings: dict[str, object] = {}
        self.nav_model = QStandardItemModel(self)
        self.stack = QStackedWidget()
        for key in self._keys:
            text, icon = titles[key]
            item = QStandardItem(self.style().standardIcon(icon), text)
            item.setEditable(False)
            item.setData(key, Qt.UserRole)
            self.nav_model.appendRow(item)
            self.stack.addWidget(QWidget())  # stands in until the page is first opened
        overview = self.pages["overview"]
        self.nav = QListView()
        self.nav.setObjectName("navigation")
        self.nav.setModel(self.nav_model)
        self.nav.setMinimumWidth(170)
        self.nav.setMaximumWidth(260)
        self.nav.setStyleSheet("QListView { font-size: 11pt; } QListView::item { padding: 8px 6px; }")
        self.nav.selectionModel().currentChanged.connect(lambda cur, _prev: self._show(cur.row()))

        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 1000])
        self.setCentralWidget(self.splitter)

        overview.edit_unit_requested.connect(self.edit_unit)
        overview.open_achievement.connect(self._open_achievement)
        overview.open_campaign.connect(self._open_campaign)

        self.external = ExternalChanges(store, self)  # a command-line import while the window is open
        self.external.changed.connect(lambda: self.apply_changes(ALL))
        self.backups = BackupActions(self, store)
        self._build_menus()
        self.statusBar().showMessage(str(store.path))
        self.show_page("overview")
        if remember:
            self._restore_settings()
            QTimer.singleShot(0, self.backups.auto_backup)  # daily, into the clerk's chosen folder

    def _build_page(self, key: str) -> QWidget:
        """Build one page, wire it to the window and put it in its place in the stack."""
        if key == "overview":
            page = OverviewPage(self.store)
        else:
            import importlib

            module, name = PAGE_CLASSES[key]
            page = getattr(importlib.import_module(module), name)(self.store)
        if key == "campaigns":
            page.show_achievements.connect(self.show_campaign_achievements)
        if key == "send":
            page.verify_requested.connect(self.verify_package)
        row = self._keys.index(key)
        current = self.stack.currentIndex()
        placeholder = self.stack.widget(row)
        self.stack.insertWidget(row, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if current == row:
            self.stack.setCurrentIndex(row)
        self._apply_settings(key, page)
        return page

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        unit_action = QAction(self.tr("&Unit profile…"), self)
        unit_action.triggered.connect(self.edit_unit)
        file_menu.addAction(unit_action)
        self.backups.install(file_menu)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for i, key in enumerate(self._keys):
            action = QAction(self.nav_model.item(i).text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _checked=False, k=key: self.show_page(k))
            go_menu.addAction(action)
        find = QAction(self.tr("&Find in ledger"), self)
        find.setShortcut(QKeySequence.Find)
        find.triggered.connect(self._focus_search)
        go_menu.addAction(find)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Sổ thi đua"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    # -- navigation ---------------------------------------------------------------------------------

    def show_page(self, key: str) -> None:
        key = PAGE_KEYS.get(key, key)
        if key not in self.pages:
            raise KeyError(key)
        row = self._keys.index(key)
        index = self.nav_model.index(row, 0)
        if self.nav.currentIndex() == index:
            self._show(row)
        else:
            self.nav.setCurrentIndex(index)  # shown once, through currentChanged

    def current_page(self) -> str:
        return self._keys[self.stack.currentIndex()]

    def _show(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            page = self.pages[self._keys[row]]  # built when first opened
            self.stack.setCurrentIndex(row)
            if self._keys[row] == "overview":
                page.refresh()  # read afresh each time it is shown (and only then: it is not read when built)

    def _focus_search(self) -> None:
        self.show_page("ledger")
        self.pages["ledger"].search.setFocus()
        self.pages["ledger"].search.selectAll()

    def _open_achievement(self, achievement_id: int) -> None:
        self.show_page("ledger")
        self.pages["ledger"].open(achievement_id)

    def _open_campaign(self, campaign_id: int) -> None:
        self.show_page("campaigns")
        self.pages["campaigns"].select(campaign_id)

    def show_campaign_achievements(self, campaign_id: int) -> None:
        """The ledger, filtered to the achievements linked to one campaign."""
        self.show_page("ledger")
        self.pages["ledger"].show_campaign(campaign_id)

    def verify_package(self, path: str) -> None:
        """The "Kiểm tra gói" page, checking the package at ``path``."""
        self.show_page("verify")
        self.pages["verify"].open_file(path)

    def apply_changes(self, areas: frozenset[Area], origin=None) -> None:
        """An operation changed ``areas``: reload the pages that show one of them.

        Each page declares the areas it shows (``AREAS``); a page not built yet
        loads fresh when opened. The page the operation came from (``origin``
        or a page holding it) has already shown its own result; the overview
        sums up everything and is refreshed on any change.
        """
        if not areas:
            return
        for key, page in self.pages.built().items():
            if key == "overview" or _holds(page, origin):
                continue
            if page.AREAS & areas:
                page.reload()
        self.pages["overview"].refresh()

    def edit_unit(self) -> None:
        from desktop.ui.dialogs.records import UnitDialog  # opened on click: not loaded before the window shows

        self.dialog = UnitDialog(self, self.store)
        self.dialog.accepted.connect(lambda: self.apply_changes(frozenset({Area.SETTINGS})))
        self.dialog.open()

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About Sổ thi đua"), self.tr(
            "Sổ thi đua %1\n\nThe ledger of achievements, emulation campaigns and award dossiers of a unit.\n"
            "Data file: %2").replace("%1", __version__).replace("%2", str(self.store.path)))

    # -- remembered layout ---------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        s = QSettings()
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)
        value = s.value(f"splitter/{self.splitter.objectName()}")
        if value is not None:
            self.splitter.restoreState(value)
        # The pages' splitters and column widths are restored when each page is built.
        for key in ("people", "campaigns"):
            self._pending_settings[f"splitter/{key}"] = s.value(f"splitter/{key}_splitter")
        for key in ("people", "ledger", "campaigns"):
            self._pending_settings[f"header/{key}"] = s.value(f"header/{key}")
        for key, page in self.pages.built().items():
            self._apply_settings(key, page)
        page = s.value("window/page")
        # A deadline within seven days is said at start: the window opens on the overview that reminds of it.
        if page in self.pages and page != self.current_page() and not self.pages["overview"].has_reminders():
            self.show_page(page)

    def save_settings(self) -> None:
        s = QSettings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/page", self.current_page())
        s.setValue(f"splitter/{self.splitter.objectName()}", self.splitter.saveState())
        built = self.pages.built()  # a page never opened keeps what was saved before
        for key in ("people", "campaigns"):
            if key in built:
                s.setValue(f"splitter/{built[key].splitter.objectName()}", built[key].splitter.saveState())
        for key in ("people", "ledger", "campaigns"):
            if key in built:
                s.setValue(f"header/{key}", built[key].view.horizontalHeader().saveState())
        s.sync()

    def _apply_settings(self, key: str, page: QWidget) -> None:
        """Give a page built after start the splitter and column widths remembered for it."""
        value = self._pending_settings.pop(f"splitter/{key}", None)
        if value is not None:
            page.splitter.restoreState(value)
        value = self._pending_settings.pop(f"header/{key}", None)
        if value is not None:
            page.view.horizontalHeader().restoreState(value)

    def closeEvent(self, event) -> None:
        built = self.pages.built()
        if "documents" in built and not built["documents"].editor.confirm_discard():
            event.ignore()
            return
        if "campaigns" in built and not built["campaigns"].confirm_discard():
            event.ignore()
            return
        if self._remember:
            self.save_settings()
        super().closeEvent(event)
