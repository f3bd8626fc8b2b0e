/** Inverse document frequency with smoothing, shared by the online store and the pair benchmark. */

/** IDF = ln((N + 1) / (df + DF_SMOOTHING)); 0.5 is the usual Robertson–Spärck Jones smoothing. */
const DF_SMOOTHING = 0.5;

/**
 * Documents assumed to exist beyond those seen, so IDF is not extreme while the store is small. Swept 1/10/30/100
 * on the seeds and the demo corpus: at 1 two near-copy seed reports scored 0.25 (words all five share get ~0 IDF);
 * 10 joins them with demo storyline precision intact; 30 and 100 let unrelated demo stories merge (precision 0.45).
 */
export const IDF_PRIOR_DOCS = 10;

export function idfValue(df: number, docs: number): number {
  return Math.max(0, Math.log((docs + IDF_PRIOR_DOCS) / (df + DF_SMOOTHING)));
}

/** Keys an article contributes to document frequencies: term stems, `e:` names, `n:` numbers. */
export function dfKeys(f: { terms: Record<string, number>; entities: Record<string, number>; numbers: readonly string[] }): string[] {
  return [...Object.keys(f.terms), ...Object.keys(f.entities).map((k) => `e:${k}`), ...f.numbers.map((n) => `n:${n}`)];
}
