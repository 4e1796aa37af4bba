//! Every table and its columns, in reference order: what an export writes
//! and an import copies, the same on both stores.

/// Every table of Masthead's data with its columns, in an order where what
/// a row refers to comes before it: how an import copies a whole database
/// between a file and a server. `articles.approved_draft_id` refers forward
/// (to a draft, which refers to its piece), so it is copied last, by
/// [`Tx::set_approved_draft_raw`]. `people` comes after the history, so a
/// server's "who" triggers never see an imported member; an import into a
/// server leaves it out (its team is its own). The lists of history's words
/// (`history_entity_types`, `history_actions`) come with the schema.
pub(crate) const TABLES: &[(&str, &[&str])] = &[
    (
        "publications",
        &[
            "id", "name", "frequency", "is_print", "created_at", "updated_at", "deleted_at",
            "version", "workflow_version",
        ],
    ),
    (
        "workflow_statuses",
        &[
            "id", "publication_id", "key", "label", "position", "colour", "is_spiked", "is_final",
            "deadline_offset_days", "retired_at", "is_initial", "deadline_anchor",
            "receives_drafts",
        ],
    ),
    ("workflow_transitions", &["from_status_id", "to_status_id"]),
    (
        "sections",
        &[
            "id", "publication_id", "name", "position", "created_at", "updated_at", "deleted_at",
            "version",
        ],
    ),
    (
        "kinds",
        &[
            "id", "publication_id", "key", "label", "position", "retired_at", "created_at",
            "updated_at", "version", "words_per_page",
        ],
    ),
    (
        "editions",
        &[
            "id", "publication_id", "name", "theme", "focus_topics", "cover_date", "page_count",
            "commissioning_closes", "copy_deadline", "subbing_deadline", "press_date",
            "on_sale_date", "notes", "created_at", "updated_at", "deleted_at", "version",
            "flatplan_version",
        ],
    ),
    (
        "contributors",
        &[
            "id", "name", "role", "organisation", "email", "kind", "created_at", "updated_at",
            "deleted_at", "version", "phone", "notes",
        ],
    ),
    (
        "articles",
        &[
            "id", "edition_id", "section_id", "status_id", "kind_id", "title", "slug",
            "standfirst", "word_target", "tags", "notes", "created_at", "updated_at", "deleted_at",
            "version",
        ],
    ),
    (
        "assignments",
        &[
            "id", "article_id", "contributor_id", "role", "brief", "word_target", "due_date",
            "fee_minor", "fee_currency", "state", "answered_at", "created_at", "updated_at",
            "deleted_at", "version",
        ],
    ),
    (
        "adverts",
        &[
            "id", "edition_id", "advertiser", "size", "state", "position", "notes", "created_at",
            "updated_at", "deleted_at", "version",
        ],
    ),
    (
        "slots",
        &[
            "id", "edition_id", "article_id", "advert_id", "first_page", "last_page",
            "part_offset", "part_units", "created_at", "updated_at", "version",
        ],
    ),
    (
        "drafts",
        &[
            "id", "article_id", "assignment_id", "contributor_id", "number", "file_name",
            "media_type", "size", "sha256", "words", "submitted_at", "recorded_by",
        ],
    ),
    (
        "draft_contents",
        &["draft_id", "original", "text", "markdown"],
    ),
    (
        "change_sets",
        &["id", "at", "actor", "publication_id", "edition_id"],
    ),
    (
        "changes",
        &[
            "id", "change_set_id", "seq", "entity", "entity_id", "version", "action", "field",
            "old_value", "new_value", "old_ref", "new_ref", "subject",
        ],
    ),
    (
        "comments",
        &[
            "id", "article_id", "author", "body", "created_at", "updated_at", "edited_at",
            "deleted_at", "version",
        ],
    ),
    ("comment_mentions", &["name", "comment_id"]),
    (
        "trash",
        &[
            "id", "entity", "entity_id", "publication_id", "label", "edition", "place",
            "deleted_in", "restored_in", "emptied_in",
        ],
    ),
    ("seen", &["actor", "publication_id", "at"]),
    (
        "people",
        &[
            "id", "name", "email", "role", "login", "contributor_id", "created_at", "updated_at",
            "deleted_at", "version",
        ],
    ),
];
