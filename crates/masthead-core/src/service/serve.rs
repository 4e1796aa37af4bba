//! The store process's side: `masthead serve-store` opens the database,
//! says so in one line, then answers one [`Envelope`] per line until its
//! input ends (the app quit or let it go), and closes the database.

use std::io::{BufRead, Write};
use std::path::Path;

use super::{Envelope, OpenMode, Reply, hello};
use crate::{Actor, Error, ErrorPayload, Store};

/// Serves the database at `path`, opened as `mode` says, over `input` and
/// `output`. The first line written is the open's outcome (`{"ok":` the
/// [`hello`]`}` or the error); a store that cannot open exits after it. Returns when
/// `input` ends, or when `output` is gone.
pub fn serve(path: &Path, mode: OpenMode, input: impl BufRead, mut output: impl Write) {
    let opened = match mode {
        OpenMode::New => Store::create(path),
        OpenMode::Existing => Store::open_existing(path),
        OpenMode::Any => Store::open(path),
    };
    let mut store = match opened {
        Ok(store) => store,
        Err(e) => {
            let _ = send(&mut output, &Reply::Err(ErrorPayload::from(&e)));
            return;
        }
    };
    if send(&mut output, &Reply::Ok(hello())).is_err() {
        return;
    }
    answer_each(&mut store, input, output);
    // A moment for today's backup to end, so the store's connection closes
    // last and folds the WAL into the file; not longer, since the app
    // waits for the store to close when it quits or opens another file.
    super::let_backup_finish(std::time::Duration::from_secs(2));
    drop(store);
}

/// Answers one request a line until `input` ends or `output` is gone.
fn answer_each(store: &mut Store, mut input: impl BufRead, mut output: impl Write) {
    let mut bytes = Vec::new();
    loop {
        bytes.clear();
        match input.read_until(b'\n', &mut bytes) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let Ok(line) = std::str::from_utf8(&bytes) else {
            let refused = Reply::Err(ErrorPayload::from(&Error::Unexpected(
                "the store was sent a request that is not UTF-8 text".into(),
            )));
            if send(&mut output, &refused).is_err() {
                return;
            }
            continue;
        };
        if line.trim().is_empty() {
            continue;
        }
        let reply = match serde_json::from_str::<Envelope>(line) {
            Ok(envelope) => answer(store, envelope),
            Err(e) => Reply::Err(ErrorPayload::from(&Error::Unexpected(format!(
                "the store could not read a request: {e}"
            )))),
        };
        if send(&mut output, &reply).is_err() {
            return;
        }
    }
}

fn answer(store: &mut Store, envelope: Envelope) -> Reply {
    let outcome = Actor::new(&envelope.actor).and_then(|who| envelope.request.run(store, &who));
    match outcome {
        Ok(value) => Reply::Ok(value),
        Err(e) => Reply::Err(ErrorPayload::from(&e)),
    }
}

fn send(output: &mut impl Write, reply: &Reply) -> std::io::Result<()> {
    let mut line = serde_json::to_vec(reply)?;
    line.push(b'\n');
    output.write_all(&line)?;
    output.flush()
}
