//! A draft read and turned into text before the store is taken, as it
//! crosses to the store process; and two versions' texts compared outside it.

use super::*;

/// A file read and turned into text, ready to submit. Making one is the
/// slow part (reading up to 25 MB, unpacking, parsing); it touches no
/// database, so callers do it before they take the store.
///
/// It crosses to the app's store process as the file and its text: the
/// format, size and SHA-256 are worked out again there from the name and
/// the bytes, so what is stored about the file is what the file is.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "PreparedWire", into = "PreparedWire")]
pub struct PreparedDraft {
    pub(super) upload: Upload,
    pub(super) extracted: Extracted,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct PreparedWire {
    name: String,
    #[serde(with = "crate::base64_bytes")]
    bytes: Vec<u8>,
    text: String,
    markdown: String,
    words: u32,
}

impl From<PreparedDraft> for PreparedWire {
    fn from(p: PreparedDraft) -> Self {
        PreparedWire {
            name: p.upload.name,
            bytes: p.upload.bytes,
            text: p.extracted.text,
            markdown: p.extracted.markdown,
            words: p.extracted.words,
        }
    }
}

impl TryFrom<PreparedWire> for PreparedDraft {
    type Error = String;

    fn try_from(w: PreparedWire) -> std::result::Result<Self, String> {
        let format = masthead_text::Format::of_name(&w.name)
            .ok_or_else(|| format!("{} is not a kind of draft Masthead reads", w.name))?;
        let extracted = Extracted {
            format,
            document: masthead_text::Document::default(),
            sha256: masthead_text::sha256_hex(&w.bytes),
            size: w.bytes.len() as u64,
            text: w.text,
            markdown: w.markdown,
            words: w.words,
        };
        Ok(PreparedDraft {
            upload: Upload {
                name: w.name,
                bytes: w.bytes,
            },
            extracted,
        })
    }
}

impl PreparedDraft {
    /// Reads the file at `path`: refused when it is gone, a folder, over
    /// 25 MB, or not a draft Masthead can read.
    pub fn read(path: &Path) -> Result<PreparedDraft> {
        PreparedDraft::new(masthead_text::read_file(path)?)
    }

    pub fn new(upload: Upload) -> Result<PreparedDraft> {
        let extracted = extract(&upload)?;
        Ok(PreparedDraft { upload, extracted })
    }

    pub fn words(&self) -> u32 {
        self.extracted.words
    }

    /// The file's size in bytes.
    pub fn size(&self) -> u64 {
        self.upload.bytes.len() as u64
    }
}

/// Two versions' texts, read from the store, to compare outside it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct DiffInputs {
    pub(super) from: Draft,
    pub(super) to: Draft,
    pub(super) old: String,
    pub(super) new: String,
}

impl DiffInputs {
    /// Compares the two texts word by word (up to about a second for very
    /// long, very different texts).
    pub fn compare(self) -> DraftDiff {
        let mut words_added = 0;
        let mut words_removed = 0;
        let parts = diff_words(&self.old, &self.new)
            .into_iter()
            .map(|p| {
                let tag = match p.tag {
                    TextTag::Same => DiffTag::Same,
                    TextTag::Added => {
                        words_added += count_words(&p.text);
                        DiffTag::Added
                    }
                    TextTag::Removed => {
                        words_removed += count_words(&p.text);
                        DiffTag::Removed
                    }
                };
                DiffPart { tag, text: p.text }
            })
            .collect();
        DraftDiff {
            from: self.from,
            to: self.to,
            parts,
            words_added,
            words_removed,
        }
    }
}
