// Frozen copy of src/cluster/internal/dates.ts as of f481d15 (2026-11-21): the reference test/cluster/features-exact.test.ts
// compares the current feature path with. Do not edit; it is the old behaviour, not live code.
/**
 * Fallback happening-date finder, used when the extract stage gives no dates: full dates, day-month
 * dates (year taken from the article's anchor date), weekday names and yesterday/today/tomorrow,
 * resolved against an anchor (published date, else the latest full date in the text).
 */
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

/** Full dates written out in the text (ISO, d.m.y, "2 December 2025", "December 2, 2025"). */
function fullDates(text: string): number[] {
  const out: number[] = [];
  const push = (ms: number | null) => {
    if (ms !== null) out.push(ms);
  };
  for (const m of text.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g)) push(utc(+m[1]!, +m[2]!, +m[3]!));
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?!\d)/g)) {
    const y = m[3]!.length === 2 ? CENTURY + +m[3]! : +m[3]!;
    push(utc(y, +m[2]!, +m[1]!));
  }
  for (const m of text.matchAll(/\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+|de\s+)?(\p{L}+)\.?,?\s+(?:de\s+)?(\d{4})\b/gu)) {
    const mon = MONTH_OF.get(m[2]!);
    if (mon) push(utc(+m[3]!, mon, +m[1]!));
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

/**
 * The date an article was written, as best known: its published date, else the latest full date it
 * mentions, else the latest full date in its page furniture (`aside`: related-link timestamps and the like).
 */
export function anchorDate(text: string, published: string | null, aside = ''): number | null {
  const day = publishedDate(published);
  if (day) return dayNumber(day) * DAY_MS;
  for (const source of [text, aside]) {
    const full = fullDates(fold(source));
    if (full.length) return Math.max(...full);
  }
  return null;
}

/** Every date the text mentions, resolved against the anchor where one is needed. */
export function findDates(rawText: string, published: string | null, aside = ''): FoundDate[] {
  const text = fold(rawText);
  const anchor = anchorDate(rawText, published, aside);
  const out: FoundDate[] = fullDates(text).map((ms) => ({ value: iso(ms), precision: 'day' }));
  const dayMonth = (day: number, month: number) => {
    if (anchor !== null) {
      const ms = placeYear(month, day, anchor);
      if (ms !== null) out.push({ value: iso(ms), precision: 'day' });
    } else if (utc(CENTURY, month, day) !== null) {
      out.push({ value: `--${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, precision: 'monthday' });
    }
  };
  // Day-month without a year ("2nd of December", "3 March", "el 3 de marzo"); those with a year were taken above.
  for (const m of text.matchAll(/\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+|de\s+)?(\p{L}+)(?!\p{L})(?!\.?,?\s+(?:de\s+)?\d{4})/gu)) {
    const mon = MONTH_OF.get(m[2]!);
    if (mon && m[2]!.length > 2) dayMonth(+m[1]!, mon);
  }
  for (const m of text.matchAll(/(?<!\p{L})(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+\d{4})(?![.:]\d)/gu)) {
    const mon = MONTH_OF.get(m[1]!);
    if (mon && m[1]!.length > 2) dayMonth(+m[2]!, mon);
  }
  if (anchor === null) return out;
  // Weekday names: the nearest such day to the anchor (a report looks back, a preview ahead; nearest wins).
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const w = m[0];
    const wd = WEEKDAY_OF.get(w);
    if (wd !== undefined) {
      let diff = (wd - new Date(anchor).getUTCDay() + 7) % 7;
      if (diff > 3) diff -= 7;
      out.push({ value: iso(anchor + diff * DAY_MS), precision: 'day' });
      continue;
    }
    const rel = RELATIVE.get(w);
    if (rel !== undefined) out.push({ value: iso(anchor + rel * DAY_MS), precision: 'day' });
  }
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
