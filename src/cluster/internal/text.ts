/**
 * Language-light text features: word tokens, truncation stems, transliteration for name keys.
 * No stop-word lists: common words are weighed down by IDF instead, so every language is treated alike.
 */
import { classOf, LETTER, NUMBER, SURROGATE } from './letters.js';

/** Tokens shorter than this carry little topic signal (CJK is handled by character bigrams instead). */
export const MIN_TOKEN_LENGTH = 3;
/**
 * Words are cut to this many characters, a language-independent stand-in for lemmas
 * ("negotiations"/"negotiated" → "negot"). Swept 4–8 on bench/similarity (same-language Pearson 0.676, 0.672, 0.664, 0.659, 0.655): 4 and 5 tie within noise; 5 keeps more names apart.
 */
export const STEM_LENGTH = 5;

const HAN = /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}/u;

/** A character outside ASCII (text without one is left as it is by normalisation and accent removal). */
const NOT_ASCII = /[^\p{ASCII}]/u;

/** Whether every character of `s` is ASCII (fold() of such a string is its lower case). */
export function isAscii(s: string): boolean {
  return !NOT_ASCII.test(s);
}

/** Lower-cased, compatibility-normalised, accents removed. */
export function fold(s: string): string {
  if (!NOT_ASCII.test(s)) return s.toLowerCase();
  return foldNonAscii(s);
}

/** fold() of a string known to hold a character outside ASCII. */
export function foldNonAscii(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/**
 * Arabic writes the article and one-letter conjunctions and prepositions onto the word ("and-with-the-house"),
 * so a truncated stem of such a word is mostly prefix. Stripped only in front of the article ال (or its
 * contracted form لل after li-), where the split is unambiguous, and only when a stem of at least
 * ARABIC_MIN_REST letters remains. The prefix letters are the ones Arabic grammars list as attached
 * particles (wa, fa; bi, ka, li); no word list. Measured on bench/similarity ar-ar text cosine: 0.397 → 0.430.
 */
const ARABIC_CLITICS = /^[وف]?[بكل]?(?:ال|لل)/u;
const ARABIC_MIN_REST = 2;
const ARABIC = /\p{Script=Arabic}/u;

/** A word without its attached Arabic particles and article (other scripts unchanged). */
export function stripClitics(word: string): string {
  if (!ARABIC.test(word)) return word;
  const m = ARABIC_CLITICS.exec(word);
  if (!m) return word;
  const rest = word.slice(m[0].length);
  return [...rest].length >= ARABIC_MIN_REST ? rest : word;
}

/** Term stems of a text: truncated words for alphabetic scripts, character bigrams for CJK runs. */
export function stems(text: string, out: string[] = [], surfaces?: Map<string, string>): string[] {
  return stemsOfFolded(fold(text), out, surfaces);
}

/** stems() of a text already folded (fold()); `surfaces` gets each new stem's first (trimmed) word. */
export function stemsOfFolded(folded: string, out: string[] = [], surfaces?: Map<string, string>): string[] {
  // Script tests once per text: a text without Han (or Arabic, or surrogate pairs) has no word with them.
  const han = HAN.test(folded);
  const arabic = ARABIC.test(folded);
  const oneUnit = !SURROGATE.test(folded);
  if (!han && !arabic && oneUnit) return scanStems(folded, out, surfaces);
  const words = folded.match(/[\p{L}][\p{L}\p{N}'’-]*/gu) ?? [];
  for (const w0 of words) {
    const last = w0.charCodeAt(w0.length - 1);
    const trimmed = last === 0x27 || last === 0x2019 || last === 0x2d ? w0.replace(/['’-]+$/u, '') : w0;
    const w = arabic ? stripClitics(trimmed) : trimmed;
    if (han && HAN.test(w)) {
      const chars = [...w].filter((c) => HAN.test(c));
      for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
      continue;
    }
    if ((oneUnit ? w.length : [...w].length) < MIN_TOKEN_LENGTH) continue;
    const stem = oneUnit ? w.slice(0, STEM_LENGTH) : [...w].slice(0, STEM_LENGTH).join('');
    out.push(stem);
    if (surfaces && !surfaces.has(stem)) surfaces.set(stem, w);
  }
  return out;
}

/**
 * Counts the stems of a folded text (in a Map: counting there measured ~2× cheaper than in a record), in the order
 * first met. A stem new to `counts` and to `seen` (stems of an earlier part, e.g. the title) whose first word
 * differs from it is reported to `onSurface` (display forms).
 *
 * Tried and reverted (session 6, 2026-11-21), all exact: (1) counting in a per-article open-addressing table keyed by
 * the stem's characters, cutting a stem out only when first met: no gain (bench:cluster-features within noise; paired
 * 100k probe −6/−4/−7% second, +5% first). (2) One string per stem for the whole process (2^17 stems packed 7 bits a
 * character into a Float64Array table), so record stores get keys V8 has already interned: the display-form store
 * (featuresOf onSurface) fell from 4.9% to 1.6% of assignment CPU in the 100k profile, but the table's own cache
 * misses cost as much (paired −5.6%/−2.9%; alternating solo probes 870/872 vs 900/914, then 919/968 vs 886/930: no
 * gain once drift is taken out). (3) A 4,096-slot cache of recent stems: paired −2.9%/−1.3%. The interning is real:
 * storing the display forms after the terms moved its cost into the terms loop (featuresOf self 11% → 52%).
 * (4, session 7, 2026-11-22) A bounded process-wide Map from each stem to the string first met (2^17 stems, cleared
 * when full), asked when a stem is new to the article, so records are keyed by strings V8 has already internalized:
 * bench A/B in one process, featuresOf 84.2 vs 75.4 µs (slower) with a small string table, 80.7 vs 93.5 (faster)
 * after interning 1M other strings; paired 100k probe −8.1% (second) and +2.3% (first); in a profiled paired probe
 * the display-form store fell 179 → 72 ms but the word scan rose 261 → 419 ms (the map's own lookups): reverted.
 */
export function countStems(
  folded: string,
  counts: Map<string, number>,
  onSurface: (stem: string, word: string) => void,
  seen?: ReadonlyMap<string, number>,
): Map<string, number> {
  if (!HAN.test(folded) && !ARABIC.test(folded) && !SURROGATE.test(folded)) return scanCount(folded, counts, onSurface, seen);
  const words = new Map<string, string>();
  for (const stem of stemsOfFolded(folded, [], words)) {
    const n = counts.get(stem);
    if (n === undefined && !seen?.has(stem)) {
      const word = words.get(stem);
      if (word !== undefined && word !== stem) onSurface(stem, word);
    }
    counts.set(stem, (n ?? 0) + 1);
  }
  return counts;
}

/** Characters that end a word's trailing run of apostrophes and hyphens (`'`, `’`, `-`). */
function isTrailer(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2d;
}

/**
 * The word pattern `[\p{L}][\p{L}\p{N}'’-]*` scanned by hand over a text whose characters are one code unit each
 * and which has no Han or Arabic: calls `visit(start, end)` for each word of at least MIN_TOKEN_LENGTH (trailing
 * apostrophes and hyphens cut off), so callers cut out only what they need.
 */
function scanWords(t: string, visit: (start: number, end: number) => void): void {
  const n = t.length;
  let i = 0;
  while (i < n) {
    if ((classOf(t.charCodeAt(i)) & LETTER) === 0) {
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < n) {
      const c = t.charCodeAt(i);
      if ((classOf(c) & (LETTER | NUMBER)) === 0 && !isTrailer(c)) break;
      i++;
    }
    let end = i;
    while (isTrailer(t.charCodeAt(end - 1))) end--;
    if (end - start >= MIN_TOKEN_LENGTH) visit(start, end);
  }
}

/** stems() by the hand scan of scanWords(): only the stems (and new stems' words) are cut out, not every word. */
function scanStems(t: string, out: string[], surfaces?: Map<string, string>): string[] {
  scanWords(t, (start, end) => {
    const stem = t.slice(start, end - start > STEM_LENGTH ? start + STEM_LENGTH : end);
    out.push(stem);
    if (surfaces && !surfaces.has(stem)) surfaces.set(stem, end - start > STEM_LENGTH ? t.slice(start, end) : stem);
  });
  return out;
}

/** countStems() by the hand scan of scanWords(): the word is cut out only for a new stem it is longer than. */
function scanCount(
  t: string,
  counts: Map<string, number>,
  onSurface: (stem: string, word: string) => void,
  seen?: ReadonlyMap<string, number>,
): Map<string, number> {
  scanWords(t, (start, end) => {
    const long = end - start > STEM_LENGTH;
    const stem = t.slice(start, long ? start + STEM_LENGTH : end);
    const had = counts.get(stem);
    if (had === undefined && long && !seen?.has(stem)) onSurface(stem, t.slice(start, end));
    counts.set(stem, (had ?? 0) + 1);
  });
  return counts;
}

/** A string of ASCII characters with no capital letter: fold() leaves it as it is. */
export function isFoldedAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || (c >= 0x41 && c <= 0x5a)) return false;
  }
  return true;
}

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  є: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};
const GREEK: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

/** Latin transliteration of Cyrillic and Greek letters (other scripts pass through). */
export function transliterate(s: string): string {
  let out = '';
  for (const c of s) out += CYRILLIC[c] ?? GREEK[c] ?? c;
  return out;
}

/** Length of a name key: long enough to tell names apart, short enough to absorb endings and spellings. */
export const NAME_KEY_LENGTH = 5;

/**
 * A spelling-tolerant key for one name word, equal across scripts and common spellings:
 * folded, transliterated, then w→v, y/j→i, kh→h, ph→f, doubled letters collapsed, cut to NAME_KEY_LENGTH
 * (Zelensky / Zelenskyy / Зеленский → "zelen"; Putin / Путин → "putin").
 */
export function nameKey(word: string): string {
  const hit = nameKeys.get(word);
  if (hit !== undefined) return hit;
  if (nameKeys.size >= NAME_KEYS_KEPT) nameKeys.clear();
  const k = computeNameKey(word);
  nameKeys.set(word, k);
  return k;
}

/**
 * Name keys remembered (a pure function of the word, asked for every capitalised word of every article; the same
 * names recur across a story's reports). 50k words of ~10 characters is a few MB; cleared whole when full.
 */
const NAME_KEYS_KEPT = 50_000;
const nameKeys = new Map<string, string>();

function computeNameKey(word: string): string {
  const t = transliterate(fold(word))
    .replace(/[^\p{L}\p{N}]/gu, '')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/[yj]/g, 'i')
    .replace(/(.)\1+/gu, '$1');
  return [...t].slice(0, NAME_KEY_LENGTH).join('');
}
