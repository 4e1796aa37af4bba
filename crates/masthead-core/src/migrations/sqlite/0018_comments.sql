-- Masthead schema, version 18: comments on a piece. Each is its author's
-- (by the name history records): only they edit it (it shows as edited)
-- or delete it (to the trash). The names it mentions ("@Hannah Okafor")
-- are kept folded, each mention as the one, two and three words after the
-- "@", so a person's desk finds what mentions them by their name alone.
-- Its text is searched with the piece's.
CREATE TABLE comments (
    id          TEXT PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles (id),
    author      TEXT NOT NULL CHECK (length(author) BETWEEN 1 AND 120),
    body        TEXT NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 4000),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    -- When its author last changed its text (shown as "edited").
    edited_at   TEXT,
    deleted_at  TEXT,
    version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;
CREATE INDEX comments_article ON comments (article_id, created_at) WHERE deleted_at IS NULL;

CREATE TABLE comment_mentions (
    name        TEXT NOT NULL,
    comment_id  TEXT NOT NULL REFERENCES comments (id),
    PRIMARY KEY (name, comment_id)
) STRICT, WITHOUT ROWID;

INSERT INTO history_entity_types (key, label) VALUES ('comment', 'comment');

CREATE TRIGGER search_comment_added AFTER INSERT ON comments
BEGIN
    INSERT INTO search_docs (source, source_id, article_id) VALUES ('comment', new.id, new.article_id);
    INSERT INTO search_text (rowid, heading, body) VALUES (last_insert_rowid(), NULL, new.body);
END;

CREATE TRIGGER search_comment_changed AFTER UPDATE OF body ON comments
BEGIN
    UPDATE search_text SET body = new.body
     WHERE rowid = (SELECT id FROM search_docs WHERE source_id = new.id AND source = 'comment');
END;

CREATE TRIGGER search_comment_removed AFTER DELETE ON comments
BEGIN
    DELETE FROM search_text
     WHERE rowid = (SELECT id FROM search_docs WHERE source_id = old.id AND source = 'comment');
    DELETE FROM search_docs WHERE source_id = old.id AND source = 'comment';
END;
