-- The trash (see the file's migration 14): deleted pieces, editions,
-- contributors and adverts, with the change sets that deleted, restored
-- or emptied them. Editors' alone: a contributor neither reads nor writes it.
CREATE TABLE trash (
    id             text PRIMARY KEY CHECK (masthead_is_id(id)),
    entity         text NOT NULL CHECK (entity IN ('article', 'edition', 'contributor', 'advert', 'comment')),
    entity_id      text NOT NULL CHECK (masthead_is_id(entity_id)),
    publication_id text REFERENCES publications (id),
    label          text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    edition        text,
    place          text CHECK (place IS NULL OR json_typeof(place::json) = 'object'),
    deleted_in     text NOT NULL REFERENCES change_sets (id),
    restored_in    text REFERENCES change_sets (id),
    emptied_in     text REFERENCES change_sets (id),
    CHECK (restored_in IS NULL OR emptied_in IS NULL)
);
CREATE INDEX trash_open ON trash (publication_id) WHERE restored_in IS NULL AND emptied_in IS NULL;
CREATE UNIQUE INDEX trash_entity ON trash (entity_id) WHERE restored_in IS NULL AND emptied_in IS NULL;

INSERT INTO history_actions (key, label) VALUES ('emptied', 'emptied');

DO $migration$
DECLARE
    g masthead_groups%ROWTYPE;
BEGIN
    SELECT * INTO g FROM masthead_groups;
    ALTER TABLE trash ENABLE ROW LEVEL SECURITY;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON trash TO %I', g.editor);
    EXECUTE format('CREATE POLICY editors ON trash TO %I USING (true) WITH CHECK (true)', g.editor);
END
$migration$;
