-- Masthead schema, version 22: contributors' personal links to their page
-- of `masthead-serve` (a web page where a freelancer reads her briefs,
-- answers offers and sends drafts with only a browser). A link is a random
-- token of 256 bits given once to the editor who makes it; only its SHA-256
-- is kept here, so this file (or a backup of it) opens no contributor's
-- page. A link is hers alone, expires, and is revoked by an editor; it is
-- never deleted or changed otherwise (who made it and when, who revoked it
-- and when, stay). An export leaves links out: a plan moved to another
-- store gets new ones.
CREATE TABLE contributor_links (
    id             TEXT PRIMARY KEY,
    contributor_id TEXT NOT NULL REFERENCES contributors (id),
    token_sha256   TEXT NOT NULL UNIQUE
                   CHECK (length(token_sha256) = 64 AND token_sha256 NOT GLOB '*[^0-9a-f]*'),
    created_by     TEXT NOT NULL CHECK (length(trim(created_by)) > 0),
    created_at     TEXT NOT NULL,
    -- A link lasts a year at most (366 days, and a day's leeway).
    expires_at     TEXT NOT NULL CHECK (expires_at > created_at
                                        AND julianday(expires_at) - julianday(created_at) <= 367),
    revoked_by     TEXT,
    revoked_at     TEXT,
    CHECK ((revoked_by IS NULL) = (revoked_at IS NULL))
) STRICT;

-- Her links still to be revoked, for Revoke link and the editor's list.
CREATE INDEX contributor_links_live ON contributor_links (contributor_id)
    WHERE revoked_at IS NULL;

-- Kept: only a revocation is ever written to a link, once.
CREATE TRIGGER contributor_links_kept BEFORE UPDATE ON contributor_links
WHEN old.revoked_at IS NOT NULL
  OR new.id IS NOT old.id OR new.contributor_id IS NOT old.contributor_id
  OR new.token_sha256 IS NOT old.token_sha256 OR new.created_by IS NOT old.created_by
  OR new.created_at IS NOT old.created_at OR new.expires_at IS NOT old.expires_at
BEGIN
    SELECT RAISE(ABORT, 'a contributor link is only ever revoked');
END;

CREATE TRIGGER contributor_links_not_deleted BEFORE DELETE ON contributor_links
BEGIN
    SELECT RAISE(ABORT, 'a contributor link is only ever revoked');
END;
