/**
 * Language-independent text normalisation: Unicode words, sentences, and the
 * normalised text key used for exact copies.
 */
import { combine } from './hash.js';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Lower-cased NFKC words (letters and digits; an inner apostrophe is kept). */
export function words(text: string): string[] {
  return fold(text).toLowerCase().match(WORD) ?? [];
}

/** NFKC plus one apostrophe: typographic and ASCII quotes must not make two copies differ. */
function fold(text: string): string {
  return text.normalize('NFKC').replace(/[’‘`´ʼ]/g, "'");
}

/**
 * 64-bit hash (two independent 32-bit chains, as hex) of the text's word hashes (see `words`): case,
 * punctuation and spacing removed, so equal for exact copies. It is only compared between LSH
 * candidates, never looked up store-wide, so 64 bits leave a false match at ~1e-8 for 1M articles.
 */
export function textKey(wordHashes: ArrayLike<number>): string {
  let h1 = wordHashes.length;
  let h2 = ~wordHashes.length;
  for (let i = 0; i < wordHashes.length; i++) {
    const h = wordHashes[i]!;
    h1 = combine(h1, h);
    h2 = combine(h2, h ^ 0x5bd1e995);
  }
  return `${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * Sentence boundary: end punctuation (optionally followed by a closing quote or bracket)
 * then space and an upper-case letter, digit or opening quote. Newlines always split.
 */
const SENTENCE_END = /(?<=[.!?…]['"’”)\]]?)\s+(?=[\p{Lu}\p{N}'"‘“(])/u;

/** Splits paragraphs into sentences; empty pieces are dropped. */
export function sentences(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    for (const line of p.split(/\n+/)) {
      for (const s of line.split(SENTENCE_END)) {
        const t = s.trim();
        if (t) out.push(t);
      }
    }
  }
  return out;
}

/** Paragraphs of a stored article: its paragraph list, or its text split on blank lines. */
export function paragraphsOf(text: string, paragraphs?: readonly string[]): string[] {
  if (paragraphs && paragraphs.length > 0) return [...paragraphs];
  return text.split(/\n\s*\n/).filter((p) => p.trim());
}
