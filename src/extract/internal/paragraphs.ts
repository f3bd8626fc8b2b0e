import type { Span } from '../types.js';

/**
 * A line shorter than this that lacks end punctuation is a heading or label, never the first half of
 * a hard-wrapped sentence. Set by reading the seeds: wrapped body lines are 60+ characters.
 */
const MIN_WRAPPED_LINE = 60;
/** Longest paragraph handed to the tokenizer in one piece; longer ones are cut at whitespace (bounded time on huge, unpunctuated input). */
export const MAX_PARAGRAPH_CHARS = 20_000;

/** An ALL-CAPS line (upper-case share of letters above this) is a headline, never hard-wrapped body text; body text is < 0.2 in the seeds. */
const HEADLINE_UPPER_SHARE = 0.6;

function upperShare(s: string): number {
  const letters = s.match(/\p{L}/gu)?.length ?? 0;
  return letters ? (s.match(/\p{Lu}/gu)?.length ?? 0) / letters : 0;
}

const END_PUNCT = /[.!?:;"”’»)\]]\s*$/u;

/**
 * Splits text into paragraphs: blank lines always split; a single line break splits too unless
 * the line looks hard-wrapped (long, no end punctuation, next line continues).
 */
export function splitParagraphs(text: string): Span[] {
  const lines: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim()) lines.push({ start: m.index, end: m.index + m[0].length });
  }
  const out: Span[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev) {
      const gap = text.slice(prev.end, line.start);
      const prevText = text.slice(prev.start, prev.end);
      const singleBreak = (gap.match(/\n/g)?.length ?? 0) === 1;
      if (singleBreak && prevText.length >= MIN_WRAPPED_LINE && !END_PUNCT.test(prevText) && upperShare(prevText) < HEADLINE_UPPER_SHARE) {
        out[out.length - 1] = { start: prev.start, end: line.end };
        continue;
      }
    }
    out.push(line);
  }
  // Cut oversized paragraphs at whitespace.
  const bounded: Span[] = [];
  for (const p of out) {
    let s = p.start;
    while (p.end - s > MAX_PARAGRAPH_CHARS) {
      let cut = text.lastIndexOf(' ', s + MAX_PARAGRAPH_CHARS);
      if (cut <= s) cut = s + MAX_PARAGRAPH_CHARS;
      bounded.push({ start: s, end: cut });
      s = cut;
    }
    bounded.push({ start: s, end: p.end });
  }
  return bounded;
}
