-- Nothing changes on a file: who may see what is the team server's (its
-- migration 8 ends a contributor's sight of a piece with her assignment).
-- The number keeps a file's schema version and a server's in step.
SELECT 1;
