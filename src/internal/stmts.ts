/**
 * Prepared statements cached per database connection. Preparing costs tens of microseconds, which adds up for
 * helpers called once or more per article; SQLite re-prepares a cached statement by itself after a schema change.
 * Use only for fixed SQL text (never for SQL built from data, which would grow the cache without bound), and not
 * for statements iterated with `.iterate()` while the same SQL may run again inside the loop.
 */
import type { Database, Statement } from 'better-sqlite3';

const cache = new WeakMap<Database, Map<string, Statement>>();

/** The prepared statement for `sql` on `db`, prepared on first use. */
export function stmt(db: Database, sql: string): Statement {
  let m = cache.get(db);
  if (!m) {
    m = new Map();
    cache.set(db, m);
  }
  let s = m.get(sql);
  if (!s) {
    s = db.prepare(sql);
    m.set(sql, s);
  }
  return s;
}
