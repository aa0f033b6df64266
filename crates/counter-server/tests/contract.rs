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

#[test]
fn hostile_clients_cannot_grow_the_store() {
    suites::hostile_clients_cannot_grow_the_store_and_honest_readers_still_count(Server::start);
}

#[test]
fn reads_the_known_paths_again_when_they_change() {
    suites::the_known_paths_are_read_again_when_they_change(Server::start);
}
