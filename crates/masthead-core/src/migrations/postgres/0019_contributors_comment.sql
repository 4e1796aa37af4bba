-- A piece's contributors read its comments and comment on it: through a
-- function the server checks, writing the comment under her own name
-- (migration 18's trigger), its mentions and its history in one call.
-- She must have accepted the piece; she reads the comments made since
-- she was commissioned (what editors said before stays theirs). Her text
-- is checked as the app checks it (line breaks made \n, NFC, nothing only
-- invisible, no control or direction characters), her mentions are only
-- team members' names her text holds, one comment per call and thirty an
-- hour at most. Editing and deleting stay the editors' (and their own).
CREATE FUNCTION masthead_add_comment(article text, body text, mentioned text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me text := public.masthead_contributor_only();
    stamp text := public.masthead_now();
    set_id text := public.masthead_new_id();
    id text := public.masthead_new_id();
    piece public.articles%ROWTYPE;
    text_ text;
    names text[];
BEGIN
    IF current_setting('masthead.commented', true) = 'yes' THEN
        RAISE EXCEPTION 'one comment at a time' USING ERRCODE = 'MH001';
    END IF;
    PERFORM set_config('masthead.commented', 'yes', true);
    IF body IS NULL OR octet_length(body) > 16000
       OR mentioned IS NOT NULL AND octet_length(mentioned) > 20000 THEN
        RAISE EXCEPTION 'a comment is 1 to 4000 characters of text'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO piece FROM public.articles a
     WHERE a.id = masthead_add_comment.article AND a.deleted_at IS NULL
       AND a.id IN (SELECT public.masthead_me_articles());
    IF NOT FOUND THEN
        RAISE EXCEPTION 'that is not a piece of yours' USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- Her accepted commission, held until the comment is in (an editor's
    -- withdrawal waits for it, or comes first and refuses it).
    PERFORM 1 FROM public.assignments x
      WHERE x.article_id = piece.id AND x.contributor_id = me AND x.deleted_at IS NULL
        AND x.state = 'accepted'
      FOR SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'accept the piece first: then you can write to its editors'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    text_ := normalize(btrim(replace(replace(body, E'\r\n', E'\n'), E'\r', E'\n'),
                             E' \n\t\u00A0\u3000'), NFC);
    IF length(text_) NOT BETWEEN 1 AND 4000
       OR text_ !~ '[^[:space:]\u200B-\u200D\u2060\uFEFF\u00A0\u3000]'
       OR text_ ~ '[\u0001-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]' THEN
        RAISE EXCEPTION 'a comment is 1 to 4000 characters of text'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    BEGIN
        IF mentioned IS NOT NULL AND (json_typeof(mentioned::json) <> 'array'
            OR json_array_length(mentioned::json) > 80
            OR EXISTS (SELECT 1 FROM json_array_elements(mentioned::json) e
                        WHERE json_typeof(e) <> 'string')) THEN
            RAISE EXCEPTION 'bad mentions';
        END IF;
        -- Only team members' names, and only those her text holds.
        SELECT coalesce(array_agg(DISTINCT n), '{}') INTO names
          FROM json_array_elements_text(coalesce(mentioned, '[]')::json) n
         WHERE n IN (SELECT public.masthead_fold(p.name) FROM public.people p
                      WHERE p.deleted_at IS NULL)
           AND strpos(public.masthead_fold(text_), n) > 0;
    EXCEPTION WHEN others THEN
        RAISE EXCEPTION 'mentions are a list of names' USING ERRCODE = 'invalid_parameter_value';
    END;
    -- No one writes thirty comments in an hour but a script.
    IF (SELECT count(*) FROM public.comments k
         WHERE k.author = public.masthead_me_name()
           AND k.created_at > to_char((clock_timestamp() - interval '1 hour') AT TIME ZONE 'UTC',
                                      'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) >= 30 THEN
        RAISE EXCEPTION 'thirty comments in the last hour are enough: write again later'
            USING ERRCODE = 'MH001';
    END IF;
    INSERT INTO public.change_sets (id, at, actor, publication_id, edition_id)
    VALUES (set_id, stamp, '-', NULL, piece.edition_id);
    INSERT INTO public.comments (id, article_id, author, body, created_at, updated_at)
    VALUES (id, piece.id, '-', text_, stamp, stamp);
    INSERT INTO public.comment_mentions (name, comment_id) SELECT n, id FROM unnest(names) n;
    INSERT INTO public.changes (id, change_set_id, seq, entity, entity_id, version, action,
                                field, old_value, new_value, subject)
    VALUES (public.masthead_new_id(), set_id, 0, 'comment', id, 1, 'created', NULL, NULL,
            left(regexp_replace(text_, '\s+', ' ', 'g'), 80), piece.title);
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
    -- The comments of a piece she accepted, made since she was commissioned.
    EXECUTE format($p$CREATE POLICY pieces_comments ON comments FOR SELECT TO %I
        USING (deleted_at IS NULL
               AND article_id IN (SELECT masthead_me_articles())
               AND EXISTS (SELECT 1 FROM assignments x
                            WHERE x.article_id = comments.article_id
                              AND x.contributor_id = masthead_me_contributor()
                              AND x.deleted_at IS NULL AND x.state = 'accepted'
                              AND x.created_at <= comments.created_at))$p$,
        g.contributor);
END
$migration$;
