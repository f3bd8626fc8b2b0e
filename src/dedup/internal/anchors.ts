/**
 * Anchors: the tokens a paraphrase keeps — names (capitalised inside a sentence) and numbers.
 * Works for any cased script; for caseless scripts (or texts with too few anchors) the
 * longest words stand in, so no language's word list is involved.
 */

/** Fewest anchors before long words are added (set so a two-sentence text still gets a key). */
const MIN_ANCHORS = 6;
/** Long-word fallback: words at least this long (in code points) count as anchors. */
const LONG_WORD = 8;

const TOKEN = /[\p{L}\p{N}]+/gu;
const UPPER_START = /^\p{Lu}/u;
const HAS_DIGIT = /\p{N}/u;

/** Removes thousands separators so "880,000" and "880 000" give one number token. */
export function joinNumbers(s: string): string {
  return s.replace(/(\p{N})[,.\u00a0\u202f ](?=\p{N}{3}(?!\p{N}))/gu, '$1');
}

/** Anchors of each sentence (lower-cased, distinct within the sentence). */
export function sentenceAnchors(sentences: readonly string[]): string[][] {
  const named: string[][] = [];
  const long: string[][] = [];
  let count = 0;
  for (const s of sentences) {
    const toks = joinNumbers(s.normalize('NFKC')).match(TOKEN) ?? [];
    const mine = new Set<string>();
    const longs = new Set<string>();
    toks.forEach((t, i) => {
      if (HAS_DIGIT.test(t) || (i > 0 && UPPER_START.test(t))) mine.add(t.toLowerCase());
      else if ([...t].length >= LONG_WORD) longs.add(t.toLowerCase());
    });
    count += mine.size;
    named.push([...mine]);
    long.push([...longs]);
  }
  return count >= MIN_ANCHORS ? named : named.map((n, k) => [...n, ...long[k]!]);
}

/** Distinct anchor tokens of a list of sentences. */
export function anchorTokens(perSentence: readonly (readonly string[])[]): Set<string> {
  return new Set(perSentence.flat());
}

/**
 * Distinct unordered pairs of anchors that occur in one sentence ("Peskov|Kremlin", "880000|troops").
 * A paraphrase keeps them together; a single frequent name alone would match half the store.
 */
export function anchorPairs(perSentence: readonly (readonly string[])[]): Set<string> {
  const out = new Set<string>();
  for (const list of perSentence) {
    const sorted = [...list].sort();
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) out.add(`${sorted[i]}|${sorted[j]}`);
  }
  return out;
}
