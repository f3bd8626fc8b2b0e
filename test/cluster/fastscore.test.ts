/**
 * The clusterer's fast candidate scorer must give exactly what score() gives (it replaces score() on the
 * hot path). If similarity.ts changes its formula, this test fails and the fast path must follow.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DfCells } from '../../src/cluster/internal/dfcells.js';
import { FastScorer } from '../../src/cluster/internal/fastscore.js';
import type { Features } from '../../src/cluster/internal/features.js';
import { dfKeys } from '../../src/cluster/internal/idf.js';
import { pack } from '../../src/cluster/internal/packed.js';
import type { Profile } from '../../src/cluster/internal/profile.js';
import { DEFAULT_WEIGHTS, score } from '../../src/cluster/internal/similarity.js';
import { openDatabase } from '../../src/store/db.js';
import { scoringFixtures } from './fixtures.js';

const TOLERANCE = 1e-9;

function setup() {
  const db = openDatabase(':memory:');
  const cells = new DfCells(db);
  const { feats, profiles } = scoringFixtures();
  for (const f of feats) cells.increment([...new Set(dfKeys(f))]);
  const docs = feats.length;
  const idf = (k: string) => cells.idfOf(cells.cell(k), docs);
  return { db, cells, feats, profiles, docs, idf };
}

test('fast scorer equals score() for every article against every profile, with and without dates', () => {
  const { cells, feats, profiles, docs, idf } = setup();
  const fast = new FastScorer(cells);
  let compared = 0;
  let nonZero = 0;
  for (const f of feats) {
    const packed = profiles.map((p) => pack(p, cells));
    fast.load(f, docs);
    profiles.forEach((p, i) => {
      for (const useDates of [true, false]) {
        const want = score(f, p, idf, DEFAULT_WEIGHTS, useDates).parts;
        const got = fast.parts(p, packed[i] as (typeof packed)[number], DEFAULT_WEIGHTS, useDates);
        for (const k of ['text', 'entities', 'numbers', 'date', 'total'] as const) {
          assert.ok(Math.abs(got[k] - want[k]) <= TOLERANCE, `${k}: fast ${got[k]} vs score() ${want[k]}`);
        }
        compared++;
        if (want.total > 0) nonZero++;
      }
    });
    fast.unload();
  }
  assert.equal(compared, feats.length * profiles.length * 2);
  assert.ok(nonZero > compared / 4, 'the comparison covers real overlaps, not only zeros');
});

test('fast scorer equals score() with a language text scale other than 1 (and the scale moves the totals)', () => {
  const { cells, feats, profiles, docs, idf } = setup();
  const fast = new FastScorer(cells);
  // The bounds of the scale and a value in between (background.ts: MIN_TEXT_SCALE, a Chinese-like 1.55, MAX_TEXT_SCALE).
  for (const textScale of [0.5, 1.55, 2]) {
    let moved = 0;
    for (const f of feats) {
      const packed = profiles.map((p) => pack(p, cells));
      fast.load(f, docs, textScale);
      profiles.forEach((p, i) => {
        for (const useDates of [true, false]) {
          const want = score(f, p, idf, DEFAULT_WEIGHTS, useDates, {}, textScale).parts;
          const got = fast.parts(p, packed[i] as (typeof packed)[number], DEFAULT_WEIGHTS, useDates);
          for (const k of ['text', 'entities', 'numbers', 'date', 'total'] as const) {
            assert.ok(Math.abs(got[k] - want[k]) <= TOLERANCE, `scale ${textScale} ${k}: fast ${got[k]} vs score() ${want[k]}`);
          }
          if (Math.abs(want.total - score(f, p, idf, DEFAULT_WEIGHTS, useDates).parts.total) > TOLERANCE) moved++;
        }
      });
      fast.unload();
    }
    assert.ok(moved > 0, `scale ${textScale} changes some totals (else the equality above proves nothing)`);
  }
});

test('fast scorer follows document-frequency changes and refuses profiles packed before an eviction', () => {
  const { cells, feats, profiles, docs, idf } = setup();
  const fast = new FastScorer(cells);
  const f = feats[0] as Features;
  const p = profiles[1] as Profile;
  const packed = pack(p, cells);
  // New documents change IDF for keys already packed: the packed profile must see the new values.
  cells.increment([...new Set(dfKeys(feats[1] as Features))]);
  const idf2 = (k: string) => cells.idfOf(cells.cell(k), docs + 1);
  fast.load(f, docs + 1);
  const got = fast.parts(p, packed, DEFAULT_WEIGHTS).total;
  fast.unload();
  assert.ok(Math.abs(got - score(f, p, idf2).parts.total) <= TOLERANCE);
  assert.notEqual(score(f, p, idf2).parts.total, score(f, p, idf).parts.total, 'the change is visible');
  cells.reset();
  fast.load(f, docs + 1);
  assert.throws(() => fast.parts(p, packed, DEFAULT_WEIGHTS), /evicted/);
  fast.unload();
});
