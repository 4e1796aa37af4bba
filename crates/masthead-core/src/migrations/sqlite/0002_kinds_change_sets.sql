-- Masthead schema, version 2: lists users and later capabilities extend
-- become tables, history becomes change sets, statuses carry their flags.
--
-- The runner applies this with foreign keys OFF (set outside the
-- transaction, as SQLite's ALTER TABLE documentation prescribes for a table
-- rebuild) and runs `PRAGMA foreign_key_check` before it commits.

-- Statuses say what they are, so no code compares their keys.
ALTER TABLE workflow_statuses ADD COLUMN is_initial INTEGER NOT NULL DEFAULT 0 CHECK (is_initial IN (0, 1));
UPDATE workflow_statuses SET is_initial = 1 WHERE key = 'idea';
CREATE INDEX workflow_statuses_publication ON workflow_statuses (publication_id, position);

-- Kinds of piece: a per-publication list, like sections.
CREATE TABLE kinds (
    id             TEXT PRIMARY KEY,
    publication_id TEXT NOT NULL REFERENCES publications (id),
    key            TEXT NOT NULL CHECK (key GLOB '[a-z0-9]*' AND length(key) <= 60),
    label          TEXT NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 60),
    position       INTEGER NOT NULL CHECK (position >= 0),
    retired_at     TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;
CREATE UNIQUE INDEX kinds_key ON kinds (publication_id, key);
CREATE UNIQUE INDEX kinds_label ON kinds (publication_id, label COLLATE NOCASE);

-- Every publication gets the default kinds. Their ids are unique UUID
-- strings made from the publication's rowid and the kind's place (a v7 id
-- the app makes later starts with the time, so it cannot collide).
WITH defaults (key, label, position) AS (
    VALUES ('news', 'News', 0), ('feature', 'Feature', 1), ('opinion', 'Opinion', 2),
           ('interview', 'Interview', 3), ('case_study', 'Case study', 4),
           ('partner', 'Partner content', 5), ('competition', 'Competition', 6),
           ('survey', 'Survey', 7), ('video', 'Video', 8)
)
INSERT INTO kinds (id, publication_id, key, label, position, created_at, updated_at)
SELECT printf('%08x-0000-4000-8000-%012x', p.rowid, d.position), p.id, d.key, d.label, d.position,
       p.created_at, p.created_at
  FROM publications p CROSS JOIN defaults d;

-- Version 1 allowed 'advert' as a kind of piece; adverts get their own
-- place on the flatplan, so the kind is kept, retired, where it was used.
INSERT INTO kinds (id, publication_id, key, label, position, retired_at, created_at, updated_at)
SELECT DISTINCT printf('%08x-0000-4000-8000-%012x', p.rowid, 9), p.id, 'advert', 'Advert', 9,
       p.created_at, p.created_at, p.created_at
  FROM articles a JOIN editions e ON e.id = a.edition_id JOIN publications p ON p.id = e.publication_id
 WHERE a.kind = 'advert';

-- articles.kind was a CHECK list; it becomes a reference to kinds. SQLite
-- changes a column's constraint only by rebuilding the table.
CREATE TABLE articles_v2 (
    id          TEXT PRIMARY KEY,
    edition_id  TEXT NOT NULL REFERENCES editions (id),
    section_id  TEXT REFERENCES sections (id),
    status_id   TEXT NOT NULL REFERENCES workflow_statuses (id),
    kind_id     TEXT NOT NULL REFERENCES kinds (id),
    title       TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    slug        TEXT NOT NULL,
    standfirst  TEXT NOT NULL DEFAULT '' CHECK (length(standfirst) <= 1000),
    word_target INTEGER CHECK (word_target IS NULL OR word_target BETWEEN 1 AND 100000),
    tags        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;
INSERT INTO articles_v2 (id, edition_id, section_id, status_id, kind_id, title, slug, standfirst,
                         word_target, tags, notes, created_at, updated_at, deleted_at, version)
SELECT a.id, a.edition_id, a.section_id, a.status_id, k.id, a.title, a.slug, a.standfirst,
       a.word_target, a.tags, a.notes, a.created_at, a.updated_at, a.deleted_at, a.version
  FROM articles a
  JOIN editions e ON e.id = a.edition_id
  JOIN kinds k ON k.publication_id = e.publication_id AND k.key = a.kind;
DROP TABLE articles;
ALTER TABLE articles_v2 RENAME TO articles;
CREATE INDEX articles_edition ON articles (edition_id, status_id) WHERE deleted_at IS NULL;
CREATE INDEX articles_status ON articles (status_id);
CREATE INDEX articles_kind ON articles (kind_id);
CREATE INDEX articles_section ON articles (section_id);

-- History: what a record is and what happened to it are tables, so later
-- capabilities add rows, not table rebuilds.
CREATE TABLE history_entity_types (
    key   TEXT PRIMARY KEY,
    label TEXT NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO history_entity_types (key, label) VALUES
    ('publication', 'publication'), ('section', 'section'), ('edition', 'edition'),
    ('article', 'piece'), ('contributor', 'contributor'), ('assignment', 'assignment'),
    ('kind', 'kind');

CREATE TABLE history_actions (
    key   TEXT PRIMARY KEY,
    label TEXT NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO history_actions (key, label) VALUES
    ('created', 'created'), ('updated', 'changed'), ('status', 'moved'),
    ('deleted', 'deleted'), ('restored', 'restored'), ('retired', 'retired');

-- One change set per user action: who, when, and which publication and
-- edition it happened in.
CREATE TABLE change_sets (
    id             TEXT PRIMARY KEY,
    at             TEXT NOT NULL,
    actor          TEXT NOT NULL CHECK (length(actor) BETWEEN 1 AND 120),
    publication_id TEXT REFERENCES publications (id),
    edition_id     TEXT REFERENCES editions (id)
) STRICT;
CREATE INDEX change_sets_edition ON change_sets (edition_id, at) WHERE edition_id IS NOT NULL;
CREATE INDEX change_sets_publication ON change_sets (publication_id, at);

-- One row per created record, changed field or status move. `old_value` and
-- `new_value` are the words shown; `old_ref` and `new_ref` the stable ids or
-- keys behind them (a status id, a section id). `version` is the record's
-- version after the change, so a conflict can name what changed since.
CREATE TABLE changes (
    id            TEXT PRIMARY KEY,
    change_set_id TEXT NOT NULL REFERENCES change_sets (id),
    seq           INTEGER NOT NULL CHECK (seq >= 0),
    entity        TEXT NOT NULL REFERENCES history_entity_types (key),
    entity_id     TEXT NOT NULL,
    version       INTEGER,
    action        TEXT NOT NULL REFERENCES history_actions (key),
    field         TEXT,
    old_value     TEXT,
    new_value     TEXT,
    old_ref       TEXT,
    new_ref       TEXT,
    UNIQUE (change_set_id, seq)
) STRICT;
CREATE INDEX changes_entity ON changes (entity_id, version);

-- Version 1's history rows become change sets. The field rows one update
-- wrote share their time, actor and record; a creation or a status move is
-- one row, and several may share a millisecond, so each is its own set.
-- Every row keeps its id.
CREATE TEMP TABLE v1_rows AS
SELECT h.*, CASE WHEN h.action = 'updated' THEN 'updated' ELSE h.id END AS grp
  FROM history h;
CREATE TEMP TABLE v1_sets AS
SELECT min(r.id) AS id, r.at, r.actor, r.entity, r.entity_id, r.grp
  FROM v1_rows r GROUP BY r.at, r.actor, r.entity, r.entity_id, r.grp;

INSERT INTO change_sets (id, at, actor, publication_id, edition_id)
SELECT s.id, s.at, s.actor,
       CASE s.entity
           WHEN 'publication' THEN s.entity_id
           WHEN 'section' THEN (SELECT publication_id FROM sections WHERE id = s.entity_id)
           WHEN 'edition' THEN (SELECT publication_id FROM editions WHERE id = s.entity_id)
           WHEN 'article' THEN (SELECT e.publication_id FROM articles a JOIN editions e ON e.id = a.edition_id WHERE a.id = s.entity_id)
           WHEN 'assignment' THEN (SELECT e.publication_id FROM assignments g JOIN articles a ON a.id = g.article_id JOIN editions e ON e.id = a.edition_id WHERE g.id = s.entity_id)
       END,
       CASE s.entity
           WHEN 'edition' THEN s.entity_id
           WHEN 'article' THEN (SELECT edition_id FROM articles WHERE id = s.entity_id)
           WHEN 'assignment' THEN (SELECT a.edition_id FROM assignments g JOIN articles a ON a.id = g.article_id WHERE g.id = s.entity_id)
       END
  FROM v1_sets s;

-- A record's version after each change set: 1 when created, one more for
-- each later change set (version 1 bumped the version once per use case).
INSERT INTO changes (id, change_set_id, seq, entity, entity_id, version, action, field,
                     old_value, new_value, old_ref, new_ref)
SELECT h.id, s.id,
       row_number() OVER (PARTITION BY s.id ORDER BY h.id) - 1,
       h.entity, h.entity_id,
       (SELECT count(*) FROM v1_sets o
         WHERE o.entity_id = s.entity_id AND (o.at < s.at OR (o.at = s.at AND o.id <= s.id))),
       h.action, h.field, h.old_value, h.new_value,
       CASE WHEN h.action = 'status' THEN (SELECT w.id FROM workflow_statuses w
                 JOIN articles a ON a.id = h.entity_id JOIN editions e ON e.id = a.edition_id
                WHERE w.publication_id = e.publication_id AND w.label = h.old_value) END,
       CASE WHEN h.action = 'status' THEN (SELECT w.id FROM workflow_statuses w
                 JOIN articles a ON a.id = h.entity_id JOIN editions e ON e.id = a.edition_id
                WHERE w.publication_id = e.publication_id AND w.label = h.new_value) END
  FROM v1_rows h
  JOIN v1_sets s ON s.at = h.at AND s.actor = h.actor AND s.entity = h.entity
                AND s.entity_id = h.entity_id AND s.grp = h.grp;

DROP TABLE v1_sets;
DROP TABLE v1_rows;
DROP TABLE history;
