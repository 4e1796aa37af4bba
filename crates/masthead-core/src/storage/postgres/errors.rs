//! The server's errors in words a user can act on.

use super::*;

/// Every PostgreSQL failure becomes an error that says what to do.
/// A server's message as a sentence: capital first, full stop last.
fn sentence(detail: &str) -> String {
    let mut chars = detail.chars();
    let mut out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => return String::new(),
    };
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

pub(crate) fn map_error(server: &ServerLocation, e: postgres::Error) -> Error {
    if let Some(db) = e.as_db_error() {
        let detail = db.message().to_owned();
        let code = db.code();
        // Masthead's own refusals, in the server functions' words: a
        // contributor's function refusing a value, or an older copy of
        // Masthead stopped at its commit.
        if code.code() == "MH001" || *code == SqlState::INVALID_PARAMETER_VALUE {
            return Error::invalid("refused_by_server", None, sentence(&detail));
        }
        if code.code() == "MH002" {
            return Error::invalid("masthead_outdated", None, sentence(&detail));
        }
        return if *code == SqlState::UNIQUE_VIOLATION
            && db.constraint() == Some("drafts_article_id_number_key")
        {
            // Two drafts of one piece numbered at once (an editor's and its
            // writer's): nothing was saved; the next try numbers it anew.
            Error::ServerBusy {
                server: server.to_string(),
            }
        } else if *code == SqlState::UNIQUE_VIOLATION {
            Error::NotUnique
        } else if *code == SqlState::FOREIGN_KEY_VIOLATION {
            Error::ReferenceMissing { detail }
        } else if *code == SqlState::INVALID_PASSWORD
            || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
        {
            Error::LoginRefused {
                server: server.to_string(),
                user: server.user().to_owned(),
                detail,
            }
        } else if *code == SqlState::INSUFFICIENT_PRIVILEGE {
            Error::NotAllowed { detail }
        } else if *code == SqlState::INVALID_CATALOG_NAME {
            Error::ServerUnreachable {
                server: server.to_string(),
                detail,
            }
        } else if *code == SqlState::T_R_SERIALIZATION_FAILURE
            || *code == SqlState::T_R_DEADLOCK_DETECTED
            || *code == SqlState::LOCK_NOT_AVAILABLE
            || *code == SqlState::QUERY_CANCELED
        {
            Error::ServerBusy {
                server: server.to_string(),
            }
        } else if *code == SqlState::DISK_FULL {
            Error::DiskFull {
                path: PathBuf::from(server.to_string()),
            }
        } else if code.code().starts_with("57P") || code.code().starts_with("08") {
            Error::ConnectionLost {
                server: server.to_string(),
                detail,
            }
        } else {
            Error::Server(detail)
        };
    }
    // Only a closed connection or the network is a lost connection; a
    // value the client could not send is Masthead's own problem.
    let io = std::error::Error::source(&e).is_some_and(|s| s.is::<std::io::Error>());
    if e.is_closed() || io {
        Error::ConnectionLost {
            server: server.to_string(),
            detail: e.to_string(),
        }
    } else {
        Error::Server(e.to_string())
    }
}
