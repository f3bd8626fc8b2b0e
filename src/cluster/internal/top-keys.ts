/**
 * The `keep` highest-scoring keys, ties at the cut-off broken by key, as sorting entries by score then key would
 * give; the cut-off is found by selection on a numeric copy instead of sorting entries with a comparator (same
 * result, a fraction of the cost on the per-article path). Returned in the order callers insert them: the keys above
 * the cut-off in their original order, then the tied keys sorted.
 */
export function topKeys(keys: readonly string[], scores: Float64Array, keep: number): string[] {
  const cutoff = nthSmallest(scores.slice(), keys.length - keep);
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

/**
 * The value at index `n` of `values` sorted ascending (as `values.sort()[n]`), found by Hoare's selection, which
 * reorders `values` in place: linear on average where the typed-array sort measured ~100 ns an element (14 µs for
 * a 140-term article). Equal to the sorted value under `===` and `<` (it may be -0 where the sort gives +0); a
 * NaN, which the sort puts last and selection cannot order, falls back to the sort.
 */
export function nthSmallest(values: Float64Array, n: number): number {
  let lo = 0;
  let hi = values.length - 1;
  for (let i = 0; i <= hi; i++) if (Number.isNaN(values[i])) return values.sort()[n] as number;
  while (lo < hi) {
    const pivot = values[n] as number;
    let i = lo;
    let j = hi;
    do {
      while ((values[i] as number) < pivot) i++;
      while (pivot < (values[j] as number)) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < n) lo = i;
    if (n < i) hi = j;
  }
  return values[n] as number;
}

/**
 * The `keep` keys with the highest scores, ties by key, strongest first: what the comparator sort it replaced gave (test/cluster/frozen/strongest-keys.ts: the keys
 * at or above the cut-off sorted by score, then key, and cut to `keep`), the few at or above the cut-off ordered by an
 * insertion sort on their indices instead of Array.prototype.sort with a comparator closure (the index keys of every
 * assignment: ~250 keys, 40 kept). With a NaN score, which the comparator orders inconsistently, they are sorted
 * exactly as that sort orders them.
 */
export function strongestFirst(keys: readonly string[], scores: Float64Array, keep: number): string[] {
  const n = keys.length;
  const idx: number[] = [];
  if (n <= keep) for (let i = 0; i < n; i++) idx.push(i);
  else {
    const cutoff = nthSmallest(scores.slice(), n - keep);
    for (let i = 0; i < n; i++) if ((scores[i] as number) >= cutoff) idx.push(i);
  }
  let nan = false;
  for (let i = 0; i < n; i++) if (Number.isNaN(scores[i])) nan = true;
  if (nan) idx.sort((a, b) => (scores[b] as number) - (scores[a] as number) || ((keys[a] as string) < (keys[b] as string) ? -1 : 1));
  else {
    // a goes before b when its score is higher, or equal with a smaller key: the comparator's order (keys equal as
    // strings come out the same whichever goes first).
    for (let i = 1; i < idx.length; i++) {
      const a = idx[i] as number;
      const sa = scores[a] as number;
      const ka = keys[a] as string;
      let j = i - 1;
      for (; j >= 0; j--) {
        const b = idx[j] as number;
        const sb = scores[b] as number;
        if (!(sa > sb || (sa === sb && ka < (keys[b] as string)))) break;
        idx[j + 1] = b;
      }
      idx[j + 1] = a;
    }
  }
  const out = new Array<string>(Math.min(keep, idx.length));
  for (let i = 0; i < out.length; i++) out[i] = keys[idx[i] as number] as string;
  return out;
}
