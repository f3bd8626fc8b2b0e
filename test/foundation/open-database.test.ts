import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_CACHE_MIB, openDatabase, StoreError } from '../../src/store/db.js';
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
