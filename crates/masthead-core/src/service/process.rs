//! The app's side: [`StoreProcess`] starts `masthead serve-store` on a
//! database file and sends it requests. If the process dies (killed, out
//! of memory, a bug), the next call starts it again: a read is asked
//! again, a write is reported as not known to be saved (it may have
//! committed just before), never repeated behind the user's back.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;

use super::{Call, Envelope, OpenMode, Reply, decode, hello};
use crate::{Actor, ErrorPayload};

/// The `masthead` program that serves the store: `$MASTHEAD_STORE_BINARY`,
/// else `masthead` beside the running program (in a build folder, also
/// one folder up, where cargo puts binaries beside test programs in `deps`).
pub fn store_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("MASTHEAD_STORE_BINARY") {
        return PathBuf::from(path);
    }
    let name = format!("masthead{}", std::env::consts::EXE_SUFFIX);
    let exe = std::env::current_exe().unwrap_or_default();
    let dir = exe.parent().unwrap_or(Path::new("."));
    let beside = dir.join(&name);
    if !beside.exists()
        && dir.file_name().is_some_and(|n| n == "deps")
        && let Some(up) = dir.parent()
    {
        return up.join(&name);
    }
    beside
}

/// What became of one request.
enum Exchange {
    Reply(Reply),
    /// It never reached the process (gone before it was written).
    NotSent,
    /// Sent, and no reply came: it may or may not have been done.
    NoReply,
}

struct Running {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

/// A database file served by a process of its own.
pub struct StoreProcess {
    binary: PathBuf,
    path: PathBuf,
    running: Option<Running>,
    restarts: u32,
}

impl std::fmt::Debug for StoreProcess {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreProcess")
            .field("path", &self.path)
            .field("pid", &self.pid())
            .finish()
    }
}

fn failure(code: &str, message: String) -> ErrorPayload {
    ErrorPayload {
        code: code.into(),
        message,
        field: None,
        conflict: None,
    }
}

impl StoreProcess {
    /// Starts the store on the database at `path`, opened as `mode` says,
    /// with `binary` ([`store_binary`]). The open's own refusal (not a
    /// Masthead file, a newer Masthead, locked…) comes back as it is.
    pub fn open(binary: &Path, path: &Path, mode: OpenMode) -> Result<StoreProcess, ErrorPayload> {
        let running = Self::start(binary, path, mode)?;
        Ok(StoreProcess {
            binary: binary.to_path_buf(),
            path: path.to_path_buf(),
            running: Some(running),
            restarts: 0,
        })
    }

    fn start(binary: &Path, path: &Path, mode: OpenMode) -> Result<Running, ErrorPayload> {
        let mut command = Command::new(binary);
        command
            .arg("--db")
            .arg(path)
            .arg("serve-store")
            .arg("--open")
            .arg(mode.as_str())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        let mut child = command.spawn().map_err(|e| {
            failure(
                "store_missing",
                format!(
                    "Masthead could not start its store program {} ({e}). Reinstall Masthead, \
                     or set MASTHEAD_STORE_BINARY to the `masthead` program.",
                    binary.display()
                ),
            )
        })?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(failure(
                "store_missing",
                "Masthead could not talk to its store program.".into(),
            ));
        };
        let mut running = Running {
            child,
            stdin,
            stdout: BufReader::new(stdout),
        };
        let mut line = String::new();
        let read = running.stdout.read_line(&mut line);
        match (read, serde_json::from_str::<Reply>(&line)) {
            (Ok(n), Ok(Reply::Ok(said))) if n > 0 => {
                if said == hello() {
                    return Ok(running);
                }
                drop(running.stdin);
                let _ = running.child.kill();
                let _ = running.child.wait();
                Err(failure(
                    "store_mismatch",
                    format!(
                        "The masthead program at {} is from another build of Masthead than this window ({} against {}). Reinstall Masthead, or build both again (`cargo build`).",
                        binary.display(),
                        said["version"],
                        hello()["version"]
                    ),
                ))
            }
            (Ok(n), Ok(Reply::Err(e))) if n > 0 => {
                let _ = running.child.wait();
                Err(e)
            }
            _ => {
                let _ = running.child.kill();
                let status = running.child.wait();
                Err(failure(
                    "store_missing",
                    format!(
                        "Masthead's store program {} stopped before opening {} ({}). \
                         Reinstall Masthead if this keeps happening.",
                        binary.display(),
                        path.display(),
                        status.map_or_else(|e| e.to_string(), |s| s.to_string())
                    ),
                ))
            }
        }
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The store process's id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.running.as_ref().map(|r| r.child.id())
    }

    /// How many times the store was started again after it stopped.
    pub fn restarts(&self) -> u32 {
        self.restarts
    }

    /// Sends `call` as `actor` and reads its reply.
    pub fn call<T: DeserializeOwned>(
        &mut self,
        actor: &Actor,
        call: Call<T>,
    ) -> Result<T, ErrorPayload> {
        let name = call.request.name();
        let is_read = call.request.is_read();
        let envelope = Envelope {
            actor: actor.name().to_owned(),
            request: call.request,
        };
        let mut line = serde_json::to_vec(&envelope).map_err(|e| {
            failure(
                "internal",
                format!("Masthead could not write the request {name} ({e})."),
            )
        })?;
        line.push(b'\n');
        let mut tries = if is_read { 2 } else { 1 };
        let mut resent = false;
        loop {
            if self.running.is_none() {
                // Nothing was sent yet: the start's own refusal is the answer.
                self.restart()?;
            }
            match self.exchange(&line) {
                Exchange::Reply(Reply::Ok(value)) => return decode(name, value),
                Exchange::Reply(Reply::Err(e)) => return Err(e),
                Exchange::NotSent if !resent => {
                    // It died before this request reached it (idle, killed):
                    // nothing of it was done, so it may be sent again.
                    resent = true;
                    self.stopped();
                    self.restart()?;
                }
                Exchange::NotSent => {
                    self.stopped();
                    return Err(failure(
                        "store_stopped",
                        "Masthead's database process stopped twice before it could take this, so nothing was saved. Try again; if it keeps happening, quit Masthead and open it again.".into(),
                    ));
                }
                Exchange::NoReply => {
                    tries -= 1;
                    self.stopped();
                    // Started again now, so the next call finds it ready.
                    let restarted = self.restart();
                    if tries > 0 {
                        restarted?;
                        continue;
                    }
                    let again = match &restarted {
                        Ok(()) => "has been started again".to_owned(),
                        Err(e) => format!("could not be started again ({})", e.message),
                    };
                    return Err(failure(
                        "store_restarted",
                        if is_read {
                            format!(
                                "Masthead's database process stopped while reading and {again}. Try again."
                            )
                        } else {
                            format!(
                                "Masthead's database process stopped while saving and {again}; the change may or may not have been saved. What you typed is still here: check, then save again."
                            )
                        },
                    ));
                }
            }
        }
    }

    /// One line out, one line back.
    fn exchange(&mut self, line: &[u8]) -> Exchange {
        let Some(running) = self.running.as_mut() else {
            return Exchange::NotSent;
        };
        if running.stdin.write_all(line).is_err() || running.stdin.flush().is_err() {
            return Exchange::NotSent;
        }
        let mut reply = String::new();
        match running.stdout.read_line(&mut reply) {
            Ok(n) if n > 0 => match serde_json::from_str(&reply) {
                Ok(reply) => Exchange::Reply(reply),
                Err(_) => Exchange::NoReply,
            },
            _ => Exchange::NoReply,
        }
    }

    /// The process is gone (or unreadable): reaps it.
    fn stopped(&mut self) {
        if let Some(mut running) = self.running.take() {
            let _ = running.child.kill();
            let _ = running.child.wait();
        }
    }

    fn restart(&mut self) -> Result<(), ErrorPayload> {
        let running = Self::start(&self.binary, &self.path, OpenMode::Existing)?;
        self.running = Some(running);
        self.restarts += 1;
        Ok(())
    }
}

impl Drop for StoreProcess {
    /// Lets the store go: its input ends, it closes the database (a clean
    /// checkpoint, unless today's backup is still being copied: then the
    /// WAL stays beside the file, and is read back at the next open) and
    /// exits. Waits up to ten seconds, then stops it.
    fn drop(&mut self) {
        let Some(running) = self.running.take() else {
            return;
        };
        let Running {
            mut child, stdin, ..
        } = running;
        drop(stdin);
        let until = Instant::now() + Duration::from_secs(10);
        loop {
            match child.try_wait() {
                Ok(Some(_)) | Err(_) => return,
                Ok(None) if Instant::now() >= until => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return;
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            }
        }
    }
}
