// Frozen copy of src/cluster/internal/compact.ts as of f481d15 (2026-11-21): the reference test/cluster/features-exact.test.ts
// compares the current feature path with. Do not edit; it is the old behaviour, not live code.
/**
 * The stored (compact) copy of an article's features, on the assignment path: the same result as
 * `compactFeatures()` in features.ts (test/cluster/compact.test.ts compares them), with the cut-off of each
 * kept set found by a numeric typed-array sort instead of sorting tuples with a comparator.
 */
import { dict } from './dict.js';
import { type Features, STORED_NAMES, STORED_TERMS } from './features.js';
import { topKeys } from './top-keys.js';

/** The `keep` entries of `rec` with the highest weight × IDF (ties by key), or `rec` itself when it is small. */
function strongest(rec: Record<string, number>, keep: number, idf: (k: string) => number, prefix: string): Record<string, number> {
  const keys = Object.keys(rec);
  if (keys.length <= keep) return rec;
  const scores = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    scores[i] = (rec[k] as number) * idf(prefix ? prefix + k : k);
  }
  const out = dict<number>();
  for (const k of topKeys(keys, scores, keep)) out[k] = rec[k] as number;
  return out;
}

/** Equal to `compactFeatures(f, idf)`. */
export function compactFast(f: Features, idf: (k: string) => number): Features {
  const terms = strongest(f.terms, STORED_TERMS, idf, '');
  const entities = strongest(f.entities, STORED_NAMES, idf, 'e:');
  const surfaces = dict<string>();
  for (const k in f.surfaces) if (k in terms || k.slice(2) in entities) surfaces[k] = f.surfaces[k] as string;
  return { ...f, terms, entities, numbers: f.numbers.slice(0, STORED_NAMES), surfaces };
}
