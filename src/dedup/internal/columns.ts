/**
 * Select-list for article columns the stage can use but does not require (`url`, `path`, `outlet`,
 * `author` feed the origin ranking): a column missing from a minimal `articles` table (benchmarks,
 * older stores) is read as NULL instead of failing the query.
 */
import type { Database } from 'better-sqlite3';

export function optionalColumns(db: Database, table: string, columns: readonly string[]): string {
  const present = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
  return columns.map((c) => (present.has(c) ? c : `NULL AS ${c}`)).join(', ');
}
