/**
 * `annotate`: the whole extract stage for one document, pure (no database). Components are
 * pluggable through options, so a user-supplied model can replace any of them.
 */

import { parseIsoDay } from './internal/dates/calendar.js';
import { inferPublished } from './internal/dates/published.js';
import { resolveScanned, scanDates } from './internal/dates/recognize.js';
import { groupMentions } from './internal/entities/group.js';
import { RuleEntityRecognizer } from './internal/entities/recognize.js';
import { RuleNumberRecognizer } from './internal/numbers/recognize.js';
import { RuleQuoteExtractor } from './internal/quotes/extract.js';
import { WinkAnalyzer } from './internal/wink-analyzer.js';
import type {
  Analyzer,
  AnnotateInput,
  Annotations,
  DateAnchor,
  DateMention,
  DateRecognizer,
  EntityRecognizer,
  NumberRecognizer,
  QuoteExtractor,
} from './types.js';

/**
 * Bumped when the shape or meaning of stored annotations changes, or the rules change what they find (2: team names
 * typed ORG, session-3 attribution rules). Older stored annotations are ignored by readers until
 * `storyline reannotate` (pipeline `reannotateStored`) rebuilds them.
 */
export const ANNOTATIONS_VERSION = 2;
/** Inferred publication dates below this confidence are used as the anchor but flagged in `fallbacks`. */
export const LOW_CONFIDENCE = 0.5;

export interface AnnotateOptions {
  readonly analyzer: Analyzer;
  readonly entities: EntityRecognizer;
  /** Replaces the built-in date pass entirely (the built-in one also infers the publication date). */
  readonly dates: DateRecognizer | null;
  readonly quotes: QuoteExtractor;
  readonly numbers: NumberRecognizer;
  /** Date year-less expressions and inference fall back to (a corpus median, or today). */
  readonly reference: DateAnchor | null;
  /**
   * Use chrono-node as a fallback for absolute day expressions our patterns miss. Off by default:
   * on bench/dates it added no span or value (2026-11-21: F1 0.921 / value 0.976 with and without)
   * and cost ~0.6 ms per article.
   */
  readonly chrono: boolean;
}

let defaults: AnnotateOptions | null = null;
export function defaultAnnotateOptions(): AnnotateOptions {
  if (!defaults) {
    defaults = {
      analyzer: new WinkAnalyzer(),
      entities: new RuleEntityRecognizer(),
      dates: null,
      quotes: new RuleQuoteExtractor(),
      numbers: new RuleNumberRecognizer(),
      reference: null,
      chrono: false,
    };
  }
  return defaults;
}

function today(): DateAnchor {
  return { date: new Date().toISOString().slice(0, 10), source: 'clock' };
}

export function annotate(doc: AnnotateInput, options: Partial<AnnotateOptions> = {}): Annotations {
  const o = { ...defaultAnnotateOptions(), ...options };
  const fallbacks: string[] = [];
  const analysis = o.analyzer.analyze(doc.text);
  const entities = groupMentions(analysis, o.entities.recognize(analysis));

  let anchor: DateAnchor | null = null;
  let inferred = null;
  let dates: DateMention[];
  const meta = parseIsoDay(doc.published);
  if (o.dates) {
    if (meta) anchor = { date: doc.published?.slice(0, 10) as string, source: 'metadata' };
    dates = o.dates.recognize(analysis, anchor ?? o.reference);
  } else {
    const scanned = scanDates(analysis, o.chrono);
    if (meta) anchor = { date: doc.published?.slice(0, 10) as string, source: 'metadata' };
    else {
      const reference = o.reference ?? today();
      inferred = inferPublished(doc.text, scanned, reference);
      if (inferred) {
        anchor = { date: inferred.value.slice(0, 10), source: 'inferred' };
        if (inferred.confidence < LOW_CONFIDENCE)
          fallbacks.push(`publication date inferred with low confidence (${inferred.confidence}); relative dates may be off`);
      } else {
        anchor = o.reference;
        fallbacks.push(
          anchor
            ? `no publication date found; relative dates resolved against the ${anchor.source} reference ${anchor.date}`
            : 'no publication date and no reference: relative dates left unresolved',
        );
      }
    }
    dates = resolveScanned(scanned, anchor);
  }
  const quotes = o.quotes.extract(analysis, entities);
  const numbers = o.numbers.recognize(analysis, dates);
  return { version: ANNOTATIONS_VERSION, entities, dates, inferredPublished: inferred, quotes, numbers, fallbacks };
}
