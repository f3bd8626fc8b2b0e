/**
 * top-keys.ts strongestFirst (the event index keys' selection) returns exactly what select.ts strongestKeys returns:
 * random scores with ties at the cut-off, zeros of both signs, infinities, NaN, keys repeated (a term spelled like a
 * prefixed key), fewer keys than kept.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strongestFirst } from '../../src/cluster/internal/top-keys.js';
import { mulberry32 } from '../../src/internal/random.js';
import { strongestKeys } from './frozen/strongest-keys.js';

const CASES = [
  { name: 'continuous scores', size: 250, keep: 40, levels: 0, special: 0, repeats: 0 },
  { name: 'three score levels (ties at the cut-off)', size: 250, keep: 40, levels: 3, special: 0, repeats: 0 },
  { name: 'one level (every key tied)', size: 90, keep: 40, levels: 1, special: 0, repeats: 0 },
  { name: 'fewer keys than kept', size: 25, keep: 40, levels: 2, special: 0, repeats: 0 },
  { name: 'zeros of both signs and infinities', size: 200, keep: 40, levels: 0, special: 0.3, repeats: 0 },
  { name: 'repeated keys', size: 200, keep: 40, levels: 2, special: 0, repeats: 0.2 },
  { name: 'NaN scores', size: 120, keep: 40, levels: 2, special: 0.1, repeats: 0.1 },
];

for (const c of CASES) {
  test(`strongestFirst equals strongestKeys (${c.name})`, () => {
    const r = mulberry32(c.size * 7 + c.keep);
    const specials = c.name.startsWith('NaN') ? [Number.NaN, 0, -0] : [0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (let round = 0; round < 60; round++) {
      const keys: string[] = [];
      const scores = new Float64Array(c.size);
      for (let i = 0; i < c.size; i++) {
        const again = i > 0 && r() < c.repeats;
        const at = Math.floor(r() * i);
        keys.push(again ? (keys[at] as string) : `${'abcxyz'[i % 6]}${Math.floor(r() * 1e6).toString(36)}`);
        scores[i] = again
          ? (scores[at] as number)
          : r() < c.special
            ? (specials[Math.floor(r() * specials.length)] as number)
            : c.levels
              ? 1 + Math.floor(r() * c.levels)
              : r();
      }
      assert.deepEqual(strongestFirst(keys, scores, c.keep), strongestKeys(keys, scores, c.keep), `round ${round}`);
    }
  });
}
