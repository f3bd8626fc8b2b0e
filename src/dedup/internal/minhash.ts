/**
 * MinHash signatures and LSH band keys, written for this project (the npm `minhash`
 * package is broken). Hash functions are `mix32(x ^ seed_i)`: one multiply-xorshift
 * family member per seed, which behaves as a random permutation for MinHash purposes.
 */
import { combine, mix32, seeds } from './hash.js';

/** MinHash signature of a set of 32-bit values: per seed, the smallest mixed value. */
export function signature(values: ArrayLike<number>, fnSeeds: Int32Array): Int32Array {
  const k = fnSeeds.length;
  const sig = new Int32Array(k).fill(0x7fffffff);
  for (let v = 0; v < values.length; v++) {
    const x = values[v]!;
    for (let i = 0; i < k; i++) {
      const h = mix32(x ^ fnSeeds[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** Share of equal positions: an unbiased estimate of the Jaccard similarity of the two sets. */
export function estimateJaccard(a: Int32Array, b: Int32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/** A MinHash-LSH scheme: `bands` keys of `rows` signature values each, tagged so schemes never collide. */
export interface BandScheme {
  readonly tag: number;
  readonly bands: number;
  readonly rows: number;
  readonly seeds: Int32Array;
}

export function bandScheme(tag: number, bands: number, rows: number): BandScheme {
  return { tag, bands, rows, seeds: seeds(tag, bands * rows) };
}

/** One 32-bit key per band: the hash of (tag, band number, the band's rows). Empty sets give no keys. */
export function bandKeys(values: ArrayLike<number>, scheme: BandScheme): number[] {
  if (values.length === 0) return [];
  const sig = signature(values, scheme.seeds);
  const keys: number[] = [];
  for (let b = 0; b < scheme.bands; b++) {
    let h = combine(scheme.tag, b);
    for (let r = 0; r < scheme.rows; r++) h = combine(h, sig[b * scheme.rows + r]!);
    keys.push(h);
  }
  return keys;
}

/** Probability that a pair with Jaccard `j` shares at least one band: 1 − (1 − j^rows)^bands. */
export function candidateProbability(j: number, bands: number, rows: number): number {
  return 1 - (1 - j ** rows) ** bands;
}

/**
 * Containment samples: the values whose re-mixed hash is 0 modulo `rate`, at most `max`
 * (smallest first). Unlike MinHash these survive when one text embeds part of another.
 */
export function containmentSamples(values: ArrayLike<number>, tag: number, rate: number, max: number): number[] {
  const picked: number[] = [];
  for (let v = 0; v < values.length; v++) {
    const h = mix32(values[v]! ^ tag);
    if ((h >>> 0) % rate === 0) picked.push(h);
  }
  picked.sort((x, y) => x - y);
  return picked.slice(0, max).map((h) => combine(tag, h));
}
