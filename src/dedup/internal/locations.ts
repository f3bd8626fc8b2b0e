/**
 * Every location an article was seen at. Ingest stores one row per distinct content, so a byte-identical
 * copy found under a second path (a wire story saved again from a mail inbox) is only recorded in
 * `ingest_log`; that second path can still carry the date or the outlet the origin ranking needs.
 * Reads the table only when it exists (databases built without the ingest stage have none).
 */
import type { Database } from 'better-sqlite3';

export type LocationLookup = (articleId: string) => string[];

export function locationLookup(db: Database): LocationLookup {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ingest_log'").get();
  if (!has) return () => [];
  const stmt = db.prepare<[string], string>('SELECT DISTINCT location FROM ingest_log WHERE article_id = ? ORDER BY location').pluck();
  return (id) => stmt.all(id);
}
