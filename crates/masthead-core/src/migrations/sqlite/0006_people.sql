-- The people of a team: who may sign in to a team server, as an editor or
-- as a contributor (linked to their entry in the contributors directory).
-- In a file the table is kept as it came, so a server's team survives a
-- round trip through a file; only a server acts on it.
CREATE TABLE people (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
    email          TEXT CHECK (email IS NULL OR email LIKE '%_@_%'),
    role           TEXT NOT NULL CHECK (role IN ('editor', 'contributor')),
    -- The server login (a PostgreSQL role) this person signs in with.
    login          TEXT,
    contributor_id TEXT REFERENCES contributors (id),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT,
    version        INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK (role = 'editor' OR contributor_id IS NOT NULL)
) STRICT;
CREATE UNIQUE INDEX people_login ON people (login) WHERE login IS NOT NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX people_email ON people (email COLLATE NOCASE) WHERE email IS NOT NULL AND deleted_at IS NULL;
INSERT INTO history_entity_types (key, label) VALUES ('person', 'team member');
