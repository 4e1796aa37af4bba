-- Comments on a piece (see the file's migration 18), searched with it.
-- Editors' for now: a contributor may name the table (a piece's timeline
-- reads it) but no policy shows her a row, and she writes none.
CREATE TABLE comments (
    id          text PRIMARY KEY CHECK (masthead_is_id(id)),
    article_id  text NOT NULL REFERENCES articles (id),
    author      text NOT NULL CHECK (length(author) BETWEEN 1 AND 120),
    body        text NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 4000),
    created_at  text NOT NULL CHECK (masthead_is_time(created_at)),
    updated_at  text NOT NULL CHECK (masthead_is_time(updated_at)),
    edited_at   text CHECK (edited_at IS NULL OR masthead_is_time(edited_at)),
    deleted_at  text CHECK (deleted_at IS NULL OR masthead_is_time(deleted_at)),
    version     integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    search      tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, body)) STORED
);
CREATE INDEX comments_article ON comments (article_id, created_at) WHERE deleted_at IS NULL;
ALTER TABLE comments ALTER COLUMN search SET STATISTICS 0;
CREATE INDEX comments_search ON comments USING gin (search);

CREATE TABLE comment_mentions (
    name        text NOT NULL,
    comment_id  text NOT NULL REFERENCES comments (id),
    PRIMARY KEY (name, comment_id)
);

INSERT INTO history_entity_types (key, label) VALUES ('comment', 'comment');

-- A comment is its author's, as the server knows them: a team member's
-- login writes it under their own name and the server's time (as a change
-- set's actor), never anyone else's, and only its author changes its text.
CREATE FUNCTION masthead_comment_signed() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me text := public.masthead_me_name();
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.author := coalesce(me, NEW.author);
        IF me IS NOT NULL THEN
            NEW.created_at := public.masthead_now();
            NEW.updated_at := NEW.created_at;
            NEW.edited_at := NULL;
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.author IS DISTINCT FROM OLD.author OR NEW.article_id IS DISTINCT FROM OLD.article_id
       OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
        RAISE EXCEPTION 'a comment keeps its author, piece and time' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF me IS NOT NULL AND OLD.author IS DISTINCT FROM me
       AND (NEW.body IS DISTINCT FROM OLD.body OR NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL) THEN
        RAISE EXCEPTION 'only its author changes or deletes a comment' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF me IS NOT NULL THEN
        NEW.updated_at := public.masthead_now();
        IF NEW.body IS DISTINCT FROM OLD.body THEN
            NEW.edited_at := NEW.updated_at;
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER comments_signed BEFORE INSERT OR UPDATE ON comments
    FOR EACH ROW EXECUTE FUNCTION masthead_comment_signed();

DO $migration$
DECLARE
    g masthead_groups%ROWTYPE;
BEGIN
    SELECT * INTO g FROM masthead_groups;
    ALTER TABLE comments ENABLE ROW LEVEL SECURITY;
    ALTER TABLE comment_mentions ENABLE ROW LEVEL SECURITY;
    EXECUTE format('GRANT SELECT, INSERT ON comments TO %I', g.editor);
    EXECUTE format('GRANT UPDATE (body, updated_at, edited_at, deleted_at, version) ON comments TO %I',
                   g.editor);
    EXECUTE format('GRANT SELECT (id, article_id) ON comments TO %I', g.contributor);
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON comment_mentions TO %I', g.editor);
    EXECUTE format('CREATE POLICY editors ON comments TO %I USING (true) WITH CHECK (true)', g.editor);
    EXECUTE format('CREATE POLICY editors ON comment_mentions TO %I USING (true) WITH CHECK (true)', g.editor);
END
$migration$;
