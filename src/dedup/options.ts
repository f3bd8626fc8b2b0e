/**
 * Every threshold of the provenance stage, as one typed options object with defaults.
 * Each default says how it was set; `bench/dedup.ts` re-measures them (`npm run bench:dedup`).
 */

export interface ProvenanceOptions {
  /** Words per shingle for MinHash and verbatim overlap. */
  readonly shingleSize: number;
  /** MinHash bands over word shingles (one index row each). */
  readonly shingleBands: number;
  /** MinHash rows (hash functions) per shingle band. */
  readonly shingleRows: number;
  /** MinHash bands over the anchor set (names, numbers): the candidate source for rewrites. */
  readonly anchorBands: number;
  /** MinHash rows per anchor band. */
  readonly anchorRows: number;
  /** A shingle is sampled for the containment index when its hash is 0 modulo this. */
  readonly sampleRate: number;
  /** Most containment samples indexed per article (the smallest hashes win). */
  readonly sampleMax: number;
  /** Index keys whose posting list is longer than this are boilerplate/common and skipped. */
  readonly maxPosting: number;
  /** Most candidates verified per new article (best-hit first). */
  readonly maxCandidates: number;
  /** Shingle Jaccard at or above which two texts are near-copies. */
  readonly nearMinJaccard: number;
  /** A sentence counts as copied when this share of its shingles is in the other text. */
  readonly verbatimSentenceShare: number;
  /** Share of the smaller text's words in copied sentences for a partial copy. */
  readonly partialMinCoverage: number;
  /** Fewest shared shingles for a partial copy (about one short paragraph). */
  readonly partialMinShared: number;
  /** Sentence similarity (weighted Dice) at or above which two sentences align. */
  readonly sentenceMinSimilarity: number;
  /** Share of the smaller text's words in aligned sentences for a rewrite. */
  readonly rewriteMinCoverage: number;
  /** Anchor (name/number) Jaccard below which two texts are not aligned at all (cheap pre-filter). */
  readonly rewriteMinAnchorJaccard: number;
  /** Fewest aligned sentence pairs for a rewrite. */
  readonly rewriteMinPairs: number;
  /** Aligned pairs kept as evidence on a link. */
  readonly evidencePairs: number;
}

export const defaultProvenanceOptions: ProvenanceOptions = {
  // 4 words: with 5, single-word edits in short sentences removed too many shared shingles
  // (near recall 0.95 vs 0.99 on bench/dedup); 3 made same-topic texts share stock phrases.
  shingleSize: 4,
  // 8 bands × 2 rows: candidate probability 1-(1-J²)^8 is 0.90 at J=0.5 and 0.53 at J=0.3, so
  // every near-copy (J ≥ 0.6) is a candidate with p ≥ 0.99; 8 rows keep the index within budget.
  shingleBands: 8,
  shingleRows: 2,
  // 6 bands × 2 rows over names/numbers: p = 0.98 at anchor-Jaccard 0.6 (typical paraphrase),
  // near 0 for unrelated texts; 4 bands lost 6 points of rewrite recall on bench/dedup.
  anchorBands: 8,
  anchorRows: 2,
  // 1/48 of shingles: a 300-word embedded passage carries ~6 samples, so a partial copy shares
  // at least one with p ≈ 0.99; 8 samples cap the row count for long articles.
  sampleRate: 48,
  sampleMax: 8,
  // Posting lists longer than 64 are stock phrases or ubiquitous names; reading them would make
  // inserts linear in the store size. 64 candidates still fit the verification budget.
  maxPosting: 64,
  maxCandidates: 24,
  // Near-copy ≥ 0.6 shingle Jaccard: edited and trimmed copies on bench/dedup score ≥ 0.7,
  // partial copies (local intro + part of the wire text) ≤ 0.55.
  nearMinJaccard: 0.6,
  verbatimSentenceShare: 0.8,
  partialMinCoverage: 0.5,
  partialMinShared: 12,
  // Sentence alignment: paraphrased sentence pairs score 0.45–0.9, unrelated same-topic
  // sentences ≤ 0.4 on bench/dedup; 0.45 is the crossover.
  sentenceMinSimilarity: 0.4,
  rewriteMinCoverage: 0.5,
  rewriteMinAnchorJaccard: 0.3,
  rewriteMinPairs: 3,
  evidencePairs: 12,
};
