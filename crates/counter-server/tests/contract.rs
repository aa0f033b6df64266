//! The HTTP contract against a real `portal-counter` process: what is
//! counted, what is refused (and changes nothing), CORS.

mod common;

use common::{Server, suites};

#[test]
fn a_hit_is_counted_once_and_answers_with_the_figures() {
    suites::a_hit_is_counted_once_and_answers_with_the_figures(Server::start);
}

#[test]
fn bad_requests_get_a_json_error_and_change_no_count() {
    suites::bad_requests_get_a_json_error_and_change_no_count(Server::start);
}

#[test]
fn bots_see_the_figures_but_are_not_counted() {
    suites::bots_see_the_figures_but_are_not_counted(Server::start);
}

#[test]
fn cors_allows_the_configured_origin_only() {
    suites::cors_allows_the_configured_origin_only(Server::start);
}
