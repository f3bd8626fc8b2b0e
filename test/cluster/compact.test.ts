/** The assignment path's compaction (compact.ts) must store exactly what compactFeatures() would. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compactFast } from '../../src/cluster/internal/compact.js';
import { compactFeatures, type Features, featuresOf, STORED_TERMS } from '../../src/cluster/internal/features.js';
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

/** Features with `n` terms `t000…` (weights falling), so the last ones are dropped, plus the given names and display forms. */
function handMade(n: number, entities: Record<string, number>, surfaces: Record<string, string>): Features {
  const terms: Record<string, number> = {};
  for (let i = 0; i < n; i++) terms[`t${String(i).padStart(3, '0')}`] = n - i;
  return { terms, entities, numbers: [], dates: [], primary: null, time: null, language: null, surfaces };
}

// A display form is kept when its key is a kept term or, cut by two characters, a kept name key: also for keys that
// are not `e:` keys, of any length (the fast path skips the cut only where no kept name key has the right length).
const SURFACE_CASES: { name: string; f: Features; kept: string[] }[] = [
  {
    name: 'a dropped term whose tail is a name key',
    f: handMade(STORED_TERMS + 5, { 23: 1, put: 2 }, { t123: 'x', t124: 'y', abput: 'z', 'e:put': 'Put', t000: 'first' }),
    kept: ['t123', 'abput', 'e:put', 't000'],
  },
  { name: 'an empty name key', f: handMade(STORED_TERMS + 2, { '': 1 }, { t121: 'gone', q: 'q', ab: 'ab', abc: 'no' }), kept: ['q', 'ab'] },
  {
    name: 'keys longer than the length mask',
    f: handMade(
      STORED_TERMS + 1,
      { [`${'n'.repeat(40)}`]: 1, [`${'m'.repeat(33)}`]: 1 },
      { [`e:${'n'.repeat(40)}`]: 'N', [`e:${'n'.repeat(35)}`]: 'no', [`xx${'m'.repeat(33)}`]: 'M' },
    ),
    kept: [`e:${'n'.repeat(40)}`, `xx${'m'.repeat(33)}`],
  },
];

for (const c of SURFACE_CASES) {
  test(`compactFast keeps the display forms compactFeatures keeps: ${c.name}`, () => {
    const idf = () => 1;
    const want = compactFeatures(c.f, idf);
    const got = compactFast(c.f, idf);
    assert.deepEqual(Object.keys(want.surfaces), c.kept, 'the reference keeps what the case says');
    assert.equal(JSON.stringify(got), JSON.stringify(want));
  });
}
