"""The campaign's dossier: the plan's checklist, refusal while incomplete, and a package the Sở can verify."""
from __future__ import annotations

import zipfile

import pytest

from desktop.commands import main as cli
from desktop.council import nominations
from desktop.dossier import build as dossier, drafts
from desktop.errors import UserError


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    from desktop.demo.pki import create_demo_pki

    return create_demo_pki(tmp_path_factory.mktemp("pki"))


def test_checklist_of_a_finalised_dossier(demo_store):
    items = dossier.required(demo_store, 1)
    assert [i.kind for i in items] == ["to_trinh", "bien_ban", "bao_cao"]
    assert all(i.state == "hoan_thien" and not i.missing for i in items)
    assert dossier.problems(demo_store, 1) == []


def test_checklist_says_what_is_missing(demo_store):
    items = {i.kind: i for i in dossier.required(demo_store, 2)}
    assert items["to_trinh"].state == "thieu" and "Tờ trình chưa được soạn" in items["to_trinh"].missing
    assert any("chưa họp xét" in m for m in items["bien_ban"].missing)
    # No meeting held: the Tờ trình is refused, saying what is missing, not drafted as if there were one.
    with pytest.raises(UserError, match="chưa họp xét"):
        drafts.create(demo_store, "to_trinh", 2)
    # Nothing of the dossier was drafted (the demo's sơ kết report is the campaign's own, not the dossier's).
    assert [d for d in drafts.list_for_campaign(demo_store, 2) if d.kind not in drafts.CAMPAIGN_KINDS] == []
    d = drafts.find(demo_store, "to_trinh", 1)
    drafts.reopen(demo_store, d.id)
    assert dossier.required(demo_store, 1)[0].state == "ban_nhap"
    assert any("còn là bản nháp" in p for p in dossier.problems(demo_store, 1))
    drafts.finalise(demo_store, d.id)
    assert dossier.required(demo_store, 1)[0].state == "hoan_thien"


def test_build_refuses_while_incomplete_and_writes_nothing(demo_store, tmp_path, pki):
    from desktop.signing.keys import load_p12

    folder = tmp_path / "goi"
    folder.mkdir()
    out = folder / "goi.asice"
    with load_p12(pki.signer_p12, pki.password) as identity, pytest.raises(UserError, match="Tờ trình chưa"):
        dossier.build(demo_store, 2, out, identity)
    assert list(folder.iterdir()) == []


def test_package_of_the_demo_dossier_verifies(demo_store, tmp_path, pki):
    from desktop.package.verify import verify_package
    from desktop.signing.keys import load_p12

    out = tmp_path / dossier.package_name(demo_store, 1)
    ev = demo_store.one("SELECT e.id, e.file_name FROM evidence e JOIN achievement a ON a.id = e.achievement_id "
                        "WHERE a.campaign_id = 1 LIMIT 1")
    with load_p12(pki.signer_p12, pki.password) as identity:
        built = dossier.build(demo_store, 1, out, identity, evidence_ids=[ev["id"]])
    report = verify_package(built.path, [pki.ca_pem], require_pdf_signatures=True)
    assert report.ok, [c.message for c in report.checks if not c.ok]
    names = zipfile.ZipFile(built.path).namelist()
    assert names[0] == "mimetype"
    assert sum(n.startswith("van-ban/") and n.endswith(".pdf") for n in names) == len(drafts.list_for_campaign(demo_store, 1))
    assert any(n.startswith("danh-sach/") and n.endswith(".xlsx") for n in names)
    assert any(n.startswith("minh-chung/") for n in names)
    statuses = {r.status for r in nominations.list_for_campaign(demo_store, 1)}
    assert "thong_qua" not in statuses and "da_gui" in statuses


def test_cli_package_build_and_verify(demo_path, tmp_path, pki, monkeypatch, capsys):
    out = tmp_path / "goi.asice"
    monkeypatch.setenv("THIDUA_PIN", pki.password)
    assert cli.main(["--db", str(demo_path), "package", "build", "1", str(out), "--p12", str(pki.signer_p12)]) == 0
    assert "Đã tạo gói hồ sơ" in capsys.readouterr().out
    assert cli.main(["package", "verify", str(out), "--trust", str(pki.ca_pem)]) == 0
    assert "HỢP LỆ" in capsys.readouterr().out
    assert cli.main(["--db", str(demo_path), "package", "build", "2", str(tmp_path / "b.asice"),
                     "--p12", str(pki.signer_p12)]) == 2
    assert "Chưa tạo được gói hồ sơ" in capsys.readouterr().err
