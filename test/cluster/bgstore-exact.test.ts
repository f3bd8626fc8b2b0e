/**
 * The reservoir's vectors and cosines (bgstore.ts) give exactly the histogram counts of the frozen earlier code
 * (test/cluster/frozen/bgstore.ts): the same stored row after every article of a synthetic and an invented stream,
 * with two languages and an IDF that varies by key, so every pair's cosine must land in the same bin.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BACKGROUND_MIN_DOCS, BACKGROUNDS_META_KEY, StoredBackgrounds } from '../../src/cluster/internal/bgstore.js';
import { featuresOf } from '../../src/cluster/internal/features.js';
import { syntheticStream } from '../../src/cluster/internal/synthetic.js';
import { openDatabase } from '../../src/store/db.js';
import { FIXTURES } from './fixtures.js';
import { StoredBackgrounds as FrozenBackgrounds } from './frozen/bgstore.js';

/** Articles offered: enough for the reservoirs (64 per language) to fill and start replacing members. */
const ARTICLES = 300;

test('background counts equal the frozen reference, article by article', () => {
  const dbs = [openDatabase(':memory:'), openDatabase(':memory:')] as const;
  const now = new StoredBackgrounds(dbs[0]);
  const before = new FrozenBackgrounds(dbs[1]);
  const stored = (i: 0 | 1) => dbs[i].prepare('SELECT value FROM cluster_meta WHERE key = ?').pluck().get(BACKGROUNDS_META_KEY);
  const idf = (k: string) => 0.5 + ((k.charCodeAt(0) * 7 + k.length) % 11) / 4;
  const texts = [
    ...FIXTURES.map((x) => ({ title: x.title, text: x.text, published: x.published, language: x.lang })),
    ...[...syntheticStream(ARTICLES)].map((a) => ({ title: a.title, text: a.text, published: a.published, language: 'xx' })),
  ];
  let pairs = 0;
  for (const [i, d] of texts.entries()) {
    const f = featuresOf(d);
    // Two languages drawn from one stream, so each reservoir sees articles of several stories.
    const language = i % 3 === 0 ? 'aa' : 'bb';
    const n = now.offer(language, f.terms, idf, BACKGROUND_MIN_DOCS + i);
    assert.equal(n, before.offer(language, f.terms, idf, BACKGROUND_MIN_DOCS + i), `pairs of article ${i}`);
    pairs += n;
    assert.equal(stored(0), stored(1), `stored counts after article ${i}`);
  }
  assert.deepEqual(now.backgrounds.toJSON(), before.backgrounds.toJSON());
  assert.ok(pairs > 400, 'pairs were observed');
  for (const db of dbs) db.close();
});
