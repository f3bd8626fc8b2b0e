/** Seeded pseudo-random numbers in [0, 1), so benchmarks, samples and shuffles repeat exactly from run to run. */

/** mulberry32: 32-bit state, good spread; the generator of the benchmarks' synthetic corpora. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The classic linear congruential generator (ANSI C constants, modulus 2^31), for cheap sampling and shuffles. */
export function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}
