/** The direct pass: each quoted span with its frame, interrupted quotes merged, speakers carried on. */
import type { Analysis, Quote, Speaker, Token } from '../../types.js';
import { caseStats } from '../case-stats.js';
import { accordingToAfter } from './according-to.js';
import { clauseVerb, opensMidClause, spokenObject } from './clause-shape.js';
import { creditLine } from './credit-line.js';
import { type Frame, isCue, isFrameCue } from './frame.js';
import { afterFrameFits, bareVerbFrame, closesSentence, frameAfter } from './frame-after.js';
import { frameBefore, frameInPreviousSentence } from './frame-before.js';
import { HEADLINE_UPPER_SHARE } from './headline.js';
import { findQuoteMarks } from './marks.js';
import { expletiveSubject, isInfinitive, isTitle, questionWording } from './not-reports.js';
import { resolveSpeaker, type SpeakerContext } from './speaker.js';
import { pollFor, sentenceSubject, tokenIndexAt } from './subjects.js';

/**
 * Shortest quote (in words) given to its clause's subject when no speech frame is found. Shorter ones
 * are mostly scare quotes and titles: on the even half of PolNeAR the rule's precision was 0.41 / 0.26 /
 * 0.34 for 1 / 2 / 3 words and 0.57 from 5 words up. Re-swept once continuation was cut to one sentence:
 * 3 / 4 / 5 / 6 / 8 / 12 gave direct F1 0.877 / 0.878 / 0.879 / 0.880 / 0.880 / 0.878 (even half), and
 * 0.870 for 4, 6 and 8 on the held-out odd half.
 */
const MIN_EMBEDDED_QUOTE_WORDS = 6;

/** Gap between two quote parts bridged as one interrupted quote, in characters. */
const MAX_INTERRUPTION_CHARS = 80;

/**
 * Sentences back a speakerless quote may inherit the previous quote's speaker from. Swept 0–4 on the
 * even half of PolNeAR (2026-11-21): direct F1 0.876 / 0.878 / 0.877 / 0.876 / 0.874; 1 also best on the
 * held-out odd half (0.870 vs 0.869 for 2).
 */
const CONTINUATION_SENTENCES = 1;

export function directQuotes(analysis: Analysis, ctx: SpeakerContext): Quote[] {
  const marks = findQuoteMarks(analysis.text, analysis.paragraphs);
  const out: Quote[] = [];
  let prevQuote: { q: Quote; frameEnd: number | null } | null = null;
  const usedCues = new Set<number>();
  for (const mk of marks) {
    const i = tokenIndexAt(analysis, mk.inner.start);
    const tok = analysis.tokens[i];
    const sentence = tok?.sentence ?? 0;
    const paragraph = analysis.sentences[sentence]?.paragraph ?? 0;
    // Interrupted quote: this part starts right after the previous part's frame.
    if (
      prevQuote &&
      prevQuote.frameEnd !== null &&
      mk.outer.start - prevQuote.frameEnd <= MAX_INTERRUPTION_CHARS &&
      /^[\s,;:.—–-]*$/.test(analysis.text.slice(prevQuote.frameEnd, mk.outer.start)) &&
      !frameAfter(analysis, mk.outer.end)
    ) {
      const q = prevQuote.q;
      const parts = [...q.parts, mk.inner];
      const merged: Quote = {
        ...q,
        parts,
        span: { start: q.span.start, end: mk.inner.end },
        text: parts.map((p) => analysis.text.slice(p.start, p.end)).join(' … '),
      };
      out[out.length - 1] = merged;
      prevQuote = { q: merged, frameEnd: null };
      continue;
    }
    // A quote that ends its clause (",” he said") takes the frame after it; one embedded mid-clause
    // ("said “it gets me mad” every time…") takes the frame before it.
    const content = analysis.text.slice(mk.inner.start, mk.inner.end);
    const endsClause = /[,.!?…:;—–-]\s*$/.test(content) || /^\s*[,.!?;:—–-]/.test(analysis.text.slice(mk.outer.end, mk.outer.end + 3));
    const beforeFrame = endsClause ? null : frameBefore(analysis, mk.outer.start);
    // A quote ending its own sentence ("…deal.” Mr. Trump said …") starts no frame after it.
    // …unless the words after it are a frame that itself ends the sentence ("…no?” Freddy Ortega said.").
    const sentenceClosed = /[.!?…]\s*$/.test(content) && /^\s+\p{Lu}/u.test(analysis.text.slice(mk.outer.end, mk.outer.end + 3));
    const candidate = beforeFrame ? null : frameAfter(analysis, mk.outer.end);
    const fits = afterFrameFits(analysis, mk.outer, content);
    const after = candidate && fits && (!sentenceClosed || closesSentence(analysis, candidate)) ? candidate : null;
    if ((caseStats(analysis).upper[sentence] ?? 0) > HEADLINE_UPPER_SHARE) continue; // ALL-CAPS teaser lines are page furniture
    // A capitalised short span is a title ("“Hannity,”"), unless it ends at a comma, ! or ? with a speech
    // frame right after it: "“Absolutely,” he said", "“No, no, no,” he said, laughing" are replies.
    // (Not after a word: "on CNN's “New Day,” Sen. X told …" is a show's title.)
    const reply =
      after &&
      /[,!?]\s*$/.test(content) &&
      (isCue(analysis.tokens[after.cue.index]) || isFrameCue(analysis.tokens[after.cue.index] as Token, analysis.tokens[after.cue.index - 1])) &&
      !opensMidClause(analysis, mk.outer.start);
    if (isTitle(content) && !reply && !spokenObject(analysis, mk.outer.start)) continue;
    const recentQuote = prevQuote !== null && sentence - (analysis.tokens[tokenIndexAt(analysis, prevQuote.q.span.start)]?.sentence ?? 0) <= 1;
    // A participle frame after the quote (“…,” adding that …) speaks for the clause's subject.
    if (after && !after.phrase && (/ing$/.test(after.cue.text) || isInfinitive(analysis.tokens, after.cue.index))) {
      const s0 = analysis.sentences[sentence];
      if (s0) after.phrase = sentenceSubject(analysis, s0.firstToken, tokenIndexAt(analysis, mk.outer.start));
    }
    // Frames in order of preference; the first that names a speaker wins, else the first found keeps its cue.
    const frames = [
      beforeFrame,
      after,
      frameBefore(analysis, mk.outer.start),
      recentQuote ? null : frameInPreviousSentence(analysis, mk.outer.start, usedCues),
      accordingToAfter(analysis, mk.outer.end),
      creditLine(analysis, mk.outer),
      bareVerbFrame(analysis, mk.outer.end, content),
      // Last resort: a frame opening the next sentence that goes on past the cue ("…?” Trump told ITV in an interview aired …").
      after || !fits ? null : candidate,
    ].filter((f): f is Frame => f !== null);
    let frame: Frame | null = frames[0] ?? null;
    let speaker: Speaker = { entityKey: null, name: null, kind: 'unknown', span: null };
    for (const f of frames) {
      // "Then there was the last change of all: “…”", "It is too soon to say “…”": a dummy subject names no one, and
      // the next frame is tried (2026-11-21: even direct F1 0.90751 -> 0.90859, all 0.70241 -> 0.70264; held-out odd
      // 0.89473 -> 0.89496, 0.69941 -> 0.69956; full 0.90119 -> 0.90185, 0.70084 -> 0.70103).
      if (f.phrase && expletiveSubject(analysis.tokens, f.phrase.first, f.phrase.end, f.cue.index)) continue;
      const sp = resolveSpeaker(ctx, f.phrase);
      if (sp.kind !== 'unknown') {
        frame = f;
        speaker = sp;
        break;
      }
    }
    if (frame) usedCues.add(frame.cue.span.start);
    // "In a May poll, 61 percent said the mayor “…”": a share of respondents speaks for the poll the frame's sentence names,
    // as for indirect reports (2026-11-21: even direct F1 0.90664 -> 0.90710, all 0.70208 -> 0.70229; held-out odd
    // 0.89416 -> 0.89473, 0.69917 -> 0.69941; full 0.90047 -> 0.90099, 0.70056 -> 0.70078).
    const cueSentence = frame ? analysis.sentences[(analysis.tokens[frame.cue.index] as Token).sentence] : undefined;
    const poll = frame?.phrase && cueSentence ? pollFor(analysis, cueSentence, frame.phrase) : null;
    const pollSpeaker = poll ? resolveSpeaker(ctx, poll) : null;
    if (pollSpeaker && pollSpeaker.kind !== 'unknown') speaker = pollSpeaker;
    // "Asked whether X “…,” 60 percent said yes": the quote is the unnamed asker's question, no one's statement.
    const sq = analysis.sentences[sentence];
    if (sq && questionWording(analysis.tokens, sq.firstToken, tokenIndexAt(analysis, mk.outer.start), endsClause)) {
      speaker = { entityKey: null, name: null, kind: 'unknown', span: null };
    }
    // "…,” said X, adding that “…”": a participle frame continues the previous quote's speaker.
    // (Also when the previous quote began a sentence earlier: "“… Pence. He has been …,” Cruz said, adding: “…”".)
    if (frame && /ing$/.test(frame.cue.text) && prevQuote && prevQuote.q.speaker.kind !== 'unknown') {
      const prevCue = prevQuote.q.cueSpan ? analysis.tokens[tokenIndexAt(analysis, prevQuote.q.cueSpan.start)]?.sentence : undefined;
      // ("Adding, “…”": a participle opening the next sentence continues it too.)
      const cueSentence = analysis.tokens[frame.cue.index]?.sentence ?? -1;
      const opensSentence = analysis.sentences[cueSentence]?.firstToken === frame.cue.index && cueSentence - prevQuote.q.sentence <= CONTINUATION_SENTENCES;
      if (prevQuote.q.sentence === sentence || prevCue === cueSentence || opensSentence) speaker = prevQuote.q.speaker;
    }
    // "She applauded him for fighting “over and over again.”": a quote inside a clause with no speech
    // frame is the words of that clause's subject, not the previous quote's speaker.
    const s0 = analysis.sentences[sentence];
    const opensAt = tokenIndexAt(analysis, mk.outer.start);
    const embedded = !!s0 && opensAt > s0.firstToken && (analysis.tokens[opensAt - 1] as Token).sentence === sentence;
    if (!frame && s0 && embedded && content.split(/\s+/).length >= MIN_EMBEDDED_QUOTE_WORDS) {
      const subject = sentenceSubject(analysis, s0.firstToken, opensAt);
      const sp = subject ? resolveSpeaker(ctx, subject) : null;
      const verb = subject ? clauseVerb(analysis, subject.end, opensAt) : null;
      if (sp && sp.kind !== 'unknown' && verb) {
        speaker = sp;
        frame = { cue: verb, phrase: subject, end: verb.span.end };
      }
    }
    if (
      !frame &&
      speaker.kind === 'unknown' &&
      // A short quote inside a clause with no frame is a scare quote or a title, not a continuation
      // (even half: direct precision 0.821 -> 0.857 at equal recall).
      !embedded &&
      prevQuote &&
      sentence - (analysis.tokens[tokenIndexAt(analysis, prevQuote.q.span.start)]?.sentence ?? 0) <= CONTINUATION_SENTENCES &&
      prevQuote.q.speaker.kind !== 'unknown'
    ) {
      speaker = { ...prevQuote.q.speaker };
    }
    if (speaker.entityKey) ctx.speakersBySentence.set(sentence, speaker.entityKey);
    const q: Quote = {
      text: analysis.text.slice(mk.inner.start, mk.inner.end),
      span: mk.inner,
      parts: [mk.inner],
      type: 'direct',
      speaker,
      cue: frame?.cue.text ?? null,
      cueSpan: frame?.cue.span ?? null,
      sentence,
      paragraph,
    };
    out.push(q);
    prevQuote = { q, frameEnd: after ? after.end : null };
  }
  return out;
}

/**
 * "“Many would consider that an embarrassment” if she didn't win by more, said David Wasserman.": a quote
 * with no frame of its own inside the content of a report whose frame closes the sentence after it is
 * that reporter's.
 */
export function closingReport(q: Quote, indirect: readonly Quote[]): Quote | null {
  if (q.speaker.kind !== 'unknown') return null;
  for (const r of indirect) {
    if (r.sentence !== q.sentence || !r.cueSpan || r.speaker.kind === 'unknown' || r.cueSpan.start < q.span.end) continue;
    if (r.span.start <= q.span.start && q.span.end <= r.span.end + 1) return { ...q, speaker: { ...r.speaker }, cue: r.cue, cueSpan: r.cueSpan };
  }
  return null;
}
