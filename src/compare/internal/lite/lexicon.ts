/**
 * English closed-class words for the fallback annotator only. The extract stage is the language-aware
 * source of entities, quotes and numbers; this list is used when its output is not available, and every
 * use is recorded in the input's `notes` so a reader knows the fallback ran.
 */
import { CARDINAL_WORDS } from '../../../internal/number-words.js';
export const FUNCTION_WORDS = new Set(
  `a an the this that these those its his her their our your my of to in on at by for from with into onto over under about after before
  since during between among against without within through and or but nor so yet as than if then when while where who whom whose which what
  is are was were be been being has have had do does did will would shall should can could may might must not no also only just even still
  he she it they we you i him them us me there here some any each every all both either neither other another such more most less least
  very too again further once up down out off per via around approximately almost nearly roughly about some currently instead whether because although though unless`.split(
    /\s+/,
  ),
);

/** Reporting verbs that introduce attributions in the fallback quote finder (English). */
export const REPORTING_VERBS = new Set(
  `said says say told tells added adds stated states announced announces confirmed confirms warned warns noted notes insisted insists
  explained explains argued argues claimed claims wrote writes reported reports described describes called calls asked asks replied replies
  stressed stresses emphasised emphasized acknowledged acknowledges informed expressed cautioned highlighted declared declares`.split(/\s+/),
);

/** Number words the fallback recognises (one–twenty and the tens), with their values. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = CARDINAL_WORDS;

/** Scale words and their multipliers. */
export const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, m: 1e6, bn: 1e9 };

/** Words that mark a value as an earlier state in the fallback ("the original 28-point plan"). */
export const PRIOR_MARKERS = new Set(['original', 'initial', 'first', 'earlier', 'previous', 'former', 'old', 'draft', 'from']);
