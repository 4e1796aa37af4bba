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

DO $migration$
DECLARE
    g masthead_groups%ROWTYPE;
BEGIN
    SELECT * INTO g FROM masthead_groups;
    ALTER TABLE comments ENABLE ROW LEVEL SECURITY;
    ALTER TABLE comment_mentions ENABLE ROW LEVEL SECURITY;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON comments TO %I', g.editor);
    EXECUTE format('GRANT SELECT (id, article_id) ON comments TO %I', g.contributor);
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON comment_mentions TO %I', g.editor);
    EXECUTE format('CREATE POLICY editors ON comments TO %I USING (true) WITH CHECK (true)', g.editor);
    EXECUTE format('CREATE POLICY editors ON comment_mentions TO %I USING (true) WITH CHECK (true)', g.editor);
END
$migration$;
