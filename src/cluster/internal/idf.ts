/** Inverse document frequency with smoothing, shared by the online store and the pair benchmark. */

/** IDF = ln((N + 1) / (df + DF_SMOOTHING)); 0.5 is the usual Robertson–Spärck Jones smoothing. */
const DF_SMOOTHING = 0.5;

/** Documents assumed to exist beyond those seen, so early IDF is not extreme. */
export const IDF_PRIOR_DOCS = Number(process.env.IDFP ?? 10);

export function idfValue(df: number, docs: number): number {
  return Math.max(0, Math.log((docs + IDF_PRIOR_DOCS) / (df + DF_SMOOTHING)));
}

/** Keys an article contributes to document frequencies: term stems, `e:` names, `n:` numbers. */
export function dfKeys(f: { terms: Record<string, number>; entities: Record<string, number>; numbers: readonly string[] }): string[] {
  return [...Object.keys(f.terms), ...Object.keys(f.entities).map((k) => `e:${k}`), ...f.numbers.map((n) => `n:${n}`)];
}
