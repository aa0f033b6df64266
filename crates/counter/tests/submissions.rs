//! The rules of comments and questions on a real SQLite database, with the
//! clock in the test's hands.

use counter::published::{Published, parse_time};
use counter::submissions::{self, Submitted};
use counter::{Config, RateWindows};
use model::submissions::{Comment, Question};
use rusqlite::Connection;

const MINUTE: i64 = 60_000;
const DAY: i64 = 24 * 60 * MINUTE;

fn db() -> Connection {
    let connection = Connection::open_in_memory().unwrap();
    counter::sqlite::create_schema(&connection).unwrap();
    connection
}

fn now() -> i64 {
    parse_time("2026-12-01T09:00:00+07:00").unwrap()
}

fn published() -> Published {
    Published::from_files(
        r#"["/du-thao/mo", "/du-thao/da-dong", "/hoi-dap/dat-dai"]"#,
        Some(r#"[{"path":"/du-thao/mo","closes":"2026-12-10T17:00:00+07:00"}]"#),
        Some(r#"[{"code":"HD-2026-ABCDEFGH","path":"/hoi-dap/dat-dai"}]"#),
        Some(r#"["Đất đai", "Giáo dục"]"#),
    )
    .unwrap()
}

fn comment(path: &str) -> Comment {
    Comment {
        path: path.into(),
        name: "Lò Văn Pấng".into(),
        email: Some("pang@example.org".into()),
        organisation: None,
        content: "=SUM(A1) <script>alert(1)</script> đề nghị sửa Điều 3.".into(),
        consent: true,
        website: None,
    }
}

fn question(topic: &str) -> Question {
    Question {
        name: "Hà Thị Mai".into(),
        contact: Some("0912 345 678".into()),
        topic: topic.into(),
        question: "Thủ tục cấp đổi giấy chứng nhận?".into(),
        consent: true,
        website: None,
    }
}

fn send_comment(db: &mut Connection, c: &Comment, address: &str, at: i64, config: &Config, n: u8) -> Submitted {
    let mut rates = RateWindows::default();
    submissions::record_comment(db, c, address, at, config, &published(), &mut rates, [n; 16]).unwrap()
}

#[test]
fn a_comment_is_taken_only_while_its_draft_is_open() {
    let mut db = db();
    let config = Config::default();
    let taken = send_comment(&mut db, &comment("/du-thao/mo/"), "a", now(), &config, 1);
    assert!(matches!(taken, Submitted::Comment(_)), "{taken:?}");
    let closed_at = parse_time("2026-12-10T17:00:00+07:00").unwrap();
    match send_comment(&mut db, &comment("/du-thao/mo"), "a", closed_at, &config, 2) {
        Submitted::Refused { status: 409, reason } => assert!(reason.contains("17:00 ngày 10/12/2026"), "{reason}"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        send_comment(&mut db, &comment("/du-thao/da-dong"), "a", now(), &config, 3),
        Submitted::Refused { status: 409, .. }
    ));
    assert!(matches!(
        send_comment(&mut db, &comment("/du-thao/khong-co"), "a", now(), &config, 4),
        Submitted::Refused { status: 404, .. }
    ));
    // Stored as typed, under the page's one spelling.
    let stored = submissions::comments(&mut db, Some("/du-thao/mo")).unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].path, "/du-thao/mo");
    assert_eq!(stored[0].content, comment("/x").content);
    assert_eq!(stored[0].at, "2026-12-01T09:00:00+07:00");
    // The export neutralises the formula and keeps the Vietnamese.
    let csv = submissions::comments_csv(&stored);
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains(",'=SUM(A1) <script>alert(1)</script> đề nghị sửa Điều 3.\n"), "{csv}");
}

#[test]
fn an_address_sends_a_few_a_day_and_the_store_stays_bounded() {
    let mut db = db();
    let config = Config {
        max_submissions_per_address_day: 3,
        max_comments_per_consultation: 5,
        max_stored_submissions: 6,
        ..Config::default()
    };
    for n in 0..3 {
        assert!(matches!(
            send_comment(&mut db, &comment("/du-thao/mo"), "x", now(), &config, n),
            Submitted::Comment(_)
        ));
    }
    match send_comment(&mut db, &comment("/du-thao/mo"), "x", now(), &config, 9) {
        // Until midnight in Vietnam: 15 hours after 09:00.
        Submitted::RateLimited { retry_after_secs } => assert_eq!(retry_after_secs, 15 * 3600),
        other => panic!("{other:?}"),
    }
    // The next day the address may send again.
    assert!(matches!(
        send_comment(&mut db, &comment("/du-thao/mo"), "x", now() + DAY, &config, 10),
        Submitted::Comment(_)
    ));
    for (n, address) in ["y", "z"].iter().enumerate() {
        let sent = send_comment(&mut db, &comment("/du-thao/mo"), address, now(), &config, 20 + n as u8);
        if n == 0 {
            assert!(matches!(sent, Submitted::Comment(_)), "{sent:?}");
        } else {
            // Five comments on this draft: full, and nothing dropped.
            assert_eq!(sent, Submitted::Full { retry_after_secs: submissions::FULL_RETRY_SECS });
        }
    }
    let mut rates = RateWindows::default();
    let q = |n: u8, db: &mut Connection, rates: &mut RateWindows| {
        submissions::record_question(db, &question("Đất đai"), "q", now(), &config, &published(), rates, [n; 16])
            .unwrap()
    };
    assert!(matches!(q(1, &mut db, &mut rates), Submitted::Question(_)));
    assert!(matches!(q(2, &mut db, &mut rates), Submitted::Full { .. }), "six stored in all");
    assert_eq!(submissions::comments(&mut db, None).unwrap().len(), 5);
}

#[test]
fn a_question_gets_a_code_that_tells_its_status_and_nothing_personal() {
    let mut db = db();
    let config = Config::default();
    let mut rates = RateWindows::default();
    let ask = |db: &mut Connection, topic: &str, rates: &mut RateWindows, random: [u8; 16]| {
        submissions::record_question(db, &question(topic), "a", now(), &config, &published(), rates, random).unwrap()
    };
    assert!(matches!(ask(&mut db, "Thời tiết", &mut rates, [7; 16]), Submitted::Refused { status: 400, .. }));
    let Submitted::Question(receipt) = ask(&mut db, "Đất đai", &mut rates, [7; 16]) else { panic!() };
    assert!(model::submissions::is_question_code(&receipt.code), "{}", receipt.code);
    assert!(receipt.code.starts_with("HD-2026-"));
    // The same random bytes again: the first draw clashes, the second is used.
    let mut random = [7; 16];
    random[8..].fill(9);
    let Submitted::Question(second) = ask(&mut db, "Đất đai", &mut rates, random) else { panic!() };
    assert_ne!(second.code, receipt.code);
    let status = submissions::question_status(&mut db, &receipt.code.to_lowercase(), &published()).unwrap().unwrap();
    assert_eq!((status.status.as_str(), status.answer_path), ("received", None));
    let answered = submissions::question_status(&mut db, "HD-2026-ABCDEFGH", &published()).unwrap().unwrap();
    assert_eq!(answered.answer_path.as_deref(), Some("/hoi-dap/dat-dai"));
    assert_eq!(submissions::question_status(&mut db, "HD-2026-ZZZZZZZZ", &published()).unwrap(), None);
    assert!(submissions::delete_question(&mut db, &receipt.code).unwrap());
    assert!(!submissions::delete_question(&mut db, &receipt.code).unwrap());
    assert_eq!(submissions::question_status(&mut db, &receipt.code, &published()).unwrap(), None);
}

#[test]
fn submissions_are_forgotten_after_the_retention_period() {
    let mut db = db();
    let config = Config { retention_days: 30, ..Config::default() };
    send_comment(&mut db, &comment("/du-thao/mo"), "a", now() - 31 * DAY, &Config::default(), 1);
    send_comment(&mut db, &comment("/du-thao/mo"), "a", now(), &config, 2);
    let kept = submissions::comments(&mut db, None).unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].at, "2026-12-01T09:00:00+07:00");
}
