//! One module per verb, as `cargo` keeps its commands: each parses nothing
//! (clap did, in `args.rs`), calls the core's use cases and prints through
//! `output::Out`. Add a verb: its arguments in `args.rs`, a module here, a
//! line in `main.rs`'s `run`.

pub(crate) mod advert;
pub(crate) mod article;
pub(crate) mod assignment;
pub(crate) mod comment;
pub(crate) mod contributor;
pub(crate) mod draft;
pub(crate) mod edition;
pub(crate) mod export;
pub(crate) mod flatplan;
pub(crate) mod kind;
pub(crate) mod publication;
pub(crate) mod section;
pub(crate) mod team;
pub(crate) mod trash;
pub(crate) mod workflow;

/// What every verb module uses: the core's types, the arguments, the
/// output, and `main.rs`'s helpers (opening the store, failing in words).
pub(crate) mod prelude {
    pub(crate) use std::path::PathBuf;

    pub(crate) use chrono::NaiveDate;
    pub(crate) use masthead_core::model::{
        AdvertInput, AdvertSize, AdvertState, ArticleInput, AssignmentInput, ContributorInput,
        ContributorKind, DiffTag, DraftFormat, EditionId, EditionInput, InviteInput, KeyDate,
        Placement, PublicationId, PublicationInput, Slot, StatusDeadline, StatusInput, TeamRole,
        Workflow,
    };
    pub(crate) use masthead_core::{Actor, AssignmentQuery, Error, ServerLocation, Store};

    pub(crate) use crate::args::{
        self, AdvertCmd, AdvertFields, ArticleCmd, ArticleFields, AssignmentCmd, AssignmentKey,
        Cli, CommentCmd, ContributorCmd, ContributorFields, DraftCmd, DraftPiece, EditionCmd,
        EditionFields, EditionList, ExportCmd, FlatplanCmd, KindCmd, PublicationCmd,
        PublicationList, SectionCmd, SlotOwner, TeamCmd, TrashCmd, WhereArgs, WorkflowCmd,
        WorkflowCommon,
    };
    pub(crate) use crate::output::{self, Out};
    pub(crate) use crate::{
        Failure, Outcome, local_today, open, open_publication, refuse_taken_out, write_new,
    };

    pub(crate) use super::{article::find_article, edition::find_edition};
}
