"""Choosing the form of a document: ``draft --form`` and the forms that fit the document's date (issue 10)."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.commands import main as cli
from desktop import clock
from desktop.dossier import drafts
from desktop.errors import UserError


@pytest.fixture
def fixed_clock():
    yield clock.set_now
    clock.set_now(None)


@pytest.mark.parametrize("on, expected", [
    (dt.date(2023, 6, 1), ["nd30-2020-mau1.4-to-trinh"]),
    (dt.date(2024, 6, 1), ["nd98-2023-mau01-to-trinh"]),
    (dt.date(2025, 7, 1), ["nd152-2025-mau01-to-trinh"]),
])
def test_the_forms_that_fit_a_tờ_trình_on_its_date(on, expected):
    assert [f.path.stem for f in drafts.fitting_forms("to_trinh", on=on)] == expected


def test_reports_that_fit_a_person_in_2023_are_the_nd91_ones():
    stems = [f.path.stem for f in drafts.fitting_forms("bao_cao", "ca_nhan", on=dt.date(2023, 3, 1))]
    assert stems == ["nd91-2017-mau07-bao-cao-ca-nhan"]


def test_draft_with_a_chosen_form_and_a_refused_one(demo_store, fixed_clock, tmp_path, capsys):
    fixed_clock(dt.date(2026, 1, 10))
    ids = [d.id for d in drafts.list_for_campaign(demo_store, 1) if d.kind == "to_trinh"]
    with demo_store.transaction() as conn:
        for i in ids:
            conn.execute("DELETE FROM draft WHERE id = ?", (i,))
    with pytest.raises(UserError, match=r"Mẫu “nd98-2023-mau01-to-trinh” không dùng được.*"
                                        r"nd152-2025-mau01-to-trinh"):
        drafts.create(demo_store, "to_trinh", 1, form="nd98-2023-mau01-to-trinh")
    assert not any(d.kind == "to_trinh" for d in drafts.list_for_campaign(demo_store, 1))
    draft_id = drafts.create(demo_store, "to_trinh", 1, form="nd152-2025-mau01-to-trinh")
    assert drafts.get(demo_store, draft_id).form == "nd152-2025-mau01-to-trinh"


def _campaign(name: str, form: str, decree: str | None):
    from desktop.campaigns import campaign as campaigns

    return campaigns.Campaign("Phong trào", documents=[campaigns.DossierDocument(name, form, decree)])


def test_a_mistyped_decree_is_read_by_its_number_and_year_and_said_so():
    c = _campaign("Tờ trình đề nghị khen thưởng", "01", "98/2023/NQ-CP")
    form, why = drafts.form_choice(c, "to_trinh", on=dt.date(2024, 9, 1))
    assert form.path.stem == "nd98-2023-mau01-to-trinh"
    assert "98/2023/NQ-CP" in why and "98/2023/NĐ-CP" in why


def test_a_form_replaced_at_the_documents_date_is_kept_with_a_warning_offering_the_current_one():
    c = _campaign("Báo cáo thành tích", "07", "91/2017/NĐ-CP")
    form, why = drafts.form_choice(c, "bao_cao", "ca_nhan", on=dt.date(2025, 9, 1))
    assert form.path.stem == "nd91-2017-mau07-bao-cao-ca-nhan"
    assert "đã được thay thế" in why and "91/2017/NĐ-CP" in why and "--form nd152-2025-mau08-bao-cao-ca-nhan" in why
    # While it was in force, the cited form is kept without a word.
    form, why = drafts.form_choice(c, "bao_cao", "ca_nhan", on=dt.date(2023, 5, 1))
    assert (form.path.stem, why) == ("nd91-2017-mau07-bao-cao-ca-nhan", "")


def test_a_form_number_in_two_decrees_is_chosen_by_the_campaigns_kind_and_date():
    c = _campaign("Báo cáo thành tích", "08", None)
    form, why = drafts.form_choice(c, "bao_cao", "tap_the", on=dt.date(2024, 9, 1))
    assert form.path.stem == "nd98-2023-mau08-bao-cao-tap-the"
    assert "có ở 2 nghị định" in why and "chuyên đề" in why and "01/09/2024" in why


def test_draft_form_on_an_existing_draft_drafts_it_again_with_that_form(demo_store, fixed_clock, tmp_path, capsys):
    """``draft KIND TARGET --form X`` on a draft made earlier redrafts it with X (drafts.change_form, the window's
    chooser too); the earlier text stays in the history, a finalised document is refused, a form that does not fit
    the document's date is refused naming those that do."""
    from pypdf import PdfReader

    from desktop.council import nominations

    fixed_clock(dt.date(2025, 9, 1))
    r = next(r for r in nominations.list_for_campaign(demo_store, 1) if r.status == "thong_qua"
             and r.subject_kind == "person")
    d = drafts.find(demo_store, "bao_cao", r.id)
    drafts.reopen(demo_store, d.id)
    drafts.edit(demo_store, d.id, header={"date": "2025-08-15"})
    options = drafts.form_options(demo_store, "bao_cao", r.id, d.id)
    assert options.on == dt.date(2025, 8, 15) and options.chosen.id == d.form
    fitting = [f.id for f in drafts.fitting_forms("bao_cao", "ca_nhan", dt.date(2025, 8, 15))]
    assert [f.id for f in options.forms] == (fitting if d.form in fitting else [d.form, *fitting])
    other = next(f.id for f in options.forms if f.id != d.form)
    before = drafts.current(demo_store, d.id).version
    demo_store.close()
    out = tmp_path / "bao-cao.pdf"
    assert cli.main(["--db", str(demo_store.path), "draft", "bao-cao", str(r.id), "--out", str(out),
                     "--form", other]) == 0
    assert f"mẫu {other}" in capsys.readouterr().out
    from desktop.store import Store

    with Store(demo_store.path) as store:
        assert drafts.get(store, d.id).form == other
        versions = drafts.history(store, d.id)
        assert versions[0].version == before + 1 and versions[0].note.startswith("Đổi mẫu")
        assert drafts.form_options(store, "bao_cao", r.id, d.id).reason.startswith("Soạn lại theo")
    assert PdfReader(str(out)).pages
    assert cli.main(["--db", str(demo_store.path), "draft", "bao-cao", str(r.id), "--out", str(out), "--overwrite",
                     "--form", "nd91-2017-mau07-bao-cao-ca-nhan"]) == 2
    assert "không dùng được" in capsys.readouterr().err


def test_form_options_of_a_document_not_drafted_give_the_reason_and_the_form_in_force(demo_store, fixed_clock):
    from desktop.campaigns import campaign as campaigns
    from desktop.council import nominations

    fixed_clock(dt.date(2025, 9, 1))
    c = campaigns.get(demo_store, 2)
    c.documents = [campaigns.DossierDocument("Báo cáo thành tích", "07", "91/2017/NĐ-CP")]
    campaigns.save(demo_store, c)
    nid = nominations.list_for_campaign(demo_store, 2)[0].id
    options = drafts.form_options(demo_store, "bao_cao", nid)
    assert options.chosen.id.startswith("nd91-2017-mau07") and options.replaced
    assert options.current is not None and options.current.id.startswith("nd152-2025-mau08")
    assert "Cảnh báo" in options.reason and options.forms[0] == options.chosen
    assert all(f.in_force(dt.date(2025, 9, 1)) for f in options.forms[1:])


def test_a_document_dated_before_every_form_takes_the_earliest_and_says_so(fixed_clock):
    """Công văn 13/BTC-TĐKT (2009) asks for dossiers by 31/01/2010: no form the app has was in force then."""
    from desktop.campaigns import campaign as campaigns

    fixed_clock(dt.date(2010, 1, 18))
    form, why = drafts.form_choice(campaigns.Campaign("Phong trào"), "to_trinh", on=dt.date(2010, 1, 18))
    assert form.path.stem == "nd30-2020-mau1.4-to-trinh"
    assert "18/01/2010" in why and form.label in why and "sớm nhất" in why
    # A date with a form in force keeps the usual choice, without a reason.
    assert drafts.form_choice(campaigns.Campaign("Phong trào"), "to_trinh", on=dt.date(2024, 6, 1)) == \
        (drafts.fitting_forms("to_trinh", on=dt.date(2024, 6, 1))[0], "")
