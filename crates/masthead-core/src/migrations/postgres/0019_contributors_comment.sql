-- A piece's contributors read its comments and comment on it: through a
-- function the server checks (her live piece; the text's length and
-- characters; at most 80 mentions), writing the comment under her own name
-- (migration 18's trigger), its mentions and its history in one call.
-- Editing and deleting stay the editors' (and her own comments' author,
-- herself, has no function for them yet).
CREATE FUNCTION masthead_add_comment(article text, body text, mentioned text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me text := public.masthead_contributor_only();
    stamp text := public.masthead_now();
    set_id text := public.masthead_new_id();
    id text := public.masthead_new_id();
    piece public.articles%ROWTYPE;
    names text[];
BEGIN
    SELECT * INTO piece FROM public.articles a
     WHERE a.id = masthead_add_comment.article AND a.deleted_at IS NULL
       AND a.id IN (SELECT public.masthead_me_articles());
    IF NOT FOUND THEN
        RAISE EXCEPTION 'that is not a piece of yours' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF body IS NULL OR length(trim(body)) NOT BETWEEN 1 AND 4000
       OR body ~ '[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]' THEN
        RAISE EXCEPTION 'a comment is 1 to 4000 characters of text'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    BEGIN
        SELECT coalesce(array_agg(DISTINCT n), '{}') INTO names
          FROM json_array_elements_text(coalesce(mentioned, '[]')::json) n;
    EXCEPTION WHEN others THEN
        RAISE EXCEPTION 'mentions are a list of names' USING ERRCODE = 'invalid_parameter_value';
    END;
    IF cardinality(names) > 80 OR EXISTS (SELECT 1 FROM unnest(names) n
                                            WHERE length(n) NOT BETWEEN 1 AND 160) THEN
        RAISE EXCEPTION 'mentions are at most 80 names of 1 to 160 characters'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO public.change_sets (id, at, actor, publication_id, edition_id)
    VALUES (set_id, stamp, '-', NULL, piece.edition_id);
    INSERT INTO public.comments (id, article_id, author, body, created_at, updated_at)
    VALUES (id, piece.id, '-', trim(body), stamp, stamp);
    INSERT INTO public.comment_mentions (name, comment_id) SELECT n, id FROM unnest(names) n;
    INSERT INTO public.changes (id, change_set_id, seq, entity, entity_id, version, action,
                                field, old_value, new_value, subject)
    VALUES (public.masthead_new_id(), set_id, 0, 'comment', id, 1, 'created', NULL, NULL,
            left(regexp_replace(trim(body), '\s+', ' ', 'g'), 80), piece.title);
    PERFORM public.masthead_contributor_tick();
    RETURN id;
END
$$;
REVOKE ALL ON FUNCTION masthead_add_comment(text, text, text) FROM PUBLIC;

DO $migration$
DECLARE
    g masthead_groups%ROWTYPE;
BEGIN
    SELECT * INTO g FROM masthead_groups;
    EXECUTE format('GRANT EXECUTE ON FUNCTION masthead_add_comment(text, text, text) TO %I',
                   g.contributor);
    EXECUTE format('GRANT SELECT (author, body, created_at, edited_at, version, deleted_at)
                    ON comments TO %I', g.contributor);
    EXECUTE format($p$CREATE POLICY pieces_comments ON comments FOR SELECT TO %I
        USING (deleted_at IS NULL AND article_id IN (SELECT masthead_me_articles()))$p$,
        g.contributor);
END
$migration$;
