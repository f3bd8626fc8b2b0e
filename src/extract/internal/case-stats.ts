/**
 * Per-sentence letter-case statistics, computed once per analysis: the share of upper-case
 * letters (ALL-CAPS teasers) and the share of capitalised words (Title-Case headlines).
 */
import type { Analysis } from '../types.js';

export interface CaseStats {
  /** Upper-case letters / letters, per sentence. */
  readonly upper: Float32Array;
  /** Capitalised words / words, per sentence (0 when the sentence has fewer than `minWords`). */
  readonly title: Float32Array;
}

/** Fewest words for the title-case share to count (short lines like "Vladimir Putin" are names, not headlines). */
export const TITLE_CASE_MIN_WORDS = 6;

const cache = new WeakMap<Analysis, CaseStats>();

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /\p{L}/u.test(String.fromCharCode(c)));
}
function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c > 127 && /\p{Lu}/u.test(String.fromCharCode(c)));
}

export function caseStats(analysis: Analysis): CaseStats {
  const hit = cache.get(analysis);
  if (hit) return hit;
  const n = analysis.sentences.length;
  const upper = new Float32Array(n);
  const title = new Float32Array(n);
  const text = analysis.text;
  for (let i = 0; i < n; i++) {
    const s = analysis.sentences[i] as Analysis['sentences'][number];
    let letters = 0;
    let ups = 0;
    let words = 0;
    let capWords = 0;
    let inWord = false;
    for (let k = s.span.start; k < s.span.end; k++) {
      const c = text.charCodeAt(k);
      if (isLetter(c)) {
        letters++;
        const up = isUpper(c);
        if (up) ups++;
        if (!inWord) {
          words++;
          if (up) capWords++;
          inWord = true;
        }
      } else if (c !== 39 && c !== 0x2019 && c !== 45) inWord = false;
    }
    upper[i] = letters ? ups / letters : 0;
    title[i] = words >= TITLE_CASE_MIN_WORDS ? capWords / words : 0;
  }
  const stats = { upper, title };
  cache.set(analysis, stats);
  return stats;
}
