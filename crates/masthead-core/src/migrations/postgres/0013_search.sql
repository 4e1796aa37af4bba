-- Full-text search. Every text an editor may search (a piece's title,
-- standfirst and tags; its notes; a commission's brief; the text of every
-- draft) carries its words as a generated column the server keeps in step
-- with the row itself, indexed with GIN. A contributor searches through
-- the same rows her policies let her read: the notes' column, like the
-- notes, is not granted to her. A draft's first 100,000 characters are
-- indexed: a tsvector holds at most 1 MB, and text made to yield the most
-- lexemes per character stays under it at that length.
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, title), 'A')
    || to_tsvector('simple'::regconfig, standfirst || ' ' || translate(tags, '[]"', '   '))) STORED;
ALTER TABLE articles ADD COLUMN notes_search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, notes)) STORED;
ALTER TABLE assignments ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, brief)) STORED;
ALTER TABLE draft_contents ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, left(text, 100000))) STORED;

-- No statistics of their words: the planner's row estimates for `@@`
-- read them without asking whose rows they came from, and would tell a
-- contributor how common a word is in drafts and briefs not hers.
ALTER TABLE articles ALTER COLUMN search SET STATISTICS 0,
                     ALTER COLUMN notes_search SET STATISTICS 0;
ALTER TABLE assignments ALTER COLUMN search SET STATISTICS 0;
ALTER TABLE draft_contents ALTER COLUMN search SET STATISTICS 0;

CREATE INDEX articles_search ON articles USING gin (search);
CREATE INDEX articles_notes_search ON articles USING gin (notes_search);
CREATE INDEX assignments_search ON assignments USING gin (search);
CREATE INDEX draft_contents_search ON draft_contents USING gin (search);

DO $migration$
DECLARE
    g masthead_groups%ROWTYPE;
BEGIN
    SELECT * INTO g FROM masthead_groups;
    EXECUTE format('GRANT SELECT (search) ON articles TO %I', g.contributor);
END
$migration$;
