// Frozen copy of src/cluster/internal/top-keys.ts as of f481d15 (2026-11-21): the reference test/cluster/features-exact.test.ts
// compares the current feature path with. Do not edit; it is the old behaviour, not live code.
/**
 * The `keep` highest-scoring keys, ties at the cut-off broken by key, as sorting entries by score then key would
 * give; found with a numeric typed-array sort for the cut-off instead of sorting entries with a comparator (same
 * result, a fraction of the cost on the per-article path). Returned in the order callers insert them: the keys above
 * the cut-off in their original order, then the tied keys sorted.
 */
export function topKeys(keys: readonly string[], scores: Float64Array, keep: number): string[] {
  const cutoff = scores.slice().sort()[keys.length - keep] as number;
  const out: string[] = [];
  const ties: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const s = scores[i] as number;
    if (s > cutoff) out.push(keys[i] as string);
    else if (s === cutoff) ties.push(keys[i] as string);
  }
  ties.sort();
  for (let i = 0; i < ties.length && out.length < keep; i++) out.push(ties[i] as string);
  return out;
}
