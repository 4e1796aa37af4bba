//! The domain knows no storage: the model, the rules, the history, the
//! actor and the errors name nothing of the storage layer or of an engine.
//! Storage implements its row and parameter traits for the domain's types
//! and maps engine errors into the domain's `Error`, never the other way.

use std::path::{Path, PathBuf};

fn domain_files() -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files: Vec<PathBuf> = ["error.rs", "history.rs", "actor.rs"]
        .iter()
        .map(|f| src.join(f))
        .collect();
    for folder in ["model", "rules"] {
        for entry in std::fs::read_dir(src.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn the_domain_names_nothing_of_storage_or_an_engine() {
    let files = domain_files();
    assert!(files.len() > 20, "{files:?}");
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in ["storage::", "rusqlite", "postgres::", "usecases::", "tauri"] {
                if code.contains(word) {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the domain reaches into storage or an engine:\n{}",
        found.join("\n")
    );
}
