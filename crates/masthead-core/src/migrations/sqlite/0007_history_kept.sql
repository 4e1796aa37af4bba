-- History is append-only, for everyone: a change set and its changes, once
-- written, are never changed or deleted (as drafts are not). Maintenance
-- that truly must touch history is the file owner's, by hand: drop the
-- trigger, do it, create the trigger again from this file; `masthead check`
-- reports a database whose triggers are not these.
CREATE TRIGGER change_sets_kept_on_update BEFORE UPDATE ON change_sets
BEGIN SELECT RAISE(ABORT, 'history is append-only: a change set is never changed'); END;
CREATE TRIGGER change_sets_kept_on_delete BEFORE DELETE ON change_sets
BEGIN SELECT RAISE(ABORT, 'history is append-only: a change set is never deleted'); END;
CREATE TRIGGER changes_kept_on_update BEFORE UPDATE ON changes
BEGIN SELECT RAISE(ABORT, 'history is append-only: a change is never changed'); END;
CREATE TRIGGER changes_kept_on_delete BEFORE DELETE ON changes
BEGIN SELECT RAISE(ABORT, 'history is append-only: a change is never deleted'); END;
