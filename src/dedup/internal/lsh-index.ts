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
const NAME_TAG = 0x4e4d;

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
  readonly name: BandScheme;
}

export function keySchemes(o: ProvenanceOptions): KeySchemes {
  return {
    shingle: bandScheme(SHINGLE_TAG, o.shingleBands, o.shingleRows),
    anchor: bandScheme(ANCHOR_TAG, o.anchorBands, o.anchorRows),
    name: bandScheme(NAME_TAG, o.nameBands, o.nameRows),
  };
}

export function indexKeys(view: DocView, schemes: KeySchemes, o: ProvenanceOptions): IndexKeys {
  return {
    shingle: bandKeys(view.shingles, schemes.shingle),
    // both rewrite sources (anchor pairs, single names) count as anchor hits
    anchor: [...bandKeys(view.anchorPairs, schemes.anchor), ...bandKeys(view.anchors, schemes.name)],
    sample: containmentSamples(view.shingles, SAMPLE_TAG, o.sampleRate, o.sampleMax),
  };
}

type Family = 'shingle' | 'anchor' | 'sample';

/**
 * Lookups and inserts go to SQLite as ONE statement per article (a UNION ALL of per-key capped
 * lookups; a multi-row insert): the per-call overhead, not the B-tree search, dominated when each
 * key was its own call (CPU profile of bench/dedup at 20k: per-key lookups 21% and inserts 7% of
 * samples; batching raised 3,596 to 4,146 inserts per CPU-second).
 */
export class LshIndex {
  readonly #db: Database;
  readonly #maxPosting: number;
  readonly #lookups = new Map<number, Statement<number[], [number, number]>>();
  readonly #inserts = new Map<number, Statement<number[]>>();
  /** Keys skipped because their posting list was over the cap (reported by the benchmark). */
  skippedKeys = 0;

  constructor(db: Database, maxPosting: number) {
    this.#db = db;
    this.#maxPosting = maxPosting;
  }

  #lookup(n: number): Statement<number[], [number, number]> {
    let st = this.#lookups.get(n);
    if (!st) {
      const one = (i: number) => `SELECT ${i} AS k, seq FROM (SELECT seq FROM dedup_lsh WHERE key = ? LIMIT ${this.#maxPosting + 1})`;
      st = this.#db.prepare<number[], [number, number]>(Array.from({ length: n }, (_, i) => one(i)).join(' UNION ALL ')).raw();
      this.#lookups.set(n, st);
    }
    return st;
  }

  #insertStmt(n: number): Statement<number[]> {
    let st = this.#inserts.get(n);
    if (!st) {
      st = this.#db.prepare<number[]>(`INSERT OR IGNORE INTO dedup_lsh (key, seq) VALUES ${Array.from({ length: n }, () => '(?, ?)').join(', ')}`);
      this.#inserts.set(n, st);
    }
    return st;
  }

  /** Stored articles sharing keys with `keys`, with hit counts per key family. */
  query(keys: IndexKeys, exclude: number): CandidateHits[] {
    const all: number[] = [];
    const family: Family[] = [];
    for (const f of ['shingle', 'sample', 'anchor'] as const) {
      for (const k of keys[f]) {
        all.push(k);
        family.push(f);
      }
    }
    if (all.length === 0) return [];
    const rows = this.#lookup(all.length).all(...all);
    const perKey = new Array<number>(all.length).fill(0);
    for (const [k] of rows) perKey[k]!++;
    const hits = new Map<number, CandidateHits>();
    for (const [k, seq] of rows) {
      if (perKey[k]! > this.#maxPosting || seq === exclude) continue;
      let h = hits.get(seq);
      if (!h) {
        h = { seq, shingle: 0, anchor: 0, sample: 0 };
        hits.set(seq, h);
      }
      h[family[k]!]++;
    }
    for (const n of perKey) if (n > this.#maxPosting) this.skippedKeys++;
    return [...hits.values()];
  }

  insert(seq: number, keys: IndexKeys): void {
    const params: number[] = [];
    for (const list of [keys.shingle, keys.anchor, keys.sample]) for (const key of list) params.push(key, seq);
    if (params.length > 0) this.#insertStmt(params.length / 2).run(...params);
  }
}
