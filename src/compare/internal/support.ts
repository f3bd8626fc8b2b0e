/** Faithfulness: is a printed sentence found in, or supported by, the passages it cites? */
import { contentWords } from './text.js';

/** Share of a generated sentence's content words that must occur in its cited passages (set on the seeds: faithful paraphrases 0.6–1.0, invented sentences < 0.4). */
export const SUPPORT_MIN_CONTENT = 0.6;

export interface SupportResult {
  readonly supported: boolean;
  /** `verbatim`, `overlap`, or why not: `number-missing`, `name-missing`, `low-overlap`, `no-citation`. */
  readonly how: string;
  readonly overlap: number;
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

/** Numbers written in a text, normalised ("600,000" → "600000"). */
function numbersIn(text: string): string[] {
  return (text.match(/\d[\d,.]*\d|\d/g) ?? []).map((n) => n.replace(/,/g, ''));
}

/** Capitalised words not at the very start of the text: names, which must all be in the passages. */
function namesIn(text: string): string[] {
  return [...text.matchAll(/(?<=\s)\p{Lu}[\p{L}-]+/gu)].map((m) => m[0].toLowerCase());
}

export function checkSupport(sentence: string, passages: readonly string[]): SupportResult {
  if (passages.length === 0) return { supported: false, how: 'no-citation', overlap: 0 };
  const joined = norm(passages.join(' '));
  if (joined.includes(norm(sentence))) return { supported: true, how: 'verbatim', overlap: 1 };
  const passageNumbers = new Set(numbersIn(joined));
  if (numbersIn(sentence).some((n) => !passageNumbers.has(n))) return { supported: false, how: 'number-missing', overlap: 0 };
  if (namesIn(sentence).some((n) => !joined.includes(n))) return { supported: false, how: 'name-missing', overlap: 0 };
  const ws = contentWords(sentence);
  const pw = new Set(contentWords(joined));
  const overlap = ws.length ? ws.filter((w) => pw.has(w)).length / ws.length : 0;
  return overlap >= SUPPORT_MIN_CONTENT ? { supported: true, how: 'overlap', overlap } : { supported: false, how: 'low-overlap', overlap };
}
