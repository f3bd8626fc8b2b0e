/**
 * Language-independent text normalisation: Unicode words, sentences, and the
 * normalised text key used for exact copies.
 */
import { createHash } from 'node:crypto';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Lower-cased NFKC words (letters and digits; an inner apostrophe is kept). */
export function words(text: string): string[] {
  return fold(text).toLowerCase().match(WORD) ?? [];
}

/** NFKC plus one apostrophe: typographic and ASCII quotes must not make two copies differ. */
function fold(text: string): string {
  return text.normalize('NFKC').replace(/[’‘`´ʼ]/g, "'");
}

/** Hash of the text's words (see `words`): case, punctuation and spacing removed, so equal for exact copies. */
export function textKey(ws: readonly string[]): string {
  return createHash('sha256').update(ws.join(' ')).digest('hex');
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
