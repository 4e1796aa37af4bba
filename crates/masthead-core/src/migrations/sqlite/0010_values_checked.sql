-- Nothing changes on a file: a file's values are written by Masthead alone
-- (`check` reads them all). On a team server, migration 10 checks every
-- id, time, date and list any login writes. The number keeps a file's
-- schema version and a server's in step.
SELECT 1;
