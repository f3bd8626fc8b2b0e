/**
 * DfCells reads each key's count from the store the first time it is asked for (one point lookup per key), by
 * whichever door: `cell`, `preload`, `cellsOf` or `increment`. Whatever the door and the order, a reader must see
 * the writer's exact counts (cluster_df plus the journal), keep one cell per key, and count an increment of a key it
 * had not met yet on top of the stored count.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Database } from 'better-sqlite3';
import { DfCells } from '../../src/cluster/internal/dfcells.js';
import { DF_FOLD_EVERY } from '../../src/cluster/internal/dfjournal.js';
import { openDatabase } from '../../src/store/db.js';

const VOCABULARY = 90;

/** Articles whose keys cycle through the vocabulary at different rates, so counts differ from key to key. */
function articles(count: number): string[][] {
  return Array.from({ length: count }, (_, a) => {
    const keys = new Set<string>();
    for (let j = 1; j <= 8; j++) keys.add(`k${(a * j + j * j) % VOCABULARY}`);
    return [...keys];
  });
}

/** A store whose counts are partly folded into cluster_df and partly still in the journal; returns the true counts. */
function written(db: Database): Map<string, number> {
  const writer = new DfCells(db);
  const truth = new Map<string, number>();
  for (const keys of articles(DF_FOLD_EVERY + 40)) {
    db.transaction(() => writer.increment(keys))();
    for (const k of keys) truth.set(k, (truth.get(k) ?? 0) + 1);
  }
  return truth;
}

const ASKED = ['k1', 'k2', 'k7', 'never-seen', 'k1', 'k40', 'e:also-absent'];

const DOORS: [string, (cells: DfCells, keys: string[]) => number[]][] = [
  ['cell', (cells, keys) => keys.map((k) => cells.cell(k).df)],
  ['cellsOf', (cells, keys) => cells.cellsOf(keys).map((c) => c.df)],
  [
    'preload then cell',
    (cells, keys) => {
      cells.preload(keys);
      return keys.map((k) => cells.cell(k).df);
    },
  ],
  [
    'half cached, then cellsOf',
    (cells, keys) => {
      cells.cell(keys[1] as string);
      cells.preload(keys.slice(3, 5));
      return cells.cellsOf(keys).map((c) => c.df);
    },
  ],
];

test('every way of reading a count gives the stored count plus the journal', () => {
  for (const [door, read] of DOORS) {
    const db = openDatabase(':memory:');
    const truth = written(db);
    const folded = (db.prepare('SELECT COUNT(*) AS n FROM cluster_df').get() as { n: number }).n;
    assert.ok(folded > 0, 'part of the counts reached cluster_df');
    const reader = new DfCells(db);
    assert.deepEqual(
      read(reader, ASKED),
      ASKED.map((k) => truth.get(k) ?? 0),
      door,
    );
    assert.equal(reader.cellsOf(['k1'])[0], reader.cell('k1'), `${door}: one cell per key`);
    db.close();
  }
});

test('an increment of keys a process has not read yet counts on top of their stored counts', () => {
  const db = openDatabase(':memory:');
  const truth = written(db);
  const second = new DfCells(db);
  second.cell('k3');
  const keys = ['k3', 'k5', 'k8', 'brand-new'];
  db.transaction(() => second.increment(keys))();
  for (const k of keys) truth.set(k, (truth.get(k) ?? 0) + 1);
  for (const k of keys) assert.equal(second.cell(k).df, truth.get(k), `writer's count of ${k}`);
  const third = new DfCells(db);
  assert.deepEqual(
    third.cellsOf(keys).map((c) => c.df),
    keys.map((k) => truth.get(k)),
    'a new reader agrees',
  );
  db.close();
});

// The path every article takes after a restart, a cache reset or an eviction: keys with a cluster_df row and no cell yet.
test('increment of unread keys with a cluster_df row counts on top of the stored count', () => {
  const db = openDatabase(':memory:');
  const writer = new DfCells(db);
  const keys = ['a', 'b', 'e:x', 'n:12'];
  for (let i = 0; i < 5; i++) db.transaction(() => writer.increment(keys))();
  db.transaction(() => writer.fold())();
  const stored = db.prepare('SELECT df FROM cluster_df WHERE key = ?').pluck();
  for (const k of keys) assert.equal(stored.get(k), 5, `precondition: ${k} is in cluster_df`);
  // A second process (or this one after reset) that has not read these keys yet.
  const other = new DfCells(db);
  db.transaction(() => other.increment([...keys, 'new']))();
  for (const k of keys) assert.equal(other.cell(k).df, 6, `writer's own count of ${k}`);
  assert.equal(other.cell('new').df, 1);
  db.close();
});
