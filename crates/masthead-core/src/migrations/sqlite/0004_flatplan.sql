-- Masthead schema, version 4: the flatplan. Adverts are booked per
-- edition; a slot puts a piece or an advert on a run of pages, or on part
-- of one page. Parts are in twelfths of a page (full 12, half 6, third 4,
-- quarter 3), so every part a magazine uses is a whole number.
--
-- Applied with foreign keys OFF and `foreign_key_check` before COMMIT (see 0002).

CREATE TABLE adverts (
    id          TEXT PRIMARY KEY,
    edition_id  TEXT NOT NULL REFERENCES editions (id),
    advertiser  TEXT NOT NULL CHECK (length(trim(advertiser)) BETWEEN 1 AND 120),
    size        TEXT NOT NULL CHECK (size IN ('full', 'half', 'third', 'quarter', 'spread')),
    state       TEXT NOT NULL DEFAULT 'pencilled' CHECK (state IN ('pencilled', 'booked', 'artwork')),
    position    TEXT NOT NULL DEFAULT '' CHECK (length(position) <= 200),
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;
CREATE INDEX adverts_edition ON adverts (edition_id) WHERE deleted_at IS NULL;

CREATE TABLE slots (
    id          TEXT PRIMARY KEY,
    edition_id  TEXT NOT NULL REFERENCES editions (id),
    article_id  TEXT REFERENCES articles (id),
    advert_id   TEXT REFERENCES adverts (id),
    first_page  INTEGER NOT NULL CHECK (first_page >= 1),
    last_page   INTEGER NOT NULL CHECK (last_page >= first_page),
    -- Where on the page, and how much of it, in twelfths (a run of pages is whole pages).
    part_offset INTEGER NOT NULL DEFAULT 0 CHECK (part_offset BETWEEN 0 AND 11),
    part_units  INTEGER NOT NULL DEFAULT 12 CHECK (part_units IN (3, 4, 6, 12)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK ((article_id IS NULL) <> (advert_id IS NULL)),
    CHECK (part_units = 12 OR first_page = last_page),
    CHECK (part_offset + part_units <= 12)
) STRICT;
CREATE INDEX slots_edition ON slots (edition_id, first_page);
CREATE UNIQUE INDEX slots_article ON slots (article_id) WHERE article_id IS NOT NULL;
CREATE UNIQUE INDEX slots_advert ON slots (advert_id) WHERE advert_id IS NOT NULL;

-- The edition's flatplan as a whole has a version that goes up with every
-- change to it (each slot has its own, which moves check).
ALTER TABLE editions ADD COLUMN flatplan_version INTEGER NOT NULL DEFAULT 1 CHECK (flatplan_version >= 1);

-- Copyfit: how many words fill a page of each kind (NULL: not set).
ALTER TABLE kinds ADD COLUMN words_per_page INTEGER
    CHECK (words_per_page IS NULL OR words_per_page BETWEEN 50 AND 5000);
UPDATE kinds SET words_per_page = CASE key
    WHEN 'news' THEN 1000 WHEN 'feature' THEN 850 WHEN 'opinion' THEN 900
    WHEN 'interview' THEN 850 WHEN 'case_study' THEN 850 WHEN 'partner' THEN 800
    WHEN 'competition' THEN 600 WHEN 'survey' THEN 700 END;

INSERT INTO history_entity_types (key, label) VALUES ('advert', 'advert');
INSERT INTO history_entity_types (key, label) VALUES ('flatplan', 'flatplan');
