/**
 * Cluster schema version 5 marks stores whose df log rows and article features use the encodings older code cannot
 * read (dfrow.ts, features-codec.ts): code that knows only versions 1–4 must refuse such a store at open, and a store
 * made by that older code must upgrade in place to the new version.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { clusterSchema } from '../../src/cluster/schema.js';
import { openDatabase } from '../../src/store/db.js';
import { MigrationError, migrate } from '../../src/store/migrate.js';

const before5 = { ...clusterSchema, migrations: clusterSchema.migrations.filter((m) => m.version < 5) };

test('a store at cluster schema 5 is refused by code that knows versions 1–4 only', () => {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'sl-enc-')), 'new.db'));
  try {
    assert.ok(clusterSchema.migrations.some((m) => m.version === 5));
    assert.throws(
      () => migrate(db, [before5]),
      (err: unknown) => err instanceof MigrationError && /cluster schema version 5/.test(err.message),
    );
  } finally {
    db.close();
  }
});

test('a store made by code that knew versions 1–4 upgrades to version 5 on open', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sl-enc-')), 'old.db');
  const old = openDatabase(file);
  old.prepare("DELETE FROM schema_migrations WHERE stage = 'cluster' AND version = 5").run();
  old.close();
  const db = openDatabase(file);
  try {
    const v = (db.prepare("SELECT MAX(version) AS v FROM schema_migrations WHERE stage = 'cluster'").get() as { v: number }).v;
    assert.equal(v, 5);
  } finally {
    db.close();
  }
});
