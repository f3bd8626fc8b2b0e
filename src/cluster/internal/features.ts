/**
 * Per-article features for clustering: weighted term stems, name keys, numbers and happening dates.
 * Built from the extract stage's signals when given, else from the light fallbacks here.
 */
import type { StoredArticle } from '../../types.js';
import type { ClusterSignals } from '../types.js';
import { dayNumber, digitsFrom, type FoundDate, findDatesFolded, primaryDate, publishedDate } from './dates.js';
import { dict } from './dict.js';
import { JUNK_SUPPORT, judgeBody } from './junk.js';
import { withKeys } from './key-order.js';
import { classOf, LETTER, SURROGATE, UPPER } from './letters.js';
import { countStems, fold, foldNonAscii, isAscii, isFoldedAscii, nameKey, stems } from './text.js';

/**
 * An article's clustering features. Never edited once built (by featuresOf, decodeFeatures or asFeatures): profile
 * additions remember an article's scaled terms and names by the records' identity (unit-add.ts), so a record changed in
 * place after one addition would be read back with its old keys and weights at the next. Build a new object instead.
 */
export interface Features {
  /** Term stem → log-scaled count, 1 + ln(count) (title words counted TITLE_WEIGHT times). */
  readonly terms: Record<string, number>;
  /** Name key → count. */
  readonly entities: Record<string, number>;
  /** Normalised numbers (≥ 2 digits). */
  readonly numbers: string[];
  /** Distinct happening dates mentioned (`YYYY-MM-DD` or `--MM-DD`). */
  readonly dates: string[];
  /** Main happening date, if any. */
  readonly primary: string | null;
  /** Day number used for time windows: the primary full date, else publication; null when unknown. */
  readonly time: number | null;
  readonly language: string | null;
  /** Display forms for stems and name keys (for explanations). */
  readonly surfaces: Record<string, string>;
  /** Where the dates came from: extract's signals, our fallback, or our fallback because extract had no anchor (undated article). */
  readonly dateSource?: 'extract' | 'fallback' | 'fallback-undated';
  /** The body did not restate its title (a cookie, paywall or error wall): features come from the title and the sentences sharing its words. */
  readonly junk?: boolean;
}

export interface FeatureOptions {
  /** Title-support share below which a body is junk (see junk.ts). */
  readonly junkSupport: number;
}

/**
 * Weight of a junk body's own term weights, added to those of its title and kept sentences. bench/similarity,
 * same-language Pearson at JUNK_SUPPORT 0.1: body dropped (0) 0.7252, 0.2 0.7275, 0.4 0.7276, 0.7 0.7263, whole body
 * (no junk test) 0.7239; 0 cost Turkish pairs most (tr-tr 0.805 → 0.771: weather and site-label headlines their
 * reports do not repeat), 0.3 keeps them (0.80) and most of the gain.
 */
export const JUNK_BODY_WEIGHT = 0.3;

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { junkSupport: JUNK_SUPPORT };

/**
 * Title words count this many times: headlines state the event. Swept 1–6 on bench/similarity (same-language text
 * cosine alone): 1 0.676, 2 0.689, 3 0.697, 4 0.701, 6 0.706; 3 taken (gains flatten; more lets one headline outweigh
 * the body). Term weights stay 1 + ln(count): count^0.7 scored higher on pairs (text cosine 0.712 vs 0.697; BM25
 * k=1.2 0.654, binary 0.581) but in a store of two articles, where IDF cannot yet tell function words, it joined two
 * unrelated reports from one outlet in the demo corpus (event precision 1.000 → 0.955).
 */
export const TITLE_WEIGHT = 3;
/** All-caps words longer than this are page furniture or teaser headlines, not acronyms. */
const MAX_ACRONYM_LENGTH = 5;
/** Name keys shorter than this are initials or fragments. */
const MIN_NAME_KEY = 3;
/** Numbers with fewer digits are too common to tell stories apart. */
const MIN_NUMBER_DIGITS = 2;

/** Characters that, before a capitalised word (spaces and tabs skipped), mark it as a sentence opener. */
const OPENERS = /[\n.!?:"“«„]/;
const OPENER_CODES = new Set([...'\n.!?:"“«„'].map((c) => c.charCodeAt(0)));
const SPACE = 0x20;
const TAB = 0x09;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const HYPHEN = 0x2d;
const LOWER_S = 0x73;
const LOWER_A = 0x61;
const LOWER_Z = 0x7a;
/** Code units below this are ASCII. */
const ASCII_END = 0x80;

/** An upper-case ASCII letter (`\p{Lu}` within ASCII); global, run by test from a set lastIndex. */
const ASCII_CAPITAL = /[A-Z]/g;

/** Capitalised words that do not open a sentence: a script-neutral proxy for names (fallback only). */
function capitalisedWords(text: string, ascii = false): string[] {
  // Offsets in the normalised text are checked against the text as given (the same offset for most texts). ASCII
  // text is its own NFKC form, so a text known to be ASCII is not normalised (a pass over it and a copy).
  const normalised = ascii ? text : text.normalize('NFKC');
  if (SURROGATE.test(normalised)) return capitalisedWordsByRegex(text, normalised);
  const out: string[] = [];
  const n = normalised.length;
  let i = 0;
  while (i < n) {
    if (ascii) {
      // ASCII text: the next capital found by the pattern (capitals are sparse; the loop below tests every character).
      ASCII_CAPITAL.lastIndex = i;
      if (!ASCII_CAPITAL.test(normalised)) break;
      i = ASCII_CAPITAL.lastIndex - 1;
    } else if ((classOf(normalised.charCodeAt(i)) & UPPER) === 0) {
      i++;
      continue;
    }
    // One match of \p{Lu}[\p{L}'’-]*, then its trailing apostrophes and hyphens and one possessive 's cut off.
    const start = i;
    i++;
    while (i < n) {
      const c = normalised.charCodeAt(i);
      if ((classOf(c) & LETTER) === 0 && c !== APOSTROPHE && c !== RIGHT_QUOTE && c !== HYPHEN) break;
      i++;
    }
    let end = i;
    for (let c = normalised.charCodeAt(end - 1); c === APOSTROPHE || c === RIGHT_QUOTE || c === HYPHEN; c = normalised.charCodeAt(end - 1)) end--;
    if (end - start >= 2 && normalised.charCodeAt(end - 1) === LOWER_S) {
      const q = normalised.charCodeAt(end - 2);
      if (q === APOSTROPHE || q === RIGHT_QUOTE) end -= 2;
    }
    const letters = end - start;
    if (letters < 2) continue;
    let p = start - 1;
    while (p >= 0 && p < text.length && (text.charCodeAt(p) === SPACE || text.charCodeAt(p) === TAB)) p--;
    if (p < 0 || (p < text.length && OPENER_CODES.has(text.charCodeAt(p)))) continue;
    const w = normalised.slice(start, end);
    if (letters > MAX_ACRONYM_LENGTH && unchangedByUpperCase(w)) continue;
    out.push(w);
  }
  return out;
}

/** `w === w.toUpperCase()` without making the upper-case copy where an ASCII character decides it. */
function unchangedByUpperCase(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= ASCII_END) return w === w.toUpperCase();
    if (c >= LOWER_A && c <= LOWER_Z) return false;
  }
  return true;
}

/** capitalisedWords() for text with surrogate pairs, where letters are code points. */
function capitalisedWordsByRegex(text: string, normalised: string): string[] {
  const out: string[] = [];
  for (const m of normalised.matchAll(/\p{Lu}[\p{L}'’-]*/gu)) {
    const w = m[0].replace(/['’-]+$/u, '').replace(/['’]s$/u, '');
    const letters = [...w].length;
    if (letters < 2) continue;
    if (w === w.toUpperCase() && letters > MAX_ACRONYM_LENGTH) continue;
    let i = m.index - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
    const prev = i < 0 ? '\n' : text[i];
    if (prev !== undefined && OPENERS.test(prev)) continue;
    out.push(w);
  }
  return out;
}

/** A number as written (thousands separators or a decimal part); global, run by exec from lastIndex 0 (no matchAll copy). */
const NUMBER_RUN = /\d+(?:[.,\s]\d{3})+(?!\d)|\d+(?:[.,]\d+)?/g;

/**
 * Numbers written in the text, thousands separators removed. The scan starts at the first digit: a match starts with
 * a digit and looks only ahead (`(?!\d)`), so nothing before it can change the matches.
 */
export function numbersIn(text: string): string[] {
  const out: string[] = [];
  const from = digitsFrom(text);
  if (from < 0) return out;
  const re = NUMBER_RUN;
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let n = m[0];
    if (/^\d+(?:[.,\s]\d{3})+$/.test(n)) n = n.replace(/[.,\s]/g, '');
    else n = n.replace(',', '.');
    if (n.replace(/\D/g, '').length >= MIN_NUMBER_DIGITS) out.push(n);
  }
  return out;
}

/** Counts of each key, in the order first met. */
function countKeys(keys: readonly string[], into: Map<string, number> = new Map()): Map<string, number> {
  for (const k of keys) into.set(k, (into.get(k) ?? 0) + 1);
  return into;
}

/** Counts below this have their log-scaled weight looked up (an article's stems are counted a few times each). */
const LOGGED_COUNTS = 256;
/** 1 + ln(n) for n < LOGGED_COUNTS, computed as logScale computes it (so the same doubles). */
const LOG_SCALE = Float64Array.from({ length: LOGGED_COUNTS }, (_, n) => 1 + Math.log(n));

/** Log-scaled weight of a count: 1 + ln(count). */
function logScale(count: number): number {
  return count < LOGGED_COUNTS && (count | 0) === count && count > 0 ? (LOG_SCALE[count] as number) : 1 + Math.log(count);
}

function signalDates(signals: ClusterSignals): FoundDate[] {
  const out: FoundDate[] = [];
  for (const d of signals.happeningDates) {
    if (/^\d{4}-\d{2}-\d{2}/.test(d.start) && (d.precision === 'day' || d.start.slice(0, 10) === d.end.slice(0, 10))) {
      out.push({ value: d.start.slice(0, 10), precision: 'day' });
    }
  }
  return out;
}

/**
 * Features of an article; `signals` (from extract) win over the fallbacks where they say anything.
 * `aside` is text cleaning cut from the page (related links, captions): only used to date the article.
 */
export function featuresOf(
  article: Pick<StoredArticle, 'title' | 'text' | 'published' | 'language'>,
  signals?: ClusterSignals,
  aside = '',
  options: Partial<FeatureOptions> = {},
): Features {
  const { junkSupport } = { ...DEFAULT_FEATURE_OPTIONS, ...options };
  // Display forms only where they differ from the key (truncated words, name keys); the rest display as-is.
  // Each key is reported once (countStems reports a stem new to the title, or new to the body and not in the title;
  // addName a name key on its first word), so the list is the record's key order (see key-order.ts).
  const surfaces = dict<string>();
  const surfaceKeys: string[] = [];
  const onSurface = (k: string, s: string) => {
    if ((isFoldedAscii(s) ? s : fold(s)) !== k) {
      surfaces[k] = s;
      surfaceKeys.push(k);
    }
  };
  const foldedTitle = fold(article.title);
  // fold() of ASCII text is its lower case (text.ts); known here, the name fallback need not normalise the text.
  const textIsAscii = isAscii(article.text);
  const foldedText = textIsAscii ? article.text.toLowerCase() : foldNonAscii(article.text);
  const titleCounts = countStems(foldedTitle, new Map(), onSurface);
  const bodyCounts = countStems(foldedText, new Map(), onSurface, titleCounts);
  const verdict = judgeBody(article.title, article.text, junkSupport, { titleStems: [...titleCounts.keys()], bodyStems: bodyCounts });
  // A junk body's extract signals describe the wall, not the story: the fallbacks read the kept text instead.
  const sig = verdict.junk ? undefined : signals;
  const text = verdict.kept;
  // Title stems count TITLE_WEIGHT times each; counts are whole numbers, so summing per key is exact. Keys in the
  // order first met: the title's, then the body's (or the kept sentences').
  const terms = dict<number>();
  const termKeys: string[] = [];
  const rest = verdict.junk ? countKeys(stems(text)) : bodyCounts;
  for (const [k, n] of titleCounts) {
    terms[k] = logScale(TITLE_WEIGHT * n + (rest.get(k) ?? 0));
    termKeys.push(k);
  }
  for (const [k, n] of rest)
    if (!titleCounts.has(k)) {
      terms[k] = logScale(n);
      termKeys.push(k);
    }
  if (verdict.junk) {
    // The whole body still counts a little: the test also flags real reports that merely word their headline differently.
    for (const [k, n] of bodyCounts) {
      const had = terms[k];
      if (had === undefined) termKeys.push(k);
      terms[k] = (had ?? 0) + JUNK_BODY_WEIGHT * logScale(n);
    }
  }

  const entityCounts = new Map<string, number>();
  const addName = (word: string, weight: number) => {
    const k = nameKey(word);
    if (k.length < MIN_NAME_KEY || (SURROGATE.test(k) && [...k].length < MIN_NAME_KEY)) return;
    const had = entityCounts.get(k);
    entityCounts.set(k, (had ?? 0) + weight);
    if (had === undefined) {
      const key = `e:${k}`;
      if (key !== word) onSurface(key, word);
    }
  };
  if (sig && sig.entities.length > 0) {
    for (const e of sig.entities) for (const w of e.key.split(/[\s_]+/u)) if (w) addName(w, e.weight ?? 1);
  } else {
    for (const w of capitalisedWords(text, textIsAscii && text === article.text)) addName(w, 1);
  }

  // Matches start at a digit and run forward: a title without a digit adds none, and the text is not copied behind it.
  const numbers =
    sig && sig.numbers.length > 0 ? sig.numbers.flatMap((n) => numbersIn(n)) : numbersIn(digitsFrom(article.title) >= 0 ? `${article.title}\n${text}` : text);
  // Dates: extract's for a dated article. For an undated one extract resolves relative dates against a
  // corpus or wall-clock reference, which puts an archive's articles in the wrong year; ours resolve against
  // a full date the article itself carries (text or page furniture), else keep month and day only.
  // fold() of `title\ntext` is the folded title and text joined by the line break (no character crosses it).
  const body = verdict.junk ? fold(`${article.title}\n${text}`) : `${foldedTitle}\n${foldedText}`;
  const given = sig && article.published ? signalDates(sig) : [];
  const found = given.length > 0 ? given : findDatesFolded(body, article.published, aside);
  const dateSource: Features['dateSource'] = given.length > 0 ? 'extract' : sig && !article.published ? 'fallback-undated' : 'fallback';
  // With no date in the text, the publication day stands in for the happening date (a same-day report).
  const publishedDay = publishedDate(article.published);
  const primary = primaryDate(found) ?? publishedDay;

  let time: number | null = null;
  if (primary && !primary.startsWith('--')) time = dayNumber(primary);
  else if (publishedDay) time = dayNumber(publishedDay);

  const entities = dict<number>();
  for (const [k, n] of entityCounts) entities[k] = logScale(n);
  return {
    terms: withKeys(terms, termKeys),
    entities: withKeys(entities, [...entityCounts.keys()]),
    numbers: [...new Set(numbers)],
    dates: [...new Set(found.map((d) => d.value))],
    primary,
    time,
    language: article.language ? fold(article.language).slice(0, 2) : null,
    surfaces: withKeys(surfaces, surfaceKeys),
    dateSource,
    ...(verdict.junk ? { junk: true } : {}),
  };
}

/** Terms kept when features are stored (for rebuilding clusters after edits); the strongest by tf × IDF. */
export const STORED_TERMS = 120;
/** Name keys and numbers kept when stored. */
export const STORED_NAMES = 40;

/** A smaller copy of the features for storage: the strongest terms and names, their display forms. */
export function compactFeatures(f: Features, idf: (k: string) => number): Features {
  const top = (rec: Record<string, number>, keep: number, key: (k: string) => string) => {
    const entries = Object.entries(rec);
    if (entries.length <= keep) return rec;
    return Object.fromEntries(
      entries
        .map(([k, x]) => [k, x, x * idf(key(k))] as const)
        .sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1))
        .slice(0, keep)
        .map(([k, x]) => [k, x]),
    );
  };
  const terms = top(f.terms, STORED_TERMS, (k) => k);
  const entities = top(f.entities, STORED_NAMES, (k) => `e:${k}`);
  const surfaces = Object.fromEntries(Object.entries(f.surfaces).filter(([k]) => k in terms || k.slice(2) in entities));
  return { ...f, terms, entities, numbers: f.numbers.slice(0, STORED_NAMES), surfaces };
}
