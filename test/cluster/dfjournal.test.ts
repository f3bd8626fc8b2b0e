/**
 * The document-frequency journal folds into cluster_df a slice per article. At every point of that schedule
 * (before a snapshot, part-way through one, right after one) a new process must read back exactly the counts
 * the writer holds, a process that takes over part-way must finish the fold, and the journal must stay bounded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Database } from 'better-sqlite3';
import { DfCells } from '../../src/cluster/internal/dfcells.js';
import { DF_FOLD_EVERY, DF_FOLD_SPREAD } from '../../src/cluster/internal/dfjournal.js';
import { resetClusters } from '../../src/cluster/internal/rebuild.js';
import { openDatabase } from '../../src/store/db.js';

/** Vocabulary of the synthetic articles: a few common keys and a long tail, so folds mix repeats and one-offs. */
const VOCABULARY = 600;
const KEYS_PER_ARTICLE = 12;

function keyName(i: number): string {
  // Mixed prefixes and lengths, so the sorted slices interleave in ways a plain counter would not.
  return i % 3 === 0 ? `e:name${i}` : i % 3 === 1 ? `t${(i * 7919) % 1000}x` : `n:${i}`;
}

/** Deterministic pseudo-random articles (distinct keys each), skewed towards low indices. */
function articles(count: number, seed: number): string[][] {
  let s = seed;
  const rnd = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  const out: string[][] = [];
  for (let a = 0; a < count; a++) {
    const keys = new Set<string>();
    while (keys.size < KEYS_PER_ARTICLE) keys.add(keyName(Math.floor(VOCABULARY * rnd() ** 2)));
    out.push([...keys]);
  }
  return out;
}

function journalRows(db: Database): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM cluster_df_log').get() as { n: number }).n;
}

function foldMark(db: Database): { upTo?: number } | null {
  const v = db.prepare("SELECT value FROM cluster_meta WHERE key = 'df_fold'").pluck().get() as string | undefined;
  return v === undefined ? null : (JSON.parse(v) as { upTo?: number });
}

/** Every vocabulary key's df as a new reader (its own DfCells on the same store) sees it. */
function readBack(db: Database): Map<string, number> {
  const cells = new DfCells(db);
  const out = new Map<string, number>();
  for (let i = 0; i < VOCABULARY; i++) out.set(keyName(i), cells.cell(keyName(i)).df);
  return out;
}

function assertCounts(got: Map<string, number>, want: Map<string, number>, when: string): void {
  for (let i = 0; i < VOCABULARY; i++) {
    const k = keyName(i);
    assert.equal(got.get(k), want.get(k) ?? 0, `df of ${k} ${when}`);
  }
}

test('a new reader sees exact counts at every point of the sliced fold, and the journal stays bounded', () => {
  const db = openDatabase(':memory:');
  const writer = new DfCells(db);
  const truth = new Map<string, number>();
  const stream = articles(DF_FOLD_EVERY * 2 + DF_FOLD_SPREAD + 40, 7);
  let seenInProgress = 0;
  let maxRows = 0;
  stream.forEach((keys, a) => {
    db.transaction(() => writer.increment(keys))();
    for (const k of keys) truth.set(k, (truth.get(k) ?? 0) + 1);
    maxRows = Math.max(maxRows, journalRows(db));
    if (foldMark(db)?.upTo !== undefined) seenInProgress++;
    // Reading back costs a journal scan: check often, but not after every article.
    if (a % 9 === 0 || a === stream.length - 1) {
      assertCounts(readBack(db), truth, `after ${a + 1} articles (new reader)`);
      for (const k of keys) assert.equal(writer.cell(k).df, truth.get(k), `writer's df of ${k} after ${a + 1} articles`);
    }
  });
  assert.ok(seenInProgress > DF_FOLD_SPREAD / 2, 'the checks covered snapshots part-way through their fold');
  assert.ok(maxRows <= DF_FOLD_EVERY + DF_FOLD_SPREAD, `journal bounded (max ${maxRows} rows)`);
  const folded = (db.prepare('SELECT COUNT(*) AS n FROM cluster_df').get() as { n: number }).n;
  assert.ok(folded > VOCABULARY / 4, 'counts did reach cluster_df');
  db.close();
});

test('a process that takes over part-way through a fold finishes it with exact counts', () => {
  const db = openDatabase(':memory:');
  const truth = new Map<string, number>();
  const stream = articles(DF_FOLD_EVERY + DF_FOLD_SPREAD / 2 + DF_FOLD_SPREAD + DF_FOLD_EVERY, 11);
  const first = new DfCells(db);
  const half = DF_FOLD_EVERY + DF_FOLD_SPREAD / 2;
  stream.slice(0, half).forEach((keys) => {
    db.transaction(() => first.increment(keys))();
    for (const k of keys) truth.set(k, (truth.get(k) ?? 0) + 1);
  });
  assert.notEqual(foldMark(db)?.upTo, undefined, 'the first process stopped part-way through a snapshot');
  const second = new DfCells(db);
  let finished = false;
  stream.slice(half).forEach((keys) => {
    db.transaction(() => second.increment(keys))();
    for (const k of keys) truth.set(k, (truth.get(k) ?? 0) + 1);
    if (foldMark(db)?.upTo === undefined) finished = true;
  });
  assert.ok(finished, 'the taken-over snapshot was completed');
  assertCounts(readBack(db), truth, 'after the takeover');
  assert.ok(journalRows(db) <= DF_FOLD_EVERY + DF_FOLD_SPREAD);
  // A full fold empties the journal and keeps every count.
  db.transaction(() => second.fold())();
  assert.equal(journalRows(db), 0);
  assertCounts(readBack(db), truth, 'after a full fold');
  db.close();
});

test('a rolled-back article leaves the stored counts exact for the next reader', () => {
  const db = openDatabase(':memory:');
  const truth = new Map<string, number>();
  const cells = new DfCells(db);
  const stream = articles(DF_FOLD_EVERY + 30, 13);
  for (const keys of stream) {
    db.transaction(() => cells.increment(keys))();
    for (const k of keys) truth.set(k, (truth.get(k) ?? 0) + 1);
  }
  const extra = articles(1, 99)[0] as string[];
  assert.throws(
    () =>
      db.transaction(() => {
        cells.increment(extra);
        throw new Error('later stage failed');
      })(),
    /later stage failed/,
  );
  assertCounts(readBack(db), truth, 'after a rollback mid-fold');
  db.close();
});

test('clearing the clusters part-way through a fold (rebuild.ts keeps cluster_meta) leaves the new counts exact', () => {
  const db = openDatabase(':memory:');
  const before = new DfCells(db);
  for (const keys of articles(DF_FOLD_EVERY + DF_FOLD_SPREAD / 2, 29)) db.transaction(() => before.increment(keys))();
  assert.notEqual(foldMark(db)?.upTo, undefined, 'cleared while a snapshot was being folded');
  resetClusters(db);
  // The journal restarts empty: its new rows must not be taken for the old snapshot's.
  const after = new DfCells(db);
  const truth = new Map<string, number>();
  articles(DF_FOLD_SPREAD / 4, 31).forEach((keys, i) => {
    db.transaction(() => after.increment(keys))();
    for (const k of keys) truth.set(k, (truth.get(k) ?? 0) + 1);
    if (i % 7 === 0) assertCounts(readBack(db), truth, `after ${i + 1} articles of the re-run`);
  });
  assertCounts(readBack(db), truth, 'after the re-run');
  db.close();
});
