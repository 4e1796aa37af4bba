-- What each person has seen (see the file's migration 16). A contributor
-- has no desk: the table is the editors'.
CREATE TABLE seen (
    actor          text NOT NULL CHECK (length(actor) BETWEEN 1 AND 120),
    publication_id text NOT NULL REFERENCES publications (id),
    at             text NOT NULL CHECK (masthead_is_time(at)),
    PRIMARY KEY (actor, publication_id)
);

DO $migration$
DECLARE
    g masthead_groups%ROWTYPE;
BEGIN
    SELECT * INTO g FROM masthead_groups;
    ALTER TABLE seen ENABLE ROW LEVEL SECURITY;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON seen TO %I', g.editor);
    EXECUTE format('CREATE POLICY editors ON seen TO %I USING (true) WITH CHECK (true)', g.editor);
END
$migration$;
