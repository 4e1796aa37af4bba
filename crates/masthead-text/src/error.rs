//! Why a file was refused, in words a user can act on. Each message names
//! the file and says what to do next.

/// A file Masthead would not take as a draft. Nothing is stored when one
/// of these is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error(
        "\"{name}\" is no longer at {path}: it was moved, renamed or deleted. Choose the file again."
    )]
    Missing { name: String, path: String },
    #[error("\"{name}\" is a folder, not a file. Choose the draft inside it.")]
    NotAFile { name: String },
    #[error("\"{name}\" could not be read ({reason}). Check you may open it, then try again.")]
    Unreadable { name: String, reason: String },
    #[error("\"{name}\" is empty (0 bytes). Check it is the right file, or ask for it again.")]
    Empty { name: String },
    #[error("\"{name}\" is {} MB; a draft can be at most 25 MB. Save it without images, or as .docx, .md or .txt text, and submit that.", mb(*size))]
    TooLarge { name: String, size: u64 },
    #[error(
        "\"{name}\" is not a kind of file Masthead reads. Submit a Word (.docx), OpenDocument (.odt), Markdown (.md) or text (.txt) file."
    )]
    UnknownType { name: String },
    #[error(
        "\"{name}\" is an old Word 97–2003 document with a .docx name. Open it in Word or LibreOffice, save it as .docx, and submit that."
    )]
    LegacyWord { name: String },
    #[error(
        "\"{name}\" is not a real {kind}: it is not a ZIP package inside (was another file renamed?). Open it in its program, save it as {kind}, and submit that."
    )]
    NotZip { name: String, kind: &'static str },
    #[error(
        "\"{name}\" is damaged or incomplete: its ZIP package cannot be read ({reason}). Ask for the file again."
    )]
    CorruptZip { name: String, reason: String },
    #[error(
        "\"{name}\" has no document inside: {part} is missing. Open it in its program, save it again, and submit that."
    )]
    MissingPart { name: String, part: String },
    #[error(
        "\"{name}\" is damaged: {part} is not well-formed XML ({reason}). Open it in its program, save it again, and submit that."
    )]
    BadXml {
        name: String,
        part: String,
        reason: String,
    },
    #[error(
        "\"{name}\" is protected by a password. Ask for a copy without a password, or remove it (File › Info › Protect document) and submit that."
    )]
    Encrypted { name: String },
    #[error(
        "\"{name}\" unpacks to far more than a document holds (over {limit}). Masthead refuses it as a possible ZIP bomb; ask for the file again."
    )]
    Bomb { name: String, limit: String },
    #[error(
        "\"{name}\" holds binary data, not text{what}. Submit the document itself as .docx, .odt, .md or .txt."
    )]
    Binary { name: String, what: String },
    #[error(
        "\"{name}\" is not UTF-8 text, and does not read as Windows-1252 either. Save it as UTF-8 (Save as… › Encoding › UTF-8) and submit that."
    )]
    BadEncoding { name: String },
    #[error("\"{name}\" has no text in it. Check it is the right file.")]
    NoText { name: String },
}

impl ImportError {
    /// A stable key for the kind of refusal (for the JSON and tests).
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Missing { .. } => "file_missing",
            ImportError::NotAFile { .. } => "not_a_file",
            ImportError::Unreadable { .. } => "file_unreadable",
            ImportError::Empty { .. } => "file_empty",
            ImportError::TooLarge { .. } => "file_too_large",
            ImportError::UnknownType { .. } => "file_type_unknown",
            ImportError::LegacyWord { .. } => "legacy_word",
            ImportError::NotZip { .. } => "not_zip",
            ImportError::CorruptZip { .. } => "zip_corrupt",
            ImportError::MissingPart { .. } => "part_missing",
            ImportError::BadXml { .. } => "xml_malformed",
            ImportError::Encrypted { .. } => "encrypted",
            ImportError::Bomb { .. } => "zip_bomb",
            ImportError::Binary { .. } => "binary",
            ImportError::BadEncoding { .. } => "encoding",
            ImportError::NoText { .. } => "no_text",
        }
    }
}

fn mb(size: u64) -> String {
    format!("{:.1}", size as f64 / (1024.0 * 1024.0))
}
