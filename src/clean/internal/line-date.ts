/**
 * Reads the date (and time) of a dateline/metadata line such as "Published 27 February 2026 18:50",
 * "11.03.2026 | 13:02", "March 3, 2026" or "2026-03-04T09:30". Only fully stated dates count (a four-digit
 * year, or a two-digit one in the day-first dotted form); a line without one yields null, never a guess.
 * Month names come from the runtime's own locale data (Intl), so the same rule reads French, German,
 * Spanish and other datelines, not English alone.
 */

/** Locales whose month names are recognised: the languages of most news on the open web. */
const MONTH_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'nb', 'pl', 'cs', 'ro', 'tr', 'ru', 'uk'];
/** Two-digit years below this are 20xx, others 19xx (a dateline from before 1950 with a two-digit year is implausible). */
const TWO_DIGIT_YEAR_PIVOT = 50;

function fold(s: string): string {
  return s.toLocaleLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\.$/, '');
}

let monthIndex: Map<string, number> | null = null;
/** Month name (long, short and genitive forms, accents folded) → month number 1–12. */
function months(): Map<string, number> {
  if (monthIndex) return monthIndex;
  const map = new Map<string, number>();
  for (const locale of MONTH_LOCALES) {
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(2026, m, 15));
      for (const month of ['long', 'short'] as const) {
        // Alone ("März") and inside a date ("15. März", genitive "марта") the forms can differ.
        const alone = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' }).format(d);
        const inDate = new Intl.DateTimeFormat(locale, { month, day: 'numeric', timeZone: 'UTC' }).formatToParts(d).find((p) => p.type === 'month')?.value;
        for (const name of [alone, inDate]) {
          const key = name ? fold(name) : '';
          if (key.length >= 3 && !/^\d/.test(key) && !map.has(key)) map.set(key, m + 1);
        }
      }
    }
  }
  monthIndex = map;
  return map;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function build(y: number, m: number, d: number, hh?: string, mm?: string): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  const day = `${y}-${pad(m)}-${pad(d)}`;
  if (hh === undefined || mm === undefined) return day;
  const h = Number(hh);
  const min = Number(mm);
  return h < 24 && min < 60 ? `${day}T${pad(h)}:${pad(min)}` : day;
}

const TIME = String.raw`(?:\D{0,6}?(\d{1,2})[:h.](\d{2})(?!\d))?`;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;
const DOTTED = new RegExp(String.raw`(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d.])${TIME}`);
const WORD = String.raw`([\p{L}]{3,}\.?)`;
const DAY_MONTH_YEAR = new RegExp(String.raw`(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?${WORD},?\s+(?:de\s+)?(\d{4})${TIME}`, 'u');
const MONTH_DAY_YEAR = new RegExp(String.raw`${WORD}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}`, 'u');

/** The date a dateline line states, as an ISO day or `YYYY-MM-DDTHH:MM`, or null. */
export function lineDate(line: string): string | null {
  const iso = ISO.exec(line);
  if (iso) return build(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4], iso[5]);
  const dotted = DOTTED.exec(line);
  if (dotted) {
    const y = Number(dotted[3]);
    const year = (dotted[3] as string).length === 2 ? (y < TWO_DIGIT_YEAR_PIVOT ? 2000 + y : 1900 + y) : y;
    return build(year, Number(dotted[2]), Number(dotted[1]), dotted[4], dotted[5]);
  }
  const dmy = DAY_MONTH_YEAR.exec(line);
  const dmyMonth = dmy ? months().get(fold(dmy[2] as string)) : undefined;
  if (dmy && dmyMonth) return build(Number(dmy[3]), dmyMonth, Number(dmy[1]), dmy[4], dmy[5]);
  const mdy = MONTH_DAY_YEAR.exec(line);
  const mdyMonth = mdy ? months().get(fold(mdy[1] as string)) : undefined;
  if (mdy && mdyMonth) return build(Number(mdy[3]), mdyMonth, Number(mdy[2]), mdy[4], mdy[5]);
  return null;
}
