/** Inverse document frequency with smoothing, shared by the online store and the pair benchmark. */

/** IDF = ln((N + IDF_PRIOR_DOCS) / (df + DF_SMOOTHING)); 0.5 is the usual Robertson–Spärck Jones smoothing. */
const DF_SMOOTHING = 0.5;

/**
 * Documents assumed to exist beyond those seen, so IDF is not extreme while the store is small. Swept 1/10/30/100
 * on the seeds and the demo corpus: at 1 two near-copy seed reports scored 0.25 (words all five share get ~0 IDF);
 * 10 joins them with demo storyline precision intact; 30 and 100 let unrelated demo stories merge (precision 0.45).
 */
export const IDF_PRIOR_DOCS = 10;

/**
 * IDF as a difference of two logarithms, ln(N + prior) − ln(df + smoothing), rather than the log of their ratio:
 * the first changes once per article, the second only when a key's count changes, so a store of counts can keep
 * each key's logarithm and pay one subtraction per lookup (dfcells.ts, fastscore.ts). Every IDF in the clusterer
 * comes from these functions, so the cached and uncached paths agree to the last bit. (The two forms differ from
 * each other by rounding only, ~1e-16 relative.)
 */
export function idfValue(df: number, docs: number): number {
  return idfFromLogs(logDocs(docs), logDf(df));
}

/** ln(N + IDF_PRIOR_DOCS): the document-count half of idfValue. */
export function logDocs(docs: number): number {
  return Math.log(docs + IDF_PRIOR_DOCS);
}

/** ln(df + DF_SMOOTHING): the key half of idfValue. */
export function logDf(df: number): number {
  return Math.log(df + DF_SMOOTHING);
}

/** idfValue from its two halves (clamped at 0 for keys in more documents than the prior-padded count). */
export function idfFromLogs(lnDocs: number, lnDf: number): number {
  return Math.max(0, lnDocs - lnDf);
}

/** Document-frequency key counted once per article that has a language (every language together). */
export const ALL_LANGUAGES_KEY = 'l:*';

/** Document-frequency key counting the articles of one language. */
export function languageKey(language: string): string {
  return `l:${language}`;
}

/**
 * Keys an article contributes to document frequencies: term stems, `e:` names, `n:` numbers, and, when its
 * language is known, `l:*` and `l:<language>` (so the store knows each language's share of its articles).
 */
export function dfKeys(f: { terms: Record<string, number>; entities: Record<string, number>; numbers: readonly string[]; language?: string | null }): string[] {
  // One array filled in order (no intermediate arrays): it is built for every article.
  const keys = Object.keys(f.terms);
  for (const k of Object.keys(f.entities)) keys.push(`e:${k}`);
  for (const n of f.numbers) keys.push(`n:${n}`);
  if (f.language) keys.push(ALL_LANGUAGES_KEY, languageKey(f.language));
  return keys;
}

/**
 * How much to lower term IDFs for an article of `language` so they measure rarity within its language:
 * idf(l:<language>) − idf(l:*) = ln(articles with a language / articles in this one) (both +0.5). In a mixed
 * store a language's everyday words occur in few articles overall, so global IDF ranks them as rare as names;
 * measured against its own language they fall to ~0. Zero for a one-language store, an unknown language, or a
 * store made before these keys were counted (both keys unseen). bench/similarity, same-language Pearson of
 * √(text cosine): global IDF 0.718, within-language IDF 0.735.
 */
export function languageShift(idf: (key: string) => number, language: string | null): number {
  if (!language) return 0;
  return Math.max(0, idf(languageKey(language)) - idf(ALL_LANGUAGES_KEY));
}
