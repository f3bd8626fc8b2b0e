/**
 * A Bloom filter over the keys of the main posting table (`dedup_lsh`), stored in the database
 * (`dedup_lsh_filter`) and kept in memory, so an insert probes the main table only for the keys
 * that may be there. A new article's keys are almost all new: on bench/dedup's synthetic store at
 * 1M articles, 0.4% of its shingle-band keys, 3.8% of its anchor-band keys and 5% of its
 * containment samples exist in the main table, and each probe of a table much larger than
 * SQLite's page cache reads a leaf page from the file (~2 µs; 24 probes were a third of an insert).
 *
 * A Bloom filter has no false negatives, so candidates are exactly what the full probe finds.
 * The filter is changed only where the main table is, by the merge (keys added, or the filter
 * rebuilt from the table when the table has outgrown it), in the same transaction, and records
 * the main row count it covers: a filter whose count differs from `dedup_meta.lsh_main_rows`
 * (a merge by code that did not know the filter) is not used until the next merge rebuilds it.
 */
import type { Database, Statement } from 'better-sqlite3';
import { mix32 } from './hash.js';

/**
 * Filter bits per main-table posting when the filter is (re)built. The index budget is 300
 * bytes per article and the posting tables take ~290 at 1M articles (~20 postings of ~14.5 bytes),
 * so the filter gets ~0.5 byte per posting: 4 bits (10 bytes per article).
 */
export const FILTER_BITS_PER_POSTING = 4;
/**
 * The filter is rebuilt from the main table when the table has grown by this factor since the
 * build, so it has between 4 and 2.7 bits per posting: false-positive rate 0.155 → 0.28 with two
 * hashes. A rebuild scans the main table (~0.15 µs per posting: 2.9 CPU-seconds at 1M articles),
 * so 1.5 costs ~3 scans per posting over its life, about 6 µs per insert; 1.25 would double that
 * for 0.03 less false positives on average.
 */
export const FILTER_GROWTH = 1.5;
/** Bloom hash functions: the best count for 2.7–4 bits per key is 2–3 (k = bits × ln 2); 2 reads less memory. */
export const FILTER_HASHES = 2;
/** Smallest filter (bits): 8 KB, so a new store is not rebuilt on every early merge. */
export const FILTER_MIN_BITS = 1 << 16;
/**
 * Bits per key of the recent table's filter, which lives in memory only (rebuilt from the table when
 * needed: at most 1/32 of the postings): 8 bits and 2 hashes, false-positive rate 0.05, 0.6 MB at 1M
 * stored articles.
 */
export const RECENT_FILTER_BITS_PER_KEY = 8;
/** Main-table keys read per query during a rebuild (bounded memory whatever the table size). */
const REBUILD_CHUNK = 65536;
/** Seeds of the two filter hashes (arbitrary distinct odd constants). */
const SEED_A = 0x2545f491;
const SEED_B = 0x6c8e9cf5;
const FILTER_ID = 1;

/** The bits, and how many main-table rows they cover / may cover before a rebuild. */
export class KeyFilter {
  /** Bit p is bit (p & 7) of byte p >> 3 (bytes, so the stored blob means the same on every platform). */
  readonly bits: Uint8Array;
  readonly size: number;
  /** Main-table rows covered (equal to `dedup_meta.lsh_main_rows` when the filter is current). */
  rows: number;
  /** Rows beyond which the filter is rebuilt (see FILTER_GROWTH). */
  readonly capacity: number;

  constructor(bits: Uint8Array, rows: number, capacity: number) {
    this.bits = bits;
    this.size = bits.length * 8;
    this.rows = rows;
    this.capacity = capacity;
  }

  /** An empty filter sized for a table of `rows` rows at `bitsPerKey` bits each (at least FILTER_MIN_BITS). */
  static sizedFor(rows: number, bitsPerKey = FILTER_BITS_PER_POSTING): KeyFilter {
    const bits = Math.max(FILTER_MIN_BITS, Math.ceil(rows * bitsPerKey));
    const bytes = Math.ceil(bits / 8);
    return new KeyFilter(new Uint8Array(bytes), 0, Math.floor((bytes * 8 * FILTER_GROWTH) / bitsPerKey));
  }

  add(key: number): void {
    const a = (mix32(key ^ SEED_A) >>> 0) % this.size;
    const b = (mix32(key ^ SEED_B) >>> 0) % this.size;
    this.bits[a >>> 3] = (this.bits[a >>> 3] ?? 0) | (1 << (a & 7));
    this.bits[b >>> 3] = (this.bits[b >>> 3] ?? 0) | (1 << (b & 7));
  }

  /** False only when `key` is certainly not in the main table. */
  mayContain(key: number): boolean {
    const a = (mix32(key ^ SEED_A) >>> 0) % this.size;
    if (((this.bits[a >>> 3] ?? 0) & (1 << (a & 7))) === 0) return false;
    const b = (mix32(key ^ SEED_B) >>> 0) % this.size;
    return ((this.bits[b >>> 3] ?? 0) & (1 << (b & 7))) !== 0;
  }
}

/** SQL of the filter table (used by the schema migration). */
export const FILTER_TABLE_SQL = `CREATE TABLE dedup_lsh_filter (
  id INTEGER PRIMARY KEY,
  rows INTEGER NOT NULL,
  capacity INTEGER NOT NULL,
  bits BLOB NOT NULL
)`;

/** Reads and writes the stored filter of one database. */
export class FilterStore {
  readonly #rowsOnly: Statement<[number], number>;
  readonly #read: Statement<[number], { rows: number; capacity: number; bits: Buffer }>;
  readonly #write: Statement<[number, number, number, Buffer]>;
  readonly #scan: Statement<[number], number>;
  readonly #recentKeys: Statement<[], number>;

  constructor(db: Database) {
    this.#rowsOnly = db.prepare<[number], number>('SELECT rows FROM dedup_lsh_filter WHERE id = ?').pluck();
    this.#read = db.prepare<[number], { rows: number; capacity: number; bits: Buffer }>('SELECT rows, capacity, bits FROM dedup_lsh_filter WHERE id = ?');
    this.#write = db.prepare<[number, number, number, Buffer]>('INSERT OR REPLACE INTO dedup_lsh_filter (id, rows, capacity, bits) VALUES (?, ?, ?, ?)');
    this.#scan = db.prepare<[number], number>(`SELECT key FROM dedup_lsh WHERE key > ? ORDER BY key LIMIT ${REBUILD_CHUNK}`).pluck();
    this.#recentKeys = db.prepare<[], number>('SELECT key FROM dedup_lsh_recent').pluck();
  }

  /** Rows the stored filter covers (null: none stored). */
  storedRows(): number | null {
    return this.#rowsOnly.get(FILTER_ID) ?? null;
  }

  /** The stored filter, when it covers exactly `mainRows` rows; otherwise null (probe everything). */
  load(mainRows: number): KeyFilter | null {
    const r = this.#read.get(FILTER_ID);
    if (!r || r.rows !== mainRows || r.bits.byteLength === 0) return null;
    return new KeyFilter(new Uint8Array(r.bits), r.rows, r.capacity);
  }

  save(filter: KeyFilter): void {
    this.#write.run(FILTER_ID, filter.rows, filter.capacity, Buffer.from(filter.bits.buffer, filter.bits.byteOffset, filter.bits.byteLength));
  }

  /** A filter of every key in the recent table, sized for at least `expected` keys (memory only, never stored). */
  recentFilter(expected: number): KeyFilter {
    const keys = this.#recentKeys.all();
    const f = KeyFilter.sizedFor(Math.max(expected, keys.length), RECENT_FILTER_BITS_PER_KEY);
    for (const k of keys) f.add(k);
    f.rows = keys.length;
    return f;
  }

  /** A filter of every key in the main table, which holds `mainRows` rows (call inside a transaction). */
  rebuild(mainRows: number): KeyFilter {
    const f = KeyFilter.sizedFor(mainRows);
    // keys are read in order in chunks; a key repeated across a chunk boundary is already in
    let after = -(2 ** 31) - 1;
    for (;;) {
      const keys = this.#scan.all(after);
      for (const k of keys) f.add(k);
      if (keys.length < REBUILD_CHUNK) break;
      after = keys[keys.length - 1] ?? after;
    }
    f.rows = mainRows;
    return f;
  }
}

/**
 * Migration `dedup:3`: the filter table, and a filter of the keys already in the main table (a scan
 * of the table, ~0.15 µs per posting: about 3 s for a store of 1M articles, once).
 */
export function addKeyFilter(db: Database, mainRowsEntry: string): void {
  db.exec(FILTER_TABLE_SQL);
  const mainRows = (db.prepare('SELECT value FROM dedup_meta WHERE name = ?').pluck().get(mainRowsEntry) as number | undefined) ?? 0;
  const store = new FilterStore(db);
  store.save(store.rebuild(mainRows));
}
