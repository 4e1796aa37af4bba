-- The server checks every value it stores is one Masthead can read back,
-- whoever sends it (an editor's login with psql included): every id is a
-- UUID as Masthead writes them, every time UTC RFC 3339 with milliseconds
-- (so times sort as text), every date a real date, every list a JSON array
-- of text, every draft's kind one Masthead reads and its fingerprint hex.
-- The columns stay text, as a file's are, so the statements and a
-- file <-> server import are the same for both; the server's own checks
-- type them.
--
-- A database that already holds a value out of line (one written before
-- this version) keeps the check for every new write, and `masthead check`
-- names the rows' table and column to mend; nothing is lost.

CREATE FUNCTION masthead_is_id(value text) RETURNS boolean
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT value IS NULL
        OR value ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
$$;

CREATE FUNCTION masthead_is_time(value text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN value IS NULL
        OR (value ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$'
            AND to_char(value::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') = value);
EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
    RETURN false;
END
$$;

CREATE FUNCTION masthead_is_text_list(value text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN value IS NULL
        OR (json_typeof(value::json) = 'array'
            AND NOT EXISTS (SELECT 1 FROM json_array_elements(value::json) e
                             WHERE json_typeof(e) <> 'string'));
EXCEPTION WHEN invalid_text_representation THEN
    RETURN false;
END
$$;

DO $migration$
DECLARE
    c record;
    kind text;
    test text;
BEGIN
    FOR c IN
        SELECT col.table_name::text AS t, col.column_name::text AS col
          FROM information_schema.columns col
         WHERE col.table_schema = 'public' AND col.data_type = 'text'
           AND col.table_name IN ('publications', 'workflow_statuses', 'workflow_transitions',
               'sections', 'editions', 'contributors', 'kinds', 'articles', 'change_sets',
               'changes', 'assignments', 'adverts', 'slots', 'drafts', 'draft_contents', 'people')
         ORDER BY 1, 2
    LOOP
        kind := CASE
            WHEN c.col IN ('id', 'old_ref', 'new_ref') OR c.col LIKE '%\_id' ESCAPE '\' THEN 'id'
            WHEN c.col IN ('at', 'submitted_at') OR c.col LIKE '%\_at' ESCAPE '\' THEN 'time'
            WHEN c.col IN ('focus_topics', 'tags') THEN 'list'
        END;
        IF kind IS NULL THEN
            CONTINUE;
        END IF;
        test := format(CASE kind WHEN 'id' THEN 'masthead_is_id(%I)'
                                 WHEN 'time' THEN 'masthead_is_time(%I)'
                                 ELSE 'masthead_is_text_list(%I)' END, c.col);
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (%s) NOT VALID',
                       c.t, c.t || '_' || c.col || '_checked', test);
    END LOOP;
END
$migration$;

ALTER TABLE drafts ADD CONSTRAINT drafts_media_type_checked CHECK (media_type IN (
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.oasis.opendocument.text', 'text/markdown', 'text/plain')) NOT VALID;
ALTER TABLE drafts ADD CONSTRAINT drafts_sha256_checked CHECK (sha256 ~ '^[0-9a-f]{64}$') NOT VALID;

-- Rows already there are checked now; a check they fail stays NOT VALID
-- (still checking every new write) for `masthead check` to report.
DO $migration$
DECLARE
    k record;
BEGIN
    FOR k IN
        SELECT r.relname::text AS t, c.conname::text AS name
          FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
         WHERE c.conname LIKE '%\_checked' ESCAPE '\' AND NOT c.convalidated
           AND r.relnamespace = 'public'::regnamespace
    LOOP
        BEGIN
            EXECUTE format('ALTER TABLE %I VALIDATE CONSTRAINT %I', k.t, k.name);
        EXCEPTION WHEN check_violation THEN
            NULL;
        END;
    END LOOP;
END
$migration$;
