//! The portal's pages as components that take their data as props, drawn by
//! the app in the browser and rendered to HTML by the press: one markup for
//! both, so a static page and the app's page cannot say different things.
//!
//! Nothing here fetches, stores or times anything (see README.md).

pub mod article;
/// A list of articles (thumbnail, title, date): the main list of a page, the
/// sidebar's "Tin mới", "Tin khác" under an article.
pub mod article_list;
/// The office's link-preview picture (press-drawn only).
pub mod brand;
pub mod breadcrumb;
pub mod citizens;
pub mod consultations;
pub mod counter;
/// "Số liệu", the staff's dashboard (press-drawn only).
pub mod dashboard;
pub mod documents;
pub mod head;
pub mod home;
pub mod layout;
pub mod listen;
/// A paged listing page (a category, "Tin mới"): its frame, title and pages,
/// around an [`article_list`].
pub mod listing_page;
pub mod office;
pub mod offline;
pub mod page;
pub mod pagination;
pub mod picture;
pub mod press_office;
pub mod questions;
pub mod rating;
pub mod schedule;
pub mod search;
pub mod share;
pub mod staff;
pub mod states;
pub mod text_size;
pub mod theme;
