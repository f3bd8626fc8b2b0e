/**
 * Shape features of one line of text, language-independent: words, letter case, punctuation.
 * Scripts without case (CJK, Arabic) simply never look ALL-CAPS or Title Case.
 */

/** Sentence-final punctuation across scripts, optionally followed by closing quotes/brackets. */
const SENTENCE_END = /[.!?…。！？؟।][\s"'”’»)\]」』]*$/u;

export interface LineShape {
  readonly words: string[];
  /** Cased letters (Latin, Cyrillic, Greek…) and the upper-case ones among them. */
  readonly cased: number;
  readonly upper: number;
  readonly letters: number;
  readonly endsSentence: boolean;
  /** Words starting with an upper-case letter. */
  readonly capitalised: number;
  readonly hasDigit: boolean;
}

export function shapeOf(line: string): LineShape {
  const words = line.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const letters = line.match(/\p{L}/gu)?.length ?? 0;
  const upper = line.match(/\p{Lu}/gu)?.length ?? 0;
  const cased = upper + (line.match(/[\p{Ll}\p{Lt}]/gu)?.length ?? 0);
  const capitalised = words.filter((w) => /^["'“‘«(]?\p{Lu}/u.test(w)).length;
  return { words, cased, upper, letters, endsSentence: SENTENCE_END.test(line.trim()), capitalised, hasDigit: /\d/.test(line) };
}

/** Share of upper-case letters above which a line is ALL-CAPS (mixed lines such as "… 30-DAY ceasefire agreement: 'THE BALL …'" still count). */
export const ALL_CAPS_SHARE = 0.75;
/** Fewest cased letters for the ALL-CAPS test (acronyms like "NATO" alone are not lines of caps). */
const MIN_CAPS_LETTERS = 6;

/** Share of letters that must be cased for the ALL-CAPS test: "MBC" inside a Korean line does not make it a caps line. */
const MIN_CASED_SHARE = 0.8;

export function isAllCaps(s: LineShape): boolean {
  return s.cased >= MIN_CAPS_LETTERS && s.cased >= s.letters * MIN_CASED_SHARE && s.upper / s.cased >= ALL_CAPS_SHARE && s.words.length >= 2;
}

/** Mean letters per space-separated word above which the script is written without spaces (CJK, Thai). */
const UNSPACED_LETTERS_PER_WORD = 12;

/** True for text in a script written without spaces between words. */
export function isUnspaced(s: LineShape): boolean {
  return s.words.length > 0 && s.letters / s.words.length > UNSPACED_LETTERS_PER_WORD;
}

/** Longest name-shaped line, in words ("Erizia Rubyjeana", "Vladimir Putin", "By Jane Q. Doe"). */
export const NAME_MAX_WORDS = 4;

/** A short line of capitalised words without sentence punctuation or digits: a name, label or heading. */
export function isNameShaped(line: string, s: LineShape): boolean {
  return (
    s.words.length >= 1 &&
    s.words.length <= NAME_MAX_WORDS &&
    s.capitalised === s.words.length &&
    !s.endsSentence &&
    !s.hasDigit &&
    !/[,;:]/.test(line) &&
    s.cased > 0 &&
    !isAllCaps(s)
  );
}

/** Lower-cased word tokens of a text (Unicode letters and digits). */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
