//! `ui/src/lib/bindings.ts`: the TypeScript types of everything that
//! crosses to the UI, from their `ts-rs` derives in masthead-core.

use ts_rs::{Config, TS};

use masthead_core::ErrorPayload;
use masthead_core::config::Settings;
use masthead_core::model::*;

/// The content of `ui/src/lib/bindings.ts`.
pub fn typescript() -> String {
    let cfg = Config::new();
    let decls = [
        PublicationId::decl(&cfg),
        EditionId::decl(&cfg),
        ArticleId::decl(&cfg),
        SectionId::decl(&cfg),
        StatusId::decl(&cfg),
        ContributorId::decl(&cfg),
        AssignmentId::decl(&cfg),
        HistoryId::decl(&cfg),
        KindId::decl(&cfg),
        ChangeSetId::decl(&cfg),
        LinkId::decl(&cfg),
        PersonId::decl(&cfg),
        TeamRole::decl(&cfg),
        Person::decl(&cfg),
        InviteInput::decl(&cfg),
        Invitation::decl(&cfg),
        Publication::decl(&cfg),
        PublicationInput::decl(&cfg),
        Section::decl(&cfg),
        Edition::decl(&cfg),
        EditionInput::decl(&cfg),
        Kind::decl(&cfg),
        Status::decl(&cfg),
        KeyDate::decl(&cfg),
        StatusDeadline::decl(&cfg),
        StatusInput::decl(&cfg),
        Workflow::decl(&cfg),
        Transition::decl(&cfg),
        Article::decl(&cfg),
        ArticleInput::decl(&cfg),
        ArticleDetail::decl(&cfg),
        ContributorKind::decl(&cfg),
        Contributor::decl(&cfg),
        ContributorInput::decl(&cfg),
        ContributorDetail::decl(&cfg),
        ContributorLink::decl(&cfg),
        NewContributorLink::decl(&cfg),
        OfferEmail::decl(&cfg),
        AssignmentState::decl(&cfg),
        Credit::decl(&cfg),
        Assignment::decl(&cfg),
        AssignmentInput::decl(&cfg),
        NextDeadline::decl(&cfg),
        BoardCard::decl(&cfg),
        Dashboard::decl(&cfg),
        WaitingOffer::decl(&cfg),
        EditionProgress::decl(&cfg),
        Activity::decl(&cfg),
        ActivitySet::decl(&cfg),
        ActivityLine::decl(&cfg),
        TrashId::decl(&cfg),
        CommentId::decl(&cfg),
        Comment::decl(&cfg),
        Mention::decl(&cfg),
        EventKind::decl(&cfg),
        CalendarEvent::decl(&cfg),
        Calendar::decl(&cfg),
        UndatedPiece::decl(&cfg),
        CalendarExported::decl(&cfg),
        TrashKind::decl(&cfg),
        TrashItem::decl(&cfg),
        SearchResults::decl(&cfg),
        SearchGroup::decl(&cfg),
        SearchHit::decl(&cfg),
        FoundIn::decl(&cfg),
        Fragment::decl(&cfg),
        AdvertId::decl(&cfg),
        SlotId::decl(&cfg),
        AdvertSize::decl(&cfg),
        AdvertState::decl(&cfg),
        Advert::decl(&cfg),
        AdvertInput::decl(&cfg),
        Placement::decl(&cfg),
        Slot::decl(&cfg),
        FlatplanPage::decl(&cfg),
        PageBudget::decl(&cfg),
        Flatplan::decl(&cfg),
        DraftId::decl(&cfg),
        WordCount::decl(&cfg),
        Draft::decl(&cfg),
        DraftText::decl(&cfg),
        DiffTag::decl(&cfg),
        DiffPart::decl(&cfg),
        DraftDiff::decl(&cfg),
        SubmittedDraft::decl(&cfg),
        DraftFormat::decl(&cfg),
        BoardFilter::decl(&cfg),
        Board::decl(&cfg),
        HistoryEntry::decl(&cfg),
        Conflict::decl(&cfg),
        Warning::decl(&cfg),
        Saved::<Edition>::decl(&cfg),
        DatabaseInfo::decl(&cfg),
        Settings::decl(&cfg),
        BackupMade::decl(&cfg),
        Restored::decl(&cfg),
        ExportMade::decl(&cfg),
        masthead_core::export::ExportFormat::decl(&cfg),
        masthead_core::export::Paper::decl(&cfg),
        masthead_core::export::ColourBy::decl(&cfg),
        masthead_core::export::PlanPart::decl(&cfg),
        CheckProblem::decl(&cfg),
        CheckReport::decl(&cfg),
        masthead_core::ImportSummary::decl(&cfg),
        ErrorPayload::decl(&cfg),
    ];
    let mut out = format!("// {}\n\n", super::GENERATED);
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.push_str("/** The status palette's tokens (see status-palette.css). */\nexport const STATUS_COLOUR_TOKENS: ReadonlyArray<string> = [");
    let tokens: Vec<String> = masthead_core::palette::STATUS_COLOURS
        .iter()
        .map(|c| format!("\"{}\"", c.token))
        .collect();
    out.push_str(&tokens.join(", "));
    out.push_str("];\n");
    out
}
