import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { DEFAULT_CACHE_MIB, DEFAULT_WAL_CHECKPOINT_PAGES, openDatabase, StoreError } from '../../src/store/db.js';
import { MigrationError } from '../../src/store/migrate.js';
import { tempDir } from '../helpers/tmp.js';

test('a file database opens in WAL mode with a fixed page cache, default or chosen', () => {
  const file = join(tempDir(), 'news.db');
  const db = openDatabase(file);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('cache_size', { simple: true }), -DEFAULT_CACHE_MIB * 1024, 'negative cache_size is KiB');
  db.close();
  const small = openDatabase(file, { cacheMib: 8 });
  assert.equal(small.pragma('cache_size', { simple: true }), -8 * 1024);
  small.close();
  const reader = openDatabase(file, { readonly: true });
  assert.equal(reader.pragma('cache_size', { simple: true }), -DEFAULT_CACHE_MIB * 1024, 'readers get the same cache');
  reader.close();
});

test('a cache size that is not a positive number is refused before anything is created', () => {
  const dir = tempDir();
  for (const cacheMib of [0, -4, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.throws(
      () => openDatabase(join(dir, 'sub', 'x.db'), { cacheMib }),
      (err: unknown) => err instanceof StoreError && /cacheMib/.test(err.message),
    );
  }
  assert.equal(existsSync(join(dir, 'sub')), false, 'no folder was made for a refused open');
});

test('the WAL is checkpointed every DEFAULT_WAL_CHECKPOINT_PAGES pages unless told otherwise, and truncated after a checkpoint', () => {
  const file = join(tempDir(), 'wal.db');
  const db = openDatabase(file);
  assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), DEFAULT_WAL_CHECKPOINT_PAGES);
  assert.ok((db.pragma('journal_size_limit', { simple: true }) as number) > 0, 'a bounded WAL file');
  db.close();
  const often = openDatabase(file, { walCheckpointPages: 200 });
  assert.equal(often.pragma('wal_autocheckpoint', { simple: true }), 200);
  // Writing well past 200 pages with that interval leaves a WAL far smaller than what was written.
  often.exec('CREATE TABLE blobs (b BLOB)');
  const put = often.prepare('INSERT INTO blobs (b) VALUES (?)');
  for (let i = 0; i < 400; i++) put.run(Buffer.alloc(8192, i % 251));
  const walPages = (often.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]?.log ?? -1;
  assert.ok(walPages >= 0 && walPages < 400, `WAL holds ${walPages} pages after ~800 pages were written`);
  often.close();
  for (const walCheckpointPages of [0, -1, 1.5, Number.NaN]) {
    assert.throws(
      () => openDatabase(join(tempDir(), 'y.db'), { walCheckpointPages }),
      (err: unknown) => err instanceof StoreError && /walCheckpointPages/.test(err.message),
    );
  }
});

test('a database a newer Storyline has migrated further is refused with MigrationError, and left as it was', () => {
  const file = join(tempDir(), 'newer.db');
  openDatabase(file).close();
  const raw = new BetterSqlite3(file);
  const known = (raw.prepare("SELECT MAX(version) AS v FROM schema_migrations WHERE stage = 'cluster'").get() as { v: number }).v;
  raw.prepare("INSERT INTO schema_migrations (stage, version, name, applied_at) VALUES ('cluster', ?, 'from the future', 'later')").run(known + 1);
  raw.close();
  assert.throws(
    () => openDatabase(file),
    (err: unknown) => err instanceof MigrationError && /newer Storyline/.test(err.message) && /cluster schema version/.test(err.message),
  );
  const after = new BetterSqlite3(file, { readonly: true });
  const rows = (after.prepare("SELECT COUNT(*) AS n FROM schema_migrations WHERE stage = 'cluster'").get() as { n: number }).n;
  after.close();
  assert.equal(rows, known + 1, 'nothing applied or removed');
});
