/**
 * Repeated blocks inside one article: runs of sentences that occur again later in the same text
 * (a body pasted twice, a caption repeating a body sentence). Works on raw paragraphs, before or
 * after cleaning; sentence matching is verbatim-or-nearly (word-shingle containment), no word lists.
 */
import { intersectionSize, shingleHashes } from './internal/doc.js';
import { sentences as splitSentences, words } from './internal/text.js';

/** Where a block starts: paragraph index and sentence index inside that paragraph. */
export interface BlockPosition {
  readonly paragraph: number;
  readonly sentence: number;
}

export interface RepeatedBlock {
  /** Start of the first occurrence. */
  readonly first: BlockPosition;
  /** Start of the repeat. */
  readonly repeat: BlockPosition;
  /** Sentences in the repeated run. */
  readonly sentences: number;
  readonly words: number;
  /** Mean sentence similarity of the run (1 = verbatim). */
  readonly similarity: number;
  /** The repeated text as it appears at the repeat. */
  readonly text: string;
}

export interface RepeatOptions {
  /** Sentences shorter than this (words) are never matched: "Read more", bylines, labels. */
  readonly minSentenceWords: number;
  /** Blocks shorter than this (words) are not reported. */
  readonly minBlockWords: number;
  /** Share of the shorter sentence's 3-word shingles found in the other for a near-verbatim repeat. */
  readonly minContainment: number;
}

export const defaultRepeatOptions: RepeatOptions = {
  // 5 words: shorter lines ("ON NOW", "Follow us on:") repeat on many pages by design.
  minSentenceWords: 5,
  // 12 words ≈ one real sentence: a repeated block must carry content to matter.
  minBlockWords: 12,
  // 0.8: a caption that repeats a body sentence and appends a photo credit still matches,
  // while two sentences that merely share a name and a verb phrase (≤ 0.5) do not.
  minContainment: 0.8,
};

/** Shingle length for sentence matching (3 words: sentences are short, 4 would drop most of a 6-word line). */
const SENTENCE_SHINGLE = 3;

interface Unit {
  readonly pos: BlockPosition;
  readonly text: string;
  readonly words: number;
  readonly shingles: Int32Array;
}

function unitsOf(paragraphs: readonly string[]): Unit[] {
  const units: Unit[] = [];
  paragraphs.forEach((p, paragraph) => {
    splitSentences([p]).forEach((text, sentence) => {
      const ws = words(text);
      units.push({ pos: { paragraph, sentence }, text, words: ws.length, shingles: shingleHashes(ws, SENTENCE_SHINGLE) });
    });
  });
  return units;
}

/** For each unit, the best earlier unit it repeats (index and similarity), if any. */
function matchEarlier(units: readonly Unit[], o: RepeatOptions): ({ at: number; sim: number } | null)[] {
  const postings = new Map<number, number[]>();
  return units.map((u, k) => {
    let best: { at: number; sim: number } | null = null;
    if (u.words >= o.minSentenceWords) {
      const counts = new Map<number, number>();
      for (const h of u.shingles) for (const e of postings.get(h) ?? []) counts.set(e, (counts.get(e) ?? 0) + 1);
      for (const e of counts.keys()) {
        const other = units[e]!;
        const shared = intersectionSize(u.shingles, other.shingles);
        const sim = shared / Math.min(u.shingles.length, other.shingles.length);
        if (sim >= o.minContainment && (!best || sim > best.sim)) best = { at: e, sim };
      }
      for (const h of u.shingles) {
        let p = postings.get(h);
        if (!p) {
          p = [];
          postings.set(h, p);
        }
        p.push(k);
      }
    }
    return best;
  });
}

/** Runs of sentences that repeat earlier runs, longest first within reading order. */
export function repeatedBlocks(paragraphs: readonly string[], options: Partial<RepeatOptions> = {}): RepeatedBlock[] {
  const o = { ...defaultRepeatOptions, ...options };
  const units = unitsOf(paragraphs);
  const match = matchEarlier(units, o);
  const blocks: RepeatedBlock[] = [];
  let k = 0;
  while (k < units.length) {
    const m = match[k];
    if (!m) {
      k++;
      continue;
    }
    // extend the run while the next sentence repeats the sentence after the previous match
    let end = k + 1;
    let prev = m.at;
    let simSum = m.sim;
    while (end < units.length && match[end] && match[end]!.at === prev + 1 && prev + 1 < k) {
      prev = match[end]!.at;
      simSum += match[end]!.sim;
      end++;
    }
    const run = units.slice(k, end);
    const nWords = run.reduce((n, u) => n + u.words, 0);
    if (nWords >= o.minBlockWords) {
      blocks.push({
        first: units[m.at]!.pos,
        repeat: units[k]!.pos,
        sentences: run.length,
        words: nWords,
        similarity: Math.round((simSum / run.length) * 1000) / 1000,
        text: run.map((u) => u.text).join(' '),
      });
    }
    k = end;
  }
  return blocks;
}
