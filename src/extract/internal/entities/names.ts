/** Name normalisation: folding, stable keys, transliteration skeletons and acronyms. */
import { NAME_CONNECTORS } from './lexicon.js';

/** Largest edit distance at which two spellings with the same consonant skeleton are one name (Kiev/Kyiv = 2, Zelensky/Zelenskiy = 1). */
const MAX_VARIANT_EDITS = 2;
/** Shortest word compared by skeleton; shorter words must match exactly (too many collisions otherwise). */
const MIN_VARIANT_LENGTH = 4;

/** Memo size bound for folded names (cleared when exceeded; names repeat heavily within a corpus). */
const FOLD_CACHE_MAX = 50_000;
const foldCache = new Map<string, string>();
const skeletonCache = new Map<string, string>();

/** Lower-case, strip accents and possessive endings, unify apostrophes. */
export function foldName(s: string): string {
  const hit = foldCache.get(s);
  if (hit !== undefined) return hit;
  if (foldCache.size > FOLD_CACHE_MAX) foldCache.clear();
  const v = foldUncached(s);
  foldCache.set(s, v);
  return v;
}

function foldUncached(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/'s\b/gi, '')
    .replace(/[^\p{L}\p{N}\s&.-]/gu, ' ')
    .replace(/\.(?=\s|$)/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** `person:volodymyr-zelensky` style key. */
export function entityKey(type: string, name: string): string {
  const slug = foldName(name.replace(/(?<=(?:^|[\s.])\p{Lu})\.(?=\p{Lu}|\s|$)/gu, ''))
    .replace(/[.\s]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `${type.toLowerCase()}:${slug || 'unnamed'}`;
}

/** Consonant skeleton of one word: vowels (and y) after the first letter dropped, repeated letters and digraphs collapsed. */
export function skeleton(word: string): string {
  const hit = skeletonCache.get(word);
  if (hit !== undefined) return hit;
  if (skeletonCache.size > FOLD_CACHE_MAX) skeletonCache.clear();
  const v = skeletonUncached(word);
  skeletonCache.set(word, v);
  return v;
}

function skeletonUncached(word: string): string {
  const w = foldName(word).replace(/[^a-z]/g, '');
  if (!w) return '';
  const rest = w
    .slice(1)
    .replace(/[aeiouy]+/g, '')
    .replace(/(.)\1+/g, '$1')
    .replace(/(zh|sh|ch|kh|ts)\1+/g, '$1');
  return (w[0] as string) + rest;
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min((prev[j] as number) + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}

/** Are two single words spelling or transliteration variants of each other? */
export function wordVariant(a: string, b: string): boolean {
  const fa = foldName(a).replace(/\./g, '');
  const fb = foldName(b).replace(/\./g, '');
  if (fa === fb) return true;
  if (fa[0] !== fb[0]) return false;
  if (fa.length < MIN_VARIANT_LENGTH || fb.length < MIN_VARIANT_LENGTH) return false;
  if (Math.abs(fa.length - fb.length) > MAX_VARIANT_EDITS) return false;
  return skeleton(fa) === skeleton(fb) && editDistance(fa, fb) <= MAX_VARIANT_EDITS;
}

/** Are two (multi-word) names variants: same number of words, each word a variant? */
export function nameVariant(a: string, b: string): boolean {
  const wa = foldName(a).split(' ');
  const wb = foldName(b).split(' ');
  if (wa.length !== wb.length) return false;
  return wa.every((w, i) => wordVariant(w, wb[i] as string));
}

/** Initials of the capitalised words, connectors skipped: "North Atlantic Treaty Organization" → "NATO". */
export function acronymOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !NAME_CONNECTORS.has(w.toLowerCase()) && /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

/** An acronym token: 2–6 capitals, optionally dotted ("U.S.", "NATO", "EU"). */
export function isAcronym(token: string): boolean {
  return /^(?:\p{Lu}\.){2,6}$|^\p{Lu}{2,6}s?$/u.test(token);
}

/** "U.S." → "US". */
export function undot(token: string): string {
  return token.replace(/\./g, '');
}

export function lastWord(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? name;
}
