/** Choosing the strongest candidate events from the index hits. */

/** Whether an event with summed weight `x` ranks before `e`: heavier first, ties by id (code-unit order). */
function heavier(x: number, id: string, e: [string, number]): boolean {
  return x > e[1] || (x === e[1] && id < e[0]);
}

/**
 * The `keep` events with the highest summed key weight (ties by id), as sorting all hits would give: each hit is offered
 * to a list of at most `keep` kept heaviest first (one comparison for a hit that does not make the cut; ids are distinct,
 * so the order is total). On the 100k probe (2026-11-22) ~60 hits for 10 kept: the selection on a typed copy of the
 * weights, then a sort of those at or above the cut-off, was ~1% of assignment CPU.
 */
export function strongestHits(hits: Map<string, number>, keep: number): [string, number][] {
  const top: [string, number][] = [];
  if (!(keep > 0)) return top;
  hits.forEach((x, id) => {
    let i = top.length;
    if (i >= keep) {
      if (!heavier(x, id, top[keep - 1] as [string, number])) return;
      i = keep - 1;
    }
    for (let prev = top[i - 1]; prev !== undefined && heavier(x, id, prev); prev = top[i - 1]) {
      top[i] = prev;
      i--;
    }
    top[i] = [id, x];
  });
  return top;
}
