import { tokens } from './line-shape.js';
import { weightedLength } from './text-weight.js';

/** Shortest paragraph (Latin-character units) checked for repeats at all: about six words. */
const REPEAT_MIN_CHARS = 30;
/** Width of the word n-grams compared for near-repeats. */
const NGRAM = 3;
/** Paragraphs with fewer words are only checked for exact repeats (short lines repeat legitimately). */
const NEAR_MIN_WORDS = 8;
/**
 * A paragraph whose word 3-grams already appeared earlier in the article at this share or more
 * is a repeat (a block pasted twice, a caption or pull quote restating a body sentence).
 * 0.8 leaves room for a changed word or two in every ten.
 */
export const NEAR_REPEAT_SHARE = 0.8;

/** Tracks the text already kept in one article and tells whether a new paragraph repeats it. */
export class RepeatTracker {
  private readonly exact = new Set<string>();
  private readonly grams = new Set<string>();

  /** 'exact', 'near' or null; registers the paragraph when it is new. */
  check(paragraph: string): 'exact' | 'near' | null {
    const words = tokens(paragraph);
    const key = words.join(' ');
    // Short lines ("Buy now", a table label) repeat legitimately; only paragraphs count as repeated blocks.
    if (!key || weightedLength(paragraph) < REPEAT_MIN_CHARS) return null;
    if (this.exact.has(key)) return 'exact';
    const grams: string[] = [];
    for (let i = 0; i + NGRAM <= words.length; i++) grams.push(words.slice(i, i + NGRAM).join(' '));
    if (words.length >= NEAR_MIN_WORDS && grams.length > 0) {
      let seen = 0;
      for (const g of grams) if (this.grams.has(g)) seen++;
      if (seen / grams.length >= NEAR_REPEAT_SHARE) return 'near';
    }
    this.exact.add(key);
    for (const g of grams) this.grams.add(g);
    return null;
  }
}
