/** A bounded list of the heaviest weighted keys, kept while the keys are offered one by one. */

export interface WeightedKey {
  readonly key: string;
  readonly weight: number;
}

/** Whether (weight, key) ranks before `x`: heavier first, ties by key (code-unit order). */
function ranksBefore(weight: number, key: string, x: WeightedKey): boolean {
  return weight > x.weight || (weight === x.weight && key < x.key);
}

/**
 * Offers one key to `top`, which holds at most `n` keys heaviest first (ties by key): after every key of a list is
 * offered, `top` equals sorting the whole list by weight descending then key and keeping the first `n` (equal
 * entries keep their offer order, as a stable sort would). Costs one comparison for a key that does not make the
 * cut, and an object only for one that does; the engine's query keys built an object per key and sorted them all
 * (~140 terms for 24 kept per article).
 */
export function keepHeaviest(top: WeightedKey[], n: number, key: string, weight: number): void {
  let i = top.length;
  if (i >= n) {
    const last = top[n - 1];
    if (last === undefined || !ranksBefore(weight, key, last)) return;
    i = n - 1;
  }
  for (let prev = top[i - 1]; prev !== undefined && ranksBefore(weight, key, prev); prev = top[i - 1]) {
    top[i] = prev;
    i--;
  }
  top[i] = { key, weight };
}
