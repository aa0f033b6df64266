//! The portal's pages as components that take their data as props, drawn by
//! the app in the browser and rendered to HTML by the press: one markup for
//! both, so a static page and the app's page cannot say different things.
//!
//! Nothing here fetches, stores or times anything (see README.md).

pub mod article;
pub mod breadcrumb;
pub mod counter;
pub mod home;
pub mod layout;
pub mod listen;
pub mod listing;
pub mod lists;
pub mod offline;
pub mod page;
pub mod pagination;
pub mod picture;
pub mod rating;
pub mod search;
pub mod share;
pub mod states;
pub mod text_size;
pub mod theme;
