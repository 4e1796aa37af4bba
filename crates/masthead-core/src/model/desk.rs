//! The editor's desk: what needs doing today across a publication.

use super::*;

/// How long an offer may wait for an answer before the desk lists it.
pub const OFFER_WAIT_DAYS: i64 = 3;

/// The home screen: what is overdue, what falls due this week, offers
/// nobody has answered, copy far from its target, and each edition still
/// to come with its progress. Every line is a piece the desk opens. Only
/// editions not yet on sale count: a published edition's pieces are done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Dashboard {
    /// The date "overdue" and "this week" were worked out against.
    pub today: NaiveDate,
    /// Pieces past their next deadline, the most overdue first.
    pub overdue: Vec<BoardCard>,
    /// Pieces whose next deadline is today or in the six days after.
    pub this_week: Vec<BoardCard>,
    /// Offers unanswered for more than [`OFFER_WAIT_DAYS`], oldest first.
    pub waiting: Vec<WaitingOffer>,
    /// Pieces whose copy is more than 10% over or under its target.
    pub off_target: Vec<BoardCard>,
    /// Editions not yet on sale, soonest to press first.
    pub editions: Vec<EditionProgress>,
    /// Their adverts still to chase: pencilled, or booked with no artwork.
    pub adverts: Vec<Advert>,
    /// The status whose pieces, and those past it, count as done (its
    /// label): Approved when the workflow has it, else none (then only
    /// its final statuses count).
    pub done_from: Option<String>,
}

/// An offer nobody has answered: to whom, on which piece, and when (the
/// fields an assignment has under the same names).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WaitingOffer {
    /// The assignment.
    pub id: AssignmentId,
    pub article_id: ArticleId,
    pub article_title: String,
    pub edition_id: EditionId,
    pub edition: String,
    pub contributor_id: ContributorId,
    pub contributor: String,
    pub role: String,
    /// When it was offered.
    pub created_at: DateTime<Utc>,
}

/// An edition still to come, and how far its pieces have got.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EditionProgress {
    pub edition: Edition,
    /// Pieces at or past the workflow's "done" point: its Approved status
    /// when it has one, else its final statuses.
    pub done: u32,
    /// The words of those pieces' copy.
    pub done_words: u32,
}

/// What others changed in a publication since its reader last looked:
/// their change sets, newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Activity {
    /// When the reader last marked changes seen; none yet: the last
    /// [`ACTIVITY_FIRST_DAYS`] days are shown.
    pub since: Option<DateTime<Utc>>,
    pub sets: Vec<ActivitySet>,
    /// There were more than [`ACTIVITY_LIMIT`] change sets.
    pub more: bool,
    /// Comments by others that mention the reader ("@Name"), newest first,
    /// since the same mark.
    pub mentions: Vec<Mention>,
}

/// How many change sets the desk lists at most.
pub const ACTIVITY_LIMIT: usize = 30;
/// How far back a reader who never marked anything seen is shown.
pub const ACTIVITY_FIRST_DAYS: i64 = 7;

/// One person's one action: who, when, in which edition, and its lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActivitySet {
    pub id: ChangeSetId,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub edition: Option<String>,
    pub lines: Vec<ActivityLine>,
}

/// One change of a set, in words, and the piece it is about (to open it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActivityLine {
    /// The piece's title (or the record's name) when the change is about one.
    pub about: Option<String>,
    pub article_id: Option<ArticleId>,
    /// The change in words: "moved it from Idea to Commissioned".
    pub text: String,
}
