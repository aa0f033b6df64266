//! One module per content kind, each `read → check → model types`: its
//! source files read (through `crate::read`), every problem collected with
//! file and field, and what the later stages need built. The next kind is one
//! new file beside these.

pub mod articles;
pub mod consultations;
pub mod documents;
pub mod notice;
pub mod office;
pub mod press_office;
pub mod questions;
pub mod schedule;
