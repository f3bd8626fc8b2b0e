/** Sources named without a speech verb: "Name: clause" labels and an opening "To X," / "In a poll,". */
import type { Analysis, Quote, Sentence, Token } from '../../types.js';
import { MAX_ACCORDING_TO_TOKENS } from './according-to.js';
import { type Covered, cueOf } from './frame.js';
import { MIN_INDIRECT_TOKENS, makeReport } from './report.js';
import { npBefore, type SpeakerContext } from './speaker.js';
import { POLL_NOUNS } from './subjects.js';

/** A "Name:" speaker label must end within this many tokens of the sentence start. */
const COLON_SPEAKER_TOKENS = 8;

/** "Name: clause" at the start of a sentence (headline, interview and live-blog style). */
export function colonLabel(analysis: Analysis, ctx: SpeakerContext, s: Sentence, covered: Covered): Quote | null {
  const t = analysis.tokens;
  const colon = t.slice(s.firstToken, Math.min(s.endToken, s.firstToken + COLON_SPEAKER_TOKENS)).findIndex((x) => x.text === ':');
  if (colon <= 0) return null;
  const ci = s.firstToken + colon;
  const phrase = npBefore(analysis, ci, s.firstToken);
  if (!phrase || phrase.first !== s.firstToken) return null;
  const last = t[phrase.end - 1] as Token;
  const named = ctx.mentions.some((x) => x.m.span.start >= phrase.span.start && x.m.span.end <= phrase.span.end && x.e.type !== 'PLACE');
  if (!named && !(last.pos === 'PROPN' || (last.pos === 'NOUN' && /^\p{Lu}/u.test(last.text)))) return null;
  if (s.endToken - ci - 1 < MIN_INDIRECT_TOKENS) return null;
  const content = { start: (t[ci + 1] as Token).span.start, end: s.span.end };
  if (covered(content.start, content.end)) return null;
  // "Q: …" / "A: …": one-letter interview labels name no one (the sentence's own frames are tried instead).
  if (phrase.end - phrase.first === 1 && last.text.length === 1) return null;
  return makeReport(analysis, ctx, content, phrase, { index: ci, text: ':', span: (t[ci] as Token).span }, s.index);
}

/**
 * Prepositions opening a sentence with a source or a point of view ("To Sexton, …", "In a CBS News poll, …").
 * "For X," was dropped (2026-11-21): it mostly names whom the writer's analysis concerns ("For Trump, the path
 * is narrow"), right 3 times in 16 on the even half (all F1 even 0.6991 -> 0.6993, odd 0.6963 -> 0.6966).
 */
const OPENING_SOURCE_PREPOSITIONS = new Set(['to', 'in']);

/**
 * "To Sexton, Tuesday marked a turning point.": an opening "To" + a name + comma gives whose view the clause
 * is; "In an early-October CBS News poll, she led …": an opening "In" + a poll or survey gives its source. The
 * clause after the comma is the content. Even half of PolNeAR: all F1 0.6938 -> 0.6942 (to/for +0.0001, in +
 * poll +0.0003); odd 0.6899 -> 0.6902. ("For" dropped since: see OPENING_SOURCE_PREPOSITIONS.)
 */
export function openingSource(analysis: Analysis, ctx: SpeakerContext, s: Sentence, covered: Covered): Quote | null {
  const t = analysis.tokens;
  const lead = t[s.firstToken] as Token;
  const w = lead.text.toLowerCase();
  if (!OPENING_SOURCE_PREPOSITIONS.has(w)) return null;
  let comma = s.firstToken + 1;
  while (comma < s.endToken && comma - s.firstToken <= MAX_ACCORDING_TO_TOKENS && (t[comma] as Token).text !== ',') comma++;
  if ((t[comma] as Token | undefined)?.text !== ',' || comma === s.firstToken + 1) return null;
  const phrase = npBefore(analysis, comma, s.firstToken + 1);
  if (!phrase || phrase.first !== s.firstToken + 1) return null;
  const words = t.slice(phrase.first, phrase.end);
  const ok =
    w === 'in'
      ? words.some((x) => POLL_NOUNS.has(x.text.toLowerCase()))
      : words.some((x) => x.pos === 'PROPN') && words.every((x) => x.pos === 'PROPN' || x.pos === 'DET' || /^\p{Lu}/u.test(x.text) || x.pos === 'PUNCT');
  if (!ok) return null;
  const rest = t.slice(comma + 1, s.endToken).filter((x) => x.pos !== 'PUNCT');
  if (rest.length < MIN_INDIRECT_TOKENS || !rest.some((x) => x.pos === 'VERB' || x.pos === 'AUX')) return null;
  const last = (t[s.endToken - 1] as Token).text === '.' ? (t[s.endToken - 2] as Token) : (t[s.endToken - 1] as Token);
  const content = { start: (t[comma + 1] as Token).span.start, end: last.span.end };
  if (covered(content.start, content.end)) return null;
  return makeReport(analysis, ctx, content, phrase, cueOf(lead, s.firstToken), s.index);
}
