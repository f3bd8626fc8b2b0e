/** Token-shape tests around a cue: objects, prepositions, compound nouns, clause openings. */
import type { Analysis, Token } from '../../types.js';
import { type Cue, cueOf, isCue } from './frame.js';
import { NAMING_LEMMAS } from './not-reports.js';
import type { NounPhrase } from './speaker.js';
import { tokenIndexAt } from './subjects.js';

/**
 * "Shortly after, the minister announced his resignation.": a determiner or pronoun right after the
 * cue (adverbs skipped) starts its object, so the cue does not close a "…, X said." frame; the
 * object is what is reported.
 */
export function takesObject(t: readonly Token[], k: number, end: number): boolean {
  let j = k + 1;
  while (j < end && (t[j] as Token).pos === 'ADV') j++;
  const next = t[j];
  return j < end && !!next && (next.pos === 'DET' || next.pos === 'PRON');
}

/** Is token k (adverbs before it skipped) right after a preposition or subordinator ("by saying", "after initially saying")? */
export function afterPreposition(t: readonly Token[], k: number, first: number): boolean {
  let j = k - 1;
  while (j > first && (t[j] as Token).pos === 'ADV') j--;
  return j >= first && ((t[j] as Token).pos === 'ADP' || (t[j] as Token).pos === 'SCONJ');
}

/** Is `p` a lone pronoun right after a verb and right before a bare cue (base form or adjective): the verb's object in a small clause? */
export function objectPronoun(t: readonly Token[], p: NounPhrase, cue: number): boolean {
  const pron = t[p.first] as Token;
  const c = t[cue] as Token;
  if (p.end !== p.first + 1 || pron.pos !== 'PRON' || p.end !== cue || t[p.first - 1]?.pos !== 'VERB') return false;
  return c.text.toLowerCase() === c.lemma || c.pos === 'ADJ';
}

/**
 * "a floor vote the rules", "a roll-call vote", "a single first-place vote": a cue in its base form right
 * after a noun phrase opened by "a"/"an" and ending in a singular common noun breaks subject-verb agreement,
 * so it is the head of a compound noun the tagger split, not that subject's verb. Even half of PolNeAR
 * (2026-11-21): all F1 0.6974 -> 0.6979, no report lost; also counting singular proper nouns ("Trump
 * support") lost 8 right reports (0.6977).
 */
export function agreementClash(t: readonly Token[], p: NounPhrase, k: number): boolean {
  const n = t[p.end - 1] as Token;
  const c = t[k] as Token;
  if (p.end !== k || c.text.toLowerCase() !== c.lemma || /s$/.test(c.text.toLowerCase())) return false;
  const single = ['a', 'an'].includes((t[p.first] as Token).text.toLowerCase());
  return single && n.pos === 'NOUN' && !/s$/.test(n.text.toLowerCase());
}

/** Is `p` one lower-case singular common noun with no determiner, right before token `k`? */
export function bareNoun(t: readonly Token[], p: NounPhrase, k: number): boolean {
  const n = t[p.first] as Token;
  return p.end === p.first + 1 && p.end === k && n.pos === 'NOUN' && !/^\p{Lu}/u.test(n.text) && !/s$/.test(n.text.toLowerCase());
}

/** "so-called", "so- called": a naming participle after "so". */
export function soCalled(t: readonly Token[], k: number): boolean {
  const prev = t[k - 1]?.text.toLowerCase();
  return prev === 'so-' || (prev === '-' && t[k - 2]?.text.toLowerCase() === 'so') || prev === 'so';
}

/** Does token `k` open a subordinate clause ("When", "If", "While", "After" before a subject)? */
export function subordinateOpening(analysis: Analysis, k: number): boolean {
  const tok = analysis.tokens[k] as Token;
  const next = analysis.tokens[k + 1];
  return (tok.pos === 'SCONJ' || tok.pos === 'ADV' || tok.pos === 'ADP') && !!next && (next.pos === 'PROPN' || next.pos === 'PRON' || next.pos === 'DET');
}

/** Does the phrase hold a proper noun or a pronoun (a person or body named), not only common nouns ("the platform")? */
export function namesSomeone(analysis: Analysis, p: NounPhrase): boolean {
  return analysis.tokens.slice(p.first, p.end).some((x) => x.pos === 'PROPN' || x.pos === 'PRON' || (x.pos !== 'PUNCT' && /^\p{Lu}/u.test(x.text)));
}

/** The first verb (after auxiliaries) from token `from` before `limit`: the predicate of a clause whose subject ends at `from`. */
export function clauseVerb(analysis: Analysis, from: number, limit: number): Cue | null {
  const t = analysis.tokens;
  for (let k = from; k < limit; k++) {
    const tok = t[k] as Token;
    if (tok.pos === 'VERB' || (tok.pos === 'AUX' && t[k + 1]?.pos !== 'VERB' && t[k + 1]?.pos !== 'AUX' && t[k + 1]?.pos !== 'ADV')) return cueOf(tok, k);
  }
  return null;
}

/** Does the quote opening at `openAt` follow a word of its own sentence ("as “fantastic,”", "on CNN's “New Day,”")? */
export function opensMidClause(analysis: Analysis, openAt: number): boolean {
  const t = analysis.tokens;
  const open = tokenIndexAt(analysis, openAt);
  const prev = t[open - 1];
  return !!prev && prev.sentence === t[open]?.sentence && prev.pos !== 'PUNCT';
}

/** Words that open a relative or subordinate clause after a quote ("the “offensive,” which went …"). */
export const CLAUSE_OPENERS = new Set(['which', 'who', 'whom', 'whose', 'that', 'when', 'where', 'while', 'because', 'as', 'if']);

/**
 * Is the quote opening at `openAt` the object of a speech verb right before it ("chanting “Dump Trump.”",
 * "shouted: “Lock her up!”")? Then its words were spoken, however title-like; verbs of naming ("a show
 * called “Hannity”") are left out.
 */
export function spokenObject(analysis: Analysis, openAt: number): boolean {
  const t = analysis.tokens;
  let i = tokenIndexAt(analysis, openAt) - 1;
  if (t[i]?.text === ':' || t[i]?.text === ',') i--;
  const cue = t[i];
  return !!cue && cue.sentence === t[i + 1]?.sentence && isCue(cue) && !NAMING_LEMMAS.has(cue.lemma);
}
