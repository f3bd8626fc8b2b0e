/**
 * Date-expression patterns. Each returns raw, unresolved expressions for one sentence; the
 * resolver turns them into values against an anchor and the clause's tense.
 */
import { DURATION_UNITS, MONTHS, NUMBER_WORDS, ORDINAL_WORDS, SEASONS, WEEKDAYS } from './lexicon.js';

export type Mod = 'START' | 'MID' | 'END' | 'APPROX' | null;

export type RawKind =
  | { t: 'day'; y: number | null; m: number; d: number }
  | { t: 'month'; y: number | null; m: number }
  | { t: 'year'; y: number }
  | { t: 'decade'; y: number }
  | { t: 'weekday'; wd: number; rel: 'last' | 'next' | 'this' | null }
  | { t: 'relday'; offset: number }
  | { t: 'relunit'; unit: 'week' | 'month' | 'year' | 'weekend'; offset: number; part: 'earlier' | 'later' | null }
  | { t: 'ago'; unit: 'day' | 'week' | 'month' | 'year'; n: number }
  | { t: 'season'; s: string; y: number | null; offset: number | null }
  | { t: 'duration'; n: number; unit: string; approx: string | null }
  | { t: 'present' }
  | { t: 'pastref' };

export interface RawDate {
  start: number;
  end: number;
  text: string;
  kind: RawKind;
  mod: Mod;
  rule: string;
  /** A clock time attached to a numeric timestamp ("13:30"). */
  time?: string;
}

const MONTH_RE =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const WEEKDAY_RE = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MOD_RE =
  '(?:(early|earlier in|mid|mid-|middle of|the middle of|late|later in|the end of|end of|the beginning of|beginning of|the start of|start of|the first half of|the second half of)\\s*)';
const YEAR_RE = '((?:19|20)\\d{2})';
const DAYNUM_RE = '(\\d{1,2})(?:st|nd|rd|th)?';
const NUM_WORD_RE = `(\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).join('|')})`;
const UNIT_RE = `(${Object.keys(DURATION_UNITS).join('|')})s?`;

function modOf(word: string | undefined): Mod {
  if (!word) return null;
  const w = word.toLowerCase();
  if (w.startsWith('early') || w.includes('beginning') || w.includes('start') || w.includes('first half')) return 'START';
  if (w.startsWith('mid') || w.includes('middle')) return 'MID';
  if (w.startsWith('late') || w.includes('end') || w.includes('second half')) return 'END';
  return null;
}

function month(s: string): number {
  return MONTHS[s.toLowerCase().replace('.', '')] ?? 0;
}

function num(s: string): number {
  const n = Number(s);
  return Number.isNaN(n) ? (NUMBER_WORDS[s.toLowerCase()] ?? Number.NaN) : n;
}

interface Pattern {
  rule: string;
  re: RegExp;
  build(m: RegExpExecArray): { kind: RawKind; mod?: Mod; time?: string } | null;
}

const year2 = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

export const PATTERNS: readonly Pattern[] = [
  {
    rule: 'iso-date',
    re: /(?<![\d-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}))?/g,
    build: (m) => ({ kind: { t: 'day', y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }, time: m[4] }),
  },
  {
    rule: 'numeric-dmy',
    re: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d.]\d)(?:,?\s*(\d{1,2}:\d{2}))?/g,
    build: (m) => ({ kind: { t: 'day', y: year2(m[3] as string), m: Number(m[2]), d: Number(m[1]) }, time: m[4] }),
  },
  {
    rule: 'numeric-mdy',
    re: /(?<![\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?![\d/])/g,
    build: (m) => ({ kind: { t: 'day', y: Number(m[3]), m: Number(m[1]), d: Number(m[2]) } }),
  },
  {
    rule: 'month-day-year',
    re: new RegExp(`\\b${MOD_RE}?${MONTH_RE}\\s+${DAYNUM_RE}\\b(?:,?\\s+${YEAR_RE}\\b)?`, 'g'),
    build: (m) => ({ kind: { t: 'day', y: m[4] ? Number(m[4]) : null, m: month(m[2] as string), d: Number(m[3]) } }),
  },
  {
    rule: 'day-month-year',
    re: new RegExp(
      `\\b(?:the\\s+)?(\\d{1,2}(?:st|nd|rd|th)?|${Object.keys(ORDINAL_WORDS).join('|')})\\s+(?:of\\s+)?${MONTH_RE}\\b(?:,?\\s+${YEAR_RE}\\b)?`,
      'gi',
    ),
    build: (m) => {
      const d = /^\d/.test(m[1] as string) ? Number.parseInt(m[1] as string, 10) : (ORDINAL_WORDS[(m[1] as string).toLowerCase()] ?? 0);
      const mo = month(m[2] as string);
      if (!/^[A-Z]/.test(m[2] as string)) return null;
      return { kind: { t: 'day', y: m[3] ? Number(m[3]) : null, m: mo, d } };
    },
  },
  {
    rule: 'month-year',
    re: new RegExp(`\\b${MOD_RE}?${MONTH_RE}\\s+(?:of\\s+)?${YEAR_RE}\\b`, 'g'),
    build: (m) => ({ kind: { t: 'month', y: Number(m[3]), m: month(m[2] as string) }, mod: modOf(m[1]) }),
  },
  {
    rule: 'month',
    re: new RegExp(`\\b(?:(last|next|this|past)\\s+)?${MOD_RE}?(?:(last|next|this)\\s+)?${MONTH_RE}\\b(?!\\s+\\d)`, 'g'),
    build: (m) => {
      const name = m[4] as string;
      // "May" and abbreviations alone are too ambiguous without a calendar cue before them.
      // "May" (the modal) and undotted abbreviations ("Jan", also a name) need a calendar cue before them.
      const ambiguous = name === 'May' || (name.length <= 4 && !name.endsWith('.') && !['June', 'July'].includes(name));
      if (ambiguous && !m[1] && !m[2] && !m[3]) {
        return null;
      }
      return { kind: { t: 'month', y: null, m: month(name) }, mod: modOf(m[2]) };
    },
  },
  {
    rule: 'season',
    re: /\b(?:(last|next|this|past)\s+)?(?:(early|late|mid-?)\s*)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?((?:19|20)\d{2}))?\b/gi,
    build: (m) => {
      const rel = m[1]?.toLowerCase();
      if (!rel && !m[4] && !m[2]) return null; // bare "fall" is usually the verb
      const offset = rel === 'last' || rel === 'past' ? -1 : rel === 'next' ? 1 : rel === 'this' ? 0 : null;
      return { kind: { t: 'season', s: SEASONS[(m[3] as string).toLowerCase()] as string, y: m[4] ? Number(m[4]) : null, offset }, mod: modOf(m[2]) };
    },
  },
  {
    rule: 'decade',
    re: /\b(?:the\s+)?((?:19|20)\d)0s\b/g,
    build: (m) => ({ kind: { t: 'decade', y: Number(m[1]) } }),
  },
  {
    rule: 'year',
    re: new RegExp(`(?<![\\d,.$€£]|\\d-)${MOD_RE}?${YEAR_RE}(?![\\d%]|,\\d|\\.\\d|-\\d{1,3}\\b|\\s*(?:percent|per cent|people|troops|soldiers|km|miles))`, 'g'),
    build: (m) => ({ kind: { t: 'year', y: Number(m[2]) }, mod: modOf(m[1]) }),
  },
  {
    rule: 'weekday',
    re: new RegExp(`\\b(?:(last|next|this|past|coming)\\s+)?${WEEKDAY_RE}(?:\\s+(?:morning|afternoon|evening|night))?\\b`, 'g'),
    build: (m) => {
      const rel = m[1]?.toLowerCase();
      return {
        kind: {
          t: 'weekday',
          wd: WEEKDAYS[(m[2] as string).toLowerCase()] as number,
          rel: rel === 'last' || rel === 'past' ? 'last' : rel === 'next' || rel === 'coming' ? 'next' : rel === 'this' ? 'this' : null,
        },
      };
    },
  },
  {
    rule: 'relative-day',
    re: /\b(today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening)|last night|the day before yesterday|the day after tomorrow)\b/gi,
    build: (m) => {
      const w = (m[1] as string).toLowerCase();
      const offset =
        w === 'yesterday' || w === 'last night' ? -1 : w === 'tomorrow' ? 1 : w.includes('before yesterday') ? -2 : w.includes('after tomorrow') ? 2 : 0;
      return { kind: { t: 'relday', offset } };
    },
  },
  {
    rule: 'relative-unit',
    re: /\b(?:(early|earlier|late|later|the end of|end of|the start of|the beginning of)\s+)?(this|last|next|the past|the last|the previous|the coming|the following|the next|the same|over the|at the|during the|on the|this past)\s+(?:fiscal\s+|calendar\s+)?(week|month|year|weekend)\b/gi,
    build: (m) => {
      const rel = (m[2] as string).toLowerCase();
      const unit = (m[3] as string).toLowerCase() as 'week' | 'month' | 'year' | 'weekend';
      const offset = /last|past|previous/.test(rel) ? -1 : /next|coming|following/.test(rel) ? 1 : 0;
      if (unit !== 'weekend' && /^(over|at|during|on) the$/.test(rel)) return null;
      const pre = m[1]?.toLowerCase() ?? null;
      const part = pre === 'earlier' || pre === 'early' ? 'earlier' : pre === 'later' || pre === 'late' ? 'later' : null;
      const mod = pre && !part ? modOf(pre) : pre === 'early' ? 'START' : pre === 'late' ? 'END' : null;
      const relOffset = unit === 'weekend' && /^(over|at|during|on) the$/.test(rel) ? Number.NaN : offset;
      return {
        kind: {
          t: 'relunit',
          unit,
          offset: relOffset,
          part: part === 'earlier' && pre === 'earlier' ? 'earlier' : part === 'later' && pre === 'later' ? 'later' : null,
        },
        mod,
      };
    },
  },
  {
    rule: 'ago',
    re: new RegExp(`\\b${NUM_WORD_RE}\\s+(day|week|month|year)s?\\s+ago\\b`, 'gi'),
    build: (m) => {
      const n = num(m[1] as string);
      return Number.isNaN(n) ? null : { kind: { t: 'ago', unit: (m[2] as string).toLowerCase() as 'day', n } };
    },
  },
  {
    rule: 'duration',
    re: new RegExp(
      `\\b(?:(almost|nearly|about|around|more than|over|less than|under|at least|some|roughly|approximately)\\s+)?${NUM_WORD_RE}(?:-|\\s+)${UNIT_RE}\\b(?!-old|\\s+old\\b)`,
      'gi',
    ),
    build: (m) => {
      const n = num(m[2] as string);
      if (Number.isNaN(n)) return null;
      return { kind: { t: 'duration', n, unit: (m[3] as string).toLowerCase(), approx: m[1]?.toLowerCase() ?? null } };
    },
  },
  {
    rule: 'present',
    re: /\b(now|currently|at present|at the moment|nowadays)\b/gi,
    build: () => ({ kind: { t: 'present' } }),
  },
  {
    rule: 'past-ref',
    re: /\b(?:(?:in|over)\s+)?(?:recent|the past few|the last few)\s+(?:days|weeks|months|years)\b/gi,
    build: () => ({ kind: { t: 'pastref' } }),
  },
];

/** All non-overlapping raw date expressions in `text` (longest match wins, then earliest). */
export function findRawDates(text: string, offset: number): RawDate[] {
  const found: RawDate[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      const built = p.build(m);
      if (!built) continue;
      // Impossible calendar values ("2025-13-45", "99.99.99") are version numbers or codes, not dates.
      const k = built.kind;
      if ((k.t === 'day' && (k.m < 1 || k.m > 12 || k.d < 1 || k.d > 31)) || (k.t === 'month' && (k.m < 1 || k.m > 12))) continue;
      const lead = m[0].length - m[0].trimStart().length;
      const raw = m[0].trim().replace(/[,.]$/, '');
      found.push({
        start: offset + m.index + lead,
        end: offset + m.index + lead + raw.length,
        text: raw,
        kind: built.kind,
        mod: built.mod ?? null,
        rule: p.rule,
        time: built.time,
      });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: RawDate[] = [];
  for (const f of found) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  // Durations followed by "ago"/"old" are not durations; ages are numbers.
  return kept.sort((a, b) => a.start - b.start);
}
