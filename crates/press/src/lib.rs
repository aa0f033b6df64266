//! The content build: `content/` in, published JSON out. See README.md.

pub mod assemble;
pub mod corpus;
pub mod error;
pub mod index;
pub mod publish;
pub mod render;
pub mod source;
pub mod validate;

use std::path::Path;

pub use error::{ContentError, Error};
pub use publish::Report;

/// Runs every stage. On any error nothing under `out` changes.
pub fn build(content: &Path, out: &Path) -> Result<Report, Error> {
    let sources = source::read(content)?;
    let checked = validate::check(sources)?;
    let published = assemble::assemble(checked);
    publish::publish(&published, out)
}
