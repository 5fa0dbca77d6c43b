"""``thidua demo --plan FILE``: the demo unit built around one real plan, all the way to a verified package.

Runs on the three plans in ../shared/plans and on every fixture in tests/data/plans (their sources are in
tests/data/plans/SOURCES.json). A plan that allows no nomination stops before the dossier, saying why.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.dates import first_day, last_day
from desktop.campaigns import campaign as campaigns
from desktop.commands import main as cli
from desktop import clock
from desktop.demo import unit as demo
from desktop.council import meetings
from desktop.records import unit
from desktop.dossier import build as dossier, drafts
from desktop.store import Store

ROOT = Path(__file__).resolve().parent
SHARED = ROOT.parent.parent / "shared" / "plans"
PLANS = sorted(SHARED.glob("*.txt")) + sorted((ROOT / "data" / "plans").glob("*.txt")) + \
    sorted((ROOT / "data" / "plans").glob("*.md"))

# Plans that name no award a unit can be proposed for (checked by hand against each text).
NO_NOMINATION = {
    "cong-van-bo-tu-phap-2023-5034-khen-thuong-tong-ket",   # the Bộ asks for a summary report, names no award
    "cong-van-son-la-sgddt-2018-424-one-line",      # a call to report, no award or quota for units
    "huong-dan-da-nang-snv-2013-20-doi-song-van-hoa",
    "huong-dan-yen-bai-ubnd-2007-28",
    "quyet-dinh-bo-tu-phap-2021-665-giai-doan-2021-2025",
    "quyet-dinh-bo-tu-phap-2024-244-chuyen-de-so-tu-phap",
}
# Plans not reached yet, each with the reason (an xfail that must fail). None today: the 2009 letter, dated
# before every form the app has, drafts with the earliest ones, saying so.
KNOWN_GAPS: dict[str, str] = {}
DOSSIER_PLANS = [p for p in PLANS if p.stem not in NO_NOMINATION]


def _param(p: Path):
    marks = [pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[p.stem])] if p.stem in KNOWN_GAPS else []
    return pytest.param(p, id=p.stem, marks=marks)


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    from desktop.demo.pki import create_demo_pki

    return create_demo_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """One demo file per plan, made once for the module: path -> (db path, error or None)."""
    cache: dict[Path, tuple[Path, Exception | None]] = {}

    def get(plan: Path):
        if plan not in cache:
            path = tmp_path_factory.mktemp("plan") / "mau.sqlite"
            with Store(path) as store:
                try:
                    demo.fill_for_plan(store, plan)
                    error = None
                except Exception as e:  # noqa: BLE001 - the test reports it
                    error = e
            cache[plan] = (path, error)
        return cache[plan]
    return get


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared/plans is not beside the repository (a bare clone)")
def test_the_plan_list_is_there():
    """Beside the repository, the three real plans are all found: none is skipped by a wrong path."""
    assert len(list(SHARED.glob("*.txt"))) == 3
    assert {p.stem for p in PLANS} >= NO_NOMINATION | set(KNOWN_GAPS)


@pytest.mark.parametrize("plan", [pytest.param(p, id=p.stem) for p in PLANS if p.stem in NO_NOMINATION])
def test_a_plan_without_any_award_stops_before_the_dossier(plan, tmp_path, capsys):
    db = tmp_path / "mau.sqlite"
    assert cli.main(["--db", str(db), "demo", "--plan", str(plan)]) == 1
    out, err = capsys.readouterr()
    assert "Không có đề nghị khen thưởng" in err and "dừng trước hồ sơ" in err
    assert "Đã tạo dữ liệu mẫu" in out
    with Store(db) as store:
        assert store.one("SELECT count(*) AS n FROM nomination")["n"] == 0
        assert drafts.list_for_campaign(store, 1) == []
        assert store.one("SELECT count(*) AS n FROM campaign")["n"] == 1


@pytest.mark.parametrize("plan", [_param(p) for p in DOSSIER_PLANS])
def test_demo_around_a_plan_has_its_unit_campaign_ledger_nominations_and_dossier(plan, filled):
    from desktop.campaigns.plans.parser import parse_plan

    path, error = filled(plan)
    if error is not None:
        raise error
    x = parse_plan(plan)
    with Store(path) as store:
        c = campaigns.get(store, 1)
        assert (c.doc_date, c.issuer, c.place) == (x.date, x.issuer or "", x.place or "")
        if x.number:
            assert c.number == x.number
        profile = unit.get(store)
        if c.issuer:
            assert profile.governing_body == c.issuer and c.issuer in profile.name
        assert profile.province == c.place
        # The ledger measures the plan's criteria inside the campaign's period.
        rows = store.query("SELECT date, criterion_id FROM achievement WHERE campaign_id = 1")
        assert len(rows) >= 60
        if c.criteria:
            assert {r["criterion_id"] for r in rows} == {k.id for k in c.criteria}
        if c.period_start:
            assert min(r["date"] for r in rows) >= first_day(c.period_start).isoformat()
        if c.period_end:
            assert max(r["date"] for r in rows) <= last_day(c.period_end).isoformat()
        # Nominations only for the plan's own awards, within each quota.
        for a in c.awards:
            for col, quota in (("collective_id", a.quota_collective), ("person_id", a.quota_individual)):
                n = store.one(f"SELECT count(*) AS n FROM nomination WHERE campaign_award_id = ? "
                              f"AND {col} IS NOT NULL", (a.id,))["n"]
                assert quota is None or n <= quota, (a.award, col, n, quota)
        assert store.one("SELECT count(*) AS n FROM nomination WHERE campaign_id = 1")["n"] > 0
        assert store.one("SELECT count(*) AS n FROM nomination WHERE campaign_award_id NOT IN "
                         "(SELECT id FROM campaign_award WHERE campaign_id = 1)")["n"] == 0
        held = [m for m in meetings.list_for_campaign(store, 1) if m.held]
        assert len(held) == 1 and held[0].ballots and all(b.issued and b.yes for b in held[0].ballots)
        # Every document the plan lists is drafted and finalised, nothing left to fill.
        assert dossier.problems(store, 1) == []
        assert all(i.state == "hoan_thien" for i in dossier.required(store, 1))
        for d in drafts.list_for_campaign(store, 1):
            assert d.finalised and drafts.problems(store, d.id) == []


@pytest.mark.plan_matrix
@pytest.mark.parametrize("plan", [_param(p) for p in DOSSIER_PLANS])
def test_package_of_the_plan_demo_builds_and_verifies(plan, filled, pki, tmp_path, monkeypatch, capsys):
    path, error = filled(plan)
    if error is not None:
        raise error
    out = tmp_path / "goi.asice"
    monkeypatch.setenv("THIDUA_PIN", pki.password)
    assert cli.main(["--db", str(path), "package", "build", "1", str(out), "--p12", str(pki.signer_p12)]) == 0, \
        capsys.readouterr().err
    assert cli.main(["package", "verify", str(out), "--trust", str(pki.ca_pem)]) == 0
    assert "HỢP LỆ" in capsys.readouterr().out


def test_the_demo_day_lies_inside_the_plan_before_the_units_deadline():
    c = campaigns.Campaign("X", doc_date="2023-12-20", period_start="2023", period_end="2025",
                           deadline="--11-30")
    day = demo.plan_today(c)
    assert dt.date(2024, 1, 19) <= day <= dt.date(2025, 12, 31)
    assert campaigns.deadline_date(c, day) - day == dt.timedelta(days=12)
    assert demo.plan_unit(campaigns.Campaign("X", issuer="Sở Nội vụ tỉnh Bình Định", place="Bình Định")).name \
        == "Trung tâm Dịch vụ công trực thuộc Sở Nội vụ tỉnh Bình Định"


def test_the_plan_demo_leaves_the_clock_as_it_was(tmp_path):
    clock.set_now(dt.date(2031, 5, 4))
    try:
        with Store(tmp_path / "a.sqlite") as store:
            demo.fill_for_plan(store, DOSSIER_PLANS[0])  # a shared plan, or in a bare clone a fixture
        assert clock.today() == dt.date(2031, 5, 4)
    finally:
        clock.set_now(None)
