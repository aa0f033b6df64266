//! [`Store`] for a rusqlite connection.

use rusqlite::types::ToSqlOutput;
use rusqlite::{Connection, OptionalExtension, ToSql};

use crate::{Store, Value};

impl ToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        match self {
            Value::Int(value) => value.to_sql(),
            Value::Text(text) => text.to_sql(),
        }
    }
}

impl Store for Connection {
    type Error = rusqlite::Error;

    fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> rusqlite::Result<()> {
        self.prepare_cached(sql)?.execute(rusqlite::params_from_iter(params))?;
        Ok(())
    }

    fn query_int(&mut self, sql: &str, params: &[Value<'_>]) -> rusqlite::Result<Option<i64>> {
        self.prepare_cached(sql)?
            .query_row(rusqlite::params_from_iter(params), |row| row.get::<_, Option<i64>>(0))
            .optional()
            .map(Option::flatten)
    }
}

/// Creates the schema on a connection.
pub fn create_schema(connection: &Connection) -> rusqlite::Result<()> {
    for statement in crate::schema::SCHEMA {
        connection.execute(statement, [])?;
    }
    Ok(())
}
