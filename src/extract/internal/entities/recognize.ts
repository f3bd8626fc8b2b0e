/**
 * The default entity recognizer: capitalised spans from wink's tokens and POS tags, typed by
 * closed-class signals (titles, organisation head words, acronyms, seats of power), gazetteers of
 * countries and cities, name shape (given name + surname), and context (preposition of place,
 * subject of a speech verb, possessive + kinship noun). Document-level passes then type lone
 * surnames by the full names introduced elsewhere in the text.
 */
import type { Analysis, EntityRecognizer, EntityType, RecognizedMention, Token } from '../../types.js';
import { caseStats } from '../case-stats.js';
import { CALENDAR_WORDS, DOTTED_MONTH } from './calendar-words.js';
import { findDescriptor } from './descriptor.js';
import { CITIES, COUNTRIES, GIVEN_NAMES, HONORIFICS, NAME_CONNECTORS, ORG_HEADS, PERSON_TITLES, SEATS, SPEECH_LEMMAS } from './lexicon.js';
import { foldName, isAcronym, lastWord } from './names.js';

/** Share of upper-case letters above which a sentence is an ALL-CAPS headline whose case says nothing. Set on the seeds' teaser lines (≥ 0.9) vs body text (< 0.2). */
const CAPS_HEADLINE_RATIO = 0.6;
/** Shorter sentences are not tested for ALL-CAPS (acronym-only lines like "NATO, EU" are not headlines). */
const MIN_HEADLINE_CHARS = 20;
/** Longest span after title stripping kept as a person's name; longer tails keep only their last words. */
const MAX_PERSON_TOKENS = 3;
/** Tokens kept from an over-long tail after a title ("High Representative for Foreign Affairs X Y" → "X Y"). */
const TAIL_NAME_TOKENS = 2;
/** Longest candidate span considered, in tokens (bounds work on text without punctuation). */
const MAX_SPAN_TOKENS = 12;

/** A capitalised word the tagger calls a verb is still a name ("Ward said") unless it has verb morphology ("Making", "Seen"). */
const VERB_MORPHOLOGY = /(?:ing|ed|en)$/;
/** Evidence tag of a lone capitalised word opening a sentence (kept only if typed by the document). */
const SENTENCE_INITIAL = 'sentence-initial';
const NAME_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'X', 'NUM']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'near', 'across', 'into', 'outside', 'inside', 'throughout', 'towards', 'toward']);
const DEMONYM = /^\p{Lu}\p{Ll}+(?:ian|ean|ese|ish|ican|ic)s?$/u;
/** Place-name endings across European and Slavic toponymy (-sk, -grad, -burg, -ville, -polis); a morphological typing signal for lone unknown words. */
const TOPONYM_ENDING = /(?:sk|grad|gorod|burg|bourg|ville|polis|pol|stadt|abad|istan)$/u;
/** Share of capitalised words above which a line is a title-case headline ("Putin To Meet Envoy In Moscow"), where case carries no signal. */
const TITLE_CASE_SHARE = 0.8;

function isCapitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) && /\p{L}/u.test(t.text) && t.text.length > 1 && !CALENDAR_WORDS.has(t.text.toLowerCase()) && !DOTTED_MONTH.test(t.text);
}

interface Candidate {
  first: number;
  end: number;
  sentence: number;
}

/** Raw capitalised runs in one sentence. */
function candidates(analysis: Analysis, tokens: readonly Token[], first: number, end: number, sentence: number): Candidate[] {
  const out: Candidate[] = [];
  let i = first;
  while (i < end) {
    const t = tokens[i] as Token;
    // Mid-sentence capitals are names whatever the tagger says ("Ward/VERB said"); at sentence start only PROPN counts.
    const startable =
      isCapitalised(t) &&
      (NAME_POS.has(t.pos) || (t.pos === 'VERB' && i > first && !VERB_MORPHOLOGY.test(t.text))) &&
      !(i === first && t.pos !== 'PROPN' && !isAcronym(t.text));
    if (!startable) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && j - i < MAX_SPAN_TOKENS) {
      const u = tokens[j] as Token;
      // An organisation name ends at its head word, unless a title follows ("White House Press Secretary X").
      if (ORG_HEADS.has(lower(tokens[j - 1])) && !NAME_CONNECTORS.has(u.text.toLowerCase()) && !PERSON_TITLES.has(u.text.toLowerCase())) break;
      if (
        isCapitalised(u) &&
        (NAME_POS.has(u.pos) || (u.pos === 'VERB' && !VERB_MORPHOLOGY.test(u.text))) &&
        u.span.start - (tokens[j - 1] as Token).span.end <= 1 &&
        analysis.text[u.span.start - 1] !== '\n'
      ) {
        j++;
        continue;
      }
      const next = tokens[j + 1];
      if (NAME_CONNECTORS.has(u.text.toLowerCase()) && next && isCapitalised(next) && u.text !== 'The') {
        j += 2;
        continue;
      }
      break;
    }
    out.push({ first: i, end: j, sentence });
    i = j;
  }
  return out;
}

function lower(t: Token | undefined): string {
  return t ? t.text.toLowerCase() : '';
}

function hasOrgHead(tokens: readonly Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (ORG_HEADS.has(lower(tokens[k]))) return true;
  return false;
}

/** "University of Wisconsin", "Bank of America": an organisation head followed by a connector. */
function hasOrgHeadBeforeConnector(tokens: readonly Token[], a: number, b: number): boolean {
  for (let k = a; k < b - 1; k++) if (ORG_HEADS.has(lower(tokens[k])) && NAME_CONNECTORS.has(lower(tokens[k + 1]))) return true;
  return false;
}

const commonCache = new WeakMap<Analysis, Set<string>>();
/**
 * Words this document also writes in lower case ("show", "street"): a capitalised pair made of them
 * ("Late Show", "Wall Street") is a title or a place, not a person's name — a per-document statistic
 * standing in for a dictionary.
 */
function commonWords(analysis: Analysis): Set<string> {
  let set = commonCache.get(analysis);
  if (!set) {
    set = new Set();
    for (const t of analysis.tokens) if (/^\p{Ll}/u.test(t.text)) set.add(t.text);
    commonCache.set(analysis, set);
  }
  return set;
}

/** Split at "and" unless the run is an organisation name; drop leading/trailing connectors. */
function refine(tokens: readonly Token[], c: Candidate): Candidate[] {
  const parts: Candidate[] = [];
  let s = c.first;
  for (let k = c.first; k < c.end; k++) {
    if (lower(tokens[k]) === 'and' && !hasOrgHead(tokens, k + 1, c.end)) {
      parts.push({ first: s, end: k, sentence: c.sentence });
      s = k + 1;
    }
  }
  parts.push({ first: s, end: c.end, sentence: c.sentence });
  return parts
    .map((p) => {
      let { first, end } = p;
      while (first < end && NAME_CONNECTORS.has(lower(tokens[first]))) first++;
      while (end > first && NAME_CONNECTORS.has(lower(tokens[end - 1]))) end--;
      return { first, end, sentence: p.sentence };
    })
    .filter((p) => p.end > p.first);
}

function spanText(text: string, tokens: readonly Token[], a: number, b: number): string {
  return text.slice((tokens[a] as Token).span.start, (tokens[b - 1] as Token).span.end);
}

/** Default recognizer (rules + lexicon signals + document statistics). */
export class RuleEntityRecognizer implements EntityRecognizer {
  recognize(analysis: Analysis): RecognizedMention[] {
    const { tokens } = analysis;
    const found: RecognizedMention[] = [];
    const stats = caseStats(analysis);
    for (const s of analysis.sentences) {
      if (s.span.end - s.span.start > MIN_HEADLINE_CHARS && (stats.upper[s.index] ?? 0) > CAPS_HEADLINE_RATIO) continue;
      if ((stats.title[s.index] ?? 0) > TITLE_CASE_SHARE) continue;
      for (const raw of candidates(analysis, tokens, s.firstToken, s.endToken, s.index)) {
        for (const c of refine(tokens, raw)) {
          const m = this.classify(analysis, c);
          if (m) found.push(m);
        }
      }
    }
    return typeByDocument(analysis, found);
  }

  private classify(analysis: Analysis, c: Candidate): RecognizedMention | null {
    const { tokens, text } = analysis;
    let { first } = c;
    const { end } = c;
    const evidence: string[] = [];
    // Strip a leading title chain: everything up to the last title word becomes descriptor.
    let lastTitle = -1;
    for (let k = first; k < end; k++) if (PERSON_TITLES.has(lower(tokens[k]))) lastTitle = k;
    let prefix: string | null = null;
    let titled = false;
    if (lastTitle >= first && lastTitle < end - 1) {
      let prefixEnd = lastTitle + 1;
      while (prefixEnd > first && HONORIFICS.has(lower(tokens[prefixEnd - 1]))) prefixEnd--; // "… Prime Minister Sir"
      prefix = prefixEnd > first ? spanText(text, tokens, first, prefixEnd) : null;
      first = lastTitle + 1;
      titled = true;
      evidence.push('title');
      if (NAME_CONNECTORS.has(lower(tokens[first])) || end - first > MAX_PERSON_TOKENS) first = Math.max(first, end - TAIL_NAME_TOKENS);
    } else if (lastTitle === end - 1) {
      return null; // a bare title ("Foreign Minister") is not a name
    }
    while (first < end && HONORIFICS.has(lower(tokens[first]))) {
      first++;
      titled = true;
    }
    // Demonyms and country adjectives in front of a name or title are descriptors, not part of the name.
    while (
      first < end - 1 &&
      !ORG_HEADS.has(lower(tokens[end - 1])) &&
      DEMONYM.test((tokens[first] as Token).text) &&
      !COUNTRIES.has((tokens[first] as Token).text)
    ) {
      prefix = prefix ? `${prefix} ${(tokens[first] as Token).text}` : (tokens[first] as Token).text;
      first++;
    }
    if (first >= end) return null;
    let name = spanText(text, tokens, first, end);
    // Strip digits glued to a name by a broken page ("Name21.01.26").
    const glued = /\d[\d.,:]*$/u.exec(name);
    let trim = 0;
    if (glued && glued.index > 0) {
      trim = name.length - glued.index;
      name = name.slice(0, glued.index);
    }
    const folded = foldName(name);
    const n = end - first;
    const head = tokens[first] as Token;
    if (n === 1 && CALENDAR_WORDS.has(folded)) return null;
    if (n === 1 && name.length < 2) return null;
    if (n === 1 && DEMONYM.test(head.text) && !COUNTRIES.has(head.text) && !CITIES.has(head.text) && !titled) return null;
    let type: EntityType = 'MISC';
    let seat: string | null = null;
    const before = tokens[first - 1];
    const after = tokens[end];
    const seatKey = folded.replace(/^the /, '');
    if (SEATS.has(seatKey)) {
      type = 'ORG';
      seat = name;
      evidence.push('seat');
    } else if (n > 1 && (ORG_HEADS.has(lower(tokens[end - 1])) || hasOrgHeadBeforeConnector(tokens, first, end))) {
      type = 'ORG';
      evidence.push('org-head');
    } else if (COUNTRIES.has(name) || COUNTRIES.has(name.replace(/\./g, ''))) {
      type = 'PLACE';
      evidence.push('country');
    } else if (CITIES.has(name)) {
      type = 'PLACE';
      evidence.push('city');
    } else if (n === 1 && isAcronym(head.text)) {
      type = 'ORG';
      evidence.push('acronym');
    } else if (titled) {
      type = 'PERSON';
    } else if (n >= 2 && n <= MAX_PERSON_TOKENS && GIVEN_NAMES.has(lower(head))) {
      type = 'PERSON';
      evidence.push('given-name');
    } else if (
      n >= 2 &&
      n <= MAX_PERSON_TOKENS &&
      !hasOrgHead(tokens, first, end) &&
      tokens.slice(first, end).every((t) => t.pos === 'PROPN') &&
      !tokens.slice(first, end).some((t) => commonWords(analysis).has(t.text.toLowerCase()))
    ) {
      // A name-shaped span after the definite article ("the Port Ashby Mariners won") names a team, band or
      // body: English does not put "the" before a person's name (a person used attributively, "the Joe
      // Smith era", is typed by its given name or title before this rule).
      if (before && lower(before) === 'the') {
        type = 'ORG';
        evidence.push('determiner-name');
      } else {
        type = 'PERSON';
        evidence.push('name-shape');
      }
    } else if (n > MAX_PERSON_TOKENS) {
      type = 'ORG';
      evidence.push('long-name');
    }
    if (type === 'MISC' && n === 1) {
      if (before && PLACE_PREPOSITIONS.has(lower(before))) {
        type = 'PLACE';
        evidence.push('place-preposition');
      } else if (after && SPEECH_LEMMAS.has(after.lemma) && (after.pos === 'VERB' || after.pos === 'AUX')) {
        type = 'PERSON';
        evidence.push('speech-subject');
      } else if (TOPONYM_ENDING.test(folded)) {
        type = 'PLACE';
        evidence.push('toponym-ending');
      } else if (first === analysis.sentences[c.sentence]?.firstToken) {
        // A lone capitalised word at sentence start carries no name signal of its own; it survives only
        // if the document types the same word elsewhere (see typeByDocument).
        evidence.push(SENTENCE_INITIAL);
      }
    }
    const descriptor = type === 'PERSON' || type === 'MISC' ? findDescriptor(analysis, first, end, c.first, prefix) : prefix;
    const spanStart = (tokens[first] as Token).span.start;
    const spanEnd = (tokens[end - 1] as Token).span.end - trim;
    return { span: { start: spanStart, end: spanEnd }, text: name, type, descriptor, sentence: c.sentence, evidence, seat };
  }
}

/** Document pass: lone words take the type of the full name they end or start; acronyms of named organisations. */
function typeByDocument(analysis: Analysis, initial: RecognizedMention[]): RecognizedMention[] {
  const found = retypePluralAffiliations(analysis.text, initial);
  const personWords = new Map<string, number>();
  for (const m of found) {
    if (m.type !== 'PERSON') continue;
    const words = foldName(m.text).split(' ');
    if (words.length < 2) continue;
    for (const w of [words[0] as string, words[words.length - 1] as string]) personWords.set(w, (personWords.get(w) ?? 0) + 1);
  }
  const typedSingles = new Map<string, EntityType>();
  for (const m of found) if (m.type !== 'MISC' && !m.text.includes(' ')) typedSingles.set(foldName(m.text), m.type);
  const typed = found.map((m) => {
    if (m.type !== 'MISC') return m;
    const f = foldName(m.text);
    if (!f.includes(' ') && personWords.has(f)) return { ...m, type: 'PERSON' as EntityType, evidence: [...m.evidence, 'part-of-person-name'] };
    const t = typedSingles.get(f);
    if (t) return { ...m, type: t, evidence: [...m.evidence, 'same-word-typed-elsewhere'] };
    // Coordinated with typed mentions ("Donetsk, Kherson and X regions").
    const coord = coordinatedType(analysis.text, found, m);
    if (coord) return { ...m, type: coord, evidence: [...m.evidence, 'coordination'] };
    // Possessive followed by a kinship/role noun ("X's son-in-law") marks a person.
    const after = analysis.text.slice(m.span.end, m.span.end + POSSESSIVE_WINDOW);
    const role = /^['’]s\s+([\p{Ll}-]+)/u.exec(after);
    if (role && PERSON_TITLES.has(role[1] as string)) return { ...m, type: 'PERSON' as EntityType, evidence: [...m.evidence, 'possessive-role'] };
    return m;
  });
  return typed.filter((m) => !(m.type === 'MISC' && m.evidence.includes(SENTENCE_INITIAL)));
}

/**
 * A plural-looking proper noun ("Rovers", "Mariners", "Braves"): s after a consonant or e. Endings in -is, -us,
 * -as, -os and -ss are Latin or Greek singulars and surnames far more often than plurals (Davis, Marcus, Ross).
 */
const PLURAL_NAME = /\p{L}[^\Waiosu]s$/u;

/**
 * A mention typed PERSON only by its shape ("Drennick Rovers": two proper nouns, no given name, no title)
 * whose last word is plural-looking and elsewhere premodifies a title before a person ("Rovers manager Dario
 * Kest") names the group that person belongs to, a team or band, so it is an ORG. Both conditions are needed:
 * a person's surname also premodifies titles ("Trump adviser"), and many surnames end in s; a group name used as
 * an affiliation does both. Mentions with stronger person evidence (given name, title) are left alone.
 */
function retypePluralAffiliations(text: string, found: RecognizedMention[]): RecognizedMention[] {
  const affiliations = new Set<string>();
  for (let i = 0; i + 1 < found.length; i++) {
    const m = found[i] as RecognizedMention;
    const next = found[i + 1] as RecognizedMention;
    if (next.type !== 'PERSON') continue;
    const gap = /^\s+([\p{Ll}-]+)\s+$/u.exec(text.slice(m.span.end, next.span.start));
    if (gap && PERSON_TITLES.has(gap[1] as string)) affiliations.add(lastWord(foldName(m.text)));
  }
  if (affiliations.size === 0) return found;
  const groups = new Set<string>();
  for (const m of found) {
    const last = lastWord(foldName(m.text));
    if (m.type === 'PERSON' && m.evidence.includes('name-shape') && affiliations.has(last) && PLURAL_NAME.test(last)) groups.add(last);
  }
  if (groups.size === 0) return found;
  return found.map((m) => {
    if (!groups.has(lastWord(foldName(m.text))) || (m.type !== 'PERSON' && m.type !== 'MISC')) return m;
    if (m.type === 'PERSON' && !m.evidence.includes('name-shape') && !m.evidence.includes('speech-subject')) return m;
    return { ...m, type: 'ORG' as EntityType, evidence: [...m.evidence, 'plural-affiliation'] };
  });
}

/** Characters after a mention searched for "'s <role>" (enough for one possessive and a long role word). */
const POSSESSIVE_WINDOW = 24;

/** The type shared by the mentions a MISC mention is listed with (", " / " and " / " or "). */
function coordinatedType(text: string, found: readonly RecognizedMention[], m: RecognizedMention): EntityType | null {
  const i = found.indexOf(m);
  const types: EntityType[] = [];
  const prev = found[i - 1];
  const next = found[i + 1];
  if (prev && /^\s*(?:,|,?\s+and|,?\s+or)\s+$/u.test(text.slice(prev.span.end, m.span.start))) types.push(prev.type);
  if (next && /^\s*(?:,|,?\s+and|,?\s+or)\s+$/u.test(text.slice(m.span.end, next.span.start))) types.push(next.type);
  const typed = types.filter((t) => t !== 'MISC');
  return typed.length && typed.every((t) => t === typed[0]) ? (typed[0] as EntityType) : null;
}
