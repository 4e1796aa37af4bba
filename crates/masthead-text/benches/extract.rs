//! `cargo bench -p masthead-text --bench extract`: extracting a 1 MB .docx
//! (about 360,000 words of generated prose that packs as
//! real prose does), against
//! a baseline in the same run: unpacking its document part and reading its
//! XML events without building anything.

use std::hint::black_box;
use std::io::{Cursor, Read, Write};
use std::time::{Duration, Instant};

use masthead_text::{Upload, extract};

const SYLLABLES: &[&str] = &[
    "lee", "ds", "dort", "mund", "coun", "cil", "part", "ner", "ship", "me", "mo", "ran", "dum",
    "un", "der", "stand", "ing", "cli", "mate", "eco", "nom", "ic", "health", "well", "be", "cit",
    "ies", "res", "i", "dent", "hous", "train", "lead", "pan", "dem", "co", "op", "er", "a",
    "tion", "bud", "get", "plan", "ning", "care", "so", "cial", "pub", "lic", "sec", "tor",
];

/// A vocabulary of 4,000 made-up words, so the text packs about as well
/// as real prose does (Word's document part packs 3–5 times).
fn vocabulary(next: &mut impl FnMut() -> u64) -> Vec<String> {
    (0..4000)
        .map(|_| {
            let n = 1 + next() % 4;
            (0..n)
                .map(|_| SYLLABLES[(next() % SYLLABLES.len() as u64) as usize])
                .collect()
        })
        .collect()
}

fn generated_docx(target_bytes: usize) -> Vec<u8> {
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let words = vocabulary(&mut next);
    let mut body = String::new();
    let mut packed = Vec::new();
    while packed.len() < target_bytes {
        for _ in 0..2000 {
            body.push_str("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>");
            for _ in 0..(3 + next() % 3) {
                body.push_str(
                    "<w:r><w:rPr><w:lang w:val=\"en-GB\"/></w:rPr><w:t xml:space=\"preserve\">",
                );
                for _ in 0..(4 + next() % 8) {
                    // Common words more often: the square of a uniform pick.
                    let r = (next() % 4000) as usize;
                    body.push_str(&words[r * r / 4000]);
                    body.push(' ');
                }
                body.push_str("</w:t></w:r>");
            }
            body.push_str("</w:p>");
        }
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        let mut out = Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        w.start_file("word/document.xml", options).unwrap();
        w.write_all(xml.as_bytes()).unwrap();
        w.finish().unwrap();
        packed = out.into_inner();
    }
    println!(
        "document part: {:.1} MB of XML packed {:.1} times",
        (body.len() + 200) as f64 / 1048576.0,
        (body.len() + 200) as f64 / packed.len() as f64
    );
    packed
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    let bytes = generated_docx(1024 * 1024);
    let upload = Upload {
        name: "big.docx".into(),
        bytes: bytes.clone(),
    };
    let x = extract(&upload).expect("the generated document reads");
    println!(
        "document: {:.2} MB packed, {} words, {:.1} MB of text",
        bytes.len() as f64 / 1048576.0,
        x.words,
        x.text.len() as f64 / 1048576.0
    );

    let baseline = time(15, || {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).unwrap();
        let mut xml = String::new();
        archive
            .by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut events = 0u64;
        loop {
            match reader.read_event().unwrap() {
                quick_xml::events::Event::Eof => break,
                _ => events += 1,
            }
        }
        black_box(events);
    });
    let full = time(15, || {
        black_box(extract(&upload).unwrap());
    });
    println!(
        "baseline (unzip + XML events): p50 {:.1} ms",
        baseline.as_secs_f64() * 1e3
    );
    println!(
        "extract (text, Markdown, count, SHA-256): p50 {:.1} ms = {:.1}× the baseline",
        full.as_secs_f64() * 1e3,
        full.as_secs_f64() / baseline.as_secs_f64()
    );
}
