-- Masthead schema, version 16: what each person has seen. The desk lists
-- the change sets others made in a publication since its reader last
-- marked them seen; that mark, per person (by the name history records)
-- and publication, is kept here.
CREATE TABLE seen (
    actor          TEXT NOT NULL CHECK (length(actor) BETWEEN 1 AND 120),
    publication_id TEXT NOT NULL REFERENCES publications (id),
    -- The time of the newest change set they saw.
    at             TEXT NOT NULL,
    PRIMARY KEY (actor, publication_id)
) STRICT, WITHOUT ROWID;
