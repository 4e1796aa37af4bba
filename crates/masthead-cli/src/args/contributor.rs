//! Contributors and their assignments.

use super::*;

#[derive(Debug, Subcommand)]
pub enum ContributorCmd {
    /// List the contributors.
    List {
        /// Only those whose name, organisation, role or email contains this.
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Add a contributor (emails are unique).
    Add {
        #[arg(long)]
        name: String,
        #[command(flatten)]
        fields: ContributorFields,
    },
    /// Show a contributor and every assignment they have had.
    Show {
        /// The contributor's name, email or id.
        contributor: String,
        #[arg(long)]
        json: bool,
    },
    /// Move a contributor to the trash (refused while they are on a piece
    /// still to be written).
    Delete {
        /// The contributor's name, email or id.
        contributor: String,
        /// Refuse with a conflict (exit 2) unless the record is still at this
        /// version (the `version` of `show --json`).
        #[arg(long, value_name = "N")]
        expect_version: Option<u32>,
    },
    /// Change a contributor's details; flags left out keep their value.
    Update {
        /// The contributor's name, email or id.
        contributor: String,
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        fields: ContributorFields,
        /// A freelance rather than staff.
        #[arg(long, conflicts_with = "staff")]
        freelance: bool,
        /// Refuse with a conflict (exit 2) unless the record is still at this
        /// version (the `version` of `show --json`).
        #[arg(long, value_name = "N")]
        expect_version: Option<u32>,
    },
    /// Make a personal link to the contributor's page on `masthead-serve`
    /// (her open commissions: read the brief, accept or decline, send a
    /// draft), shown this once; or revoke all her links.
    Link {
        /// The contributor's name, email or id.
        contributor: String,
        /// Revoke every link of hers instead: her page closes at once.
        #[arg(long, conflicts_with_all = ["days", "public_url"])]
        revoke: bool,
        /// How many days the link lasts (1 to 366; default: the settings',
        /// 90 unless changed).
        #[arg(long, value_name = "N")]
        days: Option<u32>,
        /// Where contributors reach masthead-serve, e.g.
        /// https://masthead.example.org (default: the settings').
        #[arg(long, value_name = "URL", env = "MASTHEAD_PUBLIC_URL")]
        public_url: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct ContributorFields {
    /// Their job, e.g. "Policy manager".
    #[arg(long)]
    pub role: Option<String>,
    /// The organisation they write for or from.
    #[arg(long)]
    pub org: Option<String>,
    /// Their email address (`none` clears it).
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    /// A staff writer rather than a freelance.
    #[arg(long)]
    pub staff: bool,
    #[arg(long)]
    pub notes: Option<String>,
}

/// Which assignment: its id, or the piece and the contributor.
#[derive(Debug, Args)]
pub struct AssignmentKey {
    /// The assignment's id (or use --article and --contributor).
    pub id: Option<String>,
    /// The article's title or id.
    #[arg(long, required_unless_present = "id")]
    pub article: Option<String>,
    /// Look for the title in this edition only.
    #[arg(long)]
    pub edition: Option<String>,
    /// The contributor's name, email or id.
    #[arg(long, required_unless_present = "id")]
    pub contributor: Option<String>,
    /// Refuse with a conflict (exit 2) unless the assignment is still at
    /// this version.
    #[arg(long, value_name = "N")]
    pub expect_version: Option<u32>,
}

#[derive(Debug, Subcommand)]
pub enum AssignmentCmd {
    /// List assignments, newest first.
    List {
        /// Only this contributor's (name, email or id).
        #[arg(long)]
        contributor: Option<String>,
        /// Only this edition's (name or id).
        #[arg(long)]
        edition: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Record that the contributor accepted the offer.
    Accept {
        #[command(flatten)]
        key: AssignmentKey,
    },
    /// Record that the contributor declined the offer.
    Decline {
        #[command(flatten)]
        key: AssignmentKey,
    },
    /// Take an offered or accepted assignment back.
    Withdraw {
        #[command(flatten)]
        key: AssignmentKey,
    },
    /// Give the piece to someone else on the same terms.
    Reassign {
        #[command(flatten)]
        key: AssignmentKey,
        /// The new contributor's name, email or id.
        #[arg(long)]
        to: String,
    },
}
