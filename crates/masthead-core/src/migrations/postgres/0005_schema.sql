-- The team server's schema, at the same version as a file's (5): the same
-- tables, columns and rules as migrations 0001–0005 leave in SQLite, in
-- PostgreSQL's own words. Ids, dates and times are text as in a file (UUIDs,
-- YYYY-MM-DD, RFC 3339), so the shared statements and a file↔server import
-- move values unchanged. Append-only, like the SQLite migrations.

-- Case-insensitive names, as SQLite's NOCASE: unique indexes and ORDER BY.
CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- A date as Masthead writes it, or NULL.
CREATE FUNCTION masthead_is_date(value text) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$
    SELECT value IS NULL OR (value ~ '^\d{4}-\d{2}-\d{2}$' AND to_char(value::date, 'YYYY-MM-DD') = value)
$$;

CREATE TABLE masthead_schema (
    version integer NOT NULL
);
INSERT INTO masthead_schema (version) VALUES (5);

-- Moves on with every committed write that changed something, so other
-- connections can tell (see storage/postgres).
CREATE TABLE masthead_clock (
    n bigint NOT NULL
);
INSERT INTO masthead_clock (n) VALUES (0);

CREATE TABLE publications (
    id               text PRIMARY KEY,
    name             text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
    frequency        text NOT NULL DEFAULT '' CHECK (length(frequency) <= 60),
    is_print         boolean NOT NULL DEFAULT true,
    created_at       text NOT NULL,
    updated_at       text NOT NULL,
    deleted_at       text,
    version          integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    workflow_version integer NOT NULL DEFAULT 1 CHECK (workflow_version >= 1)
);
CREATE UNIQUE INDEX publications_name ON publications (name COLLATE nocase) WHERE deleted_at IS NULL;

CREATE TABLE workflow_statuses (
    id                   text PRIMARY KEY,
    publication_id       text NOT NULL REFERENCES publications (id),
    key                  text NOT NULL CHECK (key ~ '^[a-z]' AND length(key) <= 40),
    label                text NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 40),
    position             integer NOT NULL CHECK (position >= 0),
    colour               text NOT NULL,
    is_spiked            boolean NOT NULL DEFAULT false,
    is_final             boolean NOT NULL DEFAULT false,
    deadline_offset_days integer,
    retired_at           text,
    is_initial           boolean NOT NULL DEFAULT false,
    deadline_anchor      text CHECK (deadline_anchor IS NULL OR deadline_anchor IN
        ('commissioning_closes', 'copy_deadline', 'subbing_deadline', 'press_date', 'on_sale_date')),
    receives_drafts      boolean NOT NULL DEFAULT false,
    UNIQUE (publication_id, key)
);
CREATE INDEX workflow_statuses_publication ON workflow_statuses (publication_id, position);

CREATE TABLE workflow_transitions (
    from_status_id text NOT NULL REFERENCES workflow_statuses (id),
    to_status_id   text NOT NULL REFERENCES workflow_statuses (id),
    PRIMARY KEY (from_status_id, to_status_id),
    CHECK (from_status_id <> to_status_id)
);

CREATE TABLE sections (
    id             text PRIMARY KEY,
    publication_id text NOT NULL REFERENCES publications (id),
    name           text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
    position       integer NOT NULL CHECK (position >= 0),
    created_at     text NOT NULL,
    updated_at     text NOT NULL,
    deleted_at     text,
    version        integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);
CREATE UNIQUE INDEX sections_name ON sections (publication_id, name COLLATE nocase) WHERE deleted_at IS NULL;

CREATE TABLE editions (
    id                   text PRIMARY KEY,
    publication_id       text NOT NULL REFERENCES publications (id),
    name                 text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
    theme                text NOT NULL DEFAULT '' CHECK (length(theme) <= 200),
    focus_topics         text NOT NULL DEFAULT '[]' CHECK (json_typeof(focus_topics::json) = 'array'),
    cover_date           text CHECK (masthead_is_date(cover_date)),
    page_count           integer NOT NULL CHECK (page_count BETWEEN 1 AND 1000),
    commissioning_closes text CHECK (masthead_is_date(commissioning_closes)),
    copy_deadline        text CHECK (masthead_is_date(copy_deadline)),
    subbing_deadline     text CHECK (masthead_is_date(subbing_deadline)),
    press_date           text CHECK (masthead_is_date(press_date)),
    on_sale_date         text CHECK (masthead_is_date(on_sale_date)),
    notes                text NOT NULL DEFAULT '',
    created_at           text NOT NULL,
    updated_at           text NOT NULL,
    deleted_at           text,
    version              integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    flatplan_version     integer NOT NULL DEFAULT 1 CHECK (flatplan_version >= 1),
    CHECK (press_date IS NULL OR on_sale_date IS NULL OR press_date <= on_sale_date)
);
CREATE UNIQUE INDEX editions_name ON editions (publication_id, name COLLATE nocase) WHERE deleted_at IS NULL;
CREATE INDEX editions_publication ON editions (publication_id, on_sale_date);

CREATE TABLE contributors (
    id           text PRIMARY KEY,
    name         text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
    role         text NOT NULL DEFAULT '' CHECK (length(role) <= 120),
    organisation text NOT NULL DEFAULT '' CHECK (length(organisation) <= 120),
    email        text CHECK (email IS NULL OR email LIKE '%_@_%'),
    kind         text NOT NULL DEFAULT 'freelance' CHECK (kind IN ('staff', 'freelance')),
    created_at   text NOT NULL,
    updated_at   text NOT NULL,
    deleted_at   text,
    version      integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    phone        text NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
    notes        text NOT NULL DEFAULT '' CHECK (length(notes) <= 4000)
);
CREATE UNIQUE INDEX contributors_email ON contributors (email COLLATE nocase) WHERE deleted_at IS NULL AND email IS NOT NULL;
CREATE INDEX contributors_name ON contributors (name COLLATE nocase) WHERE deleted_at IS NULL;

CREATE TABLE kinds (
    id             text PRIMARY KEY,
    publication_id text NOT NULL REFERENCES publications (id),
    key            text NOT NULL CHECK (key ~ '^[a-z0-9]' AND length(key) <= 60),
    label          text NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 60),
    position       integer NOT NULL CHECK (position >= 0),
    retired_at     text,
    created_at     text NOT NULL,
    updated_at     text NOT NULL,
    version        integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    words_per_page integer CHECK (words_per_page IS NULL OR words_per_page BETWEEN 50 AND 5000)
);
CREATE UNIQUE INDEX kinds_key ON kinds (publication_id, key);
CREATE UNIQUE INDEX kinds_label ON kinds (publication_id, label COLLATE nocase);

CREATE TABLE articles (
    id                text PRIMARY KEY,
    edition_id        text NOT NULL REFERENCES editions (id),
    section_id        text REFERENCES sections (id),
    status_id         text NOT NULL REFERENCES workflow_statuses (id),
    kind_id           text NOT NULL REFERENCES kinds (id),
    title             text NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    slug              text NOT NULL,
    standfirst        text NOT NULL DEFAULT '' CHECK (length(standfirst) <= 1000),
    word_target       integer CHECK (word_target IS NULL OR word_target BETWEEN 1 AND 100000),
    tags              text NOT NULL DEFAULT '[]' CHECK (json_typeof(tags::json) = 'array'),
    notes             text NOT NULL DEFAULT '',
    created_at        text NOT NULL,
    updated_at        text NOT NULL,
    deleted_at        text,
    version           integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    approved_draft_id text
);
CREATE INDEX articles_edition ON articles (edition_id, status_id) WHERE deleted_at IS NULL;
CREATE INDEX articles_status ON articles (status_id);
CREATE INDEX articles_kind ON articles (kind_id);
CREATE INDEX articles_section ON articles (section_id);
CREATE INDEX articles_title ON articles ((trim(title)) COLLATE nocase) WHERE deleted_at IS NULL;

CREATE TABLE history_entity_types (
    key   text PRIMARY KEY,
    label text NOT NULL
);
CREATE TABLE history_actions (
    key   text PRIMARY KEY,
    label text NOT NULL
);
INSERT INTO history_entity_types (key, label) VALUES
    ('advert', 'advert'), ('article', 'piece'), ('assignment', 'assignment'),
    ('contributor', 'contributor'), ('draft', 'draft'), ('edition', 'edition'),
    ('flatplan', 'flatplan'), ('kind', 'kind'), ('publication', 'publication'),
    ('section', 'section'), ('workflow', 'workflow');
INSERT INTO history_actions (key, label) VALUES
    ('created', 'created'), ('deleted', 'deleted'), ('restored', 'restored'),
    ('retired', 'retired'), ('status', 'moved'), ('updated', 'changed');

CREATE TABLE change_sets (
    id             text PRIMARY KEY,
    at             text NOT NULL,
    actor          text NOT NULL CHECK (length(actor) BETWEEN 1 AND 120),
    publication_id text REFERENCES publications (id),
    edition_id     text REFERENCES editions (id)
);
CREATE INDEX change_sets_edition ON change_sets (edition_id, at) WHERE edition_id IS NOT NULL;
CREATE INDEX change_sets_publication ON change_sets (publication_id, at);

CREATE TABLE changes (
    id            text PRIMARY KEY,
    change_set_id text NOT NULL REFERENCES change_sets (id),
    seq           integer NOT NULL CHECK (seq >= 0),
    entity        text NOT NULL REFERENCES history_entity_types (key),
    entity_id     text NOT NULL,
    version       integer,
    action        text NOT NULL REFERENCES history_actions (key),
    field         text,
    old_value     text,
    new_value     text,
    old_ref       text,
    new_ref       text,
    subject       text,
    UNIQUE (change_set_id, seq)
);
CREATE INDEX changes_entity ON changes (entity_id, version);
CREATE INDEX changes_old_ref ON changes (old_ref) WHERE old_ref IS NOT NULL;
CREATE INDEX changes_new_ref ON changes (new_ref) WHERE new_ref IS NOT NULL;

CREATE TABLE assignments (
    id             text PRIMARY KEY,
    article_id     text NOT NULL REFERENCES articles (id),
    contributor_id text NOT NULL REFERENCES contributors (id),
    role           text NOT NULL DEFAULT 'writer' CHECK (length(trim(role)) BETWEEN 1 AND 40),
    brief          text NOT NULL DEFAULT '',
    word_target    integer CHECK (word_target IS NULL OR word_target BETWEEN 1 AND 100000),
    due_date       text CHECK (masthead_is_date(due_date)),
    fee_minor      bigint CHECK (fee_minor IS NULL OR fee_minor >= 0),
    fee_currency   text CHECK (fee_currency IS NULL OR (length(fee_currency) = 3 AND fee_currency = upper(fee_currency))),
    state          text NOT NULL DEFAULT 'offered' CHECK (state IN ('offered', 'accepted', 'declined', 'withdrawn')),
    answered_at    text,
    created_at     text NOT NULL,
    updated_at     text NOT NULL,
    deleted_at     text,
    version        integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK ((fee_minor IS NULL) = (fee_currency IS NULL))
);
CREATE INDEX assignments_article ON assignments (article_id, state) WHERE deleted_at IS NULL;
CREATE INDEX assignments_contributor ON assignments (contributor_id, due_date) WHERE deleted_at IS NULL;

CREATE TABLE adverts (
    id          text PRIMARY KEY,
    edition_id  text NOT NULL REFERENCES editions (id),
    advertiser  text NOT NULL CHECK (length(trim(advertiser)) BETWEEN 1 AND 120),
    size        text NOT NULL CHECK (size IN ('full', 'half', 'third', 'quarter', 'spread')),
    state       text NOT NULL DEFAULT 'pencilled' CHECK (state IN ('pencilled', 'booked', 'artwork')),
    position    text NOT NULL DEFAULT '' CHECK (length(position) <= 200),
    notes       text NOT NULL DEFAULT '',
    created_at  text NOT NULL,
    updated_at  text NOT NULL,
    deleted_at  text,
    version     integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);
CREATE INDEX adverts_edition ON adverts (edition_id) WHERE deleted_at IS NULL;

CREATE TABLE slots (
    id          text PRIMARY KEY,
    edition_id  text NOT NULL REFERENCES editions (id),
    article_id  text REFERENCES articles (id),
    advert_id   text REFERENCES adverts (id),
    first_page  integer NOT NULL CHECK (first_page >= 1),
    last_page   integer NOT NULL CHECK (last_page >= first_page),
    part_offset integer NOT NULL DEFAULT 0 CHECK (part_offset BETWEEN 0 AND 11),
    part_units  integer NOT NULL DEFAULT 12 CHECK (part_units IN (3, 4, 6, 12)),
    created_at  text NOT NULL,
    updated_at  text NOT NULL,
    version     integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK ((article_id IS NULL) <> (advert_id IS NULL)),
    CHECK (part_units = 12 OR first_page = last_page),
    CHECK (part_offset + part_units <= 12)
);
CREATE INDEX slots_edition ON slots (edition_id, first_page);
CREATE UNIQUE INDEX slots_article ON slots (article_id) WHERE article_id IS NOT NULL;
CREATE UNIQUE INDEX slots_advert ON slots (advert_id) WHERE advert_id IS NOT NULL;

CREATE TABLE drafts (
    id             text PRIMARY KEY,
    article_id     text NOT NULL REFERENCES articles (id),
    assignment_id  text REFERENCES assignments (id),
    contributor_id text REFERENCES contributors (id),
    number         integer NOT NULL CHECK (number >= 1),
    file_name      text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    media_type     text NOT NULL,
    size           bigint NOT NULL CHECK (size BETWEEN 1 AND 26214400),
    sha256         text NOT NULL CHECK (length(sha256) = 64),
    words          integer NOT NULL CHECK (words >= 0),
    submitted_at   text NOT NULL,
    recorded_by    text NOT NULL,
    UNIQUE (article_id, number)
);
CREATE INDEX drafts_sha256 ON drafts (article_id, sha256);
ALTER TABLE articles ADD CONSTRAINT articles_approved_draft
    FOREIGN KEY (approved_draft_id) REFERENCES drafts (id);

CREATE TABLE draft_contents (
    draft_id text PRIMARY KEY REFERENCES drafts (id),
    original bytea NOT NULL,
    text     text NOT NULL,
    markdown text NOT NULL
);

-- Drafts are kept: no UPDATE or DELETE, whoever asks.
CREATE FUNCTION masthead_drafts_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'drafts are never %', CASE TG_OP WHEN 'DELETE' THEN 'deleted' ELSE 'changed' END
        USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER drafts_kept BEFORE UPDATE OR DELETE ON drafts
    FOR EACH ROW EXECUTE FUNCTION masthead_drafts_kept();
CREATE TRIGGER draft_contents_kept BEFORE UPDATE OR DELETE ON draft_contents
    FOR EACH ROW EXECUTE FUNCTION masthead_drafts_kept();
