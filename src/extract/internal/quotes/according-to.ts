/** "according to X": the source phrase, as a frame after a quote and as an indirect report. */
import type { Analysis, Quote, Sentence, Token } from '../../types.js';
import type { Covered, Frame } from './frame.js';
import { MIN_CONTENT_CHARS, MIN_INDIRECT_TOKENS, makeReport } from './report.js';
import type { NounPhrase, SpeakerContext } from './speaker.js';
import { tokenIndexAt } from './subjects.js';

/** Longest source phrase after "according to", in tokens. */
export const MAX_ACCORDING_TO_TOKENS = 8;

/** The source after "according to": up to the next comma, clause mark or sentence end ("exit polls reported by CNN"). */
export function sourceAfterAccordingTo(analysis: Analysis, start: number, limit: number): NounPhrase | null {
  const t = analysis.tokens;
  let end = start;
  while (end < limit && end - start < MAX_ACCORDING_TO_TOKENS && !/^[,.;:!?”"»)]$/.test((t[end] as Token).text)) end++;
  if (end <= start) return null;
  const span = { start: (t[start] as Token).span.start, end: (t[end - 1] as Token).span.end };
  return { first: start, end, span, text: analysis.text.slice(span.start, span.end) };
}

/**
 * "…,” according to a senior official.": the source named right after the closing mark. Used only when
 * no speech frame names the quote's speaker ("X said that … “…,” according to Y" stays X's, as the
 * words' speaker; PolNeAR credits Y there).
 */
export function accordingToAfter(analysis: Analysis, closeAt: number): Frame | null {
  const t = analysis.tokens;
  let i = tokenIndexAt(analysis, closeAt);
  const first = t[i];
  if (!first) return null;
  const s = analysis.sentences[first.sentence];
  const sEnd = s ? s.endToken : t.length;
  while (i < sEnd && (t[i] as Token).pos === 'PUNCT' && (t[i] as Token).text !== '“') i++;
  const acc = t[i] as Token | undefined;
  if (!acc || i + 1 >= sEnd || acc.text.toLowerCase() !== 'according' || (t[i + 1] as Token).text.toLowerCase() !== 'to') return null;
  const phrase = sourceAfterAccordingTo(analysis, i + 2, sEnd);
  return phrase
    ? { cue: { index: i, text: 'according to', span: { start: acc.span.start, end: (t[i + 1] as Token).span.end } }, phrase, end: phrase.span.end }
    : null;
}

/** "…, according to X." / "According to X, …". */
export function accordingTo(analysis: Analysis, ctx: SpeakerContext, s: Sentence, covered: Covered): Quote | null {
  const t = analysis.tokens;
  for (let k = s.firstToken; k < s.endToken - 1; k++) {
    const tok = t[k] as Token;
    if (tok.text.toLowerCase() !== 'according' || (t[k + 1] as Token).text.toLowerCase() !== 'to') continue;
    const phrase = sourceAfterAccordingTo(analysis, k + 2, s.endToken);
    if (!phrase) continue;
    const before = k > s.firstToken ? { start: s.span.start, end: (t[k - 1] as Token).span.end } : null;
    const afterStart = phrase.end < s.endToken ? (t[phrase.end] as Token).span.start : s.span.end;
    const content = before && before.end - before.start > MIN_CONTENT_CHARS ? before : { start: afterStart, end: s.span.end };
    const ctext = analysis.text.slice(content.start, content.end).replace(/^[\s,]+|[\s,.]+$/g, '');
    if (ctext.split(/\s+/).length < MIN_INDIRECT_TOKENS || covered(content.start, content.end)) continue;
    const cstart = analysis.text.indexOf(ctext, content.start);
    return makeReport(
      analysis,
      ctx,
      { start: cstart, end: cstart + ctext.length },
      phrase,
      { index: k, text: 'according to', span: { start: tok.span.start, end: (t[k + 1] as Token).span.end } },
      s.index,
    );
  }
  return null;
}
