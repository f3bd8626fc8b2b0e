/**
 * Upgrade of stores indexed by session-1 code (dedup schema version 1): postings get a recent
 * table (see `RECENT_SHARE`), the main table's row count is recorded, and every article already
 * indexed gets its single-name band keys, which the first version did not write (rewrites of
 * those articles found only through their names were missed until now).
 */
import type { Database } from 'better-sqlite3';
import { prepare } from '../detectors.js';
import { defaultProvenanceOptions } from '../options.js';
import { keySchemes, MAIN_ROWS } from './lsh-index.js';
import { bandKeys } from './minhash.js';

/** Articles read per query during the backfill (bounded memory whatever the store size). */
const BACKFILL_CHUNK = 1000;

interface Row {
  seq: number;
  text: string;
  paragraphs: string | null;
}

export function upgradeIndexV2(db: Database): void {
  db.exec(`CREATE TABLE dedup_lsh_recent (
  key INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (key, seq)
) WITHOUT ROWID`);
  const hasArticles = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'").get() !== undefined;
  const through = (db.prepare("SELECT value FROM dedup_meta WHERE name = 'indexed_through'").pluck().get() as number | undefined) ?? 0;
  if (hasArticles && through > 0) backfillNameKeys(db, through);
  const rows = db.prepare('SELECT count(*) FROM dedup_lsh').pluck().get() as number;
  db.prepare('INSERT INTO dedup_meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value').run(MAIN_ROWS, rows);
}

/**
 * Name-band keys of every article up to `through`, collected in a temporary table and then
 * written to the main table in key order (one pass over its pages, SQLite's sorter bounds memory).
 * Keys the article already has are ignored, so the backfill is harmless on stores that had them.
 */
function backfillNameKeys(db: Database, through: number): void {
  const o = defaultProvenanceOptions;
  const scheme = keySchemes(o).name;
  db.exec('CREATE TEMP TABLE dedup_name_backfill (key INTEGER NOT NULL, seq INTEGER NOT NULL)');
  const read = db.prepare<[number, number, number], Row>('SELECT seq, text, paragraphs FROM articles WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?');
  const put = db.prepare<[number, number]>('INSERT INTO dedup_name_backfill (key, seq) VALUES (?, ?)');
  let after = 0;
  for (;;) {
    const chunk = read.all(after, through, BACKFILL_CHUNK);
    if (chunk.length === 0) break;
    for (const r of chunk) {
      let paragraphs: string[] = [];
      try {
        paragraphs = JSON.parse(r.paragraphs ?? '[]') as string[];
      } catch {
        // unreadable paragraph list: the text alone gives the sentences (as paragraphsOf does)
      }
      const view = prepare({ id: String(r.seq), seq: r.seq, text: r.text, paragraphs }, o);
      for (const key of bandKeys(view.anchors, scheme)) put.run(key, r.seq);
    }
    after = chunk[chunk.length - 1]?.seq ?? through;
  }
  db.exec('INSERT OR IGNORE INTO dedup_lsh (key, seq) SELECT key, seq FROM dedup_name_backfill ORDER BY key, seq');
  db.exec('DROP TABLE dedup_name_backfill');
}
