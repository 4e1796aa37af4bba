-- The people of a team and what each may do, enforced by the server:
-- grants and row-level security, not the app. Editors (masthead_editor) see
-- and change everything; contributors (masthead_contributor) see only their
-- own assignments, the pieces those are for (with the edition's name and
-- dates), their own contributor entry and fees, and those pieces' drafts
-- and history; they may answer their offers, submit drafts for their own
-- assignments (which may move the piece to where drafts arrive) and record
-- that in the history. Nobody types another name: the history's "who" and a
-- draft's "recorded by" are set from the login.

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

-- The two group roles belong to the whole cluster; another team's database
-- on the same server may have made them already, or be making them now.
DO $$
BEGIN
    BEGIN
        CREATE ROLE masthead_editor NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
    BEGIN
        CREATE ROLE masthead_contributor NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
END
$$;

-- Who is signed in (SECURITY DEFINER: read past the policies below).
CREATE FUNCTION masthead_me_contributor() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT contributor_id FROM people WHERE login = session_user AND deleted_at IS NULL
$$;
CREATE FUNCTION masthead_me_name() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT name FROM people WHERE login = session_user AND deleted_at IS NULL
$$;
-- The pieces the signed-in contributor has an assignment for.
CREATE FUNCTION masthead_me_articles() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT article_id FROM assignments
     WHERE contributor_id = masthead_me_contributor() AND deleted_at IS NULL
$$;

-- "Who" comes from the login wherever the login is a team member.
CREATE FUNCTION masthead_signed_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.actor := coalesce(masthead_me_name(), NEW.actor);
    RETURN NEW;
END
$$;
CREATE TRIGGER change_sets_actor BEFORE INSERT ON change_sets
    FOR EACH ROW EXECUTE FUNCTION masthead_signed_actor();
CREATE FUNCTION masthead_signed_recorder() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.recorded_by := coalesce(masthead_me_name(), NEW.recorded_by);
    RETURN NEW;
END
$$;
CREATE TRIGGER drafts_recorder BEFORE INSERT ON drafts
    FOR EACH ROW EXECUTE FUNCTION masthead_signed_recorder();

-- Editors: everything (DDL stays with the database's owner).
GRANT USAGE ON SCHEMA public TO masthead_editor, masthead_contributor;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO masthead_editor;

-- Contributors: what a policy below lets through, and no more.
GRANT SELECT ON publications, workflow_statuses, workflow_transitions, sections, kinds,
    history_entity_types, history_actions, masthead_schema, masthead_clock,
    editions, articles, contributors, assignments, drafts, draft_contents,
    change_sets, changes, people TO masthead_contributor;
GRANT UPDATE ON masthead_clock TO masthead_contributor;
GRANT UPDATE (status_id, updated_at, version) ON articles TO masthead_contributor;
GRANT UPDATE (state, answered_at, updated_at, version) ON assignments TO masthead_contributor;
GRANT INSERT ON drafts, draft_contents, change_sets, changes TO masthead_contributor;

ALTER TABLE editions ENABLE ROW LEVEL SECURITY;
ALTER TABLE articles ENABLE ROW LEVEL SECURITY;
ALTER TABLE contributors ENABLE ROW LEVEL SECURITY;
ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
ALTER TABLE drafts ENABLE ROW LEVEL SECURITY;
ALTER TABLE draft_contents ENABLE ROW LEVEL SECURITY;
ALTER TABLE change_sets ENABLE ROW LEVEL SECURITY;
ALTER TABLE changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE people ENABLE ROW LEVEL SECURITY;
ALTER TABLE slots ENABLE ROW LEVEL SECURITY;
ALTER TABLE adverts ENABLE ROW LEVEL SECURITY;

CREATE POLICY editors ON editions TO masthead_editor USING (true) WITH CHECK (true);
CREATE POLICY editors ON articles TO masthead_editor USING (true) WITH CHECK (true);
CREATE POLICY editors ON contributors TO masthead_editor USING (true) WITH CHECK (true);
CREATE POLICY editors ON assignments TO masthead_editor USING (true) WITH CHECK (true);
CREATE POLICY editors ON drafts TO masthead_editor USING (true) WITH CHECK (true);
CREATE POLICY editors ON draft_contents TO masthead_editor USING (true) WITH CHECK (true);
CREATE POLICY editors ON change_sets TO masthead_editor USING (true) WITH CHECK (true);
CREATE POLICY editors ON changes TO masthead_editor USING (true) WITH CHECK (true);
CREATE POLICY editors ON people TO masthead_editor USING (true) WITH CHECK (true);
CREATE POLICY editors ON slots TO masthead_editor USING (true) WITH CHECK (true);
CREATE POLICY editors ON adverts TO masthead_editor USING (true) WITH CHECK (true);

CREATE POLICY own_assignments ON assignments FOR SELECT TO masthead_contributor
    USING (contributor_id = masthead_me_contributor());
CREATE POLICY answer_own ON assignments FOR UPDATE TO masthead_contributor
    USING (contributor_id = masthead_me_contributor())
    WITH CHECK (contributor_id = masthead_me_contributor());
CREATE POLICY own_entry ON contributors FOR SELECT TO masthead_contributor
    USING (id = masthead_me_contributor());
CREATE POLICY own_pieces ON articles FOR SELECT TO masthead_contributor
    USING (id IN (SELECT masthead_me_articles()));
CREATE POLICY move_own_pieces ON articles FOR UPDATE TO masthead_contributor
    USING (id IN (SELECT masthead_me_articles()))
    WITH CHECK (id IN (SELECT masthead_me_articles()));
CREATE POLICY own_editions ON editions FOR SELECT TO masthead_contributor
    USING (id IN (SELECT a.edition_id FROM articles a WHERE a.id IN (SELECT masthead_me_articles())));
CREATE POLICY own_drafts ON drafts FOR SELECT TO masthead_contributor
    USING (article_id IN (SELECT masthead_me_articles()));
CREATE POLICY submit_own ON drafts FOR INSERT TO masthead_contributor
    WITH CHECK (
        contributor_id = masthead_me_contributor()
        AND assignment_id IN (SELECT id FROM assignments
                               WHERE contributor_id = masthead_me_contributor()
                                 AND state IN ('offered', 'accepted') AND deleted_at IS NULL)
        AND article_id IN (SELECT masthead_me_articles())
    );
CREATE POLICY own_draft_contents ON draft_contents FOR SELECT TO masthead_contributor
    USING (draft_id IN (SELECT id FROM drafts));
CREATE POLICY submit_own_contents ON draft_contents FOR INSERT TO masthead_contributor
    WITH CHECK (draft_id IN (SELECT id FROM drafts));
CREATE POLICY own_history ON changes FOR SELECT TO masthead_contributor
    USING (entity_id IN (SELECT masthead_me_articles())
        OR entity_id IN (SELECT id FROM assignments)
        OR entity_id IN (SELECT id FROM drafts));
CREATE POLICY record_own ON changes FOR INSERT TO masthead_contributor
    WITH CHECK (entity_id IN (SELECT masthead_me_articles())
        OR entity_id IN (SELECT id FROM assignments)
        OR entity_id IN (SELECT id FROM drafts));
CREATE POLICY own_change_sets ON change_sets FOR SELECT TO masthead_contributor
    USING (id IN (SELECT change_set_id FROM changes));
CREATE POLICY record_own_sets ON change_sets FOR INSERT TO masthead_contributor
    WITH CHECK (actor = masthead_me_name());
CREATE POLICY own_person ON people FOR SELECT TO masthead_contributor
    USING (login = session_user);
