//! The same contract and the same 64-client load against the Cloudflare
//! Worker, run by workerd on loopback. They need the Worker built by
//! worker-build and workerd from npm, so plain `cargo test` skips them;
//! `cargo xtask test` builds both and runs them with `--ignored`.

mod common;

use common::{Server, suites};

#[test]
#[ignore = "needs the built Worker and workerd: cargo xtask test runs it"]
fn worker_counts_a_hit_once() {
    suites::a_hit_is_counted_once_and_answers_with_the_figures(Server::start_worker);
}

#[test]
#[ignore = "needs the built Worker and workerd: cargo xtask test runs it"]
fn worker_refuses_bad_requests_without_counting() {
    suites::bad_requests_get_a_json_error_and_change_no_count(Server::start_worker);
}

#[test]
#[ignore = "needs the built Worker and workerd: cargo xtask test runs it"]
fn worker_answers_bots_without_counting() {
    suites::bots_see_the_figures_but_are_not_counted(Server::start_worker);
}

#[test]
#[ignore = "needs the built Worker and workerd: cargo xtask test runs it"]
fn worker_cors_allows_the_configured_origin_only() {
    suites::cors_allows_the_configured_origin_only(Server::start_worker);
}

#[test]
#[ignore = "needs the built Worker and workerd: cargo xtask test runs it"]
fn worker_sixty_four_clients_get_exactly_the_reference_counts() {
    suites::sixty_four_clients_get_exactly_the_reference_counts(Server::start_worker);
}

#[test]
#[ignore = "needs the built Worker and workerd: cargo xtask test runs it"]
fn worker_killed_keeps_every_acknowledged_hit_and_replay_lands_exactly() {
    suites::a_killed_server_keeps_every_acknowledged_hit_and_replay_lands_exactly(Server::start_worker);
}

#[test]
#[ignore = "needs the built Worker and workerd: cargo xtask test runs it"]
fn worker_hostile_clients_cannot_grow_the_store() {
    suites::hostile_clients_cannot_grow_the_store_and_honest_readers_still_count(Server::start_worker);
}

#[test]
#[ignore = "needs the built Worker and workerd: cargo xtask test runs it"]
fn worker_reads_the_known_paths_again_when_they_change() {
    suites::the_known_paths_are_read_again_when_they_change(Server::start_worker);
}

#[test]
#[ignore = "needs the built Worker and workerd: cargo xtask test runs it"]
fn worker_ratings_are_checked_replaced_summarised_and_exported() {
    suites::ratings_are_checked_replaced_summarised_and_exported(Server::start_worker);
}

#[test]
#[ignore = "needs the built Worker and workerd: cargo xtask test runs it"]
fn worker_concurrent_ratings_are_exact() {
    suites::concurrent_ratings_are_exact(Server::start_worker);
}

#[test]
#[ignore = "needs the built Worker and workerd: cargo xtask test runs it"]
fn worker_a_killed_counter_keeps_every_acknowledged_rating() {
    suites::a_killed_server_keeps_every_acknowledged_rating(Server::start_worker);
}

#[test]
#[ignore = "needs the built Worker and workerd: cargo xtask test runs it"]
fn worker_comments_and_questions_are_checked_stored_looked_up_and_exported() {
    common::citizens::comments_and_questions_are_checked_stored_looked_up_and_exported(Server::start_worker);
}

#[test]
#[ignore = "needs the built Worker and workerd: cargo xtask test runs it"]
fn worker_a_flood_from_one_address_is_bounded_and_others_still_get_through() {
    common::citizens::a_flood_from_one_address_is_bounded_and_others_still_get_through(Server::start_worker);
}

#[test]
#[ignore = "needs the built Worker and workerd: cargo xtask test runs it"]
fn worker_a_killed_function_keeps_every_acknowledged_submission() {
    common::citizens::a_killed_function_keeps_every_acknowledged_submission(Server::start_worker);
}

#[test]
#[ignore = "needs the built Worker and workerd: cargo xtask test runs it"]
fn worker_staff_figures_are_exact_across_midnight_need_the_token_and_are_pruned() {
    common::staff::staff_figures_are_exact_across_midnight_need_the_token_and_are_pruned(Server::start_worker);
}
