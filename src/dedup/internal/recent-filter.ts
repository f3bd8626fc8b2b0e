/**
 * A Bloom filter over the keys in `dedup_lsh_recent`, so a lookup probes the recent table only for
 * keys that may be there. Lookups probed both tables for every key; the recent probes were about a
 * quarter of the lookup statement's cost (10 of 37 µs per article at 100k stored, timed on a copy
 * of the benchmark store) although the recent table holds at most 1/32 of the postings.
 *
 * It is only trusted while it provably reflects the table: it is rebuilt from the table whenever the
 * merge generation (`dedup_meta.lsh_merges`, bumped by every merge in the merge's own transaction)
 * differs from the one it was built for — after this process's merge, and after a rolled-back one —
 * and it is not trusted after another connection committed (`PRAGMA data_version` changed) until the
 * next rebuild. Keys added by a transaction that is rolled back stay in it: false positives only.
 * One filter per connection (`recentFilter`), shared by every index object on it: a second stage
 * object on the same connection must see the first one's keys, and `data_version` does not change
 * for a connection's own writes.
 */
import type { Database, Statement } from 'better-sqlite3';

/**
 * Fixed size, so memory does not grow with the store: 2^23 bits (1 MiB). With 2 probes the false-
 * positive rate is 2% at the largest recent table of a 1M-article store (~650k keys) and the filter
 * degrades gracefully (to probing everything) beyond.
 */
const FILTER_BITS = 2 ** 23;
const WORD_BITS = 32;
/** Second probe: the key re-mixed (MurmurHash3 finaliser multiplier) so the two positions are independent. */
const SECOND_PROBE_MULTIPLIER = 0x85ebca6b;
/** `dedup_meta` entry counting merges of the recent table. */
export const MERGES = 'lsh_merges';

export class RecentFilter {
  readonly #bits = new Uint32Array(FILTER_BITS / WORD_BITS);
  readonly #dataVersion: Statement<[], number>;
  readonly #generation: Statement<[string], number>;
  readonly #recentKeys: Statement<[], number>;
  #builtFor = -1;
  #version = -1;
  #trusted = false;

  constructor(db: Database) {
    this.#dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.#generation = db.prepare<[string], number>('SELECT value FROM dedup_meta WHERE name = ?').pluck();
    this.#recentKeys = db.prepare<[], number>('SELECT key FROM dedup_lsh_recent').pluck();
  }

  /** Brings the filter up to date; false when it cannot be trusted (then every key must be probed). */
  ready(): boolean {
    const generation = this.#generation.get(MERGES) ?? 0;
    const version = this.#dataVersion.get() ?? 0;
    if (generation !== this.#builtFor) {
      this.#bits.fill(0);
      for (const key of this.#recentKeys.iterate()) this.add(key);
      this.#builtFor = generation;
      this.#trusted = true;
    } else if (version !== this.#version) this.#trusted = false;
    this.#version = version;
    return this.#trusted;
  }

  add(key: number): void {
    const [a, b] = positions(key);
    this.#bits[a >>> 5] = (this.#bits[a >>> 5] ?? 0) | (1 << (a & 31));
    this.#bits[b >>> 5] = (this.#bits[b >>> 5] ?? 0) | (1 << (b & 31));
  }

  mayContain(key: number): boolean {
    const [a, b] = positions(key);
    return ((this.#bits[a >>> 5] ?? 0) & (1 << (a & 31))) !== 0 && ((this.#bits[b >>> 5] ?? 0) & (1 << (b & 31))) !== 0;
  }
}

function positions(key: number): [number, number] {
  const a = (key >>> 0) % FILTER_BITS;
  const b = (Math.imul(key ^ (key >>> 16), SECOND_PROBE_MULTIPLIER) >>> 0) % FILTER_BITS;
  return [a, b];
}

const filters = new WeakMap<Database, RecentFilter>();

/** The connection's filter (created on first use). */
export function recentFilter(db: Database): RecentFilter {
  let f = filters.get(db);
  if (!f) {
    f = new RecentFilter(db);
    filters.set(db, f);
  }
  return f;
}
