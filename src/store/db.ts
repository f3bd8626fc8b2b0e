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
}

/** Opens (creating if needed) a Storyline database in WAL mode and applies pending migrations. */
export function openDatabase(path: string, options: OpenOptions = {}): Database {
  const memory = path === ':memory:';
  if (!memory && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  let db: Database;
  try {
    db = new BetterSqlite3(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (cause) {
    throw new StoreError(`cannot open database ${path}`, { cause });
  }
  if (!options.readonly) {
    if (!memory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, allSchemas);
  }
  return db;
}
