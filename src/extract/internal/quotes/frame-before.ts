/** Frames before an opening quote mark ("X said: “…”", "Name: “…”", "Said X, “…”") and in the previous sentence. */
import type { Analysis, Token } from '../../types.js';
import { sourceAfterAccordingTo } from './according-to.js';
import { soCalled, subordinateOpening } from './clause-shape.js';
import { cueOf, type Frame, isCue, putsIt } from './frame.js';
import { agentlessPassive, isInfinitive, participleModifier } from './not-reports.js';
import { reporterFrame } from './reporter-frame.js';
import { type NounPhrase, npAfter, npBefore } from './speaker.js';
import { clauseSubject, hasNominal, sentenceSubject, tokenIndexAt, unnamedObject } from './subjects.js';

export function frameBefore(analysis: Analysis, openAt: number): Frame | null {
  const t = analysis.tokens;
  const i0 = tokenIndexAt(analysis, openAt) - 1;
  const tok0 = t[i0];
  if (!tok0) return null;
  // A quote opening its own sentence has no frame before it (the previous sentence's frame belongs to the previous quote).
  const open = t[i0 + 1];
  if (open && open.sentence !== tok0.sentence) return null;
  if (/[.!?]["”’»]?\s*$/.test(analysis.text.slice(Math.max(0, openAt - 3), openAt))) return null;
  const s = analysis.sentences[tok0.sentence];
  const sFirst = s ? s.firstToken : 0;
  const colon = tok0.text === ':';
  for (let k = i0; k >= sFirst; k--) {
    const tok = t[k] as Token;
    if (tok.text === '”' || tok.text === '"' || tok.text === '»') break;
    // "Pollsters agree - Carl Bialik: “…”": before a colon, a spaced dash ends the label; what precedes it is a headline.
    if (colon && /^[-–—]$/.test(tok.text) && /\s/.test(analysis.text[tok.span.start - 1] ?? '')) break;
    // "According to the newspaper, “…”".
    if (tok.text.toLowerCase() === 'according' && (t[k + 1] as Token | undefined)?.text.toLowerCase() === 'to') {
      const phrase = sourceAfterAccordingTo(analysis, k + 2, i0 + 1);
      if (phrase)
        return { cue: { index: k, text: 'according to', span: { start: tok.span.start, end: (t[k + 1] as Token).span.end } }, phrase, end: tok.span.end };
    }
    // "the so-called “…”", "what has been described as a “…”", "the proposed deal … a “…”": a passive with no
    // agent or a participle modifying a noun reports nothing; the search goes on to the left.
    if (isCue(tok) && (agentlessPassive(t, k, sFirst) || participleModifier(t, k) || soCalled(t, k))) continue;
    if (isCue(tok) || putsIt(t, k)) {
      // ", calling them “…”" / ", saying “…”": a participle takes the clause's subject.
      if ((/ing$/.test(tok.text.toLowerCase()) && t[k - 1]?.text === ',') || isInfinitive(t, k)) {
        const subj = sentenceSubject(analysis, sFirst, k);
        if (subj) return { cue: cueOf(tok, k), phrase: subj, end: tok.span.end };
      }
      // "The mayor released a statement saying “…”", "the club emailed its members a note saying:
      // “…”": a participle after a verb's or preposition's unnamed object speaks for the clause's subject.
      const medium = /ing$/.test(tok.text.toLowerCase()) ? npBefore(analysis, k, sFirst) : null;
      if (medium && medium.end === k && unnamedObject(analysis, medium, sFirst)) {
        const subj = sentenceSubject(analysis, sFirst, medium.first);
        if (subj) return { cue: cueOf(tok, k), phrase: subj, end: tok.span.end };
      }
      // "X said that the platform should reiterate … “…”": a quote inside a reported clause is the reporter's.
      // Inverted, opening the sentence: "Said Dorothy Poynter, who …, “…”" (after a comma the name is
      // more often an addressee: "…, telling CNN: “…”"; even half direct F1 -0.001 with it).
      const inverted = k === sFirst ? invertedSpeaker(analysis, k, i0 + 1) : null;
      if (inverted) return { cue: cueOf(tok, k), phrase: inverted, end: inverted.span.end };
      const phrase = npBefore(analysis, k, sFirst);
      // "When Trump suggested …, Rubio fired back: “…”": a cue inside an opening adverbial clause frames nothing after the clause.
      if (phrase && phrase.first === sFirst && subordinateOpening(analysis, phrase.first) && t.slice(k, i0).some((x) => x.text === ',')) continue;
      const outer = phrase ? reporterFrame(analysis, phrase, k, sFirst) : null;
      if (outer) return outer;
      if (phrase && hasNominal(analysis, phrase)) return { cue: cueOf(tok, k), phrase, end: tok.span.end };
      // "X described … but noted '…'": the clause subject is the speaker.
      const subj = sentenceSubject(analysis, sFirst, k);
      return { cue: cueOf(tok, k), phrase: subj, end: tok.span.end };
    }
  }
  if (colon) {
    // "Name Surname: “…”" / "HEADLINE - Name Surname: “…”" — a label; "The headline reads: “…”" — the clause subject introduces it.
    let label = npBefore(analysis, i0, sFirst);
    // ("… - Carl Bialik:": a label phrase that begins with the dash itself starts after it.)
    if (label && label.end > label.first + 1 && /^[-–—]$/.test((t[label.first] as Token).text)) label = npBefore(analysis, i0, label.first + 1);
    // "HEADLINE WORDS - Name:": the label is what follows the last spaced dash.
    if (label) {
      for (let k = label.end - 1; k > label.first; k--) {
        const d = t[k] as Token;
        if (/^[-–—]$/.test(d.text) && /\s/.test(analysis.text[d.span.start - 1] ?? '')) {
          label = npBefore(analysis, i0, k + 1);
          break;
        }
      }
    }
    // "More from Jones: “…”", "A statement from the mayor's office: “…”": the quotation comes from the object of "from".
    const source = label ? fromSource(analysis, sFirst, i0) : null;
    if (source) return { cue: { index: i0, text: ':', span: tok0.span }, phrase: source, end: tok0.span.end };
    const labelStart = label && (label.first === sFirst || /^[-–—]$/.test((t[label.first - 1] as Token).text));
    if (label && labelStart && hasNominal(analysis, label)) return { cue: { index: i0, text: ':', span: tok0.span }, phrase: label, end: tok0.span.end };
    // "Clinton has since apologized for what happened: “…”": the sentence subject, before the nearest clause's.
    const subj = sentenceSubject(analysis, sFirst, i0) ?? clauseSubject(analysis, sFirst, i0);
    // ("“Museum to close in May,” by the Post's Ann Lee: “…”": a subject found inside quotation marks is a quoted headline's, no speaker.)
    if (subj && !quotedWords(analysis, sFirst, subj.first)) return { cue: { index: i0, text: ':', span: tok0.span }, phrase: subj, end: tok0.span.end };
  }
  return null;
}

/**
 * The phrase after the last "from" of a colon label, when it runs up to the colon (`colon`) and holds a name:
 * "More from Jones:" → Jones. A label is a noun phrase, so whatever the quotation comes "from" is its source.
 * (2026-11-21: even direct F1 0.90635 -> 0.90651, all 0.70193 -> 0.70205; held-out odd 0.89389 -> 0.89416,
 * 0.69910 -> 0.69917; full 0.90020 -> 0.90040, 0.70045 -> 0.70054.)
 */
function fromSource(analysis: Analysis, first: number, colon: number): NounPhrase | null {
  const t = analysis.tokens;
  for (let k = colon - 1; k >= first; k--) {
    if ((t[k] as Token).text.toLowerCase() !== 'from') continue;
    let p = npAfter(analysis, k, colon);
    // ("More from Blumenthal and Cohen:": two coordinated names are one source; even direct F1 0.90710 -> 0.90751,
    // all 0.70229 -> 0.70241, odd equal, full 0.90099 -> 0.90119, 0.70078 -> 0.70084.)
    const next = p && p.end < colon ? npAfter(analysis, p.end, colon) : null;
    if (p && next && /^(?:and|&)$/i.test((t[p.end] as Token).text)) {
      p = { first: p.first, end: next.end, span: { start: p.span.start, end: next.span.end }, text: analysis.text.slice(p.span.start, next.span.end) };
    }
    return p && p.end === colon && t.slice(p.first, p.end).some((x) => x.pos === 'PROPN') ? p : null;
  }
  return null;
}

/**
 * True when an opening quotation mark between `first` and token `at` is still open at `at`. A colon frame's
 * subject found there is a quoted headline's (newsletter "“Headline,” by X: “excerpt”" lines): 2026-11-21,
 * even direct F1 0.90651 -> 0.90664, all 0.70205 -> 0.70208; odd equal; full 0.90040 -> 0.90047, 0.70054 -> 0.70056.
 */
function quotedWords(analysis: Analysis, first: number, at: number): boolean {
  const t = analysis.tokens;
  let open = false;
  for (let k = first; k < at; k++) {
    const w = (t[k] as Token).text;
    if (w === '“' || w === '«') open = true;
    else if (w === '”' || w === '»') open = false;
    else if (w === '"') open = !open;
  }
  return open;
}

/** A name right after a cue that opens its sentence, ending at a comma, colon or the quote (`limit`): "Said Dorothy Poynter, …". */
function invertedSpeaker(analysis: Analysis, k: number, limit: number): NounPhrase | null {
  const t = analysis.tokens;
  const p = npAfter(analysis, k, limit);
  if (!p || !t.slice(p.first, p.end).some((x) => x.pos === 'PROPN')) return null;
  const next = t[p.end];
  return p.end >= limit - 1 || next?.text === ',' || next?.text === ':' ? p : null;
}

/**
 * "He said the following:" / "The judge interrupted me." — a quote opening a sentence whose
 * previous sentence (same paragraph, or ending in a colon) has a speech verb no other quote used.
 */
export function frameInPreviousSentence(analysis: Analysis, openAt: number, usedCues: ReadonlySet<number>): Frame | null {
  const t = analysis.tokens;
  const i0 = tokenIndexAt(analysis, openAt);
  const cur = t[i0] as Token | undefined;
  const sIdx = cur?.sentence ?? 0;
  const prev = analysis.sentences[sIdx - 1];
  const here = analysis.sentences[sIdx];
  if (!prev || !here) return null;
  if (prev.paragraph !== here.paragraph && !/:\s*$/.test(analysis.text.slice(prev.span.start, prev.span.end))) return null;
  for (let k = prev.endToken - 1; k >= prev.firstToken; k--) {
    const tok = t[k] as Token;
    if (tok.text === '”' || tok.text === '"' || tok.text === '»') return null; // the previous sentence quoted already
    if (isCue(tok) && !usedCues.has(tok.span.start)) {
      const phrase = npBefore(analysis, k, prev.firstToken);
      return { cue: cueOf(tok, k), phrase: phrase && hasNominal(analysis, phrase) ? phrase : sentenceSubject(analysis, prev.firstToken, k), end: tok.span.end };
    }
  }
  // "Trump issued the following statement:⏎“…”": a sentence ending in a colon introduces the quotation after
  // it; with no speech verb, its subject does when it holds a name (even half direct F1 0.9054 -> 0.9057,
  // odd 0.8923 -> 0.8932; with pronoun subjects too, even fell to 0.9053: "Wait, it gets better:").
  const colon = t[prev.endToken - 1];
  if (colon?.text === ':' && !usedCues.has(colon.span.start)) {
    const subj = sentenceSubject(analysis, prev.firstToken, prev.endToken - 1);
    if (subj && t.slice(subj.first, subj.end).some((x) => x.pos === 'PROPN'))
      return { cue: cueOf(colon, prev.endToken - 1), phrase: subj, end: colon.span.end };
  }
  return null;
}
