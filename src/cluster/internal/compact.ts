/**
 * The stored (compact) copy of an article's features, on the assignment path: the same result as
 * `compactFeatures()` in features.ts (test/cluster/compact.test.ts compares them), with the cut-off of each
 * kept set found by numeric selection instead of sorting tuples with a comparator.
 *
 * On the assignment path the copy is only encoded (state.saveFeatures → encodeFeatures), so its two large records,
 * the kept terms (120 of an article's ~150) and their display forms, are not filled when the copy is made: the copy
 * holds them as lazy properties, made into plain records on first read, and remembers what they will hold (the kept
 * keys, in order, over the source features' records) for `compactParts`, which the encoder reads instead. Filling
 * the two dictionary-mode records was ~240 key stores per article, most of compactFast's own time.
 */
import { dict } from './dict.js';
import { type Features, STORED_NAMES, STORED_TERMS } from './features.js';
import { featureKeys, withKeys } from './key-order.js';
import { topKeys } from './top-keys.js';

/** The `keep` entries of `rec` with the highest weight × IDF (ties by key), or `rec` itself when it is small. */
function strongest(rec: Record<string, number>, keep: number, idf: (k: string) => number, prefix: string): Record<string, number> {
  const keys = featureKeys(rec);
  if (keys.length <= keep) return rec;
  const kept = topKeys(keys, scoresOf(rec, keys, idf, prefix), keep);
  const out = dict<number>();
  for (const k of kept) out[k] = rec[k] as number;
  return withKeys(out, kept);
}

/** Weight × IDF of each key of `rec` (IDF of the key with `prefix`). */
function scoresOf(rec: Record<string, number>, keys: readonly string[], idf: (k: string) => number, prefix: string): Float64Array {
  const scores = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    scores[i] = (rec[k] as number) * idf(prefix ? prefix + k : k);
  }
  return scores;
}

/** The prefix of a name key's display-form key (`e:putin`). */
const NAME_PREFIX = 'e:';

/** Key lengths at or above this share one bit of a length mask (bits of a 32-bit integer). */
const LONG_KEY = 31;

/** The bit of a key length in a length mask. */
function lengthBit(length: number): number {
  return 1 << Math.min(length, LONG_KEY);
}

/**
 * What a compact copy made by compactFast holds, without reading its lazy records: the kept term keys in order (their
 * weights are the source's), the kept display-form keys in order (their forms are the source's), and the copy's
 * fields with placeholders (0) for the three records, in the copy's key order. `live` until a lazy record is read or
 * set (a record read may be changed; the encoder then reads the records).
 */
export interface CompactParts {
  readonly source: Features;
  readonly termKeys: readonly string[];
  readonly surfaceKeys: readonly string[];
  readonly shell: Readonly<Record<string, unknown>>;
  live: boolean;
}

/**
 * The parts of a copy, kept on it under a symbol as a non-enumerable property: not a key of the copy for Object.keys,
 * spreading, JSON or deep equality.
 */
const PARTS = Symbol('compact parts');

type Copy = Record<string | symbol, unknown>;

/** The parts of a copy compactFast made whose lazy records are untouched, or undefined for any other features. */
export function compactParts(f: Features): CompactParts | undefined {
  const parts = (f as unknown as Copy)[PARTS] as CompactParts | undefined;
  return parts?.live ? parts : undefined;
}

/**
 * Which of `keys` are in `kept` (a selection of them, by identity of the strings): a walk in step, since the keys
 * above the cut-off come in their original order, then a search for the rest (the ties, sorted by key).
 */
function keptFlags(keys: readonly string[], kept: readonly string[]): Uint8Array {
  const flags = new Uint8Array(keys.length);
  let p = 0;
  for (let i = 0; i < keys.length && p < kept.length; i++)
    if (keys[i] === kept[p]) {
      flags[i] = 1;
      p++;
    }
  for (; p < kept.length; p++) flags[keys.indexOf(kept[p] as string)] = 1;
  return flags;
}

/** A record of `keys` with their values in `from`, its key list remembered. */
function recordOf<T>(from: Readonly<Record<string, T>>, keys: readonly string[]): Record<string, T> {
  const out = dict<T>();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    out[k] = from[k] as T;
  }
  return withKeys(out, keys);
}

/** Replaces a lazy property with its value (a plain writable data property, as an object literal holds). */
function settle<T>(copy: Copy, name: string, value: T): T {
  (copy[PARTS] as CompactParts).live = false;
  Object.defineProperty(copy, name, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/**
 * The lazy record properties. One getter and setter for every copy (each finds its parts on the copy): accessors
 * made per copy (closures) gave every copy its own hidden class, which slowed the next featuresOf by ~40 µs in
 * bench:cluster-features (synthetic, 88 → 131 µs).
 */
const LAZY_TERMS: PropertyDescriptor = {
  get(this: Copy) {
    const p = this[PARTS] as CompactParts;
    return settle(this, 'terms', recordOf(p.source.terms, p.termKeys));
  },
  set(this: Copy, value: unknown) {
    settle(this, 'terms', value);
  },
  enumerable: true,
  configurable: true,
};
const LAZY_SURFACES: PropertyDescriptor = {
  get(this: Copy) {
    const p = this[PARTS] as CompactParts;
    return settle(this, 'surfaces', recordOf(p.source.surfaces, p.surfaceKeys));
  },
  set(this: Copy, value: unknown) {
    settle(this, 'surfaces', value);
  },
  enumerable: true,
  configurable: true,
};

/** Equal to `compactFeatures(f, idf)`: the kept terms and display forms filled on first read (see above). */
export function compactFast(f: Features, idf: (k: string) => number): Features {
  const allTerms = featureKeys(f.terms);
  const trimmed = allTerms.length > STORED_TERMS;
  const termKeys = trimmed ? topKeys(allTerms, scoresOf(f.terms, allTerms, idf, ''), STORED_TERMS) : allTerms;
  const flags = trimmed ? keptFlags(allTerms, termKeys) : null;
  const entities = strongest(f.entities, STORED_NAMES, idf, NAME_PREFIX);
  // `k.slice(2) in entities` can hold only where a kept name key has k's length less two: the lengths of the kept
  // keys as a mask spare cutting and looking up the display forms of dropped terms (5-character stems, where most
  // name keys have 5 characters too).
  let lengths = 0;
  for (const e of featureKeys(entities)) lengths |= lengthBit(e.length);
  const surfaceKeys: string[] = [];
  // A kept term's place in the term list: featuresOf reports display forms in its terms' order, so the search goes on
  // from the last one found, and from the start only for a key out of that order.
  let from = 0;
  for (const k of featureKeys(f.surfaces)) {
    let keep: boolean;
    if (flags === null) keep = k in f.terms;
    else {
      // A key not found ahead (a name's display form: those follow the terms') is looked up before it is searched for.
      let p = from;
      while (p < allTerms.length && allTerms[p] !== k) p++;
      if (p < allTerms.length) from = p + 1;
      else p = k in f.terms ? allTerms.indexOf(k) : -1;
      keep = p >= 0 && flags[p] === 1;
    }
    if (keep || ((lengths & lengthBit(Math.max(0, k.length - NAME_PREFIX.length))) !== 0 && k.slice(NAME_PREFIX.length) in entities)) surfaceKeys.push(k);
  }
  const numbers = f.numbers.slice(0, STORED_NAMES);
  const shell: Record<string, unknown> = { ...f, terms: 0, entities: 0, numbers, surfaces: 0 };
  // Built key by key in the shell's order, the lazy records added as new accessor properties (the same getter and
  // setter every time): copies then share hidden classes. Turning an existing data property into an accessor instead
  // sent every copy to dictionary mode (paired 100k probe −3% and −6%).
  const out: Copy = {};
  for (const k in shell) {
    if (k === 'terms') {
      if (trimmed) Object.defineProperty(out, k, LAZY_TERMS);
      else out[k] = f.terms;
    } else if (k === 'surfaces') Object.defineProperty(out, k, LAZY_SURFACES);
    else if (k === 'entities') out[k] = entities;
    else out[k] = shell[k];
  }
  Object.defineProperty(out, PARTS, { value: { source: f, termKeys, surfaceKeys, shell, live: true } satisfies CompactParts });
  return out as unknown as Features;
}
