/**
 * The clusterer explains a link with evidenceWith() around the fast scorer's parts instead of calling score() again;
 * the shared terms, names, numbers and date gap it lists must be exactly score()'s.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Features, featuresOf } from '../../src/cluster/internal/features.js';
import { dfKeys, idfValue } from '../../src/cluster/internal/idf.js';
import { addToProfile, emptyProfile, type Profile } from '../../src/cluster/internal/profile.js';
import { DEFAULT_WEIGHTS, evidenceWith, score } from '../../src/cluster/internal/similarity.js';
import { FIXTURES } from './fixtures.js';

test('evidenceWith lists exactly what score() lists, for every fixture article against every profile', () => {
  const feats: Features[] = FIXTURES.map((x) => featuresOf({ title: x.title, text: x.text, published: x.published, language: x.lang }));
  // One article read as another language, so the within-language IDF shift and cross-language pairs are covered.
  const first = FIXTURES[0];
  if (first) feats.push(featuresOf({ title: first.title, text: first.text, published: first.published, language: 'de' }));
  const df = new Map<string, number>();
  for (const f of feats) for (const k of new Set(dfKeys(f))) df.set(k, (df.get(k) ?? 0) + 1);
  const idf = (k: string) => idfValue(df.get(k) ?? 0, feats.length);
  const profiles: Profile[] = feats.map((f) => addToProfile(emptyProfile(), f));
  for (const ev of new Set(FIXTURES.map((x) => x.event))) {
    const p = emptyProfile();
    FIXTURES.forEach((x, i) => {
      const f = feats[i];
      if (x.event === ev && f) addToProfile(p, f);
    });
    profiles.push(p);
  }
  let listed = 0;
  for (const f of feats)
    for (const p of profiles)
      for (const useDates of [true, false]) {
        const want = score(f, p, idf, DEFAULT_WEIGHTS, useDates);
        const got = evidenceWith(want.parts, f, p, idf, DEFAULT_WEIGHTS, useDates);
        assert.deepEqual(got, want);
        listed += want.sharedTerms.length + want.sharedEntities.length + want.sharedNumbers.length;
      }
  assert.ok(listed > feats.length * profiles.length, 'the pairs share terms, names and numbers (else equality proves little)');
});
