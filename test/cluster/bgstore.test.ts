/**
 * The online clusterer's per-language text backgrounds (bgstore.ts): scale 1 until a language has enough random
 * pairs, counts that survive a new clusterer on the same database and a reset that clears them, and the engine
 * scoring with the stored scale.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createClusterer } from '../../src/cluster/index.js';
import { BACKGROUND_MIN_PAIRS, BACKGROUND_PAIRS_PER_ARTICLE, Backgrounds, MAX_TEXT_SCALE, MIN_TEXT_SCALE } from '../../src/cluster/internal/background.js';
import { BACKGROUND_MIN_DOCS, BACKGROUNDS_META_KEY, StoredBackgrounds } from '../../src/cluster/internal/bgstore.js';
import { DEFAULT_OPTIONS } from '../../src/cluster/internal/options.js';
import { resetClusters } from '../../src/cluster/internal/rebuild.js';
import { combine } from '../../src/cluster/internal/similarity.js';
import { ClusterState } from '../../src/cluster/internal/state.js';
import { storeBare } from '../../src/cluster/internal/streams.js';
import type { Explanation } from '../../src/cluster/types.js';
import { openDatabase } from '../../src/store/db.js';
import { FIXTURES } from './fixtures.js';

const TOLERANCE = 1e-9;
const flatIdf = () => 1;

/** Term vectors of invented articles whose pairwise text cosine is known: `shared` weight on one common key. */
function vector(i: number, shared: number): Record<string, number> {
  return shared > 0 ? { [`own${i}`]: 1, common: shared } : { [`own${i}`]: 1 };
}

function tempDb(): { path: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-bg-'));
  return { path: join(dir, 'store.db'), done: () => rmSync(dir, { recursive: true, force: true }) };
}

// Pair cosine = shared² / (1 + shared²): 0 (far below the reference background 0.06), 1 (far above), ~0.06 (at it).
const CASES = [
  { name: 'unrelated pairs with no common term', shared: 0, want: MAX_TEXT_SCALE },
  { name: 'identical pairs', shared: 1e6, want: MIN_TEXT_SCALE },
  { name: 'pairs at the reference background (dead zone)', shared: Math.sqrt(0.06 / 0.94), want: 1 },
];

for (const c of CASES) {
  test(`a language keeps scale 1 below ${BACKGROUND_MIN_PAIRS} pairs, then follows its background: ${c.name}`, () => {
    const db = openDatabase(':memory:');
    const bg = new StoredBackgrounds(db);
    let articles = 0;
    while (bg.backgrounds.count('xx') < BACKGROUND_MIN_PAIRS) {
      assert.equal(bg.scale('xx'), 1, `scale 1 at ${bg.backgrounds.count('xx')} pairs`);
      const pairs = bg.offer('xx', vector(articles, c.shared), flatIdf, BACKGROUND_MIN_DOCS);
      assert.equal(pairs, Math.min(articles, BACKGROUND_PAIRS_PER_ARTICLE), 'pairs per article, fewer only at the start');
      articles++;
    }
    assert.ok(Math.abs(bg.scale('xx') - c.want) < 1e-9, `scale ${bg.scale('xx')} at ${bg.backgrounds.count('xx')} pairs, want ${c.want}`);
    // Other languages and articles without one are untouched.
    assert.equal(bg.scale('yy'), 1);
    assert.equal(bg.scale(null), 1);
    assert.equal(bg.offer(null, vector(0, 0), flatIdf, BACKGROUND_MIN_DOCS), 0);
    db.close();
  });
}

test(`nothing is observed before the store holds ${BACKGROUND_MIN_DOCS} documents`, () => {
  const db = openDatabase(':memory:');
  const bg = new StoredBackgrounds(db);
  for (let i = 0; i < 10; i++) assert.equal(bg.offer('xx', vector(i, 0), flatIdf, BACKGROUND_MIN_DOCS - 1), 0);
  assert.equal(bg.backgrounds.count('xx'), 0);
  // Warm-up articles were not kept either: the first article after it has no earlier one to pair with.
  assert.equal(bg.offer('xx', vector(10, 0), flatIdf, BACKGROUND_MIN_DOCS), 0);
  assert.equal(bg.offer('xx', vector(11, 0), flatIdf, BACKGROUND_MIN_DOCS), 1);
  db.close();
});

test('backgrounds persist across a new clusterer on the same database; a reset clears them', () => {
  const t = tempDb();
  try {
    const db = openDatabase(t.path);
    // A language past the minimum (scale ≠ 1) learnt through the store, plus the fixtures assigned by a clusterer.
    const bg = new StoredBackgrounds(db);
    for (let i = 0; bg.backgrounds.count('xx') < BACKGROUND_MIN_PAIRS; i++) db.transaction(() => bg.offer('xx', vector(i, 0), flatIdf, BACKGROUND_MIN_DOCS))();
    // A store past the warm-up (as if it held that many documents), so the fixtures observe pairs.
    db.prepare("UPDATE cluster_meta SET value = ? WHERE key = 'docs'").run(String(BACKGROUND_MIN_DOCS));
    const c = createClusterer(db);
    for (const f of FIXTURES) {
      const a = storeBare(db, { id: f.id, title: f.title, text: f.text, lang: f.lang, published: f.published });
      db.transaction(() => c.assign(a))();
    }
    const before = new ClusterState(db).backgrounds.backgrounds;
    // Every fixture after the first observes pairs with earlier ones.
    assert.ok(before.count('en') >= FIXTURES.length - 1, `fixtures observed: ${before.count('en')} pairs`);
    db.close();

    const again = openDatabase(t.path);
    const fresh = new ClusterState(again);
    assert.deepEqual(fresh.backgrounds.backgrounds.toJSON(), before.toJSON(), 'the same counts in a new process');
    assert.equal(fresh.backgrounds.scale('xx'), MAX_TEXT_SCALE);
    resetClusters(again);
    fresh.sync();
    assert.equal(fresh.backgrounds.backgrounds.count('xx'), 0, 'a reset forgets the counts (this process too)');
    assert.equal(new ClusterState(again).backgrounds.scale('xx'), 1);
    again.close();
  } finally {
    t.done();
  }
});

test('an old store with no stored backgrounds scores with scale 1; a stored scale reaches every assignment', () => {
  const db = openDatabase(':memory:');
  assert.equal(db.prepare('SELECT value FROM cluster_meta WHERE key = ?').get(BACKGROUNDS_META_KEY), undefined);
  assert.equal(new ClusterState(db).backgrounds.scale('en'), 1);
  // Many unrelated pairs at cosine 0 for English: its scale is the maximum, and the fixtures' own pairs (at most
  // BACKGROUND_PAIRS_PER_ARTICLE each) are too few to move the 95th percentile.
  const seeded = new Backgrounds();
  for (let i = 0; i < 50 * BACKGROUND_MIN_PAIRS; i++) seeded.observe('en', 0);
  db.prepare('INSERT INTO cluster_meta (key, value) VALUES (?, ?)').run(BACKGROUNDS_META_KEY, JSON.stringify(seeded.toJSON()));
  const c = createClusterer(db);
  for (const f of FIXTURES) {
    const a = storeBare(db, { id: f.id, title: f.title, text: f.text, lang: f.lang, published: f.published });
    db.transaction(() => c.assign(a))();
  }
  assert.equal(new ClusterState(db).backgrounds.scale('en'), MAX_TEXT_SCALE);
  const joined = (db.prepare('SELECT explanation FROM article_events').all() as { explanation: string }[])
    .map((r) => JSON.parse(r.explanation) as Explanation)
    .filter((e) => e.rule.startsWith('joined event'));
  assert.ok(joined.length > 0, 'some fixtures join an event');
  for (const e of joined) {
    const w = DEFAULT_OPTIONS.weights;
    assert.ok(Math.abs(e.parts.total - combine(e.parts, w, false, MAX_TEXT_SCALE)) <= TOLERANCE, `total ${e.parts.total} uses the stored scale`);
    assert.ok(Math.abs(e.parts.total - combine(e.parts, w, false, 1)) > TOLERANCE, 'and differs from scale 1');
  }
  db.close();
});
