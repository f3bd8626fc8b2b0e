/**
 * Who holds a value and whom the article credits for it, read from the sentence around it.
 * English surface patterns; the extract stage's quote speakers take precedence when available.
 */

/** "according to the Financial Times", "writes the BBC", "Bloomberg reports", "the publication writes". */
const ACCORDING = /\baccording to ((?:the |a |an )?[^,.;:"“”]{2,60}?)(?=[,.;:"“”]|$)/iu;
const WRITES_AFTER = /\b(?:writes|reports|reported|wrote|said)\s+((?:the\s+)?\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*)*)/u;
const WRITES_BEFORE = /((?:the\s+)?\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*)*)\s+(?:reports|reported|writes|wrote)\b/u;

export function attributionOf(sentence: string): string | null {
  const a = sentence.match(ACCORDING);
  if (a?.[1]) return `according to ${a[1].trim()}`;
  const w = sentence.match(WRITES_AFTER) ?? sentence.match(WRITES_BEFORE);
  if (w?.[1] && /\b(?:writes|reports|reported|wrote)\b/u.test(w[0]) && namesParty(w[1])) return `reported by ${w[1].trim()}`;
  return null;
}

/** Separators after which a new clause (with its own subject) starts. */
const CLAUSE_BREAK = /[;:]|,\s+(?=(?:\p{Lu}|but\b|while\b|and\b|whereas\b))|\bbut\b|\bwhile\b|\bwhereas\b/gu;
/** Words the subject may start after, at most (the subject opens its clause: "Russia also demanded …"). */
const MAX_LEAD_WORDS = 2;
/** A lower-case plural head closing a capitalised subject ("European and Ukrainian officials"); short words ("has") are verbs. */
const PLURAL_HEAD = /^\p{Ll}{4,}[^s\s]s$/u;
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}’'-]*$/u;
/** An elided article before a common noun ("L'entrepôt", "D'après", "Dell'acqua"): capitalised, but not a name. */
const ELIDED_ARTICLE = /^\p{Lu}\p{Ll}{0,3}['’]\p{Ll}/u;
/** Punctuation that may close the last word of an appositive subject ("…, Gerald Whitcombe, set up …"). */
const TRAILING = /[,;:]$/u;
const isName = (t: string) => CAPITALISED.test(t) && !ELIDED_ARTICLE.test(t);

/** Leading sentence words that are capitalised only because they start the sentence. */
const OPENERS = /^(?:In|On|At|The|A|An|But|And|As|After|Before|Since|Following|With|For|By|From|Despite|While|When|If|This|That|These|Those)\b\s*/u;

/**
 * The holder of the value at `offset`: the subject of the clause containing it ("Russia also demanded …",
 * "European and Ukrainian officials have set …"). Null when the clause has no capitalised subject.
 */
export function holderOf(sentence: string, offsetInSentence: number): string | null {
  const before = sentence.slice(0, Math.max(0, offsetInSentence));
  let start = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) start = (m.index ?? 0) + m[0].length;
  let clause = before.slice(start).trim();
  // a clause that is only an opener phrase ("In the original 28-point plan") has no subject of its own
  clause = clause.replace(OPENERS, '');
  // scan tokens: the subject is a run of capitalised words (joined by "and"), optionally closed by a plural head noun
  const tokens = clause.split(/\s+/).filter(Boolean);
  const first = tokens.findIndex((t) => isName(t.replace(TRAILING, '')));
  if (first < 0 || first > MAX_LEAD_WORDS) return null;
  const words: string[] = [];
  let i = first;
  let closed = false;
  while (i < tokens.length && !closed) {
    const raw = tokens[i] as string;
    const t = raw.replace(TRAILING, '');
    // a comma after a name closes an appositive ("…, Gerald Whitcombe, set up …"): the name is the whole subject
    closed = t !== raw;
    if (isName(t)) words.push(t);
    else if (t === 'and' && !closed && isName(tokens[i + 1] ?? '') && words.length) words.push(t);
    else break;
    i++;
  }
  if (!closed && PLURAL_HEAD.test(tokens[i] ?? '')) words.push(tokens[i] as string);
  const subject = words.join(' ').replace(/[’']s$/u, '');
  return subject.length >= 2 && namesParty(subject) ? subject : null;
}

/** Capitalised words that cannot name a party: sentence openers, number words, months and weekdays (English fallback lists). */
const NOT_A_PARTY = new Set(
  `it its they them their he she his her we our you this that these those there here under around about some many most all both each according two three four
  five six seven eight nine ten earlier later january february march april may june july august september october november december monday tuesday
  wednesday thursday friday saturday sunday`.split(/\s+/),
);

/** A holder must contain a word that is not a pronoun, number word, month or weekday. */
export function isParty(name: string): boolean {
  return name.split(/\s+/).some((w) => w.length > 1 && !NOT_A_PARTY.has(w.toLowerCase()) && w.toLowerCase() !== 'and');
}

/**
 * A subject read from capitalisation must have a capitalised word that is not a pronoun, number word, month or
 * weekday: "Earlier reports" names no party (its plural head alone does not make one), "Ukrainian officials" does.
 */
function namesParty(name: string): boolean {
  return name.split(/\s+/).some((w) => w.length > 1 && /^\p{Lu}/u.test(w) && !NOT_A_PARTY.has(w.toLowerCase()));
}
