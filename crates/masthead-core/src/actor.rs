//! Who is making a change: recorded on every history line.

use crate::error::{Error, Result};

/// The name written into the history as "who". Never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor(String);

impl Actor {
    pub const MAX_LEN: usize = 120;

    pub fn new(name: &str) -> Result<Actor> {
        let name = name.trim();
        if name.chars().all(crate::rules::is_invisible) {
            return Err(Error::invalid(
                "user_name_required",
                "user_name",
                "Your name is empty. Type the name to record in the history of your changes.",
            ));
        }
        crate::rules::check_characters(name, "user_name", "name", false)?;
        if name.chars().count() > Self::MAX_LEN {
            return Err(Error::invalid(
                "user_name_too_long",
                "user_name",
                format!(
                    "Your name is longer than {} characters. Use a shorter form.",
                    Self::MAX_LEN
                ),
            ));
        }
        Ok(Actor(name.to_owned()))
    }

    /// The name of the operating-system account, the default "who".
    pub fn from_os() -> Actor {
        ["USER", "USERNAME", "LOGNAME"]
            .iter()
            .find_map(|var| std::env::var(var).ok())
            .and_then(|name| Actor::new(&name).ok())
            .or_else(|| {
                // Without the usual variables (a service, a bare container),
                // the home folder's name is the account name on every desktop OS.
                dirs::home_dir()
                    .and_then(|home| home.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .and_then(|name| Actor::new(&name).ok())
            })
            .unwrap_or_else(|| Actor("unknown".into()))
    }

    pub fn name(&self) -> &str {
        &self.0
    }
}
