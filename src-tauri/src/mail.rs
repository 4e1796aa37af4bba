//! Opens a `mailto:` address in the user's own mail program, through the
//! desktop's handler for the scheme. The address is always one Masthead
//! built (`rules::links::mailto`: every character of the text encoded), so
//! nothing stored chooses the program or adds an argument; it is passed
//! as one argument, never through a shell.

use std::process::{Command, Stdio};

pub fn open(url: &str) -> Result<(), String> {
    if !url.starts_with("mailto:") || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("not a mail address Masthead made".into());
    }
    let mut command = if cfg!(target_os = "macos") {
        Command::new("open")
    } else if cfg!(windows) {
        let mut c = Command::new("rundll32");
        c.arg("url.dll,FileProtocolHandler");
        c
    } else {
        Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    // The handler hands the message to the mail program and exits; one
    // that fails (no mail program set) says so within moments. One still
    // running after that is taken as opened, and waited for on a thread.
    let mut child = command.spawn().map_err(|e| e.to_string())?;
    let started = std::time::Instant::now();
    while started.elapsed() < std::time::Duration::from_secs(3) {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                return Err(format!(
                    "the desktop's handler for mail links failed ({status})"
                ));
            }
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(50)),
            Err(e) => return Err(e.to_string()),
        }
    }
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(())
}
