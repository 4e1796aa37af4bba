-- Masthead schema, version 1.
-- Ids are UUID v7 text; timestamps are UTC RFC 3339 text; dates are ISO
-- YYYY-MM-DD text checked with date(). Rows are never deleted by the app:
-- `deleted_at` marks a record as in the trash so it can be restored.

CREATE TABLE publications (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
    frequency   TEXT NOT NULL DEFAULT '' CHECK (length(frequency) <= 60),
    is_print    INTEGER NOT NULL DEFAULT 1 CHECK (is_print IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;
CREATE UNIQUE INDEX publications_name ON publications (name COLLATE NOCASE) WHERE deleted_at IS NULL;

-- The workflow is per publication: a new publication starts with the default
-- statuses and transitions, which it may later rename, extend or retire.
CREATE TABLE workflow_statuses (
    id                   TEXT PRIMARY KEY,
    publication_id       TEXT NOT NULL REFERENCES publications (id),
    key                  TEXT NOT NULL CHECK (key GLOB '[a-z]*' AND length(key) <= 40),
    label                TEXT NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 40),
    position             INTEGER NOT NULL CHECK (position >= 0),
    colour               TEXT NOT NULL,
    is_spiked            INTEGER NOT NULL DEFAULT 0 CHECK (is_spiked IN (0, 1)),
    is_final             INTEGER NOT NULL DEFAULT 0 CHECK (is_final IN (0, 1)),
    deadline_offset_days INTEGER,
    retired_at           TEXT,
    UNIQUE (publication_id, key)
) STRICT;

CREATE TABLE workflow_transitions (
    from_status_id TEXT NOT NULL REFERENCES workflow_statuses (id),
    to_status_id   TEXT NOT NULL REFERENCES workflow_statuses (id),
    PRIMARY KEY (from_status_id, to_status_id),
    CHECK (from_status_id <> to_status_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE sections (
    id             TEXT PRIMARY KEY,
    publication_id TEXT NOT NULL REFERENCES publications (id),
    name           TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
    position       INTEGER NOT NULL CHECK (position >= 0),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT,
    version        INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;
CREATE UNIQUE INDEX sections_name ON sections (publication_id, name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE editions (
    id                   TEXT PRIMARY KEY,
    publication_id       TEXT NOT NULL REFERENCES publications (id),
    name                 TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
    theme                TEXT NOT NULL DEFAULT '' CHECK (length(theme) <= 200),
    focus_topics         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(focus_topics) AND json_type(focus_topics) = 'array'),
    cover_date           TEXT CHECK (cover_date IS date(cover_date)),
    page_count           INTEGER NOT NULL CHECK (page_count BETWEEN 1 AND 1000),
    commissioning_closes TEXT CHECK (commissioning_closes IS date(commissioning_closes)),
    copy_deadline        TEXT CHECK (copy_deadline IS date(copy_deadline)),
    subbing_deadline     TEXT CHECK (subbing_deadline IS date(subbing_deadline)),
    press_date           TEXT CHECK (press_date IS date(press_date)),
    on_sale_date         TEXT CHECK (on_sale_date IS date(on_sale_date)),
    notes                TEXT NOT NULL DEFAULT '',
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    deleted_at           TEXT,
    version              INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK (press_date IS NULL OR on_sale_date IS NULL OR press_date <= on_sale_date)
) STRICT;
CREATE UNIQUE INDEX editions_name ON editions (publication_id, name COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX editions_publication ON editions (publication_id, on_sale_date);

CREATE TABLE contributors (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
    role         TEXT NOT NULL DEFAULT '' CHECK (length(role) <= 120),
    organisation TEXT NOT NULL DEFAULT '' CHECK (length(organisation) <= 120),
    email        TEXT CHECK (email IS NULL OR email LIKE '%_@_%'),
    kind         TEXT NOT NULL DEFAULT 'freelance' CHECK (kind IN ('staff', 'freelance')),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT,
    version      INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;
CREATE UNIQUE INDEX contributors_email ON contributors (email COLLATE NOCASE) WHERE deleted_at IS NULL AND email IS NOT NULL;

CREATE TABLE articles (
    id          TEXT PRIMARY KEY,
    edition_id  TEXT NOT NULL REFERENCES editions (id),
    section_id  TEXT REFERENCES sections (id),
    status_id   TEXT NOT NULL REFERENCES workflow_statuses (id),
    title       TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    slug        TEXT NOT NULL,
    standfirst  TEXT NOT NULL DEFAULT '' CHECK (length(standfirst) <= 1000),
    kind        TEXT NOT NULL CHECK (kind IN ('news', 'feature', 'opinion', 'interview', 'case_study',
                                              'partner', 'competition', 'survey', 'video', 'advert')),
    word_target INTEGER CHECK (word_target IS NULL OR word_target BETWEEN 1 AND 100000),
    tags        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;
CREATE INDEX articles_edition ON articles (edition_id) WHERE deleted_at IS NULL;
CREATE INDEX articles_status ON articles (status_id);

-- An article given to a contributor. Fees are exact: minor units + currency.
CREATE TABLE assignments (
    id             TEXT PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles (id),
    contributor_id TEXT NOT NULL REFERENCES contributors (id),
    brief          TEXT NOT NULL DEFAULT '',
    word_target    INTEGER CHECK (word_target IS NULL OR word_target BETWEEN 1 AND 100000),
    due_date       TEXT CHECK (due_date IS date(due_date)),
    fee_minor      INTEGER CHECK (fee_minor IS NULL OR fee_minor >= 0),
    fee_currency   TEXT CHECK (fee_currency IS NULL OR (length(fee_currency) = 3 AND fee_currency = upper(fee_currency))),
    state          TEXT NOT NULL DEFAULT 'offered' CHECK (state IN ('offered', 'accepted', 'declined')),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT,
    version        INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK ((fee_minor IS NULL) = (fee_currency IS NULL))
) STRICT;
CREATE INDEX assignments_article ON assignments (article_id) WHERE deleted_at IS NULL;
CREATE INDEX assignments_contributor ON assignments (contributor_id) WHERE deleted_at IS NULL;

-- The audit trail: one row per created record, changed field or status move,
-- written in the same transaction as the change it describes.
CREATE TABLE history (
    id         TEXT PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL CHECK (length(actor) BETWEEN 1 AND 120),
    entity     TEXT NOT NULL CHECK (entity IN ('publication', 'section', 'edition', 'article',
                                               'contributor', 'assignment')),
    entity_id  TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('created', 'updated', 'status', 'deleted', 'restored')),
    field      TEXT,
    old_value  TEXT,
    new_value  TEXT
) STRICT;
CREATE INDEX history_entity ON history (entity_id, at);
