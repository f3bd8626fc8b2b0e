/**
 * Words that look like report cues but report nothing, and quoted spans that are not quotations:
 * a cue inside quotation marks, agentless passives, participles that modify or name, cue words used
 * as nouns, infinitives (whose speaker is the clause subject), and quoted titles.
 */
import type { Quote, Span, Token } from '../../types.js';

/** Longest quoted title ("This Week", "The Art of the Deal"), in words; swept 3/6/9 on the even half: direct F1 0.873/0.875/0.875, 6 keeps more recall (re-swept 4/6/8/10 later: 0.879/0.880/0.880/0.880). */
const MAX_TITLE_WORDS = 6;
/** Words shorter than this may stay lower-case in a title ("of", "the", "and", "with"). */
const TITLE_SMALL_WORD = 4;

/**
 * A quoted title, not a quotation: a few words, each longer word capitalised, no question or
 * exclamation ("on ABC's ''This Week''", "his book ''The Art of the Deal''", "“Hannity,”").
 */
export function isTitle(content: string): boolean {
  const words = content
    .replace(/[.,;:]+\s*$/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (!words.length || words.length > MAX_TITLE_WORDS || /[!?]/.test(content)) return false;
  if (!/^[\p{Lu}\d]/u.test(words[0] as string)) return false;
  return words.every((w) => /^[\p{Lu}\d]/u.test(w) || w.replace(/[^\p{L}]/gu, '').length < TITLE_SMALL_WORD);
}

/**
 * A cue inside quotation marks is the quoted speaker's own words ("…we are telling the truth," X said):
 * the attribution is the quote's, so no indirect report starts there.
 */
export function insideQuote(direct: readonly Quote[], at: Span): boolean {
  return direct.some((q) => q.parts.some((p) => p.start <= at.start && at.end <= p.end));
}

/** Forms of "be" and "get" that make a following participle passive. */
const PASSIVE_AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s', 'get', 'gets', 'got']);

/**
 * "is expected to", "as the bill is called", "has been asked to": a passive cue with no "by" agent
 * names no source (even half of PolNeAR: "expected" 1 of 31 and "known" 1 of 28 predictions right).
 */
export function agentlessPassive(t: readonly Token[], k: number, first: number): boolean {
  const tok = t[k] as Token;
  const w = tok.text.toLowerCase();
  if (w === tok.lemma || w.endsWith('ing') || t[k + 1]?.text.toLowerCase() === 'by') return false;
  let j = k - 1;
  while (j >= first && (t[j] as Token).pos === 'ADV') j--;
  return j >= first && PASSIVE_AUX.has((t[j] as Token).text.toLowerCase());
}

/** Forms of "have" that make a participle a perfect tense ("has known", "had seen"). */
const PERFECT_AUX = new Set(['have', 'has', 'had', "'ve", '’ve', 'having']);

/**
 * "a group known as …", "Lazar, known online as …", "the plan, seen by many as …": an -n participle (its form
 * differs from the lemma and ends in n, as no simple past does) with no "have" before it is a reduced passive
 * relative; it reports nothing (even half of PolNeAR: "known" was right 1 time in 17).
 */
export function reducedParticiple(t: readonly Token[], k: number, first: number): boolean {
  const tok = t[k] as Token;
  const w = tok.text.toLowerCase();
  if (w === tok.lemma || !w.endsWith('n') || tok.lemma.endsWith('n')) return false;
  let j = k - 1;
  while (j >= first && (t[j] as Token).pos === 'ADV') j--;
  return !(j >= first && PERFECT_AUX.has((t[j] as Token).text.toLowerCase()));
}

/** "pledged delegates", "the so-called deal": a participle before a noun modifies it, it reports nothing. */
export function participleModifier(t: readonly Token[], k: number): boolean {
  const tok = t[k] as Token;
  const prev = t[k - 1];
  return /ed$/.test(tok.text.toLowerCase()) && t[k + 1]?.pos === 'NOUN' && !!prev && ['DET', 'ADP', 'NUM', 'ADJ', 'CCONJ'].includes(prev.pos);
}

/** Verbs of naming: after a noun, their participle names the thing ("a company called X"), it reports nothing. */
export const NAMING_LEMMAS = new Set(['call', 'name', 'dub', 'title', 'label', 'term', 'nickname']);

/** "a firm called Cambridge Analytica", "a band called Sophistafunk": a naming participle right after a common noun. */
export function namingParticiple(t: readonly Token[], k: number): boolean {
  const tok = t[k] as Token;
  const prev = t[k - 1];
  return !!prev && NAMING_LEMMAS.has(tok.lemma) && /ed$/.test(tok.text.toLowerCase()) && prev.pos === 'NOUN' && !/^\p{Lu}/u.test(prev.text);
}

/** Words after which a cue word is a noun ("their promises to", "hours of questioning", "the call"); even half: precision +0.003, recall -0.001. */
const NOUN_CONTEXT = new Set(['their', 'his', 'her', 'its', 'our', 'my', 'your', 'the', 'a', 'an', 'of', "'s", '’s']);

/** A cue word used as a noun: determiner, possessive or "of" right before it. */
export function nominalUse(t: readonly Token[], k: number): boolean {
  const prev = t[k - 1];
  return !!prev && NOUN_CONTEXT.has(prev.text.toLowerCase());
}

/** "to defend", "to describe": a cue in its base form right after "to". */
export function isInfinitive(t: readonly Token[], k: number): boolean {
  const tok = t[k] as Token;
  return t[k - 1]?.text.toLowerCase() === 'to' && tok.text.toLowerCase() === tok.lemma;
}

/**
 * An expletive subject, not a source: "there" ("there are signs that Americans feel …") always; "it" when
 * more than adverbs and auxiliaries stand between it and the cue, or a copula does ("it is hard to see", "It
 * is too soon to say", "It is expected to show"): the dummy subject, not the reporter ("It said …", "it
 * also accused …"). Even half of PolNeAR: indirect "it" reports were right 18 of 74 times.
 */
export function expletiveSubject(t: readonly Token[], first: number, end: number, cue: number): boolean {
  if (end !== first + 1) return false;
  const w = (t[first] as Token).text.toLowerCase();
  if (w === 'there') return true;
  if (w !== 'it' || cue < end) return false;
  for (let j = end; j < cue; j++) {
    const x = t[j] as Token;
    if (x.pos !== 'ADV' && x.pos !== 'AUX' && x.pos !== 'PART') return true;
    // "It is too soon to say": a copula (a form of "be" before no verb) makes "it" the dummy subject.
    if (x.lemma === 'be') {
      let n = j + 1;
      while (n < cue && (t[n] as Token).pos === 'ADV') n++;
      if (n < cue && (t[n] as Token).pos !== 'VERB' && (t[n] as Token).pos !== 'AUX') return true;
    }
  }
  return false;
}

/**
 * Words that open an embedded question or a condition: a cue whose subject follows one of them states
 * nothing ("asked if he thought …", "even if they believed …", "wondered whether she supports …").
 * Swept on the even half of PolNeAR (all F1): if/whether/unless 0.7009; + what 0.7016; + how/why (not what)
 * 0.7009; + what/how/why 0.7016 (odd 0.6984, the set kept); + who/which 0.7009 (relative pronouns).
 */
const HYPOTHETICAL_OPENERS = new Set(['if', 'whether', 'unless', 'what', 'how', 'why']);

/**
 * A cue whose subject phrase opens right after one of those words is a question or a condition, no report;
 * a named subject still reports ("If Mayor X says the ferry will run, …": held out, odd all F1 0.6984 with
 * names, 0.6989 without; even 0.7016 both).
 */
export function hypotheticalClause(t: readonly Token[], subject: { first: number; end: number }, first: number): boolean {
  const prev = subject.first > first ? t[subject.first - 1] : undefined;
  if (!prev || !HYPOTHETICAL_OPENERS.has(prev.text.toLowerCase())) return false;
  for (let j = subject.first; j < subject.end; j++) if ((t[j] as Token).pos === 'PROPN') return false;
  return true;
}

/** Subordinators that open a clause with no subject of its own before a participle ("when asked about …"). */
const REDUCED_CLAUSE_OPENERS = new Set(['when', 'if', 'once', 'unless', 'as', 'while']);

/**
 * "when asked about the levy, X said …", "if pressed on it": a past participle right after a subordinator
 * is a reduced passive clause; whoever asked is not named, and the phrase before it is no source. Used for
 * topic frames only ("asked about"): with the agentless passive there, even all F1 0.7016 -> 0.7019, odd
 * 0.6989 -> 0.6991; for speech and stance verbs too it lost on the odd half (0.6991 -> 0.6986).
 */
export function subjectlessPassive(t: readonly Token[], k: number): boolean {
  const tok = t[k] as Token;
  const w = tok.text.toLowerCase();
  return w !== tok.lemma && /ed$/.test(w) && REDUCED_CLAUSE_OPENERS.has(t[k - 1]?.text.toLowerCase() ?? '');
}

/**
 * "Asked whether the mayor “can be trusted with the budget,” 60 percent said no": a quote inside an opening
 * reduced passive clause of a speech verb ("Asked …", "When asked …"), ending at the clause's comma, is the
 * wording of the question put to the subject; whoever asked is not named, so the quote has no speaker. The
 * clause must hold no comma before the quote (else the quote is in the main clause: "Asked about it, X said
 * “…”") and no "by" agent ("Asked by a reporter whether …" names the asker). PolNeAR gives such quotes no
 * source; with the rule even direct F1 0.90611 -> 0.90635 (2 wrong speakers dropped), odd equal, full
 * 0.90006 -> 0.90020, all F1 0.70041 -> 0.70045.
 */
export function questionWording(t: readonly Token[], first: number, open: number, closesClause: boolean): boolean {
  if (!closesClause) return false;
  let j = first;
  if (REDUCED_CLAUSE_OPENERS.has(t[j]?.text.toLowerCase() ?? '')) j++;
  const verb = t[j];
  if (!verb || j >= open || !SPEECH_PARTICIPLE_SHAPE.test(verb.text) || verb.text.toLowerCase() === verb.lemma) return false;
  if (!(verb.pos === 'VERB' || verb.pos === 'AUX') || !ASKING_LEMMAS.has(verb.lemma)) return false;
  for (let k = j + 1; k < open; k++) if (/^[,;:]$|^by$/i.test((t[k] as Token).text)) return false;
  return true;
}

/** A regular past participle ("asked", "questioned", "pressed"). */
const SPEECH_PARTICIPLE_SHAPE = /ed$/i;

/**
 * Verbs of asking (Levin's "inquire" class plus "press"/"quiz"): the passive puts a question to the subject.
 * Only these: a statement verb in that clause ("Told that …") is rare and its wording is no question.
 */
const ASKING_LEMMAS = new Set(['ask', 'question', 'press', 'quiz', 'query', 'inquire', 'poll', 'survey']);
