/**
 * Anchors: the tokens a paraphrase keeps — names (capitalised inside a sentence) and numbers.
 * Works for any cased script; for caseless scripts (or texts with too few anchors) the
 * longest words stand in, so no language's word list is involved.
 */
import { combine, hashString } from './hash.js';

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

const SEPARATED_NUMBER = /\p{N}[,.\u00a0\u202f ]\p{N}/u;

/** Whether a token is a name (capital first letter) or holds a digit; ASCII is decided without a regex. */
function isAnchor(t: string, first: boolean): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c > 127) return (!first && i === 0 && UPPER_START.test(t)) || HAS_DIGIT.test(t);
    if (i === 0 && !first && c >= 65 && c <= 90) return true;
  }
  return false;
}

/** Hashes of each sentence's anchors (distinct within the sentence). Sentences should be NFKC already. */
export function sentenceAnchors(sentences: readonly string[]): number[][] {
  const perSentence: number[][] = [];
  let count = 0;
  for (const s of sentences) {
    const toks = (SEPARATED_NUMBER.test(s) ? joinNumbers(s) : s).match(TOKEN) ?? [];
    const mine = new Set<number>();
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (isAnchor(t, i === 0)) mine.add(hashString(t.toLowerCase()));
    }
    count += mine.size;
    perSentence.push([...mine]);
  }
  if (count >= MIN_ANCHORS) return perSentence;
  // too few names and numbers (caseless script, or a very short text): long words join in
  return sentences.map((s, k) => {
    const longs = (s.match(TOKEN) ?? []).filter((t) => [...t].length >= LONG_WORD).map((t) => hashString(t.toLowerCase()));
    return [...new Set([...perSentence[k]!, ...longs])];
  });
}

/** Distinct anchor hashes of a text. */
export function anchorTokens(perSentence: readonly (readonly number[])[]): number[] {
  return [...new Set(perSentence.flat())];
}

/**
 * Hashes of the distinct unordered pairs of anchors that occur in one sentence ("Peskov"+"Kremlin",
 * "880000"+"troops"). A paraphrase keeps them together; a single frequent name alone would
 * match half the store.
 */
export function anchorPairs(perSentence: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  for (const list of perSentence) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i]!;
        const y = list[j]!;
        out.push(x < y ? combine(x, y) : combine(y, x));
      }
    }
  }
  return out;
}

/**
 * How many of `anchors` (one text's anchor hashes) can be anchors of another text, given that text's
 * paragraphs: an upper bound on the shared anchors, computed without splitting sentences. Every
 * token that is an anchor somewhere in a sentence (`sentenceAnchors`) is counted: sentence
 * splitting only cuts at whitespace, so the tokens are the same, and the bound also admits
 * sentence-initial capitalised words and every long word (the fallback). Joined numbers never
 * span a sentence boundary (a join needs a digit right before one separator character), so the
 * number tokens are the same too. Used to reject a candidate before its sentences are computed.
 */
export function sharedAnchorBound(paragraphs: readonly string[], anchors: ReadonlySet<number>): number {
  const seen = new Set<number>();
  for (const p of paragraphs) {
    const norm = p.normalize('NFKC');
    const toks = (SEPARATED_NUMBER.test(norm) ? joinNumbers(norm) : norm).match(TOKEN) ?? [];
    for (const t of toks) {
      if (!isAnchor(t, false) && !(t.length >= LONG_WORD && [...t].length >= LONG_WORD)) continue;
      const h = hashString(t.toLowerCase());
      if (anchors.has(h)) seen.add(h);
    }
  }
  return seen.size;
}
