// Frozen copy of strongestKeys from src/cluster/internal/select.ts as of d791211 (2026-11-21), which ops.ts indexKeysOf
// called until top-keys.ts strongestFirst replaced it: the reference test/cluster/strongest-first.test.ts and
// frozen/profile-ops.ts compare with. Do not edit; it is the old behaviour, not live code.
import { nthSmallest } from '../../../src/cluster/internal/top-keys.js';

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
