//! The row mapping: for each type, the columns its statements read
//! (`PUBLICATION`, `ARTICLE`…) and the function that makes it from a row.

use super::*;

// Business words in SQL come from Rust: each fragment is the model's own
// (`AssignmentState::is_active`, `WRITER_ROLE`), checked by a test below.
/// The states of an assignment that keep its contributor on the piece.
macro_rules! active_states {
    () => {
        "('offered', 'accepted')"
    };
}
/// The role of the piece's writer.
macro_rules! writer {
    () => {
        "'writer'"
    };
}

/// A stored value outside the set the schema allows.
#[derive(Debug)]
pub(super) struct UnknownValue(pub(super) String);

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown value {:?}", self.0)
    }
}

impl std::error::Error for UnknownValue {}

pub(super) fn conversion(e: impl std::fmt::Display) -> Error {
    stored_value("value", &e.to_string())
}

pub(super) fn timestamp(row: &Row<'_>, index: &str) -> Result<DateTime<Utc>> {
    let text: String = row.get(index)?;
    parse_timestamp(&text)
}

/// A stored time (RFC 3339) as a UTC time.
pub(super) fn parse_timestamp(text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(conversion)
}

pub(super) fn date(row: &Row<'_>, index: &str) -> Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(index)?;
    text.map(|t| iso_date(&t).ok_or_else(|| conversion(UnknownValue(t))))
        .transpose()
}

/// A stored date, `YYYY-MM-DD` and nothing else (chrono's parser with a
/// format showed in the board's profile; this reads the ten bytes).
fn iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

pub(super) fn date_text(date: Option<NaiveDate>) -> Option<String> {
    date.map(|d| d.format("%Y-%m-%d").to_string())
}

pub(super) const PUBLICATION: &str = "SELECT p.id, p.name, p.frequency, p.is_print, p.version,
        (SELECT count(*) FROM editions e WHERE e.publication_id = p.id AND e.deleted_at IS NULL)
            AS edition_count
     FROM publications p WHERE p.deleted_at IS NULL";

pub(super) fn publication(row: &Row<'_>) -> Result<Publication> {
    Ok(Publication {
        id: row.get("id")?,
        name: row.get("name")?,
        frequency: row.get("frequency")?,
        is_print: row.get("is_print")?,
        edition_count: row.get("edition_count")?,
        version: row.get("version")?,
    })
}

pub(super) const STATUS: &str = "SELECT s.id, s.key, s.label, s.position, s.colour, s.is_initial,
        s.is_spiked, s.is_final, s.receives_drafts, s.deadline_anchor, s.deadline_offset_days,
        s.retired_at IS NOT NULL AS retired
     FROM workflow_statuses s";

pub(super) fn status(row: &Row<'_>) -> Result<Status> {
    let anchor: Option<String> = row.get("deadline_anchor")?;
    let days: Option<u32> = row.get("deadline_offset_days")?;
    let deadline = anchor
        .map(|a| {
            KeyDate::parse(&a)
                .map(|key_date| StatusDeadline {
                    key_date,
                    days_before: days.unwrap_or(0),
                })
                .ok_or_else(|| conversion(UnknownValue(a)))
        })
        .transpose()?;
    Ok(Status {
        receives_drafts: row.get("receives_drafts")?,
        deadline,
        retired: row.get("retired")?,
        id: row.get("id")?,
        key: row.get("key")?,
        label: row.get("label")?,
        position: row.get("position")?,
        colour: row.get("colour")?,
        is_initial: row.get("is_initial")?,
        is_spiked: row.get("is_spiked")?,
        is_final: row.get("is_final")?,
    })
}

pub(super) const KIND: &str = "SELECT k.id, k.publication_id, k.key, k.label, k.position,
        k.retired_at IS NOT NULL AS retired, k.words_per_page, k.version FROM kinds k";

pub(super) fn kind(row: &Row<'_>) -> Result<Kind> {
    Ok(Kind {
        id: row.get("id")?,
        publication_id: row.get("publication_id")?,
        key: row.get("key")?,
        label: row.get("label")?,
        position: row.get("position")?,
        retired: row.get("retired")?,
        words_per_page: row.get("words_per_page")?,
        version: row.get("version")?,
    })
}

pub(super) const SECTION: &str = "SELECT id, publication_id, name, position, version FROM sections
     WHERE deleted_at IS NULL";

pub(super) fn section(row: &Row<'_>) -> Result<Section> {
    Ok(Section {
        id: row.get("id")?,
        publication_id: row.get("publication_id")?,
        name: row.get("name")?,
        position: row.get("position")?,
        version: row.get("version")?,
    })
}

/// A statement that reads editors' notes, written twice: as editors read
/// it, and with the notes as empty text for a contributor's connection (the
/// server grants her every column but those). [`SqlTx::with_notes`] picks.
#[derive(Clone, Copy)]
pub(super) struct Notes {
    pub(super) shown: &'static str,
    pub(super) hidden: &'static str,
}

/// An edition's columns with `$notes` for its notes (see [`Notes`]).
macro_rules! edition_select {
    ($notes:literal, $($counts:tt)+) => {
        concat!(
            "SELECT e.id, e.publication_id, p.name AS publication, e.name, e.theme,
        e.focus_topics, e.cover_date, e.page_count, e.commissioning_closes, e.copy_deadline,
        e.subbing_deadline, e.press_date, e.on_sale_date, ",
            $notes,
            ", e.created_at, e.updated_at,
        e.version, ",
            $($counts)+,
            "
     FROM editions e JOIN publications p ON p.id = e.publication_id
     WHERE e.deleted_at IS NULL"
        )
    };
}
/// An edition's pieces and spiked pieces, from the counts migration 20's
/// triggers keep (a handful of rows an edition, however many pieces).
macro_rules! edition_counts_kept {
    () => {
        "(SELECT coalesce(sum(c.pieces), 0) FROM edition_status_counts c
           JOIN workflow_statuses s ON s.id = c.status_id
          WHERE c.edition_id = e.id AND NOT s.is_spiked) AS article_count,
        (SELECT coalesce(sum(c.pieces), 0) FROM edition_status_counts c
           JOIN workflow_statuses s ON s.id = c.status_id
          WHERE c.edition_id = e.id AND s.is_spiked) AS spiked_count"
    };
}
/// The same counted from the pieces a contributor's login may see (her own).
macro_rules! edition_counts_seen {
    () => {
        "(SELECT count(*) FROM articles a JOIN workflow_statuses s ON s.id = a.status_id
          WHERE a.edition_id = e.id AND a.deleted_at IS NULL AND NOT s.is_spiked)
            AS article_count,
        (SELECT count(*) FROM articles a JOIN workflow_statuses s ON s.id = a.status_id
          WHERE a.edition_id = e.id AND a.deleted_at IS NULL AND s.is_spiked)
            AS spiked_count"
    };
}
pub(super) const EDITION: Notes = Notes {
    shown: edition_select!("e.notes", edition_counts_kept!()),
    hidden: edition_select!("'' AS notes", edition_counts_seen!()),
};

pub(super) fn edition(row: &Row<'_>) -> Result<Edition> {
    let topics: String = row.get("focus_topics")?;
    Ok(Edition {
        id: row.get("id")?,
        publication_id: row.get("publication_id")?,
        publication: row.get("publication")?,
        name: row.get("name")?,
        theme: row.get("theme")?,
        focus_topics: serde_json::from_str(&topics).map_err(conversion)?,
        cover_date: date(row, "cover_date")?,
        page_count: row.get("page_count")?,
        commissioning_closes: date(row, "commissioning_closes")?,
        copy_deadline: date(row, "copy_deadline")?,
        subbing_deadline: date(row, "subbing_deadline")?,
        press_date: date(row, "press_date")?,
        on_sale_date: date(row, "on_sale_date")?,
        notes: row.get("notes")?,
        article_count: row.get("article_count")?,
        spiked_count: row.get("spiked_count")?,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
        version: row.get("version")?,
    })
}

/// An edition's editable fields in their stored order, bound as `?2`..`?12`
/// by both the INSERT and the UPDATE.
pub(super) fn edition_fields(v: &EditionInput) -> (String, [Option<String>; 6]) {
    let topics = serde_json::to_string(&v.focus_topics).unwrap_or_else(|_| "[]".into());
    let dates = [
        v.cover_date, v.commissioning_closes, v.copy_deadline, v.subbing_deadline, v.press_date,
        v.on_sale_date,
    ]
    .map(date_text);
    (topics, dates)
}

/// The draft whose words count for a piece `a`: its approved version, or
/// else its latest. Per piece: the highest number from the (article,
/// number) index alone, then that one row.
macro_rules! copy_join {
    () => {
        "LEFT JOIN drafts cd ON cd.article_id = a.id AND cd.number = CASE
            WHEN a.approved_draft_id IS NULL
            THEN (SELECT max(d.number) FROM drafts d WHERE d.article_id = a.id)
            ELSE (SELECT d.number FROM drafts d WHERE d.id = a.approved_draft_id) END"
    };
}

/// A piece `a`'s word target: its own, else its active writer's
/// commission's (the newest). Pieces, cards and slots all count against it.
macro_rules! copy_target {
    () => {
        concat!(
            "coalesce(a.word_target, (SELECT asg.word_target FROM assignments asg
            WHERE asg.article_id = a.id AND asg.deleted_at IS NULL AND asg.role = ",
            writer!(),
            "
              AND asg.state IN ",
            active_states!(),
            "
            ORDER BY asg.created_at DESC, asg.id DESC LIMIT 1))"
        )
    };
}

/// The columns [`copy`] reads.
macro_rules! copy_columns {
    () => {
        concat!(
            "cd.words AS copy_words, cd.number AS copy_version,
             cd.id IS NOT DISTINCT FROM a.approved_draft_id AS copy_approved, ",
            copy_target!(),
            " AS copy_target"
        )
    };
}

/// The copy's count, made by the one rule (`rules::drafts::word_count`)
/// from the facts the row holds; a second store maps its rows the same way.
pub(super) fn copy(row: &Row<'_>) -> Result<Option<WordCount>> {
    let target: Option<u32> = row.get("copy_target")?;
    Ok(copy_facts(row)?.map(|(w, v, approved)| word_count(w, target, v, approved)))
}

/// The copy's words, number and whether it is the approved draft, once a
/// draft is in (the `copy_words`, `copy_version`, `copy_approved` columns).
pub(super) fn copy_facts(row: &Row<'_>) -> Result<Option<(u32, u32, bool)>> {
    let words: Option<u32> = row.get("copy_words")?;
    let version: Option<u32> = row.get("copy_version")?;
    let approved: Option<bool> = row.get("copy_approved")?;
    Ok(words
        .zip(version)
        .map(|(w, v)| (w, v, approved.unwrap_or(false))))
}

/// A piece's columns with `$notes` for the editors' notes, and `$per_piece`
/// for what its commissions give it (subqueries for one piece; nothing for
/// an edition's, whose commissions are read in one pass beside it).
macro_rules! article_select {
    ($notes:literal, $per_piece:expr) => {
        concat!(
            "SELECT a.id, a.edition_id, a.title, a.slug, a.standfirst, a.section_id,
        sec.name AS section, a.kind_id, k.key AS kind, k.label AS kind_label, a.word_target,
        a.status_id, s.key AS status, s.label AS status_label, s.colour AS status_colour,
        s.is_spiked AS status_is_spiked, s.is_final AS status_is_final,
        ",
            $notes,
            ", a.created_at, a.updated_at, a.version, ",
            $per_piece,
            "
        (SELECT count(*) FROM drafts d WHERE d.article_id = a.id) AS draft_count,
        cd.words AS copy_words, cd.number AS copy_version,
        cd.id IS NOT DISTINCT FROM a.approved_draft_id AS copy_approved
     FROM articles a
     JOIN editions ae ON ae.id = a.edition_id AND ae.deleted_at IS NULL
     JOIN workflow_statuses s ON s.id = a.status_id
     JOIN kinds k ON k.id = a.kind_id
     LEFT JOIN sections sec ON sec.id = a.section_id ",
            copy_join!(),
            "
     WHERE a.deleted_at IS NULL"
        )
    };
}
/// One piece's credits, writers' earliest due date and word target.
macro_rules! article_commissions {
    () => {
        concat!(
            "(SELECT json_group_array(json_array(asg.state, asg.role, c.name)
                                 ORDER BY asg.role <> ",
            writer!(),
            ", asg.created_at, asg.id)
           FROM assignments asg JOIN contributors c ON c.id = asg.contributor_id
          WHERE asg.article_id = a.id AND asg.deleted_at IS NULL
            AND asg.state <> 'withdrawn') AS credits,
        (SELECT min(asg.due_date) FROM assignments asg
          WHERE asg.article_id = a.id AND asg.deleted_at IS NULL AND asg.role = ",
            writer!(),
            "
            AND asg.state IN ",
            active_states!(),
            ") AS writer_due, ",
            copy_target!(),
            " AS copy_target,"
        )
    };
}
pub(super) const ARTICLE: Notes = Notes {
    shown: article_select!("a.notes", article_commissions!()),
    hidden: article_select!("'' AS notes", article_commissions!()),
};
/// An edition's pieces without their commissions, which
/// [`SqlTx::articles`] reads in one pass beside them.
pub(super) const ARTICLE_LISTED: Notes = Notes {
    shown: article_select!("a.notes", ""),
    hidden: article_select!("'' AS notes", ""),
};

/// The names of those still on a piece (offered or accepted), in order.
pub(super) fn still_on(credits: &[Credit]) -> Vec<String> {
    credits
        .iter()
        .filter(|c| c.is_on())
        .map(|c| c.name.clone())
        .collect()
}

/// The `credits` column: `[state, role, name]` triples, in order.
pub(super) fn credits(row: &Row<'_>) -> Result<Vec<Credit>> {
    let text: String = row.get("credits")?;
    let triples: Vec<(AssignmentState, String, String)> =
        serde_json::from_str(&text).map_err(conversion)?;
    Ok(triples
        .into_iter()
        .map(|(state, role, name)| Credit { name, role, state })
        .collect())
}

pub(super) fn article(row: &Row<'_>) -> Result<Article> {
    let credits = credits(row)?;
    let mut a = article_listed(row)?;
    a.contributors = still_on(&credits);
    a.credits = credits;
    a.writer_due = date(row, "writer_due")?;
    a.copy = copy(row)?;
    Ok(a)
}

/// A piece as [`ARTICLE_LISTED`] reads it: no credits, writers' due date or
/// copy yet (its commissions fill them).
pub(super) fn article_listed(row: &Row<'_>) -> Result<Article> {
    Ok(Article {
        id: row.get("id")?,
        edition_id: row.get("edition_id")?,
        title: row.get("title")?,
        slug: row.get("slug")?,
        standfirst: row.get("standfirst")?,
        section_id: row.get("section_id")?,
        section: row.get("section")?,
        kind_id: row.get("kind_id")?,
        kind: row.get("kind")?,
        kind_label: row.get("kind_label")?,
        word_target: row.get("word_target")?,
        status_id: row.get("status_id")?,
        status: row.get("status")?,
        status_label: row.get("status_label")?,
        status_colour: row.get("status_colour")?,
        status_is_spiked: row.get("status_is_spiked")?,
        status_is_final: row.get("status_is_final")?,
        contributors: Vec::new(),
        credits: Vec::new(),
        writer_due: None,
        deadline: None,
        copy: None,
        drafts: row.get("draft_count")?,
        notes: row.get("notes")?,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
        version: row.get("version")?,
    })
}

/// A contributor's columns with `$notes` for the editors' notes.
macro_rules! contributor_select {
    ($notes:literal, $active:expr) => {
        concat!(
            "SELECT c.id, c.name, c.role, c.organisation, c.email, c.phone,
        c.kind, ",
            $notes,
            ", c.version, ",
            $active,
            " AS active
     FROM contributors c WHERE c.deleted_at IS NULL"
        )
    };
}
/// Editors read each contributor's open commissions from the counts
/// migration 21's triggers keep (one row a contributor); a contributor's
/// login counts her own from the commissions she may see.
pub(super) const CONTRIBUTOR: Notes = Notes {
    shown: contributor_select!(
        "c.notes",
        "coalesce((SELECT k.open FROM contributor_open_counts k WHERE k.contributor_id = c.id), 0)"
    ),
    hidden: contributor_select!(
        "'' AS notes",
        concat!(
            "(SELECT count(*) FROM assignments asg WHERE asg.contributor_id = c.id
            AND asg.deleted_at IS NULL AND asg.state IN ",
            active_states!(),
            ")"
        )
    ),
};

pub(super) fn contributor(row: &Row<'_>) -> Result<Contributor> {
    let kind: String = row.get("kind")?;
    Ok(Contributor {
        id: row.get("id")?,
        name: row.get("name")?,
        role: row.get("role")?,
        organisation: row.get("organisation")?,
        email: row.get("email")?,
        phone: row.get("phone")?,
        notes: row.get("notes")?,
        active_assignments: row.get("active")?,
        kind: if kind == "staff" {
            ContributorKind::Staff
        } else {
            ContributorKind::Freelance
        },
        version: row.get("version")?,
    })
}

pub(super) const ASSIGNMENT: &str = "SELECT asg.id, asg.article_id, a.title AS article_title,
        a.edition_id, e.name AS edition, asg.contributor_id, c.name AS contributor, asg.role,
        asg.brief, asg.word_target, asg.due_date, asg.fee_minor, asg.fee_currency, asg.state,
        asg.answered_at, asg.created_at, asg.version,
        (SELECT json_group_array(d.number ORDER BY d.number DESC) FROM drafts d
          WHERE d.article_id = asg.article_id AND d.assignment_id = asg.id) AS draft_versions,
        (SELECT d.words FROM drafts d
          WHERE d.article_id = asg.article_id AND d.assignment_id = asg.id
          ORDER BY d.number DESC LIMIT 1) AS latest_words
     FROM assignments asg
     JOIN articles a ON a.id = asg.article_id
     JOIN editions e ON e.id = a.edition_id
     JOIN contributors c ON c.id = asg.contributor_id
     WHERE asg.deleted_at IS NULL AND a.deleted_at IS NULL AND e.deleted_at IS NULL";

pub(super) fn assignment(row: &Row<'_>) -> Result<Assignment> {
    let state: String = row.get("state")?;
    let fee_minor: Option<i64> = row.get("fee_minor")?;
    let fee_currency: Option<String> = row.get("fee_currency")?;
    let answered: Option<String> = row.get("answered_at")?;
    let versions: String = row.get("draft_versions")?;
    let versions: Vec<u32> = serde_json::from_str(&versions).map_err(conversion)?;
    Ok(Assignment {
        id: row.get("id")?,
        article_id: row.get("article_id")?,
        article_title: row.get("article_title")?,
        edition_id: row.get("edition_id")?,
        edition: row.get("edition")?,
        contributor_id: row.get("contributor_id")?,
        contributor: row.get("contributor")?,
        role: row.get("role")?,
        brief: row.get("brief")?,
        word_target: row.get("word_target")?,
        due_date: date(row, "due_date")?,
        fee: fee_minor
            .zip(fee_currency.as_deref())
            .map(|(m, c)| format_fee(m, c)),
        fee_minor,
        fee_currency,
        state: AssignmentState::parse(&state).ok_or_else(|| conversion(UnknownValue(state)))?,
        answered_at: answered
            .map(|t| DateTime::parse_from_rfc3339(&t).map(|t| t.with_timezone(&Utc)))
            .transpose()
            .map_err(conversion)?,
        created_at: timestamp(row, "created_at")?,
        drafts: u32::try_from(versions.len()).map_err(conversion)?,
        draft_versions: versions,
        latest_words: row.get("latest_words")?,
        version: row.get("version")?,
    })
}

#[cfg(test)]
mod fragments {
    use crate::model::{AssignmentState, WRITER_ROLE};

    fn list(states: impl Iterator<Item = AssignmentState>) -> String {
        let keys: Vec<String> = states.map(|s| format!("'{}'", s.key())).collect();
        format!("({})", keys.join(", "))
    }

    #[test]
    fn the_sql_fragments_are_the_models_words() {
        let all = AssignmentState::ALL.into_iter();
        assert_eq!(active_states!(), list(all.filter(|s| s.is_active())));
        assert_eq!(writer!(), format!("'{WRITER_ROLE}'"));
        // Migration 21's triggers count the same states, on both engines.
        for migration in [
            include_str!("../../migrations/sqlite/0021_contributor_counts.sql"),
            include_str!("../../migrations/postgres/0021_contributor_counts.sql"),
        ] {
            let states = migration.matches("state IN ").count();
            assert!(states >= 3, "{states} state lists");
            assert_eq!(
                migration
                    .matches(concat!("state IN ", active_states!()))
                    .count(),
                states,
                "every state list of migration 21 is {}",
                active_states!()
            );
        }
    }
}

#[cfg(test)]
mod dates {
    use super::iso_date;
    use chrono::NaiveDate;

    #[test]
    fn a_stored_date_is_read_as_written_and_nothing_else_is_a_date() {
        assert_eq!(iso_date("2026-12-05"), NaiveDate::from_ymd_opt(2026, 12, 5));
        assert_eq!(iso_date("0001-01-01"), NaiveDate::from_ymd_opt(1, 1, 1));
        assert_eq!(iso_date("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
        for bad in [
            "2025-02-29", "2026-13-01", "2026-00-10", "2026-1-05", "2026-01-5 ", "2026/01/05",
            "20260105", "", "２０２６-01-05", "2026-01-+5", "+026-01-05", "2026-12-05T00:00",
        ] {
            assert_eq!(iso_date(bad), None, "{bad:?}");
        }
    }
}
