//! The app's side of the store process (`StoreProcess`) against stand-ins
//! that misbehave on purpose: one that dies on a request (a write it died on
//! is reported as unknown, never repeated; a read is asked again), and one
//! from another build (refused in words).

use std::path::{Path, PathBuf};

use masthead_core::Actor;
use masthead_core::model::PublicationInput;
use masthead_core::service::{OpenMode, StoreProcess, calls, hello};

/// A stand-in store: says `first` as it starts, then, for each request,
/// counts it in `requests.log` and dies without a reply.
#[cfg(unix)]
fn stand_in(dir: &Path, first: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let script = dir.join("store.sh");
    let log = dir.join("requests.log");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' '{}'\nread line\necho got >> '{}'\nexit 3\n",
            first.replace('\'', "'\\''"),
            log.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

fn requests(dir: &Path) -> usize {
    std::fs::read_to_string(dir.join("requests.log"))
        .unwrap_or_default()
        .lines()
        .count()
}

#[cfg(unix)]
#[test]
fn a_write_the_store_died_on_is_reported_and_never_sent_twice() {
    let dir = tempfile::tempdir().unwrap();
    let hello = serde_json::json!({ "ok": hello() }).to_string();
    let binary = stand_in(dir.path(), &hello);
    let mut store = StoreProcess::open(&binary, &dir.path().join("x.db"), OpenMode::Any).unwrap();
    let who = Actor::new("Tess").unwrap();
    let refused = store
        .call(
            &who,
            calls::create_publication(PublicationInput {
                name: "PSE".into(),
                frequency: "Monthly".into(),
                is_print: true,
            }),
        )
        .unwrap_err();
    assert_eq!(refused.code, "store_restarted");
    assert!(
        refused.message.contains("may or may not have been saved"),
        "{}",
        refused.message
    );
    assert_eq!(requests(dir.path()), 1, "a write is never sent twice");
    assert_eq!(store.restarts(), 1);

    let refused = store.call(&who, calls::list_publications()).unwrap_err();
    assert!(
        refused.message.contains("while reading"),
        "{}",
        refused.message
    );
    assert_eq!(requests(dir.path()), 3, "a read is asked once more");
}

#[cfg(unix)]
#[test]
fn a_store_of_another_build_is_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut other = hello();
    other["calls"] = serde_json::json!("info,some_call_of_another_build");
    let binary = stand_in(dir.path(), &serde_json::json!({ "ok": other }).to_string());
    let refused = StoreProcess::open(&binary, &dir.path().join("x.db"), OpenMode::Any).unwrap_err();
    assert_eq!(refused.code, "store_mismatch");
    assert!(
        refused.message.contains("another build"),
        "{}",
        refused.message
    );
}

#[test]
fn a_missing_store_program_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let refused = StoreProcess::open(
        &dir.path().join("no-such-masthead"),
        &dir.path().join("x.db"),
        OpenMode::Any,
    )
    .unwrap_err();
    assert_eq!(refused.code, "store_missing");
    assert!(
        refused.message.contains("Reinstall Masthead"),
        "{}",
        refused.message
    );
}

/// The store answers lines it cannot read (not UTF-8, not JSON, an unknown
/// call) in words, and goes on serving.
#[test]
fn the_store_answers_odd_lines_in_words_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.db");
    let mut input: Vec<u8> = Vec::new();
    input.extend_from_slice(b"\xff\xfe not text\n");
    input.extend_from_slice(b"{ not json\n");
    input.extend_from_slice(b"{\"actor\":\"Tess\",\"request\":{\"call\":\"no_such_call\"}}\n");
    input.extend_from_slice(b"{\"actor\":\"Tess\",\"request\":{\"call\":\"list_publications\"}}\n");
    let mut output = Vec::new();
    masthead_core::service::serve(&path, OpenMode::Any, &input[..], &mut output);
    let lines: Vec<serde_json::Value> = String::from_utf8(output)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5, "{lines:?}");
    assert_eq!(lines[0]["ok"], hello());
    for refused in &lines[1..4] {
        assert!(
            refused["err"]["message"].as_str().unwrap().len() > 10,
            "{refused}"
        );
    }
    assert_eq!(lines[4]["ok"], serde_json::json!([]));
}
