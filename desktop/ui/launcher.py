"""Which file the window opens: the clerk's own, the welcome when there is none yet, or the demo.

The clerk's file is created only when the clerk sets up the unit; opening the
demo creates (and fills) the demo's own file and leaves the clerk's path as it
was, so that demo people and achievements never mix with real records.
"""
from __future__ import annotations

from pathlib import Path

from desktop import start
from desktop.records import unit
from desktop.errors import UserError
from desktop.store import Store
from desktop.ui.qt import QObject


class Launcher(QObject):
    """Opens the main window, with the welcome first when the clerk's file is new or blank.

    ``start`` raises :class:`~desktop.errors.UserError` when a file cannot be
    opened; afterwards ``window`` is the main window (once shown) and
    ``welcome`` the welcome dialog (when it was needed).
    """

    def __init__(self, db_path: str | Path, *, demo_path: str | Path, remember: bool = True,
                 demo_seed: int = 2025):
        super().__init__()
        self.db_path = Path(db_path)
        self.demo_path = Path(demo_path)
        self.remember = remember
        self.demo_seed = demo_seed
        self.store: Store | None = None
        self.window = None
        self.welcome = None

    def prepare(self, *, demo: bool = False) -> Store | None:
        """The store to show, or ``None`` when the welcome comes first.

        Nothing is created to find out: a path that does not exist stays so
        until the clerk sets up the unit.
        """
        if demo:
            return self._demo_store()
        if not self.db_path.exists():
            return None
        store = Store(self.db_path, exclusive=True)
        self.store = store
        if start.is_first_start(self.db_path, store):
            return None  # blank: kept open (and locked) for the set-up
        return store

    def start(self, *, demo: bool = False) -> None:
        store = self.prepare(demo=demo)
        if store is not None:
            self._show(store)
            return
        from desktop.ui.dialogs.welcome import WelcomeDialog

        self.welcome = WelcomeDialog(None, self.db_path, self.demo_path, set_up=self.set_up,
                                     open_demo=self.open_demo)
        self.welcome.show()

    # -- the ways in ------------------------------------------------------------------------------

    def set_up(self, profile: unit.UnitProfile, collectives: list[str], then_excel: bool = False) -> None:
        # Checked before the file exists, so a mistake leaves no empty database behind.
        unit.validate(profile)
        unit.validate_collectives(collectives)
        if self.store is None:
            self.store = Store(self.db_path, exclusive=True, create=True)
        unit.setup_unit(self.store, profile, collectives)
        window = self._show(self.store)
        if then_excel:
            window.show_page("people")
            window.pages["people"].import_excel()

    def open_demo(self) -> None:
        self._show(self._demo_store())

    def _demo_store(self) -> Store:
        from desktop.demo import unit as demo

        if self.store is not None:  # the clerk's blank file, untouched by the demo
            self.store.close()
            self.store = None
        store = Store(self.demo_path, exclusive=True, create=True)
        try:
            if start.is_blank(store):
                demo.fill(store, seed=self.demo_seed)
        except BaseException:
            store.close()
            raise
        self.store = store
        return store

    def _show(self, store: Store):
        from desktop.ui.main_window import MainWindow

        self.window = MainWindow(store, remember=self.remember)
        if self.window.is_demo:
            overview = self.window.pages["overview"]
            overview.leave_demo_btn.show()
            overview.leave_demo_requested.connect(self.leave_demo)
        self.window.show()
        return self.window

    def leave_demo(self) -> None:
        """From the demo to the clerk's own ledger: their window, or the welcome when there is none yet."""
        from desktop.ui.operations import show_error
        from desktop.ui.qt import QApplication

        app = QApplication.instance()
        quits = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)  # between the two windows, none is open
        try:
            if not self.window.close():  # an unsaved edit the clerk chose to keep
                return
            self.window = None
            self.close()
            try:
                self.start()
            except UserError as exc:
                show_error(None, exc)
                self.open_demo()  # back where the clerk was rather than no window at all
        finally:
            app.setQuitOnLastWindowClosed(quits)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
