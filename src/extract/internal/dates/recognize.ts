/**
 * The default date recognizer: our patterns per sentence, the clause's tense, and the resolver.
 * chrono-node is consulted as a fallback for day-precise expressions our patterns miss (its
 * results are kept only when it is certain of day and month, and the year is re-resolved by our
 * tense rule rather than chrono's forward-looking default).
 */
import * as chrono from 'chrono-node';
import type { Analysis, DateAnchor, DateMention, DateRecognizer, Tense } from '../../types.js';
import { parseIsoDay } from './calendar.js';
import { findRawDates, type RawDate } from './patterns.js';
import { resolveRaw } from './resolve.js';
import { tenseAt } from './tense.js';

/** Sentences longer than this skip the chrono fallback (chrono's cost grows with length; news sentences are < 400 chars). */
const CHRONO_MAX_SENTENCE = 400;
/** Text chrono matched must name a month or a four-digit year to be accepted. */
const CHRONO_ABSOLUTE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\b|\b(?:19|20)\d{2}\b/;
/** A sentence is worth a chrono pass only if it has a digit next to a month-like word. */
const CHRONO_TRIGGER = /\d/;

export interface RawWithContext {
  raw: RawDate;
  sentence: number;
  paragraph: number;
  tense: Tense;
}

/** Finds raw expressions and their tenses (no anchor needed); used by publication-date inference. */
export function scanDates(analysis: Analysis, useChrono = true): RawWithContext[] {
  const out: RawWithContext[] = [];
  // Patterns run per paragraph (a sentence splitter may cut inside "21.01.26"); chrono per sentence.
  const raws: RawDate[] = [];
  for (const p of analysis.paragraphs) raws.push(...findRawDates(analysis.text.slice(p.start, p.end), p.start));
  if (useChrono) {
    for (const s of analysis.sentences) {
      const text = analysis.text.slice(s.span.start, s.span.end);
      if (text.length <= CHRONO_MAX_SENTENCE && CHRONO_TRIGGER.test(text)) raws.push(...chronoFallback(text, s.span.start, raws));
    }
  }
  raws.sort((a, b) => a.start - b.start);
  let si = 0;
  for (const raw of raws) {
    while (si + 1 < analysis.sentences.length && (analysis.sentences[si + 1] as { span: { start: number } }).span.start <= raw.start) si++;
    const s = analysis.sentences[si];
    if (!s) continue;
    out.push({ raw, sentence: s.index, paragraph: s.paragraph, tense: tenseAt(analysis, s.index, raw.start, raw.end) });
  }
  return out;
}

function chronoFallback(text: string, offset: number, have: readonly RawDate[]): RawDate[] {
  const out: RawDate[] = [];
  let results: chrono.ParsedResult[];
  try {
    results = chrono.en.strict.parse(text);
  } catch {
    return out;
  }
  for (const r of results) {
    const start = offset + r.index;
    const end = start + r.text.length;
    if (have.some((h) => start < h.end && h.start < end)) continue;
    if (!r.start.isCertain('day') || !r.start.isCertain('month')) continue;
    // Only absolute expressions: chrono's relative ones ("the day before") are anchored on the clock, not the article.
    if (!CHRONO_ABSOLUTE.test(r.text)) continue;
    const y = r.start.isCertain('year') ? (r.start.get('year') ?? null) : null;
    out.push({ start, end, text: r.text, kind: { t: 'day', y, m: r.start.get('month') ?? 1, d: r.start.get('day') ?? 1 }, mod: null, rule: 'chrono' });
  }
  return out;
}

export function resolveScanned(scanned: readonly RawWithContext[], anchor: DateAnchor | null): DateMention[] {
  const a = anchor ? parseIsoDay(anchor.date) : null;
  return scanned.map(({ raw, sentence, paragraph, tense }) => {
    const r = resolveRaw(raw, a, tense);
    return {
      text: raw.text,
      span: { start: raw.start, end: raw.end },
      kind: r.kind,
      value: r.value,
      start: r.start,
      end: r.end,
      mod: r.mod,
      precision: r.precision,
      anchor: r.relative ? anchor : null,
      tense,
      relative: r.relative,
      sentence,
      paragraph,
      rule: raw.rule,
    };
  });
}

export class RuleDateRecognizer implements DateRecognizer {
  constructor(private readonly useChrono = true) {}
  recognize(analysis: Analysis, anchor: DateAnchor | null): DateMention[] {
    return resolveScanned(scanDates(analysis, this.useChrono), anchor);
  }
}
