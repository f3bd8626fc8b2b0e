/** Indirect reports framed by a speech or stance verb ("X said (that) …", "polls show …", "X was reported by Y"). */
import type { Analysis, Quote, Sentence, Token } from '../../types.js';
import { STANCE_LEMMAS } from '../entities/lexicon.js';
import { afterPreposition, agreementClash, bareNoun, objectPronoun, takesObject } from './clause-shape.js';
import { type Covered, cueOf, isReportCue } from './frame.js';
import {
  agentlessPassive,
  hypotheticalClause,
  insideQuote,
  isInfinitive,
  namingParticiple,
  nominalUse,
  participleModifier,
  reducedParticiple,
} from './not-reports.js';
import { MIN_CONTENT_CHARS, makeReport, TRAILING_FRAME_REST } from './report.js';
import { npAfter, npBefore, type SpeakerContext } from './speaker.js';
import { coordinatedSubject, hasNominal, mediumObject, pollFor, precedingSpeaker, sentenceSubject } from './subjects.js';

/** Shortest reported clause after a speech verb, in tokens ("said he would"); 2 vs 4 on the even half of PolNeAR: all-attribution F1 +0.001, precision -0.001. */
const MIN_CLAUSE_TOKENS = 2;

/**
 * Shortest content without a tagged verb taken as a clause after a speech verb, in tokens (the tagger
 * reads "yields", "plans" as nouns). Swept 4/6/none on the even half: F1 0.631/0.630/0.627; 5 keeps precision.
 */
const MIN_VERBLESS_TOKENS = 5;

/** Shortest content after a stance verb ("praised the deal"), in tokens; swept 1/2/3 on the even half: all F1 0.675/0.676/0.676 (2 keeps recall). */
const MIN_STANCE_TOKENS = 2;

/** Shortest content of a passive report ("X was reported by Y"), in characters. */
const MIN_AGENT_CONTENT_CHARS = 3;

/** "X said (that) …", "X told reporters …", "…, X said.", "…, saying …"; stance verbs in a second pass. */
export function verbFrame(
  analysis: Analysis,
  ctx: SpeakerContext,
  s: Sentence,
  covered: Covered,
  direct: readonly Quote[],
  stancePass: boolean,
  from = s.firstToken,
): Quote | null {
  const t = analysis.tokens;
  for (let k = from; k < s.endToken; k++) {
    const tok = t[k] as Token;
    if (tok.pos !== 'VERB' && tok.pos !== 'AUX' && !(stancePass && tok.pos === 'NOUN')) continue;
    // Plural-subject verbs the tagger reads as nouns ("polls show", "records show") count when a noun precedes them.
    const nounVerb =
      tok.pos === 'NOUN' && ['NOUN', 'PROPN'].includes(t[k - 1]?.pos ?? '') && ['SCONJ', 'DET', 'PROPN', 'PRON', 'ADP'].includes(t[k + 1]?.pos ?? '');
    // Any verb taking a that-clause ("X is convinced that …", "X conceded that …") reports a stance or a claim.
    const thatClause = tok.pos === 'VERB' && t[k + 1]?.text.toLowerCase() === 'that' && t[k + 1]?.pos === 'SCONJ';
    const stance = stancePass && (STANCE_LEMMAS.has(tok.lemma) || thatClause) && (tok.pos === 'VERB' || nounVerb);
    if (stancePass ? !stance : !isReportCue(tok)) continue;
    if (direct.some((q) => q.cueSpan && q.cueSpan.start === tok.span.start)) continue; // already the frame of a direct quote
    if (
      insideQuote(direct, tok.span) ||
      agentlessPassive(t, k, s.firstToken) ||
      reducedParticiple(t, k, s.firstToken) ||
      participleModifier(t, k) ||
      nominalUse(t, k) ||
      namingParticiple(t, k)
    )
      continue;
    // Passive: "X was first reported by MSNBC", "Asked by Matt Lauer whether …" — the agent is the source.
    if ((t[k + 1] as Token | undefined)?.text.toLowerCase() === 'by' && /ed$/.test(tok.text.toLowerCase())) {
      const agent = npAfter(analysis, k + 1, s.endToken);
      if (agent && hasNominal(analysis, agent)) {
        const patient = npBefore(analysis, k, s.firstToken);
        const content =
          patient && hasNominal(analysis, patient) && patient.end <= k
            ? patient.span
            : agent.end < s.endToken - 1
              ? { start: (t[agent.end] as Token).span.start, end: s.span.end }
              : null;
        if (content && content.end - content.start > MIN_AGENT_CONTENT_CHARS && !covered(content.start, content.end))
          return makeReport(analysis, ctx, content, agent, cueOf(tok, k), s.index);
      }
    }
    const prevTok = t[k - 1];
    // "…, saying that …": a participle frame takes the clause's subject.
    // "X went on television to defend …": an infinitive's speaker is the clause's subject too.
    // "…by saying that …", "after initially saying …": a gerund after a preposition also has the clause's subject.
    const participle = (/ing$/.test(tok.text.toLowerCase()) && (prevTok?.text === ',' || afterPreposition(t, k, s.firstToken))) || isInfinitive(t, k);
    let rawSubject = participle
      ? (precedingSpeaker(analysis, direct, s, tok.span.start) ?? sentenceSubject(analysis, s.firstToken, k))
      : npBefore(analysis, k, s.firstToken);
    // "Trump issued a statement saying …", "a coalition sent a letter urging …": a participle after a
    // verb's unnamed object speaks for the clause's subject; the statement is only the medium.
    if (!participle && rawSubject && mediumObject(analysis, ctx, rawSubject, tok, s.firstToken)) {
      const subj = sentenceSubject(analysis, s.firstToken, rawSubject.first);
      if (subj) rawSubject = subj;
    }
    // "X met survivors … and said …": a conjoined cue shares the first conjunct's subject.
    if (!participle && !(rawSubject && hasNominal(analysis, rawSubject))) rawSubject = coordinatedSubject(analysis, s.firstToken, k) ?? rawSubject;
    const subject0 = rawSubject && hasNominal(analysis, rawSubject) ? rawSubject : null;
    // "In a CNN poll, 60 percent said …": respondents' answers are the poll's findings.
    let subject = subject0 ? (pollFor(analysis, s, subject0) ?? subject0) : subject0;
    // "made it clear that …", "let them see …": a pronoun after a verb, with a bare verb after it, is that
    // verb's object; the verb's own subject makes the report ("The governor made it clear that …").
    if (subject && !participle && objectPronoun(t, subject, k)) {
      const governor = npBefore(analysis, subject.first - 1, s.firstToken);
      if (!governor || !hasNominal(analysis, governor)) continue;
      subject = governor;
    }
    const restTokens = s.endToken - k - 1;
    // Trailing frame: "…, X said." at sentence end.
    if (
      subject &&
      !participle &&
      restTokens <= TRAILING_FRAME_REST &&
      !takesObject(t, k, s.endToken) &&
      subject.first > s.firstToken + 1 &&
      (t[subject.first - 1] as Token).text === ','
    ) {
      const content = { start: s.span.start, end: (t[subject.first - 2] as Token).span.end };
      if (content.end - content.start > MIN_CONTENT_CHARS && !covered(content.start, content.end))
        return makeReport(analysis, ctx, content, subject, cueOf(tok, k), s.index);
      continue;
    }
    // "television shows", "pep talks", "tax credits": a bare singular common noun right before a stance cue
    // makes a compound noun the tagger split, not a clause (even half: 12 of 41 such reports right).
    if (stance && subject && bareNoun(t, subject, k)) continue;
    if (subject && !participle && agreementClash(t, subject, k)) continue;
    if (subject && !participle && hypotheticalClause(t, subject, s.firstToken)) continue;
    // Forward: "X said (that) …", "X told reporters (that) …".
    if (!subject || (!participle && subject.first >= k)) continue;
    let c = k + 1;
    if (tok.lemma === 'tell' || tok.lemma === 'inform' || tok.lemma === 'ask') {
      const obj = npAfter(analysis, k, s.endToken);
      if (obj) c = obj.end;
    }
    while (c < s.endToken && ['ADV', 'ADP'].includes((t[c] as Token).pos) && (t[c] as Token).text.toLowerCase() !== 'that') c++;
    if ((t[c] as Token | undefined)?.text.toLowerCase() === 'that') c++;
    if (s.endToken - c < (stance ? MIN_STANCE_TOKENS : MIN_CLAUSE_TOKENS)) continue;
    const first = t[c] as Token;
    if (first.text === '“' || first.text === '"' || first.text === ':') continue; // a direct quote follows
    const content = { start: first.span.start, end: (t[s.endToken - 1] as Token).text === '.' ? (t[s.endToken - 2] as Token).span.end : s.span.end };
    const rest = t.slice(c, s.endToken).filter((x) => x.pos !== 'PUNCT');
    const hasVerb = rest.some((x) => x.pos === 'VERB' || x.pos === 'AUX');
    // A clause needs a verb ("said he would"); a long verbless one is a clause the tagger misread ("each year yields/NOUN …").
    // "announced his resignation", "said something very strange": a speech verb's object is what it reports.
    const object = takesObject(t, k, s.endToken) && rest.length >= MIN_STANCE_TOKENS;
    const clause = hasVerb ? rest.length >= MIN_CLAUSE_TOKENS : rest.length >= MIN_VERBLESS_TOKENS || object;
    if ((!clause && !stance) || covered(content.start, content.end)) continue;
    return makeReport(analysis, ctx, content, subject, cueOf(tok, k), s.index);
  }
  return null;
}
