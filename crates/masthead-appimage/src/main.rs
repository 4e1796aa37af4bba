//! The runtime at the head of Masthead's AppImage (an ELF; the squashfs
//! image of the AppDir follows it, as in any type-2 AppImage, with the
//! magic bytes "AI\x02" at offset 8 that `scripts/package` writes).
//!
//! AppImage's own runtime mounts the image with FUSE, which many desktops
//! lack and which could not be built here from what Debian ships. This one
//! unpacks the image once into the user's cache
//! (`$XDG_CACHE_HOME/masthead/appimage/<build>/`), so the first start takes
//! a second and the next ones none, and then runs the AppDir's `AppRun`
//! with `APPIMAGE`, `APPDIR`, `ARGV0` and `OWD` set as AppImage's runtime
//! sets them. It also answers AppImage's usual options:
//! `--appimage-extract` (into `./squashfs-root`), `--appimage-offset` and
//! `--appimage-version`.

use std::ffi::OsString;
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::os::unix::fs::{PermissionsExt, symlink};
use std::os::unix::process::CommandExt;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use backhand::{FilesystemReader, InnerNode};

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(message) => {
            eprintln!("Masthead (AppImage): {message}");
            ExitCode::from(1)
        }
    }
}

fn run() -> Result<ExitCode, String> {
    let image = std::env::current_exe().map_err(|e| format!("cannot find its own file: {e}"))?;
    let offset = image_offset(&image)?;
    let args: Vec<OsString> = std::env::args_os().collect();
    match args.get(1).and_then(|a| a.to_str()) {
        Some("--appimage-offset") => {
            println!("{offset}");
            Ok(ExitCode::SUCCESS)
        }
        Some("--appimage-version") => {
            println!("Masthead's AppImage runtime {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        Some("--appimage-extract") => {
            let to = PathBuf::from("squashfs-root");
            if to.exists() {
                return Err("./squashfs-root already exists: move it away first".into());
            }
            unpack(&image, offset, &to)?;
            println!("Extracted to {}", to.display());
            Ok(ExitCode::SUCCESS)
        }
        Some(other) if other.starts_with("--appimage-") => Err(format!(
            "{other} is not an option of this AppImage (it has --appimage-extract, --appimage-offset and --appimage-version)"
        )),
        _ => {
            let cache = std::env::var_os("XDG_CACHE_HOME")
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
                .ok_or("neither XDG_CACHE_HOME nor HOME is set")?
                .join("masthead/appimage");
            let dir = unpacked(&cache, &image, offset)?;
            forget_unused(&cache, &dir, UNUSED_FOR);
            let cwd = std::env::current_dir().unwrap_or_default();
            let error = std::process::Command::new(dir.join("AppRun"))
                .args(args.iter().skip(1))
                .env("APPIMAGE", &image)
                .env("APPDIR", &dir)
                .env("ARGV0", args.first().cloned().unwrap_or_default())
                .env("OWD", cwd)
                .exec();
            Err(format!(
                "cannot start {}: {error}",
                dir.join("AppRun").display()
            ))
        }
    }
}

/// Where the squashfs image starts: the end of the ELF, which is the end
/// of its section header table (e_shoff + e_shentsize × e_shnum).
fn image_offset(path: &Path) -> Result<u64, String> {
    let mut header = [0u8; 64];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    elf_end(&header).ok_or_else(|| format!("{} is not a 64-bit little-endian ELF", path.display()))
}

fn elf_end(header: &[u8; 64]) -> Option<u64> {
    // ELF magic, 64-bit class, little-endian.
    if header[..4] != *b"\x7fELF" || header[4] != 2 || header[5] != 1 {
        return None;
    }
    let u64_at = |at: usize| u64::from_le_bytes(header[at..at + 8].try_into().unwrap_or_default());
    let u16_at = |at: usize| u64::from(u16::from_le_bytes([header[at], header[at + 1]]));
    Some(u64_at(0x28) + u16_at(0x3A) * u16_at(0x3C))
}

/// The image unpacked in the user's cache, unpacking it first if this
/// build has not been: into a temporary folder renamed into place, so a
/// start that is interrupted, or two at once, never leave half a folder
/// that looks whole.
fn unpacked(cache: &Path, image: &Path, offset: u64) -> Result<PathBuf, String> {
    let dir = cache.join(build_key(image, offset)?);
    if dir.join("AppRun").exists() {
        return Ok(dir);
    }
    std::fs::create_dir_all(cache)
        .map_err(|e| format!("cannot create {}: {e}", cache.display()))?;
    remove_abandoned(cache);
    let partial = cache.join(format!(".unpacking-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&partial);
    let unpacking = unpack(image, offset, &partial);
    if let Err(e) = unpacking {
        let _ = std::fs::remove_dir_all(&partial);
        return Err(e);
    }
    let renamed = std::fs::rename(&partial, &dir);
    if renamed.is_err() {
        // Another start got there first (theirs is as good), or it failed.
        let _ = std::fs::remove_dir_all(&partial);
    }
    match renamed {
        _ if dir.join("AppRun").exists() => Ok(dir),
        Err(e) => Err(format!(
            "cannot move the unpacked app to {}: {e}",
            dir.display()
        )),
        Ok(()) => Err(format!("{} has no AppRun after unpacking", dir.display())),
    }
}

/// How long an unpacked build may go unstarted before a start of another
/// build removes it (each is about 124 MB).
const UNUSED_FOR: std::time::Duration = std::time::Duration::from_secs(30 * 24 * 3600);

/// Marks `current` as started now, and removes the other builds unpacked
/// beside it that no start has used for `unused_for` (an AppImage replaced
/// by a newer one): best effort, a failure only leaves the folder.
fn forget_unused(cache: &Path, current: &Path, unused_for: std::time::Duration) {
    let _ = File::create(current.join(".started"));
    let Ok(entries) = std::fs::read_dir(cache) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden || path == current || !path.join("AppRun").exists() {
            continue;
        }
        let last = std::fs::metadata(path.join(".started"))
            .or_else(|_| std::fs::metadata(&path))
            .and_then(|m| m.modified());
        if last.is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age > unused_for)) {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// Removes what starts stopped halfway left behind: `.unpacking-PID`
/// folders whose process has gone.
fn remove_abandoned(cache: &Path) {
    let Ok(entries) = std::fs::read_dir(cache) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.strip_prefix(".unpacking-")) else {
            continue;
        };
        if pid.parse::<u32>().is_ok() && !Path::new("/proc").join(pid).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Names this build: its image's size and creation time, and a digest of
/// its superblock, its last 64 KiB (the inode, directory, fragment and id
/// tables) and 4 KiB of every MiB of its data, so a new AppImage unpacks
/// afresh, even one made at the same `SOURCE_DATE_EPOCH` with every block
/// the same size, and the same one never twice; in a few milliseconds,
/// on every start.
fn build_key(image: &Path, offset: u64) -> Result<String, String> {
    let unreadable =
        |e: std::io::Error| format!("cannot read the image in {}: {e}", image.display());
    let mut file = File::open(image).map_err(unreadable)?;
    let mut superblock = [0u8; 96];
    file.seek(SeekFrom::Start(offset)).map_err(unreadable)?;
    file.read_exact(&mut superblock).map_err(unreadable)?;
    if superblock[..4] != *b"hsqs" {
        return Err(format!(
            "{} holds no squashfs image after its runtime (is the download complete?)",
            image.display()
        ));
    }
    let mkfs_time =
        u32::from_le_bytes([superblock[8], superblock[9], superblock[10], superblock[11]]);
    let bytes_used = u64::from_le_bytes(superblock[40..48].try_into().unwrap_or_default());
    let end = offset
        .checked_add(bytes_used)
        .filter(|end| std::fs::metadata(image).is_ok_and(|m| m.len() >= *end))
        .ok_or_else(|| {
            format!(
                "{} is shorter than its image says (is the download complete?)",
                image.display()
            )
        })?;
    let mut read_at = |at: u64, len: u64| -> Result<Vec<u8>, String> {
        let mut bytes = vec![0u8; len as usize];
        file.seek(SeekFrom::Start(at)).map_err(unreadable)?;
        file.read_exact(&mut bytes).map_err(unreadable)?;
        Ok(bytes)
    };
    let tail_len = bytes_used.min(64 * 1024);
    let mut parts = vec![superblock.to_vec(), read_at(end - tail_len, tail_len)?];
    const SAMPLE: u64 = 4 * 1024;
    let mut at = offset;
    while at + SAMPLE <= end {
        parts.push(read_at(at, SAMPLE)?);
        at += 1024 * 1024;
    }
    let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    let digest = fnv1a(&parts);
    Ok(format!("{mkfs_time:08x}-{bytes_used:x}-{digest:016x}"))
}

/// FNV-1a, 64 bits: a digest that stays the same from one Rust release to
/// the next (the standard library's hasher may not).
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in parts.iter().flat_map(|p| p.iter()) {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Writes every file, folder and link of the image at `offset` into `to`,
/// with the image's permissions (without set-id bits). A path that would
/// leave `to` is refused.
fn unpack(image: &Path, offset: u64, to: &Path) -> Result<(), String> {
    let file = File::open(image).map_err(|e| format!("cannot open {}: {e}", image.display()))?;
    let fs = FilesystemReader::from_reader_with_offset(BufReader::new(file), offset)
        .map_err(|e| format!("the image in {} cannot be read: {e}", image.display()))?;
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let fail = |path: &Path, e: std::io::Error| format!("cannot write {}: {e}", path.display());
    // Folders' permissions last, once they are filled.
    let mut folders = Vec::new();
    for node in fs.files() {
        let relative = inside(&node.fullpath).ok_or_else(|| {
            format!(
                "the image names a path outside it: {}",
                node.fullpath.display()
            )
        })?;
        let path = to.join(&relative);
        // Nor through a link the image made earlier (`usr -> /etc`, then `usr/x`).
        if through_link(to, &relative) {
            return Err(format!(
                "the image writes through a link: {}",
                node.fullpath.display()
            ));
        }
        let mode = u32::from(node.header.permissions) & 0o777;
        // Each path once, made new: nothing the image made before (a link
        // above all) is followed or written over.
        let existing = std::fs::symlink_metadata(&path).ok();
        match &node.inner {
            InnerNode::Dir(_) => {
                match existing {
                    Some(m) if m.file_type().is_dir() => {}
                    Some(_) => {
                        return Err(format!("the image names {} twice", node.fullpath.display()));
                    }
                    None => std::fs::create_dir(&path).map_err(|e| fail(&path, e))?,
                }
                folders.push((path, mode));
            }
            InnerNode::File(entry) => {
                let mut out = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&path)
                    .map_err(|e| fail(&path, e))?;
                let mut reader = fs.file(entry).reader();
                std::io::copy(&mut reader, &mut out).map_err(|e| fail(&path, e))?;
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode))
                    .map_err(|e| fail(&path, e))?;
            }
            InnerNode::Symlink(link) => {
                symlink(&link.link, &path).map_err(|e| fail(&path, e))?;
            }
            // An AppDir holds no devices, pipes or sockets.
            _ => {}
        }
    }
    for (path, mode) in folders.into_iter().rev() {
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode | 0o700))
            .map_err(|e| fail(&path, e))?;
    }
    Ok(())
}

/// Whether a folder on the way from `to` to `relative` is a symbolic link.
fn through_link(to: &Path, relative: &Path) -> bool {
    let mut at = to.to_path_buf();
    let mut parts = relative.components().peekable();
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            break;
        }
        at.push(part);
        if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            return true;
        }
    }
    false
}

/// `path` (absolute in the image) as a path below the folder unpacked
/// into; `None` when it would climb out of it.
fn inside(path: &Path) -> Option<PathBuf> {
    let mut relative = PathBuf::new();
    for part in path.components() {
        match part {
            Component::RootDir | Component::CurDir => {}
            Component::Normal(name) => relative.push(name),
            Component::ParentDir | Component::Prefix(_) => return None,
        }
    }
    Some(relative)
}

#[cfg(test)]
mod tests;
