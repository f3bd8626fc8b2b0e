/** Choosing the strongest candidate events from the index hits. */

/**
 * The `keep` events with the highest summed key weight (ties by id), as sorting all hits would give: only the
 * hits at or above the keep-th weight (found by a numeric sort) are sorted.
 */
export function strongestHits(hits: Map<string, number>, keep: number): [string, number][] {
  const byWeight = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
  if (hits.size <= keep) return [...hits.entries()].sort(byWeight);
  const weights = Float64Array.from(hits.values()).sort();
  const cutoff = weights[weights.length - keep] as number;
  const out: [string, number][] = [];
  for (const e of hits) if (e[1] >= cutoff) out.push(e);
  return out.sort(byWeight).slice(0, keep);
}
