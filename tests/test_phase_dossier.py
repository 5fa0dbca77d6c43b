"""The dossier of one phase: its Tờ trình, Biên bản, Báo cáo and package cite only that phase."""
from __future__ import annotations

import zipfile

import pytest

from desktop.campaigns import campaign as campaigns
from desktop.commands import main as cli
from desktop.dossier import build as dossier, drafts
from desktop.council import nominations
from desktop.errors import UserError


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    from desktop.demo.pki import create_demo_pki

    return create_demo_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def phased(demo_store):
    """The demo's campaign with a finalised dossier, given a sơ kết and a tổng kết: two of its passed
    nominations and its meeting belong to the sơ kết."""
    c = campaigns.get(demo_store, 1)
    c.phase_records = [campaigns.CampaignPhase("Sơ kết giai đoạn 1"), campaigns.CampaignPhase("Tổng kết")]
    campaigns.save(demo_store, c)
    c = campaigns.get(demo_store, 1)
    phase = c.phase_records[0]
    passed = [r for r in nominations.list_for_campaign(demo_store, 1) if r.status == "thong_qua"]
    assert len(passed) >= 3
    ours, others = passed[:2], passed[2:]
    with demo_store.transaction() as conn:
        conn.execute(f"UPDATE nomination SET phase_id = ? WHERE id IN ({ours[0].id}, {ours[1].id})", (phase.id,))
        conn.execute("UPDATE meeting SET phase_id = ? WHERE campaign_id = 1", (phase.id,))
    return {"c": c, "phase": phase, "ours": ours, "others": others}


def _text(store, draft_id: int) -> str:
    doc = drafts.document(store, draft_id)
    return " ".join(str(b) for s in doc.sections for b in s.blocks)


def test_a_phase_to_trinh_cites_only_that_phase(demo_store, phased):
    phase, ours, others = phased["phase"], phased["ours"], phased["others"]
    whole = drafts.find(demo_store, "to_trinh", 1)
    draft_id = drafts.create(demo_store, "to_trinh", 1, phase_id=phase.id)
    assert draft_id != whole.id and drafts.find(demo_store, "to_trinh", 1).id == whole.id
    d = drafts.get(demo_store, draft_id)
    assert d.phase_id == phase.id and drafts.title(demo_store, d).endswith("(Sơ kết giai đoạn 1)")
    # Every authority's candidates of the phase are its two; the draft (one authority's) names some of them.
    every = drafts.context_to_trinh(demo_store, 1, "", phase.id)
    assert sorted(x["id"] for x in every["candidates"]) == sorted(r.id for r in ours)
    ctx = drafts.context(demo_store, d)
    assert ctx["campaign"]["name"].startswith("sơ kết giai đoạn 1 phong trào thi đua")
    assert ctx["candidates"] and {x["id"] for x in ctx["candidates"]} <= {r.id for r in ours}
    text = _text(demo_store, draft_id)
    assert "sơ kết giai đoạn 1 phong trào thi đua" in text
    assert all(x["name"] in text for x in ctx["candidates"]) and not any(r.name in text for r in others)
    # The whole campaign's Tờ trình still names everyone passed.
    assert {x["id"] for x in drafts.context_to_trinh(demo_store, 1)["candidates"]} >= {r.id for r in ours + others}
    # Asked again, the same draft; a phase of another campaign is refused.
    assert drafts.create(demo_store, "to_trinh", 1, phase_id=phase.id) == draft_id
    with pytest.raises(UserError, match="không có đợt này"):
        drafts.create(demo_store, "to_trinh", 3, phase_id=phase.id)


def test_a_phase_without_passed_nominations_has_no_to_trinh(demo_store, phased):
    tong_ket = phased["c"].phase_records[1]
    with pytest.raises(UserError, match="chưa họp xét cho đợt này"):
        drafts.create(demo_store, "to_trinh", 1, phase_id=tong_ket.id)


def test_the_phase_checklist_and_package_hold_only_its_documents(demo_store, phased, pki, tmp_path):
    from desktop.package.verify import verify_package
    from desktop.signing.keys import load_p12

    phase, ours, others = phased["phase"], phased["ours"], phased["others"]
    items = {i.kind: i for i in dossier.required(demo_store, 1, phase.id)}
    assert items["to_trinh"].state == "thieu"
    assert sorted(d.nomination_id for d in items["bao_cao"].drafts) == sorted(r.id for r in ours)
    assert len(items["bien_ban"].drafts) == 1
    for draft_id in {drafts.create(demo_store, "to_trinh", 1, phase_id=phase.id, authority=code)
                     for code in drafts.authorities_for(demo_store, 1, phase.id)}:
        drafts.edit(demo_store, draft_id, header={"number": str(60 + draft_id)}, note="Vào sổ văn bản đi")
        drafts.finalise(demo_store, draft_id)
    assert dossier.problems(demo_store, 1, phase.id) == []
    # The whole campaign's checklist is as it was: its own Tờ trình, every report.
    whole = {i.kind: i for i in dossier.required(demo_store, 1)}
    assert all(d.phase_id is None for d in whole["to_trinh"].drafts)
    assert len(whole["bao_cao"].drafts) == len(ours) + len(others)

    out = tmp_path / dossier.package_name(demo_store, 1, phase_id=phase.id)
    assert out.name != dossier.package_name(demo_store, 1)
    with load_p12(pki.signer_p12, pki.password) as identity:
        built = dossier.build(demo_store, 1, out, identity, phase_id=phase.id)
    assert verify_package(built.path, [pki.ca_pem], require_pdf_signatures=True).ok
    pdfs = [n for n in zipfile.ZipFile(built.path).namelist() if n.startswith("van-ban/") and n.endswith(".pdf")]
    phase_docs = [d for i in dossier.required(demo_store, 1, phase.id) for d in i.drafts]
    assert len(pdfs) == len(phase_docs) == len(drafts.authorities_for(demo_store, 1, phase.id)) + 1 + len(ours)
    assert not any(r.name in n for r in others for n in pdfs)
    status = {r.id: r.status for r in nominations.list_for_campaign(demo_store, 1)}
    assert all(status[r.id] == "da_gui" for r in ours) and all(status[r.id] == "thong_qua" for r in others)


def test_phase_on_the_command_line(demo_store, demo_path, phased, tmp_path, capsys, pki, monkeypatch):
    demo_store.close()
    out = tmp_path / "to-trinh.docx"
    assert cli.main(["--db", str(demo_path), "draft", "to-trinh", "1", "--phase", "1", "--out", str(out)]) == 0
    assert out.exists() and "Văn bản số" in capsys.readouterr().out
    assert cli.main(["--db", str(demo_path), "draft", "to-trinh", "1", "--phase", "3", "--out", str(out),
                     "--overwrite"]) == 2
    assert "không có đợt 3 (các đợt: 1. Sơ kết giai đoạn 1; 2. Tổng kết)" in capsys.readouterr().err
    folder = tmp_path / "ho-so"
    assert cli.main(["--db", str(demo_path), "draft", "all", "1", "--phase", "1", "--out", str(folder)]) == 0
    assert f"Đã soạn {1 + 1 + 2} văn bản" in capsys.readouterr().out
    names = sorted(p.name for p in folder.glob("*.pdf"))
    assert not any(r.name in n for r in phased["others"] for n in names)
    assert any(phased["ours"][0].name in n for n in names)
    # A package of the phase is refused while its Tờ trình is a draft, saying how to draft it for the phase.
    monkeypatch.setenv("THIDUA_PIN", pki.password)
    code = cli.main(["--db", str(demo_path), "package", "build", "1", str(tmp_path / "g.asice"), "--phase", "1",
                     "--p12", str(pki.signer_p12)])
    err = capsys.readouterr().err
    assert code == 2 and "còn là bản nháp" in err and "draft to-trinh 1 --phase 1" in err


def test_the_documents_page_lists_a_phase_to_trinh_apart(demo_store, phased):
    pytest.importorskip("PySide6")
    from desktop.ui.models.documents import dossier_items

    whole = {d.id for d in drafts.list_for_campaign(demo_store, 1) if d.kind == "to_trinh"}
    phase_draft = drafts.create(demo_store, "to_trinh", 1, phase_id=phased["phase"].id)
    to_trinh = [i for i in dossier_items(demo_store, 1) if i.kind == "to_trinh"]
    assert {i.draft_id for i in to_trinh[:-1]} == whole           # the campaign's own, as before
    assert to_trinh[-1].draft_id == phase_draft and to_trinh[-1].title.endswith("(Sơ kết giai đoạn 1)")
