-- Masthead schema, version 20: each edition's pieces counted by status,
-- kept in step by triggers inside the transaction that adds, moves, trashes
-- or restores a piece. Every read of an edition (the editions grid, the
-- desk, `edition list`) gives its pieces and its spiked ones: counted from
-- here, a handful of rows an edition, rather than from every piece it has
-- (which made opening ten years of editions cost the whole file). Counted
-- by status, not by "spiked", so that a status later made spiked (or not)
-- needs no recount. A count never goes below nought (one changed behind
-- the store's back must not stop a piece from moving: `check` finds it,
-- `check --repair` counts again).
CREATE TABLE edition_status_counts (
    edition_id TEXT NOT NULL REFERENCES editions (id),
    status_id  TEXT NOT NULL REFERENCES workflow_statuses (id),
    pieces     INTEGER NOT NULL CHECK (pieces >= 0),
    PRIMARY KEY (edition_id, status_id)
) STRICT, WITHOUT ROWID;

INSERT INTO edition_status_counts (edition_id, status_id, pieces)
SELECT edition_id, status_id, count(*) FROM articles
 WHERE deleted_at IS NULL
 GROUP BY edition_id, status_id;

CREATE TRIGGER edition_counts_piece_added AFTER INSERT ON articles
WHEN new.deleted_at IS NULL
BEGIN
    INSERT INTO edition_status_counts (edition_id, status_id, pieces)
    VALUES (new.edition_id, new.status_id, 1)
    ON CONFLICT (edition_id, status_id) DO UPDATE SET pieces = pieces + 1;
END;

CREATE TRIGGER edition_counts_piece_changed AFTER UPDATE OF edition_id, status_id, deleted_at ON articles
BEGIN
    UPDATE edition_status_counts SET pieces = max(pieces - 1, 0)
     WHERE old.deleted_at IS NULL AND edition_id = old.edition_id AND status_id = old.status_id;
    INSERT INTO edition_status_counts (edition_id, status_id, pieces)
    SELECT new.edition_id, new.status_id, 1 WHERE new.deleted_at IS NULL
    ON CONFLICT (edition_id, status_id) DO UPDATE SET pieces = pieces + 1;
END;

CREATE TRIGGER edition_counts_piece_removed AFTER DELETE ON articles
WHEN old.deleted_at IS NULL
BEGIN
    UPDATE edition_status_counts SET pieces = max(pieces - 1, 0)
     WHERE edition_id = old.edition_id AND status_id = old.status_id;
END;

-- A piece's history reads the lines of all its comments, deleted ones too:
-- an index that holds them all (the first one holds only the live ones).
CREATE INDEX comments_piece ON comments (article_id);

-- Keys that refer to a row are indexed, so that checking them never reads
-- a whole table: a comment's mentions (deleted with it), the drafts that
-- answer a commission. And an edition named without its publication.
CREATE INDEX comment_mentions_comment ON comment_mentions (comment_id);
CREATE INDEX drafts_assignment ON drafts (assignment_id);
CREATE INDEX editions_named ON editions (masthead_fold(name)) WHERE deleted_at IS NULL;

-- A contributor's open commissions counted from the index alone (the
-- directory shows each one's; by due date alone it read every row).
CREATE INDEX assignments_contributor_state ON assignments (contributor_id, state) WHERE deleted_at IS NULL;
