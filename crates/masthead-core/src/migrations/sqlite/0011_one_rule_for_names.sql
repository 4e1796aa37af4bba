-- One rule for names on a file and on a server: names that differ only in
-- case are one name by Unicode's full case folding (rules::fold), not by
-- SQLite's NOCASE, which folds A-Z only. "Café" is "CAFÉ", "Straße" is
-- "STRASSE", on both stores, so every file imports to a server and back.
-- The indexes call masthead_fold, which every connection Masthead opens
-- adds (storage/sqlite: `connect`); another program may read the file, but
-- not write these tables.
--
-- Names already stored that the rule makes one are told apart first: the
-- later gets its row number after it ("CAFÉ (12)"); the copy made before
-- the upgrade, beside the file, keeps them as they were.
UPDATE publications SET name = substr(name, 1, 108) || ' (' || rowid || ')', version = version + 1
 WHERE deleted_at IS NULL AND EXISTS (
    SELECT 1 FROM publications o WHERE o.deleted_at IS NULL AND o.rowid < publications.rowid
       AND masthead_fold(o.name) = masthead_fold(publications.name));
UPDATE sections SET name = substr(name, 1, 48) || ' (' || rowid || ')', version = version + 1
 WHERE deleted_at IS NULL AND EXISTS (
    SELECT 1 FROM sections o WHERE o.deleted_at IS NULL AND o.rowid < sections.rowid
       AND o.publication_id = sections.publication_id
       AND masthead_fold(o.name) = masthead_fold(sections.name));
UPDATE editions SET name = substr(name, 1, 68) || ' (' || rowid || ')', version = version + 1
 WHERE deleted_at IS NULL AND EXISTS (
    SELECT 1 FROM editions o WHERE o.deleted_at IS NULL AND o.rowid < editions.rowid
       AND o.publication_id = editions.publication_id
       AND masthead_fold(o.name) = masthead_fold(editions.name));
UPDATE kinds SET label = substr(label, 1, 48) || ' (' || rowid || ')', version = version + 1
 WHERE EXISTS (
    SELECT 1 FROM kinds o WHERE o.rowid < kinds.rowid AND o.publication_id = kinds.publication_id
       AND masthead_fold(o.label) = masthead_fold(kinds.label));

-- Two addresses the rule makes one: the later contributor's moves into
-- their notes (nothing is lost), a team member's is cleared.
UPDATE contributors
   SET notes = substr(notes || CASE WHEN notes = '' THEN '' ELSE char(10) END
                      || 'Email before the upgrade (the same address as another contributor''s): '
                      || email, 1, 4000),
       email = NULL, version = version + 1
 WHERE deleted_at IS NULL AND email IS NOT NULL AND EXISTS (
    SELECT 1 FROM contributors o WHERE o.deleted_at IS NULL AND o.email IS NOT NULL
       AND o.rowid < contributors.rowid AND masthead_fold(o.email) = masthead_fold(contributors.email));
UPDATE people SET email = NULL, version = version + 1
 WHERE deleted_at IS NULL AND email IS NOT NULL AND EXISTS (
    SELECT 1 FROM people o WHERE o.deleted_at IS NULL AND o.email IS NOT NULL
       AND o.rowid < people.rowid AND masthead_fold(o.email) = masthead_fold(people.email));

DROP INDEX publications_name;
CREATE UNIQUE INDEX publications_name ON publications (masthead_fold(name)) WHERE deleted_at IS NULL;
DROP INDEX sections_name;
CREATE UNIQUE INDEX sections_name ON sections (publication_id, masthead_fold(name)) WHERE deleted_at IS NULL;
DROP INDEX editions_name;
CREATE UNIQUE INDEX editions_name ON editions (publication_id, masthead_fold(name)) WHERE deleted_at IS NULL;
DROP INDEX kinds_label;
CREATE UNIQUE INDEX kinds_label ON kinds (publication_id, masthead_fold(label));
DROP INDEX contributors_email;
CREATE UNIQUE INDEX contributors_email ON contributors (masthead_fold(email))
    WHERE deleted_at IS NULL AND email IS NOT NULL;
DROP INDEX contributors_name;
CREATE INDEX contributors_name ON contributors (masthead_fold(name)) WHERE deleted_at IS NULL;
DROP INDEX people_email;
CREATE UNIQUE INDEX people_email ON people (masthead_fold(email))
    WHERE email IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX articles_title ON articles (masthead_fold(trim(title))) WHERE deleted_at IS NULL;
