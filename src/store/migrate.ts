import type { Database } from 'better-sqlite3';

/** One versioned schema change of one stage. Versions start at 1 and never change once released. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** SQL script, or a function for changes SQL alone cannot express. */
  readonly up: string | ((db: Database) => void);
}

/** The tables a stage owns, as an ordered list of migrations. */
export interface SchemaModule {
  /** Stage name, e.g. `core`, `dedup`; the key migrations are recorded under. */
  readonly stage: string;
  readonly migrations: readonly Migration[];
}

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/**
 * Applies every pending migration of every module, each in its own transaction,
 * recording it in `schema_migrations`. Safe to run on every open. Throws MigrationError for a store that a newer
 * version has migrated further than this code knows.
 */
export function migrate(db: Database, modules: readonly SchemaModule[]): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    stage TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL,
    PRIMARY KEY (stage, version))`);
  const applied = new Set(
    (db.prepare('SELECT stage, version FROM schema_migrations').all() as { stage: string; version: number }[]).map((r) => `${r.stage}:${r.version}`),
  );
  // A store some stage of a newer Storyline has changed may mean something this code does not know (a table read
  // differently, a row format): refuse it rather than read or write it wrongly.
  for (const mod of modules) {
    const known = Math.max(0, ...mod.migrations.map((m) => m.version));
    const newest = (db.prepare('SELECT MAX(version) AS v FROM schema_migrations WHERE stage = ?').get(mod.stage) as { v: number | null }).v ?? 0;
    if (newest > known)
      throw new MigrationError(
        `this database was written by a newer Storyline (${mod.stage} schema version ${newest}; this version knows up to ${known}): upgrade Storyline to open it`,
      );
  }
  const record = db.prepare('INSERT INTO schema_migrations (stage, version, name, applied_at) VALUES (?, ?, ?, ?)');
  const done: string[] = [];
  for (const mod of modules) {
    const sorted = [...mod.migrations].sort((a, b) => a.version - b.version);
    for (const m of sorted) {
      const key = `${mod.stage}:${m.version}`;
      if (applied.has(key)) continue;
      try {
        db.transaction(() => {
          if (typeof m.up === 'string') db.exec(m.up);
          else m.up(db);
          record.run(mod.stage, m.version, m.name, new Date().toISOString());
        })();
      } catch (cause) {
        throw new MigrationError(`migration ${key} (${m.name}) failed`, { cause });
      }
      done.push(`${key} ${m.name}`);
    }
  }
  return done;
}
