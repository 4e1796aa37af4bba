//! `masthead`: the command-line face of Masthead. Every verb parses its flags,
//! calls one use case of `masthead-core` and prints the result; the rules live
//! in the core so the CLI and the app behave the same.

mod args;
mod commands;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Parser;
use masthead_core::model::{BoardFilter, PublicationId};
use masthead_core::{Actor, Error, ServerLocation, Store, config};

use args::{Cli, Command, ImportCmd};
use output::Out;

use commands::{
    advert::advert, article::article, assignment::assignment, comment::comment,
    contributor::contributor, draft::draft, edition::edition, export::export, flatplan::flatplan,
    kind::kind, publication::publication, section::section, team::team, trash::trash,
    workflow::workflow,
};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                let _ = e.print();
                return ExitCode::from(2);
            }
            eprintln!("{} (see --help)", usage_line(&e.render().to_string()));
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Core(e)) => {
            if e.code() == "conflict" {
                // Scripts look for the word; people read the sentence.
                eprintln!("error: conflict: {}", output::printable(&e.to_string()));
            } else {
                eprintln!("error: {}", output::printable(&e.to_string()));
            }
            ExitCode::from(if e.is_user_error() { 2 } else { 1 })
        }
        Err(Failure::Usage(message)) => {
            eprintln!("error: {}", output::printable(&message));
            ExitCode::from(2)
        }
        Err(Failure::Other(e)) => {
            eprintln!("error: {}", output::printable(&format!("{e:#}")));
            ExitCode::from(1)
        }
        Err(Failure::Reported) => ExitCode::from(1),
    }
}

/// clap's message folded onto one line: "error: the following required
/// arguments were not provided: --edition <EDITION>", without the usage
/// block and the `--help` tip that follow it.
fn usage_line(text: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("Usage:") || line.starts_with("For more information") {
            break;
        }
        if !line.is_empty() {
            parts.push(line);
        }
    }
    let line = parts.join(" ");
    if line.is_empty() {
        "error: invalid usage".to_owned()
    } else {
        line
    }
}

pub(crate) enum Failure {
    Core(Error),
    Usage(String),
    Other(anyhow::Error),
    /// Already said on stdout (a check that found problems): exit 1.
    Reported,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e)
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Other(e.into())
    }
}

pub(crate) type Outcome = Result<(), Failure>;

fn database_path(cli: &Cli) -> PathBuf {
    cli.db.clone().unwrap_or_else(config::default_database)
}

/// The database at `path` and the publication named (or the only one).
pub(crate) fn open_publication(
    path: &PathBuf,
    publication: &Option<String>,
) -> Result<(Store, PublicationId), Failure> {
    let store = open(path, false)?;
    let publication = store.find_publication(publication.as_deref())?;
    Ok((store, publication))
}

/// Opens the database; only `init` and `demo` may create it.
pub(crate) fn open(path: &PathBuf, create: bool) -> Result<Store, Failure> {
    if let Some(url) = server_url(path) {
        return Ok(Store::open_location(url)?);
    }
    if !path.exists() {
        if !create {
            return Err(Failure::Usage(format!(
                "there is no Masthead database at {}. Create one with `masthead --db {} init` (or `demo`).",
                path.display(),
                path.display()
            )));
        }
        if *path == config::default_database()
            && let Some(dir) = path.parent()
        {
            std::fs::create_dir_all(dir)?;
        }
    }
    if create {
        Ok(Store::open(path)?)
    } else {
        // An empty file is not turned into a database by a reading verb.
        Ok(Store::open_existing(path)?)
    }
}

/// Opens the database without changing it: a file is read as it is (an
/// older one is not upgraded, as a backup being checked must not be); a
/// team server as usual.
pub(crate) fn open_as_is(path: &PathBuf) -> Result<Store, Failure> {
    if server_url(path).is_some() {
        return open(path, false);
    }
    if !path.exists() {
        return open(path, false);
    }
    Ok(Store::open_unchanged(path)?)
}

/// `--db` as a team server's URL, when it is one.
pub(crate) fn server_url(path: &std::path::Path) -> Option<&str> {
    path.to_str().filter(|p| ServerLocation::is_server(p))
}

fn actor(cli: &Cli) -> Result<Actor, Failure> {
    match &cli.user {
        Some(name) => Ok(Actor::new(name)?),
        None => Ok(config::Settings::load(&config::settings_path()).actor()),
    }
}

fn run(cli: Cli) -> Outcome {
    // What describes the program itself needs no database and no name.
    match &cli.command {
        Command::Completions { shell } => {
            let mut command = shown(<Cli as clap::CommandFactory>::command());
            // Written whole, so a closed pipe is an error, not a panic.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut command, "masthead", &mut script);
            std::io::Write::write_all(&mut std::io::stdout(), &script)?;
            return Ok(());
        }
        Command::Manual { out } => {
            std::fs::create_dir_all(out)?;
            let command = <Cli as clap::CommandFactory>::command();
            clap_mangen::generate_to(command, out)?;
            return Ok(());
        }
        _ => {}
    }
    let path = database_path(&cli);
    let who = actor(&cli)?;
    let out = Out::stdout();
    match &cli.command {
        Command::ServeStore { open } => {
            let mode = masthead_core::service::OpenMode::parse(open).ok_or_else(|| {
                Failure::Usage(format!("--open is existing, new or any, not \"{open}\""))
            })?;
            if server_url(&path).is_some() {
                return Err(Failure::Usage(
                    "serve-store serves a database file, not a team server".into(),
                ));
            }
            let stdin = std::io::stdin().lock();
            let stdout = std::io::stdout().lock();
            masthead_core::service::serve(&path, mode, stdin, stdout);
            Ok(())
        }
        Command::Init => {
            let existed = path.exists();
            let store = open(&path, true)?;
            let verb = if server_url(&path).is_some() {
                "Connected to"
            } else if existed {
                "Opened"
            } else {
                "Created"
            };
            out.line(&format!(
                "{verb} Masthead database {} (schema version {}).",
                store.path().display(),
                store.schema_version()?
            ));
            Ok(())
        }
        Command::Backup { out: to } => {
            refuse_taken_out(to)?;
            let store = open_as_is(&path)?;
            let made = store.backup_to(to)?;
            out.line(&format!(
                "Backed up {} to {} ({} KB).",
                store.path().display(),
                made.path,
                made.bytes.div_ceil(1024)
            ));
            Ok(())
        }
        Command::Restore { backup } => {
            if !backup.exists() {
                return Err(Failure::Usage(format!(
                    "there is no backup at {}",
                    backup.display()
                )));
            }
            let mut store = open(&path, false)?;
            let restored = store.restore_from(backup)?;
            out.line(&format!(
                "Restored {} from {}. What it held before is kept at {}.",
                store.path().display(),
                restored.from,
                restored.set_aside
            ));
            Ok(())
        }
        Command::Check { json, repair } => {
            // Checking reads the file as it is; repairing writes to it.
            let mut store = if *repair {
                open(&path, false)?
            } else {
                open_as_is(&path)?
            };
            if *repair {
                let done = store.repair()?;
                if !*json {
                    if done.is_empty() {
                        out.line("Nothing to repair.");
                    }
                    for line in &done {
                        out.line(&format!("Repaired: {line}."));
                    }
                }
            }
            let report = store.check()?;
            if *json {
                out.json(&report)?;
            } else {
                out.line(&format!("Checked {}:", report.database));
                for what in &report.checked {
                    out.line(&format!("  - {what}"));
                }
                if report.is_clean() {
                    out.line("All is well.");
                } else {
                    out.line(&format!(
                        "{} {} wrong:",
                        report.problems.len(),
                        if report.problems.len() == 1 {
                            "thing is"
                        } else {
                            "things are"
                        }
                    ));
                    for p in &report.problems {
                        out.line(&format!("  - {}. {}", p.problem, p.what_to_do));
                    }
                }
            }
            if report.is_clean() {
                Ok(())
            } else {
                Err(Failure::Reported)
            }
        }
        Command::Demo => {
            let mut store = open(&path, true)?;
            let edition = store.load_demo(&who)?;
            let edition = store.edition(edition)?;
            out.line(&format!(
                "Loaded the demo: {} \"{}\" with {} pieces ({} spiked), and a second edition in planning.",
                edition.publication, edition.name, edition.article_count, edition.spiked_count
            ));
            Ok(())
        }
        Command::Publication { cmd } => publication(&cli, cmd, &path, &who, &out),
        Command::Edition { cmd } => edition(cmd, &path, &who, &out),
        Command::Article { cmd } => article(cmd, &path, &who, &out),
        Command::Trash { cmd } => trash(cmd, &path, &who, &out),
        Command::Dev {
            cmd: args::DevCmd::Generate { pieces, seed },
        } => {
            // Never the default database, nor $MASTHEAD_DB's: a made-up
            // archive goes only where the command line says.
            let from_env = std::env::var_os("MASTHEAD_DB").map(PathBuf::from);
            if cli.db.is_none()
                || server_url(&path).is_some()
                || path == config::default_database()
                || from_env.as_ref() == Some(&path)
            {
                return Err(Failure::Usage(
                    "dev generate writes a new file: give it with --db FILE (not the default database or $MASTHEAD_DB's)".into(),
                ));
            }
            let made = masthead_core::dev::generate(
                &path,
                masthead_core::dev::GenerateOptions {
                    pieces: *pieces,
                    seed: *seed,
                },
            )?;
            out.line(&format!(
                "Generated {} pieces in {} editions, {} contributors, {} assignments, {} drafts \
                 and {} change sets in {:.1} s: {}",
                made.pieces,
                made.editions,
                made.contributors,
                made.assignments,
                made.drafts,
                made.change_sets,
                made.took.as_secs_f64(),
                path.display()
            ));
            Ok(())
        }
        Command::History {
            article: piece,
            edition,
            json,
        } => article(
            &args::ArticleCmd::History {
                article: piece.clone(),
                edition: edition.clone(),
                json: *json,
            },
            &path,
            &who,
            &out,
        ),
        Command::Comment { cmd } => comment(cmd, &path, &who, &out),
        Command::Contributor { cmd } => contributor(cmd, &path, &who, &out),
        Command::Section { cmd } => section(cmd, &path, &who, &out),
        Command::Kind { cmd } => kind(cmd, &path, &who, &out),
        Command::Assignment { cmd } => assignment(cmd, &path, &who, &out),
        Command::Flatplan { cmd } => flatplan(cmd, &path, &who, &out),
        Command::Advert { cmd } => advert(cmd, &path, &who, &out),
        Command::Draft { cmd } => draft(cmd, &path, &who, &out),
        Command::Export { cmd } => export(cmd, &path, &out),
        Command::Import {
            cmd: ImportCmd::Json { file, json },
        } => {
            if !file.is_file() {
                return Err(Failure::Usage(format!(
                    "{} is not a file; name an export written by `masthead export json`",
                    file.display()
                )));
            }
            // A file made for this import goes again if the import is refused.
            let made_here = server_url(&path).is_none() && !path.exists();
            let mut store = open(&path, true)?;
            let summary = match store.import_json_from(file) {
                Ok(summary) => summary,
                Err(e) => {
                    drop(store);
                    if made_here {
                        for suffix in ["", "-wal", "-shm"] {
                            let mut name = path.as_os_str().to_owned();
                            name.push(suffix);
                            let _ = std::fs::remove_file(name);
                        }
                    }
                    return Err(e.into());
                }
            };
            if *json {
                out.json(&summary)?;
            } else {
                let rows: u64 = summary.tables.iter().map(|(_, n)| n).sum();
                out.line(&format!(
                    "Imported {rows} rows from {} into {}.",
                    summary.from, summary.to
                ));
            }
            Ok(())
        }
        Command::Workflow { cmd } => workflow(cmd, &path, &who, &out),
        Command::Team { cmd } => team(cmd, &path, &who, &out),
        Command::Board {
            edition,
            publication,
            section,
            kind,
            contributor,
            overdue,
            today,
            json,
        } => {
            let store = open(&path, false)?;
            let publication_id = match (edition, publication) {
                (Some(e), p) => {
                    let p = p
                        .as_deref()
                        .map(|p| store.find_publication(Some(p)))
                        .transpose()?;
                    store.edition(store.find_edition(p, e)?)?.publication_id
                }
                (None, p) => store.find_publication(p.as_deref())?,
            };
            let filter = BoardFilter {
                edition_id: edition
                    .as_deref()
                    .map(|e| store.find_edition(Some(publication_id), e))
                    .transpose()?,
                section_id: section
                    .as_deref()
                    .map(|s| store.find_section(publication_id, s))
                    .transpose()?,
                kind_id: kind
                    .as_deref()
                    .map(|k| store.find_kind(publication_id, k))
                    .transpose()?,
                contributor_id: contributor
                    .as_deref()
                    .map(|c| store.find_contributor(c))
                    .transpose()?,
                overdue_only: *overdue,
            };
            let today = today.as_ref().and_then(|d| d.0).unwrap_or_else(local_today);
            let board = store.board(publication_id, &filter, today)?;
            if *json {
                return out.json(&output::BoardShow::from(&board));
            }
            output::print_board(&out, &board);
            Ok(())
        }
        Command::Dashboard {
            publication,
            today,
            json,
            mark_seen,
        } => {
            let mut store = open(&path, false)?;
            let publication = store.find_publication(publication.as_deref())?;
            let today = today.as_ref().and_then(|d| d.0).unwrap_or_else(local_today);
            let offset = chrono::Local::now().offset().local_minus_utc();
            let desk = store.dashboard(publication, today, offset)?;
            // A contributor's login keeps no marks (the desk's news is the
            // editors'): her desk shows without them.
            let activity = match store.activity(publication, &who, chrono::Utc::now()) {
                Err(Error::NotAllowed { .. }) => masthead_core::model::Activity::default(),
                other => other?,
            };
            if *mark_seen && let Some(newest) = activity.sets.first() {
                store.mark_seen(&who, publication, newest.at)?;
            }
            if *json {
                let mut value =
                    serde_json::to_value(&desk).map_err(|e| Failure::Other(e.into()))?;
                value["activity"] =
                    serde_json::to_value(&activity).map_err(|e| Failure::Other(e.into()))?;
                return out.json(&value);
            }
            output::print_dashboard(&out, &desk);
            output::print_activity(&out, &activity);
            Ok(())
        }
        Command::Calendar {
            from,
            to,
            publication,
            today,
            json,
        } => {
            use chrono::Datelike;
            let store = open(&path, false)?;
            let publication = store.find_publication(publication.as_deref())?;
            let today = today.unwrap_or_else(local_today);
            let from = from.unwrap_or_else(|| today.with_day(1).unwrap_or(today));
            let to = to.unwrap_or_else(|| {
                let next = from.with_day(1).unwrap_or(from) + chrono::Months::new(1);
                next.pred_opt().unwrap_or(next)
            });
            let cal = store.calendar(publication, from, to, today)?;
            if *json {
                return out.json(&cal);
            }
            output::print_calendar(&out, &cal);
            Ok(())
        }
        Command::Search {
            query,
            publication,
            json,
        } => {
            let store = open(&path, false)?;
            let publication = store.find_publication(publication.as_deref())?;
            let found = store.search(publication, &query.join(" "))?;
            if *json {
                return out.json(&found);
            }
            output::print_search(&out, &found);
            Ok(())
        }
        // Answered before the database is named, above.
        Command::Completions { .. } | Command::Manual { .. } => Ok(()),
    }
}

/// `command` without its hidden verbs and flags, which clap_complete
/// would otherwise offer (it completes what the command holds): the same
/// names, help and values, rebuilt from what is shown.
fn shown(command: clap::Command) -> clap::Command {
    let mut bare = clap::Command::new(command.get_name().to_owned())
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .disable_help_flag(true);
    if let Some(about) = command.get_about() {
        bare = bare.about(about.clone());
    }
    for arg in command.get_arguments().filter(|a| !a.is_hide_set()) {
        bare = bare.arg(arg.clone());
    }
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        bare = bare.subcommand(shown(sub.clone()));
    }
    bare
}

/// Today where the user is: deadlines fall on local calendar days.
pub(crate) fn local_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// `--out` names a new file in a folder that exists (else a usage error).
pub(crate) fn refuse_taken_out(to: &std::path::Path) -> Outcome {
    refuse_missing_folder(to)?;
    if to.exists() {
        return Err(Failure::Usage(format!(
            "{} already exists; choose another --out (nothing was overwritten)",
            to.display()
        )));
    }
    Ok(())
}

/// `--out` names a file in a folder that must exist (a usage error, exit 2).
pub(crate) fn refuse_missing_folder(to: &std::path::Path) -> Outcome {
    match to.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) if !dir.is_dir() => Err(Failure::Usage(format!(
            "the folder {} does not exist; create it or choose another --out",
            dir.display()
        ))),
        _ => Ok(()),
    }
}

/// Writes `bytes` to a new file at `to`, never over an existing one, and
/// never leaving half a file: it is written beside `to` under a temporary
/// name, then linked into place (which fails if `to` appeared meanwhile).
pub(crate) fn write_new(to: &std::path::Path, bytes: &[u8]) -> Outcome {
    refuse_missing_folder(to)?;
    let exists = || {
        Failure::Usage(format!(
            "{} already exists; choose another --out (nothing was overwritten)",
            to.display()
        ))
    };
    if to.exists() {
        return Err(exists());
    }
    let failed = |e: std::io::Error| {
        Failure::Other(anyhow::anyhow!("could not write {}: {e}", to.display()))
    };
    let file_name = to
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let part = to.with_file_name(format!(".{file_name}.{}.part", std::process::id()));
    let written = std::fs::write(&part, bytes).and_then(|()| std::fs::hard_link(&part, to));
    let _ = std::fs::remove_file(&part);
    written.map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => exists(),
        _ => failed(e),
    })
}
