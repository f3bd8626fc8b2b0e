/** strongestHits keeps exactly the events a full sort by weight (then id) would keep, in that order. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strongestHits } from '../../src/cluster/internal/select.js';
import { strongestFirst } from '../../src/cluster/internal/top-keys.js';
import { mulberry32 } from '../../src/internal/random.js';

test('strongestHits equals sort-and-cut, ties included', () => {
  const cases = [
    { size: 5, keep: 30, levels: 0 },
    { size: 1440, keep: 30, levels: 0 },
    { size: 200, keep: 30, levels: 3 },
    { size: 31, keep: 30, levels: 1 },
    // The engine's shape: ~60 hits for 10 kept, many equal sums; and no hits at all.
    { size: 60, keep: 10, levels: 2 },
    { size: 60, keep: 10, levels: 0 },
    { size: 0, keep: 10, levels: 0 },
  ];
  const r = mulberry32(7);
  for (const c of cases) {
    const hits = new Map<string, number>();
    for (let i = 0; i < c.size; i++) hits.set(`ev_${Math.floor(r() * 1e9).toString(36)}`, c.levels ? 1 + Math.floor(r() * c.levels) : r());
    const want = [...hits.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, c.keep);
    assert.deepEqual(strongestHits(hits, c.keep), want, `${c.size} hits, keep ${c.keep}`);
  }
});

test('strongestFirst (the index keys) equals sort-and-cut, ties included', () => {
  const r = mulberry32(11);
  for (const [size, keep, levels] of [
    [10, 40, 0],
    [375, 40, 0],
    [375, 40, 2],
    [41, 40, 1],
  ] as const) {
    const keys = Array.from({ length: size }, (_, i) => `k${i}_${Math.floor(r() * 1e6)}`);
    const scores = Float64Array.from(keys, () => (levels ? 1 + Math.floor(r() * levels) : r()));
    const want = keys
      .map((k, i) => [k, scores[i] as number] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, keep)
      .map(([k]) => k);
    assert.deepEqual(strongestFirst(keys, scores, keep), want, `${size} keys, keep ${keep}`);
  }
});

test('nthSmallest equals the typed-array sort at every index: ties, zeros of both signs, NaN, sorted and reversed input', async () => {
  const { nthSmallest } = await import('../../src/cluster/internal/top-keys.js');
  const r = mulberry32(5);
  const arrays: Float64Array[] = [];
  for (const size of [1, 2, 3, 7, 31, 140, 301]) {
    arrays.push(Float64Array.from({ length: size }, () => r() * 10));
    arrays.push(Float64Array.from({ length: size }, () => Math.floor(r() * 3)));
    arrays.push(Float64Array.from({ length: size }, (_, i) => i));
    arrays.push(Float64Array.from({ length: size }, (_, i) => size - i));
    arrays.push(Float64Array.from({ length: size }, (_, i) => (i % 2 ? -0 : 0)));
    arrays.push(Float64Array.from({ length: size }, (_, i) => (i % 5 === 0 ? Number.NaN : r())));
  }
  for (const a of arrays) {
    const sorted = a.slice().sort();
    for (let n = 0; n < a.length; n++) {
      const got = nthSmallest(a.slice(), n);
      const want = sorted[n] as number;
      assert.ok(Number.isNaN(want) ? Number.isNaN(got) : got === want, `index ${n} of ${a.length}`);
    }
  }
});
