/** Finds quoted spans in every quote-mark style, within one paragraph; unbalanced marks are dropped. */
import type { Span } from '../../types.js';

/** Longest quoted span accepted, in characters (a missing close mark must not swallow a paragraph). */
const MAX_QUOTE_CHARS = 1500;

export interface QuoteMarkSpan {
  /** Span including the marks. */
  outer: Span;
  /** Span of the content. */
  inner: Span;
  double: boolean;
}

const PAIRS: Record<string, string[]> = {
  '“': ['”'],
  '"': ['"'],
  '«': ['»'],
  '»': ['«'],
  '„': ['“', '”'],
  '‚': ['‘', '’'],
  '‹': ['›'],
  '‘': ['’'],
  "'": ["'"],
};
const SINGLE = new Set(['‘', "'", '‚', '‹']);

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

function canOpen(text: string, i: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  if (!next || /\s/.test(next)) return false;
  if (SINGLE.has(text[i] as string)) return !isWordChar(prev); // not an apostrophe inside a word
  return true;
}

function canClose(text: string, i: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  if (!prev || /\s/.test(prev)) return false;
  const mark = text[i];
  if (mark === '’' || mark === "'") return !isWordChar(next); // "Russia’s" is an apostrophe
  return true;
}

export function findQuoteMarks(text: string, paragraphs: readonly Span[]): QuoteMarkSpan[] {
  const out: QuoteMarkSpan[] = [];
  for (const p of paragraphs) {
    let i = p.start;
    while (i < p.end) {
      const c = text[i] as string;
      // Two apostrophes as a double quote (''new low''), a typesetting convention of some archives.
      if (c === "'" && text[i + 1] === "'" && text[i + 2] && !/\s/.test(text[i + 2] as string)) {
        const close = text.indexOf("''", i + 2);
        if (close > i + 2 && close < Math.min(p.end, i + MAX_QUOTE_CHARS)) {
          out.push({ outer: { start: i, end: close + 2 }, inner: { start: i + 2, end: close }, double: true });
          i = close + 2;
          continue;
        }
      }
      const closers = PAIRS[c];
      if (!closers || !canOpen(text, i)) {
        i++;
        continue;
      }
      let j = i + 1;
      let found = -1;
      const limit = Math.min(p.end, i + MAX_QUOTE_CHARS);
      while (j < limit) {
        const d = text[j] as string;
        if (closers.includes(d) && canClose(text, j)) {
          found = j;
          break;
        }
        j++;
      }
      if (found < 0) {
        i++;
        continue;
      }
      const content = text.slice(i + 1, found);
      if (/\p{L}/u.test(content)) out.push({ outer: { start: i, end: found + 1 }, inner: { start: i + 1, end: found }, double: !SINGLE.has(c) });
      i = found + 1;
    }
  }
  return out;
}
