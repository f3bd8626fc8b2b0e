/**
 * 32-bit hashing helpers for shingles, MinHash and band keys. All results are
 * signed 32-bit integers (`x | 0`) so SQLite stores them in 4 bytes.
 */

/** FNV-1a offset basis and prime (the published 32-bit constants). */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of a string. */
export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h | 0;
}

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the output. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Order-sensitive combination of two 32-bit hashes (boost-style hash_combine on 32 bits). */
export function combine(seed: number, value: number): number {
  return mix32((seed ^ (value + 0x9e3779b9 + (seed << 6) + (seed >>> 2))) | 0);
}

/** Deterministic per-function seeds for MinHash: the i-th seed of a family tagged `family`. */
export function seeds(family: number, count: number): Int32Array {
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = mix32(combine(family, i + 1));
  return out;
}
