/** Small text helpers shared by the compare core: sentences with offsets, word tokens, overlap. */

import { normaliseForHash } from '../../ingest/identity.js';

export interface SentenceSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Sentence boundary candidate: terminal punctuation (optionally closed by a quote or bracket), whitespace, then an upper-case letter, digit or opening quote. */
const BOUNDARY = /[.!?]["”’')\]]?\s+(?=["“‘'(]?[\p{Lu}\p{N}])/gu;
/** A full stop after a one- or two-letter capitalised token ("U.S.", "Mr.", "St.") is an abbreviation, not a boundary. */
const ABBREVIATION = /(?:^|[\s.(])\p{Lu}\p{Ll}?$/u;

export function splitSentences(paragraph: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  for (const m of paragraph.matchAll(BOUNDARY)) {
    const at = m.index ?? 0;
    if (m[0][0] === '.' && ABBREVIATION.test(paragraph.slice(Math.max(0, at - 3), at))) continue;
    const end = at + m[0].trimEnd().length;
    push(out, paragraph, start, end);
    start = at + m[0].length;
  }
  push(out, paragraph, start, paragraph.length);
  return out;
}

function push(out: SentenceSpan[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const t = raw.trim();
  if (t) out.push({ text: t, start: start + lead, end: start + lead + t.length });
}

/** Lower-cased word tokens (letters and digits), NFKC-normalised, apostrophes folded. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[’']/g, "'")
      .match(/[\p{L}\p{N}][\p{L}\p{N}'.,]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? []
  );
}

/** Words shorter than this are treated as function words by `contentWords` (no language-specific list). */
export const MIN_CONTENT_WORD = 4;

/** Content-bearing tokens: long words and every number. Language-neutral by design. */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => w.length >= MIN_CONTENT_WORD || /\d/.test(w));
}

/** Share of `a`'s content words that also occur in `b` (0 when `a` has none). */
export function containment(a: string, b: string): number {
  const wa = new Set(contentWords(a));
  if (wa.size === 0) return 0;
  const wb = new Set(contentWords(b));
  let hit = 0;
  for (const w of wa) if (wb.has(w)) hit++;
  return hit / wa.size;
}

/** A stable key for deduplicating sentences: the same normalisation ingest hashes content with. */
export const sentenceKey: (text: string) => string = normaliseForHash;

/** Crude singular form for slot labels ("soldiers" → "soldier"); only strips a plain English "s". */
export function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Short stable hash (FNV-1a, base36) for ids. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Compares ISO-ish date strings; null sorts last. */
export function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Whole days between two ISO days (absolute), or null if either is missing. */
export function dayGap(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const ms = Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10)));
  return Number.isFinite(ms) ? Math.round(ms / 86_400_000) : null;
}

/** An ISO day shown at its precision: `2014` for a year, `2025-11` for a month, the day otherwise. */
export function formatDate(date: string | null, precision: string): string {
  if (!date) return 'undated';
  if (precision === 'year' || precision === 'decade') return date.slice(0, 4);
  if (precision === 'month' || precision === 'season') return date.slice(0, 7);
  return date.slice(0, 10);
}
