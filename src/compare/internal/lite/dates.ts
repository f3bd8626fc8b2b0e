import * as chrono from 'chrono-node';
import type { CmpDate } from '../../types.js';

/** Dates in one paragraph, resolved against `ref` (an ISO day) when given. Unanchored relative dates stay unresolved. */
export function findDates(paragraph: string, index: number, ref: string | null): CmpDate[] {
  const refDate = ref ? new Date(`${ref.slice(0, 10)}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1));
  const out: CmpDate[] = [];
  for (const r of chrono.parse(paragraph, { instant: refDate, timezone: 0 }, { forwardDate: false })) {
    const s = r.start;
    const certainMonth = s.isCertain('month');
    const certainDay = s.isCertain('day');
    const certainYear = s.isCertain('year');
    // without an anchor, only expressions that name their month can be placed, and their year must be stated
    const resolvable = ref ? certainMonth || certainDay || s.isCertain('weekday') : certainMonth && certainYear;
    const precision = certainDay || s.isCertain('weekday') ? 'day' : certainMonth ? 'month' : certainYear ? 'year' : 'unknown';
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const start = resolvable ? (precision === 'month' ? day(s.date()).slice(0, 7) + '-01' : day(s.date())) : null;
    let end = r.end && resolvable ? day(r.end.date()) : start;
    if (start && precision === 'month') {
      const d = new Date(`${start}T12:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() + 1, 0);
      end = day(d);
    }
    out.push({ text: r.text, start, end, precision, tense: 'unknown', paragraph: index, offset: r.index });
  }
  return out;
}

/** Whether a date expression states its own year ("21.01.26", "2 December 2025"): used to infer an undated article's date. */
export function statesYear(paragraph: string, ref: string | null): { day: string; certainYear: boolean; monthOnly: boolean }[] {
  const refDate = ref ? new Date(`${ref.slice(0, 10)}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1));
  const out: { day: string; certainYear: boolean; monthOnly: boolean }[] = [];
  for (const r of chrono.parse(paragraph, { instant: refDate, timezone: 0 }, { forwardDate: false })) {
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
