"""Every model a page shows stays a valid Qt model after the page reloads and after another campaign is chosen.

The model tests of each page check their models once, freshly filled; the
models are also reset when another page changed the data (``reload``, see
``MainWindow.apply_changes``) and when the clerk picks another campaign.
pytest-qt's ``qtmodeltester`` checks them again at each of those moments,
with the demo data (several campaigns, nominations, meetings and documents).
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from desktop.campaigns import campaign as campaigns
from desktop.council import nominations  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.qt import QAbstractItemModel  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]

# The pages about one campaign at a time, and how each is told to show another.
CAMPAIGN_PAGES = {
    "ledger": "show_campaign",
    "registration": "set_campaign",
    "nominations": "set_campaign",
    "meeting": "set_campaign",
    "documents": "set_campaign",
    "send": "set_campaign",
}


@pytest.fixture
def window(qtbot, demo_store):
    w = MainWindow(demo_store, remember=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def models_of(page) -> list[QAbstractItemModel]:
    models = page.findChildren(QAbstractItemModel)
    assert models, type(page).__name__
    return models


def check_all(qtmodeltester, page, moment: str) -> int:
    rows = 0
    for model in models_of(page):
        try:
            qtmodeltester.check(model)
        except Exception as exc:  # noqa: BLE001 - said with the page and the moment
            raise AssertionError(f"{type(page).__name__} {type(model).__name__} {moment}: {exc}") from exc
        rows += model.rowCount()
    return rows


def two_campaigns_with_nominations(store) -> tuple[int, int]:
    ids = [c.id for c in campaigns.list_campaigns(store) if nominations.list_for_campaign(store, c.id)]
    assert len(ids) >= 2, "the demo has campaigns with nominations"
    return ids[0], ids[1]


@pytest.mark.parametrize("key", sorted(CAMPAIGN_PAGES))
def test_page_models_pass_the_model_tester_after_a_campaign_switch_and_a_reload(qtmodeltester, window, demo_store,
                                                                                key):
    first, second = two_campaigns_with_nominations(demo_store)
    window.show_page(key)
    page = window.pages[key]
    switch = getattr(page, CAMPAIGN_PAGES[key])
    switch(first)
    assert check_all(qtmodeltester, page, "on the first campaign") > 0
    switch(second)
    assert check_all(qtmodeltester, page, "after switching campaign") > 0
    page.reload()
    check_all(qtmodeltester, page, "after a reload")
    switch(first)
    page.reload()
    check_all(qtmodeltester, page, "after switching back and reloading")


@pytest.mark.parametrize("key", ["people", "campaigns", "print-log", "review", "statistics"])
def test_other_page_models_pass_the_model_tester_after_a_reload(qtmodeltester, window, key):
    window.show_page(key)
    page = window.pages[key]
    check_all(qtmodeltester, page, "as opened")
    page.reload()
    check_all(qtmodeltester, page, "after a reload")
    page.reload()
    check_all(qtmodeltester, page, "after a second reload")
