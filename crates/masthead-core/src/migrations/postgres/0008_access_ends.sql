-- Access ends when the assignment ends: only an offered or accepted
-- assignment gives a contributor sight of its piece, its edition, its
-- drafts and its history. Once withdrawn or declined she sees nothing of
-- the piece from that moment, her own earlier drafts of it included (the
-- piece and its drafts are the editors' now); she still sees the
-- assignment itself, marked withdrawn or declined, and its history.
CREATE OR REPLACE FUNCTION masthead_me_articles() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT a.article_id FROM public.assignments a
     WHERE a.contributor_id = public.masthead_me_contributor() AND a.deleted_at IS NULL
       AND a.state IN ('offered', 'accepted')
$$;
