import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from './migrate.js';
import { allSchemas } from './schemas.js';

/** Environment variable that overrides the default database path. */
export const DB_ENV = 'STORYLINE_DB';
/** Default database file, relative to the working directory. */
export const DEFAULT_DB_FILE = 'storyline.db';

export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** `--db` wins, then `$STORYLINE_DB`, then `./storyline.db`. */
export function resolveDbPath(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag ?? env[DB_ENV] ?? DEFAULT_DB_FILE);
}

export interface OpenOptions {
  readonly readonly?: boolean;
  /** SQLite page cache per connection, in MiB (default DEFAULT_CACHE_MIB). */
  readonly cacheMib?: number;
  /** WAL pages written before SQLite copies them back into the database file (default DEFAULT_WAL_CHECKPOINT_PAGES). */
  readonly walCheckpointPages?: number;
}

/**
 * Page cache per connection. SQLite's default is 2 MB, which a store of a few hundred thousand articles outgrows
 * in its index tables (dedup postings, cluster postings): every lookup then reads pages back from the OS. 64 MiB
 * is what bench/dedup runs its 100k and 1M stores with (bench/cluster-speed opens its store here); the memory is a
 * fixed ceiling, so it stays flat however large the store grows.
 */
export const DEFAULT_CACHE_MIB = 64;

/**
 * WAL auto-checkpoint interval, in pages. SQLite's default (1,000 pages, 4 MB) checkpoints every ~15 clustered
 * articles on the speed stream (~69 WAL pages each), copying back the same hot index pages (document frequencies,
 * postings, profiles) again and again. Measured end-to-end (store + assign + commit) per CPU-second on the 20k-article
 * probe, two runs each (2026-11-21): 1,000 pages 349/336, 4,000 365/363, 16,000 376/391. 10,000 (~40 MB of WAL) takes
 * most of the gain while the checkpoint a commit occasionally runs stays short.
 */
export const DEFAULT_WAL_CHECKPOINT_PAGES = 10_000;
/** The WAL file is truncated back to this size after a checkpoint, so a burst of writes does not leave a large file behind. */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/** Opens (creating if needed) a Storyline database in WAL mode and applies pending migrations. */
export function openDatabase(path: string, options: OpenOptions = {}): Database {
  const memory = path === ':memory:';
  const cacheMib = options.cacheMib ?? DEFAULT_CACHE_MIB;
  if (!Number.isFinite(cacheMib) || cacheMib <= 0) throw new StoreError(`cacheMib must be a positive number of MiB, got ${cacheMib}`);
  const walPages = options.walCheckpointPages ?? DEFAULT_WAL_CHECKPOINT_PAGES;
  if (!Number.isInteger(walPages) || walPages <= 0) throw new StoreError(`walCheckpointPages must be a positive integer, got ${walPages}`);
  if (!memory && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  let db: Database;
  try {
    db = new BetterSqlite3(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (cause) {
    throw new StoreError(`cannot open database ${path}`, { cause });
  }
  db.pragma(`cache_size = -${Math.round(cacheMib * 1024)}`);
  if (!options.readonly) {
    if (!memory) {
      db.pragma('journal_mode = WAL');
      db.pragma(`wal_autocheckpoint = ${walPages}`);
      db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    }
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, allSchemas);
  }
  return db;
}
