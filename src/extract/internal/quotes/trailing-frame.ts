/** Closing frames of indirect reports ("…, X said." / "…, said X, an analyst at Y."). */
import type { Analysis, Quote, Sentence, Token } from '../../types.js';
import { takesObject } from './clause-shape.js';
import { type Covered, cueOf, isReportCue } from './frame.js';
import { insideQuote } from './not-reports.js';
import { MIN_CONTENT_CHARS, makeReport, TRAILING_FRAME_REST } from './report.js';
import { type NounPhrase, npAfter, npBefore, type SpeakerContext } from './speaker.js';
import { hasNominal } from './subjects.js';

/** "…, X said." / "…, said X, an analyst at Y." — the frame closes the sentence; the content is what precedes it. */
export function trailingFrame(analysis: Analysis, ctx: SpeakerContext, s: Sentence, covered: Covered, direct: readonly Quote[]): Quote | null {
  const t = analysis.tokens;
  for (let k = s.endToken - 1; k > s.firstToken + 2; k--) {
    const tok = t[k] as Token;
    if (!isReportCue(tok) || /ing$/.test(tok.text.toLowerCase()) || insideQuote(direct, tok.span)) continue;
    if (direct.some((q) => q.cueSpan && q.cueSpan.start === tok.span.start)) return null;
    const prev = t[k - 1] as Token;
    let phrase: NounPhrase | null = null;
    let contentEnd = -1;
    if (prev.text === ',') {
      // Inverted: ", said X[, appositive]".
      phrase = npAfter(analysis, k, s.endToken);
      // Only a closing frame: the name is followed by an aside or the end, never by a clause ("…, said he would …").
      const next = phrase ? t[phrase.end] : undefined;
      if (phrase && next && next.text !== ',' && next.text !== '.' && next.text !== '(') phrase = null;
      contentEnd = k - 2;
    } else if (s.endToken - k - 1 <= TRAILING_FRAME_REST && !t.slice(k + 1, s.endToken).some((x) => x.pos === 'VERB') && !takesObject(t, k, s.endToken)) {
      phrase = npBefore(analysis, k, s.firstToken);
      if (phrase && phrase.first > s.firstToken + 1 && (t[phrase.first - 1] as Token).text === ',') contentEnd = phrase.first - 2;
    }
    if (!phrase || !hasNominal(analysis, phrase) || contentEnd < s.firstToken) return null;
    const content = { start: s.span.start, end: (t[contentEnd] as Token).span.end };
    if (content.end - content.start <= MIN_CONTENT_CHARS || covered(content.start, content.end)) return null;
    const q = makeReport(analysis, ctx, content, phrase, cueOf(tok, k), s.index);
    return q;
  }
  return null;
}
