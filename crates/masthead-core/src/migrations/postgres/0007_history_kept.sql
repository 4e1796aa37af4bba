-- History is append-only, for everyone (editors and the owner included): a
-- change set and its changes, once written, are never updated, deleted or
-- truncated. Maintenance that truly must touch history is the owner's, by
-- hand and on purpose: ALTER TABLE … DISABLE TRIGGER, the change, ENABLE
-- TRIGGER (README, team server).
CREATE FUNCTION masthead_history_kept() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION 'history is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER change_sets_kept BEFORE UPDATE OR DELETE ON change_sets
    FOR EACH ROW EXECUTE FUNCTION masthead_history_kept();
CREATE TRIGGER change_sets_kept_whole BEFORE TRUNCATE ON change_sets
    FOR EACH STATEMENT EXECUTE FUNCTION masthead_history_kept();
CREATE TRIGGER changes_kept BEFORE UPDATE OR DELETE ON changes
    FOR EACH ROW EXECUTE FUNCTION masthead_history_kept();
CREATE TRIGGER changes_kept_whole BEFORE TRUNCATE ON changes
    FOR EACH STATEMENT EXECUTE FUNCTION masthead_history_kept();
