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

#[test]
fn ratings_are_checked_replaced_summarised_and_exported() {
    suites::ratings_are_checked_replaced_summarised_and_exported(Server::start);
}

#[test]
fn concurrent_ratings_are_exact() {
    suites::concurrent_ratings_are_exact(Server::start);
}

#[test]
fn a_killed_counter_keeps_every_acknowledged_rating() {
    suites::a_killed_server_keeps_every_acknowledged_rating(Server::start);
}

#[test]
fn the_ratings_export_on_the_command_line_round_trips_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let known = common::known_paths_file(dir.path(), &["/bai-viet/cau-treo"]);
    let server = Server::start(&db, &["--known-paths", &known]);
    let body = serde_json::json!({"visitor": "reader-0000000000000001", "path": "/bai-viet/cau-treo", "score": 4, "comment": suites::COMMENT});
    let reply =
        common::send(&common::agent(), "POST", &format!("{}/v1/rating", server.url), Some(&body.to_string()), &[])
            .unwrap();
    assert_eq!(reply.status, 200);
    // Read beside the running server, as staff would.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_portal-counter"))
        .args(["ratings", "--csv", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let rows = suites::parse_csv(&String::from_utf8(output.stdout).unwrap());
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[1][0].as_str(), rows[1][3].as_str(), rows[1][4].as_str()),
        ("/bai-viet/cau-treo", "4", "Hài lòng")
    );
    assert_eq!(rows[1][5], suites::COMMENT);
}

#[test]
fn staff_figures_are_exact_across_midnight_need_the_token_and_are_pruned() {
    common::staff::staff_figures_are_exact_across_midnight_need_the_token_and_are_pruned(Server::start);
}

#[test]
fn the_staff_figures_on_the_command_line_are_the_endpoints() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite3");
    let known = common::known_paths_file(dir.path(), &["/bai-viet/cau-treo", "/van-ban/12-2025-qd-ubnd"]);
    let server = Server::start(&db, &["--known-paths", &known, "--staff-token", common::staff::TOKEN]);
    for (n, path) in ["/bai-viet/cau-treo", "/bai-viet/cau-treo", "/van-ban/12-2025-qd-ubnd"].iter().enumerate() {
        let body = common::hit_body(&format!("reader-{n:016}"), &format!("cli-hit-{n:016}"), path);
        assert_eq!(
            common::send(&common::agent(), "POST", &format!("{}/v1/hit", server.url), Some(&body), &[]).unwrap().status,
            200
        );
    }
    let bearer = format!("Bearer {}", common::staff::TOKEN);
    let endpoint = common::send(
        &common::agent(),
        "GET",
        &format!("{}/v1/staff/pages.csv?kind=bai-viet", server.url),
        None,
        &[("Authorization", &bearer)],
    )
    .unwrap();
    let run = |args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_portal-counter"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .unwrap();
        (output.status.success(), String::from_utf8(output.stdout).unwrap(), String::from_utf8(output.stderr).unwrap())
    };
    let (ok, cli, _) = run(&["pages", "--kind", "bai-viet", "--csv"]);
    assert!(ok);
    assert_eq!(cli, endpoint.body.as_str().unwrap(), "the CLI prints what the endpoint sends");
    assert_eq!(suites::parse_csv(&cli)[1], ["/bai-viet/cau-treo", "Bài viết", "2"]);
    let (ok, json, _) = run(&["stats"]);
    assert!(ok);
    let figures: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(figures["days"].as_array().unwrap().len(), 30);
    assert_eq!((figures["visits"].as_u64(), figures["views"].as_u64()), (Some(3), Some(3)));
    let (ok, _, error) = run(&["stats", "--from", "30/11/2025"]);
    assert!(!ok);
    assert!(error.contains("`from` must be a date written YYYY-MM-DD"), "{error}");
}
