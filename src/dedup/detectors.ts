/**
 * Pairwise detectors. Each one answers a single question about two prepared texts; `classifyPair`
 * asks them in order of strength (exact → near → partial → rewrite) and keeps the first answer.
 * All detectors are symmetric: which text is the source is decided later, by the provenance graph.
 */
import type { DuplicateKind } from '../types.js';
import { type Alignment, alignSentences } from './internal/align.js';
import { type DocInput, type DocView, docView, intersectionSize } from './internal/doc.js';
import { defaultProvenanceOptions, type ProvenanceOptions } from './options.js';

export type { DocInput, DocView } from './internal/doc.js';

/** One aligned sentence pair as evidence: indices into each text's sentences, score, and the sentences. */
export interface EvidencePair {
  readonly i: number;
  readonly j: number;
  readonly score: number;
  readonly a: string;
  readonly b: string;
}

export interface Evidence {
  /** Which test fired, in words. */
  readonly rule: string;
  /** Shingle Jaccard similarity. */
  readonly jaccard: number;
  /** Share of the smaller text's shingles found in the larger. */
  readonly containment: number;
  /** Share of the smaller text's words in sentences found (nearly) verbatim in the other (partial copies). */
  readonly verbatim?: number;
  /** Share of each text's words in aligned sentences (rewrites; also filled for near/partial). */
  readonly coverage?: { readonly a: number; readonly b: number };
  readonly pairs?: readonly EvidencePair[];
}

export interface Detection {
  readonly kind: DuplicateKind;
  readonly score: number;
  readonly evidence: Evidence;
}

export interface Detector {
  readonly name: string;
  /** The kinds this detector can report. */
  readonly kinds: readonly DuplicateKind[];
  detect(a: DocView, b: DocView): Detection | null;
}

/** Longest sentence kept in evidence (characters); longer ones are cut with an ellipsis. */
const EVIDENCE_SENTENCE_CHARS = 240;

/** Prepares a text for the detectors. */
export function prepare(input: DocInput, options: ProvenanceOptions = defaultProvenanceOptions): DocView {
  return docView(input, options.shingleSize);
}

function overlap(a: DocView, b: DocView) {
  const shared = intersectionSize(a.shingles, b.shingles);
  const union = a.shingles.length + b.shingles.length - shared;
  const smaller = Math.min(a.shingles.length, b.shingles.length);
  return { shared, jaccard: union ? shared / union : 0, containment: smaller ? shared / smaller : 0 };
}

function cut(s: string): string {
  return s.length > EVIDENCE_SENTENCE_CHARS ? `${s.slice(0, EVIDENCE_SENTENCE_CHARS - 1)}…` : s;
}

function evidencePairs(a: DocView, b: DocView, al: Alignment, max: number): EvidencePair[] {
  return [...al.pairs]
    .sort((x, y) => y.score - x.score || x.i - y.i)
    .slice(0, max)
    .sort((x, y) => x.i - y.i)
    .map((p) => ({ i: p.i, j: p.j, score: round(p.score), a: cut(a.sentences[p.i]!), b: cut(b.sentences[p.j]!) }));
}

function jaccard(x: Int32Array, y: Int32Array): number {
  const shared = intersectionSize(x, y);
  const union = x.length + y.length - shared;
  return union ? shared / union : 0;
}

function uniqueWords(d: DocView): number {
  return d.features().reduce((n, f) => n + f.words, 0);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function withAlignment(a: DocView, b: DocView, o: ProvenanceOptions, base: Omit<Evidence, 'coverage' | 'pairs'>): Evidence {
  const al = alignSentences(a.features(), b.features(), o.sentenceMinSimilarity);
  return { ...base, coverage: { a: round(al.coverageA), b: round(al.coverageB) }, pairs: evidencePairs(a, b, al, o.evidencePairs) };
}

/** Exact copies: equal normalised text. */
export function exactDetector(): Detector {
  return {
    name: 'exact',
    kinds: ['exact'],
    detect(a, b) {
      if (a.wordCount === 0 || a.key !== b.key) return null;
      return { kind: 'exact', score: 1, evidence: { rule: 'equal normalised text', jaccard: 1, containment: 1 } };
    },
  };
}

/** Near-copies and syndications: high word-shingle Jaccard. */
export function nearDetector(options: Partial<ProvenanceOptions> = {}): Detector {
  const o = { ...defaultProvenanceOptions, ...options };
  return {
    name: 'near',
    kinds: ['near'],
    detect(a, b) {
      if (a.key === b.key) return null;
      const ov = overlap(a, b);
      if (ov.jaccard < o.nearMinJaccard) return null;
      const rule = `shingle Jaccard ${round(ov.jaccard)} ≥ ${o.nearMinJaccard}`;
      return {
        kind: 'near',
        score: round(ov.jaccard),
        evidence: withAlignment(a, b, o, { rule, jaccard: round(ov.jaccard), containment: round(ov.containment) }),
      };
    },
  };
}

/**
 * Partial copies: a large part of the smaller text is copied sentence for sentence into the larger,
 * which has much else besides. Counting whole verbatim sentences (not loose shingles) keeps
 * paraphrases, which alter every sentence a little, out of this kind.
 */
export function partialDetector(options: Partial<ProvenanceOptions> = {}): Detector {
  const o = { ...defaultProvenanceOptions, ...options };
  return {
    name: 'partial',
    kinds: ['partial'],
    detect(a, b) {
      const ov = overlap(a, b);
      if (ov.jaccard >= o.nearMinJaccard || ov.shared < o.partialMinShared) return null;
      const [small, large] = uniqueWords(a) <= uniqueWords(b) ? [a, b] : [b, a];
      const v = verbatimShare(small, large, o.verbatimSentenceShare);
      const verbatim = v.coverage;
      // either most of the smaller text is copied, or one long unbroken passage of it is (a wire
      // story's opening paragraphs reused before the copy continues with its own reporting)
      const block = v.runSentences >= o.partialMinRunSentences && v.runWords >= o.partialMinRunWords && verbatim >= o.partialMinRunCoverage;
      if (verbatim < o.partialMinCoverage && !block) return null;
      const rule =
        verbatim >= o.partialMinCoverage
          ? `${Math.round(verbatim * 100)}% of the smaller text copied sentence for sentence (${ov.shared} shared shingles)`
          : `a passage of ${v.runSentences} consecutive sentences (${v.runWords} words, ${Math.round(verbatim * 100)}% of the smaller text) copied verbatim`;
      return {
        kind: 'partial',
        score: round(verbatim),
        evidence: withAlignment(a, b, o, { rule, jaccard: round(ov.jaccard), containment: round(ov.containment), verbatim: round(verbatim) }),
      };
    },
  };
}

interface VerbatimShare {
  /** Share of the text's words in sentences copied (nearly) verbatim. */
  readonly coverage: number;
  /** Words and sentences of the longest run of consecutive copied sentences. */
  readonly runWords: number;
  readonly runSentences: number;
}

/** How much of `small`'s distinct-sentence words sit in sentences whose shingles are mostly inside `large`. */
function verbatimShare(small: DocView, large: DocView, minShare: number): VerbatimShare {
  const feats = small.features();
  const sh = small.sentenceShingles();
  let total = 0;
  let copied = 0;
  let run = { words: 0, sentences: 0 };
  let best = run;
  feats.forEach((f, k) => {
    total += f.words;
    // a sentence repeating an earlier one (0 words) neither extends nor breaks a run
    if (f.words === 0) return;
    const s = sh[k]!;
    if (s.length > 0 && intersectionSize(s, large.shingles) / s.length >= minShare) {
      copied += f.words;
      run = { words: run.words + f.words, sentences: run.sentences + 1 };
      if (run.words > best.words) best = run;
    } else run = { words: 0, sentences: 0 };
  });
  return { coverage: total > 0 ? copied / total : 0, runWords: best.words, runSentences: best.sentences };
}

/** Rewrites and paraphrases: most of the smaller text's sentences align with sentences of the other. */
export function rewriteDetector(options: Partial<ProvenanceOptions> = {}): Detector {
  const o = { ...defaultProvenanceOptions, ...options };
  return {
    name: 'rewrite',
    kinds: ['rewrite'],
    detect(a, b) {
      const ov = overlap(a, b);
      if (ov.jaccard >= o.nearMinJaccard || jaccard(a.anchors, b.anchors) < o.rewriteMinAnchorJaccard) return null;
      const al = alignSentences(a.features(), b.features(), o.sentenceMinSimilarity);
      // "smaller" counts each distinct sentence once, so a text pasted twice is not twice as long
      const smallerIsA = uniqueWords(a) <= uniqueWords(b);
      const coverage = smallerIsA ? al.coverageA : al.coverageB;
      if (coverage < o.rewriteMinCoverage || al.pairs.length < o.rewriteMinPairs) return null;
      const score = round(coverage * al.meanScore);
      const rule = `${al.pairs.length} sentences aligned covering ${Math.round(coverage * 100)}% of the smaller text (mean score ${round(al.meanScore)})`;
      return {
        kind: 'rewrite',
        score,
        evidence: {
          rule,
          jaccard: round(ov.jaccard),
          containment: round(ov.containment),
          coverage: { a: round(al.coverageA), b: round(al.coverageB) },
          pairs: evidencePairs(a, b, al, o.evidencePairs),
        },
      };
    },
  };
}

/** All detectors, strongest first. */
export function detectors(options: Partial<ProvenanceOptions> = {}): Detector[] {
  return [exactDetector(), nearDetector(options), partialDetector(options), rewriteDetector(options)];
}

/** The composite detector: the first detector (strongest first) that fires. */
export function pairClassifier(options: Partial<ProvenanceOptions> = {}): Detector {
  const all = detectors(options);
  return {
    name: 'classifier',
    kinds: ['exact', 'near', 'partial', 'rewrite'],
    detect(a, b) {
      for (const d of all) {
        const hit = d.detect(a, b);
        if (hit) return hit;
      }
      return null;
    },
  };
}
