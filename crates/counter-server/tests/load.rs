//! Concurrency and durability against a real `portal-counter` process.

mod common;

use common::{Server, suites};

#[test]
fn sixty_four_clients_get_exactly_the_reference_counts() {
    suites::sixty_four_clients_get_exactly_the_reference_counts(Server::start);
}

#[test]
fn a_killed_server_keeps_every_acknowledged_hit_and_replay_lands_exactly() {
    suites::a_killed_server_keeps_every_acknowledged_hit_and_replay_lands_exactly(Server::start);
}
