-- The editor's desk lists a publication's offers still waiting for an
-- answer, oldest first: an index by state and age serves it without
-- walking every piece the publication has had.
CREATE INDEX assignments_open ON assignments (state, created_at) WHERE deleted_at IS NULL;
