/**
 * One-pass versions of `words(text).map(hashString)` and `sentenceAnchors(sentences(paragraphs))`
 * for plain text: every character ASCII or one of a few typographic marks that NFKC leaves alone
 * (or turns into a space) and whose class needs no Unicode table. They give exactly what the
 * general functions give (test/dedup/plain-text.test.ts compares them on the benchmark's real
 * articles) and return `null` for any other text, which then takes the general path.
 *
 * Why: the general path normalises, lower-cases and runs Unicode regexes over every stored text
 * (sentence split, tokens, words): about 40 µs of the ~230 µs an insert cost on bench/dedup's
 * synthetic store at 100k (per-step timing; CPU profile: sentence regex 2.8%, token and word
 * regexes 3.3%, `sentenceAnchors` and `words` 7.6% of samples).
 */
import { isDigit, isUpper, joinsNumber } from './chars.js';
import { FNV_OFFSET, FNV_PRIME } from './hash.js';

/** Fewest anchors before long words are added, and the long-word length (same values as `sentenceAnchors`). */
const MIN_ANCHORS = 6;
const LONG_WORD = 8;

const LEFT_SINGLE = 0x2018;
const RIGHT_SINGLE = 0x2019;
const LEFT_DOUBLE = 0x201c;
const RIGHT_DOUBLE = 0x201d;
const NBSP = 0x00a0;
const NARROW_NBSP = 0x202f;
const APOSTROPHE = 0x27;
const BACKTICK = 0x60;

/** Character classes of the ASCII range, as bits (a table lookup instead of comparisons per character). */
const UPPER = 1;
const LOWER = 2;
const DIGIT = 4;
const SPACE = 8;
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) =>
  c >= 65 && c <= 90 ? UPPER : c >= 97 && c <= 122 ? LOWER : c >= 48 && c <= 57 ? DIGIT : c === 32 || (c >= 9 && c <= 13) ? SPACE : 0,
);

function classOf(c: number): number {
  return c < 128 ? (ASCII_CLASS[c] ?? 0) : c === NBSP || c === NARROW_NBSP ? SPACE : 0;
}
/** `\s` restricted to the allowed characters. */
function isSpace(c: number): boolean {
  return classOf(c) === SPACE;
}
function lower(c: number): number {
  return isUpper(c) ? c + 32 : c;
}

/** Whether every character of `s` is ASCII or allowed. */
export function isPlain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127 && !isAllowedWide(c)) return false;
  }
  return true;
}

/** Non-ASCII characters allowed: quotes, dashes, no-break spaces (NFKC: unchanged, or a space). */
function isAllowedWide(c: number): boolean {
  return c === LEFT_SINGLE || c === RIGHT_SINGLE || c === LEFT_DOUBLE || c === RIGHT_DOUBLE || c === 0x2013 || c === 0x2014 || c === NBSP || c === NARROW_NBSP;
}

/** Letters and digits of the ASCII range, lower-cased (0: not a word character): one table lookup per character. */
const WORD_CHAR = Uint8Array.from({ length: 128 }, (_, c) => ((ASCII_CLASS[c] ?? 0) & (UPPER | LOWER | DIGIT) ? lower(c) : 0));
/** As `WORD_CHAR`, letters only (what may follow an apostrophe). */
const LETTER_CHAR = Uint8Array.from({ length: 128 }, (_, c) => ((ASCII_CLASS[c] ?? 0) & (UPPER | LOWER) ? lower(c) : 0));

/** The lower-cased word character `c` (a letter or digit), or 0. */
function wordChar(c: number): number {
  return c < 128 ? (WORD_CHAR[c] ?? 0) : 0;
}
function letterChar(c: number): number {
  return c < 128 ? (LETTER_CHAR[c] ?? 0) : 0;
}

/**
 * `words(text).map(hashString)`, or `null` when `text` is not plain. One pass that checks plainness
 * as it goes (a separate `isPlain` pass and per-character class calls made it ~2× slower: 10 → 5 µs
 * for a 250-word text, bench/dedup's synthetic articles).
 */
export function plainWordHashes(text: string): number[] | null {
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let l = wordChar(c);
    if (l === 0) {
      if (c > 127 && !isAllowedWide(c)) return null;
      i++;
      continue;
    }
    let h = FNV_OFFSET;
    do {
      h = Math.imul(h ^ l, FNV_PRIME);
      c = text.charCodeAt(++i);
      l = wordChar(c);
    } while (l !== 0);
    // an apostrophe (any of ' ` ‘ ’, folded to ') followed by letters stays in the word
    if ((c === APOSTROPHE || c === BACKTICK || c === LEFT_SINGLE || c === RIGHT_SINGLE) && letterChar(text.charCodeAt(i + 1)) !== 0) {
      h = Math.imul(h ^ APOSTROPHE, FNV_PRIME);
      i++;
      for (l = letterChar(text.charCodeAt(i)); l !== 0; l = letterChar(text.charCodeAt(++i))) h = Math.imul(h ^ l, FNV_PRIME);
    }
    out.push(h | 0);
  }
  return out;
}

function isEnd(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

/** End punctuation, optionally followed by a closing quote or bracket, right before position `i`. */
function endsSentence(s: string, i: number): boolean {
  const c = s.charCodeAt(i - 1);
  if (isEnd(c)) return true;
  const closing = c === APOSTROPHE || c === 34 || c === RIGHT_SINGLE || c === RIGHT_DOUBLE || c === 41 || c === 93;
  return closing && isEnd(s.charCodeAt(i - 2));
}

/** An upper-case letter, digit or opening quote or bracket at position `j`. */
function startsSentence(s: string, j: number): boolean {
  const c = s.charCodeAt(j);
  return isUpper(c) || isDigit(c) || c === APOSTROPHE || c === 34 || c === LEFT_SINGLE || c === LEFT_DOUBLE || c === 40;
}

/** Adds `h` to `list` unless present (a sentence holds a handful of anchors: a scan beats a Set). */
function addDistinct(list: number[], h: number): void {
  if (!list.includes(h)) list.push(h);
}

const NEWLINE = 10;

/**
 * Scans one paragraph: pushes each sentence's distinct anchors to `anchors` and, when `longs` is
 * given, its long words to `longs`; returns the number of anchors added, or -1 when the paragraph is
 * not plain. A newline always ends a sentence (as `sentences` splits lines first). The long words
 * are needed only when a text has fewer than `MIN_ANCHORS` anchors, so the common pass skips them.
 */
function scanParagraph(p: string, anchors: number[][], longs: number[][] | null): number {
  let count = 0;
  let mine: number[] = [];
  let long: number[] = [];
  let open = false;
  let first = true;
  const n = p.length;
  let i = 0;
  while (i < n) {
    const c = p.charCodeAt(i);
    if (isSpace(c)) {
      let j = i;
      let newline = false;
      for (; j < n; j++) {
        const d = p.charCodeAt(j);
        if (d === NEWLINE) newline = true;
        else if (!isSpace(d)) break;
      }
      if (open && (newline || (endsSentence(p, i) && startsSentence(p, j)))) {
        count += mine.length;
        anchors.push(mine);
        longs?.push(long);
        mine = [];
        long = [];
        open = false;
        first = true;
      }
      i = j;
      continue;
    }
    open = true;
    if (wordChar(c) === 0) {
      if (c > 127 && !isAllowedWide(c)) return -1;
      i++;
      continue;
    }
    // h: the token with numbers joined (an anchor); part: the token as the unjoined text has it (a long word)
    let h = FNV_OFFSET;
    let part = FNV_OFFSET;
    let partLen = 0;
    let digit = false;
    for (; i < n; i++) {
      const d = p.charCodeAt(i);
      const l = wordChar(d);
      if (l !== 0) {
        if (l <= 57) digit = true;
        h = Math.imul(h ^ l, FNV_PRIME);
        if (longs) part = Math.imul(part ^ l, FNV_PRIME);
        partLen++;
      } else if (joinsNumber(p, i)) {
        if (longs && partLen >= LONG_WORD) long.push(part | 0);
        part = FNV_OFFSET;
        partLen = 0;
      } else break;
    }
    if (digit || (!first && isUpper(c))) addDistinct(mine, h | 0);
    if (longs && partLen >= LONG_WORD) long.push(part | 0);
    first = false;
  }
  if (open) {
    count += mine.length;
    anchors.push(mine);
    longs?.push(long);
  }
  return count;
}

/**
 * `sentenceAnchors(sentences(paragraphs.map(NFKC)))` as sets per sentence (the order inside a
 * sentence's list may differ; every caller treats them as sets), or `null` when a paragraph is not plain.
 */
export function plainSentenceAnchors(paragraphs: readonly string[]): number[][] | null {
  const anchors: number[][] = [];
  let count = 0;
  for (const p of paragraphs) {
    const added = scanParagraph(p, anchors, null);
    if (added < 0) return null;
    count += added;
  }
  if (count >= MIN_ANCHORS) return anchors;
  // too few names and numbers: long words join in (as `sentenceAnchors` does), from a second pass
  const again: number[][] = [];
  const longs: number[][] = [];
  for (const p of paragraphs) scanParagraph(p, again, longs);
  return again.map((a, k) => [...new Set([...a, ...(longs[k] ?? [])])]);
}
