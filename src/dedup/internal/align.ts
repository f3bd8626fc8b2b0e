/**
 * Sentence alignment between two texts, independent of sentence order: every sentence pair is
 * scored by weighted Dice over stemmed terms, where each term's weight is its class weight times
 * an inverse sentence frequency computed over the two texts only (so a term both texts repeat
 * everywhere — the story's main name — counts little, and no global word list is needed).
 * A pair's score is scaled by the agreement of the two sentences' numbers (see `numberAgreement`).
 * Pairs are then matched one-to-one, best first.
 */
import type { SentenceFeatures } from './sentences.js';

export interface AlignedPair {
  /** Sentence index in the first text. */
  readonly i: number;
  /** Sentence index in the second text. */
  readonly j: number;
  readonly score: number;
}

export interface Alignment {
  readonly pairs: readonly AlignedPair[];
  /** Share of the first text's words inside aligned sentences. */
  readonly coverageA: number;
  readonly coverageB: number;
  /** Mean score of the aligned pairs (0 when none). */
  readonly meanScore: number;
}

function idfWeights(a: readonly SentenceFeatures[], b: readonly SentenceFeatures[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const s of [...a, ...b]) for (const t of s.terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = a.length + b.length;
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log(1 + n / d));
  return idf;
}

/**
 * Number agreement of two sentences: 1 when either has no number (a paraphrase may spell one out),
 * else the Dice coefficient of their number sets. A paraphrase keeps a sentence's figures; a
 * sentence of the same outlet's follow-up story ("cut from 14 to nine points", "110 instead of
 * 140") shares the names and the wording but not the numbers, so its score is scaled down by this.
 */
export function numberAgreement(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return 1;
  let shared = 0;
  for (const n of x) if (y.has(n)) shared++;
  return (2 * shared) / (x.size + y.size);
}

function mass(s: SentenceFeatures, idf: ReadonlyMap<string, number>): number {
  let m = 0;
  for (const [t, w] of s.terms) m += w * (idf.get(t) ?? 0);
  return m;
}

/** All pairs scoring at least `minScore`, matched one-to-one greedily by score. */
export function alignSentences(a: readonly SentenceFeatures[], b: readonly SentenceFeatures[], minScore: number): Alignment {
  const idf = idfWeights(a, b);
  const massA = a.map((s) => mass(s, idf));
  const massB = b.map((s) => mass(s, idf));
  // inverted index over b's terms so only sentence pairs sharing a term are scored
  const postings = new Map<string, number[]>();
  b.forEach((s, j) => {
    for (const t of s.terms.keys()) {
      let p = postings.get(t);
      if (!p) {
        p = [];
        postings.set(t, p);
      }
      p.push(j);
    }
  });
  const scored: AlignedPair[] = [];
  a.forEach((s, i) => {
    const shared = new Map<number, number>();
    for (const [t, w] of s.terms) {
      const js = postings.get(t);
      if (!js) continue;
      const idfT = idf.get(t) ?? 0;
      for (const j of js) shared.set(j, (shared.get(j) ?? 0) + Math.min(w, b[j]!.terms.get(t)!) * idfT);
    }
    for (const [j, common] of shared) {
      const denom = massA[i]! + massB[j]!;
      const score = denom > 0 ? ((2 * common) / denom) * numberAgreement(s.numbers, b[j]!.numbers) : 0;
      if (score >= minScore) scored.push({ i, j, score });
    }
  });
  scored.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: AlignedPair[] = [];
  for (const p of scored) {
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    pairs.push(p);
  }
  pairs.sort((x, y) => x.i - y.i);
  const coverage = (feats: readonly SentenceFeatures[], used: Set<number>) => {
    const total = feats.reduce((n, s) => n + s.words, 0);
    let covered = 0;
    for (const k of used) covered += feats[k]!.words;
    return total > 0 ? covered / total : 0;
  };
  const meanScore = pairs.length ? pairs.reduce((n, p) => n + p.score, 0) / pairs.length : 0;
  return { pairs, coverageA: coverage(a, usedA), coverageB: coverage(b, usedB), meanScore };
}
