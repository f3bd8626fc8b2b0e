/**
 * Unicode character classes of single UTF-16 code units, for hand-written scanners on the per-article path: the
 * same answers as the `\p{L}`, `\p{Lu}` and `\p{N}` regular-expression classes, looked up in a table filled on first
 * use (one regex test per distinct character ever seen) instead of running a regex over every word.
 * Surrogate halves are classed as the regex classes them when alone (neither letter nor number): scanners must
 * leave text with surrogate pairs to the regex paths, where a pair is one code point.
 */

/** Class bits. */
export const LETTER = 1;
export const UPPER = 2;
export const NUMBER = 4;
/** Set once a code unit has been classed. */
const KNOWN = 8;

/** Code units 0..0xFFFF. */
const UNITS = 0x10000;
const classes = new Uint8Array(UNITS);

const IS_LETTER = /^\p{L}$/u;
const IS_UPPER = /^\p{Lu}$/u;
const IS_NUMBER = /^\p{N}$/u;

function classify(code: number): number {
  const c = String.fromCharCode(code);
  const bits = KNOWN | (IS_LETTER.test(c) ? LETTER : 0) | (IS_UPPER.test(c) ? UPPER : 0) | (IS_NUMBER.test(c) ? NUMBER : 0);
  classes[code] = bits;
  return bits;
}

/** The class bits of one UTF-16 code unit (LETTER, UPPER, NUMBER). */
export function classOf(code: number): number {
  const bits = classes[code] as number;
  return bits === 0 ? classify(code) : bits;
}

/** ASCII word characters, as `\b` and `\w` see them without the `i` flag: [A-Za-z0-9_]. */
export function isAsciiWord(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

/** UTF-16 surrogates: where present, a character is not one code unit. */
export const SURROGATE = /[\ud800-\udfff]/;
