/** The assignment path's compaction (compact.ts) must store exactly what compactFeatures() would. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compactFast } from '../../src/cluster/internal/compact.js';
import { compactFeatures, featuresOf } from '../../src/cluster/internal/features.js';
import { syntheticStream } from '../../src/cluster/internal/synthetic.js';
import { FIXTURES } from './fixtures.js';

const sortKeys = <T>(r: Record<string, T>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));

test('compactFast equals compactFeatures on invented and synthetic articles, with plain and tied IDFs', () => {
  const docs = [
    ...FIXTURES.map((x) => ({ title: x.title, text: x.text, published: x.published, language: x.lang })),
    ...[...syntheticStream(20)].map((a) => ({ title: a.title, text: a.text, published: a.published, language: 'xx' })),
  ];
  // Two IDFs: one that varies by key, and a constant one where every cut-off is a tie broken by key.
  const idfs = [(k: string) => 1 + (k.length % 5) / 3, () => 1];
  let trimmed = 0;
  for (const d of docs) {
    const f = featuresOf(d);
    for (const idf of idfs) {
      const want = compactFeatures(f, idf);
      const got = compactFast(f, idf);
      assert.deepEqual(sortKeys(got.terms), sortKeys(want.terms));
      assert.deepEqual(sortKeys(got.entities), sortKeys(want.entities));
      assert.deepEqual(sortKeys(got.surfaces), sortKeys(want.surfaces));
      assert.deepEqual(got.numbers, want.numbers);
      assert.deepEqual({ ...got, terms: 0, entities: 0, surfaces: 0 }, { ...want, terms: 0, entities: 0, surfaces: 0 });
      if (Object.keys(want.terms).length < Object.keys(f.terms).length) trimmed++;
    }
  }
  assert.ok(trimmed >= 10, 'long articles are actually compacted');
});
