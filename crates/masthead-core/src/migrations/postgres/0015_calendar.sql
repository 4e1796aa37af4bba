-- The calendar reads a month's due dates across a publication.
CREATE INDEX assignments_due ON assignments (due_date) WHERE deleted_at IS NULL AND due_date IS NOT NULL;
