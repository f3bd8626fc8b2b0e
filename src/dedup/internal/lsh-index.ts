/**
 * The persistent candidate index: one SQLite row per (key, article seq) in WITHOUT ROWID tables,
 * where keys are 32-bit MinHash band keys (word shingles and anchors) and containment samples.
 * Lookups read only the posting lists of the new article's keys, each capped, so an insert costs
 * about the same whether 1,000 or 1,000,000 articles are stored. New rows land in a small table
 * that is merged into the main one in key order (see RECENT_SHARE).
 */
import type { Database, Statement } from 'better-sqlite3';
import type { ProvenanceOptions } from '../options.js';
import type { DocView } from './doc.js';
import { FilterStore, KeyFilter, RECENT_FILTER_BITS_PER_KEY } from './key-filter.js';
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
 * New postings go to a small table, `dedup_lsh_recent`, and are moved into the main table in one
 * key-ordered pass when the small table reaches this share of the main one (log-structured merge).
 * Random-key inserts straight into the main B-tree dirtied about one 4 KB page per key once the
 * table outgrew SQLite's page cache (bench/dedup at 300k: the commit alone was 20% of the CPU
 * profile, and inserts per CPU-second fell from 6,074 at 20k to 2,887); a key-ordered merge writes
 * each main page about once per merge instead. Set by the cost model pages/article ≈ 0.067/share
 * (merge) + share × rows/220 per 1,000-insert transaction (recent table), which is flat between 2%
 * and 5% at 1M articles, and by the index budget (the recent table adds up to the share to the index
 * size): 1/32.
 */
export const RECENT_SHARE = 1 / 32;
/** Fewest postings before a merge (about 50 articles), so a small store is not merged on every insert. */
export const MIN_RECENT_ROWS = 1024;
/** `dedup_meta` entry holding the main table's row count (kept by the merge; counting 20M rows on open would take seconds). */
export const MAIN_ROWS = 'lsh_main_rows';

/**
 * The key filters of one connection, shared by every index object on it (see `KeyFilter`): the
 * main table's (stored), and the recent table's (memory only). The recent filter belongs to one
 * state of the tables, named by the main row count (`generation`, which every merge changes, and a
 * rolled-back merge changes back) and `PRAGMA data_version` (`version`, which changes when another
 * connection commits, e.g. its own inserts); in any other state it is rebuilt from the recent table.
 */
interface FilterState {
  readonly store: FilterStore;
  readonly dataVersion: Statement<[], number>;
  filter: KeyFilter | null;
  /** The main row count the filter was last loaded or checked for (a stored filter that did not match is not re-read until it changes). */
  checked: number;
  recent: KeyFilter | null;
  generation: number;
  version: number;
}

const filterStates = new WeakMap<Database, FilterState>();

/**
 * Lookups and inserts go to SQLite as ONE statement per article (a UNION ALL of per-key capped
 * lookups, in both tables; a multi-row insert): the per-call overhead, not the B-tree search,
 * dominated when each key was its own call (CPU profile of bench/dedup at 20k: per-key lookups 21%
 * and inserts 7% of samples; batching raised 3,596 to 4,146 inserts per CPU-second). The main table
 * is probed only for the keys its filter may hold (see `KeyFilter`).
 */
export class LshIndex {
  readonly #db: Database;
  readonly #maxPosting: number;
  readonly #lookups = new Map<string, Statement<number[], [number, number]>>();
  readonly #inserts = new Map<number, Statement<number[]>>();
  readonly #countRecent: Statement<[], number>;
  readonly #getMainRows: Statement<[string], number>;
  readonly #addMainRows: Statement<[string, number]>;
  readonly #merge: Statement<[]>;
  readonly #clearRecent: Statement<[]>;
  readonly #recentKeys: Statement<[], number>;
  readonly #filter: FilterState;
  /** Postings in the recent table as far as this process knows (re-counted before a merge). */
  #recentRows: number;
  #mainRows: number;
  /** Keys skipped because their posting list was over the cap (reported by the benchmark). */
  skippedKeys = 0;
  /** Merges of the recent table into the main one (reported by the benchmark). */
  merges = 0;
  /** Main-table probes skipped because the filter rules the key out (reported by the benchmark). */
  filteredProbes = 0;
  /** Filter rebuilds from the main table (reported by the benchmark). */
  filterRebuilds = 0;
  /** Recent-table filter rebuilds (at the first lookup, and after another connection's commits or a rolled-back merge). */
  recentFilterBuilds = 0;

  constructor(db: Database, maxPosting: number) {
    this.#db = db;
    this.#maxPosting = maxPosting;
    this.#countRecent = db.prepare<[], number>('SELECT count(*) FROM dedup_lsh_recent').pluck();
    this.#getMainRows = db.prepare<[string], number>('SELECT value FROM dedup_meta WHERE name = ?').pluck();
    this.#addMainRows = db.prepare<[string, number]>(
      'INSERT INTO dedup_meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value',
    );
    // the recent table is read in key order, so the main B-tree is written page after page
    this.#merge = db.prepare('INSERT OR IGNORE INTO dedup_lsh (key, seq) SELECT key, seq FROM dedup_lsh_recent ORDER BY key, seq');
    this.#clearRecent = db.prepare('DELETE FROM dedup_lsh_recent');
    this.#recentKeys = db.prepare<[], number>('SELECT key FROM dedup_lsh_recent').pluck();
    this.#recentRows = this.#countRecent.get() ?? 0;
    this.#mainRows = this.#getMainRows.get(MAIN_ROWS) ?? 0;
    let state = filterStates.get(db);
    if (!state) {
      const store = new FilterStore(db);
      const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
      state = { store, dataVersion, filter: store.load(this.#mainRows), checked: this.#mainRows, recent: null, generation: -1, version: -1 };
      filterStates.set(db, state);
    }
    this.#filter = state;
  }

  /**
   * The filters, when they cover the tables as they are now: the recorded main row count is read on
   * every call (one row), so a merge by another connection or another index object, or a rolled-back
   * one, is noticed; then the stored main filter is read, and used only if it covers exactly that
   * count. The recent filter is rebuilt when the main row count or the data version has changed.
   */
  #currentFilters(): { main: KeyFilter | null; recent: KeyFilter } {
    const st = this.#filter;
    const mainRows = this.#getMainRows.get(MAIN_ROWS) ?? 0;
    if (st.filter?.rows !== mainRows && st.checked !== mainRows) {
      st.filter = st.store.load(mainRows);
      st.checked = mainRows;
    }
    const version = st.dataVersion.get() ?? 0;
    if (!st.recent || st.generation !== mainRows || st.version !== version) {
      st.recent = st.store.recentFilter(this.#mergeAtFor(mainRows));
      st.generation = mainRows;
      st.version = version;
      this.recentFilterBuilds++;
    }
    return { main: st.filter?.rows === mainRows ? st.filter : null, recent: st.recent };
  }

  #lookup(nMain: number, nRecent: number): Statement<number[], [number, number]> {
    const id = `${nMain},${nRecent}`;
    let st = this.#lookups.get(id);
    if (!st) {
      // each part binds (key index, key): the index says which key a row answers
      const one = (table: string) => `SELECT ? AS k, seq FROM (SELECT seq FROM ${table} WHERE key = ? LIMIT ${this.#maxPosting + 1})`;
      const parts = [...Array.from({ length: nMain }, () => one('dedup_lsh')), ...Array.from({ length: nRecent }, () => one('dedup_lsh_recent'))];
      st = this.#db.prepare<number[], [number, number]>(parts.join(' UNION ALL ')).raw();
      this.#lookups.set(id, st);
    }
    return st;
  }

  #insertStmt(n: number): Statement<number[]> {
    let st = this.#inserts.get(n);
    if (!st) {
      st = this.#db.prepare<number[]>(`INSERT OR IGNORE INTO dedup_lsh_recent (key, seq) VALUES ${Array.from({ length: n }, () => '(?, ?)').join(', ')}`);
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
    const { main, recent } = this.#currentFilters();
    const params: number[] = [];
    let nMain = 0;
    for (let i = 0; i < all.length; i++) {
      const k = all[i] ?? 0;
      if (main && !main.mayContain(k)) continue;
      params.push(i, k);
      nMain++;
    }
    let nRecent = 0;
    for (let i = 0; i < all.length; i++) {
      const k = all[i] ?? 0;
      if (!recent.mayContain(k)) continue;
      params.push(i, k);
      nRecent++;
    }
    this.filteredProbes += 2 * all.length - nMain - nRecent;
    if (nMain + nRecent === 0) return [];
    const rows = this.#lookup(nMain, nRecent).all(...params);
    // a key's posting list is its rows in both tables; over the cap it is skipped
    const perKey = new Array<number>(all.length).fill(0);
    for (const [k] of rows) perKey[k] = (perKey[k] ?? 0) + 1;
    const hits = new Map<number, CandidateHits>();
    for (const [k, seq] of rows) {
      if ((perKey[k] ?? 0) > this.#maxPosting || seq === exclude) continue;
      let h = hits.get(seq);
      if (!h) {
        h = { seq, shingle: 0, anchor: 0, sample: 0 };
        hits.set(seq, h);
      }
      const f = family[k];
      if (f) h[f]++;
    }
    for (const n of perKey) if (n > this.#maxPosting) this.skippedKeys++;
    return [...hits.values()];
  }

  insert(seq: number, keys: IndexKeys): void {
    const params: number[] = [];
    for (const list of [keys.shingle, keys.anchor, keys.sample]) for (const key of list) params.push(key, seq);
    if (params.length === 0) return;
    this.#insertStmt(params.length / 2).run(...params);
    this.#recentRows += params.length / 2;
    const st = this.#filter;
    if (st.recent && st.generation === this.#mainRows) {
      for (const list of [keys.shingle, keys.anchor, keys.sample]) for (const key of list) st.recent.add(key);
    } else st.recent = null;
    if (this.#recentRows >= this.#mergeAt()) this.mergeIfDue();
  }

  #mergeAt(): number {
    return this.#mergeAtFor(this.#mainRows);
  }

  #mergeAtFor(mainRows: number): number {
    return Math.max(MIN_RECENT_ROWS, Math.ceil(mainRows * RECENT_SHARE));
  }

  /**
   * Moves the recent postings into the main table when the recent table is due (another process may
   * have merged or added meanwhile, so both counts are re-read first), and brings the filter up to
   * date in the same transaction: the moved keys are added, or, when the main table has outgrown
   * the filter (or there is no current one), the filter is rebuilt from the table. Call inside a
   * transaction.
   */
  mergeIfDue(): void {
    const filter = this.#currentFilters().main;
    this.#recentRows = this.#countRecent.get() ?? 0;
    this.#mainRows = this.#getMainRows.get(MAIN_ROWS) ?? 0;
    if (this.#recentRows < this.#mergeAt()) return;
    const growInPlace = filter !== null && this.#mainRows + this.#recentRows <= filter.capacity;
    const moving = growInPlace ? this.#recentKeys.all() : [];
    const moved = this.#merge.run().changes;
    this.#clearRecent.run();
    this.#addMainRows.run(MAIN_ROWS, moved);
    this.#mainRows += moved;
    this.#recentRows = 0;
    this.merges++;
    let next: KeyFilter;
    if (growInPlace && filter) {
      for (const k of moving) filter.add(k);
      filter.rows = this.#mainRows;
      next = filter;
    } else {
      next = this.#filter.store.rebuild(this.#mainRows);
      this.filterRebuilds++;
    }
    this.#filter.store.save(next);
    this.#filter.filter = next;
    this.#filter.checked = this.#mainRows;
    // the recent table is empty now
    this.#filter.recent = KeyFilter.sizedFor(this.#mergeAt(), RECENT_FILTER_BITS_PER_KEY);
    this.#filter.generation = this.#mainRows;
  }
}
