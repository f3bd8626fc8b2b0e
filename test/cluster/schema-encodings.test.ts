/**
 * Cluster schema version 5 marks stores whose df log rows and article features use the encodings older code cannot
 * read (dfrow.ts, features-codec.ts); version 6 stores the postings keyed by key and window, which code from before it
 * would delete from by event id. Code that knows fewer versions must refuse such a store at open, and a store made by
 * older code must upgrade in place to the newest version.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { clusterSchema } from '../../src/cluster/schema.js';
import { openDatabase } from '../../src/store/db.js';
import { MigrationError, migrate } from '../../src/store/migrate.js';
import { allSchemas } from '../../src/store/schemas.js';

const before5 = { ...clusterSchema, migrations: clusterSchema.migrations.filter((m) => m.version < 5) };
const before6 = { ...clusterSchema, migrations: clusterSchema.migrations.filter((m) => m.version < 6) };
const newest = Math.max(...clusterSchema.migrations.map((m) => m.version));

test('a store at cluster schema 5 is refused by code that knows versions 1–4 only', () => {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'sl-enc-')), 'new.db'));
  try {
    assert.ok(clusterSchema.migrations.some((m) => m.version === 5));
    assert.throws(
      () => migrate(db, [before5]),
      (err: unknown) => err instanceof MigrationError && /cluster schema version \d+; this version knows up to 4\b/.test(err.message),
    );
  } finally {
    db.close();
  }
});

test('a store at cluster schema 6 is refused by code that knows versions 1–5 only', () => {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'sl-enc-')), 'new.db'));
  try {
    assert.ok(clusterSchema.migrations.some((m) => m.version === 6));
    assert.throws(
      () => migrate(db, [before6]),
      (err: unknown) => err instanceof MigrationError && /cluster schema version 6; this version knows up to 5\b/.test(err.message),
    );
  } finally {
    db.close();
  }
});

for (const older of [before5, before6])
  test(`a store made by code that knew versions 1–${older.migrations.length} upgrades to the newest version on open`, () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sl-enc-')), 'old.db');
    const made = new BetterSqlite3(file);
    migrate(
      made,
      allSchemas.map((s) => (s.stage === 'cluster' ? older : s)),
    );
    made.close();
    const db = openDatabase(file);
    try {
      const v = (db.prepare("SELECT MAX(version) AS v FROM schema_migrations WHERE stage = 'cluster'").get() as { v: number }).v;
      assert.equal(v, newest);
    } finally {
      db.close();
    }
  });
