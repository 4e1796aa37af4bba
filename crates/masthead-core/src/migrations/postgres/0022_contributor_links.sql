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
    -- A link lasts a year at most (366 days, and a day's leeway).
    expires_at     text NOT NULL CHECK (masthead_is_time(expires_at) AND expires_at > created_at
                                        AND expires_at::timestamptz - created_at::timestamptz
                                            <= interval '367 days'),
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

-- The contributors' page (masthead-serve) signs in with a login of its own,
-- made by an editor (`masthead team page-login`): a member of this team's
-- contributor group, so it has a contributor's grants, policies and
-- functions and nothing more, and of a group of its own that marks it. It
-- acts for nobody until a link names someone: `masthead_link_visit(hash)`
-- checks the link (known, not revoked, not expired, its contributor not in
-- the trash) and keeps its hash for the rest of the transaction, and
-- `masthead_me_contributor()` and `masthead_me_name()` then answer with
-- that link's contributor, checking the link again each time. A hash set by
-- hand is checked the same way: only a link's hash, which no contributor's
-- login can read, lets the page act for anyone; and no other login's
-- answers ever come from a link.
ALTER TABLE masthead_groups ADD COLUMN page text;

-- The page's login: directly in the page's group, and never an editor
-- (a page login later put in the editors' group serves no link).
CREATE FUNCTION masthead_serves_links() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM pg_auth_members m
                     JOIN pg_roles r ON r.oid = m.member
                     JOIN pg_roles g ON g.oid = m.roleid
                     JOIN public.masthead_groups mg ON g.rolname = mg.page
                    WHERE r.rolname = session_user AND NOT r.rolsuper)
       AND NOT EXISTS (SELECT 1 FROM pg_auth_members m
                         JOIN pg_roles r ON r.oid = m.member
                         JOIN pg_roles g ON g.oid = m.roleid
                         JOIN public.masthead_groups mg ON g.rolname = mg.editor
                        WHERE r.rolname = session_user)
$$;

-- The link the page's transaction acts through, checked now.
CREATE FUNCTION masthead_page_link() RETURNS public.contributor_links
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT l.* FROM public.contributor_links l
      JOIN public.contributors c ON c.id = l.contributor_id AND c.deleted_at IS NULL
     WHERE public.masthead_serves_links()
       AND l.token_sha256 = current_setting('masthead.link', true)
       AND l.revoked_at IS NULL AND l.expires_at > public.masthead_now()
$$;

CREATE OR REPLACE FUNCTION masthead_me_contributor() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT CASE WHEN public.masthead_serves_links()
        THEN (SELECT (public.masthead_page_link()).contributor_id)
        ELSE (SELECT p.contributor_id FROM public.people p
               WHERE p.login = session_user AND p.deleted_at IS NULL)
    END
$$;

CREATE OR REPLACE FUNCTION masthead_me_name() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT CASE WHEN public.masthead_serves_links()
        THEN (SELECT c.name FROM public.contributors c
               WHERE c.id = (public.masthead_page_link()).contributor_id)
        ELSE (SELECT p.name FROM public.people p WHERE p.login = session_user AND p.deleted_at IS NULL)
    END
$$;

-- Opens a link for the rest of this transaction: what became of it, and
-- when all is well whose it is.
CREATE FUNCTION masthead_link_visit(token_hash text)
    RETURNS TABLE (outcome text, link_id text, contributor_id text, name text, expires_at text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    l public.contributor_links%ROWTYPE;
    c public.contributors%ROWTYPE;
BEGIN
    IF NOT public.masthead_serves_links() THEN
        RAISE EXCEPTION 'only the contributors'' page opens links' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM set_config('masthead.link', '', true);
    SELECT * INTO l FROM public.contributor_links x
     WHERE (token_hash ~ '^[0-9a-f]{64}$') IS TRUE AND x.token_sha256 = token_hash;
    IF FOUND THEN
        SELECT * INTO c FROM public.contributors x WHERE x.id = l.contributor_id AND x.deleted_at IS NULL;
    END IF;
    IF l.id IS NULL OR c.id IS NULL THEN
        outcome := 'unknown';
    ELSIF l.revoked_at IS NOT NULL THEN
        outcome := 'revoked';
    ELSIF l.expires_at <= public.masthead_now() THEN
        outcome := 'expired';
    ELSE
        PERFORM set_config('masthead.link', token_hash, true);
        outcome := 'ok'; link_id := l.id; contributor_id := c.id; name := c.name;
        expires_at := l.expires_at;
    END IF;
    RETURN NEXT;
END
$$;

-- Her commits move a clock of her own (so no one waits on another's):
-- through the page, the link's contributor's, not the page login's, which
-- every contributor's answer and draft would otherwise queue on.
CREATE OR REPLACE FUNCTION masthead_contributor_tick() RETURNS void
    LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
    INSERT INTO public.masthead_contributor_clock AS k (login, n)
    VALUES (CASE WHEN public.masthead_serves_links()
                 THEN 'page ' || public.masthead_me_contributor()
                 ELSE session_user END, 1)
        ON CONFLICT (login) DO UPDATE SET n = k.n + 1;
$$;

CREATE OR REPLACE FUNCTION masthead_connection_limit(kind text) RETURNS integer
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE kind WHEN 'editor' THEN 8 WHEN 'page' THEN 24 ELSE 4 END
$$;

-- An editor makes the page's login as any other: kind 'page' joins the
-- contributor group and the page's own.
CREATE OR REPLACE FUNCTION masthead_create_login(login text, secret text, kind text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    g public.masthead_groups%ROWTYPE;
BEGIN
    IF NOT public.masthead_may_manage() THEN
        RAISE EXCEPTION 'only an editor may invite people' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (login ~ '^mh_[a-z0-9_]{1,60}$') IS NOT TRUE
       OR (secret ~ '^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$') IS NOT TRUE
       OR (kind IN ('editor', 'contributor', 'page')) IS NOT TRUE THEN
        RAISE EXCEPTION 'not a Masthead login' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO g FROM public.masthead_groups;
    BEGIN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L CONNECTION LIMIT %s', login, secret,
                       public.masthead_connection_limit(kind));
        INSERT INTO public.masthead_logins (login, role_oid)
        VALUES (login, (SELECT r.oid FROM pg_roles r WHERE r.rolname = login))
        ON CONFLICT ON CONSTRAINT masthead_logins_pkey DO UPDATE SET role_oid = EXCLUDED.role_oid;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
        RETURN false;
    END;
    EXECUTE format('GRANT %I TO %I', CASE kind WHEN 'editor' THEN g.editor ELSE g.contributor END, login);
    IF kind = 'page' THEN
        EXECUTE format('GRANT %I TO %I', g.page, login);
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), login);
    EXECUTE format('GRANT %I TO %I', login, current_user);
    RETURN true;
END
$$;

-- Who she is, asked once a statement rather than once a row: a policy's
-- `(SELECT masthead_me_contributor())` is an init plan, where the bare
-- call ran for every row read (50 page sessions at once waited 14 s for
-- one read of their commissions).
ALTER POLICY own_assignments ON assignments
    USING (contributor_id = (SELECT masthead_me_contributor()) AND deleted_at IS NULL);
ALTER POLICY own_entry ON contributors USING (id = (SELECT masthead_me_contributor()));
ALTER POLICY pieces_comments ON comments
    USING (deleted_at IS NULL
           AND article_id IN (SELECT masthead_me_articles())
           AND EXISTS (SELECT 1 FROM assignments x
                        WHERE x.article_id = comments.article_id
                          AND x.contributor_id = (SELECT masthead_me_contributor())
                          AND x.deleted_at IS NULL AND x.state = 'accepted'
                          AND x.created_at <= comments.created_at));
CREATE OR REPLACE FUNCTION masthead_me_articles() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT a.article_id FROM public.assignments a
      JOIN public.articles ar ON ar.id = a.article_id AND ar.deleted_at IS NULL
      JOIN public.editions e ON e.id = ar.edition_id AND e.deleted_at IS NULL
     WHERE a.contributor_id = (SELECT public.masthead_me_contributor()) AND a.deleted_at IS NULL
       AND a.state IN ('offered', 'accepted')
$$;

REVOKE ALL ON FUNCTION masthead_serves_links(), masthead_page_link(), masthead_link_visit(text)
    FROM PUBLIC;

DO $migration$
DECLARE
    pg text := 'mh_page_' || substr(md5(random()::text || clock_timestamp()::text), 1, 12);
    g masthead_groups%ROWTYPE;
BEGIN
    EXECUTE format('CREATE ROLE %I NOLOGIN', pg);
    UPDATE masthead_groups SET page = pg;
    SELECT * INTO g FROM masthead_groups;
    EXECUTE format('GRANT EXECUTE ON FUNCTION masthead_link_visit(text) TO %I', g.page);
    -- Through a link, her own drafts only: the contributors' policy shows a
    -- piece's drafts by anyone commissioned on it; the page's login, which
    -- a stolen hash would open, sees less (restrictive: with the others).
    EXECUTE format($p$CREATE POLICY page_own_drafts ON drafts AS RESTRICTIVE FOR SELECT TO %I
        USING (contributor_id = (SELECT masthead_me_contributor()))$p$, g.page);
    -- Any login of the team may ask whether it is the page's.
    EXECUTE format('GRANT EXECUTE ON FUNCTION masthead_serves_links() TO %I, %I', g.editor, g.contributor);
END
$migration$;
