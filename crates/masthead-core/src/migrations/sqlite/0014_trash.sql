-- Masthead schema, version 14: the trash. Deleting a piece, an edition, a
-- contributor, an advert or a comment (migration 18's) sets its `deleted_at` (every list already
-- leaves such rows out) and files it here: what it was, where it sat on
-- the flatplan, and the change set that deleted it (who and when). Restore
-- and Empty trash each close the entry with their own change set. Nothing
-- is removed from the database: a piece's drafts, above all, are kept.
CREATE TABLE trash (
    id             TEXT PRIMARY KEY,
    entity         TEXT NOT NULL CHECK (entity IN ('article', 'edition', 'contributor', 'advert', 'comment')),
    entity_id      TEXT NOT NULL,
    -- The publication it belonged to (none for a contributor: the directory is shared).
    publication_id TEXT REFERENCES publications (id),
    -- Its title or name when it was deleted, and its edition's name.
    label          TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    edition        TEXT,
    -- The pages it had on the flatplan (JSON), to go back to on restore.
    place          TEXT CHECK (place IS NULL OR json_valid(place)),
    deleted_in     TEXT NOT NULL REFERENCES change_sets (id),
    restored_in    TEXT REFERENCES change_sets (id),
    emptied_in     TEXT REFERENCES change_sets (id),
    CHECK (restored_in IS NULL OR emptied_in IS NULL)
) STRICT;
-- What the trash shows, and the one open entry an item may have.
CREATE INDEX trash_open ON trash (publication_id) WHERE restored_in IS NULL AND emptied_in IS NULL;
CREATE UNIQUE INDEX trash_entity ON trash (entity_id) WHERE restored_in IS NULL AND emptied_in IS NULL;

INSERT INTO history_actions (key, label) VALUES ('emptied', 'emptied');
