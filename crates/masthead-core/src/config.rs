//! Where Masthead keeps its files, and the small per-user settings file
//! (the user's name, the last database) shared by the app and the CLI.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The same identifier the desktop app is bundled under.
pub const APP_IDENTIFIER: &str = "app.masthead.desktop";
pub const DEFAULT_DATABASE_NAME: &str = "masthead.db";

/// `$XDG_DATA_HOME/app.masthead.desktop` (usually `~/.local/share/…`).
pub fn data_dir() -> PathBuf {
    dirs::data_dir()
        .or_else(|| dirs::home_dir().map(|h| h.join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
}

/// The database used when none is named.
pub fn default_database() -> PathBuf {
    data_dir().join(DEFAULT_DATABASE_NAME)
}

/// Where the app keeps its daily backups, a folder per database inside:
/// `$MASTHEAD_BACKUPS_DIR`, else `backups` in the data folder.
pub fn backups_dir() -> PathBuf {
    std::env::var_os("MASTHEAD_BACKUPS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| data_dir().join("backups"))
}

/// The most daily backups of a database the app keeps.
pub const MAX_BACKUPS_KEPT: u32 = 365;

/// How many daily backups of a database the app keeps, unless set.
pub const DEFAULT_BACKUPS_KEPT: u32 = 14;

/// `$XDG_CONFIG_HOME/app.masthead.desktop/settings.json`.
pub fn settings_path() -> PathBuf {
    dirs::config_dir()
        .or_else(|| dirs::home_dir().map(|h| h.join(".config")))
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
        .join("settings.json")
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct Settings {
    /// The name recorded as "who" in the history; empty means the OS account.
    pub user_name: String,
    /// The database the app opened last.
    pub last_database: Option<String>,
    /// Shortcuts of one character key (N, J, K, ?, G E…). People who use
    /// speech input or who type by accident can turn them off (WCAG 2.1.4);
    /// shortcuts with Ctrl and Esc stay.
    pub single_key_shortcuts: bool,
    /// How many daily backups of each database the app keeps (0: none taken).
    pub backups_kept: u32,
    /// How many days a new contributor link lasts.
    pub link_days: u32,
    /// Where contributors reach `masthead-serve` (its `--public-url`), to
    /// give whole links; none until someone sets it.
    pub contributor_page_url: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            user_name: String::new(),
            last_database: None,
            single_key_shortcuts: true,
            backups_kept: DEFAULT_BACKUPS_KEPT,
            link_days: crate::rules::links::DEFAULT_LINK_DAYS,
            contributor_page_url: None,
        }
    }
}

impl Settings {
    /// Sets how many daily backups are kept: 0 (none taken) to
    /// [`MAX_BACKUPS_KEPT`].
    pub fn set_backups_kept(&mut self, kept: u32) -> crate::Result<()> {
        if kept > MAX_BACKUPS_KEPT {
            return Err(crate::Error::invalid(
                "backups_kept_out_of_range",
                "backups_kept",
                format!("Keep between 0 and {MAX_BACKUPS_KEPT} daily backups (0 takes none)."),
            ));
        }
        self.backups_kept = kept;
        Ok(())
    }

    /// Sets how long new contributor links last (1 to 366 days).
    pub fn set_link_days(&mut self, days: u32) -> crate::Result<()> {
        self.link_days = crate::rules::links::check_days(days)?;
        Ok(())
    }

    /// Sets where contributors reach their page (empty: not known).
    pub fn set_contributor_page_url(&mut self, url: &str) -> crate::Result<()> {
        self.contributor_page_url = if url.trim().is_empty() {
            None
        } else {
            Some(crate::rules::links::check_public_url(url)?)
        };
        Ok(())
    }

    /// Reads the settings; a missing or unreadable file gives the defaults,
    /// since settings are a convenience and must never stop the app.
    pub fn load(path: &Path) -> Settings {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes the settings through a temporary file, so a crash mid-write
    /// leaves the old file intact.
    pub fn save(&self, path: &Path) -> Result<()> {
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let tmp = path.with_extension("json.tmp");
        let text = serde_json::to_string_pretty(self).map_err(|e| io(std::io::Error::other(e)))?;
        std::fs::write(&tmp, text).map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)
    }

    /// The "who" of the history: the saved name, else the OS account name.
    pub fn actor(&self) -> crate::Actor {
        crate::Actor::new(&self.user_name).unwrap_or_else(|_| crate::Actor::from_os())
    }
}

/// The database a launch names (`masthead-app FILE`, `masthead-app
/// postgres://…`, or what a file manager passes for a double-clicked file):
/// the first argument after the program's that is not a flag. A relative
/// path is taken from `cwd` (the launching shell's folder, which a second
/// launch forwards to the running app); a local `file://` URI becomes its
/// path. Anything else (another host's `file://`, an undecodable one) is
/// kept as it was given, so opening it fails with a message that names it
/// rather than silently opening something else.
pub fn requested_location(args: &[String], cwd: &Path) -> Option<String> {
    let arg = args
        .iter()
        .skip(1)
        .find(|a| !a.starts_with('-') && !a.trim().is_empty())?;
    if crate::ServerLocation::is_server(arg) {
        return Some(arg.trim().to_owned());
    }
    let path = match arg.strip_prefix("file://") {
        // file:///home/… (an empty host) or file://localhost/home/…
        Some(rest) => {
            let Some(local) = rest
                .strip_prefix("localhost")
                .or(Some(rest))
                .filter(|r| r.starts_with('/'))
            else {
                return Some(arg.clone());
            };
            match percent_encoding::percent_decode_str(local).decode_utf8() {
                Ok(decoded) => PathBuf::from(decoded.into_owned()),
                Err(_) => return Some(arg.clone()),
            }
        }
        None => PathBuf::from(arg),
    };
    let path = if path.is_absolute() {
        path
    } else {
        cwd.join(path)
    };
    Some(path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        std::iter::once("masthead-app")
            .chain(list.iter().copied())
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn a_launch_names_a_file_a_uri_or_a_server() {
        let cwd = Path::new("/home/tess/Documents");
        let named = |list: &[&str]| requested_location(&args(list), cwd);
        assert_eq!(named(&[]), None);
        assert_eq!(named(&["--flag"]), None);
        assert_eq!(
            named(&["pse.masthead"]).as_deref(),
            Some("/home/tess/Documents/pse.masthead")
        );
        assert_eq!(named(&["/tmp/a.db"]).as_deref(), Some("/tmp/a.db"));
        assert_eq!(
            named(&["file:///home/tess/My%20Plans/pse.masthead"]).as_deref(),
            Some("/home/tess/My Plans/pse.masthead")
        );
        assert_eq!(
            named(&["file://localhost/srv/x.db"]).as_deref(),
            Some("/srv/x.db")
        );
        assert_eq!(
            named(&["-v", "postgres://tess@db.example:5432/pse"]).as_deref(),
            Some("postgres://tess@db.example:5432/pse")
        );
        // Not a local path: kept as given, for the open to refuse by name.
        assert_eq!(
            named(&["file:///tmp/%FF.db"]).as_deref(),
            Some("file:///tmp/%FF.db")
        );
        assert_eq!(
            named(&["file://otherhost/srv/x.db"]).as_deref(),
            Some("file://otherhost/srv/x.db")
        );
    }
}
