-- The trash closes what it holds to contributors too: a piece in the
-- trash, or a piece of an edition in the trash, is no longer hers to see,
-- answer or send drafts to (until an editor restores it). Her sight of
-- pieces (masthead_me_articles, which her policies and masthead_submit_draft
-- read) leaves them out, and answering an offer asks that its piece and
-- edition are live.
CREATE OR REPLACE FUNCTION masthead_me_articles() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT a.article_id FROM public.assignments a
      JOIN public.articles ar ON ar.id = a.article_id AND ar.deleted_at IS NULL
      JOIN public.editions e ON e.id = ar.edition_id AND e.deleted_at IS NULL
     WHERE a.contributor_id = public.masthead_me_contributor() AND a.deleted_at IS NULL
       AND a.state IN ('offered', 'accepted')
$$;

CREATE OR REPLACE FUNCTION masthead_answer_offer(assignment text, seen integer, accept boolean) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    me text := public.masthead_contributor_only();
    a public.assignments%ROWTYPE;
    stamp text := public.masthead_now();
    set_id text := public.masthead_new_id();
    answer text := CASE accept WHEN true THEN 'accepted' WHEN false THEN 'declined' END;
BEGIN
    IF seen IS NULL OR answer IS NULL THEN
        RAISE EXCEPTION 'an answer is accept or decline, to the version seen'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- Read first, lock only her open offer at the version she saw: a call
    -- that changes nothing holds nothing.
    SELECT * INTO a FROM public.assignments x
     WHERE x.id = masthead_answer_offer.assignment AND x.contributor_id = me AND x.deleted_at IS NULL
       AND EXISTS (SELECT 1 FROM public.articles ar
                     JOIN public.editions e ON e.id = ar.edition_id AND e.deleted_at IS NULL
                    WHERE ar.id = x.article_id AND ar.deleted_at IS NULL);
    IF NOT FOUND THEN
        RAISE EXCEPTION 'that is not an assignment of yours' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF a.version <> seen THEN
        RETURN 0;
    END IF;
    IF a.state <> 'offered' THEN
        RAISE EXCEPTION 'this offer is % and can no longer be answered', a.state
            USING ERRCODE = 'MH001';
    END IF;
    SELECT * INTO a FROM public.assignments x
     WHERE x.id = a.id AND x.version = seen AND x.state = 'offered' AND x.deleted_at IS NULL
       FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    -- The change set first: a declined writer no longer has the piece.
    INSERT INTO public.change_sets (id, at, actor, publication_id, edition_id)
    SELECT set_id, stamp, '-', NULL, ar.edition_id FROM public.articles ar WHERE ar.id = a.article_id;
    UPDATE public.assignments x SET state = answer, answered_at = stamp, updated_at = stamp,
           version = a.version + 1
     WHERE x.id = a.id;
    INSERT INTO public.changes (id, change_set_id, seq, entity, entity_id, version, action,
                                field, old_value, new_value, subject)
    SELECT public.masthead_new_id(), set_id, 0, 'assignment', a.id, a.version + 1, 'updated',
           'state', 'offered', answer, c.name
      FROM public.contributors c WHERE c.id = a.contributor_id;
    PERFORM public.masthead_contributor_tick();
    RETURN a.version + 1;
END
$$;
