/**
 * The stored (compact) copy of an article's features, on the assignment path: the same result as
 * `compactFeatures()` in features.ts (test/cluster/compact.test.ts compares them), with the cut-off of each
 * kept set found by a numeric typed-array sort instead of sorting tuples with a comparator.
 *
 * Tried and reverted (session 7, 2026-11-22), exact (stored bytes equal): the copy's kept terms and display forms as
 * lazy records (accessors filled on first read) that the encoder read through the kept key lists, since on the
 * assignment path the copy is only encoded. In-process A/B (synthetic) compactFast 38.1 → 27.9 µs and encodeFeatures
 * 14.6 → 13.4 µs, but in a profiled paired 100k probe compactFast stayed at 176 vs 178 ms and encodeFeatures rose
 * 89 → 99 ms of sampled time (apparently building the copy key by key with accessors cost there what the skipped
 * records saved).
 * Accessors made per copy (closures) were worse still: every copy got its own hidden class, and the next featuresOf
 * ran ~40 µs slower. Not tried: no copy at all, the engine handing the features and the IDF to one encoder that
 * writes the kept entries (a change to engine.ts and state.ts).
 */
import { dict } from './dict.js';
import { type Features, STORED_NAMES, STORED_TERMS } from './features.js';
import { featureKeys, withKeys } from './key-order.js';
import { topKeys } from './top-keys.js';

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
