"""Forward migrations: a file at every older version opens with the current code, data intact.

To add a migration: append it to ``MIGRATIONS``, raise ``schema.SCHEMA_VERSION`` and add, below, a seeder for
the version it starts from (rows written with plain SQL against *that*
version's schema) and a checker of the same rows after a full migration.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.records import achievements as ach
from desktop.records import blobs, evidence, people
from desktop.records import search as search_mod
from desktop.records.check import check
from desktop.errors import StoreError
from desktop.store import Store, audit
from desktop.store import migrations, schema


def build_at_version(path, version: int, monkeypatch) -> None:
    """Create ``path`` as the app at schema ``version`` would have created it."""
    real = migrations.migrate
    with monkeypatch.context() as m:
        m.setattr(migrations, "migrate", functools.partial(real, target=version))
        store = Store(path)
        assert store.schema_version == version
        store.close()


# -- rows representative of each version -----------------------------------------------------------

def seed_v0(conn: sqlite3.Connection) -> None:
    """Version 0 is an empty file: nothing to keep but the file itself."""


def check_v0(store: Store) -> None:
    assert store.counts()["people"] == 0


BLOB = b"%PDF-1.4 minh chung v1\n"


def seed_v1(conn: sqlite3.Connection) -> None:
    import hashlib

    sha = hashlib.sha256(BLOB).hexdigest()
    conn.executescript(f"""
        INSERT INTO setting(key, value) VALUES ('evidence_max_bytes', '2048');
        INSERT INTO unit_profile(id, name, province) VALUES (1, 'Trung tâm Trợ giúp pháp lý', 'Hà Tĩnh');
        INSERT INTO collective(id, name, is_unit) VALUES (1, 'Trung tâm Trợ giúp pháp lý', 1);
        INSERT INTO collective(id, name, parent_id) VALUES (2, 'Phòng Nghiệp vụ 1', 1);
        INSERT INTO person(id, full_name, sort_key, birth_date, sex, collective_id, year_joined)
             VALUES (1, 'Đào Thị Hoa', 'k', '1985-03-04', 'nu', 2, 2010);
        INSERT INTO rating(person_id, year, rating) VALUES (1, 2024, 'xuat_sac');
        INSERT INTO prior_award(person_id, award, year) VALUES (1, 'Lao động tiên tiến', 2023);
        INSERT INTO achievement(id, date, person_id, title, measure_value, measure_unit)
             VALUES (1, '2025-03-01', 1, 'Số hóa hồ sơ vụ việc', 120, 'hồ sơ');
        INSERT INTO achievement(id, date, collective_id, title) VALUES (2, '2025-04-01', 2, 'Báo cáo chuyên đề');
        INSERT INTO blob(sha256, size, data) VALUES ('{sha}', {len(BLOB)}, x'{BLOB.hex()}');
        INSERT INTO evidence(achievement_id, sha256, file_name, media_type)
             VALUES (1, '{sha}', 'minh-chung.pdf', 'application/pdf');
    """)


def check_v1(store: Store) -> None:
    p = people.person_detail(store, 1)
    assert p.person.full_name == "Đào Thị Hoa"
    assert p.collective_name == "Phòng Nghiệp vụ 1"
    assert p.ratings == {2024: "xuat_sac"}
    assert [a.award for a in p.awards] == ["Lao động tiên tiến"]
    a = ach.get(store, 1)
    assert (a.title, a.measure_value, a.measure_unit) == ("Số hóa hồ sơ vụ việc", 120, "hồ sơ")
    ev = evidence.list_for(store, 1)
    assert [e.file_name for e in ev] == ["minh-chung.pdf"]
    assert b"".join(blobs.iter_chunks(store, ev[0].sha256)) == BLOB
    assert evidence.max_bytes(store) == 2048
    assert {h.title for h in search_mod.search(store, "dao hoa")} >= {"Đào Thị Hoa", "Số hóa hồ sơ vụ việc"}
    assert [h.title for h in search_mod.search(store, "bao cao")] == ["Báo cáo chuyên đề"]


def seed_v3(conn: sqlite3.Connection) -> None:
    seed_v1(conn)
    conn.executescript("""
        INSERT INTO campaign(id, kind, number, symbol, title, period_start, period_end, deadline, recipients)
             VALUES (1, 'Kế hoạch', '142/KH-STP', 'KH-STP', 'Ngày không giấy', '2025-01', '2025-12', '--12-05',
                     '["Các phòng, đơn vị"]');
        INSERT INTO campaign_criterion(id, campaign_id, position, subject, text, target_value, target_unit)
             VALUES (1, 1, 0, 'ca_hai', '100% văn bản xử lý trên môi trường mạng', 100, '%');
        INSERT INTO campaign_award(id, campaign_id, position, award, text, quota_collective, quota_individual)
             VALUES (1, 1, 0, 'Giấy khen của Giám đốc Sở', 'Giấy khen', 2, 5);
        INSERT INTO campaign_document(campaign_id, position, name, form, decree)
             VALUES (1, 0, 'Tờ trình', '01', '152/2025/NĐ-CP');
        UPDATE achievement SET campaign_id = 1, criterion_id = 1 WHERE id = 1;
    """)


def check_v3(store: Store) -> None:
    from desktop.campaigns import campaign as campaigns

    check_v1(store)
    c = campaigns.get(store, 1)
    assert (c.number, c.deadline, c.recipients) == ("142/KH-STP", "--12-05", ["Các phòng, đơn vị"])
    assert c.criteria[0].target_value == 100 and c.awards[0].quota_individual == 5
    assert ach.get(store, 1).criterion_id == 1


def seed_v4(conn: sqlite3.Connection) -> None:
    seed_v3(conn)
    conn.executescript("""
        INSERT INTO nomination(id, campaign_id, campaign_award_id, person_id, summary, status)
             VALUES (1, 1, 1, 1, 'Số hóa 120 hồ sơ', 'thong_qua');
        INSERT INTO nomination_achievement(nomination_id, achievement_id) VALUES (1, 1);
        INSERT INTO meeting(id, campaign_id, title, starts_at, ends_at, place, quorum, held)
             VALUES (1, 1, 'Họp xét', '2025-12-01T08:00', '2025-12-01T10:00', 'Phòng họp', 0.6667, 1);
        INSERT INTO meeting_member(meeting_id, position, name, role, present) VALUES (1, 0, 'Trần Văn Chủ', 'chu_tich', 1);
        INSERT INTO meeting_member(meeting_id, position, name, role, present) VALUES (1, 1, 'Lê Thị Thư', 'thu_ky', 1);
        INSERT INTO ballot(meeting_id, nomination_id, issued, returned, yes, no, invalid, rule, fraction)
             VALUES (1, 1, 2, 2, 2, 0, 0, 'more_than', 0.5);
    """)


def check_v4(store: Store) -> None:
    from desktop.council import meetings, nominations

    check_v3(store)
    assert nominations.get(store, 1).status == "thong_qua"
    m = meetings.get(store, 1)
    assert m.held and m.ballots[0].yes == 2 and meetings.quorum(m).ok
    assert ach.get(store, 1).classification == "thuong"  # v5 gives every achievement a classification


def seed_v5(conn: sqlite3.Connection) -> None:
    seed_v4(conn)
    conn.execute("INSERT INTO print_log(document, os_user, pages, copies, reason) "
                 "VALUES ('Tờ trình', 'van-thu', 2, 1, 'Nộp bản giấy')")
    conn.executescript("""
        INSERT INTO draft(id, kind, campaign_id, form) VALUES (1, 'to_trinh', 1, 'nd152-2025-mau01-to-trinh');
        INSERT INTO draft_version(draft_id, version, os_user, header, sections)
             VALUES (1, 1, 'vanthu', '{}', '{"mo_dau": "Thực hiện kế hoạch"}');
    """)


def check_v5(store: Store) -> None:
    from desktop.campaigns import campaign as campaigns
    from desktop.signing import trust
    from desktop.dossier import drafts, printing

    check_v4(store)
    assert [e["document"] for e in printing.entries(store)] == ["Tờ trình"]
    assert trust.list_all(store) == []   # the trust store starts empty: the app ships no certificate
    c = campaigns.get(store, 1)
    # Criteria read before relative targets existed keep their absolute target; plans had no phases kept.
    k = c.criteria[0]
    assert (k.target_value, k.target_unit, k.target_direction, k.target_reference) == (100, "%", None, "")
    assert c.phases == [] and c.issuer == ""
    d = drafts.get(store, 1)
    assert d.authority == "" and drafts.find(store, "to_trinh", 1).id == 1
    assert drafts.current(store, 1).sections == {"mo_dau": "Thực hiện kế hoạch"}
    p = people.get_person(store, 1)
    assert (p.ethnicity, p.hometown, p.education, p.political_theory) == ("", "", "", "")
    coll = people.get_collective(store, 2)
    assert coll.head_person_id is None and coll.functions == ""
    # Since the report fields (v12) a campaign may have one Tờ trình per approving authority.
    store.conn.execute("INSERT INTO draft(kind, campaign_id, form, authority) "
                       "VALUES ('to_trinh', 1, 'nd152-2025-mau01-to-trinh', 'chu_tich_ubnd_tinh')")
    store.conn.execute("DELETE FROM draft WHERE authority = 'chu_tich_ubnd_tinh'")


def seed_sent(conn: sqlite3.Connection) -> None:
    seed_v5(conn)
    conn.execute("UPDATE nomination SET status = 'da_gui' WHERE id = 1")


def check_sent(store: Store) -> None:
    """A nomination sent before outcomes existed gets its outcome, and so an award received."""
    import datetime as dt

    from desktop import clock
    from desktop.council import outcomes

    clock.set_now(dt.date(2026, 2, 1))
    if outcomes.get(store, 1) is None:
        check_v3(store)
        outcomes.record(store, 1, result="dat", decision_number="12/QĐ-STP", decision_date="20/01/2026")
    assert outcomes.get(store, 1).approved
    assert [a.award for a in people.prior_awards(store, person_id=1)] == [
        "Lao động tiên tiến", "Giấy khen của Giám đốc Sở"]


def seed_outcome(conn: sqlite3.Connection) -> None:
    seed_sent(conn)
    conn.executescript("""
        INSERT INTO prior_award(id, person_id, award, year, decision_number, decision_date)
             VALUES (7, 1, 'Giấy khen của Giám đốc Sở', 2025, '12/QĐ-STP', '2026-01-20');
        INSERT INTO nomination_outcome(nomination_id, result, decision_number, decision_date, award, prior_award_id)
             VALUES (1, 'dat', '12/QĐ-STP', '2026-01-20', 'Giấy khen của Giám đốc Sở', 7);
    """)


def check_outcome(store: Store) -> None:
    """Outcomes recorded before the yearly review existed stay; collectives can now be rated."""
    from desktop.council import outcomes, review

    o = outcomes.get(store, 1)
    assert (o.approved, o.prior_award_id) == (True, 7)
    review.set_collective_rating(store, 2, 2025, "tot")
    assert review.collective_ratings(store, 2)[2025] == "tot"


def seed_review(conn: sqlite3.Connection) -> None:
    seed_outcome(conn)
    conn.executescript("""
        INSERT INTO collective_rating(collective_id, year, rating) VALUES (2, 2024, 'xuat_sac');
        INSERT INTO yearly_review(year, status) VALUES (2025, 'dang_xet');
    """)


def check_review(store: Store) -> None:
    """Campaign nominations keep their campaign; an ad-hoc one (no campaign) can now be added."""
    from desktop.council import nominations, review

    check_outcome(store)
    assert review.collective_ratings(store, 2)[2024] == "xuat_sac"
    assert review.get(store, 2025).status == "dang_xet"
    n = nominations.get(store, 1)
    assert (n.campaign_id, n.campaign_award_id, n.award) == (1, 1, None)
    nid = nominations.save(store, nominations.Nomination(None, None, person_id=1, award="Giấy khen",
                                                         achievement_ids=[1]))
    assert nominations.get(store, nid).award == "Giấy khen của Giám đốc Sở"
    nominations.delete(store, nid)


def seed_phases(conn: sqlite3.Connection) -> None:
    """A campaign whose plan had two phases, kept as JSON, and the plan-wide line of their award."""
    seed_v5(conn)
    conn.executescript("""
        INSERT INTO campaign(id, kind, number, title, period_start, period_end, phases)
             VALUES (2, 'Kế hoạch', '12/KH-STP', 'Chuyển đổi số 2026-2030', '2026', '2030',
                     '[{"name": "Sơ kết giai đoạn 1", "period": {"start": "2026", "end": "2027"},
                        "deadline": "2027-11-15",
                        "awards": [{"award": "Giấy khen của Giám đốc Sở", "text": "Giấy khen",
                                    "collective": null, "individual": 1}]},
                       {"name": "Tổng kết", "period": {"start": "2028", "end": "2030"}, "deadline": null,
                        "awards": [{"award": "Giấy khen của Giám đốc Sở", "text": "Giấy khen",
                                    "collective": 2, "individual": 3}]}]');
        INSERT INTO campaign_award(id, campaign_id, position, award, text) VALUES (2, 2, 0, 'Giấy khen của Giám đốc Sở', 'Giấy khen');
        INSERT INTO campaign_award(id, campaign_id, position, award, text) VALUES (3, 2, 1, 'Chiến sĩ thi đua cơ sở', 'CSTĐCS');
    """)


def check_phases(store: Store) -> None:
    from desktop.campaigns import campaign as campaigns
    from desktop.council import nominations

    check_v5(store)
    c = campaigns.get(store, 1)
    assert c.phase_records == [] and [a.phase for a in c.awards] == [None]
    assert nominations.get(store, 1).phase_id is None
    c = campaigns.get(store, 2)
    assert [(p.name, p.period_start, p.period_end, p.deadline) for p in c.phase_records] == [
        ("Sơ kết giai đoạn 1", "2026", "2027", "2027-11-15"), ("Tổng kết", "2028", "2030", None)]
    # The unused plan-wide Giấy khen went to the phases, each with its own quota; CSTĐCS stays plan-wide.
    assert [(a.award, a.phase, a.quota_collective, a.quota_individual) for a in c.awards] == [
        ("Chiến sĩ thi đua cơ sở", None, None, None), ("Giấy khen của Giám đốc Sở", 0, None, 1),
        ("Giấy khen của Giám đốc Sở", 1, 2, 3)]
    assert store.scalar("SELECT count(*) FROM registration") == 0
    # The draft table takes the two new kinds of document, and still refuses others.
    store.conn.execute("INSERT INTO draft(kind, campaign_id, form) VALUES ('dang_ky', 2, 'x')")
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("INSERT INTO draft(kind, campaign_id, form) VALUES ('khac', 2, 'x')")
    store.conn.execute("DELETE FROM draft WHERE kind = 'dang_ky'")


def seed_phase_dossier(conn: sqlite3.Connection) -> None:
    """A campaign's Tờ trình (whole campaign) and a phase of that campaign, as version 14 keeps them."""
    seed_review(conn)
    conn.execute("INSERT INTO campaign_phase(id, campaign_id, position, name) VALUES (1, 1, 0, 'Sơ kết')")


def check_phase_dossier(store: Store) -> None:
    """The Tờ trình drafted before stays the whole campaign's; a phase may now have its own, once."""
    from desktop.dossier import drafts

    check_review(store)
    assert drafts.find(store, "to_trinh", 1).id == 1
    store.conn.execute("INSERT INTO draft(kind, campaign_id, form, phase_id) "
                       "VALUES ('to_trinh', 1, 'nd152-2025-mau01-to-trinh', 1)")
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("INSERT INTO draft(kind, campaign_id, form, phase_id) "
                           "VALUES ('to_trinh', 1, 'nd152-2025-mau01-to-trinh', 1)")
    assert drafts.find(store, "to_trinh", 1).id == 1
    store.conn.execute("DELETE FROM draft WHERE phase_id = 1")


def check_phase_dossier_and_year(store: Store) -> None:
    """Since version 16 the year's titles can be registered outside a campaign, once per subject and year."""
    from desktop.campaigns import yearly_registration as yr

    check_phase_dossier(store)
    assert yr.list_for_year(store, 2025) == []
    rid = yr.save(store, yr.YearRegistration(2025, person_id=1, titles=["Lao động tiên tiến"]))
    assert [r.name for r in yr.list_for_year(store, 2025)] == [people.get_person(store, 1).full_name]
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("INSERT INTO title_registration(year, person_id) VALUES (2025, 1)")
    yr.delete(store, rid)




def check_attachments(store: Store) -> None:
    """The attached paper is kept; the draft table takes the Công văn đề nghị (one per campaign)."""
    from desktop.dossier import attachments, drafts

    assert [a.file_name for a in attachments.list_for_campaign(store, 1)] == ["xac-nhan.pdf"]
    store.conn.execute("INSERT INTO draft(kind, campaign_id, form) VALUES ('cong_van', 1, 'nd30-2020-mau1.5-cong-van')")
    assert drafts.find(store, "cong_van", 1).form == "nd30-2020-mau1.5-cong-van"
    assert drafts.find(store, "to_trinh", 1).id == 1
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("INSERT INTO draft(kind, campaign_id, form) VALUES ('cong_van', 1, 'x')")
    store.conn.execute("DELETE FROM draft WHERE kind = 'cong_van'")


def seed_v14(conn: sqlite3.Connection) -> None:
    """A file at version 14 with every kind of row since: a phase, a Tờ trình, an attached paper."""
    seed_phase_dossier(conn)
    conn.executescript("""
        INSERT INTO dossier_attachment(campaign_id, item, file_name, media_type, sha256, size)
             SELECT 1, 'Xác nhận của cơ quan thuế', 'xac-nhan.pdf', 'application/pdf', sha256, size
               FROM blob LIMIT 1;
    """)


def check_latest(store: Store) -> None:
    """Since 15 a Tờ trình per phase, 16 the year's titles, 17 the review's meeting and documents, 18 the
    Công văn đề nghị (19 keys the search index by date: checked for every version below)."""
    check_phase_dossier_and_year(store)
    check_unit_documents(store)
    check_attachments(store)


def check_search_index(store: Store) -> None:
    """Since 19 the index keys an achievement by its date, then its id, and the ledger's search reads its
    first page in that order; the old rows were re-keyed, and the triggers keep new ones keyed."""
    conn = store.conn
    keys = lambda: sorted(r[0] for r in conn.execute("SELECT rowid FROM search_fts WHERE rowid % 2 = 0"))  # noqa: E731
    expected = lambda: sorted(2 * ((dt.date.fromisoformat(d).toordinal() + 1_721_424) << 32 | i)  # noqa: E731
                              for i, d in conn.execute("SELECT id, date FROM achievement"))
    assert keys() == expected()
    if not keys():
        return
    aid, title = conn.execute("SELECT id, title FROM achievement ORDER BY id LIMIT 1").fetchone()
    ach.update(store, dataclasses.replace(ach.get(store, aid), date=dt.date(2019, 1, 2)))
    assert keys() == expected()
    flt = ach.LedgerFilter(text=title)
    page = ach.first_page(store, flt, 50)
    assert aid in page.ids and page.ids == ach.query_ids(store, flt)[:50]


def check_unit_documents(store: Store) -> None:
    """The campaign's meeting and draft keep their campaign; a review now has its meeting and documents."""
    from desktop.dossier import drafts
    from desktop.council import meetings

    assert meetings.get(store, 1).campaign_id == 1 and meetings.get(store, 1).review_year is None
    assert drafts.get(store, 1).campaign_id == 1 and drafts.get(store, 1).review_year is None
    m = meetings.Meeting(None, meetings.get(store, 1).starts_at, "Họp bình xét", review_year=2025,
                         members=[meetings.Member("Trần Văn Chủ", role="chu_tich")])
    mid = meetings.save(store, m)
    assert mid in [x.id for x in meetings.list_for_review(store, 2025)]
    meetings.delete(store, mid)
    store.conn.execute("INSERT INTO draft(kind, review_year, form) VALUES ('quyet_dinh', 2025, 'x')")
    with pytest.raises(sqlite3.IntegrityError):  # one decision per review
        store.conn.execute("INSERT INTO draft(kind, review_year, form) VALUES ('quyet_dinh', 2025, 'y')")
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("INSERT INTO draft(kind, form) VALUES ('khac', 'x')")
    store.conn.execute("DELETE FROM draft WHERE kind = 'quyet_dinh'")


# Version 2 only added indexes: the rows of version 1 are representative of it too.
# Versions 6 (the application id) and 7 (the trust store) added no rows of their own: the rows of
# version 5 stand for them.
SEEDERS = {0: (seed_v0, check_v0), 1: (seed_v1, check_v1), 2: (seed_v1, check_v1), 3: (seed_v3, check_v3),
           4: (seed_v4, check_v4), 5: (seed_v5, check_v5), 6: (seed_v5, check_v5),
           7: (seed_v5, check_v5), 8: (seed_sent, check_sent), 9: (seed_outcome, check_outcome),
           10: (seed_review, check_review), 11: (seed_review, check_review),
           12: (seed_phases, check_phases),
           13: (seed_review, check_review), 14: (seed_v14, check_latest),
           15: (seed_v14, check_latest), 16: (seed_v14, check_latest), 17: (seed_v14, check_latest),
           18: (seed_v14, check_latest)}


def test_the_schema_version_is_the_number_of_migrations():
    assert schema.SCHEMA_VERSION == len(migrations.MIGRATIONS), (
        "raise desktop.store.schema.SCHEMA_VERSION with the migration you add")


def test_a_current_file_is_opened_without_loading_the_migrations(tmp_path):
    """Every command opens the file; only a file behind the code pays for importing every version's SQL."""
    path = tmp_path / "current.sqlite"
    Store(path).close()
    code = ("import sys; from desktop.store import Store; Store(sys.argv[1]).close(); "
            "print('desktop.store.migrations' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(Path(schema.__file__).parents[2])})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False"]


def test_every_older_version_has_a_seeder():
    assert set(range(schema.SCHEMA_VERSION)) <= set(SEEDERS), (
        "add a seeder and a checker for the version your migration starts from")


@pytest.mark.parametrize("version", range(schema.SCHEMA_VERSION))
def test_a_file_at_every_older_version_opens_with_the_current_code(tmp_path, monkeypatch, raw, version):
    path = tmp_path / f"v{version}.sqlite"
    build_at_version(path, version, monkeypatch)
    conn = raw(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    seed, verify = SEEDERS[version]
    seed(conn)
    conn.close()
    with Store(path) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert store.conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        verify(store)
        assert check(store) == []
        check_search_index(store)
    # Opening again changes nothing.
    with Store(path) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        verify(store)


def test_a_current_file_reopens_unchanged(tmp_path):
    path = tmp_path / "current.sqlite"
    with Store(path) as store:
        people.add_person(store, people.Person("Nguyễn Văn An"))
    before = _schema(path)
    with Store(path) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        assert [p.full_name for p in people.list_people(store)] == ["Nguyễn Văn An"]
    assert _schema(path) == before


def test_migrate_to_a_target_stops_there(tmp_path, monkeypatch):
    path = tmp_path / "v0.sqlite"
    build_at_version(path, 0, monkeypatch)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    conn.close()


def _failing_migration(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE half_done (x)")
    conn.execute("ALTER TABLE person ADD COLUMN nickname TEXT NOT NULL DEFAULT ''")
    raise RuntimeError("migration broke half-way")


def _with_failing_migration(monkeypatch):
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, _failing_migration])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(migrations.MIGRATIONS))


def _schema(path):
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("PRAGMA user_version").fetchone()[0],
                sorted(conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall(), key=repr),
                [r[1] for r in conn.execute("PRAGMA table_info(person)")])
    finally:
        conn.close()


def test_a_migration_failing_half_way_leaves_the_previous_version(tmp_path, monkeypatch):
    path = tmp_path / "current.sqlite"
    with Store(path) as store:
        people.add_person(store, people.Person("Nguyễn Văn An"))
    before = _schema(path)
    _with_failing_migration(monkeypatch)
    with pytest.raises(RuntimeError, match="half-way"):
        Store(path)
    after = _schema(path)
    assert after == before
    assert after[0] == len(migrations.MIGRATIONS) - 1
    assert "nickname" not in after[2]
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT full_name FROM person").fetchall() == [("Nguyễn Văn An",)]
    conn.close()


def test_a_failing_migration_keeps_the_earlier_ones_of_the_same_open(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    build_at_version(path, 0, monkeypatch)
    _with_failing_migration(monkeypatch)
    with pytest.raises(RuntimeError):
        Store(path)
    version, objects, _ = _schema(path)
    # Each migration commits with its version bump: the good ones stay, the bad one is gone.
    assert version == len(migrations.MIGRATIONS) - 1
    names = {name for _, name, _ in objects}
    assert "person" in names and "half_done" not in names


def test_a_failing_sql_migration_is_reported_in_vietnamese(tmp_path, monkeypatch):
    path = tmp_path / "current.sqlite"
    Store(path).close()

    def bad_sql(conn):
        conn.execute("CREATE TABLE ok_part (x)")
        conn.execute("ALTER TABLE no_such_table ADD COLUMN y")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, bad_sql])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(migrations.MIGRATIONS))
    with pytest.raises(StoreError, match="Lỗi cơ sở dữ liệu"):
        Store(path)
    version, objects, _ = _schema(path)
    assert version == len(migrations.MIGRATIONS) - 1
    assert "ok_part" not in {name for _, name, _ in objects}


def test_run_script_keeps_the_callers_transaction(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.sqlite", isolation_level=None)
    conn.execute("BEGIN")
    migrations.run_script(conn, "CREATE TABLE a (x);\nCREATE TABLE b (y);\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
                                "  INSERT INTO b VALUES (new.x);\nEND;\n")
    assert conn.in_transaction
    conn.execute("ROLLBACK")
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    with pytest.raises(ValueError, match="incomplete"):
        migrations.run_script(conn, "CREATE TABLE c (x)")
    conn.close()


def test_audit_triggers_follow_new_columns(store):
    """A migration that adds a column re-installs the triggers, and the new column is logged."""
    with store.transaction() as conn:
        conn.execute("ALTER TABLE collective ADD COLUMN code TEXT NOT NULL DEFAULT ''")
        audit.install_triggers(conn, "collective")
    cid = people.add_collective(store, people.Collective("Phòng A"))
    store.conn.execute("UPDATE collective SET code = 'PA' WHERE id = ?", (cid,))
    entry = audit.entries(store, "collective", cid)[0]
    assert entry.action == "update"
    assert entry.old_values["code"] == "" and entry.new_values["code"] == "PA"
