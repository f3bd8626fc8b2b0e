/**
 * Fallback happening-date finder, used when the extract stage gives no dates: full dates, day-month
 * dates (year taken from the article's anchor date), weekday names and yesterday/today/tomorrow,
 * resolved against an anchor (published date, else the latest full date in the text).
 */
import { classOf, isAsciiWord, LETTER, SURROGATE } from './letters.js';
import { fold } from './text.js';

/** A mentioned date: `YYYY-MM-DD`, or `--MM-DD` when no year could be resolved. */
export interface FoundDate {
  readonly value: string;
  readonly precision: 'day' | 'monthday';
}

const DAY_MS = 86_400_000;

/** Month names (folded) in the languages of the demo corpus and bench set, plus their usual abbreviations. */
const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan', 'januar', 'janvier', 'enero', 'gennaio', 'stycznia', 'ocak', 'января'],
  ['february', 'feb', 'februar', 'fevrier', 'febrero', 'febbraio', 'lutego', 'subat', 'февраля'],
  ['march', 'mar', 'marz', 'mars', 'marzo', 'marca', 'mart', 'марта'],
  ['april', 'apr', 'avril', 'abril', 'aprile', 'kwietnia', 'nisan', 'апреля'],
  ['may', 'mai', 'mayo', 'maggio', 'maja', 'mayis', 'мая'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'czerwca', 'haziran', 'июня'],
  ['july', 'jul', 'juli', 'juillet', 'julio', 'luglio', 'lipca', 'temmuz', 'июля'],
  ['august', 'aug', 'aout', 'agosto', 'sierpnia', 'agustos', 'августа'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'wrzesnia', 'eylul', 'сентября'],
  ['october', 'oct', 'oktober', 'octobre', 'octubre', 'ottobre', 'pazdziernika', 'ekim', 'октября'],
  ['november', 'nov', 'novembre', 'noviembre', 'listopada', 'kasim', 'ноября'],
  ['december', 'dec', 'dezember', 'decembre', 'diciembre', 'dicembre', 'grudnia', 'aralik', 'декабря'],
];
const MONTH_OF = new Map<string, number>();
MONTHS.forEach((names, i) => {
  for (const n of names) MONTH_OF.set(n, i + 1);
});

/** Weekday names (folded), Sunday first, as `Date.getUTCDay()` numbers them. */
const WEEKDAYS: readonly (readonly string[])[] = [
  ['sunday', 'sonntag', 'dimanche', 'domingo', 'domenica', 'niedziela', 'pazar', 'воскресенье'],
  ['monday', 'montag', 'lundi', 'lunes', 'lunedi', 'poniedzialek', 'pazartesi', 'понедельник'],
  ['tuesday', 'dienstag', 'mardi', 'martes', 'martedi', 'wtorek', 'sali', 'вторник'],
  ['wednesday', 'mittwoch', 'mercredi', 'miercoles', 'mercoledi', 'sroda', 'carsamba', 'среду', 'среда'],
  ['thursday', 'donnerstag', 'jeudi', 'jueves', 'giovedi', 'czwartek', 'persembe', 'четверг'],
  ['friday', 'freitag', 'vendredi', 'viernes', 'venerdi', 'piatek', 'cuma', 'пятницу', 'пятница'],
  ['saturday', 'samstag', 'samedi', 'sabado', 'sabato', 'sobota', 'cumartesi', 'субботу', 'суббота'],
];
const WEEKDAY_OF = new Map<string, number>();
WEEKDAYS.forEach((names, i) => {
  for (const n of names) WEEKDAY_OF.set(n, i);
});
const RELATIVE: ReadonlyMap<string, number> = new Map([
  ['yesterday', -1],
  ['gestern', -1],
  ['hier', -1],
  ['ayer', -1],
  ['ieri', -1],
  ['wczoraj', -1],
  ['dun', -1],
  ['вчера', -1],
  ['today', 0],
  ['heute', 0],
  ['hoy', 0],
  ['oggi', 0],
  ['dzisiaj', 0],
  ['bugun', 0],
  ['сегодня', 0],
  ['tomorrow', 1],
  ['morgen', 1],
  ['demain', 1],
  ['manana', 1],
  ['domani', 1],
  ['jutro', 1],
  ['yarin', 1],
  ['завтра', 1],
]);

/** Day-month dates are placed in the year that puts them within this many days before the anchor… */
const MAX_DAYS_BEFORE_ANCHOR = 300;
/** …or this many days after it (previews name dates weeks ahead; reports look back months). */
const MAX_DAYS_AFTER_ANCHOR = 65;
/** Two-digit years are read as 20YY. */
const CENTURY = 2000;
/** Plausible years for news dates; anything else is a number, not a date. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function utc(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < MIN_YEAR || y > MAX_YEAR) return null;
  const ms = Date.UTC(y, m - 1, d);
  return new Date(ms).getUTCDate() === d ? ms : null;
}

/**
 * Month-first full dates ("December 2, 2025"). Tried only at letter runs that are month names (see monthFirst): a
 * sticky copy of the pattern the scan over every word used.
 */
const MONTH_DAY_YEAR = /\b(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/uy;
/** Month-first day-month dates without a year ("March 3", "May 2nd"), tried the same way. */
const MONTH_DAY = /(?<!\p{L})(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+\d{4})(?![.:]\d)/uy;

/** Every month, weekday and relative-day name (folded); a letter run is looked up only when its hash is one of theirs. */
const NAMES: readonly string[] = [...new Set([...MONTH_OF.keys(), ...WEEKDAY_OF.keys(), ...RELATIVE.keys()])];
const NAME_INDEX = new Map(NAMES.map((w, i) => [w, i]));

/** The 32-bit multiplicative string hash letterRuns computes while scanning (factor 31). */
function nameHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}
const NAME_HASHES = new Set(NAMES.map(nameHash));
/**
 * A quick test before NAME_HASHES: bit `h & HASH_BIT_MASK` of this table is set for each name's hash, so a run whose
 * bit is clear is no name (~110 names set under 3% of 4,096 bits; most runs are then not looked up in the set).
 */
const HASH_BIT_MASK = 4095;
const NAME_HASH_BITS = new Uint8Array((HASH_BIT_MASK + 1) / 8);
for (const h of NAME_HASHES) NAME_HASH_BITS[(h & HASH_BIT_MASK) >> 3] = (NAME_HASH_BITS[(h & HASH_BIT_MASK) >> 3] as number) | (1 << (h & 7));

/** Whether a letter run with this hash may be a name (the bit test, then the set). */
function mayBeName(h: number): boolean {
  return ((NAME_HASH_BITS[(h & HASH_BIT_MASK) >> 3] as number) & (1 << (h & 7))) !== 0 && NAME_HASHES.has(h);
}
const SHORTEST_NAME = Math.min(...NAMES.map((w) => w.length));
const LONGEST_NAME = Math.max(...NAMES.map((w) => w.length));

/** Flat [start, end, name] triples per run; name is an index into NAMES, or -1. */
const RUN = 3;

/**
 * The letter runs (`\p{L}+`) that can hold a date name, with the name each one is, or null for a text with surrogate
 * pairs (where a letter may be two code units; the regex paths handle those). Kept: runs that are a name, and runs
 * where `\b` (ASCII word characters) falls inside rather than at the start (a letter run mixing ASCII and other
 * letters, not starting at a boundary), whose tail may be a month; no other run can start a date match. No word
 * is cut out unless it hashes like a name.
 *
 * Tried and reverted (session 7, 2026-11-22), exact: gathering these runs in featuresOf's word scan of the title and
 * text (one pass over the article instead of two). In-process A/B (synthetic) featuresOf 92.0 → 82.5 µs together with
 * the other changes of that step, but in a profiled paired 100k probe the word scan grew by what this pass lost
 * (countStems + findDatesFolded 465 → 464 ms of sampled time).
 */
function letterRuns(text: string): number[] | null {
  if (SURROGATE.test(text)) return null;
  const runs: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if ((classOf(c) & LETTER) === 0) {
      i++;
      continue;
    }
    const start = i;
    let h = 0;
    let ascii = false;
    let wide = false;
    do {
      h = (Math.imul(h, 31) + c) | 0;
      if (c < ASCII_END) ascii = true;
      else wide = true;
      i++;
      c = i < n ? text.charCodeAt(i) : 0;
    } while (i < n && (classOf(c) & LETTER) !== 0);
    const length = i - start;
    const name = length >= SHORTEST_NAME && length <= LONGEST_NAME && mayBeName(h) ? (NAME_INDEX.get(text.slice(start, i)) ?? -1) : -1;
    // `\b` at the run's start is looked at only for a run mixing ASCII and other letters.
    if (name >= 0 || (ascii && wide && (start > 0 && isAsciiWord(text.charCodeAt(start - 1))) === isAsciiWord(text.charCodeAt(start))))
      runs.push(start, i, name);
  }
  return runs;
}

/** Code units below this are ASCII. */
const ASCII_END = 0x80;

/**
 * Matches of a month-first pattern (its group 1 a whole letter run, then `.`/spaces and a day), found as a global
 * scan over the text finds them, but tried only where the run is a month name. Exact because a match's letters
 * are its own run (followed by `.` or a space) plus at most an ordinal suffix (two letters, never a month), so no
 * match of another word can cover a month's run; and within a run, every start shares the same tail, so the first
 * start the pattern allows (`atStart`) is the one a scan would take. `visit` gets each month match.
 */
function monthFirst(text: string, runs: readonly number[], re: RegExp, atStart: 'boundary' | 'run', visit: (m: RegExpExecArray, month: number) => void) {
  let lastEnd = 0;
  for (let r = 0; r < runs.length; r += RUN) {
    const s = runs[r] as number;
    const e = runs[r + 1] as number;
    if (e <= lastEnd || (atStart === 'run' && s < lastEnd)) continue;
    let p = Math.max(s, lastEnd);
    if (atStart === 'boundary') {
      // `\b` (ASCII word characters, no `i` flag): the first position in the run where word-ness changes.
      const before = p > 0 && isAsciiWord(text.charCodeAt(p - 1));
      while (p < e && before === isAsciiWord(text.charCodeAt(p))) p++;
      if (p === e) continue;
    }
    const name = runs[r + 2] as number;
    const month = p === s ? (name < 0 ? undefined : MONTH_OF.get(NAMES[name] as string)) : MONTH_OF.get(text.slice(p, e));
    if (month === undefined) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (!m) continue;
    visit(m, month);
    lastEnd = re.lastIndex;
  }
}

/** ISO dates (2025-12-02). The global patterns here are run by eachMatch, from lastIndex 0. */
const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;
/** Day-first numeric dates (2.12.2025, 02/12/25). */
const NUMERIC_DATE = /(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?!\d)/g;
/** Day-first written dates with a year ("2 December 2025", "2nd of December, 2025", "2 de diciembre de 2025"). */
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+|de\s+)?(\p{L}+)\.?,?\s+(?:de\s+)?(\d{4})\b/gu;
/** Day-first written dates without a year ("2nd of December", "3 March", "el 3 de marzo"). */
const DAY_MONTH = /\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+|de\s+)?(\p{L}+)(?!\p{L})(?!\.?,?\s+(?:de\s+)?\d{4})/gu;

/** A digit, as `\d` (ASCII only): where the digit-led patterns above can first match. */
const DIGIT = /\d/;

/**
 * Where the digit-led patterns (ISO_DATE, NUMERIC_DATE, DAY_MONTH_YEAR, DAY_MONTH) may start matching in `text`: its
 * first digit, or -1 when it has none. Each of them consumes a digit first (what comes before is only looked at, by
 * `\b` or a lookbehind, which still sees the text before the start), so a scan from there finds the same matches as
 * a scan from 0, without running each pattern over a long digit-free stretch (a synthetic article's digits are all in
 * its last sentence).
 */
export function digitsFrom(text: string): number {
  return text.search(DIGIT);
}

/**
 * Every match of a global pattern from `from` (see digitsFrom), as `text.matchAll(re)` gives them, without the copy of
 * the pattern matchAll makes per call. None of these patterns matches the empty string, so exec's lastIndex always
 * moves on. Not re-entrant for one pattern (`visit` must not run the same pattern).
 */
function eachMatch(re: RegExp, text: string, from: number, visit: (m: RegExpExecArray) => void): void {
  if (from < 0) return;
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) visit(m);
  re.lastIndex = 0;
}

/**
 * Full dates written out in the text (ISO, d.m.y, "2 December 2025", "December 2, 2025"); `runs` from letterRuns,
 * `from` from digitsFrom. Every such date holds a digit: a text without one has none.
 */
function fullDates(text: string, runs: readonly number[] | null = letterRuns(text), from = digitsFrom(text)): number[] {
  const out: number[] = [];
  if (from < 0) return out;
  const push = (ms: number | null) => {
    if (ms !== null) out.push(ms);
  };
  eachMatch(ISO_DATE, text, from, (m) => push(utc(+m[1]!, +m[2]!, +m[3]!)));
  eachMatch(NUMERIC_DATE, text, from, (m) => {
    const y = m[3]!.length === 2 ? CENTURY + +m[3]! : +m[3]!;
    push(utc(y, +m[2]!, +m[1]!));
  });
  eachMatch(DAY_MONTH_YEAR, text, from, (m) => {
    const mon = MONTH_OF.get(m[2]!);
    if (mon) push(utc(+m[3]!, mon, +m[1]!));
  });
  if (runs) {
    monthFirst(text, runs, MONTH_DAY_YEAR, 'boundary', (m, mon) => push(utc(+(m[3] as string), mon, +(m[2] as string))));
    return out;
  }
  for (const m of text.matchAll(/\b(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/gu)) {
    const mon = MONTH_OF.get(m[1]!);
    if (mon) push(utc(+m[3]!, mon, +m[2]!));
  }
  return out;
}

/** Places a day-month date in the year that keeps it within the window around the anchor. */
function placeYear(month: number, day: number, anchor: number): number | null {
  const y = new Date(anchor).getUTCFullYear();
  for (const cand of [y, y - 1, y + 1]) {
    const ms = utc(cand, month, day);
    if (ms === null) continue;
    const diff = (ms - anchor) / DAY_MS;
    if (diff >= -MAX_DAYS_BEFORE_ANCHOR && diff <= MAX_DAYS_AFTER_ANCHOR) return ms;
  }
  return null;
}

/** The calendar day of a publication timestamp as written (its local date), or null when unreadable. */
export function publishedDate(published: string | null): string | null {
  if (!published) return null;
  const literal = /^\d{4}-\d{2}-\d{2}/.exec(published.trim());
  if (literal) return literal[0];
  const ms = Date.parse(published);
  return Number.isFinite(ms) ? iso(ms) : null;
}

/** The anchor from the publication date, else the text's own full dates (`full`), else the page furniture's. */
function anchorOf(full: readonly number[], published: string | null, aside: string): number | null {
  const day = publishedDate(published);
  if (day) return dayNumber(day) * DAY_MS;
  if (full.length) return Math.max(...full);
  const fromAside = fullDates(fold(aside));
  return fromAside.length ? Math.max(...fromAside) : null;
}

/**
 * The date an article was written, as best known: its published date, else the latest full date it
 * mentions, else the latest full date in its page furniture (`aside`: related-link timestamps and the like).
 */
export function anchorDate(text: string, published: string | null, aside = ''): number | null {
  return anchorOf(publishedDate(published) ? [] : fullDates(fold(text)), published, aside);
}

/** Every date the text mentions, resolved against the anchor where one is needed. */
export function findDates(rawText: string, published: string | null, aside = ''): FoundDate[] {
  return findDatesFolded(fold(rawText), published, aside);
}

/** findDates() of a text already folded (text.ts fold()). */
export function findDatesFolded(text: string, published: string | null, aside = ''): FoundDate[] {
  const runs = letterRuns(text);
  const from = digitsFrom(text);
  const full = fullDates(text, runs, from);
  const anchor = anchorOf(full, published, aside);
  const out: FoundDate[] = full.map((ms) => ({ value: iso(ms), precision: 'day' }));
  const dayMonth = (day: number, month: number) => {
    if (anchor !== null) {
      const ms = placeYear(month, day, anchor);
      if (ms !== null) out.push({ value: iso(ms), precision: 'day' });
    } else if (utc(CENTURY, month, day) !== null) {
      out.push({ value: `--${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, precision: 'monthday' });
    }
  };
  // Day-month without a year ("2nd of December", "3 March", "el 3 de marzo"); those with a year were taken above.
  eachMatch(DAY_MONTH, text, from, (m) => {
    const mon = MONTH_OF.get(m[2]!);
    if (mon && m[2]!.length > 2) dayMonth(+m[1]!, mon);
  });
  if (runs) {
    monthFirst(text, runs, MONTH_DAY, 'run', (m, mon) => {
      if ((m[1] as string).length > 2) dayMonth(+(m[2] as string), mon);
    });
  } else {
    for (const m of text.matchAll(/(?<!\p{L})(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+\d{4})(?![.:]\d)/gu)) {
      const mon = MONTH_OF.get(m[1]!);
      if (mon && m[1]!.length > 2) dayMonth(+m[2]!, mon);
    }
  }
  if (anchor === null) return out;
  // Weekday names: the nearest such day to the anchor (a report looks back, a preview ahead; nearest wins).
  const weekday = (w: string) => {
    const wd = WEEKDAY_OF.get(w);
    if (wd !== undefined) {
      let diff = (wd - new Date(anchor).getUTCDay() + 7) % 7;
      if (diff > 3) diff -= 7;
      out.push({ value: iso(anchor + diff * DAY_MS), precision: 'day' });
      return;
    }
    const rel = RELATIVE.get(w);
    if (rel !== undefined) out.push({ value: iso(anchor + rel * DAY_MS), precision: 'day' });
  };
  if (runs) {
    for (let r = 2; r < runs.length; r += RUN) {
      const name = runs[r] as number;
      if (name >= 0) weekday(NAMES[name] as string);
    }
  } else for (const m of text.matchAll(/\p{L}+/gu)) weekday(m[0]);
  return out;
}

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` date; for `--MM-DD` the day of a leap reference year. */
export function dayNumber(value: string): number {
  if (value.startsWith('--')) return Date.UTC(CENTURY, +value.slice(2, 4) - 1, +value.slice(5, 7)) / DAY_MS;
  return Date.UTC(+value.slice(0, 4), +value.slice(5, 7) - 1, +value.slice(8, 10)) / DAY_MS;
}

/** Days between two found dates; compares month and day only (on a circle) when either lacks a year. */
export function dayGap(a: string, b: string): number {
  if (!a.startsWith('--') && !b.startsWith('--')) return Math.abs(dayNumber(a) - dayNumber(b));
  const md = (v: string) => (v.startsWith('--') ? v : `--${v.slice(5)}`);
  const diff = Math.abs(dayNumber(md(a)) - dayNumber(md(b)));
  const YEAR_DAYS = 366;
  return Math.min(diff, YEAR_DAYS - diff);
}

/** The article's main happening date: the most-mentioned day-precision date, latest on ties. */
export function primaryDate(dates: readonly FoundDate[]): string | null {
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(d.value, (counts.get(d.value) ?? 0) + 1);
  let best: string | null = null;
  let bestN = 0;
  for (const [v, n] of counts) {
    const later = best !== null && (v.startsWith('--') === best.startsWith('--') ? v > best : !v.startsWith('--'));
    if (n > bestN || (n === bestN && later)) {
      best = v;
      bestN = n;
    }
  }
  return best;
}
