import * as chrono from 'chrono-node';
import type { CmpDate } from '../../types.js';

/** Numeric dates written with dots ("11.03.2026", "21.01.26") are day-first everywhere they are used. */
const DOTTED = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d.])/g;
/** Two-digit years are read as 20xx. */
const CENTURY = 2000;

interface Found {
  text: string;
  index: number;
  day: string;
}

/** Day-first dotted dates, and the text with them blanked out so chrono (month-first for numbers) does not read them again. */
function dotted(text: string): { found: Found[]; masked: string } {
  const found: Found[] = [];
  const masked = text.replace(DOTTED, (m, d: string, mo: string, y: string, index: number) => {
    const year = y.length === 2 ? CENTURY + Number(y) : Number(y);
    const date = new Date(Date.UTC(year, Number(mo) - 1, Number(d), 12));
    if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return m;
    found.push({ text: m, index, day: date.toISOString().slice(0, 10) });
    return ' '.repeat(m.length);
  });
  return { found, masked };
}

/** Dates in one paragraph, resolved against `ref` (an ISO day) when given. Unanchored relative dates stay unresolved. */
export function findDates(paragraph: string, index: number, ref: string | null): CmpDate[] {
  const refDate = ref ? new Date(`${ref.slice(0, 10)}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1));
  const out: CmpDate[] = [];
  const { found, masked } = dotted(paragraph);
  for (const f of found) out.push({ text: f.text, start: f.day, end: f.day, precision: 'day', tense: 'unknown', paragraph: index, offset: f.index });
  for (const r of chrono.parse(masked, { instant: refDate, timezone: 0 }, { forwardDate: false })) {
    const s = r.start;
    const certainMonth = s.isCertain('month');
    const certainDay = s.isCertain('day');
    const certainYear = s.isCertain('year');
    // without an anchor, only expressions that name their month can be placed, and their year must be stated
    const resolvable = ref ? certainMonth || certainDay || s.isCertain('weekday') : certainMonth && certainYear;
    const precision = certainDay || s.isCertain('weekday') ? 'day' : certainMonth ? 'month' : certainYear ? 'year' : 'unknown';
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const start = resolvable ? (precision === 'month' ? `${day(s.date()).slice(0, 7)}-01` : day(s.date())) : null;
    let end = r.end && resolvable ? day(r.end.date()) : start;
    if (start && precision === 'month') {
      const d = new Date(`${start}T12:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() + 1, 0);
      end = day(d);
    }
    out.push({ text: r.text, start, end, precision, tense: 'unknown', paragraph: index, offset: r.index });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** Whether a date expression states its own year ("21.01.26", "2 December 2025"): used to infer an undated article's date. */
export function statesYear(paragraph: string, ref: string | null): { day: string; certainYear: boolean; monthOnly: boolean }[] {
  const refDate = ref ? new Date(`${ref.slice(0, 10)}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1));
  const { found, masked } = dotted(paragraph);
  const out: { day: string; certainYear: boolean; monthOnly: boolean }[] = found.map((f) => ({ day: f.day, certainYear: true, monthOnly: false }));
  for (const r of chrono.parse(masked, { instant: refDate, timezone: 0 }, { forwardDate: false })) {
    if (!r.start.isCertain('month')) continue;
    const d = r.start.date();
    const dayStated = r.start.isCertain('day') && /\d/.test(r.text);
    if (dayStated) out.push({ day: d.toISOString().slice(0, 10), certainYear: r.start.isCertain('year'), monthOnly: false });
    else {
      // a named month ("at the end of November") bounds the article's date from below: its last day
      const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0, 12));
      out.push({ day: end.toISOString().slice(0, 10), certainYear: r.start.isCertain('year'), monthOnly: true });
    }
  }
  return out;
}
