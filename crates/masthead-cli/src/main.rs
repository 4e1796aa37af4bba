//! `masthead`: the command-line face of Masthead. Every verb parses its flags,
//! calls one use case of `masthead-core` and prints the result; the rules live
//! in the core so the CLI and the app behave the same.

mod args;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use masthead_core::model::{
    ArticleInput, ContributorInput, ContributorKind, EditionInput, PublicationId, PublicationInput,
};
use masthead_core::{Actor, Error, Store, config};

use args::{
    ArticleCmd, ArticleFields, Cli, Command, ContributorCmd, EditionCmd, EditionFields, KindCmd,
    PublicationCmd, SectionCmd,
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
                eprintln!("error: conflict: {e}");
            } else {
                eprintln!("error: {e}");
            }
            ExitCode::from(if e.is_user_error() { 2 } else { 1 })
        }
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Other(e)) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
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
    Ok(Store::open(path)?)
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
        Command::Init => {
            let existed = path.exists();
            let store = open(&path, true)?;
            let verb = if existed { "Opened" } else { "Created" };
            out.line(&format!(
                "{verb} Masthead database {} (schema version {}).",
                store.path().display(),
                store.schema_version()?
            ));
            Ok(())
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
    }
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
            fields,
        } => {
            let mut store = open(path, false)?;
            let publication = store.find_publication(publication.as_deref())?;
            let Some(_) = &fields.name else {
                return Err(Failure::Usage(
                    "an edition needs a name: add --name \"Feb/Mar 21\"".into(),
                ));
            };
            let base = EditionInput {
                page_count: 64,
                ..EditionInput::default()
            };
            let saved = store.create_edition(who, publication, &edition_input(base, fields))?;
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
            let articles = store.list_articles(id)?;
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
            let list = store.list_articles(id)?;
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
            let detail = store.article_detail(id)?;
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
        ArticleCmd::History {
            article,
            edition,
            json,
        } => {
            let store = open(path, false)?;
            let id = find_article(&store, edition.as_deref(), article)?;
            let history = store.history_of(&id.to_string())?;
            if *json {
                return out.json(&history);
            }
            output::print_history(out, &history);
            Ok(())
        }
    }
}

fn contributor(cmd: &ContributorCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        ContributorCmd::List { json } => {
            let store = open(path, false)?;
            let list = store.list_contributors()?;
            if *json {
                return out.json(&list);
            }
            out.table(
                &["ID", "NAME", "ROLE", "ORGANISATION", "EMAIL", "KIND"],
                list.iter().map(|c| {
                    vec![
                        c.id.to_string(),
                        c.name.clone(),
                        c.role.clone(),
                        c.organisation.clone(),
                        c.email.clone().unwrap_or_default(),
                        c.kind.as_str().to_owned(),
                    ]
                }),
                "No contributors yet. Add one with `masthead contributor add --name NAME`.",
            );
            Ok(())
        }
        ContributorCmd::Add {
            name,
            role,
            org,
            email,
            staff,
        } => {
            let mut store = open(path, false)?;
            let c = store.add_contributor(
                who,
                &ContributorInput {
                    name: name.clone(),
                    role: role.clone().unwrap_or_default(),
                    organisation: org.clone().unwrap_or_default(),
                    email: email.clone(),
                    kind: if *staff {
                        ContributorKind::Staff
                    } else {
                        ContributorKind::Freelance
                    },
                },
            )?;
            out.line(&format!("Added contributor {} ({}).", c.name, c.id));
            Ok(())
        }
    }
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
                &["ID", "KIND", "KEY", "STATE"],
                list.iter().map(|k| {
                    vec![
                        k.id.to_string(),
                        k.label.clone(),
                        k.key.clone(),
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
