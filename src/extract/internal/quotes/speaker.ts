/** Noun phrases around cue verbs and their resolution to an entity, a pronoun's antecedent, a descriptor or an unnamed source. */
import type { Analysis, Entity, Mention, Span, Speaker, Token } from '../../types.js';
import { UNNAMED_SOURCE_HEADS } from '../entities/lexicon.js';

/** Longest speaker noun phrase, in tokens. */
const MAX_NP_TOKENS = 10;
const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM', 'PART', 'PRON']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you']);
/** Quantifiers that stand for people when they are a clause's whole subject ("Some said", "another says"). */
const QUANTIFIERS = new Set(['one', 'some', 'many', 'most', 'few', 'several', 'others', 'another', 'half', 'all', 'both', 'two', 'three']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'one', 'some', 'two', 'several', 'many']);

/** Time nouns that head adverbial phrases between a subject and its verb ("X last week said", "X Tuesday warned"). */
const TIME_WORDS = new Set(
  'today yesterday tonight day days week weeks month months year years night morning afternoon evening weekend monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);

export interface NounPhrase {
  first: number;
  end: number;
  span: Span;
  text: string;
}

function np(analysis: Analysis, first: number, end: number): NounPhrase | null {
  if (end <= first) return null;
  const t = analysis.tokens;
  const span = { start: (t[first] as Token).span.start, end: (t[end - 1] as Token).span.end };
  return { first, end, span, text: analysis.text.slice(span.start, span.end) };
}

/** Capitalised words are name parts whatever tag the tagger gave them ("Ward/VERB said"). */
function capitalised(t: Token): boolean {
  return t.pos !== 'PUNCT' && /^\p{Lu}/u.test(t.text);
}

function npToken(t: Token): boolean {
  // ("42% say …": a percent sign belongs to the share it follows.)
  return NP_POS.has(t.pos) || capitalised(t) || t.text === '-' || t.text === '%' || (t.pos === 'ADP' && t.text.toLowerCase() === 'of');
}

/** Longest relative clause ("who spoke anonymously to discuss internal strategy") skipped back to its head, in tokens. */
const MAX_RELATIVE_TOKENS = 14;
/** Longest parenthesis skipped between a subject and its verb, in tokens. */
const MAX_PAREN_TOKENS = 8;
/** Longest prepositional object skipped between a subject and its verb ("X on Thursday said"), in tokens. */
const PP_SKIP_TOKENS = 4;
/** Longest parenthetical skipped between a subject and its verb ("X, a spokesman for Y, said"), in tokens. */
const MAX_APPOSITIVE_TOKENS = 30;

/** A dash that sets off an aside: an em or en dash, or a hyphen with space on both sides. */
function isDash(analysis: Analysis, k: number): boolean {
  const tok = analysis.tokens[k] as Token;
  if (tok.text === '—' || tok.text === '–' || tok.text === '--') return true;
  return tok.text === '-' && /\s/.test(analysis.text[tok.span.start - 1] ?? '') && /\s/.test(analysis.text[tok.span.end] ?? '');
}

/** The noun phrase ending just before token v (adverbs between skipped; a comma-bounded appositive or aside skipped). */
export function npBefore(analysis: Analysis, v: number, sentenceFirst: number): NounPhrase | null {
  const t = analysis.tokens;
  let end = v;
  while (end - 1 >= sentenceFirst && ((t[end - 1] as Token).pos === 'ADV' || (t[end - 1] as Token).pos === 'AUX')) end--;
  // "a White House official who spoke anonymously … said": the subject is the phrase before "who".
  for (let k = end - 1; k > sentenceFirst && end - k <= MAX_RELATIVE_TOKENS; k--) {
    const w = (t[k] as Token).text;
    if (w === ',' || w === '.' || w === ';' || w === '“' || w === '”' || w === '"') break;
    // (A "who" right before the verb is itself the subject, as annotators mark it.)
    if (w.toLowerCase() === 'who' && k < end - 1) {
      const head = npBefore(analysis, k, sentenceFirst);
      if (head && head.end === k) return head;
      break;
    }
  }
  // "Sen. Rand Paul (R-Ky.) said": a parenthesis right before the verb is skipped.
  if (end - 1 > sentenceFirst && (t[end - 1] as Token).text === ')') {
    for (let k = end - 2; k > sentenceFirst && end - k <= MAX_PAREN_TOKENS; k--) {
      if ((t[k] as Token).text === '(') {
        end = k;
        break;
      }
    }
  }
  // "Democrats — and some Republicans — say": a dash-bounded aside before the verb is skipped to its head.
  if (end - 1 > sentenceFirst && isDash(analysis, end - 1)) {
    for (let k = end - 2; k > sentenceFirst && end - k <= MAX_APPOSITIVE_TOKENS; k--) {
      if (!isDash(analysis, k)) continue;
      const head = npBefore(analysis, k, sentenceFirst);
      if (head && head.end === k) return head;
      break;
    }
  }
  if (end - 1 > sentenceFirst && (t[end - 1] as Token).text === ',') {
    // "…after winning Ohio in the primary, Gov. John Kasich (R-OH), said": a name with a parenthetical label
    // right before the comma opens its own clause; the comma closes the label, not an appositive of an earlier head.
    if ((t[end - 2] as Token | undefined)?.text === ')') {
      const labelled = npBefore(analysis, end - 1, sentenceFirst);
      const opens = labelled && (labelled.first === sentenceFirst || (t[labelled.first - 1] as Token).text === ',');
      if (labelled && opens && (t[labelled.end - 1] as Token).pos === 'PROPN') return labelled;
    }
    // "Brian Fallon, a spokesman for Mrs. Clinton, said": jump to the comma opening the aside.
    // Several comma-separated asides may stand between ("Lance Beebe, 49, a Navy veteran who …, said"):
    // take the first one back whose head is a name, pronoun or noun (numbers alone are ages).
    for (let k = end - 2; k > sentenceFirst && end - k <= MAX_APPOSITIVE_TOKENS; k--) {
      const tok = t[k] as Token;
      if (tok.text === ',') {
        const head = npBefore(analysis, k, sentenceFirst);
        const last = head ? (t[head.end - 1] as Token) : null;
        // "Clinton, during a meeting in Columbus, Ohio, said": a preposition's object is inside the aside, not its head.
        const pp = head && head.first > sentenceFirst && (t[head.first - 1] as Token).pos === 'ADP';
        if (head && last && !pp && (['PROPN', 'PRON', 'NOUN'].includes(last.pos) || capitalised(last))) return head;
        // "Her rivals on the council, most of them …, argue": the phrase the preposition hangs on is the head.
        if (head && pp) {
          const outer = npBefore(analysis, head.first - 1, sentenceFirst);
          const outerLast = outer ? (t[outer.end - 1] as Token) : null;
          const nested = outer && outer.first > sentenceFirst && (t[outer.first - 1] as Token).pos === 'ADP';
          if (outer && outerLast && !nested && outer.end === head.first - 1 && ['PROPN', 'PRON', 'NOUN'].includes(outerLast.pos)) return outer;
        }
        continue;
      }
      if (tok.text === '.' || tok.text === ';') break;
    }
  }
  // "Clinton herself also signaled": an intensifying reflexive after a noun phrase belongs to it.
  const last = t[end - 1];
  if (last && end - 1 > sentenceFirst && last.pos === 'PRON' && /sel(?:f|ves)$/i.test(last.text) && ['PROPN', 'NOUN'].includes((t[end - 2] as Token).pos)) {
    const head = npBefore(analysis, end - 1, sentenceFirst);
    if (head && head.end === end - 1) return head;
  }
  let k = end - 1;
  while (k >= sentenceFirst && end - k <= MAX_NP_TOKENS && npToken(t[k] as Token)) {
    // A pronoun is a whole NP; don't extend past it.
    if ((t[k] as Token).pos === 'PRON' && k < end - 1) break;
    k--;
    if ((t[k + 1] as Token).pos === 'PRON') break;
  }
  // Don't start an NP with "of", nor with a conjunction the capital of a sentence start let in ("If Obama", "But the
  // …"): even half direct F1 0.9059 -> 0.9061, all 0.6985 -> 0.6989 (odd 0.8932 -> 0.8939, 0.6949 -> 0.6958); also
  // stripping adverbs ("When", "Even") fell to 0.6986.
  let first = k + 1;
  while (first < end && ['ADP', 'SCONJ', 'CCONJ'].includes((t[first] as Token).pos)) first++;
  // "Donald Trump on Thursday ratcheted up …": a short prepositional phrase between subject and verb is skipped.
  const before = t[first - 1];
  if (first < end && first - 1 > sentenceFirst && before && before.pos === 'ADP' && before.text.toLowerCase() !== 'of' && end - first <= PP_SKIP_TOKENS) {
    const outer = npBefore(analysis, first - 1, sentenceFirst);
    // ("Sen. X (D-Vt.) on Saturday said": the outer phrase may end before a parenthesis.)
    const adjoins = outer && (outer.end === first - 1 || (t[first - 2] as Token).text === ')');
    if (outer && adjoins && capitalised(t[outer.end - 1] as Token)) return outer;
  }
  // "Rep. X (D-Calif.) last month joked": a time phrase before the verb is an adverbial, not the subject.
  const words = t.slice(first, end);
  if (first < end && first > sentenceFirst && words.every((w) => TIME_WORDS.has(w.text.toLowerCase()) || w.pos === 'DET' || w.pos === 'ADJ'))
    return words.some((w) => TIME_WORDS.has(w.text.toLowerCase())) ? npBefore(analysis, first, sentenceFirst) : np(analysis, first, end);
  return np(analysis, first, end);
}

/** The noun phrase starting just after token v ("said Trump"). */
export function npAfter(analysis: Analysis, v: number, sentenceEnd: number): NounPhrase | null {
  const t = analysis.tokens;
  let k = v + 1;
  while (k < sentenceEnd && k - v <= MAX_NP_TOKENS && npToken(t[k] as Token)) {
    k++;
    if ((t[k - 1] as Token).pos === 'PRON') break;
  }
  let end = k;
  while (end > v + 1 && (t[end - 1] as Token).pos === 'ADP') end--;
  return np(analysis, v + 1, end);
}

export interface SpeakerContext {
  analysis: Analysis;
  entities: readonly Entity[];
  /** Mentions sorted by position, with their entity. */
  mentions: readonly { m: Mention; e: Entity }[];
  /** Speakers already attributed, by sentence (for pronoun preference). */
  speakersBySentence: Map<number, string>;
}

function mentionsIn(ctx: SpeakerContext, span: Span) {
  return ctx.mentions.filter((x) => x.m.span.start >= span.start && x.m.span.end <= span.end);
}

/** Antecedent of a personal pronoun at `at`: the subject-most person of the nearest earlier sentence naming one. */
function antecedent(ctx: SpeakerContext, at: number, pronoun: string): { m: Mention; e: Entity } | null {
  const wantPerson = pronoun === 'he' || pronoun === 'she' || pronoun === 'i';
  const sentenceOf = ctx.analysis.tokens.find((t) => t.span.start >= at)?.sentence ?? 0;
  const ok = (x: { m: Mention; e: Entity }) => (wantPerson ? x.e.type === 'PERSON' : x.e.type === 'ORG' || x.e.type === 'PERSON' || x.e.type === 'PLACE');
  // Same sentence, before the pronoun.
  const same = ctx.mentions.filter((x) => x.m.sentence === sentenceOf && x.m.span.end <= at && ok(x));
  if (same.length) return same[0] as { m: Mention; e: Entity };
  for (let s = sentenceOf - 1; s >= 0 && s >= sentenceOf - 4; s--) {
    const inS = ctx.mentions.filter((x) => x.m.sentence === s && ok(x));
    if (!inS.length) continue;
    const spoke = ctx.speakersBySentence.get(s);
    const speaker = spoke ? inS.find((x) => x.e.key === spoke) : undefined;
    return speaker ?? (inS[0] as { m: Mention; e: Entity });
  }
  return null;
}

/** Does the phrase end in a noun, name, pronoun or number (a possessive, conjunction, adjective or mark does not)? */
export function endsNominal(analysis: Analysis, phrase: NounPhrase): boolean {
  const last = analysis.tokens.slice(phrase.first, phrase.end).at(-1);
  return !!last && (['NOUN', 'PROPN', 'PRON', 'NUM'].includes(last.pos) || capitalised(last) || last.text === '%');
}

export function resolveSpeaker(ctx: SpeakerContext, phrase: NounPhrase | null): Speaker {
  if (!phrase) return { entityKey: null, name: null, kind: 'unknown', span: null };
  const words = phrase.text.toLowerCase().split(/\s+/);
  if (words.length === 1 && PRONOUNS.has(words[0] as string)) {
    const a = antecedent(ctx, phrase.span.start, words[0] as string);
    // The addressee names no source: outside quotation marks "you" is generic ("you know", "you see") or
    // speech the splitter missed (even half of PolNeAR: 17 of 52 indirect and 0 of 4 direct "you" reports right).
    if (words[0] === 'you') return { entityKey: null, name: null, kind: 'unknown', span: phrase.span };
    return { entityKey: a?.e.key ?? null, name: a?.e.name ?? null, kind: 'pronoun', span: phrase.span };
  }
  const inside = mentionsIn(ctx, phrase.span).filter((x) => x.e.type !== 'PLACE' || phrase.text.trim() === x.m.text);
  // The head is the last mention that is not followed by a possessive.
  const heads = inside.filter((x) => !/^['’]s/.test(ctx.analysis.text.slice(x.m.span.end, x.m.span.end + 2)));
  const head = heads[heads.length - 1];
  const tailWord = (words[words.length - 1] ?? '').replace(/[^a-z-]/g, '');
  const headIsNoun = !head || head.m.span.end < phrase.span.end - 1;
  if (head && !headIsNoun) return { entityKey: head.e.key, name: head.e.name, kind: 'named', span: phrase.span };
  if (UNNAMED_SOURCE_HEADS.has(tailWord) || words.includes('familiar')) return { entityKey: null, name: phrase.text, kind: 'unnamed', span: phrase.span };
  // Descriptor: match against descriptors used for entities in this article.
  const bare = words.filter((w) => !DETERMINERS.has(w)).join(' ');
  if (bare) {
    const hit = ctx.entities.find((e) => e.type === 'PERSON' && e.descriptors.some((d) => d.toLowerCase().endsWith(bare) || bare.endsWith(d.toLowerCase())));
    if (hit) return { entityKey: hit.key, name: hit.name, kind: 'descriptor', span: phrase.span };
    if (head) return { entityKey: head.e.key, name: head.e.name, kind: 'named', span: phrase.span };
    return { entityKey: null, name: phrase.text, kind: 'descriptor', span: phrase.span };
  }
  // "Many in the crowd said", "One says …, another says …", "Some said": a quantifier standing for people is an unnamed source.
  if (words.every((w) => QUANTIFIERS.has(w))) return { entityKey: null, name: phrase.text, kind: 'unnamed', span: phrase.span };
  return { entityKey: null, name: null, kind: 'unknown', span: phrase.span };
}
