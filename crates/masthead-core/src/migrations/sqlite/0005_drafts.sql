-- Masthead schema, version 5: drafts. Every version of a piece's copy is
-- kept: a row of facts (who wrote it, who recorded it, the file's name,
-- type, size and SHA-256, its words) that lists read, and beside it, in a
-- table only the reading view and downloads touch, the original file and
-- the text taken from it. Neither is ever updated or deleted: triggers
-- refuse it, whatever the caller.
--
-- Applied with foreign keys OFF and `foreign_key_check` before COMMIT (see 0002).

CREATE TABLE drafts (
    id             TEXT PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles (id),
    -- The commission it answers, and who wrote it (the assignment's contributor).
    assignment_id  TEXT REFERENCES assignments (id),
    contributor_id TEXT REFERENCES contributors (id),
    number         INTEGER NOT NULL CHECK (number >= 1),
    file_name      TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    media_type     TEXT NOT NULL,
    size           INTEGER NOT NULL CHECK (size BETWEEN 1 AND 26214400),
    sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
    words          INTEGER NOT NULL CHECK (words >= 0),
    submitted_at   TEXT NOT NULL,
    -- Who recorded it: the editor at the desk, or the contributor on a team server.
    recorded_by    TEXT NOT NULL,
    UNIQUE (article_id, number)
) STRICT;
CREATE INDEX drafts_sha256 ON drafts (article_id, sha256);

CREATE TABLE draft_contents (
    draft_id  TEXT PRIMARY KEY REFERENCES drafts (id),
    original  BLOB NOT NULL,
    text      TEXT NOT NULL,
    markdown  TEXT NOT NULL
) STRICT;

CREATE TRIGGER drafts_kept_on_update BEFORE UPDATE ON drafts
BEGIN SELECT RAISE(ABORT, 'drafts are never changed'); END;
CREATE TRIGGER drafts_kept_on_delete BEFORE DELETE ON drafts
BEGIN SELECT RAISE(ABORT, 'drafts are never deleted'); END;
CREATE TRIGGER draft_contents_kept_on_update BEFORE UPDATE ON draft_contents
BEGIN SELECT RAISE(ABORT, 'drafts are never changed'); END;
CREATE TRIGGER draft_contents_kept_on_delete BEFORE DELETE ON draft_contents
BEGIN SELECT RAISE(ABORT, 'drafts are never deleted'); END;

-- The version an editor approved as the copy (NULL: none yet).
ALTER TABLE articles ADD COLUMN approved_draft_id TEXT REFERENCES drafts (id);

INSERT INTO history_entity_types (key, label) VALUES ('draft', 'draft');
