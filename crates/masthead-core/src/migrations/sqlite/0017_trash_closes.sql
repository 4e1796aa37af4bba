-- Masthead schema, version 17: a server's (a contributor's functions leave
-- out what is in the trash); a file has no logins, so nothing to do.
SELECT 1;
