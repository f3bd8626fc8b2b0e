/**
 * The main table's key filter: no false negatives, a false-positive rate as sized, kept covering
 * the main table through merges and rebuilds, built for stores made by the version-2 code, and
 * ignored when the main table was changed by code that does not know it.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Database } from 'better-sqlite3';
import { createProvenance, listDuplicates } from '../../src/dedup/index.js';
import { FILTER_BITS_PER_POSTING, FILTER_GROWTH, FilterStore, KeyFilter } from '../../src/dedup/internal/key-filter.js';
import { LshIndex, MAIN_ROWS } from '../../src/dedup/internal/lsh-index.js';
import { dedupSchema } from '../../src/dedup/schema.js';
import { openDatabase } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { tempDir } from '../helpers/tmp.js';
import { NEAR, ORIGIN, UNRELATED } from './fixtures.js';
import { store } from './store-helpers.js';

/** Seeded 32-bit keys (an LCG), distinct enough for these tests. */
function keys(n: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) | 0;
    return s;
  });
}

function mainRows(db: Database): number {
  return db.prepare('SELECT value FROM dedup_meta WHERE name = ?').pluck().get(MAIN_ROWS) as number;
}

function linkedPairs(db: Database): string[] {
  return listDuplicates(db).map((l) => [l.a, l.b].sort().join('~'));
}

test('filter: every added key is kept; the false-positive rate is what its size gives', () => {
  const n = 50_000;
  const f = KeyFilter.sizedFor(n);
  const added = keys(n, 1);
  for (const k of added) f.add(k);
  assert.equal(added.filter((k) => !f.mayContain(k)).length, 0, 'no false negatives');
  const others = keys(n, 2);
  const fp = others.filter((k) => f.mayContain(k)).length / n;
  // 4 bits per key and 2 hashes: (1 − e^(−2/4))² = 0.155
  const expected = (1 - Math.exp(-2 / FILTER_BITS_PER_POSTING)) ** 2;
  assert.ok(Math.abs(fp - expected) < 0.02, `false-positive rate ${fp}, expected ${expected.toFixed(3)}`);
  assert.equal(f.capacity, Math.floor((f.size * FILTER_GROWTH) / FILTER_BITS_PER_POSTING));
});

test('merges keep the stored filter covering exactly the main table, rebuilt once the table outgrows it', () => {
  const db = openDatabase(':memory:');
  const index = new LshIndex(db, 64);
  const filters = new FilterStore(db);
  const initial = filters.load(0);
  assert.ok(initial, 'a new store has an (empty) filter');
  // 2,000 articles × 20 keys: many merges, and past the first filter's capacity
  const all = keys(40_000, 3);
  for (let seq = 1; seq <= 2000; seq++) index.insert(seq, { shingle: all.slice((seq - 1) * 20, seq * 20), anchor: [], sample: [] });
  assert.ok(index.merges > 5, `${index.merges} merges`);
  assert.ok(index.filterRebuilds >= 1, 'rebuilt when the main table outgrew it');
  const rows = mainRows(db);
  const stored = filters.load(rows);
  assert.ok(stored, 'the stored filter covers the recorded main row count');
  assert.ok(rows > initial.capacity);
  const inMain = db.prepare('SELECT key FROM dedup_lsh').pluck().all() as number[];
  assert.equal(inMain.length, rows);
  assert.equal(inMain.filter((k) => !stored.mayContain(k)).length, 0, 'every main key passes the filter');
  // lookups: keys in either table are found; most absent keys never reach the main table
  const before = index.filteredProbes;
  assert.equal(index.query({ shingle: [all[5] ?? 0], anchor: [], sample: [] }, 0).length, 1, 'an old key is found');
  assert.equal(index.query({ shingle: [all[39_990] ?? 0], anchor: [], sample: [] }, 0).length, 1, 'a recent key is found');
  // (200 keys: one statement probes each key in both tables, and SQLite allows 500 terms in a compound SELECT)
  assert.equal(index.query({ shingle: keys(200, 4), anchor: [], sample: [] }, 0).length, 0);
  // 400 probes (each key in both tables): the main filter (4–2.7 bits per key) and the recent one (8) rule most out
  assert.ok(index.filteredProbes - before > 300, `${index.filteredProbes - before} of 400 probes of absent keys skipped`);
  db.close();
});

test('upgrade of a version-2 store: the filter is built from the keys already indexed', () => {
  const db = openDatabase(':memory:');
  // a store as the version-2 code left it: no filter table; its merges moved postings into the main table
  db.exec(`DROP TABLE dedup_lsh_filter; DELETE FROM schema_migrations WHERE stage = 'dedup' AND version = 3`);
  const old = new Map<string, number>();
  db.transaction(() => {
    for (const [id, paragraphs] of [
      ['origin', ORIGIN],
      ['other', UNRELATED],
    ] as const)
      old.set(id, store(db, null, id, paragraphs).seq);
  })();
  // index them, then move every posting to the main table as the version-2 merge does
  const tmp = openDatabase(':memory:');
  const probe = createProvenance(tmp);
  for (const [id, paragraphs] of [
    ['origin', ORIGIN],
    ['other', UNRELATED],
  ] as const)
    store(tmp, probe, id, paragraphs);
  const postings = tmp.prepare('SELECT key, seq FROM dedup_lsh UNION ALL SELECT key, seq FROM dedup_lsh_recent').raw().all() as [number, number][];
  tmp.close();
  const put = db.prepare('INSERT OR IGNORE INTO dedup_lsh (key, seq) VALUES (?, ?)');
  db.transaction(() => {
    for (const [key, seq] of postings) put.run(key, seq);
    db.prepare(`UPDATE dedup_meta SET value = ? WHERE name = '${MAIN_ROWS}'`).run(postings.length);
    db.prepare("INSERT INTO dedup_meta (name, value) VALUES ('indexed_through', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value").run(
      Math.max(...old.values()),
    );
  })();

  assert.deepEqual(migrate(db, [dedupSchema]), [`dedup:3 ${dedupSchema.migrations[2]?.name}`]);
  const filter = new FilterStore(db).load(mainRows(db));
  assert.ok(filter, 'a filter covering the main table');
  assert.equal(postings.filter(([k]) => !filter.mayContain(k)).length, 0);
  const stage = createProvenance(db);
  assert.equal(stage.stats.backfilled, 0, 'nothing re-indexed');
  store(db, stage, 'near', NEAR);
  assert.ok(linkedPairs(db).includes('near~origin'), 'a new copy is linked to its origin, whose keys are only in the main table');
  db.close();
});

test('a merge by code that does not know the filter: the stale filter is not used, and the next merge rebuilds it', () => {
  const file = join(tempDir(), 'stale.db');
  const [a, b] = [openDatabase(file), openDatabase(file)];
  try {
    const stage = createProvenance(a);
    store(a, stage, 'warm-up', UNRELATED);
    store(a, stage, 'origin', ORIGIN);
    // another connection moves the postings into the main table as the version-2 merge did (no filter update)
    b.exec(
      `UPDATE dedup_meta SET value = value + (SELECT count(*) FROM dedup_lsh_recent) WHERE name = '${MAIN_ROWS}';
       INSERT OR IGNORE INTO dedup_lsh SELECT key, seq FROM dedup_lsh_recent ORDER BY key, seq; DELETE FROM dedup_lsh_recent`,
    );
    assert.equal(new FilterStore(a).load(mainRows(a)), null, 'the stored filter no longer covers the main table');
    store(a, stage, 'near', NEAR);
    assert.ok(linkedPairs(a).includes('near~origin'), 'found in the main table all the same');
    const index = new LshIndex(a, 64);
    // more postings than MIN_RECENT_ROWS: the merge is due
    a.transaction(() => index.insert(1, { shingle: keys(1100, 5), anchor: [], sample: [] }))();
    assert.equal(index.filterRebuilds, 1);
    assert.ok(new FilterStore(a).load(mainRows(a)), 'rebuilt by the next merge');
  } finally {
    a.close();
    b.close();
  }
});

test('recent filter: rebuilt after another connection commits, and after a rolled-back merge', () => {
  const file = join(tempDir(), 'recent.db');
  const [a, b] = [openDatabase(file), openDatabase(file)];
  try {
    const [ia, ib] = [new LshIndex(a, 64), new LshIndex(b, 64)];
    const [k1, k2] = keys(2, 6);
    const q = (index: LshIndex, key: number) => index.query({ shingle: [key ?? 0], anchor: [], sample: [] }, 0).map((h) => h.seq);
    assert.deepEqual(q(ia, k1 ?? 0), [], 'nothing yet (the filter is built)');
    const builds = ia.recentFilterBuilds;
    b.transaction(() => ib.insert(7, { shingle: [k1 ?? 0], anchor: [], sample: [] }))();
    assert.deepEqual(q(ia, k1 ?? 0), [7], 'the other connection’s posting is found');
    assert.equal(ia.recentFilterBuilds, builds + 1, 'by rebuilding the recent filter');
    // a merge inside a transaction that is rolled back: the recent postings come back, and are found
    a.transaction(() => ia.insert(8, { shingle: [k2 ?? 0], anchor: [], sample: [] }))();
    assert.throws(() =>
      a.transaction(() => {
        ia.insert(9, { shingle: keys(1100, 7), anchor: [], sample: [] });
        assert.equal(ia.merges, 1);
        throw new Error('roll back');
      })(),
    );
    assert.deepEqual(q(ia, k2 ?? 0), [8]);
    assert.deepEqual(q(ia, k1 ?? 0), [7]);
  } finally {
    a.close();
    b.close();
  }
});
