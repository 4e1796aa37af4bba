-- Masthead schema, version 19: a server's (a piece's contributors comment
-- on it through a checked function); a file has no logins.
SELECT 1;
