-- Masthead schema, version 15: the calendar reads a month's due dates
-- across a publication; an index by date serves it.
CREATE INDEX assignments_due ON assignments (due_date) WHERE deleted_at IS NULL AND due_date IS NOT NULL;
