/**
 * The persistent candidate index: one SQLite row per (key, article seq) in a WITHOUT ROWID
 * table, where keys are 32-bit MinHash band keys (word shingles and anchors) and containment
 * samples. Lookups read only the posting lists of the new article's keys, each capped, so an
 * insert costs the same whether 1,000 or 1,000,000 articles are stored.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { ProvenanceOptions } from '../options.js';
import type { DocView } from './doc.js';
import { type BandScheme, bandKeys, bandScheme, containmentSamples } from './minhash.js';

/** Tags separating the three key families (arbitrary distinct constants). */
const SHINGLE_TAG = 0x5348;
const ANCHOR_TAG = 0x414e;
const SAMPLE_TAG = 0x5341;

export interface IndexKeys {
  readonly shingle: readonly number[];
  readonly anchor: readonly number[];
  readonly sample: readonly number[];
}

export interface CandidateHits {
  seq: number;
  shingle: number;
  anchor: number;
  sample: number;
}

export interface KeySchemes {
  readonly shingle: BandScheme;
  readonly anchor: BandScheme;
}

export function keySchemes(o: ProvenanceOptions): KeySchemes {
  return { shingle: bandScheme(SHINGLE_TAG, o.shingleBands, o.shingleRows), anchor: bandScheme(ANCHOR_TAG, o.anchorBands, o.anchorRows) };
}

export function indexKeys(view: DocView, schemes: KeySchemes, o: ProvenanceOptions): IndexKeys {
  return {
    shingle: bandKeys(view.shingles, schemes.shingle),
    anchor: bandKeys(view.anchorPairs, schemes.anchor),
    sample: containmentSamples(view.shingles, SAMPLE_TAG, o.sampleRate, o.sampleMax),
  };
}

export class LshIndex {
  readonly #lookup: Statement<[number, number], number>;
  readonly #insert: Statement<[number, number]>;
  readonly #maxPosting: number;
  /** Keys skipped because their posting list was over the cap (reported by the benchmark). */
  skippedKeys = 0;

  constructor(db: Database, maxPosting: number) {
    this.#lookup = db.prepare<[number, number], number>('SELECT seq FROM dedup_lsh WHERE key = ? LIMIT ?').pluck();
    this.#insert = db.prepare<[number, number]>('INSERT OR IGNORE INTO dedup_lsh (key, seq) VALUES (?, ?)');
    this.#maxPosting = maxPosting;
  }

  /** Stored articles sharing keys with `keys`, with hit counts per key family. */
  query(keys: IndexKeys, exclude: number): CandidateHits[] {
    const hits = new Map<number, CandidateHits>();
    const visit = (family: 'shingle' | 'anchor' | 'sample', list: readonly number[]) => {
      for (const key of list) {
        const seqs = this.#lookup.all(key, this.#maxPosting + 1);
        if (seqs.length > this.#maxPosting) {
          this.skippedKeys++;
          continue;
        }
        for (const seq of seqs) {
          if (seq === exclude) continue;
          let h = hits.get(seq);
          if (!h) hits.set(seq, (h = { seq, shingle: 0, anchor: 0, sample: 0 }));
          h[family]++;
        }
      }
    };
    visit('shingle', keys.shingle);
    visit('sample', keys.sample);
    visit('anchor', keys.anchor);
    return [...hits.values()];
  }

  insert(seq: number, keys: IndexKeys): void {
    for (const list of [keys.shingle, keys.anchor, keys.sample]) for (const key of list) this.#insert.run(key, seq);
  }
}
