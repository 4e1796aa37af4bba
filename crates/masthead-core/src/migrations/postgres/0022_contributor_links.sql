-- Contributors' personal links to their page (see the file's migration
-- 22). Editors make and revoke them; only a token's SHA-256 is kept. A
-- link is signed by the server: its maker and time are the login's and the
-- server's, as is its revoker; it is never deleted, and nothing but one
-- revocation is ever written to it. Contributors' logins see none.
CREATE TABLE contributor_links (
    id             text PRIMARY KEY CHECK (masthead_is_id(id)),
    contributor_id text NOT NULL REFERENCES contributors (id),
    token_sha256   text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    created_by     text NOT NULL CHECK (length(trim(created_by)) BETWEEN 1 AND 120),
    created_at     text NOT NULL CHECK (masthead_is_time(created_at)),
    expires_at     text NOT NULL CHECK (masthead_is_time(expires_at) AND expires_at > created_at),
    revoked_by     text CHECK (revoked_by IS NULL OR length(trim(revoked_by)) BETWEEN 1 AND 120),
    revoked_at     text CHECK (revoked_at IS NULL OR masthead_is_time(revoked_at)),
    CHECK ((revoked_by IS NULL) = (revoked_at IS NULL))
);
CREATE INDEX contributor_links_live ON contributor_links (contributor_id)
    WHERE revoked_at IS NULL;

CREATE FUNCTION masthead_contributor_link_signed() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me text := public.masthead_me_name();
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF me IS NOT NULL THEN
            NEW.created_by := me;
            NEW.created_at := public.masthead_now();
        END IF;
        NEW.revoked_by := NULL;
        NEW.revoked_at := NULL;
        RETURN NEW;
    END IF;
    IF TG_OP <> 'UPDATE' THEN
        RAISE EXCEPTION 'a contributor link is only ever revoked' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.revoked_at IS NOT NULL
       OR NEW.id IS DISTINCT FROM OLD.id OR NEW.contributor_id IS DISTINCT FROM OLD.contributor_id
       OR NEW.token_sha256 IS DISTINCT FROM OLD.token_sha256
       OR NEW.created_by IS DISTINCT FROM OLD.created_by
       OR NEW.created_at IS DISTINCT FROM OLD.created_at
       OR NEW.expires_at IS DISTINCT FROM OLD.expires_at THEN
        RAISE EXCEPTION 'a contributor link is only ever revoked' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF me IS NOT NULL AND NEW.revoked_at IS NOT NULL THEN
        NEW.revoked_by := me;
        NEW.revoked_at := public.masthead_now();
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER contributor_links_signed BEFORE INSERT OR UPDATE OR DELETE ON contributor_links
    FOR EACH ROW EXECUTE FUNCTION masthead_contributor_link_signed();
CREATE TRIGGER contributor_links_kept_whole BEFORE TRUNCATE ON contributor_links
    FOR EACH STATEMENT EXECUTE FUNCTION masthead_contributor_link_signed();

DO $migration$
DECLARE
    g masthead_groups%ROWTYPE;
BEGIN
    SELECT * INTO g FROM masthead_groups;
    ALTER TABLE contributor_links ENABLE ROW LEVEL SECURITY;
    EXECUTE format('GRANT SELECT, INSERT ON contributor_links TO %I', g.editor);
    EXECUTE format('GRANT UPDATE (revoked_by, revoked_at) ON contributor_links TO %I', g.editor);
    EXECUTE format('CREATE POLICY editors ON contributor_links TO %I USING (true) WITH CHECK (true)', g.editor);
END
$migration$;
