/**
 * Per-language background of the text cosine: how high the cosine of two unrelated articles of one language
 * typically runs. Languages differ in it by a factor of three (bench/similarity, 400 random same-language pairs
 * each, 95th percentile: most languages 0.05–0.07, Chinese 0.02–0.025, whose terms are character bigrams), so one
 * text curve over-rates a pair in one language and under-rates it in another. The same-language text cosine
 * is scaled by (BACKGROUND_REFERENCE / background)^BACKGROUND_EXPONENT before the curve (see textScaleOf). Turkish,
 * suspected of a high background (shared stems), is typical once IDF-weighted (0.06).
 *
 * The background is kept as a histogram of observed random-pair cosines per language (counts only: cheap to keep,
 * to merge and to store); its BACKGROUND_QUANTILE is the language's background. A language with fewer than
 * BACKGROUND_MIN_PAIRS observations keeps scale 1.
 */
import { lcg } from '../../internal/random.js';

/**
 * Which quantile of random same-language pair cosines is the background. bench/similarity, same-language Pearson with
 * the exponent at 0.5 (exact quantiles of 400 random pairs per language; 0.7492 without the scale): 50th 0.7503, 80th
 * 0.7531, 90th 0.7530, 95th 0.7541 (the upper tail is where unrelated pairs start to look related, which the curve's
 * floor and low tail are about). A scale from the mean instead (0.020 typical, zh 0.008): best 0.7523. Subtracting the
 * background rather than scaling by it: at most 0.7507 (the backgrounds sit below the floor, 0.05, where the curve is flat).
 */
export const BACKGROUND_QUANTILE = 0.95;

/**
 * The background the text curve was tuned at: the 95th percentile is 0.05–0.07 for the nine non-Chinese languages of
 * bench/similarity (400-pair samples, five seeds: 0.0425–0.085, most 0.05–0.07), and the curve's floor (0.05) and low
 * tail were swept on them. 0.06 taken, so those languages keep a scale near 1.
 */
export const BACKGROUND_REFERENCE = 0.06;

/**
 * How fully the scale follows the background ratio. Swept 0.25/0.5/0.75/1 (95th percentile): same-language Pearson
 * 0.7526/0.7541/0.7539/0.7526 (0.7492 without the scale). 0.5 taken.
 */
export const BACKGROUND_EXPONENT = 0.5;

/**
 * Random pairs a language needs before its background is trusted (fewer: scale 1). At 200 pairs the 95th percentile
 * rests on its top 10 cosines; across five sampling seeds of bench/similarity, single non-Chinese languages then ranged
 * e.g. 0.045–0.065 (Arabic) or 0.055–0.075 (Russian): scale within ±12% of 1, while Chinese stayed at 0.020–0.025
 * (scale 1.55–1.73). Same-language Pearson over those seeds 0.7520–0.7539 at 200 pairs, 0.7511–0.7530 at 400.
 */
export const BACKGROUND_MIN_PAIRS = 200;

/** Bounds of the scale, so one odd sample cannot overturn the curve: a background 4× off the reference at most. */
export const MIN_TEXT_SCALE = 0.5;
export const MAX_TEXT_SCALE = 2;

/** Histogram bin width over the cosine: 0.0025 resolves a background near 0.02 to ±6% (±3% in the scale). */
export const BACKGROUND_BIN = 0.0025;
/** Bins kept; cosines above BACKGROUND_BIN × BACKGROUND_BINS (0.25, far above any background) share the last. */
export const BACKGROUND_BINS = 100;

/** Random pairs per language the benchmark samples at most — twice the trusted minimum. */
export const BACKGROUND_SAMPLE_PAIRS = 400;

/**
 * Random pairs observed per article (a store observes each new article against this many random earlier articles of
 * its language, so a language's pairs grow with its articles); the benchmark samples as many, up to
 * BACKGROUND_SAMPLE_PAIRS. Two keeps the store's cost at two extra cosines per assignment and lets a language be
 * trusted from 100 articles.
 */
export const BACKGROUND_PAIRS_PER_ARTICLE = 2;

/**
 * Scales closer to 1 than e^±SCALE_DEAD_ZONE (±16%) are left at 1: at the trusted minimum a language's scale moves
 * ±12% between sampling seeds alone (see BACKGROUND_MIN_PAIRS), so smaller differences are noise. bench/similarity,
 * same-language Pearson over five seeds: no dead zone 0.7524–0.7549, 0.1 0.7529–0.7549, 0.15 0.7529–0.7549 (only
 * Chinese is then scaled there; the others keep the curve as tuned).
 */
export const SCALE_DEAD_ZONE = 0.15;

/** Scale for a language's same-language text cosine given its background (null: too little data → 1). */
export function textScaleOf(background: number | null): number {
  if (background === null || !(background > 0)) return 1;
  const s = (BACKGROUND_REFERENCE / background) ** BACKGROUND_EXPONENT;
  if (Math.abs(Math.log(s)) < SCALE_DEAD_ZONE) return 1;
  return Math.min(MAX_TEXT_SCALE, Math.max(MIN_TEXT_SCALE, s));
}

/** Random-pair cosine histograms per language. */
export class Backgrounds {
  private readonly bins = new Map<string, number[]>();

  /** Records the text cosine of one random pair of unrelated-by-chance articles of `language`. */
  observe(language: string, cosine: number): void {
    let h = this.bins.get(language);
    if (!h) {
      h = new Array<number>(BACKGROUND_BINS).fill(0);
      this.bins.set(language, h);
    }
    const i = Math.min(BACKGROUND_BINS - 1, Math.max(0, Math.floor(cosine / BACKGROUND_BIN)));
    h[i] = (h[i] as number) + 1;
  }

  /** Observations for a language. */
  count(language: string): number {
    return (this.bins.get(language) ?? []).reduce((s, x) => s + x, 0);
  }

  /** The language's background (upper edge of the bin holding its BACKGROUND_QUANTILE); null below the minimum. */
  background(language: string | null): number | null {
    if (!language) return null;
    const h = this.bins.get(language);
    const n = this.count(language);
    if (!h || n < BACKGROUND_MIN_PAIRS) return null;
    const want = BACKGROUND_QUANTILE * n;
    let seen = 0;
    for (let i = 0; i < h.length; i++) {
      seen += h[i] as number;
      if (seen >= want) return (i + 1) * BACKGROUND_BIN;
    }
    return BACKGROUND_BINS * BACKGROUND_BIN;
  }

  /** The text scale for an article of this language (1 when unknown or too little data). */
  scale(language: string | null): number {
    return textScaleOf(this.background(language));
  }

  /** Counts per language, for storing; `from` restores them. */
  toJSON(): Record<string, number[]> {
    return Object.fromEntries([...this.bins].map(([l, h]) => [l, [...h]]));
  }

  /** JSON of toJSON(), without copying the counts first (written once per assignment, bgstore.ts). */
  serialized(): string {
    return JSON.stringify(Object.fromEntries(this.bins));
  }

  static from(counts: Record<string, readonly number[]>): Backgrounds {
    const b = new Backgrounds();
    for (const [l, h] of Object.entries(counts)) {
      if (h.length !== BACKGROUND_BINS) continue;
      b.bins.set(l, [...h]);
    }
    return b;
  }
}

/**
 * Fills backgrounds from random same-language pairs (BACKGROUND_PAIRS_PER_ARTICLE per item, at most `pairs` per language;
 * deterministic for a seed), the cosine of each given by `cosine`. Items without a language are left out.
 */
export function sampleBackgrounds<T extends { readonly language: string | null }>(
  items: readonly T[],
  cosine: (a: T, b: T) => number,
  pairs = BACKGROUND_SAMPLE_PAIRS,
  seed = 1,
): Backgrounds {
  const byLanguage = new Map<string, T[]>();
  for (const x of items) if (x.language) byLanguage.set(x.language, [...(byLanguage.get(x.language) ?? []), x]);
  const random = lcg(seed);
  const next = (n: number) => Math.floor(random() * n);
  const out = new Backgrounds();
  for (const [language, xs] of [...byLanguage].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (xs.length < 2) continue;
    const n = Math.min(pairs, BACKGROUND_PAIRS_PER_ARTICLE * xs.length);
    for (let k = 0; k < n; k++) {
      const i = next(xs.length);
      const j = (i + 1 + next(xs.length - 1)) % xs.length;
      out.observe(language, cosine(xs[i] as T, xs[j] as T));
    }
  }
  return out;
}
