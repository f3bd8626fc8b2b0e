/**
 * A document prepared for comparison: words, shingle hashes, anchors and (lazily) sentence
 * features. Built once per article per comparison round; never stored.
 */
import { anchorPairs, sentenceAnchors } from './anchors.js';
import { combine, hashString } from './hash.js';
import { plainSentenceAnchors, plainWordHashes } from './plain-text.js';
import { type SentenceFeatures, sentenceFeatures } from './sentences.js';
import { paragraphsOf, sentences, textKey, words } from './text.js';

export interface DocInput {
  readonly id: string;
  readonly seq: number;
  readonly text: string;
  readonly paragraphs?: readonly string[];
}

export interface DocView {
  readonly id: string;
  readonly seq: number;
  /** Normalised text hash (equal for exact copies). */
  readonly key: string;
  readonly wordCount: number;
  /** Shingle positions minus distinct shingles: 0 or 1 means no sentence can be repeated inside the text. */
  readonly repeatedShingles: number;
  /** Distinct word-shingle hashes, sorted ascending. */
  readonly shingles: Int32Array;
  /** Distinct anchor hashes (names, numbers), sorted ascending. */
  readonly anchors: Int32Array;
  /** Distinct hashes of anchor pairs sharing a sentence, sorted ascending (the rewrite candidate key set). */
  readonly anchorPairs: Int32Array;
  readonly sentences: readonly string[];
  /** Sentence features for alignment, computed on first use. */
  features(): readonly SentenceFeatures[];
  /** Per sentence: its word-shingle hashes (a subset of `shingles`), computed on first use. */
  sentenceShingles(): readonly Int32Array[];
}

/** Distinct hashes of every run of `size` consecutive words (the whole text when shorter). */
export function shingleHashes(ws: readonly string[], size: number): Int32Array {
  return shinglesOfHashes(ws.map(hashString), size);
}

/** As `shingleHashes`, from the words' hashes. */
export function shinglesOfHashes(wh: readonly number[], size: number): Int32Array {
  if (wh.length === 0) return new Int32Array(0);
  const n = Math.max(1, wh.length - size + 1);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let h = size;
    for (let j = i; j < Math.min(i + size, wh.length); j++) h = combine(h, wh[j]!);
    out[i] = h;
  }
  return distinctInPlace(out);
}

/** Sorted distinct values of `a` (a copy). */
export function uniqueSorted(a: Int32Array): Int32Array {
  return distinctInPlace(a.slice());
}

/**
 * Sorts `s` in place and returns its distinct values. Copying with `Int32Array.from` (the
 * iterator protocol) before sorting took ~10% of the key computation in a CPU profile; callers
 * that own their array skip the copy.
 */
function distinctInPlace(s: Int32Array): Int32Array {
  s.sort();
  let w = 0;
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[i - 1]) s[w++] = s[i] ?? 0;
  return s.slice(0, w);
}

/** Every value of every list, in one typed array. */
function flatten(lists: readonly (readonly number[])[]): Int32Array {
  let n = 0;
  for (const l of lists) n += l.length;
  const out = new Int32Array(n);
  let k = 0;
  for (const l of lists) for (const v of l) out[k++] = v;
  return out;
}

/** Size of the intersection of two sorted distinct arrays. */
export function intersectionSize(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}

/** Computes `make()` on first call only. */
function lazy<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
}

/**
 * Every field is computed on first use, so a candidate that fails a cheap test (its anchors)
 * never pays for shingles, key or alignment features.
 */
export function docView(input: DocInput, shingleSize: number): DocView {
  const paras = lazy(() => paragraphsOf(input.text, input.paragraphs));
  const sents = lazy(() => sentences(paras().map((p) => p.normalize('NFKC'))));
  // plain texts (ASCII and a few typographic marks) take a one-pass path with the same result
  const perSentence = lazy(() => plainSentenceAnchors(paras()) ?? sentenceAnchors(sents()));
  const wordHashes = lazy(() => plainWordHashes(input.text) ?? words(input.text).map(hashString));
  const shingles = lazy(() => shinglesOfHashes(wordHashes(), shingleSize));
  const key = lazy(() => textKey(wordHashes()));
  const anchors = lazy(() => distinctInPlace(flatten(perSentence())));
  const pairs = lazy(() => distinctInPlace(new Int32Array(anchorPairs(perSentence()))));
  const feats = lazy(() => sentenceFeatures(sents()));
  const sentShingles = lazy(() => sents().map((x) => shingleHashes(words(x), shingleSize)));
  return {
    id: input.id,
    seq: input.seq,
    get key() {
      return key();
    },
    get wordCount() {
      return wordHashes().length;
    },
    get repeatedShingles() {
      return Math.max(0, wordHashes().length - shingleSize + 1) - shingles().length;
    },
    get shingles() {
      return shingles();
    },
    get anchors() {
      return anchors();
    },
    get anchorPairs() {
      return pairs();
    },
    get sentences() {
      return sents();
    },
    features: feats,
    sentenceShingles: sentShingles,
  };
}
