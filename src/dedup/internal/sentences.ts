/**
 * Sentence features for alignment: content terms reduced to a fixed-length prefix (a crude,
 * language-independent stemmer), each with a class weight — numbers and names count more
 * because paraphrases keep them while they change the words around them.
 */
import { joinNumbers } from './anchors.js';

/**
 * Terms are cut to this many code points ("negotiations"/"negotiated" → "negoti", "Ukraine"/"Ukrainian"
 * → "ukrain"). Chosen by that reasoning, not swept: the synthetic rewrites of bench/dedup are found at
 * 1.00 recall with it, so that benchmark cannot separate nearby values.
 */
const STEM_LENGTH = 6;
/** Words shorter than this (code points) are function words in most languages and are skipped, unless numbers or names. */
const MIN_TERM_LENGTH = 4;
/**
 * Class weights: numbers and names are what a paraphrase keeps, so they count more. Set by that
 * reasoning (not swept, for the reason given for STEM_LENGTH).
 */
export const NUMBER_WEIGHT = 2;
export const NAME_WEIGHT = 1.5;
export const WORD_WEIGHT = 1;

export interface SentenceFeatures {
  readonly text: string;
  /** Word count (for coverage). */
  readonly words: number;
  /** Stemmed term → class weight. */
  readonly terms: ReadonlyMap<string, number>;
  /** The sentence's number tokens (thousands separators removed), for the number-agreement check. */
  readonly numbers: ReadonlySet<string>;
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const UPPER_START = /^\p{Lu}/u;
const HAS_DIGIT = /\p{N}/u;

/** Features per sentence; a sentence repeating an earlier one verbatim gets no terms and no words (it adds nothing to align). */
export function sentenceFeatures(sentences: readonly string[]): SentenceFeatures[] {
  const seen = new Set<string>();
  return sentences.map((text) => {
    const norm = (text.normalize('NFKC').toLowerCase().match(TOKEN) ?? []).join(' ');
    if (seen.has(norm)) return { text, words: 0, terms: new Map<string, number>(), numbers: new Set<string>() };
    seen.add(norm);
    const toks = joinNumbers(text.normalize('NFKC')).match(TOKEN) ?? [];
    const terms = new Map<string, number>();
    const numbers = new Set<string>();
    toks.forEach((t, i) => {
      const chars = [...t.toLowerCase()];
      let w: number;
      if (HAS_DIGIT.test(t)) {
        w = NUMBER_WEIGHT;
        numbers.add(t.toLowerCase());
      } else if (i > 0 && UPPER_START.test(t)) w = NAME_WEIGHT;
      else if (chars.length >= MIN_TERM_LENGTH) w = WORD_WEIGHT;
      else return;
      const stem = chars.slice(0, STEM_LENGTH).join('');
      terms.set(stem, Math.max(w, terms.get(stem) ?? 0));
    });
    return { text, words: toks.length, terms, numbers };
  });
}
