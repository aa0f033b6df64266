//! Comments on drafts and citizens' questions against a real `portal-counter`
//! process: checked, stored, looked up, exported, deleted, bounded, durable.

mod common;

use common::{Server, citizens};

#[test]
fn comments_and_questions_are_checked_stored_looked_up_and_exported() {
    citizens::comments_and_questions_are_checked_stored_looked_up_and_exported(Server::start);
}

#[test]
fn a_flood_from_one_address_is_bounded_and_others_still_get_through() {
    citizens::a_flood_from_one_address_is_bounded_and_others_still_get_through(Server::start);
}

#[test]
fn a_killed_function_keeps_every_acknowledged_submission() {
    citizens::a_killed_function_keeps_every_acknowledged_submission(Server::start);
}

#[test]
fn staff_read_and_delete_on_the_command_line() {
    let site = citizens::Site::new();
    let server = site.start(Server::start, &[]);
    let reply = common::send(
        &common::agent(),
        "POST",
        &format!("{}/v1/comments", server.url),
        Some(&citizens::comment_body("/du-thao/quy-che-mo", "Đề nghị giữ nguyên Điều 2.")),
        &[("Origin", citizens::PORTAL)],
    )
    .unwrap();
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    let id = reply.body["id"].as_str().unwrap().to_string();
    let tool = |args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_portal-counter"))
            .args(args)
            .arg("--db")
            .arg(&server.db)
            .output()
            .unwrap();
        (output.status.success(), String::from_utf8(output.stdout).unwrap())
    };
    let (ok, csv) = tool(&["comments", "--csv", "--path", "/du-thao/quy-che-mo"]);
    assert!(ok);
    let rows = common::suites::parse_csv(&csv);
    assert_eq!((rows.len(), rows[1][6].as_str()), (2, "Đề nghị giữ nguyên Điều 2."));
    assert_eq!(tool(&["delete-comment", &id]), (true, format!("Đã xoá góp ý {id}.\n")));
    assert!(!tool(&["delete-comment", &id]).0, "a second deletion finds nothing");
    assert_eq!(tool(&["comments"]).1.trim(), "[]");
}
