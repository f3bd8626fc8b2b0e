/** Profile trimming keeps exactly what sorting by weight (then key) and cutting would keep; trimming in place leaves the same record. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TRIM_SLACK, trimInPlace, trimTop } from '../../src/cluster/internal/profile.js';

function reference(v: Record<string, number>, keep: number): Record<string, number> {
  const e = Object.entries(v);
  if (e.length <= keep * TRIM_SLACK) return v;
  return Object.fromEntries(e.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, keep));
}

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

test('trimTop equals a full sort-and-cut, ties included', () => {
  const cases = [
    { size: 10, keep: 3, levels: 0 },
    { size: 10, keep: 8, levels: 0 },
    { size: 300, keep: 150, levels: 0 },
    // Few distinct values: many ties at the cut-off, resolved by key.
    { size: 300, keep: 150, levels: 4 },
    { size: 61, keep: 40, levels: 2 },
    { size: 46, keep: 30, levels: 1 },
  ];
  let trimmed = 0;
  for (const [ci, c] of cases.entries()) {
    const r = rng(ci + 1);
    const v: Record<string, number> = {};
    for (let i = 0; i < c.size; i++) v[`k${Math.floor(r() * 1e9).toString(36)}`] = c.levels ? 1 + Math.floor(r() * c.levels) : r();
    const want = reference(v, c.keep);
    const got = trimTop({ ...v }, c.keep);
    assert.deepEqual(Object.keys(got).sort(), Object.keys(want).sort(), `case ${ci}`);
    for (const k of Object.keys(want)) assert.equal(got[k], want[k]);
    if (Object.keys(want).length < Object.keys(v).length) trimmed++;
  }
  assert.ok(trimmed >= 4, 'most cases actually trim');
});

test('trimInPlace leaves the record trimTop returns: same keys, weights and key order; dropped keys listed', () => {
  const cases = [
    { name: 'continuous weights', size: 300, keep: 150, levels: 0, ints: false },
    { name: 'many ties at the cut-off', size: 300, keep: 150, levels: 4, ints: false },
    { name: 'integer-like keys among the ties', size: 80, keep: 40, levels: 3, ints: true },
    { name: 'within the slack: untouched', size: 60, keep: 40, levels: 0, ints: false },
    { name: 'one level: every key ties', size: 46, keep: 30, levels: 1, ints: true },
  ];
  for (const [ci, c] of cases.entries()) {
    const r = rng(ci + 11);
    const v: Record<string, number> = Object.create(null);
    for (let i = 0; i < c.size; i++) {
      const k = c.ints && r() < 0.3 ? String(Math.floor(r() * 5000)) : `k${Math.floor(r() * 1e9).toString(36)}`;
      // -0 and +0 tie (as in topKeys); the sign of a kept -0 must survive.
      v[k] = c.levels ? (r() < 0.05 ? -0 : 1 + Math.floor(r() * c.levels)) : r();
    }
    const want = trimTop({ ...v }, c.keep);
    const inPlace = Object.assign(Object.create(null) as Record<string, number>, v);
    const dropped = trimInPlace(inPlace, c.keep);
    assert.deepStrictEqual(Object.entries(inPlace), Object.entries(want), c.name);
    if (Object.keys(v).length <= c.keep * TRIM_SLACK) assert.equal(dropped, null, c.name);
    else
      assert.deepEqual(
        [...(dropped ?? [])].sort(),
        Object.keys(v)
          .filter((k) => !(k in want))
          .sort(),
        `${c.name}: dropped keys`,
      );
  }
});
