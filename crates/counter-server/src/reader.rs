//! The staff's figures, read on connections of their own: SQLite in WAL mode
//! lets them read a consistent snapshot while the writer keeps committing
//! readers' hits, so a year's report never holds a hit back.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use counter::Config;
use rusqlite::{Connection, OpenFlags};

/// Read-only connections: one dashboard's requests run side by side on two cores.
const CONNECTIONS: usize = 2;
/// Each connection maps this much of the database file (the views per page
/// per day of a year of a large portal are about 100 MB).
const MMAP_BYTES: i64 = 256 << 20;

#[derive(Clone)]
pub struct Reader {
    connections: Arc<Vec<Mutex<Connection>>>,
    next: Arc<AtomicUsize>,
    config: Arc<Config>,
}

impl Reader {
    /// Read-only connections to the database the writer has opened (and given its schema).
    pub fn open(path: &Path, config: Config) -> rusqlite::Result<Reader> {
        let connections = (0..CONNECTIONS)
            .map(|_| {
                let connection = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
                connection.pragma_update(None, "busy_timeout", 5000)?;
                connection.pragma_update(None, "mmap_size", MMAP_BYTES)?;
                Ok(Mutex::new(connection))
            })
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Reader { connections: Arc::new(connections), next: Arc::default(), config: Arc::new(config) })
    }

    /// Runs `read` in one read transaction (one snapshot) off the async threads.
    pub async fn read<T: Send + 'static>(
        &self,
        read: impl for<'t> FnOnce(&mut rusqlite::Transaction<'t>, &Config) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, String> {
        let (connections, config) = (self.connections.clone(), self.config.clone());
        let first = self.next.fetch_add(1, Ordering::Relaxed);
        tokio::task::spawn_blocking(move || {
            // A free connection if there is one, else wait for this request's turn.
            let free =
                (0..connections.len()).find_map(|i| connections[(first + i) % connections.len()].try_lock().ok());
            let mut connection = match free {
                Some(connection) => connection,
                None => connections[first % connections.len()]
                    .lock()
                    .map_err(|_| "the figures' connection is poisoned".to_string())?,
            };
            let mut transaction = connection.transaction().map_err(|e| e.to_string())?;
            let value = read(&mut transaction, &config).map_err(|e| e.to_string())?;
            transaction.commit().map_err(|e| e.to_string())?;
            Ok(value)
        })
        .await
        .map_err(|e| e.to_string())?
    }
}
