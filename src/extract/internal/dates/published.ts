/**
 * Infers an article's publication day from the text when metadata lacks it. Evidence, strongest
 * first:
 *   1. a dateline at the top ("KYIV, Dec 1 (Reuters) –", "March 22, 2013 —"); a year-less one takes
 *      the year nearest the reference and is trusted only when a corpus reference is near it;
 *   2. machine timestamps in the text ("21.01.26, 13:30", ISO datetimes) — usually the page's own
 *      or its related links', all within a day or two of publication; the latest one is taken;
 *   3. tense constraints from the dates the text mentions: a past-tense mention ends on or before
 *      publication, a future-tense one starts after it. The estimate is the end of the latest
 *      past-tense mention (news reports events promptly), capped by the earliest future mention.
 * Year-less mentions ("the 1st of December") take their year from the reference date (a corpus
 * median or the clock) by the same tense rule.
 */
import type { DateAnchor, InferredPublished } from '../../types.js';
import { addDays, diffDays, iso, parseIsoDay, toTime, type Ymd } from './calendar.js';
import type { RawWithContext } from './recognize.js';
import { resolveRaw } from './resolve.js';

/** Characters from the top searched for a dateline. */
const DATELINE_WINDOW = 300;
/** Confidence of a dateline (explicit, but can be an event date in a lead sentence). */
const DATELINE_CONFIDENCE = 0.85;
/**
 * A year-less dateline ("PORT ASHBY, March 11 (Meridian Wire) —") dated with the year nearest a corpus
 * reference. A day-month is ambiguous only by whole years, so when the reference (the median date of
 * the corpus's dated articles) lies within DATELINE_REFERENCE_MAX_DAYS of it — four months, well
 * inside the six that would make the nearest year doubtful, and the span of a news season — the
 * year is all but certain: confidence is the dated dateline's less a margin for a corpus that spans
 * New Year (0.85 − 0.1), above the 0.6 at which the pipeline and the corpus reference trust it.
 */
const YEARLESS_DATELINE_CONFIDENCE = 0.75;
const DATELINE_REFERENCE_MAX_DAYS = 120;
/**
 * The same dateline with the year from the clock or from a reference farther away: the day is
 * explicit but the year a guess, so it anchors the article's relative dates without being trusted
 * as its publication date (below 0.5, flagged in `fallbacks`; the pipeline's bar is 0.6).
 */
const YEARLESS_DATELINE_WEAK_CONFIDENCE = 0.45;
/** Confidence of one timestamp; each agreeing extra timestamp (within TIMESTAMP_AGREE_DAYS) adds TIMESTAMP_BONUS, capped at TIMESTAMP_MAX. */
const TIMESTAMP_CONFIDENCE = 0.65;
const TIMESTAMP_BONUS = 0.1;
const TIMESTAMP_MAX = 0.85;
const TIMESTAMP_AGREE_DAYS = 2;
/** Confidence of a tense-bounded estimate, when bounded on both sides within TIGHT_BOUND_DAYS, otherwise one-sided. */
const TIGHT_CONFIDENCE = 0.6;
const LOOSE_CONFIDENCE = 0.35;
const TIGHT_BOUND_DAYS = 3;
/** Penalty when the year of every constraint came from the reference date rather than the text. */
const ASSUMED_YEAR_FACTOR = 0.7;
/** Mentions at month precision or finer bound the estimate; years alone are too coarse. */
const USABLE_PRECISION = new Set(['day', 'month', 'week']);
/** A timestamp this far after the reference is implausible (future page furniture) and ignored. */
const MAX_DAYS_AFTER_REFERENCE = 2;

/**
 * When the only reference is the clock, year-less mentions are resolved against half a year
 * before it: "nearest year to (now − 182 days)" is exactly the most recent occurrence not after
 * now, and an article cannot report (in the past tense) a day that has not come yet.
 */
const CLOCK_YEAR_SHIFT_DAYS = -182;

export function inferPublished(text: string, scanned: readonly RawWithContext[], reference: DateAnchor | null): InferredPublished | null {
  const ref = reference ? parseIsoDay(reference.date) : null;
  const yearRef = ref && reference?.source === 'clock' ? addDays(ref, CLOCK_YEAR_SHIFT_DAYS) : ref;
  // 1. Dateline.
  const head = text.slice(0, DATELINE_WINDOW);
  for (const s of scanned) {
    if (s.raw.start > DATELINE_WINDOW || s.raw.kind.t !== 'day') continue;
    const after = text.slice(s.raw.end, s.raw.end + 40);
    // The dateline's own line: a title above it ("Three killed as fire tears through …") is no part of it.
    const before = text
      .slice(Math.max(0, s.raw.start - 40), s.raw.start)
      .split('\n')
      .pop() as string;
    // Before the date on its line: nothing, or a place in capitalised words ("PORT ASHBY, ", "CALDER, Veloria, ").
    if (!/^\s*(?:\([^)]{1,30}\)\s*)?[—–-]/.test(after) || !/^\s*(?:\p{Lu}[\p{L}.'’-]*[\s,]*)*$/u.test(before)) continue;
    const evidence = [`dateline "${head.slice(head.lastIndexOf('\n', s.raw.start) + 1, s.raw.end).trim()}"`];
    if (s.raw.kind.y !== null) {
      const r = resolveRaw(s.raw, ref, 'past');
      if (r.start) return { value: r.start, confidence: DATELINE_CONFIDENCE, evidence };
      continue;
    }
    // "PORT ASHBY, March 11 (Meridian Wire) —": the wire gives day and month; the year is the one
    // nearest the reference, which is sure when a corpus reference lies within a few months of it.
    if (!yearRef) continue;
    const r = resolveRaw(s.raw, yearRef, 'unknown');
    if (!r.start || !ref) continue;
    const near = reference?.source !== 'clock' && Math.abs(diffDays(parseIsoDay(r.start) as Ymd, ref)) <= DATELINE_REFERENCE_MAX_DAYS;
    evidence.push(`year from the ${reference?.source} reference ${reference?.date}${near ? '' : ' (far or clock: weak)'}`);
    return { value: r.start, confidence: near ? YEARLESS_DATELINE_CONFIDENCE : YEARLESS_DATELINE_WEAK_CONFIDENCE, evidence };
  }
  // 2. Timestamps.
  const stamps = scanned.filter(
    (s) => (s.raw.rule === 'numeric-dmy' || s.raw.rule === 'iso-date') && s.raw.time && s.raw.kind.t === 'day' && s.raw.kind.y !== null,
  );
  const stampDays = stamps
    .map((s) => ({ s, r: resolveRaw(s.raw, null, 'past') }))
    .filter((x) => x.r.start && (!ref || diffDays(parseIsoDay(x.r.start) as Ymd, ref) <= MAX_DAYS_AFTER_REFERENCE));
  if (stampDays.length) {
    stampDays.sort((a, b) => (a.r.start as string).localeCompare(b.r.start as string) || (a.s.raw.time ?? '').localeCompare(b.s.raw.time ?? ''));
    const latest = stampDays[stampDays.length - 1] as (typeof stampDays)[number];
    const latestDay = parseIsoDay(latest.r.start) as Ymd;
    const agreeing = stampDays.filter((x) => Math.abs(diffDays(parseIsoDay(x.r.start) as Ymd, latestDay)) <= TIMESTAMP_AGREE_DAYS).length;
    const confidence = Math.min(TIMESTAMP_MAX, TIMESTAMP_CONFIDENCE + TIMESTAMP_BONUS * (agreeing - 1));
    return {
      value: `${latest.r.start}T${latest.s.raw.time}`,
      confidence,
      evidence: stampDays.map((x) => `timestamp "${x.s.raw.text}"`),
    };
  }
  // 3. Tense constraints.
  let lower: Ymd | null = null;
  let upper: Ymd | null = null;
  const evidence: string[] = [];
  let textYear = false;
  for (const s of scanned) {
    if (s.tense !== 'past' && s.tense !== 'future') continue;
    const k = s.raw.kind;
    if (k.t !== 'day' && k.t !== 'month') continue;
    if (k.y === null && !ref) continue;
    // Year-less mentions take the year nearest the reference (tense decides the side of publication, not the year).
    const r = resolveRaw(s.raw, yearRef, 'unknown');
    if (!r.start || !r.end || !USABLE_PRECISION.has(r.precision)) continue;
    if (s.tense === 'past') {
      const e = parseIsoDay(r.end) as Ymd;
      if (!lower || toTime(e) > toTime(lower)) lower = e;
      evidence.push(`past-tense mention "${s.raw.text}" → on or after ${r.end}`);
    } else {
      const b = addDays(parseIsoDay(r.start) as Ymd, -1);
      if (!upper || toTime(b) < toTime(upper)) upper = b;
      evidence.push(`future-tense mention "${s.raw.text}" → before ${r.start}`);
    }
    if (k.y !== null) textYear = true;
  }
  if (!lower && !upper) return null;
  let value: Ymd;
  let confidence: number;
  if (lower && upper && toTime(upper) >= toTime(lower)) {
    value = lower;
    confidence = diffDays(upper, lower) <= TIGHT_BOUND_DAYS ? TIGHT_CONFIDENCE : LOOSE_CONFIDENCE;
  } else {
    value = (lower ?? upper) as Ymd;
    confidence = LOOSE_CONFIDENCE;
  }
  if (!textYear) {
    confidence *= ASSUMED_YEAR_FACTOR;
    evidence.push(`year taken from reference ${reference?.date} (${reference?.source})`);
  }
  return { value: iso(value), confidence: Math.round(confidence * 100) / 100, evidence };
}
