import type { CmpNumber } from '../../types.js';
import { FUNCTION_WORDS, NUMBER_WORDS, SCALES } from './lexicon.js';

/** Digits with thousands separators or decimals, optional currency, percent, scale and a hyphenated unit ("28-point"). */
const NUMBER =
  /(?<![\p{L}\p{N}_.,:/-])(?<cur>[$€£]\s?)?(?<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![.,:/]\d)(?:\s?(?<pct>%|percent\b|per cent\b))?(?:\s(?<scale>thousand|million|billion|trillion|bn|m)\b)?(?:-(?<compound>\p{L}+))?/gu;
const WORD_NUMBER = new RegExp(`\\b(?<num>${Object.keys(NUMBER_WORDS).join('|')})(?:-(?<compound>\\p{L}+))?\\b`, 'giu');
/** Four-digit numbers in this range with no unit are read as years, not quantities. */
const YEAR_MIN = 1800;
const YEAR_MAX = 2100;
/** How many words before a bare number are searched for the noun it measures ("a limit of 800,000"). */
const LOOKBACK_WORDS = 4;

/** Auxiliaries between a count and its participle ("21 were injured") are skipped to reach the word that says what was counted. */
const AUXILIARY = /^\s+(?:were|was|are|is|have|had|has|been|being)(?=\s)/iu;

function nounAfter(text: string): string | null {
  const rest = text.replace(AUXILIARY, '');
  const m = rest.match(/^\s+((?:[\p{Ll}][\p{L}-]*\s+){0,2}?[\p{Ll}][\p{L}-]{2,})/u);
  if (!m?.[1]) return null;
  const toks = m[1].split(/\s+/);
  // stop at the first function word: "17 injured when" → "injured"
  const kept: string[] = [];
  for (const t of toks) {
    if (FUNCTION_WORDS.has(t.toLowerCase())) break;
    kept.push(t);
  }
  return kept.length ? kept.join(' ') : null;
}

/** For a number with no noun after it: the noun phrase just before "of/to/at/was/is" ("armed forces to 600,000"). */
function nounBefore(before: string): string | null {
  const toks = before
    .trim()
    .split(/\s+/)
    .slice(-LOOKBACK_WORDS - 2);
  let i = toks.length - 1;
  while (i >= 0 && FUNCTION_WORDS.has((toks[i] ?? '').toLowerCase())) i--;
  const noun: string[] = [];
  while (i >= 0 && noun.length < 2) {
    const raw = toks[i] ?? '';
    const t = raw.replace(/[^\p{L}-]/gu, '');
    if (!t || /["“”‘’']/u.test(raw) || FUNCTION_WORDS.has(t.toLowerCase()) || /^\p{Lu}/u.test(t)) break;
    noun.unshift(t.toLowerCase());
    i--;
  }
  return noun.length ? noun.join(' ') : null;
}

export interface LiteNumber extends CmpNumber {
  /** True when the noun came from before the number (a container noun such as "limit", weaker evidence). */
  readonly nounBefore: boolean;
}

/** Quantities in one paragraph (English fallback). `skip` holds [start, end) spans already read as dates. */
export function findNumbers(paragraph: string, index: number, skip: readonly [number, number][]): LiteNumber[] {
  const out: LiteNumber[] = [];
  const inSkip = (s: number, e: number) => skip.some(([a, b]) => s < b && e > a);
  const add = (m: RegExpMatchArray, value: number, unit: string | null) => {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (inSkip(start, end)) return;
    const compound = m.groups?.compound?.toLowerCase() ?? null;
    let noun = nounAfter(paragraph.slice(end));
    let before = false;
    if (!noun && !compound) {
      noun = nounBefore(paragraph.slice(0, start));
      before = noun !== null;
    }
    if (compound && !noun) return; // "30-day" alone is a modifier without a thing counted
    out.push({ raw: m[0], value, unit: compound ?? unit, noun: noun?.toLowerCase() ?? null, paragraph: index, offset: start, nounBefore: before });
  };
  for (const m of paragraph.matchAll(NUMBER)) {
    const g = m.groups ?? {};
    let value = Number((g.num ?? '').replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    const scale = g.scale ? (SCALES[g.scale.toLowerCase()] ?? 1) : 1;
    value *= scale;
    const unit = g.pct ? 'percent' : g.cur ? ({ $: 'USD', '€': 'EUR', '£': 'GBP' }[g.cur.trim()] ?? null) : null;
    const isYear = !g.cur && !g.pct && !g.scale && !g.compound && /^\d{4}$/.test(g.num ?? '') && value >= YEAR_MIN && value <= YEAR_MAX;
    if (isYear) continue;
    add(m, value, unit);
  }
  for (const m of paragraph.matchAll(WORD_NUMBER)) {
    const value = NUMBER_WORDS[(m.groups?.num ?? '').toLowerCase()];
    if (value === undefined) continue;
    const before = out.length;
    add(m, value, null);
    // a bare number word with a noun only it measures is weak evidence; keep it only with a noun after it
    const last = out[out.length - 1];
    if (out.length > before && last && last.nounBefore) out.pop();
  }
  out.sort((a, b) => a.offset - b.offset);
  return inheritRanges(paragraph, out, index, skip);
}

/** Longest gap, in characters, between the two ends of a "from X … to Y" range. */
const RANGE_GAP = 40;
const RANGE_TO = /\bto\s+(?<num>\d[\d,.]*|[\p{L}]+)\b/gu;

/** "from 14 points to nine": the second value takes the first one's noun and unit, even when it is a bare number word. */
function inheritRanges(paragraph: string, found: LiteNumber[], index: number, skip: readonly [number, number][]): LiteNumber[] {
  const out = [...found];
  for (const first of found) {
    if (!/\bfrom\s+$/iu.test(paragraph.slice(Math.max(0, first.offset - 6), first.offset))) continue;
    const tail = paragraph.slice(first.offset + first.raw.length, first.offset + first.raw.length + RANGE_GAP);
    RANGE_TO.lastIndex = 0;
    const m = RANGE_TO.exec(tail);
    const token = m?.groups?.num;
    if (!m || !token) continue;
    const value = /\d/.test(token) ? Number(token.replace(/,/g, '')) : NUMBER_WORDS[token.toLowerCase()];
    if (value === undefined || !Number.isFinite(value)) continue;
    const offset = first.offset + first.raw.length + (m.index ?? 0) + m[0].length - token.length;
    if (skip.some(([a, b]) => offset < b && offset + token.length > a)) continue;
    const existing = out.findIndex((n) => n.offset === offset);
    const entry: LiteNumber = { raw: token, value, unit: first.unit, noun: first.noun, paragraph: index, offset, nounBefore: first.nounBefore };
    if (existing >= 0) out[existing] = entry;
    else out.push(entry);
  }
  return out.sort((a, b) => a.offset - b.offset);
}
