/** UTC day arithmetic on ISO strings; no time zones, no DST. */

export interface Ymd {
  y: number;
  m: number; // 1–12
  d: number;
}

const DAY_MS = 86_400_000;

export function toTime(d: Ymd): number {
  return Date.UTC(d.y, d.m - 1, d.d);
}

export function fromTime(t: number): Ymd {
  const x = new Date(t);
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
}

export function addDays(d: Ymd, n: number): Ymd {
  return fromTime(toTime(d) + n * DAY_MS);
}

export function diffDays(a: Ymd, b: Ymd): number {
  return Math.round((toTime(a) - toTime(b)) / DAY_MS);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function iso(d: Ymd): string {
  return `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
}

export function isoMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

export function parseIsoDay(s: string | null | undefined): Ymd | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : fromTime(t);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: Ymd): number {
  return new Date(toTime(d)).getUTCDay();
}

/** ISO week-numbering year and week. */
export function isoWeek(d: Ymd): { year: number; week: number } {
  const t = new Date(toTime(d));
  const day = (t.getUTCDay() + 6) % 7; // Monday = 0
  t.setUTCDate(t.getUTCDate() - day + 3); // Thursday of this week
  const year = t.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const fday = (firstThursday.getUTCDay() + 6) % 7;
  firstThursday.setUTCDate(firstThursday.getUTCDate() - fday + 3);
  const week = 1 + Math.round((t.getTime() - firstThursday.getTime()) / (7 * DAY_MS));
  return { year, week };
}

export function isoWeekValue(d: Ymd): string {
  const w = isoWeek(d);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

/** Monday of the ISO week containing d. */
export function mondayOf(d: Ymd): Ymd {
  return addDays(d, -((weekday(d) + 6) % 7));
}

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + n;
  return { y: Math.floor(idx / 12), m: (idx % 12) + 1 };
}
