/**
 * Adding counts to cluster_df (update, or insert when the key has no row): whatever the batch size and mix of old and
 * new keys, every key's row ends up at its old count plus the added one, and rows outside the range are untouched.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Database } from 'better-sqlite3';
import { DfUpsert } from '../../src/cluster/internal/dfupsert.js';
import { openDatabase } from '../../src/store/db.js';

function rows(db: Database): Map<string, number> {
  return new Map((db.prepare('SELECT key, df FROM cluster_df').raw().all() as [string, number][]).map(([k, n]) => [k, n]));
}

test('batches of every size add exactly their counts to existing and new rows', () => {
  const sizes = [0, 1, 2, 3, 7, 55, 101];
  for (const size of sizes) {
    const db = openDatabase(':memory:');
    // Every third key already has a row; a key outside the batch must keep its count.
    const keys = Array.from({ length: size }, (_, i) => `k${String(i).padStart(4, '0')}`);
    const seed = db.prepare('INSERT INTO cluster_df (key, df) VALUES (?, ?)');
    keys.forEach((k, i) => {
      if (i % 3 === 0) seed.run(k, 10 + i);
    });
    seed.run('outside', 4);
    const counts = keys.map((_, i) => 1 + (i % 5));
    const want = rows(db);
    keys.forEach((k, i) => {
      want.set(k, (want.get(k) ?? 0) + (counts[i] as number));
    });
    new DfUpsert(db).add(keys, counts);
    assert.deepEqual(rows(db), want, `batch of ${size}`);
    db.close();
  }
});

test('a sub-range adds only the counts of its own keys', () => {
  const db = openDatabase(':memory:');
  const keys = Array.from({ length: 80 }, (_, i) => `t${i}`);
  const counts = keys.map((_, i) => i + 1);
  const up = new DfUpsert(db);
  up.add(keys, counts, 10, 47);
  up.add(keys, counts, 40, 41);
  const got = rows(db);
  assert.equal(got.size, 37, 'only the keys of [10, 47) have rows');
  for (let i = 10; i < 47; i++) assert.equal(got.get(`t${i}`), i === 40 ? 2 * (i + 1) : i + 1, `t${i}`);
  db.close();
});
