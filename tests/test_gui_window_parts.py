"""The window's shared parts: every table model on the one base, columns sized by what they hold,
one campaign chooser on every page about a campaign, the campaign editor in its own module."""
from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import subprocess
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

import desktop.ui  # noqa: E402
from desktop.campaigns import campaign as campaigns  # noqa: E402
from desktop.ui.columns import ColumnFitter, share_width  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.models.base import RowsTableModel  # noqa: E402
from desktop.ui.qt import QAbstractTableModel, QPoint, QSortFilterProxyModel, Qt, QTableView, QTreeView  # noqa: E402
from desktop.ui.widgets import CampaignChooser  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]

NDKG = 1        # the demo's "Ngày không giấy" campaign: council held, every document finalised
DMST = 2        # the demo's other campaign


def ui_modules():
    for info in pkgutil.walk_packages(desktop.ui.__path__, "desktop.ui."):
        yield importlib.import_module(info.name)


def table_models() -> list[type]:
    found = {}
    for module in ui_modules():
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QAbstractTableModel) and cls.__module__.startswith("desktop.ui"):
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [found[k] for k in sorted(found)]


@pytest.fixture
def window(qtbot, demo_store):
    w = MainWindow(demo_store, remember=False)
    qtbot.addWidget(w)
    w.resize(1920, 1080)
    w.show()
    qtbot.waitExposed(w)
    return w


def settle(qtbot):
    qtbot.wait(30)  # the column fitter runs once the events of a reset or a resize are done


# -- one base for every table model ------------------------------------------------------------------

def plumbing_problems(cls: type) -> list[str]:
    """What keeps a table model off the shared base: not subclassing it, or copying its counting and heading."""
    name = f"{cls.__module__}.{cls.__qualname__}"
    if not issubclass(cls, RowsTableModel):
        return [f"{name} subclasses QAbstractTableModel, not RowsTableModel"]
    problems = [f"{name} has its own {copied}: the base counts and heads the table"
                for copied in ("rowCount", "columnCount", "headerData") if copied in cls.__dict__]
    keys = next((c.__dict__["KEYS"] for c in cls.__mro__ if c.__dict__.get("KEYS")), ())
    if keys and not set(cls.WIDE) <= set(keys):
        problems.append(f"{name}: WIDE names a column that is not in KEYS")
    return problems


def test_every_table_model_stands_on_the_shared_base():
    models = [m for m in table_models() if m is not RowsTableModel]
    assert len(models) >= 30, [m.__name__ for m in models]
    assert [p for m in models for p in plumbing_problems(m)] == []


def test_a_model_that_copies_the_table_plumbing_is_caught():
    class Copied(QAbstractTableModel):
        def rowCount(self, parent=None):
            return 0

    class CountsAgain(RowsTableModel):
        KEYS = ["name"]
        WIDE = ["award"]

        def headerData(self, section, orientation, role=0):
            return None

    assert plumbing_problems(Copied) == [f"{__name__}.{Copied.__qualname__} subclasses QAbstractTableModel, "
                                         "not RowsTableModel"]
    assert len(plumbing_problems(CountsAgain)) == 2


def page_views(page):
    return [v for v in page.findChildren(QTableView) + page.findChildren(QTreeView) if v.model() is not None]


def source(model):
    while isinstance(model, QSortFilterProxyModel):
        model = model.sourceModel()
    return model


def test_the_models_of_every_page_pass_the_model_tester(qtbot, qtmodeltester, window):
    checked = set()
    for key in list(window.pages.keys()):
        window.show_page(key)
        page = window.pages[key]
        settle(qtbot)
        if getattr(page, "chooser", None) is not None and page.chooser.model.rowCount() > 1:
            page.chooser.combo.setCurrentIndex(page.chooser.model.row_of(DMST))
            page.chooser.combo.setCurrentIndex(page.chooser.model.row_of(NDKG))
        for view in page_views(page):
            model = source(view.model())
            if isinstance(model, QAbstractTableModel):
                assert isinstance(model, RowsTableModel), f"{key}: {type(model).__name__}"
                assert len(model.headers) == model.columnCount(), f"{key}: {type(model).__name__}"
            qtmodeltester.check(model)
            checked.add(type(model).__name__)
    for name in ("LedgerModel", "PeopleModel", "NominationsModel", "BallotsModel", "MembersModel",
                 "RegistrationModel", "DossierModel", "PrintLogModel", "DeadlinesModel", "CampaignListModel"):
        assert name in checked


def test_the_dialogs_models_pass_the_model_tester(qtmodeltester, demo_store):
    from desktop.ui.dialogs.ad_hoc import AdHocModel
    from desktop.ui.dialogs.initiatives import InitiativesModel
    from desktop.ui.models.excel import ImportPreviewModel

    for model in (AdHocModel(demo_store), InitiativesModel(demo_store, 2025), ImportPreviewModel()):
        qtmodeltester.check(model)
        assert isinstance(model, RowsTableModel)


# -- column widths -------------------------------------------------------------------------------------

def widths(view) -> list[int]:
    return [view.columnWidth(c) for c in range(view.model().columnCount())]


def test_names_and_awards_get_the_width_at_1920(qtbot, window):
    window.show_page("meeting")
    page = window.pages["meeting"]
    # The demo's campaign whose council has met (the chooser may open on another one).
    held = window.store.scalar("SELECT campaign_id FROM meeting WHERE held = 1 AND campaign_id IS NOT NULL LIMIT 1")
    page.chooser.set_campaign(held)
    settle(qtbot)
    view, model = page.ballots_view, page.ballots
    assert model.rowCount() > 0
    w = dict(zip(model.KEYS, widths(view)))
    numeric = ["issued", "returned", "yes", "no", "invalid", "threshold", "share", "result"]
    assert set(numeric) <= set(w)
    for wide in ("name", "award"):
        for short in numeric:
            assert w[wide] > w[short], (wide, short, w)
    assert w["threshold"] < 200, w  # "Ngưỡng thông qua" no longer takes most of the table
    # The names and awards are not cut: each column is at least as wide as its longest text.
    fm = view.fontMetrics()
    for row in range(model.rowCount()):
        for key in ("name", "award"):
            text = model.index(row, model.KEYS.index(key)).data()
            assert fm.horizontalAdvance(text) < w[key], (key, text)
    # Together they fill the table, no more.
    assert abs(sum(w.values()) - view.viewport().width()) <= 2

    window.show_page("people")
    page = window.pages["people"]
    settle(qtbot)
    view, model = page.view, page.model
    w = dict(zip(model.KEYS, widths(view)))
    fm = view.fontMetrics()
    for key in ("collective", "position"):
        longest = max(fm.horizontalAdvance(model.index(r, model.KEYS.index(key)).data() or "")
                      for r in range(model.rowCount()))
        assert w[key] > longest, (key, w)
    assert w["rating"] < w["collective"] and w["joined"] < w["full_name"], w


def test_the_clerks_own_widths_are_kept(qtbot, window):
    window.show_page("ledger")
    page = window.pages["ledger"]
    settle(qtbot)
    fitter = page.view.findChild(ColumnFitter)
    assert fitter is not None and not fitter.manual
    before = widths(page.view)
    # The clerk drags the first column's right edge 60 pixels to the right.
    header = page.view.horizontalHeader()
    edge = header.sectionViewportPosition(0) + header.sectionSize(0) - 1
    middle = header.height() // 2
    qtbot.mousePress(header.viewport(), Qt.LeftButton, pos=QPoint(edge, middle))
    qtbot.mouseMove(header.viewport(), QPoint(edge + 60, middle))
    qtbot.mouseRelease(header.viewport(), Qt.LeftButton, pos=QPoint(edge + 60, middle))
    dragged = widths(page.view)[0]
    assert fitter.manual and dragged == before[0] + 60
    page.model.reload()
    settle(qtbot)
    assert widths(page.view)[0] == dragged and widths(page.view)[1:] == before[1:]


def test_sharing_the_width():
    # Room to spare: each gets what it likes, the rest in proportion.
    assert share_width({0: 100, 1: 300}, 800) == {0: 200, 1: 600}
    # Too little: the longest gives way first, the short one keeps its whole text.
    assert share_width({0: 150, 1: 900}, 600) == {0: 150, 1: 450}
    # Never under the floor.
    assert share_width({0: 500, 1: 500}, 100, floor=110) == {0: 110, 1: 110}


# -- one campaign chooser --------------------------------------------------------------------------------

def shown_campaign(key: str, page) -> int | None:
    """The campaign each page's own content is about, read from what it shows."""
    return {
        "nominations": lambda: page.model.campaign_id,
        "meeting": lambda: page.meetings.campaign_id,
        "registration": lambda: page.model.campaign.id if page.model.campaign else None,
        "documents": lambda: page.model.campaign_id,
        "send": lambda: page.checklist.campaign_id,
        "ledger": lambda: page.model.filter.campaign_id,
    }[key]()


@pytest.mark.parametrize("key", ["nominations", "meeting", "registration", "documents", "send", "ledger"])
def test_the_chooser_on_each_page_switches_the_campaign(qtbot, window, demo_store, key):
    window.show_page(key)
    page = window.pages[key]
    if hasattr(page, "ensure_loaded"):
        page.ensure_loaded()
    chooser = page.chooser
    assert isinstance(chooser, CampaignChooser)
    assert chooser.combo is page.campaign and chooser.model is page.campaigns
    titles = [chooser.model.index(r, 0).data() for r in range(chooser.model.rowCount())]
    assert campaigns.get(demo_store, DMST).title in titles and campaigns.get(demo_store, NDKG).title in titles
    first = NDKG if chooser.campaign_id() == DMST else DMST
    for wanted in (first, NDKG + DMST - first):
        with qtbot.waitSignal(chooser.changed, timeout=2000) as blocker:
            chooser.combo.setCurrentIndex(chooser.model.row_of(wanted))
        assert blocker.args == [wanted]
        assert chooser.campaign_id() == wanted and chooser.campaign().id == wanted
        assert shown_campaign(key, page) == wanted
    if key == "ledger":  # the ledger's chooser starts with every campaign
        chooser.combo.setCurrentIndex(0)
        assert chooser.campaign_id() is None and shown_campaign(key, page) is None


def test_the_chooser_keeps_its_campaign_over_a_reload(qtbot, demo_store):
    chooser = CampaignChooser(demo_store, "c")
    qtbot.addWidget(chooser)
    assert chooser.set_campaign(DMST) and chooser.campaign_id() == DMST
    chooser.reload()
    assert chooser.campaign_id() == DMST
    assert not chooser.set_campaign(999) and chooser.campaign_id() == DMST
    every = CampaignChooser(demo_store, "c", first="Tất cả phong trào", caption=False)
    qtbot.addWidget(every)
    assert every.model.index(0, 0).data() == "Tất cả phong trào" and every.campaign_id() is None
    assert every.set_campaign(NDKG) and every.set_campaign(None) and every.campaign_id() is None


# -- the campaign editor ---------------------------------------------------------------------------------

def test_the_plan_import_dialog_does_not_import_the_campaigns_page():
    code = ("import sys; import desktop.ui.dialogs.plan_import; "
            "print('desktop.ui.pages.campaigns' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
