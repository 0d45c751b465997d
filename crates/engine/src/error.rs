//! What can be wrong with a corpus, as values with messages a user can act on.
//!
//! Every [`CorpusError`] names the file (or folder) it is about, the line where there is one,
//! what is wrong and how to fix it. Its `Display` is the whole message, ready to print.

use std::fmt;

/// One problem with one file (or with the corpus folder as a whole).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusError {
    /// The file name (or folder, for [`Problem::EmptyCorpus`]) as the user knows it.
    pub file: String,
    /// 1-based line number in that file, where the problem sits on one line.
    pub line: Option<usize>,
    /// What is wrong.
    pub problem: Problem,
}

/// The kinds of problem, each with what the message needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The file is neither `.md` nor `.txt`.
    Unsupported {
        /// The extension found, without its dot (empty when there is none).
        extension: String,
    },
    /// The bytes are not UTF-8 (the line is the first bad one).
    InvalidUtf8,
    /// A `---` front-matter block was opened and never closed.
    UnclosedFrontMatter,
    /// The front matter is not valid YAML of the expected shape.
    MalformedFrontMatter {
        /// What the YAML parser said.
        reason: String,
    },
    /// A Markdown file without a `title` (or with an empty one).
    MissingTitle,
    /// No text outside the front matter.
    EmptyDocument,
    /// Two files with the same stem, which is the document id.
    DuplicateId {
        /// The id both files have.
        id: String,
        /// The other file with that id.
        other: String,
    },
    /// A reader's file whose document the page already shows word for word (title, metadata
    /// and text), under the id `id`: adding it again would count its passages twice.
    AlreadyOpen {
        /// The id the page shows it under.
        id: String,
    },
    /// The folder holds no document at all.
    EmptyCorpus,
    /// The file or folder could not be read (missing, no permission, a directory where a file
    /// was expected); `reason` is the operating system's word for it.
    Unreadable {
        /// The operating system's word for it.
        reason: String,
    },
}

impl CorpusError {
    /// A problem with `file`, at `line` when it has one.
    pub fn new(file: &str, line: Option<usize>, problem: Problem) -> Self {
        CorpusError { file: file.to_string(), line, problem }
    }
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": ")?;
        match &self.problem {
            Problem::Unsupported { extension } if extension.is_empty() => write!(
                f,
                "unsupported file (no extension). Fix: rename it to .md (Markdown with front matter) or .txt (plain text), or move it out of the corpus folder."
            ),
            Problem::Unsupported { extension } => write!(
                f,
                "unsupported file type `.{extension}`. Fix: convert it to .md (Markdown with front matter) or .txt (plain text), or move it out of the corpus folder."
            ),
            Problem::InvalidUtf8 => write!(
                f,
                "the file is not valid UTF-8 text. Fix: re-save it as UTF-8 (most editors offer \"Save with encoding\")."
            ),
            Problem::UnclosedFrontMatter => write!(
                f,
                "the front matter opened with `---` is never closed. Fix: add a line with just `---` after the last metadata line."
            ),
            // Most reasons carry their own fix; one fix is what a reader should read.
            Problem::MalformedFrontMatter { reason } if reason.contains("Fix: ") => write!(f, "malformed front matter: {reason}."),
            Problem::MalformedFrontMatter { reason } => write!(
                f,
                "malformed front matter: {reason}. Fix: write one `key: value` per line (keys: title, author, date, source, url, attribution); quote values that contain `: ` or start with a quote mark."
            ),
            Problem::MissingTitle => write!(
                f,
                "the document has no title. Fix: add `title: Your title` to the front matter between the `---` lines."
            ),
            Problem::EmptyDocument => write!(
                f,
                "the document has no text. Fix: add its text, or remove the file from the corpus folder."
            ),
            Problem::DuplicateId { id, other } => write!(
                f,
                "the id `{id}` is already used by {other} (a document's id is its file name without the extension). Fix: rename one of the two files."
            ),
            Problem::AlreadyOpen { id } => write!(
                f,
                "the same document is already open as `{id}`, word for word, so it was not added twice. Fix: none needed; to open a changed version, save the file first."
            ),
            Problem::EmptyCorpus => write!(
                f,
                "the corpus has no documents. Fix: add .md or .txt files to this folder, or point LECTERN_CORPUS at the folder that holds them."
            ),
            Problem::Unreadable { reason } => write!(
                f,
                "cannot be read ({reason}). Fix: check that the path exists and is readable; a corpus is one folder of .md and .txt files, without subfolders."
            ),
        }
    }
}

impl std::error::Error for CorpusError {}
