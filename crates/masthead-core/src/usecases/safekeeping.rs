//! Keeping a database safe: backups (on demand, and one a day when the app
//! opens a file), restores that set the current contents aside first, and
//! `check`, which runs the engine's own checks and Masthead's invariants.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{Result, Store};
use crate::error::Error;
use crate::model::{BackupMade, CheckProblem, CheckReport, Restored};
use crate::rules::flatplan::overlaps;
use crate::storage::{Backend, LoginTrouble};

impl Store {
    /// Writes a consistent backup of this file to `dest` with SQLite's
    /// online backup API: safe while the app and the CLI write. Refused on
    /// a team server (PostgreSQL's tools back it up).
    pub fn backup_to(&self, dest: &Path) -> Result<BackupMade> {
        self.backend().backup_to(dest)?;
        let bytes = std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0);
        Ok(BackupMade {
            path: dest.display().to_string(),
            bytes,
        })
    }

    /// Takes today's backup of this file into its own folder under `root`
    /// unless one exists, then keeps only the newest `keep` of them.
    /// `None` when there was nothing to do (today's exists, or `keep` is 0,
    /// or this is a team server).
    pub fn daily_backup(
        &self,
        root: &Path,
        keep: u32,
        today: NaiveDate,
    ) -> Result<Option<BackupMade>> {
        match self.daily_backup_job(root, keep, today)? {
            Some(job) => job.run(),
            None => Ok(None),
        }
    }

    /// Today's backup made ready, for [`DailyBackup::run`] to take on a
    /// thread of its own: the copy is read through a second connection, so
    /// this store works on meanwhile (on years of work the copy takes
    /// minutes, and the app must open at once). `None` on a team server or
    /// with `keep` 0.
    pub fn daily_backup_job(
        &self,
        root: &Path,
        keep: u32,
        today: NaiveDate,
    ) -> Result<Option<DailyBackup>> {
        if keep == 0 || self.server().is_some() {
            return Ok(None);
        }
        let (folder, stem) = backup_folder(root, self.path());
        std::fs::create_dir_all(&folder).map_err(|source| Error::Io {
            path: folder.clone(),
            source,
        })?;
        let dest = folder.join(format!("{stem}-{today}.db"));
        let source = if dest.exists() {
            None
        } else {
            Some(self.backend().beside()?)
        };
        Ok(Some(DailyBackup {
            source,
            folder,
            stem,
            dest,
            keep,
        }))
    }

    /// Replaces this file's contents with the backup at `source`. The
    /// current contents are first backed up beside the file
    /// (`NAME.before-restore-TIME.db`), never deleted; the backup must be a
    /// Masthead database this version reads (an older one is brought up to
    /// date on a copy). Every connection sees the restored plan at its next
    /// transaction.
    pub fn restore_from(&mut self, source: &Path) -> Result<Restored> {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
        let name = self
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "masthead.db".into());
        let set_aside = self
            .path()
            .with_file_name(format!("{name}.before-restore-{stamp}.db"));
        let path = self.path().to_path_buf();
        self.backend_mut()
            .restore_from(source, &set_aside)
            .map_err(|e| e.at_path(&path))?;
        Ok(Restored {
            from: source.display().to_string(),
            set_aside: set_aside.display().to_string(),
        })
    }

    /// Repairs what `check` can: on a team server restored elsewhere, each
    /// member's right to connect and the team's record of their login
    /// (only for roles already in this team's groups). What was repaired.
    pub fn repair(&mut self) -> Result<Vec<String>> {
        let mut done = self.backend_mut().repair_logins()?;
        // Editions' counts of pieces and contributors' of open commissions,
        // when something changed them behind the store's back: counted
        // again from the pieces and the commissions.
        let broken = self.read(|tx| tx.broken_invariants())?;
        let off = |code: &str| broken.iter().filter(|(c, _)| c == code).count();
        let plural = |n: usize| if n == 1 { " was" } else { "s were" };
        let editions = off("edition_count_off");
        if editions > 0 {
            self.write(|tx| tx.recount_editions())?;
            done.push(format!(
                "counted the editions' pieces again ({editions} count{} off)",
                plural(editions)
            ));
        }
        let contributors = off("contributor_count_off");
        if contributors > 0 {
            self.write(|tx| tx.recount_contributors())?;
            done.push(format!(
                "counted the contributors' open commissions again ({contributors} count{} off)",
                plural(contributors)
            ));
        }
        Ok(done)
    }

    /// Runs the engine's own checks (on a file: SQLite's integrity and
    /// foreign-key checks) and Masthead's invariants: every piece's status
    /// belongs to its publication's workflow, every draft has its file,
    /// every history line's record exists, no two slots share a page's
    /// part and every slot is within its edition's pages.
    pub fn check(&self) -> Result<CheckReport> {
        let version = self.schema_version()?;
        if version < crate::SCHEMA_VERSION {
            return Err(Error::invalid(
                "check_older_schema",
                "db",
                format!(
                    "{} is from an older Masthead (schema version {version}). Open it once with Masthead (`masthead --db FILE init`) to bring it up to date, keeping a copy, then check it.",
                    self.path().display()
                ),
            ));
        }
        let mut checked = Vec::new();
        let mut problems = Vec::new();
        if self.server().is_none() {
            checked.push("SQLite's integrity and foreign-key checks".to_owned());
            for line in self.backend().engine_checks()? {
                problems.push(CheckProblem {
                    code: "integrity".into(),
                    problem: line,
                    what_to_do: "The file is damaged: restore the newest good backup with `masthead restore` (File › Restore from backup…); `masthead export json` can still save what is readable first.".into(),
                });
            }
        }
        if self.server().is_some() {
            checked.push("every stored id, time and list is one Masthead reads".to_owned());
            for line in self.backend().engine_checks()? {
                problems.push(CheckProblem {
                    code: "unreadable_values".into(),
                    problem: line,
                    what_to_do: "A login wrote these before the server checked every value (version 10). Ask the database's owner to find them (the check's name says the table and column), set them right, then run `ALTER TABLE … VALIDATE CONSTRAINT …`; until then each new write is checked.".into(),
                });
            }
            checked.push("every team member's login can connect to this database".to_owned());
            for p in self.backend().login_checks()? {
                let (problem, what_to_do) = match p.kind {
                    LoginTrouble::NoConnect | LoginTrouble::Unlinked if !p.repairable => (
                        format!("{}'s login {} is not one this team made (a superuser's, the owner's or another team's)", p.name, p.login),
                        "Remove them from the team and invite them again (`masthead team remove`, `masthead team invite`); a repair never takes such a login for a member.",
                    ),
                    LoginTrouble::ServerOpenToAll => (
                        "every login on this server, a contributor's included, may connect to its `postgres` or `template1` database (and make temporary tables there, or keep new databases from being made)".to_owned(),
                        "Ask the server's superuser to run: REVOKE CONNECT, TEMPORARY ON DATABASE postgres, template1 FROM PUBLIC (see the README's team server section).",
                    ),
                    LoginTrouble::OpenToAll => (
                        "every login on this server may connect to this database, not only the team's".to_owned(),
                        "Run `masthead check --repair` as the database's owner (a restore into a new database without `pg_restore --create` leaves its grants behind).",
                    ),
                    LoginTrouble::Missing => (
                        format!("{} has no login {} on this server", p.name, p.login),
                        "Load the server's roles from the backup (`psql -f roles.sql`, see the README), or remove them from the team and invite them again.",
                    ),
                    LoginTrouble::NoLogin => (
                        format!("{}'s login {} may not log in", p.name, p.login),
                        "Remove them from the team and invite them again (`masthead team remove`, `masthead team invite`).",
                    ),
                    LoginTrouble::NoConnect => (
                        format!("{}'s login {} may not connect to this database", p.name, p.login),
                        "Run `masthead check --repair` as the database's owner (a restore without `pg_restore --create` leaves this out).",
                    ),
                    LoginTrouble::Unlinked => (
                        format!("{}'s login {} is not the one this team made", p.name, p.login),
                        "Run `masthead check --repair` as the database's owner if this server's roles were restored from the team's backup.",
                    ),
                };
                problems.push(CheckProblem {
                    code: if p.kind == LoginTrouble::ServerOpenToAll {
                        "server_open_to_all"
                    } else {
                        "login_cannot_work"
                    }
                    .into(),
                    problem,
                    what_to_do: what_to_do.into(),
                });
            }
        }
        checked.extend(
            [
                "every piece's status belongs to its publication's workflow",
                "every draft has its file and text",
                "every history line's record exists",
                "no two slots share part of a page, and every slot is on the edition's pages",
            ]
            .map(str::to_owned),
        );
        let (broken, slots) =
            self.read(|tx| Ok((tx.broken_invariants()?, tx.slots_to_check()?)))?;
        for (code, problem) in broken {
            let what_to_do = match code.as_str() {
                "status_of_another_publication" => {
                    "Move the piece to one of its own publication's statuses (`masthead article status`)."
                }
                "draft_without_contents" => {
                    "That version cannot be read: ask the writer to send it again, or restore a backup that has it."
                }
                "edition_count_off" | "contributor_count_off" => {
                    "Something other than Masthead changed the counts: `masthead check --repair` counts again from the pieces and commissions."
                }
                _ => {
                    "Restore the newest good backup (`masthead restore`); the history cannot be repaired in place."
                }
            };
            problems.push(CheckProblem {
                code,
                problem,
                what_to_do: what_to_do.into(),
            });
        }
        problems.extend(slot_problems(&slots));
        Ok(CheckReport {
            database: match self.server() {
                Some(server) => server.url_for(server.user()),
                None => self.path().display().to_string(),
            },
            checked,
            problems,
        })
    }
}

/// Slots off their edition's pages, and slots that share part of a page.
pub(crate) fn slot_problems(slots: &[crate::storage::SlotToCheck]) -> Vec<CheckProblem> {
    let mut problems = Vec::new();
    for (i, a) in slots.iter().enumerate() {
        if a.first_page < 1 || a.last_page > a.page_count {
            problems.push(CheckProblem {
                code: "slot_off_the_pages".into(),
                problem: format!(
                    "\"{}\" is placed on pages {}–{} of {}, which has pages 1–{}",
                    a.label, a.first_page, a.last_page, a.edition, a.page_count
                ),
                what_to_do: "Move it onto the edition's pages, or change the page count (`masthead flatplan move`, `masthead edition update --pages`).".into(),
            });
        }
        // Sorted by edition and first page: only later slots of the same
        // edition that start by this one's last page can meet it.
        for b in slots[i + 1..]
            .iter()
            .take_while(|b| b.edition_id == a.edition_id && b.first_page <= a.last_page)
        {
            let shape = |s: &crate::storage::SlotToCheck| {
                (s.first_page, s.last_page, s.part_offset, s.part_units)
            };
            if overlaps(shape(a), shape(b)) {
                problems.push(CheckProblem {
                    code: "slots_overlap".into(),
                    problem: format!(
                        "\"{}\" and \"{}\" share page {} of {}",
                        a.label,
                        b.label,
                        a.first_page.max(b.first_page),
                        a.edition
                    ),
                    what_to_do:
                        "Move one of them (`masthead flatplan move`, or drag it on the Flatplan)."
                            .into(),
                });
            }
        }
    }
    problems
}

/// The folder of `database`'s daily backups under `root`, and the stem of
/// their names: the file's name and a short hash of its full path, so two
/// databases of one name (in two folders) never share backups.
fn backup_folder(root: &Path, database: &Path) -> (PathBuf, String) {
    let full = std::fs::canonicalize(database).unwrap_or_else(|_| database.to_path_buf());
    let stem = database
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "masthead".into());
    let stem: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let hash = masthead_text::sha256_hex(full.display().to_string().as_bytes());
    (root.join(format!("{stem}-{}", &hash[..8])), stem)
}

/// Today's backup, ready to take (see [`Store::daily_backup_job`]).
pub struct DailyBackup {
    /// The second connection the copy is read through; `None` when
    /// today's backup was taken already.
    source: Option<Box<dyn Backend>>,
    folder: PathBuf,
    stem: String,
    dest: PathBuf,
    keep: u32,
}

impl DailyBackup {
    /// Where today's backup goes.
    pub fn dest(&self) -> &Path {
        &self.dest
    }

    /// Whether there is a copy to take (today's is not there yet).
    pub fn copies(&self) -> bool {
        self.source.is_some()
    }

    /// Takes the copy (unless today's exists), then keeps only the newest
    /// `keep` of the dated backups. What was written, if anything. The
    /// folder is tidied whether or not the copy succeeds: the partial
    /// copies of processes that ended before finishing (`.STEM-DATE.db.PID.part`
    /// and its `-journal`) go first, so they never fill the disk.
    pub fn run(self) -> Result<Option<BackupMade>> {
        self.clear_unfinished();
        let made = match &self.source {
            Some(source) => source.backup_to(&self.dest).map(|()| {
                Some(BackupMade {
                    path: self.dest.display().to_string(),
                    bytes: std::fs::metadata(&self.dest).map(|m| m.len()).unwrap_or(0),
                })
            }),
            None => Ok(None),
        };
        self.keep_newest();
        made
    }

    /// The names in the backups' folder.
    fn names(&self) -> Vec<String> {
        std::fs::read_dir(&self.folder)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| e.file_name().to_str().map(str::to_owned))
            .collect()
    }

    /// Removes the partial copies whose process is gone: a copy another
    /// window is still writing is left to it.
    fn clear_unfinished(&self) {
        let prefix = format!(".{}-", self.stem);
        for name in self.names() {
            let Some(rest) = name.strip_prefix(&prefix) else {
                continue;
            };
            let rest = rest.strip_suffix("-journal").unwrap_or(rest);
            let Some(rest) = rest.strip_suffix(".part") else {
                continue;
            };
            // DATE.db.PID
            let dated = rest
                .get(..10)
                .is_some_and(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok());
            let pid = rest
                .rsplit_once(".db.")
                .and_then(|(_, pid)| pid.parse::<u32>().ok());
            if let (true, Some(pid)) = (dated, pid)
                && !process_alive(pid)
            {
                let _ = std::fs::remove_file(self.folder.join(&name));
            }
        }
    }

    /// Keeps only the newest `keep` dated backups (oldest first by the
    /// date in the name; only our own dated files).
    fn keep_newest(&self) {
        let prefix = format!("{}-", self.stem);
        let mut dated: Vec<String> = self
            .names()
            .into_iter()
            .filter(|n| {
                n.strip_prefix(&prefix)
                    .and_then(|n| n.strip_suffix(".db"))
                    .is_some_and(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
            })
            .collect();
        dated.sort();
        let excess = dated.len().saturating_sub(self.keep as usize);
        for old in &dated[..excess] {
            let _ = std::fs::remove_file(self.folder.join(old));
        }
    }
}

/// Whether the process `pid` is running (this one is). Where that cannot
/// be told, every process counts as running, so nothing is removed that
/// may still be written.
fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}
