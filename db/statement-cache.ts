/**
 * SQLite only: better-sqlite3 prepared statements kept by their SQL, so that a query Kysely sends again
 * (the same text, new parameters) is not parsed and planned by SQLite again. Kysely's SQLite driver
 * prepares every query it runs; this hands it the statement prepared the first time. Bounded, oldest
 * first out. Statements are used synchronously by the driver, one at a time on the one connection, so
 * sharing them is safe; only `stream()` (iterate) would hold one open, and the platform does not stream.
 * PostgreSQL has no such layer: its driver and server handle their own statements.
 */
import type SQLite from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

export const STATEMENT_CACHE_SIZE = 500;

export function cachingStatements(
  sqlite: SQLite.Database,
  size = STATEMENT_CACHE_SIZE,
  onClose?: () => void,
): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      sqlite.close();
      onClose?.();
    },
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement as unknown as SqliteStatement;
    },
  };
}
