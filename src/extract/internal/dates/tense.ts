/**
 * Tense of the clause a date expression sits in, from the verb group nearest to it:
 * will/shall/'ll, "due/set/expected/scheduled to", "going to" and purpose infinitives → future;
 * was/were/had/did, present perfect and past-tense verb forms → past; present forms → present.
 */
import type { Analysis, Tense, Token } from '../../types.js';

/** A verb after the date counts this many times its distance (dates modify the verb before them more often: "met … at the end of November to work on"); 4 set on the seeds and the TimeML dev docs. */
const FOLLOWING_VERB_WEIGHT = 4;
const FUTURE_AUX = new Set(['will', "'ll", 'shall', 'wo', '’ll']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "'d"]);
const PRESENT_AUX = new Set(['is', 'are', 'am', 'do', 'does', "'s", "'re", "'m", '’s', '’re']);
const PERFECT_AUX = new Set(['has', 'have', "'ve", '’ve']);
const PROSPECTIVE = new Set([
  'due',
  'set',
  'expected',
  'scheduled',
  'going',
  'planned',
  'poised',
  'about',
  'slated',
  'plans',
  'plan',
  'planning',
  'intends',
  'hopes',
  'aims',
]);

/** Tense of one verb group whose main verb is at index v. */
function groupTense(tokens: readonly Token[], v: number, first: number): Tense {
  const verb = tokens[v] as Token;
  // Look back over adverbs and auxiliaries for the first auxiliary.
  for (let k = v - 1; k >= first && k >= v - 4; k--) {
    const t = tokens[k] as Token;
    const w = t.text.toLowerCase();
    if (FUTURE_AUX.has(w)) return 'future';
    if (w === 'to' && t.pos === 'PART') {
      // "due to meet", "plans to travel", "in Moscow to meet": prospective.
      return 'future';
    }
    if (PAST_AUX.has(w)) return 'past';
    if (PERFECT_AUX.has(w)) return 'past';
    if (PRESENT_AUX.has(w)) {
      const next = tokens[k + 1];
      if (next && PROSPECTIVE.has(next.text.toLowerCase())) return 'future';
      return verb.text.toLowerCase().endsWith('ed') && verb.pos === 'VERB' ? 'present' : 'present';
    }
    if (w === 'would' || w === 'could' || w === 'might' || w === 'may' || w === 'should' || w === 'must' || w === 'can') return 'unknown';
    if (t.pos !== 'ADV' && t.pos !== 'AUX' && t.pos !== 'PART') break;
  }
  const w = verb.text.toLowerCase();
  if (FUTURE_AUX.has(w)) return 'future';
  if (PAST_AUX.has(w)) return 'past';
  if (PRESENT_AUX.has(w) || PERFECT_AUX.has(w)) return 'present';
  if (/ing$/.test(w)) return 'unknown';
  if (w !== verb.lemma && !/s$/.test(w)) return 'past';
  return 'present';
}

/** Tense of the clause around the character span [start, end). */
export function tenseAt(analysis: Analysis, sentence: number, start: number, end: number): Tense {
  const s = analysis.sentences[sentence];
  if (!s) return 'unknown';
  const tokens = analysis.tokens;
  let best: { d: number; tense: Tense } | null = null;
  for (let i = s.firstToken; i < s.endToken; i++) {
    const t = tokens[i] as Token;
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    // An auxiliary followed by its verb is handled with that verb.
    const next = tokens[i + 1];
    if (t.pos === 'AUX' && next && (next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'ADV' || next.pos === 'PART')) continue;
    const tense = groupTense(tokens, i, s.firstToken);
    if (tense === 'unknown' && /ing$/.test(t.text.toLowerCase())) continue;
    const d = t.span.end <= start ? start - t.span.end : t.span.start >= end ? (t.span.start - end) * FOLLOWING_VERB_WEIGHT : 0;
    if (!best || d < best.d) best = { d, tense };
  }
  return best?.tense ?? 'unknown';
}
