-- Masthead schema, version 3: commissioning. Contributors get a phone and
-- notes; assignments get a role and can be withdrawn; statuses carry a
-- deadline (days before one of the edition's key dates), may be where
-- drafts arrive, and the workflow as a whole has a version so two editors
-- reshaping it at once get a conflict, not a muddle.
--
-- Applied with foreign keys OFF and `foreign_key_check` before COMMIT (see 0002).

ALTER TABLE contributors ADD COLUMN phone TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 40);
ALTER TABLE contributors ADD COLUMN notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000);
CREATE INDEX contributors_name ON contributors (name COLLATE NOCASE) WHERE deleted_at IS NULL;

ALTER TABLE publications ADD COLUMN workflow_version INTEGER NOT NULL DEFAULT 1 CHECK (workflow_version >= 1);

-- The key date a status deadline counts back from; NULL when it has none.
ALTER TABLE workflow_statuses ADD COLUMN deadline_anchor TEXT
    CHECK (deadline_anchor IS NULL OR deadline_anchor IN
        ('commissioning_closes', 'copy_deadline', 'subbing_deadline', 'press_date', 'on_sale_date'));
ALTER TABLE workflow_statuses ADD COLUMN receives_drafts INTEGER NOT NULL DEFAULT 0 CHECK (receives_drafts IN (0, 1));
-- v1 and v2 never wrote deadline_offset_days; from now on it goes with the anchor.
UPDATE workflow_statuses SET deadline_offset_days = NULL;

-- The default workflow's deadlines, as a new publication gets them.
UPDATE workflow_statuses SET deadline_anchor = 'commissioning_closes', deadline_offset_days = 0 WHERE key = 'commissioned';
UPDATE workflow_statuses SET deadline_anchor = 'copy_deadline', deadline_offset_days = 0, receives_drafts = 1 WHERE key = 'draft_received';
UPDATE workflow_statuses SET deadline_anchor = 'subbing_deadline', deadline_offset_days = 0 WHERE key = 'subbed';
UPDATE workflow_statuses SET deadline_anchor = 'press_date', deadline_offset_days = 0 WHERE key = 'laid_out';

-- assignments.state was a CHECK list without 'withdrawn'; SQLite changes a
-- CHECK only by rebuilding the table.
CREATE TABLE assignments_v3 (
    id             TEXT PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles (id),
    contributor_id TEXT NOT NULL REFERENCES contributors (id),
    role           TEXT NOT NULL DEFAULT 'writer' CHECK (length(trim(role)) BETWEEN 1 AND 40),
    brief          TEXT NOT NULL DEFAULT '',
    word_target    INTEGER CHECK (word_target IS NULL OR word_target BETWEEN 1 AND 100000),
    due_date       TEXT CHECK (due_date IS date(due_date)),
    fee_minor      INTEGER CHECK (fee_minor IS NULL OR fee_minor >= 0),
    fee_currency   TEXT CHECK (fee_currency IS NULL OR (length(fee_currency) = 3 AND fee_currency = upper(fee_currency))),
    state          TEXT NOT NULL DEFAULT 'offered' CHECK (state IN ('offered', 'accepted', 'declined', 'withdrawn')),
    answered_at    TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT,
    version        INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK ((fee_minor IS NULL) = (fee_currency IS NULL))
) STRICT;
-- v2 never answered an offer: a non-offered row's last change is its answer.
INSERT INTO assignments_v3 (id, article_id, contributor_id, role, brief, word_target, due_date,
        fee_minor, fee_currency, state, answered_at, created_at, updated_at, deleted_at, version)
SELECT id, article_id, contributor_id, 'writer', brief, word_target, due_date,
       fee_minor, fee_currency, state, CASE WHEN state = 'offered' THEN NULL ELSE updated_at END,
       created_at, updated_at, deleted_at, version
  FROM assignments;
DROP TABLE assignments;
ALTER TABLE assignments_v3 RENAME TO assignments;
CREATE INDEX assignments_article ON assignments (article_id, state) WHERE deleted_at IS NULL;
CREATE INDEX assignments_contributor ON assignments (contributor_id, due_date) WHERE deleted_at IS NULL;

-- What a history line is about when it is not the record itself: the
-- contributor of an assignment, the status of a workflow change.
ALTER TABLE changes ADD COLUMN subject TEXT;
-- A status may be deleted only while no history line names it.
CREATE INDEX changes_old_ref ON changes (old_ref) WHERE old_ref IS NOT NULL;
CREATE INDEX changes_new_ref ON changes (new_ref) WHERE new_ref IS NOT NULL;

-- History lines about the workflow as a whole (statuses and moves).
INSERT INTO history_entity_types (key, label) VALUES ('workflow', 'workflow');
