//! A document package (.docx, .odt) opened as a hostile ZIP: by the `zip`
//! crate, each part read through a cap on what it may unpack to.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use crate::error::ImportError;
use crate::{MAX_RATIO, MAX_UNPACKED_BYTES};

/// The signature of an OLE compound file: Word 97–2003, and also what
/// Word and LibreOffice wrap a password-protected .docx in.
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// A part may take this much whatever its packed size.
const FREE_BYTES: u64 = 1024 * 1024;

pub(crate) struct Package<'a> {
    name: &'a str,
    archive: ZipArchive<Cursor<&'a [u8]>>,
    unpacked: u64,
    /// The most all parts may unpack to.
    limit: u64,
}

impl<'a> Package<'a> {
    /// Opens `bytes` as a ZIP package of the `kind` the name promised.
    pub(crate) fn open(
        name: &'a str,
        bytes: &'a [u8],
        kind: &'static str,
    ) -> Result<Package<'a>, ImportError> {
        if bytes.starts_with(OLE_MAGIC) {
            return Err(if contains_utf16(bytes, "EncryptionInfo") {
                ImportError::Encrypted {
                    name: name.to_owned(),
                }
            } else if kind == "Word document" {
                ImportError::LegacyWord {
                    name: name.to_owned(),
                }
            } else {
                ImportError::NotZip {
                    name: name.to_owned(),
                    kind,
                }
            });
        }
        if !bytes.starts_with(b"PK") {
            return Err(ImportError::NotZip {
                name: name.to_owned(),
                kind,
            });
        }
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(name, &e))?;
        Ok(Package {
            name,
            archive,
            unpacked: 0,
            limit: MAX_UNPACKED_BYTES,
        })
    }

    /// The text of a part, or `None` when the package has no such part.
    pub(crate) fn part(&mut self, part: &str) -> Result<Option<String>, ImportError> {
        let name = self.name;
        let mut file = match self.archive.by_name(part) {
            Ok(f) => f,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(corrupt(name, &e)),
        };
        if file.encrypted() {
            return Err(ImportError::Encrypted {
                name: name.to_owned(),
            });
        }
        let left = self.limit.saturating_sub(self.unpacked);
        let by_ratio = FREE_BYTES.max(file.compressed_size().saturating_mul(MAX_RATIO));
        let cap = left.min(by_ratio);
        let mut bytes = Vec::new();
        (&mut file)
            .take(cap + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| ImportError::CorruptZip {
                name: name.to_owned(),
                reason: format!("{part}: {e}"),
            })?;
        if bytes.len() as u64 > cap {
            let limit = if cap == left {
                format!("{} MB in all", self.limit / (1024 * 1024))
            } else {
                format!("{MAX_RATIO} times its packed size")
            };
            return Err(ImportError::Bomb {
                name: name.to_owned(),
                limit,
            });
        }
        self.unpacked += bytes.len() as u64;
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| ImportError::BadXml {
                name: name.to_owned(),
                part: part.to_owned(),
                reason: "it is not UTF-8 text".into(),
            })
    }

    /// Lowers the cap on all parts together (tests reach it without
    /// building 64 MB).
    #[cfg(test)]
    pub(crate) fn with_limit(mut self, limit: u64) -> Self {
        self.limit = limit;
        self
    }

    /// A part the document cannot be without.
    pub(crate) fn required(&mut self, part: &str) -> Result<String, ImportError> {
        self.part(part)?.ok_or_else(|| ImportError::MissingPart {
            name: self.name.to_owned(),
            part: part.to_owned(),
        })
    }
}

fn corrupt(name: &str, e: &ZipError) -> ImportError {
    match e {
        ZipError::UnsupportedArchive(m) if *m == ZipError::PASSWORD_REQUIRED => {
            ImportError::Encrypted {
                name: name.to_owned(),
            }
        }
        ZipError::InvalidPassword => ImportError::Encrypted {
            name: name.to_owned(),
        },
        other => ImportError::CorruptZip {
            name: name.to_owned(),
            reason: other.to_string(),
        },
    }
}

fn contains_utf16(bytes: &[u8], text: &str) -> bool {
    let needle: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}
