-- Nothing changes on a file: a file has no logins, and its writes are the
-- app's. On a team server, migration 9 lets contributors write only
-- through the server's checked functions. The number keeps a file's schema
-- version and a server's in step.
SELECT 1;
