//! The single writer: owns the SQLite connection, applies hits in batches
//! inside one transaction, and answers each request only after COMMIT.

use std::path::Path;
use std::sync::mpsc;
use std::time::{SystemTime, UNIX_EPOCH};

use counter::published::Published;
use counter::ratings::{MonthSummary, Rated};
use counter::submissions::{self, StoredComment, StoredQuestion, Submitted};
use counter::{Config, Outcome, RateWindows, Recorded};
use model::stats::{Hit, HitStats, Rating, RatingSummary};
use model::submissions::{Comment, Question, QuestionStatus};
use rusqlite::{Connection, Transaction, TransactionBehavior};
use tokio::sync::oneshot;

use crate::known;

const STOPPED: &str = "the counter's database writer has stopped";
const NOT_SAVED: &str = "the database could not save this request; retry it with the same hit id";

/// Most requests applied in one transaction.
const MAX_BATCH: usize = 256;

pub enum Job {
    Hit {
        hit: Hit,
        address: String,
        reply: oneshot::Sender<Result<Outcome, String>>,
    },
    /// The figures, with the views of `path` (0 without one).
    Stats {
        path: Option<String>,
        reply: oneshot::Sender<Result<HitStats, String>>,
    },
    Rating {
        rating: Rating,
        address: String,
        reply: oneshot::Sender<Result<Rated, String>>,
    },
    Comment {
        comment: Comment,
        address: String,
        reply: oneshot::Sender<Result<Submitted, String>>,
    },
    Question {
        question: Question,
        address: String,
        reply: oneshot::Sender<Result<Submitted, String>>,
    },
    /// Anything that is not counting or storing what readers send:
    /// summaries, exports, lookups, staff's deletions.
    Read {
        read: Box<ReadJob>,
        reply: oneshot::Sender<Result<Reading, String>>,
    },
}

/// A read (or a staff's deletion) run by the writer, with what is published.
pub type ReadJob = dyn for<'t> FnOnce(&mut Transaction<'t>, &Published) -> rusqlite::Result<Reading> + Send;

pub enum Reading {
    Summary(RatingSummary),
    Monthly(Vec<MonthSummary>),
    Csv(String),
    Comments(Vec<StoredComment>),
    Questions(Vec<StoredQuestion>),
    Status(Option<QuestionStatus>),
    Deleted(bool),
}

/// Random bytes for a submission's id or code, from the operating system.
fn random() -> submissions::Random {
    let mut bytes = [0u8; 16];
    getrandom::getrandom(&mut bytes).expect("the operating system's random numbers");
    bytes
}

#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

/// Added to the system clock: `--clock-offset-ms`, for tests that need a
/// Vietnamese midnight or a month's end now.
static CLOCK_OFFSET_MS: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);

pub fn set_clock_offset(ms: i64) {
    CLOCK_OFFSET_MS.store(ms, std::sync::atomic::Ordering::Relaxed);
}

pub fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
        + CLOCK_OFFSET_MS.load(std::sync::atomic::Ordering::Relaxed)
}

pub fn open(path: &Path) -> rusqlite::Result<Connection> {
    let connection = Connection::open(path)?;
    // WAL with NORMAL sync: a commit survives the process being killed
    // (it is in the WAL, in the OS's hands); only a power cut can lose the
    // last commits.
    connection.pragma_update(None, "journal_mode", "WAL")?;
    connection.pragma_update(None, "synchronous", "NORMAL")?;
    connection.pragma_update(None, "busy_timeout", 5000)?;
    counter::sqlite::create_schema(&connection)?;
    Ok(connection)
}

impl Writer {
    pub fn start(mut connection: Connection, config: Config, known: known::Shared) -> Writer {
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("counter-writer".into())
            .spawn(move || {
                let mut rates = RateWindows::default();
                while let Ok(first) = queue.recv() {
                    let mut batch = vec![first];
                    while batch.len() < MAX_BATCH {
                        match queue.try_recv() {
                            Ok(job) => batch.push(job),
                            Err(_) => break,
                        }
                    }
                    apply(&mut connection, &config, &known.current(), &mut rates, batch);
                }
            })
            .expect("spawning the writer thread");
        Writer { jobs }
    }

    pub async fn hit(&self, hit: Hit, address: String) -> Result<Outcome, String> {
        let (reply, answer) = oneshot::channel();
        self.jobs.send(Job::Hit { hit, address, reply }).map_err(|_| STOPPED.to_string())?;
        answer.await.map_err(|_| NOT_SAVED.to_string())?
    }

    pub async fn rate(&self, rating: Rating, address: String) -> Result<Rated, String> {
        let (reply, answer) = oneshot::channel();
        self.jobs.send(Job::Rating { rating, address, reply }).map_err(|_| STOPPED.to_string())?;
        answer.await.map_err(|_| NOT_SAVED.to_string())?
    }

    pub async fn comment(&self, comment: Comment, address: String) -> Result<Submitted, String> {
        let (reply, answer) = oneshot::channel();
        self.jobs.send(Job::Comment { comment, address, reply }).map_err(|_| STOPPED.to_string())?;
        answer.await.map_err(|_| NOT_SAVED.to_string())?
    }

    pub async fn question(&self, question: Question, address: String) -> Result<Submitted, String> {
        let (reply, answer) = oneshot::channel();
        self.jobs.send(Job::Question { question, address, reply }).map_err(|_| STOPPED.to_string())?;
        answer.await.map_err(|_| NOT_SAVED.to_string())?
    }

    pub async fn read(
        &self,
        read: impl for<'t> FnOnce(&mut Transaction<'t>, &Published) -> rusqlite::Result<Reading> + Send + 'static,
    ) -> Result<Reading, String> {
        let (reply, answer) = oneshot::channel();
        self.jobs.send(Job::Read { read: Box::new(read), reply }).map_err(|_| STOPPED.to_string())?;
        answer.await.map_err(|_| NOT_SAVED.to_string())?
    }

    pub async fn stats(&self, path: Option<String>) -> Result<HitStats, String> {
        let (reply, answer) = oneshot::channel();
        self.jobs.send(Job::Stats { path, reply }).map_err(|_| STOPPED.to_string())?;
        answer.await.map_err(|_| NOT_SAVED.to_string())?
    }
}

enum Pending {
    Hit(oneshot::Sender<Result<Outcome, String>>, Recorded, String),
    Stats(oneshot::Sender<Result<HitStats, String>>, Option<String>),
    Rating(oneshot::Sender<Result<Rated, String>>, Rated),
    Submitted(oneshot::Sender<Result<Submitted, String>>, Submitted),
    Read(oneshot::Sender<Result<Reading, String>>, Reading),
}

fn apply(
    connection: &mut Connection,
    config: &Config,
    published: &Published,
    rates: &mut RateWindows,
    batch: Vec<Job>,
) {
    let paths = &published.paths;
    let result = (|| -> rusqlite::Result<Vec<(Pending, HitStats)>> {
        let mut transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut pending = Vec::with_capacity(batch.len());
        for job in batch {
            match job {
                Job::Hit { hit, address, reply } => {
                    let recorded =
                        counter::record_hit_only(&mut transaction, &hit, &address, now_ms(), config, paths, rates)?;
                    pending.push(Pending::Hit(reply, recorded, hit.path));
                }
                Job::Stats { path, reply } => pending.push(Pending::Stats(reply, path)),
                Job::Rating { rating, address, reply } => {
                    let rated = counter::ratings::record_rating(
                        &mut transaction,
                        &rating,
                        &address,
                        now_ms(),
                        config,
                        paths,
                        rates,
                    )?;
                    pending.push(Pending::Rating(reply, rated));
                }
                Job::Comment { comment, address, reply } => {
                    let submitted = submissions::record_comment(
                        &mut transaction,
                        &comment,
                        &address,
                        now_ms(),
                        config,
                        published,
                        rates,
                        random(),
                    )?;
                    pending.push(Pending::Submitted(reply, submitted));
                }
                Job::Question { question, address, reply } => {
                    let submitted = submissions::record_question(
                        &mut transaction,
                        &question,
                        &address,
                        now_ms(),
                        config,
                        published,
                        rates,
                        random(),
                    )?;
                    pending.push(Pending::Submitted(reply, submitted));
                }
                Job::Read { read, reply } => pending.push(Pending::Read(reply, read(&mut transaction, published)?)),
            }
        }
        // Once per batch, after its hits (a retry is recognised before its id expires).
        counter::prune(&mut transaction, now_ms(), config)?;
        // The figures are read once for the whole batch, after all its hits:
        // counting who is online costs the same for one hit as for hundreds.
        let stats = counter::stats(&mut transaction, now_ms(), config)?;
        let mut answers = Vec::with_capacity(pending.len());
        for item in pending {
            let path = match &item {
                Pending::Hit(_, _, path) => Some(path.as_str()),
                Pending::Stats(_, path) => path.as_deref(),
                Pending::Rating(..) | Pending::Submitted(..) | Pending::Read(..) => None,
            };
            let views = match path {
                Some(path) => counter::views(&mut transaction, path)?,
                None => 0,
            };
            answers.push((item, counter::with_views(stats, views)));
        }
        transaction.commit()?;
        Ok(answers)
    })();
    match result {
        // Only now, with the batch committed, does anyone hear back.
        Ok(answers) => {
            for (item, stats) in answers {
                match item {
                    Pending::Hit(reply, recorded, _) => drop(reply.send(Ok(recorded.with_stats(stats)))),
                    Pending::Stats(reply, _) => drop(reply.send(Ok(stats))),
                    Pending::Rating(reply, rated) => drop(reply.send(Ok(rated))),
                    Pending::Submitted(reply, submitted) => drop(reply.send(Ok(submitted))),
                    Pending::Read(reply, reading) => drop(reply.send(Ok(reading))),
                }
            }
        }
        Err(error) => {
            // The batch was rolled back; its senders were dropped with it and
            // their requests fail, so clients retry with the same hit ids.
            eprintln!("portal-counter: a batch was rolled back: {error}");
        }
    }
}
