//! [`Store`] for a rusqlite connection.

use rusqlite::types::ToSqlOutput;
use rusqlite::{Connection, OptionalExtension, ToSql, Transaction};

use crate::{Cell, Store, Value};

impl ToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        match self {
            Value::Int(value) => value.to_sql(),
            Value::Text(text) => text.to_sql(),
            Value::Null => Ok(ToSqlOutput::Owned(rusqlite::types::Value::Null)),
        }
    }
}

fn execute(connection: &Connection, sql: &str, params: &[Value<'_>]) -> rusqlite::Result<()> {
    connection.prepare_cached(sql)?.execute(rusqlite::params_from_iter(params))?;
    Ok(())
}

fn query_int(connection: &Connection, sql: &str, params: &[Value<'_>]) -> rusqlite::Result<Option<i64>> {
    connection
        .prepare_cached(sql)?
        .query_row(rusqlite::params_from_iter(params), |row| row.get::<_, Option<i64>>(0))
        .optional()
        .map(Option::flatten)
}

fn query_rows(connection: &Connection, sql: &str, params: &[Value<'_>]) -> rusqlite::Result<Vec<Vec<Cell>>> {
    let mut statement = connection.prepare_cached(sql)?;
    let columns = statement.column_count();
    let rows = statement.query_map(rusqlite::params_from_iter(params), |row| {
        (0..columns)
            .map(|i| {
                Ok(match row.get_ref(i)? {
                    rusqlite::types::ValueRef::Integer(n) => Cell::Int(n),
                    rusqlite::types::ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
                    _ => Cell::Null,
                })
            })
            .collect()
    })?;
    rows.collect()
}

impl Store for Connection {
    type Error = rusqlite::Error;

    fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> rusqlite::Result<()> {
        execute(self, sql, params)
    }

    fn query_int(&mut self, sql: &str, params: &[Value<'_>]) -> rusqlite::Result<Option<i64>> {
        query_int(self, sql, params)
    }

    fn query_rows(&mut self, sql: &str, params: &[Value<'_>]) -> rusqlite::Result<Vec<Vec<Cell>>> {
        query_rows(self, sql, params)
    }
}

impl Store for Transaction<'_> {
    type Error = rusqlite::Error;

    fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> rusqlite::Result<()> {
        execute(self, sql, params)
    }

    fn query_int(&mut self, sql: &str, params: &[Value<'_>]) -> rusqlite::Result<Option<i64>> {
        query_int(self, sql, params)
    }

    fn query_rows(&mut self, sql: &str, params: &[Value<'_>]) -> rusqlite::Result<Vec<Vec<Cell>>> {
        query_rows(self, sql, params)
    }
}

/// Creates the schema on a connection.
pub fn create_schema(connection: &Connection) -> rusqlite::Result<()> {
    for statement in crate::schema::SCHEMA {
        connection.execute(statement, [])?;
    }
    Ok(())
}
