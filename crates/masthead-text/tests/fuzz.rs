//! A fuzz target for the draft importers, on the stable toolchain: the real
//! fixtures (`tests/fixtures/drafts`) are the corpus; each run mutates them
//! (bytes flipped, cut, repeated; inside .docx/.odt the XML parts mutated and
//! zipped again, so the XML readers are reached, not only the ZIP check) and
//! gives each to `extract` as every format. Every input must come back as
//! text or as an `ImportError` in words: a panic, or an input taking over
//! twenty seconds (a hang, not a slow machine), fails the run and is saved under
//! `target/fuzz-findings/` to replay.
//!
//! `MASTHEAD_FUZZ_SECONDS` (default 10) bounds the run; `MASTHEAD_FUZZ_SEED`
//! repeats one. See docs/fuzzing.md.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use masthead_text::{Upload, extract};

/// xorshift64*: small, fast, and the same sequence for the same seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/drafts");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name() != "README.md" && e.path().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the corpus is the fixtures");
    files
}

/// Tokens that matter to the parsers, spliced in by the mutator.
const TOKENS: &[&[u8]] = &[
    b"<w:p>",
    b"</w:p>",
    b"<w:t>",
    b"<w:numPr><w:ilvl w:val=\"9\"/><w:numId w:val=\"99\"/></w:numPr>",
    b"<text:list>",
    b"<text:h text:outline-level=\"999\">",
    b"&amp;",
    b"&bogus;",
    b"<![CDATA[",
    b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]>",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\x00",
    b"\r\n",
    b"# ",
    b"* ",
    b"[link](",
    b"```",
    b"| a | b |\n|---|---|\n",
];

fn mutate_bytes(rng: &mut Rng, data: &mut Vec<u8>) {
    for _ in 0..=rng.below(8) {
        match rng.below(7) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] = rng.next() as u8;
            }
            2 => {
                let cut = rng.below(data.len() + 1);
                data.truncate(cut);
            }
            3 if !data.is_empty() => {
                let from = rng.below(data.len());
                let len = rng.below((data.len() - from).min(256) + 1);
                let piece: Vec<u8> = data[from..from + len].to_vec();
                let at = rng.below(data.len() + 1);
                for _ in 0..=rng.below(4) {
                    data.splice(at..at, piece.iter().copied());
                }
            }
            4 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                let at = rng.below(data.len() + 1);
                data.splice(at..at, token.iter().copied());
            }
            5 if !data.is_empty() => {
                let from = rng.below(data.len());
                let len = rng.below((data.len() - from).min(64) + 1);
                data.drain(from..from + len);
            }
            _ => {}
        }
    }
}

/// Unzips, mutates one or more parts, zips again (stored or deflated).
fn mutate_zip(rng: &mut Rng, data: &[u8]) -> Option<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(data)).ok()?;
    let mut parts = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).ok()?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).ok()?;
        parts.push((file.name().ok()?.into_owned(), bytes));
    }
    let xml: Vec<usize> = (0..parts.len())
        .filter(|&i| parts[i].0.ends_with(".xml"))
        .collect();
    for _ in 0..=rng.below(2) {
        if let Some(&i) = xml.get(rng.below(xml.len())) {
            mutate_bytes(rng, &mut parts[i].1);
        }
    }
    if rng.below(10) == 0 && !parts.is_empty() {
        parts.remove(rng.below(parts.len()));
    }
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let method = if rng.below(2) == 0 {
        zip::CompressionMethod::Stored
    } else {
        zip::CompressionMethod::Deflated
    };
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, bytes) in parts {
        out.start_file(name, options).ok()?;
        out.write_all(&bytes).ok()?;
    }
    Some(out.finish().ok()?.into_inner())
}

const NAMES: &[&str] = &["draft.docx", "draft.odt", "draft.md", "draft.txt"];

fn save_finding(name: &str, bytes: &[u8], why: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/fuzz-findings");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!(
        "{}-{name}",
        masthead_text::sha256_hex(bytes).get(..12).unwrap_or("x")
    ));
    let _ = std::fs::write(&path, bytes);
    eprintln!("fuzz finding ({why}): {}", path.display());
    path
}

#[test]
fn every_mutated_draft_is_text_or_a_refusal_in_words() {
    let seconds: u64 = std::env::var("MASTHEAD_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let seed: u64 = std::env::var("MASTHEAD_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1)
        })
        | 1;
    let corpus = corpus();
    let mut rng = Rng(seed);
    let until = Instant::now() + Duration::from_secs(seconds);
    let (mut runs, mut accepted, mut refused) = (0u64, 0u64, 0u64);
    let mut slowest = Duration::ZERO;
    // Every fixture as it is, first.
    let mut queue: Vec<(String, Vec<u8>)> = corpus.clone();
    while Instant::now() < until || !queue.is_empty() {
        let (source, bytes) = match queue.pop() {
            Some(item) => item,
            None => {
                let (name, original) = &corpus[rng.below(corpus.len())];
                let zipped = name.ends_with(".docx") || name.ends_with(".odt");
                let bytes = if zipped && rng.below(3) != 0 {
                    mutate_zip(&mut rng, original).unwrap_or_else(|| original.clone())
                } else {
                    let mut b = original.clone();
                    mutate_bytes(&mut rng, &mut b);
                    b
                };
                (name.clone(), bytes)
            }
        };
        // As its own format mostly, sometimes as another.
        let name = if rng.below(4) == 0 {
            NAMES[rng.below(NAMES.len())].to_owned()
        } else {
            source
        };
        let upload = Upload {
            name: name.clone(),
            bytes,
        };
        let started = Instant::now();
        let outcome = std::panic::catch_unwind(|| extract(&upload));
        let took = started.elapsed();
        slowest = slowest.max(took);
        runs += 1;
        match outcome {
            Ok(Ok(doc)) => {
                accepted += 1;
                assert!(!doc.text.trim().is_empty(), "accepted without text");
                // What the app shows of it: only the renderer's own tags.
                let shown =
                    std::panic::catch_unwind(|| masthead_text::markdown_html(&doc.markdown))
                        .unwrap_or_else(|_| {
                            let path = save_finding(&name, &upload.bytes, "panic-html");
                            panic!(
                                "markdown_html panicked on {name} (seed {seed}): {}",
                                path.display()
                            )
                        });
                for tag in shown.split('<').skip(1) {
                    let tag = tag.split(['>', ' ']).next().unwrap_or("");
                    assert!(
                        masthead_text::HTML_TAGS.contains(&tag.trim_start_matches('/')),
                        "<{tag}> shown from {name} (seed {seed})"
                    );
                }
            }
            Ok(Err(e)) => {
                refused += 1;
                let said = e.to_string();
                assert!(!said.is_empty() && said.len() < 2_000, "{said}");
            }
            Err(_) => {
                let path = save_finding(&name, &upload.bytes, "panic");
                panic!(
                    "extract panicked on {} (seed {seed}); replay it from {}",
                    name,
                    path.display()
                );
            }
        }
        if took > Duration::from_secs(20) {
            let path = save_finding(&name, &upload.bytes, "slow");
            panic!("{name} took {took:?} (seed {seed}): {}", path.display());
        }
    }
    eprintln!(
        "fuzz: seed {seed}, {runs} executions in {seconds} s ({accepted} read, {refused} refused), slowest {slowest:?}"
    );
    assert!(runs > 100, "too few executions to mean anything: {runs}");
    assert!(accepted > 0 && refused > 0);
}
