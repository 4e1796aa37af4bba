//! Records the commit the programs are built from: `git` when the source is
//! a checkout, else `$MASTHEAD_COMMIT` (a source tarball's packager sets it),
//! else "unknown". A checkout with changes staged or committed-over since
//! says so ("+changes"). Git's state is looked at again when HEAD or the
//! index moves, not on every edit: a file edited but never `git add`ed
//! after the last look is not noticed. The packages are built from a
//! clean checkout.

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn main() {
    println!("cargo:rerun-if-env-changed=MASTHEAD_COMMIT");
    let commit = match std::env::var("MASTHEAD_COMMIT") {
        Ok(c) if !c.trim().is_empty() => c.trim().to_owned(),
        _ => match git(&["rev-parse", "--short=12", "HEAD"]) {
            Some(head) => {
                // Rebuilt when HEAD moves or the index changes (a commit, a
                // checkout, a `git add`), not on every edit.
                for name in ["HEAD", "index", "packed-refs"] {
                    if let Some(p) =
                        git(&["rev-parse", "--path-format=absolute", "--git-path", name])
                    {
                        println!("cargo:rerun-if-changed={p}");
                    }
                }
                if let Some(refname) = git(&["symbolic-ref", "-q", "HEAD"])
                    && let Some(p) = git(&[
                        "rev-parse", "--path-format=absolute", "--git-path", &refname,
                    ])
                {
                    println!("cargo:rerun-if-changed={p}");
                }
                let changed = git(&["status", "--porcelain", "--untracked-files=no"])
                    .is_some_and(|s| !s.is_empty());
                if changed {
                    format!("{head}+changes")
                } else {
                    head
                }
            }
            None => "unknown".to_owned(),
        },
    };
    println!("cargo:rustc-env=MASTHEAD_COMMIT={commit}");
}
