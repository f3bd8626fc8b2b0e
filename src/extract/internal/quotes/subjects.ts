/**
 * Who a report's words belong to when the phrase before its cue is not the answer: the subject of
 * the sentence or clause, the speaker of the quote framed earlier in the sentence (for participles),
 * the issuer of a statement, or the poll whose respondents answered.
 */
import type { Analysis, Quote, Sentence, Span, Token } from '../../types.js';
import { type NounPhrase, npBefore, type SpeakerContext } from './speaker.js';

/** Longest introductory phrase skipped before a sentence's subject, in tokens. */
const INTRO_PHRASE_TOKENS = 12;
/**
 * Longest opening subordinate clause ("When …,", "As …,") skipped before a sentence's subject, in tokens.
 * Swept 12/20/30/40 on the even half of PolNeAR (2026-11-21): direct F1 0.8925/0.8929/0.8935/0.8935, all
 * 0.6900/0.6906/0.6908/0.6908; held-out odd half at 30: 0.8828 / 0.6881 (12: 0.8825 / 0.6875).
 */
const SUBORDINATE_INTRO_TOKENS = 30;

/**
 * "“…,” he said, adding that …": a participle continues the clause before it, so its speaker is the
 * speaker of the last quote framed earlier in the sentence (the sentence's first noun phrase may be
 * inside the quotation).
 */
export function precedingSpeaker(analysis: Analysis, direct: readonly Quote[], s: Sentence, before: number): NounPhrase | null {
  let best: Quote | null = null;
  for (const q of direct) {
    if (!q.cueSpan || !q.speaker.span || q.cueSpan.start >= before || q.cueSpan.start < s.span.start) continue;
    if (!best || (best.cueSpan as Span).start < q.cueSpan.start) best = q;
  }
  const span = best?.speaker.span;
  if (!span || span.start < s.span.start || span.end > before) return null;
  const first = tokenIndexAt(analysis, span.start);
  return { first, end: tokenIndexAt(analysis, span.end), span, text: analysis.text.slice(span.start, span.end) };
}

/** Is `np`, right before the participle `cue`, a verb's or preposition's object naming no one ("issued a statement saying")? */
export function mediumObject(analysis: Analysis, ctx: SpeakerContext, np: NounPhrase, cue: Token, first: number): boolean {
  if (!/ing$/.test(cue.text.toLowerCase()) || !objectHeadedByNoun(analysis, np, first)) return false;
  return !ctx.mentions.some((x) => x.m.span.start >= np.span.start && x.m.span.end <= np.span.end && x.e.type !== 'PLACE');
}

/** Is `np` a verb's or preposition's object headed by a lower-case common noun? */
function objectHeadedByNoun(analysis: Analysis, np: NounPhrase, first: number): boolean {
  if (np.first <= first) return false;
  const t = analysis.tokens;
  const before = t[np.first - 1] as Token;
  if (before.pos !== 'VERB' && before.pos !== 'ADP') return false;
  const last = t[np.end - 1] as Token;
  return last.pos === 'NOUN' && !/^\p{Lu}/u.test(last.text);
}

/** Such an object with no name, pronoun or capitalised word in it ("issued a statement", "to supporters"). */
export function unnamedObject(analysis: Analysis, np: NounPhrase, first: number): boolean {
  const named = analysis.tokens.slice(np.first, np.end).some((x) => x.pos === 'PROPN' || x.pos === 'PRON' || /^\p{Lu}/u.test(x.text));
  return !named && objectHeadedByNoun(analysis, np, first);
}

/** Nouns of surveys whose respondents' answers are attributed to the survey. */
export const POLL_NOUNS = new Set(['poll', 'polls', 'survey', 'surveys', 'study']);
/** Words that make a subject a share of respondents ("60 percent", "a majority of voters", "most"). */
const SHARE_WORDS = new Set(['percent', '%', 'majority', 'plurality', 'half', 'third', 'quarter', 'most', 'fewer', 'more', 'minority']);

/**
 * When the subject is a share of respondents ("29 percent said", "a majority of voters say") and the
 * sentence names a poll or survey, the poll is the source (as PolNeAR annotates it): its noun phrase.
 */
export function pollFor(analysis: Analysis, s: Sentence, subject: NounPhrase): NounPhrase | null {
  const t = analysis.tokens;
  const words = t.slice(subject.first, subject.end);
  const share = words.some((w) => SHARE_WORDS.has(w.text.toLowerCase())) || (words[0]?.pos === 'NUM' && words.length <= 2);
  if (!share) return null;
  for (let k = s.firstToken; k < s.endToken; k++) {
    const tok = t[k] as Token;
    if (!POLL_NOUNS.has(tok.text.toLowerCase()) || (k >= subject.first && k < subject.end)) continue;
    const p = npBefore(analysis, k + 1, s.firstToken);
    if (p && p.end === k + 1) return p;
  }
  return null;
}

export function tokenIndexAt(analysis: Analysis, pos: number): number {
  const t = analysis.tokens;
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((t[mid] as Token).span.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function hasNominal(analysis: Analysis, p: NounPhrase): boolean {
  for (let k = p.first; k < p.end; k++) {
    const t = analysis.tokens[k] as Token;
    if (['NOUN', 'PROPN', 'PRON'].includes(t.pos) || (t.pos !== 'PUNCT' && /^\p{Lu}/u.test(t.text))) return true;
    // Survey shares as subjects: "About four in 10 said", "29 percent said".
    if (t.pos === 'NUM' && k === p.end - 1 && !/^(?:19|20)\d{2}$/.test(t.text)) return true;
    if (t.text === '%' && k === p.end - 1 && analysis.tokens[k - 1]?.pos === 'NUM') return true;
  }
  return false;
}

/** The subject of the last clause before token `limit`: the noun phrase before the nearest verb going back. */
export function clauseSubject(analysis: Analysis, first: number, limit: number): NounPhrase | null {
  const t = analysis.tokens;
  for (let k = limit - 1; k > first; k--) {
    const tok = t[k] as Token;
    if (tok.pos !== 'VERB' && tok.pos !== 'AUX') continue;
    const p = npBefore(analysis, k, first);
    if (p && hasNominal(analysis, p)) return p;
  }
  return null;
}

/**
 * "Obama met survivors on Thursday and said …", "The judge rubbed his chin, and then said …": a cue
 * right after a coordinating conjunction (adverbs between skipped) shares the subject of the first
 * conjunct, which is the sentence's subject. Null when the cue does not follow a conjunction.
 */
export function coordinatedSubject(analysis: Analysis, first: number, cue: number): NounPhrase | null {
  const t = analysis.tokens;
  let j = cue - 1;
  while (j > first && (t[j] as Token).pos === 'ADV') j--;
  if (j <= first || (t[j] as Token).pos !== 'CCONJ') return null;
  return sentenceSubject(analysis, first, j);
}

/** The first noun phrase of a sentence headed by a proper noun or pronoun, before token `limit`. */
export function sentenceSubject(analysis: Analysis, first: number, limit: number): NounPhrase | null {
  const t = analysis.tokens;
  // Skip an introductory phrase up to its comma ("During Tuesday night's debate, Cruz made …").
  let start = first;
  const lead = t[first] as Token | undefined;
  if (lead && (lead.pos === 'ADP' || lead.pos === 'SCONJ' || lead.pos === 'ADV' || /^(during|after|before|in|on|at|when|while|as)$/i.test(lead.text))) {
    // A subordinate clause ("When Trump suggested that Cuba would sue …, Rubio fired back") may run longer.
    const cap = lead.pos === 'SCONJ' || SUBORDINATORS.has(lead.text.toLowerCase()) ? SUBORDINATE_INTRO_TOKENS : INTRO_PHRASE_TOKENS;
    for (let k = first; k < limit && k - first < cap; k++) {
      if ((t[k] as Token).text === ',') {
        start = k + 1;
        break;
      }
    }
  }
  // A sentence opening with a quotation ("“…,” he said, adding …"): the subject is after the quote.
  if (OPEN_MARKS.has((t[start] as Token | undefined)?.text ?? '')) {
    for (let k = start + 1; k < limit; k++) {
      if (CLOSE_MARKS.has((t[k] as Token).text)) {
        start = k + 1;
        while (start < limit && (t[start] as Token).pos === 'PUNCT') start++;
        break;
      }
    }
  }
  for (let k = start; k < limit; k++) {
    const tok = t[k] as Token;
    // "Wasserman Schultz, who is reviled by …, said": the relative clause's verb is not the sentence's; its
    // pronoun is not the subject. Skip to the comma closing the clause (the main verb's phrase jumps back over it).
    if (relativeOpening(t, k)) {
      const close = t.slice(k + 1, limit).findIndex((x) => x.text === ',');
      if (close < 0) return null;
      k += close + 1;
      continue;
    }
    if ((tok.pos === 'VERB' || tok.pos === 'AUX') && !/^\p{Lu}/u.test(tok.text)) {
      const p = npBefore(analysis, k, start);
      if (p && hasNominal(analysis, p)) return p;
    }
  }
  return null;
}

/** Relative pronouns that open a non-restrictive clause after a comma (", who …,", ", which …,"). */
const RELATIVE_PRONOUNS = new Set(['who', 'which']);

/** Does token k open a comma-bounded relative clause? */
function relativeOpening(t: readonly Token[], k: number): boolean {
  return RELATIVE_PRONOUNS.has((t[k] as Token).text.toLowerCase()) && t[k - 1]?.text === ',';
}

/** Subordinating conjunctions the tagger may read as adverbs or prepositions ("When", "As", "After"). */
const SUBORDINATORS = new Set(['when', 'while', 'as', 'after', 'before', 'since', 'although', 'though', 'because', 'if', 'once', 'until', 'whereas']);

/** Quotation marks that open and close a quotation at a sentence's start ("“…,” he said, adding …"). */
const OPEN_MARKS = new Set(['“', '"', '«', "''", '‘']);
const CLOSE_MARKS = new Set(['”', '"', '»', "''", '’']);
