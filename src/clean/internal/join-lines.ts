import { shapeOf } from './line-shape.js';

/** A line that ends mid-sentence must have at least this many words to be re-joined (headings and labels are shorter). */
const JOIN_MIN_WORDS = 6;

/**
 * A line with at least this share of capitalised words is a Title Case heading, never a broken
 * sentence (English running text sits near 0.15, German with its capitalised nouns near 0.4).
 */
const HEADING_CAPITALISED_SHARE = 0.7;

interface JoinLine {
  text: string;
  readonly heading: boolean;
  readonly afterBlank: boolean;
}

/**
 * Re-joins a sentence broken by a hard line break: a long line that stops without sentence
 * punctuation on a lower-case word or a comma, followed directly (no blank line) by more text —
 * or any line followed by one that starts in lower case.
 */
export function joinBrokenLines<T extends JoinLine>(lines: readonly T[], repairs: { joined: number }): T[] {
  const out: T[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev && shouldJoin(prev, l)) {
      prev.text = `${prev.text} ${l.text}`;
      repairs.joined++;
      continue;
    }
    out.push({ ...l });
  }
  return out;
}

function shouldJoin(prev: JoinLine, next: JoinLine): boolean {
  if (prev.heading || next.heading) return false;
  const s = shapeOf(prev.text);
  if (s.endsSentence) return false;
  const startsLower = /^\p{Ll}/u.test(next.text);
  if (startsLower && !prev.text.endsWith(':')) return true;
  if (next.afterBlank) return false;
  const titleCase = s.capitalised / s.words.length >= HEADING_CAPITALISED_SHARE;
  return !titleCase && s.words.length >= JOIN_MIN_WORDS && /(\p{Ll}|,)$/u.test(prev.text);
}
