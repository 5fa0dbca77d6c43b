"""Forward migrations of the schema, one function per version.

``PRAGMA user_version`` holds the version of a file. Opening a file runs every
migration above its version, each in its own transaction together with the
version bump, so a file is always at exactly one known version. A file from a
newer version of the app is refused rather than guessed at.

To change the schema, append a function to :data:`MIGRATIONS` and raise
:data:`desktop.store.schema.SCHEMA_VERSION`; never edit one that has shipped.
``tests/test_migrations.py`` builds a file at every older version, fills it,
and opens it with the current code.
"""
from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Callable

from desktop.errors import StoreError
from desktop.store import audit, schema

if TYPE_CHECKING:
    from desktop.store.db import Store


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run SQL statements one by one inside the caller's transaction.

    ``executescript`` would commit the open transaction first, which would
    leave a migration half-applied after a failure.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement[:80]}")


def _v1_ledger(conn: sqlite3.Connection) -> None:
    run_script(conn, 
        """
        CREATE TABLE setting (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );

        CREATE TABLE unit_profile (
            id             INTEGER PRIMARY KEY CHECK (id = 1),
            name           TEXT NOT NULL DEFAULT '',
            governing_body TEXT NOT NULL DEFAULT '',
            province       TEXT NOT NULL DEFAULT '',
            abbreviation   TEXT NOT NULL DEFAULT '',
            head_name      TEXT NOT NULL DEFAULT '',
            head_title     TEXT NOT NULL DEFAULT '',
            clerk_name     TEXT NOT NULL DEFAULT ''
        );

        CREATE TABLE collective (
            id        INTEGER PRIMARY KEY,
            name      TEXT NOT NULL CHECK (name <> ''),
            parent_id INTEGER REFERENCES collective(id) ON DELETE RESTRICT,
            is_unit   INTEGER NOT NULL DEFAULT 0 CHECK (is_unit IN (0, 1)),
            note      TEXT NOT NULL DEFAULT ''
        );
        CREATE UNIQUE INDEX collective_one_unit ON collective(is_unit) WHERE is_unit = 1;

        CREATE TABLE person (
            id            INTEGER PRIMARY KEY,
            full_name     TEXT NOT NULL CHECK (full_name <> ''),
            sort_key      TEXT NOT NULL,
            birth_date    TEXT CHECK (birth_date IS NULL OR date(birth_date) = birth_date),
            sex           TEXT CHECK (sex IS NULL OR sex IN ('nam', 'nu')),
            position      TEXT NOT NULL DEFAULT '',
            rank          TEXT NOT NULL DEFAULT '',
            collective_id INTEGER REFERENCES collective(id) ON DELETE RESTRICT,
            year_joined   INTEGER CHECK (year_joined IS NULL OR year_joined BETWEEN 1900 AND 2200)
        );
        CREATE INDEX person_sort ON person(sort_key);
        CREATE INDEX person_collective ON person(collective_id);

        CREATE TABLE rating (
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            year      INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
            rating    TEXT NOT NULL CHECK (rating IN ('xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh')),
            PRIMARY KEY (person_id, year)
        );

        CREATE TABLE prior_award (
            id              INTEGER PRIMARY KEY,
            person_id       INTEGER REFERENCES person(id) ON DELETE CASCADE,
            collective_id   INTEGER REFERENCES collective(id) ON DELETE CASCADE,
            award           TEXT NOT NULL CHECK (award <> ''),
            year            INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
            decision_number TEXT NOT NULL DEFAULT '',
            decision_date   TEXT CHECK (decision_date IS NULL OR date(decision_date) = decision_date),
            issuer          TEXT NOT NULL DEFAULT '',
            CHECK ((person_id IS NULL) <> (collective_id IS NULL))
        );
        CREATE INDEX prior_award_person ON prior_award(person_id);
        CREATE INDEX prior_award_collective ON prior_award(collective_id);

        CREATE TABLE achievement (
            id            INTEGER PRIMARY KEY,
            date          TEXT NOT NULL CHECK (date(date) = date),
            person_id     INTEGER REFERENCES person(id) ON DELETE RESTRICT,
            collective_id INTEGER REFERENCES collective(id) ON DELETE RESTRICT,
            title         TEXT NOT NULL CHECK (title <> ''),
            description   TEXT NOT NULL DEFAULT '',
            criterion     TEXT NOT NULL DEFAULT '',
            measure_value REAL,
            measure_unit  TEXT NOT NULL DEFAULT '',
            archived_at   TEXT,
            created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            CHECK ((person_id IS NULL) <> (collective_id IS NULL))
        );
        CREATE INDEX achievement_date ON achievement(date);
        CREATE INDEX achievement_person ON achievement(person_id);
        CREATE INDEX achievement_collective ON achievement(collective_id);

        -- Evidence files, content-addressed: one blob per distinct content.
        CREATE TABLE blob (
            sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
            size   INTEGER NOT NULL CHECK (size >= 0),
            data   BLOB NOT NULL
        );
        CREATE TABLE evidence (
            id             INTEGER PRIMARY KEY,
            achievement_id INTEGER NOT NULL REFERENCES achievement(id) ON DELETE CASCADE,
            sha256         TEXT NOT NULL REFERENCES blob(sha256) ON DELETE RESTRICT,
            file_name      TEXT NOT NULL CHECK (file_name <> ''),
            media_type     TEXT NOT NULL DEFAULT 'application/octet-stream',
            added_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE INDEX evidence_achievement ON evidence(achievement_id);
        CREATE INDEX evidence_blob ON evidence(sha256);

        CREATE TABLE audit_log (
            id         INTEGER PRIMARY KEY,
            at         TEXT NOT NULL,
            os_user    TEXT NOT NULL,
            table_name TEXT NOT NULL,
            row_id     TEXT NOT NULL,
            action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
            old_values TEXT,
            new_values TEXT
        );
        CREATE INDEX audit_row ON audit_log(table_name, row_id);

        -- Full-text search over folded text (no case, no diacritics, đ = d).
        -- rowid = 2*id for an achievement, 2*id+1 for a person.
        CREATE VIRTUAL TABLE search_fts USING fts5(
            body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
        );
        CREATE VIEW achievement_search_text AS
            SELECT a.id AS id,
                   thidua_fold(a.title || ' ' || a.description || ' ' || a.criterion || ' ' ||
                               a.measure_unit || ' ' || coalesce(p.full_name, c.name, '')) AS body
              FROM achievement a
              LEFT JOIN person p ON p.id = a.person_id
              LEFT JOIN collective c ON c.id = a.collective_id;
        CREATE VIEW person_search_text AS
            SELECT p.id AS id,
                   thidua_fold(p.full_name || ' ' || p.position || ' ' || p.rank || ' ' ||
                               coalesce(c.name, '')) AS body
              FROM person p LEFT JOIN collective c ON c.id = p.collective_id;

        CREATE TRIGGER achievement_fts_insert AFTER INSERT ON achievement BEGIN
            INSERT INTO search_fts(rowid, body)
                SELECT 2 * id, body FROM achievement_search_text WHERE id = new.id;
        END;
        CREATE TRIGGER achievement_fts_update AFTER UPDATE ON achievement BEGIN
            DELETE FROM search_fts WHERE rowid = 2 * old.id;
            INSERT INTO search_fts(rowid, body)
                SELECT 2 * id, body FROM achievement_search_text WHERE id = new.id;
        END;
        CREATE TRIGGER achievement_fts_delete AFTER DELETE ON achievement BEGIN
            DELETE FROM search_fts WHERE rowid = 2 * old.id;
        END;

        CREATE TRIGGER person_fts_insert AFTER INSERT ON person BEGIN
            INSERT INTO search_fts(rowid, body)
                SELECT 2 * id + 1, body FROM person_search_text WHERE id = new.id;
        END;
        CREATE TRIGGER person_fts_update AFTER UPDATE ON person BEGIN
            DELETE FROM search_fts WHERE rowid = 2 * old.id + 1;
            INSERT INTO search_fts(rowid, body)
                SELECT 2 * id + 1, body FROM person_search_text WHERE id = new.id;
            UPDATE search_fts SET body = (SELECT body FROM achievement_search_text WHERE id = search_fts.rowid / 2)
             WHERE new.full_name IS NOT old.full_name
               AND rowid IN (SELECT 2 * id FROM achievement WHERE person_id = new.id);
        END;
        CREATE TRIGGER person_fts_delete AFTER DELETE ON person BEGIN
            DELETE FROM search_fts WHERE rowid = 2 * old.id + 1;
        END;
        CREATE TRIGGER collective_fts_update AFTER UPDATE OF name ON collective BEGIN
            UPDATE search_fts SET body = (SELECT body FROM achievement_search_text WHERE id = search_fts.rowid / 2)
             WHERE rowid IN (SELECT 2 * id FROM achievement WHERE collective_id = new.id);
            UPDATE search_fts SET body = (SELECT body FROM person_search_text WHERE id = search_fts.rowid / 2)
             WHERE rowid IN (SELECT 2 * id + 1 FROM person WHERE collective_id = new.id);
        END;
        """
    )
    for table in ("unit_profile", "collective", "person", "rating", "prior_award", "achievement", "evidence", "setting"):
        audit.install_triggers(conn, table)
    audit.install_triggers(conn, "blob", exclude=("data",), key="sha256")


def _v2_ledger_indexes(conn: sqlite3.Connection) -> None:
    """Indexes that let the ledger open in tens of milliseconds on 100,000 achievements.

    The live ledger is read in date order; a partial index over (date, id) of the
    live rows covers that query, so SQLite neither sorts nor touches archived rows.
    """
    run_script(conn, """
        CREATE INDEX achievement_live_date ON achievement(date, id) WHERE archived_at IS NULL;
        CREATE INDEX achievement_archived_date ON achievement(date, id) WHERE archived_at IS NOT NULL;
        """)


def _v3_campaigns(conn: sqlite3.Connection) -> None:
    """Campaigns (phong trào thi đua) as their plans set them, and achievements linked to them.

    Dates of a plan are kept as precise as written: ``2025``, ``2025-07`` or
    ``2025-07-28``; a yearly deadline is ``--01-04``.
    """
    run_script(conn, """
        CREATE TABLE campaign (
            id               INTEGER PRIMARY KEY,
            kind             TEXT NOT NULL DEFAULT 'Kế hoạch',
            number           TEXT,
            symbol           TEXT NOT NULL DEFAULT '',
            place            TEXT NOT NULL DEFAULT '',
            doc_date         TEXT,
            title            TEXT NOT NULL CHECK (title <> ''),
            period_start     TEXT,
            period_end       TEXT,
            deadline         TEXT,
            signer_authority TEXT NOT NULL DEFAULT '',
            signer_title     TEXT NOT NULL DEFAULT '',
            signer_name      TEXT NOT NULL DEFAULT '',
            recipients       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recipients)),
            paperless        INTEGER NOT NULL DEFAULT 0 CHECK (paperless IN (0, 1)),
            note             TEXT NOT NULL DEFAULT '',
            source_name      TEXT,
            source_sha256    TEXT REFERENCES blob(sha256) ON DELETE RESTRICT,
            created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE TABLE campaign_criterion (
            id           INTEGER PRIMARY KEY,
            campaign_id  INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            position     INTEGER NOT NULL,
            subject      TEXT NOT NULL DEFAULT 'ca_hai' CHECK (subject IN ('tap_the', 'ca_nhan', 'ca_hai')),
            text         TEXT NOT NULL CHECK (text <> ''),
            target_value REAL,
            target_unit  TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX campaign_criterion_campaign ON campaign_criterion(campaign_id, position);
        CREATE TABLE campaign_award (
            id               INTEGER PRIMARY KEY,
            campaign_id      INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            position         INTEGER NOT NULL,
            award            TEXT,
            text             TEXT NOT NULL DEFAULT '',
            quota_collective INTEGER CHECK (quota_collective IS NULL OR quota_collective >= 0),
            quota_individual INTEGER CHECK (quota_individual IS NULL OR quota_individual >= 0)
        );
        CREATE INDEX campaign_award_campaign ON campaign_award(campaign_id, position);
        CREATE TABLE campaign_document (
            id          INTEGER PRIMARY KEY,
            campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            position    INTEGER NOT NULL,
            name        TEXT NOT NULL CHECK (name <> ''),
            form        TEXT,
            decree      TEXT
        );
        CREATE INDEX campaign_document_campaign ON campaign_document(campaign_id, position);
        ALTER TABLE achievement ADD COLUMN campaign_id INTEGER REFERENCES campaign(id) ON DELETE SET NULL;
        ALTER TABLE achievement ADD COLUMN criterion_id INTEGER REFERENCES campaign_criterion(id) ON DELETE SET NULL;
        CREATE INDEX achievement_campaign ON achievement(campaign_id, criterion_id);
        """)
    for table in ("campaign", "campaign_criterion", "campaign_award", "campaign_document", "achievement"):
        audit.install_triggers(conn, table)


def _v4_nominations(conn: sqlite3.Connection) -> None:
    """Nominations for a campaign's awards, and the council meetings that vote on them."""
    run_script(conn, """
        CREATE TABLE nomination (
            id                INTEGER PRIMARY KEY,
            campaign_id       INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            campaign_award_id INTEGER NOT NULL REFERENCES campaign_award(id) ON DELETE RESTRICT,
            person_id         INTEGER REFERENCES person(id) ON DELETE RESTRICT,
            collective_id     INTEGER REFERENCES collective(id) ON DELETE RESTRICT,
            summary           TEXT NOT NULL DEFAULT '',
            status            TEXT NOT NULL DEFAULT 'du_kien'
                              CHECK (status IN ('du_kien', 'trinh_hop_xet', 'thong_qua', 'khong_thong_qua', 'da_gui')),
            override_reason   TEXT,
            created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            CHECK ((person_id IS NULL) <> (collective_id IS NULL))
        );
        CREATE UNIQUE INDEX nomination_person ON nomination(campaign_award_id, person_id) WHERE person_id IS NOT NULL;
        CREATE UNIQUE INDEX nomination_collective ON nomination(campaign_award_id, collective_id)
            WHERE collective_id IS NOT NULL;
        CREATE INDEX nomination_campaign ON nomination(campaign_id, status);
        CREATE TABLE nomination_achievement (
            nomination_id  INTEGER NOT NULL REFERENCES nomination(id) ON DELETE CASCADE,
            achievement_id INTEGER NOT NULL REFERENCES achievement(id) ON DELETE RESTRICT,
            PRIMARY KEY (nomination_id, achievement_id)
        );
        CREATE TABLE meeting (
            id          INTEGER PRIMARY KEY,
            campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            title       TEXT NOT NULL DEFAULT '',
            starts_at   TEXT NOT NULL,
            ends_at     TEXT,
            place       TEXT NOT NULL DEFAULT '',
            quorum      REAL NOT NULL CHECK (quorum > 0 AND quorum <= 1),
            held        INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),
            note        TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE meeting_member (
            id              INTEGER PRIMARY KEY,
            meeting_id      INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
            position        INTEGER NOT NULL,
            person_id       INTEGER REFERENCES person(id) ON DELETE SET NULL,
            name            TEXT NOT NULL CHECK (name <> ''),
            title           TEXT NOT NULL DEFAULT '',
            role            TEXT NOT NULL DEFAULT 'uy_vien'
                            CHECK (role IN ('chu_tich', 'pho_chu_tich', 'thu_ky', 'uy_vien', 'khach')),
            present         INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
            written_opinion TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX meeting_member_meeting ON meeting_member(meeting_id, position);
        CREATE TABLE ballot (
            meeting_id    INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
            nomination_id INTEGER NOT NULL REFERENCES nomination(id) ON DELETE CASCADE,
            issued        INTEGER NOT NULL CHECK (issued >= 0),
            returned      INTEGER NOT NULL CHECK (returned >= 0 AND returned <= issued),
            yes           INTEGER NOT NULL CHECK (yes >= 0),
            no            INTEGER NOT NULL CHECK (no >= 0),
            invalid       INTEGER NOT NULL CHECK (invalid >= 0),
            rule          TEXT NOT NULL CHECK (rule IN ('at_least', 'more_than')),
            fraction      REAL NOT NULL CHECK (fraction > 0 AND fraction <= 1),
            rule_source   TEXT NOT NULL DEFAULT '',
            CHECK (yes + no + invalid = returned),
            PRIMARY KEY (meeting_id, nomination_id)
        );
        """)
    for table in ("nomination", "nomination_achievement", "meeting", "meeting_member"):
        audit.install_triggers(conn, table)
    audit.install_triggers(conn, "ballot", key="nomination_id")


def _v5_drafts(conn: sqlite3.Connection) -> None:
    """Drafted documents with their history, classifications, and the print log."""
    run_script(conn, """
        CREATE TABLE draft (
            id             INTEGER PRIMARY KEY,
            kind           TEXT NOT NULL CHECK (kind IN ('to_trinh', 'bien_ban', 'bao_cao')),
            campaign_id    INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            meeting_id     INTEGER REFERENCES meeting(id) ON DELETE CASCADE,
            nomination_id  INTEGER REFERENCES nomination(id) ON DELETE CASCADE,
            form           TEXT NOT NULL,
            classification TEXT NOT NULL DEFAULT 'thuong'
                           CHECK (classification IN ('thuong', 'mat', 'toi_mat', 'tuyet_mat')),
            status         TEXT NOT NULL DEFAULT 'nhap' CHECK (status IN ('nhap', 'hoan_thien')),
            created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            finalised_at   TEXT,
            pdf_sha256     TEXT REFERENCES blob(sha256) ON DELETE RESTRICT,
            docx_sha256    TEXT REFERENCES blob(sha256) ON DELETE RESTRICT
        );
        CREATE UNIQUE INDEX draft_to_trinh ON draft(campaign_id) WHERE kind = 'to_trinh';
        CREATE UNIQUE INDEX draft_bien_ban ON draft(meeting_id) WHERE kind = 'bien_ban';
        CREATE UNIQUE INDEX draft_bao_cao ON draft(nomination_id) WHERE kind = 'bao_cao';
        CREATE TABLE draft_version (
            id         INTEGER PRIMARY KEY,
            draft_id   INTEGER NOT NULL REFERENCES draft(id) ON DELETE CASCADE,
            version    INTEGER NOT NULL,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            os_user    TEXT NOT NULL,
            note       TEXT NOT NULL DEFAULT '',
            header     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(header)),
            sections   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(sections)),
            UNIQUE (draft_id, version)
        );
        CREATE TABLE print_log (
            id        INTEGER PRIMARY KEY,
            draft_id  INTEGER REFERENCES draft(id) ON DELETE SET NULL,
            document  TEXT NOT NULL,
            at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            os_user   TEXT NOT NULL,
            printer   TEXT NOT NULL DEFAULT '',
            pages     INTEGER NOT NULL CHECK (pages >= 0),
            copies    INTEGER NOT NULL CHECK (copies >= 1),
            reason    TEXT NOT NULL
        );
        ALTER TABLE achievement ADD COLUMN classification TEXT NOT NULL DEFAULT 'thuong'
            CHECK (classification IN ('thuong', 'mat', 'toi_mat', 'tuyet_mat'));
        """)
    for table in ("draft", "draft_version", "print_log", "achievement"):
        audit.install_triggers(conn, table)


def _v6_application_id(conn: sqlite3.Connection) -> None:
    """Mark the file as a Sổ thi đua database (new files and files of versions 1–5)."""
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")


def _trusted_certificates(conn: sqlite3.Connection) -> None:
    """The clerk's trust store: root and intermediate CA certificates imported from files.

    Kept in the database (not the user's settings) so it travels with backups
    and with the file when it moves to another computer.
    """
    run_script(conn, """
        CREATE TABLE trusted_certificate (
            id         INTEGER PRIMARY KEY,
            sha256     TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
            subject    TEXT NOT NULL,
            issuer     TEXT NOT NULL,
            is_root    INTEGER NOT NULL CHECK (is_root IN (0, 1)),
            not_before TEXT NOT NULL,
            not_after  TEXT NOT NULL,
            source     TEXT NOT NULL DEFAULT '',
            added_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            der        BLOB NOT NULL
        );
        """)
    audit.install_triggers(conn, "trusted_certificate", exclude=("der",))


def _campaign_relative_targets_and_phases(conn: sqlite3.Connection) -> None:
    """Criteria with a target relative to something ("tăng 5% so với kế hoạch được giao"),
    the phases a plan sets (sơ kết, tổng kết), each with its own awards and quotas, as JSON, and the
    body that issued the plan ("Sở Tư pháp tỉnh Hà Tĩnh"), which documents quote."""
    run_script(conn, """
        ALTER TABLE campaign_criterion ADD COLUMN target_direction TEXT
            CHECK (target_direction IS NULL OR target_direction IN ('tang', 'giam'));
        ALTER TABLE campaign_criterion ADD COLUMN target_reference TEXT NOT NULL DEFAULT '';
        ALTER TABLE campaign ADD COLUMN phases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(phases));
        ALTER TABLE campaign ADD COLUMN issuer TEXT NOT NULL DEFAULT '';
        """)
    for table in ("campaign", "campaign_criterion"):
        audit.install_triggers(conn, table)




def _award_outcomes(conn: sqlite3.Connection) -> None:
    """The outcome of a sent nomination: the decision that approved it or not, and its evidence.

    An approved outcome is also an award received (``prior_award``), which the
    outcome points at, so it shows in the person's or collective's history.
    """
    run_script(conn, """
        CREATE TABLE nomination_outcome (
            nomination_id   INTEGER PRIMARY KEY REFERENCES nomination(id) ON DELETE CASCADE,
            result          TEXT NOT NULL CHECK (result IN ('dat', 'khong_dat')),
            decision_number TEXT NOT NULL CHECK (decision_number <> ''),
            decision_date   TEXT NOT NULL CHECK (date(decision_date) = decision_date),
            issuer          TEXT NOT NULL DEFAULT '',
            award           TEXT,
            prior_award_id  INTEGER REFERENCES prior_award(id) ON DELETE SET NULL,
            file_name       TEXT,
            file_sha256     TEXT REFERENCES blob(sha256) ON DELETE RESTRICT,
            recorded_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            CHECK (result = 'khong_dat' OR award IS NOT NULL),
            CHECK ((file_name IS NULL) = (file_sha256 IS NULL))
        );
        CREATE INDEX nomination_outcome_award ON nomination_outcome(prior_award_id);
        """)
    audit.install_triggers(conn, "nomination_outcome", key="nomination_id")


def _yearly_review(conn: sqlite3.Connection) -> None:
    """The unit's year-end review (bình xét cuối năm): collectives' ratings, initiatives, the review itself.

    A review's decided titles are awards received (``prior_award``) that
    ``review_award`` ties to the review's decision.
    """
    run_script(conn, """
        CREATE TABLE collective_rating (
            collective_id INTEGER NOT NULL REFERENCES collective(id) ON DELETE CASCADE,
            year          INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
            rating        TEXT NOT NULL CHECK (rating IN ('xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh')),
            PRIMARY KEY (collective_id, year)
        );
        CREATE TABLE initiative (
            id              INTEGER PRIMARY KEY,
            name            TEXT NOT NULL CHECK (name <> ''),
            year            INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
            scope           TEXT NOT NULL DEFAULT 'co_so' CHECK (scope IN ('co_so', 'bo_tinh', 'toan_quoc')),
            recognised_by   TEXT NOT NULL DEFAULT '',
            decision_number TEXT NOT NULL DEFAULT '',
            decision_date   TEXT CHECK (decision_date IS NULL OR date(decision_date) = decision_date),
            field           TEXT NOT NULL DEFAULT '',
            effect          TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE initiative_author (
            initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
            person_id     INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
            PRIMARY KEY (initiative_id, person_id)
        );
        CREATE INDEX initiative_author_person ON initiative_author(person_id);
        CREATE TABLE yearly_review (
            year            INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 2200),
            status          TEXT NOT NULL DEFAULT 'dang_xet' CHECK (status IN ('dang_xet', 'da_quyet_dinh')),
            decision_number TEXT NOT NULL DEFAULT '',
            decision_date   TEXT CHECK (decision_date IS NULL OR date(decision_date) = decision_date),
            issuer          TEXT NOT NULL DEFAULT '',
            created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE TABLE review_award (
            review_year    INTEGER NOT NULL REFERENCES yearly_review(year) ON DELETE CASCADE,
            prior_award_id INTEGER NOT NULL REFERENCES prior_award(id) ON DELETE CASCADE,
            position       INTEGER NOT NULL,
            PRIMARY KEY (review_year, prior_award_id)
        );
        -- The council's secret ballot on a title that needs one (Chiến sĩ thi đua cơ sở): yes-votes
        -- over ALL council members.
        CREATE TABLE review_ballot (
            id            INTEGER PRIMARY KEY,
            review_year   INTEGER NOT NULL REFERENCES yearly_review(year) ON DELETE CASCADE,
            person_id     INTEGER REFERENCES person(id) ON DELETE CASCADE,
            collective_id INTEGER REFERENCES collective(id) ON DELETE CASCADE,
            title         TEXT NOT NULL CHECK (title <> ''),
            members       INTEGER NOT NULL CHECK (members > 0),
            yes           INTEGER NOT NULL CHECK (yes >= 0 AND yes <= members),
            CHECK ((person_id IS NULL) <> (collective_id IS NULL))
        );
        CREATE UNIQUE INDEX review_ballot_subject
            ON review_ballot(review_year, title, coalesce(person_id, -collective_id));
        """)
    for table in ("collective_rating", "initiative", "initiative_author", "yearly_review", "review_award",
                  "review_ballot"):
        audit.install_triggers(conn, table)


def _ad_hoc_nominations(conn: sqlite3.Connection) -> None:
    """Ad-hoc awards (khen thưởng đột xuất): a nomination without a campaign, proposing a catalog award itself.

    ``nomination.campaign_id`` and ``campaign_award_id`` lose their NOT NULL. Removing a
    NOT NULL changes nothing stored, so the table's recorded definition is edited in
    place (SQLite's documented procedure for such changes, inside this migration's
    transaction) instead of rebuilding the table, which, with foreign keys on, would
    cascade into its ballots, drafts and outcomes.
    """
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'nomination'").fetchone()[0]
    new = sql.replace("campaign_id       INTEGER NOT NULL REFERENCES", "campaign_id       INTEGER REFERENCES") \
             .replace("campaign_award_id INTEGER NOT NULL REFERENCES", "campaign_award_id INTEGER REFERENCES")
    if new.count("NOT NULL REFERENCES") != sql.count("NOT NULL REFERENCES") - 2:
        raise StoreError("Không nhận ra cấu trúc bảng đề nghị khen thưởng; tệp không bị thay đổi.")
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'nomination'", (new,))
        conn.execute(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")
    run_script(conn, """
        ALTER TABLE nomination ADD COLUMN award TEXT;
        CREATE INDEX nomination_ad_hoc ON nomination(status) WHERE campaign_id IS NULL;
        """)
    if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        raise StoreError("Kiểm tra toàn vẹn sau khi đổi bảng đề nghị khen thưởng không đạt; tệp không bị thay đổi.")
    audit.install_triggers(conn, "nomination")




def _report_fields_and_signers(conn: sqlite3.Connection) -> None:
    """What the báo cáo thành tích forms ask of a person and a collective, the collective's head
    (who signs its report), and one Tờ trình per approving authority."""
    run_script(conn, """
        ALTER TABLE person ADD COLUMN ethnicity TEXT NOT NULL DEFAULT '';
        ALTER TABLE person ADD COLUMN hometown TEXT NOT NULL DEFAULT '';
        ALTER TABLE person ADD COLUMN residence TEXT NOT NULL DEFAULT '';
        ALTER TABLE person ADD COLUMN education TEXT NOT NULL DEFAULT '';
        ALTER TABLE person ADD COLUMN political_theory TEXT NOT NULL DEFAULT '';
        ALTER TABLE collective ADD COLUMN head_person_id INTEGER REFERENCES person(id) ON DELETE SET NULL;
        ALTER TABLE collective ADD COLUMN functions TEXT NOT NULL DEFAULT '';
        ALTER TABLE nomination ADD COLUMN measures TEXT NOT NULL DEFAULT '';
        ALTER TABLE nomination ADD COLUMN effect TEXT NOT NULL DEFAULT '';
        ALTER TABLE draft ADD COLUMN authority TEXT NOT NULL DEFAULT '';
        DROP INDEX draft_to_trinh;
        CREATE UNIQUE INDEX draft_to_trinh ON draft(campaign_id, authority) WHERE kind = 'to_trinh';
        """)
    for table in ("person", "collective", "nomination", "draft"):
        audit.install_triggers(conn, table)


def _campaign_phases_and_registration(conn: sqlite3.Connection) -> None:
    """A campaign's phases (sơ kết, tổng kết, yearly rounds) as records, each with its own period,
    deadline and awards (a phase's award is a ``campaign_award`` row with its ``phase_id``, so its quota
    is counted on its own); nominations and meetings belong to a phase (NULL: the whole campaign).
    Phases already kept as the plan's JSON become records. Registration (đăng ký thi đua): what the
    unit, a collective or a person registers for a campaign or one of its phases: the titles aimed
    for and a target per criterion (a number, a percentage, a date). The plan's deadlines for
    registering and for reporting results (a date, or yearly: ``--03-31``), for the campaign and per phase."""
    run_script(conn, """
        CREATE TABLE campaign_phase (
            id           INTEGER PRIMARY KEY,
            campaign_id  INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            position     INTEGER NOT NULL,
            name         TEXT NOT NULL CHECK (name <> ''),
            period_start TEXT,
            period_end   TEXT,
            deadline     TEXT,
            note         TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX campaign_phase_campaign ON campaign_phase(campaign_id, position);
        ALTER TABLE campaign_award ADD COLUMN phase_id INTEGER REFERENCES campaign_phase(id) ON DELETE CASCADE;
        ALTER TABLE nomination ADD COLUMN phase_id INTEGER REFERENCES campaign_phase(id) ON DELETE SET NULL;
        ALTER TABLE meeting ADD COLUMN phase_id INTEGER REFERENCES campaign_phase(id) ON DELETE SET NULL;
        ALTER TABLE campaign ADD COLUMN registration_deadline TEXT;
        ALTER TABLE campaign ADD COLUMN report_deadline TEXT;
        ALTER TABLE campaign_phase ADD COLUMN report_deadline TEXT;
        CREATE TABLE registration (
            id            INTEGER PRIMARY KEY,
            campaign_id   INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            phase_id      INTEGER REFERENCES campaign_phase(id) ON DELETE CASCADE,
            person_id     INTEGER REFERENCES person(id) ON DELETE CASCADE,
            collective_id INTEGER REFERENCES collective(id) ON DELETE CASCADE,
            titles        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(titles)),
            registered_on TEXT,
            note          TEXT NOT NULL DEFAULT '',
            CHECK ((person_id IS NULL) <> (collective_id IS NULL))
        );
        CREATE UNIQUE INDEX registration_subject ON registration(
            campaign_id, coalesce(phase_id, 0), coalesce(person_id, 0), coalesce(collective_id, 0));
        CREATE TABLE registration_target (
            id              INTEGER PRIMARY KEY,
            registration_id INTEGER NOT NULL REFERENCES registration(id) ON DELETE CASCADE,
            criterion_id    INTEGER NOT NULL REFERENCES campaign_criterion(id) ON DELETE CASCADE,
            value           REAL,
            unit            TEXT NOT NULL DEFAULT '',
            due_date        TEXT,
            note            TEXT NOT NULL DEFAULT '',
            UNIQUE (registration_id, criterion_id)
        );
        """)
    for cid, phases in conn.execute("SELECT id, phases FROM campaign ORDER BY id").fetchall():
        position = conn.execute("SELECT coalesce(max(position), -1) + 1 FROM campaign_award WHERE campaign_id = ?",
                                (cid,)).fetchone()[0]
        for i, p in enumerate(json.loads(phases or "[]")):
            period = p.get("period") or {}
            pid = conn.execute(
                "INSERT INTO campaign_phase(campaign_id, position, name, period_start, period_end, deadline) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (cid, i, p.get("name") or f"Đợt {i + 1}", period.get("start"), period.get("end"),
                 p.get("deadline"))).lastrowid
            for a in p.get("awards") or []:
                conn.execute(
                    "INSERT INTO campaign_award(campaign_id, position, award, text, quota_collective, "
                    "quota_individual, phase_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (cid, position, a.get("award"), a.get("text") or a.get("award") or "", a.get("collective"),
                     a.get("individual"), pid))
                position += 1
        # The plan-wide line the reader kept for an award a phase offers was the phases' union; each
        # phase's own row now holds it. Unused, it goes, so a nomination counts against a phase's quota.
        conn.execute(
            "DELETE FROM campaign_award WHERE campaign_id = ? AND phase_id IS NULL AND award IN "
            "(SELECT award FROM campaign_award WHERE campaign_id = ? AND phase_id IS NOT NULL) "
            "AND id NOT IN (SELECT campaign_award_id FROM nomination)", (cid, cid))
    # Two more kinds of document: the Bản đăng ký thi đua and the Báo cáo kết quả (of a phase or the campaign).
    _widen_check(conn, "draft", "kind IN ('to_trinh', 'bien_ban', 'bao_cao')",
                 "kind IN ('to_trinh', 'bien_ban', 'bao_cao', 'dang_ky', 'bao_cao_ket_qua')")
    run_script(conn, """
        ALTER TABLE draft ADD COLUMN phase_id INTEGER REFERENCES campaign_phase(id) ON DELETE CASCADE;
        CREATE UNIQUE INDEX draft_dang_ky ON draft(campaign_id) WHERE kind = 'dang_ky';
        CREATE UNIQUE INDEX draft_bao_cao_ket_qua ON draft(campaign_id, coalesce(phase_id, 0))
            WHERE kind = 'bao_cao_ket_qua';
        """)
    for table in ("campaign", "campaign_phase", "campaign_award", "nomination", "meeting", "registration",
                  "registration_target", "draft"):
        audit.install_triggers(conn, table)


def _widen_check(conn: sqlite3.Connection, table: str, old: str, new: str) -> None:
    """Let a CHECK accept more values, in place (SQLite's documented procedure for loosening a constraint:
    the rows already stored satisfy the wider one, so nothing on disk changes but the table's SQL).

    Rebuilding the table instead would delete its rows under ``foreign_keys = ON`` and cascade to the
    tables that reference it.
    """
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()[0]
    if old not in sql:
        raise ValueError(f"{table}: constraint not found: {old}")
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                     (sql.replace(old, new), table))
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")


def _dossier_attachments(conn: sqlite3.Connection) -> None:
    """Files attached to the items of a plan's dossier list that the app does not draft."""
    run_script(conn, """
        CREATE TABLE dossier_attachment (
            id          INTEGER PRIMARY KEY,
            campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            item        TEXT NOT NULL,
            file_name   TEXT NOT NULL,
            media_type  TEXT NOT NULL,
            sha256      TEXT NOT NULL REFERENCES blob(sha256) ON DELETE RESTRICT,
            size        INTEGER NOT NULL CHECK (size >= 0),
            signed      INTEGER NOT NULL DEFAULT 0 CHECK (signed IN (0, 1)),
            added_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            UNIQUE (campaign_id, item)
        );
        """)
    audit.install_triggers(conn, "dossier_attachment")


def _to_trinh_per_phase(conn: sqlite3.Connection) -> None:
    """A campaign with phases sends a dossier per phase: one Tờ trình per approving authority and phase
    (``phase_id`` NULL: the whole campaign, as every Tờ trình drafted before)."""
    run_script(conn, """
        DROP INDEX draft_to_trinh;
        CREATE UNIQUE INDEX draft_to_trinh ON draft(campaign_id, authority, coalesce(phase_id, 0))
            WHERE kind = 'to_trinh';
        """)


def _yearly_title_registration(conn: sqlite3.Connection) -> None:
    """The year's emulation titles registered outside any campaign (Lao động tiên tiến, Chiến sĩ thi đua cơ
    sở, Tập thể lao động tiên tiến…): one registration per subject and year."""
    run_script(conn, """
        CREATE TABLE title_registration (
            id            INTEGER PRIMARY KEY,
            year          INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
            person_id     INTEGER REFERENCES person(id) ON DELETE CASCADE,
            collective_id INTEGER REFERENCES collective(id) ON DELETE CASCADE,
            titles        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(titles)),
            registered_on TEXT,
            note          TEXT NOT NULL DEFAULT '',
            CHECK ((person_id IS NULL) <> (collective_id IS NULL))
        );
        CREATE UNIQUE INDEX title_registration_subject ON title_registration(
            year, coalesce(person_id, 0), coalesce(collective_id, 0));
        """)
    audit.install_triggers(conn, "title_registration")


def _review_meetings_and_unit_documents(conn: sqlite3.Connection) -> None:
    """The year-end review's council meeting, its proposals and the unit's own documents.

    A meeting belongs to a campaign or to a year's review (``review_year``); a nomination
    with a ``review_year`` is a title put to that review's council (its proposals, voted by
    the same ballots). A draft may belong to a review (the Biên bản bình xét, the head's
    Quyết định) or to an ad-hoc nomination (its Tờ trình and Báo cáo thành tích đột xuất),
    so its campaign becomes optional. The NOT NULLs and the kind CHECK are loosened in place
    (see :func:`_widen_check`): every stored row already satisfies the looser schema.
    """
    _widen_check(conn, "meeting", "campaign_id INTEGER NOT NULL REFERENCES", "campaign_id INTEGER REFERENCES")
    _widen_check(conn, "draft", "campaign_id    INTEGER NOT NULL REFERENCES", "campaign_id    INTEGER REFERENCES")
    _widen_check(conn, "draft", "'dang_ky', 'bao_cao_ket_qua')",
                 "'dang_ky', 'bao_cao_ket_qua', 'bien_ban_binh_xet', 'quyet_dinh', "
                 "'to_trinh_dot_xuat', 'bao_cao_dot_xuat')")
    run_script(conn, """
        ALTER TABLE meeting ADD COLUMN review_year INTEGER REFERENCES yearly_review(year) ON DELETE CASCADE;
        ALTER TABLE nomination ADD COLUMN review_year INTEGER REFERENCES yearly_review(year) ON DELETE CASCADE;
        ALTER TABLE draft ADD COLUMN review_year INTEGER REFERENCES yearly_review(year) ON DELETE CASCADE;
        CREATE INDEX meeting_review ON meeting(review_year) WHERE review_year IS NOT NULL;
        CREATE INDEX nomination_review ON nomination(review_year, status) WHERE review_year IS NOT NULL;
        CREATE UNIQUE INDEX draft_quyet_dinh ON draft(review_year) WHERE kind = 'quyet_dinh';
        CREATE UNIQUE INDEX draft_bien_ban_binh_xet ON draft(meeting_id) WHERE kind = 'bien_ban_binh_xet';
        CREATE UNIQUE INDEX draft_dot_xuat ON draft(kind, nomination_id)
            WHERE kind IN ('to_trinh_dot_xuat', 'bao_cao_dot_xuat');
        """)
    for table in ("meeting", "nomination", "draft"):
        audit.install_triggers(conn, table)


def _cong_van_drafts(conn: sqlite3.Connection) -> None:
    """One more kind of document: the unit's Công văn đề nghị khen thưởng (NĐ 30/2020 Mẫu 1.5), one per campaign."""
    _widen_check(conn, "draft", "'to_trinh_dot_xuat', 'bao_cao_dot_xuat')",
                 "'to_trinh_dot_xuat', 'bao_cao_dot_xuat', 'cong_van')")
    run_script(conn, "CREATE UNIQUE INDEX draft_cong_van ON draft(campaign_id) WHERE kind = 'cong_van';")


def _date_ordered_search_keys(conn: sqlite3.Connection) -> None:
    """An achievement's full-text row is keyed by its date, then its id, so that the index itself
    walks the ledger's order: 2 × (day << 32 | id), the day being the Julian day number of the
    achievement's date (a person's row stays 2 × id + 1). The ledger's first page of a search is then
    the first rows the index reads, instead of every match looked up and sorted (issue 16: a
    1,000,000-achievement ledger searches as fast as a 100,000 one)."""
    run_script(
        conn,
        """
        DROP TRIGGER achievement_fts_insert;
        DROP TRIGGER achievement_fts_update;
        DROP TRIGGER achievement_fts_delete;
        DROP TRIGGER person_fts_update;
        DROP TRIGGER collective_fts_update;
        DROP VIEW achievement_search_text;
        CREATE VIEW achievement_search_text AS
            SELECT a.id AS id,
                   2 * ((CAST(julianday(a.date) AS INTEGER) << 32) + a.id) AS search_key,
                   thidua_fold(a.title || ' ' || a.description || ' ' || a.criterion || ' ' ||
                               a.measure_unit || ' ' || coalesce(p.full_name, c.name, '')) AS body
              FROM achievement a
              LEFT JOIN person p ON p.id = a.person_id
              LEFT JOIN collective c ON c.id = a.collective_id;

        CREATE TRIGGER achievement_fts_insert AFTER INSERT ON achievement BEGIN
            INSERT INTO search_fts(rowid, body)
                SELECT search_key, body FROM achievement_search_text WHERE id = new.id;
        END;
        CREATE TRIGGER achievement_fts_update AFTER UPDATE ON achievement BEGIN
            DELETE FROM search_fts WHERE rowid = 2 * ((CAST(julianday(old.date) AS INTEGER) << 32) + old.id);
            INSERT INTO search_fts(rowid, body)
                SELECT search_key, body FROM achievement_search_text WHERE id = new.id;
        END;
        CREATE TRIGGER achievement_fts_delete AFTER DELETE ON achievement BEGIN
            DELETE FROM search_fts WHERE rowid = 2 * ((CAST(julianday(old.date) AS INTEGER) << 32) + old.id);
        END;
        CREATE TRIGGER person_fts_update AFTER UPDATE ON person BEGIN
            DELETE FROM search_fts WHERE rowid = 2 * old.id + 1;
            INSERT INTO search_fts(rowid, body)
                SELECT 2 * id + 1, body FROM person_search_text WHERE id = new.id;
            UPDATE search_fts
               SET body = (SELECT body FROM achievement_search_text WHERE id = (search_fts.rowid >> 1) & 4294967295)
             WHERE new.full_name IS NOT old.full_name
               AND rowid IN (SELECT 2 * ((CAST(julianday(date) AS INTEGER) << 32) + id)
                              FROM achievement WHERE person_id = new.id);
        END;
        CREATE TRIGGER collective_fts_update AFTER UPDATE OF name ON collective BEGIN
            UPDATE search_fts
               SET body = (SELECT body FROM achievement_search_text WHERE id = (search_fts.rowid >> 1) & 4294967295)
             WHERE rowid IN (SELECT 2 * ((CAST(julianday(date) AS INTEGER) << 32) + id)
                              FROM achievement WHERE collective_id = new.id);
            UPDATE search_fts SET body = (SELECT body FROM person_search_text WHERE id = search_fts.rowid / 2)
             WHERE rowid IN (SELECT 2 * id + 1 FROM person WHERE collective_id = new.id);
        END;

        DELETE FROM search_fts WHERE rowid % 2 = 0;
        INSERT INTO search_fts(rowid, body) SELECT search_key, body FROM achievement_search_text;
        """,
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1_ledger,
    _v2_ledger_indexes,
    _v3_campaigns,
    _v4_nominations,
    _v5_drafts,
    _v6_application_id,
    _trusted_certificates,
    _campaign_relative_targets_and_phases,
    _award_outcomes,
    _yearly_review,
    _ad_hoc_nominations,
    _report_fields_and_signers,
    _campaign_phases_and_registration,
    _dossier_attachments,
    _to_trinh_per_phase,
    _yearly_title_registration,
    _review_meetings_and_unit_documents,
    _cong_van_drafts,
    _date_ordered_search_keys,
]


def migrate(store: "Store", target: int | None = None) -> None:
    """Bring ``store`` to ``target`` (default: the newest version)."""
    target = schema.SCHEMA_VERSION if target is None else target
    conn = store.conn
    current = schema.refuse_newer(conn, store.path.name)
    for version in range(current + 1, target + 1):
        with store.transaction():
            MIGRATIONS[version - 1](conn)
            conn.execute(f"PRAGMA user_version = {version}")
