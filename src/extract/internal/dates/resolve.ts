/** Turns a raw date expression into a normalised value against an anchor day and a tense. */
import type { DateKind, DatePrecision, Tense } from '../../types.js';
import { addDays, addMonths, daysInMonth, diffDays, iso, isoMonth, isoWeekValue, mondayOf, toTime, validDay, weekday, type Ymd } from './calendar.js';
import { DURATION_UNITS } from './lexicon.js';
import type { Mod, RawDate } from './patterns.js';

export interface Resolved {
  kind: DateKind;
  value: string | null;
  start: string | null;
  end: string | null;
  mod: string | null;
  precision: DatePrecision;
  relative: boolean;
}

/** Day ranges for early/mid/late of a month (TimeML's convention of thirds). */
const MONTH_THIRD_DAYS = 10;

function monthRange(y: number, m: number, mod: Mod): [Ymd, Ymd] {
  const last = daysInMonth(y, m);
  if (mod === 'START')
    return [
      { y, m, d: 1 },
      { y, m, d: MONTH_THIRD_DAYS },
    ];
  if (mod === 'MID')
    return [
      { y, m, d: MONTH_THIRD_DAYS + 1 },
      { y, m, d: 2 * MONTH_THIRD_DAYS },
    ];
  if (mod === 'END')
    return [
      { y, m, d: 2 * MONTH_THIRD_DAYS + 1 },
      { y, m, d: last },
    ];
  return [
    { y, m, d: 1 },
    { y, m, d: last },
  ];
}

function yearRange(y: number, mod: Mod): [Ymd, Ymd] {
  if (mod === 'START')
    return [
      { y, m: 1, d: 1 },
      { y, m: 4, d: 30 },
    ];
  if (mod === 'MID')
    return [
      { y, m: 5, d: 1 },
      { y, m: 8, d: 31 },
    ];
  if (mod === 'END')
    return [
      { y, m: 9, d: 1 },
      { y, m: 12, d: 31 },
    ];
  return [
    { y, m: 1, d: 1 },
    { y, m: 12, d: 31 },
  ];
}

/** Chooses among candidate ranges by tense: past → latest starting on/before the anchor; future → earliest ending on/after it; else nearest. */
function pickByTense<T extends { s: Ymd; e: Ymd }>(cands: T[], anchor: Ymd, tense: Tense): T {
  const a = toTime(anchor);
  if (tense === 'past') {
    const ok = cands.filter((c) => toTime(c.s) <= a);
    if (ok.length) return ok.reduce((x, y) => (toTime(y.s) > toTime(x.s) ? y : x));
  }
  if (tense === 'future') {
    const ok = cands.filter((c) => toTime(c.e) >= a);
    if (ok.length) return ok.reduce((x, y) => (toTime(y.s) < toTime(x.s) ? y : x));
  }
  const dist = (c: T) => (a < toTime(c.s) ? toTime(c.s) - a : a > toTime(c.e) ? a - toTime(c.e) : 0);
  return cands.reduce((x, y) => (dist(y) < dist(x) ? y : x));
}

const SEASON_MONTHS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 2] };

function seasonRange(y: number, s: string): [Ymd, Ymd] {
  const [a, b] = SEASON_MONTHS[s] as [number, number];
  const endYear = s === 'WI' ? y + 1 : y;
  return [
    { y, m: a, d: 1 },
    { y: endYear, m: b, d: daysInMonth(endYear, b) },
  ];
}

function durationValue(n: number, unit: string): string {
  const u = DURATION_UNITS[unit];
  if (!u) return `P${n}${unit}`;
  if (u.code === 'DE') return `P${n * 10}Y`;
  if (u.code === 'CE') return `P${n * 100}Y`;
  return `P${u.time ? 'T' : ''}${n}${u.code}`;
}

function fixed(kind: DateKind, value: string, s: Ymd, e: Ymd, precision: DatePrecision, mod: string | null, relative: boolean): Resolved {
  return { kind, value, start: iso(s), end: iso(e), mod, precision, relative };
}

export function resolveRaw(r: RawDate, anchor: Ymd | null, tense: Tense): Resolved {
  const k = r.kind;
  const unresolved = (kind: DateKind, precision: DatePrecision): Resolved => ({
    kind,
    value: null,
    start: null,
    end: null,
    mod: r.mod,
    precision,
    relative: true,
  });
  switch (k.t) {
    case 'duration':
      return {
        kind: 'duration',
        value: durationValue(k.n, k.unit),
        start: null,
        end: null,
        mod: k.approx ? 'APPROX' : null,
        precision: 'duration',
        relative: false,
      };
    case 'day': {
      if (k.y !== null) {
        if (!validDay(k.y, k.m, k.d)) return unresolved('day', 'day');
        const d = { y: k.y, m: k.m, d: k.d };
        return fixed('day', iso(d), d, d, 'day', null, false);
      }
      if (!anchor) return unresolved('day', 'day');
      const cands = [anchor.y - 1, anchor.y, anchor.y + 1]
        .filter((y) => validDay(y, k.m, k.d))
        .map((y) => ({ s: { y, m: k.m, d: k.d }, e: { y, m: k.m, d: k.d } }));
      if (!cands.length) return unresolved('day', 'day');
      const c = pickByTense(cands, anchor, tense);
      return fixed('day', iso(c.s), c.s, c.e, 'day', null, true);
    }
    case 'month': {
      const kind: DateKind = r.mod ? 'range' : 'month';
      if (k.y !== null) {
        const [s, e] = monthRange(k.y, k.m, r.mod);
        return fixed(kind, isoMonth(k.y, k.m), s, e, 'month', r.mod, false);
      }
      if (!anchor) return unresolved(kind, 'month');
      const cands = [anchor.y - 1, anchor.y, anchor.y + 1].map((y) => {
        const [s, e] = monthRange(y, k.m, r.mod);
        return { y, s, e };
      });
      const c = pickByTense(cands, anchor, tense);
      return fixed(kind, isoMonth(c.y, k.m), c.s, c.e, 'month', r.mod, true);
    }
    case 'year': {
      const [s, e] = yearRange(k.y, r.mod);
      return fixed(r.mod ? 'range' : 'year', String(k.y), s, e, 'year', r.mod, false);
    }
    case 'decade':
      return fixed('range', String(Math.floor(k.y)), { y: k.y * 10, m: 1, d: 1 }, { y: k.y * 10 + 9, m: 12, d: 31 }, 'decade', null, false);
    case 'present':
      if (!anchor) return unresolved('day', 'present');
      return { kind: 'day', value: 'PRESENT_REF', start: iso(anchor), end: iso(anchor), mod: null, precision: 'present', relative: true };
    case 'pastref':
      if (!anchor) return unresolved('range', 'past');
      return { kind: 'range', value: 'PAST_REF', start: null, end: iso(anchor), mod: null, precision: 'past', relative: true };
    case 'relday': {
      if (!anchor) return unresolved('day', 'day');
      const d = addDays(anchor, k.offset);
      return fixed('day', iso(d), d, d, 'day', null, true);
    }
    case 'ago': {
      if (!anchor) return unresolved('day', 'day');
      if (k.unit === 'day') {
        const d = addDays(anchor, -k.n);
        return fixed('day', iso(d), d, d, 'day', null, true);
      }
      if (k.unit === 'week') {
        const d = addDays(anchor, -7 * k.n);
        const mon = mondayOf(d);
        return fixed('week', isoWeekValue(d), mon, addDays(mon, 6), 'week', null, true);
      }
      if (k.unit === 'month') {
        const x = addMonths(anchor.y, anchor.m, -k.n);
        const [s, e] = monthRange(x.y, x.m, null);
        return fixed('month', isoMonth(x.y, x.m), s, e, 'month', null, true);
      }
      const y = anchor.y - k.n;
      return fixed('year', String(y), { y, m: 1, d: 1 }, { y, m: 12, d: 31 }, 'year', null, true);
    }
    case 'weekday': {
      if (!anchor) return unresolved('day', 'day');
      const wd = weekday(anchor);
      const back = (wd - k.wd + 7) % 7; // days since the most recent such weekday (0 = today)
      const fwd = (k.wd - wd + 7) % 7;
      let offset: number;
      if (k.rel === 'last') offset = -(back || 7);
      else if (k.rel === 'next') offset = fwd || 7;
      else if (k.rel === 'this') offset = diffDays(addDays(mondayOf(anchor), (k.wd + 6) % 7), anchor);
      else if (tense === 'past') offset = -back;
      else if (tense === 'future') offset = fwd;
      else offset = back <= fwd ? -back : fwd;
      const d = addDays(anchor, offset);
      return fixed('day', iso(d), d, d, 'day', null, true);
    }
    case 'relunit': {
      if (!anchor) return unresolved(k.unit === 'year' ? 'year' : k.unit === 'month' ? 'month' : 'week', k.unit === 'weekend' ? 'day' : k.unit);
      let offset = k.offset;
      if (Number.isNaN(offset)) offset = tense === 'future' ? 1 : tense === 'past' ? -1 : 0; // "over the weekend"
      if (k.unit === 'week') {
        const d = addDays(anchor, 7 * offset);
        const mon = mondayOf(d);
        if (k.part === 'earlier') return fixed('range', isoWeekValue(d), mon, anchor, 'week', 'START', true);
        if (k.part === 'later') return fixed('range', isoWeekValue(d), anchor, addDays(mon, 6), 'week', 'END', true);
        return fixed('week', isoWeekValue(d), mon, addDays(mon, 6), 'week', r.mod, true);
      }
      if (k.unit === 'weekend') {
        // The weekend of the anchor's week (this), the one before (past) or after (future).
        const wd = weekday(anchor);
        let sat: Ymd;
        if (offset < 0)
          sat = addDays(anchor, -((wd + 1) % 7 || 7)); // most recent Saturday strictly before
        else if (offset > 0) sat = addDays(anchor, (6 - wd + 7) % 7 || 7);
        else sat = addDays(anchor, wd === 0 ? -1 : 6 - wd);
        if (offset < 0 && wd === 0) sat = addDays(anchor, -1);
        const sun = addDays(sat, 1);
        return fixed('range', `${isoWeekValue(sat)}-WE`, sat, sun, 'day', null, true);
      }
      if (k.unit === 'month') {
        const x = addMonths(anchor.y, anchor.m, offset);
        const [s, e] = monthRange(x.y, x.m, r.mod);
        if (k.part === 'earlier' && offset === 0) return fixed('range', isoMonth(x.y, x.m), s, anchor, 'month', 'START', true);
        if (k.part === 'later' && offset === 0) return fixed('range', isoMonth(x.y, x.m), anchor, e, 'month', 'END', true);
        return fixed(r.mod ? 'range' : 'month', isoMonth(x.y, x.m), s, e, 'month', r.mod, true);
      }
      const y = anchor.y + offset;
      const [s, e] = yearRange(y, r.mod);
      if (k.part === 'earlier' && offset === 0) return fixed('range', String(y), s, anchor, 'year', 'START', true);
      if (k.part === 'later' && offset === 0) return fixed('range', String(y), anchor, e, 'year', 'END', true);
      return fixed(r.mod ? 'range' : 'year', String(y), s, e, 'year', r.mod, true);
    }
    case 'season': {
      if (k.y !== null) {
        const [s, e] = seasonRange(k.y, k.s);
        return fixed('range', `${k.y}-${k.s}`, s, e, 'season', r.mod, false);
      }
      if (!anchor) return unresolved('range', 'season');
      const cands = [anchor.y - 1, anchor.y, anchor.y + 1].map((y) => {
        const [s, e] = seasonRange(y, k.s);
        return { y, s, e };
      });
      const t: Tense = k.offset === -1 ? 'past' : k.offset === 1 ? 'future' : tense;
      let c = pickByTense(cands, anchor, t);
      // "last summer" said during summer means the previous one.
      if (k.offset === -1 && toTime(c.e) >= toTime(anchor)) c = cands.find((x) => x.y === c.y - 1) ?? c;
      return fixed('range', `${c.y}-${k.s}`, c.s, c.e, 'season', r.mod, true);
    }
  }
}
