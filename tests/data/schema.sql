-- Sổ thi đua schema, version 19, application_id 0x53544455
PRAGMA user_version = 19;
PRAGMA application_id = 1398031445;

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
            updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), campaign_id INTEGER REFERENCES campaign(id) ON DELETE SET NULL, criterion_id INTEGER REFERENCES campaign_criterion(id) ON DELETE SET NULL, classification TEXT NOT NULL DEFAULT 'thuong'
            CHECK (classification IN ('thuong', 'mat', 'toi_mat', 'tuyet_mat')),
            CHECK ((person_id IS NULL) <> (collective_id IS NULL))
        );

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

CREATE TABLE blob (
            sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
            size   INTEGER NOT NULL CHECK (size >= 0),
            data   BLOB NOT NULL
        );

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
        , phases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(phases)), issuer TEXT NOT NULL DEFAULT '', registration_deadline TEXT, report_deadline TEXT);

CREATE TABLE campaign_award (
            id               INTEGER PRIMARY KEY,
            campaign_id      INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            position         INTEGER NOT NULL,
            award            TEXT,
            text             TEXT NOT NULL DEFAULT '',
            quota_collective INTEGER CHECK (quota_collective IS NULL OR quota_collective >= 0),
            quota_individual INTEGER CHECK (quota_individual IS NULL OR quota_individual >= 0)
        , phase_id INTEGER REFERENCES campaign_phase(id) ON DELETE CASCADE);

CREATE TABLE campaign_criterion (
            id           INTEGER PRIMARY KEY,
            campaign_id  INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            position     INTEGER NOT NULL,
            subject      TEXT NOT NULL DEFAULT 'ca_hai' CHECK (subject IN ('tap_the', 'ca_nhan', 'ca_hai')),
            text         TEXT NOT NULL CHECK (text <> ''),
            target_value REAL,
            target_unit  TEXT NOT NULL DEFAULT ''
        , target_direction TEXT
            CHECK (target_direction IS NULL OR target_direction IN ('tang', 'giam')), target_reference TEXT NOT NULL DEFAULT '');

CREATE TABLE campaign_document (
            id          INTEGER PRIMARY KEY,
            campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            position    INTEGER NOT NULL,
            name        TEXT NOT NULL CHECK (name <> ''),
            form        TEXT,
            decree      TEXT
        );

CREATE TABLE campaign_phase (
            id           INTEGER PRIMARY KEY,
            campaign_id  INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
            position     INTEGER NOT NULL,
            name         TEXT NOT NULL CHECK (name <> ''),
            period_start TEXT,
            period_end   TEXT,
            deadline     TEXT,
            note         TEXT NOT NULL DEFAULT ''
        , report_deadline TEXT);

CREATE TABLE collective (
            id        INTEGER PRIMARY KEY,
            name      TEXT NOT NULL CHECK (name <> ''),
            parent_id INTEGER REFERENCES collective(id) ON DELETE RESTRICT,
            is_unit   INTEGER NOT NULL DEFAULT 0 CHECK (is_unit IN (0, 1)),
            note      TEXT NOT NULL DEFAULT ''
        , head_person_id INTEGER REFERENCES person(id) ON DELETE SET NULL, functions TEXT NOT NULL DEFAULT '');

CREATE TABLE collective_rating (
            collective_id INTEGER NOT NULL REFERENCES collective(id) ON DELETE CASCADE,
            year          INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
            rating        TEXT NOT NULL CHECK (rating IN ('xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh')),
            PRIMARY KEY (collective_id, year)
        );

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

CREATE TABLE draft (
            id             INTEGER PRIMARY KEY,
            kind           TEXT NOT NULL CHECK (kind IN ('to_trinh', 'bien_ban', 'bao_cao', 'dang_ky', 'bao_cao_ket_qua', 'bien_ban_binh_xet', 'quyet_dinh', 'to_trinh_dot_xuat', 'bao_cao_dot_xuat', 'cong_van')),
            campaign_id    INTEGER REFERENCES campaign(id) ON DELETE CASCADE,
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
        , authority TEXT NOT NULL DEFAULT '', phase_id INTEGER REFERENCES campaign_phase(id) ON DELETE CASCADE, review_year INTEGER REFERENCES yearly_review(year) ON DELETE CASCADE);

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

CREATE TABLE evidence (
            id             INTEGER PRIMARY KEY,
            achievement_id INTEGER NOT NULL REFERENCES achievement(id) ON DELETE CASCADE,
            sha256         TEXT NOT NULL REFERENCES blob(sha256) ON DELETE RESTRICT,
            file_name      TEXT NOT NULL CHECK (file_name <> ''),
            media_type     TEXT NOT NULL DEFAULT 'application/octet-stream',
            added_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
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

CREATE TABLE meeting (
            id          INTEGER PRIMARY KEY,
            campaign_id INTEGER REFERENCES campaign(id) ON DELETE CASCADE,
            title       TEXT NOT NULL DEFAULT '',
            starts_at   TEXT NOT NULL,
            ends_at     TEXT,
            place       TEXT NOT NULL DEFAULT '',
            quorum      REAL NOT NULL CHECK (quorum > 0 AND quorum <= 1),
            held        INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),
            note        TEXT NOT NULL DEFAULT ''
        , phase_id INTEGER REFERENCES campaign_phase(id) ON DELETE SET NULL, review_year INTEGER REFERENCES yearly_review(year) ON DELETE CASCADE);

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

CREATE TABLE nomination (
            id                INTEGER PRIMARY KEY,
            campaign_id       INTEGER REFERENCES campaign(id) ON DELETE CASCADE,
            campaign_award_id INTEGER REFERENCES campaign_award(id) ON DELETE RESTRICT,
            person_id         INTEGER REFERENCES person(id) ON DELETE RESTRICT,
            collective_id     INTEGER REFERENCES collective(id) ON DELETE RESTRICT,
            summary           TEXT NOT NULL DEFAULT '',
            status            TEXT NOT NULL DEFAULT 'du_kien'
                              CHECK (status IN ('du_kien', 'trinh_hop_xet', 'thong_qua', 'khong_thong_qua', 'da_gui')),
            override_reason   TEXT,
            created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), award TEXT, measures TEXT NOT NULL DEFAULT '', effect TEXT NOT NULL DEFAULT '', phase_id INTEGER REFERENCES campaign_phase(id) ON DELETE SET NULL, review_year INTEGER REFERENCES yearly_review(year) ON DELETE CASCADE,
            CHECK ((person_id IS NULL) <> (collective_id IS NULL))
        );

CREATE TABLE nomination_achievement (
            nomination_id  INTEGER NOT NULL REFERENCES nomination(id) ON DELETE CASCADE,
            achievement_id INTEGER NOT NULL REFERENCES achievement(id) ON DELETE RESTRICT,
            PRIMARY KEY (nomination_id, achievement_id)
        );

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
        , ethnicity TEXT NOT NULL DEFAULT '', hometown TEXT NOT NULL DEFAULT '', residence TEXT NOT NULL DEFAULT '', education TEXT NOT NULL DEFAULT '', political_theory TEXT NOT NULL DEFAULT '');

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

CREATE TABLE rating (
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            year      INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
            rating    TEXT NOT NULL CHECK (rating IN ('xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh')),
            PRIMARY KEY (person_id, year)
        );

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

CREATE TABLE review_award (
            review_year    INTEGER NOT NULL REFERENCES yearly_review(year) ON DELETE CASCADE,
            prior_award_id INTEGER NOT NULL REFERENCES prior_award(id) ON DELETE CASCADE,
            position       INTEGER NOT NULL,
            PRIMARY KEY (review_year, prior_award_id)
        );

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

CREATE VIRTUAL TABLE search_fts USING fts5(
            body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
        );

CREATE TABLE setting (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );

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

CREATE TABLE yearly_review (
            year            INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 2200),
            status          TEXT NOT NULL DEFAULT 'dang_xet' CHECK (status IN ('dang_xet', 'da_quyet_dinh')),
            decision_number TEXT NOT NULL DEFAULT '',
            decision_date   TEXT CHECK (decision_date IS NULL OR date(decision_date) = decision_date),
            issuer          TEXT NOT NULL DEFAULT '',
            created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );

CREATE INDEX achievement_archived_date ON achievement(date, id) WHERE archived_at IS NOT NULL;

CREATE INDEX achievement_campaign ON achievement(campaign_id, criterion_id);

CREATE INDEX achievement_collective ON achievement(collective_id);

CREATE INDEX achievement_date ON achievement(date);

CREATE INDEX achievement_live_date ON achievement(date, id) WHERE archived_at IS NULL;

CREATE INDEX achievement_person ON achievement(person_id);

CREATE INDEX audit_row ON audit_log(table_name, row_id);

CREATE INDEX campaign_award_campaign ON campaign_award(campaign_id, position);

CREATE INDEX campaign_criterion_campaign ON campaign_criterion(campaign_id, position);

CREATE INDEX campaign_document_campaign ON campaign_document(campaign_id, position);

CREATE INDEX campaign_phase_campaign ON campaign_phase(campaign_id, position);

CREATE UNIQUE INDEX collective_one_unit ON collective(is_unit) WHERE is_unit = 1;

CREATE UNIQUE INDEX draft_bao_cao ON draft(nomination_id) WHERE kind = 'bao_cao';

CREATE UNIQUE INDEX draft_bao_cao_ket_qua ON draft(campaign_id, coalesce(phase_id, 0))
            WHERE kind = 'bao_cao_ket_qua';

CREATE UNIQUE INDEX draft_bien_ban ON draft(meeting_id) WHERE kind = 'bien_ban';

CREATE UNIQUE INDEX draft_bien_ban_binh_xet ON draft(meeting_id) WHERE kind = 'bien_ban_binh_xet';

CREATE UNIQUE INDEX draft_cong_van ON draft(campaign_id) WHERE kind = 'cong_van';

CREATE UNIQUE INDEX draft_dang_ky ON draft(campaign_id) WHERE kind = 'dang_ky';

CREATE UNIQUE INDEX draft_dot_xuat ON draft(kind, nomination_id)
            WHERE kind IN ('to_trinh_dot_xuat', 'bao_cao_dot_xuat');

CREATE UNIQUE INDEX draft_quyet_dinh ON draft(review_year) WHERE kind = 'quyet_dinh';

CREATE UNIQUE INDEX draft_to_trinh ON draft(campaign_id, authority, coalesce(phase_id, 0))
            WHERE kind = 'to_trinh';

CREATE INDEX evidence_achievement ON evidence(achievement_id);

CREATE INDEX evidence_blob ON evidence(sha256);

CREATE INDEX initiative_author_person ON initiative_author(person_id);

CREATE INDEX meeting_member_meeting ON meeting_member(meeting_id, position);

CREATE INDEX meeting_review ON meeting(review_year) WHERE review_year IS NOT NULL;

CREATE INDEX nomination_ad_hoc ON nomination(status) WHERE campaign_id IS NULL;

CREATE INDEX nomination_campaign ON nomination(campaign_id, status);

CREATE UNIQUE INDEX nomination_collective ON nomination(campaign_award_id, collective_id)
            WHERE collective_id IS NOT NULL;

CREATE INDEX nomination_outcome_award ON nomination_outcome(prior_award_id);

CREATE UNIQUE INDEX nomination_person ON nomination(campaign_award_id, person_id) WHERE person_id IS NOT NULL;

CREATE INDEX nomination_review ON nomination(review_year, status) WHERE review_year IS NOT NULL;

CREATE INDEX person_collective ON person(collective_id);

CREATE INDEX person_sort ON person(sort_key);

CREATE INDEX prior_award_collective ON prior_award(collective_id);

CREATE INDEX prior_award_person ON prior_award(person_id);

CREATE UNIQUE INDEX registration_subject ON registration(
            campaign_id, coalesce(phase_id, 0), coalesce(person_id, 0), coalesce(collective_id, 0));

CREATE UNIQUE INDEX review_ballot_subject
            ON review_ballot(review_year, title, coalesce(person_id, -collective_id));

CREATE UNIQUE INDEX title_registration_subject ON title_registration(
            year, coalesce(person_id, 0), coalesce(collective_id, 0));

CREATE VIEW achievement_search_text AS
            SELECT a.id AS id,
                   2 * ((CAST(julianday(a.date) AS INTEGER) << 32) + a.id) AS search_key,
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

CREATE TRIGGER achievement_fts_delete AFTER DELETE ON achievement BEGIN
            DELETE FROM search_fts WHERE rowid = 2 * ((CAST(julianday(old.date) AS INTEGER) << 32) + old.id);
        END;

CREATE TRIGGER achievement_fts_insert AFTER INSERT ON achievement BEGIN
            INSERT INTO search_fts(rowid, body)
                SELECT search_key, body FROM achievement_search_text WHERE id = new.id;
        END;

CREATE TRIGGER achievement_fts_update AFTER UPDATE ON achievement BEGIN
            DELETE FROM search_fts WHERE rowid = 2 * ((CAST(julianday(old.date) AS INTEGER) << 32) + old.id);
            INSERT INTO search_fts(rowid, body)
                SELECT search_key, body FROM achievement_search_text WHERE id = new.id;
        END;

CREATE TRIGGER audit_achievement_delete AFTER DELETE ON achievement 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'achievement', old.rowid, 'delete', json_object('id', old.id, 'date', old.date, 'person_id', old.person_id, 'collective_id', old.collective_id, 'title', old.title, 'description', old.description, 'criterion', old.criterion, 'measure_value', old.measure_value, 'measure_unit', old.measure_unit, 'archived_at', old.archived_at, 'created_at', old.created_at, 'updated_at', old.updated_at, 'campaign_id', old.campaign_id, 'criterion_id', old.criterion_id, 'classification', old.classification), NULL);
                END;

CREATE TRIGGER audit_achievement_insert AFTER INSERT ON achievement 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'achievement', new.rowid, 'insert', NULL, json_object('id', new.id, 'date', new.date, 'person_id', new.person_id, 'collective_id', new.collective_id, 'title', new.title, 'description', new.description, 'criterion', new.criterion, 'measure_value', new.measure_value, 'measure_unit', new.measure_unit, 'archived_at', new.archived_at, 'created_at', new.created_at, 'updated_at', new.updated_at, 'campaign_id', new.campaign_id, 'criterion_id', new.criterion_id, 'classification', new.classification));
                END;

CREATE TRIGGER audit_achievement_update AFTER UPDATE ON achievement WHEN old.id IS NOT new.id OR old.date IS NOT new.date OR old.person_id IS NOT new.person_id OR old.collective_id IS NOT new.collective_id OR old.title IS NOT new.title OR old.description IS NOT new.description OR old.criterion IS NOT new.criterion OR old.measure_value IS NOT new.measure_value OR old.measure_unit IS NOT new.measure_unit OR old.archived_at IS NOT new.archived_at OR old.created_at IS NOT new.created_at OR old.updated_at IS NOT new.updated_at OR old.campaign_id IS NOT new.campaign_id OR old.criterion_id IS NOT new.criterion_id OR old.classification IS NOT new.classification
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'achievement', new.rowid, 'update', json_object('id', old.id, 'date', old.date, 'person_id', old.person_id, 'collective_id', old.collective_id, 'title', old.title, 'description', old.description, 'criterion', old.criterion, 'measure_value', old.measure_value, 'measure_unit', old.measure_unit, 'archived_at', old.archived_at, 'created_at', old.created_at, 'updated_at', old.updated_at, 'campaign_id', old.campaign_id, 'criterion_id', old.criterion_id, 'classification', old.classification), json_object('id', new.id, 'date', new.date, 'person_id', new.person_id, 'collective_id', new.collective_id, 'title', new.title, 'description', new.description, 'criterion', new.criterion, 'measure_value', new.measure_value, 'measure_unit', new.measure_unit, 'archived_at', new.archived_at, 'created_at', new.created_at, 'updated_at', new.updated_at, 'campaign_id', new.campaign_id, 'criterion_id', new.criterion_id, 'classification', new.classification));
                END;

CREATE TRIGGER audit_ballot_delete AFTER DELETE ON ballot 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'ballot', old.nomination_id, 'delete', json_object('meeting_id', old.meeting_id, 'nomination_id', old.nomination_id, 'issued', old.issued, 'returned', old.returned, 'yes', old.yes, 'no', old.no, 'invalid', old.invalid, 'rule', old.rule, 'fraction', old.fraction, 'rule_source', old.rule_source), NULL);
                END;

CREATE TRIGGER audit_ballot_insert AFTER INSERT ON ballot 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'ballot', new.nomination_id, 'insert', NULL, json_object('meeting_id', new.meeting_id, 'nomination_id', new.nomination_id, 'issued', new.issued, 'returned', new.returned, 'yes', new.yes, 'no', new.no, 'invalid', new.invalid, 'rule', new.rule, 'fraction', new.fraction, 'rule_source', new.rule_source));
                END;

CREATE TRIGGER audit_ballot_update AFTER UPDATE ON ballot WHEN old.meeting_id IS NOT new.meeting_id OR old.nomination_id IS NOT new.nomination_id OR old.issued IS NOT new.issued OR old.returned IS NOT new.returned OR old.yes IS NOT new.yes OR old.no IS NOT new.no OR old.invalid IS NOT new.invalid OR old.rule IS NOT new.rule OR old.fraction IS NOT new.fraction OR old.rule_source IS NOT new.rule_source
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'ballot', new.nomination_id, 'update', json_object('meeting_id', old.meeting_id, 'nomination_id', old.nomination_id, 'issued', old.issued, 'returned', old.returned, 'yes', old.yes, 'no', old.no, 'invalid', old.invalid, 'rule', old.rule, 'fraction', old.fraction, 'rule_source', old.rule_source), json_object('meeting_id', new.meeting_id, 'nomination_id', new.nomination_id, 'issued', new.issued, 'returned', new.returned, 'yes', new.yes, 'no', new.no, 'invalid', new.invalid, 'rule', new.rule, 'fraction', new.fraction, 'rule_source', new.rule_source));
                END;

CREATE TRIGGER audit_blob_delete AFTER DELETE ON blob 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'blob', old.sha256, 'delete', json_object('sha256', old.sha256, 'size', old.size), NULL);
                END;

CREATE TRIGGER audit_blob_insert AFTER INSERT ON blob 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'blob', new.sha256, 'insert', NULL, json_object('sha256', new.sha256, 'size', new.size));
                END;

CREATE TRIGGER audit_blob_update AFTER UPDATE ON blob WHEN old.sha256 IS NOT new.sha256 OR old.size IS NOT new.size
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'blob', new.sha256, 'update', json_object('sha256', old.sha256, 'size', old.size), json_object('sha256', new.sha256, 'size', new.size));
                END;

CREATE TRIGGER audit_campaign_award_delete AFTER DELETE ON campaign_award 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'campaign_award', old.rowid, 'delete', json_object('id', old.id, 'campaign_id', old.campaign_id, 'position', old.position, 'award', old.award, 'text', old.text, 'quota_collective', old.quota_collective, 'quota_individual', old.quota_individual, 'phase_id', old.phase_id), NULL);
                END;

CREATE TRIGGER audit_campaign_award_insert AFTER INSERT ON campaign_award 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'campaign_award', new.rowid, 'insert', NULL, json_object('id', new.id, 'campaign_id', new.campaign_id, 'position', new.position, 'award', new.award, 'text', new.text, 'quota_collective', new.quota_collective, 'quota_individual', new.quota_individual, 'phase_id', new.phase_id));
                END;

CREATE TRIGGER audit_campaign_award_update AFTER UPDATE ON campaign_award WHEN old.id IS NOT new.id OR old.campaign_id IS NOT new.campaign_id OR old.position IS NOT new.position OR old.award IS NOT new.award OR old.text IS NOT new.text OR old.quota_collective IS NOT new.quota_collective OR old.quota_individual IS NOT new.quota_individual OR old.phase_id IS NOT new.phase_id
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'campaign_award', new.rowid, 'update', json_object('id', old.id, 'campaign_id', old.campaign_id, 'position', old.position, 'award', old.award, 'text', old.text, 'quota_collective', old.quota_collective, 'quota_individual', old.quota_individual, 'phase_id', old.phase_id), json_object('id', new.id, 'campaign_id', new.campaign_id, 'position', new.position, 'award', new.award, 'text', new.text, 'quota_collective', new.quota_collective, 'quota_individual', new.quota_individual, 'phase_id', new.phase_id));
                END;

CREATE TRIGGER audit_campaign_criterion_delete AFTER DELETE ON campaign_criterion 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'campaign_criterion', old.rowid, 'delete', json_object('id', old.id, 'campaign_id', old.campaign_id, 'position', old.position, 'subject', old.subject, 'text', old.text, 'target_value', old.target_value, 'target_unit', old.target_unit, 'target_direction', old.target_direction, 'target_reference', old.target_reference), NULL);
                END;

CREATE TRIGGER audit_campaign_criterion_insert AFTER INSERT ON campaign_criterion 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'campaign_criterion', new.rowid, 'insert', NULL, json_object('id', new.id, 'campaign_id', new.campaign_id, 'position', new.position, 'subject', new.subject, 'text', new.text, 'target_value', new.target_value, 'target_unit', new.target_unit, 'target_direction', new.target_direction, 'target_reference', new.target_reference));
                END;

CREATE TRIGGER audit_campaign_criterion_update AFTER UPDATE ON campaign_criterion WHEN old.id IS NOT new.id OR old.campaign_id IS NOT new.campaign_id OR old.position IS NOT new.position OR old.subject IS NOT new.subject OR old.text IS NOT new.text OR old.target_value IS NOT new.target_value OR old.target_unit IS NOT new.target_unit OR old.target_direction IS NOT new.target_direction OR old.target_reference IS NOT new.target_reference
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'campaign_criterion', new.rowid, 'update', json_object('id', old.id, 'campaign_id', old.campaign_id, 'position', old.position, 'subject', old.subject, 'text', old.text, 'target_value', old.target_value, 'target_unit', old.target_unit, 'target_direction', old.target_direction, 'target_reference', old.target_reference), json_object('id', new.id, 'campaign_id', new.campaign_id, 'position', new.position, 'subject', new.subject, 'text', new.text, 'target_value', new.target_value, 'target_unit', new.target_unit, 'target_direction', new.target_direction, 'target_reference', new.target_reference));
                END;

CREATE TRIGGER audit_campaign_delete AFTER DELETE ON campaign 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'campaign', old.rowid, 'delete', json_object('id', old.id, 'kind', old.kind, 'number', old.number, 'symbol', old.symbol, 'place', old.place, 'doc_date', old.doc_date, 'title', old.title, 'period_start', old.period_start, 'period_end', old.period_end, 'deadline', old.deadline, 'signer_authority', old.signer_authority, 'signer_title', old.signer_title, 'signer_name', old.signer_name, 'recipients', old.recipients, 'paperless', old.paperless, 'note', old.note, 'source_name', old.source_name, 'source_sha256', old.source_sha256, 'created_at', old.created_at, 'phases', old.phases, 'issuer', old.issuer, 'registration_deadline', old.registration_deadline, 'report_deadline', old.report_deadline), NULL);
                END;

CREATE TRIGGER audit_campaign_document_delete AFTER DELETE ON campaign_document 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'campaign_document', old.rowid, 'delete', json_object('id', old.id, 'campaign_id', old.campaign_id, 'position', old.position, 'name', old.name, 'form', old.form, 'decree', old.decree), NULL);
                END;

CREATE TRIGGER audit_campaign_document_insert AFTER INSERT ON campaign_document 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'campaign_document', new.rowid, 'insert', NULL, json_object('id', new.id, 'campaign_id', new.campaign_id, 'position', new.position, 'name', new.name, 'form', new.form, 'decree', new.decree));
                END;

CREATE TRIGGER audit_campaign_document_update AFTER UPDATE ON campaign_document WHEN old.id IS NOT new.id OR old.campaign_id IS NOT new.campaign_id OR old.position IS NOT new.position OR old.name IS NOT new.name OR old.form IS NOT new.form OR old.decree IS NOT new.decree
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'campaign_document', new.rowid, 'update', json_object('id', old.id, 'campaign_id', old.campaign_id, 'position', old.position, 'name', old.name, 'form', old.form, 'decree', old.decree), json_object('id', new.id, 'campaign_id', new.campaign_id, 'position', new.position, 'name', new.name, 'form', new.form, 'decree', new.decree));
                END;

CREATE TRIGGER audit_campaign_insert AFTER INSERT ON campaign 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'campaign', new.rowid, 'insert', NULL, json_object('id', new.id, 'kind', new.kind, 'number', new.number, 'symbol', new.symbol, 'place', new.place, 'doc_date', new.doc_date, 'title', new.title, 'period_start', new.period_start, 'period_end', new.period_end, 'deadline', new.deadline, 'signer_authority', new.signer_authority, 'signer_title', new.signer_title, 'signer_name', new.signer_name, 'recipients', new.recipients, 'paperless', new.paperless, 'note', new.note, 'source_name', new.source_name, 'source_sha256', new.source_sha256, 'created_at', new.created_at, 'phases', new.phases, 'issuer', new.issuer, 'registration_deadline', new.registration_deadline, 'report_deadline', new.report_deadline));
                END;

CREATE TRIGGER audit_campaign_phase_delete AFTER DELETE ON campaign_phase 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'campaign_phase', old.rowid, 'delete', json_object('id', old.id, 'campaign_id', old.campaign_id, 'position', old.position, 'name', old.name, 'period_start', old.period_start, 'period_end', old.period_end, 'deadline', old.deadline, 'note', old.note, 'report_deadline', old.report_deadline), NULL);
                END;

CREATE TRIGGER audit_campaign_phase_insert AFTER INSERT ON campaign_phase 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'campaign_phase', new.rowid, 'insert', NULL, json_object('id', new.id, 'campaign_id', new.campaign_id, 'position', new.position, 'name', new.name, 'period_start', new.period_start, 'period_end', new.period_end, 'deadline', new.deadline, 'note', new.note, 'report_deadline', new.report_deadline));
                END;

CREATE TRIGGER audit_campaign_phase_update AFTER UPDATE ON campaign_phase WHEN old.id IS NOT new.id OR old.campaign_id IS NOT new.campaign_id OR old.position IS NOT new.position OR old.name IS NOT new.name OR old.period_start IS NOT new.period_start OR old.period_end IS NOT new.period_end OR old.deadline IS NOT new.deadline OR old.note IS NOT new.note OR old.report_deadline IS NOT new.report_deadline
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'campaign_phase', new.rowid, 'update', json_object('id', old.id, 'campaign_id', old.campaign_id, 'position', old.position, 'name', old.name, 'period_start', old.period_start, 'period_end', old.period_end, 'deadline', old.deadline, 'note', old.note, 'report_deadline', old.report_deadline), json_object('id', new.id, 'campaign_id', new.campaign_id, 'position', new.position, 'name', new.name, 'period_start', new.period_start, 'period_end', new.period_end, 'deadline', new.deadline, 'note', new.note, 'report_deadline', new.report_deadline));
                END;

CREATE TRIGGER audit_campaign_update AFTER UPDATE ON campaign WHEN old.id IS NOT new.id OR old.kind IS NOT new.kind OR old.number IS NOT new.number OR old.symbol IS NOT new.symbol OR old.place IS NOT new.place OR old.doc_date IS NOT new.doc_date OR old.title IS NOT new.title OR old.period_start IS NOT new.period_start OR old.period_end IS NOT new.period_end OR old.deadline IS NOT new.deadline OR old.signer_authority IS NOT new.signer_authority OR old.signer_title IS NOT new.signer_title OR old.signer_name IS NOT new.signer_name OR old.recipients IS NOT new.recipients OR old.paperless IS NOT new.paperless OR old.note IS NOT new.note OR old.source_name IS NOT new.source_name OR old.source_sha256 IS NOT new.source_sha256 OR old.created_at IS NOT new.created_at OR old.phases IS NOT new.phases OR old.issuer IS NOT new.issuer OR old.registration_deadline IS NOT new.registration_deadline OR old.report_deadline IS NOT new.report_deadline
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'campaign', new.rowid, 'update', json_object('id', old.id, 'kind', old.kind, 'number', old.number, 'symbol', old.symbol, 'place', old.place, 'doc_date', old.doc_date, 'title', old.title, 'period_start', old.period_start, 'period_end', old.period_end, 'deadline', old.deadline, 'signer_authority', old.signer_authority, 'signer_title', old.signer_title, 'signer_name', old.signer_name, 'recipients', old.recipients, 'paperless', old.paperless, 'note', old.note, 'source_name', old.source_name, 'source_sha256', old.source_sha256, 'created_at', old.created_at, 'phases', old.phases, 'issuer', old.issuer, 'registration_deadline', old.registration_deadline, 'report_deadline', old.report_deadline), json_object('id', new.id, 'kind', new.kind, 'number', new.number, 'symbol', new.symbol, 'place', new.place, 'doc_date', new.doc_date, 'title', new.title, 'period_start', new.period_start, 'period_end', new.period_end, 'deadline', new.deadline, 'signer_authority', new.signer_authority, 'signer_title', new.signer_title, 'signer_name', new.signer_name, 'recipients', new.recipients, 'paperless', new.paperless, 'note', new.note, 'source_name', new.source_name, 'source_sha256', new.source_sha256, 'created_at', new.created_at, 'phases', new.phases, 'issuer', new.issuer, 'registration_deadline', new.registration_deadline, 'report_deadline', new.report_deadline));
                END;

CREATE TRIGGER audit_collective_delete AFTER DELETE ON collective 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'collective', old.rowid, 'delete', json_object('id', old.id, 'name', old.name, 'parent_id', old.parent_id, 'is_unit', old.is_unit, 'note', old.note, 'head_person_id', old.head_person_id, 'functions', old.functions), NULL);
                END;

CREATE TRIGGER audit_collective_insert AFTER INSERT ON collective 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'collective', new.rowid, 'insert', NULL, json_object('id', new.id, 'name', new.name, 'parent_id', new.parent_id, 'is_unit', new.is_unit, 'note', new.note, 'head_person_id', new.head_person_id, 'functions', new.functions));
                END;

CREATE TRIGGER audit_collective_rating_delete AFTER DELETE ON collective_rating 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'collective_rating', old.rowid, 'delete', json_object('collective_id', old.collective_id, 'year', old.year, 'rating', old.rating), NULL);
                END;

CREATE TRIGGER audit_collective_rating_insert AFTER INSERT ON collective_rating 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'collective_rating', new.rowid, 'insert', NULL, json_object('collective_id', new.collective_id, 'year', new.year, 'rating', new.rating));
                END;

CREATE TRIGGER audit_collective_rating_update AFTER UPDATE ON collective_rating WHEN old.collective_id IS NOT new.collective_id OR old.year IS NOT new.year OR old.rating IS NOT new.rating
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'collective_rating', new.rowid, 'update', json_object('collective_id', old.collective_id, 'year', old.year, 'rating', old.rating), json_object('collective_id', new.collective_id, 'year', new.year, 'rating', new.rating));
                END;

CREATE TRIGGER audit_collective_update AFTER UPDATE ON collective WHEN old.id IS NOT new.id OR old.name IS NOT new.name OR old.parent_id IS NOT new.parent_id OR old.is_unit IS NOT new.is_unit OR old.note IS NOT new.note OR old.head_person_id IS NOT new.head_person_id OR old.functions IS NOT new.functions
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'collective', new.rowid, 'update', json_object('id', old.id, 'name', old.name, 'parent_id', old.parent_id, 'is_unit', old.is_unit, 'note', old.note, 'head_person_id', old.head_person_id, 'functions', old.functions), json_object('id', new.id, 'name', new.name, 'parent_id', new.parent_id, 'is_unit', new.is_unit, 'note', new.note, 'head_person_id', new.head_person_id, 'functions', new.functions));
                END;

CREATE TRIGGER audit_dossier_attachment_delete AFTER DELETE ON dossier_attachment 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'dossier_attachment', old.rowid, 'delete', json_object('id', old.id, 'campaign_id', old.campaign_id, 'item', old.item, 'file_name', old.file_name, 'media_type', old.media_type, 'sha256', old.sha256, 'size', old.size, 'signed', old.signed, 'added_at', old.added_at), NULL);
                END;

CREATE TRIGGER audit_dossier_attachment_insert AFTER INSERT ON dossier_attachment 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'dossier_attachment', new.rowid, 'insert', NULL, json_object('id', new.id, 'campaign_id', new.campaign_id, 'item', new.item, 'file_name', new.file_name, 'media_type', new.media_type, 'sha256', new.sha256, 'size', new.size, 'signed', new.signed, 'added_at', new.added_at));
                END;

CREATE TRIGGER audit_dossier_attachment_update AFTER UPDATE ON dossier_attachment WHEN old.id IS NOT new.id OR old.campaign_id IS NOT new.campaign_id OR old.item IS NOT new.item OR old.file_name IS NOT new.file_name OR old.media_type IS NOT new.media_type OR old.sha256 IS NOT new.sha256 OR old.size IS NOT new.size OR old.signed IS NOT new.signed OR old.added_at IS NOT new.added_at
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'dossier_attachment', new.rowid, 'update', json_object('id', old.id, 'campaign_id', old.campaign_id, 'item', old.item, 'file_name', old.file_name, 'media_type', old.media_type, 'sha256', old.sha256, 'size', old.size, 'signed', old.signed, 'added_at', old.added_at), json_object('id', new.id, 'campaign_id', new.campaign_id, 'item', new.item, 'file_name', new.file_name, 'media_type', new.media_type, 'sha256', new.sha256, 'size', new.size, 'signed', new.signed, 'added_at', new.added_at));
                END;

CREATE TRIGGER audit_draft_delete AFTER DELETE ON draft 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'draft', old.rowid, 'delete', json_object('id', old.id, 'kind', old.kind, 'campaign_id', old.campaign_id, 'meeting_id', old.meeting_id, 'nomination_id', old.nomination_id, 'form', old.form, 'classification', old.classification, 'status', old.status, 'created_at', old.created_at, 'finalised_at', old.finalised_at, 'pdf_sha256', old.pdf_sha256, 'docx_sha256', old.docx_sha256, 'authority', old.authority, 'phase_id', old.phase_id, 'review_year', old.review_year), NULL);
                END;

CREATE TRIGGER audit_draft_insert AFTER INSERT ON draft 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'draft', new.rowid, 'insert', NULL, json_object('id', new.id, 'kind', new.kind, 'campaign_id', new.campaign_id, 'meeting_id', new.meeting_id, 'nomination_id', new.nomination_id, 'form', new.form, 'classification', new.classification, 'status', new.status, 'created_at', new.created_at, 'finalised_at', new.finalised_at, 'pdf_sha256', new.pdf_sha256, 'docx_sha256', new.docx_sha256, 'authority', new.authority, 'phase_id', new.phase_id, 'review_year', new.review_year));
                END;

CREATE TRIGGER audit_draft_update AFTER UPDATE ON draft WHEN old.id IS NOT new.id OR old.kind IS NOT new.kind OR old.campaign_id IS NOT new.campaign_id OR old.meeting_id IS NOT new.meeting_id OR old.nomination_id IS NOT new.nomination_id OR old.form IS NOT new.form OR old.classification IS NOT new.classification OR old.status IS NOT new.status OR old.created_at IS NOT new.created_at OR old.finalised_at IS NOT new.finalised_at OR old.pdf_sha256 IS NOT new.pdf_sha256 OR old.docx_sha256 IS NOT new.docx_sha256 OR old.authority IS NOT new.authority OR old.phase_id IS NOT new.phase_id OR old.review_year IS NOT new.review_year
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'draft', new.rowid, 'update', json_object('id', old.id, 'kind', old.kind, 'campaign_id', old.campaign_id, 'meeting_id', old.meeting_id, 'nomination_id', old.nomination_id, 'form', old.form, 'classification', old.classification, 'status', old.status, 'created_at', old.created_at, 'finalised_at', old.finalised_at, 'pdf_sha256', old.pdf_sha256, 'docx_sha256', old.docx_sha256, 'authority', old.authority, 'phase_id', old.phase_id, 'review_year', old.review_year), json_object('id', new.id, 'kind', new.kind, 'campaign_id', new.campaign_id, 'meeting_id', new.meeting_id, 'nomination_id', new.nomination_id, 'form', new.form, 'classification', new.classification, 'status', new.status, 'created_at', new.created_at, 'finalised_at', new.finalised_at, 'pdf_sha256', new.pdf_sha256, 'docx_sha256', new.docx_sha256, 'authority', new.authority, 'phase_id', new.phase_id, 'review_year', new.review_year));
                END;

CREATE TRIGGER audit_draft_version_delete AFTER DELETE ON draft_version 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'draft_version', old.rowid, 'delete', json_object('id', old.id, 'draft_id', old.draft_id, 'version', old.version, 'created_at', old.created_at, 'os_user', old.os_user, 'note', old.note, 'header', old.header, 'sections', old.sections), NULL);
                END;

CREATE TRIGGER audit_draft_version_insert AFTER INSERT ON draft_version 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'draft_version', new.rowid, 'insert', NULL, json_object('id', new.id, 'draft_id', new.draft_id, 'version', new.version, 'created_at', new.created_at, 'os_user', new.os_user, 'note', new.note, 'header', new.header, 'sections', new.sections));
                END;

CREATE TRIGGER audit_draft_version_update AFTER UPDATE ON draft_version WHEN old.id IS NOT new.id OR old.draft_id IS NOT new.draft_id OR old.version IS NOT new.version OR old.created_at IS NOT new.created_at OR old.os_user IS NOT new.os_user OR old.note IS NOT new.note OR old.header IS NOT new.header OR old.sections IS NOT new.sections
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'draft_version', new.rowid, 'update', json_object('id', old.id, 'draft_id', old.draft_id, 'version', old.version, 'created_at', old.created_at, 'os_user', old.os_user, 'note', old.note, 'header', old.header, 'sections', old.sections), json_object('id', new.id, 'draft_id', new.draft_id, 'version', new.version, 'created_at', new.created_at, 'os_user', new.os_user, 'note', new.note, 'header', new.header, 'sections', new.sections));
                END;

CREATE TRIGGER audit_evidence_delete AFTER DELETE ON evidence 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'evidence', old.rowid, 'delete', json_object('id', old.id, 'achievement_id', old.achievement_id, 'sha256', old.sha256, 'file_name', old.file_name, 'media_type', old.media_type, 'added_at', old.added_at), NULL);
                END;

CREATE TRIGGER audit_evidence_insert AFTER INSERT ON evidence 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'evidence', new.rowid, 'insert', NULL, json_object('id', new.id, 'achievement_id', new.achievement_id, 'sha256', new.sha256, 'file_name', new.file_name, 'media_type', new.media_type, 'added_at', new.added_at));
                END;

CREATE TRIGGER audit_evidence_update AFTER UPDATE ON evidence WHEN old.id IS NOT new.id OR old.achievement_id IS NOT new.achievement_id OR old.sha256 IS NOT new.sha256 OR old.file_name IS NOT new.file_name OR old.media_type IS NOT new.media_type OR old.added_at IS NOT new.added_at
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'evidence', new.rowid, 'update', json_object('id', old.id, 'achievement_id', old.achievement_id, 'sha256', old.sha256, 'file_name', old.file_name, 'media_type', old.media_type, 'added_at', old.added_at), json_object('id', new.id, 'achievement_id', new.achievement_id, 'sha256', new.sha256, 'file_name', new.file_name, 'media_type', new.media_type, 'added_at', new.added_at));
                END;

CREATE TRIGGER audit_initiative_author_delete AFTER DELETE ON initiative_author 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'initiative_author', old.rowid, 'delete', json_object('initiative_id', old.initiative_id, 'person_id', old.person_id), NULL);
                END;

CREATE TRIGGER audit_initiative_author_insert AFTER INSERT ON initiative_author 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'initiative_author', new.rowid, 'insert', NULL, json_object('initiative_id', new.initiative_id, 'person_id', new.person_id));
                END;

CREATE TRIGGER audit_initiative_author_update AFTER UPDATE ON initiative_author WHEN old.initiative_id IS NOT new.initiative_id OR old.person_id IS NOT new.person_id
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'initiative_author', new.rowid, 'update', json_object('initiative_id', old.initiative_id, 'person_id', old.person_id), json_object('initiative_id', new.initiative_id, 'person_id', new.person_id));
                END;

CREATE TRIGGER audit_initiative_delete AFTER DELETE ON initiative 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'initiative', old.rowid, 'delete', json_object('id', old.id, 'name', old.name, 'year', old.year, 'scope', old.scope, 'recognised_by', old.recognised_by, 'decision_number', old.decision_number, 'decision_date', old.decision_date, 'field', old.field, 'effect', old.effect), NULL);
                END;

CREATE TRIGGER audit_initiative_insert AFTER INSERT ON initiative 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'initiative', new.rowid, 'insert', NULL, json_object('id', new.id, 'name', new.name, 'year', new.year, 'scope', new.scope, 'recognised_by', new.recognised_by, 'decision_number', new.decision_number, 'decision_date', new.decision_date, 'field', new.field, 'effect', new.effect));
                END;

CREATE TRIGGER audit_initiative_update AFTER UPDATE ON initiative WHEN old.id IS NOT new.id OR old.name IS NOT new.name OR old.year IS NOT new.year OR old.scope IS NOT new.scope OR old.recognised_by IS NOT new.recognised_by OR old.decision_number IS NOT new.decision_number OR old.decision_date IS NOT new.decision_date OR old.field IS NOT new.field OR old.effect IS NOT new.effect
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'initiative', new.rowid, 'update', json_object('id', old.id, 'name', old.name, 'year', old.year, 'scope', old.scope, 'recognised_by', old.recognised_by, 'decision_number', old.decision_number, 'decision_date', old.decision_date, 'field', old.field, 'effect', old.effect), json_object('id', new.id, 'name', new.name, 'year', new.year, 'scope', new.scope, 'recognised_by', new.recognised_by, 'decision_number', new.decision_number, 'decision_date', new.decision_date, 'field', new.field, 'effect', new.effect));
                END;

CREATE TRIGGER audit_meeting_delete AFTER DELETE ON meeting 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'meeting', old.rowid, 'delete', json_object('id', old.id, 'campaign_id', old.campaign_id, 'title', old.title, 'starts_at', old.starts_at, 'ends_at', old.ends_at, 'place', old.place, 'quorum', old.quorum, 'held', old.held, 'note', old.note, 'phase_id', old.phase_id, 'review_year', old.review_year), NULL);
                END;

CREATE TRIGGER audit_meeting_insert AFTER INSERT ON meeting 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'meeting', new.rowid, 'insert', NULL, json_object('id', new.id, 'campaign_id', new.campaign_id, 'title', new.title, 'starts_at', new.starts_at, 'ends_at', new.ends_at, 'place', new.place, 'quorum', new.quorum, 'held', new.held, 'note', new.note, 'phase_id', new.phase_id, 'review_year', new.review_year));
                END;

CREATE TRIGGER audit_meeting_member_delete AFTER DELETE ON meeting_member 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'meeting_member', old.rowid, 'delete', json_object('id', old.id, 'meeting_id', old.meeting_id, 'position', old.position, 'person_id', old.person_id, 'name', old.name, 'title', old.title, 'role', old.role, 'present', old.present, 'written_opinion', old.written_opinion), NULL);
                END;

CREATE TRIGGER audit_meeting_member_insert AFTER INSERT ON meeting_member 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'meeting_member', new.rowid, 'insert', NULL, json_object('id', new.id, 'meeting_id', new.meeting_id, 'position', new.position, 'person_id', new.person_id, 'name', new.name, 'title', new.title, 'role', new.role, 'present', new.present, 'written_opinion', new.written_opinion));
                END;

CREATE TRIGGER audit_meeting_member_update AFTER UPDATE ON meeting_member WHEN old.id IS NOT new.id OR old.meeting_id IS NOT new.meeting_id OR old.position IS NOT new.position OR old.person_id IS NOT new.person_id OR old.name IS NOT new.name OR old.title IS NOT new.title OR old.role IS NOT new.role OR old.present IS NOT new.present OR old.written_opinion IS NOT new.written_opinion
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'meeting_member', new.rowid, 'update', json_object('id', old.id, 'meeting_id', old.meeting_id, 'position', old.position, 'person_id', old.person_id, 'name', old.name, 'title', old.title, 'role', old.role, 'present', old.present, 'written_opinion', old.written_opinion), json_object('id', new.id, 'meeting_id', new.meeting_id, 'position', new.position, 'person_id', new.person_id, 'name', new.name, 'title', new.title, 'role', new.role, 'present', new.present, 'written_opinion', new.written_opinion));
                END;

CREATE TRIGGER audit_meeting_update AFTER UPDATE ON meeting WHEN old.id IS NOT new.id OR old.campaign_id IS NOT new.campaign_id OR old.title IS NOT new.title OR old.starts_at IS NOT new.starts_at OR old.ends_at IS NOT new.ends_at OR old.place IS NOT new.place OR old.quorum IS NOT new.quorum OR old.held IS NOT new.held OR old.note IS NOT new.note OR old.phase_id IS NOT new.phase_id OR old.review_year IS NOT new.review_year
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'meeting', new.rowid, 'update', json_object('id', old.id, 'campaign_id', old.campaign_id, 'title', old.title, 'starts_at', old.starts_at, 'ends_at', old.ends_at, 'place', old.place, 'quorum', old.quorum, 'held', old.held, 'note', old.note, 'phase_id', old.phase_id, 'review_year', old.review_year), json_object('id', new.id, 'campaign_id', new.campaign_id, 'title', new.title, 'starts_at', new.starts_at, 'ends_at', new.ends_at, 'place', new.place, 'quorum', new.quorum, 'held', new.held, 'note', new.note, 'phase_id', new.phase_id, 'review_year', new.review_year));
                END;

CREATE TRIGGER audit_nomination_achievement_delete AFTER DELETE ON nomination_achievement 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'nomination_achievement', old.rowid, 'delete', json_object('nomination_id', old.nomination_id, 'achievement_id', old.achievement_id), NULL);
                END;

CREATE TRIGGER audit_nomination_achievement_insert AFTER INSERT ON nomination_achievement 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'nomination_achievement', new.rowid, 'insert', NULL, json_object('nomination_id', new.nomination_id, 'achievement_id', new.achievement_id));
                END;

CREATE TRIGGER audit_nomination_achievement_update AFTER UPDATE ON nomination_achievement WHEN old.nomination_id IS NOT new.nomination_id OR old.achievement_id IS NOT new.achievement_id
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'nomination_achievement', new.rowid, 'update', json_object('nomination_id', old.nomination_id, 'achievement_id', old.achievement_id), json_object('nomination_id', new.nomination_id, 'achievement_id', new.achievement_id));
                END;

CREATE TRIGGER audit_nomination_delete AFTER DELETE ON nomination 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'nomination', old.rowid, 'delete', json_object('id', old.id, 'campaign_id', old.campaign_id, 'campaign_award_id', old.campaign_award_id, 'person_id', old.person_id, 'collective_id', old.collective_id, 'summary', old.summary, 'status', old.status, 'override_reason', old.override_reason, 'created_at', old.created_at, 'award', old.award, 'measures', old.measures, 'effect', old.effect, 'phase_id', old.phase_id, 'review_year', old.review_year), NULL);
                END;

CREATE TRIGGER audit_nomination_insert AFTER INSERT ON nomination 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'nomination', new.rowid, 'insert', NULL, json_object('id', new.id, 'campaign_id', new.campaign_id, 'campaign_award_id', new.campaign_award_id, 'person_id', new.person_id, 'collective_id', new.collective_id, 'summary', new.summary, 'status', new.status, 'override_reason', new.override_reason, 'created_at', new.created_at, 'award', new.award, 'measures', new.measures, 'effect', new.effect, 'phase_id', new.phase_id, 'review_year', new.review_year));
                END;

CREATE TRIGGER audit_nomination_outcome_delete AFTER DELETE ON nomination_outcome 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'nomination_outcome', old.nomination_id, 'delete', json_object('nomination_id', old.nomination_id, 'result', old.result, 'decision_number', old.decision_number, 'decision_date', old.decision_date, 'issuer', old.issuer, 'award', old.award, 'prior_award_id', old.prior_award_id, 'file_name', old.file_name, 'file_sha256', old.file_sha256, 'recorded_at', old.recorded_at), NULL);
                END;

CREATE TRIGGER audit_nomination_outcome_insert AFTER INSERT ON nomination_outcome 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'nomination_outcome', new.nomination_id, 'insert', NULL, json_object('nomination_id', new.nomination_id, 'result', new.result, 'decision_number', new.decision_number, 'decision_date', new.decision_date, 'issuer', new.issuer, 'award', new.award, 'prior_award_id', new.prior_award_id, 'file_name', new.file_name, 'file_sha256', new.file_sha256, 'recorded_at', new.recorded_at));
                END;

CREATE TRIGGER audit_nomination_outcome_update AFTER UPDATE ON nomination_outcome WHEN old.nomination_id IS NOT new.nomination_id OR old.result IS NOT new.result OR old.decision_number IS NOT new.decision_number OR old.decision_date IS NOT new.decision_date OR old.issuer IS NOT new.issuer OR old.award IS NOT new.award OR old.prior_award_id IS NOT new.prior_award_id OR old.file_name IS NOT new.file_name OR old.file_sha256 IS NOT new.file_sha256 OR old.recorded_at IS NOT new.recorded_at
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'nomination_outcome', new.nomination_id, 'update', json_object('nomination_id', old.nomination_id, 'result', old.result, 'decision_number', old.decision_number, 'decision_date', old.decision_date, 'issuer', old.issuer, 'award', old.award, 'prior_award_id', old.prior_award_id, 'file_name', old.file_name, 'file_sha256', old.file_sha256, 'recorded_at', old.recorded_at), json_object('nomination_id', new.nomination_id, 'result', new.result, 'decision_number', new.decision_number, 'decision_date', new.decision_date, 'issuer', new.issuer, 'award', new.award, 'prior_award_id', new.prior_award_id, 'file_name', new.file_name, 'file_sha256', new.file_sha256, 'recorded_at', new.recorded_at));
                END;

CREATE TRIGGER audit_nomination_update AFTER UPDATE ON nomination WHEN old.id IS NOT new.id OR old.campaign_id IS NOT new.campaign_id OR old.campaign_award_id IS NOT new.campaign_award_id OR old.person_id IS NOT new.person_id OR old.collective_id IS NOT new.collective_id OR old.summary IS NOT new.summary OR old.status IS NOT new.status OR old.override_reason IS NOT new.override_reason OR old.created_at IS NOT new.created_at OR old.award IS NOT new.award OR old.measures IS NOT new.measures OR old.effect IS NOT new.effect OR old.phase_id IS NOT new.phase_id OR old.review_year IS NOT new.review_year
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'nomination', new.rowid, 'update', json_object('id', old.id, 'campaign_id', old.campaign_id, 'campaign_award_id', old.campaign_award_id, 'person_id', old.person_id, 'collective_id', old.collective_id, 'summary', old.summary, 'status', old.status, 'override_reason', old.override_reason, 'created_at', old.created_at, 'award', old.award, 'measures', old.measures, 'effect', old.effect, 'phase_id', old.phase_id, 'review_year', old.review_year), json_object('id', new.id, 'campaign_id', new.campaign_id, 'campaign_award_id', new.campaign_award_id, 'person_id', new.person_id, 'collective_id', new.collective_id, 'summary', new.summary, 'status', new.status, 'override_reason', new.override_reason, 'created_at', new.created_at, 'award', new.award, 'measures', new.measures, 'effect', new.effect, 'phase_id', new.phase_id, 'review_year', new.review_year));
                END;

CREATE TRIGGER audit_person_delete AFTER DELETE ON person 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'person', old.rowid, 'delete', json_object('id', old.id, 'full_name', old.full_name, 'sort_key', old.sort_key, 'birth_date', old.birth_date, 'sex', old.sex, 'position', old.position, 'rank', old.rank, 'collective_id', old.collective_id, 'year_joined', old.year_joined, 'ethnicity', old.ethnicity, 'hometown', old.hometown, 'residence', old.residence, 'education', old.education, 'political_theory', old.political_theory), NULL);
                END;

CREATE TRIGGER audit_person_insert AFTER INSERT ON person 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'person', new.rowid, 'insert', NULL, json_object('id', new.id, 'full_name', new.full_name, 'sort_key', new.sort_key, 'birth_date', new.birth_date, 'sex', new.sex, 'position', new.position, 'rank', new.rank, 'collective_id', new.collective_id, 'year_joined', new.year_joined, 'ethnicity', new.ethnicity, 'hometown', new.hometown, 'residence', new.residence, 'education', new.education, 'political_theory', new.political_theory));
                END;

CREATE TRIGGER audit_person_update AFTER UPDATE ON person WHEN old.id IS NOT new.id OR old.full_name IS NOT new.full_name OR old.sort_key IS NOT new.sort_key OR old.birth_date IS NOT new.birth_date OR old.sex IS NOT new.sex OR old.position IS NOT new.position OR old.rank IS NOT new.rank OR old.collective_id IS NOT new.collective_id OR old.year_joined IS NOT new.year_joined OR old.ethnicity IS NOT new.ethnicity OR old.hometown IS NOT new.hometown OR old.residence IS NOT new.residence OR old.education IS NOT new.education OR old.political_theory IS NOT new.political_theory
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'person', new.rowid, 'update', json_object('id', old.id, 'full_name', old.full_name, 'sort_key', old.sort_key, 'birth_date', old.birth_date, 'sex', old.sex, 'position', old.position, 'rank', old.rank, 'collective_id', old.collective_id, 'year_joined', old.year_joined, 'ethnicity', old.ethnicity, 'hometown', old.hometown, 'residence', old.residence, 'education', old.education, 'political_theory', old.political_theory), json_object('id', new.id, 'full_name', new.full_name, 'sort_key', new.sort_key, 'birth_date', new.birth_date, 'sex', new.sex, 'position', new.position, 'rank', new.rank, 'collective_id', new.collective_id, 'year_joined', new.year_joined, 'ethnicity', new.ethnicity, 'hometown', new.hometown, 'residence', new.residence, 'education', new.education, 'political_theory', new.political_theory));
                END;

CREATE TRIGGER audit_print_log_delete AFTER DELETE ON print_log 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'print_log', old.rowid, 'delete', json_object('id', old.id, 'draft_id', old.draft_id, 'document', old.document, 'at', old.at, 'os_user', old.os_user, 'printer', old.printer, 'pages', old.pages, 'copies', old.copies, 'reason', old.reason), NULL);
                END;

CREATE TRIGGER audit_print_log_insert AFTER INSERT ON print_log 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'print_log', new.rowid, 'insert', NULL, json_object('id', new.id, 'draft_id', new.draft_id, 'document', new.document, 'at', new.at, 'os_user', new.os_user, 'printer', new.printer, 'pages', new.pages, 'copies', new.copies, 'reason', new.reason));
                END;

CREATE TRIGGER audit_print_log_update AFTER UPDATE ON print_log WHEN old.id IS NOT new.id OR old.draft_id IS NOT new.draft_id OR old.document IS NOT new.document OR old.at IS NOT new.at OR old.os_user IS NOT new.os_user OR old.printer IS NOT new.printer OR old.pages IS NOT new.pages OR old.copies IS NOT new.copies OR old.reason IS NOT new.reason
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'print_log', new.rowid, 'update', json_object('id', old.id, 'draft_id', old.draft_id, 'document', old.document, 'at', old.at, 'os_user', old.os_user, 'printer', old.printer, 'pages', old.pages, 'copies', old.copies, 'reason', old.reason), json_object('id', new.id, 'draft_id', new.draft_id, 'document', new.document, 'at', new.at, 'os_user', new.os_user, 'printer', new.printer, 'pages', new.pages, 'copies', new.copies, 'reason', new.reason));
                END;

CREATE TRIGGER audit_prior_award_delete AFTER DELETE ON prior_award 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'prior_award', old.rowid, 'delete', json_object('id', old.id, 'person_id', old.person_id, 'collective_id', old.collective_id, 'award', old.award, 'year', old.year, 'decision_number', old.decision_number, 'decision_date', old.decision_date, 'issuer', old.issuer), NULL);
                END;

CREATE TRIGGER audit_prior_award_insert AFTER INSERT ON prior_award 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'prior_award', new.rowid, 'insert', NULL, json_object('id', new.id, 'person_id', new.person_id, 'collective_id', new.collective_id, 'award', new.award, 'year', new.year, 'decision_number', new.decision_number, 'decision_date', new.decision_date, 'issuer', new.issuer));
                END;

CREATE TRIGGER audit_prior_award_update AFTER UPDATE ON prior_award WHEN old.id IS NOT new.id OR old.person_id IS NOT new.person_id OR old.collective_id IS NOT new.collective_id OR old.award IS NOT new.award OR old.year IS NOT new.year OR old.decision_number IS NOT new.decision_number OR old.decision_date IS NOT new.decision_date OR old.issuer IS NOT new.issuer
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'prior_award', new.rowid, 'update', json_object('id', old.id, 'person_id', old.person_id, 'collective_id', old.collective_id, 'award', old.award, 'year', old.year, 'decision_number', old.decision_number, 'decision_date', old.decision_date, 'issuer', old.issuer), json_object('id', new.id, 'person_id', new.person_id, 'collective_id', new.collective_id, 'award', new.award, 'year', new.year, 'decision_number', new.decision_number, 'decision_date', new.decision_date, 'issuer', new.issuer));
                END;

CREATE TRIGGER audit_rating_delete AFTER DELETE ON rating 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'rating', old.rowid, 'delete', json_object('person_id', old.person_id, 'year', old.year, 'rating', old.rating), NULL);
                END;

CREATE TRIGGER audit_rating_insert AFTER INSERT ON rating 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'rating', new.rowid, 'insert', NULL, json_object('person_id', new.person_id, 'year', new.year, 'rating', new.rating));
                END;

CREATE TRIGGER audit_rating_update AFTER UPDATE ON rating WHEN old.person_id IS NOT new.person_id OR old.year IS NOT new.year OR old.rating IS NOT new.rating
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'rating', new.rowid, 'update', json_object('person_id', old.person_id, 'year', old.year, 'rating', old.rating), json_object('person_id', new.person_id, 'year', new.year, 'rating', new.rating));
                END;

CREATE TRIGGER audit_registration_delete AFTER DELETE ON registration 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'registration', old.rowid, 'delete', json_object('id', old.id, 'campaign_id', old.campaign_id, 'phase_id', old.phase_id, 'person_id', old.person_id, 'collective_id', old.collective_id, 'titles', old.titles, 'registered_on', old.registered_on, 'note', old.note), NULL);
                END;

CREATE TRIGGER audit_registration_insert AFTER INSERT ON registration 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'registration', new.rowid, 'insert', NULL, json_object('id', new.id, 'campaign_id', new.campaign_id, 'phase_id', new.phase_id, 'person_id', new.person_id, 'collective_id', new.collective_id, 'titles', new.titles, 'registered_on', new.registered_on, 'note', new.note));
                END;

CREATE TRIGGER audit_registration_target_delete AFTER DELETE ON registration_target 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'registration_target', old.rowid, 'delete', json_object('id', old.id, 'registration_id', old.registration_id, 'criterion_id', old.criterion_id, 'value', old.value, 'unit', old.unit, 'due_date', old.due_date, 'note', old.note), NULL);
                END;

CREATE TRIGGER audit_registration_target_insert AFTER INSERT ON registration_target 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'registration_target', new.rowid, 'insert', NULL, json_object('id', new.id, 'registration_id', new.registration_id, 'criterion_id', new.criterion_id, 'value', new.value, 'unit', new.unit, 'due_date', new.due_date, 'note', new.note));
                END;

CREATE TRIGGER audit_registration_target_update AFTER UPDATE ON registration_target WHEN old.id IS NOT new.id OR old.registration_id IS NOT new.registration_id OR old.criterion_id IS NOT new.criterion_id OR old.value IS NOT new.value OR old.unit IS NOT new.unit OR old.due_date IS NOT new.due_date OR old.note IS NOT new.note
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'registration_target', new.rowid, 'update', json_object('id', old.id, 'registration_id', old.registration_id, 'criterion_id', old.criterion_id, 'value', old.value, 'unit', old.unit, 'due_date', old.due_date, 'note', old.note), json_object('id', new.id, 'registration_id', new.registration_id, 'criterion_id', new.criterion_id, 'value', new.value, 'unit', new.unit, 'due_date', new.due_date, 'note', new.note));
                END;

CREATE TRIGGER audit_registration_update AFTER UPDATE ON registration WHEN old.id IS NOT new.id OR old.campaign_id IS NOT new.campaign_id OR old.phase_id IS NOT new.phase_id OR old.person_id IS NOT new.person_id OR old.collective_id IS NOT new.collective_id OR old.titles IS NOT new.titles OR old.registered_on IS NOT new.registered_on OR old.note IS NOT new.note
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'registration', new.rowid, 'update', json_object('id', old.id, 'campaign_id', old.campaign_id, 'phase_id', old.phase_id, 'person_id', old.person_id, 'collective_id', old.collective_id, 'titles', old.titles, 'registered_on', old.registered_on, 'note', old.note), json_object('id', new.id, 'campaign_id', new.campaign_id, 'phase_id', new.phase_id, 'person_id', new.person_id, 'collective_id', new.collective_id, 'titles', new.titles, 'registered_on', new.registered_on, 'note', new.note));
                END;

CREATE TRIGGER audit_review_award_delete AFTER DELETE ON review_award 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'review_award', old.rowid, 'delete', json_object('review_year', old.review_year, 'prior_award_id', old.prior_award_id, 'position', old.position), NULL);
                END;

CREATE TRIGGER audit_review_award_insert AFTER INSERT ON review_award 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'review_award', new.rowid, 'insert', NULL, json_object('review_year', new.review_year, 'prior_award_id', new.prior_award_id, 'position', new.position));
                END;

CREATE TRIGGER audit_review_award_update AFTER UPDATE ON review_award WHEN old.review_year IS NOT new.review_year OR old.prior_award_id IS NOT new.prior_award_id OR old.position IS NOT new.position
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'review_award', new.rowid, 'update', json_object('review_year', old.review_year, 'prior_award_id', old.prior_award_id, 'position', old.position), json_object('review_year', new.review_year, 'prior_award_id', new.prior_award_id, 'position', new.position));
                END;

CREATE TRIGGER audit_review_ballot_delete AFTER DELETE ON review_ballot 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'review_ballot', old.rowid, 'delete', json_object('id', old.id, 'review_year', old.review_year, 'person_id', old.person_id, 'collective_id', old.collective_id, 'title', old.title, 'members', old.members, 'yes', old.yes), NULL);
                END;

CREATE TRIGGER audit_review_ballot_insert AFTER INSERT ON review_ballot 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'review_ballot', new.rowid, 'insert', NULL, json_object('id', new.id, 'review_year', new.review_year, 'person_id', new.person_id, 'collective_id', new.collective_id, 'title', new.title, 'members', new.members, 'yes', new.yes));
                END;

CREATE TRIGGER audit_review_ballot_update AFTER UPDATE ON review_ballot WHEN old.id IS NOT new.id OR old.review_year IS NOT new.review_year OR old.person_id IS NOT new.person_id OR old.collective_id IS NOT new.collective_id OR old.title IS NOT new.title OR old.members IS NOT new.members OR old.yes IS NOT new.yes
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'review_ballot', new.rowid, 'update', json_object('id', old.id, 'review_year', old.review_year, 'person_id', old.person_id, 'collective_id', old.collective_id, 'title', old.title, 'members', old.members, 'yes', old.yes), json_object('id', new.id, 'review_year', new.review_year, 'person_id', new.person_id, 'collective_id', new.collective_id, 'title', new.title, 'members', new.members, 'yes', new.yes));
                END;

CREATE TRIGGER audit_setting_delete AFTER DELETE ON setting 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'setting', old.rowid, 'delete', json_object('key', old.key, 'value', old.value), NULL);
                END;

CREATE TRIGGER audit_setting_insert AFTER INSERT ON setting 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'setting', new.rowid, 'insert', NULL, json_object('key', new.key, 'value', new.value));
                END;

CREATE TRIGGER audit_setting_update AFTER UPDATE ON setting WHEN old.key IS NOT new.key OR old.value IS NOT new.value
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'setting', new.rowid, 'update', json_object('key', old.key, 'value', old.value), json_object('key', new.key, 'value', new.value));
                END;

CREATE TRIGGER audit_title_registration_delete AFTER DELETE ON title_registration 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'title_registration', old.rowid, 'delete', json_object('id', old.id, 'year', old.year, 'person_id', old.person_id, 'collective_id', old.collective_id, 'titles', old.titles, 'registered_on', old.registered_on, 'note', old.note), NULL);
                END;

CREATE TRIGGER audit_title_registration_insert AFTER INSERT ON title_registration 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'title_registration', new.rowid, 'insert', NULL, json_object('id', new.id, 'year', new.year, 'person_id', new.person_id, 'collective_id', new.collective_id, 'titles', new.titles, 'registered_on', new.registered_on, 'note', new.note));
                END;

CREATE TRIGGER audit_title_registration_update AFTER UPDATE ON title_registration WHEN old.id IS NOT new.id OR old.year IS NOT new.year OR old.person_id IS NOT new.person_id OR old.collective_id IS NOT new.collective_id OR old.titles IS NOT new.titles OR old.registered_on IS NOT new.registered_on OR old.note IS NOT new.note
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'title_registration', new.rowid, 'update', json_object('id', old.id, 'year', old.year, 'person_id', old.person_id, 'collective_id', old.collective_id, 'titles', old.titles, 'registered_on', old.registered_on, 'note', old.note), json_object('id', new.id, 'year', new.year, 'person_id', new.person_id, 'collective_id', new.collective_id, 'titles', new.titles, 'registered_on', new.registered_on, 'note', new.note));
                END;

CREATE TRIGGER audit_trusted_certificate_delete AFTER DELETE ON trusted_certificate 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'trusted_certificate', old.rowid, 'delete', json_object('id', old.id, 'sha256', old.sha256, 'subject', old.subject, 'issuer', old.issuer, 'is_root', old.is_root, 'not_before', old.not_before, 'not_after', old.not_after, 'source', old.source, 'added_at', old.added_at), NULL);
                END;

CREATE TRIGGER audit_trusted_certificate_insert AFTER INSERT ON trusted_certificate 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'trusted_certificate', new.rowid, 'insert', NULL, json_object('id', new.id, 'sha256', new.sha256, 'subject', new.subject, 'issuer', new.issuer, 'is_root', new.is_root, 'not_before', new.not_before, 'not_after', new.not_after, 'source', new.source, 'added_at', new.added_at));
                END;

CREATE TRIGGER audit_trusted_certificate_update AFTER UPDATE ON trusted_certificate WHEN old.id IS NOT new.id OR old.sha256 IS NOT new.sha256 OR old.subject IS NOT new.subject OR old.issuer IS NOT new.issuer OR old.is_root IS NOT new.is_root OR old.not_before IS NOT new.not_before OR old.not_after IS NOT new.not_after OR old.source IS NOT new.source OR old.added_at IS NOT new.added_at
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'trusted_certificate', new.rowid, 'update', json_object('id', old.id, 'sha256', old.sha256, 'subject', old.subject, 'issuer', old.issuer, 'is_root', old.is_root, 'not_before', old.not_before, 'not_after', old.not_after, 'source', old.source, 'added_at', old.added_at), json_object('id', new.id, 'sha256', new.sha256, 'subject', new.subject, 'issuer', new.issuer, 'is_root', new.is_root, 'not_before', new.not_before, 'not_after', new.not_after, 'source', new.source, 'added_at', new.added_at));
                END;

CREATE TRIGGER audit_unit_profile_delete AFTER DELETE ON unit_profile 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'unit_profile', old.rowid, 'delete', json_object('id', old.id, 'name', old.name, 'governing_body', old.governing_body, 'province', old.province, 'abbreviation', old.abbreviation, 'head_name', old.head_name, 'head_title', old.head_title, 'clerk_name', old.clerk_name), NULL);
                END;

CREATE TRIGGER audit_unit_profile_insert AFTER INSERT ON unit_profile 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'unit_profile', new.rowid, 'insert', NULL, json_object('id', new.id, 'name', new.name, 'governing_body', new.governing_body, 'province', new.province, 'abbreviation', new.abbreviation, 'head_name', new.head_name, 'head_title', new.head_title, 'clerk_name', new.clerk_name));
                END;

CREATE TRIGGER audit_unit_profile_update AFTER UPDATE ON unit_profile WHEN old.id IS NOT new.id OR old.name IS NOT new.name OR old.governing_body IS NOT new.governing_body OR old.province IS NOT new.province OR old.abbreviation IS NOT new.abbreviation OR old.head_name IS NOT new.head_name OR old.head_title IS NOT new.head_title OR old.clerk_name IS NOT new.clerk_name
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'unit_profile', new.rowid, 'update', json_object('id', old.id, 'name', old.name, 'governing_body', old.governing_body, 'province', old.province, 'abbreviation', old.abbreviation, 'head_name', old.head_name, 'head_title', old.head_title, 'clerk_name', old.clerk_name), json_object('id', new.id, 'name', new.name, 'governing_body', new.governing_body, 'province', new.province, 'abbreviation', new.abbreviation, 'head_name', new.head_name, 'head_title', new.head_title, 'clerk_name', new.clerk_name));
                END;

CREATE TRIGGER audit_yearly_review_delete AFTER DELETE ON yearly_review 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'yearly_review', old.rowid, 'delete', json_object('year', old.year, 'status', old.status, 'decision_number', old.decision_number, 'decision_date', old.decision_date, 'issuer', old.issuer, 'created_at', old.created_at), NULL);
                END;

CREATE TRIGGER audit_yearly_review_insert AFTER INSERT ON yearly_review 
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'yearly_review', new.rowid, 'insert', NULL, json_object('year', new.year, 'status', new.status, 'decision_number', new.decision_number, 'decision_date', new.decision_date, 'issuer', new.issuer, 'created_at', new.created_at));
                END;

CREATE TRIGGER audit_yearly_review_update AFTER UPDATE ON yearly_review WHEN old.year IS NOT new.year OR old.status IS NOT new.status OR old.decision_number IS NOT new.decision_number OR old.decision_date IS NOT new.decision_date OR old.issuer IS NOT new.issuer OR old.created_at IS NOT new.created_at
                BEGIN
                  INSERT INTO audit_log(at, os_user, table_name, row_id, action, old_values, new_values)
                  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), thidua_user(), 'yearly_review', new.rowid, 'update', json_object('year', old.year, 'status', old.status, 'decision_number', old.decision_number, 'decision_date', old.decision_date, 'issuer', old.issuer, 'created_at', old.created_at), json_object('year', new.year, 'status', new.status, 'decision_number', new.decision_number, 'decision_date', new.decision_date, 'issuer', new.issuer, 'created_at', new.created_at));
                END;

CREATE TRIGGER collective_fts_update AFTER UPDATE OF name ON collective BEGIN
            UPDATE search_fts
               SET body = (SELECT body FROM achievement_search_text WHERE id = (search_fts.rowid >> 1) & 4294967295)
             WHERE rowid IN (SELECT 2 * ((CAST(julianday(date) AS INTEGER) << 32) + id)
                              FROM achievement WHERE collective_id = new.id);
            UPDATE search_fts SET body = (SELECT body FROM person_search_text WHERE id = search_fts.rowid / 2)
             WHERE rowid IN (SELECT 2 * id + 1 FROM person WHERE collective_id = new.id);
        END;

CREATE TRIGGER person_fts_delete AFTER DELETE ON person BEGIN
            DELETE FROM search_fts WHERE rowid = 2 * old.id + 1;
        END;

CREATE TRIGGER person_fts_insert AFTER INSERT ON person BEGIN
            INSERT INTO search_fts(rowid, body)
                SELECT 2 * id + 1, body FROM person_search_text WHERE id = new.id;
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
