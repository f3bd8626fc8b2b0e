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

/**
 * Double marks close each other whatever their style: real pages mix them ("…,” / “…," / “…,“)
 * when editors paste and machines convert.
 */
const DOUBLE_CLOSERS = ['”', '"', '“', '»', '«'];
const PAIRS: Record<string, string[]> = {
  '“': DOUBLE_CLOSERS,
  '"': DOUBLE_CLOSERS,
  '«': ['»'],
  '»': ['«'],
  '„': ['“', '”', '"'],
  '‚': ['‘', '’'],
  '‹': ['›'],
  '‘': ['’'],
  "'": ["'"],
};
const SINGLE = new Set(['‘', "'", '‚', '‹']);

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** Marks that only ever open a quote (a space may follow them: "“ … if the primary were held"). */
const OPEN_ONLY = new Set(['“', '«', '„']);

function canOpen(text: string, i: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  // A markup attribute value left in the text (tweet-author="@user") is no quotation.
  if (prev === '=') return false;
  if (!next) return false;
  if (/\s/.test(next) && !(OPEN_ONLY.has(text[i] as string) && next !== '\n')) return false;
  if (SINGLE.has(text[i] as string)) return !isWordChar(prev); // not an apostrophe inside a word
  return true;
}

function canClose(text: string, i: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  if (!prev) return false;
  // A space before a double close mark is tolerated after punctuation or a closing single quote ("…,' " Magel said).
  if (/\s/.test(prev) && !(/["”]/.test(text[i] as string) && /[,.!?'’]/.test(text[i - 2] ?? '') && prev === ' ' && (!next || /\s/.test(next)))) return false;
  const mark = text[i];
  if (mark === '’' || mark === "'") return !isWordChar(next); // "Russia’s" is an apostrophe
  if (mark === '“' || mark === '"') return !isWordChar(next); // an opening mark glued to the next word opens, not closes
  return true;
}

export function findQuoteMarks(text: string, paragraphs: readonly Span[]): QuoteMarkSpan[] {
  const out: QuoteMarkSpan[] = [];
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi] as Span;
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
        // A curly quote left open at a paragraph end runs on: the typographic convention reopens it
        // in the next paragraph; a stray line break leaves its close mark early in the next one.
        const np = paragraphs[pi + 1];
        if (OPEN_ONLY.has(c) && np && limit === p.end && /[”»“]/.test(text.slice(np.start, Math.min(np.end, np.start + MAX_QUOTE_CHARS)))) {
          out.push({ outer: { start: i, end: p.end }, inner: { start: i + 1, end: p.end }, double: true });
          i = p.end;
          continue;
        }
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
