/** Last-resort stance frames: a verb of talking with its topic, a copula and an adjective with its object. */
import type { Analysis, Quote, Sentence, Token } from '../../types.js';
import { type Covered, cueOf } from './frame.js';
import { agentlessPassive, insideQuote, nominalUse, subjectlessPassive } from './not-reports.js';
import { makeReport } from './report.js';
import { npAfter, npBefore, type SpeakerContext } from './speaker.js';
import { hasNominal } from './subjects.js';

/** Verbs of talking whose topic (after "about", "of", "on") is what is attributed (as a last resort per sentence: even half all-attribution F1 +0.001). */
const TOPIC_LEMMAS = new Set([
  'talk',
  'speak',
  'write',
  'testify',
  'complain',
  'boast',
  'brag',
  'joke',
  'comment',
  'warn',
  'ask',
  'tweet',
  'post',
  'rant',
  'muse',
]);

const TOPIC_PREPOSITIONS = new Set(['about', 'of', 'on', 'over']);

/**
 * Prepositions after a copula and an adjective that take the object of a stance ("critical of", "upbeat
 * about"). On the even half of PolNeAR (2026-11-21) all F1 0.6928 -> 0.6933 with these two; adding on / over
 * / with / against / toward / to and that-clauses ("are concerned that") fell to 0.6915 (1 in 5 right).
 */
const STANCE_PREPOSITIONS = new Set(['of', 'about']);

/**
 * "Trump talked about the stock market", "she spoke to CNN about the subject", "O'Malley spoke of a
 * visit": a verb of talking names its topic, which is the content (to the next comma or the end).
 */
export function topicFrame(analysis: Analysis, ctx: SpeakerContext, s: Sentence, covered: Covered, direct: readonly Quote[], from: number): Quote | null {
  const t = analysis.tokens;
  for (let k = from; k < s.endToken; k++) {
    const tok = t[k] as Token;
    if (tok.pos !== 'VERB' || !TOPIC_LEMMAS.has(tok.lemma) || insideQuote(direct, tok.span) || nominalUse(t, k)) continue;
    // "X was asked about …", "when asked about …": the one asked is the topic's addressee, not its source.
    if (agentlessPassive(t, k, s.firstToken) || subjectlessPassive(t, k)) continue;
    const subject = npBefore(analysis, k, s.firstToken);
    if (!subject || !hasNominal(analysis, subject) || subject.first >= k) continue;
    let c = k + 1;
    while (c < s.endToken && (t[c] as Token).pos === 'ADV') c++;
    // "spoke to CNN about …", "talked with reporters about …": the addressee is skipped.
    const w = (t[c] as Token | undefined)?.text.toLowerCase();
    if (w === 'to' || w === 'with') {
      const addressee = npAfter(analysis, c, s.endToken);
      if (addressee) c = addressee.end;
    }
    if (!TOPIC_PREPOSITIONS.has((t[c] as Token | undefined)?.text.toLowerCase() ?? '')) continue;
    const content = contentToPunctuation(t, c + 1, s.endToken);
    if (!content || covered(content.start, content.end)) continue;
    return makeReport(analysis, ctx, content, subject, cueOf(tok, k), s.index);
  }
  return null;
}

/**
 * "Cruz was also critical of Obama's stance", "Viguerie is upbeat about Cruz's chances": a copula and an
 * adjective with a prepositional object state the named subject's stance; the object is the content (to
 * the next comma or the end). A last resort per sentence.
 */
export function adjectiveStance(analysis: Analysis, ctx: SpeakerContext, s: Sentence, covered: Covered, direct: readonly Quote[]): Quote | null {
  const t = analysis.tokens;
  for (let k = s.firstToken + 1; k < s.endToken - 2; k++) {
    const be = t[k] as Token;
    if (be.lemma !== 'be' || insideQuote(direct, be.span)) continue;
    let a = k + 1;
    while (a < s.endToken && (t[a] as Token).pos === 'ADV') a++;
    const adj = t[a];
    if (adj?.pos !== 'ADJ') continue;
    const next = t[a + 1];
    const w = next?.text.toLowerCase() ?? '';
    if (!next || !STANCE_PREPOSITIONS.has(w)) continue;
    const subject = npBefore(analysis, k, s.firstToken);
    // (A name or pronoun: a capital opening the sentence ("The plan") is not enough.)
    if (!subject || subject.end !== k || !t.slice(subject.first, subject.end).some((x) => x.pos === 'PROPN' || x.pos === 'PRON')) continue;
    const content = contentToPunctuation(t, a + 2, s.endToken);
    if (!content || covered(content.start, content.end)) continue;
    return makeReport(analysis, ctx, content, subject, cueOf(adj, a), s.index);
  }
  return null;
}

/** The content of a topic or stance: from token `c` to the next comma, clause mark, closing quote or the sentence end; null when empty. */
function contentToPunctuation(t: readonly Token[], c: number, end: number): { start: number; end: number } | null {
  let e = c;
  while (e < end && !/^[,;:.!?”"]$/.test((t[e] as Token).text)) e++;
  return e > c ? { start: (t[c] as Token).span.start, end: (t[e - 1] as Token).span.end } : null;
}
