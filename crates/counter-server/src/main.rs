//! `portal-counter`: the self-hosted visitor counter. See README.md.

mod http;
mod known;
mod reader;
mod writer;

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use counter::Config;

/// The portal's function: counts visitors and page views (the "Thống kê truy
/// cập" widget), keeps the satisfaction ratings, and takes citizens' comments on
/// drafts and their questions.
#[derive(Parser, Debug)]
#[command(name = "portal-counter", version)]
struct Args {
    #[command(subcommand)]
    command: Option<Tool>,
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8787")]
    listen: SocketAddr,
    /// SQLite database file (created when missing; WAL files sit beside it).
    #[arg(long, default_value = "counter.sqlite3", global = true)]
    db: PathBuf,
    /// Origin allowed to call the counter from a browser (CORS); repeat for several.
    /// With none, browsers on other origins are refused.
    #[arg(long = "allow-origin", value_name = "ORIGIN")]
    allow_origins: Vec<String>,
    /// Visits counted before this counter (the old site's total), added to "Tất cả".
    #[arg(long, default_value_t = 0)]
    offset: u64,
    /// First day of the week for "Trong tuần".
    #[arg(long, value_enum, default_value_t = WeekStart::Monday)]
    week_start: WeekStart,
    /// New visitors one client address may bring in 30 minutes (mobile carriers put
    /// many people behind one address, so keep it generous).
    #[arg(long, default_value_t = 300)]
    max_new_visitors_per_address: u32,
    /// Hits one visitor may make per minute; past it the answer is 429 and nothing is counted.
    #[arg(long, default_value_t = 30)]
    max_hits_per_visitor_minute: u32,
    /// Hits one client address may make per minute, all its visitors together.
    #[arg(long, default_value_t = 3000)]
    max_hits_per_address_minute: u32,
    /// Comments and questions one client address may send per day (Vietnam's).
    #[arg(long, default_value_t = 10)]
    max_submissions_per_address_day: u32,
    /// Comments kept per draft; past it the answer is 503 until staff make room.
    #[arg(long, default_value_t = 2000)]
    max_comments_per_consultation: u32,
    /// Comments and questions kept in all; past it the answer is 503.
    #[arg(long, default_value_t = 20000)]
    max_stored_submissions: u32,
    /// Days a comment or question is kept, then deleted.
    #[arg(long, default_value_t = 730)]
    retention_days: u32,
    /// Days the views per page per day are kept for the staff's figures ("Số liệu"),
    /// then pruned: the table holds at most published pages × this many rows.
    #[arg(long, default_value_t = 400)]
    stats_days_kept: u32,
    /// Added to the system clock, in milliseconds (for tests that need a
    /// midnight now; never in production).
    #[arg(long, default_value_t = 0, hide = true, allow_negative_numbers = true)]
    clock_offset_ms: i64,
    /// The site's `data/counted-paths.json` (a file, or its URL): only these
    /// paths count views. The drafts open for comment, the answered questions
    /// and the question topics are read from beside it. Re-read when they change.
    /// Required to serve.
    #[arg(long, value_name = "FILE_OR_URL", required = false)]
    known_paths: Option<String>,
    /// Bearer token that staff give to download `GET /v1/ratings.csv` and to read
    /// and delete comments and questions (`/v1/staff/…`)
    /// (also read from the STAFF_TOKEN environment variable).
    #[arg(long, env = "STAFF_TOKEN", hide_env_values = true)]
    staff_token: Option<String>,
    /// Take the client address from the last X-Forwarded-For entry (only behind a
    /// reverse proxy that sets it).
    #[arg(long)]
    behind_proxy: bool,
}

#[derive(Subcommand, Debug)]
enum Tool {
    /// Prints the satisfaction ratings ("Đánh giá mức độ hài lòng") of the database
    /// given with --db, then exits.
    Ratings {
        /// Every rating as CSV (UTF-8 with a byte-order mark): page, month, time,
        /// score, label, comment. Without it: a summary per page and month, as JSON.
        /// With --month (or --from/--to): that period's report, as the dashboard reads it.
        #[arg(long)]
        csv: bool,
        /// The month's report ("2026-11"): scores, the twelve months before, pages, comments.
        #[arg(long)]
        month: Option<String>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
    /// Prints visits and views per day ("Số liệu"), as the dashboard reads them, then exits.
    Stats {
        /// First day, YYYY-MM-DD (default: 30 days before --to).
        #[arg(long)]
        from: Option<String>,
        /// Last day, YYYY-MM-DD (default: today, in Vietnam).
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        csv: bool,
    },
    /// Prints the most-read pages of a period, then exits.
    Pages {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        /// Only pages of this kind: bai-viet, van-ban or trang.
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        csv: bool,
    },
    /// Prints the comments on drafts ("Góp ý dự thảo"), then exits.
    Comments {
        /// Only those on the draft at this page path ("/du-thao/…").
        #[arg(long)]
        path: Option<String>,
        /// As CSV (UTF-8 with a byte-order mark, formulas neutralised); without it, JSON.
        #[arg(long)]
        csv: bool,
    },
    /// Prints the citizens' questions ("Hỏi đáp") with their status, then exits.
    Questions {
        /// The site's `data/counted-paths.json` (file), to tell which are answered.
        #[arg(long, value_name = "FILE")]
        known_paths: Option<String>,
        #[arg(long)]
        csv: bool,
    },
    /// Deletes a comment at its sender's request (by its id).
    DeleteComment { id: String },
    /// Deletes a question at its sender's request (by its code).
    DeleteQuestion { code: String },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum WeekStart {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Args {
    /// The counter's rules as the flags set them (the server's and the CLI's).
    fn config(&self) -> Config {
        Config {
            offset: self.offset,
            week_start: self.week_start as u8,
            max_new_visitors_per_address: self.max_new_visitors_per_address,
            max_hits_per_visitor_minute: self.max_hits_per_visitor_minute,
            max_hits_per_address_minute: self.max_hits_per_address_minute,
            max_submissions_per_address_day: self.max_submissions_per_address_day,
            max_comments_per_consultation: self.max_comments_per_consultation,
            max_stored_submissions: self.max_stored_submissions,
            retention_days: self.retention_days,
            stats_days_kept: self.stats_days_kept,
        }
    }
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = Args::parse();
    match &args.command {
        Some(Tool::Ratings { csv, month: None, from: None, to: None }) => return print_ratings(&args.db, *csv),
        Some(tool) => return run_tool(&args.db, tool, &args),
        None => {}
    }
    let Some(known_paths) = args.known_paths.clone() else {
        eprintln!("portal-counter: --known-paths FILE_OR_URL is required (the site's data/counted-paths.json)");
        return std::process::ExitCode::from(2);
    };
    let config = args.config();
    writer::set_clock_offset(args.clock_offset_ms);
    let known = match known::watch(known_paths) {
        Ok(known) => known,
        Err(error) => {
            eprintln!("portal-counter: cannot read --known-paths {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let connection = match writer::open(&args.db) {
        Ok(connection) => connection,
        Err(error) => {
            eprintln!("portal-counter: cannot open the database {}: {error}", args.db.display());
            return std::process::ExitCode::FAILURE;
        }
    };
    let writer = writer::Writer::start(connection, config.clone(), known);
    let reader = match reader::Reader::open(&args.db, config) {
        Ok(reader) => reader,
        Err(error) => {
            eprintln!("portal-counter: cannot open the database {} for reading: {error}", args.db.display());
            return std::process::ExitCode::FAILURE;
        }
    };
    let app = http::router(writer, reader, &args.allow_origins, args.behind_proxy, args.staff_token.clone());
    let listener = match tokio::net::TcpListener::bind(args.listen).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("portal-counter: cannot listen on {}: {error}", args.listen);
            return std::process::ExitCode::FAILURE;
        }
    };
    println!("portal-counter: listening on http://{} (database {})", listener.local_addr().unwrap(), args.db.display());
    let served = axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await;
    match served {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("portal-counter: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// `portal-counter comments|questions|delete-comment|delete-question`, on the
/// database directly (beside a running server, as `ratings` is).
fn run_tool(db: &std::path::Path, tool: &Tool, args: &Args) -> std::process::ExitCode {
    use counter::submissions;
    let done = (|| -> Result<String, String> {
        let mut connection = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)
            .map_err(|e| format!("{}: {e}", db.display()))?;
        connection.pragma_update(None, "busy_timeout", 5000).map_err(|e| e.to_string())?;
        counter::sqlite::create_schema(&connection).map_err(|e| e.to_string())?;
        Ok(match tool {
            Tool::Comments { path, csv } => {
                let comments = submissions::comments(&mut connection, path.as_deref()).map_err(|e| e.to_string())?;
                if *csv { submissions::comments_csv(&comments) } else { pretty(&comments) }
            }
            Tool::Questions { known_paths, csv } => {
                let published = match known_paths {
                    Some(source) => known::load(source)?,
                    None => Default::default(),
                };
                let questions = submissions::questions(&mut connection, &published).map_err(|e| e.to_string())?;
                if *csv { submissions::questions_csv(&questions) } else { pretty(&questions) }
            }
            Tool::DeleteComment { id } => match submissions::delete_comment(&mut connection, id) {
                Ok(true) => format!("Đã xoá góp ý {id}.\n"),
                Ok(false) => return Err(format!("no comment {id}")),
                Err(e) => return Err(e.to_string()),
            },
            Tool::DeleteQuestion { code } => match submissions::delete_question(&mut connection, code) {
                Ok(true) => format!("Đã xoá câu hỏi {code}.\n"),
                Ok(false) => return Err(format!("no question {code}")),
                Err(e) => return Err(e.to_string()),
            },
            Tool::Ratings { csv, month, from, to } => report(
                &mut connection,
                counter::api::Report::Ratings,
                *csv,
                &[("month", month), ("from", from), ("to", to)],
                args,
            )?,
            Tool::Stats { from, to, csv } => {
                report(&mut connection, counter::api::Report::Traffic, *csv, &[("from", from), ("to", to)], args)?
            }
            Tool::Pages { from, to, kind, csv } => report(
                &mut connection,
                counter::api::Report::Pages,
                *csv,
                &[("from", from), ("to", to), ("kind", kind)],
                args,
            )?,
        })
    })();
    match done {
        Ok(text) => {
            print!("{text}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("portal-counter: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// A staff report read on the server itself, as `GET /v1/staff/…` answers it.
fn report(
    connection: &mut rusqlite::Connection,
    report: counter::api::Report,
    csv: bool,
    params: &[(&str, &Option<String>)],
    args: &Args,
) -> Result<String, String> {
    let query: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params.iter().filter_map(|(name, value)| Some((*name, value.as_deref()?))))
        .finish();
    let reply = counter::api::staff_report(connection, report, csv, &query, writer::now_ms(), &args.config())
        .map_err(|e| e.to_string())?;
    if reply.status != 200 {
        let reason = serde_json::from_str::<serde_json::Value>(&reply.body)
            .ok()
            .and_then(|v| v["error"].as_str().map(str::to_string))
            .unwrap_or(reply.body);
        return Err(reason);
    }
    Ok(if csv {
        reply.body
    } else {
        pretty(&serde_json::from_str::<serde_json::Value>(&reply.body).map_err(|e| e.to_string())?)
    })
}

fn pretty(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).expect("plain data serialises") + "\n"
}

/// `portal-counter ratings [--csv]`: reads the database directly (a reader
/// beside a running server is fine in WAL mode).
fn print_ratings(db: &std::path::Path, csv: bool) -> std::process::ExitCode {
    let printed = (|| -> Result<String, String> {
        let mut connection = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)
            .map_err(|e| format!("{}: {e}", db.display()))?;
        counter::sqlite::create_schema(&connection).map_err(|e| e.to_string())?;
        if csv {
            counter::ratings::export_csv(&mut connection).map_err(|e| e.to_string())
        } else {
            let months = counter::ratings::monthly(&mut connection, None).map_err(|e| e.to_string())?;
            Ok(serde_json::to_string_pretty(&months).expect("plain data serialises") + "\n")
        }
    })();
    match printed {
        Ok(text) => {
            print!("{text}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("portal-counter: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
