-- Each contributor's open commissions counted (see the file's migration
-- 21), kept by a trigger that runs as the schema's owner, so that any
-- login's change to a commission (an editor's, or a contributor answering
-- her offer) counts. Editors read the counts; a contributor's own entry
-- still counts only what she may see, as before, from the commissions.
-- No commission changes between the count below and the trigger that
-- keeps it.
LOCK TABLE assignments IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE contributor_open_counts (
    contributor_id text PRIMARY KEY REFERENCES contributors (id),
    open           integer NOT NULL CHECK (open >= 0)
);

INSERT INTO contributor_open_counts (contributor_id, open)
SELECT contributor_id, count(*) FROM assignments
 WHERE deleted_at IS NULL AND state IN ('offered', 'accepted')
 GROUP BY contributor_id;

CREATE FUNCTION masthead_commissions_counted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    -- Still open, and still hers (an offer accepted): nothing to count, and
    -- no count row locked. A contributor answering an offer must not hold a
    -- row that editors' writes to her other commissions need.
    IF TG_OP = 'UPDATE' AND OLD.contributor_id = NEW.contributor_id
       AND OLD.deleted_at IS NULL AND NEW.deleted_at IS NULL
       AND OLD.state IN ('offered', 'accepted') AND NEW.state IN ('offered', 'accepted') THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL
       AND OLD.state IN ('offered', 'accepted') THEN
        UPDATE public.contributor_open_counts SET open = greatest(open - 1, 0)
         WHERE contributor_id = OLD.contributor_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL
       AND NEW.state IN ('offered', 'accepted') THEN
        INSERT INTO public.contributor_open_counts AS c (contributor_id, open)
        VALUES (NEW.contributor_id, 1)
        ON CONFLICT (contributor_id) DO UPDATE SET open = c.open + 1;
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION masthead_commissions_counted() FROM PUBLIC;
CREATE TRIGGER assignments_counted
    AFTER INSERT OR DELETE OR UPDATE OF contributor_id, state, deleted_at ON assignments
    FOR EACH ROW EXECUTE FUNCTION masthead_commissions_counted();

DO $migration$
DECLARE
    g masthead_groups%ROWTYPE;
BEGIN
    SELECT * INTO g FROM masthead_groups;
    ALTER TABLE contributor_open_counts ENABLE ROW LEVEL SECURITY;
    EXECUTE format('GRANT SELECT ON contributor_open_counts TO %I', g.editor);
    EXECUTE format('CREATE POLICY editors ON contributor_open_counts FOR SELECT TO %I USING (true)', g.editor);
END
$migration$;
