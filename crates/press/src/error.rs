use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in one source file, precise enough for the author to fix it
/// without reading code: which file, which field, where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: PathBuf,
    /// Dotted path of the field (`cover.alt`), when the problem belongs to one.
    pub field: Option<String>,
    /// 1-based line and column, for JSON syntax errors.
    pub position: Option<(usize, usize)>,
    pub reason: String,
}

impl ContentError {
    pub fn new(file: &Path, field: Option<&str>, reason: impl Into<String>) -> Self {
        Self { file: file.to_path_buf(), field: field.map(str::to_string), position: None, reason: reason.into() }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// Everything that stops a build. Content errors are all collected so that
/// one run shows every broken file.
#[derive(Debug)]
pub enum Error {
    Content(Vec<ContentError>),
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file a later stage reads or writes that is not as it must be (trunk's
    /// `index.html` without the block the static pages fill, a published file
    /// that does not parse): the file, and why.
    Step {
        file: PathBuf,
        reason: String,
    },
}

impl Error {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io { path: path.to_path_buf(), source }
    }

    pub fn step(file: &Path, reason: impl Into<String>) -> Self {
        Error::Step { file: file.to_path_buf(), reason: reason.into() }
    }

    pub fn content_errors(&self) -> &[ContentError] {
        match self {
            Error::Content(errors) => errors,
            Error::Io { .. } | Error::Step { .. } => &[],
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Content(errors) => {
                writeln!(f, "{} problem(s) in the content; nothing was published:", errors.len())?;
                for error in errors {
                    writeln!(f, "  {error}")?;
                }
                Ok(())
            }
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Step { file, reason } => write!(f, "{}: {reason}", file.display()),
        }
    }
}

impl std::error::Error for Error {}
