-- Masthead schema, version 13: full-text search. Every text an editor may
-- search (a piece's title, standfirst and tags; its notes; a commission's
-- brief; the text of every draft) is one document of an FTS5 index, kept
-- in step by triggers (a piece's tags as their words, not their JSON), so
-- the index changes in the same transaction as the
-- row it reads. `search_docs` says which row each document is (an FTS5 row
-- has an integer id; Masthead's rows have UUIDs): documents are found and
-- replaced by it, never by a scan of the index.
--
-- The index is derived data: an export leaves it out, and an import (rows
-- inserted) or this migration (rows read) builds it.

CREATE TABLE search_docs (
    id         INTEGER PRIMARY KEY,
    -- What the document is: 'piece' (title; standfirst and tags), 'notes'
    -- (the piece's notes), 'brief' (a commission's), 'draft' (a version's
    -- text), 'comment' (migration 18's).
    source     TEXT NOT NULL CHECK (source IN ('piece', 'notes', 'brief', 'draft', 'comment')),
    -- The row it reads: the piece (piece, notes), the assignment, the draft.
    source_id  TEXT NOT NULL,
    article_id TEXT NOT NULL,
    UNIQUE (source_id, source)
) STRICT;

-- Diacritics folded ("Zürich" finds "Zurich"), prefixes of two and three
-- letters indexed for search as you type.
CREATE VIRTUAL TABLE search_text USING fts5 (
    heading, body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
-- A title outweighs the body it heads.
INSERT INTO search_text (search_text, rank) VALUES ('rank', 'bm25(4.0, 1.0)');

CREATE TRIGGER search_piece_added AFTER INSERT ON articles
BEGIN
    INSERT INTO search_docs (source, source_id, article_id) VALUES ('piece', new.id, new.id);
    INSERT INTO search_text (rowid, heading, body)
    VALUES (last_insert_rowid(), new.title, new.standfirst || char(10) || replace(replace(replace(new.tags, '[', ''), ']', ''), '"', ''));
    INSERT INTO search_docs (source, source_id, article_id) VALUES ('notes', new.id, new.id);
    INSERT INTO search_text (rowid, heading, body) VALUES (last_insert_rowid(), NULL, new.notes);
END;

CREATE TRIGGER search_piece_changed AFTER UPDATE OF title, standfirst, tags ON articles
BEGIN
    UPDATE search_text SET heading = new.title, body = new.standfirst || char(10) || replace(replace(replace(new.tags, '[', ''), ']', ''), '"', '')
     WHERE rowid = (SELECT id FROM search_docs WHERE source_id = new.id AND source = 'piece');
END;

CREATE TRIGGER search_notes_changed AFTER UPDATE OF notes ON articles
BEGIN
    UPDATE search_text SET body = new.notes
     WHERE rowid = (SELECT id FROM search_docs WHERE source_id = new.id AND source = 'notes');
END;

CREATE TRIGGER search_piece_removed AFTER DELETE ON articles
BEGIN
    DELETE FROM search_text
     WHERE rowid IN (SELECT id FROM search_docs WHERE source_id = old.id AND source IN ('piece', 'notes'));
    DELETE FROM search_docs WHERE source_id = old.id AND source IN ('piece', 'notes');
END;

CREATE TRIGGER search_brief_added AFTER INSERT ON assignments
BEGIN
    INSERT INTO search_docs (source, source_id, article_id) VALUES ('brief', new.id, new.article_id);
    INSERT INTO search_text (rowid, heading, body) VALUES (last_insert_rowid(), NULL, new.brief);
END;

CREATE TRIGGER search_brief_changed AFTER UPDATE OF brief, article_id ON assignments
BEGIN
    UPDATE search_docs SET article_id = new.article_id WHERE source_id = new.id AND source = 'brief';
    UPDATE search_text SET body = new.brief
     WHERE rowid = (SELECT id FROM search_docs WHERE source_id = new.id AND source = 'brief');
END;

CREATE TRIGGER search_brief_removed AFTER DELETE ON assignments
BEGIN
    DELETE FROM search_text
     WHERE rowid = (SELECT id FROM search_docs WHERE source_id = old.id AND source = 'brief');
    DELETE FROM search_docs WHERE source_id = old.id AND source = 'brief';
END;

-- Drafts are never changed or deleted (0005): a version's text is indexed once.
CREATE TRIGGER search_draft_added AFTER INSERT ON draft_contents
BEGIN
    INSERT INTO search_docs (source, source_id, article_id)
    SELECT 'draft', d.id, d.article_id FROM drafts d WHERE d.id = new.draft_id;
    INSERT INTO search_text (rowid, heading, body)
    SELECT s.id, NULL, new.text FROM search_docs s WHERE s.source_id = new.draft_id AND s.source = 'draft';
END;

-- What is there already.
INSERT INTO search_docs (source, source_id, article_id) SELECT 'piece', id, id FROM articles;
INSERT INTO search_docs (source, source_id, article_id) SELECT 'notes', id, id FROM articles;
INSERT INTO search_docs (source, source_id, article_id) SELECT 'brief', id, article_id FROM assignments;
INSERT INTO search_docs (source, source_id, article_id)
SELECT 'draft', d.id, d.article_id FROM drafts d JOIN draft_contents c ON c.draft_id = d.id;
INSERT INTO search_text (rowid, heading, body)
SELECT s.id, a.title, a.standfirst || char(10) || replace(replace(replace(a.tags, '[', ''), ']', ''), '"', '')
  FROM search_docs s JOIN articles a ON a.id = s.source_id WHERE s.source = 'piece';
INSERT INTO search_text (rowid, heading, body)
SELECT s.id, NULL, a.notes FROM search_docs s JOIN articles a ON a.id = s.source_id WHERE s.source = 'notes';
INSERT INTO search_text (rowid, heading, body)
SELECT s.id, NULL, g.brief FROM search_docs s JOIN assignments g ON g.id = s.source_id WHERE s.source = 'brief';
INSERT INTO search_text (rowid, heading, body)
SELECT s.id, NULL, c.text FROM search_docs s JOIN draft_contents c ON c.draft_id = s.source_id WHERE s.source = 'draft';
