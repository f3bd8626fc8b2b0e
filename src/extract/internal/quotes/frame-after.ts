/** Frames after a closing quote mark ("…,” Trump said / said Trump / Trump barked). */
import type { Analysis, Span, Token } from '../../types.js';
import { FRAME_ONLY_LEMMAS } from '../entities/lexicon.js';
import { CLAUSE_OPENERS, opensMidClause } from './clause-shape.js';
import { cueOf, type Frame, isCue, isFrameCue, putsIt } from './frame.js';
import { isInfinitive } from './not-reports.js';
import { type NounPhrase, npAfter, npBefore } from './speaker.js';
import { tokenIndexAt } from './subjects.js';

/** Punctuation tokens skipped after a closing quote before its frame (",”", "!”" and a dash at most: three). */
const MAX_MARKS_AFTER_QUOTE = 3;

/** Tokens allowed after a frame's cue for the frame to count as closing its sentence ("Trump said on Twitter."). */
const CLOSING_FRAME_REST = 5;

/** Does the frame end its sentence (at most a few tokens, no further verb, after the cue and speaker)? */
export function closesSentence(analysis: Analysis, f: Frame): boolean {
  const t = analysis.tokens;
  const cue = t[f.cue.index] as Token;
  const s = analysis.sentences[cue.sentence];
  if (!s) return false;
  const from = Math.max(f.cue.index + 1, f.phrase ? tokenIndexAt(analysis, f.phrase.span.end) : 0);
  const rest = t.slice(from, s.endToken).filter((x) => x.pos !== 'PUNCT');
  return rest.length <= CLOSING_FRAME_REST && !rest.some((x) => x.pos === 'VERB');
}

/** Tokens after a closing mark searched for the frame ("," he said). */
const FRAME_AFTER_TOKENS = 28; // room for an appositive: "…," Doug Usher, director of research at X, said

/**
 * Longest sentence, in tokens, taken as the frame of the quote just before it ("Trump said." after
 * "…missing.”"). Swept 4/5/6/8/12 on the even half: direct F1 0.881/0.881/0.881/0.880/0.878; 5 and 8
 * on the odd half: 0.871 / 0.870.
 */
const SHORT_FRAME_SENTENCE_TOKENS = 6;

export function frameAfter(analysis: Analysis, closeAt: number): Frame | null {
  const t = analysis.tokens;
  const i0 = tokenIndexAt(analysis, closeAt);
  const first = t[i0];
  const last = t[i0 - 1];
  if (!first || !last) return null;
  // The frame must be in the sentence the quote ends in — unless the splitter cut after a closing
  // mark that ends in a comma or is followed by a lower-case word ("…wider,” | he said).
  // …or the next sentence is itself a short frame ("…are missing.” Trump said.").
  if (first.sentence !== last.sentence) {
    const inner = analysis.text.slice(Math.max(0, closeAt - 3), closeAt);
    const next = analysis.sentences[first.sentence];
    const shortFrame = !!next && next.endToken - next.firstToken <= SHORT_FRAME_SENTENCE_TOKENS;
    if (!/[,?!]\s*\S?$/.test(inner) && !/^\p{Ll}/u.test(first.text) && !shortFrame) return null;
  }
  const s = analysis.sentences[first.sentence];
  const sEnd = s ? s.endToken : t.length;
  if (first.sentence !== last.sentence && s && s.firstToken !== i0) return null;
  let i = i0;
  while (i < sEnd && (t[i] as Token).pos === 'PUNCT' && (t[i] as Token).text !== '“' && i - i0 < MAX_MARKS_AFTER_QUOTE) i++;
  // "…remained “one of commitment”, but he also warned …": a conjunction after the quote opens a new clause, not its frame.
  if ((t[i] as Token | undefined)?.pos === 'CCONJ') return null;
  for (let k = i; k < Math.min(sEnd, i + FRAME_AFTER_TOKENS); k++) {
    const tok = t[k] as Token;
    if (tok.text === '“' || tok.text === '"' || tok.text === '«') break;
    if (isCue(tok) || isFrameCue(tok, t[k - 1]) || putsIt(t, k) || (FRAME_ONLY_LEMMAS.has(tok.lemma) && (tok.lemma !== 'shoot' || t[k + 1]?.text === 'back'))) {
      const before = k > i ? npBefore(analysis, k, i) : null;
      // Inverted ("…,” said Trump") only when the cue directly follows the quote; "- and stressed the
      // state's importance" has the clause's subject as speaker, not the verb's object.
      // "…,” to describe …": an infinitive names no speaker after the quote; the clause subject does (below).
      if (isInfinitive(t, k)) return { cue: cueOf(tok, k), phrase: null, end: tok.span.end };
      // "…as “fantastic,” telling reporters …": a participle right after the quote has its object after it,
      // not its speaker; the clause subject speaks (below).
      if (k === i && /ing$/.test(tok.text.toLowerCase())) return { cue: cueOf(tok, k), phrase: null, end: tok.span.end };
      const phrase = before && before.text.trim() ? before : k === i ? npAfter(analysis, k, sEnd) : null;
      if (!phrase) return null;
      let end = tok.span.end;
      if (phrase && phrase.span.end > end) end = phrase.span.end;
      return { cue: cueOf(tok, k), phrase, end };
    }
    // ", who has not endorsed a candidate," — a relative clause inside the speaker's phrase is skipped.
    if ((tok.text.toLowerCase() === 'who' || tok.text.toLowerCase() === 'which') && t[k - 1]?.text === ',') {
      let j = k + 1;
      while (j < sEnd && (t[j] as Token).text !== ',' && j - k < FRAME_AFTER_TOKENS) j++;
      k = j;
      continue;
    }
    // A verb starts a new clause, unless it modifies the next noun ("organizing director") or is part of a name.
    const modifier = /(?:ing|ed)$/.test(tok.text) && ['NOUN', 'PROPN'].includes(t[k + 1]?.pos ?? '');
    if (tok.pos === 'VERB' && !isCue(tok) && !/^\p{Lu}/u.test(tok.text) && t[k - 1]?.text !== '-' && !modifier) break;
  }
  return null;
}

/**
 * "“Go back to Univision,” Trump barked": right after a quote that ends its clause with a comma, ! or ?,
 * a name or pronoun and a finite verb (or the verb, then a name) frame the quote whatever the verb is.
 * A last resort, when no speech frame names a speaker.
 */
export function bareVerbFrame(analysis: Analysis, closeAt: number, content: string): Frame | null {
  if (!/[,!?]\s*$/.test(content)) return null;
  const t = analysis.tokens;
  let i = tokenIndexAt(analysis, closeAt);
  while ((t[i] as Token | undefined)?.pos === 'PUNCT' && (t[i] as Token).text !== '“') i++;
  const a = t[i];
  if (!a) return null;
  const s = analysis.sentences[a.sentence];
  const sEnd = s ? s.endToken : t.length;
  const finite = (x: Token | undefined) => !!x && x.pos === 'VERB' && x.text.toLowerCase() !== x.lemma && !/ing$/.test(x.text.toLowerCase());
  const named = (p: NounPhrase | null) => !!p && t.slice(p.first, p.end).some((x) => x.pos === 'PROPN' || x.pos === 'PRON');
  if (finite(a)) {
    const p = npAfter(analysis, i, sEnd);
    return named(p) && p ? { cue: cueOf(a, i), phrase: p, end: p.span.end } : null;
  }
  const p = npAfter(analysis, i - 1, sEnd);
  if (!named(p) || !p || p.first !== i) return null;
  const v = t[p.end];
  return finite(v) && v ? { cue: cueOf(v, p.end), phrase: p, end: v.span.end } : null;
}

/**
 * Can a frame after the quote be its frame? A quote opened mid-clause (a word right before its mark: "hailed
 * the vote as “fantastic,” telling …", "a “pre-agreement” because …") only when it ends at a comma, ! or ?
 * and no relative or subordinate clause follows; otherwise the words after it go on with the sentence.
 */
export function afterFrameFits(analysis: Analysis, outer: Span, content: string): boolean {
  const t = analysis.tokens;
  if (!opensMidClause(analysis, outer.start)) return true;
  if (!/[,!?]\s*$/.test(content) && !/^\s*,/.test(analysis.text.slice(outer.end, outer.end + 2))) return false;
  let i = tokenIndexAt(analysis, outer.end);
  while ((t[i] as Token | undefined)?.pos === 'PUNCT') i++;
  const next = t[i];
  return !!next && next.pos !== 'SCONJ' && !CLAUSE_OPENERS.has(next.text.toLowerCase());
}
