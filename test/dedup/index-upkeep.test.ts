/**
 * The index's upkeep: the shared-anchor bound that rejects candidates before their sentences are
 * computed, the recent table and its key-ordered merge, and the upgrade of version-1 stores.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Database } from 'better-sqlite3';
import { createProvenance, listDuplicates, prepare } from '../../src/dedup/index.js';
import { sharedAnchorBound } from '../../src/dedup/internal/anchors.js';
import { intersectionSize } from '../../src/dedup/internal/doc.js';
import { indexKeys, keySchemes, LshIndex, MAIN_ROWS, MIN_RECENT_ROWS } from '../../src/dedup/internal/lsh-index.js';
import { bandKeys } from '../../src/dedup/internal/minhash.js';
import { defaultProvenanceOptions as o } from '../../src/dedup/options.js';
import { dedupSchema } from '../../src/dedup/schema.js';
import { openDatabase } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { tempDir } from '../helpers/tmp.js';
import { GERMAN, GERMAN_NEAR, NEAR, ORIGIN, PARTIAL, REWRITE, SAME_TOPIC, UNRELATED } from './fixtures.js';
import { store } from './store-helpers.js';

/** Texts with the cases the bound must survive: sentence-initial names, separated and full-width numbers, quotes, a caseless script. */
const TRICKY: Record<string, string[]> = {
  numbers: ['Officials counted 880,000 voters. 880 000 is the figure Okafor gave.', '１２３ people met Brandt; “Vos” said 4.2 million.'],
  initialNames: ['Okafor spoke first. Brandt answered him, and Vos agreed with Brandt.', 'Nordlicht Bau denied it. Janssen did not.'],
  caseless: ['東京都は新しい計画を発表した。計画は二〇三〇年までに完了する予定である。', 'ทางการประกาศแผนใหม่ในวันจันทร์ และจะเริ่มดำเนินการในปีหน้า'],
  longWords: ['the reconstruction of the waterfront infrastructure continued throughout september.'],
};

const TEXTS: Record<string, readonly string[]> = { ORIGIN, NEAR, PARTIAL, REWRITE, SAME_TOPIC, UNRELATED, GERMAN, GERMAN_NEAR, ...TRICKY };

function view(id: string, paragraphs: readonly string[]) {
  return prepare({ id, seq: 1, text: paragraphs.join('\n\n'), paragraphs }, o);
}

test('shared-anchor bound never under-counts the anchors two texts share (every ordered pair)', () => {
  let strict = 0;
  for (const [xName, x] of Object.entries(TEXTS)) {
    for (const [yName, y] of Object.entries(TEXTS)) {
      const mine = view(yName, y).anchors;
      const exact = intersectionSize(view(xName, x).anchors, mine);
      const bound = sharedAnchorBound(x, new Set(mine));
      assert.ok(bound >= exact, `${xName} vs ${yName}: bound ${bound} < shared ${exact}`);
      if (bound > exact) strict++;
    }
  }
  // sentence-initial names make the bound larger than the true count somewhere: it is a bound, not a copy
  assert.ok(strict > 0);
});

test('shared-anchor bound rejects an unrelated text and keeps a rewrite', () => {
  const mine = view('rewrite', REWRITE).anchors;
  const limit = o.rewriteMinAnchorJaccard * mine.length;
  assert.ok(sharedAnchorBound(UNRELATED, new Set(mine)) < limit, 'unrelated text rejected');
  assert.ok(sharedAnchorBound(ORIGIN, new Set(mine)) >= limit, 'the rewrite’s origin is kept');
});

/** Pseudo-random distinct texts (seeded), so an index can be filled past a merge. */
function filler(n: number): string[][] {
  let s = 12345;
  const r = () => {
    s = (Math.imul(s, 1103515245) + 12345) | 0;
    return (s >>> 8) / 2 ** 24;
  };
  const syll = ['ka', 'lo', 'mi', 'ren', 'to', 'sa', 'vel', 'di', 'nor', 'pa'];
  const word = () => Array.from({ length: 2 + Math.floor(r() * 3) }, () => syll[Math.floor(r() * syll.length)]).join('');
  return Array.from({ length: n }, () => [
    Array.from({ length: 6 }, () => {
      const ws = Array.from({ length: 14 }, (_, i) => (i % 5 === 2 ? `${word()[0]?.toUpperCase()}${word()}` : word()));
      return `${ws.join(' ')} ${Math.floor(r() * 9000)}.`;
    }).join(' '),
  ]);
}

function count(db: Database, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

test('postings land in the recent table and are merged into the main one in key order; lookups see both', () => {
  const db = openDatabase(':memory:');
  const stage = createProvenance(db);
  const texts = filler(160);
  for (const [i, p] of texts.entries()) store(db, stage, `f${i}`, p);
  // 160 articles × ~20 keys are several merges' worth at the floor of MIN_RECENT_ROWS
  assert.ok(count(db, 'dedup_lsh') > 0, 'merged');
  assert.ok(count(db, 'dedup_lsh_recent') < MIN_RECENT_ROWS, 'recent table emptied by the merge');
  const meta = db.prepare('SELECT value FROM dedup_meta WHERE name = ?').pluck().get(MAIN_ROWS);
  assert.equal(meta, count(db, 'dedup_lsh'), 'the recorded main row count is exact');
  // an early article (now in the main table) and the last one (still recent) are both found
  const early = texts[0]!;
  const late = texts.at(-1)!;
  store(db, stage, 'copy-early', [`${early[0]} Update.`]);
  store(db, stage, 'copy-late', [`${late[0]} Update.`]);
  const pairs = listDuplicates(db).map((l) => [l.a, l.b].sort().join('~'));
  assert.ok(pairs.includes('copy-early~f0'), JSON.stringify(pairs));
  assert.ok(pairs.includes('copy-late~f159'), JSON.stringify(pairs));
  db.close();
});

test('the posting cap counts a key’s entries in both tables', () => {
  const db = openDatabase(':memory:');
  const index = new LshIndex(db, 4);
  const shared = { shingle: [77], anchor: [], sample: [] };
  for (let seq = 1; seq <= 3; seq++) index.insert(seq, shared);
  // moved as a merge moves them: the recorded main row count tells every index object the main table changed
  db.exec(
    `INSERT INTO dedup_lsh SELECT key, seq FROM dedup_lsh_recent; DELETE FROM dedup_lsh_recent; UPDATE dedup_meta SET value = value + 3 WHERE name = '${MAIN_ROWS}'`,
  );
  index.insert(4, shared);
  assert.equal(index.query(shared, 0).length, 4, 'four entries (three main, one recent): under the cap');
  index.insert(5, shared);
  assert.equal(index.query(shared, 0).length, 0, 'five entries: over the cap, skipped');
  db.close();
});

test('upgrade of a version-1 store: recent table, main row count, and name-band keys for old articles', () => {
  const db = openDatabase(':memory:');
  // a store as the version-1 code left it: one table, no name-band keys, no recent table
  db.exec(`DROP TABLE dedup_lsh_recent; DELETE FROM schema_migrations WHERE stage = 'dedup' AND version = 2; DELETE FROM dedup_meta`);
  const schemes = keySchemes(o);
  const old = [
    ['origin', ORIGIN],
    ['other', UNRELATED],
    ['topic', SAME_TOPIC],
  ] as const;
  const put = db.prepare('INSERT OR IGNORE INTO dedup_lsh (key, seq) VALUES (?, ?)');
  const nameKeys = new Map<number, number[]>();
  for (const [id, paragraphs] of old) {
    const a = store(db, null, id, paragraphs);
    const v = prepare({ id, seq: a.seq, text: a.text, paragraphs: a.paragraphs }, o);
    const names = bandKeys(v.anchors, schemes.name);
    nameKeys.set(a.seq, names);
    const k = indexKeys(v, schemes, o);
    for (const key of [...k.shingle, ...bandKeys(v.anchorPairs, schemes.anchor), ...k.sample]) put.run(key, a.seq);
    db.prepare("INSERT INTO dedup_meta (name, value) VALUES ('indexed_through', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value").run(a.seq);
  }
  const has = db.prepare('SELECT 1 FROM dedup_lsh WHERE key = ? AND seq = ?').pluck();
  const missing = () => [...nameKeys].flatMap(([seq, keys]) => keys.filter((k) => has.get(k, seq) === undefined));
  assert.ok(missing().length > 0, 'the simulated old store lacks name-band keys');
  const before = count(db, 'dedup_lsh');

  assert.deepEqual(migrate(db, [dedupSchema]), [`dedup:2 ${dedupSchema.migrations[1]?.name}`]);
  assert.deepEqual(missing(), [], 'every old article has its name-band keys');
  assert.ok(count(db, 'dedup_lsh') > before);
  assert.equal(count(db, 'dedup_lsh_recent'), 0);
  assert.equal(db.prepare('SELECT value FROM dedup_meta WHERE name = ?').pluck().get(MAIN_ROWS), count(db, 'dedup_lsh'));
  // the upgraded store works: nothing re-indexed, a new copy is linked to its old origin
  const stage = createProvenance(db);
  assert.equal(stage.stats.backfilled, 0);
  store(db, stage, 'near', NEAR);
  assert.deepEqual(
    listDuplicates(db).map((l) => [l.a, l.b, l.kind]),
    [['origin', 'near', 'near']],
  );
  db.close();
});

/** Pairs linked so far, as sorted "a~b" strings. */
function linkedPairs(db: Database): string[] {
  return listDuplicates(db).map((l) => [l.a, l.b].sort().join('~'));
}

test('recent table: a second stage object on the same connection sees the first one’s postings', () => {
  const db = openDatabase(':memory:');
  const [x, y] = [createProvenance(db), createProvenance(db)];
  store(db, y, 'warm-up', UNRELATED); // y's filter is built before x writes
  store(db, x, 'origin', ORIGIN);
  store(db, y, 'near', NEAR);
  assert.ok(linkedPairs(db).includes('near~origin'));
  db.close();
});

test('recent table: another connection’s commits are seen', () => {
  const file = join(tempDir(), 'two.db');
  const [a, b] = [openDatabase(file), openDatabase(file)];
  try {
    const stageB = createProvenance(b);
    store(b, stageB, 'warm-up', UNRELATED);
    store(a, createProvenance(a), 'origin', ORIGIN);
    store(b, stageB, 'near', NEAR);
    assert.ok(linkedPairs(b).includes('near~origin'));
  } finally {
    a.close();
    b.close();
  }
});

test('recent table: a merge rolled back with its transaction leaves the recent postings findable', () => {
  const db = openDatabase(':memory:');
  const stage = createProvenance(db);
  const texts = filler(80);
  let i = 0;
  // committed, below the first merge
  while (count(db, 'dedup_lsh_recent') < MIN_RECENT_ROWS * 0.8) store(db, stage, `f${i}`, texts[i++] ?? []);
  const committed = i;
  assert.equal(count(db, 'dedup_lsh'), 0);
  assert.throws(() =>
    db.transaction(() => {
      while (count(db, 'dedup_lsh') === 0) stage.add(store(db, null, `g${i}`, texts[i++] ?? []));
      // the merge happened and the next lookup ran after it, inside this transaction
      stage.add(store(db, null, 'probe', UNRELATED));
      throw new Error('roll back');
    })(),
  );
  assert.equal(count(db, 'dedup_lsh'), 0, 'the merge was rolled back');
  const source = texts[1] ?? [];
  assert.ok(committed > 1);
  store(db, stage, 'copy', [`${source[0]} Update.`]);
  assert.ok(linkedPairs(db).includes('copy~f1'), JSON.stringify(linkedPairs(db)));
  db.close();
});
