-- The people of a team and what each may do, enforced by the server:
-- grants and row-level security, not the app.
--
-- Each team's database has its own two group roles (roles belong to the
-- whole server; their names, made here, are kept in masthead_groups), so
-- another team's editors are nobody here; and only this team's logins may
-- connect. Editors see and change everything. Contributors see only their
-- own assignments, the pieces those are for (with the edition's name and
-- dates), their own contributor entry and fees, and those pieces' drafts and
-- history; they may answer an open offer, submit drafts for their own live
-- assignments (which may move the piece to where drafts arrive) and record
-- that in the history. Nobody types another name: the history's "who" and a
-- draft's "recorded by" are set from the login. Logins are made and changed
-- only through the functions below, which run as the database's owner (who
-- needs CREATEROLE) and touch only this team's logins; editors hold no
-- CREATEROLE of their own. New tables in later migrations need their grants.

CREATE TABLE people (
    id             text PRIMARY KEY,
    name           text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
    email          text CHECK (email IS NULL OR email LIKE '%_@_%'),
    role           text NOT NULL CHECK (role IN ('editor', 'contributor')),
    login          text,
    contributor_id text REFERENCES contributors (id),
    created_at     text NOT NULL,
    updated_at     text NOT NULL,
    deleted_at     text,
    version        integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK (role = 'editor' OR contributor_id IS NOT NULL)
);
CREATE UNIQUE INDEX people_login ON people (login) WHERE login IS NOT NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX people_email ON people (email COLLATE nocase) WHERE email IS NOT NULL AND deleted_at IS NULL;
INSERT INTO history_entity_types (key, label) VALUES ('person', 'team member');

-- The login that recorded a change set (set by the server; names are not
-- unique, logins are). Not copied by an import: it means this server.
ALTER TABLE change_sets ADD COLUMN login text;

CREATE TABLE masthead_groups (
    editor      text NOT NULL,
    contributor text NOT NULL
);

-- The logins this team's functions made: the only ones they will change
-- or close (never the owner's, another team's or anyone else's). Nobody
-- but the owner's functions writes it.
CREATE TABLE masthead_logins (
    login    text PRIMARY KEY,
    -- The role itself: a name another team reuses later is not this one.
    role_oid oid NOT NULL
);

-- Who is signed in. SECURITY DEFINER to read past the policies below; the
-- search path is pinned with pg_temp last and every name is qualified, so a
-- login's own temporary objects cannot stand in for these tables.
CREATE FUNCTION masthead_me_contributor() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT p.contributor_id FROM public.people p
     WHERE p.login = session_user AND p.deleted_at IS NULL
$$;
CREATE FUNCTION masthead_me_name() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT p.name FROM public.people p WHERE p.login = session_user AND p.deleted_at IS NULL
$$;
-- The pieces the signed-in contributor has an assignment for.
CREATE FUNCTION masthead_me_articles() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT a.article_id FROM public.assignments a
     WHERE a.contributor_id = public.masthead_me_contributor() AND a.deleted_at IS NULL
$$;
-- A change set the signed-in login recorded.
CREATE FUNCTION masthead_my_change_set(set_id text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM public.change_sets s
                    WHERE s.id = set_id AND s.login = session_user)
$$;
-- Whether `status` is where drafts arrive in the workflow of `edition`'s
-- publication (a definer: a policy on articles must not read editions,
-- whose own policy reads articles).
CREATE FUNCTION masthead_drafts_arrive(status text, edition text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM public.workflow_statuses s
                     JOIN public.editions e ON e.publication_id = s.publication_id
                    WHERE s.id = status AND e.id = edition
                      AND s.receives_drafts AND s.retired_at IS NULL)
$$;
-- Whether the session is the database's owner, or a team member who is an
-- editor (in the team list, not only in the group).
CREATE FUNCTION masthead_may_manage() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT coalesce(
        session_user = (SELECT pg_get_userbyid(d.datdba) FROM pg_database d
                         WHERE d.datname = current_database())
        OR (pg_has_role(session_user, (SELECT g.editor FROM public.masthead_groups g), 'MEMBER')
            AND EXISTS (SELECT 1 FROM public.people p
                         WHERE p.login = session_user AND p.role = 'editor'
                           AND p.deleted_at IS NULL)),
        false)
$$;
-- Whether the contributors' rules apply to the session: a direct member of
-- this team's contributor group (never a superuser, whatever the team
-- list says).
CREATE FUNCTION masthead_acts_as_contributor() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM pg_auth_members m
                     JOIN pg_roles r ON r.oid = m.member
                     JOIN pg_roles g ON g.oid = m.roleid
                     JOIN public.masthead_groups mg ON g.rolname = mg.contributor
                    WHERE r.rolname = session_user AND NOT r.rolsuper)
$$;
-- Whether the session belongs to this team's groups (then it must be in
-- the team list to write: its name is the history's "who").
CREATE FUNCTION masthead_in_team_groups() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    -- Direct membership: a superuser counts as a member of every role.
    SELECT EXISTS (SELECT 1 FROM pg_auth_members m
                     JOIN pg_roles r ON r.oid = m.member
                     JOIN pg_roles g ON g.oid = m.roleid
                     JOIN public.masthead_groups mg ON g.rolname IN (mg.editor, mg.contributor)
                    WHERE r.rolname = session_user)
$$;

-- "Who" comes from the login wherever the login is a team member.
CREATE FUNCTION masthead_signed_actor() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me text := public.masthead_me_name();
BEGIN
    IF me IS NULL AND public.masthead_in_team_groups() THEN
        RAISE EXCEPTION 'this login is not on the team list' USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.actor := coalesce(me, NEW.actor);
    NEW.login := session_user;
    -- A contributor's change set is dated by the server and belongs to her
    -- pieces' edition (or to none).
    IF public.masthead_acts_as_contributor() THEN
        NEW.at := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
        IF NEW.edition_id IS NOT NULL
           AND NEW.edition_id NOT IN (SELECT a.edition_id FROM public.articles a
                                       WHERE a.id IN (SELECT public.masthead_me_articles())) THEN
            RAISE EXCEPTION 'not an edition of her pieces' USING ERRCODE = 'insufficient_privilege';
        END IF;
        NEW.publication_id := (SELECT e.publication_id FROM public.editions e WHERE e.id = NEW.edition_id);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER change_sets_actor BEFORE INSERT ON change_sets
    FOR EACH ROW EXECUTE FUNCTION masthead_signed_actor();
CREATE FUNCTION masthead_signed_recorder() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me text := public.masthead_me_name();
BEGIN
    IF me IS NULL AND public.masthead_in_team_groups() THEN
        RAISE EXCEPTION 'this login is not on the team list' USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.recorded_by := coalesce(me, NEW.recorded_by);
    -- A contributor's version is the next one, nothing else.
    IF public.masthead_acts_as_contributor()
       AND NEW.number <> (SELECT coalesce(max(d.number), 0) + 1 FROM public.drafts d
                           WHERE d.article_id = NEW.article_id) THEN
        RAISE EXCEPTION 'a draft is the next version of its piece' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER drafts_recorder BEFORE INSERT ON drafts
    FOR EACH ROW EXECUTE FUNCTION masthead_signed_recorder();

-- What a contributor changes on a piece or an assignment: the version moves
-- on by one (never set), a deleted piece stays as it is, and a piece moves
-- only forward, from a live status.
CREATE FUNCTION masthead_contributor_update() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT public.masthead_acts_as_contributor() THEN
        RETURN NEW;
    END IF;
    NEW.version := OLD.version + 1;
    IF TG_TABLE_NAME = 'articles' THEN
        IF OLD.deleted_at IS NOT NULL OR NOT public.masthead_moves_forward(OLD.status_id, NEW.status_id) THEN
            RAISE EXCEPTION 'a contributor moves a live piece forward only' USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
-- Whether `to` comes after `from` and `from` is neither spiked nor final.
CREATE FUNCTION masthead_moves_forward(from_status text, to_status text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM public.workflow_statuses f, public.workflow_statuses t
                    WHERE f.id = from_status AND t.id = to_status
                      AND NOT f.is_spiked AND NOT f.is_final AND t.position > f.position)
$$;
CREATE TRIGGER articles_contributor BEFORE UPDATE ON articles
    FOR EACH ROW EXECUTE FUNCTION masthead_contributor_update();
CREATE TRIGGER assignments_contributor BEFORE UPDATE ON assignments
    FOR EACH ROW EXECUTE FUNCTION masthead_contributor_update();

-- Every committed write moves the clock on (see storage/postgres); only
-- through this function, so nobody else can lock its row.
CREATE FUNCTION masthead_tick() RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    UPDATE public.masthead_clock SET n = n + 1
$$;

-- Logins. `secret` is a SCRAM-SHA-256 verifier made by the client, so the
-- password itself never reaches the server's logs. False when the login
-- name is taken (by this or another database's team): try another.
CREATE FUNCTION masthead_create_login(login text, secret text, kind text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    g public.masthead_groups%ROWTYPE;
BEGIN
    IF NOT public.masthead_may_manage() THEN
        RAISE EXCEPTION 'only an editor may invite people' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (login ~ '^mh_[a-z0-9_]{1,60}$') IS NOT TRUE
       OR (secret ~ '^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$') IS NOT TRUE
       OR (kind IN ('editor', 'contributor')) IS NOT TRUE THEN
        RAISE EXCEPTION 'not a Masthead login' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO g FROM public.masthead_groups;
    BEGIN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', login, secret);
        INSERT INTO public.masthead_logins (login, role_oid)
        VALUES (login, (SELECT r.oid FROM pg_roles r WHERE r.rolname = login))
        ON CONFLICT ON CONSTRAINT masthead_logins_pkey DO UPDATE SET role_oid = EXCLUDED.role_oid;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
        RETURN false;
    END;
    EXECUTE format('GRANT %I TO %I', CASE kind WHEN 'editor' THEN g.editor ELSE g.contributor END, login);
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), login);
    -- The owner holds the login's privileges, so closing it may end its
    -- sessions (pg_terminate_backend).
    EXECUTE format('GRANT %I TO %I', login, current_user);
    RETURN true;
END
$$;

-- Takes this team's login `login` out of both groups, for the functions
-- below: only an editor (or the owner) may, only for a login this team made,
-- never the caller's own or the owner's. False when the role it made is
-- gone (or its name now belongs to someone else): nothing of ours to change.
CREATE FUNCTION masthead_ungroup(login text, doing text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    g public.masthead_groups%ROWTYPE;
BEGIN
    IF NOT public.masthead_may_manage() THEN
        RAISE EXCEPTION 'only an editor may %', doing USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.masthead_logins l WHERE l.login = masthead_ungroup.login)
       OR masthead_ungroup.login = session_user
       OR masthead_ungroup.login = (SELECT pg_get_userbyid(d.datdba) FROM pg_database d
                                     WHERE d.datname = current_database()) THEN
        RAISE EXCEPTION 'not a login of this team' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.masthead_logins l JOIN pg_roles r ON r.oid = l.role_oid
                    WHERE l.login = masthead_ungroup.login AND r.rolname = masthead_ungroup.login) THEN
        RETURN false;
    END IF;
    SELECT * INTO g FROM public.masthead_groups;
    EXECUTE format('REVOKE %I, %I FROM %I', g.editor, g.contributor, login);
    -- A membership someone else granted (PostgreSQL 16 revokes only one's
    -- own grants) would survive: say so rather than pretend.
    IF pg_has_role(login, g.editor, 'MEMBER') OR pg_has_role(login, g.contributor, 'MEMBER') THEN
        RAISE EXCEPTION 'the login keeps a membership another role granted; ask the database owner'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN true;
END
$$;

-- This team's login `login` becomes an editor's or a contributor's.
CREATE FUNCTION masthead_set_login_role(login text, kind text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    g public.masthead_groups%ROWTYPE;
BEGIN
    IF (kind IN ('editor', 'contributor')) IS NOT TRUE THEN
        RAISE EXCEPTION 'not a team role' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF public.masthead_ungroup(login, 'change roles') THEN
        SELECT * INTO g FROM public.masthead_groups;
        EXECUTE format('GRANT %I TO %I', CASE kind WHEN 'editor' THEN g.editor ELSE g.contributor END, login);
    END IF;
END
$$;

-- This team's login `login` stops: no groups, no connection, no sign-in.
CREATE FUNCTION masthead_close_login(login text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT public.masthead_ungroup(login, 'remove people') THEN
        RETURN;
    END IF;
    EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM %I', current_database(), login);
    EXECUTE format('ALTER ROLE %I NOLOGIN', login);
    -- Sessions still open end now (after this transaction commits they
    -- could not sign in again anyway).
    PERFORM pg_terminate_backend(a.pid) FROM pg_stat_activity a
      WHERE a.usename = masthead_close_login.login AND a.pid <> pg_backend_pid();
END
$$;

-- The groups, the grants and the policies, named for this database.
DO $migration$
DECLARE
    ed text := 'mh_editors_' || substr(md5(random()::text || clock_timestamp()::text), 1, 12);
    co text := 'mh_contributors_' || substr(md5(random()::text || clock_timestamp()::text), 1, 12);
    t text;
BEGIN
    EXECUTE format('CREATE ROLE %I NOLOGIN', ed);
    EXECUTE format('CREATE ROLE %I NOLOGIN', co);
    INSERT INTO masthead_groups (editor, contributor) VALUES (ed, co);

    -- Only this team's logins connect; nobody makes temporary objects.
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    REVOKE ALL ON FUNCTION masthead_create_login(text, text, text), masthead_set_login_role(text, text),
        masthead_close_login(text), masthead_ungroup(text, text), masthead_tick(), masthead_me_contributor(), masthead_me_name(),
        masthead_me_articles(), masthead_my_change_set(text), masthead_drafts_arrive(text, text),
        masthead_may_manage(), masthead_in_team_groups(), masthead_moves_forward(text, text),
        masthead_acts_as_contributor() FROM PUBLIC;
    EXECUTE format('GRANT EXECUTE ON FUNCTION masthead_me_contributor(), masthead_me_name(),
        masthead_me_articles(), masthead_my_change_set(text), masthead_drafts_arrive(text, text),
        masthead_may_manage(), masthead_in_team_groups(), masthead_moves_forward(text, text),
        masthead_acts_as_contributor() TO %I, %I', ed, co);

    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I, %I', ed, co);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', ed);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON masthead_schema, masthead_groups, masthead_clock,
        masthead_logins FROM %I', ed);
    EXECUTE format('GRANT EXECUTE ON FUNCTION masthead_create_login(text, text, text),
        masthead_set_login_role(text, text), masthead_close_login(text) TO %I', ed);
    EXECUTE format('GRANT EXECUTE ON FUNCTION masthead_tick() TO %I, %I', ed, co);

    EXECUTE format('GRANT SELECT ON publications, workflow_statuses, workflow_transitions, sections,
        kinds, history_entity_types, history_actions, masthead_schema, masthead_clock,
        masthead_groups, assignments, drafts, draft_contents, change_sets, changes, people TO %I', co);
    -- Editors' notes (on a piece, an edition, a contributor) are theirs:
    -- every column but those (the app reads them as empty for a contributor).
    EXECUTE format('GRANT SELECT (id, edition_id, section_id, status_id, kind_id, title, slug,
        standfirst, word_target, tags, created_at, updated_at, deleted_at, version,
        approved_draft_id) ON articles TO %I', co);
    EXECUTE format('GRANT SELECT (id, publication_id, name, theme, focus_topics, cover_date,
        page_count, commissioning_closes, copy_deadline, subbing_deadline, press_date,
        on_sale_date, created_at, updated_at, deleted_at, version, flatplan_version)
        ON editions TO %I', co);
    EXECUTE format('GRANT SELECT (id, name, role, organisation, email, kind, created_at,
        updated_at, deleted_at, version, phone) ON contributors TO %I', co);
    EXECUTE format('GRANT UPDATE (status_id, updated_at, version) ON articles TO %I', co);
    EXECUTE format('GRANT UPDATE (state, answered_at, updated_at, version) ON assignments TO %I', co);
    EXECUTE format('GRANT INSERT ON drafts, draft_contents, change_sets, changes TO %I', co);

    FOREACH t IN ARRAY ARRAY['editions', 'articles', 'contributors', 'assignments', 'drafts',
        'draft_contents', 'change_sets', 'changes', 'people', 'slots', 'adverts'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY editors ON %I TO %I USING (true) WITH CHECK (true)', t, ed);
    END LOOP;

    EXECUTE format($p$CREATE POLICY own_assignments ON assignments FOR SELECT TO %I
        USING (contributor_id = masthead_me_contributor() AND deleted_at IS NULL)$p$, co);
    -- An open offer may be answered, once.
    EXECUTE format($p$CREATE POLICY answer_own ON assignments FOR UPDATE TO %I
        USING (contributor_id = masthead_me_contributor() AND state = 'offered' AND deleted_at IS NULL)
        WITH CHECK (contributor_id = masthead_me_contributor() AND state IN ('accepted', 'declined'))$p$, co);
    EXECUTE format($p$CREATE POLICY own_entry ON contributors FOR SELECT TO %I
        USING (id = masthead_me_contributor())$p$, co);
    EXECUTE format($p$CREATE POLICY own_pieces ON articles FOR SELECT TO %I
        USING (id IN (SELECT masthead_me_articles()))$p$, co);
    -- A piece moves only to where its publication's drafts arrive.
    EXECUTE format($p$CREATE POLICY move_own_pieces ON articles FOR UPDATE TO %I
        USING (id IN (SELECT masthead_me_articles()))
        WITH CHECK (id IN (SELECT masthead_me_articles())
            AND masthead_drafts_arrive(status_id, edition_id))$p$, co);
    EXECUTE format($p$CREATE POLICY own_editions ON editions FOR SELECT TO %I
        USING (id IN (SELECT a.edition_id FROM articles a))$p$, co);
    EXECUTE format($p$CREATE POLICY own_drafts ON drafts FOR SELECT TO %I
        USING (article_id IN (SELECT masthead_me_articles()))$p$, co);
    EXECUTE format($p$CREATE POLICY submit_own ON drafts FOR INSERT TO %I
        WITH CHECK (contributor_id = masthead_me_contributor()
            AND EXISTS (SELECT 1 FROM assignments a
                         WHERE a.id = assignment_id AND a.article_id = drafts.article_id
                           AND a.contributor_id = masthead_me_contributor()
                           AND a.state IN ('offered', 'accepted') AND a.deleted_at IS NULL))$p$, co);
    EXECUTE format($p$CREATE POLICY own_draft_contents ON draft_contents FOR SELECT TO %I
        USING (draft_id IN (SELECT d.id FROM drafts d))$p$, co);
    EXECUTE format($p$CREATE POLICY submit_own_contents ON draft_contents FOR INSERT TO %I
        WITH CHECK (draft_id IN (SELECT d.id FROM drafts d
                                  WHERE d.contributor_id = masthead_me_contributor()))$p$, co);
    EXECUTE format($p$CREATE POLICY own_history ON changes FOR SELECT TO %I
        USING (entity <> 'flatplan' AND field IS DISTINCT FROM 'notes'
            AND (entity_id IN (SELECT masthead_me_articles())
              OR entity_id IN (SELECT a.id FROM assignments a)
              OR entity_id IN (SELECT d.id FROM drafts d)))$p$, co);
    -- History lines only in her own change sets, about what she may see.
    EXECUTE format($p$CREATE POLICY record_own ON changes FOR INSERT TO %I
        WITH CHECK (masthead_my_change_set(change_set_id)
            AND (entity_id IN (SELECT masthead_me_articles())
              OR entity_id IN (SELECT a.id FROM assignments a)
              OR entity_id IN (SELECT d.id FROM drafts d)))$p$, co);
    EXECUTE format($p$CREATE POLICY own_change_sets ON change_sets FOR SELECT TO %I
        USING (id IN (SELECT c.change_set_id FROM changes c))$p$, co);
    EXECUTE format($p$CREATE POLICY record_own_sets ON change_sets FOR INSERT TO %I
        WITH CHECK (actor = masthead_me_name() AND login = session_user)$p$, co);
    EXECUTE format($p$CREATE POLICY own_person ON people FOR SELECT TO %I
        USING (login = session_user)$p$, co);
END
$migration$;
