/**
 * The clusterer explains a link with evidenceWith() around the fast scorer's parts instead of calling score() again;
 * the shared terms, names, numbers and date gap it lists must be exactly score()'s.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dfKeys, idfValue } from '../../src/cluster/internal/idf.js';
import { DEFAULT_WEIGHTS, evidenceWith, score } from '../../src/cluster/internal/similarity.js';
import { scoringFixtures } from './fixtures.js';

test('evidenceWith lists exactly what score() lists, for every fixture article against every profile', () => {
  const { feats, profiles } = scoringFixtures();
  const df = new Map<string, number>();
  for (const f of feats) for (const k of new Set(dfKeys(f))) df.set(k, (df.get(k) ?? 0) + 1);
  const idf = (k: string) => idfValue(df.get(k) ?? 0, feats.length);
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
