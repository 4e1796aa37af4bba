//! `masthead`: the command-line face of Masthead. Every verb parses its flags,
//! calls one use case of `masthead-core` and prints the result; the rules live
//! in the core so the CLI and the app behave the same.

mod args;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Parser;
use masthead_core::model::{
    AdvertInput, AdvertSize, AdvertState, ArticleInput, AssignmentInput, BoardFilter,
    ContributorInput, ContributorKind, DiffTag, DraftFormat, EditionId, EditionInput, InviteInput,
    KeyDate, Placement, PublicationId, PublicationInput, Slot, StatusDeadline, StatusInput,
    TeamRole, Workflow,
};
use masthead_core::{Actor, AssignmentQuery, Error, ServerLocation, Store, config};

use args::{
    AdvertCmd, AdvertFields, ArticleCmd, ArticleFields, AssignmentCmd, AssignmentKey, Cli, Command,
    ContributorCmd, ContributorFields, DraftCmd, DraftPiece, EditionCmd, EditionFields, ExportCmd,
    FlatplanCmd, ImportCmd, KindCmd, PublicationCmd, SectionCmd, SlotOwner, TeamCmd, WhereArgs,
    WorkflowCmd, WorkflowCommon,
};
use output::Out;

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

enum Failure {
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

type Outcome = Result<(), Failure>;

fn database_path(cli: &Cli) -> PathBuf {
    cli.db.clone().unwrap_or_else(config::default_database)
}

/// Opens the database; only `init` and `demo` may create it.
fn open(path: &PathBuf, create: bool) -> Result<Store, Failure> {
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
fn open_as_is(path: &PathBuf) -> Result<Store, Failure> {
    if server_url(path).is_some() {
        return open(path, false);
    }
    if !path.exists() {
        return open(path, false);
    }
    Ok(Store::open_unchanged(path)?)
}

/// `--db` as a team server's URL, when it is one.
fn server_url(path: &std::path::Path) -> Option<&str> {
    path.to_str().filter(|p| ServerLocation::is_server(p))
}

fn actor(cli: &Cli) -> Result<Actor, Failure> {
    match &cli.user {
        Some(name) => Ok(Actor::new(name)?),
        None => Ok(config::Settings::load(&config::settings_path()).actor()),
    }
}

fn run(cli: Cli) -> Outcome {
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
            let mut store = open_as_is(&path)?;
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
                "Loaded the demo: {} \"{}\" with {} pieces, and a second edition in planning.",
                edition.publication, edition.name, edition.article_count
            ));
            Ok(())
        }
        Command::Publication { cmd } => publication(&cli, cmd, &path, &who, &out),
        Command::Edition { cmd } => edition(cmd, &path, &who, &out),
        Command::Article { cmd } => article(cmd, &path, &who, &out),
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
    }
}

/// Today where the user is: deadlines fall on local calendar days.
fn local_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn publication(
    _cli: &Cli,
    cmd: &PublicationCmd,
    path: &PathBuf,
    who: &Actor,
    out: &Out,
) -> Outcome {
    match cmd {
        PublicationCmd::List { json } => {
            let store = open(path, false)?;
            let list = store.list_publications()?;
            if *json {
                return out.json(&list);
            }
            out.table(
                &["ID", "NAME", "FREQUENCY", "EDITIONS"],
                list.iter().map(|p| {
                    vec![
                        p.id.to_string(),
                        p.name.clone(),
                        p.frequency.clone(),
                        p.edition_count.to_string(),
                    ]
                }),
                "No publications yet. Add one with `masthead publication add --name NAME`, or load the demo with `masthead demo`.",
            );
            Ok(())
        }
        PublicationCmd::Add {
            name,
            frequency,
            web_only,
        } => {
            let mut store = open(path, true)?;
            let p = store.create_publication(
                who,
                &PublicationInput {
                    name: name.clone(),
                    frequency: frequency.clone().unwrap_or_default(),
                    is_print: !web_only,
                },
            )?;
            out.line(&format!("Added publication \"{}\" ({}).", p.name, p.id));
            Ok(())
        }
    }
}

fn edition_input(base: EditionInput, f: &EditionFields) -> EditionInput {
    let pick = |new: &Option<args::DateArg>, old| new.as_ref().map_or(old, |d| d.0);
    EditionInput {
        name: f.name.clone().unwrap_or(base.name),
        theme: f.theme.clone().unwrap_or(base.theme),
        focus_topics: if f.focus.is_empty() {
            base.focus_topics
        } else {
            f.focus.clone()
        },
        cover_date: pick(&f.cover_date, base.cover_date),
        page_count: f.pages.unwrap_or(base.page_count),
        commissioning_closes: pick(&f.commissioning_closes, base.commissioning_closes),
        copy_deadline: pick(&f.copy_deadline, base.copy_deadline),
        subbing_deadline: pick(&f.subbing_deadline, base.subbing_deadline),
        press_date: pick(&f.press_date, base.press_date),
        on_sale_date: pick(&f.on_sale, base.on_sale_date),
        notes: f.notes.clone().unwrap_or(base.notes),
    }
}

fn edition(cmd: &EditionCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        EditionCmd::List { publication, json } => {
            let store = open(path, false)?;
            let publication = publication
                .as_deref()
                .map(|p| store.find_publication(Some(p)))
                .transpose()?;
            let list = store.list_editions(publication)?;
            if *json {
                return out.json(&list);
            }
            out.table(
                &[
                    "ID",
                    "PUBLICATION",
                    "EDITION",
                    "PAGES",
                    "PIECES",
                    "PRESS",
                    "ON SALE",
                ],
                list.iter().map(|e| {
                    vec![
                        e.id.to_string(),
                        e.publication.clone(),
                        e.name.clone(),
                        e.page_count.to_string(),
                        e.article_count.to_string(),
                        output::date(e.press_date),
                        output::date(e.on_sale_date),
                    ]
                }),
                "No editions yet. Add one with `masthead edition add --name NAME`.",
            );
            Ok(())
        }
        EditionCmd::Add {
            publication,
            from,
            fields,
        } => {
            let mut store = open(path, false)?;
            let publication = store.find_publication(publication.as_deref())?;
            let Some(_) = &fields.name else {
                return Err(Failure::Usage(
                    "an edition needs a name: add --name \"Feb/Mar 21\"".into(),
                ));
            };
            let previous = from
                .as_deref()
                .map(|f| store.find_edition(Some(publication), f))
                .transpose()?;
            let base = EditionInput {
                page_count: match previous {
                    Some(p) => store.edition(p)?.page_count,
                    None => 64,
                },
                ..EditionInput::default()
            };
            let input = edition_input(base, fields);
            let saved = match previous {
                Some(p) => store.create_edition_from(who, p, &input)?,
                None => store.create_edition(who, publication, &input)?,
            };
            out.warnings(&saved.warnings);
            out.line(&format!(
                "Added edition \"{}\" to {} ({}).",
                saved.item.name, saved.item.publication, saved.item.id
            ));
            Ok(())
        }
        EditionCmd::Show {
            edition,
            publication,
            json,
        } => {
            let store = open(path, false)?;
            let id = find_edition(&store, publication.as_deref(), edition)?;
            let e = store.edition(id)?;
            let articles = store.list_articles(id, local_today())?;
            if *json {
                return out.json(&output::EditionShow {
                    edition: &e,
                    articles: &articles,
                });
            }
            output::print_edition(out, &e, &articles);
            Ok(())
        }
        EditionCmd::Update {
            edition,
            publication,
            expect_version,
            fields,
        } => {
            let mut store = open(path, false)?;
            let id = find_edition(&store, publication.as_deref(), edition)?;
            let current = store.edition(id)?;
            let input = edition_input(EditionInput::from(&current), fields);
            // The flags left out keep the values read here, so the save is
            // based on this version: a change in between is a conflict.
            let seen = expect_version.unwrap_or(current.version);
            let saved = store.update_edition(who, id, Some(seen), &input)?;
            out.warnings(&saved.warnings);
            out.line(&format!("Updated edition \"{}\".", saved.item.name));
            Ok(())
        }
    }
}

fn find_edition(
    store: &Store,
    publication: Option<&str>,
    key: &str,
) -> Result<masthead_core::model::EditionId, Failure> {
    let publication = publication
        .map(|p| store.find_publication(Some(p)))
        .transpose()?;
    Ok(store.find_edition(publication, key)?)
}

fn find_article(
    store: &Store,
    edition: Option<&str>,
    key: &str,
) -> Result<masthead_core::model::ArticleId, Failure> {
    let edition = edition.map(|e| store.find_edition(None, e)).transpose()?;
    Ok(store.find_article(edition, key)?)
}

fn article_input(
    store: &Store,
    publication: PublicationId,
    base: ArticleInput,
    f: &ArticleFields,
) -> Result<ArticleInput, Failure> {
    let section_id = match f.section.as_deref() {
        None => base.section_id,
        Some("") | Some("none") => None,
        Some(name) => Some(store.find_section(publication, name)?),
    };
    let kind_id = match f.kind.as_deref() {
        None => base.kind_id,
        Some(text) => store.find_kind(publication, text).map_err(|e| match e {
            Error::NotFound { .. } => {
                let known = store
                    .list_kinds(publication, false)
                    .map(|kinds| {
                        kinds
                            .iter()
                            .map(|k| k.label.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default();
                Failure::Usage(format!(
                    "\"{text}\" is not a kind of piece here; use one of: {known} (or add it with `masthead kind add --name \"{text}\"`)"
                ))
            }
            other => Failure::Core(other),
        })?,
    };
    Ok(ArticleInput {
        title: f.title.clone().unwrap_or(base.title),
        standfirst: f.standfirst.clone().unwrap_or(base.standfirst),
        section_id,
        kind_id,
        word_target: match &f.words {
            None => base.word_target,
            Some(w) => w.0,
        },
        notes: f.notes.clone().unwrap_or(base.notes),
    })
}

fn article(cmd: &ArticleCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        ArticleCmd::List { edition, json } => {
            let store = open(path, false)?;
            let id = store.find_edition(None, edition)?;
            let list = store.list_articles(id, local_today())?;
            if *json {
                return out.json(&list);
            }
            output::print_articles(out, &list);
            Ok(())
        }
        ArticleCmd::Add { edition, fields } => {
            let mut store = open(path, false)?;
            let edition = store.find_edition(None, edition)?;
            let publication = store.edition(edition)?.publication_id;
            if fields.title.is_none() {
                return Err(Failure::Usage(
                    "a piece needs a title: add --title \"…\"".into(),
                ));
            }
            let kinds = store.list_kinds(publication, false)?;
            let Some(default_kind) = kinds.iter().find(|k| k.key == "feature").or(kinds.first())
            else {
                return Err(Failure::Usage(
                    "this publication has no kinds of piece: add one with `masthead kind add --name NAME`".into(),
                ));
            };
            let base = ArticleInput {
                title: String::new(),
                standfirst: String::new(),
                section_id: None,
                kind_id: default_kind.id,
                word_target: None,
                notes: String::new(),
            };
            let input = article_input(&store, publication, base, fields)?;
            let a = store.add_article(who, edition, &input)?;
            out.line(&format!(
                "Added \"{}\" as {} ({}).",
                a.title, a.status_label, a.id
            ));
            Ok(())
        }
        ArticleCmd::Show {
            article,
            edition,
            json,
        } => {
            let store = open(path, false)?;
            let id = find_article(&store, edition.as_deref(), article)?;
            let detail = store.article_detail(id, local_today())?;
            if *json {
                return out.json(&output::ArticleShow::from(&detail));
            }
            output::print_article(out, &detail);
            Ok(())
        }
        ArticleCmd::Update {
            article,
            edition,
            expect_version,
            fields,
        } => {
            let mut store = open(path, false)?;
            let id = find_article(&store, edition.as_deref(), article)?;
            let current = store.article(id)?;
            let publication = store.edition(current.edition_id)?.publication_id;
            let input = article_input(&store, publication, ArticleInput::from(&current), fields)?;
            // Based on the version read here: a change in between is a conflict.
            let seen = expect_version.unwrap_or(current.version);
            let a = store.update_article(who, id, Some(seen), &input)?;
            out.line(&format!("Updated \"{}\".", a.title));
            Ok(())
        }
        ArticleCmd::Status {
            article,
            status,
            edition,
            expect_version,
        } => {
            let mut store = open(path, false)?;
            let id = find_article(&store, edition.as_deref(), article)?;
            let to = store.find_status_for(id, status)?;
            // Without --expect-version the move is checked against where the
            // piece is when the move is made (inside its transaction).
            let a = store.change_status(who, id, *expect_version, to.id)?;
            out.line(&format!("\"{}\" is now {}.", a.title, a.status_label));
            Ok(())
        }
        ArticleCmd::Assign {
            article,
            edition,
            contributor,
            role,
            due,
            words,
            fee,
            currency,
            brief,
            brief_file,
        } => {
            let mut store = open(path, false)?;
            let id = find_article(&store, edition.as_deref(), article)?;
            let contributor = store.find_contributor(contributor)?;
            let brief = match (brief, brief_file) {
                (Some(text), _) => text.clone(),
                (None, Some(file)) => std::fs::read_to_string(file).map_err(|e| {
                    Failure::Usage(format!(
                        "cannot read the brief from {}: {e}; give a readable UTF-8 text file",
                        file.display()
                    ))
                })?,
                (None, None) => String::new(),
            };
            let saved = store.commission(
                who,
                id,
                &AssignmentInput {
                    contributor_id: contributor,
                    role: role.clone(),
                    brief,
                    word_target: words.as_ref().and_then(|w| w.0),
                    due_date: due.as_ref().and_then(|d| d.0),
                    fee: fee.clone(),
                    currency: currency.clone(),
                },
            )?;
            out.warnings(&saved.warnings);
            let a = saved.item;
            out.line(&format!(
                "Offered \"{}\" to {} as {} ({}).",
                a.article_title, a.contributor, a.role, a.id
            ));
            Ok(())
        }
        ArticleCmd::History {
            article,
            edition,
            json,
        } => {
            let store = open(path, false)?;
            let id = find_article(&store, edition.as_deref(), article)?;
            let history = store.article_detail(id, local_today())?.history;
            if *json {
                return out.json(&history);
            }
            output::print_history(out, &history);
            Ok(())
        }
    }
}

fn contributor_input(base: ContributorInput, f: &ContributorFields) -> ContributorInput {
    ContributorInput {
        name: base.name,
        role: f.role.clone().unwrap_or(base.role),
        organisation: f.org.clone().unwrap_or(base.organisation),
        email: match f.email.as_deref() {
            None => base.email,
            Some("") | Some("none") => None,
            Some(e) => Some(e.to_owned()),
        },
        phone: f.phone.clone().unwrap_or(base.phone),
        kind: if f.staff {
            ContributorKind::Staff
        } else {
            base.kind
        },
        notes: f.notes.clone().unwrap_or(base.notes),
    }
}

fn contributor(cmd: &ContributorCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        ContributorCmd::List { search, json } => {
            let store = open(path, false)?;
            let list = store.list_contributors(search.as_deref())?;
            if *json {
                return out.json(&list);
            }
            out.table(
                &[
                    "ID",
                    "NAME",
                    "ROLE",
                    "ORGANISATION",
                    "EMAIL",
                    "KIND",
                    "ACTIVE",
                ],
                list.iter().map(|c| {
                    vec![
                        c.id.to_string(),
                        c.name.clone(),
                        c.role.clone(),
                        c.organisation.clone(),
                        c.email.clone().unwrap_or_default(),
                        c.kind.as_str().to_owned(),
                        c.active_assignments.to_string(),
                    ]
                }),
                if search.is_some() {
                    "No contributor matches that search."
                } else {
                    "No contributors yet. Add one with `masthead contributor add --name NAME`."
                },
            );
            Ok(())
        }
        ContributorCmd::Add { name, fields } => {
            let mut store = open(path, false)?;
            let base = ContributorInput {
                name: name.clone(),
                role: String::new(),
                organisation: String::new(),
                email: None,
                phone: String::new(),
                kind: ContributorKind::Freelance,
                notes: String::new(),
            };
            let c = store.add_contributor(who, &contributor_input(base, fields))?;
            out.line(&format!("Added contributor {} ({}).", c.name, c.id));
            Ok(())
        }
        ContributorCmd::Show { contributor, json } => {
            let store = open(path, false)?;
            let id = store.find_contributor(contributor)?;
            let detail = store.contributor_detail(id)?;
            if *json {
                return out.json(&detail);
            }
            output::print_contributor(out, &detail);
            Ok(())
        }
        ContributorCmd::Update {
            contributor,
            name,
            fields,
            freelance,
            expect_version,
        } => {
            let mut store = open(path, false)?;
            let id = store.find_contributor(contributor)?;
            let current = store.contributor(id)?;
            let mut input = contributor_input(ContributorInput::from(&current), fields);
            if let Some(name) = name {
                input.name = name.clone();
            }
            if *freelance {
                input.kind = ContributorKind::Freelance;
            }
            let seen = expect_version.unwrap_or(current.version);
            let c = store.update_contributor(who, id, Some(seen), &input)?;
            out.line(&format!("Updated contributor {}.", c.name));
            Ok(())
        }
    }
}

fn find_assignment(
    store: &Store,
    key: &AssignmentKey,
) -> Result<masthead_core::model::AssignmentId, Failure> {
    if let Some(id) = &key.id {
        return masthead_core::model::AssignmentId::parse(id)
            .ok_or_else(|| {
                Failure::Usage(format!(
                    "\"{id}\" is not an assignment id; give the id from `assignment list`, or --article and --contributor"
                ))
            })
            .and_then(|id| Ok(store.assignment(id)?.id));
    }
    let (Some(article), Some(contributor)) = (&key.article, &key.contributor) else {
        return Err(Failure::Usage(
            "say which assignment: its id, or --article and --contributor".into(),
        ));
    };
    let article = find_article(store, key.edition.as_deref(), article)?;
    let contributor = store.find_contributor(contributor)?;
    Ok(store.find_assignment(article, contributor)?)
}

fn assignment(cmd: &AssignmentCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        AssignmentCmd::List {
            contributor,
            edition,
            json,
        } => {
            let store = open(path, false)?;
            let query = AssignmentQuery {
                article: None,
                contributor: contributor
                    .as_deref()
                    .map(|c| store.find_contributor(c))
                    .transpose()?,
                edition: edition
                    .as_deref()
                    .map(|e| store.find_edition(None, e))
                    .transpose()?,
            };
            let list = store.list_assignments(query)?;
            if *json {
                return out.json(&list);
            }
            output::print_assignments(out, &list);
            Ok(())
        }
        AssignmentCmd::Accept { key } | AssignmentCmd::Decline { key } => {
            let mut store = open(path, false)?;
            let id = find_assignment(&store, key)?;
            let accepted = matches!(cmd, AssignmentCmd::Accept { .. });
            let a = store.answer_assignment(who, id, key.expect_version, accepted)?;
            out.line(&format!(
                "{} {} \"{}\".",
                a.contributor,
                if accepted { "accepted" } else { "declined" },
                a.article_title
            ));
            Ok(())
        }
        AssignmentCmd::Withdraw { key } => {
            let mut store = open(path, false)?;
            let id = find_assignment(&store, key)?;
            let a = store.withdraw_assignment(who, id, key.expect_version)?;
            out.line(&format!(
                "Withdrew \"{}\" from {}.",
                a.article_title, a.contributor
            ));
            Ok(())
        }
        AssignmentCmd::Reassign { key, to } => {
            let mut store = open(path, false)?;
            let id = find_assignment(&store, key)?;
            let to = store.find_contributor(to)?;
            let saved = store.reassign(who, id, key.expect_version, to)?;
            out.warnings(&saved.warnings);
            out.line(&format!(
                "Offered \"{}\" to {} instead.",
                saved.item.article_title, saved.item.contributor
            ));
            Ok(())
        }
    }
}

fn workflow(cmd: &WorkflowCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    if let WorkflowCmd::List { publication, json } = cmd {
        let store = open(path, false)?;
        let publication = store.find_publication(publication.as_deref())?;
        let wf = store.workflow(publication)?;
        if *json {
            return out.json(&wf);
        }
        output::print_workflow(out, &wf);
        return Ok(());
    }
    let common: &WorkflowCommon = match cmd {
        WorkflowCmd::List { .. } => unreachable!("handled above"),
        WorkflowCmd::Add { common, .. }
        | WorkflowCmd::Rename { common, .. }
        | WorkflowCmd::Recolour { common, .. }
        | WorkflowCmd::Reorder { common, .. }
        | WorkflowCmd::Retire { common, .. }
        | WorkflowCmd::Restore { common, .. }
        | WorkflowCmd::Delete { common, .. }
        | WorkflowCmd::Allow { common, .. }
        | WorkflowCmd::Disallow { common, .. }
        | WorkflowCmd::Deadline { common, .. } => common,
    };
    let mut store = open(path, false)?;
    let publication = store.find_publication(common.publication.as_deref())?;
    let current = store.workflow(publication)?;
    // Based on the version read here: a change in between is a conflict.
    let seen = Some(common.expect_version.unwrap_or(current.version));
    let status = |key: &str| store.find_status(publication, key);
    let input_of = |id| -> Result<StatusInput, Failure> {
        let s = current
            .statuses
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Failure::Usage("that status is gone; list the workflow again".into()))?;
        Ok(StatusInput::from(s))
    };
    let (wf, done): (Workflow, String) = match cmd {
        WorkflowCmd::List { .. } => unreachable!("handled above"),
        WorkflowCmd::Add {
            name,
            after,
            colour,
            ..
        } => {
            let after = status(after)?;
            let input = StatusInput {
                label: name.clone(),
                colour: colour.clone(),
                is_final: false,
                is_spiked: false,
                receives_drafts: false,
                deadline: None,
            };
            let wf = store.add_status(who, publication, seen, after, &input)?;
            (wf, format!("Added the status \"{}\".", name.trim()))
        }
        WorkflowCmd::Rename {
            status: s, name, ..
        } => {
            let id = status(s)?;
            let input = StatusInput {
                label: name.clone(),
                ..input_of(id)?
            };
            let wf = store.update_status(who, id, seen, &input)?;
            (wf, format!("Renamed the status to \"{}\".", name.trim()))
        }
        WorkflowCmd::Recolour {
            status: s, colour, ..
        } => {
            let id = status(s)?;
            let input = StatusInput {
                colour: colour.clone(),
                ..input_of(id)?
            };
            let wf = store.update_status(who, id, seen, &input)?;
            (wf, format!("\"{s}\" is now {colour}."))
        }
        WorkflowCmd::Reorder {
            status: s,
            position,
            ..
        } => {
            let id = status(s)?;
            if *position == 0 {
                return Err(Failure::Usage(
                    "positions start at 1 (the first status)".into(),
                ));
            }
            let wf = store.reorder_status(who, id, seen, position - 1)?;
            let count = wf.statuses.len();
            let (at, label) = wf
                .statuses
                .iter()
                .enumerate()
                .find(|(_, st)| st.id == id)
                .map(|(i, st)| (i + 1, st.label.clone()))
                .unwrap_or((0, s.clone()));
            let done = if at as u32 == *position {
                format!("Moved \"{label}\" to place {at} of {count}.")
            } else {
                format!(
                    "Moved \"{label}\" to place {at} of {count}, the last (there is no place {position})."
                )
            };
            (wf, done)
        }
        WorkflowCmd::Retire { status: s, .. } | WorkflowCmd::Restore { status: s, .. } => {
            let retire = matches!(cmd, WorkflowCmd::Retire { .. });
            let id = status(s)?;
            let wf = store.set_status_retired(who, id, seen, retire)?;
            (
                wf,
                if retire {
                    format!("Retired \"{s}\": pieces in it stay until they move on.")
                } else {
                    format!("\"{s}\" is back in the workflow.")
                },
            )
        }
        WorkflowCmd::Delete { status: s, .. } => {
            let id = status(s)?;
            let wf = store.delete_status(who, id, seen)?;
            (wf, format!("Deleted the status \"{s}\"."))
        }
        WorkflowCmd::Allow { from, to, .. } | WorkflowCmd::Disallow { from, to, .. } => {
            let allow = matches!(cmd, WorkflowCmd::Allow { .. });
            let (f, t) = (status(from)?, status(to)?);
            let wf = store.set_move(who, f, t, seen, allow)?;
            (
                wf,
                format!(
                    "Pieces {} move from \"{from}\" to \"{to}\".",
                    if allow { "can" } else { "can no longer" }
                ),
            )
        }
        WorkflowCmd::Deadline {
            status: s,
            days,
            before,
            none,
            ..
        } => {
            let id = status(s)?;
            let deadline = if *none {
                None
            } else {
                let before = before.as_deref().unwrap_or_default();
                let key_date = KeyDate::parse(before).ok_or_else(|| {
                    Failure::Usage(format!(
                        "\"{before}\" is not a key date; use commissioning-closes, copy-deadline, subbing-deadline, press-date or on-sale-date"
                    ))
                })?;
                Some(StatusDeadline {
                    key_date,
                    days_before: days.unwrap_or(0),
                })
            };
            let input = StatusInput {
                deadline,
                ..input_of(id)?
            };
            let wf = store.update_status(who, id, seen, &input)?;
            (
                wf,
                match deadline {
                    Some(d) => format!("Pieces must reach \"{s}\" {d}."),
                    None => format!("\"{s}\" has no deadline now."),
                },
            )
        }
    };
    out.line(&format!("{done} (Workflow version {}.)", wf.version));
    Ok(())
}

fn section(cmd: &SectionCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        SectionCmd::List { publication, json } => {
            let store = open(path, false)?;
            let publication = store.find_publication(publication.as_deref())?;
            let list = store.list_sections(publication)?;
            if *json {
                return out.json(&list);
            }
            out.table(
                &["ID", "SECTION"],
                list.iter().map(|s| vec![s.id.to_string(), s.name.clone()]),
                "No sections yet. Add one with `masthead section add --name NAME`.",
            );
            Ok(())
        }
        SectionCmd::Add { publication, name } => {
            let mut store = open(path, false)?;
            let publication = store.find_publication(publication.as_deref())?;
            let s = store.add_section(who, publication, name)?;
            out.line(&format!("Added section \"{}\" ({}).", s.name, s.id));
            Ok(())
        }
        SectionCmd::Rename {
            section,
            publication,
            name,
            expect_version,
        } => {
            let mut store = open(path, false)?;
            let publication = store.find_publication(publication.as_deref())?;
            let id = store.find_section(publication, section)?;
            let s = store.rename_section(who, id, *expect_version, name)?;
            out.line(&format!("Renamed the section to \"{}\".", s.name));
            Ok(())
        }
    }
}

fn kind(cmd: &KindCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        KindCmd::List {
            publication,
            all,
            json,
        } => {
            let store = open(path, false)?;
            let publication = store.find_publication(publication.as_deref())?;
            let list = store.list_kinds(publication, *all)?;
            if *json {
                return out.json(&list);
            }
            out.table(
                &["ID", "KIND", "KEY", "WORDS/PAGE", "STATE"],
                list.iter().map(|k| {
                    vec![
                        k.id.to_string(),
                        k.label.clone(),
                        k.key.clone(),
                        k.words_per_page.map(|w| w.to_string()).unwrap_or_default(),
                        if k.retired { "retired" } else { "in use" }.to_owned(),
                    ]
                }),
                "No kinds of piece yet. Add one with `masthead kind add --name NAME`.",
            );
            Ok(())
        }
        KindCmd::Add { publication, name } => {
            let mut store = open(path, false)?;
            let publication = store.find_publication(publication.as_deref())?;
            let k = store.add_kind(who, publication, name)?;
            out.line(&format!("Added the kind \"{}\" ({}).", k.label, k.key));
            Ok(())
        }
        KindCmd::Rename {
            kind,
            publication,
            name,
            expect_version,
        } => {
            let mut store = open(path, false)?;
            let publication = store.find_publication(publication.as_deref())?;
            let id = store.find_kind(publication, kind)?;
            let k = store.rename_kind(who, id, *expect_version, name)?;
            out.line(&format!("Renamed the kind to \"{}\".", k.label));
            Ok(())
        }
        KindCmd::Words {
            kind,
            words,
            publication,
        } => {
            let mut store = open(path, false)?;
            let publication = store.find_publication(publication.as_deref())?;
            let id = store.find_kind(publication, kind)?;
            let k = store.set_kind_words(who, id, None, words.0)?;
            out.line(&match k.words_per_page {
                Some(w) => format!("A page of {} holds {w} words.", k.label),
                None => format!("{} has no words-per-page now.", k.label),
            });
            Ok(())
        }
        KindCmd::Retire { kind, publication } | KindCmd::Restore { kind, publication } => {
            let retire = matches!(cmd, KindCmd::Retire { .. });
            let mut store = open(path, false)?;
            let publication = store.find_publication(publication.as_deref())?;
            let id = store.find_kind(publication, kind)?;
            let k = store.set_kind_retired(who, id, None, retire)?;
            out.line(&format!(
                "\"{}\" is {}.",
                k.label,
                if k.retired {
                    "retired: pieces keep it, new pieces cannot have it"
                } else {
                    "back in use"
                }
            ));
            Ok(())
        }
    }
}

fn placement(w: &WhereArgs) -> Result<Placement, Failure> {
    let units = w.part.map_or(12, |p| p.0);
    let offset = match w.at.as_deref().map(str::trim) {
        None => None,
        Some("top") | Some("first") => Some(0),
        Some("bottom") if units == 6 => Some(6),
        Some("second") => Some(units),
        Some("third") if units <= 4 => Some(units * 2),
        Some("fourth") if units == 3 => Some(9),
        Some(other) => {
            return Err(Failure::Usage(format!(
                "\"{other}\" is not a part of the page here; use top or bottom for a half, first to fourth for thirds and quarters"
            )));
        }
    };
    Ok(Placement {
        first_page: w.pages.0,
        last_page: w.pages.1,
        part_units: units,
        part_offset: offset,
    })
}

fn slot_of(store: &Store, owner: &SlotOwner) -> Result<(EditionId, Slot), Failure> {
    let edition = store.find_edition(None, &owner.edition)?;
    let (key, what) = match (&owner.article, &owner.advert) {
        (Some(a), _) => (store.find_article(Some(edition), a)?.to_string(), a.clone()),
        (None, Some(ad)) => (store.find_advert(edition, ad)?.to_string(), ad.clone()),
        (None, None) => return Err(Failure::Usage("say what: --article or --advert".into())),
    };
    match store.slot_of(edition, &key)? {
        Some(slot) => Ok((edition, slot)),
        None => Err(Failure::Usage(format!(
            "\"{what}\" is not on the flatplan; place it with `masthead flatplan place`"
        ))),
    }
}

fn flatplan(cmd: &FlatplanCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        FlatplanCmd::Show { edition, json } => {
            let store = open(path, false)?;
            let id = store.find_edition(None, edition)?;
            let plan = store.flatplan(id)?;
            if *json {
                return out.json(&output::FlatplanShow::from(&plan));
            }
            output::print_flatplan(out, &plan);
            Ok(())
        }
        FlatplanCmd::Place { owner, place } => {
            let mut store = open(path, false)?;
            let edition = store.find_edition(None, &owner.edition)?;
            let p = placement(place)?;
            let plan = match (&owner.article, &owner.advert) {
                (Some(a), _) => {
                    let id = store.find_article(Some(edition), a)?;
                    store.place_article(who, id, &p)?
                }
                (None, Some(ad)) => {
                    let id = store.find_advert(edition, ad)?;
                    store.place_advert(who, id, &p)?
                }
                (None, None) => {
                    return Err(Failure::Usage("say what: --article or --advert".into()));
                }
            };
            out.line(&format!(
                "Placed. {} of {} pages free.",
                output::pages(plan.budget.free),
                plan.page_count
            ));
            Ok(())
        }
        FlatplanCmd::Move {
            owner,
            place,
            expect_version,
        } => {
            let mut store = open(path, false)?;
            let (_, slot) = slot_of(&store, owner)?;
            let p = placement(place)?;
            let seen = expect_version.unwrap_or(slot.version);
            store.move_slot(who, slot.id, Some(seen), &p)?;
            out.line(&format!("Moved \"{}\".", slot.label));
            Ok(())
        }
        FlatplanCmd::Remove { owner } => {
            let mut store = open(path, false)?;
            let (_, slot) = slot_of(&store, owner)?;
            store.remove_slot(who, slot.id, Some(slot.version))?;
            out.line(&format!("Took \"{}\" off the flatplan.", slot.label));
            Ok(())
        }
    }
}

fn advert_input(base: AdvertInput, f: &AdvertFields) -> Result<AdvertInput, Failure> {
    Ok(AdvertInput {
        advertiser: base.advertiser,
        size: match &f.size {
            None => base.size,
            Some(t) => AdvertSize::parse(t).ok_or_else(|| {
                Failure::Usage(format!(
                    "\"{t}\" is not an advert size; use full, half, third, quarter or spread"
                ))
            })?,
        },
        state: match &f.state {
            None => base.state,
            Some(t) => AdvertState::parse(t).ok_or_else(|| {
                Failure::Usage(format!(
                    "\"{t}\" is not a booking state; use pencilled, booked or artwork"
                ))
            })?,
        },
        position: f.position.clone().unwrap_or(base.position),
        notes: f.notes.clone().unwrap_or(base.notes),
    })
}

fn advert(cmd: &AdvertCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        AdvertCmd::List { edition, json } => {
            let store = open(path, false)?;
            let id = store.find_edition(None, edition)?;
            let list = store.list_adverts(id)?;
            if *json {
                return out.json(&list);
            }
            out.table(
                &["ID", "ADVERTISER", "SIZE", "STATE", "POSITION", "PLACED"],
                list.iter().map(|a| {
                    vec![
                        a.id.to_string(),
                        a.advertiser.clone(),
                        a.size.key().to_owned(),
                        a.state.key().to_owned(),
                        a.position.clone(),
                        if a.placed { "yes" } else { "no" }.to_owned(),
                    ]
                }),
                "No adverts booked. Add one with `masthead advert add --edition E --advertiser NAME --size full`.",
            );
            Ok(())
        }
        AdvertCmd::Add {
            edition,
            advertiser,
            fields,
        } => {
            let mut store = open(path, false)?;
            let id = store.find_edition(None, edition)?;
            let base = AdvertInput {
                advertiser: advertiser.clone(),
                size: AdvertSize::Full,
                state: AdvertState::Pencilled,
                position: String::new(),
                notes: String::new(),
            };
            let a = store.add_advert(who, id, &advert_input(base, fields)?)?;
            out.line(&format!(
                "Booked {} ({}, {}) ({}).",
                a.advertiser,
                a.size.key(),
                a.state.key(),
                a.id
            ));
            Ok(())
        }
        AdvertCmd::Update {
            advert,
            edition,
            advertiser,
            fields,
            expect_version,
        } => {
            let mut store = open(path, false)?;
            let e = store.find_edition(None, edition)?;
            let id = store.find_advert(e, advert)?;
            let current = store.advert(id)?;
            let mut input = advert_input(AdvertInput::from(&current), fields)?;
            if let Some(name) = advertiser {
                input.advertiser = name.clone();
            }
            let seen = expect_version.unwrap_or(current.version);
            let a = store.update_advert(who, id, Some(seen), &input)?;
            out.line(&format!("Updated {}'s advert.", a.advertiser));
            Ok(())
        }
    }
}

fn draft_piece(store: &Store, p: &DraftPiece) -> Result<masthead_core::model::ArticleId, Failure> {
    find_article(store, p.edition.as_deref(), &p.article)
}

fn draft(cmd: &DraftCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        DraftCmd::Submit {
            piece,
            file,
            by,
            json,
        } => {
            let mut store = open(path, false)?;
            let id = draft_piece(&store, piece)?;
            let by = by
                .as_deref()
                .map(|c| store.find_contributor(c))
                .transpose()?;
            let title = store.article(id)?.title;
            let saved = store.submit_draft_file(who, id, file, by)?;
            out.warnings(&saved.warnings);
            let s = &saved.item;
            if *json {
                return out.json(&s.draft);
            }
            out.line(&format!(
                "Recorded version {} of \"{title}\": {}, {}, by {}.",
                s.draft.version,
                s.draft.file_name,
                masthead_core::describe_count(&s.count),
                s.draft.contributor.as_deref().unwrap_or("?")
            ));
            if let (Some(from), Some(to)) = (&s.moved_from, &s.moved_to) {
                out.line(&format!("Moved it from {from} to {to}."));
            }
            Ok(())
        }
        DraftCmd::List { piece, json } => {
            let store = open(path, false)?;
            let id = draft_piece(&store, piece)?;
            let list = store.drafts(id)?;
            if *json {
                return out.json(&list);
            }
            out.table(
                &[
                    "VERSION",
                    "WORDS",
                    "BY",
                    "RECORDED BY",
                    "WHEN",
                    "FILE",
                    "APPROVED",
                ],
                list.iter().map(|d| {
                    vec![
                        d.version.to_string(),
                        masthead_core::thousands(d.words),
                        d.contributor.clone().unwrap_or_default(),
                        d.recorded_by.clone(),
                        d.submitted_at.format("%Y-%m-%d %H:%M").to_string(),
                        d.file_name.clone(),
                        if d.approved { "yes" } else { "" }.to_owned(),
                    ]
                }),
                "No drafts yet. Record one with `masthead draft submit --article TITLE FILE`.",
            );
            Ok(())
        }
        DraftCmd::Text {
            piece,
            version,
            markdown,
        } => {
            let store = open(path, false)?;
            let id = draft_piece(&store, piece)?;
            let t = store.draft_text(id, *version)?;
            out.line(if *markdown {
                t.markdown.trim_end()
            } else {
                &t.text
            });
            Ok(())
        }
        DraftCmd::Diff {
            piece,
            from,
            to,
            json,
        } => {
            let store = open(path, false)?;
            let id = draft_piece(&store, piece)?;
            let diff = store.draft_diff(id, *from, *to)?;
            if *json {
                return out.json(&diff);
            }
            let mut text = String::new();
            for p in &diff.parts {
                match p.tag {
                    DiffTag::Same => text.push_str(&p.text),
                    DiffTag::Added => text.push_str(&format!("{{+{}+}}", p.text)),
                    DiffTag::Removed => text.push_str(&format!("[-{}-]", p.text)),
                }
            }
            out.line(&text);
            out.line("");
            out.line(&format!(
                "Version {} → {}: {} words added, {} removed ({} → {} words).",
                diff.from.version,
                diff.to.version,
                masthead_core::thousands(diff.words_added),
                masthead_core::thousands(diff.words_removed),
                masthead_core::thousands(diff.from.words),
                masthead_core::thousands(diff.to.words)
            ));
            Ok(())
        }
        DraftCmd::Approve {
            piece,
            version,
            none: _,
            expect_version,
        } => {
            let mut store = open(path, false)?;
            let id = draft_piece(&store, piece)?;
            let seen = match expect_version {
                Some(v) => *v,
                None => store.article(id)?.version,
            };
            let a = store.approve_draft(who, id, Some(seen), *version)?;
            match version {
                Some(n) => out.line(&format!(
                    "Approved version {n} as the copy of \"{}\".",
                    a.title
                )),
                None => out.line(&format!("\"{}\" has no approved copy now.", a.title)),
            }
            Ok(())
        }
        DraftCmd::Export {
            piece,
            version,
            format,
            out: to,
        } => {
            let store = open(path, false)?;
            let id = draft_piece(&store, piece)?;
            let format = DraftFormat::parse(format).ok_or_else(|| {
                Failure::Usage(format!(
                    "\"{format}\" is not an export format; use original, txt or md"
                ))
            })?;
            let bytes = store.export_draft(id, *version, format)?.bytes;
            write_new(to, &bytes)?;
            out.line(&format!("Wrote {} ({} bytes).", to.display(), bytes.len()));
            Ok(())
        }
    }
}

/// `--out` names a new file in a folder that exists (else a usage error).
fn refuse_taken_out(to: &std::path::Path) -> Outcome {
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
fn refuse_missing_folder(to: &std::path::Path) -> Outcome {
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
fn write_new(to: &std::path::Path, bytes: &[u8]) -> Outcome {
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

fn team_role(text: &str) -> Result<TeamRole, Failure> {
    TeamRole::parse(text).ok_or_else(|| {
        Failure::Usage(format!(
            "\"{text}\" is not a team role; use editor or contributor"
        ))
    })
}

fn team(cmd: &TeamCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        TeamCmd::Invite {
            name,
            email,
            role,
            json,
        } => {
            let role = team_role(role)?;
            let mut store = open(path, false)?;
            let invitation = store.invite(
                who,
                &InviteInput {
                    name: name.clone(),
                    email: email.clone(),
                    role,
                },
            )?;
            if *json {
                return out.json(&invitation);
            }
            out.line(&format!(
                "Invited {} as {} {}. Send them these details; the password is not shown again:",
                invitation.person.name,
                if role == TeamRole::Editor { "an" } else { "a" },
                role.key()
            ));
            out.line(&format!("  Server:   {}", invitation.url));
            out.line(&format!("  Login:    {}", invitation.login));
            out.line(&format!("  Password: {}", invitation.password));
            Ok(())
        }
        TeamCmd::List { json } => {
            let store = open(path, false)?;
            let people = store.team()?;
            if *json {
                return out.json(&people);
            }
            out.table(
                &["NAME", "EMAIL", "ROLE", "LOGIN"],
                people.iter().map(|p| {
                    vec![
                        p.name.clone(),
                        p.email.clone().unwrap_or_default(),
                        p.role.key().to_owned(),
                        p.login.clone().unwrap_or_default(),
                    ]
                }),
                "Nobody is on the team yet. Invite someone with `masthead team invite`.",
            );
            Ok(())
        }
        TeamCmd::Role {
            member,
            role,
            expect_version,
        } => {
            let role = team_role(role)?;
            let mut store = open(path, false)?;
            let person = store.find_person(member)?;
            let changed = store.set_team_role(who, person.id, *expect_version, role)?;
            out.line(&format!(
                "{} is now {} {}.",
                changed.name,
                if role == TeamRole::Editor { "an" } else { "a" },
                role.key()
            ));
            Ok(())
        }
        TeamCmd::Remove {
            member,
            expect_version,
        } => {
            let mut store = open(path, false)?;
            let person = store.find_person(member)?;
            let removed = store.remove_from_team(who, person.id, *expect_version)?;
            out.line(&format!(
                "Took {} off the team: their login no longer signs in. Their history stays.",
                removed.name
            ));
            Ok(())
        }
        TeamCmd::Me { json } => {
            let store = open(path, false)?;
            let me = store.signed_in()?;
            if *json {
                return out.json(&me);
            }
            match (me, store.server()) {
                (Some(p), Some(server)) => out.line(&format!(
                    "Signed in to {server} as {} ({}).",
                    p.name,
                    p.role.key()
                )),
                (None, Some(server)) => out.line(&format!(
                    "Signed in to {server} as {}, which is not a team member (the database's owner, say).",
                    server.user()
                )),
                (_, None) => out.line(&format!(
                    "{} is a file: no sign-in; the history records your name as set ({}).",
                    store.path().display(),
                    who.name()
                )),
            }
            Ok(())
        }
        TeamCmd::Import { source, json } => {
            let from = if ServerLocation::is_server(source) {
                Store::open_location(source)?
            } else {
                let file = PathBuf::from(source);
                if !file.is_file() {
                    return Err(Failure::Usage(format!(
                        "there is no Masthead database at {source}; name the file (or postgres:// URL) to import from"
                    )));
                }
                open(&file, false)?
            };
            let mut to = open(path, true)?;
            let summary = to.import_everything_from(&from)?;
            if *json {
                return out.json(&summary);
            }
            out.line(&format!(
                "Imported {} into {}: {} publications, {} editions, {} pieces, {} contributors, {} drafts and {} history lines.",
                summary.from,
                summary.to,
                summary.rows("publications"),
                summary.rows("editions"),
                summary.rows("articles"),
                summary.rows("contributors"),
                summary.rows("drafts"),
                summary.rows("changes"),
            ));
            Ok(())
        }
    }
}

fn export(cmd: &ExportCmd, path: &PathBuf, out: &Out) -> Outcome {
    let today_or = |t: &Option<NaiveDate>| -> Result<NaiveDate, Failure> {
        match t {
            Some(day) => Ok(*day),
            None => masthead_pdf::default_today().map_err(|e| Failure::Usage(e.to_string())),
        }
    };
    match cmd {
        ExportCmd::Json { out: to } => {
            refuse_taken_out(to)?;
            let store = open(path, false)?;
            let made = store.export_json_to(to)?;
            out.line(&format!(
                "Wrote {} rows of {} to {} ({} KB).",
                made.rows,
                store.path().display(),
                made.path,
                made.bytes.div_ceil(1024)
            ));
            Ok(())
        }
        ExportCmd::Pdf {
            edition,
            publication,
            out: to,
            paper,
            only,
            colour,
            today,
        } => {
            let colour_by = masthead_pdf::ColourBy::parse(colour).ok_or_else(|| {
                Failure::Usage(format!(
                    "\"{colour}\" is not a colouring; use status or section"
                ))
            })?;
            let paper = masthead_pdf::Paper::parse(paper).ok_or_else(|| {
                Failure::Usage(format!("\"{paper}\" is not a paper size; use a4 or letter"))
            })?;
            let parts = match only {
                Some(list) => masthead_pdf::PdfOptions::parse_parts(list)
                    .map_err(|e| Failure::Usage(e.to_string()))?,
                None => masthead_pdf::PARTS.to_vec(),
            };
            let store = open(path, false)?;
            let id = find_edition(&store, publication.as_deref(), edition)?;
            let plan = store.edition_plan(id, today_or(today)?)?;
            let options = masthead_pdf::PdfOptions {
                paper,
                parts,
                generated_at: masthead_pdf::generated_at()
                    .map_err(|e| Failure::Usage(e.to_string()))?,
                colour_by,
            };
            let pdf = masthead_pdf::render(&plan, &options)
                .map_err(|e| Failure::Other(anyhow::anyhow!("{e}")))?;
            write_new(to, &pdf)?;
            out.line(&format!(
                "Wrote the plan of {} to {} ({} KB).",
                plan.edition.name,
                to.display(),
                pdf.len().div_ceil(1024)
            ));
            Ok(())
        }
        ExportCmd::Csv {
            edition,
            publication,
            out: to,
            today,
        } => {
            let store = open(path, false)?;
            let id = find_edition(&store, publication.as_deref(), edition)?;
            let plan = store.edition_plan(id, today_or(today)?)?;
            let csv = masthead_core::export::run_sheet_csv(&plan);
            write_new(to, &csv)?;
            out.line(&format!(
                "Wrote the run sheet of {} to {} ({} pieces).",
                plan.edition.name,
                to.display(),
                plan.run_sheet.len()
            ));
            Ok(())
        }
    }
}
