import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seeds } from '../../src/dedup/internal/hash.js';
import { bandKeys, bandScheme, candidateProbability, containmentSamples, estimateJaccard, signature } from '../../src/dedup/internal/minhash.js';

function range(from: number, to: number): Int32Array {
  return Int32Array.from({ length: to - from }, (_, i) => from + i);
}

test('MinHash estimates Jaccard within sampling error', () => {
  const fns = seeds(99, 256);
  for (const [a, b, j] of [
    [range(0, 1000), range(0, 1000), 1],
    [range(0, 1000), range(500, 1500), 1 / 3],
    [range(0, 1000), range(900, 1900), 100 / 1900],
    [range(0, 1000), range(5000, 6000), 0],
  ] as const) {
    const est = estimateJaccard(signature(a, fns), signature(b, fns));
    // 256 permutations: standard error ≤ 0.032; 0.1 is > 3 standard errors
    assert.ok(Math.abs(est - j) < 0.1, `estimate ${est} vs true ${j}`);
  }
});

test('band keys: identical sets share every band, disjoint sets none, empty sets have no keys', () => {
  const scheme = bandScheme(7, 8, 2);
  const a = bandKeys(range(0, 300), scheme);
  assert.equal(a.length, 8);
  assert.deepEqual(bandKeys(range(0, 300).reverse(), scheme), a);
  const other = new Set(bandKeys(range(10_000, 10_300), scheme));
  assert.equal(a.filter((k) => other.has(k)).length, 0);
  assert.deepEqual(bandKeys(new Int32Array(0), scheme), []);
  for (const k of a) assert.ok(Number.isInteger(k) && k >= -(2 ** 31) && k < 2 ** 31, 'signed 32-bit');
});

test('schemes with different tags never share keys for the same set', () => {
  const set = range(0, 200);
  const x = new Set(bandKeys(set, bandScheme(1, 8, 2)));
  assert.equal(bandKeys(set, bandScheme(2, 8, 2)).filter((k) => x.has(k)).length, 0);
});

test('candidate probability is the LSH S-curve', () => {
  assert.equal(candidateProbability(0, 8, 2), 0);
  assert.equal(candidateProbability(1, 8, 2), 1);
  assert.ok(candidateProbability(0.7, 8, 2) > 0.99);
  assert.ok(candidateProbability(0.1, 8, 2) < 0.1);
});

test('containment samples survive embedding: a passage inside a larger text keeps its samples', () => {
  const passage = range(0, 2000);
  const host = Int32Array.from([...range(50_000, 53_000), ...passage]);
  const inPassage = new Set(containmentSamples(passage, 5, 48, 1000));
  const inHost = new Set(containmentSamples(host, 5, 48, 1000));
  assert.ok(inPassage.size > 10);
  for (const k of inPassage) assert.ok(inHost.has(k));
  assert.equal(containmentSamples(passage, 5, 48, 4).length, 4, 'capped');
});
