/**
 * An explanation lists the 8 strongest shared keys as sorting and cutting them all would (computed here, not by
 * another caller of the same selection), and crossLanguage's four cases.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Features } from '../../src/cluster/internal/features.js';
import { emptyProfile, type Profile } from '../../src/cluster/internal/profile.js';
import { crossLanguage, DEFAULT_WEIGHTS, score } from '../../src/cluster/internal/similarity.js';
import { mulberry32 } from '../../src/internal/random.js';

function feats(terms: Record<string, number>, language: string | null): Features {
  return { terms, entities: {}, numbers: [], dates: [], primary: null, time: null, language, surfaces: {} };
}

test('sharedTerms are the 8 largest contributions (ties by key), in that order', () => {
  const r = mulberry32(5);
  for (let it = 0; it < 300; it++) {
    const a: Record<string, number> = {};
    const b: Record<string, number> = {};
    for (let i = 0; i < 40; i++) {
      const k = `w${Math.floor(r() * 60)}`;
      a[k] = 1 + Math.floor(r() * 3); // few distinct values: many ties
      if (r() < 0.7) b[k] = 1 + Math.floor(r() * 3);
    }
    const p: Profile = { ...emptyProfile(), terms: b, n: 1 };
    const got = score(feats(a, null), p, () => 1, DEFAULT_WEIGHTS, false).sharedTerms;
    const want = Object.keys(a)
      .filter((k) => b[k] !== undefined)
      .map((k) => [k, (a[k] as number) * (b[k] as number)] as const)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, 8)
      .map(([k]) => k);
    assert.deepEqual(got, want, `case ${it}`);
  }
});

test('crossLanguage: unknown article language, cluster without languages, shared language, other languages only', () => {
  const langs = (o: Record<string, number>): Profile => ({ ...emptyProfile(), langs: o, n: 1 });
  const cases: [string | null, Record<string, number>, boolean][] = [
    [null, { en: 1 }, false],
    ['en', {}, false],
    ['en', { en: 1, de: 2 }, false],
    ['en', { de: 2 }, true],
  ];
  for (const [lang, l, want] of cases) assert.equal(crossLanguage(feats({}, lang), langs(l)), want, `${lang} vs ${JSON.stringify(l)}`);
});
