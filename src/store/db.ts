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
}

/**
 * Page cache per connection. SQLite's default is 2 MB, which a store of a few hundred thousand articles outgrows
 * in its index tables (dedup postings, cluster postings): every lookup then reads pages back from the OS. 64 MiB
 * is what bench/dedup runs its 100k and 1M stores with (bench/cluster-speed opens its store here); the memory is a
 * fixed ceiling, so it stays flat however large the store grows.
 */
export const DEFAULT_CACHE_MIB = 64;

/** Opens (creating if needed) a Storyline database in WAL mode and applies pending migrations. */
export function openDatabase(path: string, options: OpenOptions = {}): Database {
  const memory = path === ':memory:';
  const cacheMib = options.cacheMib ?? DEFAULT_CACHE_MIB;
  if (!Number.isFinite(cacheMib) || cacheMib <= 0) throw new StoreError(`cacheMib must be a positive number of MiB, got ${cacheMib}`);
  if (!memory && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  let db: Database;
  try {
    db = new BetterSqlite3(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (cause) {
    throw new StoreError(`cannot open database ${path}`, { cause });
  }
  db.pragma(`cache_size = -${Math.round(cacheMib * 1024)}`);
  if (!options.readonly) {
    if (!memory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, allSchemas);
  }
  return db;
}
