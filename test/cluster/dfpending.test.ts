/**
 * The journal's pending counts live on the df cells while a key has one (dfjournal.ts PendingCount): a cell is its
 * key's pending entry or holds 0. Every way a cell and the map can part is driven here at random against plain
 * counting: cells dropped at their bound while counts are pending (a new cell must take over the old one's count),
 * full folds (cells that outlive the cleared map must start again from 0), whole reads after a rollback, slice folds
 * over several snapshots, and a second writer caught up with (its keys join the cells that exist).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Database } from 'better-sqlite3';
import { DF_CELLS_MAX, DfCells } from '../../src/cluster/internal/dfcells.js';
import { DF_FOLD_EVERY } from '../../src/cluster/internal/dfjournal.js';
import { openDatabase } from '../../src/store/db.js';

/** Keys the articles draw from (skewed to low indices, so common keys stay pending across folds). */
const VOCABULARY = 400;
/**
 * The two writers' vocabulary: a long tail of keys met a few times each, so many keys have nothing pending when the
 * other writer's rows bring them in again (the case where a catch-up must link the entry to our cell).
 */
const WIDE_VOCABULARY = 3000;
const MAX_KEYS_PER_ARTICLE = 9;
/** Articles per run: past one whole snapshot, so slices fold while cells come and go. */
const ARTICLES = DF_FOLD_EVERY + 700;

function keyName(i: number): string {
  return i % 4 === 0 ? `e:n${i}` : i % 4 === 1 ? `n:${i * 13}` : `w${(i * 7919) % 997}k${i}`;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

function article(rnd: () => number, vocabulary = VOCABULARY): string[] {
  const n = 1 + Math.floor(rnd() * MAX_KEYS_PER_ARTICLE);
  const keys = new Set<string>();
  while (keys.size < n) keys.add(keyName(Math.floor(vocabulary * rnd() ** 2)));
  return [...keys];
}

function assertCounts(cells: DfCells, truth: Map<string, number>, when: string, vocabulary = VOCABULARY): void {
  for (let i = 0; i < vocabulary; i++) {
    const k = keyName(i);
    assert.equal(cells.cell(k).df, truth.get(k) ?? 0, `df of ${k} ${when}`);
  }
}

/** Fills the cells past their bound with keys no article has, so the next evict() drops every cell. */
function overfill(cells: DfCells, round: number): void {
  const filler: string[] = [];
  for (let i = 0; cells.size + filler.length <= DF_CELLS_MAX; i++) filler.push(`zz${round}:${i}`);
  cells.cellsOf(filler);
}

function count(truth: Map<string, number>, keys: readonly string[]): void {
  for (const k of keys) truth.set(k, (truth.get(k) ?? 0) + 1);
}

const SEEDS: [string, number, { evictEvery: number; foldChance: number; rollbackChance: number }][] = [
  ['drops at the bound only', 11, { evictEvery: 900, foldChance: 0, rollbackChance: 0 }],
  ['drops, full folds and rollbacks', 29, { evictEvery: 1300, foldChance: 0.002, rollbackChance: 0.003 }],
];

for (const [name, seed, o] of SEEDS) {
  test(`pending counts on the cells stay exact: ${name}`, () => {
    const db = openDatabase(':memory:');
    const rnd = rng(seed);
    const truth = new Map<string, number>();
    const cells = new DfCells(db);
    let drops = 0;
    for (let a = 1; a <= ARTICLES; a++) {
      if (a % o.evictEvery === 0) {
        // Read some keys first, so cells that are pending entries exist when they are dropped.
        for (let i = 0; i < VOCABULARY; i += 7) cells.cell(keyName(i));
        overfill(cells, a);
        assert.equal(cells.evict(), true, 'over the bound, the cells are dropped');
        drops++;
      }
      const keys = article(rnd);
      if (rnd() < o.rollbackChance) {
        assert.throws(() =>
          db.transaction(() => {
            cells.increment(keys);
            throw new Error('rolled back');
          })(),
        );
        // What the engine does after a failed article: forget memory, read the store back.
        cells.reset();
        continue;
      }
      db.transaction(() => cells.increment(keys))();
      count(truth, keys);
      if (rnd() < o.foldChance) db.transaction(() => cells.fold())();
      if (a % 500 === 0) assertCounts(cells, truth, `in the writer after ${a} articles`);
    }
    assert.ok(drops >= 2, 'the run dropped the cells more than once');
    assertCounts(cells, truth, 'in the writer at the end');
    assertCounts(new DfCells(db), truth, 'in a new reader at the end');
    db.close();
  });
}

function fileStore(tag: string): { a: Database; b: Database; path: string } {
  const path = `/tmp/storyline-dfpending-${process.pid}-${tag}.db`;
  const a = openDatabase(path);
  const b = openDatabase(path);
  return { a, b, path };
}

for (const folder of ['first', 'second'] as const)
  test(`a writer catching up on another keeps its cells as the pending entries (${folder} folds at the end)`, async () => {
    const { rmSync } = await import('node:fs');
    const { a, b, path } = fileStore(folder);
    try {
      const rnd = rng(7);
      const truth = new Map<string, number>();
      const first = new DfCells(a);
      const second = new DfCells(b);
      let turn = first;
      let switches = 0;
      for (let n = 1; n <= ARTICLES; n++) {
        if (rnd() < 0.1) {
          turn = turn === first ? second : first;
          switches++;
        }
        const db = turn === first ? a : b;
        const keys = article(rnd, WIDE_VOCABULARY);
        db.transaction(() => {
          turn.catchUp();
          turn.increment(keys);
        })();
        count(truth, keys);
      }
      for (const [w, db] of [
        [first, a],
        [second, b],
      ] as const) {
        db.transaction(() => w.catchUp())();
        assertCounts(w, truth, 'in each writer after catching up', WIDE_VOCABULARY);
      }
      assertCounts(new DfCells(a), truth, 'in a new reader', WIDE_VOCABULARY);
      // A full fold writes the folder's pending counts into cluster_df: any count its cells lost shows here.
      const [w, db] = folder === 'first' ? [first, a] : [second, b];
      db.transaction(() => w.fold())();
      assertCounts(new DfCells(a), truth, `in a new reader after the ${folder} writer's full fold`, WIDE_VOCABULARY);
      // Most catch-ups took the cheap path (the one that links the other's keys to our cells); a snapshot started by
      // the other writer still reads the journal back whole.
      assert.ok(first.journalReads + second.journalReads < switches / 4, `${first.journalReads + second.journalReads} full reads in ${switches} switches`);
    } finally {
      a.close();
      b.close();
      for (const x of ['', '-wal', '-shm']) rmSync(path + x, { force: true });
    }
  });
