/** The outer report a quote inside a reported clause belongs to ("Trump said he believes … “…”"). */
import type { Analysis, Token } from '../../types.js';
import { namesSomeone } from './clause-shape.js';
import { cueOf, type Frame, isCue, QUOTE_MARK_TOKENS } from './frame.js';
import { isInfinitive } from './not-reports.js';
import { type NounPhrase, npBefore } from './speaker.js';
import { hasNominal } from './subjects.js';

/**
 * The outermost speech report whose clause holds the cue at `k` ("Obama said he expected that Americans
 * will say “no”"): an earlier cue in the sentence, with a nominal subject and no quotation mark between.
 */
function outerReport(analysis: Analysis, k: number, first: number): Frame | null {
  const t = analysis.tokens;
  for (let j = k - 1; j >= first; j--) {
    const tok = t[j] as Token;
    if (QUOTE_MARK_TOKENS.has(tok.text) || tok.text === ';') break;
    if (!isCue(tok) || (/ing$/.test(tok.text.toLowerCase()) && t[j - 1]?.text === ',') || isInfinitive(t, j)) continue;
    const phrase = npBefore(analysis, j, first);
    if (phrase && hasNominal(analysis, phrase) && phrase.end <= j) return { cue: cueOf(tok, j), phrase, end: tok.span.end };
  }
  return null;
}

/**
 * The frame of the report holding a quote's nearest cue, when the quote is the reporter's: the cue's
 * subject names no one ("the platform should reiterate … “…”"), or it is a pronoun opening the clause
 * of a report by a name or another pronoun ("Trump said he believes … “…”", "She said she voted … “…”",
 * annotated at the reporter; a pronoun reporter too: even half direct F1 +0.0004).
 */
export function reporterFrame(analysis: Analysis, phrase: NounPhrase, k: number, first: number): Frame | null {
  const t = analysis.tokens;
  const pronoun = phrase.end === phrase.first + 1 && t[phrase.first]?.pos === 'PRON';
  if (namesSomeone(analysis, phrase) && !pronoun) return null;
  const outer = outerReport(analysis, k, first);
  if (!outer || !pronoun) return outer;
  const c = outer.cue.index;
  const opens = phrase.first === c + 1 || (phrase.first === c + 2 && t[c + 1]?.text.toLowerCase() === 'that');
  const named = !!outer.phrase && namesSomeone(analysis, outer.phrase);
  return opens && named ? outer : null;
}
