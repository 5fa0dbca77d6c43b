"""Which documents the dossier needs is decided once, in :mod:`desktop.dossier.build`; the window shows that rule.

For campaigns imported from the three real plans in /work/shared/plans (``campaigns.import_plan``, the
app's own import) and carried to a held council meeting the way the clerk records it
(``test_dossier_review.campaign_from_plan``), at each step of drafting: the Hồ sơ page lists exactly
``build.dossier_documents``, the Gửi hồ sơ checklist shows exactly ``build.required``, and the two agree on
what is still to be drafted.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from desktop.council import nominations  # noqa: E402
from desktop.dossier import build, drafts  # noqa: E402
from desktop.ui.models.documents import ID_ROLE, KIND_ROLE, TARGET_ROLE, DossierModel  # noqa: E402
from desktop.ui.models.package import STATE_ROLE, ChecklistModel  # noqa: E402
from desktop.ui.qt import Qt  # noqa: E402
from test_dossier_review import PLANS, campaign_from_plan  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("isolated_settings")]


def page_rows(model: DossierModel) -> list[tuple]:
    """The Hồ sơ page's rows of the award dossier: kind, what the document is drafted for, its draft, whether
    still needed. (The page also lists the attached papers and the campaign's own registration and reports
    after them; those are not drafted by the dossier rule.)"""
    rows = []
    for r in range(model.rowCount()):
        ix = model.index(r, 0)
        item = model.item_at(r)
        if item.is_paper or item.kind in drafts.CAMPAIGN_KINDS or (item.draft and item.draft.phase_id):
            continue
        still_needed = "không còn cần" not in ix.data(Qt.ToolTipRole)
        rows.append((ix.data(KIND_ROLE), ix.data(TARGET_ROLE), ix.data(ID_ROLE), still_needed))
    return rows


def rule_rows(store, campaign_id: int) -> list[tuple]:
    return [(x.kind, x.target_id, x.draft.id if x.draft else None, x.needed)
            for x in build.dossier_documents(store, campaign_id)]


def checklist_rows(model: ChecklistModel) -> list[tuple]:
    """The checklist as shown: each required document, its state, and the lines under it."""
    rows = []
    for r in range(model.rowCount()):
        top = model.index(r, 0)
        lines = [model.index(k, 0, top).data() for k in range(model.rowCount(top))]
        rows.append((top.data(), top.data(STATE_ROLE), lines))
    return rows


def required_rows(store, campaign_id: int) -> list[tuple]:
    return [(i.name, i.state, [drafts.title(store, d) for d in i.drafts] + [a.file_name for a in i.attachments]
             + i.missing) for i in build.required(store, campaign_id)]


def check_window_shows_the_rule(store, campaign_id: int, documents: DossierModel, checklist: ChecklistModel):
    documents.set_campaign(campaign_id)
    checklist.set_campaign(campaign_id)
    page = page_rows(documents)
    assert page == rule_rows(store, campaign_id)
    assert checklist_rows(checklist) == required_rows(store, campaign_id)
    # The two lists agree: a document the Hồ sơ page still shows undrafted is missing on the checklist,
    # and a required document is complete only when every document of its kind on the page is finalised.
    for item in build.required(store, campaign_id):
        if item.kind is None:
            continue
        needed = [(target, draft_id) for kind, target, draft_id, still in page if kind == item.kind and still]
        undrafted = [t for t, draft_id in needed if draft_id is None]
        assert bool(undrafted) <= bool(item.missing), (item.name, undrafted)
        if item.state == "hoan_thien":
            assert needed and not undrafted
            assert all(drafts.get(store, draft_id).finalised for _t, draft_id in needed)
    return page


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_the_window_shows_the_dossier_rule_for_the_real_plans(qtbot, demo_store, plan):
    store = demo_store
    documents, checklist = DossierModel(store), ChecklistModel(store)
    cid = campaign_from_plan(store, plan)
    assert [i.kind for i in build.required(store, cid)], plan.name   # the plan lists documents the app drafts

    # The meeting is held and two nominations passed; nothing is drafted yet.
    page = check_window_shows_the_rule(store, cid, documents, checklist)
    assert {kind for kind, *_ in page} == {"to_trinh", "bien_ban", "bao_cao"}
    assert all(draft_id is None and still for _k, _t, draft_id, still in page)
    passed = [r for r in nominations.list_for_campaign(store, cid) if r.status == "thong_qua"]
    assert [t for kind, t, *_ in page if kind == "bao_cao"] == [r.id for r in passed] and len(passed) == 2

    # The Tờ trình for every approving authority, then the rest.
    drafts.create(store, "to_trinh", cid)
    page = check_window_shows_the_rule(store, cid, documents, checklist)
    assert all(draft_id for kind, _t, draft_id, _s in page if kind == "to_trinh")
    for kind, target, draft_id, _still in page:
        if draft_id is None:
            drafts.create(store, kind, target)
    page = check_window_shows_the_rule(store, cid, documents, checklist)
    assert all(draft_id for _k, _t, draft_id, _s in page)

    # Finalised where nothing is left to fill in.
    for _kind, _target, draft_id, _still in page:
        if not drafts.problems(store, draft_id):
            drafts.finalise(store, draft_id)
    check_window_shows_the_rule(store, cid, documents, checklist)

    # A passed nomination turned down after all: its Báo cáo is no longer needed, listed after those that are.
    nominations.set_status(store, passed[0].id, "khong_thong_qua")
    page = check_window_shows_the_rule(store, cid, documents, checklist)
    still = [row[3] for row in page]
    assert still == sorted(still, reverse=True) and not all(still)
    assert ("bao_cao", passed[0].id, False) in [(kind, t, s) for kind, t, _d, s in page]
