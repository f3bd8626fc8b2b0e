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
  if (w?.[1] && /\b(?:writes|reports|reported|wrote)\b/u.test(w[0])) return `reported by ${w[1].trim()}`;
  return null;
}

/** Separators after which a new clause (with its own subject) starts. */
const CLAUSE_BREAK = /[;:]|,\s+(?=(?:\p{Lu}|but\b|while\b|and\b|whereas\b))|\bbut\b|\bwhile\b|\bwhereas\b/gu;
/** A subject noun phrase: capitalised words, optionally joined by "and", optionally followed by a plural head noun. */
const SUBJECT = /(?:^|\s)((?:\p{Lu}[\p{L}\p{M}’'-]*(?:\s+(?:and\s+)?)?)+(?:\p{Ll}{4,}[^s\s]s\b)?)/u;
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
  const m = clause.match(SUBJECT);
  const subject = m?.[1]?.trim().replace(/[’']s$/u, '');
  if (!subject || subject.length < 2 || !isParty(subject)) return null;
  // the subject must come before the clause's first lower-case verb-like stretch, not deep inside an object
  const at = clause.indexOf(subject);
  const lead = clause.slice(0, at);
  return lead.split(/\s+/).filter(Boolean).length <= 2 ? subject : null;
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
