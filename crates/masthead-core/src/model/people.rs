//! Contributors and the team: people who sign in to a server.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ContributorKind {
    Staff,
    Freelance,
}

impl ContributorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ContributorKind::Staff => "staff",
            ContributorKind::Freelance => "freelance",
        }
    }
}

/// What a team member may do on a team server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TeamRole {
    /// Sees and changes everything.
    Editor,
    /// Sees their own assignments, answers offers, submits drafts.
    Contributor,
}

impl TeamRole {
    pub fn key(self) -> &'static str {
        match self {
            TeamRole::Editor => "editor",
            TeamRole::Contributor => "contributor",
        }
    }

    pub fn parse(text: &str) -> Option<TeamRole> {
        match text.trim().to_ascii_lowercase().as_str() {
            "editor" => Some(TeamRole::Editor),
            "contributor" => Some(TeamRole::Contributor),
            _ => None,
        }
    }
}

/// Someone who signs in to a team server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    pub email: Option<String>,
    pub role: TeamRole,
    /// The server login they sign in with.
    pub login: Option<String>,
    /// Their entry in the contributors directory (a contributor's always).
    pub contributor_id: Option<ContributorId>,
    pub created_at: DateTime<Utc>,
    pub version: u32,
}

/// A new team member, as the Team screen and `team invite` ask for one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct InviteInput {
    pub name: String,
    pub email: String,
    pub role: TeamRole,
}

/// What to send a new team member, shown once: the password is stored
/// nowhere by Masthead (the server keeps only its hash), and `Debug` hides it.
#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Invitation {
    pub person: Person,
    pub login: String,
    pub password: String,
    /// The address to connect to, with the login and without the password.
    pub url: String,
}

impl std::fmt::Debug for Invitation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Invitation")
            .field("person", &self.person)
            .field("login", &self.login)
            .field("password", &"***")
            .field("url", &self.url)
            .finish()
    }
}

/// A person who writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Contributor {
    pub id: ContributorId,
    pub name: String,
    pub role: String,
    pub organisation: String,
    pub email: Option<String>,
    pub phone: String,
    pub kind: ContributorKind,
    pub notes: String,
    /// Offered or accepted assignments now.
    pub active_assignments: u32,
    pub version: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ContributorInput {
    pub name: String,
    pub role: String,
    pub organisation: String,
    pub email: Option<String>,
    pub phone: String,
    pub kind: ContributorKind,
    pub notes: String,
}

impl From<&Contributor> for ContributorInput {
    fn from(c: &Contributor) -> Self {
        ContributorInput {
            name: c.name.clone(),
            role: c.role.clone(),
            organisation: c.organisation.clone(),
            email: c.email.clone(),
            phone: c.phone.clone(),
            kind: c.kind,
            notes: c.notes.clone(),
        }
    }
}

/// A contributor's page: who they are, everything they were asked to do,
/// and the history of their record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ContributorDetail {
    pub contributor: Contributor,
    /// Newest first.
    pub assignments: Vec<Assignment>,
    pub history: Vec<HistoryEntry>,
}
