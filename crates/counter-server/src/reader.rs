//! The staff's figures, read on a connection of their own: SQLite in WAL mode
//! lets them read a consistent snapshot while the writer keeps committing
//! readers' hits, so a year's report never holds a hit back.

use std::path::Path;
use std::sync::{Arc, Mutex};

use counter::{Config, RateWindows};
use rusqlite::{Connection, OpenFlags};

#[derive(Clone)]
pub struct Reader {
    connection: Arc<Mutex<Connection>>,
    pub config: Arc<Config>,
    /// The staff's requests per address this minute (wrong tokens included).
    pub rates: Arc<Mutex<RateWindows>>,
}

impl Reader {
    /// A read-only connection to the database the writer has opened (and given its schema).
    pub fn open(path: &Path, config: Config) -> rusqlite::Result<Reader> {
        let connection = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        connection.pragma_update(None, "busy_timeout", 5000)?;
        Ok(Reader { connection: Arc::new(Mutex::new(connection)), config: Arc::new(config), rates: Arc::default() })
    }

    /// Runs `read` in one read transaction (one snapshot) off the async threads.
    pub async fn read<T: Send + 'static>(
        &self,
        read: impl for<'t> FnOnce(&mut rusqlite::Transaction<'t>, &Config) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, String> {
        let (connection, config) = (self.connection.clone(), self.config.clone());
        tokio::task::spawn_blocking(move || {
            let mut connection = connection.lock().map_err(|_| "the figures' connection is poisoned".to_string())?;
            let mut transaction = connection.transaction().map_err(|e| e.to_string())?;
            let value = read(&mut transaction, &config).map_err(|e| e.to_string())?;
            transaction.commit().map_err(|e| e.to_string())?;
            Ok(value)
        })
        .await
        .map_err(|e| e.to_string())?
    }
}
