use super::*;

/// This test program as the runtime, followed by a squashfs image of
/// `tree` made by mksquashfs as `scripts/package` makes it: the AppImage's
/// layout. Returns the file and where the image starts.
fn appimage_of(tree: &Path, into: &Path) -> (PathBuf, u64) {
    let image = into.join("tree.squashfs");
    // At one fixed time, as a reproducible build would make it.
    let made = std::process::Command::new("mksquashfs")
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .arg(tree)
        .arg(&image)
        .args([
            "-root-owned", "-noappend", "-comp", "gzip", "-quiet", "-no-progress",
        ])
        .status()
        .expect("mksquashfs (Debian's squashfs-tools) must be installed: scripts/test installs it");
    assert!(made.success());
    let runtime = std::fs::read(std::env::current_exe().unwrap()).unwrap();
    let mut bytes = runtime.clone();
    bytes.extend(std::fs::read(&image).unwrap());
    let path = into.join("Test.AppImage");
    std::fs::write(&path, bytes).unwrap();
    (path, runtime.len() as u64)
}

fn sample_tree(dir: &Path) {
    std::fs::create_dir_all(dir.join("usr/bin")).unwrap();
    std::fs::write(dir.join("AppRun"), "#!/bin/sh\necho hello\n").unwrap();
    std::fs::set_permissions(dir.join("AppRun"), std::fs::Permissions::from_mode(0o755)).unwrap();
    // Bigger than a block (128 KiB), so it is not only a fragment.
    let big: Vec<u8> = (0..400_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(dir.join("usr/bin/masthead"), &big).unwrap();
    std::fs::set_permissions(
        dir.join("usr/bin/masthead"),
        std::fs::Permissions::from_mode(0o4755),
    )
    .unwrap();
    std::fs::write(dir.join("icon.png"), b"png").unwrap();
    symlink("icon.png", dir.join(".DirIcon")).unwrap();
}

#[test]
fn the_image_starts_where_the_elf_ends() {
    let me = std::env::current_exe().unwrap();
    let len = std::fs::metadata(&me).unwrap().len();
    assert_eq!(image_offset(&me).unwrap(), len);
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("not-elf");
    std::fs::write(&text, [b'#'; 64]).unwrap();
    assert!(
        image_offset(&text)
            .unwrap_err()
            .contains("not a 64-bit little-endian ELF")
    );
}

#[test]
fn unpacking_gives_back_the_appdir_with_its_modes_and_links_but_no_set_id_bit() {
    let dir = tempfile::tempdir().unwrap();
    let tree = dir.path().join("AppDir");
    sample_tree(&tree);
    let (appimage, runtime_len) = appimage_of(&tree, dir.path());
    assert_eq!(image_offset(&appimage).unwrap(), runtime_len);

    let out = dir.path().join("out");
    unpack(&appimage, runtime_len, &out).unwrap();
    for file in ["AppRun", "usr/bin/masthead", "icon.png"] {
        assert_eq!(
            std::fs::read(out.join(file)).unwrap(),
            std::fs::read(tree.join(file)).unwrap(),
            "{file}"
        );
    }
    let mode = |p: &str| std::fs::metadata(out.join(p)).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode("AppRun"), 0o755);
    assert_eq!(
        mode("usr/bin/masthead"),
        0o755,
        "the set-uid bit is dropped"
    );
    assert_eq!(
        std::fs::read_link(out.join(".DirIcon")).unwrap(),
        Path::new("icon.png")
    );
}

#[test]
fn a_build_is_unpacked_once_and_a_new_build_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let tree = dir.path().join("AppDir");
    sample_tree(&tree);
    let (appimage, offset) = appimage_of(&tree, dir.path());
    let cache = dir.path().join("cache");
    // What a start stopped halfway left (its process gone) is cleared.
    let abandoned = cache.join(".unpacking-4294967295");
    std::fs::create_dir_all(&abandoned).unwrap();
    let first = unpacked(&cache, &appimage, offset).unwrap();
    assert!(!abandoned.exists());
    assert!(first.starts_with(&cache) && first.join("AppRun").exists());
    // Marked, so a second start finds it and does not unpack again.
    std::fs::write(first.join("marker"), "kept").unwrap();
    let again = unpacked(&cache, &appimage, offset).unwrap();
    assert_eq!(again, first);
    assert!(again.join("marker").exists());
    // Nothing half-made is left beside it.
    let names: Vec<_> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");

    // A file with no image after the runtime says so.
    let bare = dir.path().join("Bare.AppImage");
    std::fs::copy(std::env::current_exe().unwrap(), &bare).unwrap();
    let err = unpacked(&cache, &bare, image_offset(&bare).unwrap()).unwrap_err();
    assert!(
        err.contains("cannot read the image") || err.contains("no squashfs image"),
        "{err}"
    );
}

/// A folder that is a link in the image is unpacked as that link, and a
/// path through it (which mksquashfs cannot make, but a crafted image
/// could) is seen as one.
#[test]
fn a_linked_folder_stays_a_link_and_paths_through_it_are_seen() {
    let dir = tempfile::tempdir().unwrap();
    let tree = dir.path().join("AppDir");
    std::fs::create_dir_all(&tree).unwrap();
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    symlink(&outside, tree.join("usr")).unwrap();
    std::fs::write(tree.join("AppRun"), b"#!/bin/sh\n").unwrap();
    let (appimage, offset) = appimage_of(&tree, dir.path());
    let out = dir.path().join("out");
    unpack(&appimage, offset, &out).unwrap();
    assert!(
        std::fs::symlink_metadata(out.join("usr"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(through_link(&out, Path::new("usr/bin/masthead")));
    assert!(
        !through_link(&out, Path::new("usr")),
        "the link itself is not through one"
    );
    assert!(!through_link(&out, Path::new("AppRun")));
}

#[test]
fn no_path_in_an_image_leaves_the_folder() {
    assert_eq!(
        inside(Path::new("/usr/bin/masthead")),
        Some(PathBuf::from("usr/bin/masthead"))
    );
    assert_eq!(inside(Path::new("/")), Some(PathBuf::new()));
    assert_eq!(inside(Path::new("/usr/../../etc/passwd")), None);
}

/// Two builds made at the same `SOURCE_DATE_EPOCH` whose only difference
/// is a byte are still told apart (the image is small, so all of it is in
/// the digest; a large one's is sampled, every MiB); an image cut short
/// is said to be.
#[test]
fn builds_that_differ_only_in_a_byte_have_different_keys() {
    let dir = tempfile::tempdir().unwrap();
    let key_of = |name: &str, byte: u8| {
        let tree = dir.path().join(name);
        sample_tree(&tree);
        let mut bytes = std::fs::read(tree.join("usr/bin/masthead")).unwrap();
        bytes[1000] = byte;
        std::fs::write(tree.join("usr/bin/masthead"), bytes).unwrap();
        let into = dir.path().join(format!("{name}-out"));
        std::fs::create_dir_all(&into).unwrap();
        let (appimage, offset) = appimage_of(&tree, &into);
        build_key(&appimage, offset).unwrap()
    };
    let (a, b) = (key_of("a", 1), key_of("b", 2));
    assert_ne!(a, b);
    // "mkfs-time-size-digest"
    assert_eq!(a.split('-').count(), 3, "{a}");

    let tree = dir.path().join("c");
    sample_tree(&tree);
    let (appimage, offset) = appimage_of(&tree, dir.path());
    // Its superblock there, most of the rest missing.
    let cut = std::fs::OpenOptions::new()
        .write(true)
        .open(&appimage)
        .unwrap();
    cut.set_len(offset + 1000).unwrap();
    let err = build_key(&appimage, offset).unwrap_err();
    assert!(err.contains("is the download complete?"), "{err}");
}

/// A build no start has used for a while goes when another is started;
/// one used lately, and the current one, stay.
#[test]
fn builds_unused_for_a_month_are_removed_by_a_newer_start() {
    let cache = tempfile::tempdir().unwrap();
    let build = |name: &str, days_ago: u64| {
        let dir = cache.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("AppRun"), "#!/bin/sh\n").unwrap();
        let started = File::create(dir.join(".started")).unwrap();
        let then =
            std::time::SystemTime::now() - std::time::Duration::from_secs(days_ago * 24 * 3600);
        started.set_modified(then).unwrap();
        dir
    };
    let old = build("old", 40);
    let recent = build("recent", 3);
    let current = build("current", 90);
    // Not a build (no AppRun): never touched.
    let other = cache.path().join("notes");
    std::fs::create_dir_all(&other).unwrap();
    forget_unused(cache.path(), &current, UNUSED_FOR);
    assert!(!old.exists());
    assert!(recent.exists() && current.exists() && other.exists());
    // The current one is marked as started now.
    let started = std::fs::metadata(current.join(".started"))
        .unwrap()
        .modified()
        .unwrap();
    assert!(started.elapsed().unwrap() < std::time::Duration::from_secs(60));
}
