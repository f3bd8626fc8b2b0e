/**
 * The shared-anchor bound (see `sharedAnchorBound`) read straight from a stored paragraph list's
 * JSON, without parsing it, normalising it or running a Unicode regex over it: one pass over the
 * characters. A candidate found only through name bands is usually rejected by this bound, so its
 * cost is what a false candidate costs (on the real articles of bench/dedup: JSON.parse, NFKC and
 * the token regex took ~80 µs per candidate, about 60 of them in the regex).
 *
 * The pass applies only when every character is one NFKC leaves alone and whose class is known
 * without Unicode tables: ASCII, the typographic quotes and dashes, and the two no-break spaces
 * (NFKC turns those into a space, which separates tokens and joins numbers exactly as they do).
 * Anything else (accented letters, other scripts, `\u` escapes, an empty list) returns `null`: the
 * caller parses and uses the general bound.
 */
import { isDigit, isLower, isUpper, joinsNumber } from './chars.js';
import { FNV_OFFSET, FNV_PRIME } from './hash.js';

/** Words at least this long count in the bound: `sentenceAnchors` adds them when a text has few anchors (same value as there). */
const LONG_WORD = 8;

/** Non-ASCII characters that are NFKC-stable, compose with nothing and are neither letters nor digits. */
const PLAIN_PUNCTUATION = new Set([0x2018, 0x2019, 0x201c, 0x201d, 0x2013, 0x2014]);
/** No-break spaces: NFKC makes them a space, and `joinNumbers` joins across them like a space. */
const NO_BREAK_SPACES = new Set([0x00a0, 0x202f]);
const BACKSLASH = 0x5c;
const QUOTE = 0x22;

function isAlnum(c: number): boolean {
  return isUpper(c) || isLower(c) || isDigit(c);
}

/**
 * `sharedAnchorBound` for paragraphs stored as the JSON array `json`; `null` when a character
 * needs Unicode normalisation or tables (the caller then parses the JSON).
 */
export function sharedAnchorBoundJson(json: string, anchors: ReadonlySet<number>): number | null {
  const seen = new Set<number>();
  const n = json.length;
  let strings = 0;
  let inString = false;
  let i = 0;
  while (i < n) {
    const c = json.charCodeAt(i);
    if (!inString) {
      if (c === QUOTE) {
        inString = true;
        strings++;
      }
      i++;
    } else if (isAlnum(c)) {
      // one token: hashString(token.toLowerCase()) computed as it is read, numbers joined as `joinNumbers` does
      let hash = FNV_OFFSET;
      let len = 0;
      let digit = false;
      let j = i;
      for (; j < n; j++) {
        const d = json.charCodeAt(j);
        if (isAlnum(d)) {
          if (isDigit(d)) digit = true;
          hash = Math.imul(hash ^ (isUpper(d) ? d + 32 : d), FNV_PRIME);
          len++;
        } else if (!joinsNumber(json, j)) break;
      }
      if (isUpper(c) || digit || len >= LONG_WORD) {
        const h = hash | 0;
        if (anchors.has(h)) seen.add(h);
      }
      i = j;
    } else if (c === QUOTE) {
      inString = false;
      i++;
    } else if (c === BACKSLASH) {
      // \" \\ \/ \b \f \n \r \t separate tokens; \uXXXX could be anything
      if (json.charCodeAt(i + 1) === 0x75) return null;
      i += 2;
    } else if (c > 127 && !PLAIN_PUNCTUATION.has(c) && !NO_BREAK_SPACES.has(c)) return null;
    else i++;
  }
  // no paragraph at all: the stage reads the text instead (`paragraphsOf`)
  return strings === 0 ? null : seen.size;
}
