/** Choosing the strongest candidate events from the index hits. */
import { nthSmallest } from './top-keys.js';

/**
 * The `keep` events with the highest summed key weight (ties by id), as sorting all hits would give: only the
 * hits at or above the keep-th weight (found by selection on the numbers) are sorted.
 */
export function strongestHits(hits: Map<string, number>, keep: number): [string, number][] {
  const byWeight = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
  if (hits.size <= keep) return [...hits.entries()].sort(byWeight);
  // The weights copied by a plain loop, not Float64Array.from over the Map's iterator (that line alone was 0.3% of the
  // 20k probe's CPU), and entries made only for the hits at or above the cut-off (~10 of ~150).
  const weights = new Float64Array(hits.size);
  let i = 0;
  for (const x of hits.values()) weights[i++] = x;
  const cutoff = nthSmallest(weights, hits.size - keep);
  const out: [string, number][] = [];
  hits.forEach((x, id) => {
    if (x >= cutoff) out.push([id, x]);
  });
  return out.sort(byWeight).slice(0, keep);
}

/** The `keep` keys with the highest scores (ties by key), strongest first, as sorting them all would give. */
export function strongestKeys(keys: readonly string[], scores: Float64Array, keep: number): string[] {
  const order = (a: number, b: number) => (scores[b] as number) - (scores[a] as number) || ((keys[a] as string) < (keys[b] as string) ? -1 : 1);
  const idx: number[] = [];
  if (keys.length <= keep) {
    for (let i = 0; i < keys.length; i++) idx.push(i);
  } else {
    const cutoff = nthSmallest(scores.slice(), keys.length - keep);
    for (let i = 0; i < keys.length; i++) if ((scores[i] as number) >= cutoff) idx.push(i);
  }
  return idx
    .sort(order)
    .slice(0, keep)
    .map((i) => keys[i] as string);
}
