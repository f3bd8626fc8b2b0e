/**
 * dotWithNew() (bgstore.ts) walks a smaller reservoir member and recomputes the new article's weights from its term
 * record instead of building a map of them: every cosine must be the very number dot() gives through the map, on random
 * vectors of both size orders, with keys of zero IDF (left out of a vector) and with a language shift.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dot, dotWithNew, unitVector } from '../../src/cluster/internal/bgstore.js';
import { dict } from '../../src/cluster/internal/dict.js';
import { mulberry32 } from '../../src/internal/random.js';

/** Random pairs tried per case. */
const PAIRS = 400;
/** Distinct stems drawn from: small enough that random vectors share keys. */
const VOCABULARY = 300;

function termsOf(r: () => number, size: number): Record<string, number> {
  const rec = dict<number>();
  for (let i = 0; i < size; i++) rec[`s${Math.floor(r() * VOCABULARY)}`] = 1 + Math.log(1 + Math.floor(r() * 5));
  return rec;
}

const cases: { name: string; shift: number; zeroShare: number }[] = [
  { name: 'plain IDF', shift: 0, zeroShare: 0 },
  { name: 'IDF of zero for some keys', shift: 0, zeroShare: 0.2 },
  { name: 'language shift (max(0, idf - shift))', shift: 0.9, zeroShare: 0 },
];

for (const c of cases) {
  test(`dotWithNew equals the map-based dot: ${c.name}`, () => {
    const r = mulberry32(21);
    const base = new Map<string, number>();
    for (let i = 0; i < VOCABULARY; i++) base.set(`s${i}`, r() < c.zeroShare ? 0 : 0.2 + 3 * r());
    const idf = (k: string) => base.get(k) ?? 0;
    const w = c.shift > 0 ? (k: string) => Math.max(0, idf(k) - c.shift) : idf;
    let larger = 0;
    let shared = 0;
    for (let p = 0; p < PAIRS; p++) {
      const terms = termsOf(r, 1 + Math.floor(r() * 120));
      const member = unitVector(termsOf(r, 1 + Math.floor(r() * 120)), w);
      const v = unitVector(terms, w);
      const want = dot(v, { keys: member.keys, weights: member.weights, byKey: null });
      const got = dotWithNew(v, member, terms, w);
      assert.ok(Object.is(got, want), `pair ${p}: ${got} vs ${want}`);
      if (v.keys.length > member.keys.length) larger++;
      if (want !== 0) shared++;
    }
    // Both branches ran, and most pairs share keys (so the products were summed, not just skipped).
    assert.ok(larger > PAIRS / 5 && larger < PAIRS - PAIRS / 5, `new vector larger in ${larger} pairs`);
    assert.ok(shared > PAIRS / 2, `pairs sharing a key: ${shared}`);
  });
}
