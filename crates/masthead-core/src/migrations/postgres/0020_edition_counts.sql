-- Each edition's pieces counted by status (see the file's migration 20),
-- kept by a trigger that runs as the schema's owner, so that any login's
-- change to a piece (an editor's, or a contributor's draft moving it on
-- through her functions) counts. Editors read the counts; a contributor's
-- editions count only the pieces she may see, as before, from the pieces.
-- No piece changes between the count below and the trigger that keeps it.
LOCK TABLE articles IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE edition_status_counts (
    edition_id text NOT NULL REFERENCES editions (id),
    status_id  text NOT NULL REFERENCES workflow_statuses (id),
    pieces     integer NOT NULL CHECK (pieces >= 0),
    PRIMARY KEY (edition_id, status_id)
);

INSERT INTO edition_status_counts (edition_id, status_id, pieces)
SELECT edition_id, status_id, count(*) FROM articles
 WHERE deleted_at IS NULL
 GROUP BY edition_id, status_id;

CREATE FUNCTION masthead_pieces_counted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
        UPDATE public.edition_status_counts SET pieces = greatest(pieces - 1, 0)
         WHERE edition_id = OLD.edition_id AND status_id = OLD.status_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
        INSERT INTO public.edition_status_counts AS c (edition_id, status_id, pieces)
        VALUES (NEW.edition_id, NEW.status_id, 1)
        ON CONFLICT (edition_id, status_id) DO UPDATE SET pieces = c.pieces + 1;
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION masthead_pieces_counted() FROM PUBLIC;
CREATE TRIGGER articles_counted
    AFTER INSERT OR DELETE OR UPDATE OF edition_id, status_id, deleted_at ON articles
    FOR EACH ROW EXECUTE FUNCTION masthead_pieces_counted();

DO $migration$
DECLARE
    g masthead_groups%ROWTYPE;
BEGIN
    SELECT * INTO g FROM masthead_groups;
    ALTER TABLE edition_status_counts ENABLE ROW LEVEL SECURITY;
    EXECUTE format('GRANT SELECT ON edition_status_counts TO %I', g.editor);
    EXECUTE format('CREATE POLICY editors ON edition_status_counts FOR SELECT TO %I USING (true)', g.editor);
END
$migration$;

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
