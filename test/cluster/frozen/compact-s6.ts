// Frozen copy of src/cluster/internal/compact.ts as of d791211 (2026-11-21, session 6): the compact copy test/cluster/features-store-exact.test.ts
// compares the current one with. Do not edit; it is the old behaviour, not live code.
/**
 * The stored (compact) copy of an article's features, on the assignment path: the same result as
 * `compactFeatures()` in features.ts (test/cluster/compact.test.ts compares them), with the cut-off of each
 * kept set found by a numeric typed-array sort instead of sorting tuples with a comparator.
 */
import { dict } from '../../../src/cluster/internal/dict.js';
import { type Features, STORED_NAMES, STORED_TERMS } from '../../../src/cluster/internal/features.js';
import { featureKeys, withKeys } from '../../../src/cluster/internal/key-order.js';
import { topKeys } from '../../../src/cluster/internal/top-keys.js';

/** The `keep` entries of `rec` with the highest weight × IDF (ties by key), or `rec` itself when it is small. */
function strongest(rec: Record<string, number>, keep: number, idf: (k: string) => number, prefix: string): Record<string, number> {
  const keys = featureKeys(rec);
  if (keys.length <= keep) return rec;
  const scores = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    scores[i] = (rec[k] as number) * idf(prefix ? prefix + k : k);
  }
  const out = dict<number>();
  const kept = topKeys(keys, scores, keep);
  for (const k of kept) out[k] = rec[k] as number;
  return withKeys(out, kept);
}

/** The prefix of a name key's display-form key (`e:putin`). */
const NAME_PREFIX = 'e:';

/** Key lengths at or above this share one bit of a length mask (bits of a 32-bit integer). */
const LONG_KEY = 31;

/** The bit of a key length in a length mask. */
function lengthBit(length: number): number {
  return 1 << Math.min(length, LONG_KEY);
}

/** Equal to `compactFeatures(f, idf)`. */
export function compactFast(f: Features, idf: (k: string) => number): Features {
  const terms = strongest(f.terms, STORED_TERMS, idf, '');
  const entities = strongest(f.entities, STORED_NAMES, idf, NAME_PREFIX);
  // `k.slice(2) in entities` can hold only where a kept name key has k's length less two: the lengths of the kept
  // keys as a mask spare cutting and looking up the display forms of dropped terms (5-character stems, where most
  // name keys have 5 characters too).
  let lengths = 0;
  for (const e of featureKeys(entities)) lengths |= lengthBit(e.length);
  const surfaces = dict<string>();
  const surfaceKeys: string[] = [];
  for (const k of featureKeys(f.surfaces))
    if (k in terms || ((lengths & lengthBit(Math.max(0, k.length - NAME_PREFIX.length))) !== 0 && k.slice(NAME_PREFIX.length) in entities)) {
      surfaces[k] = f.surfaces[k] as string;
      surfaceKeys.push(k);
    }
  return { ...f, terms, entities, numbers: f.numbers.slice(0, STORED_NAMES), surfaces: withKeys(surfaces, surfaceKeys) };
}
