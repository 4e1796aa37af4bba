//! The portable export: a whole database as JSON Lines (one JSON value per
//! line), readable without Masthead and brought back into an empty file or
//! server by `import json`. The format is described in
//! `docs/export-format.md`; [`EXPORT_VERSION`] names it.
//!
//! Line 1 is the header: `{"format":"masthead-export","version":1,
//! "schema_version":8,"exported_at":"…","tables":[["publications",["id",…]],…]}`.
//! Then one line per row, tables in the header's order (what a row refers
//! to comes before it): `{"t":"articles","r":[…]}`, each value `null`, a
//! number, `true`/`false`, a string, or `{"base64":"…"}` for bytes (drafts'
//! original files). Then `{"approved":["<piece id>","<draft id>"]}` per
//! approved copy, and last `{"end":{"rows":N}}`, so a cut-off file is
//! refused rather than half-imported.

use std::io::{BufRead, Write};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value as Json, json};

use super::{Result, Store, team::ImportSummary};
use crate::error::Error;
use crate::model::ExportMade;
use crate::storage::TABLES;
use crate::storage::sql::Value;

/// The name in every export's header.
pub const EXPORT_FORMAT: &str = "masthead-export";
/// The version of the format this Masthead writes and reads.
pub const EXPORT_VERSION: u64 = 1;

fn to_json(value: Value) -> Json {
    match value {
        Value::Null => Json::Null,
        Value::Int(n) => json!(n),
        Value::Bool(b) => json!(b),
        Value::Text(t) => Json::String(t),
        Value::Blob(b) => json!({ "base64": STANDARD.encode(b) }),
    }
}

fn from_json(value: &Json) -> Option<Value> {
    Some(match value {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => Value::Int(n.as_i64()?),
        Json::String(s) => Value::Text(s.clone()),
        Json::Object(o) if o.len() == 1 => {
            Value::Blob(STANDARD.decode(o.get("base64")?.as_str()?).ok()?)
        }
        _ => return None,
    })
}

fn write_failed(e: std::io::Error) -> Error {
    Error::Io {
        path: "the export".into(),
        source: e,
    }
}

impl Store {
    /// Writes the export to the file `dest` (replacing it: the app's save
    /// dialog has asked), under a temporary name beside it first so that a
    /// failure leaves no half file.
    pub fn export_json_to(&self, dest: &std::path::Path) -> Result<ExportMade> {
        crate::storage::sqlite::refuse_held(dest, "out", "written over")?;
        if dest == self.path() {
            return Err(Error::invalid(
                "export_over_database",
                "out",
                "That is the database itself. Choose another name for the export.",
            ));
        }
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "export.jsonl".into());
        let part = dest.with_file_name(format!(".{name}.{}.part", std::process::id()));
        let io = |path: &std::path::Path, source: std::io::Error| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let written = (|| {
            let file = std::fs::File::create(&part).map_err(|e| io(&part, e))?;
            let mut out = std::io::BufWriter::new(file);
            let counts = self.export_json(&mut out)?;
            let file = out.into_inner().map_err(|e| io(&part, e.into_error()))?;
            file.sync_all().map_err(|e| io(&part, e))?;
            std::fs::rename(&part, dest).map_err(|e| io(dest, e))?;
            Ok(counts)
        })();
        match written {
            Ok(counts) => Ok(ExportMade {
                path: dest.display().to_string(),
                rows: counts.iter().map(|(_, n)| n).sum(),
                bytes: std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0),
            }),
            Err(e) => {
                let _ = std::fs::remove_file(&part);
                Err(e)
            }
        }
    }

    /// Reads the export in the file `source` into this empty database
    /// (see [`Store::import_json`]).
    pub fn import_json_from(&mut self, source: &std::path::Path) -> Result<ImportSummary> {
        crate::storage::sqlite::refuse_held(source, "file", "imported")?;
        if !source.is_file() {
            return Err(Error::invalid(
                "not_an_export",
                "file",
                format!(
                    "{} is not a file. Choose an export written by Masthead (a .jsonl file).",
                    source.display()
                ),
            ));
        }
        let file = std::fs::File::open(source).map_err(|e| Error::Io {
            path: source.to_path_buf(),
            source: e,
        })?;
        let mut input = std::io::BufReader::new(file);
        self.import_json(&mut input, &source.display().to_string())
    }

    /// Writes everything this database holds to `out`, from one snapshot.
    /// Returns the rows written per table.
    pub fn export_json(&self, out: &mut dyn Write) -> Result<Vec<(String, u64)>> {
        let schema_version = self.schema_version()?;
        self.read(|tx| {
            let header = json!({
                "format": EXPORT_FORMAT,
                "version": EXPORT_VERSION,
                "schema_version": schema_version,
                "exported_at": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                "tables": TABLES.iter().map(|(t, c)| json!([t, c])).collect::<Vec<_>>(),
            });
            writeln!(out, "{header}").map_err(write_failed)?;
            let mut counts = Vec::with_capacity(TABLES.len());
            let mut total = 0u64;
            for (table, columns) in TABLES {
                let mut rows = 0u64;
                tx.dump_table(table, columns, &mut |row| {
                    rows += 1;
                    let line = json!({ "t": table, "r": row.into_iter().map(to_json).collect::<Vec<_>>() });
                    writeln!(out, "{line}").map_err(write_failed)
                })?;
                total += rows;
                counts.push(((*table).to_owned(), rows));
            }
            for (article, draft) in tx.approved_drafts()? {
                writeln!(out, "{}", json!({ "approved": [article, draft] })).map_err(write_failed)?;
            }
            writeln!(out, "{}", json!({ "end": { "rows": total } })).map_err(write_failed)?;
            out.flush().map_err(write_failed)?;
            Ok(counts)
        })
    }

    /// Loads an export (see [`Store::export_json`]) into this database,
    /// which must hold nothing yet, in one transaction: all of it, or none.
    /// `from` names the file in messages. Into a team server the team is
    /// left out (its logins are its own; people are invited again).
    pub fn import_json(&mut self, input: &mut dyn BufRead, from: &str) -> Result<ImportSummary> {
        let bad = |line: usize, what: &str| {
            Error::invalid(
                "not_an_export",
                "file",
                format!(
                    "{from} is not a Masthead export Masthead can read (line {line}: {what}), so nothing was imported."
                ),
            )
        };
        let into_server = self.server().is_some();
        let to = self.path().display().to_string();
        let mut lines = input.lines();
        let header: Json = match lines.next() {
            Some(Ok(line)) => serde_json::from_str(&line).map_err(|_| bad(1, "no header"))?,
            Some(Err(_)) => return Err(bad(1, "it is not text")),
            None => return Err(bad(1, "the file is empty")),
        };
        if header["format"] != EXPORT_FORMAT {
            return Err(bad(1, "no header"));
        }
        let version = header["version"].as_u64().unwrap_or(0);
        if version > EXPORT_VERSION {
            return Err(Error::invalid(
                "export_too_new",
                "file",
                format!(
                    "{from} was written by a newer Masthead (export format {version}; this one reads up to {EXPORT_VERSION}). Update Masthead to import it."
                ),
            ));
        }
        let expected: Vec<Json> = TABLES.iter().map(|(t, c)| json!([t, c])).collect();
        if header["tables"].as_array() != Some(&expected) {
            let ours = self.schema_version()?;
            let theirs = header["schema_version"].as_i64();
            return Err(Error::invalid(
                "export_other_schema",
                "file",
                match theirs {
                    Some(v) if v != ours => format!(
                        "{from} was exported by another version of Masthead (schema version {v}; this one writes {ours}), so its tables differ. Import it with that version, or update both."
                    ),
                    _ => format!(
                        "{from} lists tables or columns Masthead does not make (one missing, added or renamed), so nothing was imported. Export it again with `masthead export json`."
                    ),
                },
            ));
        }
        self.write(|tx| {
            super::team::refuse_unless_empty(tx, &to)?;
            let mut counts: Vec<(String, u64)> =
                TABLES.iter().map(|(t, _)| ((*t).to_owned(), 0)).collect();
            let mut at_table = 0usize;
            // Each draft's checksum and size, to hold its file to them.
            let mut drafts: std::collections::HashMap<String, (String, i64)> =
                std::collections::HashMap::new();
            let mut total = 0u64;
            let mut ended = false;
            for (index, line) in lines.enumerate() {
                let number = index + 2;
                let line = line.map_err(|_| bad(number, "it is not text"))?;
                if ended {
                    return Err(bad(number, "lines after the end"));
                }
                let value: Json =
                    serde_json::from_str(&line).map_err(|_| bad(number, "not JSON"))?;
                if let Some(table) = value["t"].as_str() {
                    let Some(position) = TABLES.iter().position(|(t, _)| *t == table) else {
                        return Err(bad(number, "an unknown table"));
                    };
                    if position < at_table {
                        return Err(bad(number, "rows out of order"));
                    }
                    at_table = position;
                    let columns = TABLES[position].1;
                    let row: Option<Vec<Value>> = value["r"]
                        .as_array()
                        .filter(|r| r.len() == columns.len())
                        .and_then(|r| r.iter().map(from_json).collect());
                    let row = row.ok_or_else(|| bad(number, "a row of the wrong shape"))?;
                    check_row(table, &row, &mut drafts).map_err(|what| bad(number, &what))?;
                    total += 1;
                    if table == "people" && into_server {
                        continue;
                    }
                    tx.load_row(table, columns, &row)?;
                    counts[position].1 += 1;
                } else if let Some(pair) = value["approved"].as_array() {
                    match (pair.first().and_then(Json::as_str), pair.get(1).and_then(Json::as_str)) {
                        (Some(article), Some(draft)) if pair.len() == 2 => {
                            tx.set_approved_draft_raw(article, draft)?
                        }
                        _ => return Err(bad(number, "a malformed approved copy")),
                    }
                } else if let Some(rows) = value["end"]["rows"].as_u64() {
                    if rows != total {
                        return Err(bad(number, "the row count does not match"));
                    }
                    ended = true;
                } else {
                    return Err(bad(number, "a line of no known kind"));
                }
            }
            if !ended {
                return Err(Error::invalid(
                    "not_an_export",
                    "file",
                    format!(
                        "{from} stops before its end (the file was cut off), so nothing was imported. Export it again."
                    ),
                ));
            }
            // What arrived must keep Masthead's rules, as anything saved does.
            let broken = tx.broken_invariants()?;
            let slots = super::safekeeping::slot_problems(&tx.slots_to_check()?);
            if let Some(first) = broken
                .iter()
                .map(|(_, problem)| problem.clone())
                .chain(slots.into_iter().map(|p| p.problem))
                .next()
            {
                return Err(Error::invalid(
                    "export_breaks_rules",
                    "file",
                    format!(
                        "{from} holds data that breaks Masthead's rules ({first}), so nothing was imported. Export it again from its database after `masthead check`."
                    ),
                ));
            }
            Ok(counts)
        })
        .map(|tables| ImportSummary {
            from: from.to_owned(),
            to: to.clone(),
            tables,
        })
    }
}

/// What no stored text may hold on either store: NUL (a team server
/// refuses it, a CSV would carry it raw). Other control characters may be
/// in data saved before the text rule; they are printed escaped.
fn odd_text(text: &str) -> bool {
    text.contains('\0')
}

/// A row as an import may load it: text without NUL, a draft's
/// file name a name (no folder, no control character), and each draft's
/// file the one its checksum and size describe. `drafts` carries the
/// drafts' facts (their rows come first) to their contents.
fn check_row(
    table: &str,
    row: &[Value],
    drafts: &mut std::collections::HashMap<String, (String, i64)>,
) -> std::result::Result<(), String> {
    for value in row {
        if let Value::Text(text) = value
            && odd_text(text)
        {
            return Err(format!("a NUL character in a row of {table}"));
        }
    }
    let text = |i: usize| match row.get(i) {
        Some(Value::Text(t)) => Some(t.as_str()),
        _ => None,
    };
    let int = |i: usize| match row.get(i) {
        Some(Value::Int(n)) => Some(*n),
        _ => None,
    };
    match table {
        // id, article_id, assignment_id, contributor_id, number, file_name,
        // media_type, size, sha256, …
        "drafts" => {
            let name = text(5).unwrap_or_default();
            if name.is_empty()
                || name.contains(['/', '\\'])
                || name == "."
                || name == ".."
                || crate::rules::check_characters(name, "file", "file's name", false).is_err()
            {
                return Err("a draft whose file name is not a plain name".into());
            }
            if let (Some(id), Some(sha), Some(size)) = (text(0), text(8), int(7)) {
                drafts.insert(id.to_owned(), (sha.to_owned(), size));
            }
        }
        // draft_id, original, text, markdown
        "draft_contents" => {
            let (Some(id), Some(Value::Blob(original))) = (text(0), row.get(1)) else {
                return Err("a draft's contents without its file".into());
            };
            let facts = (masthead_text::sha256_hex(original), original.len() as i64);
            if drafts.get(id) != Some(&facts) {
                return Err("a draft whose file does not match its checksum or size".into());
            }
        }
        _ => {}
    }
    Ok(())
}
