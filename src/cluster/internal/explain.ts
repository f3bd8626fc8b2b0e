/** The stored explanation of an article-to-event link, built the same way by assignment, splits and reconsidered moves. */
import type { Explanation } from '../types.js';
import type { Features } from './features.js';
import type { Evidence } from './similarity.js';

export interface ExplanationInput {
  /** The article's evidence against the event (null when the event could not be scored). */
  readonly evidence: Evidence | null;
  readonly features: Features;
  /** The event profile's happening dates (keys are ISO days). */
  readonly eventDates: Readonly<Record<string, unknown>>;
  readonly threshold: number;
  readonly rule: string;
  readonly alternatives?: Explanation['alternatives'];
  /** The link's score when it is not the evidence total (a reconsidered move records the score that decided it). */
  readonly score?: number;
}

export function explanationOf(x: ExplanationInput): Explanation {
  const ev = x.evidence;
  const total = x.score ?? ev?.parts.total ?? 0;
  return {
    score: total,
    parts: ev?.parts ?? { text: 0, entities: 0, numbers: 0, date: 0, total },
    sharedTerms: ev?.sharedTerms ?? [],
    sharedEntities: ev?.sharedEntities ?? [],
    sharedNumbers: ev?.sharedNumbers ?? [],
    dates: { article: x.features.primary, event: Object.keys(x.eventDates).sort(), gapDays: ev?.gapDays ?? null },
    threshold: x.threshold,
    rule: x.rule,
    alternatives: x.alternatives ?? [],
  };
}
